//! Opening the database: where the file lives, SQLite pragmas, the backup taken
//! before migrating an existing file, and running the migrator.
use std::path::{Path, PathBuf};
use std::time::Duration;

use chrono::{DateTime, Utc};

use dealerdesk_migrations::{Migrator, MigratorTrait};
use sea_orm::sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqlitePoolOptions};
use sea_orm::{
    ColumnTrait, ConnectionTrait, DatabaseConnection, DbErr, EntityTrait, QueryFilter, Select,
    SqliteTransactionMode, SqlxSqliteConnector, TransactionOptions, TransactionTrait,
};

use crate::error::{AppError, AppResult};

pub const DB_ENV: &str = "DEALERDESK_DB";

/// `<user data dir>/DealerDesk/dealerdesk.sqlite`.
pub fn default_db_path() -> PathBuf {
    dirs::data_dir()
        .or_else(dirs::home_dir)
        .unwrap_or_else(|| PathBuf::from("."))
        .join("DealerDesk")
        .join("dealerdesk.sqlite")
}

/// `--db PATH` wins, then `DEALERDESK_DB`, then the default.
pub fn resolve_db_path(flag: Option<PathBuf>) -> PathBuf {
    flag.or_else(|| {
        std::env::var_os(DB_ENV)
            .filter(|v| !v.is_empty())
            .map(PathBuf::from)
    })
    .unwrap_or_else(default_db_path)
}

pub struct Opened {
    pub db: DatabaseConnection,
    /// The copy written before migrating an existing file, if one was needed.
    pub backup: Option<PathBuf>,
}

/// Opens (creating if needed) the SQLite file in WAL mode with foreign keys on,
/// backs it up if it already holds data and migrations are pending, then migrates.
pub async fn open(path: &Path, now: DateTime<Utc>) -> AppResult<Opened> {
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir)
            .map_err(|e| AppError::io(format!("{}: {e}", dir.display())))?;
    }
    let existed = path.metadata().map(|m| m.len() > 0).unwrap_or(false);
    let opts = SqliteConnectOptions::new()
        .filename(path)
        .create_if_missing(true)
        .journal_mode(SqliteJournalMode::Wal)
        .foreign_keys(true)
        .busy_timeout(Duration::from_secs(10))
        // 32 MiB of page cache per connection (SQLite's default is 2 MiB), taken
        // only as pages are read: a long ledger or a search over every
        // complaint then reads its pages from memory, not through the OS,
        // about three times faster (core/benches/lists.rs).
        .pragma("cache_size", "-32768");
    let pool = SqlitePoolOptions::new()
        .max_connections(4)
        .min_connections(1)
        .connect_with(opts)
        .await
        .map_err(|e| AppError::Database {
            message: format!("{}: {e}", path.display()),
        })?;
    let db = SqlxSqliteConnector::from_sqlx_sqlite_pool(pool);

    let mut backup = None;
    if existed && !Migrator::get_pending_migrations(&db).await?.is_empty() {
        backup = Some(backup_before_migration(&db, path, now).await?);
    }
    Migrator::up(&db, None).await?;
    Ok(Opened { db, backup })
}

async fn backup_before_migration(
    db: &DatabaseConnection,
    path: &Path,
    now: DateTime<Utc>,
) -> AppResult<PathBuf> {
    let stamp = now.format("%Y%m%d-%H%M%S");
    let file = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "dealerdesk.sqlite".into());
    let target = path.with_file_name(format!("{file}.before-migration-{stamp}.bak"));
    copy_to(db, &target).await?;
    Ok(target)
}

/// A consistent copy of the live database (VACUUM INTO reads one snapshot).
pub async fn copy_to(db: &DatabaseConnection, target: &Path) -> AppResult<()> {
    if target.exists() {
        return Err(AppError::Conflict {
            field: "path".into(),
            value: target.display().to_string(),
        });
    }
    let quoted = target.to_string_lossy().replace('\'', "''");
    db.execute_unprepared(&format!("VACUUM INTO '{quoted}'"))
        .await?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn flag_beats_env_beats_default() {
        let flag = PathBuf::from("/tmp/x.sqlite");
        assert_eq!(resolve_db_path(Some(flag.clone())), flag);
        assert!(default_db_path().ends_with("DealerDesk/dealerdesk.sqlite"));
    }
}

/// What the About/Settings page shows about the running program.
#[derive(Debug, Clone, serde::Serialize, ts_rs::TS)]
#[ts(export)]
pub struct AppInfo {
    pub db_path: String,
    pub version: String,
    /// The copy written before this start's migration, if any.
    pub backup: Option<String>,
    /// The office's "today" (`YYYY-MM-DD`) as the program sees it: the
    /// computer's date, or the one given with `--today`.
    pub today: String,
    /// The date given with `--today` / `DEALERDESK_TODAY`, if any: the UI then
    /// dates its forms on it too.
    pub fixed_today: Option<String>,
}

/// Writes the log back into the database file and closes the pool, so the
/// `.sqlite` file alone holds every committed change (a user who copies just
/// that file gets the data, not a stale or malformed copy). On SQLite only.
pub async fn close(db: DatabaseConnection) -> AppResult<()> {
    if db.get_database_backend() == sea_orm::DbBackend::Sqlite {
        db.execute_unprepared("PRAGMA wal_checkpoint(TRUNCATE)")
            .await?;
    }
    db.close().await?;
    Ok(())
}

/// Begins a write transaction. On SQLite it takes the write lock at once
/// (`BEGIN IMMEDIATE`): a second writer — the CLI beside the app, a batch
/// beside the window — then waits up to the busy timeout for the first to
/// finish. A plain `BEGIN` starts as a reader and fails at once with
/// "database is locked" when it tries to write after another writer
/// committed. Every write in core begins here (`core/tests/layers.rs`).
pub async fn write<C: TransactionTrait>(db: &C) -> Result<C::Transaction, DbErr> {
    db.begin_with_options(TransactionOptions {
        sqlite_transaction_mode: Some(SqliteTransactionMode::Immediate),
        ..Default::default()
    })
    .await
}

/// Ids per `IN (…)` list: far below SQLite's 32,766 and PostgreSQL's 65,535
/// bound parameters, so a query over any number of ids stays valid.
pub const IN_CHUNK: usize = 1000;

/// `select` restricted to `column IN (ids)`, run over slices of `IN_CHUNK`
/// distinct ids and gathered. Rows of one id come from one slice, so an order
/// on `select` holds among each id's rows.
pub async fn find_in<E, C, K>(
    db: &C,
    select: Select<E>,
    column: K,
    ids: impl IntoIterator<Item = i64>,
) -> Result<Vec<E::Model>, DbErr>
where
    E: EntityTrait,
    C: ConnectionTrait,
    K: ColumnTrait,
{
    let ids: std::collections::BTreeSet<i64> = ids.into_iter().collect();
    let ids: Vec<i64> = ids.into_iter().collect();
    let mut out = Vec::new();
    for chunk in ids.chunks(IN_CHUNK) {
        out.extend(
            select
                .clone()
                .filter(column.is_in(chunk.iter().copied()))
                .all(db)
                .await?,
        );
    }
    Ok(out)
}
