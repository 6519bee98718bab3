//! Files in and out, at the edge: downloads through a Blob, imports from a file picker
//! or a drop. Nothing here touches the open draft unless the file is good.

use leptos::prelude::*;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use ziping_engine::file::{self, Document};
use ziping_engine::summary::{self, SummaryRow};
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

/// The text of a file's bytes, as the CLI reads them: UTF-8 with or without a byte-order
/// mark, UTF-16 with one, and otherwise GB18030 (a superset of GBK, Notepad's "ANSI" on a
/// Chinese system), decoded by the browser's own TextDecoder.
fn text_of(bytes: &[u8]) -> Option<String> {
    let label = match bytes {
        [0xFF, 0xFE, ..] => "utf-16le",
        [0xFE, 0xFF, ..] => "utf-16be",
        _ => match std::str::from_utf8(bytes) {
            Ok(text) => return Some(text.to_string()),
            Err(_) => "gb18030",
        },
    };
    let decoder = web_sys::TextDecoder::new_with_label(label).ok()?;
    decoder.decode_with_u8_array(bytes).ok()
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
    let Some(contents) = text_of(contents) else {
        ctx.notify(Notice::ImportFailed(format!(
            "{}：{name}",
            text::IMPORT_FAILED
        )));
        return;
    };
    match file::decode(&contents) {
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
    /// The summary's rows, given as JSON rather than an assessment file.
    SummaryXlsx,
}

/// What became of an export the user asked for.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Exported {
    /// The file was written and offered.
    Written,
    /// It waits for figures that are not numbers; the refusal's banner says which.
    Refused,
}

/// Writes an Office file through the lazily loaded export module and offers it.
pub async fn export_office(ctx: Ctx, kind: Office) -> Result<Exported, String> {
    if invalid::refuse_export(ctx) {
        return Ok(Exported::Refused);
    }
    let (title, input) = ctx
        .assessment
        .with_untracked(|a| (a.title.clone(), file::encode_assessment(a)));
    office(kind, &title, &input).await?;
    Ok(Exported::Written)
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
        Office::SummaryXlsx => (
            "summary_xlsx",
            text::FILE_SUMMARY_XLSX,
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
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

/// The summary's rows, in the order shown, as CSV.
pub fn export_summary_csv(rows: &[SummaryRow]) {
    let name = file_name(text::SUMMARY_TITLE, text::FILE_SUMMARY_CSV);
    download(&name, "text/csv", &summary::csv(rows));
}

/// The summary's rows, in the order shown, as an .xlsx workbook through the export module.
pub async fn export_summary_xlsx(rows: &[SummaryRow]) -> Result<(), String> {
    let rows = serde_json::to_string(rows).map_err(|e| e.to_string())?;
    office(Office::SummaryXlsx, text::SUMMARY_TITLE, &rows).await
}

/// A file given to the summary: its name as shown (a folder's files by their path in it)
/// and its text, or none where the browser could not read it.
pub struct Received {
    pub name: String,
    pub text: Option<String>,
}

/// What a drop holds.
pub enum Dropped {
    File(web_sys::File),
    Folder(web_sys::FileSystemDirectoryEntry),
}

/// Takes a drop's files and folders from its event at once: its items are gone once the
/// handler returns. A browser without entries gives its plain file list.
pub fn dropped(ev: &web_sys::DragEvent) -> Vec<Dropped> {
    let Some(dt) = ev.data_transfer() else {
        return Vec::new();
    };
    let items = dt.items();
    let mut out = Vec::new();
    for item in (0..items.length()).filter_map(|i| items.get(i)) {
        if item.kind() != "file" {
            continue;
        }
        match item.webkit_get_as_entry().ok().flatten() {
            Some(e) if e.is_directory() => out.push(Dropped::Folder(e.unchecked_into())),
            _ => out.extend(item.get_as_file().ok().flatten().map(Dropped::File)),
        }
    }
    if out.is_empty() {
        out.extend(dt.files().iter().flat_map(picked).map(Dropped::File));
    }
    out
}

/// The files of a file list, taken before the input is cleared.
pub fn picked(files: &web_sys::FileList) -> Vec<web_sys::File> {
    (0..files.length()).filter_map(|i| files.get(i)).collect()
}

/// Reads what was dropped: files as they are, folders walked for their .json files.
pub async fn read_dropped(dropped: Vec<Dropped>) -> Vec<Received> {
    let mut out = Vec::new();
    for d in dropped {
        match d {
            Dropped::File(f) => out.push(read(f.name(), &f).await),
            Dropped::Folder(dir) => walk(dir, &mut out).await,
        }
    }
    out
}

/// Reads picked files; those of a picked folder (named by their path in it) only where
/// they are .json.
pub async fn read_picked(files: Vec<web_sys::File>) -> Vec<Received> {
    let mut out = Vec::new();
    for f in files {
        let path = js_sys::Reflect::get(&f, &JsValue::from_str("webkitRelativePath"))
            .ok()
            .and_then(|v| v.as_string())
            .unwrap_or_default();
        if path.is_empty() {
            out.push(read(f.name(), &f).await);
        } else if is_json(&path) {
            out.push(read(path, &f).await);
        }
    }
    out
}

fn is_json(name: &str) -> bool {
    name.to_lowercase().ends_with(".json")
}

/// A file's text as import reads it: bytes decoded by `text_of`, so a GBK file is read
/// right, not garbled as UTF-8.
async fn read(name: String, f: &web_sys::File) -> Received {
    let text = JsFuture::from(f.array_buffer())
        .await
        .ok()
        .and_then(|buffer| text_of(&js_sys::Uint8Array::new(&buffer).to_vec()));
    Received { name, text }
}

/// Every .json file under a dropped folder, sub-folders included, in name order.
async fn walk(root: web_sys::FileSystemDirectoryEntry, out: &mut Vec<Received>) {
    let mut folders = std::collections::VecDeque::from([root]);
    while let Some(dir) = folders.pop_front() {
        let reader = dir.create_reader();
        let mut entries: Vec<web_sys::FileSystemEntry> = Vec::new();
        // readEntries gives a batch at a time, then an empty one.
        while let Ok(batch) =
            callback(|ok, err| reader.read_entries_with_callback_and_callback(ok, err)).await
        {
            let batch = js_sys::Array::from(&batch);
            if batch.length() == 0 {
                break;
            }
            entries.extend(batch.iter().map(JsCast::unchecked_into));
        }
        entries.sort_by_key(|e| e.name());
        for e in entries {
            if e.is_directory() {
                folders.push_back(e.unchecked_into());
            } else if is_json(&e.name()) {
                let name = e.full_path().trim_start_matches('/').to_string();
                let entry: &web_sys::FileSystemFileEntry = e.unchecked_ref();
                let file = callback(|ok, err| {
                    entry.file_with_callback_and_callback(ok, err);
                    Ok(())
                })
                .await
                .ok()
                .and_then(|f| f.dyn_into::<web_sys::File>().ok());
                out.push(match file {
                    Some(f) => read(name, &f).await,
                    None => Received { name, text: None },
                });
            }
        }
    }
}

/// A callback API as a future: `start` is given the success and the error callbacks.
async fn callback(
    start: impl FnOnce(&js_sys::Function, &js_sys::Function) -> Result<(), JsValue>,
) -> Result<JsValue, JsValue> {
    let mut start = Some(start);
    let promise = js_sys::Promise::new(&mut |resolve, reject| {
        if let Some(start) = start.take() {
            if let Err(e) = start(&resolve, &reject) {
                let _ = reject.call1(&JsValue::NULL, &e);
            }
        }
    });
    JsFuture::from(promise).await
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
