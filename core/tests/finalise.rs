//! Finalised quarters: frozen scorecards that later records do not move,
//! corrections as revisions with a reason, exit warnings read from
//! consecutive finalised quarters, improvement plans and the annual tier
//! review.
mod common;

use common::ledger::active;
use common::{actor_on, codes, day, fresh};
use dealerdesk_core::distributor::{self, Tier};
use dealerdesk_core::ledger::{self, EntryInput, EntryKind};
use dealerdesk_core::reminders::{self, ReminderKind};
use dealerdesk_core::scorecard::finalise::{self, RevisionInput};
use dealerdesk_core::scorecard::plan::{self, PlanInput};
use dealerdesk_core::scorecard::tiers::{self, ApplyTiers, Direction};
use dealerdesk_core::scorecard::{self, Quarter, RatingInput};
use dealerdesk_core::{AppError, DatabaseConnection};
use proptest::prelude::*;

fn q(s: &str) -> Quarter {
    Quarter::parse(s).unwrap()
}

async fn rate(db: &DatabaseConnection, id: i64, quarter: &str, rating: Option<u32>) {
    scorecard::rate(
        db,
        &actor_on(day("2026-12-01")),
        &RatingInput {
            distributor_id: id,
            quarter: quarter.into(),
            rating,
            comment: "市场反馈一般".into(),
        },
    )
    .await
    .unwrap();
}

async fn post(
    db: &DatabaseConnection,
    id: i64,
    date: &str,
    doc: &str,
    kind: EntryKind,
    amount: &str,
) {
    ledger::post(
        db,
        &actor_on(day("2026-12-01")),
        &EntryInput {
            distributor_id: id,
            date: date.into(),
            doc_no: doc.into(),
            kind: Some(kind),
            amount: amount.into(),
            ..Default::default()
        },
    )
    .await
    .unwrap();
}

fn json<T: serde::Serialize>(v: &T) -> String {
    serde_json::to_string(v).unwrap()
}

#[tokio::test]
async fn a_finalised_quarter_is_frozen_and_corrected_by_revisions() {
    let (dir, db) = fresh().await;
    let ids = active(&db, dir.path(), &["甲商贸", "乙商贸"]).await;
    let (d1, d2) = (ids[0], ids[1]);
    post(
        &db,
        d1,
        "2026-02-01",
        "INV-1",
        EntryKind::Invoice,
        "10000.00",
    )
    .await;
    rate(&db, d1, "2026Q1", Some(80)).await;

    // Not before the quarter has ended.
    let e = finalise::finalise(&db, &actor_on(day("2026-03-31")), "2026Q1")
        .await
        .unwrap_err();
    assert_eq!(
        codes(&e),
        vec![("quarter".into(), "period_not_ended".into())]
    );
    assert!(!scorecard::review(&db, q("2026Q1")).await.unwrap().finalised);

    let after = actor_on(day("2026-04-01"));
    let done = finalise::finalise(&db, &after, "2026Q1").await.unwrap();
    assert!(done.finalised);
    assert_eq!(done.distributors.len(), 2);
    assert!(done.distributors.iter().all(|c| c.revision == 1));
    let e = finalise::finalise(&db, &after, "2026Q1").await.unwrap_err();
    assert_eq!(
        codes(&e),
        vec![("quarter".into(), "quarter_finalised".into())]
    );
    // The rating of a finalised quarter changes only through a revision.
    let e = scorecard::rate(
        &db,
        &after,
        &RatingInput {
            distributor_id: d1,
            quarter: "2026Q1".into(),
            rating: Some(10),
            comment: String::new(),
        },
    )
    .await
    .unwrap_err();
    assert_eq!(
        codes(&e),
        vec![("quarter".into(), "quarter_finalised".into())]
    );

    // Later records dated in the quarter move the live scores, not the frozen ones.
    post(
        &db,
        d2,
        "2026-03-10",
        "INV-2",
        EntryKind::Invoice,
        "5000.00",
    )
    .await;
    dealerdesk_core::violation::record(
        &db,
        &after,
        &dealerdesk_core::violation::ViolationInput {
            distributor_id: d1,
            occurred_on: "2026-03-15".into(),
            kind: "cross_territory".into(),
            description: "跨区销售".into(),
            points: "5".into(),
            withhold_rebate: false,
            complaint_id: None,
        },
    )
    .await
    .unwrap();
    let frozen = scorecard::review(&db, q("2026Q1")).await.unwrap();
    assert_eq!(json(&frozen), json(&done));
    let live = scorecard::live(&db, q("2026Q1"), None).await.unwrap();
    assert_ne!(
        json(&live.distributors),
        json(&done.distributors),
        "the later records do change the live scores"
    );

    // A correction: a revision with a reason; the history keeps both.
    let revise = |rating, reason: &str| RevisionInput {
        distributor_id: d2,
        quarter: "2026Q1".into(),
        rating,
        comment: "补录发票".into(),
        reason: reason.into(),
    };
    let e = finalise::revise(&db, &after, &revise(Some(70), "  "))
        .await
        .unwrap_err();
    assert_eq!(codes(&e), vec![("reason".into(), "required".into())]);
    let e = finalise::revise(
        &db,
        &after,
        &RevisionInput {
            quarter: "2026Q2".into(),
            ..revise(Some(70), "补录")
        },
    )
    .await
    .unwrap_err();
    assert_eq!(
        codes(&e),
        vec![("quarter".into(), "quarter_not_finalised".into())]
    );
    let card = finalise::revise(&db, &after, &revise(Some(70), "补录 3 月发票"))
        .await
        .unwrap();
    assert_eq!(card.revision, 2);
    assert_eq!(card.sales.to_string(), "5000.00");
    assert_eq!(card.rating.as_deref(), Some("70.00"));
    let now = scorecard::review(&db, q("2026Q1")).await.unwrap();
    let by = |code: &str| {
        now.distributors
            .iter()
            .find(|c| c.code == code)
            .unwrap()
            .clone()
    };
    assert_eq!(
        (by("D2").revision, by("D2").sales.to_string()),
        (2, "5000.00".into())
    );
    assert_eq!(json(&by("D1")), json(&done.distributors[0]), "D1 untouched");
    let history = finalise::history(&db, d2).await.unwrap();
    assert_eq!(history.len(), 1);
    let reasons: Vec<(u32, &str)> = history[0]
        .revisions
        .iter()
        .map(|r| (r.revision, r.reason.as_str()))
        .collect();
    assert_eq!(reasons, vec![(1, ""), (2, "补录 3 月发票")]);
    assert_eq!(history[0].card.revision, 2);

    // Written out: one PDF page per distributor, one XLSX row each.
    use dealerdesk_core::scorecard::export::{write_file, ReviewFileRequest};
    for (lang, title) in [
        (dealerdesk_core::lang::Lang::ZhCn, "2026Q1 季度考核表"),
        (
            dealerdesk_core::lang::Lang::En,
            "Quarterly scorecard 2026Q1",
        ),
    ] {
        let pdf = dir.path().join(format!("review-{lang:?}.pdf"));
        let req = ReviewFileRequest {
            quarter: "2026Q1".into(),
            lang,
            path: pdf.display().to_string(),
            distributor_ids: vec![],
        };
        write_file(
            &db,
            &dealerdesk_core::actor::Access::Open,
            &req,
            day("2026-04-02"),
        )
        .await
        .unwrap();
        let info = common::tool("pdfinfo", &[pdf.to_str().unwrap()]);
        assert!(info.contains("Pages:           2"), "{info}");
        let text = common::tool("pdftotext", &["-layout", pdf.to_str().unwrap(), "-"]);
        assert!(text.contains(title), "{text}");
        assert!(text.contains("甲商贸") && text.contains("乙商贸"));
        // D1's violation is dated in the quarter but came after finalising: the
        // frozen page still lists the quarter's violations as recorded now.
        assert!(text.contains("跨区销售"), "{text}");
    }
    let xlsx = dir.path().join("review.xlsx");
    write_file(
        &db,
        &dealerdesk_core::actor::Access::Open,
        &ReviewFileRequest {
            quarter: "2026Q1".into(),
            lang: dealerdesk_core::lang::Lang::ZhCn,
            path: xlsx.display().to_string(),
            distributor_ids: vec![d2],
        },
        day("2026-04-02"),
    )
    .await
    .unwrap();
    let sheet = dealerdesk_core::sheet::read_table(&xlsx).unwrap();
    assert_eq!(sheet.rows.len(), 1, "only the rows asked for");
    let col = |h: &str| sheet.headers.iter().position(|x| x == h).unwrap();
    let row = &sheet.rows[0].1;
    assert_eq!(row[col("经销商编号")], "D2");
    assert_eq!(row[col("销售额")], "5000");
    assert_eq!(row[col("经理评价")], "70");
    let bad = ReviewFileRequest {
        quarter: "2026Q1".into(),
        lang: dealerdesk_core::lang::Lang::ZhCn,
        path: dir.path().join("review.doc").display().to_string(),
        distributor_ids: vec![],
    };
    assert_eq!(
        codes(
            &write_file(
                &db,
                &dealerdesk_core::actor::Access::Open,
                &bad,
                day("2026-04-02")
            )
            .await
            .unwrap_err()
        ),
        vec![("path".into(), "file_type".into())]
    );

    // The database refuses to change a frozen scorecard.
    use sea_orm::ConnectionTrait;
    assert!(db
        .execute_unprepared("UPDATE scorecard_snapshot SET total_centi = 10000")
        .await
        .is_err());
    assert!(db
        .execute_unprepared("DELETE FROM scorecard_quarter")
        .await
        .is_err());
}

#[tokio::test]
async fn warnings_follow_consecutive_finalised_quarters() {
    let (dir, db) = fresh().await;
    let ids = active(&db, dir.path(), &["甲", "乙", "丙"]).await;
    let (d1, d2, d3) = (ids[0], ids[1], ids[2]);
    let today = day("2026-07-10");
    let actor = actor_on(today);
    for id in [d1, d2, d3] {
        rate(&db, id, "2026Q1", Some(50)).await;
    }
    finalise::finalise(&db, &actor, "2026Q1").await.unwrap();
    let levels = |w: Vec<finalise::Warning>| -> Vec<(String, u8)> {
        w.into_iter().map(|w| (w.code, w.level)).collect()
    };
    assert_eq!(
        levels(finalise::warnings(&db, None, today).await.unwrap()),
        vec![("D1".into(), 1), ("D2".into(), 1), ("D3".into(), 1)]
    );

    // Q2: D1 stays below (level 2), D2 recovers (cleared), D3 is not rated
    // (the chain breaks).
    rate(&db, d1, "2026Q2", Some(40)).await;
    rate(&db, d2, "2026Q2", Some(70)).await;
    let q2 = finalise::finalise(&db, &actor, "2026Q2").await.unwrap();
    let d3_card = q2.distributors.iter().find(|c| c.code == "D3").unwrap();
    assert_eq!(d3_card.total, None, "D3 has nothing that applies in Q2");
    let w = finalise::warnings(&db, None, today).await.unwrap();
    assert_eq!(levels(w.clone()), vec![("D1".into(), 2)]);
    assert_eq!(w[0].quarters, vec!["2026Q2", "2026Q1"]);
    assert_eq!((w[0].total.as_deref(), w[0].baseline), (Some("40.00"), 60));
    let level_of = |code: &str| {
        q2.distributors
            .iter()
            .find(|c| c.code == code)
            .unwrap()
            .warning_level
    };
    assert_eq!(
        (level_of("D1"), level_of("D2"), level_of("D3")),
        (Some(2), None, None)
    );
    let q1 = scorecard::review(&db, q("2026Q1")).await.unwrap();
    assert!(q1.distributors.iter().all(|c| c.warning_level == Some(1)));

    // A level-2 warning reaches the reminders.
    let r = reminders::list(&db, today).await.unwrap();
    let exits: Vec<&str> = r
        .iter()
        .filter(|r| r.kind == ReminderKind::ExitWarning)
        .map(|r| r.distributor_code.as_str())
        .collect();
    assert_eq!(exits, vec!["D1"]);

    // A terminated distributor carries no warning.
    distributor::transition(
        &db,
        &actor,
        distributor::TransitionRequest {
            id: d1,
            to: distributor::Status::Terminated,
            date: String::new(),
            reason: "连续两季度未达基准（2026Q1、2026Q2）".into(),
        },
    )
    .await
    .unwrap();
    assert!(finalise::warnings(&db, None, today)
        .await
        .unwrap()
        .is_empty());
}

#[tokio::test]
async fn improvement_plans_are_checked_kept_and_reminded_when_overdue() {
    let (dir, db) = fresh().await;
    let d1 = active(&db, dir.path(), &["甲"]).await[0];
    let actor = actor_on(day("2026-05-02"));
    let mut input = PlanInput {
        id: None,
        distributor_id: d1,
        quarter: "2026q1".into(),
        actions: String::new(),
        owner: "李经理".into(),
        due_on: "2026-13-01".into(),
        outcome: String::new(),
        closed_on: Some("2026-06-01".into()),
    };
    let e = plan::save(&db, &actor, &input).await.unwrap_err();
    let mut got = codes(&e);
    got.sort();
    assert_eq!(
        got,
        vec![
            ("actions".into(), "required".into()),
            ("closed_on".into(), "in_future".into()),
            ("due_on".into(), "date_format".into()),
        ]
    );
    input.actions = "每周拜访一次；补齐客户档案".into();
    input.due_on = "2026-05-01".into();
    input.closed_on = None;
    let p = plan::save(&db, &actor, &input).await.unwrap();
    assert_eq!((p.quarter.as_str(), p.overdue), ("2026Q1", true));
    let overdue = |r: Vec<reminders::Reminder>| -> Vec<i64> {
        r.into_iter()
            .filter(|r| r.kind == ReminderKind::PlanOverdue)
            .map(|r| r.ref_id)
            .collect()
    };
    assert_eq!(
        overdue(reminders::list(&db, actor.today()).await.unwrap()),
        vec![p.id]
    );
    assert!(overdue(reminders::list(&db, day("2026-05-01")).await.unwrap()).is_empty());

    // Closing it with an outcome ends the reminder; the plan is kept.
    input.id = Some(p.id);
    input.outcome = "已完成整改".into();
    input.closed_on = Some("2026-05-02".into());
    let closed = plan::save(&db, &actor, &input).await.unwrap();
    assert!(!closed.overdue);
    assert!(overdue(reminders::list(&db, actor.today()).await.unwrap()).is_empty());
    assert_eq!(
        plan::list(&db, Some(d1), false, actor.today())
            .await
            .unwrap()
            .len(),
        1
    );
    assert!(plan::list(&db, Some(d1), true, actor.today())
        .await
        .unwrap()
        .is_empty());
    use sea_orm::ConnectionTrait;
    assert!(db
        .execute_unprepared("DELETE FROM improvement_plan")
        .await
        .is_err());
    // Another distributor's plan cannot be edited through this one.
    input.distributor_id = d1 + 100;
    assert!(matches!(
        plan::save(&db, &actor, &input).await.unwrap_err(),
        AppError::Validation { .. }
    ));
}

#[tokio::test]
async fn the_annual_tier_review_recommends_and_applies_through_the_tier_history() {
    let (dir, db) = fresh().await;
    let ids = active(&db, dir.path(), &["甲", "乙", "丙"]).await;
    let (d1, d2) = (ids[0], ids[1]);
    let actor = actor_on(day("2026-10-08"));
    rate(&db, d1, "2026Q1", Some(95)).await;
    rate(&db, d1, "2026Q2", Some(90)).await;
    rate(&db, d1, "2026Q3", Some(81)).await; // not finalised: left out
    rate(&db, d2, "2026Q1", Some(50)).await;
    for quarter in ["2026Q1", "2026Q2"] {
        finalise::finalise(&db, &actor, quarter).await.unwrap();
    }
    let before = distributor::get(&db, &dealerdesk_core::actor::Access::Open, d1)
        .await
        .unwrap()
        .distributor
        .tier;
    let review = tiers::review(&db, 2026).await.unwrap();
    assert_eq!(review.quarters, vec!["2026Q1", "2026Q2"]);
    let row = |code: &str| {
        review
            .distributors
            .iter()
            .find(|r| r.code == code)
            .unwrap()
            .clone()
    };
    // (95 + 90) ÷ 2 = 92.50 ≥ 85: strategic.
    assert_eq!(row("D1").annual_score.as_deref(), Some("92.50"));
    assert_eq!(row("D1").recommended, Some(Tier::Strategic));
    assert_eq!(row("D1").current, before);
    assert_eq!(row("D2").annual_score.as_deref(), Some("50.00"));
    assert_eq!(row("D2").recommended, Some(Tier::Basic));
    assert_eq!((row("D3").annual_score, row("D3").direction), (None, None));

    // Applying a "keep" is refused; applying all changes what moves.
    let keep_or_move = |r: &tiers::TierReviewRow| r.direction;
    if keep_or_move(&row("D2")) == Some(Direction::Keep) {
        let e = tiers::apply(
            &db,
            &actor,
            &ApplyTiers {
                year: 2026,
                distributor_ids: vec![d2],
            },
        )
        .await
        .unwrap_err();
        assert_eq!(
            codes(&e),
            vec![("distributor_ids".into(), "unchanged".into())]
        );
    }
    let applied = tiers::apply(
        &db,
        &actor,
        &ApplyTiers {
            year: 2026,
            distributor_ids: vec![],
        },
    )
    .await
    .unwrap();
    assert!(applied.iter().any(|r| r.code == "D1"));
    assert!(applied.iter().all(|r| r.direction != Some(Direction::Keep)));
    assert_eq!(
        distributor::get(&db, &dealerdesk_core::actor::Access::Open, d1)
            .await
            .unwrap()
            .distributor
            .tier,
        Tier::Strategic
    );
    let history = distributor::get(&db, &dealerdesk_core::actor::Access::Open, d1)
        .await
        .unwrap();
    let last = history
        .tier_history
        .iter()
        .find(|c| c.to == Tier::Strategic)
        .unwrap();
    assert!(
        last.reason.contains("2026") && last.reason.contains("92.50"),
        "{}",
        last.reason
    );
    // Now it is kept.
    let again = tiers::review(&db, 2026).await.unwrap();
    assert_eq!(
        again
            .distributors
            .iter()
            .find(|r| r.code == "D1")
            .unwrap()
            .direction,
        Some(Direction::Keep)
    );

    // Thresholds of its own: 95 for strategic demotes D1 again.
    let mut s = scorecard::load_settings(&db).await.unwrap();
    s.tier_thresholds = Some(dealerdesk_core::settings::TierThresholds {
        strategic_min: 95,
        core_min: 70,
    });
    scorecard::save_settings(&db, &actor, s).await.unwrap();
    let custom = tiers::review(&db, 2026).await.unwrap();
    let d1_row = custom.distributors.iter().find(|r| r.code == "D1").unwrap();
    assert_eq!(
        (d1_row.recommended, d1_row.direction),
        (Some(Tier::Core), Some(Direction::Demote))
    );
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 8, ..ProptestConfig::default() })]

    /// Whatever is posted, reversed or recorded after finalising, the frozen
    /// quarter reads the same.
    #[test]
    fn finalised_snapshots_do_not_move(
        before in prop::collection::vec((0i64..90, 1i64..5_000_000, 0u8..3), 0..8),
        after in prop::collection::vec((0i64..90, 1i64..5_000_000, 0u8..3), 1..8),
        rating in prop::option::of(0u32..=100),
    ) {
        let rt = tokio::runtime::Runtime::new().unwrap();
        rt.block_on(async {
            let (dir, db) = fresh().await;
            let d = active(&db, dir.path(), &["甲"]).await[0];
            let kind = |k: u8| match k {
                0 => EntryKind::Invoice,
                1 => EntryKind::Payment,
                _ => EntryKind::CreditNote,
            };
            let money = |fen: i64| format!("{}.{:02}", fen / 100, fen % 100);
            let date = |off: i64| (day("2026-01-01") + chrono::Duration::days(off)).to_string();
            for (i, (off, fen, k)) in before.iter().enumerate() {
                post(&db, d, &date(*off), &format!("B{i}"), kind(*k), &money(*fen)).await;
            }
            rate(&db, d, "2026Q1", rating).await;
            let done = finalise::finalise(&db, &actor_on(day("2026-04-02")), "2026Q1")
                .await
                .unwrap();
            for (i, (off, fen, k)) in after.iter().enumerate() {
                post(&db, d, &date(*off), &format!("A{i}"), kind(*k), &money(*fen)).await;
            }
            let again = scorecard::review(&db, q("2026Q1")).await.unwrap();
            assert_eq!(json(&again), json(&done));
        });
    }
}
