//! Quarterly scorecards from the real records: sales and targets as the
//! rebate run counts them, payment discipline as the statement ages the
//! balance on the quarter's last day, and who is listed.
mod common;

use common::agreements::{entry, province, signed, terms};
use common::{actor, fresh};
use dealerdesk_core::ledger::statement::{self, StatementRequest};
use dealerdesk_core::ledger::{self, EntryKind, ReverseRequest};
use dealerdesk_core::scorecard::{self, Grade, Quarter};
use dealerdesk_core::{distributor, DatabaseConnection};

const HEADER: &str = "code,name,uscc,contact_name,contact_phone,province,city,address,status,credit_limit,payment_terms_days";

async fn import(db: &DatabaseConnection, dir: &std::path::Path, rows: &[(&str, &str, &str)]) {
    let file = dir.join("d.csv");
    let body: Vec<String> = rows
        .iter()
        .enumerate()
        .map(|(i, (code, name, status))| {
            format!(
                "{code},{name},{},王伟,13812345678,浙江省,杭州市,文三路 1 号,{status},100000.00,30",
                dealerdesk_core::demo::uscc_for(i as u64 + 1)
            )
        })
        .collect();
    std::fs::write(&file, format!("{HEADER}\n{}", body.join("\n"))).unwrap();
    distributor::transfer::import(db, &actor(), &file)
        .await
        .unwrap();
}

async fn id(db: &DatabaseConnection, code: &str) -> i64 {
    distributor::get_by_code(db, code)
        .await
        .unwrap()
        .unwrap()
        .id
}

#[test]
fn quarters_are_read_and_bounded() {
    let q = Quarter::parse("2026q1").unwrap();
    assert_eq!(
        (q.first_day().to_string(), q.last_day().to_string()),
        ("2026-01-01".into(), "2026-03-31".into())
    );
    let q4 = Quarter::parse("2025-Q4").unwrap();
    assert_eq!(q4.last_day().to_string(), "2025-12-31");
    assert_eq!(q.a_year_before().to_string(), "2025Q1");
    assert!(Quarter::parse("2026Q5").is_none() && Quarter::parse("Q1").is_none());
}

#[tokio::test]
async fn a_quarter_is_scored_from_the_ledger_agreements_and_statement() {
    let (dir, db) = fresh().await;
    import(
        &db,
        dir.path(),
        &[
            ("D1", "甲商贸", "active"),
            ("D2", "乙商贸", "active"),
            ("D3", "丙商贸", "terminated"),
            ("D4", "丁商贸", "active"),
        ],
    )
    .await;
    let (d1, d2, d4) = (
        id(&db, "D1").await,
        id(&db, "D2").await,
        id(&db, "D4").await,
    );
    // D1's agreement: 100,000 a quarter in 2026.
    signed(
        &db,
        dir.path(),
        terms(d1, province("浙江省", "杭州市"), false),
    )
    .await;

    // A year before: 80,000 in 2025 Q1.
    entry(
        &db,
        d1,
        "2025-01-15",
        "INV-2501",
        EntryKind::Invoice,
        "80000.00",
    )
    .await;
    // The quarter: 120,000 invoiced, 10,000 credited, 5,000 invoiced and reversed,
    // 50,000 paid.
    entry(
        &db,
        d1,
        "2026-02-01",
        "INV-2601",
        EntryKind::Invoice,
        "120000.00",
    )
    .await;
    entry(
        &db,
        d1,
        "2026-02-10",
        "CN-2601",
        EntryKind::CreditNote,
        "10000.00",
    )
    .await;
    let wrong = entry(
        &db,
        d1,
        "2026-03-01",
        "INV-2602",
        EntryKind::Invoice,
        "5000.00",
    )
    .await;
    ledger::reverse(
        &db,
        &actor(),
        &ReverseRequest {
            entry_id: wrong,
            date: "2026-03-02".into(),
            reason: "开错".into(),
        },
    )
    .await
    .unwrap();
    entry(
        &db,
        d1,
        "2026-03-20",
        "PAY-2601",
        EntryKind::Payment,
        "50000.00",
    )
    .await;
    entry(
        &db,
        d1,
        "2026-03-28",
        "INV-2603",
        EntryKind::Invoice,
        "30000.00",
    )
    .await;
    // D4 sold in the quarter and was terminated since: it is listed.
    entry(
        &db,
        d4,
        "2026-01-10",
        "INV-4",
        EntryKind::Invoice,
        "1000.00",
    )
    .await;
    distributor::transition(
        &db,
        &actor(),
        distributor::TransitionRequest {
            id: d4,
            to: distributor::Status::Terminated,
            date: String::new(),
            reason: "合作终止".into(),
        },
    )
    .await
    .unwrap();
    // Entries after the quarter change nothing.
    entry(
        &db,
        d1,
        "2026-04-02",
        "INV-2604",
        EntryKind::Invoice,
        "999999.00",
    )
    .await;

    let review = scorecard::review(&db, Quarter::parse("2026Q1").unwrap())
        .await
        .unwrap();
    let codes: Vec<&str> = review
        .distributors
        .iter()
        .map(|s| s.code.as_str())
        .collect();
    assert_eq!(
        codes,
        vec!["D1", "D2", "D4"],
        "active ones and those with entries in the quarter"
    );
    assert_eq!(
        (review.from.as_str(), review.to.as_str()),
        ("2026-01-01", "2026-03-31")
    );

    let s1 = &review.distributors[0];
    // 120,000 − 10,000 + 30,000 (the reversed 5,000 left out).
    assert_eq!(s1.sales.to_string(), "140000.00");
    assert_eq!(s1.target.to_string(), "100000.00");
    assert_eq!(s1.achievement_pct.as_deref(), Some("140.00"));
    assert_eq!(
        s1.indicators["achievement"].score.as_deref(),
        Some("100.00")
    );
    assert_eq!(s1.last_year_sales.to_string(), "80000.00");
    assert_eq!(s1.growth_pct.as_deref(), Some("75.00"));
    assert_eq!(s1.indicators["growth"].score.as_deref(), Some("100.00"));

    // Payment: the statement's own closing balance and not-due part on 03-31.
    let st = statement::load(
        &db,
        &StatementRequest {
            distributor_id: d1,
            from: "2026-01-01".into(),
            to: "2026-03-31".into(),
        },
    )
    .await
    .unwrap();
    assert_eq!(s1.closing_balance, st.closing_balance);
    assert_eq!(s1.not_due, st.aging.not_due);
    assert_eq!(s1.closing_balance.to_string(), "170000.00");
    // 30,000 invoiced on 03-28 is not due on 03-31: 30,000 ÷ 170,000 = 17.65 %.
    assert_eq!(s1.not_due.to_string(), "30000.00");
    assert_eq!(s1.indicators["payment"].score.as_deref(), Some("17.65"));
    assert!(!s1.indicators["rating"].applicable, "no rating entered yet");
    // Total from the rounded scores of what applies (training only if the tier requires a course).
    let applicable: Vec<(i64, u32)> = s1
        .indicators
        .values()
        .filter(|i| i.applicable)
        .map(|i| {
            (
                i.score
                    .as_deref()
                    .unwrap()
                    .replace('.', "")
                    .parse()
                    .unwrap(),
                i.weight,
            )
        })
        .collect();
    let (sum, w): (i64, i64) = applicable.iter().fold((0, 0), |(s, w), (c, k)| {
        (s + c * i64::from(*k), w + i64::from(*k))
    });
    let expected = (2 * sum + w) / (2 * w);
    assert_eq!(
        s1.total.as_deref(),
        Some(scorecard::score::centi_text(expected).as_str())
    );
    assert_eq!(
        s1.training_pct.is_some(),
        s1.indicators["training"].applicable
    );

    // D2: active, no agreement, no ledger: achievement, growth and payment do not apply.
    let s2 = &review.distributors[1];
    assert_eq!(s2.target.to_string(), "0.00");
    assert_eq!(s2.achievement_pct, None);
    assert!(!s2.indicators["payment"].applicable);
    if !s2.indicators["training"].applicable {
        assert_eq!((s2.total.as_deref(), s2.grade), (None, None), "not rated");
    }
    let _ = d2;

    // D4: sold 1,000 on 01-10, unpaid, due on 02-09: nothing of it is still within terms.
    let s4 = &review.distributors[2];
    assert_eq!(s4.indicators["payment"].score.as_deref(), Some("0.00"));
    assert_eq!(s4.achievement_pct, None);

    // The grade follows the total.
    for s in &review.distributors {
        if let Some(t) = &s.total {
            let c: i64 = t.replace('.', "").parse().unwrap();
            let g = if c >= 9000 {
                Grade::A
            } else if c >= 7500 {
                Grade::B
            } else if c >= 6000 {
                Grade::C
            } else {
                Grade::D
            };
            assert_eq!(s.grade, Some(g));
            assert_eq!(s.below_baseline, c < 6000);
        }
    }
}
