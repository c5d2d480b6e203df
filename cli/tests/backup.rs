//! `backup` and `restore` as a clerk runs them.
mod common;

use common::{bare, cli, ok};

fn stdout(o: &std::process::Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}
fn stderr(o: &std::process::Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn distributors(db: &std::path::Path) -> usize {
    let out = ok(db, &["distributors", "list", "--json"]);
    serde_json::from_slice::<Vec<serde_json::Value>>(&out.stdout)
        .unwrap()
        .len()
}

#[test]
fn backup_verify_and_restore_from_the_command_line() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("office.sqlite");
    ok(&db, &["demo-data", "--distributors", "12"]);
    assert_eq!(distributors(&db), 12);

    // Into the default folder, named to the millisecond.
    let made = ok(&db, &["backup"]);
    let first_line = stdout(&made).lines().next().unwrap().to_string();
    assert!(first_line.contains("/backups/dealerdesk-"), "{first_line}");
    assert!(first_line.ends_with("-manual.ddbak"), "{first_line}");

    // --out writes exactly that file and refuses an existing one.
    let out = dir.path().join("u盘 copy.ddbak");
    ok(&db, &["backup", "--out", out.to_str().unwrap()]);
    assert!(out.exists());
    let again = cli(&db, &["backup", "--out", out.to_str().unwrap()]);
    assert!(!again.status.success());
    assert!(
        stderr(&again).contains("already used"),
        "{}",
        stderr(&again)
    );

    // --verify reads it back; as JSON too.
    let v = ok(
        &db,
        &["backup", "--verify", out.to_str().unwrap(), "--json"],
    );
    let info: serde_json::Value = serde_json::from_slice(&v.stdout).unwrap();
    assert_eq!(info["counts"]["distributor"], 12);

    // More work after the backup.
    ok(&db, &["demo-data", "--distributors", "3"]);
    assert_eq!(distributors(&db), 15);

    // Without --yes and without a terminal to ask: refused, nothing changes.
    let refused = bare(&db, &["restore", out.to_str().unwrap()], &[]);
    assert!(!refused.status.success());
    assert!(stderr(&refused).contains("--yes"), "{}", stderr(&refused));
    assert_eq!(distributors(&db), 15);

    let restored = ok(&db, &["restore", out.to_str().unwrap(), "--yes"]);
    assert!(
        stdout(&restored).contains("the data it replaced:"),
        "{}",
        stdout(&restored)
    );
    assert_eq!(distributors(&db), 12);
    // What it replaced is itself a backup that verifies, with the 15.
    let kept = stdout(&restored)
        .lines()
        .find_map(|l| l.strip_prefix("the data it replaced: "))
        .unwrap()
        .to_string();
    let v = ok(&db, &["backup", "--verify", &kept, "--json"]);
    let info: serde_json::Value = serde_json::from_slice(&v.stdout).unwrap();
    assert_eq!(info["counts"]["distributor"], 15);
    assert_eq!(info["kind"], "before_restore");
}

#[test]
fn a_damaged_or_newer_database_can_still_be_replaced() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("office.sqlite");
    ok(&db, &["demo-data", "--distributors", "5"]);
    let out = dir.path().join("good.ddbak");
    ok(&db, &["backup", "--out", out.to_str().unwrap()]);

    // The current file is now not a database at all.
    std::fs::write(&db, vec![0x42u8; 64 * 1024]).unwrap();
    let list = cli(&db, &["distributors", "list"]);
    assert!(!list.status.success());
    assert!(
        stderr(&list).contains("not a DealerDesk database"),
        "{}",
        stderr(&list)
    );
    assert!(!stderr(&list).contains("panicked"));

    let v = ok(&db, &["backup", "--verify", out.to_str().unwrap()]);
    assert!(stdout(&v).contains("verified"));
    ok(&db, &["restore", out.to_str().unwrap(), "--yes"]);
    assert_eq!(distributors(&db), 5);

    // A damaged backup is refused with its reason, non-zero.
    let bad = dir.path().join("bad.ddbak");
    let bytes = std::fs::read(&out).unwrap();
    std::fs::write(&bad, &bytes[..bytes.len() - 100]).unwrap();
    let r = cli(&db, &["backup", "--verify", bad.to_str().unwrap()]);
    assert!(!r.status.success());
    assert!(
        stderr(&r).contains("not a sound DealerDesk backup"),
        "{}",
        stderr(&r)
    );
    let r = cli(&db, &["restore", bad.to_str().unwrap(), "--yes"]);
    assert!(!r.status.success());
    assert_eq!(distributors(&db), 5);
}

/// A restore and `backup --verify` of another backup on the same database, at
/// once, 50 times: each unpacks into a scratch file of its own, the restore
/// takes the lock before it verifies, and the verify holds the shared lock.
/// Every restore either installs its own backup or is refused as "in use";
/// none installs the other one, and no sound backup is called damaged.
#[test]
fn a_restore_beside_a_verify_installs_its_own_backup_or_waits() {
    use std::sync::atomic::{AtomicBool, Ordering};
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("office.sqlite");
    ok(&db, &["demo-data", "--distributors", "3"]);
    let mine = dir.path().join("mine.ddbak");
    ok(&db, &["backup", "--out", mine.to_str().unwrap()]);
    let elsewhere = dir.path().join("elsewhere.sqlite");
    ok(&elsewhere, &["demo-data", "--distributors", "7"]);
    let theirs = dir.path().join("theirs.ddbak");
    ok(&elsewhere, &["backup", "--out", theirs.to_str().unwrap()]);

    let stop = AtomicBool::new(false);
    let (mut restored, mut refused) = (0, 0);
    let verified = std::thread::scope(|s| {
        let verifier = s.spawn(|| {
            let mut n = 0u32;
            // Bounded, whatever happens to the restores.
            let deadline = std::time::Instant::now() + std::time::Duration::from_secs(120);
            while !stop.load(Ordering::Relaxed) && std::time::Instant::now() < deadline {
                let v = cli(&db, &["backup", "--verify", theirs.to_str().unwrap()]);
                let err = stderr(&v);
                assert!(v.status.success(), "a sound backup refused: {err}");
                n += u32::from(v.status.success());
                std::thread::sleep(std::time::Duration::from_millis(u64::from(n % 4) * 10));
            }
            n
        });
        let mut wrong = Vec::new();
        for _ in 0..50 {
            let r = cli(&db, &["restore", mine.to_str().unwrap(), "--yes"]);
            if r.status.success() {
                restored += 1;
                let n = distributors(&db);
                if n != 3 {
                    wrong.push(format!("installed a backup of {n} distributors"));
                }
            } else if stderr(&r).contains("is open in another DealerDesk") {
                refused += 1;
            } else {
                wrong.push(stderr(&r));
            }
        }
        stop.store(true, Ordering::Relaxed);
        assert_eq!(wrong, Vec::<String>::new());
        verifier.join().unwrap()
    });
    eprintln!(
        "50 restores beside {verified} verifies: {restored} restored, {refused} refused as in use"
    );
    assert!(
        restored >= 5,
        "only {restored} restores ran beside the verifies"
    );
    assert!(
        verified >= 5,
        "only {verified} verifies ran beside the restores"
    );
}

/// Backups are files named and dated by when they were really written (the
/// rotation orders them so), never by `--today`, which dates the office's
/// records only.
#[test]
fn a_backup_is_named_by_the_real_clock_not_by_today() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("office.sqlite");
    ok(&db, &["distributors", "list"]);
    let before = chrono::Local::now().format("%Y%m%d").to_string();
    let made = ok(&db, &["--today", "2020-01-15", "backup"]);
    let after = chrono::Local::now().format("%Y%m%d").to_string();
    let path = stdout(&made).lines().next().unwrap().to_string();
    assert!(
        path.contains(&format!("dealerdesk-{before}-"))
            || path.contains(&format!("dealerdesk-{after}-")),
        "{path}"
    );
    assert!(!path.contains("20200115"), "{path}");
}
