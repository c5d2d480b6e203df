//! The complaint lists: all, late and at risk (least time left first), and the
//! knowledge base of resolved cases, with full-text search and filters.
use std::collections::HashMap;

use chrono::{DateTime, Utc};
use sea_orm::{
    ColumnTrait, Condition, ConnectionTrait, DbBackend, EntityTrait, QueryFilter, QueryOrder,
    Select,
};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::{events_of, sla, to_dto, Clocks, Complaint, ComplaintStatus, Priority};
use crate::entity::{complaint, complaint_event, distributor};
use crate::error::AppResult;
use crate::paging::{self, Page, Paging};

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
#[serde(default)]
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
    #[serde(flatten)]
    pub paging: Paging,
}

/// The complaints the filters and the view select, before paging.
fn filtered(q: &ComplaintQuery, backend: DbBackend) -> Select<complaint::Entity> {
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
            any = any.add(paging::contains(backend, col, s));
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
    let closed = ["resolved", "verified", "closed"];
    match q.view {
        ComplaintView::Knowledge => sel.filter(complaint::Column::Status.is_in(closed)),
        ComplaintView::Late => sel.filter(complaint::Column::Status.is_not_in(closed)),
        ComplaintView::All => sel,
    }
}

fn newest_first(sel: Select<complaint::Entity>) -> Select<complaint::Entity> {
    sel.order_by_desc(complaint::Column::ReceivedAt)
        .order_by_desc(complaint::Column::Id)
}

/// One page of complaints, newest first, filtered and paged in SQL. The late
/// view sorts by working time left, which SQL cannot compute: it reads the
/// open complaints only, computes their clocks and pages the result.
pub async fn list<C: ConnectionTrait>(
    db: &C,
    access: &crate::actor::Access,
    q: &ComplaintQuery,
    now: DateTime<Utc>,
) -> AppResult<Page<Complaint>> {
    let clocks = Clocks::load(db).await?;
    let backend = db.get_database_backend();
    // Only the complaints of distributors in the reader's scope.
    let filtered = |q: &ComplaintQuery| {
        filtered(q, backend).filter(crate::scope::on(access, complaint::Column::DistributorId))
    };
    if q.view == ComplaintView::Late {
        let open = newest_first(filtered(q)).all(db).await?;
        let mut late = with_clocks(db, open, &clocks, now).await?;
        late.retain(|c| c.sla.escalation_level > 0);
        late.sort_by_key(time_left);
        let mut page = Page::of_all(late, q.paging);
        // Only the page shown needs its distributors.
        name_distributors(db, &mut page.rows).await?;
        return Ok(page);
    }
    let (rows, total) = paging::fetch(db, filtered(q), newest_first, q.paging).await?;
    let mut rows = with_clocks(db, rows, &clocks, now).await?;
    name_distributors(db, &mut rows).await?;
    Ok(Page { rows, total })
}

/// The complaints with their clocks, read from their events (distributors
/// not yet named).
async fn with_clocks<C: ConnectionTrait>(
    db: &C,
    rows: Vec<complaint::Model>,
    clocks: &Clocks,
    now: DateTime<Utc>,
) -> AppResult<Vec<Complaint>> {
    let ids: Vec<i64> = rows.iter().map(|r| r.id).collect();
    let mut by_complaint: HashMap<i64, Vec<complaint_event::Model>> = HashMap::new();
    for e in events_of(db, &ids).await? {
        by_complaint.entry(e.complaint_id).or_default().push(e);
    }
    rows.into_iter()
        .map(|m| {
            let ev = by_complaint.remove(&m.id).unwrap_or_default();
            to_dto(m, &ev, None, clocks, now)
        })
        .collect()
}

/// Fills in each complaint's distributor code and name.
async fn name_distributors<C: ConnectionTrait>(db: &C, rows: &mut [Complaint]) -> AppResult<()> {
    let dists: HashMap<i64, distributor::Model> =
        crate::distributor::models_by_id(db, rows.iter().map(|r| r.distributor_id)).await?;
    for c in rows {
        if let Some(d) = dists.get(&c.distributor_id) {
            c.distributor_code.clone_from(&d.code);
            c.distributor_name.clone_from(&d.name);
        }
    }
    Ok(())
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
