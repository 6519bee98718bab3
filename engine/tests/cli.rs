//! The `ziping` command line, run as a reviewer would run it.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use serde_json::Value;

fn ziping(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_ziping"))
        .args(args)
        .output()
        .expect("ziping runs")
}

/// A scratch folder of this test's own.
fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("ziping-cli-{}-{name}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("scratch folder");
    dir
}

fn write(dir: &Path, name: &str, text: &str) -> String {
    let path = dir.join(name);
    std::fs::write(&path, text).expect("written");
    path.to_string_lossy().into_owned()
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn sample_text() -> String {
    stdout(&ziping(&["sample"]))
}

#[test]
fn the_sample_scores_99_32_grade_excellent() {
    let dir = scratch("score");
    let s = write(&dir, "s.json", &sample_text());
    let out = ziping(&["score", "--json", &s]);
    assert_eq!(out.status.code(), Some(0));
    let card: Value = serde_json::from_str(&stdout(&out)).expect("JSON");
    assert_eq!(card["total"], "99.32");
    assert_eq!(card["grade"], "优");
    let sections: Vec<(String, String, String)> = card["sections"]
        .as_array()
        .expect("sections")
        .iter()
        .map(|s| {
            (
                s["name"].as_str().unwrap_or("").into(),
                s["points"].to_string(),
                s["score"].to_string(),
            )
        })
        .collect();
    assert_eq!(
        sections,
        [
            ("预算执行率".into(), "\"10\"".into(), "\"9.32\"".into()),
            ("履职效能".into(), "\"40\"".into(), "\"40.00\"".into()),
            ("管理效率".into(), "\"50\"".into(), "\"50.00\"".into()),
        ]
    );
    let text = stdout(&ziping(&["score", &s]));
    assert!(text.contains("总分 99.32 / 100，等级 优"), "{text}");
}

#[test]
fn validate_exits_0_clean_1_with_errors_2_unreadable() {
    let dir = scratch("validate");
    let good = write(&dir, "good.json", &sample_text());
    let broken = write(
        &dir,
        "broken.json",
        &sample_text().replace("\"554.28\"", "\"554.2\""),
    );
    let bad = write(&dir, "bad.json", "{ not json");

    let out = ziping(&["validate", "--json", &good]);
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(
        serde_json::from_str::<Value>(&stdout(&out)).expect("JSON"),
        Value::Array(vec![])
    );

    let out = ziping(&["validate", "--json", &broken]);
    assert_eq!(out.status.code(), Some(1));
    let findings: Value = serde_json::from_str(&stdout(&out)).expect("JSON");
    let first = &findings[0];
    assert_eq!(first["severity"], "error");
    assert_eq!(first["code"], "SPENDING_PARTS_SUM");
    assert_eq!(first["paths"][0], "finance.basic");
    assert_eq!(
        first["message"],
        "基本支出 554.20 + 项目支出 179.60 = 733.80，与决算数 733.88 不符"
    );

    let out = ziping(&["validate", &bad]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("不是有效的 JSON"));
}

#[test]
fn many_files_in_one_call_each_labelled() {
    let dir = scratch("many");
    let good = write(&dir, "a.json", &sample_text());
    let broken = write(
        &dir,
        "b.json",
        &sample_text().replace("\"554.28\"", "\"554.2\""),
    );
    let out = ziping(&["validate", "--json", &good, &broken]);
    assert_eq!(out.status.code(), Some(1), "the worst file decides");
    let all: Value = serde_json::from_str(&stdout(&out)).expect("JSON");
    assert_eq!(all[0]["file"], good.as_str());
    assert_eq!(all[0]["result"], Value::Array(vec![]));
    assert_eq!(all[1]["result"][0]["code"], "SPENDING_PARTS_SUM");

    let out = ziping(&["score", "--json", &good, &broken]);
    let cards: Value = serde_json::from_str(&stdout(&out)).expect("JSON");
    assert_eq!(cards[0]["result"]["total"], "99.32");
    assert_eq!(cards.as_array().map(Vec::len), Some(2));
}

#[test]
fn schemes_are_listed_and_printed() {
    let list = stdout(&ziping(&["schemes"]));
    assert!(
        list.contains("guangzhou-dept\t广州市部门整体支出绩效自评"),
        "{list}"
    );
    assert!(list.contains("national-project"), "{list}");
    let out = ziping(&["scheme", "national-project"]);
    let scheme: Value = serde_json::from_str(&stdout(&out)).expect("JSON");
    assert_eq!(scheme["kind"], "scheme");
    assert_eq!(scheme["scheme"]["id"], "national-project");
    assert_eq!(ziping(&["scheme", "nowhere"]).status.code(), Some(2));
}

#[test]
fn a_wrong_command_line_prints_the_usage_and_exits_2() {
    for args in [
        &[][..],
        &["frobnicate"],
        &["validate"],
        &["score", "--xml", "a.json"],
    ] {
        let out = ziping(args);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(
            String::from_utf8_lossy(&out.stderr).contains("用法"),
            "{args:?}"
        );
    }
}

#[test]
fn seek_finds_the_smallest_actual_for_a_full_execution_score() {
    let dir = scratch("seek");
    let unpublished = sample_text().replace(
        "\"execution_override\": {\n      \"score\": \"9.32\",\n      \"reason\": \"按已公布的自评结果（报告总分 99.32 分）\"\n    },",
        "\"execution_override\": null,",
    );
    assert!(
        unpublished.contains("\"execution_override\": null"),
        "the override was removed"
    );
    let s = write(&dir, "s.json", &unpublished);
    let out = ziping(&[
        "seek",
        &s,
        "--field",
        "finance.spending.actual",
        "--goal",
        "item:预算执行率>=10",
        "--json",
    ]);
    assert_eq!(out.status.code(), Some(0));
    let answer: Value = serde_json::from_str(&stdout(&out)).expect("JSON");
    assert_eq!(answer["reachable"], true);
    assert_eq!(answer["value"], "738.68");

    let out = ziping(&[
        "seek",
        &s,
        "--field",
        "finance.spending.actual",
        "--goal",
        "total>=101",
        "--json",
    ]);
    assert_eq!(out.status.code(), Some(1), "unreachable");
    let answer: Value = serde_json::from_str(&stdout(&out)).expect("JSON");
    assert_eq!(answer["reachable"], false);
    assert!(answer["reason"]
        .as_str()
        .is_some_and(|r| r.contains("满分 100")));

    let out = ziping(&["seek", &s, "--field", "finance.nope", "--goal", "total>=90"]);
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn seek_writes_the_answer_in_words_as_the_app_does() {
    let dir = scratch("seek-words");
    let s = write(&dir, "s.json", &sample_text());
    // On the sample, the published override keeps 决算 from moving the execution score.
    let out = ziping(&[
        "seek",
        &s,
        "--field",
        "finance.spending.actual",
        "--goal",
        "预算执行率≥10",
    ]);
    assert_eq!(out.status.code(), Some(1), "unreachable while overridden");
    let lines: Vec<String> = stdout(&out).lines().map(String::from).collect();
    let expected = [
        "只调整部门整体支出决算数达不到目标 「预算执行率」得分 ≥ 10：「预算执行率」得分最多为 9.32（履职效能已满分，管理效率已满分）；「预算执行率」的得分已人工调整为 9.32（手动评分），调整部门整体支出决算数不改变它的得分",
        "取消「预算执行率」的人工调整后：部门整体支出决算数由 733.88 调整为 738.68，可达到目标 「预算执行率」得分 ≥ 10",
        "结果：执行率 99.95%，「预算执行率」得分 10.00，总分 100.00（优）",
        "注意：按规则执行率 99.9512%，得 9.9951 分，四舍五入保留 2 位小数为 10.00 分，是舍入使它达到目标 「预算执行率」得分 ≥ 10",
    ];
    assert_eq!(lines, expected);
    let out = ziping(&[
        "seek",
        &s,
        "--field",
        "finance.spending.actual",
        "--goal",
        "等级=优",
    ]);
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(
        stdout(&out),
        "当前部门整体支出决算数 733.88 已达到目标 等级达到「优」\n结果：执行率 99.30%，「预算执行率」得分 9.32，总分 99.32（优）\nfinance.spending.actual = 733.88\n"
    );
}

#[test]
fn report_and_form_write_every_format() {
    let dir = scratch("exports");
    let s = write(&dir, "s.json", &sample_text());
    let md = ziping(&["report", &s]);
    assert_eq!(md.status.code(), Some(0));
    assert!(stdout(&md).starts_with("# 2023年度广州市天河区信访局部门整体支出绩效自评报告"));
    let html = stdout(&ziping(&["report", &s, "--format", "html"]));
    assert!(html.contains("<h2>二、绩效自评情况</h2>"));
    let csv = stdout(&ziping(&["form", &s]));
    assert!(csv.contains("总分,,,,,100,99.32,等级：优"));
    for (command, format, magic) in [("report", "docx", "PK"), ("form", "xlsx", "PK")] {
        let out = dir.join(format!("out.{format}"));
        let o = ziping(&[
            command,
            &s,
            "--format",
            format,
            "--out",
            out.to_str().unwrap(),
        ]);
        assert_eq!(
            o.status.code(),
            Some(0),
            "{}",
            String::from_utf8_lossy(&o.stderr)
        );
        let bytes = std::fs::read(&out).expect("written");
        assert!(
            bytes.starts_with(magic.as_bytes()),
            "{format} is a zip package"
        );
    }
    let text = stdout(&ziping(&["report", &s, "--format", "txt"]));
    assert!(text.starts_with("2023年度广州市天河区信访局部门整体支出绩效自评报告\n"));
    let bad = ziping(&["report", &s, "--format", "pdf"]);
    assert_eq!(bad.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&bad.stderr)
        .contains("report 不支持格式 pdf：可选 md、text、html、docx"));
    let bad = ziping(&["form", &s, "--format", "pdf"]);
    assert_eq!(bad.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&bad.stderr).contains("form 不支持格式 pdf"));
}

/// The sample with its 部门整体支出 row all zeros, as a form left unfilled would be.
fn zero_spending() -> String {
    let mut file: Value = serde_json::from_str(&sample_text()).expect("JSON");
    for key in ["initial", "adjusted", "actual"] {
        file["assessment"]["finance"]["spending"][key] = Value::from("0");
    }
    serde_json::to_string_pretty(&file).expect("JSON")
}

#[test]
fn score_marks_a_file_with_errors_and_exits_1() {
    let dir = scratch("score-errors");
    let good = write(&dir, "good.json", &sample_text());
    let zeros = write(&dir, "zeros.json", &zero_spending());
    let bad = write(&dir, "bad.json", "{ not json");

    // The sample: no mark, no errors, exit 0.
    let out = ziping(&["score", &good]);
    assert_eq!(out.status.code(), Some(0));
    assert!(!stdout(&out).contains("校验"), "{}", stdout(&out));
    let out = ziping(&["score", "--json", &good]);
    assert_eq!(out.status.code(), Some(0));
    let card: Value = serde_json::from_str(&stdout(&out)).expect("JSON");
    assert_eq!(
        (card["errors"].as_u64(), card["warnings"].as_u64()),
        (Some(0), Some(0))
    );
    assert_eq!(card["total"], "99.32");

    // All zeros: the card is still printed, marked, with the counts; exit 1.
    let findings: Value =
        serde_json::from_str(&stdout(&ziping(&["validate", "--json", &zeros]))).expect("JSON");
    let count = |severity: &str| {
        findings
            .as_array()
            .expect("findings")
            .iter()
            .filter(|f| f["severity"] == severity)
            .count() as u64
    };
    let (errors, warnings) = (count("error"), count("warning"));
    assert!(errors > 0, "{findings}");
    let out = ziping(&["score", &zeros]);
    assert_eq!(out.status.code(), Some(1));
    let text = stdout(&out);
    assert!(
        text.starts_with(&format!("校验未通过：{errors} 个错误，{warnings} 个提示")),
        "{text}"
    );
    assert!(text.contains("总分 "), "{text}");
    let out = ziping(&["score", "--json", &zeros]);
    assert_eq!(out.status.code(), Some(1));
    let card: Value = serde_json::from_str(&stdout(&out)).expect("JSON");
    assert_eq!(card["errors"].as_u64(), Some(errors));
    assert_eq!(card["warnings"].as_u64(), Some(warnings));
    assert!(card["total"].is_string(), "{card}");

    // Unreadable: exit 2, as before.
    assert_eq!(ziping(&["score", &bad]).status.code(), Some(2));

    // A mix: each card carries its own counts; errors decide 1, an unreadable file 2.
    let out = ziping(&["score", "--json", &good, &zeros]);
    assert_eq!(out.status.code(), Some(1));
    let cards: Value = serde_json::from_str(&stdout(&out)).expect("JSON");
    assert_eq!(cards[0]["result"]["errors"].as_u64(), Some(0));
    assert_eq!(cards[1]["result"]["errors"].as_u64(), Some(errors));
    let out = ziping(&["score", &good, &zeros]);
    let text = stdout(&out);
    assert!(text.contains(&format!("== {zeros}\n校验未通过")), "{text}");
    assert_eq!(
        ziping(&["score", &good, &zeros, &bad]).status.code(),
        Some(2)
    );
}

/// The sample's file as JSON, changed by `edit`, written to `dir`.
fn edited(dir: &Path, name: &str, edit: impl FnOnce(&mut Value)) -> String {
    let mut file: Value = serde_json::from_str(&sample_text()).expect("JSON");
    edit(&mut file["assessment"]);
    write(
        dir,
        name,
        &serde_json::to_string_pretty(&file).expect("JSON"),
    )
}

#[test]
fn scores_print_with_the_decimals_their_scheme_keeps() {
    let dir = scratch("places");
    let whole = edited(&dir, "whole.json", |a| {
        a["scheme"]["rounding"]["score_places"] = Value::from(0);
    });
    let card: Value =
        serde_json::from_str(&stdout(&ziping(&["score", "--json", &whole]))).expect("JSON");
    assert_eq!(card["total"], "99", "9 + 40 + 50 whole points");
    assert_eq!(
        card["sections"][0]["score"], "9",
        "the override 9.32 kept as 9"
    );
    assert_eq!(
        card["sections"][1]["categories"][0]["items"][0]["score"],
        "6"
    );
    let text = stdout(&ziping(&["score", &whole]));
    assert!(text.contains("总分 99 / 100"), "{text}");

    // A capped section keeps the decimals of its items: 50.00, not 50.
    let capped = edited(&dir, "capped.json", |a| {
        a["criteria"][0]["points"] = Value::from("8");
    });
    let card: Value =
        serde_json::from_str(&stdout(&ziping(&["score", "--json", &capped]))).expect("JSON");
    let management = &card["sections"][2];
    assert!(management["note"].is_string(), "{management}");
    assert_eq!(management["score"], "50.00");
}

#[test]
fn score_on_a_file_with_warnings_only_says_so_and_exits_0() {
    let dir = scratch("score-warnings");
    let high = edited(&dir, "high.json", |a| {
        a["indicators"][0]["measure"]["actual"] = Value::from("700");
    });
    let out = ziping(&["score", &high]);
    assert_eq!(out.status.code(), Some(0));
    assert!(
        stdout(&out).starts_with("校验通过，有 1 个提示"),
        "{}",
        stdout(&out)
    );
    let card: Value =
        serde_json::from_str(&stdout(&ziping(&["score", "--json", &high]))).expect("JSON");
    assert_eq!(
        (card["errors"].as_u64(), card["warnings"].as_u64()),
        (Some(0), Some(1))
    );
}

/// A file saved by Notepad as "ANSI" (GBK) scores as its UTF-8 original does.
#[test]
fn a_gbk_file_is_read() {
    let gbk = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/sample-gbk.json");
    let out = ziping(&["score", "--json", gbk]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let card: Value = serde_json::from_str(&stdout(&out)).expect("JSON");
    assert_eq!(card["total"], "99.32");
}

/// A file saved as GBK is summarised as its UTF-8 twin is, never called unreadable.
#[test]
fn summary_reads_a_gbk_file_as_its_utf8_twin() {
    let data = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data");
    let gbk = format!("{data}/sample-gbk.json");
    let utf8 = format!("{data}/sample.json");
    let out = ziping(&["summary", &gbk, &utf8]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = stdout(&out);
    let rows: Vec<&str> = text
        .trim_start_matches('\u{feff}')
        .split_terminator("\r\n")
        .collect();
    assert_eq!(rows.len(), 3, "{rows:?}");
    let cells = |row: &str, file: &str| row.strip_prefix(file).map(str::to_string);
    assert_eq!(
        cells(rows[1], &gbk),
        Some(",广州市天河区信访局,,2023,部门整体,99.32,优,99.30%,0,0,,".to_string())
    );
    assert_eq!(cells(rows[1], &gbk), cells(rows[2], &utf8));
}

#[test]
fn summary_writes_one_row_per_file_and_exits_as_score_does() {
    let dir = scratch("summary");
    let good = write(&dir, "good.json", &sample_text());
    let zeros = write(&dir, "zeros.json", &zero_spending());
    let bad = write(&dir, "bad.json", "{ not json");
    let missing = dir.join("missing.json").to_string_lossy().into_owned();
    let rows = |o: &Output| -> Vec<String> {
        stdout(o)
            .trim_start_matches('\u{feff}')
            .split_terminator("\r\n")
            .map(String::from)
            .collect()
    };

    let out = ziping(&["summary", &good]);
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(
        rows(&out),
        [
            "文件,部门,项目名称,年度,类别,总分,等级,预算执行率,错误数,提示数,标记,说明".to_string(),
            format!("{good},广州市天河区信访局,,2023,部门整体,99.32,优,99.30%,0,0,,"),
        ]
    );

    // A project file is a 项目 row named by its project.
    let project = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/project.json");
    let out = ziping(&["summary", project]);
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(
        rows(&out)[1],
        format!(
            "{project},广州市天河区信访局,信访事项办理专项经费,2023,项目,98.06,优,96.30%,0,0,,"
        )
    );

    // A file with errors is in the table, marked; exit 1 as `score` gives.
    let out = ziping(&["summary", &good, &zeros]);
    assert_eq!(out.status.code(), Some(1));
    let table = rows(&out);
    assert_eq!(table.len(), 3);
    assert!(
        table[2].starts_with(&format!("{zeros},广州市天河区信访局,,2023,部门整体,"))
            && table[2].ends_with(",校验未通过,"),
        "{}",
        table[2]
    );

    // Unreadable files get their rows too, with the reason; exit 2, the reason on stderr.
    let out = ziping(&["summary", &good, &zeros, &bad, &missing]);
    assert_eq!(out.status.code(), Some(2));
    let table = rows(&out);
    assert_eq!(table.len(), 5, "{table:?}");
    assert!(table[3].starts_with(&format!("{bad},,,,,,,,,,无法读取,文件不是有效的 JSON")));
    assert!(table[4].starts_with(&format!("{missing},,,,,,,,,,无法读取,无法读取（")));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains(&format!("{bad}：文件不是有效的 JSON")),
        "{stderr}"
    );

    // The workbook, to a file.
    let xlsx = dir.join("汇总.xlsx");
    let out = ziping(&[
        "summary",
        &good,
        &zeros,
        "--format",
        "xlsx",
        "--out",
        xlsx.to_str().expect("a path"),
        "--date",
        "2026-12-01",
    ]);
    assert_eq!(
        out.status.code(),
        Some(1),
        "the exit code still tells of errors"
    );
    assert!(std::fs::read(&xlsx).expect("written").starts_with(b"PK"));
    let csv = dir.join("汇总.csv");
    let out = ziping(&["summary", &good, "--out", csv.to_str().expect("a path")]);
    assert_eq!(out.status.code(), Some(0));
    assert!(stdout(&out).is_empty());
    assert!(std::fs::read_to_string(&csv)
        .expect("written")
        .contains("99.30%"));

    let out = ziping(&["summary", &good, "--format", "pdf"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("summary 不支持格式 pdf：可选 csv、xlsx"));
    let out = ziping(&["summary"]);
    assert_eq!(out.status.code(), Some(2), "no file: the usage");
    assert!(String::from_utf8_lossy(&out.stderr).contains("ziping summary 文件..."));
}
