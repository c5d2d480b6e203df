//! Violations and ratings feed the quarter's scorecards; a violation that
//! withholds the rebate stops the rebate run posting it; records are
//! append-only and cancelled with a reason.
mod common;

use common::agreements::{entry, province, signed, terms};
use common::{actor, actor_on, codes, day, fresh};
use dealerdesk_core::agreement::rebate::{self, RebateRunRequest};
use dealerdesk_core::ledger::EntryKind;
use dealerdesk_core::scorecard::{self, Quarter, RatingInput};
use dealerdesk_core::violation::{self, ViolationCancelRequest, ViolationInput};
use dealerdesk_core::AppError;
use sea_orm::ConnectionTrait;

fn input(d: i64, on: &str, kind: &str, withhold: bool) -> ViolationInput {
    ViolationInput {
        distributor_id: d,
        occurred_on: on.into(),
        kind: kind.into(),
        description: "在温州市场发现窜货 120 箱".into(),
        points: String::new(),
        withhold_rebate: withhold,
        complaint_id: None,
    }
}

#[tokio::test]
async fn violations_take_points_off_and_withhold_rebates_until_cancelled() {
    let (dir, db) = fresh().await;
    let d = common::agreements::dist(&db, 1).await;
    signed(
        &db,
        dir.path(),
        terms(d, province("浙江省", "杭州市"), false),
    )
    .await;
    entry(
        &db,
        d,
        "2026-02-01",
        "INV-1",
        EntryKind::Invoice,
        "125000.00",
    )
    .await;
    let q1 = Quarter::parse("2026Q1").unwrap();
    let review = || async {
        scorecard::review(&db, q1)
            .await
            .unwrap()
            .distributors
            .into_iter()
            .find(|s| s.distributor_id == d)
            .unwrap()
    };
    let base = review().await;
    let base_total: i64 = base
        .total
        .as_deref()
        .unwrap()
        .replace('.', "")
        .parse()
        .unwrap();
    assert_eq!(base.deductions, "0.00");

    // A rating and a comment count at once.
    scorecard::rate(
        &db,
        &actor(),
        &RatingInput {
            distributor_id: d,
            quarter: "2026q1".into(),
            rating: Some(90),
            comment: "配合度高，终端反馈好".into(),
        },
    )
    .await
    .unwrap();
    let rated = review().await;
    assert_eq!(rated.rating.as_deref(), Some("90.00"));
    assert!(rated.indicators["rating"].applicable);
    assert_eq!(rated.comment, "配合度高，终端反馈好");
    let rated_total: i64 = rated
        .total
        .as_deref()
        .unwrap()
        .replace('.', "")
        .parse()
        .unwrap();
    let err = scorecard::rate(
        &db,
        &actor(),
        &RatingInput {
            distributor_id: d,
            quarter: "2026Q1".into(),
            rating: Some(101),
            comment: String::new(),
        },
    )
    .await
    .unwrap_err();
    assert_eq!(
        codes(&err),
        vec![("rating".to_string(), "score_range".to_string())]
    );

    // 窜货 in February: 10 points by default, and the Q1 rebate withheld.
    let today = actor_on(day("2026-04-10"));
    let v = violation::record(
        &db,
        &today,
        &input(d, "2026-02-15", "cross_territory", true),
    )
    .await
    .unwrap();
    assert_eq!(v.points, "10.00");
    // One in April counts for Q2 only.
    violation::record(
        &db,
        &today,
        &ViolationInput {
            points: "2.5".into(),
            ..input(d, "2026-04-01", "price", false)
        },
    )
    .await
    .unwrap();
    let docked = review().await;
    assert_eq!(docked.deductions, "10.00");
    let docked_total: i64 = docked
        .total
        .as_deref()
        .unwrap()
        .replace('.', "")
        .parse()
        .unwrap();
    assert_eq!(docked_total, (rated_total - 1000).max(0));
    assert_ne!(rated_total, base_total);

    let req = RebateRunRequest {
        from: "2026-01-01".into(),
        to: "2026-03-31".into(),
    };
    let run = rebate::preview(&db, &req).await.unwrap();
    let line = run.lines.iter().find(|l| l.distributor_id == d).unwrap();
    assert!(line.withheld && line.rebate.fen() > 0);
    assert_eq!(run.to_post, 0);
    let approved = rebate::approve(&db, &today, &req).await.unwrap();
    assert_eq!(approved.posted, 0, "a withheld rebate is not posted");

    // Cancelled with a reason: the points and the withholding go; the record stays.
    let err = violation::cancel(
        &db,
        &today,
        &ViolationCancelRequest {
            id: v.id,
            reason: " ".into(),
        },
    )
    .await
    .unwrap_err();
    assert_eq!(
        codes(&err),
        vec![("reason".to_string(), "required".to_string())]
    );
    let c = violation::cancel(
        &db,
        &today,
        &ViolationCancelRequest {
            id: v.id,
            reason: "误报：为本区域调拨".into(),
        },
    )
    .await
    .unwrap();
    assert!(c.cancelled.is_some());
    let again = violation::cancel(
        &db,
        &today,
        &ViolationCancelRequest {
            id: v.id,
            reason: "再次".into(),
        },
    )
    .await;
    assert!(matches!(again, Err(AppError::Conflict { .. })), "{again:?}");
    assert_eq!(review().await.deductions, "0.00");
    let approved = rebate::approve(&db, &today, &req).await.unwrap();
    assert_eq!(approved.posted, 1);
    assert_eq!(
        violation::list(&db, &dealerdesk_core::actor::Access::Open, Some(d))
            .await
            .unwrap()
            .len(),
        2
    );

    // Append-only in the database too.
    for sql in [
        "UPDATE violation SET points_centi = 0",
        "DELETE FROM violation_cancel",
    ] {
        let r = db.execute_unprepared(sql).await;
        assert!(
            r.is_err_and(|e| e.to_string().contains("append-only")),
            "{sql}"
        );
    }
}

#[tokio::test]
async fn a_violation_is_checked_before_it_is_recorded() {
    let (_dir, db) = fresh().await;
    let d = common::agreements::dist(&db, 1).await;
    let today = actor_on(day("2026-04-10"));
    let bad = ViolationInput {
        occurred_on: "2026-04-11".into(),
        kind: "speeding".into(),
        description: String::new(),
        points: "100.5".into(),
        ..input(d, "", "", false)
    };
    let err = violation::record(&db, &today, &bad).await.unwrap_err();
    let mut got = codes(&err);
    got.sort();
    assert_eq!(
        got,
        vec![
            ("description".to_string(), "required".to_string()),
            ("kind".to_string(), "invalid_choice".to_string()),
            ("occurred_on".to_string(), "in_future".to_string()),
            ("points".to_string(), "out_of_range".to_string()),
        ]
    );
    assert!(
        violation::list(&db, &dealerdesk_core::actor::Access::Open, None)
            .await
            .unwrap()
            .is_empty()
    );
}

#[tokio::test]
async fn a_cross_territory_complaint_becomes_one_violation() {
    use dealerdesk_core::complaint::{self, Priority};
    let (_dir, db) = fresh().await;
    let d = common::complaints::one_distributor(&db).await;
    let on = actor_on(day("2026-05-10"));
    let mut about = common::complaints::intake(d, "2026-05-06 09:00", Priority::P2);
    about.category = "cross_territory".into();
    let now = common::complaints::local("2026-05-10 09:00");
    let on = common::at_instant(&on, now);
    let cross = complaint::record(&db, &on, &about).await.unwrap();
    let quality = complaint::record(
        &db,
        &on,
        &common::complaints::intake(d, "2026-05-06 10:00", Priority::P2),
    )
    .await
    .unwrap();
    let from = |cid: i64| ViolationInput {
        complaint_id: Some(cid),
        ..input(d, "2026-05-06", "cross_territory", false)
    };
    let e = violation::record(&db, &on, &from(quality.id))
        .await
        .unwrap_err();
    assert_eq!(
        codes(&e),
        vec![("complaint_id".into(), "invalid_choice".into())]
    );
    let v = violation::record(&db, &on, &from(cross.id)).await.unwrap();
    assert_eq!(v.complaint_id, Some(cross.id));
    // Once only, unless the first is cancelled.
    let e = violation::record(&db, &on, &from(cross.id))
        .await
        .unwrap_err();
    assert_eq!(codes(&e), vec![("complaint_id".into(), "duplicate".into())]);
    violation::cancel(
        &db,
        &on,
        &ViolationCancelRequest {
            id: v.id,
            reason: "误记".into(),
        },
    )
    .await
    .unwrap();
    violation::record(&db, &on, &from(cross.id)).await.unwrap();
}
