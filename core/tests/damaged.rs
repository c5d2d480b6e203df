//! A stored value this program cannot read is an error naming the record —
//! never a default status, an empty ladder, a zero rebate or a guessed kind.
//! Rows are damaged the way another tool (or a file from before the closed
//! lists were guarded) could leave them: raw SQL, guards dropped first.
mod common;

use common::agreements::{dist, entry, province, signed, terms};
use common::fresh;
use dealerdesk_core::agreement::rebate::{self, RebateRunRequest};
use dealerdesk_core::distributor::{self, DistributorQuery};
use dealerdesk_core::error::AppError;
use dealerdesk_core::ledger::{self, statement::StatementRequest, EntryKind};
use sea_orm::{ConnectionTrait, DatabaseConnection};

async fn sql(db: &DatabaseConnection, s: &str) {
    db.execute_unprepared(s).await.unwrap();
}

/// Drops the guard on `table.column` the way a file from before the guards
/// lacks it: the trigger for `event` on SQLite, the CHECK on PostgreSQL.
async fn drop_guard(db: &DatabaseConnection, table: &str, column: &str, event: &str) {
    if db.get_database_backend() == sea_orm::DbBackend::Postgres {
        sql(
            db,
            &format!("ALTER TABLE {table} DROP CONSTRAINT {table}_{column}_allowed"),
        )
        .await;
    } else {
        sql(
            db,
            &format!("DROP TRIGGER {table}_{column}_allowed_{event}"),
        )
        .await;
    }
}

fn damaged(e: AppError) -> (String, String, String, String) {
    match e {
        AppError::Damaged {
            table,
            id,
            column,
            value,
        } => (table, id, column, value),
        other => panic!("expected damaged, got {other:?}"),
    }
}

#[tokio::test]
async fn a_damaged_ladder_is_an_error_not_a_rebate_of_zero() {
    let (dir, db) = fresh().await;
    let a = dist(&db, 1).await;
    let id = signed(
        &db,
        &dir.path().join("a"),
        terms(a, province("广东省", ""), false),
    )
    .await;
    entry(
        &db,
        a,
        "2026-02-15",
        "INV-1",
        EntryKind::Invoice,
        "120000.00",
    )
    .await;
    let q1 = RebateRunRequest {
        from: "2026-01-01".into(),
        to: "2026-03-31".into(),
    };
    let before = rebate::preview(&db, &q1).await.unwrap();
    assert!(before.lines[0].rebate.to_string() != "0.00");
    sql(
        &db,
        &format!("UPDATE agreement SET ladder_json = '[{{\"threshold_bp\":' WHERE id = {id}"),
    )
    .await;
    let (table, row, column, value) = damaged(rebate::preview(&db, &q1).await.unwrap_err());
    assert_eq!(
        (table.as_str(), column.as_str()),
        ("agreement", "ladder_json")
    );
    assert_eq!(row, id.to_string());
    assert_eq!(value, "[{\"threshold_bp\":");
    // Targets and territories the same way; the agreement page says so too.
    sql(
        &db,
        &format!("UPDATE agreement SET ladder_json = '[]', targets_json = 'null' WHERE id = {id}"),
    )
    .await;
    let (_, _, column, _) = damaged(rebate::preview(&db, &q1).await.unwrap_err());
    assert_eq!(column, "targets_json");
    sql(
        &db,
        &format!(
            "UPDATE agreement SET targets_json = '[]', territory_json = '{{}}' WHERE id = {id}"
        ),
    )
    .await;
    let today = common::day("2026-04-01");
    let (_, _, column, _) = damaged(
        dealerdesk_core::agreement::get(&db, &dealerdesk_core::actor::Access::Open, id, today)
            .await
            .unwrap_err(),
    );
    assert_eq!(column, "territory_json");
}

#[tokio::test]
async fn a_status_or_tier_no_version_wrote_names_the_distributor() {
    let (_dir, db) = fresh().await;
    let a = dist(&db, 1).await;
    // A file from before the closed lists were guarded.
    drop_guard(&db, "distributor", "tier", "update").await;
    sql(
        &db,
        &format!("UPDATE distributor SET tier = 'gold' WHERE id = {a}"),
    )
    .await;
    let e = distributor::list(
        &db,
        &dealerdesk_core::actor::Access::Open,
        &DistributorQuery::default(),
    )
    .await
    .unwrap_err();
    assert_eq!(
        damaged(e),
        (
            "distributor".into(),
            a.to_string(),
            "tier".into(),
            "gold".into()
        )
    );
    let e = distributor::get(&db, &dealerdesk_core::actor::Access::Open, a)
        .await
        .unwrap_err();
    assert_eq!(damaged(e).2, "tier");
}

#[tokio::test]
async fn a_ledger_kind_no_version_wrote_is_not_guessed() {
    let (_dir, db) = fresh().await;
    let a = dist(&db, 1).await;
    entry(&db, a, "2026-01-05", "INV-1", EntryKind::Invoice, "100.00").await;
    drop_guard(&db, "ledger_entry", "kind", "insert").await;
    sql(
        &db,
        &format!(
            "INSERT INTO ledger_entry (distributor_id, entry_date, doc_no, kind, amount_fen, \
             description, fapiao_no, due_date, created_at, created_by) VALUES \
             ({a}, '2026-01-06', 'X-1', 'refund', 5000, '', '', '2026-01-06', \
             '2026-01-06T01:00:00Z', 'x')"
        ),
    )
    .await;
    let req = StatementRequest {
        distributor_id: a,
        from: "2026-01-01".into(),
        to: "2026-01-31".into(),
    };
    let (table, _, column, value) = damaged(ledger::statement::load(&db, &req).await.unwrap_err());
    assert_eq!(
        (table.as_str(), column.as_str(), value.as_str()),
        ("ledger_entry", "kind", "refund")
    );
}

#[tokio::test]
async fn damaged_audit_changes_and_settings_name_their_rows() {
    let (_dir, db) = fresh().await;
    let a = dist(&db, 1).await;
    sql(
        &db,
        &format!(
            "INSERT INTO audit_entry (at, operator, entity, entity_id, action, changes_json) \
             VALUES ('2026-01-06T01:00:00Z', 'x', 'distributor', {a}, 'update', 'not json')"
        ),
    )
    .await;
    let e = dealerdesk_core::audit::list(&db, "distributor", a, Default::default())
        .await
        .unwrap_err();
    let (table, _, column, value) = damaged(e);
    assert_eq!(
        (table.as_str(), column.as_str(), value.as_str()),
        ("audit_entry", "changes_json", "not json")
    );

    sql(
        &db,
        "INSERT INTO setting (key, value) VALUES ('aging_edges', '[30, 60')",
    )
    .await;
    let e = dealerdesk_core::settings::load_statement_settings(&db)
        .await
        .unwrap_err();
    assert_eq!(
        damaged(e),
        (
            "setting".into(),
            "aging_edges".into(),
            "value".into(),
            "[30, 60".into()
        )
    );
}
