use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "visit")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub distributor_id: i64,
    /// `visit` or `review` (a quarterly business review).
    pub kind: String,
    /// For a review: the quarter it reviews (`2026Q3`); else empty.
    pub quarter: String,
    pub planned_on: Option<Date>,
    pub visited_on: Option<Date>,
    #[sea_orm(column_type = "Text")]
    pub visitors: String,
    #[sea_orm(column_type = "Text")]
    pub met: String,
    #[sea_orm(column_type = "Text")]
    pub findings: String,
    pub operator: String,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
