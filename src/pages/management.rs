//! 管理效率: the seven aspects of the scheme with their criteria; each criterion scored by
//! its rule (which can be changed), from ticked checks or typed figures.

use leptos::prelude::*;
use ziping_engine::model::{Assessment, Criterion};
use ziping_engine::scheme::Rule;

use crate::fields::{notes, NumberInput};
use crate::rule_editor::{rule_for, rule_key, RuleParams, RULES};
use crate::state::Ctx;
use crate::text;

#[component]
pub fn Management() -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    // (aspect label, aspect points, editable default, criteria indices)
    let aspects = Memo::new(move |_| {
        ctx.assessment.with(|a| {
            a.scheme
                .aspects()
                .map(|spec| {
                    let members: Vec<usize> = (0..a.criteria.len())
                        .filter(|&i| a.criteria[i].aspect == spec.aspect)
                        .collect();
                    (
                        spec.aspect.label(),
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
    view! {
        <section id="management" class="page">
            <h2>"（三）"{text::NAV_MANAGEMENT}</h2>
            {move || aspects.get().into_iter().map(|(label, points, editable, members)| view! {
                <fieldset class="aspect">
                    <legend>{label}" · "{text::POINTS}" "{points}
                        {editable.then(|| view! { <small class="hint">" （默认拆分，可在评分标准中修改）"</small> })}</legend>
                    {members.into_iter().map(criterion).collect_view()}
                </fieldset>
            }).collect_view()}
            <button type="button" on:click=reset>{text::RESET_CRITERIA}</button>
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
    let checks = move || c.with(|x| x.as_ref().map(|x| x.measure.checks.len()).unwrap_or(0));
    let at = format!("criteria[{i}]");
    let score2 = score;
    let tip = RwSignal::new(String::new());
    view! {
        <div class="criterion">
            <div class="row">
                <strong>{move || c.with(|x| x.as_ref().map(|x| x.name.clone()).unwrap_or_default())}</strong>
                {move || c.with(|x| x.as_ref().is_some_and(|x| x.example)).then(|| view! { <small class="tag">{text::EXAMPLE}</small> })}
                <label>{text::POINTS}<NumberInput path=format!("{at}.points") label=format!("{}{}", text::POINTS, i + 1)/></label>
                <select id=format!("{at}.measure.rule") aria-label=format!("{}{}", text::RULE, i + 1) on:change=move |ev| {
                    let k = event_target_value(&ev);
                    with(&|x| x.measure.rule = rule_for(&k, x.points, !x.measure.checks.is_empty()))
                }>
                    // 定性 needs a grade, which criteria do not have; it is listed only if a file set it.
                    {RULES.into_iter().filter(|(k, _)| *k != "qualitative" || rule_untracked() == Some(Rule::Qualitative)).map(|(k, label)| view! {
                        <option value=k selected=move || rule().is_some_and(|r| rule_key(&r) == k)>{label}</option>
                    }).collect_view()}
                </select>
                <span class="score-cell" title=move || tip.get() on:mouseenter=move |_| tip.set(ctx.formula(&format!("criteria[{i}]")))>{text::SCORE_COL}" "<b>{score2}</b></span>
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
                <label>{text::ENTERED}<NumberInput path=format!("criteria[{i}].measure.entered_score") label=text::ENTERED/></label>
            </Show>
            <ul class="checks" aria-label=text::CHECKS>
                {move || (0..checks()).map(|k| view! {
                    <li><label class="check">
                        <input type="checkbox" id=format!("criteria[{i}].measure.checks[{k}]")
                            prop:checked=move || c.with(|x| x.as_ref().and_then(|x| x.measure.checks.get(k)).is_some_and(|ch| ch.met))
                            on:change=move |ev| { let on = event_target_checked(&ev); with(&|x| if let Some(ch) = x.measure.checks.get_mut(k) { ch.met = on }) }/>
                        {move || c.with(|x| x.as_ref().and_then(|x| x.measure.checks.get(k)).map(|ch| ch.text.clone()).unwrap_or_default())}
                    </label></li>
                }).collect_view()}
            </ul>
            {notes(format!("{at}.measure.checks"))}
        </div>
    }
}
