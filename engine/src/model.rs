//! The assessment (自评): every figure and text a department enters for one year, for the
//! department as a whole (部门整体) or for one funded project (项目支出). Its file form is
//! derived: fields in declaration order, decimals as strings, unknown fields refused.

use std::collections::BTreeMap;

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

/// The two vocabularies the scheme is written in, used throughout the model.
pub use crate::scheme::{Aspect, IndicatorKind};
use crate::scheme::{CriterionTemplate, ExecutionBase, Rule, Scheme, SectionBody};

/// One department's self-assessment for one year, with the scheme it is scored under.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Assessment {
    /// 部门整体 or 项目支出: the file says which by its `kind`, so it is not in the body.
    #[serde(skip)]
    pub kind: Kind,
    /// The draft's own title, e.g. 示例：天河区信访局 2023 年度.
    pub title: String,
    /// 部门（单位）名称; a project's 主管部门.
    pub department: String,
    /// 项目名称, on the project form only.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub project_name: String,
    /// 实施单位, on the project form only.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub implementer: String,
    /// 年度.
    pub year: i32,
    /// 金额单位.
    pub unit: AmountUnit,
    /// 部门职能: numbered paragraphs.
    pub duties: Vec<String>,
    /// 年度总体工作和重点工作任务 (a project's 实际完成情况): paragraphs.
    pub key_tasks: Vec<String>,
    /// 部门整体支出绩效目标 (a project's 预期目标): paragraphs.
    pub objectives: Vec<String>,
    /// Workload figures (工作量): counts from which growth, rates and shares derive.
    pub workload: Vec<Tally>,
    /// 部门整体收支情况.
    pub finance: Finance,
    /// 绩效指标 (产出 and 效益).
    pub indicators: Vec<Indicator>,
    /// 管理效率 criteria.
    pub criteria: Vec<Criterion>,
    /// A score for the budget-execution block set by hand, e.g. as published.
    pub execution_override: Option<Override>,
    /// 存在的主要问题.
    pub problems: Vec<String>,
    /// 下一步改进措施.
    pub measures: Vec<String>,
    /// The scoring scheme, carried in the file so any reviewer can score it.
    pub scheme: Scheme,
    /// Report paragraphs reworded by hand, by paragraph key (see [`crate::report`]); left
    /// out of the file when there are none.
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub report_edits: BTreeMap<String, ReportEdit>,
}

/// A generated report paragraph as a reviewer reworded it.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct ReportEdit {
    /// The paragraph as it now reads.
    pub text: String,
    /// The generated text it replaced: when today's differs, its figures have changed.
    pub generated: String,
}

/// Which self-assessment form an assessment fills in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    /// 部门整体支出绩效自评, the seed's.
    #[default]
    Departmental,
    /// 项目支出绩效自评 (财预〔2020〕10号): one funded project, without the department's
    /// basic/project split, economic rows or management criteria.
    Project,
}

impl Kind {
    pub const ALL: [Kind; 2] = [Kind::Departmental, Kind::Project];

    /// The form's name as titles print it: 部门整体支出 or 项目支出.
    pub fn label(self) -> &'static str {
        match self {
            Kind::Departmental => "部门整体支出",
            Kind::Project => "项目支出",
        }
    }

    /// The `kind` a file of this form carries.
    pub fn file_kind(self) -> &'static str {
        match self {
            Kind::Departmental => "assessment",
            Kind::Project => "project",
        }
    }
}

impl Assessment {
    /// A blank project assessment under a scheme.
    pub fn project(scheme: Scheme) -> Self {
        Assessment {
            kind: Kind::Project,
            scheme,
            ..Assessment::default()
        }
    }

    /// A blank assessment under a scheme, with the scheme's default management criteria.
    pub fn new(scheme: Scheme) -> Self {
        let criteria = scheme
            .aspects()
            .flat_map(|spec| {
                spec.criteria.iter().map(|t| Criterion {
                    aspect: spec.aspect,
                    name: t.name.clone(),
                    points: t.points,
                    measure: Measure {
                        target: t.target,
                        checks: t
                            .checks
                            .iter()
                            .map(|text| Check {
                                text: text.clone(),
                                met: false,
                            })
                            .collect(),
                        ..Measure::new(t.rule.clone())
                    },
                    example: false,
                })
            })
            .collect();
        Assessment {
            criteria,
            scheme,
            ..Assessment::default()
        }
    }

    /// Makes this assessment's management criteria the scheme's own (wording, points, rules,
    /// checks; not what was met), so an exported scheme carries them to next year.
    pub fn criteria_into_scheme(&mut self) {
        let criteria = &self.criteria;
        for section in &mut self.scheme.sections {
            let SectionBody::Management { aspects } = &mut section.body else {
                continue;
            };
            for spec in aspects {
                spec.criteria = criteria
                    .iter()
                    .filter(|c| c.aspect == spec.aspect)
                    .map(|c| CriterionTemplate {
                        name: c.name.clone(),
                        points: c.points,
                        rule: c.measure.rule.clone(),
                        target: c.measure.target,
                        checks: c.measure.checks.iter().map(|k| k.text.clone()).collect(),
                    })
                    .collect();
            }
        }
        self.scheme.mark_custom();
    }

    /// The rows the scheme does not score: criteria of an aspect it has not, indicators of
    /// a kind none of its categories takes (after the scheme was changed, say).
    pub fn unscored(&self) -> Unscored {
        let s = &self.scheme;
        Unscored {
            criteria: (0..self.criteria.len())
                .filter(|&i| s.aspect(self.criteria[i].aspect).is_none())
                .collect(),
            indicators: (0..self.indicators.len())
                .filter(|&i| s.category_of(self.indicators[i].kind).is_none())
                .collect(),
        }
    }

    /// Takes out the rows the scheme does not score, and says which they were.
    pub fn remove_unscored(&mut self) -> Unscored {
        let gone = self.unscored();
        retain_places(&mut self.criteria, &gone.criteria);
        retain_places(&mut self.indicators, &gone.indicators);
        gone
    }
}

/// Keeps the rows of `rows` but those at the places `drop` (rows, or a table's keys beside
/// them).
pub fn retain_places<T>(rows: &mut Vec<T>, drop: &[usize]) {
    let mut place = 0;
    rows.retain(|_| {
        place += 1;
        !drop.contains(&(place - 1))
    });
}

/// Rows an assessment holds that its scheme does not score, by their places.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Unscored {
    pub criteria: Vec<usize>,
    pub indicators: Vec<usize>,
}

impl Unscored {
    pub fn is_empty(&self) -> bool {
        self.criteria.is_empty() && self.indicators.is_empty()
    }
}

impl Assessment {
    /// The year as the report and the sheet print it, or a blank to fill in.
    pub fn year_label(&self) -> String {
        if self.year == 0 {
            "____".into()
        } else {
            self.year.to_string()
        }
    }
}

/// 金额单位.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum AmountUnit {
    /// 万元, the seed's unit.
    #[default]
    #[serde(rename = "万元")]
    WanYuan,
    /// 元.
    #[serde(rename = "元")]
    Yuan,
}

impl AmountUnit {
    pub fn label(self) -> &'static str {
        match self {
            AmountUnit::WanYuan => "万元",
            AmountUnit::Yuan => "元",
        }
    }
}

/// A counted workload figure, e.g. 信访事项 31631 件 (last year 17023), with its parts.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Tally {
    pub name: String,
    /// 件, 人次, …
    pub unit: String,
    pub value: Option<Decimal>,
    /// Last year's value, for 同比.
    pub last_year: Option<Decimal>,
    /// How many of `value` were done, for a rate such as 办结率 = done / value.
    pub done: Option<Decimal>,
    /// The rate's name, e.g. 办结率.
    pub rate_name: String,
    pub breakdowns: Vec<Breakdown>,
}

/// A split of a tally into parts: complete ones must sum to the tally.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Breakdown {
    pub title: String,
    /// Whether the parts cover the whole (来访 + 来信 + 网信) or only some of it.
    pub complete: bool,
    pub parts: Vec<Part>,
}

/// One named part of a breakdown.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Part {
    pub name: String,
    pub value: Option<Decimal>,
}

/// The four figures every budget line carries.
#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Amounts {
    /// 年初预算数.
    pub initial: Option<Decimal>,
    /// 调整预算数 (全年预算数).
    pub adjusted: Option<Decimal>,
    /// 决算数 (全年执行数).
    pub actual: Option<Decimal>,
    /// Last year's 决算数, for 同比.
    pub last_actual: Option<Decimal>,
}

impl Amounts {
    /// The budget figure a scheme's execution base names: 全年预算数 or 年初预算数.
    pub fn budget(&self, base: ExecutionBase) -> Option<Decimal> {
        match base {
            ExecutionBase::Adjusted => self.adjusted,
            ExecutionBase::Initial => self.initial,
        }
    }

    /// Whether no figure is entered: a line the file leaves out.
    pub fn is_blank(&self) -> bool {
        *self == Amounts::default()
    }
}

/// 部门整体收支情况. Income in total is derived: appropriation + other funds. A project's
/// funding block reads spending as 年度资金总额, then 财政拨款, 上年结转资金 and 其他资金.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Finance {
    /// 财政拨款收入.
    pub appropriation: Amounts,
    /// 其他资金收入.
    pub other_funds: Amounts,
    /// 上年结转资金, on the project form only.
    #[serde(skip_serializing_if = "Amounts::is_blank")]
    pub carryover: Amounts,
    /// 部门整体支出.
    pub spending: Amounts,
    /// 基本支出 (决算).
    pub basic: Option<Decimal>,
    /// 项目支出 (决算).
    pub project: Option<Decimal>,
    /// 经济分类 actual spending, in the fixed order of [`EconomicClass::ALL`].
    pub economic: [Option<Decimal>; 10],
    /// Why execution fell short, required below the scheme's threshold (e.g. 90%).
    pub execution_note: String,
}

impl Finance {
    /// The project form's funding rows in its order: 年度资金总额, then its parts, each
    /// with its name and its key in field paths.
    pub fn funding(&self) -> [(&'static str, &'static str, &Amounts); 4] {
        [
            ("年度资金总额", "spending", &self.spending),
            ("财政拨款", "appropriation", &self.appropriation),
            ("上年结转资金", "carryover", &self.carryover),
            ("其他资金", "other_funds", &self.other_funds),
        ]
    }
}

/// 支出经济分类, the ten fixed rows of the table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EconomicClass {
    Wages,
    GoodsAndServices,
    HouseholdSubsidies,
    DebtInterest,
    CapitalConstruction,
    Capital,
    EnterpriseConstruction,
    EnterpriseSubsidies,
    SocialSecurityFunds,
    Other,
}

impl EconomicClass {
    pub const ALL: [EconomicClass; 10] = [
        EconomicClass::Wages,
        EconomicClass::GoodsAndServices,
        EconomicClass::HouseholdSubsidies,
        EconomicClass::DebtInterest,
        EconomicClass::CapitalConstruction,
        EconomicClass::Capital,
        EconomicClass::EnterpriseConstruction,
        EconomicClass::EnterpriseSubsidies,
        EconomicClass::SocialSecurityFunds,
        EconomicClass::Other,
    ];

    pub fn label(self) -> &'static str {
        match self {
            EconomicClass::Wages => "工资福利支出",
            EconomicClass::GoodsAndServices => "商品和服务支出",
            EconomicClass::HouseholdSubsidies => "对个人和家庭的补助",
            EconomicClass::DebtInterest => "债务利息及费用支出",
            EconomicClass::CapitalConstruction => "资本性支出（基本建设）",
            EconomicClass::Capital => "资本性支出",
            EconomicClass::EnterpriseConstruction => "对企业补助（基本建设）",
            EconomicClass::EnterpriseSubsidies => "对企业补助",
            EconomicClass::SocialSecurityFunds => "对社会保障基金补助",
            EconomicClass::Other => "其他支出",
        }
    }
}

/// 绩效指标: one performance indicator with its target, result and scoring rule.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Indicator {
    pub kind: IndicatorKind,
    pub name: String,
    /// 计量单位, e.g. 件 or %.
    #[serde(default)]
    pub unit: String,
    /// 分值.
    pub points: Decimal,
    pub measure: Measure,
    /// 偏差原因分析及改进措施, required below full marks.
    #[serde(default)]
    pub deviation_note: String,
    /// Filled in by the program as example data, not taken from a source.
    #[serde(default)]
    pub example: bool,
}

/// 管理效率 criterion: one scored condition under one of the seven aspects.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Criterion {
    pub aspect: Aspect,
    pub name: String,
    pub points: Decimal,
    pub measure: Measure,
    #[serde(default)]
    pub example: bool,
}

/// A rule and the inputs it scores: shared by indicators, criteria and the execution block.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Measure {
    pub rule: Rule,
    /// 年度指标值.
    pub target: Option<Decimal>,
    /// 实际完成值.
    pub actual: Option<Decimal>,
    /// 达成 / 部分达成 / 未达成, for qualitative rules.
    pub grade: Option<Achievement>,
    /// The score a user enters for qualitative and manual rules.
    pub entered_score: Option<Decimal>,
    /// Conditions for checklist and per-failure deduction rules.
    #[serde(default)]
    pub checks: Vec<Check>,
    /// Why a manual score is what it is.
    #[serde(default)]
    pub reason: String,
    /// A score set by hand over the computed one.
    #[serde(rename = "override")]
    pub override_score: Option<Override>,
}

impl Measure {
    /// A measure with this rule and no inputs yet.
    pub fn new(rule: Rule) -> Self {
        Measure {
            rule,
            target: None,
            actual: None,
            grade: None,
            entered_score: None,
            checks: Vec::new(),
            reason: String::new(),
            override_score: None,
        }
    }
}

/// 定性评价等级.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Achievement {
    #[serde(rename = "达成")]
    Achieved,
    #[serde(rename = "部分达成")]
    Partial,
    #[serde(rename = "未达成")]
    NotAchieved,
}

impl Achievement {
    pub fn label(self) -> &'static str {
        match self {
            Achievement::Achieved => "达成",
            Achievement::Partial => "部分达成",
            Achievement::NotAchieved => "未达成",
        }
    }
}

/// One checklist condition and whether it is met.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Check {
    pub text: String,
    pub met: bool,
}

/// A score set by hand, which must give its reason.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Override {
    pub score: Decimal,
    #[serde(default)]
    pub reason: String,
}
