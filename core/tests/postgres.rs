//! The schema on PostgreSQL, in a throwaway cluster: every migration runs, the
//! tables are SQLite's, and the guards hold there too — closed lists refused by
//! CHECK constraints, history refused by PL/pgSQL triggers.
mod common;

use common::postgres::Cluster;
use dealerdesk_migrations::{Migrator, MigratorTrait, CLOSED_LISTS};
use sea_orm::{ConnectionTrait, Database, DatabaseConnection, Statement};
use std::collections::BTreeSet;

async fn names(db: &DatabaseConnection, sql: &str) -> BTreeSet<String> {
    db.query_all_raw(Statement::from_string(
        db.get_database_backend(),
        sql.to_owned(),
    ))
    .await
    .unwrap()
    .iter()
    .map(|r| r.try_get_by_index::<String>(0).unwrap())
    .collect()
}

#[tokio::test]
async fn every_migration_runs_on_postgresql_and_its_guards_hold() {
    let pg = Cluster::start();
    let db = Database::connect(pg.database("office")).await.unwrap();
    Migrator::up(&db, None).await.unwrap();

    let (_dir, lite) = common::fresh_file().await;
    let on_sqlite = names(
        &lite,
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'",
    )
    .await;
    let on_postgres = names(
        &db,
        "SELECT table_name::text FROM information_schema.tables WHERE table_schema = 'public'",
    )
    .await;
    assert!(on_sqlite.len() > 20);
    assert_eq!(on_postgres, on_sqlite);

    // Each closed list has its CHECK constraint, naming exactly its keys
    // (PostgreSQL checks NOT NULL first, so a bare insert cannot show it; the
    // update below shows one refusing).
    for (table, column, values) in CLOSED_LISTS {
        let def = db
            .query_one_raw(Statement::from_string(
                db.get_database_backend(),
                format!(
                    "SELECT pg_get_constraintdef(oid) FROM pg_constraint \
                     WHERE conname = '{table}_{column}_allowed'"
                ),
            ))
            .await
            .unwrap()
            .unwrap_or_else(|| panic!("no constraint on {table}.{column}"))
            .try_get_by_index::<String>(0)
            .unwrap();
        let quoted = def.matches('\'').count() / 2;
        assert_eq!(quoted, values.len(), "{table}.{column}: {def}");
        for v in *values {
            assert!(def.contains(&format!("'{v}'")), "{table}.{column}: {def}");
        }
    }

    // The history written through the program is there to protect.
    dealerdesk_core::demo::generate(&db, &common::actor(), 5)
        .await
        .unwrap();
    for table in ["status_change", "tier_change", "audit_entry"] {
        let n = db
            .query_one_raw(Statement::from_string(
                db.get_database_backend(),
                format!("SELECT COUNT(*) FROM {table}"),
            ))
            .await
            .unwrap()
            .unwrap()
            .try_get_by_index::<i64>(0)
            .unwrap();
        assert!(n > 0, "{table} has rows");
        for sql in [
            format!("UPDATE {table} SET id = id"),
            format!("DELETE FROM {table}"),
        ] {
            let e = db.execute_unprepared(&sql).await.unwrap_err().to_string();
            assert!(e.contains("append-only"), "{sql}: {e}");
        }
    }
    let e = db
        .execute_unprepared("UPDATE distributor SET tier = 'gold'")
        .await
        .unwrap_err()
        .to_string();
    assert!(e.contains("distributor_tier_allowed"), "{e}");
}
