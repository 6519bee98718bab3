//! The project self-assessment (项目支出绩效自评, 财预〔2020〕10号) as a kind of its own: its
//! file, its score, its checks, its form and its report.

use rust_decimal::Decimal;
use ziping_engine::model::{Assessment, Kind};
use ziping_engine::scheme::{Section, SectionBody};
use ziping_engine::validate::{self, Finding, Severity};
use ziping_engine::{file, paths, render, report, sample, schemes, score, sheet};

const PROJECT_FILE: &str = include_str!("data/project.json");
const DEPARTMENT_FILE: &str = include_str!("data/sample.json");

fn d(s: &str) -> Decimal {
    s.parse().expect("a decimal")
}

fn errors(a: &Assessment) -> Vec<Finding> {
    validate::validate(a)
        .into_iter()
        .filter(|f| f.severity == Severity::Error)
        .collect()
}

fn codes(findings: &[Finding]) -> Vec<&str> {
    findings.iter().map(|f| f.code).collect()
}

#[test]
fn a_project_file_says_its_kind_and_reads_back_byte_for_byte() {
    let a = sample::project();
    let text = file::encode_assessment(&a);
    assert!(
        text.starts_with("{\n  \"schema_version\": 1,\n  \"kind\": \"project\",\n  \"project\": {")
    );
    assert_eq!(
        text, PROJECT_FILE,
        "the test file is the sample as written today"
    );
    let back = file::decode_assessment(PROJECT_FILE).expect("read");
    assert_eq!(back.kind, Kind::Project);
    assert_eq!(back, a);
    assert_eq!(file::encode_assessment(&back), PROJECT_FILE);
    let value = file::assessment_document(&a);
    assert_eq!(value["kind"], "project");
    assert_eq!(
        file::decode_document(value).and_then(file::Document::into_assessment),
        Ok(a)
    );
}

#[test]
fn a_departmental_file_stays_departmental_and_byte_for_byte() {
    let a = file::decode_assessment(DEPARTMENT_FILE).expect("read");
    assert_eq!(a.kind, Kind::Departmental);
    assert_eq!(file::encode_assessment(&a), DEPARTMENT_FILE);
    for field in ["project_name", "implementer", "carryover"] {
        assert!(!DEPARTMENT_FILE.contains(field), "{field}");
    }
}

#[test]
fn unknown_fields_in_a_project_file_are_refused_by_path() {
    let cases = [
        (
            "\"implementer\": \"广州市天河区信访局\"",
            "\"implementor\": \"x\"",
            "project.implementor",
            "无法识别的字段“implementor”",
        ),
        (
            "\"carryover\": {",
            "\"carry_over\": {",
            "project.finance.carry_over",
            "无法识别的字段“carry_over”",
        ),
        (
            "\"kind\": \"project\"",
            "\"kind\": \"projects\"",
            "",
            "无法识别的文件类型“projects”",
        ),
    ];
    for (from, to, path, message) in cases {
        let text = PROJECT_FILE.replacen(from, to, 1);
        let e = file::decode_assessment(&text).expect_err(to).to_string();
        assert!(e.contains(path) && e.contains(message), "{to}: {e}");
    }
    let body_under_wrong_key = PROJECT_FILE.replacen("\"project\": {", "\"assessment\": {", 1);
    let e = file::decode_assessment(&body_under_wrong_key).expect_err("no body");
    assert_eq!(
        e.to_string(),
        "文件内容有误：字段 project：缺少内容；未导入任何内容"
    );
}

#[test]
fn the_project_sample_scores_98_06_under_the_national_scheme() {
    let a = sample::project();
    assert!(
        validate::validate(&a).is_empty(),
        "{:?}",
        validate::validate(&a)
    );
    let card = score::score(&a);
    let sections: Vec<(&str, String, String)> = card
        .sections
        .iter()
        .map(|s| (s.name.as_str(), s.points.to_string(), s.score.to_string()))
        .collect();
    assert_eq!(
        sections,
        [
            ("预算执行率", "10".into(), "9.63".into()),
            ("产出指标", "50".into(), "49.50".into()),
            ("效益指标", "30".into(), "28.93".into()),
            ("满意度指标", "10".into(), "10.00".into()),
        ]
    );
    let items: Vec<(&str, String)> = card
        .items()
        .map(|i| (i.name.as_str(), i.score.to_string()))
        .collect();
    assert_eq!(
        items,
        [
            ("预算执行率", "9.63".to_string()),
            ("办理信访事项数量", "15.00".into()),
            ("群众来访接待场次", "9.50".into()),
            ("信访事项按期办结率", "15.00".into()),
            ("受理告知及时率", "10.00".into()),
            ("信访积案化解率", "18.93".into()),
            ("信访工作机制长效运行", "10.00".into()),
            ("信访群众满意度", "10.00".into()),
        ]
    );
    assert_eq!(card.total.to_string(), "98.06");
    assert_eq!(card.grade.label(), "优");
}

#[test]
fn departmental_figures_are_neither_asked_for_nor_required() {
    let a = sample::project();
    assert!(a.finance.basic.is_none() && a.finance.project.is_none());
    assert!(a.finance.economic.iter().all(Option::is_none));
    assert!(a.criteria.is_empty() && a.workload.is_empty());
    assert!(errors(&a).is_empty());
    let asked = paths::all(&a);
    for path in ["finance.basic", "finance.project", "finance.economic[0]"] {
        assert!(!asked.iter().any(|p| p == path), "{path}");
    }
    for path in [
        "finance.spending.adjusted",
        "finance.carryover.actual",
        "finance.other_funds.initial",
    ] {
        assert!(asked.iter().any(|p| p == path), "{path}");
    }
    assert!(!asked.iter().any(|p| p.ends_with("last_actual")));
    assert_eq!(
        paths::Field::parse("finance.carryover.actual").map(|f| f.label(&a)),
        Some("上年结转资金全年执行数".into())
    );
    assert_eq!(
        paths::get(&a, "finance.carryover.actual"),
        Ok(Some(d("9.50")))
    );
    // 年初预算数 may stay blank: the national rule divides by 全年预算数.
    let mut blank = a.clone();
    for m in [
        &mut blank.finance.spending,
        &mut blank.finance.appropriation,
        &mut blank.finance.carryover,
    ] {
        m.initial = None;
    }
    assert!(errors(&blank).is_empty(), "{:?}", errors(&blank));
}

#[test]
fn the_funding_rows_are_checked_against_each_other_column_by_column() {
    let mut a = sample::project();
    a.finance.appropriation.actual = Some(d("170.15"));
    a.finance.other_funds.adjusted = Some(d("1.2"));
    let found = errors(&a);
    assert_eq!(codes(&found), ["FUNDING_SUM", "FUNDING_SUM"]);
    assert_eq!(
        found[0].message,
        "财政拨款 176.50 + 上年结转资金 10.00 + 其他资金 1.20 = 187.70，与年度资金总额全年预算数 186.50 不符"
    );
    assert_eq!(
        found[1].message,
        "财政拨款 170.15 + 上年结转资金 9.50 = 179.65，与年度资金总额全年执行数 179.60 不符"
    );
    assert_eq!(
        found[1].paths,
        [
            "finance.spending.actual",
            "finance.appropriation.actual",
            "finance.carryover.actual",
            "finance.other_funds.actual"
        ]
    );
    // Three decimals, as 元 converted to 万元, are printed as entered.
    let mut fine = sample::project();
    fine.finance.carryover.actual = Some(d("9.505"));
    assert_eq!(
        errors(&fine)[0].message,
        "财政拨款 170.10 + 上年结转资金 9.505 = 179.605，与年度资金总额全年执行数 179.60 不符"
    );
}

#[test]
fn a_project_names_what_is_missing_in_its_own_words() {
    let mut a = Assessment::project(schemes::national_project());
    a.year = 2023;
    let found = errors(&a);
    let messages: Vec<&str> = found.iter().map(|f| f.message.as_str()).collect();
    for m in [
        "项目名称未填写",
        "主管部门未填写",
        "年度资金总额全年预算数未填写",
        "年度资金总额全年执行数未填写",
    ] {
        assert!(messages.contains(&m), "{m} in {messages:?}");
    }
    for m in ["基本支出未填写", "项目支出未填写", "部门名称未填写"] {
        assert!(!messages.contains(&m), "{m}");
    }
    assert!(!found
        .iter()
        .any(|f| f.paths.iter().any(|p| p.contains("economic"))));
    // A total row of zeros is an error, not a valid-looking 100.
    let mut zeros = sample::project();
    for m in [
        &mut zeros.finance.spending,
        &mut zeros.finance.appropriation,
        &mut zeros.finance.carryover,
    ] {
        m.adjusted = Some(Decimal::ZERO);
        m.actual = Some(Decimal::ZERO);
    }
    assert!(codes(&errors(&zeros)).contains(&"BASE_ZERO"));
}

#[test]
fn a_project_scheme_with_management_is_refused() {
    let mut a = sample::project();
    a.scheme = schemes::guangzhou_departmental();
    let found = errors(&a);
    let kind = found
        .iter()
        .find(|f| f.code == "SCHEME_KIND")
        .expect("refused");
    assert_eq!(kind.paths, ["scheme.sections[2]"]);
    assert!(kind.message.contains("「管理效率」"), "{}", kind.message);
    assert!(!codes(&errors(&sample::sample())).contains(&"SCHEME_KIND"));
}

/// The national scheme without 满意度: its 10 points moved to 效益.
fn without_satisfaction() -> Assessment {
    let mut a = sample::project();
    let set = |s: &mut Section, points: i64| s.points = Decimal::from(points);
    set(&mut a.scheme.sections[2], 40);
    set(&mut a.scheme.sections[3], 0);
    a.indicators.retain(|i| i.name != "信访群众满意度");
    a.indicators[4].points = Decimal::from(30);
    a
}

#[test]
fn a_scheme_may_drop_satisfaction_to_0_points() {
    let a = without_satisfaction();
    assert!(validate::validate_scheme(&a.scheme).is_empty());
    assert!(errors(&a).is_empty(), "{:?}", errors(&a));
    let card = score::score(&a);
    // 30 × 85.2 ÷ 90 = 28.40; 9.63 + 49.50 + 38.40 + 0 = 97.53.
    assert_eq!(
        card.section("benefit").map(|s| s.score.to_string()),
        Some("38.40".into())
    );
    assert_eq!(
        card.section("satisfaction").map(|s| s.score.to_string()),
        Some("0.00".into())
    );
    assert_eq!(card.total.to_string(), "97.53");
    let text = render::text(&report::report(&a));
    assert!(!text.contains("满意度指标"), "{text}");
    assert!(text.contains("包括4个产出指标和2个效益指标。"), "{text}");
    assert!(!sheet::sheet(&a)
        .rows
        .iter()
        .any(|r| r.section == "满意度指标"));
    // An indicator left under the dropped section is still named.
    let mut left = a.clone();
    left.indicators
        .push(sample::project().indicators[6].clone());
    assert!(codes(&errors(&left)).contains(&"POINTS_SUM"));
    // Below 0 is still an error.
    let mut negative = a.scheme.clone();
    negative.sections[3].points = Decimal::from(-10);
    negative.sections[2].points = Decimal::from(50);
    let found = validate::validate_scheme(&negative);
    assert_eq!(codes(&found), ["POINTS_POSITIVE"]);
    assert!(matches!(
        negative.sections[3].body,
        SectionBody::Indicators { .. }
    ));
}

#[test]
fn the_form_is_the_national_project_layout() {
    let a = sample::project();
    let s = sheet::sheet(&a);
    assert_eq!(s.kind, Kind::Project);
    assert_eq!(s.title, "2023年度项目支出绩效自评表");
    let header: Vec<Vec<(&str, &str)>> = s
        .header
        .iter()
        .map(|row| row.iter().map(|c| (c.label, c.value.as_str())).collect())
        .collect();
    assert_eq!(
        header,
        [
            vec![("项目名称", "信访事项办理专项经费"), ("金额单位", "万元")],
            vec![
                ("主管部门", "广州市天河区信访局"),
                ("实施单位", "广州市天河区信访局")
            ],
        ]
    );
    let names: Vec<&str> = s.budget.iter().map(|b| b.name.as_str()).collect();
    assert_eq!(
        names,
        ["年度资金总额", "其中：财政拨款", "上年结转资金", "其他资金"]
    );
    assert_eq!(s.budget[0].points, Some(Decimal::TEN));
    assert_eq!(
        s.budget[0].score.map(|v| v.to_string()),
        Some("9.63".into())
    );
    assert_eq!(
        s.budget[2].rate.map(|v| v.to_string()),
        Some("0.9500".into())
    );
    assert!(s.budget[1..]
        .iter()
        .all(|b| b.points.is_none() && b.score.is_none()));
    let by_level: Vec<(&str, &str)> = s
        .rows
        .iter()
        .map(|r| (r.section.as_str(), r.category.as_str()))
        .collect();
    assert_eq!(by_level[0], ("产出指标", "数量指标"));
    assert_eq!(by_level[6], ("满意度指标", "服务对象满意度指标"));
    assert!(s.rows[1].note.starts_with("部分时段接访"));
    assert_eq!(s.goals.expected, a.objectives[0]);
    assert_eq!(s.goals.achieved, a.key_tasks[0]);

    let csv = sheet::csv(&s);
    let lines: Vec<&str> = csv.trim_start_matches('\u{feff}').lines().collect();
    assert_eq!(
        &lines[..8],
        [
            "2023年度项目支出绩效自评表",
            "项目名称,信访事项办理专项经费,金额单位,万元",
            "主管部门,广州市天河区信访局,实施单位,广州市天河区信访局",
            "年度预算执行情况,年初预算数,全年预算数,全年执行数,分值,执行率,得分,说明",
            "年度资金总额,180.00,186.50,179.60,10,96.30%,9.63,",
            "其中：财政拨款,170.00,176.50,170.10,,96.37%,,",
            "上年结转资金,10.00,10.00,9.50,,95.00%,,",
            "其他资金,,,,,,,",
        ]
    );
    assert_eq!(lines.last(), Some(&"总分,,,,,100,98.06,等级：优"));
    assert!(!csv.contains("部门整体") && !csv.contains("部门名称"));
}

#[test]
fn the_departmental_form_keeps_its_one_header_row() {
    let s = sheet::sheet(&sample::sample());
    assert_eq!(s.kind, Kind::Departmental);
    assert_eq!(s.header.len(), 1);
    let csv = sheet::csv(&s);
    assert_eq!(
        csv.lines().nth(1),
        Some("部门名称,广州市天河区信访局,金额单位,万元")
    );
}

#[test]
fn the_report_is_titled_and_written_for_a_project() {
    let a = sample::project();
    let r = report::report(&a);
    assert_eq!(r.title, "2023年度信访事项办理专项经费项目支出绩效自评报告");
    let text = render::text(&r);
    assert!(!text.contains("部门整体"), "{text}");
    assert!(!text.contains("管理效率"), "{text}");
    for part in [
        "一、项目基本情况",
        "项目名称：信访事项办理专项经费；主管部门：广州市天河区信访局；实施单位：广州市天河区信访局。",
        "2023年，项目年度资金总额年初预算数180.00万元，全年预算数186.50万元，全年执行数179.60万元，预算执行率96.30%。其中，财政拨款年初预算数170.00万元，全年预算数176.50万元，全年执行数170.10万元；上年结转资金年初预算数10.00万元，全年预算数10.00万元，全年执行数9.50万元。",
        "1. 预期目标",
        "2. 实际完成情况",
        "根据《项目支出绩效自评表》评分标准（项目支出绩效自评（财预〔2020〕10号）），“信访事项办理专项经费”2023年项目支出绩效评价得分为98.06分，评价等级为“优”。",
        "包括4个产出指标、2个效益指标和1个满意度指标。",
        "偏差原因：部分时段接访改为网上视频接访，现场接待场次减少；下一年度增加街道联合接访。",
        "三、存在的主要问题",
    ] {
        assert!(text.contains(part), "{part}\n{text}");
    }
    assert!(!text.contains("。。"), "{text}");
    // Only the 二级 with indicators are listed: the sample sets no 成本 or 生态 indicator.
    assert!(
        !text.contains("成本指标") && !text.contains("生态效益指标"),
        "{text}"
    );
}

/// A project report prints every score as the score card does, 49.50 and 10.00, never
/// 49.5 and 10 beside 9.63; the 分值 stay whole, as the card's.
#[test]
fn the_project_report_prints_scores_as_the_card_does() {
    let a = sample::project();
    let text = render::text(&report::report(&a));
    let card = score::score(&a);
    for s in &card.sections {
        assert_eq!(s.score.scale(), 2, "{}", s.name);
        let said = format!("分值{}分，得分{}分", s.points, s.score);
        assert!(text.contains(&said), "{said}\n{text}");
    }
    for part in [
        "2023年项目支出绩效评价得分为98.06分，评价等级为“优”。其中，预算执行率指标分值10分，得分9.63分（预算执行率96.30%）；产出指标分值50分，得分49.50分；效益指标分值30分，得分28.93分；满意度指标分值10分，得分10.00分。",
        "指标分值90分，自评得分88.43分。",
        "其中完成率100%的指标有1个，合计得分为24.50分。“群众来访接待场次”分值10分，得分9.50分（实际值 228 ÷ 目标值 240 = 95.00%，× 10 = 9.50）",
        "每个指标评分为15分，其中完成率100%的指标有1个，合计得分为15.00分。",
        "每个指标评分为10分，其中完成率100%的指标有1个，合计得分为10.00分。",
    ] {
        assert!(text.contains(part), "{part}\n{text}");
    }
}

#[test]
fn the_card_and_the_files_follow_the_kind_through_the_command_line() {
    let dir = std::env::temp_dir().join(format!("ziping-project-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("scratch");
    let path = dir.join("project.json");
    let run = |args: &[&str]| {
        std::process::Command::new(env!("CARGO_BIN_EXE_ziping"))
            .args(args)
            .output()
            .expect("ziping runs")
    };
    let sample = run(&["sample", "--project"]);
    assert_eq!(String::from_utf8_lossy(&sample.stdout), PROJECT_FILE);
    std::fs::write(&path, PROJECT_FILE).expect("written");
    let p = path.to_string_lossy();
    let out = run(&["score", &p]);
    assert_eq!(out.status.code(), Some(0));
    let text = String::from_utf8_lossy(&out.stdout);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines[0], "项目支出绩效自评：信访事项办理专项经费");
    assert_eq!(lines[1], "评分标准：项目支出绩效自评（财预〔2020〕10号）");
    assert_eq!(lines.last(), Some(&"总分 98.06 / 100，等级 优"));
    let json = run(&["score", "--json", &p]);
    let card: serde_json::Value = serde_json::from_slice(&json.stdout).expect("json");
    assert_eq!(card["total"], "98.06");
    assert_eq!(card["errors"], 0);
    let validated = run(&["validate", &p]);
    assert_eq!(
        String::from_utf8_lossy(&validated.stdout).trim(),
        "校验通过，没有发现问题。"
    );
    let form = run(&["form", &p]);
    assert!(String::from_utf8_lossy(&form.stdout).contains("项目名称,信访事项办理专项经费"));
    let report = run(&["report", &p, "--format", "text"]);
    let report = String::from_utf8_lossy(&report.stdout);
    assert!(report.starts_with("2023年度信访事项办理专项经费项目支出绩效自评报告"));
    // Each sub-heading numbered once: 1. 预期目标, never 1. 1. 预期目标.
    let goals: Vec<&str> = report.lines().filter(|l| l.contains("目标")).collect();
    assert_eq!(
        goals[..2],
        ["（三）年度总体目标", "1. 预期目标"],
        "{report}"
    );
    assert!(
        !report.contains("1. 1.") && !report.contains("2. 2."),
        "{report}"
    );
    // A project whose rows disagree is marked and exits 1.
    let bad = PROJECT_FILE.replacen("\"actual\": \"9.50\"", "\"actual\": \"9.40\"", 1);
    let bad_path = dir.join("bad.json");
    std::fs::write(&bad_path, bad).expect("written");
    let out = run(&["score", &bad_path.to_string_lossy()]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stdout).starts_with("校验未通过：1 个错误"));
    let both = run(&["sample", "--project", "--indicators", "5"]);
    assert_eq!(both.status.code(), Some(2));
    std::fs::remove_dir_all(&dir).ok();
}

/// The day the files are written on in these tests.
const DAY: report::Date = report::Date {
    year: 2026,
    month: 12,
    day: 1,
};

fn zipped(bytes: &[u8], name: &str) -> String {
    use std::io::Read as _;
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("a zip package");
    let mut text = String::new();
    zip.by_name(name)
        .expect("the part")
        .read_to_string(&mut text)
        .expect("utf-8");
    text
}

#[test]
fn the_workbook_prints_the_project_header_and_funding_rows() {
    use calamine::{open_workbook_from_rs, Data, Reader, Xlsx};
    let s = sheet::sheet(&sample::project());
    let bytes = ziping_engine::xlsx::xlsx(&s, DAY).expect("written");
    let mut book: Xlsx<_> = open_workbook_from_rs(std::io::Cursor::new(bytes)).expect("an xlsx");
    let r = book.worksheet_range("自评表").expect("the sheet");
    let text = |row: u32, col: u32| match r.get_value((row, col)) {
        Some(Data::String(s)) => s.clone(),
        other => format!("{other:?}"),
    };
    assert_eq!(text(0, 0), "2023年度项目支出绩效自评表");
    assert_eq!(
        [text(1, 0), text(1, 1), text(1, 5), text(1, 6)],
        ["项目名称", "信访事项办理专项经费", "金额单位", "万元"]
    );
    assert_eq!(
        [text(2, 0), text(2, 1), text(2, 5), text(2, 6)],
        [
            "主管部门",
            "广州市天河区信访局",
            "实施单位",
            "广州市天河区信访局"
        ]
    );
    assert_eq!(text(4, 0), "年度预算执行情况");
    let rows: Vec<String> = (5..9).map(|row| text(row, 0)).collect();
    assert_eq!(
        rows,
        ["年度资金总额", "其中：财政拨款", "上年结转资金", "其他资金"]
    );
    assert_eq!(r.get_value((5, 6)), Some(&Data::Float(9.63)));
    assert_eq!(text(10, 2), "三级指标");
    let total = 10 + 1 + s.rows.len() as u32;
    assert_eq!(text(total, 0), "总分");
    assert_eq!(r.get_value((total, 6)), Some(&Data::Float(98.06)));
}

#[test]
fn the_document_is_a_project_report_with_the_project_form_appended() {
    let a = sample::project();
    let bytes =
        ziping_engine::docx::docx(&report::report(&a), &sheet::sheet(&a), DAY).expect("written");
    let body = zipped(&bytes, "word/document.xml");
    for part in [
        "2023年度信访事项办理专项经费项目支出绩效自评报告",
        "2023年度项目支出绩效自评表",
        "项目名称：信访事项办理专项经费　　　　金额单位：万元　　　　主管部门：广州市天河区信访局　　　　实施单位：广州市天河区信访局",
        "上年结转资金",
    ] {
        assert!(body.contains(part), "{part}");
    }
    assert!(!body.contains("部门整体"));
    let core = zipped(&bytes, "docProps/core.xml");
    assert!(
        core.contains("<dc:subject>项目支出绩效自评报告</dc:subject>"),
        "{core}"
    );
}
