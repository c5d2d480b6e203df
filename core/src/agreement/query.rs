//! Reading agreements: the list, one agreement with its versions and history,
//! and channel conflicts between exclusive territories.
use std::collections::HashMap;

use chrono::NaiveDate;
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder};
use serde::Deserialize;
use ts_rs::TS;

use super::{
    effective_status, in_force, territories_of, to_dto, Agreement, AgreementDetail, AgreementEvent,
    AgreementKind, AgreementStatus, Conflict, VersionRef,
};
use crate::entity::{agreement, agreement_event, distributor};
use crate::error::{AppError, AppResult};

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
) -> Vec<Conflict> {
    let mine = territories_of(m);
    let closed = matches!(
        effective_status(m, today),
        AgreementStatus::Expired | AgreementStatus::Terminated | AgreementStatus::Superseded
    );
    if closed {
        return vec![];
    }
    all.iter()
        .filter(|o| o.distributor_id != m.distributor_id && (m.exclusive || o.exclusive))
        .filter(|o| in_force(o, today) && terms_overlap(m, o))
        .filter_map(|o| {
            let theirs = territories_of(o);
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
                return None;
            }
            let d = dists.get(&o.distributor_id);
            Some(Conflict {
                agreement_id: o.id,
                number: o.number.clone(),
                version: o.version,
                distributor_code: d.map(|d| d.code.clone()).unwrap_or_default(),
                distributor_name: d.map(|d| d.name.clone()).unwrap_or_default(),
                areas,
                other_exclusive: o.exclusive,
            })
        })
        .collect()
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

/// The channel conflicts of one agreement.
pub async fn conflicts_of<C: ConnectionTrait>(
    db: &C,
    id: i64,
    today: NaiveDate,
) -> AppResult<Vec<Conflict>> {
    let all = agreement::Entity::find().all(db).await?;
    let m = all
        .iter()
        .find(|a| a.id == id)
        .ok_or_else(|| AppError::not_found("agreement", id))?;
    Ok(conflicts_in(m, &all, &distributors(db, &all).await?, today))
}

/// One agreement with its versions, history, conflicts and the moves allowed now.
pub async fn get<C: ConnectionTrait>(
    db: &C,
    id: i64,
    today: NaiveDate,
) -> AppResult<AgreementDetail> {
    let all = agreement::Entity::find()
        .order_by_asc(agreement::Column::Id)
        .all(db)
        .await?;
    let m = all
        .iter()
        .find(|a| a.id == id)
        .ok_or_else(|| AppError::not_found("agreement", id))?;
    let dists = distributors(db, &all).await?;
    let conflicts = conflicts_in(m, &all, &dists, today);
    let mut chain: Vec<&agreement::Model> = all.iter().filter(|a| a.number == m.number).collect();
    chain.sort_by_key(|a| a.version);
    let newest = chain.last().map(|a| a.version).unwrap_or(m.version);
    let versions = chain
        .iter()
        .map(|a| VersionRef {
            id: a.id,
            version: a.version,
            kind: AgreementKind::parse(&a.kind).unwrap_or(AgreementKind::Original),
            status: effective_status(a, today),
            term_start: a.term_start.to_string(),
            term_end: a.term_end.to_string(),
        })
        .collect();
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
    let stored = AgreementStatus::parse(&m.status).unwrap_or(AgreementStatus::Draft);
    let allowed = match stored {
        AgreementStatus::Draft => vec![AgreementStatus::AwaitingSignature],
        AgreementStatus::AwaitingSignature => {
            vec![AgreementStatus::Draft, AgreementStatus::Signed]
        }
        AgreementStatus::Signed if in_force(m, today) => vec![AgreementStatus::Terminated],
        _ => vec![],
    };
    Ok(AgreementDetail {
        agreement: to_dto(
            m,
            dists.get(&m.distributor_id),
            today,
            !conflicts.is_empty(),
        ),
        history,
        versions,
        conflicts,
        allowed,
        can_new_version: stored == AgreementStatus::Signed && m.version == newest,
    })
}

/// Agreements, newest number first; by default only the newest version of each.
pub async fn list<C: ConnectionTrait>(
    db: &C,
    q: &AgreementListQuery,
    today: NaiveDate,
) -> AppResult<Vec<Agreement>> {
    let all = agreement::Entity::find()
        .order_by_desc(agreement::Column::Number)
        .order_by_desc(agreement::Column::Version)
        .all(db)
        .await?;
    let dists = distributors(db, &all).await?;
    let text = q.text.trim().to_lowercase();
    let mut seen = std::collections::HashSet::new();
    let mut out = vec![];
    for m in &all {
        if !q.all_versions && !seen.insert(m.number.as_str()) {
            continue;
        }
        if q.distributor_id.is_some_and(|d| d != m.distributor_id) {
            continue;
        }
        let d = dists.get(&m.distributor_id);
        if !text.is_empty() {
            let hit = m.number.to_lowercase().contains(&text)
                || d.is_some_and(|d| {
                    d.code.to_lowercase().contains(&text)
                        || d.name.to_lowercase().contains(&text)
                        || d.short_name.to_lowercase().contains(&text)
                });
            if !hit {
                continue;
            }
        }
        if q.status.is_some_and(|s| s != effective_status(m, today)) {
            continue;
        }
        let conflict = !conflicts_in(m, &all, &dists, today).is_empty();
        out.push(to_dto(m, d, today, conflict));
    }
    Ok(out)
}
