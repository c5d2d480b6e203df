//! Clause templates (one per language) with `{{placeholders}}`. A line starting
//! with `# ` opens a numbered clause; a table placeholder on a line of its own
//! becomes a table in the PDF. An unknown placeholder is refused when saved.
use crate::actor::Actor;
use crate::actor::Right;
use crate::error::ErrorCode;
use crate::lang::Lang;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::{AppResult, FieldError};

/// Placeholders replaced by text.
pub const TEXT_PLACEHOLDERS: &[&str] = &[
    "agreement.number",
    "agreement.version",
    "company.name",
    "company.address",
    "company.phone",
    "company.tax_no",
    "company.bank",
    "distributor.name",
    "distributor.code",
    "distributor.uscc",
    "distributor.address",
    "distributor.legal_representative",
    "distributor.phone",
    "term.start",
    "term.end",
    "territory",
    "exclusive",
    "payment.days",
    "payment.method",
    "credit_limit",
    "credit_limit.words",
    "discount_pct",
    "buyback_pct",
    "targets.total",
    "targets.total.words",
    "special_clauses",
];

/// Placeholders replaced by a table; each must stand alone on its line.
pub const TABLE_PLACEHOLDERS: &[&str] = &["targets_table", "rebate_table", "territory_table"];

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TableKind {
    Targets,
    Rebate,
    Territory,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Block {
    /// A numbered clause heading (the number is added when printed).
    Clause(String),
    Para(String),
    Table(TableKind),
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct AgreementTemplates {
    pub zh: String,
    pub en: String,
}

impl Default for AgreementTemplates {
    fn default() -> Self {
        AgreementTemplates {
            zh: DEFAULT_ZH.into(),
            en: DEFAULT_EN.into(),
        }
    }
}

impl AgreementTemplates {
    pub fn for_lang(&self, lang: Lang) -> &str {
        if lang.is_en() {
            &self.en
        } else {
            &self.zh
        }
    }
}

const DEFAULT_ZH: &str = "# 授权与区域
甲方授权乙方在以下区域内销售甲方产品（{{exclusive}}）：{{territory}}。
{{territory_table}}
乙方不得在授权区域以外销售或向区域外客户供货（窜货）；经查实的，甲方有权扣减当期返利直至解除本协议。
# 协议期限
本协议自 {{term.start}} 起至 {{term.end}} 止。期满前三十日内双方可协商续签。
# 价格政策
乙方按甲方统一出厂价格表的 {{discount_pct}}% 折让进货，甲方调整价格时提前十五日书面通知乙方。
# 结算条款
结算方式：{{payment.method}}；账期：发货后 {{payment.days}} 天内付清货款。
甲方给予乙方的信用额度为人民币 {{credit_limit}} 元（{{credit_limit.words}}），超出额度的订单须先付款后发货。
# 销售目标
乙方在协议期内的销售目标合计人民币 {{targets.total}} 元（{{targets.total.words}}），分期目标如下：
{{targets_table}}
销售额以甲方开具的发票金额扣减红字发票（退货、折让）后计算。
# 返利
每个考核期结束后，甲方按乙方当期目标达成率对应的返利比例，以当期销售额为基数计算返利，并计入乙方往来账：
{{rebate_table}}
未达到最低档达成率的，当期不计返利。
# 协议终止与退出
任何一方违反本协议且在书面通知后三十日内未纠正的，另一方有权解除本协议。
协议终止后，乙方库存中包装完好、在保质期内的甲方产品，由甲方按进货价的 {{buyback_pct}}% 回购。
# 特别约定
{{special_clauses}}
# 其他
本协议一式两份，甲乙双方各执一份，自双方签字盖章之日起生效。附件为本协议不可分割的组成部分。
";

const DEFAULT_EN: &str = "# Appointment and territory
The Manufacturer appoints the Distributor to sell its products in the following territory ({{exclusive}}): {{territory}}.
{{territory_table}}
The Distributor shall not sell outside the territory or supply customers outside it; proven cross-territory sales entitle the Manufacturer to withhold rebates up to terminating this agreement.
# Term
This agreement runs from {{term.start}} to {{term.end}}. The parties may agree a renewal within thirty days before it ends.
# Prices
The Distributor buys at {{discount_pct}}% off the Manufacturer's list prices. The Manufacturer gives fifteen days' written notice of price changes.
# Payment
Method: {{payment.method}}; invoices are payable within {{payment.days}} days of delivery.
The Distributor's credit limit is CNY {{credit_limit}} ({{credit_limit.words}}); orders beyond it are shipped against payment in advance.
# Sales targets
The Distributor's targets for the term total CNY {{targets.total}} ({{targets.total.words}}), by period:
{{targets_table}}
Sales are the Manufacturer's invoices less credit notes (returns and allowances).
# Rebates
After each period the Manufacturer pays a rebate on the period's sales at the rate for the achievement reached, credited to the Distributor's account:
{{rebate_table}}
Below the lowest step no rebate is due.
# Termination and exit
Either party may terminate if the other breaches this agreement and does not cure the breach within thirty days of written notice.
On termination the Manufacturer buys back the Distributor's stock in original packaging and within its shelf life at {{buyback_pct}}% of the purchase price.
# Special terms
{{special_clauses}}
# General
This agreement is made in two counterparts, one for each party, and takes effect when both parties have signed and sealed it. The annexes form part of it.
";

/// A placeholder's byte range in its line and its name.
type Found = (usize, usize, String);

/// Every `{{name}}` in `text` with its byte range, or the error for a bad one.
fn placeholders(text: &str) -> Result<Vec<Found>, (ErrorCode, String)> {
    let mut out = vec![];
    let mut rest = 0;
    while let Some(open) = text[rest..].find("{{") {
        let start = rest + open;
        let Some(close) = text[start + 2..].find("}}") else {
            let snippet: String = text[start..].chars().take(20).collect();
            return Err((ErrorCode::PlaceholderUnclosed, snippet));
        };
        let end = start + 2 + close + 2;
        let name = text[start + 2..end - 2].trim().to_owned();
        out.push((start, end, name));
        rest = end;
    }
    Ok(out)
}

/// Checks one template: known placeholders only; tables alone on their line.
pub fn check(field: &str, text: &str) -> Result<(), Vec<FieldError>> {
    let mut errs = vec![];
    if text.trim().is_empty() {
        errs.push(FieldError::new(field, ErrorCode::Required));
    }
    for line in text.lines() {
        match placeholders(line) {
            Err((code, detail)) => errs.push(FieldError::with_detail(field, code, detail)),
            Ok(found) => {
                for (_, _, name) in found {
                    if TABLE_PLACEHOLDERS.contains(&name.as_str()) {
                        if line.trim() != format!("{{{{{name}}}}}") {
                            errs.push(FieldError::with_detail(
                                field,
                                ErrorCode::TablePlaceholderInline,
                                name,
                            ));
                        }
                    } else if !TEXT_PLACEHOLDERS.contains(&name.as_str()) {
                        errs.push(FieldError::with_detail(
                            field,
                            ErrorCode::UnknownPlaceholder,
                            name,
                        ));
                    }
                }
            }
        }
    }
    if errs.is_empty() {
        Ok(())
    } else {
        Err(errs)
    }
}

pub fn validate(t: &AgreementTemplates) -> AppResult<()> {
    let mut fields = vec![];
    for (field, text) in [("zh", &t.zh), ("en", &t.en)] {
        if let Err(e) = check(field, text) {
            fields.extend(e);
        }
    }
    if fields.is_empty() {
        Ok(())
    } else {
        Err(crate::AppError::Validation { fields })
    }
}

/// Fills the template: `value(name)` gives each text placeholder's value.
pub fn fill(text: &str, value: &dyn Fn(&str) -> String) -> Vec<Block> {
    let mut out = vec![];
    for raw in text.lines() {
        let line = raw.trim_end();
        if line.trim().is_empty() {
            continue;
        }
        let trimmed = line.trim();
        let table = match trimmed {
            "{{targets_table}}" => Some(TableKind::Targets),
            "{{rebate_table}}" => Some(TableKind::Rebate),
            "{{territory_table}}" => Some(TableKind::Territory),
            _ => None,
        };
        if let Some(t) = table {
            out.push(Block::Table(t));
            continue;
        }
        let filled = substitute(trimmed, value);
        if let Some(title) = filled.strip_prefix("# ") {
            out.push(Block::Clause(title.trim().to_owned()));
        } else {
            // A multi-line value (special clauses) becomes several paragraphs.
            out.extend(
                filled
                    .lines()
                    .map(str::trim)
                    .filter(|l| !l.is_empty())
                    .map(|l| Block::Para(l.to_owned())),
            );
        }
    }
    out
}

fn substitute(line: &str, value: &dyn Fn(&str) -> String) -> String {
    let Ok(found) = placeholders(line) else {
        return line.to_owned();
    };
    let mut s = String::with_capacity(line.len() + 32);
    let mut at = 0;
    for (start, end, name) in found {
        s.push_str(&line[at..start]);
        s.push_str(&value(&name));
        at = end;
    }
    s.push_str(&line[at..]);
    s
}

const KEY: &str = "agreement_templates";

pub async fn load<C: sea_orm::ConnectionTrait>(db: &C) -> AppResult<AgreementTemplates> {
    Ok(crate::settings::get_json(db, KEY)
        .await?
        .unwrap_or_default())
}

pub async fn save<C: sea_orm::ConnectionTrait + sea_orm::TransactionTrait>(
    db: &C,
    actor: &Actor,
    t: AgreementTemplates,
) -> AppResult<AgreementTemplates> {
    actor.require(Right::Channel)?;
    use sea_orm::TransactionSession;
    validate(&t)?;
    let txn = crate::db::write(db).await?;
    let before = load(&txn).await?;
    crate::settings::put_json(&txn, KEY, &t).await?;
    let changes = crate::audit::diff(Some(&before), &t, &[]);
    if !changes.is_empty() {
        crate::audit::record(&txn, actor, "settings", 0, "agreement_templates", &changes).await?;
    }
    txn.commit().await?;
    Ok(t)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn default_templates_are_valid() {
        validate(&AgreementTemplates::default()).unwrap();
    }

    #[test]
    fn unknown_and_misplaced_placeholders_are_refused() {
        let e = check(
            "zh",
            "# 一\n{{distributor.nmae}} 与 {{targets_table}}\n{{oops",
        )
        .unwrap_err();
        let codes: Vec<_> = e.iter().map(|f| (f.code.key(), f.detail.clone())).collect();
        assert!(codes.contains(&("unknown_placeholder", Some("distributor.nmae".into()))));
        assert!(codes.contains(&("table_placeholder_inline", Some("targets_table".into()))));
        assert!(codes.contains(&("placeholder_unclosed", Some("{{oops".into()))));
        assert!(check("zh", "# 一\n{{ term.start }}\n{{targets_table}}").is_ok());
    }

    #[test]
    fn filling_numbers_clauses_tables_and_values() {
        let blocks = fill(
            "# 期限\n自 {{term.start}} 起\n{{targets_table}}\n{{special_clauses}}",
            &|n| match n {
                "term.start" => "2026-01-01".into(),
                "special_clauses" => "甲\n\n乙".into(),
                _ => "?".into(),
            },
        );
        assert_eq!(
            blocks,
            vec![
                Block::Clause("期限".into()),
                Block::Para("自 2026-01-01 起".into()),
                Block::Table(TableKind::Targets),
                Block::Para("甲".into()),
                Block::Para("乙".into()),
            ]
        );
    }
}
