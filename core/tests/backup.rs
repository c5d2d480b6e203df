//! Backups: made online with their attachments, verified part by part,
//! refused when damaged, foreign or newer, and restored atomically over the
//! data (which is backed up first) — not while another process has it open.
mod common;

use std::path::{Path, PathBuf};

use common::actor;
use common::backup::{at, files_under, ledger_rows, office, problem, tamper};
use common::ledger::entry;
use dealerdesk_core::backup::{self, restore, BackupKind};
use dealerdesk_core::db;
use dealerdesk_core::error::FileProblem;
use dealerdesk_core::ledger::{self, EntryKind};
use dealerdesk_core::AppError;
use sea_orm::ConnectionTrait;

#[tokio::test]
async fn a_backup_holds_the_database_and_its_attachments_and_verifies() {
    let o = office().await;
    let info = backup::create_in(
        &o.db,
        &o.root,
        &o.backups,
        BackupKind::Manual,
        at("2026-12-02T09:15:30.123+08:00"),
    )
    .await
    .unwrap();
    assert_eq!(
        info.file_name,
        "dealerdesk-20261202-091530-123-manual.ddbak"
    );
    assert_eq!(info.counts["distributor"], 2);
    assert_eq!(info.counts["ledger_entry"], 2);
    assert_eq!(info.attachments, 2);
    assert!(info.missing.is_empty());
    assert_eq!(info.app_version, env!("CARGO_PKG_VERSION"));

    // A second one in the same millisecond is refused, not overwritten.
    let again = backup::create_in(
        &o.db,
        &o.root,
        &o.backups,
        BackupKind::Manual,
        at("2026-12-02T09:15:30.123+08:00"),
    )
    .await;
    assert!(matches!(again, Err(AppError::Conflict { .. })), "{again:?}");
    // The next millisecond is another file.
    backup::create_in(
        &o.db,
        &o.root,
        &o.backups,
        BackupKind::Manual,
        at("2026-12-02T09:15:30.124+08:00"),
    )
    .await
    .unwrap();

    let verified = restore::inspect(Path::new(&info.path), &o.db_path)
        .await
        .unwrap();
    assert_eq!(verified.counts, info.counts);
    let listed = backup::list(&o.backups);
    assert_eq!(listed.len(), 2);
    assert!(listed.iter().all(|l| l.problem.is_none()));
    assert!(
        listed[0].info.file_name > listed[1].info.file_name,
        "newest first"
    );
    // Nothing but the two backups is left in the folder.
    assert_eq!(files_under(&o.backups).len(), 2);
}

#[tokio::test]
async fn a_damaged_foreign_or_newer_backup_is_refused() {
    let o = office().await;
    let info = o.manual_backup().await;
    let good = PathBuf::from(&info.path);

    // One flipped byte in an attachment.
    let flipped = o.backups.join("flipped.ddbak");
    std::fs::copy(&good, &flipped).unwrap();
    tamper(&flipped, b"licence 1");
    let err = restore::inspect(&flipped, &o.db_path)
        .await
        .map(|_| ())
        .unwrap_err();
    assert_eq!(problem(&err), Some(FileProblem::BadBackup), "{err:?}");
    assert!(err.to_string().contains("checksum"), "{err}");

    // Cut short.
    let cut = o.backups.join("cut.ddbak");
    let bytes = std::fs::read(&good).unwrap();
    std::fs::write(&cut, &bytes[..bytes.len() / 2]).unwrap();
    let err = restore::inspect(&cut, &o.db_path)
        .await
        .map(|_| ())
        .unwrap_err();
    assert_eq!(problem(&err), Some(FileProblem::BadBackup), "{err:?}");

    // Another program's SQLite file.
    let foreign = o.backups.join("other.sqlite");
    let f = db::connect(&foreign).await.unwrap();
    f.execute_unprepared("CREATE TABLE recipes (id INTEGER PRIMARY KEY)")
        .await
        .unwrap();
    db::close(f).await.unwrap();
    let err = restore::inspect(&foreign, &o.db_path)
        .await
        .map(|_| ())
        .unwrap_err();
    assert_eq!(problem(&err), Some(FileProblem::BadBackup), "{err:?}");

    // A copy written by a newer DealerDesk.
    let newer = o.backups.join("newer.sqlite");
    db::copy_to(&o.db, &newer).await.unwrap();
    let n = db::connect(&newer).await.unwrap();
    n.execute_unprepared("INSERT INTO seaql_migrations VALUES ('m20991231_000001_future', 0)")
        .await
        .unwrap();
    db::close(n).await.unwrap();
    let err = restore::inspect(&newer, &o.db_path)
        .await
        .map(|_| ())
        .unwrap_err();
    assert_eq!(problem(&err), Some(FileProblem::NewerVersion), "{err:?}");

    // A refused restore changes nothing.
    drop(o.lock);
    let backups = o.backups.clone();
    db::close(o.db).await.unwrap();
    let before = std::fs::read(&o.db_path).unwrap();
    let before_files = files_under(&backups);
    let place = restore::Place {
        db_path: &o.db_path,
        attachments_root: &o.root,
        backups: &backups,
    };
    for bad in [&flipped, &cut, &foreign, &newer] {
        assert!(
            restore::restore(&place, bad, at("2026-12-02T10:00:00+08:00"))
                .await
                .is_err()
        );
    }
    assert!(
        std::fs::read(&o.db_path).unwrap() == before,
        "the database is unchanged"
    );
    assert_eq!(files_under(&backups), before_files);
}

#[tokio::test]
async fn a_restore_brings_back_the_data_and_keeps_what_it_replaced() {
    let o = office().await;
    let info = o.manual_backup().await;
    // Work after the backup: a third entry, and the attachments are lost.
    let id = dealerdesk_core::distributor::get_by_code(&o.db, "D1")
        .await
        .unwrap()
        .unwrap()
        .id;
    ledger::post(
        &o.db,
        &actor(),
        &entry(id, "2026-11-20", "INV-9", EntryKind::Invoice, "5.00"),
    )
    .await
    .unwrap();
    assert_eq!(ledger_rows(&o.db).await, 3);
    std::fs::remove_dir_all(&o.root).unwrap();

    // Refused while another window or command has the file open.
    let place = restore::Place {
        db_path: &o.db_path,
        attachments_root: &o.root,
        backups: &o.backups,
    };
    let err = restore::restore(
        &place,
        Path::new(&info.path),
        at("2026-12-02T10:00:00+08:00"),
    )
    .await
    .unwrap_err();
    assert_eq!(problem(&err), Some(FileProblem::InUse), "{err:?}");
    assert_eq!(ledger_rows(&o.db).await, 3, "nothing changed");

    // This program closes its own connections first.
    db::close(o.db).await.unwrap();
    drop(o.lock);
    let done = restore::restore(
        &place,
        Path::new(&info.path),
        at("2026-12-02T10:00:00+08:00"),
    )
    .await
    .unwrap();
    let opened = db::open(&o.db_path, chrono::Utc::now()).await.unwrap();
    assert_eq!(ledger_rows(&opened.db).await, 2, "the backup's data");
    assert_eq!(files_under(&o.root).len(), 2, "attachments put back");
    assert!(!PathBuf::from(format!("{}-journal", o.db_path.display())).exists());

    // The replaced data is a backup of its own that restores the third entry.
    let safety = PathBuf::from(done.safety_copy.unwrap());
    let kept = restore::inspect(&safety, &o.db_path).await.unwrap();
    assert_eq!(kept.kind, BackupKind::BeforeRestore);
    assert_eq!(kept.counts["ledger_entry"], 3);
    db::close(opened.db).await.unwrap();
    drop(opened.lock);
    restore::restore(&place, &safety, at("2026-12-02T10:05:00+08:00"))
        .await
        .unwrap();
    let opened = db::open(&o.db_path, chrono::Utc::now()).await.unwrap();
    assert_eq!(ledger_rows(&opened.db).await, 3);
    db::close(opened.db).await.unwrap();
}

#[tokio::test]
async fn an_older_backup_is_restored_and_then_migrated() {
    use dealerdesk_migrations::{Migrator, MigratorTrait};
    let dir = tempfile::tempdir().unwrap();
    // A copy from before the newest migration, as a pre-migration copy is.
    let old = dir.path().join("old.sqlite");
    let conn = db::connect(&old).await.unwrap();
    let n = Migrator::migrations().len() as u32;
    Migrator::up(&conn, Some(n - 1)).await.unwrap();
    db::close(conn).await.unwrap();

    let db_path = dir.path().join("office.sqlite");
    let root = dir.path().join("attachments");
    let backups = dir.path().join("backups");
    let place = restore::Place {
        db_path: &db_path,
        attachments_root: &root,
        backups: &backups,
    };
    let done = restore::restore(&place, &old, at("2026-12-02T10:00:00+08:00"))
        .await
        .unwrap();
    assert!(done.safety_copy.is_none(), "there was no data to keep");
    let opened = db::open(&db_path, chrono::Utc::now()).await.unwrap();
    assert!(
        opened.backup.is_some(),
        "migrating the restored file copies it first"
    );
    assert!(db::migrate::inspect(&opened.db)
        .await
        .unwrap()
        .pending()
        .is_empty());
    db::close(opened.db).await.unwrap();
}

#[tokio::test]
async fn a_damaged_database_is_found_and_can_be_replaced() {
    let o = office().await;
    let info = o.manual_backup().await;
    db::close(o.db).await.unwrap();
    drop(o.lock);
    // Scribble over the middle of the file, as a failing disk would.
    let mut bytes = std::fs::read(&o.db_path).unwrap();
    let page = 4096;
    for b in bytes[page * 3..page * 5].iter_mut() {
        *b = 0x5a;
    }
    std::fs::write(&o.db_path, &bytes).unwrap();
    let conn = db::connect(&o.db_path).await.unwrap();
    let err = db::quick_check(&conn, &o.db_path).await.unwrap_err();
    assert_eq!(problem(&err), Some(FileProblem::Damaged), "{err:?}");
    db::close(conn).await.ok();

    let place = restore::Place {
        db_path: &o.db_path,
        attachments_root: &o.root,
        backups: &o.backups,
    };
    let done = restore::restore(
        &place,
        Path::new(&info.path),
        at("2026-12-02T10:00:00+08:00"),
    )
    .await
    .unwrap();
    let kept = PathBuf::from(done.safety_copy.unwrap());
    assert!(kept.exists(), "the damaged file is kept as it was");
    let opened = db::open(&o.db_path, chrono::Utc::now()).await.unwrap();
    db::quick_check(&opened.db, &o.db_path).await.unwrap();
    assert_eq!(ledger_rows(&opened.db).await, 2);
    db::close(opened.db).await.unwrap();
}

#[tokio::test]
async fn the_rotation_prunes_only_automatic_backups() {
    let o = office().await;
    for stamp in [
        "2026-11-01T09:00:00+08:00",
        "2026-11-30T09:00:00+08:00",
        "2026-12-01T09:00:00+08:00",
        "2026-12-02T09:00:00+08:00",
    ] {
        backup::create_in(&o.db, &o.root, &o.backups, BackupKind::Automatic, at(stamp))
            .await
            .unwrap();
    }
    backup::create_in(
        &o.db,
        &o.root,
        &o.backups,
        BackupKind::Manual,
        at("2026-10-01T09:00:00+08:00"),
    )
    .await
    .unwrap();
    let keep = backup::BackupSettings {
        keep_daily: 2,
        keep_weekly: 0,
        keep_monthly: 0,
        ..Default::default()
    };
    let id = backup::database_id(&o.db).await.unwrap();
    assert!(id.is_some(), "every database has an id");
    let removed = backup::rotation::prune(&o.backups, &keep, id.as_deref());
    let names: Vec<String> = removed
        .iter()
        .map(|p| p.file_name().unwrap().to_string_lossy().into_owned())
        .collect();
    assert_eq!(
        names,
        vec![
            "dealerdesk-20261130-090000-000-auto.ddbak".to_string(),
            "dealerdesk-20261101-090000-000-auto.ddbak".to_string()
        ]
    );
    assert_eq!(
        backup::list(&o.backups).len(),
        3,
        "two automatic and the manual one"
    );
}

/// A second window on the same file is allowed and safe: both open it, both
/// write, a backup is made while the other writes, and a restore waits for
/// the other window to close (it is refused, naming why, meanwhile).
#[tokio::test]
async fn two_windows_on_one_file_both_write_and_a_restore_waits_for_both() {
    let o = office().await;
    let second = db::open(&o.db_path, chrono::Utc::now()).await.unwrap();
    let id = dealerdesk_core::distributor::get_by_code(&second.db, "D1")
        .await
        .unwrap()
        .unwrap()
        .id;
    let ((), b) = tokio::join!(
        async {
            for i in 0..20 {
                ledger::post(
                    &o.db,
                    &actor(),
                    &entry(
                        id,
                        "2026-11-21",
                        &format!("W1-{i}"),
                        EntryKind::Invoice,
                        "1.00",
                    ),
                )
                .await
                .unwrap();
            }
        },
        async {
            for i in 0..20 {
                ledger::post(
                    &second.db,
                    &actor(),
                    &entry(
                        id,
                        "2026-11-21",
                        &format!("W2-{i}"),
                        EntryKind::Invoice,
                        "1.00",
                    ),
                )
                .await
                .unwrap();
            }
            backup::create_in(
                &second.db,
                &o.root,
                &o.backups,
                BackupKind::Manual,
                at("2026-12-02T11:00:00+08:00"),
            )
            .await
            .unwrap()
        }
    );
    assert!(b.counts["ledger_entry"] >= 22);
    assert_eq!(ledger_rows(&o.db).await, 42);

    let place = restore::Place {
        db_path: &o.db_path,
        attachments_root: &o.root,
        backups: &o.backups,
    };
    // The first window lets go of the file; the second still has it.
    db::close(o.db).await.unwrap();
    drop(o.lock);
    let err = restore::restore(&place, Path::new(&b.path), at("2026-12-02T11:05:00+08:00"))
        .await
        .unwrap_err();
    assert_eq!(problem(&err), Some(FileProblem::InUse), "{err:?}");
    assert_eq!(ledger_rows(&second.db).await, 42, "nothing changed");
    db::close(second.db).await.unwrap();
    drop(second.lock);
    restore::restore(&place, Path::new(&b.path), at("2026-12-02T11:06:00+08:00"))
        .await
        .unwrap();
}
