use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "attachment")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub distributor_id: i64,
    pub kind: String,
    pub file_name: String,
    #[sea_orm(unique)]
    pub stored_name: String,
    pub size_bytes: i64,
    pub operator: String,
    pub added_at: DateTimeUtc,
    /// The visit the photo or file belongs to, if any.
    pub visit_id: Option<i64>,
    /// The statement run whose signed confirmation slip this is, if any.
    pub statement_run_id: Option<i64>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
