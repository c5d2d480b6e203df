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
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir).ok();
    }
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

/// The endings of DealerDesk's hidden working files: a backup's database
/// unpacked for checking or restoring, a backup being written and the
/// snapshot it is written from, a copy before a migration.
pub const SCRATCH_TAGS: &[&str] = &["restoring", "partial", "snapshot", "premigration"];

/// A hidden working file (`.<stem>.<pid>-<n>.<tag>`): a name no other
/// process or call shares, locked while it is in use so a later start can tell
/// a stray left by a killed process from one another process is using, and
/// removed when dropped — on every exit path — unless `persist` renamed it.
pub struct Scratch {
    path: PathBuf,
    // Held for the lock; the work writes through handles of its own.
    _file: File,
    keep: bool,
}

impl std::fmt::Debug for Scratch {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Scratch({})", self.path.display())
    }
}

impl Scratch {
    /// An empty, locked file in `dir` (SQLite's `VACUUM INTO` writes into an
    /// empty file as into a new one).
    pub fn new(dir: &Path, stem: &str, tag: &str) -> AppResult<Scratch> {
        use std::sync::atomic::{AtomicU64, Ordering};
        static NEXT: AtomicU64 = AtomicU64::new(0);
        debug_assert!(SCRATCH_TAGS.contains(&tag));
        std::fs::create_dir_all(dir)
            .map_err(|e| AppError::io(format!("{}: {e}", dir.display())))?;
        loop {
            let n = NEXT.fetch_add(1, Ordering::Relaxed);
            let path = dir.join(format!(".{stem}.{}-{n}.{tag}", std::process::id()));
            match OpenOptions::new()
                .read(true)
                .write(true)
                .create_new(true)
                .open(&path)
            {
                Ok(file) => {
                    file.lock()
                        .map_err(|e| AppError::io(format!("{}: {e}", path.display())))?;
                    // Between creating and locking, another process's
                    // `clean_strays` may have taken the file for a stray: it
                    // holds the lock until it has removed it, so once the
                    // lock is ours the name either is still there or is gone.
                    if !path.exists() {
                        continue;
                    }
                    return Ok(Scratch {
                        path,
                        _file: file,
                        keep: false,
                    });
                }
                // A stray of an earlier process with the same id: take the next number.
                Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => continue,
                Err(e) => return Err(AppError::io(format!("{}: {e}", path.display()))),
            }
        }
    }

    /// Beside `target`, named after it.
    pub fn beside(target: &Path, tag: &str) -> AppResult<Scratch> {
        let dir = target
            .parent()
            .filter(|d| !d.as_os_str().is_empty())
            .unwrap_or(Path::new("."));
        Scratch::new(dir, &super::file_name(target), tag)
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Renames the file to `target` (made durable) and keeps it.
    pub fn persist(mut self, target: &Path) -> AppResult<()> {
        std::fs::File::open(&self.path)
            .and_then(|f| f.sync_all())
            .map_err(|e| AppError::io(format!("{}: {e}", self.path.display())))?;
        std::fs::rename(&self.path, target)
            .map_err(|e| AppError::io(format!("{}: {e}", target.display())))?;
        self.keep = true;
        sync_folder(target);
        Ok(())
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        if !self.keep {
            std::fs::remove_file(&self.path).ok();
        }
    }
}

/// A rename is durable once its folder is written (not on Windows, where a
/// folder cannot be opened so).
pub fn sync_folder(path: &Path) {
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        if let Ok(d) = File::open(dir) {
            d.sync_all().ok();
        }
    }
}

/// Whether a file name is one of the hidden working files (`Scratch`):
/// `.<name>.<pid>-<n>.<tag>` with one of `SCRATCH_TAGS`.
pub fn is_scratch_name(name: &str) -> bool {
    name.starts_with('.')
        && SCRATCH_TAGS
            .iter()
            .any(|t| name.strip_suffix(t).is_some_and(|s| s.ends_with('.')))
}

/// The names of the hidden working files in `dir`, held or not (what
/// `clean_strays` would look at).
pub fn scratch_names(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .map(|rd| {
            rd.flatten()
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .filter(|n| is_scratch_name(n))
                .collect()
        })
        .unwrap_or_default();
    names.sort();
    names
}

/// Removes the hidden working files in `dir` that no running process holds
/// (left by a killed backup, restore or upgrade, or by an older version that
/// did not lock them), and names what it removed.
pub fn clean_strays(dir: &Path) -> Vec<PathBuf> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut removed = Vec::new();
    for e in entries.flatten() {
        let name = e.file_name().to_string_lossy().into_owned();
        if !is_scratch_name(&name) || !e.file_type().is_ok_and(|t| t.is_file()) {
            continue;
        }
        let path = e.path();
        let Ok(file) = OpenOptions::new().read(true).write(true).open(&path) else {
            continue;
        };
        // Locked: another process is working with it.
        if file.try_lock().is_err() {
            continue;
        }
        if std::fs::remove_file(&path).is_ok() {
            removed.push(path);
        }
    }
    removed.sort();
    removed
}
