//! List pages at scale: 10,000 distributors, 20,000 complaints and 1,000,000
//! ledger rows in one SQLite file. Prints the time of one page (50 rows) of
//! each list, as the screens ask for it; asserts nothing about time. The goal
//! is at most 20 ms per page in core.
//!
//! Run: `cargo bench -p dealerdesk-core --bench lists`
//! (`BENCH_LEDGER_ROWS` changes the ledger size; `BENCH_DB=<file>` keeps the
//! seeded database in that file). With `DEALERDESK_TEST_PG` naming a
//! PostgreSQL server, the same seed and pages run there too, in the same run.
use std::time::Instant;

use chrono::{Duration, NaiveDate, TimeZone, Utc};
use dealerdesk_core::actor::Actor;
use dealerdesk_core::agreement::{self, AgreementListQuery};
use dealerdesk_core::complaint::{self, ComplaintQuery, ComplaintStatus, ComplaintView};
use dealerdesk_core::dates::Clock;
use dealerdesk_core::distributor::{self, DistributorQuery, SortField};
use dealerdesk_core::ledger::{self, EntryKind, LedgerQuery};
use dealerdesk_core::paging::Paging;
use dealerdesk_core::training::certificate::{self, CertificateQuery};
use dealerdesk_core::{audit, db, demo, DatabaseConnection};
use sea_orm::sea_query::{Alias, Expr, InsertStatement, Query, Value};
use sea_orm::{ConnectionTrait, TransactionTrait};

#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

const DISTRIBUTORS: u64 = 10_000;
const COMPLAINTS: i64 = 20_000;
/// One distributor carries a long ledger of its own: paging deep into it.
const HEAVY_LEDGER: i64 = 100_000;
const PAGE: Paging = Paging {
    offset: 0,
    limit: 50,
};

fn stats(mut ms: Vec<f64>) -> String {
    ms.sort_by(|a, b| a.total_cmp(b));
    let p = |q: f64| ms[((ms.len() as f64 - 1.0) * q).round() as usize];
    format!(
        "median {:>6.2} ms, p95 {:>6.2} ms, max {:>6.2} ms",
        p(0.5),
        p(0.95),
        p(1.0)
    )
}

async fn measure<F, Fut>(name: &str, mut f: F)
where
    F: FnMut() -> Fut,
    Fut: std::future::Future<Output = u64>,
{
    let mut times = vec![];
    let mut total = 0;
    for _ in 0..25 {
        let t = Instant::now();
        total = f().await;
        times.push(t.elapsed().as_secs_f64() * 1e3);
    }
    println!("{name:<58} {} ({total} rows match)", stats(times));
}

fn actor() -> Actor {
    Actor::new(
        "基准",
        Clock::office(
            chrono::Local::now().fixed_offset(),
            Some(NaiveDate::from_ymd_opt(2026, 12, 2).unwrap()),
        ),
    )
    .unwrap()
}

/// A multi-row INSERT into `table` (the entities are private to core; the
/// values go through the same driver encoding as theirs).
fn insert(table: &str, columns: &[&str], rows: Vec<Vec<Value>>) -> InsertStatement {
    let mut stmt = Query::insert();
    stmt.into_table(Alias::new(table))
        .columns(columns.iter().map(|c| Alias::new(*c)));
    for row in rows {
        stmt.values_panic(row.into_iter().map(Expr::val));
    }
    stmt.to_owned()
}

/// Complaints over the last two years, one in eight still open, each with
/// the transition events its clocks are read from.
async fn seed_complaints(conn: &DatabaseConnection, ids: &[i64]) {
    let now = Utc.with_ymd_and_hms(2026, 12, 2, 4, 0, 0).unwrap();
    let open = [
        ComplaintStatus::Received,
        ComplaintStatus::Classified,
        ComplaintStatus::Responded,
        ComplaintStatus::InProgress,
    ];
    let done = [
        ComplaintStatus::Resolved,
        ComplaintStatus::Verified,
        ComplaintStatus::Closed,
    ];
    let categories = ["quality", "delivery", "pricing", "service", "other"];
    let columns = [
        "id",
        "number",
        "distributor_id",
        "channel",
        "product",
        "batch_no",
        "category",
        "priority",
        "description",
        "assignee",
        "status",
        "resolution",
        "root_cause",
        "root_cause_note",
        "received_at",
        "created_at",
        "created_by",
        "updated_at",
    ];
    let event_columns = [
        "complaint_id",
        "at",
        "kind",
        "to_status",
        "text",
        "operator",
    ];
    let txn = conn.begin().await.unwrap();
    for chunk in (1..=COMPLAINTS).collect::<Vec<_>>().chunks(500) {
        let mut rows = vec![];
        let mut events = vec![];
        for &i in chunk {
            let received = now - Duration::minutes((COMPLAINTS - i) * 52);
            let status = if i % 8 == 0 {
                open[(i / 8) as usize % open.len()]
            } else {
                done[i as usize % done.len()]
            };
            let resolution = if status.is_open() {
                ""
            } else {
                "补发并补偿运费"
            };
            rows.push(vec![
                i.into(),
                format!("TS-B-{i:06}").into(),
                ids[i as usize % ids.len()].into(),
                "phone".into(),
                format!("产品 {}", i % 300).into(),
                format!("B{:05}", i % 9000).into(),
                categories[i as usize % categories.len()].into(),
                ["p1", "p2", "p3", "p4"][i as usize % 4].into(),
                format!("第 {i} 号投诉：包装破损，数量短少").into(),
                "王芳".into(),
                status.key().into(),
                resolution.into(),
                "".into(),
                "".into(),
                received.into(),
                received.into(),
                "基准".into(),
                received.into(),
            ]);
            // Received, then the status it is in now.
            for (at, to) in [
                (received, "received"),
                (received + Duration::hours(20), status.key()),
            ] {
                events.push(vec![
                    i.into(),
                    at.into(),
                    "transition".into(),
                    to.into(),
                    "".into(),
                    "基准".into(),
                ]);
            }
        }
        txn.execute(&insert("complaint", &columns, rows))
            .await
            .unwrap();
        txn.execute(&insert("complaint_event", &event_columns, events))
            .await
            .unwrap();
    }
    txn.commit().await.unwrap();
}

/// `rows` entries: `HEAVY_LEDGER` of them for the first distributor, the rest
/// spread over all distributors, over three years.
async fn seed_ledger(conn: &DatabaseConnection, ids: &[i64], rows: i64) {
    let start = NaiveDate::from_ymd_opt(2024, 1, 1).unwrap();
    let created = Utc.with_ymd_and_hms(2026, 12, 1, 0, 0, 0).unwrap();
    let kinds = [
        EntryKind::Invoice,
        EntryKind::Payment,
        EntryKind::CreditNote,
    ];
    let columns = [
        "distributor_id",
        "entry_date",
        "doc_no",
        "kind",
        "amount_fen",
        "description",
        "fapiao_no",
        "due_date",
        "created_at",
        "created_by",
    ];
    let txn = conn.begin().await.unwrap();
    let mut i = 0i64;
    while i < rows {
        let end = (i + 1000).min(rows);
        let batch: Vec<Vec<Value>> = (i..end)
            .map(|n| {
                let (d, k) = if n < HEAVY_LEDGER.min(rows) {
                    (ids[0], n)
                } else {
                    (ids[n as usize % ids.len()], n / ids.len() as i64)
                };
                let date = start + chrono::Days::new((k % 1095) as u64);
                vec![
                    d.into(),
                    date.into(),
                    format!("D{n:08}").into(),
                    kinds[n as usize % kinds.len()].key().into(),
                    (100_000 + n % 9_000_000).into(),
                    "货款".into(),
                    "".into(),
                    (date + chrono::Days::new(30)).into(),
                    created.into(),
                    "基准".into(),
                ]
            })
            .collect();
        txn.execute(&insert("ledger_entry", &columns, batch))
            .await
            .unwrap();
        i = end;
    }
    txn.commit().await.unwrap();
}

#[tokio::main]
async fn main() {
    let ledger_rows: i64 = std::env::var("BENCH_LEDGER_ROWS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(1_000_000);
    let dir = tempfile::tempdir().expect("temp dir");
    // BENCH_DB keeps the seeded file there, to look at its query plans.
    let file = std::env::var("BENCH_DB")
        .map(std::path::PathBuf::from)
        .unwrap_or_else(|_| dir.path().join("bench.sqlite"));
    println!("== SQLite (one file) ==");
    let conn = db::open(&file, Utc::now()).await.expect("database").db;
    run(conn, Some(&file), ledger_rows).await;
    // The same on an office server, when one is named (an admin URL: a
    // database is created on it).
    if let Some(admin) = std::env::var("DEALERDESK_TEST_PG")
        .ok()
        .filter(|u| !u.is_empty())
    {
        println!("\n== PostgreSQL (loopback) ==");
        let name = format!("lists_{}", std::process::id());
        let c = sea_orm::Database::connect(admin.as_str())
            .await
            .expect("server");
        c.execute_unprepared(&format!("CREATE DATABASE {name}"))
            .await
            .expect("create database");
        c.close().await.ok();
        let url = match admin.split_once('?') {
            Some((base, q)) => format!("{}/{name}?{q}", &base[..base.rfind('/').unwrap()]),
            None => format!("{}/{name}", &admin[..admin.rfind('/').unwrap()]),
        };
        let url = db::ServerUrl::new(&url).expect("url");
        let conn = db::server::open(&url, None, Utc::now())
            .await
            .expect("open");
        run(conn, None, ledger_rows).await;
    }
}

async fn run(conn: DatabaseConnection, file: Option<&std::path::Path>, ledger_rows: i64) {
    let today = NaiveDate::from_ymd_opt(2026, 12, 2).unwrap();
    let now = Utc.with_ymd_and_hms(2026, 12, 2, 4, 0, 0).unwrap();

    let t = Instant::now();
    demo::generate(&conn, &actor(), DISTRIBUTORS)
        .await
        .expect("distributors");
    let ids: Vec<i64> = distributor::list(
        &conn,
        &dealerdesk_core::actor::Access::Open,
        &DistributorQuery::default(),
    )
    .await
    .unwrap()
    .rows
    .iter()
    .map(|d| d.id)
    .collect();
    println!(
        "seeded {DISTRIBUTORS} distributors in {:.1} s",
        t.elapsed().as_secs_f64()
    );
    let t = Instant::now();
    seed_complaints(&conn, &ids).await;
    println!(
        "seeded {COMPLAINTS} complaints (2 events each) in {:.1} s",
        t.elapsed().as_secs_f64()
    );
    let t = Instant::now();
    seed_ledger(&conn, &ids, ledger_rows).await;
    println!(
        "seeded {ledger_rows} ledger rows in {:.1} s",
        t.elapsed().as_secs_f64()
    );
    let t = Instant::now();
    demo::generate_agreements(&conn, &actor(), 2026)
        .await
        .expect("agreements");
    demo::generate_training(&conn, &actor(), 2026)
        .await
        .expect("training");
    println!(
        "seeded sample agreements and certificates in {:.1} s",
        t.elapsed().as_secs_f64()
    );
    // The seed wrote ~200 MB through the write-ahead log in a few
    // transactions; a working office's log is checkpointed as it goes, and
    // reads through a log that large are several times slower. Start from
    // the steady state.
    if let Some(file) = file {
        conn.execute_unprepared("PRAGMA wal_checkpoint(TRUNCATE)")
            .await
            .expect("checkpoint");
        let size = std::fs::metadata(file)
            .map(|m| m.len() / (1 << 20))
            .unwrap_or(0);
        println!("database file: {size} MB\n");
    } else {
        // The rows were copied in with their ids: the sequences move past them,
        // and the planner learns the tables' sizes.
        for table in ["complaint", "complaint_event", "ledger_entry"] {
            conn.execute_unprepared(&format!(
                "SELECT setval(pg_get_serial_sequence('{table}', 'id'), (SELECT MAX(id) FROM {table}))"
            ))
            .await
            .expect("setval");
        }
        conn.execute_unprepared("ANALYZE").await.expect("analyze");
        println!();
    }

    let dq = |q: DistributorQuery| {
        let conn = &conn;
        move || {
            let q = q.clone();
            async move {
                distributor::list(conn, &dealerdesk_core::actor::Access::Open, &q)
                    .await
                    .unwrap()
                    .total
            }
        }
    };
    measure(
        "distributors: first page",
        dq(DistributorQuery {
            paging: PAGE,
            ..Default::default()
        }),
    )
    .await;
    measure(
        "distributors: search '恒通', by credit limit desc",
        dq(DistributorQuery {
            search: "恒通".into(),
            sort: SortField::CreditLimit,
            descending: true,
            paging: PAGE,
            ..Default::default()
        }),
    )
    .await;
    measure(
        "distributors: page 150 by name",
        dq(DistributorQuery {
            sort: SortField::Name,
            paging: Paging {
                offset: 7450,
                limit: 50,
            },
            ..Default::default()
        }),
    )
    .await;

    let cq = |q: ComplaintQuery| {
        let conn = &conn;
        move || {
            let q = q.clone();
            async move {
                complaint::list(conn, &dealerdesk_core::actor::Access::Open, &q, now)
                    .await
                    .unwrap()
                    .total
            }
        }
    };
    measure(
        "complaints: all, first page",
        cq(ComplaintQuery {
            paging: PAGE,
            ..Default::default()
        }),
    )
    .await;
    measure(
        "complaints: all, last page",
        cq(ComplaintQuery {
            paging: Paging {
                offset: COMPLAINTS as u64 - 50,
                limit: 50,
            },
            ..Default::default()
        }),
    )
    .await;
    measure(
        "complaints: status in progress + category quality",
        cq(ComplaintQuery {
            status: Some(ComplaintStatus::InProgress),
            category: "quality".into(),
            paging: PAGE,
            ..Default::default()
        }),
    )
    .await;
    measure(
        "complaints: knowledge base, search '运费'",
        cq(ComplaintQuery {
            view: ComplaintView::Knowledge,
            search: "运费".into(),
            paging: PAGE,
            ..Default::default()
        }),
    )
    .await;
    measure(
        "complaints: one distributor's",
        cq(ComplaintQuery {
            distributor_id: Some(ids[17]),
            paging: PAGE,
            ..Default::default()
        }),
    )
    .await;
    measure(
        "complaints: late and at risk (clocks of every open one)",
        cq(ComplaintQuery {
            view: ComplaintView::Late,
            paging: PAGE,
            ..Default::default()
        }),
    )
    .await;

    let lq = |q: LedgerQuery| {
        let conn = &conn;
        move || {
            let q = q.clone();
            async move {
                ledger::list(conn, &dealerdesk_core::actor::Access::Open, &q)
                    .await
                    .unwrap()
                    .total
            }
        }
    };
    measure(
        "ledger: a distributor's first page",
        lq(LedgerQuery {
            distributor_id: ids[17],
            paging: PAGE,
            ..Default::default()
        }),
    )
    .await;
    measure(
        "ledger: the long ledger, first page",
        lq(LedgerQuery {
            distributor_id: ids[0],
            paging: PAGE,
            ..Default::default()
        }),
    )
    .await;
    measure(
        "ledger: the long ledger, last page",
        lq(LedgerQuery {
            distributor_id: ids[0],
            paging: Paging {
                offset: HEAVY_LEDGER.min(ledger_rows) as u64 - 50,
                limit: 50,
            },
            ..Default::default()
        }),
    )
    .await;
    measure(
        "ledger: the long ledger, payments in 2025",
        lq(LedgerQuery {
            distributor_id: ids[0],
            from: "2025-01-01".into(),
            to: "2025-12-31".into(),
            kinds: vec![EntryKind::Payment],
            paging: PAGE,
        }),
    )
    .await;

    measure("agreements: first page, newest versions", || async {
        let q = AgreementListQuery {
            paging: PAGE,
            ..Default::default()
        };
        agreement::list(&conn, &dealerdesk_core::actor::Access::Open, &q, today)
            .await
            .unwrap()
            .total
    })
    .await;
    measure("certificates: first page", || async {
        let q = CertificateQuery {
            paging: PAGE,
            ..Default::default()
        };
        certificate::list(&conn, &q, today).await.unwrap().total
    })
    .await;
    measure("audit trail: a distributor's first page", || async {
        audit::list(&conn, "distributor", ids[17], PAGE)
            .await
            .unwrap()
            .total
    })
    .await;
    measure("dashboard: the year, every figure", || async {
        let req = dealerdesk_core::dashboard::DashboardRequest {
            period: dealerdesk_core::dashboard::PeriodKind::Year,
            on: "2026-12-02".into(),
        };
        let clock = Clock::office(
            chrono::Local::now().fixed_offset(),
            Some(NaiveDate::from_ymd_opt(2026, 12, 2).unwrap()),
        );
        dealerdesk_core::dashboard::load(&conn, &dealerdesk_core::actor::Access::Open, &req, &clock)
            .await
            .unwrap()
            .top
            .len() as u64
    })
    .await;
    conn.close().await.ok();
}
