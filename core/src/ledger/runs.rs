//! Statement runs and confirmations (对账确认): every statement issued — saved,
//! printed, written by the batch or e-mailed — is recorded with its period,
//! closing balance, file and how it went out. The distributor's answer is
//! recorded on the run: confirmed (on a date, by whom, the signed slip
//! attached), disputed (the balance it claims and why; the difference is
//! shown) or no answer. A run still without an answer some days after it was
//! issued reaches the reminders. Runs are never deleted.
use std::collections::HashMap;

use chrono::NaiveDate;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder,
    QuerySelect, Set, TransactionSession, TransactionTrait,
};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::actor::Actor;
use crate::actor::Right;
use crate::entity::{attachment, statement_run};
use crate::error::{AppError, AppResult, ErrorCode, FieldErrors};
use crate::fields;
use crate::lang::Lang;
use crate::money::Money;
use crate::stored::Record;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum IssuedVia {
    File,
    Print,
    Batch,
    Email,
}

impl IssuedVia {
    pub const ALL: [IssuedVia; 4] = [
        IssuedVia::File,
        IssuedVia::Print,
        IssuedVia::Batch,
        IssuedVia::Email,
    ];

    pub fn key(self) -> &'static str {
        match self {
            IssuedVia::File => "file",
            IssuedVia::Print => "print",
            IssuedVia::Batch => "batch",
            IssuedVia::Email => "email",
        }
    }
    fn parse(s: &str) -> Option<IssuedVia> {
        Self::ALL.into_iter().find(|v| v.key() == s)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum ConfirmStatus {
    NoAnswer,
    Confirmed,
    Disputed,
}

impl ConfirmStatus {
    pub const ALL: [ConfirmStatus; 3] = [
        ConfirmStatus::NoAnswer,
        ConfirmStatus::Confirmed,
        ConfirmStatus::Disputed,
    ];

    pub fn key(self) -> &'static str {
        match self {
            ConfirmStatus::NoAnswer => "no_answer",
            ConfirmStatus::Confirmed => "confirmed",
            ConfirmStatus::Disputed => "disputed",
        }
    }
    pub fn parse(s: &str) -> Option<ConfirmStatus> {
        Self::ALL.into_iter().find(|v| v.key() == s)
    }
}

#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct StatementRun {
    #[ts(type = "number")]
    pub id: i64,
    #[ts(type = "number")]
    pub distributor_id: i64,
    pub distributor_code: String,
    pub distributor_name: String,
    pub period_from: String,
    pub period_to: String,
    pub closing_balance: Money,
    pub lang: Lang,
    pub file: String,
    pub issued_via: IssuedVia,
    /// The day it was issued (the office's date).
    pub issued_on: String,
    pub sent_at: Option<String>,
    pub sent_to: String,
    pub status: ConfirmStatus,
    pub confirmed_on: Option<String>,
    pub confirmed_by: String,
    /// Disputed: the balance the distributor claims.
    pub claimed_balance: Option<Money>,
    /// Disputed: our closing balance minus the claimed one.
    pub difference: Option<Money>,
    pub note: String,
    /// Signed slips attached.
    pub slips: u32,
    /// No answer and issued at least the reminder's days ago.
    pub unanswered: bool,
    pub operator: String,
}

#[derive(Debug, Clone, Default, Deserialize, TS)]
#[ts(export)]
pub struct RunQuery {
    #[ts(type = "number | null")]
    #[serde(default)]
    pub distributor_id: Option<i64>,
    /// Runs whose period ends from this date…
    #[serde(default)]
    pub from: String,
    /// …through this one (both empty: every run).
    #[serde(default)]
    pub to: String,
    #[serde(default)]
    pub status: Option<ConfirmStatus>,
}

/// What the batch, a save or a print records for one statement.
pub struct NewRun<'a> {
    pub distributor_id: i64,
    pub from: NaiveDate,
    pub to: NaiveDate,
    pub closing_fen: i64,
    pub lang: Lang,
    pub file: &'a str,
    pub via: IssuedVia,
}

/// Records issued statements in one transaction (each audited on its
/// distributor); returns their ids in order.
pub async fn record<C: ConnectionTrait + TransactionTrait>(
    db: &C,
    actor: &Actor,
    runs: &[NewRun<'_>],
) -> AppResult<Vec<i64>> {
    actor.require(Right::Finance)?;
    let txn = crate::db::write(db).await?;
    let now = actor.now();
    let mut ids = Vec::with_capacity(runs.len());
    for r in runs {
        let m = statement_run::ActiveModel {
            distributor_id: Set(r.distributor_id),
            period_from: Set(r.from),
            period_to: Set(r.to),
            closing_fen: Set(r.closing_fen),
            lang: Set(r.lang.to_string()),
            file: Set(r.file.to_string()),
            issued_via: Set(r.via.key().into()),
            issued_on: Set(actor.today()),
            sent_at: Set(None),
            sent_to: Set(String::new()),
            confirm_status: Set(ConfirmStatus::NoAnswer.key().into()),
            confirmed_on: Set(None),
            confirmed_by: Set(String::new()),
            claimed_fen: Set(None),
            confirm_note: Set(String::new()),
            operator: Set(actor.operator().to_string()),
            created_at: Set(now),
            updated_at: Set(now),
            ..Default::default()
        }
        .insert(&txn)
        .await?;
        crate::audit::record(
            &txn,
            actor,
            "distributor",
            r.distributor_id,
            "statement_issued",
            &[crate::audit::FieldChange {
                field: format!("statement_run {}", m.id),
                before: None,
                after: Some(format!(
                    "{}..{} {} · {} {}",
                    r.from,
                    r.to,
                    Money::from_fen(r.closing_fen),
                    r.via.key(),
                    r.file
                )),
            }],
        )
        .await?;
        ids.push(m.id);
    }
    txn.commit().await?;
    Ok(ids)
}

/// Marks a run as e-mailed to `to` (audited).
pub async fn mark_sent<C: ConnectionTrait + TransactionTrait>(
    db: &C,
    actor: &Actor,
    run_id: i64,
    to: &str,
) -> AppResult<()> {
    actor.require(Right::Finance)?;
    let txn = crate::db::write(db).await?;
    let m = statement_run::Entity::find_by_id(run_id)
        .one(&txn)
        .await?
        .ok_or_else(|| AppError::not_found("statement_run", run_id))?;
    let distributor_id = m.distributor_id;
    let mut a: statement_run::ActiveModel = m.into();
    a.sent_at = Set(Some(actor.now()));
    a.sent_to = Set(to.to_string());
    a.issued_via = Set(IssuedVia::Email.key().into());
    a.updated_at = Set(actor.now());
    a.update(&txn).await?;
    crate::audit::record(
        &txn,
        actor,
        "distributor",
        distributor_id,
        "statement_sent",
        &[crate::audit::FieldChange {
            field: format!("statement_run {run_id}"),
            before: None,
            after: Some(to.to_string()),
        }],
    )
    .await?;
    txn.commit().await?;
    Ok(())
}

#[derive(Debug, Clone, Deserialize, TS)]
#[ts(export)]
pub struct ConfirmInput {
    #[ts(type = "number")]
    pub run_id: i64,
    pub status: ConfirmStatus,
    /// Confirmed or disputed: the day the answer came back.
    #[serde(default)]
    pub confirmed_on: String,
    /// Who signed or answered for the distributor.
    #[serde(default)]
    pub confirmed_by: String,
    /// Disputed: the balance the distributor claims (yuan; may be 0 or negative).
    #[serde(default)]
    pub claimed_balance: String,
    /// Disputed: the reason (required); otherwise a note.
    #[serde(default)]
    pub note: String,
}

/// Records the distributor's answer on a run (audited on the distributor).
pub async fn confirm<C: ConnectionTrait + TransactionTrait>(
    db: &C,
    actor: &Actor,
    input: &ConfirmInput,
) -> AppResult<StatementRun> {
    actor.require(Right::Finance)?;
    let today = actor.today();
    let mut errs = FieldErrors::default();
    let answered = input.status != ConfirmStatus::NoAnswer;
    let on = if answered {
        fields::required_date(&mut errs, "confirmed_on", &input.confirmed_on)
    } else {
        None
    };
    if on.is_some_and(|d| d > today) {
        errs.push("confirmed_on", ErrorCode::InFuture);
    }
    let by = fields::text(
        &mut errs,
        "confirmed_by",
        &input.confirmed_by,
        answered,
        100,
    );
    let disputed = input.status == ConfirmStatus::Disputed;
    let note = fields::text(&mut errs, "note", &input.note, disputed, 2000);
    let claimed = if disputed {
        let v = input.claimed_balance.trim();
        if v.is_empty() {
            errs.push("claimed_balance", ErrorCode::Required);
            None
        } else {
            match Money::parse(v) {
                Ok(m) => Some(m.fen()),
                Err(e) => {
                    errs.push("claimed_balance", e.code());
                    None
                }
            }
        }
    } else {
        None
    };
    errs.into_result()?;
    let txn = crate::db::write(db).await?;
    let m = statement_run::Entity::find_by_id(input.run_id)
        .one(&txn)
        .await?
        .ok_or_else(|| AppError::not_found("statement_run", input.run_id))?;
    let summary = |m: &statement_run::Model| {
        let mut s = m.confirm_status.clone();
        if let Some(d) = m.confirmed_on {
            s.push_str(&format!(" {d} {}", m.confirmed_by));
        }
        if let Some(c) = m.claimed_fen {
            s.push_str(&format!(" · {}", Money::from_fen(c)));
        }
        if !m.confirm_note.is_empty() {
            s.push_str(&format!(" · {}", m.confirm_note));
        }
        s
    };
    let before = summary(&m);
    let distributor_id = m.distributor_id;
    let mut a: statement_run::ActiveModel = m.into();
    a.confirm_status = Set(input.status.key().into());
    a.confirmed_on = Set(on);
    a.confirmed_by = Set(by);
    a.claimed_fen = Set(claimed);
    a.confirm_note = Set(note);
    a.updated_at = Set(actor.now());
    let m = a.update(&txn).await?;
    let after = summary(&m);
    if before != after {
        crate::audit::record(
            &txn,
            actor,
            "distributor",
            distributor_id,
            "statement_confirmation",
            &[crate::audit::FieldChange {
                field: format!("statement_run {} {}..{}", m.id, m.period_from, m.period_to),
                before: Some(before),
                after: Some(after),
            }],
        )
        .await?;
    }
    txn.commit().await?;
    let days = crate::settings::load_reminder_settings(db)
        .await?
        .confirmation_days;
    let slips = slips(db, &[m.id]).await?;
    let dists = crate::distributor::models_by_id(db, [m.distributor_id]).await?;
    to_dto(m, &dists, &slips, today, days)
}

async fn slips<C: ConnectionTrait>(db: &C, ids: &[i64]) -> AppResult<HashMap<i64, u32>> {
    let mut out = HashMap::new();
    for a in crate::db::find_in(
        db,
        attachment::Entity::find(),
        attachment::Column::StatementRunId,
        ids.iter().copied(),
    )
    .await?
    {
        if let Some(r) = a.statement_run_id {
            *out.entry(r).or_default() += 1;
        }
    }
    Ok(out)
}

fn to_dto(
    m: statement_run::Model,
    dists: &HashMap<i64, crate::entity::distributor::Model>,
    slips: &HashMap<i64, u32>,
    today: NaiveDate,
    days: u32,
) -> AppResult<StatementRun> {
    let d = dists.get(&m.distributor_id);
    let stored = Record::new("statement_run", m.id);
    let status = stored.key("confirm_status", &m.confirm_status, ConfirmStatus::parse)?;
    let issued = m.issued_on;
    Ok(StatementRun {
        id: m.id,
        distributor_id: m.distributor_id,
        distributor_code: d.map(|d| d.code.clone()).unwrap_or_default(),
        distributor_name: d.map(|d| d.name.clone()).unwrap_or_default(),
        period_from: m.period_from.to_string(),
        period_to: m.period_to.to_string(),
        closing_balance: Money::from_fen(m.closing_fen),
        lang: stored.key("lang", &m.lang, Lang::parse)?,
        file: m.file,
        issued_via: stored.key("issued_via", &m.issued_via, IssuedVia::parse)?,
        issued_on: issued.to_string(),
        sent_at: m.sent_at.map(|t| t.to_rfc3339()),
        sent_to: m.sent_to,
        status,
        confirmed_on: m.confirmed_on.map(|d| d.to_string()),
        confirmed_by: m.confirmed_by,
        claimed_balance: m.claimed_fen.map(Money::from_fen),
        difference: m
            .claimed_fen
            .and_then(|c| m.closing_fen.checked_sub(c))
            .map(Money::from_fen),
        note: m.confirm_note,
        slips: slips.get(&m.id).copied().unwrap_or(0),
        unanswered: status == ConfirmStatus::NoAnswer
            && (today - issued).num_days() >= i64::from(days),
        operator: m.operator,
    })
}

/// Runs, latest first.
pub async fn list<C: ConnectionTrait>(
    db: &C,
    q: &RunQuery,
    today: NaiveDate,
) -> AppResult<Vec<StatementRun>> {
    let mut find = statement_run::Entity::find().order_by_desc(statement_run::Column::Id);
    if let Some(id) = q.distributor_id {
        find = find.filter(statement_run::Column::DistributorId.eq(id));
    }
    let mut errs = FieldErrors::default();
    let from = fields::date(&mut errs, "from", &q.from);
    let to = fields::date(&mut errs, "to", &q.to);
    errs.into_result()?;
    if let Some(from) = from {
        find = find.filter(statement_run::Column::PeriodTo.gte(from));
    }
    if let Some(to) = to {
        find = find.filter(statement_run::Column::PeriodTo.lte(to));
    }
    if let Some(s) = q.status {
        find = find.filter(statement_run::Column::ConfirmStatus.eq(s.key()));
    }
    let rows = find.all(db).await?;
    let ids: Vec<i64> = rows.iter().map(|m| m.id).collect();
    let slips = slips(db, &ids).await?;
    let dists = crate::distributor::models_by_id(db, rows.iter().map(|m| m.distributor_id)).await?;
    let days = crate::settings::load_reminder_settings(db)
        .await?
        .confirmation_days;
    rows.into_iter()
        .map(|m| to_dto(m, &dists, &slips, today, days))
        .collect()
}

/// Each distributor's latest run (the highest id) among `runs`.
pub fn latest_per_distributor(runs: Vec<StatementRun>) -> Vec<StatementRun> {
    let mut seen = std::collections::HashSet::new();
    let mut out: Vec<StatementRun> = runs
        .into_iter()
        .filter(|r| seen.insert(r.distributor_id))
        .collect();
    out.sort_by(|a, b| a.distributor_code.cmp(&b.distributor_code));
    out
}

#[derive(Debug, Clone, Default, Serialize, TS)]
#[ts(export)]
pub struct StatusTotal {
    pub count: u32,
    /// Sum of the statements' closing balances.
    pub amount: Money,
}

#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct ConfirmationReport {
    pub from: String,
    pub to: String,
    pub confirmed: StatusTotal,
    pub disputed: StatusTotal,
    pub no_answer: StatusTotal,
    /// Disputed: the sum of the differences.
    pub disputed_difference: Money,
    /// Each distributor's latest run with a period ending in the range.
    pub runs: Vec<StatementRun>,
}

#[derive(Debug, Clone, Deserialize, TS)]
#[ts(export)]
pub struct ReportPeriod {
    pub from: String,
    pub to: String,
}

/// Confirmed / disputed / unanswered counts and amounts for the statements
/// of periods ending from `from` through `to` (the latest run per distributor).
pub async fn report<C: ConnectionTrait>(
    db: &C,
    from: &str,
    to: &str,
    today: NaiveDate,
) -> AppResult<ConfirmationReport> {
    let (f, t) = super::statement::parse_period(from, to)?;
    let runs = latest_per_distributor(
        list(
            db,
            &RunQuery {
                distributor_id: None,
                from: f.to_string(),
                to: t.to_string(),
                status: None,
            },
            today,
        )
        .await?,
    );
    let overflow = || AppError::field("amount", ErrorCode::TotalOutOfRange);
    let mut totals: [(u32, i64); 3] = [(0, 0); 3];
    let mut difference = 0i64;
    for r in &runs {
        let slot = &mut totals[match r.status {
            ConfirmStatus::Confirmed => 0,
            ConfirmStatus::Disputed => 1,
            ConfirmStatus::NoAnswer => 2,
        }];
        slot.0 += 1;
        slot.1 = slot
            .1
            .checked_add(r.closing_balance.fen())
            .ok_or_else(overflow)?;
        if let Some(d) = r.difference {
            difference = difference.checked_add(d.fen()).ok_or_else(overflow)?;
        }
    }
    let total = |(count, fen): (u32, i64)| StatusTotal {
        count,
        amount: Money::from_fen(fen),
    };
    Ok(ConfirmationReport {
        from: f.to_string(),
        to: t.to_string(),
        confirmed: total(totals[0]),
        disputed: total(totals[1]),
        no_answer: total(totals[2]),
        disputed_difference: Money::from_fen(difference),
        runs,
    })
}

/// The latest run with a period ending on or before `as_of`, per distributor.
pub async fn latest_status<C: ConnectionTrait>(
    db: &C,
    as_of: NaiveDate,
) -> AppResult<HashMap<i64, (ConfirmStatus, NaiveDate)>> {
    let rows: Vec<(i64, i64, NaiveDate, String)> = statement_run::Entity::find()
        .select_only()
        .column(statement_run::Column::Id)
        .column(statement_run::Column::DistributorId)
        .column(statement_run::Column::PeriodTo)
        .column(statement_run::Column::ConfirmStatus)
        .filter(statement_run::Column::PeriodTo.lte(as_of))
        .order_by_asc(statement_run::Column::Id)
        .into_tuple()
        .all(db)
        .await?;
    let mut out = HashMap::new();
    for (id, d, to, s) in rows {
        let status =
            Record::new("statement_run", id).key("confirm_status", &s, ConfirmStatus::parse)?;
        out.insert(d, (status, to));
    }
    Ok(out)
}
