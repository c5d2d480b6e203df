use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "scorecard_quarter")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub quarter: String,
    pub baseline: i32,
    pub operator: String,
    pub finalised_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
