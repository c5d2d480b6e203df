//! The first start: the guide shows on an empty database until finished, the
//! company profile is checked (its USCC like a distributor's), the logo is
//! read with limits, kept as PNG and printed once per file in the headers
//! (seen by poppler's `pdfimages`), the backup folder must take a file, and
//! the About box tells the schema, the files and the licences.
mod common;
use common::actor;

use std::path::Path;
use std::sync::atomic::AtomicBool;
use std::sync::Arc;

use common::ledger::{active, entry};
use common::{actor_on, codes, day, fresh, tool};
use dealerdesk_core::backup::{self, BackupSettings};
use dealerdesk_core::ledger::batch::{self, BatchRequest};
use dealerdesk_core::ledger::statement::{self, StatementPdfRequest};
use dealerdesk_core::ledger::{self, EntryKind};
use dealerdesk_core::settings::{self, CompanyProfile, StatementSettings};
use dealerdesk_core::{demo, logo, setup};
use image::{ImageFormat, Rgb, RgbImage, Rgba, RgbaImage};

fn company(tax_no: &str) -> StatementSettings {
    StatementSettings {
        company: CompanyProfile {
            name: "宁波东海电器制造有限公司".into(),
            short_name: "东海电器".into(),
            address: "浙江省宁波市北仑区大港路 99 号".into(),
            phone: "0574-86881234".into(),
            bank_name: "中国工商银行宁波北仑支行".into(),
            bank_account: "3901 1100 0920 0012 345".into(),
            tax_no: tax_no.into(),
            ..Default::default()
        },
        aging_edges: [30, 60, 90],
    }
}

/// A logo of `w` × `h` pixels: a red bar on white (or on transparency).
fn picture(path: &Path, w: u32, h: u32, format: ImageFormat, transparent: bool) {
    if transparent {
        let img = RgbaImage::from_fn(w, h, |x, _| {
            if x < w / 2 {
                Rgba([200, 30, 30, 255])
            } else {
                Rgba([0, 0, 0, 0])
            }
        });
        img.save_with_format(path, format).unwrap();
    } else {
        let img = RgbImage::from_fn(w, h, |x, _| {
            if x < w / 2 {
                Rgb([200, 30, 30])
            } else {
                Rgb([255, 255, 255])
            }
        });
        img.save_with_format(path, format).unwrap();
    }
}

/// The images `pdfimages -list` finds: (page, width, height, colour, smask?).
fn images(pdf: &Path) -> Vec<(u32, u32, u32, String)> {
    tool("pdfimages", &["-list", pdf.to_str().unwrap()])
        .lines()
        .skip(2)
        .map(|l| {
            let c: Vec<&str> = l.split_whitespace().collect();
            (
                c[0].parse().unwrap(),
                c[3].parse().unwrap(),
                c[4].parse().unwrap(),
                format!("{} {}", c[2], c[5]),
            )
        })
        .collect()
}

#[tokio::test]
async fn the_guide_shows_on_an_empty_database_until_it_is_finished() {
    let (dir, db) = fresh().await;
    let s = setup::first_start(&db).await.unwrap();
    assert!(s.show && s.done_at.is_none());
    setup::finish_first_start(&db, actor().now()).await.unwrap();
    let s = setup::first_start(&db).await.unwrap();
    assert!(!s.show);
    let done = s.done_at.clone().unwrap();
    // The first time counts; finishing again changes nothing.
    setup::finish_first_start(&db, actor().now() + chrono::Duration::hours(2))
        .await
        .unwrap();
    assert_eq!(setup::first_start(&db).await.unwrap().done_at, Some(done));

    // A database that already holds distributors (an office upgrading) never shows it.
    let (_dir2, db2) = fresh().await;
    active(&db2, dir.path(), &["甲商贸"]).await;
    assert!(!setup::first_start(&db2).await.unwrap().show);
}

#[tokio::test]
async fn the_company_uscc_is_checked_like_a_distributors() {
    let (_dir, db) = fresh().await;
    let good = demo::uscc_for(900);
    let mut wrong = good.clone();
    let last = wrong.pop().unwrap();
    wrong.push(if last == '0' { '1' } else { '0' });
    let err = settings::save_statement_settings(&db, &actor(), company(&wrong))
        .await
        .unwrap_err();
    assert_eq!(
        codes(&err),
        [("company.tax_no".to_string(), "uscc_check_char".to_string())]
    );
    let err = settings::save_statement_settings(&db, &actor(), company("12345"))
        .await
        .unwrap_err();
    assert_eq!(
        codes(&err),
        [("company.tax_no".to_string(), "uscc_length".to_string())]
    );
    // Nothing was written by the refusals.
    assert_eq!(
        settings::load_statement_settings(&db)
            .await
            .unwrap()
            .company,
        CompanyProfile::default()
    );
    // Lower case is accepted and kept as the code is printed.
    let saved = settings::save_statement_settings(&db, &actor(), company(&good.to_lowercase()))
        .await
        .unwrap();
    assert_eq!(saved.company.tax_no, good);
    assert_eq!(saved.company.short_name, "东海电器");
    let loaded = settings::load_statement_settings(&db).await.unwrap();
    assert_eq!(loaded.company, saved.company);
}

#[tokio::test]
async fn a_logo_is_checked_scaled_and_kept_as_png() {
    let (dir, db) = fresh().await;
    assert!(logo::get(&db).await.unwrap().is_none());

    // Not a picture, whatever its name says.
    let fake = dir.path().join("logo.png");
    std::fs::write(&fake, "not a picture").unwrap();
    let err = logo::set(&db, &actor(), &fake).await.unwrap_err();
    assert_eq!(codes(&err), [("logo".to_string(), "file_type".to_string())]);
    // A GIF is a picture, but not one the headers take.
    let gif = dir.path().join("logo.gif");
    std::fs::write(&gif, b"GIF89a\x04\x00\x04\x00\x00\x00\x00;").unwrap();
    let err = logo::set(&db, &actor(), &gif).await.unwrap_err();
    assert_eq!(codes(&err), [("logo".to_string(), "file_type".to_string())]);
    // Wider than any logo is drawn: refused before its pixels are allocated.
    let wide = dir.path().join("wide.png");
    picture(&wide, logo::MAX_SOURCE_PX + 1, 2, ImageFormat::Png, false);
    let err = logo::set(&db, &actor(), &wide).await.unwrap_err();
    assert_eq!(
        codes(&err),
        [("logo".to_string(), "image_unreadable".to_string())]
    );
    // A truncated PNG.
    let cut = dir.path().join("cut.png");
    picture(&cut, 300, 100, ImageFormat::Png, false);
    let bytes = std::fs::read(&cut).unwrap();
    std::fs::write(&cut, &bytes[..bytes.len() / 2]).unwrap();
    let err = logo::set(&db, &actor(), &cut).await.unwrap_err();
    assert_eq!(
        codes(&err),
        [("logo".to_string(), "image_unreadable".to_string())]
    );
    let missing = dir.path().join("none.png");
    let err = logo::set(&db, &actor(), &missing).await.unwrap_err();
    assert_eq!(
        codes(&err),
        [("logo".to_string(), "file_missing".to_string())]
    );
    assert!(logo::get(&db).await.unwrap().is_none(), "nothing was kept");

    // A large JPEG photo is scaled to fit the header's box, keeping its shape.
    let jpeg = dir.path().join("logo.jpg");
    picture(&jpeg, 3000, 1500, ImageFormat::Jpeg, false);
    let info = logo::set(&db, &actor(), &jpeg).await.unwrap();
    assert_eq!((info.width, info.height), (672, 336));
    assert!(info.data_url.starts_with("data:image/png;base64,"));
    assert_eq!(info.updated_by, actor().operator());

    // A small transparent PNG is kept as it is, with its transparency.
    let png = dir.path().join("small.png");
    picture(&png, 200, 80, ImageFormat::Png, true);
    let info = logo::set(&db, &actor(), &png).await.unwrap();
    assert_eq!((info.width, info.height), (200, 80));
    let pic = logo::for_print(&db).await.unwrap().unwrap();
    assert!(pic.alpha);
    assert_eq!(pic.pixels.len(), 200 * 80 * 4);

    logo::remove(&db, &actor()).await.unwrap();
    assert!(logo::get(&db).await.unwrap().is_none());
    assert!(logo::for_print(&db).await.unwrap().is_none());
}

#[tokio::test]
async fn the_logo_prints_in_the_header_once_per_file() {
    let (dir, db) = fresh().await;
    let ids = active(&db, dir.path(), &["甲商贸", "乙商贸", "丙商贸"]).await;
    for (i, id) in ids.iter().enumerate() {
        ledger::post(
            &db,
            &actor(),
            &entry(
                *id,
                "2026-01-05",
                &format!("INV-{i}"),
                EntryKind::Invoice,
                "1000.00",
            ),
        )
        .await
        .unwrap();
    }
    settings::save_statement_settings(&db, &actor(), company(&demo::uscc_for(900)))
        .await
        .unwrap();
    let req = |path: &Path| StatementPdfRequest {
        distributor_id: ids[0],
        from: "2026-01-01".into(),
        to: "2026-01-31".into(),
        lang: dealerdesk_core::lang::Lang::ZhCn,
        path: path.display().to_string(),
    };
    let plain = dir.path().join("plain.pdf");
    statement::save_pdf(&db, &req(&plain), dir.path(), day("2026-02-01"), None)
        .await
        .unwrap();
    assert!(images(&plain).is_empty(), "no logo, no image");

    let png = dir.path().join("logo.png");
    picture(&png, 400, 140, ImageFormat::Png, true);
    logo::set(&db, &actor(), &png).await.unwrap();
    let with = dir.path().join("with.pdf");
    statement::save_pdf(&db, &req(&with), dir.path(), day("2026-02-01"), None)
        .await
        .unwrap();
    let found = images(&with);
    assert_eq!(
        found.len(),
        2,
        "the picture and its transparency: {found:?}"
    );
    assert_eq!((found[0].0, found[0].1, found[0].2), (1, 400, 140));
    assert!(found[0].3.starts_with("image rgb"), "{found:?}");
    assert!(found[1].3.starts_with("smask"), "{found:?}");
    // The header's text is still the company's, extractable.
    let text = tool("pdftotext", &[with.to_str().unwrap(), "-"]);
    assert!(text.contains("宁波东海电器制造有限公司"), "{text}");
    tool("qpdf", &["--check", with.to_str().unwrap()]);

    // A merged batch draws the logo on every statement from one image object.
    let out = dir.path().join("batch");
    batch::run(
        &db,
        &BatchRequest {
            from: "2026-01-01".into(),
            to: "2026-01-31".into(),
            out_dir: out.display().to_string(),
            lang: dealerdesk_core::lang::Lang::En,
            merged: true,
        },
        Arc::new(AtomicBool::new(false)),
        Arc::new(|_| {}),
        &actor_on(day("2026-02-01")),
    )
    .await
    .unwrap();
    let merged = out.join("statements-2026-01-01-2026-01-31.pdf");
    let found = images(&merged);
    let pages: Vec<u32> = found
        .iter()
        .filter(|f| f.3.starts_with("image"))
        .map(|f| f.0)
        .collect();
    assert_eq!(pages, [1, 2, 3], "one logo per statement: {found:?}");
    let objects: std::collections::BTreeSet<String> =
        tool("pdfimages", &["-list", merged.to_str().unwrap()])
            .lines()
            .skip(2)
            .filter(|l| l.contains(" image "))
            .map(|l| l.split_whitespace().nth(10).unwrap_or_default().to_owned())
            .collect();
    assert_eq!(
        objects.len(),
        1,
        "the pixels are in the file once: {objects:?}"
    );
}

#[tokio::test]
async fn a_backup_folder_must_take_a_file() {
    let (dir, db) = fresh().await;
    let file = dir.path().join("a-file");
    std::fs::write(&file, "x").unwrap();
    let under_a_file = file.join("backups");
    let err = backup::save_settings(
        &db,
        &actor(),
        BackupSettings {
            folder: under_a_file.display().to_string(),
            ..Default::default()
        },
    )
    .await
    .unwrap_err();
    assert_eq!(
        codes(&err),
        [("folder".to_string(), "folder_not_writable".to_string())]
    );
    assert_eq!(
        backup::load_settings(&db).await.unwrap(),
        BackupSettings::default(),
        "nothing saved"
    );
    // A folder that does not exist yet is made, and nothing is left in it.
    let usb = dir.path().join("U 盘").join("DealerDesk 备份");
    let saved = backup::save_settings(
        &db,
        &actor(),
        BackupSettings {
            folder: usb.display().to_string(),
            ..Default::default()
        },
    )
    .await
    .unwrap();
    assert_eq!(saved.folder, usb.display().to_string());
    assert_eq!(std::fs::read_dir(&usb).unwrap().count(), 0);
}

#[tokio::test]
async fn the_about_box_tells_the_schema_files_and_licences() {
    let (dir, db) = fresh().await;
    let db_path = dir.path().join("t.sqlite");
    let folder = dir.path().join("backups");
    let about = setup::about(&db, &db_path, &folder).await.unwrap();
    assert_eq!(about.version, env!("CARGO_PKG_VERSION"));
    assert_eq!(about.migrations_applied, about.migrations_known);
    assert_eq!(
        about.schema_version,
        dealerdesk_core::db::migrate::known()
            .last()
            .unwrap()
            .clone()
    );
    assert!(about.db_bytes > 0, "the file exists: {}", db_path.display());
    assert_eq!(about.data_folder, dir.path().display().to_string());
    assert!(about.last_backup.is_none());
    assert!(about.licence.starts_with("MIT License"));
    assert!(about
        .font_licence
        .contains("SIL OPEN FONT LICENSE Version 1.1"));

    active(&db, dir.path(), &["甲商贸"]).await;
    let made = backup::create_in(
        &db,
        &dealerdesk_core::attachment::root_for(&db_path),
        &folder,
        backup::BackupKind::Manual,
        chrono::DateTime::parse_from_rfc3339("2026-12-07T09:00:00+08:00").unwrap(),
    )
    .await
    .unwrap();
    let about = setup::about(&db, &db_path, &folder).await.unwrap();
    assert_eq!(about.last_backup.unwrap().path, made.path);
}
