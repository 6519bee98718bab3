//! ziping (自评), the browser app: a thin Leptos layer over `ziping_engine`. Signals hold
//! the assessment, the engine computes in memos, components render; `storage` alone
//! touches localStorage and `io` alone reads and writes files.

pub mod app;
pub mod drawn;
pub mod fields;
pub mod history;
pub mod invalid;
pub mod io;
pub mod pages;
pub mod print;
pub mod reached;
pub mod rule_editor;
pub mod state;
pub mod storage;
pub mod text;

/// Starts the app in the page's body.
pub fn run() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(app::App);
}
