//! What-if scoring (试算): scenarios that never touch their base, the difference between
//! two assessments, goal seek on one figure, and the sensitivity of the total to each
//! indicator. Pure functions over the engine; the app and the CLI call them.

use std::fmt;

use rust_decimal::Decimal;
use serde::Serialize;

use crate::model::{Assessment, Measure};
use crate::num::{self, Pct, PctPlaces, Plain, RoundingMode};
use crate::paths::{self, Field, Figure, Input, Line, Row};
use crate::rules;
use crate::scheme::{Grade, Rounding, Rule};
use crate::score::{self, ItemScore, ScoreCard, SectionScore, EXECUTION_PATH};
use crate::text;
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
    /// A section or an item as a user names it, in full or in part (执行率): found on the
    /// score card by [`Goal::resolve`] before a seek.
    Named(String),
}

/// A goal: a metric at least or at most a value, or a grade at least as good.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Goal {
    AtLeast(Metric, Decimal),
    AtMost(Metric, Decimal),
    Grade(Grade),
}

/// Signs and words that mean ≥ or ≤, as a user types them, and their ASCII form.
const OPERATORS: [(&str, &str); 14] = [
    ("≥", ">="),
    ("≧", ">="),
    ("⩾", ">="),
    ("＞＝", ">="),
    ("大于等于", ">="),
    ("不低于", ">="),
    ("不少于", ">="),
    ("至少", ">="),
    ("达到", ">="),
    ("≤", "<="),
    ("≦", "<="),
    ("⩽", "<="),
    ("＜＝", "<="),
    ("小于等于", "<="),
];

/// More words for ≤, kept apart so the table above stays one line per sign.
const AT_MOST_WORDS: [&str; 3] = ["不高于", "不超过", "至多"];

/// Full-width signs, digits and spaces as their ASCII form, and the words of `OPERATORS`.
fn normalize(text: &str) -> String {
    let mut s: String = text
        .chars()
        .map(|c| match c {
            '０'..='９' => char::from_u32(c as u32 - '０' as u32 + '0' as u32).unwrap_or(c),
            '．' => '.',
            '＝' => '=',
            '：' => ':',
            '\u{3000}' => ' ',
            other => other,
        })
        .collect();
    for (from, to) in OPERATORS {
        s = s.replace(from, to);
    }
    for from in AT_MOST_WORDS {
        s = s.replace(from, "<=");
    }
    s.replace('＞', ">").replace('＜', "<")
}

/// `执行率10分` as (`执行率`, `10`): a name followed by a number, with no sign between.
fn split_trailing_number(text: &str) -> Option<(&str, &str)> {
    let at = text
        .char_indices()
        .rev()
        .take_while(|(_, c)| c.is_ascii_digit() || *c == '.')
        .last()
        .map(|(i, _)| i)?;
    let (name, value) = text.split_at(at);
    (!name.trim().is_empty()).then_some((name, value))
}

/// The metric a goal's left side names, or `None` when it names nothing a goal can measure.
fn metric(lhs: &str) -> Option<Metric> {
    let lhs = lhs.trim();
    let named = |n: &str| {
        let n = n.trim();
        (!n.is_empty()).then(|| n.to_string())
    };
    match lhs.split_once(':') {
        Some(("item", n)) => return named(n).map(Metric::Item),
        Some(("section", n)) => return named(n).map(Metric::Section),
        Some(_) => return None,
        None => {}
    }
    // As `Display` writes it: 「预算执行率」得分.
    let name = lhs.strip_suffix("得分").unwrap_or(lhs).trim();
    let name = name.strip_suffix('」').unwrap_or(name);
    let name = name.strip_prefix('「').unwrap_or(name).trim();
    match name {
        "total" | "总分" => Some(Metric::Total),
        _ if name.contains(['<', '>', '=', '「', '」']) => None,
        _ => named(name).map(Metric::Named),
    }
}

impl Goal {
    /// Parses a goal as the CLI or a user writes it: `total>=90`, `grade=优`,
    /// `item:预算执行率>=10`, `section:management>=45`, the same with `<=`; and plain
    /// forms: `总分≥90`, `预算执行率=10` (`=` means reaching it), `执行率10分`, `等级=优`,
    /// `管理效率不低于45`, and what `Display` writes.
    pub fn parse(text: &str) -> Result<Goal, String> {
        let bad = || crate::text::goal_not_understood(text.trim());
        let t = normalize(text);
        let t = t.trim();
        if let Some(rest) = t.strip_prefix("grade").or_else(|| t.strip_prefix("等级")) {
            let rest = rest.trim();
            let rest = [">=", "=", ":", "为"]
                .into_iter()
                .find_map(|p| rest.strip_prefix(p))
                .unwrap_or(rest)
                .trim();
            let rest = rest.trim_start_matches('「').trim_end_matches('」');
            return Grade::ALL
                .into_iter()
                .find(|g| g.label() == rest)
                .map(Goal::Grade)
                .ok_or_else(bad);
        }
        let (lhs, rhs, at_least) = if let Some((l, r)) = t.split_once(">=") {
            (l, r, true)
        } else if let Some((l, r)) = t.split_once("<=") {
            (l, r, false)
        } else if let Some((l, r)) = t.split_once('=') {
            (l, r, true)
        } else {
            let bare = t.strip_suffix('分').unwrap_or(t).trim_end();
            let (l, r) = split_trailing_number(bare).ok_or_else(bad)?;
            (l, r, true)
        };
        let rhs = rhs.trim();
        let value = num::parse_input(rhs.strip_suffix('分').unwrap_or(rhs)).map_err(|_| bad())?;
        let metric = metric(lhs).ok_or_else(bad)?;
        Ok(if at_least {
            Goal::AtLeast(metric, value)
        } else {
            Goal::AtMost(metric, value)
        })
    }

    /// The goal with its metric found on the card: a name as a user writes it becomes the
    /// section or item it names; a name that fits nothing, or several things, is refused.
    pub fn resolve(&self, card: &ScoreCard) -> Result<Goal, String> {
        let found = |m: &Metric| m.resolve(card).ok_or_else(|| text::goal_no_metric(self));
        Ok(match self {
            Goal::AtLeast(m, v) => Goal::AtLeast(found(m)??, *v),
            Goal::AtMost(m, v) => Goal::AtMost(found(m)??, *v),
            Goal::Grade(g) => Goal::Grade(*g),
        })
    }

    fn reached(&self, card: &ScoreCard) -> Option<bool> {
        Some(match self {
            Goal::AtLeast(m, v) => m.of(card)? >= *v,
            Goal::AtMost(m, v) => m.of(card)? <= *v,
            Goal::Grade(g) => rank(card.grade) <= rank(*g),
        })
    }

    /// The metric a goal measures: a grade is a total.
    fn metric(&self) -> Metric {
        match self {
            Goal::AtLeast(m, _) | Goal::AtMost(m, _) => m.clone(),
            Goal::Grade(_) => Metric::Total,
        }
    }

    /// The line the metric must reach: a grade's is its lowest total under the scheme.
    fn line(&self, a: &Assessment) -> Option<Decimal> {
        match self {
            Goal::AtLeast(_, v) | Goal::AtMost(_, v) => Some(*v),
            Goal::Grade(g) => a
                .scheme
                .grades
                .iter()
                .filter(|b| b.grade == *g)
                .map(|b| b.min)
                .min(),
        }
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
            Metric::Section(s) | Metric::Item(s) | Metric::Named(s) => write!(f, "「{s}」得分"),
        }
    }
}

impl Metric {
    /// The metric as the card has it: `None` when it names nothing there, an error
    /// when a name fits several things. A section goes by its name, which the answer shows.
    fn resolve(&self, card: &ScoreCard) -> Option<Result<Metric, String>> {
        let n = match self {
            Metric::Named(n) => n,
            Metric::Section(s) => {
                return named_section(card, s).map(|x| Ok(Metric::Section(x.name.clone())))
            }
            _ => return self.of(card).map(|_| Ok(self.clone())),
        };
        let as_metric = |name: &str| match named_section(card, name) {
            Some(x) => Metric::Section(x.name.clone()),
            None => Metric::Item(name.to_string()),
        };
        if named_section(card, n).is_some() || card.items().any(|i| i.name == *n) {
            return Some(Ok(as_metric(n)));
        }
        let mut names: Vec<&str> = card
            .sections
            .iter()
            .map(|s| s.name.as_str())
            .chain(card.items().map(|i| i.name.as_str()))
            .filter(|name| name.contains(n.as_str()))
            .collect();
        names.sort_unstable();
        names.dedup();
        match names.as_slice() {
            [] => None,
            [one] => Some(Ok(as_metric(one))),
            many => Some(Err(text::goal_ambiguous(n, many))),
        }
    }

    fn of(&self, card: &ScoreCard) -> Option<Decimal> {
        match self {
            Metric::Total => Some(card.total),
            Metric::Section(s) => named_section(card, s).map(|x| x.score),
            Metric::Item(name) => card.items().find(|i| i.name == *name).map(|i| i.score),
            Metric::Named(_) => None,
        }
    }

    /// The most this metric can be under the scheme.
    fn ceiling(&self, card: &ScoreCard) -> Option<Decimal> {
        match self {
            Metric::Total => Some(card.max_total),
            Metric::Section(s) => named_section(card, s).map(|x| x.points),
            Metric::Item(name) => card.items().find(|i| i.name == *name).map(|i| i.points),
            Metric::Named(_) => None,
        }
    }

    /// Whether the score of the item at `path` counts in this metric.
    fn counts(&self, card: &ScoreCard, path: &str) -> bool {
        match self {
            Metric::Total => true,
            Metric::Section(s) => named_section(card, s).is_some_and(|x| {
                x.categories
                    .iter()
                    .flat_map(|c| &c.items)
                    .any(|i| i.path == path)
            }),
            Metric::Item(name) => card
                .items()
                .find(|i| i.name == *name)
                .is_some_and(|i| i.path == path),
            Metric::Named(_) => false,
        }
    }
}

/// A section as a goal names it: by its id (`management`) or its name (管理效率).
fn named_section<'c>(card: &'c ScoreCard, s: &str) -> Option<&'c SectionScore> {
    card.sections.iter().find(|x| x.id == s || x.name == s)
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
    /// The scores with the figure at `value`.
    pub at: Option<ScoreAt>,
    /// `at` in words: the rate and score of the item the figure feeds, and the total.
    pub result: Option<String>,
    /// Set when the goal is reached only because the score is rounded, saying how.
    pub rounding: Option<String>,
    /// The override (人工调整) that keeps the figure from moving its item's score.
    pub blocker: Option<Blocker>,
}

/// The scores with the sought figure at its answer.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ScoreAt {
    /// The item the figure is scored in, e.g. 预算执行率; `None` for a figure no item uses.
    pub item: Option<String>,
    /// That item's rate (执行率, 完成率) as a ratio, where its rule has one.
    pub rate: Option<Decimal>,
    pub score: Option<Decimal>,
    pub total: Decimal,
    pub grade: Grade,
}

/// An override that stands in the way, and the answer once it is lifted.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Blocker {
    /// The override's field path: setting it empty lifts it, e.g. `execution_override.score`.
    pub path: String,
    /// The overridden item's name.
    pub item: String,
    pub score: Decimal,
    /// The same seek on a copy without the override.
    pub lifted: Box<Seek>,
}

impl Seek {
    /// The answer in sentences, in the order the app shows them and the CLI prints them.
    pub fn lines(&self) -> Vec<String> {
        let mut out = vec![self.reason.clone()];
        out.extend(self.result.clone());
        out.extend(self.rounding.clone());
        if let Some(b) = &self.blocker {
            out.push(text::seek_lifted(&b.item, &b.lifted.reason));
            out.extend(b.lifted.result.clone());
            out.extend(b.lifted.rounding.clone());
        }
        out
    }
}

/// The smallest step a figure moves by: one fen (0.01).
const STEP: Decimal = Decimal::from_parts(1, 0, 0, false, 2);

/// Finds the value of the figure at `path` closest to its current value that reaches the
/// goal, to the fen, under the scheme's rounding. The score is assumed to move one way as
/// the figure moves one way, as every rule of the schemes does. A goal that names a section
/// or an item in part (执行率) is first resolved on the score card.
pub fn seek(a: &Assessment, path: &str, goal: &Goal) -> Result<Seek, String> {
    let field = Field::parse(path).ok_or_else(|| format!("没有字段路径为 {path} 的数值"))?;
    let current = field
        .get(a)
        .ok_or_else(|| format!("字段 {path} 所在的行不存在"))?;
    let card = score::score_figures(a);
    let goal = &goal.resolve(&card)?;
    let label = field.label(a);
    let typed = current.unwrap_or_default();
    // A figure outside what a form accepts (a finding of its own) is sought from the
    // nearest figure inside: the search steps only through figures a form accepts.
    let start = typed.clamp(Decimal::ZERO, LIMIT);
    let reaches = |v: Decimal| -> bool {
        let mut b = a.clone();
        field.set(&mut b, Some(v));
        goal.reached(&score::score_figures(&b)).unwrap_or(false)
    };
    if let (Goal::AtLeast(m, v), Some(top)) = (goal, goal_ceiling(goal, &card)) {
        if *v > top {
            return Ok(unreachable(
                current,
                text::seek_above_top(goal, Plain(top), m),
                None,
            ));
        }
    }
    if reaches(start) {
        let reason = if start == typed {
            text::seek_reached(&label, Plain(start), goal)
        } else {
            text::seek_found(&label, Plain(typed), Plain(start), goal)
        };
        return Ok(found(a, field, goal, current, start, reason));
    }
    let up = search(start, true, &reaches);
    let down = search(start, false, &reaches);
    let best = match (up, down) {
        (Some(u), Some(d)) => Some(if u - start <= start - d { u } else { d }),
        (u, d) => u.or(d),
    };
    Ok(match best {
        Some(v) => {
            let reason = text::seek_found(&label, Plain(typed), Plain(v), goal);
            found(a, field, goal, current, v, reason)
        }
        None => {
            let blocker = blocker(a, field, path, goal)?;
            unreachable(current, why_not(a, field, &label, goal), blocker)
        }
    })
}

fn goal_ceiling(goal: &Goal, card: &ScoreCard) -> Option<Decimal> {
    match goal {
        Goal::AtLeast(m, _) => m.ceiling(card),
        _ => None,
    }
}

fn unreachable(current: Option<Decimal>, reason: String, blocker: Option<Blocker>) -> Seek {
    Seek {
        reachable: false,
        value: None,
        current,
        change: None,
        reason,
        at: None,
        result: None,
        rounding: None,
        blocker,
    }
}

/// A reachable answer: the figure at `value`, with the scores there and any rounding note.
fn found(
    a: &Assessment,
    field: Field,
    goal: &Goal,
    current: Option<Decimal>,
    value: Decimal,
    reason: String,
) -> Seek {
    let mut b = a.clone();
    field.set(&mut b, Some(value));
    let card = score::score_figures(&b);
    let item = item_path(field).and_then(|p| card.items().find(|i| i.path == p));
    let mode = b.scheme.rounding.mode;
    let rate_label = |path: &str| {
        if path == EXECUTION_PATH {
            "执行率"
        } else {
            "完成率"
        }
    };
    let at = ScoreAt {
        item: item.map(|i| i.name.clone()),
        rate: item.and_then(|i| i.completion),
        score: item.map(|i| i.score),
        total: card.total,
        grade: card.grade,
    };
    let scored = item
        .map(|i| {
            let rate = i
                .completion
                .map(|r| (rate_label(&i.path), Pct(r, mode).to_string()));
            text::seek_scored(&i.name, rate, i.score)
        })
        .unwrap_or_default();
    let result = text::seek_result(&scored, card.total, card.grade.label());
    Seek {
        reachable: true,
        value: Some(value),
        current,
        // 0, not 0.00, when the figure already reaches the goal.
        change: num::sub(value, current.unwrap_or_default()).map(|d| {
            if d.is_zero() {
                Decimal::ZERO
            } else {
                d
            }
        }),
        reason,
        rounding: item.and_then(|i| rounding_note(&b, &card, i, goal, rate_label(&i.path))),
        at: Some(at),
        result: Some(result),
        blocker: None,
    }
}

/// The score-card item a figure is scored in: the execution block for the spending
/// budgets and 决算, an indicator's or criterion's own row for its figures.
fn item_path(field: Field) -> Option<String> {
    match field {
        Field::Amount(Line::Spending, Figure::Initial | Figure::Adjusted | Figure::Actual)
        | Field::ExecutionOverride => Some(EXECUTION_PATH.to_string()),
        Field::Indicator(i, _) => Some(format!("indicators[{i}]")),
        Field::Criterion(i, _) => Some(format!("criteria[{i}]")),
        _ => None,
    }
}

/// The field path of the override on the score-card item at `item` (`indicators[2]`, or
/// the execution block's path): set empty, the override is lifted.
pub fn override_path(item: &str) -> String {
    if item == EXECUTION_PATH {
        paths::EXECUTION_OVERRIDE.to_string()
    } else {
        format!("{item}.measure.override.score")
    }
}

/// The item's measure and points as the score card scores them.
fn measure_of(a: &Assessment, item: &str) -> Option<(Measure, Decimal)> {
    if item == EXECUTION_PATH {
        let (section, base, rule) = a.scheme.execution()?;
        return Some((score::execution_measure(a, base, rule), section.points));
    }
    match paths::row(item)? {
        Row::Indicator(i) => a.indicators.get(i).map(|x| (x.measure.clone(), x.points)),
        Row::Criterion(i) => a.criteria.get(i).map(|x| (x.measure.clone(), x.points)),
    }
}

/// When the metric reaches the goal's line only because the moved item's score is rounded
/// (738.68 of 739.04 is 99.95%, 9.9951 points, kept as 10.00), the note that says so.
fn rounding_note(
    b: &Assessment,
    card: &ScoreCard,
    item: &ItemScore,
    goal: &Goal,
    rate_label: &str,
) -> Option<String> {
    let metric = goal.metric();
    if item.overridden || !metric.counts(card, &item.path) {
        return None;
    }
    let r = b.scheme.rounding;
    let (m, points) = measure_of(b, &item.path)?;
    let exact = Rounding {
        rate_first: false,
        ..r
    };
    let raw = rules::unrounded(&m, points, exact)?;
    let line = goal.line(b)?;
    let value = metric.of(card)?;
    let unrounded = num::add(num::sub(value, item.score)?, raw)?;
    let carried = match goal {
        Goal::AtMost(..) => unrounded > line && value <= line,
        _ => unrounded < line && value >= line,
    };
    if !carried {
        return None;
    }
    let mode = text::rounding_mode(r.mode);
    let four = |x: Decimal| Plain(RoundingMode::Truncate.round(x, 4)).to_string();
    let rate = rules::evaluate_with(&m, points, exact, rules::ITEM_LABELS, false)
        .completion
        .map(|ratio| {
            let shown = num::percent(ratio).map(|p| format!("{}%", four(p)));
            let first = r.rate_first.then(|| {
                (
                    mode,
                    PctPlaces(r.rate(ratio), r.mode, r.rate_places).to_string(),
                )
            });
            text::seek_rounding_rate(rate_label, shown.unwrap_or_default(), first)
        })
        .unwrap_or_default();
    // The score before the scheme keeps its decimals: from the rate the scheme scores.
    let kept = rules::unrounded(&m, points, r)?;
    Some(text::seek_rounding(
        &rate,
        four(kept),
        mode,
        r.score_places,
        item.score,
        goal,
    ))
}

/// The override on the item the figure feeds, when it keeps the goal out of reach, with the
/// answer once it is lifted.
fn blocker(
    a: &Assessment,
    field: Field,
    path: &str,
    goal: &Goal,
) -> Result<Option<Blocker>, String> {
    if is_override(field) {
        return Ok(None);
    }
    let Some(item) = item_path(field) else {
        return Ok(None);
    };
    let card = score::score_figures(a);
    let Some(scored) = card.items().find(|i| i.path == item && i.overridden) else {
        return Ok(None);
    };
    let over = override_path(&item);
    let mut lifted = a.clone();
    paths::set(&mut lifted, &over, None).map_err(|e| e.to_string())?;
    Ok(Some(Blocker {
        path: over,
        item: scored.name.clone(),
        score: scored.score,
        lifted: Box::new(seek(&lifted, path, goal)?),
    }))
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
    let card = score::score_figures(a);
    let overridden = item_path(field)
        .filter(|_| !is_override(field))
        .and_then(|p| card.items().find(|i| i.path == p && i.overridden));
    let metric = goal.metric();
    let best = [Decimal::ZERO, LIMIT]
        .into_iter()
        .filter_map(|v| {
            let mut b = a.clone();
            field.set(&mut b, Some(v));
            metric.of(&score::score_figures(&b))
        })
        .fold(None, |acc: Option<Decimal>, x| {
            Some(match (acc, goal) {
                (None, _) => x,
                (Some(y), Goal::AtMost(..)) => y.min(x),
                (Some(y), _) => y.max(x),
            })
        });
    let full: Vec<String> = card
        .sections
        .iter()
        .filter(|s| s.score >= s.points)
        .map(|s| text::seek_full(&s.name))
        .collect();
    let mut reason = text::seek_cannot(label, goal);
    if let Some(b) = best {
        reason.push_str(&text::seek_best(
            &metric,
            matches!(goal, Goal::AtMost(..)),
            b,
        ));
    }
    if !full.is_empty() {
        reason.push_str(&format!("（{}）", full.join("，")));
    }
    if let Some(i) = overridden {
        reason.push_str(&text::seek_overridden(&i.name, i.score, label));
    }
    reason
}

/// Whether the field is an override's score itself, which no override can block.
fn is_override(field: Field) -> bool {
    matches!(
        field,
        Field::ExecutionOverride
            | Field::Indicator(_, Input::Override)
            | Field::Criterion(_, Input::Override)
    )
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
