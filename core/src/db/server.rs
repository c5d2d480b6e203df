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

    /// The keyring's name for this login: `user@host:port/database`.
    pub fn login_name(&self) -> String {
        match PgConnectOptions::from_str(&self.0) {
            Ok(o) => format!(
                "{}@{}:{}/{}",
                o.get_username(),
                o.get_host(),
                o.get_port(),
                o.get_database().unwrap_or("")
            ),
            Err(_) => self.shown(),
        }
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
    let shape = migrate::inspect(&db)
        .await
        .map_err(|e| super::files::at_path(e, std::path::Path::new(&shown)))?;
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

    #[test]
    fn settings_make_a_url_and_name_each_bad_field() {
        let s = ServerSettings {
            host: "office-pc".into(),
            port: 5433,
            database: "经销".into(),
            user: "clerk@x".into(),
            require_tls: true,
        };
        assert_eq!(
            s.url().unwrap().expose(),
            "postgres://clerk%40x@office-pc:5433/%E7%BB%8F%E9%94%80?sslmode=require"
        );
        let bad = ServerSettings {
            host: "a b".into(),
            port: 0,
            database: " ".into(),
            ..Default::default()
        };
        let AppError::Validation { fields } = bad.validate().unwrap_err() else {
            panic!()
        };
        let named: Vec<&str> = fields.iter().map(|f| f.field.as_str()).collect();
        assert_eq!(
            named,
            [
                "server.host",
                "server.port",
                "server.database",
                "server.user"
            ]
        );
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("c").join("connection.json");
        assert_eq!(load_connection(&file).unwrap(), Connection::File);
        save_connection(&file, &Connection::Server(s.clone())).unwrap();
        assert_eq!(load_connection(&file).unwrap(), Connection::Server(s));
    }
}

/// The office server as Settings → Database holds it (the password is kept
/// apart, in the system keyring).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize, ts_rs::TS)]
#[ts(export)]
pub struct ServerSettings {
    pub host: String,
    pub port: u16,
    pub database: String,
    pub user: String,
    /// Refuse a server that does not offer TLS (else TLS is used when offered).
    #[serde(default)]
    pub require_tls: bool,
}

impl Default for ServerSettings {
    fn default() -> Self {
        ServerSettings {
            host: String::new(),
            port: 5432,
            database: "dealerdesk".into(),
            user: String::new(),
            require_tls: false,
        }
    }
}

fn url_part(s: &str) -> String {
    s.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' => {
                (b as char).to_string()
            }
            _ => format!("%{b:02X}"),
        })
        .collect()
}

impl ServerSettings {
    /// Each field's check, named `server.<field>`.
    pub fn validate(&self) -> AppResult<()> {
        let mut errs = crate::error::FieldErrors::default();
        let host = self.host.trim();
        if host.is_empty() {
            errs.push("server.host", ErrorCode::Required);
        } else if !host
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '_' | ':'))
        {
            errs.push("server.host", ErrorCode::CodeChars);
        }
        if self.port == 0 {
            errs.push("server.port", ErrorCode::OutOfRange);
        }
        for (field, v) in [
            ("server.database", &self.database),
            ("server.user", &self.user),
        ] {
            let v = v.trim();
            if v.is_empty() {
                errs.push(field, ErrorCode::Required);
            } else if v.chars().count() > 63 {
                errs.push(field, ErrorCode::TooLong);
            } else if v.chars().any(|c| c.is_control()) {
                errs.push(field, ErrorCode::ControlCharacter);
            }
        }
        errs.into_result()
    }

    /// The URL, without a password.
    pub fn url(&self) -> AppResult<ServerUrl> {
        self.validate()?;
        let host = self.host.trim();
        let host = if host.contains(':') {
            format!("[{host}]")
        } else {
            host.to_owned()
        };
        let mode = if self.require_tls {
            "require"
        } else {
            "prefer"
        };
        ServerUrl::new(&format!(
            "postgres://{}@{host}:{}/{}?sslmode={mode}",
            url_part(self.user.trim()),
            self.port,
            url_part(self.database.trim())
        ))
    }

    /// The keyring's name for this login: `user@host:port/database`.
    pub fn login_name(&self) -> String {
        format!(
            "{}@{}:{}/{}",
            self.user.trim(),
            self.host.trim(),
            self.port,
            self.database.trim()
        )
    }
}

/// Where the program finds its data when no `--db` or `DEALERDESK_DB` says:
/// this PC's file, or the office server. Kept per user on this PC
/// (`connection_file`), never in the database it chooses.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize, ts_rs::TS)]
#[serde(tag = "kind", rename_all = "snake_case")]
#[ts(export)]
pub enum Connection {
    File,
    Server(ServerSettings),
}

/// `<user config dir>/DealerDesk/connection.json`.
pub fn connection_file() -> std::path::PathBuf {
    dirs::config_dir()
        .or_else(dirs::home_dir)
        .unwrap_or_else(|| std::path::PathBuf::from("."))
        .join("DealerDesk")
        .join("connection.json")
}

/// The saved choice; this PC's file when none is saved.
pub fn load_connection(path: &std::path::Path) -> AppResult<Connection> {
    match std::fs::read_to_string(path) {
        Ok(text) => serde_json::from_str(&text).map_err(|e| AppError::Damaged {
            table: "connection.json".into(),
            id: path.display().to_string(),
            column: "kind".into(),
            value: e.to_string(),
        }),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(Connection::File),
        Err(e) => Err(AppError::io(format!("{}: {e}", path.display()))),
    }
}

/// Saves the choice (written whole under a temporary name, then renamed).
pub fn save_connection(path: &std::path::Path, c: &Connection) -> AppResult<()> {
    if let Connection::Server(s) = c {
        s.validate()?;
    }
    let io = |e: std::io::Error| AppError::io(format!("{}: {e}", path.display()));
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir).map_err(io)?;
    }
    let tmp = path.with_extension("json.part");
    let text = serde_json::to_string_pretty(c).map_err(AppError::io)?;
    std::fs::write(&tmp, text).map_err(io)?;
    std::fs::rename(&tmp, path).map_err(io)
}

/// What a test connection found.
#[derive(Debug, Clone, serde::Serialize, ts_rs::TS)]
#[ts(export)]
pub struct ServerProbe {
    /// `PostgreSQL 15.8 …`
    pub version: String,
    /// Whether this connection is encrypted.
    pub tls: bool,
    /// `empty`, `dealerdesk` (with `schema_version`), `newer` or `foreign`.
    pub holds: String,
    pub schema_version: Option<String>,
}

/// Connects once and says what the server and its database are.
pub async fn probe(url: &ServerUrl, password: Option<&str>) -> AppResult<ServerProbe> {
    let db = connect(url, password).await?;
    let result = async {
        let backend = db.get_database_backend();
        let row = db
            .query_one_raw(sea_orm::Statement::from_string(
                backend,
                "SELECT version(), COALESCE((SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()), false)",
            ))
            .await?;
        let (version, tls) = row
            .map(|r| {
                (
                    r.try_get_by_index::<String>(0).unwrap_or_default(),
                    r.try_get_by_index::<bool>(1).unwrap_or(false),
                )
            })
            .unwrap_or_default();
        let (holds, schema_version) = match migrate::inspect(&db).await? {
            migrate::Shape::Empty => ("empty", None),
            migrate::Shape::DealerDesk { applied } => ("dealerdesk", migrate::newest(&applied)),
            migrate::Shape::Newer { unknown } => ("newer", Some(unknown)),
            migrate::Shape::Foreign => ("foreign", None),
        };
        AppResult::Ok(ServerProbe {
            version: version.split(" on ").next().unwrap_or("").to_owned(),
            tls,
            holds: holds.into(),
            schema_version,
        })
    }
    .await;
    db.close().await.ok();
    result
}

/// Settings → Database: where this program's data is now, and the choice
/// saved for the next start.
#[derive(Debug, Clone, serde::Serialize, ts_rs::TS)]
#[ts(export)]
pub struct DatabaseView {
    /// The file's path or the server's URL (no password) in use now.
    pub current: String,
    pub on_server: bool,
    /// `--db` or `DEALERDESK_DB` when one of them chose the database: the
    /// saved choice then waits until the program starts without it.
    pub fixed_by: Option<String>,
    pub saved: Connection,
    /// A password for the saved server is in the system keyring.
    pub password_saved: bool,
    /// This PC's file (the default when "this PC" is chosen).
    pub file: String,
}

/// Try a server before choosing it.
#[derive(Debug, Clone, serde::Deserialize, ts_rs::TS)]
#[ts(export)]
pub struct DatabaseTest {
    pub server: ServerSettings,
    /// Empty or absent: the password kept in the keyring for this login.
    #[serde(default)]
    pub password: Option<String>,
}

/// The choice for the next start; a server's password goes into the keyring.
#[derive(Debug, Clone, serde::Deserialize, ts_rs::TS)]
#[ts(export)]
pub struct DatabaseSave {
    pub connection: Connection,
    /// Empty or absent: the kept password stays.
    #[serde(default)]
    pub password: Option<String>,
}
