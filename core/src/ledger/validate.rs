//! The checks an entry passes before it is posted, shared by the form and the
//! import: every problem is reported at once, naming its field.
use chrono::NaiveDate;

use super::{kind_prefix, EntryKind};
use crate::error::ErrorCode;
use crate::money::Money;

/// A checked entry, ready to insert (the distributor is resolved by the caller).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct ValidEntry {
    pub date: NaiveDate,
    pub doc_no: String,
    pub kind: EntryKind,
    pub amount_fen: i64,
    pub description: String,
    pub fapiao_no: String,
    pub due_date: Option<NaiveDate>,
}

/// The largest amount one entry may carry: one trillion yuan, in fen.
const MAX_ENTRY_FEN: u64 = 100_000_000_000_000;

/// Field checks shared by the form and the import; every problem is reported.
pub(crate) fn validate_entry(
    date: &str,
    doc_no: &str,
    kind: Option<EntryKind>,
    amount: &str,
    description: &str,
    fapiao_no: &str,
    due_date: &str,
) -> Result<ValidEntry, Vec<crate::error::FieldError>> {
    use crate::error::FieldError;
    let mut errs = vec![];
    let parsed_date = if date.trim().is_empty() {
        errs.push(FieldError::new("date", ErrorCode::Required));
        None
    } else {
        match crate::dates::check_date(date) {
            Ok(d) => Some(d),
            Err(code) => {
                errs.push(FieldError::with_detail("date", code, date.trim()));
                None
            }
        }
    };
    let doc_no = doc_no.trim();
    let limit = doc_no_limit(doc_no, kind);
    if doc_no.is_empty() {
        errs.push(FieldError::new("doc_no", ErrorCode::Required));
    } else if doc_no.chars().count() > limit {
        errs.push(FieldError::with_detail(
            "doc_no",
            ErrorCode::TooLong,
            limit.to_string(),
        ));
    }
    if kind.is_none() {
        errs.push(FieldError::new("kind", ErrorCode::InvalidChoice));
    }
    let amount_fen = if amount.trim().is_empty() {
        errs.push(FieldError::new("amount", ErrorCode::Required));
        None
    } else {
        match Money::parse(amount) {
            Ok(m) => Some(m.fen()),
            Err(e) => {
                errs.push(FieldError::with_detail("amount", e.code(), amount.trim()));
                None
            }
        }
    };
    if let (Some(k), Some(a)) = (kind, amount_fen) {
        if a == 0 {
            errs.push(FieldError::new("amount", ErrorCode::AmountZero));
        } else if a < 0 && k != EntryKind::Adjustment {
            errs.push(FieldError::with_detail(
                "amount",
                ErrorCode::AmountNegative,
                amount.trim(),
            ));
        } else if a.unsigned_abs() > MAX_ENTRY_FEN {
            errs.push(FieldError::with_detail(
                "amount",
                ErrorCode::MoneyOutOfRange,
                amount.trim(),
            ));
        }
    }
    if description.chars().count() > 200 {
        errs.push(FieldError::with_detail(
            "description",
            ErrorCode::TooLong,
            "200",
        ));
    }
    if fapiao_no.trim().chars().count() > 40 {
        errs.push(FieldError::with_detail(
            "fapiao_no",
            ErrorCode::TooLong,
            "40",
        ));
    }
    // An invisible character would make a twin of a document number (and
    // post it twice); one the font lacks would print as a substitute.
    for (field, v) in [
        ("doc_no", doc_no),
        ("description", description),
        ("fapiao_no", fapiao_no),
    ] {
        errs.extend(crate::fields::printable_error(field, v));
    }
    let due = if due_date.trim().is_empty() {
        None
    } else {
        match crate::dates::check_date(due_date) {
            Ok(d) => {
                if parsed_date.is_some_and(|p| d < p) {
                    errs.push(FieldError::new("due_date", ErrorCode::DueBeforeDate));
                }
                Some(d)
            }
            Err(code) => {
                errs.push(FieldError::with_detail("due_date", code, due_date.trim()));
                None
            }
        }
    };
    if !errs.is_empty() {
        return Err(errs);
    }
    Ok(ValidEntry {
        date: parsed_date.unwrap_or_default(),
        doc_no: doc_no.to_owned(),
        kind: kind.unwrap_or(EntryKind::Adjustment),
        amount_fen: amount_fen.unwrap_or(0),
        description: description.trim().to_owned(),
        fapiao_no: fapiao_no.trim().to_owned(),
        due_date: due,
    })
}

/// The longest document number typed or imported.
const DOC_NO_MAX: usize = 40;

/// A reversal's number is its prefix plus the reversed entry's number, so an
/// adjustment numbered like a reversal may be that much longer: an exported
/// ledger then imports again.
fn doc_no_limit(doc_no: &str, kind: Option<EntryKind>) -> usize {
    let reversal = EntryKind::ALL.iter().map(|k| kind_prefix(*k)).find(|p| {
        doc_no
            .strip_prefix(p)
            .is_some_and(|rest| rest.starts_with('-'))
    });
    match (kind, reversal) {
        (Some(EntryKind::Adjustment), Some(p)) => DOC_NO_MAX + p.len() + 1,
        _ => DOC_NO_MAX,
    }
}

/// Explicit due date, else the date plus the payment terms; an opening balance is due on its date.
pub(crate) fn effective_due(v: &ValidEntry, payment_terms_days: i32) -> NaiveDate {
    if let Some(d) = v.due_date {
        return d;
    }
    if v.kind == EntryKind::Opening {
        return v.date;
    }
    v.date
        .checked_add_days(chrono::Days::new(payment_terms_days.max(0) as u64))
        .unwrap_or(v.date)
}
