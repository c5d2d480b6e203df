//! A training certificate on landscape A4: the company, the title, the
//! person and the distributor, the course and result, the issue and expiry
//! dates, the number and a seal block. A revoked certificate says so.
use crate::error::AppResult;
use crate::lang::Lang;
use crate::pdf::{wrap, Align, Doc, Style, Weight, A4_LANDSCAPE};
use crate::settings::CompanyProfile;
use crate::training::certificate::{Certificate, CertificateState};

const PT_PER_MM: f32 = 72.0 / 25.4;

pub fn render(c: &Certificate, company: &CompanyProfile, lang: Lang) -> AppResult<Vec<u8>> {
    let en = lang.is_en();
    let title = if en {
        "Certificate of Training"
    } else {
        "培训合格证书"
    };
    let mut doc = Doc::new(&format!("{title} {}", c.number));
    let p = doc.add_page(A4_LANDSCAPE);
    doc.rect(p, 10.0, 10.0, 277.0, 190.0, 1.2);
    doc.rect(p, 14.0, 14.0, 269.0, 182.0, 0.3);
    let center = |size: f32, weight: Weight| Style::new(size, weight, Align::Center);
    let no = if en {
        format!("No. {}", c.number)
    } else {
        format!("证书编号：{}", c.number)
    };
    doc.text(
        p,
        (275.0, 24.0),
        Style::new(9.0, Weight::Regular, Align::Right),
        &no,
    );
    if let Some(logo) = &company.logo {
        doc.picture(p, logo, (22.0, 20.0), 16.0, 50.0);
    }
    if !company.name.is_empty() {
        doc.text(
            p,
            (148.5, 36.0),
            center(14.0, Weight::Regular),
            &company.name,
        );
    }
    doc.text(p, (148.5, 56.0), center(30.0, Weight::Bold), title);
    doc.line(p, 98.5, 63.0, 198.5, 63.0, 0.4);
    doc.text(p, (148.5, 88.0), center(26.0, Weight::Bold), &c.person_name);
    let of = if en {
        format!("of {} ({})", c.distributor_name, c.distributor_code)
    } else {
        format!("{}（{}）", c.distributor_name, c.distributor_code)
    };
    doc.text(p, (148.5, 99.0), center(12.0, Weight::Regular), &of);
    let course = if en && !c.course_title_en.is_empty() {
        &c.course_title_en
    } else {
        &c.course_title_zh
    };
    let score = c.score.map(|s| s.to_string()).unwrap_or_else(|| "—".into());
    let body = if en {
        format!(
            "completed the training course “{course}” ({}) on {}, scored {score} and passed.",
            c.course_code, c.issue_date
        )
    } else {
        format!(
            "于 {} 参加《{course}》（{}）培训，考核成绩 {score} 分，成绩合格，特发此证。",
            c.issue_date, c.course_code
        )
    };
    let mut y = 116.0;
    for line in wrap(&body, 200.0 * PT_PER_MM, 13.0, Weight::Regular) {
        doc.text(p, (148.5, y), center(13.0, Weight::Regular), &line);
        y += 7.5;
    }
    let expiry = c.expiry_date.clone().unwrap_or_else(|| "—".into());
    let dates = if en {
        format!("Issued {}    Valid until {expiry}", c.issue_date)
    } else {
        format!("发证日期：{}        有效期至：{expiry}", c.issue_date)
    };
    doc.text(p, (148.5, y + 8.0), center(12.0, Weight::Bold), &dates);
    if c.state == CertificateState::Revoked {
        let note = if en {
            format!(
                "REVOKED on {}: {}",
                c.revoked_on.clone().unwrap_or_default(),
                c.revoke_reason
            )
        } else {
            format!(
                "已撤销（{}）：{}",
                c.revoked_on.clone().unwrap_or_default(),
                c.revoke_reason
            )
        };
        doc.text(p, (148.5, y + 18.0), center(13.0, Weight::Bold), &note);
    }
    // Seal and signature.
    let issuer = if en {
        "Issued by (seal)"
    } else {
        "发证单位（盖章）"
    };
    doc.text(
        p,
        (232.0, 160.0),
        Style::new(10.0, Weight::Regular, Align::Center),
        issuer,
    );
    doc.rect(p, 214.0, 164.0, 36.0, 24.0, 0.2);
    let sign = if en { "Trainer:" } else { "培训讲师：" };
    doc.text(
        p,
        (40.0, 178.0),
        Style::new(10.0, Weight::Regular, Align::Left),
        sign,
    );
    doc.line(p, 62.0, 179.0, 110.0, 179.0, 0.2);
    doc.finish().map(|p| p.bytes)
}
