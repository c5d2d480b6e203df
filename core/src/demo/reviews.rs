//! Sample performance reviews: the sample ledger's year before (paid
//! quarterly, so the opening balance it carries stays true and growth has a
//! year to compare with), ratings for the four quarters that ended last, a
//! few violations, those four quarters finalised (a level-1 and a level-2
//! warning among them) and an open improvement plan.
use sea_orm::{
    ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, Set, TransactionSession,
    TransactionTrait,
};

use super::{yuan, Rng};
use crate::actor::Actor;
use crate::entity::{distributor as dist, ledger_entry};
use crate::error::AppResult;
use crate::ledger::EntryKind;
use crate::scorecard::{self, Quarter};

/// What was added.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct ReviewsAdded {
    pub entries: u64,
    pub quarters: u32,
    pub violations: u32,
}

/// For distributors whose sample ledger starts with the 2025 year-end
/// balance, invoices and their payment in each quarter of 2025.
async fn year_before<C: ConnectionTrait + TransactionTrait>(
    db: &C,
    actor: &Actor,
    seed: u64,
) -> AppResult<u64> {
    let opening = chrono::NaiveDate::from_ymd_opt(2025, 12, 31).unwrap_or_default();
    let txn = crate::db::write(db).await?;
    let entries = ledger_entry::Entity::find()
        .order_by_asc(ledger_entry::Column::EntryDate)
        .all(&txn)
        .await?;
    let mut first: std::collections::BTreeMap<i64, &ledger_entry::Model> = Default::default();
    for e in &entries {
        first.entry(e.distributor_id).or_insert(e);
    }
    let now = actor.now();
    let mut batch = vec![];
    for (id, e) in first {
        if e.entry_date != opening || e.doc_no != "OB-2026" {
            continue;
        }
        let mut rng = Rng(seed ^ (id as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15) ^ 2025);
        for q in 1..=4u32 {
            let quarter = Quarter { year: 2025, q };
            let from = quarter.first_day();
            let mut sum = 0i64;
            for (k, day) in [(0, 10u64), (1, 40), (2, 65)] {
                let amount = yuan(90_000) + rng.fen(yuan(150_000));
                let date = from + chrono::Days::new(day + rng.below(20));
                sum += amount;
                batch.push(ledger_entry::ActiveModel {
                    distributor_id: Set(id),
                    entry_date: Set(date),
                    doc_no: Set(format!("INV-2025Q{q}-{k}")),
                    kind: Set(EntryKind::Invoice.key().into()),
                    amount_fen: Set(amount),
                    description: Set("销售出库（上年同期）".into()),
                    fapiao_no: Set(format!("{:08}", rng.below(100_000_000))),
                    due_date: Set(date + chrono::Days::new(30)),
                    reverses_id: Set(None),
                    created_at: Set(now),
                    created_by: Set(actor.operator().to_owned()),
                    ..Default::default()
                });
            }
            let paid_on = quarter.last_day() - chrono::Days::new(5);
            batch.push(ledger_entry::ActiveModel {
                distributor_id: Set(id),
                entry_date: Set(paid_on),
                doc_no: Set(format!("PAY-2025Q{q}")),
                kind: Set(EntryKind::Payment.key().into()),
                amount_fen: Set(sum),
                description: Set("银行转账回款".into()),
                fapiao_no: Set(String::new()),
                due_date: Set(paid_on),
                reverses_id: Set(None),
                created_at: Set(now),
                created_by: Set(actor.operator().to_owned()),
                ..Default::default()
            });
        }
    }
    let n = batch.len() as u64;
    for chunk in batch.chunks(1000) {
        ledger_entry::Entity::insert_many(chunk.to_vec())
            .exec(&txn)
            .await?;
    }
    txn.commit().await?;
    Ok(n)
}

/// Adds the sample reviews; quarters already finalised are left as they are.
pub async fn generate_reviews<C: ConnectionTrait + TransactionTrait>(
    db: &C,
    actor: &Actor,
    seed: u64,
) -> AppResult<ReviewsAdded> {
    let mut added = ReviewsAdded {
        entries: year_before(db, actor, seed).await?,
        ..Default::default()
    };
    let today = actor.today();
    let mut quarters = vec![Quarter::of(today).previous()];
    while quarters.len() < 4 {
        let before = quarters[quarters.len() - 1].previous();
        quarters.push(before);
    }
    quarters.reverse();
    let done = scorecard::finalise::finalised_quarters(db).await?;
    let quarters: Vec<Quarter> = quarters.into_iter().filter(|q| !done.contains(q)).collect();
    if quarters.is_empty() {
        return Ok(added);
    }
    // Two active distributors with a ledger take the violations: the first
    // in the last two quarters (level 2), the second in the last one (level 1).
    let active: Vec<dist::Model> = dist::Entity::find()
        .filter(dist::Column::Status.eq(crate::distributor::Status::Active.key()))
        .order_by_asc(dist::Column::Code)
        .all(db)
        .await?;
    let with_ledger: std::collections::HashSet<i64> = ledger_entry::Entity::find()
        .all(db)
        .await?
        .into_iter()
        .map(|e| e.distributor_id)
        .collect();
    let offenders: Vec<i64> = active
        .iter()
        .filter(|d| with_ledger.contains(&d.id))
        .map(|d| d.id)
        .take(2)
        .collect();
    let n = quarters.len();
    // The first offends in the last two quarters, the second in the last one.
    let offends = |k: usize, i: usize| i + 2 - k.min(1) >= n;
    for (i, q) in quarters.iter().enumerate() {
        let review = scorecard::live(db, *q, None).await?;
        for card in &review.distributors {
            let mut rng = Rng(seed ^ (card.distributor_id as u64) ^ (u64::from(q.q) << 20));
            let low = offenders
                .iter()
                .position(|o| *o == card.distributor_id)
                .is_some_and(|k| offends(k, i));
            let rating = if low { 45 } else { 70 + rng.below(31) as u32 };
            scorecard::rate(
                db,
                actor,
                &scorecard::RatingInput {
                    distributor_id: card.distributor_id,
                    quarter: q.to_string(),
                    rating: Some(rating),
                    comment: if low {
                        "窜货、乱价问题突出，配合度差".into()
                    } else {
                        String::new()
                    },
                },
            )
            .await?;
        }
        let mid = q.first_day() + chrono::Days::new(45);
        for (k, id) in offenders.iter().enumerate() {
            if !offends(k, i) {
                continue;
            }
            for (kind, points, what) in [
                ("cross_territory", "25", "在邻省低价销售，经举报核实"),
                ("price", "20", "线上低于限价销售"),
            ] {
                crate::violation::record(
                    db,
                    actor,
                    &crate::violation::ViolationInput {
                        distributor_id: *id,
                        occurred_on: mid.to_string(),
                        kind: kind.into(),
                        description: what.into(),
                        points: points.into(),
                        withhold_rebate: false,
                        complaint_id: None,
                    },
                )
                .await?;
                added.violations += 1;
            }
        }
        scorecard::finalise::finalise(db, actor, &q.to_string()).await?;
        added.quarters += 1;
    }
    // The level-1 distributor's improvement plan, open.
    if let (Some(id), Some(last)) = (offenders.get(1), quarters.last()) {
        scorecard::plan::save(
            db,
            actor,
            &scorecard::plan::PlanInput {
                id: None,
                distributor_id: *id,
                quarter: last.to_string(),
                actions: "停止跨区发货；按限价表整改线上价格；每月提交客户档案".into(),
                owner: "区域经理".into(),
                due_on: (today + chrono::Days::new(30)).to_string(),
                outcome: String::new(),
                closed_on: None,
            },
        )
        .await?;
    }
    Ok(added)
}
