//! Migrating a DealerDesk file: what it holds before (empty, DealerDesk's at
//! some version, newer than this program, another program's), and running
//! each pending migration in a transaction of its own on every engine.
//! (sea-orm-migration wraps a migration in a transaction on PostgreSQL only;
//! on SQLite a crash between two statements of a migration left a file that
//! never opened again.)
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use chrono::{DateTime, Utc};
use dealerdesk_migrations::seaql_migrations;
use dealerdesk_migrations::{Migrator, MigratorTrait, SchemaManager};
use sea_orm::{ActiveValue, ConnectionTrait, DatabaseConnection, DbErr, EntityTrait, Statement};

use super::files::at_path;
use crate::error::{AppError, AppResult, FileProblem};

/// What a file holds, read before anything is written to it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Shape {
    /// No table at all: a new file.
    Empty,
    /// DealerDesk's tables; `applied` are the migrations already run.
    DealerDesk { applied: BTreeSet<String> },
    /// Migrations this program does not know: the newest of them.
    Newer { unknown: String },
    /// Tables, but none of DealerDesk's history.
    Foreign,
}

/// Every migration this program has, oldest first.
pub fn known() -> Vec<String> {
    Migrator::migrations()
        .iter()
        .map(|m| m.name().to_string())
        .collect()
}

/// The schema version a program or a file is at: its newest migration.
pub fn newest(applied: &BTreeSet<String>) -> Option<String> {
    applied.iter().next_back().cloned()
}

impl Shape {
    /// The migrations still to run (none unless `DealerDesk`).
    pub fn pending(&self) -> Vec<String> {
        match self {
            Shape::Empty => known(),
            Shape::DealerDesk { applied } => known()
                .into_iter()
                .filter(|m| !applied.contains(m))
                .collect(),
            _ => Vec::new(),
        }
    }

    /// Refuses a newer or foreign file, naming it.
    pub fn check(&self, path: &Path) -> AppResult<()> {
        match self {
            Shape::Newer { unknown } => Err(AppError::file(
                FileProblem::NewerVersion,
                path,
                Some(unknown.clone()),
            )),
            Shape::Foreign => Err(AppError::file(FileProblem::ForeignDatabase, path, None)),
            _ => Ok(()),
        }
    }
}

/// Reads the file's tables and migration history without writing.
pub async fn inspect<C: ConnectionTrait>(db: &C) -> AppResult<Shape> {
    let backend = db.get_database_backend();
    let tables_sql = if backend == sea_orm::DbBackend::Postgres {
        "SELECT table_name::text FROM information_schema.tables \
         WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'"
    } else {
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
    };
    let tables: BTreeSet<String> = db
        .query_all_raw(Statement::from_string(backend, tables_sql))
        .await?
        .iter()
        .filter_map(|r| r.try_get_by_index::<String>(0).ok())
        .collect();
    if tables.is_empty() {
        return Ok(Shape::Empty);
    }
    if !tables.contains("seaql_migrations") {
        return Ok(Shape::Foreign);
    }
    let applied: BTreeSet<String> = seaql_migrations::Entity::find()
        .all(db)
        .await?
        .into_iter()
        .map(|m| m.version)
        .collect();
    let known: BTreeSet<String> = known().into_iter().collect();
    let unknown: BTreeSet<&String> = applied.difference(&known).collect();
    if applied.is_empty() && tables.len() == 1 {
        return Ok(Shape::Empty);
    }
    if !applied.is_empty() && unknown.len() == applied.len() {
        // Another program's SeaORM history: not one name is DealerDesk's.
        return Ok(Shape::Foreign);
    }
    if let Some(newest) = unknown.into_iter().next_back() {
        return Ok(Shape::Newer {
            unknown: newest.clone(),
        });
    }
    Ok(Shape::DealerDesk { applied })
}

/// Runs every pending migration, each with its record in one write
/// transaction: a failure or a crash between two statements leaves the file
/// as it was before that migration.
pub async fn run(db: &DatabaseConnection, now: DateTime<Utc>) -> Result<(), DbErr> {
    Migrator::install(db).await?;
    let applied: BTreeSet<String> = seaql_migrations::Entity::find()
        .all(db)
        .await?
        .into_iter()
        .map(|m| m.version)
        .collect();
    for migration in Migrator::migrations() {
        let name = migration.name().to_string();
        if applied.contains(&name) {
            continue;
        }
        let txn = super::write(db).await?;
        super::server::lock_migrations(&txn).await?;
        if super::server::is_server(&txn)
            && seaql_migrations::Entity::find_by_id(name.clone())
                .one(&txn)
                .await?
                .is_some()
        {
            // Another PC ran it while this one waited for the lock.
            txn.rollback().await?;
            continue;
        }
        migration
            .up(&SchemaManager::new(&txn))
            .await
            .map_err(|e| DbErr::Migration(format!("{name}: {e}")))?;
        seaql_migrations::Entity::insert(seaql_migrations::ActiveModel {
            version: ActiveValue::Set(name),
            applied_at: ActiveValue::Set(now.timestamp()),
        })
        .exec(&txn)
        .await?;
        txn.commit().await?;
    }
    Ok(())
}

/// Explains a migration that failed: the file is as it was, and if an
/// earlier run left it half-upgraded, the newest sound copy written before a
/// migration is named so it can be restored.
pub async fn failed(e: DbErr, path: &Path) -> AppError {
    let as_app = at_path(AppError::from(e.clone()), path);
    if matches!(as_app, AppError::DataFile { .. }) {
        return as_app;
    }
    let recovery = newest_sound_copy(path).await;
    AppError::DataFile {
        problem: FileProblem::HalfMigrated,
        path: path.display().to_string(),
        detail: Some(e.to_string()),
        version: env!("CARGO_PKG_VERSION").to_string(),
        recovery: recovery.map(|p| p.display().to_string()),
    }
}

/// Copies written before a migration, newest first.
pub fn pre_migration_copies(path: &Path) -> Vec<PathBuf> {
    let prefix = format!("{}.{}", super::file_name(path), super::PRE_MIGRATION);
    let dir = path
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let mut out: Vec<PathBuf> = std::fs::read_dir(dir)
        .map(|rd| {
            rd.filter_map(|e| e.ok())
                .map(|e| e.path())
                .filter(|p| {
                    p.file_name()
                        .map(|n| n.to_string_lossy())
                        .is_some_and(|n| n.starts_with(&prefix) && n.ends_with(".bak"))
                })
                .collect()
        })
        .unwrap_or_default();
    // The stamp sorts as it reads.
    out.sort();
    out.reverse();
    out
}

/// The newest pre-migration copy that SQLite finds sound and this program
/// can open (DealerDesk's, not newer).
pub async fn newest_sound_copy(path: &Path) -> Option<PathBuf> {
    for copy in pre_migration_copies(path) {
        if sound_copy(&copy).await {
            return Some(copy);
        }
    }
    None
}

async fn sound_copy(copy: &Path) -> bool {
    let Ok(db) = super::connect_read_only(copy).await else {
        return false;
    };
    let ok = super::quick_check(&db, copy).await.is_ok()
        && matches!(inspect(&db).await, Ok(Shape::DealerDesk { .. }));
    db.close().await.ok();
    ok
}
