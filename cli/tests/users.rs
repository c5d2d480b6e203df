//! Users from the command line: the first `users add` makes the owner; from
//! then on every command logs in; a wrong password or a forbidden command
//! exits non-zero with the error's code on stderr.
mod common;

use std::process::Command;

fn as_user(
    db: &str,
    user: Option<(&str, &str)>,
    new_password: Option<&str>,
    args: &[&str],
) -> std::process::Output {
    let mut c = Command::new(env!("CARGO_BIN_EXE_dealerdesk-cli"));
    c.args(["--db", db])
        .env_remove("DEALERDESK_DB")
        .env_remove("DEALERDESK_USER");
    if let Some((login, password)) = user {
        c.args(["--user", login])
            .env("DEALERDESK_PASSWORD", password);
    }
    if let Some(p) = new_password {
        c.env("DEALERDESK_NEW_PASSWORD", p);
    }
    c.args(args).output().unwrap()
}

fn ok(out: std::process::Output) -> String {
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn refused(out: std::process::Output, code: &str) {
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains(code), "expected {code}: {err}");
}

#[test]
fn the_first_owner_then_logins_roles_and_passwords() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("office.sqlite");
    let db = db.to_str().unwrap();
    // A file without users: no login, as before.
    ok(as_user(db, None, None, &["distributors", "list"]));
    ok(as_user(
        db,
        None,
        Some("boss password 1"),
        &[
            "--operator",
            "张总",
            "users",
            "add",
            "zhang",
            "--name",
            "张总",
            "--roles",
            "owner",
        ],
    ));
    // From now on everyone logs in.
    refused(
        as_user(db, None, None, &["distributors", "list"]),
        "login_required",
    );
    refused(
        as_user(
            db,
            Some(("zhang", "wrong")),
            None,
            &["distributors", "list"],
        ),
        "login_failed",
    );
    let boss = Some(("zhang", "boss password 1"));
    ok(as_user(db, boss, None, &["distributors", "list"]));

    ok(as_user(
        db,
        boss,
        Some("finance pass 2"),
        &[
            "users",
            "add",
            "wang",
            "--name",
            "王会计",
            "--roles",
            "finance,export",
            "--scope",
            "region:华东",
        ],
    ));
    refused(
        as_user(
            db,
            boss,
            Some("x"),
            &["users", "add", "li", "--name", "李", "--roles", "service"],
        ),
        "password_short",
    );
    refused(
        as_user(
            db,
            boss,
            Some("long enough 3"),
            &["users", "add", "li", "--name", "李", "--roles", "cashier"],
        ),
        "unknown_value",
    );
    let wang = Some(("wang", "finance pass 2"));
    // Only an owner adds users: the code and the role needed are named.
    let out = as_user(
        db,
        wang,
        Some("long enough 3"),
        &["users", "add", "li", "--name", "李", "--roles", "service"],
    );
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("forbidden") && err.contains("owner"), "{err}");

    let list: serde_json::Value =
        serde_json::from_str(&ok(as_user(db, wang, None, &["users", "list", "--json"]))).unwrap();
    let users = list.as_array().unwrap();
    assert_eq!(users.len(), 2);
    let w = users.iter().find(|u| u["login"] == "wang").unwrap();
    assert_eq!(w["roles"], serde_json::json!(["finance", "export"]));
    assert_eq!(
        w["scope"],
        serde_json::json!({"kind": "region", "region": "华东"})
    );
    // The history records who added the user: the owner logged in.
    assert_eq!(w["created_by"], "张总");

    // Users change their own password; the owner resets it.
    ok(as_user(
        db,
        wang,
        Some("finance pass 4"),
        &["users", "passwd"],
    ));
    refused(as_user(db, wang, None, &["users", "list"]), "login_failed");
    ok(as_user(
        db,
        Some(("wang", "finance pass 4")),
        None,
        &["users", "list"],
    ));
    refused(
        as_user(
            db,
            Some(("wang", "finance pass 4")),
            Some("owner now 5"),
            &["users", "reset-password", "zhang"],
        ),
        "forbidden",
    );
    ok(as_user(
        db,
        boss,
        Some("reset by boss 6"),
        &["users", "reset-password", "wang"],
    ));
    ok(as_user(
        db,
        Some(("wang", "reset by boss 6")),
        None,
        &["users", "list"],
    ));

    // Five wrong passwords lock the login, even for the right one.
    for _ in 0..5 {
        refused(
            as_user(db, Some(("wang", "guess")), None, &["users", "list"]),
            "login_failed",
        );
    }
    refused(
        as_user(
            db,
            Some(("wang", "reset by boss 6")),
            None,
            &["users", "list"],
        ),
        "login_locked",
    );
    // The owner's reset lifts it; the last owner cannot be disabled; a disabled user cannot log in.
    ok(as_user(
        db,
        boss,
        Some("reset again 7"),
        &["users", "reset-password", "wang"],
    ));
    refused(
        as_user(db, boss, None, &["users", "disable", "zhang"]),
        "last_owner",
    );
    ok(as_user(db, boss, None, &["users", "disable", "wang"]));
    refused(
        as_user(
            db,
            Some(("wang", "reset again 7")),
            None,
            &["users", "list"],
        ),
        "login_failed",
    );
}

/// Each role's commands, checked in core: finance imports entries, service
/// is refused them (forbidden, naming finance) and nothing is written; only
/// a user with the export right writes the ledger to a file; a viewer reads.
#[test]
fn roles_decide_what_each_user_may_do() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("office.sqlite");
    let db = db.to_str().unwrap();
    ok(as_user(
        db,
        None,
        None,
        &[
            "--operator",
            "张总",
            "demo-data",
            "--distributors",
            "2",
            "--entries-per-distributor",
            "1",
        ],
    ));
    ok(as_user(
        db,
        None,
        Some("boss password 1"),
        &[
            "users", "add", "zhang", "--name", "张总", "--roles", "owner",
        ],
    ));
    let boss = Some(("zhang", "boss password 1"));
    for (login, roles) in [
        ("wang", "finance"),
        ("li", "service"),
        ("zhao", "viewer,export"),
    ] {
        ok(as_user(
            db,
            boss,
            Some("their password 1"),
            &["users", "add", login, "--name", login, "--roles", roles],
        ));
    }
    let code = ok(as_user(db, boss, None, &["distributors", "list", "--json"]));
    let code = serde_json::from_str::<serde_json::Value>(&code).unwrap()[0]["code"]
        .as_str()
        .unwrap()
        .to_owned();
    let sheet = dir.path().join("entries.csv");
    std::fs::write(
        &sheet,
        format!(
            "distributor_code,date,doc_no,kind,amount\n{code},2026-01-05,INV-R1,invoice,100.00\n"
        ),
    )
    .unwrap();
    let sheet = sheet.to_str().unwrap();
    let pass = "their password 1";
    let out = as_user(db, Some(("li", pass)), None, &["ledger", "import", sheet]);
    refused(out, "forbidden");
    let err = String::from_utf8_lossy(
        &as_user(db, Some(("li", pass)), None, &["ledger", "import", sheet]).stderr,
    )
    .into_owned();
    assert!(err.contains("finance") && err.contains("owner"), "{err}");
    let exported = dir.path().join("ledger.csv");
    let exported = exported.to_str().unwrap();
    ok(as_user(
        db,
        Some(("zhao", pass)),
        None,
        &["ledger", "export", exported],
    ));
    let before = std::fs::read_to_string(exported).unwrap();
    assert!(
        !before.contains("INV-R1"),
        "the refused import wrote nothing"
    );
    ok(as_user(
        db,
        Some(("wang", pass)),
        None,
        &["ledger", "import", sheet],
    ));
    refused(
        as_user(
            db,
            Some(("wang", pass)),
            None,
            &["ledger", "export", exported],
        ),
        "forbidden",
    );
    ok(as_user(
        db,
        Some(("zhao", pass)),
        None,
        &["ledger", "export", exported],
    ));
    assert!(std::fs::read_to_string(exported)
        .unwrap()
        .contains("INV-R1"));
    // The viewer reads, and is refused a write.
    ok(as_user(
        db,
        Some(("zhao", pass)),
        None,
        &["distributors", "list"],
    ));
    refused(
        as_user(db, Some(("zhao", pass)), None, &["ledger", "import", sheet]),
        "forbidden",
    );
}
