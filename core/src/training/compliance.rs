//! Compliance by tier: which required courses each distributor covers with a
//! valid certificate held by one of its people (or, for a course without a
//! certificate, a pass); expiring and expired certificates for the reminders.
use std::collections::{HashMap, HashSet};

use chrono::NaiveDate;
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder};
use serde::Serialize;
use ts_rs::TS;

use super::certificate::{load_all, Certificate, CertificateQuery, CertificateState};
use super::session::SessionStatus;
use super::tiers_of;
use crate::distributor::{Status, Tier};
use crate::entity::{course, distributor, enrolment, training_session};
use crate::error::AppResult;

#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct ComplianceRow {
    #[ts(type = "number")]
    pub distributor_id: i64,
    pub code: String,
    pub name: String,
    pub tier: Tier,
    /// Course codes its tier requires.
    pub required: Vec<String>,
    pub covered: Vec<String>,
    pub missing: Vec<String>,
    /// covered ÷ required, rounded down; 100 when nothing is required.
    pub compliance_pct: u32,
}

/// (distributor, course) pairs with a pass in a held or closed session.
pub(crate) async fn passes<C: ConnectionTrait>(db: &C) -> AppResult<Vec<(i64, i64, NaiveDate)>> {
    let sessions: HashMap<i64, training_session::Model> = training_session::Entity::find()
        .filter(
            training_session::Column::Status
                .is_in([SessionStatus::Held.key(), SessionStatus::Closed.key()]),
        )
        .all(db)
        .await?
        .into_iter()
        .map(|s| (s.id, s))
        .collect();
    Ok(enrolment::Entity::find()
        .filter(enrolment::Column::Passed.eq(true))
        .all(db)
        .await?
        .into_iter()
        .filter_map(|e| {
            let s = sessions.get(&e.session_id)?;
            Some((e.distributor_id, s.course_id, s.session_date))
        })
        .collect())
}

/// Compliance of active and suspended distributors (or one of them).
pub async fn compliance<C: ConnectionTrait>(
    db: &C,
    today: NaiveDate,
    distributor_id: Option<i64>,
) -> AppResult<Vec<ComplianceRow>> {
    let mut q = distributor::Entity::find()
        .filter(distributor::Column::Status.is_in([Status::Active.key(), Status::Suspended.key()]));
    if let Some(id) = distributor_id {
        q = q.filter(distributor::Column::Id.eq(id));
    }
    let dists = q.order_by_asc(distributor::Column::Code).all(db).await?;
    let courses: Vec<course::Model> = course::Entity::find()
        .filter(course::Column::Active.eq(true))
        .order_by_asc(course::Column::Code)
        .all(db)
        .await?;
    let certs = load_all(db, &CertificateQuery::default(), today).await?;
    let valid: HashSet<(i64, i64)> = certs
        .iter()
        .filter(|c| {
            matches!(
                c.state,
                CertificateState::Valid | CertificateState::Expiring
            )
        })
        .map(|c| (c.distributor_id, c.course_id))
        .collect();
    let passed: HashSet<(i64, i64)> = passes(db)
        .await?
        .into_iter()
        .map(|(d, c, _)| (d, c))
        .collect();
    let course_tiers: Vec<Vec<Tier>> = courses.iter().map(tiers_of).collect::<AppResult<_>>()?;
    dists
        .into_iter()
        .map(|d| {
            let tier = crate::distributor::tier_of(&d)?;
            let mut required = vec![];
            let mut covered = vec![];
            let mut missing = vec![];
            let of_tier = courses
                .iter()
                .zip(&course_tiers)
                .filter(|(_, t)| t.contains(&tier));
            for (c, _) in of_tier {
                required.push(c.code.clone());
                let ok = if c.validity_months.is_some() {
                    valid.contains(&(d.id, c.id))
                } else {
                    passed.contains(&(d.id, c.id))
                };
                if ok {
                    covered.push(c.code.clone());
                } else {
                    missing.push(c.code.clone());
                }
            }
            let compliance_pct = if required.is_empty() {
                100
            } else {
                (covered.len() * 100 / required.len()) as u32
            };
            Ok(ComplianceRow {
                distributor_id: d.id,
                code: d.code,
                name: d.name,
                tier,
                required,
                covered,
                missing,
                compliance_pct,
            })
        })
        .collect()
}

/// Each person's newest certificate of each course that expires within 60
/// days or has expired (revoked ones and those renewed since are left out).
pub async fn expiring<C: ConnectionTrait>(db: &C, today: NaiveDate) -> AppResult<Vec<Certificate>> {
    let all = load_all(db, &CertificateQuery::default(), today).await?;
    let mut newest: HashMap<(i64, i64), &Certificate> = HashMap::new();
    for c in all.iter().filter(|c| c.state != CertificateState::Revoked) {
        let e = newest.entry((c.contact_id, c.course_id)).or_insert(c);
        if (c.issue_date.as_str(), c.id) > (e.issue_date.as_str(), e.id) {
            *e = c;
        }
    }
    let mut out: Vec<Certificate> = newest
        .into_values()
        .filter(|c| {
            matches!(
                c.state,
                CertificateState::Expiring | CertificateState::Expired
            )
        })
        .cloned()
        .collect();
    out.sort_by_key(|c| (c.days_left, c.id));
    Ok(out)
}

/// The first day each distributor passed a course marked as onboarding training.
pub(crate) async fn onboarding_training_dates<C: ConnectionTrait>(
    db: &C,
) -> AppResult<HashMap<i64, NaiveDate>> {
    let onboarding: HashSet<i64> = course::Entity::find()
        .filter(course::Column::Onboarding.eq(true))
        .all(db)
        .await?
        .into_iter()
        .map(|c| c.id)
        .collect();
    let mut out: HashMap<i64, NaiveDate> = HashMap::new();
    for (d, c, date) in passes(db).await? {
        if onboarding.contains(&c) {
            out.entry(d)
                .and_modify(|x| *x = (*x).min(date))
                .or_insert(date);
        }
    }
    Ok(out)
}
