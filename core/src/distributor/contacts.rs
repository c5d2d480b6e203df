//! A distributor's other people (buyer, finance, warehouse…), each with the
//! ways to reach them. Every change is audited on the distributor.
use crate::actor::Actor;
use crate::actor::Right;
use crate::error::ErrorCode;
use sea_orm::TransactionSession;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder,
    QuerySelect, Set, TransactionTrait,
};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::validate::{is_email, is_phone};
use super::write::find_model;
use crate::audit::{self, FieldChange};
use crate::entity::distributor_contact as contact;
use crate::error::{AppError, AppResult, FieldErrors};

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(default)]
#[ts(export)]
pub struct ContactInput {
    pub name: String,
    pub role: String,
    pub phone: String,
    pub email: String,
    pub wechat: String,
    /// Statements of account are e-mailed to this person (needs an e-mail).
    pub receives_statements: bool,
}

/// Creates a contact when `id` is null, else edits that contact.
#[derive(Debug, Clone, Deserialize, TS)]
#[ts(export)]
pub struct ContactSave {
    #[ts(type = "number")]
    pub distributor_id: i64,
    #[ts(type = "number | null")]
    pub id: Option<i64>,
    pub input: ContactInput,
    /// Editing: the `updated_at` of the contact as the form got it; a save
    /// on a version changed since is `edit_conflict`. Absent: no check.
    #[serde(default)]
    pub base: Option<String>,
}

#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct Contact {
    #[ts(type = "number")]
    pub id: i64,
    #[ts(type = "number")]
    pub distributor_id: i64,
    pub name: String,
    pub role: String,
    pub phone: String,
    pub email: String,
    pub wechat: String,
    pub receives_statements: bool,
    pub updated_at: String,
}

impl From<contact::Model> for Contact {
    fn from(m: contact::Model) -> Self {
        Contact {
            id: m.id,
            distributor_id: m.distributor_id,
            name: m.name,
            role: m.role,
            phone: m.phone,
            email: m.email,
            wechat: m.wechat,
            receives_statements: m.receives_statements,
            updated_at: m.updated_at.to_rfc3339(),
        }
    }
}

fn input_of(m: &contact::Model) -> ContactInput {
    ContactInput {
        name: m.name.clone(),
        role: m.role.clone(),
        phone: m.phone.clone(),
        email: m.email.clone(),
        wechat: m.wechat.clone(),
        receives_statements: m.receives_statements,
    }
}

/// Trims, then checks: a name, at least one way to reach the person, and
/// well-formed phone and e-mail.
pub fn validate(raw: &ContactInput) -> AppResult<ContactInput> {
    let t = |s: &str| s.trim().to_owned();
    let c = ContactInput {
        name: t(&raw.name),
        role: t(&raw.role),
        phone: t(&raw.phone),
        email: t(&raw.email),
        wechat: t(&raw.wechat),
        receives_statements: raw.receives_statements,
    };
    let mut errs = FieldErrors::default();
    if c.name.is_empty() {
        errs.push("name", ErrorCode::Required);
    }
    if c.phone.is_empty() && c.email.is_empty() && c.wechat.is_empty() {
        errs.push("phone", ErrorCode::ContactChannelRequired);
    }
    if !c.phone.is_empty() && !is_phone(&c.phone) {
        errs.push("phone", ErrorCode::PhoneFormat);
    }
    if !c.email.is_empty() && !is_email(&c.email) {
        errs.push("email", ErrorCode::EmailFormat);
    }
    if c.receives_statements && c.email.is_empty() {
        errs.push("email", ErrorCode::Required);
    }
    for (field, v) in [
        ("name", &c.name),
        ("role", &c.role),
        ("email", &c.email),
        ("wechat", &c.wechat),
    ] {
        crate::fields::printable(&mut errs, field, v);
    }
    errs.into_result()?;
    Ok(c)
}

type Field = fn(&ContactInput) -> &String;

/// Audit field names match the profile's contact fields, so the history reads alike.
fn changes(before: Option<&ContactInput>, after: Option<&ContactInput>) -> Vec<FieldChange> {
    let pick = |c: Option<&ContactInput>, f: Field| c.map(f).filter(|v| !v.is_empty()).cloned();
    let fields: [(&str, Field); 5] = [
        ("contact_name", |c| &c.name),
        ("contact_role", |c| &c.role),
        ("contact_phone", |c| &c.phone),
        ("contact_email", |c| &c.email),
        ("contact_wechat", |c| &c.wechat),
    ];
    let flag = |c: Option<&ContactInput>| {
        c.filter(|c| c.receives_statements)
            .map(|_| "receives statements".to_string())
    };
    fields
        .iter()
        .filter_map(|(name, f)| {
            let (b, a) = (pick(before, *f), pick(after, *f));
            (b != a).then(|| FieldChange {
                field: (*name).into(),
                before: b,
                after: a,
            })
        })
        .chain((flag(before) != flag(after)).then(|| FieldChange {
            field: "contact_receives_statements".into(),
            before: flag(before),
            after: flag(after),
        }))
        .collect()
}

pub async fn list<C: ConnectionTrait>(db: &C, distributor_id: i64) -> AppResult<Vec<Contact>> {
    Ok(contact::Entity::find()
        .filter(contact::Column::DistributorId.eq(distributor_id))
        .order_by_asc(contact::Column::Id)
        .all(db)
        .await?
        .into_iter()
        .map(Contact::from)
        .collect())
}

pub async fn save<C: ConnectionTrait + TransactionTrait>(
    db: &C,
    actor: &Actor,
    req: ContactSave,
) -> AppResult<Contact> {
    actor.require(Right::Channel)?;
    // A distributor outside the writer's scope is not theirs to change (nor to see).
    crate::scope::check(db, actor.access(), req.distributor_id).await?;
    let input = validate(&req.input)?;
    let txn = crate::db::write(db).await?;
    find_model(&txn, req.distributor_id).await?;
    let now = actor.now();
    let (model, action, diff) = match req.id {
        None => {
            let m = contact::ActiveModel {
                distributor_id: Set(req.distributor_id),
                name: Set(input.name.clone()),
                role: Set(input.role.clone()),
                phone: Set(input.phone.clone()),
                email: Set(input.email.clone()),
                wechat: Set(input.wechat.clone()),
                receives_statements: Set(input.receives_statements),
                created_at: Set(now),
                updated_at: Set(now),
                ..Default::default()
            }
            .insert(&txn)
            .await?;
            (m, "contact_add", changes(None, Some(&input)))
        }
        Some(id) => {
            let current = contact::Entity::find_by_id(id)
                .lock_exclusive()
                .one(&txn)
                .await?
                .filter(|c| c.distributor_id == req.distributor_id)
                .ok_or_else(|| AppError::not_found("contact", id))?;
            if let Some(base) = req.base.as_deref() {
                let trail = ("distributor", req.distributor_id);
                audit::unchanged_since(&txn, ("contact", id), trail, current.updated_at, base)
                    .await?;
            }
            let before = input_of(&current);
            let mut am: contact::ActiveModel = current.into();
            am.name = Set(input.name.clone());
            am.role = Set(input.role.clone());
            am.phone = Set(input.phone.clone());
            am.email = Set(input.email.clone());
            am.wechat = Set(input.wechat.clone());
            am.receives_statements = Set(input.receives_statements);
            am.updated_at = Set(now);
            let m = am.update(&txn).await?;
            (m, "contact_update", changes(Some(&before), Some(&input)))
        }
    };
    if !diff.is_empty() {
        audit::record(
            &txn,
            actor,
            "distributor",
            req.distributor_id,
            action,
            &diff,
        )
        .await?;
    }
    txn.commit().await?;
    Ok(model.into())
}

pub async fn remove<C: ConnectionTrait + TransactionTrait>(
    db: &C,
    actor: &Actor,
    id: i64,
) -> AppResult<()> {
    actor.require(Right::Channel)?;
    let txn = crate::db::write(db).await?;
    let current = contact::Entity::find_by_id(id)
        .one(&txn)
        .await?
        .ok_or_else(|| AppError::not_found("contact", id))?;
    // Someone with training records stays: their certificates name them.
    let trained = crate::entity::enrolment::Entity::find()
        .filter(crate::entity::enrolment::Column::ContactId.eq(id))
        .one(&txn)
        .await?;
    if trained.is_some() {
        return Err(AppError::field("contact", ErrorCode::ContactHasTraining));
    }
    contact::Entity::delete_by_id(id).exec(&txn).await?;
    let diff = changes(Some(&input_of(&current)), None);
    audit::record(
        &txn,
        actor,
        "distributor",
        current.distributor_id,
        "contact_remove",
        &diff,
    )
    .await?;
    txn.commit().await?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_contact_needs_a_name_and_a_way_to_reach_them() {
        let err = validate(&ContactInput::default()).unwrap_err();
        let AppError::Validation { fields } = err else {
            panic!()
        };
        let codes: Vec<_> = fields
            .iter()
            .map(|f| (f.field.as_str(), f.code.key()))
            .collect();
        assert_eq!(
            codes,
            [("name", "required"), ("phone", "contact_channel_required")]
        );
        let ok = validate(&ContactInput {
            name: " 赵敏 ".into(),
            wechat: "zm_wx".into(),
            ..Default::default()
        })
        .unwrap();
        assert_eq!(ok.name, "赵敏");
        assert!(validate(&ContactInput {
            name: "赵敏".into(),
            phone: "123".into(),
            ..Default::default()
        })
        .is_err());
    }
}
