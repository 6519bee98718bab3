//! 绩效指标: the indicator table. Rows can be added, removed, reordered, duplicated and
//! pasted from Excel; each row shows its score, and its formula on hover.

use rust_decimal::Decimal;
use wasm_bindgen::JsCast;
use ziping_engine::model::{Achievement, Indicator, IndicatorKind, Measure, Override};
use ziping_engine::paths::{Field, Row};
use ziping_engine::scheme::Rule;
use ziping_engine::{score, tsv};

use crate::build::{
    button, document, focus, focus_quietly, select, set_value, target_checked, target_value, N,
};
use crate::fields::{
    after_removing, enter_moves_down, notes, number, pasted_block, remap_rows, shown, target_row,
    text_area, text_input, Cell,
};
use crate::rule_editor;
use crate::rule_editor::{rule_for, rule_key, RULES};
use crate::state::{edit, notify, App, Notice};
use crate::text;
use crate::view::{part, patch, refresh, remove, with, Place, Region};

pub fn page() -> N {
    let rows = with(|app| {
        app.assessment
            .indicators
            .iter()
            .enumerate()
            .map(|(i, x)| part(|| row(i, x)))
            .collect()
    });
    let heads = [
        "#",
        text::KIND,
        text::NAME,
        text::WORKLOAD_UNIT,
        text::POINTS,
        text::RULE,
        text::TARGET,
        text::ACTUAL_VALUE,
        text::ENTERED,
        text::SCORE_COL,
        text::DEVIATION,
        text::ACTIONS,
    ];
    N::new("section")
        .a("id", "indicators")
        .a("class", "page")
        .c(N::new("h2").t(text::NO_INDICATORS).t(text::NAV_INDICATORS))
        .c(N::new("p").a("class", "derived").live(|_, c| {
            let n = &c.figures.indicator_counts;
            let kinds: Vec<(&str, usize)> =
                n.by_kind.iter().map(|(k, n)| (k.label(), *n)).collect();
            text::indicator_counts(n.output, n.benefit, &kinds)
        }))
        .c(N::new("p").a("class", "hint").t(text::INDICATOR_PASTE_HINT))
        .c(N::new("div").a("class", "table-scroll").c(N::new("table")
            .a("class", "indicators")
            .on("keydown", enter_moves_down)
            .on("paste", |ev| {
                let Some(data) = pasted_block(ev) else {
                    return;
                };
                let mut a = with(|app| app.assessment.clone());
                let row = target_row(ev).unwrap_or(a.indicators.len());
                match tsv::paste_indicators(&mut a, row, &data) {
                    Ok(_) => {
                        edit(&[Region::Panel], |app| app.assessment = a);
                        refill(row..usize::MAX);
                    }
                    Err(m) => notify(Notice::ImportFailed(m)),
                }
            })
            .on("mouseover", |ev| {
                // The formula in words is written when the pointer comes to the score.
                let Some(cell) = ev
                    .target()
                    .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
                    .and_then(|e| e.closest(".score-cell[data-item]").ok().flatten())
                else {
                    return;
                };
                let path = cell.get_attribute("data-item").unwrap_or_default();
                let tip = with(|app| formula(app, &path));
                let _ = cell.set_attribute("title", &tip);
            })
            .c(N::new("thead")
                .c(N::new("tr").cs(heads.iter().map(|h| N::new("th").t(h)).collect())))
            .c(N::new("tbody").cs(rows))))
        .c(button(text::ADD_INDICATOR, |_| {
            let n = with(|app| app.assessment.indicators.len());
            edit(&[Region::Panel], |app| {
                app.assessment.indicators.push(Indicator {
                    kind: IndicatorKind::Quantity,
                    name: String::new(),
                    unit: String::new(),
                    points: Decimal::ZERO,
                    measure: Measure::new(Rule::AtLeast),
                    deviation_note: String::new(),
                    example: false,
                })
            });
            if let Some(body) = rows_parent() {
                patch(Region::Indicators, Place::Append(body), || built_row(n));
            }
            refresh();
            // The new row is where the user types next.
            focus(&format!("indicators[{n}].name"));
        }))
}

/// An item's formula in words, written on demand: the live card carries none.
pub fn formula(app: &App, path: &str) -> String {
    score::score(&app.assessment)
        .items()
        .find(|i| i.path == path)
        .map(|i| i.formula.clone())
        .unwrap_or_default()
}

/// Changes row `i`, if it is still there; `regions` are rebuilt.
fn with_row(regions: &[Region], i: usize, f: impl FnOnce(&mut Indicator)) {
    edit(regions, |app| {
        if let Some(x) = app.assessment.indicators.get_mut(i) {
            f(x)
        }
    })
}

/// The element holding the table's rows.
fn rows_parent() -> Option<web_sys::Element> {
    document()
        .query_selector("table.indicators tbody")
        .ok()
        .flatten()
}

/// Row `i` as the assessment has it now (an empty row if it is gone).
fn built_row(i: usize) -> N {
    with(|app| match app.assessment.indicators.get(i) {
        Some(x) => part(|| row(i, x)),
        None => N::new("tr"),
    })
}

/// Swaps rows `i` and `j`, with what was typed in them; only those two rows are shown
/// again, and the button pressed keeps the focus in the row it moved.
fn swap(i: usize, j: usize, button: &str) {
    if with(|app| i.max(j) >= app.assessment.indicators.len()) {
        return;
    }
    edit(&[Region::Panel], |app| {
        app.assessment.indicators.swap(i, j);
        remap_rows(&mut app.raw, "indicators[", |n| {
            Some(if n == i {
                j
            } else if n == j {
                i
            } else {
                n
            })
        });
    });
    refill(i.min(j)..i.max(j) + 1);
    focus_quietly(&format!("indicators[{j}].{button}"));
}

fn row(i: usize, x: &Indicator) -> N {
    let at = |k: &str| format!("indicators[{i}].{k}");
    let cell = |col| {
        Some(Cell {
            grid: "indicators",
            row: i,
            col,
        })
    };
    let nth = |label: &str| text::row_field(i + 1, label);
    let key = rule_key(&x.measure.rule);
    let kinds: Vec<(&str, &str)> = IndicatorKind::ALL
        .iter()
        .map(|k| (k.label(), text::kind_short(k.label())))
        .collect();
    let kind = select(&at("kind"), text::KIND, &kinds, x.kind.label())
        .a("class", "kind")
        .on("change", move |ev| {
            let v = target_value(ev);
            if let Some(k) = IndicatorKind::ALL.iter().find(|k| k.label() == v) {
                with_row(&[], i, |x| x.kind = *k)
            }
        });
    let rule = select(&at("measure.rule"), text::RULE, &RULES, key).on("change", move |ev| {
        let k = target_value(ev);
        with_row(&[Region::Indicators], i, |x| {
            x.measure.rule = rule_for(&k, x.points, false)
        })
    });
    let mut entered = N::new("td");
    if key == "qualitative" {
        let grades = [
            Achievement::Achieved,
            Achievement::Partial,
            Achievement::NotAchieved,
        ];
        let mut options = vec![("", text::NOT_SET)];
        options.extend(grades.iter().map(|g| (g.label(), g.label())));
        let now = x.measure.grade.map_or("", |g| g.label());
        entered = entered.c(
            select(&at("measure.grade"), text::GRADE_Q, &options, now).on("change", move |ev| {
                let v = target_value(ev);
                let g = grades.into_iter().find(|g| g.label() == v);
                with_row(&[], i, |x| x.measure.grade = g)
            }),
        );
    }
    if matches!(key, "qualitative" | "manual") {
        entered = entered.c(number(
            &at("measure.entered_score"),
            &nth(text::ENTERED),
            None,
        ));
    }
    if key == "manual" {
        entered = entered.c(text_input(
            &at("measure.reason"),
            text::REASON,
            &x.measure.reason,
            move |a, v| {
                if let Some(x) = a.indicators.get_mut(i) {
                    x.measure.reason = v
                }
            },
            cell(5),
        ));
    }
    let item = format!("indicators[{i}]");
    let mut adjust = N::new("details")
        .a("id", &at("adjust"))
        .c(N::new("summary").a("title", text::OVERRIDE).t(text::ADJUST))
        .c(N::new("label")
            .a("class", "check")
            .c(N::new("input")
                .a("type", "checkbox")
                .checked(x.measure.override_score.is_some())
                .on("change", move |ev| {
                    let on = target_checked(ev);
                    with_row(&[Region::Indicators], i, |x| {
                        x.measure.override_score = on.then(|| Override {
                            score: x.points,
                            reason: String::new(),
                        })
                    })
                }))
            .t(text::OVERRIDE));
    if let Some(o) = &x.measure.override_score {
        adjust = adjust
            .c(number(&at("measure.override.score"), text::OVERRIDE, None))
            .c(text_input(
                &at("measure.override.reason"),
                text::OVERRIDE_REASON,
                &o.reason,
                move |a, v| {
                    if let Some(o) = a
                        .indicators
                        .get_mut(i)
                        .and_then(|x| x.measure.override_score.as_mut())
                    {
                        o.reason = v
                    }
                },
                cell(6),
            ));
    }
    let shape = shape(x).unwrap_or_default();
    N::new("tr")
        .a_if(!shape.is_empty(), "data-shape", &shape)
        .c(N::new("td").a("class", "num-col").t(&(i + 1).to_string()))
        .c(N::new("td").c(kind).c(notes(&at("kind"))))
        .c(N::new("td").a("class", "wide").c(text_input(
            &at("name"),
            text::NAME,
            &x.name,
            move |a, v| {
                if let Some(x) = a.indicators.get_mut(i) {
                    x.name = v
                }
            },
            cell(0),
        )))
        .c(N::new("td").a("class", "narrow").c(text_input(
            &at("unit"),
            text::WORKLOAD_UNIT,
            &x.unit,
            move |a, v| {
                if let Some(x) = a.indicators.get_mut(i) {
                    x.unit = v
                }
            },
            cell(1),
        )))
        .c(N::new("td")
            .a("class", "narrow")
            .c(number(&at("points"), &nth(text::POINTS), cell(2))))
        .c(N::new("td")
            .c(rule)
            .c_opt(rule_editor::params(&at("measure.rule"), &x.measure.rule))
            .c(notes(&at("measure.rule"))))
        .c(N::new("td").c(number(&at("measure.target"), &nth(text::TARGET), cell(3))))
        .c(N::new("td").c(number(
            &at("measure.actual"),
            &nth(text::ACTUAL_VALUE),
            cell(4),
        )))
        .c(entered)
        .c(N::new("td")
            .a("class", "score-cell")
            .a("data-item", &item)
            .c(N::new("b")
                .a("data-testid", &format!("indicator-score-{i}"))
                .live(move |_, c| c.row_score(Row::Indicator(i))))
            .c(adjust))
        .c(N::new("td").a("class", "wide").c(text_area(
            &at("deviation_note"),
            text::DEVIATION,
            &x.deviation_note,
            move |a, v| {
                if let Some(x) = a.indicators.get_mut(i) {
                    x.deviation_note = v
                }
            },
        )))
        .c(N::new("td")
            .a("class", "actions")
            .c(icon(text::ROW_UP, text::MOVE_UP, move || {
                swap(i, i.wrapping_sub(1), "up")
            })
            .a("id", &at("up"))
            .a_if(i == 0, "disabled", ""))
            .c(icon(text::ROW_DOWN, text::MOVE_DOWN, move || {
                swap(i, i + 1, "down")
            })
            .a("id", &at("down")))
            .c(icon(text::ROW_DUPLICATE, text::DUPLICATE, move || {
                edit(&[Region::Panel], |app| {
                    if let Some(x) = app.assessment.indicators.get(i).cloned() {
                        app.assessment.indicators.insert(i + 1, x);
                        remap_rows(&mut app.raw, "indicators[", |n| {
                            Some(if n > i { n + 1 } else { n })
                        });
                    }
                });
                refill(i + 1..usize::MAX);
            }))
            .c(icon(text::ROW_DELETE, text::DELETE, move || {
                edit(&[Region::Panel], |app| {
                    if i < app.assessment.indicators.len() {
                        app.assessment.indicators.remove(i);
                        remap_rows(&mut app.raw, "indicators[", after_removing(i));
                    }
                });
                refill(i..usize::MAX);
            })))
}

/// A row's shape: what its fields are, beyond their values. `None` for a row whose rule
/// has parameters, which is always built again.
fn shape(x: &Indicator) -> Option<String> {
    match x.measure.rule {
        Rule::Bands { .. } | Rule::Deduction { .. } => None,
        ref rule => Some(format!(
            "{}|{}",
            rule_key(rule),
            x.measure.override_score.is_some()
        )),
    }
}

/// What each field of row `i` shows, by its id.
fn values(app: &App, i: usize, x: &Indicator) -> Vec<(String, String)> {
    let at = |k: &str| format!("indicators[{i}].{k}");
    let number = |k: &str| {
        let id = at(k);
        let v = Field::parse(&id)
            .and_then(|f| f.get(&app.assessment))
            .flatten();
        let text = shown(app, &id, v);
        (id, text)
    };
    let key = rule_key(&x.measure.rule);
    let mut out = vec![
        (at("kind"), x.kind.label().to_string()),
        (at("name"), x.name.clone()),
        (at("unit"), x.unit.clone()),
        number("points"),
        (at("measure.rule"), key.to_string()),
        number("measure.target"),
        number("measure.actual"),
        (at("deviation_note"), x.deviation_note.clone()),
    ];
    if key == "qualitative" {
        let grade = x.measure.grade.map_or("", |g| g.label());
        out.push((at("measure.grade"), grade.to_string()));
    }
    if matches!(key, "qualitative" | "manual") {
        out.push(number("measure.entered_score"));
    }
    if key == "manual" {
        out.push((at("measure.reason"), x.measure.reason.clone()));
    }
    if let Some(o) = &x.measure.override_score {
        out.push(number("measure.override.score"));
        out.push((at("measure.override.reason"), o.reason.clone()));
    }
    out
}

/// Shows `rows` as the assessment has them now, after rows were moved, inserted or
/// removed: a row of the same shape takes the new values into its fields, any other is
/// built again, and the table gains or loses rows at its end: a 500-row table is not built
/// again for one row.
fn refill(rows: std::ops::Range<usize>) {
    let Some(body) = rows_parent() else {
        return;
    };
    let n = with(|app| app.assessment.indicators.len());
    let shown = body.children().length() as usize;
    let from = rows.start;
    let fills: Vec<Option<Vec<(String, String)>>> = with(|app| {
        (from..rows.end.min(n).min(shown))
            .map(|k| {
                let x = app.assessment.indicators.get(k)?;
                let tr = body.children().item(k as u32)?;
                let same = shape(x).is_some_and(|s| tr.get_attribute("data-shape") == Some(s));
                same.then(|| values(app, k, x))
            })
            .collect()
    });
    while body.children().length() as usize > n {
        match body.last_element_child() {
            Some(last) => remove(Region::Indicators, &last),
            None => break,
        }
    }
    for (k, fill) in (from..).zip(fills) {
        match fill {
            Some(values) => {
                for (id, text) in values {
                    if let Some(field) = document().get_element_by_id(&id) {
                        set_value(&field, &text);
                    }
                }
            }
            None => {
                if let Some(tr) = body.children().item(k as u32) {
                    patch(Region::Indicators, Place::Replace(tr), || built_row(k));
                }
            }
        }
    }
    for k in shown..n {
        patch(Region::Indicators, Place::Append(body.clone()), || {
            built_row(k)
        });
    }
    refresh();
}

/// A small button named by its title.
fn icon(glyph: &str, name: &str, f: impl Fn() + 'static) -> N {
    button(glyph, move |_| f())
        .a("class", "icon")
        .a("title", name)
        .a("aria-label", name)
}
