//! Every sentence the engine writes, in Simplified Chinese, in one place, so a second
//! language can be added by swapping this module. Figures arrive formatted; formulas
//! take them as `Display` so a large score card writes each figure once.

use std::fmt::Display;

use crate::num::ParseError;

/// What the formula calls the target and the actual value.
#[derive(Debug, Clone, Copy)]
pub struct Labels {
    pub target: &'static str,
    pub actual: &'static str,
}

/// A typed figure's refusal, in the words `parse_error` gives it.
impl std::fmt::Display for ParseError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&parse_error(self))
    }
}

pub const GAP_SHORTFALL: &str = "低于目标";
pub const GAP_EXCESS: &str = "超出目标";
pub const GAP_COMPLETION: &str = "完成率低于 100% 的百分点数";
pub const GAP_FAILED: &str = "未满足的检查项";

/// A scheme's name once the user has changed it, so it is not mistaken for the original.
pub fn custom_scheme(name: &str) -> String {
    format!("{name}（自定义）")
}

// ---- formulas ----

pub fn formula_missing(what: impl Display) -> String {
    format!("缺少{what}，暂记 0")
}

pub fn formula_overflow() -> String {
    "数值超出可计算范围，记 0".to_string()
}

pub fn formula_override(
    formula: impl Display,
    score: impl Display,
    reason: impl Display,
) -> String {
    format!("计算得分：{formula}；人工调整为 {score}（理由：{reason}）")
}

pub fn formula_reached(
    l: Labels,
    actual: impl Display,
    op: impl Display,
    target: impl Display,
) -> String {
    format!("{} {actual} {op} {} {target}，得满分", l.actual, l.target)
}

/// A budget of 0 or less, from which no execution rate can be computed.
pub fn formula_no_rate(budget: &str, value: impl Display) -> String {
    format!("{budget}为 {value}，无法计算预算执行率，得")
}

pub fn formula_negative(actual: impl Display) -> String {
    format!("{actual}为负数，得")
}

pub fn formula_ratio(
    l: Labels,
    actual: impl Display,
    target: impl Display,
    pct: impl Display,
    points: impl Display,
) -> String {
    format!(
        "{} {actual} ÷ {} {target} = {pct}，× {points}",
        l.actual, l.target
    )
}

pub fn formula_over_zero_ceiling(l: Labels, actual: impl Display) -> String {
    format!("{} {actual} 超过为 0 的{}，得", l.actual, l.target)
}

pub fn formula_at_most_ratio(
    l: Labels,
    actual: impl Display,
    target: impl Display,
    pct: impl Display,
    points: impl Display,
) -> String {
    format!(
        "{} {actual} 超过{} {target}：{target} ÷ {actual} = {pct}，× {points}",
        l.actual, l.target
    )
}

pub fn formula_at_most_linear(
    l: Labels,
    actual: impl Display,
    target: impl Display,
    excess: impl Display,
    points: impl Display,
) -> String {
    format!(
        "{} {actual} 超过{} {target} 的 {excess}：{points} × (1 − {excess})，超出一倍及以上为 0",
        l.actual, l.target
    )
}

pub fn formula_off_zero_target(l: Labels, actual: impl Display) -> String {
    format!("{} {actual} 不等于为 0 的{}，得", l.actual, l.target)
}

pub fn formula_deviation(
    l: Labels,
    actual: impl Display,
    target: impl Display,
    dev: impl Display,
    points: impl Display,
) -> String {
    format!(
        "{} {actual} 偏离{} {target} 的 {dev}：{points} × (1 − {dev})",
        l.actual, l.target
    )
}

pub fn formula_qualitative(grade: impl Display, lo: impl Display, hi: impl Display) -> String {
    format!("定性评价「{grade}」，评分区间 {lo}–{hi}，评分")
}

pub fn completion_named(pct: impl Display) -> String {
    format!("完成率 {pct}")
}

pub fn formula_band(shown: impl Display, min: impl Display) -> String {
    format!("{shown} 达到“≥ {min}”档，得")
}

pub fn formula_no_band(shown: impl Display) -> String {
    format!("{shown} 未达到任何档次，得")
}

pub fn formula_deduction(
    what: impl Display,
    gap: impl Display,
    step: impl Display,
    per: impl Display,
    cut: impl Display,
    points: impl Display,
) -> String {
    format!("{what} {gap}，每 {step} 扣 {per} 分，共扣 {cut}：{points} − {cut}")
}

pub fn formula_checklist(met: usize, n: usize, points: impl Display) -> String {
    format!("满足 {met}/{n} 项：{points} × {met} ÷ {n}")
}

pub fn formula_manual(reason: impl Display) -> String {
    format!("人工评分（理由：{reason}），得")
}

pub fn formula_section_capped(points: impl Display) -> String {
    format!("各项得分之和超过本项分值，按分值 {points} 计")
}

// ---- findings ----

pub fn required(label: &str) -> String {
    format!("{label}未填写")
}

/// Next year's draft title: the year in the title moved on, or the new year added.
pub fn next_year_title(title: &str, year: i32, next: i32) -> String {
    let old = year.to_string();
    if year != 0 && title.contains(&old) {
        title.replace(&old, &next.to_string())
    } else if next != 0 {
        format!("{title} {next} 年度").trim().to_string()
    } else {
        format!("{title}（新一年度）")
    }
}

pub fn not_a_year(typed: &str) -> String {
    format!("年度：“{typed}”不是有效的年份（应为 2000–2100 之间的整数），未计入")
}

pub fn year_range(year: i32) -> String {
    format!("年度 {year} 不在 2000–2100 之间")
}

pub fn negative(label: &str, v: &str) -> String {
    format!("{label} {v} 为负数，不能为负")
}

/// A typed figure that is not a number: counted as blank, and said so.
pub fn unparsed(label: &str, typed: &str, why: &ParseError) -> String {
    format!("{label}：“{typed}”{}，未计入", parse_error(why))
}

pub fn too_large(label: &str, v: &str) -> String {
    format!("{label} {v} 过大，超出可计算范围（绝对值不超过 1 万亿）")
}

/// Why a typed figure was refused, after “{typed}”: what was wrong and what to type.
pub fn parse_error(e: &ParseError) -> String {
    let why = match e {
        ParseError::Empty => return "未填写".to_string(),
        ParseError::TooLarge => return "超出可计算范围".to_string(),
        ParseError::NotANumber => return "不是有效的数字".to_string(),
        ParseError::AmbiguousComma => {
            "逗号的用法无法确定：小数点请用“.”，逗号只作千位分隔、每三位一组，如 1,234.56"
                .to_string()
        }
        ParseError::Exponent => {
            "科学计数法不予接受，请写出完整数字，如 1e5 写作 100000".to_string()
        }
        ParseError::NotFinite => "无穷大或非数不是可计算的数".to_string(),
        ParseError::ChineseNumeral => "请用阿拉伯数字书写，如 七百 写作 700".to_string(),
        ParseError::Unit(unit) => format!("末尾的“{unit}”是单位，请去掉，按本栏的单位只填数字"),
        ParseError::Hex => "十六进制不予接受，请写成十进制数字".to_string(),
        ParseError::LookAlike(c) => {
            let digit = if matches!(c, 'O' | 'o') { '0' } else { '1' };
            format!("其中的“{c}”是字母，不是数字 {digit}")
        }
    };
    format!("不是有效的数字（{why}）")
}

pub fn last_year_zero(title: &str) -> String {
    format!("{title}的上年数为 0，无法计算同比增长率")
}

/// 基本支出 554.28 + 项目支出 179.60 = 733.88，与决算数 733.80 不符.
pub fn parts_sum_mismatch(
    parts: &[(&str, String)],
    sum: &str,
    total_label: &str,
    total: &str,
) -> String {
    let terms = if parts.is_empty() {
        "各项合计".to_string()
    } else {
        parts
            .iter()
            .map(|(n, v)| format!("{n} {v}"))
            .collect::<Vec<_>>()
            .join(" + ")
    };
    format!("{terms} = {sum}，与{total_label} {total} 不符")
}

pub fn parts_exceed(title: &str, sum: &str, name: &str, total: &str) -> String {
    format!("{title}各项合计 {sum}，超过{name}总数 {total}")
}

pub fn base_zero(label: &str) -> String {
    format!("{label}为 0，无法计算预算执行率")
}

pub fn execution_over(l: Labels, actual: &str, budget: &str, pct: &str) -> String {
    format!(
        "{} {actual} 超过{} {budget}（执行率 {pct}），请核实；执行率按最高 100% 计分",
        l.actual, l.target
    )
}

pub fn execution_note(pct: &str, threshold: &str, required: bool) -> String {
    let must = if required { "须" } else { "宜" };
    format!("预算执行率 {pct} 低于 {threshold}，{must}说明原因")
}

pub fn done_exceeds(name: &str, done: &str, value: &str) -> String {
    format!("{name}的已完成数 {done} 超过总数 {value}")
}

pub fn kind_unmapped(name: &str, kind: &str, scheme: &str) -> String {
    format!("指标{name}属于{kind}，评分标准「{scheme}」中没有对应的指标类别，不计分")
}

pub fn aspect_unmapped(name: &str, aspect: &str, scheme: &str) -> String {
    format!("细则{name}属于{aspect}，评分标准「{scheme}」中没有这一方面，不计分")
}

pub fn deviation_note(name: &str, score: &str, points: &str) -> String {
    format!("指标{name}得分 {score}，未达满分 {points}，须填写偏差原因分析及改进措施")
}

pub fn points_sum(group: &str, terms: &[String], sum: &str, points: &str) -> String {
    // A long list is summed up: nobody reads 2,500 terms.
    let terms = match terms.len() {
        0 => "尚无指标".to_string(),
        n if n > 12 => format!("共 {n} 项，合计 {sum}"),
        _ => format!("{} = {sum}", terms.join(" + ")),
    };
    format!("{group}各项分值 {terms}，应等于 {points}")
}

/// A 一级指标 with points and nothing under it that can be scored.
pub fn section_empty(section: &str, points: &str) -> String {
    format!("一级指标「{section}」分值 {points} 分，但其下没有可评分的二级、三级指标，总分达不到满分；请在其下添加二级指标并选择其指标类别，或将分值改为 0")
}

pub fn project_management(section: &str) -> String {
    format!("项目支出绩效自评不设管理效率指标，评分标准中的「{section}」应删除，或改为部门整体支出绩效自评")
}

pub fn points_positive(name: &str, v: &str) -> String {
    format!("{name}的分值 {v} 应大于 0")
}

pub fn points_format(name: &str, v: &str) -> String {
    format!("{name}的分值 {v} 应为不超过两位小数的合理数值")
}

pub fn rate_range(name: &str, label: &str, v: &str) -> String {
    format!("{name}的{label} {v}% 超过 100%，请核实")
}

pub fn zero_target(name: &str) -> String {
    format!("{name}的目标值为 0，任何实际值都得满分，请核实")
}

pub fn over_achievement(name: &str, actual: &str, target: &str, pct: &str) -> String {
    format!(
        "{name}的实际值 {actual} 为目标值 {target} 的 {pct}，目标可能设定偏低，请在偏差原因中说明"
    )
}

pub fn qualitative_range(name: &str, grade: &str, lo: &str, hi: &str, score: &str) -> String {
    format!("{name}评为“{grade}”，得分应在 {lo}–{hi} 之间，现为 {score}")
}

pub fn score_range(name: &str, score: &str, points: &str) -> String {
    format!("{name}的得分 {score} 应在 0 到分值 {points} 之间")
}

pub fn manual_reason(name: &str) -> String {
    format!("{name}为人工评分，须填写评分理由")
}

pub fn override_reason(name: &str, score: &str) -> String {
    format!("{name}的得分人工调整为 {score}，须填写调整理由")
}

pub fn checks_empty(name: &str) -> String {
    format!("{name}按检查项计分，但没有列出任何检查项")
}

pub fn bands_empty(name: &str) -> String {
    format!("{name}按分档计分，但没有设置档次")
}

pub fn bands_order(name: &str) -> String {
    format!("{name}的档次应按门槛从高到低排列，且高档得分不低于低档")
}

pub fn bands_points(name: &str, points: &str) -> String {
    format!("{name}的档次得分应在 0 到分值 {points} 之间")
}

pub fn deduction_params(name: &str, per: &str, step: &str) -> String {
    format!("{name}的扣分标准（每 {step} 扣 {per} 分）应均大于 0")
}

pub fn places_range(label: &str, path: &str, value: u32, most: u32) -> String {
    format!("{label}（{path}）为 {value}，应为 0 到 {most} 之间的整数")
}

pub fn scheme_total(terms: &[String], sum: &str) -> String {
    format!(
        "评分标准各一级指标分值 {} = {sum}，应为 100",
        terms.join(" + ")
    )
}

pub fn scheme_execution_twice() -> String {
    "评分标准中只能有一个预算执行率指标".to_string()
}

pub fn scheme_execution_rule() -> String {
    "预算执行率只能按比例（正向）、按百分点扣分或按执行率分档计分".to_string()
}

pub fn scheme_kind_twice(kind: &str) -> String {
    format!("{kind}在评分标准中归入了多个类别")
}

pub fn scheme_aspect_twice(aspect: &str) -> String {
    format!("管理效率“{aspect}”在评分标准中出现多次")
}

pub fn scheme_grades() -> String {
    "等级划分应从高到低排列，分数线在 0–100 之间且互不相同".to_string()
}

pub fn scheme_over_achievement(v: &str) -> String {
    format!("超额完成提示阈值 {v} 应不小于 1（即 100%）")
}

pub fn scheme_low_execution(v: &str) -> String {
    format!("执行率说明阈值 {v} 应在 0 到 1 之间")
}

pub fn report_stale(excerpt: &str) -> String {
    format!("自评报告中修改过的段落“{excerpt}…”：其中的数字修改后已变化，请在自评报告中核对")
}

pub fn report_section_empty(heading: &str) -> String {
    format!("自评报告的「{heading}」没有内容：打印和导出时只有标题，请在“问题与措施”中填写")
}

pub fn report_orphan(excerpt: &str) -> String {
    format!("自评报告中修改过的段落“{excerpt}…”已不在报告中（评分标准或指标分类已改变）：文字仍保存着，可在自评报告中查看或删除")
}

// ---- goal seek ----

pub fn goal_not_understood(goal: &str) -> String {
    format!(
        "无法理解的目标“{goal}”：应为 总分≥N、等级=优、名称≥N（如 预算执行率≥10、执行率10分），或 total>=N、grade=优、item:名称>=N、section:名称>=N"
    )
}

pub fn goal_no_metric(goal: impl Display) -> String {
    format!("评分表中没有目标所指的项目：{goal}")
}

pub fn goal_ambiguous(name: &str, candidates: &[&str]) -> String {
    format!(
        "目标中的“{name}”可指多项：{}，请写出全名",
        candidates.join("、")
    )
}

/// A rounding mode as the scheme editor names it.
pub fn rounding_mode(mode: crate::num::RoundingMode) -> &'static str {
    match mode {
        crate::num::RoundingMode::HalfUp => "四舍五入",
        crate::num::RoundingMode::Truncate => "截尾",
        crate::num::RoundingMode::HalfEven => "银行家舍入",
    }
}

pub fn seek_reached(label: &str, value: impl Display, goal: impl Display) -> String {
    format!("当前{label} {value} 已达到目标 {goal}")
}

pub fn seek_found(label: &str, from: impl Display, to: impl Display, goal: impl Display) -> String {
    format!("{label}由 {from} 调整为 {to}，可达到目标 {goal}")
}

pub fn seek_above_top(goal: impl Display, top: impl Display, metric: impl Display) -> String {
    format!("目标 {goal} 高于评分标准规定的满分 {top}（{metric}）")
}

/// An item's rate, where it has one, and its score at an answer: the start of `seek_result`.
pub fn seek_scored(name: &str, rate: Option<(&str, String)>, score: impl Display) -> String {
    let rate = rate
        .map(|(label, r)| format!("{label} {r}，"))
        .unwrap_or_default();
    format!("{rate}「{name}」得分 {score}，")
}

/// The scores at an answer; `scored` is what `seek_scored` wrote, or empty.
pub fn seek_result(scored: &str, total: impl Display, grade: &str) -> String {
    format!("结果：{scored}总分 {total}（{grade}）")
}

/// The rate part of a rounding note: the rate, and where the scheme rounds it first, what
/// it became.
pub fn seek_rounding_rate(
    label: &str,
    exact: impl Display,
    first: Option<(&str, String)>,
) -> String {
    match first {
        Some((mode, rounded)) => format!("{label} {exact} 先{mode}为 {rounded}，"),
        None => format!("{label} {exact}，"),
    }
}

/// Rounding carries a score over the goal's line.
pub fn seek_rounding(
    rate: &str,
    raw: impl Display,
    mode: &str,
    places: u32,
    score: impl Display,
    goal: impl Display,
) -> String {
    format!(
        "注意：按规则{rate}得 {raw} 分，{mode}保留 {places} 位小数为 {score} 分，是舍入使它达到目标 {goal}"
    )
}

pub fn seek_cannot(label: &str, goal: impl Display) -> String {
    format!("只调整{label}达不到目标 {goal}")
}

pub fn seek_best(metric: impl Display, least: bool, best: impl Display) -> String {
    let bound = if least { "最少" } else { "最多" };
    format!("：{metric}{bound}为 {best}")
}

pub fn seek_full(section: &str) -> String {
    format!("{section}已满分")
}

/// The item's score is an override, so its figure does not move it.
pub fn seek_overridden(item: &str, score: impl Display, label: &str) -> String {
    format!("；「{item}」的得分已人工调整为 {score}（手动评分），调整{label}不改变它的得分")
}

pub fn seek_lifted(item: &str, reason: &str) -> String {
    format!("取消「{item}」的人工调整后：{reason}")
}
