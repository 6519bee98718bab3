//! Undo and redo (撤销、重做) for the open draft: every change is a step, and typing into
//! one field is one step until the user pauses or moves on.

use std::collections::BTreeMap;

use ziping_engine::model::Assessment;

/// The draft as a step leaves it: the assessment and the texts kept for number fields.
pub type Snapshot = (Assessment, BTreeMap<String, String>);

/// How many steps back the user can go.
const DEPTH: usize = 100;
/// Edits of one field closer together than this are one step.
const MERGE_MS: f64 = 1000.0;

/// The steps before and after the draft as it is now.
#[derive(Default)]
pub struct History {
    past: Vec<Snapshot>,
    future: Vec<Snapshot>,
    /// What the last step changed, and when: the next edit of it within `MERGE_MS` joins it.
    last: Option<(String, f64)>,
}

impl History {
    /// Records the draft as it was before an edit of `what` at time `now` (ms).
    pub fn record(&mut self, before: impl FnOnce() -> Snapshot, what: &str, now: f64) {
        let joins = self
            .last
            .as_ref()
            .is_some_and(|(w, t)| w == what && !what.is_empty() && now - t < MERGE_MS);
        self.last = Some((what.to_string(), now));
        self.future.clear();
        if joins {
            return;
        }
        self.past.push(before());
        if self.past.len() > DEPTH {
            self.past.remove(0);
        }
    }

    /// The draft one step back, given the draft now; none when there is no step.
    pub fn undo(&mut self, now: Snapshot) -> Option<Snapshot> {
        let back = self.past.pop()?;
        self.future.push(now);
        self.last = None;
        Some(back)
    }

    /// The draft one step forward again, given the draft now.
    pub fn redo(&mut self, now: Snapshot) -> Option<Snapshot> {
        let forward = self.future.pop()?;
        self.past.push(now);
        self.last = None;
        Some(forward)
    }

    pub fn can_undo(&self) -> bool {
        !self.past.is_empty()
    }

    pub fn can_redo(&self) -> bool {
        !self.future.is_empty()
    }
}
