//! Decimal arithmetic for money, rates and scores: checked operations, the scheme's
//! rounding modes, parsing what a finance officer types, and display formatting.

use std::fmt;

use rust_decimal::{Decimal, RoundingStrategy};

/// How a scheme rounds scores and displayed figures (舍入方式).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RoundingMode {
    /// 四舍五入: half away from zero, the default of every published form.
    #[default]
    HalfUp,
    /// 截尾: drop the digits beyond the second decimal.
    Truncate,
    /// 银行家舍入: half to even.
    HalfEven,
}

impl RoundingMode {
    fn strategy(self) -> RoundingStrategy {
        match self {
            RoundingMode::HalfUp => RoundingStrategy::MidpointAwayFromZero,
            RoundingMode::Truncate => RoundingStrategy::ToZero,
            RoundingMode::HalfEven => RoundingStrategy::MidpointNearestEven,
        }
    }

    /// Rounds to `dp` decimals and keeps exactly `dp` decimals, so 9.3 prints as 9.30.
    pub fn round(self, value: Decimal, dp: u32) -> Decimal {
        let mut r = value.round_dp_with_strategy(dp, self.strategy());
        r.rescale(dp);
        r
    }
}

/// Adds, failing on overflow instead of panicking.
pub fn add(a: Decimal, b: Decimal) -> Option<Decimal> {
    a.checked_add(b)
}

/// Subtracts, failing on overflow instead of panicking.
pub fn sub(a: Decimal, b: Decimal) -> Option<Decimal> {
    a.checked_sub(b)
}

/// Multiplies, failing on overflow instead of panicking.
pub fn mul(a: Decimal, b: Decimal) -> Option<Decimal> {
    a.checked_mul(b)
}

/// Divides, `None` on a zero divisor or overflow.
pub fn div(a: Decimal, b: Decimal) -> Option<Decimal> {
    if b.is_zero() {
        None
    } else {
        a.checked_div(b)
    }
}

/// Sums a list, `None` on overflow.
pub fn sum<I: IntoIterator<Item = Decimal>>(values: I) -> Option<Decimal> {
    values.into_iter().try_fold(Decimal::ZERO, add)
}

/// Clamps into `[lo, hi]`; `hi < lo` yields `lo`.
pub fn clamp(value: Decimal, lo: Decimal, hi: Decimal) -> Decimal {
    value.min(hi).max(lo)
}

/// The ratio as a percentage figure: 0.9930 → 99.30.
pub fn percent(ratio: Decimal) -> Option<Decimal> {
    mul(ratio, Decimal::ONE_HUNDRED)
}

/// Formats a figure with exactly 2 decimals, in the scheme's mode: 179.6 → "179.60".
pub fn fmt2(value: Decimal, mode: RoundingMode) -> String {
    Fixed(value, mode).to_string()
}

/// Formats an amount as entered, with never fewer than 2 decimals: 179.6 → "179.60",
/// 89.965 → "89.965" (rust_decimal keeps the scale of what was parsed).
pub fn fmt_amount(value: Decimal) -> String {
    Amount(value).to_string()
}

/// Formats a ratio as a percentage with 2 decimals: 0.993018 → "99.30%".
pub fn fmt_pct(ratio: Decimal, mode: RoundingMode) -> String {
    Pct(ratio, mode).to_string()
}

/// Formats a typed figure without padding or trailing zeros: 179.60 → "179.6", 31631 → "31631".
pub fn fmt_plain(value: Decimal) -> String {
    Plain(value).to_string()
}

/// A figure shown with exactly 2 decimals, written straight into its sentence.
pub struct Fixed(pub Decimal, pub RoundingMode);

/// An amount shown with the decimals it was entered with, and at least 2.
pub struct Amount(pub Decimal);

/// A ratio shown as a percentage with 2 decimals, or "—" when out of range.
pub struct Pct(pub Decimal, pub RoundingMode);

/// A typed figure shown as typed, without trailing zeros.
pub struct Plain(pub Decimal);

impl fmt::Display for Fixed {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&self.1.round(self.0, 2), f)
    }
}

impl fmt::Display for Amount {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // Padded to 2 decimals, more kept: no comparison with 2, whose `<=` twin would do
        // the same (rescaling to the scale a figure has is a no-op), a mutant no test kills.
        let mut v = self.0;
        v.rescale(v.scale().max(2));
        fmt::Display::fmt(&v, f)
    }
}

/// A ratio shown as a percentage with a given number of decimals: 0.50 → "50%" with 0.
pub struct PctPlaces(pub Decimal, pub RoundingMode, pub u32);

impl fmt::Display for Pct {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&PctPlaces(self.0, self.1, 2), f)
    }
}

impl fmt::Display for PctPlaces {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match percent(self.0) {
            Some(p) => write!(f, "{}%", self.1.round(p, self.2)),
            None => f.write_str("—"),
        }
    }
}

impl fmt::Display for Plain {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&self.0.normalize(), f)
    }
}

/// Why a typed number was not understood, so the field can say what to type instead.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ParseError {
    Empty,
    /// Nothing a number could be read from.
    NotANumber,
    /// Beyond what a decimal holds.
    TooLarge,
    /// A comma that is not a thousands separator (`733,88`, `1,23`): a decimal comma or a
    /// slip, so refused rather than guessed.
    AmbiguousComma,
    /// Scientific notation (`1e5`, `1e400`), which no form uses.
    Exponent,
    /// `Infinity`, `NaN`, `∞`.
    NotFinite,
    /// Written in Chinese numerals (`七百`).
    ChineseNumeral,
    /// A unit or magnitude after the figure (`12.3万`, `5元`): the field's unit is fixed.
    Unit(String),
    /// Hexadecimal (`0x2DD`).
    Hex,
    /// A letter that looks like a digit (`74O.5`, `l00`).
    LookAlike(char),
}

/// Characters that write a number in Chinese numerals.
const CHINESE_NUMERALS: &str = "零〇一二三四五六七八九十百千万亿两壹贰叁肆伍陆柒捌玖拾佰仟点負负";

/// Letters mistyped for a digit, and the digit they look like.
const LOOK_ALIKES: [(char, char); 4] = [('O', '0'), ('o', '0'), ('l', '1'), ('I', '1')];

/// Parses what a user types: `1,234.56` (commas only as thousands separators), full-width
/// digits `１２３．４`, a trailing `%` (kept as the percentage figure, so `99.3%` is 99.3),
/// surrounding spaces, and `1.`. Anything else is refused with the reason, never guessed.
pub fn parse_input(raw: &str) -> Result<Decimal, ParseError> {
    let mut s = String::with_capacity(raw.len());
    for c in raw.trim().chars() {
        let c = match c {
            '０'..='９' => char::from_u32(c as u32 - '０' as u32 + '0' as u32).unwrap_or(c),
            '．' | '。' => '.',
            '，' => ',',
            '－' | '−' => '-',
            '＋' => '+',
            '％' => '%',
            ' ' | '\u{3000}' | '\u{a0}' | '\u{202f}' => continue,
            other => other,
        };
        s.push(c);
    }
    let s = s.strip_suffix('%').unwrap_or(&s);
    let s = s.strip_suffix('.').unwrap_or(s);
    if s.is_empty() {
        return Err(ParseError::Empty);
    }
    let body = s.strip_prefix(['-', '+']).unwrap_or(s);
    let plain = plain_digits(body).map_err(|e| e.unwrap_or_else(|| why_not(body)))?;
    let sign = if s.starts_with('-') { "-" } else { "" };
    format!("{sign}{plain}")
        .parse::<Decimal>()
        .map_err(|_| ParseError::TooLarge)
}

/// The digits of an unsigned figure with its thousands separators removed; `Err(None)`
/// when it is no plain figure at all, `Err(Some(_))` when its commas are not thousands.
fn plain_digits(body: &str) -> Result<String, Option<ParseError>> {
    let (int, frac) = body.split_once('.').unwrap_or((body, ""));
    if int.is_empty()
        || !body
            .chars()
            .all(|c| c.is_ascii_digit() || c == '.' || c == ',')
    {
        return Err(None);
    }
    if frac.contains('.') {
        return Err(None);
    }
    if frac.contains(',') {
        return Err(Some(ParseError::AmbiguousComma));
    }
    let mut groups = int.split(',');
    let first = groups.next().unwrap_or_default();
    let grouped = (1..=3).contains(&first.len()) && groups.all(|g| g.len() == 3);
    if int.contains(',') && !grouped {
        return Err(Some(ParseError::AmbiguousComma));
    }
    let mut out: String = int.chars().filter(|c| *c != ',').collect();
    if !frac.is_empty() {
        out.push('.');
        out.push_str(frac);
    }
    Ok(out)
}

/// Why an unsigned text that is no plain figure was refused.
fn why_not(body: &str) -> ParseError {
    let lower = body.to_ascii_lowercase();
    if ["inf", "infinity", "nan", "∞"].contains(&lower.as_str()) {
        return ParseError::NotFinite;
    }
    if lower.starts_with("0x") {
        return ParseError::Hex;
    }
    if let Some((mantissa, exponent)) = lower.split_once('e') {
        let exponent = exponent.strip_prefix(['-', '+']).unwrap_or(exponent);
        let figure = |t: &str| plain_digits(t).is_ok();
        if figure(mantissa) && !exponent.is_empty() && exponent.chars().all(|c| c.is_ascii_digit())
        {
            return ParseError::Exponent;
        }
    }
    if let Some(&(letter, _)) = LOOK_ALIKES.iter().find(|(l, _)| body.contains(*l)) {
        let mended: String = body
            .chars()
            .map(|c| {
                LOOK_ALIKES
                    .iter()
                    .find(|(l, _)| *l == c)
                    .map_or(c, |(_, d)| *d)
            })
            .collect();
        if plain_digits(&mended).is_ok() {
            return ParseError::LookAlike(letter);
        }
    }
    let figure_end = body
        .find(|c: char| !(c.is_ascii_digit() || c == '.' || c == ','))
        .unwrap_or(body.len());
    let (figure, rest) = body.split_at(figure_end);
    if plain_digits(figure).is_ok() && !rest.chars().any(|c| c.is_ascii_digit()) {
        return ParseError::Unit(rest.to_string());
    }
    let numeral = |c: char| CHINESE_NUMERALS.contains(c);
    if body.chars().any(numeral)
        && body
            .chars()
            .all(|c| numeral(c) || c.is_ascii_digit() || c == '.')
    {
        return ParseError::ChineseNumeral;
    }
    ParseError::NotANumber
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal_macros::dec;

    #[test]
    fn rounding_modes_differ_at_the_midpoint() {
        let cases = [
            (RoundingMode::HalfUp, dec!(9.685), "9.69"),
            (RoundingMode::Truncate, dec!(9.685), "9.68"),
            (RoundingMode::HalfEven, dec!(9.685), "9.68"),
            (RoundingMode::HalfEven, dec!(9.675), "9.68"),
            (RoundingMode::HalfUp, dec!(9.3), "9.30"),
            (RoundingMode::Truncate, dec!(9.68517), "9.68"),
        ];
        for (mode, v, want) in cases {
            assert_eq!(mode.round(v, 2).to_string(), want, "{mode:?} {v}");
        }
    }

    #[test]
    fn amounts_keep_their_entered_decimals_and_at_least_2() {
        let cases = [
            ("89.965", "89.965"),
            ("89.970", "89.970"),
            ("179.6", "179.60"),
            ("733.88", "733.88"),
            ("31631", "31631.00"),
            ("0", "0.00"),
            ("-1.5", "-1.50"),
            ("0.12345", "0.12345"),
            ("-733.88", "-733.88"),
            ("1000000000000", "1000000000000.00"),
        ];
        for (typed, want) in cases {
            let v = parse_input(typed).expect("a number");
            assert_eq!(fmt_amount(v), want, "{typed}");
        }
        // A sum keeps the most decimals of its terms.
        let sum = add(dec!(89.965), dec!(0.005)).expect("sum");
        assert_eq!(fmt_amount(sum), "89.970");
    }

    #[test]
    fn parses_what_users_type() {
        let ok = [
            ("1.", "1"),
            ("1,234.56", "1234.56"),
            ("12,345", "12345"),
            ("1,234,567.5", "1234567.5"),
            ("１２３．４", "123.4"),
            ("99.3%", "99.3"),
            (" 733.88 ", "733.88"),
            ("-5", "-5"),
            ("+5", "5"),
            ("-1,234", "-1234"),
            ("１，２３４", "1234"),
            ("7\u{a0}33.88", "733.88"),
            ("0.0001", "0.0001"),
        ];
        for (raw, want) in ok {
            assert_eq!(parse_input(raw).unwrap().to_string(), want, "{raw}");
        }
        use ParseError::*;
        let bad = [
            ("", Empty),
            ("%", Empty),
            ("  ", Empty),
            ("abc", NotANumber),
            ("1.2.3", NotANumber),
            (".5", NotANumber),
            ("-", NotANumber),
            ("--5", NotANumber),
            ("1-2", NotANumber),
            ("99999999999999999999999999999999", TooLarge),
            ("-99999999999999999999999999999999", TooLarge),
            ("733,88", AmbiguousComma),
            ("1,23", AmbiguousComma),
            ("1,2345", AmbiguousComma),
            ("1234,567", AmbiguousComma),
            ("1,234,5", AmbiguousComma),
            ("1.234,56", AmbiguousComma),
            (",5", AmbiguousComma),
            ("1,,234", AmbiguousComma),
            ("７３３，８８", AmbiguousComma),
            ("1e5", Exponent),
            ("1e400", Exponent),
            ("1.5E-3", Exponent),
            ("-2e+10", Exponent),
            ("Infinity", NotFinite),
            ("-Infinity", NotFinite),
            ("inf", NotFinite),
            ("NaN", NotFinite),
            ("∞", NotFinite),
            ("七百", ChineseNumeral),
            ("一千二百三十四", ChineseNumeral),
            ("3.5亿", Unit("亿".into())),
            ("12.3万", Unit("万".into())),
            ("５元", Unit("元".into())),
            ("30件", Unit("件".into())),
            ("733.88万元", Unit("万元".into())),
            ("0x2DD", Hex),
            ("0X1f", Hex),
            ("74O.5", LookAlike('O')),
            ("1o0", LookAlike('o')),
            ("l00", LookAlike('l')),
            ("I,234", LookAlike('I')),
        ];
        for (raw, want) in bad {
            assert_eq!(parse_input(raw), Err(want), "{raw}");
        }
    }

    #[test]
    fn each_refusal_says_why() {
        let cases = [
            ("abc", "不是有效的数字"),
            ("9999999999999999999999999999999999999999", "超出可计算范围"),
            ("733,88", "不是有效的数字（逗号的用法无法确定：小数点请用“.”，逗号只作千位分隔、每三位一组，如 1,234.56）"),
            ("1e400", "不是有效的数字（科学计数法不予接受，请写出完整数字，如 1e5 写作 100000）"),
            ("Infinity", "不是有效的数字（无穷大或非数不是可计算的数）"),
            ("七百", "不是有效的数字（请用阿拉伯数字书写，如 七百 写作 700）"),
            ("12.3万", "不是有效的数字（末尾的“万”是单位，请去掉，按本栏的单位只填数字）"),
            ("0x2DD", "不是有效的数字（十六进制不予接受，请写成十进制数字）"),
            ("74O.5", "不是有效的数字（其中的“O”是字母，不是数字 0）"),
            ("l00", "不是有效的数字（其中的“l”是字母，不是数字 1）"),
        ];
        for (raw, want) in cases {
            let e = parse_input(raw).expect_err(raw);
            assert_eq!(e.to_string(), want, "{raw}");
        }
    }

    #[test]
    fn a_refusal_is_named_only_where_its_whole_pattern_holds() {
        use ParseError::*;
        let cases = [
            // An exponent needs a figure before and digits after it: else a unit's letters.
            ("1e", Unit("e".into())),
            ("1ex", Unit("ex".into())),
            ("1e5", Exponent),
            // A look-alike letter only where the rest is a figure once it is read as a digit.
            ("O元", NotANumber),
            ("1O", LookAlike('O')),
            // Chinese numerals, with Arabic digits or a decimal point among them.
            ("七.五", ChineseNumeral),
            ("七5", ChineseNumeral),
            ("七-五", NotANumber),
        ];
        for (raw, want) in cases {
            assert_eq!(parse_input(raw), Err(want), "{raw}");
        }
    }

    #[test]
    fn division_by_zero_is_none() {
        assert_eq!(div(dec!(1), Decimal::ZERO), None);
        assert_eq!(mul(Decimal::MAX, dec!(2)), None);
    }
}
