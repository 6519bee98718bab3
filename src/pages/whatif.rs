//! 试算: scenarios of a draft compared side by side, goal seek on any number field, the
//! sensitivity of the total to each indicator, and where the points are lost.

use std::collections::{BTreeMap, HashMap};

use leptos::prelude::*;
use rust_decimal::Decimal;
use ziping_engine::model::Assessment;
use ziping_engine::num::{self, fmt_pct, parse_input, Plain, RoundingMode};
use ziping_engine::paths::{self, Field};
use ziping_engine::scheme::Grade;
use ziping_engine::score::{self, EXECUTION_ITEM, EXECUTION_PATH};
use ziping_engine::whatif::{self, Delta, Goal, Metric};

use crate::state::{Ctx, Notice};
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

/// What the goal menus measure.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum GoalKind {
    Total,
    Grade,
    Section,
    Item,
}

impl GoalKind {
    const ALL: [GoalKind; 4] = [
        GoalKind::Total,
        GoalKind::Grade,
        GoalKind::Section,
        GoalKind::Item,
    ];

    fn label(self) -> &'static str {
        match self {
            GoalKind::Total => text::TOTAL,
            GoalKind::Grade => text::GRADE,
            GoalKind::Section => text::SEEK_SECTION,
            GoalKind::Item => text::SEEK_ITEM,
        }
    }

    fn key(self) -> &'static str {
        match self {
            GoalKind::Total => "total",
            GoalKind::Grade => "grade",
            GoalKind::Section => "section",
            GoalKind::Item => "item",
        }
    }
}

/// Every figure of the form by page, as (page, [(path, name)]), in the form's order.
fn figure_groups(a: &Assessment) -> Vec<(&'static str, Vec<(String, String)>)> {
    let page = |path: &str| match path.split(['.', '[']).next() {
        Some("workload") => text::NAV_BASICS,
        Some("indicators") => text::NAV_INDICATORS,
        Some("criteria") => text::NAV_MANAGEMENT,
        _ => text::NAV_FINANCE,
    };
    let mut groups: Vec<(&'static str, Vec<(String, String)>)> = [
        text::NAV_BASICS,
        text::NAV_FINANCE,
        text::NAV_INDICATORS,
        text::NAV_MANAGEMENT,
    ]
    .into_iter()
    .map(|p| (p, Vec::new()))
    .collect();
    for path in paths::all(a) {
        let Some(field) = Field::parse(&path) else {
            continue;
        };
        let name = field.label(a);
        if let Some((_, list)) = groups.iter_mut().find(|(p, _)| *p == page(&path)) {
            list.push((path, name));
        }
    }
    groups.retain(|(_, list)| !list.is_empty());
    groups
}

/// The scheme's sections, and each section's items, by name with their points.
type Named = Vec<(String, Decimal, Vec<(String, Decimal)>)>;

fn card_names(card: &score::ScoreCard) -> Named {
    card.sections
        .iter()
        .map(|s| {
            let items = s
                .categories
                .iter()
                .flat_map(|c| &c.items)
                .map(|i| (i.name.clone(), i.points))
                .collect();
            (s.name.clone(), s.points, items)
        })
        .collect()
}

/// Goal seek: the figure to change is the number field the user was last in, or one picked
/// from a list of every figure; the goal is chosen from menus (or typed); the answer goes into
/// a new scenario, or into the draft if the user says so.
#[component]
fn GoalSeek() -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let chosen = RwSignal::new(ctx.last_field.get_untracked());
    Effect::new(move |_| {
        if let Some(p) = ctx.last_field.get() {
            chosen.set(Some(p));
        }
    });
    // The menus follow the draft's rows, not its figures: rebuilt when a draft opens, a row
    // comes or goes, or a menu is opened (a renamed row), never on a keystroke.
    let refresh = RwSignal::new(0u32);
    let rows = move || {
        ctx.epoch.track();
        ctx.indicator_keys.track();
        ctx.criterion_keys.track();
        refresh.track();
    };
    // The list of every figure (five per indicator) exists only while it is in use, so a
    // draft of 500 rows does not build 2,500 options when it opens or a row is added.
    let listing = RwSignal::new(false);
    let figures = Memo::new(move |_| {
        if !listing.get() {
            return Vec::new();
        }
        rows();
        ctx.assessment.with_untracked(figure_groups)
    });
    let names = Memo::new(move |_| {
        rows();
        ctx.card.with_untracked(card_names)
    });
    let label = move || {
        chosen.get().map(|p| match Field::parse(&p) {
            Some(f) => ctx.assessment.with(|a| f.label(a)),
            None => p,
        })
    };

    let kind = RwSignal::new(GoalKind::Total);
    let at_least = RwSignal::new(true);
    let value = RwSignal::new("95".to_string());
    let grade = RwSignal::new(Grade::Excellent);
    let section = RwSignal::new(String::new());
    let item = RwSignal::new(String::new());
    // A goal typed instead, used from its first keystroke until a menu is touched again.
    let typed = RwSignal::new(None::<String>);
    let points_of = move |name: &str, of_section: bool| {
        names.with_untracked(|n| {
            n.iter().find_map(|(s, p, items)| {
                if of_section {
                    (s == name).then_some(*p)
                } else {
                    items.iter().find(|(i, _)| i == name).map(|(_, p)| *p)
                }
            })
        })
    };
    // A section or item chosen: the value starts at its full points.
    let pick = move |name: String, of_section: bool| {
        if let Some(p) = points_of(&name, of_section) {
            value.set(Plain(p).to_string());
        }
        if of_section {
            section.set(name);
        } else {
            item.set(name);
        }
        typed.set(None);
    };
    let set_kind = move |k: GoalKind| {
        kind.set(k);
        typed.set(None);
        let first = names.with_untracked(|n| match k {
            GoalKind::Section => n.first().map(|(s, ..)| s.clone()),
            GoalKind::Item => n
                .iter()
                .flat_map(|(.., i)| i)
                .next()
                .map(|(i, _)| i.clone()),
            _ => None,
        });
        match k {
            GoalKind::Total => value.set("95".into()),
            GoalKind::Section if section.with_untracked(String::is_empty) => {
                if let Some(f) = first {
                    pick(f, true);
                }
            }
            GoalKind::Item if item.with_untracked(String::is_empty) => {
                if let Some(f) = first {
                    pick(f, false);
                }
            }
            GoalKind::Section => pick(section.get_untracked(), true),
            GoalKind::Item => pick(item.get_untracked(), false),
            GoalKind::Grade => {}
        }
    };
    let menu_goal = move || -> Result<Goal, String> {
        let metric = match kind.get() {
            GoalKind::Total => Metric::Total,
            GoalKind::Grade => return Ok(Goal::Grade(grade.get())),
            GoalKind::Section => Metric::Section(section.get()),
            GoalKind::Item => Metric::Item(item.get()),
        };
        let v = value.get();
        let v = parse_input(&v).map_err(|_| text::seek_bad_value(&v))?;
        Ok(if at_least.get() {
            Goal::AtLeast(metric, v)
        } else {
            Goal::AtMost(metric, v)
        })
    };
    let goal = move || match typed.get() {
        Some(t) => Goal::parse(&t),
        None => menu_goal(),
    };

    let answer = RwSignal::new(None::<(String, Result<whatif::Seek, String>)>);
    let lifted = RwSignal::new(false);
    let run = move |_| {
        let Some(path) = chosen.get_untracked() else {
            return;
        };
        let result = untrack(goal).and_then(|g| {
            ctx.assessment
                .with_untracked(|a| whatif::seek(a, &path, &g))
        });
        lifted.set(false);
        answer.set(Some((path, result)));
    };
    // Fills the answer in: into a new scenario of the draft, or into the draft itself; with
    // the override lifted when the user lifted it for the answer.
    let apply = move |into_draft: bool| {
        let Some((path, Ok(s))) = answer.get_untracked() else {
            return;
        };
        let (s, over) = match s.blocker {
            Some(b) if lifted.get_untracked() => (*b.lifted, Some(b.path)),
            _ => (s, None),
        };
        let Some(v) = s.value else {
            return;
        };
        let name = ctx.assessment.with_untracked(|a| {
            Field::parse(&path)
                .map(|f| f.label(a))
                .unwrap_or_else(|| path.clone())
        });
        let change = |a: &mut Assessment| {
            if let Some(o) = &over {
                let _ = paths::set(a, o, None);
            }
            let _ = paths::set(a, &path, Some(v));
        };
        // Before a new scenario rebuilds the form, and this component with it.
        answer.set(None);
        if into_draft {
            ctx.edit(change);
            ctx.notify(Notice::Info(text::seek_filled_draft(&name, v)));
        } else {
            let mut a = ctx.assessment.get_untracked();
            change(&mut a);
            let title = text::seek_scenario(&name, v);
            ctx.create_scenario(a, &title);
            ctx.notify(Notice::Info(text::seek_filled_scenario(&name, v, &title)));
        }
        request_animation_frame(move || ctx.focus(&path));
    };

    let number_goal = move || {
        view! {
            <select aria-label=text::SEEK_OP data-testid="seek-op" on:change=move |ev| { at_least.set(event_target_value(&ev) != "le"); typed.set(None); }>
                <option value="ge" selected=move || at_least.get()>"≥"</option>
                <option value="le" selected=move || !at_least.get()>"≤"</option>
            </select>
            <input type="text" inputmode="decimal" class="num" aria-label=text::SEEK_VALUE data-testid="seek-value"
                prop:value=move || value.get() on:input=move |ev| { value.set(event_target_value(&ev)); typed.set(None); }/>
        }
    };
    let metric_menu = move || {
        match kind.get() {
        GoalKind::Total => number_goal().into_any(),
        GoalKind::Grade => view! {
            <select aria-label=text::GRADE data-testid="seek-grade" on:change=move |ev| {
                let v = event_target_value(&ev);
                if let Some(g) = Grade::ALL.into_iter().find(|g| g.label() == v) { grade.set(g); }
                typed.set(None);
            }>
                {Grade::ALL.map(|g| view! { <option value=g.label() selected=move || grade.get() == g>{g.label()}</option> })}
            </select>
        }
        .into_any(),
        GoalKind::Section => view! {
            <select aria-label=text::SEEK_SECTION data-testid="seek-section" on:focus=move |_| refresh.update(|n| *n += 1)
                on:change=move |ev| pick(event_target_value(&ev), true)>
                {move || names.get().into_iter().map(|(s, p, _)| {
                    let key = s.clone();
                    view! { <option value=s.clone() selected=move || section.with(|x| *x == key)>{text::seek_named(&s, Plain(p))}</option> }
                }).collect_view()}
            </select>
            {number_goal()}
        }
        .into_any(),
        GoalKind::Item => view! {
            <select aria-label=text::SEEK_ITEM data-testid="seek-item" on:focus=move |_| refresh.update(|n| *n += 1)
                on:change=move |ev| pick(event_target_value(&ev), false)>
                {move || names.get().into_iter().map(|(s, _, items)| view! {
                    <optgroup label=s>
                        {items.into_iter().map(|(i, p)| {
                            let key = i.clone();
                            view! { <option value=i.clone() selected=move || item.with(|x| *x == key)>{text::seek_named(&i, Plain(p))}</option> }
                        }).collect_view()}
                    </optgroup>
                }).collect_view()}
            </select>
            {number_goal()}
        }
        .into_any(),
    }
    };
    let answer_view = move || {
        answer.get().map(|(_, r)| match r {
            Ok(s) => {
                let lift = lifted.get() && s.blocker.is_some();
                let (lines, shown) = match &s.blocker {
                    Some(b) if lift => (
                        vec![ziping_engine::text::seek_lifted(&b.item, &b.lifted.reason)],
                        (*b.lifted).clone(),
                    ),
                    _ => (vec![s.reason.clone()], s.clone()),
                };
                let class = if shown.reachable { "notice info" } else { "notice warning" };
                let offer = s.blocker.as_ref().filter(|_| !lift).map(|b| {
                    view! {
                        <p data-testid="seek-override">
                            {text::seek_lift_offer(&b.item, Plain(b.score))}" "
                            <button type="button" data-testid="seek-lift" on:click=move |_| lifted.set(true)>{text::LIFT}</button>
                        </p>
                    }
                });
                view! {
                    <div class=class data-testid="seek-answer">
                        {lines.into_iter().map(|l| view! { <p>{l}</p> }).collect_view()}
                        {shown.result.clone().map(|r| view! { <p data-testid="seek-result">{r}</p> })}
                        {shown.rounding.clone().map(|r| view! { <p data-testid="seek-rounding"><strong>{r}</strong></p> })}
                        {offer}
                        {shown.reachable.then(|| view! {
                            <p>
                                <button type="button" data-testid="seek-apply" on:click=move |_| apply(false)>{text::SEEK_APPLY}</button>" "
                                <button type="button" data-testid="seek-apply-draft" on:click=move |_| apply(true)>{text::SEEK_APPLY_DRAFT}</button>
                            </p>
                        })}
                    </div>
                }
                .into_any()
            }
            Err(m) => view! { <div class="notice error" data-testid="seek-answer">{m}</div> }.into_any(),
        })
    };
    view! {
        <h3>{text::SEEK}</h3>
        <div class="seek" role="group" aria-label=text::SEEK>
            <p class="row">
                <output class="derived" data-testid="seek-field">{text::SEEK_FIELD}"："{move || label().unwrap_or_else(|| text::SEEK_FIELD_HINT.to_string())}</output>
            </p>
            <p class="row">
                <label>{text::SEEK_PICK}
                    <select data-testid="seek-field-select"
                        on:focus=move |_| { listing.set(true); refresh.update(|n| *n += 1); }
                        on:pointerdown=move |_| listing.set(true)
                        on:blur=move |_| listing.set(false)
                        on:change=move |ev| { let v = event_target_value(&ev); chosen.set((!v.is_empty()).then_some(v)); }>
                        <option value="" selected=move || chosen.with(Option::is_none)>{text::SEEK_PICK_NONE}</option>
                        // Closed, the list holds only the figure chosen.
                        {move || (!listing.get()).then(|| chosen.get().map(|path| {
                            let name = untrack(label).unwrap_or_default();
                            view! { <option value=path.clone() selected=true>{text::seek_figure(&name, &path)}</option> }
                        })).flatten()}
                        {move || figures.get().into_iter().map(|(page, list)| view! {
                            <optgroup label=page>
                                {list.into_iter().map(|(path, name)| {
                                    let key = path.clone();
                                    view! { <option value=path.clone() selected=move || chosen.with(|c| c.as_deref() == Some(key.as_str()))>{text::seek_figure(&name, &path)}</option> }
                                }).collect_view()}
                            </optgroup>
                        }).collect_view()}
                    </select>
                </label>
            </p>
            <p class="row">
                <label>{text::SEEK_GOAL}
                    <select data-testid="seek-goal-kind" on:change=move |ev| {
                        let v = event_target_value(&ev);
                        if let Some(k) = GoalKind::ALL.into_iter().find(|k| k.key() == v) { set_kind(k); }
                    }>
                        {GoalKind::ALL.map(|k| view! { <option value=k.key() selected=move || kind.get() == k>{k.label()}</option> })}
                    </select>
                </label>
                {metric_menu}
                <button type="button" data-testid="seek-run" on:click=run disabled=move || chosen.get().is_none()>{text::SEEK_RUN}</button>
            </p>
            <p class="row">
                <label>{text::SEEK_TYPED}
                    <input type="text" id="seek-goal" data-testid="seek-goal"
                        prop:value=move || typed.get().unwrap_or_else(|| menu_goal().map(|g| g.to_string()).unwrap_or_default())
                        on:input=move |ev| typed.set(Some(event_target_value(&ev)))/>
                </label>
            </p>
            <p class="hint">{text::SEEK_EXAMPLES}</p>
        </div>
        {answer_view}
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
                            <td><button type="button" class="link" on:click=move |_| ctx.focus(&format!("{path}.measure.actual"))>{s.name.clone()}</button></td>
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
/// copy of the assessment; nothing is saved until it is kept as a scenario. A slider whose
/// score is overridden says so, and can lift the override in the copy.
#[component]
pub fn QuickWhatIf() -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let open = RwSignal::new(false);
    // Moved figures by path; an override lifted in the copy is its path with no figure.
    let moved = RwSignal::new(BTreeMap::<String, Option<Decimal>>::new());
    let trial = move || {
        let m = moved.get();
        ctx.assessment.with(|a| {
            let mut b = a.clone();
            for (path, v) in &m {
                let _ = paths::set(&mut b, path, *v);
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
    // The override (its path, the item's name, its score) that keeps a slider from moving.
    let slider = move |path: String,
                       label: String,
                       base: Option<Decimal>,
                       now: Option<Decimal>,
                       blocked: Option<(String, String, Decimal)>| {
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
                        moved.update(|m| { m.insert(p.clone(), Some(fig)); });
                    }/>
                {blocked.map(|(over, item, score)| {
                    let key = over.clone();
                    let lifted = move || moved.with(|m| m.contains_key(&key));
                    view! {
                        <small class="override-note" data-testid="quick-override">
                            {move || if lifted() {
                                text::quick_lifted(&item).into_any()
                            } else {
                                let over = over.clone();
                                view! {
                                    {text::quick_overridden(&item, Plain(score))}" "
                                    <button type="button" data-testid="quick-lift" on:click=move |ev| {
                                        ev.prevent_default();
                                        moved.update(|m| { m.insert(over.clone(), None); });
                                    }>{text::QUICK_LIFT}</button>
                                }.into_any()
                            }}
                        </small>
                    }
                })}
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
                .and_then(|(_, base, _)| a.finance.spending.budget(base));
            let mut out = vec![slider(
                EXECUTION_PATH.into(),
                text::EXECUTION_RATE.into(),
                budget,
                a.finance.spending.actual,
                a.execution_override.as_ref().map(|o| {
                    (
                        whatif::override_path(EXECUTION_PATH),
                        EXECUTION_ITEM.to_string(),
                        o.score,
                    )
                }),
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
                            x.measure.override_score.as_ref().map(|o| {
                                (
                                    whatif::override_path(&format!("indicators[{i}]")),
                                    x.name.clone(),
                                    o.score,
                                )
                            }),
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
