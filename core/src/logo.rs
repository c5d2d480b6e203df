//! The company's logo: a PNG or JPEG the user picks, decoded with limits,
//! scaled to fit the printed header and kept as PNG in the database (one
//! row, so a backup holds it), then drawn in the headers of statements,
//! agreements, certificates and reports.
use std::io::Cursor;
use std::path::Path;
use std::sync::Arc;

use base64::Engine;
use image::{DynamicImage, ImageFormat, ImageReader, Limits};
use sea_orm::{
    ConnectionTrait, EntityTrait, QueryOrder, Set, TransactionSession, TransactionTrait,
};
use serde::Serialize;
use sha2::{Digest, Sha256};
use ts_rs::TS;

use crate::actor::Actor;
use crate::actor::Right;
use crate::audit::{self, FieldChange};
use crate::entity::company_logo;
use crate::error::{AppError, AppResult, ErrorCode};
use crate::pdf::Picture;

/// The largest file accepted.
pub const MAX_FILE_BYTES: u64 = 10 * 1024 * 1024;
/// The largest picture decoded, in pixels either way (a bigger one is refused
/// before its pixels are allocated).
pub const MAX_SOURCE_PX: u32 = 8000;
/// The kept picture fits in this box (px): sharp at 300 dpi in a header
/// 40 mm wide and 14 mm high, a few hundred kilobytes at most.
pub const MAX_PX: (u32, u32) = (960, 336);

/// The logo as Settings shows it.
#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct LogoInfo {
    pub width: u32,
    pub height: u32,
    /// Size of the kept PNG.
    #[ts(type = "number")]
    pub bytes: u64,
    /// `data:image/png;base64,…`, for the preview.
    pub data_url: String,
    pub updated_at: String,
    pub updated_by: String,
}

fn unreadable() -> AppError {
    AppError::field_detail(
        "logo",
        ErrorCode::ImageUnreadable,
        MAX_SOURCE_PX.to_string(),
    )
}

/// Reads, checks and scales a picture: PNG or JPEG only (by content, not by
/// name), at most `MAX_SOURCE_PX` either way; the result fits `MAX_PX`.
pub fn prepare(bytes: &[u8]) -> AppResult<(Vec<u8>, u32, u32)> {
    let mut reader = ImageReader::new(Cursor::new(bytes))
        .with_guessed_format()
        .map_err(|_| unreadable())?;
    if !matches!(reader.format(), Some(ImageFormat::Png | ImageFormat::Jpeg)) {
        return Err(AppError::field("logo", ErrorCode::FileType));
    }
    let mut limits = Limits::default();
    limits.max_image_width = Some(MAX_SOURCE_PX);
    limits.max_image_height = Some(MAX_SOURCE_PX);
    limits.max_alloc = Some(512 * 1024 * 1024);
    reader.limits(limits);
    let img = reader.decode().map_err(|_| unreadable())?;
    if img.width() == 0 || img.height() == 0 {
        return Err(unreadable());
    }
    let (bw, bh) = MAX_PX;
    let img = if img.width() > bw || img.height() > bh {
        img.resize(bw, bh, image::imageops::FilterType::Triangle)
    } else {
        img
    };
    let rgba = img.to_rgba8();
    let opaque = rgba.pixels().all(|p| p.0[3] == 255);
    let kept = if opaque {
        DynamicImage::ImageRgb8(DynamicImage::ImageRgba8(rgba).to_rgb8())
    } else {
        DynamicImage::ImageRgba8(rgba)
    };
    let mut png = Vec::new();
    kept.write_to(&mut Cursor::new(&mut png), ImageFormat::Png)
        .map_err(|_| unreadable())?;
    Ok((png, kept.width(), kept.height()))
}

async fn current<C: ConnectionTrait>(db: &C) -> AppResult<Option<company_logo::Model>> {
    Ok(company_logo::Entity::find()
        .order_by_desc(company_logo::Column::Id)
        .one(db)
        .await?)
}

fn info(m: company_logo::Model) -> LogoInfo {
    LogoInfo {
        width: m.width as u32,
        height: m.height as u32,
        bytes: m.png.len() as u64,
        data_url: format!(
            "data:image/png;base64,{}",
            base64::prelude::BASE64_STANDARD.encode(&m.png)
        ),
        updated_at: m.updated_at.to_rfc3339(),
        updated_by: m.updated_by,
    }
}

pub async fn get<C: ConnectionTrait>(db: &C) -> AppResult<Option<LogoInfo>> {
    Ok(current(db).await?.map(info))
}

/// Replaces the logo with the picture in `path` (checked and scaled first;
/// nothing is written if it is refused). The audit trail records the change
/// by the picture's size and checksum.
pub async fn set<C: ConnectionTrait + TransactionTrait>(
    db: &C,
    actor: &Actor,
    path: &Path,
) -> AppResult<LogoInfo> {
    actor.require(Right::Settings)?;
    let meta =
        std::fs::metadata(path).map_err(|_| AppError::field("logo", ErrorCode::FileMissing))?;
    if !meta.is_file() {
        return Err(AppError::field("logo", ErrorCode::FileMissing));
    }
    if meta.len() > MAX_FILE_BYTES {
        return Err(AppError::field_detail(
            "logo",
            ErrorCode::FileTooLarge,
            "10 MB",
        ));
    }
    let bytes = std::fs::read(path).map_err(|_| AppError::field("logo", ErrorCode::NotOpenable))?;
    let (png, width, height) = prepare(&bytes)?;
    let sha256 = hex(&Sha256::digest(&png));
    let txn = crate::db::write(db).await?;
    let before = current(&txn).await?;
    company_logo::Entity::delete_many().exec(&txn).await?;
    let m = company_logo::Entity::insert(company_logo::ActiveModel {
        png: Set(png),
        width: Set(i64::from(width)),
        height: Set(i64::from(height)),
        sha256: Set(sha256.clone()),
        updated_at: Set(actor.now()),
        updated_by: Set(actor.operator().to_owned()),
        ..Default::default()
    })
    .exec_with_returning(&txn)
    .await?;
    audited(&txn, actor, before.as_ref(), Some(&m)).await?;
    txn.commit().await?;
    Ok(info(m))
}

/// Removes the logo: the headers print the company's name alone.
pub async fn remove<C: ConnectionTrait + TransactionTrait>(db: &C, actor: &Actor) -> AppResult<()> {
    actor.require(Right::Settings)?;
    let txn = crate::db::write(db).await?;
    let Some(before) = current(&txn).await? else {
        return Ok(());
    };
    company_logo::Entity::delete_many().exec(&txn).await?;
    audited(&txn, actor, Some(&before), None).await?;
    txn.commit().await?;
    Ok(())
}

/// The audit trail's entry for a logo change, by size and checksum.
async fn audited<C: ConnectionTrait>(
    db: &C,
    actor: &Actor,
    before: Option<&company_logo::Model>,
    after: Option<&company_logo::Model>,
) -> AppResult<()> {
    let change = FieldChange {
        field: "logo".into(),
        before: before.map(describe),
        after: after.map(describe),
    };
    audit::record(db, actor, "settings", 0, "company_logo", &[change]).await
}

fn describe(m: &company_logo::Model) -> String {
    format!(
        "{}×{} PNG, {} bytes, sha256 {}",
        m.width,
        m.height,
        m.png.len(),
        &m.sha256[..m.sha256.len().min(12)]
    )
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// The logo's pixels for printing, or `None` when there is none. A stored
/// picture that no longer decodes is `damaged`, naming its row.
pub async fn for_print<C: ConnectionTrait>(db: &C) -> AppResult<Option<Arc<Picture>>> {
    let Some(m) = current(db).await? else {
        return Ok(None);
    };
    let damaged = || AppError::Damaged {
        table: "company_logo".into(),
        id: m.id.to_string(),
        column: "png".into(),
        value: format!("{} bytes", m.png.len()),
    };
    let img =
        image::load_from_memory_with_format(&m.png, ImageFormat::Png).map_err(|_| damaged())?;
    let alpha = img.color().has_alpha();
    let pixels = if alpha {
        img.to_rgba8().into_raw()
    } else {
        img.to_rgb8().into_raw()
    };
    Ok(Some(Arc::new(Picture {
        width: img.width(),
        height: img.height(),
        alpha,
        pixels,
    })))
}
