//! Targets and rebates: achievement per period = (invoices − credit notes in
//! the ledger) ÷ target; the ladder gives the rebate % of the period's sales.
//! Approving a run posts one `rebate` entry per distributor with the run's
//! doc_no, so a second approval of the same period posts nothing.
use crate::actor::Actor;
use crate::actor::Right;
use crate::error::ErrorCode;
use std::collections::{HashMap, HashSet};

use chrono::NaiveDate;
use sea_orm::{
    ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, TransactionSession, TransactionTrait,
};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::{fmt_pct, ladder_of, targets_of, AgreementStatus, StoredStep};
use crate::entity::{agreement, distributor, ledger_entry};
use crate::error::{AppError, AppResult};
use crate::ledger::statement::parse_period;
use crate::ledger::EntryKind;
use crate::money::Money;

#[derive(Debug, Clone, Deserialize, TS)]
#[ts(export)]
pub struct RebateRunRequest {
    pub from: String,
    pub to: String,
}

#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct RebateLine {
    #[ts(type = "number")]
    pub agreement_id: i64,
    pub number: String,
    pub version: i32,
    #[ts(type = "number")]
    pub distributor_id: i64,
    pub distributor_code: String,
    pub distributor_name: String,
    /// Sum of the agreement's targets whose period lies inside the run's.
    pub target: Money,
    pub invoiced: Money,
    pub credited: Money,
    /// invoiced − credited.
    pub sales: Money,
    /// sales ÷ target in %, two decimals, rounded down.
    pub achievement_pct: String,
    /// The ladder step reached (its threshold), if any.
    pub step_pct: Option<String>,
    pub rebate_pct: String,
    pub rebate: Money,
    /// The amount already posted for this period, if it has been.
    pub posted: Option<Money>,
    /// A violation dated in the period withholds this rebate: nothing is posted.
    pub withheld: bool,
}

#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct RebateRun {
    pub from: String,
    pub to: String,
    pub doc_no: String,
    pub lines: Vec<RebateLine>,
    pub total: Money,
    /// Lines with a rebate not yet posted.
    pub to_post: u32,
    pub already_posted: u32,
}

#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct RebateApproval {
    pub run: RebateRun,
    pub posted: u32,
}

/// Achievement in basis points of a percent (10 000 = 100 %), rounded down.
pub fn achievement_bp(sales_fen: i64, target_fen: i64) -> i64 {
    if target_fen <= 0 || sales_fen <= 0 {
        return 0;
    }
    (i128::from(sales_fen) * 10_000 / i128::from(target_fen)).min(i128::from(i64::MAX)) as i64
}

/// The highest step whose threshold the achievement reaches.
pub(crate) fn step_for(ladder: &[StoredStep], achievement_bp: i64) -> Option<StoredStep> {
    ladder
        .iter()
        .filter(|s| i64::from(s.threshold_bp) <= achievement_bp)
        .max_by_key(|s| s.threshold_bp)
        .copied()
}

/// rebate % of the sales, half up to the fen; never negative.
pub fn rebate_fen(sales_fen: i64, rebate_bp: i32) -> i64 {
    if sales_fen <= 0 || rebate_bp <= 0 {
        return 0;
    }
    let r = (i128::from(sales_fen) * i128::from(rebate_bp) + 5_000) / 10_000;
    r.min(i128::from(i64::MAX)) as i64
}

pub fn doc_no(from: NaiveDate, to: NaiveDate) -> String {
    format!("RB-{}-{}", from.format("%Y%m%d"), to.format("%Y%m%d"))
}

fn pct2(bp: i64) -> String {
    format!("{}.{:02}", bp / 100, bp % 100)
}

/// The agreement that governs a distributor's rebate for the period: signed,
/// covering the whole period, not terminated before its end, not superseded;
/// the newest version if several qualify.
pub(crate) fn governing(
    all: &[agreement::Model],
    from: NaiveDate,
    to: NaiveDate,
) -> AppResult<Vec<&agreement::Model>> {
    let mut best: HashMap<i64, &agreement::Model> = HashMap::new();
    for m in all {
        let status = super::status_of(m)?;
        let ok = m.signed_date.is_some()
            && matches!(
                status,
                AgreementStatus::Signed | AgreementStatus::Terminated
            )
            && m.term_start <= from
            && to <= m.term_end
            && m.terminated_date.is_none_or(|d| d >= to);
        if !ok {
            continue;
        }
        let e = best.entry(m.distributor_id).or_insert(m);
        if (m.version, m.id) > (e.version, e.id) {
            *e = m;
        }
    }
    let mut out: Vec<_> = best.into_values().collect();
    out.sort_by(|a, b| a.number.cmp(&b.number));
    Ok(out)
}

/// Computes the run for a period; writes nothing.
pub async fn preview<C: ConnectionTrait>(db: &C, req: &RebateRunRequest) -> AppResult<RebateRun> {
    let (from, to) = parse_period(&req.from, &req.to)?;
    let doc = doc_no(from, to);
    let all = agreement::Entity::find().all(db).await?;
    let chosen = governing(&all, from, to)?;
    let ids: Vec<i64> = chosen.iter().map(|m| m.distributor_id).collect();
    let dists: HashMap<i64, distributor::Model> =
        crate::distributor::models_by_id(db, ids.clone()).await?;
    let entries = crate::db::find_in(
        db,
        ledger_entry::Entity::find()
            .filter(ledger_entry::Column::EntryDate.between(from, to))
            .filter(
                ledger_entry::Column::Kind
                    .is_in([EntryKind::Invoice.key(), EntryKind::CreditNote.key()]),
            ),
        ledger_entry::Column::DistributorId,
        ids.clone(),
    )
    .await?;
    let reversed: HashSet<i64> = crate::db::find_in(
        db,
        ledger_entry::Entity::find().filter(ledger_entry::Column::ReversesId.is_not_null()),
        ledger_entry::Column::DistributorId,
        ids.clone(),
    )
    .await?
    .into_iter()
    .filter_map(|e| e.reverses_id)
    .collect();
    let posted: HashMap<i64, i64> = crate::db::find_in(
        db,
        ledger_entry::Entity::find()
            .filter(ledger_entry::Column::Kind.eq(EntryKind::Rebate.key()))
            .filter(ledger_entry::Column::DocNo.eq(doc.as_str())),
        ledger_entry::Column::DistributorId,
        ids,
    )
    .await?
    .into_iter()
    .map(|e| (e.distributor_id, e.amount_fen))
    .collect();
    let withheld = crate::violation::withheld_in(db, from, to).await?;
    let mut lines = vec![];
    // Every sum is checked: a total past i64 fen is refused, never wrapped.
    let too_large = || AppError::field("total", ErrorCode::TotalOutOfRange);
    let add = |a: i64, b: i64| a.checked_add(b).ok_or_else(too_large);
    for m in chosen {
        let target_fen = targets_of(m)?
            .iter()
            .filter(|t| from <= t.from && t.to <= to)
            .try_fold(0i64, |sum, t| add(sum, t.amount_fen))?;
        if target_fen <= 0 {
            continue;
        }
        let mut invoiced = 0i64;
        let mut credited = 0i64;
        for e in entries
            .iter()
            .filter(|e| e.distributor_id == m.distributor_id && !reversed.contains(&e.id))
        {
            if e.kind == EntryKind::Invoice.key() {
                invoiced = add(invoiced, e.amount_fen)?;
            } else {
                credited = add(credited, e.amount_fen)?;
            }
        }
        let sales = invoiced.checked_sub(credited).ok_or_else(too_large)?;
        let ach = achievement_bp(sales, target_fen);
        let step = step_for(&ladder_of(m)?, ach);
        let rebate_bp = step.map_or(0, |s| s.rebate_bp);
        let d = dists.get(&m.distributor_id);
        lines.push(RebateLine {
            agreement_id: m.id,
            number: m.number.clone(),
            version: m.version,
            distributor_id: m.distributor_id,
            distributor_code: d.map(|d| d.code.clone()).unwrap_or_default(),
            distributor_name: d.map(|d| d.name.clone()).unwrap_or_default(),
            target: Money::from_fen(target_fen),
            invoiced: Money::from_fen(invoiced),
            credited: Money::from_fen(credited),
            sales: Money::from_fen(sales),
            achievement_pct: pct2(ach),
            step_pct: step.map(|s| fmt_pct(s.threshold_bp)),
            rebate_pct: fmt_pct(rebate_bp),
            rebate: Money::from_fen(rebate_fen(sales, rebate_bp)),
            posted: posted.get(&m.distributor_id).map(|f| Money::from_fen(*f)),
            withheld: withheld.contains(&m.distributor_id),
        });
    }
    let total = lines
        .iter()
        .filter(|l| !l.withheld)
        .try_fold(0i64, |sum, l| add(sum, l.rebate.fen()))?;
    let to_post = lines
        .iter()
        .filter(|l| l.posted.is_none() && l.rebate.fen() > 0 && !l.withheld)
        .count() as u32;
    let already_posted = lines.iter().filter(|l| l.posted.is_some()).count() as u32;
    Ok(RebateRun {
        from: from.to_string(),
        to: to.to_string(),
        doc_no: doc,
        lines,
        total: Money::from_fen(total),
        to_post,
        already_posted,
    })
}

/// Posts the run's rebates that are not yet in the ledger (one transaction).
/// The period must have ended.
pub async fn approve<C: ConnectionTrait + TransactionTrait>(
    db: &C,
    actor: &Actor,
    req: &RebateRunRequest,
) -> AppResult<RebateApproval> {
    actor.require(Right::Finance)?;
    let today = actor.today();
    let (_, to) = parse_period(&req.from, &req.to)?;
    if to > today {
        return Err(AppError::field("to", ErrorCode::PeriodNotEnded));
    }
    let txn = crate::db::write(db).await?;
    let run = preview(&txn, req).await?;
    let mut posted = 0;
    for l in run
        .lines
        .iter()
        .filter(|l| l.posted.is_none() && l.rebate.fen() > 0 && !l.withheld)
    {
        let v = crate::ledger::ValidEntry {
            date: to,
            doc_no: run.doc_no.clone(),
            kind: EntryKind::Rebate,
            amount_fen: l.rebate.fen(),
            description: format!(
                "{} v{} {}~{} {}% × {}%",
                l.number, l.version, run.from, run.to, l.achievement_pct, l.rebate_pct
            ),
            fapiao_no: String::new(),
            due_date: Some(to),
        };
        crate::ledger::insert_entry(&txn, l.distributor_id, &v, to, None, actor).await?;
        crate::audit::record(
            &txn,
            actor,
            "distributor",
            l.distributor_id,
            "rebate",
            &[crate::audit::FieldChange {
                field: run.doc_no.clone(),
                before: None,
                after: Some(l.rebate.to_string()),
            }],
        )
        .await?;
        posted += 1;
    }
    txn.commit().await?;
    Ok(RebateApproval {
        run: preview(db, req).await?,
        posted,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ladder_and_rounding() {
        let ladder = [
            StoredStep {
                threshold_bp: 8_000,
                rebate_bp: 100,
            },
            StoredStep {
                threshold_bp: 10_000,
                rebate_bp: 300,
            },
            StoredStep {
                threshold_bp: 12_000,
                rebate_bp: 500,
            },
        ];
        assert_eq!(achievement_bp(112_500, 100_000), 11_250);
        assert_eq!(step_for(&ladder, 11_250).map(|s| s.rebate_bp), Some(300));
        assert!(step_for(&ladder, 7_999).is_none());
        assert_eq!(step_for(&ladder, 12_000).map(|s| s.rebate_bp), Some(500));
        // 3 % of 1 234.57 yuan = 37.0371 → 37.04
        assert_eq!(rebate_fen(123_457, 300), 3_704);
        // half up: 1.5 % of 1.00 yuan = 1.5 fen → 2 fen
        assert_eq!(rebate_fen(100, 150), 2);
        assert_eq!(rebate_fen(-5_000, 300), 0);
        assert_eq!(achievement_bp(-1, 100), 0);
        assert_eq!(pct2(11_250), "112.50");
        assert_eq!(pct2(7), "0.07");
    }
}
