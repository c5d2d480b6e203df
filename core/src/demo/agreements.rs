//! Sample onboarding checklists and agreements: applicants part-way through
//! onboarding, drafts awaiting signature, signed agreements with quarterly
//! targets and a rebate ladder (a few ending within 60 days) and one exclusive
//! territory that collides with another. Built through the real workflow.
use crate::actor::Actor;
use chrono::{Datelike, Days, Months, NaiveDate};
use sea_orm::{
    ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, TransactionTrait,
};

use super::Rng;
use crate::agreement::{
    self, AgreementInput, LadderStep, PaymentMethod, SignRequest, TargetInput, Territory,
};
use crate::distributor::Status;
use crate::entity::{agreement as agreement_e, distributor as dist, ledger_entry, onboarding_step};
use crate::error::AppResult;
use crate::onboarding::{self, OnboardingStart, StepUpdate};

/// Periods of `months` months from `start`, the last one cut at `end`.
pub fn periods(
    start: NaiveDate,
    end: NaiveDate,
    months: u32,
) -> Vec<(String, NaiveDate, NaiveDate)> {
    let mut out = vec![];
    let mut from = start;
    while from <= end {
        let next = from.checked_add_months(Months::new(months)).unwrap_or(end);
        let to = (next - Days::new(1)).min(end);
        let label = if months == 3 && from.day() == 1 && (from.month() - 1).is_multiple_of(3) {
            format!("{}-Q{}", from.year(), (from.month() - 1) / 3 + 1)
        } else {
            format!("{from} ~ {to}")
        };
        out.push((label, from, to));
        from = to + Days::new(1);
    }
    out
}

fn ladder() -> Vec<LadderStep> {
    [("80", "1"), ("100", "3"), ("120", "5")]
        .iter()
        .map(|(a, r)| LadderStep {
            threshold_pct: (*a).into(),
            rebate_pct: (*r).into(),
        })
        .collect()
}

fn input(
    d: &dist::Model,
    territory: Territory,
    exclusive: bool,
    (start, end): (NaiveDate, NaiveDate),
    yearly_sales_fen: i64,
    rng: &mut Rng,
) -> AgreementInput {
    // Quarterly targets around the distributor's sales in the ledger (70–140 %),
    // so a rebate run reaches every step of the ladder.
    let base = if yearly_sales_fen > 0 {
        yearly_sales_fen / 4 / 100
    } else {
        200_000
    };
    let factor = 70 + rng.below(71) as i64;
    let quarter_target = (base * factor / 100 / 10_000).max(1) * 10_000;
    AgreementInput {
        distributor_id: d.id,
        territories: vec![territory],
        exclusive,
        term_start: start.to_string(),
        term_end: end.to_string(),
        payment_days: d.payment_terms_days.clamp(0, 365),
        payment_method: Some(
            [
                PaymentMethod::BankTransfer,
                PaymentMethod::Acceptance,
                PaymentMethod::Prepayment,
            ][rng.below(3) as usize],
        ),
        credit_limit: crate::money::Money::from_fen(d.credit_limit_fen).to_string(),
        discount_pct: ["8", "10", "12.5", "15"][rng.below(4) as usize].into(),
        buyback_pct: "80".into(),
        targets: periods(start, end, 3)
            .into_iter()
            .map(|(label, from, to)| TargetInput {
                label,
                from: from.to_string(),
                to: to.to_string(),
                amount: format!("{quarter_target}.00"),
            })
            .collect(),
        ladder: ladder(),
        special_clauses: "乙方须在每月 5 日前报送上月进销存数据。".into(),
    }
}

/// How many distributors (by code) get sample onboarding and agreements: a
/// sample-sized set, so `demo-data --distributors 10000` stays quick.
pub const SAMPLE_SIZE: usize = 60;

/// Adds the sample onboarding and agreements for distributors that have none
/// (the first `SAMPLE_SIZE` by code). Returns (checklists started, agreements created).
pub async fn generate_agreements<C: ConnectionTrait + TransactionTrait>(
    db: &C,
    actor: &Actor,
    seed: u64,
) -> AppResult<(u32, u32)> {
    let today = actor.today();
    let root = std::env::temp_dir();
    let mut dists = dist::Entity::find()
        .order_by_asc(dist::Column::Code)
        .all(db)
        .await?;
    dists.truncate(SAMPLE_SIZE);
    let with_agreement: std::collections::HashSet<i64> = agreement_e::Entity::find()
        .all(db)
        .await?
        .into_iter()
        .map(|a| a.distributor_id)
        .collect();
    let onboarding_started: std::collections::HashSet<i64> = onboarding_step::Entity::find()
        .all(db)
        .await?
        .into_iter()
        .map(|s| s.distributor_id)
        .collect();
    let mut rng = Rng(seed ^ 0xA6E3_17B0_11C5_D00D);
    let (mut checklists, mut agreements) = (0u32, 0u32);
    let mut first_exclusive: Option<String> = None;
    let mut cities_used = std::collections::HashSet::new();
    let mut cities_exclusive = std::collections::HashSet::new();
    let year_start = NaiveDate::from_ymd_opt(today.year(), 1, 1).unwrap_or(today);
    let mut sales: std::collections::HashMap<i64, i64> = std::collections::HashMap::new();
    for e in ledger_entry::Entity::find()
        .filter(ledger_entry::Column::EntryDate.gte(year_start))
        .all(db)
        .await?
    {
        match e.kind.as_str() {
            "invoice" => *sales.entry(e.distributor_id).or_default() += e.amount_fen,
            "credit_note" => *sales.entry(e.distributor_id).or_default() -= e.amount_fen,
            _ => {}
        }
    }
    let mut active_seen = 0u32;
    let last_active = dists
        .iter()
        .filter(|d| d.status == Status::Active.key())
        .map(|d| d.id)
        .next_back();
    for d in &dists {
        let status = crate::distributor::status_of(d)?;
        let area = Territory {
            province: d.province.clone(),
            city: d.city.clone(),
            ..Default::default()
        };
        if matches!(
            status,
            Status::Applicant | Status::UnderReview | Status::Approved
        ) && !onboarding_started.contains(&d.id)
        {
            let start = today - Days::new(5 + rng.below(40));
            let list = onboarding::start(
                db,
                actor,
                &OnboardingStart {
                    distributor_id: d.id,
                    start_date: start.to_string(),
                },
            )
            .await?;
            checklists += 1;
            let done: &[&str] = match status {
                Status::Applicant => &[],
                Status::UnderReview => &["documents"],
                _ => &["documents", "site_visit"],
            };
            for s in list.steps.iter().filter(|s| done.contains(&s.key.as_str())) {
                onboarding::update_step(
                    db,
                    actor,
                    &StepUpdate {
                        id: s.id,
                        owner: "李娜".into(),
                        due_date: s.due_date.clone().unwrap_or_default(),
                        done_date: (start + Days::new(3 + rng.below(3))).min(today).to_string(),
                        note: String::new(),
                    },
                )
                .await?;
            }
            if status == Status::Approved
                && !with_agreement.contains(&d.id)
                && !area.province.is_empty()
            {
                let start = NaiveDate::from_ymd_opt(today.year() + 1, 1, 1).unwrap_or(today);
                let end = NaiveDate::from_ymd_opt(today.year() + 1, 12, 31).unwrap_or(today);
                let a = agreement::create(
                    db,
                    actor,
                    &input(d, area.clone(), false, (start, end), 0, &mut rng),
                )
                .await?;
                if rng.below(2) == 0 {
                    agreement::submit(db, actor, a.agreement.id).await?;
                }
                agreements += 1;
            }
            continue;
        }
        if status != Status::Active || with_agreement.contains(&d.id) || area.province.is_empty() {
            continue;
        }
        active_seen += 1;
        // Most run for the calendar year; every fifth ends within 60 days.
        let (start, end) = if active_seen.is_multiple_of(5) {
            let end = today + Days::new([5, 20, 45][(active_seen / 5 % 3) as usize]);
            (end - Days::new(364), end)
        } else {
            (
                NaiveDate::from_ymd_opt(today.year(), 1, 1).unwrap_or(today),
                NaiveDate::from_ymd_opt(today.year(), 12, 31).unwrap_or(today),
            )
        };
        let city = (area.province.clone(), area.city.clone());
        let (territory, exclusive) = match (&first_exclusive, Some(d.id) == last_active) {
            // The last one claims a whole province exclusively where another
            // already sells: the one channel conflict of the sample.
            (Some(p), true) => (
                Territory {
                    province: p.clone(),
                    ..Default::default()
                },
                true,
            ),
            // A city someone holds exclusively: this one sells in its named region.
            _ if cities_exclusive.contains(&city) => (
                Territory {
                    region: format!(
                        "{}大区",
                        if d.region.is_empty() {
                            "华东"
                        } else {
                            &d.region
                        }
                    ),
                    ..Default::default()
                },
                false,
            ),
            _ => (
                area.clone(),
                active_seen % 3 == 1 && !cities_used.contains(&city),
            ),
        };
        if territory.region.is_empty() {
            cities_used.insert(city.clone());
        }
        if exclusive && Some(d.id) != last_active {
            cities_exclusive.insert(city);
            first_exclusive.get_or_insert(area.province.clone());
        }
        let yearly = sales.get(&d.id).copied().unwrap_or(0);
        let a = agreement::create(
            db,
            actor,
            &input(d, territory, exclusive, (start, end), yearly, &mut rng),
        )
        .await?;
        agreement::submit(db, actor, a.agreement.id).await?;
        let signed = (start - Days::new(10)).min(today);
        agreement::sign(
            db,
            &root,
            actor,
            &SignRequest {
                id: a.agreement.id,
                signed_date: signed.to_string(),
                scan_path: String::new(),
                apply_terms: false,
            },
        )
        .await?;
        agreements += 1;
    }
    Ok((checklists, agreements))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quarters_of_a_year_and_a_cut_last_period() {
        let d = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap();
        let q = periods(d("2026-01-01"), d("2026-12-31"), 3);
        let labels: Vec<_> = q.iter().map(|p| p.0.as_str()).collect();
        assert_eq!(labels, ["2026-Q1", "2026-Q2", "2026-Q3", "2026-Q4"]);
        assert_eq!(q[0].2, d("2026-03-31"));
        let cut = periods(d("2025-12-10"), d("2026-02-20"), 3);
        assert_eq!(cut.len(), 1);
        assert_eq!(cut[0].2, d("2026-02-20"));
        let monthly = periods(d("2026-01-31"), d("2026-04-30"), 1);
        assert_eq!(monthly[0].2, d("2026-02-27"));
    }
}
