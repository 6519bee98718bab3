//! Field paths (字段路径): every typed figure of an assessment by the path validation
//! findings use, e.g. `finance.spending.actual` or `indicators[2].measure.target`, so
//! the app, what-if scoring and the CLI read and write figures one way.

use rust_decimal::Decimal;

use crate::model::{Amounts, Assessment, EconomicClass, Finance, Kind, Measure, Override, Tally};
use crate::scheme::{Rule, SectionBody};

/// The path of the execution block's override score.
pub const EXECUTION_OVERRIDE: &str = "execution_override.score";

/// Why a path names no figure.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnknownPath(pub String);

impl std::fmt::Display for UnknownPath {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "没有字段路径为 {} 的数值", self.0)
    }
}

/// The figure at `path`: `Ok(None)` for an empty field.
pub fn get(a: &Assessment, path: &str) -> Result<Option<Decimal>, UnknownPath> {
    Field::parse(path)
        .and_then(|f| f.get(a))
        .ok_or_else(|| UnknownPath(path.into()))
}

/// Sets the figure at `path`; `None` empties it (a points field becomes 0).
pub fn set(a: &mut Assessment, path: &str, value: Option<Decimal>) -> Result<(), UnknownPath> {
    Field::parse(path)
        .and_then(|f| f.set(a, value))
        .ok_or_else(|| UnknownPath(path.into()))
}

/// Every typed figure's path in an assessment, in the order of the form.
pub fn all(a: &Assessment) -> Vec<String> {
    let mut out = Vec::new();
    if a.kind == Kind::Project {
        for (_, line, _) in a.finance.funding() {
            for fig in ["initial", "adjusted", "actual"] {
                out.push(format!("finance.{line}.{fig}"));
            }
        }
    } else {
        for line in ["appropriation", "other_funds", "spending"] {
            for fig in ["initial", "adjusted", "actual", "last_actual"] {
                out.push(format!("finance.{line}.{fig}"));
            }
        }
        out.extend(["finance.basic".to_string(), "finance.project".to_string()]);
        out.extend((0..10).map(|i| format!("finance.economic[{i}]")));
    }
    for (i, t) in a.workload.iter().enumerate() {
        out.extend(["value", "last_year", "done"].map(|k| format!("workload[{i}].{k}")));
        for (j, b) in t.breakdowns.iter().enumerate() {
            out.extend(
                (0..b.parts.len())
                    .map(|k| format!("workload[{i}].breakdowns[{j}].parts[{k}].value")),
            );
        }
    }
    let item = |kind: &str, i: usize| {
        [
            "points",
            "measure.target",
            "measure.actual",
            "measure.entered_score",
            "measure.override.score",
        ]
        .map(|k| format!("{kind}[{i}].{k}"))
    };
    for i in 0..a.indicators.len() {
        out.extend(item("indicators", i));
    }
    for i in 0..a.criteria.len() {
        out.extend(item("criteria", i));
    }
    out.push(EXECUTION_OVERRIDE.to_string());
    out
}

/// Where a figure lives, parsed once from its path.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    Amount(Line, Figure),
    Basic,
    Project,
    Economic(usize),
    Tally(usize, Count),
    Part {
        tally: usize,
        breakdown: usize,
        part: usize,
    },
    Indicator(usize, Input),
    Criterion(usize, Input),
    ExecutionOverride,
}

/// 财政拨款, 其他资金, 上年结转资金 (a project's) or 部门整体支出.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Line {
    Appropriation,
    OtherFunds,
    Carryover,
    Spending,
}

/// The four figures of a budget line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Figure {
    Initial,
    Adjusted,
    Actual,
    LastActual,
}

/// The counts of a workload tally.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Count {
    Value,
    LastYear,
    Done,
}

/// The figures of a scored item.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Input {
    Points,
    Target,
    Actual,
    EnteredScore,
    Override,
}

impl Field {
    /// Parses a path as findings write it.
    pub fn parse(path: &str) -> Option<Field> {
        let steps: Vec<Step> = path.split('.').map(Step::parse).collect::<Option<_>>()?;
        Some(match steps.as_slice() {
            [Step::Field("finance"), Step::Field("basic")] => Field::Basic,
            [Step::Field("finance"), Step::Field("project")] => Field::Project,
            [Step::Field("finance"), Step::Index("economic", i)] if *i < 10 => Field::Economic(*i),
            [Step::Field("finance"), Step::Field(line), Step::Field(figure)] => {
                let line = match *line {
                    "appropriation" => Line::Appropriation,
                    "other_funds" => Line::OtherFunds,
                    "carryover" => Line::Carryover,
                    "spending" => Line::Spending,
                    _ => return None,
                };
                let figure = match *figure {
                    "initial" => Figure::Initial,
                    "adjusted" => Figure::Adjusted,
                    "actual" => Figure::Actual,
                    "last_actual" => Figure::LastActual,
                    _ => return None,
                };
                Field::Amount(line, figure)
            }
            [Step::Index("workload", i), Step::Field(count)] => Field::Tally(
                *i,
                match *count {
                    "value" => Count::Value,
                    "last_year" => Count::LastYear,
                    "done" => Count::Done,
                    _ => return None,
                },
            ),
            [Step::Index("workload", i), Step::Index("breakdowns", j), Step::Index("parts", k), Step::Field("value")] => {
                Field::Part {
                    tally: *i,
                    breakdown: *j,
                    part: *k,
                }
            }
            [Step::Index("indicators", i), rest @ ..] => Field::Indicator(*i, Input::parse(rest)?),
            [Step::Index("criteria", i), rest @ ..] => Field::Criterion(*i, Input::parse(rest)?),
            [Step::Field("execution_override"), Step::Field("score")] => Field::ExecutionOverride,
            _ => return None,
        })
    }

    /// The figure, or `None` when the row it names does not exist.
    pub fn get(self, a: &Assessment) -> Option<Option<Decimal>> {
        let f = &a.finance;
        Some(match self {
            Field::Amount(line, figure) => *figure.of(line.of(f)),
            Field::Basic => f.basic,
            Field::Project => f.project,
            Field::Economic(i) => *f.economic.get(i)?,
            Field::Tally(i, count) => *count.of(a.workload.get(i)?),
            Field::Part {
                tally,
                breakdown,
                part,
            } => {
                a.workload
                    .get(tally)?
                    .breakdowns
                    .get(breakdown)?
                    .parts
                    .get(part)?
                    .value
            }
            Field::Indicator(i, input) => {
                input.of(a.indicators.get(i).map(|x| (x.points, &x.measure))?)
            }
            Field::Criterion(i, input) => {
                input.of(a.criteria.get(i).map(|x| (x.points, &x.measure))?)
            }
            Field::ExecutionOverride => a.execution_override.as_ref().map(|o| o.score),
        })
    }

    /// Sets the figure; `None` when the row it names does not exist.
    pub fn set(self, a: &mut Assessment, value: Option<Decimal>) -> Option<()> {
        let f = &mut a.finance;
        let slot: &mut Option<Decimal> = match self {
            Field::Amount(line, figure) => figure.of_mut(line.of_mut(f)),
            Field::Basic => &mut f.basic,
            Field::Project => &mut f.project,
            Field::Economic(i) => f.economic.get_mut(i)?,
            Field::Tally(i, count) => count.of_mut(a.workload.get_mut(i)?),
            Field::Part {
                tally,
                breakdown,
                part,
            } => {
                &mut a
                    .workload
                    .get_mut(tally)?
                    .breakdowns
                    .get_mut(breakdown)?
                    .parts
                    .get_mut(part)?
                    .value
            }
            Field::Indicator(i, input) => {
                let x = a.indicators.get_mut(i)?;
                return input.set(&mut x.points, &mut x.measure, value);
            }
            Field::Criterion(i, input) => {
                let x = a.criteria.get_mut(i)?;
                return input.set(&mut x.points, &mut x.measure, value);
            }
            Field::ExecutionOverride => {
                match value {
                    Some(score) => {
                        a.execution_override
                            .get_or_insert_with(Override::default)
                            .score = score
                    }
                    None => a.execution_override = None,
                }
                return Some(());
            }
        };
        *slot = value;
        Some(())
    }
}

impl Field {
    /// The figure's name as messages write it, e.g. 部门整体支出决算数.
    pub fn label(self, a: &Assessment) -> String {
        let named = |name: Option<&String>, what: &str| {
            format!("「{}」的{what}", name.map(String::as_str).unwrap_or(""))
        };
        match self {
            Field::Amount(line, figure) if a.kind == Kind::Project => {
                format!("{}{}", line.project_label(), figure.project_label())
            }
            Field::Amount(line, figure) => format!("{}{}", line.label(), figure.label()),
            Field::Basic => "基本支出".into(),
            Field::Project => "项目支出".into(),
            Field::Economic(i) => EconomicClass::ALL
                .get(i)
                .map(|c| c.label())
                .unwrap_or("")
                .into(),
            Field::Tally(i, count) => named(a.workload.get(i).map(|t| &t.name), count.label()),
            Field::Part {
                tally,
                breakdown,
                part,
            } => {
                let p = a
                    .workload
                    .get(tally)
                    .and_then(|t| t.breakdowns.get(breakdown))
                    .and_then(|b| b.parts.get(part));
                named(p.map(|p| &p.name), "数值")
            }
            Field::Indicator(i, input) => {
                named(a.indicators.get(i).map(|x| &x.name), input.label())
            }
            Field::Criterion(i, input) => named(a.criteria.get(i).map(|x| &x.name), input.label()),
            Field::ExecutionOverride => "预算执行率人工调整得分".into(),
        }
    }
}

impl Line {
    fn label(self) -> &'static str {
        match self {
            Line::Appropriation => "财政拨款收入",
            Line::OtherFunds => "其他资金收入",
            Line::Carryover => "上年结转资金",
            Line::Spending => "部门整体支出",
        }
    }

    /// The row's name on the project form's funding block.
    fn project_label(self) -> &'static str {
        match self {
            Line::Appropriation => "财政拨款",
            Line::OtherFunds => "其他资金",
            Line::Carryover => "上年结转资金",
            Line::Spending => "年度资金总额",
        }
    }

    fn of(self, f: &Finance) -> &Amounts {
        match self {
            Line::Appropriation => &f.appropriation,
            Line::OtherFunds => &f.other_funds,
            Line::Carryover => &f.carryover,
            Line::Spending => &f.spending,
        }
    }

    fn of_mut(self, f: &mut Finance) -> &mut Amounts {
        match self {
            Line::Appropriation => &mut f.appropriation,
            Line::OtherFunds => &mut f.other_funds,
            Line::Carryover => &mut f.carryover,
            Line::Spending => &mut f.spending,
        }
    }
}

impl Figure {
    fn label(self) -> &'static str {
        match self {
            Figure::Initial => "年初预算数",
            Figure::Adjusted => "调整预算数",
            Figure::Actual => "决算数",
            Figure::LastActual => "上年决算数",
        }
    }

    /// The column's name on the project form's funding block.
    fn project_label(self) -> &'static str {
        match self {
            Figure::Initial => "年初预算数",
            Figure::Adjusted => "全年预算数",
            Figure::Actual => "全年执行数",
            Figure::LastActual => "上年执行数",
        }
    }

    fn of(self, a: &Amounts) -> &Option<Decimal> {
        match self {
            Figure::Initial => &a.initial,
            Figure::Adjusted => &a.adjusted,
            Figure::Actual => &a.actual,
            Figure::LastActual => &a.last_actual,
        }
    }

    fn of_mut(self, a: &mut Amounts) -> &mut Option<Decimal> {
        match self {
            Figure::Initial => &mut a.initial,
            Figure::Adjusted => &mut a.adjusted,
            Figure::Actual => &mut a.actual,
            Figure::LastActual => &mut a.last_actual,
        }
    }
}

impl Count {
    fn label(self) -> &'static str {
        match self {
            Count::Value => "本年数",
            Count::LastYear => "上年数",
            Count::Done => "已完成数",
        }
    }

    fn of(self, t: &Tally) -> &Option<Decimal> {
        match self {
            Count::Value => &t.value,
            Count::LastYear => &t.last_year,
            Count::Done => &t.done,
        }
    }

    fn of_mut(self, t: &mut Tally) -> &mut Option<Decimal> {
        match self {
            Count::Value => &mut t.value,
            Count::LastYear => &mut t.last_year,
            Count::Done => &mut t.done,
        }
    }
}

impl Input {
    fn label(self) -> &'static str {
        match self {
            Input::Points => "分值",
            Input::Target => "年度指标值",
            Input::Actual => "实际完成值",
            Input::EnteredScore => "评分",
            Input::Override => "人工调整得分",
        }
    }

    fn parse(rest: &[Step]) -> Option<Input> {
        Some(match rest {
            [Step::Field("points")] => Input::Points,
            [Step::Field("measure"), Step::Field("target")] => Input::Target,
            [Step::Field("measure"), Step::Field("actual")] => Input::Actual,
            [Step::Field("measure"), Step::Field("entered_score")] => Input::EnteredScore,
            [Step::Field("measure"), Step::Field("override"), Step::Field("score")] => {
                Input::Override
            }
            _ => return None,
        })
    }

    /// The figure of an item with these points and measure.
    pub fn of(self, (points, m): (Decimal, &Measure)) -> Option<Decimal> {
        match self {
            Input::Points => Some(points),
            Input::Target => m.target,
            Input::Actual => m.actual,
            Input::EnteredScore => m.entered_score,
            Input::Override => m.override_score.as_ref().map(|o| o.score),
        }
    }

    fn set(self, points: &mut Decimal, m: &mut Measure, value: Option<Decimal>) -> Option<()> {
        match self {
            Input::Points => *points = value.unwrap_or_default(),
            Input::Target => m.target = value,
            Input::Actual => m.actual = value,
            Input::EnteredScore => m.entered_score = value,
            Input::Override => match value {
                Some(score) => m.override_score.get_or_insert_with(Override::default).score = score,
                None => m.override_score = None,
            },
        }
        Some(())
    }
}

/// The row a score card item's path names: `indicators[2]` or `criteria[5]`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Row {
    Indicator(usize),
    Criterion(usize),
}

/// Parses an item's path on the score card; the execution block names no row.
pub fn row(path: &str) -> Option<Row> {
    match Step::parse(path)? {
        Step::Index("indicators", i) => Some(Row::Indicator(i)),
        Step::Index("criteria", i) => Some(Row::Criterion(i)),
        _ => None,
    }
}

/// The rule at a path as findings name it: `indicators[2].measure.rule`,
/// `criteria[5].measure.rule` or `scheme.sections[0].body.rule`.
pub fn rule<'a>(a: &'a Assessment, path: &str) -> Option<&'a Rule> {
    match rule_place(path)? {
        RulePlace::Indicator(i) => a.indicators.get(i).map(|x| &x.measure.rule),
        RulePlace::Criterion(i) => a.criteria.get(i).map(|x| &x.measure.rule),
        RulePlace::Section(i) => match a.scheme.sections.get(i).map(|s| &s.body) {
            Some(SectionBody::Execution { rule, .. }) => Some(rule),
            _ => None,
        },
    }
}

/// The rule at a path, to change it; `None` where the path names no rule.
pub fn rule_mut<'a>(a: &'a mut Assessment, path: &str) -> Option<&'a mut Rule> {
    match rule_place(path)? {
        RulePlace::Indicator(i) => a.indicators.get_mut(i).map(|x| &mut x.measure.rule),
        RulePlace::Criterion(i) => a.criteria.get_mut(i).map(|x| &mut x.measure.rule),
        RulePlace::Section(i) => match a.scheme.sections.get_mut(i).map(|s| &mut s.body) {
            Some(SectionBody::Execution { rule, .. }) => Some(rule),
            _ => None,
        },
    }
}

/// Whose rule a rule path names.
enum RulePlace {
    Indicator(usize),
    Criterion(usize),
    Section(usize),
}

fn rule_place(path: &str) -> Option<RulePlace> {
    let steps: Vec<Step> = path.split('.').map(Step::parse).collect::<Option<_>>()?;
    match steps.as_slice() {
        [Step::Index("indicators", i), Step::Field("measure"), Step::Field("rule")] => {
            Some(RulePlace::Indicator(*i))
        }
        [Step::Index("criteria", i), Step::Field("measure"), Step::Field("rule")] => {
            Some(RulePlace::Criterion(*i))
        }
        [Step::Field("scheme"), Step::Index("sections", i), Step::Field("body"), Step::Field("rule")] => {
            Some(RulePlace::Section(*i))
        }
        _ => None,
    }
}

/// One step of a path: `finance` or `economic[3]`.
enum Step<'a> {
    Field(&'a str),
    Index(&'a str, usize),
}

impl<'a> Step<'a> {
    fn parse(s: &'a str) -> Option<Self> {
        match s.strip_suffix(']').and_then(|s| s.split_once('[')) {
            Some((name, i)) => i.parse().ok().map(|i| Step::Index(name, i)),
            None if !s.is_empty() && !s.contains(['[', ']']) => Some(Step::Field(s)),
            None => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sample::sample;
    use rust_decimal_macros::dec;

    #[test]
    fn reads_and_writes_the_figures_findings_name() {
        let cases = [
            ("finance.spending.actual", Some(dec!(733.88))),
            ("finance.appropriation.last_actual", Some(dec!(683.83))),
            ("finance.basic", Some(dec!(554.28))),
            ("finance.economic[5]", Some(dec!(16.79))),
            ("workload[0].value", Some(dec!(31631))),
            (
                "workload[0].breakdowns[0].parts[2].value",
                Some(dec!(24127)),
            ),
            ("workload[1].done", Some(dec!(666))),
            ("indicators[5].measure.actual", Some(dec!(97.96))),
            ("indicators[2].points", Some(dec!(8))),
            ("criteria[0].points", Some(dec!(5))),
            ("finance.other_funds.actual", None),
        ];
        for (path, expected) in cases {
            let mut a = sample();
            assert_eq!(get(&a, path), Ok(expected), "{path}");
            set(&mut a, path, Some(dec!(1.5))).expect(path);
            assert_eq!(get(&a, path), Ok(Some(dec!(1.5))), "{path}");
        }
    }

    #[test]
    fn an_unknown_path_is_refused() {
        let mut a = sample();
        for path in [
            "",
            "finance",
            "finance.spending",
            "finance.spending.nope",
            "finance.economic[10]",
            "finance.economic[x]",
            "indicators[99].measure.actual",
            "indicators[0].name",
            "workload[0].breakdowns[9].parts[0].value",
            "a[b]c",
        ] {
            assert_eq!(
                set(&mut a, path, None),
                Err(UnknownPath(path.into())),
                "{path}"
            );
        }
        assert_eq!(a, sample(), "nothing changed");
    }

    #[test]
    fn finds_the_rule_a_rule_path_names() {
        let mut a = sample();
        let execution = a.scheme.execution().map(|(_, _, r)| r.clone());
        assert!(
            execution.is_some(),
            "the sample's first section is the execution block"
        );
        let cases = [
            (
                "indicators[0].measure.rule",
                Some(a.indicators[0].measure.rule.clone()),
            ),
            (
                "criteria[3].measure.rule",
                Some(a.criteria[3].measure.rule.clone()),
            ),
            ("scheme.sections[0].body.rule", execution),
            ("scheme.sections[1].body.rule", None),
            ("indicators[999].measure.rule", None),
            ("indicators[0].measure", None),
            ("criteria[0].measure.rule.bands", None),
            ("", None),
        ];
        for (path, expected) in cases {
            assert_eq!(rule(&a, path).cloned(), expected, "{path}");
            assert_eq!(
                rule_mut(&mut a, path).map(|r| r.clone()),
                expected,
                "{path}"
            );
        }
        if let Some(r) = rule_mut(&mut a, "criteria[3].measure.rule") {
            *r = Rule::Manual;
        }
        assert_eq!(a.criteria[3].measure.rule, Rule::Manual);
    }
}
