//! Search latency at 10,000 distributors. Prints figures; asserts nothing about time.
//! Run: cargo bench -p dealerdesk-core --bench search
use std::time::Instant;

use dealerdesk_core::distributor::{self, DistributorQuery, Tier};
use dealerdesk_core::paging::Paging;
use dealerdesk_core::{db, demo};

fn stats(mut ms: Vec<f64>) -> String {
    ms.sort_by(|a, b| a.partial_cmp(b).unwrap());
    let p = |q: f64| ms[((ms.len() as f64 - 1.0) * q).round() as usize];
    format!(
        "median {:.2} ms, p95 {:.2} ms, max {:.2} ms",
        p(0.5),
        p(0.95),
        p(1.0)
    )
}

#[tokio::main]
async fn main() {
    let n: u64 = std::env::var("BENCH_DISTRIBUTORS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(10_000);
    let dir = std::env::temp_dir().join(format!("dealerdesk-bench-{}", std::process::id()));
    let conn = db::open(&dir.join("bench.sqlite"), chrono::Utc::now())
        .await
        .unwrap()
        .db;
    let t = Instant::now();
    demo::generate(&conn, &actor(), n).await.unwrap();
    println!(
        "generated {n} distributors in {:.0} ms",
        t.elapsed().as_secs_f64() * 1e3
    );

    let cases: Vec<(&str, DistributorQuery)> = vec![
        (
            "first page, no filter",
            DistributorQuery {
                paging: Paging::first(50),
                ..Default::default()
            },
        ),
        (
            "search name '恒通'",
            DistributorQuery {
                search: "恒通".into(),
                paging: Paging::first(50),
                ..Default::default()
            },
        ),
        (
            "search phone '1357'",
            DistributorQuery {
                search: "1357".into(),
                paging: Paging::first(50),
                ..Default::default()
            },
        ),
        (
            "search code 'DS099'",
            DistributorQuery {
                search: "DS099".into(),
                paging: Paging::first(50),
                ..Default::default()
            },
        ),
        (
            "search miss 'zzzz'",
            DistributorQuery {
                search: "zzzz".into(),
                paging: Paging::first(50),
                ..Default::default()
            },
        ),
        (
            "tier core + province + sort by credit desc, page 20",
            DistributorQuery {
                tier: Some(Tier::Core),
                province: Some("广东省".into()),
                sort: distributor::SortField::CreditLimit,
                descending: true,
                paging: Paging {
                    offset: 950,
                    limit: 50,
                },
                ..Default::default()
            },
        ),
    ];
    for (name, q) in cases {
        let mut times = vec![];
        let mut total = 0;
        for _ in 0..50 {
            let t = Instant::now();
            total = distributor::list(&conn, &dealerdesk_core::actor::Access::Open, &q)
                .await
                .unwrap()
                .total;
            times.push(t.elapsed().as_secs_f64() * 1e3);
        }
        println!("{name:<55} {total:>6} hits  {}", stats(times));
    }
    let _ = std::fs::remove_dir_all(dir);
}

/// The benchmark's operator at the computer's clock.
fn actor() -> dealerdesk_core::actor::Actor {
    let clock = dealerdesk_core::dates::Clock::office(chrono::Local::now().fixed_offset(), None);
    dealerdesk_core::actor::Actor::new("bench", clock).unwrap()
}
