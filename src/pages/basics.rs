//! 一、部门基本情况: department, year, unit, duties, tasks and objectives, and the
//! workload figures with their derived growth, rates and shares.

use leptos::prelude::*;
use ziping_engine::model::{AmountUnit, Breakdown, Part, Tally};
use ziping_engine::num::{fmt_pct, Plain};

use crate::fields::{paragraphs, text_input, NumberInput};
use crate::state::Ctx;
use crate::text;

#[component]
pub fn Basics() -> impl IntoView {
    view! {
        <section id="basics" class="page">
            <h2>{text::NO_BASICS}{text::NAV_BASICS}</h2>
            <div class="grid-2">
                <label>{text::TITLE}{text_input("title".to_string(), text::TITLE, |a| a.title.clone(), |a, v| a.title = v, None)}</label>
                <label>{text::DEPARTMENT}{text_input("department".to_string(), text::DEPARTMENT, |a| a.department.clone(), |a, v| a.department = v, None)}</label>
                {year_and_unit()}
            </div>
            {paragraphs("duties", text::DUTIES, |a| &a.duties, |a| &mut a.duties)}
            {paragraphs("key_tasks", text::KEY_TASKS, |a| &a.key_tasks, |a| &mut a.key_tasks)}
            <Workload/>
            {paragraphs("objectives", text::OBJECTIVES, |a| &a.objectives, |a| &mut a.objectives)}
        </section>
    }
}

/// 年度 and 金额单位, which both kinds of assessment ask for.
pub fn year_and_unit() -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    view! {
        // Text, not type=number: a wheel turned over the focused field would change the year.
        // What is typed stays as typed; a year that is not a whole number counts as none.
        <label for="year">{text::YEAR}
            <input id="year" type="text" inputmode="numeric" autocomplete="off"
                prop:value=move || ctx.raw.with(|r| r.get("year").cloned()).unwrap_or_else(|| ctx.assessment.with(|a| a.year.to_string()))
                on:input=move |ev| {
                    let typed = event_target_value(&ev);
                    let year = typed.trim().parse::<i32>().ok();
                    if year.is_some() {
                        ctx.raw.update(|r| { r.remove("year"); });
                    } else {
                        ctx.edit_raw(|r| { r.insert("year".into(), typed); });
                    }
                    ctx.edit(|a| a.year = year.unwrap_or_default());
                }/>
            {crate::fields::notes("year".to_string())}
        </label>
        <label for="unit">{text::UNIT}
            <select id="unit" on:change=move |ev| {
                let unit = if event_target_value(&ev) == "元" { AmountUnit::Yuan } else { AmountUnit::WanYuan };
                ctx.edit(|a| a.unit = unit);
            }>
                {[AmountUnit::WanYuan, AmountUnit::Yuan].map(|u| view! {
                    <option value=u.label() selected=move || ctx.assessment.with(|a| a.unit == u)>{u.label()}</option>
                })}
            </select>
        </label>
    }
}

/// Workload tallies: counts with last year's value, a done count and its rate, and
/// breakdowns whose shares are derived.
#[component]
fn Workload() -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let count = Memo::new(move |_| ctx.assessment.with(|a| a.workload.len()));
    view! {
        <h3>{text::WORKLOAD}</h3>
        {move || (0..count.get()).map(tally).collect_view()}
        <button type="button" on:click=move |_| ctx.edit(|a| a.workload.push(Tally::default()))>{text::ADD_TALLY}</button>
    }
}

fn tally(i: usize) -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let mode = move || ctx.assessment.with(|a| a.scheme.rounding.mode);
    let growth = move || {
        ctx.figures
            .with(|f| f.workload.get(i).and_then(|t| t.growth))
            .map(|g| fmt_pct(g, mode()))
    };
    let rate = move || {
        ctx.figures
            .with(|f| f.workload.get(i).and_then(|t| t.rate))
            .map(|g| fmt_pct(g, mode()))
    };
    let breakdowns = Memo::new(move |_| {
        ctx.assessment
            .with(|a| a.workload.get(i).map_or(0, |t| t.breakdowns.len()))
    });
    let at = move |k: &str| format!("workload[{i}].{k}");
    view! {
        <fieldset class="tally">
            <div class="row">
                <label>{text::WORKLOAD_NAME}{text_input(at("name"), text::WORKLOAD_NAME,
                    move |a| a.workload.get(i).map(|t| t.name.clone()).unwrap_or_default(),
                    move |a, v| if let Some(t) = a.workload.get_mut(i) { t.name = v }, None)}</label>
                <label>{text::WORKLOAD_UNIT}{text_input(at("unit"), text::WORKLOAD_UNIT,
                    move |a| a.workload.get(i).map(|t| t.unit.clone()).unwrap_or_default(),
                    move |a, v| if let Some(t) = a.workload.get_mut(i) { t.unit = v }, None)}</label>
                <label>{text::WORKLOAD_VALUE}<NumberInput path=at("value") label=text::WORKLOAD_VALUE/></label>
                <label>{text::WORKLOAD_LAST}<NumberInput path=at("last_year") label=text::WORKLOAD_LAST/></label>
                <output class="derived">{text::GROWTH}" "{move || growth().unwrap_or_else(|| "—".into())}</output>
                <label>{text::WORKLOAD_DONE}<NumberInput path=at("done") label=text::WORKLOAD_DONE/></label>
                <label>{text::WORKLOAD_RATE_NAME}{text_input(at("rate_name"), text::WORKLOAD_RATE_NAME,
                    move |a| a.workload.get(i).map(|t| t.rate_name.clone()).unwrap_or_default(),
                    move |a, v| if let Some(t) = a.workload.get_mut(i) { t.rate_name = v }, None)}</label>
                <output class="derived">{text::RATE}" "{move || rate().unwrap_or_else(|| "—".into())}</output>
                <button type="button" class="small" on:click=move |_| ctx.edit(|a| { if i < a.workload.len() { a.workload.remove(i); } })>{text::DELETE}</button>
            </div>
            {move || (0..breakdowns.get()).map(|j| breakdown(i, j)).collect_view()}
            <button type="button" class="small" on:click=move |_| ctx.edit(|a| if let Some(t) = a.workload.get_mut(i) {
                t.breakdowns.push(Breakdown { complete: true, ..Breakdown::default() })
            })>{text::ADD_BREAKDOWN}</button>
        </fieldset>
    }
}

fn breakdown(i: usize, j: usize) -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let parts = Memo::new(move |_| {
        ctx.assessment.with(|a| {
            a.workload
                .get(i)
                .and_then(|t| t.breakdowns.get(j))
                .map_or(0, |b| b.parts.len())
        })
    });
    let sum = move || {
        ctx.figures.with(|f| {
            f.workload
                .get(i)
                .and_then(|t| t.breakdowns.get(j))
                .map(|b| Plain(b.sum).to_string())
        })
    };
    let share = move |k: usize| {
        move || {
            ctx.figures
                .with(|f| {
                    f.workload
                        .get(i)
                        .and_then(|t| t.breakdowns.get(j))
                        .and_then(|b| b.shares.get(k).copied().flatten())
                })
                .map(|s| format!("{s}%"))
                .unwrap_or_else(|| "—".into())
        }
    };
    let with_b = move |f: &dyn Fn(&mut Breakdown)| {
        ctx.edit(|a| {
            if let Some(b) = a.workload.get_mut(i).and_then(|t| t.breakdowns.get_mut(j)) {
                f(b)
            }
        })
    };
    view! {
        <div class="breakdown">
            <label>{text::BREAKDOWN_TITLE}{text_input(format!("workload[{i}].breakdowns[{j}].title"), text::BREAKDOWN_TITLE,
                move |a| a.workload.get(i).and_then(|t| t.breakdowns.get(j)).map(|b| b.title.clone()).unwrap_or_default(),
                move |a, v| if let Some(b) = a.workload.get_mut(i).and_then(|t| t.breakdowns.get_mut(j)) { b.title = v }, None)}</label>
            <label class="check"><input type="checkbox"
                prop:checked=move || ctx.assessment.with(|a| a.workload.get(i).and_then(|t| t.breakdowns.get(j)).is_some_and(|b| b.complete))
                on:change=move |ev| { let on = event_target_checked(&ev); with_b(&|b| b.complete = on) }/>{text::BREAKDOWN_COMPLETE}</label>
            <table class="parts">
                <thead><tr><th>{text::PART_NAME}</th><th>{text::WORKLOAD_VALUE}</th><th>{text::SHARE}</th></tr></thead>
                <tbody>
                {move || (0..parts.get()).map(|k| view! {
                    <tr>
                        <td>{text_input(format!("workload[{i}].breakdowns[{j}].parts[{k}].name"), text::PART_NAME,
                            move |a| a.workload.get(i).and_then(|t| t.breakdowns.get(j)).and_then(|b| b.parts.get(k)).map(|p| p.name.clone()).unwrap_or_default(),
                            move |a, v| if let Some(p) = a.workload.get_mut(i).and_then(|t| t.breakdowns.get_mut(j)).and_then(|b| b.parts.get_mut(k)) { p.name = v }, None)}</td>
                        <td><NumberInput path=format!("workload[{i}].breakdowns[{j}].parts[{k}].value") label=text::WORKLOAD_VALUE/></td>
                        <td><output class="derived">{share(k)}</output></td>
                    </tr>
                }).collect_view()}
                </tbody>
                <tfoot><tr><th>{text::SUM}</th><td><output class="derived">{sum}</output></td><td></td></tr></tfoot>
            </table>
            <button type="button" class="small" on:click=move |_| with_b(&|b| b.parts.push(Part::default()))>{text::ADD_PART}</button>
        </div>
    }
}
