//! The reminders centre: complaints at risk and late join the list with their
//! escalation level; a reminder snoozed comes back on its date, one handled
//! stays handled until its record's due date changes; every decision is in
//! the audit trail; the start-up notification names only what became due
//! since the last start.
mod common;

use common::complaints::{intake, local, one_distributor};
use common::ledger::{active, entry};
use common::{actor, actor_on, codes, day, fresh};
use dealerdesk_core::audit;
use dealerdesk_core::complaint::{self, Priority};
use dealerdesk_core::dates::Clock;
use dealerdesk_core::ledger::{self, EntryKind};
use dealerdesk_core::paging::Paging;
use dealerdesk_core::reminders::centre::{
    self, DecisionRequest, ReminderDecision, ReminderStatus, Urgency,
};
use dealerdesk_core::reminders::ReminderKind;

fn on(d: &str) -> Clock {
    Clock {
        today: day(d),
        now: local(&format!("{d} 12:00")),
    }
}

fn decision(kind: ReminderKind, ref_id: i64, date: &str, d: ReminderDecision) -> DecisionRequest {
    DecisionRequest {
        kind,
        ref_id,
        date: date.into(),
        distributor_id: ref_id,
        decision: d,
        until: String::new(),
        note: String::new(),
    }
}

#[tokio::test]
async fn complaints_at_risk_and_late_are_listed_with_their_level() {
    let (_dir, db) = fresh().await;
    let d = one_distributor(&db).await;
    let c = complaint::record(
        &db,
        &crate::common::at_instant(&actor(), local("2026-04-20 10:00")),
        &intake(d, "2026-04-20 10:00", Priority::P2),
    )
    .await
    .unwrap();
    let at = |t: &str| Clock {
        today: day("2026-04-20"),
        now: local(t),
    };
    let kinds = |c: &centre::Centre| -> Vec<(ReminderKind, Option<u8>, String)> {
        c.items
            .iter()
            .filter(|i| {
                matches!(
                    i.reminder.kind,
                    ReminderKind::ComplaintAtRisk | ReminderKind::ComplaintLate
                )
            })
            .map(|i| {
                (
                    i.reminder.kind,
                    i.reminder.level,
                    i.reminder.reference.clone(),
                )
            })
            .collect()
    };
    assert!(kinds(
        &centre::centre(
            &db,
            &dealerdesk_core::actor::Access::Open,
            &at("2026-04-20 11:00")
        )
        .await
        .unwrap()
    )
    .is_empty());
    assert_eq!(
        kinds(
            &centre::centre(
                &db,
                &dealerdesk_core::actor::Access::Open,
                &at("2026-04-20 14:00")
            )
            .await
            .unwrap()
        ),
        vec![(ReminderKind::ComplaintAtRisk, Some(1), c.number.clone())]
    );
    let late = centre::centre(
        &db,
        &dealerdesk_core::actor::Access::Open,
        &at("2026-04-20 17:30"),
    )
    .await
    .unwrap();
    assert_eq!(
        kinds(&late),
        vec![(ReminderKind::ComplaintLate, Some(3), c.number.clone())]
    );
    let item = late
        .items
        .iter()
        .find(|i| i.reminder.kind == ReminderKind::ComplaintLate)
        .unwrap();
    assert_eq!(
        item.reminder.date, "2026-04-20",
        "the day the allowance ran out"
    );
    assert_eq!(item.urgency, Urgency::Today);
}

#[tokio::test]
async fn snoozed_comes_back_handled_stays_until_the_due_date_moves_and_both_are_audited() {
    let (dir, db) = fresh().await;
    let ids = active(&db, dir.path(), &["甲经销"]).await;
    let a = actor_on(day("2026-11-01"));
    // Due 2026-10-01; overdue more than 30 days from 2026-10-31.
    ledger::post(
        &db,
        &a,
        &entry(ids[0], "2026-09-01", "F1", EntryKind::Invoice, "500"),
    )
    .await
    .unwrap();
    let overdue = |c: &centre::Centre| {
        c.items
            .iter()
            .find(|i| i.reminder.kind == ReminderKind::BalanceOverdue)
            .map(|i| (i.status, i.reminder.date.clone(), i.urgency))
    };
    let c = centre::centre(
        &db,
        &dealerdesk_core::actor::Access::Open,
        &on("2026-11-01"),
    )
    .await
    .unwrap();
    assert_eq!(
        overdue(&c),
        Some((ReminderStatus::Open, "2026-10-31".into(), Urgency::Overdue))
    );
    let open_before = c.open;

    // Snoozing needs a day after today.
    let mut snooze = decision(
        ReminderKind::BalanceOverdue,
        ids[0],
        "2026-10-31",
        ReminderDecision::Snooze,
    );
    snooze.until = "2026-11-01".into();
    let err = centre::decide(&db, &a, &snooze).await.unwrap_err();
    assert_eq!(codes(&err), vec![("until".into(), "out_of_range".into())]);
    snooze.until = "2026-11-05".into();
    centre::decide(&db, &a, &snooze).await.unwrap();
    let c = centre::centre(
        &db,
        &dealerdesk_core::actor::Access::Open,
        &on("2026-11-04"),
    )
    .await
    .unwrap();
    assert_eq!(overdue(&c).unwrap().0, ReminderStatus::Snoozed);
    assert_eq!(c.open, open_before - 1);
    assert_eq!(
        overdue(
            &centre::centre(
                &db,
                &dealerdesk_core::actor::Access::Open,
                &on("2026-11-05")
            )
            .await
            .unwrap()
        )
        .unwrap()
        .0,
        ReminderStatus::Open,
        "back on the day it was snoozed to"
    );

    // Handled needs a note; it holds on later days.
    let mut handle = decision(
        ReminderKind::BalanceOverdue,
        ids[0],
        "2026-10-31",
        ReminderDecision::Handle,
    );
    let err = centre::decide(&db, &a, &handle).await.unwrap_err();
    assert_eq!(codes(&err), vec![("note".into(), "required".into())]);
    handle.note = "已电话催收，约定月底付清".into();
    centre::decide(&db, &a, &handle).await.unwrap();
    let later = centre::centre(
        &db,
        &dealerdesk_core::actor::Access::Open,
        &on("2026-11-20"),
    )
    .await
    .unwrap();
    let item = later
        .items
        .iter()
        .find(|i| i.reminder.kind == ReminderKind::BalanceOverdue)
        .unwrap();
    assert_eq!(item.status, ReminderStatus::Handled);
    assert_eq!(item.note, "已电话催收，约定月底付清");
    assert_eq!(item.decided_by, common::OP);
    assert_eq!(
        later.items.last().unwrap().status,
        ReminderStatus::Handled,
        "handled ones last"
    );

    // A payment moves the oldest unpaid debit: a new due date, a new reminder.
    ledger::post(
        &db,
        &a,
        &entry(ids[0], "2026-09-10", "F2", EntryKind::Invoice, "300"),
    )
    .await
    .unwrap();
    ledger::post(
        &db,
        &a,
        &entry(ids[0], "2026-11-01", "P1", EntryKind::Payment, "500"),
    )
    .await
    .unwrap();
    let moved = centre::centre(
        &db,
        &dealerdesk_core::actor::Access::Open,
        &on("2026-11-20"),
    )
    .await
    .unwrap();
    assert_eq!(
        overdue(&moved),
        Some((ReminderStatus::Open, "2026-11-09".into(), Urgency::Overdue))
    );

    // Reopen takes a decision back; one that does not exist is not found.
    let reopen = decision(
        ReminderKind::BalanceOverdue,
        ids[0],
        "2026-10-31",
        ReminderDecision::Reopen,
    );
    centre::decide(&db, &a, &reopen).await.unwrap();
    assert!(centre::decide(&db, &a, &reopen).await.is_err());

    let trail = audit::list(&db, "distributor", ids[0], Paging::ALL)
        .await
        .unwrap();
    let decisions: Vec<_> = trail
        .rows
        .iter()
        .filter(|e| e.action == "reminder_decision")
        .collect();
    assert_eq!(decisions.len(), 3, "snoozed, handled, reopened");
}

#[tokio::test]
async fn the_start_up_notification_names_what_became_due_since_the_last_start() {
    let (dir, db) = fresh().await;
    let ids = active(&db, dir.path(), &["甲经销"]).await;
    let a = actor_on(day("2026-10-01"));
    ledger::post(
        &db,
        &a,
        &entry(ids[0], "2026-09-01", "F1", EntryKind::Invoice, "500"),
    )
    .await
    .unwrap();
    // The first start announces nothing; it records the day.
    assert!(centre::since_last_start(&db, &on("2026-10-20"))
        .await
        .unwrap()
        .is_empty());
    // The overdue balance becomes due on 2026-10-31.
    assert!(centre::since_last_start(&db, &on("2026-10-25"))
        .await
        .unwrap()
        .is_empty());
    let due = centre::since_last_start(&db, &on("2026-11-02"))
        .await
        .unwrap();
    assert!(
        due.iter().any(|r| r.kind == ReminderKind::BalanceOverdue),
        "{due:?}"
    );
    // Started again the same day: already announced.
    assert!(centre::since_last_start(&db, &on("2026-11-02"))
        .await
        .unwrap()
        .iter()
        .all(|r| r.kind != ReminderKind::BalanceOverdue));
}
