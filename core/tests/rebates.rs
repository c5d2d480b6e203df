mod common;
use common::actor;

use common::agreements::{dist, entry, province, signed, terms};
use common::{codes, day, fresh};
use dealerdesk_core::agreement::rebate::{self, RebateRunRequest};
use dealerdesk_core::ledger::{self, EntryKind, LedgerQuery, ReverseRequest};
use proptest::prelude::*;

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
        &actor(),
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
    let e = rebate::approve(
        &db,
        &crate::common::on_day(&actor(), day("2026-03-31") - chrono::Days::new(1)),
        &q1,
    )
    .await
    .unwrap_err();
    assert_eq!(codes(&e), vec![("to".into(), "period_not_ended".into())]);
    let first = rebate::approve(
        &db,
        &crate::common::on_day(&actor(), day("2026-04-05")),
        &q1,
    )
    .await
    .unwrap();
    assert_eq!(first.posted, 1);
    assert_eq!(first.run.already_posted, 1);
    assert_eq!(first.run.to_post, 0);
    let again = rebate::approve(
        &db,
        &crate::common::on_day(&actor(), day("2026-04-06")),
        &q1,
    )
    .await
    .unwrap();
    assert_eq!(again.posted, 0);
    let entries = ledger::list(
        &db,
        &dealerdesk_core::actor::Access::Open,
        &LedgerQuery {
            distributor_id: a,
            ..Default::default()
        },
    )
    .await
    .unwrap()
    .rows;
    let rebates: Vec<_> = entries
        .iter()
        .filter(|e| e.kind == EntryKind::Rebate)
        .collect();
    assert_eq!(rebates.len(), 1);
    assert_eq!(rebates[0].doc_no, "RB-20260101-20260331");
    assert_eq!(rebates[0].credit.to_string(), "3450.00");
    assert_eq!(rebates[0].date, "2026-03-31");
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
            let one = rebate::approve(&db, &crate::common::on_day(&actor(), day("2026-04-01")), &q).await.unwrap();
            let two = rebate::approve(&db, &crate::common::on_day(&actor(), day("2026-04-02")), &q).await.unwrap();
            assert_eq!(two.posted, 0);
            let posted: Vec<_> = ledger::list(&db, &dealerdesk_core::actor::Access::Open, &LedgerQuery { distributor_id: d, ..Default::default() })
                .await
                .unwrap()
                .rows
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
