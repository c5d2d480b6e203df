use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "certificate")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    #[sea_orm(unique)]
    pub number: String,
    pub enrolment_id: i64,
    pub contact_id: i64,
    pub distributor_id: i64,
    pub course_id: i64,
    pub person_name: String,
    pub issue_date: Date,
    pub expiry_date: Option<Date>,
    pub revoked_on: Option<Date>,
    #[sea_orm(column_type = "Text")]
    pub revoke_reason: String,
    pub revoked_by: String,
    pub created_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
