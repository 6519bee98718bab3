//! Figures whose typed text is not a number. They count as blank; the exports refuse
//! them and the report and 自评表 say so on their face, so no file or printout carries a
//! figure the user did not mean.

use leptos::prelude::*;
use ziping_engine::validate::NOT_A_NUMBER;

use crate::state::{Ctx, Notice};
use crate::text;

/// The messages of every figure that is not a number, tracked.
pub fn messages(ctx: Ctx) -> Vec<String> {
    ctx.findings.with(|list| {
        list.iter()
            .filter(|f| f.code == NOT_A_NUMBER)
            .map(|f| f.message.clone())
            .collect()
    })
}

/// Whether an export must wait for the figures to be corrected; says so if it must.
pub fn refuse_export(ctx: Ctx) -> bool {
    let bad = ctx
        .findings
        .with_untracked(|list| list.iter().filter(|f| f.code == NOT_A_NUMBER).count());
    if bad > 0 {
        ctx.notify(Notice::ExportRefused(text::export_refused(bad)));
    }
    bad > 0
}

/// Takes back the refusal once every figure is a number again.
fn clear_refusal(ctx: Ctx) {
    let refused = |n: &Notice| matches!(n, Notice::ExportRefused(_));
    if ctx.notices.with_untracked(|l| l.iter().any(refused)) {
        ctx.notices.update(|l| l.retain(|n| !refused(n)));
    }
}

/// The warning at the head of the report and the 自评表, printed with them.
#[component]
pub fn InvalidFigures() -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let list = Memo::new(move |_| messages(ctx));
    Effect::new(move |_| {
        if list.with(Vec::is_empty) {
            clear_refusal(ctx);
        }
    });
    move || {
        let list = list.get();
        (!list.is_empty()).then(|| {
            view! {
                <div class="note error invalid-figures" role="alert" data-testid="invalid-figures">
                    <p>{text::INVALID_FIGURES}</p>
                    <ul>{list.into_iter().map(|m| view! { <li>{m}</li> }).collect_view()}</ul>
                </div>
            }
        })
    }
}
