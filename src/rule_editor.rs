//! 评分规则: picking a scored item's rule and editing its bands or deductions, one way for
//! an indicator, a management criterion and the execution block, by the rule's path.

use std::rc::Rc;

use rust_decimal::Decimal;
use ziping_engine::model::Assessment;
use ziping_engine::num::RoundingMode;
use ziping_engine::paths;
use ziping_engine::scheme::{AtMostVariant, Band, Basis, DeductionBasis, Rule};

use crate::build::{button, select, target_value, N};
use crate::fields::number_with;
use crate::state::edit;
use crate::text;
use crate::view::Region;

/// The rules an item can pick, by a stable key.
pub const RULES: [(&str, &str); 9] = [
    ("at_least", text::RULE_AT_LEAST),
    ("at_most_ratio", text::RULE_AT_MOST_RATIO),
    ("at_most_linear", text::RULE_AT_MOST_LINEAR),
    ("exactly", text::RULE_EXACTLY),
    ("qualitative", text::RULE_QUALITATIVE),
    ("bands", text::RULE_BANDS),
    ("deduction", text::RULE_DEDUCTION),
    ("checklist", text::RULE_CHECKLIST),
    ("manual", text::RULE_MANUAL),
];

pub fn rule_key(r: &Rule) -> &'static str {
    match r {
        Rule::AtLeast => "at_least",
        Rule::AtMost {
            variant: AtMostVariant::Ratio,
        } => "at_most_ratio",
        Rule::AtMost {
            variant: AtMostVariant::Linear,
        } => "at_most_linear",
        Rule::Exactly => "exactly",
        Rule::Qualitative => "qualitative",
        Rule::Bands { .. } => "bands",
        Rule::Deduction { .. } => "deduction",
        Rule::Checklist => "checklist",
        Rule::Manual => "manual",
    }
}

/// The rule a key names, with defaults scaled to the item's points; a deduction counts
/// unmet checks where the item has checks, else percentage points of completion.
pub fn rule_for(key: &str, points: Decimal, has_checks: bool) -> Rule {
    let at = |pct: i64| RoundingMode::HalfUp.round(points * Decimal::new(pct, 2), 2);
    match key {
        "at_most_ratio" => Rule::AtMost {
            variant: AtMostVariant::Ratio,
        },
        "at_most_linear" => Rule::AtMost {
            variant: AtMostVariant::Linear,
        },
        "exactly" => Rule::Exactly,
        "qualitative" => Rule::Qualitative,
        "bands" => Rule::Bands {
            basis: Basis::Completion,
            bands: [(100, 100), (90, 80), (80, 60), (60, 40)]
                .map(|(min, pct)| Band {
                    min: Decimal::from(min),
                    points: at(pct),
                })
                .to_vec(),
        },
        "deduction" => Rule::Deduction {
            basis: if has_checks {
                DeductionBasis::FailedChecks
            } else {
                DeductionBasis::CompletionShortfall
            },
            per: Decimal::ONE,
            step: Decimal::ONE,
        },
        "checklist" => Rule::Checklist,
        "manual" => Rule::Manual,
        _ => Rule::AtLeast,
    }
}

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
