//! Scores one measure under its rule, and writes the formula applied in words.
//! Every score lies in [0, points] and keeps the scheme's decimals, rounded in its mode.

use rust_decimal::Decimal;

use crate::model::{Achievement, Measure};
use crate::num::{self, PctPlaces, Plain, RoundingMode};
use crate::scheme::{AtMostVariant, Band, Basis, DeductionBasis, Rounding, Rule};
use crate::text::{self, Labels};

/// The words for an indicator's or criterion's own figures.
pub const ITEM_LABELS: Labels = Labels {
    target: "目标值",
    actual: "实际值",
};

/// The result of scoring one measure.
#[derive(Debug, Clone, PartialEq)]
pub struct Outcome {
    /// The score the rule computes, rounded, in [0, points].
    pub computed: Decimal,
    /// The score that counts: the override's where there is one, else `computed`.
    pub score: Decimal,
    pub overridden: bool,
    /// actual ÷ target (target ÷ actual for at-most rules), where the rule has one.
    pub completion: Option<Decimal>,
    /// The formula applied, in words.
    pub formula: String,
}

/// A raw, unrounded score with the words that explain it.
struct Raw {
    value: Decimal,
    completion: Option<Decimal>,
    formula: String,
    /// " = " after arithmetic, " " after a statement such as 得满分.
    sep: &'static str,
}

/// Why a rule could not compute.
enum Failure {
    Missing(&'static str),
    Overflow,
}

/// Scores a measure worth `points` under the scheme's rounding, with the formula in words.
pub fn evaluate(m: &Measure, points: Decimal, rounding: Rounding, labels: Labels) -> Outcome {
    outcome(m, points, rounding, labels, true, Base::Any)
}

/// Scores a measure, writing the formula's words only when `explain` is set.
pub fn evaluate_with(
    m: &Measure,
    points: Decimal,
    rounding: Rounding,
    labels: Labels,
    explain: bool,
) -> Outcome {
    outcome(m, points, rounding, labels, explain, Base::Any)
}

/// Scores the budget-execution block: a rate of 全年执行数 to a budget of 0 or less cannot
/// be computed, so it earns 0 whatever the rule, rather than full marks for 0 ≥ 0.
pub fn evaluate_execution(
    m: &Measure,
    points: Decimal,
    rounding: Rounding,
    labels: Labels,
    explain: bool,
) -> Outcome {
    outcome(m, points, rounding, labels, explain, Base::Rate)
}

/// Whether the target is a budget a rate is computed from, which must be above 0.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Base {
    Any,
    Rate,
}

/// The score the rule computes, without the words: for checks that need only the figure.
pub fn computed(m: &Measure, points: Decimal, rounding: Rounding) -> Decimal {
    outcome(m, points, rounding, ITEM_LABELS, false, Base::Any).computed
}

/// The score the rule gives before it keeps the scheme's decimals, in [0, points], and
/// ignoring any override: to tell when rounding alone carries a score over a line.
pub fn unrounded(m: &Measure, points: Decimal, rounding: Rounding) -> Option<Decimal> {
    let points = points.max(Decimal::ZERO);
    raw(m, points, rounding, ITEM_LABELS, false, Base::Any)
        .ok()
        .map(|r| num::clamp(r.value, Decimal::ZERO, points))
}

fn outcome(
    m: &Measure,
    points: Decimal,
    rounding: Rounding,
    labels: Labels,
    explain: bool,
    base: Base,
) -> Outcome {
    let points = points.max(Decimal::ZERO);
    let nil = || settle(Decimal::ZERO, points, rounding);
    let (computed, completion, formula) = match raw(m, points, rounding, labels, explain, base) {
        Ok(r) => {
            let s = settle(r.value, points, rounding);
            let mut formula = r.formula;
            if explain {
                formula.push_str(r.sep);
                formula.push_str(&s.to_string());
            }
            (s, r.completion, formula)
        }
        Err(Failure::Missing(what)) => (nil(), None, say(explain, || text::formula_missing(what))),
        Err(Failure::Overflow) => (nil(), None, say(explain, text::formula_overflow)),
    };
    match &m.override_score {
        Some(o) => {
            let score = settle(o.score, points, rounding);
            let formula = say(explain, || {
                text::formula_override(&formula, score, &o.reason)
            });
            Outcome {
                computed,
                score,
                overridden: true,
                completion,
                formula,
            }
        }
        None => Outcome {
            computed,
            score: computed,
            overridden: false,
            completion,
            formula,
        },
    }
}

/// Clamps to [0, points] and keeps the scheme's decimals, never rounding above the points.
fn settle(value: Decimal, points: Decimal, rounding: Rounding) -> Decimal {
    let rounded = rounding.score(num::clamp(value, Decimal::ZERO, points));
    let most = Rounding {
        mode: RoundingMode::Truncate,
        ..rounding
    };
    rounded.min(most.score(points))
}

fn raw(
    m: &Measure,
    p: Decimal,
    r: Rounding,
    l: Labels,
    explain: bool,
    base: Base,
) -> Result<Raw, Failure> {
    let target = || m.target.ok_or(Failure::Missing(l.target));
    let actual = || m.actual.ok_or(Failure::Missing(l.actual));
    if base == Base::Rate {
        let t = target()?;
        if t <= Decimal::ZERO {
            return Ok(zero(say(explain, || {
                text::formula_no_rate(l.target, Plain(t))
            })));
        }
    }
    match &m.rule {
        Rule::AtLeast => {
            let (t, a) = (target()?, actual()?);
            if a >= t {
                return Ok(full(
                    p,
                    say(explain, || {
                        text::formula_reached(l, Plain(a), "≥", Plain(t))
                    }),
                ));
            }
            if t <= Decimal::ZERO {
                return Ok(zero(say(explain, || text::formula_negative(l.actual))));
            }
            let ratio = rate(a, t, r)?;
            let value = num::mul(p, ratio).ok_or(Failure::Overflow)?;
            let formula = say(explain, || {
                text::formula_ratio(l, Plain(a), Plain(t), shown(ratio, r), Plain(p))
            });
            Ok(Raw {
                value,
                completion: Some(ratio),
                formula,
                sep: EQUALS,
            })
        }
        Rule::AtMost { variant } => {
            let (t, a) = (target()?, actual()?);
            if a <= t {
                return Ok(full(
                    p,
                    say(explain, || {
                        text::formula_reached(l, Plain(a), "≤", Plain(t))
                    }),
                ));
            }
            if t <= Decimal::ZERO {
                return Ok(zero(say(explain, || {
                    text::formula_over_zero_ceiling(l, Plain(a))
                })));
            }
            match variant {
                AtMostVariant::Ratio => {
                    let ratio = rate(t, a, r)?;
                    let value = num::mul(p, ratio).ok_or(Failure::Overflow)?;
                    Ok(Raw {
                        value,
                        completion: Some(ratio),
                        formula: say(explain, || {
                            text::formula_at_most_ratio(
                                l,
                                Plain(a),
                                Plain(t),
                                shown(ratio, r),
                                Plain(p),
                            )
                        }),
                        sep: EQUALS,
                    })
                }
                AtMostVariant::Linear => {
                    let over = num::sub(a, t).ok_or(Failure::Overflow)?;
                    let excess = rate(over, t, r)?;
                    let keep = num::sub(Decimal::ONE, excess).ok_or(Failure::Overflow)?;
                    let value = num::mul(p, keep.max(Decimal::ZERO)).ok_or(Failure::Overflow)?;
                    Ok(Raw {
                        value,
                        completion: rate(t, a, r).ok(),
                        formula: say(explain, || {
                            text::formula_at_most_linear(
                                l,
                                Plain(a),
                                Plain(t),
                                shown(excess, r),
                                Plain(p),
                            )
                        }),
                        sep: EQUALS,
                    })
                }
            }
        }
        Rule::Exactly => {
            let (t, a) = (target()?, actual()?);
            if a == t {
                return Ok(full(
                    p,
                    say(explain, || {
                        text::formula_reached(l, Plain(a), "=", Plain(t))
                    }),
                ));
            }
            if t.is_zero() {
                return Ok(zero(say(explain, || {
                    text::formula_off_zero_target(l, Plain(a))
                })));
            }
            let gap = num::sub(a, t).ok_or(Failure::Overflow)?.abs();
            let dev = rate(gap, t.abs(), r)?;
            let keep = num::sub(Decimal::ONE, dev).ok_or(Failure::Overflow)?;
            let value = num::mul(p, keep.max(Decimal::ZERO)).ok_or(Failure::Overflow)?;
            Ok(Raw {
                value,
                completion: rate(a, t, r).ok(),
                formula: say(explain, || {
                    text::formula_deviation(l, Plain(a), Plain(t), shown(dev, r), Plain(p))
                }),
                sep: EQUALS,
            })
        }
        Rule::Qualitative => {
            let grade = m.grade.ok_or(Failure::Missing("定性评价等级"))?;
            let s = m.entered_score.ok_or(Failure::Missing("评分"))?;
            let (lo, hi) = qualitative_band(grade, p, r);
            Ok(Raw {
                value: s,
                completion: None,
                formula: say(explain, || text::formula_qualitative(grade.label(), lo, hi)),
                sep: SPACE,
            })
        }
        Rule::Bands { basis, bands } => {
            let (value, shown) = match basis {
                Basis::Completion => {
                    let ratio = rate(actual()?, target()?, r)?;
                    let pct = num::percent(ratio).ok_or(Failure::Overflow)?;
                    (
                        pct,
                        say(explain, || text::completion_named(shown(ratio, r))),
                    )
                }
                Basis::Actual => {
                    let a = actual()?;
                    (a, say(explain, || format!("{} {}", l.actual, Plain(a))))
                }
            };
            Ok(match band_for(bands, value) {
                Some(b) => Raw {
                    value: b.points,
                    completion: None,
                    formula: say(explain, || text::formula_band(&shown, Plain(b.min))),
                    sep: SPACE,
                },
                None => zero(say(explain, || text::formula_no_band(&shown))),
            })
        }
        Rule::Deduction { basis, per, step } => {
            let (gap, what) = match basis {
                DeductionBasis::Shortfall => (num::sub(target()?, actual()?), text::GAP_SHORTFALL),
                DeductionBasis::Excess => (num::sub(actual()?, target()?), text::GAP_EXCESS),
                DeductionBasis::CompletionShortfall => {
                    let ratio = rate(actual()?, target()?, r)?;
                    let pct = num::percent(ratio).ok_or(Failure::Overflow)?;
                    (num::sub(Decimal::ONE_HUNDRED, pct), text::GAP_COMPLETION)
                }
                DeductionBasis::FailedChecks => {
                    let failed = m.checks.iter().filter(|c| !c.met).count();
                    (Some(Decimal::from(failed)), text::GAP_FAILED)
                }
            };
            let gap = gap.ok_or(Failure::Overflow)?.max(Decimal::ZERO);
            let steps = if step.is_zero() {
                Some(gap)
            } else {
                num::div(gap, *step)
            };
            let cut = steps
                .and_then(|s| num::mul(s, *per))
                .ok_or(Failure::Overflow)?;
            let value = num::sub(p, cut.max(Decimal::ZERO)).ok_or(Failure::Overflow)?;
            Ok(Raw {
                value,
                completion: None,
                formula: say(explain, || {
                    text::formula_deduction(
                        what,
                        Plain(gap.round_dp(4)),
                        Plain(*step),
                        Plain(*per),
                        r.score(cut),
                        Plain(p),
                    )
                }),
                sep: EQUALS,
            })
        }
        Rule::Checklist => {
            let n = m.checks.len();
            if n == 0 {
                return Err(Failure::Missing("检查项"));
            }
            let met = m.checks.iter().filter(|c| c.met).count();
            let value = num::div(
                num::mul(p, Decimal::from(met)).ok_or(Failure::Overflow)?,
                Decimal::from(n),
            )
            .ok_or(Failure::Overflow)?;
            Ok(Raw {
                value,
                completion: None,
                formula: say(explain, || text::formula_checklist(met, n, Plain(p))),
                sep: EQUALS,
            })
        }
        Rule::Manual => {
            let s = m.entered_score.ok_or(Failure::Missing("评分"))?;
            Ok(Raw {
                value: s,
                completion: None,
                formula: say(explain, || text::formula_manual(&m.reason)),
                sep: SPACE,
            })
        }
    }
}

/// A ratio, rounded to the scheme's decimals of percent first when the scheme says so.
fn rate(numerator: Decimal, denominator: Decimal, r: Rounding) -> Result<Decimal, Failure> {
    let ratio = num::div(numerator, denominator).ok_or(Failure::Overflow)?;
    Ok(if r.rate_first { r.rate(ratio) } else { ratio })
}

/// A rate as the formula shows it: with the decimals of percent the scheme kept when it
/// rounded the rate first (50%), else with 2 (49.88%).
fn shown(ratio: Decimal, r: Rounding) -> PctPlaces {
    let places = if r.rate_first {
        r.rate_places.min(crate::scheme::MAX_PLACES)
    } else {
        2
    };
    PctPlaces(ratio, r.mode, places)
}

/// The words of a formula, written only when they will be read.
fn say(explain: bool, words: impl FnOnce() -> String) -> String {
    if explain {
        words()
    } else {
        String::new()
    }
}

const EQUALS: &str = " = ";
const SPACE: &str = " ";

fn full(points: Decimal, formula: String) -> Raw {
    Raw {
        value: points,
        completion: Some(Decimal::ONE),
        formula,
        sep: SPACE,
    }
}

fn zero(formula: String) -> Raw {
    Raw {
        value: Decimal::ZERO,
        completion: None,
        formula,
        sep: SPACE,
    }
}

/// The band with the highest threshold the value reaches.
pub fn band_for(bands: &[Band], value: Decimal) -> Option<&Band> {
    bands
        .iter()
        .filter(|b| value >= b.min)
        .max_by(|a, b| a.min.cmp(&b.min))
}

/// The score range a qualitative grade allows: [80%, 100%], [60%, 80%), [0, 60%) of the points.
pub fn qualitative_band(grade: Achievement, points: Decimal, r: Rounding) -> (Decimal, Decimal) {
    let at = |pct: i64| r.score(num::mul(points, Decimal::new(pct, 2)).unwrap_or(points));
    // The last score below a bound: one unit of the kept decimals less.
    let unit = Decimal::new(1, r.score_places.min(crate::scheme::MAX_PLACES));
    let below = |pct: i64| {
        r.score(
            num::sub(at(pct), unit)
                .unwrap_or(Decimal::ZERO)
                .max(Decimal::ZERO),
        )
    };
    match grade {
        Achievement::Achieved => (at(80), r.score(points)),
        Achievement::Partial => (at(60), below(80)),
        Achievement::NotAchieved => (r.score(Decimal::ZERO), below(60)),
    }
}
