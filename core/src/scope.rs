//! What a reader sees: the distributors of the user's `Scope` (all, one sales
//! region, or the ones they are the responsible manager of) and every record
//! that belongs to one of them. Lists, the dashboard, reminders and exports
//! filter by `on` (a condition on the record's distributor column) or
//! `distributors` (on the distributor table itself); one record asked for by
//! id is `check`ed, and one outside the scope is not found, as if it did not
//! exist. An office without users, and a user whose scope is all, see all.
use sea_orm::sea_query::{Query, SelectStatement};
use sea_orm::{
    ColumnTrait, Condition, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter, QuerySelect,
};

use crate::actor::{Access, Scope};
use crate::entity::distributor;
use crate::error::{AppError, AppResult};

/// The scope as a condition on the distributor table; `None` when it holds every distributor.
pub fn distributors(access: &Access) -> Option<Condition> {
    let user = access.user()?;
    match &user.scope {
        Scope::All => None,
        Scope::Region { region } => {
            Some(Condition::all().add(distributor::Column::Region.eq(region.as_str())))
        }
        Scope::Own => Some(Condition::all().add(distributor::Column::ManagerId.eq(user.id))),
    }
}

/// The ids of the distributors in scope, for a sub-select.
pub fn ids(access: &Access) -> Option<SelectStatement> {
    distributors(access).map(|c| {
        Query::select()
            .column(distributor::Column::Id)
            .from(distributor::Entity)
            .cond_where(c)
            .to_owned()
    })
}

/// A condition on `column`, a distributor id of another table: the record
/// belongs to a distributor in scope. Always true for a scope of all.
pub fn on(access: &Access, column: impl ColumnTrait) -> Condition {
    match ids(access) {
        None => Condition::all(),
        Some(ids) => Condition::all().add(column.in_subquery(ids)),
    }
}

/// Whether distributor `id` is in scope.
pub async fn holds<C: ConnectionTrait>(db: &C, access: &Access, id: i64) -> AppResult<bool> {
    let Some(c) = distributors(access) else {
        return Ok(true);
    };
    Ok(distributor::Entity::find_by_id(id)
        .filter(c)
        .count(db)
        .await?
        > 0)
}

/// Refused as not found unless distributor `id` is in scope: a record outside
/// it is not shown, nor said to exist.
pub async fn check<C: ConnectionTrait>(db: &C, access: &Access, id: i64) -> AppResult<()> {
    if holds(db, access, id).await? {
        Ok(())
    } else {
        Err(AppError::not_found("distributor", id))
    }
}

/// Whether a distributor row (already read) is in scope.
pub fn holds_model(access: &Access, m: &distributor::Model) -> bool {
    match access.user() {
        None => true,
        Some(u) => match &u.scope {
            Scope::All => true,
            Scope::Region { region } => m.region == *region,
            Scope::Own => m.manager_id == Some(u.id),
        },
    }
}

/// The ids of the distributors in scope, for lists built in memory; `None`
/// when the scope holds every distributor.
pub async fn visible<C: ConnectionTrait>(
    db: &C,
    access: &Access,
) -> AppResult<Option<std::collections::HashSet<i64>>> {
    let Some(c) = distributors(access) else {
        return Ok(None);
    };
    let ids: Vec<i64> = distributor::Entity::find()
        .select_only()
        .column(distributor::Column::Id)
        .filter(c)
        .into_tuple()
        .all(db)
        .await?;
    Ok(Some(ids.into_iter().collect()))
}

/// Whether `id` is in a `visible` set.
pub fn shows(visible: &Option<std::collections::HashSet<i64>>, id: i64) -> bool {
    visible.as_ref().is_none_or(|v| v.contains(&id))
}
