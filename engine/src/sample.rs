//! The built-in samples: the seed report (天河区信访局 2023 年度) as a complete assessment,
//! and a project assessment on the national form made up around it.
//! Where the report is silent (indicator names and targets, management sub-criteria,
//! last year's counts behind its growth rates) the values are plausible example data,
//! marked `example` where the model has the flag.

use rust_decimal::Decimal;

use crate::model::{
    Achievement, Assessment, Breakdown, Indicator, IndicatorKind, Measure, Override, Part, Tally,
};
use crate::scheme::Rule;
use crate::schemes;

/// The sample's title in the draft list.
pub const TITLE: &str = "示例：天河区信访局 2023 年度";

/// The project sample's title in the draft list.
pub const PROJECT_TITLE: &str = "示例：信访事项办理专项经费 2023 年度（项目支出）";

/// A project self-assessment (项目支出绩效自评) under the national scheme. Every figure is
/// example data, not taken from a source: the funding rows add up, one output and one
/// benefit indicator fall short with their deviation notes, and the total is 98.06.
pub fn project() -> Assessment {
    let mut a = Assessment::project(schemes::national_project());
    a.title = PROJECT_TITLE.into();
    a.project_name = "信访事项办理专项经费".into();
    a.department = "广州市天河区信访局".into();
    a.implementer = "广州市天河区信访局".into();
    a.year = 2023;
    a.objectives = vec!["规范办理群众来信、来访和网上信访事项，按期办结交办、督办件，推动信访积案化解，提升群众对信访工作的满意度。".into()];
    a.key_tasks = vec!["全年办理信访事项31631件，按期办结率99.85%；接待群众来访228场次，低于年度目标；信访积案化解率85.2%；群众满意率97.96%。".into()];
    a.problems =
        vec!["一是来访接待场次未达年度目标；二是部分历史积案化解难度大，化解率低于目标。".into()];
    a.measures = vec![
        "一是优化来访接待排班，增加街道联合接访；二是对积案逐件落实包案责任，加强督办。".into(),
    ];

    let f = &mut a.finance;
    f.spending.initial = d("180.00");
    f.spending.adjusted = d("186.50");
    f.spending.actual = d("179.60");
    f.appropriation.initial = d("170.00");
    f.appropriation.adjusted = d("176.50");
    f.appropriation.actual = d("170.10");
    f.carryover.initial = d("10.00");
    f.carryover.adjusted = d("10.00");
    f.carryover.actual = d("9.50");

    let ind = |kind, name: &str, unit: &str, points: i64, target: &str, actual: &str| {
        let mut m = Measure::new(Rule::AtLeast);
        m.target = d(target);
        m.actual = d(actual);
        Indicator {
            kind,
            name: name.into(),
            unit: unit.into(),
            points: Decimal::from(points),
            measure: m,
            deviation_note: String::new(),
            example: true,
        }
    };
    let mut lasting = ind(
        IndicatorKind::Sustainability,
        "信访工作机制长效运行",
        "",
        10,
        "",
        "",
    );
    lasting.measure = Measure {
        grade: Some(Achievement::Achieved),
        entered_score: Some(Decimal::TEN),
        ..Measure::new(Rule::Qualitative)
    };
    let short = |mut i: Indicator, note: &str| {
        i.deviation_note = note.into();
        i
    };
    a.indicators = vec![
        ind(
            IndicatorKind::Quantity,
            "办理信访事项数量",
            "件",
            15,
            "30000",
            "31631",
        ),
        short(
            ind(
                IndicatorKind::Quantity,
                "群众来访接待场次",
                "场次",
                10,
                "240",
                "228",
            ),
            "部分时段接访改为网上视频接访，现场接待场次减少；下一年度增加街道联合接访。",
        ),
        ind(
            IndicatorKind::Quality,
            "信访事项按期办结率",
            "%",
            15,
            "95",
            "99.85",
        ),
        ind(
            IndicatorKind::Timeliness,
            "受理告知及时率",
            "%",
            10,
            "100",
            "100",
        ),
        short(
            ind(
                IndicatorKind::Social,
                "信访积案化解率",
                "%",
                20,
                "90",
                "85.2",
            ),
            "部分历史积案涉及多部门，化解周期长；已逐件落实包案责任并加强督办。",
        ),
        lasting,
        ind(
            IndicatorKind::Satisfaction,
            "信访群众满意度",
            "%",
            10,
            "90",
            "97.96",
        ),
    ];
    a
}

/// The seed report as an assessment under the Guangzhou scheme.
pub fn sample() -> Assessment {
    let mut a = Assessment::new(schemes::guangzhou_departmental());
    a.title = TITLE.into();
    a.department = "广州市天河区信访局".into();
    a.year = 2023;
    a.duties = DUTIES.iter().map(|s| s.to_string()).collect();
    a.key_tasks = KEY_TASKS.iter().map(|s| s.to_string()).collect();
    a.objectives = vec![OBJECTIVES.into()];
    a.problems = vec![PROBLEMS.into()];
    a.measures = MEASURES.iter().map(|s| s.to_string()).collect();
    a.workload = workload();

    let f = &mut a.finance;
    f.appropriation.initial = d("810.88");
    f.appropriation.adjusted = d("739.04");
    f.appropriation.actual = d("733.88");
    f.appropriation.last_actual = d("683.83");
    f.spending.initial = d("810.88");
    f.spending.adjusted = d("739.04");
    f.spending.actual = d("733.88");
    f.basic = d("554.28");
    f.project = d("179.6");
    let zero = d("0");
    f.economic = [
        d("515.53"),
        d("201.56"),
        zero,
        zero,
        zero,
        d("16.79"),
        zero,
        zero,
        zero,
        zero,
    ];

    a.indicators = indicators();
    for c in &mut a.criteria {
        c.example = true;
        for check in &mut c.measure.checks {
            check.met = true;
        }
        if c.measure.checks.is_empty() {
            // 运行成本: “三公”经费 budget and actual, example figures.
            c.measure.target = d("3.5");
            c.measure.actual = d("2.86");
        }
    }
    a.execution_override = Some(Override {
        score: Decimal::new(932, 2),
        reason: "按已公布的自评结果（报告总分 99.32 分）".into(),
    });
    a
}

fn workload() -> Vec<Tally> {
    let part = |name: &str, v: &str| Part {
        name: name.into(),
        value: d(v),
    };
    vec![
        Tally {
            name: "群众信访事项".into(),
            unit: "件".into(),
            value: d("31631"),
            // Example: the report gives only the growth, 85.81%; 17023 is the one count that yields it.
            last_year: d("17023"),
            breakdowns: vec![
                Breakdown {
                    title: "按信访形式".into(),
                    complete: true,
                    parts: vec![
                        part("群众来访", "760"),
                        part("来信", "6744"),
                        part("网信", "24127"),
                    ],
                },
                Breakdown {
                    title: "按信访类别（前五类）".into(),
                    complete: false,
                    // Example counts: the report gives only the shares 18.42%, 11.67%, 8.85%, 4.73%, 3.29%.
                    parts: vec![
                        part("市场监管类", "5826"),
                        part("政法类", "3691"),
                        part("城乡建设类", "2799"),
                        part("教育类", "1496"),
                        part("劳动和社会保障类", "1041"),
                    ],
                },
            ],
            ..Tally::default()
        },
        Tally {
            name: "上级部门交办、督办件".into(),
            unit: "件".into(),
            value: d("667"),
            done: d("666"),
            rate_name: "汇报办结率".into(),
            ..Tally::default()
        },
        Tally {
            name: "国家信访局登记涉我区“国求初”信访事项".into(),
            unit: "件".into(),
            value: d("3963"),
            // Example: the report gives only the growth, 24.62%; 3180 yields it.
            last_year: d("3180"),
            ..Tally::default()
        },
        Tally {
            name: "全区纳入满意度评价的信访事项".into(),
            unit: "件".into(),
            // Example: 27497 is the count of items eligible for evaluation that yields 参评率 85.22%.
            value: d("27497"),
            done: d("23433"),
            rate_name: "参评率".into(),
            ..Tally::default()
        },
    ]
}

fn indicators() -> Vec<Indicator> {
    let at_least = |kind, name: &str, unit: &str, points: i64, target: &str, actual: &str| {
        let mut m = Measure::new(Rule::AtLeast);
        m.target = d(target);
        m.actual = d(actual);
        Indicator {
            kind,
            name: name.into(),
            unit: unit.into(),
            points: Decimal::from(points),
            measure: m,
            deviation_note: String::new(),
            example: true,
        }
    };
    let achieved = |kind, name: &str, points: i64| {
        let mut m = Measure::new(Rule::Qualitative);
        m.grade = Some(Achievement::Achieved);
        m.entered_score = Some(Decimal::from(points));
        Indicator {
            kind,
            name: name.into(),
            unit: String::new(),
            points: Decimal::from(points),
            measure: m,
            deviation_note: String::new(),
            example: true,
        }
    };
    vec![
        at_least(
            IndicatorKind::Quantity,
            "中央交办重点信访事项办理数",
            "件",
            6,
            "400",
            "400",
        ),
        at_least(
            IndicatorKind::Quality,
            "中央交办重复信访积案汇报办结率",
            "%",
            6,
            "100",
            "100",
        ),
        at_least(
            IndicatorKind::Timeliness,
            "信访疑难资金使用任务按期完成率",
            "%",
            8,
            "100",
            "100",
        ),
        achieved(IndicatorKind::Social, "信访矛盾源头治理和积案化解", 6),
        at_least(
            IndicatorKind::Sustainability,
            "全区信访事项综合效能",
            "%",
            6,
            "90",
            "93.71",
        ),
        at_least(
            IndicatorKind::Satisfaction,
            "群众满意率",
            "%",
            8,
            "90",
            "97.96",
        ),
    ]
}

/// A literal figure of the sample; the golden tests catch a mistyped one.
fn d(s: &str) -> Option<Decimal> {
    s.parse().ok()
}

const DUTIES: [&str; 8] = [
    "区信访局是区政府工作部门，负责贯彻执行党和国家有关信访工作的方针、政策和法律、法规；处理群众和境外人士来信、来访和网上信访；承办中央、省、市和区领导交办的信访事项；组织开展信访矛盾排查调处工作；指导全区信访工作等。主要职能：",
    "1. 贯彻执行党和国家有关信访工作的方针、政策和法律、法规，执行区委、区政府有关信访工作的决策和部署并组织实施；负责研究、草拟有关信访工作的政策，制订规章制度。",
    "2. 处理群众和境外人士来信、来访和网上信访；及时、准确地向区委、区政府反馈来信、来访和网上信访中提出的重要建议、意见和问题；综合分析信访动态和信息，开展调查研究，向区委、区政府提出完善政策、改进工作的意见和建议。",
    "3. 承办中央、省、市和区领导交办的信访事项，督促检查领导有关批示件的落实情况；向区属部门和街道转送、交办、督办有关信访事项，督促检查重要信访事项的处理和落实；负责协调处理跨部门、跨街道的重要信访问题；负责办理信访复查、复核工作。",
    "4. 组织开展信访矛盾排查调处工作，及时向区委、区政府报告重大矛盾排查调处情况；协调有关部门处置集体上访和非正常上访事件，维护区委、区政府信访秩序；协调处理区属部门及街道在信访工作中遇到的复杂问题和重要事项。",
    "5. 指导全区信访业务工作，督促、检查、协调区属部门和街道信访业务工作；负责信访工作宣传、信息发布和经验交流；组织信访干部的业务培训；指导全区信访信息化建设。",
    "6. 承办人大代表、政协委员向区领导直接反映的信访事项；负责区信访工作联席会议办公室的日常工作。",
    "7. 承办区委、区政府和上级信访部门交办的其他事项。",
];

const KEY_TASKS: [&str; 2] = [
    "一是狠抓信访积案化解。2023年，中央交办我区第三批重复信访积案253件，已全部向市信访局申请报结，汇报办结率100%；7月中央信联办交办我区重点信访事项400件，汇报办结率100%。今年以来，累计办理上级部门交办、督办件667件，已办结666件，汇报办结率99.85%，如期完成2023年度中央下达12万元信访疑难资金的使用任务。",
    "二是狠抓“国求初”信访事项压减。制定印发工作方案，优化调整领导小组架构，落实“部门+街道”双责任制，2023年，国家信访局登记涉我区“国求初”信访事项3963件，同比去年同期上升24.62%，相较8月压减37.01%；2023年全区纳入满意度评价总量为23433件，全区满意率97.96%，参评率85.22%，综合效能93.71%。",
];

const OBJECTIVES: &str = "深入贯彻落实习近平新时代中国特色社会主义思想，强化使命担当，认真分析信访情况动态变化，科学预判信访走势，进一步增强信访工作的前瞻性、系统性和针对性；规范业务办理，加强指导督办，切实提高信访事项规范化办理水平；加强矛盾排查，落实源头治理，着力将矛盾化解在基层；全力做好重大活动期间的信访工作，努力实现“三个不发生”的工作目标。";

const PROBLEMS: &str = "一是信访督查督办不够到位。信访督办工作力度不高，办法不多，主要以电话督办和书面督办为主，受限于人手不足，一定程度存在“一催了之”“一督了之”的情况。对上级交督办重点信访事项重视不够，部分督办事项存在“重形式办结轻实体化解”问题。二是信访基础业务效能有待提升。初次信访办理质量仍存在差距，在信访件办理方面，对短期内确难以化解的信访事项，指导我区各经办机构用好用足办理时限不够到位。";

const MEASURES: [&str; 3] = [
    "（一）持续深入推进全区信访法治化工作。紧紧围绕“权责明、底数清、依法办、秩序好、群众满意”的总体目标，指导区属各部门、各街道严格落实“五个法治化”的实践要求，用好信访工作法治化“路线图”和行动指南，做到依法规范开展工作、依法受理处理问题、依法维护群众合法权益、依法维护信访秩序。",
    "（二）持续推进信访问题源头治理和积案化解。根据上级有关工作要求，充分发挥区信访工作联席会议作用，指导各部门、各街道持续深入排查化解矛盾纠纷，深入推进信访领域“六源治理”工作，发现问题早介入、早处置，从源头上预防和减少信访问题的发生，实现信访数据指标年度同比“两保持三下降”，实现信访积案“问题解决、群众满意、不再信访”。",
    "（三）扎实推进信访基础业务办理工作。加强信访工作业务培训，突出基础业务薄弱环节整治，层层传导压实责任，加强初信初访办理质效，用心用情推动群众诉求的解决，切实按照“三到位一处理”的原则，减少和避免“初转重、信转访”，防止矛盾积累上行。",
];

/// The sample grown to `n` indicators, for benchmarks: a valid, completed assessment
/// under the national project scheme (whose 50 output points can be spread over 5,000
/// indicators to the fen). The six indicators repeat with varied actual values and
/// deviation notes, so scores divide as in real data.
pub fn enlarged(n: usize) -> Assessment {
    let mut a = sample();
    a.scheme = schemes::national_project();
    a.criteria.clear();
    let base = a.indicators.clone();
    a.indicators = (0..n)
        .map(|i| {
            let mut ind = base[i % base.len()].clone();
            ind.name = format!("{} {}", ind.name, i + 1);
            if let Some(actual) = ind.measure.actual {
                ind.measure.actual = Some(actual - Decimal::new((i % 97) as i64, 1));
                ind.deviation_note = "示例：受客观因素影响未完全达成，已制定整改措施。".into();
            }
            ind
        })
        .collect();
    for (si, section) in a.scheme.sections.iter().enumerate() {
        let members: Vec<usize> = (0..n)
            .filter(|&i| {
                a.scheme
                    .category_of(a.indicators[i].kind)
                    .is_some_and(|(x, _)| x == si)
            })
            .collect();
        let Some(&first) = members.first() else {
            continue;
        };
        let fen = Decimal::new(1, 2);
        let count = Decimal::from(members.len());
        let each = ((section.points / count) / fen).floor().max(Decimal::ONE) * fen;
        for &i in &members {
            a.indicators[i].points = each;
        }
        a.indicators[first].points = section.points - each * (count - Decimal::ONE);
    }
    for ind in &mut a.indicators {
        if ind.measure.grade.is_some() {
            ind.measure.entered_score = Some(ind.points);
        }
    }
    a
}
