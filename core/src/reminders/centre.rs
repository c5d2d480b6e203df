//! The reminders centre: every due thing in one list — the reminders, plus
//! open complaints at risk or late with their escalation level — grouped by
//! urgency, with the office's decisions on them. A reminder is identified by
//! (kind, record, due date): snoozed to a date it is back on that date;
//! handled (with a note) it stays handled until the record's due date
//! changes, which makes it a new reminder. Every decision is audited. On
//! start the window raises one notification for what became due since the
//! last start.
use std::collections::HashMap;

use chrono::NaiveDate;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, Set,
    TransactionSession, TransactionTrait,
};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::{list, plain, Reminder, ReminderKind};
use crate::actor::Actor;
use crate::dates::Clock;
use crate::entity::reminder_state;
use crate::error::{AppError, AppResult, ErrorCode, FieldErrors};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum ReminderStatus {
    Open,
    Snoozed,
    Handled,
}

/// How soon: past its date, today, within a week, later.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum Urgency {
    Overdue,
    Today,
    Week,
    Later,
}

impl Urgency {
    pub fn of(days: i64) -> Urgency {
        match days {
            d if d < 0 => Urgency::Overdue,
            0 => Urgency::Today,
            1..=7 => Urgency::Week,
            _ => Urgency::Later,
        }
    }
}

#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct CentreItem {
    #[serde(flatten)]
    pub reminder: Reminder,
    pub urgency: Urgency,
    pub status: ReminderStatus,
    /// Snoozed: the day it comes back.
    pub until: Option<String>,
    /// Handled: what was done.
    pub note: String,
    /// Who snoozed or handled it.
    pub decided_by: String,
}

#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct Centre {
    /// Open first, by urgency and days; then snoozed; then handled.
    pub items: Vec<CentreItem>,
    /// Open items: the menu's count.
    pub open: u32,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum ReminderDecision {
    Snooze,
    Handle,
    /// Back to open.
    Reopen,
}

#[derive(Debug, Clone, Deserialize, TS)]
#[ts(export)]
pub struct DecisionRequest {
    pub kind: ReminderKind,
    #[ts(type = "number")]
    pub ref_id: i64,
    /// Its distributor (0: none, as for a quarter): the decision is audited on it.
    #[ts(type = "number")]
    #[serde(default)]
    pub distributor_id: i64,
    /// The reminder's date, as listed.
    pub date: String,
    pub decision: ReminderDecision,
    /// Snooze: the day it comes back (after today).
    #[serde(default)]
    pub until: String,
    /// Handle: what was done (required).
    #[serde(default)]
    pub note: String,
}

fn kind_key(k: ReminderKind) -> String {
    serde_json::to_value(k)
        .ok()
        .and_then(|v| v.as_str().map(str::to_string))
        .unwrap_or_default()
}

/// Open complaints at risk or late, one reminder each, dated when the
/// allowance runs (or ran) out.
async fn complaints<C: ConnectionTrait>(db: &C, clock: &Clock) -> AppResult<Vec<Reminder>> {
    use crate::complaint::sla::ClockState;
    use crate::complaint::{list as complaints, ComplaintQuery, ComplaintView};
    let q = ComplaintQuery {
        view: ComplaintView::Late,
        search: String::new(),
        status: None,
        category: String::new(),
        priority: None,
        distributor_id: None,
        paging: crate::paging::Paging::ALL,
    };
    let mut out = vec![];
    for c in complaints(db, &crate::actor::Access::Open, &q, clock.now)
        .await?
        .rows
    {
        let clocks = [&c.sla.first_response, &c.sla.resolution];
        let late = clocks.iter().any(|k| k.state == ClockState::Breached);
        let due = clocks
            .iter()
            .filter(|k| matches!(k.state, ClockState::Breached | ClockState::AtRisk))
            .filter_map(|k| k.due_at.as_deref())
            .filter_map(|d| crate::dates::parse_date(d.get(..10).unwrap_or(d)))
            .min()
            .unwrap_or(clock.today);
        let mut r = plain(
            if late {
                ReminderKind::ComplaintLate
            } else {
                ReminderKind::ComplaintAtRisk
            },
            clock.today,
            due,
            (c.distributor_id, &c.distributor_code, &c.distributor_name),
            c.id,
            c.number.clone(),
            (
                format!("{} · {} · {}", c.category, c.product, c.assignee),
                format!("{} · {} · {}", c.category, c.product, c.assignee),
            ),
        );
        r.level = Some(c.sla.escalation_level);
        out.push(r);
    }
    Ok(out)
}

/// Every due thing on the clock's day with the decisions taken on it, of
/// the distributors in `access`'s scope.
pub async fn centre<C: ConnectionTrait>(
    db: &C,
    access: &crate::actor::Access,
    clock: &Clock,
) -> AppResult<Centre> {
    let today = clock.today;
    let mut all = list(db, today).await?;
    all.extend(complaints(db, clock).await?);
    let visible = crate::scope::visible(db, access).await?;
    // Office-wide reminders (a quarter to finalise) belong to no distributor: everyone sees them.
    all.retain(|r| r.distributor_id == 0 || crate::scope::shows(&visible, r.distributor_id));
    let decisions: HashMap<(String, i64, String), reminder_state::Model> =
        reminder_state::Entity::find()
            .all(db)
            .await?
            .into_iter()
            .map(|m| ((m.kind.clone(), m.ref_id, m.due_on.clone()), m))
            .collect();
    let mut items: Vec<CentreItem> = all
        .into_iter()
        .map(|r| {
            let d = decisions.get(&(kind_key(r.kind), r.ref_id, r.date.clone()));
            let status = match d {
                Some(m) if m.state == "handled" => ReminderStatus::Handled,
                Some(m) if m.until.is_some_and(|u| u > today) => ReminderStatus::Snoozed,
                _ => ReminderStatus::Open,
            };
            CentreItem {
                urgency: Urgency::of(r.days),
                status,
                until: d
                    .filter(|_| status == ReminderStatus::Snoozed)
                    .and_then(|m| m.until.map(|u| u.to_string())),
                note: d
                    .filter(|_| status == ReminderStatus::Handled)
                    .map(|m| m.note.clone())
                    .unwrap_or_default(),
                decided_by: d
                    .filter(|_| status != ReminderStatus::Open)
                    .map(|m| m.operator.clone())
                    .unwrap_or_default(),
                reminder: r,
            }
        })
        .collect();
    let rank = |s: ReminderStatus| match s {
        ReminderStatus::Open => 0,
        ReminderStatus::Snoozed => 1,
        ReminderStatus::Handled => 2,
    };
    items.sort_by_key(|i| (rank(i.status), i.urgency, i.reminder.days));
    let open = items
        .iter()
        .filter(|i| i.status == ReminderStatus::Open)
        .count() as u32;
    Ok(Centre { items, open })
}

/// Snoozes, handles or reopens one reminder (audited).
pub async fn decide<C: ConnectionTrait + TransactionTrait>(
    db: &C,
    actor: &Actor,
    req: &DecisionRequest,
) -> AppResult<()> {
    actor.require(req.kind.right())?;
    let today = actor.today();
    let mut errs = FieldErrors::default();
    let until = match req.decision {
        ReminderDecision::Snooze => {
            let u = crate::fields::required_date(&mut errs, "until", &req.until);
            if u.is_some_and(|u| u <= today) {
                errs.push("until", ErrorCode::OutOfRange);
            }
            u
        }
        _ => None,
    };
    let note = crate::fields::text(
        &mut errs,
        "note",
        &req.note,
        req.decision == ReminderDecision::Handle,
        2000,
    );
    errs.into_result()?;
    let kind = kind_key(req.kind);
    let txn = crate::db::write(db).await?;
    let current = reminder_state::Entity::find()
        .filter(reminder_state::Column::Kind.eq(kind.clone()))
        .filter(reminder_state::Column::RefId.eq(req.ref_id))
        .filter(reminder_state::Column::DueOn.eq(req.date.clone()))
        .one(&txn)
        .await?;
    let before = current.as_ref().map(|m| {
        format!(
            "{} {}",
            m.state,
            m.until.map(|u| u.to_string()).unwrap_or_default()
        )
    });
    match (req.decision, current) {
        (ReminderDecision::Reopen, None) => {
            return Err(AppError::not_found("reminder", req.ref_id))
        }
        (ReminderDecision::Reopen, Some(m)) => {
            reminder_state::Entity::delete_by_id(m.id)
                .exec(&txn)
                .await?;
        }
        (d, current) => {
            let state = if d == ReminderDecision::Handle {
                "handled"
            } else {
                "snoozed"
            };
            let fill = |mut a: reminder_state::ActiveModel| {
                a.state = Set(state.into());
                a.until = Set(until);
                a.note = Set(note.clone());
                a.operator = Set(actor.operator().to_string());
                a.updated_at = Set(actor.now());
                a
            };
            match current {
                Some(m) => {
                    fill(m.into()).update(&txn).await?;
                }
                None => {
                    fill(reminder_state::ActiveModel {
                        kind: Set(kind.clone()),
                        ref_id: Set(req.ref_id),
                        due_on: Set(req.date.clone()),
                        ..Default::default()
                    })
                    .insert(&txn)
                    .await?;
                }
            }
        }
    }
    let after = match req.decision {
        ReminderDecision::Reopen => None,
        ReminderDecision::Snooze => Some(format!(
            "snoozed {}",
            until.map(|u| u.to_string()).unwrap_or_default()
        )),
        ReminderDecision::Handle => Some(format!("handled · {note}")),
    };
    let (entity, id) = if req.distributor_id > 0 {
        ("distributor", req.distributor_id)
    } else {
        ("reminder", 0)
    };
    crate::audit::record(
        &txn,
        actor,
        entity,
        id,
        "reminder_decision",
        &[crate::audit::FieldChange {
            field: format!("{kind} {} {}", req.ref_id, req.date),
            before,
            after,
        }],
    )
    .await?;
    txn.commit().await?;
    Ok(())
}

const KEY_LAST_START: &str = "reminders_last_start";

/// The open reminders that became due since the last start (dated after the
/// last start's day, up to today); records today as the last start. The
/// first start has no "since": nothing is announced.
pub async fn since_last_start<C: ConnectionTrait + TransactionTrait>(
    db: &C,
    clock: &Clock,
) -> AppResult<Vec<Reminder>> {
    let last: Option<NaiveDate> = crate::settings::get_json(db, KEY_LAST_START).await?;
    // Announced by the program at its start, before anyone logs in.
    let c = centre(db, &crate::actor::Access::Open, clock).await?;
    let txn = crate::db::write(db).await?;
    crate::settings::put_json(&txn, KEY_LAST_START, &clock.today).await?;
    txn.commit().await?;
    let Some(last) = last else { return Ok(vec![]) };
    Ok(c.items
        .into_iter()
        .filter(|i| i.status == ReminderStatus::Open)
        .map(|i| i.reminder)
        .filter(|r| crate::dates::parse_date(&r.date).is_some_and(|d| d > last && d <= clock.today))
        .collect())
}
