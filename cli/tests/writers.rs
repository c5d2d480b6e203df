//! Two processes write to one database: while this test holds a write
//! transaction (as the app does during a save), the CLI's import waits for
//! it and then succeeds, instead of failing at once with "database is locked".
//! And what the CLI wrote is in the database file itself when it exits.
mod common;

use std::process::{Command, Stdio};
use std::time::Duration;

use common::{ok, HEADER};
use dealerdesk_core::{db, demo};
use sea_orm::ConnectionTrait;

fn sheet(dir: &std::path::Path, name: &str, code: &str, uscc: &str) -> std::path::PathBuf {
    let path = dir.join(name);
    std::fs::write(
        &path,
        format!("{HEADER}\n{code},{code}经销,,{uscc},,王伟,13812345678,,北京市,北京市,,,core,active,1000.00,30\n"),
    )
    .unwrap();
    path
}

#[tokio::test(flavor = "multi_thread")]
async fn a_second_writer_waits_for_the_first() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("shared.sqlite");
    let first = sheet(dir.path(), "first.csv", "D1", &demo::uscc_for(1));
    ok(&file, &["distributors", "import", first.to_str().unwrap()]);

    // This process writes and holds its transaction open.
    let conn = db::open(&file, chrono::Utc::now()).await.unwrap().db;
    let txn = db::write(&conn).await.unwrap();
    txn.execute_unprepared("UPDATE distributor SET notes = notes || ''")
        .await
        .unwrap();

    // Meanwhile the CLI imports another distributor.
    let second = sheet(dir.path(), "second.csv", "D2", &demo::uscc_for(2));
    let child = Command::new(env!("CARGO_BIN_EXE_dealerdesk-cli"))
        .arg("--db")
        .arg(&file)
        .args(["--operator", "批处理", "distributors", "import"])
        .arg(&second)
        .env_remove("DEALERDESK_DB")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // Long enough for the CLI to reach its write; far inside its busy timeout.
    std::thread::sleep(Duration::from_secs(3));
    let mut child = child;
    assert!(
        child.try_wait().unwrap().is_none(),
        "the CLI finished while a write was open: it did not wait for the lock"
    );
    txn.commit().await.unwrap();

    let out = child.wait_with_output().unwrap();
    assert!(
        out.status.success(),
        "the CLI failed beside a writer: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let listed = ok(&file, &["distributors", "list", "--json"]);
    let rows: serde_json::Value = serde_json::from_slice(&listed.stdout).unwrap();
    assert_eq!(rows.as_array().unwrap().len(), 2, "both writes landed");
}

#[test]
fn the_database_file_alone_holds_what_the_cli_wrote() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("office.sqlite");
    let sheet = sheet(dir.path(), "one.csv", "D1", &demo::uscc_for(1));
    ok(&file, &["distributors", "import", sheet.to_str().unwrap()]);
    // The CLI checkpointed and closed: nothing is left only in the log.
    let wal = dir.path().join("office.sqlite-wal");
    assert!(
        wal.metadata().map(|m| m.len()).unwrap_or(0) == 0,
        "committed data left in {}",
        wal.display()
    );
    // A user copies just the .sqlite file: the copy holds the import.
    let copy = dir.path().join("copy.sqlite");
    std::fs::copy(&file, &copy).unwrap();
    let listed = ok(&copy, &["distributors", "list", "--json"]);
    let rows: serde_json::Value = serde_json::from_slice(&listed.stdout).unwrap();
    assert_eq!(rows.as_array().unwrap().len(), 1);
}

/// A write held past the busy timeout (10 s): the CLI keeps waiting, says so
/// once, and succeeds when the first write ends. It was still running, and
/// had written nothing, while the first write was open.
#[tokio::test(flavor = "multi_thread")]
async fn a_second_writer_waits_past_the_busy_timeout_and_says_so() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("shared.sqlite");
    let first = sheet(dir.path(), "first.csv", "D1", &demo::uscc_for(1));
    ok(&file, &["distributors", "import", first.to_str().unwrap()]);
    let conn = db::open(&file, chrono::Utc::now()).await.unwrap().db;
    let txn = db::write(&conn).await.unwrap();
    txn.execute_unprepared("UPDATE distributor SET notes = notes || ''")
        .await
        .unwrap();
    let second = sheet(dir.path(), "second.csv", "D2", &demo::uscc_for(2));
    let mut child = Command::new(env!("CARGO_BIN_EXE_dealerdesk-cli"))
        .arg("--db")
        .arg(&file)
        .args(["--operator", "批处理", "distributors", "import"])
        .arg(&second)
        .env_remove("DEALERDESK_DB")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    std::thread::sleep(Duration::from_secs(13));
    assert!(
        child.try_wait().unwrap().is_none(),
        "the CLI stopped while the first write was open"
    );
    txn.commit().await.unwrap();
    let out = child.wait_with_output().unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{err}");
    assert_eq!(
        err.matches("waiting for another DealerDesk").count(),
        1,
        "{err}"
    );
    db::close(conn).await.unwrap();
}

/// Two long imports at once, each 20,000 ledger rows: both succeed, whichever
/// writes second waiting for the first; every row of both lands. One round
/// by default; `WRITERS_RUNS=10` repeats it for a report.
#[test]
fn two_long_imports_at_once_both_land() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("shared.sqlite");
    let people = dir.path().join("people.csv");
    let mut rows = String::from(HEADER);
    for n in 1..=50u64 {
        rows.push_str(&format!(
            "\nD{n:03},经销商{n},,{},,王伟,13812345678,,北京市,北京市,,,core,active,1000.00,30",
            demo::uscc_for(n)
        ));
    }
    std::fs::write(&people, rows).unwrap();
    ok(&file, &["distributors", "import", people.to_str().unwrap()]);
    let runs: usize = std::env::var("WRITERS_RUNS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(1);
    let mut waited = 0;
    for run in 0..runs {
        let sheets: Vec<_> = ["a", "b"]
            .iter()
            .map(|side| {
                let mut s = String::from("distributor_code,date,doc_no,kind,amount\n");
                for n in 0..20_000u64 {
                    s.push_str(&format!(
                        "D{:03},2026-03-{:02},{side}{run}-{n:06},invoice,{}.{:02}\n",
                        n % 50 + 1,
                        n % 27 + 1,
                        n % 997 + 100,
                        n % 100
                    ));
                }
                let path = dir.path().join(format!("{side}{run}.csv"));
                std::fs::write(&path, s).unwrap();
                path
            })
            .collect();
        let children: Vec<_> = sheets
            .iter()
            .map(|sheet| {
                Command::new(env!("CARGO_BIN_EXE_dealerdesk-cli"))
                    .arg("--db")
                    .arg(&file)
                    .args(["--operator", "批处理", "ledger", "import"])
                    .arg(sheet)
                    .env_remove("DEALERDESK_DB")
                    .env("DEALERDESK_TODAY", "2026-04-30")
                    .stdout(Stdio::piped())
                    .stderr(Stdio::piped())
                    .spawn()
                    .unwrap()
            })
            .collect();
        for child in children {
            let out = child.wait_with_output().unwrap();
            let err = String::from_utf8_lossy(&out.stderr);
            assert!(out.status.success(), "run {run}: {err}");
            waited += usize::from(err.contains("waiting for another DealerDesk"));
        }
        let rt = tokio::runtime::Runtime::new().unwrap();
        let n = rt.block_on(async {
            let conn = db::connect(&file).await.unwrap();
            let row = conn
                .query_one_raw(sea_orm::Statement::from_string(
                    conn.get_database_backend(),
                    "SELECT COUNT(*) FROM ledger_entry",
                ))
                .await
                .unwrap()
                .unwrap();
            let n: i64 = row.try_get_by_index(0).unwrap();
            db::close(conn).await.unwrap();
            n
        });
        assert_eq!(n, 40_000 * (run as i64 + 1), "run {run}");
    }
    eprintln!(
        "two long imports: {runs} runs, both landed each time; {waited} said they were waiting"
    );
}
