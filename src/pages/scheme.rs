//! 评分标准: which scheme this assessment uses (built-in or imported), and an editor for
//! its points, rounding, grades and execution rule. The scheme is validated like the rest.

use std::sync::Arc;

use leptos::prelude::*;
use rust_decimal::Decimal;
use ziping_engine::file;
use ziping_engine::model::Assessment;
use ziping_engine::num::RoundingMode;
use ziping_engine::scheme::{
    Band, Basis, DeductionBasis, ExecutionBase, Grade, Rule, Scheme, SectionBody,
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
    let sections = Memo::new(move |_| ctx.assessment.with(|a| a.scheme.sections.len()));
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
            {move || (0..sections.get()).map(section).collect_view()}
            {notes("scheme.sections[0].points".to_string())}
        </section>
    }
}

/// What a section's fields are: they are rebuilt only when this changes.
#[derive(Clone, PartialEq)]
enum Shape {
    Execution(ExecutionBase, &'static str),
    Categories(Vec<String>),
    Aspects(Vec<&'static str>),
}

fn section(i: usize) -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    // Only what changes the fields, so typing a figure does not rebuild its own input.
    let shape = Memo::new(move |_| {
        ctx.assessment.with(|a| {
            a.scheme.sections.get(i).map(|s| match &s.body {
                SectionBody::Execution { base, rule } => Shape::Execution(*base, rule_key(rule)),
                SectionBody::Indicators { categories } => {
                    Shape::Categories(categories.iter().map(|c| c.name.clone()).collect())
                }
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
    view! {
        <fieldset class="scheme-section">
            <legend>{name}</legend>
            <label>{text::POINTS}{scheme_number(format!("{sp}.points"), format!("{}{}", text::SECTION_POINTS, i + 1),
                move |s| s.sections.get(i).map(|x| x.points), move |s, v| if let Some(x) = s.sections.get_mut(i) { x.points = v })}</label>
            {let sp = sp.clone(); move || match shape.get() {
                Some(Shape::Execution(base, key)) => execution(i, base, key).into_any(),
                Some(Shape::Categories(names)) => names.into_iter().enumerate().map(|(j, name)| view! {
                    <label>{name.clone()}" · "{text::CATEGORY_POINTS}
                        {scheme_number(format!("{sp}.body.categories[{j}].points"), format!("{name}{}", text::CATEGORY_POINTS),
                            move |s| match s.sections.get(i).map(|x| &x.body) { Some(SectionBody::Indicators { categories }) => categories.get(j).and_then(|c| c.points), _ => None },
                            move |s, v| if let Some(SectionBody::Indicators { categories }) = s.sections.get_mut(i).map(|x| &mut x.body) {
                                if let Some(c) = categories.get_mut(j) { c.points = Some(v) } })}
                    </label>
                }).collect_view().into_any(),
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
