mod common;
use common::actor;
use dealerdesk_core::actor::Actor;
use dealerdesk_core::paging::Paging;

use common::{fresh, input, OP};
use dealerdesk_core::distributor::{
    self, DistributorQuery, SortField, Status, Tier, TierChangeRequest, TransitionRequest,
};
use dealerdesk_core::{audit, demo, settings, AppError};
use sea_orm::{ConnectionTrait, Statement};

const USCC_OK: &str = "91110000802100433B";
const USCC_BAD: &str = "91110000802100433C";

#[tokio::test]
async fn database_is_wal_with_foreign_keys() {
    let (_dir, db) = common::fresh_file().await;
    let q = |sql: &str| Statement::from_string(db.get_database_backend(), sql.to_owned());
    let row = db
        .query_one_raw(q("PRAGMA journal_mode"))
        .await
        .unwrap()
        .unwrap();
    assert_eq!(row.try_get_by_index::<String>(0).unwrap(), "wal");
    let row = db
        .query_one_raw(q("PRAGMA foreign_keys"))
        .await
        .unwrap()
        .unwrap();
    assert_eq!(row.try_get_by_index::<i32>(0).unwrap(), 1);
    // A status change for a distributor that does not exist is refused by the FK.
    let err = db
        .execute_unprepared(
            "INSERT INTO status_change (distributor_id, from_status, to_status, effective_date, operator, reason, created_at) \
             VALUES (999, '', 'active', '2026-01-01', 'x', '', '2026-01-01T00:00:00Z')",
        )
        .await;
    assert!(err.is_err());
}

#[tokio::test]
async fn wrong_check_character_is_refused_then_fixed_code_saves() {
    let (_dir, db) = fresh().await;
    let err = distributor::create(&db, &actor(), input("广州华盛商贸有限公司", USCC_BAD))
        .await
        .unwrap_err();
    match err {
        AppError::Validation { fields } => {
            assert_eq!(fields.len(), 1);
            assert_eq!(fields[0].field, "uscc");
            assert_eq!(fields[0].code, "uscc_check_char");
            assert_eq!(fields[0].detail.as_deref(), Some("B"));
        }
        other => panic!("expected validation, got {other:?}"),
    }
    assert_eq!(
        distributor::list(
            &db,
            &dealerdesk_core::actor::Access::Open,
            &DistributorQuery::default()
        )
        .await
        .unwrap()
        .total,
        0
    );

    let d = distributor::create(&db, &actor(), input("广州华盛商贸有限公司", USCC_OK))
        .await
        .unwrap();
    assert_eq!(d.code, "DS00001");
    assert_eq!(d.short_name, "广州华盛商贸有限公司");
    assert_eq!(d.status, Status::Applicant);
    assert_eq!(d.credit_limit.to_string(), "200000.00");

    for term in ["华盛", "ds0000", "433B", "王伟", "138123"] {
        let page = distributor::list(
            &db,
            &dealerdesk_core::actor::Access::Open,
            &DistributorQuery {
                search: term.into(),
                ..Default::default()
            },
        )
        .await
        .unwrap();
        assert_eq!(page.total, 1, "search {term}");
    }
    let none = distributor::list(
        &db,
        &dealerdesk_core::actor::Access::Open,
        &DistributorQuery {
            search: "不存在".into(),
            ..Default::default()
        },
    )
    .await
    .unwrap();
    assert_eq!(none.total, 0);

    let history = audit::list(&db, "distributor", d.id, Paging::ALL)
        .await
        .unwrap()
        .rows;
    assert_eq!(history.len(), 1);
    assert_eq!(history[0].action, "create");
    assert_eq!(history[0].operator, OP);
    assert!(history[0]
        .changes
        .iter()
        .any(|c| c.field == "uscc" && c.after.as_deref() == Some(USCC_OK)));
}

#[tokio::test]
async fn code_and_uscc_are_unique() {
    let (_dir, db) = fresh().await;
    distributor::create(&db, &actor(), input("甲公司", USCC_OK))
        .await
        .unwrap();
    let err = distributor::create(&db, &actor(), input("乙公司", USCC_OK))
        .await
        .unwrap_err();
    assert!(
        matches!(err, AppError::Conflict { ref field, .. } if field == "uscc"),
        "{err:?}"
    );
    let mut i = input("乙公司", &demo::uscc_for(7));
    i.code = "DS00001".into();
    let err = distributor::create(&db, &actor(), i).await.unwrap_err();
    assert!(
        matches!(err, AppError::Conflict { ref field, .. } if field == "code"),
        "{err:?}"
    );
}

#[tokio::test]
async fn update_records_field_level_audit() {
    let (_dir, db) = fresh().await;
    let d = distributor::create(&db, &actor(), input("甲公司", USCC_OK))
        .await
        .unwrap();
    let mut i = input("甲公司", USCC_OK);
    i.credit_limit = "350000.5".into();
    i.contact_phone = "021-62345678".into();
    let li_na = Actor::new("李娜", common::clock()).unwrap();
    let u = distributor::update(&db, &li_na, d.id, i).await.unwrap();
    assert_eq!(u.credit_limit.to_string(), "350000.50");
    assert_eq!(u.code, d.code);
    let history = audit::list(&db, "distributor", d.id, Paging::ALL)
        .await
        .unwrap()
        .rows;
    assert_eq!(history[0].action, "update");
    assert_eq!(history[0].operator, "李娜");
    let mut fields: Vec<_> = history[0]
        .changes
        .iter()
        .map(|c| c.field.as_str())
        .collect();
    fields.sort();
    assert_eq!(fields, ["contact_phone", "credit_limit"]);
    let c = history[0]
        .changes
        .iter()
        .find(|c| c.field == "credit_limit")
        .unwrap();
    assert_eq!(c.before.as_deref(), Some("200000.00"));
    assert_eq!(c.after.as_deref(), Some("350000.50"));
}

#[tokio::test]
async fn audit_entries_cannot_be_changed() {
    let (_dir, db) = fresh().await;
    distributor::create(&db, &actor(), input("甲公司", USCC_OK))
        .await
        .unwrap();
    assert!(db
        .execute_unprepared("UPDATE audit_entry SET operator = 'x'")
        .await
        .is_err());
    assert!(db
        .execute_unprepared("DELETE FROM audit_entry")
        .await
        .is_err());
}

#[tokio::test]
async fn lifecycle_allows_only_legal_moves() {
    let (_dir, db) = fresh().await;
    let d = distributor::create(&db, &actor(), input("甲公司", USCC_OK))
        .await
        .unwrap();
    let go = |to: Status, reason: &str| TransitionRequest {
        id: d.id,
        to,
        date: "2026-11-20".into(),
        reason: reason.into(),
    };
    let err = distributor::transition(&db, &actor(), go(Status::Active, ""))
        .await
        .unwrap_err();
    assert!(
        matches!(err, AppError::IllegalTransition { ref from, ref to } if from == "applicant" && to == "active")
    );
    for s in [Status::UnderReview, Status::Approved, Status::Active] {
        distributor::transition(&db, &actor(), go(s, ""))
            .await
            .unwrap();
    }
    let err = distributor::transition(&db, &actor(), go(Status::Suspended, " "))
        .await
        .unwrap_err();
    assert!(matches!(err, AppError::Validation { ref fields } if fields[0].field == "reason"));
    distributor::transition(&db, &actor(), go(Status::Suspended, "逾期未回款"))
        .await
        .unwrap();
    distributor::transition(&db, &actor(), go(Status::Active, ""))
        .await
        .unwrap();
    distributor::transition(&db, &actor(), go(Status::Terminated, "合同到期不续"))
        .await
        .unwrap();
    let err = distributor::transition(&db, &actor(), go(Status::Active, ""))
        .await
        .unwrap_err();
    assert!(matches!(err, AppError::IllegalTransition { .. }));

    let detail = distributor::get(&db, &dealerdesk_core::actor::Access::Open, d.id)
        .await
        .unwrap();
    assert_eq!(detail.distributor.status, Status::Terminated);
    assert!(detail.allowed_transitions.is_empty());
    let moves: Vec<_> = detail.status_history.iter().rev().map(|h| h.to).collect();
    assert_eq!(
        moves,
        [
            Status::Applicant,
            Status::UnderReview,
            Status::Approved,
            Status::Active,
            Status::Suspended,
            Status::Active,
            Status::Terminated
        ]
    );
    assert_eq!(detail.status_history[0].reason, "合同到期不续");
    assert_eq!(detail.status_history[0].date, "2026-11-20");
}

#[tokio::test]
async fn tier_changes_keep_history_with_reason() {
    let (_dir, db) = fresh().await;
    let d = distributor::create(&db, &actor(), input("甲公司", USCC_OK))
        .await
        .unwrap();
    let req = |tier, reason: &str| TierChangeRequest {
        id: d.id,
        tier,
        reason: reason.into(),
    };
    assert!(distributor::change_tier(&db, &actor(), req(Tier::Core, ""))
        .await
        .is_err());
    assert!(
        distributor::change_tier(&db, &actor(), req(Tier::Basic, "同级"))
            .await
            .is_err()
    );
    distributor::change_tier(&db, &actor(), req(Tier::Core, "年度销量达标"))
        .await
        .unwrap();
    let detail = distributor::get(&db, &dealerdesk_core::actor::Access::Open, d.id)
        .await
        .unwrap();
    assert_eq!(detail.distributor.tier, Tier::Core);
    assert_eq!(detail.tier_history.len(), 2);
    assert_eq!(detail.tier_history[0].from, Some(Tier::Basic));
    assert_eq!(detail.tier_history[0].reason, "年度销量达标");
}

#[tokio::test]
async fn list_filters_sorts_and_pages() {
    let (_dir, db) = fresh().await;
    demo::generate(&db, &actor(), 60).await.unwrap();
    let all = distributor::list(
        &db,
        &dealerdesk_core::actor::Access::Open,
        &DistributorQuery {
            paging: Paging::first(20),
            ..Default::default()
        },
    )
    .await
    .unwrap();
    assert_eq!(all.total, 60);
    assert_eq!(all.rows.len(), 20);
    assert_eq!(all.rows[0].code, "DS00001");
    let core = distributor::list(
        &db,
        &dealerdesk_core::actor::Access::Open,
        &DistributorQuery {
            tier: Some(Tier::Core),
            ..Default::default()
        },
    )
    .await
    .unwrap();
    assert!(core.total > 0 && core.rows.iter().all(|d| d.tier == Tier::Core));
    let gd = distributor::list(
        &db,
        &dealerdesk_core::actor::Access::Open,
        &DistributorQuery {
            province: Some("广东省".into()),
            ..Default::default()
        },
    )
    .await
    .unwrap();
    assert!(gd.total > 0 && gd.rows.iter().all(|d| d.province == "广东省"));
    let region = distributor::list(
        &db,
        &dealerdesk_core::actor::Access::Open,
        &DistributorQuery {
            province: Some("华南".into()),
            ..Default::default()
        },
    )
    .await
    .unwrap();
    assert!(region.total >= gd.total);
    let by_limit = distributor::list(
        &db,
        &dealerdesk_core::actor::Access::Open,
        &DistributorQuery {
            sort: SortField::CreditLimit,
            descending: true,
            ..Default::default()
        },
    )
    .await
    .unwrap();
    let limits: Vec<_> = by_limit.rows.iter().map(|d| d.credit_limit).collect();
    let mut sorted = limits.clone();
    sorted.sort_by(|a, b| b.cmp(a));
    assert_eq!(limits, sorted);
    let page3 = distributor::list(
        &db,
        &dealerdesk_core::actor::Access::Open,
        &DistributorQuery {
            paging: Paging {
                offset: 40,
                limit: 20,
            },
            ..Default::default()
        },
    )
    .await
    .unwrap();
    assert_eq!(page3.rows.len(), 20);
    assert_eq!(page3.rows[0].code, "DS00041");
}

#[tokio::test]
async fn writes_need_an_operator() {
    // An office without users: on a server everyone logs in instead.
    let (_dir, db) = common::fresh_file().await;
    let is_operator_required = |e: &AppError| matches!(e, AppError::Validation { fields } if fields[0].field == "operator_name");
    // No name given and none in Settings: refused, never made up.
    let err = settings::actor(&db, None, common::clock())
        .await
        .unwrap_err();
    assert!(is_operator_required(&err), "{err:?}");
    let err = settings::actor(&db, Some("  "), common::clock())
        .await
        .unwrap_err();
    assert!(is_operator_required(&err), "{err:?}");
    assert!(is_operator_required(
        &Actor::new("  ", common::clock()).unwrap_err()
    ));
    // A given name wins over Settings; without one, the Settings name is used.
    let mut s = settings::load(&db).await.unwrap();
    s.operator_name = "王芳".into();
    settings::save(&db, s, common::clock(), None).await.unwrap();
    let a = settings::actor(&db, None, common::clock()).await.unwrap();
    assert_eq!(a.operator(), "王芳");
    let a = settings::actor(&db, Some(" 李娜 "), common::clock())
        .await
        .unwrap();
    assert_eq!(a.operator(), "李娜");
}
