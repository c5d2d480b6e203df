//! Visits and business reviews: planned and made, checked, their follow-up
//! actions reminded when overdue, photos attached to a visit, a quarter's
//! reviews listed for its scorecards, and the list exported.
mod common;

use common::ledger::active;
use common::{actor_on, codes, day, fresh};
use dealerdesk_core::attachment::{self, AttachmentAdd, AttachmentKind};
use dealerdesk_core::reminders::{self, ReminderKind};
use dealerdesk_core::visit::{
    self, ActionInput, VisitExportRequest, VisitInput, VisitKind, VisitQuery,
};

fn plan(d: i64) -> VisitInput {
    VisitInput {
        id: None,
        distributor_id: d,
        kind: VisitKind::Visit,
        quarter: String::new(),
        planned_on: "2026-06-10".into(),
        visited_on: String::new(),
        visitors: "王经理、李娜".into(),
        met: String::new(),
        findings: String::new(),
        actions: vec![],
    }
}

#[tokio::test]
async fn a_visit_is_planned_made_followed_up_and_reminded() {
    let (dir, db) = fresh().await;
    let ids = active(&db, dir.path(), &["甲商贸", "乙商贸"]).await;
    let (d1, d2) = (ids[0], ids[1]);
    let on = actor_on(day("2026-06-12"));

    let e = visit::save(
        &db,
        &on,
        &VisitInput {
            planned_on: String::new(),
            visited_on: "2026-06-30".into(),
            visitors: " ".into(),
            actions: vec![ActionInput {
                action: "补齐客户档案".into(),
                owner: String::new(),
                due_on: "2026-02-30".into(),
                done_on: None,
            }],
            ..plan(d1)
        },
    )
    .await
    .unwrap_err();
    let mut got = codes(&e);
    got.sort();
    assert_eq!(
        got,
        vec![
            ("actions.0.due_on".into(), "date_format".into()),
            ("actions.0.owner".into(), "required".into()),
            ("visited_on".into(), "in_future".into()),
            ("visitors".into(), "required".into()),
        ]
    );

    // Planned, then made: the visit date, who was met, findings and actions.
    let planned = visit::save(&db, &on, &plan(d1)).await.unwrap();
    assert_eq!(
        (planned.planned_on.as_deref(), planned.visited_on.as_deref()),
        (Some("2026-06-10"), None)
    );
    let made = visit::save(
        &db,
        &on,
        &VisitInput {
            id: Some(planned.id),
            visited_on: "2026-06-11".into(),
            met: "张总（总经理）".into(),
            findings: "库存偏高，终端陈列不规范".into(),
            actions: vec![
                ActionInput {
                    action: "两周内完成门店陈列整改".into(),
                    owner: "张总".into(),
                    due_on: "2026-06-11".into(),
                    done_on: None,
                },
                ActionInput {
                    action: "提交库存周报".into(),
                    owner: "李娜".into(),
                    due_on: "2026-06-20".into(),
                    done_on: None,
                },
            ],
            ..plan(d1)
        },
    )
    .await
    .unwrap();
    assert_eq!(made.id, planned.id);
    assert_eq!(made.actions.len(), 2);
    assert_eq!(
        made.actions.iter().map(|a| a.overdue).collect::<Vec<_>>(),
        vec![true, false]
    );
    let overdue = |r: Vec<reminders::Reminder>| -> Vec<String> {
        r.into_iter()
            .filter(|r| r.kind == ReminderKind::VisitActionOverdue)
            .map(|r| r.label_zh)
            .collect()
    };
    let now = overdue(reminders::list(&db, on.today()).await.unwrap());
    assert_eq!(now.len(), 1);
    assert!(now[0].contains("两周内完成门店陈列整改"), "{now:?}");

    // Done: no longer reminded.
    let mut done = made.actions.iter().map(|a| ActionInput {
        action: a.action.clone(),
        owner: a.owner.clone(),
        due_on: a.due_on.clone(),
        done_on: a.done_on.clone(),
    });
    let mut first = done.next().unwrap();
    first.done_on = Some("2026-06-12".into());
    let actions: Vec<ActionInput> = std::iter::once(first).chain(done).collect();
    visit::save(
        &db,
        &on,
        &VisitInput {
            id: Some(planned.id),
            visited_on: "2026-06-11".into(),
            actions,
            ..plan(d1)
        },
    )
    .await
    .unwrap();
    assert!(overdue(reminders::list(&db, on.today()).await.unwrap()).is_empty());

    // A photo belongs to the visit; another distributor's visit is refused.
    let photo = dir.path().join("门店.jpg");
    std::fs::write(&photo, b"\xFF\xD8\xFF\xE0 photo").unwrap();
    let root = dir.path().join("attachments");
    let add = |visit_id, distributor_id| AttachmentAdd {
        distributor_id,
        kind: AttachmentKind::SiteVisitPhoto,
        source_path: photo.display().to_string(),
        visit_id: Some(visit_id),
        statement_run_id: None,
    };
    let a = attachment::add(&db, &root, &on, add(planned.id, d1))
        .await
        .unwrap();
    assert_eq!(a.visit_id, Some(planned.id));
    assert!(attachment::add(&db, &root, &on, add(planned.id, d2))
        .await
        .is_err());
    let listed = visit::list(
        &db,
        &dealerdesk_core::actor::Access::Open,
        &VisitQuery {
            distributor_id: Some(d1),
            review_quarter: None,
        },
        on.today(),
    )
    .await
    .unwrap();
    assert_eq!((listed.len(), listed[0].attachments), (1, 1));

    // A quarterly business review names its quarter; the review lists it.
    let e = visit::save(
        &db,
        &on,
        &VisitInput {
            kind: VisitKind::Review,
            ..plan(d2)
        },
    )
    .await
    .unwrap_err();
    assert_eq!(codes(&e), vec![("quarter".into(), "required".into())]);
    visit::save(
        &db,
        &on,
        &VisitInput {
            kind: VisitKind::Review,
            quarter: "2026q2".into(),
            visited_on: "2026-06-05".into(),
            findings: "二季度目标完成 92%，三季度重点开拓县级市场".into(),
            ..plan(d2)
        },
    )
    .await
    .unwrap();
    let reviews = visit::list(
        &db,
        &dealerdesk_core::actor::Access::Open,
        &VisitQuery {
            distributor_id: None,
            review_quarter: Some("2026Q2".into()),
        },
        on.today(),
    )
    .await
    .unwrap();
    assert_eq!(reviews.len(), 1);
    assert_eq!(
        (reviews[0].distributor_id, reviews[0].quarter.as_str()),
        (d2, "2026Q2")
    );

    // Every visit to XLSX.
    let xlsx = dir.path().join("visits.xlsx");
    let n = visit::export(
        &db,
        &dealerdesk_core::actor::Access::Open,
        &VisitExportRequest {
            query: VisitQuery::default(),
            path: xlsx.display().to_string(),
            lang: dealerdesk_core::lang::Lang::ZhCn,
        },
        on.today(),
    )
    .await
    .unwrap();
    assert_eq!(n, 2);
    let sheet = dealerdesk_core::sheet::read_table(&xlsx).unwrap();
    assert_eq!(sheet.rows.len(), 2);
    let col = |h: &str| sheet.headers.iter().position(|x| x == h).unwrap();
    let kinds: Vec<&str> = sheet
        .rows
        .iter()
        .map(|(_, r)| r[col("类型")].as_str())
        .collect();
    assert!(
        kinds.contains(&"拜访") && kinds.contains(&"业务回顾 2026Q2"),
        "{kinds:?}"
    );
    // Visits are kept.
    use sea_orm::ConnectionTrait;
    assert!(db.execute_unprepared("DELETE FROM visit").await.is_err());
}
