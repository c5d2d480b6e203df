//! Helpers of the ledger and statement tests.
use dealerdesk_core::ledger::{EntryInput, EntryKind};
use dealerdesk_core::{demo, distributor, DatabaseConnection};

use super::actor;

const DIST_HEADER: &str = "code,name,uscc,contact_name,contact_phone,province,city,address,status,credit_limit,payment_terms_days";

/// Active distributors D1.., named as given, through the real distributor import.
pub async fn active(db: &DatabaseConnection, dir: &std::path::Path, names: &[&str]) -> Vec<i64> {
    let file = dir.join("d.csv");
    let rows: Vec<String> = names
        .iter()
        .enumerate()
        .map(|(i, n)| {
            format!(
                "D{},{n},{},王伟,13812345678,上海市,上海市,浦东新区张江路 88 号,active,100000.00,30",
                i + 1,
                demo::uscc_for(i as u64 + 1)
            )
        })
        .collect();
    std::fs::write(
        &file,
        [DIST_HEADER.to_owned()]
            .into_iter()
            .chain(rows)
            .collect::<Vec<_>>()
            .join("\n"),
    )
    .unwrap();
    dealerdesk_core::distributor::transfer::import(db, &actor(), &file)
        .await
        .unwrap();
    let mut ids = vec![];
    for i in 0..names.len() {
        ids.push(
            distributor::get_by_code(db, &format!("D{}", i + 1))
                .await
                .unwrap()
                .unwrap()
                .id,
        );
    }
    ids
}

pub fn entry(id: i64, date: &str, doc: &str, kind: EntryKind, amount: &str) -> EntryInput {
    EntryInput {
        distributor_id: id,
        date: date.into(),
        doc_no: doc.into(),
        kind: Some(kind),
        amount: amount.into(),
        description: "货款".into(),
        ..Default::default()
    }
}
