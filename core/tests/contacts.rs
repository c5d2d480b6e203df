mod common;
use common::actor;

use common::{fresh, input};
use dealerdesk_core::distributor::contacts::{self, ContactInput, ContactSave};
use dealerdesk_core::paging::Paging;
use dealerdesk_core::{audit, distributor, AppError};

#[tokio::test]
async fn contacts_are_added_edited_removed_and_audited() {
    let (_dir, db) = fresh().await;
    let d = distributor::create(&db, &actor(), input("甲公司", "91110000802100433B"))
        .await
        .unwrap();
    let save = |id: Option<i64>, name: &str, phone: &str| ContactSave {
        distributor_id: d.id,
        id,
        input: ContactInput {
            name: name.into(),
            role: "财务".into(),
            phone: phone.into(),
            ..Default::default()
        },
        base: None,
    };
    let c = contacts::save(&db, &actor(), save(None, "赵敏", "13700001111"))
        .await
        .unwrap();
    let c2 = contacts::save(&db, &actor(), save(Some(c.id), "赵敏", "021-55556666"))
        .await
        .unwrap();
    assert_eq!(c2.id, c.id);
    assert_eq!(c2.phone, "021-55556666");
    let detail = distributor::get(&db, &dealerdesk_core::actor::Access::Open, d.id)
        .await
        .unwrap();
    assert_eq!(detail.contacts.len(), 1);

    let err = contacts::save(&db, &actor(), save(None, "", ""))
        .await
        .unwrap_err();
    assert!(matches!(err, AppError::Validation { .. }));
    // A contact id that belongs to another distributor is not found here.
    let other = distributor::create(
        &db,
        &actor(),
        input("乙公司", &dealerdesk_core::demo::uscc_for(3)),
    )
    .await
    .unwrap();
    let err = contacts::save(
        &db,
        &actor(),
        ContactSave {
            distributor_id: other.id,
            ..save(Some(c.id), "x", "13700001111")
        },
    )
    .await
    .unwrap_err();
    assert!(matches!(err, AppError::NotFound { .. }));

    contacts::remove(&db, &actor(), c.id).await.unwrap();
    assert!(
        distributor::get(&db, &dealerdesk_core::actor::Access::Open, d.id)
            .await
            .unwrap()
            .contacts
            .is_empty()
    );
    let history = audit::list(&db, "distributor", d.id, Paging::ALL)
        .await
        .unwrap()
        .rows;
    let actions: Vec<_> = history.iter().map(|e| e.action.as_str()).collect();
    assert_eq!(
        actions[..3],
        ["contact_remove", "contact_update", "contact_add"]
    );
    let update = &history[1].changes;
    assert_eq!(update.len(), 1);
    assert_eq!(update[0].field, "contact_phone");
    assert_eq!(update[0].before.as_deref(), Some("13700001111"));
}
