//! 绩效指标: the indicator table. Rows can be added, removed, reordered, duplicated and
//! pasted from Excel; each row shows its score, and its formula on hover.

use std::sync::Arc;

use leptos::prelude::*;
use rust_decimal::Decimal;
use wasm_bindgen::JsCast;
use ziping_engine::model::{Achievement, Indicator, IndicatorKind, Measure, Override};
use ziping_engine::paths::Input;
use ziping_engine::scheme::Rule;
use ziping_engine::tsv;

use crate::fields::{
    enter_moves_down, keep_focus, notes, pasted_block, remap_rows, Cell, Getter, NumberInput,
};
use crate::rule_editor::{rule_for, rule_key, RuleParams, RULES};
use crate::state::{Ctx, IndicatorRow, Notice};
use crate::text;

#[component]
pub fn Indicators() -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let count = Memo::new(move |_| ctx.indicator_keys.with(Vec::len));
    let counts = move || {
        ctx.figures.with(|f| {
            let c = &f.indicator_counts;
            let kinds: Vec<(&str, usize)> =
                c.by_kind.iter().map(|(k, n)| (k.label(), *n)).collect();
            text::indicator_counts(c.output, c.benefit, &kinds)
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
            Ok(_) if a.indicators.len() > crate::io::MAX_INDICATORS => ctx.notify(
                Notice::ImportFailed(text::too_many_pasted(crate::io::MAX_INDICATORS)),
            ),
            Ok(_) => {
                // Filled rows the paste wrote over, said so (one Ctrl+Z takes it back).
                let replaced: Vec<usize> = ctx.assessment.with_untracked(|old| {
                    old.indicators
                        .iter()
                        .zip(&a.indicators)
                        .enumerate()
                        .filter(|(_, (o, n))| o != n && filled(o))
                        .map(|(i, _)| i + 1)
                        .collect()
                });
                ctx.edit(|x| *x = a);
                if let (Some(first), Some(last)) = (replaced.first(), replaced.last()) {
                    ctx.notify(Notice::Pasted(text::paste_replaced(
                        *first,
                        *last,
                        replaced.len(),
                    )));
                }
            }
            Err(m) => ctx.notify(Notice::ImportFailed(m)),
        }
    };
    let add = move |_| {
        let n = count.get_untracked();
        ctx.indicators_drawn.keep_end(n);
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
        });
        ctx.indicator_keys
            .update(|k| k.push(crate::state::row_key()));
        // Its 分值 starts blank, to be filled in, not a "0" to type after.
        ctx.raw.update(|r| {
            r.insert(format!("indicators[{n}].points"), String::new());
        });
        // The new row is where the user types next, once it is drawn.
        set_timeout(
            move || ctx.focus(&format!("indicators[{n}].name")),
            std::time::Duration::ZERO,
        );
    };
    // A long table is drawn around the screen (crate::drawn), following it as it scrolls.
    let drawn = ctx.indicators_drawn;
    let body = NodeRef::<leptos::html::Tbody>::new();
    let drawn_keys = move || {
        let r = drawn.of(count.get());
        ctx.indicator_keys
            .with(|k| k.get(r).map(<[u64]>::to_vec).unwrap_or_default())
    };
    let follow_screen = move || {
        // A short table is drawn whole: nothing to follow, and no layout to force.
        let n = count.get_untracked();
        let Some(body) = body.get_untracked().filter(|_| n > crate::drawn::DRAW_ALL) else {
            return;
        };
        let rows = body.query_selector_all("tr[data-key]").ok();
        let row = |i: u32| {
            rows.as_ref()
                .and_then(|r| r.item(i))
                .and_then(|n| n.dyn_into::<web_sys::Element>().ok())
                .map(|e| e.get_bounding_client_rect())
        };
        let last = rows
            .as_ref()
            .map(|r| r.length())
            .unwrap_or(0)
            .saturating_sub(1);
        let (Some(first), Some(last)) = (row(0), row(last)) else {
            return;
        };
        let viewport = window()
            .inner_height()
            .ok()
            .and_then(|h| h.as_f64())
            .unwrap_or(768.0);
        // Rows drawn before the others are moved in the page, which takes the focus from them.
        if drawn.follow(n, first.top(), last.bottom(), viewport) {
            keep_focus();
        }
    };
    let scheduled = StoredValue::new(false);
    let on_scroll = move || {
        if !scheduled.get_value() {
            scheduled.set_value(true);
            request_animation_frame(move || {
                // Another draft opened before the frame came: this table is gone, and its
                // signals with it (Chromium 78 and 86 gave the click that time; issue #24).
                if scheduled.is_disposed() {
                    return;
                }
                scheduled.set_value(false);
                follow_screen();
            });
        }
    };
    let scroll = window_event_listener(leptos::ev::scroll, move |_| on_scroll());
    let resize = window_event_listener(leptos::ev::resize, move |_| on_scroll());
    on_cleanup(move || {
        scroll.remove();
        resize.remove();
    });
    // Rows added or taken away change what the screen shows.
    Effect::new(move |_| {
        count.track();
        on_scroll();
    });
    let gap = move |at: Gap| {
        move || {
            let n = count.get();
            let r = drawn.of(n);
            let rows = match at {
                Gap::Above => r.start,
                Gap::Below => n - r.end,
            };
            (rows > 0).then(|| view! { <tr class="gap" aria-hidden="true" style:height=drawn.gap_px(rows)></tr> })
        }
    };
    view! {
        <section id="indicators" class="page">
            <h2>{text::NO_INDICATORS}{text::NAV_INDICATORS}</h2>
            <p class="derived">{counts}</p>
            <p class="hint">{text::INDICATOR_PASTE_HINT}</p>
            // Focusable, so a keyboard reaches what scrolls sideways (an empty table has no field).
            <div class="table-scroll" tabindex="0" role="region" aria-label=text::NAV_INDICATORS>
            <table class="indicators" on:keydown=enter_moves_down on:paste=on_paste>
                <thead><tr>
                    <th>"#"</th><th>{text::KIND}</th><th>{text::NAME}</th><th>{text::WORKLOAD_UNIT}</th><th>{text::POINTS}</th>
                    <th>{text::RULE}</th><th>{text::TARGET}</th><th>{text::ACTUAL_VALUE}</th><th>{text::ENTERED}</th>
                    <th>{text::SCORE_COL}</th><th>{text::DEVIATION}</th><th>{text::ACTIONS}</th>
                </tr></thead>
                <tbody node_ref=body>
                    {gap(Gap::Above)}
                    <For each=drawn_keys key=|k| *k children=row/>
                    {gap(Gap::Below)}
                </tbody>
            </table>
            </div>
            <button type="button" id="indicators.add" on:click=add>{text::ADD_INDICATOR}</button>
        </section>
    }
}

/// One row of the table, for the indicator with row key `key`: it keeps its elements when
/// it moves, and its fields' paths follow its place.
fn row(key: u64) -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let own = ctx.indicator_row(key);
    let IndicatorRow {
        index,
        indicator,
        score,
    } = own.clone();
    let (index, ind, score) = (
        RwSignal::from(index).read_only(),
        RwSignal::from(indicator).read_only(),
        RwSignal::from(score).read_only(),
    );
    let path = move |tail: &'static str| {
        Signal::derive(move || format!("indicators[{}]{tail}", index.get()))
    };
    let label = move |l: &'static str| Signal::derive(move || text::row_field(index.get() + 1, l));
    // A figure of this row, read from the row's memo.
    let figure = move |input: Input| -> Getter {
        Arc::new(move || ind.with(|x| x.as_ref().and_then(|x| input.of((x.points, &x.measure)))))
    };
    let with = move |f: &dyn Fn(&mut Indicator)| {
        let i = index.get_untracked();
        ctx.edit(|a| {
            if let Some(x) = a.indicators.get_mut(i) {
                f(x)
            }
        })
    };
    let rule_key_now = Memo::new(move |_| {
        ind.with(|x| {
            x.as_ref()
                .map(|x| rule_key(&x.measure.rule))
                .unwrap_or("at_least")
        })
    });
    // A select's choice is drawn at first by its option's `selected`, then kept by the
    // select's value: one binding per select rather than one per option.
    let kind = Memo::new(move |_| ind.with(|x| x.as_ref().map(|x| x.kind)));
    let grade = Memo::new(move |_| ind.with(|x| x.as_ref().and_then(|x| x.measure.grade)));
    let score = move || score.get().map(|s| s.to_string()).unwrap_or_default();
    // The formula in words is written when the pointer comes to the score.
    let tip = RwSignal::new(String::new());
    let cell = move |col| Some(Cell::at("indicators", index, col));
    let text_cell = move |tail: &'static str,
                          label: &'static str,
                          get: fn(&Indicator) -> String,
                          set: fn(&mut Indicator, String),
                          col| {
        let id = path(tail);
        let c = cell(col);
        view! {
            <input id=id type="text" aria-label=label data-grid=c.map(|c| c.grid) data-row=move || c.map(|c| c.row.get()) data-col=c.map(|c| c.col)
                class=crate::fields::state_class(id)
                prop:value=move || ind.with(|x| x.as_ref().map(get).unwrap_or_default())
                on:input=move |ev| { let v = event_target_value(&ev); with(&|x| set(x, v.clone())) }/>
            {notes(id)}
        }
    };
    let swap = move |up: bool| {
        let i = index.get_untracked();
        let Some(j) = (if up {
            i.checked_sub(1)
        } else {
            i.checked_add(1)
        }) else {
            return;
        };
        if ctx
            .assessment
            .with_untracked(|a| i.max(j) >= a.indicators.len())
        {
            return;
        }
        keep_focus();
        ctx.edit(|a| a.indicators.swap(i, j));
        ctx.indicator_keys.update(|k| k.swap(i, j));
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
        let i = index.get_untracked();
        ctx.edit(|a| {
            if let Some(x) = a.indicators.get(i).cloned() {
                a.indicators.insert(i + 1, x);
            }
        });
        ctx.indicator_keys
            .update(|k| k.insert((i + 1).min(k.len()), crate::state::row_key()));
        ctx.raw
            .update(|r| remap_rows(r, "indicators[", |n| Some(if n > i { n + 1 } else { n })));
    };
    let remove = move |_| {
        let i = index.get_untracked();
        ctx.remove_row(
            |a| &mut a.indicators,
            ctx.indicator_keys,
            "indicators[",
            i,
            "indicators.add",
        );
    };
    let has_override = move || {
        ind.with(|x| {
            x.as_ref()
                .is_some_and(|x| x.measure.override_score.is_some())
        })
    };
    // A row scrolled out of a long table lets go of its signals.
    on_cleanup(move || ctx.let_go_row(key, &own));
    view! {
        <tr data-key=key>
            <td class="num-col">{move || index.get() + 1}</td>
            <td>
                <select id=path(".kind") class="kind" aria-label=text::KIND prop:value=move || kind.get().map(IndicatorKind::label) on:change=move |ev| {
                    let v = event_target_value(&ev);
                    if let Some(k) = IndicatorKind::ALL.iter().find(|k| k.label() == v) { with(&|x| x.kind = *k) }
                }>
                    {IndicatorKind::ALL.map(|k| view! {
                        <option value=k.label() title=k.label() selected=kind.get_untracked() == Some(k)>{text::kind_short(k.label())}</option>
                    })}
                </select>
                {notes(path(".kind"))}
            </td>
            <td class="wide">{text_cell(".name", text::NAME, |x| x.name.clone(), |x, v| x.name = v, 0)}</td>
            <td class="narrow">{text_cell(".unit", text::WORKLOAD_UNIT, |x| x.unit.clone(), |x, v| x.unit = v, 1)}</td>
            <td class="narrow"><NumberInput path=path(".points") get=figure(Input::Points) label=label(text::POINTS) cell=Cell::at("indicators", index, 2)/></td>
            <td>
                <select id=path(".measure.rule") aria-label=text::RULE prop:value=move || rule_key_now.get() on:change=move |ev| {
                    let k = event_target_value(&ev);
                    with(&|x| x.measure.rule = rule_for(&k, x.points, false))
                }>
                    {RULES.map(|(k, label)| view! { <option value=k selected=rule_key_now.get_untracked() == k>{label}</option> })}
                </select>
                // The parameters' own fields are built for one path: anew when the row moves.
                {move || view! { <RuleParams path=path(".measure.rule").get()/> }}
                {notes(path(".measure.rule"))}
            </td>
            <td><NumberInput path=path(".measure.target") get=figure(Input::Target) label=label(text::TARGET) cell=Cell::at("indicators", index, 3)/></td>
            <td><NumberInput path=path(".measure.actual") get=figure(Input::Actual) label=label(text::ACTUAL_VALUE) cell=Cell::at("indicators", index, 4)/></td>
            <td>
                <Show when=move || rule_key_now.get() == "qualitative">
                    <select id=path(".measure.grade") aria-label=text::GRADE_Q prop:value=move || grade.get().map(Achievement::label).unwrap_or_default() on:change=move |ev| {
                        let v = event_target_value(&ev);
                        let g = [Achievement::Achieved, Achievement::Partial, Achievement::NotAchieved].into_iter().find(|g| g.label() == v);
                        // 达成 scores full points unless the user has entered a score: it is
                        // the usual case, and the field stays open to a lower one.
                        with(&|x| {
                            x.measure.grade = g;
                            if g == Some(Achievement::Achieved) && x.measure.entered_score.is_none() {
                                x.measure.entered_score = Some(x.points);
                            }
                        })
                    }>
                        <option value="">{text::NOT_SET}</option>
                        {[Achievement::Achieved, Achievement::Partial, Achievement::NotAchieved].map(|g| view! {
                            <option value=g.label() selected=grade.get_untracked() == Some(g)>{g.label()}</option>
                        })}
                    </select>
                </Show>
                <Show when=move || matches!(rule_key_now.get(), "qualitative" | "manual")>
                    <NumberInput path=path(".measure.entered_score") get=figure(Input::EnteredScore) label=label(text::ENTERED)/>
                </Show>
                <Show when=move || rule_key_now.get() == "manual">
                    {text_cell(".measure.reason", text::REASON, |x| x.measure.reason.clone(), |x, v| x.measure.reason = v, 5)}
                </Show>
            </td>
            <td class="score-cell" title=move || tip.get() on:mouseenter=move |_| tip.set(ctx.formula(&format!("indicators[{}]", index.get_untracked())))>
                <b data-testid=move || format!("indicator-score-{}", index.get())>{score}</b>
                <details id=path(".adjust")>
                    <summary title=text::OVERRIDE>{text::ADJUST}</summary>
                    <label class="check"><input type="checkbox" prop:checked=has_override on:change=move |ev| {
                        let on = event_target_checked(&ev);
                        with(&|x| x.measure.override_score = on.then(|| Override { score: x.points, reason: String::new() }))
                    }/>{text::OVERRIDE}</label>
                    <Show when=has_override>
                        <NumberInput path=path(".measure.override.score") get=figure(Input::Override) label=text::OVERRIDE/>
                        {text_cell(".measure.override.reason", text::OVERRIDE_REASON,
                            |x| x.measure.override_score.as_ref().map(|o| o.reason.clone()).unwrap_or_default(),
                            |x, v| if let Some(o) = x.measure.override_score.as_mut() { o.reason = v }, 6)}
                    </Show>
                </details>
            </td>
            <td class="wide">
                <textarea id=path(".deviation_note") aria-label=text::DEVIATION rows="1"
                    class=crate::fields::state_class(path(".deviation_note"))
                    prop:value=move || ind.with(|x| x.as_ref().map(|x| x.deviation_note.clone()).unwrap_or_default())
                    on:input=move |ev| { let v = event_target_value(&ev); with(&|x| x.deviation_note = v.clone()) }></textarea>
                {notes(path(".deviation_note"))}
            </td>
            <td class="actions">
                <button type="button" class="icon" id=path(".up") title=text::MOVE_UP aria-label=text::MOVE_UP disabled=move || index.get() == 0 on:click=move |_| swap(true)>{text::ROW_UP}</button>
                <button type="button" class="icon" id=path(".down") title=text::MOVE_DOWN aria-label=text::MOVE_DOWN on:click=move |_| swap(false)>{text::ROW_DOWN}</button>
                <button type="button" class="icon" title=text::DUPLICATE aria-label=text::DUPLICATE on:click=duplicate>{text::ROW_DUPLICATE}</button>
                <button type="button" class="icon" title=text::DELETE aria-label=text::DELETE on:click=remove>{text::ROW_DELETE}</button>
            </td>
        </tr>
    }
}

/// Where a stand-in for rows not drawn goes.
#[derive(Clone, Copy)]
enum Gap {
    Above,
    Below,
}

/// Whether a row holds anything the user typed.
fn filled(i: &Indicator) -> bool {
    !i.name.trim().is_empty() || i.measure.target.is_some() || i.measure.actual.is_some()
}
