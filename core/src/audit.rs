//! The append-only audit trail. Every service write calls `record` inside its
//! own transaction, so an entry exists exactly when the change does.
use crate::actor::Actor;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, Set,
};
use serde::Serialize;
use serde_json::Value;
use ts_rs::TS;

use crate::entity::audit_entry;
use crate::error::{AppError, AppResult};
use crate::paging::{Page, Paging};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, serde::Deserialize, TS)]
#[ts(export)]
pub struct FieldChange {
    pub field: String,
    pub before: Option<String>,
    pub after: Option<String>,
}

#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct AuditEntry {
    #[ts(type = "number")]
    pub id: i64,
    pub at: String,
    pub operator: String,
    pub entity: String,
    #[ts(type = "number")]
    pub entity_id: i64,
    pub action: String,
    pub changes: Vec<FieldChange>,
}

fn scalar(v: &Value) -> Option<String> {
    match v {
        Value::Null => None,
        Value::String(s) => Some(s.clone()),
        other => Some(other.to_string()),
    }
}

/// Field-level differences between two serialisable snapshots (top-level keys).
/// `before = None` lists every non-empty field of `after` (a creation).
pub fn diff<T: Serialize>(before: Option<&T>, after: &T, skip: &[&str]) -> Vec<FieldChange> {
    let after = serde_json::to_value(after).unwrap_or(Value::Null);
    let before = before
        .and_then(|b| serde_json::to_value(b).ok())
        .unwrap_or(Value::Null);
    let Value::Object(a) = after else {
        return vec![];
    };
    let mut out = vec![];
    for (k, av) in a {
        if skip.contains(&k.as_str()) {
            continue;
        }
        let bv = before.get(&k).cloned().unwrap_or(Value::Null);
        if bv != av {
            let after = scalar(&av);
            let before = scalar(&bv);
            if before.is_none() && after.as_deref().is_none_or(str::is_empty) {
                continue;
            }
            out.push(FieldChange {
                field: k,
                before,
                after,
            });
        }
    }
    out
}

pub async fn record<C: ConnectionTrait>(
    db: &C,
    actor: &Actor,
    entity: &str,
    entity_id: i64,
    action: &str,
    changes: &[FieldChange],
) -> AppResult<()> {
    audit_entry::ActiveModel {
        at: Set(actor.now()),
        operator: Set(actor.operator().to_owned()),
        entity: Set(entity.to_owned()),
        entity_id: Set(entity_id),
        action: Set(action.to_owned()),
        changes_json: Set(serde_json::to_string(changes).unwrap_or_else(|_| "[]".into())),
        ..Default::default()
    }
    .insert(db)
    .await?;
    Ok(())
}

/// The newest entry of the trail: every write leaves one, so a window that
/// sees this number change knows another user (or program) wrote, and reads
/// its lists again. One indexed read (`MAX(id)`); 0 before any write.
pub async fn last_id<C: ConnectionTrait>(db: &C) -> AppResult<i64> {
    use sea_orm::QuerySelect;
    let max: Option<Option<i64>> = audit_entry::Entity::find()
        .select_only()
        .column_as(audit_entry::Column::Id.max(), "m")
        .into_tuple()
        .one(db)
        .await?;
    Ok(max.flatten().unwrap_or(0))
}

/// Optimistic concurrency: a save based on the version of a record read at
/// `base` (its `updated_at` as the form got it) goes ahead only if the record
/// still has that version; otherwise `edit_conflict`, naming who wrote last
/// (the newest entry of the record's trail) and when.
/// `trail` is the record whose trail holds the record's changes (a contact's
/// are on its distributor's).
pub async fn unchanged_since<C: ConnectionTrait>(
    db: &C,
    (entity, id): (&str, i64),
    trail: (&str, i64),
    stored: chrono::DateTime<chrono::Utc>,
    base: &str,
) -> AppResult<()> {
    if stored.to_rfc3339() == base.trim() {
        return Ok(());
    }
    let last = audit_entry::Entity::find()
        .filter(audit_entry::Column::Entity.eq(trail.0))
        .filter(audit_entry::Column::EntityId.eq(trail.1))
        .order_by_desc(audit_entry::Column::Id)
        .one(db)
        .await?;
    Err(AppError::EditConflict {
        entity: entity.into(),
        id: id.to_string(),
        by: last.map(|e| e.operator).unwrap_or_default(),
        at: stored.to_rfc3339(),
    })
}

/// One page of a record's trail, newest first.
pub async fn list<C: ConnectionTrait>(
    db: &C,
    entity: &str,
    entity_id: i64,
    paging: Paging,
) -> AppResult<Page<AuditEntry>> {
    let of_record = audit_entry::Entity::find()
        .filter(audit_entry::Column::Entity.eq(entity))
        .filter(audit_entry::Column::EntityId.eq(entity_id));
    let newest_first =
        |s: sea_orm::Select<audit_entry::Entity>| s.order_by_desc(audit_entry::Column::Id);
    let (rows, total) = crate::paging::fetch(db, of_record, newest_first, paging).await?;
    Ok(Page {
        rows: rows
            .into_iter()
            .map(|r| {
                let stored = crate::stored::Record::new("audit_entry", r.id);
                Ok(AuditEntry {
                    id: r.id,
                    at: r.at.to_rfc3339(),
                    changes: stored.json("changes_json", &r.changes_json)?,
                    operator: r.operator,
                    entity: r.entity,
                    entity_id: r.entity_id,
                    action: r.action,
                })
            })
            .collect::<AppResult<_>>()?,
        total,
    })
}

#[derive(Debug, Clone, serde::Deserialize, TS)]
#[ts(export)]
pub struct AuditQuery {
    pub entity: String,
    #[ts(type = "number")]
    pub entity_id: i64,
    #[serde(flatten, default)]
    pub paging: Paging,
}
