//! Files in and out, at the edge: downloads through a Blob, imports from a file picker
//! or a drop. Nothing here touches the open draft unless the file is good.

use leptos::prelude::*;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use ziping_engine::file::{self, Document};
use ziping_engine::{render, report, schemes, sheet, validate};

use crate::invalid;
use crate::state::{Ctx, Notice};
use crate::storage;
use crate::text;

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

/// The largest assessment the app serves well (BENCHMARKS.md measures it); a larger file
/// is refused with a message naming the limit.
pub const MAX_INDICATORS: usize = 2_000;
/// The largest file read at all: ten times a 2,000-indicator file with long texts.
const MAX_FILE_BYTES: usize = 20_000_000;

/// Reads the files the user picked or dropped, one by one.
pub fn import_files(ctx: Ctx, files: web_sys::FileList) {
    for i in 0..files.length() {
        if let Some(f) = files.get(i) {
            leptos::task::spawn_local(async move {
                let name = f.name();
                // Bytes, not text: the engine tells GBK from UTF-8, which the browser
                // would read as UTF-8 and garble.
                match JsFuture::from(f.array_buffer()).await.ok() {
                    Some(buffer) => {
                        import_bytes(ctx, &name, &js_sys::Uint8Array::new(&buffer).to_vec())
                    }
                    None => ctx.notify(Notice::ImportFailed(format!(
                        "{}：{name}",
                        text::IMPORT_FAILED
                    ))),
                }
            });
        }
    }
}

/// Imports one file: an assessment becomes a new draft; a valid scheme is kept among the
/// custom schemes and applied to the open assessment. A bad file changes nothing.
pub fn import_bytes(ctx: Ctx, name: &str, contents: &[u8]) {
    // Beyond what the app serves well, a file is refused before it can freeze the tab.
    if contents.len() > MAX_FILE_BYTES {
        let mb = MAX_FILE_BYTES / 1_000_000;
        ctx.notify(Notice::ImportFailed(text::file_too_large(name, mb)));
        return;
    }
    match file::decode_bytes(contents) {
        Ok(Document::Assessment(a)) if a.indicators.len() > MAX_INDICATORS => {
            ctx.notify(Notice::ImportFailed(text::too_many_indicators(
                name,
                a.indicators.len(),
                MAX_INDICATORS,
            )));
        }
        Ok(Document::Assessment(a)) => {
            let title = a.title.clone();
            ctx.create(*a);
            ctx.notify(Notice::Info(text::imported_assessment(&title)));
        }
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
                ctx.notify(Notice::ImportFailed(format!(
                    "{}：{name}：{first}",
                    text::IMPORT_FAILED
                )));
                return;
            }
            if let Err(e) = storage::keep_scheme(&s) {
                ctx.storage_failed(e);
            }
            let scheme_name = s.name.clone();
            ctx.edit(|a| a.scheme = *s);
            ctx.notify(Notice::Info(format!(
                "{}：{scheme_name}",
                text::SCHEME_APPLIED
            )));
        }
        Err(e) => ctx.notify(Notice::ImportFailed(format!(
            "{}：{name}：{e}",
            text::IMPORT_FAILED
        ))),
    }
}

/// Exports the open assessment as the engine's file.
pub fn export_assessment(ctx: Ctx) {
    if invalid::refuse_export(ctx) {
        return;
    }
    let (name, body) = ctx
        .assessment
        .with_untracked(|a| (file_name(&a.title, ".json"), file::encode_assessment(a)));
    download(&name, "application/json", &body);
}

/// Exports the open assessment's scheme.
pub fn export_scheme(ctx: Ctx) {
    if invalid::refuse_export(ctx) {
        return;
    }
    let (name, body) = ctx.assessment.with_untracked(|a| {
        (
            file_name(&a.scheme.name, ".scheme.json"),
            file::encode_scheme(&a.scheme),
        )
    });
    download(&name, "application/json", &body);
}

/// Exports the report as a standalone HTML page.
pub fn export_report_html(ctx: Ctx) {
    if invalid::refuse_export(ctx) {
        return;
    }
    let (name, body) = ctx.assessment.with_untracked(|a| {
        (
            file_name(&a.title, ".html"),
            render::html(&report::report(a)),
        )
    });
    download(&name, "text/html", &body);
}

/// Exports the score sheet as CSV.
pub fn export_sheet_csv(ctx: Ctx) {
    if invalid::refuse_export(ctx) {
        return;
    }
    let (name, body) = ctx.assessment.with_untracked(|a| {
        (
            file_name(&a.title, text::FILE_SHEET_CSV),
            sheet::csv(&sheet::sheet(a)),
        )
    });
    download(&name, "text/csv", &body);
}

/// The Office files, written by the export module the page loads on first use.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Office {
    SheetXlsx,
    ReportDocx,
}

/// Writes an Office file through the lazily loaded export module and offers it.
pub async fn export_office(ctx: Ctx, kind: Office) -> Result<(), String> {
    if invalid::refuse_export(ctx) {
        return Ok(());
    }
    let (title, input) = ctx
        .assessment
        .with_untracked(|a| (a.title.clone(), file::encode_assessment(a)));
    office(kind, &title, &input).await
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
    let f = js_sys::Reflect::get(&window(), &JsValue::from_str(name))
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
        .unwrap_or_else(|| format!("{e:?}"))
}
