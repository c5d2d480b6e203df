//! A quarter's review written out: XLSX (one row per distributor) or an A4
//! PDF with one page per distributor (indicators with their values, scores
//! and basis, the quarter's violations, total, grade, warning, comment and
//! signature lines), in Chinese or English.
use sea_orm::ConnectionTrait;
use serde::Deserialize;
use ts_rs::TS;

use super::{Grade, QuarterReview, Scorecard};
use crate::error::{AppError, AppResult, ErrorCode};
use crate::lang::Lang;
use crate::pdf::flow::{Col, Flow, LEFT, RIGHT};
use crate::pdf::{Align, Style, Weight};

#[derive(Debug, Clone, Deserialize, TS)]
#[ts(export)]
pub struct ReviewFileRequest {
    pub quarter: String,
    /// `zh-CN` or `en`.
    pub lang: Lang,
    /// `.xlsx` or `.pdf`.
    pub path: String,
    /// The rows to write (the list as filtered on screen); empty: all.
    #[ts(type = "number[]")]
    #[serde(default)]
    pub distributor_ids: Vec<i64>,
}

const KEYS: [(&str, &str, &str); 5] = [
    ("achievement", "销售目标达成", "Sales target achievement"),
    ("growth", "同比增长", "Year-on-year growth"),
    ("payment", "回款纪律", "Payment discipline"),
    ("training", "培训达标", "Training"),
    ("rating", "经理评价", "Manager's rating"),
];

fn grade_text(g: Option<Grade>) -> String {
    match g {
        Some(Grade::A) => "A",
        Some(Grade::B) => "B",
        Some(Grade::C) => "C",
        Some(Grade::D) => "D",
        None => "",
    }
    .to_string()
}

fn warning_text(level: Option<u8>, en: bool) -> String {
    match (level, en) {
        (Some(1), false) => "一级预警".into(),
        (Some(2), false) => "二级预警".into(),
        (Some(1), true) => "Level-1 warning".into(),
        (Some(2), true) => "Level-2 warning".into(),
        _ => String::new(),
    }
}

/// The basis in the document's language.
fn basis_text(basis: &str, en: bool) -> String {
    if en {
        return basis.to_string();
    }
    match basis {
        "< bands" => "低于所有档位".into(),
        "closing ≤ 0" => "期末无欠款".into(),
        "entered" => "考核人录入".into(),
        b => b.to_string(),
    }
}

/// Writes the review as XLSX or PDF (by extension); returns the path.
pub async fn write_file<C: ConnectionTrait>(
    db: &C,
    access: &crate::actor::Access,
    req: &ReviewFileRequest,
    printed: chrono::NaiveDate,
) -> AppResult<String> {
    access.require(crate::actor::Right::Export)?;
    let quarter = super::parse_quarter("quarter", &req.quarter)?;
    let mut r = super::review_for(db, access, quarter).await?;
    if !req.distributor_ids.is_empty() {
        r.distributors
            .retain(|c| req.distributor_ids.contains(&c.distributor_id));
    }
    let path = std::path::PathBuf::from(req.path.trim());
    if req.path.trim().is_empty() {
        return Err(AppError::field("path", ErrorCode::Required));
    }
    let ext = path
        .extension()
        .map(|e| e.to_string_lossy().to_ascii_lowercase())
        .unwrap_or_default();
    match ext.as_str() {
        "xlsx" => write_xlsx(&path, &r, req.lang)?,
        "pdf" => {
            let (from, to) = (quarter.first_day(), quarter.last_day());
            let violations: Vec<crate::violation::Violation> =
                crate::violation::list(db, access, None)
                    .await?
                    .into_iter()
                    .filter(|v| {
                        v.cancelled.is_none()
                            && crate::dates::parse_date(&v.occurred_on)
                                .is_some_and(|d| from <= d && d <= to)
                    })
                    .collect();
            let kinds = crate::violation::load_settings(db).await?.kinds;
            let company = crate::settings::load_company(db).await?;
            let lang = req.lang;
            let printed = printed.to_string();
            let bytes = tokio::task::spawn_blocking(move || {
                render(&r, &violations, &kinds, &company, lang, &printed)
            })
            .await
            .map_err(AppError::io)??;
            crate::pdf::write_atomically(&path, &bytes)?;
        }
        _ => return Err(AppError::field("path", ErrorCode::FileType)),
    }
    Ok(path.display().to_string())
}

fn write_xlsx(path: &std::path::Path, r: &QuarterReview, lang: Lang) -> AppResult<()> {
    let en = lang.is_en();
    let mut headers: Vec<String> = if en {
        [
            "Code",
            "Distributor",
            "Tier",
            "Sales",
            "Target",
            "Achievement %",
            "Last year's sales",
            "Growth %",
            "Closing balance",
            "Not due",
            "Training %",
            "Rating",
        ]
    } else {
        [
            "经销商编号",
            "经销商名称",
            "等级",
            "销售额",
            "目标",
            "达成率%",
            "上年同期销售额",
            "增长率%",
            "期末余额",
            "未到期",
            "培训覆盖%",
            "经理评价",
        ]
    }
    .iter()
    .map(|s| s.to_string())
    .collect();
    for (_, zh, e) in KEYS {
        headers.push(if en {
            format!("{e} score")
        } else {
            format!("{zh}得分")
        });
    }
    for h in if en {
        ["Deductions", "Total", "Grade", "Warning", "Comment"]
    } else {
        ["扣分", "总分", "等级评定", "预警", "评语"]
    } {
        headers.push(h.to_string());
    }
    let opt = |v: &Option<String>| v.clone().unwrap_or_default();
    let rows: Vec<Vec<String>> = r
        .distributors
        .iter()
        .map(|c| {
            let mut row = vec![
                c.code.clone(),
                c.name.clone(),
                if en {
                    c.tier.label_en().to_string()
                } else {
                    c.tier.label_zh().to_string()
                },
                c.sales.to_string(),
                c.target.to_string(),
                opt(&c.achievement_pct),
                c.last_year_sales.to_string(),
                opt(&c.growth_pct),
                c.closing_balance.to_string(),
                c.not_due.to_string(),
                opt(&c.training_pct),
                opt(&c.rating),
            ];
            for (k, _, _) in KEYS {
                row.push(
                    c.indicators
                        .get(k)
                        .and_then(|i| i.score.clone())
                        .unwrap_or_default(),
                );
            }
            row.push(c.deductions.clone());
            row.push(opt(&c.total));
            row.push(grade_text(c.grade));
            row.push(warning_text(c.warning_level, en));
            row.push(c.comment.clone());
            row
        })
        .collect();
    let h: Vec<&str> = headers.iter().map(String::as_str).collect();
    // Amounts, percentages and scores are numbers with two decimals.
    let numbers: Vec<usize> = (3..=18).collect();
    crate::sheet::write_table(path, &h, &rows, &numbers, &[])
}

fn page(
    w: &mut Flow,
    r: &QuarterReview,
    c: &Scorecard,
    violations: &[&crate::violation::Violation],
    kinds: &[crate::violation::ViolationKind],
    company: &crate::settings::CompanyProfile,
) {
    let en = w.en;
    w.logo(company.logo.as_ref());
    let title = if en {
        format!("Quarterly scorecard {}", r.quarter)
    } else {
        format!("{} 季度考核表", r.quarter)
    };
    w.doc.text(
        w.page,
        ((LEFT + RIGHT) / 2.0, w.y + 6.0),
        Style::new(15.0, Weight::Bold, Align::Center),
        &title,
    );
    w.y += 10.0;
    if !company.name.is_empty() {
        w.paragraph(&company.name, 8.5, Weight::Regular, 0.0);
    }
    let state = if r.finalised {
        if en {
            format!("finalised, revision {}", c.revision)
        } else {
            format!("已定稿，第 {} 版", c.revision)
        }
    } else if en {
        "live (not finalised)".to_string()
    } else {
        "实时计算（未定稿）".to_string()
    };
    let head = if en {
        format!(
            "{} {} · tier {} · {} – {} · {}",
            c.code,
            c.name,
            c.tier.label_en(),
            r.from,
            r.to,
            state
        )
    } else {
        format!(
            "{} {} · {} · {} 至 {} · {}",
            c.code,
            c.name,
            c.tier.label_zh(),
            r.from,
            r.to,
            state
        )
    };
    w.paragraph(&head, 9.0, Weight::Bold, 0.0);

    w.heading(if en { "Indicators" } else { "考核指标" });
    let cols = [
        Col::new(if en { "Indicator" } else { "指标" }, 42.0, Align::Left),
        Col::new(if en { "Weight" } else { "权重" }, 16.0, Align::Right),
        Col::new(if en { "Value" } else { "数值" }, 24.0, Align::Right),
        Col::new(if en { "Score" } else { "得分" }, 20.0, Align::Right),
        Col::new(if en { "Basis" } else { "计算依据" }, 78.0, Align::Left),
    ];
    let na = if en { "not applicable" } else { "不适用" };
    let rows: Vec<Vec<String>> = KEYS
        .iter()
        .map(|(k, zh, e)| {
            let i = c.indicators.get(*k);
            let applicable = i.is_some_and(|i| i.applicable);
            vec![
                if en { e.to_string() } else { zh.to_string() },
                i.map(|i| i.weight.to_string()).unwrap_or_default(),
                i.and_then(|i| i.value.clone())
                    .map(|v| format!("{v}%"))
                    .unwrap_or_default(),
                if applicable {
                    i.and_then(|i| i.score.clone()).unwrap_or_default()
                } else {
                    na.to_string()
                },
                i.map(|i| basis_text(&i.basis, en)).unwrap_or_default(),
            ]
        })
        .collect();
    w.table(&cols, &rows);
    let figures = if en {
        format!(
            "Sales {} · target {} · last year {} · closing balance {} · not due {}",
            c.sales, c.target, c.last_year_sales, c.closing_balance, c.not_due
        )
    } else {
        format!(
            "销售额 {} · 目标 {} · 上年同期 {} · 期末余额 {} · 其中未到期 {}",
            c.sales, c.target, c.last_year_sales, c.closing_balance, c.not_due
        )
    };
    w.y += 1.5;
    w.paragraph(&figures, 7.5, Weight::Regular, 0.0);

    w.heading(if en { "Violations" } else { "违规扣分" });
    if violations.is_empty() {
        w.paragraph(if en { "None." } else { "无。" }, 8.0, Weight::Regular, 0.0);
    } else {
        let cols = [
            Col::new(if en { "Date" } else { "日期" }, 24.0, Align::Left),
            Col::new(if en { "Kind" } else { "类别" }, 36.0, Align::Left),
            Col::new(if en { "Description" } else { "说明" }, 100.0, Align::Left),
            Col::new(if en { "Points" } else { "扣分" }, 20.0, Align::Right),
        ];
        let rows: Vec<Vec<String>> = violations
            .iter()
            .map(|v| {
                let kind = kinds
                    .iter()
                    .find(|k| k.key == v.kind)
                    .map(|k| {
                        if en {
                            k.label_en.clone()
                        } else {
                            k.label_zh.clone()
                        }
                    })
                    .unwrap_or_else(|| v.kind.clone());
                vec![
                    v.occurred_on.clone(),
                    kind,
                    v.description.clone(),
                    v.points.clone(),
                ]
            })
            .collect();
        w.table(&cols, &rows);
    }

    w.heading(if en { "Result" } else { "考核结果" });
    let total = c
        .total
        .clone()
        .unwrap_or_else(|| if en { "not rated" } else { "未评分" }.to_string());
    let result = if en {
        format!(
            "Deductions {} · total {} · grade {} {}",
            c.deductions,
            total,
            grade_text(c.grade),
            warning_text(c.warning_level, en)
        )
    } else {
        format!(
            "扣分 {} · 总分 {} · 等级 {} {}",
            c.deductions,
            total,
            grade_text(c.grade),
            warning_text(c.warning_level, en)
        )
    };
    w.paragraph(result.trim_end(), 10.0, Weight::Bold, 0.0);
    let comment = if c.comment.is_empty() {
        if en { "—" } else { "（无）" }.to_string()
    } else {
        c.comment.clone()
    };
    w.paragraph(
        &format!("{}{comment}", if en { "Comment: " } else { "评语：" }),
        8.5,
        Weight::Regular,
        0.0,
    );

    w.ensure(30.0);
    w.y += 14.0;
    let half = (RIGHT - LEFT) / 2.0;
    for (i, label) in if en {
        ["Reviewer (signature)", "Distributor (signature)"]
    } else {
        ["考核人（签字）", "经销商（签字）"]
    }
    .iter()
    .enumerate()
    {
        let x = LEFT + half * i as f32;
        w.doc.line(w.page, x, w.y, x + half - 10.0, w.y, 0.3);
        w.doc.text(
            w.page,
            (x, w.y + 4.0),
            Style::new(8.0, Weight::Regular, Align::Left),
            label,
        );
        w.doc.text(
            w.page,
            (x, w.y + 9.0),
            Style::new(8.0, Weight::Regular, Align::Left),
            if en { "Date:" } else { "日期：" },
        );
    }
    w.y += 12.0;
}

/// One page per distributor.
pub fn render(
    r: &QuarterReview,
    violations: &[crate::violation::Violation],
    kinds: &[crate::violation::ViolationKind],
    company: &crate::settings::CompanyProfile,
    lang: Lang,
    printed: &str,
) -> AppResult<Vec<u8>> {
    let en = lang.is_en();
    let running = if en {
        format!("Quarterly scorecards {} · printed {printed}", r.quarter)
    } else {
        format!("{} 季度考核表 · 打印日期 {printed}", r.quarter)
    };
    let mut w = Flow::new(&running, en, running.clone());
    if r.distributors.is_empty() {
        w.paragraph(
            if en {
                "No distributor to review in this quarter."
            } else {
                "本季度没有需要考核的经销商。"
            },
            10.0,
            Weight::Regular,
            0.0,
        );
    }
    for (i, c) in r.distributors.iter().enumerate() {
        if i > 0 {
            w.page_break();
        }
        let mine: Vec<&crate::violation::Violation> = violations
            .iter()
            .filter(|v| v.distributor_id == c.distributor_id)
            .collect();
        page(&mut w, r, c, &mine, kinds, company);
    }
    w.finish()
}
