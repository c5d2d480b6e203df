//! A statement of account (对账单) for one distributor and an inclusive period:
//! opening balance, lines with running balance, totals, closing balance (also
//! in Chinese capitals), aging of the closing balance, credit limit.
//!
//! The arithmetic is pure (`compute`, `fifo`) so it can be property-tested;
//! `load` reads the ledger and the settings.
use crate::error::ErrorCode;
use crate::lang::Lang;
use chrono::NaiveDate;
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::{signed_fen, EntryKind};
use crate::dates::parse_date;
use crate::entity::{distributor, ledger_entry};
use crate::error::{AppError, AppResult, FieldErrors};
use crate::money::Money;
use crate::settings::{self, StatementSettings};
use crate::words::amount_in_words;

/// One posted entry as the arithmetic sees it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Posting {
    pub id: i64,
    pub date: NaiveDate,
    pub due: NaiveDate,
    /// + debit, − credit.
    pub signed_fen: i64,
    pub reverses_id: Option<i64>,
}

/// Aging buckets in fen: not due, then the three edges, then over the last edge.
pub type Buckets = [i64; 5];

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Computed {
    pub opening_fen: i64,
    /// Index into the postings, debit, credit, running balance.
    pub lines: Vec<(usize, i64, i64, i64)>,
    pub total_debit_fen: i64,
    pub total_credit_fen: i64,
    pub closing_fen: i64,
    pub aging: Buckets,
}

/// `postings` must be in ledger order: date, then the order entered. `None`
/// when a sum leaves what i64 fen can hold (about ±92 trillion yuan): the
/// arithmetic is checked, never wrapped.
pub fn compute(
    postings: &[Posting],
    from: NaiveDate,
    to: NaiveDate,
    edges: [u32; 3],
) -> Option<Computed> {
    let mut opening = 0i64;
    let mut lines = vec![];
    let (mut total_debit, mut total_credit) = (0i64, 0i64);
    for p in postings.iter().filter(|p| p.date < from) {
        opening = opening.checked_add(p.signed_fen)?;
    }
    let mut balance = opening;
    for (i, p) in postings.iter().enumerate() {
        if p.date < from || p.date > to {
            continue;
        }
        let debit = p.signed_fen.max(0);
        let credit = p.signed_fen.checked_neg()?.max(0);
        balance = balance.checked_add(p.signed_fen)?;
        total_debit = total_debit.checked_add(debit)?;
        total_credit = total_credit.checked_add(credit)?;
        lines.push((i, debit, credit, balance));
    }
    let closing = opening
        .checked_add(total_debit)?
        .checked_sub(total_credit)?;
    Some(Computed {
        opening_fen: opening,
        lines,
        total_debit_fen: total_debit,
        total_credit_fen: total_credit,
        closing_fen: closing,
        aging: age(postings, to, edges)?,
    })
}

/// Applies every credit dated ≤ `to` to the debits dated ≤ `to`, oldest due
/// date first (ties: date, then entry order). Returns what remains of each
/// debit (posting index, fen) and the credit left over (a prepayment).
/// An entry and its reversal, both dated ≤ `to`, cancel out and take no part.
/// `None` when the credits sum past what i64 fen can hold.
pub fn fifo(postings: &[Posting], to: NaiveDate) -> Option<(Vec<(usize, i64)>, i64)> {
    let upto: Vec<(usize, &Posting)> = postings
        .iter()
        .enumerate()
        .filter(|(_, p)| p.date <= to)
        .collect();
    let reversed: std::collections::HashSet<i64> =
        upto.iter().filter_map(|(_, p)| p.reverses_id).collect();
    let live = |p: &Posting| !reversed.contains(&p.id) && p.reverses_id.is_none();
    let mut debits: Vec<(usize, &Posting)> = upto
        .iter()
        .copied()
        .filter(|(_, p)| live(p) && p.signed_fen > 0)
        .collect();
    debits.sort_by_key(|(i, p)| (p.due, p.date, p.id, *i));
    let mut credit = upto
        .iter()
        .filter(|(_, p)| live(p) && p.signed_fen < 0)
        .try_fold(0i64, |sum, (_, p)| {
            sum.checked_add(p.signed_fen.checked_neg()?)
        })?;
    let mut remaining = Vec::with_capacity(debits.len());
    for (i, p) in debits {
        let applied = credit.min(p.signed_fen);
        credit -= applied;
        remaining.push((i, p.signed_fen - applied));
    }
    Some((remaining, credit))
}

/// `None` when a bucket sums past what i64 fen can hold.
pub fn age(postings: &[Posting], to: NaiveDate, edges: [u32; 3]) -> Option<Buckets> {
    let (remaining, _) = fifo(postings, to)?;
    let mut b = [0i64; 5];
    for (i, left) in remaining {
        if left == 0 {
            continue;
        }
        let days = (to - postings[i].due).num_days();
        let slot = if days <= 0 {
            0
        } else if days <= i64::from(edges[0]) {
            1
        } else if days <= i64::from(edges[1]) {
            2
        } else if days <= i64::from(edges[2]) {
            3
        } else {
            4
        };
        b[slot] = b[slot].checked_add(left)?;
    }
    Some(b)
}

#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct StatementParty {
    #[ts(type = "number")]
    pub id: i64,
    pub code: String,
    pub name: String,
    pub contact_name: String,
    pub contact_phone: String,
    pub address: String,
    pub payment_terms_days: i32,
}

#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct StatementLine {
    #[ts(type = "number")]
    pub entry_id: i64,
    pub date: String,
    pub doc_no: String,
    pub kind: EntryKind,
    pub description: String,
    pub fapiao_no: String,
    pub due_date: String,
    pub debit: Money,
    pub credit: Money,
    pub balance: Money,
}

#[derive(Debug, Clone, Copy, Serialize, TS)]
#[ts(export)]
pub struct Aging {
    pub not_due: Money,
    pub d1_30: Money,
    pub d31_60: Money,
    pub d61_90: Money,
    pub over_90: Money,
}

#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct Statement {
    pub distributor: StatementParty,
    pub from: String,
    pub to: String,
    pub currency: String,
    pub opening_balance: Money,
    pub lines: Vec<StatementLine>,
    pub total_debit: Money,
    pub total_credit: Money,
    pub closing_balance: Money,
    pub closing_balance_in_words: String,
    /// Buckets of the closing balance as of `to`. The keys keep their default
    /// names; `aging_edges` tells the edges actually used.
    pub aging: Aging,
    pub aging_edges: [u32; 3],
    pub credit_limit: Money,
    /// Credit limit minus the closing balance (negative: over the limit).
    pub available_credit: Money,
}

#[derive(Debug, Clone, Deserialize, TS)]
#[ts(export)]
pub struct StatementRequest {
    #[ts(type = "number")]
    pub distributor_id: i64,
    pub from: String,
    pub to: String,
}

pub fn parse_period(from: &str, to: &str) -> AppResult<(NaiveDate, NaiveDate)> {
    let mut errs = FieldErrors::default();
    let f = parse_date(from);
    let t = parse_date(to);
    if f.is_none() {
        errs.push("from", ErrorCode::DateFormat);
    }
    if t.is_none() {
        errs.push("to", ErrorCode::DateFormat);
    }
    if let (Some(f), Some(t)) = (f, t) {
        if f > t {
            errs.push("to", ErrorCode::PeriodOrder);
        }
    }
    errs.into_result()?;
    Ok((f.unwrap_or_default(), t.unwrap_or_default()))
}

pub async fn load<C: ConnectionTrait>(db: &C, req: &StatementRequest) -> AppResult<Statement> {
    let (from, to) = parse_period(&req.from, &req.to)?;
    let settings = settings::load_statement_settings(db).await?;
    let dist = distributor::Entity::find_by_id(req.distributor_id)
        .one(db)
        .await?
        .ok_or_else(|| AppError::not_found("distributor", req.distributor_id))?;
    build(db, dist, from, to, &settings).await
}

/// Province, city and county before the street address, each said once.
fn full_address(d: &distributor::Model) -> String {
    let mut out = String::new();
    for part in [&d.province, &d.city, &d.county] {
        if !part.is_empty()
            && !out.ends_with(part.as_str())
            && !d.address.starts_with(part.as_str())
        {
            out.push_str(part);
        }
    }
    out.push_str(&d.address);
    out
}

pub(crate) async fn build<C: ConnectionTrait>(
    db: &C,
    dist: distributor::Model,
    from: NaiveDate,
    to: NaiveDate,
    settings: &StatementSettings,
) -> AppResult<Statement> {
    let rows = ledger_entry::Entity::find()
        .filter(ledger_entry::Column::DistributorId.eq(dist.id))
        .filter(ledger_entry::Column::EntryDate.lte(to))
        .order_by_asc(ledger_entry::Column::EntryDate)
        .order_by_asc(ledger_entry::Column::Id)
        .all(db)
        .await?;
    let kinds: Vec<EntryKind> = rows
        .iter()
        .map(|r| super::kind_of(r.id, &r.kind))
        .collect::<AppResult<_>>()?;
    let postings: Vec<Posting> = rows
        .iter()
        .zip(&kinds)
        .map(|(r, k)| Posting {
            id: r.id,
            date: r.entry_date,
            due: r.due_date,
            signed_fen: signed_fen(*k, r.amount_fen),
            reverses_id: r.reverses_id,
        })
        .collect();
    // Beyond i64 fen: refused with a clear error, never wrapped or panicked.
    let too_large = || AppError::field("total", ErrorCode::TotalOutOfRange);
    let c = compute(&postings, from, to, settings.aging_edges).ok_or_else(too_large)?;
    let available = dist
        .credit_limit_fen
        .checked_sub(c.closing_fen)
        .ok_or_else(too_large)?;
    let m = Money::from_fen;
    let lines = c
        .lines
        .iter()
        .map(|&(i, debit, credit, balance)| {
            let r = &rows[i];
            StatementLine {
                entry_id: r.id,
                date: r.entry_date.to_string(),
                doc_no: r.doc_no.clone(),
                kind: kinds[i],
                description: r.description.clone(),
                fapiao_no: r.fapiao_no.clone(),
                due_date: r.due_date.to_string(),
                debit: m(debit),
                credit: m(credit),
                balance: m(balance),
            }
        })
        .collect();
    let address = full_address(&dist);
    Ok(Statement {
        distributor: StatementParty {
            id: dist.id,
            code: dist.code,
            name: dist.name,
            contact_name: dist.contact_name,
            contact_phone: dist.contact_phone,
            address,
            payment_terms_days: dist.payment_terms_days,
        },
        from: from.to_string(),
        to: to.to_string(),
        currency: "CNY".into(),
        opening_balance: m(c.opening_fen),
        lines,
        total_debit: m(c.total_debit_fen),
        total_credit: m(c.total_credit_fen),
        closing_balance: m(c.closing_fen),
        closing_balance_in_words: amount_in_words(c.closing_fen),
        aging: Aging {
            not_due: m(c.aging[0]),
            d1_30: m(c.aging[1]),
            d31_60: m(c.aging[2]),
            d61_90: m(c.aging[3]),
            over_90: m(c.aging[4]),
        },
        aging_edges: settings.aging_edges,
        credit_limit: m(dist.credit_limit_fen),
        available_credit: m(available),
    })
}

#[cfg(test)]
// Amounts in these tests are written yuan_fen: 100_00 is 100.00 yuan.
#[allow(clippy::inconsistent_digit_grouping)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn d(day: i64) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 1, 1).unwrap() + chrono::Days::new(day as u64)
    }

    fn p(id: i64, day: i64, due: i64, fen: i64) -> Posting {
        Posting {
            id,
            date: d(day),
            due: d(due),
            signed_fen: fen,
            reverses_id: None,
        }
    }

    #[test]
    fn aging_applies_credits_to_the_oldest_due_first() {
        let ps = vec![
            p(1, 0, 30, 100_00), // due day 30
            p(2, 10, 20, 50_00), // due earlier (explicit due date)
            p(3, 40, 70, 80_00),
            p(4, 50, 50, -60_00), // payment
        ];
        let to = d(100);
        // Credit 60 pays #2 (50) then 10 of #1.
        let (rem, left) = fifo(&ps, to).unwrap();
        assert_eq!(left, 0);
        assert_eq!(rem, vec![(1, 0), (0, 90_00), (2, 80_00)]);
        let b = age(&ps, to, [30, 60, 90]).unwrap();
        // #1: 70 days past due → 61–90; #3: 30 days → 1–30.
        assert_eq!(b, [0, 80_00, 0, 90_00, 0]);
        let c = compute(&ps, d(20), to, [30, 60, 90]).unwrap();
        assert_eq!(c.opening_fen, 150_00);
        assert_eq!(c.lines.len(), 2);
        assert_eq!(c.closing_fen, 170_00);
        assert_eq!(c.lines.last().unwrap().3, 170_00);
    }

    #[test]
    fn prepaid_balance_has_empty_buckets_and_due_today_is_not_due() {
        let ps = vec![p(1, 0, 0, 100_00), p(2, 1, 1, -150_00)];
        let c = compute(&ps, d(0), d(5), [30, 60, 90]).unwrap();
        assert_eq!(c.closing_fen, -50_00);
        assert_eq!(c.aging, [0; 5]);
        let ps = vec![p(1, 0, 10, 100_00)];
        assert_eq!(age(&ps, d(10), [30, 60, 90]).unwrap(), [100_00, 0, 0, 0, 0]);
        assert_eq!(age(&ps, d(11), [30, 60, 90]).unwrap(), [0, 100_00, 0, 0, 0]);
        assert_eq!(
            age(&ps, d(101), [30, 60, 90]).unwrap(),
            [0, 0, 0, 0, 100_00]
        );
    }

    #[test]
    fn a_reversed_entry_and_its_reversal_drop_out_of_aging() {
        let mut rev = p(3, 5, 5, -70_00);
        rev.reverses_id = Some(2);
        let ps = vec![p(1, 0, 0, 100_00), p(2, 1, 1, 70_00), rev];
        // Without the pairing the reversal would pay #1 and leave #2 open.
        let (rem, left) = fifo(&ps, d(50)).unwrap();
        assert_eq!((rem, left), (vec![(0, 100_00)], 0));
        // Before the reversal's date the original is still open.
        let (rem, _) = fifo(&ps, d(3)).unwrap();
        assert_eq!(rem, vec![(0, 100_00), (1, 70_00)]);
    }

    fn arb_postings() -> impl Strategy<Value = Vec<Posting>> {
        prop::collection::vec((0i64..200, 0i64..60, -500_000i64..1_000_000), 0..40).prop_map(|v| {
            let mut ps: Vec<Posting> = v
                .into_iter()
                .enumerate()
                .filter(|(_, (_, _, f))| *f != 0)
                .map(|(i, (day, terms, fen))| p(i as i64 + 1, day, day + terms, fen))
                .collect();
            ps.sort_by_key(|p| (p.date, p.id));
            ps
        })
    }

    #[test]
    fn sums_past_i64_are_refused_not_wrapped() {
        // 92,300 entries at the largest amount one entry may carry (1e14 fen)
        // sum past i64::MAX: a debug build panicked, a release build wrapped.
        let ps: Vec<Posting> = (0..92_300)
            .map(|i| p(i, 1, 1, 100_000_000_000_000))
            .collect();
        assert_eq!(compute(&ps, d(0), d(5), [30, 60, 90]), None);
        assert_eq!(
            compute(&ps, d(3), d(5), [30, 60, 90]),
            None,
            "in the opening balance too"
        );
        let credits: Vec<Posting> = (0..92_300)
            .map(|i| p(i, 1, 1, -100_000_000_000_000))
            .collect();
        assert_eq!(fifo(&credits, d(5)), None);
        // Just below the edge everything adds up.
        let ps: Vec<Posting> = (0..92_000)
            .map(|i| p(i, 1, 1, 100_000_000_000_000))
            .collect();
        let c = compute(&ps, d(0), d(5), [30, 60, 90]).unwrap();
        assert_eq!(c.closing_fen, 9_200_000_000_000_000_000);
    }

    proptest! {
        #[test]
        fn statement_identities(ps in arb_postings(), from in 0i64..150, len in 0i64..120) {
            let (from, to) = (d(from), d(from + len));
            let c = compute(&ps, from, to, [30, 60, 90]).unwrap();
            prop_assert_eq!(c.closing_fen, c.opening_fen + c.total_debit_fen - c.total_credit_fen);
            let expected: i64 = ps.iter().filter(|p| p.date <= to).map(|p| p.signed_fen).sum();
            prop_assert_eq!(c.closing_fen, expected);
            prop_assert_eq!(c.aging.iter().sum::<i64>(), c.closing_fen.max(0));
            prop_assert!(c.aging.iter().all(|b| *b >= 0));
            if let Some(last) = c.lines.last() {
                prop_assert_eq!(last.3, c.closing_fen);
            }
        }

        #[test]
        fn fifo_never_leaves_credit_while_a_debit_is_open(ps in arb_postings(), to in 0i64..250) {
            let (remaining, left) = fifo(&ps, d(to)).unwrap();
            if left > 0 {
                prop_assert!(remaining.iter().all(|(_, r)| *r == 0));
            }
            // Remaining amounts are fully paid up to the first open debit.
            let first_open = remaining.iter().position(|(_, r)| *r > 0);
            if let Some(k) = first_open {
                for (i, r) in &remaining[k + 1..] {
                    prop_assert_eq!(*r, ps[*i].signed_fen);
                }
            }
        }

        #[test]
        fn edges_only_move_money_between_buckets(ps in arb_postings(), a in 1u32..40, b in 41u32..80, c in 81u32..200) {
            let to = d(200);
            let x = age(&ps, to, [30, 60, 90]).unwrap();
            let y = age(&ps, to, [a, b, c]).unwrap();
            prop_assert_eq!(x.iter().sum::<i64>(), y.iter().sum::<i64>());
            prop_assert_eq!(x[0], y[0]);
        }
    }
}

#[derive(Debug, Clone, Deserialize, TS)]
#[ts(export)]
pub struct StatementPdfRequest {
    #[ts(type = "number")]
    pub distributor_id: i64,
    pub from: String,
    pub to: String,
    /// `zh-CN` or `en`.
    pub lang: Lang,
    /// Where to write; empty: `<default_dir>/<code>-<from>-<to>-<lang>.pdf`.
    pub path: String,
}

/// A statement written to a file.
#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct SavedStatement {
    pub path: String,
    /// Characters the font lacks, printed as `□` (stored before such
    /// characters were refused at entry); empty when none.
    pub substituted: String,
}

/// A statement of a batch or a sending printed with substitutes.
#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct Substituted {
    pub code: String,
    pub name: String,
    pub chars: String,
}

/// Renders the statement (off the async executor) and writes it atomically.
/// With `issue`, the statement is recorded as issued by that actor (a run
/// awaiting the distributor's confirmation); a preview passes `None`.
pub async fn save_pdf<C: ConnectionTrait + sea_orm::TransactionTrait>(
    db: &C,
    req: &StatementPdfRequest,
    default_dir: &std::path::Path,
    today: NaiveDate,
    issue: Option<(&crate::actor::Actor, super::runs::IssuedVia)>,
) -> AppResult<SavedStatement> {
    let s = load(
        db,
        &StatementRequest {
            distributor_id: req.distributor_id,
            from: req.from.clone(),
            to: req.to.clone(),
        },
    )
    .await?;
    let company = settings::load_company(db).await?;
    let lang = req.lang;
    let path = if req.path.trim().is_empty() {
        std::fs::create_dir_all(default_dir)
            .map_err(|e| AppError::io(format!("{}: {e}", default_dir.display())))?;
        default_dir.join(format!(
            "{}-{}-{}-{lang}.pdf",
            s.distributor.code, s.from, s.to
        ))
    } else {
        std::path::PathBuf::from(req.path.trim())
    };
    let printed = today.to_string();
    let (distributor_id, closing_fen) = (s.distributor.id, s.closing_balance.fen());
    let (from, to) = parse_period(&s.from, &s.to)?;
    let printed = tokio::task::spawn_blocking(move || {
        crate::ledger::statement_layout::render(&s, &company, lang, &printed)
    })
    .await
    .map_err(AppError::io)??;
    crate::pdf::write_atomically(&path, &printed.bytes)?;
    let written = path.display().to_string();
    if let Some((actor, via)) = issue {
        super::runs::record(
            db,
            actor,
            &[super::runs::NewRun {
                distributor_id,
                from,
                to,
                closing_fen,
                lang,
                file: &written,
                via,
            }],
        )
        .await?;
    }
    Ok(SavedStatement {
        path: written,
        substituted: printed.substituted,
    })
}
