//! The score card (自评表得分): every item's score with its formula, section subtotals,
//! the total and the grade. The total is the sum of the rounded item scores.

use rust_decimal::Decimal;
use serde::Serialize;

use crate::model::{Assessment, Measure};
use crate::num;
use crate::rules::{self, Outcome, ITEM_LABELS};
use crate::scheme::{ExecutionBase, Grade, Rounding, Rule, Section, SectionBody};
use crate::text::{self, Labels};

/// The scored assessment.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ScoreCard {
    pub scheme: String,
    pub sections: Vec<SectionScore>,
    pub total: Decimal,
    pub max_total: Decimal,
    pub grade: Grade,
}

/// 一级指标 subtotal.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SectionScore {
    pub id: String,
    pub name: String,
    pub points: Decimal,
    pub score: Decimal,
    /// Set when the items add up to more than the section's points and were capped.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    pub categories: Vec<CategoryScore>,
}

impl SectionScore {
    /// The points this section lost (失分): points − score, never below 0.
    pub fn lost(&self) -> Decimal {
        num::sub(self.points, self.score)
            .unwrap_or_default()
            .max(Decimal::ZERO)
    }
}

/// 二级指标 subtotal.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CategoryScore {
    pub name: String,
    pub points: Option<Decimal>,
    pub score: Decimal,
    /// How many items earned full points by their rule (完成率 100% 的指标数).
    pub completed: usize,
    pub items: Vec<ItemScore>,
}

/// One scored item: an indicator, a criterion or the execution block.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ItemScore {
    pub name: String,
    /// The item's field path, as validation findings use it.
    pub path: String,
    pub points: Decimal,
    /// What the rule computes.
    pub computed: Decimal,
    /// What counts: an override's score where one is set.
    pub score: Decimal,
    pub overridden: bool,
    pub completion: Option<Decimal>,
    pub formula: String,
}

impl ScoreCard {
    /// Every item, section by section.
    pub fn items(&self) -> impl Iterator<Item = &ItemScore> {
        self.sections
            .iter()
            .flat_map(|s| s.categories.iter().flat_map(|c| c.items.iter()))
    }

    /// A section by its id.
    pub fn section(&self, id: &str) -> Option<&SectionScore> {
        self.sections.iter().find(|s| s.id == id)
    }
}

/// The execution block's name on the card.
pub const EXECUTION_ITEM: &str = "预算执行率";

/// The execution block's path on the card: the figure it is scored from, 决算.
pub const EXECUTION_PATH: &str = "finance.spending.actual";

/// Scores an assessment under the scheme it carries, each item with its formula in words.
pub fn score(a: &Assessment) -> ScoreCard {
    score_with(a, true)
}

/// The same card with empty formulas: for a live total, where writing the words would
/// cost most of the time.
pub fn score_figures(a: &Assessment) -> ScoreCard {
    score_with(a, false)
}

fn score_with(a: &Assessment, explain: bool) -> ScoreCard {
    let scheme = &a.scheme;
    let sections: Vec<SectionScore> = scheme
        .sections
        .iter()
        .map(|s| section(a, s, explain))
        .collect();
    let total = add_up(sections.iter().map(|s| s.score), scheme.rounding);
    ScoreCard {
        scheme: scheme.name.clone(),
        total,
        max_total: scheme.max_total(),
        grade: scheme.grade(total),
        sections,
    }
}

fn section(a: &Assessment, s: &Section, explain: bool) -> SectionScore {
    let categories = match &s.body {
        SectionBody::Execution { base, rule } => vec![CategoryScore::of(
            s.name.clone(),
            Some(s.points),
            vec![execution_item(a, s.points, *base, rule, explain)],
            a.scheme.rounding,
        )],
        SectionBody::Indicators { categories } => categories
            .iter()
            .map(|c| {
                let items = a
                    .indicators
                    .iter()
                    .enumerate()
                    .filter(|(_, i)| c.kinds.contains(&i.kind))
                    .map(|(n, i)| {
                        item(
                            a,
                            &i.name,
                            format!("indicators[{n}]"),
                            i.points,
                            &i.measure,
                            ITEM_LABELS,
                            explain,
                        )
                    })
                    .collect();
                CategoryScore::of(c.name.clone(), c.points, items, a.scheme.rounding)
            })
            .collect(),
        SectionBody::Management { aspects } => aspects
            .iter()
            .map(|spec| {
                let items = a
                    .criteria
                    .iter()
                    .enumerate()
                    .filter(|(_, c)| c.aspect == spec.aspect)
                    .map(|(n, c)| {
                        item(
                            a,
                            &c.name,
                            format!("criteria[{n}]"),
                            c.points,
                            &c.measure,
                            ITEM_LABELS,
                            explain,
                        )
                    })
                    .collect();
                CategoryScore::of(
                    spec.aspect.label().to_string(),
                    Some(spec.points),
                    items,
                    a.scheme.rounding,
                )
            })
            .collect(),
    };
    let rounding = a.scheme.rounding;
    let sum = add_up(categories.iter().map(|c| c.score), rounding);
    let capped = sum > s.points;
    SectionScore {
        id: s.id.clone(),
        name: s.name.clone(),
        points: s.points,
        score: if capped {
            rounding.score(s.points.max(Decimal::ZERO))
        } else {
            sum
        },
        note: capped.then(|| text::formula_section_capped(num::Plain(s.points))),
        categories,
    }
}

impl CategoryScore {
    fn of(
        name: String,
        points: Option<Decimal>,
        items: Vec<ItemScore>,
        rounding: Rounding,
    ) -> Self {
        CategoryScore {
            name,
            points,
            score: add_up(items.iter().map(|i| i.score), rounding),
            completed: items.iter().filter(|i| i.computed == i.points).count(),
            items,
        }
    }
}

fn item(
    a: &Assessment,
    name: &str,
    path: String,
    points: Decimal,
    m: &Measure,
    labels: Labels,
    explain: bool,
) -> ItemScore {
    let o: Outcome = rules::evaluate_with(m, points, a.scheme.rounding, labels, explain);
    ItemScore::of(name, path, points, o)
}

impl ItemScore {
    fn of(name: &str, path: String, points: Decimal, o: Outcome) -> Self {
        ItemScore {
            name: name.to_string(),
            path,
            points,
            computed: o.computed,
            score: o.score,
            overridden: o.overridden,
            completion: o.completion,
            formula: o.formula,
        }
    }
}

/// The execution block as a measure: 全年执行数 against the scheme's base.
pub fn execution_measure(a: &Assessment, base: ExecutionBase, rule: &Rule) -> Measure {
    let spending = &a.finance.spending;
    let mut m = Measure::new(rule.clone());
    m.target = spending.budget(base);
    m.actual = spending.actual;
    m.override_score = a.execution_override.clone();
    m
}

/// The words for the execution block's figures under a base.
pub fn execution_labels(base: ExecutionBase) -> Labels {
    Labels {
        target: match base {
            ExecutionBase::Adjusted => "全年预算数",
            ExecutionBase::Initial => "年初预算数",
        },
        actual: "全年执行数",
    }
}

fn execution_item(
    a: &Assessment,
    points: Decimal,
    base: ExecutionBase,
    rule: &Rule,
    explain: bool,
) -> ItemScore {
    let m = execution_measure(a, base, rule);
    let o = rules::evaluate_execution(
        &m,
        points,
        a.scheme.rounding,
        execution_labels(base),
        explain,
    );
    ItemScore::of(EXECUTION_ITEM, EXECUTION_PATH.into(), points, o)
}

/// Adds kept scores, saturating instead of overflowing on absurd points; the sum shows
/// the scheme's decimals even when nothing was added.
fn add_up<I: IntoIterator<Item = Decimal>>(scores: I, rounding: Rounding) -> Decimal {
    let sum = scores.into_iter().fold(Decimal::ZERO, |acc, s| {
        num::add(acc, s).unwrap_or(Decimal::MAX)
    });
    rounding.score(sum)
}
