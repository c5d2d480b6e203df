//! The complaint lists: all, late and at risk (least time left first), and the
//! knowledge base of resolved cases, with full-text search and filters.
use chrono::{DateTime, Utc};
use sea_orm::{ColumnTrait, Condition, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::{events_of, sla, to_dto, Clocks, Complaint, ComplaintStatus, Priority};
use crate::entity::{complaint, complaint_event, distributor};
use crate::error::AppResult;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS, Default)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum ComplaintView {
    /// Every complaint, newest first.
    #[default]
    All,
    /// Open complaints at risk or breached, least time left first.
    Late,
    /// Resolved, verified and closed: the knowledge base.
    Knowledge,
}

#[derive(Debug, Clone, Default, Deserialize, TS)]
#[ts(export)]
pub struct ComplaintQuery {
    pub view: ComplaintView,
    /// Full text over number, description, product, resolution and root cause note.
    pub search: String,
    pub status: Option<ComplaintStatus>,
    pub category: String,
    pub priority: Option<Priority>,
    #[ts(type = "number | null")]
    pub distributor_id: Option<i64>,
}

pub async fn list<C: ConnectionTrait>(
    db: &C,
    q: &ComplaintQuery,
    now: DateTime<Utc>,
) -> AppResult<Vec<Complaint>> {
    let clocks = Clocks::load(db).await?;
    let mut sel = complaint::Entity::find();
    let s = q.search.trim();
    if !s.is_empty() {
        let mut any = Condition::any();
        for col in [
            complaint::Column::Number,
            complaint::Column::Description,
            complaint::Column::Product,
            complaint::Column::Resolution,
            complaint::Column::RootCauseNote,
            complaint::Column::BatchNo,
        ] {
            any = any.add(col.contains(s));
        }
        sel = sel.filter(any);
    }
    if let Some(st) = q.status {
        sel = sel.filter(complaint::Column::Status.eq(st.key()));
    }
    if !q.category.trim().is_empty() {
        sel = sel.filter(complaint::Column::Category.eq(q.category.trim()));
    }
    if let Some(p) = q.priority {
        sel = sel.filter(complaint::Column::Priority.eq(p.key()));
    }
    if let Some(d) = q.distributor_id {
        sel = sel.filter(complaint::Column::DistributorId.eq(d));
    }
    match q.view {
        ComplaintView::Knowledge => {
            sel = sel.filter(complaint::Column::Status.is_in(["resolved", "verified", "closed"]));
        }
        ComplaintView::Late => {
            sel =
                sel.filter(complaint::Column::Status.is_not_in(["resolved", "verified", "closed"]));
        }
        ComplaintView::All => {}
    }
    let rows = sel
        .order_by_desc(complaint::Column::ReceivedAt)
        .order_by_desc(complaint::Column::Id)
        .all(db)
        .await?;
    let ids: Vec<i64> = rows.iter().map(|r| r.id).collect();
    let mut by_complaint: std::collections::HashMap<i64, Vec<complaint_event::Model>> =
        std::collections::HashMap::new();
    for e in events_of(db, &ids).await? {
        by_complaint.entry(e.complaint_id).or_default().push(e);
    }
    let dist_ids: Vec<i64> = rows.iter().map(|r| r.distributor_id).collect();
    let dists: std::collections::HashMap<i64, distributor::Model> =
        crate::distributor::models_by_id(db, dist_ids).await?;
    let mut out: Vec<Complaint> = rows
        .into_iter()
        .map(|m| {
            let ev = by_complaint.remove(&m.id).unwrap_or_default();
            let d = dists.get(&m.distributor_id);
            to_dto(m, &ev, d, &clocks, now)
        })
        .collect();
    if q.view == ComplaintView::Late {
        out.retain(|c| c.sla.escalation_level > 0);
        out.sort_by_key(time_left);
    }
    Ok(out)
}

/// Seconds left on the most urgent running clock (negative when overdue).
pub fn time_left(c: &Complaint) -> i64 {
    [&c.sla.first_response, &c.sla.resolution]
        .iter()
        .filter(|k| !matches!(k.state, sla::ClockState::Met | sla::ClockState::Missed))
        .map(|k| k.remaining_secs)
        .min()
        .unwrap_or(i64::MAX)
}
