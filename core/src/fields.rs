//! Checks of one form field each, shared by the forms of the domains: every
//! problem is pushed onto the form's errors under the field's name, so the
//! window shows them all at once beside their fields.
use chrono::NaiveDate;

use crate::error::{ErrorCode, FieldErrors};
use crate::money::Money;

/// Trimmed text; `required` refuses empty, `max` counts characters; control
/// characters other than newline and tab are refused.
pub fn text(
    errs: &mut FieldErrors,
    field: &str,
    value: &str,
    required: bool,
    max: usize,
) -> String {
    let v = value.trim();
    if required && v.is_empty() {
        errs.push(field, ErrorCode::Required);
    } else if v.chars().count() > max {
        errs.push(field, ErrorCode::TooLong);
    } else if v.chars().any(|c| c.is_control() && c != '\n' && c != '\t') {
        errs.push(field, ErrorCode::ControlCharacter);
    }
    v.to_string()
}

/// An optional `YYYY-MM-DD`: empty is `None`, anything else must parse.
pub fn date(errs: &mut FieldErrors, field: &str, value: &str) -> Option<NaiveDate> {
    let v = value.trim();
    if v.is_empty() {
        return None;
    }
    let d = crate::dates::parse_date(v);
    if d.is_none() {
        errs.push(field, ErrorCode::DateFormat);
    }
    d
}

/// A required `YYYY-MM-DD`.
pub fn required_date(errs: &mut FieldErrors, field: &str, value: &str) -> Option<NaiveDate> {
    if value.trim().is_empty() {
        errs.push(field, ErrorCode::Required);
        return None;
    }
    date(errs, field, value)
}

/// An optional amount of yuan, positive, at most one trillion: fen.
pub fn amount(errs: &mut FieldErrors, field: &str, value: &str) -> Option<i64> {
    let v = value.trim();
    if v.is_empty() {
        return None;
    }
    match Money::parse(v) {
        Ok(m) if m.fen() <= 0 => {
            errs.push(field, ErrorCode::AmountNotPositive);
            None
        }
        Ok(m) if m.fen() > 100_000_000_000_000 => {
            errs.push(field, ErrorCode::MoneyOutOfRange);
            None
        }
        Ok(m) => Some(m.fen()),
        Err(e) => {
            errs.push(field, e.code());
            None
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn checks() {
        let mut errs = FieldErrors::default();
        assert_eq!(text(&mut errs, "a", "  x ", true, 5), "x");
        text(&mut errs, "b", " ", true, 5);
        text(&mut errs, "c", "abcdef", false, 5);
        text(&mut errs, "d", "a\u{7}", false, 5);
        assert_eq!(date(&mut errs, "e", ""), None);
        assert_eq!(date(&mut errs, "f", "2026-13-01"), None);
        assert_eq!(required_date(&mut errs, "g", ""), None);
        assert_eq!(amount(&mut errs, "h", "12.30"), Some(1230));
        assert_eq!(amount(&mut errs, "i", "0"), None);
        assert_eq!(amount(&mut errs, "j", "1.234"), None);
        let fields: Vec<String> = errs.0.iter().map(|e| e.field.clone()).collect();
        assert_eq!(fields, ["b", "c", "d", "f", "g", "i", "j"]);
    }
}
