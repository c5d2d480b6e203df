//! Importing the company's distributor sheet and exporting the list view.
use crate::actor::Actor;
use crate::actor::Right;
use crate::error::ErrorCode;
use std::collections::{HashMap, HashSet};
use std::path::Path;

use sea_orm::TransactionSession;
use sea_orm::{ConnectionTrait, EntityTrait, TransactionTrait};
use serde::Serialize;
use ts_rs::TS;

use crate::audit;
use crate::distributor::{self, DistributorInput, Status, ValidInput};
use crate::entity::distributor as dist;
use crate::error::{AppError, AppResult, RowError};
use crate::sheet::Table;

mod export;
pub use export::{export, ExportRequest};

/// Column keys of the distributor sheet and the Chinese headers the zh-CN export writes.
pub const DISTRIBUTOR_COLUMNS: &[(&str, &str)] = &[
    ("code", "编码"),
    ("name", "名称"),
    ("short_name", "简称"),
    ("uscc", "统一社会信用代码"),
    ("legal_representative", "法定代表人"),
    ("contact_name", "联系人"),
    ("contact_phone", "联系电话"),
    ("contact_email", "电子邮箱"),
    ("province", "省份"),
    ("city", "城市"),
    ("county", "区县"),
    ("address", "详细地址"),
    ("tier", "等级"),
    ("status", "状态"),
    ("credit_limit", "信用额度"),
    ("payment_terms_days", "账期天数"),
    ("contact_role", "职务"),
    ("contact_wechat", "微信"),
    ("region", "销售大区"),
    ("bank_name", "开户行"),
    ("bank_account", "银行账号"),
    ("notes", "备注"),
    ("status_reason", "状态原因"),
];

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum ImportAction {
    Create,
    Update,
    Unchanged,
}

#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct ImportPreviewRow {
    pub row: u32,
    pub code: String,
    pub name: String,
    pub action: ImportAction,
}

#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct ImportPreview {
    pub rows: Vec<ImportPreviewRow>,
    pub errors: Vec<RowError>,
    pub creates: u32,
    pub updates: u32,
    pub unchanged: u32,
    /// Headers that name no field: their columns are not read.
    pub ignored_columns: Vec<String>,
}

#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct ImportSummary {
    pub created: u32,
    pub updated: u32,
    pub unchanged: u32,
    /// Headers that name no field: their columns were not read.
    pub ignored_columns: Vec<String>,
}

struct PlanItem {
    row: u32,
    valid: ValidInput,
    /// None: keep the current status (update) or start as applicant (create).
    status: Option<Status>,
    /// Why the status changes; required for a move that narrows the
    /// relationship (`Status::needs_reason`), else "import".
    status_reason: String,
    existing: Option<dist::Model>,
    /// Same values as the stored record: nothing to write.
    unchanged: bool,
}

struct Plan {
    items: Vec<PlanItem>,
    errors: Vec<RowError>,
    ignored: Vec<String>,
}

fn row_err(row: u32, field: &str, code: ErrorCode, detail: Option<String>) -> RowError {
    RowError {
        row,
        field: field.into(),
        code,
        detail,
    }
}

/// Maps each header to its column key (English key or Chinese header).
fn header_keys(t: &Table, errors: &mut Vec<RowError>) -> Vec<Option<&'static str>> {
    let keys: Vec<Option<&'static str>> = t
        .headers
        .iter()
        .map(|h| {
            DISTRIBUTOR_COLUMNS
                .iter()
                .find(|(k, zh)| h.eq_ignore_ascii_case(k) || h == zh)
                .map(|(k, _)| *k)
        })
        .collect();
    let mut seen = std::collections::HashSet::new();
    for (h, k) in t.headers.iter().zip(&keys) {
        match k {
            // Two columns for one field: which one counts is not for us to guess.
            Some(k) if !seen.insert(*k) => {
                errors.push(row_err(1, k, ErrorCode::HeaderTwice, Some(h.clone())));
            }
            _ => {}
        }
    }
    for required in ["name", "uscc", "contact_name", "contact_phone", "province"] {
        if !keys.contains(&Some(required)) {
            errors.push(row_err(1, required, ErrorCode::HeaderMissing, None));
        }
    }
    keys
}

/// The sheet's cells laid over `base`: a column the sheet lacks keeps the base
/// value, so re-importing a partial sheet never blanks other fields.
fn input_from_row(
    row: u32,
    cells: &HashMap<&str, String>,
    base: DistributorInput,
    errors: &mut Vec<RowError>,
) -> (DistributorInput, Option<Status>) {
    let mut input = base;
    let text_fields: [(&str, &mut String); 19] = [
        ("code", &mut input.code),
        ("name", &mut input.name),
        ("short_name", &mut input.short_name),
        ("uscc", &mut input.uscc),
        ("legal_representative", &mut input.legal_representative),
        ("contact_name", &mut input.contact_name),
        ("contact_phone", &mut input.contact_phone),
        ("contact_email", &mut input.contact_email),
        ("province", &mut input.province),
        ("city", &mut input.city),
        ("county", &mut input.county),
        ("address", &mut input.address),
        ("credit_limit", &mut input.credit_limit),
        ("contact_role", &mut input.contact_role),
        ("contact_wechat", &mut input.contact_wechat),
        ("region", &mut input.region),
        ("bank_name", &mut input.bank_name),
        ("bank_account", &mut input.bank_account),
        ("notes", &mut input.notes),
    ];
    for (key, slot) in text_fields {
        if let Some(v) = cells.get(key) {
            *slot = v.clone();
        }
    }
    let cell = |k: &str| {
        cells
            .get(k)
            .map(|v| v.trim().to_owned())
            .filter(|v| !v.is_empty())
    };
    if let Some(tier) = cell("tier") {
        match distributor::Tier::parse(&tier) {
            Some(t) => input.tier = t,
            None => errors.push(row_err(row, "tier", ErrorCode::InvalidChoice, Some(tier))),
        }
    }
    let mut status = None;
    if let Some(text) = cell("status") {
        match Status::parse(&text) {
            Some(s) => status = Some(s),
            None => errors.push(row_err(row, "status", ErrorCode::InvalidChoice, Some(text))),
        }
    }
    if let Some(days) = cell("payment_terms_days") {
        match days.parse::<i32>() {
            Ok(d) => input.payment_terms_days = d,
            Err(_) => errors.push(row_err(
                row,
                "payment_terms_days",
                ErrorCode::Integer,
                Some(days),
            )),
        }
    }
    (input, status)
}

fn input_of(m: &dist::Model) -> AppResult<DistributorInput> {
    let d = distributor::Distributor::try_from(m.clone())?;
    Ok(DistributorInput {
        code: d.code,
        name: d.name,
        short_name: d.short_name,
        uscc: d.uscc,
        legal_representative: d.legal_representative,
        contact_name: d.contact_name,
        contact_role: d.contact_role,
        contact_phone: d.contact_phone,
        contact_email: d.contact_email,
        contact_wechat: d.contact_wechat,
        province: d.province,
        city: d.city,
        county: d.county,
        region: d.region,
        address: d.address,
        bank_name: d.bank_name,
        bank_account: d.bank_account,
        payment_terms_days: d.payment_terms_days,
        credit_limit: d.credit_limit.to_string(),
        tier: d.tier,
        notes: d.notes,
    })
}

fn new_input() -> DistributorInput {
    DistributorInput {
        payment_terms_days: 30,
        ..Default::default()
    }
}

async fn plan<C: ConnectionTrait>(db: &C, t: &Table) -> AppResult<Plan> {
    let mut errors = vec![];
    let keys = header_keys(t, &mut errors);
    let existing: Vec<dist::Model> = dist::Entity::find().all(db).await?;
    let by_code: HashMap<String, dist::Model> = existing
        .iter()
        .map(|m| (m.code.clone(), m.clone()))
        .collect();
    let uscc_owner: HashMap<String, String> = existing
        .iter()
        .map(|m| (m.uscc.clone(), m.code.clone()))
        .collect();
    let mut seen_code = HashSet::new();
    let mut seen_uscc = HashSet::new();
    let mut items = vec![];
    let ignored = crate::sheet::unknown_headers(&t.headers, DISTRIBUTOR_COLUMNS);
    if !errors.is_empty() {
        return Ok(Plan {
            items,
            errors,
            ignored,
        });
    }
    for (row, cells) in &t.rows {
        let row = *row;
        if cells.iter().skip(keys.len()).any(|c| !c.trim().is_empty()) {
            errors.push(row_err(
                row,
                "row",
                ErrorCode::ExtraCells,
                Some(cells.len().to_string()),
            ));
            continue;
        }
        let map: HashMap<&str, String> = keys
            .iter()
            .zip(cells.iter())
            .filter_map(|(k, v)| k.map(|k| (k, v.clone())))
            .collect();
        let code_cell = map
            .get("code")
            .map(|c| c.trim().to_uppercase())
            .unwrap_or_default();
        let existing = by_code.get(&code_cell).cloned();
        let base = match &existing {
            Some(m) => input_of(m)?,
            None => new_input(),
        };
        let (input, status) = input_from_row(row, &map, base, &mut errors);
        let status_reason = map
            .get("status_reason")
            .map(|r| r.trim().to_owned())
            .unwrap_or_default();
        if status_reason.chars().count() > 500 {
            errors.push(row_err(
                row,
                "status_reason",
                ErrorCode::TooLong,
                Some("500".into()),
            ));
        }
        let valid = match distributor::validate_input(&input) {
            Ok(v) => v,
            Err(fields) => {
                errors.extend(
                    fields
                        .into_iter()
                        .map(|f| row_err(row, &f.field, f.code, f.detail)),
                );
                continue;
            }
        };
        let code = valid.input.code.clone();
        if !code.is_empty() && !seen_code.insert(code.clone()) {
            errors.push(row_err(
                row,
                "code",
                ErrorCode::DuplicateInFile,
                Some(code.clone()),
            ));
        }
        if !seen_uscc.insert(valid.input.uscc.clone()) {
            errors.push(row_err(
                row,
                "uscc",
                ErrorCode::DuplicateInFile,
                Some(valid.input.uscc.clone()),
            ));
        }
        if let Some(owner) = uscc_owner.get(&valid.input.uscc) {
            if owner != &code {
                errors.push(row_err(
                    row,
                    "uscc",
                    ErrorCode::AlreadyUsed,
                    Some(owner.clone()),
                ));
            }
        }
        // An existing distributor moves only along the lifecycle; a new row
        // may start in any status (bringing an existing channel in).
        if let (Some(m), Some(to)) = (existing.as_ref(), status) {
            let from = Status::parse(&m.status);
            if let Some(from) = from.filter(|f| *f != to && !f.can_move_to(to)) {
                errors.push(row_err(
                    row,
                    "status",
                    ErrorCode::IllegalStatusMove,
                    Some(format!("{} → {}", from.key(), to.key())),
                ));
            } else if m.status != to.key() && Status::needs_reason(to) && status_reason.is_empty() {
                // Suspending or terminating a distributor from a sheet says
                // why, as the dialog does.
                errors.push(row_err(
                    row,
                    "status_reason",
                    ErrorCode::StatusReasonRequired,
                    Some(to.key().into()),
                ));
            }
        }
        let unchanged = match &existing {
            None => false,
            Some(m) => {
                distributor::validate_input(&input_of(m)?).is_ok_and(|before| before == valid)
                    && status.is_none_or(|s| s.key() == m.status)
            }
        };
        items.push(PlanItem {
            row,
            existing,
            valid,
            status,
            status_reason,
            unchanged,
        });
    }
    if t.rows.is_empty() {
        errors.push(row_err(2, "name", ErrorCode::NoRows, None));
    }
    Ok(Plan {
        items,
        errors,
        ignored,
    })
}

pub async fn preview<C: ConnectionTrait>(db: &C, path: &Path) -> AppResult<ImportPreview> {
    let table = crate::sheet::read_table_off_executor(path).await?;
    let p = plan(db, &table).await?;
    let rows: Vec<ImportPreviewRow> = p
        .items
        .iter()
        .map(|i| ImportPreviewRow {
            row: i.row,
            code: i.valid.input.code.clone(),
            name: i.valid.input.name.clone(),
            action: match (&i.existing, i.unchanged) {
                (None, _) => ImportAction::Create,
                (Some(_), false) => ImportAction::Update,
                (Some(_), true) => ImportAction::Unchanged,
            },
        })
        .collect();
    let count = |a: ImportAction| rows.iter().filter(|r| r.action == a).count() as u32;
    Ok(ImportPreview {
        creates: count(ImportAction::Create),
        updates: count(ImportAction::Update),
        unchanged: count(ImportAction::Unchanged),
        rows,
        errors: p.errors,
        ignored_columns: p.ignored,
    })
}

/// How far a running import is; sent every few hundred rows.
#[derive(Debug, Clone, Copy, Serialize, TS)]
#[ts(export)]
pub struct ImportProgress {
    pub done: u32,
    pub total: u32,
}

/// Writes every row in one transaction, or nothing if any row is invalid.
/// Rows whose code exists update that distributor; the others are created.
pub async fn import<C: ConnectionTrait + TransactionTrait>(
    db: &C,
    actor: &Actor,
    path: &Path,
) -> AppResult<ImportSummary> {
    actor.require(Right::Channel)?;
    import_with_progress(db, actor, path, |_| {}).await
}

pub async fn import_with_progress<C: ConnectionTrait + TransactionTrait>(
    db: &C,
    actor: &Actor,
    path: &Path,
    progress: impl Fn(ImportProgress),
) -> AppResult<ImportSummary> {
    actor.require(Right::Channel)?;
    let table = crate::sheet::read_table_off_executor(path).await?;
    let txn = crate::db::write(db).await?;
    let p = plan(&txn, &table).await?;
    if !p.errors.is_empty() {
        return Err(AppError::ImportRejected { errors: p.errors });
    }
    let mut next: u64 = distributor::next_code(&txn).await?[2..]
        .parse()
        .unwrap_or(1);
    let used: HashSet<String> = p.items.iter().map(|i| i.valid.input.code.clone()).collect();
    let mut summary = ImportSummary {
        created: 0,
        updated: 0,
        unchanged: 0,
        ignored_columns: p.ignored.clone(),
    };
    let total = p.items.len() as u32;
    for (i, mut item) in p.items.into_iter().enumerate() {
        if i % 250 == 0 {
            progress(ImportProgress {
                done: i as u32,
                total,
            });
        }
        if item.unchanged {
            summary.unchanged += 1;
            continue;
        }
        match item.existing.take() {
            Some(current) => {
                let mut model =
                    distributor::write_update(&txn, current, &item.valid, actor).await?;
                let tier = item.valid.input.tier;
                if model.tier != tier.key() {
                    model = distributor::write_tier(&txn, model, tier, "import", actor).await?;
                }
                if let Some(s) = item.status.filter(|s| model.status != s.key()) {
                    let today = actor.today();
                    let reason = match item.status_reason.as_str() {
                        "" => "import",
                        r => r,
                    };
                    distributor::write_status(&txn, model, s, today, reason, actor).await?;
                }
                summary.updated += 1;
            }
            None => {
                if item.valid.input.code.is_empty() {
                    loop {
                        let code = format!("DS{next:05}");
                        next += 1;
                        if !used.contains(&code) {
                            item.valid.input.code = code;
                            break;
                        }
                    }
                }
                let status = item.status.unwrap_or_default();
                distributor::write_insert(&txn, &item.valid, status, actor, "import").await?;
                summary.created += 1;
            }
        }
    }
    audit::record(
        &txn,
        actor,
        "import",
        0,
        "distributor_import",
        &[audit::FieldChange {
            field: "file".into(),
            before: None,
            after: Some(format!(
                "{} (+{} / ~{})",
                path.display(),
                summary.created,
                summary.updated
            )),
        }],
    )
    .await?;
    txn.commit().await?;
    progress(ImportProgress { done: total, total });
    Ok(summary)
}
