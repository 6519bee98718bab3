//! 试算: scenarios of a draft compared side by side, goal seek on any number field, the
//! sensitivity of the total to each indicator, where the points are lost, and the quick
//! sliders on the score panel.

use rust_decimal::Decimal;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use ziping_engine::model::Assessment;
use ziping_engine::num::{self, fmt_pct, parse_input, Plain, RoundingMode};
use ziping_engine::paths::{self, Field};
use ziping_engine::score::{self, EXECUTION_PATH};
use ziping_engine::whatif::{self, Delta, Goal};

use crate::build::{button, focus, fold, target_value, N};
use crate::state::{act, edit, App};
use crate::storage::{self, DraftMeta};
use crate::text;
use crate::view::{refresh, update, with, with_mut, Kind, Region};

/// Sliders on the score panel: the execution rate and each indicator's completion move a
/// copy of the assessment; nothing is saved until it is kept as a scenario.
pub fn quick() -> N {
    let open = with(|app| app.quick_open);
    let mut details = fold("quick", |app| &mut app.quick_open, Region::Panel).c(N::new("summary")
        .t(text::QUICK)
        .c(
            N::new("span").out(Kind::Custom(draw_quick_total), |app, c| {
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
            }),
        ));
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
    let start = app.quick_move(path).map(|m| m.0).unwrap_or_else(|| {
        now.and_then(|n| num::div(n, base))
            .and_then(num::percent)
            .unwrap_or_default()
            .round_dp(1)
    });
    let key = path.to_string();
    let shown = move |app: &App, _: &_| {
        let pct = app.quick_move(&key).map_or(start, |m| m.0);
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
                    with_mut(|app| {
                        app.quick.retain(|m| m.0 != key);
                        app.quick.push((key.clone(), v, fig));
                    });
                    refresh();
                })),
    )
}

pub fn page() -> N {
    N::new("section")
        .a("id", "whatif")
        .a("class", "page")
        .c(N::new("h2").t(text::NAV_WHATIF))
        .cs(scenarios())
        .cs(goal_seek())
        .cs(lost_points())
        .cs(sensitivity())
}

/// A stored draft, decoded once per save rather than on every keystroke.
fn load_cached(app: &App, meta: &DraftMeta) -> Option<Assessment> {
    let mut loaded = app.loaded.borrow_mut();
    if let Some((_, _, a)) = loaded
        .iter()
        .find(|(id, t, _)| *id == meta.id && *t == meta.updated)
    {
        return Some(a.clone());
    }
    let a = storage::load(&meta.id).ok()?.assessment;
    loaded.retain(|(id, _, _)| *id != meta.id);
    loaded.push((meta.id.clone(), meta.updated, a.clone()));
    Some(a)
}

/// A scenario: its draft id, its title and its assessment.
type Member = (String, String, Assessment);

/// The open draft's base and its scenarios (at most four).
fn family(app: &App) -> Option<(Assessment, Vec<Member>)> {
    let open = app.draft_id.clone()?;
    let base_id = app.base.clone().unwrap_or_else(|| open.clone());
    let scenarios: Vec<&DraftMeta> = app
        .drafts
        .iter()
        .filter(|m| m.base.as_deref() == Some(base_id.as_str()))
        .take(4)
        .collect();
    if scenarios.is_empty() {
        return None;
    }
    let current = &app.assessment;
    let base = if base_id == open {
        current.clone()
    } else {
        load_cached(app, app.drafts.iter().find(|m| m.id == base_id)?)?
    };
    let scenarios = scenarios
        .into_iter()
        .filter_map(|m| {
            let a = if m.id == open {
                current.clone()
            } else {
                load_cached(app, m)?
            };
            Some((m.id.clone(), m.title.clone(), a))
        })
        .collect();
    Some((base, scenarios))
}

/// The comparison as shown: a header of scenario (id, title), then rows of a label and
/// the base's and each scenario's cell (text, changed).
type Compare = (Vec<(String, String)>, Vec<(String, Vec<(String, bool)>)>);

fn compare(app: &App) -> Option<Compare> {
    let (base, scenarios) = family(app)?;
    let card = score::score_figures(&base);
    let diffs: Vec<whatif::Diff> = scenarios
        .iter()
        .map(|(_, _, a)| whatif::diff(&base, a))
        .collect();
    let plain = |v: Option<Decimal>| {
        v.map(|v| Plain(v).to_string())
            .unwrap_or_else(|| "—".into())
    };
    let cell = |d: Option<&Delta>, before: Option<Decimal>| match d {
        Some(d) => {
            let delta = d
                .delta
                .map(|v| {
                    format!(
                        "（{}{}）",
                        if v.is_sign_positive() { "+" } else { "" },
                        Plain(v)
                    )
                })
                .unwrap_or_default();
            (format!("{}{delta}", plain(d.after)), true)
        }
        None => (
            before.map(|v| Plain(v).to_string()).unwrap_or_default(),
            false,
        ),
    };
    // Rows: every figure or score that changed in any scenario, in first-seen order.
    let mut seen: Vec<(String, String, Option<Decimal>)> = Vec::new();
    for d in &diffs {
        for x in d.inputs.iter().chain(&d.scores) {
            if !seen.iter().any(|r| r.0 == x.path) {
                seen.push((x.path.clone(), x.name.clone(), x.before));
            }
        }
    }
    let mut rows: Vec<(String, Vec<(String, bool)>)> = seen
        .iter()
        .map(|(path, label, before)| {
            let mut cells = vec![(plain(*before), false)];
            cells.extend(diffs.iter().map(|d| {
                cell(
                    d.inputs.iter().chain(&d.scores).find(|x| x.path == *path),
                    *before,
                )
            }));
            (label.clone(), cells)
        })
        .collect();
    let mut totals = vec![(card.total.to_string(), false)];
    totals.extend(diffs.iter().map(|d| {
        cell(
            Some(&d.total).filter(|t| t.delta != Some(Decimal::ZERO)),
            Some(card.total),
        )
    }));
    rows.push((text::TOTAL.into(), totals));
    let mut grades = vec![(card.grade.label().to_string(), false)];
    grades.extend(
        diffs
            .iter()
            .map(|d| (d.grade.1.label().to_string(), d.grade.0 != d.grade.1)),
    );
    rows.push((text::GRADE.into(), grades));
    let heads = scenarios
        .into_iter()
        .map(|(id, title, _)| (id, title))
        .collect();
    Some((heads, rows))
}

/// The comparison's text, to see when it changed.
fn compare_key(app: &App) -> String {
    match compare(app) {
        None => String::new(),
        Some((heads, rows)) => {
            let mut k = String::new();
            for (id, title) in heads {
                k.push_str(&id);
                k.push_str(&title);
            }
            for (label, cells) in rows {
                k.push_str(&label);
                for (t, changed) in cells {
                    k.push_str(&t);
                    k.push(if changed { '*' } else { '|' });
                }
            }
            k
        }
    }
}

/// Scenarios listed under their base, and compared with it side by side.
fn scenarios() -> Vec<N> {
    with(|app| {
        let no_draft = app.draft_id.is_none();
        let mut row = N::new("div")
            .a("class", "row")
            .c(N::new("label").t(text::SCENARIO_NAME).c(N::new("input")
                .a("type", "text")
                .a("id", "scenario-name")
                .value(&app.scenario_name)
                .on("input", |ev| {
                    let v = target_value(ev);
                    with_mut(|app| app.scenario_name = v);
                })))
            .c(button(text::NEW_SCENARIO, |_| {
                act(|app| {
                    let (a, name) = (app.assessment.clone(), app.scenario_name.clone());
                    app.create_scenario(a, &name);
                })
            })
            .a("data-testid", "new-scenario")
            .a_if(no_draft, "disabled", ""));
        if let Some(base) = app.base.clone() {
            row = row.c(button(text::BASE, move |_| {
                act(|app| {
                    app.save_now();
                    app.open(&base);
                })
            })
            .a("data-testid", "open-base"));
        }
        let table = match compare(app) {
            Some((heads, rows)) => {
                let head = N::new("tr")
                    .c(N::new("th").t(text::ITEM))
                    .c(N::new("th").t(text::BASE))
                    .cs(heads
                        .into_iter()
                        .map(|(id, title)| {
                            N::new("th").c(button(&title, move |_| {
                                act(|app| {
                                    app.save_now();
                                    app.open(&id);
                                })
                            })
                            .a("class", "link"))
                        })
                        .collect());
                let body = rows
                    .into_iter()
                    .map(|(label, cells)| {
                        N::new("tr")
                            .c(N::new("th").a("scope", "row").t(&label))
                            .cs(cells
                                .into_iter()
                                .map(|(t, changed)| {
                                    N::new("td").a_if(changed, "class", "changed").t(&t)
                                })
                                .collect())
                    })
                    .collect();
                N::new("div").a("class", "table-scroll").c(N::new("table")
                    .a("class", "compare")
                    .a("data-testid", "compare")
                    .c(N::new("thead").c(head))
                    .c(N::new("tbody").cs(body)))
            }
            None => N::new("p").a("class", "hint").t(text::NO_SCENARIOS),
        };
        vec![
            N::new("h3").t(text::COMPARE),
            N::new("p").a("class", "hint").t(text::COMPARE_HINT),
            row,
            // Drawn from the drafts' figures: built again when the comparison changes.
            table.out(Kind::Rebuild(Region::WhatIf), |app, _| compare_key(app)),
        ]
    })
}

/// Goal seek on the number field the user was last in; the answer can be filled in.
fn goal_seek() -> Vec<N> {
    let goal = with(|app| app.goal.clone());
    vec![
        N::new("h3").t(text::SEEK),
        N::new("div")
            .a("class", "row")
            .a("role", "group")
            .a("aria-label", text::SEEK)
            .c(N::new("output")
                .a("class", "derived")
                .a("data-testid", "seek-field")
                .live(|app, _| {
                    let label = match &app.last_field {
                        Some(p) => match Field::parse(p) {
                            Some(f) => f.label(&app.assessment),
                            None => p.clone(),
                        },
                        None => text::SEEK_FIELD_HINT.to_string(),
                    };
                    format!("{}：{label}", text::SEEK_FIELD)
                }))
            .c(N::new("label").t(text::SEEK_GOAL).c(N::new("input")
                .a("type", "text")
                .a("id", "seek-goal")
                .a("data-testid", "seek-goal")
                .value(&goal)
                .on("input", |ev| {
                    let v = target_value(ev);
                    with_mut(|app| app.goal = v);
                })))
            .c(button(text::SEEK_RUN, |_| {
                with_mut(|app| {
                    if let Some(path) = &app.last_field {
                        app.seek = Some(
                            Goal::parse(&app.goal)
                                .and_then(|g| whatif::seek(&app.assessment, path, &g)),
                        );
                    }
                });
                refresh();
            })
            .a("data-testid", "seek-run")
            .out(Kind::EnabledIf, |app, _| {
                if app.last_field.is_none() { "off" } else { "" }.to_string()
            })),
        N::new("p").a("class", "hint").t(text::SEEK_EXAMPLES),
        N::new("div")
            .out(Kind::Custom(draw_seek), |app, _| match &app.seek {
                None => String::new(),
                Some(Ok(s)) => format!("{}{}", s.reachable, s.reason),
                Some(Err(m)) => m.clone(),
            })
            .on("click", |ev| {
                let apply = ev
                    .target()
                    .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
                    .is_some_and(|e| {
                        e.closest("[data-testid=seek-apply]")
                            .ok()
                            .flatten()
                            .is_some()
                    });
                if apply {
                    apply_seek();
                }
            }),
    ]
}

/// Draws goal seek's answer, with the button that fills it in when it is reachable.
fn draw_seek(el: &web_sys::Element, _: &str) {
    el.set_text_content(None);
    let answer = with(|app| app.seek.clone());
    let node = match answer {
        None => return,
        Some(Ok(s)) => N::new("div")
            .a(
                "class",
                if s.reachable {
                    "notice info"
                } else {
                    "notice warning"
                },
            )
            .a("data-testid", "seek-answer")
            .t(&s.reason)
            .t(" ")
            .c_opt(s.reachable.then(|| {
                N::new("button")
                    .a("type", "button")
                    .a("data-testid", "seek-apply")
                    .t(text::SEEK_APPLY)
            })),
        Some(Err(m)) => N::new("div")
            .a("class", "notice error")
            .a("data-testid", "seek-answer")
            .t(&m),
    };
    let _ = el.append_child(&node.0);
}

/// Fills in goal seek's answer, in the field and in what it shows.
fn apply_seek() {
    let Some((path, v)) = with(|app| {
        let v = app.seek.as_ref()?.as_ref().ok()?.value?;
        Some((app.last_field.clone()?, v))
    }) else {
        return;
    };
    edit(&[], |app| {
        let _ = paths::set(&mut app.assessment, &path, Some(v));
        app.raw.remove(&path);
    });
    if let Some(field) = crate::build::document().get_element_by_id(&path) {
        crate::build::set_value(&field, &ziping_engine::num::fmt_plain(v));
    }
    focus(&path);
}

/// Points lost per section, as bars (SVG, no charting library).
fn lost_points() -> Vec<N> {
    vec![
        N::new("h3").t(text::LOST),
        svg("svg")
            .a("role", "img")
            .a("aria-label", text::LOST)
            .a("width", "460")
            .a("data-testid", "lost-chart")
            .out(Kind::Custom(draw_lost), |_, c| {
                // Bars to scale: the section with the most points is 300 wide.
                let top = c
                    .card
                    .sections
                    .iter()
                    .map(|s| s.points)
                    .max()
                    .unwrap_or(Decimal::ONE)
                    .max(Decimal::ONE);
                let mut v = String::new();
                for s in &c.card.sections {
                    let lost = s.lost();
                    let width = num::mul(lost, Decimal::from(300))
                        .and_then(|x| num::div(x, top))
                        .unwrap_or_default()
                        .round_dp(1);
                    v.push_str(&format!(
                        "{}\u{1f}{width}\u{1f}{}\u{1f}−{}\u{1e}",
                        s.name,
                        (width + Decimal::from(106)).round_dp(0),
                        Plain(lost)
                    ));
                }
                v
            }),
    ]
}

/// An SVG element.
fn svg(tag: &str) -> N {
    N(crate::build::document()
        .create_element_ns(Some("http://www.w3.org/2000/svg"), tag)
        .expect_throw("an SVG element"))
}

/// Draws the lost-points bars from (name, bar width, label place, label) records.
fn draw_lost(el: &web_sys::Element, v: &str) {
    el.set_text_content(None);
    let mut n = 0;
    for record in v.split('\u{1e}').filter(|r| !r.is_empty()) {
        let mut p = record.split('\u{1f}');
        let (Some(name), Some(width), Some(at), Some(label)) =
            (p.next(), p.next(), p.next(), p.next())
        else {
            continue;
        };
        let (y, text_y) = ((n * 26 + 4).to_string(), (n * 26 + 16).to_string());
        let g = svg("g")
            .c(svg("text")
                .a("x", "0")
                .a("y", &text_y)
                .a("font-size", "12")
                .t(name))
            .c(svg("rect")
                .a("x", "100")
                .a("y", &y)
                .a("width", width)
                .a("height", "16")
                .a("fill", "#b42318"))
            .c(svg("text")
                .a("x", at)
                .a("y", &text_y)
                .a("font-size", "12")
                .t(label));
        let _ = el.append_child(&g.0);
        n += 1;
    }
    let _ = el.set_attribute("height", &(n * 26 + 4).to_string());
}

/// For each indicator scored against a target, the total at 80% and 60% of it.
fn sensitivity() -> Vec<N> {
    vec![
        N::new("h3").t(text::SENSITIVITY),
        N::new("p")
            .a("class", "hint")
            .t(text::SENSITIVITY_HINT)
            .t(" ")
            .c(button(text::SENSITIVITY_RUN, |_| {
                with_mut(|app| {
                    let levels = [Decimal::new(8, 1), Decimal::new(6, 1)];
                    app.sensitivity = Some(whatif::sensitivity(&app.assessment, &levels));
                });
                refresh();
            })
            .a("data-testid", "sensitivity-run")),
        N::new("div")
            .out(Kind::Custom(draw_sensitivity), |app, _| {
                let mut key = String::new();
                for s in app.sensitivity.iter().flatten().take(SHOWN) {
                    key.push_str(&s.path);
                    key.push_str(&s.name);
                    for (_, t) in &s.totals {
                        key.push_str(&t.to_string());
                    }
                    key.push_str(&s.drop.to_string());
                }
                if app.sensitivity.is_some() {
                    key.push('.');
                }
                key
            })
            .on("click", |ev| {
                if let Some(path) = ev
                    .target()
                    .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
                    .and_then(|e| e.get_attribute("data-path"))
                {
                    focus(&path);
                }
            }),
    ]
}

/// The most rows the sensitivity table shows.
const SHOWN: usize = 100;

/// Draws the sensitivity table; a name jumps to its actual value.
fn draw_sensitivity(el: &web_sys::Element, _: &str) {
    el.set_text_content(None);
    let Some(list) = with(|app| app.sensitivity.clone()) else {
        return;
    };
    let body = list
        .into_iter()
        .take(SHOWN)
        .map(|s| {
            N::new("tr")
                .c(N::new("td").c(N::new("button")
                    .a("type", "button")
                    .a("class", "link")
                    .a("data-path", &format!("{}.measure.actual", s.path))
                    .t(&s.name)))
                .c(N::new("td").t(&Plain(s.points).to_string()))
                .c(N::new("td").t(&s.score.to_string()))
                .cs(s
                    .totals
                    .iter()
                    .map(|(_, t)| N::new("td").t(&t.to_string()))
                    .collect())
                .c(N::new("td").t(&s.drop.to_string()))
        })
        .collect();
    let heads = [text::NAME, text::POINTS, text::SCORE_COL, "80%", "60%", "−"];
    let table = N::new("table")
        .a("class", "sensitivity")
        .a("data-testid", "sensitivity")
        .c(N::new("thead").c(N::new("tr").cs(heads.iter().map(|h| N::new("th").t(h)).collect())))
        .c(N::new("tbody").cs(body));
    let _ = el.append_child(&table.0);
}
