//! Ledger import from CSV/XLSX. Header keys
//! `distributor_code,date,doc_no,kind,amount,description,fapiao_no,due_date`
//! (or the Chinese headers of the zh-CN export). Every row valid or nothing is
//! written; an entry already posted (same distributor, kind, doc_no) is skipped,
//! so importing the same file twice adds nothing.
use crate::actor::Actor;
use crate::actor::Right;
use crate::error::ErrorCode;
use crate::lang::Lang;
use std::collections::{HashMap, HashSet};
use std::path::Path;

use sea_orm::{
    ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, TransactionSession, TransactionTrait,
};
use serde::Serialize;
use ts_rs::TS;

use super::{effective_due, validate_entry, EntryKind, ValidEntry};
use crate::audit;
use crate::entity::{distributor, ledger_entry};
use crate::error::{AppError, AppResult, RowError};
use crate::sheet::Table;

/// (key, Chinese header) in export order.
pub const COLUMNS: [(&str, &str); 8] = [
    ("distributor_code", "经销商编号"),
    ("date", "日期"),
    ("doc_no", "单据号"),
    ("kind", "类型"),
    ("amount", "金额"),
    ("description", "摘要"),
    ("fapiao_no", "发票号"),
    ("due_date", "到期日"),
];

#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct LedgerImportSummary {
    /// Entries posted by this import.
    pub added: u32,
    /// Rows already in the ledger (same distributor, kind and document number).
    pub skipped: u32,
    /// Headers that name no field: their columns were not read.
    pub ignored_columns: Vec<String>,
    /// Distributors of the posted entries that now owe more than their
    /// credit limit: a warning, the import is not refused.
    pub over_limit: Vec<super::receivables::CreditWarning>,
}

/// Rows per INSERT: 12 columns each, far below SQLite's and PostgreSQL's
/// bound on parameters.
const INSERT_CHUNK: usize = 500;

struct Row {
    row: u32,
    distributor_id: i64,
    payment_terms_days: i32,
    entry: ValidEntry,
}

fn column_index(table: &Table) -> Result<HashMap<&'static str, usize>, Vec<RowError>> {
    let mut idx = HashMap::new();
    let mut twice = vec![];
    for (i, h) in table.headers.iter().enumerate() {
        let h = h.trim().trim_start_matches('\u{feff}');
        if let Some((key, _)) = COLUMNS
            .iter()
            .find(|(k, zh)| k.eq_ignore_ascii_case(h) || *zh == h)
        {
            // Two columns for one field: which one counts is not for us to guess.
            if idx.insert(*key, i).is_some() {
                twice.push(RowError {
                    row: 1,
                    field: (*key).into(),
                    code: ErrorCode::HeaderTwice,
                    detail: Some(h.to_owned()),
                });
            }
        }
    }
    if !twice.is_empty() {
        return Err(twice);
    }
    let missing: Vec<RowError> = ["distributor_code", "date", "doc_no", "kind", "amount"]
        .iter()
        .filter(|k| !idx.contains_key(*k))
        .map(|k| RowError {
            row: 1,
            field: (*k).into(),
            code: ErrorCode::HeaderMissing,
            detail: None,
        })
        .collect();
    if missing.is_empty() {
        Ok(idx)
    } else {
        Err(missing)
    }
}

async fn plan<C: ConnectionTrait>(db: &C, table: &Table) -> AppResult<(Vec<Row>, Vec<RowError>)> {
    let idx = column_index(table).map_err(|errors| AppError::ImportRejected { errors })?;
    let cell = |cells: &Vec<String>, key: &str| -> String {
        idx.get(key)
            .and_then(|&i| cells.get(i))
            .map(|s| s.trim().to_owned())
            .unwrap_or_default()
    };
    let dists: HashMap<String, (i64, i32)> = distributor::Entity::find()
        .all(db)
        .await?
        .into_iter()
        .map(|d| (d.code, (d.id, d.payment_terms_days)))
        .collect();
    let mut rows = vec![];
    let mut errors = vec![];
    let mut seen: HashMap<(i64, EntryKind, String), u32> = HashMap::new();
    for (row, cells) in &table.rows {
        let code = cell(cells, "distributor_code");
        let dist = dists.get(&code).copied();
        if code.is_empty() {
            errors.push(RowError {
                row: *row,
                field: "distributor_code".into(),
                code: ErrorCode::Required,
                detail: None,
            });
        } else if dist.is_none() {
            errors.push(RowError {
                row: *row,
                field: "distributor_code".into(),
                code: ErrorCode::DistributorUnknown,
                detail: Some(code.clone()),
            });
        }
        let kind_text = cell(cells, "kind");
        let kind = EntryKind::parse(&kind_text);
        match validate_entry(
            &cell(cells, "date"),
            &cell(cells, "doc_no"),
            kind,
            &cell(cells, "amount"),
            &cell(cells, "description"),
            &cell(cells, "fapiao_no"),
            &cell(cells, "due_date"),
        ) {
            Err(fields) => errors.extend(fields.into_iter().map(|f| RowError {
                row: *row,
                field: f.field,
                code: f.code,
                detail: if f.detail.is_none() && kind.is_none() && !kind_text.is_empty() {
                    Some(kind_text.clone())
                } else {
                    f.detail
                },
            })),
            Ok(entry) => {
                if let Some((id, terms)) = dist {
                    let key = (id, entry.kind, entry.doc_no.clone());
                    if let Some(first) = seen.get(&key) {
                        errors.push(RowError {
                            row: *row,
                            field: "doc_no".into(),
                            code: ErrorCode::DuplicateInFile,
                            detail: Some(format!("{} ({first})", entry.doc_no)),
                        });
                        continue;
                    }
                    seen.insert(key, *row);
                    rows.push(Row {
                        row: *row,
                        distributor_id: id,
                        payment_terms_days: terms,
                        entry,
                    });
                }
            }
        }
    }
    Ok((rows, errors))
}

pub async fn import<C: ConnectionTrait + TransactionTrait>(
    db: &C,
    actor: &Actor,
    path: &Path,
) -> AppResult<LedgerImportSummary> {
    actor.require(Right::Finance)?;
    let table = crate::sheet::read_table_off_executor(path).await?;
    // Every row is checked before the write lock is taken: another writer
    // waits only for the short write below, never for the checking.
    let (rows, errors) = plan(db, &table).await?;
    if !errors.is_empty() {
        return Err(AppError::ImportRejected { errors });
    }
    let txn = crate::db::write(db).await?;
    let ids: HashSet<i64> = rows.iter().map(|r| r.distributor_id).collect();
    let existing: HashSet<(i64, String, String)> = crate::db::find_in(
        &txn,
        ledger_entry::Entity::find(),
        ledger_entry::Column::DistributorId,
        ids,
    )
    .await?
    .into_iter()
    .map(|m| (m.distributor_id, m.kind, m.doc_no))
    .collect();
    let mut summary = LedgerImportSummary {
        added: 0,
        skipped: 0,
        ignored_columns: crate::sheet::unknown_headers(&table.headers, &COLUMNS),
        over_limit: vec![],
    };
    let mut touched: Vec<i64> = vec![];
    let mut new_rows = Vec::with_capacity(rows.len());
    for r in &rows {
        if existing.contains(&(
            r.distributor_id,
            r.entry.kind.key().to_owned(),
            r.entry.doc_no.clone(),
        )) {
            summary.skipped += 1;
        } else {
            new_rows.push(r);
        }
    }
    // The totals the import would leave, checked before anything is written:
    // the whole file is refused at the row that passes the bound.
    let mut volume = super::ledger_volume(&txn).await?;
    for r in &new_rows {
        volume = super::volume_after(volume, [r.entry.amount_fen]).ok_or_else(|| {
            AppError::ImportRejected {
                errors: vec![RowError {
                    row: r.row,
                    field: "amount".into(),
                    code: ErrorCode::TotalOutOfRange,
                    detail: None,
                }],
            }
        })?;
    }
    for chunk in new_rows.chunks(INSERT_CHUNK) {
        let models = chunk.iter().map(|r| {
            let due = effective_due(&r.entry, r.payment_terms_days);
            super::entry_model(r.distributor_id, &r.entry, due, None, actor)
        });
        ledger_entry::Entity::insert_many(models).exec(&txn).await?;
        for r in chunk {
            summary.added += 1;
            if r.entry.kind.sign() > 0 && !touched.contains(&r.distributor_id) {
                touched.push(r.distributor_id);
            }
        }
    }
    audit::record(
        &txn,
        actor,
        "import",
        0,
        "ledger_import",
        &[audit::FieldChange {
            field: "file".into(),
            before: None,
            after: Some(format!(
                "{} (+{} / ={})",
                path.display(),
                summary.added,
                summary.skipped
            )),
        }],
    )
    .await?;
    txn.commit().await?;
    if !touched.is_empty() {
        summary.over_limit = super::receivables::over_limit(db, actor.access(), &touched).await?;
    }
    Ok(summary)
}

#[derive(Debug, Clone, serde::Deserialize, TS)]
#[ts(export)]
pub struct LedgerExportRequest {
    pub path: String,
    #[ts(type = "number | null")]
    pub distributor_id: Option<i64>,
    pub lang: Lang,
}

/// Writes a distributor's ledger (or everyone's, when `distributor_id` is None)
/// in the import format: CSV or XLSX by extension; `zh-CN` writes Chinese headers and kinds.
pub async fn export<C: ConnectionTrait>(
    db: &C,
    access: &crate::actor::Access,
    path: &Path,
    distributor_id: Option<i64>,
    lang: Lang,
) -> AppResult<u32> {
    access.require(crate::actor::Right::Export)?;
    use sea_orm::QueryOrder;
    let mut sel = ledger_entry::Entity::find();
    if let Some(id) = distributor_id {
        sel = sel.filter(ledger_entry::Column::DistributorId.eq(id));
    }
    let rows = sel
        .order_by_asc(ledger_entry::Column::DistributorId)
        .order_by_asc(ledger_entry::Column::EntryDate)
        .order_by_asc(ledger_entry::Column::Id)
        .all(db)
        .await?;
    let codes: HashMap<i64, String> = distributor::Entity::find()
        .all(db)
        .await?
        .into_iter()
        .map(|d| (d.id, d.code))
        .collect();
    let zh = !lang.is_en();
    let headers: Vec<&str> = COLUMNS
        .iter()
        .map(|(k, h)| if zh { *h } else { *k })
        .collect();
    let body: Vec<Vec<String>> = rows
        .iter()
        .map(|m| {
            let kind = super::kind_of(m.id, &m.kind)?;
            Ok(vec![
                codes.get(&m.distributor_id).cloned().unwrap_or_default(),
                m.entry_date.to_string(),
                m.doc_no.clone(),
                if zh {
                    kind.label_zh().to_owned()
                } else {
                    kind.key().to_owned()
                },
                crate::money::Money::from_fen(m.amount_fen).to_string(),
                m.description.clone(),
                m.fapiao_no.clone(),
                m.due_date.to_string(),
            ])
        })
        .collect::<AppResult<_>>()?;
    crate::sheet::write_table(path, &headers, &body, &[4], &[])?;
    Ok(body.len() as u32)
}
