//! The collections log (催款记录): each call, message or visit made to get a
//! distributor to pay — when, to whom, how, what was said — and the payment
//! promised, if any. A promise is kept when the payments dated from the call
//! to the promised date add up to the amount; one still short after its date
//! is broken, and reaches the reminders until the next call is logged.
//! The log is append-only: a wrong entry is corrected by a new one.
use std::collections::HashMap;

use chrono::NaiveDate;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, Set,
    TransactionSession, TransactionTrait,
};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::lines::Line;
use super::EntryKind;
use crate::actor::Actor;
use crate::actor::Right;
use crate::entity::{collection_call, distributor};
use crate::error::{AppError, AppResult, ErrorCode, FieldErrors};
use crate::fields;
use crate::money::Money;
use crate::stored::Record;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum CallChannel {
    Phone,
    Wechat,
    Visit,
    Email,
    Letter,
    Other,
}

impl CallChannel {
    pub const ALL: [CallChannel; 6] = [
        CallChannel::Phone,
        CallChannel::Wechat,
        CallChannel::Visit,
        CallChannel::Email,
        CallChannel::Letter,
        CallChannel::Other,
    ];
    pub fn key(self) -> &'static str {
        match self {
            CallChannel::Phone => "phone",
            CallChannel::Wechat => "wechat",
            CallChannel::Visit => "visit",
            CallChannel::Email => "email",
            CallChannel::Letter => "letter",
            CallChannel::Other => "other",
        }
    }
    pub fn parse(s: &str) -> Option<CallChannel> {
        CallChannel::ALL.into_iter().find(|c| c.key() == s)
    }
}

#[derive(Debug, Clone, Deserialize, TS)]
#[ts(export)]
pub struct CallInput {
    #[ts(type = "number")]
    pub distributor_id: i64,
    pub called_on: String,
    /// Who was spoken to.
    pub contact: String,
    pub channel: CallChannel,
    #[serde(default)]
    pub note: String,
    /// Yuan promised; empty: no promise.
    #[serde(default)]
    pub promised_amount: String,
    /// By when; required with an amount.
    #[serde(default)]
    pub promised_on: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum PromiseState {
    /// The date has not passed and the payments fall short so far.
    Pending,
    Kept,
    Broken,
}

#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct CollectionCall {
    #[ts(type = "number")]
    pub id: i64,
    #[ts(type = "number")]
    pub distributor_id: i64,
    pub distributor_code: String,
    pub distributor_name: String,
    pub called_on: String,
    pub contact: String,
    pub channel: CallChannel,
    pub note: String,
    pub promised_amount: Option<Money>,
    pub promised_on: Option<String>,
    /// Payments dated from the call to the promised date (or today, if sooner).
    pub paid: Option<Money>,
    pub promise: Option<PromiseState>,
    /// A later call to the same distributor is logged.
    pub followed_up: bool,
    pub operator: String,
    pub created_at: String,
}

#[derive(Debug, Clone, Default, Deserialize, TS)]
#[ts(export)]
pub struct CallQuery {
    #[ts(type = "number | null")]
    #[serde(default)]
    pub distributor_id: Option<i64>,
    /// Only broken promises not yet followed up.
    #[serde(default)]
    pub broken_only: bool,
}

struct Valid {
    called_on: NaiveDate,
    contact: String,
    note: String,
    promise: Option<(i64, NaiveDate)>,
}

fn validate(input: &CallInput, today: NaiveDate) -> AppResult<Valid> {
    let mut errs = FieldErrors::default();
    let called_on = fields::required_date(&mut errs, "called_on", &input.called_on);
    if called_on.is_some_and(|d| d > today) {
        errs.push("called_on", ErrorCode::InFuture);
    }
    let contact = fields::text(&mut errs, "contact", &input.contact, true, 100);
    let note = fields::text(&mut errs, "note", &input.note, false, 2000);
    let amount = fields::amount(&mut errs, "promised_amount", &input.promised_amount);
    let on = fields::date(&mut errs, "promised_on", &input.promised_on);
    let has_amount = !input.promised_amount.trim().is_empty();
    let has_date = !input.promised_on.trim().is_empty();
    if has_amount && !has_date {
        errs.push("promised_on", ErrorCode::Required);
    }
    if has_date && !has_amount {
        errs.push("promised_amount", ErrorCode::Required);
    }
    if let (Some(c), Some(p)) = (called_on, on) {
        if p < c {
            errs.push("promised_on", ErrorCode::DueBeforeDate);
        }
    }
    errs.into_result()?;
    let called_on = called_on.ok_or_else(|| AppError::field("called_on", ErrorCode::Required))?;
    Ok(Valid {
        called_on,
        contact,
        note,
        promise: amount.zip(on),
    })
}

/// Logs a call (audited on the distributor).
pub async fn add<C: ConnectionTrait + TransactionTrait>(
    db: &C,
    actor: &Actor,
    input: &CallInput,
) -> AppResult<CollectionCall> {
    actor.require(Right::Finance)?;
    // A distributor outside the writer's scope is not theirs to change (nor to see).
    crate::scope::check(db, actor.access(), input.distributor_id).await?;
    let today = actor.today();
    let v = validate(input, today)?;
    let txn = crate::db::write(db).await?;
    let d = distributor::Entity::find_by_id(input.distributor_id)
        .one(&txn)
        .await?
        .ok_or_else(|| AppError::field("distributor_id", ErrorCode::DistributorUnknown))?;
    let m = collection_call::ActiveModel {
        distributor_id: Set(d.id),
        called_on: Set(v.called_on),
        contact: Set(v.contact),
        channel: Set(input.channel.key().into()),
        note: Set(v.note),
        promised_fen: Set(v.promise.map(|p| p.0)),
        promised_on: Set(v.promise.map(|p| p.1)),
        operator: Set(actor.operator().to_string()),
        created_at: Set(actor.now()),
        ..Default::default()
    }
    .insert(&txn)
    .await?;
    let promise = v
        .promise
        .map(|(fen, on)| format!(" · {} → {on}", Money::from_fen(fen)))
        .unwrap_or_default();
    crate::audit::record(
        &txn,
        actor,
        "distributor",
        d.id,
        "collection_call",
        &[crate::audit::FieldChange {
            field: format!("collection_call {}", m.id),
            before: None,
            after: Some(format!(
                "{} {} {} · {}{promise}",
                m.called_on, m.channel, m.contact, m.note
            )),
        }],
    )
    .await?;
    txn.commit().await?;
    list(
        db,
        &CallQuery {
            distributor_id: Some(d.id),
            broken_only: false,
        },
        today,
    )
    .await?
    .into_iter()
    .find(|c| c.id == m.id)
    .ok_or_else(|| AppError::not_found("collection_call", m.id))
}

/// Payments (not reversed, not reversals) dated from `from` through `to`, fen.
fn payments(lines: &[&Line], from: NaiveDate, to: NaiveDate) -> Option<i64> {
    let reversed: std::collections::HashSet<i64> =
        lines.iter().filter_map(|l| l.reverses_id).collect();
    lines
        .iter()
        .filter(|l| l.kind == EntryKind::Payment && l.reverses_id.is_none())
        .filter(|l| !reversed.contains(&l.id))
        .filter(|l| l.entry_date >= from && l.entry_date <= to)
        .try_fold(0i64, |sum, l| sum.checked_add(l.amount_fen))
}

/// Whether a promise of `fen` by `on`, made on `called_on`, is kept on `today`.
pub fn promise_state(
    lines: &[&Line],
    called_on: NaiveDate,
    fen: i64,
    on: NaiveDate,
    today: NaiveDate,
) -> (Option<i64>, PromiseState) {
    let paid = payments(lines, called_on, on.min(today));
    let state = match paid {
        Some(p) if p >= fen => PromiseState::Kept,
        _ if today > on => PromiseState::Broken,
        _ => PromiseState::Pending,
    };
    (paid, state)
}

/// Calls, latest first, with each promise's state on `today`.
pub async fn list<C: ConnectionTrait>(
    db: &C,
    q: &CallQuery,
    today: NaiveDate,
) -> AppResult<Vec<CollectionCall>> {
    let mut find = collection_call::Entity::find()
        .order_by_desc(collection_call::Column::CalledOn)
        .order_by_desc(collection_call::Column::Id);
    if let Some(id) = q.distributor_id {
        find = find.filter(collection_call::Column::DistributorId.eq(id));
    }
    let rows = find.all(db).await?;
    let mut ids: Vec<i64> = rows
        .iter()
        .filter(|m| m.promised_fen.is_some())
        .map(|m| m.distributor_id)
        .collect();
    ids.sort_unstable();
    ids.dedup();
    let lines = if ids.is_empty() {
        vec![]
    } else {
        super::lines::upto(db, today, Some(&ids)).await?
    };
    let mut by_dist: HashMap<i64, Vec<&Line>> = HashMap::new();
    for l in &lines {
        by_dist.entry(l.distributor_id).or_default().push(l);
    }
    // The latest call per distributor: an earlier broken promise is followed up.
    let mut latest: HashMap<i64, (NaiveDate, i64)> = HashMap::new();
    for m in &rows {
        let e = latest
            .entry(m.distributor_id)
            .or_insert((m.called_on, m.id));
        if (m.called_on, m.id) > *e {
            *e = (m.called_on, m.id);
        }
    }
    let dists = crate::distributor::models_by_id(db, rows.iter().map(|m| m.distributor_id)).await?;
    let mut out = vec![];
    for m in rows {
        let (paid, promise) = match (m.promised_fen, m.promised_on) {
            (Some(fen), Some(on)) => {
                let l = by_dist
                    .get(&m.distributor_id)
                    .map(Vec::as_slice)
                    .unwrap_or(&[]);
                let (paid, state) = promise_state(l, m.called_on, fen, on, today);
                (paid.map(Money::from_fen), Some(state))
            }
            _ => (None, None),
        };
        let followed_up = latest
            .get(&m.distributor_id)
            .is_some_and(|l| *l != (m.called_on, m.id));
        if q.broken_only && (promise != Some(PromiseState::Broken) || followed_up) {
            continue;
        }
        let d = dists.get(&m.distributor_id);
        out.push(CollectionCall {
            id: m.id,
            distributor_id: m.distributor_id,
            distributor_code: d.map(|d| d.code.clone()).unwrap_or_default(),
            distributor_name: d.map(|d| d.name.clone()).unwrap_or_default(),
            called_on: m.called_on.to_string(),
            contact: m.contact,
            channel: Record::new("collection_call", m.id).key(
                "channel",
                &m.channel,
                CallChannel::parse,
            )?,
            note: m.note,
            promised_amount: m.promised_fen.map(Money::from_fen),
            promised_on: m.promised_on.map(|d| d.to_string()),
            paid,
            promise,
            followed_up,
            operator: m.operator,
            created_at: m.created_at.to_rfc3339(),
        });
    }
    Ok(out)
}
