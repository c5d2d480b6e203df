//! The office server from the command line: a file moved with `migrate`, the
//! server backed up, the backup restored into another empty server database;
//! every step shows the same ledger and receivables as the file.
mod common;

use common::{cli, Server};
use std::process::Command;

fn run(db: &str, args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_dealerdesk-cli"))
        .args(["--db", db, "--operator", "批处理", "--today", "2026-12-07"])
        .args(args)
        .env_remove("DEALERDESK_DB")
        .output()
        .unwrap()
}

/// As the first owner, logged in (a server always asks).
fn run_as(db: &str, args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_dealerdesk-cli"))
        .args([
            "--db",
            db,
            "--today",
            "2026-12-07",
            "--user",
            common::TESTER,
        ])
        .args(args)
        .env("DEALERDESK_PASSWORD", common::TESTER_PASSWORD)
        .env_remove("DEALERDESK_DB")
        .output()
        .unwrap()
}

fn ok(out: std::process::Output) -> String {
    assert!(
        out.status.success(),
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// The ledger as exported, and the receivables as JSON.
fn figures(db: &str, dir: &std::path::Path, tag: &str) -> (String, String) {
    let csv = dir.join(format!("{tag}.csv"));
    let go = |args: &[&str]| {
        if db.starts_with("postgres") {
            run_as(db, args)
        } else {
            run(db, args)
        }
    };
    ok(go(&["ledger", "export", csv.to_str().unwrap()]));
    let r = ok(go(&["receivables", "--as-of", "2026-12-07", "--json"]));
    (std::fs::read_to_string(csv).unwrap(), r)
}

#[test]
fn a_file_moves_to_the_server_backs_up_there_and_restores_into_another() {
    let server = Server::get();
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("office.sqlite");
    let file_s = file.to_str().unwrap();
    ok(run(
        file_s,
        &[
            "demo-data",
            "--distributors",
            "12",
            "--entries-per-distributor",
            "20",
            "--complaints",
            "6",
        ],
    ));
    let before = figures(file_s, dir.path(), "file");

    let url = server.database(&format!("moved_{}", std::process::id()));
    let out = ok(run(file_s, &["migrate", "--from", file_s, "--to", &url]));
    assert!(out.contains("verified:"), "{out}");
    assert!(out.contains("ledger_entry"), "{out}");
    // A server always asks for a login: none yet, so only the first owner may be added.
    let refused = run(&url, &["distributors", "list"]);
    assert!(!refused.status.success());
    let err = String::from_utf8_lossy(&refused.stderr);
    assert!(err.contains("login_required"), "{err}");
    common::add_first_owner(&url);
    assert_eq!(figures(&url, dir.path(), "server"), before);

    // Not into a database that holds data: refused, non-zero, nothing changed.
    let again = run(file_s, &["migrate", "--from", file_s, "--to", &url]);
    assert!(!again.status.success());
    let err = String::from_utf8_lossy(&again.stderr);
    assert!(err.contains("already holds data"), "{err}");
    assert_eq!(figures(&url, dir.path(), "server2"), before);

    // The server's own writes go on after the copied ids and numbers.
    let sheet = dir.path().join("new.csv");
    std::fs::write(
        &sheet,
        format!("{}\nN1,新华东经销有限公司,新华东,91110000802100433B,,王伟,13812345678,,北京市,北京市,,,core,active,1000.00,30\n", common::HEADER),
    )
    .unwrap();
    let added = ok(run_as(
        &url,
        &["distributors", "import", sheet.to_str().unwrap()],
    ));
    assert!(added.contains('1'), "{added}");
    let list = ok(run_as(&url, &["distributors", "list", "--json"]));
    assert!(list.contains("新华东经销有限公司"), "{list}");
    let before = figures(&url, dir.path(), "grown");
    let backup = dir.path().join("server.ddbak");
    ok(run_as(&url, &["backup", "--out", backup.to_str().unwrap()]));
    let checked = ok(run_as(
        &url,
        &["backup", "--verify", backup.to_str().unwrap()],
    ));
    assert!(checked.contains("verified"), "{checked}");

    let other = server.database(&format!("restored_{}", std::process::id()));
    let restored = ok(run(&other, &["restore", backup.to_str().unwrap(), "--yes"]));
    assert!(restored.contains("restored"), "{restored}");
    assert_eq!(figures(&other, dir.path(), "restored"), before);

    // A file keeps working as before beside it.
    assert!(cli(&file, &["distributors", "list"]).status.success());
}

#[test]
fn a_server_that_cannot_be_reached_is_named_without_its_password() {
    let out = run(
        "postgres://clerk:s3cret@127.0.0.1:1/dealerdesk",
        &["distributors", "list"],
    );
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("cannot be reached"), "{err}");
    assert!(
        err.contains("postgres://clerk:***@127.0.0.1:1/dealerdesk"),
        "{err}"
    );
    assert!(!err.contains("s3cret"), "{err}");
}
