//! Where a saved document, export or batch may be written. Every file the
//! program writes on the user's word (a statement, a report, an export, a
//! batch folder) is checked here first: it must end in the expected
//! extension (which no file of the database's own — `-wal`, `-shm`, the lock,
//! copies before a migration, backups — has), and it must not be the open
//! database or lie in its attachments folder. `db::open` names the database
//! it opened.
use std::path::{Path, PathBuf};
use std::sync::RwLock;

use crate::error::{AppError, AppResult, ErrorCode, FieldError};

static PROTECTED: RwLock<Vec<PathBuf>> = RwLock::new(Vec::new());

/// The path as the file system resolves it: absolute, `.` and `..` taken
/// out, and its deepest existing folder's symbolic links followed, also for
/// a file (or folders) that do not exist yet.
fn resolved(path: &Path) -> PathBuf {
    use std::path::Component;
    let abs = if path.is_absolute() {
        path.to_path_buf()
    } else {
        std::env::current_dir().unwrap_or_default().join(path)
    };
    let mut norm = PathBuf::new();
    for c in abs.components() {
        match c {
            Component::ParentDir => {
                norm.pop();
            }
            Component::CurDir => {}
            other => norm.push(other),
        }
    }
    let mut existing = norm.clone();
    let mut rest = vec![];
    loop {
        if let Ok(mut out) = existing.canonicalize() {
            out.extend(rest.iter().rev());
            return out;
        }
        match existing.file_name() {
            Some(name) => {
                rest.push(name.to_owned());
                existing.pop();
            }
            None => return norm,
        }
    }
}

/// Marks `db_path` as a database in use: neither it nor anything in its
/// attachments folder can be written over.
pub fn protect_database(db_path: &Path) {
    let db = resolved(db_path);
    let attachments = db
        .parent()
        .unwrap_or_else(|| Path::new("."))
        .join("attachments");
    if let Ok(mut list) = PROTECTED.write() {
        for p in [db, attachments] {
            if !list.contains(&p) {
                list.push(p);
            }
        }
    }
}

/// Whether `path` is an open database or lies in its attachments folder.
/// (The files beside a database that belong to it — `-wal`, `-shm`, the
/// lock, copies before a migration, backups — end in no extension a
/// document is written with.)
fn protected(path: &Path) -> bool {
    let target = resolved(path);
    PROTECTED
        .read()
        .map(|list| list.iter().any(|p| target.starts_with(p)))
        .unwrap_or(false)
}

fn refused(field: &str, code: ErrorCode, path: &Path) -> AppError {
    AppError::Validation {
        fields: vec![FieldError::with_detail(
            field,
            code,
            path.display().to_string(),
        )],
    }
}

/// Refuses to write `path` (reported on `field`) unless it ends in one of
/// `extensions` (lowercase, without the dot) and is none of the database's
/// own files.
pub fn check_file(field: &str, path: &Path, extensions: &[&str]) -> AppResult<()> {
    let ext = path
        .extension()
        .map(|e| e.to_string_lossy().to_lowercase())
        .unwrap_or_default();
    if !extensions.contains(&ext.as_str()) {
        return Err(refused(field, ErrorCode::FileType, path));
    }
    if protected(path) {
        return Err(refused(field, ErrorCode::OutputPath, path));
    }
    Ok(())
}

/// Refuses a folder for a batch that is (or lies in) the database's own.
pub fn check_folder(field: &str, dir: &Path) -> AppResult<()> {
    if protected(dir) {
        return Err(refused(field, ErrorCode::OutputPath, dir));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn code(r: AppResult<()>) -> Option<&'static str> {
        match r {
            Ok(()) => None,
            Err(AppError::Validation { fields }) => Some(fields[0].code.key()),
            Err(e) => panic!("{e:?}"),
        }
    }

    #[test]
    fn the_database_and_its_files_are_refused() {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("office.sqlite");
        std::fs::write(&db, b"x").unwrap();
        std::fs::create_dir_all(dir.path().join("attachments/3")).unwrap();
        protect_database(&db);
        let at = |p: &str| dir.path().join(p);
        assert_eq!(code(check_file("path", &at("s.pdf"), &["pdf"])), None);
        assert_eq!(code(check_file("path", &at("S.PDF"), &["pdf"])), None);
        assert_eq!(
            code(check_file("path", &at("s"), &["pdf"])),
            Some("file_type")
        );
        assert_eq!(code(check_file("path", &db, &["pdf"])), Some("file_type"));
        assert_eq!(
            code(check_file("path", &db, &["sqlite"])),
            Some("output_path")
        );
        assert_eq!(
            code(check_file("path", &at("office.sqlite-wal"), &["pdf"])),
            Some("file_type")
        );
        // A document named after the database is the user's own file.
        assert_eq!(
            code(check_file("path", &at("office.sqlite.csv"), &["csv"])),
            None
        );
        assert_eq!(
            code(check_file(
                "path",
                &at("attachments/3/licence.pdf"),
                &["pdf"]
            )),
            Some("output_path")
        );
        // Through `..` and a symbolic link alike.
        assert_eq!(
            code(check_file(
                "path",
                &at("x/../attachments/3/a.pdf"),
                &["pdf"]
            )),
            Some("output_path")
        );
        std::os::unix::fs::symlink(at("attachments"), at("link")).unwrap();
        assert_eq!(
            code(check_file("path", &at("link/3/a.pdf"), &["pdf"])),
            Some("output_path")
        );
        assert_eq!(
            code(check_folder("out_dir", &at("attachments"))),
            Some("output_path")
        );
        assert_eq!(code(check_folder("out_dir", &at("prints"))), None);
    }
}
