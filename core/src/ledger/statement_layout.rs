//! The statement of account as an A4 PDF: company header, distributor block,
//! the ledger table (header repeated on every page, balance brought forward
//! on continuation pages), totals, closing balance in Chinese capitals, aging,
//! credit, and a tear-off balance-confirmation slip (对账确认回执).
use super::statement::Statement;
use crate::error::AppResult;
use crate::lang::Lang;
use crate::money::Money;
use crate::pdf::{wrap, Align, Doc, Style, Weight, A4_PORTRAIT};
use crate::settings::CompanyProfile;

mod labels;
use labels::{Labels, EN, ZH};

const LEFT: f32 = 15.0;
const RIGHT: f32 = 195.0;
const BOTTOM: f32 = 280.0;
/// Column left edges and widths (mm): date, doc, kind, description, debit, credit, balance.
const COL_X: [f32; 7] = [15.0, 34.0, 61.0, 78.0, 123.0, 147.0, 171.0];
const COL_W: [f32; 7] = [19.0, 27.0, 17.0, 45.0, 24.0, 24.0, 24.0];
const TABLE_SIZE: f32 = 7.5;
const LINE_H: f32 = 3.6;

fn money(m: Money) -> String {
    m.grouped()
}

fn blank_if_zero(m: Money) -> String {
    if m == Money::ZERO {
        String::new()
    } else {
        m.grouped()
    }
}

struct Writer<'a> {
    doc: &'a mut Doc,
    s: &'a Statement,
    company: &'a CompanyProfile,
    l: &'static Labels,
    lang: Lang,
    printed: String,
    /// Pages of this statement (a merged batch holds many statements).
    pages: Vec<usize>,
    page: usize,
    y: f32,
}

impl Writer<'_> {
    fn new_page(&mut self) {
        self.page = self.doc.add_page(A4_PORTRAIT);
        self.pages.push(self.page);
        self.y = 15.0;
    }

    fn text(&mut self, x: f32, y: f32, size: f32, w: Weight, a: Align, t: &str) {
        self.doc.text(self.page, (x, y), Style::new(size, w, a), t);
    }

    fn first_header(&mut self) {
        let l = self.l;
        let c = self.company;
        if let Some(logo) = &c.logo {
            self.doc.picture(
                self.page,
                logo,
                crate::pdf::flow::LOGO_AT,
                crate::pdf::flow::LOGO_HEIGHT,
                crate::pdf::flow::LOGO_MAX_WIDTH,
            );
        }
        let mut y = 18.0;
        if !c.name.is_empty() {
            self.text(105.0, y, 13.0, Weight::Bold, Align::Center, &c.name);
            y += 8.0;
        }
        self.text(105.0, y, 16.0, Weight::Bold, Align::Center, l.title);
        y += 5.5;
        let mut parts = vec![];
        if !c.address.is_empty() {
            parts.push(format!("{}：{}", l.address, c.address));
        }
        if !c.phone.is_empty() {
            parts.push(format!("{}：{}", l.company_tel, c.phone));
        }
        if !c.tax_no.is_empty() {
            parts.push(format!("{}：{}", l.company_tax, c.tax_no));
        }
        if !c.bank_name.is_empty() || !c.bank_account.is_empty() {
            parts.push(format!(
                "{}：{} {}",
                l.company_bank, c.bank_name, c.bank_account
            ));
        }
        for line in wrap(
            &parts.join("    "),
            (RIGHT - LEFT) * 72.0 / 25.4,
            7.5,
            Weight::Regular,
        ) {
            self.text(105.0, y, 7.5, Weight::Regular, Align::Center, &line);
            y += 3.6;
        }
        self.doc.line(self.page, LEFT, y, RIGHT, y, 0.8);
        y += 6.0;
        let d = &self.s.distributor;
        let left = [
            format!("{}：{}", l.customer, d.name),
            format!("{}：{}", l.code, d.code),
            format!("{}：{}", l.address, d.address),
            format!("{}：{} {}", l.contact, d.contact_name, d.contact_phone),
        ];
        let right = [
            format!(
                "{}：{} {} {}",
                l.period, self.s.from, l.period_to, self.s.to
            ),
            l.currency.to_string(),
            if self.lang.is_en() {
                format!("{}: {} days", l.terms, d.payment_terms_days)
            } else {
                format!("{}：{} 天", l.terms, d.payment_terms_days)
            },
            format!("{}：{}", l.printed, self.printed),
        ];
        let top = y;
        for (i, t) in left.iter().enumerate() {
            let (size, w) = if i == 0 {
                (10.0, Weight::Bold)
            } else {
                (8.5, Weight::Regular)
            };
            let lines = wrap(t, 100.0 * 72.0 / 25.4, size, w);
            for line in lines {
                self.text(LEFT, y, size, w, Align::Left, &line);
                y += 4.6;
            }
        }
        let mut yr = top;
        for t in &right {
            self.text(130.0, yr, 8.5, Weight::Regular, Align::Left, t);
            yr += 4.6;
        }
        self.y = y.max(yr) + 2.0;
    }

    fn continuation_header(&mut self) {
        let d = &self.s.distributor;
        let t = format!(
            "{} · {} · {}（{}）· {} {} {}",
            self.company.name,
            self.l.title,
            d.name,
            d.code,
            self.s.from,
            self.l.period_to,
            self.s.to
        );
        let t = t.trim_start_matches(" · ").to_string();
        self.text(LEFT, 13.0, 7.5, Weight::Regular, Align::Left, &t);
        self.y = 17.0;
    }

    fn table_header(&mut self) {
        let y = self.y;
        self.doc.shade(self.page, LEFT, y, RIGHT - LEFT, 6.0, 0.88);
        for (i, label) in self.l.cols.iter().enumerate() {
            let (x, a) = if i >= 4 {
                (COL_X[i] + COL_W[i] - 1.0, Align::Right)
            } else {
                (COL_X[i] + 1.0, Align::Left)
            };
            self.text(x, y + 4.2, 7.5, Weight::Bold, a, label);
        }
        self.y = y + 6.0;
    }

    /// A one-line row spanning the text columns with amounts on the right.
    fn summary_row(&mut self, label: &str, debit: &str, credit: &str, balance: &str, bold: bool) {
        let w = if bold { Weight::Bold } else { Weight::Regular };
        let base = self.y + 3.9;
        self.text(COL_X[0] + 1.0, base, TABLE_SIZE, w, Align::Left, label);
        for (i, v) in [(4, debit), (5, credit), (6, balance)] {
            self.text(
                COL_X[i] + COL_W[i] - 1.0,
                base,
                TABLE_SIZE,
                w,
                Align::Right,
                v,
            );
        }
        self.y += 5.4;
        self.doc.line(self.page, LEFT, self.y, RIGHT, self.y, 0.25);
    }

    fn start_table_page(&mut self, brought_forward: Money) {
        self.new_page();
        self.continuation_header();
        self.table_header();
        let label = self.l.brought_forward;
        self.summary_row(label, "", "", &money(brought_forward), false);
    }

    fn lines(&mut self) {
        let pt = 72.0 / 25.4;
        let mut balance = self.s.opening_balance;
        let s = self.s;
        for line in &s.lines {
            let desc = if line.fapiao_no.is_empty() {
                line.description.clone()
            } else if self.lang.is_en() {
                format!("{} (fapiao {})", line.description, line.fapiao_no)
            } else {
                format!("{}（发票 {}）", line.description, line.fapiao_no)
            };
            let desc_lines = wrap(&desc, (COL_W[3] - 2.0) * pt, TABLE_SIZE, Weight::Regular);
            let doc_lines = wrap(
                &line.doc_no,
                (COL_W[1] - 2.0) * pt,
                TABLE_SIZE,
                Weight::Regular,
            );
            let kind_lines = wrap(
                line.kind.label(self.lang),
                (COL_W[2] - 2.0) * pt,
                TABLE_SIZE,
                Weight::Regular,
            );
            let n = desc_lines
                .len()
                .max(doc_lines.len())
                .max(kind_lines.len())
                .max(1);
            let height = n as f32 * LINE_H + 1.8;
            if self.y + height > BOTTOM {
                self.start_table_page(balance);
            }
            let base = self.y + 3.9;
            self.text(
                COL_X[0] + 1.0,
                base,
                TABLE_SIZE,
                Weight::Regular,
                Align::Left,
                &line.date,
            );
            for (col, texts) in [(1, &doc_lines), (2, &kind_lines), (3, &desc_lines)] {
                for (k, t) in texts.iter().enumerate() {
                    self.doc.text(
                        self.page,
                        (COL_X[col] + 1.0, base + k as f32 * LINE_H),
                        Style::new(TABLE_SIZE, Weight::Regular, Align::Left),
                        t,
                    );
                }
            }
            for (col, v) in [
                (4, blank_if_zero(line.debit)),
                (5, blank_if_zero(line.credit)),
                (6, money(line.balance)),
            ] {
                self.text(
                    COL_X[col] + COL_W[col] - 1.0,
                    base,
                    TABLE_SIZE,
                    Weight::Regular,
                    Align::Right,
                    &v,
                );
            }
            self.y += height;
            self.doc.line(self.page, LEFT, self.y, RIGHT, self.y, 0.15);
            balance = line.balance;
        }
    }

    fn ensure(&mut self, height: f32) {
        if self.y + height > BOTTOM {
            self.new_page();
            self.continuation_header();
            self.y += 2.0;
        }
    }

    fn summary(&mut self) {
        let l = self.l;
        let s = self.s;
        self.ensure(11.0);
        let (td, tc) = (money(s.total_debit), money(s.total_credit));
        self.summary_row(l.totals, &td, &tc, "", true);
        self.summary_row(l.closing, "", "", &money(s.closing_balance), true);
        self.doc
            .line(self.page, LEFT, self.y + 0.6, RIGHT, self.y + 0.6, 0.25);
        self.y += 6.0;

        self.ensure(40.0);
        let words = format!("{}：{}", l.in_words, s.closing_balance_in_words);
        for line in wrap(&words, (RIGHT - LEFT) * 72.0 / 25.4, 9.0, Weight::Bold) {
            self.text(LEFT, self.y + 3.5, 9.0, Weight::Bold, Align::Left, &line);
            self.y += 5.0;
        }
        self.y += 2.0;
        self.text(
            LEFT,
            self.y + 3.5,
            8.5,
            Weight::Bold,
            Align::Left,
            l.aging_title,
        );
        self.y += 5.5;
        let [a, b, c] = s.aging_edges;
        let heads = [
            l.not_due.to_string(),
            format!("1–{a}{}", l.days),
            format!("{}–{b}{}", a + 1, l.days),
            format!("{}–{c}{}", b + 1, l.days),
            if self.lang.is_en() {
                format!("{c}{}{}", l.over, l.days)
            } else {
                format!("{c}{}{}", l.days, l.over)
            },
            l.total.to_string(),
        ];
        let ag = &s.aging;
        let total = Money::from_fen(s.closing_balance.fen().max(0));
        let vals = [
            ag.not_due, ag.d1_30, ag.d31_60, ag.d61_90, ag.over_90, total,
        ];
        let cw = (RIGHT - LEFT) / 6.0;
        self.doc
            .shade(self.page, LEFT, self.y, RIGHT - LEFT, 5.5, 0.9);
        for (i, h) in heads.iter().enumerate() {
            let x = LEFT + cw * (i as f32 + 1.0) - 1.5;
            self.doc.text(
                self.page,
                (x, self.y + 3.9),
                Style::new(7.5, Weight::Bold, Align::Right),
                h,
            );
            let v = money(vals[i]);
            self.doc.text(
                self.page,
                (x, self.y + 9.6),
                Style::new(8.0, Weight::Regular, Align::Right),
                &v,
            );
        }
        self.doc
            .rect(self.page, LEFT, self.y, RIGHT - LEFT, 11.5, 0.3);
        self.y += 16.0;
        if s.closing_balance.fen() < 0 {
            self.text(LEFT, self.y, 8.5, Weight::Regular, Align::Left, l.prepaid);
            self.y += 5.0;
        }
        let credit = format!(
            "{}：{}        {}：{}",
            l.credit_limit,
            money(s.credit_limit),
            l.available,
            money(s.available_credit)
        );
        self.text(LEFT, self.y, 8.5, Weight::Regular, Align::Left, &credit);
        self.y += 5.5;
        for line in wrap(
            l.request,
            (RIGHT - LEFT) * 72.0 / 25.4,
            8.0,
            Weight::Regular,
        ) {
            self.text(LEFT, self.y, 8.0, Weight::Regular, Align::Left, &line);
            self.y += 4.2;
        }
    }

    fn slip(&mut self) {
        let l = self.l;
        let s = self.s;
        self.y += 4.0;
        if self.y + 66.0 > BOTTOM + 8.0 {
            self.new_page();
            self.continuation_header();
            self.y += 6.0;
        }
        let y0 = self.y;
        self.doc.dashed_line(self.page, LEFT, RIGHT, y0);
        self.text(
            105.0,
            y0 + 3.5,
            7.0,
            Weight::Regular,
            Align::Center,
            l.cut_here,
        );
        let mut y = y0 + 11.0;
        self.text(105.0, y, 13.0, Weight::Bold, Align::Center, l.slip_title);
        y += 8.0;
        let to_company = if self.company.name.is_empty() {
            "________________"
        } else {
            &self.company.name
        };
        let to_line = format!("{}：{}", l.slip_to, to_company);
        self.text(LEFT, y, 9.0, Weight::Regular, Align::Left, &to_line);
        y += 6.0;
        let body = l.slip_body.replace("{to}", &s.to);
        self.text(LEFT, y, 9.0, Weight::Regular, Align::Left, &body);
        y += 5.5;
        let amount = format!(
            "{} {}    {}",
            s.currency,
            money(s.closing_balance),
            s.closing_balance_in_words
        );
        self.text(LEFT + 4.0, y, 9.5, Weight::Bold, Align::Left, &amount);
        y += 7.0;
        self.text(LEFT, y, 9.0, Weight::Regular, Align::Left, l.agree);
        y += 6.0;
        for line in wrap(l.disagree, 115.0 * 72.0 / 25.4, 9.0, Weight::Regular) {
            self.text(LEFT, y, 9.0, Weight::Regular, Align::Left, &line);
            y += 5.0;
        }
        y += 4.0;
        let customer = format!(
            "{}：{}（{}）",
            l.customer, s.distributor.name, s.distributor.code
        );
        for line in wrap(&customer, 115.0 * 72.0 / 25.4, 9.0, Weight::Regular) {
            self.text(LEFT, y, 9.0, Weight::Regular, Align::Left, &line);
            y += 5.5;
        }
        self.text(LEFT, y, 9.0, Weight::Regular, Align::Left, l.signer);
        y += 6.0;
        self.text(LEFT, y, 9.0, Weight::Regular, Align::Left, l.date_blank);
        // The seal block on the right.
        let top = y0 + 22.0;
        self.doc.rect(self.page, 140.0, top, 50.0, 38.0, 0.5);
        self.text(
            165.0,
            top + 5.0,
            8.0,
            Weight::Regular,
            Align::Center,
            l.seal,
        );
        self.y = y.max(top + 38.0) + 4.0;
    }

    fn footers(&mut self) {
        let total = self.pages.len();
        let d = &self.s.distributor;
        for (i, &p) in self.pages.clone().iter().enumerate() {
            let n = if self.lang.is_en() {
                format!("Page {} of {}", i + 1, total)
            } else {
                format!("第 {} 页 / 共 {} 页", i + 1, total)
            };
            self.doc.line(p, LEFT, 285.0, RIGHT, 285.0, 0.3);
            self.doc.text(
                p,
                (105.0, 289.5),
                Style::new(7.5, Weight::Regular, Align::Center),
                &n,
            );
            let r = format!(
                "{} · {} {}–{}",
                self.l.title, d.code, self.s.from, self.s.to
            );
            self.doc.text(
                p,
                (LEFT, 289.5),
                Style::new(6.5, Weight::Regular, Align::Left),
                &r,
            );
            self.doc.text(
                p,
                (RIGHT, 289.5),
                Style::new(6.5, Weight::Regular, Align::Right),
                &self.printed,
            );
        }
    }
}

/// Adds the pages of one statement to `doc` (a merged batch adds many).
pub fn draw(doc: &mut Doc, s: &Statement, company: &CompanyProfile, lang: Lang, printed: &str) {
    let l = if lang.is_en() { &EN } else { &ZH };
    let mut w = Writer {
        doc,
        s,
        company,
        l,
        lang,
        printed: printed.to_owned(),
        pages: vec![],
        page: 0,
        y: 0.0,
    };
    w.new_page();
    w.first_header();
    w.table_header();
    let opening = money(s.opening_balance);
    w.summary_row(l.opening, "", "", &opening, false);
    w.lines();
    w.summary();
    w.slip();
    w.footers();
}

/// The statement as PDF, with the characters drawn as the substitute.
/// `printed` is the date shown as the print date.
pub fn render(
    s: &Statement,
    company: &CompanyProfile,
    lang: Lang,
    printed: &str,
) -> AppResult<crate::pdf::Printed> {
    let title = format!(
        "{} {} {}–{}",
        if lang.is_en() { EN.title } else { ZH.title },
        s.distributor.code,
        s.from,
        s.to
    );
    let mut doc = Doc::new(&title);
    draw(&mut doc, s, company, lang, printed);
    doc.finish()
}
