//! Checks on the agreement editor's input; every problem is reported at once.
use crate::error::ErrorCode;
use chrono::NaiveDate;
use rust_decimal::Decimal;
use std::str::FromStr;

use super::{AgreementInput, PaymentMethod, StoredStep, StoredTarget, Territory};
use crate::dates::parse_date;
use crate::error::{AppResult, FieldError, FieldErrors};
use crate::money::Money;

/// A percentage with at most two decimals, e.g. "12.5" → 1250 basis points.
pub fn parse_pct(s: &str) -> Result<i32, ErrorCode> {
    let s = s.trim().trim_end_matches('%').trim();
    if s.is_empty() {
        return Err(ErrorCode::Required);
    }
    let d = Decimal::from_str(s).map_err(|_| ErrorCode::PctInvalid)?;
    if d.normalize().scale() > 2 {
        return Err(ErrorCode::PctTooPrecise);
    }
    let bp = d * Decimal::ONE_HUNDRED;
    let bp = i32::try_from(bp).map_err(|_| ErrorCode::PctRange)?;
    if !(0..=1_000_000).contains(&bp) {
        return Err(ErrorCode::PctRange);
    }
    Ok(bp)
}

/// 1250 → "12.5", 300 → "3", 25 → "0.25".
pub fn fmt_pct(bp: i32) -> String {
    Decimal::new(i64::from(bp), 2).normalize().to_string()
}

#[derive(Debug, Clone)]
pub struct ValidAgreement {
    pub territories: Vec<Territory>,
    pub exclusive: bool,
    pub term_start: NaiveDate,
    pub term_end: NaiveDate,
    pub payment_days: i32,
    pub payment_method: PaymentMethod,
    pub credit_limit_fen: i64,
    pub discount_bp: i32,
    pub buyback_bp: i32,
    pub(crate) targets: Vec<StoredTarget>,
    pub(crate) ladder: Vec<StoredStep>,
    pub special_clauses: String,
}

fn date(errs: &mut FieldErrors, field: &str, s: &str) -> Option<NaiveDate> {
    if s.trim().is_empty() {
        errs.push(field, ErrorCode::Required);
        return None;
    }
    let d = parse_date(s);
    if d.is_none() {
        errs.push_err(FieldError::with_detail(
            field,
            ErrorCode::DateFormat,
            s.trim(),
        ));
    }
    d
}

fn pct(errs: &mut FieldErrors, field: &str, s: &str, max_bp: i32, detail: Option<String>) -> i32 {
    match parse_pct(s) {
        Ok(bp) if bp <= max_bp => bp,
        Ok(_) => {
            errs.push_err(FieldError::with_detail(
                field,
                ErrorCode::PctRange,
                detail.unwrap_or_else(|| s.trim().into()),
            ));
            0
        }
        Err(code) => {
            errs.push_err(FieldError::with_detail(
                field,
                code,
                detail.unwrap_or_else(|| s.trim().into()),
            ));
            0
        }
    }
}

fn territories(errs: &mut FieldErrors, list: &[Territory]) -> Vec<Territory> {
    let out: Vec<Territory> = list
        .iter()
        .map(|t| Territory {
            province: t.province.trim().into(),
            city: t.city.trim().into(),
            county: t.county.trim().into(),
            region: t.region.trim().into(),
        })
        .filter(|t| *t != Territory::default())
        .collect();
    if out.is_empty() {
        errs.push("territories", ErrorCode::Required);
    }
    for (i, t) in out.iter().enumerate() {
        let row = (i + 1).to_string();
        let admin = !t.province.is_empty() || !t.city.is_empty() || !t.county.is_empty();
        if !t.region.is_empty() && admin {
            errs.push_err(FieldError::with_detail(
                "territories",
                ErrorCode::TerritoryRegionOrArea,
                row,
            ));
        } else if admin && (t.province.is_empty() || (!t.county.is_empty() && t.city.is_empty())) {
            errs.push_err(FieldError::with_detail(
                "territories",
                ErrorCode::TerritoryIncomplete,
                row,
            ));
        } else if out[..i].contains(t) {
            errs.push_err(FieldError::with_detail(
                "territories",
                ErrorCode::Duplicate,
                row,
            ));
        }
    }
    out
}

fn targets(
    errs: &mut FieldErrors,
    list: &[super::TargetInput],
    term: Option<(NaiveDate, NaiveDate)>,
) -> Vec<StoredTarget> {
    let mut out: Vec<StoredTarget> = vec![];
    for (i, t) in list.iter().enumerate() {
        let row = (i + 1).to_string();
        let bad = |errs: &mut FieldErrors, code: ErrorCode| {
            errs.push_err(FieldError::with_detail("targets", code, row.clone()))
        };
        let from = parse_date(&t.from);
        let to = parse_date(&t.to);
        if from.is_none() || to.is_none() {
            bad(errs, ErrorCode::DateFormat);
            continue;
        }
        let (from, to) = (from.unwrap_or_default(), to.unwrap_or_default());
        if to < from {
            bad(errs, ErrorCode::TargetPeriod);
            continue;
        }
        if let Some((s, e)) = term {
            if from < s || to > e {
                bad(errs, ErrorCode::TargetOutsideTerm);
                continue;
            }
        }
        if out.iter().any(|o| o.from <= to && from <= o.to) {
            bad(errs, ErrorCode::TargetOverlap);
            continue;
        }
        let amount_fen = match Money::parse(&t.amount) {
            Ok(m) if m.fen() > 0 => m.fen(),
            Ok(_) => {
                bad(errs, ErrorCode::AmountNotPositive);
                continue;
            }
            Err(e) => {
                bad(errs, e.code());
                continue;
            }
        };
        let label = if t.label.trim().is_empty() {
            format!("{from} ~ {to}")
        } else {
            t.label.trim().chars().take(40).collect()
        };
        out.push(StoredTarget {
            label,
            from,
            to,
            amount_fen,
        });
    }
    out.sort_by_key(|t| t.from);
    out
}

fn ladder(errs: &mut FieldErrors, list: &[super::LadderStep]) -> Vec<StoredStep> {
    let mut out: Vec<StoredStep> = vec![];
    for (i, s) in list.iter().enumerate() {
        let row = (i + 1).to_string();
        let threshold = parse_pct(&s.threshold_pct).ok().filter(|bp| *bp <= 100_000);
        let rebate = parse_pct(&s.rebate_pct).ok().filter(|bp| *bp <= 10_000);
        let (Some(threshold_bp), Some(rebate_bp)) = (threshold, rebate) else {
            errs.push_err(FieldError::with_detail("ladder", ErrorCode::LadderPct, row));
            continue;
        };
        if threshold_bp == 0 || out.last().is_some_and(|p| p.threshold_bp >= threshold_bp) {
            errs.push_err(FieldError::with_detail(
                "ladder",
                ErrorCode::LadderOrder,
                row,
            ));
            continue;
        }
        out.push(StoredStep {
            threshold_bp,
            rebate_bp,
        });
    }
    out
}

/// Checks the input and returns what is stored.
pub fn validate(input: &AgreementInput) -> AppResult<ValidAgreement> {
    let mut errs = FieldErrors::default();
    let terr = territories(&mut errs, &input.territories);
    let start = date(&mut errs, "term_start", &input.term_start);
    let end = date(&mut errs, "term_end", &input.term_end);
    let term = match (start, end) {
        (Some(s), Some(e)) if e <= s => {
            errs.push("term_end", ErrorCode::TermOrder);
            None
        }
        (Some(s), Some(e)) => Some((s, e)),
        _ => None,
    };
    if !(0..=365).contains(&input.payment_days) {
        errs.push_err(FieldError::with_detail(
            "payment_days",
            ErrorCode::PaymentDaysRange,
            input.payment_days.to_string(),
        ));
    }
    if input.payment_method.is_none() {
        errs.push("payment_method", ErrorCode::Required);
    }
    let credit_limit_fen = if input.credit_limit.trim().is_empty() {
        0
    } else {
        match Money::parse(&input.credit_limit) {
            Ok(m) if m.is_negative() => {
                errs.push("credit_limit", ErrorCode::AmountNegative);
                0
            }
            Ok(m) => m.fen(),
            Err(e) => {
                errs.push_err(FieldError::with_detail(
                    "credit_limit",
                    e.code(),
                    input.credit_limit.trim(),
                ));
                0
            }
        }
    };
    let opt_pct = |errs: &mut FieldErrors, field: &str, s: &str| {
        if s.trim().is_empty() {
            0
        } else {
            pct(errs, field, s, 10_000, None)
        }
    };
    let discount_bp = opt_pct(&mut errs, "discount_pct", &input.discount_pct);
    let buyback_bp = opt_pct(&mut errs, "buyback_pct", &input.buyback_pct);
    let targets = targets(&mut errs, &input.targets, term);
    let ladder = ladder(&mut errs, &input.ladder);
    crate::fields::printable(&mut errs, "special_clauses", &input.special_clauses);
    if input.special_clauses.chars().count() > 10_000 {
        errs.push_err(FieldError::with_detail(
            "special_clauses",
            ErrorCode::TooLong,
            "10000",
        ));
    }
    errs.into_result()?;
    let (term_start, term_end) = term.unwrap_or_default();
    Ok(ValidAgreement {
        territories: terr,
        exclusive: input.exclusive,
        term_start,
        term_end,
        payment_days: input.payment_days,
        payment_method: input.payment_method.unwrap_or(PaymentMethod::Other),
        credit_limit_fen,
        discount_bp,
        buyback_bp,
        targets,
        ladder,
        special_clauses: input.special_clauses.trim().to_owned(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn percentages_round_trip_exactly() {
        assert_eq!(parse_pct("12.5"), Ok(1250));
        assert_eq!(parse_pct("3%"), Ok(300));
        assert_eq!(parse_pct("0.25"), Ok(25));
        assert_eq!(parse_pct("1.005"), Err(ErrorCode::PctTooPrecise));
        assert_eq!(parse_pct("abc"), Err(ErrorCode::PctInvalid));
        assert_eq!(parse_pct("-1"), Err(ErrorCode::PctRange));
        for bp in [0, 1, 25, 300, 1250, 10_000, 12_345] {
            assert_eq!(parse_pct(&fmt_pct(bp)), Ok(bp));
        }
    }

    #[test]
    fn territory_overlap_follows_containment() {
        let t = |p: &str, c: &str, r: &str| Territory {
            province: p.into(),
            city: c.into(),
            county: String::new(),
            region: r.into(),
        };
        assert!(t("广东省", "", "").overlaps(&t("广东省", "深圳市", "")));
        assert!(t("广东省", "深圳市", "").overlaps(&t("广东省", "", "")));
        assert!(!t("广东省", "深圳市", "").overlaps(&t("广东省", "广州市", "")));
        assert!(!t("广东省", "", "").overlaps(&t("广西壮族自治区", "", "")));
        assert!(t("", "", "华南大区").overlaps(&t("", "", "华南大区")));
        assert!(!t("", "", "华南大区").overlaps(&t("广东省", "", "")));
    }
}
