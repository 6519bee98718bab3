//! The view layer, without a framework (Leptos and the views on it were half of a bundle
//! twice its budget, BENCHMARKS.md): the page is split into regions, each built afresh
//! from the state when its structure changes; between rebuilds only its outputs (`Out`)
//! are patched, on every keystroke. Events are caught once at the root and routed to the
//! handler an element names.

use std::cell::RefCell;
use std::rc::Rc;

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Element, Event};

use crate::build::{self, document, N};
use crate::pages;
use crate::state::{self, App, Calc};

/// The events the root listens for; an element takes one by `data-on-<event>`.
const EVENTS: [&str; 8] = [
    "click",
    "input",
    "change",
    "keydown",
    "paste",
    "toggle",
    "focusin",
    "mouseover",
];

/// What an event does.
pub type Handler = Rc<dyn Fn(&Event)>;

/// What an output shows, from the state and the engine's figures.
pub type Value = Box<dyn Fn(&App, &Calc) -> String>;

/// A live figure or state in a built region, recomputed after every change.
pub struct Out {
    el: Element,
    kind: Kind,
    last: Option<String>,
    value: Value,
    /// The part (see `part`) it was built in; 0 for none.
    part: u32,
}

/// What an output sets on its element.
#[derive(Clone, Copy)]
pub enum Kind {
    /// Its text.
    Text,
    /// Its class attribute.
    Class,
    /// Hidden when the value is empty.
    ShownIf,
    /// Disabled unless the value is empty.
    EnabledIf,
    /// Drawn by a function of its own, e.g. a field's findings under it. It draws plain
    /// elements: it runs while outputs are patched, so it cannot register handlers or
    /// outputs (an ancestor's handler reads what it draws, by attributes).
    Custom(fn(&Element, &str)),
    /// Nothing shown: when the value changes, the region is built again (for parts drawn
    /// wholly from the figures, such as the report preview).
    Rebuild(Region),
}

/// Parts of the page rebuilt on their own: the header's, the score panel, and each page
/// of the form.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Region {
    Bar,
    Notices,
    Panel,
    Basics,
    Finance,
    Indicators,
    Management,
    Problems,
    Sheet,
    Report,
    WhatIf,
    Scheme,
}

/// Every region: what opening another draft rebuilds.
pub const ALL: [Region; 12] = [
    Region::Bar,
    Region::Notices,
    Region::Panel,
    Region::Basics,
    Region::Finance,
    Region::Indicators,
    Region::Management,
    Region::Problems,
    Region::Sheet,
    Region::Report,
    Region::WhatIf,
    Region::Scheme,
];

/// The form's pages, in the report's order: every region after the header's and the panel.
pub const PAGES: &[Region] = ALL.split_at(3).1;

impl Region {
    /// Builds the region from the state.
    fn build(self) -> N {
        match self {
            Region::Bar => pages::drafts::bar(),
            Region::Notices => pages::drafts::notices(),
            Region::Panel => pages::score_panel::panel(),
            Region::Basics => pages::basics::page(),
            Region::Finance => pages::finance::page(),
            Region::Indicators => pages::indicators::page(),
            Region::Management => pages::management::page(),
            Region::Problems => pages::problems::page(),
            Region::Sheet => pages::sheet::page(),
            Region::Report => pages::report::page(),
            Region::WhatIf => pages::whatif::page(),
            Region::Scheme => pages::scheme::page(),
        }
    }
}

struct Built {
    host: Element,
    /// Its handlers, named by `data-on-<event>="<region>.<index>"`, each with its part;
    /// those of a part taken out are emptied, so the others keep their index.
    handlers: Vec<(u32, Option<Handler>)>,
    outs: Vec<Out>,
}

#[derive(Default)]
struct View {
    /// The region being built, how many handlers it had before, and what it has
    /// registered so far.
    building: usize,
    base: usize,
    handlers_now: Vec<(u32, Option<Handler>)>,
    outs_now: Vec<Out>,
    /// The part being built, and the last part number given.
    part: u32,
    parts: u32,
    regions: Vec<(Region, Built)>,
}

thread_local! {
    static VIEW: RefCell<View> = RefCell::default();
    static APP: RefCell<App> = RefCell::new(App::new());
}

/// Reads the state.
pub fn with<R>(f: impl FnOnce(&App) -> R) -> R {
    APP.with(|a| f(&a.borrow()))
}

/// Changes the state; the caller then says what to rebuild (`update`).
pub fn with_mut<R>(f: impl FnOnce(&mut App) -> R) -> R {
    APP.with(|a| f(&mut a.borrow_mut()))
}

/// Registers a handler for the element being built.
pub(crate) fn register(el: &Element, event: &str, h: Handler) {
    VIEW.with(|v| {
        let mut v = v.borrow_mut();
        let id = format!("{}.{}", v.building, v.base + v.handlers_now.len());
        let part = v.part;
        v.handlers_now.push((part, Some(h)));
        let _ = el.set_attribute(&format!("data-on-{event}"), &id);
    });
}

/// Registers an output of the element being built.
/// `built` is what the element shows as built, if that is known: it is then left alone
/// until the value differs.
pub(crate) fn register_out(el: &Element, kind: Kind, built: Option<&str>, value: Value) {
    VIEW.with(|v| {
        let mut v = v.borrow_mut();
        let part = v.part;
        v.outs_now.push(Out {
            el: el.clone(),
            kind,
            last: built.map(str::to_string),
            value,
            part,
        })
    });
}

/// Builds `region` afresh into its host, replacing what was there; folded parts that
/// were open stay open.
fn rebuild(region: Region) {
    let Some(k) = VIEW.with(|v| {
        let mut v = v.borrow_mut();
        let k = v.regions.iter().position(|(r, _)| *r == region)?;
        v.building = k;
        v.base = 0;
        Some(k)
    }) else {
        return;
    };
    let node = region.build();
    VIEW.with(|v| {
        let mut v = v.borrow_mut();
        let handlers = std::mem::take(&mut v.handlers_now);
        let outs = std::mem::take(&mut v.outs_now);
        let built = &mut v.regions[k].1;
        built.handlers = handlers;
        built.outs = outs;
        let open = build::open_details(&built.host);
        let root = build::put(&built.host, node.0);
        for out in built.outs.iter_mut() {
            if out.el == root.1 {
                out.el = root.0.clone();
            }
        }
        build::reopen_details(&built.host, &open);
    });
}

/// Where `patch` puts what it builds.
pub enum Place {
    /// At the end of this element.
    Append(Element),
    /// Instead of this element, whose outputs go with it.
    Replace(Element),
}

/// Builds a part of a region (a table row, see `part`), so that it can later be replaced
/// or taken out alone, with its handlers and outputs. Returns the element with the part's
/// number in `data-part`.
pub fn part(build: impl FnOnce() -> N) -> N {
    let (outer, id) = VIEW.with(|v| {
        let mut v = v.borrow_mut();
        v.parts += 1;
        let id = v.parts;
        (std::mem::replace(&mut v.part, id), id)
    });
    let node = build();
    VIEW.with(|v| v.borrow_mut().part = outer);
    node.a("data-part", &id.to_string())
}

/// Forgets the handlers and outputs of the part `el` holds (see `part`).
fn forget(built: &mut Built, el: &Element) {
    let Some(id) = el
        .get_attribute("data-part")
        .and_then(|p| p.parse::<u32>().ok())
    else {
        return;
    };
    built.outs.retain(|o| o.part != id);
    for (p, h) in built.handlers.iter_mut() {
        if *p == id {
            *h = None;
        }
    }
}

/// Builds a part of `region` (a table row) into it without building the rest again: a
/// 500-row table takes a new row in a millisecond, where building it whole takes a
/// quarter of a second.
pub fn patch(region: Region, place: Place, build: impl FnOnce() -> N) {
    let Some(k) = VIEW.with(|v| {
        let mut v = v.borrow_mut();
        let k = v.regions.iter().position(|(r, _)| *r == region)?;
        v.building = k;
        v.base = v.regions[k].1.handlers.len();
        Some(k)
    }) else {
        return;
    };
    let node = build();
    VIEW.with(|v| {
        let mut v = v.borrow_mut();
        let handlers = std::mem::take(&mut v.handlers_now);
        let outs = std::mem::take(&mut v.outs_now);
        let built = &mut v.regions[k].1;
        built.handlers.extend(handlers);
        match place {
            Place::Append(parent) => {
                let _ = parent.append_child(&node.0);
            }
            Place::Replace(old) => {
                forget(built, &old);
                let _ = old.replace_with_with_node_1(&node.0);
            }
        }
        built.outs.extend(outs);
    });
}

/// Takes a part (a table row, see `part`) out of `region`, with its handlers and outputs.
pub fn remove(region: Region, part: &Element) {
    VIEW.with(|v| {
        let mut v = v.borrow_mut();
        if let Some((_, built)) = v.regions.iter_mut().find(|(r, _)| *r == region) {
            forget(built, part);
        }
    });
    part.remove();
}

/// After a change: rebuilds the regions whose structure it touched, then patches every
/// output. Focus stays on the field it was in if that field is still there.
pub fn update(rebuilt: &[Region]) {
    let focused = document()
        .active_element()
        .map(|e| e.id())
        .filter(|id| !id.is_empty());
    for r in rebuilt {
        rebuild(*r);
    }
    if !rebuilt.is_empty() {
        if let Some(id) = focused {
            build::focus_quietly(&id);
        }
    }
    refresh();
}

/// Patches every output whose value changed, then rebuilds the regions drawn wholly from
/// figures that changed.
pub fn refresh() {
    let mut again = Vec::new();
    APP.with(|a| {
        let app = a.borrow();
        let calc = Calc::of(&app);
        VIEW.with(|v| {
            for (_, built) in v.borrow_mut().regions.iter_mut() {
                for out in built.outs.iter_mut() {
                    let now = (out.value)(&app, &calc);
                    if out.last.as_ref() != Some(&now) {
                        match out.kind {
                            Kind::Rebuild(r) if out.last.is_some() => again.push(r),
                            Kind::Rebuild(_) => {}
                            kind => build::apply(&out.el, kind, &now),
                        }
                        out.last = Some(now);
                    }
                }
            }
        })
    });
    if !again.is_empty() {
        update(&again);
    }
}

/// Mounts the app into `into` with a fresh state (a test mounts it more than once):
/// regions, one listener per event, and the edges (storage from other tabs, leaving the
/// page, dropped files).
pub fn mount(into: &Element) {
    APP.with(|a| *a.borrow_mut() = App::new());
    VIEW.with(|v| *v.borrow_mut() = View::default());
    let host = |r: Region| {
        let n = N::new("div");
        VIEW.with(|v| {
            v.borrow_mut().regions.push((
                r,
                Built {
                    host: n.0.clone(),
                    handlers: Vec::new(),
                    outs: Vec::new(),
                },
            ))
        });
        n
    };
    let header = N::new("header")
        .c(N::new("h1").t(crate::text::APP_TITLE))
        .c(host(Region::Bar))
        .c(host(Region::Notices))
        .c(pages::nav());
    let main = N::new("main").cs(PAGES.iter().map(|r| host(*r)).collect());
    let root = N::new("div").a("class", "app").c(header).c(N::new("div")
        .a("class", "layout")
        .c(main)
        .c(host(Region::Panel).a("class", "panel-host")));
    let _ = into.append_child(&root.0);
    for event in EVENTS {
        let name = event;
        let listener = Closure::<dyn Fn(Event)>::new(move |ev: Event| dispatch(name, &ev));
        // `toggle` does not bubble: it is caught on the way down.
        let _ = root.0.add_event_listener_with_callback_and_bool(
            event,
            listener.as_ref().unchecked_ref(),
            event == "toggle",
        );
        listener.forget();
    }
    // Files dropped anywhere on the page are imported.
    let drop = Closure::<dyn Fn(Event)>::new(|ev: Event| crate::io::dropped(&ev));
    let _ = root
        .0
        .add_event_listener_with_callback("drop", drop.as_ref().unchecked_ref());
    drop.forget();
    let over = Closure::<dyn Fn(Event)>::new(|ev: Event| ev.prevent_default());
    let _ = root
        .0
        .add_event_listener_with_callback("dragover", over.as_ref().unchecked_ref());
    over.forget();
    state::start();
    update(&ALL);
    state::listen();
}

/// Runs the handler the event's target (or its nearest ancestor) names for it; a fold's
/// `toggle`, which does not bubble, only its own.
fn dispatch(event: &str, ev: &Event) {
    let attr = format!("data-on-{event}");
    let target = ev.target().and_then(|t| t.dyn_into::<Element>().ok());
    let Some(el) = (match event {
        "toggle" => target.filter(|e| e.has_attribute(&attr)),
        _ => target.and_then(|e| e.closest(&format!("[{attr}]")).ok().flatten()),
    }) else {
        return;
    };
    let Some((region, index)) = el.get_attribute(&attr).and_then(|s| {
        let (r, i) = s.split_once('.')?;
        Some((r.parse::<usize>().ok()?, i.parse::<usize>().ok()?))
    }) else {
        return;
    };
    let h = VIEW.with(|v| {
        v.borrow()
            .regions
            .get(region)
            .and_then(|(_, b)| b.handlers.get(index).and_then(|h| h.1.clone()))
    });
    if let Some(h) = h {
        h(ev);
    }
}
