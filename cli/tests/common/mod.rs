//! Running the real `dealerdesk-cli` binary in the tests.
#![allow(dead_code)]
use std::process::Command;

/// The header of a distributor sheet with every column.
pub const HEADER: &str = "code,name,short_name,uscc,legal_representative,contact_name,contact_phone,contact_email,province,city,county,address,tier,status,credit_limit,payment_terms_days";

/// Set by the test command to a PostgreSQL server's admin URL: the tests that
/// name their database through `database` then run on a new database there.
pub const TEST_SERVER: &str = "DEALERDESK_TEST_PG";

/// A database for a test, named `name` in `dir`: that file, or, when the run
/// is on a server, a new server database the file's name stands for (its URL
/// noted beside, in `<name>.server-url`, where `cli` and `bare` read it).
pub fn database(dir: &tempfile::TempDir, name: &str) -> std::path::PathBuf {
    let path = dir.path().join(name);
    if let Some(admin) = std::env::var(TEST_SERVER).ok().filter(|v| !v.is_empty()) {
        use std::sync::atomic::{AtomicU32, Ordering};
        static NEXT: AtomicU32 = AtomicU32::new(0);
        let db = format!(
            "c{}_{}",
            std::process::id(),
            NEXT.fetch_add(1, Ordering::Relaxed)
        );
        let url = Server { own: None, admin }.database(&db);
        // A server always asks for a login: the first owner, as `cli` logs in.
        add_first_owner(&url);
        std::fs::write(server_note(&path), url).unwrap();
    }
    path
}

fn server_note(path: &std::path::Path) -> std::path::PathBuf {
    let mut p = path.as_os_str().to_owned();
    p.push(".server-url");
    p.into()
}

/// The login `cli` and `bare` use on a server, and its password.
pub const TESTER: &str = "tester";
pub const TESTER_PASSWORD: &str = "tester password";

/// Adds `TESTER` as the first owner of the database at `db` (a path or URL).
pub fn add_first_owner(db: &str) {
    let out = Command::new(env!("CARGO_BIN_EXE_dealerdesk-cli"))
        .args([
            "--db",
            db,
            "users",
            "add",
            TESTER,
            "--name",
            "批处理",
            "--roles",
            "owner",
        ])
        .env("DEALERDESK_NEW_PASSWORD", TESTER_PASSWORD)
        .env_remove("DEALERDESK_DB")
        .env_remove("DEALERDESK_USER")
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// `--user` and its password when `db` stands for a server database.
fn log_in(c: &mut Command, db: &std::path::Path) {
    if on_server(db) {
        c.args(["--user", TESTER])
            .env("DEALERDESK_PASSWORD", TESTER_PASSWORD);
    }
}

/// What `--db` gets for `db`: the server URL noted for it, else the path.
pub fn db_arg(db: &std::path::Path) -> std::ffi::OsString {
    match std::fs::read_to_string(server_note(db)) {
        Ok(url) => url.into(),
        Err(_) => db.as_os_str().to_owned(),
    }
}

/// Whether `db` stands for a server database.
pub fn on_server(db: &std::path::Path) -> bool {
    server_note(db).exists()
}

/// Runs the CLI on `db` with an operator.
pub fn cli(db: &std::path::Path, args: &[&str]) -> std::process::Output {
    let mut c = Command::new(env!("CARGO_BIN_EXE_dealerdesk-cli"));
    c.arg("--db")
        .arg(db_arg(db))
        .args(["--operator", "批处理"])
        .env_remove("DEALERDESK_DB")
        .env_remove("DEALERDESK_USER");
    log_in(&mut c, db);
    c.args(args).output().unwrap()
}

/// The CLI as a clerk runs it: no `--operator`, no `--today` unless given.
pub fn bare(db: &std::path::Path, args: &[&str], env: &[(&str, &str)]) -> std::process::Output {
    let mut c = Command::new(env!("CARGO_BIN_EXE_dealerdesk-cli"));
    c.arg("--db")
        .arg(db_arg(db))
        .env_remove("DEALERDESK_DB")
        .env_remove("DEALERDESK_USER")
        .env_remove("DEALERDESK_TODAY");
    log_in(&mut c, db);
    c.args(args);
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

/// A PostgreSQL server for a test that needs one on any run: the test
/// command's, else a throwaway cluster of its own (`scripts/pg.sh`), stopped
/// when dropped.
pub struct Server {
    own: Option<tempfile::TempDir>,
    pub admin: String,
}

fn pg_script() -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../scripts/pg.sh")
}

impl Server {
    pub fn get() -> Server {
        if let Some(admin) = std::env::var(TEST_SERVER).ok().filter(|v| !v.is_empty()) {
            return Server { own: None, admin };
        }
        let dir = tempfile::Builder::new()
            .prefix("dealerdesk-pg-")
            .tempdir()
            .unwrap();
        let out = Command::new(pg_script())
            .arg("start")
            .arg(dir.path().join("pg"))
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        Server {
            admin: String::from_utf8_lossy(&out.stdout).trim().to_owned(),
            own: Some(dir),
        }
    }

    /// A new, empty database on it, as a URL.
    pub fn database(&self, name: &str) -> String {
        let out = Command::new("psql")
            .args([
                self.admin.as_str(),
                "-qAtc",
                &format!("CREATE DATABASE {name}"),
            ])
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let (base, query) = self
            .admin
            .split_once('?')
            .unwrap_or((self.admin.as_str(), ""));
        let host_end = base.rfind('/').unwrap();
        format!("{}/{name}?{query}", &base[..host_end])
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        if let Some(dir) = &self.own {
            let _ = Command::new(pg_script())
                .arg("stop")
                .arg(dir.path().join("pg"))
                .output();
        }
    }
}
