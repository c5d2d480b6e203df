//! Finalising a quarter (定稿): once it has ended, its live scorecards are
//! frozen as append-only snapshots (revision 1); later ledger changes do not
//! move them. A correction is a new revision of one distributor's scorecard
//! with a reason; the latest revision is the quarter's score and the history
//! keeps every one. Exit warnings are read from the finalised quarters.
use std::collections::{BTreeMap, BTreeSet, HashMap};

use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, Set,
    TransactionSession, TransactionTrait,
};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::{live, parse_quarter, put_rating, Quarter, QuarterReview, RatingInput, Scorecard};
use crate::actor::Actor;
use crate::actor::Right;
use crate::entity::{distributor, scorecard_quarter, scorecard_snapshot};
use crate::error::{AppError, AppResult, ErrorCode};
use crate::stored::Record;

pub async fn is_finalised<C: ConnectionTrait>(db: &C, quarter: Quarter) -> AppResult<bool> {
    Ok(scorecard_quarter::Entity::find()
        .filter(scorecard_quarter::Column::Quarter.eq(quarter.to_string()))
        .one(db)
        .await?
        .is_some())
}

/// Every finalised quarter.
pub async fn finalised_quarters<C: ConnectionTrait>(db: &C) -> AppResult<BTreeSet<Quarter>> {
    scorecard_quarter::Entity::find()
        .all(db)
        .await?
        .iter()
        .map(|m| Record::new("scorecard_quarter", m.id).key("quarter", &m.quarter, Quarter::parse))
        .collect()
}

/// The latest revision of each distributor's scorecard, by (distributor,
/// quarter), for the quarters given (every quarter when `None`).
async fn latest<C: ConnectionTrait>(
    db: &C,
    quarters: Option<&[String]>,
    distributor: Option<i64>,
) -> AppResult<HashMap<(i64, Quarter), scorecard_snapshot::Model>> {
    let mut q =
        scorecard_snapshot::Entity::find().order_by_asc(scorecard_snapshot::Column::Revision);
    if let Some(qs) = quarters {
        q = q.filter(scorecard_snapshot::Column::Quarter.is_in(qs.iter().cloned()));
    }
    if let Some(id) = distributor {
        q = q.filter(scorecard_snapshot::Column::DistributorId.eq(id));
    }
    let mut out = HashMap::new();
    for m in q.all(db).await? {
        let quarter = snapshot_quarter(&m)?;
        out.insert((m.distributor_id, quarter), m);
    }
    Ok(out)
}

fn snapshot_quarter(m: &scorecard_snapshot::Model) -> AppResult<Quarter> {
    Record::new("scorecard_snapshot", m.id).key("quarter", &m.quarter, Quarter::parse)
}

fn card_of(m: &scorecard_snapshot::Model) -> AppResult<Scorecard> {
    let mut card: Scorecard = Record::new("scorecard_snapshot", m.id).json("data", &m.data)?;
    card.revision = u32::try_from(m.revision).unwrap_or(0);
    Ok(card)
}

/// Whether a frozen scorecard counts as below the baseline: rated and below
/// the baseline in force when it was frozen. A quarter not rated breaks a
/// chain of warnings.
fn below(m: &scorecard_snapshot::Model) -> bool {
    m.total_centi.is_some() && m.below_baseline
}

/// The warning a finalised quarter gives a distributor: below the baseline
/// → 1; below it in the calendar quarter before too (finalised) → 2.
fn level_at(
    snaps: &HashMap<(i64, Quarter), scorecard_snapshot::Model>,
    finalised: &BTreeSet<Quarter>,
    distributor_id: i64,
    quarter: Quarter,
) -> Option<u8> {
    let is_below =
        |q: Quarter| finalised.contains(&q) && snaps.get(&(distributor_id, q)).is_some_and(below);
    if !is_below(quarter) {
        return None;
    }
    Some(if is_below(quarter.previous()) { 2 } else { 1 })
}

/// A finalised quarter's review from its snapshots (latest revisions), or
/// `None` when the quarter is not finalised.
pub async fn frozen<C: ConnectionTrait>(
    db: &C,
    quarter: Quarter,
) -> AppResult<Option<QuarterReview>> {
    let finalised = finalised_quarters(db).await?;
    if !finalised.contains(&quarter) {
        return Ok(None);
    }
    let names = [quarter.to_string(), quarter.previous().to_string()];
    let snaps = latest(db, Some(&names), None).await?;
    let mut cards = vec![];
    for ((id, q), m) in &snaps {
        if *q != quarter {
            continue;
        }
        let mut card = card_of(m)?;
        card.warning_level = level_at(&snaps, &finalised, *id, quarter);
        cards.push(card);
    }
    cards.sort_by(|a, b| a.code.cmp(&b.code));
    Ok(Some(QuarterReview {
        quarter: quarter.to_string(),
        from: quarter.first_day().to_string(),
        to: quarter.last_day().to_string(),
        finalised: true,
        distributors: cards,
    }))
}

async fn insert_snapshot<C: ConnectionTrait>(
    txn: &C,
    actor: &Actor,
    quarter: Quarter,
    card: &Scorecard,
    revision: i32,
    reason: &str,
) -> AppResult<()> {
    let total_centi = card.total.as_deref().and_then(super::score::parse_centi);
    scorecard_snapshot::ActiveModel {
        distributor_id: Set(card.distributor_id),
        quarter: Set(quarter.to_string()),
        revision: Set(revision),
        total_centi: Set(total_centi),
        below_baseline: Set(card.below_baseline),
        data: Set(serde_json::to_string(card).map_err(AppError::io)?),
        reason: Set(reason.to_string()),
        operator: Set(actor.operator().to_string()),
        created_at: Set(actor.now()),
        ..Default::default()
    }
    .insert(txn)
    .await?;
    Ok(())
}

/// Freezes a quarter that has ended (the actor's today is after its last
/// day). Refused when it is already finalised.
pub async fn finalise<C: ConnectionTrait + TransactionTrait>(
    db: &C,
    actor: &Actor,
    quarter: &str,
) -> AppResult<QuarterReview> {
    actor.require(Right::Channel)?;
    let quarter = parse_quarter("quarter", quarter)?;
    if actor.today() <= quarter.last_day() {
        return Err(AppError::field("quarter", ErrorCode::PeriodNotEnded));
    }
    let txn = crate::db::write(db).await?;
    if is_finalised(&txn, quarter).await? {
        return Err(AppError::field("quarter", ErrorCode::QuarterFinalised));
    }
    let review = live(&txn, quarter, None).await?;
    for card in &review.distributors {
        insert_snapshot(&txn, actor, quarter, card, 1, "").await?;
    }
    let baseline = super::load_settings(&txn).await?.baseline;
    let row = scorecard_quarter::ActiveModel {
        quarter: Set(quarter.to_string()),
        baseline: Set(i32::try_from(baseline).unwrap_or(i32::MAX)),
        operator: Set(actor.operator().to_string()),
        finalised_at: Set(actor.now()),
        ..Default::default()
    }
    .insert(&txn)
    .await?;
    crate::audit::record(
        &txn,
        actor,
        "scorecard_quarter",
        row.id,
        "finalise",
        &[crate::audit::FieldChange {
            field: quarter.to_string(),
            before: None,
            after: Some(review.distributors.len().to_string()),
        }],
    )
    .await?;
    txn.commit().await?;
    frozen(db, quarter)
        .await?
        .ok_or_else(|| AppError::not_found("quarter", quarter))
}

/// A correction of one distributor's finalised scorecard: the rating and
/// comment as given, every other input read again now; a new revision.
#[derive(Debug, Clone, Deserialize, TS)]
#[ts(export)]
pub struct RevisionInput {
    #[ts(type = "number")]
    pub distributor_id: i64,
    pub quarter: String,
    pub rating: Option<u32>,
    #[serde(default)]
    pub comment: String,
    pub reason: String,
}

pub async fn revise<C: ConnectionTrait + TransactionTrait>(
    db: &C,
    actor: &Actor,
    input: &RevisionInput,
) -> AppResult<Scorecard> {
    actor.require(Right::Channel)?;
    let rating = RatingInput {
        distributor_id: input.distributor_id,
        quarter: input.quarter.clone(),
        rating: input.rating,
        comment: input.comment.clone(),
    };
    let quarter = super::check_rating(&rating)?;
    let reason = input.reason.trim();
    if reason.is_empty() {
        return Err(AppError::field("reason", ErrorCode::Required));
    }
    if reason.chars().count() > 2000 {
        return Err(AppError::field("reason", ErrorCode::TooLong));
    }
    let txn = crate::db::write(db).await?;
    if !is_finalised(&txn, quarter).await? {
        return Err(AppError::field("quarter", ErrorCode::QuarterNotFinalised));
    }
    put_rating(&txn, actor, &rating, quarter).await?;
    let names = [quarter.to_string()];
    let previous = latest(&txn, Some(&names), Some(input.distributor_id))
        .await?
        .remove(&(input.distributor_id, quarter));
    let card = live(&txn, quarter, Some(input.distributor_id))
        .await?
        .distributors
        .pop()
        .ok_or_else(|| AppError::not_found("distributor", input.distributor_id))?;
    let revision = previous.as_ref().map_or(1, |m| m.revision + 1);
    insert_snapshot(&txn, actor, quarter, &card, revision, reason).await?;
    crate::audit::record(
        &txn,
        actor,
        "distributor",
        input.distributor_id,
        "scorecard_revision",
        &[
            crate::audit::FieldChange {
                field: format!("{quarter} total"),
                before: previous.as_ref().map(|m| {
                    m.total_centi
                        .map(super::score::centi_text)
                        .unwrap_or_default()
                }),
                after: Some(card.total.clone().unwrap_or_default()),
            },
            crate::audit::FieldChange {
                field: "reason".into(),
                before: None,
                after: Some(reason.to_string()),
            },
        ],
    )
    .await?;
    txn.commit().await?;
    let mut card = card;
    card.revision = u32::try_from(revision).unwrap_or(0);
    Ok(card)
}

/// A distributor's current exit warning: the level the latest finalised
/// quarter gives it.
#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct Warning {
    #[ts(type = "number")]
    pub distributor_id: i64,
    pub code: String,
    pub name: String,
    /// 1 (yellow: an improvement plan is required) or 2 (red: start the exit
    /// process).
    pub level: u8,
    /// The quarters below the baseline, latest first (one or two).
    pub quarters: Vec<String>,
    /// The latest quarter's total.
    pub total: Option<String>,
    pub baseline: u32,
    /// The agreement in force today (`HT-2026-0001 v2`) and its stock
    /// buy-back percentage, shown before an exit is started.
    pub agreement: Option<String>,
    pub buyback_pct: Option<String>,
}

/// The warnings in force (the latest finalised quarter's), for distributors
/// active or suspended now; `only` limits them to one distributor.
pub async fn warnings<C: ConnectionTrait>(
    db: &C,
    only: Option<i64>,
    today: chrono::NaiveDate,
) -> AppResult<Vec<Warning>> {
    let finalised = finalised_quarters(db).await?;
    let Some(&last) = finalised.last() else {
        return Ok(vec![]);
    };
    let names = [last.to_string(), last.previous().to_string()];
    let snaps = latest(db, Some(&names), only).await?;
    let current = super::active_or_suspended(db).await?;
    let baselines: HashMap<String, u32> = scorecard_quarter::Entity::find()
        .filter(scorecard_quarter::Column::Quarter.eq(last.to_string()))
        .all(db)
        .await?
        .into_iter()
        .map(|m| (m.quarter, u32::try_from(m.baseline).unwrap_or(0)))
        .collect();
    let mut levels: BTreeMap<i64, u8> = BTreeMap::new();
    for (id, q) in snaps.keys() {
        if *q == last && current.contains(id) {
            if let Some(level) = level_at(&snaps, &finalised, *id, last) {
                levels.insert(*id, level);
            }
        }
    }
    let dists = crate::distributor::models_by_id(db, levels.keys().copied()).await?;
    let agreements = if levels.is_empty() {
        vec![]
    } else {
        crate::entity::agreement::Entity::find().all(db).await?
    };
    let in_force: HashMap<i64, &crate::entity::agreement::Model> =
        crate::agreement::rebate::governing(&agreements, today, today)?
            .into_iter()
            .map(|m| (m.distributor_id, m))
            .collect();
    let mut out = vec![];
    for (id, level) in levels {
        let Some(d) = dists.get(&id) else { continue };
        let mut quarters = vec![last.to_string()];
        if level == 2 {
            quarters.push(last.previous().to_string());
        }
        out.push(Warning {
            distributor_id: id,
            code: d.code.clone(),
            name: d.name.clone(),
            level,
            quarters,
            total: snaps
                .get(&(id, last))
                .and_then(|m| m.total_centi)
                .map(super::score::centi_text),
            baseline: baselines.get(&last.to_string()).copied().unwrap_or(0),
            agreement: in_force
                .get(&id)
                .map(|m| format!("{} v{}", m.number, m.version)),
            buyback_pct: in_force
                .get(&id)
                .map(|m| crate::agreement::fmt_pct(m.buyback_bp)),
        });
    }
    out.sort_by(|a, b| b.level.cmp(&a.level).then_with(|| a.code.cmp(&b.code)));
    Ok(out)
}

/// One revision of a distributor's frozen scorecard.
#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct Revision {
    pub revision: u32,
    pub total: Option<String>,
    pub grade: Option<super::Grade>,
    /// Empty for the first (the finalisation itself).
    pub reason: String,
    pub operator: String,
    pub created_at: String,
}

/// A finalised quarter of one distributor: the latest revision in full and
/// every revision in order.
#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct QuarterResult {
    pub quarter: String,
    pub card: Scorecard,
    pub revisions: Vec<Revision>,
}

/// A distributor's finalised quarters, oldest first, each with the warning
/// it gave.
pub async fn history<C: ConnectionTrait>(
    db: &C,
    distributor_id: i64,
) -> AppResult<Vec<QuarterResult>> {
    distributor::Entity::find_by_id(distributor_id)
        .one(db)
        .await?
        .ok_or_else(|| AppError::not_found("distributor", distributor_id))?;
    let finalised = finalised_quarters(db).await?;
    let rows = scorecard_snapshot::Entity::find()
        .filter(scorecard_snapshot::Column::DistributorId.eq(distributor_id))
        .order_by_asc(scorecard_snapshot::Column::Revision)
        .all(db)
        .await?;
    let mut by_quarter: BTreeMap<Quarter, Vec<&scorecard_snapshot::Model>> = BTreeMap::new();
    for m in &rows {
        by_quarter.entry(snapshot_quarter(m)?).or_default().push(m);
    }
    let snaps: HashMap<(i64, Quarter), scorecard_snapshot::Model> = by_quarter
        .iter()
        .filter_map(|(q, revs)| revs.last().map(|m| ((distributor_id, *q), (*m).clone())))
        .collect();
    let mut out = vec![];
    for (q, revs) in &by_quarter {
        let Some(last) = revs.last() else { continue };
        let mut card = card_of(last)?;
        card.warning_level = level_at(&snaps, &finalised, distributor_id, *q);
        let mut revisions = vec![];
        for m in revs {
            let c = card_of(m)?;
            revisions.push(Revision {
                revision: c.revision,
                total: c.total,
                grade: c.grade,
                reason: m.reason.clone(),
                operator: m.operator.clone(),
                created_at: m.created_at.to_rfc3339(),
            });
        }
        out.push(QuarterResult {
            quarter: q.to_string(),
            card,
            revisions,
        });
    }
    Ok(out)
}
