use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "ledger_entry")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub distributor_id: i64,
    pub entry_date: Date,
    pub doc_no: String,
    pub kind: String,
    /// Fen. Positive for every kind but `adjustment`, which is signed.
    pub amount_fen: i64,
    pub description: String,
    pub fapiao_no: String,
    pub due_date: Date,
    pub reverses_id: Option<i64>,
    pub created_at: DateTimeUtc,
    pub created_by: String,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
