//! `ziping`: the engine on the command line, for reviewers checking many submissions.
//!
//! Exit codes: 0 done, 1 validation errors found, 2 a file could not be read or the
//! command line is wrong.

use std::process::ExitCode;

use serde_json::{json, Value};
use ziping_engine::file::{self, FileError};
use ziping_engine::model::{Assessment, Kind};
use ziping_engine::score::ScoreCard;
use ziping_engine::summary::{self, Flag};
use ziping_engine::validate::{self, Finding, Severity};
use ziping_engine::{check, docx, render, report, sample, schemes, sheet, whatif, xlsx};

/// Prints to stdout; a closed pipe (`ziping sample | head`) ends quietly, never a panic.
macro_rules! out {
    ($($t:tt)*) => {{
        use std::io::Write as _;
        let _ = write!(std::io::stdout().lock(), $($t)*);
    }};
}

macro_rules! outln {
    ($($t:tt)*) => {{
        use std::io::Write as _;
        let _ = writeln!(std::io::stdout().lock(), $($t)*);
    }};
}

const USAGE: &str = "用法：
  ziping sample [--indicators N]     输出内置示例（JSON）；N 给出时生成 N 个指标的大样本
  ziping sample --project            输出内置的项目支出绩效自评示例（JSON）
  ziping validate 文件... [--json]    校验，发现错误时退出码为 1
  ziping score 文件... [--json]       评分，输出自评得分表；文件有错误时标明校验未通过，退出码为 1
  ziping seek 文件 --field 路径 --goal 目标 [--json]
                                     单变量求解：目标如 总分≥95、等级=优、预算执行率≥10、执行率10分
                                     （也可写 total>=95、grade=优、item:预算执行率>=10）；
                                     决算的路径是 finance.spending.actual；达不到时退出码为 1
  ziping report 文件 [--format md|text|html|docx] [--out 输出文件] [--date 2026-12-01]
                                     生成自评报告（默认 Markdown）；docx 须用 --out 或重定向
  ziping form 文件 [--format csv|xlsx] [--out 输出文件] [--date 2026-12-01]
                                     生成自评表（默认 CSV）；xlsx 须用 --out 或重定向；
                                     --date 是落款和文件属性的日期，默认为今天
  ziping summary 文件... [--format csv|xlsx] [--out 输出文件] [--date 2026-12-01]
                                     汇总：每个文件一行（部门、项目名称、年度、类别、总分、等级、预算执行率、
                                     错误数、提示数、标记）；校验未通过或无法读取的文件也占一行并标明，
                                     有错误时退出码为 1，有无法读取的文件时为 2
  ziping schemes                     列出内置评分标准
  ziping scheme 标识                  输出一个评分标准（JSON）
文件无法读取或格式有误时退出码为 2。";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match run(&args) {
        Ok(code) => code,
        Err(message) => {
            eprintln!("{message}");
            ExitCode::from(2)
        }
    }
}

/// What one command line asks for.
struct Command<'a> {
    name: &'a str,
    files: Vec<&'a str>,
    json: bool,
    project: bool,
    indicators: Option<usize>,
    field: Option<&'a str>,
    goal: Option<&'a str>,
    format: Option<&'a str>,
    out: Option<&'a str>,
    date: Option<report::Date>,
}

fn parse(args: &[String]) -> Result<Command<'_>, String> {
    let (name, rest) = args.split_first().ok_or_else(|| USAGE.to_string())?;
    let mut command = Command {
        name,
        files: Vec::new(),
        json: false,
        project: false,
        indicators: None,
        field: None,
        goal: None,
        format: None,
        out: None,
        date: None,
    };
    let mut args = rest.iter();
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--json" => command.json = true,
            "--project" => command.project = true,
            "--field" => {
                command.field = Some(
                    args.next()
                        .ok_or_else(|| format!("--field 需要一个字段路径\n{USAGE}"))?,
                )
            }
            "--goal" => {
                command.goal = Some(
                    args.next()
                        .ok_or_else(|| format!("--goal 需要一个目标\n{USAGE}"))?,
                )
            }
            "--format" => {
                command.format = Some(
                    args.next()
                        .ok_or_else(|| format!("--format 需要一个格式\n{USAGE}"))?,
                )
            }
            "--out" | "-o" => {
                command.out = Some(
                    args.next()
                        .ok_or_else(|| format!("--out 需要一个输出文件\n{USAGE}"))?,
                )
            }
            "--date" => {
                let date = args.next().and_then(|d| report::Date::parse(d));
                command.date = Some(
                    date.ok_or_else(|| format!("--date 需要一个日期，如 2026-12-01\n{USAGE}"))?,
                );
            }
            "--indicators" => {
                let n = args.next().and_then(|n| n.parse().ok());
                command.indicators =
                    Some(n.ok_or_else(|| format!("--indicators 需要一个正整数\n{USAGE}"))?);
            }
            "-h" | "--help" => return Err(USAGE.to_string()),
            flag if flag.starts_with("--") => return Err(format!("未知选项 {flag}\n{USAGE}")),
            file => command.files.push(file),
        }
    }
    Ok(command)
}

fn run(args: &[String]) -> Result<ExitCode, String> {
    let command = parse(args)?;
    match (command.name, command.files.as_slice()) {
        ("sample", []) => {
            let a = match (command.indicators, command.project) {
                (Some(_), true) => {
                    return Err(format!("--project 与 --indicators 不能同时使用\n{USAGE}"))
                }
                (Some(n), false) => sample::enlarged(n),
                (None, true) => sample::project(),
                (None, false) => sample::sample(),
            };
            out!("{}", file::encode_assessment(&a));
            Ok(ExitCode::SUCCESS)
        }
        ("schemes", []) => {
            for s in schemes::builtin() {
                outln!("{}\t{}", s.id, s.name);
            }
            Ok(ExitCode::SUCCESS)
        }
        ("scheme", [id]) => match schemes::by_id(id) {
            Some(s) => {
                out!("{}", file::encode_scheme(&s));
                Ok(ExitCode::SUCCESS)
            }
            None => Err(format!(
                "没有标识为“{id}”的内置评分标准；`ziping schemes` 列出全部"
            )),
        },
        ("seek", [file]) => {
            let (Some(field), Some(goal)) = (command.field, command.goal) else {
                return Err(USAGE.to_string());
            };
            seek(file, field, goal, command.json)
        }
        ("report", [file]) => {
            let a = load(file)?;
            let r = report::report(&a);
            let bytes = match command.format.unwrap_or("md") {
                "docx" => docx::docx(&r, &sheet::sheet(&a), command.date.unwrap_or_else(today))?,
                other => match render::by_name(other) {
                    Some(render) => render(&r).into_bytes(),
                    None => {
                        return Err(format!(
                            "report 不支持格式 {other}：可选 md、text、html、docx"
                        ))
                    }
                },
            };
            write_out(&bytes, command.out, command.format == Some("docx"))
        }
        ("form", [file]) => {
            let s = sheet::sheet(&load(file)?);
            let bytes = match command.format.unwrap_or("csv") {
                "csv" => sheet::csv(&s).into_bytes(),
                "xlsx" => xlsx::xlsx(&s, command.date.unwrap_or_else(today))?,
                other => return Err(format!("form 不支持格式 {other}：可选 csv、xlsx")),
            };
            write_out(&bytes, command.out, command.format == Some("xlsx"))
        }
        ("summary", files) if !files.is_empty() => summarize(files, &command),
        ("validate", files) if !files.is_empty() => Ok(each_file(files, command.json, Validate)),
        ("score", files) if !files.is_empty() => Ok(each_file(files, command.json, Score)),
        _ => Err(USAGE.to_string()),
    }
}

/// 汇总: one row per file, the unreadable and the invalid marked in theirs. Exits as
/// `score` does: 2 when a file could not be read, 1 when one has errors.
fn summarize(files: &[&str], command: &Command) -> Result<ExitCode, String> {
    let rows: Vec<summary::SummaryRow> = files
        .iter()
        .map(|path| match std::fs::read(path) {
            Ok(bytes) => summary::read_bytes(path, &bytes),
            Err(e) => summary::unreadable(path, format!("无法读取（{e}）")),
        })
        .collect();
    for r in rows.iter().filter(|r| !r.reason.is_empty()) {
        eprintln!("{}：{}", r.file, r.reason);
    }
    let bytes = match command.format.unwrap_or("csv") {
        "csv" => summary::csv(&rows).into_bytes(),
        "xlsx" => summary::xlsx(&rows, command.date.unwrap_or_else(today))?,
        other => return Err(format!("summary 不支持格式 {other}：可选 csv、xlsx")),
    };
    write_out(&bytes, command.out, command.format == Some("xlsx"))?;
    let has = |flag| rows.iter().any(|r| r.flags.contains(&flag));
    Ok(if has(Flag::Unreadable) {
        ExitCode::from(2)
    } else if has(Flag::Invalid) {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

/// Today in the system's time zone: the date of the files written.
fn today() -> report::Date {
    let d = jiff::Zoned::now().date();
    report::Date {
        year: i32::from(d.year()),
        month: u32::from(d.month().unsigned_abs()),
        day: u32::from(d.day().unsigned_abs()),
    }
}

/// Writes an export to a file, or to stdout unless it is binary and stdout a terminal.
fn write_out(bytes: &[u8], out: Option<&str>, binary: bool) -> Result<ExitCode, String> {
    use std::io::{IsTerminal as _, Write as _};
    if let Some(path) = out {
        std::fs::write(path, bytes).map_err(|e| format!("{path}：无法写入（{e}）"))?;
        return Ok(ExitCode::SUCCESS);
    }
    let stdout = std::io::stdout();
    if binary && stdout.is_terminal() {
        return Err("二进制文件不能输出到终端：请用 --out 指定输出文件".into());
    }
    let _ = stdout.lock().write_all(bytes);
    Ok(ExitCode::SUCCESS)
}

/// Goal seek on one figure of one file.
fn seek(path: &str, field: &str, goal: &str, as_json: bool) -> Result<ExitCode, String> {
    let a = load(path)?;
    let goal = whatif::Goal::parse(goal)?;
    let answer = whatif::seek(&a, field, &goal)?;
    if as_json {
        outln!(
            "{}",
            serde_json::to_string_pretty(&answer).unwrap_or_default()
        );
    } else {
        for line in answer.lines() {
            outln!("{line}");
        }
        if let Some(v) = answer.value {
            outln!("{field} = {v}");
        }
    }
    Ok(if answer.reachable {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}

/// Reads and decodes one assessment file.
fn load(path: &str) -> Result<Assessment, String> {
    let bytes = std::fs::read(path).map_err(|e| format!("{path}：无法读取（{e}）"))?;
    file::decode_bytes(&bytes)
        .and_then(file::Document::into_assessment)
        .map_err(|e: FileError| format!("{path}：{e}"))
}

/// A command that reports on one assessment at a time.
trait Report {
    /// The report as JSON, and whether it found errors.
    fn json(&self, a: &Assessment) -> (Value, bool);
    /// The report as text, and whether it found errors.
    fn text(&self, a: &Assessment) -> (String, bool);
}

struct Validate;
struct Score;

impl Report for Validate {
    fn json(&self, a: &Assessment) -> (Value, bool) {
        let findings = validate::validate(a);
        (json!(findings), validate::has_errors(&findings))
    }

    fn text(&self, a: &Assessment) -> (String, bool) {
        let findings = validate::validate(a);
        (findings_text(&findings), validate::has_errors(&findings))
    }
}

impl Report for Score {
    fn json(&self, a: &Assessment) -> (Value, bool) {
        let checked = check::checked(a);
        let bad = checked.errors > 0;
        (json!(checked), bad)
    }

    fn text(&self, a: &Assessment) -> (String, bool) {
        let checked = check::checked(a);
        let mut text = card_text(&checked.card);
        if a.kind == Kind::Project {
            text = format!("项目支出绩效自评：{}\n{text}", a.project_name.trim());
        }
        if let Some(mark) = mark(&checked) {
            text = format!("{mark}\n{text}");
        }
        (text, checked.errors > 0)
    }
}

/// The line above a card: 校验未通过 where there are errors, the warnings otherwise.
fn mark(c: &check::CheckedCard) -> Option<String> {
    match (c.errors, c.warnings) {
        (0, 0) => None,
        (0, w) => Some(format!(
            "校验通过，有 {w} 个提示（ziping validate 列出详情）"
        )),
        (e, w) => Some(format!(
            "校验未通过：{e} 个错误，{w} 个提示（ziping validate 列出详情）"
        )),
    }
}

/// Runs a report over many files; one file prints bare, many print labelled.
fn each_file(files: &[&str], as_json: bool, report: impl Report) -> ExitCode {
    let mut unreadable = false;
    let mut errors = false;
    let mut out = Vec::new();
    for path in files {
        match load(path) {
            Ok(a) if as_json => {
                let (value, bad) = report.json(&a);
                errors |= bad;
                out.push(json!({ "file": path, "result": value }));
            }
            Ok(a) => {
                let (text, bad) = report.text(&a);
                errors |= bad;
                if files.len() > 1 {
                    outln!("== {path}");
                }
                outln!("{text}");
            }
            Err(message) => {
                unreadable = true;
                eprintln!("{message}");
                if as_json {
                    out.push(json!({ "file": path, "error": message }));
                }
            }
        }
    }
    if as_json {
        let value = match out.as_mut_slice() {
            [one] if one.get("result").is_some() => one["result"].take(),
            _ => Value::Array(out),
        };
        outln!(
            "{}",
            serde_json::to_string_pretty(&value).unwrap_or_default()
        );
    }
    match (unreadable, errors) {
        (true, _) => ExitCode::from(2),
        (false, true) => ExitCode::from(1),
        (false, false) => ExitCode::SUCCESS,
    }
}

fn findings_text(findings: &[Finding]) -> String {
    if findings.is_empty() {
        return "校验通过，没有发现问题。".to_string();
    }
    findings
        .iter()
        .map(|f| {
            let severity = match f.severity {
                Severity::Error => "错误",
                Severity::Warning => "提示",
            };
            format!(
                "{severity} {} [{}] {}",
                f.code,
                f.paths.join(", "),
                f.message
            )
        })
        .collect::<Vec<_>>()
        .join("\n")
}

fn card_text(card: &ScoreCard) -> String {
    let mut lines = vec![format!("评分标准：{}", card.scheme)];
    for section in &card.sections {
        lines.push(format!(
            "{}  {} / {}",
            section.name, section.score, section.points
        ));
        for category in &section.categories {
            for item in &category.items {
                lines.push(format!(
                    "    {}  {} / {}  {}",
                    item.name, item.score, item.points, item.formula
                ));
            }
        }
    }
    lines.push(format!(
        "总分 {} / {}，等级 {}",
        card.total,
        card.max_total,
        card.grade.label()
    ));
    lines.join("\n")
}
