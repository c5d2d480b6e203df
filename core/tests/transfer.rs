mod common;
use common::actor;

use common::{codes, fresh};
use dealerdesk_core::distributor::transfer::{
    export, import, preview, ExportRequest, ImportAction,
};
use dealerdesk_core::distributor::{self, DistributorQuery, Status, Tier};
use dealerdesk_core::paging::Paging;
use dealerdesk_core::{db, demo, AppError};

const HEADER: &str = "code,name,short_name,uscc,legal_representative,contact_name,contact_phone,contact_email,province,city,county,address,tier,status,credit_limit,payment_terms_days";

fn row(code: &str, name: &str, n: u64, tier: &str, status: &str, limit: &str) -> String {
    format!(
        "{code},{name},,{},张三,李四,13912345678,li@example.cn,浙江省,杭州市,西湖区,文三路 1 号,{tier},{status},{limit},45",
        demo::uscc_for(n)
    )
}

#[tokio::test]
async fn a_bad_row_rejects_the_whole_file() {
    let (dir, db) = fresh().await;
    let file = dir.path().join("in.csv");
    let bad = row("D2", "乙", 2, "gold", "active", "1.005").replace("13912345678", "123");
    std::fs::write(
        &file,
        [
            HEADER.to_owned(),
            row("D1", "甲", 1, "core", "active", "1000"),
            bad,
        ]
        .join("\n"),
    )
    .unwrap();

    let p = preview(&db, &file).await.unwrap();
    let mut found: Vec<_> = p
        .errors
        .iter()
        .map(|e| (e.row, e.field.as_str(), e.code.key()))
        .collect();
    found.sort();
    assert_eq!(
        found,
        [
            (3, "contact_phone", "phone_format"),
            (3, "credit_limit", "money_too_precise"),
            (3, "tier", "invalid_choice")
        ]
    );
    let err = import(&db, &actor(), &file).await.unwrap_err();
    let AppError::ImportRejected { errors } = err else {
        panic!("{err:?}")
    };
    assert_eq!(errors.len(), 3);
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
}

#[tokio::test]
async fn reimport_updates_by_code_instead_of_duplicating() {
    let (dir, db) = fresh().await;
    let file = dir.path().join("in.csv");
    std::fs::write(
        &file,
        [
            HEADER.to_owned(),
            row("D1", "甲公司", 1, "core", "active", "\"1,000.50\""),
            row("", "乙公司", 2, "", "", ""),
        ]
        .join("\r\n"),
    )
    .unwrap();
    let p = preview(&db, &file).await.unwrap();
    assert!(p.errors.is_empty(), "{:?}", p.errors);
    assert_eq!((p.creates, p.updates), (2, 0));
    let s = import(&db, &actor(), &file).await.unwrap();
    assert_eq!((s.created, s.updated), (2, 0));

    std::fs::write(
        &file,
        [
            format!("{HEADER},status_reason"),
            row("D1", "甲公司（新）", 1, "strategic", "suspended", "2000") + ",整改期间暂停",
        ]
        .join("\n"),
    )
    .unwrap();
    let p = preview(&db, &file).await.unwrap();
    assert_eq!(p.rows[0].action, ImportAction::Update);
    let s = import(&db, &actor(), &file).await.unwrap();
    assert_eq!((s.created, s.updated), (0, 1));

    let all = distributor::list(
        &db,
        &dealerdesk_core::actor::Access::Open,
        &DistributorQuery::default(),
    )
    .await
    .unwrap();
    assert_eq!(all.total, 2);
    let d1 = all.rows.iter().find(|d| d.code == "D1").unwrap();
    assert_eq!(d1.name, "甲公司（新）");
    assert_eq!(d1.tier, Tier::Strategic);
    assert_eq!(d1.status, Status::Suspended);
    assert_eq!(d1.credit_limit.to_string(), "2000.00");
    assert_eq!(d1.payment_terms_days, 45);
    let generated = all.rows.iter().find(|d| d.name == "乙公司").unwrap();
    assert_eq!(generated.code, "DS00001");
    assert_eq!(generated.status, Status::Applicant);
    let detail = distributor::get(&db, &dealerdesk_core::actor::Access::Open, d1.id)
        .await
        .unwrap();
    assert_eq!(detail.tier_history[0].reason, "import");
}

#[tokio::test]
async fn duplicate_keys_in_a_file_and_unknown_headers_are_reported() {
    let (dir, db) = fresh().await;
    let file = dir.path().join("in.csv");
    std::fs::write(
        &file,
        [
            HEADER.to_owned(),
            row("D1", "甲", 1, "", "", ""),
            row("D1", "乙", 1, "", "", ""),
        ]
        .join("\n"),
    )
    .unwrap();
    let p = preview(&db, &file).await.unwrap();
    let codes: Vec<_> = p
        .errors
        .iter()
        .map(|e| (e.row, e.field.as_str(), e.code.key()))
        .collect();
    assert!(codes.contains(&(3, "code", "duplicate_in_file")));
    assert!(codes.contains(&(3, "uscc", "duplicate_in_file")));

    std::fs::write(
        &file,
        [
            HEADER.to_owned(),
            format!("{},extra", row("D2", "丙", 2, "", "", "")),
        ]
        .join("\n"),
    )
    .unwrap();
    let p = preview(&db, &file).await.unwrap();
    assert_eq!(p.errors[0].code, "extra_cells");

    std::fs::write(&file, "code,name,colour\nD1,甲,red\n").unwrap();
    let p = preview(&db, &file).await.unwrap();
    let codes: Vec<_> = p
        .errors
        .iter()
        .map(|e| (e.field.as_str(), e.code.key()))
        .collect();
    // An unknown column is ignored and named, as the ledger sheet does.
    assert!(!codes.iter().any(|(f, _)| *f == "colour"), "{codes:?}");
    assert_eq!(p.ignored_columns, vec!["colour".to_string()]);
    assert!(codes.contains(&("uscc", "header_missing")));
    std::fs::write(
        &file,
        format!("{HEADER},备注2\n{},随便\n", row("D7", "丁", 7, "", "", "")),
    )
    .unwrap();
    let s = import(&db, &actor(), &file).await.unwrap();
    assert_eq!(
        (s.created, s.ignored_columns.clone()),
        (1, vec!["备注2".to_string()])
    );

    // Two columns for the name (the key and the Chinese header): refused,
    // naming the second, instead of the last one silently winning.
    std::fs::write(
        &file,
        format!("{HEADER},名称\n{},乙\n", row("D1", "甲", 1, "", "", "")),
    )
    .unwrap();
    let p = preview(&db, &file).await.unwrap();
    let twice: Vec<_> = p
        .errors
        .iter()
        .filter(|e| e.code.key() == "header_twice")
        .map(|e| (e.row, e.field.as_str(), e.detail.as_deref()))
        .collect();
    assert_eq!(twice, vec![(1, "name", Some("名称"))]);
    assert!(import(&db, &actor(), &file).await.is_err());
    assert_eq!(
        distributor::list(
            &db,
            &dealerdesk_core::actor::Access::Open,
            &DistributorQuery::default()
        )
        .await
        .unwrap()
        .total,
        1,
        "nothing written but the earlier D7"
    );
}

#[tokio::test]
async fn zh_export_round_trips_through_xlsx_and_csv() {
    let (dir, db) = fresh().await;
    demo::generate(&db, &actor(), 25).await.unwrap();
    // Every field filled, text that looks like a formula included.
    let basics = DistributorQuery {
        tier: Some(Tier::Basic),
        ..Default::default()
    };
    for d in distributor::list(&db, &dealerdesk_core::actor::Access::Open, &basics)
        .await
        .unwrap()
        .rows
    {
        let mut input: distributor::DistributorInput =
            serde_json::from_value(serde_json::to_value(&d).unwrap()).unwrap();
        input.contact_role = "采购经理".into();
        input.contact_wechat = format!("wx_{}", d.code.to_lowercase());
        input.region = "华东大区".into();
        input.bank_name = "中国工商银行杭州分行".into();
        input.bank_account = "6222 0210 0100 1234".into();
        input.notes = "=SUM(A1) 先款后货, 月结".into();
        distributor::update(&db, &actor(), d.id, input)
            .await
            .unwrap();
    }
    let fields = |d: &distributor::Distributor| {
        let mut v = serde_json::to_value(d).unwrap();
        for k in ["id", "created_at", "updated_at"] {
            v.as_object_mut().unwrap().remove(k);
        }
        v
    };
    for ext in ["xlsx", "csv"] {
        let path = dir.path().join(format!("out.{ext}"));
        let req = ExportRequest {
            path: path.to_string_lossy().into_owned(),
            query: DistributorQuery {
                tier: Some(Tier::Basic),
                ..Default::default()
            },
            language: dealerdesk_core::lang::Lang::ZhCn,
        };
        let n = export(&db, &dealerdesk_core::actor::Access::Open, &req)
            .await
            .unwrap();
        let basics = distributor::list(&db, &dealerdesk_core::actor::Access::Open, &req.query)
            .await
            .unwrap()
            .total;
        assert_eq!(n, basics);

        // Import into a second database: same rows, same exact amounts.
        let dir2 = tempfile::tempdir().unwrap();
        let db2 = db::open(&dir2.path().join("b.sqlite"), chrono::Utc::now())
            .await
            .unwrap()
            .db;
        let s = import(&db2, &actor(), &path).await.unwrap();
        assert_eq!(u64::from(s.created), n);
        let a = distributor::list(&db, &dealerdesk_core::actor::Access::Open, &req.query)
            .await
            .unwrap()
            .rows;
        let b = distributor::list(
            &db2,
            &dealerdesk_core::actor::Access::Open,
            &DistributorQuery::default(),
        )
        .await
        .unwrap()
        .rows;
        assert_eq!(a.len(), b.len());
        for (x, y) in a.iter().zip(&b) {
            // Every field, the contact's role, WeChat, region, bank and notes included.
            assert_eq!(fields(x), fields(y), "{ext}");
            assert_eq!(y.notes, "=SUM(A1) 先款后货, 月结");
        }
    }
}

#[tokio::test]
async fn gbk_csv_from_excel_is_read() {
    let (dir, db) = fresh().await;
    let file = dir.path().join("gbk.csv");
    let text = [
        HEADER.to_owned(),
        row("D9", "杭州恒通贸易有限公司", 9, "基础", "合作中", "500"),
    ]
    .join("\r\n");
    let (bytes, _, _) = encoding_rs_bytes(&text);
    std::fs::write(&file, bytes).unwrap();
    let s = import(&db, &actor(), &file).await.unwrap();
    assert_eq!(s.created, 1);
    let d = distributor::list(
        &db,
        &dealerdesk_core::actor::Access::Open,
        &DistributorQuery::default(),
    )
    .await
    .unwrap()
    .rows
    .remove(0);
    assert_eq!(d.name, "杭州恒通贸易有限公司");
    assert_eq!(d.status, Status::Active);
}

fn encoding_rs_bytes(s: &str) -> (Vec<u8>, (), ()) {
    (encoding_rs::GBK.encode(s).0.into_owned(), (), ())
}

#[tokio::test]
async fn existing_file_is_backed_up_before_migrating() {
    use dealerdesk_migrations::{Migrator, MigratorTrait};
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("old.sqlite");
    let conn = db::open(&path, chrono::Utc::now()).await.unwrap().db;
    // Simulate a file from before the latest migration.
    Migrator::down(&conn, Some(1)).await.unwrap();
    conn.close().await.unwrap();
    let opened = db::open(&path, chrono::Utc::now()).await.unwrap();
    let backup = opened.backup.expect("backup written");
    assert!(backup.exists());
    assert!(backup
        .file_name()
        .unwrap()
        .to_string_lossy()
        .starts_with("old.sqlite.before-migration-"));
    // And the migrated file works.
    assert_eq!(
        distributor::list(
            &opened.db,
            &dealerdesk_core::actor::Access::Open,
            &DistributorQuery::default()
        )
        .await
        .unwrap()
        .total,
        0
    );
}

#[tokio::test]
async fn the_same_file_twice_changes_nothing_and_partial_sheets_keep_other_fields() {
    let (dir, db) = fresh().await;
    let file = dir.path().join("in.csv");
    std::fs::write(
        &file,
        [
            HEADER.to_owned(),
            row("D1", "甲公司", 1, "core", "active", "1000"),
        ]
        .join("\n"),
    )
    .unwrap();
    import(&db, &actor(), &file).await.unwrap();
    let id = distributor::list(
        &db,
        &dealerdesk_core::actor::Access::Open,
        &DistributorQuery::default(),
    )
    .await
    .unwrap()
    .rows[0]
        .id;
    // Fields the sheet does not carry, edited in the app.
    let mut edited = distributor::get(&db, &dealerdesk_core::actor::Access::Open, id)
        .await
        .unwrap()
        .distributor;
    edited.bank_name = "招商银行".into();
    edited.contact_wechat = "jia_wx".into();
    let input = dealerdesk_core::distributor::DistributorInput {
        code: edited.code.clone(),
        name: edited.name.clone(),
        short_name: edited.short_name.clone(),
        uscc: edited.uscc.clone(),
        contact_name: edited.contact_name.clone(),
        contact_phone: edited.contact_phone.clone(),
        contact_wechat: edited.contact_wechat.clone(),
        legal_representative: edited.legal_representative.clone(),
        contact_email: edited.contact_email.clone(),
        province: edited.province.clone(),
        city: edited.city.clone(),
        county: edited.county.clone(),
        address: edited.address.clone(),
        bank_name: edited.bank_name.clone(),
        payment_terms_days: edited.payment_terms_days,
        credit_limit: edited.credit_limit.to_string(),
        tier: edited.tier,
        ..Default::default()
    };
    distributor::update(&db, &actor(), id, input).await.unwrap();
    let audit_before = dealerdesk_core::audit::list(&db, "distributor", id, Paging::ALL)
        .await
        .unwrap()
        .rows
        .len();

    // The full file again: its columns match what is stored, so nothing is written.
    std::fs::write(
        &file,
        [
            HEADER.to_owned(),
            row("D1", "甲公司", 1, "core", "active", "1000"),
        ]
        .join("\n"),
    )
    .unwrap();
    let p = preview(&db, &file).await.unwrap();
    assert_eq!(p.rows[0].action, ImportAction::Unchanged, "{:?}", p.errors);
    let s = import(&db, &actor(), &file).await.unwrap();
    assert_eq!((s.created, s.updated, s.unchanged), (0, 0, 1));
    assert_eq!(
        dealerdesk_core::audit::list(&db, "distributor", id, Paging::ALL)
            .await
            .unwrap()
            .rows
            .len(),
        audit_before
    );

    // A sheet with a few columns changes those and keeps the rest.
    std::fs::write(&file, "编码,名称,统一社会信用代码,联系人,联系电话,省份\nD1,甲公司（更名）,91110000MA000000016,王伟,13800000000,浙江省\n".replace("91110000MA000000016", &demo::uscc_for(1))).unwrap();
    let s = import(&db, &actor(), &file).await.unwrap();
    assert_eq!(s.updated, 1);
    let d = distributor::get(&db, &dealerdesk_core::actor::Access::Open, id)
        .await
        .unwrap()
        .distributor;
    assert_eq!(d.name, "甲公司（更名）");
    assert_eq!(d.bank_name, "招商银行");
    assert_eq!(d.contact_wechat, "jia_wx");
    assert_eq!(d.city, "杭州市");
    assert_eq!(d.credit_limit.to_string(), "1000.00");
    assert_eq!(d.tier, Tier::Core);
}

#[tokio::test]
async fn an_import_moves_a_status_only_along_the_lifecycle() {
    let (dir, db) = fresh().await;
    let file = dir.path().join("in.csv");
    let write = |rows: &[String]| {
        std::fs::write(
            &file,
            std::iter::once(HEADER.to_owned())
                .chain(rows.iter().cloned())
                .collect::<Vec<_>>()
                .join("\n"),
        )
        .unwrap()
    };
    // New rows may start in any status: an existing channel is brought in.
    write(&[
        row("D1", "甲", 1, "core", "active", "1000"),
        row("D2", "乙", 2, "core", "terminated", "1000"),
    ]);
    import(&db, &actor(), &file).await.unwrap();
    let d1 = distributor::get_by_code(&db, "D1").await.unwrap().unwrap();
    assert_eq!(d1.status, "active");
    let detail = distributor::get(&db, &dealerdesk_core::actor::Access::Open, d1.id)
        .await
        .unwrap();
    assert_eq!(detail.status_history.len(), 1);
    assert_eq!(detail.status_history[0].reason, "import");

    // A step that narrows the relationship (active → suspended) says why,
    // as the dialog does: without a reason it is refused, with one it goes
    // through and the reason is the history's.
    write(&[row("D1", "甲", 1, "core", "suspended", "1000")]);
    let err = import(&db, &actor(), &file).await.unwrap_err();
    assert_eq!(
        codes(&err),
        [(
            "2:status_reason".to_string(),
            "status_reason_required".to_string()
        )]
    );
    assert_eq!(
        distributor::get_by_code(&db, "D1")
            .await
            .unwrap()
            .unwrap()
            .status,
        "active"
    );
    std::fs::write(
        &file,
        format!(
            "{HEADER},status_reason\n{},逾期未付款三个月\n",
            row("D1", "甲", 1, "core", "suspended", "1000")
        ),
    )
    .unwrap();
    import(&db, &actor(), &file).await.unwrap();
    let d1 = distributor::get_by_code(&db, "D1").await.unwrap().unwrap();
    assert_eq!(d1.status, "suspended");
    let detail = distributor::get(&db, &dealerdesk_core::actor::Access::Open, d1.id)
        .await
        .unwrap();
    let last = detail.status_history.iter().max_by_key(|h| h.id).unwrap();
    assert_eq!(last.reason, "逾期未付款三个月");

    // A terminated distributor does not come back through a sheet, nor does
    // a suspended one skip back to approved.
    write(&[
        row("D1", "甲", 1, "core", "approved", "1000"),
        row("D2", "乙", 2, "core", "active", "1000"),
    ]);
    let err = import(&db, &actor(), &file).await.unwrap_err();
    let AppError::ImportRejected { errors } = err else {
        panic!("{err:?}")
    };
    let found: Vec<_> = errors
        .iter()
        .map(|e| {
            (
                e.row,
                e.field.as_str(),
                e.code.key(),
                e.detail.clone().unwrap_or_default(),
            )
        })
        .collect();
    assert_eq!(
        found,
        vec![
            (
                2,
                "status",
                "illegal_status_move",
                "suspended → approved".to_string()
            ),
            (
                3,
                "status",
                "illegal_status_move",
                "terminated → active".to_string()
            ),
        ]
    );
    let d2 = distributor::get_by_code(&db, "D2").await.unwrap().unwrap();
    assert_eq!(d2.status, "terminated");
}
