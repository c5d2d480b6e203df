//! The backup folder as the user sees it: its files newest first, the last
//! automatic backup, and the automatic backup of a day's first start.
use std::path::Path;

use chrono::{DateTime, FixedOffset};
use sea_orm::{DatabaseConnection, EntityTrait, PaginatorTrait};
use serde::Serialize;
use ts_rs::TS;

use super::{
    create_in, database_id, empty_manifest, load_settings, read_manifest, rotation, BackupInfo,
    BackupKind, BackupSettings, EXT,
};
use crate::error::{AppError, AppResult};

/// The backups in `folder`, newest first, as their manifests describe them
/// (a file whose manifest cannot be read is listed by its name and size).
pub fn list(folder: &Path) -> Vec<BackupListed> {
    let mut out: Vec<BackupListed> = std::fs::read_dir(folder)
        .map(|rd| {
            rd.filter_map(|e| e.ok())
                .map(|e| e.path())
                .filter(|p| p.extension().is_some_and(|x| x == EXT))
                .map(|p| match read_manifest(&p) {
                    Ok(m) => BackupListed {
                        info: BackupInfo::of(&p, &m),
                        problem: None,
                    },
                    Err(e) => BackupListed {
                        info: BackupInfo::of(&p, &empty_manifest()),
                        problem: Some(e.to_string()),
                    },
                })
                .collect()
        })
        .unwrap_or_default();
    out.sort_by(|a, b| b.info.file_name.cmp(&a.info.file_name));
    out
}

/// The outcome of the last automatic backup this run tried.
#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct BackupAttempt {
    pub at: String,
    /// The backup written; none when it failed.
    pub backup: Option<BackupInfo>,
    pub error: Option<AppError>,
}

/// The backup folder as the Settings page shows it.
#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct BackupOverview {
    pub folder: String,
    pub settings: BackupSettings,
    /// Newest first.
    pub backups: Vec<BackupListed>,
    /// When the newest automatic backup was made.
    pub last_success: Option<String>,
    /// This run's automatic backup, if it was due.
    pub last_attempt: Option<BackupAttempt>,
}

pub fn overview(
    db_path: &Path,
    settings: BackupSettings,
    last_attempt: Option<BackupAttempt>,
) -> BackupOverview {
    let folder = settings.folder_for(db_path);
    let backups = list(&folder);
    let last_success = backups
        .iter()
        .filter(|b| b.problem.is_none() && b.info.kind == BackupKind::Automatic)
        .map(|b| b.info.created_at.clone())
        .next();
    BackupOverview {
        folder: folder.display().to_string(),
        settings,
        backups,
        last_success,
        last_attempt,
    }
}

/// The backup of the first start of a day: skipped when one was already
/// made that (local) day or the database holds no distributor; the rotation
/// prunes after a backup succeeded. `None` when nothing was due.
pub async fn automatic(
    conn: &DatabaseConnection,
    db_path: &Path,
    attachments_root: &Path,
    at: DateTime<FixedOffset>,
) -> AppResult<Option<BackupInfo>> {
    let settings = load_settings(conn).await?;
    let folder = settings.folder_for(db_path);
    let id = database_id(conn).await?;
    let today = crate::dates::day_of(at);
    if rotation::automatic(&folder, id.as_deref())
        .iter()
        .any(|(when, _)| when.date() == today)
    {
        return Ok(None);
    }
    let distributors = crate::entity::distributor::Entity::find()
        .count(conn)
        .await?;
    if distributors == 0 {
        return Ok(None);
    }
    let info = create_in(conn, attachments_root, &folder, BackupKind::Automatic, at).await?;
    rotation::prune(&folder, &settings, id.as_deref());
    Ok(Some(info))
}

/// One file of the backup folder.
#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct BackupListed {
    pub info: BackupInfo,
    /// Why its manifest cannot be read, if it cannot.
    pub problem: Option<String>,
}
