//! Training (培训): the course catalogue, sessions with enrolment and results,
//! certificates that expire, compliance by tier and the reminders of expiry.
mod attendance;
pub mod certificate;
pub mod certificate_layout;
pub mod compliance;
pub mod export;
pub mod session;

use crate::actor::Actor;
use crate::actor::Right;
use crate::error::ErrorCode;
use crate::lang::Lang;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, Set,
    TransactionSession, TransactionTrait,
};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::audit::{self, FieldChange};
use crate::choice::Choice;
use crate::distributor::Tier;
use crate::entity::course;
use crate::error::{AppError, AppResult, FieldError, FieldErrors};
use crate::settings::{get_json, put_json};

#[derive(Debug, Clone, Default, Deserialize, TS)]
#[serde(default)]
#[ts(export)]
pub struct CourseInput {
    pub code: String,
    pub title_zh: String,
    pub title_en: String,
    pub category: String,
    /// Hours with at most one decimal, e.g. "1.5".
    pub duration_hours: String,
    /// 0–100.
    pub pass_mark: i32,
    /// Months a certificate stays valid; empty: the course gives no certificate.
    pub validity_months: Option<i32>,
    /// The tiers that must hold a valid certificate (or a pass) of this course.
    pub required_tiers: Vec<Tier>,
    /// Passing it completes the onboarding step "training".
    pub onboarding: bool,
    pub active: bool,
}

#[derive(Debug, Clone, Deserialize, TS)]
#[ts(export)]
pub struct CourseSave {
    /// Empty: a new course.
    #[ts(type = "number | null")]
    pub id: Option<i64>,
    pub input: CourseInput,
}

#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct Course {
    #[ts(type = "number")]
    pub id: i64,
    pub code: String,
    pub title_zh: String,
    pub title_en: String,
    pub category: String,
    pub duration_hours: String,
    pub pass_mark: i32,
    pub validity_months: Option<i32>,
    pub required_tiers: Vec<Tier>,
    pub onboarding: bool,
    pub active: bool,
}

impl Course {
    pub fn title(&self, lang: Lang) -> &str {
        if lang.is_en() && !self.title_en.is_empty() {
            &self.title_en
        } else {
            &self.title_zh
        }
    }
}

/// The tiers a course is required for; a list that cannot be read is `damaged`.
pub(crate) fn tiers_of(m: &course::Model) -> AppResult<Vec<Tier>> {
    let stored = crate::stored::Record::new("course", m.id);
    let keys: Vec<String> = stored.json("required_tiers", &m.required_tiers)?;
    keys.iter()
        .map(|t| stored.key("required_tiers", t, Tier::parse))
        .collect()
}

impl TryFrom<&course::Model> for Course {
    type Error = AppError;

    fn try_from(m: &course::Model) -> Result<Self, AppError> {
        Ok(Course {
            id: m.id,
            code: m.code.clone(),
            title_zh: m.title_zh.clone(),
            title_en: m.title_en.clone(),
            category: m.category.clone(),
            duration_hours: format!("{}.{}", m.duration_tenths / 10, m.duration_tenths % 10)
                .trim_end_matches(".0")
                .to_owned(),
            pass_mark: m.pass_mark,
            validity_months: m.validity_months,
            required_tiers: tiers_of(m)?,
            onboarding: m.onboarding,
            active: m.active,
        })
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct TrainingSettings {
    pub categories: Vec<Choice>,
}

impl Default for TrainingSettings {
    fn default() -> Self {
        let c = |key: &str, zh: &str, en: &str| Choice {
            key: key.into(),
            label_zh: zh.into(),
            label_en: en.into(),
        };
        TrainingSettings {
            categories: vec![
                c("product", "产品知识", "Product knowledge"),
                c("sales", "销售技巧", "Sales skills"),
                c("system", "系统操作", "System operation"),
                c("safety", "安全规范", "Safety rules"),
            ],
        }
    }
}

const KEY: &str = "training_settings";

pub async fn load_settings<C: ConnectionTrait>(db: &C) -> AppResult<TrainingSettings> {
    Ok(get_json(db, KEY).await?.unwrap_or_default())
}

pub async fn save_settings<C: ConnectionTrait + TransactionTrait>(
    db: &C,
    actor: &Actor,
    s: TrainingSettings,
) -> AppResult<TrainingSettings> {
    actor.require(Right::Settings)?;
    let mut errs = FieldErrors::default();
    let mut keys = std::collections::HashSet::new();
    if s.categories.is_empty() {
        errs.push("categories", ErrorCode::Required);
    }
    for (i, c) in s.categories.iter().enumerate() {
        let row = (i + 1).to_string();
        if c.key.trim().is_empty() || !keys.insert(c.key.trim()) || c.label_zh.trim().is_empty() {
            errs.push_err(FieldError::with_detail(
                "categories",
                ErrorCode::DuplicateOrEmpty,
                row,
            ));
        }
    }
    errs.into_result()?;
    let txn = crate::db::write(db).await?;
    let before = load_settings(&txn).await?;
    put_json(&txn, KEY, &s).await?;
    let changes = audit::diff(Some(&before), &s, &[]);
    if !changes.is_empty() {
        audit::record(&txn, actor, "settings", 0, "training_settings", &changes).await?;
    }
    txn.commit().await?;
    Ok(s)
}

/// "1.5" → 15 tenths of an hour.
fn parse_hours(s: &str) -> Option<i32> {
    let s = s.trim();
    let (int, frac) = s.split_once('.').unwrap_or((s, "0"));
    if int.is_empty()
        || frac.len() != 1
        || !int.chars().chain(frac.chars()).all(|c| c.is_ascii_digit())
    {
        return None;
    }
    let v = int.parse::<i32>().ok()? * 10 + frac.parse::<i32>().ok()?;
    (1..=2000).contains(&v).then_some(v)
}

fn validate(i: &CourseInput, categories: &[Choice]) -> AppResult<i32> {
    let mut errs = FieldErrors::default();
    let code = i.code.trim();
    if code.is_empty() {
        errs.push("code", ErrorCode::Required);
    } else if code.len() > 20
        || !code
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
    {
        errs.push("code", ErrorCode::CodeChars);
    }
    if i.title_zh.trim().is_empty() {
        errs.push("title_zh", ErrorCode::Required);
    }
    crate::fields::printable(&mut errs, "title_zh", &i.title_zh);
    crate::fields::printable(&mut errs, "title_en", &i.title_en);
    if !categories.iter().any(|c| c.key == i.category) {
        errs.push("category", ErrorCode::InvalidChoice);
    }
    let tenths = parse_hours(&i.duration_hours);
    if tenths.is_none() {
        errs.push_err(FieldError::with_detail(
            "duration_hours",
            ErrorCode::HoursFormat,
            i.duration_hours.trim(),
        ));
    }
    if !(0..=100).contains(&i.pass_mark) {
        errs.push("pass_mark", ErrorCode::ScoreRange);
    }
    if i.validity_months.is_some_and(|m| !(1..=120).contains(&m)) {
        errs.push("validity_months", ErrorCode::ValidityRange);
    }
    errs.into_result()?;
    Ok(tenths.unwrap_or(10))
}

pub async fn list_courses<C: ConnectionTrait>(db: &C) -> AppResult<Vec<Course>> {
    course::Entity::find()
        .order_by_asc(course::Column::Code)
        .all(db)
        .await?
        .iter()
        .map(Course::try_from)
        .collect()
}

pub(crate) async fn find_course<C: ConnectionTrait>(db: &C, id: i64) -> AppResult<course::Model> {
    course::Entity::find_by_id(id)
        .one(db)
        .await?
        .ok_or_else(|| AppError::not_found("course", id))
}

/// Creates or edits a course; codes are unique.
pub async fn save_course<C: ConnectionTrait + TransactionTrait>(
    db: &C,
    actor: &Actor,
    req: &CourseSave,
) -> AppResult<Course> {
    actor.require(Right::Training)?;
    let settings = load_settings(db).await?;
    let tenths = validate(&req.input, &settings.categories)?;
    let i = &req.input;
    let code = i.code.trim().to_uppercase();
    let txn = crate::db::write(db).await?;
    let clash = course::Entity::find()
        .filter(course::Column::Code.eq(code.as_str()))
        .one(&txn)
        .await?;
    if clash.is_some_and(|c| Some(c.id) != req.id) {
        return Err(AppError::Conflict {
            field: "code".into(),
            value: code,
        });
    }
    let mut tiers: Vec<&str> = i.required_tiers.iter().map(|t| t.key()).collect();
    tiers.sort_unstable();
    tiers.dedup();
    let now = actor.now();
    let (mut am, before) = match req.id {
        Some(id) => {
            let m = find_course(&txn, id).await?;
            let before = Course::try_from(&m)?;
            (m.into(), Some(before))
        }
        None => (
            course::ActiveModel {
                created_at: Set(now),
                ..Default::default()
            },
            None,
        ),
    };
    am.code = Set(code);
    am.title_zh = Set(i.title_zh.trim().into());
    am.title_en = Set(i.title_en.trim().into());
    am.category = Set(i.category.clone());
    am.duration_tenths = Set(tenths);
    am.pass_mark = Set(i.pass_mark);
    am.validity_months = Set(i.validity_months);
    am.required_tiers = Set(serde_json::to_string(&tiers).unwrap_or_else(|_| "[]".into()));
    am.onboarding = Set(i.onboarding);
    am.active = Set(i.active);
    am.updated_at = Set(now);
    let m = if req.id.is_some() {
        am.update(&txn).await?
    } else {
        am.insert(&txn).await?
    };
    let after = Course::try_from(&m)?;
    let mut changes = audit::diff(before.as_ref(), &after, &["id"]);
    if changes.is_empty() && before.is_none() {
        changes.push(FieldChange {
            field: "code".into(),
            before: None,
            after: Some(after.code.clone()),
        });
    }
    if !changes.is_empty() {
        audit::record(&txn, actor, "course", m.id, "save", &changes).await?;
    }
    txn.commit().await?;
    Ok(after)
}

#[cfg(test)]
mod tests {
    #[test]
    fn hours_have_one_decimal_at_most() {
        assert_eq!(super::parse_hours("1.5"), Some(15));
        assert_eq!(super::parse_hours("2"), Some(20));
        assert_eq!(super::parse_hours("0.25"), None);
        assert_eq!(super::parse_hours("0"), None);
        assert_eq!(super::parse_hours("abc"), None);
    }
}
