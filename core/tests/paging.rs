//! Lists filter, sort and page in SQL. On the sample data, every list's pages
//! put together are the whole list, the total is the number of matches, and a
//! filter done in SQL selects exactly the rows whose shown state matches it.
mod common;

use chrono::{NaiveDate, TimeZone, Utc};
use common::{actor_on, fresh};
use dealerdesk_core::agreement::{self, AgreementListQuery, AgreementStatus};
use dealerdesk_core::complaint::{self, ComplaintQuery, ComplaintStatus, ComplaintView};
use dealerdesk_core::distributor::{self, DistributorQuery};
use dealerdesk_core::ledger::{self, LedgerQuery};
use dealerdesk_core::paging::{Page, Paging};
use dealerdesk_core::training::certificate::{self, CertificateQuery, CertificateState};
use dealerdesk_core::{audit, demo, DatabaseConnection};

const SIZE: u64 = 7;

fn day(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

async fn sample() -> (tempfile::TempDir, DatabaseConnection) {
    let (dir, db) = fresh().await;
    demo::load_sample(&db, &actor_on(day("2026-12-02")))
        .await
        .unwrap();
    (dir, db)
}

/// Reads every page of `SIZE` rows and checks them, by id, against the whole list.
async fn pages_make_the_whole<T, F, Fut>(name: &str, id: fn(&T) -> i64, read: F) -> Vec<T>
where
    T: ts_rs::TS,
    F: Fn(Paging) -> Fut,
    Fut: std::future::Future<Output = Page<T>>,
{
    let whole = read(Paging::ALL).await;
    assert_eq!(whole.total, whole.rows.len() as u64, "{name}: total");
    let mut joined = vec![];
    let mut offset = 0;
    loop {
        let page = read(Paging {
            offset,
            limit: SIZE,
        })
        .await;
        assert_eq!(page.total, whole.total, "{name}: total on every page");
        assert!(page.rows.len() as u64 <= SIZE, "{name}: page size");
        if page.rows.is_empty() {
            break;
        }
        offset += page.rows.len() as u64;
        joined.extend(page.rows.iter().map(id));
    }
    let all: Vec<i64> = whole.rows.iter().map(id).collect();
    assert_eq!(joined, all, "{name}: pages in order");
    whole.rows
}

#[tokio::test]
async fn every_list_pages_to_the_whole_list() {
    let (_dir, db) = sample().await;
    let today = day("2026-12-02");
    let now = Utc.with_ymd_and_hms(2026, 12, 2, 4, 0, 0).unwrap();

    let ds = pages_make_the_whole(
        "distributors",
        |d: &distributor::Distributor| d.id,
        |paging| {
            let db = &db;
            async move {
                distributor::list(
                    db,
                    &dealerdesk_core::actor::Access::Open,
                    &DistributorQuery {
                        paging,
                        ..Default::default()
                    },
                )
                .await
                .unwrap()
            }
        },
    )
    .await;
    assert_eq!(ds.len(), 40);

    // A distributor with a ledger (not every sample distributor has one).
    let mut d = 0;
    for x in &ds {
        let q = LedgerQuery {
            distributor_id: x.id,
            paging: Paging::first(1),
            ..Default::default()
        };
        if ledger::list(&db, &dealerdesk_core::actor::Access::Open, &q)
            .await
            .unwrap()
            .total
            > SIZE * 2
        {
            d = x.id;
            break;
        }
    }
    let ledger = pages_make_the_whole(
        "ledger",
        |e: &ledger::LedgerEntry| e.id,
        |paging| {
            let db = &db;
            async move {
                ledger::list(
                    db,
                    &dealerdesk_core::actor::Access::Open,
                    &LedgerQuery {
                        distributor_id: d,
                        paging,
                        ..Default::default()
                    },
                )
                .await
                .unwrap()
            }
        },
    )
    .await;
    assert!(ledger.len() > SIZE as usize * 2, "{} entries", ledger.len());
    assert!(ledger.windows(2).all(|w| w[0].date <= w[1].date));

    for view in [
        ComplaintView::All,
        ComplaintView::Late,
        ComplaintView::Knowledge,
    ] {
        let rows = pages_make_the_whole(
            "complaints",
            |c: &complaint::Complaint| c.id,
            |paging| {
                let db = &db;
                async move {
                    complaint::list(
                        db,
                        &dealerdesk_core::actor::Access::Open,
                        &ComplaintQuery {
                            view,
                            paging,
                            ..Default::default()
                        },
                        now,
                    )
                    .await
                    .unwrap()
                }
            },
        )
        .await;
        assert!(!rows.is_empty(), "{view:?}");
    }

    let agreements = pages_make_the_whole(
        "agreements",
        |a: &agreement::Agreement| a.id,
        |paging| {
            let db = &db;
            async move {
                agreement::list(
                    db,
                    &dealerdesk_core::actor::Access::Open,
                    &AgreementListQuery {
                        all_versions: true,
                        paging,
                        ..Default::default()
                    },
                    today,
                )
                .await
                .unwrap()
            }
        },
    )
    .await;
    assert!(agreements.len() > SIZE as usize);

    let certs = pages_make_the_whole(
        "certificates",
        |c: &certificate::Certificate| c.id,
        |paging| {
            let db = &db;
            async move {
                certificate::list(
                    db,
                    &CertificateQuery {
                        paging,
                        ..Default::default()
                    },
                    today,
                )
                .await
                .unwrap()
            }
        },
    )
    .await;
    assert!(certs.len() > SIZE as usize);

    // The trail of that distributor.
    let trail = pages_make_the_whole(
        "audit",
        |e: &audit::AuditEntry| e.id,
        |paging| {
            let db = &db;
            async move { audit::list(db, "distributor", d, paging).await.unwrap() }
        },
    )
    .await;
    assert!(trail.windows(2).all(|w| w[0].id > w[1].id), "newest first");
}

#[tokio::test]
async fn status_filters_in_sql_match_the_status_shown() {
    let (_dir, db) = sample().await;
    let now = Utc.with_ymd_and_hms(2026, 12, 2, 4, 0, 0).unwrap();
    let first = certificate::list(&db, &CertificateQuery::default(), day("2026-12-02"))
        .await
        .unwrap()
        .rows[0]
        .id;
    certificate::revoke(
        &db,
        &crate::common::on_day(&actor_on(day("2026-12-02")), day("2026-12-02")),
        &certificate::RevokeRequest {
            id: first,
            date: "2026-12-02".into(),
            reason: "离职".into(),
        },
    )
    .await
    .unwrap();
    // Agreements in the states the sample lacks: a draft, one awaiting
    // signature, one terminated (and, on 2025-12-20, one signed but not begun).
    use common::agreements::{dist, province, signed, terms};
    let files = tempfile::tempdir().unwrap();
    let draft = terms(
        dist(&db, 901).await,
        province("西藏自治区", "拉萨市"),
        false,
    );
    agreement::create(
        &db,
        &crate::common::at_instant(&common::actor(), common::agreements::at("2025-12-01")),
        &draft,
    )
    .await
    .unwrap();
    let waiting = terms(dist(&db, 902).await, province("青海省", "西宁市"), false);
    let w = agreement::create(
        &db,
        &crate::common::at_instant(&common::actor(), common::agreements::at("2025-12-01")),
        &waiting,
    )
    .await
    .unwrap();
    agreement::submit(
        &db,
        &crate::common::on_day(&common::actor(), day("2025-12-01")),
        w.agreement.id,
    )
    .await
    .unwrap();
    let ended = terms(
        dist(&db, 903).await,
        province("宁夏回族自治区", "银川市"),
        false,
    );
    let ended = signed(&db, files.path(), ended).await;
    agreement::terminate(
        &db,
        &crate::common::on_day(&common::actor(), day("2026-07-01")),
        &agreement::TerminateRequest {
            id: ended,
            date: "2026-06-30".into(),
            reason: "经营不善".into(),
        },
    )
    .await
    .unwrap();
    // Across dates, certificates and agreements pass through their states.
    let mut seen_states = std::collections::HashSet::new();
    let mut seen_statuses = std::collections::HashSet::new();
    for today in [
        "2025-12-20",
        "2026-12-02",
        "2027-06-30",
        "2027-12-01",
        "2029-01-01",
    ]
    .map(day)
    {
        let all_certs = certificate::list(&db, &CertificateQuery::default(), today)
            .await
            .unwrap()
            .rows;
        for state in [
            CertificateState::Valid,
            CertificateState::Expiring,
            CertificateState::Expired,
            CertificateState::Revoked,
        ] {
            let want: Vec<i64> = all_certs
                .iter()
                .filter(|c| c.state == state)
                .map(|c| c.id)
                .collect();
            let got = certificate::list(
                &db,
                &CertificateQuery {
                    state: Some(state),
                    ..Default::default()
                },
                today,
            )
            .await
            .unwrap();
            let ids: Vec<i64> = got.rows.iter().map(|c| c.id).collect();
            assert_eq!(ids, want, "{state:?} on {today}");
            assert_eq!(got.total, want.len() as u64);
            if !want.is_empty() {
                seen_states.insert(state);
            }
        }
        for all_versions in [false, true] {
            let every = AgreementListQuery {
                all_versions,
                ..Default::default()
            };
            let all = agreement::list(&db, &dealerdesk_core::actor::Access::Open, &every, today)
                .await
                .unwrap()
                .rows;
            for status in AgreementStatus::ALL.iter().copied() {
                let want: Vec<i64> = all
                    .iter()
                    .filter(|a| a.status == status)
                    .map(|a| a.id)
                    .collect();
                let got = agreement::list(
                    &db,
                    &dealerdesk_core::actor::Access::Open,
                    &AgreementListQuery {
                        status: Some(status),
                        ..every.clone()
                    },
                    today,
                )
                .await
                .unwrap();
                let ids: Vec<i64> = got.rows.iter().map(|a| a.id).collect();
                assert_eq!(
                    ids, want,
                    "{status:?} on {today}, all versions {all_versions}"
                );
                if !want.is_empty() {
                    seen_statuses.insert(status);
                }
            }
        }
    }
    assert_eq!(seen_states.len(), 4, "{seen_states:?}");
    assert_eq!(
        seen_statuses.len(),
        6,
        "all but superseded: {seen_statuses:?}"
    );
    let all = complaint::list(
        &db,
        &dealerdesk_core::actor::Access::Open,
        &ComplaintQuery::default(),
        now,
    )
    .await
    .unwrap()
    .rows;
    for status in ComplaintStatus::ALL.iter().copied() {
        let got = complaint::list(
            &db,
            &dealerdesk_core::actor::Access::Open,
            &ComplaintQuery {
                status: Some(status),
                ..Default::default()
            },
            now,
        )
        .await
        .unwrap();
        let want = all.iter().filter(|c| c.status == status).count();
        assert_eq!(got.total, want as u64, "{status:?}");
        assert!(got.rows.iter().all(|c| c.status == status));
    }
}

#[tokio::test]
async fn search_takes_wildcards_literally_and_ignores_case() {
    let (_dir, db) = sample().await;
    let today = day("2026-12-02");
    let all = distributor::list(
        &db,
        &dealerdesk_core::actor::Access::Open,
        &DistributorQuery::default(),
    )
    .await
    .unwrap();
    let code = all.rows[3].code.clone();
    for term in [code.to_lowercase(), code.to_uppercase()] {
        let hit = distributor::list(
            &db,
            &dealerdesk_core::actor::Access::Open,
            &DistributorQuery {
                search: term.clone(),
                ..Default::default()
            },
        )
        .await
        .unwrap();
        assert_eq!(hit.total, 1, "{term}");
    }
    for wild in ["%", "_", "\\"] {
        let none = distributor::list(
            &db,
            &dealerdesk_core::actor::Access::Open,
            &DistributorQuery {
                search: wild.into(),
                ..Default::default()
            },
        )
        .await
        .unwrap();
        assert_eq!(none.total, 0, "{wild:?} is a character, not a pattern");
    }
    // Certificates and agreements are found by their distributor's code.
    let certs = certificate::list(&db, &CertificateQuery::default(), today)
        .await
        .unwrap()
        .rows;
    let c = &certs[0];
    let found = certificate::list(
        &db,
        &CertificateQuery {
            text: c.distributor_code.to_lowercase(),
            ..Default::default()
        },
        today,
    )
    .await
    .unwrap();
    let want = certs
        .iter()
        .filter(|x| x.distributor_id == c.distributor_id)
        .count();
    assert_eq!(found.total, want as u64);
    let agreements = agreement::list(
        &db,
        &dealerdesk_core::actor::Access::Open,
        &AgreementListQuery::default(),
        today,
    )
    .await
    .unwrap()
    .rows;
    let a = &agreements[0];
    let found = agreement::list(
        &db,
        &dealerdesk_core::actor::Access::Open,
        &AgreementListQuery {
            text: a.distributor_code.to_lowercase(),
            ..Default::default()
        },
        today,
    )
    .await
    .unwrap();
    assert!(found.rows.iter().any(|x| x.id == a.id));
    assert!(found
        .rows
        .iter()
        .all(|x| x.distributor_id == a.distributor_id || x.number.contains(&a.distributor_code)));
}
