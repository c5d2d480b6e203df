//! Checking a backup whole before anything trusts it: the manifest, every
//! part's size and SHA-256, plain attachment names, `PRAGMA integrity_check`
//! on the unpacked database, DealerDesk's schema and not newer, and the row
//! counts the manifest claims. A plain SQLite copy written before a
//! migration is accepted too.
use std::collections::BTreeMap;
use std::fs::File;
use std::io::Read;
use std::path::{Path, PathBuf};

use chrono::DateTime;
use sea_orm::DatabaseConnection;

use super::{
    bad, counts, empty_manifest, hashing_copy, safe_relative, BackupInfo, Manifest, ATTACHMENTS,
    DATABASE, FORMAT, MANIFEST,
};
use crate::db::{self, migrate};
use crate::error::{AppError, AppResult, FileProblem};

/// A plain SQLite file (a copy written before a migration) starts so.
fn is_sqlite_file(path: &Path) -> bool {
    let mut head = [0u8; 16];
    File::open(path)
        .and_then(|mut f| f.read_exact(&mut head))
        .is_ok()
        && &head == b"SQLite format 3\0"
}

/// A backup checked whole: every part against the manifest, the database by
/// `PRAGMA integrity_check` and its schema version against this program's.
/// The database is unpacked into `database` (the caller's scratch file,
/// removed when this is dropped).
pub struct Verified {
    pub info: BackupInfo,
    pub database: PathBuf,
    /// Attachments to put back: the name inside the backup and the relative path.
    pub attachments: Vec<(String, String)>,
    /// False for a plain SQLite copy (nothing to unpack but the database).
    pub archive: bool,
}

impl Drop for Verified {
    fn drop(&mut self) {
        std::fs::remove_file(&self.database).ok();
    }
}

/// Checks a backup (a `.ddbak`, or a plain SQLite copy written before a
/// migration) and unpacks its database to `scratch` for a restore. Nothing
/// else is written.
pub async fn verify(file: &Path, scratch: &Path) -> AppResult<Verified> {
    if file.is_dir() {
        return Err(AppError::file(FileProblem::Folder, file, None));
    }
    if !file.exists() {
        return Err(AppError::not_found("backup", file.display()));
    }
    std::fs::remove_file(scratch).ok();
    let (manifest, attachments, archive) = if is_sqlite_file(file) {
        std::fs::copy(file, scratch)
            .map_err(|e| AppError::io(format!("{}: {e}", scratch.display())))?;
        (None, Vec::new(), false)
    } else {
        let (f, s) = (file.to_path_buf(), scratch.to_path_buf());
        let (m, a) = tokio::task::spawn_blocking(move || unpack_checked(&f, &s))
            .await
            .map_err(AppError::io)??;
        (Some(m), a, true)
    };
    let verified = Verified {
        info: BackupInfo::of(file, manifest.as_ref().unwrap_or(&empty_manifest())),
        database: scratch.to_path_buf(),
        attachments,
        archive,
    };
    let copy = db::connect_read_only(scratch)
        .await
        .map_err(|e| bad_database(file, e))?;
    let checked = check_copy(&copy, file, manifest.as_ref()).await;
    copy.close().await.ok();
    let (schema_version, counts) = checked?;
    let mut verified = verified;
    if !verified.archive {
        verified.info.schema_version = schema_version;
        verified.info.counts = counts;
        verified.info.created_at = file
            .metadata()
            .and_then(|m| m.modified())
            .map(|t| DateTime::<chrono::Utc>::from(t).to_rfc3339())
            .unwrap_or_default();
    }
    Ok(verified)
}

fn bad_database(file: &Path, e: AppError) -> AppError {
    match e {
        AppError::DataFile {
            problem: FileProblem::NotADatabase | FileProblem::Damaged,
            detail,
            ..
        } => bad(file, detail.unwrap_or_else(|| "damaged database".into())),
        other => other,
    }
}

/// Integrity, DealerDesk's and not newer, and the counts the manifest claims.
async fn check_copy(
    copy: &DatabaseConnection,
    file: &Path,
    manifest: Option<&Manifest>,
) -> AppResult<(String, BTreeMap<String, i64>)> {
    db::integrity_check(copy, file)
        .await
        .map_err(|e| bad_database(file, e))?;
    let shape = migrate::inspect(copy)
        .await
        .map_err(|e| bad_database(file, e))?;
    let applied = match shape {
        migrate::Shape::DealerDesk { applied } => applied,
        migrate::Shape::Newer { unknown } => {
            return Err(AppError::file(
                FileProblem::NewerVersion,
                file,
                Some(unknown),
            ))
        }
        _ => return Err(bad(file, "not a DealerDesk database")),
    };
    let counts = counts(copy).await?;
    if let Some(m) = manifest {
        if m.counts != counts {
            return Err(bad(file, "row counts differ from the manifest"));
        }
    }
    Ok((migrate::newest(&applied).unwrap_or_default(), counts))
}

/// Reads the manifest, checks every part's size and SHA-256, and unpacks
/// the database to `scratch`.
fn unpack_checked(file: &Path, scratch: &Path) -> AppResult<(Manifest, Vec<(String, String)>)> {
    let f = File::open(file).map_err(|e| AppError::io(format!("{}: {e}", file.display())))?;
    let mut zip = zip::ZipArchive::new(f).map_err(|e| bad(file, e.to_string()))?;
    let manifest: Manifest = {
        let entry = zip
            .by_name(MANIFEST)
            .map_err(|_| bad(file, "no manifest"))?;
        if entry.size() > 64 << 20 {
            return Err(bad(file, "manifest too large"));
        }
        serde_json::from_reader(entry).map_err(|e| bad(file, format!("manifest: {e}")))?
    };
    if manifest.format > FORMAT {
        return Err(AppError::file(
            FileProblem::NewerVersion,
            file,
            Some(format!("backup format {}", manifest.format)),
        ));
    }
    if !manifest.parts.iter().any(|p| p.name == DATABASE) {
        return Err(bad(file, "no database in the backup"));
    }
    let mut attachments = Vec::new();
    for part in &manifest.parts {
        let check = |size: u64, sha: String| {
            if size != part.size || sha != part.sha256 {
                Err(bad(
                    file,
                    format!("{} does not match its checksum", part.name),
                ))
            } else {
                Ok(())
            }
        };
        let entry = zip
            .by_name(&part.name)
            .map_err(|_| bad(file, format!("{} is missing", part.name)))?;
        if part.name == DATABASE {
            let mut out = File::create(scratch)
                .map_err(|e| AppError::io(format!("{}: {e}", scratch.display())))?;
            let (size, sha) =
                hashing_copy(entry, &mut out).map_err(|e| bad(file, e.to_string()))?;
            out.sync_all().map_err(AppError::io)?;
            check(size, sha)?;
        } else if let Some(rel) = part.name.strip_prefix(ATTACHMENTS) {
            if !safe_relative(rel) {
                return Err(bad(file, format!("unsafe name {}", part.name)));
            }
            let (size, sha) =
                hashing_copy(entry, &mut std::io::sink()).map_err(|e| bad(file, e.to_string()))?;
            check(size, sha)?;
            attachments.push((part.name.clone(), rel.to_string()));
        } else {
            return Err(bad(file, format!("unknown part {}", part.name)));
        }
    }
    Ok((manifest, attachments))
}
