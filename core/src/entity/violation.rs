use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "violation")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub distributor_id: i64,
    pub occurred_on: Date,
    pub kind: String,
    #[sea_orm(column_type = "Text")]
    pub description: String,
    pub points_centi: i64,
    pub withhold_rebate: bool,
    pub complaint_id: Option<i64>,
    pub operator: String,
    pub created_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
