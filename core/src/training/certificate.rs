//! Certificates (培训证书): issued when a session closes to those who passed,
//! numbered PX-<year>-NNNN, valid for the course's months (a month end stays a
//! month end: 2026-01-31 + 1 month = 2026-02-28), revoked with a reason but
//! never deleted, printed on landscape A4.
use crate::actor::Actor;
use crate::actor::Right;
use crate::error::ErrorCode;
use crate::lang::Lang;
use std::collections::HashMap;

use chrono::{Months, NaiveDate};
use sea_orm::sea_query::Query;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, Condition, ConnectionTrait, DbBackend, EntityTrait, QueryFilter,
    QueryOrder, Select, Set, TransactionSession, TransactionTrait,
};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::audit::{self, FieldChange};
use crate::dates::parse_date;
use crate::entity::{certificate, course, distributor, distributor_contact, enrolment};
use crate::error::{AppError, AppResult, FieldErrors};
use crate::paging::{self, Page, Paging};

/// The last day a certificate is valid.
pub fn expiry(issued: NaiveDate, months: u32) -> NaiveDate {
    issued
        .checked_add_months(Months::new(months))
        .unwrap_or(NaiveDate::MAX)
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum CertificateState {
    Valid,
    /// Valid, but ends within 60 days.
    Expiring,
    Expired,
    Revoked,
}

pub fn state_on(revoked: bool, expiry: Option<NaiveDate>, today: NaiveDate) -> CertificateState {
    match (revoked, expiry) {
        (true, _) => CertificateState::Revoked,
        (false, Some(e)) if e < today => CertificateState::Expired,
        (false, Some(e)) if (e - today).num_days() <= 60 => CertificateState::Expiring,
        _ => CertificateState::Valid,
    }
}

#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct Certificate {
    #[ts(type = "number")]
    pub id: i64,
    pub number: String,
    pub person_name: String,
    #[ts(type = "number")]
    pub contact_id: i64,
    #[ts(type = "number")]
    pub distributor_id: i64,
    pub distributor_code: String,
    pub distributor_name: String,
    #[ts(type = "number")]
    pub course_id: i64,
    pub course_code: String,
    pub course_title_zh: String,
    pub course_title_en: String,
    pub score: Option<i32>,
    pub issue_date: String,
    pub expiry_date: Option<String>,
    #[ts(type = "number | null")]
    pub days_left: Option<i64>,
    pub state: CertificateState,
    pub revoked_on: Option<String>,
    pub revoke_reason: String,
    #[ts(type = "number")]
    pub session_id: i64,
}

#[derive(Debug, Clone, Default, Deserialize, TS)]
#[serde(default)]
#[ts(export)]
pub struct CertificateQuery {
    #[ts(type = "number | null")]
    pub distributor_id: Option<i64>,
    #[ts(type = "number | null")]
    pub course_id: Option<i64>,
    #[ts(type = "number | null")]
    pub session_id: Option<i64>,
    pub state: Option<CertificateState>,
    /// Number, person or distributor.
    pub text: String,
    #[serde(flatten)]
    pub paging: Paging,
}

#[derive(Debug, Clone, Default, Deserialize, TS)]
#[serde(default)]
#[ts(export)]
pub struct RevokeRequest {
    #[ts(type = "number")]
    pub id: i64,
    pub date: String,
    pub reason: String,
}

#[derive(Debug, Clone, Deserialize, TS)]
#[ts(export)]
pub struct CertificatePrintRequest {
    #[ts(type = "number[]")]
    pub ids: Vec<i64>,
    pub lang: Lang,
    /// One PDF per certificate, named by its number.
    pub out_dir: String,
}

async fn next_number<C: ConnectionTrait>(db: &C, year: i32) -> AppResult<String> {
    crate::numbering::next_in_year::<certificate::Entity, _>(
        db,
        certificate::Column::Number,
        "PX",
        year,
        |m| &m.number,
    )
    .await
}

/// Issues the certificate of one passed enrolment (inside the closing transaction).
pub(crate) async fn issue<C: ConnectionTrait>(
    txn: &C,
    actor: &Actor,
    e: &enrolment::Model,
    c: &course::Model,
    issued: NaiveDate,
    months: u32,
) -> AppResult<certificate::Model> {
    let person = distributor_contact::Entity::find_by_id(e.contact_id)
        .one(txn)
        .await?
        .ok_or_else(|| AppError::not_found("contact", e.contact_id))?;
    let number = next_number(txn, chrono::Datelike::year(&issued)).await?;
    Ok(certificate::ActiveModel {
        number: Set(number),
        enrolment_id: Set(e.id),
        contact_id: Set(e.contact_id),
        distributor_id: Set(e.distributor_id),
        course_id: Set(c.id),
        person_name: Set(person.name),
        issue_date: Set(issued),
        expiry_date: Set(Some(expiry(issued, months))),
        revoked_on: Set(None),
        revoke_reason: Set(String::new()),
        revoked_by: Set(String::new()),
        created_at: Set(actor.now()),
        ..Default::default()
    }
    .insert(txn)
    .await?)
}

/// The certificates the query selects, filtered in SQL; the state is read
/// from the dates as of `today`.
fn filtered(
    q: &CertificateQuery,
    today: NaiveDate,
    backend: DbBackend,
) -> Select<certificate::Entity> {
    use certificate::Column;
    let mut find = certificate::Entity::find();
    if let Some(d) = q.distributor_id {
        find = find.filter(Column::DistributorId.eq(d));
    }
    if let Some(c) = q.course_id {
        find = find.filter(Column::CourseId.eq(c));
    }
    if let Some(s) = q.session_id {
        let of_session = Query::select()
            .column(enrolment::Column::Id)
            .from(enrolment::Entity)
            .and_where(enrolment::Column::SessionId.eq(s))
            .to_owned();
        find = find.filter(Column::EnrolmentId.in_subquery(of_session));
    }
    if let Some(state) = q.state {
        // The same bounds as `state_on`: expiring is at most 60 days left.
        let soon = today + chrono::Days::new(60);
        let kept = Column::RevokedOn.is_null();
        find = find.filter(match state {
            CertificateState::Revoked => Condition::all().add(Column::RevokedOn.is_not_null()),
            CertificateState::Expired => {
                Condition::all().add(kept).add(Column::ExpiryDate.lt(today))
            }
            CertificateState::Expiring => Condition::all()
                .add(kept)
                .add(Column::ExpiryDate.gte(today))
                .add(Column::ExpiryDate.lte(soon)),
            CertificateState::Valid => Condition::all().add(kept).add(
                Condition::any()
                    .add(Column::ExpiryDate.is_null())
                    .add(Column::ExpiryDate.gt(soon)),
            ),
        });
    }
    let text = q.text.trim();
    if !text.is_empty() {
        find = find.filter(
            Condition::any()
                .add(paging::contains(backend, Column::Number, text))
                .add(paging::contains(backend, Column::PersonName, text))
                .add(
                    Column::DistributorId
                        .in_subquery(crate::distributor::ids_matching(backend, text)),
                ),
        );
    }
    find
}

fn newest_first(sel: Select<certificate::Entity>) -> Select<certificate::Entity> {
    sel.order_by_desc(certificate::Column::IssueDate)
        .order_by_desc(certificate::Column::Number)
}

/// The certificates as shown: with course, distributor, score and state.
async fn shown<C: ConnectionTrait>(
    db: &C,
    certs: Vec<certificate::Model>,
    today: NaiveDate,
) -> AppResult<Vec<Certificate>> {
    let courses: HashMap<i64, course::Model> = crate::db::find_in(
        db,
        course::Entity::find(),
        course::Column::Id,
        certs.iter().map(|c| c.course_id),
    )
    .await?
    .into_iter()
    .map(|c| (c.id, c))
    .collect();
    let dists: HashMap<i64, distributor::Model> =
        crate::distributor::models_by_id(db, certs.iter().map(|c| c.distributor_id)).await?;
    let enrolments: HashMap<i64, enrolment::Model> = crate::db::find_in(
        db,
        enrolment::Entity::find(),
        enrolment::Column::Id,
        certs.iter().map(|c| c.enrolment_id),
    )
    .await?
    .into_iter()
    .map(|e| (e.id, e))
    .collect();
    Ok(certs
        .into_iter()
        .map(|m| {
            let c = courses.get(&m.course_id);
            let d = dists.get(&m.distributor_id);
            let e = enrolments.get(&m.enrolment_id);
            let state = state_on(m.revoked_on.is_some(), m.expiry_date, today);
            Certificate {
                id: m.id,
                number: m.number,
                person_name: m.person_name,
                contact_id: m.contact_id,
                distributor_id: m.distributor_id,
                distributor_code: d.map(|d| d.code.clone()).unwrap_or_default(),
                distributor_name: d.map(|d| d.name.clone()).unwrap_or_default(),
                course_id: m.course_id,
                course_code: c.map(|c| c.code.clone()).unwrap_or_default(),
                course_title_zh: c.map(|c| c.title_zh.clone()).unwrap_or_default(),
                course_title_en: c.map(|c| c.title_en.clone()).unwrap_or_default(),
                score: e.and_then(|e| e.score),
                issue_date: m.issue_date.to_string(),
                expiry_date: m.expiry_date.map(|d| d.to_string()),
                days_left: m.expiry_date.map(|d| (d - today).num_days()),
                state,
                revoked_on: m.revoked_on.map(|d| d.to_string()),
                revoke_reason: m.revoke_reason,
                session_id: e.map(|e| e.session_id).unwrap_or_default(),
            }
        })
        .collect())
}

/// One page of certificates, newest first, filtered and paged in SQL.
pub async fn list<C: ConnectionTrait>(
    db: &C,
    q: &CertificateQuery,
    today: NaiveDate,
) -> AppResult<Page<Certificate>> {
    let filtered = filtered(q, today, db.get_database_backend());
    let (rows, total) = paging::fetch(db, filtered, newest_first, q.paging).await?;
    Ok(Page {
        rows: shown(db, rows, today).await?,
        total,
    })
}

/// Every certificate the query selects, whatever its paging (compliance, exports).
pub(crate) async fn load_all<C: ConnectionTrait>(
    db: &C,
    q: &CertificateQuery,
    today: NaiveDate,
) -> AppResult<Vec<Certificate>> {
    let rows = newest_first(filtered(q, today, db.get_database_backend()))
        .all(db)
        .await?;
    shown(db, rows, today).await
}

/// The certificates with these ids, in the order asked; an unknown id is not found.
async fn by_ids<C: ConnectionTrait>(
    db: &C,
    ids: &[i64],
    today: NaiveDate,
) -> AppResult<Vec<Certificate>> {
    let rows = crate::db::find_in(
        db,
        certificate::Entity::find(),
        certificate::Column::Id,
        ids.iter().copied(),
    )
    .await?;
    let found: HashMap<i64, Certificate> = shown(db, rows, today)
        .await?
        .into_iter()
        .map(|c| (c.id, c))
        .collect();
    ids.iter()
        .map(|id| {
            found
                .get(id)
                .cloned()
                .ok_or_else(|| AppError::not_found("certificate", id))
        })
        .collect()
}

/// Revokes a certificate (kept, with the date, reason and who did it).
pub async fn revoke<C: ConnectionTrait + TransactionTrait>(
    db: &C,
    actor: &Actor,
    req: &RevokeRequest,
) -> AppResult<Certificate> {
    actor.require(Right::Training)?;
    let today = actor.today();
    let operator = actor.operator().to_owned();
    let mut errs = FieldErrors::default();
    let date = if req.date.trim().is_empty() {
        Some(today)
    } else {
        parse_date(&req.date)
    };
    if date.is_none() {
        errs.push("date", ErrorCode::DateFormat);
    } else if date.is_some_and(|d| d > today) {
        errs.push("date", ErrorCode::InFuture);
    }
    if req.reason.trim().is_empty() {
        errs.push("reason", ErrorCode::Required);
    }
    errs.into_result()?;
    let txn = crate::db::write(db).await?;
    let m = certificate::Entity::find_by_id(req.id)
        .one(&txn)
        .await?
        .ok_or_else(|| AppError::not_found("certificate", req.id))?;
    if m.revoked_on.is_some() {
        return Err(AppError::IllegalTransition {
            from: "revoked".into(),
            to: "revoked".into(),
        });
    }
    let distributor_id = m.distributor_id;
    let number = m.number.clone();
    let mut am: certificate::ActiveModel = m.into();
    am.revoked_on = Set(date);
    am.revoke_reason = Set(req.reason.trim().into());
    am.revoked_by = Set(operator.clone());
    am.update(&txn).await?;
    audit::record(
        &txn,
        actor,
        "distributor",
        distributor_id,
        "certificate_revoke",
        &[FieldChange {
            field: number,
            before: None,
            after: Some(req.reason.trim().into()),
        }],
    )
    .await?;
    txn.commit().await?;
    let mut one = by_ids(db, &[req.id], today).await?;
    one.pop()
        .ok_or_else(|| AppError::not_found("certificate", req.id))
}

/// Writes one PDF per certificate into `out_dir`; returns the paths.
pub async fn print<C: ConnectionTrait>(
    db: &C,
    req: &CertificatePrintRequest,
    today: NaiveDate,
) -> AppResult<Vec<String>> {
    if req.out_dir.trim().is_empty() {
        return Err(AppError::field("out_dir", ErrorCode::Required));
    }
    if req.ids.is_empty() {
        return Err(AppError::field("ids", ErrorCode::Required));
    }
    let dir = std::path::PathBuf::from(req.out_dir.trim());
    crate::outputs::check_folder("out_dir", &dir)?;
    std::fs::create_dir_all(&dir).map_err(|e| AppError::io(format!("{}: {e}", dir.display())))?;
    let chosen = by_ids(db, &req.ids, today).await?;
    let company = crate::settings::load_company(db).await?;
    let lang = req.lang;
    tokio::task::spawn_blocking(move || {
        let mut out = vec![];
        for c in &chosen {
            let bytes = crate::training::certificate_layout::render(c, &company, lang)?;
            let path = dir.join(format!("{}.pdf", c.number));
            crate::pdf::write_atomically(&path, &bytes)?;
            out.push(path.display().to_string());
        }
        Ok(out)
    })
    .await
    .map_err(|e| AppError::io(e.to_string()))?
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn expiry_keeps_month_ends() {
        let d = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap();
        assert_eq!(expiry(d("2026-01-31"), 1), d("2026-02-28"));
        assert_eq!(expiry(d("2028-01-31"), 1), d("2028-02-29"));
        assert_eq!(expiry(d("2026-03-31"), 6), d("2026-09-30"));
        assert_eq!(expiry(d("2026-05-15"), 24), d("2028-05-15"));
        assert_eq!(expiry(d("2026-02-28"), 12), d("2027-02-28"));
    }

    #[test]
    fn states_follow_the_dates() {
        let d = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap();
        let today = d("2026-06-01");
        assert_eq!(
            state_on(false, Some(d("2026-05-31")), today),
            CertificateState::Expired
        );
        assert_eq!(
            state_on(false, Some(d("2026-06-01")), today),
            CertificateState::Expiring
        );
        assert_eq!(
            state_on(false, Some(d("2026-07-31")), today),
            CertificateState::Expiring
        );
        assert_eq!(
            state_on(false, Some(d("2026-08-01")), today),
            CertificateState::Valid
        );
        assert_eq!(
            state_on(true, Some(d("2027-01-01")), today),
            CertificateState::Revoked
        );
    }
}
