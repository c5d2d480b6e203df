//! Database triggers that make a table append-only (SQLite and PostgreSQL),
//! for tables created after the first migration.
use sea_orm_migration::prelude::*;
use sea_orm_migration::sea_orm::DatabaseBackend;

/// Refuses every UPDATE and DELETE on `table` with `message`.
pub async fn guard(m: &SchemaManager<'_>, table: &str, message: &str) -> Result<(), DbErr> {
    let statements = match m.get_database_backend() {
        DatabaseBackend::Sqlite => vec![
            format!(
                "CREATE TRIGGER {table}_no_update BEFORE UPDATE ON {table} \
                 BEGIN SELECT RAISE(ABORT, '{message}'); END"
            ),
            format!(
                "CREATE TRIGGER {table}_no_delete BEFORE DELETE ON {table} \
                 BEGIN SELECT RAISE(ABORT, '{message}'); END"
            ),
        ],
        DatabaseBackend::Postgres => vec![
            format!(
                "CREATE FUNCTION {table}_append_only() RETURNS trigger AS $$ \
                 BEGIN RAISE EXCEPTION '{message}'; END; $$ LANGUAGE plpgsql"
            ),
            format!(
                "CREATE TRIGGER {table}_no_change BEFORE UPDATE OR DELETE ON {table} \
                 FOR EACH ROW EXECUTE FUNCTION {table}_append_only()"
            ),
        ],
        _ => vec![],
    };
    for sql in statements {
        m.get_connection().execute_unprepared(&sql).await?;
    }
    Ok(())
}

/// Refuses DELETE on `table` with `message` (rows may still be updated).
pub async fn no_delete(m: &SchemaManager<'_>, table: &str, message: &str) -> Result<(), DbErr> {
    let statements = match m.get_database_backend() {
        DatabaseBackend::Sqlite => vec![format!(
            "CREATE TRIGGER {table}_no_delete BEFORE DELETE ON {table} \
             BEGIN SELECT RAISE(ABORT, '{message}'); END"
        )],
        DatabaseBackend::Postgres => vec![
            format!(
                "CREATE FUNCTION {table}_keep() RETURNS trigger AS $$ \
                 BEGIN RAISE EXCEPTION '{message}'; END; $$ LANGUAGE plpgsql"
            ),
            format!(
                "CREATE TRIGGER {table}_no_delete BEFORE DELETE ON {table} \
                 FOR EACH ROW EXECUTE FUNCTION {table}_keep()"
            ),
        ],
        _ => vec![],
    };
    for sql in statements {
        m.get_connection().execute_unprepared(&sql).await?;
    }
    Ok(())
}

/// Removes what `guard` made on `table` (a migration's `down`).
pub async fn unguard(m: &SchemaManager<'_>, table: &str) -> Result<(), DbErr> {
    let statements = match m.get_database_backend() {
        DatabaseBackend::Sqlite => vec![
            format!("DROP TRIGGER IF EXISTS {table}_no_update"),
            format!("DROP TRIGGER IF EXISTS {table}_no_delete"),
        ],
        DatabaseBackend::Postgres => vec![
            format!("DROP TRIGGER IF EXISTS {table}_no_change ON {table}"),
            format!("DROP FUNCTION IF EXISTS {table}_append_only()"),
        ],
        _ => vec![],
    };
    for sql in statements {
        m.get_connection().execute_unprepared(&sql).await?;
    }
    Ok(())
}
