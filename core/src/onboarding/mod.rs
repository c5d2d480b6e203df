//! Onboarding (导入): a checklist per distributor from the step templates in
//! Settings. Steps the system can see — application received, admission
//! assessment recorded, agreement signed, first invoice — tick themselves: the
//! date is read from those records each time the checklist is read.
use std::collections::HashMap;

use chrono::{NaiveDate, Utc};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, Set,
    TransactionSession, TransactionTrait,
};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::audit::{self, FieldChange};
use crate::distributor::Status;
use crate::entity::{agreement, assessment, distributor, ledger_entry, onboarding_step};
use crate::error::{AppError, AppResult, FieldError, FieldErrors};
use crate::ledger::{parse_date, EntryKind};
use crate::settings::{get_json, put_json, require_operator};

/// What ticks a step by itself.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum AutoCheck {
    Manual,
    /// The distributor's record was created.
    Application,
    /// An admission assessment was recorded.
    Assessment,
    /// An agreement was signed.
    AgreementSigned,
    /// The first invoice was posted to the ledger.
    FirstInvoice,
    /// A course marked as onboarding training was passed.
    Training,
}

impl AutoCheck {
    fn key(self) -> &'static str {
        match self {
            AutoCheck::Manual => "manual",
            AutoCheck::Application => "application",
            AutoCheck::Assessment => "assessment",
            AutoCheck::AgreementSigned => "agreement_signed",
            AutoCheck::FirstInvoice => "first_invoice",
            AutoCheck::Training => "training",
        }
    }
    fn parse(s: &str) -> AutoCheck {
        [
            AutoCheck::Application,
            AutoCheck::Assessment,
            AutoCheck::AgreementSigned,
            AutoCheck::FirstInvoice,
            AutoCheck::Training,
        ]
        .into_iter()
        .find(|a| a.key() == s)
        .unwrap_or(AutoCheck::Manual)
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct StepTemplate {
    pub key: String,
    pub label_zh: String,
    pub label_en: String,
    pub auto: AutoCheck,
    /// Due this many days after onboarding starts.
    pub due_days: u32,
    /// Default owner (may be empty).
    pub owner: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct OnboardingSettings {
    pub steps: Vec<StepTemplate>,
}

impl Default for OnboardingSettings {
    fn default() -> Self {
        let s = |key: &str, zh: &str, en: &str, auto, due_days| StepTemplate {
            key: key.into(),
            label_zh: zh.into(),
            label_en: en.into(),
            auto,
            due_days,
            owner: String::new(),
        };
        OnboardingSettings {
            steps: vec![
                s(
                    "application",
                    "收到申请",
                    "Application received",
                    AutoCheck::Application,
                    0,
                ),
                s(
                    "documents",
                    "资料审核",
                    "Documents checked",
                    AutoCheck::Manual,
                    7,
                ),
                s(
                    "site_visit",
                    "实地考察",
                    "Site visit",
                    AutoCheck::Manual,
                    14,
                ),
                s(
                    "admission",
                    "准入评审",
                    "Admission decision",
                    AutoCheck::Assessment,
                    21,
                ),
                s(
                    "agreement",
                    "签署协议",
                    "Agreement signed",
                    AutoCheck::AgreementSigned,
                    30,
                ),
                s(
                    "training",
                    "系统与产品培训",
                    "System and product training",
                    AutoCheck::Training,
                    45,
                ),
                s(
                    "first_order",
                    "首单",
                    "First order",
                    AutoCheck::FirstInvoice,
                    60,
                ),
            ],
        }
    }
}

impl OnboardingSettings {
    pub fn validate(&self) -> AppResult<()> {
        let mut errs = FieldErrors::default();
        if self.steps.is_empty() {
            errs.push("steps", "required");
        }
        let mut keys = std::collections::HashSet::new();
        for (i, s) in self.steps.iter().enumerate() {
            let row = (i + 1).to_string();
            let key_ok = !s.key.is_empty()
                && s.key.len() <= 40
                && s.key
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_');
            if !key_ok {
                errs.push_err(FieldError::with_detail("steps", "step_key", row.clone()));
            } else if !keys.insert(s.key.as_str()) {
                errs.push_err(FieldError::with_detail("steps", "duplicate", row.clone()));
            }
            if s.label_zh.trim().is_empty() || s.label_en.trim().is_empty() {
                errs.push_err(FieldError::with_detail("steps", "step_label", row.clone()));
            }
            if s.due_days > 365 {
                errs.push_err(FieldError::with_detail("steps", "due_days_range", row));
            }
        }
        errs.into_result()
    }
}

const KEY: &str = "onboarding_steps";

pub async fn load_settings<C: ConnectionTrait>(db: &C) -> AppResult<OnboardingSettings> {
    Ok(get_json(db, KEY).await?.unwrap_or_default())
}

pub async fn save_settings<C: ConnectionTrait + TransactionTrait>(
    db: &C,
    operator: &str,
    s: OnboardingSettings,
) -> AppResult<OnboardingSettings> {
    let operator = require_operator(operator)?;
    s.validate()?;
    let txn = db.begin().await?;
    let before = load_settings(&txn).await?;
    put_json(&txn, KEY, &s).await?;
    let changes = audit::diff(Some(&before), &s, &[]);
    if !changes.is_empty() {
        audit::record(&txn, &operator, "settings", 0, "onboarding_steps", &changes).await?;
    }
    txn.commit().await?;
    Ok(s)
}

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
        for d in distributor::Entity::find()
            .filter(distributor::Column::Id.is_in(ids.clone()))
            .all(db)
            .await?
        {
            s.created.insert(d.id, d.created_at.date_naive());
        }
        for a in assessment::Entity::find()
            .filter(assessment::Column::DistributorId.is_in(ids.clone()))
            .all(db)
            .await?
        {
            keep_min(&mut s.assessed, a.distributor_id, a.assessed_on);
        }
        for a in agreement::Entity::find()
            .filter(agreement::Column::DistributorId.is_in(ids.clone()))
            .all(db)
            .await?
        {
            if let Some(d) = a.signed_date {
                keep_min(&mut s.signed, a.distributor_id, d);
            }
        }
        let entries = ledger_entry::Entity::find()
            .filter(ledger_entry::Column::DistributorId.is_in(ids))
            .filter(ledger_entry::Column::Kind.eq(EntryKind::Invoice.key()))
            .all(db)
            .await?;
        for e in &entries {
            keep_min(&mut s.invoiced, e.distributor_id, e.entry_date);
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

fn to_dto(m: onboarding_step::Model, seen: &Seen, today: NaiveDate) -> OnboardingStep {
    let auto = AutoCheck::parse(&m.auto);
    let seen_date = seen.date(auto, m.distributor_id);
    let done = m.done_date.or(seen_date);
    OnboardingStep {
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
    }
}

async fn steps_of<C: ConnectionTrait>(
    db: &C,
    ids: &[i64],
) -> AppResult<Vec<onboarding_step::Model>> {
    Ok(onboarding_step::Entity::find()
        .filter(onboarding_step::Column::DistributorId.is_in(ids.to_vec()))
        .order_by_asc(onboarding_step::Column::Position)
        .all(db)
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
        .collect();
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
    operator: &str,
    req: &OnboardingStart,
    today: NaiveDate,
) -> AppResult<Checklist> {
    let operator = require_operator(operator)?;
    let start = if req.start_date.trim().is_empty() {
        today
    } else {
        parse_date(&req.start_date).ok_or_else(|| AppError::Validation {
            fields: vec![FieldError::with_detail(
                "start_date",
                "date_format",
                req.start_date.trim(),
            )],
        })?
    };
    let settings = load_settings(db).await?;
    let txn = db.begin().await?;
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
            updated_at: Set(Utc::now()),
            ..Default::default()
        }
        .insert(&txn)
        .await?;
    }
    audit::record(
        &txn,
        &operator,
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
        errs.push_err(FieldError::with_detail(field, "date_format", s.trim()));
    }
    d
}

/// Sets a step's owner, due date, done date and note.
pub async fn update_step<C: ConnectionTrait + TransactionTrait>(
    db: &C,
    operator: &str,
    req: &StepUpdate,
    today: NaiveDate,
) -> AppResult<Checklist> {
    let operator = require_operator(operator)?;
    let mut errs = FieldErrors::default();
    let due = opt_date(&mut errs, "due_date", &req.due_date);
    let done = opt_date(&mut errs, "done_date", &req.done_date);
    if done.is_some_and(|d| d > today) {
        errs.push("done_date", "in_future");
    }
    if req.owner.chars().count() > 50 {
        errs.push_err(FieldError::with_detail("owner", "too_long", "50"));
    }
    if req.note.chars().count() > 500 {
        errs.push_err(FieldError::with_detail("note", "too_long", "500"));
    }
    errs.into_result()?;
    let txn = db.begin().await?;
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
    am.updated_at = Set(Utc::now());
    am.update(&txn).await?;
    if !changes.is_empty() {
        for c in &mut changes {
            c.field = format!("{key}.{}", c.field);
        }
        audit::record(
            &txn,
            &operator,
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

#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct PipelineCard {
    #[ts(type = "number")]
    pub distributor_id: i64,
    pub code: String,
    pub name: String,
    pub status: Status,
    /// The first step not done, or `not_started`.
    pub step: String,
    pub done: u32,
    pub total: u32,
    pub overdue: bool,
    /// The current step's due date and owner.
    pub due_date: Option<String>,
    pub owner: String,
}

#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct PipelineColumn {
    pub key: String,
    pub label_zh: String,
    pub label_en: String,
}

#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct Pipeline {
    /// `not_started` first, then the template's steps.
    pub columns: Vec<PipelineColumn>,
    pub cards: Vec<PipelineCard>,
}

/// Applicants and distributors still onboarding, each at its first open step.
pub async fn pipeline<C: ConnectionTrait>(db: &C, today: NaiveDate) -> AppResult<Pipeline> {
    let settings = load_settings(db).await?;
    let dists: Vec<distributor::Model> = distributor::Entity::find()
        .filter(
            distributor::Column::Status
                .is_not_in([Status::Rejected.key(), Status::Terminated.key()]),
        )
        .order_by_asc(distributor::Column::Code)
        .all(db)
        .await?;
    let ids: Vec<i64> = dists.iter().map(|d| d.id).collect();
    let seen = Seen::load(db, &ids).await?;
    let mut by_dist: HashMap<i64, Vec<OnboardingStep>> = HashMap::new();
    for m in steps_of(db, &ids).await? {
        let id = m.distributor_id;
        by_dist.entry(id).or_default().push(to_dto(m, &seen, today));
    }
    let mut cards = vec![];
    for d in &dists {
        let status = Status::parse(&d.status).unwrap_or_default();
        let steps = by_dist.remove(&d.id).unwrap_or_default();
        let card = |step: &str, due: Option<String>, owner: String| PipelineCard {
            distributor_id: d.id,
            code: d.code.clone(),
            name: d.name.clone(),
            status,
            step: step.into(),
            done: steps.iter().filter(|s| s.done_date.is_some()).count() as u32,
            total: steps.len() as u32,
            overdue: steps.iter().any(|s| s.overdue),
            due_date: due,
            owner,
        };
        if steps.is_empty() {
            if matches!(
                status,
                Status::Applicant | Status::UnderReview | Status::Approved
            ) {
                cards.push(card("not_started", None, String::new()));
            }
            continue;
        }
        if let Some(open) = steps.iter().find(|s| s.done_date.is_none()) {
            cards.push(card(&open.key, open.due_date.clone(), open.owner.clone()));
        }
    }
    let mut columns = vec![PipelineColumn {
        key: "not_started".into(),
        label_zh: "未开始".into(),
        label_en: "Not started".into(),
    }];
    columns.extend(settings.steps.iter().map(|s| PipelineColumn {
        key: s.key.clone(),
        label_zh: s.label_zh.clone(),
        label_en: s.label_en.clone(),
    }));
    // A step removed from the template still shows where cards stand on it.
    for c in &cards {
        if !columns.iter().any(|col| col.key == c.step) {
            columns.push(PipelineColumn {
                key: c.step.clone(),
                label_zh: c.step.clone(),
                label_en: c.step.clone(),
            });
        }
    }
    Ok(Pipeline { columns, cards })
}
