use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "reminder_state")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    /// The reminder's kind (`agreement_ending` …).
    pub kind: String,
    /// Its record (agreement, certificate, step, complaint …).
    pub ref_id: i64,
    /// Its due date as the reminder gives it (`YYYY-MM-DD`, or empty).
    pub due_on: String,
    /// `snoozed` or `handled`.
    pub state: String,
    /// Snoozed until this day (it is back on it).
    pub until: Option<Date>,
    #[sea_orm(column_type = "Text")]
    pub note: String,
    pub operator: String,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
