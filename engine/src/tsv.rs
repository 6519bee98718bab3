//! Paste from Excel (粘贴): a tab-separated block copied from a spreadsheet, applied to
//! the economic-classification table or the indicator table. All or nothing: one bad
//! cell changes nothing and the message names it.

use rust_decimal::Decimal;

use crate::model::{Assessment, EconomicClass, Indicator, IndicatorKind, Measure};
use crate::num::{parse_input, ParseError};
use crate::scheme::Rule;

/// The cells of a pasted block: rows by line, cells by tab; blank lines dropped.
pub fn cells(text: &str) -> Vec<Vec<String>> {
    text.lines()
        .map(|l| l.trim_end_matches('\r'))
        .filter(|l| !l.trim().is_empty())
        .map(|l| l.split('\t').map(|c| c.trim().to_string()).collect())
        .collect()
}

/// Whether a pasted block has more than one cell, so it is not an ordinary paste.
pub fn is_block(text: &str) -> bool {
    let c = cells(text);
    c.len() > 1 || c.first().is_some_and(|r| r.len() > 1)
}

fn number(row: usize, col: &str, cell: &str) -> Result<Option<Decimal>, String> {
    match parse_input(cell) {
        Ok(v) => Ok(Some(v)),
        Err(ParseError::Empty) => Ok(None),
        Err(e) => Err(format!("粘贴的第 {row} 行{col}“{cell}”{e}，未做任何修改")),
    }
}

/// The economic row a label names, ignoring numbering such as 一、 or 六、.
fn economic_row(label: &str) -> Option<usize> {
    let bare = label.trim_start_matches(|c: char| "一二三四五六七八九十、.0123456789 ".contains(c));
    EconomicClass::ALL.iter().position(|c| c.label() == bare)
}

/// Pastes amounts into the economic table from row `start`: one column of amounts, or
/// label and amount (rows are then matched by label). Header and 合计 rows are skipped.
/// Returns how many rows were filled.
pub fn paste_economic(a: &mut Assessment, start: usize, text: &str) -> Result<usize, String> {
    let mut next = start;
    let mut writes = Vec::new();
    for (i, row) in cells(text).iter().enumerate() {
        let line = i + 1;
        let (label, amount) = match row.as_slice() {
            [amount] => (None, amount.as_str()),
            // A column of amounts copied with an empty column beside it.
            [amount, ..] if parse_input(amount).is_ok() => (None, amount.as_str()),
            [label, amount, ..] => (Some(label.as_str()), amount.as_str()),
            [] => continue,
        };
        let labelled = label.and_then(economic_row);
        if label.is_some_and(|l| l.contains("合计")) {
            continue;
        }
        let value = match number(line, "金额", amount) {
            Ok(v) => v,
            // A header row such as 实际支出数（万元）: skip it.
            Err(_) if labelled.is_none() && line == 1 => continue,
            Err(e) => return Err(e),
        };
        let target = labelled.unwrap_or(next);
        if target >= EconomicClass::ALL.len() {
            return Err(format!(
                "粘贴的行数超出经济分类表的 10 行（第 {line} 行），未做任何修改"
            ));
        }
        writes.push((target, value));
        next = target + 1;
    }
    let n = writes.len();
    for (row, value) in writes {
        a.finance.economic[row] = value;
    }
    Ok(n)
}

/// The indicator kind a cell names: 数量指标, 数量, …
fn kind(cell: &str) -> Option<IndicatorKind> {
    let bare = cell.trim_end_matches("指标");
    IndicatorKind::ALL.iter().copied().find(|k| {
        k.label().trim_end_matches("指标") == bare
            || (bare.chars().count() >= 2 && k.label().contains(bare))
    })
}

/// Pastes indicator rows from row `start` (replacing rows there, appending past the
/// end): 类别, 名称, 单位, 分值, 年度指标值, 实际完成值; later columns may be left out.
/// A first row that names no kind is taken as a header and skipped.
pub fn paste_indicators(a: &mut Assessment, start: usize, text: &str) -> Result<usize, String> {
    let mut rows = Vec::new();
    for (i, row) in cells(text).iter().enumerate() {
        let line = i + 1;
        let cell = |k: usize| row.get(k).map(String::as_str).unwrap_or("");
        let Some(kind) = kind(cell(0)) else {
            if line == 1 {
                continue;
            }
            return Err(format!(
                "粘贴的第 {line} 行类别“{}”无法识别（如：数量指标、满意度指标），未做任何修改",
                cell(0)
            ));
        };
        let mut measure = Measure::new(Rule::AtLeast);
        measure.target = number(line, "年度指标值", cell(4))?;
        measure.actual = number(line, "实际完成值", cell(5))?;
        rows.push(Indicator {
            kind,
            name: cell(1).to_string(),
            unit: cell(2).to_string(),
            points: number(line, "分值", cell(3))?.unwrap_or_default(),
            measure,
            deviation_note: String::new(),
            example: false,
        });
    }
    let n = rows.len();
    for (k, ind) in rows.into_iter().enumerate() {
        match a.indicators.get_mut(start + k) {
            Some(slot) => {
                let note = std::mem::take(&mut slot.deviation_note);
                *slot = Indicator {
                    deviation_note: note,
                    measure: Measure {
                        rule: slot.measure.rule.clone(),
                        ..ind.measure
                    },
                    ..ind
                };
            }
            None => a.indicators.push(ind),
        }
    }
    Ok(n)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sample::sample;
    use rust_decimal_macros::dec;

    #[test]
    fn a_column_of_amounts_fills_rows_from_the_cell() {
        let mut a = sample();
        a.finance.economic = [None; 10];
        assert_eq!(paste_economic(&mut a, 0, "515.53\n201.56\r\n0\n"), Ok(3));
        assert_eq!(
            paste_economic(&mut a, 4, "7\t\n8\t"),
            Ok(2),
            "an empty column beside"
        );
        assert_eq!(a.finance.economic[4..6], [Some(dec!(7)), Some(dec!(8))]);
        assert_eq!(
            a.finance.economic[..3],
            [Some(dec!(515.53)), Some(dec!(201.56)), Some(dec!(0))]
        );
    }

    #[test]
    fn the_seed_table_pasted_whole_lands_by_label() {
        let mut a = sample();
        a.finance.economic = [None; 10];
        let table = "\t实际支出数（万元）\t占比\n一、工资福利支出\t515.53\t70.25%\n二、商品和服务支出\t201.56\t27.46%\n六、资本性支出\t16.79\t2.29%\n合计\t733.88\t";
        assert_eq!(paste_economic(&mut a, 0, table), Ok(3));
        assert_eq!(a.finance.economic[5], Some(dec!(16.79)));
        assert_eq!(a.finance.economic[2], None);
    }

    #[test]
    fn a_bad_cell_changes_nothing() {
        let mut a = sample();
        let before = a.clone();
        let err = paste_economic(&mut a, 0, "1\nabc").expect_err("abc");
        assert_eq!(err, "粘贴的第 2 行金额“abc”不是有效的数字，未做任何修改");
        assert_eq!(a, before);
        assert!(paste_economic(&mut a, 9, "1\n2").is_err(), "past row 10");
        assert_eq!(a, before);
    }

    #[test]
    fn a_doubtful_figure_is_refused_with_its_reason() {
        let cases = [
            ("1\n733,88", "粘贴的第 2 行金额“733,88”不是有效的数字（逗号的用法无法确定：小数点请用“.”，逗号只作千位分隔、每三位一组，如 1,234.56），未做任何修改"),
            ("1\n12.3万", "粘贴的第 2 行金额“12.3万”不是有效的数字（末尾的“万”是单位，请去掉，按本栏的单位只填数字），未做任何修改"),
            ("1\n1e400", "粘贴的第 2 行金额“1e400”不是有效的数字（科学计数法不予接受，请写出完整数字，如 1e5 写作 100000），未做任何修改"),
        ];
        for (block, want) in cases {
            let mut a = sample();
            let before = a.clone();
            assert_eq!(
                paste_economic(&mut a, 0, block),
                Err(want.to_string()),
                "{block}"
            );
            assert_eq!(a, before, "{block}");
        }
        let mut a = sample();
        assert_eq!(paste_economic(&mut a, 0, "1,234.5\n12,345"), Ok(2));
        assert_eq!(
            a.finance.economic[..2],
            [Some(dec!(1234.5)), Some(dec!(12345))]
        );
    }

    #[test]
    fn indicator_rows_replace_and_append() {
        let mut a = sample();
        let block = "类别\t名称\t单位\t分值\t年度指标值\t实际完成值\n数量指标\t办理数\t件\t6\t400\t380\n满意度\t满意率\t%\t8\t90\t95";
        assert_eq!(paste_indicators(&mut a, 5, block), Ok(2));
        assert_eq!(a.indicators.len(), 7);
        assert_eq!(a.indicators[5].kind, IndicatorKind::Quantity);
        assert_eq!(a.indicators[5].measure.actual, Some(dec!(380)));
        assert_eq!(a.indicators[6].kind, IndicatorKind::Satisfaction);
        assert_eq!(a.indicators[6].points, dec!(8));
        let before = a.clone();
        assert!(paste_indicators(&mut a, 0, "数量指标\tx\t件\t6\n未知\ty").is_err());
        assert_eq!(a, before);
    }

    #[test]
    fn blocks_are_told_from_single_values() {
        assert!(!is_block("733.88"));
        assert!(is_block("1\n2"));
        assert!(is_block("a\t1"));
    }
}
