//! A user's scope bounds what they see: all distributors, one sales region,
//! or the ones they are the responsible manager of. Lists, details, the
//! receivables, the dashboard, the reminders and the exports hold only those;
//! one asked for by id outside the scope is not found.
mod common;

use common::complaints::intake;
use common::ledger::entry;
use common::{actor, clock, fresh};
use dealerdesk_core::actor::{Access, Actor};
use dealerdesk_core::complaint::{self, ComplaintQuery, Priority};
use dealerdesk_core::dashboard::{self, DashboardRequest, PeriodKind};
use dealerdesk_core::distributor::transfer::ExportRequest;
use dealerdesk_core::distributor::{self, DistributorQuery, ManagerAssign};
use dealerdesk_core::ledger::{self, receivables, EntryKind, LedgerQuery};
use dealerdesk_core::reminders::centre;
use dealerdesk_core::users::{self, Role, Scope, User, UserInput, UserUpdate};
use dealerdesk_core::{demo, lang::Lang, AppError, DatabaseConnection};

fn person(login: &str, roles: &[Role], scope: Scope) -> UserInput {
    UserInput {
        login: login.into(),
        display_name: format!("{login} 名"),
        password: "correct horse 1".into(),
        roles: roles.to_vec(),
        scope: Some(scope),
    }
}

fn access(u: &User) -> Access {
    Access::User(u.signed())
}

fn as_user(u: &User) -> Actor {
    Actor::signed_in(&u.display_name, u.signed(), clock()).unwrap()
}

struct Office {
    _dir: tempfile::TempDir,
    db: DatabaseConnection,
    /// D1 and D2 in 华南, D3 in 华东.
    ids: Vec<i64>,
    owner: User,
    /// finance, scope own: manages D1 and D3.
    li: User,
    /// service, scope 华东.
    zhou: User,
    /// viewer and export, scope 华南.
    nan: User,
}

/// Three active distributors with overdue invoices (1000, 2000, 3000) and a
/// complaint each, and users of each kind of scope.
async fn office() -> Office {
    let (dir, db) = fresh().await;
    let rows: Vec<String> = [("D1", "华南"), ("D2", "华南"), ("D3", "华东")]
        .iter()
        .enumerate()
        .map(|(i, (code, region))| {
            format!(
                "{code},经销商{code}有限公司,{},王伟,13812345678,广东省,广州市,天河路 1 号,active,100000.00,30,{region}",
                demo::uscc_for(i as u64 + 1)
            )
        })
        .collect();
    let file = dir.path().join("d.csv");
    std::fs::write(
        &file,
        format!(
            "code,name,uscc,contact_name,contact_phone,province,city,address,status,credit_limit,payment_terms_days,region\n{}",
            rows.join("\n")
        ),
    )
    .unwrap();
    distributor::transfer::import(&db, &actor(), &file)
        .await
        .unwrap();
    let mut ids = vec![];
    for code in ["D1", "D2", "D3"] {
        ids.push(
            distributor::get_by_code(&db, code)
                .await
                .unwrap()
                .unwrap()
                .id,
        );
    }
    for (i, id) in ids.iter().enumerate() {
        let amount = format!("{}.00", (i + 1) * 1000);
        ledger::post(
            &db,
            &actor(),
            &entry(
                *id,
                "2026-01-05",
                &format!("INV-{i}"),
                EntryKind::Invoice,
                &amount,
            ),
        )
        .await
        .unwrap();
        complaint::record(
            &db,
            &actor(),
            &intake(*id, "2026-03-02 09:00", Priority::P2),
        )
        .await
        .unwrap();
    }
    let owner = users::add(&db, &actor(), None, &person("boss", &[], Scope::All))
        .await
        .unwrap();
    let by = as_user(&owner);
    let add = |u: UserInput| {
        let (db, by, owner) = (&db, &by, &owner);
        async move { users::add(db, by, Some(owner), &u).await.unwrap() }
    };
    let li = add(person("li", &[Role::Finance], Scope::Own)).await;
    let zhou = add(person(
        "zhou",
        &[Role::Service],
        Scope::Region {
            region: "华东".into(),
        },
    ))
    .await;
    let nan = add(person(
        "nan",
        &[Role::Viewer, Role::Export],
        Scope::Region {
            region: " 华南 ".into(),
        },
    ))
    .await;
    for id in [ids[0], ids[2]] {
        distributor::assign_manager(
            &db,
            &by,
            &ManagerAssign {
                id,
                manager_id: Some(li.id),
            },
        )
        .await
        .unwrap();
    }
    Office {
        _dir: dir,
        db,
        ids,
        owner,
        li,
        zhou,
        nan,
    }
}

async fn listed(db: &DatabaseConnection, a: &Access) -> Vec<String> {
    distributor::list(db, a, &DistributorQuery::default())
        .await
        .unwrap()
        .rows
        .into_iter()
        .map(|d| d.code)
        .collect()
}

#[tokio::test]
async fn each_scope_lists_only_its_distributors_and_their_records() {
    let o = office().await;
    let db = &o.db;
    let cases: [(&User, &[&str]); 4] = [
        (&o.owner, &["D1", "D2", "D3"]),
        (&o.li, &["D1", "D3"]),
        (&o.zhou, &["D3"]),
        (&o.nan, &["D1", "D2"]),
    ];
    let code_of = |id: i64| match o.ids.iter().position(|x| *x == id) {
        Some(i) => format!("D{}", i + 1),
        None => format!("distributor {id}"),
    };
    for (u, want) in cases {
        let a = access(u);
        let want: Vec<String> = want.iter().map(|s| s.to_string()).collect();
        assert_eq!(listed(db, &a).await, want, "{}: distributors", u.login);

        let rec = receivables::load(db, &a, clock().today).await.unwrap();
        let mut seen: Vec<String> = rec.distributors.iter().map(|r| r.code.clone()).collect();
        seen.sort();
        assert_eq!(seen, want, "{}: receivables", u.login);
        let total: i64 = want
            .iter()
            .map(|c| c[1..].parse::<i64>().unwrap() * 100_000)
            .sum();
        assert_eq!(rec.totals.closing_balance.fen(), total, "{}", u.login);

        let complaints = complaint::list(db, &a, &ComplaintQuery::default(), clock().now)
            .await
            .unwrap();
        let mut seen: Vec<String> = complaints
            .rows
            .iter()
            .map(|c| code_of(c.distributor_id))
            .collect();
        seen.sort();
        assert_eq!(seen, want, "{}: complaints", u.login);
        assert_eq!(complaints.total, want.len() as u64);

        let dash = dashboard::load(
            db,
            &a,
            &DashboardRequest {
                period: PeriodKind::Year,
                on: "2026-06-30".into(),
            },
            &clock(),
        )
        .await
        .unwrap();
        assert_eq!(dash.sales.fen(), total, "{}: dashboard sales", u.login);
        assert_eq!(dash.complaints_open, want.len() as u32);
        assert_eq!(dash.receivables.closing_balance.fen(), total);

        // Every invoice is months overdue: one reminder per distributor in scope.
        let c = centre::centre(db, &a, &clock()).await.unwrap();
        let mut overdue: Vec<String> = c
            .items
            .iter()
            .filter(|i| i.reminder.kind == dealerdesk_core::reminders::ReminderKind::BalanceOverdue)
            .map(|i| code_of(i.reminder.distributor_id))
            .collect();
        overdue.sort();
        assert_eq!(overdue, want, "{}: reminders", u.login);
        // Office-wide reminders (distributor 0) show to everyone.
        for i in c.items.iter().filter(|i| i.reminder.distributor_id != 0) {
            let code = code_of(i.reminder.distributor_id);
            assert!(
                want.contains(&code),
                "{}: {:?} of {code}",
                u.login,
                i.reminder.kind
            );
        }

        // One asked for by id outside the scope is not found.
        for (i, id) in o.ids.iter().enumerate() {
            let inside = want.contains(&format!("D{}", i + 1));
            let got = distributor::get(db, &a, *id).await;
            let ledger = ledger::list(
                db,
                &a,
                &LedgerQuery {
                    distributor_id: *id,
                    ..Default::default()
                },
            )
            .await;
            if inside {
                assert!(got.is_ok() && ledger.is_ok(), "{} D{}", u.login, i + 1);
            } else {
                for e in [got.err(), ledger.err()] {
                    assert!(
                        matches!(e, Some(AppError::NotFound { ref entity, .. }) if entity == "distributor"),
                        "{} D{}: {e:?}",
                        u.login,
                        i + 1
                    );
                }
            }
        }
    }
}

#[tokio::test]
async fn an_export_writes_only_the_scope() {
    let o = office().await;
    let path = o._dir.path().join("south.csv");
    let n = distributor::transfer::export(
        &o.db,
        &access(&o.nan),
        &ExportRequest {
            path: path.display().to_string(),
            query: Default::default(),
            language: Lang::En,
        },
    )
    .await
    .unwrap();
    assert_eq!(n, 2);
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(text.contains("D1") && text.contains("D2") && !text.contains("D3"));
}

#[tokio::test]
async fn the_manager_is_a_user_who_can_log_in_and_changing_the_scope_changes_the_view() {
    let o = office().await;
    let db = &o.db;
    let by = as_user(&o.owner);
    // Disabled users manage nothing; an unknown id names the field.
    users::disable(db, &by, Some(&o.owner), "zhou")
        .await
        .unwrap();
    for manager_id in [Some(o.zhou.id), Some(9999)] {
        let e = distributor::assign_manager(
            db,
            &by,
            &ManagerAssign {
                id: o.ids[1],
                manager_id,
            },
        )
        .await
        .unwrap_err();
        assert_eq!(
            common::codes(&e),
            vec![("manager_id".to_string(), "unknown_value".to_string())]
        );
    }
    // A channel manager of 华东 cannot reach D1 (华南) even to assign it.
    let east = users::add(
        db,
        &by,
        Some(&o.owner),
        &person(
            "east",
            &[Role::ChannelManager],
            Scope::Region {
                region: "华东".into(),
            },
        ),
    )
    .await
    .unwrap();
    let e = distributor::assign_manager(
        db,
        &as_user(&east),
        &ManagerAssign {
            id: o.ids[0],
            manager_id: None,
        },
    )
    .await
    .unwrap_err();
    assert!(matches!(e, AppError::NotFound { .. }), "{e:?}");
    // The owner moves li from "own" to all: li sees D2 as well.
    let li = users::update(
        db,
        &by,
        Some(&o.owner),
        &UserUpdate {
            login: "li".into(),
            display_name: "李会计".into(),
            roles: vec![Role::Finance],
            scope: Scope::All,
            disabled: false,
        },
    )
    .await
    .unwrap();
    assert_eq!(listed(db, &access(&li)).await, ["D1", "D2", "D3"]);
    // Clearing D3's manager takes it out of an "own" scope.
    distributor::assign_manager(
        db,
        &by,
        &ManagerAssign {
            id: o.ids[2],
            manager_id: None,
        },
    )
    .await
    .unwrap();
    assert_eq!(listed(db, &access(&o.li)).await, ["D1"]);
    // Each assignment is in the audit trail, with the logins.
    let trail = dealerdesk_core::audit::list(db, "distributor", o.ids[2], Default::default())
        .await
        .unwrap();
    let managers: Vec<(Option<String>, Option<String>)> = trail
        .rows
        .iter()
        .filter(|e| e.action == "manager")
        .flat_map(|e| {
            e.changes
                .iter()
                .map(|c| (c.before.clone(), c.after.clone()))
        })
        .collect();
    assert_eq!(
        managers,
        vec![(Some("li".into()), None), (None, Some("li".into()))]
    );
}

#[tokio::test]
async fn the_owner_keeps_the_office_reachable() {
    let o = office().await;
    let db = &o.db;
    let by = as_user(&o.owner);
    let mine = |roles: Vec<Role>, disabled: bool| UserUpdate {
        login: "boss".into(),
        display_name: "老板".into(),
        roles,
        scope: Scope::All,
        disabled,
    };
    // The only owner neither drops the role nor disables themselves.
    for u in [
        mine(vec![Role::Viewer], false),
        mine(vec![Role::Owner], true),
    ] {
        let e = users::update(db, &by, Some(&o.owner), &u)
            .await
            .unwrap_err();
        assert_eq!(
            common::codes(&e),
            vec![("roles".to_string(), "last_owner".to_string())]
        );
    }
    // Nobody but an owner changes users.
    let e = users::update(
        db,
        &as_user(&o.li),
        Some(&o.li),
        &mine(vec![Role::Owner], false),
    )
    .await
    .unwrap_err();
    assert!(matches!(e, AppError::Forbidden { .. }), "{e:?}");
    // A region scope names its region.
    let mut u = mine(vec![Role::Owner], false);
    u.login = "nan".into();
    u.roles = vec![Role::Viewer];
    u.scope = Scope::Region { region: " ".into() };
    let e = users::update(db, &by, Some(&o.owner), &u)
        .await
        .unwrap_err();
    assert_eq!(
        common::codes(&e),
        vec![("scope".to_string(), "required".to_string())]
    );
    let users_now = users::list(db).await.unwrap();
    let nan = users_now.iter().find(|u| u.login == "nan").unwrap();
    assert_eq!(
        nan.scope,
        Scope::Region {
            region: "华南".into()
        }
    );
}

#[tokio::test]
async fn a_write_on_a_distributor_outside_the_scope_is_refused_and_writes_nothing() {
    let o = office().await;
    let db = &o.db;
    let before = complaint::list(db, &Access::Open, &ComplaintQuery::default(), clock().now)
        .await
        .unwrap()
        .total;
    // Service in 华东 records for D3 (华东), not for D1 (华南).
    complaint::record(
        db,
        &as_user(&o.zhou),
        &intake(o.ids[2], "2026-03-03 09:00", Priority::P3),
    )
    .await
    .unwrap();
    let e = complaint::record(
        db,
        &as_user(&o.zhou),
        &intake(o.ids[0], "2026-03-03 09:00", Priority::P3),
    )
    .await
    .unwrap_err();
    assert!(
        matches!(e, AppError::NotFound { ref entity, .. } if entity == "distributor"),
        "{e:?}"
    );
    let after = complaint::list(db, &Access::Open, &ComplaintQuery::default(), clock().now)
        .await
        .unwrap()
        .total;
    assert_eq!(after, before + 1);
    // Finance with scope "own" posts to D1 (theirs), not to D2.
    ledger::post(
        db,
        &as_user(&o.li),
        &entry(o.ids[0], "2026-02-01", "OWN-1", EntryKind::Invoice, "1.00"),
    )
    .await
    .unwrap();
    let e = ledger::post(
        db,
        &as_user(&o.li),
        &entry(o.ids[1], "2026-02-01", "OWN-2", EntryKind::Invoice, "1.00"),
    )
    .await
    .unwrap_err();
    assert!(matches!(e, AppError::NotFound { .. }), "{e:?}");
    let d2 = ledger::list(
        db,
        &Access::Open,
        &LedgerQuery {
            distributor_id: o.ids[1],
            ..Default::default()
        },
    )
    .await
    .unwrap();
    assert!(d2.rows.iter().all(|e| e.doc_no != "OWN-2"));
}
