//! The ledger (往来账): invoices, payments, credit notes, rebates and
//! adjustments per distributor, and the statements of account printed from it.
//! Posted entries are never edited or deleted; a mistake is reversed.
pub mod batch;
pub mod collections;
pub mod import;
pub mod lines;
mod query;
pub mod receivables;
pub mod receivables_pdf;
pub mod runs;
pub mod send;
pub mod statement;
pub mod statement_layout;
mod validate;

pub use query::{list, LedgerQuery};
pub(crate) use validate::{effective_due, validate_entry, ValidEntry};

use crate::actor::Actor;
use crate::actor::Right;
use crate::error::ErrorCode;
use crate::lang::Lang;
use chrono::NaiveDate;
use sea_orm::{
    ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, Set, TransactionSession,
    TransactionTrait,
};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::audit;
use crate::dates::parse_date;
use crate::entity::{distributor, ledger_entry};
use crate::error::{AppError, AppResult, FieldErrors};
use crate::money::Money;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum EntryKind {
    Opening,
    Invoice,
    Payment,
    CreditNote,
    Rebate,
    Adjustment,
}

impl EntryKind {
    pub const ALL: &'static [EntryKind] = &[
        EntryKind::Opening,
        EntryKind::Invoice,
        EntryKind::Payment,
        EntryKind::CreditNote,
        EntryKind::Rebate,
        EntryKind::Adjustment,
    ];

    pub fn key(self) -> &'static str {
        match self {
            EntryKind::Opening => "opening",
            EntryKind::Invoice => "invoice",
            EntryKind::Payment => "payment",
            EntryKind::CreditNote => "credit_note",
            EntryKind::Rebate => "rebate",
            EntryKind::Adjustment => "adjustment",
        }
    }

    pub fn label_zh(self) -> &'static str {
        match self {
            EntryKind::Opening => "期初余额",
            EntryKind::Invoice => "销售发票",
            EntryKind::Payment => "回款",
            EntryKind::CreditNote => "退货折让",
            EntryKind::Rebate => "返利",
            EntryKind::Adjustment => "调整",
        }
    }

    pub fn label_en(self) -> &'static str {
        match self {
            EntryKind::Opening => "Opening balance",
            EntryKind::Invoice => "Invoice",
            EntryKind::Payment => "Payment",
            EntryKind::CreditNote => "Credit note",
            EntryKind::Rebate => "Rebate",
            EntryKind::Adjustment => "Adjustment",
        }
    }

    pub fn label(self, lang: Lang) -> &'static str {
        if lang.is_en() {
            self.label_en()
        } else {
            self.label_zh()
        }
    }

    /// Accepts the key, the English label or the Chinese label.
    pub fn parse(s: &str) -> Option<EntryKind> {
        let s = s.trim();
        Self::ALL.iter().copied().find(|k| {
            k.key().eq_ignore_ascii_case(s)
                || k.label_en().eq_ignore_ascii_case(s)
                || k.label_zh() == s
        })
    }

    /// +1 for debits (the distributor owes more), −1 for credits; adjustments carry their own sign.
    pub fn sign(self) -> i64 {
        match self {
            EntryKind::Opening | EntryKind::Invoice | EntryKind::Adjustment => 1,
            EntryKind::Payment | EntryKind::CreditNote | EntryKind::Rebate => -1,
        }
    }
}

/// A new entry as typed in the form or read from a sheet. Dates are `YYYY-MM-DD`.
#[derive(Debug, Clone, Default, Deserialize, TS)]
#[ts(export)]
pub struct EntryInput {
    #[ts(type = "number")]
    pub distributor_id: i64,
    pub date: String,
    pub doc_no: String,
    pub kind: Option<EntryKind>,
    /// Decimal string, at most 2 decimals; negative only for adjustments.
    pub amount: String,
    pub description: String,
    pub fapiao_no: String,
    /// Empty: the date plus the distributor's payment terms (opening: the date).
    pub due_date: String,
}

#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct LedgerEntry {
    #[ts(type = "number")]
    pub id: i64,
    #[ts(type = "number")]
    pub distributor_id: i64,
    pub date: String,
    pub doc_no: String,
    pub kind: EntryKind,
    /// As posted: positive, or signed for adjustments.
    pub amount: Money,
    pub debit: Money,
    pub credit: Money,
    pub description: String,
    pub fapiao_no: String,
    pub due_date: String,
    #[ts(type = "number | null")]
    pub reverses_id: Option<i64>,
    #[ts(type = "number | null")]
    pub reversed_by_id: Option<i64>,
    pub created_at: String,
    pub created_by: String,
}

/// The signed effect on the balance: + debit, − credit.
pub(crate) fn signed_fen(kind: EntryKind, amount_fen: i64) -> i64 {
    kind.sign() * amount_fen
}

/// The stored kind of an entry; a value no version wrote is `damaged` (a
/// guessed kind would change the balance's sign).
pub(crate) fn kind_of(id: i64, kind: &str) -> AppResult<EntryKind> {
    crate::stored::Record::new("ledger_entry", id).key("kind", kind, EntryKind::parse)
}

fn to_dto(m: ledger_entry::Model, reversed_by_id: Option<i64>) -> AppResult<LedgerEntry> {
    let kind = kind_of(m.id, &m.kind)?;
    let signed = signed_fen(kind, m.amount_fen);
    Ok(LedgerEntry {
        id: m.id,
        distributor_id: m.distributor_id,
        date: m.entry_date.to_string(),
        doc_no: m.doc_no,
        kind,
        amount: Money::from_fen(m.amount_fen),
        debit: Money::from_fen(signed.max(0)),
        credit: Money::from_fen((-signed).max(0)),
        description: m.description,
        fapiao_no: m.fapiao_no,
        due_date: m.due_date.to_string(),
        reverses_id: m.reverses_id,
        reversed_by_id,
        created_at: m.created_at.to_rfc3339(),
        created_by: m.created_by,
    })
}

/// The sum of every amount in the ledger (fen, whatever the sign): while it
/// fits in i64, so does every total read from the ledger — a statement's
/// balance and aging, the receivables, a rebate run's sales, the scorecards,
/// the dashboard. A posting or an import that would pass it is refused
/// before anything is written.
pub(crate) async fn ledger_volume<C: ConnectionTrait>(db: &C) -> AppResult<i64> {
    let row = db
        .query_one_raw(sea_orm::Statement::from_string(
            db.get_database_backend(),
            "SELECT CAST(COALESCE(SUM(ABS(amount_fen)), 0) AS BIGINT) FROM ledger_entry",
        ))
        .await
        .map_err(|_| AppError::field("amount", ErrorCode::TotalOutOfRange))?;
    Ok(row
        .and_then(|r| r.try_get_by_index::<i64>(0).ok())
        .unwrap_or(0))
}

/// Every distributor's balance on `as_of` (entries dated on or before it),
/// by id: debits less credits, summed in the database per kind. A
/// distributor without entries has none here.
pub async fn balances<C: ConnectionTrait>(
    db: &C,
    as_of: NaiveDate,
) -> AppResult<std::collections::BTreeMap<i64, Money>> {
    use sea_orm::{ExprTrait, QuerySelect};
    let rows: Vec<(i64, String, i64)> = ledger_entry::Entity::find()
        .select_only()
        .column(ledger_entry::Column::DistributorId)
        .column(ledger_entry::Column::Kind)
        .column_as(
            sea_orm::sea_query::Expr::col(ledger_entry::Column::AmountFen)
                .sum()
                .cast_as("BIGINT"),
            "total",
        )
        .filter(ledger_entry::Column::EntryDate.lte(as_of))
        .group_by(ledger_entry::Column::DistributorId)
        .group_by(ledger_entry::Column::Kind)
        .into_tuple()
        .all(db)
        .await?;
    let mut fen: std::collections::BTreeMap<i64, i64> = Default::default();
    for (id, kind, sum) in rows {
        let signed = signed_fen(kind_of(id, &kind)?, sum);
        let total = fen.entry(id).or_insert(0);
        *total = total
            .checked_add(signed)
            .ok_or_else(|| AppError::field("amount", ErrorCode::TotalOutOfRange))?;
    }
    Ok(fen
        .into_iter()
        .map(|(id, f)| (id, Money::from_fen(f)))
        .collect())
}

/// `ledger_volume` after adding `amounts`, or `None` past i64.
pub(crate) fn volume_after(volume: i64, amounts: impl IntoIterator<Item = i64>) -> Option<i64> {
    amounts
        .into_iter()
        .try_fold(volume, |sum, a| sum.checked_add(a.checked_abs()?))
}

pub(crate) async fn insert_entry<C: ConnectionTrait>(
    db: &C,
    distributor_id: i64,
    v: &ValidEntry,
    due: NaiveDate,
    reverses_id: Option<i64>,
    actor: &Actor,
) -> AppResult<ledger_entry::Model> {
    let model = entry_model(distributor_id, v, due, reverses_id, actor);
    Ok(ledger_entry::Entity::insert(model)
        .exec_with_returning(db)
        .await?)
}

/// The row of a new entry.
pub(crate) fn entry_model(
    distributor_id: i64,
    v: &ValidEntry,
    due: NaiveDate,
    reverses_id: Option<i64>,
    actor: &Actor,
) -> ledger_entry::ActiveModel {
    ledger_entry::ActiveModel {
        distributor_id: Set(distributor_id),
        entry_date: Set(v.date),
        doc_no: Set(v.doc_no.clone()),
        kind: Set(v.kind.key().to_owned()),
        amount_fen: Set(v.amount_fen),
        description: Set(v.description.clone()),
        fapiao_no: Set(v.fapiao_no.clone()),
        due_date: Set(due),
        reverses_id: Set(reverses_id),
        created_at: Set(actor.now()),
        created_by: Set(actor.operator().to_owned()),
        ..Default::default()
    }
}

async fn find_doc<C: ConnectionTrait>(
    db: &C,
    distributor_id: i64,
    kind: EntryKind,
    doc_no: &str,
) -> AppResult<Option<ledger_entry::Model>> {
    Ok(ledger_entry::Entity::find()
        .filter(ledger_entry::Column::DistributorId.eq(distributor_id))
        .filter(ledger_entry::Column::Kind.eq(kind.key()))
        .filter(ledger_entry::Column::DocNo.eq(doc_no))
        .one(db)
        .await?)
}

/// The entry a distributor's document number names (its natural key), as
/// the CLI's `ledger reverse` finds it.
pub async fn find_by_doc<C: ConnectionTrait>(
    db: &C,
    distributor_id: i64,
    kind: EntryKind,
    doc_no: &str,
) -> AppResult<Option<LedgerEntry>> {
    find_doc(db, distributor_id, kind, doc_no.trim())
        .await?
        .map(|m| to_dto(m, None))
        .transpose()
}

fn audit_change(field: &str, after: String) -> audit::FieldChange {
    audit::FieldChange {
        field: field.into(),
        before: None,
        after: Some(after),
    }
}

/// Posts one entry. A second entry with the same (distributor, kind, doc_no) is a conflict.
pub async fn post<C: ConnectionTrait + TransactionTrait>(
    db: &C,
    actor: &Actor,
    input: &EntryInput,
) -> AppResult<LedgerEntry> {
    actor.require(Right::Finance)?;
    // A distributor outside the writer's scope is not theirs to change (nor to see).
    crate::scope::check(db, actor.access(), input.distributor_id).await?;
    let v = validate_entry(
        &input.date,
        &input.doc_no,
        input.kind,
        &input.amount,
        &input.description,
        &input.fapiao_no,
        &input.due_date,
    )
    .map_err(|fields| AppError::Validation { fields })?;
    let txn = crate::db::write(db).await?;
    let dist = distributor::Entity::find_by_id(input.distributor_id)
        .one(&txn)
        .await?
        .ok_or_else(|| AppError::not_found("distributor", input.distributor_id))?;
    if find_doc(&txn, dist.id, v.kind, &v.doc_no).await?.is_some() {
        return Err(AppError::Conflict {
            field: "doc_no".into(),
            value: v.doc_no.clone(),
        });
    }
    if volume_after(ledger_volume(&txn).await?, [v.amount_fen]).is_none() {
        return Err(AppError::field("amount", ErrorCode::TotalOutOfRange));
    }
    let due = effective_due(&v, dist.payment_terms_days);
    let m = insert_entry(&txn, dist.id, &v, due, None, actor).await?;
    audit::record(
        &txn,
        actor,
        "ledger_entry",
        m.id,
        "post",
        &[audit_change(
            "entry",
            format!(
                "{} {} {} {}",
                dist.code,
                v.kind.key(),
                v.doc_no,
                Money::from_fen(v.amount_fen)
            ),
        )],
    )
    .await?;
    txn.commit().await?;
    to_dto(m, None)
}

#[derive(Debug, Clone, Deserialize, TS)]
#[ts(export)]
pub struct ReverseRequest {
    #[ts(type = "number")]
    pub entry_id: i64,
    /// `YYYY-MM-DD`, not before the entry's own date.
    pub date: String,
    pub reason: String,
}

/// Posts the reversing adjustment of an entry (same amount, opposite sign) and links it.
pub async fn reverse<C: ConnectionTrait + TransactionTrait>(
    db: &C,
    actor: &Actor,
    req: &ReverseRequest,
) -> AppResult<LedgerEntry> {
    actor.require(Right::Finance)?;
    let mut errs = FieldErrors::default();
    let date = parse_date(&req.date);
    if date.is_none() {
        errs.push("date", ErrorCode::DateFormat);
    }
    if req.reason.trim().is_empty() {
        errs.push("reason", ErrorCode::Required);
    }
    errs.into_result()?;
    let date = date.unwrap_or_default();
    let txn = crate::db::write(db).await?;
    let original = ledger_entry::Entity::find_by_id(req.entry_id)
        .one(&txn)
        .await?
        .ok_or_else(|| AppError::not_found("ledger_entry", req.entry_id))?;
    if original.reverses_id.is_some() {
        return Err(AppError::field("entry_id", ErrorCode::ReversalOfReversal));
    }
    let already = ledger_entry::Entity::find()
        .filter(ledger_entry::Column::ReversesId.eq(original.id))
        .one(&txn)
        .await?;
    if already.is_some() {
        return Err(AppError::field("entry_id", ErrorCode::AlreadyReversed));
    }
    if date < original.entry_date {
        return Err(AppError::Validation {
            fields: vec![crate::error::FieldError::with_detail(
                "date",
                ErrorCode::ReverseBeforeEntry,
                original.entry_date.to_string(),
            )],
        });
    }
    let kind = kind_of(original.id, &original.kind)?;
    let v = ValidEntry {
        date,
        doc_no: format!("{}-{}", kind_prefix(kind), original.doc_no),
        kind: EntryKind::Adjustment,
        amount_fen: -signed_fen(kind, original.amount_fen),
        description: format!(
            "冲销 {} {}：{}",
            kind.label_zh(),
            original.doc_no,
            req.reason.trim()
        ),
        fapiao_no: original.fapiao_no.clone(),
        due_date: None,
    };
    if find_doc(&txn, original.distributor_id, v.kind, &v.doc_no)
        .await?
        .is_some()
    {
        return Err(AppError::Conflict {
            field: "doc_no".into(),
            value: v.doc_no,
        });
    }
    let m = insert_entry(
        &txn,
        original.distributor_id,
        &v,
        date,
        Some(original.id),
        actor,
    )
    .await?;
    audit::record(
        &txn,
        actor,
        "ledger_entry",
        original.id,
        "reverse",
        &[audit_change(
            "reversed_by",
            format!("{} ({})", m.doc_no, req.reason.trim()),
        )],
    )
    .await?;
    txn.commit().await?;
    to_dto(m, None)
}

/// Reversal document numbers: `R-` plus the kind's initial, so reversing an
/// invoice and a payment with the same number never collide.
fn kind_prefix(kind: EntryKind) -> &'static str {
    match kind {
        EntryKind::Opening => "R-OB",
        EntryKind::Invoice => "R-INV",
        EntryKind::Payment => "R-PAY",
        EntryKind::CreditNote => "R-CN",
        EntryKind::Rebate => "R-REB",
        EntryKind::Adjustment => "R-ADJ",
    }
}
