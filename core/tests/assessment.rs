mod common;
use common::actor;

use common::{fresh, input, OP};
use dealerdesk_core::actor::Actor;
use dealerdesk_core::assessment::{self, AssessmentInput, CriterionScore, Decision};
use dealerdesk_core::dates::Clock;
use dealerdesk_core::distributor::{self, Status, Tier, TransitionRequest};
use dealerdesk_core::settings::{self, Criterion};
use dealerdesk_core::AppError;

fn scores(values: &[(&str, u32)]) -> Vec<CriterionScore> {
    values
        .iter()
        .map(|(k, s)| CriterionScore {
            key: (*k).into(),
            score: *s,
        })
        .collect()
}

#[tokio::test]
async fn approval_scores_recommends_tier_and_moves_status() {
    let (_dir, db) = fresh().await;
    let d = distributor::create(&db, &actor(), input("甲公司", "91110000802100433B"))
        .await
        .unwrap();
    distributor::transition(
        &db,
        &actor(),
        TransitionRequest {
            id: d.id,
            to: Status::UnderReview,
            date: String::new(),
            reason: String::new(),
        },
    )
    .await
    .unwrap();
    // Defaults: capital 25, warehousing 15, transport 15, coverage 20, sales_team 15, reputation 10.
    let all = scores(&[
        ("capital", 90),
        ("warehousing", 80),
        ("transport", 70),
        ("coverage", 90),
        ("sales_team", 80),
        ("reputation", 100),
    ]);
    let a = assessment::record(
        &db,
        &actor(),
        AssessmentInput {
            distributor_id: d.id,
            assessed_on: "2026-11-02".into(),
            scores: all,
            site_visit_notes: "仓库 800㎡，自有货车 3 辆".into(),
            decision: Decision::Approve,
            apply_tier: true,
        },
    )
    .await
    .unwrap();
    // (90·25 + 80·15 + 70·15 + 90·20 + 80·15 + 100·10) / 100 = 85.00
    assert_eq!(a.total, "85.00");
    assert_eq!(a.recommended_tier, Tier::Strategic);
    let detail = distributor::get(&db, &dealerdesk_core::actor::Access::Open, d.id)
        .await
        .unwrap();
    assert_eq!(detail.distributor.status, Status::Approved);
    assert_eq!(detail.distributor.tier, Tier::Strategic);
    assert_eq!(detail.assessments.len(), 1);
    assert_eq!(detail.assessments[0].scores.len(), 6);
}

#[tokio::test]
async fn missing_or_out_of_range_scores_are_field_errors() {
    let (_dir, db) = fresh().await;
    let d = distributor::create(&db, &actor(), input("甲公司", "91110000802100433B"))
        .await
        .unwrap();
    let err = assessment::record(
        &db,
        &actor(),
        AssessmentInput {
            distributor_id: d.id,
            assessed_on: String::new(),
            scores: scores(&[("capital", 101), ("bogus", 1)]),
            site_visit_notes: String::new(),
            decision: Decision::Defer,
            apply_tier: false,
        },
    )
    .await
    .unwrap_err();
    let AppError::Validation { fields } = err else {
        panic!()
    };
    let f: Vec<_> = fields
        .iter()
        .map(|f| (f.field.as_str(), f.code.key()))
        .collect();
    assert!(f.contains(&("scores.capital", "score_range")));
    assert!(f.contains(&("scores.warehousing", "required")));
    assert!(f.contains(&("scores.bogus", "unknown_criterion")));
    assert!(
        distributor::get(&db, &dealerdesk_core::actor::Access::Open, d.id)
            .await
            .unwrap()
            .assessments
            .is_empty()
    );
}

#[tokio::test]
async fn weights_and_thresholds_come_from_settings() {
    let (_dir, db) = fresh().await;
    let mut s = settings::load(&db).await.unwrap();
    s.operator_name = OP.into();
    s.criteria = vec![
        Criterion {
            key: "capital".into(),
            label_zh: "资金".into(),
            label_en: "Capital".into(),
            weight: 1,
        },
        Criterion {
            key: "coverage".into(),
            label_zh: "覆盖".into(),
            label_en: "Coverage".into(),
            weight: 3,
        },
    ];
    s.thresholds.core_min = 60;
    settings::save(&db, s.clone(), common::clock(), Some(&actor()))
        .await
        .unwrap();
    assert_eq!(settings::load(&db).await.unwrap(), s);
    let d = distributor::create(&db, &actor(), input("甲公司", "91110000802100433B"))
        .await
        .unwrap();
    let a = assessment::record(
        &db,
        &actor(),
        AssessmentInput {
            distributor_id: d.id,
            assessed_on: String::new(),
            scores: scores(&[("capital", 100), ("coverage", 50)]),
            site_visit_notes: String::new(),
            decision: Decision::Defer,
            apply_tier: false,
        },
    )
    .await
    .unwrap();
    assert_eq!(a.total, "62.50");
    assert_eq!(a.recommended_tier, Tier::Core);
    // Deferred on an applicant: nothing else changes.
    assert_eq!(
        distributor::get(&db, &dealerdesk_core::actor::Access::Open, d.id)
            .await
            .unwrap()
            .distributor
            .status,
        Status::Applicant
    );

    let mut bad = s.clone();
    bad.thresholds.core_min = 95;
    assert!(matches!(
        settings::save(&db, bad, common::clock(), Some(&actor())).await,
        Err(AppError::Validation { .. })
    ));
}

/// A status change or an assessment without a date of its own is dated on the
/// office's today as the shell or the CLI passes it (an office in Beijing at
/// 07:30 is on a date UTC has not reached yet), never on the UTC calendar.
#[tokio::test]
async fn undated_steps_take_the_office_date() {
    let (_dir, db) = fresh().await;
    let d = distributor::create(&db, &actor(), input("甲公司", "91110000802100433B"))
        .await
        .unwrap();
    let early = chrono::DateTime::parse_from_rfc3339("2026-12-02T07:30:00+08:00").unwrap();
    let office = Actor::new(OP, Clock::office(early, None)).unwrap();
    assert_eq!(office.now().date_naive().to_string(), "2026-12-01");
    distributor::transition(
        &db,
        &office,
        TransitionRequest {
            id: d.id,
            to: Status::UnderReview,
            date: String::new(),
            reason: String::new(),
        },
    )
    .await
    .unwrap();
    let a = assessment::record(
        &db,
        &office,
        AssessmentInput {
            distributor_id: d.id,
            assessed_on: String::new(),
            scores: scores(&[
                ("capital", 90),
                ("warehousing", 80),
                ("transport", 70),
                ("coverage", 70),
                ("sales_team", 60),
                ("reputation", 50),
            ]),
            site_visit_notes: String::new(),
            decision: Decision::Approve,
            apply_tier: false,
        },
    )
    .await
    .unwrap();
    assert_eq!(a.assessed_on, "2026-12-02");
    let detail = distributor::get(&db, &dealerdesk_core::actor::Access::Open, d.id)
        .await
        .unwrap();
    // Newest first: approved by the assessment, then under review.
    let moves: Vec<(Status, &str, &str)> = detail.status_history[..2]
        .iter()
        .map(|c| (c.to, c.date.as_str(), c.recorded_at.as_str()))
        .collect();
    assert_eq!(
        moves,
        [
            (Status::Approved, "2026-12-02", "2026-12-01T23:30:00+00:00"),
            (
                Status::UnderReview,
                "2026-12-02",
                "2026-12-01T23:30:00+00:00"
            ),
        ]
    );
}
