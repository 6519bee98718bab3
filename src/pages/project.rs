//! 一、项目情况: what only the project form (项目支出绩效自评表) asks for — 项目名称, 主管部门
//! and 实施单位, the funding block with each row's execution rate derived, and 年度总体目标.
//! Its indicators, problems, sheet and report are the pages every assessment has.

use leptos::prelude::*;
use ziping_engine::figures;
use ziping_engine::num::fmt_pct;

use crate::fields::{paragraphs, text_input, NumberInput};
use crate::pages::basics::year_and_unit;
use crate::pages::finance::{ExecutionNote, ExecutionOverride};
use crate::state::Ctx;
use crate::text;

#[component]
pub fn ProjectPage() -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    // The rows' names and field keys, from the engine's one list of them.
    let rows = ctx
        .assessment
        .with_untracked(|a| a.finance.funding().map(|(name, line, _)| (name, line)));
    let rate = move |row: usize| {
        move || {
            ctx.assessment.with(|a| {
                let base = a
                    .scheme
                    .execution()
                    .map(|(_, base, _)| base)
                    .unwrap_or_default();
                let (_, _, m) = a.finance.funding()[row];
                figures::ratio(m.actual, m.budget(base))
                    .map(|r| fmt_pct(r, a.scheme.rounding.mode))
                    .unwrap_or_else(|| "—".into())
            })
        }
    };
    view! {
        <section id="project" class="page">
            <h2>{text::NO_BASICS}{text::NAV_PROJECT}</h2>
            <div class="grid-2">
                <label>{text::TITLE}{text_input("title".to_string(), text::TITLE, |a| a.title.clone(), |a, v| a.title = v, None)}</label>
                <label>{text::PROJECT_NAME}{text_input("project_name".to_string(), text::PROJECT_NAME, |a| a.project_name.clone(), |a, v| a.project_name = v, None)}</label>
                <label>{text::SUPERVISOR}{text_input("department".to_string(), text::SUPERVISOR, |a| a.department.clone(), |a, v| a.department = v, None)}</label>
                <label>{text::IMPLEMENTER}{text_input("implementer".to_string(), text::IMPLEMENTER, |a| a.implementer.clone(), |a, v| a.implementer = v, None)}</label>
                {year_and_unit()}
            </div>
            <h3>{text::FUNDING}</h3>
            <table class="money" data-testid="funding">
                <thead><tr><th></th>{text::FUNDING_COLUMNS.map(|(_, l)| view! { <th>{l}</th> })}<th>{text::RATE}</th></tr></thead>
                <tbody>
                    {rows.into_iter().enumerate().map(|(i, (name, line))| view! {
                        <tr class:total=i == 0>
                            <th scope="row">{if i == 1 { format!("{}{name}", text::OF_WHICH) } else { name.to_string() }}</th>
                            {text::FUNDING_COLUMNS.map(|(key, label)| view! {
                                <td><NumberInput path=format!("finance.{line}.{key}") label=format!("{name}{label}")/></td>
                            })}
                            <td><output class="derived" data-testid=format!("funding-rate-{i}")>{rate(i)}</output></td>
                        </tr>
                    }).collect_view()}
                </tbody>
            </table>
            <ExecutionOverride/>
            <ExecutionNote/>
            <h3>{text::GOALS}</h3>
            {paragraphs("objectives", text::EXPECTED, |a| &a.objectives, |a| &mut a.objectives)}
            {paragraphs("key_tasks", text::ACHIEVED, |a| &a.key_tasks, |a| &mut a.key_tasks)}
        </section>
    }
}
