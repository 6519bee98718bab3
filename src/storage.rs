//! The one module that touches localStorage (through gloo-storage). Drafts live under
//! versioned keys; a corrupt entry is kept aside, never deleted; a full or disabled
//! storage is reported; a write by another tab is detected before it can be overwritten.

use std::collections::BTreeMap;

use gloo_storage::{LocalStorage as Browser, Storage as _};
use serde::Serialize;
use serde_json::{json, Value};
use wasm_bindgen::JsCast;
use ziping_engine::file;
use ziping_engine::model::Assessment;
use ziping_engine::scheme::Scheme;

/// Every key of this version starts so; a future layout gets `ziping/v2/` and a migration.
pub const PREFIX: &str = "ziping/v1/";
const INDEX: &str = "ziping/v1/index";
const CURRENT: &str = "ziping/v1/current";
const SCHEMES: &str = "ziping/v1/schemes";
const TRASH: &str = "ziping/v1/trash";
const PROBE: &str = "ziping/v1/probe";

fn draft_key(id: &str) -> String {
    format!("{PREFIX}draft/{id}")
}

fn rev_key(id: &str) -> String {
    format!("{PREFIX}rev/{id}")
}

/// The key another tab writes when it saves draft `id`, for the `storage` event.
pub fn is_rev_key(key: &str, id: &str) -> bool {
    key == rev_key(id)
}

/// Where corrupt entries are kept aside, with the time they were found.
pub const CORRUPT_PREFIX: &str = "ziping/v1/corrupt/";

/// One draft in the list: enough to show and pick it without loading it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DraftMeta {
    pub id: String,
    pub title: String,
    /// Milliseconds since 1970, when it was last saved.
    pub updated: u64,
    /// For a what-if scenario, the id of the draft it was copied from.
    pub base: Option<String>,
}

impl DraftMeta {
    /// An entry of the index; only its id is needed to offer the draft, so a damaged
    /// title or time does not hide it. Earlier versions wrote `updated` as a float
    /// (`1732527000000.0`), so a float is read for its whole part.
    fn read(v: &Value) -> Option<Self> {
        let updated = v.get("updated").and_then(|u| {
            u.as_u64()
                .or_else(|| u.as_f64().filter(|f| *f >= 0.0).map(|f| f as u64))
        });
        Some(DraftMeta {
            id: v.get("id")?.as_str()?.to_string(),
            title: v
                .get("title")
                .and_then(Value::as_str)
                .unwrap_or_default()
                .to_string(),
            updated: updated.unwrap_or(0),
            base: v.get("base").and_then(Value::as_str).map(str::to_string),
        })
    }
}

/// Milliseconds since 1970, now.
fn now() -> u64 {
    js_sys::Date::now() as u64
}

/// A draft: the assessment, the texts typed into number fields that are not numbers
/// yet (kept so nothing typed is lost), and its revision for detecting other tabs.
#[derive(Debug, Clone, PartialEq)]
pub struct Draft {
    pub id: String,
    pub rev: u64,
    pub assessment: Assessment,
    pub raw: BTreeMap<String, String>,
    /// For a what-if scenario, the id of its base draft.
    pub base: Option<String>,
}

/// Why a save did not happen. The draft stays in memory in every case.
#[derive(Debug, Clone, PartialEq)]
pub enum SaveError {
    /// Storage is full (QuotaExceededError).
    Full,
    /// Storage is disabled or not there.
    Unavailable,
    /// Another tab saved this draft since we loaded it: its revision.
    Conflict(u64),
    /// Any other refusal, with the browser's words.
    Other(String),
}

/// Why a draft could not be loaded.
#[derive(Debug, Clone, PartialEq)]
pub enum LoadError {
    Missing,
    Unavailable,
    /// The entry was unreadable; its text is kept under `kept_as`.
    Corrupt {
        kept_as: String,
        message: String,
    },
}

fn storage() -> Option<web_sys::Storage> {
    // gloo's raw() throws when storage is disabled, so ask the window first.
    let window = web_sys::window()?;
    window.local_storage().ok().flatten()?;
    Some(Browser::raw())
}

/// What the browser's storage allows now.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Access {
    /// Drafts are read and kept.
    Writable,
    /// Full: the drafts stored are read, but nothing more is written.
    Full,
    /// Disabled or not there (private mode, a policy).
    Unavailable,
}

/// Whether drafts can be kept: storage exists and accepts a write, or refuses it only for
/// lack of room (its drafts are still there to open).
pub fn access() -> Access {
    if storage().is_none() {
        return Access::Unavailable;
    }
    match set(PROBE, "1") {
        Ok(()) => {
            remove(PROBE);
            Access::Writable
        }
        Err(SaveError::Full) => Access::Full,
        Err(_) => Access::Unavailable,
    }
}

fn get(key: &str) -> Option<String> {
    storage()?.get_item(key).ok().flatten()
}

fn set(key: &str, value: &str) -> Result<(), SaveError> {
    let s = storage().ok_or(SaveError::Unavailable)?;
    s.set_item(key, value)
        .map_err(|e| match e.dyn_ref::<web_sys::DomException>() {
            Some(d) if d.name() == "QuotaExceededError" || d.code() == 22 => SaveError::Full,
            Some(d) => SaveError::Other(d.message()),
            None => SaveError::Other(
                e.as_string()
                    .unwrap_or_else(|| crate::text::NO_REASON.into()),
            ),
        })
}

fn remove(key: &str) {
    if let Some(s) = storage() {
        // Removing cannot fail for lack of space; a refusal leaves the entry, which is safe.
        let _ = s.remove_item(key);
    }
}

/// The drafts, newest first, each followed by its scenarios.
pub fn list() -> Vec<DraftMeta> {
    let mut metas: Vec<DraftMeta> = match get(INDEX).and_then(|t| serde_json::from_str(&t).ok()) {
        Some(Value::Array(items)) => items.iter().filter_map(DraftMeta::read).collect(),
        _ => Vec::new(),
    };
    // A draft the index does not name (a write that failed midway) is listed all the same.
    for id in stored_ids() {
        if !metas.iter().any(|m| m.id == id) {
            metas.push(unindexed(&id));
        }
    }
    metas.sort_by_key(|m| std::cmp::Reverse(m.updated));
    let known = |id: &String| metas.iter().any(|m| m.id == *id && m.base.is_none());
    let (bases, scenarios): (Vec<_>, Vec<_>) = metas
        .iter()
        .cloned()
        .partition(|m| !m.base.as_ref().is_some_and(known));
    let mut out = Vec::with_capacity(metas.len());
    for b in bases {
        let id = b.id.clone();
        out.push(b);
        out.extend(
            scenarios
                .iter()
                .filter(|s| s.base.as_deref() == Some(id.as_str()))
                .cloned(),
        );
    }
    out
}

/// The ids of every stored draft, whatever the index says.
fn stored_ids() -> Vec<String> {
    let Some(s) = storage() else {
        return Vec::new();
    };
    let prefix = draft_key("");
    (0..s.length().unwrap_or(0))
        .filter_map(|i| s.key(i).ok().flatten())
        .filter_map(|k| k.strip_prefix(&prefix).map(str::to_string))
        .collect()
}

/// The list entry of a stored draft the index lost, read from the draft itself.
fn unindexed(id: &str) -> DraftMeta {
    let draft = get(&draft_key(id)).and_then(|t| decode(id, &t).ok());
    DraftMeta {
        id: id.to_string(),
        title: draft
            .as_ref()
            .map(|d| d.assessment.title.clone())
            .unwrap_or_else(|| id.to_string()),
        updated: 0,
        base: draft.and_then(|d| d.base),
    }
}

/// The scenarios of a draft, newest first.
pub fn scenarios_of(id: &str) -> Vec<DraftMeta> {
    list()
        .into_iter()
        .filter(|m| m.base.as_deref() == Some(id))
        .collect()
}

fn write_index(metas: &[DraftMeta]) -> Result<(), SaveError> {
    set(INDEX, &json!(metas).to_string())
}

/// The revision stored for a draft: 0 when it was never saved.
pub fn stored_rev(id: &str) -> u64 {
    get(&rev_key(id)).and_then(|t| t.parse().ok()).unwrap_or(0)
}

/// Encodes a draft as stored: the engine's versioned file plus what the app adds.
pub fn encode(d: &Draft) -> String {
    encode_on(d, None)
}

/// `encode`, naming the revision the writing tab had when it made its edits: the tab whose
/// revision that is knows its own version is in this one.
fn encode_on(d: &Draft, based_on: Option<u64>) -> String {
    json!({
        "rev": d.rev,
        "based_on": based_on,
        "raw": d.raw,
        "base": d.base,
        "document": file::assessment_document(&d.assessment),
    })
    .to_string()
}

/// The revision the stored draft `id` was made from, where its writer said.
pub fn based_on(id: &str) -> Option<u64> {
    let text = get(&draft_key(id))?;
    serde_json::from_str::<Value>(&text)
        .ok()?
        .get("based_on")?
        .as_u64()
}

/// Decodes a stored draft; the message says what is wrong, in Chinese.
pub fn decode(id: &str, text: &str) -> Result<Draft, String> {
    let value: Value = serde_json::from_str(text)
        .map_err(|e| crate::text::stored_not_json(e.line(), e.column()))?;
    let document = value
        .get("document")
        .ok_or(crate::text::STORED_NO_DOCUMENT)?
        .clone();
    let assessment = file::decode_document(document)
        .and_then(file::Document::into_assessment)
        .map_err(|e| e.to_string())?;
    let mut raw = BTreeMap::new();
    if let Some(Value::Object(fields)) = value.get("raw") {
        for (k, v) in fields {
            if let Some(t) = v.as_str() {
                raw.insert(k.clone(), t.to_string());
            }
        }
    }
    Ok(Draft {
        id: id.to_string(),
        rev: value.get("rev").and_then(Value::as_u64).unwrap_or(0),
        raw,
        base: value
            .get("base")
            .and_then(Value::as_str)
            .map(str::to_string),
        assessment,
    })
}

/// Loads a draft. A corrupt one is moved aside under `ziping/v1/corrupt/…`, not deleted.
pub fn load(id: &str) -> Result<Draft, LoadError> {
    if storage().is_none() {
        return Err(LoadError::Unavailable);
    }
    let text = get(&draft_key(id)).ok_or(LoadError::Missing)?;
    decode(id, &text).map_err(|message| {
        let kept_as = format!("{CORRUPT_PREFIX}{id}/{}", now());
        if set(&kept_as, &text).is_ok() {
            remove(&draft_key(id));
            remove(&rev_key(id));
            let metas: Vec<DraftMeta> = list().into_iter().filter(|m| m.id != id).collect();
            let _ = write_index(&metas);
        }
        LoadError::Corrupt { kept_as, message }
    })
}

/// Saves a draft if nobody else saved it since revision `known`; returns the new revision.
pub fn save(d: &Draft, known: u64) -> Result<u64, SaveError> {
    let stored = stored_rev(&d.id);
    if stored != known {
        return Err(SaveError::Conflict(stored));
    }
    let rev = known + 1;
    set(
        &draft_key(&d.id),
        &encode_on(&Draft { rev, ..d.clone() }, Some(d.rev)),
    )?;
    set(&rev_key(&d.id), &rev.to_string())?;
    let mut metas: Vec<DraftMeta> = list().into_iter().filter(|m| m.id != d.id).collect();
    metas.push(DraftMeta {
        id: d.id.clone(),
        title: d.assessment.title.clone(),
        updated: now(),
        base: d.base.clone(),
    });
    write_index(&metas)?;
    Ok(rev)
}

/// Moves a draft to the trash (one slot: the last deleted), so it can be undone.
pub fn delete(id: &str) -> Result<(), SaveError> {
    if let Some(text) = get(&draft_key(id)) {
        set(TRASH, &json!({ "id": id, "text": text }).to_string())?;
    }
    remove(&draft_key(id));
    remove(&rev_key(id));
    let metas: Vec<DraftMeta> = list().into_iter().filter(|m| m.id != id).collect();
    write_index(&metas)
}

/// Brings the last deleted draft back; its id.
pub fn undelete() -> Option<String> {
    let trash: Value = serde_json::from_str(&get(TRASH)?).ok()?;
    let id = trash.get("id")?.as_str()?.to_string();
    let text = trash.get("text")?.as_str()?;
    let draft = decode(&id, text).ok()?;
    set(&draft_key(&id), text).ok()?;
    set(&rev_key(&id), &draft.rev.to_string()).ok()?;
    let mut metas = list();
    metas.push(DraftMeta {
        id: id.clone(),
        title: draft.assessment.title,
        updated: now(),
        base: draft.base,
    });
    write_index(&metas).ok()?;
    remove(TRASH);
    Some(id)
}

/// Entries kept aside as corrupt: their key and raw text, for export.
pub fn corrupt_entries() -> Vec<(String, String)> {
    let Some(s) = storage() else {
        return Vec::new();
    };
    let n = s.length().unwrap_or(0);
    (0..n)
        .filter_map(|i| s.key(i).ok().flatten())
        .filter(|k| k.starts_with(CORRUPT_PREFIX))
        .filter_map(|k| get(&k).map(|t| (k, t)))
        .collect()
}

/// Forgets a corrupt entry once the user has exported or dismissed it.
pub fn discard(key: &str) {
    if key.starts_with(CORRUPT_PREFIX) {
        remove(key);
    }
}

/// The draft open last time.
pub fn current() -> Option<String> {
    get(CURRENT)
}

pub fn set_current(id: &str) {
    // Only a convenience: failing to remember it loses nothing. A write costs more than a
    // read on a slow PC, and the app starts by opening the current draft again.
    if current().as_deref() != Some(id) {
        let _ = set(CURRENT, id);
    }
}

/// Custom schemes the user imported or edited, as engine scheme files.
pub fn schemes() -> Vec<String> {
    get(SCHEMES)
        .and_then(|t| serde_json::from_str(&t).ok())
        .unwrap_or_default()
}

/// Keeps a scheme among the custom ones, in place of any with its id.
pub fn keep_scheme(s: &Scheme) -> Result<(), SaveError> {
    let mut kept: Vec<String> = schemes()
        .into_iter()
        .filter(|t| file::decode_scheme(t).map(|x| x.id != s.id).unwrap_or(true))
        .collect();
    kept.push(file::encode_scheme(s));
    set(SCHEMES, &json!(kept).to_string())
}
