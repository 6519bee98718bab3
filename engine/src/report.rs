//! The self-assessment report (自评报告) in the seed's structure, written from the same
//! figures as the score sheet so the two cannot disagree. Prose fields are inserted as
//! written; the paragraphs around the figures are generated, and each can be reworded
//! by hand under its key, with a warning once its figures change.

use rust_decimal::Decimal;
use serde::Serialize;

use crate::figures::{self, Change, Figures};
use crate::model::{
    AmountUnit, Amounts, Assessment, EconomicClass, IndicatorKind, Kind, ReportEdit, Tally,
};
use crate::num::{Amount, Pct, Plain, RoundingMode};
use crate::paths::{self, Row};
use crate::scheme::SectionBody;
use crate::score::{self, CategoryScore, ScoreCard, SectionScore};

/// The report, block by block in reading order.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Report {
    pub title: String,
    pub blocks: Vec<Block>,
}

/// One block of the report.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Block {
    /// Numbered by its level ([`number`]): 一、 at level 1, （一） at 2, 1. at 3, （1） at 4.
    Heading {
        level: u8,
        text: String,
    },
    /// A prose field's paragraph, as the department wrote it.
    Prose {
        text: String,
    },
    /// A paragraph written from the figures.
    Generated(Paragraph),
    Table(Table),
}

/// A generated paragraph, possibly reworded by hand.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Paragraph {
    /// Stable key under which a hand edit is kept, e.g. `income`.
    pub key: String,
    /// What the report prints: the edit where there is one.
    pub text: String,
    /// What the figures give today.
    pub generated: String,
    pub state: EditState,
}

/// Whether a paragraph was reworded, and whether its figures changed since.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum EditState {
    Generated,
    Edited,
    /// Edited, and the generated text has changed since: its figures may be out of date.
    Stale,
}

/// A table with a caption, a header row and a total row when there is one.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Table {
    pub caption: String,
    /// The header and rows as the screen and the plain text show them, in the seed's manner.
    pub header: Vec<String>,
    pub rows: Vec<Vec<String>>,
    /// The same table as a printed document shows it (.docx, .html).
    pub printed: Grid,
}

/// A table's cells as a document prints them: every heading named, every cell filled
/// (an amount of nothing is 0.00, a share that cannot be given is —), the total complete.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Grid {
    pub header: Vec<String>,
    pub rows: Vec<Vec<String>>,
}

/// The date a file is written on, for its 落款 and its document properties. The engine
/// has no clock: the CLI passes the system's date, the browser its own.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Date {
    pub year: i32,
    pub month: u32,
    pub day: u32,
}

impl Date {
    /// Reads 2026-12-01; `None` for anything that is not a real calendar day.
    pub fn parse(iso: &str) -> Option<Date> {
        let mut parts = iso.trim().splitn(3, '-');
        let year: i32 = parts.next()?.parse().ok()?;
        let month: u32 = parts.next()?.parse().ok()?;
        let day: u32 = parts.next()?.parse().ok()?;
        let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
        let days = match month {
            1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
            4 | 6 | 9 | 11 => 30,
            2 if leap => 29,
            2 => 28,
            _ => return None,
        };
        ((1..=9999).contains(&year) && (1..=days).contains(&day)).then_some(Date {
            year,
            month,
            day,
        })
    }

    /// 2026-12-01, as document properties store it.
    pub fn iso(self) -> String {
        format!("{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }

    /// 2026年12月1日, as a 公文's 成文日期 is written (GB/T 9704: Arabic numerals).
    pub fn chinese(self) -> String {
        format!("{}年{}月{}日", self.year, self.month, self.day)
    }
}

/// An amount as a document prints it: never fewer decimals than entered, never fewer than 2.
pub use crate::num::fmt_amount as printed_amount;

/// Writes the report of an assessment.
pub fn report(a: &Assessment) -> Report {
    let figures = figures::derive(a);
    let card = score::score(a);
    let mut w = Writer {
        a,
        f: &figures,
        card: &card,
        mode: a.scheme.rounding.mode,
        blocks: Vec::new(),
        numbers: [0; 4],
    };
    match a.kind {
        Kind::Departmental => w.basics(),
        Kind::Project => w.project_basics(),
    }
    w.assessment();
    w.heading(1, PROBLEMS);
    w.prose(&a.problems);
    w.heading(1, MEASURES);
    w.prose(&a.measures);
    let subject = match a.kind {
        Kind::Departmental => department(a),
        Kind::Project => a.project_name.trim().to_string(),
    };
    Report {
        title: format!(
            "{}年度{subject}{}绩效自评报告",
            a.year_label(),
            a.kind.label()
        ),
        blocks: w.blocks,
    }
}

/// The generated paragraphs by key, for checking what a hand edit replaces.
pub fn paragraphs(r: &Report) -> impl Iterator<Item = &Paragraph> {
    r.blocks.iter().filter_map(|b| match b {
        Block::Generated(p) => Some(p),
        _ => None,
    })
}

/// Hand edits whose paragraph is no longer in the report, e.g. after a change of scheme:
/// kept, never dropped silently, so the user can copy or delete them.
pub fn orphans<'a>(a: &'a Assessment, r: &Report) -> Vec<(&'a String, &'a ReportEdit)> {
    a.report_edits
        .iter()
        .filter(|(k, _)| !paragraphs(r).any(|p| &p.key == *k))
        .collect()
}

struct Writer<'a> {
    a: &'a Assessment,
    f: &'a Figures,
    card: &'a ScoreCard,
    mode: RoundingMode,
    blocks: Vec<Block>,
    /// The last number given at each heading level, reset below a new heading.
    numbers: [usize; 4],
}

impl Writer<'_> {
    /// A heading numbered next at its level (1 to 4), so the numbering never skips.
    fn heading(&mut self, level: u8, title: impl AsRef<str>) {
        let at = usize::from(level.clamp(1, 4)) - 1;
        self.numbers[at] += 1;
        self.numbers[at + 1..].fill(0);
        self.blocks.push(Block::Heading {
            level,
            text: format!("{}{}", number(level, self.numbers[at]), title.as_ref()),
        });
    }

    fn prose(&mut self, paragraphs: &[String]) {
        for p in paragraphs.iter().filter(|p| !p.trim().is_empty()) {
            self.blocks.push(Block::Prose { text: p.clone() });
        }
    }

    fn generated(&mut self, key: &str, generated: String) {
        let (text, state) = match self.a.report_edits.get(key) {
            Some(e) if e.generated == generated => (e.text.clone(), EditState::Edited),
            Some(e) => (e.text.clone(), EditState::Stale),
            None => (generated.clone(), EditState::Generated),
        };
        self.blocks.push(Block::Generated(Paragraph {
            key: key.into(),
            text,
            generated,
            state,
        }));
    }

    /// A score as this report prints it: in a project's, as the score card does (49.50,
    /// 10.00); in a department's without trailing zeros (40, 9.32), as the seed words it.
    fn scored(&self, score: Decimal) -> String {
        match self.a.kind {
            Kind::Project => score.to_string(),
            Kind::Departmental => Plain(score).to_string(),
        }
    }

    fn pct(&self, ratio: Option<Decimal>) -> String {
        ratio.map_or_else(|| "—".into(), |r| Pct(r, self.mode).to_string())
    }

    /// 一、部门基本情况.
    fn basics(&mut self) {
        let a = self.a;
        self.heading(1, "部门基本情况");
        self.heading(2, "部门职能");
        self.prose(&a.duties);
        self.heading(2, "年度总体工作和重点工作任务");
        if !a.workload.is_empty() {
            let text = a
                .workload
                .iter()
                .zip(&self.f.workload)
                .map(|(t, tf)| self.tally(t, tf))
                .collect::<String>();
            self.generated("workload", format!("{}年，{text}", a.year_label()));
        }
        self.prose(&a.key_tasks);
        self.heading(2, "部门整体支出绩效目标");
        self.prose(&a.objectives);
        self.heading(2, "部门整体收支情况");
        self.heading(3, "部门整体收入情况");
        let income = self.income();
        self.generated("income", income);
        self.heading(3, "部门整体支出情况");
        let spending = self.spending();
        self.generated("spending", spending);
        let table = self.economic_table();
        self.blocks.push(Block::Table(table));
        self.heading(2, "部门整体绩效管理情况");
        let counts = self.indicator_counts();
        self.generated("indicator_counts", counts);
    }

    /// 一、项目基本情况: the project's header, its funding and its year's goals.
    fn project_basics(&mut self) {
        let a = self.a;
        self.heading(1, "项目基本情况");
        self.heading(2, "项目概况");
        let blank = |t: &str| {
            if t.trim().is_empty() {
                "____".to_string()
            } else {
                t.trim().to_string()
            }
        };
        self.generated(
            "project",
            format!(
                "项目名称：{}；主管部门：{}；实施单位：{}。",
                blank(&a.project_name),
                blank(&a.department),
                blank(&a.implementer)
            ),
        );
        self.heading(2, "项目资金投入和使用情况");
        let funding = self.funding();
        self.generated("funding", funding);
        self.heading(2, "年度总体目标");
        self.heading(3, "预期目标");
        self.prose(&a.objectives);
        self.heading(3, "实际完成情况");
        self.prose(&a.key_tasks);
    }

    /// （二）项目资金投入和使用情况: 年度资金总额 and each part entered, column by column.
    fn funding(&self) -> String {
        let a = self.a;
        let rows = a.finance.funding();
        // As the form prints them: never fewer decimals than entered, nor than 2.
        let money = |v: Option<Decimal>| match v {
            Some(v) => format!("{}{}", printed_amount(v), a.unit.label()),
            None => amount(None, a.unit),
        };
        let line = |m: &Amounts| {
            format!(
                "年初预算数{}，全年预算数{}，全年执行数{}",
                money(m.initial),
                money(m.adjusted),
                money(m.actual)
            )
        };
        let (name, _, total) = rows[0];
        let mut s = format!(
            "{}年，项目{name}{}，预算执行率{}。",
            a.year_label(),
            line(total),
            self.pct(self.f.execution_rate)
        );
        let parts: Vec<String> = rows[1..]
            .iter()
            .filter(|(_, _, m)| m.initial.is_some() || m.adjusted.is_some() || m.actual.is_some())
            .map(|(name, _, m)| format!("{name}{}", line(m)))
            .collect();
        if !parts.is_empty() {
            s += &format!("其中，{}。", parts.join("；"));
        }
        s
    }

    /// One tally's sentence: 群众信访事项31631件，同比上升85.81%，其中：…
    fn tally(&self, t: &Tally, tf: &figures::TallyFigures) -> String {
        let Some(value) = t.value else {
            return String::new();
        };
        let unit = &t.unit;
        let mut s = format!("{}{}{unit}", t.name, Plain(value));
        if let Some(g) = tf.growth {
            let word = if g.is_sign_negative() {
                "下降"
            } else {
                "上升"
            };
            s += &format!("，同比{word}{}", self.pct(Some(g.abs())));
        }
        if let Some(done) = t.done {
            s += &format!("，已完成{}{unit}", Plain(done));
            if tf.rate.is_some() {
                let name = if t.rate_name.is_empty() {
                    "完成率"
                } else {
                    &t.rate_name
                };
                s += &format!("，{name}{}", self.pct(tf.rate));
            }
        }
        for (b, bf) in t.breakdowns.iter().zip(&tf.breakdowns) {
            let named: Vec<_> = b.parts.iter().zip(&bf.shares).collect();
            if named.is_empty() {
                continue;
            }
            let names = named.iter().map(|(p, _)| p.name.as_str());
            let shares = named
                .iter()
                .map(|(_, sh)| sh.map_or_else(|| "—".into(), |v| format!("{v}%")));
            if b.complete {
                let counts = named
                    .iter()
                    .map(|(p, _)| {
                        let v = p.value.map_or_else(|| "—".into(), |v| Plain(v).to_string());
                        format!("{}{v}{unit}", p.name)
                    })
                    .collect::<Vec<_>>()
                    .join("，");
                s += &format!(
                    "，其中：{counts}，分别占{}总量的{}",
                    t.name,
                    shares.collect::<Vec<_>>().join("、")
                );
            } else {
                s += &format!(
                    "；{}{}分别占{}总量的{}",
                    if b.title.is_empty() {
                        String::new()
                    } else {
                        format!("{}，", b.title)
                    },
                    names.collect::<Vec<_>>().join("、"),
                    t.name,
                    shares.collect::<Vec<_>>().join("、")
                );
            }
        }
        s + "。"
    }

    /// 1. 部门整体收入情况.
    fn income(&self) -> String {
        let a = self.a;
        let f = &a.finance;
        let unit = a.unit.label();
        let mut s = format!(
            "{}年本单位预算收入{}，调整预算数{}，决算数{}{}。",
            a.year_label(),
            amount(self.f.income.initial, a.unit),
            amount(self.f.income.adjusted, a.unit),
            amount(self.f.income.actual, a.unit),
            change(&self.f.income_change, unit, self.mode),
        );
        for (name, amounts, ch) in [
            ("财政拨款", &f.appropriation, &self.f.appropriation_change),
            ("其他资金", &f.other_funds, &self.f.other_funds_change),
        ] {
            if amounts.initial.is_none() && amounts.adjusted.is_none() && amounts.actual.is_none() {
                continue;
            }
            s += &format!(
                "其中，{name}预算收入{}，调整预算数{}，决算数{}{}。",
                amount(amounts.initial, a.unit),
                amount(amounts.adjusted, a.unit),
                amount(amounts.actual, a.unit),
                change(ch, unit, self.mode),
            );
        }
        s
    }

    /// 2. 部门整体支出情况, up to the economic table.
    fn spending(&self) -> String {
        let a = self.a;
        let f = &a.finance;
        let sp = &f.spending;
        let mut s = format!(
            "{}年，本单位年初预算支出{}，调整预算支出{}，决算支出{}",
            a.year_label(),
            amount(sp.initial, a.unit),
            amount(sp.adjusted, a.unit),
            amount(sp.actual, a.unit),
        );
        if f.basic.is_some() || f.project.is_some() {
            s += &format!(
                "（其中，基本支出{}，占比为{}；项目支出{}，占比为{}）",
                amount(f.basic, a.unit),
                share(self.f.basic_share),
                amount(f.project, a.unit),
                share(self.f.project_share),
            );
        }
        s += &format!("，部门预算执行率{}。", self.pct(self.f.execution_rate));
        let parts: Vec<String> = EconomicClass::ALL
            .iter()
            .zip(f.economic.iter().zip(&self.f.economic_shares))
            .filter_map(|(class, (v, sh))| {
                let v = (*v).filter(|v| !v.is_zero())?;
                Some(format!(
                    "{}{}，占比{}",
                    class.label(),
                    amount(Some(v), a.unit),
                    share(*sh)
                ))
            })
            .collect();
        if !parts.is_empty() {
            s += &format!("从经济性质分类来看，{}。具体见下表。", parts.join("；"));
        }
        s
    }

    /// 部门预算按经济分类执行情况: ten fixed rows and the total.
    fn economic_table(&self) -> Table {
        let f = &self.a.finance;
        let total = self.f.economic_total;
        // Each row as the screen shows it (blank where nothing was entered) and as print
        // shows it (0.00 and — where nothing was entered).
        let (mut rows, mut printed): (Vec<Vec<String>>, Vec<Vec<String>>) = EconomicClass::ALL
            .iter()
            .zip(f.economic.iter().zip(&self.f.economic_shares))
            .zip(&NUMERALS[1..])
            .map(|((class, (v, sh)), n)| {
                let name = format!("{n}、{}", class.label());
                (
                    vec![
                        name.clone(),
                        v.map_or_else(String::new, printed_amount),
                        sh.map_or_else(String::new, |s| format!("{s}%")),
                    ],
                    vec![name, printed_amount(v.unwrap_or_default()), share(*sh)],
                )
            })
            .unzip();
        rows.push(vec!["合计".into(), printed_amount(total), String::new()]);
        printed.push(vec![
            "合计".into(),
            printed_amount(total),
            if total.is_zero() { "—" } else { "100.00%" }.into(),
        ]);
        let amount_heading = format!("实际支出数（{}）", self.a.unit.label());
        Table {
            caption: "部门预算按经济分类执行情况".into(),
            header: vec![String::new(), amount_heading.clone(), "占比".into()],
            rows,
            printed: Grid {
                header: vec!["支出经济分类".into(), amount_heading, "占比".into()],
                rows: printed,
            },
        }
    }

    /// （五）: how many indicators were set, by kind.
    fn indicator_counts(&self) -> String {
        let c = &self.f.indicator_counts;
        let kinds = |output: bool| {
            c.by_kind
                .iter()
                .filter(|(k, _)| k.is_output() == output)
                .map(|(k, n)| format!("{}{n}个", k.label()))
                .collect::<Vec<_>>()
                .join("，")
        };
        let group = |name: &str, n: usize, output: bool| {
            if n == 0 {
                format!("部门整体未设立{name}")
            } else {
                format!("部门整体共设立{name}{n}个，其中{}", kinds(output))
            }
        };
        format!(
            "{}年本部门预算申报时编制了部门整体和重点项目绩效目标和绩效指标，{}；{}。",
            self.a.year_label(),
            group("产出指标", c.output, true),
            group("效益指标", c.benefit, false),
        )
    }

    /// 二、绩效自评情况.
    fn assessment(&mut self) {
        let card = self.card;
        self.heading(1, "绩效自评情况");
        self.heading(2, "自评结论");
        let project = self.a.kind == Kind::Project;
        let parts = card
            .sections
            .iter()
            .filter(|s| !dropped(s))
            .map(|s| {
                let rate = match self.section_body(&s.id) {
                    Some(SectionBody::Execution { .. }) => format!(
                        "（{}预算执行率{}）",
                        if project { "" } else { "部门" },
                        self.pct(self.f.execution_rate)
                    ),
                    _ => String::new(),
                };
                format!(
                    "{}分值{}分，得分{}分{rate}",
                    indicator(&s.name),
                    Plain(s.points),
                    self.scored(s.score)
                )
            })
            .collect::<Vec<_>>()
            .join("；");
        let subject = if project {
            match self.a.project_name.trim() {
                "" => "本项目".to_string(),
                name => format!("“{name}”"),
            }
        } else {
            department(self.a)
        };
        let conclusion = format!(
            "根据《{kind}绩效自评表》评分标准（{}），{subject}{}{kind}绩效评价得分为{}分，评价等级为“{}”。其中，{parts}。",
            card.scheme,
            year(self.a),
            self.scored(card.total),
            card.grade.label(),
            kind = self.a.kind.label(),
        );
        self.generated("conclusion", conclusion);

        let indicator_sections: Vec<&SectionScore> = card
            .sections
            .iter()
            .filter(|s| {
                !dropped(s)
                    && matches!(
                        self.section_body(&s.id),
                        Some(SectionBody::Indicators { .. })
                    )
            })
            .collect();
        // Each scheme's own names: 履职效能 in the seed's, 产出指标、效益指标… in the national one.
        let names = indicator_sections
            .iter()
            .map(|s| s.name.as_str())
            .collect::<Vec<_>>()
            .join("、");
        self.heading(
            2,
            format!(
                "{}分析",
                if names.is_empty() {
                    "绩效指标"
                } else {
                    &names
                }
            ),
        );
        let points = total(indicator_sections.iter().map(|s| s.points));
        let scored = total(indicator_sections.iter().map(|s| s.score));
        let c = &self.f.indicator_counts;
        let set = if project {
            let satisfaction = self
                .a
                .indicators
                .iter()
                .filter(|i| i.kind == IndicatorKind::Satisfaction)
                .count();
            let kinds = match satisfaction {
                0 => format!("{}个产出指标和{}个效益指标", c.output, c.benefit),
                n => format!(
                    "{}个产出指标、{}个效益指标和{n}个满意度指标",
                    c.output,
                    c.benefit - n
                ),
            };
            format!(
                "本项目围绕年度总体目标，设置了{}年度项目绩效指标，包括{kinds}。",
                self.a.year_label(),
            )
        } else {
            format!(
                "本单位结合部门特点，围绕年度工作任务及重点工作任务，有针对性设置了{}年度部门整体支出绩效目标，包括{}个产出指标和{}个效益指标。",
                self.a.year_label(),
                c.output,
                c.benefit
            )
        };
        self.generated(
            "effectiveness",
            format!(
                "指标分值{}分，自评得分{}分。{set}",
                Plain(points),
                self.scored(scored),
            ),
        );
        for s in indicator_sections {
            for (ci, cat) in s.categories.iter().enumerate() {
                // A project form lists only the 二级 it set indicators under.
                if project && cat.items.is_empty() {
                    continue;
                }
                let heading = if project {
                    format!("{}完成情况", cat.name)
                } else {
                    format!("部门整体绩效目标{}完成情况", cat.name)
                };
                self.heading(3, heading);
                let text = self.category(cat);
                self.generated(&format!("category.{}.{ci}", s.id), text);
            }
        }

        let management: Vec<(&SectionScore, Vec<&'static str>)> = card
            .sections
            .iter()
            .filter_map(|s| match self.section_body(&s.id) {
                Some(SectionBody::Management { aspects }) => {
                    Some((s, aspects.iter().map(|x| x.aspect.label()).collect()))
                }
                _ => None,
            })
            .collect();
        if management.is_empty() && !project {
            self.generated("management", "本评分标准未设管理效率指标。".into());
        }
        for (s, aspects) in management {
            self.heading(2, format!("{}分析", s.name));
            let text = self.management(s, &aspects);
            self.generated(&format!("management.{}", s.id), text);
        }
    }

    fn section_body(&self, id: &str) -> Option<&SectionBody> {
        self.a
            .scheme
            .sections
            .iter()
            .find(|s| s.id == id)
            .map(|s| &s.body)
    }

    /// （1）产出指标完成情况: weights, how many completed 100%, the subtotal, what fell short.
    fn category(&self, cat: &CategoryScore) -> String {
        let n = cat.items.len();
        if n == 0 {
            return format!("{}年未设置{}。", self.a.year_label(), cat.name);
        }
        let weights = if n > LONG_LIST {
            let lo = cat.items.iter().map(|i| i.points).min().unwrap_or_default();
            let hi = cat.items.iter().map(|i| i.points).max().unwrap_or_default();
            if lo == hi {
                format!("{}分", Plain(lo))
            } else {
                format!("{}–{}分", Plain(lo), Plain(hi))
            }
        } else {
            cat.items
                .iter()
                .map(|i| format!("{}分", Plain(i.points)))
                .collect::<Vec<_>>()
                .join("、")
        };
        let mut s = format!(
            "{}年共设置{}{n}个，每个指标评分为{weights}，其中完成率100%的指标有{}个，合计得分为{}分。",
            self.a.year_label(),
            cat.name,
            cat.completed,
            self.scored(cat.score)
        );
        let short: Vec<_> = cat
            .items
            .iter()
            .filter(|i| i.computed != i.points)
            .collect();
        if short.len() > LONG_LIST {
            let lost = total(
                short
                    .iter()
                    .map(|i| crate::num::sub(i.points, i.score).unwrap_or_default()),
            );
            return s + &format!(
                "未满分的{}个指标共失{}分，逐项得分及偏差原因见自评表。",
                short.len(),
                self.scored(lost)
            );
        }
        for item in short {
            let note = self.deviation_note(&item.path);
            s += &format!(
                "“{}”分值{}分，得分{}分（{}）{}。",
                item.name,
                Plain(item.points),
                self.scored(item.score),
                item.formula,
                if note.is_empty() {
                    String::new()
                } else {
                    format!("，偏差原因：{note}")
                }
            );
        }
        s
    }

    fn deviation_note(&self, path: &str) -> String {
        match paths::row(path) {
            Some(Row::Indicator(n)) => self
                .a
                .indicators
                .get(n)
                .map(|i| i.deviation_note.trim().trim_end_matches('。').to_string())
                .unwrap_or_default(),
            _ => String::new(),
        }
    }

    /// （三）管理效率分析: the aspects, points and score, and each aspect that lost points.
    fn management(&self, s: &SectionScore, aspects: &[&str]) -> String {
        let mut text = format!(
            "{}包括{}{}个方面。{}分值为{}分，自评得分{}分。",
            indicator(&s.name),
            aspects.join("、"),
            chinese_count(aspects.len()),
            indicator(&s.name),
            Plain(s.points),
            self.scored(s.score)
        );
        let short: Vec<String> = s
            .categories
            .iter()
            .filter(|c| c.points.is_some_and(|p| c.score < p))
            .map(|c| {
                format!(
                    "{}分值{}分，得分{}分",
                    c.name,
                    Plain(c.points.unwrap_or_default()),
                    self.scored(c.score)
                )
            })
            .collect();
        if !short.is_empty() {
            text += &format!("其中，{}。", short.join("；"));
        }
        text
    }
}

/// A section dropped from its scheme: no points and nothing scored under it.
fn dropped(s: &SectionScore) -> bool {
    s.points.is_zero() && s.categories.iter().all(|c| c.items.is_empty())
}

/// A section's name as an indicator: 履职效能指标, and 产出指标 as it is.
fn indicator(name: &str) -> String {
    if name.ends_with("指标") {
        name.to_string()
    } else {
        format!("{name}指标")
    }
}

/// 2023年 for the conclusion: the year or a blank to fill in.
fn year(a: &Assessment) -> String {
    format!("{}年", a.year_label())
}

fn department(a: &Assessment) -> String {
    if a.department.trim().is_empty() {
        "本部门".into()
    } else {
        a.department.trim().to_string()
    }
}

/// 810.88万元, 179.60万元: every amount as [`printed_amount`] writes it, or a blank to fill in.
fn amount(v: Option<Decimal>, unit: AmountUnit) -> String {
    match v {
        Some(v) => format!("{}{}", Amount(v), unit.label()),
        None => format!("____{}", unit.label()),
    }
}

fn share(v: Option<Decimal>) -> String {
    v.map_or_else(|| "—".into(), |v| format!("{v}%"))
}

/// "，决算数比上年增加50.05万元，增长率7.32%", or nothing without last year's figure.
fn change(c: &Change, unit: &str, mode: RoundingMode) -> String {
    let (Some(ch), Some(g)) = (c.change, c.growth) else {
        return String::new();
    };
    let (word, rate) = if ch.is_sign_negative() {
        ("减少", "下降率")
    } else {
        ("增加", "增长率")
    };
    format!(
        "，决算数比上年{word}{}{unit}，{rate}{}",
        Amount(ch.abs()),
        Pct(g.abs(), mode)
    )
}

fn total<I: IntoIterator<Item = Decimal>>(values: I) -> Decimal {
    crate::num::sum(values).unwrap_or_default()
}

/// More items than this are summarised in a sentence rather than listed one by one.
const LONG_LIST: usize = 10;

/// 零 to 十: the economic table's row numbers and counts such as 七个方面.
const NUMERALS: [&str; 11] = [
    "零", "一", "二", "三", "四", "五", "六", "七", "八", "九", "十",
];

fn chinese_count(n: usize) -> String {
    NUMERALS
        .get(n)
        .map_or_else(|| n.to_string(), |d| (*d).to_string())
}

/// The last two level-1 headings, which the prose of 问题 and 措施 fills.
pub const PROBLEMS: &str = "存在的主要问题";
pub const MEASURES: &str = "下一步改进措施";

/// A heading's number as a 公文 writes it (GB/T 9704): 一、 at level 1, （一） at 2, 1. at
/// 3, （1） at 4; Chinese numerals up to 九十九 (十一, 二十), then Arabic.
pub fn number(level: u8, n: usize) -> String {
    match level {
        1 => format!("{}、", chinese_numeral(n)),
        2 => format!("（{}）", chinese_numeral(n)),
        3 => format!("{n}. "),
        _ => format!("（{n}）"),
    }
}

/// 1 → 一, 10 → 十, 11 → 十一, 20 → 二十, 99 → 九十九; beyond, Arabic digits.
pub fn chinese_numeral(n: usize) -> String {
    let (tens, ones) = (n / 10, n % 10);
    match (tens, ones) {
        _ if n <= 10 => chinese_count(n),
        (1, d) => format!("十{}", NUMERALS[d]),
        (2..=9, 0) => format!("{}十", NUMERALS[tens]),
        (2..=9, d) => format!("{}十{}", NUMERALS[tens], NUMERALS[d]),
        _ => n.to_string(),
    }
}
