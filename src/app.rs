//! The page: draft bar on top, the form in the report's order, the score panel beside it.

use leptos::prelude::*;

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
    let other_tab = window_event_listener(leptos::ev::storage, move |ev: web_sys::StorageEvent| {
        if let Some(key) = ev.key() {
            ctx.other_tab_saved(&key);
        }
    });
    on_cleanup(move || other_tab.remove());
    let project = Memo::new(move |_| ctx.assessment.with(|a| a.kind == Kind::Project));
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
            <Show when=move || !project.get()><Management/></Show>
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
                    {move || {
                        let own: &[(&str, &str)] = if project.get() {
                            &[("project", text::NAV_PROJECT)]
                        } else {
                            &[("basics", text::NAV_BASICS), ("finance", text::NAV_FINANCE)]
                        };
                        let management: &[(&str, &str)] = if project.get() { &[] } else { &[("management", text::NAV_MANAGEMENT)] };
                        own.iter()
                            .chain(&[("indicators", text::NAV_INDICATORS)])
                            .chain(management)
                            .chain(&[("problems-measures", text::NAV_PROBLEMS), ("sheet", text::NAV_SHEET), ("report", text::NAV_REPORT), ("whatif", text::NAV_WHATIF), ("scheme", text::NAV_SCHEME)])
                            .map(|(id, label)| view! { <a href=format!("#{id}")>{*label}</a> })
                            .collect_view()
                    }}
                    <span class="hint">{text::DROP_HINT}</span>
                </nav>
            </header>
            <div class="layout">
                <main>{form}</main>
                <ScorePanel/>
            </div>
        </div>
    }
}
