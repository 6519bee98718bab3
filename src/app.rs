//! The page: draft bar on top, the form in the report's order, the score panel beside it.

use leptos::prelude::*;

use crate::pages::basics::Basics;
use crate::pages::drafts::{on_drag_over, on_drop, DraftBar};
use crate::pages::finance::Finance;
use crate::pages::indicators::Indicators;
use crate::pages::management::Management;
use crate::pages::problems::Problems;
use crate::pages::report::ReportPage;
use crate::pages::scheme::SchemeEditor;
use crate::pages::score_panel::ScorePanel;
use crate::pages::sheet::SheetPage;
use crate::pages::whatif::WhatIf;
use crate::state::{autosave, Ctx};
use crate::text;

#[component]
pub fn App() -> impl IntoView {
    let ctx = Ctx::new();
    provide_context(ctx);
    ctx.start();
    ctx.route_findings();
    autosave(ctx);
    crate::print::provide(ctx);
    let other_tab = window_event_listener(leptos::ev::storage, move |ev: web_sys::StorageEvent| {
        if let Some(key) = ev.key() {
            ctx.other_tab_saved(&key);
        }
    });
    on_cleanup(move || other_tab.remove());
    // The form is rebuilt when another draft opens, so every field starts from it.
    let form = move || {
        let _ = ctx.epoch.get();
        view! {
            <Basics/>
            <Finance/>
            <Indicators/>
            <Management/>
            <Problems/>
            <SheetPage/>
            <ReportPage/>
            <WhatIf/>
            <SchemeEditor/>
        }
    };
    view! {
        <div class="app" on:drop=move |ev| on_drop(ctx, ev) on:dragover=on_drag_over>
            <header>
                <h1>{text::APP_TITLE}</h1>
                <DraftBar/>
                <nav aria-label=text::CONTENTS>
                    {[("basics", text::NAV_BASICS), ("finance", text::NAV_FINANCE), ("indicators", text::NAV_INDICATORS),
                      ("management", text::NAV_MANAGEMENT), ("problems-measures", text::NAV_PROBLEMS), ("sheet", text::NAV_SHEET), ("report", text::NAV_REPORT), ("whatif", text::NAV_WHATIF), ("scheme", text::NAV_SCHEME)]
                        .map(|(id, label)| view! { <a href=format!("#{id}")>{label}</a> })}
                    <span class="hint">{text::DROP_HINT}</span>
                </nav>
            </header>
            <div class="layout">
                // Leaving a field is reaching it: an empty one is an error from then on.
                <main on:focusout=move |ev| {
                    if let Some(el) = ev.target().and_then(|t| wasm_bindgen::JsCast::dyn_into::<web_sys::Element>(t).ok()) {
                        ctx.reached.visit(&el.id());
                    }
                }>{form}</main>
                <ScorePanel/>
            </div>
        </div>
    }
}
