//! Distributor records (经销商档案): profile, lifecycle, tiers and the list.
pub mod assessments;
pub mod contacts;
pub(crate) mod lifecycle;
mod query;
pub mod transfer;
mod validate;
mod write;

pub use lifecycle::{change_tier, transition, TierChangeRequest, TransitionRequest};
pub use query::{ids_matching, list, territories, DistributorPage, DistributorQuery, SortField};
pub use validate::{is_phone, validate_input, ValidInput};
pub use write::{
    assign_manager, create, get, get_by_code, next_code, update, update_from, DistributorDetail,
    StatusChange, TierChange,
};

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::entity::distributor;
use crate::money::Money;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS, Default)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum Tier {
    Strategic,
    Core,
    #[default]
    Basic,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS, Default)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum Status {
    #[default]
    Applicant,
    UnderReview,
    Approved,
    Rejected,
    Active,
    Suspended,
    Terminated,
}

macro_rules! key_enum {
    ($t:ty, $($v:ident => $k:literal / $zh:literal),+ $(,)?) => {
        impl $t {
            pub const ALL: &'static [$t] = &[$(<$t>::$v),+];
            pub fn key(self) -> &'static str { match self { $(<$t>::$v => $k),+ } }
            pub fn label_zh(self) -> &'static str { match self { $(<$t>::$v => $zh),+ } }
            pub fn label_en(self) -> &'static str { match self { $(<$t>::$v => stringify!($v)),+ } }
            /// Accepts the key or the Chinese label (as the zh-CN export writes it).
            pub fn parse(s: &str) -> Option<$t> {
                let s = s.trim();
                Self::ALL.iter().copied().find(|v| v.key().eq_ignore_ascii_case(s) || v.label_zh() == s)
            }
        }
        impl std::fmt::Display for $t {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result { f.write_str(self.key()) }
        }
    };
}

key_enum!(Tier,
    Strategic => "strategic" / "战略",
    Core => "core" / "核心",
    Basic => "basic" / "基础",
);

key_enum!(Status,
    Applicant => "applicant" / "申请中",
    UnderReview => "under_review" / "审核中",
    Approved => "approved" / "已批准",
    Rejected => "rejected" / "已拒绝",
    Active => "active" / "合作中",
    Suspended => "suspended" / "已暂停",
    Terminated => "terminated" / "已终止",
);

/// Everything the profile form edits. Money arrives as a string so a bad value
/// is a field error, not a decoding failure.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(default)]
#[ts(export)]
pub struct DistributorInput {
    /// Empty: the next free code is generated.
    pub code: String,
    pub name: String,
    pub short_name: String,
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
    pub credit_limit: String,
    /// Used when creating; later changes go through `change_tier` with a reason.
    pub tier: Tier,
    pub notes: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct Distributor {
    #[ts(type = "number")]
    pub id: i64,
    pub code: String,
    pub name: String,
    pub short_name: String,
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
    pub credit_limit: Money,
    pub tier: Tier,
    pub status: Status,
    pub notes: String,
    /// The responsible manager (a user's id), if any.
    #[ts(type = "number | null")]
    pub manager_id: Option<i64>,
    pub created_at: String,
    pub updated_at: String,
}

/// The stored tier of a distributor; a value no version wrote is `damaged`.
pub(crate) fn tier_of(m: &distributor::Model) -> crate::error::AppResult<Tier> {
    crate::stored::Record::new("distributor", m.id).key("tier", &m.tier, Tier::parse)
}

/// The stored status of a distributor; a value no version wrote is `damaged`.
pub(crate) fn status_of(m: &distributor::Model) -> crate::error::AppResult<Status> {
    crate::stored::Record::new("distributor", m.id).key("status", &m.status, Status::parse)
}

impl TryFrom<distributor::Model> for Distributor {
    type Error = crate::error::AppError;

    /// Fails, naming the row, when its tier or status cannot be read.
    fn try_from(m: distributor::Model) -> Result<Self, Self::Error> {
        let (tier, status) = (tier_of(&m)?, status_of(&m)?);
        Ok(Distributor {
            id: m.id,
            code: m.code,
            name: m.name,
            short_name: m.short_name,
            uscc: m.uscc,
            legal_representative: m.legal_representative,
            contact_name: m.contact_name,
            contact_role: m.contact_role,
            contact_phone: m.contact_phone,
            contact_email: m.contact_email,
            contact_wechat: m.contact_wechat,
            province: m.province,
            city: m.city,
            county: m.county,
            region: m.region,
            address: m.address,
            bank_name: m.bank_name,
            bank_account: m.bank_account,
            payment_terms_days: m.payment_terms_days,
            credit_limit: Money::from_fen(m.credit_limit_fen),
            tier,
            status,
            notes: m.notes,
            manager_id: m.manager_id,
            created_at: m.created_at.to_rfc3339(),
            updated_at: m.updated_at.to_rfc3339(),
        })
    }
}

pub(crate) use lifecycle::{record_status as write_status, record_tier as write_tier};
pub(crate) use write::find_model as write_find;
pub(crate) use write::{insert_valid as write_insert, update_valid as write_update};

/// Who is the responsible manager of a distributor: a user's id, or none.
#[derive(Debug, Clone, Deserialize, TS)]
#[ts(export)]
pub struct ManagerAssign {
    #[ts(type = "number")]
    pub id: i64,
    #[ts(type = "number | null")]
    pub manager_id: Option<i64>,
}

/// The edit form's request: which distributor and its new profile.
#[derive(Debug, Clone, Deserialize, TS)]
#[ts(export)]
pub struct DistributorUpdate {
    #[ts(type = "number")]
    pub id: i64,
    pub input: DistributorInput,
    /// The `updated_at` of the version the form was opened on: a save on a
    /// version changed since is refused (`edit_conflict`). Absent: no check.
    #[serde(default)]
    pub base: Option<String>,
}

/// The distributors of `ids`, by id: for lists that show a distributor's code
/// and name beside their own rows.
pub(crate) async fn models_by_id<C: sea_orm::ConnectionTrait>(
    db: &C,
    ids: impl IntoIterator<Item = i64>,
) -> Result<std::collections::HashMap<i64, crate::entity::distributor::Model>, sea_orm::DbErr> {
    use crate::entity::distributor;
    use sea_orm::EntityTrait;
    Ok(crate::db::find_in(
        db,
        distributor::Entity::find(),
        distributor::Column::Id,
        ids,
    )
    .await?
    .into_iter()
    .map(|d| (d.id, d))
    .collect())
}

#[cfg(test)]
mod find_in_lists {
    use crate::db::{find_in, open};
    use crate::entity::distributor;
    use sea_orm::PaginatorTrait;
    use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};

    /// 40,000 ids are more bound parameters than SQLite takes in one statement.
    #[tokio::test]
    async fn find_in_takes_any_number_of_ids() {
        let office = chrono::DateTime::parse_from_rfc3339("2026-12-02T09:00:00+08:00").unwrap();
        let now = office.with_timezone(&chrono::Utc);
        let dir = tempfile::tempdir().unwrap();
        let db = open(&dir.path().join("t.sqlite"), now).await.unwrap().db;
        let actor =
            crate::actor::Actor::new("测试员", crate::dates::Clock::office(office, None)).unwrap();
        let input = super::DistributorInput {
            name: "甲公司".into(),
            uscc: "91110000802100433B".into(),
            contact_name: "王伟".into(),
            contact_phone: "13812345678".into(),
            province: "广东省".into(),
            city: "广州市".into(),
            payment_terms_days: 30,
            credit_limit: "1000.00".into(),
            ..Default::default()
        };
        let d = super::create(&db, &actor, input).await.unwrap();
        assert_eq!(distributor::Entity::find().count(&db).await.unwrap(), 1);
        let many: Vec<i64> = (1..=40_000).collect();
        let one_statement = distributor::Entity::find()
            .filter(distributor::Column::Id.is_in(many.clone()))
            .all(&db)
            .await;
        assert!(one_statement.is_err(), "one IN list of 40,000 is refused");
        let found = find_in(
            &db,
            distributor::Entity::find(),
            distributor::Column::Id,
            many,
        )
        .await
        .unwrap();
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].id, d.id);
    }
}
