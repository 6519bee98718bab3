//! 评分标准: which scheme this assessment uses (built-in or imported), and an editor for
//! its points, rounding, grades and execution rule. The scheme is validated like the rest.

use std::sync::Arc;

use leptos::prelude::*;
use rust_decimal::Decimal;
use ziping_engine::file;
use ziping_engine::model::{Assessment, IndicatorKind};
use ziping_engine::num::RoundingMode;
use ziping_engine::scheme::{
    Band, Basis, DeductionBasis, ExecutionBase, Grade, IndicatorCategory, Rule, Scheme, Section,
    SectionBody, MAX_PLACES,
};
use ziping_engine::schemes;

use crate::fields::{notes, number, Getter, Setter};
use crate::rule_editor::{rule_key, RuleParams};
use crate::state::Ctx;
use crate::storage;
use crate::text;

/// Every scheme the user can pick: the built-in ones, then those imported.
fn choices() -> Vec<Scheme> {
    let mut all = schemes::builtin();
    all.extend(
        storage::schemes()
            .iter()
            .filter_map(|t| file::decode_scheme(t).ok()),
    );
    all
}

/// Changes the open assessment's scheme, which makes it the user's own (see
/// `Scheme::mark_custom`); the name is set after, so a typed name stays as typed.
fn edit_scheme(ctx: Ctx, f: impl FnOnce(&mut Scheme)) {
    ctx.edit(|a| {
        a.scheme.mark_custom();
        f(&mut a.scheme)
    });
}

/// A number field over a figure of the scheme.
fn scheme_number(
    id: String,
    label: String,
    get: impl Fn(&Scheme) -> Option<Decimal> + Send + Sync + 'static,
    set: impl Fn(&mut Scheme, Decimal) + Send + Sync + 'static,
) -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let get: Getter = Arc::new(move || ctx.assessment.with(|a| get(&a.scheme)));
    let set: Setter = Arc::new(move |a: &mut Assessment, v| {
        a.scheme.mark_custom();
        set(&mut a.scheme, v.unwrap_or_default())
    });
    number(id.into(), label.into(), get, set, None, None)
}

#[component]
pub fn SchemeEditor() -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let choice = move |ev| {
        let id = event_target_value(&ev);
        // The user's own scheme stays on the list when another is chosen: nothing is lost.
        let leaving = ctx.assessment.with_untracked(|a| a.scheme.clone());
        if leaving.id.starts_with("custom-") {
            if let Err(e) = storage::keep_scheme(&leaving) {
                ctx.storage_failed(e);
            }
        }
        if let Some(s) = choices().into_iter().find(|s| s.id == id) {
            ctx.edit(|a| a.scheme = s);
        }
    };
    let current = move || ctx.assessment.with(|a| a.scheme.id.clone());
    // The sections' ids in order: the editor is built anew when a section is added, moved
    // or removed, and only then (a renamed section keeps its fields, and the focus).
    let layout = Memo::new(move |_| {
        ctx.assessment.with(|a| {
            a.scheme
                .sections
                .iter()
                .map(|s| s.id.clone())
                .collect::<Vec<_>>()
        })
    });
    let has_execution = move || ctx.assessment.with(|a| a.scheme.execution().is_some());
    view! {
        <section id="scheme" class="page">
            <h2>{text::NAV_SCHEME}</h2>
            <label for="scheme-choice">{text::SCHEME_CHOICE}</label>
            <select id="scheme-choice" on:change=choice>
                {move || {
                    let now = current();
                    let mut list = choices();
                    if !list.iter().any(|s| s.id == now) {
                        list.push(ctx.assessment.with_untracked(|a| a.scheme.clone()));
                    }
                    list.into_iter().map(|s| {
                        let selected = s.id == now;
                        view! { <option value=s.id.clone() selected=selected>{s.name.clone()}</option> }
                    }).collect_view()
                }}
            </select>
            <p class="hint">{text::IMPORT_SCHEME_HINT}</p>
            <ul class="hint">{move || ctx.assessment.with(|a| a.scheme.notes.iter().map(|n| view! { <li>{n.clone()}</li> }).collect_view())}</ul>
            <div class="grid-2">
                <label>{text::SCHEME_NAME}
                    <input id="scheme.name" type="text" prop:value=move || ctx.assessment.with(|a| a.scheme.name.clone())
                        on:input=move |ev| { let v = event_target_value(&ev); edit_scheme(ctx, |s| s.name = v); }/>
                </label>
                <label for="scheme.rounding">{text::ROUNDING}
                    <select id="scheme.rounding" on:change=move |ev| {
                        let mode = match event_target_value(&ev).as_str() { "truncate" => RoundingMode::Truncate, "half_even" => RoundingMode::HalfEven, _ => RoundingMode::HalfUp };
                        edit_scheme(ctx, |s| s.rounding.mode = mode);
                    }>
                        {[(RoundingMode::HalfUp, "half_up", text::HALF_UP), (RoundingMode::Truncate, "truncate", text::TRUNCATE), (RoundingMode::HalfEven, "half_even", text::HALF_EVEN)]
                            .map(|(m, k, l)| view! { <option value=k selected=move || ctx.assessment.with(|a| a.scheme.rounding.mode == m)>{l}</option> })}
                    </select>
                </label>
                <label class="check"><input type="checkbox" prop:checked=move || ctx.assessment.with(|a| a.scheme.rounding.rate_first)
                    on:change=move |ev| { let on = event_target_checked(&ev); edit_scheme(ctx, |s| s.rounding.rate_first = on) }/>{text::RATE_FIRST}</label>
                {places("scheme.rounding.rate_places", text::RATE_PLACES, |s| s.rounding.rate_places, |s, n| s.rounding.rate_places = n)}
                {places("scheme.rounding.score_places", text::SCORE_PLACES, |s| s.rounding.score_places, |s, n| s.rounding.score_places = n)}
                <label>{text::OVER_ACHIEVEMENT}{scheme_number("scheme.over_achievement".into(), text::OVER_ACHIEVEMENT.into(), |s| Some(s.over_achievement), |s, v| s.over_achievement = v)}</label>
                <label>{text::LOW_EXECUTION}{scheme_number("scheme.low_execution".into(), text::LOW_EXECUTION.into(), |s| Some(s.low_execution), |s, v| s.low_execution = v)}</label>
            </div>
            <h3>{text::GRADES}</h3>
            <div class="row">
                {[Grade::Excellent, Grade::Good, Grade::Fair].map(|g| view! {
                    <label>{g.label()}" ≥ "{scheme_number(format!("scheme.grades.{}", g.label()), format!("{}{}", g.label(), text::GRADES),
                        move |s| s.grades.iter().find(|b| b.grade == g).map(|b| b.min),
                        move |s, v| if let Some(b) = s.grades.iter_mut().find(|b| b.grade == g) { b.min = v })}</label>
                })}
            </div>
            {notes("scheme.grades".to_string())}
            <h3>{text::SECTION_POINTS}</h3>
            {move || (0..layout.with(Vec::len)).map(section).collect_view()}
            {notes("scheme.sections[0].points".to_string())}
            {notes("scheme.sections".to_string())}
            <div class="row">
                <button type="button" data-testid="add-section" on:click=move |_| restructure(ctx, add_indicator_section)>{text::ADD_SECTION}</button>
                <Show when=move || !has_execution()>
                    <button type="button" data-testid="add-execution-section" on:click=move |_| restructure(ctx, add_execution_section)>{text::ADD_EXECUTION_SECTION}</button>
                </Show>
            </div>
        </section>
    }
}

/// A select of how many decimals the scheme keeps, 0 to `MAX_PLACES`.
fn places(
    id: &'static str,
    label: &'static str,
    get: fn(&Scheme) -> u32,
    set: fn(&mut Scheme, u32),
) -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    view! {
        <label for=id>{label}
            <select id=id on:change=move |ev| {
                if let Ok(n) = event_target_value(&ev).parse::<u32>() { edit_scheme(ctx, |s| set(s, n)) }
            }>
                {(0..=MAX_PLACES).map(|n| view! {
                    <option value=n.to_string() selected=move || ctx.assessment.with(|a| get(&a.scheme) == n)>{text::places(n)}</option>
                }).collect_view()}
            </select>
        </label>
        {notes(id.to_string())}
    }
}

/// Changes the scheme's structure (sections or categories added, moved or removed): the
/// kept texts of its number fields are forgotten, as their places now hold other figures.
fn restructure(ctx: Ctx, f: impl FnOnce(&mut Scheme)) {
    edit_scheme(ctx, f);
    if ctx
        .raw
        .with_untracked(|r| r.keys().any(|k| k.starts_with("scheme.sections")))
    {
        ctx.edit_raw(|r| r.retain(|k, _| !k.starts_with("scheme.sections")));
    }
}

/// An id no section of the scheme has, for a section added by hand.
fn new_section_id(s: &Scheme) -> String {
    (1..)
        .map(|n| format!("section-{n}"))
        .find(|id| s.sections.iter().all(|x| x.id != *id))
        .unwrap_or_default()
}

/// Adds a section of indicators, with no points yet: validation asks for them.
fn add_indicator_section(s: &mut Scheme) {
    let id = new_section_id(s);
    s.sections.push(Section {
        id,
        name: text::NEW_SECTION.into(),
        points: Decimal::ZERO,
        body: SectionBody::Indicators {
            categories: Vec::new(),
        },
    });
}

/// Adds the budget-execution block, first, as the forms put it: 10 points, proportional.
fn add_execution_section(s: &mut Scheme) {
    if s.execution().is_none() {
        s.sections.insert(
            0,
            Section {
                id: "execution".into(),
                name: text::EXECUTION_SECTION.into(),
                points: Decimal::TEN,
                body: SectionBody::Execution {
                    base: ExecutionBase::Adjusted,
                    rule: Rule::AtLeast,
                },
            },
        );
    }
}

/// Moves item `i` one place up or down; at either end nothing moves.
fn shift<T>(items: &mut [T], i: usize, up: bool) {
    let j = if up { i.checked_sub(1) } else { Some(i + 1) };
    if let Some(j) = j.filter(|j| *j < items.len() && i < items.len()) {
        items.swap(i, j);
    }
}

/// Takes item `i` out, if there is one.
fn take_out<T>(items: &mut Vec<T>, i: usize) {
    if i < items.len() {
        items.remove(i);
    }
}

/// The categories of section `i`, when it holds indicators.
fn categories_mut(s: &mut Scheme, i: usize) -> Option<&mut Vec<IndicatorCategory>> {
    match s.sections.get_mut(i).map(|x| &mut x.body) {
        Some(SectionBody::Indicators { categories }) => Some(categories),
        _ => None,
    }
}

fn category(s: &Scheme, i: usize, j: usize) -> Option<&IndicatorCategory> {
    match s.sections.get(i).map(|x| &x.body) {
        Some(SectionBody::Indicators { categories }) => categories.get(j),
        _ => None,
    }
}

/// Puts a kind of indicator into category `j` of section `i`, taking it out of any other:
/// a kind belongs to one category, or its indicators would count twice.
fn assign_kind(s: &mut Scheme, i: usize, j: usize, kind: IndicatorKind, on: bool) {
    for sec in &mut s.sections {
        if let SectionBody::Indicators { categories } = &mut sec.body {
            for c in categories {
                c.kinds.retain(|k| *k != kind);
            }
        }
    }
    if on {
        if let Some(c) = categories_mut(s, i).and_then(|c| c.get_mut(j)) {
            c.kinds.push(kind);
        }
    }
}

/// The buttons that move an item up or down and take it out.
fn order_buttons(
    what: &'static str,
    testid: String,
    on_move: impl Fn(bool) + Copy + Send + Sync + 'static,
    on_remove: impl Fn() + Copy + Send + Sync + 'static,
) -> impl IntoView {
    view! {
        <span class="row-actions">
            <button type="button" data-testid=format!("{testid}-up") aria-label=text::move_up(what) on:click=move |_| on_move(true)>{text::MOVE_UP}</button>
            <button type="button" data-testid=format!("{testid}-down") aria-label=text::move_down(what) on:click=move |_| on_move(false)>{text::MOVE_DOWN}</button>
            <button type="button" data-testid=format!("{testid}-remove") aria-label=text::remove(what) on:click=move |_| on_remove()>{text::DELETE}</button>
        </span>
    }
}

/// What a section's fields are: they are rebuilt only when this changes.
#[derive(Clone, PartialEq)]
enum Shape {
    Execution(ExecutionBase, &'static str),
    Categories(usize),
    Aspects(Vec<&'static str>),
}

fn section(i: usize) -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    // Only what changes the fields, so typing a figure or a name does not rebuild its input.
    let shape = Memo::new(move |_| {
        ctx.assessment.with(|a| {
            a.scheme.sections.get(i).map(|s| match &s.body {
                SectionBody::Execution { base, rule } => Shape::Execution(*base, rule_key(rule)),
                SectionBody::Indicators { categories } => Shape::Categories(categories.len()),
                SectionBody::Management { aspects } => {
                    Shape::Aspects(aspects.iter().map(|x| x.aspect.label()).collect())
                }
            })
        })
    });
    let name = move || {
        ctx.assessment.with(|a| {
            a.scheme
                .sections
                .get(i)
                .map(|s| s.name.clone())
                .unwrap_or_default()
        })
    };
    let sp = format!("scheme.sections[{i}]");
    let on_move = move |up| restructure(ctx, |s| shift(&mut s.sections, i, up));
    let on_remove = move || restructure(ctx, |s| take_out(&mut s.sections, i));
    view! {
        <fieldset class="scheme-section" data-testid=format!("scheme-section-{i}")>
            <legend>{name}</legend>
            <label>{text::SECTION_NAME}
                <input id=format!("{sp}.name") type="text" prop:value=name
                    on:input=move |ev| { let v = event_target_value(&ev); edit_scheme(ctx, |s| if let Some(x) = s.sections.get_mut(i) { x.name = v }) }/>
            </label>
            {notes(format!("{sp}.name"))}
            {order_buttons(text::SECTION, format!("section-{i}"), on_move, on_remove)}
            <label>{text::POINTS}{scheme_number(format!("{sp}.points"), format!("{}{}", text::SECTION_POINTS, i + 1),
                move |s| s.sections.get(i).map(|x| x.points), move |s, v| if let Some(x) = s.sections.get_mut(i) { x.points = v })}</label>
            {let sp = sp.clone(); move || match shape.get() {
                Some(Shape::Execution(base, key)) => execution(i, base, key).into_any(),
                Some(Shape::Categories(n)) => view! {
                    {(0..n).map(|j| category_fields(i, j, &sp)).collect_view()}
                    <button type="button" data-testid=format!("section-{i}-add-category") on:click=move |_| restructure(ctx, |s| {
                        if let Some(c) = categories_mut(s, i) {
                            c.push(IndicatorCategory { name: text::NEW_CATEGORY.into(), points: None, kinds: Vec::new() })
                        }
                    })>{text::ADD_CATEGORY}</button>
                }.into_any(),
                Some(Shape::Aspects(labels)) => labels.into_iter().enumerate().map(|(j, label)| view! {
                    <label>{label}" · "{text::ASPECT_POINTS}
                        {scheme_number(format!("{sp}.body.aspects[{j}].points"), format!("{label}{}", text::ASPECT_POINTS),
                            move |s| match s.sections.get(i).map(|x| &x.body) { Some(SectionBody::Management { aspects }) => aspects.get(j).map(|c| c.points), _ => None },
                            move |s, v| if let Some(SectionBody::Management { aspects }) = s.sections.get_mut(i).map(|x| &mut x.body) {
                                if let Some(c) = aspects.get_mut(j) { c.points = v } })}
                    </label>
                }).collect_view().into_any(),
                None => ().into_any(),
            }}
            {notes(format!("{sp}.points"))}
        </fieldset>
    }
}

/// One category of indicators: its name, its points (blank: none fixed, the rows' points
/// count), the kinds of indicator it holds, and its place.
fn category_fields(i: usize, j: usize, sp: &str) -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let cp = format!("{sp}.body.categories[{j}]");
    let name = move || {
        ctx.assessment
            .with(|a| category(&a.scheme, i, j).map(|c| c.name.clone()))
            .unwrap_or_default()
    };
    let get: Getter = Arc::new(move || {
        ctx.assessment
            .with(|a| category(&a.scheme, i, j).and_then(|c| c.points))
    });
    let set: Setter = Arc::new(move |a: &mut Assessment, v| {
        a.scheme.mark_custom();
        if let Some(c) = categories_mut(&mut a.scheme, i).and_then(|c| c.get_mut(j)) {
            c.points = v
        }
    });
    let on_move = move |up| {
        restructure(ctx, |s| {
            if let Some(c) = categories_mut(s, i) {
                shift(c, j, up)
            }
        })
    };
    let on_remove = move || {
        restructure(ctx, |s| {
            if let Some(c) = categories_mut(s, i) {
                take_out(c, j)
            }
        })
    };
    let kind = move |k: IndicatorKind| {
        let checked = move || {
            ctx.assessment
                .with(|a| category(&a.scheme, i, j).is_some_and(|c| c.kinds.contains(&k)))
        };
        view! {
            <label class="check"><input type="checkbox" prop:checked=checked
                on:change=move |ev| { let on = event_target_checked(&ev); edit_scheme(ctx, |s| assign_kind(s, i, j, k, on)) }/>{k.label()}</label>
        }
    };
    view! {
        <div class="scheme-category" data-testid=format!("section-{i}-category-{j}")>
            <label>{text::CATEGORY_NAME}
                <input id=format!("{cp}.name") type="text" prop:value=name
                    on:input=move |ev| { let v = event_target_value(&ev); edit_scheme(ctx, |s| {
                        if let Some(c) = categories_mut(s, i).and_then(|c| c.get_mut(j)) { c.name = v } }) }/>
            </label>
            {notes(format!("{cp}.name"))}
            <label>{text::CATEGORY_POINTS}
                {number(format!("{cp}.points").into(), Signal::derive(move || format!("{}{}", name(), text::CATEGORY_POINTS)), get, set, None, None)}
            </label>
            {order_buttons(text::CATEGORY, format!("section-{i}-category-{j}"), on_move, on_remove)}
            <div class="row" role="group" aria-label=text::CATEGORY_KINDS>{text::CATEGORY_KINDS}{IndicatorKind::ALL.map(kind)}</div>
            {notes(format!("{cp}.kinds"))}
        </div>
    }
}

/// The execution block's rule: proportional, deductions per percentage point, or bands.
fn execution(i: usize, base: ExecutionBase, rule: &'static str) -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let key = match rule {
        "deduction" => "per_point",
        "bands" => "bands",
        _ => "proportional",
    };
    let set_rule = move |ev| {
        let k = event_target_value(&ev);
        edit_scheme(ctx, |s| {
            if let Some(SectionBody::Execution { rule, .. }) =
                s.sections.get_mut(i).map(|x| &mut x.body)
            {
                *rule = match k.as_str() {
                    "per_point" => Rule::Deduction {
                        basis: DeductionBasis::CompletionShortfall,
                        per: Decimal::ONE,
                        step: Decimal::ONE,
                    },
                    "bands" => Rule::Bands {
                        basis: Basis::Completion,
                        bands: [(100, 10), (95, 8), (90, 6), (80, 4), (60, 2)]
                            .map(|(min, p)| Band {
                                min: Decimal::from(min),
                                points: Decimal::from(p),
                            })
                            .to_vec(),
                    },
                    _ => Rule::AtLeast,
                };
            }
        });
    };
    let set_base = move |ev| {
        let b = if event_target_value(&ev) == "initial" {
            ExecutionBase::Initial
        } else {
            ExecutionBase::Adjusted
        };
        edit_scheme(ctx, |s| {
            if let Some(SectionBody::Execution { base, .. }) =
                s.sections.get_mut(i).map(|x| &mut x.body)
            {
                *base = b;
            }
        });
    };
    view! {
        <label>{text::EXECUTION_RULE}
            <select id="scheme.execution.rule" on:change=set_rule>
                {[("proportional", text::EXEC_PROPORTIONAL), ("per_point", text::EXEC_PER_POINT), ("bands", text::EXEC_BANDS)]
                    .map(|(k, l)| view! { <option value=k selected=k == key>{l}</option> })}
            </select>
        </label>
        <label>{text::EXEC_BASE}
            <select id="scheme.execution.base" on:change=set_base>
                <option value="adjusted" selected=base == ExecutionBase::Adjusted>{text::BASE_ADJUSTED}</option>
                <option value="initial" selected=base == ExecutionBase::Initial>{text::BASE_INITIAL}</option>
            </select>
        </label>
        <RuleParams path=format!("scheme.sections[{i}].body.rule")/>
        {notes(format!("scheme.sections[{i}].body.rule"))}
    }
}
