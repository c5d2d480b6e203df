//! The owner's dashboard (经营看板): for a month, a quarter or a year, sales
//! against the agreements' targets (the scorecard's rule), this year against
//! last by month, sales by province and by sales region, the top ten
//! distributors; receivables by bucket, the overdue total, how many are over
//! their limit and how many statements are unanswered; complaints open, at
//! risk and late, and the period's SLA compliance; what ends, expires or is
//! late; the grades of the latest finalised quarter, the exit warnings and
//! the tier changes the annual review recommends. Every figure is the one
//! the list behind its tile shows.
use std::collections::{BTreeMap, HashMap, HashSet};

use chrono::{Datelike, NaiveDate};
use sea_orm::{
    ColumnTrait, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter, TransactionTrait,
};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::actor::Access;
use crate::dates::Clock;
use crate::entity::{agreement, complaint};
use crate::error::{AppError, AppResult, ErrorCode};
use crate::ledger::lines::Line;
use crate::ledger::receivables::{self, ReceivableTotals};
use crate::ledger::EntryKind;
use crate::money::Money;
use crate::reminders::ReminderKind;
use crate::scorecard::{Grade, Quarter};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum PeriodKind {
    Month,
    #[default]
    Quarter,
    Year,
}

#[derive(Debug, Clone, Default, Deserialize, TS)]
#[ts(export)]
pub struct DashboardRequest {
    #[serde(default)]
    pub period: PeriodKind,
    /// Any day of the period (`YYYY-MM-DD`); empty: today.
    #[serde(default)]
    pub on: String,
}

#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct Amount {
    pub name: String,
    pub amount: Money,
}

#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct TopDistributor {
    #[ts(type = "number")]
    pub distributor_id: i64,
    pub code: String,
    pub name: String,
    pub sales: Money,
}

#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct GradeCount {
    pub grade: Grade,
    pub count: u32,
}

#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct Dashboard {
    pub period: PeriodKind,
    pub from: String,
    pub to: String,
    /// Receivables and due things are as of this day: today, or the period's
    /// end when it is over.
    pub as_of: String,
    /// Invoices less credit notes in the period (reversed entries left out).
    pub sales: Money,
    /// The governing agreements' targets lying inside the period.
    pub target: Money,
    pub achievement_pct: Option<String>,
    /// The period's year, month by month, and the year before.
    pub this_year: Vec<Money>,
    pub last_year: Vec<Money>,
    pub year: i32,
    pub by_province: Vec<Amount>,
    pub by_region: Vec<Amount>,
    pub top: Vec<TopDistributor>,
    pub receivables: ReceivableTotals,
    pub bucket_labels: Vec<String>,
    pub overdue_distributors: u32,
    pub over_limit: u32,
    pub unconfirmed: u32,
    pub complaints_open: u32,
    pub complaints_at_risk: u32,
    pub complaints_late: u32,
    /// Resolution within the allowance, of the complaints received in the period (one decimal).
    pub sla_pct: Option<String>,
    pub agreements_ending: u32,
    pub certificates_expiring: u32,
    pub certificates_expired: u32,
    pub onboarding_late: u32,
    /// The latest finalised quarter ending on or before the period's end.
    pub grades_quarter: Option<String>,
    pub grades: Vec<GradeCount>,
    pub warnings_level1: u32,
    pub warnings_level2: u32,
    /// The annual review of the period's year: promotions and demotions recommended.
    pub tier_changes: u32,
}

/// The period's first and last day.
pub fn period(kind: PeriodKind, on: NaiveDate) -> (NaiveDate, NaiveDate) {
    let ymd = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap_or(on);
    match kind {
        PeriodKind::Month => {
            let first = ymd(on.year(), on.month(), 1);
            let next = if on.month() == 12 {
                ymd(on.year() + 1, 1, 1)
            } else {
                ymd(on.year(), on.month() + 1, 1)
            };
            (first, next.pred_opt().unwrap_or(next))
        }
        PeriodKind::Quarter => {
            let q = Quarter::of(on);
            (q.first_day(), q.last_day())
        }
        PeriodKind::Year => (ymd(on.year(), 1, 1), ymd(on.year(), 12, 31)),
    }
}

fn pct(num: i64, den: i64) -> Option<String> {
    (den > 0).then(|| {
        let centi = crate::scorecard::score::div_half_up(i128::from(num) * 10_000, i128::from(den));
        crate::scorecard::score::centi_text(centi as i64)
    })
}

/// Sales (invoices − credit notes) per distributor per month of `years`.
struct Sales {
    /// (distributor, year, month) → fen.
    cells: HashMap<(i64, i32, u32), i64>,
}

impl Sales {
    fn of(lines: &[Line]) -> AppResult<Sales> {
        let reversed: HashSet<i64> = lines.iter().filter_map(|l| l.reverses_id).collect();
        let mut cells: HashMap<(i64, i32, u32), i64> = HashMap::new();
        for l in lines
            .iter()
            .filter(|l| l.reverses_id.is_none() && !reversed.contains(&l.id))
        {
            let signed = match l.kind {
                EntryKind::Invoice => l.amount_fen,
                EntryKind::CreditNote => -l.amount_fen,
                _ => continue,
            };
            let cell = cells
                .entry((l.distributor_id, l.entry_date.year(), l.entry_date.month()))
                .or_default();
            *cell = cell.checked_add(signed).ok_or_else(too_large)?;
        }
        Ok(Sales { cells })
    }
}

fn too_large() -> AppError {
    AppError::field("sales", ErrorCode::TotalOutOfRange)
}

fn add(a: i64, b: i64) -> AppResult<i64> {
    a.checked_add(b).ok_or_else(too_large)
}

pub async fn load<C: ConnectionTrait + TransactionTrait>(
    db: &C,
    access: &Access,
    req: &DashboardRequest,
    clock: &Clock,
) -> AppResult<Dashboard> {
    // Every figure counts only the distributors in the reader's scope.
    let visible = crate::scope::visible(db, access).await?;
    let shows = |id: i64| crate::scope::shows(&visible, id);
    let today = clock.today;
    let on = crate::ledger::receivables::parse_as_of(&req.on, today)
        .map_err(|_| AppError::field("on", ErrorCode::DateFormat))?;
    let (from, to) = period(req.period, on);
    let as_of = to.min(today);
    let year = to.year();

    // Sales: one read of the ledger's lines up to the period's end.
    let year_end = NaiveDate::from_ymd_opt(year, 12, 31).unwrap_or(to);
    let mut lines = crate::ledger::lines::upto(db, year_end.max(to), None).await?;
    lines.retain(|l| shows(l.distributor_id));
    let sales = Sales::of(&lines)?;
    let in_period = |y: i32, m: u32| {
        let first = NaiveDate::from_ymd_opt(y, m, 1).unwrap_or(from);
        first >= NaiveDate::from_ymd_opt(from.year(), from.month(), 1).unwrap_or(from)
            && first <= to
    };
    let mut per_dist: HashMap<i64, i64> = HashMap::new();
    let mut this_year = [0i64; 12];
    let mut last_year = [0i64; 12];
    for ((d, y, m), fen) in &sales.cells {
        if in_period(*y, *m) {
            let e = per_dist.entry(*d).or_default();
            *e = add(*e, *fen)?;
        }
        let i = (*m as usize).saturating_sub(1).min(11);
        if *y == year {
            this_year[i] = add(this_year[i], *fen)?;
        } else if *y == year - 1 {
            last_year[i] = add(last_year[i], *fen)?;
        }
    }
    let total_sales = per_dist.values().try_fold(0i64, |s, v| add(s, *v))?;

    // Targets: the governing agreement's targets lying inside the period.
    let mut agreements = agreement::Entity::find().all(db).await?;
    agreements.retain(|a| shows(a.distributor_id));
    let mut target = 0i64;
    for m in crate::agreement::rebate::governing(&agreements, from, to)? {
        for t in crate::agreement::targets_of(m)?
            .iter()
            .filter(|t| from <= t.from && t.to <= to)
        {
            target = add(target, t.amount_fen)?;
        }
    }

    let dists = crate::distributor::models_by_id(db, per_dist.keys().copied()).await?;
    let mut province: BTreeMap<String, i64> = BTreeMap::new();
    let mut region: BTreeMap<String, i64> = BTreeMap::new();
    for (id, fen) in &per_dist {
        let Some(d) = dists.get(id) else { continue };
        let p = province.entry(d.province.clone()).or_default();
        *p = add(*p, *fen)?;
        let r = region.entry(d.region.clone()).or_default();
        *r = add(*r, *fen)?;
    }
    let ranked = |m: BTreeMap<String, i64>| {
        let mut v: Vec<Amount> = m
            .into_iter()
            .filter(|(_, fen)| *fen != 0)
            .map(|(name, fen)| Amount {
                name,
                amount: Money::from_fen(fen),
            })
            .collect();
        v.sort_by(|a, b| {
            b.amount
                .fen()
                .cmp(&a.amount.fen())
                .then(a.name.cmp(&b.name))
        });
        v
    };
    let mut top: Vec<TopDistributor> = per_dist
        .iter()
        .filter_map(|(id, fen)| {
            dists.get(id).map(|d| TopDistributor {
                distributor_id: d.id,
                code: d.code.clone(),
                name: d.name.clone(),
                sales: Money::from_fen(*fen),
            })
        })
        .collect();
    top.sort_by(|a, b| b.sales.fen().cmp(&a.sales.fen()).then(a.code.cmp(&b.code)));
    top.truncate(10);

    // Receivables and everything due, as of the day.
    let rec = receivables::from_lines(db, access, as_of, &lines).await?;
    let mut due = crate::reminders::list_parts(
        db,
        as_of,
        crate::reminders::Parts {
            operations: true,
            performance: false,
            finance: false,
        },
    )
    .await?;
    due.retain(|r| r.distributor_id == 0 || shows(r.distributor_id));
    let count = |k: ReminderKind| due.iter().filter(|r| r.kind == k).count() as u32;
    let unconfirmed = crate::ledger::runs::latest_per_distributor(
        crate::ledger::runs::list(db, &Default::default(), as_of).await?,
    )
    .iter()
    .filter(|r| r.unanswered && shows(r.distributor_id))
    .count() as u32;

    // Complaints: open, and those at risk or late now.
    let open = complaint::Entity::find()
        .filter(complaint::Column::Status.is_not_in(["resolved", "verified", "closed"]))
        .filter(crate::scope::on(access, complaint::Column::DistributorId))
        .count(db)
        .await? as u32;
    let late_view = crate::complaint::list(
        db,
        access,
        &crate::complaint::ComplaintQuery {
            view: crate::complaint::ComplaintView::Late,
            paging: crate::paging::Paging::ALL,
            ..Default::default()
        },
        clock.now,
    )
    .await?;
    let late = late_view
        .rows
        .iter()
        .filter(|c| {
            [&c.sla.first_response, &c.sla.resolution]
                .iter()
                .any(|k| k.state == crate::complaint::sla::ClockState::Breached)
        })
        .count() as u32;
    let report = crate::complaint::report::build(
        db,
        access,
        &crate::complaint::report::ReportRequest {
            from: from.to_string(),
            to: to.to_string(),
            distributor_id: None,
        },
        clock.now,
    )
    .await?;

    // Scorecards: the latest finalised quarter's grades, the warnings, the
    // annual review's recommendations.
    let finalised = crate::scorecard::finalise::finalised_quarters(db).await?;
    let latest = finalised.iter().rev().find(|q| q.last_day() <= to).copied();
    let mut grades: Vec<GradeCount> = [Grade::A, Grade::B, Grade::C, Grade::D]
        .into_iter()
        .map(|grade| GradeCount { grade, count: 0 })
        .collect();
    if let Some(q) = latest {
        if let Some(review) = crate::scorecard::finalise::frozen(db, q).await? {
            for s in review
                .distributors
                .iter()
                .filter(|s| shows(s.distributor_id))
            {
                if let Some(slot) = grades.iter_mut().find(|c| Some(c.grade) == s.grade) {
                    slot.count += 1;
                }
            }
        }
    }
    let mut warnings = crate::scorecard::finalise::warnings(db, None, as_of).await?;
    warnings.retain(|w| shows(w.distributor_id));
    let mut tiers = crate::scorecard::tiers::review(db, year).await?;
    tiers.distributors.retain(|r| shows(r.distributor_id));

    Ok(Dashboard {
        period: req.period,
        from: from.to_string(),
        to: to.to_string(),
        as_of: as_of.to_string(),
        sales: Money::from_fen(total_sales),
        target: Money::from_fen(target),
        achievement_pct: pct(total_sales, target),
        this_year: this_year.iter().map(|f| Money::from_fen(*f)).collect(),
        last_year: last_year.iter().map(|f| Money::from_fen(*f)).collect(),
        year,
        by_province: ranked(province),
        by_region: ranked(region),
        top,
        bucket_labels: rec.buckets.clone(),
        overdue_distributors: rec
            .distributors
            .iter()
            .filter(|d| d.oldest_overdue_days.is_some())
            .count() as u32,
        over_limit: rec.distributors.iter().filter(|d| d.over_limit).count() as u32,
        receivables: rec.totals,
        unconfirmed,
        complaints_open: open,
        complaints_at_risk: late_view.rows.len() as u32 - late,
        complaints_late: late,
        sla_pct: report.sla.resolution_met_pct.map(|p| format!("{p:.1}")),
        agreements_ending: count(ReminderKind::AgreementEnding),
        certificates_expiring: count(ReminderKind::CertificateExpiring),
        certificates_expired: count(ReminderKind::CertificateExpired),
        onboarding_late: count(ReminderKind::OnboardingOverdue),
        grades_quarter: latest.map(|q| q.to_string()),
        grades,
        warnings_level1: warnings.iter().filter(|w| w.level == 1).count() as u32,
        warnings_level2: warnings.iter().filter(|w| w.level >= 2).count() as u32,
        tier_changes: tiers
            .distributors
            .iter()
            .filter(|r| {
                matches!(
                    r.direction,
                    Some(crate::scorecard::tiers::Direction::Promote)
                        | Some(crate::scorecard::tiers::Direction::Demote)
                )
            })
            .count() as u32,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn periods() {
        let d = |s| crate::dates::parse_date(s).unwrap();
        assert_eq!(
            period(PeriodKind::Month, d("2026-02-14")),
            (d("2026-02-01"), d("2026-02-28"))
        );
        assert_eq!(
            period(PeriodKind::Month, d("2026-12-31")),
            (d("2026-12-01"), d("2026-12-31"))
        );
        assert_eq!(
            period(PeriodKind::Quarter, d("2026-11-30")),
            (d("2026-10-01"), d("2026-12-31"))
        );
        assert_eq!(
            period(PeriodKind::Year, d("2026-05-05")),
            (d("2026-01-01"), d("2026-12-31"))
        );
        assert_eq!(pct(50, 200).as_deref(), Some("25.00"));
        assert_eq!(pct(1, 0), None);
    }
}
