//! The onboarding step templates (Settings) and what ticks a step by itself.
use crate::actor::Actor;
use crate::actor::Right;
use crate::error::ErrorCode;
use sea_orm::{ConnectionTrait, TransactionSession, TransactionTrait};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::audit;
use crate::error::{AppResult, FieldError, FieldErrors};
use crate::settings::{get_json, put_json};

/// What ticks a step by itself.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum AutoCheck {
    Manual,
    /// The distributor's record was created.
    Application,
    /// An admission assessment was recorded.
    Assessment,
    /// An agreement was signed.
    AgreementSigned,
    /// The first invoice was posted to the ledger.
    FirstInvoice,
    /// A course marked as onboarding training was passed.
    Training,
}

impl AutoCheck {
    pub const ALL: [AutoCheck; 6] = [
        AutoCheck::Manual,
        AutoCheck::Application,
        AutoCheck::Assessment,
        AutoCheck::AgreementSigned,
        AutoCheck::FirstInvoice,
        AutoCheck::Training,
    ];

    pub fn key(self) -> &'static str {
        match self {
            AutoCheck::Manual => "manual",
            AutoCheck::Application => "application",
            AutoCheck::Assessment => "assessment",
            AutoCheck::AgreementSigned => "agreement_signed",
            AutoCheck::FirstInvoice => "first_invoice",
            AutoCheck::Training => "training",
        }
    }
    pub(super) fn parse(s: &str) -> Option<AutoCheck> {
        Self::ALL.into_iter().find(|a| a.key() == s)
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct StepTemplate {
    pub key: String,
    pub label_zh: String,
    pub label_en: String,
    pub auto: AutoCheck,
    /// Due this many days after onboarding starts.
    pub due_days: u32,
    /// Default owner (may be empty).
    pub owner: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct OnboardingSettings {
    pub steps: Vec<StepTemplate>,
}

impl Default for OnboardingSettings {
    fn default() -> Self {
        let s = |key: &str, zh: &str, en: &str, auto, due_days| StepTemplate {
            key: key.into(),
            label_zh: zh.into(),
            label_en: en.into(),
            auto,
            due_days,
            owner: String::new(),
        };
        OnboardingSettings {
            steps: vec![
                s(
                    "application",
                    "收到申请",
                    "Application received",
                    AutoCheck::Application,
                    0,
                ),
                s(
                    "documents",
                    "资料审核",
                    "Documents checked",
                    AutoCheck::Manual,
                    7,
                ),
                s(
                    "site_visit",
                    "实地考察",
                    "Site visit",
                    AutoCheck::Manual,
                    14,
                ),
                s(
                    "admission",
                    "准入评审",
                    "Admission decision",
                    AutoCheck::Assessment,
                    21,
                ),
                s(
                    "agreement",
                    "签署协议",
                    "Agreement signed",
                    AutoCheck::AgreementSigned,
                    30,
                ),
                s(
                    "training",
                    "系统与产品培训",
                    "System and product training",
                    AutoCheck::Training,
                    45,
                ),
                s(
                    "first_order",
                    "首单",
                    "First order",
                    AutoCheck::FirstInvoice,
                    60,
                ),
            ],
        }
    }
}

impl OnboardingSettings {
    pub fn validate(&self) -> AppResult<()> {
        let mut errs = FieldErrors::default();
        if self.steps.is_empty() {
            errs.push("steps", ErrorCode::Required);
        }
        let mut keys = std::collections::HashSet::new();
        for (i, s) in self.steps.iter().enumerate() {
            let row = (i + 1).to_string();
            let key_ok = !s.key.is_empty()
                && s.key.len() <= 40
                && s.key
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_');
            if !key_ok {
                errs.push_err(FieldError::with_detail(
                    "steps",
                    ErrorCode::StepKey,
                    row.clone(),
                ));
            } else if !keys.insert(s.key.as_str()) {
                errs.push_err(FieldError::with_detail(
                    "steps",
                    ErrorCode::Duplicate,
                    row.clone(),
                ));
            }
            if s.label_zh.trim().is_empty() || s.label_en.trim().is_empty() {
                errs.push_err(FieldError::with_detail(
                    "steps",
                    ErrorCode::StepLabel,
                    row.clone(),
                ));
            }
            if s.due_days > 365 {
                errs.push_err(FieldError::with_detail(
                    "steps",
                    ErrorCode::DueDaysRange,
                    row,
                ));
            }
        }
        errs.into_result()
    }
}

const KEY: &str = "onboarding_steps";

pub async fn load_settings<C: ConnectionTrait>(db: &C) -> AppResult<OnboardingSettings> {
    Ok(get_json(db, KEY).await?.unwrap_or_default())
}

pub async fn save_settings<C: ConnectionTrait + TransactionTrait>(
    db: &C,
    actor: &Actor,
    s: OnboardingSettings,
) -> AppResult<OnboardingSettings> {
    actor.require(Right::Settings)?;
    s.validate()?;
    let txn = crate::db::write(db).await?;
    let before = load_settings(&txn).await?;
    put_json(&txn, KEY, &s).await?;
    let changes = audit::diff(Some(&before), &s, &[]);
    if !changes.is_empty() {
        audit::record(&txn, actor, "settings", 0, "onboarding_steps", &changes).await?;
    }
    txn.commit().await?;
    Ok(s)
}
