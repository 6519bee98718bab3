//! The page: draft bar on top, the form in the report's order, the score panel beside it.

use std::time::Duration;

use leptos::prelude::*;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

use crate::pages::basics::Basics;
use crate::pages::drafts::{on_drag_over, on_drop, DraftBar};
use crate::pages::finance::Finance;
use crate::pages::indicators::Indicators;
use crate::pages::management::Management;
use crate::pages::problems::Problems;
use crate::pages::project::ProjectPage;
use crate::pages::report::ReportPage;
use crate::pages::scheme::SchemeEditor;
use crate::pages::score_panel::ScorePanel;
use crate::pages::sheet::SheetPage;
use crate::pages::summary::SummaryPage;
use crate::pages::whatif::WhatIf;
use crate::state::{autosave, Ctx};
use crate::text;
use ziping_engine::model::Kind;

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
    // Ctrl+Z and Ctrl+Y (or Ctrl+Shift+Z) undo and redo the draft's changes, in a field too.
    let keys = window_event_listener(leptos::ev::keydown, move |ev: web_sys::KeyboardEvent| {
        if !(ev.ctrl_key() || ev.meta_key()) || ev.alt_key() {
            return;
        }
        match (ev.key().to_lowercase().as_str(), ev.shift_key()) {
            ("z", false) => ctx.undo(),
            ("z", true) | ("y", false) => ctx.redo(),
            _ => return,
        }
        ev.prevent_default();
    });
    let focus = window_event_listener(leptos::ev::focusin, |ev: web_sys::FocusEvent| {
        if let Some(el) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        {
            clear_of_header(&el);
        }
    });
    on_cleanup(move || {
        other_tab.remove();
        keys.remove();
        focus.remove();
    });
    let header = NodeRef::<leptos::html::Header>::new();
    header.on_load(follow_height);
    let project = Memo::new(move |_| ctx.assessment.with(|a| a.kind == Kind::Project));
    // 管理效率 is a page only where the scheme scores it (a department's, in the seed's scheme).
    let management = Memo::new(move |_| {
        ctx.assessment
            .with(|a| a.kind != Kind::Project && a.scheme.aspects().next().is_some())
    });
    // The form is drawn once the score beside it has painted: on a slow PC the score shows
    // in half the time (issue #13).
    let form_drawn = RwSignal::new(false);
    request_animation_frame(move || {
        set_timeout(
            move || {
                form_drawn.set(true);
                // The form is in the page by the next frame.
                request_animation_frame(scroll_to_hash);
            },
            Duration::ZERO,
        )
    });
    // The form is rebuilt when another draft opens, so every field starts from it; a
    // project shows its own page where a department has 基本情况, 收支 and 管理效率.
    let form = move || {
        let _ = ctx.epoch.get();
        let own = if project.get() {
            view! { <ProjectPage/> }.into_any()
        } else {
            view! { <Basics/><Finance/> }.into_any()
        };
        view! {
            {own}
            <Indicators/>
            <Show when=move || management.get()><Management/></Show>
            <Problems/>
            <SheetPage/>
            <ReportPage/>
            <WhatIf/>
            <SchemeEditor/>
        }
    };
    view! {
        <div class="app" on:drop=move |ev| on_drop(ctx, ev) on:dragover=on_drag_over>
            <header node_ref=header>
                <h1>{text::APP_TITLE}</h1>
                <DraftBar/>
                <nav aria-label=text::CONTENTS>
                    {move || {
                        let own: &[(&str, &str)] = if project.get() {
                            &[("project", text::NAV_PROJECT)]
                        } else {
                            &[("basics", text::NAV_BASICS), ("finance", text::NAV_FINANCE)]
                        };
                        let management: &[(&str, &str)] = if management.get() { &[("management", text::NAV_MANAGEMENT)] } else { &[] };
                        own.iter()
                            .chain(&[("indicators", text::NAV_INDICATORS)])
                            .chain(management)
                            .chain(&[("problems-measures", text::NAV_PROBLEMS), ("sheet", text::NAV_SHEET), ("report", text::NAV_REPORT), ("whatif", text::NAV_WHATIF), ("scheme", text::NAV_SCHEME), ("summary", text::NAV_SUMMARY)])
                            .map(|(id, label)| view! { <a href=format!("#{id}")>{*label}</a> })
                            .collect_view()
                    }}
                    <span class="hint">{text::DROP_HINT}</span>
                </nav>
            </header>
            <div class="layout">
                // Leaving a field is reaching it: an empty one is an error from then on.
                // 汇总 reads other files, never the open draft: it is kept out of the rebuild.
                <main on:focusout=move |ev| {
                    if let Some(el) = ev.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok()) {
                        ctx.reached.visit(&el.id());
                    }
                }>
                    <Show when=move || form_drawn.get()>{form}<SummaryPage/></Show>
                </main>
                <ScorePanel/>
            </div>
        </div>
    }
}

/// Keeps the page's `--header` at the sticky header's height, which its notices change, so
/// the score panel and a page scrolled to sit below the header rather than under it.
fn follow_height(header: web_sys::HtmlElement) {
    let measured = header.clone();
    let resized = Closure::<dyn FnMut()>::new(move || {
        let height = format!("{}px", measured.offset_height());
        if let Some(root) = document().document_element() {
            if let Ok(root) = root.dyn_into::<web_sys::HtmlElement>() {
                let _ = root.style().set_property("--header", &height);
            }
        }
    });
    let Ok(observer) = web_sys::ResizeObserver::new(resized.as_ref().unchecked_ref()) else {
        return;
    };
    observer.observe(&header);
    // Held until the app is unmounted (the browser tests mount it many times).
    let held = StoredValue::new_local((observer, resized));
    on_cleanup(move || held.with_value(|(observer, _)| observer.disconnect()));
}

/// Scrolls to the page the address names (`#indicators`), which was not yet drawn when the
/// browser looked for it.
fn scroll_to_hash() {
    let hash = window().location().hash().unwrap_or_default();
    if let Some(el) = hash
        .strip_prefix('#')
        .filter(|id| !id.is_empty())
        .and_then(|id| document().get_element_by_id(id))
    {
        el.scroll_into_view();
    }
}

/// Scrolls a focused element of the form out from under the sticky header (WCAG 2.4.11),
/// where the browser's own scrolling leaves it (Chromium 78 ignores scroll-padding there).
fn clear_of_header(el: &web_sys::Element) {
    if el.closest("header, .score-panel").ok().flatten().is_some() {
        return;
    }
    let Some(header) = document().query_selector("header").ok().flatten() else {
        return;
    };
    let below = header.get_bounding_client_rect().bottom();
    let top = el.get_bounding_client_rect().top();
    if top < below {
        window().scroll_by_with_x_and_y(0.0, top - below - 8.0);
    }
}
