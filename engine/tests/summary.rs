//! 汇总 from real files: the sample and variants of it as a reviewer receives them, one
//! that does not validate, one graded 优 on low execution, one with an override and no
//! reason, one that is not JSON and a scheme file sent by mistake.

use std::io::Cursor;

use calamine::{open_workbook_from_rs, Data, Reader, Xlsx};
use serde_json::Value;
use ziping_engine::report::Date;
use ziping_engine::summary::{self, Column, Filter, Flag, Shown, SummaryRow};

const SAMPLE: &str = include_str!("data/sample.json");
const SCHEME: &str = include_str!("data/scheme-national-project.json");
const PROJECT: &str = include_str!("data/project.json");

/// The sample's file changed by `edit` on its assessment.
fn variant(edit: impl FnOnce(&mut Value)) -> String {
    let mut file: Value = serde_json::from_str(SAMPLE).expect("JSON");
    edit(&mut file["assessment"]);
    serde_json::to_string_pretty(&file).expect("JSON")
}

/// 决算 650 of 739.04 (87.95%), its parts and economic rows consistent, the override kept.
fn low_execution() -> String {
    variant(|a| {
        let f = &mut a["finance"];
        f["spending"]["actual"] = "650".into();
        f["basic"] = "470.40".into();
        f["economic"][0] = "431.65".into();
    })
}

/// The files of these tests, by name.
fn files() -> Vec<(&'static str, String)> {
    vec![
        ("天河区信访局.json", SAMPLE.to_string()),
        (
            "支出不符.json",
            variant(|a| a["finance"]["basic"] = "554.20".into()),
        ),
        ("执行率低.json", low_execution()),
        (
            "调整无理由.json",
            variant(|a| a["execution_override"]["reason"] = "".into()),
        ),
        (
            "白云区.json",
            variant(|a| {
                a["department"] = "白云区信访局".into();
                a["year"] = 2024.into();
                a["execution_override"] = Value::Null;
            }),
        ),
        ("损坏.json", "{ \"schema_version\": 1, ".to_string()),
        ("评分标准.json", SCHEME.to_string()),
    ]
}

fn rows() -> Vec<SummaryRow> {
    files()
        .iter()
        .map(|(name, text)| summary::read(name, text))
        .collect()
}

/// A column's place in the table and the workbook.
fn col(c: Column) -> u32 {
    Column::ALL.iter().position(|x| *x == c).expect("a column") as u32
}

fn cells(r: &SummaryRow) -> Vec<String> {
    Column::ALL.iter().map(|c| c.text(r)).collect()
}

#[test]
fn each_file_has_its_row_with_its_figures_and_flags() {
    let rows = rows();
    let want: [[&str; 11]; 7] = [
        [
            "天河区信访局.json",
            "广州市天河区信访局",
            "",
            "2023",
            "部门整体",
            "99.32",
            "优",
            "99.30%",
            "0",
            "0",
            "",
        ],
        [
            "支出不符.json",
            "广州市天河区信访局",
            "",
            "2023",
            "部门整体",
            "99.32",
            "优",
            "99.30%",
            "1",
            "0",
            "校验未通过",
        ],
        [
            "执行率低.json",
            "广州市天河区信访局",
            "",
            "2023",
            "部门整体",
            "99.32",
            "优",
            "87.95%",
            "0",
            "1",
            "评为优但预算执行率低于90%",
        ],
        [
            "调整无理由.json",
            "广州市天河区信访局",
            "",
            "2023",
            "部门整体",
            "99.32",
            "优",
            "99.30%",
            "1",
            "0",
            "校验未通过、人工评分未说明理由",
        ],
        [
            "白云区.json",
            "白云区信访局",
            "",
            "2024",
            "部门整体",
            "99.93",
            "优",
            "99.30%",
            "0",
            "0",
            "",
        ],
        ["损坏.json", "", "", "", "", "", "", "", "", "", "无法读取"],
        [
            "评分标准.json",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "无法读取",
        ],
    ];
    assert_eq!(rows.len(), want.len(), "one row per file, none left out");
    for (r, want) in rows.iter().zip(want) {
        assert_eq!(cells(r)[..11], want, "{}", r.file);
    }
    assert_eq!(rows[0].reason, "");
    assert!(
        rows[5].reason.contains("不是有效的 JSON"),
        "{}",
        rows[5].reason
    );
    assert_eq!(
        rows[6].reason,
        "需要自评文件，但这是评分标准文件；未导入任何内容"
    );
}

/// A file saved as GBK (Notepad's "ANSI" on a Chinese system) is read through the same
/// decoder as an import: its row is its UTF-8 twin's, byte for byte.
#[test]
fn a_gbk_file_has_the_row_of_its_utf8_twin() {
    let gbk = include_bytes!("data/sample-gbk.json");
    let cases: [(&str, &[u8]); 3] = [
        ("GBK", gbk),
        ("UTF-8", SAMPLE.as_bytes()),
        (
            "UTF-8 with a byte-order mark",
            &[b"\xEF\xBB\xBF", SAMPLE.as_bytes()].concat(),
        ),
    ];
    for (what, bytes) in cases {
        let r = summary::read_bytes("天河区信访局.json", bytes);
        assert_eq!(r, summary::read("天河区信访局.json", SAMPLE), "{what}");
        assert_eq!(
            cells(&r)[..11],
            [
                "天河区信访局.json",
                "广州市天河区信访局",
                "",
                "2023",
                "部门整体",
                "99.32",
                "优",
                "99.30%",
                "0",
                "0",
                "",
            ],
            "{what}"
        );
    }
}

/// A project file is a 项目 row with its 项目名称, so a department's two projects are told
/// apart; a department's file leaves the column blank.
#[test]
fn a_project_file_is_a_project_row_named_by_its_project() {
    let mut other: Value = serde_json::from_str(PROJECT).expect("JSON");
    other["project"]["project_name"] = "网上信访平台运维经费".into();
    let other = serde_json::to_string_pretty(&other).expect("JSON");
    let cases = [
        (
            summary::read("项目.json", PROJECT),
            [
                "项目.json",
                "广州市天河区信访局",
                "信访事项办理专项经费",
                "2023",
                "项目",
                "98.06",
                "优",
                "96.30%",
                "0",
                "0",
                "",
                "",
            ],
        ),
        (
            summary::read("项目二.json", &other),
            [
                "项目二.json",
                "广州市天河区信访局",
                "网上信访平台运维经费",
                "2023",
                "项目",
                "98.06",
                "优",
                "96.30%",
                "0",
                "0",
                "",
                "",
            ],
        ),
        (
            summary::read("部门.json", SAMPLE),
            [
                "部门.json",
                "广州市天河区信访局",
                "",
                "2023",
                "部门整体",
                "99.32",
                "优",
                "99.30%",
                "0",
                "0",
                "",
                "",
            ],
        ),
    ];
    for (r, want) in &cases {
        assert_eq!(cells(r), want, "{}", r.file);
    }
    // The column sorts and filters as text.
    let mut rows: Vec<SummaryRow> = cases.iter().map(|(r, _)| r.clone()).collect();
    summary::sort(&mut rows, Column::ProjectName, true);
    assert_eq!(order(&rows), ["项目二.json", "项目.json", "部门.json"]);
    let f = Filter {
        shown: Shown::All,
        text: "运维".into(),
    };
    assert_eq!(summary::filter(&rows, &f).len(), 1);
    let csv = summary::csv(&rows);
    assert!(
        csv.contains("\r\n项目.json,广州市天河区信访局,信访事项办理专项经费,2023,项目,98.06,优,96.30%,0,0,,\r\n"),
        "{csv}"
    );
}

/// A scheme that scores no execution (none in it, or its block at 0 points) shows no
/// 预算执行率 in the table, and flags no 优 over a low one: the rate is not part of its
/// score. Where the scheme scores it, both are as ever.
#[test]
fn a_scheme_that_scores_no_execution_leaves_the_rate_blank() {
    use ziping_engine::model::Assessment;
    use ziping_engine::scheme::SectionBody;
    fn low(a: &mut Assessment) {
        a.finance.spending.actual = Some(rust_decimal::Decimal::new(650, 0));
        a.finance.basic = Some(rust_decimal::Decimal::new(47040, 2));
        a.finance.economic[0] = Some(rust_decimal::Decimal::new(43165, 2));
    }
    fn without(a: &mut Assessment) {
        a.scheme
            .sections
            .retain(|s| !matches!(s.body, SectionBody::Execution { .. }));
        a.execution_override = None;
    }
    fn zero_points(a: &mut Assessment) {
        a.scheme.sections[0].points = rust_decimal::Decimal::ZERO;
        a.execution_override = None;
    }
    type Edit = fn(&mut Assessment);
    // (what, edits of the sample, 总分, 预算执行率, whether 优 over low execution is flagged)
    let cases: [(&str, &[Edit], &str, &str, bool); 5] = [
        ("the sample", &[], "99.32", "99.30%", false),
        ("low execution, scored", &[low], "99.32", "87.95%", true),
        ("no execution block", &[without], "90.00", "", false),
        (
            "no execution block, low",
            &[without, low],
            "90.00",
            "",
            false,
        ),
        (
            "an execution block of 0 points, low",
            &[zero_points, low],
            "90.00",
            "",
            false,
        ),
    ];
    for (what, edits, total, rate, flagged) in cases {
        let mut a = ziping_engine::sample::sample();
        for edit in edits {
            edit(&mut a);
        }
        let r = summary::row("a.json", &a);
        assert_eq!(
            (
                Column::Total.text(&r),
                Column::ExecutionRate.text(&r),
                r.flags.contains(&Flag::ExcellentLowExecution)
            ),
            (total.to_string(), rate.to_string(), flagged),
            "{what}"
        );
    }
}

#[test]
fn a_file_that_is_not_graded_excellent_is_not_flagged_for_low_execution() {
    // Without the override the low execution scores itself: 87.95% × 10 = 8.80, still 优
    // (98.80); a poor grade would not be flagged.
    let text = variant(|a| {
        a["finance"]["spending"]["actual"] = "650".into();
        a["finance"]["basic"] = "470.40".into();
        a["finance"]["economic"][0] = "431.65".into();
        a["execution_override"] = Value::Null;
    });
    let r = summary::read("a.json", &text);
    assert_eq!(
        (Column::Total.text(&r), r.flags.clone()),
        ("98.80".into(), vec![Flag::ExcellentLowExecution])
    );
    // The same rate under grades that make 98.80 a 良: no flag.
    let text = variant(|a| {
        a["finance"]["spending"]["actual"] = "650".into();
        a["finance"]["basic"] = "470.40".into();
        a["finance"]["economic"][0] = "431.65".into();
        a["execution_override"] = Value::Null;
        a["scheme"]["grades"][0]["min"] = "99".into();
    });
    let r = summary::read("a.json", &text);
    assert_eq!(
        (Column::Grade.text(&r), r.flags.clone()),
        ("良".into(), vec![])
    );
}

#[test]
fn a_manual_score_without_its_reason_is_flagged_as_an_override_is() {
    let text = variant(|a| {
        let m = &mut a["indicators"][0]["measure"];
        m["rule"] = serde_json::json!({ "type": "manual" });
        m["entered_score"] = "6".into();
    });
    let r = summary::read("manual.json", &text);
    assert_eq!(r.flags, [Flag::Invalid, Flag::OverrideWithoutReason]);
}

fn order(rows: &[SummaryRow]) -> Vec<&str> {
    rows.iter().map(|r| r.file.as_str()).collect()
}

#[test]
fn sorting_by_a_column_puts_missing_figures_last_either_way_and_is_stable() {
    let cases: [(Column, bool, [&str; 7]); 6] = [
        (
            Column::Total,
            true,
            [
                "白云区.json",
                "天河区信访局.json",
                "支出不符.json",
                "执行率低.json",
                "调整无理由.json",
                "损坏.json",
                "评分标准.json",
            ],
        ),
        (
            Column::ExecutionRate,
            false,
            [
                "执行率低.json",
                "天河区信访局.json",
                "支出不符.json",
                "调整无理由.json",
                "白云区.json",
                "损坏.json",
                "评分标准.json",
            ],
        ),
        (
            Column::Year,
            true,
            [
                "白云区.json",
                "天河区信访局.json",
                "支出不符.json",
                "执行率低.json",
                "调整无理由.json",
                "损坏.json",
                "评分标准.json",
            ],
        ),
        (
            Column::Flags,
            true,
            [
                "调整无理由.json",
                "支出不符.json",
                "执行率低.json",
                "损坏.json",
                "评分标准.json",
                "天河区信访局.json",
                "白云区.json",
            ],
        ),
        (
            Column::Errors,
            true,
            [
                "支出不符.json",
                "调整无理由.json",
                "天河区信访局.json",
                "执行率低.json",
                "白云区.json",
                "损坏.json",
                "评分标准.json",
            ],
        ),
        (
            Column::Department,
            false,
            [
                "天河区信访局.json",
                "支出不符.json",
                "执行率低.json",
                "调整无理由.json",
                "白云区.json",
                "损坏.json",
                "评分标准.json",
            ],
        ),
    ];
    for (column, descending, want) in cases {
        let mut rows = rows();
        summary::sort(&mut rows, column, descending);
        assert_eq!(order(&rows), want, "{column:?} descending {descending}");
    }
}

#[test]
fn the_filter_keeps_rows_by_flag_and_by_text() {
    let rows = rows();
    let cases = [
        (Shown::All, "", 7),
        (Shown::Flagged, "", 5),
        (Shown::With(Flag::Invalid), "", 2),
        (Shown::With(Flag::Unreadable), "", 2),
        (Shown::With(Flag::ExcellentLowExecution), "", 1),
        (Shown::With(Flag::OverrideWithoutReason), "", 1),
        (Shown::All, "白云", 1),
        (Shown::All, "  2024 ", 1),
        (Shown::All, "JSON", 7),
        (Shown::Flagged, "天河", 3),
        (Shown::All, "评分标准", 1),
        (Shown::All, "没有这个", 0),
    ];
    for (shown, text, n) in cases {
        let f = Filter {
            shown,
            text: text.into(),
        };
        assert_eq!(summary::filter(&rows, &f).len(), n, "{shown:?} {text:?}");
    }
}

#[test]
fn the_csv_is_written_as_the_score_sheets_csv_is() {
    let rows = rows();
    let picked = [&rows[0], &rows[3], &rows[5]];
    let csv = summary::csv(picked);
    let want = "\u{feff}文件,部门,项目名称,年度,类别,总分,等级,预算执行率,错误数,提示数,标记,说明\r\n\
        天河区信访局.json,广州市天河区信访局,,2023,部门整体,99.32,优,99.30%,0,0,,\r\n\
        调整无理由.json,广州市天河区信访局,,2023,部门整体,99.32,优,99.30%,1,0,校验未通过、人工评分未说明理由,\r\n";
    assert!(csv.starts_with(want), "{csv}");
    let last = csv.strip_prefix(want).expect("the first rows");
    assert_eq!(
        last,
        "损坏.json,,,,,,,,,,无法读取,文件不是有效的 JSON（第 1 行第 23 列附近有误），未导入任何内容\r\n",
        "an unreadable file's row, with the reason"
    );
}

#[test]
fn user_text_in_the_csv_cannot_run_as_a_formula() {
    let text = variant(|a| a["department"] = "=HYPERLINK(\"x\")".into());
    let csv = summary::csv([&summary::read("f.json", &text)]);
    assert!(csv.contains(",\"'=HYPERLINK(\"\"x\"\")\","), "{csv}");
}

/// The formula guard leaves a number alone, a negative one or a percentage included, and
/// still guards any text a spreadsheet would run.
#[test]
fn the_formula_guard_passes_numbers_and_guards_text() {
    use ziping_engine::sheet::text_cell;
    // (cell, as written)
    let cases = [
        ("-14677.60%", "-14677.60%"),
        ("-14677.60", "-14677.60"),
        ("-5", "-5"),
        ("-0.5%", "-0.5%"),
        ("99.30%", "99.30%"),
        ("-cmd", "'-cmd"),
        ("=1+1", "'=1+1"),
        ("+1", "'+1"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("-", "'-"),
        ("-%", "'-%"),
        ("-.5", "'-.5"),
        ("-1.", "'-1."),
        ("-1e5", "'-1e5"),
        ("-1+1", "'-1+1"),
        ("-1%%", "'-1%%"),
        ("-1 ", "'-1 "),
        ("-12.5%+cmd|' /C calc'!A0", "'-12.5%+cmd|' /C calc'!A0"),
        ("\t-1", "'\t-1"),
        ("-１", "'-１"),
    ];
    for (cell, want) in cases {
        assert_eq!(text_cell(cell), want, "{cell:?}");
    }
    // A rate below zero (决算 entered negative) is written as the number it is.
    let mut r = rows()[0].clone();
    r.execution_rate = Some(rust_decimal::Decimal::new(-1_467_760, 2));
    let csv = summary::csv([&r]);
    assert!(csv.contains(",99.32,优,-14677.60%,0,0,,"), "{csv}");
}

#[test]
fn the_workbook_holds_the_rows_with_figures_as_numbers() {
    let rows = rows();
    let day = Date {
        year: 2026,
        month: 12,
        day: 1,
    };
    let bytes = summary::xlsx(&rows, day).expect("a workbook");
    let mut book: Xlsx<_> = open_workbook_from_rs(Cursor::new(bytes)).expect("an xlsx");
    let sheet = book.worksheet_range("汇总").expect("the sheet");
    let header: Vec<String> = (0..12)
        .map(|c| {
            sheet
                .get_value((0, c))
                .map(|d| d.to_string())
                .unwrap_or_default()
        })
        .collect();
    assert_eq!(
        header,
        Column::ALL.map(|c| c.label().to_string()),
        "the header"
    );
    assert_eq!(sheet.height(), 8, "the header and one row per file");
    let at = |r: u32, c: Column| sheet.get_value((r, col(c))).cloned();
    assert_eq!(
        at(1, Column::File),
        Some(Data::String("天河区信访局.json".into()))
    );
    assert_eq!(at(1, Column::Year), Some(Data::Float(2023.0)));
    assert_eq!(at(1, Column::Total), Some(Data::Float(99.32)));
    assert_eq!(at(1, Column::Grade), Some(Data::String("优".into())));
    assert_eq!(at(1, Column::ExecutionRate), Some(Data::Float(0.993)));
    assert_eq!(at(2, Column::Errors), Some(Data::Float(1.0)));
    assert_eq!(at(3, Column::ExecutionRate), Some(Data::Float(0.8795)));
    assert_eq!(
        at(4, Column::Flags),
        Some(Data::String("校验未通过、人工评分未说明理由".into()))
    );
    assert_eq!(at(6, Column::Flags), Some(Data::String("无法读取".into())));
    assert!(matches!(at(6, Column::Reason), Some(Data::String(s)) if s.contains("JSON")));
}

#[test]
fn rows_travel_as_json_to_the_export_module_unchanged() {
    let rows = rows();
    let json = serde_json::to_string(&rows).expect("JSON");
    let back: Vec<SummaryRow> = serde_json::from_str(&json).expect("rows");
    assert_eq!(back, rows);
}
