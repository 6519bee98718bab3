//! （四）部门整体收支情况: income by source, spending with basic and project parts, and
//! the economic-classification table; every total, change, share and rate is derived.

use rust_decimal::Decimal;
use ziping_engine::figures::{Change, Figures};
use ziping_engine::model::{EconomicClass, Override};
use ziping_engine::num::{fmt_pct, Fixed, RoundingMode};
use ziping_engine::tsv;

use crate::build::{target_checked, N};
use crate::fields::{
    enter_moves_down, number, pasted_block, target_row, text_area, text_input, Cell,
};
use crate::state::{edit, notify, App, Calc, Notice};
use crate::text;
use crate::view::{with, Region};

const FIGURES: [(&str, &str); 4] = [
    ("initial", text::INITIAL),
    ("adjusted", text::ADJUSTED),
    ("actual", text::ACTUAL),
    ("last_actual", text::LAST_ACTUAL),
];

/// A change in words: amount and growth.
fn change(c: &Change, m: RoundingMode) -> String {
    match (c.change, c.growth) {
        (Some(ch), Some(g)) => format!("{}，{}", Fixed(ch, m), fmt_pct(g, m)),
        (Some(ch), None) => Fixed(ch, m).to_string(),
        _ => "—".into(),
    }
}

/// A derived figure, written with the scheme's rounding.
fn fig(f: fn(&Figures, RoundingMode) -> String) -> impl Fn(&App, &Calc) -> String {
    move |app, c| f(&c.figures, app.assessment.scheme.rounding.mode)
}

fn amount(v: Option<Decimal>, m: RoundingMode) -> String {
    v.map(|v| Fixed(v, m).to_string())
        .unwrap_or_else(|| "—".into())
}

fn share(v: Option<Decimal>) -> String {
    v.map(|s| format!("{s}%")).unwrap_or_else(|| "—".into())
}

fn head() -> N {
    N::new("thead").c(N::new("tr")
        .c(N::new("th"))
        .cs(FIGURES.iter().map(|(_, l)| N::new("th").t(l)).collect())
        .c(N::new("th").t(text::CHANGE)))
}

fn line(key: &str, label: &str, changed: fn(&Figures, RoundingMode) -> String) -> N {
    N::new("tr")
        .c(N::new("th").a("scope", "row").t(label))
        .cs(FIGURES
            .iter()
            .map(|(f, fl)| {
                N::new("td").c(number(
                    &format!("finance.{key}.{f}"),
                    &format!("{label}{fl}"),
                    None,
                ))
            })
            .collect())
        .c(N::new("td").c(N::new("output").a("class", "derived").live(fig(changed))))
}

fn derived(f: fn(&Figures, RoundingMode) -> String) -> N {
    N::new("td").c(N::new("output").a("class", "derived").live(fig(f)))
}

pub fn page() -> N {
    let (note, overridden) = with(|app| {
        let a = &app.assessment;
        (
            a.finance.execution_note.clone(),
            a.execution_override.clone(),
        )
    });
    N::new("section")
        .a("id", "finance")
        .a("class", "page")
        .c(N::new("h2").t(text::NO_FINANCE).t(text::NAV_FINANCE))
        .c(N::new("h3").t(text::INCOME))
        .c(N::new("table")
            .a("class", "money")
            .c(head())
            .c(N::new("tbody")
                .c(line("appropriation", text::APPROPRIATION, |f, m| {
                    change(&f.appropriation_change, m)
                }))
                .c(line("other_funds", text::OTHER_FUNDS, |f, m| {
                    change(&f.other_funds_change, m)
                }))
                .c(N::new("tr")
                    .a("class", "total")
                    .c(N::new("th").a("scope", "row").t(text::INCOME_TOTAL))
                    .c(derived(|f, m| amount(f.income.initial, m)))
                    .c(derived(|f, m| amount(f.income.adjusted, m)))
                    .c(derived(|f, m| amount(f.income.actual, m)))
                    .c(derived(|f, m| amount(f.income.last_actual, m)))
                    .c(derived(|f, m| change(&f.income_change, m))))))
        .c(N::new("h3").t(text::SPENDING))
        .c(N::new("table")
            .a("class", "money")
            .c(head())
            .c(
                N::new("tbody").c(line("spending", text::SPENDING_TOTAL, |f, m| {
                    change(&f.spending_change, m)
                })),
            ))
        .c(N::new("div")
            .a("class", "row")
            .c(N::new("label")
                .t(text::BASIC)
                .c(number("finance.basic", text::BASIC, None)))
            .c(N::new("output")
                .a("class", "derived")
                .t(text::SHARE)
                .t(" ")
                .c(N::new("span").live(fig(|f, _| share(f.basic_share)))))
            .c(N::new("label")
                .t(text::PROJECT)
                .c(number("finance.project", text::PROJECT, None)))
            .c(N::new("output")
                .a("class", "derived")
                .t(text::SHARE)
                .t(" ")
                .c(N::new("span").live(fig(|f, _| share(f.project_share)))))
            .c(N::new("output")
                .a("class", "derived")
                .a("data-testid", "finance-execution-rate")
                .t(text::EXECUTION_RATE)
                .t(" ")
                .c(N::new("span").live(fig(|f, m| {
                    f.execution_rate
                        .map(|r| fmt_pct(r, m))
                        .unwrap_or_else(|| "—".into())
                })))))
        .c(execution_override(overridden))
        .c(N::new("label")
            .a("class", "block")
            .a("for", "finance.execution_note")
            .t(text::EXECUTION_NOTE))
        .c(text_area(
            "finance.execution_note",
            text::EXECUTION_NOTE,
            &note,
            |a, v| a.finance.execution_note = v,
        )
        .a("class", "field block"))
        .cs(economic())
}

/// The ten fixed rows, with shares that add up to exactly 100.00%. A block pasted from
/// Excel fills rows from the cell it lands in.
fn economic() -> Vec<N> {
    let rows = EconomicClass::ALL
        .iter()
        .enumerate()
        .map(|(i, class)| {
            N::new("tr")
                .c(N::new("th").a("scope", "row").t(&format!(
                    "{}、{}",
                    text::NUMERALS[i],
                    class.label()
                )))
                .c(N::new("td").c(number(
                    &format!("finance.economic[{i}]"),
                    class.label(),
                    Some(Cell {
                        grid: "economic",
                        row: i,
                        col: 0,
                    }),
                )))
                .c(N::new("td").c(N::new("output")
                    .a("class", "derived")
                    .a("data-testid", &format!("economic-share-{i}"))
                    .live(move |_, c| {
                        c.figures
                            .economic_shares
                            .get(i)
                            .copied()
                            .flatten()
                            .map(|s| format!("{s}%"))
                            .unwrap_or_default()
                    })))
        })
        .collect();
    vec![
        N::new("h3").t(text::ECONOMIC),
        N::new("p").a("class", "hint").t(text::PASTE_HINT),
        N::new("table")
            .a("class", "money economic")
            .on("keydown", enter_moves_down)
            .on("paste", |ev| {
                let Some(data) = pasted_block(ev) else {
                    return;
                };
                let start = target_row(ev).unwrap_or(0);
                let mut a = with(|app| app.assessment.clone());
                match tsv::paste_economic(&mut a, start, &data) {
                    Ok(_) => edit(&[Region::Finance], |app| app.assessment = a),
                    Err(m) => notify(Notice::ImportFailed(m)),
                }
            })
            .c(N::new("thead").c(N::new("tr")
                .c(N::new("th"))
                .c(N::new("th").t(text::ACTUAL_SPENT))
                .c(N::new("th").t(text::SHARE))))
            .c(N::new("tbody").cs(rows))
            .c(N::new("tfoot").c(N::new("tr")
                .a("class", "total")
                .c(N::new("th").a("scope", "row").t(text::SUM))
                .c(N::new("td").c(N::new("output")
                    .a("class", "derived")
                    .a("data-testid", "economic-total")
                    .live(fig(|f, m| Fixed(f.economic_total, m).to_string()))))
                .c(N::new("td")))),
    ]
}

/// A score for the execution block set by hand, with its reason; the computed score
/// stays visible beside it.
fn execution_override(o: Option<Override>) -> N {
    let mut row = N::new("div")
        .a("class", "row")
        .c(N::new("output")
            .a("class", "derived")
            .a("data-testid", "execution-computed")
            .t(text::COMPUTED)
            .t(" ")
            .c(N::new("span").live(|_, c| {
                c.card
                    .items()
                    .find(|i| i.path == ziping_engine::score::EXECUTION_PATH)
                    .map(|i| i.computed.to_string())
                    .unwrap_or_default()
            })))
        .c(N::new("label")
            .a("class", "check")
            .c(N::new("input")
                .a("type", "checkbox")
                .a("id", "execution_override")
                .a("data-testid", "execution-override")
                .checked(o.is_some())
                .on("change", |ev| {
                    let on = target_checked(ev);
                    edit(&[Region::Finance], |app| {
                        app.assessment.execution_override = on.then(Override::default)
                    })
                }))
            .t(text::OVERRIDE));
    if let Some(o) = o {
        row = row
            .c(N::new("label").t(text::SCORE_COL).c(number(
                "execution_override.score",
                text::OVERRIDE,
                None,
            )))
            .c(text_input(
                "execution_override.reason",
                text::OVERRIDE_REASON,
                &o.reason,
                |a, v| {
                    if let Some(o) = a.execution_override.as_mut() {
                        o.reason = v
                    }
                },
                None,
            ));
    }
    row
}
