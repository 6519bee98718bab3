//! Files in and out of the open draft: imports from the picker or a drop, and the
//! engine's files offered as downloads. A bad file changes nothing.

use wasm_bindgen_futures::JsFuture;
use ziping_engine::file::{self, Document};
use ziping_engine::{render, report, schemes, sheet, validate};

use super::build::{button, N};
use super::state::{act, edit, notify, Notice};
use super::{refresh, with, with_mut, Kind};
use crate::io::{self, download, file_name, Office};
use crate::{storage, text};

/// Reads the files the user picked or dropped, one by one.
pub fn import(files: web_sys::FileList) {
    for i in 0..files.length() {
        if let Some(f) = files.get(i) {
            wasm_bindgen_futures::spawn_local(async move {
                let name = f.name();
                match JsFuture::from(f.text())
                    .await
                    .ok()
                    .and_then(|v| v.as_string())
                {
                    Some(contents) => import_text(&name, &contents),
                    None => notify(Notice::ImportFailed(format!(
                        "{}：{name}",
                        text::IMPORT_FAILED
                    ))),
                }
            });
        }
    }
}

/// Imports one file: an assessment becomes a new draft; a valid scheme is kept among the
/// custom schemes and applied to the open assessment.
pub fn import_text(name: &str, contents: &str) {
    match file::decode(contents) {
        Ok(Document::Assessment(a)) => act(|app| {
            let title = a.title.clone();
            app.create(*a);
            app.notify(Notice::Info(text::imported("自评", &title)));
        }),
        Ok(Document::Scheme(mut s)) => {
            // A changed copy of a built-in scheme must not pass for the built-in one.
            if schemes::by_id(&s.id).is_some_and(|b| b != *s) {
                s.mark_custom();
            }
            let findings = validate::validate_scheme(&s);
            if validate::has_errors(&findings) {
                let first = findings
                    .first()
                    .map(|f| f.message.clone())
                    .unwrap_or_default();
                notify(Notice::ImportFailed(format!(
                    "{}：{name}：{first}",
                    text::IMPORT_FAILED
                )));
                return;
            }
            let kept = storage::keep_scheme(&s);
            edit(&super::ALL, |app| {
                if let Err(e) = kept {
                    app.storage_failed(e);
                }
                app.notify(Notice::Info(format!(
                    "{}：{}",
                    text::SCHEME_APPLIED,
                    s.name
                )));
                app.assessment.scheme = *s;
            });
        }
        Err(e) => notify(Notice::ImportFailed(format!(
            "{}：{name}：{e}",
            text::IMPORT_FAILED
        ))),
    }
}

/// Exports the open assessment as the engine's file.
pub fn export_assessment() {
    let (name, body) = with(|app| {
        let a = &app.assessment;
        (file_name(&a.title, ".json"), file::encode_assessment(a))
    });
    download(&name, "application/json", &body);
}

/// Exports the open assessment's scheme as the engine's file.
pub fn export_scheme() {
    let (name, body) = with(|app| {
        let s = &app.assessment.scheme;
        (file_name(&s.name, ".scheme.json"), file::encode_scheme(s))
    });
    download(&name, "application/json", &body);
}

/// Files dropped anywhere on the page are imported.
pub fn dropped(ev: &web_sys::Event) {
    ev.prevent_default();
    if let Some(list) = wasm_bindgen::JsCast::dyn_ref::<web_sys::DragEvent>(ev)
        .and_then(|d| d.data_transfer())
        .and_then(|d| d.files())
    {
        import(list);
    }
}

/// Exports the report as a standalone HTML page.
pub fn export_report_html() {
    let (name, body) = with(|app| {
        let a = &app.assessment;
        (
            file_name(&a.title, ".html"),
            render::html(&report::report(a)),
        )
    });
    download(&name, "text/html", &body);
}

/// Exports the score sheet as CSV.
pub fn export_sheet_csv() {
    let (name, body) = with(|app| {
        let a = &app.assessment;
        (
            file_name(&a.title, "-自评表.csv"),
            sheet::csv(&sheet::sheet(a)),
        )
    });
    download(&name, "text/csv", &body);
}

/// A button that writes an Office file through the export module, saying how it went in
/// the status of `page`.
pub fn office_button(
    kind: Office,
    label: &'static str,
    testid: &'static str,
    page: &'static str,
) -> N {
    button(label, move |_| {
        let (title, input) = with_mut(|app| {
            app.busy.insert(testid);
            app.status.insert(page, text::EXPORTING.into());
            (
                app.assessment.title.clone(),
                file::encode_assessment(&app.assessment),
            )
        });
        refresh();
        wasm_bindgen_futures::spawn_local(async move {
            let result = io::office(kind, &title, &input).await;
            with_mut(|app| {
                app.busy.remove(testid);
                app.status.insert(
                    page,
                    match result {
                        Ok(()) => format!("{}：{label}", text::EXPORTED),
                        Err(e) => format!("{}：{e}", text::EXPORT_FAILED),
                    },
                );
            });
            refresh();
        });
    })
    .a("data-testid", testid)
    .out(Kind::EnabledIf, move |app, _| {
        if app.busy.contains(testid) {
            "busy"
        } else {
            ""
        }
        .to_string()
    })
}

/// Copies text to the clipboard, saying how it went in the status of `page`.
pub fn copy(body: String, page: &'static str) {
    wasm_bindgen_futures::spawn_local(async move {
        let ok = io::copy(&body).await;
        with_mut(|app| {
            app.status.insert(
                page,
                if ok { text::COPIED } else { text::COPY_FAILED }.into(),
            )
        });
        refresh();
    });
}

/// The status line of `page`'s exports.
pub fn status(page: &'static str, testid: &str) -> N {
    N::new("span")
        .a("role", "status")
        .a("data-testid", testid)
        .live(move |app, _| app.status.get(page).cloned().unwrap_or_default())
}
