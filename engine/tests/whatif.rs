//! What-if scoring: exact goal-seek answers on the sample, diffs, sensitivity, and the
//! property that an answer reaches its goal while one fen less does not.

use proptest::prelude::*;
use rust_decimal::Decimal;
use rust_decimal_macros::dec;
use ziping_engine::model::Assessment;
use ziping_engine::paths;
use ziping_engine::sample::sample;
use ziping_engine::scheme::Grade;
use ziping_engine::score;
use ziping_engine::whatif::{self, Goal, Metric, Scenario};

const ACTUAL: &str = "finance.spending.actual";

/// The sample scored by its rule rather than as published.
fn computed() -> Assessment {
    let mut a = sample();
    a.execution_override = None;
    a
}

fn goal(text: &str) -> Goal {
    Goal::parse(text).expect(text)
}

#[test]
fn goals_parse_and_bad_ones_are_explained() {
    assert_eq!(goal("total>=95"), Goal::AtLeast(Metric::Total, dec!(95)));
    assert_eq!(goal("grade=良"), Goal::Grade(Grade::Good));
    assert_eq!(
        goal("item:预算执行率>=10"),
        Goal::AtLeast(Metric::Item("预算执行率".into()), dec!(10))
    );
    assert_eq!(
        goal("section:管理效率<=45"),
        Goal::AtMost(Metric::Section("管理效率".into()), dec!(45))
    );
    for bad in ["", "total>90", "grade=甲", "item:>=1", "total>=abc"] {
        assert!(
            Goal::parse(bad).unwrap_err().contains("无法理解的目标"),
            "{bad}"
        );
    }
}

#[test]
fn the_smallest_actual_scoring_10_on_execution_is_738_68() {
    let s = whatif::seek(&computed(), ACTUAL, &goal("item:预算执行率>=10")).unwrap();
    assert!(s.reachable);
    assert_eq!(s.value, Some(dec!(738.68)));
    assert_eq!(s.change, Some(dec!(4.80)));
}

#[test]
fn with_the_rate_rounded_first_it_is_738_64() {
    let mut a = computed();
    a.scheme.rounding.rate_first = true;
    let s = whatif::seek(&a, ACTUAL, &goal("item:预算执行率>=10")).unwrap();
    assert_eq!(s.value, Some(dec!(738.64)));
}

#[test]
fn the_largest_actual_scoring_at_most_9_50_is_702_45() {
    let s = whatif::seek(&computed(), ACTUAL, &goal("item:预算执行率<=9.5")).unwrap();
    assert_eq!(s.value, Some(dec!(702.45)));
}

#[test]
fn a_total_goal_moves_the_actual_as_little_as_needed() {
    let s = whatif::seek(&computed(), ACTUAL, &goal("total>=100")).unwrap();
    assert_eq!(s.value, Some(dec!(738.68)));
    let a = computed();
    let s = whatif::seek(&a, ACTUAL, &goal("total>=90")).unwrap();
    assert_eq!(
        (s.reachable, s.change),
        (true, Some(dec!(0))),
        "already reached"
    );
}

#[test]
fn a_goal_above_the_maximum_is_unreachable_with_the_reason() {
    let s = whatif::seek(&computed(), ACTUAL, &goal("total>=101")).unwrap();
    assert!(!s.reachable);
    assert!(
        s.reason.contains("高于评分标准规定的满分 100"),
        "{}",
        s.reason
    );
}

#[test]
fn an_overridden_block_cannot_be_moved_by_its_figure() {
    let s = whatif::seek(&sample(), ACTUAL, &goal("total>=99.5")).unwrap();
    assert!(!s.reachable);
    assert!(s.reason.contains("总分最多为 99.32"), "{}", s.reason);
    assert!(s.reason.contains("履职效能已满分"), "{}", s.reason);
    assert!(s.reason.contains("人工调整"), "{}", s.reason);
}

#[test]
fn an_indicator_goal_seeks_its_actual_value() {
    // 群众满意率 (8 points, target 90) alone cannot pull the total below 优: at 0 it is 91.93.
    let s = whatif::seek(
        &computed(),
        "indicators[5].measure.actual",
        &goal("total<=90"),
    )
    .unwrap();
    assert!(!s.reachable);
    assert!(s.reason.contains("总分最少为 91.93"), "{}", s.reason);
    // 99.93 − 4.93 = 95: 8 × a ÷ 90 must round to 3.07 or less: a = 34.59 (34.60 gives 3.08).
    let s = whatif::seek(
        &computed(),
        "indicators[5].measure.actual",
        &goal("total<=95"),
    )
    .unwrap();
    assert_eq!(s.value, Some(dec!(34.59)));
}

#[test]
fn unknown_paths_and_items_are_refused() {
    assert!(whatif::seek(&sample(), "finance.nope", &goal("total>=90")).is_err());
    assert!(whatif::seek(&sample(), ACTUAL, &goal("item:不存在>=1")).is_err());
}

#[test]
fn a_scenario_never_touches_its_base_and_the_diff_names_every_change() {
    let base = sample();
    let mut s = Scenario::of("draft-1", "少花 20 万元", &base);
    paths::set(&mut s.assessment, ACTUAL, Some(dec!(713.88))).unwrap();
    s.assessment.execution_override = None;
    assert_eq!(base, sample(), "the base is unchanged");
    let d = whatif::diff(&base, &s.assessment);
    let changed: Vec<_> = d
        .inputs
        .iter()
        .map(|x| (x.path.as_str(), x.delta))
        .collect();
    assert_eq!(
        changed,
        [
            (ACTUAL, Some(dec!(-20.00))),
            ("execution_override.score", None)
        ]
    );
    assert_eq!(d.total.before, Some(dec!(99.32)));
    assert_eq!(d.total.after, Some(dec!(99.66)));
    assert_eq!(d.total.delta, Some(dec!(0.34)));
    assert!(d
        .scores
        .iter()
        .any(|x| x.name == "预算执行率" && x.after == Some(dec!(9.66))));
    assert_eq!(d.grade, (Grade::Excellent, Grade::Excellent));
}

#[test]
fn sensitivity_ranks_the_heaviest_indicators_first() {
    let rows = whatif::sensitivity(&sample(), &[dec!(0.8), dec!(0.6)]);
    // “三公”经费 (at most 3.5, 5 points, linear): at 3.5 ÷ 0.6 = 5.83 it keeps 1.67 of 5.
    assert!(rows[0].name.contains("三公"), "{rows:#?}");
    assert_eq!(rows[0].totals[1], (dec!(0.6), dec!(95.99)));
    let top = &rows[1];
    assert_eq!(top.points, dec!(8));
    // An 8-point indicator at 60% of its target scores 4.80: the total falls by 3.20.
    assert_eq!(top.drop, dec!(3.20));
    assert_eq!(
        top.totals,
        [(dec!(0.8), dec!(97.72)), (dec!(0.6), dec!(96.12))]
    );
    assert!(rows.windows(2).all(|w| w[0].drop >= w[1].drop));
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn a_seek_answer_reaches_the_goal_and_one_fen_less_does_not(target in 90u32..=1000, rate_first in any::<bool>()) {
        let mut a = computed();
        a.scheme.rounding.rate_first = rate_first;
        let want = Decimal::new(i64::from(target), 2); // 0.90 … 10.00 points on execution
        let g = Goal::AtLeast(Metric::Item("预算执行率".into()), want);
        let s = whatif::seek(&a, ACTUAL, &g).unwrap();
        prop_assert!(s.reachable);
        let v = s.value.unwrap();
        let at = |x: Decimal| {
            let mut b = a.clone();
            paths::set(&mut b, ACTUAL, Some(x)).unwrap();
            score::score(&b).items().find(|i| i.name == "预算执行率").unwrap().score
        };
        prop_assert!(at(v) >= want);
        if v != dec!(733.88) {
            let toward = if v > dec!(733.88) { v - dec!(0.01) } else { v + dec!(0.01) };
            prop_assert!(at(toward) < want, "one fen toward the current value still reaches it");
        }
    }
}

#[test]
fn sensitivity_agrees_with_rescoring_the_whole_assessment() {
    for a in [sample(), computed(), ziping_engine::sample::enlarged(40)] {
        let levels = [dec!(0.8), dec!(0.6), dec!(0), dec!(2)];
        for row in whatif::sensitivity(&a, &levels) {
            for (level, total) in &row.totals {
                let mut b = a.clone();
                let path = format!("{}.measure.actual", row.path);
                let target = paths::get(&a, &format!("{}.measure.target", row.path))
                    .unwrap()
                    .unwrap();
                // The sample's one at-most criterion moves to target ÷ level.
                let moved = if row.name.contains("三公") {
                    target.checked_div(*level)
                } else {
                    Some(target * level)
                };
                let Some(moved) = moved else { continue };
                paths::set(&mut b, &path, Some(moved)).unwrap();
                assert_eq!(*total, score::score(&b).total, "{path} at {level}");
            }
        }
    }
}
