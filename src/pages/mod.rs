//! One page (part of the form) per file, in the order of the report.

pub mod basics;
pub mod drafts;
pub mod finance;
pub mod indicators;
pub mod management;
pub mod problems;
pub mod project;
pub mod report;
pub mod scheme;
pub mod score_panel;
pub mod sheet;
pub mod summary;
pub mod whatif;
