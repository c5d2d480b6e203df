//! Files attached to a distributor: licence scans, site-visit photos, signed
//! forms. Each is copied into `<data folder>/attachments/<distributor id>/`, so
//! the record does not break when the original is moved or deleted.
use crate::actor::Actor;
use crate::actor::Right;
use crate::error::ErrorCode;
use std::path::{Path, PathBuf};

use sea_orm::TransactionSession;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, Set,
    TransactionTrait,
};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::audit::{self, FieldChange};
use crate::entity::attachment;
use crate::error::{AppError, AppResult};

/// Larger files are refused: attachments are scans and photos, not archives.
pub const MAX_BYTES: u64 = 50 * 1024 * 1024;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum AttachmentKind {
    BusinessLicence,
    SiteVisitPhoto,
    /// A statement confirmation slip, signed and returned by the distributor.
    StatementSlip,
    Other,
}

impl AttachmentKind {
    pub const ALL: [AttachmentKind; 4] = [
        AttachmentKind::BusinessLicence,
        AttachmentKind::SiteVisitPhoto,
        AttachmentKind::StatementSlip,
        AttachmentKind::Other,
    ];

    pub fn key(self) -> &'static str {
        match self {
            AttachmentKind::BusinessLicence => "business_licence",
            AttachmentKind::SiteVisitPhoto => "site_visit_photo",
            AttachmentKind::StatementSlip => "statement_slip",
            AttachmentKind::Other => "other",
        }
    }
    fn parse(s: &str) -> Option<AttachmentKind> {
        Self::ALL.into_iter().find(|k| k.key() == s)
    }
}

#[derive(Debug, Clone, Deserialize, TS)]
#[ts(export)]
pub struct AttachmentAdd {
    #[ts(type = "number")]
    pub distributor_id: i64,
    pub kind: AttachmentKind,
    /// The file the user picked; it is copied, never moved.
    pub source_path: String,
    /// The visit it belongs to (a photo taken there), if any.
    #[ts(type = "number | null")]
    #[serde(default)]
    pub visit_id: Option<i64>,
    /// The statement run it confirms (the returned slip), if any.
    #[ts(type = "number | null")]
    #[serde(default)]
    pub statement_run_id: Option<i64>,
}

#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct Attachment {
    #[ts(type = "number")]
    pub id: i64,
    #[ts(type = "number")]
    pub distributor_id: i64,
    pub kind: AttachmentKind,
    pub file_name: String,
    #[ts(type = "number")]
    pub size_bytes: i64,
    pub operator: String,
    pub added_at: String,
    #[ts(type = "number | null")]
    pub visit_id: Option<i64>,
    #[ts(type = "number | null")]
    pub statement_run_id: Option<i64>,
}

impl TryFrom<attachment::Model> for Attachment {
    type Error = AppError;

    fn try_from(m: attachment::Model) -> Result<Self, AppError> {
        Ok(Attachment {
            kind: crate::stored::Record::new("attachment", m.id).key(
                "kind",
                &m.kind,
                AttachmentKind::parse,
            )?,
            id: m.id,
            distributor_id: m.distributor_id,
            file_name: m.file_name,
            size_bytes: m.size_bytes,
            operator: m.operator,
            added_at: m.added_at.to_rfc3339(),
            visit_id: m.visit_id,
            statement_run_id: m.statement_run_id,
        })
    }
}

/// `<folder of the database>/attachments`.
pub fn root_for(db_path: &Path) -> PathBuf {
    db_path
        .parent()
        .unwrap_or_else(|| Path::new("."))
        .join("attachments")
}

/// The file name alone, without anything that could leave the folder or upset
/// a file system: separators, `..`, control and reserved characters.
pub fn sanitize_file_name(raw: &str) -> String {
    let base = raw.rsplit(['/', '\\']).next().unwrap_or("");
    let cleaned: String = base
        .chars()
        .map(|c| {
            if c.is_control() || matches!(c, '<' | '>' | ':' | '"' | '|' | '?' | '*') {
                '_'
            } else {
                c
            }
        })
        .collect();
    let trimmed = cleaned.trim().trim_start_matches('.').trim();
    let limited: String = trimmed.chars().take(120).collect();
    if limited.is_empty() {
        "file".into()
    } else {
        limited
    }
}

/// A file the user picked to attach: it must exist, be a file and not exceed
/// [`MAX_BYTES`]. Returns its path, size and sanitised name.
pub(crate) fn check_source(raw: &str) -> AppResult<(PathBuf, u64, String)> {
    let source = PathBuf::from(raw.trim());
    let meta = std::fs::metadata(&source)
        .map_err(|_| AppError::field("source_path", ErrorCode::FileMissing))?;
    if !meta.is_file() {
        return Err(AppError::field("source_path", ErrorCode::FileMissing));
    }
    crate::opening::attachable(&source, "source_path")?;
    if meta.len() > MAX_BYTES {
        return Err(AppError::Validation {
            fields: vec![crate::error::FieldError::with_detail(
                "source_path",
                ErrorCode::FileTooLarge,
                format!("{} MB", MAX_BYTES / 1024 / 1024),
            )],
        });
    }
    let file_name = sanitize_file_name(
        &source
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default(),
    );
    Ok((source, meta.len(), file_name))
}

/// A distributor's attachments sit directly in `<root>/<distributor id>/`.
pub const FOLDER: &str = "";

fn stored_path(root: &Path, m: &attachment::Model) -> PathBuf {
    root.join(m.distributor_id.to_string()).join(&m.stored_name)
}

/// A stored name as this program writes it: a plain file name. One changed
/// in the database to reach outside the folder (`../…`, a full path) is
/// neither opened nor deleted.
pub(crate) fn plain_name(name: &str) -> bool {
    !name.is_empty() && name != "." && name != ".." && sanitize_file_name(name) == name
}

pub async fn list<C: ConnectionTrait>(db: &C, distributor_id: i64) -> AppResult<Vec<Attachment>> {
    attachment::Entity::find()
        .filter(attachment::Column::DistributorId.eq(distributor_id))
        .order_by_desc(attachment::Column::Id)
        .all(db)
        .await?
        .into_iter()
        .map(Attachment::try_from)
        .collect()
}

/// Copies the file in and records it. The copy is written first and removed
/// again if the database write fails, so neither is left half-done.
pub async fn add<C: ConnectionTrait + TransactionTrait>(
    db: &C,
    root: &Path,
    actor: &Actor,
    req: AttachmentAdd,
) -> AppResult<Attachment> {
    actor.require(Right::Channel)?;
    let operator = actor.operator().to_owned();
    let (source, size, file_name) = check_source(&req.source_path)?;
    let meta_len = size;
    let txn = crate::db::write(db).await?;
    crate::distributor::write_find(&txn, req.distributor_id).await?;
    if let Some(v) = req.visit_id {
        crate::entity::visit::Entity::find_by_id(v)
            .one(&txn)
            .await?
            .filter(|m| m.distributor_id == req.distributor_id)
            .ok_or_else(|| AppError::not_found("visit", v))?;
    }
    if let Some(r) = req.statement_run_id {
        crate::entity::statement_run::Entity::find_by_id(r)
            .one(&txn)
            .await?
            .filter(|m| m.distributor_id == req.distributor_id)
            .ok_or_else(|| AppError::not_found("statement_run", r))?;
    }
    let stamp = actor.now();
    let stored_name = format!("{}-{}", stamp.format("%Y%m%d%H%M%S%3f"), file_name);
    let model = attachment::ActiveModel {
        distributor_id: Set(req.distributor_id),
        kind: Set(req.kind.key().into()),
        file_name: Set(file_name.clone()),
        stored_name: Set(stored_name),
        size_bytes: Set(meta_len as i64),
        operator: Set(operator.clone()),
        added_at: Set(stamp),
        visit_id: Set(req.visit_id),
        statement_run_id: Set(req.statement_run_id),
        ..Default::default()
    }
    .insert(&txn)
    .await?;
    let target = stored_path(root, &model);
    if let Some(dir) = target.parent() {
        std::fs::create_dir_all(dir)
            .map_err(|e| AppError::io(format!("{}: {e}", dir.display())))?;
    }
    std::fs::copy(&source, &target)
        .map_err(|e| AppError::io(format!("{}: {e}", source.display())))?;
    let written = audit::record(
        &txn,
        actor,
        "distributor",
        req.distributor_id,
        "attachment_add",
        &[FieldChange {
            field: req.kind.key().into(),
            before: None,
            after: Some(file_name),
        }],
    )
    .await;
    match written {
        Ok(()) => match txn.commit().await {
            Ok(()) => model.try_into(),
            Err(e) => {
                let _ = std::fs::remove_file(&target);
                Err(e.into())
            }
        },
        Err(e) => {
            let _ = std::fs::remove_file(&target);
            Err(e)
        }
    }
}

/// Copies `source` into `dir` as `stored_name` (creating the folder); the caller
/// removes the copy again if its database write fails.
pub(crate) fn copy_into(source: &Path, dir: &Path, stored_name: &str) -> AppResult<PathBuf> {
    std::fs::create_dir_all(dir).map_err(|e| AppError::io(format!("{}: {e}", dir.display())))?;
    let target = dir.join(stored_name);
    std::fs::copy(source, &target)
        .map_err(|e| AppError::io(format!("{}: {e}", source.display())))?;
    Ok(target)
}

/// Where the stored copy lives, for opening it in the system viewer.
pub async fn file_path<C: ConnectionTrait>(db: &C, root: &Path, id: i64) -> AppResult<PathBuf> {
    let m = attachment::Entity::find_by_id(id)
        .one(db)
        .await?
        .ok_or_else(|| AppError::not_found("attachment", id))?;
    if !plain_name(&m.stored_name) {
        return Err(AppError::not_found("attachment", id));
    }
    let p = stored_path(root, &m);
    if !p.is_file() {
        return Err(AppError::io(format!("{}: missing", p.display())));
    }
    Ok(p)
}

/// Removes the record (audited) and then its stored copy.
pub async fn remove<C: ConnectionTrait + TransactionTrait>(
    db: &C,
    root: &Path,
    actor: &Actor,
    id: i64,
) -> AppResult<()> {
    actor.require(Right::Channel)?;
    let txn = crate::db::write(db).await?;
    let m = attachment::Entity::find_by_id(id)
        .one(&txn)
        .await?
        .ok_or_else(|| AppError::not_found("attachment", id))?;
    let path = stored_path(root, &m);
    attachment::Entity::delete_by_id(id).exec(&txn).await?;
    audit::record(
        &txn,
        actor,
        "distributor",
        m.distributor_id,
        "attachment_remove",
        &[FieldChange {
            field: m.kind.clone(),
            before: Some(m.file_name.clone()),
            after: None,
        }],
    )
    .await?;
    txn.commit().await?;
    // The record is gone; a copy that cannot be deleted now is only disk
    // space. A name that is no plain file name deletes nothing.
    if plain_name(&m.stored_name) {
        let _ = std::fs::remove_file(path);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_cannot_escape_the_folder() {
        assert_eq!(sanitize_file_name("../../etc/passwd"), "passwd");
        assert_eq!(
            sanitize_file_name("C:\\Users\\x\\营业执照.pdf"),
            "营业执照.pdf"
        );
        assert_eq!(sanitize_file_name(".."), "file");
        assert_eq!(sanitize_file_name("a:b*c?.jpg"), "a_b_c_.jpg");
        assert_eq!(sanitize_file_name(".hidden"), "hidden");
        assert_eq!(sanitize_file_name(""), "file");
    }
}
