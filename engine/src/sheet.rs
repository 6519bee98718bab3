//! The score sheet (自评表) in the common layout, of a department (部门整体支出绩效自评表)
//! or of a project (项目支出绩效自评表, 财预〔2020〕10号): the header rows, the budget block (年初预算数 /
//! 全年预算数 / 全年执行数 / 分值 / 执行率 / 得分) and one row per scored item
//! (一级 / 二级 / 三级 / 年度指标值 / 实际完成值 / 分值 / 得分 / 偏差原因). Built from the
//! score card, so it shows the very figures the report states.

use rust_decimal::Decimal;
use serde::Serialize;

use crate::figures;
use crate::model::{Amounts, Assessment, Kind, Measure};
use crate::num::{self, Plain, RoundingMode};
use crate::paths::{self, Row};
use crate::scheme::{ExecutionBase, Rule, SectionBody};
use crate::score::{self, ScoreCard};

/// The score sheet of an assessment.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ScoreSheet {
    pub kind: Kind,
    pub title: String,
    /// The rows above the funding block, two labelled cells each: 部门名称 and 金额单位,
    /// or 项目名称 and 金额单位 over 主管部门 and 实施单位.
    pub header: Vec<[HeaderCell; 2]>,
    pub department: String,
    pub year: i32,
    /// 金额单位, e.g. 万元.
    pub unit: String,
    pub budget: Vec<BudgetRow>,
    pub goals: Goals,
    pub rows: Vec<SheetRow>,
    pub total: Decimal,
    pub max_total: Decimal,
    pub grade: String,
    /// The decimals the scheme keeps of points and scores: the sheet prints them so.
    pub score_places: u32,
}

/// A labelled cell of the header rows, e.g. 主管部门 | 广州市天河区信访局.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct HeaderCell {
    pub label: &'static str,
    pub value: String,
}

/// One line of the budget block. Only 年度资金总额 carries points and a score.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct BudgetRow {
    pub name: String,
    pub initial: Option<Decimal>,
    pub adjusted: Option<Decimal>,
    pub actual: Option<Decimal>,
    pub points: Option<Decimal>,
    /// 执行率 as a ratio rounded to the displayed 2 decimals of percent (0.9930).
    pub rate: Option<Decimal>,
    pub score: Option<Decimal>,
    /// Why a score set by hand differs from the rule's, with the rule's figure beside it.
    pub note: String,
}

/// 年度总体目标: what the year set out to do (the objectives) and what was done (the
/// key tasks as the department reports them), each paragraph on its own line.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Goals {
    /// 预期目标.
    pub expected: String,
    /// 实际完成情况.
    pub achieved: String,
}

/// One scored indicator or criterion.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SheetRow {
    /// 一级指标.
    pub section: String,
    /// 二级指标.
    pub category: String,
    /// 三级指标, with its unit where it has one.
    pub name: String,
    /// 年度指标值: a number where the rule compares with one.
    pub target: Cell,
    /// 实际完成值.
    pub actual: Cell,
    pub points: Decimal,
    pub score: Decimal,
    /// 偏差原因分析及改进措施, or the reason for a manual or overridden score.
    pub note: String,
}

/// A value cell: a number, or words such as 满足 4/4 项.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(untagged)]
pub enum Cell {
    Number(Decimal),
    Text(String),
}

impl Cell {
    /// The cell as the sheet prints it.
    pub fn text(&self) -> String {
        match self {
            Cell::Number(v) => Plain(*v).to_string(),
            Cell::Text(t) => t.clone(),
        }
    }
}

/// The column headings of the budget block and of the item rows.
pub const BUDGET_HEADER: [&str; 8] = [
    "年度预算执行情况",
    "年初预算数",
    "全年预算数",
    "全年执行数",
    "分值",
    "执行率",
    "得分",
    "说明",
];
/// The 年度总体目标 block's heading and its two columns.
pub const GOALS_HEADER: [&str; 3] = ["年度总体目标", "预期目标", "实际完成情况"];

pub const ROW_HEADER: [&str; 8] = [
    "一级指标",
    "二级指标",
    "三级指标",
    "年度指标值",
    "实际完成值",
    "分值",
    "得分",
    "偏差原因分析及改进措施",
];

/// Builds the score sheet of an assessment.
pub fn sheet(a: &Assessment) -> ScoreSheet {
    sheet_of(a, &score::score_figures(a))
}

/// Builds the score sheet from a card already scored.
pub fn sheet_of(a: &Assessment, card: &ScoreCard) -> ScoreSheet {
    let mode = a.scheme.rounding.mode;
    let execution = a.scheme.execution();
    let base = execution.map_or(ExecutionBase::Adjusted, |(_, base, _)| base);
    let exec_score = execution.and_then(|(s, _, _)| card.section(&s.id));
    let exec_note = exec_score
        .and_then(|s| s.categories.first()?.items.first())
        .filter(|i| i.overridden)
        .map(|i| {
            let reason = a
                .execution_override
                .as_ref()
                .map(|o| o.reason.trim().to_string())
                .unwrap_or_default();
            format!("{reason}（按评分规则计算为{}分）", Plain(i.computed))
        })
        .unwrap_or_default();
    let f = &a.finance;
    let budget_row = |name: &str, m: &Amounts, scored: bool| BudgetRow {
        name: name.into(),
        initial: m.initial,
        adjusted: m.adjusted,
        actual: m.actual,
        points: exec_score.filter(|_| scored).map(|s| s.points),
        rate: rate(m.actual, m.budget(base), mode),
        score: exec_score.filter(|_| scored).map(|s| s.score),
        note: if scored {
            exec_note.clone()
        } else {
            String::new()
        },
    };
    let budget: Vec<BudgetRow> = match a.kind {
        Kind::Departmental => {
            let mut budget = vec![budget_row("年度资金总额", &f.spending, true)];
            budget.push(budget_row("其中：财政拨款", &f.appropriation, false));
            if f.other_funds != Amounts::default() {
                budget.push(budget_row("其他资金", &f.other_funds, false));
            }
            budget
        }
        // The national layout prints every row, blank or not.
        Kind::Project => f
            .funding()
            .iter()
            .enumerate()
            .map(|(i, (name, _, m))| match i {
                0 => budget_row(name, m, true),
                1 => budget_row(&format!("其中：{name}"), m, false),
                _ => budget_row(name, m, false),
            })
            .collect(),
    };
    let mut rows = Vec::new();
    for (section, scheme_section) in card.sections.iter().zip(&a.scheme.sections) {
        if matches!(scheme_section.body, SectionBody::Execution { .. }) {
            continue;
        }
        for category in &section.categories {
            for item in &category.items {
                let (name, measure, note) = lookup(a, &item.path);
                let (target, actual) = measure.map_or(
                    (Cell::Text(String::new()), Cell::Text(String::new())),
                    values,
                );
                let reason = measure
                    .and_then(|m| m.override_score.as_ref())
                    .map(|o| o.reason.clone())
                    .or_else(|| {
                        measure
                            .filter(|m| m.rule == Rule::Manual)
                            .map(|m| m.reason.clone())
                    })
                    .unwrap_or_default();
                rows.push(SheetRow {
                    section: section.name.clone(),
                    category: category.name.clone(),
                    name: name.unwrap_or_else(|| item.name.clone()),
                    target,
                    actual,
                    points: item.points,
                    score: item.score,
                    note: [note, reason]
                        .into_iter()
                        .filter(|s| !s.trim().is_empty())
                        .collect::<Vec<_>>()
                        .join("；"),
                });
            }
        }
    }
    let cell = |label, value: &str| HeaderCell {
        label,
        value: value.trim().to_string(),
    };
    let header = match a.kind {
        Kind::Departmental => vec![[
            cell("部门名称", &a.department),
            cell("金额单位", a.unit.label()),
        ]],
        Kind::Project => vec![
            [
                cell("项目名称", &a.project_name),
                cell("金额单位", a.unit.label()),
            ],
            [
                cell("主管部门", &a.department),
                cell("实施单位", &a.implementer),
            ],
        ],
    };
    ScoreSheet {
        kind: a.kind,
        title: format!("{}年度{}绩效自评表", a.year_label(), a.kind.label()),
        header,
        department: a.department.trim().to_string(),
        year: a.year,
        unit: a.unit.label().into(),
        budget,
        goals: Goals {
            expected: lines(&a.objectives),
            achieved: lines(&a.key_tasks),
        },
        rows,
        total: card.total,
        max_total: card.max_total,
        grade: card.grade.label().into(),
        score_places: a
            .scheme
            .rounding
            .score_places
            .min(crate::scheme::MAX_PLACES),
    }
}

/// The runs of consecutive rows under one 一级, or under one 二级 within its 一级, as
/// (first, past-the-end) indices: what the printed forms merge and subtotal.
pub fn runs(rows: &[SheetRow], by_category: bool) -> Vec<(usize, usize)> {
    let key = |r: &SheetRow| {
        let category = if by_category { r.category.as_str() } else { "" };
        (r.section.clone(), category.to_string())
    };
    let mut out = Vec::new();
    let mut start = 0;
    while start < rows.len() {
        let first = key(&rows[start]);
        let end = rows[start..]
            .iter()
            .position(|r| key(r) != first)
            .map_or(rows.len(), |n| start + n);
        out.push((start, end));
        start = end;
    }
    out
}

/// Prose paragraphs one to a line, the blank ones left out.
fn lines(paragraphs: &[String]) -> String {
    paragraphs
        .iter()
        .map(|p| p.trim())
        .filter(|p| !p.is_empty())
        .collect::<Vec<_>>()
        .join("\n")
}

/// The decimals an amount prints with: as many as entered, and never fewer than 2.
pub fn amount_places(v: Decimal) -> u32 {
    v.scale().max(2)
}

/// The decimals a measured value prints with: as entered, and 2 once it has any, so a
/// count stays 400 and 3.5 (万元) reads 3.50.
pub fn measure_places(v: Decimal) -> u32 {
    match v.scale() {
        0 => 0,
        n => n.max(2),
    }
}

/// actual ÷ base, rounded to the 2 decimals of percent the sheet shows.
fn rate(actual: Option<Decimal>, base: Option<Decimal>, mode: RoundingMode) -> Option<Decimal> {
    figures::ratio(actual, base).map(|r| mode.round(r, 4))
}

/// The item's display name, measure and deviation note, from its path on the card.
fn lookup<'a>(a: &'a Assessment, path: &str) -> (Option<String>, Option<&'a Measure>, String) {
    match paths::row(path) {
        Some(Row::Indicator(n)) => match a.indicators.get(n) {
            Some(i) => {
                let name = if i.unit.trim().is_empty() {
                    i.name.clone()
                } else {
                    format!("{}（{}）", i.name, i.unit.trim())
                };
                (Some(name), Some(&i.measure), i.deviation_note.clone())
            }
            None => (None, None, String::new()),
        },
        Some(Row::Criterion(n)) => match a.criteria.get(n) {
            Some(c) => (Some(c.name.clone()), Some(&c.measure), String::new()),
            None => (None, None, String::new()),
        },
        None => (None, None, String::new()),
    }
}

/// 年度指标值 and 实际完成值 as the rule reads them.
fn values(m: &Measure) -> (Cell, Cell) {
    let number = |v: Option<Decimal>| v.map_or(Cell::Text(String::new()), Cell::Number);
    match &m.rule {
        Rule::Checklist
        | Rule::Deduction {
            basis: crate::scheme::DeductionBasis::FailedChecks,
            ..
        } => {
            let met = m.checks.iter().filter(|c| c.met).count();
            (
                Cell::Text(format!("{}项", m.checks.len())),
                Cell::Text(format!("满足{met}项")),
            )
        }
        Rule::Qualitative => (
            Cell::Text("达成".into()),
            Cell::Text(m.grade.map(|g| g.label().to_string()).unwrap_or_default()),
        ),
        Rule::Manual => (Cell::Text(String::new()), Cell::Text(String::new())),
        _ => (number(m.target), number(m.actual)),
    }
}

/// The sheet as CSV (RFC 4180, UTF-8 with a byte-order mark so Excel reads the Chinese).
/// Text that a spreadsheet would run as a formula is prefixed with an apostrophe.
pub fn csv(s: &ScoreSheet) -> String {
    let mut out = String::from("\u{feff}");
    let mut line = |cells: &[String]| csv_line(&mut out, cells);
    let opt = |v: Option<Decimal>| v.map_or_else(String::new, |v| Plain(v).to_string());
    let amount = |v: Option<Decimal>| v.map_or_else(String::new, num::fmt_amount);
    line(std::slice::from_ref(&s.title));
    for cells in &s.header {
        line(
            &cells
                .each_ref()
                .map(|c| [c.label.to_string(), text_cell(&c.value)])
                .concat(),
        );
    }
    line(&BUDGET_HEADER.map(String::from));
    for b in &s.budget {
        line(&[
            b.name.clone(),
            amount(b.initial),
            amount(b.adjusted),
            amount(b.actual),
            opt(b.points),
            b.rate
                .and_then(num::percent)
                .map_or_else(String::new, |p| format!("{}%", p.round_dp(2))),
            opt(b.score),
            text_cell(&b.note),
        ]);
    }
    line(&ROW_HEADER.map(String::from));
    for r in &s.rows {
        line(&[
            text_cell(&r.section),
            text_cell(&r.category),
            text_cell(&r.name),
            cell_text(&r.target),
            cell_text(&r.actual),
            Plain(r.points).to_string(),
            Plain(r.score).to_string(),
            text_cell(&r.note),
        ]);
    }
    line(&[
        "总分".into(),
        String::new(),
        String::new(),
        String::new(),
        String::new(),
        Plain(s.max_total).to_string(),
        Plain(s.total).to_string(),
        format!("等级：{}", s.grade),
    ]);
    out
}

fn cell_text(c: &Cell) -> String {
    match c {
        Cell::Number(v) => Plain(*v).to_string(),
        Cell::Text(t) => text_cell(t),
    }
}

/// User text for a spreadsheet cell: a leading = + - @ would start a formula, so it is
/// prefixed with an apostrophe; a negative number (-14677.60, -14677.60%) is a number,
/// not a formula, and is written as it is.
pub fn text_cell(t: &str) -> String {
    if t.starts_with(['=', '+', '-', '@', '\t', '\r']) && !negative_number(t) {
        format!("'{t}")
    } else {
        t.to_string()
    }
}

/// Whether a cell is a negative decimal, optionally a percentage: `-` then ASCII digits,
/// then optionally `.` and digits, then optionally `%`.
fn negative_number(t: &str) -> bool {
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    let Some(n) = t.strip_prefix('-') else {
        return false;
    };
    let n = n.strip_suffix('%').unwrap_or(n);
    match n.split_once('.') {
        Some((whole, fraction)) => digits(whole) && digits(fraction),
        None => digits(n),
    }
}

/// One CSV record: cells quoted where needed, joined by commas, ended by CRLF.
pub(crate) fn csv_line(out: &mut String, cells: &[String]) {
    let row: Vec<String> = cells.iter().map(|c| csv_cell(c)).collect();
    *out += &row.join(",");
    *out += "\r\n";
}

fn csv_cell(c: &str) -> String {
    if c.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", c.replace('"', "\"\""))
    } else {
        c.to_string()
    }
}
