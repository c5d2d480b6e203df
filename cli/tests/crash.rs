//! Crash safety, proven: the CLI is killed (SIGKILL) at seeded random moments
//! during large imports, a rebate approval, a batch of statements and a
//! restore. After each kill SQLite finds the file sound and every write is
//! all or nothing: the counts and sums are those before or those after, never
//! between; no half-written PDF is left; a killed first start (the
//! migrations) leaves a file the next start opens. `CRASH_SEED` replays a
//! run, `CRASH_KILLS` sets the number of kills.
mod common;

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use common::{ok, HEADER};
use dealerdesk_core::db;
use sea_orm::{ConnectionTrait, Statement};

/// xorshift64*: the same seed gives the same kill moments.
struct Moments(u64);

impl Moments {
    fn new(salt: u64) -> Moments {
        let seed = std::env::var("CRASH_SEED")
            .ok()
            .and_then(|s| s.parse().ok())
            .unwrap_or(2026u64);
        eprintln!("crash seed {seed} (set CRASH_SEED to replay)");
        Moments((seed ^ salt.wrapping_mul(0x9E37_79B9_7F4A_7C15)) | 1)
    }
    /// A moment in [from, to).
    fn between(&mut self, from: Duration, to: Duration) -> Duration {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        let r = self.0.wrapping_mul(0x2545_F491_4F6C_DD1D);
        let span = to.saturating_sub(from).as_micros().max(1) as u64;
        from + Duration::from_micros(r % span)
    }
    /// A moment in [0, within).
    fn next(&mut self, within: Duration) -> Duration {
        self.between(Duration::ZERO, within)
    }
}

/// How many kills a test makes: its own number, or `CRASH_KILLS` when set
/// (the figures for a report are taken with `CRASH_KILLS=30`).
fn kills(default: usize) -> usize {
    std::env::var("CRASH_KILLS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(default)
}

fn command(db: &Path, args: &[&str]) -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_dealerdesk-cli"));
    c.arg("--db")
        .arg(db)
        .args(["--operator", "批处理"])
        .args(args)
        .env_remove("DEALERDESK_DB")
        .env("DEALERDESK_TODAY", "2026-11-30")
        .stdout(Stdio::null())
        .stderr(Stdio::null());
    c
}

/// Runs to the end; returns how long it took.
fn timed(db: &Path, args: &[&str]) -> Duration {
    let start = Instant::now();
    let status = command(db, args).status().unwrap();
    assert!(status.success(), "{args:?}");
    start.elapsed()
}

/// Starts the command and kills it after `after` (SIGKILL); true when it had
/// already finished.
fn kill_after(db: &Path, args: &[&str], after: Duration) -> bool {
    let mut child = command(db, args).spawn().unwrap();
    let deadline = Instant::now() + after;
    while Instant::now() < deadline {
        if child.try_wait().unwrap().is_some() {
            return true;
        }
        std::thread::sleep(Duration::from_millis(2));
    }
    child.kill().ok();
    child.wait().unwrap();
    false
}

/// The file as the next program finds it: sound, and these numbers.
fn state(path: &Path, sql: &str) -> Vec<i64> {
    let rt = tokio::runtime::Runtime::new().unwrap();
    rt.block_on(async {
        let conn = db::connect(path).await.unwrap();
        db::integrity_check(&conn, path)
            .await
            .unwrap_or_else(|e| panic!("after a kill: {e}"));
        let row = conn
            .query_one_raw(Statement::from_string(conn.get_database_backend(), sql))
            .await
            .unwrap()
            .unwrap();
        let n = (0..4)
            .map_while(|i| row.try_get_by_index::<Option<i64>>(i).ok())
            .map(|v| v.unwrap_or(0))
            .collect();
        db::close(conn).await.unwrap();
        n
    })
}

/// A fresh copy of `base` (its file alone: it was closed cleanly).
fn copy_of(base: &Path, dir: &Path, name: &str) -> PathBuf {
    let p = dir.join(name);
    for suffix in ["", "-wal", "-shm"] {
        std::fs::remove_file(format!("{}{suffix}", p.display())).ok();
    }
    std::fs::copy(base, &p).unwrap();
    p
}

fn distributors_csv(path: &Path, from: u64, count: u64) {
    let mut out = String::from(HEADER);
    out.push('\n');
    for n in from..from + count {
        out.push_str(&format!(
            "D{n:06},经销商{n}商贸有限公司,,{},张三,李四,139{:08},,浙江省,杭州市,,文三路 {n} 号,basic,active,50000.00,30\n",
            dealerdesk_core::demo::uscc_for(n),
            n
        ));
    }
    std::fs::write(path, out).unwrap();
}

/// Kills `args` `kills` times at random moments; after each, the state is
/// `before` or `after`. The moments start spread over the time the command
/// takes and close in on its write: a kill that found the file not yet opened
/// (no `-wal` beside it) moves the earliest moment up, one that found the work
/// committed moves the latest down. At least a third of the kills must land
/// inside the write (file opened, nothing committed), or the test proves nothing.
fn kill_repeatedly(
    dir: &Path,
    base: &Path,
    args: &[&str],
    sql: &str,
    kills: usize,
    salt: u64,
) -> usize {
    let probe = copy_of(base, dir, "probe.sqlite");
    let before = state(&probe, sql);
    let took = timed(&probe, args);
    let after = state(&probe, sql);
    assert_ne!(before, after, "the command changes something");
    let mut moments = Moments::new(salt);
    let (mut earliest, mut latest) = (Duration::ZERO, took + took / 5);
    let mut cut = 0;
    let kills = self::kills(kills);
    for i in 0..kills {
        let db = copy_of(base, dir, &format!("kill-{i}.sqlite"));
        let at = moments.between(earliest, latest);
        let finished = kill_after(&db, args, at);
        // Before `state` opens it: a `-wal` shows the command had the file open.
        let opened = Path::new(&format!("{}-wal", db.display())).exists();
        let now = state(&db, sql);
        assert!(
            now == before || now == after,
            "killed at {at:?} of {took:?}: {now:?} is neither {before:?} nor {after:?}"
        );
        if !finished {
            if now == after {
                latest = latest.min(at);
            } else if opened {
                cut += 1;
            } else {
                earliest = earliest.max(at);
            }
        }
        // The next run finishes the job on the same file.
        if now == before {
            timed(&db, args);
            assert_eq!(state(&db, sql), after);
        }
        for suffix in ["", "-wal", "-shm", ".lock"] {
            std::fs::remove_file(format!("{}{suffix}", db.display())).ok();
        }
    }
    eprintln!(
        "{args:?}: {kills} kills within {took:?}, {cut} inside the write (which lies in {earliest:?}..{latest:?})"
    );
    assert!(
        cut * 3 >= kills,
        "{args:?}: only {cut} of {kills} kills landed inside the write"
    );
    cut
}

/// A first start creates the file and runs every migration; killed at any
/// moment of it, the next start finds a file that opens, whole.
#[test]
fn killed_first_starts_leave_a_file_the_next_start_opens() {
    let dir = tempfile::tempdir().unwrap();
    let probe = dir.path().join("probe.sqlite");
    let took = timed(&probe, &["distributors", "list"]);
    let mut moments = Moments::new(11);
    let (runs, mut cut) = (kills(10), 0);
    for i in 0..runs {
        let db = dir.path().join(format!("first-{i}.sqlite"));
        let at = moments.next(took + took / 5);
        if !kill_after(&db, &["distributors", "list"], at) {
            cut += 1;
        }
        // The next start opens it and finishes (or redoes) the migrations.
        timed(&db, &["distributors", "list", "--json"]);
        assert_eq!(state(&db, "SELECT COUNT(*) FROM distributor"), vec![0]);
        assert_eq!(
            state(&db, "SELECT COUNT(*) FROM seaql_migrations"),
            state(&probe, "SELECT COUNT(*) FROM seaql_migrations"),
            "killed at {at:?}"
        );
    }
    eprintln!(
        "first start: {runs} runs within {took:?}, {cut} killed before the end; every file opened"
    );
    assert!(
        cut * 3 >= runs,
        "only {cut} of {runs} kills landed before the end"
    );
}

#[test]
fn killed_distributor_imports_write_all_or_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let base = dir.path().join("base.sqlite");
    ok(&base, &["distributors", "list"]);
    let csv = dir.path().join("d.csv");
    distributors_csv(&csv, 1, 20_000);
    let csv = csv.to_str().unwrap().to_string();
    kill_repeatedly(
        dir.path(),
        &base,
        &["distributors", "import", &csv],
        "SELECT COUNT(*), (SELECT COUNT(*) FROM status_change), (SELECT COUNT(*) FROM audit_entry) FROM distributor",
        6,
        1,
    );
}

#[test]
fn killed_ledger_imports_write_all_or_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let base = dir.path().join("base.sqlite");
    let people = dir.path().join("d.csv");
    distributors_csv(&people, 1, 200);
    ok(&base, &["distributors", "import", people.to_str().unwrap()]);
    let mut sheet = String::from("distributor_code,date,doc_no,kind,amount\n");
    for n in 0..20_000u64 {
        sheet.push_str(&format!(
            "D{:06},2026-{:02}-{:02},INV-{n:06},invoice,{}.{:02}\n",
            n % 200 + 1,
            n % 9 + 1,
            n % 27 + 1,
            n % 997 + 100,
            n % 100
        ));
    }
    let csv = dir.path().join("l.csv");
    std::fs::write(&csv, sheet).unwrap();
    let csv = csv.to_str().unwrap().to_string();
    kill_repeatedly(
        dir.path(),
        &base,
        &["ledger", "import", &csv],
        "SELECT COUNT(*), CAST(COALESCE(SUM(amount_fen), 0) AS BIGINT) FROM ledger_entry",
        8,
        2,
    );
}

#[test]
fn killed_rebate_approvals_post_all_or_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let base = dir.path().join("base.sqlite");
    ok(
        &base,
        &[
            "demo-data",
            "--distributors",
            "120",
            "--entries-per-distributor",
            "30",
        ],
    );
    kill_repeatedly(
        dir.path(),
        &base,
        &[
            "rebates",
            "run",
            "--from",
            "2026-01-01",
            "--to",
            "2026-03-31",
            "--approve",
        ],
        "SELECT COUNT(*), CAST(COALESCE(SUM(amount_fen), 0) AS BIGINT) FROM ledger_entry",
        // The write is a few milliseconds of a short run: more kills to find it.
        16,
        3,
    );
}

/// A PDF as the writer finishes it: the header, and the end-of-file mark last.
fn whole_pdf(path: &Path) -> bool {
    let bytes = std::fs::read(path).unwrap();
    let tail = String::from_utf8_lossy(&bytes[bytes.len().saturating_sub(32)..]).into_owned();
    bytes.starts_with(b"%PDF-") && tail.trim_end().ends_with("%%EOF")
}

#[test]
fn killed_statement_batches_leave_only_whole_pdfs() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("base.sqlite");
    ok(
        &db,
        &[
            "demo-data",
            "--distributors",
            "60",
            "--entries-per-distributor",
            "20",
        ],
    );
    let out = dir.path().join("statements");
    let out_s = out.to_str().unwrap().to_string();
    let args = [
        "statements",
        "--from",
        "2026-01-01",
        "--to",
        "2026-03-31",
        "--out-dir",
        &out_s,
    ];
    let took = timed(&db, &args);
    let whole = std::fs::read_dir(&out).unwrap().count();
    let mut moments = Moments::new(4);
    for _ in 0..5 {
        std::fs::remove_dir_all(&out).ok();
        let at = moments.next(took);
        kill_after(&db, &args, at);
        for e in std::fs::read_dir(&out).into_iter().flatten().flatten() {
            let name = e.file_name().to_string_lossy().into_owned();
            if name.ends_with(".pdf") {
                assert!(
                    whole_pdf(&e.path()),
                    "{name} is half-written (killed at {at:?})"
                );
            } else {
                assert!(
                    name.ends_with(".pdf.part") && name.starts_with('.'),
                    "{name}"
                );
            }
        }
        // The next batch into the folder leaves whole PDFs only.
        timed(&db, &args);
        let names: Vec<String> = std::fs::read_dir(&out)
            .unwrap()
            .flatten()
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .collect();
        assert_eq!(names.len(), whole, "{names:?}");
        assert!(names.iter().all(|n| n.ends_with(".pdf")), "{names:?}");
    }
}

#[test]
fn killed_restores_leave_the_old_data_or_the_new() {
    let dir = tempfile::tempdir().unwrap();
    let old = dir.path().join("old.sqlite");
    let people = dir.path().join("d.csv");
    distributors_csv(&people, 1, 200);
    ok(&old, &["distributors", "import", people.to_str().unwrap()]);
    let other = dir.path().join("other.sqlite");
    distributors_csv(&people, 5_001, 2_000);
    ok(
        &other,
        &["distributors", "import", people.to_str().unwrap()],
    );
    let backup = dir.path().join("other.ddbak");
    ok(&other, &["backup", "--out", backup.to_str().unwrap()]);
    let backup = backup.to_str().unwrap().to_string();
    let args = ["restore", backup.as_str(), "--yes"];
    let sql = "SELECT COUNT(*) FROM distributor";

    let probe = copy_of(&old, dir.path(), "probe.sqlite");
    let took = timed(&probe, &args);
    assert_eq!(state(&probe, sql), vec![2_000]);
    let mut moments = Moments::new(5);
    for i in 0..8 {
        let db = copy_of(&old, dir.path(), &format!("r{i}.sqlite"));
        let at = moments.next(took + took / 5);
        kill_after(&db, &args, at);
        // The file opens as the program opens it (migrating nothing, or all).
        let rt = tokio::runtime::Runtime::new().unwrap();
        rt.block_on(async {
            let opened = db::open(&db, chrono::Utc::now())
                .await
                .unwrap_or_else(|e| panic!("killed at {at:?}: {e}"));
            db::close(opened.db).await.unwrap();
        });
        let n = state(&db, sql);
        assert!(
            n == vec![200] || n == vec![2_000],
            "killed at {at:?}: {n:?}"
        );
    }
}

#[test]
fn killed_backups_and_restores_leave_no_hidden_copy_past_the_next_start() {
    let dir = tempfile::tempdir().unwrap();
    let base = dir.path().join("base.sqlite");
    let people = dir.path().join("d.csv");
    distributors_csv(&people, 1, 2_000);
    ok(&base, &["distributors", "import", people.to_str().unwrap()]);
    let other = dir.path().join("other.ddbak");
    ok(&base, &["backup", "--out", other.to_str().unwrap()]);
    let other = other.to_str().unwrap().to_string();
    let work = dir.path().join("work");
    std::fs::create_dir_all(&work).unwrap();
    let backups = work.join("backups");
    let mut moments = Moments::new(7);
    for (name, args) in [
        ("backup", vec!["backup"]),
        ("restore", vec!["restore", other.as_str(), "--yes"]),
    ] {
        let probe = copy_of(&base, &work, "probe.sqlite");
        let took = timed(&probe, &args);
        let (mut left, mut kills) = (0, 0);
        for i in 0..30 {
            let db = copy_of(&base, &work, &format!("{name}-{i}.sqlite"));
            let at = moments.next(took + took / 5);
            if !kill_after(&db, &args, at) {
                kills += 1;
            }
            let found =
                db::files::scratch_names(&work).len() + db::files::scratch_names(&backups).len();
            left += usize::from(found > 0);
            // The next start removes them all.
            timed(&db, &["distributors", "list", "--json"]);
            assert_eq!(
                db::files::scratch_names(&work),
                Vec::<String>::new(),
                "{name} killed at {at:?}"
            );
            assert_eq!(
                db::files::scratch_names(&backups),
                Vec::<String>::new(),
                "{name} killed at {at:?}"
            );
            assert_eq!(state(&db, "SELECT COUNT(*) FROM distributor"), vec![2_000]);
        }
        eprintln!(
            "{name}: 30 runs, {kills} killed, {left} left hidden copies, 0 after the next start"
        );
        assert!(
            kills >= 10,
            "{name}: only {kills} of 30 kills landed before the end"
        );
        assert!(
            left >= 1,
            "{name}: no kill landed while a hidden copy existed"
        );
    }
}
