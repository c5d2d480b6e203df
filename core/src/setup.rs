//! The first start and the About box: whether the window greets a new
//! office with its guide, and what the program says about itself, its
//! files and its licences.
use std::path::{Path, PathBuf};

use chrono::{DateTime, Utc};
use sea_orm::{ConnectionTrait, EntityTrait, PaginatorTrait};
use serde::Serialize;
use ts_rs::TS;

use crate::backup;
use crate::db::migrate;
use crate::entity::distributor;
use crate::error::AppResult;
use crate::settings::{get_json, put_json};

const KEY_FIRST_START: &str = "first_start_done";

/// DealerDesk's licence, as installed beside the program.
pub const LICENCE: &str = include_str!("../../LICENSE");
/// The licence of the fonts printed into the PDFs (Noto Sans SC).
pub const FONT_LICENCE: &str = include_str!("../assets/fonts/OFL.txt");

/// Whether the window shows its first-start guide.
#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct FirstStart {
    /// An empty database whose guide was neither finished nor closed.
    pub show: bool,
    /// When the guide was finished or closed (RFC 3339), if it was.
    pub done_at: Option<String>,
}

pub async fn first_start<C: ConnectionTrait>(db: &C) -> AppResult<FirstStart> {
    let done_at: Option<String> = get_json(db, KEY_FIRST_START).await?;
    let empty = distributor::Entity::find().count(db).await? == 0;
    Ok(FirstStart {
        show: done_at.is_none() && empty,
        done_at,
    })
}

/// The guide was finished or closed: it is not shown again by itself (Settings
/// and the Help menu still open it). The first time counts.
pub async fn finish_first_start<C: ConnectionTrait>(db: &C, now: DateTime<Utc>) -> AppResult<()> {
    let done: Option<String> = get_json(db, KEY_FIRST_START).await?;
    if done.is_none() {
        put_json(db, KEY_FIRST_START, &now.to_rfc3339()).await?;
    }
    Ok(())
}

/// What the About box shows.
#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct About {
    pub version: String,
    /// The newest migration the database has (its schema version).
    pub schema_version: String,
    /// How many migrations the database has run, of how many this program knows.
    pub migrations_applied: u32,
    pub migrations_known: u32,
    pub db_path: String,
    /// The database file and its write-ahead log, in bytes.
    #[ts(type = "number")]
    pub db_bytes: u64,
    /// The folder holding the database and the attachments.
    pub data_folder: String,
    pub backup_folder: String,
    /// The newest readable backup in the backup folder, if any.
    pub last_backup: Option<backup::BackupInfo>,
    pub licence: String,
    pub font_licence: String,
}

fn size(path: &Path) -> u64 {
    std::fs::metadata(path).map(|m| m.len()).unwrap_or(0)
}

pub async fn about<C: ConnectionTrait>(
    db: &C,
    db_path: &Path,
    backup_folder: &Path,
) -> AppResult<About> {
    let applied = match migrate::inspect(db).await? {
        migrate::Shape::DealerDesk { applied } => applied,
        _ => Default::default(),
    };
    let db_bytes = if crate::db::server::is_server(db) {
        crate::db::server::size(db).await?
    } else {
        let wal = PathBuf::from(format!("{}-wal", db_path.display()));
        size(db_path) + size(&wal)
    };
    let last_backup = backup::list(backup_folder)
        .into_iter()
        .find(|b| b.problem.is_none())
        .map(|b| b.info);
    Ok(About {
        version: env!("CARGO_PKG_VERSION").into(),
        schema_version: migrate::newest(&applied).unwrap_or_default(),
        migrations_applied: applied.len() as u32,
        migrations_known: migrate::known().len() as u32,
        db_path: db_path.display().to_string(),
        db_bytes,
        data_folder: db_path
            .parent()
            .map(|p| p.display().to_string())
            .unwrap_or_default(),
        backup_folder: backup_folder.display().to_string(),
        last_backup,
        licence: LICENCE.into(),
        font_licence: FONT_LICENCE.into(),
    })
}
