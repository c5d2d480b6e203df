//! Two people at once: a save based on a version of the distributor that
//! someone else has changed since is refused with `edit_conflict`, naming
//! who changed it and when, and writes nothing; after a reload it goes
//! ahead. Saves racing from two connections on the same version: exactly
//! one wins each round, on SQLite and on PostgreSQL.
mod common;

use common::{clock, fresh, input};
use dealerdesk_core::actor::Actor;
use dealerdesk_core::distributor::{self, Tier, TierChangeRequest};
use dealerdesk_core::AppError;

fn named(name: &str) -> Actor {
    Actor::new(name, clock()).unwrap()
}

#[tokio::test]
async fn a_save_on_a_changed_version_names_who_changed_it_and_writes_nothing() {
    let (_dir, db) = fresh().await;
    let d = distributor::create(&db, &named("王芳"), input("甲公司", "91110000802100433B"))
        .await
        .unwrap();
    let open = &dealerdesk_core::actor::Access::Open;
    // Both open the form on the same version.
    let seen = distributor::get(&db, open, d.id).await.unwrap().distributor;
    let mut mine = input("甲公司", "91110000802100433B");
    mine.contact_name = "李娜".into();
    let saved = distributor::update_from(&db, &named("李娜"), d.id, mine, Some(&seen.updated_at))
        .await
        .unwrap();
    assert_eq!(saved.contact_name, "李娜");

    let mut theirs = input("甲公司", "91110000802100433B");
    theirs.notes = "周敏的备注".into();
    let e = distributor::update_from(
        &db,
        &named("周敏"),
        d.id,
        theirs.clone(),
        Some(&seen.updated_at),
    )
    .await
    .unwrap_err();
    match &e {
        AppError::EditConflict { entity, id, by, at } => {
            assert_eq!((entity.as_str(), by.as_str()), ("distributor", "李娜"));
            assert_eq!(id, &d.id.to_string());
            assert_eq!(at, &saved.updated_at);
        }
        other => panic!("{other:?}"),
    }
    let now = distributor::get(&db, open, d.id).await.unwrap().distributor;
    assert_eq!(
        (now.contact_name.as_str(), now.notes.as_str()),
        ("李娜", "")
    );

    // Reloaded, the same edit goes ahead on the new version.
    theirs.contact_name = now.contact_name.clone();
    let done = distributor::update_from(&db, &named("周敏"), d.id, theirs, Some(&now.updated_at))
        .await
        .unwrap();
    assert_eq!(
        (done.contact_name.as_str(), done.notes.as_str()),
        ("李娜", "周敏的备注")
    );

    // Any other write changes the version too: a tier change.
    distributor::change_tier(
        &db,
        &named("王芳"),
        TierChangeRequest {
            id: d.id,
            tier: Tier::Core,
            reason: "年度评级".into(),
        },
    )
    .await
    .unwrap();
    let e = distributor::update_from(
        &db,
        &named("周敏"),
        d.id,
        input("甲公司", "91110000802100433B"),
        Some(&done.updated_at),
    )
    .await
    .unwrap_err();
    assert!(
        matches!(&e, AppError::EditConflict { by, .. } if by == "王芳"),
        "{e:?}"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn of_two_racing_saves_on_one_version_exactly_one_wins() {
    let (_dir, db) = fresh().await;
    let d = distributor::create(&db, &named("王芳"), input("甲公司", "91110000802100433B"))
        .await
        .unwrap();
    let open = &dealerdesk_core::actor::Access::Open;
    let rounds = 20;
    let mut conflicts = 0;
    for round in 0..rounds {
        let base = distributor::get(&db, open, d.id)
            .await
            .unwrap()
            .distributor
            .updated_at;
        let save = |who: &'static str| {
            let (db, base) = (db.clone(), base.clone());
            tokio::spawn(async move {
                let mut i = input("甲公司", "91110000802100433B");
                i.notes = format!("{who} {round}");
                distributor::update_from(&db, &named(who), d.id, i, Some(&base)).await
            })
        };
        let (a, b) = (save("李娜"), save("周敏"));
        let results = [a.await.unwrap(), b.await.unwrap()];
        let won: Vec<&str> = results
            .iter()
            .filter_map(|r| r.as_ref().ok().map(|d| d.notes.as_str()))
            .collect();
        assert_eq!(won.len(), 1, "round {round}: {results:?}");
        for r in &results {
            if let Err(e) = r {
                assert!(matches!(e, AppError::EditConflict { .. }), "{e:?}");
                conflicts += 1;
            }
        }
        // What is stored is the winner's, whole.
        let now = distributor::get(&db, open, d.id).await.unwrap().distributor;
        assert_eq!(now.notes, won[0]);
    }
    assert_eq!(conflicts, rounds);
}

#[tokio::test]
async fn contacts_and_agreement_drafts_refuse_a_save_on_a_changed_version() {
    use dealerdesk_core::agreement::{self, AgreementUpdate};
    use dealerdesk_core::distributor::contacts::{self, ContactInput, ContactSave};
    let (_dir, db) = fresh().await;
    let d = common::agreements::dist(&db, 3).await;
    // A contact, edited by two people from the same version.
    let contact = |name: &str| ContactInput {
        name: name.into(),
        role: "采购".into(),
        phone: "13700001111".into(),
        ..Default::default()
    };
    let c = contacts::save(
        &db,
        &named("王芳"),
        ContactSave {
            distributor_id: d,
            id: None,
            input: contact("赵磊"),
            base: None,
        },
    )
    .await
    .unwrap();
    let edit = |name: &str, base: &str| ContactSave {
        distributor_id: d,
        id: Some(c.id),
        input: contact(name),
        base: Some(base.into()),
    };
    contacts::save(&db, &named("李娜"), edit("赵磊磊", &c.updated_at))
        .await
        .unwrap();
    let e = contacts::save(&db, &named("周敏"), edit("赵石", &c.updated_at))
        .await
        .unwrap_err();
    assert!(
        matches!(&e, AppError::EditConflict { entity, by, .. } if entity == "contact" && by == "李娜"),
        "{e:?}"
    );
    let now = contacts::list(&db, d).await.unwrap();
    assert_eq!(now[0].name, "赵磊磊");

    // An agreement draft, the same.
    let terms =
        common::agreements::terms(d, common::agreements::province("浙江省", "杭州市"), false);
    let draft = agreement::create(&db, &named("王芳"), &terms)
        .await
        .unwrap();
    let base = draft.agreement.updated_at.clone();
    let mut longer = terms.clone();
    longer.payment_days = 60;
    agreement::update(
        &db,
        &named("李娜"),
        &AgreementUpdate {
            id: draft.agreement.id,
            input: longer,
            base: Some(base.clone()),
        },
    )
    .await
    .unwrap();
    let mut shorter = terms;
    shorter.payment_days = 30;
    let e = agreement::update(
        &db,
        &named("周敏"),
        &AgreementUpdate {
            id: draft.agreement.id,
            input: shorter,
            base: Some(base),
        },
    )
    .await
    .unwrap_err();
    assert!(
        matches!(&e, AppError::EditConflict { entity, by, .. } if entity == "agreement" && by == "李娜"),
        "{e:?}"
    );
    let open = &dealerdesk_core::actor::Access::Open;
    let now = agreement::get(&db, open, draft.agreement.id, clock().today)
        .await
        .unwrap();
    assert_eq!(now.agreement.payment_days, 60);
}
