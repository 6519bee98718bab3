//! Input fields bound to the assessment: numbers that keep what the user types, text and
//! paragraphs, with the findings about each field shown at the field.

use std::rc::Rc;

use rust_decimal::Decimal;
use wasm_bindgen::JsCast;
use web_sys::Event;
use ziping_engine::map::Map;
use ziping_engine::model::Assessment;
use ziping_engine::num::{fmt_plain, parse_input, ParseError};
use ziping_engine::paths::Field;
use ziping_engine::validate::Severity;

use crate::build::{document, target_value, N};
use crate::state::{edit, App, Calc};
use crate::text;
use crate::view::{refresh, with, with_mut, Kind};

/// Where a field sits in a table, so Enter can move down a column.
#[derive(Clone, Copy)]
pub struct Cell {
    pub grid: &'static str,
    pub row: usize,
    pub col: usize,
}

/// Writes a figure into the assessment.
pub type Setter = Rc<dyn Fn(&mut Assessment, Option<Decimal>)>;

/// A number input bound to a field path (`ziping_engine::paths`).
pub fn number(path: &str, label: &str, cell: Option<Cell>) -> N {
    let field = Field::parse(path);
    let value = with(|app| field.and_then(|f| f.get(&app.assessment)).flatten());
    let set: Setter = Rc::new(move |a, v| {
        if let Some(f) = field {
            f.set(a, v);
        }
    });
    number_with(path, label, value, set, cell)
}

/// A number input over any figure, e.g. a scheme's points; `id` keys the kept text. What
/// is typed stays as typed ("1.", "1,234.56", "９９．３%"); text that is not a number is
/// kept and reported, never silently changed.
pub fn number_with(
    id: &str,
    label: &str,
    value: Option<Decimal>,
    set: Setter,
    cell: Option<Cell>,
) -> N {
    let shown = with(|app| shown(app, id, value));
    let key = id.to_string();
    let input = N::new("input")
        .a("id", id)
        .a("type", "text")
        .a("inputmode", "decimal")
        .a("autocomplete", "off")
        .a("aria-label", label)
        .a("class", "num")
        .a("data-class", "num")
        .value(&shown)
        .on("input", move |ev| typed(&key, &target_value(ev), &set));
    let key = id.to_string();
    let input = at_cell(input, cell).on("focusin", move |_| {
        let moved = with_mut(|app| app.last_field.replace(key.clone())) != Some(key.clone());
        if moved {
            refresh();
        }
    });
    field(id, label, input)
}

/// What a number field at `id` over `value` shows: what was typed, if it still means the
/// figure (or is no number at all), else the figure.
pub fn shown(app: &App, id: &str, value: Option<Decimal>) -> String {
    match app.raw.get(id) {
        Some(t) if means(t, value) => t.clone(),
        _ => value.map(fmt_plain).unwrap_or_default(),
    }
}

/// Whether typed text stands for `value`: then a rebuild keeps it as typed.
fn means(typed: &str, value: Option<Decimal>) -> bool {
    match parse_input(typed) {
        Ok(d) => Some(d) == value,
        Err(ParseError::Empty) => value.is_none(),
        Err(_) => true,
    }
}

/// A keystroke in a number field: the text is kept unless it prints as its figure, and
/// the figure changes if the text is one.
fn typed(id: &str, value: &str, set: &Setter) {
    let parsed = parse_input(value);
    edit(&[], |app| {
        let canonical = parsed
            .as_ref()
            .ok()
            .map(|v| fmt_plain(*v))
            .unwrap_or_default();
        if value != canonical {
            app.raw.insert(id.to_string(), value.to_string());
        } else {
            app.raw.remove(id);
        }
        match parsed {
            Ok(v) => set(&mut app.assessment, Some(v)),
            Err(ParseError::Empty) => set(&mut app.assessment, None),
            Err(_) => {}
        }
    });
}

/// A one-line text input bound to a string of the assessment.
pub fn text_input(
    id: &str,
    label: &str,
    value: &str,
    set: impl Fn(&mut Assessment, String) + 'static,
    cell: Option<Cell>,
) -> N {
    let input = N::new("input")
        .a("id", id)
        .a("type", "text")
        .a("aria-label", label)
        .value(value)
        .on("input", move |ev| {
            let v = target_value(ev);
            edit(&[], |app| set(&mut app.assessment, v));
        });
    field(id, label, at_cell(input, cell))
}

/// A text area of one paragraph, bound to a string of the assessment.
pub fn text_area(
    id: &str,
    label: &str,
    value: &str,
    set: impl Fn(&mut Assessment, String) + 'static,
) -> N {
    let area = N::new("textarea")
        .a("id", id)
        .a("aria-label", label)
        .a("rows", "1")
        .value(value)
        .on("input", move |ev| {
            let v = target_value(ev);
            edit(&[], |app| set(&mut app.assessment, v));
        });
    field(id, label, area)
}

/// Paragraphs, one per line, bound to a list of strings; blank lines are kept as typed.
pub fn paragraphs(
    id: &str,
    label: &str,
    value: &[String],
    set: impl Fn(&mut Assessment) -> &mut Vec<String> + 'static,
) -> Vec<N> {
    vec![
        N::new("label")
            .a("class", "block")
            .a("for", id)
            .t(label)
            .c(N::new("small").t(text::PARAGRAPH_HINT)),
        N::new("textarea")
            .a("id", id)
            .a("rows", "5")
            .value(&value.join("\n"))
            .on("input", move |ev| {
                let v = target_value(ev);
                edit(&[], |app| {
                    *set(&mut app.assessment) = v.split('\n').map(str::to_string).collect()
                });
            }),
    ]
}

/// A control in its wrapper, which shows the findings about `id` under it. It is built
/// clean: no class from findings, no notes.
fn field(id: &str, label: &str, control: N) -> N {
    let (id, label) = (id.to_string(), label.to_string());
    N::new("span").a("class", "field").c(control).out_from(
        Kind::Custom(show_notes),
        CLEAN,
        move |app, calc| field_state(app, calc, &id, &label),
    )
}

/// The state of a field with no findings and no typing error (see `field_state`).
const CLEAN: &str = "-";

/// The findings shown at a path that has no control of its own; empty, it takes no room.
pub fn notes(id: &str) -> N {
    let id = id.to_string();
    N::new("span").a("class", "notes").out_from(
        Kind::Custom(show_notes),
        CLEAN,
        move |app, calc| field_state(app, calc, &id, ""),
    )
}

/// A field's state for `show_notes`: its class (`e`, `w` or `-`), then a line
/// for its own typing error (`O`) and for each finding that starts at it (`E`, `W`).
fn field_state(app: &App, calc: &Calc, id: &str, label: &str) -> String {
    let own = app.raw.get(id).and_then(|t| problem(label, t));
    let notes = calc.notes.get(id).map(Vec::as_slice).unwrap_or_default();
    let class = if own.is_some() || notes.iter().any(|n| n.0 == Severity::Error) {
        'e'
    } else if notes.is_empty() {
        '-'
    } else {
        'w'
    };
    let mut out = class.to_string();
    if let Some(m) = own {
        out.push_str("\nO");
        out.push_str(&m);
    }
    for (severity, message, first) in notes {
        if *first {
            out.push_str(if *severity == Severity::Error {
                "\nE"
            } else {
                "\nW"
            });
            out.push_str(message);
        }
    }
    out
}

/// Applies a `field_state` to a field's wrapper: the control's class and the notes.
pub fn show_notes(wrapper: &web_sys::Element, state: &str) {
    let mut lines = state.split('\n');
    let class = match lines.next() {
        Some("e") => "has-error",
        Some("w") => "has-warning",
        _ => "",
    };
    let children = wrapper.children();
    let control = wrapper
        .first_element_child()
        .filter(|c| c.tag_name() != "P");
    let keep = usize::from(control.is_some());
    if let Some(c) = &control {
        let base = c.get_attribute("data-class").unwrap_or_default();
        let _ = c.set_attribute("class", format!("{base} {class}").trim());
    }
    while children.length() as usize > keep {
        if let Some(last) = wrapper.last_element_child() {
            last.remove();
        }
    }
    for line in lines {
        let (class, role, message) = match line.split_at_checked(1) {
            Some(("O", m)) => ("note error", "alert", m),
            Some(("E", m)) => ("note error", "note", m),
            Some((_, m)) => ("note warning", "note", m),
            None => continue,
        };
        let _ = wrapper.append_child(&N::new("p").a("class", class).a("role", role).t(message).0);
    }
}

/// What is wrong with a typed figure, if anything.
fn problem(label: &str, typed: &str) -> Option<String> {
    match parse_input(typed) {
        Ok(_) | Err(ParseError::Empty) => None,
        Err(ParseError::TooLarge) => Some(text::too_large(label, typed)),
        Err(ParseError::NotANumber) => Some(text::not_a_number(label, typed)),
    }
}

/// Marks a control's place in a table for `enter_moves_down`.
fn at_cell(n: N, cell: Option<Cell>) -> N {
    match cell {
        Some(c) => n
            .a("data-grid", c.grid)
            .a("data-row", &c.row.to_string())
            .a("data-col", &c.col.to_string()),
        None => n,
    }
}

/// Enter in a table cell moves to the same column of the next row, as in a spreadsheet.
pub fn enter_moves_down(ev: &Event) {
    let Some(key) = ev.dyn_ref::<web_sys::KeyboardEvent>() else {
        return;
    };
    if key.key() != "Enter" || key.shift_key() {
        return;
    }
    let Some(input) = ev
        .target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
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
pub fn pasted_block(ev: &Event) -> Option<String> {
    let data = ev
        .dyn_ref::<web_sys::ClipboardEvent>()?
        .clipboard_data()?
        .get_data("text/plain")
        .ok()?;
    if !ziping_engine::tsv::is_block(&data) {
        return None;
    }
    ev.prevent_default();
    Some(data)
}

/// The table row of the cell an event came from.
pub fn target_row(ev: &Event) -> Option<usize> {
    ev.target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .and_then(|e| e.get_attribute("data-row"))
        .and_then(|r| r.parse().ok())
}

/// Moves kept number-field texts with their rows: `map(old) = new`, or `None` if gone.
pub fn remap_rows(raw: &mut Map<String>, prefix: &str, map: impl Fn(usize) -> Option<usize>) {
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
