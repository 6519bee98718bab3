//! ziping (自评): the engine of the 部门整体支出绩效自评 calculator. Pure Rust with no web
//! dependency: the model, schemes, scoring, validation, derived figures and file format.
//!
//! Start at [`model::Assessment`]; score it with [`score::score`], check it with
//! [`validate::validate`], derive its figures with [`figures::derive`], write its report
//! with [`report::report`] and its score sheet with [`sheet::sheet`].

// Safe Rust only: the fuzz runs go without a sanitizer (scripts/fuzz.sh).
#![forbid(unsafe_code)]

#[cfg(feature = "docx")]
pub mod docx;
pub mod figures;
pub mod file;
pub mod model;
pub mod next_year;
pub mod num;
pub mod paths;
pub mod render;
pub mod report;
pub mod rules;
pub mod sample;
pub mod scheme;
pub mod schemes;
pub mod score;
pub mod sheet;
pub mod strict;
pub mod summary;
pub mod text;
pub mod tsv;
pub mod validate;
pub mod whatif;
#[cfg(feature = "xlsx")]
pub mod xlsx;
