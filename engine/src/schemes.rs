//! The schemes shipped with the program. What no source publishes is marked as an
//! editable default, never claimed as official.

use rust_decimal::Decimal;

use crate::model::{Aspect, IndicatorKind};
use crate::scheme::{
    AspectSpec, AtMostVariant, CriterionTemplate, DeductionBasis, ExecutionBase, Grade, GradeBand,
    IndicatorCategory, Rounding, Rule, Scheme, Section, SectionBody,
};

/// Every built-in scheme, by id.
pub fn builtin() -> Vec<Scheme> {
    vec![
        guangzhou_departmental(),
        national_project(),
        execution_10_indicators_90(),
        execution_20_indicators_80(),
    ]
}

/// A built-in scheme by its id.
pub fn by_id(id: &str) -> Option<Scheme> {
    builtin().into_iter().find(|s| s.id == id)
}

const OUTPUT_KINDS: [IndicatorKind; 4] = [
    IndicatorKind::Quantity,
    IndicatorKind::Quality,
    IndicatorKind::Timeliness,
    IndicatorKind::Cost,
];

/// 广州市部门整体支出绩效自评: execution 10 + 履职效能 40 + 管理效率 50.
pub fn guangzhou_departmental() -> Scheme {
    Scheme {
        id: "guangzhou-dept".into(),
        name: "广州市部门整体支出绩效自评".into(),
        notes: vec![
            "一级指标分值（预算执行率 10 分、履职效能 40 分、管理效率 50 分）依据天河区信访局 2023 年度部门整体支出绩效自评报告。".into(),
            "管理效率 50 分在七个方面的分配及各项评分细则未见公开，此处为可编辑的默认设置，并非官方标准。".into(),
            "预算执行率按全国通行规则计分：全年执行数 ÷ 全年预算数 × 10，最高 10 分。各地规则不同，可在评分标准中改为扣分或分档。".into(),
        ],
        sections: vec![
            execution_section(),
            Section {
                id: "effectiveness".into(),
                name: "履职效能".into(),
                points: pts(40),
                body: SectionBody::Indicators {
                    categories: vec![
                        IndicatorCategory {
                            name: "产出指标".into(),
                            points: Some(pts(20)),
                            kinds: OUTPUT_KINDS.to_vec(),
                        },
                        IndicatorCategory {
                            name: "效益指标".into(),
                            points: Some(pts(20)),
                            kinds: vec![
                                IndicatorKind::Economic,
                                IndicatorKind::Social,
                                IndicatorKind::Ecological,
                                IndicatorKind::Sustainability,
                                IndicatorKind::Satisfaction,
                            ],
                        },
                    ],
                },
            },
            Section {
                id: "management".into(),
                name: "管理效率".into(),
                points: pts(50),
                body: SectionBody::Management {
                    aspects: management_defaults(),
                },
            },
        ],
        ..common()
    }
}

/// 项目支出绩效自评 (财预〔2020〕10号): execution 10 + 产出 50 + 效益 30 + 满意度 10.
pub fn national_project() -> Scheme {
    let by_kind = |kinds: &[IndicatorKind]| -> Vec<IndicatorCategory> {
        kinds
            .iter()
            .map(|&k| IndicatorCategory {
                name: k.label().into(),
                points: None,
                kinds: vec![k],
            })
            .collect()
    };
    let section = |id: &str, name: &str, points: i64, kinds: &[IndicatorKind]| Section {
        id: id.into(),
        name: name.into(),
        points: pts(points),
        body: SectionBody::Indicators {
            categories: by_kind(kinds),
        },
    };
    Scheme {
        id: "national-project".into(),
        name: "项目支出绩效自评（财预〔2020〕10号）".into(),
        notes: vec![
            "一级指标权重依据《项目支出绩效评价管理办法》（财预〔2020〕10号）：预算执行率 10 分，产出指标 50 分，效益指标 30 分，满意度指标 10 分。".into(),
            "各三级指标的分值由单位在一级指标分值内自行确定。".into(),
        ],
        sections: vec![
            execution_section(),
            section("output", "产出指标", 50, &OUTPUT_KINDS),
            section(
                "benefit",
                "效益指标",
                30,
                &[
                    IndicatorKind::Economic,
                    IndicatorKind::Social,
                    IndicatorKind::Ecological,
                    IndicatorKind::Sustainability,
                ],
            ),
            section("satisfaction", "满意度指标", 10, &[IndicatorKind::Satisfaction]),
        ],
        ..common()
    }
}

/// "执行率 10 + 绩效指标 90": the departmental form of Chongqing and Sichuan.
pub fn execution_10_indicators_90() -> Scheme {
    execution_plus_indicators(
        "execution10-indicators90",
        "部门整体支出绩效自评（执行率 10 + 绩效指标 90）",
        10,
        "重庆、四川等地的部门整体支出绩效自评表：预算执行率 10 分，绩效指标合计 90 分。",
    )
}

/// "执行率 20 + 绩效指标 80": the departmental form of Hubei and some Yunnan counties.
pub fn execution_20_indicators_80() -> Scheme {
    execution_plus_indicators(
        "execution20-indicators80",
        "部门整体支出绩效自评（执行率 20 + 绩效指标 80）",
        20,
        "湖北及云南部分县的部门整体支出绩效自评表：预算执行率 20 分，绩效指标合计 80 分。",
    )
}

/// Execution worth `points`, the rest one section of indicators whose points are entered
/// per row: 产出 and 效益 group them, with no points of their own.
fn execution_plus_indicators(id: &str, name: &str, points: i64, source: &str) -> Scheme {
    let category = |name: &str, kinds: &[IndicatorKind]| IndicatorCategory {
        name: name.into(),
        points: None,
        kinds: kinds.to_vec(),
    };
    Scheme {
        id: id.into(),
        name: name.into(),
        notes: vec![
            source.into(),
            "各项绩效指标的分值由单位逐行填写，合计不超过绩效指标的分值；二级指标不设固定分值。"
                .into(),
            "预算执行率按全年执行数 ÷ 全年预算数 × 分值计分，最高为满分。".into(),
        ],
        sections: vec![
            Section {
                points: pts(points),
                ..execution_section()
            },
            Section {
                id: "indicators".into(),
                name: "绩效指标".into(),
                points: pts(100 - points),
                body: SectionBody::Indicators {
                    categories: vec![
                        category("产出指标", &OUTPUT_KINDS),
                        category(
                            "效益指标",
                            &[
                                IndicatorKind::Economic,
                                IndicatorKind::Social,
                                IndicatorKind::Ecological,
                                IndicatorKind::Sustainability,
                                IndicatorKind::Satisfaction,
                            ],
                        ),
                    ],
                },
            },
        ],
        ..common()
    }
}

/// What every shipped scheme shares: rounding, grades and thresholds.
fn common() -> Scheme {
    Scheme {
        rounding: Rounding::default(),
        grades: vec![
            GradeBand {
                grade: Grade::Excellent,
                min: pts(90),
            },
            GradeBand {
                grade: Grade::Good,
                min: pts(80),
            },
            GradeBand {
                grade: Grade::Fair,
                min: pts(60),
            },
            GradeBand {
                grade: Grade::Poor,
                min: Decimal::ZERO,
            },
        ],
        over_achievement: Decimal::new(15, 1),
        low_execution: Decimal::new(9, 1),
        ..Scheme::default()
    }
}

/// 预算执行率 10 分: 全年执行数 ÷ 全年预算数 × 10, capped at 10.
fn execution_section() -> Section {
    Section {
        id: "execution".into(),
        name: "预算执行率".into(),
        points: pts(10),
        body: SectionBody::Execution {
            base: ExecutionBase::Adjusted,
            rule: Rule::AtLeast,
        },
    }
}

/// The default split of 管理效率's 50 points: editable, not published by any source.
fn management_defaults() -> Vec<AspectSpec> {
    let checklist = |name: &str, points: i64, checks: &[&str]| CriterionTemplate {
        name: name.into(),
        points: pts(points),
        rule: Rule::Checklist,
        target: None,
        checks: checks.iter().map(|c| c.to_string()).collect(),
    };
    let deduct = |name: &str, points: i64, per: Decimal, checks: &[&str]| CriterionTemplate {
        rule: Rule::Deduction {
            basis: DeductionBasis::FailedChecks,
            per,
            step: Decimal::ONE,
        },
        ..checklist(name, points, checks)
    };
    let aspect = |aspect: Aspect, points: i64, criteria: Vec<CriterionTemplate>| AspectSpec {
        aspect,
        points: pts(points),
        editable_default: true,
        criteria,
    };
    vec![
        aspect(
            Aspect::Budgeting,
            10,
            vec![
                checklist(
                    "预算编制完整规范",
                    5,
                    &[
                        "收支全部纳入部门预算",
                        "项目支出有明确的立项依据和测算标准",
                        "按规定编报预算绩效目标",
                    ],
                ),
                deduct(
                    "预算调整规范",
                    5,
                    Decimal::new(25, 1),
                    &["预算调整按规定程序报批", "未发生无预算、超预算支出"],
                ),
            ],
        ),
        aspect(
            Aspect::Execution,
            10,
            vec![
                checklist(
                    "资金支付进度",
                    5,
                    &["按月度用款计划支付资金", "年末结转结余资金按规定处理"],
                ),
                deduct(
                    "预算执行管理",
                    5,
                    Decimal::new(25, 1),
                    &["建立预算执行分析与预警机制", "无违规支出、截留挪用资金"],
                ),
            ],
        ),
        aspect(
            Aspect::Disclosure,
            5,
            vec![checklist(
                "预决算及绩效信息公开",
                5,
                &[
                    "按规定公开部门预算",
                    "按规定公开部门决算",
                    "按规定公开绩效自评结果",
                ],
            )],
        ),
        aspect(
            Aspect::PerformanceManagement,
            10,
            vec![
                checklist(
                    "绩效目标管理",
                    5,
                    &["绩效目标与部门职能相符", "绩效指标细化、量化"],
                ),
                checklist(
                    "绩效运行监控与自评",
                    5,
                    &[
                        "按要求开展绩效运行监控",
                        "按要求开展绩效自评",
                        "自评发现的问题已整改",
                    ],
                ),
            ],
        ),
        aspect(
            Aspect::Procurement,
            5,
            vec![deduct(
                "政府采购规范",
                5,
                Decimal::TWO,
                &[
                    "按规定编报政府采购预算",
                    "采购程序合规",
                    "按规定公开采购信息",
                ],
            )],
        ),
        aspect(
            Aspect::Assets,
            5,
            vec![checklist(
                "资产管理规范",
                5,
                &["资产账实相符", "资产配置符合标准", "资产处置按规定报批"],
            )],
        ),
        aspect(
            Aspect::RunningCosts,
            5,
            vec![CriterionTemplate {
                name: "“三公”经费控制（万元）".into(),
                points: pts(5),
                rule: Rule::AtMost {
                    variant: AtMostVariant::Linear,
                },
                target: None,
                checks: Vec::new(),
            }],
        ),
    ]
}

fn pts(n: i64) -> Decimal {
    Decimal::from(n)
}
