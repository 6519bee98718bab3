//! The finance page (（四）部门整体收支情况: budget lines, the economic table, derived
//! figures, findings at each field, the total) written straight against the DOM through a
//! few web-sys calls, with no framework: what such a view layer weighs beside Leptos
//! (BENCHMARKS.md). A measuring tool, not the app.

use std::cell::RefCell;

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Document, Element, HtmlInputElement};
use ziping_engine::figures;
use ziping_engine::model::{Assessment, EconomicClass};
use ziping_engine::num::{fmt_pct, fmt_plain, parse_input, Fixed};
use ziping_engine::{paths, sample, score, validate};

thread_local! {
    /// The assessment the page edits.
    static A: RefCell<Assessment> = RefCell::new(sample::sample());
}

const LINES: [(&str, &str); 3] = [
    ("appropriation", "财政拨款收入"),
    ("other_funds", "其他资金收入"),
    ("spending", "部门整体支出"),
];
const FIGS: [(&str, &str); 4] = [
    ("initial", "年初预算数"),
    ("adjusted", "调整预算数"),
    ("actual", "决算数"),
    ("last_actual", "上年决算数"),
];

/// Every field path of the page with its label.
fn fields() -> Vec<(String, String)> {
    let mut out = Vec::new();
    for (k, l) in LINES {
        for (f, fl) in FIGS {
            out.push((format!("finance.{k}.{f}"), format!("{l}{fl}")));
        }
    }
    out.push(("finance.basic".into(), "基本支出".into()));
    out.push(("finance.project".into(), "项目支出".into()));
    for (i, c) in EconomicClass::ALL.iter().enumerate() {
        out.push((format!("finance.economic[{i}]"), c.label().into()));
    }
    out
}

/// Recomputes and returns (id, text) pairs for every output and note.
fn outputs(a: &Assessment) -> Vec<(String, String)> {
    let m = a.scheme.rounding.mode;
    let f = figures::derive(a);
    let card = score::score_figures(a);
    let mut out = vec![
        ("total".to_string(), card.total.to_string()),
        ("grade".to_string(), card.grade.label().to_string()),
        (
            "rate".to_string(),
            f.execution_rate
                .map(|r| fmt_pct(r, m))
                .unwrap_or_else(|| "—".into()),
        ),
        (
            "econ-total".to_string(),
            Fixed(f.economic_total, m).to_string(),
        ),
    ];
    for i in 0..10 {
        out.push((
            format!("share-{i}"),
            f.economic_shares
                .get(i)
                .copied()
                .flatten()
                .map(|s| format!("{s}%"))
                .unwrap_or_default(),
        ));
    }
    let findings = validate::validate(a);
    for (p, _) in fields() {
        let msg: Vec<String> = findings
            .iter()
            .filter(|x| x.paths.first() == Some(&p))
            .map(|x| x.message.clone())
            .collect();
        out.push((format!("note-{p}"), msg.join("；")));
    }
    out
}

/// The page's document; a window without one is not a page this tool runs in.
fn doc() -> Document {
    web_sys::window().unwrap().document().unwrap()
}
/// An element with its attributes and text.
fn el(tag: &str, attrs: &[(&str, &str)], text: &str) -> Element {
    let e = doc().create_element(tag).unwrap();
    for (k, v) in attrs {
        let _ = e.set_attribute(k, v);
    }
    if !text.is_empty() {
        e.set_text_content(Some(text));
    }
    e
}
/// Appends a child, as the page is built.
fn add(parent: &Element, child: &Element) {
    let _ = parent.append_child(child);
}
/// A number field bound to a path by `data-path`, with the place for its findings.
fn input(path: &str, label: &str, value: &str) -> Element {
    let td = el("td", &[], "");
    let i = el(
        "input",
        &[
            ("data-path", path),
            ("aria-label", label),
            ("inputmode", "decimal"),
            ("id", path),
        ],
        "",
    );
    i.unchecked_ref::<HtmlInputElement>().set_value(value);
    add(&td, &i);
    add(
        &td,
        &el(
            "p",
            &[("class", "note"), ("id", &format!("note-{path}"))],
            "",
        ),
    );
    td
}
/// Writes every output and note that changed.
fn refresh() {
    let d = doc();
    A.with(|a| {
        for (id, text) in outputs(&a.borrow()) {
            if let Some(e) = d.get_element_by_id(&id) {
                if e.text_content().as_deref() != Some(text.as_str()) {
                    e.set_text_content(Some(&text));
                }
            }
        }
    });
}

/// Builds the page; one listener on the section reads every field.
#[wasm_bindgen(start)]
pub fn start() {
    let root = el("section", &[("id", "finance")], "");
    add(&root, &el("h2", &[], "（四）部门整体收支情况"));
    let get = |p: &str| {
        A.with(|a| {
            paths::get(&a.borrow(), p)
                .ok()
                .flatten()
                .map(fmt_plain)
                .unwrap_or_default()
        })
    };
    let table = el("table", &[("class", "money")], "");
    let head = el("tr", &[], "");
    add(&head, &el("th", &[], ""));
    for (_, l) in FIGS {
        add(&head, &el("th", &[], l));
    }
    add(&table, &head);
    for (k, l) in LINES {
        let tr = el("tr", &[], "");
        add(&tr, &el("th", &[("scope", "row")], l));
        for (f, fl) in FIGS {
            let p = format!("finance.{k}.{f}");
            add(&tr, &input(&p, &format!("{l}{fl}"), &get(&p)));
        }
        add(&table, &tr);
    }
    add(&root, &table);
    let row = el("div", &[("class", "row")], "");
    for (p, l) in [
        ("finance.basic", "基本支出"),
        ("finance.project", "项目支出"),
    ] {
        let lab = el("label", &[], l);
        add(&lab, &input(p, l, &get(p)));
        add(&row, &lab);
    }
    add(
        &row,
        &el("output", &[("id", "rate"), ("class", "derived")], ""),
    );
    add(&root, &row);
    let econ = el("table", &[("class", "money economic")], "");
    for (i, c) in EconomicClass::ALL.iter().enumerate() {
        let tr = el("tr", &[], "");
        add(&tr, &el("th", &[("scope", "row")], c.label()));
        let p = format!("finance.economic[{i}]");
        add(&tr, &input(&p, c.label(), &get(&p)));
        add(
            &tr,
            &el(
                "output",
                &[("id", &format!("share-{i}")), ("class", "derived")],
                "",
            ),
        );
        add(&econ, &tr);
    }
    let tr = el("tr", &[("class", "total")], "");
    add(&tr, &el("th", &[], "合计"));
    add(&tr, &el("output", &[("id", "econ-total")], ""));
    add(&econ, &tr);
    add(&root, &econ);
    let panel = el("aside", &[], "");
    add(&panel, &el("output", &[("id", "total")], ""));
    add(&panel, &el("output", &[("id", "grade")], ""));
    add(&root, &panel);
    let on_input = Closure::<dyn Fn(web_sys::Event)>::new(|ev: web_sys::Event| {
        let Some(t) = ev
            .target()
            .and_then(|t| t.dyn_into::<HtmlInputElement>().ok())
        else {
            return;
        };
        let Some(path) = t.get_attribute("data-path") else {
            return;
        };
        let text = t.value();
        A.with(|a| {
            let v = if text.trim().is_empty() {
                Ok(None)
            } else {
                parse_input(&text).map(Some)
            };
            if let Ok(v) = v {
                let _ = paths::set(&mut a.borrow_mut(), &path, v);
            }
        });
        refresh();
    });
    let _ = root.add_event_listener_with_callback("input", on_input.as_ref().unchecked_ref());
    on_input.forget();
    let _ = doc().body().unwrap().append_child(&root);
    refresh();
}
