//! Onboarding (导入): a checklist per distributor from the step templates in
//! Settings. Steps the system can see — application received, admission
//! assessment recorded, agreement signed, first invoice — tick themselves: the
//! date is read from those records each time the checklist is read.
use crate::actor::Actor;
use crate::actor::Right;
use crate::error::ErrorCode;
use std::collections::HashMap;

use chrono::NaiveDate;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder,
    QuerySelect, Set, TransactionSession, TransactionTrait,
};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

mod pipeline;
mod settings;
pub use pipeline::{pipeline, Pipeline, PipelineCard, PipelineColumn};
pub use settings::{load_settings, save_settings, AutoCheck, OnboardingSettings, StepTemplate};

use crate::audit::{self, FieldChange};
use crate::dates::parse_date;
use crate::entity::{agreement, assessment, ledger_entry, onboarding_step, status_change};
use crate::error::{AppError, AppResult, FieldError, FieldErrors};
use crate::ledger::EntryKind;

#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct OnboardingStep {
    #[ts(type = "number")]
    pub id: i64,
    pub key: String,
    pub label_zh: String,
    pub label_en: String,
    pub auto: AutoCheck,
    pub owner: String,
    pub due_date: Option<String>,
    /// Entered by hand, or seen by the system (`auto_done`).
    pub done_date: Option<String>,
    pub auto_done: bool,
    pub done_by: String,
    pub note: String,
    pub overdue: bool,
}

#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct Checklist {
    #[ts(type = "number")]
    pub distributor_id: i64,
    pub started: bool,
    pub steps: Vec<OnboardingStep>,
    pub done: u32,
    pub total: u32,
}

#[derive(Debug, Clone, Default, Deserialize, TS)]
#[serde(default)]
#[ts(export)]
pub struct OnboardingStart {
    #[ts(type = "number")]
    pub distributor_id: i64,
    /// Due dates count from here; empty: today.
    pub start_date: String,
}

#[derive(Debug, Clone, Default, Deserialize, TS)]
#[serde(default)]
#[ts(export)]
pub struct StepUpdate {
    #[ts(type = "number")]
    pub id: i64,
    pub owner: String,
    /// `YYYY-MM-DD` or empty.
    pub due_date: String,
    /// `YYYY-MM-DD` or empty (not done, unless the system sees it).
    pub done_date: String,
    pub note: String,
}

/// The dates on which the system saw each automatic step happen, per distributor.
struct Seen {
    created: HashMap<i64, NaiveDate>,
    assessed: HashMap<i64, NaiveDate>,
    signed: HashMap<i64, NaiveDate>,
    invoiced: HashMap<i64, NaiveDate>,
    trained: HashMap<i64, NaiveDate>,
}

fn keep_min(map: &mut HashMap<i64, NaiveDate>, id: i64, d: NaiveDate) {
    map.entry(id).and_modify(|x| *x = (*x).min(d)).or_insert(d);
}

impl Seen {
    async fn load<C: ConnectionTrait>(db: &C, ids: &[i64]) -> AppResult<Seen> {
        let ids = ids.to_vec();
        let mut s = Seen {
            created: HashMap::new(),
            assessed: HashMap::new(),
            signed: HashMap::new(),
            invoiced: HashMap::new(),
            trained: crate::training::compliance::onboarding_training_dates(db).await?,
        };
        // The record's creation is its first status row, dated on the
        // office's day (its UTC instant may fall on the day before).
        for c in crate::db::find_in(
            db,
            status_change::Entity::find().filter(status_change::Column::FromStatus.eq("")),
            status_change::Column::DistributorId,
            ids.clone(),
        )
        .await?
        {
            keep_min(&mut s.created, c.distributor_id, c.effective_date);
        }
        for a in crate::db::find_in(
            db,
            assessment::Entity::find(),
            assessment::Column::DistributorId,
            ids.clone(),
        )
        .await?
        {
            keep_min(&mut s.assessed, a.distributor_id, a.assessed_on);
        }
        for a in crate::db::find_in(
            db,
            agreement::Entity::find(),
            agreement::Column::DistributorId,
            ids.clone(),
        )
        .await?
        {
            if let Some(d) = a.signed_date {
                keep_min(&mut s.signed, a.distributor_id, d);
            }
        }
        // The first invoice's date per distributor, as the database's MIN
        // (reading every invoice's row was most of the pipeline's time).
        let ids: Vec<i64> = ids.into_iter().collect();
        for chunk in ids.chunks(crate::db::IN_CHUNK) {
            let firsts: Vec<(i64, Option<NaiveDate>)> = ledger_entry::Entity::find()
                .select_only()
                .column(ledger_entry::Column::DistributorId)
                .column_as(ledger_entry::Column::EntryDate.min(), "first")
                .filter(ledger_entry::Column::Kind.eq(EntryKind::Invoice.key()))
                .filter(ledger_entry::Column::DistributorId.is_in(chunk.iter().copied()))
                .group_by(ledger_entry::Column::DistributorId)
                .into_tuple()
                .all(db)
                .await?;
            for (d, first) in firsts {
                if let Some(first) = first {
                    keep_min(&mut s.invoiced, d, first);
                }
            }
        }
        Ok(s)
    }

    fn date(&self, auto: AutoCheck, id: i64) -> Option<NaiveDate> {
        match auto {
            AutoCheck::Manual => None,
            AutoCheck::Application => self.created.get(&id).copied(),
            AutoCheck::Assessment => self.assessed.get(&id).copied(),
            AutoCheck::AgreementSigned => self.signed.get(&id).copied(),
            AutoCheck::FirstInvoice => self.invoiced.get(&id).copied(),
            AutoCheck::Training => self.trained.get(&id).copied(),
        }
    }
}

fn to_dto(m: onboarding_step::Model, seen: &Seen, today: NaiveDate) -> AppResult<OnboardingStep> {
    let auto = crate::stored::Record::new("onboarding_step", m.id).key(
        "auto",
        &m.auto,
        AutoCheck::parse,
    )?;
    let seen_date = seen.date(auto, m.distributor_id);
    let done = m.done_date.or(seen_date);
    Ok(OnboardingStep {
        id: m.id,
        key: m.step_key,
        label_zh: m.label_zh,
        label_en: m.label_en,
        auto,
        owner: m.owner,
        due_date: m.due_date.map(|d| d.to_string()),
        done_date: done.map(|d| d.to_string()),
        auto_done: m.done_date.is_none() && seen_date.is_some(),
        done_by: m.done_by,
        note: m.note,
        overdue: done.is_none() && m.due_date.is_some_and(|d| d < today),
    })
}

async fn steps_of<C: ConnectionTrait>(
    db: &C,
    ids: &[i64],
) -> AppResult<Vec<onboarding_step::Model>> {
    // Each distributor's steps come in one slice, in their order.
    Ok(crate::db::find_in(
        db,
        onboarding_step::Entity::find().order_by_asc(onboarding_step::Column::Position),
        onboarding_step::Column::DistributorId,
        ids.iter().copied(),
    )
    .await?)
}

/// The checklist of one distributor (empty and `started: false` before onboarding starts).
pub async fn checklist<C: ConnectionTrait>(
    db: &C,
    distributor_id: i64,
    today: NaiveDate,
) -> AppResult<Checklist> {
    crate::distributor::write_find(db, distributor_id).await?;
    let seen = Seen::load(db, &[distributor_id]).await?;
    let steps: Vec<OnboardingStep> = steps_of(db, &[distributor_id])
        .await?
        .into_iter()
        .map(|m| to_dto(m, &seen, today))
        .collect::<AppResult<_>>()?;
    Ok(Checklist {
        distributor_id,
        started: !steps.is_empty(),
        done: steps.iter().filter(|s| s.done_date.is_some()).count() as u32,
        total: steps.len() as u32,
        steps,
    })
}

/// Creates the checklist from the step templates; due dates count from the start date.
pub async fn start<C: ConnectionTrait + TransactionTrait>(
    db: &C,
    actor: &Actor,
    req: &OnboardingStart,
) -> AppResult<Checklist> {
    actor.require(Right::Channel)?;
    let today = actor.today();
    let start = if req.start_date.trim().is_empty() {
        today
    } else {
        parse_date(&req.start_date).ok_or_else(|| AppError::Validation {
            fields: vec![FieldError::with_detail(
                "start_date",
                ErrorCode::DateFormat,
                req.start_date.trim(),
            )],
        })?
    };
    let settings = load_settings(db).await?;
    let txn = crate::db::write(db).await?;
    crate::distributor::write_find(&txn, req.distributor_id).await?;
    if !steps_of(&txn, &[req.distributor_id]).await?.is_empty() {
        return Err(AppError::Conflict {
            field: "onboarding".into(),
            value: req.distributor_id.to_string(),
        });
    }
    for (i, s) in settings.steps.iter().enumerate() {
        onboarding_step::ActiveModel {
            distributor_id: Set(req.distributor_id),
            step_key: Set(s.key.clone()),
            position: Set(i as i32),
            label_zh: Set(s.label_zh.clone()),
            label_en: Set(s.label_en.clone()),
            auto: Set(s.auto.key().into()),
            owner: Set(s.owner.clone()),
            due_date: Set(start.checked_add_days(chrono::Days::new(u64::from(s.due_days)))),
            done_date: Set(None),
            done_by: Set(String::new()),
            note: Set(String::new()),
            updated_at: Set(actor.now()),
            ..Default::default()
        }
        .insert(&txn)
        .await?;
    }
    audit::record(
        &txn,
        actor,
        "distributor",
        req.distributor_id,
        "onboarding_start",
        &[FieldChange {
            field: "onboarding".into(),
            before: None,
            after: Some(start.to_string()),
        }],
    )
    .await?;
    txn.commit().await?;
    checklist(db, req.distributor_id, today).await
}

fn opt_date(errs: &mut FieldErrors, field: &str, s: &str) -> Option<NaiveDate> {
    if s.trim().is_empty() {
        return None;
    }
    let d = parse_date(s);
    if d.is_none() {
        errs.push_err(FieldError::with_detail(
            field,
            ErrorCode::DateFormat,
            s.trim(),
        ));
    }
    d
}

/// Sets a step's owner, due date, done date and note.
pub async fn update_step<C: ConnectionTrait + TransactionTrait>(
    db: &C,
    actor: &Actor,
    req: &StepUpdate,
) -> AppResult<Checklist> {
    actor.require(Right::Channel)?;
    let today = actor.today();
    let operator = actor.operator().to_owned();
    let mut errs = FieldErrors::default();
    let due = opt_date(&mut errs, "due_date", &req.due_date);
    let done = opt_date(&mut errs, "done_date", &req.done_date);
    if done.is_some_and(|d| d > today) {
        errs.push("done_date", ErrorCode::InFuture);
    }
    if req.owner.chars().count() > 50 {
        errs.push_err(FieldError::with_detail("owner", ErrorCode::TooLong, "50"));
    }
    if req.note.chars().count() > 500 {
        errs.push_err(FieldError::with_detail("note", ErrorCode::TooLong, "500"));
    }
    errs.into_result()?;
    let txn = crate::db::write(db).await?;
    let m = onboarding_step::Entity::find_by_id(req.id)
        .one(&txn)
        .await?
        .ok_or_else(|| AppError::not_found("onboarding_step", req.id))?;
    let distributor_id = m.distributor_id;
    let fmt = |d: Option<NaiveDate>| d.map(|d| d.to_string());
    let mut changes = vec![];
    let mut diff = |field: &str, before: Option<String>, after: Option<String>| {
        if before != after {
            changes.push(FieldChange {
                field: field.into(),
                before,
                after,
            });
        }
    };
    diff(
        "owner",
        Some(m.owner.clone()),
        Some(req.owner.trim().into()),
    );
    diff("due_date", fmt(m.due_date), fmt(due));
    diff("done_date", fmt(m.done_date), fmt(done));
    diff("note", Some(m.note.clone()), Some(req.note.trim().into()));
    let key = m.step_key.clone();
    let done_by = if done.is_some() {
        operator.clone()
    } else {
        String::new()
    };
    let mut am: onboarding_step::ActiveModel = m.into();
    am.owner = Set(req.owner.trim().into());
    am.due_date = Set(due);
    am.done_date = Set(done);
    am.done_by = Set(done_by);
    am.note = Set(req.note.trim().into());
    am.updated_at = Set(actor.now());
    am.update(&txn).await?;
    if !changes.is_empty() {
        for c in &mut changes {
            c.field = format!("{key}.{}", c.field);
        }
        audit::record(
            &txn,
            actor,
            "distributor",
            distributor_id,
            "onboarding_step",
            &changes,
        )
        .await?;
    }
    txn.commit().await?;
    checklist(db, distributor_id, today).await
}
