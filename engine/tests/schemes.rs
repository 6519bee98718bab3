//! The built-in layouts and what validation says of a scheme reshaped by hand: sections
//! and categories added, removed, renamed and moved, as the app's scheme editor does.

use rust_decimal::Decimal;
use rust_decimal_macros::dec;
use ziping_engine::scheme::{IndicatorCategory, Scheme, SectionBody};
use ziping_engine::schemes;
use ziping_engine::validate::{validate_scheme, Finding};

fn points(s: &Scheme) -> Vec<(String, Decimal)> {
    s.sections
        .iter()
        .map(|x| (x.name.clone(), x.points))
        .collect()
}

fn codes(found: &[Finding]) -> Vec<(&str, &str, &str)> {
    found
        .iter()
        .map(|f| {
            (
                f.code,
                f.paths.first().map(String::as_str).unwrap_or(""),
                f.message.as_str(),
            )
        })
        .collect()
}

#[test]
fn the_execution_plus_indicators_layouts_split_their_100_points() {
    let ten = schemes::execution_10_indicators_90();
    assert_eq!(
        points(&ten),
        [
            ("预算执行率".into(), dec!(10)),
            ("绩效指标".into(), dec!(90))
        ]
    );
    let twenty = schemes::execution_20_indicators_80();
    assert_eq!(
        points(&twenty),
        [
            ("预算执行率".into(), dec!(20)),
            ("绩效指标".into(), dec!(80))
        ]
    );
    // The indicators' points are the rows': no category fixes any.
    for s in [&ten, &twenty] {
        let SectionBody::Indicators { categories } = &s.sections[1].body else {
            panic!("{}: the second section holds indicators", s.id)
        };
        assert!(categories.iter().all(|c| c.points.is_none()));
        assert_eq!(
            categories.iter().map(|c| c.kinds.len()).sum::<usize>(),
            9,
            "every kind of indicator has its place"
        );
        assert!(schemes::by_id(&s.id).is_some());
    }
}

#[test]
fn a_removed_section_leaves_points_that_do_not_add_up_said_in_chinese() {
    let mut s = schemes::guangzhou_departmental();
    s.sections.remove(2);
    let found = validate_scheme(&s);
    assert_eq!(
        codes(&found),
        [(
            "SCHEME_TOTAL",
            "sections[0].points",
            "评分标准各一级指标分值 10 + 40 = 50，应为 100"
        )]
    );
    // Giving the 50 points to 履职效能 and its categories makes it whole again.
    s.sections[1].points = dec!(90);
    if let SectionBody::Indicators { categories } = &mut s.sections[1].body {
        categories[0].points = Some(dec!(45));
        categories[1].points = Some(dec!(45));
    }
    assert_eq!(codes(&validate_scheme(&s)), []);
}

#[test]
fn moved_and_renamed_sections_and_categories_stay_valid() {
    let mut s = schemes::execution_20_indicators_80();
    s.sections.swap(0, 1);
    s.sections[0].name = "履职绩效".into();
    if let SectionBody::Indicators { categories } = &mut s.sections[0].body {
        categories.swap(0, 1);
    }
    assert_eq!(codes(&validate_scheme(&s)), []);
}

#[test]
fn a_new_category_needs_a_name_and_a_kind_is_in_one_category_only() {
    let mut s = schemes::execution_10_indicators_90();
    if let SectionBody::Indicators { categories } = &mut s.sections[1].body {
        categories.push(IndicatorCategory {
            name: " ".into(),
            points: None,
            kinds: vec![categories[0].kinds[0]],
        });
    }
    let found = validate_scheme(&s);
    assert_eq!(
        codes(&found),
        [
            (
                "REQUIRED",
                "sections[1].body.categories[2].name",
                "一级指标「绩效指标」第 3 个二级指标的名称未填写"
            ),
            (
                "SCHEME_KIND_TWICE",
                "sections[1].body.categories[2].kinds",
                &found[1].message[..]
            ),
        ]
    );
    assert!(
        found[1].message.contains("数量指标"),
        "{}",
        found[1].message
    );
}

#[test]
fn a_new_section_may_have_0_points_but_not_fewer_and_is_named_by_its_name() {
    let with = |points: Decimal| {
        let mut s = schemes::execution_10_indicators_90();
        s.sections.push(ziping_engine::scheme::Section {
            id: "section-1".into(),
            name: "新一级指标".into(),
            points,
            body: SectionBody::Indicators {
                categories: Vec::new(),
            },
        });
        validate_scheme(&s)
    };
    // 0 points: a section dropped from the count, as a project scheme drops 满意度.
    let found = with(Decimal::ZERO);
    assert!(
        found.iter().all(|f| f.code != "POINTS_POSITIVE"),
        "{found:#?}"
    );
    assert!(
        found.iter().all(|f| f.code != "SCHEME_TOTAL"),
        "10 + 90 + 0 = 100"
    );
    let found = with(Decimal::NEGATIVE_ONE);
    assert!(
        found
            .iter()
            .any(|f| f.code == "POINTS_POSITIVE" && f.message.contains("新一级指标")),
        "{found:#?}"
    );
}

#[test]
fn each_rule_has_its_printed_name_and_reads_a_target_only_where_it_scores_against_one() {
    use ziping_engine::scheme::{AtMostVariant, Basis, DeductionBasis, Rule};
    let deduction = |basis| Rule::Deduction {
        basis,
        per: dec!(1),
        step: dec!(1),
    };
    let bands = |basis| Rule::Bands {
        basis,
        bands: Vec::new(),
    };
    let cases = [
        (Rule::AtLeast, "正向指标（≥ 目标）", true),
        (
            Rule::AtMost {
                variant: AtMostVariant::Ratio,
            },
            "反向指标（≤ 目标，按比例）",
            true,
        ),
        (
            Rule::AtMost {
                variant: AtMostVariant::Linear,
            },
            "反向指标（≤ 目标，按超出幅度）",
            true,
        ),
        (Rule::Exactly, "等于目标", true),
        (Rule::Qualitative, "定性指标", false),
        (bands(Basis::Completion), "分档计分", true),
        (bands(Basis::Actual), "分档计分", false),
        (deduction(DeductionBasis::Shortfall), "扣分制", true),
        (deduction(DeductionBasis::Excess), "扣分制", true),
        (
            deduction(DeductionBasis::CompletionShortfall),
            "扣分制",
            true,
        ),
        (deduction(DeductionBasis::FailedChecks), "扣分制", false),
        (Rule::Checklist, "逐项检查", false),
        (Rule::Manual, "人工评分", false),
    ];
    for (rule, label, target) in cases {
        assert_eq!(rule.label(), label, "{rule:?}");
        assert_eq!(rule.needs_target(), target, "{rule:?}");
    }
}
