//! Printing an agreement: gathers the parties, the company profile and the
//! clause template of the language, renders on a blocking thread, writes atomically.
use crate::lang::Lang;
use chrono::NaiveDate;
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder};
use serde::Deserialize;
use ts_rs::TS;

use crate::agreement::layout::{render, AgreementPrint, Party};
use crate::entity::agreement;
use crate::error::{AppError, AppResult};

#[derive(Debug, Clone, Deserialize, TS)]
#[ts(export)]
pub struct AgreementPdfRequest {
    #[ts(type = "number")]
    pub id: i64,
    /// `zh-CN` or `en`.
    pub lang: Lang,
    /// Empty: the app's print folder.
    #[serde(default)]
    pub path: String,
}

/// The id of an agreement number's newest version (or of `version`).
pub async fn find_number<C: ConnectionTrait>(
    db: &C,
    number: &str,
    version: Option<i32>,
) -> AppResult<i64> {
    let mut q = agreement::Entity::find().filter(agreement::Column::Number.eq(number.trim()));
    if let Some(v) = version {
        q = q.filter(agreement::Column::Version.eq(v));
    }
    q.order_by_desc(agreement::Column::Version)
        .one(db)
        .await?
        .map(|m| m.id)
        .ok_or_else(|| AppError::not_found("agreement", number.trim()))
}

/// The PDF of one agreement version.
pub async fn pdf<C: ConnectionTrait>(
    db: &C,
    id: i64,
    lang: Lang,
    today: NaiveDate,
) -> AppResult<Vec<u8>> {
    // Printing is reached from the agreement's page, which its scope already bounds.
    let detail = super::get(db, &crate::actor::Access::Open, id, today).await?;
    let d = crate::distributor::write_find(db, detail.agreement.distributor_id).await?;
    let party = Party {
        name: d.name,
        uscc: d.uscc,
        legal_representative: d.legal_representative,
        address: [d.province, d.city, d.county, d.address].concat(),
        phone: d.contact_phone,
    };
    let company = crate::settings::load_company(db).await?;
    let templates = super::template::load(db).await?;
    let template = templates.for_lang(lang).to_owned();
    tokio::task::spawn_blocking(move || {
        render(&AgreementPrint {
            agreement: &detail.agreement,
            party: &party,
            company: &company,
            template: &template,
            lang,
        })
    })
    .await
    .map_err(|e| AppError::io(e.to_string()))?
}

/// Writes the agreement PDF to `req.path`, or into `default_dir` as
/// `<number>-v<version>-<lang>.pdf` when no path is given (temporary name, then renamed).
pub async fn save_pdf<C: ConnectionTrait>(
    db: &C,
    req: &AgreementPdfRequest,
    default_dir: &std::path::Path,
    today: NaiveDate,
) -> AppResult<String> {
    let bytes = pdf(db, req.id, req.lang, today).await?;
    let path = if req.path.trim().is_empty() {
        let m = agreement::Entity::find_by_id(req.id)
            .one(db)
            .await?
            .ok_or_else(|| AppError::not_found("agreement", req.id))?;
        std::fs::create_dir_all(default_dir)
            .map_err(|e| AppError::io(format!("{}: {e}", default_dir.display())))?;
        let lang = req.lang;
        default_dir.join(format!("{}-v{}-{lang}.pdf", m.number, m.version))
    } else {
        std::path::PathBuf::from(req.path.trim())
    };
    crate::pdf::write_atomically(&path, &bytes)?;
    Ok(path.display().to_string())
}
