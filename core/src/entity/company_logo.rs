use sea_orm::entity::prelude::*;

/// The company's logo: at most one row (see `crate::logo`).
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "company_logo")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    /// The picture as PNG, scaled to fit the header (see `logo::MAX_PX`).
    pub png: Vec<u8>,
    pub width: i64,
    pub height: i64,
    /// SHA-256 of `png`, hex.
    pub sha256: String,
    pub updated_at: DateTimeUtc,
    pub updated_by: String,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
