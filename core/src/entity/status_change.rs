use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "status_change")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub distributor_id: i64,
    pub from_status: String,
    pub to_status: String,
    pub effective_date: Date,
    pub operator: String,
    pub reason: String,
    pub created_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
