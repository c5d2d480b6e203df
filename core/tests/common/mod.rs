#![allow(dead_code)]
use dealerdesk_core::actor::Actor;
use dealerdesk_core::dates::Clock;
use dealerdesk_core::distributor::DistributorInput;
use dealerdesk_core::{db, AppError, DatabaseConnection};

pub mod agreements;
pub mod backup;
pub mod complaints;
pub mod ledger;
pub mod postgres;

pub const OP: &str = "测试员";

/// The computer's clock, as the shell and the CLI read it.
pub fn clock() -> Clock {
    Clock::office(chrono::Local::now().fixed_offset(), None)
}

/// The test operator at the computer's clock.
pub fn actor() -> Actor {
    Actor::new(OP, clock()).unwrap()
}

/// The test operator on a given office date.
pub fn actor_on(today: chrono::NaiveDate) -> Actor {
    Actor::new(
        OP,
        Clock::office(chrono::Local::now().fixed_offset(), Some(today)),
    )
    .unwrap()
}

/// `a` on a given office date, the operator kept.
pub fn on_day(a: &Actor, today: chrono::NaiveDate) -> Actor {
    Actor::new(
        a.operator(),
        Clock::office(chrono::Local::now().fixed_offset(), Some(today)),
    )
    .unwrap()
}

/// `a` at a given instant, in an office at UTC+8, the operator kept.
pub fn at_instant(a: &Actor, now: chrono::DateTime<chrono::Utc>) -> Actor {
    let beijing = chrono::FixedOffset::east_opt(8 * 3600).unwrap();
    Actor::new(
        a.operator(),
        Clock::office(now.with_timezone(&beijing), None),
    )
    .unwrap()
}

/// A fresh database built by the real migrator: a file, or a new database on
/// the test server when the test command names one (`DEALERDESK_TEST_PG`).
pub async fn fresh() -> (tempfile::TempDir, DatabaseConnection) {
    let dir = tempfile::tempdir().unwrap();
    if let Some(admin) = postgres::test_server() {
        let url = postgres::new_database(&admin).await;
        let db = db::server::open(&db::ServerUrl::new(&url).unwrap(), None, chrono::Utc::now())
            .await
            .unwrap();
        std::fs::write(dir.path().join(SERVER_URL_FILE), &url).unwrap();
        return (dir, db);
    }
    let opened = db::open(&dir.path().join("t.sqlite"), chrono::Utc::now())
        .await
        .unwrap();
    assert!(opened.backup.is_none(), "a new file needs no backup");
    (dir, opened.db)
}

/// Where `fresh()` notes the URL of a server database, in its folder.
const SERVER_URL_FILE: &str = "server-url";

/// A second, separate pool on the database `fresh()` made in `dir`: another
/// program on the same file, another PC on the same server.
pub async fn another_connection(dir: &tempfile::TempDir) -> DatabaseConnection {
    match std::fs::read_to_string(dir.path().join(SERVER_URL_FILE)) {
        Ok(url) => db::server::connect(&db::ServerUrl::new(&url).unwrap(), None)
            .await
            .unwrap(),
        Err(_) => db::connect(&dir.path().join("t.sqlite")).await.unwrap(),
    }
}

/// A fresh SQLite file, whatever the run's engine: for what only a file has
/// (pragmas, its schema tables, the file beside it).
pub async fn fresh_file() -> (tempfile::TempDir, DatabaseConnection) {
    let dir = tempfile::tempdir().unwrap();
    let opened = db::open(&dir.path().join("t.sqlite"), chrono::Utc::now())
        .await
        .unwrap();
    (dir, opened.db)
}

/// Whether this run's `fresh()` databases are on a PostgreSQL server.
pub fn on_server() -> bool {
    postgres::test_server().is_some()
}

pub fn input(name: &str, uscc: &str) -> DistributorInput {
    DistributorInput {
        name: name.into(),
        uscc: uscc.into(),
        contact_name: "王伟".into(),
        contact_phone: "13812345678".into(),
        province: "广东省".into(),
        city: "广州市".into(),
        payment_terms_days: 30,
        credit_limit: "200000.00".into(),
        ..Default::default()
    }
}

/// Runs a command-line tool (qpdf, pdftotext, …) and returns its output.
pub fn tool(cmd: &str, args: &[&str]) -> String {
    let out = std::process::Command::new(cmd)
        .args(args)
        .output()
        .unwrap_or_else(|e| {
            panic!("{cmd} is needed for this test (scripts/setup.sh --test installs it): {e}")
        });
    assert!(
        out.status.success(),
        "{cmd} {args:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

pub fn day(s: &str) -> chrono::NaiveDate {
    chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

/// The (field, code) pairs of a validation error; `row:field` for a refused import.
pub fn codes(e: &AppError) -> Vec<(String, String)> {
    match e {
        AppError::Validation { fields } => fields
            .iter()
            .map(|f| (f.field.clone(), f.code.key().to_owned()))
            .collect(),
        AppError::ImportRejected { errors } => errors
            .iter()
            .map(|f| (format!("{}:{}", f.row, f.field), f.code.key().to_owned()))
            .collect(),
        other => panic!("unexpected {other:?}"),
    }
}
