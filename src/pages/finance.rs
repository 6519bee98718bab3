//! （四）部门整体收支情况: income by source, spending with basic and project parts, and
//! the economic-classification table; every total, change, share and rate is derived.

use leptos::prelude::*;
use ziping_engine::figures::Change;
use ziping_engine::model::{EconomicClass, Override};
use ziping_engine::num::{fmt_pct, Amount, RoundingMode};
use ziping_engine::tsv;

use crate::fields::{enter_moves_down, notes, pasted_block, text_input, Cell, NumberInput};
use crate::state::{Ctx, Notice};
use crate::text;

const FIGURES: [(&str, &str); 4] = [
    ("initial", text::INITIAL),
    ("adjusted", text::ADJUSTED),
    ("actual", text::ACTUAL),
    ("last_actual", text::LAST_ACTUAL),
];

#[component]
pub fn Finance() -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let mode = move || ctx.assessment.with(|a| a.scheme.rounding.mode);
    let change = move |c: Change, m: RoundingMode| match (c.change, c.growth) {
        (Some(ch), Some(g)) => format!("{}，{}", Amount(ch), fmt_pct(g, m)),
        (Some(ch), None) => Amount(ch).to_string(),
        _ => "—".into(),
    };
    let income_total = move || {
        ctx.figures.with(|f| {
            let m = mode();
            let cell = |v: Option<rust_decimal::Decimal>| {
                v.map(|v| Amount(v).to_string())
                    .unwrap_or_else(|| "—".into())
            };
            [
                cell(f.income.initial),
                cell(f.income.adjusted),
                cell(f.income.actual),
                cell(f.income.last_actual),
                change(f.income_change, m),
            ]
        })
    };
    let line = move |key: &'static str,
                     label: &'static str,
                     changed: fn(&ziping_engine::figures::Figures) -> Change| {
        view! {
            <tr>
                <th scope="row">{label}</th>
                {FIGURES.map(|(fig, flabel)| view! {
                    <td><NumberInput path=format!("finance.{key}.{fig}") label=format!("{label}{flabel}")/></td>
                })}
                <td><output class="derived">{move || ctx.figures.with(|f| change(changed(f), mode()))}</output></td>
            </tr>
        }
    };
    let share =
        move |which: fn(&ziping_engine::figures::Figures) -> Option<rust_decimal::Decimal>| {
            move || {
                ctx.figures.with(|f| {
                    which(f)
                        .map(|s| format!("{s}%"))
                        .unwrap_or_else(|| "—".into())
                })
            }
        };
    view! {
        <section id="finance" class="page">
            <h2>{text::NO_FINANCE}{text::NAV_FINANCE}</h2>
            <h3>{text::INCOME}</h3>
            <table class="money">
                <thead><tr><th></th>{FIGURES.map(|(_, l)| view! { <th>{l}</th> })}<th>{text::CHANGE}</th></tr></thead>
                <tbody>
                    {line("appropriation", text::APPROPRIATION, |f| f.appropriation_change)}
                    {line("other_funds", text::OTHER_FUNDS, |f| f.other_funds_change)}
                    <tr class="total">
                        <th scope="row">{text::INCOME_TOTAL}</th>
                        {move || income_total().map(|c| view! { <td><output class="derived">{c}</output></td> }).collect_view()}
                    </tr>
                </tbody>
            </table>
            <h3>{text::SPENDING}</h3>
            <table class="money">
                <thead><tr><th></th>{FIGURES.map(|(_, l)| view! { <th>{l}</th> })}<th>{text::CHANGE}</th></tr></thead>
                <tbody>{line("spending", text::SPENDING_TOTAL, |f| f.spending_change)}</tbody>
            </table>
            <div class="row">
                <label>{text::BASIC}<NumberInput path="finance.basic" label=text::BASIC/></label>
                <output class="derived">{text::SHARE}" "{share(|f| f.basic_share)}</output>
                <label>{text::PROJECT}<NumberInput path="finance.project" label=text::PROJECT/></label>
                <output class="derived">{text::SHARE}" "{share(|f| f.project_share)}</output>
                <output class="derived" data-testid="finance-execution-rate">
                    {text::EXECUTION_RATE}" "
                    {move || ctx.figures.with(|f| f.execution_rate.map(|r| fmt_pct(r, mode())).unwrap_or_else(|| "—".into()))}
                </output>
            </div>
            <ExecutionOverride/>
            <ExecutionNote/>
            <Economic/>
        </section>
    }
}

/// The ten fixed rows, with shares that add up to exactly 100.00%. A block pasted from
/// Excel fills rows from the cell it lands in.
#[component]
fn Economic() -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let paste = Callback::new(move |(path, ev): (String, web_sys::ClipboardEvent)| {
        let Some(data) = pasted_block(&ev) else {
            return;
        };
        let start = path
            .strip_prefix("finance.economic[")
            .and_then(|s| s.strip_suffix(']'))
            .and_then(|s| s.parse().ok())
            .unwrap_or(0);
        let mut a = ctx.assessment.get_untracked();
        match tsv::paste_economic(&mut a, start, &data) {
            Ok(_) => {
                // Filled rows the paste wrote over, said so (one Ctrl+Z takes it back).
                let replaced: Vec<usize> = ctx.assessment.with_untracked(|old| {
                    (0..old.finance.economic.len())
                        .filter(|&i| {
                            old.finance.economic[i].is_some()
                                && old.finance.economic[i] != a.finance.economic[i]
                        })
                        .map(|i| i + 1)
                        .collect()
                });
                ctx.edit(|x| *x = a);
                if let (Some(first), Some(last)) = (replaced.first(), replaced.last()) {
                    ctx.notify(Notice::Pasted(text::paste_replaced(
                        *first,
                        *last,
                        replaced.len(),
                    )));
                }
            }
            Err(m) => ctx.notify(Notice::ImportFailed(m)),
        }
    });
    let rows = EconomicClass::ALL.iter().enumerate().map(|(i, class)| {
        let share = move || {
            ctx.figures
                .with(|f| f.economic_shares.get(i).copied().flatten())
                .map(|s| format!("{s}%"))
                .unwrap_or_default()
        };
        view! {
            <tr>
                <th scope="row">{format!("{}、{}", text::NUMERALS[i], class.label())}</th>
                <td><NumberInput path=format!("finance.economic[{i}]") label=class.label() on_paste=paste
                    cell=Cell::at("economic", i, 0)/></td>
                <td><output class="derived" data-testid=format!("economic-share-{i}")>{share}</output></td>
            </tr>
        }
    }).collect_view();
    view! {
        <h3>{text::ECONOMIC}</h3>
        <p class="hint">{text::PASTE_HINT}</p>
        <table class="money economic" on:keydown=enter_moves_down>
            <thead><tr><th></th><th>{text::ACTUAL_SPENT}</th><th>{text::SHARE}</th></tr></thead>
            <tbody>{rows}</tbody>
            <tfoot><tr class="total"><th scope="row">{text::SUM}</th>
                <td><output class="derived" data-testid="economic-total">{move || ctx.figures.with(|f| Amount(f.economic_total).to_string())}</output></td><td></td></tr></tfoot>
        </table>
    }
}

/// Why the execution rate is what it is (执行率偏低的原因), asked for below 90%.
#[component]
pub fn ExecutionNote() -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    view! {
        <label class="block" for="finance.execution_note">{text::EXECUTION_NOTE}</label>
        <textarea id="finance.execution_note" rows="2"
            prop:value=move || ctx.assessment.with(|a| a.finance.execution_note.clone())
            on:input=move |ev| { let v = event_target_value(&ev); ctx.edit(|a| a.finance.execution_note = v); }></textarea>
        {notes("finance.execution_note".to_string())}
    }
}

/// A score for the execution block set by hand, with its reason; the computed score
/// stays visible beside it.
#[component]
pub fn ExecutionOverride() -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let on = move || ctx.assessment.with(|a| a.execution_override.is_some());
    let computed = move || {
        ctx.card.with(|c| {
            c.items()
                .find(|i| i.path == ziping_engine::score::EXECUTION_PATH)
                .map(|i| i.computed.to_string())
                .unwrap_or_default()
        })
    };
    view! {
        <div class="row">
            <output class="derived" data-testid="execution-computed">{text::COMPUTED}" "{computed}</output>
            <label class="check">
                <input type="checkbox" id="execution_override" data-testid="execution-override" prop:checked=on
                    on:change=move |ev| {
                        let checked = event_target_checked(&ev);
                        ctx.edit(|a| a.execution_override = checked.then(Override::default));
                    }/>
                {text::OVERRIDE}
            </label>
            <Show when=on>
                <label>{text::SCORE_COL}<NumberInput path="execution_override.score" label=text::OVERRIDE/></label>
                {text_input("execution_override.reason".to_string(), text::OVERRIDE_REASON,
                    |a| a.execution_override.as_ref().map(|o| o.reason.clone()).unwrap_or_default(),
                    |a, v| if let Some(o) = a.execution_override.as_mut() { o.reason = v }, None)}
            </Show>
        </div>
    }
}
