//! Document numbers of the form `<PREFIX>-<year>-NNNN` (TS- complaints, HT-
//! agreements, PX- certificates): the next one after the highest of that year.
//!
//! The number is taken inside the write that creates the document, after
//! locking the series' counter row (`doc_counter`): an upsert that bumps it,
//! so on a server a second PC creating a document of the same series waits
//! for the first to commit, then sees its number. The counter never runs
//! ahead of the documents (a rolled-back write rolls it back too), and rows
//! numbered before the counter existed are counted by reading the highest.
use sea_orm::sea_query::{Expr, OnConflict};
use sea_orm::ExprTrait;
use sea_orm::{ActiveValue, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder};

use crate::entity::doc_counter;
use crate::error::AppResult;

/// The next number of `year` in `column` of entity `E`; `number` reads it from
/// a row. `db` must be the write transaction that inserts the document.
pub(crate) async fn next_in_year<E, C>(
    db: &C,
    column: E::Column,
    kind: &str,
    year: i32,
    number: fn(&E::Model) -> &str,
) -> AppResult<String>
where
    E: EntityTrait,
    C: ConnectionTrait,
{
    // Lock the series' row first (insert it, or bump it: either takes the lock).
    let counted = doc_counter::Entity::insert(doc_counter::ActiveModel {
        series: ActiveValue::Set(kind.to_owned()),
        year: ActiveValue::Set(i64::from(year)),
        last: ActiveValue::Set(1),
    })
    .on_conflict(
        OnConflict::columns([doc_counter::Column::Series, doc_counter::Column::Year])
            .value(
                doc_counter::Column::Last,
                Expr::col((doc_counter::Entity, doc_counter::Column::Last)).add(1),
            )
            .to_owned(),
    )
    .exec_with_returning(db)
    .await?
    .last;
    let prefix = format!("{kind}-{year}-");
    let highest = E::find()
        .filter(column.starts_with(&prefix))
        .order_by_desc(column)
        .one(db)
        .await?
        .and_then(|m| number(&m)[prefix.len()..].parse::<i64>().ok())
        .unwrap_or(0);
    let next = std::cmp::Ord::max(counted, highest + 1);
    if next != counted {
        doc_counter::Entity::update_many()
            .col_expr(doc_counter::Column::Last, Expr::value(next))
            .filter(doc_counter::Column::Series.eq(kind))
            .filter(doc_counter::Column::Year.eq(i64::from(year)))
            .exec(db)
            .await?;
    }
    Ok(format!("{prefix}{next:04}"))
}
