//! Backup benchmark: prints figures, asserts nothing about time.
//!
//! A database of 500 distributors × 100 ledger lines with 200 attachments
//! (scans of 50–250 KB): the time to back it up (online copy, attachments,
//! checksums), to verify the backup, and to restore it; the sizes.
//!
//! Run: `cargo bench -p dealerdesk-core --bench backup`.
use std::path::Path;
use std::time::Instant;

use dealerdesk_core::actor::Actor;
use dealerdesk_core::attachment::{self, AttachmentAdd, AttachmentKind};
use dealerdesk_core::backup::{self, restore, BackupKind};
use dealerdesk_core::dates::Clock;
use dealerdesk_core::paging::Paging;
use dealerdesk_core::{db, demo, distributor};

#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn mb(bytes: u64) -> String {
    format!("{:.1} MB", bytes as f64 / 1024.0 / 1024.0)
}

fn dir_size(p: &Path) -> u64 {
    std::fs::read_dir(p)
        .map(|rd| {
            rd.flatten()
                .map(|e| {
                    if e.path().is_dir() {
                        dir_size(&e.path())
                    } else {
                        e.metadata().map(|m| m.len()).unwrap_or(0)
                    }
                })
                .sum()
        })
        .unwrap_or(0)
}

#[tokio::main]
async fn main() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("bench.sqlite");
    let opened = db::open(&path, chrono::Utc::now()).await.unwrap();
    let conn = opened.db;
    let actor = Actor::new(
        "基准",
        Clock::office(chrono::Local::now().fixed_offset(), None),
    )
    .unwrap();
    demo::generate(&conn, &actor, 500).await.unwrap();
    let entries = demo::generate_ledger(&conn, &actor, 100, 7).await.unwrap();
    let root = attachment::root_for(&path);
    let ids: Vec<i64> = distributor::list(
        &conn,
        &dealerdesk_core::actor::Access::Open,
        &distributor::DistributorQuery {
            paging: Paging::ALL,
            ..Default::default()
        },
    )
    .await
    .unwrap()
    .rows
    .iter()
    .map(|d| d.id)
    .collect();
    // Scans are already compressed: pseudo-random bytes stand for them.
    let mut x: u64 = 0x9E37_79B9_7F4A_7C15;
    for i in 0..200usize {
        let size = 50 * 1024 + (i % 5) * 50 * 1024;
        let bytes: Vec<u8> = (0..size)
            .map(|_| {
                x ^= x << 13;
                x ^= x >> 7;
                x ^= x << 17;
                x as u8
            })
            .collect();
        let src = dir.path().join(format!("scan-{i}.pdf"));
        std::fs::write(&src, bytes).unwrap();
        attachment::add(
            &conn,
            &root,
            &actor,
            AttachmentAdd {
                distributor_id: ids[i % ids.len()],
                kind: AttachmentKind::SiteVisitPhoto,
                source_path: src.display().to_string(),
                visit_id: None,
                statement_run_id: None,
            },
        )
        .await
        .unwrap();
    }
    db::close(conn).await.unwrap();
    drop(opened.lock);
    let conn = db::open(&path, chrono::Utc::now()).await.unwrap();
    println!(
        "database: {} distributors, {entries} ledger entries, {} file; attachments: 200, {}",
        ids.len(),
        mb(std::fs::metadata(&path).unwrap().len()),
        mb(dir_size(&root))
    );

    let folder = dir.path().join("backups");
    let at = chrono::Local::now().fixed_offset();
    let t = Instant::now();
    let info = backup::create_in(&conn.db, &root, &folder, BackupKind::Manual, at)
        .await
        .unwrap();
    println!(
        "backup:  {:.2} s, {} ({} attachments)",
        t.elapsed().as_secs_f64(),
        mb(info.size),
        info.attachments
    );
    let file = std::path::PathBuf::from(&info.path);
    let t = Instant::now();
    let checked = restore::inspect(&file, &path).await.unwrap();
    println!(
        "verify:  {:.2} s (manifest, SHA-256 of every part, integrity_check, counts: {} ledger entries)",
        t.elapsed().as_secs_f64(),
        checked.counts["ledger_entry"]
    );
    db::close(conn.db).await.unwrap();
    drop(conn.lock);
    let place = restore::Place {
        db_path: &path,
        attachments_root: &root,
        backups: &folder,
    };
    let t = Instant::now();
    restore::restore(&place, &file, at).await.unwrap();
    println!(
        "restore: {:.2} s (the current data backed up first, then swapped)",
        t.elapsed().as_secs_f64()
    );
}
