//! 试算: scenarios of a draft compared side by side, goal seek on any number field, the
//! sensitivity of the total to each indicator, where the points are lost, and the quick
//! sliders on the score panel.

use rust_decimal::Decimal;
use wasm_bindgen::JsCast;
use ziping_engine::num::{self, fmt_pct, parse_input, RoundingMode};
use ziping_engine::score::{self, EXECUTION_PATH};

use crate::dom::build::{button, target_value, N};
use crate::dom::state::{act, App};
use crate::dom::{refresh, update, with, with_mut, Kind, Region};
use crate::text;

/// Sliders on the score panel: the execution rate and each indicator's completion move a
/// copy of the assessment; nothing is saved until it is kept as a scenario.
pub fn quick() -> N {
    let open = with(|app| app.quick_open);
    let mut details = N::new("details")
        .a("class", "quick")
        .a_if(open, "open", "")
        .on("toggle", |ev| {
            let now = ev
                .target()
                .and_then(|t| t.dyn_into::<web_sys::HtmlDetailsElement>().ok())
                .is_some_and(|d| d.open());
            if with_mut(|app| std::mem::replace(&mut app.quick_open, now)) != now {
                update(&[Region::Panel]);
            }
        })
        .c(N::new("summary").t(text::QUICK).c(N::new("span").out(
            Kind::Custom(draw_quick_total),
            |app, c| {
                if !app.quick_open || app.quick.is_empty() {
                    return String::new();
                }
                let t = score::score_figures(&app.trial()).total;
                let now = c.card.total;
                format!(
                    "{t}\u{1f}（{}{}）",
                    if t >= now { "+" } else { "" },
                    t - now
                )
            },
        )));
    if open {
        let sliders = with(|app| {
            let a = &app.assessment;
            let budget = a
                .scheme
                .execution()
                .and_then(|(_, base, _)| base.of(&a.finance.spending));
            let mut out: Vec<N> = slider(
                app,
                EXECUTION_PATH,
                text::EXECUTION_RATE,
                budget,
                a.finance.spending.actual,
            )
            .into_iter()
            .collect();
            for (i, x) in a.indicators.iter().enumerate() {
                if x.measure.rule.needs_target() {
                    let path = format!("indicators[{i}].measure.actual");
                    out.extend(slider(
                        app,
                        &path,
                        &x.name,
                        x.measure.target,
                        x.measure.actual,
                    ));
                }
            }
            out
        });
        details = details.cs(sliders);
    }
    details.c(N::new("div")
        .a("class", "row")
        .c(button(text::QUICK_RESET, |_| {
            with_mut(|app| app.quick.clear());
            update(&[Region::Panel]);
        }))
        .c(button(text::NEW_SCENARIO, |_| {
            act(|app| {
                let a = app.trial();
                app.quick.clear();
                app.create_scenario(a, text::SCENARIO_DEFAULT);
            })
        })
        .out(Kind::EnabledIf, |app, _| {
            if app.quick.is_empty() { "off" } else { "" }.to_string()
        })))
}

/// The quick total and its change beside the summary, or nothing before a move.
fn draw_quick_total(el: &web_sys::Element, v: &str) {
    el.set_text_content(None);
    if let Some((total, delta)) = v.split_once('\u{1f}') {
        let _ = el.append_with_str_1(" → ");
        let _ = el.append_child(&N::new("b").a("data-testid", "quick-total").t(total).0);
        let _ = el.append_child(&N::new("small").t(delta).0);
    }
}

/// A slider over a figure as a percentage of its base, if the base is not zero.
fn slider(
    app: &App,
    path: &str,
    label: &str,
    base: Option<Decimal>,
    now: Option<Decimal>,
) -> Option<N> {
    let base = base.filter(|b| !b.is_zero())?;
    let start = app.quick.get(path).map(|m| m.0).unwrap_or_else(|| {
        now.and_then(|n| num::div(n, base))
            .and_then(num::percent)
            .unwrap_or_default()
            .round_dp(1)
    });
    let key = path.to_string();
    let shown = move |app: &App, _: &_| {
        let pct = app.quick.get(&key).map_or(start, |m| m.0);
        fmt_pct(pct / Decimal::ONE_HUNDRED, RoundingMode::HalfUp)
    };
    let key = path.to_string();
    Some(
        N::new("label")
            .a("class", "slider")
            .t(label)
            .t(" ")
            .c(N::new("output").live(shown))
            .c(N::new("input")
                .a("type", "range")
                .a("min", "0")
                .a("max", "150")
                .a("step", "0.1")
                .a("aria-label", &format!("{label}{}", text::QUICK_COMPLETION))
                .value(&start.to_string())
                .on("input", move |ev| {
                    let Ok(v) = parse_input(&target_value(ev)) else {
                        return;
                    };
                    // The slider is a percentage of the base figure, in checked decimals.
                    let Some(fig) =
                        num::mul(base, v).and_then(|x| num::div(x, Decimal::ONE_HUNDRED))
                    else {
                        return;
                    };
                    let fig = RoundingMode::HalfUp.round(fig, 2);
                    with_mut(|app| app.quick.insert(key.clone(), (v, fig)));
                    refresh();
                })),
    )
}
