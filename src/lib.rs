//! ziping (自评), the browser app: a thin layer over `ziping_engine`, written against the
//! DOM. The state is a plain struct (`state`), the engine computes, pages build elements
//! and `view` keeps their figures current; `storage` alone touches localStorage and `io`
//! alone reads and writes files.

pub mod build;
pub mod fields;
pub mod io;
pub mod pages;
pub mod rule_editor;
pub mod state;
pub mod storage;
pub mod text;
pub mod view;

/// Starts the app in the page's body.
pub fn run() {
    view::mount(&build::document().body().expect("the page has a body"));
}
