//! Ledger lines as the cross-distributor views read them (scorecards,
//! receivables): the seven columns their sums use, the texts left in the
//! database (decoding them was most of those views' time).
use chrono::NaiveDate;
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect};

use super::statement::Posting;
use super::{signed_fen, EntryKind};
use crate::entity::ledger_entry;
use crate::error::AppResult;

pub struct Line {
    pub id: i64,
    pub distributor_id: i64,
    pub entry_date: NaiveDate,
    pub due_date: NaiveDate,
    pub kind: EntryKind,
    pub amount_fen: i64,
    pub reverses_id: Option<i64>,
}

impl Line {
    /// The line as the statement's arithmetic takes it.
    pub fn posting(&self) -> Posting {
        Posting {
            id: self.id,
            date: self.entry_date,
            due: self.due_date,
            signed_fen: signed_fen(self.kind, self.amount_fen),
            reverses_id: self.reverses_id,
        }
    }
}

/// id, distributor, date, due date, kind, amount, the entry it reverses.
type Row = (i64, i64, NaiveDate, NaiveDate, String, i64, Option<i64>);

/// The lines dated on or before `to` of the distributors given (`None`:
/// every one), in ledger order: date, then the order entered.
pub async fn upto<C: ConnectionTrait>(
    db: &C,
    to: NaiveDate,
    ids: Option<&[i64]>,
) -> AppResult<Vec<Line>> {
    let find = || {
        ledger_entry::Entity::find()
            .select_only()
            .column(ledger_entry::Column::Id)
            .column(ledger_entry::Column::DistributorId)
            .column(ledger_entry::Column::EntryDate)
            .column(ledger_entry::Column::DueDate)
            .column(ledger_entry::Column::Kind)
            .column(ledger_entry::Column::AmountFen)
            .column(ledger_entry::Column::ReversesId)
            .filter(ledger_entry::Column::EntryDate.lte(to))
            .order_by_asc(ledger_entry::Column::EntryDate)
            .order_by_asc(ledger_entry::Column::Id)
    };
    let mut rows: Vec<Row> = vec![];
    match ids {
        None => rows = find().into_tuple().all(db).await?,
        Some(ids) => {
            let mut sorted = ids.to_vec();
            sorted.sort_unstable();
            sorted.dedup();
            for chunk in sorted.chunks(crate::db::IN_CHUNK) {
                rows.extend(
                    find()
                        .filter(ledger_entry::Column::DistributorId.is_in(chunk.iter().copied()))
                        .into_tuple::<Row>()
                        .all(db)
                        .await?,
                );
            }
            // Chunks each come in date order; merge them back into one.
            if sorted.len() > crate::db::IN_CHUNK {
                rows.sort_by_key(|r| (r.2, r.0));
            }
        }
    }
    rows.into_iter()
        .map(
            |(id, distributor_id, entry_date, due_date, kind, amount_fen, reverses_id)| {
                Ok(Line {
                    id,
                    distributor_id,
                    entry_date,
                    due_date,
                    kind: super::kind_of(id, &kind)?,
                    amount_fen,
                    reverses_id,
                })
            },
        )
        .collect()
}
