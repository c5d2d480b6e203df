//! The distribution agreement as an A4 PDF: title, the parties, the numbered
//! clauses filled from the template (with tables where the template asks),
//! the annexes (targets, rebate ladder, territory), amounts in figures and in
//! Chinese capitals, signature and seal blocks, and page numbers.
use crate::agreement::template::{fill, Block, TableKind};
use crate::agreement::Agreement;
use crate::error::AppResult;
use crate::lang::Lang;
use crate::money::Money;
use crate::pdf::flow::{Col, Flow, LEFT, RIGHT};
use crate::pdf::{Align, Style, Weight};
use crate::settings::CompanyProfile;
use crate::words::amount_in_words;

/// The distributor's particulars printed as the second party.
#[derive(Debug, Clone, Default)]
pub struct Party {
    pub name: String,
    pub uscc: String,
    pub legal_representative: String,
    pub address: String,
    pub phone: String,
}

pub struct AgreementPrint<'a> {
    pub agreement: &'a Agreement,
    pub party: &'a Party,
    pub company: &'a CompanyProfile,
    /// The clause template of the language printed.
    pub template: &'a str,
    pub lang: Lang,
}

/// 1 → 一, 12 → 十二, 20 → 二十, 35 → 三十五 (clause numbers).
pub fn chinese_number(n: usize) -> String {
    const D: [&str; 10] = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九"];
    match n {
        0..=9 => D[n].into(),
        10..=19 => format!("十{}", if n == 10 { "" } else { D[n - 10] }),
        20..=99 => format!(
            "{}十{}",
            D[n / 10],
            if n.is_multiple_of(10) { "" } else { D[n % 10] }
        ),
        _ => n.to_string(),
    }
}

fn money_words(m: Money) -> String {
    amount_in_words(m.fen())
}

fn targets_total(a: &Agreement) -> Money {
    Money::from_fen(a.targets.iter().map(|t| t.amount.fen()).sum())
}

/// The text placeholders' values.
fn value(p: &AgreementPrint, name: &str) -> String {
    let a = p.agreement;
    let en = p.lang.is_en();
    let dash = || "—".to_string();
    let or_dash = |s: &str| {
        if s.trim().is_empty() {
            dash()
        } else {
            s.to_owned()
        }
    };
    match name {
        "agreement.number" => a.number.clone(),
        "agreement.version" => a.version.to_string(),
        "company.name" => or_dash(&p.company.name),
        "company.address" => or_dash(&p.company.address),
        "company.phone" => or_dash(&p.company.phone),
        "company.tax_no" => or_dash(&p.company.tax_no),
        "company.bank" => or_dash(&format!(
            "{} {}",
            p.company.bank_name, p.company.bank_account
        )),
        "distributor.name" => p.party.name.clone(),
        "distributor.code" => a.distributor_code.clone(),
        "distributor.uscc" => or_dash(&p.party.uscc),
        "distributor.address" => or_dash(&p.party.address),
        "distributor.legal_representative" => or_dash(&p.party.legal_representative),
        "distributor.phone" => or_dash(&p.party.phone),
        "term.start" => a.term_start.clone(),
        "term.end" => a.term_end.clone(),
        "territory" => a
            .territories
            .iter()
            .map(|t| t.label())
            .collect::<Vec<_>>()
            .join(if en { "; " } else { "、" }),
        "exclusive" => match (a.exclusive, en) {
            (true, false) => "独家经销".into(),
            (false, false) => "非独家经销".into(),
            (true, true) => "exclusive".into(),
            (false, true) => "non-exclusive".into(),
        },
        "payment.days" => a.payment_days.to_string(),
        "payment.method" => a.payment_method.label(p.lang).into(),
        "credit_limit" => a.credit_limit.grouped(),
        "credit_limit.words" => money_words(a.credit_limit),
        "discount_pct" => a.discount_pct.clone(),
        "buyback_pct" => a.buyback_pct.clone(),
        "targets.total" => targets_total(a).grouped(),
        "targets.total.words" => money_words(targets_total(a)),
        "special_clauses" => {
            if a.special_clauses.trim().is_empty() {
                if en { "None." } else { "无。" }.into()
            } else {
                a.special_clauses.clone()
            }
        }
        _ => String::new(),
    }
}

fn table(w: &mut Flow, a: &Agreement, kind: TableKind) {
    let en = w.en;
    let t = |zh: &str, e: &str| if en { e.to_owned() } else { zh.to_owned() };
    match kind {
        TableKind::Targets => {
            let cols = [
                Col::new(t("考核期", "Period"), 30.0, Align::Left),
                Col::new(t("起", "From"), 22.0, Align::Left),
                Col::new(t("止", "To"), 22.0, Align::Left),
                Col::new(t("目标金额（元）", "Target (CNY)"), 34.0, Align::Right),
                Col::new("", 6.0, Align::Left),
                Col::new(t("大写", "In Chinese capitals"), 66.0, Align::Left),
            ];
            let mut rows: Vec<Vec<String>> = a
                .targets
                .iter()
                .map(|x| {
                    vec![
                        x.label.clone(),
                        x.from.clone(),
                        x.to.clone(),
                        x.amount.grouped(),
                        String::new(),
                        money_words(x.amount),
                    ]
                })
                .collect();
            let total = targets_total(a);
            rows.push(vec![
                t("合计", "Total"),
                String::new(),
                String::new(),
                total.grouped(),
                String::new(),
                money_words(total),
            ]);
            w.table(&cols, &rows);
        }
        TableKind::Rebate => {
            let cols = [
                Col::new(t("档位", "Step"), 20.0, Align::Left),
                Col::new(t("目标达成率 ≥", "Achievement ≥"), 50.0, Align::Right),
                Col::new(
                    t("返利比例（占当期销售额）", "Rebate (of period sales)"),
                    60.0,
                    Align::Right,
                ),
            ];
            let rows: Vec<Vec<String>> = a
                .ladder
                .iter()
                .enumerate()
                .map(|(i, s)| {
                    vec![
                        (i + 1).to_string(),
                        format!("{}%", s.threshold_pct),
                        format!("{}%", s.rebate_pct),
                    ]
                })
                .collect();
            w.table(&cols, &rows);
        }
        TableKind::Territory => {
            let cols = [
                Col::new("#", 10.0, Align::Left),
                Col::new(t("省", "Province"), 40.0, Align::Left),
                Col::new(t("市", "City"), 40.0, Align::Left),
                Col::new(t("区/县", "County"), 40.0, Align::Left),
                Col::new(t("销售大区", "Sales region"), 50.0, Align::Left),
            ];
            let all = t("全境", "all");
            let rows: Vec<Vec<String>> = a
                .territories
                .iter()
                .enumerate()
                .map(|(i, x)| {
                    let area = |s: &str, parent: &str| {
                        if !x.region.is_empty() {
                            String::new()
                        } else if s.is_empty() && !parent.is_empty() {
                            all.clone()
                        } else {
                            s.to_owned()
                        }
                    };
                    vec![
                        (i + 1).to_string(),
                        x.province.clone(),
                        area(&x.city, &x.province),
                        area(&x.county, &x.city),
                        x.region.clone(),
                    ]
                })
                .collect();
            w.table(&cols, &rows);
        }
    }
}

fn party_block(w: &mut Flow, title: &str, lines: &[(String, String)]) {
    w.ensure(6.0 + lines.len() as f32 * 5.0);
    w.doc.text(
        w.page,
        (LEFT, w.y + 4.0),
        Style::new(10.0, Weight::Bold, Align::Left),
        title,
    );
    w.y += 6.0;
    for (k, v) in lines {
        w.doc.text(
            w.page,
            (LEFT + 4.0, w.y + 3.6),
            Style::new(9.0, Weight::Regular, Align::Left),
            &format!("{k}{v}"),
        );
        w.y += 4.8;
    }
    w.y += 2.0;
}

fn signatures(w: &mut Flow, company: &str, distributor: &str) {
    let en = w.en;
    w.ensure(62.0);
    w.y += 8.0;
    let half = (RIGHT - LEFT) / 2.0;
    let sides = [
        (
            if en {
                "Manufacturer (seal)"
            } else {
                "甲方（盖章）"
            },
            company,
        ),
        (
            if en {
                "Distributor (seal)"
            } else {
                "乙方（盖章）"
            },
            distributor,
        ),
    ];
    let top = w.y;
    for (i, (title, name)) in sides.iter().enumerate() {
        let x = LEFT + i as f32 * half;
        let s = Style::new(9.0, Weight::Regular, Align::Left);
        w.doc.text(
            w.page,
            (x, top + 4.0),
            Style::new(9.5, Weight::Bold, Align::Left),
            title,
        );
        w.doc.text(w.page, (x, top + 10.0), s, name);
        w.doc.rect(w.page, x + 45.0, top + 14.0, 32.0, 32.0, 0.2);
        w.doc.text(
            w.page,
            (x + 61.0, top + 31.0),
            Style::new(7.0, Weight::Regular, Align::Center),
            if en { "Seal" } else { "盖章处" },
        );
        let rep = if en {
            "Authorised signatory:"
        } else {
            "授权代表（签字）："
        };
        let date = if en { "Date:" } else { "日期：" };
        w.doc.text(w.page, (x, top + 24.0), s, rep);
        w.doc.line(w.page, x, top + 32.0, x + 40.0, top + 32.0, 0.2);
        w.doc.text(w.page, (x, top + 40.0), s, date);
        w.doc
            .line(w.page, x + 10.0, top + 41.0, x + 40.0, top + 41.0, 0.2);
    }
    w.y = top + 50.0;
}

pub fn render(p: &AgreementPrint) -> AppResult<Vec<u8>> {
    let a = p.agreement;
    let en = p.lang.is_en();
    let title = if en {
        "Distribution Agreement"
    } else {
        "经销协议"
    };
    let version = if en {
        format!(
            "No. {} · version {} ({})",
            a.number,
            a.version,
            a.kind.label(Lang::En)
        )
    } else {
        format!(
            "协议编号：{}（第 {} 版 · {}）",
            a.number,
            a.version,
            a.kind.label(Lang::ZhCn)
        )
    };
    let running = format!("{title} · {} v{}", a.number, a.version);
    let mut w = Flow::new(title, en, running);
    w.logo(p.company.logo.as_ref());
    w.doc.text(
        w.page,
        (105.0, 24.0),
        Style::new(18.0, Weight::Bold, Align::Center),
        title,
    );
    w.doc.text(
        w.page,
        (105.0, 31.0),
        Style::new(9.0, Weight::Regular, Align::Center),
        &version,
    );
    w.y = 38.0;
    let l = |zh: &str, e: &str| if en { e.to_owned() } else { zh.to_owned() };
    let dash = |s: &str| {
        if s.trim().is_empty() {
            "—".to_owned()
        } else {
            s.to_owned()
        }
    };
    party_block(
        &mut w,
        &l("甲方（供货方）", "Manufacturer"),
        &[
            (l("名称：", "Name: "), dash(&p.company.name)),
            (l("统一社会信用代码：", "USCC: "), dash(&p.company.tax_no)),
            (l("地址：", "Address: "), dash(&p.company.address)),
            (l("电话：", "Phone: "), dash(&p.company.phone)),
        ],
    );
    party_block(
        &mut w,
        &l("乙方（经销商）", "Distributor"),
        &[
            (l("名称：", "Name: "), dash(&p.party.name)),
            (l("统一社会信用代码：", "USCC: "), dash(&p.party.uscc)),
            (
                l("法定代表人：", "Legal representative: "),
                dash(&p.party.legal_representative),
            ),
            (l("地址：", "Address: "), dash(&p.party.address)),
        ],
    );
    w.paragraph(
        &l(
            "甲乙双方本着平等互利、诚实信用的原则，经友好协商，就乙方经销甲方产品事宜达成如下协议，共同遵守：",
            "The parties, on the principles of equality, mutual benefit and good faith, agree as follows on the Distributor's sale of the Manufacturer's products:",
        ),
        9.5,
        Weight::Regular,
        0.0,
    );
    let blocks = fill(p.template, &|name| value(p, name));
    let mut n = 0;
    for b in blocks {
        match b {
            Block::Clause(t) => {
                n += 1;
                let head = if en {
                    format!("Article {n}. {t}")
                } else {
                    format!("第{}条 {t}", chinese_number(n))
                };
                w.heading(&head);
            }
            Block::Para(t) => w.paragraph(&t, 9.5, Weight::Regular, 0.0),
            Block::Table(k) => {
                table(&mut w, a, k);
                w.y += 2.0;
            }
        }
    }
    signatures(&mut w, &p.company.name, &p.party.name);
    let annexes = [
        (
            l("附件一：销售目标", "Annex 1: Sales targets"),
            TableKind::Targets,
        ),
        (
            l("附件二：返利阶梯", "Annex 2: Rebate ladder"),
            TableKind::Rebate,
        ),
        (
            l("附件三：授权区域", "Annex 3: Territory"),
            TableKind::Territory,
        ),
    ];
    for (title, kind) in annexes {
        w.heading(&title);
        table(&mut w, a, kind);
        w.y += 2.0;
    }
    w.heading(&l("附件四：结算条款", "Annex 4: Settlement terms"));
    let terms = [
        (
            l("结算方式", "Payment method"),
            a.payment_method.label(p.lang).to_owned(),
        ),
        (l("账期（天）", "Payment days"), a.payment_days.to_string()),
        (
            l("信用额度（元）", "Credit limit (CNY)"),
            a.credit_limit.grouped(),
        ),
        (
            l("信用额度大写", "Credit limit in Chinese capitals"),
            money_words(a.credit_limit),
        ),
        (
            l("价格折让", "Price discount"),
            format!("{}%", a.discount_pct),
        ),
        (
            l("库存回购比例", "Stock buy-back"),
            format!("{}%", a.buyback_pct),
        ),
        (l("经销方式", "Exclusivity"), value(p, "exclusive")),
        (
            l("协议期限", "Term"),
            format!("{} ~ {}", a.term_start, a.term_end),
        ),
    ];
    let cols = [
        Col::new(l("项目", "Item"), 60.0, Align::Left),
        Col::new(l("约定", "Agreed"), 120.0, Align::Left),
    ];
    let rows: Vec<Vec<String>> = terms.into_iter().map(|(k, v)| vec![k, v]).collect();
    w.table(&cols, &rows);
    w.finish()
}

#[cfg(test)]
mod tests {
    #[test]
    fn clause_numbers_in_chinese() {
        let n: Vec<String> = [1, 9, 10, 11, 20, 21, 35]
            .iter()
            .map(|n| super::chinese_number(*n))
            .collect();
        assert_eq!(n, ["一", "九", "十", "十一", "二十", "二十一", "三十五"]);
    }
}
