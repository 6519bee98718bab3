//! ziping (自评): the engine of the 部门整体支出绩效自评 calculator. Pure Rust with no web
//! dependency: the model, schemes, scoring, validation, derived figures and file format.
//!
//! Start at [`model::Assessment`]; score it with [`score::score`], check it with
//! [`validate::validate`] (or both at once with [`check::checked`]), derive its figures with
//! [`figures::derive`], write its report with [`report::report`] and its score sheet with
//! [`sheet::sheet`].

// Safe Rust only: the fuzz runs go without a sanitizer (scripts/fuzz.sh).
#![forbid(unsafe_code)]

// The modules in layers, the floor first: each uses only modules listed before it
// (engine/tests/layers.rs fails on any that reaches up).

// Figures, words and the file reader's strictness.
pub mod strict;
pub mod num;
pub mod text;
// What an assessment is, under which scheme.
pub mod scheme;
pub mod model;
pub mod schemes;
pub mod sample;
// What is computed from it.
pub mod figures;
pub mod rules;
pub mod paths;
pub mod score;
pub mod report;
pub mod render;
pub mod sheet;
pub mod validate;
pub mod check;
pub mod whatif;
pub mod next_year;
// Ways in and out.
pub mod tsv;
pub mod file;
#[cfg(feature = "xlsx")]
pub mod xlsx;
#[cfg(feature = "docx")]
pub mod docx;
pub mod summary;
