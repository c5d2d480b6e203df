//! Violations (违规记录): an incident of a distributor — cross-territory
//! selling (窜货), a price violation (乱价), late or missing customer records,
//! other kinds from Settings — with the points it takes off the quarter's
//! scorecard and, optionally, the rebate of any run whose period contains it
//! withheld. Records are append-only; a mistaken one is cancelled with a reason.
use std::collections::{HashMap, HashSet};

use chrono::NaiveDate;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, Set,
    TransactionSession, TransactionTrait,
};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::actor::Actor;
use crate::actor::Right;
use crate::audit::{self, FieldChange};
use crate::entity::{distributor, violation, violation_cancel};
use crate::error::{AppError, AppResult, ErrorCode, FieldError};

/// A kind of violation and the points it takes off by default.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ViolationKind {
    pub key: String,
    pub label_zh: String,
    pub label_en: String,
    pub points: u32,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ViolationSettings {
    pub kinds: Vec<ViolationKind>,
}

impl Default for ViolationSettings {
    fn default() -> Self {
        let kind = |key: &str, zh: &str, en: &str, points| ViolationKind {
            key: key.into(),
            label_zh: zh.into(),
            label_en: en.into(),
            points,
        };
        ViolationSettings {
            kinds: vec![
                kind("cross_territory", "窜货", "Cross-territory selling", 10),
                kind("price", "乱价", "Price violation", 10),
                kind(
                    "records",
                    "客户资料迟报或缺报",
                    "Late or missing customer records",
                    5,
                ),
                kind("other", "其他", "Other", 5),
            ],
        }
    }
}

const KEY_SETTINGS: &str = "violation_kinds";

pub async fn load_settings<C: ConnectionTrait>(db: &C) -> AppResult<ViolationSettings> {
    Ok(crate::settings::get_json(db, KEY_SETTINGS)
        .await?
        .unwrap_or_default())
}

pub async fn save_settings<C: ConnectionTrait + TransactionTrait>(
    db: &C,
    actor: &Actor,
    s: ViolationSettings,
) -> AppResult<ViolationSettings> {
    actor.require(Right::Settings)?;
    let mut fields = vec![];
    let mut keys = HashSet::new();
    for (i, k) in s.kinds.iter().enumerate() {
        let key_ok = !k.key.is_empty()
            && k.key.len() <= 40
            && k.key
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_');
        if !key_ok || !keys.insert(k.key.clone()) {
            fields.push(FieldError::new(
                &format!("kinds.{i}.key"),
                ErrorCode::StepKey,
            ));
        }
        if k.label_zh.trim().is_empty() || k.label_en.trim().is_empty() {
            fields.push(FieldError::new(
                &format!("kinds.{i}.label_zh"),
                ErrorCode::Required,
            ));
        }
        if k.points > 100 {
            fields.push(FieldError::new(
                &format!("kinds.{i}.points"),
                ErrorCode::OutOfRange,
            ));
        }
    }
    if s.kinds.is_empty() {
        fields.push(FieldError::new("kinds", ErrorCode::Required));
    }
    if !fields.is_empty() {
        return Err(AppError::Validation { fields });
    }
    let txn = crate::db::write(db).await?;
    let before = load_settings(&txn).await?;
    crate::settings::put_json(&txn, KEY_SETTINGS, &s).await?;
    let changes = audit::diff(Some(&before), &s, &[]);
    if !changes.is_empty() {
        audit::record(&txn, actor, "settings", 0, "violation_settings", &changes).await?;
    }
    txn.commit().await?;
    Ok(s)
}

#[derive(Debug, Clone, Default, Deserialize, TS)]
#[ts(export)]
pub struct ViolationInput {
    #[ts(type = "number")]
    pub distributor_id: i64,
    /// `YYYY-MM-DD`, not after today.
    pub occurred_on: String,
    pub kind: String,
    pub description: String,
    /// Points taken off (up to two decimals); empty: the kind's default.
    #[serde(default)]
    pub points: String,
    #[serde(default)]
    pub withhold_rebate: bool,
    /// The complaint it was recorded from, if any.
    #[serde(default)]
    #[ts(type = "number | null")]
    pub complaint_id: Option<i64>,
}

/// Which violations to list: one distributor's, or all.
#[derive(Debug, Clone, Default, Deserialize, TS)]
#[ts(export)]
pub struct ViolationQuery {
    #[serde(default)]
    #[ts(type = "number | null")]
    pub distributor_id: Option<i64>,
}

#[derive(Debug, Clone, Deserialize, TS)]
#[ts(export)]
pub struct ViolationCancelRequest {
    #[ts(type = "number")]
    pub id: i64,
    pub reason: String,
}

#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct Cancellation {
    pub reason: String,
    pub operator: String,
    pub at: String,
}

#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct Violation {
    #[ts(type = "number")]
    pub id: i64,
    #[ts(type = "number")]
    pub distributor_id: i64,
    pub distributor_code: String,
    pub distributor_name: String,
    pub occurred_on: String,
    pub kind: String,
    pub description: String,
    /// Points taken off, two decimals.
    pub points: String,
    pub withhold_rebate: bool,
    #[ts(type = "number | null")]
    pub complaint_id: Option<i64>,
    pub operator: String,
    pub recorded_at: String,
    pub cancelled: Option<Cancellation>,
}

/// `10`, `2.5`, `2.55` → hundredths; `None` past two decimals or out of 0–100.
fn parse_points(s: &str) -> Option<i64> {
    let s = s.trim();
    let (int, frac) = s.split_once('.').unwrap_or((s, ""));
    if int.is_empty()
        || frac.len() > 2
        || !int.chars().chain(frac.chars()).all(|c| c.is_ascii_digit())
    {
        return None;
    }
    let centi = int.parse::<i64>().ok()? * 100 + format!("{frac:0<2}").parse::<i64>().ok()?;
    (centi <= 10_000).then_some(centi)
}

/// Hundredths as `10.00`.
fn points_text(c: i64) -> String {
    format!("{}.{:02}", c / 100, c % 100)
}

fn to_dto(
    m: violation::Model,
    d: Option<&distributor::Model>,
    c: Option<&violation_cancel::Model>,
) -> Violation {
    Violation {
        id: m.id,
        distributor_id: m.distributor_id,
        distributor_code: d.map(|d| d.code.clone()).unwrap_or_default(),
        distributor_name: d.map(|d| d.name.clone()).unwrap_or_default(),
        occurred_on: m.occurred_on.to_string(),
        kind: m.kind,
        description: m.description,
        points: points_text(m.points_centi),
        withhold_rebate: m.withhold_rebate,
        complaint_id: m.complaint_id,
        operator: m.operator,
        recorded_at: m.created_at.to_rfc3339(),
        cancelled: c.map(|c| Cancellation {
            reason: c.reason.clone(),
            operator: c.operator.clone(),
            at: c.created_at.to_rfc3339(),
        }),
    }
}

/// A violation may come from a complaint of category cross-territory selling
/// (窜货), once: a second, unless the first was cancelled, is refused.
async fn from_complaint<C: ConnectionTrait>(txn: &C, complaint_id: i64) -> AppResult<()> {
    let c = crate::entity::complaint::Entity::find_by_id(complaint_id)
        .one(txn)
        .await?
        .ok_or_else(|| AppError::not_found("complaint", complaint_id))?;
    if c.category != "cross_territory" {
        return Err(AppError::Validation {
            fields: vec![FieldError::with_detail(
                "complaint_id",
                ErrorCode::InvalidChoice,
                &c.category,
            )],
        });
    }
    let earlier: Vec<i64> = violation::Entity::find()
        .filter(violation::Column::ComplaintId.eq(complaint_id))
        .all(txn)
        .await?
        .into_iter()
        .map(|v| v.id)
        .collect();
    let cancelled = violation_cancel::Entity::find()
        .filter(violation_cancel::Column::ViolationId.is_in(earlier.clone()))
        .all(txn)
        .await?
        .len();
    if earlier.len() > cancelled {
        return Err(AppError::Validation {
            fields: vec![FieldError::with_detail(
                "complaint_id",
                ErrorCode::Duplicate,
                &c.number,
            )],
        });
    }
    Ok(())
}

/// Records a violation (audited on the distributor).
pub async fn record<C: ConnectionTrait + TransactionTrait>(
    db: &C,
    actor: &Actor,
    input: &ViolationInput,
) -> AppResult<Violation> {
    actor.require(Right::Channel)?;
    // A distributor outside the writer's scope is not theirs to change (nor to see).
    crate::scope::check(db, actor.access(), input.distributor_id).await?;
    let settings = load_settings(db).await?;
    let mut fields = vec![];
    let date = match crate::dates::check_date(&input.occurred_on) {
        Err(code) => {
            fields.push(FieldError::new("occurred_on", code));
            None
        }
        Ok(d) if d > actor.today() => {
            fields.push(FieldError::new("occurred_on", ErrorCode::InFuture));
            Some(d)
        }
        Ok(d) => Some(d),
    };
    let kind = settings.kinds.iter().find(|k| k.key == input.kind);
    if kind.is_none() {
        fields.push(FieldError::with_detail(
            "kind",
            ErrorCode::InvalidChoice,
            &input.kind,
        ));
    }
    if input.description.trim().is_empty() {
        fields.push(FieldError::new("description", ErrorCode::Required));
    }
    fields.extend(crate::fields::printable_error(
        "description",
        &input.description,
    ));
    let points = if input.points.trim().is_empty() {
        kind.map(|k| i64::from(k.points) * 100)
    } else {
        let p = parse_points(&input.points);
        if p.is_none() {
            fields.push(FieldError::with_detail(
                "points",
                ErrorCode::OutOfRange,
                input.points.trim(),
            ));
        }
        p
    };
    if !fields.is_empty() {
        return Err(AppError::Validation { fields });
    }
    let (Some(date), Some(kind), Some(points)) = (date, kind, points) else {
        return Err(AppError::field("kind", ErrorCode::InvalidChoice));
    };
    let txn = crate::db::write(db).await?;
    let d = distributor::Entity::find_by_id(input.distributor_id)
        .one(&txn)
        .await?
        .ok_or_else(|| AppError::not_found("distributor", input.distributor_id))?;
    if let Some(cid) = input.complaint_id {
        from_complaint(&txn, cid).await?;
    }
    let m = violation::ActiveModel {
        distributor_id: Set(d.id),
        occurred_on: Set(date),
        kind: Set(kind.key.clone()),
        description: Set(input.description.trim().to_string()),
        points_centi: Set(points),
        withhold_rebate: Set(input.withhold_rebate),
        complaint_id: Set(input.complaint_id),
        operator: Set(actor.operator().to_string()),
        created_at: Set(actor.now()),
        ..Default::default()
    }
    .insert(&txn)
    .await?;
    audit::record(
        &txn,
        actor,
        "distributor",
        d.id,
        "violation",
        &[FieldChange {
            field: kind.key.clone(),
            before: None,
            after: Some(format!("{} {}", date, m.description)),
        }],
    )
    .await?;
    txn.commit().await?;
    Ok(to_dto(m, Some(&d), None))
}

/// Cancels a mistaken violation with a reason; the record stays.
pub async fn cancel<C: ConnectionTrait + TransactionTrait>(
    db: &C,
    actor: &Actor,
    req: &ViolationCancelRequest,
) -> AppResult<Violation> {
    actor.require(Right::Channel)?;
    if req.reason.trim().is_empty() {
        return Err(AppError::field("reason", ErrorCode::Required));
    }
    let txn = crate::db::write(db).await?;
    let m = violation::Entity::find_by_id(req.id)
        .one(&txn)
        .await?
        .ok_or_else(|| AppError::not_found("violation", req.id))?;
    if violation_cancel::Entity::find()
        .filter(violation_cancel::Column::ViolationId.eq(m.id))
        .one(&txn)
        .await?
        .is_some()
    {
        return Err(AppError::Conflict {
            field: "violation".into(),
            value: m.id.to_string(),
        });
    }
    let c = violation_cancel::ActiveModel {
        violation_id: Set(m.id),
        reason: Set(req.reason.trim().to_string()),
        operator: Set(actor.operator().to_string()),
        created_at: Set(actor.now()),
        ..Default::default()
    }
    .insert(&txn)
    .await?;
    audit::record(
        &txn,
        actor,
        "distributor",
        m.distributor_id,
        "violation_cancel",
        &[FieldChange {
            field: m.kind.clone(),
            before: Some(format!("{} {}", m.occurred_on, m.description)),
            after: Some(c.reason.clone()),
        }],
    )
    .await?;
    let d = distributor::Entity::find_by_id(m.distributor_id)
        .one(&txn)
        .await?;
    txn.commit().await?;
    Ok(to_dto(m, d.as_ref(), Some(&c)))
}

/// Violations, newest first: of one distributor, or all in `access`'s scope.
pub async fn list<C: ConnectionTrait>(
    db: &C,
    access: &crate::actor::Access,
    distributor_id: Option<i64>,
) -> AppResult<Vec<Violation>> {
    let mut q = violation::Entity::find()
        .filter(crate::scope::on(access, violation::Column::DistributorId))
        .order_by_desc(violation::Column::OccurredOn)
        .order_by_desc(violation::Column::Id);
    if let Some(id) = distributor_id {
        q = q.filter(violation::Column::DistributorId.eq(id));
    }
    let rows = q.all(db).await?;
    let cancels: HashMap<i64, violation_cancel::Model> = crate::db::find_in(
        db,
        violation_cancel::Entity::find(),
        violation_cancel::Column::ViolationId,
        rows.iter().map(|r| r.id),
    )
    .await?
    .into_iter()
    .map(|c| (c.violation_id, c))
    .collect();
    let dists = crate::distributor::models_by_id(db, rows.iter().map(|r| r.distributor_id)).await?;
    Ok(rows
        .into_iter()
        .map(|m| {
            let (d, c) = (dists.get(&m.distributor_id), cancels.get(&m.id));
            to_dto(m, d, c)
        })
        .collect())
}

/// Violations in force (not cancelled) dated in [from, to].
async fn in_force<C: ConnectionTrait>(
    db: &C,
    from: NaiveDate,
    to: NaiveDate,
) -> AppResult<Vec<violation::Model>> {
    let rows = violation::Entity::find()
        .filter(violation::Column::OccurredOn.between(from, to))
        .all(db)
        .await?;
    let cancelled: HashSet<i64> = crate::db::find_in(
        db,
        violation_cancel::Entity::find(),
        violation_cancel::Column::ViolationId,
        rows.iter().map(|r| r.id),
    )
    .await?
    .into_iter()
    .map(|c| c.violation_id)
    .collect();
    Ok(rows
        .into_iter()
        .filter(|r| !cancelled.contains(&r.id))
        .collect())
}

/// Points (hundredths) each distributor loses in [from, to].
pub async fn points_in<C: ConnectionTrait>(
    db: &C,
    from: NaiveDate,
    to: NaiveDate,
) -> AppResult<HashMap<i64, i64>> {
    let mut out: HashMap<i64, i64> = HashMap::new();
    for v in in_force(db, from, to).await? {
        let e = out.entry(v.distributor_id).or_default();
        *e = e.saturating_add(v.points_centi);
    }
    Ok(out)
}

/// Distributors whose rebate a run over [from, to] withholds.
pub async fn withheld_in<C: ConnectionTrait>(
    db: &C,
    from: NaiveDate,
    to: NaiveDate,
) -> AppResult<HashSet<i64>> {
    Ok(in_force(db, from, to)
        .await?
        .into_iter()
        .filter(|v| v.withhold_rebate)
        .map(|v| v.distributor_id)
        .collect())
}

#[cfg(test)]
mod tests {
    use super::parse_points;

    #[test]
    fn points_are_hundredths() {
        assert_eq!(parse_points("10"), Some(1000));
        assert_eq!(parse_points("2.5"), Some(250));
        assert_eq!(parse_points("0.05"), Some(5));
        assert_eq!(parse_points("100"), Some(10_000));
        assert_eq!(parse_points("100.01"), None);
        assert_eq!(parse_points("1.234"), None);
        assert_eq!(parse_points("-1"), None);
        assert_eq!(parse_points(""), None);
    }
}
