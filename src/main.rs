//! The ziping browser app: a thin Leptos layer over the engine.

use leptos::prelude::*;
use ziping_engine::{sample, score};

fn main() {
    console_error_panic_hook::set_once();
    mount_to_body(App);
}

/// The page: until the full app lands, it scores the built-in sample.
#[component]
fn App() -> impl IntoView {
    let card = score::score(&sample::sample());
    view! {
        <main>
            <h1>"自评 · 部门整体支出绩效自评"</h1>
            <p>"示例总分 "<span data-testid="score-total">{card.total.to_string()}</span>
               " 等级 "<span data-testid="score-grade">{card.grade.label()}</span></p>
        </main>
    }
}
