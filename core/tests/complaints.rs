mod common;
use common::actor;

use chrono::Utc;
use common::complaints::{intake, local, one_distributor, step};
use common::{codes, fresh, OP};
use dealerdesk_core::complaint::days::{self, CalendarDay, DayKind};
use dealerdesk_core::complaint::sla::ClockState;
use dealerdesk_core::complaint::{
    self, ComplaintInput, ComplaintNote, ComplaintQuery, ComplaintStatus, ComplaintView, EventKind,
    Priority,
};
use dealerdesk_core::AppError;

#[tokio::test]
async fn a_complaint_goes_round_the_loop_with_the_clocks_right_at_each_step() {
    let (_dir, db) = fresh().await;
    let d = one_distributor(&db).await;
    let now = local("2026-04-20 10:30");

    let bad = complaint::record(
        &db,
        &crate::common::at_instant(&actor(), now),
        &ComplaintInput {
            distributor_id: d,
            ..Default::default()
        },
    )
    .await
    .unwrap_err();
    let c = codes(&bad);
    for want in [
        ("channel", "required"),
        ("priority", "required"),
        ("description", "required"),
    ] {
        assert!(c.contains(&(want.0.into(), want.1.into())), "{c:?}");
    }
    let future = complaint::record(
        &db,
        &crate::common::at_instant(&actor(), now),
        &intake(d, "2026-04-21 09:00", Priority::P2),
    )
    .await
    .unwrap_err();
    assert_eq!(
        codes(&future),
        vec![("received_at".into(), "in_future".into())]
    );

    // P2: respond within 4 working hours, resolve within 24. Received Monday 10:00.
    let c = complaint::record(
        &db,
        &crate::common::at_instant(&actor(), now),
        &intake(d, "2026-04-20 10:00", Priority::P2),
    )
    .await
    .unwrap();
    assert_eq!(c.number, "TS-2026-0001");
    assert_eq!(c.status, ComplaintStatus::Received);
    assert_eq!(c.sla.first_response.state, ClockState::OnTrack);
    assert_eq!(
        c.sla.first_response.due_at.as_deref(),
        Some("2026-04-20 15:00:00"),
        "lunch does not count"
    );
    let id = c.id;

    // An illegal move is refused and changes nothing.
    let e = complaint::transition(
        &db,
        &crate::common::at_instant(&actor(), now),
        &step(id, ComplaintStatus::Resolved, ""),
    )
    .await
    .unwrap_err();
    assert!(matches!(e, AppError::IllegalTransition { .. }), "{e:?}");

    complaint::transition(
        &db,
        &crate::common::at_instant(&actor(), now),
        &step(id, ComplaintStatus::Classified, "2026-04-20 10:20"),
    )
    .await
    .unwrap();
    // At 14:00 three of four hours are used: at risk, escalation level 1.
    let at_risk = complaint::get(
        &db,
        &dealerdesk_core::actor::Access::Open,
        id,
        local("2026-04-20 14:00"),
    )
    .await
    .unwrap();
    assert_eq!(
        at_risk.complaint.sla.first_response.state,
        ClockState::AtRisk
    );
    assert_eq!(at_risk.complaint.sla.escalation_level, 1);
    assert_eq!(at_risk.allowed, vec![ComplaintStatus::Responded]);
    // Not answered by 17:30: breached by more than half the allowance → level 3.
    let late = complaint::get(
        &db,
        &dealerdesk_core::actor::Access::Open,
        id,
        local("2026-04-20 17:30"),
    )
    .await
    .unwrap();
    assert_eq!(
        late.complaint.sla.first_response.state,
        ClockState::Breached
    );
    assert_eq!(late.complaint.sla.escalation_level, 3);
    let listed = complaint::list(
        &db,
        &dealerdesk_core::actor::Access::Open,
        &ComplaintQuery {
            view: ComplaintView::Late,
            ..Default::default()
        },
        local("2026-04-20 17:30"),
    )
    .await
    .unwrap();
    assert_eq!((listed.rows.len(), listed.total), (1, 1));

    let now = local("2026-04-23 12:00");
    complaint::transition(
        &db,
        &crate::common::at_instant(&actor(), now),
        &step(id, ComplaintStatus::Responded, "2026-04-20 13:30"),
    )
    .await
    .unwrap();
    let before = complaint::transition(
        &db,
        &crate::common::at_instant(&actor(), now),
        &step(id, ComplaintStatus::InProgress, "2026-04-20 13:00"),
    )
    .await
    .unwrap_err();
    assert_eq!(codes(&before)[0].1, "before_last_entry");
    let no_note = complaint::transition(
        &db,
        &crate::common::at_instant(&actor(), now),
        &step(
            id,
            ComplaintStatus::WaitingOnDistributor,
            "2026-04-21 09:00",
        ),
    )
    .await
    .unwrap_err();
    assert_eq!(codes(&no_note), vec![("note".into(), "required".into())]);
    let mut wait = step(
        id,
        ComplaintStatus::WaitingOnDistributor,
        "2026-04-21 09:00",
    );
    wait.note = "请提供批次照片".into();
    let waiting = complaint::transition(
        &db,
        &crate::common::at_instant(&actor(), local("2026-04-23 09:00")),
        &wait,
    )
    .await
    .unwrap();
    assert_eq!(waiting.complaint.sla.first_response.state, ClockState::Met);
    assert!(waiting.complaint.sla.resolution.paused);
    assert_eq!(
        waiting.complaint.sla.resolution.elapsed_secs,
        7 * 3600,
        "Monday 10:00–18:00 less lunch; the pause stops it"
    );
    // Leaving the wait returns to where it came from.
    assert_eq!(waiting.allowed, vec![ComplaintStatus::Responded]);
    complaint::transition(
        &db,
        &crate::common::at_instant(&actor(), now),
        &step(id, ComplaintStatus::Responded, "2026-04-23 09:00"),
    )
    .await
    .unwrap();
    let working = complaint::transition(
        &db,
        &crate::common::at_instant(&actor(), local("2026-04-23 10:00")),
        &step(id, ComplaintStatus::InProgress, "2026-04-23 10:00"),
    )
    .await
    .unwrap();
    assert_eq!(working.complaint.sla.resolution.elapsed_secs, 8 * 3600);
    assert_eq!(
        working.complaint.sla.resolution.due_at.as_deref(),
        Some("2026-04-27 10:00:00"),
        "shifted by the paused working time"
    );

    let unresolved = complaint::transition(
        &db,
        &crate::common::at_instant(&actor(), now),
        &step(id, ComplaintStatus::Resolved, "2026-04-24 10:00"),
    )
    .await
    .unwrap_err();
    let c = codes(&unresolved);
    assert!(
        c.contains(&("resolution".into(), "required".into()))
            && c.contains(&("root_cause".into(), "required".into())),
        "{c:?}"
    );
    let mut resolve = step(id, ComplaintStatus::Resolved, "2026-04-24 10:00");
    resolve.resolution = "更换新品，补偿运费".into();
    resolve.root_cause = "material".into();
    resolve.root_cause_note = "涂层供应商批次问题".into();
    let now = local("2026-04-24 12:00");
    complaint::transition(&db, &crate::common::at_instant(&actor(), now), &resolve)
        .await
        .unwrap();
    let mut verify = step(id, ComplaintStatus::Verified, "2026-04-24 11:00");
    verify.confirmation = "经销商确认已收到换货".into();
    verify.satisfaction = Some(7);
    assert_eq!(
        codes(
            &complaint::transition(&db, &crate::common::at_instant(&actor(), now), &verify)
                .await
                .unwrap_err()
        ),
        vec![("satisfaction".into(), "score_range".into())]
    );
    verify.satisfaction = Some(4);
    let verified = complaint::transition(&db, &crate::common::at_instant(&actor(), now), &verify)
        .await
        .unwrap();
    assert_eq!(verified.complaint.sla.resolution.state, ClockState::Met);
    assert_eq!(verified.complaint.satisfaction, Some(4));
    complaint::add_note(
        &db,
        &crate::common::at_instant(&actor(), now),
        &ComplaintNote {
            id,
            kind: Some(EventKind::Assignment),
            text: "刘洋".into(),
        },
    )
    .await
    .unwrap();
    let closed = complaint::transition(
        &db,
        &crate::common::at_instant(&actor(), now),
        &step(id, ComplaintStatus::Closed, ""),
    )
    .await
    .unwrap();
    assert_eq!(closed.complaint.assignee, "刘洋");
    // Timeline: received and 8 moves, the first assignment and the hand-over; operators kept.
    let kinds: Vec<EventKind> = closed.timeline.iter().map(|t| t.kind).collect();
    assert_eq!(
        kinds
            .iter()
            .filter(|k| **k == EventKind::Transition)
            .count(),
        9
    );
    assert_eq!(
        kinds
            .iter()
            .filter(|k| **k == EventKind::Assignment)
            .count(),
        2
    );
    assert!(closed.timeline.iter().all(|t| t.operator == OP));

    // Reopen: needs a reason; the resolution clock runs on from where it stopped.
    let e = complaint::transition(
        &db,
        &crate::common::at_instant(&actor(), local("2026-04-27 10:00")),
        &step(id, ComplaintStatus::InProgress, "2026-04-27 09:00"),
    )
    .await
    .unwrap_err();
    assert_eq!(
        codes(&e),
        vec![("note".into(), "reopen_reason_required".into())]
    );
    let mut reopen = step(id, ComplaintStatus::InProgress, "2026-04-27 09:00");
    reopen.note = "换货后同样问题".into();
    let reopened = complaint::transition(
        &db,
        &crate::common::at_instant(&actor(), local("2026-04-27 10:00")),
        &reopen,
    )
    .await
    .unwrap();
    assert!(reopened.complaint.sla.resolution.running);
    assert_eq!(reopened.complaint.sla.resolution.elapsed_secs, 17 * 3600);

    // The knowledge base finds resolved cases by their resolution text.
    let found = complaint::list(
        &db,
        &dealerdesk_core::actor::Access::Open,
        &ComplaintQuery {
            view: ComplaintView::All,
            search: "补偿运费".into(),
            ..Default::default()
        },
        now,
    )
    .await
    .unwrap();
    assert_eq!((found.rows.len(), found.total), (1, 1));

    // The timeline cannot be edited, even with SQL.
    use sea_orm::ConnectionTrait;
    assert!(db
        .execute_unprepared("UPDATE complaint_event SET text = 'x'")
        .await
        .is_err());
    assert!(db
        .execute_unprepared("DELETE FROM complaint_event")
        .await
        .is_err());
}

#[tokio::test]
async fn a_complaint_at_17_30_before_a_holiday_is_due_after_it() {
    let (dir, db) = fresh().await;
    let d = one_distributor(&db).await;
    // The year's schedule as the user types it in: Labour Day 05-01..05-05, make-up days 04-26 and 05-09.
    let csv = dir.path().join("calendar.csv");
    std::fs::write(
        &csv,
        "date,kind,name\n2026-05-01,休,劳动节\n2026-05-02,holiday,劳动节\n2026-05-03,holiday,劳动节\n2026-05-04,holiday,劳动节\n2026-05-05,holiday,劳动节\n2026-04-26,班,调休\n2026-05-09,workday,调休\n",
    )
    .unwrap();
    let list = days::read_csv(&csv).unwrap();
    days::replace(&db, &actor(), &list).await.unwrap();
    let out = dir.path().join("out.csv");
    days::write_csv(&out, &days::list(&db).await.unwrap()).unwrap();
    assert_eq!(days::read_csv(&out).unwrap().len(), 7, "export reads back");
    let bad = dir.path().join("bad.csv");
    std::fs::write(
        &bad,
        "date,kind,name\n2026-13-01,holiday,x\n2026-05-06,maybe,y\n",
    )
    .unwrap();
    match days::read_csv(&bad).unwrap_err() {
        AppError::ImportRejected { errors } => {
            assert_eq!(
                errors
                    .iter()
                    .map(|e| (e.row, e.code.key()))
                    .collect::<Vec<_>>(),
                vec![(2, "date_format"), (3, "invalid_choice")]
            );
        }
        other => panic!("{other:?}"),
    }
    assert!(matches!(
        days::replace(
            &db,
            &actor(),
            &[
                CalendarDay {
                    date: "2026-05-01".into(),
                    kind: DayKind::Holiday,
                    name: String::new()
                },
                CalendarDay {
                    date: "2026-05-01".into(),
                    kind: DayKind::Workday,
                    name: String::new()
                }
            ]
        )
        .await,
        Err(AppError::ImportRejected { .. })
    ));

    // Thursday 2026-04-30 17:30, P1 (2 working hours to respond).
    let c = complaint::record(
        &db,
        &crate::common::at_instant(&actor(), local("2026-04-30 17:35")),
        &intake(d, "2026-04-30 17:30", Priority::P1),
    )
    .await
    .unwrap();
    assert_eq!(
        c.sla.first_response.due_at.as_deref(),
        Some("2026-05-06 10:30:00")
    );
    // During the holiday nothing is used up.
    let mid = complaint::get(
        &db,
        &dealerdesk_core::actor::Access::Open,
        c.id,
        local("2026-05-03 12:00"),
    )
    .await
    .unwrap();
    assert_eq!(mid.complaint.sla.first_response.elapsed_secs, 30 * 60);
    assert_eq!(mid.complaint.sla.first_response.state, ClockState::OnTrack);
}

#[tokio::test]
async fn settings_are_validated() {
    let (_dir, db) = fresh().await;
    let mut s = complaint::load_settings(&db).await.unwrap();
    s.sla[0].resolution_hours = 1;
    s.working_periods[1].start = "11:00".into();
    s.working_weekdays = [false; 7];
    let e = complaint::save_settings(&db, &actor(), s)
        .await
        .unwrap_err();
    let c = codes(&e);
    for want in [
        ("sla.0.resolution_hours", "sla_order"),
        ("working_periods.1", "period_order"),
        ("working_weekdays", "required"),
    ] {
        assert!(c.contains(&(want.0.into(), want.1.into())), "{c:?}");
    }
    let mut ok = complaint::load_settings(&db).await.unwrap();
    ok.escalation = ["组长".into(), "经理".into(), "总监".into()];
    complaint::save_settings(&db, &actor(), ok.clone())
        .await
        .unwrap();
    assert_eq!(complaint::load_settings(&db).await.unwrap(), ok);
}

#[tokio::test]
async fn attachments_are_copied_into_the_complaints_folder_and_only_those_open() {
    let (dir, db) = fresh().await;
    let d = one_distributor(&db).await;
    let now = local("2026-04-20 11:00");
    let c = complaint::record(
        &db,
        &crate::common::at_instant(&actor(), now),
        &intake(d, "2026-04-20 10:00", Priority::P3),
    )
    .await
    .unwrap();
    let root = dir.path().join("attachments");
    let photo = dir.path().join("破损照片 1.jpg");
    std::fs::write(&photo, b"jpeg bytes").unwrap();
    let missing = complaint::attach(
        &db,
        &root,
        &crate::common::at_instant(&actor(), now),
        &complaint::ComplaintAttach {
            id: c.id,
            source_path: "/no/such/file.jpg".into(),
        },
    )
    .await
    .unwrap_err();
    assert_eq!(
        codes(&missing),
        vec![("source_path".into(), "file_missing".into())]
    );
    let detail = complaint::attach(
        &db,
        &root,
        &crate::common::at_instant(&actor(), now),
        &complaint::ComplaintAttach {
            id: c.id,
            source_path: photo.display().to_string(),
        },
    )
    .await
    .unwrap();
    let entry = detail
        .timeline
        .iter()
        .find(|t| t.kind == EventKind::Attachment)
        .expect("an attachment entry");
    assert!(entry.text.ends_with("破损照片 1.jpg"), "{}", entry.text);
    let stored = root
        .join("complaints")
        .join(c.id.to_string())
        .join(&entry.text);
    assert_eq!(std::fs::read(&stored).unwrap(), b"jpeg bytes");
    let r = complaint::ComplaintAttachmentRef {
        id: c.id,
        stored_name: entry.text.clone(),
    };
    assert_eq!(
        complaint::attachment_path(&db, &root, &r).await.unwrap(),
        stored
    );
    // Only names on this complaint's timeline resolve; nothing escapes the folder.
    for name in ["../../t.sqlite", "other.jpg"] {
        let r = complaint::ComplaintAttachmentRef {
            id: c.id,
            stored_name: name.into(),
        };
        assert!(matches!(
            complaint::attachment_path(&db, &root, &r).await,
            Err(AppError::NotFound { .. })
        ));
    }
}

#[tokio::test]
async fn sample_data_loads_only_into_an_empty_database_and_has_every_state() {
    let (_dir, db) = fresh().await;
    let n = dealerdesk_core::demo::load_sample(&db, &actor())
        .await
        .unwrap();
    assert_eq!(n, 40);
    let all = complaint::list(
        &db,
        &dealerdesk_core::actor::Access::Open,
        &ComplaintQuery::default(),
        Utc::now(),
    )
    .await
    .unwrap()
    .rows;
    assert_eq!(all.len(), 24);
    for st in ComplaintStatus::ALL {
        assert!(
            all.iter().any(|c| c.status == *st),
            "a sample complaint is {st:?}"
        );
    }
    assert!(
        all.iter().any(|c| c.sla.escalation_level > 0),
        "some are late"
    );
    let again = dealerdesk_core::demo::load_sample(&db, &actor())
        .await
        .unwrap_err();
    assert_eq!(codes(&again), vec![("database".into(), "not_empty".into())]);
}
