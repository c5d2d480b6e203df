//! The receivables list on a date as an A4 PDF: one row per distributor with
//! its buckets, limit, oldest overdue days and the answer to its latest
//! statement, a totals row, and the company's name and the date on top.
use super::receivables::Receivables;
use super::runs::ConfirmStatus;
use crate::error::AppResult;
use crate::lang::Lang;
use crate::pdf::flow::{Col, Flow};
use crate::pdf::{Align, Style, Weight};
use crate::settings::CompanyProfile;

/// A short label for the latest statement's answer.
pub fn confirmation_label(c: Option<ConfirmStatus>, en: bool) -> &'static str {
    match (c, en) {
        (None, true) => "",
        (None, false) => "",
        (Some(ConfirmStatus::Confirmed), true) => "Confirmed",
        (Some(ConfirmStatus::Confirmed), false) => "已确认",
        (Some(ConfirmStatus::Disputed), true) => "Disputed",
        (Some(ConfirmStatus::Disputed), false) => "有异议",
        (Some(ConfirmStatus::NoAnswer), true) => "Unanswered",
        (Some(ConfirmStatus::NoAnswer), false) => "未回复",
    }
}

pub fn render(
    r: &Receivables,
    profile: &CompanyProfile,
    lang: Lang,
    printed: &str,
) -> AppResult<Vec<u8>> {
    let company = profile.name.as_str();
    let en = lang.is_en();
    let title = if en {
        "Receivables aging"
    } else {
        "应收账款账龄表"
    };
    let running = format!("{company} · {title} {}", r.as_of);
    let mut w = Flow::new(title, en, running);
    w.logo(profile.logo.as_ref());
    if !company.is_empty() {
        w.doc.text(
            w.page,
            (105.0, 18.0),
            Style::new(12.0, Weight::Bold, Align::Center),
            company,
        );
    }
    w.doc.text(
        w.page,
        (105.0, 26.0),
        Style::new(16.0, Weight::Bold, Align::Center),
        title,
    );
    let sub = if en {
        format!(
            "As of {} · {} distributors · printed {printed}",
            r.as_of,
            r.distributors.len()
        )
    } else {
        format!(
            "截至 {} · 经销商 {} 家 · 打印日期 {printed}",
            r.as_of,
            r.distributors.len()
        )
    };
    w.doc.text(
        w.page,
        (105.0, 32.0),
        Style::new(8.5, Weight::Regular, Align::Center),
        &sub,
    );
    w.y = 37.0;
    let b = &r.buckets;
    let overdue = |label: &str| {
        if en {
            format!("{label} d")
        } else {
            format!("逾期{label}天")
        }
    };
    let (l, rt) = (Align::Left, Align::Right);
    // A4 portrait holds 180 mm: the credit limit stays in the XLSX; here the
    // over-limit mark says what it means.
    let cols = vec![
        Col::new(if en { "Code" } else { "编号" }, 15.0, l),
        Col::new(if en { "Distributor" } else { "经销商" }, 25.0, l),
        Col::new(if en { "Balance" } else { "余额" }, 21.0, rt),
        Col::new(if en { "Not due" } else { "未到期" }, 18.0, rt),
        Col::new(overdue(&b[1]), 17.0, rt),
        Col::new(overdue(&b[2]), 17.0, rt),
        Col::new(overdue(&b[3]), 17.0, rt),
        Col::new(overdue(&b[4]), 17.0, rt),
        Col::new(if en { "Over" } else { "超额" }, 8.0, l),
        Col::new(if en { "Days" } else { "天数" }, 9.0, rt),
        Col::new(if en { "Stmt." } else { "对账" }, 14.0, l),
    ];
    let yes = if en { "yes" } else { "是" };
    let mut rows: Vec<Vec<String>> = r
        .distributors
        .iter()
        .map(|d| {
            vec![
                d.code.clone(),
                d.name.clone(),
                d.closing_balance.grouped(),
                d.not_due.grouped(),
                d.d1_30.grouped(),
                d.d31_60.grouped(),
                d.d61_90.grouped(),
                d.over_90.grouped(),
                if d.over_limit { yes } else { "" }.into(),
                d.oldest_overdue_days
                    .map(|n| n.to_string())
                    .unwrap_or_default(),
                confirmation_label(d.confirmation, en).into(),
            ]
        })
        .collect();
    let t = &r.totals;
    rows.push(vec![
        String::new(),
        if en { "Total" } else { "合计" }.into(),
        t.closing_balance.grouped(),
        t.not_due.grouped(),
        t.d1_30.grouped(),
        t.d31_60.grouped(),
        t.d61_90.grouped(),
        t.over_90.grouped(),
        String::new(),
        String::new(),
        String::new(),
    ]);
    w.table(&cols, &rows);
    w.finish()
}
