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
