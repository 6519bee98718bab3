//! 评分规则: picking a scored item's rule and editing its bands or deductions, one way for
//! an indicator, a management criterion and the execution block, by the rule's path.

use std::sync::Arc;

use leptos::prelude::*;
use rust_decimal::Decimal;
use ziping_engine::model::Assessment;
use ziping_engine::num::RoundingMode;
use ziping_engine::paths::{self, Row};
use ziping_engine::scheme::{AtMostVariant, Band, Basis, DeductionBasis, Rule};

use crate::fields::{number, Getter, Setter};
use crate::state::Ctx;
use crate::text;

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

/// What a rule has to edit beyond its choice.
#[derive(Clone, Copy, PartialEq)]
enum Params {
    Bands(Basis, usize),
    Deduction(DeductionBasis),
    None,
}

/// The bands or the deduction of the rule at `path`, folded under a line that says them.
#[component]
pub fn RuleParams(#[prop(into)] path: String) -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let at = path.clone();
    let params = Memo::new(move |_| {
        read_rule(ctx, &at, |r| match r {
            Some(Rule::Bands { basis, bands }) => Params::Bands(*basis, bands.len()),
            Some(Rule::Deduction { basis, .. }) => Params::Deduction(*basis),
            _ => Params::None,
        })
    });
    // Open or folded, the parameters stay so when a band is added and they are drawn anew.
    let open = RwSignal::new(false);
    move || match params.get() {
        Params::Bands(basis, n) => bands(path.clone(), basis, n, open).into_any(),
        Params::Deduction(basis) => deduction(path.clone(), basis, open).into_any(),
        Params::None => ().into_any(),
    }
}

/// Reads the rule at `path`, tracking only what holds it: an indicator's rule from the
/// indicator's own row, so typing elsewhere does not wake every row's parameters.
fn read_rule<T>(ctx: Ctx, path: &str, f: impl FnOnce(Option<&Rule>) -> T) -> T {
    match path.split('.').next().and_then(paths::row) {
        Some(Row::Indicator(i)) => match ctx.indicator_at(i) {
            Some(row) => row.with(|x| f(x.as_ref().map(|x| &x.measure.rule))),
            None => ctx.assessment.with(|a| f(paths::rule(a, path))),
        },
        _ => ctx.assessment.with(|a| f(paths::rule(a, path))),
    }
}

/// Changes the rule at `path`, and forgets the kept texts of its parameters, whose
/// places may now hold other figures.
fn edit_rule(ctx: Ctx, path: &str, f: impl FnOnce(&mut Rule)) {
    ctx.edit(|a| {
        mark_scheme(a, path);
        if let Some(r) = paths::rule_mut(a, path) {
            f(r)
        }
    });
    let prefix = format!("{path}.");
    if ctx
        .raw
        .with_untracked(|r| r.keys().any(|k| k.starts_with(&prefix)))
    {
        ctx.edit_raw(|r| r.retain(|k, _| !k.starts_with(&prefix)));
    }
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
    key: String,
    label: String,
    get: impl Fn(&Rule) -> Option<Decimal> + Send + Sync + 'static,
    set: impl Fn(&mut Rule, Decimal) + Send + Sync + 'static,
) -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let (at, at2) = (path.to_owned(), path.to_owned());
    let get: Getter = Arc::new(move || read_rule(ctx, &at, |r| r.and_then(&get)));
    let set: Setter = Arc::new(move |a, v| {
        mark_scheme(a, &at2);
        if let Some(r) = paths::rule_mut(a, &at2) {
            set(r, v.unwrap_or_default())
        }
    });
    number(
        format!("{path}.{key}").into(),
        label.into(),
        get,
        set,
        None,
        None,
    )
}

fn band(r: &Rule, k: usize) -> Option<&Band> {
    match r {
        Rule::Bands { bands, .. } => bands.get(k),
        _ => None,
    }
}

fn band_mut(r: &mut Rule, k: usize) -> Option<&mut Band> {
    match r {
        Rule::Bands { bands, .. } => bands.get_mut(k),
        _ => None,
    }
}

fn bands(path: String, basis: Basis, n: usize, open: RwSignal<bool>) -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let p = path.clone();
    let set_basis = move |ev| {
        let b = if event_target_value(&ev) == "actual" {
            Basis::Actual
        } else {
            Basis::Completion
        };
        edit_rule(ctx, &p, |r| {
            if let Rule::Bands { basis, .. } = r {
                *basis = b
            }
        })
    };
    let p = path.clone();
    let add = move |_| {
        edit_rule(ctx, &p, |r| {
            if let Rule::Bands { bands, .. } = r {
                bands.push(Band {
                    min: Decimal::ZERO,
                    points: Decimal::ZERO,
                })
            }
        })
    };
    let fold_id = format!("{path}.params");
    let row = move |k: usize| {
        let p = path.clone();
        let remove = move |_| {
            edit_rule(ctx, &p, |r| {
                if let Rule::Bands { bands, .. } = r {
                    if k < bands.len() {
                        bands.remove(k);
                    }
                }
            })
        };
        view! {
            <tr>
                <td>"≥ "{param(&path, format!("bands[{k}].min"), text::band_min(k), move |r| band(r, k).map(|b| b.min),
                    move |r, v| if let Some(b) = band_mut(r, k) { b.min = v })}</td>
                <td>{param(&path, format!("bands[{k}].points"), text::band_points(k), move |r| band(r, k).map(|b| b.points),
                    move |r, v| if let Some(b) = band_mut(r, k) { b.points = v })}</td>
                <td><button type="button" on:click=remove aria-label=text::band_remove(k)>{text::REMOVE_BAND}</button></td>
            </tr>
        }
    };
    view! {
        <details class="rule-params" id=fold_id prop:open=move || open.get()
            on:toggle=move |ev| open.set(crate::fields::details_open(&ev))>
            <summary>{text::bands_summary(n)}</summary>
            <label>{text::BAND_BASIS}
                <select on:change=set_basis>
                    <option value="completion" selected=basis == Basis::Completion>{text::BASIS_COMPLETION}</option>
                    <option value="actual" selected=basis == Basis::Actual>{text::BASIS_ACTUAL}</option>
                </select>
            </label>
            <table class="bands">
                <thead><tr><th>{text::BAND_MIN}</th><th>{text::BAND_POINTS}</th><th></th></tr></thead>
                <tbody>{(0..n).map(row).collect_view()}</tbody>
            </table>
            <button type="button" on:click=add>{text::ADD_BAND}</button>
        </details>
    }
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

fn deduction(path: String, basis: DeductionBasis, open: RwSignal<bool>) -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let p = path.clone();
    let set_basis = move |ev| {
        let k = event_target_value(&ev);
        if let Some((b, _, _)) = DEDUCTION_BASES.iter().find(|(_, key, _)| *key == k) {
            edit_rule(ctx, &p, |r| {
                if let Rule::Deduction { basis, .. } = r {
                    *basis = *b
                }
            })
        }
    };
    let p = path.clone();
    let summary = move || {
        read_rule(ctx, &p, |r| match r {
            Some(Rule::Deduction { per, step, .. }) => text::deduction_summary(*step, *per),
            _ => String::new(),
        })
    };
    let get = |f: fn(Decimal, Decimal) -> Decimal| {
        move |r: &Rule| match r {
            Rule::Deduction { per, step, .. } => Some(f(*per, *step)),
            _ => None,
        }
    };
    view! {
        <details class="rule-params" id=format!("{path}.params") prop:open=move || open.get()
            on:toggle=move |ev| open.set(crate::fields::details_open(&ev))>
            <summary>{summary}</summary>
            <label>{text::DEDUCTION_BASIS}
                <select on:change=set_basis>
                    {DEDUCTION_BASES.map(|(b, k, l)| view! { <option value=k selected=b == basis>{l}</option> })}
                </select>
            </label>
            <label>{text::DEDUCTION_STEP}{param(&path, "step".into(), text::DEDUCTION_STEP.into(), get(|_, step| step),
                |r, v| if let Rule::Deduction { step, .. } = r { *step = v })}</label>
            <label>{text::DEDUCTION_PER}{param(&path, "per".into(), text::DEDUCTION_PER.into(), get(|per, _| per),
                |r, v| if let Rule::Deduction { per, .. } = r { *per = v })}</label>
        </details>
    }
}
