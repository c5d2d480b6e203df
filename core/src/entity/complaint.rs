use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "complaint")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    #[sea_orm(unique)]
    pub number: String,
    pub distributor_id: i64,
    pub channel: String,
    pub product: String,
    pub batch_no: String,
    pub category: String,
    pub priority: String,
    pub description: String,
    pub assignee: String,
    pub status: String,
    pub resolution: String,
    pub root_cause: String,
    pub root_cause_note: String,
    pub satisfaction: Option<i32>,
    pub received_at: DateTimeUtc,
    pub created_at: DateTimeUtc,
    pub created_by: String,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
