//! Backups: one `.ddbak` file (a zip) holding a consistent copy of the
//! database (`VACUUM INTO`, online), every attachment the database refers to,
//! and a manifest (program and schema version, when, row counts per table,
//! size and SHA-256 of each part). `verify` checks all of it without
//! restoring; `restore` (restore.rs) swaps it in atomically; `rotation.rs`
//! prunes the automatic ones; `folder.rs` lists the backup folder.
use std::collections::BTreeMap;
use std::fs::File;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};

use chrono::{DateTime, FixedOffset};
use sea_orm::{ConnectionTrait, DatabaseConnection, Statement};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use ts_rs::TS;

use crate::actor::Actor;
use crate::actor::Right;
use crate::db::{self, files::Scratch, migrate};
use crate::error::{AppError, AppResult, ErrorCode, FileProblem};

mod folder;
pub mod restore;
pub mod rotation;
pub mod server;
mod verify;

pub use folder::{automatic, list, overview, BackupAttempt, BackupListed, BackupOverview};
pub use verify::{verify, Verified};

/// The extension of a backup file.
pub const EXT: &str = "ddbak";
/// The layout of the file; a newer layout is refused by name.
pub const FORMAT: u32 = 1;
pub(crate) const MANIFEST: &str = "manifest.json";
pub(crate) const DATABASE: &str = "database.sqlite";
pub(crate) const ATTACHMENTS: &str = "attachments/";

/// Why a backup was made: the automatic ones are pruned by the rotation,
/// the others are kept until the user removes them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum BackupKind {
    Manual,
    Automatic,
    BeforeRestore,
}

impl BackupKind {
    fn tag(self) -> &'static str {
        match self {
            BackupKind::Manual => "manual",
            BackupKind::Automatic => "auto",
            BackupKind::BeforeRestore => "before-restore",
        }
    }
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
pub struct Part {
    pub name: String,
    pub size: u64,
    pub sha256: String,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Manifest {
    pub format: u32,
    pub app_version: String,
    /// The newest migration of the copied database.
    pub schema_version: String,
    /// Local time with its offset (RFC 3339).
    pub created_at: String,
    pub kind: BackupKind,
    /// Rows per table of the copy.
    pub counts: BTreeMap<String, i64>,
    pub parts: Vec<Part>,
    /// Attachments the database names that were not on disk.
    pub missing: Vec<String>,
    /// The identity of the database backed up (absent in backups written
    /// before databases had one).
    #[serde(default)]
    pub database_id: Option<String>,
}

/// What a backup holds, as the Settings page and the restore dialog show it.
#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct BackupInfo {
    pub path: String,
    pub file_name: String,
    #[ts(type = "number")]
    pub size: u64,
    pub created_at: String,
    pub kind: BackupKind,
    pub app_version: String,
    pub schema_version: String,
    /// Rows per table.
    #[ts(type = "Record<string, number>")]
    pub counts: BTreeMap<String, i64>,
    pub attachments: usize,
    pub missing: Vec<String>,
    /// The identity of the database backed up, if the backup names one.
    pub database_id: Option<String>,
}

impl BackupInfo {
    pub(crate) fn of(path: &Path, m: &Manifest) -> BackupInfo {
        BackupInfo {
            path: path.display().to_string(),
            file_name: path
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default(),
            size: path.metadata().map(|m| m.len()).unwrap_or(0),
            created_at: m.created_at.clone(),
            kind: m.kind,
            app_version: m.app_version.clone(),
            schema_version: m.schema_version.clone(),
            counts: m.counts.clone(),
            attachments: m
                .parts
                .iter()
                .filter(|p| p.name.starts_with(ATTACHMENTS))
                .count(),
            missing: m.missing.clone(),
            database_id: m.database_id.clone(),
        }
    }

    /// Whether this is a backup of the database `id`. A backup that names no
    /// database (written before databases had one) belongs to none.
    pub fn of_database(&self, id: Option<&str>) -> bool {
        id.is_some() && self.database_id.as_deref() == id
    }
}

/// Removes the hidden working files that killed backups, restores and
/// upgrades left beside the database and in its backup folder (none that a
/// running process holds); names what it removed, for the log.
pub fn clean_strays(db_path: &Path, folder: &Path) -> Vec<PathBuf> {
    let dir = db_path
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let mut removed = db::files::clean_strays(dir);
    if folder != dir {
        removed.extend(db::files::clean_strays(folder));
    }
    removed
}

/// The identity of a database (kept in the file since migration 000015).
pub async fn database_id<C: ConnectionTrait>(db: &C) -> AppResult<Option<String>> {
    crate::settings::get_json(db, "database_id").await
}

/// Where backups go unless Settings names a folder: `backups/` beside the database.
pub fn default_folder(db_path: &Path) -> PathBuf {
    db_path
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."))
        .join("backups")
}

/// `dealerdesk-20261202-081530-123-manual.ddbak`: local time to the millisecond.
pub fn file_name(kind: BackupKind, at: DateTime<FixedOffset>) -> String {
    format!(
        "dealerdesk-{}-{}.{EXT}",
        at.format("%Y%m%d-%H%M%S-%3f"),
        kind.tag()
    )
}

/// Settings of the backups: the folder (empty: the default) and how many
/// automatic backups the rotation keeps.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct BackupSettings {
    pub folder: String,
    pub keep_daily: u32,
    pub keep_weekly: u32,
    pub keep_monthly: u32,
}

impl Default for BackupSettings {
    fn default() -> Self {
        BackupSettings {
            folder: String::new(),
            keep_daily: 7,
            keep_weekly: 4,
            keep_monthly: 12,
        }
    }
}

impl BackupSettings {
    pub fn folder_for(&self, db_path: &Path) -> PathBuf {
        if self.folder.trim().is_empty() {
            default_folder(db_path)
        } else {
            PathBuf::from(self.folder.trim())
        }
    }
}

const KEY_SETTINGS: &str = "backup";

pub async fn load_settings<C: ConnectionTrait>(db: &C) -> AppResult<BackupSettings> {
    Ok(crate::settings::get_json(db, KEY_SETTINGS)
        .await?
        .unwrap_or_default())
}

/// The settings, or the defaults when the database cannot be read (a damaged
/// file still has its backups found).
pub async fn settings_or_default(db: Option<&DatabaseConnection>) -> BackupSettings {
    match db {
        Some(db) => load_settings(db).await.unwrap_or_default(),
        None => BackupSettings::default(),
    }
}

pub async fn save_settings(
    db: &DatabaseConnection,
    actor: &Actor,
    s: BackupSettings,
) -> AppResult<BackupSettings> {
    actor.require(Right::Settings)?;
    for (field, n) in [
        ("keep_daily", s.keep_daily),
        ("keep_weekly", s.keep_weekly),
        ("keep_monthly", s.keep_monthly),
    ] {
        if n > 1000 {
            return Err(AppError::field(field, ErrorCode::OutOfRange));
        }
    }
    if s.keep_daily + s.keep_weekly + s.keep_monthly == 0 {
        return Err(AppError::field("keep_daily", ErrorCode::Required));
    }
    let s = BackupSettings {
        folder: s.folder.trim().to_string(),
        ..s
    };
    if !s.folder.is_empty() && !Path::new(&s.folder).is_absolute() {
        return Err(AppError::field("folder", ErrorCode::NotOpenable));
    }
    if !s.folder.is_empty() {
        check_writable(Path::new(&s.folder))?;
    }
    let txn = db::write(db).await?;
    let before = load_settings(&txn).await?;
    crate::settings::put_json(&txn, KEY_SETTINGS, &s).await?;
    let changes = crate::audit::diff(Some(&before), &s, &[]);
    if !changes.is_empty() {
        crate::audit::record(&txn, actor, "settings", 0, "backup_settings", &changes).await?;
    }
    txn.commit().await?;
    Ok(s)
}

/// Whether backups can be written into `folder` (made if missing): a file is
/// written there and removed, as a USB stick or a network share may refuse.
pub fn check_writable(folder: &Path) -> AppResult<()> {
    let refused = |e: std::io::Error| {
        AppError::field_detail(
            "folder",
            ErrorCode::FolderNotWritable,
            format!("{}: {e}", folder.display()),
        )
    };
    std::fs::create_dir_all(folder).map_err(refused)?;
    let probe = folder.join(format!(".dealerdesk-write-check-{}", std::process::id()));
    std::fs::write(&probe, b"DealerDesk").map_err(refused)?;
    std::fs::remove_file(&probe).map_err(refused)
}

/// Backs up into `folder`, named by kind and time (see `file_name`).
pub async fn create_in(
    conn: &DatabaseConnection,
    attachments_root: &Path,
    folder: &Path,
    kind: BackupKind,
    at: DateTime<FixedOffset>,
) -> AppResult<BackupInfo> {
    std::fs::create_dir_all(folder)
        .map_err(|e| AppError::io(format!("{}: {e}", folder.display())))?;
    create(
        conn,
        attachments_root,
        &folder.join(file_name(kind, at)),
        kind,
        at,
    )
    .await
}

/// Writes one backup file at `target` (refused if it exists). The database
/// is copied from one snapshot while others keep working; the file appears
/// under its name only once it is whole.
pub async fn create(
    conn: &DatabaseConnection,
    attachments_root: &Path,
    target: &Path,
    kind: BackupKind,
    at: DateTime<FixedOffset>,
) -> AppResult<BackupInfo> {
    if target.exists() {
        return Err(AppError::Conflict {
            field: "path".into(),
            value: target.display().to_string(),
        });
    }
    // Working files of this backup's own, locked while in use and removed on
    // every exit path (a killed run leaves strays that the next start removes).
    let partial = Scratch::beside(target, "partial")?;
    let snapshot = Scratch::beside(target, "snapshot")?;
    db::copy_to_empty(conn, snapshot.path()).await?;
    let copy = db::connect_read_only(snapshot.path()).await?;
    // A damaged file is refused, not backed up into a file its own check
    // would refuse; the caller names the file (`files::at_path`).
    let checked = db::integrity_check(&copy, Path::new("")).await;
    let described = match checked {
        Ok(()) => describe(&copy).await,
        Err(e) => Err(e),
    };
    copy.close().await.ok();
    let (schema_version, counts, attachments) = described?;
    let (snap, part, root) = (
        snapshot.path().to_path_buf(),
        partial.path().to_path_buf(),
        attachments_root.to_path_buf(),
    );
    let database_id = database_id(conn).await?;
    let manifest = tokio::task::spawn_blocking(move || {
        write_zip(&part, &snap, &root, &attachments, |parts, missing| {
            Manifest {
                format: FORMAT,
                app_version: env!("CARGO_PKG_VERSION").to_string(),
                schema_version,
                created_at: at.to_rfc3339(),
                kind,
                counts,
                parts,
                missing,
                database_id,
            }
        })
    })
    .await
    .map_err(AppError::io)??;
    drop(snapshot);
    if target.exists() {
        return Err(AppError::Conflict {
            field: "path".into(),
            value: target.display().to_string(),
        });
    }
    partial.persist(target)?;
    Ok(BackupInfo::of(target, &manifest))
}

/// The copy's schema version, its row counts and the attachments it names
/// (paths relative to the attachment folder).
async fn describe(
    copy: &DatabaseConnection,
) -> AppResult<(String, BTreeMap<String, i64>, Vec<String>)> {
    let applied = match migrate::inspect(copy).await? {
        migrate::Shape::DealerDesk { applied } => applied,
        migrate::Shape::Newer { unknown } => std::iter::once(unknown).collect(),
        _ => Default::default(),
    };
    let schema_version = migrate::newest(&applied).unwrap_or_default();
    Ok((schema_version, counts(copy).await?, referenced(copy).await?))
}

async fn strings(db: &DatabaseConnection, sql: &str) -> AppResult<Vec<Vec<String>>> {
    let rows = db
        .query_all_raw(Statement::from_string(db.get_database_backend(), sql))
        .await?;
    Ok(rows
        .iter()
        .map(|r| {
            (0..2)
                .filter_map(|i| {
                    r.try_get_by_index::<String>(i)
                        .ok()
                        .or_else(|| r.try_get_by_index::<i64>(i).ok().map(|n| n.to_string()))
                })
                .collect()
        })
        .collect())
}

/// Rows per table (DealerDesk's tables, not SQLite's or the history).
pub async fn counts(db: &DatabaseConnection) -> AppResult<BTreeMap<String, i64>> {
    let tables = strings(
        db,
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' \
         AND name <> 'seaql_migrations' ORDER BY name",
    )
    .await?;
    let mut out = BTreeMap::new();
    for t in tables.into_iter().filter_map(|r| r.into_iter().next()) {
        let n = db
            .query_one_raw(Statement::from_string(
                db.get_database_backend(),
                format!("SELECT COUNT(*) FROM \"{}\"", t.replace('"', "\"\"")),
            ))
            .await?
            .and_then(|r| r.try_get_by_index::<i64>(0).ok())
            .unwrap_or(0);
        out.insert(t, n);
    }
    Ok(out)
}

/// The attachment files the database refers to, relative to the attachment
/// folder (which several database files may share).
async fn referenced(db: &DatabaseConnection) -> AppResult<Vec<String>> {
    let mut out = Vec::new();
    for (sql, folder) in [
        (
            "SELECT distributor_id, stored_name FROM attachment",
            crate::attachment::FOLDER,
        ),
        (
            "SELECT id, scan_name FROM agreement WHERE scan_name <> ''",
            crate::agreement::SCAN_FOLDER,
        ),
        (
            "SELECT complaint_id, text FROM complaint_event WHERE kind = 'attachment'",
            crate::complaint::ATTACHMENT_FOLDER,
        ),
    ] {
        for row in strings(db, sql).await? {
            if let [id, name] = row.as_slice() {
                let rel = if folder.is_empty() {
                    format!("{id}/{name}")
                } else {
                    format!("{folder}/{id}/{name}")
                };
                // A name changed to leave the folder is not followed.
                if safe_relative(&rel) {
                    out.push(rel);
                }
            }
        }
    }
    out.sort();
    out.dedup();
    Ok(out)
}

/// A relative attachment path that stays inside the folder: plain names only.
pub(crate) fn safe_relative(rel: &str) -> bool {
    !rel.is_empty()
        && rel.split('/').all(|c| {
            !c.is_empty() && c != "." && c != ".." && crate::attachment::sanitize_file_name(c) == c
        })
}

pub(crate) fn hashing_copy(
    mut from: impl Read,
    to: &mut impl Write,
) -> std::io::Result<(u64, String)> {
    let mut hasher = Sha256::new();
    let mut buf = vec![0u8; 1 << 16];
    let mut size = 0u64;
    loop {
        let n = from.read(&mut buf)?;
        if n == 0 {
            break;
        }
        hasher.update(&buf[..n]);
        to.write_all(&buf[..n])?;
        size += n as u64;
    }
    Ok((size, format!("{:x}", hasher.finalize())))
}

fn write_zip(
    target: &Path,
    snapshot: &Path,
    root: &Path,
    attachments: &[String],
    manifest: impl FnOnce(Vec<Part>, Vec<String>) -> Manifest,
) -> AppResult<Manifest> {
    use zip::write::SimpleFileOptions;
    let io = |e: std::io::Error| AppError::io(format!("{}: {e}", target.display()));
    let zerr = |e: zip::result::ZipError| AppError::io(format!("{}: {e}", target.display()));
    let file = File::create(target).map_err(io)?;
    let mut zip = zip::ZipWriter::new(std::io::BufWriter::new(file));
    let deflated = SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .compression_level(Some(1))
        .large_file(true);
    // Attachments are mostly scans and PDFs, already compressed.
    let stored = SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Stored)
        .large_file(true);
    let mut parts = Vec::new();
    let mut missing = Vec::new();

    zip.start_file(DATABASE, deflated).map_err(zerr)?;
    let (size, sha256) = hashing_copy(
        File::open(snapshot).map_err(|e| AppError::io(format!("{}: {e}", snapshot.display())))?,
        &mut zip,
    )
    .map_err(io)?;
    parts.push(Part {
        name: DATABASE.into(),
        size,
        sha256,
    });
    for rel in attachments {
        let path = rel.split('/').fold(root.to_path_buf(), |p, c| p.join(c));
        let Ok(source) = File::open(&path) else {
            missing.push(rel.clone());
            continue;
        };
        let name = format!("{ATTACHMENTS}{rel}");
        zip.start_file(name.as_str(), stored).map_err(zerr)?;
        let (size, sha256) = hashing_copy(source, &mut zip).map_err(io)?;
        parts.push(Part { name, size, sha256 });
    }
    let manifest = manifest(parts, missing);
    zip.start_file(MANIFEST, deflated).map_err(zerr)?;
    zip.write_all(
        serde_json::to_string_pretty(&manifest)
            .map_err(AppError::io)?
            .as_bytes(),
    )
    .map_err(io)?;
    let writer = zip.finish().map_err(zerr)?;
    let file = writer.into_inner().map_err(|e| io(e.into_error()))?;
    file.sync_all().map_err(io)?;
    Ok(manifest)
}

pub(crate) fn bad(path: &Path, why: impl Into<String>) -> AppError {
    AppError::file(FileProblem::BadBackup, path, Some(why.into()))
}

pub(crate) fn empty_manifest() -> Manifest {
    Manifest {
        format: FORMAT,
        app_version: String::new(),
        schema_version: String::new(),
        created_at: String::new(),
        kind: BackupKind::BeforeRestore,
        counts: BTreeMap::new(),
        parts: Vec::new(),
        missing: Vec::new(),
        database_id: None,
    }
}

pub(crate) fn read_manifest(path: &Path) -> AppResult<Manifest> {
    let f = File::open(path).map_err(|e| AppError::io(format!("{}: {e}", path.display())))?;
    let mut zip = zip::ZipArchive::new(f).map_err(|e| bad(path, e.to_string()))?;
    let entry = zip
        .by_name(MANIFEST)
        .map_err(|_| bad(path, "no manifest"))?;
    serde_json::from_reader(entry).map_err(|e| bad(path, format!("manifest: {e}")))
}
