//! Moving to the office server: every table of an SQLite file copied into an
//! empty PostgreSQL database — audit trail, timelines, snapshots, numbering
//! and the migration history included — then checked: rows per table and
//! every distributor's balance, read back from both.
use chrono::NaiveDate;
use sea_orm::{ConnectionTrait, DatabaseConnection, TransactionOptions, TransactionTrait};
use serde::Serialize;
use ts_rs::TS;

use crate::db::{self, copy, migrate, server, ServerUrl};
use crate::error::{AppError, AppResult, FileProblem};
use crate::money::Money;

/// One table's rows in the file and on the server after the move.
#[derive(Debug, Clone, Serialize, TS, PartialEq, Eq)]
#[ts(export)]
pub struct TableCheck {
    pub table: String,
    #[ts(type = "number")]
    pub source: u64,
    #[ts(type = "number")]
    pub target: u64,
}

/// One distributor's balance in the file and on the server.
#[derive(Debug, Clone, Serialize, TS, PartialEq, Eq)]
#[ts(export)]
pub struct BalanceCheck {
    pub code: String,
    pub name: String,
    pub source: Money,
    pub target: Money,
}

/// What a move copied and what the check found.
#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct Moved {
    /// The server database, its password hidden.
    pub target: String,
    pub tables: Vec<TableCheck>,
    /// Balances on `as_of` (the office's today).
    pub as_of: String,
    pub balances: Vec<BalanceCheck>,
    /// Every count and every balance the same on both.
    pub matches: bool,
}

/// Copies the database `from` (an SQLite file) into the empty server
/// database at `to`. A server database that already holds data is refused
/// before anything is written; the copy is one transaction on the server, so
/// a failure leaves it as empty as it was.
pub async fn move_to_server(
    from: &DatabaseConnection,
    to: &ServerUrl,
    password: Option<&str>,
    as_of: NaiveDate,
    now: chrono::DateTime<chrono::Utc>,
    progress: &(dyn Fn(&str, u64) + Sync),
) -> AppResult<Moved> {
    if server::is_server(from) {
        return Err(AppError::Database {
            message: "the source must be a DealerDesk file".into(),
        });
    }
    let target = server::connect(to, password).await?;
    let result = copy_into(from, &target, to, as_of, now, progress).await;
    target.close().await.ok();
    result
}

async fn copy_into(
    from: &DatabaseConnection,
    target: &DatabaseConnection,
    to: &ServerUrl,
    as_of: NaiveDate,
    now: chrono::DateTime<chrono::Utc>,
    progress: &(dyn Fn(&str, u64) + Sync),
) -> AppResult<Moved> {
    let shown = to.shown();
    let not_empty = || AppError::DataFile {
        problem: FileProblem::ServerNotEmpty,
        path: shown.clone(),
        detail: None,
        version: env!("CARGO_PKG_VERSION").to_string(),
        recovery: None,
    };
    let tables = copy::tables(from).await?;
    match migrate::inspect(target).await? {
        migrate::Shape::Empty => {}
        migrate::Shape::DealerDesk { .. } => {
            if !copy::is_blank(target, &tables).await? {
                return Err(not_empty());
            }
        }
        shape => {
            shape.check(std::path::Path::new(&shown))?;
            return Err(not_empty());
        }
    }
    migrate::run(target, now).await?;
    // The file read from one snapshot, the server written in one transaction.
    let read = from
        .begin_with_options(TransactionOptions::default())
        .await?;
    let write = db::write(target).await?;
    if !copy::is_blank(&write, &tables).await? {
        return Err(not_empty());
    }
    copy::copy_rows(&read, &write, &tables, progress).await?;
    write.commit().await?;
    let sources = copy::counts(&read, &tables).await?;
    let balances_from = balances(&read, as_of).await?;
    read.rollback().await?;
    let targets = copy::counts(target, &tables).await?;
    let balances_to = balances(target, as_of).await?;

    let tables: Vec<TableCheck> = sources
        .iter()
        .map(|(t, n)| TableCheck {
            table: t.clone(),
            source: *n,
            target: targets.get(t).copied().unwrap_or(0),
        })
        .collect();
    let mut checks = Vec::new();
    for (code, (name, source)) in &balances_from {
        let target = balances_to
            .get(code)
            .map(|(_, m)| *m)
            .unwrap_or(Money::ZERO);
        checks.push(BalanceCheck {
            code: code.clone(),
            name: name.clone(),
            source: *source,
            target,
        });
    }
    let matches = tables.iter().all(|t| t.source == t.target)
        && checks.iter().all(|b| b.source == b.target)
        && balances_to.len() == balances_from.len();
    Ok(Moved {
        target: shown,
        tables,
        as_of: as_of.to_string(),
        balances: checks,
        matches,
    })
}

/// Every distributor's balance on `as_of`, by code (zero without entries).
async fn balances<C: ConnectionTrait>(
    db: &C,
    as_of: NaiveDate,
) -> AppResult<std::collections::BTreeMap<String, (String, Money)>> {
    use sea_orm::{EntityTrait, QuerySelect};
    let sums = crate::ledger::balances(db, as_of).await?;
    let names: Vec<(i64, String, String)> = crate::entity::distributor::Entity::find()
        .select_only()
        .columns([
            crate::entity::distributor::Column::Id,
            crate::entity::distributor::Column::Code,
            crate::entity::distributor::Column::Name,
        ])
        .into_tuple()
        .all(db)
        .await?;
    Ok(names
        .into_iter()
        .map(|(id, code, name)| {
            let balance = sums.get(&id).copied().unwrap_or(Money::ZERO);
            (code, (name, balance))
        })
        .collect())
}
