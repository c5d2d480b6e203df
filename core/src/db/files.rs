//! The database file as a file: a folder or a read-only file is named before
//! SQLite sees it, and a lock beside it tells one DealerDesk process that
//! another has the file open (a restore must not swap a file in use).
use std::fs::{File, OpenOptions, TryLockError};
use std::path::{Path, PathBuf};

use crate::error::{AppError, AppResult, FileProblem};

/// Refuses a folder, a read-only file or a read-only folder (SQLite writes
/// its `-wal` and `-shm` beside the file) before anything is opened; creates
/// the folder of a new file.
pub fn check_target(path: &Path) -> AppResult<()> {
    if path.is_dir() {
        return Err(AppError::file(FileProblem::Folder, path, None));
    }
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir)
            .map_err(|e| AppError::io(format!("{}: {e}", dir.display())))?;
        // Windows sets the read-only attribute on folders for other reasons
        // (a custom icon) and ignores it for files inside: only a Unix folder
        // without write permission stops SQLite writing its -wal and -shm.
        if cfg!(unix) && read_only(dir) {
            return Err(AppError::file(
                FileProblem::ReadOnly,
                path,
                Some(dir.display().to_string()),
            ));
        }
    }
    if path.exists() {
        if read_only(path) {
            return Err(AppError::file(FileProblem::ReadOnly, path, None));
        }
        if let Err(e) = OpenOptions::new().read(true).write(true).open(path) {
            return Err(match e.kind() {
                std::io::ErrorKind::PermissionDenied => {
                    AppError::file(FileProblem::ReadOnly, path, Some(e.to_string()))
                }
                _ => AppError::io(format!("{}: {e}", path.display())),
            });
        }
    }
    Ok(())
}

/// Read-only as the file manager shows it (the permission bits), which holds
/// even for an administrator who could write anyway.
fn read_only(path: &Path) -> bool {
    path.metadata()
        .map(|m| m.permissions().readonly())
        .unwrap_or(false)
}

/// Puts the file's path into a file error raised without one (SQLite's
/// codes are turned into `DataFile` errors far from the path).
pub fn at_path(e: AppError, path: &Path) -> AppError {
    match e {
        AppError::DataFile {
            problem,
            path: p,
            detail,
            version,
            recovery,
        } if p.is_empty() => AppError::DataFile {
            problem,
            path: path.display().to_string(),
            detail,
            version,
            recovery,
        },
        other => other,
    }
}

/// `<file>.lock` beside the database: every DealerDesk process that has the
/// file open holds a shared lock on it; a restore takes it exclusively.
/// Writers never wait on it (SQLite's own locks order the writes), so the
/// CLI always writes beside the app.
pub struct UseLock {
    file: File,
}

impl std::fmt::Debug for UseLock {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("UseLock")
    }
}

pub fn lock_path(db_path: &Path) -> PathBuf {
    db_path.with_file_name(format!("{}.lock", super::file_name(db_path)))
}

impl UseLock {
    /// Shared: many windows and commands may hold it at once.
    pub fn shared(db_path: &Path) -> AppResult<UseLock> {
        let file = lock_file(db_path)?;
        file.lock_shared()
            .map_err(|e| AppError::io(format!("{}: {e}", lock_path(db_path).display())))?;
        Ok(UseLock { file })
    }

    /// Lets go of a shared lock (so this process can take it exclusively).
    pub fn release(&self) {
        self.file.unlock().ok();
    }

    /// Takes the shared lock again after `release`.
    pub fn reacquire(&self) -> AppResult<()> {
        self.file
            .lock_shared()
            .map_err(|e| AppError::io(format!("lock: {e}")))
    }

    /// Exclusive, or `in_use` at once when any other process holds the file.
    pub fn exclusive(db_path: &Path) -> AppResult<UseLock> {
        let file = lock_file(db_path)?;
        match file.try_lock() {
            Ok(()) => Ok(UseLock { file }),
            Err(TryLockError::WouldBlock) => Err(AppError::file(FileProblem::InUse, db_path, None)),
            Err(TryLockError::Error(e)) => Err(AppError::io(format!(
                "{}: {e}",
                lock_path(db_path).display()
            ))),
        }
    }
}

fn lock_file(db_path: &Path) -> AppResult<File> {
    let path = lock_path(db_path);
    OpenOptions::new()
        .read(true)
        .write(true)
        .create(true)
        .truncate(false)
        .open(&path)
        .map_err(|e| match e.kind() {
            std::io::ErrorKind::PermissionDenied => {
                AppError::file(FileProblem::ReadOnly, db_path, Some(e.to_string()))
            }
            _ => AppError::io(format!("{}: {e}", path.display())),
        })
}
