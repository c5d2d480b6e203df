//! Visits and business reviews (拜访与业务回顾): a visit is planned (who
//! visits, when) and then recorded (when it happened, who was met, what was
//! found), with follow-up actions that have an owner and a due date; an open
//! action past its due date reaches the reminders. A quarterly business review
//! is a visit of kind `review` naming its quarter; its findings appear beside
//! that quarter's scorecard. Photos are attachments that name the visit.
use std::collections::HashMap;

use chrono::NaiveDate;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, Set,
    TransactionSession, TransactionTrait,
};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::actor::Actor;
use crate::actor::Right;
use crate::entity::{attachment, distributor, visit, visit_action};
use crate::error::{AppError, AppResult, ErrorCode, FieldErrors};
use crate::lang::Lang;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum VisitKind {
    Visit,
    Review,
}

impl VisitKind {
    pub const ALL: [VisitKind; 2] = [VisitKind::Visit, VisitKind::Review];

    pub fn key(self) -> &'static str {
        match self {
            VisitKind::Visit => "visit",
            VisitKind::Review => "review",
        }
    }
    fn parse(s: &str) -> Option<VisitKind> {
        Self::ALL.into_iter().find(|k| k.key() == s)
    }
}

#[derive(Debug, Clone, Default, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ActionInput {
    pub action: String,
    pub owner: String,
    pub due_on: String,
    /// `YYYY-MM-DD` once done; empty or none while open.
    #[serde(default)]
    pub done_on: Option<String>,
}

#[derive(Debug, Clone, Deserialize, TS)]
#[ts(export)]
pub struct VisitInput {
    /// `None`: a new visit.
    #[ts(type = "number | null")]
    #[serde(default)]
    pub id: Option<i64>,
    #[ts(type = "number")]
    pub distributor_id: i64,
    pub kind: VisitKind,
    /// For a review: the quarter it reviews (`2026Q3`).
    #[serde(default)]
    pub quarter: String,
    /// When it is planned (a plan has no visit date yet).
    #[serde(default)]
    pub planned_on: String,
    /// When it happened; empty while only planned.
    #[serde(default)]
    pub visited_on: String,
    pub visitors: String,
    #[serde(default)]
    pub met: String,
    #[serde(default)]
    pub findings: String,
    #[serde(default)]
    pub actions: Vec<ActionInput>,
}

#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct VisitAction {
    #[ts(type = "number")]
    pub id: i64,
    pub action: String,
    pub owner: String,
    pub due_on: String,
    pub done_on: Option<String>,
    /// Open and past its due date.
    pub overdue: bool,
}

#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct Visit {
    #[ts(type = "number")]
    pub id: i64,
    #[ts(type = "number")]
    pub distributor_id: i64,
    pub distributor_code: String,
    pub distributor_name: String,
    pub kind: VisitKind,
    pub quarter: String,
    pub planned_on: Option<String>,
    pub visited_on: Option<String>,
    pub visitors: String,
    pub met: String,
    pub findings: String,
    pub actions: Vec<VisitAction>,
    /// Photos and files attached to this visit.
    pub attachments: u32,
    pub operator: String,
    pub updated_at: String,
}

#[derive(Debug, Clone, Default, Deserialize, TS)]
#[ts(export)]
pub struct VisitQuery {
    #[ts(type = "number | null")]
    #[serde(default)]
    pub distributor_id: Option<i64>,
    /// Only reviews of this quarter (`2026Q3`).
    #[serde(default)]
    pub review_quarter: Option<String>,
}

struct Valid {
    quarter: String,
    planned_on: Option<NaiveDate>,
    visited_on: Option<NaiveDate>,
    visitors: String,
    met: String,
    findings: String,
    actions: Vec<(String, String, NaiveDate, Option<NaiveDate>)>,
}

fn validate(input: &VisitInput, today: NaiveDate) -> AppResult<Valid> {
    use crate::fields::{date, text};
    let mut errs = FieldErrors::default();
    let visitors = text(&mut errs, "visitors", &input.visitors, true, 200);
    let met = text(&mut errs, "met", &input.met, false, 200);
    let findings = text(&mut errs, "findings", &input.findings, false, 8000);
    let planned_on = date(&mut errs, "planned_on", &input.planned_on);
    let visited_on = date(&mut errs, "visited_on", &input.visited_on);
    if input.planned_on.trim().is_empty() && input.visited_on.trim().is_empty() {
        errs.push("planned_on", ErrorCode::Required);
    }
    if visited_on.is_some_and(|d| d > today) {
        errs.push("visited_on", ErrorCode::InFuture);
    }
    let quarter = match input.kind {
        VisitKind::Review => match crate::scorecard::Quarter::parse(&input.quarter) {
            Some(q) => q.to_string(),
            None => {
                errs.push(
                    "quarter",
                    if input.quarter.trim().is_empty() {
                        ErrorCode::Required
                    } else {
                        ErrorCode::DateFormat
                    },
                );
                String::new()
            }
        },
        VisitKind::Visit => String::new(),
    };
    if input.actions.len() > 50 {
        errs.push("actions", ErrorCode::OutOfRange);
    }
    let mut actions = vec![];
    for (i, a) in input.actions.iter().enumerate() {
        let action = text(
            &mut errs,
            &format!("actions.{i}.action"),
            &a.action,
            true,
            2000,
        );
        let owner = text(
            &mut errs,
            &format!("actions.{i}.owner"),
            &a.owner,
            true,
            100,
        );
        let due = date(&mut errs, &format!("actions.{i}.due_on"), &a.due_on);
        if a.due_on.trim().is_empty() {
            errs.push(&format!("actions.{i}.due_on"), ErrorCode::Required);
        }
        let done = date(
            &mut errs,
            &format!("actions.{i}.done_on"),
            a.done_on.as_deref().unwrap_or(""),
        );
        if done.is_some_and(|d| d > today) {
            errs.push(&format!("actions.{i}.done_on"), ErrorCode::InFuture);
        }
        if let Some(due) = due {
            actions.push((action, owner, due, done));
        }
    }
    errs.into_result()?;
    Ok(Valid {
        quarter,
        planned_on,
        visited_on,
        visitors,
        met,
        findings,
        actions,
    })
}

/// Records a visit (planned or made) or updates one, with its actions
/// replaced by those given (audited on the distributor).
pub async fn save<C: ConnectionTrait + TransactionTrait>(
    db: &C,
    actor: &Actor,
    input: &VisitInput,
) -> AppResult<Visit> {
    actor.require(Right::Channel)?;
    // A distributor outside the writer's scope is not theirs to change (nor to see).
    crate::scope::check(db, actor.access(), input.distributor_id).await?;
    let today = actor.today();
    let v = validate(input, today)?;
    let txn = crate::db::write(db).await?;
    let d = distributor::Entity::find_by_id(input.distributor_id)
        .one(&txn)
        .await?
        .ok_or_else(|| AppError::field("distributor_id", ErrorCode::DistributorUnknown))?;
    let now = actor.now();
    let summary = |m: &visit::Model| {
        format!(
            "{} {} {} · {} · {}",
            m.kind,
            m.quarter,
            m.visited_on
                .or(m.planned_on)
                .map(|d| d.to_string())
                .unwrap_or_default(),
            m.visitors,
            m.findings
        )
    };
    let (model, before) = match input.id {
        None => (
            visit::ActiveModel {
                distributor_id: Set(d.id),
                kind: Set(input.kind.key().into()),
                quarter: Set(v.quarter),
                planned_on: Set(v.planned_on),
                visited_on: Set(v.visited_on),
                visitors: Set(v.visitors),
                met: Set(v.met),
                findings: Set(v.findings),
                operator: Set(actor.operator().to_string()),
                created_at: Set(now),
                updated_at: Set(now),
                ..Default::default()
            }
            .insert(&txn)
            .await?,
            None,
        ),
        Some(id) => {
            let m = visit::Entity::find_by_id(id)
                .one(&txn)
                .await?
                .filter(|m| m.distributor_id == d.id)
                .ok_or_else(|| AppError::not_found("visit", id))?;
            let before = summary(&m);
            let mut a: visit::ActiveModel = m.into();
            a.kind = Set(input.kind.key().into());
            a.quarter = Set(v.quarter);
            a.planned_on = Set(v.planned_on);
            a.visited_on = Set(v.visited_on);
            a.visitors = Set(v.visitors);
            a.met = Set(v.met);
            a.findings = Set(v.findings);
            a.operator = Set(actor.operator().to_string());
            a.updated_at = Set(now);
            (a.update(&txn).await?, Some(before))
        }
    };
    visit_action::Entity::delete_many()
        .filter(visit_action::Column::VisitId.eq(model.id))
        .exec(&txn)
        .await?;
    for (action, owner, due_on, done_on) in v.actions {
        visit_action::ActiveModel {
            visit_id: Set(model.id),
            action: Set(action),
            owner: Set(owner),
            due_on: Set(due_on),
            done_on: Set(done_on),
            ..Default::default()
        }
        .insert(&txn)
        .await?;
    }
    crate::audit::record(
        &txn,
        actor,
        "distributor",
        d.id,
        if before.is_some() {
            "visit_update"
        } else {
            "visit_add"
        },
        &[crate::audit::FieldChange {
            field: format!("visit {}", model.id),
            before,
            after: Some(summary(&model)),
        }],
    )
    .await?;
    txn.commit().await?;
    list(
        db,
        actor.access(),
        &VisitQuery {
            distributor_id: Some(d.id),
            review_quarter: None,
        },
        today,
    )
    .await?
    .into_iter()
    .find(|x| x.id == model.id)
    .ok_or_else(|| AppError::not_found("visit", model.id))
}

/// Visits, latest first (the visit date, else the planned date), of the
/// distributors in `access`'s scope.
pub async fn list<C: ConnectionTrait>(
    db: &C,
    access: &crate::actor::Access,
    q: &VisitQuery,
    today: NaiveDate,
) -> AppResult<Vec<Visit>> {
    let mut find = visit::Entity::find()
        .filter(crate::scope::on(access, visit::Column::DistributorId))
        .order_by_desc(visit::Column::Id);
    if let Some(id) = q.distributor_id {
        find = find.filter(visit::Column::DistributorId.eq(id));
    }
    if let Some(quarter) = q.review_quarter.as_deref() {
        let quarter = crate::scorecard::parse_quarter("review_quarter", quarter)?;
        find = find
            .filter(visit::Column::Kind.eq(VisitKind::Review.key()))
            .filter(visit::Column::Quarter.eq(quarter.to_string()));
    }
    let rows = find.all(db).await?;
    let ids: Vec<i64> = rows.iter().map(|m| m.id).collect();
    let mut actions: HashMap<i64, Vec<visit_action::Model>> = HashMap::new();
    for a in crate::db::find_in(
        db,
        visit_action::Entity::find().order_by_asc(visit_action::Column::Id),
        visit_action::Column::VisitId,
        ids.iter().copied(),
    )
    .await?
    {
        actions.entry(a.visit_id).or_default().push(a);
    }
    let mut photos: HashMap<i64, u32> = HashMap::new();
    for a in crate::db::find_in(
        db,
        attachment::Entity::find(),
        attachment::Column::VisitId,
        ids.iter().copied(),
    )
    .await?
    {
        if let Some(v) = a.visit_id {
            *photos.entry(v).or_default() += 1;
        }
    }
    let dists = crate::distributor::models_by_id(db, rows.iter().map(|m| m.distributor_id)).await?;
    let mut out: Vec<Visit> = rows
        .into_iter()
        .map(|m| {
            let d = dists.get(&m.distributor_id);
            Ok(Visit {
                kind: crate::stored::Record::new("visit", m.id).key(
                    "kind",
                    &m.kind,
                    VisitKind::parse,
                )?,
                id: m.id,
                distributor_id: m.distributor_id,
                distributor_code: d.map(|d| d.code.clone()).unwrap_or_default(),
                distributor_name: d.map(|d| d.name.clone()).unwrap_or_default(),
                quarter: m.quarter,
                planned_on: m.planned_on.map(|d| d.to_string()),
                visited_on: m.visited_on.map(|d| d.to_string()),
                visitors: m.visitors,
                met: m.met,
                findings: m.findings,
                actions: actions
                    .remove(&m.id)
                    .unwrap_or_default()
                    .into_iter()
                    .map(|a| VisitAction {
                        id: a.id,
                        overdue: a.done_on.is_none() && a.due_on < today,
                        action: a.action,
                        owner: a.owner,
                        due_on: a.due_on.to_string(),
                        done_on: a.done_on.map(|d| d.to_string()),
                    })
                    .collect(),
                attachments: photos.get(&m.id).copied().unwrap_or(0),
                operator: m.operator,
                updated_at: m.updated_at.to_rfc3339(),
            })
        })
        .collect::<AppResult<_>>()?;
    out.sort_by(|a, b| {
        let key = |v: &Visit| v.visited_on.clone().or(v.planned_on.clone());
        key(b).cmp(&key(a)).then(b.id.cmp(&a.id))
    });
    Ok(out)
}

#[derive(Debug, Clone, Deserialize, TS)]
#[ts(export)]
pub struct VisitExportRequest {
    #[serde(default)]
    pub query: VisitQuery,
    /// `.xlsx`.
    pub path: String,
    pub lang: Lang,
}

/// Writes every visit (or one distributor's) as XLSX, one row per visit
/// with its actions; returns the number of rows.
pub async fn export<C: ConnectionTrait>(
    db: &C,
    access: &crate::actor::Access,
    req: &VisitExportRequest,
    today: NaiveDate,
) -> AppResult<usize> {
    access.require(crate::actor::Right::Export)?;
    let (q, lang) = (&req.query, req.lang);
    let path = std::path::PathBuf::from(req.path.trim());
    if path.as_os_str().is_empty() {
        return Err(AppError::field("path", ErrorCode::Required));
    }
    if !path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("xlsx"))
    {
        return Err(AppError::field("path", ErrorCode::FileType));
    }
    let en = lang.is_en();
    let visits = list(db, access, q, today).await?;
    let rows: Vec<Vec<String>> = visits
        .iter()
        .map(|v| {
            vec![
                v.distributor_code.clone(),
                v.distributor_name.clone(),
                match (v.kind, en) {
                    (VisitKind::Visit, false) => "拜访".into(),
                    (VisitKind::Review, false) => format!("业务回顾 {}", v.quarter),
                    (VisitKind::Visit, true) => "Visit".into(),
                    (VisitKind::Review, true) => format!("Business review {}", v.quarter),
                },
                v.planned_on.clone().unwrap_or_default(),
                v.visited_on.clone().unwrap_or_default(),
                v.visitors.clone(),
                v.met.clone(),
                v.findings.clone(),
                v.actions
                    .iter()
                    .map(|a| {
                        format!(
                            "{}（{}，{}{}）",
                            a.action,
                            a.owner,
                            a.due_on,
                            a.done_on
                                .as_ref()
                                .map(|d| format!(" ✓ {d}"))
                                .unwrap_or_default()
                        )
                    })
                    .collect::<Vec<_>>()
                    .join("\n"),
                v.actions.iter().filter(|a| a.overdue).count().to_string(),
                v.attachments.to_string(),
            ]
        })
        .collect();
    let headers: [&str; 11] = if en {
        [
            "Distributor code",
            "Distributor",
            "Kind",
            "Planned",
            "Visited",
            "Visitors",
            "People met",
            "Findings",
            "Follow-up actions",
            "Overdue actions",
            "Attachments",
        ]
    } else {
        [
            "经销商编号",
            "经销商名称",
            "类型",
            "计划日期",
            "拜访日期",
            "拜访人",
            "接待人",
            "发现问题",
            "跟进事项",
            "逾期事项",
            "附件数",
        ]
    };
    crate::sheet::write_table(&path, &headers, &rows, &[], &[9, 10])?;
    Ok(rows.len())
}
