//! Rights are checked in core, on every write: each role may do its own work
//! and nothing else, the owner everything, the viewer nothing; a refusal is
//! `forbidden`, names the roles that may, and writes nothing. Once users
//! exist, nobody writes or exports without logging in.
mod common;

use common::complaints::intake;
use common::ledger::entry;
use common::{clock, codes, fresh, input};
use dealerdesk_core::actor::{Actor, Right};
use dealerdesk_core::complaint::Priority;
use dealerdesk_core::distributor::transfer::ExportRequest;
use dealerdesk_core::ledger::EntryKind;
use dealerdesk_core::training::{CourseInput, CourseSave};
use dealerdesk_core::users::{self, Role, User, UserInput};
use dealerdesk_core::{
    complaint, distributor, lang::Lang, ledger, settings, training, AppError, AppResult,
    DatabaseConnection,
};

fn user_input(login: &str, roles: &[Role]) -> UserInput {
    UserInput {
        login: login.into(),
        display_name: format!("{login} 名"),
        password: "correct horse 1".into(),
        roles: roles.to_vec(),
        scope: None,
    }
}

fn as_user(u: &User) -> Actor {
    Actor::signed_in(&u.display_name, u.signed(), clock()).unwrap()
}

/// Each right tried through one real write of its own (or an export).
async fn attempt(
    db: &DatabaseConnection,
    dir: &std::path::Path,
    a: &Actor,
    right: Right,
    n: usize,
    distributor_id: i64,
) -> AppResult<()> {
    match right {
        Right::Channel => distributor::create(
            db,
            a,
            input(
                &format!("试权经销商 {n} 有限公司"),
                &dealerdesk_core::demo::uscc_for(500 + n as u64),
            ),
        )
        .await
        .map(drop),
        Right::Finance => ledger::post(
            db,
            a,
            &entry(
                distributor_id,
                "2026-03-02",
                &format!("R{n}"),
                EntryKind::Invoice,
                "100.00",
            ),
        )
        .await
        .map(drop),
        Right::Service => complaint::record(
            db,
            a,
            &intake(distributor_id, "2026-03-02 09:00", Priority::P2),
        )
        .await
        .map(drop),
        Right::Training => training::save_course(
            db,
            a,
            &CourseSave {
                id: None,
                input: CourseInput {
                    code: format!("C{n}"),
                    title_zh: "产品知识".into(),
                    title_en: "Product knowledge".into(),
                    category: "product".into(),
                    duration_hours: "1".into(),
                    pass_mark: 60,
                    validity_months: None,
                    required_tiers: vec![],
                    onboarding: false,
                    active: true,
                },
            },
        )
        .await
        .map(drop),
        Right::Settings => {
            let mut s = settings::load_reminder_settings(db).await?;
            s.overdue_days = 30 + n as u32;
            settings::save_reminder_settings(db, a, s).await.map(drop)
        }
        Right::Export => distributor::transfer::export(
            db,
            a.access(),
            &ExportRequest {
                path: dir.join(format!("list-{n}.csv")).display().to_string(),
                query: Default::default(),
                language: Lang::ZhCn,
            },
        )
        .await
        .map(drop),
        Right::Users => users::add(
            db,
            a,
            users::list(db)
                .await?
                .iter()
                .find(|u| Some(u.id) == a.access().user().map(|s| s.id)),
            &user_input(&format!("new{n}"), &[Role::Viewer]),
        )
        .await
        .map(drop),
        Right::Backup => Ok(()),
    }
}

/// What each write left: distributors, entries, complaints, courses, users.
async fn counts(db: &DatabaseConnection) -> Vec<u64> {
    use sea_orm::{ConnectionTrait, Statement};
    let mut out = vec![];
    for t in [
        "distributor",
        "ledger_entry",
        "complaint",
        "course",
        "app_user",
    ] {
        let row = db
            .query_one_raw(Statement::from_string(
                db.get_database_backend(),
                format!("SELECT CAST(COUNT(*) AS BIGINT) AS n FROM {t}"),
            ))
            .await
            .unwrap()
            .unwrap();
        out.push(row.try_get::<i64>("", "n").unwrap() as u64);
    }
    out
}

/// A fresh database with one distributor (its id) and the first owner.
async fn office() -> (tempfile::TempDir, DatabaseConnection, i64, User) {
    let (dir, db) = fresh().await;
    let d = common::complaints::one_distributor(&db).await;
    let owner = users::add(&db, &common::actor(), None, &user_input("boss", &[]))
        .await
        .unwrap();
    (dir, db, d, owner)
}

#[tokio::test]
async fn each_role_does_its_own_work_and_is_refused_the_rest() {
    let (dir, db, d, owner) = office().await;
    let mut people = vec![(Role::Owner, owner.clone())];
    for role in [
        Role::ChannelManager,
        Role::Finance,
        Role::Service,
        Role::Trainer,
        Role::Viewer,
        Role::Export,
    ] {
        let u = users::add(
            &db,
            &as_user(&owner),
            Some(&owner),
            &user_input(role.key().replace('_', "-").as_str(), &[role]),
        )
        .await
        .unwrap();
        people.push((role, u));
    }
    // Backing up is not tried here: its right is the owner's alone, as users'.
    let tried = Right::ALL.iter().copied().filter(|r| *r != Right::Backup);
    let mut n = 0;
    let mut table = vec![];
    for (role, u) in &people {
        let a = as_user(u);
        for right in tried.clone() {
            n += 1;
            let before = counts(&db).await;
            let r = attempt(&db, dir.path(), &a, right, n, d).await;
            let allowed = right.roles().contains(role);
            match (&r, allowed) {
                (Ok(()), true) => table.push(format!("{} {}: done", role.key(), right.key())),
                (Err(AppError::Forbidden { action, roles }), false) => {
                    assert_eq!(action, right.key());
                    assert_eq!(
                        roles,
                        &right
                            .roles()
                            .iter()
                            .map(|r| r.key().to_owned())
                            .collect::<Vec<_>>()
                    );
                    assert!(roles.contains(&"owner".to_owned()));
                    assert_eq!(counts(&db).await, before, "a refusal wrote nothing");
                    table.push(format!("{} {}: forbidden", role.key(), right.key()));
                }
                other => panic!("{} {}: {other:?}", role.key(), right.key()),
            }
        }
    }
    // The owner did everything; the viewer nothing.
    assert!(table
        .iter()
        .filter(|l| l.starts_with("owner "))
        .all(|l| l.ends_with("done")));
    assert!(table
        .iter()
        .filter(|l| l.starts_with("viewer "))
        .all(|l| l.ends_with("forbidden")));
    // Each other role: exactly its own right.
    for (role, right) in [
        ("channel_manager", "channel"),
        ("finance", "finance"),
        ("service", "service"),
        ("trainer", "training"),
        ("export", "export"),
    ] {
        let done: Vec<&String> = table
            .iter()
            .filter(|l| l.starts_with(&format!("{role} ")) && l.ends_with("done"))
            .collect();
        assert_eq!(done, [&format!("{role} {right}: done")], "{table:#?}");
    }
}

#[tokio::test]
async fn a_user_with_several_roles_holds_each_of_their_rights() {
    let (dir, db, d, owner) = office().await;
    let both = users::add(
        &db,
        &as_user(&owner),
        Some(&owner),
        &user_input("li", &[Role::Finance, Role::Service]),
    )
    .await
    .unwrap();
    let a = as_user(&both);
    attempt(&db, dir.path(), &a, Right::Finance, 1, d)
        .await
        .unwrap();
    attempt(&db, dir.path(), &a, Right::Service, 2, d)
        .await
        .unwrap();
    let e = attempt(&db, dir.path(), &a, Right::Training, 3, d)
        .await
        .unwrap_err();
    assert!(matches!(e, AppError::Forbidden { .. }), "{e:?}");
}

#[tokio::test]
async fn once_users_exist_nobody_writes_or_exports_without_logging_in() {
    let (dir, db) = fresh().await;
    let mut s = settings::load(&db).await.unwrap();
    s.operator_name = "前台".into();
    if !common::on_server() {
        // An office without users: the operator writes, no login.
        settings::save(&db, s.clone(), clock(), None).await.unwrap();
        settings::actor(&db, None, clock()).await.unwrap();
    }
    users::add(&db, &common::actor(), None, &user_input("boss", &[]))
        .await
        .unwrap();
    for e in [
        settings::actor(&db, None, clock()).await.unwrap_err(),
        settings::actor(&db, Some("前台"), clock())
            .await
            .unwrap_err(),
        settings::save(&db, s, clock(), None).await.unwrap_err(),
    ] {
        assert_eq!(codes(&e), [("user".into(), "login_required".into())]);
    }
    // A reminder decision needs the right of the reminder's work.
    let viewer = users::add(
        &db,
        &as_user(&users::list(&db).await.unwrap()[0]),
        users::list(&db).await.unwrap().first(),
        &user_input("look", &[Role::Viewer]),
    )
    .await
    .unwrap();
    let e = dealerdesk_core::reminders::centre::decide(
        &db,
        &as_user(&viewer),
        &dealerdesk_core::reminders::centre::DecisionRequest {
            kind: dealerdesk_core::reminders::ReminderKind::ComplaintLate,
            ref_id: 1,
            distributor_id: 0,
            date: "2026-03-02".into(),
            decision: dealerdesk_core::reminders::centre::ReminderDecision::Handle,
            until: String::new(),
            note: "处理".into(),
        },
    )
    .await
    .unwrap_err();
    assert!(
        matches!(&e, AppError::Forbidden { action, .. } if action == "service"),
        "{e:?}"
    );
    drop(dir);
}

/// Every write of core takes an `Actor` and checks a right with it: a public
/// function of a domain module that takes one and never calls `require` is
/// a write nobody checks. Helpers other writes call (and that are reached
/// only through a checked one) are `pub(crate)` or listed here with why.
#[test]
fn every_public_write_checks_a_right() {
    // (file, function): why it needs no right of its own.
    let exempt: &[(&str, &str, &str)] = &[
        (
            "audit.rs",
            "record",
            "records a write another function checked",
        ),
        (
            "users.rs",
            "add",
            "only an owner, or the first user (users::require_owner)",
        ),
        (
            "users.rs",
            "reset_password",
            "only an owner (users::require_owner)",
        ),
        (
            "users.rs",
            "disable",
            "only an owner (users::require_owner)",
        ),
        (
            "users.rs",
            "change_password",
            "a user's own password, the current one given",
        ),
        (
            "ledger/statement.rs",
            "save_pdf",
            "printing; issuing it is runs::record",
        ),
    ];
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut unchecked = vec![];
    let mut stack = vec![root.clone()];
    while let Some(dir) = stack.pop() {
        for e in std::fs::read_dir(&dir).unwrap().flatten() {
            let path = e.path();
            if path.is_dir() {
                if !path.ends_with("demo") {
                    stack.push(path);
                }
                continue;
            }
            if path.extension().is_none_or(|x| x != "rs") {
                continue;
            }
            let rel = path
                .strip_prefix(&root)
                .unwrap()
                .to_string_lossy()
                .replace('\\', "/");
            if rel == "actor.rs" {
                continue;
            }
            let text = std::fs::read_to_string(&path).unwrap();
            for (name, sig, body) in public_fns(&text) {
                let takes = sig.contains("&Actor") || sig.contains("&crate::actor::Actor");
                let checks = body.contains(".require(") || body.contains("require_owner(");
                let exempted = exempt.iter().any(|(f, n, _)| *f == rel && *n == name);
                if takes && !checks && !exempted {
                    unchecked.push(format!("{rel}: {name}"));
                }
            }
        }
    }
    unchecked.sort();
    assert_eq!(
        unchecked,
        Vec::<String>::new(),
        "writes that check no right"
    );
}

/// `pub fn` / `pub async fn` items (not `pub(crate)`): name, signature, body.
fn public_fns(text: &str) -> Vec<(String, String, String)> {
    let mut out = vec![];
    let mut rest = text;
    while let Some(i) = rest.find("\npub ") {
        rest = &rest[i + 5..];
        let head = rest.trim_start_matches("async ");
        let Some(after) = head.strip_prefix("fn ") else {
            continue;
        };
        let name: String = after
            .chars()
            .take_while(|c| c.is_alphanumeric() || *c == '_')
            .collect();
        let Some(open) = rest.find('{') else { break };
        let sig = rest[..open].to_owned();
        // The body: up to the closing brace at the start of a line.
        let body_end = rest[open..].find("\n}").map_or(rest.len(), |e| open + e);
        out.push((name, sig, rest[open..body_end].to_owned()));
        rest = &rest[body_end..];
    }
    out
}
