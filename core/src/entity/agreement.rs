use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "agreement")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub number: String,
    pub version: i32,
    pub previous_id: Option<i64>,
    pub kind: String,
    pub distributor_id: i64,
    pub status: String,
    #[sea_orm(column_type = "Text")]
    pub territory_json: String,
    pub exclusive: bool,
    pub term_start: Date,
    pub term_end: Date,
    pub payment_days: i32,
    pub payment_method: String,
    pub credit_limit_fen: i64,
    pub discount_bp: i32,
    pub buyback_bp: i32,
    #[sea_orm(column_type = "Text")]
    pub targets_json: String,
    #[sea_orm(column_type = "Text")]
    pub ladder_json: String,
    #[sea_orm(column_type = "Text")]
    pub special_clauses: String,
    pub signed_date: Option<Date>,
    pub scan_name: String,
    pub terminated_date: Option<Date>,
    #[sea_orm(column_type = "Text")]
    pub termination_reason: String,
    pub created_at: DateTimeUtc,
    pub created_by: String,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
