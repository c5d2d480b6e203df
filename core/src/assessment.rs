//! Admission assessment (准入评审): weighted criteria scores, a recommended tier,
//! site-visit findings and the decision.
use chrono::NaiveDate;
use rust_decimal::Decimal;
use sea_orm::TransactionSession;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, Set,
    TransactionTrait,
};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::audit::{self, FieldChange};
use crate::distributor::{Status, Tier};
use crate::entity::assessment;
use crate::error::{AppError, AppResult, FieldErrors};
use crate::settings::{self, Criterion};

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
    fn key(self) -> &'static str {
        match self {
            Decision::Approve => "approve",
            Decision::Reject => "reject",
            Decision::Defer => "defer",
        }
    }
}

#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct CriterionScore {
    pub key: String,
    pub score: u32,
}

#[derive(Debug, Clone, Deserialize, TS)]
#[ts(export)]
pub struct AssessmentInput {
    #[ts(type = "number")]
    pub distributor_id: i64,
    /// `YYYY-MM-DD`; empty means today.
    #[serde(default)]
    pub assessed_on: String,
    pub scores: Vec<CriterionScore>,
    #[serde(default)]
    pub site_visit_notes: String,
    pub decision: Decision,
    /// Also set the distributor's tier to the recommendation.
    #[serde(default)]
    pub apply_tier: bool,
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

/// Σ(score × weight) / Σweight, × 100 and rounded half away from zero.
pub fn weighted_total_centi(scored: &[ScoredCriterion]) -> i64 {
    let weights: u64 = scored.iter().map(|c| u64::from(c.weight)).sum();
    if weights == 0 {
        return 0;
    }
    let num: u64 = scored
        .iter()
        .map(|c| u64::from(c.score) * u64::from(c.weight))
        .sum();
    let t = Decimal::from(num) * Decimal::ONE_HUNDRED / Decimal::from(weights);
    i64::try_from(t.round()).unwrap_or(0)
}

fn centi_text(c: i64) -> String {
    Decimal::new(c, 2).to_string()
}

fn to_dto(m: assessment::Model) -> Assessment {
    Assessment {
        id: m.id,
        distributor_id: m.distributor_id,
        assessed_on: m.assessed_on.to_string(),
        assessor: m.assessor,
        scores: serde_json::from_str(&m.scores_json).unwrap_or_default(),
        total: centi_text(m.total_centi),
        recommended_tier: Tier::parse(&m.recommended_tier).unwrap_or_default(),
        site_visit_notes: m.site_visit_notes,
        decision: match m.decision.as_str() {
            "approve" => Decision::Approve,
            "reject" => Decision::Reject,
            _ => Decision::Defer,
        },
        created_at: m.created_at.to_rfc3339(),
    }
}

pub async fn list<C: ConnectionTrait>(db: &C, distributor_id: i64) -> AppResult<Vec<Assessment>> {
    Ok(assessment::Entity::find()
        .filter(assessment::Column::DistributorId.eq(distributor_id))
        .order_by_desc(assessment::Column::Id)
        .all(db)
        .await?
        .into_iter()
        .map(to_dto)
        .collect())
}

fn score_against(
    criteria: &[Criterion],
    scores: &[CriterionScore],
) -> AppResult<Vec<ScoredCriterion>> {
    let mut errs = FieldErrors::default();
    let mut out = vec![];
    for c in criteria {
        match scores.iter().find(|s| s.key == c.key) {
            None => errs.push(&format!("scores.{}", c.key), "required"),
            Some(s) if s.score > 100 => errs.push(&format!("scores.{}", c.key), "score_range"),
            Some(s) => out.push(ScoredCriterion {
                key: c.key.clone(),
                label_zh: c.label_zh.clone(),
                label_en: c.label_en.clone(),
                weight: c.weight,
                score: s.score,
            }),
        }
    }
    for s in scores {
        if !criteria.iter().any(|c| c.key == s.key) {
            errs.push(&format!("scores.{}", s.key), "unknown_criterion");
        }
    }
    errs.into_result()?;
    Ok(out)
}

/// Records an assessment. An approve/reject decision on a distributor under
/// review moves its status in the same transaction; `apply_tier` sets the tier.
pub async fn record<C: ConnectionTrait + TransactionTrait>(
    db: &C,
    operator: &str,
    input: AssessmentInput,
) -> AppResult<Assessment> {
    let operator = settings::require_operator(operator)?;
    let cfg = settings::load(db).await?;
    let scored = score_against(&cfg.criteria, &input.scores)?;
    let date = if input.assessed_on.trim().is_empty() {
        chrono::Utc::now().date_naive()
    } else {
        NaiveDate::parse_from_str(input.assessed_on.trim(), "%Y-%m-%d")
            .map_err(|_| AppError::field("assessed_on", "date_format"))?
    };
    let total = weighted_total_centi(&scored);
    let tier = cfg.thresholds.recommend(total);
    let notes = input.site_visit_notes.trim().to_owned();
    if input.decision == Decision::Reject && notes.is_empty() {
        return Err(AppError::field("site_visit_notes", "required"));
    }

    let txn = db.begin().await?;
    let current = crate::distributor::write_find(&txn, input.distributor_id).await?;
    let status = Status::parse(&current.status).unwrap_or_default();
    let target = match input.decision {
        Decision::Approve => Some(Status::Approved),
        Decision::Reject => Some(Status::Rejected),
        Decision::Defer => None,
    };
    let model = assessment::ActiveModel {
        distributor_id: Set(input.distributor_id),
        assessed_on: Set(date),
        assessor: Set(operator.clone()),
        scores_json: Set(serde_json::to_string(&scored).unwrap_or_default()),
        total_centi: Set(total),
        recommended_tier: Set(tier.key().into()),
        site_visit_notes: Set(notes.clone()),
        decision: Set(input.decision.key().into()),
        created_at: Set(chrono::Utc::now()),
        ..Default::default()
    }
    .insert(&txn)
    .await?;
    audit::record(
        &txn,
        &operator,
        "distributor",
        input.distributor_id,
        "assessment",
        &[
            FieldChange {
                field: "total".into(),
                before: None,
                after: Some(centi_text(total)),
            },
            FieldChange {
                field: "recommended_tier".into(),
                before: None,
                after: Some(tier.key().into()),
            },
            FieldChange {
                field: "decision".into(),
                before: None,
                after: Some(input.decision.key().into()),
            },
        ],
    )
    .await?;
    let mut current = current;
    if let Some(to) = target {
        if status == Status::UnderReview {
            let reason = if notes.is_empty() {
                format!("assessment {}", centi_text(total))
            } else {
                notes.clone()
            };
            current = crate::distributor::write_status(&txn, current, to, date, &reason, &operator)
                .await?;
        } else if !status.can_move_to(to) {
            return Err(AppError::IllegalTransition {
                from: status.key().into(),
                to: to.key().into(),
            });
        }
    }
    if input.apply_tier && current.tier != tier.key() {
        let reason = format!("assessment {}", centi_text(total));
        crate::distributor::write_tier(&txn, current, tier, &reason, &operator).await?;
    }
    txn.commit().await?;
    Ok(to_dto(model))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sc(weight: u32, score: u32) -> ScoredCriterion {
        ScoredCriterion {
            key: String::new(),
            label_zh: String::new(),
            label_en: String::new(),
            weight,
            score,
        }
    }

    #[test]
    fn weighted_total_rounds_half_up() {
        assert_eq!(weighted_total_centi(&[sc(25, 90), sc(75, 80)]), 8250);
        assert_eq!(weighted_total_centi(&[sc(1, 100), sc(2, 0)]), 3333);
        assert_eq!(
            weighted_total_centi(&[sc(1, 100), sc(1, 100), sc(1, 0)]),
            6667
        );
        assert_eq!(weighted_total_centi(&[]), 0);
    }
}
