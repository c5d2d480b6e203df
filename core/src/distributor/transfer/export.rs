//! Exporting the list view: every page of the current filter, to CSV or XLSX,
//! with Chinese headers and labels for a zh-CN export.
use std::path::Path;

use sea_orm::ConnectionTrait;
use serde::Deserialize;
use ts_rs::TS;

use super::DISTRIBUTOR_COLUMNS;
use crate::distributor::{self, DistributorQuery};
use crate::error::{AppError, AppResult, ErrorCode};
use crate::lang::Lang;
use crate::sheet::write_table;

#[derive(Debug, Clone, Deserialize, TS)]
#[ts(export)]
pub struct ExportRequest {
    pub path: String,
    pub query: DistributorQuery,
    /// `zh-CN` writes Chinese headers and labels; anything else the keys.
    pub language: Lang,
}

/// Writes the rows of the list view (all pages) to CSV or XLSX by extension.
const MONEY_COL: usize = 14;
const DAYS_COL: usize = 15;

pub async fn export<C: ConnectionTrait>(
    db: &C,
    access: &crate::actor::Access,
    req: &ExportRequest,
) -> AppResult<u64> {
    access.require(crate::actor::Right::Export)?;
    let query = DistributorQuery {
        paging: crate::paging::Paging::ALL,
        ..req.query.clone()
    };
    let rows = distributor::list(db, access, &query).await?.rows;
    let zh = !req.language.is_en();
    let headers: Vec<&str> = DISTRIBUTOR_COLUMNS
        .iter()
        .map(|(k, h)| if zh { *h } else { *k })
        .collect();
    let records: Vec<Vec<String>> = rows
        .iter()
        .map(|d| {
            vec![
                d.code.clone(),
                d.name.clone(),
                d.short_name.clone(),
                d.uscc.clone(),
                d.legal_representative.clone(),
                d.contact_name.clone(),
                d.contact_phone.clone(),
                d.contact_email.clone(),
                d.province.clone(),
                d.city.clone(),
                d.county.clone(),
                d.address.clone(),
                if zh { d.tier.label_zh() } else { d.tier.key() }.to_owned(),
                if zh {
                    d.status.label_zh()
                } else {
                    d.status.key()
                }
                .to_owned(),
                d.credit_limit.to_string(),
                d.payment_terms_days.to_string(),
                d.contact_role.clone(),
                d.contact_wechat.clone(),
                d.region.clone(),
                d.bank_name.clone(),
                d.bank_account.clone(),
                d.notes.clone(),
                // Filled in when a sheet suspends or terminates (see import).
                String::new(),
            ]
        })
        .collect();
    let path = Path::new(&req.path);
    match path
        .extension()
        .map(|e| e.to_string_lossy().to_ascii_lowercase())
        .as_deref()
    {
        Some("csv") | Some("xlsx") => {
            write_table(path, &headers, &records, &[MONEY_COL], &[DAYS_COL])?
        }
        _ => return Err(AppError::field("path", ErrorCode::FileType)),
    }
    Ok(records.len() as u64)
}
