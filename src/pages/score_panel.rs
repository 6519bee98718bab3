//! The score panel, always in view: total, grade, each section out of its points, the
//! execution rate, each score's formula on demand, and the findings list.

use leptos::prelude::*;
use ziping_engine::num::fmt_pct;
use ziping_engine::score;
use ziping_engine::validate::Severity;

use crate::pages::whatif::QuickWhatIf;
use crate::state::Ctx;
use crate::text;

#[component]
pub fn ScorePanel() -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let mode = move || ctx.assessment.with(|a| a.scheme.rounding.mode);
    // With no draft open nothing has been filled in: no score yet, rather than a big 差.
    let open = move || ctx.draft_id.with(Option::is_some);
    let total = move || {
        if open() {
            ctx.card.with(|c| c.total.to_string())
        } else {
            text::NO_SCORE.into()
        }
    };
    let grade = move || {
        if open() {
            ctx.card.with(|c| c.grade.label())
        } else {
            text::NO_SCORE
        }
    };
    let max = move || ctx.card.with(|c| c.max_total.normalize().to_string());
    let rate = move || {
        ctx.figures.with(|f| {
            f.execution_rate
                .map(|r| fmt_pct(r, mode()))
                .unwrap_or_else(|| "—".into())
        })
    };
    let errors = Memo::new(move |_| {
        ctx.findings.with(|f| {
            f.iter()
                .filter(|x| x.severity == Severity::Error && !ctx.reached.pending(x))
                .count()
        })
    });
    let unfilled = unfilled_count(ctx);
    let count = Memo::new(move |_| ctx.card.with(|c| c.sections.len()));
    let sections = move || (0..count.get()).map(section).collect_view();
    view! {
        <aside class="score-panel" aria-label=text::SCORE>
            <p class="caption" data-testid="score-kind">{move || text::assessment_kind(ctx.assessment.with(|a| a.kind.label()))}</p>
            <div class="headline">
                <div>
                    <div class="caption">{text::TOTAL}</div>
                    <div class="total" role="status" aria-live="polite" aria-atomic="true"><span data-testid="score-total">{total}</span><small>" / "{max}</small></div>
                </div>
                <div>
                    <div class="caption">{text::GRADE}</div>
                    <div class="grade" data-testid="score-grade">{grade}</div>
                </div>
                <div>
                    <div class="caption">{text::EXECUTION_RATE}</div>
                    <div class="rate" data-testid="execution-rate">{rate}</div>
                </div>
            </div>
            {move || (errors.get() > 0).then(|| view! {
                <p class="provisional" role="status" data-testid="score-provisional">{text::provisional(errors.get())}</p>
            })}
            {move || (errors.get() == 0 && unfilled.get() > 0).then(|| view! {
                <p class="provisional unfilled" role="status" data-testid="score-unfilled">{text::unfilled_provisional(unfilled.get())}</p>
            })}
            {sections}
            <QuickWhatIf/>
            <Findings/>
        </aside>
    }
}

/// One item's line on the panel.
#[derive(Clone, PartialEq)]
struct Line {
    name: String,
    path: String,
    score: String,
    points: String,
    computed: Option<String>,
    formula: String,
}

/// A section's subtotal; its items and formulas are rendered only while it is open, and
/// then only the lines that changed, so a 500-indicator card stays quick to update.
fn section(i: usize) -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let open = RwSignal::new(false);
    let head = Memo::new(move |_| {
        ctx.card.with(|c| {
            c.sections
                .get(i)
                .map(|s| {
                    (
                        s.name.clone(),
                        s.score.to_string(),
                        s.points.normalize().to_string(),
                        s.note.clone(),
                    )
                })
                .unwrap_or_default()
        })
    });
    let lines = Memo::new(move |_| {
        if !open.get() {
            return Vec::new();
        }
        // Open: the full card, with every formula in words.
        ctx.assessment
            .with(score::score)
            .sections
            .get(i)
            .map(|s| {
                s.categories
                    .iter()
                    .flat_map(|cat| cat.items.iter())
                    .map(|it| Line {
                        name: it.name.clone(),
                        path: it.path.clone(),
                        score: it.score.to_string(),
                        points: it.points.normalize().to_string(),
                        computed: it
                            .overridden
                            .then(|| format!("{}：{}", text::COMPUTED, it.computed)),
                        formula: it.formula.clone(),
                    })
                    .collect()
            })
            .unwrap_or_default()
    });
    view! {
        <details class="section-score" on:toggle=move |ev| {
            let el = event_target::<web_sys::HtmlDetailsElement>(&ev);
            open.set(el.open());
        }>
            // The row inside the summary is the flex box: Chromium before 89 lays a summary
            // out as a block whatever its display, with its triangle and the labels apart.
            <summary>
                <span class="summary-row">
                    <span>{move || head.with(|h| h.0.clone())}</span>
                    <span class="figure"><b>{move || head.with(|h| h.1.clone())}</b>" / "{move || head.with(|h| h.2.clone())}</span>
                </span>
            </summary>
            {move || head.with(|h| h.3.clone()).map(|n| view! { <p class="note warning">{n}</p> })}
            <ul class="formulas" aria-label=text::FORMULA>
                <For each=move || lines.get() key=|l| (l.path.clone(), l.score.clone(), l.formula.clone()) let:l>
                    <li>
                        <button type="button" class="link" on:click={
                            let path = l.path.clone();
                            move |_| ctx.focus(&path)
                        }>{l.name.clone()}</button>
                        " "<b>{l.score.clone()}</b>" / "{l.points.clone()}
                        {l.computed.clone().map(|c| view! { <small class="computed">" （"{c}"）"</small> })}
                        <div class="formula">{l.formula.clone()}</div>
                    </li>
                </For>
            </ul>
        </details>
    }
}

/// How many fields are empty that the user has not reached yet.
fn unfilled_count(ctx: Ctx) -> Memo<usize> {
    Memo::new(move |_| {
        ctx.findings
            .with(|f| f.iter().filter(|x| ctx.reached.pending(x)).count())
    })
}

/// Every finding, errors first, the fields not yet reached apart as 未填; each entry
/// jumps to its field.
#[component]
fn Findings() -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let count = move |s: Severity| {
        ctx.findings.with(|f| {
            f.iter()
                .filter(|x| x.severity == s && !ctx.reached.pending(x))
                .count()
        })
    };
    let unfilled = unfilled_count(ctx);
    let pending = move || {
        ctx.findings.with(|all| {
            all.iter()
                .filter(|f| ctx.reached.pending(f))
                .map(|f| {
                    let path = f.paths.first().cloned().unwrap_or_default();
                    view! {
                        <li class="finding unfilled">
                            <button type="button" class="link" on:click=move |_| ctx.focus(&path)>{f.message.clone()}</button>
                        </li>
                    }
                })
                .collect_view()
        })
    };
    let list = move || {
        ctx.findings.with(|all| {
            let mut sorted: Vec<_> = all.iter().filter(|f| !ctx.reached.pending(f)).collect();
            sorted.sort_by_key(|f| f.severity != Severity::Error);
            sorted
                .into_iter()
                .map(|f| {
                    let path = f.paths.first().cloned().unwrap_or_default();
                    let class = match f.severity {
                        Severity::Error => "finding error",
                        Severity::Warning => "finding warning",
                    };
                    view! {
                        <li class=class>
                            <button type="button" class="link" data-code=f.code on:click=move |_| ctx.focus(&path)>
                                {f.message.clone()}
                            </button>
                        </li>
                    }
                })
                .collect_view()
        })
    };
    view! {
        <section class="findings" aria-label=text::FINDINGS>
            <h3>
                {text::FINDINGS}" "
                <span class="badge error" data-testid="error-count">{move || count(Severity::Error)}" "{text::ERRORS}</span>" "
                <span class="badge warning">{move || count(Severity::Warning)}" "{text::WARNINGS}</span>" "
                <Show when=move || { unfilled.get() > 0 }>
                    <span class="badge unfilled" data-testid="unfilled-count">{move || text::unfilled(unfilled.get())}</span>" "
                </Show>
                <button type="button" class="small" data-testid="check-findings" title=text::CHECK_ALL_FINDINGS_HINT
                    on:click=move |_| ctx.reached.check_all() disabled=move || ctx.reached.checking()>{text::CHECK_ALL_FINDINGS}</button>
            </h3>
            <Show when=move || ctx.findings.with(Vec::is_empty)>
                <p class="ok">{text::NO_FINDINGS}</p>
            </Show>
            <ul>{list}</ul>
            <Show when=move || { unfilled.get() > 0 }>
                <details class="unfilled">
                    <summary>{text::UNFILLED_LIST}" "{move || text::unfilled(unfilled.get())}</summary>
                    <ul>{pending}</ul>
                </details>
            </Show>
        </section>
    }
}
