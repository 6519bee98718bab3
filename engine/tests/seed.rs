//! Golden tests: every figure of the seed report (2023 年度天河区信访局), computed by the
//! engine from the sample's raw inputs.

use rust_decimal::Decimal;
use rust_decimal_macros::dec;
use ziping_engine::figures::{self, Figures};
use ziping_engine::model::IndicatorKind;
use ziping_engine::num::{fmt2, fmt_pct, RoundingMode};
use ziping_engine::sample::{self, TITLE};
use ziping_engine::scheme::Grade;
use ziping_engine::score::{self, ScoreCard, EXECUTION_ITEM};
use ziping_engine::validate;

const HALF_UP: RoundingMode = RoundingMode::HalfUp;

fn seed() -> (Figures, ScoreCard) {
    let a = sample::sample();
    (figures::derive(&a), score::score(&a))
}

fn pct(ratio: Option<Decimal>) -> String {
    fmt_pct(ratio.expect("a ratio"), HALF_UP)
}

#[test]
fn the_sample_is_the_seed_department_and_year() {
    let a = sample::sample();
    assert_eq!(a.title, TITLE);
    assert_eq!(a.department, "广州市天河区信访局");
    assert_eq!(a.year, 2023);
    assert_eq!(a.duties.len(), 8, "the summary and seven numbered duties");
    assert!(a.duties[7].starts_with("7. 承办区委"));
    assert!(
        a.problems[0].starts_with("一是信访督查督办不够到位") && a.problems[0].contains("二是")
    );
    assert_eq!(a.measures.len(), 3, "（一）–（三）");
}

#[test]
fn the_sample_validates_without_errors_or_warnings() {
    let findings = validate::validate(&sample::sample());
    assert!(findings.is_empty(), "{findings:#?}");
}

#[test]
fn execution_rate_is_99_30_percent() {
    let (f, _) = seed();
    assert_eq!(pct(f.execution_rate), "99.30%");
}

#[test]
fn basic_and_project_shares_are_75_53_and_24_47() {
    let (f, _) = seed();
    assert_eq!(f.basic_share, Some(dec!(75.53)));
    assert_eq!(f.project_share, Some(dec!(24.47)));
}

#[test]
fn economic_shares_are_70_25_27_46_2_29_and_sum_to_100() {
    let (f, _) = seed();
    assert_eq!(f.economic_total, dec!(733.88));
    let expected = [
        Some(dec!(70.25)),
        Some(dec!(27.46)),
        None,
        None,
        None,
        Some(dec!(2.29)),
        None,
        None,
        None,
        None,
    ];
    assert_eq!(f.economic_shares, expected);
    let sum: Decimal = f.economic_shares.iter().flatten().sum();
    assert_eq!(sum.to_string(), "100.00");
}

#[test]
fn income_grew_50_05_or_7_32_percent_on_683_83() {
    let (f, _) = seed();
    let a = sample::sample();
    assert_eq!(a.finance.appropriation.last_actual, Some(dec!(683.83)));
    for change in [f.income_change, f.appropriation_change] {
        assert_eq!(change.change, Some(dec!(50.05)));
        assert_eq!(pct(change.growth), "7.32%");
    }
    assert_eq!(f.income.initial, Some(dec!(810.88)));
    assert_eq!(f.income.adjusted, Some(dec!(739.04)));
    assert_eq!(f.income.actual, Some(dec!(733.88)));
}

#[test]
fn petitions_760_6744_24127_make_31631_with_online_76_28_percent() {
    let a = sample::sample();
    let (f, _) = seed();
    let petitions = &a.workload[0];
    assert_eq!(petitions.value, Some(dec!(31631)));
    let channels = &f.workload[0].breakdowns[0];
    let parts: Vec<_> = petitions.breakdowns[0]
        .parts
        .iter()
        .map(|p| p.value)
        .collect();
    assert_eq!(
        parts,
        [Some(dec!(760)), Some(dec!(6744)), Some(dec!(24127))]
    );
    assert_eq!(channels.sum, dec!(31631));
    assert_eq!(channels.shares[2], Some(dec!(76.28)));
    assert_eq!(pct(f.workload[0].growth), "85.81%");
}

#[test]
fn petition_categories_share_18_42_11_67_8_85_4_73_3_29() {
    let (f, _) = seed();
    let shares: Vec<_> = f.workload[0].breakdowns[1]
        .shares
        .iter()
        .flatten()
        .map(|s| s.to_string())
        .collect();
    assert_eq!(shares, ["18.42", "11.67", "8.85", "4.73", "3.29"]);
}

#[test]
fn supervised_cases_666_of_667_is_99_85_percent() {
    let (f, _) = seed();
    assert_eq!(pct(f.workload[1].rate), "99.85%");
}

#[test]
fn national_first_petitions_rose_24_62_percent() {
    let (f, _) = seed();
    assert_eq!(pct(f.workload[2].growth), "24.62%");
}

#[test]
fn satisfaction_participation_is_85_22_percent() {
    let (f, _) = seed();
    assert_eq!(pct(f.workload[3].rate), "85.22%");
}

#[test]
fn three_output_and_three_benefit_indicators_one_of_each_kind() {
    let (f, _) = seed();
    let c = f.indicator_counts;
    assert_eq!((c.output, c.benefit), (3, 3));
    use IndicatorKind::*;
    assert_eq!(
        c.by_kind,
        [
            (Quantity, 1),
            (Quality, 1),
            (Timeliness, 1),
            (Social, 1),
            (Sustainability, 1),
            (Satisfaction, 1)
        ]
    );
}

#[test]
fn scores_20_20_40_50_9_32_total_99_32_grade_excellent() {
    let (_, card) = seed();
    let section = |id: &str| card.section(id).expect(id);
    let effectiveness = section("effectiveness");
    let subtotals: Vec<_> = effectiveness
        .categories
        .iter()
        .map(|c| c.score.to_string())
        .collect();
    assert_eq!(subtotals, ["20.00", "20.00"]);
    assert_eq!(effectiveness.score.to_string(), "40.00");
    assert_eq!(section("management").score.to_string(), "50.00");
    assert_eq!(section("execution").score.to_string(), "9.32");
    assert_eq!(card.total.to_string(), "99.32");
    assert_eq!(card.grade, Grade::Excellent);
    assert_eq!(card.max_total, dec!(100));
}

#[test]
fn every_indicator_completes_100_percent_scoring_6_6_8() {
    let (_, card) = seed();
    for category in &card
        .section("effectiveness")
        .expect("effectiveness")
        .categories
    {
        assert_eq!(category.completed, 3);
        let points: Vec<_> = category
            .items
            .iter()
            .map(|i| i.points.to_string())
            .collect();
        assert_eq!(points, ["6", "6", "8"]);
    }
}

#[test]
fn execution_block_shows_9_93_computed_and_9_32_as_published() {
    let (_, card) = seed();
    let item = card
        .items()
        .find(|i| i.name == EXECUTION_ITEM)
        .expect("execution item");
    assert_eq!(fmt2(item.computed, HALF_UP), "9.93");
    assert_eq!(item.score.to_string(), "9.32");
    assert!(item.overridden);
    assert!(
        item.formula
            .contains("全年执行数 733.88 ÷ 全年预算数 739.04 = 99.30%，× 10 = 9.93"),
        "{}",
        item.formula
    );
    assert!(item.formula.contains("人工调整为 9.32"), "{}", item.formula);
}

#[test]
fn without_the_override_the_total_is_99_93() {
    let mut a = sample::sample();
    a.execution_override = None;
    let card = score::score(&a);
    assert_eq!(card.total.to_string(), "99.93");
}

#[test]
fn the_total_is_the_sum_of_the_rounded_item_scores() {
    let (_, card) = seed();
    let sum: Decimal = card.items().map(|i| i.score).sum();
    assert_eq!(sum, card.total);
}

#[test]
fn management_covers_the_seven_aspects() {
    let (_, card) = seed();
    let names: Vec<_> = card
        .section("management")
        .expect("management")
        .categories
        .iter()
        .map(|c| c.name.clone())
        .collect();
    assert_eq!(
        names,
        [
            "预算编制",
            "预算执行",
            "信息公开",
            "绩效管理",
            "采购管理",
            "资产管理",
            "运行成本"
        ]
    );
}

#[test]
fn the_quiet_card_has_the_same_figures_without_words() {
    let a = sample::sample();
    let (full, quiet) = (score::score(&a), score::score_figures(&a));
    assert_eq!(quiet.total, full.total);
    for (q, f) in quiet.items().zip(full.items()) {
        assert_eq!(
            (q.score, q.computed, &q.path),
            (f.score, f.computed, &f.path)
        );
        assert!(q.formula.is_empty());
    }
}

/// Shares of parts that make up their total add up to exactly 100.00, the remainder going
/// to the largest remainder, then the larger part, then the earlier row; parts that do
/// not (or a negative part) are rounded each on its own.
#[test]
fn shares_add_up_to_100_only_when_the_parts_make_the_total() {
    use figures::shares;
    use RoundingMode::HalfUp;
    let cases: &[(&[Decimal], Decimal, &[&str])] = &[
        (
            &[dec!(1), dec!(1), dec!(1)],
            dec!(3),
            &["33.34", "33.33", "33.33"],
        ),
        (&[dec!(1), dec!(2)], dec!(3), &["33.33", "66.67"]),
        (
            &[dec!(2), dec!(1), dec!(1)],
            dec!(4),
            &["50.00", "25.00", "25.00"],
        ),
        (
            &[dec!(1), dec!(1), dec!(1)],
            dec!(4),
            &["25.00", "25.00", "25.00"],
        ),
        (&[dec!(4), dec!(-1)], dec!(3), &["133.33", "-33.33"]),
        (
            &[dec!(1), dec!(1), dec!(1), dec!(0)],
            dec!(3),
            &["33.34", "33.33", "33.33", "0.00"],
        ),
    ];
    for (parts, total, want) in cases {
        let got: Vec<String> = shares(parts, *total, HalfUp)
            .iter()
            .map(|s| s.map(|v| v.to_string()).unwrap_or_default())
            .collect();
        assert_eq!(got, *want, "{parts:?} of {total}");
    }
    assert_eq!(shares(&[dec!(1)], dec!(0), HalfUp), [None], "no total");
}

/// Mutants that survived (RELIABILITY.md): the points each section lost, the counts of
/// output and benefit indicators, and a section whose items make exactly its points.
#[test]
fn lost_points_counts_and_an_exact_section_total() {
    let (f, card) = seed();
    let lost: Decimal = card.sections.iter().map(|s| s.lost()).sum();
    assert_eq!(card.total + lost, dec!(100));
    assert!(card.sections.iter().any(|s| s.lost() > Decimal::ZERO));
    for s in &card.sections {
        assert_eq!(s.lost(), (s.points - s.score).max(Decimal::ZERO));
        // No section of the seed is capped: the items at full marks make exactly its points.
        assert!(s.note.is_none(), "{}: {:?}", s.name, s.note);
    }
    assert_eq!(
        (f.indicator_counts.output, f.indicator_counts.benefit),
        (3, 3)
    );
    // One output indicator made a benefit one: 2 and 4.
    let mut a = sample::sample();
    let benefit = IndicatorKind::ALL.into_iter().find(|k| !k.is_output());
    let first = a
        .indicators
        .iter_mut()
        .find(|i| i.kind.is_output())
        .unwrap();
    first.kind = benefit.unwrap();
    let kinds = figures::derive(&a).indicator_counts;
    assert_eq!((kinds.output, kinds.benefit), (2, 4));
}
