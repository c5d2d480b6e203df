//! Complaints (客诉): intake, a closed-loop workflow, an append-only timeline,
//! working-time deadlines with escalation, and reports.
pub mod calendar;
pub mod days;
mod query;
pub mod report;
pub mod report_layout;
pub mod settings;
pub mod sla;
mod workflow;
pub use workflow::ATTACHMENT_FOLDER;

use crate::actor::Actor;
use crate::actor::Right;
use crate::error::ErrorCode;
use chrono::{DateTime, Duration, NaiveDateTime, Utc};
use sea_orm::{
    ConnectionTrait, EntityTrait, QueryOrder, Set, TransactionSession, TransactionTrait,
};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::entity::{complaint, complaint_event, distributor};
use crate::error::{AppError, AppResult, FieldError};
use crate::settings::{get_json, put_json};
use crate::stored::Record;
use settings::ComplaintSettings;
use sla::{Sla, Span};

pub use query::{list, time_left, ComplaintQuery, ComplaintView};
pub use workflow::{
    add_note, attach, attachment_path, transition, ComplaintAttach, ComplaintAttachmentRef,
    ComplaintNote, ComplaintTransition,
};

macro_rules! key_enum {
    ($t:ident { $($v:ident => $k:literal),+ $(,)? }) => {
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, TS)]
        #[serde(rename_all = "snake_case")]
        #[ts(export)]
        pub enum $t { $($v),+ }
        impl $t {
            pub const ALL: &'static [$t] = &[$($t::$v),+];
            pub fn key(self) -> &'static str { match self { $($t::$v => $k),+ } }
            pub fn parse(s: &str) -> Option<$t> {
                Self::ALL.iter().copied().find(|v| v.key().eq_ignore_ascii_case(s.trim()))
            }
        }
    };
}

key_enum!(ComplaintStatus {
    Received => "received",
    Classified => "classified",
    Responded => "responded",
    InProgress => "in_progress",
    WaitingOnDistributor => "waiting_on_distributor",
    Resolved => "resolved",
    Verified => "verified",
    Closed => "closed",
});

key_enum!(Priority { P1 => "p1", P2 => "p2", P3 => "p3", P4 => "p4" });

key_enum!(Channel { Phone => "phone", Visit => "visit", Email => "email", Wechat => "wechat", Other => "other" });

impl ComplaintStatus {
    pub fn label_zh(self) -> &'static str {
        use ComplaintStatus::*;
        match self {
            Received => "已受理",
            Classified => "已分类",
            Responded => "已响应",
            InProgress => "处理中",
            WaitingOnDistributor => "等待经销商",
            Resolved => "已解决",
            Verified => "已确认",
            Closed => "已关闭",
        }
    }
    pub fn label_en(self) -> &'static str {
        use ComplaintStatus::*;
        match self {
            Received => "Received",
            Classified => "Classified",
            Responded => "Responded",
            InProgress => "In progress",
            WaitingOnDistributor => "Waiting on distributor",
            Resolved => "Resolved",
            Verified => "Verified",
            Closed => "Closed",
        }
    }
    pub fn is_open(self) -> bool {
        !matches!(
            self,
            ComplaintStatus::Verified | ComplaintStatus::Closed | ComplaintStatus::Resolved
        )
    }
}

/// Legal moves; leaving `waiting_on_distributor` returns to the state it came from.
pub fn allowed(from: ComplaintStatus, came_from: Option<ComplaintStatus>) -> Vec<ComplaintStatus> {
    use ComplaintStatus::*;
    match from {
        Received => vec![Classified],
        Classified => vec![Responded],
        Responded => vec![InProgress, WaitingOnDistributor, Resolved],
        InProgress => vec![WaitingOnDistributor, Resolved],
        WaitingOnDistributor => vec![came_from.unwrap_or(InProgress)],
        Resolved => vec![Verified, InProgress],
        Verified => vec![Closed, InProgress],
        Closed => vec![InProgress],
    }
}

#[derive(Debug, Clone, Default, Deserialize, TS)]
#[ts(export)]
pub struct ComplaintInput {
    #[ts(type = "number")]
    pub distributor_id: i64,
    pub channel: Option<Channel>,
    pub product: String,
    pub batch_no: String,
    pub category: String,
    pub priority: Option<Priority>,
    pub description: String,
    pub assignee: String,
    /// Local `YYYY-MM-DD HH:MM` when the complaint came in; empty: now.
    pub received_at: String,
}

#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct Complaint {
    #[ts(type = "number")]
    pub id: i64,
    pub number: String,
    #[ts(type = "number")]
    pub distributor_id: i64,
    pub distributor_code: String,
    pub distributor_name: String,
    pub channel: Channel,
    pub product: String,
    pub batch_no: String,
    pub category: String,
    pub priority: Priority,
    pub description: String,
    pub assignee: String,
    pub status: ComplaintStatus,
    pub resolution: String,
    pub root_cause: String,
    pub root_cause_note: String,
    pub satisfaction: Option<i32>,
    /// Local time `YYYY-MM-DD HH:MM:SS`.
    pub received_at: String,
    pub sla: Sla,
    /// Who is told at the current escalation level (from Settings), if anyone.
    pub escalate_to: Option<String>,
}

key_enum!(EventKind {
    Transition => "transition",
    Note => "note",
    Assignment => "assignment",
    Attachment => "attachment",
});

#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct TimelineEntry {
    #[ts(type = "number")]
    pub id: i64,
    /// Local time `YYYY-MM-DD HH:MM:SS`.
    pub at: String,
    pub kind: EventKind,
    pub from_status: Option<ComplaintStatus>,
    pub to_status: Option<ComplaintStatus>,
    pub text: String,
    pub operator: String,
}

#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct ComplaintDetail {
    pub complaint: Complaint,
    pub timeline: Vec<TimelineEntry>,
    pub allowed: Vec<ComplaintStatus>,
}

const KEY_SETTINGS: &str = "complaint_settings";

pub async fn load_settings<C: ConnectionTrait>(db: &C) -> AppResult<ComplaintSettings> {
    Ok(get_json(db, KEY_SETTINGS).await?.unwrap_or_default())
}

pub async fn save_settings<C: ConnectionTrait + TransactionTrait>(
    db: &C,
    actor: &Actor,
    s: ComplaintSettings,
) -> AppResult<ComplaintSettings> {
    actor.require(Right::Settings)?;
    s.validate()?;
    let txn = crate::db::write(db).await?;
    let before = load_settings(&txn).await?;
    put_json(&txn, KEY_SETTINGS, &s).await?;
    let changes = crate::audit::diff(Some(&before), &s, &[]);
    if !changes.is_empty() {
        crate::audit::record(&txn, actor, "settings", 0, "complaint_settings", &changes).await?;
    }
    txn.commit().await?;
    Ok(s)
}

/// Everything needed to turn UTC instants into working time.
pub struct Clocks {
    pub settings: ComplaintSettings,
    pub calendar: calendar::Calendar,
}

impl Clocks {
    pub async fn load<C: ConnectionTrait>(db: &C) -> AppResult<Clocks> {
        let settings = load_settings(db).await?;
        let mut calendar = settings.calendar();
        days::add_to(db, &mut calendar).await?;
        Ok(Clocks { settings, calendar })
    }

    pub fn local(&self, t: DateTime<Utc>) -> NaiveDateTime {
        t.naive_utc() + Duration::minutes(i64::from(self.settings.utc_offset_minutes))
    }

    pub fn utc(&self, local: NaiveDateTime) -> DateTime<Utc> {
        (local - Duration::minutes(i64::from(self.settings.utc_offset_minutes))).and_utc()
    }
}

pub(super) fn fmt_local(t: NaiveDateTime) -> String {
    t.format("%Y-%m-%d %H:%M:%S").to_string()
}

/// Local `YYYY-MM-DD HH:MM[:SS]`.
pub fn parse_local(s: &str) -> Option<NaiveDateTime> {
    let s = s.trim();
    NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M:%S")
        .or_else(|_| NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M"))
        .or_else(|_| NaiveDateTime::parse_from_str(s, "%Y-%m-%dT%H:%M"))
        .ok()
}

fn spans(
    model: &complaint::Model,
    events: &[complaint_event::Model],
    clocks: &Clocks,
) -> Vec<Span> {
    let mut out = vec![Span {
        status: ComplaintStatus::Received,
        since: clocks.local(model.received_at),
    }];
    for e in events.iter().filter(|e| e.kind == "transition") {
        if let Some(to) = e.to_status.as_deref().and_then(ComplaintStatus::parse) {
            out.push(Span {
                status: to,
                since: clocks.local(e.at),
            });
        }
    }
    out
}

/// The stored status of a complaint; a value no version wrote is `damaged`.
pub(super) fn status_of(m: &complaint::Model) -> AppResult<ComplaintStatus> {
    Record::new("complaint", m.id).key("status", &m.status, ComplaintStatus::parse)
}

pub(super) fn to_dto(
    m: complaint::Model,
    events: &[complaint_event::Model],
    dist: Option<&distributor::Model>,
    clocks: &Clocks,
    now: DateTime<Utc>,
) -> AppResult<Complaint> {
    let stored = Record::new("complaint", m.id);
    let priority = stored.key("priority", &m.priority, Priority::parse)?;
    let (fr, res) = clocks.settings.policy(priority);
    let sp = spans(&m, events, clocks);
    let sla = sla::compute(&clocks.calendar, &sp, clocks.local(now), fr, res);
    let escalate_to = match sla.escalation_level {
        0 => None,
        l => Some(clocks.settings.escalation[usize::from(l - 1)].clone())
            .filter(|s| !s.trim().is_empty()),
    };
    Ok(Complaint {
        id: m.id,
        number: m.number,
        distributor_id: m.distributor_id,
        distributor_code: dist.map(|d| d.code.clone()).unwrap_or_default(),
        distributor_name: dist.map(|d| d.name.clone()).unwrap_or_default(),
        channel: stored.key("channel", &m.channel, Channel::parse)?,
        product: m.product,
        batch_no: m.batch_no,
        category: m.category,
        priority,
        description: m.description,
        assignee: m.assignee,
        status: stored.key("status", &m.status, ComplaintStatus::parse)?,
        resolution: m.resolution,
        root_cause: m.root_cause,
        root_cause_note: m.root_cause_note,
        satisfaction: m.satisfaction,
        received_at: fmt_local(clocks.local(m.received_at)),
        sla,
        escalate_to,
    })
}

pub(super) async fn events_of<C: ConnectionTrait>(
    db: &C,
    ids: &[i64],
) -> AppResult<Vec<complaint_event::Model>> {
    // Each complaint's events come in one slice, in time order.
    Ok(crate::db::find_in(
        db,
        complaint_event::Entity::find()
            .order_by_asc(complaint_event::Column::At)
            .order_by_asc(complaint_event::Column::Id),
        complaint_event::Column::ComplaintId,
        ids.iter().copied(),
    )
    .await?)
}

async fn next_number<C: ConnectionTrait>(db: &C, year: i32) -> AppResult<String> {
    crate::numbering::next_in_year::<complaint::Entity, _>(
        db,
        complaint::Column::Number,
        "TS",
        year,
        |m| &m.number,
    )
    .await
}

#[allow(clippy::too_many_arguments)]
pub(super) async fn add_event<C: ConnectionTrait>(
    db: &C,
    complaint_id: i64,
    at: DateTime<Utc>,
    kind: EventKind,
    from: Option<ComplaintStatus>,
    to: Option<ComplaintStatus>,
    text: &str,
    actor: &Actor,
) -> AppResult<()> {
    complaint_event::Entity::insert(complaint_event::ActiveModel {
        complaint_id: Set(complaint_id),
        at: Set(at),
        kind: Set(kind.key().into()),
        from_status: Set(from.map(|s| s.key().to_owned())),
        to_status: Set(to.map(|s| s.key().to_owned())),
        text: Set(text.to_owned()),
        operator: Set(actor.operator().to_owned()),
        ..Default::default()
    })
    .exec(db)
    .await?;
    Ok(())
}

/// Records a new complaint (status `received`). `now` is the current instant.
pub async fn record<C: ConnectionTrait + TransactionTrait>(
    db: &C,
    actor: &Actor,
    input: &ComplaintInput,
) -> AppResult<Complaint> {
    actor.require(Right::Service)?;
    // A distributor outside the writer's scope is not theirs to change (nor to see).
    crate::scope::check(db, actor.access(), input.distributor_id).await?;
    let now = actor.now();
    let operator = actor.operator().to_owned();
    let clocks = Clocks::load(db).await?;
    let mut errs = vec![];
    if input.channel.is_none() {
        errs.push(FieldError::new("channel", ErrorCode::Required));
    }
    if input.priority.is_none() {
        errs.push(FieldError::new("priority", ErrorCode::Required));
    }
    if input.description.trim().is_empty() {
        errs.push(FieldError::new("description", ErrorCode::Required));
    } else if input.description.chars().count() > 4000 {
        errs.push(FieldError::with_detail(
            "description",
            ErrorCode::TooLong,
            "4000",
        ));
    }
    if !input.category.trim().is_empty()
        && !clocks
            .settings
            .categories
            .iter()
            .any(|c| c.key == input.category.trim())
    {
        errs.push(FieldError::with_detail(
            "category",
            ErrorCode::InvalidChoice,
            input.category.trim(),
        ));
    }
    errs.extend(crate::fields::printable_error(
        "description",
        &input.description,
    ));
    for (field, v, max) in [
        ("product", &input.product, 100),
        ("batch_no", &input.batch_no, 60),
        ("assignee", &input.assignee, 60),
    ] {
        errs.extend(crate::fields::printable_error(field, v));
        if v.chars().count() > max {
            errs.push(FieldError::with_detail(
                field,
                ErrorCode::TooLong,
                max.to_string(),
            ));
        }
    }
    let received = if input.received_at.trim().is_empty() {
        now
    } else {
        match parse_local(&input.received_at) {
            Some(l) if clocks.utc(l) <= now => clocks.utc(l),
            Some(_) => {
                errs.push(FieldError::new("received_at", ErrorCode::InFuture));
                now
            }
            None => {
                errs.push(FieldError::with_detail(
                    "received_at",
                    ErrorCode::DatetimeFormat,
                    input.received_at.trim(),
                ));
                now
            }
        }
    };
    if !errs.is_empty() {
        return Err(AppError::Validation { fields: errs });
    }
    let txn = crate::db::write(db).await?;
    let dist = distributor::Entity::find_by_id(input.distributor_id)
        .one(&txn)
        .await?
        .ok_or_else(|| AppError::not_found("distributor", input.distributor_id))?;
    let number = next_number(&txn, chrono::Datelike::year(&clocks.local(received))).await?;
    let m = complaint::Entity::insert(complaint::ActiveModel {
        number: Set(number),
        distributor_id: Set(dist.id),
        channel: Set(input.channel.unwrap_or(Channel::Other).key().into()),
        product: Set(input.product.trim().into()),
        batch_no: Set(input.batch_no.trim().into()),
        category: Set(input.category.trim().into()),
        priority: Set(input.priority.unwrap_or(Priority::P3).key().into()),
        description: Set(input.description.trim().into()),
        assignee: Set(input.assignee.trim().into()),
        status: Set(ComplaintStatus::Received.key().into()),
        resolution: Set(String::new()),
        root_cause: Set(String::new()),
        root_cause_note: Set(String::new()),
        satisfaction: Set(None),
        received_at: Set(received),
        created_at: Set(now),
        created_by: Set(operator.clone()),
        updated_at: Set(now),
        ..Default::default()
    })
    .exec_with_returning(&txn)
    .await?;
    add_event(
        &txn,
        m.id,
        received,
        EventKind::Transition,
        None,
        Some(ComplaintStatus::Received),
        input.description.trim(),
        actor,
    )
    .await?;
    if !m.assignee.is_empty() {
        add_event(
            &txn,
            m.id,
            received,
            EventKind::Assignment,
            None,
            None,
            &m.assignee,
            actor,
        )
        .await?;
    }
    crate::audit::record(
        &txn,
        actor,
        "complaint",
        m.id,
        "create",
        &[crate::audit::FieldChange {
            field: "number".into(),
            before: None,
            after: Some(m.number.clone()),
        }],
    )
    .await?;
    txn.commit().await?;
    let events = events_of(db, &[m.id]).await?;
    to_dto(m, &events, Some(&dist), &clocks, now)
}

/// One complaint with its timeline; one of a distributor outside `access`'s
/// scope is not found.
pub async fn get<C: ConnectionTrait>(
    db: &C,
    access: &crate::actor::Access,
    id: i64,
    now: DateTime<Utc>,
) -> AppResult<ComplaintDetail> {
    let clocks = Clocks::load(db).await?;
    let m = complaint::Entity::find_by_id(id)
        .one(db)
        .await?
        .ok_or_else(|| AppError::not_found("complaint", id))?;
    if !crate::scope::holds(db, access, m.distributor_id).await? {
        return Err(AppError::not_found("complaint", id));
    }
    let dist = distributor::Entity::find_by_id(m.distributor_id)
        .one(db)
        .await?;
    let events = events_of(db, &[id]).await?;
    let status = status_of(&m)?;
    let allowed_moves = allowed(status, workflow::came_from(&events));
    let timeline = events
        .iter()
        .map(|e| {
            let stored = Record::new("complaint_event", e.id);
            let status = |column: &str, s: &Option<String>| match s.as_deref() {
                None => Ok(None),
                Some(s) => stored.key(column, s, ComplaintStatus::parse).map(Some),
            };
            Ok(TimelineEntry {
                id: e.id,
                at: fmt_local(clocks.local(e.at)),
                kind: stored.key("kind", &e.kind, EventKind::parse)?,
                from_status: status("from_status", &e.from_status)?,
                to_status: status("to_status", &e.to_status)?,
                text: e.text.clone(),
                operator: e.operator.clone(),
            })
        })
        .collect::<AppResult<_>>()?;
    Ok(ComplaintDetail {
        complaint: to_dto(m, &events, dist.as_ref(), &clocks, now)?,
        timeline,
        allowed: allowed_moves,
    })
}
