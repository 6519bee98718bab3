//! 管理效率: the seven aspects of the scheme with their criteria; each criterion scored by
//! its rule, from ticked checks or typed figures. Criteria, their rules and their checks
//! can be reworded, added and removed, for a local scheme's own wording.

use leptos::prelude::*;
use rust_decimal::Decimal;
use ziping_engine::model::{Assessment, Check, Criterion, Measure};
use ziping_engine::scheme::Rule;

use crate::fields::{focus, notes, text_input, NumberInput};
use crate::rule_editor::{rule_for, rule_key, RuleParams, RULES};
use crate::state::{row_key, Ctx, Notice};
use crate::text;

#[component]
pub fn Management() -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    // (aspect, aspect points, editable default)
    let aspects = Memo::new(move |_| {
        ctx.assessment.with(|a| {
            a.scheme
                .aspects()
                .map(|spec| {
                    (
                        spec.aspect,
                        spec.points.normalize().to_string(),
                        spec.editable_default,
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
            <p class="hint">{text::CHECK_ALL_HINT}</p>
            <For each=move || aspects.get() key=|x| x.clone() children=move |(aspect, points, editable)| {
                // The keys of this aspect's criteria, in their order.
                let members = Memo::new(move |_| {
                    ctx.criterion_keys.with(|keys| {
                        ctx.assessment.with(|a| {
                            a.criteria
                                .iter()
                                .zip(keys)
                                .filter(|(c, _)| c.aspect == aspect)
                                .map(|(_, k)| *k)
                                .collect::<Vec<u64>>()
                        })
                    })
                });
                let add = move |_| {
                    ctx.edit(|a| a.criteria.push(Criterion {
                        aspect,
                        name: String::new(),
                        points: Decimal::ZERO,
                        measure: Measure::new(Rule::Checklist),
                        example: false,
                    }));
                    ctx.criterion_keys.update(|k| k.push(row_key()));
                    // Its 分值 starts blank, to be filled in, not a "0" to type after.
                    let n = ctx.assessment.with_untracked(|a| a.criteria.len() - 1);
                    ctx.raw.update(|r| {
                        r.insert(format!("criteria[{n}].points"), String::new());
                    });
                };
                // (checks, met) over the aspect's criteria, for its tick-all box.
                let tally = Memo::new(move |_| {
                    ctx.assessment.with(|a| {
                        a.criteria
                            .iter()
                            .filter(|c| c.aspect == aspect)
                            .flat_map(|c| &c.measure.checks)
                            .fold((0, 0), |(n, m), k| (n + 1, m + usize::from(k.met)))
                    })
                });
                let tick_all = move |ev: leptos::ev::Event| {
                    let on = event_target_checked(&ev);
                    ctx.edit(|a| {
                        for k in a
                            .criteria
                            .iter_mut()
                            .filter(|c| c.aspect == aspect)
                            .flat_map(|c| c.measure.checks.iter_mut())
                        {
                            k.met = on;
                        }
                    })
                };
                view! {
                    <fieldset class="aspect">
                        <legend>{aspect.label()}" · "{text::POINTS}" "{points}
                            {editable.then(|| view! { <small class="hint">{text::DEFAULT_SPLIT}</small> })}
                            <Show when=move || { tally.get().0 > 0 }>
                                <label class="check tick-all">
                                    <input type="checkbox" data-testid="check-all"
                                        aria-label=text::check_all(aspect.label())
                                        prop:checked=move || tally.with(|(n, m)| n == m)
                                        prop:indeterminate=move || tally.with(|(n, m)| *m > 0 && m < n)
                                        on:change=tick_all/>
                                    {text::CHECK_ALL}
                                </label>
                            </Show>
                        </legend>
                        <For each=move || members.get() key=|k| *k children=criterion/>
                        <button type="button" on:click=add>{text::ADD_CRITERION}</button>
                    </fieldset>
                }
            }/>
            <div class="row">
                <button type="button" id="criteria.reset" on:click=reset>{text::RESET_CRITERIA}</button>
                <button type="button" on:click=save>{text::SAVE_CRITERIA}</button>
            </div>
        </section>
    }
}

/// One criterion, for the criterion with row key `key`: it keeps its elements when
/// criteria before it are added or removed, and its fields' paths follow its place.
fn criterion(key: u64) -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let index = crate::state::row_index(ctx.criterion_keys, key);
    let c = Memo::new(move |_| {
        let i = index.get();
        ctx.assessment.with(|a| a.criteria.get(i).cloned())
    });
    let score = move || {
        let path = format!("criteria[{}]", index.get());
        ctx.card.with(|card| {
            card.items()
                .find(|x| x.path == path)
                .map(|x| x.score.to_string())
                .unwrap_or_default()
        })
    };
    let with = move |f: &dyn Fn(&mut Criterion)| {
        let i = index.get_untracked();
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
    let at = move |tail: &'static str| {
        Signal::derive(move || format!("criteria[{}]{tail}", index.get()))
    };
    let tip = RwSignal::new(String::new());
    let remove = move |_| {
        let i = index.get_untracked();
        ctx.remove_row(
            |a| &mut a.criteria,
            ctx.criterion_keys,
            "criteria[",
            i,
            "criteria.reset",
        );
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
                <label>{text::CRITERION_NAME}{text_input(at(".name"), text::CRITERION_NAME,
                    move |a| a.criteria.get(index.get()).map(|x| x.name.clone()).unwrap_or_default(),
                    move |a, v| if let Some(x) = a.criteria.get_mut(index.get_untracked()) { x.name = v }, None)}</label>
                {move || c.with(|x| x.as_ref().is_some_and(|x| x.example)).then(|| view! { <small class="tag">{text::EXAMPLE}</small> })}
                <label>{text::POINTS}<NumberInput path=at(".points") label=Signal::derive(move || format!("{}{}", text::POINTS, index.get() + 1))/></label>
                <label>{text::RULE}
                <select id=at(".measure.rule") on:change=move |ev| {
                    let k = event_target_value(&ev);
                    with(&|x| x.measure.rule = rule_for(&k, x.points, !x.measure.checks.is_empty()))
                }>
                    // 定性 needs a grade, which criteria do not have; it is listed only if a file set it.
                    {RULES.into_iter().filter(|(k, _)| *k != "qualitative" || rule_untracked() == Some(Rule::Qualitative)).map(|(k, label)| view! {
                        <option value=k selected=move || rule().is_some_and(|r| rule_key(&r) == k)>{label}</option>
                    }).collect_view()}
                </select>
                </label>
                <span class="score-cell" title=move || tip.get() on:mouseenter=move |_| tip.set(ctx.formula(&format!("criteria[{}]", index.get_untracked())))>{text::SCORE_COL}" "<b>{score}</b></span>
                <button type="button" class="remove" on:click=remove>{text::REMOVE_CRITERION}</button>
            </div>
            // The parameters' own fields are built for one path: anew when the criterion moves.
            {move || view! { <RuleParams path=at(".measure.rule").get()/> }}
            {notes(at(".measure.rule"))}
            <Show when=move || rule().is_some_and(|r| r.needs_target())>
                <div class="row">
                    <label>{text::TARGET}<NumberInput path=at(".measure.target") label=text::TARGET/></label>
                    <label>{text::ACTUAL_VALUE}<NumberInput path=at(".measure.actual") label=text::ACTUAL_VALUE/></label>
                </div>
            </Show>
            <Show when=move || matches!(rule(), Some(Rule::Manual))>
                <div class="row">
                    <label>{text::ENTERED}<NumberInput path=at(".measure.entered_score") label=text::ENTERED/></label>
                    <label>{text::REASON}{text_input(at(".measure.reason"), text::REASON,
                        move |a| a.criteria.get(index.get()).map(|x| x.measure.reason.clone()).unwrap_or_default(),
                        move |a, v| if let Some(x) = a.criteria.get_mut(index.get_untracked()) { x.measure.reason = v }, None)}</label>
                </div>
            </Show>
            <ul class="checks" aria-label=text::CHECKS>
                <For each=move || 0..checks.get() key=|k| *k children=move |k| check(index, k)/>
            </ul>
            <button type="button" on:click=add_check>{text::ADD_CHECK}</button>
            {notes(at(".measure.checks"))}
        </div>
    }
}

/// One check of a criterion: ticked when met; its wording can be changed.
fn check(criterion: Memo<usize>, k: usize) -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let id = move |tail: &'static str| {
        Signal::derive(move || format!("criteria[{}].measure.checks[{k}]{tail}", criterion.get()))
    };
    let ch = Memo::new(move |_| {
        let i = criterion.get();
        ctx.assessment.with(|a| {
            a.criteria
                .get(i)
                .and_then(|x| x.measure.checks.get(k))
                .cloned()
        })
    });
    let wording = move || ch.with(|c| c.as_ref().map(|c| c.text.clone()).unwrap_or_default());
    let edit = move |f: &dyn Fn(&mut Check)| {
        let i = criterion.get_untracked();
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
    let remove = move || {
        let i = criterion.get_untracked();
        ctx.edit(|a| {
            if let Some(x) = a.criteria.get_mut(i) {
                if k < x.measure.checks.len() {
                    x.measure.checks.remove(k);
                }
            }
        })
    };
    // The × is out of the Tab path; from the keyboard, an emptied check's text goes with
    // one press of Backspace or Delete (a held key that emptied it does not), and the focus
    // moves to the box of the check before it, where the key does nothing more.
    let on_key = move |ev: web_sys::KeyboardEvent| {
        let key = ev.key();
        let empty = ch.with_untracked(|c| c.as_ref().is_some_and(|c| c.text.is_empty()));
        if (key == "Backspace" || key == "Delete") && empty && !ev.repeat() {
            ev.prevent_default();
            if k > 0 {
                focus(&format!(
                    "criteria[{}].measure.checks[{}]",
                    criterion.get_untracked(),
                    k - 1
                ));
            }
            remove();
        }
    };
    view! {
        <li class="row">
            <input type="checkbox" id=id("")
                aria-label=wording
                prop:checked=move || ch.with(|c| c.as_ref().is_some_and(|c| c.met))
                on:change=move |ev| { let on = event_target_checked(&ev); edit(&|ch| ch.met = on) }/>
            <input type="text" class="check-text" id=id(".text") aria-label=text::check_text(k)
                prop:value=wording
                on:input=move |ev| { let v = event_target_value(&ev); edit(&|ch| ch.text = v.clone()) }
                on:keydown=on_key/>
            <button type="button" class="remove" tabindex="-1" on:click=move |_| remove() aria-label=text::check_remove(k)>"×"</button>
        </li>
    }
}
