//! A column that holds one of a closed list of keys refuses any other value
//! on both engines: a CHECK constraint on PostgreSQL, triggers on SQLite
//! (which cannot add a CHECK to an existing table without rebuilding it).
//! A NULL passes, as it does a CHECK; NOT NULL columns refuse it themselves.
use sea_orm_migration::prelude::*;
use sea_orm_migration::sea_orm::DatabaseBackend;

fn list(values: &[&str]) -> String {
    values
        .iter()
        .map(|v| format!("'{v}'"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// `table.column` accepts only `values` from now on.
pub async fn allow(
    m: &SchemaManager<'_>,
    table: &str,
    column: &str,
    values: &[&str],
) -> Result<(), DbErr> {
    let allowed = list(values);
    let message = format!("{table}.{column} must be one of {}", values.join(", "));
    let statements = match m.get_database_backend() {
        DatabaseBackend::Sqlite => ["INSERT", &format!("UPDATE OF {column}")]
            .iter()
            .zip(["insert", "update"])
            .map(|(event, name)| {
                format!(
                    "CREATE TRIGGER {table}_{column}_allowed_{name} BEFORE {event} ON {table} \
                     WHEN NEW.{column} NOT IN ({allowed}) \
                     BEGIN SELECT RAISE(ABORT, '{message}'); END"
                )
            })
            .collect(),
        DatabaseBackend::Postgres => vec![format!(
            "ALTER TABLE {table} ADD CONSTRAINT {table}_{column}_allowed \
             CHECK ({column} IN ({allowed}))"
        )],
        _ => vec![],
    };
    for sql in statements {
        m.get_connection().execute_unprepared(&sql).await?;
    }
    Ok(())
}

/// Removes what `allow` made (a migration's `down`).
pub async fn forget(m: &SchemaManager<'_>, table: &str, column: &str) -> Result<(), DbErr> {
    let statements = match m.get_database_backend() {
        DatabaseBackend::Sqlite => vec![
            format!("DROP TRIGGER IF EXISTS {table}_{column}_allowed_insert"),
            format!("DROP TRIGGER IF EXISTS {table}_{column}_allowed_update"),
        ],
        DatabaseBackend::Postgres => vec![format!(
            "ALTER TABLE {table} DROP CONSTRAINT IF EXISTS {table}_{column}_allowed"
        )],
        _ => vec![],
    };
    for sql in statements {
        m.get_connection().execute_unprepared(&sql).await?;
    }
    Ok(())
}
