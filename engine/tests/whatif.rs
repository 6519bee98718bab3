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
const SATISFACTION: &str = "indicators[5].measure.actual";

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
fn plain_chinese_goals_parse_as_their_code_forms() {
    let named = |n: &str| Metric::Named(n.into());
    let cases = [
        (
            "预算执行率=10",
            Goal::AtLeast(named("预算执行率"), dec!(10)),
        ),
        (
            "预算执行率≥10",
            Goal::AtLeast(named("预算执行率"), dec!(10)),
        ),
        (
            "预算执行率 ≥ 10 分",
            Goal::AtLeast(named("预算执行率"), dec!(10)),
        ),
        ("执行率10分", Goal::AtLeast(named("执行率"), dec!(10))),
        ("执行率１０分", Goal::AtLeast(named("执行率"), dec!(10))),
        (
            "预算执行率得分≥9.5",
            Goal::AtLeast(named("预算执行率"), dec!(9.5)),
        ),
        (
            "「预算执行率」得分 ≥ 10",
            Goal::AtLeast(named("预算执行率"), dec!(10)),
        ),
        (
            "管理效率不低于45",
            Goal::AtLeast(named("管理效率"), dec!(45)),
        ),
        ("管理效率≤45", Goal::AtMost(named("管理效率"), dec!(45))),
        (
            "管理效率不超过45",
            Goal::AtMost(named("管理效率"), dec!(45)),
        ),
        ("总分≥90", Goal::AtLeast(Metric::Total, dec!(90))),
        ("总分＞＝90", Goal::AtLeast(Metric::Total, dec!(90))),
        ("总分 ≥ 90", Goal::AtLeast(Metric::Total, dec!(90))),
        ("总分90", Goal::AtLeast(Metric::Total, dec!(90))),
        ("总分≤95", Goal::AtMost(Metric::Total, dec!(95))),
        ("等级=优", Goal::Grade(Grade::Excellent)),
        ("等级：良", Goal::Grade(Grade::Good)),
        ("等级为中", Goal::Grade(Grade::Fair)),
        ("等级达到「优」", Goal::Grade(Grade::Excellent)),
        ("等级≥良", Goal::Grade(Grade::Good)),
        ("grade=差", Goal::Grade(Grade::Poor)),
        ("total>=95", Goal::AtLeast(Metric::Total, dec!(95))),
        (
            "item:预算执行率=10",
            Goal::AtLeast(Metric::Item("预算执行率".into()), dec!(10)),
        ),
        (
            "section:management>=45",
            Goal::AtLeast(Metric::Section("management".into()), dec!(45)),
        ),
    ];
    for (text, expected) in cases {
        assert_eq!(Goal::parse(text), Ok(expected), "{text}");
    }
    for bad in [
        "总分>90",
        "总分",
        "等级=甲",
        "等级<=良",
        "预算执行率=",
        "=10",
        "10分",
        "总分≥九十",
        "foo:bar>=1",
        "「」得分≥1",
    ] {
        assert!(
            Goal::parse(bad).unwrap_err().contains("无法理解的目标"),
            "{bad}"
        );
    }
}

#[test]
fn what_a_goal_writes_it_reads_back() {
    for g in [
        Goal::AtLeast(Metric::Total, dec!(95.5)),
        Goal::AtMost(Metric::Named("管理效率".into()), dec!(45)),
        Goal::AtLeast(Metric::Named("预算执行率".into()), dec!(10)),
        Goal::Grade(Grade::Good),
    ] {
        assert_eq!(Goal::parse(&g.to_string()), Ok(g.clone()), "{g}");
    }
}

#[test]
fn a_name_is_found_on_the_card_in_full_or_in_part() {
    let card = score::score(&sample());
    let resolved = |text: &str| goal(text).resolve(&card);
    let cases = [
        (
            "执行率10分",
            Ok(Goal::AtLeast(
                Metric::Section("预算执行率".into()),
                dec!(10),
            )),
        ),
        (
            "管理效率≥45",
            Ok(Goal::AtLeast(Metric::Section("管理效率".into()), dec!(45))),
        ),
        (
            "群众满意率≥8",
            Ok(Goal::AtLeast(Metric::Item("群众满意率".into()), dec!(8))),
        ),
        (
            "满意率≥8",
            Ok(Goal::AtLeast(Metric::Item("群众满意率".into()), dec!(8))),
        ),
        ("总分≥90", Ok(Goal::AtLeast(Metric::Total, dec!(90)))),
    ];
    for (text, expected) in cases {
        assert_eq!(resolved(text), expected, "{text}");
    }
    let err = resolved("信访≥1").unwrap_err();
    assert!(
        err.contains("目标中的“信访”可指多项")
            && err.contains("信访疑难资金使用任务按期完成率")
            && err.contains("全区信访事项综合效能"),
        "{err}"
    );
    assert!(resolved("不存在≥1").unwrap_err().contains("评分表中没有"));
}

#[test]
fn the_answer_names_the_rate_and_the_score_and_says_when_rounding_carries_it() {
    // 738.68 ÷ 739.04 = 99.95%: 9.9951 points, kept as 10.00 only by rounding.
    for text in [
        "item:预算执行率>=10",
        "预算执行率≥10",
        "执行率10分",
        "预算执行率=10",
    ] {
        let s = whatif::seek(&computed(), ACTUAL, &goal(text)).unwrap();
        assert_eq!(s.value, Some(dec!(738.68)), "{text}");
        let at = s.at.as_ref().unwrap();
        assert_eq!(
            (
                at.item.as_deref(),
                at.rate.map(|r| r.round_dp(4)),
                at.score,
                at.total
            ),
            (
                Some("预算执行率"),
                Some(dec!(0.9995)),
                Some(dec!(10.00)),
                dec!(100.00)
            ),
            "{text}"
        );
        assert_eq!(
            s.result.as_deref(),
            Some("结果：执行率 99.95%，「预算执行率」得分 10.00，总分 100.00（优）"),
            "{text}"
        );
        let note = s.rounding.as_deref().unwrap_or_default();
        assert!(
            note.starts_with("注意：按规则执行率 99.9512%，得 9.9951 分，四舍五入保留 2 位小数为 10.00 分，是舍入使它达到目标"),
            "{text}: {note}"
        );
    }
    let mut short = computed();
    paths::set(&mut short, SATISFACTION, Some(dec!(80))).unwrap();
    paths::set(&mut short, "criteria[9].measure.actual", Some(dec!(4))).unwrap();
    let full = computed();
    let cases = [
        // (base, path, goal, rounding carries it)
        (&full, ACTUAL, "total>=100", true),
        (&full, ACTUAL, "item:预算执行率>=9.99", true),
        // 702.45 scores 9.5049, kept as 9.50: rounding carries it under the line.
        (&full, ACTUAL, "item:预算执行率<=9.5", true),
        (&full, ACTUAL, "grade=优", false),
        // 89.95 of 90 scores 7.9955, kept as 8.00.
        (&short, SATISFACTION, "群众满意率≥8", true),
        // “三公”经费 (at most 3.5, 5 points) steps by more than a rounding per fen: 3.50 is
        // the answer, at full points by its rule.
        (&short, "criteria[9].measure.actual", "三公≥5", false),
        // At 4.20 it scores 4.00 by its rule, exactly: nothing carries it under the line.
        (&short, "criteria[9].measure.actual", "三公<=4", false),
    ];
    for (base, path, text, carried) in cases {
        let s = whatif::seek(base, path, &goal(text)).unwrap();
        assert!(s.reachable, "{text}");
        assert_eq!(s.rounding.is_some(), carried, "{text}: {:?}", s.rounding);
    }
    // A criterion's figure is scored in its own row, which the answer names.
    let s = whatif::seek(&short, "criteria[9].measure.actual", &goal("三公≥5")).unwrap();
    let criterion = short.criteria[9].name.clone();
    assert_eq!(
        s.at.as_ref().and_then(|at| at.item.clone()),
        Some(criterion.clone())
    );
    assert!(
        s.result
            .as_deref()
            .unwrap_or_default()
            .contains(&format!("「{criterion}」得分 5.00")),
        "{:?}",
        s.result
    );
    let s = whatif::seek(&short, SATISFACTION, &goal("群众满意率≥8")).unwrap();
    assert_eq!(s.value, Some(dec!(89.95)));
    assert_eq!(
        s.result.as_deref(),
        // 99.93 with “三公”经费 at 4: 5 × (1 − 0.5 ÷ 3.5) = 4.29, 0.71 lost.
        Some("结果：完成率 99.94%，「群众满意率」得分 8.00，总分 99.22（优）")
    );
    // Rounded to the rate's two decimals first: 738.64 is 99.9459%, kept as 99.95%.
    let mut a = computed();
    a.scheme.rounding.rate_first = true;
    let s = whatif::seek(&a, ACTUAL, &goal("预算执行率≥10")).unwrap();
    let note = s.rounding.unwrap_or_default();
    assert!(
        note.contains("执行率 99.9458% 先四舍五入为 99.95%，得 9.995 分"),
        "{note}"
    );
    // Truncating the score, nothing rounds up: the smallest full score is the full rate.
    let mut a = computed();
    a.scheme.rounding.mode = ziping_engine::num::RoundingMode::Truncate;
    let s = whatif::seek(&a, ACTUAL, &goal("预算执行率≥10")).unwrap();
    assert_eq!((s.value, s.rounding), (Some(dec!(739.04)), None));
}

#[test]
fn an_override_in_the_way_names_itself_and_the_answer_once_lifted() {
    let s = whatif::seek(&sample(), ACTUAL, &goal("预算执行率≥10")).unwrap();
    assert!(!s.reachable);
    assert!(
        s.reason.contains("「预算执行率」的得分已人工调整为 9.32（手动评分），调整部门整体支出决算数不改变它的得分"),
        "{}",
        s.reason
    );
    let b = s.blocker.as_ref().expect("the override is named");
    assert_eq!(
        (b.path.as_str(), b.item.as_str(), b.score),
        ("execution_override.score", "预算执行率", dec!(9.32))
    );
    assert_eq!(b.lifted.value, Some(dec!(738.68)));
    assert!(b.lifted.rounding.is_some());
    let lines = s.lines();
    assert_eq!(lines[1], "取消「预算执行率」的人工调整后：部门整体支出决算数由 733.88 调整为 738.68，可达到目标 「预算执行率」得分 ≥ 10");
    assert_eq!(lines.len(), 4, "{lines:#?}");
    // Lifting it as the answer says reaches the goal.
    let mut a = sample();
    paths::set(&mut a, &b.path, None).unwrap();
    paths::set(&mut a, ACTUAL, b.lifted.value).unwrap();
    assert_eq!(score::score(&a).total, dec!(100.00));
    // An indicator's own override blocks its actual value the same way.
    let mut a = computed();
    paths::set(
        &mut a,
        "indicators[5].measure.override.score",
        Some(dec!(7)),
    )
    .unwrap();
    let s = whatif::seek(&a, "indicators[5].measure.actual", &goal("群众满意率≥7.5")).unwrap();
    let b = s.blocker.expect("the indicator's override");
    assert_eq!(b.path, "indicators[5].measure.override.score");
    assert!(b.lifted.reachable);
    // Seeking the override's own score is not blocked by it.
    let s = whatif::seek(&sample(), "execution_override.score", &goal("total>=99.5")).unwrap();
    assert_eq!((s.value, s.blocker.is_none()), (Some(dec!(9.50)), true));
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
    assert_eq!(
        s.reason,
        "当前部门整体支出决算数 733.88 已达到目标 总分 ≥ 90"
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
    // A section whose indicators carry more points than it has (an error of its own) is
    // capped at its points, in the table as in the score.
    let mut over = computed();
    over.indicators[0].points += dec!(10);
    for a in [
        sample(),
        computed(),
        ziping_engine::sample::enlarged(40),
        over,
    ] {
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

#[test]
fn the_diff_lists_exactly_the_scores_that_changed_with_their_own_before() {
    let base = sample();
    let mut b = base.clone();
    paths::set(&mut b, ACTUAL, Some(dec!(713.88))).unwrap();
    b.execution_override = None;
    let scores: Vec<_> = whatif::diff(&base, &b)
        .scores
        .into_iter()
        .map(|d| (d.path, d.before, d.after))
        .collect();
    assert_eq!(
        scores,
        [
            (ACTUAL.to_string(), Some(dec!(9.32)), Some(dec!(9.66))),
            ("execution".to_string(), Some(dec!(9.32)), Some(dec!(9.66))),
        ]
    );
    assert!(whatif::diff(&base, &base).scores.is_empty());
}

#[test]
fn a_grade_goal_seeks_the_lowest_total_of_that_grade() {
    // 决算 0 and 群众满意率 0: the total is below 90 (优) and above 80 (良).
    let mut a = computed();
    paths::set(&mut a, ACTUAL, Some(dec!(0))).unwrap();
    paths::set(&mut a, SATISFACTION, Some(dec!(0))).unwrap();
    let total = score::score(&a).total;
    assert!(dec!(80) < total && total < dec!(90), "{total}");
    let by_grade = whatif::seek(&a, ACTUAL, &goal("等级=优")).unwrap();
    let by_total = whatif::seek(&a, ACTUAL, &goal("total>=90")).unwrap();
    assert!(by_grade.reachable);
    assert!(by_grade.value > Some(dec!(0)));
    assert_eq!(by_grade.value, by_total.value);
    // Rounding carries both to the line: the note says so for the grade as for the total.
    assert!(by_total.rounding.is_some());
    assert_eq!(
        by_grade
            .rounding
            .map(|n| n.replace("等级达到「优」", "总分 ≥ 90")),
        by_total.rounding
    );
    let good = whatif::seek(&a, ACTUAL, &goal("等级=良")).unwrap();
    assert_eq!((good.reachable, good.change), (true, Some(dec!(0))));
}

#[test]
fn a_section_goal_names_its_section_by_id_or_name() {
    let by_item = whatif::seek(&computed(), ACTUAL, &goal("item:预算执行率>=10")).unwrap();
    for section in ["execution", "预算执行率"] {
        let g = Goal::AtLeast(Metric::Section(section.into()), dec!(10));
        let s = whatif::seek(&computed(), ACTUAL, &g).unwrap();
        assert_eq!(s.value, by_item.value, "{section}");
        assert_eq!(s.rounding, by_item.rounding, "{section}");
        // Above the section's points, the answer says so.
        let g = Goal::AtLeast(Metric::Section(section.into()), dec!(10.01));
        let s = whatif::seek(&computed(), ACTUAL, &g).unwrap();
        assert!(!s.reachable);
        assert!(s.reason.contains("满分 10"), "{section}: {}", s.reason);
    }
    assert!(by_item.rounding.is_some());
    // Rounding carries only a goal the moved item counts in: 决算 at 738.68 (9.9951
    // points, kept as 10.00) carries 预算执行率 but not 管理效率.
    let mut a = computed();
    paths::set(&mut a, ACTUAL, Some(dec!(738.68))).unwrap();
    for (section, carried) in [("execution", true), ("management", false)] {
        let line = if carried { dec!(10) } else { dec!(50) };
        let g = Goal::AtLeast(Metric::Section(section.into()), line);
        let s = whatif::seek(&a, ACTUAL, &g).unwrap();
        assert_eq!(s.rounding.is_some(), carried, "{section}: {:?}", s.rounding);
    }
}

#[test]
fn a_name_given_in_full_is_that_one_even_where_another_name_holds_it() {
    let mut a = sample();
    let i = a
        .indicators
        .iter()
        .position(|x| x.name == "群众满意率")
        .unwrap();
    let mut other = a.indicators[i].clone();
    other.name = "群众满意率复核".into();
    a.indicators.push(other);
    let card = score::score(&a);
    assert_eq!(
        goal("群众满意率≥8").resolve(&card),
        Ok(Goal::AtLeast(Metric::Item("群众满意率".into()), dec!(8)))
    );
    assert!(
        goal("满意率≥8").resolve(&card).is_err(),
        "now a part of two names"
    );
}

/// The first indicator's actual: what the seeks on banded scores below move.
const FIRST: &str = "indicators[0].measure.actual";

/// The sample scored by its rule, its first indicator (6 points) scored by `bands` of
/// (least actual, points) on its actual value, from `start`; and the goal of its full 6.
fn banded(bands: &[(Decimal, Decimal)], start: Decimal) -> (Assessment, Goal) {
    use ziping_engine::scheme::{Band, Basis, Rule};
    let mut a = computed();
    a.indicators[0].measure.rule = Rule::Bands {
        basis: Basis::Actual,
        bands: bands
            .iter()
            .map(|&(min, points)| Band { min, points })
            .collect(),
    };
    paths::set(&mut a, FIRST, Some(start)).unwrap();
    let full = goal(&format!("item:{}>=6", a.indicators[0].name));
    (a, full)
}

#[test]
fn where_both_ways_reach_the_goal_the_nearer_answer_is_given() {
    // Bands out of order (a finding of their own) make a valley: 6 points from 80 and
    // below 40, 1 point between. From 70 the nearer way out is up, from 45 down.
    let valley = [(dec!(80), dec!(6)), (dec!(40), dec!(1)), (dec!(0), dec!(6))];
    for (start, answer) in [(dec!(70), dec!(80)), (dec!(45), dec!(39.99))] {
        let (a, full) = banded(&valley, start);
        let s = whatif::seek(&a, FIRST, &full).unwrap();
        assert_eq!(s.value, Some(answer), "from {start}");
    }
}

#[test]
fn an_answer_stays_within_the_figures_a_form_accepts() {
    // A target beyond the limit of a figure (10¹², an error of its own) cannot be met by
    // an actual the form would accept: no answer, rather than one past the limit.
    let mut a = computed();
    let limit = ziping_engine::validate::LIMIT;
    a.indicators[0].measure.target = Some(limit * dec!(2));
    let name = a.indicators[0].name.clone();
    let path = FIRST;
    let s = whatif::seek(&a, path, &goal(&format!("item:{name}>=6"))).unwrap();
    assert!(!s.reachable, "{:?}", s.value);
    // At the limit itself, it is met within it (by rounding, a little below).
    a.indicators[0].measure.target = Some(limit);
    let s = whatif::seek(&a, path, &goal(&format!("item:{name}>=6"))).unwrap();
    assert!(s.reachable && s.value <= Some(limit), "{:?}", s.value);
    // From near the limit, too: the last stretch is measured from where it starts.
    paths::set(&mut a, path, Some(limit * dec!(0.9))).unwrap();
    let near = whatif::seek(&a, path, &goal(&format!("item:{name}>=6"))).unwrap();
    assert_eq!(near.value, s.value);
}

#[test]
fn an_answer_is_found_between_its_first_steps_and_at_the_edge_of_the_range() {
    // A peak: 6 points from 40 to below 80, 1 point either side. From 20, the steps up
    // pass into it (40.48) and the answer is its lower edge; far above it is 1 again.
    let peak = [(dec!(80), dec!(1)), (dec!(40), dec!(6)), (dec!(0), dec!(1))];
    let (a, full) = banded(&peak, dec!(20));
    assert_eq!(
        whatif::seek(&a, FIRST, &full).unwrap().value,
        Some(dec!(40))
    );
    // 预算执行率 0.00 needs 决算 below 0.37 (0.005%): reached only near 0, the range's
    // lower edge, which the doubling steps down from 733.88 jump past.
    let s = whatif::seek(&computed(), ACTUAL, &goal("item:预算执行率<=0")).unwrap();
    assert_eq!(s.value, Some(dec!(0.36)));
}

#[test]
fn a_figure_typed_below_zero_is_sought_from_zero() {
    // 6 points from 0 to below 40, 1 from 40; −5 (a negative figure, an error of its own)
    // scores nothing. The nearest answer a form accepts is 0.
    let (a, full) = banded(&[(dec!(40), dec!(1)), (dec!(0), dec!(6))], dec!(-5));
    let s = whatif::seek(&a, FIRST, &full).unwrap();
    assert_eq!(
        (s.reachable, s.value, s.change),
        (true, Some(dec!(0)), Some(dec!(5)))
    );
    assert!(s.reason.contains("由 -5 调整为 0"), "{}", s.reason);
}

#[test]
fn an_overridden_indicator_is_left_out_of_the_sensitivity_table() {
    let mut a = computed();
    let levels = [dec!(0.8)];
    assert!(whatif::sensitivity(&a, &levels)
        .iter()
        .any(|r| r.path == "indicators[1]"));
    a.indicators[1].measure.override_score = Some(ziping_engine::model::Override {
        score: a.indicators[1].points,
        reason: "核定".into(),
    });
    assert!(!whatif::sensitivity(&a, &levels)
        .iter()
        .any(|r| r.path == "indicators[1]"));
}

#[test]
fn an_override_s_own_score_is_not_blocked_by_itself() {
    let s = whatif::seek(&sample(), "execution_override.score", &goal("total<=80")).unwrap();
    assert!(!s.reachable && s.blocker.is_none());
    assert_eq!(
        s.reason,
        "只调整预算执行率人工调整得分达不到目标 总分 ≤ 80：总分最少为 90.00（履职效能已满分，管理效率已满分）"
    );
}

#[test]
fn only_the_moved_figure_s_own_override_is_named_as_in_the_way() {
    // The sample's execution block is overridden; 群众满意率 is not, and its answer says
    // nothing of the other's override.
    let s = whatif::seek(&sample(), SATISFACTION, &goal("total<=90")).unwrap();
    assert!(!s.reachable);
    assert!(!s.reason.contains("人工调整"), "{}", s.reason);
    let s = whatif::seek(&sample(), ACTUAL, &goal("total>=99.5")).unwrap();
    assert!(s.reason.contains("人工调整"), "{}", s.reason);
}
