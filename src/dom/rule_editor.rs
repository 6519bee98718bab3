//! 评分规则: a scored item's bands or deduction, edited one way for an indicator, a
//! management criterion and the execution block, by the rule's path.

use std::rc::Rc;

use rust_decimal::Decimal;
use ziping_engine::model::Assessment;
use ziping_engine::paths;
use ziping_engine::scheme::{Band, Basis, DeductionBasis, Rule};

use super::build::{button, select, target_value, N};
use super::fields::number_with;
use super::state::edit;
use super::Region;
use crate::text;

/// What holds the rule at `path`, rebuilt when the rule's shape changes.
pub fn holder(path: &str) -> &'static [Region] {
    if path.starts_with("indicators") {
        &[Region::Indicators]
    } else if path.starts_with("criteria") {
        &[Region::Management]
    } else {
        &[Region::Scheme, Region::Management, Region::Panel]
    }
}

/// The bands or the deduction of `rule` at `path`, folded under a line that says them.
pub fn params(path: &str, rule: &Rule) -> Option<N> {
    match rule {
        Rule::Bands { basis, bands } => Some(bands_editor(path, *basis, bands)),
        Rule::Deduction { basis, per, step } => Some(deduction(path, *basis, *per, *step)),
        _ => None,
    }
}

/// Changes the rule at `path`, and forgets the kept texts of its parameters, whose
/// places may now hold other figures.
pub fn edit_rule(path: &str, f: impl FnOnce(&mut Rule)) {
    let prefix = format!("{path}.");
    edit(holder(path), |app| {
        mark_scheme(&mut app.assessment, path);
        if let Some(r) = paths::rule_mut(&mut app.assessment, path) {
            f(r)
        }
        app.raw.retain(|k, _| !k.starts_with(&prefix));
    });
}

/// A rule of the scheme (the execution block's) changed: the scheme is the user's own now.
fn mark_scheme(a: &mut Assessment, path: &str) {
    if path.starts_with("scheme.") {
        a.scheme.mark_custom();
    }
}

/// A number field over one parameter of the rule at `path`.
fn param(
    path: &str,
    key: &str,
    label: &str,
    value: Decimal,
    set: impl Fn(&mut Rule, Decimal) + 'static,
) -> N {
    let at = path.to_string();
    let set = Rc::new(move |a: &mut Assessment, v: Option<Decimal>| {
        mark_scheme(a, &at);
        if let Some(r) = paths::rule_mut(a, &at) {
            set(r, v.unwrap_or_default())
        }
    });
    number_with(&format!("{path}.{key}"), label, Some(value), set, None)
}

fn band_mut(r: &mut Rule, k: usize) -> Option<&mut Band> {
    match r {
        Rule::Bands { bands, .. } => bands.get_mut(k),
        _ => None,
    }
}

fn bands_editor(path: &str, basis: Basis, bands: &[Band]) -> N {
    let p = path.to_string();
    let basis_key = if basis == Basis::Actual {
        "actual"
    } else {
        "completion"
    };
    let options = [
        ("completion", text::BASIS_COMPLETION),
        ("actual", text::BASIS_ACTUAL),
    ];
    let rows = bands
        .iter()
        .enumerate()
        .map(|(k, b)| {
            let p = path.to_string();
            N::new("tr")
                .c(N::new("td").t("≥ ").c(param(
                    path,
                    &format!("bands[{k}].min"),
                    &text::band_min(k),
                    b.min,
                    move |r, v| {
                        if let Some(b) = band_mut(r, k) {
                            b.min = v
                        }
                    },
                )))
                .c(N::new("td").c(param(
                    path,
                    &format!("bands[{k}].points"),
                    &text::band_points(k),
                    b.points,
                    move |r, v| {
                        if let Some(b) = band_mut(r, k) {
                            b.points = v
                        }
                    },
                )))
                .c(N::new("td").c(button(text::REMOVE_BAND, move |_| {
                    edit_rule(&p, |r| {
                        if let Rule::Bands { bands, .. } = r {
                            if k < bands.len() {
                                bands.remove(k);
                            }
                        }
                    })
                })
                .a("aria-label", &text::band_remove(k))))
        })
        .collect();
    let add = path.to_string();
    N::new("details")
        .a("class", "rule-params")
        .a("id", &format!("{path}.params"))
        .c(N::new("summary").t(&text::bands_summary(bands.len())))
        .c(N::new("label").t(text::BAND_BASIS).c(select(
            &format!("{path}.basis"),
            text::BAND_BASIS,
            &options,
            basis_key,
        )
        .on("change", move |ev| {
            let b = if target_value(ev) == "actual" {
                Basis::Actual
            } else {
                Basis::Completion
            };
            edit_rule(&p, |r| {
                if let Rule::Bands { basis, .. } = r {
                    *basis = b
                }
            })
        })))
        .c(N::new("table")
            .a("class", "bands")
            .c(N::new("thead").c(N::new("tr")
                .c(N::new("th").t(text::BAND_MIN))
                .c(N::new("th").t(text::BAND_POINTS))
                .c(N::new("th"))))
            .c(N::new("tbody").cs(rows)))
        .c(button(text::ADD_BAND, move |_| {
            edit_rule(&add, |r| {
                if let Rule::Bands { bands, .. } = r {
                    bands.push(Band {
                        min: Decimal::ZERO,
                        points: Decimal::ZERO,
                    })
                }
            })
        }))
}

/// The deduction's bases, as the select offers them.
const DEDUCTION_BASES: [(DeductionBasis, &str, &str); 4] = [
    (
        DeductionBasis::CompletionShortfall,
        "completion_shortfall",
        text::BASIS_COMPLETION_SHORTFALL,
    ),
    (
        DeductionBasis::Shortfall,
        "shortfall",
        text::BASIS_SHORTFALL,
    ),
    (DeductionBasis::Excess, "excess", text::BASIS_EXCESS),
    (
        DeductionBasis::FailedChecks,
        "failed_checks",
        text::BASIS_FAILED_CHECKS,
    ),
];

fn deduction(path: &str, basis: DeductionBasis, per: Decimal, step: Decimal) -> N {
    let p = path.to_string();
    let options: Vec<(&str, &str)> = DEDUCTION_BASES.iter().map(|(_, k, l)| (*k, *l)).collect();
    let selected = DEDUCTION_BASES
        .iter()
        .find(|(b, _, _)| *b == basis)
        .map_or("", |(_, k, _)| k);
    let at = path.to_string();
    N::new("details")
        .a("class", "rule-params")
        .a("id", &format!("{path}.params"))
        .c(
            N::new("summary").live(move |app, _| match paths::rule(&app.assessment, &at) {
                Some(Rule::Deduction { per, step, .. }) => text::deduction_summary(*step, *per),
                _ => String::new(),
            }),
        )
        .c(N::new("label").t(text::DEDUCTION_BASIS).c(select(
            &format!("{path}.basis"),
            text::DEDUCTION_BASIS,
            &options,
            selected,
        )
        .on("change", move |ev| {
            let k = target_value(ev);
            if let Some((b, _, _)) = DEDUCTION_BASES.iter().find(|(_, key, _)| *key == k) {
                edit_rule(&p, |r| {
                    if let Rule::Deduction { basis, .. } = r {
                        *basis = *b
                    }
                })
            }
        })))
        .c(N::new("label").t(text::DEDUCTION_STEP).c(param(
            path,
            "step",
            text::DEDUCTION_STEP,
            step,
            |r, v| {
                if let Rule::Deduction { step, .. } = r {
                    *step = v
                }
            },
        )))
        .c(N::new("label").t(text::DEDUCTION_PER).c(param(
            path,
            "per",
            text::DEDUCTION_PER,
            per,
            |r, v| {
                if let Rule::Deduction { per, .. } = r {
                    *per = v
                }
            },
        )))
}
