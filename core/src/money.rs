//! Exact money. Stored as i64 minor units (fen), handled as `Decimal`,
//! serialised as a string with two decimals ("12345.60") — never a float.
use crate::error::ErrorCode;
use std::{fmt, str::FromStr};

use rust_decimal::Decimal;
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use ts_rs::TS;

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, TS)]
#[ts(type = "string")]
pub struct Money(Decimal);

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MoneyError {
    /// Not a decimal number.
    Invalid,
    /// More than two decimal places.
    TooPrecise,
    /// Does not fit in i64 fen.
    OutOfRange,
    /// A comma that does not separate thousands ("1,5", "12,34").
    Grouping,
}

impl MoneyError {
    pub fn code(self) -> ErrorCode {
        match self {
            MoneyError::Invalid => ErrorCode::MoneyInvalid,
            MoneyError::TooPrecise => ErrorCode::MoneyTooPrecise,
            MoneyError::OutOfRange => ErrorCode::MoneyOutOfRange,
            MoneyError::Grouping => ErrorCode::MoneyGrouping,
        }
    }
}

/// `s` without its thousands separators, or `None` when a comma stands
/// anywhere else: commas group the whole part in threes ("1,234.50",
/// "-12,345"), never "1,5" (which is not 15.00) or "1,2345".
fn ungroup(s: &str) -> Option<String> {
    if !s.contains(',') {
        return Some(s.to_owned());
    }
    let body = s.strip_prefix(['-', '+']).unwrap_or(s);
    let (int, frac) = body.split_once('.').unwrap_or((body, ""));
    let mut groups = int.split(',');
    let first = groups.next().unwrap_or("");
    let digits = |g: &str| g.chars().all(|c| c.is_ascii_digit());
    let grouped = (1..=3).contains(&first.len())
        && digits(first)
        && groups.all(|g| g.len() == 3 && digits(g))
        && !frac.contains(',');
    grouped.then(|| s.replace(',', ""))
}

impl Money {
    pub const ZERO: Money = Money(Decimal::ZERO);

    pub fn from_fen(fen: i64) -> Money {
        Money(Decimal::new(fen, 2))
    }

    /// Exact conversion; a value with more than 2 decimals is refused, never rounded.
    pub fn from_decimal(d: Decimal) -> Result<Money, MoneyError> {
        let n = d.normalize();
        if n.scale() > 2 {
            return Err(MoneyError::TooPrecise);
        }
        let m = Money(n);
        m.try_fen()?;
        Ok(m)
    }

    /// Parses "1234.5", "1,234.50", " -3 " (thousands separators allowed).
    pub fn parse(s: &str) -> Result<Money, MoneyError> {
        let cleaned = ungroup(s.trim()).ok_or(MoneyError::Grouping)?;
        if cleaned.is_empty() || cleaned.contains(['e', 'E']) {
            return Err(MoneyError::Invalid);
        }
        let d = Decimal::from_str(&cleaned).map_err(|_| MoneyError::Invalid)?;
        Money::from_decimal(d)
    }

    fn try_fen(self) -> Result<i64, MoneyError> {
        let scaled = self
            .0
            .checked_mul(Decimal::ONE_HUNDRED)
            .ok_or(MoneyError::OutOfRange)?;
        i64::try_from(scaled).map_err(|_| MoneyError::OutOfRange)
    }

    /// Minor units for storage. Values come from `parse`/`from_fen`, so they fit.
    pub fn fen(self) -> i64 {
        self.try_fen().expect("Money always fits in i64 fen")
    }

    pub fn decimal(self) -> Decimal {
        self.0
    }

    /// "1,234,567.89": two decimals, thousands separated, as printed on statements.
    pub fn grouped(self) -> String {
        let text = self.to_string();
        let (sign, digits) = match text.strip_prefix('-') {
            Some(rest) => ("-", rest),
            None => ("", text.as_str()),
        };
        let (int, frac) = digits.split_once('.').unwrap_or((digits, "00"));
        let mut out = String::with_capacity(text.len() + int.len() / 3);
        out.push_str(sign);
        for (i, c) in int.chars().enumerate() {
            if i > 0 && (int.len() - i) % 3 == 0 {
                out.push(',');
            }
            out.push(c);
        }
        out.push('.');
        out.push_str(frac);
        out
    }

    pub fn is_negative(self) -> bool {
        self.0.is_sign_negative() && !self.0.is_zero()
    }
}

impl fmt::Display for Money {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut d = self.0;
        d.rescale(2);
        write!(f, "{d}")
    }
}

impl Serialize for Money {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.to_string())
    }
}

impl<'de> Deserialize<'de> for Money {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        Money::parse(&s).map_err(|e| serde::de::Error::custom(e.code().key()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn parses_and_formats_exactly() {
        assert_eq!(Money::parse("1,234.5").unwrap().to_string(), "1234.50");
        assert_eq!(Money::parse("0.1").unwrap().fen(), 10);
        assert_eq!(Money::parse("-3").unwrap().to_string(), "-3.00");
        assert_eq!(Money::parse("1.230").unwrap().fen(), 123);
        assert_eq!(Money::parse("1.234"), Err(MoneyError::TooPrecise));
        assert_eq!(Money::from_fen(123456789).grouped(), "1,234,567.89");
        assert_eq!(Money::from_fen(-100000).grouped(), "-1,000.00");
        assert_eq!(Money::from_fen(5).grouped(), "0.05");
        assert_eq!(Money::from_fen(99999).grouped(), "999.99");
        assert_eq!(Money::parse("abc"), Err(MoneyError::Invalid));
        assert_eq!(Money::parse("1e5"), Err(MoneyError::Invalid));
        // A comma separates thousands only: "1,5" is not 15.00.
        assert_eq!(Money::parse("-12,345,678.9").unwrap().fen(), -1_234_567_890);
        for bad in [
            "1,5", "12,34", "1,2345", ",123", "1234,567", "1.2,3", "1,,234",
        ] {
            assert_eq!(Money::parse(bad), Err(MoneyError::Grouping), "{bad}");
        }
        assert_eq!(Money::parse(""), Err(MoneyError::Invalid));
        assert_eq!(
            Money::parse("99999999999999999999"),
            Err(MoneyError::OutOfRange)
        );
        assert_eq!(
            serde_json::to_string(&Money::from_fen(1)).unwrap(),
            "\"0.01\""
        );
    }

    proptest! {
        #[test]
        fn fen_round_trips_through_text(fen in (i64::MIN / 100)..(i64::MAX / 100)) {
            let m = Money::from_fen(fen);
            let text = m.to_string();
            let back = Money::parse(&text).unwrap();
            prop_assert_eq!(back.fen(), fen);
            let json = serde_json::to_string(&m).unwrap();
            let from_json: Money = serde_json::from_str(&json).unwrap();
            prop_assert_eq!(from_json, m);
        }

        #[test]
        fn sums_in_fen_equal_decimal_sums(a in -10_000_000_000i64..10_000_000_000, b in -10_000_000_000i64..10_000_000_000) {
            let sum = Money::from_fen(a).decimal() + Money::from_fen(b).decimal();
            prop_assert_eq!(Money::from_decimal(sum).unwrap().fen(), a + b);
        }

        #[test]
        fn three_decimals_are_refused_not_rounded(fen in 0i64..1_000_000_000, extra in 1u8..10) {
            let text = format!("{}{}", Money::from_fen(fen), extra);
            prop_assert_eq!(Money::parse(&text), Err(MoneyError::TooPrecise));
        }
    }
}
