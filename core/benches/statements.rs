//! Statement benchmark: prints figures, asserts nothing about time.
//!
//! 1. One 120-line zh-CN statement rendered in-process (median of many).
//! 2. A batch: 500 active distributors × 100 ledger lines, on every core
//!    (wall time, files, average size, peak RSS of this process).
//! 3. The same 120-line statement as HTML printed by headless Chromium
//!    (`chromium --headless --print-to-pdf`), the way browser-based ERPs do it.
//!
//! Run: `cargo bench -p dealerdesk-core --bench statements` (scripts/bench.sh
//! installs Chromium first).
use std::process::Command;
use std::sync::atomic::AtomicBool;
use std::sync::Arc;
use std::time::{Duration, Instant};

use dealerdesk_core::ledger::batch::{self, BatchRequest};
use dealerdesk_core::ledger::statement::{self, Statement, StatementRequest};
use dealerdesk_core::ledger::statement_layout;
use dealerdesk_core::ledger::{self, EntryInput, EntryKind};
use dealerdesk_core::settings::{self, CompanyProfile, StatementSettings};
use dealerdesk_core::{db, demo, distributor, pdf};

/// PDF rendering allocates many small objects; mimalloc handles that faster than the system allocator.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn median(mut v: Vec<Duration>) -> Duration {
    v.sort();
    v[v.len() / 2]
}

fn ms(d: Duration) -> String {
    format!("{:.2} ms", d.as_secs_f64() * 1000.0)
}

fn peak_rss_kib() -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmHWM:"))
                .and_then(|l| l.split_whitespace().nth(1).and_then(|n| n.parse().ok()))
        })
        .unwrap_or(0)
}

fn company() -> CompanyProfile {
    CompanyProfile {
        name: "宁波东海电器制造有限公司".into(),
        address: "浙江省宁波市北仑区新碶街道大港路 99 号".into(),
        phone: "0574-86881234".into(),
        bank_name: "中国工商银行宁波北仑支行".into(),
        bank_account: "3901 1100 0920 0012 345".into(),
        tax_no: demo::uscc_for(900),
        ..Default::default()
    }
}

fn html(s: &Statement, c: &CompanyProfile) -> String {
    let mut rows = String::new();
    for l in &s.lines {
        rows.push_str(&format!(
            "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td class=n>{}</td><td class=n>{}</td><td class=n>{}</td></tr>",
            l.date, l.doc_no, l.kind.label_zh(), l.description, l.debit.grouped(), l.credit.grouped(), l.balance.grouped()
        ));
    }
    format!(
        r#"<!doctype html><html><head><meta charset="utf-8"><style>
@page {{ size: A4; margin: 15mm; }}
body {{ font-family: "Noto Sans CJK SC", sans-serif; font-size: 8pt; }}
table {{ width: 100%; border-collapse: collapse; }} thead {{ display: table-header-group; }}
th {{ background: #e0e0e0; text-align: left; }} td, th {{ border-bottom: 0.5px solid #999; padding: 2px; }}
.n {{ text-align: right; }} .slip {{ border-top: 1px dashed #000; margin-top: 12mm; padding-top: 6mm; }}
</style></head><body>
<h2 style="text-align:center">{}</h2><h1 style="text-align:center">对账单</h1>
<p>{} · {}</p><p>客户：{}（{}） 对账期间：{} 至 {}</p>
<table><thead><tr><th>日期</th><th>单据号</th><th>类型</th><th>摘要</th><th>借方（应收）</th><th>贷方（已收）</th><th>余额</th></tr></thead>
<tbody><tr><td colspan=6>期初余额</td><td class=n>{}</td></tr>{}</tbody></table>
<p><b>期末余额（大写）：{}</b></p>
<div class="slip"><h2 style="text-align:center">对账确认回执</h2><p>截至 {}，贵我双方往来余额为：{} {}</p>
<p>□ 核对相符 □ 核对不符</p><p>经销商（盖章）　　经办人（签字）：　　日期：</p></div>
</body></html>"#,
        c.name,
        c.address,
        c.phone,
        s.distributor.name,
        s.distributor.code,
        s.from,
        s.to,
        s.opening_balance.grouped(),
        rows,
        s.closing_balance_in_words,
        s.to,
        s.closing_balance.grouped(),
        s.closing_balance_in_words
    )
}

fn chromium() -> Option<&'static str> {
    ["chromium", "chromium-browser", "google-chrome"]
        .into_iter()
        .find(|c| {
            Command::new(c)
                .arg("--version")
                .output()
                .map(|o| o.status.success())
                .unwrap_or(false)
        })
}

#[tokio::main]
async fn main() {
    let dir = tempfile::tempdir().unwrap();

    // --- 1. one 120-line statement ---------------------------------------
    let t = Instant::now();
    pdf::warm_up();
    println!("BENCH font parse (once per process): {}", ms(t.elapsed()));
    let conn = db::open(&dir.path().join("one.sqlite"), chrono::Utc::now())
        .await
        .unwrap()
        .db;
    let op = &actor();
    settings::save_statement_settings(
        &conn,
        op,
        StatementSettings {
            company: company(),
            aging_edges: [30, 60, 90],
        },
    )
    .await
    .unwrap();
    demo::generate(&conn, op, 4).await.unwrap(); // DS00004 is active
    let id = distributor::get_by_code(&conn, "DS00004")
        .await
        .unwrap()
        .unwrap()
        .id;
    for i in 0..120u32 {
        let kind = if i % 4 == 3 {
            EntryKind::Payment
        } else {
            EntryKind::Invoice
        };
        let e = EntryInput {
            distributor_id: id,
            date: format!("2026-{:02}-{:02}", 1 + i / 40, 1 + (i % 40) / 2),
            doc_no: format!("FP2026{i:05}"),
            kind: Some(kind),
            amount: format!("{}.{:02}", 1000 + i * 37, i % 100),
            description: if i % 10 == 0 {
                "华东区域二季度返利，按季度结算。（含税）货款已于月底前汇入指定账户，请核对。"
                    .into()
            } else {
                format!("销售出库 电饭煲 MB-40 {} 台", 20 + i)
            },
            ..Default::default()
        };
        ledger::post(&conn, op, &e).await.unwrap();
    }
    let s = statement::load(
        &conn,
        &StatementRequest {
            distributor_id: id,
            from: "2026-01-01".into(),
            to: "2026-03-31".into(),
        },
    )
    .await
    .unwrap();
    let c = company();
    let bytes = statement_layout::render(&s, &c, dealerdesk_core::lang::Lang::ZhCn, "2026-04-01")
        .unwrap()
        .bytes;
    let one = dir.path().join("one.pdf");
    std::fs::write(&one, &bytes).unwrap();
    let pages = Command::new("pdfinfo")
        .arg(&one)
        .output()
        .ok()
        .and_then(|o| {
            String::from_utf8_lossy(&o.stdout)
                .lines()
                .find(|l| l.starts_with("Pages:"))
                .and_then(|l| l.split_whitespace().nth(1).map(str::to_owned))
        });
    let mut times = vec![];
    for _ in 0..60 {
        let t = Instant::now();
        let b = statement_layout::render(&s, &c, dealerdesk_core::lang::Lang::ZhCn, "2026-04-01")
            .unwrap();
        times.push(t.elapsed());
        std::hint::black_box(b);
    }
    let ours = median(times.clone());
    times.sort();
    println!(
        "BENCH statement 120 lines zh-CN: median {} (min {}, max {}, n=60), {} bytes, {} pages",
        ms(ours),
        ms(times[0]),
        ms(times[times.len() - 1]),
        bytes.len(),
        pages.unwrap_or_else(|| "?".into())
    );
    let t = Instant::now();
    let n = 200;
    for _ in 0..n {
        std::hint::black_box(
            statement::load(
                &conn,
                &StatementRequest {
                    distributor_id: id,
                    from: "2026-01-01".into(),
                    to: "2026-03-31".into(),
                },
            )
            .await
            .unwrap(),
        );
    }
    println!(
        "BENCH statement 120 lines, load + compute from SQLite: {} per statement",
        ms(t.elapsed() / n)
    );

    // --- 3. headless Chromium on the same statement -----------------------
    match chromium() {
        None => {
            println!("BENCH chromium: not installed (scripts/bench.sh installs it); no comparison")
        }
        Some(bin) => {
            let page = dir.path().join("statement.html");
            std::fs::write(&page, html(&s, &c)).unwrap();
            let mut ctimes = vec![];
            let mut size = 0;
            for i in 0..5 {
                let out = dir.path().join(format!("chromium-{i}.pdf"));
                let profile = dir.path().join(format!("profile-{i}"));
                let t = Instant::now();
                let status = Command::new(bin)
                    .args([
                        "--headless",
                        "--no-sandbox",
                        "--disable-gpu",
                        "--no-first-run",
                        "--disable-background-networking",
                        "--disable-component-update",
                        "--disable-sync",
                        "--no-pdf-header-footer",
                    ])
                    .arg(format!("--user-data-dir={}", profile.display()))
                    .arg(format!("--print-to-pdf={}", out.display()))
                    .arg(format!("file://{}", page.display()))
                    .output()
                    .unwrap();
                ctimes.push(t.elapsed());
                assert!(
                    status.status.success() && out.exists(),
                    "chromium failed: {}",
                    String::from_utf8_lossy(&status.stderr)
                );
                size = std::fs::metadata(&out).map(|m| m.len()).unwrap_or(0);
            }
            let theirs = median(ctimes);
            println!("BENCH chromium --print-to-pdf same statement: median {} (n=5, cold process each), {} bytes", ms(theirs), size);
            println!(
                "BENCH speed-up per statement: {:.0}x",
                theirs.as_secs_f64() / ours.as_secs_f64()
            );
        }
    }

    // --- 2. batch: 500 active distributors × 100 lines --------------------
    let conn = db::open(&dir.path().join("batch.sqlite"), chrono::Utc::now())
        .await
        .unwrap()
        .db;
    batch_on(&conn, "SQLite", dir.path(), op).await;
    // The same on an office server, when one is named (an admin URL).
    if let Some(admin) = std::env::var("DEALERDESK_TEST_PG")
        .ok()
        .filter(|u| !u.is_empty())
    {
        let name = format!("statements_{}", std::process::id());
        let c = sea_orm::Database::connect(admin.as_str()).await.unwrap();
        sea_orm::ConnectionTrait::execute_unprepared(&c, &format!("CREATE DATABASE {name}"))
            .await
            .unwrap();
        c.close().await.ok();
        let url = match admin.split_once('?') {
            Some((base, q)) => format!("{}/{name}?{q}", &base[..base.rfind('/').unwrap()]),
            None => format!("{}/{name}", &admin[..admin.rfind('/').unwrap()]),
        };
        let url = db::ServerUrl::new(&url).unwrap();
        let conn = db::server::open(&url, None, chrono::Utc::now())
            .await
            .unwrap();
        batch_on(&conn, "PostgreSQL", dir.path(), op).await;
    }
}

/// The batch of statements on one database: 500 active distributors × ~100 lines.
async fn batch_on(
    conn: &dealerdesk_core::DatabaseConnection,
    engine: &str,
    dir: &std::path::Path,
    op: &dealerdesk_core::actor::Actor,
) {
    settings::save_statement_settings(
        conn,
        op,
        StatementSettings {
            company: company(),
            aging_edges: [30, 60, 90],
        },
    )
    .await
    .unwrap();
    // Three in four sample distributors are active: 667 gives 500.
    demo::generate(conn, op, 667).await.unwrap();
    let t = Instant::now();
    let entries = demo::generate_ledger(conn, op, 100, 2026).await.unwrap();
    println!(
        "BENCH demo ledger: {entries} entries in {}",
        ms(t.elapsed())
    );
    let out = dir.join(format!("out-{engine}"));
    let req = BatchRequest {
        from: "2026-01-01".into(),
        to: "2026-12-31".into(),
        out_dir: out.display().to_string(),
        lang: dealerdesk_core::lang::Lang::ZhCn,
        merged: false,
    };
    let rss_before = peak_rss_kib();
    let t = Instant::now();
    let summary = batch::run(
        conn,
        &req,
        Arc::new(AtomicBool::new(false)),
        Arc::new(|_| {}),
        &actor(),
    )
    .await
    .unwrap();
    let wall = t.elapsed();
    let total: u64 = std::fs::read_dir(&out)
        .unwrap()
        .map(|e| e.unwrap().metadata().unwrap().len())
        .sum();
    println!(
        "BENCH {engine} batch {} statements × ~100 lines on {} threads: {:.2} s wall, {} per statement, average {} KB per PDF, peak RSS {} MiB (before the batch {} MiB)",
        summary.files,
        std::thread::available_parallelism().map(|n| n.get()).unwrap_or(1),
        wall.as_secs_f64(),
        ms(wall / summary.files.max(1)),
        total / u64::from(summary.files.max(1)) / 1024,
        peak_rss_kib() / 1024,
        rss_before / 1024
    );
}
/// The benchmark's operator at the computer's clock.
fn actor() -> dealerdesk_core::actor::Actor {
    let clock = dealerdesk_core::dates::Clock::office(chrono::Local::now().fixed_offset(), None);
    dealerdesk_core::actor::Actor::new("bench", clock).unwrap()
}
