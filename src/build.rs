//! Element builders: one plain type and a few non-generic calls, so a page costs bytes
//! for its own markup only.

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Element, Event, HtmlElement};

use crate::state::{App, Calc};
use crate::view::{register, register_out, update, with_mut, Kind, Region};

/// The page's document; the app runs only in a page.
pub fn document() -> web_sys::Document {
    web_sys::window()
        .and_then(|w| w.document())
        .expect_throw("the app runs in a page")
}

/// An element being built.
pub struct N(pub Element);

impl N {
    pub fn new(tag: &str) -> N {
        N(document()
            .create_element(tag)
            .expect_throw("a known element name"))
    }

    /// Sets an attribute.
    pub fn a(self, name: &str, value: &str) -> N {
        let _ = self.0.set_attribute(name, value);
        self
    }

    /// Sets an attribute when `on`.
    pub fn a_if(self, on: bool, name: &str, value: &str) -> N {
        if on {
            self.a(name, value)
        } else {
            self
        }
    }

    /// Appends text.
    pub fn t(self, text: &str) -> N {
        let _ = self.0.append_with_str_1(text);
        self
    }

    /// Appends a child.
    pub fn c(self, child: N) -> N {
        let _ = self.0.append_child(&child.0);
        self
    }

    /// Appends a child when there is one.
    pub fn c_opt(self, child: Option<N>) -> N {
        match child {
            Some(c) => self.c(c),
            None => self,
        }
    }

    /// Appends children.
    pub fn cs(self, children: Vec<N>) -> N {
        for c in children {
            let _ = self.0.append_child(&c.0);
        }
        self
    }

    /// Runs `h` on `event` at this element or inside it.
    pub fn on(self, event: &str, h: impl Fn(&Event) + 'static) -> N {
        register(&self.0, event, std::rc::Rc::new(h));
        self
    }

    /// Keeps `kind` of this element equal to `value`, recomputed after every change.
    pub fn out(self, kind: Kind, value: impl Fn(&App, &Calc) -> String + 'static) -> N {
        register_out(&self.0, kind, None, Box::new(value));
        self
    }

    /// The same, for an element built showing `built`: nothing is written to it until the
    /// value differs (a 500-row table has thousands of fields built with no findings).
    pub fn out_from(
        self,
        kind: Kind,
        built: &str,
        value: impl Fn(&App, &Calc) -> String + 'static,
    ) -> N {
        register_out(&self.0, kind, Some(built), Box::new(value));
        self
    }

    /// Keeps this element's text equal to `value`.
    pub fn live(self, value: impl Fn(&App, &Calc) -> String + 'static) -> N {
        self.out(Kind::Text, value)
    }

    /// Sets an input's, select's or textarea's value.
    pub fn value(self, v: &str) -> N {
        set_value(&self.0, v);
        self
    }

    /// Sets a checkbox.
    pub fn checked(self, on: bool) -> N {
        if let Some(i) = self.0.dyn_ref::<web_sys::HtmlInputElement>() {
            i.set_checked(on);
        }
        self
    }
}

/// A button that runs `h` when clicked.
pub fn button(label: &str, h: impl Fn(&Event) + 'static) -> N {
    N::new("button").a("type", "button").t(label).on("click", h)
}

/// A select with `(value, label)` options and one selected.
pub fn select(id: &str, label: &str, options: &[(&str, &str)], selected: &str) -> N {
    let mut s = N::new("select").a("id", id).a("aria-label", label);
    for (v, l) in options {
        s = s.c(N::new("option")
            .a("value", v)
            .a_if(*v == selected, "selected", "")
            .t(l));
    }
    s.value(selected)
}

/// What an output sets, applied.
pub fn apply(el: &Element, kind: Kind, v: &str) {
    match kind {
        Kind::Text => el.set_text_content(Some(v)),
        Kind::Class => {
            let _ = el.set_attribute("class", v);
        }
        Kind::ShownIf => {
            let _ = el.toggle_attribute_with_force("hidden", v.is_empty());
        }
        Kind::EnabledIf => {
            let _ = el.toggle_attribute_with_force("disabled", !v.is_empty());
        }
        Kind::Custom(draw) => draw(el, v),
        Kind::Rebuild(_) => {}
    }
}

/// The value of the element an event came from (input, select or textarea).
pub fn target_value(ev: &Event) -> String {
    ev.target()
        .and_then(|t| js_sys::Reflect::get(&t, &JsValue::from_str("value")).ok())
        .and_then(|v| v.as_string())
        .unwrap_or_default()
}

/// Whether the checkbox an event came from is checked.
pub fn target_checked(ev: &Event) -> bool {
    ev.target()
        .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
        .is_some_and(|i| i.checked())
}

/// Sets a form control's value.
pub fn set_value(el: &Element, v: &str) {
    let _ = js_sys::Reflect::set(el, &JsValue::from_str("value"), &JsValue::from_str(v));
}

/// Focuses the element with `id`, without scrolling it.
pub fn focus_quietly(id: &str) {
    if let Some(e) = document()
        .get_element_by_id(id)
        .and_then(|e| e.dyn_into::<HtmlElement>().ok())
    {
        let _ = e.focus();
    }
}

/// Focuses the field at a path and brings it into view, as a finding in the list asks.
pub fn focus(path: &str) {
    if let Some(el) = document().get_element_by_id(path) {
        el.scroll_into_view_with_bool(false);
        if let Ok(el) = el.dyn_into::<HtmlElement>() {
            let _ = el.focus();
        }
    }
}

/// The ids of the open folded parts (`details`) inside `host`.
pub fn open_details(host: &Element) -> Vec<String> {
    let mut ids = Vec::new();
    if let Ok(list) = host.query_selector_all("details[open][id]") {
        for k in 0..list.length() {
            if let Some(e) = list.item(k).and_then(|n| n.dyn_into::<Element>().ok()) {
                ids.push(e.id());
            }
        }
    }
    ids
}

/// Opens again the folded parts with these ids, after a rebuild.
pub fn reopen_details(host: &Element, ids: &[String]) {
    for id in ids {
        if let Ok(Some(e)) = host.query_selector(&format!("details[id=\"{id}\"]")) {
            let _ = e.set_attribute("open", "");
        }
    }
}

/// Puts a region's new content into its host. A root element of the same kind and id as
/// the one there (a page's section) is kept, taking the new one's attributes and children,
/// so what holds on to it (an observer, a screen reader's place) stays with the page.
/// Returns (the root in the page, the new root given).
pub fn put(host: &Element, new: Element) -> (Element, Element) {
    if let Some(old) = host.first_element_child() {
        if old.tag_name() == new.tag_name() && old.id() == new.id() {
            for name in old.get_attribute_names().iter() {
                if let Some(name) = name.as_string() {
                    let _ = old.remove_attribute(&name);
                }
            }
            for name in new.get_attribute_names().iter() {
                if let Some(name) = name.as_string() {
                    let _ = old.set_attribute(&name, &new.get_attribute(&name).unwrap_or_default());
                }
            }
            let children = document().create_document_fragment();
            while let Some(child) = new.first_child() {
                let _ = children.append_child(&child);
            }
            old.replace_children_with_node_1(&children);
            return (old, new);
        }
    }
    host.replace_children_with_node_1(&new);
    (new.clone(), new)
}

/// A fold (`details`) whose open state the state keeps in `flag`; `region`, which builds
/// the fold's content only while it is open, is built again when it opens or closes.
pub fn fold(class: &str, flag: fn(&mut App) -> &mut bool, region: Region) -> N {
    let open = with_mut(|app| *flag(app));
    N::new("details")
        .a("class", class)
        .a_if(open, "open", "")
        .on("toggle", move |ev| set_fold(flag, region, details_open(ev)))
}

/// Opens or closes a fold kept in `flag`, building `region` again if that changes it.
pub fn set_fold(flag: fn(&mut App) -> &mut bool, region: Region, open: bool) {
    if with_mut(|app| std::mem::replace(flag(app), open)) != open {
        update(&[region]);
    }
}

/// Whether the fold an event came from is open now.
pub fn details_open(ev: &Event) -> bool {
    ev.target()
        .and_then(|t| t.dyn_into::<web_sys::HtmlDetailsElement>().ok())
        .is_some_and(|d| d.open())
}
