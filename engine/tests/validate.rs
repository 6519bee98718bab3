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
        (
            "问题 left empty",
            |a| a.problems.clear(),
            "PROBLEMS_EMPTY",
            Warning,
            "problems",
            "自评报告的「三、存在的主要问题」没有内容：打印和导出时只有标题",
        ),
        (
            "措施 only blank paragraphs",
            |a| a.measures = vec!["  ".into(), String::new()],
            "MEASURES_EMPTY",
            Warning,
            "measures",
            "「四、下一步改进措施」没有内容",
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

#[test]
fn an_empty_problems_or_measures_section_is_named_by_the_reports_own_heading() {
    use ziping_engine::report::{self, Block};
    let mut a = sample();
    a.problems.clear();
    a.measures.clear();
    let found = validate::validate(&a);
    let headings: Vec<String> = report::report(&a)
        .blocks
        .into_iter()
        .filter_map(|b| match b {
            Block::Heading { level: 1, text } => Some(text),
            _ => None,
        })
        .collect();
    let warned: Vec<(&str, &[String], Severity)> = found
        .iter()
        .map(|f| (f.code, f.paths.as_slice(), f.severity))
        .collect();
    assert_eq!(
        warned,
        [
            (
                "PROBLEMS_EMPTY",
                &["problems".to_string()][..],
                Severity::Warning
            ),
            (
                "MEASURES_EMPTY",
                &["measures".to_string()][..],
                Severity::Warning
            ),
        ],
        "warnings only: the file is still valid"
    );
    for (f, heading) in found.iter().zip(&headings[2..]) {
        assert!(
            f.message.contains(&format!("「{heading}」")),
            "{} names {heading}",
            f.message
        );
    }
    // One paragraph with text is enough.
    a.measures = vec![String::new(), "（一）加强督办。".into()];
    let codes: Vec<&str> = validate::validate(&a).iter().map(|f| f.code).collect();
    assert_eq!(codes, ["PROBLEMS_EMPTY"]);
}

#[test]
fn a_typed_text_that_is_no_number_is_an_error_in_place_of_its_figure() {
    // (typed into 决算, as the app keeps it, words the message must hold)
    let cases = [
        ("74O.5", "不是有效的数字"),
        ("12.3万", "不是有效的数字"),
        ("Infinity", "不是有效的数字"),
        ("1e400", "不是有效的数字"),
        ("七百", "不是有效的数字"),
        ("0x2DD", "不是有效的数字"),
        ("99999999999999999999999999999999", "超出可计算范围"),
    ];
    let path = "finance.spending.actual";
    for (typed, words) in cases {
        let mut a = sample();
        // The app counts the figure as blank, never as the 733.88 typed before.
        ziping_engine::paths::set(&mut a, path, None).unwrap();
        let texts = [(path.to_string(), typed.to_string())]
            .into_iter()
            .collect();
        let all = validate::validate_typed(&a, &texts);
        let bad: Vec<_> = all
            .iter()
            .filter(|f| f.code == validate::NOT_A_NUMBER)
            .collect();
        assert_eq!(bad.len(), 1, "{typed}: {all:#?}");
        assert_eq!(bad[0].severity, Severity::Error);
        assert_eq!(bad[0].paths, [path]);
        let m = &bad[0].message;
        assert!(
            m.contains("部门整体支出决算数")
                && m.contains(&format!("“{typed}”"))
                && m.contains(words),
            "{typed}: {m}"
        );
        assert!(
            !all.iter()
                .any(|f| f.code == "REQUIRED" && f.paths == [path]),
            "{typed}: the field is not blank, it is wrong"
        );
        assert!(validate::has_errors(&all));
    }
}

#[test]
fn typed_texts_that_are_numbers_add_nothing() {
    let a = sample();
    let texts = [
        ("finance.spending.actual", "733.88"),
        ("finance.economic[2]", "１６．７９"),
        ("finance.basic", "554.28 "),
        ("scheme.over_achievement", "1.2"),
    ]
    .into_iter()
    .map(|(p, t)| (p.to_string(), t.to_string()))
    .collect();
    assert_eq!(validate::validate_typed(&a, &texts), validate::validate(&a));
}

#[test]
fn a_scheme_figure_that_is_no_number_is_named_by_its_path() {
    let a = sample();
    let texts = [("scheme.low_execution".to_string(), "九十".to_string())]
        .into_iter()
        .collect();
    let all = validate::validate_typed(&a, &texts);
    assert_eq!(all[0].code, validate::NOT_A_NUMBER);
    assert!(
        all[0].message.contains("scheme.low_execution"),
        "{}",
        all[0].message
    );
}

/// Every limit of validation, on both sides: the figure at the limit passes, one step
/// beyond is found (a `>` swapped for `>=`, or a check dropped, fails here).
#[test]
fn each_limit_holds_exactly_at_its_edge() {
    const LIMIT: rust_decimal::Decimal = validate::LIMIT;
    let step = dec!(0.01);
    // (what, edit, code, whether a finding with that code is expected)
    type Case = (
        &'static str,
        Box<dyn Fn(&mut Assessment)>,
        &'static str,
        bool,
    );
    let amount = |v| -> Box<dyn Fn(&mut Assessment)> {
        Box::new(move |a: &mut Assessment| a.finance.spending.initial = Some(v))
    };
    let actual = |i: usize, v| -> Box<dyn Fn(&mut Assessment)> {
        Box::new(move |a: &mut Assessment| a.indicators[i].measure.actual = Some(v))
    };
    let target = |v| -> Box<dyn Fn(&mut Assessment)> {
        Box::new(move |a: &mut Assessment| a.indicators[0].measure.target = Some(v))
    };
    let points = |v| -> Box<dyn Fn(&mut Assessment)> {
        Box::new(move |a: &mut Assessment| a.indicators[0].points = v)
    };
    let spent = |v| -> Box<dyn Fn(&mut Assessment)> {
        Box::new(move |a: &mut Assessment| a.finance.spending.actual = Some(v))
    };
    let manual = |v| -> Box<dyn Fn(&mut Assessment)> {
        Box::new(move |a: &mut Assessment| {
            let m = &mut a.indicators[0].measure;
            m.rule = Rule::Manual;
            m.entered_score = Some(v);
        })
    };
    let overridden = |v| -> Box<dyn Fn(&mut Assessment)> {
        Box::new(move |a: &mut Assessment| {
            a.execution_override = Some(Override {
                score: v,
                reason: "核定".into(),
            })
        })
    };
    let done = |v| -> Box<dyn Fn(&mut Assessment)> {
        Box::new(move |a: &mut Assessment| a.workload[1].done = Some(v))
    };
    // The five parts of the incomplete breakdown sum to 14853; the first is 5826.
    let part = |v| -> Box<dyn Fn(&mut Assessment)> {
        Box::new(move |a: &mut Assessment| a.workload[0].breakdowns[1].parts[0].value = Some(v))
    };
    let workload = |v| -> Box<dyn Fn(&mut Assessment)> {
        Box::new(move |a: &mut Assessment| a.workload[2].last_year = Some(v))
    };
    let low = |v| -> Box<dyn Fn(&mut Assessment)> {
        Box::new(move |a: &mut Assessment| a.scheme.low_execution = v)
    };
    let over = |v| -> Box<dyn Fn(&mut Assessment)> {
        Box::new(move |a: &mut Assessment| a.scheme.over_achievement = v)
    };
    let grade = |v| -> Box<dyn Fn(&mut Assessment)> {
        Box::new(move |a: &mut Assessment| a.scheme.grades[0].min = v)
    };
    let cases: Vec<Case> = vec![
        ("an amount at the limit", amount(LIMIT), "TOO_LARGE", false),
        (
            "an amount beyond it",
            amount(LIMIT + step),
            "TOO_LARGE",
            true,
        ),
        ("an amount of 0", amount(dec!(0)), "NEGATIVE", false),
        ("an amount of -0", amount(dec!(-0)), "NEGATIVE", false),
        ("an amount below 0", amount(-step), "NEGATIVE", true),
        (
            "a negative amount is not too large",
            amount(-LIMIT - step),
            "TOO_LARGE",
            false,
        ),
        (
            "an actual at the limit",
            actual(0, LIMIT),
            "TOO_LARGE",
            false,
        ),
        (
            "an actual beyond it",
            actual(0, LIMIT + step),
            "TOO_LARGE",
            true,
        ),
        ("an actual of 0", actual(0, dec!(0)), "NEGATIVE", false),
        ("an actual below 0", actual(0, -step), "NEGATIVE", true),
        (
            "a target beyond the limit",
            target(LIMIT + step),
            "TOO_LARGE",
            true,
        ),
        ("a target below 0", target(-step), "NEGATIVE", true),
        ("a target at the limit", target(LIMIT), "TOO_LARGE", false),
        (
            "a workload figure at the limit",
            workload(LIMIT),
            "TOO_LARGE",
            false,
        ),
        (
            "a workload figure beyond it",
            workload(LIMIT + step),
            "TOO_LARGE",
            true,
        ),
        (
            "a workload figure below 0",
            workload(-step),
            "NEGATIVE",
            true,
        ),
        (
            "done equal to the whole",
            done(dec!(667)),
            "DONE_EXCEEDS",
            false,
        ),
        (
            "done beyond the whole",
            done(dec!(667.01)),
            "DONE_EXCEEDS",
            true,
        ),
        (
            "some parts summing to the whole",
            part(dec!(22604)),
            "WORKLOAD_PARTS_EXCEED",
            false,
        ),
        (
            "some parts beyond the whole",
            part(dec!(22604.01)),
            "WORKLOAD_PARTS_EXCEED",
            true,
        ),
        ("points of 0.01", points(step), "POINTS_POSITIVE", false),
        ("points of 0", points(dec!(0)), "POINTS_POSITIVE", true),
        ("points at the limit", points(LIMIT), "POINTS_FORMAT", false),
        (
            "points beyond it",
            points(LIMIT + step),
            "POINTS_FORMAT",
            true,
        ),
        (
            "points with 2 decimals",
            points(dec!(5.25)),
            "POINTS_FORMAT",
            false,
        ),
        (
            "points written 5.250",
            points(dec!(5.250)),
            "POINTS_FORMAT",
            false,
        ),
        (
            "points with 3 decimals",
            points(dec!(5.125)),
            "POINTS_FORMAT",
            true,
        ),
        ("a rate of 100%", actual(1, dec!(100)), "RATE_RANGE", false),
        (
            "a rate beyond 100%",
            actual(1, dec!(100.01)),
            "RATE_RANGE",
            true,
        ),
        (
            "1.5 times the target",
            actual(0, dec!(600)),
            "OVER_ACHIEVEMENT",
            true,
        ),
        (
            "just under 1.5 times",
            actual(0, dec!(599.99)),
            "OVER_ACHIEVEMENT",
            false,
        ),
        (
            "execution at 100%",
            spent(dec!(739.04)),
            "EXECUTION_OVER",
            false,
        ),
        (
            "execution beyond 100%",
            spent(dec!(739.05)),
            "EXECUTION_OVER",
            true,
        ),
        (
            "execution at the low mark",
            spent(dec!(665.136)),
            "EXECUTION_NOTE",
            false,
        ),
        (
            "execution below it",
            spent(dec!(665.13)),
            "EXECUTION_NOTE",
            true,
        ),
        ("a manual score of 0", manual(dec!(0)), "SCORE_RANGE", false),
        ("a manual score below 0", manual(-step), "SCORE_RANGE", true),
        (
            "a manual score of full marks",
            manual(dec!(6)),
            "SCORE_RANGE",
            false,
        ),
        (
            "a manual score beyond",
            manual(dec!(6.01)),
            "SCORE_RANGE",
            true,
        ),
        (
            "an override of full marks",
            overridden(dec!(10)),
            "SCORE_RANGE",
            false,
        ),
        (
            "an override beyond",
            overridden(dec!(10.01)),
            "SCORE_RANGE",
            true,
        ),
        (
            "an override of 0",
            overridden(dec!(0)),
            "SCORE_RANGE",
            false,
        ),
        (
            "an override below 0",
            overridden(-step),
            "SCORE_RANGE",
            true,
        ),
        (
            "a low mark of 100%",
            low(dec!(1)),
            "SCHEME_THRESHOLD",
            false,
        ),
        (
            "a low mark beyond",
            low(dec!(1.01)),
            "SCHEME_THRESHOLD",
            true,
        ),
        ("a low mark of 0", low(dec!(0)), "SCHEME_THRESHOLD", false),
        ("a low mark below 0", low(-step), "SCHEME_THRESHOLD", true),
        (
            "over-achievement at 1",
            over(dec!(1)),
            "SCHEME_THRESHOLD",
            false,
        ),
        (
            "over-achievement below 1",
            over(dec!(0.99)),
            "SCHEME_THRESHOLD",
            true,
        ),
        (
            "a top grade at 100",
            grade(dec!(100)),
            "SCHEME_GRADES",
            false,
        ),
        (
            "a top grade beyond",
            grade(dec!(100.01)),
            "SCHEME_GRADES",
            true,
        ),
    ];
    for (what, edit, code, expected) in cases {
        let mut a = sample();
        edit(&mut a);
        let found = validate::validate(&a).iter().any(|f| f.code == code);
        assert_eq!(found, expected, "{what}: {code}");
    }
}

/// A scheme checked on its own, as on import, reports what is wrong with it, at paths
/// of the scheme file; and the same scheme inside an assessment, under `scheme.`.
#[test]
fn a_scheme_alone_is_checked_as_inside_an_assessment() {
    let mut s = sample().scheme;
    s.name.clear();
    s.low_execution = dec!(2);
    s.sections[0].points += dec!(1);
    let alone: Vec<(String, Vec<String>)> = validate::validate_scheme(&s)
        .into_iter()
        .map(|f| (f.code.to_string(), f.paths))
        .collect();
    let mut a = sample();
    a.scheme = s;
    let inside: Vec<(String, Vec<String>)> = validate::validate(&a)
        .into_iter()
        .filter(|f| f.paths.iter().any(|p| p.starts_with("scheme.")))
        .map(|f| {
            let paths = f
                .paths
                .iter()
                .map(|p| p["scheme.".len()..].to_string())
                .collect();
            (f.code.to_string(), paths)
        })
        .collect();
    assert!(
        alone.iter().any(|(c, p)| c == "REQUIRED" && p == &["name"]),
        "{alone:?}"
    );
    assert!(alone
        .iter()
        .any(|(c, p)| c == "SCHEME_THRESHOLD" && p == &["low_execution"]));
    assert!(alone.iter().any(|(c, _)| c == "SCHEME_TOTAL"));
    assert_eq!(alone, inside);
}

/// Mutants that survived (RELIABILITY.md): a field left blank stays required while another
/// field holds text that is no number, and warnings alone are no errors.
#[test]
fn an_unparsed_figure_drops_only_its_own_required_finding() {
    let mut a = sample();
    ziping_engine::paths::set(&mut a, "finance.spending.actual", None).unwrap();
    a.indicators[0].name.clear();
    let texts = [("finance.spending.actual".to_string(), "七百".to_string())]
        .into_iter()
        .collect();
    let all = validate::validate_typed(&a, &texts);
    // An indicator with no name is named by its place.
    assert!(
        all.iter().any(|f| f.code == "REQUIRED"
            && f.paths == ["indicators[0].name"]
            && f.message == "第 1 个指标的名称未填写"),
        "{all:#?}"
    );
    assert!(!all
        .iter()
        .any(|f| f.code == "REQUIRED" && f.paths == ["finance.spending.actual"]));
    assert!(validate::has_errors(&all));
    // 问题 left empty is a warning, not an error.
    let mut b = sample();
    b.problems.clear();
    let warnings = validate::validate(&b);
    assert_eq!(warnings.len(), 1, "{warnings:#?}");
    assert_eq!(warnings[0].severity, Severity::Warning);
    assert!(!validate::has_errors(&warnings));
    assert!(!validate::has_errors(&[]));
    // The counts beside a score say the same.
    let checked = ziping_engine::check::checked(&b);
    assert_eq!((checked.errors, checked.warnings), (0, 1));
    let checked = ziping_engine::check::checked(&a);
    let errors = validate::validate(&a)
        .iter()
        .filter(|f| f.severity == Severity::Error)
        .count();
    assert!(errors >= 2);
    assert_eq!((checked.errors, checked.warnings), (errors, 0));
}

/// Mutants that survived (RELIABILITY.md): where a category of a section has no points of
/// its own, the section's indicators are summed against the section's points, and only its
/// own indicators.
#[test]
fn a_section_with_free_categories_sums_its_own_indicators() {
    let mut a = sample();
    let mut free = None;
    for (si, s) in a.scheme.sections.iter_mut().enumerate() {
        if let SectionBody::Indicators { categories } = &mut s.body {
            for c in categories.iter_mut() {
                c.points = None;
            }
            free = Some((si, s.name.clone()));
            break;
        }
    }
    let (si, name) = free.expect("a section of indicators");
    let sums = |a: &Assessment| -> Vec<Finding> {
        validate::validate(a)
            .into_iter()
            .filter(|f| f.code == "POINTS_SUM")
            .collect()
    };
    assert_eq!(sums(&a), [], "the sample's points make the section's");
    let first = (0..a.indicators.len())
        .find(|&i| {
            a.scheme
                .category_of(a.indicators[i].kind)
                .is_some_and(|(x, _)| x == si)
        })
        .unwrap();
    a.indicators[first].points += dec!(1);
    let found = sums(&a);
    assert_eq!(found.len(), 1, "{found:#?}");
    assert!(found[0].message.contains(&name), "{}", found[0].message);
    assert!(found[0]
        .paths
        .contains(&format!("indicators[{first}].points")));
}

/// Mutants that survived (RELIABILITY.md): a qualitative score is accepted anywhere within
/// its grade's band, edges included, and refused just outside it.
#[test]
fn a_qualitative_score_holds_anywhere_within_its_band() {
    let mut a = sample();
    let i = a
        .indicators
        .iter()
        .position(|x| x.measure.grade.is_some())
        .expect("a qualitative indicator");
    a.indicators[i].measure.grade = Some(Achievement::Partial);
    let points = a.indicators[i].points;
    let (lo, hi) =
        ziping_engine::rules::qualitative_band(Achievement::Partial, points, a.scheme.rounding);
    assert!(lo < hi, "{lo} {hi}");
    let found = |a: &mut Assessment, s| {
        a.indicators[i].measure.entered_score = Some(s);
        validate::validate(a)
            .iter()
            .any(|f| f.code == "QUALITATIVE_RANGE")
    };
    let middle = (lo + hi) / dec!(2);
    for (s, out) in [
        (lo, false),
        (middle, false),
        (hi, false),
        (lo - dec!(0.01), true),
        (hi + dec!(0.01), true),
    ] {
        assert_eq!(found(&mut a, s), out, "{s} in {lo}–{hi}");
    }
}

#[test]
fn a_rule_s_parameters_hold_at_their_edges() {
    use Basis::Completion;
    let band = |min, points| Band { min, points };
    // (bands on the sample's first indicator, worth 6 points; the codes expected)
    let cases: Vec<(Vec<Band>, &[&str])> = vec![
        (vec![band(dec!(90), dec!(6)), band(dec!(60), dec!(3))], &[]),
        (vec![band(dec!(90), dec!(6)), band(dec!(60), dec!(6))], &[]),
        (vec![band(dec!(90), dec!(6)), band(dec!(60), dec!(0))], &[]),
        (
            vec![band(dec!(90), dec!(3)), band(dec!(90), dec!(2))],
            &["BANDS_ORDER"],
        ),
        (
            vec![band(dec!(60), dec!(3)), band(dec!(90), dec!(2))],
            &["BANDS_ORDER"],
        ),
        (
            vec![band(dec!(90), dec!(3)), band(dec!(60), dec!(4))],
            &["BANDS_ORDER"],
        ),
        (vec![band(dec!(90), dec!(6.01))], &["BANDS_POINTS"]),
        (vec![band(dec!(90), dec!(-0.01))], &["BANDS_POINTS"]),
        (vec![], &["BANDS_EMPTY"]),
    ];
    let codes = ["BANDS_EMPTY", "BANDS_ORDER", "BANDS_POINTS"];
    for (bands, expected) in cases {
        let mut a = sample();
        assert_eq!(a.indicators[0].points, dec!(6));
        let what = format!("{bands:?}");
        a.indicators[0].measure.rule = Rule::Bands {
            basis: Completion,
            bands,
        };
        let found: Vec<&str> = validate::validate(&a)
            .into_iter()
            .map(|f| f.code)
            .filter(|c| codes.contains(c))
            .collect();
        assert_eq!(found, expected, "{what}");
    }
    // A deduction needs a positive amount per step and a positive step.
    for (per, step, found) in [
        (dec!(0.01), dec!(0.01), false),
        (dec!(0), dec!(1), true),
        (dec!(1), dec!(0), true),
        (dec!(-1), dec!(1), true),
    ] {
        let mut a = sample();
        a.indicators[0].measure.rule = Rule::Deduction {
            basis: DeductionBasis::Shortfall,
            per,
            step,
        };
        let codes: Vec<_> = validate::validate(&a).into_iter().map(|f| f.code).collect();
        assert_eq!(codes.contains(&"DEDUCTION_PARAMS"), found, "{per} {step}");
    }
}

#[test]
fn a_scheme_s_points_add_up_at_every_level_and_its_grades_and_places_hold_at_their_edges() {
    use ziping_engine::scheme::{Scheme, MAX_PLACES};
    let s0 = sample().scheme;
    let at =
        |body: fn(&SectionBody) -> bool| s0.sections.iter().position(|x| body(&x.body)).unwrap();
    let ind = at(|b| matches!(b, SectionBody::Indicators { .. }));
    let man = at(|b| matches!(b, SectionBody::Management { .. }));
    let paths = |edit: &dyn Fn(&mut Scheme), code: &str| -> Vec<String> {
        let mut s = s0.clone();
        edit(&mut s);
        validate::validate_scheme(&s)
            .into_iter()
            .filter(|f| f.code == code)
            .flat_map(|f| f.paths)
            .collect()
    };
    fn categories(s: &mut Scheme) -> &mut Vec<ziping_engine::scheme::IndicatorCategory> {
        s.sections
            .iter_mut()
            .find_map(|x| match &mut x.body {
                SectionBody::Indicators { categories } => Some(categories),
                _ => None,
            })
            .unwrap()
    }
    fn aspects(s: &mut Scheme) -> &mut Vec<ziping_engine::scheme::AspectSpec> {
        s.sections
            .iter_mut()
            .find_map(|x| match &mut x.body {
                SectionBody::Management { aspects } => Some(aspects),
                _ => None,
            })
            .unwrap()
    }
    let none: Vec<String> = vec![];
    assert_eq!(paths(&|_| {}, "SCHEME_POINTS_SUM"), none);
    // The categories' fixed points add up to their section's, where there are categories.
    let bump = |s: &mut Scheme| {
        let c = &mut categories(s)[0];
        c.points = Some(c.points.expect("the 广州 scheme fixes them") + dec!(1));
    };
    assert_eq!(
        paths(&bump, "SCHEME_POINTS_SUM"),
        [format!("sections[{ind}].points")]
    );
    assert_eq!(paths(&|s| categories(s).clear(), "SCHEME_POINTS_SUM"), none);
    // An aspect's criteria add up to its points, where it has criteria.
    assert_eq!(
        paths(
            &|s| aspects(s)[0].criteria[0].points += dec!(1),
            "SCHEME_POINTS_SUM"
        ),
        [format!("sections[{man}].body.aspects[0].points")]
    );
    assert_eq!(
        paths(&|s| aspects(s)[0].criteria.clear(), "SCHEME_POINTS_SUM"),
        none
    );
    // One execution section at most; none is allowed (a scheme of indicators alone).
    let exec = at(|b| matches!(b, SectionBody::Execution { .. }));
    let twice = move |s: &mut Scheme| {
        let mut again = s.sections[exec].clone();
        again.id = "execution-2".into();
        s.sections.push(again);
    };
    assert_eq!(paths(&twice, "SCHEME_EXECUTION_TWICE"), ["sections"]);
    let none_left = move |s: &mut Scheme| {
        s.sections.remove(exec);
    };
    assert_eq!(paths(&none_left, "SCHEME_EXECUTION_TWICE"), none);
    // Grades run down strictly.
    assert_eq!(paths(&|_| {}, "SCHEME_GRADES"), none);
    assert_eq!(
        paths(&|s| s.grades[1].min = s.grades[0].min, "SCHEME_GRADES"),
        ["grades"]
    );
    // Places up to MAX_PLACES.
    for (places, found) in [(MAX_PLACES, false), (MAX_PLACES + 1, true)] {
        let set = move |s: &mut Scheme| s.rounding.rate_places = places;
        assert_eq!(!paths(&set, "SCHEME_PLACES").is_empty(), found, "{places}");
    }
}

/// A 一级指标 with points but nothing to score under it (no 二级, or none holding a kind of
/// indicator) is an error naming the section and its points: the 100 points cannot be
/// reached. One dropped to 0 points, or one with something to score, is not.
#[test]
fn a_section_with_points_and_nothing_to_score_is_an_error() {
    use rust_decimal::Decimal;
    use ziping_engine::model::IndicatorKind;
    use ziping_engine::scheme::{IndicatorCategory, Scheme, Section};
    fn add(s: &mut Scheme, points: Decimal, categories: Vec<IndicatorCategory>) {
        s.sections.push(Section {
            id: "new".into(),
            name: "新一级指标".into(),
            points,
            body: SectionBody::Indicators { categories },
        });
    }
    fn unnamed_kindless() -> IndicatorCategory {
        IndicatorCategory {
            name: "新二级指标".into(),
            points: None,
            kinds: Vec::new(),
        }
    }
    type SchemeEdit = fn(&mut Scheme);
    /// A finding's severity, paths and message.
    type Want = &'static [(Severity, &'static str, &'static str)];
    // (what, edit of the sample's scheme, the findings)
    let cases: &[(&str, SchemeEdit, Want)] = &[
        ("the sample's scheme", |_| {}, &[]),
        (
            "a new section of 50 points with no 二级",
            |s| add(s, dec!(50), Vec::new()),
            &[(
                Severity::Error,
                "scheme.sections[3].points",
                "一级指标「新一级指标」分值 50 分，但其下没有可评分的二级、三级指标，总分达不到满分；请在其下添加二级指标并选择其指标类别，或将分值改为 0",
            )],
        ),
        (
            "a new section of 12.5 points whose 二级 holds no kind",
            |s| add(s, dec!(12.5), vec![unnamed_kindless()]),
            &[(
                Severity::Error,
                "scheme.sections[3].points",
                "一级指标「新一级指标」分值 12.5 分，但其下没有可评分的二级、三级指标，总分达不到满分；请在其下添加二级指标并选择其指标类别，或将分值改为 0",
            )],
        ),
        (
            "a new section dropped to 0 points",
            |s| add(s, dec!(0), Vec::new()),
            &[],
        ),
        (
            "a new section with a kind to score",
            |s| {
                let mut c = unnamed_kindless();
                c.kinds.push(IndicatorKind::Cost);
                add(s, dec!(50), vec![c]);
            },
            &[],
        ),
    ];
    for (what, edit, want) in cases {
        let mut a = sample();
        edit(&mut a.scheme);
        let found: Vec<(Severity, String, String)> = validate::validate(&a)
            .into_iter()
            .filter(|f| f.code == "SCHEME_SECTION_EMPTY")
            .map(|f| (f.severity, f.paths.join(" "), f.message))
            .collect();
        let want: Vec<(Severity, String, String)> = want
            .iter()
            .map(|(s, p, m)| (*s, p.to_string(), m.to_string()))
            .collect();
        assert_eq!(found, want, "{what}");
    }
}

/// POINTS_SUM over a group with no member names the group's own points in the scheme, so
/// the app has a field to go to: a section, a category with fixed points, an aspect.
#[test]
fn points_sum_over_an_empty_group_names_the_group_in_the_scheme() {
    use ziping_engine::model::{Aspect, IndicatorKind};
    /// Each POINTS_SUM's paths and the start of its message.
    type Want = Vec<(Vec<&'static str>, &'static str)>;
    // (what, the assessment, its POINTS_SUM findings)
    let cases: Vec<(&str, Assessment, Want)> = vec![
        ("the sample", sample(), vec![]),
        (
            "the project without its 满意度 indicator",
            {
                let mut a = ziping_engine::sample::project();
                a.indicators
                    .retain(|i| i.kind != IndicatorKind::Satisfaction);
                a
            },
            vec![(
                vec!["scheme.sections[3].points"],
                "满意度指标各项分值 尚无指标",
            )],
        ),
        (
            "the sample without its output indicators",
            {
                let mut a = sample();
                a.indicators.retain(|i| !i.kind.is_output());
                a
            },
            vec![(
                vec!["scheme.sections[1].body.categories[0].points"],
                "履职效能·产出指标各项分值 尚无指标",
            )],
        ),
        (
            "the sample without its 预算编制 criteria",
            {
                let mut a = sample();
                a.criteria.retain(|c| c.aspect != Aspect::Budgeting);
                a
            },
            vec![(
                vec!["scheme.sections[2].body.aspects[0].points"],
                "管理效率·预算编制各项分值 尚无指标",
            )],
        ),
        (
            "a group with members names them, not the group",
            {
                let mut a = sample();
                a.indicators[0].points = dec!(7);
                a
            },
            vec![(
                vec![
                    "indicators[0].points",
                    "indicators[1].points",
                    "indicators[2].points",
                ],
                "履职效能·产出指标各项分值 7 + 6 + 8 = 21",
            )],
        ),
    ];
    for (what, a, want) in cases {
        let found: Vec<(Vec<String>, String)> = validate::validate(&a)
            .into_iter()
            .filter(|f| f.code == "POINTS_SUM")
            .map(|f| (f.paths, f.message))
            .collect();
        assert_eq!(found.len(), want.len(), "{what}: {found:#?}");
        for ((paths, message), (want_paths, start)) in found.iter().zip(&want) {
            assert_eq!(paths, want_paths, "{what}");
            assert!(message.starts_with(start), "{what}: {message}");
        }
    }
}

#[test]
fn a_points_field_left_blank_is_unfilled_while_one_typed_zero_or_negative_is_wrong() {
    use std::collections::BTreeMap;
    let mut a = sample();
    a.indicators[0].points = rust_decimal::Decimal::ZERO;
    let at = "indicators[0].points".to_string();
    // The findings with these texts kept as typed.
    let found = |typed: &[(&str, &str)]| {
        let typed: BTreeMap<String, String> = typed
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        validate::validate_typed(&a, &typed)
    };
    let codes = |typed: &[(&str, &str)]| -> Vec<(&'static str, String)> {
        found(typed)
            .into_iter()
            .filter(|f| f.paths == vec![at.clone()])
            .map(|f| (f.code, f.message))
            .collect()
    };
    // Blank, as a new row starts: not yet filled in.
    let blank = codes(&[("indicators[0].points", "")]);
    assert_eq!(blank.len(), 1);
    assert_eq!(blank[0].0, "REQUIRED");
    assert!(blank[0].1.ends_with("未填写"), "{}", blank[0].1);
    assert!(blank[0].1.contains("分值"), "{}", blank[0].1);
    assert_eq!(codes(&[("indicators[0].points", "  ")])[0].0, "REQUIRED");
    // A 0 the user typed (nothing kept as text), or no text at all: 分值 must be above 0.
    assert_eq!(codes(&[])[0].0, "POINTS_POSITIVE");
    // Blank at another field does not change this one.
    assert_eq!(
        codes(&[("indicators[1].points", "")])[0].0,
        "POINTS_POSITIVE"
    );
    // The sum of a group with a blank term is judged once the term is filled in.
    let sums = |typed: &[(&str, &str)]| {
        found(typed)
            .into_iter()
            .filter(|f| f.code == "POINTS_SUM" && f.paths.contains(&at))
            .count()
    };
    assert_eq!(sums(&[]), 1);
    assert_eq!(sums(&[("indicators[0].points", "")]), 0);
}

#[test]
fn a_year_typed_as_no_year_is_one_error_that_quotes_it() {
    use std::collections::BTreeMap;
    // (typed, the year the model keeps, the finding on `year`)
    let cases: [(&str, i32, Option<&str>); 6] = [
        (
            "2O23",
            0,
            Some("年度：“2O23”不是有效的年份（应为 2000–2100 之间的整数），未计入"),
        ),
        (
            "2023.5",
            0,
            Some("年度：“2023.5”不是有效的年份（应为 2000–2100 之间的整数），未计入"),
        ),
        (
            "",
            0,
            Some("年度：“”不是有效的年份（应为 2000–2100 之间的整数），未计入"),
        ),
        // The text means the year the model has: nothing to say.
        ("2023", 2023, None),
        (" 2023 ", 2023, None),
        // Text that was a year once, the model since moved on: the text is what counts.
        (
            "2022",
            2023,
            Some("年度：“2022”不是有效的年份（应为 2000–2100 之间的整数），未计入"),
        ),
    ];
    for (typed, year, expected) in cases {
        let mut a = sample();
        a.year = year;
        let kept: BTreeMap<String, String> = [("year".to_string(), typed.to_string())].into();
        let on_year: Vec<_> = validate::validate_typed(&a, &kept)
            .into_iter()
            .filter(|f| f.paths == ["year"])
            .collect();
        match expected {
            Some(message) => {
                assert_eq!(
                    on_year.len(),
                    1,
                    "{typed}: one finding, not the range's too"
                );
                assert_eq!(on_year[0].code, validate::NOT_A_NUMBER, "{typed}");
                assert_eq!(on_year[0].message, message);
            }
            None => assert!(on_year.is_empty(), "{typed}: {on_year:?}"),
        }
    }
    // With no text kept, a year out of range is the range's finding, as before.
    let mut a = sample();
    a.year = 0;
    let codes: Vec<_> = validate::validate_typed(&a, &BTreeMap::new())
        .into_iter()
        .filter(|f| f.paths == ["year"])
        .map(|f| f.code)
        .collect();
    assert_eq!(codes, ["YEAR_RANGE"]);
}
