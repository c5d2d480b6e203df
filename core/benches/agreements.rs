//! Agreements and training benchmark: prints figures, asserts nothing about time.
//!
//! On the sample data (40 distributors, 60 ledger entries each, agreements,
//! training): one agreement PDF and one certificate PDF rendered (median of
//! 30), a quarter's rebate run, the agreement list with conflict checks, the
//! compliance list, the reminders list.
//!
//! Run: `cargo bench -p dealerdesk-core --bench agreements`.
use std::time::{Duration, Instant};

use dealerdesk_core::agreement::print;
use dealerdesk_core::agreement::rebate::{self, RebateRunRequest};
use dealerdesk_core::agreement::{self, AgreementListQuery};
use dealerdesk_core::training::certificate::{self, CertificatePrintRequest, CertificateQuery};
use dealerdesk_core::training::compliance;
use dealerdesk_core::{db, demo, pdf, reminders};

#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn median(mut v: Vec<Duration>) -> Duration {
    v.sort();
    v[v.len() / 2]
}

fn ms(d: Duration) -> String {
    format!("{:.2} ms", d.as_secs_f64() * 1000.0)
}

async fn time<F, Fut, T>(n: usize, mut f: F) -> (Duration, T)
where
    F: FnMut() -> Fut,
    Fut: std::future::Future<Output = T>,
{
    let mut times = vec![];
    let mut last = None;
    for _ in 0..n {
        let t = Instant::now();
        last = Some(f().await);
        times.push(t.elapsed());
    }
    (median(times), last.expect("at least one run"))
}

#[tokio::main]
async fn main() {
    let dir = tempfile::tempdir().expect("temp dir");
    let opened = db::open(&dir.path().join("bench.sqlite"), chrono::Utc::now())
        .await
        .expect("database");
    let conn = opened.db;
    let now = chrono::Utc::now();
    let today = now.date_naive();
    let t = Instant::now();
    demo::generate(&conn, &actor(), 40)
        .await
        .expect("distributors");
    demo::generate_ledger(&conn, &actor(), 60, 2026)
        .await
        .expect("ledger");
    let (o, a) = demo::generate_agreements(&conn, &actor(), 2026)
        .await
        .expect("agreements");
    let c = demo::generate_training(&conn, &actor(), 2026)
        .await
        .expect("training");
    println!("sample data: 40 distributors, {o} onboarding checklists, {a} agreements, {c} certificates in {}", ms(t.elapsed()));
    pdf::warm_up();

    let list = agreement::list(
        &conn,
        &dealerdesk_core::actor::Access::Open,
        &AgreementListQuery::default(),
        today,
    )
    .await
    .expect("list")
    .rows;
    let id = list.last().expect("an agreement").id;
    let (d, bytes) = time(30, || {
        print::pdf(&conn, id, dealerdesk_core::lang::Lang::ZhCn, today)
    })
    .await;
    let bytes = bytes.expect("agreement pdf");
    println!(
        "agreement PDF (zh-CN, load + render): median {} , {} KB",
        ms(d),
        bytes.len() / 1024
    );

    let certs = certificate::list(&conn, &CertificateQuery::default(), today)
        .await
        .expect("certificates")
        .rows;
    let req = CertificatePrintRequest {
        ids: vec![certs[0].id],
        lang: dealerdesk_core::lang::Lang::ZhCn,
        out_dir: dir.path().join("certs").display().to_string(),
    };
    let (d, _) = time(30, || certificate::print(&conn, &req, today)).await;
    println!("certificate PDF (load + render + write): median {}", ms(d));

    let q = RebateRunRequest {
        from: "2026-01-01".into(),
        to: "2026-03-31".into(),
    };
    let (d, run) = time(10, || rebate::preview(&conn, &q)).await;
    println!(
        "rebate run preview ({} lines): median {}",
        run.expect("run").lines.len(),
        ms(d)
    );
    let all = AgreementListQuery::default();
    let (d, _) = time(10, || {
        agreement::list(&conn, &dealerdesk_core::actor::Access::Open, &all, today)
    })
    .await;
    println!(
        "agreement list with conflict checks ({} agreements): median {}",
        list.len(),
        ms(d)
    );
    let (d, rows) = time(10, || compliance::compliance(&conn, today, None)).await;
    println!(
        "compliance ({} distributors): median {}",
        rows.expect("rows").len(),
        ms(d)
    );
    let (d, r) = time(10, || reminders::list(&conn, today)).await;
    println!(
        "reminders ({}): median {}",
        r.expect("reminders").len(),
        ms(d)
    );
}

/// The benchmark's operator at the computer's clock.
fn actor() -> dealerdesk_core::actor::Actor {
    let clock = dealerdesk_core::dates::Clock::office(chrono::Local::now().fixed_offset(), None);
    dealerdesk_core::actor::Actor::new("bench", clock).unwrap()
}
