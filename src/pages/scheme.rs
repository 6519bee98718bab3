//! 评分标准: which scheme this assessment uses (built-in or imported), and an editor for
//! its points, rounding, grades and execution rule. The scheme is validated like the rest.

use std::rc::Rc;

use rust_decimal::Decimal;
use wasm_bindgen::JsCast;
use ziping_engine::file;
use ziping_engine::model::Assessment;
use ziping_engine::num::RoundingMode;
use ziping_engine::scheme::{
    Band, Basis, DeductionBasis, ExecutionBase, Grade, Rule, Scheme, SectionBody,
};
use ziping_engine::schemes;

use crate::build::{select, set_value, target_checked, target_value, N};
use crate::fields::{notes, number_with};
use crate::rule_editor;
use crate::rule_editor::rule_key;
use crate::state::edit;
use crate::view::{with, Kind, Region};
use crate::{storage, text};

/// What a change of the scheme's shape rebuilds.
const SHAPE: [Region; 3] = [Region::Scheme, Region::Management, Region::Panel];

/// Every scheme the user can pick: the built-in ones, then those imported.
fn choices() -> Vec<Scheme> {
    let mut all = schemes::builtin();
    all.extend(
        storage::schemes()
            .iter()
            .filter_map(|t| file::decode_scheme(t).ok()),
    );
    all
}

/// Changes the open assessment's scheme, which makes it the user's own (see
/// `Scheme::mark_custom`); the name is set after, so a typed name stays as typed.
fn edit_scheme(regions: &[Region], f: impl FnOnce(&mut Scheme)) {
    edit(regions, |app| {
        app.assessment.scheme.mark_custom();
        f(&mut app.assessment.scheme)
    });
}

/// A number field over a figure of the scheme.
fn scheme_number(
    id: &str,
    label: &str,
    value: Option<Decimal>,
    set: impl Fn(&mut Scheme, Decimal) + 'static,
) -> N {
    let set = Rc::new(move |a: &mut Assessment, v: Option<Decimal>| {
        a.scheme.mark_custom();
        set(&mut a.scheme, v.unwrap_or_default())
    });
    number_with(id, label, value, set, None)
}

/// The list of schemes to pick from, with the open one chosen; kept current as the open
/// scheme is renamed or becomes the user's own.
fn draw_choices(el: &web_sys::Element, v: &str) {
    el.set_text_content(None);
    let mut lines = v.split('\u{1e}');
    let now = lines.next().unwrap_or_default();
    for line in lines {
        if let Some((id, name)) = line.split_once('\u{1f}') {
            let _ = el.append_child(
                &N::new("option")
                    .a("value", id)
                    .a_if(id == now, "selected", "")
                    .t(name)
                    .0,
            );
        }
    }
    set_value(el, now);
}

pub fn page() -> N {
    with(|app| {
        let s = &app.assessment.scheme;
        let modes = [
            (RoundingMode::HalfUp, "half_up", text::HALF_UP),
            (RoundingMode::Truncate, "truncate", text::TRUNCATE),
            (RoundingMode::HalfEven, "half_even", text::HALF_EVEN),
        ];
        let mode = modes
            .iter()
            .find(|m| m.0 == s.rounding.mode)
            .map_or("half_up", |m| m.1);
        let options: Vec<(&str, &str)> = modes.iter().map(|(_, k, l)| (*k, *l)).collect();
        let grades = [Grade::Excellent, Grade::Good, Grade::Fair].map(|g| {
            N::new("label").t(g.label()).t(" ≥ ").c(scheme_number(
                &format!("scheme.grades.{}", g.label()),
                &format!("{}{}", g.label(), text::GRADES),
                s.grades.iter().find(|b| b.grade == g).map(|b| b.min),
                move |s, v| {
                    if let Some(b) = s.grades.iter_mut().find(|b| b.grade == g) {
                        b.min = v
                    }
                },
            ))
        });
        N::new("section")
            .a("id", "scheme")
            .a("class", "page")
            .c(N::new("h2").t(text::NAV_SCHEME))
            .c(N::new("label")
                .a("for", "scheme-choice")
                .t(text::SCHEME_CHOICE))
            .c(N::new("select")
                .a("id", "scheme-choice")
                .out(Kind::Custom(draw_choices), |app, _| {
                    let open = &app.assessment.scheme;
                    let mut list = choices();
                    if !list.iter().any(|s| s.id == open.id) {
                        list.push(open.clone());
                    }
                    let mut v = open.id.clone();
                    for s in list {
                        v.push('\u{1e}');
                        v.push_str(&s.id);
                        v.push('\u{1f}');
                        v.push_str(&s.name);
                    }
                    v
                })
                .on("change", |ev| {
                    let id = target_value(ev);
                    edit(&SHAPE, |app| {
                        // The user's own scheme stays on the list when another is chosen:
                        // nothing is lost.
                        let leaving = &app.assessment.scheme;
                        if leaving.id.starts_with("custom-") {
                            if let Err(e) = storage::keep_scheme(leaving) {
                                app.storage_failed(e);
                            }
                        }
                        if let Some(s) = choices().into_iter().find(|s| s.id == id) {
                            app.assessment.scheme = s;
                        }
                    });
                }))
            .c(N::new("p").a("class", "hint").t(text::IMPORT_SCHEME_HINT))
            .c(N::new("ul").a("class", "hint").cs(s
                .notes
                .iter()
                .map(|n| N::new("li").t(n))
                .collect()))
            .c(N::new("div")
                .a("class", "grid-2")
                .c(N::new("label").t(text::SCHEME_NAME).c(N::new("input")
                    .a("id", "scheme.name")
                    .a("type", "text")
                    .value(&s.name)
                    .out(Kind::Custom(set_value_if_other), |app, _| {
                        app.assessment.scheme.name.clone()
                    })
                    .on("input", |ev| {
                        let v = target_value(ev);
                        edit_scheme(&[], |s| s.name = v);
                    })))
                .c(N::new("label")
                    .a("for", "scheme.rounding")
                    .t(text::ROUNDING)
                    .c(
                        select("scheme.rounding", text::ROUNDING, &options, mode).on(
                            "change",
                            |ev| {
                                let mode = match target_value(ev).as_str() {
                                    "truncate" => RoundingMode::Truncate,
                                    "half_even" => RoundingMode::HalfEven,
                                    _ => RoundingMode::HalfUp,
                                };
                                edit_scheme(&[], |s| s.rounding.mode = mode);
                            },
                        ),
                    ))
                .c(N::new("label")
                    .a("class", "check")
                    .c(N::new("input")
                        .a("type", "checkbox")
                        .checked(s.rounding.rate_first)
                        .on("change", |ev| {
                            let on = target_checked(ev);
                            edit_scheme(&[], |s| s.rounding.rate_first = on)
                        }))
                    .t(text::RATE_FIRST))
                .c(N::new("label").t(text::OVER_ACHIEVEMENT).c(scheme_number(
                    "scheme.over_achievement",
                    text::OVER_ACHIEVEMENT,
                    Some(s.over_achievement),
                    |s, v| s.over_achievement = v,
                )))
                .c(N::new("label").t(text::LOW_EXECUTION).c(scheme_number(
                    "scheme.low_execution",
                    text::LOW_EXECUTION,
                    Some(s.low_execution),
                    |s, v| s.low_execution = v,
                ))))
            .c(N::new("h3").t(text::GRADES))
            .c(N::new("div").a("class", "row").cs(grades.into()))
            .c(notes("scheme.grades"))
            .c(N::new("h3").t(text::SECTION_POINTS))
            .cs(s
                .sections
                .iter()
                .enumerate()
                .map(|(i, x)| section(i, x))
                .collect())
            .c(notes("scheme.sections[0].points"))
    })
}

/// Sets a control's value when the state holds another (e.g. a name the scheme changed).
fn set_value_if_other(el: &web_sys::Element, v: &str) {
    let now = el
        .dyn_ref::<web_sys::HtmlInputElement>()
        .map(|i| i.value())
        .unwrap_or_default();
    if now != v {
        set_value(el, v);
    }
}

fn section(i: usize, x: &ziping_engine::scheme::Section) -> N {
    let sp = format!("scheme.sections[{i}]");
    let body: Vec<N> = match &x.body {
        SectionBody::Execution { base, rule } => execution(i, *base, rule),
        SectionBody::Indicators { categories } => categories
            .iter()
            .enumerate()
            .map(|(j, c)| {
                N::new("label")
                    .t(&format!("{} · {}", c.name, text::CATEGORY_POINTS))
                    .c(scheme_number(
                        &format!("{sp}.body.categories[{j}].points"),
                        &format!("{}{}", c.name, text::CATEGORY_POINTS),
                        c.points,
                        move |s, v| {
                            if let Some(SectionBody::Indicators { categories }) =
                                s.sections.get_mut(i).map(|x| &mut x.body)
                            {
                                if let Some(c) = categories.get_mut(j) {
                                    c.points = Some(v)
                                }
                            }
                        },
                    ))
            })
            .collect(),
        SectionBody::Management { aspects } => aspects
            .iter()
            .enumerate()
            .map(|(j, x)| {
                let label = x.aspect.label();
                N::new("label")
                    .t(&format!("{label} · {}", text::ASPECT_POINTS))
                    .c(scheme_number(
                        &format!("{sp}.body.aspects[{j}].points"),
                        &format!("{label}{}", text::ASPECT_POINTS),
                        Some(x.points),
                        move |s, v| {
                            if let Some(SectionBody::Management { aspects }) =
                                s.sections.get_mut(i).map(|x| &mut x.body)
                            {
                                if let Some(c) = aspects.get_mut(j) {
                                    c.points = v
                                }
                            }
                        },
                    ))
            })
            .collect(),
    };
    N::new("fieldset")
        .a("class", "scheme-section")
        .c(N::new("legend").live(move |app, _| {
            app.assessment
                .scheme
                .sections
                .get(i)
                .map(|s| s.name.clone())
                .unwrap_or_default()
        }))
        .c(N::new("label").t(text::POINTS).c(scheme_number(
            &format!("{sp}.points"),
            &format!("{}{}", text::SECTION_POINTS, i + 1),
            Some(x.points),
            move |s, v| {
                if let Some(x) = s.sections.get_mut(i) {
                    x.points = v
                }
            },
        )))
        .cs(body)
        .c(notes(&format!("{sp}.points")))
}

/// The execution block's rule: proportional, deductions per percentage point, or bands.
fn execution(i: usize, base: ExecutionBase, rule: &Rule) -> Vec<N> {
    let key = match rule_key(rule) {
        "deduction" => "per_point",
        "bands" => "bands",
        _ => "proportional",
    };
    let rules = [
        ("proportional", text::EXEC_PROPORTIONAL),
        ("per_point", text::EXEC_PER_POINT),
        ("bands", text::EXEC_BANDS),
    ];
    let bases = [
        ("adjusted", text::BASE_ADJUSTED),
        ("initial", text::BASE_INITIAL),
    ];
    let base_key = if base == ExecutionBase::Initial {
        "initial"
    } else {
        "adjusted"
    };
    let path = format!("scheme.sections[{i}].body.rule");
    vec![
        N::new("label").t(text::EXECUTION_RULE).c(select(
            "scheme.execution.rule",
            text::EXECUTION_RULE,
            &rules,
            key,
        )
        .on("change", move |ev| {
            let k = target_value(ev);
            edit_scheme(&SHAPE, |s| {
                if let Some(SectionBody::Execution { rule, .. }) =
                    s.sections.get_mut(i).map(|x| &mut x.body)
                {
                    *rule = match k.as_str() {
                        "per_point" => Rule::Deduction {
                            basis: DeductionBasis::CompletionShortfall,
                            per: Decimal::ONE,
                            step: Decimal::ONE,
                        },
                        "bands" => Rule::Bands {
                            basis: Basis::Completion,
                            bands: [(100, 10), (95, 8), (90, 6), (80, 4), (60, 2)]
                                .map(|(min, p)| Band {
                                    min: Decimal::from(min),
                                    points: Decimal::from(p),
                                })
                                .to_vec(),
                        },
                        _ => Rule::AtLeast,
                    };
                }
            });
        })),
        N::new("label").t(text::EXEC_BASE).c(select(
            "scheme.execution.base",
            text::EXEC_BASE,
            &bases,
            base_key,
        )
        .on("change", move |ev| {
            let b = if target_value(ev) == "initial" {
                ExecutionBase::Initial
            } else {
                ExecutionBase::Adjusted
            };
            edit_scheme(&[], |s| {
                if let Some(SectionBody::Execution { base, .. }) =
                    s.sections.get_mut(i).map(|x| &mut x.body)
                {
                    *base = b;
                }
            });
        })),
    ]
    .into_iter()
    .chain(rule_editor::params(&path, rule))
    .chain([notes(&path)])
    .collect()
}
