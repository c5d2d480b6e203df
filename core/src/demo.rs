//! Sample distributors: realistic enough to try the app, deterministic so
//! benchmarks and tests can rely on them.
use sea_orm::TransactionSession;
use sea_orm::{ConnectionTrait, TransactionTrait};

use crate::distributor::{self, DistributorInput, Status, Tier};
use crate::error::AppResult;
use crate::uscc;

const PLACES: &[(&str, &str, &str)] = &[
    ("广东省", "广州市", "华南"),
    ("广东省", "深圳市", "华南"),
    ("浙江省", "杭州市", "华东"),
    ("江苏省", "南京市", "华东"),
    ("上海市", "上海市", "华东"),
    ("北京市", "北京市", "华北"),
    ("山东省", "济南市", "华北"),
    ("四川省", "成都市", "西南"),
    ("湖北省", "武汉市", "华中"),
    ("陕西省", "西安市", "西北"),
    ("辽宁省", "沈阳市", "东北"),
    ("福建省", "厦门市", "华南"),
];
const WORDS: &[&str] = &[
    "华盛", "鑫源", "恒通", "瑞丰", "金桥", "永信", "宏达", "德润", "嘉禾", "博远", "新锐", "广汇",
];
const TRADES: &[&str] = &["商贸", "贸易", "供应链", "实业", "电器", "五金"];
const SURNAMES: &[&str] = &["王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴"];
const GIVEN: &[&str] = &["伟", "芳", "娜", "敏", "静", "强", "磊", "军", "洋", "勇"];

/// A valid USCC derived from `n` (distinct for distinct `n`).
pub fn uscc_for(n: u64) -> String {
    let body = format!("91{:06}MA{:09}", 110000 + (n % 800_000), n);
    let body: String = body.chars().take(17).collect();
    format!(
        "{body}{}",
        uscc::check_char(&body).expect("digits and MA are valid")
    )
}

pub fn sample(n: u64) -> (DistributorInput, Status) {
    let (province, city, region) = PLACES[(n as usize) % PLACES.len()];
    let word = WORDS[(n as usize / 3) % WORDS.len()];
    let trade = TRADES[(n as usize / 7) % TRADES.len()];
    let city_short = city.trim_end_matches('市');
    let person = format!(
        "{}{}",
        SURNAMES[(n as usize) % SURNAMES.len()],
        GIVEN[(n as usize / 10) % GIVEN.len()]
    );
    let tier = match n % 10 {
        0 => Tier::Strategic,
        1..=3 => Tier::Core,
        _ => Tier::Basic,
    };
    let status = match n % 12 {
        0 => Status::Applicant,
        1 => Status::UnderReview,
        2 => Status::Suspended,
        _ => Status::Active,
    };
    let input = DistributorInput {
        code: format!("DS{:05}", n),
        name: format!(
            "{city_short}{word}{trade}有限公司{}",
            if n >= 144 {
                format!("（{n}）")
            } else {
                String::new()
            }
        ),
        short_name: format!("{city_short}{word}"),
        uscc: uscc_for(n),
        legal_representative: format!(
            "{}{}",
            SURNAMES[(n as usize + 3) % SURNAMES.len()],
            GIVEN[(n as usize + 1) % GIVEN.len()]
        ),
        contact_name: person,
        contact_role: "总经理".into(),
        contact_phone: format!("13{}{:08}", n % 10, n % 100_000_000),
        contact_email: format!("dist{n}@example.cn"),
        contact_wechat: String::new(),
        province: province.into(),
        city: city.into(),
        county: String::new(),
        region: region.into(),
        address: format!("{city}工业大道{}号", 100 + n % 900),
        bank_name: "中国工商银行".into(),
        bank_account: format!("6222{:012}", n),
        payment_terms_days: [30, 45, 60][(n % 3) as usize],
        credit_limit: format!("{}.00", 50_000 + (n % 20) * 25_000),
        tier,
        notes: String::new(),
    };
    (input, status)
}

/// Adds `count` sample distributors (codes after the highest existing) in one transaction.
pub async fn generate<C: ConnectionTrait + TransactionTrait>(
    db: &C,
    operator: &str,
    count: u64,
) -> AppResult<u64> {
    let txn = db.begin().await?;
    let start: u64 = distributor::next_code(&txn).await?[2..]
        .parse()
        .unwrap_or(1);
    for n in start..start + count {
        let (input, status) = sample(n);
        let v = distributor::validate_input(&input)
            .map_err(|fields| crate::AppError::Validation { fields })?;
        distributor::write_insert(&txn, &v, status, operator, "demo data").await?;
    }
    txn.commit().await?;
    Ok(count)
}
