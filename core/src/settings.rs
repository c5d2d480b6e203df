//! Company-wide settings kept in the `setting` table as JSON values.
use crate::actor::Actor;
use crate::actor::Right;
use crate::dates::Clock;
use crate::error::ErrorCode;
use crate::lang::Lang;
use sea_orm::TransactionSession;
use sea_orm::{ConnectionTrait, EntityTrait, Set, TransactionTrait};
use serde::{de::DeserializeOwned, Deserialize, Serialize};
use ts_rs::TS;

use crate::distributor::Tier;
use crate::entity::setting;
use crate::error::{AppError, AppResult, FieldErrors};

/// One admission criterion; weights are relative (they need not sum to 100).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Criterion {
    pub key: String,
    pub label_zh: String,
    pub label_en: String,
    pub weight: u32,
}

/// Minimum weighted scores (0–100) for a recommended tier; below `core_min` is basic.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct TierThresholds {
    pub strategic_min: u32,
    pub core_min: u32,
}

impl TierThresholds {
    pub fn recommend(&self, total_centi: i64) -> Tier {
        if total_centi >= i64::from(self.strategic_min) * 100 {
            Tier::Strategic
        } else if total_centi >= i64::from(self.core_min) * 100 {
            Tier::Core
        } else {
            Tier::Basic
        }
    }
}

/// The company's own names for a tier (the keys stay strategic/core/basic).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct TierLabel {
    pub tier: Tier,
    pub label_zh: String,
    pub label_en: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Settings {
    /// Who is working at this PC; written into every history and audit entry.
    pub operator_name: String,
    /// `zh-CN` or `en`.
    pub language: Lang,
    pub criteria: Vec<Criterion>,
    pub thresholds: TierThresholds,
    /// One entry per tier, in the order strategic, core, basic.
    pub tier_labels: Vec<TierLabel>,
}

fn criterion(key: &str, zh: &str, en: &str, weight: u32) -> Criterion {
    Criterion {
        key: key.into(),
        label_zh: zh.into(),
        label_en: en.into(),
        weight,
    }
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            operator_name: String::new(),
            language: Lang::ZhCn,
            criteria: vec![
                criterion("capital", "资金实力", "Capital strength", 25),
                criterion("warehousing", "仓储能力", "Warehousing", 15),
                criterion("transport", "物流配送", "Transport", 15),
                criterion("coverage", "市场覆盖", "Market coverage", 20),
                criterion("sales_team", "销售团队", "Sales team", 15),
                criterion("reputation", "商业信誉", "Reputation", 10),
            ],
            thresholds: TierThresholds {
                strategic_min: 85,
                core_min: 70,
            },
            tier_labels: Tier::ALL
                .iter()
                .map(|&tier| TierLabel {
                    tier,
                    label_zh: tier.label_zh().into(),
                    label_en: tier.label_en().into(),
                })
                .collect(),
        }
    }
}

const KEY_OPERATOR: &str = "operator_name";
const KEY_LANGUAGE: &str = "language";
const KEY_CRITERIA: &str = "admission_criteria";
const KEY_THRESHOLDS: &str = "tier_thresholds";
const KEY_TIER_LABELS: &str = "tier_labels";

pub(crate) async fn get_json<C: ConnectionTrait, T: DeserializeOwned>(
    db: &C,
    key: &str,
) -> AppResult<Option<T>> {
    let row = setting::Entity::find_by_id(key.to_owned()).one(db).await?;
    row.map(|r| crate::stored::Record::new("setting", &r.key).json("value", &r.value))
        .transpose()
}

pub(crate) async fn put_json<C: ConnectionTrait, T: Serialize>(
    db: &C,
    key: &str,
    value: &T,
) -> AppResult<()> {
    let model = setting::ActiveModel {
        key: Set(key.to_owned()),
        value: Set(serde_json::to_string(value).unwrap_or_default()),
    };
    setting::Entity::insert(model)
        .on_conflict(
            sea_orm::sea_query::OnConflict::column(setting::Column::Key)
                .update_column(setting::Column::Value)
                .to_owned(),
        )
        .exec(db)
        .await?;
    Ok(())
}

pub async fn load<C: ConnectionTrait>(db: &C) -> AppResult<Settings> {
    let d = Settings::default();
    Ok(Settings {
        operator_name: get_json(db, KEY_OPERATOR).await?.unwrap_or(d.operator_name),
        // A stored value that is not a language reads as the default.
        language: get_json(db, KEY_LANGUAGE).await?.unwrap_or(d.language),
        criteria: get_json(db, KEY_CRITERIA).await?.unwrap_or(d.criteria),
        thresholds: get_json(db, KEY_THRESHOLDS).await?.unwrap_or(d.thresholds),
        tier_labels: get_json(db, KEY_TIER_LABELS)
            .await?
            .unwrap_or(d.tier_labels),
    })
}

/// The operator's name, or a validation error asking for it.
pub async fn operator<C: ConnectionTrait>(db: &C) -> AppResult<String> {
    let name: String = get_json(db, KEY_OPERATOR).await?.unwrap_or_default();
    if name.trim().is_empty() {
        return Err(crate::error::AppError::field(
            "operator_name",
            ErrorCode::Required,
        ));
    }
    Ok(name)
}

/// Checks the settings; the operator's name is needed only by an office
/// without users (a logged-in user writes under their own name).
pub fn validate(s: &Settings, needs_operator: bool) -> AppResult<()> {
    let mut errs = FieldErrors::default();
    if needs_operator && s.operator_name.trim().is_empty() {
        errs.push("operator_name", ErrorCode::Required);
    }
    if s.criteria.is_empty() {
        errs.push("criteria", ErrorCode::Required);
    }
    let mut keys = std::collections::HashSet::new();
    for (i, c) in s.criteria.iter().enumerate() {
        if c.key.trim().is_empty() || !keys.insert(c.key.trim()) {
            errs.push(&format!("criteria.{i}.key"), ErrorCode::DuplicateOrEmpty);
        }
        if c.label_zh.trim().is_empty() && c.label_en.trim().is_empty() {
            errs.push(&format!("criteria.{i}.label"), ErrorCode::Required);
        }
        if c.weight > 100 {
            errs.push(&format!("criteria.{i}.weight"), ErrorCode::OutOfRange);
        }
    }
    if s.criteria.iter().map(|c| c.weight).sum::<u32>() == 0 {
        errs.push("criteria", ErrorCode::WeightsZero);
    }
    let t = &s.thresholds;
    if t.strategic_min > 100 || t.core_min > t.strategic_min {
        errs.push("thresholds", ErrorCode::ThresholdsOrder);
    }
    let tiers: Vec<Tier> = s.tier_labels.iter().map(|l| l.tier).collect();
    if tiers != Tier::ALL {
        errs.push("tier_labels", ErrorCode::InvalidChoice);
    }
    for (i, l) in s.tier_labels.iter().enumerate() {
        if l.label_zh.trim().is_empty() {
            errs.push(&format!("tier_labels.{i}.label_zh"), ErrorCode::Required);
        }
        if l.label_en.trim().is_empty() {
            errs.push(&format!("tier_labels.{i}.label_en"), ErrorCode::Required);
        }
    }
    errs.into_result()
}

pub async fn save<C: TransactionTrait + ConnectionTrait>(
    db: &C,
    s: Settings,
    clock: Clock,
    by: Option<&Actor>,
) -> AppResult<Settings> {
    validate(&s, by.is_none())?;
    // A logged-in owner saves as themselves; an office without users as the
    // operator named in the settings saved.
    let actor = match by {
        Some(a) => {
            a.require(Right::Settings)?;
            a.clone()
        }
        None => {
            if crate::users::login_required(db).await? {
                return Err(AppError::field("user", ErrorCode::LoginRequired));
            }
            Actor::new(&s.operator_name, clock)?
        }
    };
    let txn = crate::db::write(db).await?;
    let before = load(&txn).await?;
    // An empty name from a logged-in user keeps the office's operator as it was.
    let operator_name = match s.operator_name.trim() {
        "" => before.operator_name.clone(),
        name => name.to_owned(),
    };
    let s = Settings { operator_name, ..s };
    put_json(&txn, KEY_OPERATOR, &s.operator_name).await?;
    put_json(&txn, KEY_LANGUAGE, &s.language).await?;
    put_json(&txn, KEY_CRITERIA, &s.criteria).await?;
    put_json(&txn, KEY_THRESHOLDS, &s.thresholds).await?;
    put_json(&txn, KEY_TIER_LABELS, &s.tier_labels).await?;
    let changes = crate::audit::diff(Some(&before), &s, &[]);
    if !changes.is_empty() {
        crate::audit::record(&txn, &actor, "settings", 0, "update", &changes).await?;
    }
    txn.commit().await?;
    Ok(s)
}

/// Who writes in an office without users: the name given (the CLI's
/// `--operator`) or else the one in Settings; with neither, the write is
/// refused (`operator_name` required). The same rule for the app and the CLI
/// — a name is never made up. Once the database has users (and on every
/// server) nobody writes without logging in: `login_required`.
pub async fn actor<C: ConnectionTrait>(
    db: &C,
    given: Option<&str>,
    clock: Clock,
) -> AppResult<Actor> {
    if crate::users::login_required(db).await? {
        return Err(AppError::field("user", ErrorCode::LoginRequired));
    }
    match given.map(str::trim).filter(|g| !g.is_empty()) {
        Some(name) => Actor::new(name, clock),
        None => Actor::new(&operator(db).await?, clock),
    }
}

/// Only the language, so the UI can switch before an operator name exists.
pub async fn set_language<C: ConnectionTrait>(db: &C, language: Lang) -> AppResult<()> {
    put_json(db, KEY_LANGUAGE, &language).await
}

/// The manufacturer's own details, printed in the header of statements and agreements.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct CompanyProfile {
    pub name: String,
    /// 简称, for the window and short lines (empty: the name).
    #[serde(default)]
    pub short_name: String,
    pub address: String,
    pub phone: String,
    pub bank_name: String,
    pub bank_account: String,
    /// The unified social credit code (统一社会信用代码), which is also the
    /// taxpayer number; checked like a distributor's.
    pub tax_no: String,
    /// The logo's pixels when printing (`load_company`); never stored here.
    #[serde(skip)]
    #[ts(skip)]
    pub logo: Option<std::sync::Arc<crate::pdf::Picture>>,
}

/// What statements of account need besides the ledger.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct StatementSettings {
    pub company: CompanyProfile,
    /// Upper edges (days past due) of the first three aging buckets; the
    /// fourth is "over the last edge". Defaults 30, 60, 90.
    pub aging_edges: [u32; 3],
}

impl Default for StatementSettings {
    fn default() -> Self {
        StatementSettings {
            company: CompanyProfile::default(),
            aging_edges: [30, 60, 90],
        }
    }
}

const KEY_COMPANY: &str = "company_profile";
const KEY_AGING: &str = "aging_edges";

pub async fn load_statement_settings<C: ConnectionTrait>(db: &C) -> AppResult<StatementSettings> {
    let d = StatementSettings::default();
    Ok(StatementSettings {
        company: get_json(db, KEY_COMPANY).await?.unwrap_or(d.company),
        aging_edges: get_json(db, KEY_AGING).await?.unwrap_or(d.aging_edges),
    })
}

pub fn validate_statement_settings(s: &StatementSettings) -> AppResult<()> {
    let mut errs = FieldErrors::default();
    let [a, b, c] = s.aging_edges;
    if a == 0 || a >= b || b >= c || c > 3650 {
        errs.push("aging_edges", ErrorCode::AgingEdgesOrder);
    }
    if s.company.name.chars().count() > 100 {
        errs.push("company.name", ErrorCode::TooLong);
    }
    let c = &s.company;
    for (field, v) in [
        ("company.name", &c.name),
        ("company.address", &c.address),
        ("company.phone", &c.phone),
        ("company.bank_name", &c.bank_name),
        ("company.bank_account", &c.bank_account),
        ("company.tax_no", &c.tax_no),
        ("company.short_name", &c.short_name),
    ] {
        crate::fields::printable(&mut errs, field, v);
    }
    if c.short_name.chars().count() > 30 {
        errs.push("company.short_name", ErrorCode::TooLong);
    }
    if !c.tax_no.trim().is_empty() {
        match crate::uscc::validate(c.tax_no.trim()) {
            Ok(_) => {}
            Err(e @ crate::uscc::UsccError::CheckChar { expected }) => {
                errs.push_err(crate::error::FieldError::with_detail(
                    "company.tax_no",
                    e.code(),
                    expected.to_string(),
                ))
            }
            Err(e) => errs.push("company.tax_no", e.code()),
        }
    }
    if !s.company.phone.trim().is_empty() && !crate::distributor::is_phone(s.company.phone.trim()) {
        errs.push("company.phone", ErrorCode::PhoneFormat);
    }
    errs.into_result()
}

/// The company as the printed documents show it: the profile and its logo.
pub async fn load_company<C: ConnectionTrait>(db: &C) -> AppResult<CompanyProfile> {
    let mut company = load_statement_settings(db).await?.company;
    company.logo = crate::logo::for_print(db).await?;
    Ok(company)
}

pub async fn save_statement_settings<C: TransactionTrait + ConnectionTrait>(
    db: &C,
    actor: &Actor,
    s: StatementSettings,
) -> AppResult<StatementSettings> {
    actor.require(Right::Settings)?;
    validate_statement_settings(&s)?;
    let c = &s.company;
    let s = StatementSettings {
        company: CompanyProfile {
            name: c.name.trim().into(),
            short_name: c.short_name.trim().into(),
            address: c.address.trim().into(),
            phone: c.phone.trim().into(),
            bank_name: c.bank_name.trim().into(),
            bank_account: c.bank_account.trim().into(),
            tax_no: crate::uscc::validate(c.tax_no.trim()).unwrap_or_default(),
            logo: None,
        },
        aging_edges: s.aging_edges,
    };
    let txn = crate::db::write(db).await?;
    let before = load_statement_settings(&txn).await?;
    put_json(&txn, KEY_COMPANY, &s.company).await?;
    put_json(&txn, KEY_AGING, &s.aging_edges).await?;
    let changes = crate::audit::diff(Some(&before), &s, &[]);
    if !changes.is_empty() {
        crate::audit::record(&txn, actor, "settings", 0, "statement_settings", &changes).await?;
    }
    txn.commit().await?;
    Ok(s)
}

/// When things that have no due date of their own become due in the reminders.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(default)]
#[ts(export)]
pub struct ReminderSettings {
    /// A statement with no answer this many days after it was issued (default 10).
    pub confirmation_days: u32,
    /// A balance overdue more than this many days (default 30).
    pub overdue_days: u32,
    /// A quarter not finalised this many days after its end (default 15).
    pub finalise_days: u32,
}

impl Default for ReminderSettings {
    fn default() -> Self {
        ReminderSettings {
            confirmation_days: 10,
            overdue_days: 30,
            finalise_days: 15,
        }
    }
}

const KEY_REMINDERS: &str = "reminder_settings";

pub async fn load_reminder_settings<C: ConnectionTrait>(db: &C) -> AppResult<ReminderSettings> {
    Ok(get_json(db, KEY_REMINDERS).await?.unwrap_or_default())
}

pub async fn save_reminder_settings<C: TransactionTrait + ConnectionTrait>(
    db: &C,
    actor: &Actor,
    s: ReminderSettings,
) -> AppResult<ReminderSettings> {
    actor.require(Right::Settings)?;
    let mut errs = FieldErrors::default();
    for (field, v) in [
        ("confirmation_days", s.confirmation_days),
        ("overdue_days", s.overdue_days),
        ("finalise_days", s.finalise_days),
    ] {
        if !(1..=365).contains(&v) {
            errs.push(field, ErrorCode::OutOfRange);
        }
    }
    errs.into_result()?;
    let txn = crate::db::write(db).await?;
    let before = load_reminder_settings(&txn).await?;
    put_json(&txn, KEY_REMINDERS, &s).await?;
    let changes = crate::audit::diff(Some(&before), &s, &[]);
    if !changes.is_empty() {
        crate::audit::record(&txn, actor, "settings", 0, "reminder_settings", &changes).await?;
    }
    txn.commit().await?;
    Ok(s)
}

/// The office's outgoing mail server and the statement e-mail's wording.
/// The password is not here: the desktop keeps it in the system's keyring.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(default)]
#[ts(export)]
pub struct MailSettings {
    pub host: String,
    pub port: u16,
    pub security: crate::mail::Security,
    /// Empty: the server takes mail without a login.
    pub user: String,
    /// The From address.
    pub sender: String,
    pub sender_name: String,
    /// Placeholders: {company} {distributor} {code} {from} {to} {balance}.
    pub subject_zh: String,
    pub body_zh: String,
    pub subject_en: String,
    pub body_en: String,
}

impl Default for MailSettings {
    fn default() -> Self {
        MailSettings {
            host: String::new(),
            port: 587,
            security: crate::mail::Security::Starttls,
            user: String::new(),
            sender: String::new(),
            sender_name: String::new(),
            subject_zh: "{company} 对账单（{from} 至 {to}）".into(),
            body_zh: "{distributor}：\n\n您好！附件是贵司 {from} 至 {to} 的对账单，期末余额 {balance} 元。\n请核对后在回执联签字盖章并回传；如有不符，请注明差异金额与原因。\n\n{company}".into(),
            subject_en: "{company} statement of account, {from} to {to}".into(),
            body_en: "Dear {distributor},\n\nAttached is your statement of account for {from} to {to}; the closing balance is {balance}.\nPlease check it, sign the confirmation slip and send it back; if anything differs, note the amount and the reason.\n\n{company}".into(),
        }
    }
}

const KEY_MAIL: &str = "mail_settings";

pub async fn load_mail_settings<C: ConnectionTrait>(db: &C) -> AppResult<MailSettings> {
    Ok(get_json(db, KEY_MAIL).await?.unwrap_or_default())
}

impl MailSettings {
    pub fn smtp(&self) -> crate::mail::SmtpConfig {
        crate::mail::SmtpConfig {
            host: self.host.clone(),
            port: self.port,
            security: self.security,
            user: self.user.clone(),
            sender: self.sender.clone(),
            sender_name: self.sender_name.clone(),
        }
    }
}

pub async fn save_mail_settings<C: TransactionTrait + ConnectionTrait>(
    db: &C,
    actor: &Actor,
    s: MailSettings,
) -> AppResult<MailSettings> {
    actor.require(Right::Settings)?;
    let t = |v: &str| v.trim().to_string();
    let s = MailSettings {
        host: t(&s.host),
        user: t(&s.user),
        sender: t(&s.sender),
        sender_name: t(&s.sender_name),
        subject_zh: t(&s.subject_zh),
        subject_en: t(&s.subject_en),
        ..s
    };
    let mut errs = FieldErrors::default();
    if s.host.is_empty() {
        errs.push("host", ErrorCode::Required);
    } else if s.host.chars().any(|c| c.is_whitespace() || c.is_control()) {
        errs.push("host", ErrorCode::CodeChars);
    }
    if s.port == 0 {
        errs.push("port", ErrorCode::OutOfRange);
    }
    if s.sender.is_empty() {
        errs.push("sender", ErrorCode::Required);
    } else if !crate::mail::is_address(&s.sender) {
        errs.push("sender", ErrorCode::EmailFormat);
    }
    for (field, v, max) in [
        ("sender_name", &s.sender_name, 100),
        ("user", &s.user, 200),
        ("subject_zh", &s.subject_zh, 200),
        ("subject_en", &s.subject_en, 200),
        ("body_zh", &s.body_zh, 4000),
        ("body_en", &s.body_en, 4000),
    ] {
        if v.chars().count() > max {
            errs.push(field, ErrorCode::TooLong);
        }
    }
    for (field, v) in [("subject_zh", &s.subject_zh), ("subject_en", &s.subject_en)] {
        if v.is_empty() {
            errs.push(field, ErrorCode::Required);
        } else if v.contains('\n') || v.contains('\r') {
            errs.push(field, ErrorCode::ControlCharacter);
        }
    }
    errs.into_result()?;
    let txn = crate::db::write(db).await?;
    let before = load_mail_settings(&txn).await?;
    put_json(&txn, KEY_MAIL, &s).await?;
    let changes = crate::audit::diff(Some(&before), &s, &[]);
    if !changes.is_empty() {
        crate::audit::record(&txn, actor, "settings", 0, "mail_settings", &changes).await?;
    }
    txn.commit().await?;
    Ok(s)
}

/// The mail settings as the window shows them: whether a password is kept
/// (the desktop's keyring answers that; the password itself never leaves it).
#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct MailSettingsView {
    pub settings: MailSettings,
    pub password_saved: bool,
}

/// Saving the mail settings, with a new password for the user name if one is
/// typed (`None`: keep the one kept).
#[derive(Debug, Clone, Deserialize, TS)]
#[ts(export)]
pub struct MailSettingsSave {
    pub settings: MailSettings,
    #[serde(default)]
    pub password: Option<String>,
}
