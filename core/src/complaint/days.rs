//! Dated exceptions of the business calendar: public holidays and make-up
//! working days (调休), entered by the user (no holiday data is shipped), and
//! their CSV exchange `date,kind,name`.
use crate::actor::Actor;
use crate::actor::Right;
use crate::error::ErrorCode;
use std::path::Path;

use sea_orm::{
    ConnectionTrait, EntityTrait, QueryOrder, Set, TransactionSession, TransactionTrait,
};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::calendar::Calendar;
use crate::dates::parse_date;
use crate::entity::calendar_day;
use crate::error::{AppError, AppResult, RowError};
use crate::stored::Record;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum DayKind {
    Holiday,
    /// A make-up working day (调休).
    Workday,
}

impl DayKind {
    pub const ALL: [DayKind; 2] = [DayKind::Holiday, DayKind::Workday];

    pub fn key(self) -> &'static str {
        match self {
            DayKind::Holiday => "holiday",
            DayKind::Workday => "workday",
        }
    }
    fn parse(s: &str) -> Option<DayKind> {
        match s.trim() {
            "holiday" | "假日" | "节假日" | "休" => Some(DayKind::Holiday),
            "workday" | "调休上班" | "补班" | "班" => Some(DayKind::Workday),
            _ => None,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct CalendarDay {
    /// `YYYY-MM-DD`.
    pub date: String,
    pub kind: DayKind,
    pub name: String,
}

pub async fn list<C: ConnectionTrait>(db: &C) -> AppResult<Vec<CalendarDay>> {
    calendar_day::Entity::find()
        .order_by_asc(calendar_day::Column::Day)
        .all(db)
        .await?
        .into_iter()
        .map(|d| {
            Ok(CalendarDay {
                kind: Record::new("calendar_day", d.day).key("kind", &d.kind, DayKind::parse)?,
                date: d.day.to_string(),
                name: d.name,
            })
        })
        .collect()
}

pub(crate) async fn add_to<C: ConnectionTrait>(db: &C, cal: &mut Calendar) -> AppResult<()> {
    for d in calendar_day::Entity::find().all(db).await? {
        match Record::new("calendar_day", d.day).key("kind", &d.kind, DayKind::parse)? {
            DayKind::Workday => cal.workdays.insert(d.day),
            DayKind::Holiday => cal.holidays.insert(d.day),
        };
    }
    Ok(())
}

/// Replaces every dated exception with `days` (one transaction); rows are checked first.
pub async fn replace<C: ConnectionTrait + TransactionTrait>(
    db: &C,
    actor: &Actor,
    days: &[CalendarDay],
) -> AppResult<Vec<CalendarDay>> {
    actor.require(Right::Settings)?;
    let mut errors = vec![];
    let mut seen = std::collections::HashSet::new();
    let mut rows = vec![];
    for (i, d) in days.iter().enumerate() {
        let row = i as u32 + 1;
        match parse_date(&d.date) {
            None => errors.push(RowError {
                row,
                field: "date".into(),
                code: ErrorCode::DateFormat,
                detail: Some(d.date.clone()),
            }),
            Some(day) if !seen.insert(day) => errors.push(RowError {
                row,
                field: "date".into(),
                code: ErrorCode::Duplicate,
                detail: Some(d.date.clone()),
            }),
            Some(day) => rows.push(calendar_day::ActiveModel {
                day: Set(day),
                kind: Set(d.kind.key().into()),
                name: Set(d.name.trim().chars().take(60).collect()),
            }),
        }
    }
    if !errors.is_empty() {
        return Err(AppError::ImportRejected { errors });
    }
    let txn = crate::db::write(db).await?;
    calendar_day::Entity::delete_many().exec(&txn).await?;
    let n = rows.len();
    if !rows.is_empty() {
        calendar_day::Entity::insert_many(rows).exec(&txn).await?;
    }
    crate::audit::record(
        &txn,
        actor,
        "settings",
        0,
        "calendar",
        &[crate::audit::FieldChange {
            field: "calendar_days".into(),
            before: None,
            after: Some(n.to_string()),
        }],
    )
    .await?;
    txn.commit().await?;
    list(db).await
}

/// Reads `date,kind,name` (header required; kind `holiday`/`workday` or 休/班).
pub fn read_csv(path: &Path) -> AppResult<Vec<CalendarDay>> {
    let table = crate::sheet::read_table(path)?;
    let col = |name: &str, zh: &str| {
        table
            .headers
            .iter()
            .position(|h| h.eq_ignore_ascii_case(name) || h == zh)
    };
    let (Some(dc), Some(kc)) = (col("date", "日期"), col("kind", "类型")) else {
        return Err(AppError::ImportRejected {
            errors: vec![RowError {
                row: 1,
                field: "date".into(),
                code: ErrorCode::HeaderMissing,
                detail: Some("date,kind,name".into()),
            }],
        });
    };
    let nc = col("name", "名称");
    let mut out = vec![];
    let mut errors = vec![];
    for (row, cells) in &table.rows {
        let get = |i: usize| {
            cells
                .get(i)
                .map(|s| s.trim().to_owned())
                .unwrap_or_default()
        };
        let kind_text = get(kc);
        if parse_date(&get(dc)).is_none() {
            errors.push(RowError {
                row: *row,
                field: "date".into(),
                code: ErrorCode::DateFormat,
                detail: Some(get(dc)),
            });
        }
        match DayKind::parse(&kind_text) {
            Some(kind) => out.push(CalendarDay {
                date: get(dc),
                kind,
                name: nc.map(get).unwrap_or_default(),
            }),
            None => errors.push(RowError {
                row: *row,
                field: "kind".into(),
                code: ErrorCode::InvalidChoice,
                detail: Some(kind_text),
            }),
        }
    }
    if !errors.is_empty() {
        return Err(AppError::ImportRejected { errors });
    }
    Ok(out)
}

pub fn write_csv(path: &Path, days: &[CalendarDay]) -> AppResult<()> {
    let rows: Vec<Vec<String>> = days
        .iter()
        .map(|d| vec![d.date.clone(), d.kind.key().into(), d.name.clone()])
        .collect();
    crate::sheet::write_table(path, &["date", "kind", "name"], &rows, &[], &[])
}
