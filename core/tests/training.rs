mod common;
use common::actor;

use common::{codes, day, fresh, input, tool};
use dealerdesk_core::distributor::contacts::{self, ContactInput, ContactSave};
use dealerdesk_core::distributor::{self, Tier};
use dealerdesk_core::training::certificate::{
    self, CertificatePrintRequest, CertificateQuery, CertificateState, RevokeRequest,
};
use dealerdesk_core::training::compliance;
use dealerdesk_core::training::session::{
    self, EnrolRequest, ResultRow, ResultsRequest, SessionInput, SessionMove, SessionSave,
    SessionStatus,
};
use dealerdesk_core::training::{self, CourseInput, CourseSave};
use dealerdesk_core::{onboarding, reminders, AppError, DatabaseConnection};

async fn course(
    db: &DatabaseConnection,
    code: &str,
    validity: Option<i32>,
    tiers: Vec<Tier>,
    onboarding: bool,
) -> i64 {
    training::save_course(
        db,
        &actor(),
        &CourseSave {
            id: None,
            input: CourseInput {
                code: code.into(),
                title_zh: format!("{code} 产品知识"),
                title_en: format!("{code} product knowledge"),
                category: "product".into(),
                duration_hours: "1.5".into(),
                pass_mark: 60,
                validity_months: validity,
                required_tiers: tiers,
                onboarding,
                active: true,
            },
        },
    )
    .await
    .unwrap()
    .id
}

async fn person(db: &DatabaseConnection, distributor_id: i64, name: &str) -> i64 {
    contacts::save(
        db,
        &actor(),
        ContactSave {
            distributor_id,
            id: None,
            input: ContactInput {
                name: name.into(),
                role: "销售经理".into(),
                phone: "13912345678".into(),
                ..Default::default()
            },
            base: None,
        },
    )
    .await
    .unwrap()
    .id
}

fn plan(course_id: i64, date: &str, capacity: i32) -> SessionSave {
    SessionSave {
        id: None,
        input: SessionInput {
            course_id,
            date: date.into(),
            start_time: "09:30".into(),
            trainer: "李娜".into(),
            place: "总部培训室 A".into(),
            capacity,
            notes: String::new(),
            enrol: vec![],
        },
    }
}

async fn results(
    db: &DatabaseConnection,
    id: i64,
    rows: &[(i64, bool, Option<i32>)],
) -> Result<session::SessionDetail, AppError> {
    session::record_results(
        db,
        &actor(),
        &ResultsRequest {
            session_id: id,
            rows: rows
                .iter()
                .map(|(e, attended, score)| ResultRow {
                    enrolment_id: *e,
                    attended: *attended,
                    score: *score,
                    rating: Some(5),
                    comment: String::new(),
                })
                .collect(),
        },
    )
    .await
}

#[tokio::test]
async fn a_session_enrols_within_capacity_scores_and_issues_certificates() {
    let (dir, db) = fresh().await;
    let d = distributor::create(
        &db,
        &actor(),
        input("杭州恒通贸易有限公司", "91110000802100433B"),
    )
    .await
    .unwrap();
    let c = course(&db, "pk-101", Some(1), vec![Tier::Basic], true).await;
    let bad = training::save_course(
        &db,
        &actor(),
        &CourseSave {
            id: None,
            input: CourseInput {
                code: "PK-101".into(),
                title_zh: "重复".into(),
                category: "product".into(),
                duration_hours: "1".into(),
                pass_mark: 60,
                ..Default::default()
            },
        },
    )
    .await
    .unwrap_err();
    assert!(
        matches!(bad, AppError::Conflict { .. }),
        "codes are unique (and upper-cased)"
    );
    let e = training::save_course(
        &db,
        &actor(),
        &CourseSave {
            id: None,
            input: CourseInput {
                pass_mark: 120,
                duration_hours: "0.25".into(),
                ..Default::default()
            },
        },
    )
    .await
    .unwrap_err();
    let got = codes(&e);
    for want in [
        ("code", "required"),
        ("title_zh", "required"),
        ("category", "invalid_choice"),
        ("duration_hours", "hours_format"),
        ("pass_mark", "score_range"),
    ] {
        assert!(
            got.contains(&(want.0.into(), want.1.into())),
            "{want:?} in {got:?}"
        );
    }

    let a = person(&db, d.id, "陈静").await;
    let b = person(&db, d.id, "刘洋").await;
    let x = person(&db, d.id, "赵敏").await;
    let s = session::save(&db, &actor(), &plan(c, "2026-01-31", 2))
        .await
        .unwrap();
    let id = s.session.id;
    session::enrol(
        &db,
        &actor(),
        &EnrolRequest {
            session_id: id,
            contact_ids: vec![a, b],
        },
    )
    .await
    .unwrap();
    // Full: a third person is refused; the same person twice is refused.
    let e = session::enrol(
        &db,
        &actor(),
        &EnrolRequest {
            session_id: id,
            contact_ids: vec![x],
        },
    )
    .await
    .unwrap_err();
    assert_eq!(
        codes(&e),
        vec![("contact_ids".into(), "capacity_full".into())]
    );
    let e = session::enrol(
        &db,
        &actor(),
        &EnrolRequest {
            session_id: id,
            contact_ids: vec![a],
        },
    )
    .await
    .unwrap_err();
    assert_eq!(
        codes(&e),
        vec![("contact_ids".into(), "already_enrolled".into())]
    );
    let detail = session::get(&db, id).await.unwrap();
    assert_eq!(detail.session.enrolled, 2);

    // Results only while held; a pass at the pass mark, a fail below it.
    let ea = detail
        .attendees
        .iter()
        .find(|t| t.contact_id == a)
        .unwrap()
        .enrolment_id;
    let eb = detail
        .attendees
        .iter()
        .find(|t| t.contact_id == b)
        .unwrap()
        .enrolment_id;
    let e = results(&db, id, &[(ea, true, Some(60))]).await.unwrap_err();
    assert!(matches!(e, AppError::IllegalTransition { .. }));
    session::move_to(
        &db,
        &actor(),
        &SessionMove {
            id,
            to: SessionStatus::Held,
        },
    )
    .await
    .unwrap();
    let e = results(&db, id, &[(ea, true, None), (eb, false, Some(10))])
        .await
        .unwrap_err();
    assert_eq!(
        codes(&e),
        vec![
            ("score".into(), "score_required".into()),
            ("score".into(), "score_without_attendance".into())
        ]
    );
    let e = session::move_to(
        &db,
        &actor(),
        &SessionMove {
            id,
            to: SessionStatus::Closed,
        },
    )
    .await
    .unwrap_err();
    assert_eq!(codes(&e), vec![("rows".into(), "results_missing".into())]);
    let r = results(&db, id, &[(ea, true, Some(60)), (eb, true, Some(59))])
        .await
        .unwrap();
    let pass: Vec<_> = r
        .attendees
        .iter()
        .map(|t| (t.name.as_str(), t.passed))
        .collect();
    assert_eq!(pass, vec![("陈静", Some(true)), ("刘洋", Some(false))]);

    // Closing issues one certificate: issued 2026-01-31 + 1 month = 2026-02-28.
    let closed = session::move_to(
        &db,
        &actor(),
        &SessionMove {
            id,
            to: SessionStatus::Closed,
        },
    )
    .await
    .unwrap();
    assert!(closed.allowed.is_empty());
    let certs = certificate::list(
        &db,
        &CertificateQuery {
            session_id: Some(id),
            ..Default::default()
        },
        day("2026-02-01"),
    )
    .await
    .unwrap();
    assert_eq!((certs.rows.len(), certs.total), (1, 1));
    let cert = &certs.rows[0];
    assert_eq!(cert.number, "PX-2026-0001");
    assert_eq!(cert.person_name, "陈静");
    assert_eq!(cert.issue_date, "2026-01-31");
    assert_eq!(cert.expiry_date.as_deref(), Some("2026-02-28"));
    assert_eq!(cert.state, CertificateState::Expiring);
    let later = certificate::list(&db, &CertificateQuery::default(), day("2026-03-01"))
        .await
        .unwrap()
        .rows;
    assert_eq!(later[0].state, CertificateState::Expired);
    let e = session::enrol(
        &db,
        &actor(),
        &EnrolRequest {
            session_id: id,
            contact_ids: vec![x],
        },
    )
    .await
    .unwrap_err();
    assert!(
        matches!(e, AppError::IllegalTransition { .. }),
        "a closed session takes nobody"
    );

    // The person with a certificate cannot be deleted from the contacts.
    let e = contacts::remove(&db, &actor(), a).await.unwrap_err();
    assert_eq!(
        codes(&e),
        vec![("contact".into(), "contact_has_training".into())]
    );

    // The certificate prints: landscape, Chinese name and expiry date.
    let out = dir.path().join("certs");
    let written = certificate::print(
        &db,
        &CertificatePrintRequest {
            ids: vec![cert.id],
            lang: dealerdesk_core::lang::Lang::ZhCn,
            out_dir: out.display().to_string(),
        },
        day("2026-02-01"),
    )
    .await
    .unwrap();
    assert_eq!(written.len(), 1);
    assert!(written[0].ends_with("PX-2026-0001.pdf"));
    let p = written[0].as_str();
    assert!(tool("qpdf", &["--check", p]).contains("No syntax or stream encoding errors"));
    let info = tool("pdfinfo", &[p]);
    assert!(info.contains("841.89 x 595.2"), "landscape A4: {info}");
    let text: String = tool("pdftotext", &[p, "-"]).split_whitespace().collect();
    for want in [
        "陈静",
        "杭州恒通贸易有限公司",
        "2026-02-28",
        "PX-2026-0001",
        "培训合格证书",
    ] {
        assert!(text.contains(want), "{want} in {text}");
    }
    let keep = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../target/test-artifacts");
    std::fs::create_dir_all(&keep).unwrap();
    std::fs::copy(p, keep.join("certificate-zh-CN.pdf")).unwrap();

    // Revocation keeps the certificate, with the reason.
    let e = certificate::revoke(
        &db,
        &crate::common::on_day(&actor(), day("2026-02-10")),
        &RevokeRequest {
            id: cert.id,
            date: String::new(),
            reason: " ".into(),
        },
    )
    .await
    .unwrap_err();
    assert_eq!(codes(&e), vec![("reason".into(), "required".into())]);
    let r = certificate::revoke(
        &db,
        &crate::common::on_day(&actor(), day("2026-02-10")),
        &RevokeRequest {
            id: cert.id,
            date: "2026-02-10".into(),
            reason: "考试作弊".into(),
        },
    )
    .await
    .unwrap();
    assert_eq!(r.state, CertificateState::Revoked);
    assert_eq!(r.revoke_reason, "考试作弊");
    use sea_orm::ConnectionTrait;
    let del = db.execute_unprepared("DELETE FROM certificate").await;
    assert!(del.is_err(), "certificates are never deleted");
}

#[tokio::test]
async fn compliance_follows_tiers_and_valid_certificates_and_onboarding_ticks() {
    let (_dir, db) = fresh().await;
    let mut i = input("杭州恒通贸易有限公司", "91110000802100433B");
    i.tier = Tier::Core;
    let d = distributor::create(&db, &actor(), i).await.unwrap();
    for to in [
        distributor::Status::UnderReview,
        distributor::Status::Approved,
        distributor::Status::Active,
    ] {
        distributor::transition(
            &db,
            &actor(),
            distributor::TransitionRequest {
                id: d.id,
                to,
                date: "2026-01-02".into(),
                reason: String::new(),
            },
        )
        .await
        .unwrap();
    }
    let pk = course(&db, "PK-101", Some(12), vec![Tier::Core, Tier::Basic], true).await;
    let os = course(&db, "OS-110", None, vec![Tier::Core], false).await;
    let _sf = course(&db, "SF-301", Some(12), vec![Tier::Strategic], false).await;
    let today = day("2026-03-01");
    let row = |rows: Vec<compliance::ComplianceRow>| {
        rows.into_iter().find(|r| r.distributor_id == d.id).unwrap()
    };
    let r = row(compliance::compliance(&db, today, None).await.unwrap());
    assert_eq!(r.required, vec!["OS-110", "PK-101"]);
    assert_eq!(
        (r.compliance_pct, r.missing.clone()),
        (0, vec!["OS-110".to_string(), "PK-101".to_string()])
    );

    onboarding::start(
        &db,
        &crate::common::on_day(&actor(), today),
        &onboarding::OnboardingStart {
            distributor_id: d.id,
            start_date: "2026-01-05".into(),
        },
    )
    .await
    .unwrap();
    let who = person(&db, d.id, "陈静").await;
    for (c, date) in [(pk, "2026-02-10"), (os, "2026-02-11")] {
        let s = session::save(
            &db,
            &actor(),
            &SessionSave {
                input: SessionInput {
                    enrol: vec![who],
                    ..plan(c, date, 10).input
                },
                id: None,
            },
        )
        .await
        .unwrap();
        let e = s.attendees[0].enrolment_id;
        session::move_to(
            &db,
            &actor(),
            &SessionMove {
                id: s.session.id,
                to: SessionStatus::Held,
            },
        )
        .await
        .unwrap();
        results(&db, s.session.id, &[(e, true, Some(90))])
            .await
            .unwrap();
        session::move_to(
            &db,
            &actor(),
            &SessionMove {
                id: s.session.id,
                to: SessionStatus::Closed,
            },
        )
        .await
        .unwrap();
    }
    let r = row(compliance::compliance(&db, today, Some(d.id))
        .await
        .unwrap());
    assert_eq!((r.compliance_pct, r.missing.len()), (100, 0));
    // A year later the certificate has run out; the pass of a course without certificates still counts.
    let r = row(compliance::compliance(&db, day("2027-02-11"), None)
        .await
        .unwrap());
    assert_eq!(
        (r.compliance_pct, r.missing),
        (50, vec!["PK-101".to_string()])
    );
    // The onboarding training step was met by the pass of the onboarding course.
    let list = onboarding::checklist(&db, d.id, today).await.unwrap();
    let t = list.steps.iter().find(|s| s.key == "training").unwrap();
    assert!(t.auto_done);
    assert_eq!(t.done_date.as_deref(), Some("2026-02-10"));
    // Reminders: 30 days before expiry, and after it.
    let kinds = |r: &Vec<reminders::Reminder>| {
        r.iter()
            .filter(|r| r.contact_id == Some(who))
            .map(|r| (r.kind, r.window))
            .collect::<Vec<_>>()
    };
    assert_eq!(
        kinds(&reminders::list(&db, day("2026-12-01")).await.unwrap()),
        vec![]
    );
    assert_eq!(
        kinds(&reminders::list(&db, day("2027-01-15")).await.unwrap()),
        vec![(reminders::ReminderKind::CertificateExpiring, Some(30))]
    );
    assert_eq!(
        kinds(&reminders::list(&db, day("2027-02-11")).await.unwrap()),
        vec![(reminders::ReminderKind::CertificateExpired, None)]
    );
}
