//! Complaint settings: categories, root causes, SLA policy per priority, the
//! working day, the office's UTC offset and the escalation contacts.
use crate::error::ErrorCode;
use std::collections::BTreeSet;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::calendar::Calendar;
use super::Priority;
use crate::choice::Choice;
use crate::error::{AppResult, FieldErrors};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct SlaPolicy {
    pub priority: Priority,
    /// Working hours to the first response.
    pub first_response_hours: u32,
    /// Working hours to resolution.
    pub resolution_hours: u32,
}

/// `HH:MM`–`HH:MM`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct WorkingPeriod {
    pub start: String,
    pub end: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ComplaintSettings {
    pub categories: Vec<Choice>,
    pub root_causes: Vec<Choice>,
    /// One per priority, P1 first.
    pub sla: Vec<SlaPolicy>,
    pub working_periods: Vec<WorkingPeriod>,
    /// Monday first.
    pub working_weekdays: [bool; 7],
    /// The office's offset from UTC in minutes (China: 480).
    pub utc_offset_minutes: i32,
    /// Who is told at escalation levels 1, 2 and 3.
    pub escalation: [String; 3],
}

fn choice(key: &str, zh: &str, en: &str) -> Choice {
    Choice {
        key: key.into(),
        label_zh: zh.into(),
        label_en: en.into(),
    }
}

impl Default for ComplaintSettings {
    fn default() -> Self {
        let sla = |priority, first_response_hours, resolution_hours| SlaPolicy {
            priority,
            first_response_hours,
            resolution_hours,
        };
        ComplaintSettings {
            categories: vec![
                choice("quality", "产品质量", "Quality"),
                choice("delivery", "物流交付", "Delivery"),
                choice("pricing", "价格政策", "Pricing"),
                choice("service", "服务态度", "Service"),
                choice("cross_territory", "窜货", "Cross-territory selling"),
                choice("other", "其他", "Other"),
            ],
            root_causes: vec![
                choice("production", "生产工艺", "Production process"),
                choice("material", "来料质量", "Incoming material"),
                choice("logistics", "运输仓储", "Transport and storage"),
                choice("policy", "政策执行", "Policy execution"),
                choice("communication", "沟通不到位", "Communication"),
                choice("customer_use", "使用不当", "Improper use"),
                choice("other", "其他", "Other"),
            ],
            sla: vec![
                sla(Priority::P1, 2, 16),
                sla(Priority::P2, 4, 24),
                sla(Priority::P3, 8, 40),
                sla(Priority::P4, 16, 80),
            ],
            working_periods: vec![
                WorkingPeriod {
                    start: "09:00".into(),
                    end: "12:00".into(),
                },
                WorkingPeriod {
                    start: "13:00".into(),
                    end: "18:00".into(),
                },
            ],
            working_weekdays: [true, true, true, true, true, false, false],
            utc_offset_minutes: 480,
            escalation: [String::new(), String::new(), String::new()],
        }
    }
}

fn parse_hm(s: &str) -> Option<u32> {
    let (h, m) = s.trim().split_once(':')?;
    let (h, m): (u32, u32) = (h.parse().ok()?, m.parse().ok()?);
    if (h < 24 && m < 60) || (h == 24 && m == 0) {
        Some(h * 3600 + m * 60)
    } else {
        None
    }
}

impl ComplaintSettings {
    pub fn policy(&self, p: Priority) -> (u32, u32) {
        self.sla
            .iter()
            .find(|s| s.priority == p)
            .map(|s| (s.first_response_hours, s.resolution_hours))
            .unwrap_or((8, 40))
    }

    /// The calendar of working periods and weekdays (dated exceptions are added by the caller).
    pub fn calendar(&self) -> Calendar {
        let mut periods: Vec<(u32, u32)> = self
            .working_periods
            .iter()
            .filter_map(|p| Some((parse_hm(&p.start)?, parse_hm(&p.end)?)))
            .filter(|(a, b)| a < b)
            .collect();
        periods.sort();
        Calendar {
            periods,
            weekdays: self.working_weekdays,
            holidays: BTreeSet::new(),
            workdays: BTreeSet::new(),
        }
    }

    pub fn validate(&self) -> AppResult<()> {
        let mut errs = FieldErrors::default();
        for (name, list) in [
            ("categories", &self.categories),
            ("root_causes", &self.root_causes),
        ] {
            if list.is_empty() {
                errs.push(name, ErrorCode::Required);
            }
            let mut keys = BTreeSet::new();
            for (i, c) in list.iter().enumerate() {
                if c.key.trim().is_empty() || !keys.insert(c.key.trim()) {
                    errs.push(&format!("{name}.{i}.key"), ErrorCode::DuplicateOrEmpty);
                }
                if c.label_zh.trim().is_empty() && c.label_en.trim().is_empty() {
                    errs.push(&format!("{name}.{i}.label"), ErrorCode::Required);
                }
            }
        }
        let priorities: Vec<Priority> = self.sla.iter().map(|s| s.priority).collect();
        if priorities != Priority::ALL {
            errs.push("sla", ErrorCode::InvalidChoice);
        }
        for (i, s) in self.sla.iter().enumerate() {
            if s.first_response_hours == 0 || s.first_response_hours > 10_000 {
                errs.push(
                    &format!("sla.{i}.first_response_hours"),
                    ErrorCode::OutOfRange,
                );
            }
            if s.resolution_hours < s.first_response_hours || s.resolution_hours > 10_000 {
                errs.push(&format!("sla.{i}.resolution_hours"), ErrorCode::SlaOrder);
            }
        }
        let mut last_end = 0;
        for (i, p) in self.working_periods.iter().enumerate() {
            match (parse_hm(&p.start), parse_hm(&p.end)) {
                (Some(a), Some(b)) if a < b && a >= last_end => last_end = b,
                (Some(_), Some(_)) => {
                    errs.push(&format!("working_periods.{i}"), ErrorCode::PeriodOrder)
                }
                _ => errs.push(&format!("working_periods.{i}"), ErrorCode::TimeFormat),
            }
        }
        if self.working_periods.is_empty() {
            errs.push("working_periods", ErrorCode::Required);
        }
        if !self.working_weekdays.iter().any(|d| *d) {
            errs.push("working_weekdays", ErrorCode::Required);
        }
        if !(-720..=840).contains(&self.utc_offset_minutes) {
            errs.push("utc_offset_minutes", ErrorCode::OutOfRange);
        }
        errs.into_result()
    }
}
