//! The app's state: the open draft in signals, what the engine computes from it as
//! memos, and the draft actions. Persistence is an effect at the edge (see `autosave`).

use std::collections::{BTreeMap, HashMap};
use std::time::Duration;

use leptos::prelude::*;
use rust_decimal::Decimal;
use ziping_engine::figures::{self, Figures};
use ziping_engine::model::{retain_places, Assessment, Indicator};
use ziping_engine::score::{self, ScoreCard};
use ziping_engine::validate::{self, Finding, Severity};
use ziping_engine::{next_year, paths, sample, schemes};

use crate::drawn::Drawn;
use crate::fields::{after_removing, remap_rows};
use crate::history::History;
use crate::reached::Reached;
use crate::storage::{self, DraftMeta, LoadError, SaveError};
use crate::text;

/// A finding as one field shows it.
#[derive(Debug, Clone, PartialEq)]
pub struct FieldNote {
    pub severity: Severity,
    pub message: String,
    /// Whether this field is the finding's first path, where its message is shown.
    pub first: bool,
}

/// Something the user must be told about, shown as a banner.
#[derive(Debug, Clone, PartialEq)]
pub enum Notice {
    StorageDisabled,
    StorageFull,
    /// Another tab saved a newer version of the open draft, which is now shown; this
    /// tab's version can still be kept as a copy.
    Conflict,
    Corrupt {
        key: String,
        message: String,
    },
    ImportFailed(String),
    /// An export waits for figures that are not numbers to be corrected.
    ExportRefused(String),
    Info(String),
    /// What a paste wrote over: true of the step it names, so an undo or redo takes it away.
    Pasted(String),
    Deleted(String),
    SaveFailed(String),
}

/// Everything the components share, passed by context.
#[derive(Clone, Copy)]
pub struct Ctx {
    pub assessment: RwSignal<Assessment>,
    /// Number-field texts that are not numbers (yet), by field path: kept, never lost.
    pub raw: RwSignal<BTreeMap<String, String>>,
    pub draft_id: RwSignal<Option<String>>,
    /// For a scenario, the draft it was copied from.
    pub base: RwSignal<Option<String>>,
    /// The number field the user was last in, for goal seek.
    pub last_field: RwSignal<Option<String>>,
    /// The stored revision this tab last saw of the open draft.
    pub rev: RwSignal<u64>,
    pub drafts: RwSignal<Vec<DraftMeta>>,
    pub notices: RwSignal<Vec<Notice>>,
    pub storage_ok: RwSignal<bool>,
    /// Edits not yet stored: while there are, this tab's version is the newest.
    pub dirty: RwSignal<bool>,
    /// This tab's version of the open draft after another tab's newer one replaced it,
    /// kept until the user keeps it as a copy or lets it go.
    superseded: StoredValue<Option<(Assessment, BTreeMap<String, String>)>>,
    /// Undo and redo of the open draft's changes.
    history: StoredValue<History>,
    /// Whether there is a step to undo, and one to redo, for the buttons.
    pub steps: RwSignal<(bool, bool)>,
    /// Bumped by every edit, so autosave runs once per change.
    pub edits: RwSignal<u64>,
    /// Bumped when a draft is opened or created, so the form is built afresh from it.
    pub epoch: RwSignal<u64>,
    /// The live score card, figures only; formulas come from `formula` or a full score.
    pub card: Memo<ScoreCard>,
    pub findings: Memo<Vec<Finding>>,
    /// Each field's findings, in a signal of its own: a change wakes only the fields it
    /// touches, not every field of a 500-row table (see `route_findings`).
    notes: StoredValue<HashMap<String, ArcRwSignal<Vec<FieldNote>>>>,
    pub figures: Memo<Figures>,
    /// Each indicator's score on the live card, by row.
    indicator_scores: Memo<Vec<Option<Decimal>>>,
    /// A key per indicator row, for the keyed table: a row keeps its key, and with it its
    /// elements, when rows around it are added, moved or removed. Only the table reads it.
    pub indicator_keys: RwSignal<Vec<u64>>,
    /// Each drawn indicator row's own signals, by key (see `IndicatorRow`).
    indicator_rows: StoredValue<HashMap<u64, IndicatorRow>>,
    /// Which indicator rows are drawn: a long table only around the screen.
    pub indicators_drawn: Drawn,
    /// Likewise a key per management criterion.
    pub criterion_keys: RwSignal<Vec<u64>>,
    /// Which empty fields the user has reached, so the others count as 未填, not errors.
    pub reached: Reached,
}

/// One indicator row in signals of its own, set only when they differ: an edit wakes the
/// row it changes, a move the rows whose place changed, and no row reads the whole list.
#[derive(Clone)]
pub struct IndicatorRow {
    /// The row's place, which its fields' paths follow.
    pub index: ArcRwSignal<usize>,
    pub indicator: ArcRwSignal<Option<Indicator>>,
    /// Its score on the live card.
    pub score: ArcRwSignal<Option<Decimal>>,
}

impl IndicatorRow {
    /// Brings the row's signals to its place `i` and what the assessment and card hold there.
    fn follow(&self, i: usize, indicator: Option<&Indicator>, score: Option<Decimal>) {
        if self.index.get_untracked() != i {
            self.index.set(i);
        }
        if self.indicator.with_untracked(|x| x.as_ref() != indicator) {
            self.indicator.set(indicator.cloned());
        }
        if self.score.get_untracked() != score {
            self.score.set(score);
        }
    }
}

/// Each indicator's score on a card, by row.
fn indicator_scores(card: &ScoreCard, rows: usize) -> Vec<Option<Decimal>> {
    let mut out = vec![None; rows];
    for item in card.items() {
        if let Some(paths::Row::Indicator(i)) = paths::row(&item.path) {
            if let Some(s) = out.get_mut(i) {
                *s = Some(item.score);
            }
        }
    }
    out
}

/// Keys for a keyed table of `len()` rows. Row actions move keys with their rows; rows that
/// come without one (a paste, an import) get keys of their own here.
fn row_keys(len: impl Fn() -> usize + Send + Sync + 'static) -> RwSignal<Vec<u64>> {
    let keys = RwSignal::new(Vec::new());
    Effect::new(move |_| {
        let n = len();
        if keys.with_untracked(Vec::len) != n {
            keys.update(|k| {
                k.truncate(n);
                k.resize_with(n, row_key);
            });
        }
    });
    keys
}

/// The place of the row with `key` among `keys`; a row being taken out keeps its last place
/// until it is gone.
pub fn row_index(keys: RwSignal<Vec<u64>>, key: u64) -> Memo<usize> {
    Memo::new(move |last: Option<&usize>| {
        keys.with(|k| k.iter().position(|x| *x == key))
            .or(last.copied())
            .unwrap_or_default()
    })
}

/// A key no row has had before.
pub fn row_key() -> u64 {
    use std::sync::atomic::{AtomicU64, Ordering};
    static NEXT: AtomicU64 = AtomicU64::new(0);
    NEXT.fetch_add(1, Ordering::Relaxed)
}

impl Ctx {
    pub fn new() -> Self {
        let assessment = RwSignal::new(blank());
        let card = Memo::new(move |_| assessment.with(score::score_figures));
        let raw = RwSignal::new(BTreeMap::new());
        // A typed text that is no number is an error like any other (its figure counts as blank).
        let findings =
            Memo::new(move |_| raw.with(|r| assessment.with(|a| validate::validate_typed(a, r))));
        let figures = Memo::new(move |_| assessment.with(figures::derive));
        let indicator_scores = Memo::new(move |_| {
            card.with(|c| indicator_scores(c, assessment.with(|a| a.indicators.len())))
        });
        // Rows that come without a row action (a paste, an import) get keys of their own.
        let indicator_keys = row_keys(move || assessment.with(|a| a.indicators.len()));
        let criterion_keys = row_keys(move || assessment.with(|a| a.criteria.len()));
        let indicator_rows = StoredValue::new(HashMap::<u64, IndicatorRow>::new());
        // Each drawn row follows its place, its indicator and its score; rows gone are let go.
        Effect::new(move |_| {
            let rows = indicator_rows.with_value(|m| {
                indicator_keys.with(|keys| {
                    keys.iter()
                        .enumerate()
                        .filter_map(|(i, k)| m.get(k).map(|r| (i, r.clone())))
                        .collect::<Vec<_>>()
                })
            });
            assessment.with(|a| {
                indicator_scores.with(|scores| {
                    for (i, r) in &rows {
                        r.follow(*i, a.indicators.get(*i), scores.get(*i).copied().flatten());
                    }
                })
            });
            if indicator_rows.with_value(HashMap::len) > rows.len() {
                let live: HashMap<u64, IndicatorRow> = indicator_keys.with_untracked(|keys| {
                    indicator_rows.with_value(|m| {
                        keys.iter()
                            .filter_map(|k| m.get(k).map(|r| (*k, r.clone())))
                            .collect()
                    })
                });
                indicator_rows.set_value(live);
            }
        });
        Ctx {
            assessment,
            raw,
            draft_id: RwSignal::new(None),
            base: RwSignal::new(None),
            last_field: RwSignal::new(None),
            rev: RwSignal::new(0),
            drafts: RwSignal::new(Vec::new()),
            notices: RwSignal::new(Vec::new()),
            storage_ok: RwSignal::new(true),
            dirty: RwSignal::new(false),
            superseded: StoredValue::new(None),
            history: StoredValue::new(History::default()),
            steps: RwSignal::new((false, false)),
            edits: RwSignal::new(0),
            epoch: RwSignal::new(0),
            card,
            findings,
            notes: StoredValue::new(HashMap::new()),
            figures,
            indicator_scores,
            indicator_keys,
            indicator_rows,
            indicators_drawn: Drawn::new(),
            criterion_keys,
            reached: Reached::new(),
        }
    }

    /// The signals of the indicator row with `key`, made when the row is first drawn and
    /// brought up to date when it is drawn again (another draft opened).
    pub fn indicator_row(&self, key: u64) -> IndicatorRow {
        let i = self
            .indicator_keys
            .with_untracked(|k| k.iter().position(|x| *x == key))
            .unwrap_or_default();
        let score = self
            .indicator_scores
            .with_untracked(|s| s.get(i).copied().flatten());
        let existing = self.indicator_rows.with_value(|m| m.get(&key).cloned());
        self.assessment.with_untracked(|a| {
            let indicator = a.indicators.get(i);
            match existing {
                Some(r) => {
                    r.follow(i, indicator, score);
                    r
                }
                None => {
                    let r = IndicatorRow {
                        index: ArcRwSignal::new(i),
                        indicator: ArcRwSignal::new(indicator.cloned()),
                        score: ArcRwSignal::new(score),
                    };
                    self.indicator_rows.update_value(|m| {
                        m.insert(key, r.clone());
                    });
                    r
                }
            }
        })
    }

    /// Lets go of a row's signals when the row is no longer drawn (scrolled out of a long
    /// table), unless it has been drawn again since.
    pub fn let_go_row(&self, key: u64, row: &IndicatorRow) {
        self.indicator_rows.update_value(|m| {
            if m.get(&key).is_some_and(|r| r.index == row.index) {
                m.remove(&key);
            }
        });
    }

    /// The indicator of drawn row `i`, in the row's own signal.
    pub fn indicator_at(&self, i: usize) -> Option<ArcRwSignal<Option<Indicator>>> {
        let key = self.indicator_keys.with_untracked(|k| k.get(i).copied())?;
        self.indicator_rows
            .with_value(|m| m.get(&key).map(|r| r.indicator.clone()))
    }

    /// Brings the drawn indicator row of a field's path up to date at once, as the rows'
    /// effect would a moment later: the field then reads back what it has just written.
    pub fn sync_row(&self, path: &str) {
        let Some(paths::Row::Indicator(i)) = path.split('.').next().and_then(paths::row) else {
            return;
        };
        if let Some(row) = self.indicator_at(i) {
            let now = self
                .assessment
                .with_untracked(|a| a.indicators.get(i).cloned());
            if row.with_untracked(|x| *x != now) {
                row.set(now);
            }
        }
    }

    /// Focuses a field, drawing its indicator row first where a long table has it out of
    /// view.
    pub fn focus(&self, path: &str) {
        // The row is the path's first step (`indicators[2]` of `indicators[2].name`), read
        // as `rule_editor::read_rule` reads it.
        let row = match path.split('.').next().and_then(paths::row) {
            Some(paths::Row::Indicator(i)) => Some(i),
            _ => None,
        };
        if row.is_some_and(|i| self.indicators_drawn.reveal(i)) {
            let path = path.to_string();
            // After the page has been updated, which Leptos does in a task of its own.
            set_timeout(move || crate::fields::focus(&path), Duration::ZERO);
        } else {
            crate::fields::focus(path);
        }
    }

    /// An item's formula in words, written on demand: the live card carries none.
    pub fn formula(&self, path: &str) -> String {
        self.assessment.with_untracked(|a| {
            score::score(a)
                .items()
                .find(|i| i.path == path)
                .map(|i| i.formula.clone())
                .unwrap_or_default()
        })
    }

    /// The signal holding a field's findings. It is reference-counted, not owned by the
    /// field, so it outlives a form rebuilt for another draft.
    pub fn field_notes(&self, path: &str) -> ArcRwSignal<Vec<FieldNote>> {
        if let Some(s) = self.notes.with_value(|m| m.get(path).cloned()) {
            return s;
        }
        let s = ArcRwSignal::new(
            self.findings
                .with_untracked(|f| notes_for(f, path, |f| self.reached.pending_untracked(f))),
        );
        self.notes.update_value(|m| {
            m.insert(path.to_string(), s.clone());
        });
        s
    }

    /// Sends each field its findings, touching only the fields whose findings changed.
    pub fn route_findings(&self) {
        let ctx = *self;
        let last = StoredValue::new(HashMap::<String, Vec<FieldNote>>::new());
        Effect::new(move |_| {
            let now: HashMap<String, Vec<FieldNote>> = ctx.findings.with(|list| {
                let mut map: HashMap<String, Vec<FieldNote>> = HashMap::new();
                for f in list
                    .iter()
                    .filter(|f| shown_at_field(f) && !ctx.reached.pending(f))
                {
                    for (k, p) in f.paths.iter().enumerate() {
                        map.entry(p.clone()).or_default().push(FieldNote {
                            severity: f.severity,
                            message: f.message.clone(),
                            first: k == 0,
                        });
                    }
                }
                map
            });
            last.with_value(|old| {
                for path in old.keys().chain(now.keys()) {
                    let new = now.get(path).cloned().unwrap_or_default();
                    if old.get(path) != Some(&new) {
                        if let Some(s) = ctx.notes.with_value(|m| m.get(path).cloned()) {
                            s.set(new);
                        }
                    }
                }
            });
            last.set_value(now);
        });
    }

    /// Changes the assessment as the user asked, and schedules a save.
    pub fn edit(&self, f: impl FnOnce(&mut Assessment)) {
        self.ensure_draft();
        self.remember();
        self.assessment.update(|a| {
            // A title the user never typed follows the department (or project) and year.
            let follows = text::is_own_title(a).then(|| a.title.clone());
            f(a);
            if follows.is_some_and(|before| before == a.title) {
                a.title = text::own_title(a);
            }
        });
        self.edited();
    }

    /// Changes the kept texts of number fields, and schedules a save.
    pub fn edit_raw(&self, f: impl FnOnce(&mut BTreeMap<String, String>)) {
        self.ensure_draft();
        self.remember();
        self.raw.update(f);
        self.edited();
    }

    /// Records the draft before a change, as a step to undo. Typing into one field (the
    /// element in focus) is one step until a pause.
    fn remember(&self) {
        let what = document()
            .active_element()
            .map(|e| e.id())
            .unwrap_or_default();
        let (a, raw) = (self.assessment, self.raw);
        self.history.update_value(|h| {
            h.record(
                || (a.get_untracked(), raw.get_untracked()),
                &what,
                js_sys::Date::now(),
            )
        });
        self.show_steps();
    }

    fn show_steps(&self) {
        let steps = self.history.with_value(|h| (h.can_undo(), h.can_redo()));
        if self.steps.get_untracked() != steps {
            self.steps.set(steps);
        }
    }

    /// Takes the open draft one step back.
    pub fn undo(&self) {
        let now = (self.assessment.get_untracked(), self.raw.get_untracked());
        let back = self.history.try_update_value(|h| h.undo(now)).flatten();
        self.restore(back);
    }

    /// Takes the open draft one step forward again.
    pub fn redo(&self) {
        let now = (self.assessment.get_untracked(), self.raw.get_untracked());
        let forward = self.history.try_update_value(|h| h.redo(now)).flatten();
        self.restore(forward);
    }

    /// Shows a step's draft: the form is built afresh from it, kept texts included.
    fn restore(&self, step: Option<(Assessment, BTreeMap<String, String>)>) {
        let Some((a, raw)) = step else {
            return;
        };
        let pasted = |n: &Notice| matches!(n, Notice::Pasted(_));
        if self.notices.with_untracked(|l| l.iter().any(pasted)) {
            self.notices.update(|l| l.retain(|n| !pasted(n)));
        }
        self.assessment.set(a);
        self.raw.set(raw);
        self.epoch.update(|e| *e += 1);
        self.show_steps();
        self.edited();
    }

    /// A draft opened or made anew starts with no steps.
    fn forget_steps(&self) {
        self.history.set_value(History::default());
        self.show_steps();
    }

    fn edited(&self) {
        self.dirty.set(true);
        self.edits.update(|n| *n += 1);
    }

    /// The first edit with no draft open makes the form a draft, so autosave keeps it.
    fn ensure_draft(&self) {
        if self.draft_id.with_untracked(Option::is_some) {
            return;
        }
        let id = new_id();
        self.rev.set(storage::stored_rev(&id));
        self.base.set(None);
        self.draft_id.set(Some(id));
        self.assessment.update(|a| {
            if a.title.trim().is_empty() {
                a.title = text::UNTITLED.to_string();
            }
        });
    }

    /// Takes row `i` out of a keyed table (`prefix` is its paths' start, `indicators[`):
    /// the row, its key, and the texts kept for its fields, the rows after it moving up.
    /// The focus then goes to the row that took its place, or the one before, or else to the
    /// element `when_none` (the table's add button).
    pub fn remove_row<T>(
        &self,
        rows: impl FnOnce(&mut Assessment) -> &mut Vec<T>,
        keys: RwSignal<Vec<u64>>,
        prefix: &str,
        i: usize,
        when_none: &'static str,
    ) {
        self.edit(|a| {
            let rows = rows(a);
            if i < rows.len() {
                rows.remove(i);
            }
        });
        keys.update(|k| {
            if i < k.len() {
                k.remove(i);
            }
        });
        self.raw
            .update(|r| remap_rows(r, prefix, after_removing(i)));
        // Not to the page's body, where a keyboard user would have to start over.
        let left = keys.with_untracked(Vec::len);
        let row = if i < left { Some(i) } else { i.checked_sub(1) };
        let target = row.map_or(when_none.to_string(), |n| format!("{prefix}{n}].name"));
        let ctx = *self;
        set_timeout(move || ctx.focus(&target), Duration::ZERO);
    }

    /// Takes out, as one step to undo, the criteria and indicators the scheme does not score
    /// (`Assessment::unscored`), with their keys and kept texts.
    pub fn remove_unscored(&self) {
        let gone = self.assessment.with_untracked(Assessment::unscored);
        if gone.is_empty() {
            return;
        }
        self.edit(|a| {
            a.remove_unscored();
        });
        for (keys, prefix, places) in [
            (self.criterion_keys, "criteria[", &gone.criteria),
            (self.indicator_keys, "indicators[", &gone.indicators),
        ] {
            keys.update(|k| retain_places(k, places));
            let map = |n: usize| {
                (!places.contains(&n)).then(|| n - places.iter().filter(|&&p| p < n).count())
            };
            self.raw.update(|r| remap_rows(r, prefix, map));
        }
    }

    pub fn notify(&self, n: Notice) {
        self.notices.update(|list| {
            if !list.contains(&n) {
                list.push(n);
            }
        });
    }

    pub fn dismiss(&self, n: &Notice) {
        self.notices.update(|list| list.retain(|x| x != n));
    }

    /// Starts up: checks storage, reports corrupt entries, opens the last draft.
    pub fn start(&self) {
        match storage::access() {
            storage::Access::Writable => {}
            // Full is no reason to hide the drafts it holds: they open, and the notice says
            // that new edits stay in the page only.
            storage::Access::Full => self.notify(Notice::StorageFull),
            storage::Access::Unavailable => {
                self.storage_ok.set(false);
                self.notify(Notice::StorageDisabled);
                return;
            }
        }
        for (key, _) in storage::corrupt_entries() {
            self.notify(Notice::Corrupt {
                key,
                message: text::CORRUPT.to_string(),
            });
        }
        self.drafts.set(storage::list());
        // The last draft open, else the newest that opens: every stored draft is reachable.
        let mut candidates: Vec<String> = storage::current().into_iter().collect();
        candidates.extend(
            self.drafts
                .with_untracked(|d| d.iter().map(|m| m.id.clone()).collect::<Vec<_>>()),
        );
        for id in candidates {
            if self.open(&id) {
                break;
            }
        }
    }

    /// Opens a stored draft, and says whether it could; a corrupt one is reported and
    /// kept aside.
    pub fn open(&self, id: &str) -> bool {
        match storage::load(id) {
            Ok(d) => {
                self.assessment.set(d.assessment);
                self.raw.set(d.raw);
                self.base.set(d.base);
                self.rev.set(d.rev);
                self.draft_id.set(Some(d.id));
                self.reached.clear();
                self.epoch.update(|e| *e += 1);
                self.forget_steps();
                self.dirty.set(false);
                self.dismiss(&Notice::Conflict);
                self.superseded.set_value(None);
                storage::set_current(id);
                true
            }
            Err(LoadError::Corrupt { kept_as, message }) => {
                self.notify(Notice::Corrupt {
                    key: kept_as,
                    message,
                });
                self.drafts.set(storage::list());
                false
            }
            Err(LoadError::Missing | LoadError::Unavailable) => false,
        }
    }

    /// Makes `a` a new draft and opens it.
    pub fn create(&self, a: Assessment) {
        self.create_linked(a, None);
    }

    /// Makes `a` a what-if scenario of the open draft (or of its base) and opens it.
    pub fn create_scenario(&self, mut a: Assessment, name: &str) {
        let base = self
            .base
            .get_untracked()
            .or_else(|| self.draft_id.get_untracked());
        a.title = format!("{}{name}", text::SCENARIO_PREFIX);
        self.save_now();
        self.create_linked(a, base);
    }

    fn create_linked(&self, mut a: Assessment, base: Option<String>) {
        let id = new_id();
        // Two drafts never share a name in the list (a file imported twice, say).
        let taken: Vec<String> = self
            .drafts
            .with_untracked(|d| d.iter().map(|m| m.title.clone()).collect());
        a.title = text::unique_title(&a.title, &taken);
        self.assessment.set(a);
        self.base.set(base);
        self.raw.set(BTreeMap::new());
        self.rev.set(storage::stored_rev(&id));
        self.draft_id.set(Some(id));
        self.reached.clear();
        self.epoch.update(|e| *e += 1);
        self.forget_steps();
        self.dirty.set(true);
        self.save_now();
    }

    /// A blank draft (see `blank`), opened as a draft of its own.
    pub fn new_blank(&self) {
        let mut a = blank();
        a.title = text::UNTITLED.to_string();
        self.create(a);
    }

    /// 新一年度: next year's draft from the stored draft `id` (the open one as it stands),
    /// opened as a draft of its own.
    pub fn new_year(&self, id: &str) {
        let last = if self.draft_id.get_untracked().as_deref() == Some(id) {
            self.save_now();
            self.assessment.get_untracked()
        } else {
            match storage::load(id) {
                Ok(d) => d.assessment,
                Err(_) => return,
            }
        };
        self.create(next_year::next_year(&last));
    }

    /// A blank 项目支出绩效自评 under the national project scheme.
    pub fn new_project(&self) {
        let mut a = Assessment::project(schemes::national_project());
        a.title = text::UNTITLED_PROJECT.to_string();
        a.year = last_year();
        self.create(a);
    }

    pub fn new_sample(&self) {
        self.create(sample::sample());
    }

    pub fn duplicate(&self) {
        let mut a = self.assessment.get_untracked();
        a.title = text::copy_of(&a.title);
        let raw = self.raw.get_untracked();
        let base = self.base.get_untracked();
        self.create_linked(a, base);
        self.raw.set(raw);
        self.save_now();
    }

    /// Deletes the open draft; it can be brought back with `undelete`.
    pub fn delete(&self) {
        let Some(id) = self.draft_id.get_untracked() else {
            return;
        };
        let title = self.assessment.with_untracked(|a| a.title.clone());
        if self.storage_ok.get_untracked() {
            if let Err(e) = storage::delete(&id) {
                self.storage_failed(e);
                return;
            }
        }
        self.draft_id.set(None);
        self.drafts.set(storage::list());
        self.notify(Notice::Deleted(title));
        match self
            .drafts
            .with_untracked(|d| d.first().map(|m| m.id.clone()))
        {
            Some(next) => {
                self.open(&next);
            }
            None => {
                self.assessment.set(blank());
                self.raw.set(BTreeMap::new());
            }
        }
    }

    pub fn undelete(&self) {
        if let Some(id) = storage::undelete() {
            self.drafts.set(storage::list());
            self.open(&id);
        }
        self.notices
            .update(|l| l.retain(|n| !matches!(n, Notice::Deleted(_))));
    }

    /// Saves the open draft now. Its edits are the newest, so they are written over a
    /// version another tab saved meanwhile; that tab is then shown this one.
    pub fn save_now(&self) {
        let Some(id) = self.draft_id.get_untracked() else {
            return;
        };
        if !self.storage_ok.get_untracked() {
            return;
        }
        let draft = storage::Draft {
            id,
            rev: self.rev.get_untracked(),
            assessment: self.assessment.get_untracked(),
            raw: self.raw.get_untracked(),
            base: self.base.get_untracked(),
        };
        let saved = match storage::save(&draft, draft.rev) {
            Err(SaveError::Conflict(theirs)) => storage::save(&draft, theirs),
            other => other,
        };
        match saved {
            Ok(rev) => {
                self.rev.set(rev);
                self.dirty.set(false);
                self.dismiss(&Notice::StorageFull);
                self.drafts.set(storage::list());
                // The pointer names only a draft that is stored.
                if storage::current().as_deref() != Some(draft.id.as_str()) {
                    storage::set_current(&draft.id);
                }
            }
            Err(e) => self.storage_failed(e),
        }
    }

    /// Says why a write to storage failed; the data stays in memory either way.
    pub fn storage_failed(&self, e: SaveError) {
        match e {
            SaveError::Full => self.notify(Notice::StorageFull),
            SaveError::Unavailable => {
                self.storage_ok.set(false);
                self.notify(Notice::StorageDisabled);
            }
            // Written over at once by `save_now`; met here only if that write failed too.
            SaveError::Conflict(_) => self.notify(Notice::SaveFailed(text::SAVE_RACE.into())),
            SaveError::Other(m) => self.notify(Notice::SaveFailed(m)),
        }
    }

    /// Another tab saved a draft. If it is the open one, the newest write wins: edits here
    /// not yet stored are newer and are saved over it; else its version is shown, and this
    /// tab's, if it differs, is kept aside to be saved as a copy.
    pub fn other_tab_saved(&self, key: &str) {
        self.drafts.set(storage::list());
        let Some(id) = self.draft_id.get_untracked() else {
            return;
        };
        if !storage::is_rev_key(key, &id) || storage::stored_rev(&id) == self.rev.get_untracked() {
            return;
        }
        if self.dirty.get_untracked() {
            self.save_now();
            return;
        }
        // Made from this tab's own version: nothing of this tab's is lost by showing it, so
        // there is nothing to keep as a copy (a tab with no edits of its own is not asked).
        if storage::based_on(&id) == Some(self.rev.get_untracked()) {
            let offered = self.superseded.get_value();
            if self.open(&id) && offered.is_some() {
                self.superseded.set_value(offered);
                self.notify(Notice::Conflict);
            }
            return;
        }
        let mine = (self.assessment.get_untracked(), self.raw.get_untracked());
        if self.open(&id) {
            let differs = self.assessment.with_untracked(|a| *a != mine.0)
                || self.raw.with_untracked(|r| *r != mine.1);
            if differs {
                self.superseded.set_value(Some(mine));
                self.notify(Notice::Conflict);
            }
        }
    }

    /// Lets this tab's replaced version go: the other tab's stays.
    pub fn take_theirs(&self) {
        self.superseded.set_value(None);
        self.dismiss(&Notice::Conflict);
    }

    /// Keeps this tab's replaced version as a new draft beside the other tab's.
    pub fn keep_mine(&self) {
        self.dismiss(&Notice::Conflict);
        if let Some((mut a, raw)) = self.superseded.get_value() {
            self.superseded.set_value(None);
            a.title = text::copy_of(&a.title);
            let base = self.base.get_untracked();
            self.create_linked(a, base);
            self.raw.set(raw);
            self.save_now();
        }
    }
}

impl Default for Ctx {
    fn default() -> Self {
        Self::new()
    }
}

/// Saves a moment after the last edit, so typing is never slowed by storage.
pub fn autosave(ctx: Ctx) {
    let pending = StoredValue::new(None::<TimeoutHandle>);
    Effect::new(move |_| {
        if ctx.edits.get() == 0 {
            return;
        }
        if let Some(h) = pending.get_value() {
            h.clear();
        }
        let handle =
            set_timeout_with_handle(move || ctx.save_now(), Duration::from_millis(250)).ok();
        pending.set_value(handle);
    });
    // Leaving the page saves at once what the timer has not.
    let flush = window_event_listener(leptos::ev::pagehide, move |_| {
        if pending.get_value().is_some() {
            ctx.save_now();
        }
    });
    on_cleanup(move || flush.remove());
}

/// Whether a finding is shown at its fields: a number field says itself, in its own words,
/// what is wrong with its text.
fn shown_at_field(f: &Finding) -> bool {
    f.code != validate::NOT_A_NUMBER
}

/// A field's findings, straight from the list, but for those still `pending`.
fn notes_for(
    findings: &[Finding],
    path: &str,
    pending: impl Fn(&Finding) -> bool,
) -> Vec<FieldNote> {
    findings
        .iter()
        .filter(|f| shown_at_field(f) && !pending(f))
        .flat_map(|f| {
            f.paths
                .iter()
                .enumerate()
                .filter(|(_, p)| *p == path)
                .map(|(k, _)| FieldNote {
                    severity: f.severity,
                    message: f.message.clone(),
                    first: k == 0,
                })
        })
        .collect()
}

/// The year assessed each spring: the one just ended, by the browser's date.
fn last_year() -> i32 {
    js_sys::Date::new_0().get_full_year() as i32 - 1
}

/// The form with no draft open, and 新建空白: a department's, for last calendar year.
fn blank() -> Assessment {
    let mut a = Assessment::new(schemes::guangzhou_departmental());
    a.year = last_year();
    a
}

fn new_id() -> String {
    let now = js_sys::Date::now() as u64;
    let salt = (js_sys::Math::random() * 1_000_000.0) as u64;
    format!("{now:x}-{salt:x}")
}
