//! 管理效率: the seven aspects of the scheme with their criteria; each criterion scored by
//! its rule, from ticked checks or typed figures. Criteria, their rules and their checks
//! can be reworded, added and removed, for a local scheme's own wording.

use leptos::prelude::*;
use rust_decimal::Decimal;
use ziping_engine::model::{Assessment, Check, Criterion, Measure};
use ziping_engine::scheme::Rule;

use crate::fields::{after_removing, notes, remap_rows, text_input, NumberInput};
use crate::rule_editor::{rule_for, rule_key, RuleParams, RULES};
use crate::state::{Ctx, Notice};
use crate::text;

#[component]
pub fn Management() -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    // (aspect, aspect points, editable default, criteria indices)
    let aspects = Memo::new(move |_| {
        ctx.assessment.with(|a| {
            a.scheme
                .aspects()
                .map(|spec| {
                    let members: Vec<usize> = (0..a.criteria.len())
                        .filter(|&i| a.criteria[i].aspect == spec.aspect)
                        .collect();
                    (
                        spec.aspect,
                        spec.points.normalize().to_string(),
                        spec.editable_default,
                        members,
                    )
                })
                .collect::<Vec<_>>()
        })
    });
    let reset = move |_| {
        ctx.edit(|a| {
            let fresh = Assessment::new(a.scheme.clone());
            a.criteria = fresh.criteria;
        })
    };
    let save = move |_| {
        ctx.edit(|a| a.criteria_into_scheme());
        let name = ctx.assessment.with_untracked(|a| a.scheme.name.clone());
        ctx.notify(Notice::Info(text::criteria_saved(&name)));
    };
    view! {
        <section id="management" class="page">
            <h2>{text::NO_MANAGEMENT}{text::NAV_MANAGEMENT}</h2>
            {move || aspects.get().into_iter().map(|(aspect, points, editable, members)| view! {
                <fieldset class="aspect">
                    <legend>{aspect.label()}" · "{text::POINTS}" "{points}
                        {editable.then(|| view! { <small class="hint">{text::DEFAULT_SPLIT}</small> })}</legend>
                    {members.into_iter().map(criterion).collect_view()}
                    <button type="button" on:click=move |_| ctx.edit(|a| a.criteria.push(Criterion {
                        aspect,
                        name: String::new(),
                        points: Decimal::ZERO,
                        measure: Measure::new(Rule::Checklist),
                        example: false,
                    }))>{text::ADD_CRITERION}</button>
                </fieldset>
            }).collect_view()}
            <div class="row">
                <button type="button" on:click=reset>{text::RESET_CRITERIA}</button>
                <button type="button" on:click=save>{text::SAVE_CRITERIA}</button>
            </div>
        </section>
    }
}

fn criterion(i: usize) -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let c = Memo::new(move |_| ctx.assessment.with(|a| a.criteria.get(i).cloned()));
    let score = move || {
        ctx.card.with(|card| {
            let path = format!("criteria[{i}]");
            card.items()
                .find(|x| x.path == path)
                .map(|x| x.score.to_string())
                .unwrap_or_default()
        })
    };
    let with = move |f: &dyn Fn(&mut Criterion)| {
        ctx.edit(|a| {
            if let Some(x) = a.criteria.get_mut(i) {
                f(x)
            }
        })
    };
    let rule = move || c.with(|x| x.as_ref().map(|x| x.measure.rule.clone()));
    let rule_untracked = move || c.with_untracked(|x| x.as_ref().map(|x| x.measure.rule.clone()));
    // The count alone, so typing a check's text does not rebuild the list under it.
    let checks =
        Memo::new(move |_| c.with(|x| x.as_ref().map(|x| x.measure.checks.len()).unwrap_or(0)));
    let at = format!("criteria[{i}]");
    let tip = RwSignal::new(String::new());
    let remove = move |_| {
        ctx.edit(|a| {
            if i < a.criteria.len() {
                a.criteria.remove(i);
            }
        });
        ctx.raw
            .update(|r| remap_rows(r, "criteria[", after_removing(i)));
    };
    let add_check = move |_| {
        with(&|x| {
            x.measure.checks.push(Check {
                text: String::new(),
                met: false,
            })
        })
    };
    view! {
        <div class="criterion">
            <div class="row">
                <label>{text::CRITERION_NAME}{text_input(format!("{at}.name"), text::CRITERION_NAME,
                    move |a| a.criteria.get(i).map(|x| x.name.clone()).unwrap_or_default(),
                    move |a, v| if let Some(x) = a.criteria.get_mut(i) { x.name = v }, None)}</label>
                {move || c.with(|x| x.as_ref().is_some_and(|x| x.example)).then(|| view! { <small class="tag">{text::EXAMPLE}</small> })}
                <label>{text::POINTS}<NumberInput path=format!("{at}.points") label=format!("{}{}", text::POINTS, i + 1)/></label>
                <label>{text::RULE}
                <select id=format!("{at}.measure.rule") on:change=move |ev| {
                    let k = event_target_value(&ev);
                    with(&|x| x.measure.rule = rule_for(&k, x.points, !x.measure.checks.is_empty()))
                }>
                    // 定性 needs a grade, which criteria do not have; it is listed only if a file set it.
                    {RULES.into_iter().filter(|(k, _)| *k != "qualitative" || rule_untracked() == Some(Rule::Qualitative)).map(|(k, label)| view! {
                        <option value=k selected=move || rule().is_some_and(|r| rule_key(&r) == k)>{label}</option>
                    }).collect_view()}
                </select>
                </label>
                <span class="score-cell" title=move || tip.get() on:mouseenter=move |_| tip.set(ctx.formula(&format!("criteria[{i}]")))>{text::SCORE_COL}" "<b>{score}</b></span>
                <button type="button" class="remove" on:click=remove>{text::REMOVE_CRITERION}</button>
            </div>
            <RuleParams path=format!("{at}.measure.rule")/>
            {notes(format!("{at}.measure.rule"))}
            <Show when=move || rule().is_some_and(|r| r.needs_target())>
                <div class="row">
                    <label>{text::TARGET}<NumberInput path=format!("criteria[{i}].measure.target") label=text::TARGET/></label>
                    <label>{text::ACTUAL_VALUE}<NumberInput path=format!("criteria[{i}].measure.actual") label=text::ACTUAL_VALUE/></label>
                </div>
            </Show>
            <Show when=move || matches!(rule(), Some(Rule::Manual))>
                <div class="row">
                    <label>{text::ENTERED}<NumberInput path=format!("criteria[{i}].measure.entered_score") label=text::ENTERED/></label>
                    <label>{text::REASON}{text_input(format!("criteria[{i}].measure.reason"), text::REASON,
                        move |a| a.criteria.get(i).map(|x| x.measure.reason.clone()).unwrap_or_default(),
                        move |a, v| if let Some(x) = a.criteria.get_mut(i) { x.measure.reason = v }, None)}</label>
                </div>
            </Show>
            <ul class="checks" aria-label=text::CHECKS>
                {move || (0..checks.get()).map(|k| check(i, k)).collect_view()}
            </ul>
            <button type="button" on:click=add_check>{text::ADD_CHECK}</button>
            {notes(format!("{at}.measure.checks"))}
        </div>
    }
}

/// One check of a criterion: ticked when met; its wording can be changed.
fn check(i: usize, k: usize) -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let id = format!("criteria[{i}].measure.checks[{k}]");
    let ch = Memo::new(move |_| {
        ctx.assessment.with(|a| {
            a.criteria
                .get(i)
                .and_then(|x| x.measure.checks.get(k))
                .cloned()
        })
    });
    let wording = move || ch.with(|c| c.as_ref().map(|c| c.text.clone()).unwrap_or_default());
    let edit = move |f: &dyn Fn(&mut Check)| {
        ctx.edit(|a| {
            if let Some(ch) = a
                .criteria
                .get_mut(i)
                .and_then(|x| x.measure.checks.get_mut(k))
            {
                f(ch)
            }
        })
    };
    let remove = move |_| {
        ctx.edit(|a| {
            if let Some(x) = a.criteria.get_mut(i) {
                if k < x.measure.checks.len() {
                    x.measure.checks.remove(k);
                }
            }
        })
    };
    view! {
        <li class="row">
            <input type="checkbox" id=id.clone()
                aria-label=wording
                prop:checked=move || ch.with(|c| c.as_ref().is_some_and(|c| c.met))
                on:change=move |ev| { let on = event_target_checked(&ev); edit(&|ch| ch.met = on) }/>
            <input type="text" class="check-text" id=format!("{id}.text") aria-label=text::check_text(k)
                prop:value=wording
                on:input=move |ev| { let v = event_target_value(&ev); edit(&|ch| ch.text = v.clone()) }/>
            <button type="button" class="remove" on:click=remove aria-label=text::check_remove(k)>"×"</button>
        </li>
    }
}
