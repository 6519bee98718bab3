//! 新一年度 from the sample: what carries over, what is cleared, and what becomes 上年.

use rust_decimal::Decimal;
use rust_decimal_macros::dec;
use ziping_engine::model::{Achievement, Assessment, Override};
use ziping_engine::next_year::next_year;
use ziping_engine::sample::sample;
use ziping_engine::scheme::Rule;
use ziping_engine::validate::{self, Severity};
use ziping_engine::{file, score};

type Read<T> = fn(&Assessment) -> T;
/// What is read, how, and what it must be.
type Case<T> = (&'static str, Read<T>, T);

#[test]
fn next_year_keeps_what_describes_the_department_and_clears_what_was_measured() {
    let last = sample();
    let next = next_year(&last);
    // (what, last year's, next year's)
    let texts: &[Case<Vec<String>>] = &[
        ("部门职能", |a| a.duties.clone(), last.duties.clone()),
        (
            "重点工作任务",
            |a| a.key_tasks.clone(),
            last.key_tasks.clone(),
        ),
        (
            "绩效目标",
            |a| a.objectives.clone(),
            last.objectives.clone(),
        ),
        ("存在的问题", |a| a.problems.clone(), vec![]),
        ("改进措施", |a| a.measures.clone(), vec![]),
        (
            "指标名称",
            |a| a.indicators.iter().map(|i| i.name.clone()).collect(),
            last.indicators.iter().map(|i| i.name.clone()).collect(),
        ),
        (
            "细则",
            |a| a.criteria.iter().map(|c| c.name.clone()).collect(),
            last.criteria.iter().map(|c| c.name.clone()).collect(),
        ),
        (
            "检查项",
            |a| {
                a.criteria
                    .iter()
                    .flat_map(|c| c.measure.checks.iter().map(|k| k.text.clone()))
                    .collect()
            },
            last.criteria
                .iter()
                .flat_map(|c| c.measure.checks.iter().map(|k| k.text.clone()))
                .collect(),
        ),
        (
            "偏差原因",
            |a| {
                a.indicators
                    .iter()
                    .map(|i| i.deviation_note.clone())
                    .filter(|n| !n.is_empty())
                    .collect()
            },
            vec![],
        ),
        (
            "工作量名称",
            |a| a.workload.iter().map(|t| t.name.clone()).collect(),
            last.workload.iter().map(|t| t.name.clone()).collect(),
        ),
    ];
    for (what, read, want) in texts {
        assert_eq!(&read(&next), want, "{what}");
    }
    // (what, next year's figure, expected)
    let figures: &[(&str, Option<Decimal>, Option<Decimal>)] = &[
        (
            "支出上年决算 = 决算",
            next.finance.spending.last_actual,
            Some(dec!(733.88)),
        ),
        (
            "财政拨款上年决算 = 决算",
            next.finance.appropriation.last_actual,
            Some(dec!(733.88)),
        ),
        (
            "其他资金上年决算（上年未填）",
            next.finance.other_funds.last_actual,
            None,
        ),
        ("支出年初预算", next.finance.spending.initial, None),
        ("支出调整预算", next.finance.spending.adjusted, None),
        ("支出决算", next.finance.spending.actual, None),
        ("财政拨款决算", next.finance.appropriation.actual, None),
        ("基本支出", next.finance.basic, None),
        ("项目支出", next.finance.project, None),
        (
            "工作量上年数 = 本年数",
            next.workload[0].last_year,
            Some(dec!(31631)),
        ),
        ("工作量本年数", next.workload[0].value, None),
        ("办结数", next.workload[1].done, None),
        ("构成", next.workload[0].breakdowns[0].parts[0].value, None),
        (
            "指标目标",
            next.indicators[0].measure.target,
            last.indicators[0].measure.target,
        ),
        (
            "运行成本目标",
            next.criteria.last().unwrap().measure.target,
            Some(dec!(3.5)),
        ),
        (
            "运行成本实际",
            next.criteria.last().unwrap().measure.actual,
            None,
        ),
    ];
    for (what, got, want) in figures {
        assert_eq!(got, want, "{what}");
    }
    assert!(
        next.finance.economic.iter().all(Option::is_none),
        "经济分类"
    );
    assert!(
        next.indicators.iter().all(|i| i.measure.actual.is_none()),
        "实际完成值"
    );
    assert!(
        next.criteria
            .iter()
            .flat_map(|c| &c.measure.checks)
            .all(|k| !k.met),
        "检查项清空勾选"
    );
    assert_eq!(next.execution_override, None, "执行率人工调整");
    assert_eq!(next.scheme, last.scheme, "评分标准");
    assert_eq!(next.department, last.department);
    assert_eq!(next.unit, last.unit);
    assert_eq!(next.indicators.len(), last.indicators.len());
    assert_eq!(
        next.indicators
            .iter()
            .map(|i| (i.kind, i.points, i.measure.rule.clone()))
            .collect::<Vec<_>>(),
        last.indicators
            .iter()
            .map(|i| (i.kind, i.points, i.measure.rule.clone()))
            .collect::<Vec<_>>(),
        "指标类别、分值、规则"
    );
}

#[test]
fn the_year_moves_on_and_the_title_with_it() {
    // (year, title, next year, next title)
    let cases: &[(i32, &str, i32, &str)] = &[
        (
            2023,
            "示例：天河区信访局 2023 年度",
            2024,
            "示例：天河区信访局 2024 年度",
        ),
        (2025, "天河区信访局", 2026, "天河区信访局 2026 年度"),
        (2025, "", 2026, "2026 年度"),
        (0, "未命名自评", 0, "未命名自评（新一年度）"),
        (i32::MAX, "x", i32::MAX, "x 2147483647 年度"),
    ];
    for &(year, title, want_year, want_title) in cases {
        let mut a = sample();
        a.year = year;
        a.title = title.into();
        let next = next_year(&a);
        assert_eq!(
            (next.year, next.title.as_str()),
            (want_year, want_title),
            "{year} {title}"
        );
    }
}

#[test]
fn what_was_entered_by_hand_is_cleared_from_every_measure() {
    let mut a = sample();
    a.report_edits.insert("income".into(), Default::default());
    let i = &mut a.indicators[0];
    i.deviation_note = "原因".into();
    i.measure.grade = Some(Achievement::Partial);
    i.measure.entered_score = Some(dec!(5));
    i.measure.reason = "理由".into();
    i.measure.override_score = Some(Override {
        score: dec!(1),
        reason: "r".into(),
    });
    a.criteria[0].measure.rule = Rule::Manual;
    a.criteria[0].measure.entered_score = Some(dec!(1));
    a.criteria[0].measure.override_score = Some(Override {
        score: dec!(1),
        reason: "r".into(),
    });
    a.finance.execution_note = "说明".into();
    let next = next_year(&a);
    let i = &next.indicators[0];
    assert_eq!(
        (
            i.deviation_note.as_str(),
            i.measure.grade,
            i.measure.entered_score,
            i.measure.reason.as_str(),
            &i.measure.override_score
        ),
        ("", None, None, "", &None)
    );
    let c = &next.criteria[0];
    assert_eq!(
        (
            c.measure.rule.clone(),
            c.measure.entered_score,
            &c.measure.override_score
        ),
        (Rule::Manual, None, &None)
    );
    assert!(next.report_edits.is_empty());
    assert!(next.finance.execution_note.is_empty());
}

#[test]
fn next_year_is_a_valid_file_whose_errors_are_only_what_is_left_to_fill() {
    let next = next_year(&sample());
    let text = file::encode_assessment(&next);
    assert_eq!(file::decode_assessment(&text).expect("reads back"), next);
    let findings = validate::validate(&next);
    let errors: Vec<_> = findings
        .iter()
        .filter(|f| f.severity == Severity::Error)
        .collect();
    assert!(!errors.is_empty());
    for f in &errors {
        assert_eq!(f.code, "REQUIRED", "{f:?}");
    }
    // Nothing measured yet: the indicators and checks score nothing.
    let card = score::score(&next);
    assert!(card.total < dec!(60), "{}", card.total);
}

/// Mutants that survived (#24.19): every budget line's 决算 becomes its 上年决算 and
/// nothing else of it carries over, 其他资金 and a project's 上年结转资金 included.
#[test]
fn every_budget_lines_actual_becomes_its_last_actual() {
    let mut department = sample();
    department.finance.other_funds.initial = Some(dec!(10));
    department.finance.other_funds.adjusted = Some(dec!(12.5));
    department.finance.other_funds.actual = Some(dec!(12.34));
    let project = ziping_engine::sample::project();
    let d = next_year(&department).finance;
    let p = next_year(&project).finance;
    assert_eq!(project.finance.carryover.actual, Some(dec!(9.50)));
    // (line, next year's 上年决算, 年初预算, 调整预算, 决算; want 上年决算)
    let cases = [
        ("部门其他资金", &d.other_funds, Some(dec!(12.34))),
        ("部门财政拨款", &d.appropriation, Some(dec!(733.88))),
        ("部门整体支出", &d.spending, Some(dec!(733.88))),
        ("项目上年结转资金", &p.carryover, Some(dec!(9.50))),
        ("项目财政拨款", &p.appropriation, Some(dec!(170.10))),
        ("项目年度资金总额", &p.spending, Some(dec!(179.60))),
    ];
    for (what, line, want) in cases {
        assert_eq!(
            (line.last_actual, line.initial, line.adjusted, line.actual),
            (want, None, None, None),
            "{what}"
        );
    }
}
