//! Document numbers of the form `<PREFIX>-<year>-NNNN` (TS- complaints, HT-
//! agreements, PX- certificates): the next one after the highest of that year.
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder};

use crate::error::AppResult;

/// The next number of `year` in `column` of entity `E`; `number` reads it from a row.
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
    let prefix = format!("{kind}-{year}-");
    let last = E::find()
        .filter(column.starts_with(&prefix))
        .order_by_desc(column)
        .one(db)
        .await?;
    let n = last
        .and_then(|m| number(&m)[prefix.len()..].parse::<u32>().ok())
        .unwrap_or(0);
    Ok(format!("{prefix}{:04}", n + 1))
}
