use sea_orm::entity::prelude::*;

/// A user who logs in (see `crate::users`).
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "app_user")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    #[sea_orm(unique)]
    pub login: String,
    pub display_name: String,
    /// Argon2id, PHC string format.
    pub password_hash: String,
    /// Role keys, comma-separated.
    pub roles: String,
    /// `all`, `region` or `own`.
    pub scope_kind: String,
    pub scope_region: String,
    pub disabled: bool,
    pub failed_logins: i64,
    pub locked_until: Option<DateTimeUtc>,
    pub password_changed_at: DateTimeUtc,
    pub created_at: DateTimeUtc,
    pub created_by: String,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
