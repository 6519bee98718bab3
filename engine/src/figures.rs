//! Derived figures (派生数据): totals, shares, growth and rates, computed from what the
//! user typed and never typed twice. Shares of a complete breakdown sum to exactly 100.00%.

use rust_decimal::prelude::ToPrimitive;
use rust_decimal::Decimal;
use serde::Serialize;

use crate::model::{Amounts, Assessment, IndicatorKind, Tally};
use crate::num::{self, RoundingMode};

/// Every derived figure of an assessment, as the form and the report print them.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Figures {
    /// 收入合计 = 财政拨款 + 其他资金, figure by figure.
    pub income: Amounts,
    pub income_change: Change,
    pub appropriation_change: Change,
    pub other_funds_change: Change,
    pub spending_change: Change,
    /// 预算执行率 = 全年执行数 ÷ the scheme's base, unrounded.
    pub execution_rate: Option<Decimal>,
    /// 基本支出 and 项目支出 shares of 决算, in percent with 2 decimals.
    pub basic_share: Option<Decimal>,
    pub project_share: Option<Decimal>,
    /// 经济分类合计.
    pub economic_total: Decimal,
    /// Each economic row's share of the table's total, in percent; `None` for empty rows.
    pub economic_shares: Vec<Option<Decimal>>,
    pub workload: Vec<TallyFigures>,
    pub indicator_counts: IndicatorCounts,
}

/// 比上年增减: the change on last year and the growth rate.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Default)]
pub struct Change {
    pub change: Option<Decimal>,
    /// (this − last) ÷ last, unrounded.
    pub growth: Option<Decimal>,
}

/// What a tally derives: growth, its rate, and each breakdown's sum and shares.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TallyFigures {
    pub growth: Option<Decimal>,
    /// done ÷ value, unrounded.
    pub rate: Option<Decimal>,
    pub breakdowns: Vec<BreakdownFigures>,
}

/// A breakdown's parts added up, and each part's share of the tally in percent.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct BreakdownFigures {
    pub sum: Decimal,
    pub shares: Vec<Option<Decimal>>,
}

/// 绩效指标个数 by kind, as section 五 of the report counts them.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct IndicatorCounts {
    pub output: usize,
    pub benefit: usize,
    /// Every kind with at least one indicator, in the fixed order of kinds.
    pub by_kind: Vec<(IndicatorKind, usize)>,
}

/// Derives every figure of an assessment.
pub fn derive(a: &Assessment) -> Figures {
    let f = &a.finance;
    let mode = a.scheme.rounding.mode;
    let income = Amounts {
        initial: add_opt(f.appropriation.initial, f.other_funds.initial),
        adjusted: add_opt(f.appropriation.adjusted, f.other_funds.adjusted),
        actual: add_opt(f.appropriation.actual, f.other_funds.actual),
        last_actual: add_opt(f.appropriation.last_actual, f.other_funds.last_actual),
    };
    let rows: Vec<Decimal> = f.economic.iter().map(|v| v.unwrap_or_default()).collect();
    let economic_total = num::sum(rows.iter().copied()).unwrap_or_default();
    let economic_shares = shares(&rows, economic_total, mode)
        .into_iter()
        .zip(&f.economic)
        .map(|(s, v)| s.filter(|_| v.is_some_and(|v| !v.is_zero())))
        .collect();
    let (basic_share, project_share) = match (f.basic, f.project, f.spending.actual) {
        (Some(b), Some(p), Some(total)) => {
            let s = shares(&[b, p], total, mode);
            (s[0], s[1])
        }
        _ => (None, None),
    };
    let base = a
        .scheme
        .execution()
        .map(|(_, base, _)| base)
        .unwrap_or_default();
    Figures {
        income_change: change(&income),
        appropriation_change: change(&f.appropriation),
        other_funds_change: change(&f.other_funds),
        spending_change: change(&f.spending),
        income,
        execution_rate: ratio(f.spending.actual, f.spending.budget(base)),
        basic_share,
        project_share,
        economic_total,
        economic_shares,
        workload: a.workload.iter().map(|t| tally(t, mode)).collect(),
        indicator_counts: counts(a),
    }
}

/// (this − last) ÷ last: 50.05 ÷ 683.83 = 7.32%.
pub fn growth(this: Decimal, last: Decimal) -> Option<Decimal> {
    num::div(num::sub(this, last)?, last)
}

/// part ÷ whole, `None` when either is missing or the whole is zero.
pub fn ratio(part: Option<Decimal>, whole: Option<Decimal>) -> Option<Decimal> {
    num::div(part?, whole?)
}

/// Each part's share of `total` in percent with 2 decimals. When the parts add up to the
/// total, largest-remainder rounding makes the shares add up to exactly 100.00.
pub fn shares(parts: &[Decimal], total: Decimal, mode: RoundingMode) -> Vec<Option<Decimal>> {
    let hundredths: Option<Vec<Decimal>> = parts
        .iter()
        .map(|p| num::div(num::mul(*p, Decimal::from(10_000))?, total))
        .collect();
    let Some(exact) = hundredths else {
        return vec![None; parts.len()];
    };
    let complete = num::sum(parts.iter().copied()) == Some(total)
        && parts.iter().all(|p| !p.is_sign_negative());
    if !complete {
        return exact
            .iter()
            .map(|h| Some(mode.round(*h / Decimal::ONE_HUNDRED, 2)))
            .collect();
    }
    let mut units: Vec<Decimal> = exact.iter().map(|h| h.floor()).collect();
    let given: Decimal = units.iter().sum();
    let left = (Decimal::from(10_000) - given).to_usize().unwrap_or(0);
    // Largest remainder first; ties go to the larger part, then to the earlier row.
    let mut order: Vec<usize> = (0..parts.len()).collect();
    order.sort_by(|&i, &j| {
        let (ri, rj) = (exact[i] - units[i], exact[j] - units[j]);
        rj.cmp(&ri).then(parts[j].cmp(&parts[i]))
    });
    for &i in order.iter().take(left) {
        units[i] += Decimal::ONE;
    }
    units
        .into_iter()
        .map(|u| {
            let mut pct = u / Decimal::ONE_HUNDRED;
            pct.rescale(2);
            Some(pct)
        })
        .collect()
}

fn change(a: &Amounts) -> Change {
    match (a.actual, a.last_actual) {
        (Some(this), Some(last)) => Change {
            change: num::sub(this, last),
            growth: growth(this, last),
        },
        _ => Change::default(),
    }
}

fn tally(t: &Tally, mode: RoundingMode) -> TallyFigures {
    let value = t.value.unwrap_or_default();
    TallyFigures {
        growth: match (t.value, t.last_year) {
            (Some(v), Some(l)) => growth(v, l),
            _ => None,
        },
        rate: ratio(t.done, t.value),
        breakdowns: t
            .breakdowns
            .iter()
            .map(|b| {
                let parts: Vec<Decimal> = b
                    .parts
                    .iter()
                    .map(|p| p.value.unwrap_or_default())
                    .collect();
                BreakdownFigures {
                    sum: num::sum(parts.iter().copied()).unwrap_or_default(),
                    shares: shares(&parts, value, mode),
                }
            })
            .collect(),
    }
}

fn counts(a: &Assessment) -> IndicatorCounts {
    let n = |k: IndicatorKind| a.indicators.iter().filter(|i| i.kind == k).count();
    IndicatorCounts {
        output: a.indicators.iter().filter(|i| i.kind.is_output()).count(),
        benefit: a.indicators.iter().filter(|i| !i.kind.is_output()).count(),
        by_kind: IndicatorKind::ALL
            .iter()
            .map(|&k| (k, n(k)))
            .filter(|(_, c)| *c > 0)
            .collect(),
    }
}

fn add_opt(a: Option<Decimal>, b: Option<Decimal>) -> Option<Decimal> {
    match (a, b) {
        (None, None) => None,
        (a, b) => num::add(a.unwrap_or_default(), b.unwrap_or_default()),
    }
}
