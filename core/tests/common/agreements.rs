//! Helpers of the agreement, rebate and onboarding tests.
use super::actor;
use chrono::{TimeZone, Utc};
use dealerdesk_core::agreement::{
    self, AgreementInput, LadderStep, PaymentMethod, SignRequest, TargetInput, Territory,
};
use dealerdesk_core::ledger::{self, EntryInput, EntryKind};
use dealerdesk_core::{demo, distributor, DatabaseConnection};

use super::day;

pub fn at(s: &str) -> chrono::DateTime<Utc> {
    Utc.from_utc_datetime(&day(s).and_hms_opt(2, 0, 0).unwrap())
}

pub fn province(p: &str, c: &str) -> Territory {
    Territory {
        province: p.into(),
        city: c.into(),
        ..Default::default()
    }
}

pub fn terms(distributor_id: i64, territory: Territory, exclusive: bool) -> AgreementInput {
    AgreementInput {
        distributor_id,
        territories: vec![territory],
        exclusive,
        term_start: "2026-01-01".into(),
        term_end: "2026-12-31".into(),
        payment_days: 45,
        payment_method: Some(PaymentMethod::BankTransfer),
        credit_limit: "300000.00".into(),
        discount_pct: "12.5".into(),
        buyback_pct: "80".into(),
        targets: ["Q1", "Q2", "Q3", "Q4"]
            .iter()
            .zip([
                ("01-01", "03-31"),
                ("04-01", "06-30"),
                ("07-01", "09-30"),
                ("10-01", "12-31"),
            ])
            .map(|(l, (f, t))| TargetInput {
                label: format!("2026-{l}"),
                from: format!("2026-{f}"),
                to: format!("2026-{t}"),
                amount: "100000.00".into(),
            })
            .collect(),
        ladder: [("80", "1"), ("100", "3"), ("120", "5")]
            .iter()
            .map(|(a, r)| LadderStep {
                threshold_pct: (*a).into(),
                rebate_pct: (*r).into(),
            })
            .collect(),
        special_clauses: "乙方须在每月 5 日前报送上月进销存数据。".into(),
    }
}

pub async fn dist(db: &DatabaseConnection, n: u64) -> i64 {
    let (mut i, _) = demo::sample(n);
    i.code = String::new();
    distributor::create(db, &actor(), i).await.unwrap().id
}

pub async fn signed(db: &DatabaseConnection, root: &std::path::Path, input: AgreementInput) -> i64 {
    let d = agreement::create(
        db,
        &crate::common::at_instant(&actor(), at("2025-12-01")),
        &input,
    )
    .await
    .unwrap();
    let id = d.agreement.id;
    agreement::submit(db, &crate::common::on_day(&actor(), day("2025-12-01")), id)
        .await
        .unwrap();
    agreement::sign(
        db,
        root,
        &crate::common::on_day(&actor(), day("2025-12-20")),
        &SignRequest {
            id,
            signed_date: "2025-12-15".into(),
            ..Default::default()
        },
    )
    .await
    .unwrap();
    id
}

pub async fn entry(
    db: &DatabaseConnection,
    d: i64,
    date: &str,
    doc: &str,
    kind: EntryKind,
    amount: &str,
) -> i64 {
    ledger::post(
        db,
        &actor(),
        &EntryInput {
            distributor_id: d,
            date: date.into(),
            doc_no: doc.into(),
            kind: Some(kind),
            amount: amount.into(),
            description: String::new(),
            fapiao_no: String::new(),
            due_date: String::new(),
        },
    )
    .await
    .unwrap()
    .id
}
