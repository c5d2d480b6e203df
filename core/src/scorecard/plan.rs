//! Improvement plans (整改/帮扶计划): what a distributor below the baseline
//! is to do, who follows it up and by when, and how it ended. Kept (never
//! deleted); an open plan past its due date is overdue and reaches the
//! reminders.
use chrono::NaiveDate;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, Set,
    TransactionSession, TransactionTrait,
};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::actor::Actor;
use crate::actor::Right;
use crate::entity::{distributor, improvement_plan};
use crate::error::{AppError, AppResult, ErrorCode, FieldErrors};

#[derive(Debug, Clone, Deserialize, TS)]
#[ts(export)]
pub struct PlanInput {
    /// `None`: a new plan.
    #[ts(type = "number | null")]
    pub id: Option<i64>,
    #[ts(type = "number")]
    pub distributor_id: i64,
    /// The quarter whose warning it answers (`2026Q3`), or empty.
    #[serde(default)]
    pub quarter: String,
    pub actions: String,
    pub owner: String,
    pub due_on: String,
    #[serde(default)]
    pub outcome: String,
    /// Set when the plan is closed (`YYYY-MM-DD`).
    #[serde(default)]
    pub closed_on: Option<String>,
}

#[derive(Debug, Clone, Default, Deserialize, TS)]
#[ts(export)]
pub struct PlanQuery {
    #[ts(type = "number | null")]
    #[serde(default)]
    pub distributor_id: Option<i64>,
    #[serde(default)]
    pub open_only: bool,
}

#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct Plan {
    #[ts(type = "number")]
    pub id: i64,
    #[ts(type = "number")]
    pub distributor_id: i64,
    pub distributor_code: String,
    pub distributor_name: String,
    pub quarter: String,
    pub actions: String,
    pub owner: String,
    pub due_on: String,
    pub outcome: String,
    pub closed_on: Option<String>,
    /// Open and past its due date.
    pub overdue: bool,
    pub operator: String,
    pub updated_at: String,
}

fn to_plan(m: improvement_plan::Model, d: Option<&distributor::Model>, today: NaiveDate) -> Plan {
    Plan {
        id: m.id,
        distributor_id: m.distributor_id,
        distributor_code: d.map(|d| d.code.clone()).unwrap_or_default(),
        distributor_name: d.map(|d| d.name.clone()).unwrap_or_default(),
        quarter: m.quarter,
        actions: m.actions,
        owner: m.owner,
        due_on: m.due_on.to_string(),
        outcome: m.outcome,
        overdue: m.closed_on.is_none() && m.due_on < today,
        closed_on: m.closed_on.map(|d| d.to_string()),
        operator: m.operator,
        updated_at: m.updated_at.to_rfc3339(),
    }
}

/// Records a new plan or updates one (audited on the distributor).
pub async fn save<C: ConnectionTrait + TransactionTrait>(
    db: &C,
    actor: &Actor,
    input: &PlanInput,
) -> AppResult<Plan> {
    actor.require(Right::Channel)?;
    // A distributor outside the writer's scope is not theirs to change (nor to see).
    crate::scope::check(db, actor.access(), input.distributor_id).await?;
    use crate::fields::{date, required_date, text};
    let mut errs = FieldErrors::default();
    let actions = text(&mut errs, "actions", &input.actions, true, 4000);
    let owner = text(&mut errs, "owner", &input.owner, true, 100);
    let outcome = text(&mut errs, "outcome", &input.outcome, false, 4000);
    let quarter = input.quarter.trim();
    if !quarter.is_empty() && super::Quarter::parse(quarter).is_none() {
        errs.push("quarter", ErrorCode::DateFormat);
    }
    let due_on = required_date(&mut errs, "due_on", &input.due_on);
    let closed_on = match input.closed_on.as_deref().map(str::trim) {
        None | Some("") => None,
        Some(s) => date(&mut errs, "closed_on", s),
    };
    if closed_on.is_some_and(|c| c > actor.today()) {
        errs.push("closed_on", ErrorCode::InFuture);
    }
    errs.into_result()?;
    let (Some(due_on), quarter) = (
        due_on,
        super::Quarter::parse(quarter)
            .map(|q| q.to_string())
            .unwrap_or_default(),
    ) else {
        return Err(AppError::field("due_on", ErrorCode::Required));
    };
    let txn = crate::db::write(db).await?;
    let d = distributor::Entity::find_by_id(input.distributor_id)
        .one(&txn)
        .await?
        .ok_or_else(|| AppError::field("distributor_id", ErrorCode::DistributorUnknown))?;
    let now = actor.now();
    let (model, action, before) = match input.id {
        None => (
            improvement_plan::ActiveModel {
                distributor_id: Set(d.id),
                quarter: Set(quarter),
                actions: Set(actions),
                owner: Set(owner),
                due_on: Set(due_on),
                outcome: Set(outcome),
                closed_on: Set(closed_on),
                operator: Set(actor.operator().to_string()),
                created_at: Set(now),
                updated_at: Set(now),
                ..Default::default()
            }
            .insert(&txn)
            .await?,
            "improvement_plan_add",
            None,
        ),
        Some(id) => {
            let m = improvement_plan::Entity::find_by_id(id)
                .one(&txn)
                .await?
                .filter(|m| m.distributor_id == d.id)
                .ok_or_else(|| AppError::not_found("improvement_plan", id))?;
            let before = summary(&m);
            let mut a: improvement_plan::ActiveModel = m.into();
            a.quarter = Set(quarter);
            a.actions = Set(actions);
            a.owner = Set(owner);
            a.due_on = Set(due_on);
            a.outcome = Set(outcome);
            a.closed_on = Set(closed_on);
            a.operator = Set(actor.operator().to_string());
            a.updated_at = Set(now);
            (
                a.update(&txn).await?,
                "improvement_plan_update",
                Some(before),
            )
        }
    };
    crate::audit::record(
        &txn,
        actor,
        "distributor",
        d.id,
        action,
        &[crate::audit::FieldChange {
            field: format!("plan {}", model.id),
            before,
            after: Some(summary(&model)),
        }],
    )
    .await?;
    txn.commit().await?;
    Ok(to_plan(model, Some(&d), actor.today()))
}

fn summary(m: &improvement_plan::Model) -> String {
    format!(
        "{} · {} · {} · {}{}",
        m.actions,
        m.owner,
        m.due_on,
        m.outcome,
        m.closed_on.map(|d| format!(" · {d}")).unwrap_or_default()
    )
}

/// Plans, newest due date last; one distributor's or every one; `open_only`
/// leaves out the closed ones.
pub async fn list<C: ConnectionTrait>(
    db: &C,
    distributor_id: Option<i64>,
    open_only: bool,
    today: NaiveDate,
) -> AppResult<Vec<Plan>> {
    let mut q = improvement_plan::Entity::find()
        .order_by_asc(improvement_plan::Column::DueOn)
        .order_by_asc(improvement_plan::Column::Id);
    if let Some(id) = distributor_id {
        q = q.filter(improvement_plan::Column::DistributorId.eq(id));
    }
    if open_only {
        q = q.filter(improvement_plan::Column::ClosedOn.is_null());
    }
    let rows = q.all(db).await?;
    let dists = crate::distributor::models_by_id(db, rows.iter().map(|m| m.distributor_id)).await?;
    Ok(rows
        .into_iter()
        .map(|m| {
            let d = dists.get(&m.distributor_id);
            to_plan(m, d, today)
        })
        .collect())
}
