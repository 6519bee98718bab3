//! 汇总: one row per submitted file, for a reviewer who receives dozens of departments'
//! files, with flags for what needs a second look. A file that does not validate or cannot
//! be read keeps its row, marked, so nothing received is left out.

use std::cmp::Ordering;

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::figures;
use crate::file;
use crate::model::{Assessment, Kind as ModelKind};
use crate::num::{self, RoundingMode};
use crate::scheme::Grade;
use crate::score;
use crate::sheet;
use crate::validate::{self, Severity};

/// 自评的类别: which form a file fills in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    /// 部门整体支出绩效自评.
    Department,
    /// 项目支出绩效自评.
    Project,
}

impl Kind {
    /// The kind of an assessment, as its file says.
    pub fn of(a: &Assessment) -> Kind {
        match a.kind {
            ModelKind::Departmental => Kind::Department,
            ModelKind::Project => Kind::Project,
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Kind::Department => "部门整体",
            Kind::Project => "项目",
        }
    }
}

/// What a reviewer should look at twice.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Flag {
    /// The file could not be read as an assessment.
    Unreadable,
    /// Validation found errors: its score is not the file's score.
    Invalid,
    /// Graded 优 while the budget was executed below [`LOW_EXECUTION`].
    ExcellentLowExecution,
    /// A score set by hand (an override or a manual rule) without its reason.
    OverrideWithoutReason,
}

impl Flag {
    pub const ALL: [Flag; 4] = [
        Flag::Unreadable,
        Flag::Invalid,
        Flag::ExcellentLowExecution,
        Flag::OverrideWithoutReason,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Flag::Unreadable => "无法读取",
            Flag::Invalid => "校验未通过",
            Flag::ExcellentLowExecution => "评为优但预算执行率低于90%",
            Flag::OverrideWithoutReason => "人工评分未说明理由",
        }
    }
}

/// Below this execution rate a grade of 优 is flagged.
pub const LOW_EXECUTION: Decimal = Decimal::from_parts(90, 0, 0, false, 2);

/// The validation codes of a score set by hand without its reason.
const NO_REASON: [&str; 2] = ["OVERRIDE_REASON", "MANUAL_REASON"];

/// One file's row of the summary.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SummaryRow {
    /// The file's name as it was given.
    pub file: String,
    pub department: String,
    /// 项目名称: a project's name, so a department's projects are told apart; empty for a
    /// 部门整体 file or one that could not be read.
    pub project_name: String,
    /// 年度; none where it is blank or the file could not be read.
    pub year: Option<i32>,
    pub kind: Option<Kind>,
    pub total: Option<Decimal>,
    pub grade: Option<Grade>,
    /// 预算执行率 as a percentage with 2 decimals in the scheme's rounding: 99.30; none
    /// where the scheme scores no execution.
    pub execution_rate: Option<Decimal>,
    pub errors: usize,
    pub warnings: usize,
    pub flags: Vec<Flag>,
    /// Why the file could not be read; empty otherwise.
    pub reason: String,
}

/// The row of an assessment.
pub fn row(file: &str, a: &Assessment) -> SummaryRow {
    let findings = validate::validate(a);
    let errors = findings
        .iter()
        .filter(|f| f.severity == Severity::Error)
        .count();
    let card = score::score_figures(a);
    // Only where the scheme scores it: a scheme without an execution block (or with one
    // of 0 points) leaves the rate out of its total, so out of the table and its flags.
    let scored = a
        .scheme
        .execution()
        .is_some_and(|(s, ..)| !s.points.is_zero());
    let rate = figures::derive(a).execution_rate.filter(|_| scored);
    let mut flags = Vec::new();
    if errors > 0 {
        flags.push(Flag::Invalid);
    }
    if card.grade == Grade::Excellent && rate.is_some_and(|r| r < LOW_EXECUTION) {
        flags.push(Flag::ExcellentLowExecution);
    }
    if findings.iter().any(|f| NO_REASON.contains(&f.code)) {
        flags.push(Flag::OverrideWithoutReason);
    }
    SummaryRow {
        file: file.to_string(),
        department: a.department.trim().to_string(),
        project_name: match Kind::of(a) {
            Kind::Project => a.project_name.trim().to_string(),
            Kind::Department => String::new(),
        },
        year: (a.year != 0).then_some(a.year),
        kind: Some(Kind::of(a)),
        total: Some(card.total),
        grade: Some(card.grade),
        execution_rate: rate
            .and_then(num::percent)
            .map(|p| a.scheme.rounding.mode.round(p, 2)),
        errors,
        warnings: findings.len() - errors,
        flags,
        reason: String::new(),
    }
}

/// The row of a file that could not be read, with the reason.
pub fn unreadable(file: &str, reason: String) -> SummaryRow {
    SummaryRow {
        file: file.to_string(),
        department: String::new(),
        project_name: String::new(),
        year: None,
        kind: None,
        total: None,
        grade: None,
        execution_rate: None,
        errors: 0,
        warnings: 0,
        flags: vec![Flag::Unreadable],
        reason,
    }
}

/// The row of a file's text: its assessment's row, or why it holds none.
pub fn read(file: &str, text: &str) -> SummaryRow {
    match file::decode_assessment(text) {
        Ok(a) => row(file, &a),
        Err(e) => unreadable(file, e.to_string()),
    }
}

/// The row of a file's bytes, decoded as the CLI reads any file ([`file::text_of`]):
/// UTF-8 with or without a byte-order mark, UTF-16 with one, and otherwise GBK/GB18030,
/// so a file Notepad saved as "ANSI" is summarised as its UTF-8 twin is.
#[cfg(feature = "encoding")]
pub fn read_bytes(file: &str, bytes: &[u8]) -> SummaryRow {
    read(file, &file::text_of(bytes))
}

/// A column of the summary, in the order the table and the exports show them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Column {
    File,
    Department,
    /// 项目名称.
    ProjectName,
    Year,
    Kind,
    Total,
    Grade,
    ExecutionRate,
    Errors,
    Warnings,
    Flags,
    Reason,
}

impl Column {
    pub const ALL: [Column; 12] = [
        Column::File,
        Column::Department,
        Column::ProjectName,
        Column::Year,
        Column::Kind,
        Column::Total,
        Column::Grade,
        Column::ExecutionRate,
        Column::Errors,
        Column::Warnings,
        Column::Flags,
        Column::Reason,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Column::File => "文件",
            Column::Department => "部门",
            Column::ProjectName => "项目名称",
            Column::Year => "年度",
            Column::Kind => "类别",
            Column::Total => "总分",
            Column::Grade => "等级",
            Column::ExecutionRate => "预算执行率",
            Column::Errors => "错误数",
            Column::Warnings => "提示数",
            Column::Flags => "标记",
            Column::Reason => "说明",
        }
    }

    /// The cell's text, as the table, the CSV and the workbook's text cells show it.
    pub fn text(self, r: &SummaryRow) -> String {
        match self {
            Column::File => r.file.clone(),
            Column::Department => r.department.clone(),
            Column::ProjectName => r.project_name.clone(),
            Column::Year => r.year.map_or_else(String::new, |y| y.to_string()),
            Column::Kind => r.kind.map_or("", Kind::label).to_string(),
            // The total with the decimals its scheme keeps: 98.80, not 98.8.
            Column::Total => r.total.map_or_else(String::new, |t| t.to_string()),
            Column::Grade => r.grade.map_or("", Grade::label).to_string(),
            Column::ExecutionRate => r.execution_rate.map_or_else(String::new, |p| {
                format!("{}%", num::Fixed(p, RoundingMode::HalfUp))
            }),
            Column::Errors => counted(r, r.errors),
            Column::Warnings => counted(r, r.warnings),
            Column::Flags => flags_text(&r.flags),
            Column::Reason => r.reason.clone(),
        }
    }

    /// Orders two rows by this column, ascending; a missing figure compares as least.
    fn compare(self, a: &SummaryRow, b: &SummaryRow) -> Ordering {
        match self {
            Column::Year => a.year.cmp(&b.year),
            Column::Kind => a.kind.map(Kind::label).cmp(&b.kind.map(Kind::label)),
            Column::Total => a.total.cmp(&b.total),
            Column::Grade => a.grade.map(rank).cmp(&b.grade.map(rank)),
            Column::ExecutionRate => a.execution_rate.cmp(&b.execution_rate),
            Column::Errors => (a.errors, a.flags.contains(&Flag::Unreadable))
                .cmp(&(b.errors, b.flags.contains(&Flag::Unreadable))),
            Column::Warnings => a.warnings.cmp(&b.warnings),
            Column::Flags => a.flags.len().cmp(&b.flags.len()),
            Column::File | Column::Department | Column::ProjectName | Column::Reason => {
                self.text(a).cmp(&self.text(b))
            }
        }
    }
}

/// A count, blank for a file that could not be read.
fn counted(r: &SummaryRow, n: usize) -> String {
    if r.flags.contains(&Flag::Unreadable) {
        String::new()
    } else {
        n.to_string()
    }
}

/// The flags as one cell: 校验未通过、人工评分未说明理由.
pub fn flags_text(flags: &[Flag]) -> String {
    flags
        .iter()
        .map(|f| f.label())
        .collect::<Vec<_>>()
        .join("、")
}

/// 差 below 中 below 良 below 优, so a grade sorts by merit.
fn rank(g: Grade) -> u8 {
    match g {
        Grade::Poor => 0,
        Grade::Fair => 1,
        Grade::Good => 2,
        Grade::Excellent => 3,
    }
}

/// Sorts rows by a column (stable: equal rows keep their order); a missing figure or name
/// sorts last either way, while no flags and no reason are values like any other.
pub fn sort(rows: &mut [SummaryRow], by: Column, descending: bool) {
    rows.sort_by(|a, b| {
        let blank =
            |r: &SummaryRow| !matches!(by, Column::Flags | Column::Reason) && by.text(r).is_empty();
        match (blank(a), blank(b)) {
            (true, false) => Ordering::Greater,
            (false, true) => Ordering::Less,
            _ if descending => by.compare(b, a),
            _ => by.compare(a, b),
        }
    });
}

/// Which rows a reviewer wants to see.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Shown {
    #[default]
    All,
    /// Rows with any flag.
    Flagged,
    /// Rows with this flag.
    With(Flag),
}

/// A filter: by flag, and by a text any cell contains (letters compared case-blind).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Filter {
    pub shown: Shown,
    pub text: String,
}

impl Filter {
    /// Whether a row passes.
    pub fn matches(&self, r: &SummaryRow) -> bool {
        let flagged = match self.shown {
            Shown::All => true,
            Shown::Flagged => !r.flags.is_empty(),
            Shown::With(f) => r.flags.contains(&f),
        };
        let needle = self.text.trim().to_lowercase();
        flagged
            && (needle.is_empty()
                || Column::ALL
                    .iter()
                    .any(|c| c.text(r).to_lowercase().contains(&needle)))
    }
}

/// The rows that pass a filter, in their order.
pub fn filter<'a>(rows: &'a [SummaryRow], f: &Filter) -> Vec<&'a SummaryRow> {
    rows.iter().filter(|r| f.matches(r)).collect()
}

/// The summary as CSV, as the score sheet's CSV is written: UTF-8 with a byte-order mark,
/// CRLF, quoted where needed, user text kept from running as a formula.
pub fn csv<'a>(rows: impl IntoIterator<Item = &'a SummaryRow>) -> String {
    let mut out = String::from("\u{feff}");
    sheet::csv_line(&mut out, &Column::ALL.map(|c| c.label().to_string()));
    for r in rows {
        sheet::csv_line(&mut out, &Column::ALL.map(|c| sheet::text_cell(&c.text(r))));
    }
    out
}

#[cfg(feature = "xlsx")]
pub use workbook::xlsx;

#[cfg(feature = "xlsx")]
mod workbook {
    use rust_decimal::prelude::ToPrimitive;
    use rust_decimal::Decimal;
    use rust_xlsxwriter::{DocProperties, Format, FormatBorder, Workbook, XlsxError};

    use super::{Column, SummaryRow};
    use crate::num;
    use crate::report::Date;
    use crate::xlsx::{FONT, GB2312};

    /// Column widths in Excel's units, in the order of [`Column::ALL`].
    const WIDTHS: [f64; 12] = [
        28.0, 24.0, 24.0, 7.0, 9.0, 8.0, 6.0, 11.0, 7.0, 7.0, 30.0, 40.0,
    ];

    /// The summary as an .xlsx workbook: one sheet, figures as number cells, a filter on
    /// the header, which stays in view. `date` is the day it is written, for its properties.
    pub fn xlsx<'a>(
        rows: impl IntoIterator<Item = &'a SummaryRow>,
        date: Date,
    ) -> Result<Vec<u8>, String> {
        write(rows, date).map_err(|e| format!("生成 Excel 文件失败：{e}"))
    }

    fn write<'a>(
        rows: impl IntoIterator<Item = &'a SummaryRow>,
        date: Date,
    ) -> Result<Vec<u8>, XlsxError> {
        let font = Format::new()
            .set_font_name(FONT)
            .set_font_charset(GB2312)
            .set_font_size(11);
        let cell = font.clone().set_border(FormatBorder::Thin);
        let head = cell.clone().set_bold();
        let score = cell.clone().set_num_format("0.00");
        let rate = cell.clone().set_num_format("0.00%");
        let whole = cell.clone().set_num_format("0");
        let mut book = Workbook::new();
        book.set_default_format(&font, 20, 64)?;
        book.set_properties(
            &DocProperties::new()
                .set_title("自评汇总")
                .set_creation_datetime(&crate::xlsx::excel_date(date)?),
        );
        let ws = book.add_worksheet();
        ws.set_name("汇总")?;
        for ((col, c), width) in (0u16..).zip(Column::ALL).zip(WIDTHS) {
            ws.set_column_width(col, width)?;
            ws.write_string_with_format(0, col, c.label(), &head)?;
        }
        let mut last = 0;
        for (row, r) in (1u32..).zip(rows) {
            last = row;
            for (col, c) in (0u16..).zip(Column::ALL) {
                let number = match c {
                    Column::Year => r.year.map(|y| (f64::from(y), &whole)),
                    Column::Total => r.total.and_then(|t| t.to_f64()).map(|t| (t, &score)),
                    Column::ExecutionRate => r
                        .execution_rate
                        .and_then(|p| num::div(p, Decimal::ONE_HUNDRED))
                        .and_then(|p| p.to_f64())
                        .map(|p| (p, &rate)),
                    Column::Errors | Column::Warnings => c
                        .text(r)
                        .parse::<u32>()
                        .ok()
                        .map(|n| (f64::from(n), &whole)),
                    _ => None,
                };
                match number {
                    Some((n, format)) => ws.write_number_with_format(row, col, n, format)?,
                    None => ws.write_string_with_format(row, col, c.text(r), &cell)?,
                };
            }
        }
        ws.autofilter(0, 0, last, Column::ALL.len() as u16 - 1)?;
        ws.set_freeze_panes(1, 0)?;
        ws.set_paper_size(9)
            .set_landscape()
            .set_print_fit_to_pages(1, 0);
        ws.set_repeat_rows(0, 0)?;
        book.save_to_buffer()
    }
}
