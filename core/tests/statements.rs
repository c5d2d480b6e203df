//! Statements of account: the PDF as real readers see it, a character the
//! font lacks (refused at entry, a substitute in stored data, a batch going
//! on past a failed file), the batch (one PDF per active distributor, cancel leaves no
//! part files) and the statement settings.
mod common;
use common::actor;

use std::sync::atomic::AtomicBool;
use std::sync::Arc;

use common::ledger::{active, entry};
use common::{actor_on, codes, day, fresh, tool};
use dealerdesk_core::ledger::batch::{self, BatchRequest};
use dealerdesk_core::ledger::statement::{self, StatementRequest};
use dealerdesk_core::ledger::statement_layout;
use dealerdesk_core::ledger::{self, EntryKind};
use dealerdesk_core::settings::{self, CompanyProfile, StatementSettings};
use dealerdesk_core::{demo, AppError, DatabaseConnection};

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
                ..Default::default()
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
        let bytes = statement_layout::render(&s, &company, lang, "2026-04-02")
            .unwrap()
            .bytes;
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

/// January 2026's statements of every active distributor, in Chinese, into `out`.
fn january_batch(out: &std::path::Path) -> BatchRequest {
    BatchRequest {
        from: "2026-01-01".into(),
        to: "2026-01-31".into(),
        out_dir: out.display().to_string(),
        lang: dealerdesk_core::lang::Lang::ZhCn,
        merged: false,
    }
}

/// One distributor's January 2026 statement, in Chinese, saved at `path`.
fn january_pdf(distributor_id: i64, path: &std::path::Path) -> statement::StatementPdfRequest {
    statement::StatementPdfRequest {
        distributor_id,
        from: "2026-01-01".into(),
        to: "2026-01-31".into(),
        lang: dealerdesk_core::lang::Lang::ZhCn,
        path: path.display().to_string(),
    }
}

/// Stores an entry as an older version could: past the checks at entry, so
/// with a character the font lacks.
async fn stored_before_the_rule(db: &DatabaseConnection, distributor_id: i64, description: &str) {
    use sea_orm::ConnectionTrait;
    assert!(!description.contains('\''));
    db.execute_unprepared(&format!(
        "INSERT INTO ledger_entry (distributor_id, entry_date, doc_no, kind, amount_fen, \
         description, fapiao_no, due_date, created_at, created_by) \
         SELECT {distributor_id}, entry_date, 'OLD-1', kind, amount_fen, '{description}', \
         fapiao_no, due_date, created_at, created_by FROM ledger_entry LIMIT 1"
    ))
    .await
    .unwrap();
}

#[tokio::test]
async fn a_character_the_font_lacks_prints_as_a_substitute_and_the_batch_goes_on() {
    let (dir, db) = fresh().await;
    company(&db).await;
    let ids = active(&db, dir.path(), &["甲经销", "乙经销", "丙经销"]).await;
    for (n, id) in ids.iter().enumerate() {
        let e = entry(
            *id,
            "2026-01-05",
            &format!("INV-{n}"),
            EntryKind::Invoice,
            "10",
        );
        ledger::post(&db, &actor(), &e).await.unwrap();
    }
    // Refused at entry now, naming the character…
    let mut e = entry(ids[0], "2026-01-06", "INV-X", EntryKind::Invoice, "10");
    e.description = "型号 \u{E123}".into();
    let err = ledger::post(&db, &actor(), &e).await.unwrap_err();
    assert_eq!(
        codes(&err),
        [("description".to_string(), "unprintable".to_string())]
    );
    let AppError::Validation { fields } = &err else {
        panic!()
    };
    assert_eq!(fields[0].detail.as_deref(), Some("\u{E123} U+E123"));
    // …but stored by an older version, it never blocks the statement.
    stored_before_the_rule(&db, ids[0], "型号 \u{E123}😀").await;
    let req = |id| StatementRequest {
        distributor_id: id,
        from: "2026-01-01".into(),
        to: "2026-01-31".into(),
    };
    let s = statement::load(&db, &req(ids[0])).await.unwrap();
    let printed = statement_layout::render(
        &s,
        &CompanyProfile::default(),
        dealerdesk_core::lang::Lang::ZhCn,
        "2026-02-01",
    )
    .unwrap();
    assert_eq!(printed.substituted, "\u{E123}😀");
    let saved = statement::save_pdf(
        &db,
        &january_pdf(ids[0], &dir.path().join("one.pdf")),
        dir.path(),
        day("2026-02-01"),
        None,
    )
    .await
    .unwrap();
    assert_eq!(saved.substituted, "\u{E123}😀");
    // Never over the database's own files, never without `.pdf` (a server
    // database has no attachments folder here to protect).
    for (path, code) in [
        ("t.sqlite", "file_type"),
        ("t.sqlite-wal", "file_type"),
        ("statement.txt", "file_type"),
        ("attachments/1/licence.pdf", "output_path"),
    ]
    .into_iter()
    .filter(|(p, _)| !(common::on_server() && p.starts_with("attachments")))
    {
        let err = statement::save_pdf(
            &db,
            &january_pdf(ids[0], &dir.path().join(path)),
            dir.path(),
            day("2026-02-01"),
            None,
        )
        .await
        .unwrap_err();
        assert_eq!(
            codes(&err),
            [("path".to_string(), code.to_string())],
            "{path}"
        );
    }
    if !common::on_server() {
        let batch_err = batch::run(
            &db,
            &january_batch(&dir.path().join("attachments")),
            Arc::new(AtomicBool::new(false)),
            Arc::new(|_| {}),
            &actor_on(day("2026-02-01")),
        )
        .await
        .unwrap_err();
        assert_eq!(
            codes(&batch_err),
            [("out_dir".to_string(), "output_path".to_string())]
        );
    }
    let text = tool("pdftotext", &[&saved.path, "-"]);
    assert!(text.contains("型号 □□"), "{text}");

    // A batch goes on past a statement it cannot write (a folder stands
    // where D2's file would go) and lists it, and the substitutes.
    let out = dir.path().join("out");
    std::fs::create_dir_all(out.join("D2.pdf")).unwrap();
    let summary = batch::run(
        &db,
        &january_batch(&out),
        Arc::new(AtomicBool::new(false)),
        Arc::new(|_| {}),
        &actor_on(day("2026-02-01")),
    )
    .await
    .unwrap();
    assert_eq!(summary.files, 2);
    assert!(out.join("D1.pdf").is_file() && out.join("D3.pdf").is_file());
    let failed: Vec<_> = summary.failed.iter().map(|f| f.code.as_str()).collect();
    assert_eq!(failed, ["D2"]);
    assert!(matches!(summary.failed[0].error, AppError::Io { .. }));
    let subs: Vec<_> = summary
        .substituted
        .iter()
        .map(|s| (s.code.as_str(), s.chars.as_str()))
        .collect();
    assert_eq!(subs, [("D1", "\u{E123}😀")]);
    // Only the statements written are recorded as issued.
    let runs = dealerdesk_core::ledger::runs::list(
        &db,
        &dealerdesk_core::ledger::runs::RunQuery::default(),
        day("2026-02-01"),
    )
    .await
    .unwrap();
    let mut issued: Vec<i64> = runs.iter().map(|r| r.distributor_id).collect();
    issued.sort();
    assert_eq!(issued, [ids[0], ids[2]]);
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
        &actor_on(day("2026-04-01")),
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
        &actor_on(day("2026-04-01")),
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
