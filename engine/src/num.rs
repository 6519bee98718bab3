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
        let mut v = self.0;
        if v.scale() < 2 {
            v.rescale(2);
        }
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

/// Why a typed number was not understood.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ParseError {
    Empty,
    NotANumber,
    TooLarge,
}

/// Parses what a user types: `1,234.56`, full-width digits `１２３．４`, a trailing `%`
/// (kept as the percentage figure, so `99.3%` is 99.3), surrounding spaces, and `1.`.
pub fn parse_input(raw: &str) -> Result<Decimal, ParseError> {
    let mut s = String::with_capacity(raw.len());
    for c in raw.trim().chars() {
        let c = match c {
            '０'..='９' => char::from_u32(c as u32 - '０' as u32 + '0' as u32).unwrap_or(c),
            '．' | '。' => '.',
            '，' | ',' => continue,
            '－' | '−' => '-',
            '＋' => '+',
            '％' => '%',
            ' ' | '\u{3000}' => continue,
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
    let digits_ok = !body.is_empty()
        && !body.starts_with('.')
        && body.chars().all(|c| c.is_ascii_digit() || c == '.')
        && body.matches('.').count() <= 1;
    if !digits_ok {
        return Err(ParseError::NotANumber);
    }
    s.parse::<Decimal>().map_err(|_| ParseError::TooLarge)
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
            ("１２３．４", "123.4"),
            ("99.3%", "99.3"),
            (" 733.88 ", "733.88"),
            ("-5", "-5"),
            ("１，２３４", "1234"),
        ];
        for (raw, want) in ok {
            assert_eq!(parse_input(raw).unwrap().to_string(), want, "{raw}");
        }
        let bad = [
            ("", ParseError::Empty),
            ("%", ParseError::Empty),
            ("abc", ParseError::NotANumber),
            ("1.2.3", ParseError::NotANumber),
            (".5", ParseError::NotANumber),
            ("1e5", ParseError::NotANumber),
            ("99999999999999999999999999999999", ParseError::TooLarge),
        ];
        for (raw, want) in bad {
            assert_eq!(parse_input(raw), Err(want), "{raw}");
        }
    }

    #[test]
    fn division_by_zero_is_none() {
        assert_eq!(div(dec!(1), Decimal::ZERO), None);
        assert_eq!(mul(Decimal::MAX, dec!(2)), None);
    }
}
