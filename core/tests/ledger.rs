mod common;
use common::actor;

use common::ledger::{active, entry};
use common::{codes, fresh};
use dealerdesk_core::ledger::import::import;
use dealerdesk_core::ledger::statement::{self, StatementRequest};
use dealerdesk_core::ledger::{self, EntryKind, LedgerQuery, ReverseRequest};
use dealerdesk_core::{AppError, DatabaseConnection};

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

    // "1,5" is not 15.00: a comma only separates thousands.
    let comma = ledger::post(
        &db,
        &actor(),
        &entry(id, "2026-01-05", "P1", EntryKind::Payment, "1,5"),
    )
    .await
    .unwrap_err();
    assert_eq!(
        codes(&comma),
        vec![("amount".into(), "money_grouping".into())]
    );

    // Dates outside 1900–2199 are refused: 9999-12-31 would store a due
    // date in the year 10000.
    for date in ["0000-01-01", "9999-12-31", "+10000-01-01"] {
        let far = ledger::post(
            &db,
            &actor(),
            &entry(id, date, "P1", EntryKind::Payment, "5"),
        )
        .await
        .unwrap_err();
        assert_eq!(codes(&far), vec![("date".into(), "date_range".into())]);
    }

    let inv = ledger::post(
        &db,
        &actor(),
        &entry(id, "2026-01-10", "INV-1", EntryKind::Invoice, "1,000.50"),
    )
    .await
    .unwrap();
    // A twin of a document number that differs by an invisible character is
    // refused, not posted twice.
    let twin = ledger::post(
        &db,
        &actor(),
        &entry(
            id,
            "2026-01-10",
            "INV-1\u{200B}",
            EntryKind::Invoice,
            "1,000.50",
        ),
    )
    .await
    .unwrap_err();
    assert_eq!(
        codes(&twin),
        vec![("doc_no".into(), "invisible_character".into())]
    );
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
        &dealerdesk_core::actor::Access::Open,
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
        &dealerdesk_core::actor::Access::Open,
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

    // A 40-character number (the longest typed) reversed: the reversal's
    // number is longer, and the exported ledger still imports.
    let long = "INV-".to_owned() + &"9".repeat(36);
    let inv = ledger::post(
        &db,
        &actor(),
        &entry(id, "2026-04-01", &long, EntryKind::Invoice, "10.00"),
    )
    .await
    .unwrap();
    let rev = reverse(&db, inv.id, "2026-04-02", "错录").await.unwrap();
    assert_eq!(rev.doc_no, format!("R-INV-{long}"));
    let out = dir.path().join("ledger.csv");
    ledger::import::export(
        &db,
        &dealerdesk_core::actor::Access::Open,
        &out,
        Some(id),
        dealerdesk_core::lang::Lang::En,
    )
    .await
    .unwrap();
    let again = import(&db, &actor(), &out).await.unwrap();
    assert_eq!((again.added, again.skipped), (0, 4), "every row known");
    // Typed by hand, a number stays at 40 characters.
    let typed = ledger::post(
        &db,
        &actor(),
        &entry(
            id,
            "2026-04-03",
            &format!("{long}X"),
            EntryKind::Invoice,
            "1",
        ),
    )
    .await
    .unwrap_err();
    assert_eq!(codes(&typed), vec![("doc_no".into(), "too_long".into())]);
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
    // Two amount columns (the key and the Chinese header): refused by name.
    let twice = dir.path().join("twice.csv");
    std::fs::write(
        &twice,
        format!("{LEDGER_HEADER},金额\nD1,2026-01-05,INV-1,invoice,1000.00,,,,9\n"),
    )
    .unwrap();
    let e = import(&db, &actor(), &twice).await.unwrap_err();
    assert_eq!(codes(&e), vec![("1:amount".into(), "header_twice".into())]);

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
            &dealerdesk_core::actor::Access::Open,
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
        dealerdesk_core::ledger::import::export(
            &db,
            &dealerdesk_core::actor::Access::Open,
            &out,
            None,
            dealerdesk_core::lang::Lang::ZhCn
        )
        .await
        .unwrap(),
        3
    );
    let s3 = import(&db, &actor(), &out).await.unwrap();
    assert_eq!((s3.added, s3.skipped), (0, 3));
}

/// The ledger's amounts together stay within i64 fen, so every total read
/// from it does: an import that would pass the bound is refused whole, at the
/// row that passes it, and nothing is written; a posting by hand likewise.
#[tokio::test]
async fn an_import_past_the_integer_range_is_refused_before_it_is_written() {
    let (dir, db) = fresh().await;
    let [a, _b] = active(&db, dir.path(), &["甲经销", "乙经销"]).await[..] else {
        panic!()
    };
    // Nearly the whole range: 92,233 entries of the largest amount one entry
    // may carry (a trillion yuan), 720 billion yuan short of i64 fen.
    use sea_orm::ConnectionTrait;
    db.execute_unprepared(&format!(
        "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 92233) \
         INSERT INTO ledger_entry (distributor_id, entry_date, doc_no, kind, amount_fen, \
         description, fapiao_no, due_date, created_at, created_by) \
         SELECT {a}, '2026-01-02', 'BIG-' || i, 'invoice', 100000000000000, '', '', \
         '2026-02-01', '2026-01-02T00:00:00Z', 'test' FROM n"
    ))
    .await
    .unwrap();
    let sheet = dir.path().join("more.csv");
    std::fs::write(
        &sheet,
        [
            LEDGER_HEADER,
            "D2,2026-01-05,INV-1,invoice,400000000000.00,,,",
            "D2,2026-01-06,PAY-1,payment,300000000000.00,,,",
            "D2,2026-01-07,INV-2,invoice,200000000000.00,,,",
        ]
        .join("\n"),
    )
    .unwrap();
    let e = import(&db, &actor(), &sheet).await.unwrap_err();
    assert_eq!(
        codes(&e),
        vec![("4:amount".into(), "total_out_of_range".into())]
    );
    let n = ledger::list(
        &db,
        &dealerdesk_core::actor::Access::Open,
        &LedgerQuery {
            distributor_id: _b,
            ..Default::default()
        },
    )
    .await
    .unwrap()
    .rows
    .len();
    assert_eq!(n, 0, "nothing was written");
    // A payment by hand that would pass the bound is refused too.
    let e = ledger::post(
        &db,
        &actor(),
        &entry(
            _b,
            "2026-01-08",
            "PAY-9",
            EntryKind::Payment,
            "800000000000.00",
        ),
    )
    .await
    .unwrap_err();
    assert_eq!(
        codes(&e),
        vec![("amount".into(), "total_out_of_range".into())]
    );
    // Within the bound, the same file imports.
    std::fs::write(
        &sheet,
        [LEDGER_HEADER, "D2,2026-01-05,INV-1,invoice,5000.00,,,"].join("\n"),
    )
    .unwrap();
    import(&db, &actor(), &sheet).await.unwrap();
}
