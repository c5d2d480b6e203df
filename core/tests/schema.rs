//! The schema as the real migrator builds it.
mod common;

use sea_orm::{ConnectionTrait, DatabaseConnection, Statement};

async fn rows(db: &DatabaseConnection, sql: &str) -> Vec<sea_orm::QueryResult> {
    db.query_all_raw(Statement::from_string(
        db.get_database_backend(),
        sql.to_owned(),
    ))
    .await
    .unwrap()
}

/// Lists filter and join by their foreign keys: each one leads an index, so a
/// distributor's history or certificates are found without a table scan.
#[tokio::test]
async fn every_foreign_key_leads_an_index() {
    let (_dir, db) = common::fresh_file().await;
    let tables: Vec<String> = rows(
        &db,
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'",
    )
    .await
    .iter()
    .map(|r| r.try_get_by_index::<String>(0).unwrap())
    .collect();
    assert!(tables.len() > 15, "{tables:?}");
    let mut missing = vec![];
    let mut checked = 0;
    for t in &tables {
        let mut leading = std::collections::BTreeSet::new();
        for ix in rows(&db, &format!("PRAGMA index_list('{t}')")).await {
            let name: String = ix.try_get_by_index(1).unwrap();
            if let Some(first) = rows(&db, &format!("PRAGMA index_info('{name}')"))
                .await
                .first()
            {
                leading.insert(first.try_get_by_index::<String>(2).unwrap());
            }
        }
        for fk in rows(&db, &format!("PRAGMA foreign_key_list('{t}')")).await {
            let column: String = fk.try_get_by_index(3).unwrap();
            checked += 1;
            if !leading.contains(&column) {
                missing.push(format!("{t}.{column}"));
            }
        }
    }
    assert!(checked > 15, "read the foreign keys");
    assert!(
        missing.is_empty(),
        "foreign keys without an index: {missing:?}"
    );
}

#[tokio::test]
async fn history_tables_refuse_updates_and_deletes() {
    let (_dir, db) = common::fresh_file().await;
    dealerdesk_core::demo::generate(&db, &common::actor(), 30)
        .await
        .unwrap();
    dealerdesk_core::demo::generate_ledger(&db, &common::actor(), 2, 1)
        .await
        .unwrap();
    // An assessment as the program writes one (inserting stays allowed).
    db.execute_unprepared(
        "INSERT INTO assessment (distributor_id, assessed_on, assessor, scores_json, total_centi, \
         recommended_tier, site_visit_notes, decision, created_at) \
         SELECT id, '2026-11-02', '测试员', '[]', 8500, 'core', '', 'approve', '2026-11-02T01:00:00Z' \
         FROM distributor LIMIT 1",
    )
    .await
    .unwrap();
    for table in [
        "status_change",
        "tier_change",
        "assessment",
        "ledger_entry",
        "audit_entry",
    ] {
        let n = rows(&db, &format!("SELECT COUNT(*) FROM {table}")).await[0]
            .try_get_by_index::<i64>(0)
            .unwrap();
        assert!(n > 0, "{table} has rows to protect");
        for sql in [
            format!("UPDATE {table} SET id = id"),
            format!("DELETE FROM {table}"),
        ] {
            let r = db.execute_unprepared(&sql).await;
            assert!(r.is_err(), "{sql} was allowed");
            assert!(r.unwrap_err().to_string().contains("append-only"), "{sql}");
        }
    }
}

/// The keys each closed list's Rust type writes, by guarded column.
fn keys_of(table: &str, column: &str) -> Vec<String> {
    use dealerdesk_core::{agreement, attachment, complaint, distributor, ledger, onboarding};
    use dealerdesk_core::{lang::Lang, training::session::SessionStatus, visit::VisitKind};
    fn keys<T: Copy>(all: &[T], key: impl Fn(T) -> &'static str) -> Vec<String> {
        all.iter().map(|v| key(*v).to_owned()).collect()
    }
    match (table, column) {
        (_, "tier" | "from_tier" | "to_tier" | "recommended_tier") => {
            keys(distributor::Tier::ALL, distributor::Tier::key)
        }
        ("distributor" | "status_change", _) => {
            keys(distributor::Status::ALL, distributor::Status::key)
        }
        ("assessment", "decision") => keys(
            &distributor::assessments::Decision::ALL,
            distributor::assessments::Decision::key,
        ),
        ("agreement", "status") => keys(
            agreement::AgreementStatus::ALL,
            agreement::AgreementStatus::key,
        ),
        ("agreement", "kind") => keys(agreement::AgreementKind::ALL, agreement::AgreementKind::key),
        ("agreement", "payment_method") => {
            keys(agreement::PaymentMethod::ALL, agreement::PaymentMethod::key)
        }
        ("ledger_entry", "kind") => keys(ledger::EntryKind::ALL, ledger::EntryKind::key),
        ("complaint" | "complaint_event", "status" | "from_status" | "to_status") => keys(
            complaint::ComplaintStatus::ALL,
            complaint::ComplaintStatus::key,
        ),
        ("complaint", "priority") => keys(complaint::Priority::ALL, complaint::Priority::key),
        ("complaint", "channel") => keys(complaint::Channel::ALL, complaint::Channel::key),
        ("complaint_event", "kind") => keys(complaint::EventKind::ALL, complaint::EventKind::key),
        ("calendar_day", "kind") => keys(
            &complaint::days::DayKind::ALL,
            complaint::days::DayKind::key,
        ),
        ("training_session", "status") => keys(&SessionStatus::ALL, SessionStatus::key),
        ("collection_call", "channel") => keys(
            &ledger::collections::CallChannel::ALL,
            ledger::collections::CallChannel::key,
        ),
        ("statement_run", "lang") => keys(&Lang::ALL, Lang::key),
        ("statement_run", "issued_via") => {
            keys(&ledger::runs::IssuedVia::ALL, ledger::runs::IssuedVia::key)
        }
        ("statement_run", "confirm_status") => keys(
            &ledger::runs::ConfirmStatus::ALL,
            ledger::runs::ConfirmStatus::key,
        ),
        ("visit", "kind") => keys(&VisitKind::ALL, VisitKind::key),
        ("attachment", "kind") => keys(
            &attachment::AttachmentKind::ALL,
            attachment::AttachmentKind::key,
        ),
        ("onboarding_step", "auto") => {
            keys(&onboarding::AutoCheck::ALL, onboarding::AutoCheck::key)
        }
        other => panic!("no Rust list for {other:?}"),
    }
}

/// A status, tier or kind no version writes cannot be stored: every guarded
/// column refuses an unknown key on insert and on update, and accepts exactly
/// the keys its Rust type writes (a new key needs a new migration).
#[tokio::test]
async fn closed_lists_refuse_values_no_version_writes() {
    let (_dir, db) = common::fresh_file().await;
    assert!(dealerdesk_migrations::CLOSED_LISTS.len() > 20);
    for (table, column, values) in dealerdesk_migrations::CLOSED_LISTS {
        let mut written = keys_of(table, column);
        let mut allowed: Vec<String> = values.iter().map(|v| v.to_string()).collect();
        written.sort();
        allowed.sort();
        assert_eq!(written, allowed, "{table}.{column}");
        // The trigger runs before NOT NULL and foreign keys are checked: an
        // unknown key is refused by it, a known one gets as far as those.
        let bogus = db
            .execute_unprepared(&format!("INSERT INTO {table} ({column}) VALUES ('gold')"))
            .await
            .unwrap_err()
            .to_string();
        assert!(
            bogus.contains(&format!("{table}.{column} must be one of")),
            "{bogus}"
        );
        let known = db
            .execute_unprepared(&format!(
                "INSERT INTO {table} ({column}) VALUES ('{}')",
                values[0]
            ))
            .await
            .unwrap_err()
            .to_string();
        assert!(
            !known.contains("must be one of"),
            "{table}.{column}: {known}"
        );
    }
    // The first status row has no "from".
    for (value, refused) in [("", false), ("active", false), ("gold", true)] {
        let e = db
            .execute_unprepared(&format!(
                "INSERT INTO status_change (from_status) VALUES ('{value}')"
            ))
            .await
            .unwrap_err()
            .to_string();
        assert_eq!(e.contains("must be one of"), refused, "{value}: {e}");
    }
    // And on update, with a real row.
    dealerdesk_core::demo::generate(&db, &common::actor(), 3)
        .await
        .unwrap();
    let e = db
        .execute_unprepared("UPDATE distributor SET tier = 'gold'")
        .await
        .unwrap_err()
        .to_string();
    assert!(e.contains("distributor.tier must be one of"), "{e}");
    db.execute_unprepared("UPDATE distributor SET tier = 'basic'")
        .await
        .unwrap();
}
