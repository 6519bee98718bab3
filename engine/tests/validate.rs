//! Validation: each relation and field check, broken one at a time on the sample.

use rust_decimal_macros::dec;
use ziping_engine::model::{Achievement, Assessment, Override};
use ziping_engine::sample::sample;
use ziping_engine::scheme::{Band, Basis, DeductionBasis, Rule, SectionBody};
use ziping_engine::validate::{self, Finding, Severity};

type Edit = fn(&mut Assessment);

/// Every finding with `code` after `edit` is applied to the sample.
fn findings(edit: Edit, code: &str) -> Vec<Finding> {
    let mut a = sample();
    edit(&mut a);
    validate::validate(&a)
        .into_iter()
        .filter(|f| f.code == code)
        .collect()
}

#[test]
fn each_broken_relation_or_field_is_found_with_its_path_and_figures() {
    use Severity::{Error, Warning};
    // (what is broken, edit, code, severity, a path it names, words the message must hold)
    let cases: &[(&str, Edit, &str, Severity, &str, &str)] = &[
        (
            "basic + project ≠ actual",
            |a| a.finance.spending.actual = Some(dec!(733.80)),
            "SPENDING_PARTS_SUM",
            Error,
            "finance.basic",
            "基本支出 554.28 + 项目支出 179.60 = 733.88，与决算数 733.80 不符",
        ),
        (
            "economic rows ≠ actual",
            |a| a.finance.economic[1] = Some(dec!(201.5)),
            "ECONOMIC_SUM",
            Error,
            "finance.economic[1]",
            "工资福利支出 515.53 + 商品和服务支出 201.50 + 资本性支出 16.79 = 733.82，与支出决算数 733.88 不符",
        ),
        ("department missing", |a| a.department.clear(), "REQUIRED", Error, "department", "部门名称"),
        ("year out of range", |a| a.year = 1990, "YEAR_RANGE", Error, "year", "1990"),
        (
            "negative amount",
            |a| a.finance.economic[3] = Some(dec!(-1)),
            "NEGATIVE",
            Error,
            "finance.economic[3]",
            "债务利息及费用支出",
        ),
        (
            "absurdly large amount",
            |a| a.finance.spending.initial = Some(dec!(10000000000000)),
            "TOO_LARGE",
            Error,
            "finance.spending.initial",
            "10000000000000",
        ),
        (
            "adjusted budget missing",
            |a| a.finance.spending.adjusted = None,
            "REQUIRED",
            Error,
            "finance.spending.adjusted",
            "调整预算数",
        ),
        (
            "execution below 90% without a note",
            |a| a.finance.spending.actual = Some(dec!(600)),
            "EXECUTION_NOTE",
            Warning,
            "finance.execution_note",
            "81.19%",
        ),
        (
            "execution above 100%",
            |a| a.finance.spending.actual = Some(dec!(800)),
            "EXECUTION_OVER",
            Warning,
            "finance.spending.actual",
            "108.25%",
        ),
        (
            "zero budget base",
            |a| a.finance.spending.adjusted = Some(dec!(0)),
            "BASE_ZERO",
            Error,
            "finance.spending.adjusted",
            "全年预算数",
        ),
        (
            "last year zero",
            |a| a.finance.appropriation.last_actual = Some(dec!(0)),
            "LAST_YEAR_ZERO",
            Warning,
            "finance.appropriation.last_actual",
            "财政拨款收入",
        ),
        (
            "complete breakdown ≠ tally",
            |a| a.workload[0].breakdowns[0].parts[0].value = Some(dec!(761)),
            "WORKLOAD_PARTS_SUM",
            Error,
            "workload[0].breakdowns[0].parts[0].value",
            "群众来访 761 + 来信 6744 + 网信 24127 = 31632，与群众信访事项 31631 不符",
        ),
        (
            "partial breakdown > tally",
            |a| a.workload[0].breakdowns[1].parts[0].value = Some(dec!(30000)),
            "WORKLOAD_PARTS_EXCEED",
            Error,
            "workload[0].value",
            "按信访类别",
        ),
        (
            "done > assigned",
            |a| a.workload[1].done = Some(dec!(668)),
            "DONE_EXCEEDS",
            Error,
            "workload[1].done",
            "668",
        ),
        (
            "indicator points ≠ category",
            |a| a.indicators[0].points = dec!(7),
            "POINTS_SUM",
            Error,
            "indicators[0].points",
            "7 + 6 + 8 = 21",
        ),
        (
            "criterion points ≠ aspect",
            |a| a.criteria[0].points = dec!(6),
            "POINTS_SUM",
            Error,
            "criteria[0].points",
            "预算编制",
        ),
        ("zero points", |a| a.indicators[1].points = dec!(0), "POINTS_POSITIVE", Error, "indicators[1].points", "分值"),
        (
            "below 100% without a deviation note",
            |a| a.indicators[0].measure.actual = Some(dec!(380)),
            "DEVIATION_NOTE",
            Error,
            "indicators[0].deviation_note",
            "5.70",
        ),
        (
            "far above target",
            |a| a.indicators[0].measure.actual = Some(dec!(1000)),
            "OVER_ACHIEVEMENT",
            Warning,
            "indicators[0].measure.actual",
            "250.00%",
        ),
        (
            "a rate above 100%",
            |a| a.indicators[5].measure.actual = Some(dec!(101)),
            "RATE_RANGE",
            Warning,
            "indicators[5].measure.actual",
            "101",
        ),
        (
            "zero target",
            |a| a.indicators[0].measure.target = Some(dec!(0)),
            "ZERO_TARGET",
            Warning,
            "indicators[0].measure.target",
            "中央交办重点信访事项办理数",
        ),
        (
            "actual missing",
            |a| a.indicators[4].measure.actual = None,
            "REQUIRED",
            Error,
            "indicators[4].measure.actual",
            "全区信访事项综合效能",
        ),
        (
            "qualitative score outside its grade's band",
            |a| a.indicators[3].measure.entered_score = Some(dec!(4)),
            "QUALITATIVE_RANGE",
            Error,
            "indicators[3].measure.entered_score",
            "4.80",
        ),
        (
            "qualitative grade missing",
            |a| a.indicators[3].measure.grade = None,
            "REQUIRED",
            Error,
            "indicators[3].measure.grade",
            "定性评价等级",
        ),
        (
            "manual score without a reason",
            |a| {
                a.indicators[3].measure.rule = Rule::Manual;
                a.indicators[3].measure.grade = Some(Achievement::Achieved);
            },
            "MANUAL_REASON",
            Error,
            "indicators[3].measure.reason",
            "信访矛盾源头治理和积案化解",
        ),
        (
            "manual score above the points",
            |a| {
                a.indicators[3].measure.rule = Rule::Manual;
                a.indicators[3].measure.entered_score = Some(dec!(7));
            },
            "SCORE_RANGE",
            Error,
            "indicators[3].measure.entered_score",
            "7",
        ),
        (
            "override without a reason",
            |a| {
                a.execution_override = Some(Override {
                    score: dec!(9.32),
                    reason: " ".into(),
                })
            },
            "OVERRIDE_REASON",
            Error,
            "execution_override.reason",
            "9.32",
        ),
        (
            "override above the points",
            |a| {
                a.execution_override = Some(Override {
                    score: dec!(11),
                    reason: "试算".into(),
                })
            },
            "SCORE_RANGE",
            Error,
            "execution_override.score",
            "11",
        ),
        (
            "indicator override without a reason",
            |a| {
                a.indicators[0].measure.override_score = Some(Override {
                    score: dec!(5),
                    reason: String::new(),
                })
            },
            "OVERRIDE_REASON",
            Error,
            "indicators[0].measure.override.reason",
            "中央交办重点信访事项办理数",
        ),
        (
            "checklist without checks",
            |a| a.criteria[0].measure.checks.clear(),
            "CHECKS_EMPTY",
            Error,
            "criteria[0].measure.checks",
            "检查项",
        ),
        (
            "bands out of order",
            |a| {
                a.indicators[0].measure.rule = Rule::Bands {
                    basis: Basis::Completion,
                    bands: vec![Band { min: dec!(60), points: dec!(3) }, Band { min: dec!(90), points: dec!(6) }],
                }
            },
            "BANDS_ORDER",
            Error,
            "indicators[0].measure.rule",
            "",
        ),
        (
            "band above the points",
            |a| {
                a.indicators[0].measure.rule = Rule::Bands {
                    basis: Basis::Completion,
                    bands: vec![Band { min: dec!(90), points: dec!(9) }],
                }
            },
            "BANDS_POINTS",
            Error,
            "indicators[0].measure.rule",
            "6",
        ),
        (
            "deduction of zero",
            |a| {
                a.indicators[0].measure.rule = Rule::Deduction {
                    basis: DeductionBasis::Shortfall,
                    per: dec!(0),
                    step: dec!(1),
                }
            },
            "DEDUCTION_PARAMS",
            Error,
            "indicators[0].measure.rule",
            "",
        ),
        (
            "scheme sections ≠ 100",
            |a| a.scheme.sections[0].points = dec!(11),
            "SCHEME_TOTAL",
            Error,
            "scheme.sections[0].points",
            "11 + 40 + 50 = 101",
        ),
        (
            "scheme grades out of order",
            |a| a.scheme.grades.reverse(),
            "SCHEME_GRADES",
            Error,
            "scheme.grades",
            "",
        ),
        (
            "indicator kind not in the scheme",
            |a| {
                if let SectionBody::Indicators { categories } = &mut a.scheme.sections[1].body {
                    categories[0].kinds.retain(|k| *k != ziping_engine::model::IndicatorKind::Quantity);
                }
            },
            "KIND_UNMAPPED",
            Error,
            "indicators[0].kind",
            "数量指标",
        ),
        (
            "score_places beyond 4",
            |a| a.scheme.rounding.score_places = 5,
            "SCHEME_PLACES",
            Error,
            "scheme.rounding.score_places",
            "各项得分保留的小数位数（scheme.rounding.score_places）为 5，应为 0 到 4 之间的整数",
        ),
        (
            "rate_places beyond 4",
            |a| a.scheme.rounding.rate_places = 9,
            "SCHEME_PLACES",
            Error,
            "scheme.rounding.rate_places",
            "scheme.rounding.rate_places）为 9",
        ),
    ];
    for (case, edit, code, severity, path, words) in cases {
        let found = findings(*edit, code);
        let hit = found.iter().find(|f| f.paths.iter().any(|p| p == path));
        let Some(hit) = hit else {
            panic!("{case}: no {code} at {path}; found {found:#?}");
        };
        assert_eq!(hit.severity, *severity, "{case}");
        assert!(
            hit.message.contains(words),
            "{case}: «{}» lacks «{words}»",
            hit.message
        );
    }
}

#[test]
fn an_explained_low_execution_is_accepted() {
    assert!(findings(
        |a| {
            a.finance.spending.actual = Some(dec!(600));
            a.finance.execution_note = "项目延期至次年实施".into();
        },
        "EXECUTION_NOTE"
    )
    .is_empty());
}

#[test]
fn a_deviation_note_satisfies_the_check() {
    assert!(findings(
        |a| {
            a.indicators[0].measure.actual = Some(dec!(380));
            a.indicators[0].deviation_note = "部分事项转入下年度办理".into();
        },
        "DEVIATION_NOTE"
    )
    .is_empty());
}

#[test]
fn an_indicator_not_yet_measured_asks_for_its_figure_not_for_a_deviation_note() {
    // (what, edit, DEVIATION_NOTE expected)
    let cases: &[(&str, Edit, bool)] = &[
        (
            "no actual",
            |a| a.indicators[0].measure.actual = None,
            false,
        ),
        (
            "actual short",
            |a| a.indicators[0].measure.actual = Some(dec!(380)),
            true,
        ),
        (
            "no actual, but an override below full marks",
            |a| {
                a.indicators[0].measure.actual = None;
                a.indicators[0].measure.override_score = Some(Override {
                    score: dec!(5),
                    reason: "按上级核定".into(),
                });
            },
            true,
        ),
        (
            "manual, no score entered",
            |a| {
                a.indicators[0].measure.rule = Rule::Manual;
                a.indicators[0].measure.entered_score = None;
            },
            false,
        ),
    ];
    for (what, edit, expected) in cases {
        assert_eq!(
            !findings(*edit, "DEVIATION_NOTE").is_empty(),
            *expected,
            "{what}"
        );
    }
    assert!(!findings(|a| a.indicators[0].measure.actual = None, "REQUIRED").is_empty());
}

#[test]
fn the_builtin_schemes_are_valid() {
    for s in ziping_engine::schemes::builtin() {
        let found = validate::validate_scheme(&s);
        assert!(found.is_empty(), "{}: {found:#?}", s.id);
    }
}

#[test]
fn a_blank_assessment_reports_what_is_required_without_panicking() {
    for s in ziping_engine::schemes::builtin() {
        let found = validate::validate(&Assessment::new(s));
        assert!(validate::has_errors(&found));
        assert!(found
            .iter()
            .any(|f| f.code == "REQUIRED" && f.paths == ["department"]));
    }
}

#[test]
fn findings_serialize_with_severity_code_paths_and_message() {
    let found = findings(
        |a| a.finance.spending.actual = Some(dec!(733.80)),
        "SPENDING_PARTS_SUM",
    );
    let json = serde_json::to_value(&found[0]).expect("serializable");
    assert_eq!(json["severity"], "error");
    assert_eq!(json["code"], "SPENDING_PARTS_SUM");
    assert_eq!(json["paths"][0], "finance.basic");
    assert!(json["message"]
        .as_str()
        .is_some_and(|m| m.contains("733.80")));
}

#[test]
fn reworded_criteria_saved_into_the_scheme_come_back_in_a_new_assessment() {
    let mut a = sample();
    a.criteria[0].name = "预算编制完整规范（本局细则）".into();
    a.criteria[0].measure.checks[1].text = "项目支出均有测算依据".into();
    a.criteria[0].measure.checks.pop();
    a.criteria[1].measure.rule = Rule::Deduction {
        basis: DeductionBasis::FailedChecks,
        per: dec!(2),
        step: dec!(1),
    };
    a.criteria_into_scheme();
    assert!(a.scheme.id.starts_with("custom-"), "{}", a.scheme.id);
    assert_eq!(validate::validate_scheme(&a.scheme), vec![]);

    let next_year = Assessment::new(a.scheme.clone());
    assert_eq!(next_year.criteria.len(), a.criteria.len());
    for (new, old) in next_year.criteria.iter().zip(&a.criteria) {
        assert_eq!(
            (
                new.aspect,
                &new.name,
                new.points,
                &new.measure.rule,
                new.measure.target
            ),
            (
                old.aspect,
                &old.name,
                old.points,
                &old.measure.rule,
                old.measure.target
            )
        );
        let texts = |c: &ziping_engine::model::Criterion| -> Vec<String> {
            c.measure.checks.iter().map(|k| k.text.clone()).collect()
        };
        assert_eq!(texts(new), texts(old));
        assert!(
            new.measure.checks.iter().all(|k| !k.met),
            "what was met stays behind"
        );
    }
    assert_eq!(next_year.criteria[0].measure.checks.len(), 2);

    // Saving twice changes nothing more, and the id is marked once.
    let once = a.scheme.clone();
    a.criteria_into_scheme();
    assert_eq!(a.scheme, once);
}

#[test]
fn amounts_in_messages_keep_the_decimals_they_were_entered_with() {
    // (basic, project, 决算, the message's words)
    let cases: &[(&str, &str, &str, &str)] = &[
        (
            "89.965",
            "0",
            "89.970",
            "基本支出 89.965 + 项目支出 0.00 = 89.965，与决算数 89.970 不符",
        ),
        (
            "554.2",
            "179.6",
            "733.88",
            "基本支出 554.20 + 项目支出 179.60 = 733.80，与决算数 733.88 不符",
        ),
        (
            "10.1234",
            "5",
            "15.12",
            "基本支出 10.1234 + 项目支出 5.00 = 15.1234，与决算数 15.12 不符",
        ),
    ];
    for (basic, project, actual, words) in cases {
        let mut a = sample();
        a.finance.basic = basic.parse().ok();
        a.finance.project = project.parse().ok();
        a.finance.spending.actual = actual.parse().ok();
        let found = validate::validate(&a);
        let hit = found
            .iter()
            .find(|f| f.code == "SPENDING_PARTS_SUM")
            .unwrap_or_else(|| panic!("{basic}: no SPENDING_PARTS_SUM in {found:#?}"));
        assert_eq!(hit.message, *words);
    }
    // The economic rows' sum keeps them too.
    let mut a = sample();
    a.finance.economic[1] = Some(dec!(201.565));
    let found = validate::validate(&a);
    let hit = found
        .iter()
        .find(|f| f.code == "ECONOMIC_SUM")
        .expect("ECONOMIC_SUM");
    assert!(
        hit.message.contains(
            "商品和服务支出 201.565 + 资本性支出 16.79 = 733.885，与支出决算数 733.88 不符"
        ),
        "{}",
        hit.message
    );
}

#[test]
fn a_low_execution_note_is_asked_for_and_required_only_where_the_scheme_says() {
    let low = |required: bool| {
        let mut a = sample();
        a.finance.spending.actual = Some(dec!(600));
        a.scheme.execution_note_required = required;
        validate::validate(&a)
            .into_iter()
            .filter(|f| f.code == "EXECUTION_NOTE")
            .map(|f| (f.severity, f.message))
            .collect::<Vec<_>>()
    };
    assert_eq!(
        low(false),
        [(
            Severity::Warning,
            "预算执行率 81.19% 低于 90.00%，宜说明原因".to_string()
        )]
    );
    assert_eq!(
        low(true),
        [(
            Severity::Error,
            "预算执行率 81.19% 低于 90.00%，须说明原因".to_string()
        )]
    );
}

#[test]
fn a_blank_initial_budget_is_accepted_where_the_scheme_does_not_use_it() {
    use ziping_engine::scheme::ExecutionBase;
    let blank = |base: ExecutionBase| {
        let mut a = sample();
        a.finance.spending.initial = None;
        for s in &mut a.scheme.sections {
            if let SectionBody::Execution { base: b, .. } = &mut s.body {
                *b = base;
            }
        }
        validate::validate(&a)
            .into_iter()
            .filter(|f| f.paths.iter().any(|p| p == "finance.spending.initial"))
            .map(|f| (f.severity, f.code))
            .collect::<Vec<_>>()
    };
    assert_eq!(
        blank(ExecutionBase::Adjusted),
        [],
        "the seed's rule divides by 全年预算数"
    );
    assert_eq!(
        blank(ExecutionBase::Initial),
        [(Severity::Error, "REQUIRED")],
        "a rule that divides by 年初预算数 needs it"
    );
}

#[test]
fn an_override_below_full_marks_asks_for_the_deviation_note() {
    // (the override's score, whether a 偏差原因 is asked for, the figure named)
    let cases: &[(Option<&str>, bool, &str)] = &[
        (Some("5.5"), true, "得分 5.50，未达满分 6"),
        (Some("6"), false, ""),
        (None, false, ""),
    ];
    for (score, asked, words) in cases {
        let found = findings_with(|a| {
            a.indicators[0].measure.override_score = score.map(|s| Override {
                score: s.parse().expect("a score"),
                reason: "按已公布的自评结果".into(),
            });
        });
        let hit = found.iter().find(|f| f.code == "DEVIATION_NOTE");
        assert_eq!(hit.is_some(), *asked, "{score:?}: {found:#?}");
        if let Some(hit) = hit {
            assert_eq!(hit.severity, Severity::Error);
            assert!(hit.message.contains(words), "{}", hit.message);
        }
    }
    // An override to full marks over a computed shortfall: the score that counts is full.
    let found = findings_with(|a| {
        a.indicators[0].measure.actual = Some(dec!(380));
        a.indicators[0].measure.override_score = Some(Override {
            score: dec!(6),
            reason: "按已公布的自评结果".into(),
        });
    });
    assert!(
        !found.iter().any(|f| f.code == "DEVIATION_NOTE"),
        "{found:#?}"
    );
}

/// Every finding after `edit` is applied to the sample.
fn findings_with(edit: impl FnOnce(&mut Assessment)) -> Vec<Finding> {
    let mut a = sample();
    edit(&mut a);
    validate::validate(&a)
}
