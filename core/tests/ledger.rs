mod common;
use common::actor;

use std::sync::atomic::AtomicBool;
use std::sync::Arc;

use common::{day, fresh, tool};
use dealerdesk_core::ledger::batch::{self, BatchRequest};
use dealerdesk_core::ledger::import::import;
use dealerdesk_core::ledger::statement::{self, StatementRequest};
use dealerdesk_core::ledger::statement_layout;
use dealerdesk_core::ledger::{self, EntryInput, EntryKind, LedgerQuery, ReverseRequest};
use dealerdesk_core::settings::{self, CompanyProfile, StatementSettings};
use dealerdesk_core::{demo, distributor, AppError, DatabaseConnection};

const DIST_HEADER: &str = "code,name,uscc,contact_name,contact_phone,province,city,address,status,credit_limit,payment_terms_days";

/// Active distributors D1.., named as given, through the real distributor import.
async fn active(db: &DatabaseConnection, dir: &std::path::Path, names: &[&str]) -> Vec<i64> {
    let file = dir.join("d.csv");
    let rows: Vec<String> = names
        .iter()
        .enumerate()
        .map(|(i, n)| {
            format!(
                "D{},{n},{},王伟,13812345678,上海市,上海市,浦东新区张江路 88 号,active,100000.00,30",
                i + 1,
                demo::uscc_for(i as u64 + 1)
            )
        })
        .collect();
    std::fs::write(
        &file,
        [DIST_HEADER.to_owned()]
            .into_iter()
            .chain(rows)
            .collect::<Vec<_>>()
            .join("\n"),
    )
    .unwrap();
    dealerdesk_core::distributor::transfer::import(db, &actor(), &file)
        .await
        .unwrap();
    let mut ids = vec![];
    for i in 0..names.len() {
        ids.push(
            distributor::get_by_code(db, &format!("D{}", i + 1))
                .await
                .unwrap()
                .unwrap()
                .id,
        );
    }
    ids
}

/// Reverses entry `id` on `date` for `reason`.
async fn reverse(
    db: &DatabaseConnection,
    id: i64,
    date: &str,
    reason: &str,
) -> Result<ledger::LedgerEntry, AppError> {
    ledger::reverse(
        db,
        &actor(),
        &ReverseRequest {
            entry_id: id,
            date: date.into(),
            reason: reason.into(),
        },
    )
    .await
}

fn entry(id: i64, date: &str, doc: &str, kind: EntryKind, amount: &str) -> EntryInput {
    EntryInput {
        distributor_id: id,
        date: date.into(),
        doc_no: doc.into(),
        kind: Some(kind),
        amount: amount.into(),
        description: "货款".into(),
        ..Default::default()
    }
}

fn codes(e: &AppError) -> Vec<(String, String)> {
    match e {
        AppError::Validation { fields } => fields
            .iter()
            .map(|f| (f.field.clone(), f.code.key().to_owned()))
            .collect(),
        AppError::ImportRejected { errors } => errors
            .iter()
            .map(|f| (format!("{}:{}", f.row, f.field), f.code.key().to_owned()))
            .collect(),
        other => panic!("unexpected {other:?}"),
    }
}

#[tokio::test]
async fn posting_checks_signs_duplicates_and_due_dates() {
    let (dir, db) = fresh().await;
    let [id] = active(&db, dir.path(), &["上海华东经销有限公司"]).await[..] else {
        panic!()
    };

    let bad = ledger::post(
        &db,
        &actor(),
        &entry(id, "2026-13-01", "", EntryKind::Payment, "-5"),
    )
    .await
    .unwrap_err();
    let c = codes(&bad);
    assert!(c.contains(&("date".into(), "date_format".into())), "{c:?}");
    assert!(c.contains(&("doc_no".into(), "required".into())), "{c:?}");
    let neg = ledger::post(
        &db,
        &actor(),
        &entry(id, "2026-01-05", "P1", EntryKind::Payment, "-5"),
    )
    .await
    .unwrap_err();
    assert_eq!(
        codes(&neg),
        vec![("amount".into(), "amount_negative".into())]
    );
    let precise = ledger::post(
        &db,
        &actor(),
        &entry(id, "2026-01-05", "P1", EntryKind::Payment, "5.001"),
    )
    .await
    .unwrap_err();
    assert_eq!(
        codes(&precise),
        vec![("amount".into(), "money_too_precise".into())]
    );

    let inv = ledger::post(
        &db,
        &actor(),
        &entry(id, "2026-01-10", "INV-1", EntryKind::Invoice, "1,000.50"),
    )
    .await
    .unwrap();
    assert_eq!(inv.debit.to_string(), "1000.50");
    assert_eq!(
        inv.due_date, "2026-02-09",
        "date + 30 days of payment terms"
    );
    let opening = ledger::post(
        &db,
        &actor(),
        &entry(id, "2025-12-31", "OB", EntryKind::Opening, "200"),
    )
    .await
    .unwrap();
    assert_eq!(opening.due_date, "2025-12-31");
    let adj = ledger::post(
        &db,
        &actor(),
        &entry(id, "2026-01-11", "A1", EntryKind::Adjustment, "-0.50"),
    )
    .await
    .unwrap();
    assert_eq!(
        (adj.debit.to_string(), adj.credit.to_string()),
        ("0.00".into(), "0.50".into())
    );
    let mut explicit = entry(id, "2026-01-12", "INV-2", EntryKind::Invoice, "10");
    explicit.due_date = "2026-01-20".into();
    assert_eq!(
        ledger::post(&db, &actor(), &explicit)
            .await
            .unwrap()
            .due_date,
        "2026-01-20"
    );

    let dup = ledger::post(
        &db,
        &actor(),
        &entry(id, "2026-02-01", "INV-1", EntryKind::Invoice, "5"),
    )
    .await
    .unwrap_err();
    assert!(
        matches!(dup, AppError::Conflict { ref field, .. } if field == "doc_no"),
        "{dup:?}"
    );
    // The same number under another kind is another document.
    ledger::post(
        &db,
        &actor(),
        &entry(id, "2026-02-01", "INV-1", EntryKind::Payment, "5"),
    )
    .await
    .unwrap();

    // Posted entries cannot be changed, even with SQL.
    use sea_orm::ConnectionTrait;
    assert!(db
        .execute_unprepared("UPDATE ledger_entry SET amount_fen = 1")
        .await
        .is_err());
    assert!(db
        .execute_unprepared("DELETE FROM ledger_entry")
        .await
        .is_err());
}

#[tokio::test]
async fn reversal_links_and_nets_to_zero() {
    let (dir, db) = fresh().await;
    let [id] = active(&db, dir.path(), &["杭州百川商贸有限公司"]).await[..] else {
        panic!()
    };
    let inv = ledger::post(
        &db,
        &actor(),
        &entry(id, "2026-03-01", "INV-9", EntryKind::Invoice, "880.00"),
    )
    .await
    .unwrap();
    let early = reverse(&db, inv.id, "2026-02-01", "错录")
        .await
        .unwrap_err();
    assert_eq!(
        codes(&early),
        vec![("date".into(), "reverse_before_entry".into())]
    );
    let no_reason = reverse(&db, inv.id, "2026-03-02", " ").await.unwrap_err();
    assert_eq!(
        codes(&no_reason),
        vec![("reason".into(), "required".into())]
    );
    let rev = reverse(&db, inv.id, "2026-03-02", "错录").await.unwrap();
    assert_eq!(rev.kind, EntryKind::Adjustment);
    assert_eq!(rev.amount.to_string(), "-880.00");
    assert_eq!(rev.reverses_id, Some(inv.id));
    let again = reverse(&db, inv.id, "2026-03-03", "x").await.unwrap_err();
    assert_eq!(
        codes(&again),
        vec![("entry_id".into(), "already_reversed".into())]
    );

    let list = ledger::list(
        &db,
        &LedgerQuery {
            distributor_id: id,
            ..Default::default()
        },
    )
    .await
    .unwrap()
    .rows;
    assert_eq!(list.len(), 2);
    assert_eq!(list[0].reversed_by_id, Some(rev.id));
    let only_adj = ledger::list(
        &db,
        &LedgerQuery {
            distributor_id: id,
            kinds: vec![EntryKind::Adjustment],
            ..Default::default()
        },
    )
    .await
    .unwrap();
    assert_eq!((only_adj.rows.len(), only_adj.total), (1, 1));

    let s = statement::load(
        &db,
        &StatementRequest {
            distributor_id: id,
            from: "2026-03-01".into(),
            to: "2026-12-31".into(),
        },
    )
    .await
    .unwrap();
    assert_eq!(s.closing_balance.to_string(), "0.00");
    assert_eq!(s.closing_balance_in_words, "人民币零元整");
}

const LEDGER_HEADER: &str =
    "distributor_code,date,doc_no,kind,amount,description,fapiao_no,due_date";

#[tokio::test]
async fn import_is_all_or_nothing_and_idempotent() {
    let (dir, db) = fresh().await;
    let [a, _b] = active(&db, dir.path(), &["甲经销", "乙经销"]).await[..] else {
        panic!()
    };
    let bad = dir.path().join("bad.csv");
    std::fs::write(
        &bad,
        [
            LEDGER_HEADER,
            "D1,2026-01-05,INV-1,invoice,1000.00,一月发货,12345678,",
            "D9,2026-01-06,INV-2,invoice,10,,,",
            "D1,2026/01/07,INV-3,发票?,abc,,,",
            "D2,2026-01-08,PAY-1,payment,-3,,,",
            "D1,2026-01-09,INV-1,invoice,1,,,",
        ]
        .join("\n"),
    )
    .unwrap();
    let e = import(&db, &actor(), &bad).await.unwrap_err();
    let c = codes(&e);
    for want in [
        ("3:distributor_code", "distributor_unknown"),
        ("4:date", "date_format"),
        ("4:kind", "invalid_choice"),
        ("4:amount", "money_invalid"),
        ("5:amount", "amount_negative"),
        ("6:doc_no", "duplicate_in_file"),
    ] {
        assert!(
            c.contains(&(want.0.into(), want.1.into())),
            "{want:?} in {c:?}"
        );
    }
    assert!(
        ledger::list(
            &db,
            &LedgerQuery {
                distributor_id: a,
                ..Default::default()
            }
        )
        .await
        .unwrap()
        .rows
        .is_empty(),
        "nothing written"
    );

    // Chinese headers and kinds, as the zh-CN export writes them.
    let good = dir.path().join("good.csv");
    std::fs::write(
        &good,
        [
            "经销商编号,日期,单据号,类型,金额,摘要,发票号,到期日",
            "D1,2026-01-05,INV-1,销售发票,1000.00,一月发货,12345678,",
            "D1,2026-01-20,PAY-1,回款,400.00,银行转账,,",
            "D2,2026-01-08,INV-7,invoice,99.99,,,2026-01-31",
        ]
        .join("\n"),
    )
    .unwrap();
    let s1 = import(&db, &actor(), &good).await.unwrap();
    assert_eq!((s1.added, s1.skipped), (3, 0));
    let s2 = import(&db, &actor(), &good).await.unwrap();
    assert_eq!(
        (s2.added, s2.skipped),
        (0, 3),
        "importing the same file again adds nothing"
    );

    // The export reads back as an import that adds nothing.
    let out = dir.path().join("export.xlsx");
    assert_eq!(
        dealerdesk_core::ledger::import::export(&db, &out, None, dealerdesk_core::lang::Lang::ZhCn)
            .await
            .unwrap(),
        3
    );
    let s3 = import(&db, &actor(), &out).await.unwrap();
    assert_eq!((s3.added, s3.skipped), (0, 3));
}

async fn company(db: &DatabaseConnection) {
    settings::save_statement_settings(
        db,
        &actor(),
        StatementSettings {
            company: CompanyProfile {
                name: "宁波东海电器制造有限公司".into(),
                address: "浙江省宁波市北仑区新碶街道大港路 99 号".into(),
                phone: "0574-86881234".into(),
                bank_name: "中国工商银行宁波北仑支行".into(),
                bank_account: "3901 1100 0920 0012 345".into(),
                tax_no: demo::uscc_for(900),
            },
            aging_edges: [30, 60, 90],
        },
    )
    .await
    .unwrap();
}

#[tokio::test]
async fn statement_pdf_is_checked_by_real_readers() {
    let (dir, db) = fresh().await;
    company(&db).await;
    let name = "上海华东经销有限公司";
    let [id] = active(&db, dir.path(), &[name]).await[..] else {
        panic!()
    };
    ledger::post(
        &db,
        &actor(),
        &entry(id, "2025-12-31", "OB-2026", EntryKind::Opening, "5000.00"),
    )
    .await
    .unwrap();
    // 120 lines in the period: about three pages.
    for i in 0..120u32 {
        let day = format!("2026-0{}-{:02}", 1 + i / 40, 1 + (i % 40) / 2);
        let (kind, amount) = if i % 4 == 3 {
            (EntryKind::Payment, "3000.00".to_string())
        } else {
            (
                EntryKind::Invoice,
                format!("{}.{:02}", 1000 + i * 7, i % 100),
            )
        };
        let mut e = entry(id, &day, &format!("FP2026{i:05}"), kind, &amount);
        if i % 10 == 0 {
            e.description = "华东区域二季度返利，按季度结算。（含税）货款已于月底前汇入指定账户，请核对，如有疑问请联系财务部。".into();
        }
        ledger::post(&db, &actor(), &e).await.unwrap();
    }
    let s = statement::load(
        &db,
        &StatementRequest {
            distributor_id: id,
            from: "2026-01-01".into(),
            to: "2026-03-31".into(),
        },
    )
    .await
    .unwrap();
    assert_eq!(s.lines.len(), 120);
    assert_eq!(s.opening_balance.to_string(), "5000.00");
    let json = serde_json::to_value(&s).unwrap();
    assert_eq!(
        json["closing_balance"].as_str().unwrap(),
        s.closing_balance.to_string()
    );
    assert!(json["aging"]["d31_60"].is_string());

    let company = settings::load_statement_settings(&db)
        .await
        .unwrap()
        .company;
    for lang in dealerdesk_core::lang::Lang::ALL {
        let bytes = statement_layout::render(&s, &company, lang, "2026-04-02").unwrap();
        let path = dir.path().join(format!("s-{lang}.pdf"));
        std::fs::write(&path, &bytes).unwrap();
        // Kept for a person to look at (target/ is not committed).
        let keep =
            std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../target/test-artifacts");
        std::fs::create_dir_all(&keep).unwrap();
        std::fs::copy(&path, keep.join(format!("statement-{lang}.pdf"))).unwrap();
        let p = path.to_str().unwrap();
        assert!(tool("qpdf", &["--check", p]).contains("No syntax or stream encoding errors"));
        let fonts = tool("pdffonts", &[p]);
        let font_rows: Vec<&str> = fonts.lines().skip(2).collect();
        assert_eq!(font_rows.len(), 2, "{fonts}");
        for row in font_rows {
            assert!(row.contains("+NotoSansHans"), "subset prefix: {row}");
            let cols: Vec<&str> = row.split_whitespace().collect();
            let n = cols.len();
            assert_eq!(
                &cols[n - 5..n - 2],
                &["yes", "yes", "yes"],
                "embedded, subset, unicode: {row}"
            );
        }
        let text = tool("pdftotext", &["-layout", p, "-"]);
        assert!(text.contains(name), "{lang}: distributor name");
        assert!(
            text.contains(&s.closing_balance.grouped()),
            "{lang}: closing balance"
        );
        assert!(text.contains(&s.closing_balance_in_words), "{lang}: 大写");
        assert!(text.contains("宁波东海电器制造有限公司"));
        let info = tool("pdfinfo", &[p]);
        let n: usize = info
            .lines()
            .find(|l| l.starts_with("Pages:"))
            .unwrap()
            .split_whitespace()
            .nth(1)
            .unwrap()
            .parse()
            .unwrap();
        assert!(n >= 3, "{n} pages");
        let (header, forward, page_of) = if lang.is_en() {
            (
                "Balance",
                "Balance brought forward",
                format!("Page {n} of {n}"),
            )
        } else {
            ("借方（应收）", "承前页", format!("第 {n} 页 / 共 {n} 页"))
        };
        // pdftotext drops the spaces between CJK and digits; compare without whitespace.
        let squeeze = |t: &str| t.split_whitespace().collect::<String>();
        assert!(
            squeeze(&text).contains(&squeeze(&page_of)),
            "{lang}: {page_of}"
        );
        let per_page: Vec<&str> = text
            .split('\u{c}')
            .filter(|p| !p.trim().is_empty())
            .collect();
        assert_eq!(per_page.len(), n);
        // Every page that holds ledger lines repeats the header; continuation pages carry the balance forward.
        for (i, page) in per_page.iter().enumerate() {
            if page.contains("FP2026") {
                assert!(page.contains(header), "{lang}: header on page {}", i + 1);
                if i > 0 {
                    assert!(
                        page.contains(forward),
                        "{lang}: brought forward on page {}",
                        i + 1
                    );
                }
            }
        }
        // No wrapped line starts with closing punctuation.
        for line in text.lines() {
            let t = line.trim_start();
            assert!(
                !t.starts_with(['，', '。', '）']),
                "{lang}: line starts with punctuation: {line}"
            );
        }
        assert!(bytes.len() < 100 * 1024, "{} bytes", bytes.len());
    }
}

#[tokio::test]
async fn a_character_the_font_lacks_is_reported() {
    let (dir, db) = fresh().await;
    let [id] = active(&db, dir.path(), &["测试经销部"]).await[..] else {
        panic!()
    };
    let mut e = entry(id, "2026-01-05", "INV-1", EntryKind::Invoice, "10");
    e.description = "型号 \u{E123}".into();
    ledger::post(&db, &actor(), &e).await.unwrap();
    let s = statement::load(
        &db,
        &StatementRequest {
            distributor_id: id,
            from: "2026-01-01".into(),
            to: "2026-01-31".into(),
        },
    )
    .await
    .unwrap();
    match statement_layout::render(
        &s,
        &CompanyProfile::default(),
        dealerdesk_core::lang::Lang::ZhCn,
        "2026-02-01",
    ) {
        Err(AppError::MissingGlyphs { chars }) => assert_eq!(chars, "\u{E123}"),
        other => panic!("{:?}", other.map(|b| b.len())),
    }
}

#[tokio::test]
async fn batch_writes_one_pdf_per_active_distributor_and_cancel_leaves_no_part_files() {
    let (dir, db) = fresh().await;
    company(&db).await;
    let ids = active(&db, dir.path(), &["甲经销", "乙经销", "丙经销"]).await;
    for (n, id) in ids.iter().enumerate() {
        ledger::post(
            &db,
            &actor(),
            &entry(
                *id,
                "2026-01-05",
                &format!("INV-{n}"),
                EntryKind::Invoice,
                "100",
            ),
        )
        .await
        .unwrap();
    }
    let out = dir.path().join("out");
    let req = BatchRequest {
        from: "2026-01-01".into(),
        to: "2026-01-31".into(),
        out_dir: out.display().to_string(),
        lang: dealerdesk_core::lang::Lang::ZhCn,
        merged: true,
    };
    let seen = Arc::new(std::sync::Mutex::new(vec![]));
    let seen2 = seen.clone();
    let summary = batch::run(
        &db,
        &req,
        Arc::new(AtomicBool::new(false)),
        Arc::new(move |p| seen2.lock().unwrap().push(p.done)),
        day("2026-04-01"),
    )
    .await
    .unwrap();
    assert_eq!(summary.files, 3);
    for code in ["D1", "D2", "D3"] {
        assert!(out.join(format!("{code}.pdf")).is_file());
    }
    let merged = summary.merged_path.unwrap();
    let text = tool("pdftotext", &[&merged, "-"]);
    for name in ["甲经销", "乙经销", "丙经销"] {
        assert!(text.contains(name));
    }
    let mut done = seen.lock().unwrap().clone();
    done.sort();
    assert_eq!(done, vec![0, 1, 2, 3]);

    let out2 = dir.path().join("cancelled");
    let req2 = BatchRequest {
        out_dir: out2.display().to_string(),
        ..req
    };
    let err = batch::run(
        &db,
        &req2,
        Arc::new(AtomicBool::new(true)),
        Arc::new(|_| {}),
        day("2026-04-01"),
    )
    .await
    .unwrap_err();
    assert!(matches!(err, AppError::Cancelled));
    let left: Vec<_> = std::fs::read_dir(&out2)
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert!(left.is_empty(), "{left:?}");
}

#[tokio::test]
async fn statement_settings_are_validated() {
    let (_dir, db) = fresh().await;
    let e = settings::save_statement_settings(
        &db,
        &actor(),
        StatementSettings {
            aging_edges: [30, 30, 90],
            ..Default::default()
        },
    )
    .await
    .unwrap_err();
    assert_eq!(
        codes(&e),
        vec![("aging_edges".into(), "aging_edges_order".into())]
    );
    let ok = settings::save_statement_settings(
        &db,
        &actor(),
        StatementSettings {
            aging_edges: [15, 45, 120],
            ..Default::default()
        },
    )
    .await
    .unwrap();
    assert_eq!(settings::load_statement_settings(&db).await.unwrap(), ok);
}
