//! Checks of one form field each, shared by the forms of the domains: every
//! problem is pushed onto the form's errors under the field's name, so the
//! window shows them all at once beside their fields.
use chrono::NaiveDate;

use crate::error::{ErrorCode, FieldError, FieldErrors};
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
    } else {
        printable(errs, field, v);
    }
    v.to_string()
}

/// Refuses what no document could print or a reader could see: invisible
/// characters and those the fonts lack, naming the first (`glyphs::refusal`).
pub fn printable(errs: &mut FieldErrors, field: &str, value: &str) {
    if let Some(e) = printable_error(field, value) {
        errs.push_err(e);
    }
}

/// As `printable`, for forms that gather a `Vec<FieldError>`.
pub fn printable_error(field: &str, value: &str) -> Option<FieldError> {
    crate::glyphs::refusal(value).map(|(code, detail)| FieldError::with_detail(field, code, detail))
}

/// An optional `YYYY-MM-DD`: empty is `None`, anything else must parse.
pub fn date(errs: &mut FieldErrors, field: &str, value: &str) -> Option<NaiveDate> {
    let v = value.trim();
    if v.is_empty() {
        return None;
    }
    match crate::dates::check_date(v) {
        Ok(d) => Some(d),
        Err(code) => {
            errs.push(field, code);
            None
        }
    }
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
        assert_eq!(date(&mut errs, "k", "9999-12-31"), None);
        text(&mut errs, "l", "INV\u{200B}1", false, 20);
        text(&mut errs, "m", "好😀", false, 20);
        let fields: Vec<(String, &str)> = errs
            .0
            .iter()
            .map(|e| (e.field.clone(), e.code.key()))
            .collect();
        let want = [
            ("b", "required"),
            ("c", "too_long"),
            ("d", "control_character"),
            ("f", "date_format"),
            ("g", "required"),
            ("i", "amount_not_positive"),
            ("j", "money_too_precise"),
            ("k", "date_range"),
            ("l", "invisible_character"),
            ("m", "unprintable"),
        ];
        let want: Vec<(String, &str)> = want.iter().map(|(f, c)| (f.to_string(), *c)).collect();
        assert_eq!(fields, want);
    }
}
