//! Sample distributors: realistic enough to try the app, deterministic so
//! benchmarks and tests can rely on them.
mod agreements;
mod reviews;
mod training;
pub use agreements::{generate_agreements, periods};
pub use reviews::{generate_reviews, ReviewsAdded};
pub use training::generate_training;

use crate::actor::Actor;
use crate::error::ErrorCode;
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
    actor: &Actor,
    count: u64,
) -> AppResult<u64> {
    let txn = crate::db::write(db).await?;
    let start: u64 = distributor::next_code(&txn).await?[2..]
        .parse()
        .unwrap_or(1);
    for n in start..start + count {
        let (input, status) = sample(n);
        let v = distributor::validate_input(&input)
            .map_err(|fields| crate::AppError::Validation { fields })?;
        distributor::write_insert(&txn, &v, status, actor, "demo data").await?;
    }
    txn.commit().await?;
    Ok(count)
}

/// SplitMix64: a tiny deterministic generator, so the same seed gives the same ledger.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n.max(1)
    }
    /// An amount in fen below `max` (fen).
    fn fen(&mut self, max: i64) -> i64 {
        (self.next() % max.max(1).unsigned_abs()) as i64
    }
}

/// Whole yuan in fen.
const fn yuan(n: i64) -> i64 {
    n * 100
}

const PRODUCTS: &[(&str, &str)] = &[
    ("电饭煲", "MB-40"),
    ("电压力锅", "YL-50"),
    ("电磁炉", "C21"),
    ("空气炸锅", "KZ-35"),
    ("豆浆机", "DJ-12"),
    ("电水壶", "SH-17"),
    ("破壁机", "PB-80"),
    ("微波炉", "WB-23"),
];

/// `per_distributor` ledger entries (an opening balance, then invoices,
/// payments, credit notes, rebates, adjustments through 2026) for every active
/// or suspended distributor that has none yet. Same seed, same ledger.
pub async fn generate_ledger<C: ConnectionTrait + TransactionTrait>(
    db: &C,
    actor: &Actor,
    per_distributor: u32,
    seed: u64,
) -> AppResult<u64> {
    use crate::entity::{distributor as dist, ledger_entry};
    use crate::ledger::EntryKind;
    use chrono::NaiveDate;
    use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QueryOrder, Set};

    if per_distributor == 0 {
        return Ok(0);
    }
    let txn = crate::db::write(db).await?;
    let with_ledger: std::collections::HashSet<i64> = ledger_entry::Entity::find()
        .all(&txn)
        .await?
        .into_iter()
        .map(|e| e.distributor_id)
        .collect();
    let dists = dist::Entity::find()
        .filter(dist::Column::Status.is_in([Status::Active.key(), Status::Suspended.key()]))
        .order_by_asc(dist::Column::Code)
        .all(&txn)
        .await?;
    let start = NaiveDate::from_ymd_opt(2026, 1, 1).expect("valid date");
    let now = actor.now();
    let mut batch: Vec<ledger_entry::ActiveModel> = vec![];
    let mut total = 0u64;
    for d in dists.into_iter().filter(|d| !with_ledger.contains(&d.id)) {
        let mut rng = Rng(seed ^ (d.id as u64).wrapping_mul(0x2545_F491_4F6C_DD1D));
        let terms = d.payment_terms_days.max(0) as u64;
        let mut outstanding: i64 = 0;
        let step = (330 / u64::from(per_distributor)).max(1);
        for i in 0..per_distributor {
            let mut date = start + chrono::Days::new(u64::from(i) * step + rng.below(step));
            let (kind, amount, doc, description, fapiao) = if i == 0 {
                date = NaiveDate::from_ymd_opt(2025, 12, 31).expect("valid date");
                let a = yuan(5_000) + rng.fen(yuan(50_000));
                (
                    EntryKind::Opening,
                    a,
                    "OB-2026".to_string(),
                    "2025 年末结转余额".to_string(),
                    String::new(),
                )
            } else {
                let roll = rng.below(100);
                let (name, model) = PRODUCTS[rng.below(PRODUCTS.len() as u64) as usize];
                let month = date.format("%Y%m");
                if roll < 58 || outstanding <= 0 {
                    let qty = 20 + rng.below(300) as i64;
                    let price = yuan(89) + rng.fen(yuan(600));
                    (
                        EntryKind::Invoice,
                        qty * price,
                        format!("INV-{month}-{i:04}"),
                        format!("销售出库 {name} {model} {qty} 台"),
                        format!("{:08}", rng.below(100_000_000)),
                    )
                } else if roll < 90 {
                    let share = 40 + rng.below(60) as i64;
                    let a = (outstanding * share / 100).max(yuan(100)) / 100 * 100;
                    (
                        EntryKind::Payment,
                        a,
                        format!("PAY-{month}-{i:04}"),
                        "银行转账回款".to_string(),
                        String::new(),
                    )
                } else if roll < 95 {
                    let a = yuan(200) + rng.fen(yuan(5_000));
                    (
                        EntryKind::CreditNote,
                        a,
                        format!("CN-{month}-{i:04}"),
                        format!("退货 {name} {model}，质量问题"),
                        String::new(),
                    )
                } else if roll < 98 {
                    let a = yuan(500) + rng.fen(yuan(8_000));
                    (
                        EntryKind::Rebate,
                        a,
                        format!("REB-{month}-{i:04}"),
                        "季度销售返利".to_string(),
                        String::new(),
                    )
                } else {
                    let a = rng.fen(yuan(400)) - yuan(200);
                    let a = if a == 0 { yuan(1) } else { a };
                    (
                        EntryKind::Adjustment,
                        a,
                        format!("ADJ-{month}-{i:04}"),
                        "运费差额调整".to_string(),
                        String::new(),
                    )
                }
            };
            outstanding += kind.sign() * amount;
            let due = if kind == EntryKind::Opening {
                date
            } else {
                date + chrono::Days::new(terms)
            };
            batch.push(ledger_entry::ActiveModel {
                distributor_id: Set(d.id),
                entry_date: Set(date),
                doc_no: Set(doc),
                kind: Set(kind.key().into()),
                amount_fen: Set(amount),
                description: Set(description),
                fapiao_no: Set(fapiao),
                due_date: Set(due),
                reverses_id: Set(None),
                created_at: Set(now),
                created_by: Set(actor.operator().to_owned()),
                ..Default::default()
            });
            total += 1;
            if batch.len() >= 1000 {
                ledger_entry::Entity::insert_many(std::mem::take(&mut batch))
                    .exec(&txn)
                    .await?;
            }
        }
    }
    if !batch.is_empty() {
        ledger_entry::Entity::insert_many(batch).exec(&txn).await?;
    }
    txn.commit().await?;
    Ok(total)
}

/// "Load sample data" on an empty database: 40 distributors, 60 ledger entries
/// each for the active ones. Refused once any distributor exists.
pub async fn load_sample<C: ConnectionTrait + TransactionTrait>(
    db: &C,
    actor: &Actor,
) -> AppResult<u64> {
    use sea_orm::{EntityTrait, PaginatorTrait};
    if crate::entity::distributor::Entity::find().count(db).await? > 0 {
        return Err(crate::AppError::field("database", ErrorCode::NotEmpty));
    }
    let n = generate(db, actor, 40).await?;
    generate_ledger(db, actor, 60, 2026).await?;
    generate_complaints(db, actor, 24, 2026).await?;
    generate_agreements(db, actor, 2026).await?;
    generate_training(db, actor, 2026).await?;
    generate_reviews(db, actor, 2026).await?;
    Ok(n)
}

/// Sample complaints in every state, some late, received over the last weeks
/// (relative to the actor's clock, so the clocks have something to show on first start).
pub async fn generate_complaints<C: ConnectionTrait + TransactionTrait>(
    db: &C,
    actor: &Actor,
    count: u32,
    seed: u64,
) -> AppResult<u32> {
    use crate::complaint::{
        self, Channel, ComplaintInput, ComplaintStatus, ComplaintTransition, Priority,
    };
    use crate::entity::distributor as dist;
    use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QueryOrder};
    use ComplaintStatus::*;

    let dists = dist::Entity::find()
        .filter(dist::Column::Status.is_in([Status::Active.key(), Status::Suspended.key()]))
        .order_by_asc(dist::Column::Code)
        .all(db)
        .await?;
    if dists.is_empty() || count == 0 {
        return Ok(0);
    }
    let clocks = complaint::Clocks::load(db).await?;
    let issues = [
        ("quality", "开箱发现内胆涂层脱落，终端客户要求退换"),
        ("quality", "通电后指示灯不亮，同批次已有 3 台反馈"),
        ("delivery", "到货外箱破损，部分产品磕碰"),
        ("delivery", "承诺 48 小时到货，实际延迟 5 天"),
        ("pricing", "返利核算与政策文件不一致"),
        ("service", "售后热线长时间无人接听"),
        ("cross_territory", "发现邻区经销商低价窜货至本区域"),
    ];
    let paths: [&[ComplaintStatus]; 8] = [
        &[],
        &[Classified],
        &[Classified, Responded],
        &[Classified, Responded, InProgress],
        &[Classified, Responded, WaitingOnDistributor],
        &[Classified, Responded, InProgress, Resolved],
        &[Classified, Responded, InProgress, Resolved, Verified],
        &[
            Classified, Responded, InProgress, Resolved, Verified, Closed,
        ],
    ];
    let mut rng = Rng(seed ^ 0xC0FFEE);
    let mut made = 0;
    for i in 0..count {
        let d = &dists[rng.below(dists.len() as u64) as usize];
        let (cat, text) = issues[rng.below(issues.len() as u64) as usize];
        let (product, model) = PRODUCTS[rng.below(PRODUCTS.len() as u64) as usize];
        let priority = [
            Priority::P1,
            Priority::P2,
            Priority::P2,
            Priority::P3,
            Priority::P3,
            Priority::P4,
        ][rng.below(6) as usize];
        // Received 2–30 days ago, during office hours (a day of margin so the quick ones finish).
        let days_ago = 2 + rng.below(29) as i64;
        let local_now = clocks.local(actor.now());
        let received_local = (local_now - chrono::Duration::days(days_ago))
            .date()
            .and_hms_opt(9 + rng.below(8) as u32, rng.below(60) as u32, 0)
            .unwrap_or(local_now);
        let input = ComplaintInput {
            distributor_id: d.id,
            channel: Some(
                [
                    Channel::Phone,
                    Channel::Wechat,
                    Channel::Email,
                    Channel::Visit,
                ][rng.below(4) as usize],
            ),
            product: format!("{product} {model}"),
            batch_no: format!("B{}{:03}", received_local.format("%y%m"), rng.below(1000)),
            category: cat.into(),
            priority: Some(priority),
            description: text.into(),
            assignee: ["张敏", "刘洋", "陈静"][rng.below(3) as usize].into(),
            received_at: received_local.format("%Y-%m-%d %H:%M").to_string(),
        };
        let c = complaint::record(db, actor, &input).await?;
        let path = paths[(i as usize) % paths.len()];
        // Late ones: the first steps come slowly.
        let mut t = received_local;
        for (step, to) in path.iter().enumerate() {
            let gap_hours = if i % 3 == 0 {
                3 + rng.below(20) as i64
            } else {
                1 + rng.below(4) as i64
            };
            t += chrono::Duration::minutes(
                gap_hours * 60 / (step as i64 + 1) + rng.below(50) as i64,
            );
            if t > local_now {
                break;
            }
            let req = ComplaintTransition {
                id: c.id,
                to: Some(*to),
                at: t.format("%Y-%m-%d %H:%M").to_string(),
                note: match to {
                    WaitingOnDistributor => "已请经销商提供照片和批次号".into(),
                    Responded => "已电话回复，承诺跟进".into(),
                    _ => String::new(),
                },
                category: cat.into(),
                priority: Some(priority),
                resolution: "更换同型号新品并补偿运费".into(),
                root_cause: ["production", "material", "logistics", "communication"]
                    [rng.below(4) as usize]
                    .into(),
                root_cause_note: "批次抽检发现问题，已通知生产改进".into(),
                confirmation: "经销商电话确认已收到换货".into(),
                satisfaction: Some(3 + rng.below(3) as i32),
            };
            complaint::transition(db, actor, &req).await?;
        }
        made += 1;
    }
    Ok(made)
}
