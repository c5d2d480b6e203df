use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "collection_call")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub distributor_id: i64,
    pub called_on: Date,
    /// Who was spoken to.
    pub contact: String,
    /// `phone`, `wechat`, `visit`, `email`, `letter` or `other`.
    pub channel: String,
    #[sea_orm(column_type = "Text")]
    pub note: String,
    /// A promise to pay this much (fen) by `promised_on`.
    pub promised_fen: Option<i64>,
    pub promised_on: Option<Date>,
    pub operator: String,
    pub created_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
