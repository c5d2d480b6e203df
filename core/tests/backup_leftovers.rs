//! Backups against what a killed run, a damaged file or a shared folder
//! leaves: no hidden copy after a refusal, strays removed at the next start
//! (never one a process holds), attachments put back by checksum, each
//! database keeping to its own backups, parts checked against the manifest
//! before they are unpacked.
mod common;

use std::path::Path;

use common::backup::{at, files_under, office, problem};
use common::ledger::active;
use dealerdesk_core::backup::{self, restore, BackupKind};
use dealerdesk_core::db;
use dealerdesk_core::error::FileProblem;

#[tokio::test]
async fn a_refused_backup_or_verify_leaves_no_hidden_copy() {
    let o = office().await;
    let info = o.manual_backup().await;
    // A backup whose database part was altered: refused, and its unpacked
    // copy is gone.
    let mut bytes = std::fs::read(&info.path).unwrap();
    let mid = bytes.len() / 3;
    bytes[mid] ^= 0xff;
    let flipped = o.backups.join("flipped.ddbak");
    std::fs::write(&flipped, &bytes).unwrap();
    assert!(restore::inspect(&flipped, &o.db_path).await.is_err());
    let dir = o.db_path.parent().unwrap();
    assert_eq!(db::files::scratch_names(dir), Vec::<String>::new());
    // Refused backups (the name is taken) leave nothing in the folder either.
    let taken = o.backups.join("taken.ddbak");
    std::fs::write(&taken, b"x").unwrap();
    assert!(backup::create(
        &o.db,
        &o.root,
        &taken,
        BackupKind::Manual,
        at("2026-12-02T09:01:00+08:00")
    )
    .await
    .is_err());
    assert_eq!(db::files::scratch_names(&o.backups), Vec::<String>::new());
}

#[tokio::test]
async fn strays_are_removed_at_the_next_start_unless_a_process_holds_them() {
    let o = office().await;
    let dir = o.db_path.parent().unwrap().to_path_buf();
    std::fs::create_dir_all(&o.backups).unwrap();
    // Left by killed runs of this version and of an older one (fixed names).
    for (d, name) in [
        (&dir, ".office.sqlite.4242-0.restoring"),
        (&dir, ".office.sqlite.restoring"),
        (&dir, ".office.sqlite.77-3.premigration"),
        (&o.backups, ".dealerdesk-x-auto.ddbak.77-1.partial"),
        (&o.backups, ".dealerdesk-x-auto.ddbak.snapshot"),
    ] {
        std::fs::write(d.join(name), vec![7u8; 4096]).unwrap();
    }
    // One in use by a running restore is kept.
    let busy = db::files::Scratch::beside(&o.db_path, "restoring").unwrap();
    // A user's own hidden file is not DealerDesk's.
    std::fs::write(dir.join(".notes"), b"mine").unwrap();
    db::close(o.db.clone()).await.unwrap();
    let mut removed: Vec<String> = backup::clean_strays(&o.db_path, &o.backups)
        .iter()
        .map(|p| p.file_name().unwrap().to_string_lossy().into_owned())
        .collect();
    removed.sort();
    assert_eq!(
        removed,
        vec![
            ".dealerdesk-x-auto.ddbak.77-1.partial",
            ".dealerdesk-x-auto.ddbak.snapshot",
            ".office.sqlite.4242-0.restoring",
            ".office.sqlite.77-3.premigration",
            ".office.sqlite.restoring",
        ]
    );
    assert!(busy.path().exists(), "held by a running process");
    assert!(dir.join(".notes").exists());
    drop(busy);
    assert_eq!(
        db::files::scratch_names(&dir),
        Vec::<String>::new(),
        "removed when dropped"
    );
    // db::open does the same beside the file, and says what it removed.
    std::fs::write(dir.join(".office.sqlite.9-9.restoring"), b"x").unwrap();
    let opened = db::open(&o.db_path, chrono::Utc::now()).await.unwrap();
    assert_eq!(
        opened.strays,
        vec![dir.join(".office.sqlite.9-9.restoring")]
    );
    db::close(opened.db).await.unwrap();
}

#[tokio::test]
async fn a_restore_replaces_a_damaged_attachment_of_the_same_size() {
    let o = office().await;
    let info = o.manual_backup().await;
    let files = files_under(&o.root);
    let victim = &files[0];
    let good = std::fs::read(victim).unwrap();
    let mut bad = good.clone();
    bad[10] ^= 0x20;
    std::fs::write(victim, &bad).unwrap();
    db::close(o.db).await.unwrap();
    drop(o.lock);
    let place = restore::Place {
        db_path: &o.db_path,
        attachments_root: &o.root,
        backups: &o.backups,
    };
    restore::restore(
        &place,
        Path::new(&info.path),
        at("2026-12-02T10:00:00+08:00"),
    )
    .await
    .unwrap();
    assert_eq!(
        std::fs::read(victim).unwrap(),
        good,
        "the backup's copy is back"
    );
}

#[tokio::test]
async fn databases_sharing_a_backup_folder_keep_to_their_own_backups() {
    let o = office().await;
    let other_path = o.db_path.with_file_name("branch.sqlite");
    let other = db::open(&other_path, chrono::Utc::now()).await.unwrap();
    active(&other.db, o.db_path.parent().unwrap(), &["丙商贸"]).await;
    let mine = backup::database_id(&o.db).await.unwrap();
    let theirs = backup::database_id(&other.db).await.unwrap();
    assert!(mine.is_some() && theirs.is_some() && mine != theirs);

    // The other database's automatic backup today does not stand for ours.
    let morning = at("2026-12-02T08:00:00+08:00");
    let made = backup::automatic(&other.db, &other_path, &o.root, morning)
        .await
        .unwrap()
        .expect("due");
    assert_eq!(made.database_id, theirs);
    std::fs::rename(&made.path, o.backups.join(&made.file_name)).ok();
    let ours = backup::automatic(&o.db, &o.db_path, &o.root, at("2026-12-02T09:00:00+08:00"))
        .await
        .unwrap()
        .expect("ours is still due: the other database's backup is not ours");
    assert_eq!(ours.database_id, mine);

    // Its rotation never prunes ours.
    let keep = backup::BackupSettings {
        keep_daily: 1,
        keep_weekly: 0,
        keep_monthly: 0,
        ..Default::default()
    };
    let removed = backup::rotation::prune(&o.backups, &keep, theirs.as_deref());
    assert!(removed
        .iter()
        .all(|p| p.file_name().unwrap() != ours.file_name.as_str()));
    assert!(Path::new(&ours.path).exists());
    db::close(other.db).await.unwrap();
}

#[tokio::test]
async fn a_damaged_database_is_not_backed_up() {
    let o = office().await;
    db::close(o.db).await.unwrap();
    drop(o.lock);
    let mut bytes = std::fs::read(&o.db_path).unwrap();
    let page = 4096;
    for b in bytes[page * 3..page * 5].iter_mut() {
        *b = 0x5a;
    }
    std::fs::write(&o.db_path, &bytes).unwrap();
    let conn = db::connect(&o.db_path).await.unwrap();
    let made = backup::create_in(
        &conn,
        &o.root,
        &o.backups,
        BackupKind::Manual,
        at("2026-12-02T09:00:00+08:00"),
    )
    .await;
    conn.close().await.ok();
    let err = db::files::at_path(made.unwrap_err(), &o.db_path);
    assert!(
        matches!(
            problem(&err),
            Some(FileProblem::Damaged) | Some(FileProblem::NotADatabase)
        ),
        "{err:?}"
    );
    assert!(err.to_string().contains("office.sqlite"), "{err}");
    assert_eq!(
        backup::list(&o.backups).len(),
        0,
        "no backup its own check would refuse"
    );
    assert_eq!(db::files::scratch_names(&o.backups), Vec::<String>::new());
}

#[tokio::test]
async fn a_part_longer_than_its_manifest_says_is_refused_before_it_is_unpacked() {
    use std::io::Write;
    let o = office().await;
    let info = o.manual_backup().await;
    // The same manifest, but the database part is 64 MiB of zeros (a few
    // KB packed): a bomb behind a manifest that declares the real size.
    let mut zip = zip::ZipArchive::new(std::fs::File::open(&info.path).unwrap()).unwrap();
    let mut manifest = String::new();
    std::io::Read::read_to_string(&mut zip.by_name("manifest.json").unwrap(), &mut manifest)
        .unwrap();
    let bomb = o.backups.join("bomb.ddbak");
    let mut w = zip::ZipWriter::new(std::fs::File::create(&bomb).unwrap());
    let opts = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .large_file(true);
    w.start_file("database.sqlite", opts).unwrap();
    let zeros = vec![0u8; 1 << 20];
    for _ in 0..64 {
        w.write_all(&zeros).unwrap();
    }
    w.start_file("manifest.json", opts).unwrap();
    w.write_all(manifest.as_bytes()).unwrap();
    w.finish().unwrap();
    let err = restore::inspect(&bomb, &o.db_path).await.unwrap_err();
    assert_eq!(problem(&err), Some(FileProblem::BadBackup), "{err:?}");
    assert!(err.to_string().contains("database.sqlite"), "{err}");
    assert_eq!(
        db::files::scratch_names(o.db_path.parent().unwrap()),
        Vec::<String>::new()
    );
}

/// A working file is made, then locked: a sweep of another process between
/// the two can take it for a stray and remove it. A scratch handed out is
/// always still there (2000 made beside a sweep that never stops).
#[test]
fn a_sweep_never_removes_a_working_file_just_made() {
    use std::sync::atomic::{AtomicBool, Ordering};
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("office.sqlite");
    let stop = AtomicBool::new(false);
    let (lost, swept) = std::thread::scope(|s| {
        let sweeper = s.spawn(|| {
            let mut swept = 0usize;
            while !stop.load(Ordering::Relaxed) {
                swept += db::files::clean_strays(dir.path()).len();
            }
            swept
        });
        let mut lost = 0;
        for _ in 0..2000 {
            let scratch = db::files::Scratch::beside(&target, "restoring").unwrap();
            lost += usize::from(!scratch.path().exists());
        }
        stop.store(true, Ordering::Relaxed);
        (lost, sweeper.join().unwrap())
    });
    eprintln!("2000 working files beside a sweep: {swept} taken for strays before use");
    assert_eq!(lost, 0, "working files removed while in use");
}
