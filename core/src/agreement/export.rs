//! The agreement list and a rebate run as CSV or XLSX (Chinese or English headers).
use crate::error::ErrorCode;
use crate::lang::Lang;
use chrono::NaiveDate;
use sea_orm::ConnectionTrait;
use serde::Deserialize;
use ts_rs::TS;

use super::rebate::{self, RebateRunRequest};
use super::{list, AgreementListQuery};
use crate::error::{AppError, AppResult};
use crate::paging::Paging;
use crate::sheet::write_table;

#[derive(Debug, Clone, Deserialize, TS)]
#[ts(export)]
pub struct AgreementExportRequest {
    pub query: AgreementListQuery,
    pub lang: Lang,
    /// `.xlsx` or `.csv`.
    pub path: String,
}

#[derive(Debug, Clone, Deserialize, TS)]
#[ts(export)]
pub struct RebateExportRequest {
    pub run: RebateRunRequest,
    pub lang: Lang,
    pub path: String,
}

fn headers(en: bool, zh: &[&'static str], english: &[&'static str]) -> Vec<&'static str> {
    if en {
        english.to_vec()
    } else {
        zh.to_vec()
    }
}

fn target(path: &str) -> AppResult<std::path::PathBuf> {
    if path.trim().is_empty() {
        return Err(AppError::field("path", ErrorCode::Required));
    }
    Ok(std::path::PathBuf::from(path.trim()))
}

/// Writes the list as the screen shows it (every page); returns the number of rows.
pub async fn export_agreements<C: ConnectionTrait>(
    db: &C,
    access: &crate::actor::Access,
    req: &AgreementExportRequest,
    today: NaiveDate,
) -> AppResult<usize> {
    access.require(crate::actor::Right::Export)?;
    let path = target(&req.path)?;
    let en = req.lang.is_en();
    let every_page = AgreementListQuery {
        paging: Paging::ALL,
        ..req.query.clone()
    };
    let rows: Vec<Vec<String>> = list(db, access, &every_page, today)
        .await?
        .rows
        .into_iter()
        .map(|a| {
            let yes_no = |b: bool| match (b, en) {
                (true, true) => "yes",
                (false, true) => "no",
                (true, false) => "是",
                (false, false) => "否",
            };
            vec![
                a.number,
                a.version.to_string(),
                a.kind.label(req.lang).into(),
                a.distributor_code,
                a.distributor_name,
                a.status.label(req.lang).into(),
                a.term_start,
                a.term_end,
                a.territories
                    .iter()
                    .map(|t| t.label())
                    .collect::<Vec<_>>()
                    .join("; "),
                yes_no(a.exclusive).into(),
                a.payment_days.to_string(),
                a.payment_method.label(req.lang).into(),
                a.credit_limit.to_string(),
                a.discount_pct,
                a.signed_date.unwrap_or_default(),
                a.days_to_end.map(|d| d.to_string()).unwrap_or_default(),
                yes_no(a.conflict).into(),
            ]
        })
        .collect();
    let h = headers(
        en,
        &[
            "协议编号",
            "版本",
            "类型",
            "经销商编号",
            "经销商名称",
            "状态",
            "开始日期",
            "结束日期",
            "授权区域",
            "独家",
            "账期（天）",
            "结算方式",
            "信用额度",
            "价格折让%",
            "签署日期",
            "剩余天数",
            "区域冲突",
        ],
        &[
            "Number",
            "Version",
            "Kind",
            "Distributor code",
            "Distributor",
            "Status",
            "Start",
            "End",
            "Territory",
            "Exclusive",
            "Payment days",
            "Payment method",
            "Credit limit",
            "Discount %",
            "Signed",
            "Days to end",
            "Channel conflict",
        ],
    );
    write_table(&path, &h, &rows, &[12], &[1, 10])?;
    Ok(rows.len())
}

/// Writes a rebate run's lines; returns the number of rows.
pub async fn export_rebates<C: ConnectionTrait>(
    db: &C,
    access: &crate::actor::Access,
    req: &RebateExportRequest,
) -> AppResult<usize> {
    access.require(crate::actor::Right::Export)?;
    let path = target(&req.path)?;
    let run = rebate::preview(db, &req.run).await?;
    let rows: Vec<Vec<String>> = run
        .lines
        .iter()
        .map(|l| {
            vec![
                l.distributor_code.clone(),
                l.distributor_name.clone(),
                format!("{} v{}", l.number, l.version),
                l.target.to_string(),
                l.invoiced.to_string(),
                l.credited.to_string(),
                l.sales.to_string(),
                l.achievement_pct.clone(),
                l.rebate_pct.clone(),
                l.rebate.to_string(),
                l.posted.map(|p| p.to_string()).unwrap_or_default(),
                run.doc_no.clone(),
            ]
        })
        .collect();
    let h = headers(
        req.lang.is_en(),
        &[
            "经销商编号",
            "经销商名称",
            "协议",
            "目标",
            "开票金额",
            "红字冲减",
            "销售额",
            "达成率%",
            "返利比例%",
            "返利金额",
            "已入账",
            "单据号",
        ],
        &[
            "Distributor code",
            "Distributor",
            "Agreement",
            "Target",
            "Invoiced",
            "Credited",
            "Sales",
            "Achievement %",
            "Rebate %",
            "Rebate",
            "Posted",
            "Doc no",
        ],
    );
    write_table(&path, &h, &rows, &[3, 4, 5, 6, 9, 10], &[])?;
    Ok(rows.len())
}
