//! Every storage path in headless Chromium: a round trip, a corrupt entry, a full
//! storage, a disabled storage, a save by another tab, and the custom schemes kept.
#![cfg(target_arch = "wasm32")]

use std::collections::BTreeMap;

use wasm_bindgen_test::*;
use ziping_app::storage::{self, Draft, LoadError, SaveError};
use ziping_engine::sample;

wasm_bindgen_test_configure!(run_in_browser);

fn local() -> web_sys::Storage {
    web_sys::window().unwrap().local_storage().unwrap().unwrap()
}

fn draft(id: &str) -> Draft {
    let mut raw = BTreeMap::new();
    raw.insert("finance.economic[2]".to_string(), "1.".to_string());
    Draft {
        id: id.into(),
        rev: 0,
        assessment: sample::sample(),
        raw,
        base: None,
    }
}

#[wasm_bindgen_test]
fn a_draft_round_trips_with_the_text_typed() {
    local().clear().unwrap();
    let d = draft("a");
    assert_eq!(storage::save(&d, 0), Ok(1));
    let back = storage::load("a").expect("loads");
    assert_eq!(back.assessment, d.assessment);
    assert_eq!(back.raw, d.raw);
    assert_eq!(back.rev, 1);
    assert_eq!(storage::list().len(), 1);
    assert!(
        local().get_item("ziping/v1/draft/a").unwrap().is_some(),
        "versioned key"
    );
}

#[wasm_bindgen_test]
fn a_corrupt_entry_is_kept_aside_not_deleted() {
    local().clear().unwrap();
    storage::save(&draft("b"), 0).unwrap();
    local()
        .set_item("ziping/v1/draft/b", "{\"rev\": 1, \"document\": {broken")
        .unwrap();
    let Err(LoadError::Corrupt { kept_as, message }) = storage::load("b") else {
        panic!("a corrupt entry must be reported");
    };
    assert!(message.contains("JSON"), "{message}");
    assert_eq!(
        local().get_item(&kept_as).unwrap().as_deref(),
        Some("{\"rev\": 1, \"document\": {broken")
    );
    assert_eq!(storage::corrupt_entries().len(), 1);
    assert!(storage::list().is_empty(), "no longer offered as a draft");
    storage::discard(&kept_as);
    assert!(storage::corrupt_entries().is_empty());
}

#[wasm_bindgen_test]
fn a_full_storage_is_reported_and_nothing_is_half_written() {
    local().clear().unwrap();
    storage::save(&draft("c"), 0).unwrap();
    // Fill the storage to its quota.
    let chunk = "x".repeat(512 * 1024);
    let mut n = 0;
    while local().set_item(&format!("filler/{n}"), &chunk).is_ok() {
        n += 1;
    }
    let small = "y".repeat(1024);
    let mut m = 0;
    while local().set_item(&format!("filler/s{m}"), &small).is_ok() {
        m += 1;
    }
    let mut bigger = draft("c");
    bigger
        .assessment
        .problems
        .push("新增的一段文字".repeat(200));
    assert_eq!(storage::save(&bigger, 1), Err(SaveError::Full));
    assert_eq!(
        storage::load("c").unwrap().rev,
        1,
        "the stored draft is intact"
    );
    local().clear().unwrap();
}

#[wasm_bindgen_test]
fn a_save_by_another_tab_is_never_overwritten() {
    local().clear().unwrap();
    storage::save(&draft("d"), 0).unwrap();
    // The other tab saves twice.
    let mut theirs = draft("d");
    theirs.assessment.department = "另一个标签页".into();
    assert_eq!(storage::save(&theirs, 1), Ok(2));
    // This tab still believes revision 1.
    assert_eq!(storage::save(&draft("d"), 1), Err(SaveError::Conflict(2)));
    assert_eq!(
        storage::load("d").unwrap().assessment.department,
        "另一个标签页"
    );
    assert!(storage::is_rev_key("ziping/v1/rev/d", "d"));
}

#[wasm_bindgen_test]
fn a_deleted_draft_can_be_brought_back() {
    local().clear().unwrap();
    storage::save(&draft("e"), 0).unwrap();
    storage::delete("e").unwrap();
    assert!(storage::list().is_empty());
    assert_eq!(storage::load("e"), Err(LoadError::Missing));
    assert_eq!(storage::undelete().as_deref(), Some("e"));
    assert_eq!(storage::load("e").unwrap().assessment, sample::sample());
}

#[wasm_bindgen_test]
fn a_disabled_storage_is_reported() {
    js_sys::eval(
        "window.__kept = Object.getOwnPropertyDescriptor(window, 'localStorage'); \
         Object.defineProperty(window, 'localStorage', { configurable: true, \
         get() { throw new DOMException('denied', 'SecurityError'); } })",
    )
    .unwrap();
    let access = storage::access();
    let saved = storage::save(&draft("f"), 0);
    let loaded = storage::load("f");
    let listed = storage::list();
    js_sys::eval("Object.defineProperty(window, 'localStorage', window.__kept)").unwrap();
    assert_eq!(access, storage::Access::Unavailable);
    assert_eq!(saved, Err(SaveError::Unavailable));
    assert_eq!(loaded, Err(LoadError::Unavailable));
    assert!(listed.is_empty());
}

#[wasm_bindgen_test]
fn scenarios_are_listed_under_their_base() {
    local().clear().unwrap();
    storage::save(&draft("base"), 0).unwrap();
    storage::save(&draft("other"), 0).unwrap();
    let mut s = draft("what-if");
    s.base = Some("base".into());
    storage::save(&s, 0).unwrap();
    let order: Vec<String> = storage::list().into_iter().map(|m| m.id).collect();
    let at = |id: &str| order.iter().position(|x| x == id).unwrap();
    assert_eq!(at("what-if"), at("base") + 1, "{order:?}");
    assert_eq!(storage::scenarios_of("base").len(), 1);
    assert_eq!(
        storage::load("what-if").unwrap().base.as_deref(),
        Some("base")
    );
}

#[wasm_bindgen_test]
fn a_kept_scheme_replaces_the_one_with_its_id() {
    local().clear().unwrap();
    let mut s = ziping_engine::schemes::guangzhou_departmental();
    s.mark_custom();
    assert_eq!(storage::keep_scheme(&s), Ok(()));
    s.sections[0].points = rust_decimal::Decimal::from(20);
    assert_eq!(storage::keep_scheme(&s), Ok(()));
    let mut other = ziping_engine::schemes::national_project();
    other.mark_custom();
    assert_eq!(storage::keep_scheme(&other), Ok(()));
    let kept: Vec<_> = storage::schemes()
        .iter()
        .map(|t| ziping_engine::file::decode_scheme(t).expect("a scheme file"))
        .collect();
    assert_eq!(kept.len(), 2, "one per id");
    assert_eq!(kept[0], s, "the later edit");
    assert_eq!(kept[1], other);
}

/// Entries as the version before the engine's own JSON wrote them (serde_json: `updated`
/// as a float, the draft record compact) still list, load and undelete.
#[wasm_bindgen_test]
fn entries_written_by_the_previous_version_still_load() {
    local().clear().unwrap();
    let document = ziping_engine::file::encode_assessment(&sample::sample());
    let record = format!(
        "{{\"rev\":3,\"raw\":{{\"finance.basic\":\"5 5\"}},\"base\":null,\"document\":{document}}}"
    );
    let s = local();
    s.set_item(
        "ziping/v1/index",
        "[{\"id\":\"old\",\"title\":\"旧稿\",\"updated\":1732527000000.0,\"base\":null},\
         {\"id\":\"new\",\"title\":\"新稿\",\"updated\":1732527999000.0},\
         {\"id\":\"odd\",\"updated\":\"yesterday\"}]",
    )
    .unwrap();
    s.set_item("ziping/v1/draft/old", &record).unwrap();
    s.set_item("ziping/v1/rev/old", "3").unwrap();
    let listed: Vec<(String, u64)> = storage::list()
        .into_iter()
        .map(|m| (m.id, m.updated))
        .collect();
    assert_eq!(
        listed,
        [
            ("new".to_string(), 1732527999000),
            ("old".to_string(), 1732527000000),
            ("odd".to_string(), 0)
        ],
        "an entry with a damaged time is still offered, last"
    );
    let d = storage::load("old").expect("loads");
    assert_eq!(
        (
            d.rev,
            d.assessment,
            d.raw.get("finance.basic").map(String::as_str)
        ),
        (3, sample::sample(), Some("5 5"))
    );
    s.set_item(
        "ziping/v1/trash",
        &format!(
            "{{\"id\":\"gone\",\"text\":{}}}",
            serde_json::Value::from(record.as_str())
        ),
    )
    .unwrap();
    assert_eq!(storage::undelete().as_deref(), Some("gone"));
    assert_eq!(storage::load("gone").map(|d| d.rev), Ok(3));
}
