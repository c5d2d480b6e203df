//! Agreement writes: drafts, submitting and withdrawing, termination and new
//! versions (signing is in `sign.rs`).
//! Each write is one transaction with its history entry and audit record.
use crate::actor::Actor;
use crate::actor::Right;
use crate::error::ErrorCode;
use chrono::NaiveDate;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder,
    QuerySelect, Set, TransactionSession, TransactionTrait,
};
use serde::Deserialize;
use ts_rs::TS;

use super::validate::{validate, ValidAgreement};
use super::{
    effective_status, get, AgreementDetail, AgreementInput, AgreementKind, AgreementStatus,
    AgreementUpdate,
};
use crate::audit::{self, FieldChange};
use crate::dates::parse_date;
use crate::distributor::Status as DistStatus;
use crate::entity::{agreement, agreement_event, distributor};
use crate::error::{AppError, AppResult};

#[derive(Debug, Clone, Default, Deserialize, TS)]
#[serde(default)]
#[ts(export)]
pub struct TerminateRequest {
    #[ts(type = "number")]
    pub id: i64,
    pub date: String,
    pub reason: String,
}

#[derive(Debug, Clone, Deserialize, TS)]
#[ts(export)]
pub struct VersionRequest {
    /// The version to start from (the newest signed one).
    #[ts(type = "number")]
    pub id: i64,
    pub kind: AgreementKind,
}

/// The agreement, its row locked until the write's commit (on PostgreSQL):
/// two writes of one agreement take turns.
pub(super) async fn find<C: ConnectionTrait>(db: &C, id: i64) -> AppResult<agreement::Model> {
    agreement::Entity::find_by_id(id)
        .lock_exclusive()
        .one(db)
        .await?
        .ok_or_else(|| AppError::not_found("agreement", id))
}

pub(super) async fn add_event<C: ConnectionTrait>(
    db: &C,
    id: i64,
    from: &str,
    to: &str,
    text: &str,
    actor: &Actor,
) -> AppResult<()> {
    agreement_event::Entity::insert(agreement_event::ActiveModel {
        agreement_id: Set(id),
        at: Set(actor.now()),
        from_status: Set(from.into()),
        to_status: Set(to.into()),
        text: Set(text.into()),
        operator: Set(actor.operator().into()),
        ..Default::default()
    })
    .exec(db)
    .await?;
    Ok(())
}

async fn next_number<C: ConnectionTrait>(db: &C, year: i32) -> AppResult<String> {
    crate::numbering::next_in_year::<agreement::Entity, _>(
        db,
        agreement::Column::Number,
        "HT",
        year,
        |m| &m.number,
    )
    .await
}

async fn party<C: ConnectionTrait>(db: &C, id: i64) -> AppResult<distributor::Model> {
    let d = crate::distributor::write_find(db, id)
        .await
        .map_err(|_| AppError::field("distributor_id", ErrorCode::Required))?;
    if matches!(
        DistStatus::parse(&d.status),
        Some(DistStatus::Rejected | DistStatus::Terminated)
    ) {
        return Err(AppError::field(
            "distributor_id",
            ErrorCode::DistributorClosed,
        ));
    }
    Ok(d)
}

fn apply(am: &mut agreement::ActiveModel, v: &ValidAgreement, actor: &Actor) {
    am.territory_json = Set(serde_json::to_string(&v.territories).unwrap_or_default());
    am.exclusive = Set(v.exclusive);
    am.term_start = Set(v.term_start);
    am.term_end = Set(v.term_end);
    am.payment_days = Set(v.payment_days);
    am.payment_method = Set(v.payment_method.key().into());
    am.credit_limit_fen = Set(v.credit_limit_fen);
    am.discount_bp = Set(v.discount_bp);
    am.buyback_bp = Set(v.buyback_bp);
    am.targets_json = Set(serde_json::to_string(&v.targets).unwrap_or_default());
    am.ladder_json = Set(serde_json::to_string(&v.ladder).unwrap_or_default());
    am.special_clauses = Set(v.special_clauses.clone());
    am.updated_at = Set(actor.now());
}

pub(super) fn change(field: &str, before: Option<String>, after: impl Into<String>) -> FieldChange {
    FieldChange {
        field: field.into(),
        before,
        after: Some(after.into()),
    }
}

/// Creates a draft with the next number (HT-<year>-NNNN) of the office's year.
pub async fn create<C: ConnectionTrait + TransactionTrait>(
    db: &C,
    actor: &Actor,
    input: &AgreementInput,
) -> AppResult<AgreementDetail> {
    actor.require(Right::Channel)?;
    // A distributor outside the writer's scope is not theirs to change (nor to see).
    crate::scope::check(db, actor.access(), input.distributor_id).await?;
    let now = actor.now();
    let operator = actor.operator().to_owned();
    let v = validate(input)?;
    let txn = crate::db::write(db).await?;
    party(&txn, input.distributor_id).await?;
    let number = next_number(&txn, chrono::Datelike::year(&actor.today())).await?;
    let mut am = agreement::ActiveModel {
        number: Set(number.clone()),
        version: Set(1),
        previous_id: Set(None),
        kind: Set(AgreementKind::Original.key().into()),
        distributor_id: Set(input.distributor_id),
        status: Set(AgreementStatus::Draft.key().into()),
        signed_date: Set(None),
        scan_name: Set(String::new()),
        terminated_date: Set(None),
        termination_reason: Set(String::new()),
        created_at: Set(now),
        created_by: Set(operator.clone()),
        ..Default::default()
    };
    apply(&mut am, &v, actor);
    let m = am.insert(&txn).await?;
    add_event(&txn, m.id, "", "draft", &number, actor).await?;
    audit::record(
        &txn,
        actor,
        "agreement",
        m.id,
        "create",
        &[change("number", None, number)],
    )
    .await?;
    txn.commit().await?;
    get(db, actor.access(), m.id, actor.today()).await
}

/// Edits a draft (only a draft can change).
pub async fn update<C: ConnectionTrait + TransactionTrait>(
    db: &C,
    actor: &Actor,
    req: &AgreementUpdate,
) -> AppResult<AgreementDetail> {
    actor.require(Right::Channel)?;
    let today = actor.today();
    let v = validate(&req.input)?;
    let txn = crate::db::write(db).await?;
    let m = find(&txn, req.id).await?;
    if m.status != AgreementStatus::Draft.key() {
        return Err(AppError::IllegalTransition {
            from: m.status,
            to: "edit".into(),
        });
    }
    if req.input.distributor_id != m.distributor_id {
        return Err(AppError::field("distributor_id", ErrorCode::Immutable));
    }
    if let Some(base) = req.base.as_deref() {
        let record = ("agreement", m.id);
        audit::unchanged_since(&txn, record, record, m.updated_at, base).await?;
    }
    let before = super::to_dto(&m, None, today, false)?;
    let mut am: agreement::ActiveModel = m.into();
    apply(&mut am, &v, actor);
    let m = am.update(&txn).await?;
    let after = super::to_dto(&m, None, today, false)?;
    let changes = audit::diff(Some(&before), &after, &["updated_at", "days_to_end"]);
    if !changes.is_empty() {
        audit::record(&txn, actor, "agreement", m.id, "update", &changes).await?;
    }
    txn.commit().await?;
    get(db, actor.access(), req.id, today).await
}

pub(super) async fn move_to<C: ConnectionTrait>(
    txn: &C,
    m: agreement::Model,
    to: AgreementStatus,
    text: &str,
    actor: &Actor,
    edit: impl FnOnce(&mut agreement::ActiveModel),
) -> AppResult<agreement::Model> {
    let from = m.status.clone();
    let id = m.id;
    let mut am: agreement::ActiveModel = m.into();
    am.status = Set(to.key().into());
    am.updated_at = Set(actor.now());
    edit(&mut am);
    let m = am.update(txn).await?;
    add_event(txn, id, &from, to.key(), text, actor).await?;
    audit::record(
        txn,
        actor,
        "agreement",
        id,
        "status",
        &[change("status", Some(from), to.key())],
    )
    .await?;
    Ok(m)
}

/// The move is not allowed — or, when the stored status cannot be read, that.
pub(super) fn illegal(m: &agreement::Model, to: AgreementStatus, today: NaiveDate) -> AppError {
    match effective_status(m, today) {
        Ok(from) => AppError::IllegalTransition {
            from: from.key().into(),
            to: to.key().into(),
        },
        Err(damaged) => damaged,
    }
}

/// Draft → awaiting signature: the terms are frozen for signing.
pub async fn submit<C: ConnectionTrait + TransactionTrait>(
    db: &C,
    actor: &Actor,
    id: i64,
) -> AppResult<AgreementDetail> {
    actor.require(Right::Channel)?;
    step(
        db,
        actor,
        id,
        AgreementStatus::Draft,
        AgreementStatus::AwaitingSignature,
    )
    .await
}

/// Awaiting signature → draft, to change the terms again.
pub async fn withdraw<C: ConnectionTrait + TransactionTrait>(
    db: &C,
    actor: &Actor,
    id: i64,
) -> AppResult<AgreementDetail> {
    actor.require(Right::Channel)?;
    step(
        db,
        actor,
        id,
        AgreementStatus::AwaitingSignature,
        AgreementStatus::Draft,
    )
    .await
}

async fn step<C: ConnectionTrait + TransactionTrait>(
    db: &C,
    actor: &Actor,
    id: i64,
    from: AgreementStatus,
    to: AgreementStatus,
) -> AppResult<AgreementDetail> {
    let today = actor.today();
    let txn = crate::db::write(db).await?;
    let m = find(&txn, id).await?;
    if m.status != from.key() {
        return Err(illegal(&m, to, today));
    }
    if to == AgreementStatus::AwaitingSignature {
        // A draft saved before a rule changed is checked again before it goes out.
        validate(&input_of(&m)?)?;
    }
    move_to(&txn, m, to, "", actor, |_| {}).await?;
    txn.commit().await?;
    get(db, actor.access(), id, today).await
}

/// The editor's input that reproduces a stored agreement.
pub(crate) fn input_of(m: &agreement::Model) -> AppResult<AgreementInput> {
    let dto = super::to_dto(m, None, m.term_start, false)?;
    Ok(AgreementInput {
        distributor_id: m.distributor_id,
        territories: dto.territories,
        exclusive: m.exclusive,
        term_start: dto.term_start,
        term_end: dto.term_end,
        payment_days: m.payment_days,
        payment_method: Some(dto.payment_method),
        credit_limit: dto.credit_limit.to_string(),
        discount_pct: dto.discount_pct,
        buyback_pct: dto.buyback_pct,
        targets: dto
            .targets
            .into_iter()
            .map(|t| super::TargetInput {
                label: t.label,
                from: t.from,
                to: t.to,
                amount: t.amount.to_string(),
            })
            .collect(),
        ladder: dto.ladder,
        special_clauses: dto.special_clauses,
    })
}

/// Signed (in force or not yet started) → terminated, with a date and reason.
pub async fn terminate<C: ConnectionTrait + TransactionTrait>(
    db: &C,
    actor: &Actor,
    req: &TerminateRequest,
) -> AppResult<AgreementDetail> {
    actor.require(Right::Channel)?;
    let today = actor.today();
    let mut errs = crate::error::FieldErrors::default();
    let date = parse_date(&req.date);
    if date.is_none() {
        errs.push(
            "date",
            if req.date.trim().is_empty() {
                ErrorCode::Required
            } else {
                ErrorCode::DateFormat
            },
        );
    }
    if req.reason.trim().is_empty() {
        errs.push("reason", ErrorCode::Required);
    }
    errs.into_result()?;
    let date = date.unwrap_or(today);
    let txn = crate::db::write(db).await?;
    let m = find(&txn, req.id).await?;
    if !super::in_force(&m, today)? {
        return Err(illegal(&m, AgreementStatus::Terminated, today));
    }
    if m.signed_date.is_some_and(|s| date < s) || date > m.term_end {
        return Err(AppError::field("date", ErrorCode::TerminationDateRange));
    }
    let reason = req.reason.trim().to_owned();
    move_to(&txn, m, AgreementStatus::Terminated, &reason, actor, |am| {
        am.terminated_date = Set(Some(date));
        am.termination_reason = Set(reason.clone());
    })
    .await?;
    txn.commit().await?;
    get(db, actor.access(), req.id, today).await
}

/// Starts an amendment or a renewal of the newest signed version: a draft with
/// the next version number, linked to it. A renewal's term follows the old one.
pub async fn new_version<C: ConnectionTrait + TransactionTrait>(
    db: &C,
    actor: &Actor,
    req: &VersionRequest,
) -> AppResult<AgreementDetail> {
    actor.require(Right::Channel)?;
    let now = actor.now();
    let operator = actor.operator().to_owned();
    let today = actor.today();
    if req.kind == AgreementKind::Original {
        return Err(AppError::field("kind", ErrorCode::InvalidChoice));
    }
    let txn = crate::db::write(db).await?;
    let m = find(&txn, req.id).await?;
    let chain = agreement::Entity::find()
        .filter(agreement::Column::Number.eq(m.number.as_str()))
        .order_by_desc(agreement::Column::Version)
        .all(&txn)
        .await?;
    let newest = chain.first().map(|c| c.version).unwrap_or(m.version);
    let stored = super::status_of(&m)?;
    if newest != m.version || stored != AgreementStatus::Signed {
        return Err(illegal(&m, AgreementStatus::Draft, today));
    }
    let mut am = agreement::ActiveModel {
        number: Set(m.number.clone()),
        version: Set(m.version + 1),
        previous_id: Set(Some(m.id)),
        kind: Set(req.kind.key().into()),
        distributor_id: Set(m.distributor_id),
        status: Set(AgreementStatus::Draft.key().into()),
        territory_json: Set(m.territory_json.clone()),
        exclusive: Set(m.exclusive),
        term_start: Set(m.term_start),
        term_end: Set(m.term_end),
        payment_days: Set(m.payment_days),
        payment_method: Set(m.payment_method.clone()),
        credit_limit_fen: Set(m.credit_limit_fen),
        discount_bp: Set(m.discount_bp),
        buyback_bp: Set(m.buyback_bp),
        targets_json: Set(m.targets_json.clone()),
        ladder_json: Set(m.ladder_json.clone()),
        special_clauses: Set(m.special_clauses.clone()),
        signed_date: Set(None),
        scan_name: Set(String::new()),
        terminated_date: Set(None),
        termination_reason: Set(String::new()),
        created_at: Set(now),
        created_by: Set(operator.clone()),
        updated_at: Set(now),
        ..Default::default()
    };
    if req.kind == AgreementKind::Renewal {
        let len = m.term_end - m.term_start;
        let start = m.term_end.succ_opt().unwrap_or(m.term_end);
        am.term_start = Set(start);
        am.term_end = Set(start + len);
        // Targets belong to the old term; the renewal gets its own.
        am.targets_json = Set("[]".into());
    }
    let n = am.insert(&txn).await?;
    let text = format!("{} v{} → v{}", req.kind.key(), m.version, n.version);
    add_event(&txn, n.id, "", "draft", &text, actor).await?;
    audit::record(
        &txn,
        actor,
        "agreement",
        n.id,
        "new_version",
        &[change(
            "version",
            Some(m.version.to_string()),
            n.version.to_string(),
        )],
    )
    .await?;
    txn.commit().await?;
    get(db, actor.access(), n.id, today).await
}
