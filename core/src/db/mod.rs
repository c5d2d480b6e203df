//! Opening the database: where the file lives, SQLite pragmas, the backup taken
//! before migrating an existing file, and running the migrator.
use std::path::{Path, PathBuf};
use std::time::Duration;

use chrono::{DateTime, Utc};

use sea_orm::sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqlitePoolOptions};
use sea_orm::{
    ColumnTrait, ConnectionTrait, DatabaseConnection, DbErr, EntityTrait, QueryFilter, Select,
    SqliteTransactionMode, SqlxSqliteConnector, TransactionOptions, TransactionTrait,
};

use crate::error::{AppError, AppResult, FileProblem};

pub mod copy;
pub mod files;
pub mod migrate;
pub mod server;

pub use server::{Location, ServerUrl};

pub const DB_ENV: &str = "DEALERDESK_DB";

/// `<user data dir>/DealerDesk/dealerdesk.sqlite`.
pub fn default_db_path() -> PathBuf {
    dirs::data_dir()
        .or_else(dirs::home_dir)
        .unwrap_or_else(|| PathBuf::from("."))
        .join("DealerDesk")
        .join("dealerdesk.sqlite")
}

/// `--db PATH|URL` wins, then `DEALERDESK_DB`, then the default file.
pub fn resolve_location(flag: Option<&std::ffi::OsStr>) -> Location {
    match flag
        .map(std::ffi::OsString::from)
        .or_else(|| std::env::var_os(DB_ENV).filter(|v| !v.is_empty()))
    {
        Some(v) => Location::parse(&v),
        None => Location::File(default_db_path()),
    }
}

/// The server's password for the CLI when the URL holds none.
pub const DB_PASSWORD_ENV: &str = "DEALERDESK_DB_PASSWORD";

/// `--db PATH` wins, then `DEALERDESK_DB`, then the default.
pub fn resolve_db_path(flag: Option<PathBuf>) -> PathBuf {
    flag.or_else(|| {
        std::env::var_os(DB_ENV)
            .filter(|v| !v.is_empty())
            .map(PathBuf::from)
    })
    .unwrap_or_else(default_db_path)
}

#[derive(Debug)]
pub struct Opened {
    pub db: DatabaseConnection,
    /// The copy written before migrating an existing file, if one was needed.
    pub backup: Option<PathBuf>,
    /// Held while the file is open: a restore by another process waits for
    /// it to be released (`files::UseLock`).
    pub lock: files::UseLock,
    /// Hidden working files left beside the database by a killed backup,
    /// restore or upgrade, removed by this open (the caller logs them).
    pub strays: Vec<PathBuf>,
}

/// Opens (creating if needed) the SQLite file in WAL mode with foreign keys on,
/// refuses files that are not DealerDesk's or come from a newer version,
/// backs it up if it already holds data and migrations are pending, then
/// migrates, each migration in one transaction.
pub async fn open(path: &Path, now: DateTime<Utc>) -> AppResult<Opened> {
    files::check_target(path)?;
    let lock = files::UseLock::shared(path)?;
    crate::outputs::protect_database(path);
    let strays = path
        .parent()
        .map(|d| {
            files::clean_strays(if d.as_os_str().is_empty() {
                Path::new(".")
            } else {
                d
            })
        })
        .unwrap_or_default();
    let existed = path.metadata().map(|m| m.len() > 0).unwrap_or(false);
    if existed {
        // What the file is, read before any pragma (WAL) touches it: another
        // program's or a newer version's file is refused as it was.
        let peek = connect_read_only(path).await?;
        let shape = migrate::inspect(&peek).await;
        peek.close().await.ok();
        if let Ok(shape @ (migrate::Shape::Foreign | migrate::Shape::Newer { .. })) = shape {
            shape.check(path)?;
        }
    }
    let db = connect(path).await?;
    let shape = migrate::inspect(&db)
        .await
        .map_err(|e| files::at_path(e, path))?;
    if let Err(e) = shape.check(path) {
        db.close().await.ok();
        return Err(e);
    }

    let mut backup = None;
    if existed && !shape.pending().is_empty() {
        backup = Some(backup_before_migration(&db, path, now).await?);
    }
    if let Err(e) = migrate::run(&db, now).await {
        db.close().await.ok();
        // The failed migration changed nothing: its copy is not needed (and
        // a retry must not pile up copies of the same file).
        if let Some(b) = &backup {
            std::fs::remove_file(b).ok();
        }
        return Err(migrate::failed(e, path).await);
    }
    if backup.is_some() {
        prune_pre_migration(path, KEEP_PRE_MIGRATION);
    }
    Ok(Opened {
        db,
        backup,
        lock,
        strays,
    })
}

/// Opens a file (`open`) or a server database (`server::open`). A server
/// database's `lock` is taken on its name in this PC's folder for it
/// (`Location::local_anchor`), and it has no copy before migration: each of
/// its migrations runs in one transaction there and is undone if it fails.
pub async fn open_location(
    location: &Location,
    password: Option<&str>,
    now: DateTime<Utc>,
) -> AppResult<Opened> {
    match location {
        Location::File(path) => open(path, now).await,
        Location::Server(url) => {
            let anchor = location.local_anchor();
            if let Some(folder) = anchor.parent() {
                std::fs::create_dir_all(folder)
                    .map_err(|e| AppError::io(format!("{}: {e}", folder.display())))?;
            }
            let lock = files::UseLock::shared(&anchor)?;
            let db = server::open(url, password, now).await?;
            Ok(Opened {
                db,
                backup: None,
                lock,
                strays: Vec::new(),
            })
        }
    }
}

/// How many copies written before migrations are kept beside a file.
pub const KEEP_PRE_MIGRATION: usize = 3;

/// Removes all but the `keep` newest copies written before migrations of
/// `path` (their names sort by time).
fn prune_pre_migration(path: &Path, keep: usize) {
    let prefix = format!("{}.{PRE_MIGRATION}", file_name(path));
    let dir = path
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    let mut copies: Vec<PathBuf> = entries
        .flatten()
        .map(|e| e.path())
        .filter(|p| {
            p.file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.starts_with(&prefix) && n.ends_with(".bak"))
        })
        .collect();
    copies.sort();
    let excess = copies.len().saturating_sub(keep);
    for old in copies.into_iter().take(excess) {
        std::fs::remove_file(old).ok();
    }
}

/// A pool on the SQLite file as it is: no check, no migration.
pub async fn connect(path: &Path) -> AppResult<DatabaseConnection> {
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
    sqlite_pool(
        SqlitePoolOptions::new()
            .max_connections(4)
            .min_connections(1),
        opts,
        path,
    )
    .await
}

/// A pool on `path` with these options; a failure names the file.
async fn sqlite_pool(
    pool: SqlitePoolOptions,
    opts: SqliteConnectOptions,
    path: &Path,
) -> AppResult<DatabaseConnection> {
    let pool = pool.connect_with(opts).await.map_err(|e| {
        files::at_path(
            DbErr::Conn(sea_orm::RuntimeErr::SqlxError(e.into())).into(),
            path,
        )
    })?;
    Ok(SqlxSqliteConnector::from_sqlx_sqlite_pool(pool))
}

/// One connection on a new file this program alone writes (the snapshot of
/// a server database): no WAL, so the file is whole once closed.
pub async fn connect_new_file(path: &Path) -> AppResult<DatabaseConnection> {
    let opts = SqliteConnectOptions::new()
        .filename(path)
        .create_if_missing(true)
        .journal_mode(SqliteJournalMode::Delete)
        .foreign_keys(true);
    sqlite_pool(SqlitePoolOptions::new().max_connections(1), opts, path).await
}

/// A pool of one read-only connection on a file that nothing else writes (a
/// copy, a file unpacked from a backup): no WAL, no lock, no change.
pub async fn connect_read_only(path: &Path) -> AppResult<DatabaseConnection> {
    let opts = SqliteConnectOptions::new()
        .filename(path)
        .read_only(true)
        .immutable(true);
    sqlite_pool(SqlitePoolOptions::new().max_connections(1), opts, path).await
}

/// `PRAGMA quick_check`: `Ok` when SQLite finds the file sound, else the
/// damage it reports (`FileProblem::Damaged`).
pub async fn quick_check(db: &DatabaseConnection, path: &Path) -> AppResult<()> {
    check_pragma(db, path, "PRAGMA quick_check").await
}

/// `PRAGMA integrity_check`, the thorough form (for backups and restores).
pub async fn integrity_check(db: &DatabaseConnection, path: &Path) -> AppResult<()> {
    check_pragma(db, path, "PRAGMA integrity_check").await
}

/// `quick_check` inside a write transaction: every writer (this program's
/// and the CLI's) waits until the file is known sound; readers go on.
pub async fn quick_check_before_writes(db: &DatabaseConnection, path: &Path) -> AppResult<()> {
    let txn = write(db)
        .await
        .map_err(|e| files::at_path(e.into(), path))?;
    let checked = check_pragma(&txn, path, "PRAGMA quick_check").await;
    txn.rollback().await.ok();
    checked
}

async fn check_pragma<C: ConnectionTrait>(db: &C, path: &Path, sql: &str) -> AppResult<()> {
    let rows = db
        .query_all_raw(sea_orm::Statement::from_string(
            db.get_database_backend(),
            sql,
        ))
        .await
        .map_err(|e| files::at_path(e.into(), path))?;
    let lines: Vec<String> = rows
        .iter()
        .filter_map(|r| r.try_get_by_index::<String>(0).ok())
        .collect();
    if lines.len() == 1 && lines[0] == "ok" {
        return Ok(());
    }
    let detail = lines.into_iter().take(3).collect::<Vec<_>>().join("; ");
    Err(AppError::file(FileProblem::Damaged, path, Some(detail)))
}

async fn backup_before_migration(
    db: &DatabaseConnection,
    path: &Path,
    now: DateTime<Utc>,
) -> AppResult<PathBuf> {
    let stamp = now.format("%Y%m%d-%H%M%S-%3f");
    let target = path.with_file_name(format!("{}.{PRE_MIGRATION}{stamp}.bak", file_name(path)));
    if target.exists() {
        return Err(AppError::Conflict {
            field: "path".into(),
            value: target.display().to_string(),
        });
    }
    // Written under a hidden name and renamed whole: a killed upgrade leaves
    // no half-written copy under the name a recovery would trust.
    let scratch = files::Scratch::beside(path, "premigration")?;
    copy_to_empty(db, scratch.path()).await?;
    scratch.persist(&target)?;
    Ok(target)
}

/// What names a copy written before a migration: `<file>.before-migration-<stamp>.bak`.
pub const PRE_MIGRATION: &str = "before-migration-";

pub(crate) fn file_name(path: &Path) -> String {
    path.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "dealerdesk.sqlite".into())
}

/// `copy_to` into a file that exists and is empty (a locked scratch file).
/// A server database is copied into it from one snapshot (`server::snapshot_into`).
pub async fn copy_to_empty(db: &DatabaseConnection, target: &Path) -> AppResult<()> {
    if target.metadata().map(|m| m.len()).unwrap_or(1) != 0 {
        return Err(AppError::Conflict {
            field: "path".into(),
            value: target.display().to_string(),
        });
    }
    if server::is_server(db) {
        return server::snapshot_into(db, target).await;
    }
    vacuum_into(db, target).await
}

async fn vacuum_into(db: &DatabaseConnection, target: &Path) -> AppResult<()> {
    let quoted = target.to_string_lossy().replace('\'', "''");
    db.execute_unprepared(&format!("VACUUM INTO '{quoted}'"))
        .await?;
    Ok(())
}

/// A consistent copy of the live database (VACUUM INTO reads one snapshot).
pub async fn copy_to(db: &DatabaseConnection, target: &Path) -> AppResult<()> {
    if target.exists() {
        return Err(AppError::Conflict {
            field: "path".into(),
            value: target.display().to_string(),
        });
    }
    vacuum_into(db, target).await
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
    /// Why the database cannot be used (damaged, newer, half-upgraded…), if so.
    pub problem: Option<AppError>,
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
///
/// A writer still waiting after the busy timeout (another DealerDesk holds a
/// long write) keeps waiting, up to `WRITE_WAIT_ROUNDS` timeouts, and says so
/// once through the hook set with `on_waiting` (the CLI prints "waiting for
/// another DealerDesk…").
pub async fn write<C: TransactionTrait>(db: &C) -> Result<C::Transaction, DbErr> {
    let mut told = false;
    let mut round = 0;
    loop {
        let begun = db
            .begin_with_options(TransactionOptions {
                sqlite_transaction_mode: Some(SqliteTransactionMode::Immediate),
                ..Default::default()
            })
            .await;
        match begun {
            Err(e) if is_busy(&e) && round < WRITE_WAIT_ROUNDS => {
                round += 1;
                if !told {
                    told = true;
                    if let Some(hook) = WAITING.get() {
                        hook();
                    }
                }
            }
            other => return other,
        }
    }
}

/// How many busy timeouts (10 s each) a writer waits for another's write.
pub const WRITE_WAIT_ROUNDS: u32 = 30;

static WAITING: std::sync::OnceLock<Box<dyn Fn() + Send + Sync>> = std::sync::OnceLock::new();

/// Sets what a writer does once when it has to wait past the busy timeout.
pub fn on_waiting(hook: impl Fn() + Send + Sync + 'static) {
    WAITING.set(Box::new(hook)).ok();
}

fn is_busy(e: &DbErr) -> bool {
    let text = e.to_string();
    text.contains("database is locked") || text.contains("(code: 5)") || text.contains("busy")
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
