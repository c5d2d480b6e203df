//! Quarterly scorecards (季度考核): for a quarter, every distributor that is
//! active or suspended, or has ledger entries dated in the quarter, scored on
//! achievement, growth, payment discipline, training and the reviewer's
//! rating (`score.rs` holds the rules). The inputs come from the ledger (the
//! rebate run's sales, the statement's aging on the quarter's last day), the
//! governing agreement's targets and the training records.
use std::collections::{BTreeMap, HashMap, HashSet};

use chrono::{Datelike, NaiveDate};
use sea_orm::{
    ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QuerySelect, TransactionSession,
};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::actor::Actor;
use crate::actor::Right;
use crate::distributor::{Status, Tier};
use crate::entity::{agreement, course, distributor, ledger_entry, scorecard_rating, tier_change};
use crate::error::{AppError, AppResult, ErrorCode};
use crate::ledger::lines::Line;
use crate::ledger::statement::{compute, Posting};
use crate::ledger::EntryKind;
use crate::money::Money;
use crate::stored::Record;

pub mod export;
pub mod finalise;
pub mod plan;
pub mod score;
pub mod tiers;

pub use score::{Grade, Indicator, ScorecardSettings};

/// A calendar quarter, written `2026Q1`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Quarter {
    pub year: i32,
    /// 1–4.
    pub q: u32,
}

impl Quarter {
    /// `2026Q1`, `2026-Q1` or `2026q1`.
    pub fn parse(s: &str) -> Option<Quarter> {
        let s = s.trim().to_ascii_uppercase().replace('-', "");
        let (y, q) = s.split_once('Q')?;
        let (year, q) = (y.parse::<i32>().ok()?, q.parse::<u32>().ok()?);
        ((1..=4).contains(&q) && (2000..=2999).contains(&year)).then_some(Quarter { year, q })
    }

    pub fn first_day(self) -> NaiveDate {
        NaiveDate::from_ymd_opt(self.year, 3 * self.q - 2, 1).unwrap_or_default()
    }

    pub fn last_day(self) -> NaiveDate {
        let next = if self.q == 4 {
            NaiveDate::from_ymd_opt(self.year + 1, 1, 1)
        } else {
            NaiveDate::from_ymd_opt(self.year, 3 * self.q + 1, 1)
        };
        next.and_then(|d| d.pred_opt()).unwrap_or_default()
    }

    pub fn a_year_before(self) -> Quarter {
        Quarter {
            year: self.year - 1,
            q: self.q,
        }
    }

    pub fn previous(self) -> Quarter {
        if self.q == 1 {
            Quarter {
                year: self.year - 1,
                q: 4,
            }
        } else {
            Quarter {
                year: self.year,
                q: self.q - 1,
            }
        }
    }

    /// The quarter a date falls in.
    pub fn of(d: NaiveDate) -> Quarter {
        Quarter {
            year: d.year(),
            q: (d.month() - 1) / 3 + 1,
        }
    }
}

impl std::fmt::Display for Quarter {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}Q{}", self.year, self.q)
    }
}

/// A quarter from its text, or an error naming the field.
pub fn parse_quarter(field: &str, s: &str) -> AppResult<Quarter> {
    Quarter::parse(s).ok_or_else(|| AppError::field(field, ErrorCode::DateFormat))
}

const KEY_SETTINGS: &str = "scorecard";

pub async fn load_settings<C: ConnectionTrait>(db: &C) -> AppResult<ScorecardSettings> {
    Ok(crate::settings::get_json(db, KEY_SETTINGS)
        .await?
        .unwrap_or_default())
}

/// Saves the weights and rules (audited).
pub async fn save_settings<C: ConnectionTrait + sea_orm::TransactionTrait>(
    db: &C,
    actor: &Actor,
    s: ScorecardSettings,
) -> AppResult<ScorecardSettings> {
    actor.require(Right::Settings)?;
    score::validate(&s)?;
    let txn = crate::db::write(db).await?;
    let before = load_settings(&txn).await?;
    crate::settings::put_json(&txn, KEY_SETTINGS, &s).await?;
    let changes = crate::audit::diff(Some(&before), &s, &[]);
    if !changes.is_empty() {
        crate::audit::record(&txn, actor, "settings", 0, "scorecard_settings", &changes).await?;
    }
    txn.commit().await?;
    Ok(s)
}

/// The reviewer's rating (0–100; none clears it) and comment for a
/// distributor's quarter.
#[derive(Debug, Clone, Deserialize, TS)]
#[ts(export)]
pub struct RatingInput {
    #[ts(type = "number")]
    pub distributor_id: i64,
    pub quarter: String,
    pub rating: Option<u32>,
    #[serde(default)]
    pub comment: String,
}

/// Saves a rating and comment (audited on the distributor). A finalised
/// quarter's rating changes only through a revision.
pub async fn rate<C: ConnectionTrait + sea_orm::TransactionTrait>(
    db: &C,
    actor: &Actor,
    input: &RatingInput,
) -> AppResult<()> {
    actor.require(Right::Channel)?;
    // A distributor outside the writer's scope is not theirs to change (nor to see).
    crate::scope::check(db, actor.access(), input.distributor_id).await?;
    let quarter = check_rating(input)?;
    let txn = crate::db::write(db).await?;
    if finalise::is_finalised(&txn, quarter).await? {
        return Err(AppError::field("quarter", ErrorCode::QuarterFinalised));
    }
    put_rating(&txn, actor, input, quarter).await?;
    txn.commit().await?;
    Ok(())
}

fn check_rating(input: &RatingInput) -> AppResult<Quarter> {
    let quarter = parse_quarter("quarter", &input.quarter)?;
    if input.rating.is_some_and(|r| r > 100) {
        return Err(AppError::field("rating", ErrorCode::ScoreRange));
    }
    if input.comment.chars().count() > 2000 {
        return Err(AppError::field("comment", ErrorCode::OutOfRange));
    }
    Ok(quarter)
}

/// Writes the rating row inside the caller's transaction.
async fn put_rating<C: ConnectionTrait>(
    txn: &C,
    actor: &Actor,
    input: &RatingInput,
    quarter: Quarter,
) -> AppResult<()> {
    use sea_orm::{ActiveModelTrait, Set};
    distributor::Entity::find_by_id(input.distributor_id)
        .one(txn)
        .await?
        .ok_or_else(|| AppError::not_found("distributor", input.distributor_id))?;
    let existing = scorecard_rating::Entity::find()
        .filter(scorecard_rating::Column::DistributorId.eq(input.distributor_id))
        .filter(scorecard_rating::Column::Quarter.eq(quarter.to_string()))
        .one(txn)
        .await?;
    let before = existing.as_ref().map(|m| {
        format!(
            "{} {}",
            m.rating.map(|r| r.to_string()).unwrap_or_default(),
            m.comment
        )
    });
    let rating = input.rating.map(|r| r as i32);
    let comment = input.comment.trim().to_string();
    match existing {
        Some(m) => {
            let mut a: scorecard_rating::ActiveModel = m.into();
            a.rating = Set(rating);
            a.comment = Set(comment.clone());
            a.operator = Set(actor.operator().to_string());
            a.updated_at = Set(actor.now());
            a.update(txn).await?;
        }
        None => {
            scorecard_rating::ActiveModel {
                distributor_id: Set(input.distributor_id),
                quarter: Set(quarter.to_string()),
                rating: Set(rating),
                comment: Set(comment.clone()),
                operator: Set(actor.operator().to_string()),
                updated_at: Set(actor.now()),
                ..Default::default()
            }
            .insert(txn)
            .await?;
        }
    }
    crate::audit::record(
        txn,
        actor,
        "distributor",
        input.distributor_id,
        "scorecard_rating",
        &[crate::audit::FieldChange {
            field: quarter.to_string(),
            before,
            after: Some(format!(
                "{} {}",
                input.rating.map(|r| r.to_string()).unwrap_or_default(),
                comment
            )),
        }],
    )
    .await
}

/// One distributor's scorecard for a quarter, as the review lists it and
/// `scorecards --json` prints it.
#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Scorecard {
    #[ts(type = "number")]
    pub distributor_id: i64,
    pub code: String,
    pub name: String,
    /// Where it sells (the review filters by province or sales region).
    #[serde(default)]
    pub province: String,
    #[serde(default)]
    pub region: String,
    /// The tier held on the quarter's last day.
    pub tier: Tier,
    pub sales: Money,
    /// `0.00` when no target period lies inside the quarter.
    pub target: Money,
    pub achievement_pct: Option<String>,
    pub last_year_sales: Money,
    pub growth_pct: Option<String>,
    pub closing_balance: Money,
    pub not_due: Money,
    pub training_pct: Option<String>,
    pub rating: Option<String>,
    /// The reviewer's comment for the quarter.
    pub comment: String,
    /// By key: `achievement`, `growth`, `payment`, `training`, `rating`.
    pub indicators: BTreeMap<String, Indicator>,
    /// Violation points taken off (hundredths as `0.00`).
    pub deductions: String,
    /// `None`: not rated (no indicator applies).
    pub total: Option<String>,
    pub grade: Option<Grade>,
    pub below_baseline: bool,
    /// 1 (yellow) or 2 (red) once quarters are finalised.
    pub warning_level: Option<u8>,
    /// The frozen revision shown (1 on finalising, then one per correction);
    /// 0 for a live scorecard.
    #[serde(default)]
    pub revision: u32,
}

#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct QuarterReview {
    pub quarter: String,
    pub from: String,
    pub to: String,
    pub finalised: bool,
    pub distributors: Vec<Scorecard>,
}

/// Distributors active or suspended now.
pub(crate) async fn active_or_suspended<C: ConnectionTrait>(db: &C) -> AppResult<HashSet<i64>> {
    Ok(distributor::Entity::find()
        .select_only()
        .column(distributor::Column::Id)
        .filter(distributor::Column::Status.is_in([Status::Active.key(), Status::Suspended.key()]))
        .into_tuple::<i64>()
        .all(db)
        .await?
        .into_iter()
        .collect())
}

/// The tier each distributor held on `day`: the last change on or before it
/// (by the office's day of the change, `offset_minutes` from UTC), else the
/// tier before the first later change, else the current tier.
fn tier_on(
    day: NaiveDate,
    offset_minutes: i32,
    d: &distributor::Model,
    changes: &[&tier_change::Model],
) -> AppResult<Tier> {
    let mut sorted: Vec<&&tier_change::Model> = changes.iter().collect();
    sorted.sort_by_key(|c| (c.created_at, c.id));
    if let Some(last) = sorted
        .iter()
        .rev()
        .find(|c| crate::dates::local_day(c.created_at, offset_minutes) <= day)
    {
        return Record::new("tier_change", last.id).key("to_tier", &last.to_tier, Tier::parse);
    }
    match sorted
        .first()
        .and_then(|c| c.from_tier.as_deref().map(|t| (c.id, t)))
    {
        Some((id, before)) => Record::new("tier_change", id).key("from_tier", before, Tier::parse),
        None => crate::distributor::tier_of(d),
    }
}

/// Invoices − credit notes dated in [from, to], reversed entries left out.
fn sales_in(
    entries: &[&Line],
    reversed: &HashSet<i64>,
    from: NaiveDate,
    to: NaiveDate,
) -> (i64, bool) {
    let mut sales = 0i64;
    let mut invoiced = false;
    for e in entries
        .iter()
        .filter(|e| from <= e.entry_date && e.entry_date <= to && !reversed.contains(&e.id))
    {
        if e.kind == EntryKind::Invoice {
            sales = sales.saturating_add(e.amount_fen);
            invoiced = true;
        } else if e.kind == EntryKind::CreditNote {
            sales = sales.saturating_sub(e.amount_fen);
        }
    }
    (sales, invoiced)
}

/// A quarter's review: the frozen scorecards (latest revisions) once it is
/// finalised, else the live ones.
pub async fn review<C: ConnectionTrait>(db: &C, quarter: Quarter) -> AppResult<QuarterReview> {
    match finalise::frozen(db, quarter).await? {
        Some(r) => Ok(r),
        None => live(db, quarter, None).await,
    }
}

/// The quarter's review as a reader sees it: only the distributors in
/// `access`'s scope (the grades are the office's, computed over everyone).
pub async fn review_for<C: ConnectionTrait>(
    db: &C,
    access: &crate::actor::Access,
    quarter: Quarter,
) -> AppResult<QuarterReview> {
    let mut r = review(db, quarter).await?;
    let visible = crate::scope::visible(db, access).await?;
    r.distributors
        .retain(|c| crate::scope::shows(&visible, c.distributor_id));
    Ok(r)
}

/// Live scorecards of a quarter (computed now from the records); `only`
/// limits it to one distributor, whatever its status.
pub async fn live<C: ConnectionTrait>(
    db: &C,
    quarter: Quarter,
    only: Option<i64>,
) -> AppResult<QuarterReview> {
    let (from, to) = (quarter.first_day(), quarter.last_day());
    let before = quarter.a_year_before();
    let settings = load_settings(db).await?;
    // The office's offset from UTC, as the complaint clocks keep it.
    let office_offset = crate::complaint::load_settings(db)
        .await?
        .utc_offset_minutes;
    let edges = crate::settings::load_statement_settings(db)
        .await?
        .aging_edges;

    // Active or suspended now, or with entries dated in the quarter.
    let mut ids: HashSet<i64> = if let Some(id) = only {
        HashSet::from([id])
    } else {
        active_or_suspended(db).await?
    };
    if only.is_none() {
        ids.extend(
            ledger_entry::Entity::find()
                .select_only()
                .column(ledger_entry::Column::DistributorId)
                .distinct()
                .filter(ledger_entry::Column::EntryDate.between(from, to))
                .into_tuple::<i64>()
                .all(db)
                .await?,
        );
    }
    let dists = crate::distributor::models_by_id(db, ids.iter().copied()).await?;

    let ids_list: Vec<i64> = ids.iter().copied().collect();
    let entries = crate::ledger::lines::upto(db, to, Some(&ids_list)).await?;
    let reversed: HashSet<i64> = entries.iter().filter_map(|e| e.reverses_id).collect();
    let mut by_dist: HashMap<i64, Vec<&Line>> = HashMap::new();
    for e in &entries {
        by_dist.entry(e.distributor_id).or_default().push(e);
    }

    let agreements = agreement::Entity::find().all(db).await?;
    let governing: HashMap<i64, &agreement::Model> =
        crate::agreement::rebate::governing(&agreements, from, to)?
            .into_iter()
            .map(|m| (m.distributor_id, m))
            .collect();

    let changes = crate::db::find_in(
        db,
        tier_change::Entity::find(),
        tier_change::Column::DistributorId,
        ids.iter().copied(),
    )
    .await?;
    let courses: Vec<course::Model> = course::Entity::find()
        .filter(course::Column::Active.eq(true))
        .all(db)
        .await?;
    let course_tiers: Vec<Vec<Tier>> = courses
        .iter()
        .map(crate::training::tiers_of)
        .collect::<AppResult<_>>()?;
    // Covered on the last day: a certificate valid then, or (for a course
    // without certificates) a pass dated on or before it.
    let certs = crate::training::certificate::load_all(
        db,
        &crate::training::certificate::CertificateQuery::default(),
        to,
    )
    .await?;
    let day = to.to_string();
    let valid: HashSet<(i64, i64)> = certs
        .iter()
        .filter(|c| {
            c.issue_date <= day
                && c.expiry_date.as_deref().is_none_or(|e| e >= day.as_str())
                && c.revoked_on.as_deref().is_none_or(|r| r > day.as_str())
        })
        .map(|c| (c.distributor_id, c.course_id))
        .collect();
    let passed: HashSet<(i64, i64)> = crate::training::compliance::passes(db)
        .await?
        .into_iter()
        .filter(|(_, _, on)| *on <= to)
        .map(|(d, c, _)| (d, c))
        .collect();

    let ratings: HashMap<i64, scorecard_rating::Model> = scorecard_rating::Entity::find()
        .filter(scorecard_rating::Column::Quarter.eq(quarter.to_string()))
        .all(db)
        .await?
        .into_iter()
        .map(|r| (r.distributor_id, r))
        .collect();
    let deductions = crate::violation::points_in(db, from, to).await?;

    let mut out = vec![];
    let mut sorted: Vec<&distributor::Model> = dists.values().collect();
    sorted.sort_by(|a, b| a.code.cmp(&b.code));
    for d in sorted {
        let mine: Vec<&Line> = by_dist.get(&d.id).cloned().unwrap_or_default();
        let (sales_fen, invoiced) = sales_in(&mine, &reversed, from, to);
        let (last_year_sales_fen, _) =
            sales_in(&mine, &reversed, before.first_day(), before.last_day());
        let postings: Vec<Posting> = mine.iter().map(|e| e.posting()).collect();
        let computed = compute(&postings, from, to, edges)
            .ok_or_else(|| AppError::field("total", ErrorCode::TotalOutOfRange))?;
        let target_fen = match governing.get(&d.id) {
            None => None,
            Some(m) => {
                let inside: Vec<i64> = crate::agreement::targets_of(m)?
                    .iter()
                    .filter(|t| from <= t.from && t.to <= to)
                    .map(|t| t.amount_fen)
                    .collect();
                if inside.is_empty() {
                    None
                } else {
                    Some(
                        inside
                            .iter()
                            .try_fold(0i64, |a, b| a.checked_add(*b))
                            .ok_or_else(|| AppError::field("total", ErrorCode::TotalOutOfRange))?,
                    )
                }
            }
        };
        let mine_changes: Vec<&tier_change::Model> = changes
            .iter()
            .filter(|c| c.distributor_id == d.id)
            .collect();
        let tier = tier_on(to, office_offset, d, &mine_changes)?;
        let required: Vec<&course::Model> = courses
            .iter()
            .zip(&course_tiers)
            .filter(|(_, t)| t.contains(&tier))
            .map(|(c, _)| c)
            .collect();
        let covered = required
            .iter()
            .filter(|c| {
                if c.validity_months.is_some() {
                    valid.contains(&(d.id, c.id))
                } else {
                    passed.contains(&(d.id, c.id))
                }
            })
            .count() as u32;
        let inputs = score::Inputs {
            sales_fen,
            target_fen,
            last_year_sales_fen,
            closing_fen: computed.closing_fen,
            not_due_fen: computed.aging[0],
            invoiced,
            training: (!required.is_empty()).then_some((covered, required.len() as u32)),
            rating: ratings
                .get(&d.id)
                .and_then(|r| r.rating)
                .map(|r| r.clamp(0, 100) as u32),
            deductions_centi: deductions.get(&d.id).copied().unwrap_or(0),
        };
        let scored = score::score(&inputs, &settings);
        let value = |key: &str| {
            scored
                .indicators
                .iter()
                .find(|i| i.key == key)
                .and_then(|i| i.value.clone())
        };
        out.push(Scorecard {
            distributor_id: d.id,
            code: d.code.clone(),
            name: d.name.clone(),
            province: d.province.clone(),
            region: d.region.clone(),
            tier,
            sales: Money::from_fen(sales_fen),
            target: Money::from_fen(target_fen.unwrap_or(0)),
            achievement_pct: value("achievement"),
            last_year_sales: Money::from_fen(last_year_sales_fen),
            growth_pct: value("growth"),
            closing_balance: Money::from_fen(computed.closing_fen),
            not_due: Money::from_fen(computed.aging[0]),
            training_pct: value("training"),
            rating: value("rating"),
            comment: ratings
                .get(&d.id)
                .map(|r| r.comment.clone())
                .unwrap_or_default(),
            below_baseline: scored
                .total_centi
                .is_some_and(|t| t < i64::from(settings.baseline) * 100),
            total: scored.total_centi.map(score::centi_text),
            grade: scored.grade,
            deductions: score::centi_text(inputs.deductions_centi),
            indicators: scored
                .indicators
                .into_iter()
                .map(|i| (i.key.clone(), i))
                .collect(),
            warning_level: None,
            revision: 0,
        });
    }
    Ok(QuarterReview {
        quarter: quarter.to_string(),
        from: from.to_string(),
        to: to.to_string(),
        finalised: false,
        distributors: out,
    })
}
