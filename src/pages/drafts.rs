//! The draft bar: pick, create, duplicate, rename, delete (with undo), import and export;
//! and the notices about storage, other tabs and imports.

use wasm_bindgen::JsCast;

use crate::build::{button, focus, target_value, N};
use crate::state::{act, Notice};
use crate::view::{update, with, with_mut, Region};
use crate::{io, storage, text};

pub fn bar() -> N {
    let (drafts, current) = with(|app| (app.drafts.clone(), app.draft_id.clone()));
    let mut select = N::new("select").a("id", "draft-select").on("change", |ev| {
        let id = target_value(ev);
        act(|app| {
            app.save_now();
            app.open(&id);
        })
    });
    if current.is_none() {
        select = select.c(N::new("option")
            .a("value", "")
            .a("selected", "")
            .t(text::NO_DRAFT));
    }
    for m in &drafts {
        let selected = current.as_deref() == Some(m.id.as_str());
        let mark = if m.base.is_some() {
            text::SCENARIO_MARK
        } else {
            ""
        };
        select = select.c(N::new("option")
            .a("value", &m.id)
            .a_if(selected, "selected", "")
            .t(mark)
            .t(&m.title));
    }
    let select = select.value(current.as_deref().unwrap_or(""));
    let none = current.is_none();
    N::new("div")
        .a("class", "draft-bar")
        .c(N::new("label").a("for", "draft-select").t(text::DRAFTS))
        .c(select)
        .c(button(text::NEW_BLANK, |_| act(|app| app.new_blank())))
        .c(button(text::LOAD_SAMPLE, |_| act(|app| app.new_sample()))
            .a("data-testid", "load-sample"))
        .c(button(text::DUPLICATE, |_| act(|app| app.duplicate())).a_if(none, "disabled", ""))
        // The draft's name is its title, edited where it is shown in 基本情况.
        .c(button(text::RENAME, |_| focus("title")).a_if(none, "disabled", ""))
        .c(button(text::DELETE, |_| act(|app| app.delete())).a_if(none, "disabled", ""))
        .c(N::new("span").a("class", "spacer"))
        .c(button(text::IMPORT, |_| {
            if let Some(p) = crate::build::document()
                .get_element_by_id("import-input")
                .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
            {
                p.click();
            }
        }))
        .c(N::new("input")
            .a("type", "file")
            .a("id", "import-input")
            .a("accept", ".json,application/json")
            .a("multiple", "")
            .a("class", "hidden")
            .a("aria-label", text::IMPORT)
            .a("data-testid", "import-input")
            .on("change", |ev| {
                if let Some(input) = ev
                    .target()
                    .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
                {
                    if let Some(list) = input.files() {
                        io::import(list);
                    }
                    input.set_value("");
                }
            }))
        .c(button(text::EXPORT, |_| io::export_assessment()))
        .c(button(text::EXPORT_SCHEME, |_| io::export_scheme()))
}

pub fn notices() -> N {
    let list = with(|app| app.notices.clone());
    let mut out = N::new("div");
    for n in list {
        let body = match &n {
            Notice::StorageDisabled => N::new("span").t(text::STORAGE_DISABLED),
            Notice::StorageFull => N::new("span")
                .t(text::STORAGE_FULL)
                .t(" ")
                .c(button(text::EXPORT, |_| io::export_assessment())),
            Notice::Conflict => N::new("span")
                .a("data-testid", "conflict")
                .t(text::CONFLICT)
                .t(" ")
                .c(button(text::CONFLICT_THEIRS, |_| {
                    act(|app| app.take_theirs())
                }))
                .t(" ")
                .c(button(text::CONFLICT_MINE, |_| act(|app| app.keep_mine()))),
            Notice::Corrupt { key, message } => {
                let k = key.clone();
                N::new("span")
                    .a("data-testid", "corrupt")
                    .t(&format!("{}（{key}）：{message} ", text::CORRUPT))
                    .c(button(text::EXPORT_RAW, move |_| {
                        let raw = storage::corrupt_entries()
                            .into_iter()
                            .find(|(x, _)| *x == k)
                            .map(|(_, t)| t);
                        if let Some(raw) = raw {
                            io::download("ziping-corrupt-draft.txt", "text/plain", &raw);
                        }
                    }))
            }
            Notice::ImportFailed(m) => N::new("span").a("data-testid", "import-error").t(m),
            Notice::SaveFailed(m) => N::new("span").t(&format!("{}：{m}", text::SAVE_FAILED)),
            Notice::Info(m) => N::new("span").t(m),
            Notice::Deleted(title) => N::new("span")
                .t(&format!("{}「{title}」 ", text::DELETED))
                .c(button(text::UNDO, |_| act(|app| app.undelete()))),
        };
        let class = match n {
            Notice::StorageDisabled => "notice warning",
            Notice::Info(_) | Notice::Deleted(_) => "notice info",
            _ => "notice error",
        };
        out = out.c(N::new("div")
            .a("class", class)
            .a("role", "status")
            .c(body)
            .c(button("×", move |_| {
                with_mut(|app| app.dismiss(&n));
                update(&[Region::Notices]);
            })
            .a("class", "close")
            .a("aria-label", text::DISMISS)));
    }
    out
}
