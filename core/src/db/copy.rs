//! Copying a whole database between engines, row for row: a server database
//! into an SQLite file (the snapshot inside a backup of a server), and an
//! SQLite file into an empty server database (moving to the server,
//! restoring a backup there). Both sides are built by the same migrator, so
//! the tables and columns are the same; the SQLite side's declared types say
//! how each column is read and written.
//!
//! Parents are copied before children, each table in key order, so foreign
//! keys hold on the way in. Ids are copied as they are; on PostgreSQL each id
//! sequence is then set past the highest id (else the next insert collides).
use std::collections::{BTreeMap, BTreeSet};

use chrono::{DateTime, NaiveDate, Utc};
use sea_orm::sea_query::{Alias, Expr, Query};
use sea_orm::{ConnectionTrait, DbBackend, QueryResult, Statement, Value};

use crate::error::{AppError, AppResult};

/// How a column's values are carried.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Int,
    Text,
    Bool,
    Blob,
    Date,
    Instant,
}

impl Kind {
    /// The kind of an SQLite declared type, as the migrator writes them.
    fn of_declared(t: &str) -> Option<Kind> {
        Some(match t.to_ascii_lowercase().as_str() {
            "integer" | "bigint" | "int" => Kind::Int,
            "text" | "varchar" | "string" => Kind::Text,
            "boolean" | "bool" => Kind::Bool,
            "blob" | "binary" | "bytea" => Kind::Blob,
            "date_text" | "date" => Kind::Date,
            "timestamp_with_timezone_text" | "timestamptz" => Kind::Instant,
            _ => return None,
        })
    }
}

/// One table: its columns in order, and whether it has an integer `id`.
#[derive(Debug, Clone)]
pub struct Table {
    pub name: String,
    pub columns: Vec<(String, Kind)>,
    pub key: Vec<String>,
}

impl Table {
    fn has_id(&self) -> bool {
        self.key == ["id"]
    }
}

/// The migration history: copied too, so the target's history is the source's.
pub const HISTORY: &str = "seaql_migrations";

/// DealerDesk's tables as an SQLite file holds them, parents first (the
/// migration history last).
pub async fn tables<C: ConnectionTrait>(sqlite: &C) -> AppResult<Vec<Table>> {
    let names = strings(
        sqlite,
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name",
    )
    .await?;
    let mut tables = BTreeMap::new();
    let mut parents: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for name in names {
        let info = sqlite
            .query_all_raw(Statement::from_string(
                DbBackend::Sqlite,
                format!("SELECT name, type, pk FROM pragma_table_info('{name}') ORDER BY cid"),
            ))
            .await?;
        let mut columns = Vec::new();
        let mut key: Vec<(i64, String)> = Vec::new();
        for r in &info {
            let col: String = r.try_get_by_index(0)?;
            let declared: String = r.try_get_by_index(1)?;
            let pk: i64 = r.try_get_by_index(2)?;
            let kind = Kind::of_declared(&declared).ok_or_else(|| AppError::Database {
                message: format!("{name}.{col}: column type '{declared}' cannot be copied"),
            })?;
            if pk > 0 {
                key.push((pk, col.clone()));
            }
            columns.push((col, kind));
        }
        key.sort();
        let refs = strings(
            sqlite,
            &format!("SELECT \"table\" FROM pragma_foreign_key_list('{name}')"),
        )
        .await?;
        parents.insert(
            name.clone(),
            refs.into_iter().filter(|p| *p != name).collect(),
        );
        tables.insert(
            name.clone(),
            Table {
                name,
                columns,
                key: key.into_iter().map(|(_, c)| c).collect(),
            },
        );
    }
    // Parents first: take each table whose parents are all taken.
    let mut ordered: Vec<Table> = Vec::new();
    let mut done: BTreeSet<String> = BTreeSet::new();
    while done.len() < tables.len() {
        let ready: Vec<String> = tables
            .keys()
            .filter(|t| !done.contains(*t) && t.as_str() != HISTORY)
            .filter(|t| parents[*t].iter().all(|p| done.contains(p)))
            .cloned()
            .collect();
        if ready.is_empty() {
            if let Some(h) = tables.get(HISTORY).filter(|_| !done.contains(HISTORY)) {
                ordered.push(h.clone());
                done.insert(HISTORY.to_owned());
                continue;
            }
            return Err(AppError::Database {
                message: "the tables' foreign keys form a cycle".into(),
            });
        }
        for t in ready {
            ordered.push(tables[&t].clone());
            done.insert(t);
        }
    }
    Ok(ordered)
}

async fn strings<C: ConnectionTrait>(db: &C, sql: &str) -> AppResult<Vec<String>> {
    Ok(db
        .query_all_raw(Statement::from_string(db.get_database_backend(), sql))
        .await?
        .iter()
        .filter_map(|r| r.try_get_by_index::<String>(0).ok())
        .collect())
}

fn quoted(name: &str) -> String {
    format!("\"{}\"", name.replace('"', "\"\""))
}

/// Rows read per query, and at most this many bound values per insert (far
/// below both engines' limits).
const BATCH_ROWS: usize = 2000;
const MAX_PARAMS: usize = 20_000;

/// Copies every row of `tables` from `from` into `to`, a database the
/// migrator has just built: what the migrator wrote there (its history, the
/// database's id) is replaced by the source's. Returns rows per table.
pub async fn copy_rows<F, T>(
    from: &F,
    to: &T,
    tables: &[Table],
    progress: &(dyn Fn(&str, u64) + Sync),
) -> AppResult<BTreeMap<String, u64>>
where
    F: ConnectionTrait,
    T: ConnectionTrait,
{
    let mut copied = BTreeMap::new();
    let before = counts(to, tables).await?;
    for t in tables.iter().rev().filter(|t| before[&t.name] > 0) {
        to.execute_unprepared(&format!("DELETE FROM {}", quoted(&t.name)))
            .await?;
    }
    for t in tables {
        let n = copy_table(from, to, t, progress).await?;
        copied.insert(t.name.clone(), n);
    }
    if to.get_database_backend() == DbBackend::Postgres {
        reset_sequences(to, tables).await?;
    }
    Ok(copied)
}

async fn copy_table<F, T>(
    from: &F,
    to: &T,
    t: &Table,
    progress: &(dyn Fn(&str, u64) + Sync),
) -> AppResult<u64>
where
    F: ConnectionTrait,
    T: ConnectionTrait,
{
    let source = from.get_database_backend();
    let select_list = t
        .columns
        .iter()
        .map(|(c, k)| match (source, k) {
            // PostgreSQL's int4 columns read as i64 like the rest.
            (DbBackend::Postgres, Kind::Int) => format!("{}::bigint", quoted(c)),
            _ => quoted(c),
        })
        .collect::<Vec<_>>()
        .join(", ");
    let order = if t.key.is_empty() {
        t.columns
            .iter()
            .map(|(c, _)| quoted(c))
            .collect::<Vec<_>>()
            .join(", ")
    } else {
        t.key
            .iter()
            .map(|c| quoted(c))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let per_insert = (MAX_PARAMS / t.columns.len().max(1)).clamp(1, BATCH_ROWS);
    let mut total = 0u64;
    let mut after: Option<i64> = None;
    let mut offset = 0usize;
    loop {
        // Keyset paging on an integer id (a million ledger rows read in
        // linear time); the few small tables without one page by offset.
        let sql = if t.has_id() {
            let from_id = after
                .map(|a| format!("WHERE \"id\" > {a} "))
                .unwrap_or_default();
            format!(
                "SELECT {select_list} FROM {} {from_id}ORDER BY {order} LIMIT {BATCH_ROWS}",
                quoted(&t.name)
            )
        } else {
            format!(
                "SELECT {select_list} FROM {} ORDER BY {order} LIMIT {BATCH_ROWS} OFFSET {offset}",
                quoted(&t.name)
            )
        };
        let rows = from
            .query_all_raw(Statement::from_string(source, sql))
            .await?;
        if rows.is_empty() {
            break;
        }
        let mut values = Vec::with_capacity(rows.len());
        for r in &rows {
            values.push(row_values(t, r)?);
        }
        if t.has_id() {
            after = values.last().and_then(|v| match v[id_index(t)] {
                Value::BigInt(Some(id)) => Some(id),
                _ => None,
            });
        }
        offset += rows.len();
        for chunk in values.chunks(per_insert) {
            insert(to, t, chunk).await?;
        }
        total += rows.len() as u64;
        progress(&t.name, total);
        if rows.len() < BATCH_ROWS {
            break;
        }
    }
    Ok(total)
}

fn id_index(t: &Table) -> usize {
    t.columns.iter().position(|(c, _)| c == "id").unwrap_or(0)
}

fn row_values(t: &Table, r: &QueryResult) -> AppResult<Vec<Value>> {
    let mut out = Vec::with_capacity(t.columns.len());
    for (i, (col, kind)) in t.columns.iter().enumerate() {
        let v = match kind {
            Kind::Int => Value::BigInt(r.try_get_by_index::<Option<i64>>(i)?),
            Kind::Text => {
                let s = r.try_get_by_index::<Option<String>>(i)?;
                if let Some(text) = s.as_deref().filter(|s| s.contains('\0')) {
                    // PostgreSQL cannot store it: name the row, change nothing.
                    return Err(AppError::Damaged {
                        table: t.name.clone(),
                        id: key_of(t, r),
                        column: col.clone(),
                        value: text.replace('\0', "\\0"),
                    });
                }
                Value::String(s)
            }
            Kind::Bool => Value::Bool(r.try_get_by_index::<Option<bool>>(i)?),
            Kind::Blob => Value::Bytes(r.try_get_by_index::<Option<Vec<u8>>>(i)?),
            Kind::Date => Value::ChronoDate(r.try_get_by_index::<Option<NaiveDate>>(i)?),
            Kind::Instant => {
                Value::ChronoDateTimeUtc(r.try_get_by_index::<Option<DateTime<Utc>>>(i)?)
            }
        };
        out.push(v);
    }
    Ok(out)
}

fn key_of(t: &Table, r: &QueryResult) -> String {
    t.key
        .iter()
        .filter_map(|k| t.columns.iter().position(|(c, _)| c == k))
        .map(|i| {
            r.try_get_by_index::<i64>(i)
                .map(|n| n.to_string())
                .or_else(|_| r.try_get_by_index::<String>(i))
                .unwrap_or_default()
        })
        .collect::<Vec<_>>()
        .join("/")
}

async fn insert<T: ConnectionTrait>(to: &T, t: &Table, rows: &[Vec<Value>]) -> AppResult<()> {
    let mut q = Query::insert();
    q.into_table(Alias::new(t.name.as_str()))
        .columns(t.columns.iter().map(|(c, _)| Alias::new(c.as_str())));
    for row in rows {
        q.values(row.iter().cloned().map(Expr::val))
            .map_err(|e| AppError::Database {
                message: e.to_string(),
            })?;
    }
    to.execute(&q).await?;
    Ok(())
}

/// Sets each table's id sequence past its highest id (PostgreSQL).
pub async fn reset_sequences<T: ConnectionTrait>(to: &T, tables: &[Table]) -> AppResult<()> {
    for t in tables.iter().filter(|t| t.has_id()) {
        let name = quoted(&t.name);
        to.execute_unprepared(&format!(
            "SELECT setval(pg_get_serial_sequence('{name}', 'id'), \
             COALESCE((SELECT MAX(\"id\") FROM {name}), 0) + 1, false)"
        ))
        .await?;
    }
    Ok(())
}

/// Whether `db` holds no data yet: nothing but what the migrator writes (its
/// history and the database's id).
pub async fn is_blank<C: ConnectionTrait>(db: &C, tables: &[Table]) -> AppResult<bool> {
    for (table, n) in counts(db, tables).await? {
        let seeded = match table.as_str() {
            HISTORY => true,
            "setting" => strings(db, "SELECT key FROM setting WHERE key <> 'database_id'")
                .await?
                .is_empty(),
            _ => false,
        };
        if n > 0 && !seeded {
            return Ok(false);
        }
    }
    Ok(true)
}

/// Rows per table, for comparing a copy with its source.
pub async fn counts<C: ConnectionTrait>(
    db: &C,
    tables: &[Table],
) -> AppResult<BTreeMap<String, u64>> {
    let mut out = BTreeMap::new();
    for t in tables {
        let n = db
            .query_one_raw(Statement::from_string(
                db.get_database_backend(),
                format!("SELECT COUNT(*) FROM {}", quoted(&t.name)),
            ))
            .await?
            .and_then(|r| r.try_get_by_index::<i64>(0).ok())
            .unwrap_or(0);
        out.insert(t.name.clone(), n.max(0) as u64);
    }
    Ok(out)
}
