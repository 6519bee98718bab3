//! The app's state as a plain struct: the open draft, what the user typed, the draft list
//! and the notices, with the draft actions. The engine's figures for it are `Calc`,
//! computed once per change. Persistence is at the edge: a save a moment after the last
//! edit, and at once when the page is left.

use std::cell::{Cell, OnceCell, RefCell};

use rust_decimal::Decimal;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use ziping_engine::figures::{self, Figures};
use ziping_engine::map::Map;
use ziping_engine::model::Assessment;
use ziping_engine::paths::{self, Row};
use ziping_engine::report::{self, Report};
use ziping_engine::score::{self, ScoreCard};
use ziping_engine::validate::{self, Finding, Severity};
use ziping_engine::{sample, schemes, whatif};

use crate::storage::{self, DraftMeta, LoadError, SaveError};
use crate::text;
use crate::view::{update, with, with_mut, Region, ALL};

/// Something the user must be told about, shown as a banner.
#[derive(Debug, Clone, PartialEq)]
pub enum Notice {
    StorageDisabled,
    StorageFull,
    /// Another tab saved the open draft.
    Conflict,
    Corrupt {
        key: String,
        message: String,
    },
    ImportFailed(String),
    Info(String),
    Deleted(String),
    SaveFailed(String),
}

/// Everything the pages read and the actions change.
pub struct App {
    pub assessment: Assessment,
    /// Number-field texts that are not written as their figure prints, by field path:
    /// kept, never lost.
    pub raw: Map<String>,
    pub draft_id: Option<String>,
    /// For a scenario, the draft it was copied from.
    pub base: Option<String>,
    /// The number field the user was last in, for goal seek.
    pub last_field: Option<String>,
    /// The stored revision this tab last saw of the open draft.
    pub rev: u64,
    pub drafts: Vec<DraftMeta>,
    pub notices: Vec<Notice>,
    pub storage_ok: bool,
    /// Autosave is paused while another tab's save is unresolved.
    pub paused: bool,
    /// Score-panel sections showing their formulas.
    pub open_sections: Vec<usize>,
    /// Whether the quick what-if sliders are open.
    pub quick_open: bool,
    /// Quick what-if moves, by field path: (percent of the base figure, the figure).
    pub quick: Vec<(String, Decimal, Decimal)>,
    /// Whether the score sheet's and the report's previews are open.
    pub sheet_open: bool,
    pub report_open: bool,
    /// The generated paragraph being reworded, by its key.
    pub editing: Option<String>,
    /// What the last export or copy said, by the page that started it (`sheet`, `report`).
    pub status: Vec<(&'static str, String)>,
    /// Exports under way, by their button.
    pub busy: Vec<&'static str>,
    /// The name the next scenario gets.
    pub scenario_name: String,
    /// Goal seek's goal, and its last answer.
    pub goal: String,
    pub seek: Option<Result<whatif::Seek, String>>,
    /// The sensitivity table, once asked for.
    pub sensitivity: Option<Vec<whatif::Sensitivity>>,
    /// Stored drafts already decoded, by id, with the save time they were decoded at.
    pub loaded: RefCell<Vec<(String, u64, Assessment)>>,
    /// Whether an edit is waiting to be saved.
    pending: bool,
}

/// What the engine computes from the open assessment, once per change.
pub struct Calc {
    pub card: ScoreCard,
    pub findings: Vec<Finding>,
    pub figures: Figures,
    /// Each field's findings: (severity, message, whether the field is the first path).
    pub notes: Map<Vec<(Severity, String, bool)>>,
    /// The card with every formula in words, written only if something shows one.
    full: OnceCell<ScoreCard>,
    /// Each row's score, indicators and criteria, for the rows that show one.
    scores: OnceCell<(Vec<String>, Vec<String>)>,
    /// The report, written only while its preview is open.
    report: OnceCell<Report>,
}

impl Calc {
    pub fn of(app: &App) -> Calc {
        let a = &app.assessment;
        let findings = validate::validate(a);
        let mut notes: Map<Vec<(Severity, String, bool)>> = Map::new();
        for f in &findings {
            for (k, p) in f.paths.iter().enumerate() {
                let note = (f.severity, f.message.clone(), k == 0);
                match notes.get_mut(p) {
                    Some(list) => list.push(note),
                    None => {
                        notes.insert(p.clone(), vec![note]);
                    }
                }
            }
        }
        Calc {
            card: score::score_figures(a),
            figures: figures::derive(a),
            findings,
            notes,
            full: OnceCell::new(),
            scores: OnceCell::new(),
            report: OnceCell::new(),
        }
    }

    /// The score of a row (`Row::Indicator(3)`), as shown.
    pub fn row_score(&self, row: Row) -> String {
        let (indicators, criteria) = self.scores.get_or_init(|| {
            let (mut indicators, mut criteria) = (Vec::new(), Vec::new());
            for item in self.card.items() {
                let (list, i) = match paths::row(&item.path) {
                    Some(Row::Indicator(i)) => (&mut indicators, i),
                    Some(Row::Criterion(i)) => (&mut criteria, i),
                    None => continue,
                };
                if list.len() <= i {
                    list.resize(i + 1, String::new());
                }
                list[i] = item.score.to_string();
            }
            (indicators, criteria)
        });
        let (list, i) = match row {
            Row::Indicator(i) => (indicators, i),
            Row::Criterion(i) => (criteria, i),
        };
        list.get(i).cloned().unwrap_or_default()
    }

    /// The report of the assessment this was computed from.
    pub fn report(&self, app: &App) -> &Report {
        self.report.get_or_init(|| report::report(&app.assessment))
    }

    /// The full card, formulas included, of the assessment this was computed from.
    pub fn full(&self, app: &App) -> &ScoreCard {
        self.full.get_or_init(|| score::score(&app.assessment))
    }
}

impl Default for App {
    fn default() -> Self {
        Self::new()
    }
}

impl App {
    pub fn new() -> Self {
        App {
            assessment: Assessment::new(schemes::guangzhou_departmental()),
            raw: Map::new(),
            draft_id: None,
            base: None,
            last_field: None,
            rev: 0,
            drafts: Vec::new(),
            notices: Vec::new(),
            storage_ok: true,
            paused: false,
            open_sections: Vec::new(),
            quick_open: false,
            quick: Vec::new(),
            sheet_open: false,
            report_open: false,
            editing: None,
            status: Vec::new(),
            busy: Vec::new(),
            scenario_name: text::SCENARIO_DEFAULT.to_string(),
            goal: "total>=95".to_string(),
            seek: None,
            sensitivity: None,
            loaded: RefCell::new(Vec::new()),
            pending: false,
        }
    }

    /// The open assessment with the quick what-if moves applied.
    pub fn trial(&self) -> Assessment {
        let mut b = self.assessment.clone();
        for (path, _, v) in &self.quick {
            let _ = ziping_engine::paths::set(&mut b, path, Some(*v));
        }
        b
    }

    /// A quick what-if move: (percent of the base figure, the figure).
    pub fn quick_move(&self, path: &str) -> Option<(Decimal, Decimal)> {
        self.quick.iter().find(|m| m.0 == path).map(|m| (m.1, m.2))
    }

    /// What the last export or copy of `page` said.
    pub fn status_of(&self, page: &str) -> String {
        self.status
            .iter()
            .find(|s| s.0 == page)
            .map(|s| s.1.clone())
            .unwrap_or_default()
    }

    pub fn set_status(&mut self, page: &'static str, said: String) {
        self.status.retain(|s| s.0 != page);
        self.status.push((page, said));
    }

    pub fn notify(&mut self, n: Notice) {
        if !self.notices.contains(&n) {
            self.notices.push(n);
        }
    }

    pub fn dismiss(&mut self, n: &Notice) {
        self.notices.retain(|x| x != n);
    }

    /// Opens a stored draft; a corrupt one is reported and kept aside.
    pub fn open(&mut self, id: &str) {
        match storage::load(id) {
            Ok(d) => {
                self.assessment = d.assessment;
                self.raw = d.raw;
                self.base = d.base;
                self.rev = d.rev;
                self.draft_id = Some(d.id);
                self.paused = false;
                self.dismiss(&Notice::Conflict);
                storage::set_current(id);
            }
            Err(LoadError::Corrupt { kept_as, message }) => {
                self.notify(Notice::Corrupt {
                    key: kept_as,
                    message,
                });
                self.drafts = storage::list();
            }
            Err(LoadError::Missing | LoadError::Unavailable) => {}
        }
    }

    /// Makes `a` a new draft and opens it.
    pub fn create(&mut self, a: Assessment) {
        self.create_linked(a, None, Map::new());
    }

    /// Makes `a` a what-if scenario of the open draft (or of its base) and opens it.
    pub fn create_scenario(&mut self, mut a: Assessment, name: &str) {
        let base = self.base.clone().or_else(|| self.draft_id.clone());
        a.title = format!("{}{name}", text::SCENARIO_PREFIX);
        self.save_now();
        self.create_linked(a, base, Map::new());
    }

    fn create_linked(&mut self, a: Assessment, base: Option<String>, raw: Map<String>) {
        let id = new_id();
        self.assessment = a;
        self.base = base;
        self.raw = raw;
        self.rev = storage::stored_rev(&id);
        self.draft_id = Some(id.clone());
        self.paused = false;
        self.save_now();
        storage::set_current(&id);
    }

    pub fn new_blank(&mut self) {
        let mut a = Assessment::new(schemes::guangzhou_departmental());
        a.title = text::UNTITLED.to_string();
        self.create(a);
    }

    pub fn new_sample(&mut self) {
        self.create(sample::sample());
    }

    pub fn duplicate(&mut self) {
        let mut a = self.assessment.clone();
        a.title = text::copy_of(&a.title);
        let (raw, base) = (self.raw.clone(), self.base.clone());
        self.create_linked(a, base, raw);
    }

    /// Deletes the open draft; it can be brought back with `undelete`.
    pub fn delete(&mut self) {
        let Some(id) = self.draft_id.clone() else {
            return;
        };
        if self.storage_ok {
            if let Err(e) = storage::delete(&id) {
                self.storage_failed(e);
                return;
            }
        }
        let title = self.assessment.title.clone();
        self.draft_id = None;
        self.drafts = storage::list();
        self.notify(Notice::Deleted(title));
        match self.drafts.first().map(|m| m.id.clone()) {
            Some(next) => self.open(&next),
            None => {
                self.assessment = Assessment::new(schemes::guangzhou_departmental());
                self.raw.clear();
            }
        }
    }

    pub fn undelete(&mut self) {
        if let Some(id) = storage::undelete() {
            self.drafts = storage::list();
            self.open(&id);
        }
        self.notices.retain(|n| !matches!(n, Notice::Deleted(_)));
    }

    /// Saves the open draft now, unless paused by another tab's save.
    pub fn save_now(&mut self) {
        self.pending = false;
        let Some(id) = self.draft_id.clone() else {
            return;
        };
        if self.paused || !self.storage_ok {
            return;
        }
        let draft = storage::Draft {
            id,
            rev: self.rev,
            assessment: self.assessment.clone(),
            raw: self.raw.clone(),
            base: self.base.clone(),
        };
        match storage::save(&draft, draft.rev) {
            Ok(rev) => {
                self.rev = rev;
                self.dismiss(&Notice::StorageFull);
                self.drafts = storage::list();
            }
            Err(e) => self.storage_failed(e),
        }
    }

    /// Says why a write to storage failed; the data stays in memory either way.
    pub fn storage_failed(&mut self, e: SaveError) {
        match e {
            SaveError::Full => self.notify(Notice::StorageFull),
            SaveError::Unavailable => {
                self.storage_ok = false;
                self.notify(Notice::StorageDisabled);
            }
            SaveError::Conflict(_) => {
                self.paused = true;
                self.notify(Notice::Conflict);
            }
            SaveError::Other(m) => self.notify(Notice::SaveFailed(m)),
        }
    }

    /// Another tab saved a draft: if it is ours, stop and ask.
    pub fn other_tab_saved(&mut self, key: &str) {
        let Some(id) = self.draft_id.clone() else {
            return;
        };
        if storage::is_rev_key(key, &id) && storage::stored_rev(&id) != self.rev {
            self.paused = true;
            self.notify(Notice::Conflict);
        }
        self.drafts = storage::list();
    }

    /// Resolves a conflict by taking the other tab's version.
    pub fn take_theirs(&mut self) {
        if let Some(id) = self.draft_id.clone() {
            self.open(&id);
        }
    }

    /// Resolves a conflict by keeping this tab's text as a new draft.
    pub fn keep_mine(&mut self) {
        self.dismiss(&Notice::Conflict);
        self.duplicate();
    }
}

/// Runs a draft action (open, create, delete, …) and rebuilds the page for its result.
pub fn act(f: impl FnOnce(&mut App)) {
    with_mut(f);
    update(&ALL);
}

/// Changes the assessment as the user asked, schedules a save, and rebuilds `regions`
/// (none for a keystroke: its outputs are patched).
pub fn edit(regions: &[Region], f: impl FnOnce(&mut App)) {
    with_mut(|app| {
        f(app);
        app.pending = true;
    });
    schedule_save();
    update(regions);
}

/// Tells the user something, rebuilding only the notices.
pub fn notify(n: Notice) {
    with_mut(|app| app.notify(n));
    update(&[Region::Notices]);
}

thread_local! {
    /// The timer of the save waiting for typing to pause.
    static TIMER: Cell<Option<i32>> = const { Cell::new(None) };
    /// Whether the window's listeners are in place.
    static LISTENING: Cell<bool> = const { Cell::new(false) };
}

/// Saves a moment after the last edit, so typing is never slowed by storage.
fn schedule_save() {
    let window = web_sys::window().expect_throw("the app runs in a window");
    if let Some(t) = TIMER.with(Cell::take) {
        window.clear_timeout_with_handle(t);
    }
    let save = Closure::once_into_js(|| {
        TIMER.with(|t| t.set(None));
        flush();
    });
    if let Ok(t) =
        window.set_timeout_with_callback_and_timeout_and_arguments_0(save.unchecked_ref(), 250)
    {
        TIMER.with(|c| c.set(Some(t)));
    }
}

/// Saves what is waiting; the notices and draft list show the outcome.
fn flush() {
    let pending = with(|app| app.pending);
    if pending {
        with_mut(App::save_now);
        update(&[Region::Bar, Region::Notices]);
    }
}

/// Starts up: checks storage, reports corrupt entries, opens the last draft.
pub fn start() {
    with_mut(|app| {
        if !storage::available() {
            app.storage_ok = false;
            app.notify(Notice::StorageDisabled);
            return;
        }
        for (key, _) in storage::corrupt_entries() {
            app.notify(Notice::Corrupt {
                key,
                message: text::CORRUPT.to_string(),
            });
        }
        app.drafts = storage::list();
        let last = storage::current().or_else(|| app.drafts.first().map(|m| m.id.clone()));
        if let Some(id) = last {
            app.open(&id);
        }
    });
}

/// Listens at the edges, once: another tab's saves, and the page being left (saves at
/// once).
pub fn listen() {
    if LISTENING.with(|l| l.replace(true)) {
        return;
    }
    let window = web_sys::window().expect_throw("the app runs in a window");
    let storage_event =
        Closure::<dyn Fn(web_sys::StorageEvent)>::new(|ev: web_sys::StorageEvent| {
            if let Some(key) = ev.key() {
                with_mut(|app| app.other_tab_saved(&key));
                update(&[Region::Bar, Region::Notices]);
            }
        });
    let _ =
        window.add_event_listener_with_callback("storage", storage_event.as_ref().unchecked_ref());
    storage_event.forget();
    let leave = Closure::<dyn Fn()>::new(flush);
    let _ = window.add_event_listener_with_callback("pagehide", leave.as_ref().unchecked_ref());
    leave.forget();
}

fn new_id() -> String {
    let now = js_sys::Date::now() as u64;
    let salt = (js_sys::Math::random() * 1_000_000.0) as u64;
    format!("{now:x}-{salt:x}")
}
