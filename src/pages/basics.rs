//! 一、部门基本情况: department, year, unit, duties, tasks and objectives, and the
//! workload figures with their derived growth, rates and shares.

use ziping_engine::figures::{BreakdownFigures, TallyFigures};
use ziping_engine::model::{AmountUnit, Assessment, Breakdown, Part, Tally};
use ziping_engine::num::{fmt_pct, Plain};

use crate::build::{button, select, target_checked, target_value, N};
use crate::fields::{notes, number, paragraphs, text_input};
use crate::state::{edit, App, Calc};
use crate::text;
use crate::view::{with, Region};

pub fn page() -> N {
    with(|app| {
        let a = &app.assessment;
        let units = [AmountUnit::WanYuan, AmountUnit::Yuan].map(|u| (u.label(), u.label()));
        N::new("section")
            .a("id", "basics")
            .a("class", "page")
            .c(N::new("h2").t(text::NO_BASICS).t(text::NAV_BASICS))
            .c(N::new("div")
                .a("class", "grid-2")
                .c(N::new("label").t(text::TITLE).c(text_input(
                    "title",
                    text::TITLE,
                    &a.title,
                    |a, v| a.title = v,
                    None,
                )))
                .c(N::new("label").t(text::DEPARTMENT).c(text_input(
                    "department",
                    text::DEPARTMENT,
                    &a.department,
                    |a, v| a.department = v,
                    None,
                )))
                .c(N::new("label")
                    .a("for", "year")
                    .t(text::YEAR)
                    .c(N::new("input")
                        .a("id", "year")
                        .a("type", "number")
                        .a("min", "2000")
                        .a("max", "2100")
                        .value(&a.year.to_string())
                        .on("input", |ev| {
                            if let Ok(y) = target_value(ev).trim().parse::<i32>() {
                                edit(&[], |app| app.assessment.year = y);
                            }
                        }))
                    .c(notes("year")))
                .c(N::new("label").a("for", "unit").t(text::UNIT).c(select(
                    "unit",
                    text::UNIT,
                    &units,
                    a.unit.label(),
                )
                .on("change", |ev| {
                    let unit = if target_value(ev) == AmountUnit::Yuan.label() {
                        AmountUnit::Yuan
                    } else {
                        AmountUnit::WanYuan
                    };
                    edit(&[], |app| app.assessment.unit = unit);
                }))))
            .cs(paragraphs("duties", text::DUTIES, &a.duties, |a| {
                &mut a.duties
            }))
            .cs(paragraphs(
                "key_tasks",
                text::KEY_TASKS,
                &a.key_tasks,
                |a| &mut a.key_tasks,
            ))
            .c(N::new("h3").t(text::WORKLOAD))
            .cs(a
                .workload
                .iter()
                .enumerate()
                .map(|(i, t)| tally(i, t))
                .collect())
            .c(button(text::ADD_TALLY, |_| {
                edit(&[Region::Basics], |app| {
                    app.assessment.workload.push(Tally::default())
                })
            }))
            .cs(paragraphs(
                "objectives",
                text::OBJECTIVES,
                &a.objectives,
                |a| &mut a.objectives,
            ))
    })
}

/// Changes tally `i`, if it is still there.
fn on_tally(a: &mut Assessment, i: usize, f: impl FnOnce(&mut Tally)) {
    if let Some(t) = a.workload.get_mut(i) {
        f(t)
    }
}

/// Derived figures of tally `i`, as shown.
fn tally_fig(
    i: usize,
    f: fn(&TallyFigures, &App) -> Option<String>,
) -> impl Fn(&App, &Calc) -> String {
    move |app, c| {
        c.figures
            .workload
            .get(i)
            .and_then(|t| f(t, app))
            .unwrap_or_else(|| "—".into())
    }
}

fn tally(i: usize, t: &Tally) -> N {
    let at = |k: &str| format!("workload[{i}].{k}");
    N::new("fieldset")
        .a("class", "tally")
        .c(N::new("div")
            .a("class", "row")
            .c(N::new("label").t(text::WORKLOAD_NAME).c(text_input(
                &at("name"),
                text::WORKLOAD_NAME,
                &t.name,
                move |a, v| on_tally(a, i, |t| t.name = v),
                None,
            )))
            .c(N::new("label").t(text::WORKLOAD_UNIT).c(text_input(
                &at("unit"),
                text::WORKLOAD_UNIT,
                &t.unit,
                move |a, v| on_tally(a, i, |t| t.unit = v),
                None,
            )))
            .c(N::new("label").t(text::WORKLOAD_VALUE).c(number(
                &at("value"),
                text::WORKLOAD_VALUE,
                None,
            )))
            .c(N::new("label").t(text::WORKLOAD_LAST).c(number(
                &at("last_year"),
                text::WORKLOAD_LAST,
                None,
            )))
            .c(N::new("output")
                .a("class", "derived")
                .t(text::GROWTH)
                .t(" ")
                .c(N::new("span").live(tally_fig(i, |t, app| {
                    t.growth
                        .map(|g| fmt_pct(g, app.assessment.scheme.rounding.mode))
                }))))
            .c(N::new("label").t(text::WORKLOAD_DONE).c(number(
                &at("done"),
                text::WORKLOAD_DONE,
                None,
            )))
            .c(N::new("label").t(text::WORKLOAD_RATE_NAME).c(text_input(
                &at("rate_name"),
                text::WORKLOAD_RATE_NAME,
                &t.rate_name,
                move |a, v| on_tally(a, i, |t| t.rate_name = v),
                None,
            )))
            .c(N::new("output")
                .a("class", "derived")
                .t(text::RATE)
                .t(" ")
                .c(N::new("span").live(tally_fig(i, |t, app| {
                    t.rate
                        .map(|g| fmt_pct(g, app.assessment.scheme.rounding.mode))
                }))))
            .c(button(text::DELETE, move |_| {
                edit(&[Region::Basics], |app| {
                    if i < app.assessment.workload.len() {
                        app.assessment.workload.remove(i);
                    }
                })
            })
            .a("class", "small")))
        .cs(t
            .breakdowns
            .iter()
            .enumerate()
            .map(|(j, b)| breakdown(i, j, b))
            .collect())
        .c(button(text::ADD_BREAKDOWN, move |_| {
            edit(&[Region::Basics], |app| {
                on_tally(&mut app.assessment, i, |t| {
                    t.breakdowns.push(Breakdown {
                        complete: true,
                        ..Breakdown::default()
                    })
                })
            })
        })
        .a("class", "small"))
}

/// Changes breakdown `j` of tally `i`, if it is still there.
fn on_breakdown(a: &mut Assessment, i: usize, j: usize, f: impl FnOnce(&mut Breakdown)) {
    if let Some(b) = a.workload.get_mut(i).and_then(|t| t.breakdowns.get_mut(j)) {
        f(b)
    }
}

/// A derived figure of breakdown `j` of tally `i`, as shown.
fn breakdown_fig(
    i: usize,
    j: usize,
    f: impl Fn(&BreakdownFigures) -> Option<String> + 'static,
) -> impl Fn(&App, &Calc) -> String {
    move |_, c| {
        c.figures
            .workload
            .get(i)
            .and_then(|t| t.breakdowns.get(j))
            .and_then(&f)
            .unwrap_or_else(|| "—".into())
    }
}

fn breakdown(i: usize, j: usize, b: &Breakdown) -> N {
    let id = format!("workload[{i}].breakdowns[{j}]");
    let rows = b
        .parts
        .iter()
        .enumerate()
        .map(|(k, p)| {
            N::new("tr")
                .c(N::new("td").c(text_input(
                    &format!("{id}.parts[{k}].name"),
                    text::PART_NAME,
                    &p.name,
                    move |a, v| {
                        on_breakdown(a, i, j, |b| {
                            if let Some(p) = b.parts.get_mut(k) {
                                p.name = v
                            }
                        })
                    },
                    None,
                )))
                .c(N::new("td").c(number(
                    &format!("{id}.parts[{k}].value"),
                    text::WORKLOAD_VALUE,
                    None,
                )))
                .c(
                    N::new("td").c(N::new("output").a("class", "derived").live(breakdown_fig(
                        i,
                        j,
                        move |b| b.shares.get(k).copied().flatten().map(|s| format!("{s}%")),
                    ))),
                )
        })
        .collect();
    N::new("div")
        .a("class", "breakdown")
        .c(N::new("label").t(text::BREAKDOWN_TITLE).c(text_input(
            &format!("{id}.title"),
            text::BREAKDOWN_TITLE,
            &b.title,
            move |a, v| on_breakdown(a, i, j, |b| b.title = v),
            None,
        )))
        .c(N::new("label")
            .a("class", "check")
            .c(N::new("input")
                .a("type", "checkbox")
                .checked(b.complete)
                .on("change", move |ev| {
                    let on = target_checked(ev);
                    edit(&[], |app| {
                        on_breakdown(&mut app.assessment, i, j, |b| b.complete = on)
                    })
                }))
            .t(text::BREAKDOWN_COMPLETE))
        .c(N::new("table")
            .a("class", "parts")
            .c(N::new("thead").c(N::new("tr")
                .c(N::new("th").t(text::PART_NAME))
                .c(N::new("th").t(text::WORKLOAD_VALUE))
                .c(N::new("th").t(text::SHARE))))
            .c(N::new("tbody").cs(rows))
            .c(N::new("tfoot").c(N::new("tr")
                .c(N::new("th").t(text::SUM))
                .c(
                    N::new("td").c(N::new("output").a("class", "derived").live(breakdown_fig(
                        i,
                        j,
                        |b| Some(Plain(b.sum).to_string()),
                    ))),
                )
                .c(N::new("td")))))
        .c(button(text::ADD_PART, move |_| {
            edit(&[Region::Basics], |app| {
                on_breakdown(&mut app.assessment, i, j, |b| b.parts.push(Part::default()))
            })
        })
        .a("class", "small"))
}
