//! The complaint report as an A4 PDF: summary figures, breakdowns, the Pareto
//! of recurring problems and the list of complaints, in Chinese or English.
use crate::choice::Choice;
use crate::complaint::report::{ComplaintReport, Count};
use crate::complaint::settings::ComplaintSettings;
use crate::complaint::sla::hours;
use crate::complaint::{ComplaintStatus, Priority};
use crate::error::AppResult;
use crate::lang::Lang;
use crate::pdf::flow::{Col, Flow};
use crate::pdf::{Align, Style, Weight};
use crate::settings::CompanyProfile;

fn counts(
    w: &mut Flow,
    title: &str,
    key_title: &str,
    items: &[Count],
    label: &dyn Fn(&str) -> String,
    total: u64,
) {
    w.heading(title);
    let cols = [
        Col {
            title: key_title.into(),
            width: 90.0,
            align: Align::Left,
        },
        Col {
            title: if w.en { "Count" } else { "件数" }.into(),
            width: 45.0,
            align: Align::Right,
        },
        Col {
            title: if w.en { "Share" } else { "占比" }.into(),
            width: 45.0,
            align: Align::Right,
        },
    ];
    let rows: Vec<Vec<String>> = items
        .iter()
        .map(|c| {
            vec![
                label(&c.key),
                c.count.to_string(),
                format!("{:.1}%", c.count as f64 * 100.0 / total.max(1) as f64),
            ]
        })
        .collect();
    w.table(&cols, &rows);
}

fn choice_label(list: &[Choice], key: &str, en: bool) -> String {
    list.iter()
        .find(|c| c.key == key)
        .map(|c| {
            if en {
                c.label_en.clone()
            } else {
                c.label_zh.clone()
            }
        })
        .filter(|l| !l.is_empty())
        .unwrap_or_else(|| {
            if key.is_empty() {
                "—".into()
            } else {
                key.into()
            }
        })
}

fn opt(v: Option<f64>, unit: &str) -> String {
    v.map(|x| format!("{x:.1}{unit}"))
        .unwrap_or_else(|| "—".into())
}

pub fn render(
    r: &ComplaintReport,
    settings: &ComplaintSettings,
    company: &CompanyProfile,
    lang: Lang,
    printed: &str,
) -> AppResult<Vec<u8>> {
    let en = lang.is_en();
    let title_text = if en {
        "Complaint report"
    } else {
        "客诉分析报告"
    };
    let running = format!("{} · {} {} – {}", company.name, title_text, r.from, r.to);
    let mut w = Flow::new(title_text, en, running);
    w.logo(company.logo.as_ref());
    if !company.name.is_empty() {
        w.doc.text(
            w.page,
            (105.0, 18.0),
            Style::new(12.0, Weight::Bold, Align::Center),
            &company.name,
        );
    }
    w.doc.text(
        w.page,
        (105.0, 26.0),
        Style::new(16.0, Weight::Bold, Align::Center),
        title_text,
    );
    let period = if en {
        format!("Received {} to {} · printed {}", r.from, r.to, printed)
    } else {
        format!("受理日期 {} 至 {} · 打印日期 {}", r.from, r.to, printed)
    };
    w.doc.text(
        w.page,
        (105.0, 32.0),
        Style::new(8.5, Weight::Regular, Align::Center),
        &period,
    );
    w.y = 36.0;
    let h = if en { " h" } else { " 工时" };
    let summary: Vec<(String, String)> = vec![
        (
            if en { "Complaints" } else { "客诉总数" }.into(),
            r.total.to_string(),
        ),
        (
            if en {
                "First response within SLA"
            } else {
                "首次响应达标率"
            }
            .into(),
            opt(r.sla.first_response_met_pct, "%"),
        ),
        (
            if en {
                "Resolution within SLA"
            } else {
                "解决达标率"
            }
            .into(),
            opt(r.sla.resolution_met_pct, "%"),
        ),
        (
            if en {
                "First response, average / P90"
            } else {
                "首次响应 平均 / P90"
            }
            .into(),
            format!(
                "{} / {}",
                opt(r.first_response_hours.avg, h),
                opt(r.first_response_hours.p90, h)
            ),
        ),
        (
            if en {
                "Resolution, average / P90"
            } else {
                "解决用时 平均 / P90"
            }
            .into(),
            format!(
                "{} / {}",
                opt(r.resolution_hours.avg, h),
                opt(r.resolution_hours.p90, h)
            ),
        ),
        (
            if en {
                "Satisfaction (1–5)"
            } else {
                "满意度（1–5）"
            }
            .into(),
            opt(r.satisfaction_avg, ""),
        ),
    ];
    w.heading(if en { "Summary" } else { "概况" });
    let cols = [
        Col {
            title: if en { "Measure" } else { "指标" }.into(),
            width: 100.0,
            align: Align::Left,
        },
        Col {
            title: if en { "Value" } else { "数值" }.into(),
            width: 80.0,
            align: Align::Right,
        },
    ];
    let rows: Vec<Vec<String>> = summary.into_iter().map(|(a, b)| vec![a, b]).collect();
    w.table(&cols, &rows);
    let status_label = |k: &str| {
        ComplaintStatus::parse(k)
            .map(|s| if en { s.label_en() } else { s.label_zh() }.to_string())
            .unwrap_or_else(|| k.to_string())
    };
    counts(
        &mut w,
        if en { "By status" } else { "按状态" },
        if en { "Status" } else { "状态" },
        &r.by_status,
        &status_label,
        r.total,
    );
    let cat_label = |k: &str| choice_label(&settings.categories, k, en);
    counts(
        &mut w,
        if en { "By category" } else { "按类别" },
        if en { "Category" } else { "类别" },
        &r.by_category,
        &cat_label,
        r.total,
    );
    let prio_label = |k: &str| {
        Priority::parse(k)
            .map(|p| p.key().to_uppercase())
            .unwrap_or_else(|| k.to_string())
    };
    counts(
        &mut w,
        if en { "By priority" } else { "按优先级" },
        if en { "Priority" } else { "优先级" },
        &r.by_priority,
        &prio_label,
        r.total,
    );
    let names: std::collections::HashMap<&str, &str> = r
        .complaints
        .iter()
        .map(|c| (c.distributor_code.as_str(), c.distributor_name.as_str()))
        .collect();
    let dist_label = |k: &str| format!("{k} {}", names.get(k).copied().unwrap_or(""));
    counts(
        &mut w,
        if en { "By distributor" } else { "按经销商" },
        if en { "Distributor" } else { "经销商" },
        &r.by_distributor,
        &dist_label,
        r.total,
    );

    w.heading(if en {
        "Recurring problems (Pareto)"
    } else {
        "重复问题（帕累托）"
    });
    let cols = [
        Col {
            title: if en { "Category" } else { "类别" }.into(),
            width: 55.0,
            align: Align::Left,
        },
        Col {
            title: if en { "Product" } else { "产品" }.into(),
            width: 65.0,
            align: Align::Left,
        },
        Col {
            title: if en { "Count" } else { "件数" }.into(),
            width: 25.0,
            align: Align::Right,
        },
        Col {
            title: if en { "Cumulative" } else { "累计占比" }.into(),
            width: 35.0,
            align: Align::Right,
        },
    ];
    let rows: Vec<Vec<String>> = r
        .pareto
        .iter()
        .map(|p| {
            vec![
                cat_label(&p.category),
                if p.product.is_empty() {
                    "—".into()
                } else {
                    p.product.clone()
                },
                p.count.to_string(),
                format!("{:.1}%", p.cumulative_pct),
            ]
        })
        .collect();
    w.table(&cols, &rows);

    w.heading(if en { "Complaints" } else { "客诉清单" });
    let cols = [
        Col {
            title: if en { "Number" } else { "编号" }.into(),
            width: 24.0,
            align: Align::Left,
        },
        Col {
            title: if en { "Distributor" } else { "经销商" }.into(),
            width: 38.0,
            align: Align::Left,
        },
        Col {
            title: if en { "Received" } else { "受理时间" }.into(),
            width: 24.0,
            align: Align::Left,
        },
        Col {
            title: if en {
                "Category / product"
            } else {
                "类别 / 产品"
            }
            .into(),
            width: 34.0,
            align: Align::Left,
        },
        Col {
            title: if en { "Prio." } else { "级别" }.into(),
            width: 10.0,
            align: Align::Left,
        },
        Col {
            title: if en { "Status" } else { "状态" }.into(),
            width: 20.0,
            align: Align::Left,
        },
        Col {
            title: if en { "Resp. h" } else { "响应工时" }.into(),
            width: 15.0,
            align: Align::Right,
        },
        Col {
            title: if en { "Res. h" } else { "解决工时" }.into(),
            width: 15.0,
            align: Align::Right,
        },
    ];
    let rows: Vec<Vec<String>> = r
        .complaints
        .iter()
        .map(|c| {
            vec![
                c.number.clone(),
                c.distributor_name.clone(),
                c.received_at[..16.min(c.received_at.len())].to_string(),
                format!("{} / {}", cat_label(&c.category), c.product),
                c.priority.key().to_uppercase(),
                status_label(c.status.key()),
                format!("{:.1}", hours(c.sla.first_response.elapsed_secs)),
                format!("{:.1}", hours(c.sla.resolution.elapsed_secs)),
            ]
        })
        .collect();
    w.table(&cols, &rows);

    w.finish()
}
