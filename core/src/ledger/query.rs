//! Reading a distributor's ledger: one page of entries, filtered by period
//! and kind, with each entry's reversal.
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder};
use serde::Deserialize;
use ts_rs::TS;

use super::{to_dto, EntryKind, LedgerEntry};
use crate::dates::parse_date;
use crate::entity::ledger_entry;
use crate::error::{AppResult, ErrorCode, FieldErrors};
use crate::paging::{self, Page, Paging};

#[derive(Debug, Clone, Default, Deserialize, TS)]
#[serde(default)]
#[ts(export)]
pub struct LedgerQuery {
    #[ts(type = "number")]
    pub distributor_id: i64,
    /// Inclusive `YYYY-MM-DD` bounds; empty means open.
    pub from: String,
    pub to: String,
    pub kinds: Vec<EntryKind>,
    #[serde(flatten)]
    pub paging: Paging,
}

/// One page of a distributor's entries in date order, then the order they
/// were entered; filtered and paged in SQL.
/// A distributor outside `access`'s scope is not found.
pub async fn list<C: ConnectionTrait>(
    db: &C,
    access: &crate::actor::Access,
    q: &LedgerQuery,
) -> AppResult<Page<LedgerEntry>> {
    crate::scope::check(db, access, q.distributor_id).await?;
    let mut errs = FieldErrors::default();
    let from = (!q.from.trim().is_empty()).then(|| parse_date(&q.from));
    let to = (!q.to.trim().is_empty()).then(|| parse_date(&q.to));
    if from == Some(None) {
        errs.push("from", ErrorCode::DateFormat);
    }
    if to == Some(None) {
        errs.push("to", ErrorCode::DateFormat);
    }
    errs.into_result()?;
    let mut sel = ledger_entry::Entity::find()
        .filter(ledger_entry::Column::DistributorId.eq(q.distributor_id));
    if let Some(Some(f)) = from {
        sel = sel.filter(ledger_entry::Column::EntryDate.gte(f));
    }
    if let Some(Some(t)) = to {
        sel = sel.filter(ledger_entry::Column::EntryDate.lte(t));
    }
    if !q.kinds.is_empty() {
        sel = sel.filter(ledger_entry::Column::Kind.is_in(q.kinds.iter().map(|k| k.key())));
    }
    let in_order = |s: sea_orm::Select<ledger_entry::Entity>| {
        s.order_by_asc(ledger_entry::Column::EntryDate)
            .order_by_asc(ledger_entry::Column::Id)
    };
    let (rows, total) = paging::fetch(db, sel, in_order, q.paging).await?;
    // Which of the page's entries were reversed, and by which entry.
    let reversals: std::collections::HashMap<i64, i64> = crate::db::find_in(
        db,
        ledger_entry::Entity::find(),
        ledger_entry::Column::ReversesId,
        rows.iter().map(|r| r.id),
    )
    .await?
    .into_iter()
    .filter_map(|r| r.reverses_id.map(|o| (o, r.id)))
    .collect();
    Ok(Page {
        rows: rows
            .into_iter()
            .map(|m| {
                let by = reversals.get(&m.id).copied();
                to_dto(m, by)
            })
            .collect::<AppResult<_>>()?,
        total,
    })
}
