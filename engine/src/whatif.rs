//! What-if scoring (试算): scenarios that never touch their base, the difference between
//! two assessments, goal seek on one figure, and the sensitivity of the total to each
//! indicator. Pure functions over the engine; the app and the CLI call them.

use std::fmt;

use rust_decimal::Decimal;
use serde::Serialize;

use crate::model::{Assessment, Measure};
use crate::num::{self, Plain};
use crate::paths::{self, Field};
use crate::rules;
use crate::scheme::{Grade, Rule};
use crate::score::{self, ScoreCard};
use crate::validate::LIMIT;

/// A named copy of an assessment that remembers which draft it came from.
#[derive(Debug, Clone, PartialEq)]
pub struct Scenario {
    pub name: String,
    /// The id of the base draft.
    pub base: String,
    pub assessment: Assessment,
}

impl Scenario {
    /// A scenario of `base`: a copy, so editing it never changes the base.
    pub fn of(base_id: &str, name: &str, base: &Assessment) -> Scenario {
        Scenario {
            name: name.to_string(),
            base: base_id.to_string(),
            assessment: base.clone(),
        }
    }
}

// ---- diff ----

/// A figure or score before and after, with the change.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Delta {
    /// A field path, or a score-card item's path, or `total`.
    pub path: String,
    pub name: String,
    pub before: Option<Decimal>,
    pub after: Option<Decimal>,
    pub delta: Option<Decimal>,
}

/// Everything that differs between two assessments.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Diff {
    /// Changed typed figures.
    pub inputs: Vec<Delta>,
    /// Changed item scores and section subtotals.
    pub scores: Vec<Delta>,
    pub total: Delta,
    pub grade: (Grade, Grade),
}

fn delta(path: &str, name: &str, before: Option<Decimal>, after: Option<Decimal>) -> Delta {
    Delta {
        path: path.to_string(),
        name: name.to_string(),
        before,
        after,
        delta: match (before, after) {
            (Some(b), Some(a)) => num::sub(a, b),
            _ => None,
        },
    }
}

/// The difference between a base and a scenario: inputs, scores, subtotals, total, grade.
pub fn diff(base: &Assessment, other: &Assessment) -> Diff {
    let mut inputs = Vec::new();
    let mut figures = paths::all(base);
    for p in paths::all(other) {
        if !figures.contains(&p) {
            figures.push(p);
        }
    }
    for path in figures {
        let Some(field) = Field::parse(&path) else {
            continue;
        };
        let (b, a) = (field.get(base).flatten(), field.get(other).flatten());
        if b != a {
            inputs.push(delta(&path, &field.label(other), b, a));
        }
    }
    let (cb, ca) = (score::score(base), score::score(other));
    let mut scores = Vec::new();
    for item in ca.items() {
        let before = cb.items().find(|i| i.path == item.path).map(|i| i.score);
        if before != Some(item.score) {
            scores.push(delta(&item.path, &item.name, before, Some(item.score)));
        }
    }
    for s in &ca.sections {
        let before = cb.section(&s.id).map(|x| x.score);
        if before != Some(s.score) {
            scores.push(delta(&s.id, &s.name, before, Some(s.score)));
        }
    }
    Diff {
        inputs,
        scores,
        total: delta("total", "总分", Some(cb.total), Some(ca.total)),
        grade: (cb.grade, ca.grade),
    }
}

// ---- goal seek ----

/// What a goal measures on the score card.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Metric {
    Total,
    /// A section by its id or name, e.g. `management` or 管理效率.
    Section(String),
    /// A score-card item by its name, e.g. 预算执行率.
    Item(String),
}

/// A goal: a metric at least or at most a value, or a grade at least as good.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Goal {
    AtLeast(Metric, Decimal),
    AtMost(Metric, Decimal),
    Grade(Grade),
}

impl Goal {
    /// Parses `total>=90`, `grade=优`, `item:预算执行率>=10`, `section:management>=45`,
    /// and the same with `<=`.
    pub fn parse(text: &str) -> Result<Goal, String> {
        let bad = || {
            format!(
                "无法理解的目标“{text}”：应为 total>=N、grade=优、item:名称>=N 或 section:名称>=N"
            )
        };
        let text = text.trim();
        if let Some(g) = text.strip_prefix("grade=") {
            let grade = [Grade::Excellent, Grade::Good, Grade::Fair, Grade::Poor]
                .into_iter()
                .find(|x| x.label() == g.trim())
                .ok_or_else(bad)?;
            return Ok(Goal::Grade(grade));
        }
        let (lhs, rhs, at_least) = match (text.split_once(">="), text.split_once("<=")) {
            (Some((l, r)), _) => (l, r, true),
            (None, Some((l, r))) => (l, r, false),
            _ => return Err(bad()),
        };
        let value = num::parse_input(rhs).map_err(|_| bad())?;
        let metric = match lhs.trim() {
            "total" => Metric::Total,
            l => match l.split_once(':') {
                Some(("item", name)) if !name.trim().is_empty() => {
                    Metric::Item(name.trim().to_string())
                }
                Some(("section", name)) if !name.trim().is_empty() => {
                    Metric::Section(name.trim().to_string())
                }
                _ => return Err(bad()),
            },
        };
        Ok(if at_least {
            Goal::AtLeast(metric, value)
        } else {
            Goal::AtMost(metric, value)
        })
    }

    fn reached(&self, card: &ScoreCard) -> Option<bool> {
        Some(match self {
            Goal::AtLeast(m, v) => m.of(card)? >= *v,
            Goal::AtMost(m, v) => m.of(card)? <= *v,
            Goal::Grade(g) => rank(card.grade) <= rank(*g),
        })
    }
}

impl fmt::Display for Goal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Goal::AtLeast(m, v) => write!(f, "{m} ≥ {}", Plain(*v)),
            Goal::AtMost(m, v) => write!(f, "{m} ≤ {}", Plain(*v)),
            Goal::Grade(g) => write!(f, "等级达到「{}」", g.label()),
        }
    }
}

impl fmt::Display for Metric {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Metric::Total => f.write_str("总分"),
            Metric::Section(s) | Metric::Item(s) => write!(f, "「{s}」得分"),
        }
    }
}

impl Metric {
    fn of(&self, card: &ScoreCard) -> Option<Decimal> {
        match self {
            Metric::Total => Some(card.total),
            Metric::Section(s) => card
                .sections
                .iter()
                .find(|x| x.id == *s || x.name == *s)
                .map(|x| x.score),
            Metric::Item(name) => card.items().find(|i| i.name == *name).map(|i| i.score),
        }
    }

    /// The most this metric can be under the scheme.
    fn ceiling(&self, card: &ScoreCard) -> Option<Decimal> {
        match self {
            Metric::Total => Some(card.max_total),
            Metric::Section(s) => card
                .sections
                .iter()
                .find(|x| x.id == *s || x.name == *s)
                .map(|x| x.points),
            Metric::Item(name) => card.items().find(|i| i.name == *name).map(|i| i.points),
        }
    }
}

fn rank(g: Grade) -> u8 {
    match g {
        Grade::Excellent => 0,
        Grade::Good => 1,
        Grade::Fair => 2,
        Grade::Poor => 3,
    }
}

/// The answer to a goal seek.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Seek {
    pub reachable: bool,
    /// The value the field must take: the one closest to its current value, to the fen.
    pub value: Option<Decimal>,
    pub current: Option<Decimal>,
    pub change: Option<Decimal>,
    /// Why the goal cannot be reached, or what reaching it takes, in Chinese.
    pub reason: String,
}

/// The smallest step a figure moves by: one fen (0.01).
const STEP: Decimal = Decimal::from_parts(1, 0, 0, false, 2);

/// Finds the value of the figure at `path` closest to its current value that reaches the
/// goal, to the fen, under the scheme's rounding. The score is assumed to move one way as
/// the figure moves one way, as every rule of the schemes does.
pub fn seek(a: &Assessment, path: &str, goal: &Goal) -> Result<Seek, String> {
    let field = Field::parse(path).ok_or_else(|| format!("没有字段路径为 {path} 的数值"))?;
    let current = field
        .get(a)
        .ok_or_else(|| format!("字段 {path} 所在的行不存在"))?;
    let label = field.label(a);
    let start = current.unwrap_or_default();
    let reaches = |v: Decimal| -> bool {
        let mut b = a.clone();
        field.set(&mut b, Some(v));
        goal.reached(&score::score(&b)).unwrap_or(false)
    };
    let card = score::score(a);
    if goal.reached(&card).is_none() {
        return Err(format!("评分表中没有目标所指的项目：{goal}"));
    }
    if let (Goal::AtLeast(m, v), Some(top)) = (goal, goal_ceiling(goal, &card)) {
        if *v > top {
            return Ok(unreachable(
                current,
                format!("目标 {goal} 高于评分标准规定的满分 {}（{m}）", Plain(top)),
            ));
        }
    }
    if reaches(start) {
        return Ok(Seek {
            reachable: true,
            value: Some(start),
            current,
            change: Some(Decimal::ZERO),
            reason: format!("当前{label} {} 已达到目标 {goal}", Plain(start)),
        });
    }
    let up = search(start, true, &reaches);
    let down = search(start, false, &reaches);
    let best = match (up, down) {
        (Some(u), Some(d)) => Some(if u - start <= start - d { u } else { d }),
        (u, d) => u.or(d),
    };
    Ok(match best {
        Some(v) => Seek {
            reachable: true,
            value: Some(v),
            current,
            change: num::sub(v, start),
            reason: format!(
                "{label}由 {} 调整为 {}，可达到目标 {goal}",
                Plain(start),
                Plain(v)
            ),
        },
        None => unreachable(current, why_not(a, field, &label, goal)),
    })
}

fn goal_ceiling(goal: &Goal, card: &ScoreCard) -> Option<Decimal> {
    match goal {
        Goal::AtLeast(m, _) => m.ceiling(card),
        _ => None,
    }
}

fn unreachable(current: Option<Decimal>, reason: String) -> Seek {
    Seek {
        reachable: false,
        value: None,
        current,
        change: None,
        reason,
    }
}

/// The fen-grid value nearest `start` in one direction that reaches the goal: doubling to
/// find a bound, then bisecting. Figures stay within [0, LIMIT].
fn search(start: Decimal, up: bool, reaches: &dyn Fn(Decimal) -> bool) -> Option<Decimal> {
    let at = |k: i64| -> Option<Decimal> {
        let step = num::mul(STEP, Decimal::from(k))?;
        let v = if up {
            num::add(start, step)?
        } else {
            num::sub(start, step)?
        };
        (v >= Decimal::ZERO && v <= LIMIT).then_some(v)
    };
    // Find some k with reaches(at(k)).
    let mut hi: i64 = 1;
    loop {
        match at(hi) {
            Some(v) if reaches(v) => break,
            Some(_) => {}
            None => {
                // The edge of the range: try it once.
                let edge = if up { LIMIT } else { Decimal::ZERO };
                if ((up && edge > start) || (!up && edge < start)) && reaches(edge) {
                    let span = ((edge - start).abs() / STEP).floor();
                    hi = i64::try_from(span).ok()?;
                    break;
                }
                return None;
            }
        }
        hi = hi.checked_mul(2)?;
    }
    // reaches(at(hi)) holds, reaches(at(lo)) does not.
    let mut lo: i64 = 0;
    while hi - lo > 1 {
        let mid = lo + (hi - lo) / 2;
        if at(mid).is_some_and(reaches) {
            hi = mid;
        } else {
            lo = mid;
        }
    }
    at(hi)
}

/// Why moving one figure cannot reach the goal: what it can reach at best, and why.
fn why_not(a: &Assessment, field: Field, label: &str, goal: &Goal) -> String {
    let overridden = match field {
        Field::Indicator(i, _) => a
            .indicators
            .get(i)
            .is_some_and(|x| x.measure.override_score.is_some()),
        Field::Criterion(i, _) => a
            .criteria
            .get(i)
            .is_some_and(|x| x.measure.override_score.is_some()),
        Field::Amount(..) => a.execution_override.is_some(),
        _ => false,
    };
    let metric = match goal {
        Goal::AtLeast(m, _) | Goal::AtMost(m, _) => m.clone(),
        Goal::Grade(_) => Metric::Total,
    };
    let best = [Decimal::ZERO, LIMIT]
        .into_iter()
        .filter_map(|v| {
            let mut b = a.clone();
            field.set(&mut b, Some(v));
            metric.of(&score::score(&b))
        })
        .fold(None, |acc: Option<Decimal>, x| {
            Some(match (acc, goal) {
                (None, _) => x,
                (Some(y), Goal::AtMost(..)) => y.min(x),
                (Some(y), _) => y.max(x),
            })
        });
    let full: Vec<String> = score::score(a)
        .sections
        .iter()
        .filter(|s| s.score >= s.points)
        .map(|s| format!("{}已满分", s.name))
        .collect();
    let mut reason = format!("只调整{label}达不到目标 {goal}");
    if let Some(b) = best {
        let bound = if matches!(goal, Goal::AtMost(..)) {
            "最少"
        } else {
            "最多"
        };
        reason.push_str(&format!("：{metric}{bound}为 {b}"));
    }
    if !full.is_empty() {
        reason.push_str(&format!("（{}）", full.join("，")));
    }
    if overridden {
        reason.push_str("；该项得分已人工调整，调整此数值不改变得分");
    }
    reason
}

// ---- sensitivity ----

/// How much the total depends on one indicator or criterion.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Sensitivity {
    pub name: String,
    pub path: String,
    pub points: Decimal,
    pub score: Decimal,
    /// The total if the actual value fell to each level of the target (e.g. 0.8, 0.6).
    pub totals: Vec<(Decimal, Decimal)>,
    /// The most the total falls over the levels.
    pub drop: Decimal,
}

/// For each indicator and criterion scored against a target, the total if its actual
/// value were `levels` of the target (for at-most rules, the target divided by the level); sorted by the largest fall first. Each what-if
/// rescores only the item it moves (its section recapped), so 500 indicators stay quick.
pub fn sensitivity(a: &Assessment, levels: &[Decimal]) -> Vec<Sensitivity> {
    let card = score::score(a);
    // Each section's uncapped sum of item scores, and where each item sits.
    let sums: Vec<Decimal> = card
        .sections
        .iter()
        .map(|s| {
            s.categories
                .iter()
                .flat_map(|c| &c.items)
                .fold(Decimal::ZERO, |acc, i| {
                    num::add(acc, i.score).unwrap_or(acc)
                })
        })
        .collect();
    let place = |path: &str| {
        card.sections.iter().enumerate().find_map(|(k, s)| {
            s.categories
                .iter()
                .flat_map(|c| &c.items)
                .find(|i| i.path == path)
                .map(|i| (k, i.score))
        })
    };
    let total_if = |k: usize, old: Decimal, new: Decimal| -> Option<Decimal> {
        let section = &card.sections[k];
        let sum = num::add(num::sub(sums[k], old)?, new)?;
        let capped = if sum > section.points {
            section.points.max(Decimal::ZERO)
        } else {
            sum
        };
        num::add(num::sub(card.total, section.score)?, capped)
    };
    let items = a
        .indicators
        .iter()
        .enumerate()
        .map(|(i, x)| (format!("indicators[{i}]"), &x.name, x.points, &x.measure))
        .chain(
            a.criteria
                .iter()
                .enumerate()
                .map(|(i, x)| (format!("criteria[{i}]"), &x.name, x.points, &x.measure)),
        );
    let mut out: Vec<Sensitivity> = items
        .filter(|(.., m)| m.rule.needs_target() && m.override_score.is_none())
        .filter_map(|(path, name, points, m)| {
            let target = m.target?;
            let (k, score) = place(&path)?;
            let totals: Vec<(Decimal, Decimal)> = levels
                .iter()
                .filter_map(|&level| {
                    // An at-most figure gets worse upwards: 80% of the way means target ÷ 0.8.
                    let actual = match m.rule {
                        Rule::AtMost { .. } => num::div(target, level)?,
                        _ => num::mul(target, level)?,
                    };
                    let moved = Measure {
                        actual: Some(actual),
                        ..m.clone()
                    };
                    let new = rules::computed(&moved, points, a.scheme.rounding);
                    Some((level, total_if(k, score, new)?))
                })
                .collect();
            let drop = totals
                .iter()
                .filter_map(|(_, t)| num::sub(card.total, *t))
                .max()
                .unwrap_or_default();
            Some(Sensitivity {
                name: name.clone(),
                path,
                points,
                score,
                totals,
                drop,
            })
        })
        .collect();
    out.sort_by(|x, y| y.drop.cmp(&x.drop).then(x.path.cmp(&y.path)));
    out
}
