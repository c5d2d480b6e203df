//! The complaint report for a period: counts, SLA compliance, working-hour
//! statistics, recurring problems (Pareto of category × product), satisfaction.
use crate::error::ErrorCode;
use crate::lang::Lang;
use std::collections::BTreeMap;

use chrono::{DateTime, NaiveDate, Utc};
use sea_orm::{ConnectionTrait, TransactionTrait};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::sla::{hours, ClockState};
use super::{list, Complaint, ComplaintQuery};
use crate::dates::parse_date;
use crate::error::{AppResult, FieldErrors};

#[derive(Debug, Clone, Deserialize, TS)]
#[ts(export)]
pub struct ReportRequest {
    /// Inclusive local dates `YYYY-MM-DD` of receipt.
    pub from: String,
    pub to: String,
    #[ts(type = "number | null")]
    pub distributor_id: Option<i64>,
}

#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct Count {
    pub key: String,
    #[ts(type = "number")]
    pub count: u64,
}

/// Counts by key, most first. They cross IPC and the CLI's JSON as one object,
/// `{"received": 3, "closed": 2}`, in that order.
#[derive(Debug, Clone, Default)]
pub struct Counts(pub Vec<Count>);

impl std::ops::Deref for Counts {
    type Target = [Count];
    fn deref(&self) -> &[Count] {
        &self.0
    }
}

impl Serialize for Counts {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut m = s.serialize_map(Some(self.0.len()))?;
        for c in &self.0 {
            m.serialize_entry(&c.key, &c.count)?;
        }
        m.end()
    }
}

#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct SlaCompliance {
    /// Of the complaints whose clock stopped or already ran out: share within the allowance (0–100, 1 decimal); null if none.
    pub first_response_met_pct: Option<f64>,
    pub resolution_met_pct: Option<f64>,
}

#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct HourStats {
    /// Working hours, 2 decimals; null when nothing finished.
    pub avg: Option<f64>,
    pub p90: Option<f64>,
}

#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct ParetoRow {
    pub category: String,
    pub product: String,
    #[ts(type = "number")]
    pub count: u64,
    /// Running share of all complaints, 0–100.
    pub cumulative_pct: f64,
}

#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct ComplaintReport {
    pub from: String,
    pub to: String,
    #[ts(type = "number")]
    pub total: u64,
    #[ts(type = "Record<string, number>")]
    pub by_status: Counts,
    #[ts(type = "Record<string, number>")]
    pub by_category: Counts,
    #[ts(type = "Record<string, number>")]
    pub by_priority: Counts,
    /// Keys are distributor codes.
    #[ts(type = "Record<string, number>")]
    pub by_distributor: Counts,
    pub sla: SlaCompliance,
    pub first_response_hours: HourStats,
    pub resolution_hours: HourStats,
    pub pareto: Vec<ParetoRow>,
    /// Average 1–5 score of the verified complaints; null if none.
    pub satisfaction_avg: Option<f64>,
    /// The complaints counted, for the printed list.
    pub complaints: Vec<Complaint>,
}

fn counts(items: impl Iterator<Item = String>) -> Counts {
    let mut m: BTreeMap<String, u64> = BTreeMap::new();
    for k in items {
        *m.entry(k).or_default() += 1;
    }
    let mut v: Vec<Count> = m
        .into_iter()
        .map(|(key, count)| Count { key, count })
        .collect();
    v.sort_by(|a, b| b.count.cmp(&a.count).then(a.key.cmp(&b.key)));
    Counts(v)
}

/// Nearest-rank percentile of sorted values.
fn percentile(sorted: &[i64], p: f64) -> Option<i64> {
    if sorted.is_empty() {
        return None;
    }
    let rank = ((p / 100.0) * sorted.len() as f64).ceil().max(1.0) as usize;
    sorted.get(rank - 1).copied()
}

fn stats(mut secs: Vec<i64>) -> HourStats {
    secs.sort_unstable();
    let avg = (!secs.is_empty()).then(|| hours(secs.iter().sum::<i64>() / secs.len() as i64));
    HourStats {
        avg,
        p90: percentile(&secs, 90.0).map(hours),
    }
}

fn pct(met: usize, of: usize) -> Option<f64> {
    (of > 0).then(|| (met as f64 * 1000.0 / of as f64).round() / 10.0)
}

pub fn parse_period(from: &str, to: &str) -> AppResult<(NaiveDate, NaiveDate)> {
    let mut errs = FieldErrors::default();
    let (f, t) = (parse_date(from), parse_date(to));
    if f.is_none() {
        errs.push("from", ErrorCode::DateFormat);
    }
    if t.is_none() {
        errs.push("to", ErrorCode::DateFormat);
    }
    if let (Some(f), Some(t)) = (f, t) {
        if f > t {
            errs.push("to", ErrorCode::PeriodOrder);
        }
    }
    errs.into_result()?;
    Ok((f.unwrap_or_default(), t.unwrap_or_default()))
}

/// The report over the complaints of the distributors in `access`'s scope.
pub async fn build<C: ConnectionTrait + TransactionTrait>(
    db: &C,
    access: &crate::actor::Access,
    req: &ReportRequest,
    now: DateTime<Utc>,
) -> AppResult<ComplaintReport> {
    let (from, to) = parse_period(&req.from, &req.to)?;
    let all = list(
        db,
        access,
        &ComplaintQuery {
            distributor_id: req.distributor_id,
            ..Default::default()
        },
        now,
    )
    .await?;
    let mut items: Vec<Complaint> = all
        .rows
        .into_iter()
        .filter(|c| {
            let day = parse_date(&c.received_at[..10.min(c.received_at.len())]);
            day.is_some_and(|d| d >= from && d <= to)
        })
        .collect();
    items.sort_by(|a, b| a.number.cmp(&b.number));
    let decided = |state: ClockState| {
        matches!(
            state,
            ClockState::Met | ClockState::Missed | ClockState::Breached
        )
    };
    let fr_decided: Vec<&Complaint> = items
        .iter()
        .filter(|c| decided(c.sla.first_response.state))
        .collect();
    let res_decided: Vec<&Complaint> = items
        .iter()
        .filter(|c| decided(c.sla.resolution.state))
        .collect();
    let fr_met = fr_decided
        .iter()
        .filter(|c| c.sla.first_response.state == ClockState::Met)
        .count();
    let res_met = res_decided
        .iter()
        .filter(|c| c.sla.resolution.state == ClockState::Met)
        .count();
    let fr_secs = items
        .iter()
        .filter(|c| {
            matches!(
                c.sla.first_response.state,
                ClockState::Met | ClockState::Missed
            )
        })
        .map(|c| c.sla.first_response.elapsed_secs)
        .collect();
    let res_secs = items
        .iter()
        .filter(|c| matches!(c.sla.resolution.state, ClockState::Met | ClockState::Missed))
        .map(|c| c.sla.resolution.elapsed_secs)
        .collect();
    let mut pareto_counts: BTreeMap<(String, String), u64> = BTreeMap::new();
    for c in &items {
        *pareto_counts
            .entry((c.category.clone(), c.product.clone()))
            .or_default() += 1;
    }
    let mut pareto: Vec<ParetoRow> = pareto_counts
        .into_iter()
        .map(|((category, product), count)| ParetoRow {
            category,
            product,
            count,
            cumulative_pct: 0.0,
        })
        .collect();
    pareto.sort_by(|a, b| {
        b.count
            .cmp(&a.count)
            .then(a.category.cmp(&b.category))
            .then(a.product.cmp(&b.product))
    });
    let total = items.len() as u64;
    let mut running = 0u64;
    for r in &mut pareto {
        running += r.count;
        r.cumulative_pct = (running as f64 * 1000.0 / total.max(1) as f64).round() / 10.0;
    }
    let scores: Vec<i32> = items.iter().filter_map(|c| c.satisfaction).collect();
    let satisfaction_avg = (!scores.is_empty()).then(|| {
        (f64::from(scores.iter().sum::<i32>()) * 100.0 / scores.len() as f64).round() / 100.0
    });
    Ok(ComplaintReport {
        from: from.to_string(),
        to: to.to_string(),
        total,
        by_status: counts(items.iter().map(|c| c.status.key().to_owned())),
        by_category: counts(items.iter().map(|c| c.category.clone())),
        by_priority: counts(items.iter().map(|c| c.priority.key().to_owned())),
        by_distributor: counts(items.iter().map(|c| c.distributor_code.clone())),
        sla: SlaCompliance {
            first_response_met_pct: pct(fr_met, fr_decided.len()),
            resolution_met_pct: pct(res_met, res_decided.len()),
        },
        first_response_hours: stats(fr_secs),
        resolution_hours: stats(res_secs),
        pareto,
        satisfaction_avg,
        complaints: items,
    })
}

/// The report's lists as an XLSX workbook (one sheet per breakdown).
pub fn write_xlsx(path: &std::path::Path, r: &ComplaintReport, lang: Lang) -> AppResult<()> {
    use rust_xlsxwriter::{Format, Workbook};
    let zh = !lang.is_en();
    let x = |e: rust_xlsxwriter::XlsxError| crate::AppError::io(e);
    let mut wb = Workbook::new();
    let bold = Format::new().set_bold();
    {
        let ws = wb
            .add_worksheet()
            .set_name(if zh { "客诉" } else { "Complaints" })
            .map_err(x)?;
        let heads: [&str; 10] = if zh {
            [
                "编号",
                "经销商",
                "受理时间",
                "类别",
                "产品",
                "优先级",
                "状态",
                "首次响应(工时)",
                "解决(工时)",
                "满意度",
            ]
        } else {
            [
                "Number",
                "Distributor",
                "Received",
                "Category",
                "Product",
                "Priority",
                "Status",
                "First response (h)",
                "Resolution (h)",
                "Satisfaction",
            ]
        };
        for (c, h) in heads.iter().enumerate() {
            ws.write_string_with_format(0, c as u16, *h, &bold)
                .map_err(x)?;
        }
        for (i, c) in r.complaints.iter().enumerate() {
            let row = i as u32 + 1;
            ws.write_string(row, 0, &c.number).map_err(x)?;
            ws.write_string(
                row,
                1,
                format!("{} {}", c.distributor_code, c.distributor_name),
            )
            .map_err(x)?;
            ws.write_string(row, 2, &c.received_at).map_err(x)?;
            ws.write_string(row, 3, &c.category).map_err(x)?;
            ws.write_string(row, 4, &c.product).map_err(x)?;
            ws.write_string(row, 5, c.priority.key().to_uppercase())
                .map_err(x)?;
            ws.write_string(
                row,
                6,
                if zh {
                    c.status.label_zh()
                } else {
                    c.status.label_en()
                },
            )
            .map_err(x)?;
            ws.write_number(row, 7, hours(c.sla.first_response.elapsed_secs))
                .map_err(x)?;
            ws.write_number(row, 8, hours(c.sla.resolution.elapsed_secs))
                .map_err(x)?;
            if let Some(s) = c.satisfaction {
                ws.write_number(row, 9, f64::from(s)).map_err(x)?;
            }
        }
        ws.autofit();
    }
    {
        let ws = wb.add_worksheet().set_name("Pareto").map_err(x)?;
        let heads = if zh {
            ["类别", "产品", "件数", "累计%"]
        } else {
            ["Category", "Product", "Count", "Cumulative %"]
        };
        for (c, h) in heads.iter().enumerate() {
            ws.write_string_with_format(0, c as u16, *h, &bold)
                .map_err(x)?;
        }
        for (i, p) in r.pareto.iter().enumerate() {
            let row = i as u32 + 1;
            ws.write_string(row, 0, &p.category).map_err(x)?;
            ws.write_string(row, 1, &p.product).map_err(x)?;
            ws.write_number(row, 2, p.count as f64).map_err(x)?;
            ws.write_number(row, 3, p.cumulative_pct).map_err(x)?;
        }
        ws.autofit();
    }
    wb.save(path)
        .map_err(|e| crate::AppError::io(format!("{}: {e}", path.display())))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nearest_rank_percentile() {
        assert_eq!(percentile(&[], 90.0), None);
        assert_eq!(percentile(&[5], 90.0), Some(5));
        let v: Vec<i64> = (1..=10).collect();
        assert_eq!(percentile(&v, 90.0), Some(9));
        assert_eq!(percentile(&v, 100.0), Some(10));
        assert_eq!(pct(2, 3), Some(66.7));
        assert_eq!(pct(0, 0), None);
    }
}

#[derive(Debug, Clone, Deserialize, TS)]
#[ts(export)]
pub struct ReportFileRequest {
    pub report: ReportRequest,
    /// `zh-CN` or `en`.
    pub lang: Lang,
    /// `.pdf` or `.xlsx`.
    pub path: String,
}

/// Writes the report as PDF or XLSX (by extension); returns the path.
pub async fn write_file<C: ConnectionTrait + TransactionTrait>(
    db: &C,
    access: &crate::actor::Access,
    req: &ReportFileRequest,
    clock: crate::dates::Clock,
) -> AppResult<String> {
    access.require(crate::actor::Right::Export)?;
    let r = build(db, access, &req.report, clock.now).await?;
    let path = std::path::PathBuf::from(req.path.trim());
    let ext = path
        .extension()
        .map(|e| e.to_string_lossy().to_ascii_lowercase())
        .unwrap_or_default();
    let lang = req.lang;
    match ext.as_str() {
        "pdf" => {
            let settings = super::load_settings(db).await?;
            let company = crate::settings::load_company(db).await?;
            let printed = clock.today.to_string();
            let bytes = tokio::task::spawn_blocking(move || {
                crate::complaint::report_layout::render(&r, &settings, &company, lang, &printed)
            })
            .await
            .map_err(crate::AppError::io)??;
            crate::pdf::write_atomically(&path, &bytes)?;
        }
        "xlsx" => write_xlsx(&path, &r, lang)?,
        _ => return Err(crate::AppError::field("path", ErrorCode::FileType)),
    }
    Ok(path.display().to_string())
}
