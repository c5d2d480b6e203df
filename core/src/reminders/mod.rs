//! The reminders (the centre in `centre.rs` adds complaints and the
//! snoozed and handled decisions): agreements ending in 60/30/7 days (unless a renewal is
//! already signed), certificates expiring in 60/30/7 days or expired (unless
//! renewed), onboarding steps past their due date, improvement plans past
//! theirs, visits' follow-up actions past theirs, level-2 exit warnings,
//! broken payment promises not followed up, statements unanswered some days
//! after they were issued, balances overdue past a threshold, balances over
//! the credit limit and ended quarters left unfinalised.
pub mod centre;

use chrono::NaiveDate;
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter};
use serde::Serialize;
use ts_rs::TS;

use crate::agreement::{effective_status, AgreementStatus};
use crate::entity::{agreement, distributor};
use crate::error::AppResult;
use crate::money::Money;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, serde::Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum ReminderKind {
    AgreementEnding,
    CertificateExpiring,
    CertificateExpired,
    OnboardingOverdue,
    PlanOverdue,
    ExitWarning,
    VisitActionOverdue,
    PromiseBroken,
    ConfirmationUnanswered,
    /// A statement the distributor disputed: the difference is to be settled.
    StatementDisputed,
    BalanceOverdue,
    OverCreditLimit,
    QuarterNotFinalised,
    /// An open complaint with 75 % of an allowance used.
    ComplaintAtRisk,
    /// An open complaint past an allowance.
    ComplaintLate,
}

impl ReminderKind {
    /// Whose work the reminder is: deciding on it needs this right.
    pub fn right(self) -> crate::actor::Right {
        use crate::actor::Right;
        match self {
            ReminderKind::AgreementEnding
            | ReminderKind::OnboardingOverdue
            | ReminderKind::PlanOverdue
            | ReminderKind::ExitWarning
            | ReminderKind::VisitActionOverdue
            | ReminderKind::QuarterNotFinalised => Right::Channel,
            ReminderKind::CertificateExpiring | ReminderKind::CertificateExpired => Right::Training,
            ReminderKind::PromiseBroken
            | ReminderKind::ConfirmationUnanswered
            | ReminderKind::StatementDisputed
            | ReminderKind::BalanceOverdue
            | ReminderKind::OverCreditLimit => Right::Finance,
            ReminderKind::ComplaintAtRisk | ReminderKind::ComplaintLate => Right::Service,
        }
    }
}

#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct Reminder {
    pub kind: ReminderKind,
    /// Days until the date (negative: past it).
    #[ts(type = "number")]
    pub days: i64,
    /// 7, 30 or 60 for an ending agreement.
    pub window: Option<u32>,
    #[ts(type = "number")]
    pub distributor_id: i64,
    pub distributor_code: String,
    pub distributor_name: String,
    /// The agreement or onboarding step it is about.
    #[ts(type = "number")]
    pub ref_id: i64,
    /// `HT-2026-0001 v2` or the step's key.
    pub reference: String,
    pub label_zh: String,
    pub label_en: String,
    pub date: String,
    /// For a certificate: the course and the person, to plan a session for them.
    #[ts(type = "number | null")]
    pub course_id: Option<i64>,
    #[ts(type = "number | null")]
    pub contact_id: Option<i64>,
    /// A complaint's escalation level (1 at risk, 2 late, 3 late by half again).
    pub level: Option<u8>,
}

/// The windows in which an agreement's end is announced.
pub const WINDOWS: [u32; 3] = [7, 30, 60];

pub fn window_for(days: i64) -> Option<u32> {
    WINDOWS
        .into_iter()
        .find(|w| (0..=i64::from(*w)).contains(&days))
}

/// Which reminders to compute: the dashboard counts a few and skips the rest.
#[derive(Debug, Clone, Copy)]
pub struct Parts {
    /// Agreements ending, certificates, onboarding steps.
    pub operations: bool,
    /// Improvement plans, visit follow-ups, level-2 warnings.
    pub performance: bool,
    /// Promises, statements, overdue and over-limit balances, quarters to finalise.
    pub finance: bool,
}

impl Parts {
    pub const ALL: Parts = Parts {
        operations: true,
        performance: true,
        finance: true,
    };
}

/// Every reminder due on `today`, the nearest first.
pub async fn list<C: ConnectionTrait>(db: &C, today: NaiveDate) -> AppResult<Vec<Reminder>> {
    list_parts(db, today, Parts::ALL).await
}

/// The reminders of the parts asked for.
pub async fn list_parts<C: ConnectionTrait>(
    db: &C,
    today: NaiveDate,
    parts: Parts,
) -> AppResult<Vec<Reminder>> {
    let all = if parts.operations {
        agreement::Entity::find().all(db).await?
    } else {
        vec![]
    };
    let dists: std::collections::HashMap<i64, distributor::Model> =
        crate::distributor::models_by_id(db, all.iter().map(|m| m.distributor_id)).await?;
    let mut out = vec![];
    if parts.operations {
        for m in &all {
            if effective_status(m, today)? != AgreementStatus::Active {
                continue;
            }
            let renewed = all
                .iter()
                .any(|o| o.number == m.number && o.version > m.version && o.signed_date.is_some());
            let days = (m.term_end - today).num_days();
            let Some(window) = window_for(days).filter(|_| !renewed) else {
                continue;
            };
            let d = dists.get(&m.distributor_id);
            out.push(Reminder {
                kind: ReminderKind::AgreementEnding,
                days,
                window: Some(window),
                distributor_id: m.distributor_id,
                distributor_code: d.map(|d| d.code.clone()).unwrap_or_default(),
                distributor_name: d.map(|d| d.name.clone()).unwrap_or_default(),
                ref_id: m.id,
                reference: format!("{} v{}", m.number, m.version),
                label_zh: "协议即将到期".into(),
                label_en: "Agreement ending".into(),
                date: m.term_end.to_string(),
                course_id: None,
                contact_id: None,
                level: None,
            });
        }
        for c in crate::training::compliance::expiring(db, today).await? {
            let days = c.days_left.unwrap_or(0);
            out.push(Reminder {
                kind: if days < 0 {
                    ReminderKind::CertificateExpired
                } else {
                    ReminderKind::CertificateExpiring
                },
                days,
                window: window_for(days),
                distributor_id: c.distributor_id,
                distributor_code: c.distributor_code.clone(),
                distributor_name: c.distributor_name.clone(),
                ref_id: c.id,
                reference: c.number.clone(),
                label_zh: format!("{} · {}", c.person_name, c.course_title_zh),
                label_en: format!(
                    "{} · {}",
                    c.person_name,
                    if c.course_title_en.is_empty() {
                        &c.course_title_zh
                    } else {
                        &c.course_title_en
                    }
                ),
                date: c.expiry_date.clone().unwrap_or_default(),
                course_id: Some(c.course_id),
                contact_id: Some(c.contact_id),
                level: None,
            });
        }
        let pipeline = crate::onboarding::pipeline(db, today).await?;
        for c in pipeline.cards.iter().filter(|c| c.overdue) {
            let list = crate::onboarding::checklist(db, c.distributor_id, today).await?;
            for s in list.steps.iter().filter(|s| s.overdue) {
                let due = s.due_date.clone().unwrap_or_default();
                let days = crate::dates::parse_date(&due)
                    .map(|d| (d - today).num_days())
                    .unwrap_or(0);
                out.push(Reminder {
                    kind: ReminderKind::OnboardingOverdue,
                    days,
                    window: None,
                    distributor_id: c.distributor_id,
                    distributor_code: c.code.clone(),
                    distributor_name: c.name.clone(),
                    ref_id: s.id,
                    reference: s.key.clone(),
                    label_zh: s.label_zh.clone(),
                    label_en: s.label_en.clone(),
                    date: due,
                    course_id: None,
                    contact_id: None,
                    level: None,
                });
            }
        }
    }
    if parts.performance {
        for p in crate::scorecard::plan::list(db, None, true, today).await? {
            let Some(due) = crate::dates::parse_date(&p.due_on).filter(|_| p.overdue) else {
                continue;
            };
            out.push(Reminder {
                kind: ReminderKind::PlanOverdue,
                days: (due - today).num_days(),
                window: None,
                distributor_id: p.distributor_id,
                distributor_code: p.distributor_code.clone(),
                distributor_name: p.distributor_name.clone(),
                ref_id: p.id,
                reference: p.quarter.clone(),
                label_zh: format!("整改计划逾期 · {}", p.owner),
                label_en: format!("Improvement plan overdue · {}", p.owner),
                date: p.due_on.clone(),
                course_id: None,
                contact_id: None,
                level: None,
            });
        }
        // Every visit: the centre and the dashboard keep the reader's scope.
        let all = crate::visit::VisitQuery::default();
        let every = crate::visit::list(db, &crate::actor::Access::Open, &all, today);
        for v in every.await? {
            for a in v.actions.iter().filter(|a| a.overdue) {
                let Some(due) = crate::dates::parse_date(&a.due_on) else {
                    continue;
                };
                out.push(Reminder {
                    kind: ReminderKind::VisitActionOverdue,
                    days: (due - today).num_days(),
                    window: None,
                    distributor_id: v.distributor_id,
                    distributor_code: v.distributor_code.clone(),
                    distributor_name: v.distributor_name.clone(),
                    ref_id: a.id,
                    reference: v
                        .visited_on
                        .clone()
                        .or(v.planned_on.clone())
                        .unwrap_or_default(),
                    label_zh: format!("拜访跟进逾期 · {} · {}", a.owner, a.action),
                    label_en: format!("Visit follow-up overdue · {} · {}", a.owner, a.action),
                    date: a.due_on.clone(),
                    course_id: None,
                    contact_id: None,
                    level: None,
                });
            }
        }
        for w in crate::scorecard::finalise::warnings(db, None, today).await? {
            if w.level < 2 {
                continue;
            }
            let quarters = w.quarters.join(" ");
            out.push(Reminder {
                kind: ReminderKind::ExitWarning,
                days: 0,
                window: None,
                distributor_id: w.distributor_id,
                distributor_code: w.code.clone(),
                distributor_name: w.name.clone(),
                ref_id: w.distributor_id,
                reference: quarters.clone(),
                label_zh: format!("二级预警：连续两季度低于基准（{quarters}）"),
                label_en: format!(
                    "Level-2 warning: below the baseline two quarters running ({quarters})"
                ),
                date: w
                    .quarters
                    .first()
                    .and_then(|q| crate::scorecard::Quarter::parse(q))
                    .map(|q| q.last_day().to_string())
                    .unwrap_or_default(),
                course_id: None,
                contact_id: None,
                level: None,
            });
        }
    }
    if parts.finance {
        receivables(db, today, &mut out).await?;
    }
    out.sort_by_key(|r| r.days);
    Ok(out)
}

pub(crate) fn plain(
    kind: ReminderKind,
    today: NaiveDate,
    date: NaiveDate,
    (distributor_id, code, name): (i64, &str, &str),
    ref_id: i64,
    reference: String,
    (label_zh, label_en): (String, String),
) -> Reminder {
    Reminder {
        kind,
        days: (date - today).num_days(),
        window: None,
        distributor_id,
        distributor_code: code.to_string(),
        distributor_name: name.to_string(),
        ref_id,
        reference,
        label_zh,
        label_en,
        date: date.to_string(),
        course_id: None,
        contact_id: None,
        level: None,
    }
}

/// The finance clerk's reminders: promises, confirmations, overdue and
/// over-limit balances, and quarters left unfinalised.
async fn receivables<C: ConnectionTrait>(
    db: &C,
    today: NaiveDate,
    out: &mut Vec<Reminder>,
) -> AppResult<()> {
    use crate::ledger::{collections, receivables, runs};
    let settings = crate::settings::load_reminder_settings(db).await?;
    let q = collections::CallQuery {
        distributor_id: None,
        broken_only: true,
    };
    for c in collections::list(db, &q, today).await? {
        let (Some(on), Some(amount)) = (
            c.promised_on.as_deref().and_then(crate::dates::parse_date),
            c.promised_amount,
        ) else {
            continue;
        };
        let (amount, paid) = (amount.grouped(), c.paid.unwrap_or_default().grouped());
        out.push(plain(
            ReminderKind::PromiseBroken,
            today,
            on,
            (c.distributor_id, &c.distributor_code, &c.distributor_name),
            c.id,
            c.called_on.clone(),
            (
                format!(
                    "付款承诺未兑现：承诺 {amount}，已付 {paid}（{}）",
                    c.contact
                ),
                format!(
                    "Payment promise broken: {amount} promised, {paid} paid ({})",
                    c.contact
                ),
            ),
        ));
    }
    let latest =
        runs::latest_per_distributor(runs::list(db, &runs::RunQuery::default(), today).await?);
    for r in latest.iter().filter(|r| r.unanswered) {
        let Some(issued) = crate::dates::parse_date(&r.issued_on) else {
            continue;
        };
        let due = issued + chrono::Days::new(u64::from(settings.confirmation_days));
        out.push(plain(
            ReminderKind::ConfirmationUnanswered,
            today,
            due,
            (r.distributor_id, &r.distributor_code, &r.distributor_name),
            r.id,
            format!("{} – {}", r.period_from, r.period_to),
            (
                format!(
                    "对账单未回复（{} 发出，余额 {}）",
                    r.issued_on,
                    r.closing_balance.grouped()
                ),
                format!(
                    "Statement unanswered (issued {}, balance {})",
                    r.issued_on,
                    r.closing_balance.grouped()
                ),
            ),
        ));
    }
    for r in latest
        .iter()
        .filter(|r| r.status == runs::ConfirmStatus::Disputed)
    {
        let Some(on) = r.confirmed_on.as_deref().and_then(crate::dates::parse_date) else {
            continue;
        };
        let diff = r.difference.unwrap_or_default().grouped();
        out.push(plain(
            ReminderKind::StatementDisputed,
            today,
            on,
            (r.distributor_id, &r.distributor_code, &r.distributor_name),
            r.id,
            format!("{} – {}", r.period_from, r.period_to),
            (
                format!("对账有异议，差额 {diff}：{}", r.note),
                format!("Statement disputed, difference {diff}: {}", r.note),
            ),
        ));
    }
    let rec = receivables::load(db, &crate::actor::Access::Open, today).await?;
    let threshold = i64::from(settings.overdue_days);
    for d in &rec.distributors {
        let who = (d.distributor_id, d.code.as_str(), d.name.as_str());
        if let Some(days) = d.oldest_overdue_days.filter(|n| *n > threshold) {
            // The day the oldest unpaid debit passed the threshold: stable
            // while that debit stays unpaid.
            let due = today - chrono::Days::new((days - threshold) as u64);
            out.push(plain(
                ReminderKind::BalanceOverdue,
                today,
                due,
                who,
                d.distributor_id,
                d.code.clone(),
                (
                    format!("逾期 {days} 天，逾期金额 {}", d.overdue.grouped()),
                    format!("Overdue {days} days, {} past due", d.overdue.grouped()),
                ),
            ));
        }
        if d.over_limit {
            let since = d
                .last_debit_date
                .as_deref()
                .and_then(crate::dates::parse_date)
                .unwrap_or(today);
            let over =
                Money::from_fen(d.closing_balance.fen().saturating_sub(d.credit_limit.fen()))
                    .grouped();
            out.push(plain(
                ReminderKind::OverCreditLimit,
                today,
                since,
                who,
                d.distributor_id,
                d.code.clone(),
                (
                    format!(
                        "超信用额度 {over}（余额 {}，额度 {}）",
                        d.closing_balance.grouped(),
                        d.credit_limit.grouped()
                    ),
                    format!(
                        "Over the credit limit by {over} (balance {}, limit {})",
                        d.closing_balance.grouped(),
                        d.credit_limit.grouped()
                    ),
                ),
            ));
        }
    }
    // The last ended quarter, once it has been over for the days set, if
    // anything was rated in it or any distributor is active.
    let last = crate::scorecard::Quarter::of(today).previous();
    let due = last.last_day() + chrono::Days::new(u64::from(settings.finalise_days));
    if today >= due
        && !crate::scorecard::finalise::is_finalised(db, last).await?
        && distributor::Entity::find()
            .filter(distributor::Column::Status.eq(crate::distributor::Status::Active.key()))
            .count(db)
            .await?
            > 0
    {
        out.push(plain(
            ReminderKind::QuarterNotFinalised,
            today,
            due,
            (0, "", ""),
            i64::from(last.year) * 10 + i64::from(last.q),
            last.to_string(),
            (
                format!("{last} 季度考核尚未定稿"),
                format!("Quarter {last} reviews not finalised"),
            ),
        ));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    #[test]
    fn windows() {
        assert_eq!(super::window_for(0), Some(7));
        assert_eq!(super::window_for(7), Some(7));
        assert_eq!(super::window_for(8), Some(30));
        assert_eq!(super::window_for(60), Some(60));
        assert_eq!(super::window_for(61), None);
        assert_eq!(super::window_for(-1), None);
    }
}
