//! A small office for the backup tests: a database with ledger entries and
//! attachments, and the helpers that look at backups and their files.
use std::path::{Path, PathBuf};

use chrono::{DateTime, FixedOffset};
use dealerdesk_core::attachment::{self, AttachmentAdd, AttachmentKind};
use dealerdesk_core::backup;
use dealerdesk_core::db::{self, files::UseLock};
use dealerdesk_core::error::FileProblem;
use dealerdesk_core::ledger::{self, EntryKind};
use dealerdesk_core::{AppError, DatabaseConnection};

use super::actor;
use super::ledger::{active, entry};

pub fn at(s: &str) -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339(s).unwrap()
}

pub fn problem(e: &AppError) -> Option<FileProblem> {
    match e {
        AppError::DataFile { problem, .. } => Some(*problem),
        _ => None,
    }
}

pub struct Office {
    pub _dir: tempfile::TempDir,
    pub db_path: PathBuf,
    pub root: PathBuf,
    pub backups: PathBuf,
    pub db: DatabaseConnection,
    pub lock: Option<UseLock>,
}

impl Office {
    /// A manual backup into the office's backup folder, made on 2 December 2026 at 09:00 in Beijing.
    pub async fn manual_backup(&self) -> backup::BackupInfo {
        backup::create_in(
            &self.db,
            &self.root,
            &self.backups,
            backup::BackupKind::Manual,
            at("2026-12-02T09:00:00+08:00"),
        )
        .await
        .unwrap()
    }
}

/// Two distributors with ledger entries and two attachments.
pub async fn office() -> Office {
    let dir = tempfile::tempdir().unwrap();
    let db_path = dir.path().join("office.sqlite");
    let opened = db::open(&db_path, chrono::Utc::now()).await.unwrap();
    let db = opened.db;
    let ids = active(&db, dir.path(), &["甲商贸", "乙商贸"]).await;
    for (i, id) in ids.iter().enumerate() {
        ledger::post(
            &db,
            &actor(),
            &entry(
                *id,
                "2026-11-02",
                &format!("INV-{i}"),
                EntryKind::Invoice,
                "1000.00",
            ),
        )
        .await
        .unwrap();
    }
    let root = attachment::root_for(&db_path);
    for (i, id) in ids.iter().enumerate() {
        let src = dir.path().join(format!("执照 {i}.pdf"));
        std::fs::write(&src, format!("%PDF-1.4 licence {i}").repeat(100)).unwrap();
        attachment::add(
            &db,
            &root,
            &actor(),
            AttachmentAdd {
                distributor_id: *id,
                kind: AttachmentKind::BusinessLicence,
                source_path: src.display().to_string(),
                visit_id: None,
                statement_run_id: None,
            },
        )
        .await
        .unwrap();
    }
    Office {
        backups: dir.path().join("backups"),
        _dir: dir,
        db_path,
        root,
        db,
        lock: Some(opened.lock),
    }
}

pub async fn ledger_rows(db: &DatabaseConnection) -> i64 {
    backup::counts(db).await.unwrap()["ledger_entry"]
}

pub fn files_under(root: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut stack = vec![root.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).into_iter().flatten().flatten() {
            if e.path().is_dir() {
                stack.push(e.path());
            } else {
                out.push(e.path());
            }
        }
    }
    out.sort();
    out
}

/// Rewrites one stored part of a zip, keeping its length.
pub fn tamper(file: &Path, needle: &[u8]) {
    let mut bytes = std::fs::read(file).unwrap();
    let at = bytes
        .windows(needle.len())
        .position(|w| w == needle)
        .expect("the text is stored as it is");
    bytes[at] ^= 0x20;
    std::fs::write(file, bytes).unwrap();
}
