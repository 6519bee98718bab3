//! 自评表: the score sheet in the common layout, from the same card as the score panel,
//! with its CSV and Excel exports.

use rust_decimal::Decimal;
use ziping_engine::num::{Pct, Plain, RoundingMode};
use ziping_engine::sheet::{self, ScoreSheet, BUDGET_HEADER, ROW_HEADER};

use crate::build::{button, fold, N};
use crate::io::Office;
use crate::io::{export_sheet_csv, office_button, status};
use crate::text;
use crate::view::{with, Kind, Region};

pub fn page() -> N {
    let open = with(|app| app.sheet_open);
    let mut preview = fold("preview", |app| &mut app.sheet_open, Region::Sheet)
        .c(N::new("summary").t(text::SHEET_PREVIEW));
    if open {
        // Drawn wholly from the figures: built again when the sheet changes.
        let s = with(|app| sheet::sheet(&app.assessment));
        preview = preview.c(sheet_view(s).out(Kind::Rebuild(Region::Sheet), |app, c| {
            sheet::csv(&sheet::sheet_of(&app.assessment, &c.card))
        }));
    }
    N::new("section")
        .a("id", "sheet")
        .a("class", "page")
        .c(N::new("h2").t(text::NAV_SHEET))
        .c(N::new("div")
            .a("class", "tools")
            .c(button(text::EXPORT_CSV, |_| export_sheet_csv()).a("data-testid", "export-csv"))
            .c(office_button(
                Office::SheetXlsx,
                text::EXPORT_XLSX,
                "export-xlsx",
                "sheet",
            ))
            .c(status("sheet", "sheet-status")))
        .c(preview)
}

fn opt(v: Option<Decimal>) -> String {
    v.map_or_else(String::new, |v| Plain(v).to_string())
}

/// A table cell with text; figures are right-aligned.
fn td(class: &str, text: &str) -> N {
    N::new("td").a_if(!class.is_empty(), "class", class).t(text)
}

fn sheet_view(s: ScoreSheet) -> N {
    let budget = s
        .budget
        .iter()
        .map(|b| {
            N::new("tr")
                .c(N::new("th").a("scope", "row").t(&b.name))
                .c(td("num", &opt(b.initial)))
                .c(td("num", &opt(b.adjusted)))
                .c(td("num", &opt(b.actual)))
                .c(td("num", &opt(b.points)))
                .c(td(
                    "num",
                    &b.rate
                        .map(|r| Pct(r, RoundingMode::HalfUp).to_string())
                        .unwrap_or_default(),
                ))
                .c(td("num", &opt(b.score)))
                .c(td("", &b.note))
        })
        .collect();
    let rows = s
        .rows
        .iter()
        .map(|r| {
            N::new("tr")
                .c(td("", &r.section))
                .c(td("", &r.category))
                .c(td("", &r.name))
                .c(td("num", &r.target.text()))
                .c(td("num", &r.actual.text()))
                .c(td("num", &Plain(r.points).to_string()))
                .c(td("num", &Plain(r.score).to_string()))
                .c(td("", &r.note))
        })
        .collect();
    let head = |h: &[&str]| {
        N::new("thead").c(N::new("tr").cs(h.iter().map(|h| N::new("th").t(h)).collect()))
    };
    N::new("div")
        .a("class", "sheet")
        .a("data-testid", "sheet")
        .c(N::new("h3").t(&s.title))
        .c(N::new("p").t(&format!(
            "{}：{}　{}：{}",
            text::DEPARTMENT,
            s.department,
            text::UNIT,
            s.unit
        )))
        .c(N::new("table")
            .a("class", "grid")
            .c(head(&BUDGET_HEADER))
            .c(N::new("tbody").cs(budget)))
        .c(N::new("table")
            .a("class", "grid")
            .c(head(&ROW_HEADER))
            .c(N::new("tbody").cs(rows).c(N::new("tr")
                .a("class", "total")
                .c(N::new("th")
                    .a("scope", "row")
                    .a("colspan", "5")
                    .t(text::TOTAL_ROW))
                .c(td("num", &Plain(s.max_total).to_string()))
                .c(td("num", &Plain(s.total).to_string()).a("data-testid", "sheet-total"))
                .c(td("", &format!("{}：{}", text::GRADE, s.grade))))))
}
