//! An office server: the same schema and migrations on PostgreSQL, reached by
//! a `postgres://` URL instead of a file path. TLS is used when the server
//! offers it (`sslmode=prefer`, sqlx's default), and required when the URL
//! says `sslmode=require` (or `verify-ca`, `verify-full`).
use std::str::FromStr;
use std::time::Duration;

use chrono::{DateTime, Utc};
use sea_orm::sqlx::postgres::{PgConnectOptions, PgPoolOptions};
use sea_orm::{ConnectionTrait, DatabaseConnection, DbErr, SqlxPostgresConnector};

use super::migrate;
use crate::error::{AppError, AppResult, ErrorCode, FileProblem};

/// Where the data is: a file on this PC, or a database on an office server.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Location {
    File(std::path::PathBuf),
    Server(ServerUrl),
}

impl Location {
    /// `postgres://…` or `postgresql://…` is a server; anything else a path.
    pub fn parse(text: &std::ffi::OsStr) -> Location {
        match text.to_str() {
            Some(s) if ServerUrl::is_one(s) => Location::Server(ServerUrl(s.to_owned())),
            _ => Location::File(text.into()),
        }
    }

    /// The file that stands for the data on this PC: the database file
    /// itself, or for a server a name in a folder of this PC's own for that
    /// server database (`<data>/DealerDesk/server-<host>-<port>-<db>/`), so
    /// prints, the default backup folder and working files have a place.
    pub fn local_anchor(&self) -> std::path::PathBuf {
        match self {
            Location::File(p) => p.clone(),
            Location::Server(u) => super::default_db_path()
                .with_file_name(u.folder_name())
                .join("server"),
        }
    }

    /// What to show: the path, or the URL without its password.
    pub fn shown(&self) -> String {
        match self {
            Location::File(p) => p.display().to_string(),
            Location::Server(u) => u.shown(),
        }
    }
}

/// A `postgres://` connection URL. `Debug` and `shown` hide the password.
#[derive(Clone, PartialEq, Eq)]
pub struct ServerUrl(String);

impl std::fmt::Debug for ServerUrl {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "ServerUrl({})", self.shown())
    }
}

impl ServerUrl {
    pub fn is_one(s: &str) -> bool {
        s.starts_with("postgres://") || s.starts_with("postgresql://")
    }

    pub fn new(s: &str) -> AppResult<ServerUrl> {
        if !ServerUrl::is_one(s) {
            return Err(AppError::field("server.url", ErrorCode::ServerUrlInvalid));
        }
        PgConnectOptions::from_str(s)
            .map_err(|_| AppError::field("server.url", ErrorCode::ServerUrlInvalid))?;
        Ok(ServerUrl(s.to_owned()))
    }

    /// `server-<host>-<port>-<database>`, safe as a folder name.
    pub fn folder_name(&self) -> String {
        let opts = PgConnectOptions::from_str(&self.0).ok();
        let (host, port, db) = opts
            .map(|o| {
                (
                    o.get_host().to_owned(),
                    o.get_port(),
                    o.get_database().unwrap_or("").to_owned(),
                )
            })
            .unwrap_or_default();
        let safe: String = format!("server-{host}-{port}-{db}")
            .chars()
            .map(|c| {
                if c.is_ascii_alphanumeric() || c == '-' || c == '_' || c == '.' {
                    c
                } else {
                    '_'
                }
            })
            .collect();
        safe
    }

    /// The URL as given (with its password, if it holds one).
    pub fn expose(&self) -> &str {
        &self.0
    }

    /// The URL with any password replaced by `***`.
    pub fn shown(&self) -> String {
        let s = &self.0;
        let Some(scheme_end) = s.find("://").map(|i| i + 3) else {
            return s.clone();
        };
        let rest = &s[scheme_end..];
        let authority_end = rest.find(['/', '?']).unwrap_or(rest.len());
        let authority = &rest[..authority_end];
        match authority.rfind('@') {
            Some(at) => {
                let user_info = &authority[..at];
                match user_info.find(':') {
                    Some(colon) => format!(
                        "{}{}:***{}",
                        &s[..scheme_end],
                        &user_info[..colon],
                        &rest[at..]
                    ),
                    None => s.clone(),
                }
            }
            None => s.clone(),
        }
    }
}

/// Connections per program on a server: a window's reads run beside one
/// another, and the office's five PCs stay far below PostgreSQL's default
/// 100 connections.
pub const POOL_SIZE: u32 = 8;

/// A pool on the server database as it is: no check, no migration.
pub async fn connect(url: &ServerUrl, password: Option<&str>) -> AppResult<DatabaseConnection> {
    let mut opts =
        PgConnectOptions::from_str(url.expose()).map_err(|e| unreachable_server(url, e))?;
    if let Some(p) = password.filter(|p| !p.is_empty()) {
        opts = opts.password(p);
    }
    let pool = PgPoolOptions::new()
        .max_connections(POOL_SIZE)
        .min_connections(1)
        .acquire_timeout(Duration::from_secs(15))
        .connect_with(opts)
        .await
        .map_err(|e| unreachable_server(url, e))?;
    Ok(SqlxPostgresConnector::from_sqlx_postgres_pool(pool))
}

fn unreachable_server(url: &ServerUrl, e: impl std::fmt::Display) -> AppError {
    AppError::DataFile {
        problem: FileProblem::ServerUnreachable,
        path: url.shown(),
        detail: Some(e.to_string()),
        version: env!("CARGO_PKG_VERSION").to_string(),
        recovery: None,
    }
}

/// Connects, refuses another program's database or a newer DealerDesk's, and
/// runs the pending migrations, each in its own transaction. Two PCs starting
/// at once take turns (an advisory lock inside each migration's transaction).
pub async fn open(
    url: &ServerUrl,
    password: Option<&str>,
    now: DateTime<Utc>,
) -> AppResult<DatabaseConnection> {
    let db = connect(url, password).await?;
    let shown = url.shown();
    let at = |e: AppError| match e {
        AppError::DataFile {
            problem,
            detail,
            version,
            recovery,
            ..
        } => AppError::DataFile {
            problem,
            path: shown.clone(),
            detail,
            version,
            recovery,
        },
        other => other,
    };
    let shape = migrate::inspect(&db).await.map_err(at)?;
    if let Err(e) = shape.check(std::path::Path::new(&shown)) {
        db.close().await.ok();
        return Err(e);
    }
    if let Err(e) = migrate::run(&db, now).await {
        db.close().await.ok();
        return Err(AppError::DataFile {
            problem: FileProblem::HalfMigrated,
            path: shown,
            detail: Some(e.to_string()),
            version: env!("CARGO_PKG_VERSION").to_string(),
            recovery: None,
        });
    }
    Ok(db)
}

/// Whether `db` is a server database (PostgreSQL).
pub fn is_server<C: ConnectionTrait>(db: &C) -> bool {
    db.get_database_backend() == sea_orm::DbBackend::Postgres
}

/// Copies the server database into the new, empty SQLite file `target`
/// from one consistent snapshot: every table read in one REPEATABLE READ,
/// READ ONLY transaction, so writes by other PCs meanwhile are either wholly
/// in the copy or not at all. The file gets the same schema from the same
/// migrator, then the server's rows, history included.
pub async fn snapshot_into(db: &DatabaseConnection, target: &std::path::Path) -> AppResult<()> {
    use sea_orm::{AccessMode, IsolationLevel, TransactionOptions, TransactionTrait};
    let file = super::connect_new_file(target).await?;
    let copied = async {
        let stamp = DateTime::<Utc>::from_timestamp(0, 0).unwrap_or_default();
        migrate::run(&file, stamp).await?;
        let tables = super::copy::tables(&file).await?;
        let read = db
            .begin_with_options(TransactionOptions {
                isolation_level: Some(IsolationLevel::RepeatableRead),
                access_mode: Some(AccessMode::ReadOnly),
                ..Default::default()
            })
            .await?;
        let write = super::write(&file).await?;
        super::copy::copy_rows(&read, &write, &tables, &|_, _| {}).await?;
        write.commit().await?;
        read.rollback().await?;
        AppResult::Ok(())
    }
    .await;
    file.close().await.ok();
    copied
}

/// The server database's size on disk, in bytes.
pub async fn size<C: ConnectionTrait>(db: &C) -> AppResult<u64> {
    let row = db
        .query_one_raw(sea_orm::Statement::from_string(
            db.get_database_backend(),
            "SELECT pg_database_size(current_database())",
        ))
        .await?;
    Ok(row
        .and_then(|r| r.try_get_by_index::<i64>(0).ok())
        .unwrap_or(0)
        .max(0) as u64)
}

/// Takes the migration lock for the rest of `txn` (PostgreSQL only).
pub(super) async fn lock_migrations<C: ConnectionTrait>(txn: &C) -> Result<(), DbErr> {
    if is_server(txn) {
        txn.execute_unprepared("SELECT pg_advisory_xact_lock(2026120701)")
            .await?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_url_is_a_server_and_its_password_is_never_shown() {
        let loc = Location::parse("postgres://clerk:s3cret@office:5432/dealer".as_ref());
        let Location::Server(url) = &loc else {
            panic!("{loc:?}")
        };
        assert_eq!(url.shown(), "postgres://clerk:***@office:5432/dealer");
        assert!(!format!("{loc:?}").contains("s3cret"));
        assert_eq!(
            ServerUrl::new("postgresql://clerk@office/dealer?sslmode=require")
                .unwrap()
                .shown(),
            "postgresql://clerk@office/dealer?sslmode=require"
        );
        assert!(matches!(
            Location::parse("/home/a/dealerdesk.sqlite".as_ref()),
            Location::File(_)
        ));
        assert!(ServerUrl::new("mysql://x").is_err());
    }
}
