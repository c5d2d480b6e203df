//! Opening files: migrations survive a fault between any two of their
//! statements, half-migrated files name their copy, and files that are not
//! DealerDesk's (newer, foreign, not SQLite, a folder, read-only) are refused
//! with their reason and left as they were.
use std::path::Path;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;

use dealerdesk_core::db::{self, migrate};
use dealerdesk_core::error::FileProblem;
use dealerdesk_core::{AppError, DatabaseConnection};
use dealerdesk_migrations::{Migrator, MigratorTrait};
use sea_orm::sqlx::sqlite::{SqliteConnectOptions, SqlitePoolOptions};
use sea_orm::{ConnectionTrait, SqlxSqliteConnector, Statement};

/// A connection whose SQLite handler stops the statement running after
/// `fail_after` calls (one per 10 virtual-machine steps), as a crash would
/// stop it at that point; `None` counts the calls and never fails.
async fn faulty(path: &Path, fail_after: Option<u64>, calls: Arc<AtomicU64>) -> DatabaseConnection {
    let opts = SqliteConnectOptions::new()
        .filename(path)
        .create_if_missing(true)
        .foreign_keys(true);
    let pool = SqlitePoolOptions::new()
        .max_connections(1)
        .after_connect(move |conn, _| {
            let calls = calls.clone();
            Box::pin(async move {
                conn.lock_handle().await?.set_progress_handler(10, move || {
                    let n = calls.fetch_add(1, Ordering::SeqCst) + 1;
                    fail_after.is_none_or(|k| n < k)
                });
                Ok(())
            })
        })
        .connect_with(opts)
        .await
        .unwrap();
    SqlxSqliteConnector::from_sqlx_sqlite_pool(pool)
}

async fn tables(db: &DatabaseConnection) -> Vec<String> {
    db.query_all_raw(Statement::from_string(
        db.get_database_backend(),
        "SELECT name FROM sqlite_master WHERE type IN ('table','index','trigger') ORDER BY name",
    ))
    .await
    .unwrap()
    .iter()
    .map(|r| r.try_get_by_index::<String>(0).unwrap())
    .collect()
}

/// A file with the first `steps` migrations applied (0: an empty file).
async fn at_step(path: &Path, steps: u32) {
    let db = db::connect(path).await.unwrap();
    if steps > 0 {
        Migrator::up(&db, Some(steps)).await.unwrap();
    }
    db::close(db).await.unwrap();
}

/// Injects a fault at evenly spread points of migrating from `steps`
/// migrations to all; after each, the file opens (and migrates) normally.
async fn faults_leave_a_file_that_opens(steps: u32) {
    let dir = tempfile::tempdir().unwrap();
    // How many handler calls the whole migration makes.
    let probe = dir.path().join("probe.sqlite");
    at_step(&probe, steps).await;
    let calls = Arc::new(AtomicU64::new(0));
    let db = faulty(&probe, None, calls.clone()).await;
    calls.store(0, Ordering::SeqCst);
    migrate::run(&db, chrono::Utc::now()).await.unwrap();
    let total = calls.load(Ordering::SeqCst);
    let complete = tables(&db).await;
    db.close().await.unwrap();
    assert!(
        total > 20,
        "the migration is long enough to cut ({total} calls)"
    );

    // The tables after each whole number of migrations.
    let n = Migrator::migrations().len() as u32;
    let mut whole = Vec::new();
    for j in 0..=n {
        let p = dir.path().join(format!("whole-{j}.sqlite"));
        at_step(&p, j).await;
        let db = db::connect(&p).await.unwrap();
        whole.push(tables(&db).await);
        db::close(db).await.unwrap();
    }
    assert_eq!(whole[n as usize], complete);

    let points = 24u64;
    for i in 1..=points {
        let k = (total * i / (points + 1)).max(1);
        let path = dir.path().join(format!("cut-{steps}-{k}.sqlite"));
        at_step(&path, steps).await;
        let db = faulty(&path, Some(k), Arc::new(AtomicU64::new(0))).await;
        let cut = migrate::run(&db, chrono::Utc::now()).await;
        db.close().await.ok();
        assert!(
            cut.is_err(),
            "the fault at call {k} of {total} stopped the migration"
        );

        // What the fault left is a whole number of migrations, never between.
        let db = db::connect(&path).await.unwrap();
        let applied = match migrate::inspect(&db).await.unwrap() {
            migrate::Shape::DealerDesk { applied } => applied.len(),
            migrate::Shape::Empty => 0,
            other => panic!("{other:?}"),
        };
        let mut left = tables(&db).await;
        db::close(db).await.unwrap();
        let mut expected = whole[applied].clone();
        if applied == 0 {
            // The history table itself is made before the first migration.
            left.retain(|t| !t.contains("seaql_migrations"));
            expected.retain(|t| !t.contains("seaql_migrations"));
        }
        assert_eq!(
            left, expected,
            "fault at call {k} of {total}: {applied} migrations whole"
        );

        let opened = db::open(&path, chrono::Utc::now())
            .await
            .unwrap_or_else(|e| panic!("after a fault at call {k} of {total}: {e}"));
        assert_eq!(tables(&opened.db).await, complete, "fault at call {k}");
        assert!(
            migrate::inspect(&opened.db)
                .await
                .unwrap()
                .pending()
                .is_empty(),
            "every migration is recorded"
        );
        db::close(opened.db).await.unwrap();
    }
}

#[tokio::test]
async fn a_fault_during_the_first_open_leaves_a_file_that_opens() {
    faults_leave_a_file_that_opens(0).await;
}

#[tokio::test]
async fn a_fault_during_an_upgrade_leaves_a_file_that_opens() {
    let n = Migrator::migrations().len() as u32;
    faults_leave_a_file_that_opens(n - 3).await;
}

fn problem(e: &AppError) -> Option<FileProblem> {
    match e {
        AppError::DataFile { problem, .. } => Some(*problem),
        _ => None,
    }
}

#[tokio::test]
async fn a_file_half_migrated_by_an_earlier_version_names_its_copy() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("half.sqlite");
    // The training tables' migration creates tables without IF NOT EXISTS.
    let k = Migrator::migrations()
        .iter()
        .position(|m| m.name() == "m20261123_000007_training")
        .unwrap();
    at_step(&path, k as u32).await;
    // An earlier version copied the file, then ran part of the last
    // migration outside any transaction and was killed.
    let db = db::connect(&path).await.unwrap();
    let copy = path.with_file_name(format!(
        "half.sqlite.{}20261201-080000-000.bak",
        db::PRE_MIGRATION
    ));
    db::copy_to(&db, &copy).await.unwrap();
    let next = Migrator::migrations().remove(k);
    next.up(&dealerdesk_migrations::SchemaManager::new(&db))
        .await
        .unwrap();
    db::close(db).await.unwrap();
    let size = std::fs::metadata(&path).unwrap().len();

    for _ in 0..2 {
        let err = db::open(&path, chrono::Utc::now()).await.unwrap_err();
        let AppError::DataFile {
            problem, recovery, ..
        } = &err
        else {
            panic!("{err:?}")
        };
        assert_eq!(*problem, FileProblem::HalfMigrated, "{err}");
        assert_eq!(
            recovery.as_deref(),
            Some(copy.display().to_string().as_str())
        );
        assert!(err.to_string().contains("half-upgraded"), "{err}");
    }
    // Retrying piles up no copies of the broken file and changes nothing.
    assert_eq!(migrate::pre_migration_copies(&path), vec![copy.clone()]);
    assert_eq!(std::fs::metadata(&path).unwrap().len(), size);
}

#[tokio::test]
async fn a_file_from_a_newer_dealerdesk_is_refused_unchanged() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("newer.sqlite");
    db::close(db::open(&path, chrono::Utc::now()).await.unwrap().db)
        .await
        .unwrap();
    let db = db::connect(&path).await.unwrap();
    db.execute_unprepared(
        "INSERT INTO seaql_migrations (version, applied_at) VALUES \
         ('m20991231_000001_from_the_future', 0), ('m20991231_000002_later_still', 0)",
    )
    .await
    .unwrap();
    db::close(db).await.unwrap();
    let bytes = std::fs::read(&path).unwrap();

    let err = db::open(&path, chrono::Utc::now()).await.unwrap_err();
    assert_eq!(problem(&err), Some(FileProblem::NewerVersion), "{err:?}");
    let text = err.to_string();
    assert!(text.contains("newer DealerDesk"), "{text}");
    assert!(text.contains("m20991231_000002_later_still"), "{text}");
    assert!(text.contains(env!("CARGO_PKG_VERSION")), "{text}");
    assert!(!text.contains("is missing"), "{text}");
    assert_eq!(
        std::fs::read(&path).unwrap(),
        bytes,
        "the file is untouched"
    );
    assert!(migrate::pre_migration_copies(&path).is_empty());
}

#[tokio::test]
async fn files_that_are_not_dealerdesk_databases_are_refused() {
    let dir = tempfile::tempdir().unwrap();

    // Another program's SQLite database gains no tables.
    let foreign = dir.path().join("other.sqlite");
    let db = db::connect(&foreign).await.unwrap();
    db.execute_unprepared("CREATE TABLE recipes (id INTEGER PRIMARY KEY, name TEXT)")
        .await
        .unwrap();
    db::close(db).await.unwrap();
    let err = db::open(&foreign, chrono::Utc::now()).await.unwrap_err();
    assert_eq!(problem(&err), Some(FileProblem::ForeignDatabase), "{err:?}");
    let db = db::connect(&foreign).await.unwrap();
    assert_eq!(tables(&db).await, vec!["recipes".to_string()]);
    db::close(db).await.unwrap();

    // A text file renamed .sqlite.
    let text = dir.path().join("notes.sqlite");
    std::fs::write(
        &text,
        "这不是数据库 — just some notes, long enough to fill a header page. ".repeat(20),
    )
    .unwrap();
    let before = std::fs::read(&text).unwrap();
    let err = db::open(&text, chrono::Utc::now()).await.unwrap_err();
    assert_eq!(problem(&err), Some(FileProblem::NotADatabase), "{err:?}");
    assert!(err.to_string().contains("notes.sqlite"), "{err}");
    assert_eq!(std::fs::read(&text).unwrap(), before);

    // A folder.
    let folder = dir.path().join("folder.sqlite");
    std::fs::create_dir(&folder).unwrap();
    let err = db::open(&folder, chrono::Utc::now()).await.unwrap_err();
    assert_eq!(problem(&err), Some(FileProblem::Folder), "{err:?}");

    // A read-only file is named at open, not at the first write.
    let ro = dir.path().join("ro.sqlite");
    db::close(db::open(&ro, chrono::Utc::now()).await.unwrap().db)
        .await
        .unwrap();
    let mut perms = std::fs::metadata(&ro).unwrap().permissions();
    perms.set_readonly(true);
    std::fs::set_permissions(&ro, perms).unwrap();
    let err = db::open(&ro, chrono::Utc::now()).await.unwrap_err();
    assert_eq!(problem(&err), Some(FileProblem::ReadOnly), "{err:?}");
    assert!(err.to_string().contains("read-only"), "{err}");
}

/// A full disk, as SQLite meets it (`max_page_count` stops the file
/// growing): the import says so, translated, and writes nothing.
#[tokio::test]
async fn a_full_disk_is_named_and_nothing_is_half_written() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("full.sqlite");
    db::close(db::open(&path, chrono::Utc::now()).await.unwrap().db)
        .await
        .unwrap();
    let pages = std::fs::metadata(&path).unwrap().len() / 4096;
    let opts = SqliteConnectOptions::new()
        .filename(&path)
        .foreign_keys(true)
        .pragma("max_page_count", (pages + 8).to_string());
    let pool = SqlitePoolOptions::new()
        .max_connections(1)
        .connect_with(opts)
        .await
        .unwrap();
    let conn = SqlxSqliteConnector::from_sqlx_sqlite_pool(pool);
    let csv = dir.path().join("d.csv");
    let mut rows =
        vec!["code,name,uscc,contact_name,contact_phone,province,city,address".to_string()];
    for n in 1..=3000u64 {
        rows.push(format!(
            "D{n:05},经销商{n}商贸有限公司,{},李四,139{n:08},浙江省,杭州市,文三路 {n} 号",
            dealerdesk_core::demo::uscc_for(n)
        ));
    }
    std::fs::write(&csv, rows.join("\n")).unwrap();
    let actor = dealerdesk_core::actor::Actor::new(
        "测试员",
        dealerdesk_core::dates::Clock::office(chrono::Local::now().fixed_offset(), None),
    )
    .unwrap();
    let err = dealerdesk_core::distributor::transfer::import(&conn, &actor, &csv)
        .await
        .unwrap_err();
    assert_eq!(problem(&err), Some(FileProblem::DiskFull), "{err:?}");
    assert!(err.to_string().contains("disk is full"), "{err}");
    let n = conn
        .query_one_raw(Statement::from_string(
            conn.get_database_backend(),
            "SELECT COUNT(*) FROM distributor",
        ))
        .await
        .unwrap()
        .unwrap()
        .try_get_by_index::<i64>(0)
        .unwrap();
    assert_eq!(n, 0, "nothing half-written");
    conn.close().await.unwrap();
}

/// Byte 18 of a SQLite header: 1 for a rollback journal, 2 for WAL.
fn journal_byte(path: &Path) -> u8 {
    std::fs::read(path).unwrap()[18]
}

#[tokio::test]
async fn another_programs_file_is_refused_before_any_pragma_touches_it() {
    let dir = tempfile::tempdir().unwrap();
    let foreign = dir.path().join("recipes.sqlite");
    let opts = SqliteConnectOptions::new()
        .filename(&foreign)
        .create_if_missing(true)
        .journal_mode(sea_orm::sqlx::sqlite::SqliteJournalMode::Delete);
    let pool = SqlitePoolOptions::new()
        .max_connections(1)
        .connect_with(opts)
        .await
        .unwrap();
    let db = SqlxSqliteConnector::from_sqlx_sqlite_pool(pool);
    db.execute_unprepared("CREATE TABLE recipes (id INTEGER PRIMARY KEY, name TEXT)")
        .await
        .unwrap();
    db.close().await.unwrap();
    assert_eq!(journal_byte(&foreign), 1);
    let before = std::fs::read(&foreign).unwrap();
    let err = db::open(&foreign, chrono::Utc::now()).await.unwrap_err();
    assert_eq!(problem(&err), Some(FileProblem::ForeignDatabase), "{err:?}");
    assert_eq!(
        std::fs::read(&foreign).unwrap(),
        before,
        "not a byte changed"
    );
    assert!(!dir.path().join("recipes.sqlite-wal").exists());
}

#[tokio::test]
async fn upgrades_keep_the_newest_copies_before_migrating_whole_and_prune_the_rest() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("old.sqlite");
    let n = Migrator::migrations().len() as u32;
    at_step(&path, n - 1).await;
    // Copies of earlier upgrades, the oldest first.
    for stamp in ["20250101", "20250201", "20250301", "20250401"] {
        std::fs::write(
            path.with_file_name(format!(
                "old.sqlite.{}{stamp}-080000-000.bak",
                db::PRE_MIGRATION
            )),
            b"old copy",
        )
        .unwrap();
    }
    let opened = db::open(&path, chrono::Utc::now()).await.unwrap();
    let made = opened.backup.clone().expect("a copy before migrating");
    db::close(opened.db).await.unwrap();
    let mut copies: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains(db::PRE_MIGRATION))
        .collect();
    copies.sort();
    assert_eq!(copies.len(), db::KEEP_PRE_MIGRATION, "{copies:?}");
    assert!(copies[0].contains("20250301"), "{copies:?}");
    assert!(
        copies.iter().all(|c| !c.starts_with('.')),
        "no hidden half-written copy"
    );
    // The copy made is a whole SQLite file, written under its name only once whole.
    let head = std::fs::read(&made).unwrap();
    assert!(head.starts_with(b"SQLite format 3\0"));
}
