//! Sample training: four courses, two people at each active distributor, and
//! closed sessions whose certificates are valid, expiring soon or expired,
//! plus one planned session. Built through the real workflow.
use crate::actor::Actor;
use chrono::{Days, Months, NaiveDate};
use sea_orm::{
    ColumnTrait, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder,
    QuerySelect, TransactionTrait,
};

use super::Rng;
use crate::distributor::contacts::{self, ContactInput, ContactSave};
use crate::distributor::{Status, Tier};
use crate::entity::{course, distributor as dist, distributor_contact};
use crate::error::AppResult;
use crate::training::session::{
    self, ResultRow, ResultsRequest, SessionInput, SessionMove, SessionSave, SessionStatus,
};
use crate::training::{self, CourseInput, CourseSave};

const PEOPLE: &[(&str, &str)] = &[
    ("陈静", "销售经理"),
    ("刘洋", "仓库主管"),
    ("赵敏", "财务"),
    ("孙浩", "业务员"),
    ("周婷", "门店店长"),
    ("吴磊", "售后主管"),
];

struct Plan {
    course: &'static str,
    /// Days before today the session took place (negative: in the future).
    ago: i64,
    closed: bool,
}

/// Adds the sample training once (nothing if any course exists). Returns the
/// number of certificates issued.
pub async fn generate_training<C: ConnectionTrait + TransactionTrait>(
    db: &C,
    actor: &Actor,
    seed: u64,
) -> AppResult<u32> {
    if course::Entity::find().count(db).await? > 0 {
        return Ok(0);
    }
    let today = actor.today();
    let all = [Tier::Strategic, Tier::Core, Tier::Basic];
    let courses = [
        (
            "PK-101",
            "产品知识基础",
            "Product basics",
            "product",
            "4",
            60,
            Some(24),
            all.to_vec(),
            true,
        ),
        (
            "SP-201",
            "销售政策与返利",
            "Sales policy and rebates",
            "sales",
            "3",
            70,
            Some(12),
            vec![Tier::Strategic, Tier::Core],
            false,
        ),
        (
            "OS-110",
            "订货系统操作",
            "Ordering system",
            "system",
            "2",
            60,
            None,
            all.to_vec(),
            false,
        ),
        (
            "SF-301",
            "仓储与用电安全",
            "Storage and electrical safety",
            "safety",
            "2.5",
            80,
            Some(12),
            vec![Tier::Strategic],
            false,
        ),
    ];
    let mut ids = std::collections::HashMap::new();
    for (code, zh, en, cat, hours, pass, validity, tiers, onboarding) in courses {
        let c = training::save_course(
            db,
            actor,
            &CourseSave {
                id: None,
                input: CourseInput {
                    code: code.into(),
                    title_zh: zh.into(),
                    title_en: en.into(),
                    category: cat.into(),
                    duration_hours: hours.into(),
                    pass_mark: pass,
                    validity_months: validity,
                    required_tiers: tiers,
                    onboarding,
                    active: true,
                },
            },
        )
        .await?;
        ids.insert(code, (c.id, validity));
    }
    // Two people at each active distributor (added to its contacts if it has none).
    let dists = dist::Entity::find()
        .filter(dist::Column::Status.eq(Status::Active.key()))
        .order_by_asc(dist::Column::Code)
        .limit(super::agreements::SAMPLE_SIZE as u64)
        .all(db)
        .await?;
    let mut rng = Rng(seed ^ 0x7EA1_5E55_10A5_0001);
    let mut people: Vec<i64> = vec![];
    for d in &dists {
        let mut have: Vec<i64> = distributor_contact::Entity::find()
            .filter(distributor_contact::Column::DistributorId.eq(d.id))
            .all(db)
            .await?
            .into_iter()
            .map(|c| c.id)
            .collect();
        while have.len() < 2 {
            let (name, role) = PEOPLE[rng.below(PEOPLE.len() as u64) as usize];
            let c = contacts::save(
                db,
                actor,
                ContactSave {
                    distributor_id: d.id,
                    id: None,
                    input: ContactInput {
                        name: name.into(),
                        role: role.into(),
                        phone: format!("139{:08}", rng.below(100_000_000)),
                        ..Default::default()
                    },
                    base: None,
                },
            )
            .await?;
            have.push(c.id);
        }
        people.extend(have.into_iter().take(2));
    }
    if people.is_empty() {
        return Ok(0);
    }
    // Sessions placed so their certificates expire at different distances from today.
    let back = |months: u32, days: u64| -> i64 {
        let d = today
            .checked_sub_months(Months::new(months))
            .unwrap_or(today)
            + Days::new(days);
        (today - d).num_days()
    };
    let plans = [
        Plan {
            course: "PK-101",
            ago: back(24, 20),
            closed: true,
        },
        Plan {
            course: "SP-201",
            ago: back(12, 45),
            closed: true,
        },
        Plan {
            course: "SF-301",
            ago: back(13, 0),
            closed: true,
        },
        Plan {
            course: "OS-110",
            ago: 60,
            closed: true,
        },
        Plan {
            course: "PK-101",
            ago: 30,
            closed: true,
        },
        Plan {
            course: "SP-201",
            ago: -14,
            closed: false,
        },
    ];
    let mut issued = 0;
    for (k, plan) in plans.iter().enumerate() {
        let (course_id, _) = ids[plan.course];
        let date: NaiveDate = if plan.ago >= 0 {
            today - Days::new(plan.ago as u64)
        } else {
            today + Days::new((-plan.ago) as u64)
        };
        // Each session takes a different slice of the people (at most 30).
        let chosen: Vec<i64> = people
            .iter()
            .enumerate()
            .filter(|(i, _)| (i + k) % 3 != 0)
            .map(|(_, id)| *id)
            .take(if plan.closed { 30 } else { 8 })
            .collect();
        let s = session::save(
            db,
            actor,
            &SessionSave {
                id: None,
                input: SessionInput {
                    course_id,
                    date: date.to_string(),
                    start_time: "09:30".into(),
                    trainer: ["李娜", "王磊", "张敏"][k % 3].into(),
                    place: if k % 2 == 0 {
                        "总部培训室 A".into()
                    } else {
                        "https://meeting.example.cn/px".into()
                    },
                    capacity: 30,
                    notes: String::new(),
                    enrol: chosen,
                },
            },
        )
        .await?;
        if !plan.closed {
            continue;
        }
        let id = s.session.id;
        session::move_to(
            db,
            actor,
            &SessionMove {
                id,
                to: SessionStatus::Held,
            },
        )
        .await?;
        let rows: Vec<ResultRow> = s
            .attendees
            .iter()
            .map(|a| {
                let attended = rng.below(10) != 0;
                ResultRow {
                    enrolment_id: a.enrolment_id,
                    attended,
                    score: attended.then(|| 50 + rng.below(49) as i32),
                    rating: attended.then(|| 3 + rng.below(3) as i32),
                    comment: String::new(),
                }
            })
            .collect();
        session::record_results(
            db,
            actor,
            &ResultsRequest {
                session_id: id,
                rows,
            },
        )
        .await?;
        let closed = session::move_to(
            db,
            actor,
            &SessionMove {
                id,
                to: SessionStatus::Closed,
            },
        )
        .await?;
        issued += closed
            .attendees
            .iter()
            .filter(|a| a.certificate_number.is_some())
            .count() as u32;
    }
    Ok(issued)
}
