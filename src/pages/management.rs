//! 管理效率: the seven aspects of the scheme with their criteria; each criterion scored by
//! its rule, from ticked checks or typed figures. Criteria, their rules and their checks
//! can be reworded, added and removed, for a local scheme's own wording.

use rust_decimal::Decimal;
use ziping_engine::model::{Assessment, Check, Criterion, Measure};
use ziping_engine::paths::Row;
use ziping_engine::scheme::Rule;

use crate::build::{button, select, target_checked, target_value, N};
use crate::fields::{after_removing, notes, number, remap_rows, text_input};
use crate::rule_editor;
use crate::rule_editor::{rule_for, rule_key, RULES};
use crate::state::{edit, Notice};
use crate::text;
use crate::view::{with, Region};

/// What a change of criteria rebuilds: this page, and the score panel's item lists.
const ROWS: [Region; 2] = [Region::Management, Region::Panel];

pub fn page() -> N {
    let aspects = with(|app| {
        let a = &app.assessment;
        a.scheme
            .aspects()
            .map(|spec| {
                let aspect = spec.aspect;
                let members: Vec<N> = a
                    .criteria
                    .iter()
                    .enumerate()
                    .filter(|(_, c)| c.aspect == aspect)
                    .map(|(i, c)| criterion(i, c))
                    .collect();
                let mut legend = N::new("legend").t(&format!(
                    "{} · {} {}",
                    aspect.label(),
                    text::POINTS,
                    spec.points.normalize()
                ));
                if spec.editable_default {
                    legend = legend.c(N::new("small").a("class", "hint").t(text::DEFAULT_SPLIT));
                }
                N::new("fieldset")
                    .a("class", "aspect")
                    .c(legend)
                    .cs(members)
                    .c(button(text::ADD_CRITERION, move |_| {
                        edit(&ROWS, |app| {
                            app.assessment.criteria.push(Criterion {
                                aspect,
                                name: String::new(),
                                points: Decimal::ZERO,
                                measure: Measure::new(Rule::Checklist),
                                example: false,
                            })
                        })
                    }))
            })
            .collect()
    });
    N::new("section")
        .a("id", "management")
        .a("class", "page")
        .c(N::new("h2").t(text::NO_MANAGEMENT).t(text::NAV_MANAGEMENT))
        .cs(aspects)
        .c(N::new("div")
            .a("class", "row")
            .c(button(text::RESET_CRITERIA, |_| {
                edit(&ROWS, |app| {
                    let fresh = Assessment::new(app.assessment.scheme.clone());
                    app.assessment.criteria = fresh.criteria;
                })
            }))
            .c(button(text::SAVE_CRITERIA, |_| {
                edit(&[Region::Notices, Region::Scheme], |app| {
                    app.assessment.criteria_into_scheme();
                    let name = app.assessment.scheme.name.clone();
                    app.notify(Notice::Info(text::criteria_saved(&name)));
                })
            })))
}

/// Changes criterion `i`, if it is still there; `regions` are rebuilt.
fn with_criterion(regions: &[Region], i: usize, f: impl FnOnce(&mut Criterion)) {
    edit(regions, |app| {
        if let Some(x) = app.assessment.criteria.get_mut(i) {
            f(x)
        }
    })
}

fn criterion(i: usize, c: &Criterion) -> N {
    let at = format!("criteria[{i}]");
    let key = rule_key(&c.measure.rule);
    // 定性 needs a grade, which criteria do not have; it is listed only if a file set it.
    let rules: Vec<(&str, &str)> = RULES
        .iter()
        .filter(|(k, _)| *k != "qualitative" || key == "qualitative")
        .copied()
        .collect();
    let mut out = N::new("div")
        .a("class", "criterion")
        .c(N::new("div")
            .a("class", "row")
            .c(N::new("label").t(text::CRITERION_NAME).c(text_input(
                &format!("{at}.name"),
                text::CRITERION_NAME,
                &c.name,
                move |a, v| {
                    if let Some(x) = a.criteria.get_mut(i) {
                        x.name = v
                    }
                },
                None,
            )))
            .c_opt(
                c.example
                    .then(|| N::new("small").a("class", "tag").t(text::EXAMPLE)),
            )
            .c(N::new("label").t(text::POINTS).c(number(
                &format!("{at}.points"),
                &format!("{}{}", text::POINTS, i + 1),
                None,
            )))
            .c(N::new("label").t(text::RULE).c(select(
                &format!("{at}.measure.rule"),
                text::RULE,
                &rules,
                key,
            )
            .on("change", move |ev| {
                let k = target_value(ev);
                with_criterion(&[Region::Management], i, |x| {
                    x.measure.rule = rule_for(&k, x.points, !x.measure.checks.is_empty())
                })
            })))
            .c(N::new("span")
                .a("class", "score-cell")
                .a("data-item", &at)
                .t(text::SCORE_COL)
                .t(" ")
                .c(N::new("b").live(move |_, c| c.row_score(Row::Criterion(i)))))
            .c(button(text::REMOVE_CRITERION, move |_| {
                edit(&ROWS, |app| {
                    if i < app.assessment.criteria.len() {
                        app.assessment.criteria.remove(i);
                        remap_rows(&mut app.raw, "criteria[", after_removing(i));
                    }
                })
            })
            .a("class", "remove")))
        .c_opt(rule_editor::params(
            &format!("{at}.measure.rule"),
            &c.measure.rule,
        ))
        .c(notes(&format!("{at}.measure.rule")));
    if c.measure.rule.needs_target() {
        out = out.c(N::new("div")
            .a("class", "row")
            .c(N::new("label").t(text::TARGET).c(number(
                &format!("{at}.measure.target"),
                text::TARGET,
                None,
            )))
            .c(N::new("label").t(text::ACTUAL_VALUE).c(number(
                &format!("{at}.measure.actual"),
                text::ACTUAL_VALUE,
                None,
            ))));
    }
    if c.measure.rule == Rule::Manual {
        out = out.c(N::new("div")
            .a("class", "row")
            .c(N::new("label").t(text::ENTERED).c(number(
                &format!("{at}.measure.entered_score"),
                text::ENTERED,
                None,
            )))
            .c(N::new("label").t(text::REASON).c(text_input(
                &format!("{at}.measure.reason"),
                text::REASON,
                &c.measure.reason,
                move |a, v| {
                    if let Some(x) = a.criteria.get_mut(i) {
                        x.measure.reason = v
                    }
                },
                None,
            ))));
    }
    let checks = c
        .measure
        .checks
        .iter()
        .enumerate()
        .map(|(k, ch)| check(i, k, ch))
        .collect();
    out.c(N::new("ul")
        .a("class", "checks")
        .a("aria-label", text::CHECKS)
        .cs(checks))
        .c(button(text::ADD_CHECK, move |_| {
            with_criterion(&[Region::Management], i, |x| {
                x.measure.checks.push(Check {
                    text: String::new(),
                    met: false,
                })
            })
        }))
        .c(notes(&format!("{at}.measure.checks")))
}

/// Changes check `k` of criterion `i`, if it is still there.
fn with_check(a: &mut Assessment, i: usize, k: usize, f: impl FnOnce(&mut Check)) {
    if let Some(ch) = a
        .criteria
        .get_mut(i)
        .and_then(|x| x.measure.checks.get_mut(k))
    {
        f(ch)
    }
}

/// One check of a criterion: ticked when met; its wording can be changed.
fn check(i: usize, k: usize, ch: &Check) -> N {
    let id = format!("criteria[{i}].measure.checks[{k}]");
    N::new("li")
        .a("class", "row")
        .c(N::new("input")
            .a("type", "checkbox")
            .a("id", &id)
            .a("aria-label", &ch.text)
            .checked(ch.met)
            .on("change", move |ev| {
                let on = target_checked(ev);
                edit(&[], |app| {
                    with_check(&mut app.assessment, i, k, |ch| ch.met = on)
                })
            }))
        .c(N::new("input")
            .a("type", "text")
            .a("class", "check-text")
            .a("id", &format!("{id}.text"))
            .a("aria-label", &text::check_text(k))
            .value(&ch.text)
            .on("input", move |ev| {
                let v = target_value(ev);
                edit(&[], |app| {
                    with_check(&mut app.assessment, i, k, |ch| ch.text = v)
                })
            }))
        .c(button("×", move |_| {
            with_criterion(&[Region::Management], i, |x| {
                if k < x.measure.checks.len() {
                    x.measure.checks.remove(k);
                }
            })
        })
        .a("class", "remove")
        .a("aria-label", &text::check_remove(k)))
}
