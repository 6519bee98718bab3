//! Every rule type at its edges: at target, just below, zero target, twice the target,
//! above 100% capped, and each rounding mode.

use rust_decimal::Decimal;
use rust_decimal_macros::dec;
use ziping_engine::model::{Achievement, Check, Measure, Override};
use ziping_engine::num::RoundingMode::{self, HalfEven, HalfUp, Truncate};
use ziping_engine::rules::{evaluate, ITEM_LABELS};
use ziping_engine::scheme::{AtMostVariant, Band, Basis, DeductionBasis, Rounding, Rule};

const PLAIN: Rounding = Rounding {
    mode: HalfUp,
    rate_first: false,
    rate_places: 2,
    score_places: 2,
};

fn measure(rule: Rule, target: Option<Decimal>, actual: Option<Decimal>) -> Measure {
    Measure {
        target,
        actual,
        ..Measure::new(rule)
    }
}

fn score(m: &Measure, points: Decimal, r: Rounding) -> String {
    evaluate(m, points, r, ITEM_LABELS).score.to_string()
}

fn linear() -> Rule {
    Rule::AtMost {
        variant: AtMostVariant::Linear,
    }
}

fn ratio() -> Rule {
    Rule::AtMost {
        variant: AtMostVariant::Ratio,
    }
}

#[test]
fn target_and_actual_rules() {
    // (case, rule, points, target, actual, expected score)
    let cases: &[(&str, Rule, Decimal, Decimal, Decimal, &str)] = &[
        (
            "at least: at target",
            Rule::AtLeast,
            dec!(10),
            dec!(100),
            dec!(100),
            "10.00",
        ),
        (
            "at least: just below rounds up to full",
            Rule::AtLeast,
            dec!(10),
            dec!(100),
            dec!(99.99),
            "10.00",
        ),
        (
            "at least: below",
            Rule::AtLeast,
            dec!(10),
            dec!(100),
            dec!(99),
            "9.90",
        ),
        (
            "at least: twice the target",
            Rule::AtLeast,
            dec!(10),
            dec!(100),
            dec!(200),
            "10.00",
        ),
        (
            "at least: zero target, zero actual",
            Rule::AtLeast,
            dec!(6),
            dec!(0),
            dec!(0),
            "6.00",
        ),
        (
            "at least: zero target, negative actual",
            Rule::AtLeast,
            dec!(6),
            dec!(0),
            dec!(-1),
            "0.00",
        ),
        (
            "at least: negative actual",
            Rule::AtLeast,
            dec!(6),
            dec!(100),
            dec!(-5),
            "0.00",
        ),
        (
            "at least: zero actual",
            Rule::AtLeast,
            dec!(6),
            dec!(100),
            dec!(0),
            "0.00",
        ),
        (
            "execution: 99.30%",
            Rule::AtLeast,
            dec!(10),
            dec!(739.04),
            dec!(733.88),
            "9.93",
        ),
        (
            "execution: above 100% capped",
            Rule::AtLeast,
            dec!(10),
            dec!(739.04),
            dec!(800),
            "10.00",
        ),
        (
            "at most ratio: at target",
            ratio(),
            dec!(5),
            dec!(3.5),
            dec!(3.5),
            "5.00",
        ),
        (
            "at most ratio: below target",
            ratio(),
            dec!(5),
            dec!(3.5),
            dec!(2.86),
            "5.00",
        ),
        (
            "at most ratio: twice the target",
            ratio(),
            dec!(5),
            dec!(3.5),
            dec!(7),
            "2.50",
        ),
        (
            "at most ratio: zero ceiling exceeded",
            ratio(),
            dec!(5),
            dec!(0),
            dec!(1),
            "0.00",
        ),
        (
            "at most ratio: zero ceiling kept",
            ratio(),
            dec!(5),
            dec!(0),
            dec!(0),
            "5.00",
        ),
        (
            "at most linear: half over",
            linear(),
            dec!(5),
            dec!(3.5),
            dec!(5.25),
            "2.50",
        ),
        (
            "at most linear: twice the target",
            linear(),
            dec!(5),
            dec!(3.5),
            dec!(7),
            "0.00",
        ),
        (
            "at most linear: thrice the target",
            linear(),
            dec!(5),
            dec!(3.5),
            dec!(10.5),
            "0.00",
        ),
        (
            "at most linear: just over",
            linear(),
            dec!(5),
            dec!(100),
            dec!(100.1),
            "5.00",
        ),
        (
            "exactly: equal",
            Rule::Exactly,
            dec!(10),
            dec!(100),
            dec!(100),
            "10.00",
        ),
        (
            "exactly: 10% under",
            Rule::Exactly,
            dec!(10),
            dec!(100),
            dec!(90),
            "9.00",
        ),
        (
            "exactly: 10% over",
            Rule::Exactly,
            dec!(10),
            dec!(100),
            dec!(110),
            "9.00",
        ),
        (
            "exactly: twice the target",
            Rule::Exactly,
            dec!(10),
            dec!(100),
            dec!(200),
            "0.00",
        ),
        (
            "exactly: thrice the target",
            Rule::Exactly,
            dec!(10),
            dec!(100),
            dec!(300),
            "0.00",
        ),
        (
            "exactly: zero target met",
            Rule::Exactly,
            dec!(10),
            dec!(0),
            dec!(0),
            "10.00",
        ),
        (
            "exactly: zero target missed",
            Rule::Exactly,
            dec!(10),
            dec!(0),
            dec!(1),
            "0.00",
        ),
    ];
    for (case, rule, points, target, actual, expected) in cases {
        let m = measure(rule.clone(), Some(*target), Some(*actual));
        assert_eq!(score(&m, *points, PLAIN), *expected, "{case}");
    }
}

#[test]
fn rounding_modes_on_9_685() {
    // 10 × 96.85% = 9.685; 10 × 96.8517% = 9.685170 (a published form shows 9.68: truncation).
    let cases: &[(RoundingMode, bool, Decimal, &str)] = &[
        (HalfUp, false, dec!(96.85), "9.69"),
        (Truncate, false, dec!(96.85), "9.68"),
        (HalfEven, false, dec!(96.85), "9.68"),
        (HalfUp, false, dec!(96.8517), "9.69"),
        (Truncate, false, dec!(96.8517), "9.68"),
        (HalfEven, false, dec!(96.8517), "9.69"),
        (HalfEven, true, dec!(96.8517), "9.68"),
        (HalfUp, true, dec!(96.8517), "9.69"),
    ];
    for (mode, rate_first, actual, expected) in cases {
        let r = Rounding {
            mode: *mode,
            rate_first: *rate_first,
            ..PLAIN
        };
        let m = measure(Rule::AtLeast, Some(dec!(100)), Some(*actual));
        assert_eq!(
            score(&m, dec!(10), r),
            *expected,
            "{mode:?} rate_first={rate_first} actual={actual}"
        );
    }
}

#[test]
fn the_rounding_chain_moves_the_smallest_full_score_from_738_68_to_738_64() {
    let rate_first = Rounding {
        rate_first: true,
        ..PLAIN
    };
    let cases: &[(Rounding, Decimal, &str)] = &[
        (PLAIN, dec!(738.68), "10.00"),
        (PLAIN, dec!(738.67), "9.99"),
        (PLAIN, dec!(738.64), "9.99"),
        (rate_first, dec!(738.64), "10.00"),
        (rate_first, dec!(738.63), "9.99"),
    ];
    for (r, actual, expected) in cases {
        let m = measure(Rule::AtLeast, Some(dec!(739.04)), Some(*actual));
        assert_eq!(score(&m, dec!(10), *r), *expected, "{r:?} {actual}");
    }
}

#[test]
fn bands_on_completion_and_on_actual() {
    let bands = vec![
        Band {
            min: dec!(90),
            points: dec!(5),
        },
        Band {
            min: dec!(80),
            points: dec!(4),
        },
        Band {
            min: dec!(60),
            points: dec!(3),
        },
    ];
    let on = |basis| Rule::Bands {
        basis,
        bands: bands.clone(),
    };
    let cases: &[(Basis, Decimal, &str)] = &[
        (Basis::Completion, dec!(90), "5.00"),
        (Basis::Completion, dec!(89.99), "4.00"),
        (Basis::Completion, dec!(200), "5.00"),
        (Basis::Completion, dec!(60), "3.00"),
        (Basis::Completion, dec!(59.99), "0.00"),
        (Basis::Actual, dec!(80), "4.00"),
        (Basis::Actual, dec!(-1), "0.00"),
    ];
    for (basis, actual, expected) in cases {
        let m = measure(on(*basis), Some(dec!(100)), Some(*actual));
        assert_eq!(score(&m, dec!(5), PLAIN), *expected, "{basis:?} {actual}");
    }
    let zero_target = measure(on(Basis::Completion), Some(dec!(0)), Some(dec!(5)));
    assert_eq!(
        score(&zero_target, dec!(5), PLAIN),
        "0.00",
        "a zero target has no completion"
    );
}

#[test]
fn deductions() {
    let rule = |basis, per, step| Rule::Deduction { basis, per, step };
    let cases: &[(&str, Rule, Decimal, Decimal, &str)] = &[
        // one point per percentage point below 100%: 99.30% scores 9.30, as DOMAIN.md says.
        (
            "one point per point",
            rule(DeductionBasis::CompletionShortfall, dec!(1), dec!(1)),
            dec!(739.04),
            dec!(733.88),
            "9.30",
        ),
        (
            "completion at 100%",
            rule(DeductionBasis::CompletionShortfall, dec!(1), dec!(1)),
            dec!(100),
            dec!(100),
            "10.00",
        ),
        (
            "completion above 100%",
            rule(DeductionBasis::CompletionShortfall, dec!(1), dec!(1)),
            dec!(100),
            dec!(150),
            "10.00",
        ),
        (
            "floored at zero",
            rule(DeductionBasis::CompletionShortfall, dec!(1), dec!(1)),
            dec!(100),
            dec!(50),
            "0.00",
        ),
        (
            "shortfall in units",
            rule(DeductionBasis::Shortfall, dec!(0.5), dec!(1)),
            dec!(10),
            dec!(8),
            "9.00",
        ),
        (
            "excess in units",
            rule(DeductionBasis::Excess, dec!(2), dec!(1)),
            dec!(10),
            dec!(11),
            "8.00",
        ),
        (
            "no excess",
            rule(DeductionBasis::Excess, dec!(2), dec!(1)),
            dec!(10),
            dec!(9),
            "10.00",
        ),
    ];
    for (case, rule, target, actual, expected) in cases {
        let m = measure(rule.clone(), Some(*target), Some(*actual));
        assert_eq!(score(&m, dec!(10), PLAIN), *expected, "{case}");
    }
}

fn checks(met: &[bool]) -> Vec<Check> {
    met.iter()
        .enumerate()
        .map(|(i, &met)| Check {
            text: format!("条件 {i}"),
            met,
        })
        .collect()
}

#[test]
fn checklists_and_failed_check_deductions() {
    let per_failed = Rule::Deduction {
        basis: DeductionBasis::FailedChecks,
        per: dec!(2.5),
        step: dec!(1),
    };
    let cases: &[(Rule, &[bool], &str)] = &[
        (Rule::Checklist, &[true, true, true], "5.00"),
        (Rule::Checklist, &[true, true, false], "3.33"),
        (Rule::Checklist, &[false, false, false], "0.00"),
        (Rule::Checklist, &[], "0.00"),
        (per_failed.clone(), &[true, true], "5.00"),
        (per_failed.clone(), &[true, false], "2.50"),
        (per_failed, &[false, false, false], "0.00"),
    ];
    for (rule, met, expected) in cases {
        let m = Measure {
            checks: checks(met),
            ..Measure::new(rule.clone())
        };
        assert_eq!(score(&m, dec!(5), PLAIN), *expected, "{rule:?} {met:?}");
    }
}

#[test]
fn qualitative_and_manual_scores_are_clamped_to_the_points() {
    let cases: &[(Rule, Option<Achievement>, Option<Decimal>, &str)] = &[
        (
            Rule::Qualitative,
            Some(Achievement::Achieved),
            Some(dec!(6)),
            "6.00",
        ),
        (
            Rule::Qualitative,
            Some(Achievement::Partial),
            Some(dec!(4)),
            "4.00",
        ),
        (
            Rule::Qualitative,
            Some(Achievement::Achieved),
            Some(dec!(7)),
            "6.00",
        ),
        (Rule::Qualitative, None, Some(dec!(6)), "0.00"),
        (Rule::Qualitative, Some(Achievement::Achieved), None, "0.00"),
        (Rule::Manual, None, Some(dec!(4.555)), "4.56"),
        (Rule::Manual, None, Some(dec!(-1)), "0.00"),
        (Rule::Manual, None, None, "0.00"),
    ];
    for (rule, grade, entered, expected) in cases {
        let m = Measure {
            grade: *grade,
            entered_score: *entered,
            ..Measure::new(rule.clone())
        };
        assert_eq!(
            score(&m, dec!(6), PLAIN),
            *expected,
            "{rule:?} {grade:?} {entered:?}"
        );
    }
}

#[test]
fn missing_figures_score_zero_and_say_what_is_missing() {
    let m = measure(Rule::AtLeast, Some(dec!(100)), None);
    let outcome = evaluate(&m, dec!(6), PLAIN, ITEM_LABELS);
    assert_eq!(outcome.score, dec!(0));
    assert!(outcome.formula.contains("实际值"), "{}", outcome.formula);
}

#[test]
fn an_override_counts_but_the_computed_score_is_kept() {
    let mut m = measure(Rule::AtLeast, Some(dec!(739.04)), Some(dec!(733.88)));
    m.override_score = Some(Override {
        score: dec!(9.32),
        reason: "按已公布的自评结果".into(),
    });
    let outcome = evaluate(&m, dec!(10), PLAIN, ITEM_LABELS);
    assert_eq!(
        (outcome.computed.to_string(), outcome.score.to_string()),
        ("9.93".into(), "9.32".into())
    );
    assert!(outcome.overridden);
    assert!(outcome.formula.contains("按已公布的自评结果"));

    m.override_score = Some(Override {
        score: dec!(12),
        reason: "超出分值".into(),
    });
    assert_eq!(
        score(&m, dec!(10), PLAIN),
        "10.00",
        "an override above the points is capped"
    );
}

#[test]
fn formulas_write_out_the_arithmetic() {
    let cases: &[(Rule, Decimal, Decimal, &str)] = &[
        (
            Rule::AtLeast,
            dec!(100),
            dec!(90),
            "实际值 90 ÷ 目标值 100 = 90.00%，× 10 = 9.00",
        ),
        (
            Rule::AtLeast,
            dec!(100),
            dec!(100),
            "实际值 100 ≥ 目标值 100，得满分 10.00",
        ),
    ];
    for (rule, target, actual, expected) in cases {
        let m = measure(rule.clone(), Some(*target), Some(*actual));
        assert_eq!(
            evaluate(&m, dec!(10), PLAIN, ITEM_LABELS).formula,
            *expected
        );
    }
}

#[test]
fn rate_places_0_rounds_49_88_percent_to_50_before_it_is_multiplied() {
    let whole_percent = Rounding {
        rate_first: true,
        rate_places: 0,
        ..PLAIN
    };
    let one_place = Rounding {
        rate_places: 1,
        ..whole_percent
    };
    let not_first = Rounding {
        rate_first: false,
        ..whole_percent
    };
    let cases: &[(Rounding, Decimal, &str)] = &[
        (whole_percent, dec!(49.88), "5.00"),
        (whole_percent, dec!(49.49), "4.90"),
        (one_place, dec!(49.88), "4.99"),
        (one_place, dec!(49.96), "5.00"),
        // rate_places only counts where the rate is rounded first.
        (not_first, dec!(49.88), "4.99"),
        (PLAIN, dec!(49.88), "4.99"),
    ];
    for (r, actual, expected) in cases {
        let m = measure(Rule::AtLeast, Some(dec!(100)), Some(*actual));
        assert_eq!(score(&m, dec!(10), *r), *expected, "{r:?} {actual}");
    }
    // The formula shows the rate as it was kept.
    let m = measure(Rule::AtLeast, Some(dec!(100)), Some(dec!(49.88)));
    let formula = evaluate(&m, dec!(10), whole_percent, ITEM_LABELS).formula;
    assert!(
        formula.contains("50%") && formula.ends_with("5.00"),
        "{formula}"
    );
    let formula = evaluate(&m, dec!(10), PLAIN, ITEM_LABELS).formula;
    assert!(
        formula.contains("49.88%") && formula.ends_with("4.99"),
        "{formula}"
    );
}

#[test]
fn score_places_keeps_each_score_to_its_decimals_in_the_scheme_mode() {
    let whole = |mode| Rounding {
        mode,
        score_places: 0,
        ..PLAIN
    };
    let cases: &[(Rounding, Decimal, &str)] = &[
        (whole(HalfUp), dec!(86.2), "9"),
        (whole(Truncate), dec!(97.8), "9"),
        (whole(HalfUp), dec!(97.8), "10"),
        (whole(HalfEven), dec!(85), "8"),
        (whole(HalfUp), dec!(100), "10"),
        (
            Rounding {
                score_places: 3,
                ..PLAIN
            },
            dec!(86.2345),
            "8.623",
        ),
        (PLAIN, dec!(86.2), "8.62"),
    ];
    for (r, actual, expected) in cases {
        let m = measure(Rule::AtLeast, Some(dec!(100)), Some(*actual));
        assert_eq!(score(&m, dec!(10), *r), *expected, "{r:?} {actual}");
    }
}

#[test]
fn an_execution_rate_from_a_budget_of_0_or_less_earns_0() {
    use ziping_engine::rules::evaluate_execution;
    use ziping_engine::scheme::ExecutionBase;
    use ziping_engine::score::execution_labels;
    let labels = execution_labels(ExecutionBase::Adjusted);
    let bands = Rule::Bands {
        basis: Basis::Completion,
        bands: vec![Band {
            min: dec!(90),
            points: dec!(10),
        }],
    };
    let shortfall = Rule::Deduction {
        basis: DeductionBasis::Shortfall,
        per: dec!(1),
        step: dec!(1),
    };
    // (case, rule, budget, 执行数, override, score, formula)
    type Case = (
        &'static str,
        Rule,
        Decimal,
        Decimal,
        Option<Decimal>,
        &'static str,
        &'static str,
    );
    let cases: &[Case] = &[
        (
            "0 of 0 is no rate, not 0 ≥ 0",
            Rule::AtLeast,
            dec!(0),
            dec!(0),
            None,
            "0.00",
            "全年预算数为 0，无法计算预算执行率，得 0.00",
        ),
        (
            "spent against a budget of 0",
            Rule::AtLeast,
            dec!(0),
            dec!(89.974),
            None,
            "0.00",
            "全年预算数为 0，无法计算预算执行率，得 0.00",
        ),
        (
            "a budget of 0.00 is written as the formulas write figures",
            Rule::AtLeast,
            dec!(0.00),
            dec!(0),
            None,
            "0.00",
            "全年预算数为 0，无法计算预算执行率，得 0.00",
        ),
        (
            "a negative budget",
            Rule::AtLeast,
            dec!(-5),
            dec!(0),
            None,
            "0.00",
            "全年预算数为 -5，无法计算预算执行率，得 0.00",
        ),
        (
            "whatever the rule: bands on the rate",
            bands.clone(),
            dec!(0),
            dec!(0),
            None,
            "0.00",
            "全年预算数为 0，无法计算预算执行率，得 0.00",
        ),
        (
            "whatever the rule: a deduction per 万元 short",
            shortfall.clone(),
            dec!(0),
            dec!(0),
            None,
            "0.00",
            "全年预算数为 0，无法计算预算执行率，得 0.00",
        ),
        (
            "a reviewer's override still counts",
            Rule::AtLeast,
            dec!(0),
            dec!(0),
            Some(dec!(10)),
            "10.00",
            "计算得分：全年预算数为 0，无法计算预算执行率，得 0.00；人工调整为 10.00（理由：按已公布的自评表）",
        ),
        (
            "a budget above 0 is scored as before",
            Rule::AtLeast,
            dec!(250000),
            dec!(215457.6),
            None,
            "8.62",
            "全年执行数 215457.6 ÷ 全年预算数 250000 = 86.18%，× 10 = 8.62",
        ),
        (
            "a budget above 0 reached is full",
            bands,
            dec!(7.29),
            dec!(7.29),
            None,
            "10.00",
            "完成率 100.00% 达到“≥ 90”档，得 10.00",
        ),
    ];
    for (case, rule, budget, actual, over, expected, formula) in cases {
        let mut m = measure(rule.clone(), Some(*budget), Some(*actual));
        m.override_score = over.map(|score| Override {
            score,
            reason: "按已公布的自评表".into(),
        });
        let o = evaluate_execution(&m, dec!(10), PLAIN, labels, true);
        assert_eq!(o.score.to_string(), *expected, "{case}");
        assert_eq!(o.formula, *formula, "{case}");
        if budget <= &Decimal::ZERO {
            assert_eq!((o.computed, o.completion), (dec!(0.00), None), "{case}");
        }
    }
    // An indicator keeps its rule: at least 0, reached, is full marks.
    let indicator = measure(Rule::AtLeast, Some(dec!(0)), Some(dec!(0)));
    assert_eq!(score(&indicator, dec!(10), PLAIN), "10.00");
}

#[test]
fn the_card_scores_a_project_with_a_zero_total_row_0_for_execution() {
    let mut a = ziping_engine::sample::project();
    for m in [
        &mut a.finance.spending,
        &mut a.finance.appropriation,
        &mut a.finance.carryover,
    ] {
        m.adjusted = Some(Decimal::ZERO);
        m.actual = Some(Decimal::ZERO);
    }
    let card = ziping_engine::score::score(&a);
    let execution = card.section("execution").expect("the execution block");
    assert_eq!(execution.score.to_string(), "0.00");
    // 98.06 with 9.63 for execution before; 0 now.
    assert_eq!(card.total.to_string(), "88.43");
    let figures = ziping_engine::score::score_figures(&a);
    assert_eq!(figures.total, card.total, "the live total agrees");
}
