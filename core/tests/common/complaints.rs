//! Helpers of the complaint tests.
use chrono::{DateTime, NaiveDateTime, Utc};
use dealerdesk_core::complaint::{
    Channel, ComplaintInput, ComplaintStatus, ComplaintTransition, Priority,
};
use dealerdesk_core::{distributor, DatabaseConnection};

use super::{actor, input};

/// Local (UTC+8, the default office offset) wall-clock time as a UTC instant.
pub fn local(s: &str) -> DateTime<Utc> {
    (NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M").unwrap() - chrono::Duration::hours(8))
        .and_utc()
}

pub async fn one_distributor(db: &DatabaseConnection) -> i64 {
    distributor::create(
        db,
        &actor(),
        input("杭州恒通贸易有限公司", "91110000802100433B"),
    )
    .await
    .unwrap()
    .id
}

pub fn intake(distributor_id: i64, received_at: &str, priority: Priority) -> ComplaintInput {
    ComplaintInput {
        distributor_id,
        channel: Some(Channel::Phone),
        product: "电饭煲 MB-40".into(),
        batch_no: "B2604-017".into(),
        category: "quality".into(),
        priority: Some(priority),
        description: "内胆涂层脱落，终端客户要求退换".into(),
        assignee: "张敏".into(),
        received_at: received_at.into(),
    }
}

pub fn step(id: i64, to: ComplaintStatus, at: &str) -> ComplaintTransition {
    ComplaintTransition {
        id,
        to: Some(to),
        at: at.into(),
        ..Default::default()
    }
}
