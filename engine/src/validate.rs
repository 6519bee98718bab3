//! Validation (校验): every field and every relation between figures. Each finding has a
//! severity, a stable code, the paths of the fields involved and a message naming the
//! figures, e.g. 基本支出 554.28 + 项目支出 179.60 = 733.88，与决算数 733.80 不符.

use std::collections::BTreeMap;
use std::fmt;

use rust_decimal::Decimal;
use serde::Serialize;

use crate::figures;
use crate::model::{Amounts, Assessment, EconomicClass, Kind, Measure, Override};
use crate::num::{self, fmt_amount, fmt_pct, fmt_plain, parse_input, ParseError, RoundingMode};
use crate::paths::Field;
use crate::report::{self, EditState};
use crate::rules;
use crate::scheme::{Basis, DeductionBasis, Rule, Scheme, SectionBody, MAX_PLACES};
use crate::text;

/// Errors make the assessment wrong; warnings ask the user to look again.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Error,
    Warning,
}

/// One thing validation found.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Finding {
    pub severity: Severity,
    /// Stable across versions, for tests and tooling.
    pub code: &'static str,
    /// The fields involved, e.g. `finance.basic`.
    pub paths: Vec<String>,
    pub message: String,
}

/// Findings, collected in the order of the form.
#[derive(Default)]
struct Findings(Vec<Finding>);

impl Findings {
    fn error(&mut self, code: &'static str, paths: Vec<String>, message: String) {
        self.0.push(Finding {
            severity: Severity::Error,
            code,
            paths,
            message,
        });
    }

    fn warn(&mut self, code: &'static str, paths: Vec<String>, message: String) {
        self.0.push(Finding {
            severity: Severity::Warning,
            code,
            paths,
            message,
        });
    }
}

/// The largest amount or count the program accepts: 1 万亿 in any unit.
pub const LIMIT: Decimal = Decimal::from_parts(0xD4A5_1000, 0xE8, 0, false, 0);

/// Validates an assessment and the scheme it carries.
pub fn validate(a: &Assessment) -> Vec<Finding> {
    let mut f = Findings::default();
    scheme_into(&a.scheme, "scheme.", &mut f);
    basics(a, &mut f);
    match a.kind {
        Kind::Departmental => finance(a, &mut f),
        Kind::Project => funding(a, &mut f),
    }
    workload(a, &mut f);
    indicators(a, &mut f);
    criteria(a, &mut f);
    if let Some(o) = &a.execution_override {
        let points = a
            .scheme
            .execution()
            .map(|(s, _, _)| s.points)
            .unwrap_or_default();
        override_checks(
            o,
            points,
            &crate::score::EXECUTION_ITEM,
            &"execution_override",
            &mut f,
        );
    }
    report_edits(a, &mut f);
    report_sections(a, &mut f);
    f.0
}

/// 问题 and 措施 left empty: the report would print their headings bare.
fn report_sections(a: &Assessment, f: &mut Findings) {
    let sections = [
        (
            "PROBLEMS_EMPTY",
            "problems",
            3,
            report::PROBLEMS,
            &a.problems,
        ),
        (
            "MEASURES_EMPTY",
            "measures",
            4,
            report::MEASURES,
            &a.measures,
        ),
    ];
    for (code, path, n, title, paragraphs) in sections {
        if paragraphs.iter().all(|p| p.trim().is_empty()) {
            let heading = format!("{}{title}", report::number(1, n));
            f.warn(
                code,
                vec![path.into()],
                text::report_section_empty(&heading),
            );
        }
    }
}

/// The code of a figure whose typed text is not a number.
pub const NOT_A_NUMBER: &str = "NOT_A_NUMBER";

/// Validates an assessment together with the texts typed into its number fields (`typed`
/// maps a field path to its text). A text that is not a number is an error of its own, in
/// place of the field's "required" finding: the figure counts as blank, never as an earlier
/// value.
pub fn validate_typed(a: &Assessment, typed: &BTreeMap<String, String>) -> Vec<Finding> {
    let mut found = unparsed(a, typed);
    let mut rest = validate(a);
    typed_year(a, typed, &mut found, &mut rest);
    // 分值 left blank (a new row's) is a figure not filled in, not the 0 the model keeps; a
    // points sum with such a term waits for it.
    let blank = |p: &String| typed.get(p).is_some_and(|t| t.trim().is_empty());
    rest.retain(|f| !(f.code == "POINTS_SUM" && f.paths.iter().any(blank)));
    for f in &mut rest {
        if f.code == "POINTS_POSITIVE" && !f.paths.is_empty() && f.paths.iter().all(blank) {
            let label = f
                .paths
                .first()
                .and_then(|p| Field::parse(p))
                .map(|field| field.label(a))
                .unwrap_or_default();
            f.code = "REQUIRED";
            f.message = text::required(&label);
        }
    }
    if !found.is_empty() {
        rest.retain(|f| !(f.code == "REQUIRED" && found.iter().any(|u| u.paths == f.paths)));
    }
    found.append(&mut rest);
    found
}

/// One error per typed text that does not parse as a figure; 年度 as typed is `typed_year`'s.
fn unparsed(a: &Assessment, typed: &BTreeMap<String, String>) -> Vec<Finding> {
    typed
        .iter()
        .filter(|(path, _)| *path != YEAR)
        .filter_map(|(path, t)| {
            let why = match parse_input(t) {
                Ok(_) | Err(ParseError::Empty) => return None,
                Err(e) => e,
            };
            let label = Field::parse(path)
                .map(|f| f.label(a))
                .unwrap_or_else(|| path.clone());
            Some(Finding {
                severity: Severity::Error,
                code: NOT_A_NUMBER,
                paths: vec![path.clone()],
                message: text::unparsed(&label, t, &why),
            })
        })
        .collect()
}

/// The year field's path; the app keeps its text as typed, like a figure's.
const YEAR: &str = "year";

/// 年度 typed as something other than a year (`2O23`, `2023.5`, blank): one error that says
/// so, in place of the range check of the year it left behind.
fn typed_year(
    a: &Assessment,
    typed: &BTreeMap<String, String>,
    found: &mut Vec<Finding>,
    rest: &mut Vec<Finding>,
) {
    let Some(t) = typed.get(YEAR).filter(|t| t.trim().parse() != Ok(a.year)) else {
        return;
    };
    rest.retain(|f| f.code != "YEAR_RANGE");
    found.push(Finding {
        severity: Severity::Error,
        code: NOT_A_NUMBER,
        paths: vec![YEAR.into()],
        message: text::not_a_year(t),
    });
}

/// Reworded report paragraphs whose figures changed since: the report would print the old
/// wording. The report is written only when there is an edit to check.
fn report_edits(a: &Assessment, f: &mut Findings) {
    if a.report_edits.is_empty() {
        return;
    }
    let r = report::report(a);
    let excerpt = |t: &str| t.chars().take(16).collect::<String>();
    for p in report::paragraphs(&r).filter(|p| p.state == EditState::Stale) {
        f.warn(
            "report_stale",
            vec!["report".into()],
            text::report_stale(&excerpt(&p.text)),
        );
    }
    for (_, e) in report::orphans(a, &r) {
        f.warn(
            "report_orphan",
            vec!["report".into()],
            text::report_orphan(&excerpt(&e.text)),
        );
    }
}

/// Validates a scheme on its own, as a scheme file is checked on import.
pub fn validate_scheme(s: &Scheme) -> Vec<Finding> {
    let mut f = Findings::default();
    scheme_into(s, "", &mut f);
    f.0
}

/// Whether any finding is an error.
pub fn has_errors(findings: &[Finding]) -> bool {
    findings.iter().any(|f| f.severity == Severity::Error)
}

fn basics(a: &Assessment, f: &mut Findings) {
    let department = match a.kind {
        Kind::Departmental => "部门名称",
        Kind::Project => "主管部门",
    };
    if a.kind == Kind::Project && a.project_name.trim().is_empty() {
        f.error(
            "REQUIRED",
            vec!["project_name".into()],
            text::required("项目名称"),
        );
    }
    if a.department.trim().is_empty() {
        f.error(
            "REQUIRED",
            vec!["department".into()],
            text::required(department),
        );
    }
    if a.kind == Kind::Project {
        if let Some(i) = a
            .scheme
            .sections
            .iter()
            .position(|s| matches!(s.body, SectionBody::Management { .. }))
        {
            f.error(
                "SCHEME_KIND",
                vec![format!("scheme.sections[{i}]")],
                text::project_management(&a.scheme.sections[i].name),
            );
        }
    }
    if !(2000..=2100).contains(&a.year) {
        f.error("YEAR_RANGE", vec!["year".into()], text::year_range(a.year));
    }
}

/// Whether a typed figure is negative or absurdly large.
fn out_of_range(v: Decimal) -> bool {
    (v.is_sign_negative() && !v.is_zero()) || v.abs() > LIMIT
}

/// Checks a typed figure: not negative, not absurdly large.
fn figure(f: &mut Findings, path: String, label: &str, value: Option<Decimal>) {
    let Some(v) = value else { return };
    if v.is_sign_negative() && !v.is_zero() {
        f.error("NEGATIVE", vec![path], text::negative(label, &fmt_plain(v)));
    } else if v.abs() > LIMIT {
        f.error(
            "TOO_LARGE",
            vec![path],
            text::too_large(label, &fmt_plain(v)),
        );
    }
}

fn required(f: &mut Findings, path: String, label: &str, value: Option<Decimal>) {
    if value.is_none() {
        f.error("REQUIRED", vec![path], text::required(label));
    }
}

const AMOUNT_FIELDS: [(&str, &str); 4] = [
    ("initial", "年初预算数"),
    ("adjusted", "调整预算数"),
    ("actual", "决算数"),
    ("last_actual", "上年决算数"),
];

fn amounts(f: &mut Findings, prefix: &str, title: &str, a: &Amounts) {
    let values = [a.initial, a.adjusted, a.actual, a.last_actual];
    for ((key, label), v) in AMOUNT_FIELDS.iter().zip(values) {
        figure(f, format!("{prefix}.{key}"), &format!("{title}{label}"), v);
    }
    if a.actual.is_some() && a.last_actual.is_some_and(|l| l.is_zero()) {
        f.warn(
            "LAST_YEAR_ZERO",
            vec![format!("{prefix}.last_actual")],
            text::last_year_zero(title),
        );
    }
}

fn finance(a: &Assessment, f: &mut Findings) {
    let fin = &a.finance;
    let mode = a.scheme.rounding.mode;
    amounts(
        f,
        "finance.appropriation",
        "财政拨款收入",
        &fin.appropriation,
    );
    amounts(f, "finance.other_funds", "其他资金收入", &fin.other_funds);
    amounts(f, "finance.spending", "部门整体支出", &fin.spending);
    if fin.appropriation.actual.is_none() && fin.other_funds.actual.is_none() {
        f.error(
            "REQUIRED",
            vec!["finance.appropriation.actual".into()],
            text::required("收入决算数（财政拨款或其他资金）"),
        );
    }
    // 年初预算数 is required only where the execution rule divides by it; forms whose
    // rule divides by the adjusted budget often leave it blank.
    let initial_used = matches!(
        a.scheme.execution(),
        Some((_, crate::scheme::ExecutionBase::Initial, _))
    );
    for (key, label) in &AMOUNT_FIELDS[..3] {
        let v = match *key {
            "initial" if !initial_used => continue,
            "initial" => fin.spending.initial,
            "adjusted" => fin.spending.adjusted,
            _ => fin.spending.actual,
        };
        required(
            f,
            format!("finance.spending.{key}"),
            &format!("部门整体支出{label}"),
            v,
        );
    }
    figure(f, "finance.basic".into(), "基本支出", fin.basic);
    figure(f, "finance.project".into(), "项目支出", fin.project);
    required(f, "finance.basic".into(), "基本支出", fin.basic);
    required(f, "finance.project".into(), "项目支出", fin.project);
    for (i, (class, v)) in EconomicClass::ALL.iter().zip(&fin.economic).enumerate() {
        figure(f, format!("finance.economic[{i}]"), class.label(), *v);
    }

    let Some(actual) = fin.spending.actual else {
        return;
    };
    if let (Some(b), Some(p)) = (fin.basic, fin.project) {
        if num::add(b, p) != Some(actual) {
            f.error(
                "SPENDING_PARTS_SUM",
                vec![
                    "finance.basic".into(),
                    "finance.project".into(),
                    "finance.spending.actual".into(),
                ],
                text::parts_sum_mismatch(
                    &[("基本支出", fmt_amount(b)), ("项目支出", fmt_amount(p))],
                    &num::add(b, p).map(fmt_amount).unwrap_or_default(),
                    "决算数",
                    &fmt_amount(actual),
                ),
            );
        }
    }
    let rows: Vec<(String, String)> = EconomicClass::ALL
        .iter()
        .zip(&fin.economic)
        .filter_map(|(c, v)| {
            v.filter(|v| !v.is_zero())
                .map(|v| (c.label().to_string(), fmt_amount(v)))
        })
        .collect();
    let total = num::sum(fin.economic.iter().map(|v| v.unwrap_or_default()));
    if total != Some(actual) {
        let named: Vec<(&str, String)> =
            rows.iter().map(|(n, v)| (n.as_str(), v.clone())).collect();
        f.error(
            "ECONOMIC_SUM",
            (0..10)
                .map(|i| format!("finance.economic[{i}]"))
                .chain(["finance.spending.actual".to_string()])
                .collect(),
            text::parts_sum_mismatch(
                &named,
                &total.map(fmt_amount).unwrap_or_default(),
                "支出决算数",
                &fmt_amount(actual),
            ),
        );
    }
    execution(a, actual, mode, f);
}

/// The columns of the project form's funding block, by their key in field paths.
const FUNDING_COLUMNS: [(&str, &str); 3] = [
    ("initial", "年初预算数"),
    ("adjusted", "全年预算数"),
    ("actual", "全年执行数"),
];

/// The project form's funding block: each figure in range, 年度资金总额's budget and
/// execution entered, and in each column 总额 = 财政拨款 + 上年结转资金 + 其他资金.
fn funding(a: &Assessment, f: &mut Findings) {
    let fin = &a.finance;
    let rows = fin.funding();
    let column = |amounts: &Amounts, key: &str| match key {
        "initial" => amounts.initial,
        "adjusted" => amounts.adjusted,
        _ => amounts.actual,
    };
    for (name, line, amounts) in rows {
        for (key, label) in FUNDING_COLUMNS {
            let path = format!("finance.{line}.{key}");
            figure(f, path, &format!("{name}{label}"), column(amounts, key));
        }
    }
    let initial_used = matches!(
        a.scheme.execution(),
        Some((_, crate::scheme::ExecutionBase::Initial, _))
    );
    let (total_name, _, total) = rows[0];
    for (key, label) in FUNDING_COLUMNS {
        if key != "initial" || initial_used {
            required(
                f,
                format!("finance.spending.{key}"),
                &format!("{total_name}{label}"),
                column(total, key),
            );
        }
    }
    for (key, label) in FUNDING_COLUMNS {
        let parts: Vec<(&str, Decimal)> = rows[1..]
            .iter()
            .filter_map(|(name, _, amounts)| column(amounts, key).map(|v| (*name, v)))
            .collect();
        let Some(whole) = column(total, key) else {
            continue;
        };
        if parts.is_empty() {
            continue;
        }
        let sum = num::sum(parts.iter().map(|(_, v)| *v));
        if sum != Some(whole) {
            let named: Vec<(&str, String)> =
                parts.iter().map(|(n, v)| (*n, fmt_amount(*v))).collect();
            f.error(
                "FUNDING_SUM",
                rows.iter()
                    .map(|(_, line, _)| format!("finance.{line}.{key}"))
                    .collect(),
                text::parts_sum_mismatch(
                    &named,
                    &sum.map(fmt_amount).unwrap_or_default(),
                    &format!("{total_name}{label}"),
                    &fmt_amount(whole),
                ),
            );
        }
    }
    if let Some(actual) = total.actual {
        execution(a, actual, a.scheme.rounding.mode, f);
    }
}

fn execution(a: &Assessment, actual: Decimal, mode: RoundingMode, f: &mut Findings) {
    let Some((_, base, _)) = a.scheme.execution() else {
        return;
    };
    let labels = crate::score::execution_labels(base);
    let base_path = match base {
        crate::scheme::ExecutionBase::Adjusted => "finance.spending.adjusted",
        crate::scheme::ExecutionBase::Initial => "finance.spending.initial",
    };
    let Some(budget) = a.finance.spending.budget(base) else {
        return;
    };
    if budget.is_zero() {
        f.error(
            "BASE_ZERO",
            vec![base_path.into()],
            text::base_zero(labels.target),
        );
        return;
    }
    let Some(rate) = num::div(actual, budget) else {
        return;
    };
    let paths = vec!["finance.spending.actual".to_string(), base_path.to_string()];
    if rate > Decimal::ONE {
        f.warn(
            "EXECUTION_OVER",
            paths,
            text::execution_over(
                labels,
                &fmt_amount(actual),
                &fmt_amount(budget),
                &fmt_pct(rate, mode),
            ),
        );
    } else if rate < a.scheme.low_execution && a.finance.execution_note.trim().is_empty() {
        let required = a.scheme.execution_note_required;
        let message = text::execution_note(
            &fmt_pct(rate, mode),
            &fmt_pct(a.scheme.low_execution, mode),
            required,
        );
        let paths = vec!["finance.execution_note".into()];
        if required {
            f.error("EXECUTION_NOTE", paths, message);
        } else {
            f.warn("EXECUTION_NOTE", paths, message);
        }
    }
}

fn workload(a: &Assessment, f: &mut Findings) {
    let derived = figures::derive(a);
    for (i, (t, d)) in a.workload.iter().zip(&derived.workload).enumerate() {
        let at = |k: &str| format!("workload[{i}].{k}");
        let name = if t.name.trim().is_empty() {
            f.error("REQUIRED", vec![at("name")], text::required("工作量名称"));
            format!("第 {} 项工作量", i + 1)
        } else {
            t.name.clone()
        };
        required(f, at("value"), &name, t.value);
        figure(f, at("value"), &name, t.value);
        figure(f, at("last_year"), &format!("{name}上年数"), t.last_year);
        figure(f, at("done"), &format!("{name}已完成数"), t.done);
        if t.value.is_some() && t.last_year.is_some_and(|l| l.is_zero()) {
            f.warn(
                "LAST_YEAR_ZERO",
                vec![at("last_year")],
                text::last_year_zero(&name),
            );
        }
        let Some(value) = t.value else { continue };
        if let Some(done) = t.done {
            if done > value {
                f.error(
                    "DONE_EXCEEDS",
                    vec![at("done"), at("value")],
                    text::done_exceeds(&name, &fmt_plain(done), &fmt_plain(value)),
                );
            }
        }
        for (j, (b, bd)) in t.breakdowns.iter().zip(&d.breakdowns).enumerate() {
            let paths: Vec<String> = (0..b.parts.len())
                .map(|k| format!("workload[{i}].breakdowns[{j}].parts[{k}].value"))
                .chain([at("value")])
                .collect();
            for (k, p) in b.parts.iter().enumerate() {
                figure(
                    f,
                    format!("workload[{i}].breakdowns[{j}].parts[{k}].value"),
                    &p.name,
                    p.value,
                );
            }
            if b.complete && bd.sum != value {
                let named: Vec<(&str, String)> = b
                    .parts
                    .iter()
                    .map(|p| (p.name.as_str(), fmt_plain(p.value.unwrap_or_default())))
                    .collect();
                f.error(
                    "WORKLOAD_PARTS_SUM",
                    paths,
                    text::parts_sum_mismatch(&named, &fmt_plain(bd.sum), &name, &fmt_plain(value)),
                );
            } else if !b.complete && bd.sum > value {
                f.error(
                    "WORKLOAD_PARTS_EXCEED",
                    paths,
                    text::parts_exceed(&b.title, &fmt_plain(bd.sum), &name, &fmt_plain(value)),
                );
            }
        }
    }
}

fn indicators(a: &Assessment, f: &mut Findings) {
    let s = &a.scheme;
    for (i, ind) in a.indicators.iter().enumerate() {
        let at = Path("indicators", i);
        let name = Named(&ind.name, "指标", i);
        name.required(&at, f);
        points_positive(ind.points, &name, &at, f);
        if s.category_of(ind.kind).is_none() {
            f.error(
                "KIND_UNMAPPED",
                vec![format!("{at}.kind")],
                text::kind_unmapped(&name.to_string(), ind.kind.label(), &s.name),
            );
        }
        measure(a, &ind.measure, ind.points, &name, &ind.unit, &at, f);
        // The score that counts: an override below full marks is a shortfall as well.
        let scored = rules::evaluate_with(
            &ind.measure,
            ind.points,
            s.rounding,
            rules::ITEM_LABELS,
            false,
        )
        .score;
        // An indicator not yet measured asks for its figure (REQUIRED), not for a reason.
        if scored < ind.points && ind.deviation_note.trim().is_empty() && measured(&ind.measure) {
            f.error(
                "DEVIATION_NOTE",
                vec![format!("{at}.deviation_note")],
                text::deviation_note(
                    &name.to_string(),
                    &scored.to_string(),
                    &fmt_plain(ind.points),
                ),
            );
        }
    }
    for (si, section) in s.sections.iter().enumerate() {
        let SectionBody::Indicators { categories } = &section.body else {
            continue;
        };
        let sp = format!("scheme.sections[{si}]");
        let mut all_fixed = true;
        for (j, c) in categories.iter().enumerate() {
            let members: Vec<usize> = (0..a.indicators.len())
                .filter(|&i| c.kinds.contains(&a.indicators[i].kind))
                .collect();
            match c.points {
                Some(p) => points_sum(
                    a,
                    &members,
                    p,
                    &format!("{}·{}", section.name, c.name),
                    &format!("{sp}.body.categories[{j}].points"),
                    f,
                ),
                None => all_fixed = false,
            }
        }
        if !all_fixed {
            let members: Vec<usize> = (0..a.indicators.len())
                .filter(|&i| {
                    s.category_of(a.indicators[i].kind)
                        .is_some_and(|(x, _)| x == si)
                })
                .collect();
            points_sum(
                a,
                &members,
                section.points,
                &section.name,
                &format!("{sp}.points"),
                f,
            );
        }
    }
}

/// Whether a measure has what its rule scores from, or a score set by hand over it.
fn measured(m: &Measure) -> bool {
    let entered = match m.rule {
        Rule::Qualitative | Rule::Manual => m.entered_score.is_some(),
        _ => true,
    };
    m.override_score.is_some() || (entered && (!m.rule.needs_actual() || m.actual.is_some()))
}

/// Indicator points in a group must add up to the group's points. The finding names the
/// members' points, or the group's own in the scheme (`group_path`) where it has none.
fn points_sum(
    a: &Assessment,
    members: &[usize],
    points: Decimal,
    group: &str,
    group_path: &str,
    f: &mut Findings,
) {
    let values: Vec<Decimal> = members.iter().map(|&i| a.indicators[i].points).collect();
    let sum = num::sum(values.iter().copied());
    if sum != Some(points) {
        let terms: Vec<String> = values.iter().map(|v| fmt_plain(*v)).collect();
        f.error(
            "POINTS_SUM",
            member_paths("indicators", members, group_path),
            text::points_sum(
                group,
                &terms,
                &sum.map(fmt_plain).unwrap_or_default(),
                &fmt_plain(points),
            ),
        );
    }
}

fn criteria(a: &Assessment, f: &mut Findings) {
    let s = &a.scheme;
    for (i, c) in a.criteria.iter().enumerate() {
        let at = Path("criteria", i);
        let name = Named(&c.name, "管理效率细则", i);
        name.required(&at, f);
        points_positive(c.points, &name, &at, f);
        if s.aspect(c.aspect).is_none() {
            f.error(
                "ASPECT_UNMAPPED",
                vec![format!("{at}.aspect")],
                text::aspect_unmapped(&name.to_string(), c.aspect.label(), &s.name),
            );
        }
        measure(a, &c.measure, c.points, &name, "", &at, f);
    }
    for (si, section) in s.sections.iter().enumerate() {
        let SectionBody::Management { aspects } = &section.body else {
            continue;
        };
        for (j, spec) in aspects.iter().enumerate() {
            let members: Vec<usize> = (0..a.criteria.len())
                .filter(|&i| a.criteria[i].aspect == spec.aspect)
                .collect();
            let values: Vec<Decimal> = members.iter().map(|&i| a.criteria[i].points).collect();
            let sum = num::sum(values.iter().copied());
            if sum != Some(spec.points) {
                let terms: Vec<String> = values.iter().map(|v| fmt_plain(*v)).collect();
                f.error(
                    "POINTS_SUM",
                    member_paths(
                        "criteria",
                        &members,
                        &format!("scheme.sections[{si}].body.aspects[{j}].points"),
                    ),
                    text::points_sum(
                        &format!("{}·{}", section.name, spec.aspect.label()),
                        &terms,
                        &sum.map(fmt_plain).unwrap_or_default(),
                        &fmt_plain(spec.points),
                    ),
                );
            }
        }
    }
}

/// The points' paths of a group's members (`indicators[3].points`), or the group's own
/// points in the scheme where it has no member, so a finding always has a field to show.
fn member_paths(list: &str, members: &[usize], group_path: &str) -> Vec<String> {
    if members.is_empty() {
        vec![group_path.to_string()]
    } else {
        members
            .iter()
            .map(|i| format!("{list}[{i}].points"))
            .collect()
    }
}

/// An item's field path, e.g. `indicators[3]`, written only when a finding needs it.
struct Path(&'static str, usize);

impl fmt::Display for Path {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}[{}]", self.0, self.1)
    }
}

/// An item as messages name it: 「name」, or 第 n 个指标 while it has no name.
struct Named<'a>(&'a str, &'static str, usize);

impl Named<'_> {
    fn required(&self, at: &Path, f: &mut Findings) {
        if self.0.trim().is_empty() {
            f.error(
                "REQUIRED",
                vec![format!("{at}.name")],
                text::required(&format!("{self}的名称")),
            );
        }
    }
}

impl fmt::Display for Named<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Named(name, what, i) if name.trim().is_empty() => write!(f, "第 {} 个{what}", i + 1),
            Named(name, ..) => write!(f, "「{name}」"),
        }
    }
}

fn points_positive(
    points: Decimal,
    name: &dyn fmt::Display,
    at: &dyn fmt::Display,
    f: &mut Findings,
) {
    let path = || vec![format!("{at}.points")];
    if points <= Decimal::ZERO {
        f.error(
            "POINTS_POSITIVE",
            path(),
            text::points_positive(&name.to_string(), &fmt_plain(points)),
        );
    } else if points.abs() > LIMIT || points.normalize().scale() > 2 {
        f.error(
            "POINTS_FORMAT",
            path(),
            text::points_format(&name.to_string(), &fmt_plain(points)),
        );
    }
}

/// The checks every scored measure gets, whatever it belongs to.
fn measure(
    a: &Assessment,
    m: &Measure,
    points: Decimal,
    name: &Named,
    unit: &str,
    at: &Path,
    f: &mut Findings,
) {
    let mode = a.scheme.rounding.mode;
    let p = |k: &str| format!("{at}.measure.{k}");
    rule_params(&m.rule, points, &name.to_string(), || p("rule"), f);
    let figures = [
        ("target", "目标值", m.target, m.rule.needs_target()),
        ("actual", "实际值", m.actual, m.rule.needs_actual()),
    ];
    // Paths and labels are written only for a finding: a large assessment has thousands.
    for (key, label, value, needed) in figures {
        if needed && value.is_none() {
            required(f, p(key), &format!("{name}的{label}"), value);
        }
        if value.is_some_and(out_of_range) {
            figure(f, p(key), &format!("{name}的{label}"), value);
        }
    }
    if unit.trim() == "%" {
        for (key, label, v) in [
            ("target", "目标值", m.target),
            ("actual", "实际值", m.actual),
        ] {
            if v.is_some_and(|v| v > Decimal::ONE_HUNDRED) {
                f.warn(
                    "RATE_RANGE",
                    vec![p(key)],
                    text::rate_range(&name.to_string(), label, &fmt_plain(v.unwrap_or_default())),
                );
            }
        }
    }
    if let (Rule::AtLeast, Some(t), Some(a_)) = (&m.rule, m.target, m.actual) {
        if t.is_zero() {
            f.warn(
                "ZERO_TARGET",
                vec![p("target")],
                text::zero_target(&name.to_string()),
            );
        } else if let Some(r) = num::div(a_, t).filter(|r| *r >= a.scheme.over_achievement) {
            f.warn(
                "OVER_ACHIEVEMENT",
                vec![p("actual"), p("target")],
                text::over_achievement(
                    &name.to_string(),
                    &fmt_plain(a_),
                    &fmt_plain(t),
                    &fmt_pct(r, mode),
                ),
            );
        }
    }
    match &m.rule {
        Rule::Qualitative => match (m.grade, m.entered_score) {
            (None, _) => f.error(
                "REQUIRED",
                vec![p("grade")],
                text::required(&format!("{name}的定性评价等级")),
            ),
            (_, None) => f.error(
                "REQUIRED",
                vec![p("entered_score")],
                text::required(&format!("{name}的评分")),
            ),
            (Some(g), Some(s)) => {
                let (lo, hi) = rules::qualitative_band(g, points, a.scheme.rounding);
                if s < lo || s > hi {
                    f.error(
                        "QUALITATIVE_RANGE",
                        vec![p("entered_score"), p("grade")],
                        text::qualitative_range(
                            &name.to_string(),
                            g.label(),
                            &lo.to_string(),
                            &hi.to_string(),
                            &fmt_plain(s),
                        ),
                    );
                }
            }
        },
        Rule::Manual => {
            match m.entered_score {
                None => f.error(
                    "REQUIRED",
                    vec![p("entered_score")],
                    text::required(&format!("{name}的评分")),
                ),
                Some(s) if s < Decimal::ZERO || s > points => f.error(
                    "SCORE_RANGE",
                    vec![p("entered_score")],
                    text::score_range(&name.to_string(), &fmt_plain(s), &fmt_plain(points)),
                ),
                Some(_) => {}
            }
            if m.reason.trim().is_empty() {
                f.error(
                    "MANUAL_REASON",
                    vec![p("reason")],
                    text::manual_reason(&name.to_string()),
                );
            }
        }
        Rule::Checklist
        | Rule::Deduction {
            basis: DeductionBasis::FailedChecks,
            ..
        } if m.checks.is_empty() => {
            f.error(
                "CHECKS_EMPTY",
                vec![p("checks")],
                text::checks_empty(&name.to_string()),
            );
        }
        _ => {}
    }
    if let Some(o) = &m.override_score {
        override_checks(o, points, name, &format!("{at}.measure.override"), f);
    }
}

fn override_checks(
    o: &Override,
    points: Decimal,
    name: &dyn fmt::Display,
    at: &dyn fmt::Display,
    f: &mut Findings,
) {
    if o.score < Decimal::ZERO || o.score > points {
        f.error(
            "SCORE_RANGE",
            vec![format!("{at}.score")],
            text::score_range(&name.to_string(), &fmt_plain(o.score), &fmt_plain(points)),
        );
    }
    if o.reason.trim().is_empty() {
        f.error(
            "OVERRIDE_REASON",
            vec![format!("{at}.reason")],
            text::override_reason(&name.to_string(), &fmt_plain(o.score)),
        );
    }
}

/// A rule's own parameters: bands ordered and within the points, deductions positive.
fn rule_params(
    rule: &Rule,
    points: Decimal,
    name: &str,
    path: impl Fn() -> String,
    f: &mut Findings,
) {
    match rule {
        Rule::Bands { bands, .. } => {
            if bands.is_empty() {
                f.error("BANDS_EMPTY", vec![path()], text::bands_empty(name));
            }
            let descending = bands
                .windows(2)
                .all(|w| w[0].min > w[1].min && w[0].points >= w[1].points);
            if !descending {
                f.error("BANDS_ORDER", vec![path()], text::bands_order(name));
            }
            if bands
                .iter()
                .any(|b| b.points < Decimal::ZERO || b.points > points)
            {
                f.error(
                    "BANDS_POINTS",
                    vec![path()],
                    text::bands_points(name, &fmt_plain(points)),
                );
            }
        }
        Rule::Deduction { per, step, .. } if *per <= Decimal::ZERO || *step <= Decimal::ZERO => {
            f.error(
                "DEDUCTION_PARAMS",
                vec![path()],
                text::deduction_params(name, &fmt_plain(*per), &fmt_plain(*step)),
            );
        }
        _ => {}
    }
}

fn scheme_into(s: &Scheme, prefix: &str, f: &mut Findings) {
    let at = |k: &str| format!("{prefix}{k}");
    if s.name.trim().is_empty() {
        f.error("REQUIRED", vec![at("name")], text::required("评分标准名称"));
    }
    let places = [
        (
            "rounding.rate_places",
            "比率先舍入时保留的百分比小数位数",
            s.rounding.rate_places,
        ),
        (
            "rounding.score_places",
            "各项得分保留的小数位数",
            s.rounding.score_places,
        ),
    ];
    for (key, label, value) in places {
        if value > MAX_PLACES {
            f.error(
                "SCHEME_PLACES",
                vec![at(key)],
                text::places_range(label, &at(key), value, MAX_PLACES),
            );
        }
    }
    let total = num::sum(s.sections.iter().map(|x| x.points));
    if total != Some(Decimal::ONE_HUNDRED) {
        let terms: Vec<String> = s.sections.iter().map(|x| fmt_plain(x.points)).collect();
        f.error(
            "SCHEME_TOTAL",
            (0..s.sections.len())
                .map(|i| at(&format!("sections[{i}].points")))
                .collect(),
            text::scheme_total(&terms, &total.map(fmt_plain).unwrap_or_default()),
        );
    }
    let executions = s
        .sections
        .iter()
        .filter(|x| matches!(x.body, SectionBody::Execution { .. }))
        .count();
    if executions > 1 {
        f.error(
            "SCHEME_EXECUTION_TWICE",
            vec![at("sections")],
            text::scheme_execution_twice(),
        );
    }
    let mut kinds_seen = Vec::new();
    let mut aspects_seen = Vec::new();
    for (i, sec) in s.sections.iter().enumerate() {
        let sp = at(&format!("sections[{i}]"));
        if sec.name.trim().is_empty() {
            f.error(
                "REQUIRED",
                vec![format!("{sp}.name")],
                text::required(&format!("第 {} 个一级指标的名称", i + 1)),
            );
        }
        // A section may be dropped to 0 points (a project scheme without 满意度).
        if !sec.points.is_zero() {
            points_positive(sec.points, &format!("一级指标「{}」", sec.name), &sp, f);
        }
        match &sec.body {
            SectionBody::Execution { rule, .. } => {
                let allowed = matches!(
                    rule,
                    Rule::AtLeast
                        | Rule::Deduction {
                            basis: DeductionBasis::CompletionShortfall,
                            ..
                        }
                        | Rule::Bands {
                            basis: Basis::Completion,
                            ..
                        }
                );
                if !allowed {
                    f.error(
                        "SCHEME_EXECUTION_RULE",
                        vec![format!("{sp}.body.rule")],
                        text::scheme_execution_rule(),
                    );
                }
                rule_params(rule, sec.points, &sec.name, || format!("{sp}.body.rule"), f);
            }
            SectionBody::Indicators { categories } => {
                // Points with no kind of indicator to earn them: the total cannot be reached.
                if sec.points > Decimal::ZERO && categories.iter().all(|c| c.kinds.is_empty()) {
                    f.error(
                        "SCHEME_SECTION_EMPTY",
                        vec![format!("{sp}.points")],
                        text::section_empty(&sec.name, &fmt_plain(sec.points)),
                    );
                }
                for (j, c) in categories.iter().enumerate() {
                    if c.name.trim().is_empty() {
                        f.error(
                            "REQUIRED",
                            vec![format!("{sp}.body.categories[{j}].name")],
                            text::required(&format!(
                                "一级指标「{}」第 {} 个二级指标的名称",
                                sec.name,
                                j + 1
                            )),
                        );
                    }
                    for k in &c.kinds {
                        if kinds_seen.contains(k) {
                            f.error(
                                "SCHEME_KIND_TWICE",
                                vec![format!("{sp}.body.categories[{j}].kinds")],
                                text::scheme_kind_twice(k.label()),
                            );
                        }
                        kinds_seen.push(*k);
                    }
                }
                let fixed: Option<Vec<Decimal>> = categories.iter().map(|c| c.points).collect();
                if let Some(values) = fixed.filter(|v| !v.is_empty()) {
                    let sum = num::sum(values.iter().copied());
                    if sum != Some(sec.points) {
                        let terms: Vec<String> = values.iter().map(|v| fmt_plain(*v)).collect();
                        f.error(
                            "SCHEME_POINTS_SUM",
                            vec![format!("{sp}.points")],
                            text::points_sum(
                                &sec.name,
                                &terms,
                                &sum.map(fmt_plain).unwrap_or_default(),
                                &fmt_plain(sec.points),
                            ),
                        );
                    }
                }
            }
            SectionBody::Management { aspects } => {
                for (j, spec) in aspects.iter().enumerate() {
                    let ap = format!("{sp}.body.aspects[{j}]");
                    if aspects_seen.contains(&spec.aspect) {
                        f.error(
                            "SCHEME_ASPECT_TWICE",
                            vec![ap.clone()],
                            text::scheme_aspect_twice(spec.aspect.label()),
                        );
                    }
                    aspects_seen.push(spec.aspect);
                    for (k, t) in spec.criteria.iter().enumerate() {
                        rule_params(
                            &t.rule,
                            t.points,
                            &t.name,
                            || format!("{ap}.criteria[{k}].rule"),
                            f,
                        );
                    }
                    let sum = num::sum(spec.criteria.iter().map(|t| t.points));
                    if !spec.criteria.is_empty() && sum != Some(spec.points) {
                        let terms: Vec<String> =
                            spec.criteria.iter().map(|t| fmt_plain(t.points)).collect();
                        f.error(
                            "SCHEME_POINTS_SUM",
                            vec![format!("{ap}.points")],
                            text::points_sum(
                                spec.aspect.label(),
                                &terms,
                                &sum.map(fmt_plain).unwrap_or_default(),
                                &fmt_plain(spec.points),
                            ),
                        );
                    }
                }
                let sum = num::sum(aspects.iter().map(|x| x.points));
                if sum != Some(sec.points) {
                    let terms: Vec<String> = aspects.iter().map(|x| fmt_plain(x.points)).collect();
                    f.error(
                        "SCHEME_POINTS_SUM",
                        vec![format!("{sp}.points")],
                        text::points_sum(
                            &sec.name,
                            &terms,
                            &sum.map(fmt_plain).unwrap_or_default(),
                            &fmt_plain(sec.points),
                        ),
                    );
                }
            }
        }
    }
    let ordered = s.grades.windows(2).all(|w| w[0].min > w[1].min);
    let in_range = s
        .grades
        .iter()
        .all(|g| g.min >= Decimal::ZERO && g.min <= Decimal::ONE_HUNDRED);
    if s.grades.is_empty() || !ordered || !in_range {
        f.error("SCHEME_GRADES", vec![at("grades")], text::scheme_grades());
    }
    if s.over_achievement < Decimal::ONE {
        f.error(
            "SCHEME_THRESHOLD",
            vec![at("over_achievement")],
            text::scheme_over_achievement(&fmt_plain(s.over_achievement)),
        );
    }
    if s.low_execution < Decimal::ZERO || s.low_execution > Decimal::ONE {
        f.error(
            "SCHEME_THRESHOLD",
            vec![at("low_execution")],
            text::scheme_low_execution(&fmt_plain(s.low_execution)),
        );
    }
}
