//! Admission assessment (准入评审): weighted criteria scores, a recommended tier,
//! site-visit findings and the decision.
use crate::actor::Actor;
use crate::actor::Right;
use crate::error::ErrorCode;
use rust_decimal::Decimal;
use sea_orm::TransactionSession;
use sea_orm::{ActiveModelTrait, ConnectionTrait, Set, TransactionTrait};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::audit::{self, FieldChange};
use crate::distributor::assessments::{centi_text, to_dto};
pub use crate::distributor::assessments::{list, Assessment, Decision, ScoredCriterion};
use crate::distributor::Status;
use crate::entity::assessment;
use crate::error::{AppError, AppResult, FieldErrors};
use crate::settings::{self, Criterion};

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

fn score_against(
    criteria: &[Criterion],
    scores: &[CriterionScore],
) -> AppResult<Vec<ScoredCriterion>> {
    let mut errs = FieldErrors::default();
    let mut out = vec![];
    for c in criteria {
        match scores.iter().find(|s| s.key == c.key) {
            None => errs.push(&format!("scores.{}", c.key), ErrorCode::Required),
            Some(s) if s.score > 100 => {
                errs.push(&format!("scores.{}", c.key), ErrorCode::ScoreRange)
            }
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
            errs.push(&format!("scores.{}", s.key), ErrorCode::UnknownCriterion);
        }
    }
    errs.into_result()?;
    Ok(out)
}

/// Records an assessment. An approve/reject decision on a distributor under
/// review moves its status in the same transaction; `apply_tier` sets the tier.
pub async fn record<C: ConnectionTrait + TransactionTrait>(
    db: &C,
    actor: &Actor,
    input: AssessmentInput,
) -> AppResult<Assessment> {
    actor.require(Right::Channel)?;
    // A distributor outside the writer's scope is not theirs to change (nor to see).
    crate::scope::check(db, actor.access(), input.distributor_id).await?;
    let operator = actor.operator().to_owned();
    let cfg = settings::load(db).await?;
    let scored = score_against(&cfg.criteria, &input.scores)?;
    let date = if input.assessed_on.trim().is_empty() {
        actor.today()
    } else {
        crate::dates::check_date(&input.assessed_on)
            .map_err(|code| AppError::field("assessed_on", code))?
    };
    let total = weighted_total_centi(&scored);
    let tier = cfg.thresholds.recommend(total);
    let notes = input.site_visit_notes.trim().to_owned();
    if input.decision == Decision::Reject && notes.is_empty() {
        return Err(AppError::field("site_visit_notes", ErrorCode::Required));
    }

    let txn = crate::db::write(db).await?;
    let current = crate::distributor::write_find(&txn, input.distributor_id).await?;
    let status = crate::distributor::status_of(&current)?;
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
        created_at: Set(actor.now()),
        ..Default::default()
    }
    .insert(&txn)
    .await?;
    audit::record(
        &txn,
        actor,
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
            current =
                crate::distributor::write_status(&txn, current, to, date, &reason, actor).await?;
        } else if !status.can_move_to(to) {
            return Err(AppError::IllegalTransition {
                from: status.key().into(),
                to: to.key().into(),
            });
        }
    }
    if input.apply_tier && current.tier != tier.key() {
        let reason = format!("assessment {}", centi_text(total));
        crate::distributor::write_tier(&txn, current, tier, &reason, actor).await?;
    }
    txn.commit().await?;
    to_dto(model)
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
