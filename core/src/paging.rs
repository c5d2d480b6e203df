//! Lists read a page at a time: the window asked for (`Paging`), the page
//! given back with the number of matching rows (`Page`), and the text match
//! the lists search with. Filtering, sorting and paging happen in SQL; only
//! what the page shows is read.
use sea_orm::sea_query::{Expr, ExprTrait, Func, LikeExpr};
use sea_orm::{
    ColumnTrait, ConnectionTrait, DbBackend, EntityTrait, PaginatorTrait, QuerySelect, Select,
};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::AppResult;

/// Which rows of a list to read: `limit` rows from `offset`; a limit of 0
/// means every row from `offset` (exports, the CLI).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(default)]
#[ts(export)]
pub struct Paging {
    #[ts(type = "number")]
    pub offset: u64,
    /// 0 means every row.
    #[ts(type = "number")]
    pub limit: u64,
}

impl Paging {
    /// Every row.
    pub const ALL: Paging = Paging {
        offset: 0,
        limit: 0,
    };

    pub fn first(limit: u64) -> Paging {
        Paging { offset: 0, limit }
    }

    /// The window applied to a query. SQLite accepts OFFSET only after a LIMIT.
    pub fn apply<S: QuerySelect>(self, sel: S) -> S {
        match (self.limit, self.offset) {
            (0, 0) => sel,
            (0, off) => sel.offset(off).limit(i64::MAX as u64),
            (lim, off) => sel.offset(off).limit(lim),
        }
    }

    /// The window applied to rows already in memory.
    pub fn slice<T>(self, rows: Vec<T>) -> Vec<T> {
        let skip = usize::try_from(self.offset).unwrap_or(usize::MAX);
        let take = match self.limit {
            0 => usize::MAX,
            n => usize::try_from(n).unwrap_or(usize::MAX),
        };
        rows.into_iter().skip(skip).take(take).collect()
    }
}

/// One page of a list and how many rows match the filters in all.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct Page<T: TS> {
    pub rows: Vec<T>,
    #[ts(type = "number")]
    pub total: u64,
}

impl<T: TS> Page<T> {
    /// The page of rows already filtered and sorted in memory.
    pub fn of_all(all: Vec<T>, paging: Paging) -> Page<T> {
        let total = all.len() as u64;
        Page {
            rows: paging.slice(all),
            total,
        }
    }
}

/// Counts the rows `filtered` matches, then reads the page of them in the
/// order `sorted` gives. Counting needs no ORDER BY, so none is sent.
pub async fn fetch<E, C>(
    db: &C,
    filtered: Select<E>,
    sorted: impl FnOnce(Select<E>) -> Select<E>,
    paging: Paging,
) -> AppResult<(Vec<E::Model>, u64)>
where
    E: EntityTrait,
    E::Model: Sync,
    C: ConnectionTrait,
{
    let total = filtered.clone().count(db).await?;
    if paging.limit > 0 && paging.offset >= total {
        return Ok((vec![], total));
    }
    let rows = paging.apply(sorted(filtered)).all(db).await?;
    Ok((rows, total))
}

/// `text` anywhere in the column, ignoring case, with `%`, `_` and `\` taken
/// literally (a search for "50%" finds "50%", not every row). SQLite's LIKE
/// already ignores case (as far as its LOWER would), so there the column is
/// compared as it is — half the work of lowering every value; elsewhere both
/// sides are lowered.
pub fn contains(backend: DbBackend, column: impl ColumnTrait, text: &str) -> Expr {
    let mut pattern = String::with_capacity(text.len() + 2);
    pattern.push('%');
    for ch in text.to_lowercase().chars() {
        if matches!(ch, '%' | '_' | '\\') {
            pattern.push('\\');
        }
        pattern.push(ch);
    }
    pattern.push('%');
    let like = LikeExpr::new(pattern).escape('\\');
    let col = Expr::col(column.as_column_ref());
    match backend {
        DbBackend::Sqlite => col.like(like),
        _ => Expr::expr(Func::lower(col)).like(like),
    }
}
