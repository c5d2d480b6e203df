mod common;
use common::actor;

use chrono::Utc;
use common::agreements::{dist, entry, province, signed, terms};
use common::{codes, day, fresh, OP};
use dealerdesk_core::assessment::{self, AssessmentInput, CriterionScore, Decision};
use dealerdesk_core::ledger::EntryKind;
use dealerdesk_core::onboarding::{self, OnboardingStart, StepUpdate};
use dealerdesk_core::{reminders, AppError};

#[tokio::test]
async fn onboarding_ticks_what_the_system_sees_and_lists_what_is_late() {
    let (dir, db) = fresh().await;
    let root = dir.path().join("a");
    let d = dist(&db, 7).await;
    let today = Utc::now().date_naive();
    let pipe = onboarding::pipeline(&db, today).await.unwrap();
    let card = pipe.cards.iter().find(|c| c.distributor_id == d);
    // demo::sample(7) may be any status; an applicant shows as not started.
    if let Some(c) = card {
        assert_eq!(c.step, "not_started");
    }
    let start = "2026-01-05";
    let list = onboarding::start(
        &db,
        &crate::common::on_day(&actor(), day("2026-01-20")),
        &OnboardingStart {
            distributor_id: d,
            start_date: start.into(),
        },
    )
    .await
    .unwrap();
    assert_eq!(list.total, 7);
    let step =
        |l: &onboarding::Checklist, k: &str| l.steps.iter().find(|s| s.key == k).unwrap().clone();
    // Created today: the application step is seen as done.
    assert!(step(&list, "application").auto_done);
    assert_eq!(
        step(&list, "documents").due_date.as_deref(),
        Some("2026-01-12")
    );
    assert!(step(&list, "documents").overdue);
    let again = onboarding::start(
        &db,
        &crate::common::on_day(&actor(), day("2026-01-20")),
        &OnboardingStart {
            distributor_id: d,
            start_date: start.into(),
        },
    )
    .await
    .unwrap_err();
    assert!(matches!(again, AppError::Conflict { .. }));

    let doc = step(&list, "documents");
    let e = onboarding::update_step(
        &db,
        &crate::common::on_day(&actor(), day("2026-01-20")),
        &StepUpdate {
            id: doc.id,
            done_date: "2026-01-21".into(),
            ..Default::default()
        },
    )
    .await
    .unwrap_err();
    assert_eq!(codes(&e), vec![("done_date".into(), "in_future".into())]);
    let list = onboarding::update_step(
        &db,
        &crate::common::on_day(&actor(), day("2026-01-20")),
        &StepUpdate {
            id: doc.id,
            owner: "李娜".into(),
            due_date: "2026-01-12".into(),
            done_date: "2026-01-15".into(),
            note: "营业执照、开户许可证齐全".into(),
        },
    )
    .await
    .unwrap();
    let doc = step(&list, "documents");
    assert!(!doc.overdue && !doc.auto_done);
    assert_eq!((doc.owner.as_str(), doc.done_by.as_str()), ("李娜", OP));

    // The system's own records tick the admission, agreement and first-order steps.
    assessment::record(
        &db,
        &actor(),
        AssessmentInput {
            distributor_id: d,
            assessed_on: "2026-01-25".into(),
            scores: [
                "capital",
                "warehousing",
                "transport",
                "coverage",
                "sales_team",
                "reputation",
            ]
            .iter()
            .map(|k| CriterionScore {
                key: (*k).into(),
                score: 80,
            })
            .collect(),
            site_visit_notes: String::new(),
            decision: Decision::Defer,
            apply_tier: false,
        },
    )
    .await
    .unwrap();
    signed(&db, &root, terms(d, province("广东省", ""), false)).await;
    entry(&db, d, "2026-02-03", "INV-1", EntryKind::Invoice, "1000.00").await;
    let list = onboarding::checklist(&db, d, day("2026-02-05"))
        .await
        .unwrap();
    for (k, date) in [
        ("admission", "2026-01-25"),
        ("agreement", "2025-12-15"),
        ("first_order", "2026-02-03"),
    ] {
        let s = step(&list, k);
        assert!(s.auto_done, "{k}");
        assert_eq!(s.done_date.as_deref(), Some(date), "{k}");
    }
    // Site visit (due 01-19) and training (due 02-19) are still open: the card sits at the site visit, late.
    let pipe = onboarding::pipeline(&db, day("2026-02-05")).await.unwrap();
    let c = pipe.cards.iter().find(|c| c.distributor_id == d).unwrap();
    assert_eq!(c.step, "site_visit");
    assert!(c.overdue);
    assert_eq!(c.done, 5);
    let rem = reminders::list(&db, day("2026-02-05")).await.unwrap();
    assert!(rem
        .iter()
        .any(|r| r.kind == reminders::ReminderKind::OnboardingOverdue
            && r.reference == "site_visit"
            && r.days == -17));
    // The agreement ends 2026-12-31: in the 30-day window on 12-02, the 7-day one on 12-24.
    let ending = |r: &Vec<reminders::Reminder>| {
        r.iter()
            .find(|r| r.kind == reminders::ReminderKind::AgreementEnding)
            .map(|r| r.window)
    };
    assert_eq!(
        ending(&reminders::list(&db, day("2026-10-01")).await.unwrap()),
        None
    );
    assert_eq!(
        ending(&reminders::list(&db, day("2026-12-02")).await.unwrap()),
        Some(Some(30))
    );
    assert_eq!(
        ending(&reminders::list(&db, day("2026-12-24")).await.unwrap()),
        Some(Some(7))
    );
}
