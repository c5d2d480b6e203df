//! The office's day, not the UTC date: at 07:00 on 1 January in Beijing it is
//! still 31 December in UTC. Every write dated there is dated 1 January.
mod common;

use chrono::DateTime;
use common::agreements::{province, terms};
use common::ledger::active;
use common::{fresh, OP};
use dealerdesk_core::actor::Actor;
use dealerdesk_core::dates::Clock;
use dealerdesk_core::distributor::{self, Tier, TierChangeRequest};
use dealerdesk_core::scorecard::{self, Quarter};
use dealerdesk_core::{agreement, demo};

/// 07:00 on 1 January 2027 in Beijing: 23:00 on 31 December 2026 in UTC.
fn new_year_morning() -> Actor {
    let local = DateTime::parse_from_rfc3339("2027-01-01T07:00:00+08:00").unwrap();
    let clock = Clock::office(local, None);
    assert_eq!(clock.now.to_rfc3339(), "2026-12-31T23:00:00+00:00");
    Actor::new(OP, clock).unwrap()
}

#[tokio::test]
async fn a_write_at_seven_on_new_years_morning_is_dated_the_first_of_january() {
    let (dir, db) = fresh().await;
    let actor = new_year_morning();

    // A new distributor's first status row.
    let (input, _) = demo::sample(500);
    let d = distributor::create(&db, &actor, input).await.unwrap();
    let detail = distributor::get(&db, &dealerdesk_core::actor::Access::Open, d.id)
        .await
        .unwrap();
    assert_eq!(detail.status_history[0].date, "2027-01-01");

    // The agreement's number takes the office's year.
    let ids = active(&db, dir.path(), &["华东经销"]).await;
    let created = agreement::create(&db, &actor, &terms(ids[0], province("浙江省", ""), false))
        .await
        .unwrap();
    assert!(
        created.agreement.number.starts_with("HT-2027-"),
        "{}",
        created.agreement.number
    );

    // A tier changed on the morning of 1 January was not held on 31 December.
    let q4 = Quarter::parse("2026Q4").unwrap();
    let tier_of = |r: &scorecard::QuarterReview| {
        r.distributors
            .iter()
            .find(|c| c.distributor_id == ids[0])
            .map(|c| c.tier)
    };
    let before = tier_of(&scorecard::live(&db, q4, None).await.unwrap()).unwrap();
    let to = if before == Tier::Strategic {
        Tier::Basic
    } else {
        Tier::Strategic
    };
    distributor::change_tier(
        &db,
        &actor,
        TierChangeRequest {
            id: ids[0],
            tier: to,
            reason: "年度评级".into(),
        },
    )
    .await
    .unwrap();
    let after = scorecard::live(&db, q4, None).await.unwrap();
    assert_eq!(tier_of(&after), Some(before), "the tier held on 2026-12-31");
    let q1 = Quarter::parse("2027Q1").unwrap();
    assert_eq!(
        tier_of(&scorecard::live(&db, q1, None).await.unwrap()),
        Some(to)
    );
}
