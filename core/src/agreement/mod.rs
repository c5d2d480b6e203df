//! Distribution agreements (经销协议): structured terms printed from a clause
//! template, a signing workflow, versions for amendments and renewals, channel
//! conflict warnings, targets and the rebate runs that post to the ledger.
pub mod export;
pub mod layout;
pub mod print;
mod query;
pub mod rebate;
mod sign;
pub use sign::SCAN_FOLDER;
pub mod template;
mod validate;
mod write;

use crate::lang::Lang;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::entity::{agreement, distributor};
use crate::error::AppResult;
use crate::money::Money;
use crate::stored::Record;

pub use query::{conflicts_of, get, list, AgreementListQuery};
pub use sign::{attach_scan, scan_path, sign, ScanRequest, SignRequest};
pub use validate::{fmt_pct, parse_pct, ValidAgreement};
pub use write::{
    create, new_version, submit, terminate, update, withdraw, TerminateRequest, VersionRequest,
};

macro_rules! key_enum {
    ($t:ident { $($v:ident => $k:literal / $zh:literal / $en:literal),+ $(,)? }) => {
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
        #[serde(rename_all = "snake_case")]
        #[ts(export)]
        pub enum $t { $($v),+ }
        impl $t {
            pub const ALL: &'static [$t] = &[$($t::$v),+];
            pub fn key(self) -> &'static str { match self { $($t::$v => $k),+ } }
            pub fn label(self, lang: Lang) -> &'static str {
                match (self, lang.is_en()) { $(($t::$v, false) => $zh, ($t::$v, true) => $en),+ }
            }
            pub fn parse(s: &str) -> Option<$t> {
                Self::ALL.iter().copied().find(|v| v.key().eq_ignore_ascii_case(s.trim()))
            }
        }
    };
}

key_enum!(AgreementStatus {
    Draft => "draft" / "草稿" / "Draft",
    AwaitingSignature => "awaiting_signature" / "待签署" / "Awaiting signature",
    Signed => "signed" / "已签署" / "Signed",
    Active => "active" / "生效中" / "Active",
    Expired => "expired" / "已到期" / "Expired",
    Terminated => "terminated" / "已终止" / "Terminated",
    Superseded => "superseded" / "已被替代" / "Superseded",
});

key_enum!(AgreementKind {
    Original => "original" / "新签" / "New",
    Amendment => "amendment" / "补充变更" / "Amendment",
    Renewal => "renewal" / "续签" / "Renewal",
});

key_enum!(PaymentMethod {
    BankTransfer => "bank_transfer" / "银行转账" / "Bank transfer",
    Acceptance => "acceptance" / "银行承兑汇票" / "Bank acceptance bill",
    Prepayment => "prepayment" / "先款后货" / "Payment before delivery",
    Other => "other" / "其他" / "Other",
});

/// An area of the territory: a province with an optional city and county, or
/// a named sales region. An empty city or county means "all of it".
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(default)]
#[ts(export)]
pub struct Territory {
    pub province: String,
    pub city: String,
    pub county: String,
    pub region: String,
}

impl Territory {
    /// Two areas overlap when one contains the other (or they are the same region).
    pub fn overlaps(&self, other: &Territory) -> bool {
        if !self.region.is_empty() || !other.region.is_empty() {
            return !self.region.is_empty() && self.region == other.region;
        }
        let fits = |a: &str, b: &str| a.is_empty() || b.is_empty() || a == b;
        self.province == other.province
            && fits(&self.city, &other.city)
            && fits(&self.county, &other.county)
    }

    pub fn label(&self) -> String {
        if !self.region.is_empty() {
            return self.region.clone();
        }
        [&self.province, &self.city, &self.county]
            .iter()
            .filter(|s| !s.is_empty())
            .map(|s| s.as_str())
            .collect::<Vec<_>>()
            .join(" ")
    }
}

/// A sales target for one period of the term (the annex).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Target {
    /// `2026`, `2026-Q1`, `2026-03` or any name the user gives the period.
    pub label: String,
    pub from: String,
    pub to: String,
    pub amount: Money,
}

/// Achievement ≥ `threshold_pct` earns `rebate_pct` of the period's sales.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct LadderStep {
    pub threshold_pct: String,
    pub rebate_pct: String,
}

/// What the editor sends. Amounts and percentages are strings so a bad value
/// is a field error.
#[derive(Debug, Clone, Default, Deserialize, TS)]
#[serde(default)]
#[ts(export)]
pub struct AgreementInput {
    #[ts(type = "number")]
    pub distributor_id: i64,
    pub territories: Vec<Territory>,
    pub exclusive: bool,
    pub term_start: String,
    pub term_end: String,
    pub payment_days: i32,
    pub payment_method: Option<PaymentMethod>,
    pub credit_limit: String,
    pub discount_pct: String,
    pub buyback_pct: String,
    pub targets: Vec<TargetInput>,
    pub ladder: Vec<LadderStep>,
    pub special_clauses: String,
}

#[derive(Debug, Clone, Default, Deserialize, TS)]
#[serde(default)]
#[ts(export)]
pub struct TargetInput {
    pub label: String,
    pub from: String,
    pub to: String,
    pub amount: String,
}

#[derive(Debug, Clone, Deserialize, TS)]
#[ts(export)]
pub struct AgreementUpdate {
    #[ts(type = "number")]
    pub id: i64,
    pub input: AgreementInput,
    /// The `updated_at` of the draft as the editor got it; a save on a
    /// version changed since is `edit_conflict`. Absent: no check.
    #[serde(default)]
    pub base: Option<String>,
}

#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct Agreement {
    #[ts(type = "number")]
    pub id: i64,
    pub number: String,
    pub version: i32,
    #[ts(type = "number | null")]
    pub previous_id: Option<i64>,
    pub kind: AgreementKind,
    #[ts(type = "number")]
    pub distributor_id: i64,
    pub distributor_code: String,
    pub distributor_name: String,
    /// Effective status: a signed agreement is `active` from its start date and
    /// `expired` after its end date.
    pub status: AgreementStatus,
    pub territories: Vec<Territory>,
    pub exclusive: bool,
    pub term_start: String,
    pub term_end: String,
    pub payment_days: i32,
    pub payment_method: PaymentMethod,
    pub credit_limit: Money,
    pub discount_pct: String,
    pub buyback_pct: String,
    pub targets: Vec<Target>,
    pub ladder: Vec<LadderStep>,
    pub special_clauses: String,
    pub signed_date: Option<String>,
    pub scan_name: String,
    pub terminated_date: Option<String>,
    pub termination_reason: String,
    /// Days from today to the end of the term while the agreement is in force.
    #[ts(type = "number | null")]
    pub days_to_end: Option<i64>,
    /// Another distributor's agreement overlaps an exclusive territory.
    pub conflict: bool,
    pub created_at: String,
    pub created_by: String,
    pub updated_at: String,
}

/// Another agreement in force whose territory overlaps this one where either is exclusive.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct Conflict {
    #[ts(type = "number")]
    pub agreement_id: i64,
    pub number: String,
    pub version: i32,
    pub distributor_code: String,
    pub distributor_name: String,
    /// The overlapping areas, e.g. "广东省 深圳市 ↔ 广东省".
    pub areas: Vec<String>,
    pub other_exclusive: bool,
}

#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct AgreementEvent {
    pub at: String,
    pub from_status: String,
    pub to_status: String,
    pub text: String,
    pub operator: String,
}

#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct VersionRef {
    #[ts(type = "number")]
    pub id: i64,
    pub version: i32,
    pub kind: AgreementKind,
    pub status: AgreementStatus,
    pub term_start: String,
    pub term_end: String,
}

#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct AgreementDetail {
    pub agreement: Agreement,
    pub history: Vec<AgreementEvent>,
    /// Every version of this agreement number, oldest first.
    pub versions: Vec<VersionRef>,
    pub conflicts: Vec<Conflict>,
    /// Stored-status moves the user may make now.
    pub allowed: Vec<AgreementStatus>,
    /// A new version (amendment or renewal) may be started from this one.
    pub can_new_version: bool,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub(crate) struct StoredTarget {
    pub label: String,
    pub from: NaiveDate,
    pub to: NaiveDate,
    pub amount_fen: i64,
}

#[derive(Debug, Clone, Copy, Serialize, Deserialize)]
pub(crate) struct StoredStep {
    pub threshold_bp: i32,
    pub rebate_bp: i32,
}

fn stored(m: &agreement::Model) -> Record {
    Record::new("agreement", m.id)
}

pub(crate) fn targets_of(m: &agreement::Model) -> AppResult<Vec<StoredTarget>> {
    stored(m).json("targets_json", &m.targets_json)
}

pub(crate) fn ladder_of(m: &agreement::Model) -> AppResult<Vec<StoredStep>> {
    stored(m).json("ladder_json", &m.ladder_json)
}

pub(crate) fn territories_of(m: &agreement::Model) -> AppResult<Vec<Territory>> {
    stored(m).json("territory_json", &m.territory_json)
}

/// The status as stored (a signed agreement stays `signed` in its row; see `effective_status`).
pub(crate) fn status_of(m: &agreement::Model) -> AppResult<AgreementStatus> {
    stored(m).key("status", &m.status, AgreementStatus::parse)
}

/// The kind as stored: new, amendment or renewal.
pub(crate) fn kind_of(m: &agreement::Model) -> AppResult<AgreementKind> {
    stored(m).key("kind", &m.kind, AgreementKind::parse)
}

/// The status a reader sees on `today`.
pub fn effective_status(m: &agreement::Model, today: NaiveDate) -> AppResult<AgreementStatus> {
    let stored = status_of(m)?;
    if stored != AgreementStatus::Signed {
        return Ok(stored);
    }
    Ok(if today > m.term_end {
        AgreementStatus::Expired
    } else if today >= m.term_start {
        AgreementStatus::Active
    } else {
        AgreementStatus::Signed
    })
}

/// Signed and not past its end: the agreement binds (or will bind) both parties.
pub(crate) fn in_force(m: &agreement::Model, today: NaiveDate) -> AppResult<bool> {
    Ok(matches!(
        effective_status(m, today)?,
        AgreementStatus::Signed | AgreementStatus::Active
    ))
}

pub(crate) fn to_dto(
    m: &agreement::Model,
    dist: Option<&distributor::Model>,
    today: NaiveDate,
    conflict: bool,
) -> AppResult<Agreement> {
    let status = effective_status(m, today)?;
    Ok(Agreement {
        id: m.id,
        number: m.number.clone(),
        version: m.version,
        previous_id: m.previous_id,
        kind: kind_of(m)?,
        distributor_id: m.distributor_id,
        distributor_code: dist.map(|d| d.code.clone()).unwrap_or_default(),
        distributor_name: dist.map(|d| d.name.clone()).unwrap_or_default(),
        status,
        territories: territories_of(m)?,
        exclusive: m.exclusive,
        term_start: m.term_start.to_string(),
        term_end: m.term_end.to_string(),
        payment_days: m.payment_days,
        payment_method: stored(m).key("payment_method", &m.payment_method, PaymentMethod::parse)?,
        credit_limit: Money::from_fen(m.credit_limit_fen),
        discount_pct: fmt_pct(m.discount_bp),
        buyback_pct: fmt_pct(m.buyback_bp),
        targets: targets_of(m)?
            .into_iter()
            .map(|t| Target {
                label: t.label,
                from: t.from.to_string(),
                to: t.to.to_string(),
                amount: Money::from_fen(t.amount_fen),
            })
            .collect(),
        ladder: ladder_of(m)?
            .into_iter()
            .map(|s| LadderStep {
                threshold_pct: fmt_pct(s.threshold_bp),
                rebate_pct: fmt_pct(s.rebate_bp),
            })
            .collect(),
        special_clauses: m.special_clauses.clone(),
        signed_date: m.signed_date.map(|d| d.to_string()),
        scan_name: m.scan_name.clone(),
        terminated_date: m.terminated_date.map(|d| d.to_string()),
        termination_reason: m.termination_reason.clone(),
        days_to_end: (status == AgreementStatus::Active).then(|| (m.term_end - today).num_days()),
        conflict,
        created_at: m.created_at.to_rfc3339(),
        created_by: m.created_by.clone(),
        updated_at: m.updated_at.to_rfc3339(),
    })
}
