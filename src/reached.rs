//! Which empty fields the user has reached: an empty field not yet visited is counted as
//! 未填 in the score panel, not shown as an error at the field, until the user has left it
//! or asks for a check. Kept in memory for the open draft only: it says where this sitting
//! has been, not anything about the draft, so a draft opened again starts with its blanks
//! counted, not flagged (and the stored draft format stays as it is).

use std::collections::HashSet;

use leptos::prelude::*;
use ziping_engine::validate::Finding;

/// Whether a finding is about something not filled in yet: a field left empty, or a group
/// of indicators with none in it (a points sum that names only the group, in the scheme).
fn unfilled(f: &Finding) -> bool {
    f.code == "REQUIRED"
        || (f.code == "POINTS_SUM" && f.paths.iter().all(|p| p.starts_with("scheme.")))
}

#[derive(Clone, Copy)]
pub struct Reached {
    /// Field paths the user has been in and left.
    visited: RwSignal<HashSet<String>>,
    /// Set by 检查: every finding shows, reached or not.
    all: RwSignal<bool>,
}

impl Reached {
    pub fn new() -> Self {
        Reached {
            visited: RwSignal::new(HashSet::new()),
            all: RwSignal::new(false),
        }
    }

    /// The user has left the field at `path`.
    pub fn visit(&self, path: &str) {
        if !path.is_empty() && !self.visited.with_untracked(|v| v.contains(path)) {
            self.visited.update(|v| {
                v.insert(path.to_string());
            });
        }
    }

    /// 检查: show every finding from now on.
    pub fn check_all(&self) {
        self.all.set(true);
    }

    /// Whether 检查 has been asked for.
    pub fn checking(&self) -> bool {
        self.all.get()
    }

    /// Another draft is open: nothing of it has been reached yet.
    pub fn clear(&self) {
        self.all.set(false);
        self.visited.set(HashSet::new());
    }

    /// Whether a finding waits for the user: an empty field not yet reached.
    pub fn pending(&self, f: &Finding) -> bool {
        unfilled(f)
            && !self.all.get()
            && self
                .visited
                .with(|v| !f.paths.iter().any(|p| v.contains(p)))
    }

    /// `pending`, without subscribing to what has been reached.
    pub fn pending_untracked(&self, f: &Finding) -> bool {
        unfilled(f)
            && !self.all.get_untracked()
            && self
                .visited
                .with_untracked(|v| !f.paths.iter().any(|p| v.contains(p)))
    }
}

impl Default for Reached {
    fn default() -> Self {
        Self::new()
    }
}
