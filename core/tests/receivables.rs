//! Receivables: for random ledgers, every distributor's row equals its
//! statement for a period ending on the date, the totals are the column sums,
//! and a distributor with nothing owed either way is left out.
mod common;

use common::ledger::active;
use common::{actor_on, day, fresh};
use dealerdesk_core::ledger::receivables;
use dealerdesk_core::ledger::statement::{self, StatementRequest};
use dealerdesk_core::ledger::{self, EntryInput, EntryKind, ReverseRequest};
use dealerdesk_core::money::Money;
use proptest::prelude::*;

fn kind(k: u8) -> EntryKind {
    match k {
        0 | 1 => EntryKind::Invoice,
        2 => EntryKind::Payment,
        3 => EntryKind::CreditNote,
        _ => EntryKind::Rebate,
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 10, ..ProptestConfig::default() })]

    #[test]
    fn rows_equal_statements_and_totals_the_column_sums(
        entries in prop::collection::vec((0usize..3, 0i64..200, 1i64..3_000_000, 0u8..5, 0u8..6), 0..30),
        as_of in 0i64..260,
    ) {
        let rt = tokio::runtime::Runtime::new().unwrap();
        rt.block_on(async {
            let (dir, db) = fresh().await;
            let ids = active(&db, dir.path(), &["甲", "乙", "丙"]).await;
            let on = actor_on(day("2026-12-01"));
            let start = day("2026-01-01");
            for (i, (who, off, fen, k, rev)) in entries.iter().enumerate() {
                let date = (start + chrono::Duration::days(*off)).to_string();
                let posted = ledger::post(
                    &db,
                    &on,
                    &EntryInput {
                        distributor_id: ids[*who],
                        date: date.clone(),
                        doc_no: format!("D{i}"),
                        kind: Some(kind(*k)),
                        amount: Money::from_fen(*fen).to_string(),
                        ..Default::default()
                    },
                )
                .await
                .unwrap();
                // Now and then a reversal, a few days later.
                if *rev == 0 {
                    ledger::reverse(
                        &db,
                        &on,
                        &ReverseRequest {
                            entry_id: posted.id,
                            date: (start + chrono::Duration::days(off + 3)).to_string(),
                            reason: "开错".into(),
                        },
                    )
                    .await
                    .unwrap();
                }
            }
            let as_of = start + chrono::Duration::days(as_of);
            let r = receivables::load(&db, &dealerdesk_core::actor::Access::Open, as_of).await.unwrap();
            for id in &ids {
                let st = statement::load(
                    &db,
                    &StatementRequest {
                        distributor_id: *id,
                        from: "2025-01-01".into(),
                        to: as_of.to_string(),
                    },
                )
                .await
                .unwrap();
                let row = r.distributors.iter().find(|d| d.distributor_id == *id);
                if st.closing_balance.fen() == 0 {
                    assert!(row.is_none(), "nothing owed: left out");
                    continue;
                }
                let row = row.expect("a balance: listed");
                assert_eq!(row.closing_balance, st.closing_balance);
                assert_eq!(
                    [row.not_due, row.d1_30, row.d31_60, row.d61_90, row.over_90],
                    [st.aging.not_due, st.aging.d1_30, st.aging.d31_60, st.aging.d61_90, st.aging.over_90]
                );
                assert_eq!(row.credit_limit, st.credit_limit);
                assert_eq!(row.available_credit, st.available_credit);
                assert_eq!(row.over_limit, st.closing_balance.fen() > st.credit_limit.fen());
                let overdue = row.d1_30.fen() + row.d31_60.fen() + row.d61_90.fen() + row.over_90.fen();
                assert_eq!(row.oldest_overdue_days.is_some(), overdue > 0);
            }
            let sum = |f: fn(&receivables::ReceivableRow) -> Money| {
                r.distributors.iter().map(|d| f(d).fen()).sum::<i64>()
            };
            let t = &r.totals;
            assert_eq!(t.closing_balance.fen(), sum(|d| d.closing_balance));
            assert_eq!(t.not_due.fen(), sum(|d| d.not_due));
            assert_eq!(t.d1_30.fen(), sum(|d| d.d1_30));
            assert_eq!(t.d31_60.fen(), sum(|d| d.d31_60));
            assert_eq!(t.d61_90.fen(), sum(|d| d.d61_90));
            assert_eq!(t.over_90.fen(), sum(|d| d.over_90));
            assert_eq!(t.available_credit.fen(), sum(|d| d.available_credit));
        });
    }
}

#[tokio::test]
async fn a_limit_of_zero_means_no_credit_and_the_list_is_written() {
    let (dir, db) = fresh().await;
    let d = active(&db, dir.path(), &["甲"]).await[0];
    let on = actor_on(day("2026-12-01"));
    ledger::post(
        &db,
        &on,
        &EntryInput {
            distributor_id: d,
            date: "2026-03-01".into(),
            doc_no: "INV-1".into(),
            kind: Some(EntryKind::Invoice),
            amount: "0.01".into(),
            ..Default::default()
        },
    )
    .await
    .unwrap();
    // A limit of 0: any balance owed is over it.
    use sea_orm::ConnectionTrait;
    db.execute_unprepared("UPDATE distributor SET credit_limit_fen = 0")
        .await
        .unwrap();
    let r = receivables::load(
        &db,
        &dealerdesk_core::actor::Access::Open,
        day("2026-06-30"),
    )
    .await
    .unwrap();
    assert_eq!(r.buckets, vec!["not_due", "1-30", "31-60", "61-90", ">90"]);
    let row = &r.distributors[0];
    assert_eq!(row.oldest_overdue_days, Some(91));
    assert_eq!(row.over_90.to_string(), "0.01");
    assert!(row.over_limit);
    assert_eq!(row.available_credit.to_string(), "-0.01");
    let xlsx = dir.path().join("ar.xlsx");
    let n = receivables::write_xlsx(
        &r,
        &xlsx.display().to_string(),
        dealerdesk_core::lang::Lang::En,
    )
    .unwrap();
    assert_eq!(n, 1);
    let sheet = dealerdesk_core::sheet::read_table(&xlsx).unwrap();
    assert_eq!(sheet.rows.len(), 2, "the row and the total");
    assert!(sheet.headers.contains(&"1-30 days".to_string()));
}

#[tokio::test]
async fn importing_over_the_limit_warns_with_the_figures_and_posts_anyway() {
    let (dir, db) = fresh().await;
    let ids = active(&db, dir.path(), &["甲", "乙"]).await;
    // Both have a credit limit of 100,000.00; D1 is taken to 150,000.00.
    let sheet = dir.path().join("2026-03.csv");
    std::fs::write(
        &sheet,
        [
            "distributor_code,date,doc_no,kind,amount,description,fapiao_no,due_date",
            "D1,2026-03-01,INV-1,invoice,90000.00,,,",
            "D1,2026-03-05,INV-2,invoice,60000.00,,,",
            "D2,2026-03-05,INV-3,invoice,100000.00,,,",
        ]
        .join("\n"),
    )
    .unwrap();
    let on = actor_on(day("2026-03-10"));
    let s = ledger::import::import(&db, &on, &sheet).await.unwrap();
    assert_eq!(s.added, 3, "nothing is refused");
    let w: Vec<(i64, String, String, String)> = s
        .over_limit
        .iter()
        .map(|w| {
            (
                w.distributor_id,
                w.balance.to_string(),
                w.credit_limit.to_string(),
                w.over_by.to_string(),
            )
        })
        .collect();
    assert_eq!(
        w,
        vec![(
            ids[0],
            "150000.00".into(),
            "100000.00".into(),
            "50000.00".into()
        )],
        "D2 at its limit exactly is not over it"
    );
    let check = receivables::over_limit(&db, &dealerdesk_core::actor::Access::Open, &[ids[1]])
        .await
        .unwrap();
    assert!(check.is_empty());
    assert_eq!(
        receivables::over_limit(&db, &dealerdesk_core::actor::Access::Open, &[])
            .await
            .unwrap()
            .len(),
        1
    );
}
