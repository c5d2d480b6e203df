//! The schema as the real migrator builds it.
mod common;

use common::fresh;
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
    let (_dir, db) = fresh().await;
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
    let (_dir, db) = common::fresh().await;
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
