//! The training lists as CSV or XLSX: courses, sessions, certificates (with
//! the list's filters) and compliance.
use crate::error::ErrorCode;
use crate::lang::Lang;
use chrono::NaiveDate;
use sea_orm::ConnectionTrait;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::certificate::{self, CertificateQuery};
use super::session::{self, SessionQuery};
use crate::error::{AppError, AppResult};
use crate::sheet::write_table;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum TrainingList {
    Courses,
    Sessions,
    Certificates,
    Compliance,
}

#[derive(Debug, Clone, Deserialize, TS)]
#[ts(export)]
pub struct TrainingExportRequest {
    pub list: TrainingList,
    /// Filters of the certificate list (ignored by the others).
    #[serde(default)]
    pub certificates: CertificateQuery,
    #[serde(default)]
    pub sessions: SessionQuery,
    pub lang: Lang,
    /// `.xlsx` or `.csv`.
    pub path: String,
}

fn pick(en: bool, zh: &'static str, english: &'static str) -> &'static str {
    if en {
        english
    } else {
        zh
    }
}

/// Writes the list; returns the number of rows.
pub async fn export<C: ConnectionTrait>(
    db: &C,
    access: &crate::actor::Access,
    req: &TrainingExportRequest,
    today: NaiveDate,
) -> AppResult<usize> {
    access.require(crate::actor::Right::Export)?;
    if req.path.trim().is_empty() {
        return Err(AppError::field("path", ErrorCode::Required));
    }
    let path = std::path::PathBuf::from(req.path.trim());
    let en = req.lang.is_en();
    let h = |pairs: &[(&'static str, &'static str)]| -> Vec<&'static str> {
        pairs.iter().map(|(zh, e)| pick(en, zh, e)).collect()
    };
    let yes = |b: bool| {
        pick(
            en,
            if b { "是" } else { "否" },
            if b { "yes" } else { "no" },
        )
        .to_owned()
    };
    let (headers, rows, ints): (Vec<&str>, Vec<Vec<String>>, Vec<usize>) = match req.list {
        TrainingList::Courses => (
            h(&[
                ("课程编号", "Code"),
                ("中文名称", "Title (zh)"),
                ("英文名称", "Title (en)"),
                ("类别", "Category"),
                ("课时", "Hours"),
                ("及格分", "Pass mark"),
                ("证书有效期（月）", "Validity (months)"),
                ("适用等级", "Required for tiers"),
                ("导入培训", "Onboarding"),
                ("启用", "Active"),
            ]),
            super::list_courses(db)
                .await?
                .into_iter()
                .map(|c| {
                    vec![
                        c.code,
                        c.title_zh,
                        c.title_en,
                        c.category,
                        c.duration_hours,
                        c.pass_mark.to_string(),
                        c.validity_months.map(|m| m.to_string()).unwrap_or_default(),
                        c.required_tiers
                            .iter()
                            .map(|t| if en { t.label_en() } else { t.label_zh() })
                            .collect::<Vec<_>>()
                            .join(", "),
                        yes(c.onboarding),
                        yes(c.active),
                    ]
                })
                .collect(),
            vec![5, 6],
        ),
        TrainingList::Sessions => (
            h(&[
                ("日期", "Date"),
                ("时间", "Time"),
                ("课程编号", "Course"),
                ("课程", "Title"),
                ("讲师", "Trainer"),
                ("地点", "Place"),
                ("上限", "Capacity"),
                ("报名", "Enrolled"),
                ("出勤", "Attended"),
                ("合格", "Passed"),
                ("状态", "Status"),
            ]),
            session::list(db, &req.sessions)
                .await?
                .into_iter()
                .map(|s| {
                    vec![
                        s.date,
                        s.start_time,
                        s.course_code,
                        if en && !s.course_title_en.is_empty() {
                            s.course_title_en
                        } else {
                            s.course_title_zh
                        },
                        s.trainer,
                        s.place,
                        s.capacity.to_string(),
                        s.enrolled.to_string(),
                        s.attended.to_string(),
                        s.passed.to_string(),
                        s.status.key().to_owned(),
                    ]
                })
                .collect(),
            vec![6, 7, 8, 9],
        ),
        TrainingList::Certificates => (
            h(&[
                ("证书编号", "Number"),
                ("姓名", "Person"),
                ("经销商编号", "Distributor code"),
                ("经销商", "Distributor"),
                ("课程编号", "Course"),
                ("课程", "Title"),
                ("成绩", "Score"),
                ("发证日期", "Issued"),
                ("有效期至", "Valid until"),
                ("剩余天数", "Days left"),
                ("状态", "State"),
                ("撤销原因", "Revocation reason"),
            ]),
            certificate::load_all(db, &req.certificates, today)
                .await?
                .into_iter()
                .map(|c| {
                    vec![
                        c.number,
                        c.person_name,
                        c.distributor_code,
                        c.distributor_name,
                        c.course_code,
                        if en && !c.course_title_en.is_empty() {
                            c.course_title_en
                        } else {
                            c.course_title_zh
                        },
                        c.score.map(|s| s.to_string()).unwrap_or_default(),
                        c.issue_date,
                        c.expiry_date.unwrap_or_default(),
                        c.days_left.map(|d| d.to_string()).unwrap_or_default(),
                        serde_json::to_value(c.state)
                            .ok()
                            .and_then(|v| v.as_str().map(str::to_owned))
                            .unwrap_or_default(),
                        c.revoke_reason,
                    ]
                })
                .collect(),
            vec![6, 9],
        ),
        TrainingList::Compliance => (
            h(&[
                ("经销商编号", "Code"),
                ("经销商", "Distributor"),
                ("等级", "Tier"),
                ("达标率%", "Compliance %"),
                ("要求课程", "Required"),
                ("缺少课程", "Missing"),
            ]),
            super::compliance::compliance(db, today, None)
                .await?
                .into_iter()
                .map(|r| {
                    vec![
                        r.code,
                        r.name,
                        if en {
                            r.tier.label_en()
                        } else {
                            r.tier.label_zh()
                        }
                        .to_owned(),
                        r.compliance_pct.to_string(),
                        r.required.join(", "),
                        r.missing.join(", "),
                    ]
                })
                .collect(),
            vec![3],
        ),
    };
    write_table(&path, &headers, &rows, &[], &ints)?;
    Ok(rows.len())
}
