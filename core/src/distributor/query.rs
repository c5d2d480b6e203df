//! The distributor list: search as you type, filters, sorting, paging.
use sea_orm::sea_query::{Query, SelectStatement};
use sea_orm::{
    ColumnTrait, Condition, ConnectionTrait, DbBackend, EntityTrait, QueryFilter, QueryOrder,
    QuerySelect, Select,
};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::{Distributor, Status, Tier};
use crate::actor::Access;
use crate::entity::distributor::{self, Column};
use crate::error::AppResult;
use crate::paging::{self, Page, Paging};

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
    #[serde(flatten)]
    pub paging: Paging,
}

pub type DistributorPage = Page<Distributor>;

fn filtered(
    access: &Access,
    q: &DistributorQuery,
    backend: DbBackend,
) -> Select<distributor::Entity> {
    let mut sel = distributor::Entity::find();
    if let Some(scope) = crate::scope::distributors(access) {
        sel = sel.filter(scope);
    }
    let term = q.search.trim();
    if !term.is_empty() {
        let mut any = Condition::any();
        for col in [
            Column::Name,
            Column::ShortName,
            Column::Code,
            Column::Uscc,
            Column::ContactName,
            Column::ContactPhone,
        ] {
            any = any.add(paging::contains(backend, col, term));
        }
        sel = sel.filter(any);
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

/// The distributors in `access`'s scope that match `q`, one page.
pub async fn list<C: ConnectionTrait>(
    db: &C,
    access: &Access,
    q: &DistributorQuery,
) -> AppResult<DistributorPage> {
    let filtered = filtered(access, q, db.get_database_backend());
    let (rows, total) = paging::fetch(db, filtered, |s| sorted(s, q), q.paging).await?;
    Ok(Page {
        rows: rows
            .into_iter()
            .map(Distributor::try_from)
            .collect::<AppResult<_>>()?,
        total,
    })
}

/// The ids of the distributors whose code, name or short name contains
/// `text`: for the lists of other records searched by their distributor.
pub fn ids_matching(backend: DbBackend, text: &str) -> SelectStatement {
    Query::select()
        .column(Column::Id)
        .from(distributor::Entity)
        .cond_where(
            Condition::any()
                .add(paging::contains(backend, Column::Code, text))
                .add(paging::contains(backend, Column::Name, text))
                .add(paging::contains(backend, Column::ShortName, text)),
        )
        .to_owned()
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
