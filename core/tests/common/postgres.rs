//! A throwaway PostgreSQL cluster for a test: `initdb` into a temporary folder,
//! started on a Unix socket there (no TCP port), stopped and removed on drop.
//! The server refuses to run as root, so as root it runs as `postgres`.
use std::path::{Path, PathBuf};
use std::process::Command;

pub struct Cluster {
    dir: tempfile::TempDir,
    bin: PathBuf,
}

/// Debian's server binaries (`postgresql` 15, or whichever is installed).
fn bin_dir() -> PathBuf {
    let root = Path::new("/usr/lib/postgresql");
    let mut versions: Vec<PathBuf> = std::fs::read_dir(root)
        .unwrap_or_else(|e| {
            panic!(
                "PostgreSQL is not installed ({}: {e}); run scripts/setup.sh --test",
                root.display()
            )
        })
        .map(|e| e.unwrap().path().join("bin"))
        .filter(|p| p.join("initdb").exists())
        .collect();
    versions.sort();
    versions.pop().expect("no initdb under /usr/lib/postgresql")
}

fn as_root() -> bool {
    use std::os::unix::fs::MetadataExt;
    std::fs::metadata("/proc/self").is_ok_and(|m| m.uid() == 0)
}

impl Cluster {
    fn run(&self, tool: &str, args: &[&str]) {
        let exe = self.bin.join(tool);
        let mut c = if as_root() {
            let mut c = Command::new("runuser");
            c.args(["-u", "postgres", "--"]).arg(&exe);
            c
        } else {
            Command::new(&exe)
        };
        let out = c.args(args).output().unwrap();
        assert!(
            out.status.success(),
            "{tool} {args:?}: {}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
    }

    pub fn start() -> Cluster {
        let dir = tempfile::Builder::new()
            .prefix("dealerdesk-pg-")
            .tempdir()
            .unwrap();
        if as_root() {
            let status = Command::new("chown")
                .args(["-R", "postgres:postgres"])
                .arg(dir.path())
                .status()
                .unwrap();
            assert!(status.success());
        }
        let c = Cluster {
            dir,
            bin: bin_dir(),
        };
        let data = c.data();
        let socket = c.socket();
        c.run(
            "initdb",
            &[
                "-D",
                &data,
                "-U",
                "postgres",
                "-A",
                "trust",
                "-E",
                "UTF8",
                "--no-locale",
            ],
        );
        let opts = format!("-c listen_addresses='' -k {socket} -c fsync=off");
        c.run(
            "pg_ctl",
            &[
                "-D",
                &data,
                "-o",
                &opts,
                "-l",
                &format!("{data}/log"),
                "-w",
                "start",
            ],
        );
        c
    }

    fn data(&self) -> String {
        self.dir.path().join("data").display().to_string()
    }

    fn socket(&self) -> String {
        self.dir.path().display().to_string()
    }

    /// A new, empty database on the cluster, as a connection URL.
    pub fn database(&self, name: &str) -> String {
        self.run("createdb", &["-h", &self.socket(), "-U", "postgres", name]);
        format!(
            "postgres://postgres@localhost/{name}?host={}",
            self.socket()
        )
    }
}

impl Drop for Cluster {
    fn drop(&mut self) {
        let data = self.data();
        let exe = self.bin.join("pg_ctl");
        let mut c = if as_root() {
            let mut c = Command::new("runuser");
            c.args(["-u", "postgres", "--"]).arg(&exe);
            c
        } else {
            Command::new(&exe)
        };
        let _ = c
            .args(["-D", &data, "-m", "immediate", "-w", "stop"])
            .output();
    }
}

/// Set by the test command to a server's admin URL: the suites then run every
/// `common::fresh()` database on that server instead of an SQLite file.
pub const TEST_SERVER: &str = "DEALERDESK_TEST_PG";

/// The admin URL of the server the suites run on, if the test command set one.
pub fn test_server() -> Option<String> {
    std::env::var(TEST_SERVER).ok().filter(|v| !v.is_empty())
}

/// A new, empty database on the test server (named for this process and a
/// counter, so parallel tests and suites never share one), as a URL.
pub async fn new_database(admin: &str) -> String {
    use sea_orm::{ConnectionTrait, Database};
    use std::sync::atomic::{AtomicU32, Ordering};
    static NEXT: AtomicU32 = AtomicU32::new(0);
    let name = format!(
        "t{}_{}",
        std::process::id(),
        NEXT.fetch_add(1, Ordering::Relaxed)
    );
    let conn = Database::connect(admin).await.unwrap();
    conn.execute_unprepared(&format!("CREATE DATABASE {name}"))
        .await
        .unwrap();
    conn.close().await.ok();
    with_database(admin, &name)
}

/// `url` pointing at database `name` instead (the path replaced, the query kept).
pub fn with_database(url: &str, name: &str) -> String {
    let (base, query) = match url.split_once('?') {
        Some((b, q)) => (b, Some(q)),
        None => (url, None),
    };
    let scheme_end = base.find("://").map(|i| i + 3).unwrap_or(0);
    let host_end = base[scheme_end..]
        .find('/')
        .map(|i| i + scheme_end)
        .unwrap_or(base.len());
    let mut out = format!("{}/{name}", &base[..host_end]);
    if let Some(q) = query {
        out.push('?');
        out.push_str(q);
    }
    out
}

/// A PostgreSQL server for a test that needs one whatever the run's engine:
/// the test command's, else a throwaway cluster of the test's own.
pub struct Server {
    _own: Option<Cluster>,
    admin: String,
}

impl Server {
    pub fn get() -> Server {
        match test_server() {
            Some(admin) => Server { _own: None, admin },
            None => {
                let c = Cluster::start();
                let admin = format!("postgres://postgres@localhost/postgres?host={}", c.socket());
                Server {
                    _own: Some(c),
                    admin,
                }
            }
        }
    }

    /// A new, empty database on it, as a URL.
    pub async fn database(&self) -> String {
        new_database(&self.admin).await
    }
}
