mod common;
use common::actor;

use common::{fresh, input};
use dealerdesk_core::attachment::{self, AttachmentAdd, AttachmentKind};
use dealerdesk_core::paging::Paging;
use dealerdesk_core::{audit, distributor, AppError};

#[tokio::test]
async fn files_are_copied_listed_opened_and_removed() {
    let (dir, db) = fresh().await;
    let root = attachment::root_for(&dir.path().join("t.sqlite"));
    let d = distributor::create(&db, &actor(), input("甲公司", "91110000802100433B"))
        .await
        .unwrap();
    let src = dir.path().join("营业执照 扫描.pdf");
    std::fs::write(&src, b"%PDF-1.4 scan").unwrap();

    let a = attachment::add(
        &db,
        &root,
        &actor(),
        AttachmentAdd {
            distributor_id: d.id,
            kind: AttachmentKind::BusinessLicence,
            source_path: src.to_string_lossy().into(),
            visit_id: None,
            statement_run_id: None,
        },
    )
    .await
    .unwrap();
    assert_eq!(a.file_name, "营业执照 扫描.pdf");
    assert_eq!(a.size_bytes, 13);
    // The copy survives the original.
    std::fs::remove_file(&src).unwrap();
    let stored = attachment::file_path(&db, &root, a.id).await.unwrap();
    assert!(stored.starts_with(&root));
    assert_eq!(std::fs::read(&stored).unwrap(), b"%PDF-1.4 scan");
    assert_eq!(attachment::list(&db, d.id).await.unwrap().len(), 1);

    attachment::remove(&db, &root, &actor(), a.id)
        .await
        .unwrap();
    assert!(!stored.exists());
    assert!(attachment::list(&db, d.id).await.unwrap().is_empty());
    let actions: Vec<_> = audit::list(&db, "distributor", d.id, Paging::ALL)
        .await
        .unwrap()
        .rows
        .into_iter()
        .map(|e| e.action)
        .collect();
    assert_eq!(actions[..2], ["attachment_remove", "attachment_add"]);
}

#[tokio::test]
async fn missing_files_and_unknown_distributors_are_refused_without_leftovers() {
    let (dir, db) = fresh().await;
    let root = attachment::root_for(&dir.path().join("t.sqlite"));
    let err = attachment::add(
        &db,
        &root,
        &actor(),
        AttachmentAdd {
            distributor_id: 1,
            kind: AttachmentKind::Other,
            source_path: "/no/such/file.jpg".into(),
            visit_id: None,
            statement_run_id: None,
        },
    )
    .await
    .unwrap_err();
    assert!(matches!(err, AppError::Validation { ref fields } if fields[0].code == "file_missing"));

    let src = dir.path().join("photo.jpg");
    std::fs::write(&src, b"jpeg").unwrap();
    let err = attachment::add(
        &db,
        &root,
        &actor(),
        AttachmentAdd {
            distributor_id: 42,
            kind: AttachmentKind::SiteVisitPhoto,
            source_path: src.to_string_lossy().into(),
            visit_id: None,
            statement_run_id: None,
        },
    )
    .await
    .unwrap_err();
    assert!(matches!(err, AppError::NotFound { .. }));
    assert!(!root.exists(), "nothing copied for a refused attachment");
}

#[tokio::test]
async fn a_stored_name_changed_to_leave_the_folder_is_neither_opened_nor_deleted() {
    use sea_orm::ConnectionTrait;
    let (dir, db) = fresh().await;
    let root = dir.path().join("attachments");
    let d = distributor::create(
        &db,
        &actor(),
        input("甲商贸", &dealerdesk_core::demo::uscc_for(1)),
    )
    .await
    .unwrap();
    let src = dir.path().join("执照.pdf");
    std::fs::write(&src, b"%PDF-1.4").unwrap();
    let a = attachment::add(
        &db,
        &root,
        &actor(),
        AttachmentAdd {
            distributor_id: d.id,
            kind: AttachmentKind::BusinessLicence,
            source_path: src.display().to_string(),
            visit_id: None,
            statement_run_id: None,
        },
    )
    .await
    .unwrap();
    // A file outside the folder, and a record changed by hand to point at it.
    let victim = dir.path().join("victim.txt");
    std::fs::write(&victim, "keep me").unwrap();
    db.execute_unprepared(&format!(
        "UPDATE attachment SET stored_name = '../../victim.txt' WHERE id = {}",
        a.id
    ))
    .await
    .unwrap();
    let err = attachment::file_path(&db, &root, a.id).await.unwrap_err();
    assert!(matches!(err, AppError::NotFound { .. }), "{err:?}");
    attachment::remove(&db, &root, &actor(), a.id)
        .await
        .unwrap();
    assert_eq!(std::fs::read_to_string(&victim).unwrap(), "keep me");
}

/// Only documents and images are attached, and only they are handed to the
/// system to open: a program, a script, a link or a desktop entry is refused
/// by its type, nothing is copied, and one already stored is not opened.
#[tokio::test]
async fn programs_scripts_and_links_are_neither_attached_nor_opened() {
    let (dir, db) = fresh().await;
    let root = attachment::root_for(&dir.path().join("t.sqlite"));
    let d = distributor::create(&db, &actor(), input("甲公司", "91110000802100433B"))
        .await
        .unwrap();
    for name in [
        "setup.exe",
        "run.bat",
        "报表.lnk",
        "x.js",
        "app.desktop",
        "README",
    ] {
        let src = dir.path().join(name);
        std::fs::write(&src, b"MZ").unwrap();
        let e = attachment::add(
            &db,
            &root,
            &actor(),
            AttachmentAdd {
                distributor_id: d.id,
                kind: AttachmentKind::BusinessLicence,
                source_path: src.to_string_lossy().into(),
                visit_id: None,
                statement_run_id: None,
            },
        )
        .await
        .unwrap_err();
        let AppError::Validation { fields } = &e else {
            panic!("{e:?}")
        };
        assert_eq!(
            (fields[0].field.as_str(), fields[0].code.key()),
            ("source_path", "attachment_type"),
            "{name}"
        );
    }
    assert!(attachment::list(&db, d.id).await.unwrap().is_empty());
    assert!(!root.exists() || std::fs::read_dir(&root).unwrap().next().is_none());
    // One stored under such a name (before the check, or by hand) is not opened.
    let stored = root.join("1").join("tool.exe");
    assert!(dealerdesk_core::opening::stored_attachment(stored).is_err());
    let scan = root.join("1").join("扫描.JPG");
    assert!(dealerdesk_core::opening::stored_attachment(scan).is_ok());
}
