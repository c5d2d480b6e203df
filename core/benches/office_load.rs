//! An office of five on one PostgreSQL server: five clients, each with its
//! own connections as five PCs would have, for `BENCH_SECONDS` (60) post
//! ledger entries, edit the same distributor and different ones (each edit
//! based on the version it read), record complaints and create agreement
//! drafts (numbered documents). Then it checks what an office relies on:
//! every acknowledged write is there; no save was silently overwritten (the
//! audit trail of every edited distributor is one unbroken chain, and each
//! lost race got `edit_conflict`); the TS- and HT- numbers are unique and
//! without gaps; and every distributor's balance equals the replay of the
//! entries the clients were told were posted. Prints writes per second,
//! conflicts and latencies; asserts nothing about time.
//!
//! Run: `cargo bench -p dealerdesk-core --bench office_load` with
//! `DEALERDESK_TEST_PG` naming a server (an admin URL: a database is
//! created on it); without it a throwaway cluster is started with
//! `scripts/pg.sh` on a Unix socket and stopped at the end.
use std::collections::{BTreeMap, HashMap};
use std::time::{Duration, Instant};

use chrono::Utc;
use dealerdesk_core::actor::{Access, Actor};
use dealerdesk_core::agreement::{
    self, AgreementInput, LadderStep, PaymentMethod, TargetInput, Territory,
};
use dealerdesk_core::complaint::{self, Channel, ComplaintInput, Priority};
use dealerdesk_core::dates::Clock;
use dealerdesk_core::db::{self, ServerUrl};
use dealerdesk_core::distributor::{self, DistributorQuery};
use dealerdesk_core::ledger::{self, receivables, EntryInput, EntryKind};
use dealerdesk_core::{demo, AppError, DatabaseConnection};
use sea_orm::{ConnectionTrait, Database, Statement};

const CLIENTS: usize = 5;
const DISTRIBUTORS: u64 = 20;
/// The distributor every client edits (the "same" one); the others are edited at random.
const CONTESTED: usize = 0;

fn actor(name: &str) -> Actor {
    Actor::new(
        name,
        Clock::office(chrono::Local::now().fixed_offset(), None),
    )
    .unwrap()
}

/// SplitMix64, so each client's mix of work is the same from run to run.
struct Rng(u64);
impl Rng {
    fn below(&mut self, n: u64) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        (z ^ (z >> 31)) % n
    }
}

#[derive(Default)]
struct Tally {
    /// (distributor, doc_no, fen) of every entry the client was told was posted.
    posted: Vec<(i64, String, i64)>,
    complaints: Vec<String>,
    agreements: Vec<String>,
    edits: u64,
    conflicts: u64,
    /// Milliseconds per kind of write.
    times: BTreeMap<&'static str, Vec<f64>>,
}

fn terms(distributor_id: i64, n: u64) -> AgreementInput {
    AgreementInput {
        distributor_id,
        territories: vec![Territory {
            province: "浙江省".into(),
            city: format!("城市{n}"),
            ..Default::default()
        }],
        exclusive: false,
        term_start: "2027-01-01".into(),
        term_end: "2027-12-31".into(),
        payment_days: 45,
        payment_method: Some(PaymentMethod::BankTransfer),
        credit_limit: "300000.00".into(),
        discount_pct: "10".into(),
        buyback_pct: "80".into(),
        targets: vec![TargetInput {
            label: "2027".into(),
            from: "2027-01-01".into(),
            to: "2027-12-31".into(),
            amount: "100000.00".into(),
        }],
        ladder: vec![LadderStep {
            threshold_pct: "100".into(),
            rebate_pct: "2".into(),
        }],
        special_clauses: String::new(),
    }
}

async fn client(
    db: DatabaseConnection,
    who: usize,
    dists: Vec<(i64, u64)>,
    until: Instant,
) -> Tally {
    let me = actor(&format!("用户{who}"));
    let mut rng = Rng(who as u64 * 7919 + 1);
    let mut t = Tally::default();
    let mut seq = 0u64;
    let open = Access::Open;
    while Instant::now() < until {
        seq += 1;
        let started = Instant::now();
        let kind = match rng.below(10) {
            0..=3 => {
                let (id, _) = dists[rng.below(dists.len() as u64) as usize];
                let fen = 100 + rng.below(1_000_000) as i64;
                let doc = format!("L{who}-{seq}");
                let input = EntryInput {
                    distributor_id: id,
                    date: "2026-11-20".into(),
                    doc_no: doc.clone(),
                    kind: Some(EntryKind::Invoice),
                    amount: format!("{}.{:02}", fen / 100, fen % 100),
                    description: "货款".into(),
                    ..Default::default()
                };
                ledger::post(&db, &me, &input).await.expect("post");
                t.posted.push((id, doc, fen));
                "ledger entry"
            }
            4..=6 => {
                let pick = if rng.below(2) == 0 {
                    CONTESTED
                } else {
                    rng.below(dists.len() as u64) as usize
                };
                let (id, n) = dists[pick];
                let base = distributor::get(&db, &open, id)
                    .await
                    .expect("read")
                    .distributor
                    .updated_at;
                let (mut input, _) = demo::sample(n);
                input.code = String::new();
                input.notes = format!("用户{who} 第{seq}次");
                match distributor::update_from(&db, &me, id, input, Some(&base)).await {
                    Ok(_) => t.edits += 1,
                    Err(AppError::EditConflict { .. }) => t.conflicts += 1,
                    Err(e) => panic!("edit: {e:?}"),
                }
                "distributor edit"
            }
            7..=8 => {
                let (id, _) = dists[rng.below(dists.len() as u64) as usize];
                let c = complaint::record(
                    &db,
                    &me,
                    &ComplaintInput {
                        distributor_id: id,
                        channel: Some(Channel::Phone),
                        product: "电饭煲 MB-40".into(),
                        batch_no: format!("B{seq}"),
                        category: "quality".into(),
                        priority: Some(Priority::P3),
                        description: "包装破损".into(),
                        assignee: "张敏".into(),
                        received_at: "2026-11-20 09:00".into(),
                    },
                )
                .await
                .expect("complaint");
                t.complaints.push(c.number);
                "complaint"
            }
            _ => {
                let (id, _) = dists[rng.below(dists.len() as u64) as usize];
                let a = agreement::create(&db, &me, &terms(id, seq))
                    .await
                    .expect("agreement");
                t.agreements.push(a.agreement.number);
                "agreement draft"
            }
        };
        t.times
            .entry(kind)
            .or_default()
            .push(started.elapsed().as_secs_f64() * 1e3);
    }
    t
}

fn percentiles(mut ms: Vec<f64>) -> String {
    ms.sort_by(|a, b| a.total_cmp(b));
    let p = |q: f64| ms[((ms.len() as f64 - 1.0) * q).round() as usize];
    format!("median {:>6.1} ms, p95 {:>6.1} ms", p(0.5), p(0.95))
}

/// Numbers of one prefix are 1..=n in their year: unique and without gaps.
fn gap_free(what: &str, numbers: &[String]) {
    let mut seq: Vec<u64> = numbers
        .iter()
        .map(|n| n.rsplit('-').next().unwrap().parse().unwrap())
        .collect();
    seq.sort();
    let want: Vec<u64> = (1..=seq.len() as u64).collect();
    assert_eq!(seq, want, "{what} numbers are unique and without gaps");
    println!(
        "{what}: {} numbers, 1 to {}, none twice, none missing",
        seq.len(),
        seq.len()
    );
}

struct Cluster(Option<std::path::PathBuf>);
impl Drop for Cluster {
    fn drop(&mut self) {
        if let Some(dir) = &self.0 {
            let script = concat!(env!("CARGO_MANIFEST_DIR"), "/../scripts/pg.sh");
            let _ = std::process::Command::new(script)
                .arg("stop")
                .arg(dir)
                .status();
        }
    }
}

#[tokio::main]
async fn main() {
    let seconds: u64 = std::env::var("BENCH_SECONDS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(60);
    let scratch = tempfile::tempdir().expect("temp dir");
    let (admin, _cluster) = match std::env::var("DEALERDESK_TEST_PG") {
        Ok(url) if !url.is_empty() => (url, Cluster(None)),
        _ => {
            let dir = scratch.path().join("pg");
            let script = concat!(env!("CARGO_MANIFEST_DIR"), "/../scripts/pg.sh");
            let out = std::process::Command::new(script)
                .arg("start")
                .arg(&dir)
                .output()
                .expect("scripts/pg.sh");
            assert!(
                out.status.success(),
                "{}",
                String::from_utf8_lossy(&out.stderr)
            );
            let url = String::from_utf8(out.stdout).unwrap().trim().to_owned();
            (url, Cluster(Some(dir)))
        }
    };
    let name = format!("load_{}", std::process::id());
    let conn = Database::connect(admin.as_str()).await.expect("server");
    conn.execute_unprepared(&format!("CREATE DATABASE {name}"))
        .await
        .expect("create database");
    conn.close().await.ok();
    let url = match admin.split_once('?') {
        Some((base, q)) => format!("{}/{name}?{q}", &base[..base.rfind('/').unwrap()]),
        None => format!("{}/{name}", &admin[..admin.rfind('/').unwrap()]),
    };
    let url = ServerUrl::new(&url).expect("url");
    let setup = db::server::open(&url, None, Utc::now())
        .await
        .expect("open");
    demo::generate(&setup, &actor("准备"), DISTRIBUTORS)
        .await
        .expect("distributors");
    let dists: Vec<(i64, u64)> =
        distributor::list(&setup, &Access::Open, &DistributorQuery::default())
            .await
            .unwrap()
            .rows
            .into_iter()
            .filter(|d| d.status.key() == "active")
            .map(|d| (d.id, d.code[2..].parse().unwrap()))
            .collect();
    println!(
        "{CLIENTS} clients for {seconds} s on PostgreSQL ({} active distributors; distributor {} edited by all)",
        dists.len(),
        dists[CONTESTED].0
    );

    let until = Instant::now() + Duration::from_secs(seconds);
    let started = Instant::now();
    let mut tasks = vec![];
    for who in 0..CLIENTS {
        // Each client its own pool: five PCs, not five threads of one.
        let db = db::server::open(&url, None, Utc::now())
            .await
            .expect("client");
        tasks.push(tokio::spawn(client(db, who, dists.clone(), until)));
    }
    let mut all = Tally::default();
    for t in tasks {
        let t = t.await.expect("client");
        all.posted.extend(t.posted);
        all.complaints.extend(t.complaints);
        all.agreements.extend(t.agreements);
        all.edits += t.edits;
        all.conflicts += t.conflicts;
        for (k, v) in t.times {
            all.times.entry(k).or_default().extend(v);
        }
    }
    let elapsed = started.elapsed().as_secs_f64();
    let writes = all.posted.len() as u64
        + all.complaints.len() as u64
        + all.agreements.len() as u64
        + all.edits
        + all.conflicts;
    println!(
        "{writes} writes in {elapsed:.1} s: {:.0} per second ({} entries, {} edits saved, {} edits refused as edit_conflict, {} complaints, {} agreement drafts)",
        writes as f64 / elapsed,
        all.posted.len(),
        all.edits,
        all.conflicts,
        all.complaints.len(),
        all.agreements.len()
    );
    for (k, v) in &all.times {
        println!("  {k:<18} {:>6} × {}", v.len(), percentiles(v.clone()));
    }

    // Every acknowledged entry is there, once.
    let rows = setup
        .query_all_raw(Statement::from_string(
            setup.get_database_backend(),
            "SELECT doc_no, amount_fen FROM ledger_entry WHERE doc_no LIKE 'L%-%'".to_owned(),
        ))
        .await
        .unwrap();
    let stored: HashMap<String, i64> = rows
        .iter()
        .map(|r| {
            (
                r.try_get::<String>("", "doc_no").unwrap(),
                r.try_get::<i64>("", "amount_fen").unwrap(),
            )
        })
        .collect();
    assert_eq!(
        stored.len(),
        all.posted.len(),
        "entries stored = entries acknowledged"
    );
    for (_, doc, fen) in &all.posted {
        assert_eq!(stored.get(doc), Some(fen), "entry {doc}");
    }
    println!(
        "ledger: every one of the {} acknowledged entries is stored, with its amount",
        all.posted.len()
    );

    // Statements equal a replay of the log: each balance is the seed's plus
    // the entries acknowledged for that distributor.
    let far = chrono::NaiveDate::from_ymd_opt(2099, 12, 31).unwrap();
    let balances: HashMap<i64, i64> = receivables::load(&setup, &Access::Open, far)
        .await
        .unwrap()
        .distributors
        .iter()
        .map(|r| (r.distributor_id, r.closing_balance.fen()))
        .collect();
    let seeded = setup
        .query_all_raw(Statement::from_string(
            setup.get_database_backend(),
            "SELECT distributor_id, CAST(SUM(amount_fen) AS BIGINT) AS s FROM ledger_entry WHERE doc_no NOT LIKE 'L%-%' GROUP BY distributor_id".to_owned(),
        ))
        .await
        .unwrap();
    let mut replay: HashMap<i64, i64> = seeded
        .iter()
        .map(|r| {
            (
                r.try_get::<i64>("", "distributor_id").unwrap(),
                r.try_get::<i64>("", "s").unwrap(),
            )
        })
        .collect();
    for (id, _, fen) in &all.posted {
        *replay.entry(*id).or_default() += fen;
    }
    replay.retain(|_, v| *v != 0);
    assert_eq!(
        balances, replay,
        "balances = replay of the acknowledged entries"
    );
    println!(
        "statements: {} balances equal the replay of the entries",
        balances.len()
    );

    // No silent overwrite: each saved edit of a distributor starts from the
    // notes the one before left (an edit from a stale version would break the chain).
    let mut chained = 0;
    for (id, _) in &dists {
        let trail = dealerdesk_core::audit::list(
            &setup,
            "distributor",
            *id,
            dealerdesk_core::paging::Paging::ALL,
        )
        .await
        .unwrap();
        let mut notes: Vec<(Option<String>, Option<String>)> = trail
            .rows
            .iter()
            .rev()
            .filter(|e| e.action == "update")
            .flat_map(|e| e.changes.iter().filter(|c| c.field == "notes"))
            .map(|c| (c.before.clone(), c.after.clone()))
            .collect();
        for w in notes.windows(2) {
            assert_eq!(
                w[0].1, w[1].0,
                "distributor {id}: an edit overwrote another unseen"
            );
        }
        chained += notes.len();
        notes.clear();
    }
    println!(
        "edits: {chained} saved edits form unbroken chains; {} lost races were refused",
        all.conflicts
    );

    gap_free("complaints (TS-)", &all.complaints);
    gap_free("agreements (HT-)", &all.agreements);
    setup.close().await.ok();
}
