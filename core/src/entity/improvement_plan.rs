use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "improvement_plan")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub distributor_id: i64,
    pub quarter: String,
    #[sea_orm(column_type = "Text")]
    pub actions: String,
    pub owner: String,
    pub due_on: Date,
    #[sea_orm(column_type = "Text")]
    pub outcome: String,
    pub closed_on: Option<Date>,
    pub operator: String,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
