use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "distributor")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    #[sea_orm(unique)]
    pub code: String,
    pub name: String,
    pub short_name: String,
    #[sea_orm(unique)]
    pub uscc: String,
    pub legal_representative: String,
    pub contact_name: String,
    pub contact_role: String,
    pub contact_phone: String,
    pub contact_email: String,
    pub contact_wechat: String,
    pub province: String,
    pub city: String,
    pub county: String,
    pub region: String,
    pub address: String,
    pub bank_name: String,
    pub bank_account: String,
    pub payment_terms_days: i32,
    pub credit_limit_fen: i64,
    pub tier: String,
    pub status: String,
    pub notes: String,
    /// The responsible manager (`app_user.id`), if any.
    pub manager_id: Option<i64>,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
