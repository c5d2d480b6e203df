//! Restoring a backup over the database: verified first, the current data
//! backed up, attachments put back, then one rename swaps the files. A crash
//! at any point leaves the old data or the new, never a mix; the old `-wal`
//! and `-shm` go with the old file. The caller closes its own connections
//! first and opens (and migrates) the restored file after.
use std::path::{Path, PathBuf};

use chrono::{DateTime, FixedOffset};
use serde::Serialize;
use ts_rs::TS;

use super::verify::PackedAttachment;
use super::{create_in, hashing_copy, verify, BackupInfo, BackupKind};
use crate::db::{self, files::Scratch, files::UseLock};
use crate::error::{AppError, AppResult};

/// What a restore did.
#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct Restored {
    /// What was restored.
    pub info: BackupInfo,
    /// Where the data it replaced was kept.
    pub safety_copy: Option<String>,
}

/// Where the database lives and where its backups go.
pub struct Place<'a> {
    pub db_path: &'a Path,
    pub attachments_root: &'a Path,
    pub backups: &'a Path,
}

/// Checks `file` as a restore would, without changing anything. The
/// database's shared lock is held meanwhile, so a restore of the same file
/// waits for the check or is refused.
pub async fn inspect(file: &Path, db_path: &Path) -> AppResult<BackupInfo> {
    let _lock = UseLock::shared(db_path)?;
    let verified = verify(file, db_path).await?;
    Ok(verified.info.clone())
}

/// Restores `file` over the database at `place.db_path`. Refused while any
/// other DealerDesk process has the file open; nothing changes when the
/// backup is damaged, foreign or newer.
pub async fn restore(
    place: &Place<'_>,
    file: &Path,
    at: DateTime<FixedOffset>,
) -> AppResult<Restored> {
    let lock = UseLock::exclusive(place.db_path)?;
    restore_holding(place, file, at, &lock).await
}

/// `restore` for a caller that already holds the file exclusively (the
/// window, which lets go of its own shared lock first). The backup is
/// verified under that lock, into a scratch file of this restore's own, and
/// that very file is the one swapped in.
pub async fn restore_holding(
    place: &Place<'_>,
    file: &Path,
    at: DateTime<FixedOffset>,
    _exclusive: &UseLock,
) -> AppResult<Restored> {
    let db_path = place.db_path;
    let verified = verify(file, db_path).await?;

    let safety_copy = keep_current(place, at).await?;

    if verified.archive {
        let (from, root) = (file.to_path_buf(), place.attachments_root.to_path_buf());
        let items = verified.attachments.clone();
        tokio::task::spawn_blocking(move || put_back_attachments(&from, &root, &items))
            .await
            .map_err(AppError::io)??;
    }

    let info = verified.info.clone();
    swap_in(verified.into_database(), db_path)?;
    Ok(Restored {
        info,
        safety_copy: safety_copy.map(|p| p.display().to_string()),
    })
}

/// Backs up the data about to be replaced. A file DealerDesk cannot copy
/// (damaged, not a database) is kept as it is, with its `-wal`, beside the
/// backups. `None` when there is nothing to keep.
async fn keep_current(place: &Place<'_>, at: DateTime<FixedOffset>) -> AppResult<Option<PathBuf>> {
    let db_path = place.db_path;
    if !db_path.metadata().map(|m| m.len() > 0).unwrap_or(false) {
        return Ok(None);
    }
    let archived = async {
        let conn = db::connect(db_path).await?;
        let made = create_in(
            &conn,
            place.attachments_root,
            place.backups,
            BackupKind::BeforeRestore,
            at,
        )
        .await;
        // The log goes into the file, so nothing is left only in the -wal
        // that the swap removes.
        let closed = db::close(conn).await;
        let made = made?;
        closed?;
        Ok::<_, AppError>(PathBuf::from(made.path))
    }
    .await;
    if let Ok(p) = archived {
        return Ok(Some(p));
    }
    std::fs::create_dir_all(place.backups)
        .map_err(|e| AppError::io(format!("{}: {e}", place.backups.display())))?;
    let base = place.backups.join(format!(
        "dealerdesk-{}-before-restore.sqlite",
        at.format("%Y%m%d-%H%M%S-%3f")
    ));
    for suffix in ["", "-wal"] {
        let from = PathBuf::from(format!("{}{suffix}", db_path.display()));
        if from.exists() {
            let to = PathBuf::from(format!("{}{suffix}", base.display()));
            std::fs::copy(&from, &to)
                .map_err(|e| AppError::io(format!("{}: {e}", to.display())))?;
        }
    }
    Ok(Some(base))
}

/// Writes each attachment of the backup that is not already there with the
/// backup's checksum, whole (a scratch file, then a rename): a damaged file
/// of the same size is replaced too.
fn put_back_attachments(file: &Path, root: &Path, items: &[PackedAttachment]) -> AppResult<()> {
    let f =
        std::fs::File::open(file).map_err(|e| AppError::io(format!("{}: {e}", file.display())))?;
    let mut zip = zip::ZipArchive::new(f).map_err(|e| AppError::io(e.to_string()))?;
    for item in items {
        let target = item
            .rel
            .split('/')
            .fold(root.to_path_buf(), |p, c| p.join(c));
        if sha256_of(&target).is_some_and(|sha| sha == item.sha256) {
            continue;
        }
        let mut entry = zip
            .by_name(&item.name)
            .map_err(|e| AppError::io(e.to_string()))?;
        let tmp = Scratch::beside(&target, "restoring")?;
        let mut out = std::fs::File::create(tmp.path())
            .map_err(|e| AppError::io(format!("{}: {e}", tmp.path().display())))?;
        let (_, sha) = hashing_copy(&mut entry, &mut out)
            .map_err(|e| AppError::io(format!("{}: {e}", tmp.path().display())))?;
        if sha != item.sha256 {
            return Err(super::bad(
                file,
                format!("{} does not match its checksum", item.name),
            ));
        }
        drop(out);
        tmp.persist(&target)?;
    }
    Ok(())
}

/// The SHA-256 of a file, if it can be read.
fn sha256_of(path: &Path) -> Option<String> {
    let f = std::fs::File::open(path).ok()?;
    hashing_copy(f, &mut std::io::sink())
        .ok()
        .map(|(_, sha)| sha)
}

/// The swap: the old log files go first (the current data was checkpointed
/// into its file and backed up), then one rename puts the new file in place.
fn swap_in(new: Scratch, db_path: &Path) -> AppResult<()> {
    std::fs::File::open(new.path())
        .and_then(|f| f.sync_all())
        .map_err(|e| AppError::io(format!("{}: {e}", new.path().display())))?;
    for suffix in ["-wal", "-shm", "-journal"] {
        let p = PathBuf::from(format!("{}{suffix}", db_path.display()));
        match std::fs::remove_file(&p) {
            Ok(()) => {}
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
            Err(e) => return Err(AppError::io(format!("{}: {e}", p.display()))),
        }
    }
    new.persist(db_path)
}
