//! 绩效指标: the indicator table. Rows can be added, removed, reordered, duplicated and
//! pasted from Excel; each row shows its score, and its formula on hover.

use std::collections::HashMap;

use leptos::prelude::*;
use rust_decimal::Decimal;
use wasm_bindgen::JsCast;
use ziping_engine::model::{Achievement, Indicator, IndicatorKind, Measure, Override};
use ziping_engine::scheme::Rule;
use ziping_engine::tsv;

use crate::fields::{
    after_removing, enter_moves_down, notes, pasted_block, remap_rows, Cell, NumberInput,
};
use crate::rule_editor::{rule_for, rule_key, RuleParams, RULES};
use crate::state::{Ctx, Notice};
use crate::text;

#[component]
pub fn Indicators() -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let count = Memo::new(move |_| ctx.indicators.with(Vec::len));
    let scores = Memo::new(move |_| {
        ctx.card.with(|c| {
            c.items()
                .filter(|i| i.path.starts_with("indicators["))
                .map(|i| (i.path.clone(), i.score.to_string()))
                .collect::<HashMap<_, _>>()
        })
    });
    let counts = move || {
        ctx.figures.with(|f| {
            let c = &f.indicator_counts;
            let kinds: Vec<String> = c
                .by_kind
                .iter()
                .map(|(k, n)| format!("{} {n} 个", k.label()))
                .collect();
            format!(
                "产出指标 {} 个，效益指标 {} 个（{}）",
                c.output,
                c.benefit,
                kinds.join("，")
            )
        })
    };
    let on_paste = move |ev: web_sys::ClipboardEvent| {
        let Some(data) = pasted_block(&ev) else {
            return;
        };
        let row = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .and_then(|e| e.get_attribute("data-row"))
            .and_then(|r| r.parse().ok())
            .unwrap_or_else(|| count.get_untracked());
        let mut a = ctx.assessment.get_untracked();
        match tsv::paste_indicators(&mut a, row, &data) {
            Ok(_) => ctx.edit(|x| *x = a),
            Err(m) => ctx.notify(Notice::ImportFailed(m)),
        }
    };
    let add = move |_| {
        ctx.edit(|a| {
            a.indicators.push(Indicator {
                kind: IndicatorKind::Quantity,
                name: String::new(),
                unit: String::new(),
                points: Decimal::ZERO,
                measure: Measure::new(Rule::AtLeast),
                deviation_note: String::new(),
                example: false,
            })
        })
    };
    view! {
        <section id="indicators" class="page">
            <h2>"二、"{text::NAV_INDICATORS}</h2>
            <p class="derived">{counts}</p>
            <p class="hint">{text::INDICATOR_PASTE_HINT}</p>
            <div class="table-scroll">
            <table class="indicators" on:keydown=enter_moves_down on:paste=on_paste>
                <thead><tr>
                    <th>"#"</th><th>{text::KIND}</th><th>{text::NAME}</th><th>{text::WORKLOAD_UNIT}</th><th>{text::POINTS}</th>
                    <th>{text::RULE}</th><th>{text::TARGET}</th><th>{text::ACTUAL_VALUE}</th><th>{text::ENTERED}</th>
                    <th>{text::SCORE_COL}</th><th>{text::DEVIATION}</th><th>{text::ACTIONS}</th>
                </tr></thead>
                <tbody>{move || (0..count.get()).map(|i| row(i, scores)).collect_view()}</tbody>
            </table>
            </div>
            <button type="button" on:click=add>{text::ADD_INDICATOR}</button>
        </section>
    }
}

fn row(i: usize, scores: Memo<HashMap<String, String>>) -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let ind = Memo::new(move |_| ctx.indicators.with(|rows| rows.get(i).cloned()));
    let with = move |f: &dyn Fn(&mut Indicator)| {
        ctx.edit(|a| {
            if let Some(x) = a.indicators.get_mut(i) {
                f(x)
            }
        })
    };
    let key = move || {
        ind.with(|x| {
            x.as_ref()
                .map(|x| rule_key(&x.measure.rule))
                .unwrap_or("at_least")
        })
    };
    let score = move || {
        scores
            .with(|s| s.get(&format!("indicators[{i}]")).cloned())
            .unwrap_or_default()
    };
    let score2 = score;
    // The formula in words is written when the pointer comes to the score.
    let tip = RwSignal::new(String::new());
    let cell = move |col| {
        Some(Cell {
            grid: "indicators",
            row: i,
            col,
        })
    };
    let text_cell = move |id: String,
                          label: &'static str,
                          get: fn(&Indicator) -> String,
                          set: fn(&mut Indicator, String),
                          col| {
        let c = cell(col).unwrap_or_default();
        view! {
            <input id=id.clone() type="text" aria-label=label data-grid=c.grid data-row=c.row data-col=c.col
                class=crate::fields::state_class(id.clone())
                prop:value=move || ind.with(|x| x.as_ref().map(get).unwrap_or_default())
                on:input=move |ev| { let v = event_target_value(&ev); with(&|x| set(x, v.clone())) }/>
            {notes(id)}
        }
    };
    let swap = move |j: usize| {
        if ctx
            .assessment
            .with_untracked(|a| i.max(j) >= a.indicators.len())
        {
            return;
        }
        ctx.edit(|a| a.indicators.swap(i, j));
        ctx.raw.update(|r| {
            remap_rows(r, "indicators[", |n| {
                Some(if n == i {
                    j
                } else if n == j {
                    i
                } else {
                    n
                })
            })
        });
    };
    let duplicate = move |_| {
        ctx.edit(|a| {
            if let Some(x) = a.indicators.get(i).cloned() {
                a.indicators.insert(i + 1, x);
            }
        });
        ctx.raw
            .update(|r| remap_rows(r, "indicators[", |n| Some(if n > i { n + 1 } else { n })));
    };
    let remove = move |_| {
        ctx.edit(|a| {
            if i < a.indicators.len() {
                a.indicators.remove(i);
            }
        });
        ctx.raw
            .update(|r| remap_rows(r, "indicators[", after_removing(i)));
    };
    let has_override = move || {
        ind.with(|x| {
            x.as_ref()
                .is_some_and(|x| x.measure.override_score.is_some())
        })
    };
    view! {
        <tr>
            <td class="num-col">{i + 1}</td>
            <td>
                <select id=format!("indicators[{i}].kind") class="kind" aria-label=text::KIND on:change=move |ev| {
                    let v = event_target_value(&ev);
                    if let Some(k) = IndicatorKind::ALL.iter().find(|k| k.label() == v) { with(&|x| x.kind = *k) }
                }>
                    {IndicatorKind::ALL.map(|k| view! {
                        <option value=k.label() title=k.label() selected=move || ind.with(|x| x.as_ref().is_some_and(|x| x.kind == k))>{text::kind_short(k.label())}</option>
                    })}
                </select>
                {notes(format!("indicators[{i}].kind"))}
            </td>
            <td class="wide">{text_cell(format!("indicators[{i}].name"), text::NAME, |x| x.name.clone(), |x, v| x.name = v, 0)}</td>
            <td class="narrow">{text_cell(format!("indicators[{i}].unit"), text::WORKLOAD_UNIT, |x| x.unit.clone(), |x, v| x.unit = v, 1)}</td>
            <td class="narrow"><NumberInput path=format!("indicators[{i}].points") label=format!("第 {} 行{}", i + 1, text::POINTS) cell=Cell { grid: "indicators", row: i, col: 2 }/></td>
            <td>
                <select id=format!("indicators[{i}].measure.rule") aria-label=text::RULE on:change=move |ev| {
                    let k = event_target_value(&ev);
                    with(&|x| x.measure.rule = rule_for(&k, x.points, false))
                }>
                    {RULES.map(|(k, label)| view! { <option value=k selected=move || key() == k>{label}</option> })}
                </select>
                <RuleParams path=format!("indicators[{i}].measure.rule")/>
                {notes(format!("indicators[{i}].measure.rule"))}
            </td>
            <td><NumberInput path=format!("indicators[{i}].measure.target") label=format!("第 {} 行{}", i + 1, text::TARGET) cell=Cell { grid: "indicators", row: i, col: 3 }/></td>
            <td><NumberInput path=format!("indicators[{i}].measure.actual") label=format!("第 {} 行{}", i + 1, text::ACTUAL_VALUE) cell=Cell { grid: "indicators", row: i, col: 4 }/></td>
            <td>
                <Show when=move || key() == "qualitative">
                    <select id=format!("indicators[{i}].measure.grade") aria-label=text::GRADE_Q on:change=move |ev| {
                        let v = event_target_value(&ev);
                        let g = [Achievement::Achieved, Achievement::Partial, Achievement::NotAchieved].into_iter().find(|g| g.label() == v);
                        with(&|x| x.measure.grade = g)
                    }>
                        <option value="">{text::NOT_SET}</option>
                        {[Achievement::Achieved, Achievement::Partial, Achievement::NotAchieved].map(|g| view! {
                            <option value=g.label() selected=move || ind.with(|x| x.as_ref().is_some_and(|x| x.measure.grade == Some(g)))>{g.label()}</option>
                        })}
                    </select>
                </Show>
                <Show when=move || matches!(key(), "qualitative" | "manual")>
                    <NumberInput path=format!("indicators[{i}].measure.entered_score") label=format!("第 {} 行{}", i + 1, text::ENTERED)/>
                </Show>
                <Show when=move || key() == "manual">
                    {text_cell(format!("indicators[{i}].measure.reason"), text::REASON, |x| x.measure.reason.clone(), |x, v| x.measure.reason = v, 5)}
                </Show>
            </td>
            <td class="score-cell" title=move || tip.get() on:mouseenter=move |_| tip.set(ctx.formula(&format!("indicators[{i}]")))>
                <b data-testid=format!("indicator-score-{i}")>{move || score2()}</b>
                <details>
                    <summary title=text::OVERRIDE>{text::ADJUST}</summary>
                    <label class="check"><input type="checkbox" prop:checked=has_override on:change=move |ev| {
                        let on = event_target_checked(&ev);
                        with(&|x| x.measure.override_score = on.then(|| Override { score: x.points, reason: String::new() }))
                    }/>{text::OVERRIDE}</label>
                    <Show when=has_override>
                        <NumberInput path=format!("indicators[{i}].measure.override.score") label=text::OVERRIDE/>
                        {text_cell(format!("indicators[{i}].measure.override.reason"), text::OVERRIDE_REASON,
                            |x| x.measure.override_score.as_ref().map(|o| o.reason.clone()).unwrap_or_default(),
                            |x, v| if let Some(o) = x.measure.override_score.as_mut() { o.reason = v }, 6)}
                    </Show>
                </details>
            </td>
            <td class="wide">
                <textarea id=format!("indicators[{i}].deviation_note") aria-label=text::DEVIATION rows="1"
                    class=crate::fields::state_class(format!("indicators[{i}].deviation_note"))
                    prop:value=move || ind.with(|x| x.as_ref().map(|x| x.deviation_note.clone()).unwrap_or_default())
                    on:input=move |ev| { let v = event_target_value(&ev); with(&|x| x.deviation_note = v.clone()) }></textarea>
                {notes(format!("indicators[{i}].deviation_note"))}
            </td>
            <td class="actions">
                <button type="button" class="icon" title=text::MOVE_UP aria-label=text::MOVE_UP disabled=move || i == 0 on:click=move |_| swap(i.wrapping_sub(1))>{text::ROW_UP}</button>
                <button type="button" class="icon" title=text::MOVE_DOWN aria-label=text::MOVE_DOWN on:click=move |_| swap(i + 1)>{text::ROW_DOWN}</button>
                <button type="button" class="icon" title=text::DUPLICATE aria-label=text::DUPLICATE on:click=duplicate>{text::ROW_DUPLICATE}</button>
                <button type="button" class="icon" title=text::DELETE aria-label=text::DELETE on:click=remove>{text::ROW_DELETE}</button>
            </td>
        </tr>
    }
}
