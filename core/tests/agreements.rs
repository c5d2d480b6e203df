mod common;

use chrono::{NaiveDate, TimeZone, Utc};
use common::{fresh, input, tool, OP};
use dealerdesk_core::agreement::print::{self, AgreementPdfRequest};
use dealerdesk_core::agreement::rebate::{self, RebateRunRequest};
use dealerdesk_core::agreement::template::{self, AgreementTemplates};
use dealerdesk_core::agreement::{
    self, AgreementInput, AgreementKind, AgreementListQuery, AgreementStatus, AgreementUpdate,
    LadderStep, PaymentMethod, SignRequest, TargetInput, TerminateRequest, Territory,
    VersionRequest,
};
use dealerdesk_core::assessment::{self, AssessmentInput, CriterionScore, Decision};
use dealerdesk_core::distributor::{self, Status, TransitionRequest};
use dealerdesk_core::ledger::{self, EntryInput, EntryKind, LedgerQuery, ReverseRequest};
use dealerdesk_core::onboarding::{self, OnboardingStart, StepUpdate};
use dealerdesk_core::{demo, reminders, AppError, DatabaseConnection};
use proptest::prelude::*;

fn day(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

fn at(s: &str) -> chrono::DateTime<Utc> {
    Utc.from_utc_datetime(&day(s).and_hms_opt(2, 0, 0).unwrap())
}

fn province(p: &str, c: &str) -> Territory {
    Territory {
        province: p.into(),
        city: c.into(),
        ..Default::default()
    }
}

fn terms(distributor_id: i64, territory: Territory, exclusive: bool) -> AgreementInput {
    AgreementInput {
        distributor_id,
        territories: vec![territory],
        exclusive,
        term_start: "2026-01-01".into(),
        term_end: "2026-12-31".into(),
        payment_days: 45,
        payment_method: Some(PaymentMethod::BankTransfer),
        credit_limit: "300000.00".into(),
        discount_pct: "12.5".into(),
        buyback_pct: "80".into(),
        targets: ["Q1", "Q2", "Q3", "Q4"]
            .iter()
            .zip([
                ("01-01", "03-31"),
                ("04-01", "06-30"),
                ("07-01", "09-30"),
                ("10-01", "12-31"),
            ])
            .map(|(l, (f, t))| TargetInput {
                label: format!("2026-{l}"),
                from: format!("2026-{f}"),
                to: format!("2026-{t}"),
                amount: "100000.00".into(),
            })
            .collect(),
        ladder: [("80", "1"), ("100", "3"), ("120", "5")]
            .iter()
            .map(|(a, r)| LadderStep {
                threshold_pct: (*a).into(),
                rebate_pct: (*r).into(),
            })
            .collect(),
        special_clauses: "乙方须在每月 5 日前报送上月进销存数据。".into(),
    }
}

fn codes(e: &AppError) -> Vec<(String, String)> {
    match e {
        AppError::Validation { fields } => fields
            .iter()
            .map(|f| (f.field.clone(), f.code.clone()))
            .collect(),
        other => panic!("unexpected {other:?}"),
    }
}

async fn dist(db: &DatabaseConnection, n: u64) -> i64 {
    let (mut i, _) = demo::sample(n);
    i.code = String::new();
    distributor::create(db, OP, i).await.unwrap().id
}

async fn signed(db: &DatabaseConnection, root: &std::path::Path, input: AgreementInput) -> i64 {
    let d = agreement::create(db, OP, &input, at("2025-12-01"))
        .await
        .unwrap();
    let id = d.agreement.id;
    agreement::submit(db, OP, id, day("2025-12-01"))
        .await
        .unwrap();
    agreement::sign(
        db,
        root,
        OP,
        &SignRequest {
            id,
            signed_date: "2025-12-15".into(),
            ..Default::default()
        },
        day("2025-12-20"),
    )
    .await
    .unwrap();
    id
}

#[tokio::test]
async fn an_agreement_moves_through_its_statuses_and_versions() {
    let (dir, db) = fresh().await;
    let root = dir.path().join("attachments");
    let d = distributor::create(&db, OP, input("广州恒达商贸有限公司", "91110000802100433B"))
        .await
        .unwrap();

    // Bad input: every problem at once, nothing written.
    let mut bad = terms(d.id, Territory::default(), true);
    bad.term_end = "2025-06-30".into();
    bad.discount_pct = "12.345".into();
    bad.targets[1].from = "2026-03-01".into();
    bad.ladder[1].threshold_pct = "70".into();
    bad.payment_method = None;
    let e = agreement::create(&db, OP, &bad, at("2025-12-01"))
        .await
        .unwrap_err();
    let c = codes(&e);
    for want in [
        ("territories", "required"),
        ("term_end", "term_order"),
        ("discount_pct", "pct_too_precise"),
        ("ladder", "ladder_order"),
        ("payment_method", "required"),
    ] {
        assert!(
            c.contains(&(want.0.into(), want.1.into())),
            "{want:?} in {c:?}"
        );
    }
    let mut overlap = terms(d.id, province("广东省", ""), true);
    overlap.targets[1].from = "2026-03-01".into();
    let c = codes(
        &agreement::create(&db, OP, &overlap, at("2025-12-01"))
            .await
            .unwrap_err(),
    );
    assert_eq!(
        c,
        vec![("targets".to_string(), "target_overlap".to_string())]
    );
    assert!(
        agreement::list(&db, &AgreementListQuery::default(), day("2025-12-01"))
            .await
            .unwrap()
            .is_empty()
    );

    // Draft → awaiting signature → signed; numbers run per year.
    let good = terms(d.id, province("广东省", ""), true);
    let a = agreement::create(&db, OP, &good, at("2025-12-01"))
        .await
        .unwrap();
    assert_eq!(a.agreement.number, "HT-2025-0001");
    assert_eq!(a.agreement.status, AgreementStatus::Draft);
    assert_eq!(a.agreement.discount_pct, "12.5");
    assert_eq!(a.allowed, vec![AgreementStatus::AwaitingSignature]);
    let id = a.agreement.id;
    let sign_now = SignRequest {
        id,
        signed_date: "2025-12-15".into(),
        ..Default::default()
    };
    let e = agreement::sign(&db, &root, OP, &sign_now, day("2025-12-20"))
        .await
        .unwrap_err();
    assert!(matches!(e, AppError::IllegalTransition { .. }), "{e:?}");
    let mut edited = good.clone();
    edited.payment_days = 60;
    agreement::update(
        &db,
        OP,
        &AgreementUpdate { id, input: edited },
        day("2025-12-02"),
    )
    .await
    .unwrap();
    agreement::submit(&db, OP, id, day("2025-12-02"))
        .await
        .unwrap();
    let e = agreement::update(
        &db,
        OP,
        &AgreementUpdate {
            id,
            input: good.clone(),
        },
        day("2025-12-02"),
    )
    .await
    .unwrap_err();
    assert!(
        matches!(e, AppError::IllegalTransition { .. }),
        "frozen while awaiting signature"
    );
    agreement::withdraw(&db, OP, id, day("2025-12-03"))
        .await
        .unwrap();
    agreement::submit(&db, OP, id, day("2025-12-03"))
        .await
        .unwrap();

    // Signing: not in the future; the scan is copied in; terms applied; approved → active.
    let e = agreement::sign(
        &db,
        &root,
        OP,
        &SignRequest {
            signed_date: "2025-12-21".into(),
            ..sign_now.clone()
        },
        day("2025-12-20"),
    )
    .await
    .unwrap_err();
    assert_eq!(codes(&e), vec![("signed_date".into(), "in_future".into())]);
    for to in [Status::UnderReview, Status::Approved] {
        distributor::transition(
            &db,
            OP,
            TransitionRequest {
                id: d.id,
                to,
                date: "2025-12-10".into(),
                reason: String::new(),
            },
        )
        .await
        .unwrap();
    }
    let scan = dir.path().join("签署扫描件.pdf");
    std::fs::write(&scan, b"%PDF-1.4 scan").unwrap();
    let s = agreement::sign(
        &db,
        &root,
        OP,
        &SignRequest {
            scan_path: scan.display().to_string(),
            apply_terms: true,
            ..sign_now.clone()
        },
        day("2025-12-20"),
    )
    .await
    .unwrap();
    assert_eq!(
        s.agreement.status,
        AgreementStatus::Signed,
        "before its start date"
    );
    assert_eq!(s.agreement.signed_date.as_deref(), Some("2025-12-15"));
    assert!(s.agreement.scan_name.ends_with("签署扫描件.pdf"));
    let copy = agreement::scan_path(&db, &root, id).await.unwrap();
    assert_eq!(std::fs::read(copy).unwrap(), b"%PDF-1.4 scan");
    let after = distributor::get(&db, d.id).await.unwrap().distributor;
    assert_eq!(after.status, Status::Active);
    assert_eq!(after.payment_terms_days, 60);
    assert_eq!(after.credit_limit.to_string(), "300000.00");

    // Effective status follows the calendar.
    let on = |s: &str| agreement::get(&db, id, day(s));
    assert_eq!(
        on("2026-01-01").await.unwrap().agreement.status,
        AgreementStatus::Active
    );
    assert_eq!(
        on("2026-12-02").await.unwrap().agreement.days_to_end,
        Some(29)
    );
    assert_eq!(
        on("2027-01-01").await.unwrap().agreement.status,
        AgreementStatus::Expired
    );

    // Amendment: v2 copies v1; signing it supersedes v1, which stays readable.
    let v2 = agreement::new_version(
        &db,
        OP,
        &VersionRequest {
            id,
            kind: AgreementKind::Amendment,
        },
        at("2026-03-01"),
    )
    .await
    .unwrap();
    assert_eq!(
        (v2.agreement.number.as_str(), v2.agreement.version),
        ("HT-2025-0001", 2)
    );
    assert_eq!(v2.agreement.previous_id, Some(id));
    assert_eq!(v2.agreement.targets.len(), 4);
    let e = agreement::new_version(
        &db,
        OP,
        &VersionRequest {
            id,
            kind: AgreementKind::Renewal,
        },
        at("2026-03-01"),
    )
    .await
    .unwrap_err();
    assert!(
        matches!(e, AppError::IllegalTransition { .. }),
        "only the newest version"
    );
    let v2id = v2.agreement.id;
    agreement::submit(&db, OP, v2id, day("2026-03-02"))
        .await
        .unwrap();
    agreement::sign(
        &db,
        &root,
        OP,
        &SignRequest {
            id: v2id,
            signed_date: "2026-03-05".into(),
            ..Default::default()
        },
        day("2026-03-05"),
    )
    .await
    .unwrap();
    let v1 = agreement::get(&db, id, day("2026-03-06")).await.unwrap();
    assert_eq!(v1.agreement.status, AgreementStatus::Superseded);
    assert_eq!(v1.versions.len(), 2);
    assert!(!v1.can_new_version);
    let hist: Vec<_> = v1.history.iter().map(|h| h.to_status.as_str()).collect();
    assert_eq!(
        hist,
        [
            "draft",
            "awaiting_signature",
            "draft",
            "awaiting_signature",
            "signed",
            "superseded"
        ]
    );

    // Renewal: the term follows on; targets are the new term's to set.
    let v3 = agreement::new_version(
        &db,
        OP,
        &VersionRequest {
            id: v2id,
            kind: AgreementKind::Renewal,
        },
        at("2026-11-01"),
    )
    .await
    .unwrap();
    assert_eq!(v3.agreement.term_start, "2027-01-01");
    assert_eq!(v3.agreement.term_end, "2027-12-31");
    assert!(v3.agreement.targets.is_empty());

    // Termination needs a date in range and a reason.
    let e = agreement::terminate(
        &db,
        OP,
        &TerminateRequest {
            id: v2id,
            date: "2026-06-30".into(),
            reason: " ".into(),
        },
        day("2026-07-01"),
    )
    .await
    .unwrap_err();
    assert_eq!(codes(&e), vec![("reason".into(), "required".into())]);
    let t = agreement::terminate(
        &db,
        OP,
        &TerminateRequest {
            id: v2id,
            date: "2026-06-30".into(),
            reason: "严重窜货".into(),
        },
        day("2026-07-01"),
    )
    .await
    .unwrap();
    assert_eq!(t.agreement.status, AgreementStatus::Terminated);
    assert_eq!(t.agreement.termination_reason, "严重窜货");
    // Newest only by default; all versions on request.
    let all = AgreementListQuery {
        all_versions: true,
        ..Default::default()
    };
    assert_eq!(
        agreement::list(&db, &all, day("2026-07-01"))
            .await
            .unwrap()
            .len(),
        3
    );
    assert_eq!(
        agreement::list(&db, &AgreementListQuery::default(), day("2026-07-01"))
            .await
            .unwrap()
            .len(),
        1
    );
}

#[tokio::test]
async fn exclusive_territories_that_overlap_are_flagged() {
    let (dir, db) = fresh().await;
    let root = dir.path().join("a");
    let a = dist(&db, 1).await;
    let b = dist(&db, 2).await;
    let c = dist(&db, 3).await;
    let a_id = signed(&db, &root, terms(a, province("广东省", ""), true)).await;
    let today = day("2026-02-01");

    // B's draft for Shenzhen sits inside A's exclusive Guangdong.
    let bd = agreement::create(
        &db,
        OP,
        &terms(b, province("广东省", "深圳市"), false),
        at("2026-01-20"),
    )
    .await
    .unwrap();
    let bd = agreement::get(&db, bd.agreement.id, today).await.unwrap();
    assert_eq!(bd.conflicts.len(), 1);
    assert_eq!(bd.conflicts[0].agreement_id, a_id);
    assert!(bd.conflicts[0].other_exclusive);
    assert_eq!(
        bd.conflicts[0].areas,
        vec!["广东省 深圳市 ↔ 广东省".to_string()]
    );
    // Guangxi does not touch it; a named region only meets the same name.
    let cd = agreement::create(
        &db,
        OP,
        &terms(c, province("广西壮族自治区", ""), true),
        at("2026-01-20"),
    )
    .await
    .unwrap();
    assert!(cd.conflicts.is_empty());
    // A draft does not bind anyone: A sees no conflict from B's draft.
    assert!(agreement::get(&db, a_id, today)
        .await
        .unwrap()
        .conflicts
        .is_empty());
    let listed = agreement::list(&db, &AgreementListQuery::default(), today)
        .await
        .unwrap();
    let flagged: Vec<_> = listed
        .iter()
        .filter(|x| x.conflict)
        .map(|x| x.distributor_id)
        .collect();
    assert_eq!(flagged, vec![b]);
    // Once A's term is over there is nothing to collide with.
    let later = agreement::get(&db, bd.agreement.id, day("2027-01-02"))
        .await
        .unwrap();
    assert!(later.conflicts.is_empty());
}

#[tokio::test]
async fn templates_with_unknown_placeholders_are_refused() {
    let (_dir, db) = fresh().await;
    let mut t = AgreementTemplates::default();
    t.zh.push_str("\n乙方名称：{{distributor.nmae}}\n");
    let e = template::save(&db, OP, t).await.unwrap_err();
    match e {
        AppError::Validation { fields } => {
            assert_eq!(fields.len(), 1);
            assert_eq!(fields[0].field, "zh");
            assert_eq!(fields[0].code, "unknown_placeholder");
            assert_eq!(fields[0].detail.as_deref(), Some("distributor.nmae"));
        }
        other => panic!("{other:?}"),
    }
    assert_eq!(
        template::load(&db).await.unwrap(),
        AgreementTemplates::default()
    );
    let ok = AgreementTemplates {
        en: "# Parties\n{{company.name}} and {{distributor.name}}\n{{targets_table}}".into(),
        ..Default::default()
    };
    template::save(&db, OP, ok.clone()).await.unwrap();
    assert_eq!(template::load(&db).await.unwrap(), ok);
}

async fn entry(
    db: &DatabaseConnection,
    d: i64,
    date: &str,
    doc: &str,
    kind: EntryKind,
    amount: &str,
) -> i64 {
    ledger::post(
        db,
        OP,
        &EntryInput {
            distributor_id: d,
            date: date.into(),
            doc_no: doc.into(),
            kind: Some(kind),
            amount: amount.into(),
            description: String::new(),
            fapiao_no: String::new(),
            due_date: String::new(),
        },
    )
    .await
    .unwrap()
    .id
}

#[tokio::test]
async fn a_rebate_run_computes_from_the_ledger_and_posts_once() {
    let (dir, db) = fresh().await;
    let root = dir.path().join("a");
    let a = dist(&db, 1).await;
    let b = dist(&db, 2).await;
    signed(&db, &root, terms(a, province("广东省", ""), false)).await;
    signed(&db, &root, terms(b, province("浙江省", ""), false)).await;
    // A: 118 000 invoiced, 3 000 credited, one wrong invoice reversed → 115 000 on 100 000 = 115 %.
    entry(
        &db,
        a,
        "2026-01-15",
        "INV-A1",
        EntryKind::Invoice,
        "80000.00",
    )
    .await;
    entry(
        &db,
        a,
        "2026-03-10",
        "INV-A2",
        EntryKind::Invoice,
        "38000.00",
    )
    .await;
    entry(
        &db,
        a,
        "2026-03-20",
        "CN-A1",
        EntryKind::CreditNote,
        "3000.00",
    )
    .await;
    let wrong = entry(
        &db,
        a,
        "2026-03-21",
        "INV-A3",
        EntryKind::Invoice,
        "50000.00",
    )
    .await;
    ledger::reverse(
        &db,
        OP,
        &ReverseRequest {
            entry_id: wrong,
            date: "2026-03-22".into(),
            reason: "开错".into(),
        },
    )
    .await
    .unwrap();
    entry(
        &db,
        a,
        "2026-04-02",
        "INV-A4",
        EntryKind::Invoice,
        "99999.00",
    )
    .await; // next quarter
    entry(
        &db,
        a,
        "2026-02-01",
        "PAY-A1",
        EntryKind::Payment,
        "50000.00",
    )
    .await; // not sales
            // B: 79 999.99 = 79.99 % — below the first step.
    entry(
        &db,
        b,
        "2026-02-15",
        "INV-B1",
        EntryKind::Invoice,
        "79999.99",
    )
    .await;

    let q1 = RebateRunRequest {
        from: "2026-01-01".into(),
        to: "2026-03-31".into(),
    };
    let run = rebate::preview(&db, &q1).await.unwrap();
    assert_eq!(run.doc_no, "RB-20260101-20260331");
    assert_eq!(run.lines.len(), 2);
    let la = run.lines.iter().find(|l| l.distributor_id == a).unwrap();
    assert_eq!(la.target.to_string(), "100000.00");
    assert_eq!(la.invoiced.to_string(), "118000.00");
    assert_eq!(la.credited.to_string(), "3000.00");
    assert_eq!(la.sales.to_string(), "115000.00");
    assert_eq!(la.achievement_pct, "115.00");
    assert_eq!(la.step_pct.as_deref(), Some("100"));
    assert_eq!(la.rebate_pct, "3");
    assert_eq!(la.rebate.to_string(), "3450.00");
    let lb = run.lines.iter().find(|l| l.distributor_id == b).unwrap();
    assert_eq!(lb.achievement_pct, "79.99");
    assert!(lb.step_pct.is_none());
    assert_eq!(lb.rebate.to_string(), "0.00");
    assert_eq!(run.to_post, 1);

    // Not before the period has ended.
    let e = rebate::approve(&db, OP, &q1, day("2026-03-31") - chrono::Days::new(1))
        .await
        .unwrap_err();
    assert_eq!(codes(&e), vec![("to".into(), "period_not_ended".into())]);
    let first = rebate::approve(&db, OP, &q1, day("2026-04-05"))
        .await
        .unwrap();
    assert_eq!(first.posted, 1);
    assert_eq!(first.run.already_posted, 1);
    assert_eq!(first.run.to_post, 0);
    let again = rebate::approve(&db, OP, &q1, day("2026-04-06"))
        .await
        .unwrap();
    assert_eq!(again.posted, 0);
    let entries = ledger::list(
        &db,
        &LedgerQuery {
            distributor_id: a,
            ..Default::default()
        },
    )
    .await
    .unwrap();
    let rebates: Vec<_> = entries
        .iter()
        .filter(|e| e.kind == EntryKind::Rebate)
        .collect();
    assert_eq!(rebates.len(), 1);
    assert_eq!(rebates[0].doc_no, "RB-20260101-20260331");
    assert_eq!(rebates[0].credit.to_string(), "3450.00");
    assert_eq!(rebates[0].date, "2026-03-31");
}

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
        OP,
        &OnboardingStart {
            distributor_id: d,
            start_date: start.into(),
        },
        day("2026-01-20"),
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
        OP,
        &OnboardingStart {
            distributor_id: d,
            start_date: start.into(),
        },
        day("2026-01-20"),
    )
    .await
    .unwrap_err();
    assert!(matches!(again, AppError::Conflict { .. }));

    let doc = step(&list, "documents");
    let e = onboarding::update_step(
        &db,
        OP,
        &StepUpdate {
            id: doc.id,
            done_date: "2026-01-21".into(),
            ..Default::default()
        },
        day("2026-01-20"),
    )
    .await
    .unwrap_err();
    assert_eq!(codes(&e), vec![("done_date".into(), "in_future".into())]);
    let list = onboarding::update_step(
        &db,
        OP,
        &StepUpdate {
            id: doc.id,
            owner: "李娜".into(),
            due_date: "2026-01-12".into(),
            done_date: "2026-01-15".into(),
            note: "营业执照、开户许可证齐全".into(),
        },
        day("2026-01-20"),
    )
    .await
    .unwrap();
    let doc = step(&list, "documents");
    assert!(!doc.overdue && !doc.auto_done);
    assert_eq!((doc.owner.as_str(), doc.done_by.as_str()), ("李娜", OP));

    // The system's own records tick the admission, agreement and first-order steps.
    assessment::record(
        &db,
        OP,
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

#[tokio::test]
async fn the_agreement_pdf_has_parties_clauses_annexes_and_capitals() {
    let (dir, db) = fresh().await;
    let root = dir.path().join("a");
    let d = distributor::create(&db, OP, input("广州恒达商贸有限公司", "91110000802100433B"))
        .await
        .unwrap();
    let mut t = terms(d.id, province("广东省", "广州市"), true);
    t.special_clauses =
        "一、乙方须在每月 5 日前报送上月进销存数据。\n二、新品上市首月不计入目标考核。".into();
    let id = signed(&db, &root, t).await;
    let keep = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../target/test-artifacts");
    std::fs::create_dir_all(&keep).unwrap();
    for lang in ["zh-CN", "en"] {
        let path = dir.path().join(format!("ht-{lang}.pdf"));
        let written = print::save_pdf(
            &db,
            &AgreementPdfRequest {
                id,
                lang: lang.into(),
                path: path.display().to_string(),
            },
            dir.path(),
            day("2026-01-10"),
        )
        .await
        .unwrap();
        assert_eq!(written, path.display().to_string());
        std::fs::copy(&path, keep.join(format!("agreement-{lang}.pdf"))).unwrap();
        let p = path.to_str().unwrap();
        assert!(tool("qpdf", &["--check", p]).contains("No syntax or stream encoding errors"));
        let fonts = tool("pdffonts", &[p]);
        for row in fonts.lines().skip(2) {
            assert!(row.contains("+NotoSansHans"), "{fonts}");
            assert!(
                row.contains(" yes yes yes"),
                "embedded, subset, unicode: {fonts}"
            );
        }
        let text: String = tool("pdftotext", &[p, "-"]).split_whitespace().collect();
        for want in [
            "广州恒达商贸有限公司",
            "91110000802100433B",
            "HT-2025-0001",
            "人民币叁拾万元整",
            "300,000.00",
            "人民币肆拾万元整",
        ] {
            assert!(text.contains(want), "{lang}: {want}");
        }
        if lang == "zh-CN" {
            for want in [
                "经销协议",
                "第一条",
                "第九条",
                "附件一：销售目标",
                "附件二：返利阶梯",
                "附件三：授权区域",
                "甲方（盖章）",
                "乙方（盖章）",
                "新品上市首月不计入目标考核",
                "第1页/共",
            ] {
                assert!(text.contains(want), "{lang}: {want}");
            }
        } else {
            for want in [
                "DistributionAgreement",
                "Article1.",
                "Annex1:Salestargets",
                "Distributor(seal)",
                "Page1of",
            ] {
                assert!(text.contains(want), "{lang}: {want}");
            }
        }
    }
    // The print folder is used when no path is given.
    let p = print::save_pdf(
        &db,
        &AgreementPdfRequest {
            id,
            lang: "zh-CN".into(),
            path: String::new(),
        },
        &dir.path().join("prints"),
        day("2026-01-10"),
    )
    .await
    .unwrap();
    assert!(p.ends_with("HT-2025-0001-v1-zh-CN.pdf"), "{p}");
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn a_rebate_is_never_negative_nor_more_than_the_sales(
        sales in -10_000_000_000i64..10_000_000_000,
        bp in 0i32..10_000,
    ) {
        let r = rebate::rebate_fen(sales, bp);
        prop_assert!(r >= 0);
        prop_assert!(r <= sales.max(0));
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 6, ..ProptestConfig::default() })]

    /// Whatever the ledger holds, approving the same period twice posts each rebate once.
    #[test]
    fn running_a_period_twice_posts_once(
        invoices in proptest::collection::vec(1i64..5_000_000, 0..6),
        credits in proptest::collection::vec(1i64..1_000_000, 0..3),
    ) {
        let rt = tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap();
        rt.block_on(async {
            let (dir, db) = fresh().await;
            let d = dist(&db, 1).await;
            signed(&db, &dir.path().join("a"), terms(d, province("广东省", ""), false)).await;
            for (i, f) in invoices.iter().enumerate() {
                let amount = format!("{}.{:02}", f / 100, f % 100);
                entry(&db, d, "2026-02-01", &format!("I{i}"), EntryKind::Invoice, &amount).await;
            }
            for (i, f) in credits.iter().enumerate() {
                let amount = format!("{}.{:02}", f / 100, f % 100);
                entry(&db, d, "2026-02-02", &format!("C{i}"), EntryKind::CreditNote, &amount).await;
            }
            let q = RebateRunRequest { from: "2026-01-01".into(), to: "2026-03-31".into() };
            let one = rebate::approve(&db, OP, &q, day("2026-04-01")).await.unwrap();
            let two = rebate::approve(&db, OP, &q, day("2026-04-02")).await.unwrap();
            assert_eq!(two.posted, 0);
            let posted: Vec<_> = ledger::list(&db, &LedgerQuery { distributor_id: d, ..Default::default() })
                .await
                .unwrap()
                .into_iter()
                .filter(|e| e.kind == EntryKind::Rebate)
                .collect();
            assert_eq!(posted.len() as u32, one.posted);
            let line = &one.run.lines[0];
            assert!(!line.rebate.is_negative());
            if let Some(e) = posted.first() {
                assert_eq!(e.credit, line.rebate);
            }
        });
    }
}
