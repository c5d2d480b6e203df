//! The dashboard's figures against their sources: sales (invoices less credit
//! notes, reversals left out) against the governing agreement's targets by
//! the scorecard's rule, the months of this year and last, provinces and the
//! top list; the receivables tile equals the receivables list on the day.
mod common;

use common::agreements::{dist, entry, province, signed, terms};
use common::{actor, day, fresh};
use dealerdesk_core::dashboard::{self, DashboardRequest, PeriodKind};
use dealerdesk_core::dates::Clock;
use dealerdesk_core::ledger::{self, receivables, EntryKind, ReverseRequest};

#[tokio::test]
async fn the_tiles_show_the_figures_of_the_lists_behind_them() {
    let (dir, db) = fresh().await;
    let a = dist(&db, 1).await;
    let b = dist(&db, 2).await;
    signed(
        &db,
        dir.path(),
        terms(a, province("浙江省", "杭州市"), false),
    )
    .await;
    entry(&db, a, "2026-04-10", "F1", EntryKind::Invoice, "60000.00").await;
    entry(&db, a, "2026-05-10", "F2", EntryKind::Invoice, "30000.00").await;
    entry(&db, a, "2026-05-20", "C1", EntryKind::CreditNote, "5000.00").await;
    entry(&db, b, "2026-06-01", "F3", EntryKind::Invoice, "40000.00").await;
    let wrong = entry(&db, b, "2026-06-02", "F4", EntryKind::Invoice, "99999.00").await;
    ledger::reverse(
        &db,
        &actor(),
        &ReverseRequest {
            entry_id: wrong,
            date: "2026-06-03".into(),
            reason: "重复开票".into(),
        },
    )
    .await
    .unwrap();
    entry(&db, b, "2025-05-15", "F0", EntryKind::Invoice, "12000.00").await;
    entry(&db, a, "2026-07-15", "F5", EntryKind::Invoice, "7000.00").await;

    let clock = Clock {
        today: day("2026-08-20"),
        now: common::complaints::local("2026-08-20 10:00"),
    };
    let d = dashboard::load(
        &db,
        &dealerdesk_core::actor::Access::Open,
        &DashboardRequest {
            period: PeriodKind::Quarter,
            on: "2026-05-05".into(),
        },
        &clock,
    )
    .await
    .unwrap();
    assert_eq!(
        (d.from.as_str(), d.to.as_str()),
        ("2026-04-01", "2026-06-30")
    );
    assert_eq!(
        d.as_of, "2026-06-30",
        "an ended period is seen on its last day"
    );
    assert_eq!(d.sales.to_string(), "125000.00");
    assert_eq!(d.target.to_string(), "100000.00", "a's Q2 target only");
    assert_eq!(d.achievement_pct.as_deref(), Some("125.00"));
    assert_eq!(d.this_year[3].to_string(), "60000.00");
    assert_eq!(d.this_year[4].to_string(), "25000.00");
    assert_eq!(d.this_year[5].to_string(), "40000.00");
    assert_eq!(d.this_year[6].to_string(), "7000.00");
    assert_eq!(d.last_year[4].to_string(), "12000.00");
    assert_eq!(d.top[0].sales.to_string(), "85000.00");
    assert_eq!(d.top[0].distributor_id, a);
    assert_eq!(d.top.len(), 2);
    let provinces: i64 = d.by_province.iter().map(|p| p.amount.fen()).sum();
    assert_eq!(provinces, d.sales.fen());
    // The receivables tile is the receivables list on the day.
    let rec = receivables::load(
        &db,
        &dealerdesk_core::actor::Access::Open,
        day("2026-06-30"),
    )
    .await
    .unwrap();
    assert_eq!(
        serde_json::to_value(&d.receivables).unwrap(),
        serde_json::to_value(&rec.totals).unwrap()
    );
    assert_eq!(
        d.over_limit as usize,
        rec.distributors.iter().filter(|r| r.over_limit).count()
    );

    // A year: every month counts; this quarter by default on today.
    let y = dashboard::load(
        &db,
        &dealerdesk_core::actor::Access::Open,
        &DashboardRequest {
            period: PeriodKind::Year,
            on: String::new(),
        },
        &clock,
    )
    .await
    .unwrap();
    assert_eq!(y.sales.to_string(), "132000.00");
    assert_eq!(y.target.to_string(), "400000.00");
    assert_eq!(y.as_of, "2026-08-20");
    let q = dashboard::load(
        &db,
        &dealerdesk_core::actor::Access::Open,
        &DashboardRequest::default(),
        &clock,
    )
    .await
    .unwrap();
    assert_eq!(
        (q.from.as_str(), q.to.as_str()),
        ("2026-07-01", "2026-09-30")
    );
    assert_eq!(q.sales.to_string(), "7000.00");
    let err = dashboard::load(
        &db,
        &dealerdesk_core::actor::Access::Open,
        &DashboardRequest {
            period: PeriodKind::Month,
            on: "2026-13-01".into(),
        },
        &clock,
    )
    .await
    .unwrap_err();
    assert_eq!(
        common::codes(&err),
        vec![("on".into(), "date_format".into())]
    );
}
