//! The annual tier review (年度定级): a year's score is the average of its
//! finalised quarters (the rated ones, 0.01 half up); thresholds recommend
//! strategic / core / basic. Nothing changes a tier by itself: the user
//! applies a recommendation, which goes through the tier history with a
//! reason naming the year and the score.
use std::collections::HashMap;

use sea_orm::{
    ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, TransactionSession, TransactionTrait,
};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::score::{centi_text, div_half_up};
use super::Quarter;
use crate::actor::Actor;
use crate::actor::Right;
use crate::distributor::Tier;
use crate::entity::scorecard_snapshot;
use crate::error::{AppError, AppResult, ErrorCode};
use crate::settings::TierThresholds;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum Direction {
    Promote,
    Demote,
    Keep,
}

fn rank(t: Tier) -> u8 {
    match t {
        Tier::Strategic => 3,
        Tier::Core => 2,
        Tier::Basic => 1,
    }
}

#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct TierReviewRow {
    #[ts(type = "number")]
    pub distributor_id: i64,
    pub code: String,
    pub name: String,
    pub current: Tier,
    /// The finalised quarters of the year in which it was rated.
    pub quarters_rated: u32,
    /// `None`: not rated in any finalised quarter of the year.
    pub annual_score: Option<String>,
    pub recommended: Option<Tier>,
    pub direction: Option<Direction>,
}

#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct TierReview {
    pub year: i32,
    /// The year's finalised quarters.
    pub quarters: Vec<String>,
    pub thresholds: TierThresholds,
    pub distributors: Vec<TierReviewRow>,
}

/// The thresholds in force: the scorecard settings' own, else admission's.
async fn thresholds<C: ConnectionTrait>(db: &C) -> AppResult<TierThresholds> {
    Ok(match super::load_settings(db).await?.tier_thresholds {
        Some(t) => t,
        None => crate::settings::load(db).await?.thresholds,
    })
}

/// The year's review for distributors active or suspended now.
/// The annual review as a reader sees it: the distributors in `access`'s scope.
pub async fn review_for<C: ConnectionTrait>(
    db: &C,
    access: &crate::actor::Access,
    year: i32,
) -> AppResult<TierReview> {
    let mut r = review(db, year).await?;
    let visible = crate::scope::visible(db, access).await?;
    r.distributors
        .retain(|row| crate::scope::shows(&visible, row.distributor_id));
    Ok(r)
}

pub async fn review<C: ConnectionTrait>(db: &C, year: i32) -> AppResult<TierReview> {
    if !(2000..=2999).contains(&year) {
        return Err(AppError::field("year", ErrorCode::OutOfRange));
    }
    let thresholds = thresholds(db).await?;
    let quarters: Vec<Quarter> = super::finalise::finalised_quarters(db)
        .await?
        .into_iter()
        .filter(|q| q.year == year)
        .collect();
    let names: Vec<String> = quarters.iter().map(|q| q.to_string()).collect();
    // The latest revision's total per distributor and quarter.
    let mut latest: HashMap<(i64, String), (i32, Option<i64>)> = HashMap::new();
    for m in scorecard_snapshot::Entity::find()
        .filter(scorecard_snapshot::Column::Quarter.is_in(names.clone()))
        .all(db)
        .await?
    {
        let e = latest
            .entry((m.distributor_id, m.quarter.clone()))
            .or_insert((m.revision, m.total_centi));
        if m.revision >= e.0 {
            *e = (m.revision, m.total_centi);
        }
    }
    let ids = super::active_or_suspended(db).await?;
    let dists = crate::distributor::models_by_id(db, ids.iter().copied()).await?;
    let mut rows = vec![];
    for d in dists.values() {
        let totals: Vec<i64> = names
            .iter()
            .filter_map(|q| latest.get(&(d.id, q.clone())).and_then(|(_, t)| *t))
            .collect();
        let current = crate::distributor::tier_of(d)?;
        let annual = (!totals.is_empty()).then(|| {
            let sum: i128 = totals.iter().map(|t| i128::from(*t)).sum();
            i64::try_from(div_half_up(sum, totals.len() as i128)).unwrap_or(0)
        });
        let recommended = annual.map(|a| thresholds.recommend(a));
        let direction = recommended.map(|r| match rank(r).cmp(&rank(current)) {
            std::cmp::Ordering::Greater => Direction::Promote,
            std::cmp::Ordering::Less => Direction::Demote,
            std::cmp::Ordering::Equal => Direction::Keep,
        });
        rows.push(TierReviewRow {
            distributor_id: d.id,
            code: d.code.clone(),
            name: d.name.clone(),
            current,
            quarters_rated: totals.len() as u32,
            annual_score: annual.map(centi_text),
            recommended,
            direction,
        });
    }
    rows.sort_by(|a, b| a.code.cmp(&b.code));
    Ok(TierReview {
        year,
        quarters: names,
        thresholds,
        distributors: rows,
    })
}

#[derive(Debug, Clone, Deserialize, TS)]
#[ts(export)]
pub struct ApplyTiers {
    pub year: i32,
    /// The distributors whose recommendation to apply; empty: every one that
    /// promotes or demotes.
    #[ts(type = "number[]")]
    #[serde(default)]
    pub distributor_ids: Vec<i64>,
}

/// Applies recommendations in one transaction, each a tier change whose
/// reason names the year and the score; answers the rows applied.
pub async fn apply<C: ConnectionTrait + TransactionTrait>(
    db: &C,
    actor: &Actor,
    req: &ApplyTiers,
) -> AppResult<Vec<TierReviewRow>> {
    actor.require(Right::Channel)?;
    let txn = crate::db::write(db).await?;
    let review = review(&txn, req.year).await?;
    let mut applied = vec![];
    for id in &req.distributor_ids {
        let row = review.distributors.iter().find(|r| r.distributor_id == *id);
        if !row.is_some_and(|r| r.direction.is_some_and(|d| d != Direction::Keep)) {
            return Err(AppError::Validation {
                fields: vec![crate::error::FieldError::with_detail(
                    "distributor_ids",
                    ErrorCode::Unchanged,
                    row.map(|r| r.code.clone())
                        .unwrap_or_else(|| id.to_string()),
                )],
            });
        }
    }
    for row in &review.distributors {
        let wanted =
            req.distributor_ids.is_empty() || req.distributor_ids.contains(&row.distributor_id);
        let (Some(to), Some(score)) = (row.recommended, row.annual_score.as_ref()) else {
            continue;
        };
        if !wanted || to == row.current {
            continue;
        }
        let current = crate::entity::distributor::Entity::find_by_id(row.distributor_id)
            .one(&txn)
            .await?
            .ok_or_else(|| AppError::not_found("distributor", row.distributor_id))?;
        let reason = format!(
            "{} 年度定级：年度得分 {score} / Annual tier review {}: score {score}",
            req.year, req.year
        );
        crate::distributor::lifecycle::record_tier(&txn, current, to, &reason, actor).await?;
        applied.push(row.clone());
    }
    txn.commit().await?;
    Ok(applied)
}
