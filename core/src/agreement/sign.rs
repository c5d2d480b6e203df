//! Signing an agreement and keeping its signed scan: the scan is copied into
//! the data folder first and removed again if the database write fails.
use crate::actor::Actor;
use crate::actor::Right;
use crate::error::ErrorCode;
use sea_orm::{ActiveModelTrait, ConnectionTrait, Set, TransactionSession, TransactionTrait};
use serde::Deserialize;
use ts_rs::TS;

use super::write::{add_event, change, find, illegal, move_to};
use super::{get, AgreementDetail, AgreementKind, AgreementStatus};
use crate::audit;
use crate::dates::parse_date;
use crate::distributor::Status as DistStatus;
use crate::entity::{agreement, distributor};
use crate::error::{AppError, AppResult, FieldError};

#[derive(Debug, Clone, Default, Deserialize, TS)]
#[serde(default)]
#[ts(export)]
pub struct SignRequest {
    #[ts(type = "number")]
    pub id: i64,
    /// `YYYY-MM-DD`, not in the future.
    pub signed_date: String,
    /// The signed scan to keep with the agreement (optional; can be attached later).
    pub scan_path: String,
    /// Copy payment days and credit limit onto the distributor's profile.
    pub apply_terms: bool,
}

#[derive(Debug, Clone, Deserialize, TS)]
#[ts(export)]
pub struct ScanRequest {
    #[ts(type = "number")]
    pub id: i64,
    pub scan_path: String,
}

/// The folder of signed scans inside the attachment folder.
pub const SCAN_FOLDER: &str = "agreements";

fn scan_dir(root: &std::path::Path, id: i64) -> std::path::PathBuf {
    root.join(SCAN_FOLDER).join(id.to_string())
}

/// Where the signed scan of an agreement is kept.
pub async fn scan_path<C: ConnectionTrait>(
    db: &C,
    root: &std::path::Path,
    id: i64,
) -> AppResult<std::path::PathBuf> {
    let m = find(db, id).await?;
    if !crate::attachment::plain_name(&m.scan_name) {
        return Err(AppError::not_found("scan", id));
    }
    let p = scan_dir(root, id).join(&m.scan_name);
    if !p.is_file() {
        return Err(AppError::field("scan_path", ErrorCode::FileMissing));
    }
    Ok(p)
}

/// Copies the scan in; returns the stored name and the copy (to remove on failure).
fn copy_scan(
    actor: &Actor,
    root: &std::path::Path,
    id: i64,
    raw: &str,
) -> AppResult<Option<(String, std::path::PathBuf)>> {
    if raw.trim().is_empty() {
        return Ok(None);
    }
    let (source, _, file_name) = crate::attachment::check_source(raw).map_err(|e| match e {
        AppError::Validation { fields } => AppError::Validation {
            fields: fields
                .into_iter()
                .map(|f| FieldError {
                    field: "scan_path".into(),
                    ..f
                })
                .collect(),
        },
        e => e,
    })?;
    let stored = format!("{}-{}", actor.now().format("%Y%m%d%H%M%S%3f"), file_name);
    let target = crate::attachment::copy_into(&source, &scan_dir(root, id), &stored)?;
    Ok(Some((stored, target)))
}

/// Runs `work` and removes the copied scan if it fails.
async fn keeping_scan<T>(
    copy: &Option<(String, std::path::PathBuf)>,
    work: impl std::future::Future<Output = AppResult<T>>,
) -> AppResult<T> {
    let r = work.await;
    if r.is_err() {
        if let Some((_, p)) = copy {
            let _ = std::fs::remove_file(p);
        }
    }
    r
}

/// Awaiting signature → signed. An amendment supersedes the version it
/// replaces. With `apply_terms` the distributor's payment days and credit limit
/// become the agreement's; an approved distributor becomes active.
pub async fn sign<C: ConnectionTrait + TransactionTrait>(
    db: &C,
    root: &std::path::Path,
    actor: &Actor,
    req: &SignRequest,
) -> AppResult<AgreementDetail> {
    actor.require(Right::Channel)?;
    let today = actor.today();
    let date = match parse_date(&req.signed_date) {
        None if req.signed_date.trim().is_empty() => {
            return Err(AppError::field("signed_date", ErrorCode::Required))
        }
        None => {
            return Err(AppError::Validation {
                fields: vec![FieldError::with_detail(
                    "signed_date",
                    ErrorCode::DateFormat,
                    req.signed_date.trim(),
                )],
            })
        }
        Some(d) if d > today => return Err(AppError::field("signed_date", ErrorCode::InFuture)),
        Some(d) => d,
    };
    let m = find(db, req.id).await?;
    if m.status != AgreementStatus::AwaitingSignature.key() {
        return Err(illegal(&m, AgreementStatus::Signed, today));
    }
    let copy = copy_scan(actor, root, m.id, &req.scan_path)?;
    keeping_scan(&copy, async {
        let txn = crate::db::write(db).await?;
        let m = find(&txn, req.id).await?;
        let scan = copy.as_ref().map(|(n, _)| n.clone()).unwrap_or_default();
        let text = format!("{date}");
        let m = move_to(&txn, m, AgreementStatus::Signed, &text, actor, |am| {
            am.signed_date = Set(Some(date));
            am.scan_name = Set(scan);
        })
        .await?;
        if m.kind == AgreementKind::Amendment.key() {
            if let Some(prev) = m.previous_id {
                let p = find(&txn, prev).await?;
                if p.status == AgreementStatus::Signed.key() {
                    let note = format!("v{}", m.version);
                    move_to(&txn, p, AgreementStatus::Superseded, &note, actor, |_| {}).await?;
                }
            }
        }
        let d = crate::distributor::write_find(&txn, m.distributor_id).await?;
        let d = if req.apply_terms {
            apply_terms(&txn, d, &m, actor).await?
        } else {
            d
        };
        if d.status == DistStatus::Approved.key() {
            let reason = format!("{} v{}", m.number, m.version);
            crate::distributor::write_status(&txn, d, DistStatus::Active, date, &reason, actor)
                .await?;
        }
        txn.commit().await?;
        Ok(())
    })
    .await?;
    get(db, actor.access(), req.id, today).await
}

async fn apply_terms<C: ConnectionTrait>(
    txn: &C,
    d: distributor::Model,
    m: &agreement::Model,
    actor: &Actor,
) -> AppResult<distributor::Model> {
    let mut changes = vec![];
    if d.payment_terms_days != m.payment_days {
        changes.push(change(
            "payment_terms_days",
            Some(d.payment_terms_days.to_string()),
            m.payment_days.to_string(),
        ));
    }
    if d.credit_limit_fen != m.credit_limit_fen {
        changes.push(change(
            "credit_limit",
            Some(crate::money::Money::from_fen(d.credit_limit_fen).to_string()),
            crate::money::Money::from_fen(m.credit_limit_fen).to_string(),
        ));
    }
    if changes.is_empty() {
        return Ok(d);
    }
    let id = d.id;
    let mut am: distributor::ActiveModel = d.into();
    am.payment_terms_days = Set(m.payment_days);
    am.credit_limit_fen = Set(m.credit_limit_fen);
    am.updated_at = Set(actor.now());
    let d = am.update(txn).await?;
    changes.push(change(
        "agreement",
        None,
        format!("{} v{}", m.number, m.version),
    ));
    audit::record(txn, actor, "distributor", id, "agreement_terms", &changes).await?;
    Ok(d)
}

/// Attaches (or replaces) the signed scan of a signed agreement.
pub async fn attach_scan<C: ConnectionTrait + TransactionTrait>(
    db: &C,
    root: &std::path::Path,
    actor: &Actor,
    req: &ScanRequest,
) -> AppResult<AgreementDetail> {
    actor.require(Right::Channel)?;
    let today = actor.today();
    if req.scan_path.trim().is_empty() {
        return Err(AppError::field("scan_path", ErrorCode::Required));
    }
    let m = find(db, req.id).await?;
    if m.signed_date.is_none() {
        return Err(illegal(&m, AgreementStatus::Signed, today));
    }
    let copy = copy_scan(actor, root, m.id, &req.scan_path)?;
    keeping_scan(&copy, async {
        let txn = crate::db::write(db).await?;
        let m = find(&txn, req.id).await?;
        let name = copy.as_ref().map(|(n, _)| n.clone()).unwrap_or_default();
        let before = m.scan_name.clone();
        let status = m.status.clone();
        let mut am: agreement::ActiveModel = m.into();
        am.scan_name = Set(name.clone());
        am.updated_at = Set(actor.now());
        am.update(&txn).await?;
        add_event(&txn, req.id, &status, &status, &name, actor).await?;
        audit::record(
            &txn,
            actor,
            "agreement",
            req.id,
            "scan",
            &[change("scan_name", Some(before), name)],
        )
        .await?;
        txn.commit().await?;
        Ok(())
    })
    .await?;
    get(db, actor.access(), req.id, today).await
}
