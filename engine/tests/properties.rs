//! Property tests: any input, huge and negative included, never panics; every score stays
//! within its points; more actual never lowers an at-least score; any bytes decode safely;
//! the report and the sheet are written from any figures.

use proptest::prelude::*;
use rust_decimal::Decimal;
use ziping_engine::model::{Achievement, Check, Measure, Override};
use ziping_engine::num::RoundingMode;
use ziping_engine::rules::{evaluate, ITEM_LABELS};
use ziping_engine::scheme::{AtMostVariant, Band, Basis, DeductionBasis, Rounding, Rule};
use ziping_engine::{figures, file, render, report, sample, score, sheet, validate};

/// Any decimal: small everyday figures, the full 96-bit range, and the extremes.
fn decimal() -> impl Strategy<Value = Decimal> {
    prop_oneof![
        4 => (-100_000_i64..100_000, 0u32..=4).prop_map(|(m, s)| Decimal::new(m, s)),
        2 => (any::<u32>(), any::<u32>(), any::<u32>(), any::<bool>(), 0u32..=28)
            .prop_map(|(lo, mid, hi, neg, s)| Decimal::from_parts(lo, mid, hi, neg, s)),
        1 => prop_oneof![
            Just(Decimal::MAX),
            Just(Decimal::MIN),
            Just(Decimal::ZERO),
            Just(Decimal::new(1, 28)),
            Just(Decimal::new(-1, 28)),
        ],
    ]
}

fn rounding() -> impl Strategy<Value = Rounding> {
    (
        prop_oneof![
            Just(RoundingMode::HalfUp),
            Just(RoundingMode::Truncate),
            Just(RoundingMode::HalfEven)
        ],
        any::<bool>(),
        0..=4u32,
        0..=4u32,
    )
        .prop_map(|(mode, rate_first, rate_places, score_places)| Rounding {
            mode,
            rate_first,
            rate_places,
            score_places,
        })
}

fn rule() -> impl Strategy<Value = Rule> {
    prop_oneof![
        Just(Rule::AtLeast),
        Just(Rule::AtMost {
            variant: AtMostVariant::Ratio
        }),
        Just(Rule::AtMost {
            variant: AtMostVariant::Linear
        }),
        Just(Rule::Exactly),
        Just(Rule::Qualitative),
        Just(Rule::Checklist),
        Just(Rule::Manual),
        (
            prop_oneof![Just(Basis::Completion), Just(Basis::Actual)],
            prop::collection::vec(
                (decimal(), decimal()).prop_map(|(min, points)| Band { min, points }),
                0..4
            )
        )
            .prop_map(|(basis, bands)| Rule::Bands { basis, bands }),
        (
            prop_oneof![
                Just(DeductionBasis::Shortfall),
                Just(DeductionBasis::Excess),
                Just(DeductionBasis::CompletionShortfall),
                Just(DeductionBasis::FailedChecks)
            ],
            decimal(),
            decimal()
        )
            .prop_map(|(basis, per, step)| Rule::Deduction { basis, per, step }),
    ]
}

fn measure() -> impl Strategy<Value = Measure> {
    (
        rule(),
        prop::option::of(decimal()),
        prop::option::of(decimal()),
        prop::option::of(prop_oneof![
            Just(Achievement::Achieved),
            Just(Achievement::Partial),
            Just(Achievement::NotAchieved)
        ]),
        prop::option::of(decimal()),
        prop::collection::vec(any::<bool>(), 0..5),
        prop::option::of(decimal()),
    )
        .prop_map(
            |(rule, target, actual, grade, entered_score, met, over)| Measure {
                target,
                actual,
                grade,
                entered_score,
                checks: met
                    .into_iter()
                    .map(|met| Check {
                        text: "条件".into(),
                        met,
                    })
                    .collect(),
                override_score: over.map(|score| Override {
                    score,
                    reason: "试算".into(),
                }),
                ..Measure::new(rule)
            },
        )
}

/// 2,000 cases a property, or `PROPTEST_CASES` (the mutation runs take fewer).
fn config() -> ProptestConfig {
    let cases = std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|v| v.parse().ok());
    ProptestConfig::with_cases(cases.unwrap_or(2000))
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn every_score_lies_within_its_points(m in measure(), points in decimal(), r in rounding()) {
        let o = evaluate(&m, points, r, ITEM_LABELS);
        let top = points.max(Decimal::ZERO);
        prop_assert!(o.score >= Decimal::ZERO && o.score <= top, "score {} of {}", o.score, points);
        prop_assert!(o.computed >= Decimal::ZERO && o.computed <= top);
        prop_assert!(o.score.scale() <= r.score_places, "no more than the scheme's decimals");
        prop_assert!(!o.formula.is_empty());
    }

    #[test]
    fn more_actual_never_lowers_an_at_least_score(
        target in decimal(), a in decimal(), b in decimal(), points in decimal(), r in rounding()
    ) {
        let (low, high) = if a <= b { (a, b) } else { (b, a) };
        let at = |actual| {
            let m = Measure { target: Some(target), actual: Some(actual), ..Measure::new(Rule::AtLeast) };
            evaluate(&m, points, r, ITEM_LABELS).score
        };
        prop_assert!(at(low) <= at(high), "{} at {} > {} at {}", at(low), low, at(high), high);
    }

    #[test]
    fn any_figures_in_a_whole_assessment_never_panic_and_stay_in_bounds(
        values in prop::collection::vec(prop::option::of(decimal()), 24),
        points in prop::collection::vec(decimal(), 6),
    ) {
        let mut a = sample::sample();
        let mut v = values.into_iter();
        let f = &mut a.finance;
        for slot in [&mut f.spending.initial, &mut f.spending.adjusted, &mut f.spending.actual,
                     &mut f.appropriation.actual, &mut f.appropriation.last_actual, &mut f.basic, &mut f.project] {
            *slot = v.next().flatten();
        }
        for row in f.economic.iter_mut().take(4) {
            *row = v.next().flatten();
        }
        for (ind, p) in a.indicators.iter_mut().zip(points) {
            ind.points = p;
            ind.measure.actual = v.next().flatten();
            ind.measure.target = v.next().flatten();
        }
        a.workload[0].value = v.next().flatten();
        let card = score::score(&a);
        for item in card.items() {
            prop_assert!(item.score >= Decimal::ZERO && item.score <= item.points.max(Decimal::ZERO));
        }
        for s in &card.sections {
            prop_assert!(s.score >= Decimal::ZERO && s.score <= s.points);
        }
        let sections: Decimal = card.sections.iter().map(|s| s.score).sum();
        prop_assert_eq!(sections, card.total);
        prop_assert!(card.total <= card.max_total);
        let _ = validate::validate(&a);
        let _ = figures::derive(&a);
        let r = report::report(&a);
        let _ = (render::html(&r), render::markdown(&r));
        let s = sheet::sheet(&a);
        prop_assert_eq!(s.total, card.total, "the sheet states the card's total");
        let _ = sheet::csv(&s);
    }

    #[test]
    fn any_funding_figures_of_a_project_never_panic_and_round_trip(
        values in prop::collection::vec(prop::option::of(decimal()), 12),
    ) {
        let mut a = sample::project();
        let mut v = values.into_iter();
        let f = &mut a.finance;
        for m in [&mut f.spending, &mut f.appropriation, &mut f.carryover, &mut f.other_funds] {
            for slot in [&mut m.initial, &mut m.adjusted, &mut m.actual] {
                *slot = v.next().flatten();
            }
        }
        let card = score::score(&a);
        prop_assert!(card.total >= Decimal::ZERO && card.total <= card.max_total);
        let findings = validate::validate(&a);
        // The rows disagree exactly when some column's parts do not add up to its total.
        let f = &a.finance;
        let column = |pick: fn(&ziping_engine::model::Amounts) -> Option<Decimal>| {
            let parts: Vec<Decimal> = [&f.appropriation, &f.carryover, &f.other_funds]
                .into_iter()
                .filter_map(pick)
                .collect();
            match pick(&f.spending) {
                Some(total) if !parts.is_empty() => Some(total) != parts.iter().try_fold(Decimal::ZERO, |s, p| s.checked_add(*p)),
                _ => false,
            }
        };
        let disagree = [column(|m| m.initial), column(|m| m.adjusted), column(|m| m.actual)]
            .iter()
            .filter(|d| **d)
            .count();
        prop_assert_eq!(findings.iter().filter(|x| x.code == "FUNDING_SUM").count(), disagree);
        let s = sheet::sheet(&a);
        prop_assert_eq!(s.budget.len(), 4);
        let _ = (sheet::csv(&s), render::html(&report::report(&a)));
        let back = file::decode_assessment(&file::encode_assessment(&a));
        prop_assert_eq!(back, Ok(a));
    }

    #[test]
    fn decoding_arbitrary_bytes_never_panics(bytes in prop::collection::vec(any::<u8>(), 0..512)) {
        let text = String::from_utf8_lossy(&bytes);
        let _ = file::decode(&text);
    }

    #[test]
    fn decoding_a_mangled_sample_never_panics(cut in 0usize..20_000, insert in "[\\[\\]{}\",:0-9a-z.-]{0,8}") {
        let text = file::encode_assessment(&sample::sample());
        let at = text.char_indices().map(|(i, _)| i).nth(cut % text.chars().count()).unwrap_or(0);
        let mangled = format!("{}{}{}", &text[..at], insert, &text[at..]);
        let _ = file::decode(&mangled);
    }

    #[test]
    fn any_figures_round_trip_losslessly(values in prop::collection::vec(prop::option::of(decimal()), 10)) {
        let mut a = sample::sample();
        for (row, v) in a.finance.economic.iter_mut().zip(values) {
            *row = v;
        }
        let back = file::decode_assessment(&file::encode_assessment(&a));
        prop_assert_eq!(back, Ok(a));
    }
}
