//! Scorecard benchmark: prints figures, asserts nothing about time.
//!
//! The quarter's scorecards of 500 distributors with 100 ledger lines each
//! (the statements benchmark's data) and the sample agreements: the live
//! review computed in core (median of several runs), then finalising it and
//! reading the frozen review back; then the dashboard on the same data.
//!
//! Run: `cargo bench -p dealerdesk-core --bench scorecards`.
use std::time::{Duration, Instant};

use dealerdesk_core::actor::Actor;
use dealerdesk_core::dates::Clock;
use dealerdesk_core::scorecard::{self, Quarter};
use dealerdesk_core::{db, demo};

#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[tokio::main]
async fn main() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("bench.sqlite");
    let conn = db::open(&path, chrono::Utc::now()).await.unwrap().db;
    let actor = Actor::new(
        "基准",
        Clock::office(chrono::Local::now().fixed_offset(), None),
    )
    .unwrap();
    demo::generate(&conn, &actor, 500).await.unwrap();
    let entries = demo::generate_ledger(&conn, &actor, 100, 7).await.unwrap();
    let (_, agreements) = demo::generate_agreements(&conn, &actor, 7).await.unwrap();
    let quarter = Quarter::parse("2026Q3").unwrap();
    let mut times: Vec<Duration> = vec![];
    let mut listed = 0;
    for _ in 0..7 {
        let t = Instant::now();
        let r = scorecard::review(&conn, quarter).await.unwrap();
        times.push(t.elapsed());
        listed = r.distributors.len();
    }
    times.sort();
    println!(
        "scorecards {quarter}: {listed} distributors, {entries} ledger entries, {agreements} agreements: median {:.1} ms (min {:.1} ms)",
        times[times.len() / 2].as_secs_f64() * 1000.0,
        times[0].as_secs_f64() * 1000.0
    );

    // Finalising needs the quarter to have ended: the office's today after it.
    let after = Actor::new(
        "基准",
        Clock::office(
            chrono::Local::now().fixed_offset(),
            Some(quarter.last_day() + chrono::Days::new(1)),
        ),
    )
    .unwrap();
    let t = Instant::now();
    scorecard::finalise::finalise(&conn, &after, &quarter.to_string())
        .await
        .unwrap();
    let finalising = t.elapsed();
    let mut frozen: Vec<Duration> = vec![];
    for _ in 0..7 {
        let t = Instant::now();
        scorecard::review(&conn, quarter).await.unwrap();
        frozen.push(t.elapsed());
    }
    frozen.sort();
    println!(
        "finalising {quarter}: {:.1} ms; the frozen review read back: median {:.1} ms",
        finalising.as_secs_f64() * 1000.0,
        frozen[frozen.len() / 2].as_secs_f64() * 1000.0
    );

    // The dashboard on the same data (the app's first page): this quarter,
    // with the previous one finalised above.
    let clock = Clock::office(
        chrono::Local::now().fixed_offset(),
        Some(quarter.last_day() + chrono::Days::new(20)),
    );
    let mut board: Vec<Duration> = vec![];
    let mut sales = String::new();
    for _ in 0..7 {
        let t = Instant::now();
        let d = dealerdesk_core::dashboard::load(
            &conn,
            &dealerdesk_core::actor::Access::Open,
            &Default::default(),
            &clock,
        )
        .await
        .unwrap();
        board.push(t.elapsed());
        sales = format!(
            "{} {} sales, {} owed",
            d.from, d.sales, d.receivables.closing_balance
        );
    }
    board.sort();
    println!(
        "dashboard ({sales}): median {:.1} ms (min {:.1} ms)",
        board[board.len() / 2].as_secs_f64() * 1000.0,
        board[0].as_secs_f64() * 1000.0
    );
}
