//! 自评报告: the report the engine writes from the open assessment, printable on A4, with
//! every generated paragraph open to rewording and a warning once its figures change.

use leptos::prelude::*;
use ziping_engine::model::ReportEdit;
use ziping_engine::render;
use ziping_engine::report::{self, Block, EditState, Paragraph, Report};

use crate::invalid::InvalidFigures;
use crate::io::{self, Office};
use crate::print::{Doc, Print};
use crate::state::Ctx;
use crate::text;

#[component]
pub fn ReportPage() -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let open = RwSignal::new(false);
    let printing = expect_context::<Print>();
    printing.register(Doc::Report, open);
    // Written only while the preview is open: a keystroke elsewhere costs nothing.
    let report = Memo::new(move |_| open.get().then(|| ctx.assessment.with(report::report)));
    let editing = RwSignal::new(None::<String>);
    let status = RwSignal::new(String::new());
    let copy = move |markdown: bool| {
        if crate::invalid::refuse_export(ctx) {
            return;
        }
        let body = ctx.assessment.with_untracked(|a| {
            let r = report::report(a);
            if markdown {
                render::markdown(&r)
            } else {
                render::text(&r)
            }
        });
        leptos::task::spawn_local(async move {
            let ok = io::copy(&body).await;
            // The page may have been rebuilt (another draft) while the clipboard answered.
            status.try_set(if ok { text::COPIED } else { text::COPY_FAILED }.into());
        });
    };
    // Blocks keyed by content, generated paragraphs by their key: a paragraph being
    // reworded keeps its text box while the rest of the report follows the figures.
    let blocks = move || {
        report.with(|r| {
            r.as_ref()
                .map(|r| {
                    r.blocks
                        .iter()
                        .enumerate()
                        .map(|(i, b)| (block_key(i, b), b.clone()))
                        .collect::<Vec<_>>()
                })
                .unwrap_or_default()
        })
    };
    // Hand edits whose paragraph has left the report (e.g. another scheme): shown, not lost.
    let orphans = move || {
        report.with(|r| {
            r.as_ref()
                .map(|r| {
                    ctx.assessment.with(|a| {
                        report::orphans(a, r)
                            .into_iter()
                            .map(|(k, e)| (k.clone(), e.text.clone()))
                            .collect::<Vec<_>>()
                    })
                })
                .unwrap_or_default()
        })
    };
    view! {
        <section id="report" class="page">
            <h2>{text::NAV_REPORT}</h2>
            <p class="hint">{text::REPORT_HINT}</p>
            <div class="tools">
                <button type="button" data-testid="print-report" on:click=move |_| printing.print(Doc::Report)>{text::PRINT}</button>
                <button type="button" data-testid="export-html" on:click=move |_| io::export_report_html(ctx)>{text::EXPORT_HTML}</button>
                {office_button(ctx, Office::ReportDocx, text::EXPORT_DOCX, "export-docx", status)}
                <button type="button" data-testid="copy-markdown" on:click=move |_| copy(true)>{text::COPY_MARKDOWN}</button>
                <button type="button" data-testid="copy-text" on:click=move |_| copy(false)>{text::COPY_TEXT}</button>
                <span role="status" data-testid="report-status">{move || status.get()}</span>
            </div>
            <details class="preview" on:toggle=move |ev| {
                let now = event_target::<web_sys::HtmlDetailsElement>(&ev).open();
                open.set(now);
                printing.toggled(Doc::Report, now);
            } prop:open=move || open.get()>
                <summary>{text::REPORT_PREVIEW}</summary>
                <style>{render::STYLE}</style>
                <article class="report" data-testid="report">
                    <InvalidFigures/>
                    <h1>{move || report.with(|r| r.as_ref().map(|r| r.title.clone()))}</h1>
                    <For each=blocks key=|(k, _)| k.clone() let:((_, block))>
                        {match block {
                            Block::Heading { level, text } => heading(level, text),
                            Block::Prose { text } => view! { <p>{text}</p> }.into_any(),
                            Block::Table(t) => table(t),
                            Block::Generated(p) => view! {
                                <Generated key=p.key report editing/>
                            }.into_any(),
                        }}
                    </For>
                </article>
                <Show when=move || !orphans().is_empty()>
                    <div class="note warning orphans">
                        {text::ORPHANS}
                        <ul>
                            {move || orphans().into_iter().map(|(k, t)| view! {
                                <li>
                                    <blockquote>{t}</blockquote>
                                    <button type="button" on:click=move |_| ctx.edit(|a| { a.report_edits.remove(&k); })>{text::DELETE}</button>
                                </li>
                            }).collect_view()}
                        </ul>
                    </div>
                </Show>
            </details>
        </section>
    }
}

/// A block's key in `<For>`: its place and content, so a block is drawn again when it changes.
fn block_key(i: usize, b: &Block) -> String {
    match b {
        Block::Generated(p) => format!("g:{}", p.key),
        Block::Heading { text, .. } => format!("{i}:h:{text}"),
        Block::Prose { text } => format!("{i}:p:{text}"),
        Block::Table(t) => {
            let cells: Vec<String> = t.rows.iter().map(|row| row.join("\t")).collect();
            format!("{i}:t:{}", cells.join("\n"))
        }
    }
}

fn heading(level: u8, text: String) -> AnyView {
    match level {
        1 => view! { <h2>{text}</h2> }.into_any(),
        2 => view! { <h3>{text}</h3> }.into_any(),
        _ => view! { <h4>{text}</h4> }.into_any(),
    }
}

fn table(t: report::Table) -> AnyView {
    view! {
        <table>
            <caption>{t.caption}</caption>
            <thead><tr>{t.header.into_iter().map(|h| view! { <th>{h}</th> }).collect_view()}</tr></thead>
            <tbody>
                {t.rows.into_iter().map(|row| view! {
                    <tr>{row.into_iter().enumerate().map(|(i, c)| view! {
                        <td class={if i > 0 { "num" } else { "" }}>{c}</td>
                    }).collect_view()}</tr>
                }).collect_view()}
            </tbody>
        </table>
    }
    .into_any()
}

/// A generated paragraph: its text, whether it was reworded, and the tools to reword it.
#[component]
fn Generated(
    key: String,
    report: Memo<Option<Report>>,
    editing: RwSignal<Option<String>>,
) -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let para = {
        let key = key.clone();
        Memo::new(move |_| {
            report.with(|r| {
                r.as_ref()
                    .and_then(|r| report::paragraphs(r).find(|p| p.key == key).cloned())
            })
        })
    };
    let with = move |f: fn(&Paragraph) -> String| move || para.with(|p| p.as_ref().map(f));
    let state = move || para.with(|p| p.as_ref().map(|p| p.state));
    let is_editing = {
        let key = key.clone();
        move || editing.with(|e| e.as_deref() == Some(key.as_str()))
    };
    let k = key.clone();
    let write = move |value: String| {
        let generated = para.with_untracked(|p| p.as_ref().map(|p| p.generated.clone()));
        let Some(generated) = generated else { return };
        if value == generated {
            // Typed back to what the figures give: no edit left to keep.
            if ctx
                .assessment
                .with_untracked(|a| a.report_edits.contains_key(&k))
            {
                ctx.edit(|a| {
                    a.report_edits.remove(&k);
                });
            }
            return;
        }
        ctx.edit(|a| match a.report_edits.get_mut(&k) {
            Some(e) => e.text = value,
            None => {
                a.report_edits.insert(
                    k.clone(),
                    ReportEdit {
                        text: value,
                        generated,
                    },
                );
            }
        });
    };
    let k = key.clone();
    let revert = move |_| {
        editing.set(None);
        ctx.edit(|a| {
            a.report_edits.remove(&k);
        });
    };
    let k = key.clone();
    let keep = move |_| {
        let generated = para.with_untracked(|p| p.as_ref().map(|p| p.generated.clone()));
        ctx.edit(|a| {
            if let (Some(e), Some(g)) = (a.report_edits.get_mut(&k), generated) {
                e.generated = g;
            }
        });
    };
    let k = key.clone();
    let start = move |_| editing.set(Some(k.clone()));
    let editing_now = is_editing.clone();
    let (revert_stale, keep_stale) = (revert.clone(), keep);
    let box_shown = is_editing.clone();
    view! {
        <div class="para" data-para=key.clone()
            class:edited=move || state() == Some(EditState::Edited)
            class:stale=move || state() == Some(EditState::Stale)>
            <p hidden=editing_now>{with(|p| p.text.clone())}</p>
            {move || box_shown().then(|| {
                let write = write.clone();
                // The text box opens where the user types next.
                let area = NodeRef::<leptos::html::Textarea>::new();
                Effect::new(move |_| {
                    if let Some(a) = area.get() {
                        let _ = a.focus();
                    }
                });
                view! {
                <textarea class="para-edit" rows="6" aria-label=text::EDIT_PARAGRAPH node_ref=area
                    prop:value=para.with_untracked(|p| p.as_ref().map(|p| p.text.clone()).unwrap_or_default())
                    on:input=move |ev| write(event_target_value(&ev))></textarea>
            }})}
            <div class="para-tools">
                {move || match state() {
                    Some(EditState::Edited) => view! { <span class="mark">{text::EDITED}</span> }.into_any(),
                    Some(EditState::Stale) => view! { <span class="mark warning">{text::EDITED}</span> }.into_any(),
                    _ => ().into_any(),
                }}
                {
                    let is_editing = is_editing.clone();
                    move || if is_editing() {
                        view! { <button type="button" class="link" on:click=move |_| editing.set(None)>{text::DONE_EDITING}</button> }.into_any()
                    } else {
                        view! { <button type="button" class="link" on:click=start.clone()>{text::EDIT_PARAGRAPH}</button> }.into_any()
                    }
                }
                <Show when=move || matches!(state(), Some(EditState::Edited | EditState::Stale))>
                    <button type="button" class="link" on:click=revert.clone()>{text::REVERT}</button>
                </Show>
            </div>
            <Show when=move || state() == Some(EditState::Stale)>
                <div class="note warning stale-note" role="alert">
                    {text::STALE}
                    <blockquote>{with(|p| p.generated.clone())}</blockquote>
                    <button type="button" on:click=revert_stale.clone()>{text::TAKE_GENERATED}</button>
                    <button type="button" on:click=keep_stale.clone()>{text::KEEP_EDIT}</button>
                </div>
            </Show>
        </div>
    }
}

/// A button that writes an Office file through the export module, reporting in `status`.
pub fn office_button(
    ctx: Ctx,
    kind: Office,
    label: &'static str,
    testid: &'static str,
    status: RwSignal<String>,
) -> impl IntoView {
    let busy = RwSignal::new(false);
    let run = move |_| {
        busy.set(true);
        status.set(text::EXPORTING.into());
        leptos::task::spawn_local(async move {
            let result = io::export_office(ctx, kind).await;
            // The page may have been rebuilt (another draft) while the module wrote.
            busy.try_set(false);
            status.try_set(match result {
                Ok(io::Exported::Written) => format!("{}：{label}", text::EXPORTED),
                // The banner above says why; "已生成" would contradict it.
                Ok(io::Exported::Refused) => String::new(),
                Err(e) => format!("{}：{e}", text::EXPORT_FAILED),
            });
        });
    };
    view! {
        <button type="button" data-testid=testid disabled=move || busy.get() on:click=run>{label}</button>
    }
}
