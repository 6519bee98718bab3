//! 试算: scenarios of a draft compared side by side, goal seek on any number field, the
//! sensitivity of the total to each indicator, and where the points are lost.

use std::collections::{BTreeMap, HashMap};

use leptos::prelude::*;
use rust_decimal::Decimal;
use ziping_engine::model::Assessment;
use ziping_engine::num::{self, fmt_pct, parse_input, Plain, RoundingMode};
use ziping_engine::paths::{self, Field};
use ziping_engine::score::{self, EXECUTION_PATH};
use ziping_engine::whatif::{self, Delta, Goal};

use crate::fields::focus;
use crate::state::Ctx;
use crate::storage::{self, DraftMeta};
use crate::text;

#[component]
pub fn WhatIf() -> impl IntoView {
    view! {
        <section id="whatif" class="page">
            <h2>{text::NAV_WHATIF}</h2>
            <Scenarios/>
            <GoalSeek/>
            <LostPoints/>
            <SensitivityTable/>
        </section>
    }
}

/// Stored drafts already decoded, by id, with the save time they were decoded at.
type Loaded = StoredValue<HashMap<String, (u64, Assessment)>>;

/// A stored draft, decoded once per save rather than on every keystroke.
fn load_cached(cache: Loaded, meta: &DraftMeta) -> Option<Assessment> {
    if let Some(a) = cache.with_value(|c| {
        c.get(&meta.id)
            .filter(|(t, _)| *t == meta.updated)
            .map(|(_, a)| a.clone())
    }) {
        return Some(a);
    }
    let a = storage::load(&meta.id).ok()?.assessment;
    cache.update_value(|c| {
        c.insert(meta.id.clone(), (meta.updated, a.clone()));
    });
    Some(a)
}

/// A scenario: its draft id, its title and its assessment.
type Member = (String, String, Assessment);

/// The base draft and its scenarios, the open one taken from memory.
fn family(ctx: Ctx, cache: Loaded) -> Option<(Assessment, Vec<Member>)> {
    let open = ctx.draft_id.get()?;
    let base_id = ctx.base.get().unwrap_or_else(|| open.clone());
    let metas = ctx.drafts.get();
    let scenarios: Vec<DraftMeta> = metas
        .iter()
        .filter(|m| m.base.as_deref() == Some(base_id.as_str()))
        .take(4)
        .cloned()
        .collect();
    if scenarios.is_empty() {
        return None;
    }
    let current = ctx.assessment.get();
    let base = if base_id == open {
        current.clone()
    } else {
        load_cached(cache, metas.iter().find(|m| m.id == base_id)?)?
    };
    let scenarios = scenarios
        .into_iter()
        .filter_map(|m| {
            let a = if m.id == open {
                current.clone()
            } else {
                load_cached(cache, &m)?
            };
            Some((m.id, m.title, a))
        })
        .collect();
    Some((base, scenarios))
}

/// Scenarios listed under their base, and compared with it side by side.
#[component]
fn Scenarios() -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let name = RwSignal::new(text::SCENARIO_DEFAULT.to_string());
    let cache: Loaded = StoredValue::new(HashMap::new());
    let compare = Memo::new(move |_| {
        family(ctx, cache).map(|(base, scenarios)| {
            let card = score::score(&base);
            let diffs: Vec<(String, String, whatif::Diff)> = scenarios
                .iter()
                .map(|(id, title, a)| (id.clone(), title.clone(), whatif::diff(&base, a)))
                .collect();
            // Rows: every figure or score that changed in any scenario, in first-seen order.
            let mut rows: Vec<(String, String, Option<Decimal>)> = Vec::new();
            for (_, _, d) in &diffs {
                for x in d.inputs.iter().chain(&d.scores) {
                    if !rows.iter().any(|r| r.0 == x.path) {
                        rows.push((x.path.clone(), x.name.clone(), x.before));
                    }
                }
            }
            (card.total, card.grade.label(), rows, diffs)
        })
    });
    let new_scenario = move |_| {
        let a = ctx.assessment.get_untracked();
        ctx.create_scenario(a, &name.get_untracked());
    };
    let cell = |d: Option<&Delta>, before: Option<Decimal>| match d {
        Some(d) => {
            let after = d
                .after
                .map(|v| Plain(v).to_string())
                .unwrap_or_else(|| "—".into());
            let delta = d.delta.map(|v| {
                format!(
                    "（{}{}）",
                    if v.is_sign_positive() { "+" } else { "" },
                    Plain(v)
                )
            });
            view! { <td class="changed">{after}<small>{delta}</small></td> }.into_any()
        }
        None => {
            view! { <td>{before.map(|v| Plain(v).to_string()).unwrap_or_default()}</td> }.into_any()
        }
    };
    view! {
        <h3>{text::COMPARE}</h3>
        <p class="hint">{text::COMPARE_HINT}</p>
        <div class="row">
            <label>{text::SCENARIO_NAME}
                <input type="text" id="scenario-name" prop:value=move || name.get() on:input=move |ev| name.set(event_target_value(&ev))/>
            </label>
            <button type="button" data-testid="new-scenario" on:click=new_scenario disabled=move || ctx.draft_id.get().is_none()>{text::NEW_SCENARIO}</button>
            <Show when=move || ctx.base.get().is_some()>
                <button type="button" data-testid="open-base" on:click=move |_| {
                    if let Some(b) = ctx.base.get_untracked() { ctx.save_now(); ctx.open(&b); }
                }>{text::BASE}</button>
            </Show>
        </div>
        {move || match compare.get() {
            Some((total, grade, rows, diffs)) if !diffs.is_empty() => view! {
                <div class="table-scroll">
                <table class="compare" data-testid="compare">
                    <thead><tr>
                        <th>{text::ITEM}</th><th>{text::BASE}</th>
                        {diffs.iter().map(|(id, title, _)| {
                            let id = id.clone();
                            view! { <th><button type="button" class="link" on:click=move |_| { ctx.save_now(); ctx.open(&id); }>{title.clone()}</button></th> }
                        }).collect_view()}
                    </tr></thead>
                    <tbody>
                        {rows.iter().map(|(path, label, before)| view! {
                            <tr>
                                <th scope="row">{label.clone()}</th>
                                <td>{before.map(|v| Plain(v).to_string()).unwrap_or_else(|| "—".into())}</td>
                                {diffs.iter().map(|(_, _, d)| cell(d.inputs.iter().chain(&d.scores).find(|x| x.path == *path), *before)).collect_view()}
                            </tr>
                        }).collect_view()}
                        <tr class="total">
                            <th scope="row">{text::TOTAL}</th><td>{total.to_string()}</td>
                            {diffs.iter().map(|(_, _, d)| cell(Some(&d.total).filter(|t| t.delta != Some(Decimal::ZERO)), Some(total))).collect_view()}
                        </tr>
                        <tr>
                            <th scope="row">{text::GRADE}</th><td>{grade}</td>
                            {diffs.iter().map(|(_, _, d)| {
                                let changed = d.grade.0 != d.grade.1;
                                view! { <td class:changed=changed>{d.grade.1.label()}</td> }
                            }).collect_view()}
                        </tr>
                    </tbody>
                </table>
                </div>
            }.into_any(),
            _ => view! { <p class="hint">{text::NO_SCENARIOS}</p> }.into_any(),
        }}
    }
}

/// Goal seek on the number field the user was last in; the answer can be filled in.
#[component]
fn GoalSeek() -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let goal = RwSignal::new("total>=95".to_string());
    let answer = RwSignal::new(None::<Result<whatif::Seek, String>>);
    let label = move || {
        ctx.last_field.get().map(|p| match Field::parse(&p) {
            Some(f) => ctx.assessment.with(|a| f.label(a)),
            None => p,
        })
    };
    let run = move |_| {
        let Some(path) = ctx.last_field.get_untracked() else {
            return;
        };
        let result = Goal::parse(&goal.get_untracked()).and_then(|g| {
            ctx.assessment
                .with_untracked(|a| whatif::seek(a, &path, &g))
        });
        answer.set(Some(result));
    };
    let apply = move |_| {
        let (Some(path), Some(Ok(s))) = (ctx.last_field.get_untracked(), answer.get_untracked())
        else {
            return;
        };
        if let Some(v) = s.value {
            ctx.edit(|a| {
                let _ = paths::set(a, &path, Some(v));
            });
            focus(&path);
        }
    };
    view! {
        <h3>{text::SEEK}</h3>
        <div class="row" role="group" aria-label=text::SEEK>
            <output class="derived" data-testid="seek-field">{text::SEEK_FIELD}"："{move || label().unwrap_or_else(|| text::SEEK_FIELD_HINT.to_string())}</output>
            <label>{text::SEEK_GOAL}
                <input type="text" id="seek-goal" data-testid="seek-goal" prop:value=move || goal.get() on:input=move |ev| goal.set(event_target_value(&ev))/>
            </label>
            <button type="button" data-testid="seek-run" on:click=run disabled=move || ctx.last_field.get().is_none()>{text::SEEK_RUN}</button>
        </div>
        <p class="hint">{text::SEEK_EXAMPLES}</p>
        {move || answer.get().map(|r| match r {
            Ok(s) => {
                let class = if s.reachable { "notice info" } else { "notice warning" };
                view! {
                    <div class=class data-testid="seek-answer">
                        {s.reason.clone()}" "
                        {s.reachable.then(|| view! { <button type="button" data-testid="seek-apply" on:click=apply>{text::SEEK_APPLY}</button> })}
                    </div>
                }.into_any()
            }
            Err(m) => view! { <div class="notice error" data-testid="seek-answer">{m}</div> }.into_any(),
        })}
    }
}

/// Points lost per section, as bars (SVG, no charting library).
#[component]
fn LostPoints() -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let bars = move || {
        ctx.card.with(|c| {
            let top = c.sections.iter().map(|s| s.points).max().unwrap_or(Decimal::ONE).max(Decimal::ONE);
            c.sections
                .iter()
                .enumerate()
                .map(|(i, s)| {
                    let lost = s.lost();
                    let width = (lost / top * Decimal::from(300)).round_dp(1);
                    let y = i * 26;
                    view! {
                        <g>
                            <text x="0" y=y + 16 font-size="12">{s.name.clone()}</text>
                            <rect x="100" y=y + 4 width=width.to_string() height="16" fill="#b42318"></rect>
                            <text x=format!("{}", (width + Decimal::from(106)).round_dp(0)) y=y + 16 font-size="12">
                                {format!("−{}", Plain(lost))}
                            </text>
                        </g>
                    }
                })
                .collect_view()
        })
    };
    let height = move || ctx.card.with(|c| c.sections.len() * 26 + 4);
    view! {
        <h3>{text::LOST}</h3>
        <svg role="img" aria-label=text::LOST width="460" height=height data-testid="lost-chart">{bars}</svg>
    }
}

/// For each indicator scored against a target, the total at 80% and 60% of it.
#[component]
fn SensitivityTable() -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let rows = RwSignal::new(None::<Vec<whatif::Sensitivity>>);
    let levels = [Decimal::new(8, 1), Decimal::new(6, 1)];
    let run = move |_| {
        rows.set(Some(
            ctx.assessment
                .with_untracked(|a| whatif::sensitivity(a, &levels)),
        ))
    };
    view! {
        <h3>{text::SENSITIVITY}</h3>
        <p class="hint">{text::SENSITIVITY_HINT}" "<button type="button" data-testid="sensitivity-run" on:click=run>{text::SENSITIVITY_RUN}</button></p>
        {move || rows.get().map(|list| view! {
            <table class="sensitivity" data-testid="sensitivity">
                <thead><tr><th>{text::NAME}</th><th>{text::POINTS}</th><th>{text::SCORE_COL}</th>
                    <th>"80%"</th><th>"60%"</th><th>"−"</th></tr></thead>
                <tbody>
                {list.into_iter().take(100).map(|s| {
                    let path = s.path.clone();
                    view! {
                        <tr>
                            <td><button type="button" class="link" on:click=move |_| focus(&format!("{path}.measure.actual"))>{s.name.clone()}</button></td>
                            <td>{Plain(s.points).to_string()}</td>
                            <td>{s.score.to_string()}</td>
                            {s.totals.iter().map(|(_, t)| view! { <td>{t.to_string()}</td> }).collect_view()}
                            <td>{s.drop.to_string()}</td>
                        </tr>
                    }
                }).collect_view()}
                </tbody>
            </table>
        })}
    }
}

/// Sliders on the score panel: the execution rate and each indicator's completion move a
/// copy of the assessment; nothing is saved until it is kept as a scenario.
#[component]
pub fn QuickWhatIf() -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let open = RwSignal::new(false);
    let moved = RwSignal::new(BTreeMap::<String, Decimal>::new());
    let trial = move || {
        let m = moved.get();
        ctx.assessment.with(|a| {
            let mut b = a.clone();
            for (path, v) in &m {
                let _ = paths::set(&mut b, path, Some(*v));
            }
            b
        })
    };
    let total = Memo::new(move |_| {
        if open.get() && !moved.with(BTreeMap::is_empty) {
            Some(score::score_figures(&trial()).total)
        } else {
            None
        }
    });
    let slider = move |path: String, label: String, base: Option<Decimal>, now: Option<Decimal>| {
        let Some(base) = base.filter(|b| !b.is_zero()) else {
            return ().into_any();
        };
        let pct = now
            .and_then(|n| num::div(n, base))
            .and_then(num::percent)
            .unwrap_or_default();
        let value = RwSignal::new(pct.round_dp(1));
        let shown = move || fmt_pct(value.get() / Decimal::ONE_HUNDRED, RoundingMode::HalfUp);
        let p = path.clone();
        let aria = format!("{label}{}", text::QUICK_COMPLETION);
        view! {
            <label class="slider">{label}" "<output>{shown}</output>
                <input type="range" min="0" max="150" step="0.1" aria-label=aria
                    prop:value=move || value.get().to_string()
                    on:input=move |ev| {
                        let Ok(v) = parse_input(&event_target_value(&ev)) else { return };
                        value.set(v);
                        // The slider is a percentage of the base figure, in checked decimals.
                        let Some(fig) = num::mul(base, v).and_then(|x| num::div(x, Decimal::ONE_HUNDRED)) else { return };
                        let fig = RoundingMode::HalfUp.round(fig, 2);
                        moved.update(|m| { m.insert(p.clone(), fig); });
                    }/>
            </label>
        }
        .into_any()
    };
    let sliders = move || {
        if !open.get() {
            return Vec::new();
        }
        let _ = ctx.epoch.get();
        ctx.assessment.with_untracked(|a| {
            let budget = a
                .scheme
                .execution()
                .and_then(|(_, base, _)| base.of(&a.finance.spending));
            let mut out = vec![slider(
                EXECUTION_PATH.into(),
                text::EXECUTION_RATE.into(),
                budget,
                a.finance.spending.actual,
            )];
            out.extend(
                a.indicators
                    .iter()
                    .enumerate()
                    .filter(|(_, x)| x.measure.rule.needs_target())
                    .map(|(i, x)| {
                        slider(
                            format!("indicators[{i}].measure.actual"),
                            x.name.clone(),
                            x.measure.target,
                            x.measure.actual,
                        )
                    }),
            );
            out
        })
    };
    let keep = move |_| {
        let a = trial();
        moved.set(BTreeMap::new());
        ctx.create_scenario(a, text::SCENARIO_DEFAULT);
    };
    view! {
        <details class="quick" on:toggle=move |ev| open.set(event_target::<web_sys::HtmlDetailsElement>(&ev).open())>
            <summary>{text::QUICK}
                {move || total.get().map(|t| {
                    let now = ctx.card.with(|c| c.total);
                    view! { " → "<b data-testid="quick-total">{t.to_string()}</b><small>{format!("（{}{}）", if t >= now { "+" } else { "" }, t - now)}</small> }
                })}
            </summary>
            {sliders}
            <div class="row">
                <button type="button" on:click=move |_| { moved.set(BTreeMap::new()); open.set(false); open.set(true); }>{text::QUICK_RESET}</button>
                <button type="button" on:click=keep disabled=move || moved.with(BTreeMap::is_empty)>{text::NEW_SCENARIO}</button>
            </div>
        </details>
    }
}
