//! Checking a backup whole before anything trusts it: the manifest, every
//! part's size and SHA-256, plain attachment names, `PRAGMA integrity_check`
//! on the unpacked database, DealerDesk's schema and not newer, and the row
//! counts the manifest claims. A plain SQLite copy written before a
//! migration is accepted too.
use std::collections::BTreeMap;
use std::fs::File;
use std::io::Read;
use std::path::Path;

use chrono::DateTime;
use sea_orm::DatabaseConnection;

use super::{
    bad, counts, empty_manifest, hashing_copy, safe_relative, BackupInfo, Manifest, ATTACHMENTS,
    DATABASE, FORMAT, MANIFEST,
};
use crate::db::{self, files::Scratch, migrate};
use crate::error::{AppError, AppResult, FileProblem};

/// A plain SQLite file (a copy written before a migration) starts so.
fn is_sqlite_file(path: &Path) -> bool {
    let mut head = [0u8; 16];
    File::open(path)
        .and_then(|mut f| f.read_exact(&mut head))
        .is_ok()
        && &head == b"SQLite format 3\0"
}

/// An attachment of a backup: its name inside the backup, its path relative
/// to the attachment folder and its SHA-256.
#[derive(Debug, Clone)]
pub struct PackedAttachment {
    pub name: String,
    pub rel: String,
    pub sha256: String,
}

/// A backup checked whole: every part against the manifest, the database by
/// `PRAGMA integrity_check` and its schema version against this program's.
/// The database is unpacked into a scratch file of this check's own beside
/// the database (so a restore renames it into place), removed when this is
/// dropped.
pub struct Verified {
    pub info: BackupInfo,
    scratch: Scratch,
    /// Attachments to put back.
    pub attachments: Vec<PackedAttachment>,
    /// False for a plain SQLite copy (nothing to unpack but the database).
    pub archive: bool,
}

impl Verified {
    /// The unpacked database.
    pub fn database(&self) -> &Path {
        self.scratch.path()
    }

    /// Takes the unpacked database (to rename it into place).
    pub(crate) fn into_database(self) -> Scratch {
        self.scratch
    }
}

/// Checks a backup (a `.ddbak`, or a plain SQLite copy written before a
/// migration) and unpacks its database beside `db_path` for a restore.
/// Nothing else is written, and nothing is left behind on any exit path.
pub async fn verify(file: &Path, db_path: &Path) -> AppResult<Verified> {
    if file.is_dir() {
        return Err(AppError::file(FileProblem::Folder, file, None));
    }
    if !file.exists() {
        return Err(AppError::not_found("backup", file.display()));
    }
    let scratch = Scratch::beside(db_path, "restoring")?;
    let target = scratch.path().to_path_buf();
    let (manifest, attachments, archive) = if is_sqlite_file(file) {
        std::fs::copy(file, &target)
            .map_err(|e| AppError::io(format!("{}: {e}", target.display())))?;
        (None, Vec::new(), false)
    } else {
        let (f, s) = (file.to_path_buf(), target.clone());
        let (m, a) = tokio::task::spawn_blocking(move || unpack_checked(&f, &s))
            .await
            .map_err(AppError::io)??;
        (Some(m), a, true)
    };
    let verified = Verified {
        info: BackupInfo::of(file, manifest.as_ref().unwrap_or(&empty_manifest())),
        scratch,
        attachments,
        archive,
    };
    let copy = db::connect_read_only(&target)
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
pub(crate) async fn check_copy(
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
/// the database to `scratch`. Sizes are compared with the zip's directory
/// before anything is unpacked, and no part is read past the size its
/// manifest declares: a bomb stops at that size.
fn unpack_checked(file: &Path, scratch: &Path) -> AppResult<(Manifest, Vec<PackedAttachment>)> {
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
        if entry.size() != part.size {
            return Err(bad(
                file,
                format!("{} does not match its checksum", part.name),
            ));
        }
        // One byte more than declared tells a longer part from a whole one.
        let entry = entry.take(part.size.saturating_add(1));
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
            attachments.push(PackedAttachment {
                name: part.name.clone(),
                rel: rel.to_string(),
                sha256: part.sha256.clone(),
            });
        } else {
            return Err(bad(file, format!("unknown part {}", part.name)));
        }
    }
    Ok((manifest, attachments))
}
