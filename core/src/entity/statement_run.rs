use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "statement_run")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub distributor_id: i64,
    pub period_from: Date,
    pub period_to: Date,
    /// The statement's closing balance, fen.
    pub closing_fen: i64,
    pub lang: String,
    /// The PDF written, if it was written to a file.
    pub file: String,
    /// `file`, `print`, `batch` or `email`.
    pub issued_via: String,
    /// The office's date it was issued.
    pub issued_on: Date,
    /// When the e-mail went out; `None` while not sent.
    pub sent_at: Option<DateTimeUtc>,
    /// The addresses it was sent to, comma-separated.
    pub sent_to: String,
    /// `no_answer`, `confirmed` or `disputed`.
    pub confirm_status: String,
    pub confirmed_on: Option<Date>,
    pub confirmed_by: String,
    /// A disputed statement: the balance the distributor claims, fen.
    pub claimed_fen: Option<i64>,
    #[sea_orm(column_type = "Text")]
    pub confirm_note: String,
    pub operator: String,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
