//! 自评表: the score sheet in the common layout, from the same card as the score panel,
//! with its CSV and Excel exports.

use leptos::prelude::*;
use rust_decimal::Decimal;
use ziping_engine::num::{Pct, Plain};
use ziping_engine::sheet::{self, ScoreSheet, BUDGET_HEADER, GOALS_HEADER, ROW_HEADER};

use crate::invalid::InvalidFigures;
use crate::io::{self, Office};
use crate::pages::report::office_button;
use crate::print::{Doc, Print};
use crate::state::Ctx;
use crate::text;

#[component]
pub fn SheetPage() -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let open = RwSignal::new(false);
    let print = expect_context::<Print>();
    print.register(Doc::Sheet, open);
    let sheet = Memo::new(move |_| {
        open.get().then(|| {
            ctx.card
                .with(|card| ctx.assessment.with(|a| sheet::sheet_of(a, card)))
        })
    });
    let status = RwSignal::new(String::new());
    view! {
        <section id="sheet" class="page">
            <h2>{text::NAV_SHEET}</h2>
            <div class="tools">
                <button type="button" data-testid="print-sheet" on:click=move |_| print.print(Doc::Sheet)>{text::PRINT}</button>
                <button type="button" data-testid="export-csv" on:click=move |_| io::export_sheet_csv(ctx)>{text::EXPORT_CSV}</button>
                {office_button(ctx, Office::SheetXlsx, text::EXPORT_XLSX, "export-xlsx", status)}
                <span role="status" data-testid="sheet-status">{move || status.get()}</span>
            </div>
            <details class="preview" on:toggle=move |ev| {
                let now = event_target::<web_sys::HtmlDetailsElement>(&ev).open();
                open.set(now);
                print.toggled(Doc::Sheet, now);
            } prop:open=move || open.get()>
                <summary>{text::SHEET_PREVIEW}</summary>
                <InvalidFigures/>
                {move || sheet.get().map(sheet_view)}
            </details>
        </section>
    }
}

fn opt(v: Option<Decimal>) -> String {
    v.map_or_else(String::new, |v| Plain(v).to_string())
}

/// For each row, the rows its merged cell spans where a run of `runs` starts there.
fn spans(runs: Vec<(usize, usize)>, n: usize) -> Vec<Option<usize>> {
    let mut out = vec![None; n];
    for (start, end) in runs {
        if let Some(x) = out.get_mut(start) {
            *x = Some(end - start);
        }
    }
    out
}

/// The 自评表 as the printed form lays it out: the budget block, 年度总体目标, and the
/// indicators with each 一级 and 二级 merged down its rows.
fn sheet_view(s: ScoreSheet) -> impl IntoView {
    let mode = ziping_engine::num::RoundingMode::HalfUp;
    let sections = spans(sheet::runs(&s.rows, false), s.rows.len());
    let categories = spans(sheet::runs(&s.rows, true), s.rows.len());
    view! {
        <div class="sheet" data-testid="sheet">
            <h3>{s.title.clone()}</h3>
            {s.header.iter().map(|row| {
                let cells: Vec<String> = row.iter().map(|c| format!("{}：{}", c.label, c.value)).collect();
                view! { <p class="sheet-header">{cells.join("　")}</p> }
            }).collect_view()}
            <table class="grid">
                <thead><tr>{BUDGET_HEADER.map(|h| view! { <th>{h}</th> }).collect_view()}</tr></thead>
                <tbody>
                    {s.budget.into_iter().map(|b| view! {
                        <tr>
                            <th scope="row">{b.name}</th>
                            <td class="num">{opt(b.initial)}</td>
                            <td class="num">{opt(b.adjusted)}</td>
                            <td class="num">{opt(b.actual)}</td>
                            <td class="num">{opt(b.points)}</td>
                            <td class="num">{b.rate.map(|r| Pct(r, mode).to_string())}</td>
                            <td class="num">{opt(b.score)}</td>
                            <td>{b.note}</td>
                        </tr>
                    }).collect_view()}
                </tbody>
            </table>
            <table class="grid goals">
                <tbody>
                    <tr>
                        <th scope="row" rowspan="2">{GOALS_HEADER[0]}</th>
                        <th>{GOALS_HEADER[1]}</th>
                        <th>{GOALS_HEADER[2]}</th>
                    </tr>
                    <tr>
                        <td class="prose">{s.goals.expected.clone()}</td>
                        <td class="prose">{s.goals.achieved.clone()}</td>
                    </tr>
                </tbody>
            </table>
            <table class="grid">
                <thead><tr>{ROW_HEADER.map(|h| view! { <th>{h}</th> }).collect_view()}</tr></thead>
                <tbody>
                    {s.rows.into_iter().enumerate().map(|(i, r)| view! {
                        <tr>
                            {sections[i].map(|n| view! { <td rowspan=n>{r.section.clone()}</td> })}
                            {categories[i].map(|n| view! { <td rowspan=n>{r.category.clone()}</td> })}
                            <td>{r.name}</td>
                            <td class="num">{r.target.text()}</td>
                            <td class="num">{r.actual.text()}</td>
                            <td class="num">{Plain(r.points).to_string()}</td>
                            <td class="num">{Plain(r.score).to_string()}</td>
                            <td>{r.note}</td>
                        </tr>
                    }).collect_view()}
                    <tr class="total">
                        <th scope="row" colspan="5">{text::TOTAL_ROW}</th>
                        <td class="num">{Plain(s.max_total).to_string()}</td>
                        <td class="num" data-testid="sheet-total">{Plain(s.total).to_string()}</td>
                        <td>{format!("{}：{}", text::GRADE, s.grade)}</td>
                    </tr>
                </tbody>
            </table>
        </div>
    }
}
