//! Reading agreements: the list, one agreement with its versions and history,
//! and channel conflicts between exclusive territories.
use std::collections::HashMap;

use chrono::NaiveDate;
use sea_orm::sea_query::{Alias, Expr, ExprTrait, Query};
use sea_orm::{
    ColumnTrait, Condition, ConnectionTrait, DbBackend, EntityTrait, QueryFilter, QueryOrder,
    Select,
};
use serde::Deserialize;
use ts_rs::TS;

use super::{
    effective_status, in_force, territories_of, to_dto, Agreement, AgreementDetail, AgreementEvent,
    AgreementStatus, Conflict, VersionRef,
};
use crate::entity::{agreement, agreement_event, distributor};
use crate::error::{AppError, AppResult};
use crate::paging::{self, Page, Paging};

#[derive(Debug, Clone, Default, Deserialize, TS)]
#[serde(default)]
#[ts(export)]
pub struct AgreementListQuery {
    #[ts(type = "number | null")]
    pub distributor_id: Option<i64>,
    pub status: Option<AgreementStatus>,
    /// Number, distributor code or name.
    pub text: String,
    /// Every version, not only the newest of each number.
    pub all_versions: bool,
    #[serde(flatten)]
    pub paging: Paging,
}

fn terms_overlap(a: &agreement::Model, b: &agreement::Model) -> bool {
    a.term_start <= b.term_end && b.term_start <= a.term_end
}

/// Agreements of other distributors, in force on `today`, whose territory
/// overlaps `m`'s where either side is exclusive and whose terms overlap.
fn conflicts_in(
    m: &agreement::Model,
    all: &[agreement::Model],
    dists: &HashMap<i64, distributor::Model>,
    today: NaiveDate,
) -> AppResult<Vec<Conflict>> {
    let mine = territories_of(m)?;
    let closed = matches!(
        effective_status(m, today)?,
        AgreementStatus::Expired | AgreementStatus::Terminated | AgreementStatus::Superseded
    );
    if closed {
        return Ok(vec![]);
    }
    let mut conflicts = Vec::new();
    for o in all {
        if o.distributor_id == m.distributor_id || !(m.exclusive || o.exclusive) {
            continue;
        }
        if !in_force(o, today)? || !terms_overlap(m, o) {
            continue;
        }
        let theirs = territories_of(o)?;
        let areas: Vec<String> = mine
            .iter()
            .flat_map(|a| {
                theirs
                    .iter()
                    .filter(move |b| a.overlaps(b))
                    .map(move |b| format!("{} ↔ {}", a.label(), b.label()))
            })
            .collect();
        if areas.is_empty() {
            continue;
        }
        let d = dists.get(&o.distributor_id);
        conflicts.push(Conflict {
            agreement_id: o.id,
            number: o.number.clone(),
            version: o.version,
            distributor_code: d.map(|d| d.code.clone()).unwrap_or_default(),
            distributor_name: d.map(|d| d.name.clone()).unwrap_or_default(),
            areas,
            other_exclusive: o.exclusive,
        });
    }
    Ok(conflicts)
}

/// The distributors named by `agreements`.
async fn distributors<C: ConnectionTrait>(
    db: &C,
    agreements: &[agreement::Model],
) -> AppResult<HashMap<i64, distributor::Model>> {
    let ids: std::collections::BTreeSet<i64> =
        agreements.iter().map(|a| a.distributor_id).collect();
    Ok(crate::distributor::models_by_id(db, ids).await?)
}

/// Agreements that bind on `today` (signed and not past their end): the only
/// ones a conflict can be with.
async fn in_force_on<C: ConnectionTrait>(
    db: &C,
    today: NaiveDate,
) -> AppResult<Vec<agreement::Model>> {
    Ok(agreement::Entity::find()
        .filter(agreement::Column::Status.eq(AgreementStatus::Signed.key()))
        .filter(agreement::Column::TermEnd.gte(today))
        .all(db)
        .await?)
}

/// The channel conflicts of one agreement.
pub async fn conflicts_of<C: ConnectionTrait>(
    db: &C,
    id: i64,
    today: NaiveDate,
) -> AppResult<Vec<Conflict>> {
    let m = agreement::Entity::find_by_id(id)
        .one(db)
        .await?
        .ok_or_else(|| AppError::not_found("agreement", id))?;
    let bound = in_force_on(db, today).await?;
    conflicts_in(&m, &bound, &distributors(db, &bound).await?, today)
}

/// One agreement with its versions, history, conflicts and the moves allowed
/// now; one of a distributor outside `access`'s scope is not found.
pub async fn get<C: ConnectionTrait>(
    db: &C,
    access: &crate::actor::Access,
    id: i64,
    today: NaiveDate,
) -> AppResult<AgreementDetail> {
    let m = &agreement::Entity::find_by_id(id)
        .one(db)
        .await?
        .ok_or_else(|| AppError::not_found("agreement", id))?;
    if !crate::scope::holds(db, access, m.distributor_id).await? {
        return Err(AppError::not_found("agreement", id));
    }
    let mut bound = in_force_on(db, today).await?;
    let chain: Vec<agreement::Model> = agreement::Entity::find()
        .filter(agreement::Column::Number.eq(&m.number))
        .order_by_asc(agreement::Column::Version)
        .all(db)
        .await?;
    bound.push(m.clone());
    let dists = distributors(db, &bound).await?;
    let conflicts = conflicts_in(m, &bound, &dists, today)?;
    let newest = chain.last().map(|a| a.version).unwrap_or(m.version);
    let versions = chain
        .iter()
        .map(|a| {
            Ok(VersionRef {
                id: a.id,
                version: a.version,
                kind: super::kind_of(a)?,
                status: effective_status(a, today)?,
                term_start: a.term_start.to_string(),
                term_end: a.term_end.to_string(),
            })
        })
        .collect::<AppResult<_>>()?;
    let history = agreement_event::Entity::find()
        .filter(agreement_event::Column::AgreementId.eq(id))
        .order_by_asc(agreement_event::Column::Id)
        .all(db)
        .await?
        .into_iter()
        .map(|e| AgreementEvent {
            at: e.at.to_rfc3339(),
            from_status: e.from_status,
            to_status: e.to_status,
            text: e.text,
            operator: e.operator,
        })
        .collect();
    let stored = super::status_of(m)?;
    let allowed = match stored {
        AgreementStatus::Draft => vec![AgreementStatus::AwaitingSignature],
        AgreementStatus::AwaitingSignature => {
            vec![AgreementStatus::Draft, AgreementStatus::Signed]
        }
        AgreementStatus::Signed if in_force(m, today)? => vec![AgreementStatus::Terminated],
        _ => vec![],
    };
    Ok(AgreementDetail {
        agreement: to_dto(
            m,
            dists.get(&m.distributor_id),
            today,
            !conflicts.is_empty(),
        )?,
        history,
        versions,
        conflicts,
        allowed,
        can_new_version: stored == AgreementStatus::Signed && m.version == newest,
    })
}

/// The agreements the query selects, filtered in SQL; the status is the one
/// shown on `today` (a signed agreement is active or expired by its dates).
fn filtered(
    q: &AgreementListQuery,
    today: NaiveDate,
    backend: DbBackend,
) -> Select<agreement::Entity> {
    use agreement::Column;
    let mut sel = agreement::Entity::find();
    if !q.all_versions {
        let newer = Alias::new("newer");
        sel = sel.filter(Expr::not_exists(
            Query::select()
                .expr(Expr::val(1))
                .from_as(agreement::Entity, newer.clone())
                .and_where(
                    Expr::col((newer.clone(), Column::Number))
                        .equals((agreement::Entity, Column::Number)),
                )
                .and_where(
                    Expr::col((newer, Column::Version))
                        .gt(Expr::col((agreement::Entity, Column::Version))),
                )
                .to_owned(),
        ));
    }
    if let Some(d) = q.distributor_id {
        sel = sel.filter(Column::DistributorId.eq(d));
    }
    let text = q.text.trim();
    if !text.is_empty() {
        sel = sel.filter(
            Condition::any()
                .add(paging::contains(backend, Column::Number, text))
                .add(
                    Column::DistributorId
                        .in_subquery(crate::distributor::ids_matching(backend, text)),
                ),
        );
    }
    if let Some(status) = q.status {
        let signed = Column::Status.eq(AgreementStatus::Signed.key());
        sel = sel.filter(match status {
            AgreementStatus::Expired => Condition::all().add(signed).add(Column::TermEnd.lt(today)),
            AgreementStatus::Active => Condition::all()
                .add(signed)
                .add(Column::TermStart.lte(today))
                .add(Column::TermEnd.gte(today)),
            AgreementStatus::Signed => Condition::all()
                .add(signed)
                .add(Column::TermStart.gt(today)),
            stored => Condition::all().add(Column::Status.eq(stored.key())),
        });
    }
    sel
}

/// One page of agreements, newest number first; by default only the newest
/// version of each. Filtered and paged in SQL; conflicts are checked for the
/// page's rows against the agreements in force.
pub async fn list<C: ConnectionTrait>(
    db: &C,
    access: &crate::actor::Access,
    q: &AgreementListQuery,
    today: NaiveDate,
) -> AppResult<Page<Agreement>> {
    let newest_first = |s: Select<agreement::Entity>| {
        s.order_by_desc(agreement::Column::Number)
            .order_by_desc(agreement::Column::Version)
    };
    // Only the agreements of distributors in the reader's scope.
    let filtered = filtered(q, today, db.get_database_backend())
        .filter(crate::scope::on(access, agreement::Column::DistributorId));
    let (rows, total) = paging::fetch(db, filtered, newest_first, q.paging).await?;
    let bound = in_force_on(db, today).await?;
    let dists = distributors(db, &[rows.as_slice(), bound.as_slice()].concat()).await?;
    let rows = rows
        .iter()
        .map(|m| {
            let conflict = !conflicts_in(m, &bound, &dists, today)?.is_empty();
            to_dto(m, dists.get(&m.distributor_id), today, conflict)
        })
        .collect::<AppResult<_>>()?;
    Ok(Page { rows, total })
}
