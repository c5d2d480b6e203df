//! Enrolment and results: people of distributors are enrolled up to the
//! session's capacity, once each; attendance, scores and feedback are recorded
//! while it is held, pass or fail following from the course's pass mark.
use crate::actor::Actor;
use crate::actor::Right;
use crate::error::ErrorCode;
use std::collections::HashMap;

use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, Set,
    TransactionSession, TransactionTrait,
};
use serde::Deserialize;
use ts_rs::TS;

use super::find_course;
use super::session::{find, get, SessionDetail, SessionStatus};
use crate::audit::{self, FieldChange};
use crate::entity::{distributor_contact, enrolment, training_session};
use crate::error::{AppError, AppResult, FieldError, FieldErrors};

#[derive(Debug, Clone, Deserialize, TS)]
#[ts(export)]
pub struct EnrolRequest {
    #[ts(type = "number")]
    pub session_id: i64,
    #[ts(type = "number[]")]
    pub contact_ids: Vec<i64>,
}

#[derive(Debug, Clone, Default, Deserialize, TS)]
#[serde(default)]
#[ts(export)]
pub struct ResultRow {
    #[ts(type = "number")]
    pub enrolment_id: i64,
    pub attended: bool,
    /// 0–100; needed for someone who attended.
    pub score: Option<i32>,
    /// 1–5.
    pub rating: Option<i32>,
    pub comment: String,
}

#[derive(Debug, Clone, Deserialize, TS)]
#[ts(export)]
pub struct ResultsRequest {
    #[ts(type = "number")]
    pub session_id: i64,
    pub rows: Vec<ResultRow>,
}

pub(super) async fn enrol_in<C: ConnectionTrait>(
    txn: &C,
    s: &training_session::Model,
    contact_ids: &[i64],
    actor: &Actor,
) -> AppResult<u32> {
    if !matches!(
        SessionStatus::parse(&s.status),
        Some(SessionStatus::Planned | SessionStatus::Held)
    ) {
        return Err(AppError::IllegalTransition {
            from: s.status.clone(),
            to: "enrol".into(),
        });
    }
    let existing = enrolment::Entity::find()
        .filter(enrolment::Column::SessionId.eq(s.id))
        .all(txn)
        .await?;
    let mut seen: std::collections::HashSet<i64> = existing.iter().map(|e| e.contact_id).collect();
    let people = crate::db::find_in(
        txn,
        distributor_contact::Entity::find(),
        distributor_contact::Column::Id,
        contact_ids.iter().copied(),
    )
    .await?;
    let mut errs = FieldErrors::default();
    for id in contact_ids {
        match people.iter().find(|p| p.id == *id) {
            None => errs.push_err(FieldError::with_detail(
                "contact_ids",
                ErrorCode::PersonUnknown,
                id.to_string(),
            )),
            Some(p) if !seen.insert(p.id) => errs.push_err(FieldError::with_detail(
                "contact_ids",
                ErrorCode::AlreadyEnrolled,
                p.name.clone(),
            )),
            Some(_) => {}
        }
    }
    errs.into_result()?;
    let total = existing.len() + contact_ids.len();
    if total > s.capacity as usize {
        return Err(AppError::Validation {
            fields: vec![FieldError::with_detail(
                "contact_ids",
                ErrorCode::CapacityFull,
                format!("{}/{}", existing.len(), s.capacity),
            )],
        });
    }
    for id in contact_ids {
        let p = people
            .iter()
            .find(|p| p.id == *id)
            .ok_or_else(|| AppError::not_found("contact", id))?;
        enrolment::ActiveModel {
            session_id: Set(s.id),
            contact_id: Set(p.id),
            distributor_id: Set(p.distributor_id),
            attended: Set(None),
            score: Set(None),
            passed: Set(None),
            rating: Set(None),
            comment: Set(String::new()),
            created_at: Set(actor.now()),
            ..Default::default()
        }
        .insert(txn)
        .await?;
        audit::record(
            txn,
            actor,
            "distributor",
            p.distributor_id,
            "training_enrol",
            &[FieldChange {
                field: format!("session {}", s.id),
                before: None,
                after: Some(p.name.clone()),
            }],
        )
        .await?;
    }
    Ok(contact_ids.len() as u32)
}

/// Enrols people in a planned or held session: up to its capacity, once each.
pub async fn enrol<C: ConnectionTrait + TransactionTrait>(
    db: &C,
    actor: &Actor,
    req: &EnrolRequest,
) -> AppResult<SessionDetail> {
    actor.require(Right::Training)?;
    let txn = crate::db::write(db).await?;
    let s = find(&txn, req.session_id).await?;
    enrol_in(&txn, &s, &req.contact_ids, actor).await?;
    txn.commit().await?;
    get(db, req.session_id).await
}

/// Takes someone off a session that has not closed (and has no result yet).
pub async fn unenrol<C: ConnectionTrait + TransactionTrait>(
    db: &C,
    actor: &Actor,
    enrolment_id: i64,
) -> AppResult<SessionDetail> {
    actor.require(Right::Training)?;
    let txn = crate::db::write(db).await?;
    let e = enrolment::Entity::find_by_id(enrolment_id)
        .one(&txn)
        .await?
        .ok_or_else(|| AppError::not_found("enrolment", enrolment_id))?;
    let s = find(&txn, e.session_id).await?;
    if !matches!(
        SessionStatus::parse(&s.status),
        Some(SessionStatus::Planned | SessionStatus::Held)
    ) || e.attended.is_some()
    {
        return Err(AppError::IllegalTransition {
            from: s.status,
            to: "unenrol".into(),
        });
    }
    enrolment::Entity::delete_by_id(e.id).exec(&txn).await?;
    audit::record(
        &txn,
        actor,
        "distributor",
        e.distributor_id,
        "training_unenrol",
        &[FieldChange {
            field: format!("session {}", s.id),
            before: Some(e.contact_id.to_string()),
            after: None,
        }],
    )
    .await?;
    txn.commit().await?;
    get(db, s.id).await
}

/// Records attendance, scores and feedback while the session is held;
/// pass or fail follows from the course's pass mark.
pub async fn record_results<C: ConnectionTrait + TransactionTrait>(
    db: &C,
    actor: &Actor,
    req: &ResultsRequest,
) -> AppResult<SessionDetail> {
    actor.require(Right::Training)?;
    let txn = crate::db::write(db).await?;
    let s = find(&txn, req.session_id).await?;
    if s.status != SessionStatus::Held.key() {
        return Err(AppError::IllegalTransition {
            from: s.status,
            to: "results".into(),
        });
    }
    let c = find_course(&txn, s.course_id).await?;
    let mine: HashMap<i64, enrolment::Model> = enrolment::Entity::find()
        .filter(enrolment::Column::SessionId.eq(s.id))
        .all(&txn)
        .await?
        .into_iter()
        .map(|e| (e.id, e))
        .collect();
    let mut errs = FieldErrors::default();
    for (i, r) in req.rows.iter().enumerate() {
        let row = (i + 1).to_string();
        if !mine.contains_key(&r.enrolment_id) {
            errs.push_err(FieldError::with_detail(
                "rows",
                ErrorCode::EnrolmentUnknown,
                row.clone(),
            ));
        }
        if r.score.is_some_and(|x| !(0..=100).contains(&x)) {
            errs.push_err(FieldError::with_detail(
                "score",
                ErrorCode::ScoreRange,
                row.clone(),
            ));
        }
        if r.attended && r.score.is_none() {
            errs.push_err(FieldError::with_detail(
                "score",
                ErrorCode::ScoreRequired,
                row.clone(),
            ));
        }
        if !r.attended && r.score.is_some() {
            errs.push_err(FieldError::with_detail(
                "score",
                ErrorCode::ScoreWithoutAttendance,
                row.clone(),
            ));
        }
        if r.rating.is_some_and(|x| !(1..=5).contains(&x)) {
            errs.push_err(FieldError::with_detail(
                "rating",
                ErrorCode::RatingRange,
                row.clone(),
            ));
        }
        crate::fields::printable(&mut errs, "comment", &r.comment);
        if r.comment.chars().count() > 500 {
            errs.push_err(FieldError::with_detail(
                "comment",
                ErrorCode::TooLong,
                "500",
            ));
        }
    }
    errs.into_result()?;
    for r in &req.rows {
        let Some(e) = mine.get(&r.enrolment_id) else {
            continue;
        };
        let passed = r.attended && r.score.is_some_and(|x| x >= c.pass_mark);
        let mut am: enrolment::ActiveModel = e.clone().into();
        am.attended = Set(Some(r.attended));
        am.score = Set(r.score.filter(|_| r.attended));
        am.passed = Set(Some(passed));
        am.rating = Set(r.rating);
        am.comment = Set(r.comment.trim().into());
        am.update(&txn).await?;
    }
    audit::record(
        &txn,
        actor,
        "session",
        s.id,
        "results",
        &[FieldChange {
            field: "rows".into(),
            before: None,
            after: Some(req.rows.len().to_string()),
        }],
    )
    .await?;
    txn.commit().await?;
    get(db, s.id).await
}
