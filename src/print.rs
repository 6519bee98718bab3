//! Printing: Ctrl+P (or a 打印 button) prints the 自评报告 or the 自评表, whichever is open
//! (the one opened last if both are, the 自评表 if neither is), on A4, with the page's
//! title, and so the suggested PDF name, as 年度 + 部门 + the document's name while it
//! prints. style/main.css lays out each from `html.print-report` or `html.print-sheet`.

use leptos::prelude::*;

use crate::state::Ctx;
use crate::text;

/// A printable document of the page.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Doc {
    Sheet,
    Report,
}

impl Doc {
    fn class(self) -> &'static str {
        match self {
            Doc::Sheet => "print-sheet",
            Doc::Report => "print-report",
        }
    }

    fn name(self) -> &'static str {
        match self {
            Doc::Sheet => text::NAV_SHEET,
            Doc::Report => text::NAV_REPORT,
        }
    }

    fn other(self) -> Doc {
        match self {
            Doc::Sheet => Doc::Report,
            Doc::Report => Doc::Sheet,
        }
    }
}

/// What the printing knows of the page, shared by context.
#[derive(Clone, Copy)]
pub struct Print {
    /// Each document's preview is open: the pages' own signals, registered as they mount.
    sheet: StoredValue<Option<RwSignal<bool>>>,
    report: StoredValue<Option<RwSignal<bool>>>,
    /// The open document opened last.
    last: StoredValue<Option<Doc>>,
    /// A 打印 button's document, which wins over what is open.
    requested: StoredValue<Option<Doc>>,
    /// While printing: the page's own title, and a preview opened only to print.
    restore: StoredValue<Option<(String, Option<Doc>)>>,
}

impl Print {
    fn new() -> Self {
        Print {
            sheet: StoredValue::new(None),
            report: StoredValue::new(None),
            last: StoredValue::new(None),
            requested: StoredValue::new(None),
            restore: StoredValue::new(None),
        }
    }

    fn slot(&self, doc: Doc) -> StoredValue<Option<RwSignal<bool>>> {
        match doc {
            Doc::Sheet => self.sheet,
            Doc::Report => self.report,
        }
    }

    fn is_open(&self, doc: Doc) -> bool {
        self.slot(doc)
            .get_value()
            .is_some_and(|s| s.get_untracked())
    }

    /// A page's preview signal, as the page mounts (anew for each draft, closed).
    pub fn register(&self, doc: Doc, open: RwSignal<bool>) {
        self.slot(doc).set_value(Some(open));
        if self.last.get_value() == Some(doc) {
            self.last.set_value(None);
        }
    }

    /// A preview was opened or closed by the user.
    pub fn toggled(&self, doc: Doc, open: bool) {
        if open {
            self.last.set_value(Some(doc));
        } else if self.last.get_value() == Some(doc) {
            let other = doc.other();
            self.last.set_value(self.is_open(other).then_some(other));
        }
    }

    /// A 打印 button: opens `doc` and prints it, once the page shows it.
    pub fn print(&self, doc: Doc) {
        self.requested.set_value(Some(doc));
        if let Some(open) = self.slot(doc).get_value() {
            open.set(true);
        }
        set_timeout(
            || {
                let _ = window().print();
            },
            std::time::Duration::from_millis(100),
        );
    }

    /// What a print now prints.
    fn target(&self) -> Doc {
        self.requested
            .get_value()
            .or(self.last.get_value())
            .or_else(|| {
                [Doc::Report, Doc::Sheet]
                    .into_iter()
                    .find(|d| self.is_open(*d))
            })
            .unwrap_or(Doc::Sheet)
    }

    fn before(&self, ctx: Ctx) {
        let doc = self.target();
        let opened = (!self.is_open(doc)).then_some(doc);
        if let Some(open) = self.slot(doc).get_value() {
            // The page renders it before it prints: the update runs in the microtasks
            // that follow this event's listeners.
            open.set(true);
        }
        let html = document().document_element();
        if let Some(html) = &html {
            let list = html.class_list();
            let _ = list.remove_2(Doc::Sheet.class(), Doc::Report.class());
            let _ = list.add_1(doc.class());
        }
        let title = ctx
            .assessment
            .with_untracked(|a| text::print_title(&a.year_label(), &a.department, doc.name()));
        if self.restore.get_value().is_none() {
            self.restore.set_value(Some((document().title(), opened)));
        }
        document().set_title(&title);
    }

    fn after(&self) {
        if let Some((title, opened)) = self.restore.get_value() {
            document().set_title(&title);
            if let Some(doc) = opened {
                if let Some(open) = self.slot(doc).get_value() {
                    open.set(false);
                }
            }
        }
        self.restore.set_value(None);
        self.requested.set_value(None);
        if let Some(html) = document().document_element() {
            let _ = html
                .class_list()
                .remove_2(Doc::Sheet.class(), Doc::Report.class());
        }
    }
}

/// Provides the printing's context and listens for the browser's print events.
pub fn provide(ctx: Ctx) -> Print {
    let print = Print::new();
    provide_context(print);
    let before = window_event_listener_untyped("beforeprint", move |_| print.before(ctx));
    let after = window_event_listener_untyped("afterprint", move |_| print.after());
    on_cleanup(move || {
        before.remove();
        after.remove();
    });
    print
}
