//! The draft bar: pick, create, duplicate, rename, delete (with undo), import and export;
//! and the notices about storage, other tabs and imports.

use leptos::prelude::*;

use crate::fields::focus;
use crate::io;
use crate::state::{Ctx, Notice};
use crate::storage;
use crate::text;

#[component]
pub fn DraftBar() -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let picker = NodeRef::<leptos::html::Input>::new();
    let title = Memo::new(move |_| ctx.assessment.with(|a| a.title.clone()));
    let options = move || {
        let current = ctx.draft_id.get();
        // The open draft, where storage could not keep it (full), is named all the same.
        let unstored = current
            .clone()
            .filter(|id| !ctx.drafts.with(|d| d.iter().any(|m| m.id == *id)))
            .map(|id| {
                let refused = !ctx.storage_ok.get()
                    || ctx.notices.with(|n| n.contains(&Notice::StorageFull));
                view! { <option value=id selected=true>{title.get()}{refused.then_some(text::NOT_STORED)}</option> }
            });
        let stored = ctx.drafts.with(|d| {
            d.iter()
                .map(|m| {
                    let selected = current.as_deref() == Some(m.id.as_str());
                    let mark = if m.base.is_some() { text::SCENARIO_MARK } else { "" };
                    view! { <option value=m.id.clone() selected=selected>{mark}{m.title.clone()}</option> }
                })
                .collect_view()
        });
        (unstored, stored)
    };
    view! {
        <div class="draft-bar">
            <label for="draft-select">{text::DRAFTS}</label>
            <select
                id="draft-select"
                on:change=move |ev| {
                    let id = event_target_value(&ev);
                    ctx.save_now();
                    ctx.open(&id);
                }
            >
                <Show when=move || ctx.draft_id.get().is_none()>
                    <option value="" selected=true>{text::NO_DRAFT}</option>
                </Show>
                {options}
            </select>
            <button type="button" on:click=move |_| ctx.new_blank()>{text::NEW_BLANK}</button>
            <button type="button" data-testid="new-project" on:click=move |_| ctx.new_project()>{text::NEW_PROJECT}</button>
            <button type="button" data-testid="load-sample" on:click=move |_| ctx.new_sample()>{text::LOAD_SAMPLE}</button>
            <button type="button" data-testid="new-year" title=text::NEW_YEAR_HINT
                on:click=move |_| { if let Some(id) = ctx.draft_id.get_untracked() { ctx.new_year(&id); } }
                disabled=move || ctx.draft_id.get().is_none()>{text::NEW_YEAR}</button>
            <button type="button" on:click=move |_| ctx.duplicate() disabled=move || ctx.draft_id.get().is_none()>{text::DUPLICATE}</button>
            // The draft's name is its title, edited where it is shown in 基本情况.
            <button type="button" on:click=move |_| focus("title") disabled=move || ctx.draft_id.get().is_none()>{text::RENAME}</button>
            <button type="button" on:click=move |_| ctx.delete() disabled=move || ctx.draft_id.get().is_none()>{text::DELETE}</button>
            <button type="button" data-testid="undo" title=text::UNDO_KEYS on:click=move |_| ctx.undo() disabled=move || !ctx.steps.get().0>{text::UNDO}</button>
            <button type="button" data-testid="redo" title=text::REDO_KEYS on:click=move |_| ctx.redo() disabled=move || !ctx.steps.get().1>{text::REDO}</button>
            <span class="spacer"></span>
            <button type="button" on:click=move |_| { if let Some(p) = picker.get() { p.click(); } }>{text::IMPORT}</button>
            <input
                type="file"
                accept=".json,application/json"
                multiple=true
                class="hidden"
                aria-label=text::IMPORT
                data-testid="import-input"
                node_ref=picker
                on:change=move |ev| {
                    let input = event_target::<web_sys::HtmlInputElement>(&ev);
                    if let Some(files) = input.files() {
                        io::import_files(ctx, files);
                    }
                    input.set_value("");
                }
            />
            <button type="button" data-testid="export-json" on:click=move |_| io::export_assessment(ctx)>{text::EXPORT}</button>
            <button type="button" on:click=move |_| io::export_scheme(ctx)>{text::EXPORT_SCHEME}</button>
        </div>
        <Notices/>
        <UnscoredRows/>
    }
}

/// Rows the scheme does not score (it was changed, or a file came so): said, with the one
/// step that takes them out, since their errors sit on fields the form may not show.
#[component]
fn UnscoredRows() -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let found = Memo::new(move |_| {
        ctx.assessment.with(|a| {
            let u = a.unscored();
            (u.criteria.len(), u.indicators.len(), a.scheme.name.clone())
        })
    });
    move || {
        let (criteria, indicators, scheme) = found.get();
        (criteria + indicators > 0).then(|| view! {
            <div class="notice warning" role="status" data-testid="unscored">
                <span>{text::unscored(&scheme, criteria, indicators)}" "
                    <button type="button" data-testid="remove-unscored" on:click=move |_| ctx.remove_unscored()>{text::REMOVE_UNSCORED}</button>
                </span>
            </div>
        })
    }
}

#[component]
fn Notices() -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    move || {
        ctx.notices
            .get()
            .into_iter()
            .map(|n| {
                let dismiss = {
                    let n = n.clone();
                    move |_| ctx.dismiss(&n)
                };
                let (class, body) = match &n {
                    Notice::StorageDisabled => ("notice warning", view! { <span>{text::STORAGE_DISABLED}</span> }.into_any()),
                    Notice::StorageFull => (
                        "notice error",
                        view! {
                            <span>{text::STORAGE_FULL}" "
                                <button type="button" on:click=move |_| io::export_assessment(ctx)>{text::EXPORT}</button>
                            </span>
                        }
                        .into_any(),
                    ),
                    Notice::Conflict => (
                        "notice error",
                        view! {
                            <span data-testid="conflict">{text::CONFLICT}" "
                                <button type="button" on:click=move |_| ctx.take_theirs()>{text::CONFLICT_THEIRS}</button>" "
                                <button type="button" on:click=move |_| ctx.keep_mine()>{text::CONFLICT_MINE}</button>
                            </span>
                        }
                        .into_any(),
                    ),
                    Notice::Corrupt { key, message } => {
                        let key2 = key.clone();
                        let export = move |_| {
                            let raw = storage::corrupt_entries().into_iter().find(|(k, _)| *k == key2).map(|(_, t)| t);
                            if let Some(raw) = raw {
                                io::download("ziping-corrupt-draft.txt", "text/plain", &raw);
                            }
                        };
                        (
                            "notice error",
                            view! {
                                <span data-testid="corrupt">{text::CORRUPT}"（"{key.clone()}"）："{message.clone()}" "
                                    <button type="button" on:click=export>{text::EXPORT_RAW}</button>
                                </span>
                            }
                            .into_any(),
                        )
                    }
                    Notice::ImportFailed(m) => ("notice error", view! { <span data-testid="import-error">{m.clone()}</span> }.into_any()),
                    Notice::ExportRefused(m) => ("notice error", view! { <span data-testid="export-refused">{m.clone()}</span> }.into_any()),
                    Notice::SaveFailed(m) => ("notice error", view! { <span>{text::SAVE_FAILED}"："{m.clone()}</span> }.into_any()),
                    Notice::Info(m) | Notice::Pasted(m) => ("notice info", view! { <span>{m.clone()}</span> }.into_any()),
                    Notice::Deleted(title) => (
                        "notice info",
                        view! {
                            <span>{text::DELETED}"「"{title.clone()}"」 "
                                <button type="button" on:click=move |_| ctx.undelete()>{text::UNDO}</button>
                            </span>
                        }
                        .into_any(),
                    ),
                };
                view! {
                    <div class=class role="status">
                        {body}
                        <button type="button" class="close" aria-label=text::DISMISS on:click=dismiss>"×"</button>
                    </div>
                }
            })
            .collect_view()
    }
}

/// Files dropped anywhere on the page are imported.
pub fn on_drop(ctx: Ctx, ev: web_sys::DragEvent) {
    ev.prevent_default();
    if let Some(files) = ev.data_transfer().and_then(|d| d.files()) {
        io::import_files(ctx, files);
    }
}

/// Lets the page accept a drop.
pub fn on_drag_over(ev: web_sys::DragEvent) {
    ev.prevent_default();
}
