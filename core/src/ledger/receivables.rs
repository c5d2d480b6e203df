//! Receivables (应收账款): the aging of every distributor with a balance on a
//! date, whatever its status, by exactly the statement's rules (credits
//! applied to debits oldest due date first, buckets from Settings): closing
//! balance, each bucket, credit limit, available credit, over the limit,
//! oldest overdue days and last payment; totals per bucket.
use std::collections::HashMap;

use chrono::NaiveDate;
use sea_orm::ConnectionTrait;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::statement::{fifo, Posting};
use super::EntryKind;
use crate::actor::Access;
use crate::error::{AppError, AppResult, ErrorCode};
use crate::money::Money;

#[derive(Debug, Clone, Default, Deserialize, TS)]
#[ts(export)]
pub struct ReceivablesQuery {
    /// `YYYY-MM-DD`; empty: today.
    #[serde(default)]
    pub as_of: String,
}

#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct ReceivableRow {
    #[ts(type = "number")]
    pub distributor_id: i64,
    pub code: String,
    pub name: String,
    pub tier: crate::distributor::Tier,
    pub status: crate::distributor::Status,
    pub province: String,
    pub region: String,
    pub closing_balance: Money,
    pub not_due: Money,
    pub d1_30: Money,
    pub d31_60: Money,
    pub d61_90: Money,
    pub over_90: Money,
    /// Past due: the four overdue buckets together.
    pub overdue: Money,
    pub credit_limit: Money,
    /// Credit limit minus the balance (negative: over the limit).
    pub available_credit: Money,
    /// A balance owed above the limit (a limit of 0 means no credit).
    pub over_limit: bool,
    /// Days past due of the oldest debit still unpaid, if one is overdue.
    #[ts(type = "number | null")]
    pub oldest_overdue_days: Option<i64>,
    pub last_payment_date: Option<String>,
    /// The latest debit's date (an invoice that may have taken it over the limit).
    pub last_debit_date: Option<String>,
    /// The answer to the latest statement issued for a period ending by the date.
    pub confirmation: Option<super::runs::ConfirmStatus>,
    /// That statement's last day.
    pub confirmation_period_to: Option<String>,
}

#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct ReceivableTotals {
    pub closing_balance: Money,
    pub not_due: Money,
    pub d1_30: Money,
    pub d31_60: Money,
    pub d61_90: Money,
    pub over_90: Money,
    pub credit_limit: Money,
    pub available_credit: Money,
    /// Past due: the four overdue buckets together.
    pub overdue: Money,
}

#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct Receivables {
    pub as_of: String,
    /// The buckets' labels from the edges in Settings (`1-30` …); the keys of
    /// the rows keep their default names whatever the edges.
    pub buckets: Vec<String>,
    pub aging_edges: [u32; 3],
    pub distributors: Vec<ReceivableRow>,
    pub totals: ReceivableTotals,
}

/// Not due, then one label per edge, then over the last.
pub fn bucket_labels(edges: [u32; 3]) -> Vec<String> {
    vec![
        "not_due".to_string(),
        format!("1-{}", edges[0]),
        format!("{}-{}", edges[0] + 1, edges[1]),
        format!("{}-{}", edges[1] + 1, edges[2]),
        format!(">{}", edges[2]),
    ]
}

#[derive(Debug, Clone, Deserialize, TS)]
#[ts(export)]
pub struct ReceivablesFileRequest {
    /// `YYYY-MM-DD`; empty: today.
    #[serde(default)]
    pub as_of: String,
    /// `.xlsx` or `.pdf`.
    pub path: String,
    pub lang: crate::lang::Lang,
}

/// Writes the list on a date as XLSX or PDF (by the path's extension);
/// returns the number of distributors.
pub async fn export<C: ConnectionTrait>(
    db: &C,
    access: &crate::actor::Access,
    req: &ReceivablesFileRequest,
    today: NaiveDate,
) -> AppResult<usize> {
    access.require(crate::actor::Right::Export)?;
    let r = load(db, access, parse_as_of(&req.as_of, today)?).await?;
    let path = std::path::PathBuf::from(req.path.trim());
    if path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("pdf"))
    {
        let company = crate::settings::load_company(db).await?;
        let (lang, printed) = (req.lang, today.to_string());
        let n = r.distributors.len();
        let bytes = tokio::task::spawn_blocking(move || {
            super::receivables_pdf::render(&r, &company, lang, &printed)
        })
        .await
        .map_err(AppError::io)??;
        crate::pdf::write_atomically(&path, &bytes)?;
        return Ok(n);
    }
    write_xlsx(&r, &req.path, req.lang)
}

/// Every distributor's aging on `as_of` (those with a balance of 0 left out,
/// and those outside `access`'s scope).
pub async fn load<C: ConnectionTrait>(
    db: &C,
    access: &Access,
    as_of: NaiveDate,
) -> AppResult<Receivables> {
    load_for(db, access, as_of, None).await
}

/// As `load`, for the distributors given only (when a few).
async fn load_for<C: ConnectionTrait>(
    db: &C,
    access: &Access,
    as_of: NaiveDate,
    only: Option<&[i64]>,
) -> AppResult<Receivables> {
    let lines = super::lines::upto(db, as_of, only).await?;
    from_lines(db, access, as_of, &lines).await
}

/// The receivables on `as_of` from ledger lines already read (those dated
/// after it are left out), for a caller that has read them for more.
pub async fn from_lines<C: ConnectionTrait>(
    db: &C,
    access: &Access,
    as_of: NaiveDate,
    lines: &[super::lines::Line],
) -> AppResult<Receivables> {
    let edges = crate::settings::load_statement_settings(db)
        .await?
        .aging_edges;
    type Acc = (Vec<Posting>, Option<NaiveDate>, Option<NaiveDate>);
    let mut by_dist: HashMap<i64, Acc> = HashMap::new();
    for l in lines.iter().filter(|l| l.entry_date <= as_of) {
        let e = by_dist.entry(l.distributor_id).or_default();
        let p = l.posting();
        if l.kind == EntryKind::Payment && l.reverses_id.is_none() {
            e.1 = Some(e.1.map_or(l.entry_date, |p: NaiveDate| p.max(l.entry_date)));
        }
        if p.signed_fen > 0 && l.reverses_id.is_none() {
            e.2 = Some(e.2.map_or(l.entry_date, |p: NaiveDate| p.max(l.entry_date)));
        }
        e.0.push(p);
    }
    let confirmations = super::runs::latest_status(db, as_of).await?;
    let too_large = || AppError::field("total", ErrorCode::TotalOutOfRange);
    let dists = crate::distributor::models_by_id(db, by_dist.keys().copied()).await?;
    let mut out = vec![];
    for (id, (postings, last_payment, last_debit)) in &by_dist {
        let Some(d) = dists
            .get(id)
            .filter(|d| crate::scope::holds_model(access, d))
        else {
            continue;
        };
        let closing = postings
            .iter()
            .try_fold(0i64, |s, p| s.checked_add(p.signed_fen))
            .ok_or_else(too_large)?;
        if closing == 0 {
            continue;
        }
        let aging = super::statement::age(postings, as_of, edges).ok_or_else(too_large)?;
        let (remaining, _) = fifo(postings, as_of).ok_or_else(too_large)?;
        let oldest = remaining
            .iter()
            .filter(|(_, left)| *left > 0)
            .map(|(i, _)| (as_of - postings[*i].due).num_days())
            .filter(|days| *days > 0)
            .max();
        let available = d
            .credit_limit_fen
            .checked_sub(closing)
            .ok_or_else(too_large)?;
        let overdue = aging[1..]
            .iter()
            .try_fold(0i64, |s, b| s.checked_add(*b))
            .ok_or_else(too_large)?;
        let m = Money::from_fen;
        out.push(ReceivableRow {
            distributor_id: d.id,
            code: d.code.clone(),
            name: d.name.clone(),
            tier: crate::distributor::tier_of(d)?,
            status: crate::distributor::status_of(d)?,
            province: d.province.clone(),
            region: d.region.clone(),
            closing_balance: m(closing),
            not_due: m(aging[0]),
            d1_30: m(aging[1]),
            d31_60: m(aging[2]),
            d61_90: m(aging[3]),
            over_90: m(aging[4]),
            overdue: m(overdue),
            credit_limit: m(d.credit_limit_fen),
            available_credit: m(available),
            over_limit: closing > 0 && closing > d.credit_limit_fen,
            oldest_overdue_days: oldest,
            last_payment_date: last_payment.map(|d| d.to_string()),
            last_debit_date: last_debit.map(|d| d.to_string()),
            confirmation: confirmations.get(id).map(|c| c.0),
            confirmation_period_to: confirmations.get(id).map(|c| c.1.to_string()),
        });
    }
    out.sort_by(|a, b| a.code.cmp(&b.code));
    let sum = |f: &dyn Fn(&ReceivableRow) -> Money| -> AppResult<Money> {
        out.iter()
            .try_fold(0i64, |s, r| s.checked_add(f(r).fen()))
            .map(Money::from_fen)
            .ok_or_else(too_large)
    };
    let totals = ReceivableTotals {
        closing_balance: sum(&|r| r.closing_balance)?,
        not_due: sum(&|r| r.not_due)?,
        d1_30: sum(&|r| r.d1_30)?,
        d31_60: sum(&|r| r.d31_60)?,
        d61_90: sum(&|r| r.d61_90)?,
        over_90: sum(&|r| r.over_90)?,
        credit_limit: sum(&|r| r.credit_limit)?,
        available_credit: sum(&|r| r.available_credit)?,
        overdue: sum(&|r| r.overdue)?,
    };
    Ok(Receivables {
        as_of: as_of.to_string(),
        buckets: bucket_labels(edges),
        aging_edges: edges,
        distributors: out,
        totals,
    })
}

/// A distributor whose balance is over its credit limit (posting and
/// importing warn with it; they do not refuse: the clerk records what the
/// accounting system already booked).
#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct CreditWarning {
    #[ts(type = "number")]
    pub distributor_id: i64,
    pub code: String,
    pub name: String,
    /// With every entry, whatever its date.
    pub balance: Money,
    pub credit_limit: Money,
    pub over_by: Money,
}

/// Which of `ids` (empty: every distributor in `access`'s scope) owe more than
/// their credit limit.
pub async fn over_limit<C: ConnectionTrait>(
    db: &C,
    access: &Access,
    ids: &[i64],
) -> AppResult<Vec<CreditWarning>> {
    // Every entry, whatever its date (a date the database compares as text).
    let every = NaiveDate::from_ymd_opt(9999, 12, 31).unwrap_or_default();
    let r = load_for(db, access, every, (!ids.is_empty()).then_some(ids)).await?;
    Ok(r.distributors
        .into_iter()
        .filter(|d| d.over_limit)
        .map(|d| CreditWarning {
            distributor_id: d.distributor_id,
            code: d.code,
            name: d.name,
            over_by: Money::from_fen(d.closing_balance.fen().saturating_sub(d.credit_limit.fen())),
            balance: d.closing_balance,
            credit_limit: d.credit_limit,
        })
        .collect())
}

/// `as_of` from its text (empty: `today`), or an error naming the field.
pub fn parse_as_of(s: &str, today: NaiveDate) -> AppResult<NaiveDate> {
    if s.trim().is_empty() {
        return Ok(today);
    }
    crate::dates::parse_date(s.trim())
        .ok_or_else(|| AppError::field("as_of", ErrorCode::DateFormat))
}

/// Writes the list as XLSX (amounts as numbers); returns the number of rows.
pub fn write_xlsx(r: &Receivables, path: &str, lang: crate::lang::Lang) -> AppResult<usize> {
    let path = std::path::PathBuf::from(path.trim());
    if !path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("xlsx"))
    {
        return Err(AppError::field("path", ErrorCode::FileType));
    }
    let en = lang.is_en();
    let b = &r.buckets;
    let mut headers: Vec<String> = if en {
        vec![
            "Code".into(),
            "Distributor".into(),
            "Balance".into(),
            "Not due".into(),
        ]
    } else {
        vec![
            "经销商编号".into(),
            "经销商名称".into(),
            "余额".into(),
            "未到期".into(),
        ]
    };
    for label in &b[1..] {
        headers.push(if en {
            format!("{label} days")
        } else {
            format!("逾期 {label} 天")
        });
    }
    headers.extend(
        if en {
            [
                "Credit limit",
                "Available credit",
                "Over limit",
                "Oldest overdue (days)",
                "Last payment",
                "Statement",
            ]
        } else {
            [
                "信用额度",
                "可用额度",
                "超额度",
                "最长逾期天数",
                "最近回款",
                "对账确认",
            ]
        }
        .iter()
        .map(|s| s.to_string()),
    );
    let yes = if en { "yes" } else { "是" };
    let mut rows: Vec<Vec<String>> = r
        .distributors
        .iter()
        .map(|d| {
            vec![
                d.code.clone(),
                d.name.clone(),
                d.closing_balance.to_string(),
                d.not_due.to_string(),
                d.d1_30.to_string(),
                d.d31_60.to_string(),
                d.d61_90.to_string(),
                d.over_90.to_string(),
                d.credit_limit.to_string(),
                d.available_credit.to_string(),
                if d.over_limit {
                    yes.into()
                } else {
                    String::new()
                },
                d.oldest_overdue_days
                    .map(|n| n.to_string())
                    .unwrap_or_default(),
                d.last_payment_date.clone().unwrap_or_default(),
                super::receivables_pdf::confirmation_label(d.confirmation, en).into(),
            ]
        })
        .collect();
    let n = rows.len();
    let t = &r.totals;
    rows.push(vec![
        String::new(),
        if en { "Total" } else { "合计" }.into(),
        t.closing_balance.to_string(),
        t.not_due.to_string(),
        t.d1_30.to_string(),
        t.d31_60.to_string(),
        t.d61_90.to_string(),
        t.over_90.to_string(),
        t.credit_limit.to_string(),
        t.available_credit.to_string(),
        String::new(),
        String::new(),
        String::new(),
        String::new(),
    ]);
    let h: Vec<&str> = headers.iter().map(String::as_str).collect();
    crate::sheet::write_table(&path, &h, &rows, &(2..=9).collect::<Vec<_>>(), &[11])?;
    Ok(n)
}
