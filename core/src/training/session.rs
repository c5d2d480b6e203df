//! Sessions: planned → held → closed (or cancelled); closing issues
//! certificates to those who passed. Enrolment and results: `attendance.rs`.
use crate::actor::Actor;
use crate::actor::Right;
use crate::error::ErrorCode;
use std::collections::HashMap;

use chrono::NaiveDate;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter,
    QueryOrder, Set, TransactionSession, TransactionTrait,
};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

pub use super::attendance::{
    enrol, record_results, unenrol, EnrolRequest, ResultRow, ResultsRequest,
};

use super::{find_course, Course};
use crate::audit::{self, FieldChange};
use crate::dates::parse_date;
use crate::entity::{certificate, distributor, distributor_contact, enrolment, training_session};
use crate::error::{AppError, AppResult, FieldError, FieldErrors};
use crate::stored::Record;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum SessionStatus {
    Planned,
    Held,
    Closed,
    Cancelled,
}

impl SessionStatus {
    pub const ALL: [SessionStatus; 4] = [
        SessionStatus::Planned,
        SessionStatus::Held,
        SessionStatus::Closed,
        SessionStatus::Cancelled,
    ];
    pub fn key(self) -> &'static str {
        match self {
            SessionStatus::Planned => "planned",
            SessionStatus::Held => "held",
            SessionStatus::Closed => "closed",
            SessionStatus::Cancelled => "cancelled",
        }
    }
    pub fn parse(s: &str) -> Option<SessionStatus> {
        Self::ALL.into_iter().find(|x| x.key() == s)
    }
    pub fn allowed_next(self) -> &'static [SessionStatus] {
        match self {
            SessionStatus::Planned => &[SessionStatus::Held, SessionStatus::Cancelled],
            SessionStatus::Held => &[SessionStatus::Closed],
            SessionStatus::Closed | SessionStatus::Cancelled => &[],
        }
    }
}

#[derive(Debug, Clone, Default, Deserialize, TS)]
#[serde(default)]
#[ts(export)]
pub struct SessionInput {
    #[ts(type = "number")]
    pub course_id: i64,
    /// `YYYY-MM-DD`.
    pub date: String,
    /// Local `HH:MM`.
    pub start_time: String,
    pub trainer: String,
    /// A room or an online link.
    pub place: String,
    pub capacity: i32,
    pub notes: String,
    /// People (contact ids) to enrol straight away, e.g. from the reminders list.
    #[ts(type = "number[]")]
    pub enrol: Vec<i64>,
}

#[derive(Debug, Clone, Deserialize, TS)]
#[ts(export)]
pub struct SessionSave {
    #[ts(type = "number | null")]
    pub id: Option<i64>,
    pub input: SessionInput,
}

#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct TrainingSession {
    #[ts(type = "number")]
    pub id: i64,
    #[ts(type = "number")]
    pub course_id: i64,
    pub course_code: String,
    pub course_title_zh: String,
    pub course_title_en: String,
    pub date: String,
    pub start_time: String,
    pub trainer: String,
    pub place: String,
    pub capacity: i32,
    pub enrolled: u32,
    pub attended: u32,
    pub passed: u32,
    pub status: SessionStatus,
    pub notes: String,
}

#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct Attendee {
    #[ts(type = "number")]
    pub enrolment_id: i64,
    #[ts(type = "number")]
    pub contact_id: i64,
    #[ts(type = "number")]
    pub distributor_id: i64,
    pub distributor_code: String,
    pub distributor_name: String,
    pub name: String,
    pub role: String,
    pub phone: String,
    pub attended: Option<bool>,
    pub score: Option<i32>,
    pub passed: Option<bool>,
    pub rating: Option<i32>,
    pub comment: String,
    pub certificate_number: Option<String>,
}

#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct SessionDetail {
    pub session: TrainingSession,
    pub course: Course,
    pub attendees: Vec<Attendee>,
    pub allowed: Vec<SessionStatus>,
}

#[derive(Debug, Clone, Default, Deserialize, TS)]
#[serde(default)]
#[ts(export)]
pub struct SessionQuery {
    pub from: String,
    pub to: String,
    pub status: Option<SessionStatus>,
    #[ts(type = "number | null")]
    pub course_id: Option<i64>,
}

#[derive(Debug, Clone, Deserialize, TS)]
#[ts(export)]
pub struct SessionMove {
    #[ts(type = "number")]
    pub id: i64,
    pub to: SessionStatus,
}

pub(crate) async fn find<C: ConnectionTrait>(
    db: &C,
    id: i64,
) -> AppResult<training_session::Model> {
    training_session::Entity::find_by_id(id)
        .one(db)
        .await?
        .ok_or_else(|| AppError::not_found("session", id))
}

fn is_time(s: &str) -> bool {
    chrono::NaiveTime::parse_from_str(s.trim(), "%H:%M").is_ok()
}

fn validate(i: &SessionInput) -> AppResult<NaiveDate> {
    let mut errs = FieldErrors::default();
    let date = parse_date(&i.date);
    if date.is_none() {
        errs.push_err(FieldError::with_detail(
            "date",
            ErrorCode::DateFormat,
            i.date.trim(),
        ));
    }
    if !is_time(&i.start_time) {
        errs.push_err(FieldError::with_detail(
            "start_time",
            ErrorCode::TimeFormat,
            i.start_time.trim(),
        ));
    }
    if i.trainer.trim().is_empty() {
        errs.push("trainer", ErrorCode::Required);
    }
    if i.place.trim().is_empty() {
        errs.push("place", ErrorCode::Required);
    }
    crate::fields::printable(&mut errs, "trainer", &i.trainer);
    crate::fields::printable(&mut errs, "place", &i.place);
    if !(1..=500).contains(&i.capacity) {
        errs.push("capacity", ErrorCode::CapacityRange);
    }
    errs.into_result()?;
    Ok(date.unwrap_or_default())
}

fn to_dto(
    m: &training_session::Model,
    c: Option<&crate::entity::course::Model>,
    enrolments: &[&enrolment::Model],
) -> AppResult<TrainingSession> {
    Ok(TrainingSession {
        id: m.id,
        course_id: m.course_id,
        course_code: c.map(|c| c.code.clone()).unwrap_or_default(),
        course_title_zh: c.map(|c| c.title_zh.clone()).unwrap_or_default(),
        course_title_en: c.map(|c| c.title_en.clone()).unwrap_or_default(),
        date: m.session_date.to_string(),
        start_time: m.start_time.clone(),
        trainer: m.trainer.clone(),
        place: m.place.clone(),
        capacity: m.capacity,
        enrolled: enrolments.len() as u32,
        attended: enrolments
            .iter()
            .filter(|e| e.attended == Some(true))
            .count() as u32,
        passed: enrolments.iter().filter(|e| e.passed == Some(true)).count() as u32,
        status: Record::new("training_session", m.id).key(
            "status",
            &m.status,
            SessionStatus::parse,
        )?,
        notes: m.notes.clone(),
    })
}

pub async fn list<C: ConnectionTrait>(db: &C, q: &SessionQuery) -> AppResult<Vec<TrainingSession>> {
    let mut find = training_session::Entity::find();
    if let Some(d) = parse_date(&q.from) {
        find = find.filter(training_session::Column::SessionDate.gte(d));
    }
    if let Some(d) = parse_date(&q.to) {
        find = find.filter(training_session::Column::SessionDate.lte(d));
    }
    if let Some(s) = q.status {
        find = find.filter(training_session::Column::Status.eq(s.key()));
    }
    if let Some(c) = q.course_id {
        find = find.filter(training_session::Column::CourseId.eq(c));
    }
    let sessions = find
        .order_by_desc(training_session::Column::SessionDate)
        .order_by_desc(training_session::Column::StartTime)
        .all(db)
        .await?;
    let ids: Vec<i64> = sessions.iter().map(|s| s.id).collect();
    let enrolments = crate::db::find_in(
        db,
        enrolment::Entity::find(),
        enrolment::Column::SessionId,
        ids,
    )
    .await?;
    let courses: HashMap<i64, crate::entity::course::Model> = crate::entity::course::Entity::find()
        .all(db)
        .await?
        .into_iter()
        .map(|c| (c.id, c))
        .collect();
    sessions
        .iter()
        .map(|s| {
            let e: Vec<&enrolment::Model> =
                enrolments.iter().filter(|e| e.session_id == s.id).collect();
            to_dto(s, courses.get(&s.course_id), &e)
        })
        .collect()
}

pub async fn get<C: ConnectionTrait>(db: &C, id: i64) -> AppResult<SessionDetail> {
    let m = find(db, id).await?;
    let c = find_course(db, m.course_id).await?;
    let enrolments = enrolment::Entity::find()
        .filter(enrolment::Column::SessionId.eq(id))
        .order_by_asc(enrolment::Column::Id)
        .all(db)
        .await?;
    let contact_ids: Vec<i64> = enrolments.iter().map(|e| e.contact_id).collect();
    let people: HashMap<i64, distributor_contact::Model> = crate::db::find_in(
        db,
        distributor_contact::Entity::find(),
        distributor_contact::Column::Id,
        contact_ids,
    )
    .await?
    .into_iter()
    .map(|p| (p.id, p))
    .collect();
    let dist_ids: Vec<i64> = enrolments.iter().map(|e| e.distributor_id).collect();
    let dists: HashMap<i64, distributor::Model> =
        crate::distributor::models_by_id(db, dist_ids).await?;
    let certs: HashMap<i64, String> = crate::db::find_in(
        db,
        certificate::Entity::find(),
        certificate::Column::EnrolmentId,
        enrolments.iter().map(|e| e.id),
    )
    .await?
    .into_iter()
    .map(|c| (c.enrolment_id, c.number))
    .collect();
    let refs: Vec<&enrolment::Model> = enrolments.iter().collect();
    let session = to_dto(&m, Some(&c), &refs)?;
    let attendees = enrolments
        .iter()
        .map(|e| {
            let p = people.get(&e.contact_id);
            let d = dists.get(&e.distributor_id);
            Attendee {
                enrolment_id: e.id,
                contact_id: e.contact_id,
                distributor_id: e.distributor_id,
                distributor_code: d.map(|d| d.code.clone()).unwrap_or_default(),
                distributor_name: d.map(|d| d.name.clone()).unwrap_or_default(),
                name: p.map(|p| p.name.clone()).unwrap_or_default(),
                role: p.map(|p| p.role.clone()).unwrap_or_default(),
                phone: p.map(|p| p.phone.clone()).unwrap_or_default(),
                attended: e.attended,
                score: e.score,
                passed: e.passed,
                rating: e.rating,
                comment: e.comment.clone(),
                certificate_number: certs.get(&e.id).cloned(),
            }
        })
        .collect();
    Ok(SessionDetail {
        allowed: session.status.allowed_next().to_vec(),
        session,
        course: Course::try_from(&c)?,
        attendees,
    })
}

/// Creates a session (and enrols `enrol`), or edits a planned one.
pub async fn save<C: ConnectionTrait + TransactionTrait>(
    db: &C,
    actor: &Actor,
    req: &SessionSave,
) -> AppResult<SessionDetail> {
    actor.require(Right::Training)?;
    let operator = actor.operator().to_owned();
    let date = validate(&req.input)?;
    let i = &req.input;
    let txn = crate::db::write(db).await?;
    let c = find_course(&txn, i.course_id)
        .await
        .map_err(|_| AppError::field("course_id", ErrorCode::Required))?;
    if !c.active && req.id.is_none() {
        return Err(AppError::field("course_id", ErrorCode::CourseInactive));
    }
    let now = actor.now();
    let mut am = match req.id {
        Some(id) => {
            let m = find(&txn, id).await?;
            if m.status != SessionStatus::Planned.key() {
                return Err(AppError::IllegalTransition {
                    from: m.status,
                    to: "edit".into(),
                });
            }
            let enrolled = enrolment::Entity::find()
                .filter(enrolment::Column::SessionId.eq(id))
                .count(&txn)
                .await?;
            if (i.capacity as u64) < enrolled {
                return Err(AppError::Validation {
                    fields: vec![FieldError::with_detail(
                        "capacity",
                        ErrorCode::CapacityBelowEnrolled,
                        enrolled.to_string(),
                    )],
                });
            }
            m.into()
        }
        None => training_session::ActiveModel {
            status: Set(SessionStatus::Planned.key().into()),
            created_at: Set(now),
            created_by: Set(operator.clone()),
            ..Default::default()
        },
    };
    am.course_id = Set(c.id);
    am.session_date = Set(date);
    am.start_time = Set(i.start_time.trim().into());
    am.trainer = Set(i.trainer.trim().into());
    am.place = Set(i.place.trim().into());
    am.capacity = Set(i.capacity);
    am.notes = Set(i.notes.trim().into());
    am.updated_at = Set(now);
    let m = if req.id.is_some() {
        am.update(&txn).await?
    } else {
        am.insert(&txn).await?
    };
    audit::record(
        &txn,
        actor,
        "session",
        m.id,
        if req.id.is_some() { "update" } else { "create" },
        &[FieldChange {
            field: "session".into(),
            before: None,
            after: Some(format!("{} {} {}", c.code, m.session_date, m.start_time)),
        }],
    )
    .await?;
    if !i.enrol.is_empty() {
        super::attendance::enrol_in(&txn, &m, &i.enrol, actor).await?;
    }
    txn.commit().await?;
    get(db, m.id).await
}

/// Planned → held / cancelled; held → closed, which issues a certificate to
/// each person who passed (when the course gives one). Every enrolled person
/// needs a result before the session closes.
pub async fn move_to<C: ConnectionTrait + TransactionTrait>(
    db: &C,
    actor: &Actor,
    req: &SessionMove,
) -> AppResult<SessionDetail> {
    actor.require(Right::Training)?;
    let txn = crate::db::write(db).await?;
    let s = find(&txn, req.id).await?;
    let from =
        Record::new("training_session", s.id).key("status", &s.status, SessionStatus::parse)?;
    if !from.allowed_next().contains(&req.to) {
        return Err(AppError::IllegalTransition {
            from: from.key().into(),
            to: req.to.key().into(),
        });
    }
    if req.to == SessionStatus::Closed {
        let enrolments = enrolment::Entity::find()
            .filter(enrolment::Column::SessionId.eq(s.id))
            .all(&txn)
            .await?;
        let open = enrolments.iter().filter(|e| e.attended.is_none()).count();
        if open > 0 {
            return Err(AppError::Validation {
                fields: vec![FieldError::with_detail(
                    "rows",
                    ErrorCode::ResultsMissing,
                    open.to_string(),
                )],
            });
        }
        let c = find_course(&txn, s.course_id).await?;
        if let Some(months) = c.validity_months {
            for e in enrolments.iter().filter(|e| e.passed == Some(true)) {
                super::certificate::issue(&txn, actor, e, &c, s.session_date, months as u32)
                    .await?;
            }
        }
    }
    let id = s.id;
    let mut am: training_session::ActiveModel = s.into();
    am.status = Set(req.to.key().into());
    am.updated_at = Set(actor.now());
    am.update(&txn).await?;
    audit::record(
        &txn,
        actor,
        "session",
        id,
        "status",
        &[FieldChange {
            field: "status".into(),
            before: Some(from.key().into()),
            after: Some(req.to.key().into()),
        }],
    )
    .await?;
    txn.commit().await?;
    get(db, id).await
}
