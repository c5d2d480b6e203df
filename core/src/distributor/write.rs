//! Creating, editing and reading one distributor. Each write is one transaction
//! with its audit entry.
use crate::actor::Actor;
use crate::actor::Right;
use sea_orm::TransactionSession;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder,
    QuerySelect, Set, TransactionTrait,
};
use serde::Serialize;
use ts_rs::TS;

use super::assessments::{self, Assessment};
use super::{Distributor, DistributorInput, Status, Tier, ValidInput};
use crate::audit;
use crate::entity::{distributor, status_change, tier_change};
use crate::error::{AppError, AppResult, ErrorCode};
use crate::stored::Record;

#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct StatusChange {
    #[ts(type = "number")]
    pub id: i64,
    /// None on the first row: the status the distributor was created with.
    pub from: Option<Status>,
    pub to: Status,
    pub date: String,
    pub operator: String,
    pub reason: String,
    pub recorded_at: String,
}

#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct TierChange {
    #[ts(type = "number")]
    pub id: i64,
    pub from: Option<Tier>,
    pub to: Tier,
    pub reason: String,
    pub operator: String,
    pub recorded_at: String,
}

#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct DistributorDetail {
    pub distributor: Distributor,
    /// The statuses this distributor may move to now.
    pub allowed_transitions: Vec<Status>,
    pub status_history: Vec<StatusChange>,
    pub tier_history: Vec<TierChange>,
    pub assessments: Vec<Assessment>,
    /// People besides the primary contact.
    pub contacts: Vec<super::contacts::Contact>,
}

pub(crate) async fn find_model<C: ConnectionTrait>(
    db: &C,
    id: i64,
) -> AppResult<distributor::Model> {
    distributor::Entity::find_by_id(id)
        .one(db)
        .await?
        .ok_or_else(|| AppError::not_found("distributor", id))
}

/// The next `DS00001`-style code not yet used.
pub async fn next_code<C: ConnectionTrait>(db: &C) -> AppResult<String> {
    let codes: Vec<String> = distributor::Entity::find()
        .select_only()
        .column(distributor::Column::Code)
        .filter(distributor::Column::Code.starts_with("DS"))
        .into_tuple()
        .all(db)
        .await?;
    let max = codes
        .iter()
        .filter_map(|c| c[2..].parse::<u64>().ok())
        .max()
        .unwrap_or(0);
    Ok(format!("DS{:05}", max + 1))
}

/// Refuses a code or USCC that another distributor already holds.
pub(crate) async fn check_unique<C: ConnectionTrait>(
    db: &C,
    code: &str,
    uscc: &str,
    except_id: Option<i64>,
) -> AppResult<()> {
    for (col, field, value) in [
        (distributor::Column::Code, "code", code),
        (distributor::Column::Uscc, "uscc", uscc),
    ] {
        let mut q = distributor::Entity::find().filter(col.eq(value));
        if let Some(id) = except_id {
            q = q.filter(distributor::Column::Id.ne(id));
        }
        if q.one(db).await?.is_some() {
            return Err(AppError::Conflict {
                field: field.into(),
                value: value.into(),
            });
        }
    }
    Ok(())
}

pub(crate) fn apply(m: &mut distributor::ActiveModel, v: &ValidInput) {
    let i = &v.input;
    m.code = Set(i.code.clone());
    m.name = Set(i.name.clone());
    m.short_name = Set(i.short_name.clone());
    m.uscc = Set(i.uscc.clone());
    m.legal_representative = Set(i.legal_representative.clone());
    m.contact_name = Set(i.contact_name.clone());
    m.contact_role = Set(i.contact_role.clone());
    m.contact_phone = Set(i.contact_phone.clone());
    m.contact_email = Set(i.contact_email.clone());
    m.contact_wechat = Set(i.contact_wechat.clone());
    m.province = Set(i.province.clone());
    m.city = Set(i.city.clone());
    m.county = Set(i.county.clone());
    m.region = Set(i.region.clone());
    m.address = Set(i.address.clone());
    m.bank_name = Set(i.bank_name.clone());
    m.bank_account = Set(i.bank_account.clone());
    m.payment_terms_days = Set(i.payment_terms_days);
    m.credit_limit_fen = Set(v.credit_limit.fen());
    m.notes = Set(i.notes.clone());
}

/// Inserts a validated profile with its first status and tier history rows.
pub(crate) async fn insert_valid<C: ConnectionTrait>(
    db: &C,
    v: &ValidInput,
    status: Status,
    actor: &Actor,
    reason: &str,
) -> AppResult<distributor::Model> {
    let now = actor.now();
    let mut am = distributor::ActiveModel {
        tier: Set(v.input.tier.key().into()),
        status: Set(status.key().into()),
        created_at: Set(now),
        updated_at: Set(now),
        ..Default::default()
    };
    apply(&mut am, v);
    let model = am.insert(db).await?;
    let today = actor.today();
    super::lifecycle::insert_status_row(db, model.id, "", status, today, actor, reason).await?;
    super::lifecycle::insert_tier_row(db, model.id, None, v.input.tier, reason, actor).await?;
    let dto = Distributor::try_from(model.clone())?;
    audit::record(
        db,
        actor,
        "distributor",
        model.id,
        "create",
        &audit::diff(None, &dto, &["id", "created_at", "updated_at"]),
    )
    .await?;
    Ok(model)
}

pub async fn create<C: ConnectionTrait + TransactionTrait>(
    db: &C,
    actor: &Actor,
    input: DistributorInput,
) -> AppResult<Distributor> {
    actor.require(Right::Channel)?;
    let mut v = validate_or_err(&input)?;
    let txn = crate::db::write(db).await?;
    if v.input.code.is_empty() {
        v.input.code = next_code(&txn).await?;
    }
    check_unique(&txn, &v.input.code, &v.input.uscc, None).await?;
    let model = insert_valid(&txn, &v, Status::Applicant, actor, "").await?;
    txn.commit().await?;
    model.try_into()
}

fn validate_or_err(input: &DistributorInput) -> AppResult<ValidInput> {
    super::validate_input(input).map_err(|fields| AppError::Validation { fields })
}

pub(crate) async fn update_valid<C: ConnectionTrait>(
    db: &C,
    current: distributor::Model,
    v: &ValidInput,
    actor: &Actor,
) -> AppResult<distributor::Model> {
    let before = Distributor::try_from(current.clone())?;
    let mut am: distributor::ActiveModel = current.into();
    apply(&mut am, v);
    am.updated_at = Set(actor.now());
    let model = am.update(db).await?;
    let after = Distributor::try_from(model.clone())?;
    let changes = audit::diff(Some(&before), &after, &["updated_at"]);
    if !changes.is_empty() {
        audit::record(db, actor, "distributor", model.id, "update", &changes).await?;
    }
    Ok(model)
}

/// Edits the profile. Tier and status are not changed here (they have their own
/// actions with reasons and history).
pub async fn update<C: ConnectionTrait + TransactionTrait>(
    db: &C,
    actor: &Actor,
    id: i64,
    input: DistributorInput,
) -> AppResult<Distributor> {
    actor.require(Right::Channel)?;
    update_from(db, actor, id, input, None).await
}

/// As `update`, from the version of the profile read at `base` (its
/// `updated_at`): refused as `edit_conflict` when another write has changed
/// the distributor since, so nobody's edit is silently overwritten.
pub async fn update_from<C: ConnectionTrait + TransactionTrait>(
    db: &C,
    actor: &Actor,
    id: i64,
    input: DistributorInput,
    base: Option<&str>,
) -> AppResult<Distributor> {
    actor.require(Right::Channel)?;
    let mut v = validate_or_err(&input)?;
    let txn = crate::db::write(db).await?;
    // The row is locked until the commit (on PostgreSQL; SQLite's write lock
    // is the whole file): a second save of the same version waits for the
    // first, then finds the record changed.
    let current = distributor::Entity::find_by_id(id)
        .lock_exclusive()
        .one(&txn)
        .await?
        .ok_or_else(|| AppError::not_found("distributor", id))?;
    if !crate::scope::holds_model(actor.access(), &current) {
        return Err(AppError::not_found("distributor", id));
    }
    if let Some(base) = base {
        let record = ("distributor", id);
        audit::unchanged_since(&txn, record, record, current.updated_at, base).await?;
    }
    if v.input.code.is_empty() {
        v.input.code = current.code.clone();
    }
    check_unique(&txn, &v.input.code, &v.input.uscc, Some(id)).await?;
    let model = update_valid(&txn, current, &v, actor).await?;
    txn.commit().await?;
    model.try_into()
}

pub async fn get_by_code<C: ConnectionTrait>(
    db: &C,
    code: &str,
) -> AppResult<Option<distributor::Model>> {
    Ok(distributor::Entity::find()
        .filter(distributor::Column::Code.eq(code))
        .one(db)
        .await?)
}

/// One distributor with its histories; one outside `access`'s scope is not found.
pub async fn get<C: ConnectionTrait>(
    db: &C,
    access: &crate::actor::Access,
    id: i64,
) -> AppResult<DistributorDetail> {
    let model = find_model(db, id).await?;
    if !crate::scope::holds_model(access, &model) {
        return Err(AppError::not_found("distributor", id));
    }
    let status_history = status_change::Entity::find()
        .filter(status_change::Column::DistributorId.eq(id))
        .order_by_desc(status_change::Column::Id)
        .all(db)
        .await?
        .into_iter()
        .map(|r| {
            let stored = Record::new("status_change", r.id);
            let from = match r.from_status.as_str() {
                "" => None,
                s => Some(stored.key("from_status", s, Status::parse)?),
            };
            Ok(StatusChange {
                id: r.id,
                from,
                to: stored.key("to_status", &r.to_status, Status::parse)?,
                date: r.effective_date.to_string(),
                operator: r.operator,
                reason: r.reason,
                recorded_at: r.created_at.to_rfc3339(),
            })
        })
        .collect::<AppResult<_>>()?;
    let tier_history = tier_change::Entity::find()
        .filter(tier_change::Column::DistributorId.eq(id))
        .order_by_desc(tier_change::Column::Id)
        .all(db)
        .await?
        .into_iter()
        .map(|r| {
            let stored = Record::new("tier_change", r.id);
            Ok(TierChange {
                id: r.id,
                from: match r.from_tier.as_deref() {
                    None => None,
                    Some(t) => Some(stored.key("from_tier", t, Tier::parse)?),
                },
                to: stored.key("to_tier", &r.to_tier, Tier::parse)?,
                reason: r.reason,
                operator: r.operator,
                recorded_at: r.created_at.to_rfc3339(),
            })
        })
        .collect::<AppResult<_>>()?;
    let distributor = Distributor::try_from(model)?;
    Ok(DistributorDetail {
        allowed_transitions: distributor.status.allowed_next().to_vec(),
        distributor,
        status_history,
        tier_history,
        assessments: assessments::list(db, id).await?,
        contacts: super::contacts::list(db, id).await?,
    })
}

/// Sets (or clears) a distributor's responsible manager: a user who can log
/// in. Users whose scope is `own` see the distributors they manage.
pub async fn assign_manager<C: ConnectionTrait + TransactionTrait>(
    db: &C,
    actor: &Actor,
    req: &super::ManagerAssign,
) -> AppResult<Distributor> {
    actor.require(Right::Channel)?;
    let txn = crate::db::write(db).await?;
    let current = find_model(&txn, req.id).await?;
    if !crate::scope::holds_model(actor.access(), &current) {
        return Err(AppError::not_found("distributor", req.id));
    }
    let name_of = |u: Option<crate::entity::app_user::Model>| u.map(|u| u.login);
    let after = match req.manager_id {
        None => None,
        Some(uid) => {
            let u = crate::entity::app_user::Entity::find_by_id(uid)
                .one(&txn)
                .await?
                .filter(|u| !u.disabled)
                .ok_or_else(|| AppError::field("manager_id", ErrorCode::UnknownValue))?;
            Some(u)
        }
    };
    let before = match current.manager_id {
        Some(uid) => {
            crate::entity::app_user::Entity::find_by_id(uid)
                .one(&txn)
                .await?
        }
        None => None,
    };
    if current.manager_id == req.manager_id {
        txn.commit().await?;
        return current.try_into();
    }
    let id = current.id;
    let mut am: distributor::ActiveModel = current.into();
    am.manager_id = Set(req.manager_id);
    am.updated_at = Set(actor.now());
    let model = am.update(&txn).await?;
    audit::record(
        &txn,
        actor,
        "distributor",
        id,
        "manager",
        &[audit::FieldChange {
            field: "manager".into(),
            before: name_of(before),
            after: name_of(after),
        }],
    )
    .await?;
    txn.commit().await?;
    model.try_into()
}
