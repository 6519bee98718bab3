//! The check a whole file gets: its score card with the counts of what validation finds.
//! Above both scoring and validation, so neither needs the other; the CLI, the JavaScript
//! module and 汇总 score a file through it.

use serde::Serialize;

use crate::model::Assessment;
use crate::score::{score, ScoreCard};
use crate::validate::{self, Severity};

/// A score card with the counts of what validation finds, as `ziping score --json` and the
/// JavaScript module give it: a score from a file with errors is not the file's score.
#[derive(Debug, Clone, Serialize)]
pub struct CheckedCard {
    #[serde(flatten)]
    pub card: ScoreCard,
    pub errors: usize,
    pub warnings: usize,
}

/// Scores an assessment and counts its validation errors and warnings.
pub fn checked(a: &Assessment) -> CheckedCard {
    let findings = validate::validate(a);
    let errors = findings
        .iter()
        .filter(|f| f.severity == Severity::Error)
        .count();
    CheckedCard {
        card: score(a),
        errors,
        warnings: findings.len() - errors,
    }
}
