//! Moving a complaint along: transitions with what each needs, notes and
//! assignments, attached files.
use crate::actor::Actor;
use crate::actor::Right;
use crate::error::ErrorCode;
use chrono::{DateTime, Utc};
use sea_orm::{
    ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, Set, TransactionSession,
    TransactionTrait,
};
use serde::Deserialize;
use ts_rs::TS;

use super::{
    add_event, allowed, events_of, fmt_local, get, parse_local, Clocks, ComplaintDetail,
    ComplaintStatus, EventKind, Priority,
};
use crate::entity::{complaint, complaint_event};
use crate::error::{AppError, AppResult, FieldError};

#[derive(Debug, Clone, Default, Deserialize, TS)]
#[ts(export)]
pub struct ComplaintTransition {
    #[ts(type = "number")]
    pub id: i64,
    pub to: Option<ComplaintStatus>,
    /// Local `YYYY-MM-DD HH:MM` when it happened; empty: now.
    pub at: String,
    pub note: String,
    /// To classify: the category and priority (may change).
    pub category: String,
    pub priority: Option<Priority>,
    /// To resolve.
    pub resolution: String,
    pub root_cause: String,
    pub root_cause_note: String,
    /// To verify: the distributor's confirmation and score 1–5.
    pub confirmation: String,
    pub satisfaction: Option<i32>,
}

/// A timestamp for an action: `at` (local) if given, not before the last timeline entry and not in the future.
fn action_time(
    clocks: &Clocks,
    at: &str,
    last: DateTime<Utc>,
    now: DateTime<Utc>,
) -> Result<DateTime<Utc>, FieldError> {
    if at.trim().is_empty() {
        return Ok(now.max(last));
    }
    let t = parse_local(at)
        .map(|l| clocks.utc(l))
        .ok_or_else(|| FieldError::with_detail("at", ErrorCode::DatetimeFormat, at.trim()))?;
    if t > now {
        return Err(FieldError::new("at", ErrorCode::InFuture));
    }
    if t < last {
        return Err(FieldError::with_detail(
            "at",
            ErrorCode::BeforeLastEntry,
            fmt_local(clocks.local(last)),
        ));
    }
    Ok(t)
}

/// Moves a complaint to its next state; what each move needs is checked first.
pub async fn transition<C: ConnectionTrait + TransactionTrait>(
    db: &C,
    actor: &Actor,
    req: &ComplaintTransition,
) -> AppResult<ComplaintDetail> {
    actor.require(Right::Service)?;
    let now = actor.now();
    use ComplaintStatus::*;
    let clocks = Clocks::load(db).await?;
    let txn = crate::db::write(db).await?;
    let m = complaint::Entity::find_by_id(req.id)
        .one(&txn)
        .await?
        .ok_or_else(|| AppError::not_found("complaint", req.id))?;
    let events = events_of(&txn, &[m.id]).await?;
    let from = super::status_of(&m)?;
    let Some(to) = req.to else {
        return Err(AppError::field("to", ErrorCode::Required));
    };
    let came_from = came_from(&events);
    if !allowed(from, came_from).contains(&to) {
        return Err(AppError::IllegalTransition {
            from: from.key().into(),
            to: to.key().into(),
        });
    }
    let last = events.last().map(|e| e.at).unwrap_or(m.received_at);
    let mut errs = vec![];
    let at = action_time(&clocks, &req.at, last, now)
        .map_err(|e| errs.push(e))
        .unwrap_or(now);
    let mut am: complaint::ActiveModel = m.clone().into();
    let mut text = req.note.trim().to_owned();
    match to {
        Classified => {
            let category = if req.category.trim().is_empty() {
                m.category.clone()
            } else {
                req.category.trim().to_owned()
            };
            if category.is_empty() {
                errs.push(FieldError::new("category", ErrorCode::Required));
            } else if !clocks.settings.categories.iter().any(|c| c.key == category) {
                errs.push(FieldError::with_detail(
                    "category",
                    ErrorCode::InvalidChoice,
                    category.clone(),
                ));
            }
            am.category = Set(category);
            if let Some(p) = req.priority {
                am.priority = Set(p.key().into());
            }
        }
        Resolved => {
            if req.resolution.trim().is_empty() {
                errs.push(FieldError::new("resolution", ErrorCode::Required));
            }
            if req.root_cause.trim().is_empty() {
                errs.push(FieldError::new("root_cause", ErrorCode::Required));
            } else if !clocks
                .settings
                .root_causes
                .iter()
                .any(|c| c.key == req.root_cause.trim())
            {
                errs.push(FieldError::with_detail(
                    "root_cause",
                    ErrorCode::InvalidChoice,
                    req.root_cause.trim(),
                ));
            }
            am.resolution = Set(req.resolution.trim().into());
            am.root_cause = Set(req.root_cause.trim().into());
            am.root_cause_note = Set(req.root_cause_note.trim().into());
            if text.is_empty() {
                text = req.resolution.trim().into();
            }
        }
        Verified => {
            if req.confirmation.trim().is_empty() {
                errs.push(FieldError::new("confirmation", ErrorCode::Required));
            }
            match req.satisfaction {
                Some(s) if (1..=5).contains(&s) => am.satisfaction = Set(Some(s)),
                Some(_) => errs.push(FieldError::new("satisfaction", ErrorCode::ScoreRange)),
                None => errs.push(FieldError::new("satisfaction", ErrorCode::Required)),
            }
            if text.is_empty() {
                text = req.confirmation.trim().into();
            }
        }
        InProgress if text.is_empty() && matches!(from, Resolved | Verified | Closed) => {
            errs.push(FieldError::new("note", ErrorCode::ReopenReasonRequired));
        }
        WaitingOnDistributor if text.is_empty() => {
            errs.push(FieldError::new("note", ErrorCode::Required));
        }
        _ => {}
    }
    if !errs.is_empty() {
        return Err(AppError::Validation { fields: errs });
    }
    am.status = Set(to.key().into());
    am.updated_at = Set(now);
    let updated = complaint::Entity::update(am).exec(&txn).await?;
    add_event(
        &txn,
        m.id,
        at,
        EventKind::Transition,
        Some(from),
        Some(to),
        &text,
        actor,
    )
    .await?;
    crate::audit::record(
        &txn,
        actor,
        "complaint",
        m.id,
        "transition",
        &[crate::audit::FieldChange {
            field: "status".into(),
            before: Some(from.key().into()),
            after: Some(to.key().into()),
        }],
    )
    .await?;
    txn.commit().await?;
    let _ = updated;
    get(db, actor.access(), req.id, now).await
}

/// The state a complaint was in before it started waiting on the distributor.
pub(super) fn came_from(events: &[complaint_event::Model]) -> Option<ComplaintStatus> {
    events
        .iter()
        .rev()
        .find(|e| {
            e.kind == "transition" && e.to_status.as_deref() == Some("waiting_on_distributor")
        })
        .and_then(|e| e.from_status.as_deref())
        .and_then(ComplaintStatus::parse)
}

#[derive(Debug, Clone, Default, Deserialize, TS)]
#[ts(export)]
pub struct ComplaintNote {
    #[ts(type = "number")]
    pub id: i64,
    /// `note` adds a remark; `assignment` hands the complaint to `text`.
    pub kind: Option<EventKind>,
    pub text: String,
}

pub async fn add_note<C: ConnectionTrait + TransactionTrait>(
    db: &C,
    actor: &Actor,
    req: &ComplaintNote,
) -> AppResult<ComplaintDetail> {
    actor.require(Right::Service)?;
    let now = actor.now();
    let kind = req.kind.unwrap_or(EventKind::Note);
    if req.text.trim().is_empty() {
        return Err(AppError::field("text", ErrorCode::Required));
    }
    if req.text.chars().count() > 4000 {
        return Err(AppError::Validation {
            fields: vec![FieldError::with_detail("text", ErrorCode::TooLong, "4000")],
        });
    }
    if let Some(e) = crate::fields::printable_error("text", &req.text) {
        return Err(AppError::Validation { fields: vec![e] });
    }
    if !matches!(kind, EventKind::Note | EventKind::Assignment) {
        return Err(AppError::field("kind", ErrorCode::InvalidChoice));
    }
    let txn = crate::db::write(db).await?;
    let m = complaint::Entity::find_by_id(req.id)
        .one(&txn)
        .await?
        .ok_or_else(|| AppError::not_found("complaint", req.id))?;
    let last = last_entry_at(&txn, &m).await?;
    if kind == EventKind::Assignment {
        let mut am: complaint::ActiveModel = m.clone().into();
        am.assignee = Set(req.text.trim().into());
        am.updated_at = Set(now);
        complaint::Entity::update(am).exec(&txn).await?;
    }
    add_event(
        &txn,
        m.id,
        now.max(last),
        kind,
        None,
        None,
        req.text.trim(),
        actor,
    )
    .await?;
    txn.commit().await?;
    get(db, actor.access(), req.id, now).await
}

#[derive(Debug, Clone, Deserialize, TS)]
#[ts(export)]
pub struct ComplaintAttach {
    #[ts(type = "number")]
    pub id: i64,
    /// The file the user picked; it is copied, never moved.
    pub source_path: String,
}

#[derive(Debug, Clone, Deserialize, TS)]
#[ts(export)]
pub struct ComplaintAttachmentRef {
    #[ts(type = "number")]
    pub id: i64,
    /// The stored name, as the timeline entry's text shows it.
    pub stored_name: String,
}

/// `<attachments root>/complaints/<complaint id>`.
/// The folder of complaint attachments inside the attachment folder.
pub const ATTACHMENT_FOLDER: &str = "complaints";

fn attachment_dir(root: &std::path::Path, complaint_id: i64) -> std::path::PathBuf {
    root.join(ATTACHMENT_FOLDER).join(complaint_id.to_string())
}

/// Copies a file into the complaint's folder and records it on the timeline.
/// The copy is removed again if the record cannot be written.
pub async fn attach<C: ConnectionTrait + TransactionTrait>(
    db: &C,
    root: &std::path::Path,
    actor: &Actor,
    req: &ComplaintAttach,
) -> AppResult<ComplaintDetail> {
    actor.require(Right::Service)?;
    let now = actor.now();
    let (source, _, file_name) = crate::attachment::check_source(&req.source_path)?;
    let txn = crate::db::write(db).await?;
    let m = complaint::Entity::find_by_id(req.id)
        .one(&txn)
        .await?
        .ok_or_else(|| AppError::not_found("complaint", req.id))?;
    let last = last_entry_at(&txn, &m).await?;
    let stored = format!("{}-{}", now.format("%Y%m%d%H%M%S%3f"), file_name);
    let target = crate::attachment::copy_into(&source, &attachment_dir(root, m.id), &stored)?;
    let written = async {
        add_event(
            &txn,
            m.id,
            now.max(last),
            EventKind::Attachment,
            None,
            None,
            &stored,
            actor,
        )
        .await?;
        txn.commit().await?;
        Ok::<(), AppError>(())
    }
    .await;
    if let Err(e) = written {
        let _ = std::fs::remove_file(&target);
        return Err(e);
    }
    get(db, actor.access(), req.id, now).await
}

/// The stored copy of an attachment named on the complaint's timeline (and only such a one).
pub async fn attachment_path<C: ConnectionTrait>(
    db: &C,
    root: &std::path::Path,
    r: &ComplaintAttachmentRef,
) -> AppResult<std::path::PathBuf> {
    let known = complaint_event::Entity::find()
        .filter(complaint_event::Column::ComplaintId.eq(r.id))
        .filter(complaint_event::Column::Kind.eq("attachment"))
        .filter(complaint_event::Column::Text.eq(r.stored_name.as_str()))
        .one(db)
        .await?;
    if known.is_none() || crate::attachment::sanitize_file_name(&r.stored_name) != r.stored_name {
        return Err(AppError::not_found("attachment", &r.stored_name));
    }
    let path = attachment_dir(root, r.id).join(&r.stored_name);
    if !path.is_file() {
        return Err(AppError::field("stored_name", ErrorCode::FileMissing));
    }
    Ok(path)
}

/// When the newest timeline entry was made (a new one may not come before it).
async fn last_entry_at<C: ConnectionTrait>(
    db: &C,
    m: &complaint::Model,
) -> AppResult<DateTime<Utc>> {
    Ok(complaint_event::Entity::find()
        .filter(complaint_event::Column::ComplaintId.eq(m.id))
        .order_by_desc(complaint_event::Column::At)
        .one(db)
        .await?
        .map(|e| e.at)
        .unwrap_or(m.received_at))
}
