mod common;
use common::actor;

use common::agreements::{at, dist, province, signed, terms};
use common::{codes, day, fresh, input, tool};
use dealerdesk_core::agreement::print::{self, AgreementPdfRequest};
use dealerdesk_core::agreement::template::{self, AgreementTemplates};
use dealerdesk_core::agreement::{
    self, AgreementKind, AgreementListQuery, AgreementStatus, AgreementUpdate, SignRequest,
    TerminateRequest, Territory, VersionRequest,
};
use dealerdesk_core::distributor::{self, Status, TransitionRequest};
use dealerdesk_core::AppError;

#[tokio::test]
async fn an_agreement_moves_through_its_statuses_and_versions() {
    let (dir, db) = fresh().await;
    let root = dir.path().join("attachments");
    let d = distributor::create(
        &db,
        &actor(),
        input("广州恒达商贸有限公司", "91110000802100433B"),
    )
    .await
    .unwrap();

    // Bad input: every problem at once, nothing written.
    let mut bad = terms(d.id, Territory::default(), true);
    bad.term_end = "2025-06-30".into();
    bad.discount_pct = "12.345".into();
    bad.targets[1].from = "2026-03-01".into();
    bad.ladder[1].threshold_pct = "70".into();
    bad.payment_method = None;
    let e = agreement::create(
        &db,
        &crate::common::at_instant(&actor(), at("2025-12-01")),
        &bad,
    )
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
        &agreement::create(
            &db,
            &crate::common::at_instant(&actor(), at("2025-12-01")),
            &overlap,
        )
        .await
        .unwrap_err(),
    );
    assert_eq!(
        c,
        vec![("targets".to_string(), "target_overlap".to_string())]
    );
    assert!(agreement::list(
        &db,
        &dealerdesk_core::actor::Access::Open,
        &AgreementListQuery::default(),
        day("2025-12-01")
    )
    .await
    .unwrap()
    .rows
    .is_empty());

    // Draft → awaiting signature → signed; numbers run per year.
    let good = terms(d.id, province("广东省", ""), true);
    let a = agreement::create(
        &db,
        &crate::common::at_instant(&actor(), at("2025-12-01")),
        &good,
    )
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
    let e = agreement::sign(
        &db,
        &root,
        &crate::common::on_day(&actor(), day("2025-12-20")),
        &sign_now,
    )
    .await
    .unwrap_err();
    assert!(matches!(e, AppError::IllegalTransition { .. }), "{e:?}");
    let mut edited = good.clone();
    edited.payment_days = 60;
    agreement::update(
        &db,
        &crate::common::on_day(&actor(), day("2025-12-02")),
        &AgreementUpdate {
            id,
            input: edited,
            base: None,
        },
    )
    .await
    .unwrap();
    agreement::submit(&db, &crate::common::on_day(&actor(), day("2025-12-02")), id)
        .await
        .unwrap();
    let e = agreement::update(
        &db,
        &crate::common::on_day(&actor(), day("2025-12-02")),
        &AgreementUpdate {
            id,
            input: good.clone(),
            base: None,
        },
    )
    .await
    .unwrap_err();
    assert!(
        matches!(e, AppError::IllegalTransition { .. }),
        "frozen while awaiting signature"
    );
    agreement::withdraw(&db, &crate::common::on_day(&actor(), day("2025-12-03")), id)
        .await
        .unwrap();
    agreement::submit(&db, &crate::common::on_day(&actor(), day("2025-12-03")), id)
        .await
        .unwrap();

    // Signing: not in the future; the scan is copied in; terms applied; approved → active.
    let e = agreement::sign(
        &db,
        &root,
        &crate::common::on_day(&actor(), day("2025-12-20")),
        &SignRequest {
            signed_date: "2025-12-21".into(),
            ..sign_now.clone()
        },
    )
    .await
    .unwrap_err();
    assert_eq!(codes(&e), vec![("signed_date".into(), "in_future".into())]);
    for to in [Status::UnderReview, Status::Approved] {
        distributor::transition(
            &db,
            &actor(),
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
        &crate::common::on_day(&actor(), day("2025-12-20")),
        &SignRequest {
            scan_path: scan.display().to_string(),
            apply_terms: true,
            ..sign_now.clone()
        },
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
    let after = distributor::get(&db, &dealerdesk_core::actor::Access::Open, d.id)
        .await
        .unwrap()
        .distributor;
    assert_eq!(after.status, Status::Active);
    assert_eq!(after.payment_terms_days, 60);
    assert_eq!(after.credit_limit.to_string(), "300000.00");

    // Effective status follows the calendar.
    let on = |s: &str| agreement::get(&db, &dealerdesk_core::actor::Access::Open, id, day(s));
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
        &crate::common::at_instant(&actor(), at("2026-03-01")),
        &VersionRequest {
            id,
            kind: AgreementKind::Amendment,
        },
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
        &crate::common::at_instant(&actor(), at("2026-03-01")),
        &VersionRequest {
            id,
            kind: AgreementKind::Renewal,
        },
    )
    .await
    .unwrap_err();
    assert!(
        matches!(e, AppError::IllegalTransition { .. }),
        "only the newest version"
    );
    let v2id = v2.agreement.id;
    agreement::submit(
        &db,
        &crate::common::on_day(&actor(), day("2026-03-02")),
        v2id,
    )
    .await
    .unwrap();
    agreement::sign(
        &db,
        &root,
        &crate::common::on_day(&actor(), day("2026-03-05")),
        &SignRequest {
            id: v2id,
            signed_date: "2026-03-05".into(),
            ..Default::default()
        },
    )
    .await
    .unwrap();
    let v1 = agreement::get(
        &db,
        &dealerdesk_core::actor::Access::Open,
        id,
        day("2026-03-06"),
    )
    .await
    .unwrap();
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
        &crate::common::at_instant(&actor(), at("2026-11-01")),
        &VersionRequest {
            id: v2id,
            kind: AgreementKind::Renewal,
        },
    )
    .await
    .unwrap();
    assert_eq!(v3.agreement.term_start, "2027-01-01");
    assert_eq!(v3.agreement.term_end, "2027-12-31");
    assert!(v3.agreement.targets.is_empty());

    // Termination needs a date in range and a reason.
    let e = agreement::terminate(
        &db,
        &crate::common::on_day(&actor(), day("2026-07-01")),
        &TerminateRequest {
            id: v2id,
            date: "2026-06-30".into(),
            reason: " ".into(),
        },
    )
    .await
    .unwrap_err();
    assert_eq!(codes(&e), vec![("reason".into(), "required".into())]);
    let t = agreement::terminate(
        &db,
        &crate::common::on_day(&actor(), day("2026-07-01")),
        &TerminateRequest {
            id: v2id,
            date: "2026-06-30".into(),
            reason: "严重窜货".into(),
        },
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
        agreement::list(
            &db,
            &dealerdesk_core::actor::Access::Open,
            &all,
            day("2026-07-01")
        )
        .await
        .unwrap()
        .total,
        3
    );
    assert_eq!(
        agreement::list(
            &db,
            &dealerdesk_core::actor::Access::Open,
            &AgreementListQuery::default(),
            day("2026-07-01")
        )
        .await
        .unwrap()
        .total,
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
        &crate::common::at_instant(&actor(), at("2026-01-20")),
        &terms(b, province("广东省", "深圳市"), false),
    )
    .await
    .unwrap();
    let bd = agreement::get(
        &db,
        &dealerdesk_core::actor::Access::Open,
        bd.agreement.id,
        today,
    )
    .await
    .unwrap();
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
        &crate::common::at_instant(&actor(), at("2026-01-20")),
        &terms(c, province("广西壮族自治区", ""), true),
    )
    .await
    .unwrap();
    assert!(cd.conflicts.is_empty());
    // A draft does not bind anyone: A sees no conflict from B's draft.
    assert!(
        agreement::get(&db, &dealerdesk_core::actor::Access::Open, a_id, today)
            .await
            .unwrap()
            .conflicts
            .is_empty()
    );
    let listed = agreement::list(
        &db,
        &dealerdesk_core::actor::Access::Open,
        &AgreementListQuery::default(),
        today,
    )
    .await
    .unwrap();
    let flagged: Vec<_> = listed
        .rows
        .iter()
        .filter(|x| x.conflict)
        .map(|x| x.distributor_id)
        .collect();
    assert_eq!(flagged, vec![b]);
    // Once A's term is over there is nothing to collide with.
    let later = agreement::get(
        &db,
        &dealerdesk_core::actor::Access::Open,
        bd.agreement.id,
        day("2027-01-02"),
    )
    .await
    .unwrap();
    assert!(later.conflicts.is_empty());
}

#[tokio::test]
async fn templates_with_unknown_placeholders_are_refused() {
    let (_dir, db) = fresh().await;
    let mut t = AgreementTemplates::default();
    t.zh.push_str("\n乙方名称：{{distributor.nmae}}\n");
    let e = template::save(&db, &actor(), t).await.unwrap_err();
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
    template::save(&db, &actor(), ok.clone()).await.unwrap();
    assert_eq!(template::load(&db).await.unwrap(), ok);
}

#[tokio::test]
async fn the_agreement_pdf_has_parties_clauses_annexes_and_capitals() {
    let (dir, db) = fresh().await;
    let root = dir.path().join("a");
    let d = distributor::create(
        &db,
        &actor(),
        input("广州恒达商贸有限公司", "91110000802100433B"),
    )
    .await
    .unwrap();
    let mut t = terms(d.id, province("广东省", "广州市"), true);
    t.special_clauses =
        "一、乙方须在每月 5 日前报送上月进销存数据。\n二、新品上市首月不计入目标考核。".into();
    let id = signed(&db, &root, t).await;
    let keep = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../target/test-artifacts");
    std::fs::create_dir_all(&keep).unwrap();
    for lang in dealerdesk_core::lang::Lang::ALL {
        let path = dir.path().join(format!("ht-{lang}.pdf"));
        let written = print::save_pdf(
            &db,
            &AgreementPdfRequest {
                id,
                lang,
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
        if !lang.is_en() {
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
            lang: dealerdesk_core::lang::Lang::ZhCn,
            path: String::new(),
        },
        &dir.path().join("prints"),
        day("2026-01-10"),
    )
    .await
    .unwrap();
    assert!(p.ends_with("HT-2025-0001-v1-zh-CN.pdf"), "{p}");
}
