//! The score panel, always in view: total, grade, each section out of its points, the
//! execution rate, each score's formula on demand, and the findings list.

use wasm_bindgen::JsCast;
use web_sys::Element;
use ziping_engine::num::{fmt_pct, Fixed};
use ziping_engine::validate::Severity;

use crate::build::{details_open, focus, N};
use crate::state::Calc;
use crate::text;
use crate::view::{update, with, with_mut, Kind, Region};

pub fn panel() -> N {
    let sections = with(|app| {
        let card = ziping_engine::score::score_figures(&app.assessment);
        (0..card.sections.len())
            .map(|i| section(i, app.open_sections.contains(&i)))
            .collect()
    });
    let headline = N::new("div")
        .a("class", "headline")
        .c(N::new("div")
            .c(N::new("div").a("class", "caption").t(text::TOTAL))
            .c(N::new("div")
                .a("class", "total")
                .c(N::new("span")
                    .a("data-testid", "score-total")
                    .live(|_, c| c.card.total.to_string()))
                .c(N::new("small").live(|_, c| format!(" / {}", c.card.max_total.normalize())))))
        .c(N::new("div")
            .c(N::new("div").a("class", "caption").t(text::GRADE))
            .c(N::new("div")
                .a("class", "grade")
                .a("data-testid", "score-grade")
                .live(|_, c| c.card.grade.label().to_string())))
        .c(N::new("div")
            .c(N::new("div").a("class", "caption").t(text::EXECUTION_RATE))
            .c(N::new("div")
                .a("class", "rate")
                .a("data-testid", "execution-rate")
                .live(|a, c| {
                    c.figures
                        .execution_rate
                        .map(|r| fmt_pct(r, a.assessment.scheme.rounding.mode))
                        .unwrap_or_else(|| "—".into())
                })));
    N::new("aside")
        .a("class", "score-panel")
        .a("aria-label", text::SCORE)
        .c(headline)
        .c(N::new("div").out(Kind::Custom(draw_provisional), |_, c| provisional(c)))
        .cs(sections)
        .c(super::whatif::quick())
        .c(findings())
}

/// The line saying the score is provisional while errors remain; empty without them.
fn provisional(c: &Calc) -> String {
    match errors(c) {
        0 => String::new(),
        n => text::provisional(n),
    }
}

/// The provisional line, there only while errors remain.
fn draw_provisional(el: &Element, v: &str) {
    el.set_text_content(None);
    if !v.is_empty() {
        let p = N::new("p")
            .a("class", "provisional")
            .a("role", "status")
            .a("data-testid", "score-provisional")
            .t(v);
        let _ = el.append_child(&p.0);
    }
}

fn errors(c: &Calc) -> usize {
    c.findings
        .iter()
        .filter(|x| x.severity == Severity::Error)
        .count()
}

/// A section's subtotal; its items and formulas are built only while it is open.
fn section(i: usize, open: bool) -> N {
    let head = |f: fn(&ziping_engine::score::SectionScore) -> String| {
        move |_: &_, c: &Calc| c.card.sections.get(i).map(f).unwrap_or_default()
    };
    let mut details = N::new("details")
        .a("class", "section-score")
        .a_if(open, "open", "")
        .on("toggle", move |ev| {
            let now = details_open(ev);
            let changed = with_mut(|app| {
                let was = app.open_sections.contains(&i);
                app.open_sections.retain(|k| *k != i);
                if now {
                    app.open_sections.push(i);
                }
                was != now
            });
            if changed {
                update(&[Region::Panel]);
            }
        })
        .c(N::new("summary")
            .c(N::new("span").live(head(|s| s.name.clone())))
            .c(N::new("span")
                .a("class", "figure")
                .c(N::new("b").live(head(|s| s.score.to_string())))
                .t(" / ")
                .c(N::new("span").live(head(|s| s.points.normalize().to_string())))))
        .c(N::new("p")
            .a("class", "note warning")
            .out(Kind::ShownIf, head(|s| s.note.clone().unwrap_or_default()))
            .live(head(|s| s.note.clone().unwrap_or_default())));
    let mut list = N::new("ul")
        .a("class", "formulas")
        .a("aria-label", text::FORMULA);
    if open {
        let items = with(|app| {
            let card = ziping_engine::score::score(&app.assessment);
            card.sections
                .get(i)
                .map(|s| s.categories.iter().map(|c| c.items.len()).sum::<usize>())
                .unwrap_or(0)
        });
        for k in 0..items {
            list = list.c(line(i, k));
        }
    }
    details = details.c(list);
    details
}

/// Item `k` of section `i`, with its formula in words.
fn line(i: usize, k: usize) -> N {
    let item = move |f: fn(&ziping_engine::score::ItemScore, &crate::state::App) -> String| {
        move |app: &crate::state::App, c: &Calc| {
            c.full(app)
                .sections
                .get(i)
                .and_then(|s| s.categories.iter().flat_map(|c| c.items.iter()).nth(k))
                .map(|it| f(it, app))
                .unwrap_or_default()
        }
    };
    N::new("li")
        .c(N::new("button")
            .a("type", "button")
            .a("class", "link")
            .live(item(|it, _| it.name.clone()))
            .out(Kind::Custom(set_path), item(|it, _| it.path.clone()))
            .on("click", |ev| {
                if let Some(p) = target_path(ev) {
                    focus(&p)
                }
            }))
        .t(" ")
        .c(N::new("b").live(item(|it, _| it.score.to_string())))
        .c(N::new("span").live(item(|it, _| format!(" / {}", it.points.normalize()))))
        .c(N::new("small").a("class", "computed").live(item(|it, app| {
            if it.overridden {
                let m = app.assessment.scheme.rounding.mode;
                format!(" （{}：{}）", text::COMPUTED, Fixed(it.computed, m))
            } else {
                String::new()
            }
        })))
        .c(N::new("div")
            .a("class", "formula")
            .live(item(|it, _| it.formula.clone())))
}

/// Stores the path a link jumps to.
fn set_path(el: &Element, path: &str) {
    let _ = el.set_attribute("data-path", path);
}

/// The path stored on the link an event came from.
fn target_path(ev: &web_sys::Event) -> Option<String> {
    ev.target()
        .and_then(|t| t.dyn_into::<Element>().ok())
        .and_then(|e| e.closest("[data-path]").ok().flatten())
        .and_then(|e| e.get_attribute("data-path"))
}

/// Every finding, errors first; each entry jumps to its field.
fn findings() -> N {
    let count = |s: Severity| {
        move |_: &_, c: &Calc| {
            c.findings
                .iter()
                .filter(|x| x.severity == s)
                .count()
                .to_string()
        }
    };
    N::new("section")
        .a("class", "findings")
        .a("aria-label", text::FINDINGS)
        .c(N::new("h3")
            .t(text::FINDINGS)
            .t(" ")
            .c(N::new("span")
                .a("class", "badge error")
                .c(N::new("span")
                    .a("data-testid", "error-count")
                    .live(count(Severity::Error)))
                .t(" ")
                .t(text::ERRORS))
            .t(" ")
            .c(N::new("span")
                .a("class", "badge warning")
                .c(N::new("span").live(count(Severity::Warning)))
                .t(" ")
                .t(text::WARNINGS)))
        .c(N::new("p")
            .a("class", "ok")
            .t(text::NO_FINDINGS)
            .out(Kind::ShownIf, |_, c| {
                if c.findings.is_empty() { "1" } else { "" }.to_string()
            }))
        .c(N::new("ul")
            .out(Kind::Custom(draw_findings), |_, c| {
                let errors = c.findings.iter().filter(|f| f.severity == Severity::Error);
                let warnings = c.findings.iter().filter(|f| f.severity != Severity::Error);
                let mut out = String::new();
                for f in errors.chain(warnings) {
                    out.push(if f.severity == Severity::Error {
                        'E'
                    } else {
                        'W'
                    });
                    out.push_str(f.paths.first().map(String::as_str).unwrap_or_default());
                    out.push('\u{1f}');
                    out.push_str(f.code);
                    out.push('\u{1f}');
                    out.push_str(&f.message);
                    out.push('\u{1e}');
                }
                out
            })
            .on("click", |ev| {
                if let Some(p) = target_path(ev) {
                    focus(&p)
                }
            }))
}

/// Draws the findings list from its encoded value.
fn draw_findings(ul: &Element, v: &str) {
    ul.set_text_content(None);
    for rec in v.split('\u{1e}').filter(|r| !r.is_empty()) {
        let mut parts = rec.splitn(3, '\u{1f}');
        let (Some(head), Some(code), Some(message)) = (parts.next(), parts.next(), parts.next())
        else {
            continue;
        };
        let (class, path) = match head.split_at_checked(1) {
            Some(("E", p)) => ("finding error", p),
            Some((_, p)) => ("finding warning", p),
            None => continue,
        };
        let li = N::new("li").a("class", class).c(N::new("button")
            .a("type", "button")
            .a("class", "link")
            .a("title", code)
            .a("data-path", path)
            .t(message));
        let _ = ul.append_child(&li.0);
    }
}
