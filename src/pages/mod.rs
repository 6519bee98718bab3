//! One page (part of the form) per file, in the order of the report; the draft bar and
//! the score panel beside them.

pub mod basics;
pub mod drafts;
pub mod finance;
pub mod indicators;
pub mod management;
pub mod problems;
pub mod report;
pub mod scheme;
pub mod score_panel;
pub mod sheet;
pub mod whatif;

use crate::build::N;
use crate::text;

/// The table of contents, in the report's order.
pub fn nav() -> N {
    let links = [
        ("basics", text::NAV_BASICS),
        ("finance", text::NAV_FINANCE),
        ("indicators", text::NAV_INDICATORS),
        ("management", text::NAV_MANAGEMENT),
        ("problems-measures", text::NAV_PROBLEMS),
        ("sheet", text::NAV_SHEET),
        ("report", text::NAV_REPORT),
        ("whatif", text::NAV_WHATIF),
        ("scheme", text::NAV_SCHEME),
    ];
    N::new("nav")
        .a("aria-label", text::CONTENTS)
        .cs(links
            .iter()
            .map(|(id, label)| N::new("a").a("href", &format!("#{id}")).t(label))
            .collect())
        .c(N::new("span").a("class", "hint").t(text::DROP_HINT))
}
