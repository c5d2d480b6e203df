//! Backup and restore from the window: the folder's overview, a backup now,
//! the settings, checking a file, and a restore that closes this window's
//! connections, swaps the files and opens the restored data.
use std::path::PathBuf;
use std::sync::Arc;

use dealerdesk_core::actor::Right;
use dealerdesk_core::api::cmd;
use dealerdesk_core::backup::{self, restore, BackupKind};
use dealerdesk_core::db::{self, files::UseLock};
use tokio::sync::OnceCell;

use crate::commands::{Req, Res};
use crate::state::AppState;

type S<'a> = tauri::State<'a, AppState>;

fn local_now() -> chrono::DateTime<chrono::FixedOffset> {
    chrono::Local::now().fixed_offset()
}

/// Backing up and restoring are the owner's. A database that cannot be used
/// at all (damaged, half-migrated) has nobody to log in: restoring a backup
/// is how it is mended, so it stays open to whoever is at the PC.
async fn may_back_up(s: &AppState) -> dealerdesk_core::AppResult<()> {
    match s.access().await {
        Ok(access) => access.require(Right::Backup),
        Err(dealerdesk_core::AppError::DataFile { .. }) => Ok(()),
        Err(e) => Err(e),
    }
}

#[tauri::command]
pub async fn backup_overview(s: S<'_>) -> Res<cmd::backup_overview> {
    let settings = s.backup_settings().await;
    let last = s.last_backup.lock().ok().and_then(|l| l.clone());
    Ok(backup::overview(&s.db_path, settings, last))
}

#[tauri::command]
pub async fn backup_now(s: S<'_>) -> Res<cmd::backup_now> {
    may_back_up(&s).await?;
    let db = s.db().await?;
    let folder = s.backup_settings().await.folder_for(&s.db_path);
    backup::create_in(
        &db,
        &s.attachments,
        &folder,
        BackupKind::Manual,
        local_now(),
    )
    .await
    .map_err(|e| db::files::at_path(e, &s.db_path))
}

#[tauri::command]
pub async fn backup_settings_save(
    s: S<'_>,
    req: Req<cmd::backup_settings_save>,
) -> Res<cmd::backup_settings_save> {
    backup::save_settings(&s.db().await?, &s.actor().await?, req).await
}

#[tauri::command]
pub async fn backup_inspect(s: S<'_>, req: Req<cmd::backup_inspect>) -> Res<cmd::backup_inspect> {
    restore::inspect(&PathBuf::from(req), &s.db_path).await
}

#[tauri::command]
pub async fn backup_restore(s: S<'_>, req: Req<cmd::backup_restore>) -> Res<cmd::backup_restore> {
    may_back_up(&s).await?;
    let file = PathBuf::from(req);
    if matches!(s.location, dealerdesk_core::db::Location::Server(_)) {
        return Err(dealerdesk_core::AppError::field(
            "backup",
            dealerdesk_core::error::ErrorCode::RestoreOnServer,
        ));
    }
    // Checked before anything closes: a bad file changes nothing.
    restore::inspect(&file, &s.db_path).await?;
    let folder = s.backup_settings().await.folder_for(&s.db_path);

    // No command gets the database while it is swapped.
    let mut session = s.session.write().await;
    let current = session.clone();
    let opened = current.get().and_then(|o| o.as_ref().ok());
    if let Some(o) = opened {
        o.lock.release();
    }
    let exclusive = match UseLock::exclusive(&s.db_path) {
        Ok(l) => l,
        Err(e) => {
            // Another window or command has the file: keep working on it.
            if let Some(o) = opened {
                o.lock.reacquire()?;
            }
            return Err(e);
        }
    };
    if let Some(o) = opened {
        db::close(o.db.clone()).await.ok();
    }
    let place = restore::Place {
        db_path: &s.db_path,
        attachments_root: &s.attachments,
        backups: &folder,
    };
    let result = restore::restore_holding(&place, &file, local_now(), &exclusive).await;
    drop(exclusive);
    // Open again, restored or not (an older backup is migrated here).
    let cell = Arc::new(OnceCell::new());
    *session = cell.clone();
    drop(session);
    let reopened = cell
        .get_or_init(|| db::open(&s.db_path, chrono::Utc::now()))
        .await;
    let restored = result?;
    if let Err(e) = reopened {
        return Err(e.clone());
    }
    Ok(restored)
}
