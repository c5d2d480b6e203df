//! The distributor list: search as you type, filters, sorting, paging.
use sea_orm::{
    ColumnTrait, Condition, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder,
    QuerySelect, Select,
};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::{Distributor, Status, Tier};
use crate::entity::distributor::{self, Column};
use crate::error::AppResult;

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum SortField {
    #[default]
    Code,
    Name,
    Tier,
    Status,
    Province,
    CreditLimit,
    UpdatedAt,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize, TS)]
#[serde(default)]
#[ts(export)]
pub struct DistributorQuery {
    /// Matches name, short name, code, USCC, contact name and phone.
    pub search: String,
    pub tier: Option<Tier>,
    pub status: Option<Status>,
    /// Matches the province or the named sales region.
    pub province: Option<String>,
    pub sort: SortField,
    pub descending: bool,
    #[ts(type = "number")]
    pub offset: u64,
    /// 0 means every row (exports).
    #[ts(type = "number")]
    pub limit: u64,
}

#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct DistributorPage {
    pub rows: Vec<Distributor>,
    #[ts(type = "number")]
    pub total: u64,
}

fn filtered(q: &DistributorQuery) -> Select<distributor::Entity> {
    let mut sel = distributor::Entity::find();
    let term = q.search.trim();
    if !term.is_empty() {
        let upper = term.to_uppercase();
        sel = sel.filter(
            Condition::any()
                .add(Column::Name.contains(term))
                .add(Column::ShortName.contains(term))
                .add(Column::Code.contains(&upper))
                .add(Column::Uscc.contains(&upper))
                .add(Column::ContactName.contains(term))
                .add(Column::ContactPhone.contains(term)),
        );
    }
    if let Some(t) = q.tier {
        sel = sel.filter(Column::Tier.eq(t.key()));
    }
    if let Some(s) = q.status {
        sel = sel.filter(Column::Status.eq(s.key()));
    }
    if let Some(p) = q
        .province
        .as_deref()
        .map(str::trim)
        .filter(|p| !p.is_empty())
    {
        sel = sel.filter(
            Condition::any()
                .add(Column::Province.eq(p))
                .add(Column::Region.eq(p)),
        );
    }
    sel
}

fn sorted(sel: Select<distributor::Entity>, q: &DistributorQuery) -> Select<distributor::Entity> {
    let col = match q.sort {
        SortField::Code => Column::Code,
        SortField::Name => Column::Name,
        SortField::Tier => Column::Tier,
        SortField::Status => Column::Status,
        SortField::Province => Column::Province,
        SortField::CreditLimit => Column::CreditLimitFen,
        SortField::UpdatedAt => Column::UpdatedAt,
    };
    let sel = if q.descending {
        sel.order_by_desc(col)
    } else {
        sel.order_by_asc(col)
    };
    sel.order_by_asc(Column::Id)
}

pub async fn list<C: ConnectionTrait>(db: &C, q: &DistributorQuery) -> AppResult<DistributorPage> {
    // Counting needs no ORDER BY: sorting every match only to count it is wasted work.
    let total = filtered(q).count(db).await?;
    let sel = sorted(filtered(q), q);
    // SQLite accepts OFFSET only after a LIMIT.
    let page = match (q.limit, q.offset) {
        (0, 0) => sel,
        (0, off) => sel.offset(off).limit(i64::MAX as u64),
        (lim, off) => sel.offset(off).limit(lim),
    };
    let rows = page
        .all(db)
        .await?
        .into_iter()
        .map(Distributor::from)
        .collect();
    Ok(DistributorPage { rows, total })
}

/// Distinct provinces and regions in use, for the filter drop-down.
pub async fn territories<C: ConnectionTrait>(db: &C) -> AppResult<Vec<String>> {
    let mut out: Vec<String> = vec![];
    for col in [Column::Province, Column::Region] {
        let vals: Vec<String> = distributor::Entity::find()
            .select_only()
            .column(col)
            .distinct()
            .into_tuple()
            .all(db)
            .await?;
        out.extend(vals.into_iter().filter(|v| !v.is_empty()));
    }
    out.sort();
    out.dedup();
    Ok(out)
}
