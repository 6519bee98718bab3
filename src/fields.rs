//! Input fields bound to the assessment: numbers that keep what the user types, text and
//! paragraphs, with the findings about each field shown at the field.

use std::collections::BTreeMap;

use leptos::prelude::*;
use rust_decimal::Decimal;
use wasm_bindgen::JsCast;
use ziping_engine::model::Assessment;
use ziping_engine::num::{fmt_plain, parse_input, ParseError};
use ziping_engine::paths::Field;
use ziping_engine::validate::Severity;

use crate::state::Ctx;
use crate::text;

/// The findings shown at a field: the message only where the finding's first path is
/// this field, so a relation between many fields is said once. The path is a signal: a
/// row's fields follow the row when it moves.
pub fn notes(path: impl Into<Signal<String>>) -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let path = path.into();
    move || {
        ctx.field_notes(&path.get()).with(|notes| {
            notes
                .iter()
                .filter(|n| n.first)
                .map(|n| {
                    let class = match n.severity {
                        Severity::Error => "note error",
                        Severity::Warning => "note warning",
                    };
                    view! { <p class=class role="note">{n.message.clone()}</p> }
                })
                .collect_view()
        })
    }
}

/// The CSS class of a field from the findings that name it.
pub fn state_class(
    path: impl Into<Signal<String>>,
) -> impl Fn() -> &'static str + Send + Sync + Copy + 'static {
    let ctx = expect_context::<Ctx>();
    let path = path.into();
    move || {
        ctx.field_notes(&path.get()).with(|notes| {
            if notes.iter().any(|n| n.severity == Severity::Error) {
                "has-error"
            } else if notes.is_empty() {
                ""
            } else {
                "has-warning"
            }
        })
    }
}

/// Where a field sits in a table, so Enter can move down a column; the row is a signal,
/// as a row can move.
#[derive(Clone, Copy)]
pub struct Cell {
    pub grid: &'static str,
    pub row: Signal<usize>,
    pub col: usize,
}

impl Cell {
    pub fn at(grid: &'static str, row: impl Into<Signal<usize>>, col: usize) -> Cell {
        Cell {
            grid,
            row: row.into(),
            col,
        }
    }
}

/// Reads a figure, tracking the signals it reads from.
pub type Getter = std::sync::Arc<dyn Fn() -> Option<Decimal> + Send + Sync>;
/// Writes a figure into the assessment.
pub type Setter = std::sync::Arc<dyn Fn(&mut Assessment, Option<Decimal>) + Send + Sync>;

/// A number input bound to a field path. What is typed stays as typed ("1.", "1,234.56",
/// "９９．３%"); text that is not a number is kept and reported, never silently changed.
#[component]
pub fn NumberInput(
    #[prop(into)] path: Signal<String>,
    #[prop(into)] label: Signal<String>,
    #[prop(optional)] cell: Option<Cell>,
    #[prop(optional)] on_paste: Option<Callback<(String, web_sys::ClipboardEvent)>>,
    /// Where the figure is read from, if not from the path: a table row's own memo, so a
    /// change to the rows wakes each row once rather than every field of every row.
    #[prop(optional)]
    get: Option<Getter>,
) -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let field = Memo::new(move |_| path.with(|p| Field::parse(p)));
    let get: Getter = get.unwrap_or_else(|| {
        std::sync::Arc::new(move || {
            let f = field.get();
            ctx.assessment.with(|a| f.and_then(|f| f.get(a)).flatten())
        })
    });
    let set: Setter = std::sync::Arc::new(move |a, v| {
        if let Some(f) = field.get_untracked() {
            f.set(a, v);
        }
    });
    number(path, label, get, set, cell, on_paste)
}

/// A number input over any figure, e.g. a scheme's points; `id` keys the kept text.
pub fn number(
    id: Signal<String>,
    label: Signal<String>,
    get: Getter,
    set: Setter,
    cell: Option<Cell>,
    on_paste: Option<Callback<(String, web_sys::ClipboardEvent)>>,
) -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let model = Memo::new(move |_| get());
    let kept = ctx
        .raw
        .with_untracked(|r| r.get(&id.get_untracked()).cloned());
    let typed = RwSignal::new(
        kept.unwrap_or_else(|| model.get_untracked().map(fmt_plain).unwrap_or_default()),
    );
    // What is wrong with the typed text, named with the field's label as it is now (a row
    // that moves is named by its new place).
    let own_error = Memo::new(move |_| typed.with(|t| problem(&label.get(), t)));
    // The figure as this field last left it: text that is no number leaves it blank (or
    // 0, for a scheme's figure), and stays as typed until the figure changes elsewhere.
    let written = StoredValue::new(model.get_untracked());
    // A change from elsewhere (a paste, a what-if) shows in the field, unless what is
    // typed already means that figure.
    Effect::new(move |_| {
        let v = model.get();
        let now = typed.get_untracked();
        let same = match parse_input(&now) {
            Ok(d) => Some(d) == v,
            // A blank stays where the figure cannot be blank (a row's 分值 keeps 0).
            Err(ParseError::Empty) => v.is_none() || v == written.get_value(),
            Err(_) => v == written.get_value(),
        };
        if !same {
            typed.set(v.map(fmt_plain).unwrap_or_default());
            let key = id.get_untracked();
            if ctx.raw.with_untracked(|r| r.contains_key(&key)) {
                ctx.raw.update(|r| {
                    r.remove(&key);
                });
            }
        }
    });
    let on_input = move |ev: leptos::ev::Event| {
        let (id, value) = (id.get_untracked(), event_target_value(&ev));
        typed.set(value.clone());
        let parsed = parse_input(&value);
        // Text that is no number counts as blank, never as the figure typed before it.
        ctx.edit(|a| set(a, parsed.as_ref().ok().copied()));
        ctx.sync_row(&id);
        let figure = model.get_untracked();
        // Text that is not written as the figure prints ("1.", "1,234", "99.3%", or no
        // number at all) is kept, so a reload shows exactly what was typed; so is a blank
        // where the figure cannot be blank.
        let canonical = parsed
            .as_ref()
            .ok()
            .map(|v| fmt_plain(*v))
            .unwrap_or_default();
        let keep = value != canonical || (value.trim().is_empty() && figure.is_some());
        if keep {
            ctx.raw.update(|r| {
                r.insert(id, value.clone());
            });
        } else if ctx.raw.with_untracked(|r| r.contains_key(&id)) {
            ctx.raw.update(|r| {
                r.remove(&id);
            });
        }
        written.set_value(figure);
    };
    let on_paste_ev = move |ev: web_sys::ClipboardEvent| {
        if let Some(cb) = on_paste {
            cb.run((id.get_untracked(), ev));
        }
    };
    let class = state_class(id);
    view! {
        <span class="field">
            <input
                id=id
                type="text"
                inputmode="decimal"
                autocomplete="off"
                aria-label=label
                aria-invalid=move || (own_error.get().is_some() || class() == "has-error").then_some("true")
                aria-describedby=move || messages_id(&id.get())
                class=move || format!("num {} {}", class(), if own_error.get().is_some() { "has-error" } else { "" })
                data-grid=cell.map(|c| c.grid)
                data-row=move || cell.map(|c| c.row.get())
                data-col=cell.map(|c| c.col)
                prop:value=move || typed.get()
                on:input=on_input
                on:paste=on_paste_ev
                on:focus=move |_| ctx.last_field.set(Some(id.get_untracked()))
            />
            <span class="messages" id=move || messages_id(&id.get())>
                {move || own_error.get().map(|m| view! { <p class="note error" role="alert">{m}</p> })}
                {notes(id)}
            </span>
        </span>
    }
}

/// The id of the element holding a field's messages, which its input is described by.
fn messages_id(path: &str) -> String {
    format!("{path}.messages")
}

/// What is wrong with a typed figure, if anything.
fn problem(label: &str, typed: &str) -> Option<String> {
    match parse_input(typed) {
        Ok(_) | Err(ParseError::Empty) => None,
        Err(ParseError::TooLarge) => Some(text::too_large(label, typed)),
        Err(e) => Some(text::not_a_number(label, typed, &e)),
    }
}

/// A one-line text input bound to a string of the assessment.
pub fn text_input(
    id: impl Into<Signal<String>>,
    label: &'static str,
    get: impl Fn(&Assessment) -> String + Send + Sync + 'static,
    set: impl Fn(&mut Assessment, String) + Send + Sync + 'static,
    cell: Option<Cell>,
) -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let id = id.into();
    let class = state_class(id);
    view! {
        <span class="field">
            <input
                id=id
                type="text"
                aria-label=label
                aria-invalid=move || (class() == "has-error").then_some("true")
                aria-describedby=move || messages_id(&id.get())
                class=class
                data-grid=cell.map(|c| c.grid)
                data-row=move || cell.map(|c| c.row.get())
                data-col=cell.map(|c| c.col)
                prop:value=move || ctx.assessment.with(&get)
                on:input=move |ev| {
                    let v = event_target_value(&ev);
                    ctx.edit(|a| set(a, v));
                }
            />
            <span class="messages" id=move || messages_id(&id.get())>{notes(id)}</span>
        </span>
    }
}

/// Paragraphs, one per line, bound to a list of strings; blank lines are kept as typed.
pub fn paragraphs(
    id: &'static str,
    label: &'static str,
    get: impl Fn(&Assessment) -> &Vec<String> + Send + Sync + 'static,
    set: impl Fn(&mut Assessment) -> &mut Vec<String> + Send + Sync + 'static,
) -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    view! {
        <label class="block" for=id>{label}<small>{text::PARAGRAPH_HINT}</small></label>
        <textarea
            id=id
            rows="5"
            prop:value=move || ctx.assessment.with(|a| get(a).join("\n"))
            on:input=move |ev| {
                let v = event_target_value(&ev);
                ctx.edit(|a| *set(a) = v.split('\n').map(str::to_string).collect());
            }
        ></textarea>
    }
}

/// Enter in a table cell moves to the same column of the next row, as in a spreadsheet.
pub fn enter_moves_down(ev: web_sys::KeyboardEvent) {
    if ev.key() != "Enter" || ev.shift_key() {
        return;
    }
    let Some(input) = ev
        .target()
        .and_then(|t| t.dyn_into::<web_sys::HtmlElement>().ok())
    else {
        return;
    };
    let (Some(grid), Some(row), Some(col)) = (
        input.get_attribute("data-grid"),
        input
            .get_attribute("data-row")
            .and_then(|r| r.parse::<usize>().ok()),
        input.get_attribute("data-col"),
    ) else {
        return;
    };
    if grid.is_empty() {
        return;
    }
    let selector = format!(
        "[data-grid=\"{grid}\"][data-row=\"{}\"][data-col=\"{col}\"]",
        row + 1
    );
    if let Ok(Some(next)) = document().query_selector(&selector) {
        if let Ok(next) = next.dyn_into::<web_sys::HtmlElement>() {
            ev.prevent_default();
            let _ = next.focus();
        }
    }
}

/// The text of a block pasted from a spreadsheet, taking the paste over; `None` for an
/// ordinary paste of one value, which the field handles itself.
pub fn pasted_block(ev: &web_sys::ClipboardEvent) -> Option<String> {
    let data = ev.clipboard_data()?.get_data("text/plain").ok()?;
    if !ziping_engine::tsv::is_block(&data) {
        return None;
    }
    ev.prevent_default();
    Some(data)
}

/// Whether the fold a `toggle` event came from is open now.
pub fn details_open(ev: &web_sys::Event) -> bool {
    ev.target()
        .and_then(|t| t.dyn_into::<web_sys::HtmlDetailsElement>().ok())
        .is_some_and(|d| d.open())
}

/// Keeps the focus where it is across a change that moves elements: a keyed row moved
/// in the page loses the focus it held.
pub fn keep_focus() {
    let Some(el) = document()
        .active_element()
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    else {
        return;
    };
    // After the page has been updated, which Leptos does in a task of its own.
    set_timeout(
        move || {
            // Only if the change took it: not where the focus has since gone on purpose.
            let lost = document()
                .active_element()
                .is_none_or(|a| a.tag_name().eq_ignore_ascii_case("body"));
            if el.is_connected() && lost {
                // Where it is: the page is not scrolled to it (the user may have scrolled away).
                let options = web_sys::FocusOptions::new();
                options.set_prevent_scroll(true);
                let _ = el.focus_with_options(&options);
            }
        },
        std::time::Duration::ZERO,
    );
}

/// Focuses the field at a path, as a finding in the list asks.
pub fn focus(path: &str) {
    if let Some(el) = document().get_element_by_id(path) {
        // Centred, so the message under the field shows too (at the bottom edge it did not).
        let centre = web_sys::ScrollIntoViewOptions::new();
        centre.set_block(web_sys::ScrollLogicalPosition::Center);
        el.scroll_into_view_with_scroll_into_view_options(&centre);
        if let Ok(el) = el.dyn_into::<web_sys::HtmlElement>() {
            let still = web_sys::FocusOptions::new();
            still.set_prevent_scroll(true);
            let _ = el.focus_with_options(&still);
        }
    }
}

/// Moves kept number-field texts with their rows: `map(old) = new`, or `None` if gone.
pub fn remap_rows(
    raw: &mut BTreeMap<String, String>,
    prefix: &str,
    map: impl Fn(usize) -> Option<usize>,
) {
    let moved: Vec<(String, String)> = std::mem::take(raw).into_iter().collect();
    for (k, v) in moved {
        let row = k
            .strip_prefix(prefix)
            .and_then(|rest| rest.split_once(']'))
            .and_then(|(n, tail)| n.parse::<usize>().ok().map(|n| (n, tail.to_string())));
        match row {
            Some((n, tail)) => {
                if let Some(m) = map(n) {
                    raw.insert(format!("{prefix}{m}]{tail}"), v);
                }
            }
            None => {
                raw.insert(k, v);
            }
        }
    }
}

/// The row map after row `i` is removed, for `remap_rows`.
pub fn after_removing(i: usize) -> impl Fn(usize) -> Option<usize> {
    move |n| match n.cmp(&i) {
        std::cmp::Ordering::Less => Some(n),
        std::cmp::Ordering::Equal => None,
        std::cmp::Ordering::Greater => Some(n - 1),
    }
}
