//! The score panel, always in view: total, grade, each section out of its points, the
//! execution rate, each score's formula on demand, and the findings list.

use leptos::prelude::*;
use ziping_engine::num::{fmt_pct, Fixed};
use ziping_engine::validate::Severity;

use crate::fields::focus;
use crate::state::Ctx;
use crate::text;

#[component]
pub fn ScorePanel() -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let mode = move || ctx.assessment.with(|a| a.scheme.rounding.mode);
    let total = move || ctx.card.with(|c| c.total.to_string());
    let grade = move || ctx.card.with(|c| c.grade.label());
    let max = move || ctx.card.with(|c| c.max_total.normalize().to_string());
    let rate = move || {
        ctx.figures.with(|f| {
            f.execution_rate
                .map(|r| fmt_pct(r, mode()))
                .unwrap_or_else(|| "—".into())
        })
    };
    let sections = move || {
        ctx.card.with(|c| {
            c.sections
                .iter()
                .map(|s| {
                    let items = s
                        .categories
                        .iter()
                        .flat_map(|cat| cat.items.iter())
                        .map(|i| {
                            let path = i.path.clone();
                            let computed = i.overridden.then(|| format!("{}：{}", text::COMPUTED, Fixed(i.computed, mode())));
                            view! {
                                <li>
                                    <button type="button" class="link" on:click=move |_| focus(&path)>{i.name.clone()}</button>
                                    " "<b>{i.score.to_string()}</b>" / "{i.points.normalize().to_string()}
                                    {computed.map(|c| view! { <small class="computed">" （"{c}"）"</small> })}
                                    <div class="formula">{i.formula.clone()}</div>
                                </li>
                            }
                        })
                        .collect_view();
                    view! {
                        <details class="section-score">
                            <summary>
                                <span>{s.name.clone()}</span>
                                <span class="figure"><b>{s.score.to_string()}</b>" / "{s.points.normalize().to_string()}</span>
                            </summary>
                            {s.note.clone().map(|n| view! { <p class="note warning">{n}</p> })}
                            <ul class="formulas" aria-label=text::FORMULA>{items}</ul>
                        </details>
                    }
                })
                .collect_view()
        })
    };
    view! {
        <aside class="score-panel" aria-label=text::SCORE>
            <div class="headline">
                <div>
                    <div class="caption">{text::TOTAL}</div>
                    <div class="total"><span data-testid="score-total">{total}</span><small>" / "{max}</small></div>
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
            {sections}
            <Findings/>
        </aside>
    }
}

/// Every finding, errors first; each entry jumps to its field.
#[component]
fn Findings() -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let count = move |s: Severity| {
        ctx.findings
            .with(|f| f.iter().filter(|x| x.severity == s).count())
    };
    let list = move || {
        ctx.findings.with(|all| {
            let mut sorted: Vec<_> = all.iter().collect();
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
                            <button type="button" class="link" title=f.code on:click=move |_| focus(&path)>
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
                <span class="badge warning">{move || count(Severity::Warning)}" "{text::WARNINGS}</span>
            </h3>
            <Show when=move || ctx.findings.with(Vec::is_empty)>
                <p class="ok">{text::NO_FINDINGS}</p>
            </Show>
            <ul>{list}</ul>
        </section>
    }
}
