//! Running the real `dealerdesk-cli` binary in the tests.
#![allow(dead_code)]
use std::process::Command;

/// The header of a distributor sheet with every column.
pub const HEADER: &str = "code,name,short_name,uscc,legal_representative,contact_name,contact_phone,contact_email,province,city,county,address,tier,status,credit_limit,payment_terms_days";

/// Runs the CLI on `db` with an operator.
pub fn cli(db: &std::path::Path, args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_dealerdesk-cli"))
        .arg("--db")
        .arg(db)
        .args(["--operator", "批处理"])
        .args(args)
        .env_remove("DEALERDESK_DB")
        .output()
        .unwrap()
}

/// The CLI as a clerk runs it: no `--operator`, no `--today` unless given.
pub fn bare(db: &std::path::Path, args: &[&str], env: &[(&str, &str)]) -> std::process::Output {
    let mut c = Command::new(env!("CARGO_BIN_EXE_dealerdesk-cli"));
    c.arg("--db")
        .arg(db)
        .args(args)
        .env_remove("DEALERDESK_DB")
        .env_remove("DEALERDESK_TODAY");
    for (k, v) in env {
        c.env(k, v);
    }
    c.output().unwrap()
}

/// Runs the CLI and asserts it succeeded (stderr shown otherwise).
pub fn ok(db: &std::path::Path, args: &[&str]) -> std::process::Output {
    let out = cli(db, args);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    out
}

/// The text of a PDF, read by poppler's pdftotext (scripts/setup.sh --test installs it).
pub fn pdf_text(path: &str) -> String {
    let out = Command::new("pdftotext")
        .args([path, "-"])
        .output()
        .expect("pdftotext");
    String::from_utf8_lossy(&out.stdout).into_owned()
}
