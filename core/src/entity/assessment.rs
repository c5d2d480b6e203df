use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "assessment")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub distributor_id: i64,
    pub assessed_on: Date,
    pub assessor: String,
    /// The criteria as they were weighted when scored, with the scores.
    #[sea_orm(column_type = "Text")]
    pub scores_json: String,
    /// Weighted total × 100, rounded half up.
    pub total_centi: i64,
    pub recommended_tier: String,
    #[sea_orm(column_type = "Text")]
    pub site_visit_notes: String,
    pub decision: String,
    pub created_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
