//! The lifecycle (applicant → … → terminated) and tier changes.
use crate::actor::Actor;
use crate::actor::Right;
use crate::error::ErrorCode;
use chrono::NaiveDate;
use sea_orm::TransactionSession;
use sea_orm::{ActiveModelTrait, ConnectionTrait, Set, TransactionTrait};
use serde::Deserialize;
use ts_rs::TS;

use super::{write::find_model, Distributor, Status, Tier};
use crate::audit::{self, FieldChange};
use crate::entity::{distributor, status_change, tier_change};
use crate::error::{AppError, AppResult};

impl Status {
    /// The statuses reachable in one step. Rejected and terminated are final.
    pub fn allowed_next(self) -> &'static [Status] {
        use Status::*;
        match self {
            Applicant => &[UnderReview, Terminated],
            UnderReview => &[Approved, Rejected, Terminated],
            Approved => &[Active, Terminated],
            Active => &[Suspended, Terminated],
            Suspended => &[Active, Terminated],
            Rejected | Terminated => &[],
        }
    }

    pub fn can_move_to(self, to: Status) -> bool {
        self.allowed_next().contains(&to)
    }

    /// Moves that narrow the relationship must say why.
    pub fn needs_reason(to: Status) -> bool {
        matches!(
            to,
            Status::Rejected | Status::Suspended | Status::Terminated
        )
    }
}

#[derive(Debug, Clone, Deserialize, TS)]
#[ts(export)]
pub struct TransitionRequest {
    #[ts(type = "number")]
    pub id: i64,
    pub to: Status,
    /// `YYYY-MM-DD`; empty means today.
    #[serde(default)]
    pub date: String,
    #[serde(default)]
    pub reason: String,
}

fn parse_date(field: &str, s: &str, actor: &Actor) -> AppResult<NaiveDate> {
    if s.trim().is_empty() {
        return Ok(actor.today());
    }
    crate::dates::check_date(s).map_err(|code| AppError::field(field, code))
}

/// One row of status history (`from` is empty for the first status).
pub(crate) async fn insert_status_row<C: ConnectionTrait>(
    db: &C,
    distributor_id: i64,
    from: &str,
    to: Status,
    date: NaiveDate,
    actor: &Actor,
    reason: &str,
) -> AppResult<()> {
    status_change::ActiveModel {
        distributor_id: Set(distributor_id),
        from_status: Set(from.into()),
        to_status: Set(to.key().into()),
        effective_date: Set(date),
        operator: Set(actor.operator().into()),
        reason: Set(reason.into()),
        created_at: Set(actor.now()),
        ..Default::default()
    }
    .insert(db)
    .await?;
    Ok(())
}

/// One row of tier history (`from` is None for the first tier).
pub(crate) async fn insert_tier_row<C: ConnectionTrait>(
    db: &C,
    distributor_id: i64,
    from: Option<String>,
    to: Tier,
    reason: &str,
    actor: &Actor,
) -> AppResult<()> {
    tier_change::ActiveModel {
        distributor_id: Set(distributor_id),
        from_tier: Set(from),
        to_tier: Set(to.key().into()),
        reason: Set(reason.into()),
        operator: Set(actor.operator().into()),
        created_at: Set(actor.now()),
        ..Default::default()
    }
    .insert(db)
    .await?;
    Ok(())
}

pub(crate) async fn record_status<C: ConnectionTrait>(
    db: &C,
    current: distributor::Model,
    to: Status,
    date: NaiveDate,
    reason: &str,
    actor: &Actor,
) -> AppResult<distributor::Model> {
    let from = current.status.clone();
    let now = actor.now();
    let id = current.id;
    let mut am: distributor::ActiveModel = current.into();
    am.status = Set(to.key().into());
    am.updated_at = Set(now);
    let model = am.update(db).await?;
    insert_status_row(db, id, &from, to, date, actor, reason).await?;
    let mut changes = vec![FieldChange {
        field: "status".into(),
        before: Some(from),
        after: Some(to.key().into()),
    }];
    if !reason.is_empty() {
        changes.push(FieldChange {
            field: "reason".into(),
            before: None,
            after: Some(reason.into()),
        });
    }
    audit::record(db, actor, "distributor", id, "transition", &changes).await?;
    Ok(model)
}

pub async fn transition<C: ConnectionTrait + TransactionTrait>(
    db: &C,
    actor: &Actor,
    req: TransitionRequest,
) -> AppResult<Distributor> {
    actor.require(Right::Channel)?;
    // A distributor outside the writer's scope is not theirs to change (nor to see).
    crate::scope::check(db, actor.access(), req.id).await?;
    let date = parse_date("date", &req.date, actor)?;
    let reason = req.reason.trim();
    let txn = crate::db::write(db).await?;
    let current = find_model(&txn, req.id).await?;
    let from = super::status_of(&current)?;
    if !from.can_move_to(req.to) {
        return Err(AppError::IllegalTransition {
            from: from.key().into(),
            to: req.to.key().into(),
        });
    }
    if Status::needs_reason(req.to) && reason.is_empty() {
        return Err(AppError::field("reason", ErrorCode::Required));
    }
    let model = record_status(&txn, current, req.to, date, reason, actor).await?;
    txn.commit().await?;
    model.try_into()
}

#[derive(Debug, Clone, Deserialize, TS)]
#[ts(export)]
pub struct TierChangeRequest {
    #[ts(type = "number")]
    pub id: i64,
    pub tier: Tier,
    pub reason: String,
}

pub(crate) async fn record_tier<C: ConnectionTrait>(
    db: &C,
    current: distributor::Model,
    to: Tier,
    reason: &str,
    actor: &Actor,
) -> AppResult<distributor::Model> {
    let from = current.tier.clone();
    let now = actor.now();
    let id = current.id;
    let mut am: distributor::ActiveModel = current.into();
    am.tier = Set(to.key().into());
    am.updated_at = Set(now);
    let model = am.update(db).await?;
    insert_tier_row(db, id, Some(from.clone()), to, reason, actor).await?;
    let changes = [
        FieldChange {
            field: "tier".into(),
            before: Some(from),
            after: Some(to.key().into()),
        },
        FieldChange {
            field: "reason".into(),
            before: None,
            after: Some(reason.into()),
        },
    ];
    audit::record(db, actor, "distributor", id, "tier_change", &changes).await?;
    Ok(model)
}

pub async fn change_tier<C: ConnectionTrait + TransactionTrait>(
    db: &C,
    actor: &Actor,
    req: TierChangeRequest,
) -> AppResult<Distributor> {
    actor.require(Right::Channel)?;
    // A distributor outside the writer's scope is not theirs to change (nor to see).
    crate::scope::check(db, actor.access(), req.id).await?;
    let reason = req.reason.trim();
    if reason.is_empty() {
        return Err(AppError::field("reason", ErrorCode::Required));
    }
    let txn = crate::db::write(db).await?;
    let current = find_model(&txn, req.id).await?;
    if current.tier == req.tier.key() {
        return Err(AppError::field("tier", ErrorCode::Unchanged));
    }
    let model = record_tier(&txn, current, req.tier, reason, actor).await?;
    txn.commit().await?;
    model.try_into()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn terminal_statuses_go_nowhere() {
        assert!(Status::Rejected.allowed_next().is_empty());
        assert!(Status::Terminated.allowed_next().is_empty());
        assert!(!Status::Applicant.can_move_to(Status::Active));
        assert!(Status::Suspended.can_move_to(Status::Active));
        for s in Status::ALL {
            if !s.allowed_next().is_empty() {
                assert!(s.can_move_to(Status::Terminated), "{s}");
            }
        }
    }
}
