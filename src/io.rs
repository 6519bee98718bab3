//! Files in and out, at the edge: downloads through a Blob, imports from a file picker
//! or a drop, the clipboard and the lazily loaded export module. Nothing here touches the
//! open draft unless the file is good.

use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use ziping_engine::file::{self, Document};
use ziping_engine::{render, report, schemes, sheet, validate};

use crate::build::{button, document, N};
use crate::state::{act, edit, notify, Notice};
use crate::view::{refresh, with, with_mut, Kind, ALL};
use crate::{storage, text};

/// Offers text as a file download.
pub fn download(name: &str, mime: &str, contents: &str) {
    download_part(name, mime, &JsValue::from_str(contents));
}

/// Offers a string or a Uint8Array as a file download.
fn download_part(name: &str, mime: &str, part: &JsValue) {
    let parts = js_sys::Array::of1(part);
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let Ok(blob) = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options) else {
        return;
    };
    let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else {
        return;
    };
    if let Ok(a) = document().create_element("a") {
        if let Ok(a) = a.dyn_into::<web_sys::HtmlAnchorElement>() {
            a.set_href(&url);
            a.set_download(name);
            a.click();
        }
    }
    let _ = web_sys::Url::revoke_object_url(&url);
}

/// A file name from the assessment's title, safe on every system.
pub fn file_name(title: &str, suffix: &str) -> String {
    let clean: String = title
        .chars()
        .map(|c| {
            if "\\/:*?\"<>|".contains(c) || c.is_control() {
                '_'
            } else {
                c
            }
        })
        .collect();
    let clean = clean.trim();
    format!(
        "{}{suffix}",
        if clean.is_empty() {
            text::UNTITLED
        } else {
            clean
        }
    )
}

/// The Office files, written by the export module the page loads on first use.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Office {
    SheetXlsx,
    ReportDocx,
}

/// Writes an Office file of an assessment file's text through the export module, and
/// offers it under the assessment's title.
pub async fn office(kind: Office, title: &str, input: &str) -> Result<(), String> {
    let (function, suffix, mime) = match kind {
        Office::SheetXlsx => (
            "sheet_xlsx",
            text::FILE_SHEET_XLSX,
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        ),
        Office::ReportDocx => (
            "report_docx",
            text::FILE_REPORT_DOCX,
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        ),
    };
    let bytes = call_edge(
        "zipingExport",
        &JsValue::from_str(function),
        &JsValue::from_str(input),
    )
    .await?;
    download_part(&file_name(title, suffix), mime, &bytes);
    Ok(())
}

/// Copies text to the clipboard; false when the browser refuses.
pub async fn copy(text: &str) -> bool {
    call_edge("zipingCopy", &JsValue::from_str(text), &JsValue::UNDEFINED)
        .await
        .is_ok_and(|v| v.as_bool() == Some(true))
}

/// Calls one of the page's async helpers (index.html) and awaits its answer.
async fn call_edge(name: &str, a: &JsValue, b: &JsValue) -> Result<JsValue, String> {
    let missing = || format!("{name} is missing from the page");
    let f = js_sys::Reflect::get(&js_sys::global(), &JsValue::from_str(name))
        .ok()
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok())
        .ok_or_else(missing)?;
    let promise = f
        .call2(&JsValue::NULL, a, b)
        .map_err(js_message)?
        .dyn_into::<js_sys::Promise>()
        .map_err(|_| missing())?;
    JsFuture::from(promise).await.map_err(js_message)
}

/// A thrown value's message: a string as it is, an Error's message.
fn js_message(e: JsValue) -> String {
    e.as_string()
        .or_else(|| {
            e.dyn_ref::<js_sys::Error>()
                .map(|e| String::from(e.message()))
        })
        .unwrap_or_else(|| text::NO_REASON.into())
}

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
            app.notify(Notice::Info(text::imported_assessment(&title)));
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
            edit(&ALL, |app| {
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
            file_name(&a.title, text::FILE_SHEET_CSV),
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
            app.busy.push(testid);
            app.set_status(page, text::EXPORTING.into());
            (
                app.assessment.title.clone(),
                file::encode_assessment(&app.assessment),
            )
        });
        refresh();
        wasm_bindgen_futures::spawn_local(async move {
            let result = office(kind, &title, &input).await;
            with_mut(|app| {
                app.busy.retain(|b| *b != testid);
                app.set_status(
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
        if app.busy.contains(&testid) {
            "busy"
        } else {
            ""
        }
        .to_string()
    })
}

/// Copies text to the clipboard, saying how it went in the status of `page`.
pub fn copy_saying(body: String, page: &'static str) {
    wasm_bindgen_futures::spawn_local(async move {
        let ok = copy(&body).await;
        with_mut(|app| {
            app.set_status(
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
        .live(move |app, _| app.status_of(page))
}
