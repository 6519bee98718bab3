//! 汇总: a reviewer's table of many submitted files, one row each, kept apart from the
//! drafts: files or folders dropped here or picked are read, never imported.

use leptos::prelude::*;
use ziping_engine::summary::{self, Column, Filter, Flag, Shown, SummaryRow};

use crate::io::{self, Received};
use crate::text;

#[component]
pub fn SummaryPage() -> impl IntoView {
    let rows = RwSignal::new(Vec::<SummaryRow>::new());
    let order = RwSignal::new(None::<(Column, bool)>);
    let shown = RwSignal::new(Shown::All);
    let search = RwSignal::new(String::new());
    let reading = RwSignal::new(0usize);
    let status = RwSignal::new(String::new());
    let visible = Memo::new(move |_| {
        let mut all = rows.get();
        if let Some((column, descending)) = order.get() {
            summary::sort(&mut all, column, descending);
        }
        let filter = Filter {
            shown: shown.get(),
            text: search.get(),
        };
        all.retain(|r| filter.matches(r));
        all
    });
    let add = move |received: Vec<Received>| {
        let new: Vec<SummaryRow> = received
            .into_iter()
            .map(|r| match r.text {
                Some(t) => summary::read(&r.name, &t),
                None => summary::unreadable(&r.name, text::SUMMARY_NOT_READ.into()),
            })
            .collect();
        rows.update(|all| all.extend(new));
        reading.update(|n| *n = n.saturating_sub(1));
    };
    // A drop here is the summary's alone: the page's own drop would import it as a draft.
    let on_drop = move |ev: web_sys::DragEvent| {
        ev.prevent_default();
        ev.stop_propagation();
        let dropped = io::dropped(&ev);
        reading.update(|n| *n += 1);
        leptos::task::spawn_local(async move { add(io::read_dropped(dropped).await) });
    };
    let on_pick = move |ev: leptos::ev::Event| {
        let input = event_target::<web_sys::HtmlInputElement>(&ev);
        let files = input.files().map(|f| io::picked(&f)).unwrap_or_default();
        input.set_value("");
        reading.update(|n| *n += 1);
        leptos::task::spawn_local(async move { add(io::read_picked(files).await) });
    };
    let files_input = NodeRef::<leptos::html::Input>::new();
    let folder_input = NodeRef::<leptos::html::Input>::new();
    Effect::new(move |_| {
        if let Some(input) = folder_input.get() {
            input.set_webkitdirectory(true);
        }
    });
    let sort_by = move |column: Column| {
        order.update(|o| {
            *o = match *o {
                Some((c, false)) if c == column => Some((column, true)),
                _ => Some((column, false)),
            }
        })
    };
    let export_xlsx = move |_| {
        status.set(text::EXPORTING.into());
        let shown_rows = visible.get_untracked();
        leptos::task::spawn_local(async move {
            status.set(match io::export_summary_xlsx(&shown_rows).await {
                Ok(()) => format!("{}：{}", text::EXPORTED, text::EXPORT_XLSX),
                Err(e) => format!("{}：{e}", text::EXPORT_FAILED),
            });
        });
    };
    let header = move || {
        Column::ALL
            .map(|c| {
                let sorted = move || match order.get() {
                    Some((o, false)) if o == c => "ascending",
                    Some((o, true)) if o == c => "descending",
                    _ => "none",
                };
                view! {
                    <th scope="col" aria-sort=sorted>
                        <button type="button" class="link" on:click=move |_| sort_by(c)>{c.label()}</button>
                    </th>
                }
            })
            .collect_view()
    };
    let body = move || {
        visible
            .get()
            .into_iter()
            .map(|r| {
                let class = if r.flags.contains(&Flag::Unreadable) {
                    "unreadable"
                } else if r.flags.contains(&Flag::Invalid) {
                    "invalid"
                } else if !r.flags.is_empty() {
                    "flagged"
                } else {
                    ""
                };
                view! {
                    <tr class=class>
                        {Column::ALL.map(|c| view! { <td class=cell_class(c)>{c.text(&r)}</td> }).collect_view()}
                    </tr>
                }
            })
            .collect_view()
    };
    view! {
        <section id="summary" class="page">
            <h2>{text::NAV_SUMMARY}</h2>
            <p class="hint">{text::SUMMARY_HINT}</p>
            <div class="summary-drop" data-testid="summary-drop" on:drop=on_drop on:dragover=|ev: web_sys::DragEvent| { ev.prevent_default(); ev.stop_propagation(); }>
                {text::SUMMARY_DROP}
            </div>
            <div class="tools">
                <button type="button" on:click=move |_| { if let Some(i) = files_input.get() { i.click(); } }>{text::SUMMARY_PICK_FILES}</button>
                <input type="file" accept=".json,application/json" multiple=true class="hidden" aria-label=text::SUMMARY_PICK_FILES
                    data-testid="summary-files" node_ref=files_input on:change=on_pick/>
                <button type="button" on:click=move |_| { if let Some(i) = folder_input.get() { i.click(); } }>{text::SUMMARY_PICK_FOLDER}</button>
                <input type="file" multiple=true class="hidden" aria-label=text::SUMMARY_PICK_FOLDER
                    data-testid="summary-folder" node_ref=folder_input on:change=on_pick/>
                <button type="button" data-testid="summary-export-csv" on:click=move |_| io::export_summary_csv(&visible.get_untracked())>{text::EXPORT_CSV}</button>
                <button type="button" data-testid="summary-export-xlsx" on:click=export_xlsx>{text::EXPORT_XLSX}</button>
                <button type="button" data-testid="summary-clear" on:click=move |_| rows.set(Vec::new())>{text::SUMMARY_CLEAR}</button>
                <span role="status" data-testid="summary-status">{move || status.get()}</span>
            </div>
            <div class="row">
                <label>{text::SUMMARY_SHOW}
                    <select data-testid="summary-filter-flag" on:change=move |ev| shown.set(shown_from(&event_target_value(&ev)))>
                        <option value="all">{text::SUMMARY_ALL}</option>
                        <option value="flagged">{text::SUMMARY_FLAGGED}</option>
                        {Flag::ALL.iter().enumerate().map(|(i, f)| view! { <option value=i.to_string()>{f.label()}</option> }).collect_view()}
                    </select>
                </label>
                <label>{text::SUMMARY_SEARCH}
                    <input type="search" data-testid="summary-filter-text" placeholder=text::SUMMARY_SEARCH_HINT
                        on:input=move |ev| search.set(event_target_value(&ev))/>
                </label>
                <span data-testid="summary-count">
                    {move || if reading.get() > 0 {
                        text::SUMMARY_READING.to_string()
                    } else {
                        rows.with(|all| text::summary_count(visible.with(Vec::len), all.len()))
                    }}
                </span>
            </div>
            <Show when=move || rows.with(|r| !r.is_empty()) fallback=|| view! { <p class="hint">{text::SUMMARY_EMPTY}</p> }>
                <table class="summary" data-testid="summary-table">
                    <thead><tr>{header}</tr></thead>
                    <tbody>{body}</tbody>
                </table>
            </Show>
        </section>
    }
}

/// The flag filter's choice from its option value.
fn shown_from(value: &str) -> Shown {
    match value {
        "flagged" => Shown::Flagged,
        v => v
            .parse::<usize>()
            .ok()
            .and_then(|i| Flag::ALL.get(i))
            .map_or(Shown::All, |f| Shown::With(*f)),
    }
}

/// Figures align right.
fn cell_class(c: Column) -> &'static str {
    match c {
        Column::Year
        | Column::Total
        | Column::ExecutionRate
        | Column::Errors
        | Column::Warnings => "num",
        _ => "",
    }
}
