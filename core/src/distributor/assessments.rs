//! The admission assessments (准入评审) on a distributor's record, as read back:
//! the criteria as weighted at the time, the scores, the total and the decision.
//! Scoring and recording live in the `assessment` module, which sits above this module.
use rust_decimal::Decimal;
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::Tier;
use crate::entity::assessment;
use crate::error::AppResult;
use crate::stored::Record;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum Decision {
    Approve,
    Reject,
    /// Keep reviewing; no status change.
    Defer,
}

impl Decision {
    pub const ALL: [Decision; 3] = [Decision::Approve, Decision::Reject, Decision::Defer];

    pub fn key(self) -> &'static str {
        match self {
            Decision::Approve => "approve",
            Decision::Reject => "reject",
            Decision::Defer => "defer",
        }
    }
}

/// A criterion as weighted at the time of scoring, with its score.
#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ScoredCriterion {
    pub key: String,
    pub label_zh: String,
    pub label_en: String,
    pub weight: u32,
    pub score: u32,
}

#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct Assessment {
    #[ts(type = "number")]
    pub id: i64,
    #[ts(type = "number")]
    pub distributor_id: i64,
    pub assessed_on: String,
    pub assessor: String,
    pub scores: Vec<ScoredCriterion>,
    /// Weighted total with two decimals, e.g. "82.50".
    pub total: String,
    pub recommended_tier: Tier,
    pub site_visit_notes: String,
    pub decision: Decision,
    pub created_at: String,
}

pub(crate) fn centi_text(c: i64) -> String {
    Decimal::new(c, 2).to_string()
}

pub(crate) fn to_dto(m: assessment::Model) -> AppResult<Assessment> {
    let stored = Record::new("assessment", m.id);
    Ok(Assessment {
        id: m.id,
        distributor_id: m.distributor_id,
        assessed_on: m.assessed_on.to_string(),
        assessor: m.assessor,
        scores: stored.json("scores_json", &m.scores_json)?,
        total: centi_text(m.total_centi),
        recommended_tier: stored.key("recommended_tier", &m.recommended_tier, Tier::parse)?,
        site_visit_notes: m.site_visit_notes,
        decision: stored.key("decision", &m.decision, |d| {
            Decision::ALL.into_iter().find(|v| v.key() == d)
        })?,
        created_at: m.created_at.to_rfc3339(),
    })
}

pub async fn list<C: ConnectionTrait>(db: &C, distributor_id: i64) -> AppResult<Vec<Assessment>> {
    assessment::Entity::find()
        .filter(assessment::Column::DistributorId.eq(distributor_id))
        .order_by_desc(assessment::Column::Id)
        .all(db)
        .await?
        .into_iter()
        .map(to_dto)
        .collect()
}
