//! 自评报告: the report the engine writes from the open assessment, printable on A4, with
//! every generated paragraph open to rewording and a warning once its figures change.

use std::fmt::Write as _;

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use ziping_engine::model::ReportEdit;
use ziping_engine::render;
use ziping_engine::report::{self, Block, EditState, Paragraph, Report};

use crate::build::{button, fold, set_fold, target_value, N};
use crate::io::Office;
use crate::io::{copy_saying, export_report_html, office_button, status};
use crate::state::{edit, App, Calc};
use crate::text;
use crate::view::{update, with, with_mut, Kind, Region};

pub fn page() -> N {
    let open = with(|app| app.report_open);
    let mut preview =
        fold("preview", report_open, Region::Report).c(N::new("summary").t(text::REPORT_PREVIEW));
    if open {
        preview = preview.cs(article());
    }
    N::new("section")
        .a("id", "report")
        .a("class", "page")
        .c(N::new("h2").t(text::NAV_REPORT))
        .c(N::new("p").a("class", "hint").t(text::REPORT_HINT))
        .c(N::new("div")
            .a("class", "tools")
            .c(button(text::PRINT, |_| print()).a("data-testid", "print-report"))
            .c(button(text::EXPORT_HTML, |_| export_report_html()).a("data-testid", "export-html"))
            .c(office_button(
                Office::ReportDocx,
                text::EXPORT_DOCX,
                "export-docx",
                "report",
            ))
            .c(
                button(text::COPY_MARKDOWN, |_| copy_report(true))
                    .a("data-testid", "copy-markdown"),
            )
            .c(button(text::COPY_TEXT, |_| copy_report(false)).a("data-testid", "copy-text"))
            .c(status("report", "report-status")))
        .c(preview)
}

/// Where the state keeps whether the preview is open: the report is written only then.
fn report_open(app: &mut App) -> &mut bool {
    &mut app.report_open
}

/// Opens the preview and prints the page, the report alone (see the print style).
fn print() {
    set_fold(report_open, Region::Report, true);
    let print = Closure::once_into_js(|| {
        if let Some(w) = web_sys::window() {
            let _ = w.print();
        }
    });
    if let Some(w) = web_sys::window() {
        let _ = w.set_timeout_with_callback_and_timeout_and_arguments_0(print.unchecked_ref(), 100);
    }
}

fn copy_report(markdown: bool) {
    let body = with(|app| {
        let r = report::report(&app.assessment);
        if markdown {
            render::markdown(&r)
        } else {
            render::text(&r)
        }
    });
    copy_saying(body, "report");
}

/// What the preview is built from: the blocks (a generated paragraph by its key alone,
/// so rewording one does not rebuild it), the hand edits left out, and which is reworded.
fn shape(app: &App, r: &Report) -> String {
    let mut key = format!("{}\u{1e}{}", r.title, app.editing.as_deref().unwrap_or(""));
    for b in &r.blocks {
        let _ = match b {
            Block::Generated(p) => write!(key, "\u{1e}g{}", p.key),
            Block::Heading { level, text } => write!(key, "\u{1e}h{level}{text}"),
            Block::Prose { text } => write!(key, "\u{1e}p{text}"),
            Block::Table(t) => {
                let _ = write!(key, "\u{1e}t{}", t.caption);
                t.rows
                    .iter()
                    .flatten()
                    .try_for_each(|c| write!(key, "\u{1f}{c}"))
            }
        };
    }
    for (k, e) in report::orphans(&app.assessment, r) {
        let _ = write!(key, "\u{1e}o{k}\u{1f}{}", e.text);
    }
    key
}

/// The preview: the report's blocks and the hand edits that have left it.
fn article() -> Vec<N> {
    with(|app| {
        let r = report::report(&app.assessment);
        let blocks = r
            .blocks
            .iter()
            .map(|b| match b {
                Block::Heading { level, text } => N::new(match level {
                    1 => "h2",
                    2 => "h3",
                    _ => "h4",
                })
                .t(text),
                Block::Prose { text } => N::new("p").t(text),
                Block::Table(t) => table(t),
                Block::Generated(p) => generated(app, p),
            })
            .collect();
        let orphans: Vec<N> = report::orphans(&app.assessment, &r)
            .into_iter()
            .map(|(k, e)| {
                let k = k.clone();
                N::new("li")
                    .c(N::new("blockquote").t(&e.text))
                    .c(button(text::DELETE, move |_| {
                        edit(&[Region::Report], |app| {
                            app.assessment.report_edits.remove(&k);
                        })
                    }))
            })
            .collect();
        let mut out = vec![
            N::new("style").t(render::STYLE),
            N::new("article")
                .a("class", "report")
                .a("data-testid", "report")
                .c(N::new("h1").t(&r.title))
                .cs(blocks)
                // Drawn from the figures: built again when its shape changes.
                .out(Kind::Rebuild(Region::Report), |app, c| {
                    shape(app, c.report(app))
                }),
        ];
        if !orphans.is_empty() {
            out.push(
                N::new("div")
                    .a("class", "note warning orphans")
                    .t(text::ORPHANS)
                    .c(N::new("ul").cs(orphans)),
            );
        }
        out
    })
}

fn table(t: &report::Table) -> N {
    N::new("table")
        .c(N::new("caption").t(&t.caption))
        .c(
            N::new("thead").c(N::new("tr").cs(t
                .header
                .iter()
                .map(|h| N::new("th").t(h))
                .collect())),
        )
        .c(N::new("tbody").cs(t
            .rows
            .iter()
            .map(|row| {
                N::new("tr").cs(row
                    .iter()
                    .enumerate()
                    .map(|(i, c)| N::new("td").a_if(i > 0, "class", "num").t(c))
                    .collect())
            })
            .collect()))
}

/// A paragraph's figure of the report as it is now.
fn para(key: &str, f: fn(&Paragraph) -> String) -> impl Fn(&App, &Calc) -> String {
    let key = key.to_string();
    move |app, c| {
        report::paragraphs(c.report(app))
            .find(|p| p.key == key)
            .map(f)
            .unwrap_or_default()
    }
}

fn state_of(p: &Paragraph) -> String {
    match p.state {
        EditState::Generated => String::new(),
        EditState::Edited => "edited".into(),
        EditState::Stale => "stale".into(),
    }
}

/// A generated paragraph: its text, whether it was reworded, and the tools to reword it.
fn generated(app: &App, p: &Paragraph) -> N {
    let editing = app.editing.as_deref() == Some(p.key.as_str());
    let key = p.key.clone();
    let mut div = N::new("div")
        .a("data-para", &p.key)
        .out(Kind::Class, para(&key, |p| format!("para {}", state_of(p))))
        .c(N::new("p")
            .a_if(editing, "hidden", "")
            .live(para(&key, |p| p.text.clone())));
    if editing {
        let k = key.clone();
        div = div.c(N::new("textarea")
            .a("class", "para-edit")
            .a("id", &format!("para-{key}"))
            .a("rows", "6")
            .a("aria-label", text::EDIT_PARAGRAPH)
            .value(&p.text)
            .on("input", move |ev| write(&k, target_value(ev))));
    }
    let (k1, k2, k3, k4) = (key.clone(), key.clone(), key.clone(), key.clone());
    let toggle = if editing {
        button(text::DONE_EDITING, |_| set_editing(None))
    } else {
        button(text::EDIT_PARAGRAPH, move |_| set_editing(Some(k1.clone())))
    };
    div.c(N::new("div")
        .a("class", "para-tools")
        .c(N::new("span")
            .t(text::EDITED)
            .out(Kind::ShownIf, para(&key, state_of))
            .out(
                Kind::Class,
                para(&key, |p| {
                    if p.state == EditState::Stale {
                        "mark warning"
                    } else {
                        "mark"
                    }
                    .into()
                }),
            ))
        .c(toggle.a("class", "link"))
        .c(button(text::REVERT, move |_| revert(&k2))
            .a("class", "link")
            .out(Kind::ShownIf, para(&key, state_of))))
        .c(N::new("div")
            .a("class", "note warning stale-note")
            .a("role", "alert")
            .out(
                Kind::ShownIf,
                para(&key, |p| {
                    if p.state == EditState::Stale { "1" } else { "" }.into()
                }),
            )
            .t(text::STALE)
            .c(N::new("blockquote").live(para(&key, |p| p.generated.clone())))
            .c(button(text::TAKE_GENERATED, move |_| revert(&k3)))
            .c(button(text::KEEP_EDIT, move |_| keep(&k4))))
}

/// Starts or ends rewording a paragraph; its text box takes the focus.
fn set_editing(key: Option<String>) {
    with_mut(|app| app.editing = key.clone());
    update(&[Region::Report]);
    if let Some(k) = key {
        crate::build::focus_quietly(&format!("para-{k}"));
    }
}

/// Rewording typed into a paragraph's box: kept as a hand edit, unless it is again what
/// the figures give.
fn write(key: &str, value: String) {
    edit(&[], |app| {
        let r = report::report(&app.assessment);
        let Some(generated) = report::paragraphs(&r)
            .find(|p| p.key == key)
            .map(|p| p.generated.clone())
        else {
            return;
        };
        let edits = &mut app.assessment.report_edits;
        if value == generated {
            edits.remove(key);
        } else if let Some(e) = edits.get_mut(key) {
            e.text = value;
        } else {
            edits.insert(
                key.to_string(),
                ReportEdit {
                    text: value,
                    generated,
                },
            );
        }
    });
}

/// Drops the hand edit: the paragraph follows the figures again.
fn revert(key: &str) {
    with_mut(|app| app.editing = None);
    edit(&[Region::Report], |app| {
        app.assessment.report_edits.remove(key);
    });
}

/// Keeps the hand edit as it is, taking note of today's generated text.
fn keep(key: &str) {
    edit(&[], |app| {
        let r = report::report(&app.assessment);
        let generated = report::paragraphs(&r)
            .find(|p| p.key == key)
            .map(|p| p.generated.clone());
        if let (Some(e), Some(g)) = (app.assessment.report_edits.get_mut(key), generated) {
            e.generated = g;
        }
    });
}
