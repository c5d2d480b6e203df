//! The pipeline board: applicants and distributors still onboarding, each at
//! its first open step.
use std::collections::HashMap;

use chrono::NaiveDate;
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder};
use serde::Serialize;
use ts_rs::TS;

use super::{load_settings, steps_of, to_dto, OnboardingStep, Seen};
use crate::distributor::Status;
use crate::entity::distributor;
use crate::error::AppResult;

#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct PipelineCard {
    #[ts(type = "number")]
    pub distributor_id: i64,
    pub code: String,
    pub name: String,
    pub status: Status,
    /// The first step not done, or `not_started`.
    pub step: String,
    pub done: u32,
    pub total: u32,
    pub overdue: bool,
    /// The current step's due date and owner.
    pub due_date: Option<String>,
    pub owner: String,
}

#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct PipelineColumn {
    pub key: String,
    pub label_zh: String,
    pub label_en: String,
}

#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct Pipeline {
    /// `not_started` first, then the template's steps.
    pub columns: Vec<PipelineColumn>,
    pub cards: Vec<PipelineCard>,
}

/// Applicants and distributors still onboarding, each at its first open step.
pub async fn pipeline<C: ConnectionTrait>(db: &C, today: NaiveDate) -> AppResult<Pipeline> {
    let settings = load_settings(db).await?;
    let dists: Vec<distributor::Model> = distributor::Entity::find()
        .filter(
            distributor::Column::Status
                .is_not_in([Status::Rejected.key(), Status::Terminated.key()]),
        )
        .order_by_asc(distributor::Column::Code)
        .all(db)
        .await?;
    let ids: Vec<i64> = dists.iter().map(|d| d.id).collect();
    let seen = Seen::load(db, &ids).await?;
    let mut by_dist: HashMap<i64, Vec<OnboardingStep>> = HashMap::new();
    for m in steps_of(db, &ids).await? {
        let id = m.distributor_id;
        by_dist
            .entry(id)
            .or_default()
            .push(to_dto(m, &seen, today)?);
    }
    let mut cards = vec![];
    for d in &dists {
        let status = crate::distributor::status_of(d)?;
        let steps = by_dist.remove(&d.id).unwrap_or_default();
        let card = |step: &str, due: Option<String>, owner: String| PipelineCard {
            distributor_id: d.id,
            code: d.code.clone(),
            name: d.name.clone(),
            status,
            step: step.into(),
            done: steps.iter().filter(|s| s.done_date.is_some()).count() as u32,
            total: steps.len() as u32,
            overdue: steps.iter().any(|s| s.overdue),
            due_date: due,
            owner,
        };
        if steps.is_empty() {
            if matches!(
                status,
                Status::Applicant | Status::UnderReview | Status::Approved
            ) {
                cards.push(card("not_started", None, String::new()));
            }
            continue;
        }
        if let Some(open) = steps.iter().find(|s| s.done_date.is_none()) {
            cards.push(card(&open.key, open.due_date.clone(), open.owner.clone()));
        }
    }
    let mut columns = vec![PipelineColumn {
        key: "not_started".into(),
        label_zh: "未开始".into(),
        label_en: "Not started".into(),
    }];
    columns.extend(settings.steps.iter().map(|s| PipelineColumn {
        key: s.key.clone(),
        label_zh: s.label_zh.clone(),
        label_en: s.label_en.clone(),
    }));
    // A step removed from the template still shows where cards stand on it.
    for c in &cards {
        if !columns.iter().any(|col| col.key == c.step) {
            columns.push(PipelineColumn {
                key: c.step.clone(),
                label_zh: c.step.clone(),
                label_en: c.step.clone(),
            });
        }
    }
    Ok(Pipeline { columns, cards })
}
