//! Collections and confirmations: payment promises kept, pending and broken
//! (and reminded until the next call), the log append-only; statements
//! recorded when issued, the distributor's answer recorded on the run, the
//! receivables' confirmation column, the unanswered reminder and the report.
mod common;

use common::ledger::{active, entry};
use common::{actor_on, codes, day, fresh};
use dealerdesk_core::attachment::{self, AttachmentAdd, AttachmentKind};
use dealerdesk_core::distributor::contacts::{self, ContactInput, ContactSave};
use dealerdesk_core::lang::Lang;
use dealerdesk_core::ledger::collections::{self, CallChannel, CallInput, CallQuery, PromiseState};
use dealerdesk_core::ledger::runs::{self, ConfirmInput, ConfirmStatus, IssuedVia, RunQuery};
use dealerdesk_core::ledger::statement::{self, StatementPdfRequest};
use dealerdesk_core::ledger::{self, receivables, EntryKind, ReverseRequest};
use dealerdesk_core::reminders::{self, ReminderKind};
use dealerdesk_core::AppError;
use sea_orm::ConnectionTrait;

fn call(id: i64, on: &str, amount: &str, by: &str) -> CallInput {
    CallInput {
        distributor_id: id,
        called_on: on.into(),
        contact: "王伟".into(),
        channel: CallChannel::Phone,
        note: "答应月中付款".into(),
        promised_amount: amount.into(),
        promised_on: by.into(),
    }
}

async fn kinds(db: &dealerdesk_core::DatabaseConnection, on: &str) -> Vec<(ReminderKind, String)> {
    reminders::list(db, day(on))
        .await
        .unwrap()
        .into_iter()
        .map(|r| (r.kind, r.date))
        .collect()
}

#[tokio::test]
async fn promises_are_kept_pending_or_broken_and_a_broken_one_is_reminded_until_followed_up() {
    let (dir, db) = fresh().await;
    let ids = active(&db, dir.path(), &["甲经销"]).await;
    let a = actor_on(day("2026-11-01"));
    ledger::post(
        &db,
        &a,
        &entry(ids[0], "2026-09-01", "F1", EntryKind::Invoice, "9000.00"),
    )
    .await
    .unwrap();
    let c = collections::add(&db, &a, &call(ids[0], "2026-11-01", "5000", "2026-11-10"))
        .await
        .unwrap();
    assert_eq!(c.promised_amount.unwrap().to_string(), "5000.00");
    assert_eq!(c.promise, Some(PromiseState::Pending));
    // A payment before the call does not count; one after it does.
    let later = actor_on(day("2026-11-20"));
    ledger::post(
        &db,
        &later,
        &entry(ids[0], "2026-10-30", "P0", EntryKind::Payment, "1000"),
    )
    .await
    .unwrap();
    ledger::post(
        &db,
        &later,
        &entry(ids[0], "2026-11-05", "P1", EntryKind::Payment, "3000"),
    )
    .await
    .unwrap();
    let q = CallQuery::default();
    let on_8th = collections::list(&db, &q, day("2026-11-08")).await.unwrap();
    assert_eq!(on_8th[0].promise, Some(PromiseState::Pending));
    assert_eq!(on_8th[0].paid.unwrap().to_string(), "3000.00");
    let on_11th = collections::list(&db, &q, day("2026-11-11")).await.unwrap();
    assert_eq!(on_11th[0].promise, Some(PromiseState::Broken));
    let broken = kinds(&db, "2026-11-11").await;
    assert!(
        broken.contains(&(ReminderKind::PromiseBroken, "2026-11-10".into())),
        "{broken:?}"
    );
    // A payment after the promised date does not mend it.
    ledger::post(
        &db,
        &later,
        &entry(ids[0], "2026-11-12", "P2", EntryKind::Payment, "2000"),
    )
    .await
    .unwrap();
    let after = collections::list(&db, &q, day("2026-11-20")).await.unwrap();
    assert_eq!(after[0].promise, Some(PromiseState::Broken));
    // The next call follows it up: the reminder goes.
    let second = collections::add(
        &db,
        &later,
        &call(ids[0], "2026-11-20", "3000", "2026-11-30"),
    )
    .await
    .unwrap();
    let all = collections::list(&db, &q, day("2026-11-20")).await.unwrap();
    assert_eq!(all[0].id, second.id, "latest first");
    assert!(all[1].followed_up);
    assert!(!kinds(&db, "2026-11-20")
        .await
        .iter()
        .any(|k| k.0 == ReminderKind::PromiseBroken));
    // Paid in full, on time: kept. A reversed payment would not have counted.
    let p3 = ledger::post(
        &db,
        &later,
        &entry(ids[0], "2026-11-25", "P3", EntryKind::Payment, "3000"),
    )
    .await
    .unwrap();
    let kept = collections::list(&db, &q, day("2026-12-02")).await.unwrap();
    assert_eq!(kept[0].promise, Some(PromiseState::Kept));
    ledger::reverse(
        &db,
        &later,
        &ReverseRequest {
            entry_id: p3.id,
            date: "2026-11-26".into(),
            reason: "退票".into(),
        },
    )
    .await
    .unwrap();
    let bounced = collections::list(&db, &q, day("2026-12-02")).await.unwrap();
    assert_eq!(bounced[0].promise, Some(PromiseState::Broken));
    assert_eq!(bounced[0].paid.unwrap().to_string(), "0.00");
    // A call without a promise has no state.
    let plain = collections::add(&db, &later, &call(ids[0], "2026-11-20", "", ""))
        .await
        .unwrap();
    assert_eq!(plain.promise, None);
}

#[tokio::test]
async fn a_call_is_checked_field_by_field_and_the_log_cannot_be_changed() {
    let (dir, db) = fresh().await;
    let ids = active(&db, dir.path(), &["甲经销"]).await;
    let a = actor_on(day("2026-11-01"));
    let bad = CallInput {
        contact: " ".into(),
        ..call(ids[0], "2026-11-02", "5000", "")
    };
    let err = collections::add(&db, &a, &bad).await.unwrap_err();
    assert_eq!(
        codes(&err),
        vec![
            ("called_on".into(), "in_future".into()),
            ("contact".into(), "required".into()),
            ("promised_on".into(), "required".into()),
        ]
    );
    let err = collections::add(&db, &a, &call(ids[0], "2026-11-01", "-5", "2026-10-01"))
        .await
        .unwrap_err();
    assert_eq!(
        codes(&err),
        vec![
            ("promised_amount".into(), "amount_not_positive".into()),
            ("promised_on".into(), "due_before_date".into()),
        ]
    );
    let err = collections::add(&db, &a, &call(999, "2026-11-01", "", ""))
        .await
        .unwrap_err();
    assert_eq!(
        codes(&err),
        vec![("distributor_id".into(), "distributor_unknown".into())]
    );
    collections::add(&db, &a, &call(ids[0], "2026-11-01", "", ""))
        .await
        .unwrap();
    for sql in [
        "UPDATE collection_call SET note = 'x'",
        "DELETE FROM collection_call",
    ] {
        assert!(db.execute_unprepared(sql).await.is_err(), "{sql}");
    }
}

#[tokio::test]
async fn issued_statements_are_recorded_answered_reported_and_reminded() {
    let (dir, db) = fresh().await;
    let ids = active(&db, dir.path(), &["甲经销", "乙经销", "丙经销"]).await;
    let a = actor_on(day("2026-12-01"));
    for (i, id) in ids.iter().enumerate() {
        ledger::post(
            &db,
            &a,
            &entry(
                *id,
                "2026-11-03",
                &format!("F{i}"),
                EntryKind::Invoice,
                &format!("{}000.00", i + 1),
            ),
        )
        .await
        .unwrap();
    }
    let req = |id: i64, path: &str| StatementPdfRequest {
        distributor_id: id,
        from: "2026-11-01".into(),
        to: "2026-11-30".into(),
        lang: Lang::ZhCn,
        path: path.into(),
    };
    // A preview is no run; a saved statement is.
    let prints = dir.path().join("prints");
    statement::save_pdf(&db, &req(ids[0], ""), &prints, a.today(), None)
        .await
        .unwrap();
    assert!(runs::list(&db, &RunQuery::default(), day("2026-12-01"))
        .await
        .unwrap()
        .is_empty());
    let file = dir.path().join("d1.pdf");
    statement::save_pdf(
        &db,
        &req(ids[0], &file.display().to_string()),
        &prints,
        a.today(),
        Some((&a, IssuedVia::File)),
    )
    .await
    .unwrap();
    statement::save_pdf(
        &db,
        &req(ids[1], ""),
        &prints,
        a.today(),
        Some((&a, IssuedVia::Print)),
    )
    .await
    .unwrap();
    statement::save_pdf(
        &db,
        &req(ids[2], ""),
        &prints,
        a.today(),
        Some((&a, IssuedVia::Print)),
    )
    .await
    .unwrap();
    let all = runs::list(&db, &RunQuery::default(), day("2026-12-01"))
        .await
        .unwrap();
    assert_eq!(all.len(), 3);
    let d1 = all.iter().find(|r| r.distributor_id == ids[0]).unwrap();
    assert_eq!(d1.closing_balance.to_string(), "1000.00");
    assert_eq!(d1.file, file.display().to_string());
    assert_eq!(d1.issued_via, IssuedVia::File);
    assert_eq!(d1.issued_on, "2026-12-01");
    assert_eq!(d1.status, ConfirmStatus::NoAnswer);
    assert!(!d1.unanswered);

    // Confirmed, with the slip attached to the run.
    let slip = dir.path().join("slip.pdf");
    std::fs::write(&slip, b"%PDF-1.4 slip").unwrap();
    let confirmed = runs::confirm(
        &db,
        &a,
        &ConfirmInput {
            run_id: d1.id,
            status: ConfirmStatus::Confirmed,
            confirmed_on: "2026-12-01".into(),
            confirmed_by: "王伟".into(),
            claimed_balance: String::new(),
            note: String::new(),
        },
    )
    .await
    .unwrap();
    assert_eq!(confirmed.status, ConfirmStatus::Confirmed);
    attachment::add(
        &db,
        &dir.path().join("files"),
        &a,
        AttachmentAdd {
            distributor_id: ids[0],
            kind: AttachmentKind::StatementSlip,
            source_path: slip.display().to_string(),
            visit_id: None,
            statement_run_id: Some(d1.id),
        },
    )
    .await
    .unwrap();
    let err = attachment::add(
        &db,
        &dir.path().join("files"),
        &a,
        AttachmentAdd {
            distributor_id: ids[1],
            kind: AttachmentKind::StatementSlip,
            source_path: slip.display().to_string(),
            visit_id: None,
            statement_run_id: Some(d1.id),
        },
    )
    .await
    .unwrap_err();
    assert!(matches!(err, AppError::NotFound { .. }), "{err:?}");

    // Disputed: the claimed balance and the reason are required.
    let d2 = all.iter().find(|r| r.distributor_id == ids[1]).unwrap();
    let dispute = |claimed: &str, note: &str| ConfirmInput {
        run_id: d2.id,
        status: ConfirmStatus::Disputed,
        confirmed_on: "2026-12-01".into(),
        confirmed_by: "李娜".into(),
        claimed_balance: claimed.into(),
        note: note.into(),
    };
    let err = runs::confirm(&db, &a, &dispute("", "")).await.unwrap_err();
    assert_eq!(
        codes(&err),
        vec![
            ("note".into(), "required".into()),
            ("claimed_balance".into(), "required".into()),
        ]
    );
    let disputed = runs::confirm(&db, &a, &dispute("1500.50", "11 月 20 日回款 499.50 未记"))
        .await
        .unwrap();
    assert_eq!(disputed.difference.unwrap().to_string(), "499.50");

    // The receivables show each latest answer.
    let rec = receivables::load(
        &db,
        &dealerdesk_core::actor::Access::Open,
        day("2026-12-01"),
    )
    .await
    .unwrap();
    let status: Vec<_> = rec.distributors.iter().map(|d| d.confirmation).collect();
    assert_eq!(
        status,
        vec![
            Some(ConfirmStatus::Confirmed),
            Some(ConfirmStatus::Disputed),
            Some(ConfirmStatus::NoAnswer)
        ]
    );
    // The PDF of the list names each answer.
    let pdf = dir.path().join("receivables.pdf");
    let n = receivables::export(
        &db,
        &dealerdesk_core::actor::Access::Open,
        &receivables::ReceivablesFileRequest {
            as_of: "2026-12-01".into(),
            path: pdf.display().to_string(),
            lang: Lang::ZhCn,
        },
        day("2026-12-01"),
    )
    .await
    .unwrap();
    assert_eq!(n, 3);
    let text = common::tool("pdftotext", &["-layout", pdf.to_str().unwrap(), "-"]);
    for want in ["应收账款账龄表", "已确认", "有异议", "未回复", "6,000.00"] {
        assert!(text.contains(want), "{want} in {text}");
    }
    // Before the period's end there was no statement to answer.
    let before = receivables::load(
        &db,
        &dealerdesk_core::actor::Access::Open,
        day("2026-11-29"),
    )
    .await
    .unwrap();
    assert!(before.distributors.iter().all(|d| d.confirmation.is_none()));

    // Unanswered: reminded 10 days after it was issued, not before.
    assert!(!kinds(&db, "2026-12-10")
        .await
        .iter()
        .any(|k| k.0 == ReminderKind::ConfirmationUnanswered));
    let due = kinds(&db, "2026-12-11").await;
    assert!(
        due.contains(&(ReminderKind::StatementDisputed, "2026-12-01".into())),
        "a dispute is to be settled: {due:?}"
    );
    assert_eq!(
        due.iter()
            .filter(|k| k.0 == ReminderKind::ConfirmationUnanswered)
            .collect::<Vec<_>>(),
        vec![&(
            ReminderKind::ConfirmationUnanswered,
            "2026-12-11".to_string()
        )]
    );

    let report = runs::report(&db, "2026-11-01", "2026-11-30", day("2026-12-11"))
        .await
        .unwrap();
    assert_eq!(
        (report.confirmed.count, report.confirmed.amount.to_string()),
        (1, "1000.00".into())
    );
    assert_eq!(
        (report.disputed.count, report.disputed.amount.to_string()),
        (1, "2000.00".into())
    );
    assert_eq!(
        (report.no_answer.count, report.no_answer.amount.to_string()),
        (1, "3000.00".into())
    );
    assert_eq!(report.disputed_difference.to_string(), "499.50");
    assert_eq!(report.runs.iter().map(|r| r.slips).sum::<u32>(), 1);
    // Runs are kept.
    assert!(db
        .execute_unprepared("DELETE FROM statement_run")
        .await
        .is_err());
}

#[tokio::test]
async fn overdue_and_over_limit_balances_are_reminded_and_a_contact_receiving_statements_needs_an_email(
) {
    let (dir, db) = fresh().await;
    let ids = active(&db, dir.path(), &["甲经销", "乙经销"]).await;
    let a = actor_on(day("2026-12-01"));
    // Due 30 days after 2026-09-01: 2026-10-01; overdue more than 30 days from 2026-10-31.
    ledger::post(
        &db,
        &a,
        &entry(ids[0], "2026-09-01", "F1", EntryKind::Invoice, "500.00"),
    )
    .await
    .unwrap();
    ledger::post(
        &db,
        &a,
        &entry(ids[1], "2026-11-20", "F2", EntryKind::Invoice, "100000.01"),
    )
    .await
    .unwrap();
    let on = kinds(&db, "2026-12-01").await;
    assert!(
        on.contains(&(ReminderKind::BalanceOverdue, "2026-10-31".into())),
        "{on:?}"
    );
    assert!(
        on.contains(&(ReminderKind::OverCreditLimit, "2026-11-20".into())),
        "{on:?}"
    );
    // Amounts read as tables print them, grouped, in both languages.
    let over = reminders::list(&db, day("2026-12-01"))
        .await
        .unwrap()
        .into_iter()
        .find(|r| r.kind == ReminderKind::OverCreditLimit)
        .unwrap();
    assert!(
        over.label_en.contains("balance 100,000.01"),
        "{}",
        over.label_en
    );
    assert!(
        over.label_zh.contains("余额 100,000.01"),
        "{}",
        over.label_zh
    );
    // The same key a week later: the due date does not move.
    let later = kinds(&db, "2026-12-08").await;
    assert!(later.contains(&(ReminderKind::BalanceOverdue, "2026-10-31".into())));
    assert!(!kinds(&db, "2026-10-31")
        .await
        .iter()
        .any(|k| k.0 == ReminderKind::BalanceOverdue));

    let save = |email: &str| ContactSave {
        distributor_id: ids[0],
        id: None,
        input: ContactInput {
            name: "赵敏".into(),
            phone: "13812345678".into(),
            email: email.into(),
            receives_statements: true,
            ..Default::default()
        },
        base: None,
    };
    let err = contacts::save(&db, &a, save("")).await.unwrap_err();
    assert_eq!(codes(&err), vec![("email".into(), "required".into())]);
    let c = contacts::save(&db, &a, save("zhao@example.com"))
        .await
        .unwrap();
    assert!(c.receives_statements);
}
