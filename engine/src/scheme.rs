//! The scoring scheme (评分标准): a tree of sections, categories and indicators with
//! points, the rule types, rounding and grade bands. Schemes are data, so users can edit
//! and share them. Their file form is derived, as the assessment's is.

use rust_decimal::Decimal;
use serde::{Deserialize, Deserializer, Serialize};

use crate::num::RoundingMode;

/// A complete scoring scheme.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Scheme {
    /// Stable identifier, e.g. `guangzhou-dept`.
    pub id: String,
    pub name: String,
    /// Where the scheme comes from and what in it is a default rather than published.
    pub notes: Vec<String>,
    pub rounding: Rounding,
    /// 等级: the lowest total for each grade, best first.
    pub grades: Vec<GradeBand>,
    /// Warn when actual ÷ target reaches this ratio on an at-least indicator (目标设定偏低).
    pub over_achievement: Decimal,
    /// Below this execution rate, an explanation is asked for.
    pub low_execution: Decimal,
    /// Whether that explanation is required (an error) rather than asked for (a warning):
    /// published forms often leave it blank, so only a scheme that demands it says so.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub execution_note_required: bool,
    /// 一级指标.
    pub sections: Vec<Section>,
}

/// How scores and displayed figures are rounded.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Rounding {
    pub mode: RoundingMode,
    /// Round a rate to `rate_places` decimals of percent before scoring it.
    pub rate_first: bool,
    /// Decimals of the percentage a rate keeps when `rate_first` rounds it: 2 keeps
    /// 49.88%, 0 makes it 50% (a province that multiplies by whole percents).
    #[serde(skip_serializing_if = "is_default_places")]
    pub rate_places: u32,
    /// Decimals each item's score keeps, in `mode`: 2 keeps 8.62, 0 whole points (9).
    #[serde(skip_serializing_if = "is_default_places")]
    pub score_places: u32,
}

/// The decimals kept where a scheme says nothing: 2, as every form before these options.
pub const DEFAULT_PLACES: u32 = 2;

/// The most decimals a scheme may keep of a rate's percentage or of a score.
pub const MAX_PLACES: u32 = 4;

impl Default for Rounding {
    fn default() -> Self {
        Rounding {
            mode: RoundingMode::default(),
            rate_first: false,
            rate_places: DEFAULT_PLACES,
            score_places: DEFAULT_PLACES,
        }
    }
}

impl Rounding {
    /// A score kept to the scheme's decimals, in its mode: 8.62 → 9 with 0 places.
    pub fn score(self, value: Decimal) -> Decimal {
        self.mode.round(value, self.score_places.min(MAX_PLACES))
    }

    /// A ratio rounded to the kept decimals of its percentage: 0.4988 → 0.50 with 0 places.
    pub fn rate(self, ratio: Decimal) -> Decimal {
        self.mode.round(ratio, self.rate_places.min(MAX_PLACES) + 2)
    }
}

/// Leaves a default `rate_places` or `score_places` out of the file, so files written
/// before these options are written byte for byte as they were.
fn is_default_places(places: &u32) -> bool {
    *places == DEFAULT_PLACES
}

/// 等级.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Grade {
    #[serde(rename = "优")]
    Excellent,
    #[serde(rename = "良")]
    Good,
    #[serde(rename = "中")]
    Fair,
    #[serde(rename = "差")]
    Poor,
}

impl Grade {
    /// Every grade, best first.
    pub const ALL: [Grade; 4] = [Grade::Excellent, Grade::Good, Grade::Fair, Grade::Poor];

    pub fn label(self) -> &'static str {
        match self {
            Grade::Excellent => "优",
            Grade::Good => "良",
            Grade::Fair => "中",
            Grade::Poor => "差",
        }
    }
}

/// The lowest total that earns a grade.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GradeBand {
    pub grade: Grade,
    pub min: Decimal,
}

/// 一级指标, with its points and what fills it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Section {
    /// Stable identifier used in paths, e.g. `effectiveness`.
    pub id: String,
    pub name: String,
    pub points: Decimal,
    pub body: SectionBody,
}

/// What a section scores: an object tagged by its `type`, read through [`BodyFields`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case", try_from = "BodyFields")]
pub enum SectionBody {
    /// 预算执行: 全年执行数 against a base, scored by a rule.
    Execution { base: ExecutionBase, rule: Rule },
    /// 绩效指标 entered by the department, grouped by kind into categories.
    Indicators { categories: Vec<IndicatorCategory> },
    /// 管理效率: the seven aspects with their criteria.
    Management { aspects: Vec<AspectSpec> },
}

/// Which budget figure the execution rate divides by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ExecutionBase {
    /// 调整预算数 (全年预算数), the national rule.
    #[default]
    Adjusted,
    /// 年初预算数.
    Initial,
}

/// 二级指标 holding indicators of some kinds, e.g. 产出 = 数量 + 质量 + 时效 + 成本.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct IndicatorCategory {
    pub name: String,
    /// Points, when the scheme fixes them (广州: 产出 20, 效益 20).
    pub points: Option<Decimal>,
    pub kinds: Vec<IndicatorKind>,
}

/// One management aspect, its points and the default criteria a new assessment gets.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AspectSpec {
    pub aspect: Aspect,
    pub points: Decimal,
    /// True where no source publishes this split: a default the user may edit.
    #[serde(default)]
    pub editable_default: bool,
    #[serde(default)]
    pub criteria: Vec<CriterionTemplate>,
}

/// A criterion as the scheme proposes it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CriterionTemplate {
    pub name: String,
    pub points: Decimal,
    pub rule: Rule,
    pub target: Option<Decimal>,
    #[serde(default)]
    pub checks: Vec<String>,
}

/// How one indicator, criterion or the execution block is scored: an object tagged by its
/// `type`, read through [`RuleFields`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case", try_from = "RuleFields")]
pub enum Rule {
    /// 正向: full at or above target, else points × actual ÷ target.
    AtLeast,
    /// 反向: full at or below target, else reduced as the variant says.
    AtMost { variant: AtMostVariant },
    /// 等于: full when equal, else reduced by the relative deviation.
    Exactly,
    /// 定性: a grade and an entered score within the grade's band.
    Qualitative,
    /// 分档: the first band whose threshold the value reaches.
    Bands { basis: Basis, bands: Vec<Band> },
    /// 扣分: full points minus `per` for each `step` of the gap, floored at 0.
    Deduction {
        basis: DeductionBasis,
        per: Decimal,
        step: Decimal,
    },
    /// Each met condition earns its share of the points.
    Checklist,
    /// The user enters the score and gives a reason.
    Manual,
}

impl Rule {
    /// The rule's name as the form prints it.
    pub fn label(&self) -> &'static str {
        match self {
            Rule::AtLeast => "正向指标（≥ 目标）",
            Rule::AtMost {
                variant: AtMostVariant::Ratio,
            } => "反向指标（≤ 目标，按比例）",
            Rule::AtMost {
                variant: AtMostVariant::Linear,
            } => "反向指标（≤ 目标，按超出幅度）",
            Rule::Exactly => "等于目标",
            Rule::Qualitative => "定性指标",
            Rule::Bands { .. } => "分档计分",
            Rule::Deduction { .. } => "扣分制",
            Rule::Checklist => "逐项检查",
            Rule::Manual => "人工评分",
        }
    }

    /// Whether the rule reads a target.
    pub fn needs_target(&self) -> bool {
        match self {
            Rule::AtLeast | Rule::AtMost { .. } | Rule::Exactly => true,
            Rule::Bands { basis, .. } => *basis == Basis::Completion,
            Rule::Deduction { basis, .. } => *basis != DeductionBasis::FailedChecks,
            Rule::Qualitative | Rule::Checklist | Rule::Manual => false,
        }
    }

    /// Whether the rule reads an actual value.
    pub fn needs_actual(&self) -> bool {
        matches!(self, Rule::Bands { .. }) || self.needs_target()
    }
}

/// The two published ways of scoring an at-most indicator above its target.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AtMostVariant {
    /// points × target ÷ actual.
    Ratio,
    /// points × (1 − (actual − target) ÷ target), zero from twice the target.
    Linear,
}

/// What a band threshold is compared with.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Basis {
    /// The completion rate in percent: actual ÷ target × 100.
    Completion,
    /// The actual value itself.
    Actual,
}

/// One band: reaching `min` earns `points`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Band {
    pub min: Decimal,
    pub points: Decimal,
}

/// What a deduction counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DeductionBasis {
    /// target − actual, in the indicator's unit.
    Shortfall,
    /// actual − target, in the indicator's unit.
    Excess,
    /// 100 − completion rate, in percentage points ("每低 1 个百分点扣 1 分").
    CompletionShortfall,
    /// The number of unmet checks.
    FailedChecks,
}

impl Scheme {
    /// Marks a scheme changed by the user, once: a new id and name, so it is never taken
    /// for the built-in or imported scheme it came from.
    pub fn mark_custom(&mut self) {
        if !self.id.starts_with("custom-") {
            self.id = format!("custom-{}", self.id);
            self.name = crate::text::custom_scheme(&self.name);
        }
    }

    /// The sections' points added up: 100 in a valid scheme.
    pub fn max_total(&self) -> Decimal {
        crate::num::sum(self.sections.iter().map(|s| s.points)).unwrap_or(Decimal::MAX)
    }

    /// The grade a total earns: the first band, best first, whose minimum it reaches.
    pub fn grade(&self, total: Decimal) -> Grade {
        // The highest minimum reached; of equal ones, the first listed.
        self.grades
            .iter()
            .filter(|b| total >= b.min)
            .min_by_key(|b| std::cmp::Reverse(b.min))
            .map(|b| b.grade)
            .unwrap_or(Grade::Poor)
    }

    /// The category, with its section's index, that holds indicators of this kind.
    pub fn category_of(&self, kind: IndicatorKind) -> Option<(usize, &IndicatorCategory)> {
        self.sections
            .iter()
            .enumerate()
            .find_map(|(i, s)| match &s.body {
                SectionBody::Indicators { categories } => categories
                    .iter()
                    .find(|c| c.kinds.contains(&kind))
                    .map(|c| (i, c)),
                _ => None,
            })
    }

    /// The spec of a management aspect, when the scheme has one.
    pub fn aspect(&self, aspect: Aspect) -> Option<&AspectSpec> {
        self.aspects().find(|a| a.aspect == aspect)
    }

    /// Every management aspect, in the scheme's order.
    pub fn aspects(&self) -> impl Iterator<Item = &AspectSpec> {
        self.sections
            .iter()
            .filter_map(|s| match &s.body {
                SectionBody::Management { aspects } => Some(aspects),
                _ => None,
            })
            .flatten()
    }

    /// The execution block's section, base and rule, when the scheme has one.
    pub fn execution(&self) -> Option<(&Section, ExecutionBase, &Rule)> {
        self.sections.iter().find_map(|s| match &s.body {
            SectionBody::Execution { base, rule } => Some((s, *base, rule)),
            _ => None,
        })
    }
}

/// A rule's object as the file holds it: its `type` and every field some type has, each
/// read where it stands so a wrong one is named by its own path; [`Rule`] is then made
/// from the fields its type has, and any other is refused.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RuleFields {
    #[serde(rename = "type")]
    kind: RuleType,
    #[serde(default, deserialize_with = "present")]
    variant: Option<AtMostVariant>,
    #[serde(default, deserialize_with = "present")]
    basis: Option<AnyBasis>,
    #[serde(default, deserialize_with = "present")]
    bands: Option<Vec<Band>>,
    #[serde(default, deserialize_with = "present")]
    per: Option<Decimal>,
    #[serde(default, deserialize_with = "present")]
    step: Option<Decimal>,
}

/// The `type` of a rule.
#[derive(Deserialize)]
#[serde(rename_all = "snake_case")]
enum RuleType {
    AtLeast,
    AtMost,
    Exactly,
    Qualitative,
    Bands,
    Deduction,
    Checklist,
    Manual,
}

/// A `basis` of either kind: which kinds a rule takes depends on its type.
#[derive(Deserialize)]
#[serde(rename_all = "snake_case")]
enum AnyBasis {
    Completion,
    Actual,
    Shortfall,
    Excess,
    CompletionShortfall,
    FailedChecks,
}

impl TryFrom<RuleFields> for Rule {
    type Error = String;

    fn try_from(f: RuleFields) -> Result<Self, String> {
        let has = match f.kind {
            RuleType::AtMost => &["variant"][..],
            RuleType::Bands => &["basis", "bands"],
            RuleType::Deduction => &["basis", "per", "step"],
            _ => &[],
        };
        let present = [
            ("variant", f.variant.is_some()),
            ("basis", f.basis.is_some()),
            ("bands", f.bands.is_some()),
            ("per", f.per.is_some()),
            ("step", f.step.is_some()),
        ];
        only(&present, has)?;
        Ok(match f.kind {
            RuleType::AtLeast => Rule::AtLeast,
            RuleType::AtMost => Rule::AtMost {
                variant: needed(f.variant, "variant")?,
            },
            RuleType::Exactly => Rule::Exactly,
            RuleType::Qualitative => Rule::Qualitative,
            RuleType::Bands => Rule::Bands {
                basis: match needed(f.basis, "basis")? {
                    AnyBasis::Completion => Basis::Completion,
                    AnyBasis::Actual => Basis::Actual,
                    _ => return Err(wrong_basis("completion actual")),
                },
                bands: needed(f.bands, "bands")?,
            },
            RuleType::Deduction => Rule::Deduction {
                basis: match needed(f.basis, "basis")? {
                    AnyBasis::Shortfall => DeductionBasis::Shortfall,
                    AnyBasis::Excess => DeductionBasis::Excess,
                    AnyBasis::CompletionShortfall => DeductionBasis::CompletionShortfall,
                    AnyBasis::FailedChecks => DeductionBasis::FailedChecks,
                    _ => {
                        return Err(wrong_basis(
                            "shortfall excess completion_shortfall failed_checks",
                        ))
                    }
                },
                per: needed(f.per, "per")?,
                step: needed(f.step, "step")?,
            },
            RuleType::Checklist => Rule::Checklist,
            RuleType::Manual => Rule::Manual,
        })
    }
}

/// A section body's object as the file holds it, read as [`RuleFields`] is.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct BodyFields {
    #[serde(rename = "type")]
    kind: BodyType,
    #[serde(default, deserialize_with = "present")]
    base: Option<ExecutionBase>,
    #[serde(default, deserialize_with = "present")]
    rule: Option<Rule>,
    #[serde(default, deserialize_with = "present")]
    categories: Option<Vec<IndicatorCategory>>,
    #[serde(default, deserialize_with = "present")]
    aspects: Option<Vec<AspectSpec>>,
}

/// The `type` of a section body.
#[derive(Deserialize)]
#[serde(rename_all = "snake_case")]
enum BodyType {
    Execution,
    Indicators,
    Management,
}

impl TryFrom<BodyFields> for SectionBody {
    type Error = String;

    fn try_from(f: BodyFields) -> Result<Self, String> {
        let has = match f.kind {
            BodyType::Execution => &["base", "rule"][..],
            BodyType::Indicators => &["categories"],
            BodyType::Management => &["aspects"],
        };
        let present = [
            ("base", f.base.is_some()),
            ("rule", f.rule.is_some()),
            ("categories", f.categories.is_some()),
            ("aspects", f.aspects.is_some()),
        ];
        only(&present, has)?;
        Ok(match f.kind {
            BodyType::Execution => SectionBody::Execution {
                base: needed(f.base, "base")?,
                rule: needed(f.rule, "rule")?,
            },
            BodyType::Indicators => SectionBody::Indicators {
                categories: needed(f.categories, "categories")?,
            },
            BodyType::Management => SectionBody::Management {
                aspects: needed(f.aspects, "aspects")?,
            },
        })
    }
}

/// A field of a tagged object that is there, so it must hold its value (`null` does not);
/// one left out is `None` by `#[serde(default)]`.
fn present<'de, D: Deserializer<'de>, T: Deserialize<'de>>(d: D) -> Result<Option<T>, D::Error> {
    T::deserialize(d).map(Some)
}

/// Refuses a field present in the file that the object's `type` does not have.
fn only(present: &[(&str, bool)], has: &[&str]) -> Result<(), String> {
    match present.iter().find(|(name, p)| *p && !has.contains(name)) {
        Some((name, _)) => Err(format!("无法识别的字段“{name}”（这一类型没有此字段）")),
        None => Ok(()),
    }
}

/// A field the object's `type` must have.
fn needed<T>(field: Option<T>, name: &str) -> Result<T, String> {
    field.ok_or_else(|| format!("缺少必填字段 {name}"))
}

/// A `basis` that belongs to the other kind of rule.
fn wrong_basis(names: &str) -> String {
    format!("字段 basis 应为以下之一：{names}")
}

/// 三级指标类型: which kind of output or benefit an indicator measures.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum IndicatorKind {
    Quantity,
    Quality,
    Timeliness,
    Cost,
    Economic,
    Social,
    Ecological,
    Sustainability,
    Satisfaction,
}

impl IndicatorKind {
    pub const ALL: [IndicatorKind; 9] = [
        IndicatorKind::Quantity,
        IndicatorKind::Quality,
        IndicatorKind::Timeliness,
        IndicatorKind::Cost,
        IndicatorKind::Economic,
        IndicatorKind::Social,
        IndicatorKind::Ecological,
        IndicatorKind::Sustainability,
        IndicatorKind::Satisfaction,
    ];

    /// The report's name, e.g. 数量指标.
    pub fn label(self) -> &'static str {
        match self {
            IndicatorKind::Quantity => "数量指标",
            IndicatorKind::Quality => "质量指标",
            IndicatorKind::Timeliness => "时效指标",
            IndicatorKind::Cost => "成本指标",
            IndicatorKind::Economic => "经济效益指标",
            IndicatorKind::Social => "社会效益指标",
            IndicatorKind::Ecological => "生态效益指标",
            IndicatorKind::Sustainability => "可持续影响指标",
            IndicatorKind::Satisfaction => "服务对象满意度指标",
        }
    }

    /// 产出 or 效益: the two groups the report counts indicators by.
    pub fn is_output(self) -> bool {
        matches!(
            self,
            IndicatorKind::Quantity
                | IndicatorKind::Quality
                | IndicatorKind::Timeliness
                | IndicatorKind::Cost
        )
    }
}

/// 管理效率的七个方面.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Aspect {
    Budgeting,
    Execution,
    Disclosure,
    PerformanceManagement,
    Procurement,
    Assets,
    RunningCosts,
}

impl Aspect {
    pub const ALL: [Aspect; 7] = [
        Aspect::Budgeting,
        Aspect::Execution,
        Aspect::Disclosure,
        Aspect::PerformanceManagement,
        Aspect::Procurement,
        Aspect::Assets,
        Aspect::RunningCosts,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Aspect::Budgeting => "预算编制",
            Aspect::Execution => "预算执行",
            Aspect::Disclosure => "信息公开",
            Aspect::PerformanceManagement => "绩效管理",
            Aspect::Procurement => "采购管理",
            Aspect::Assets => "资产管理",
            Aspect::RunningCosts => "运行成本",
        }
    }
}
