//! The office server: moving the sample file to PostgreSQL copies every table
//! and every figure the program shows; a server database backs up from one
//! snapshot; a database that already holds data is refused, untouched.
mod common;

use common::postgres::Server;
use common::{actor, actor_on, day, fresh_file};
use dealerdesk_core::backup::{self, server::move_to_server, BackupKind};
use dealerdesk_core::db::{self, ServerUrl};
use dealerdesk_core::ledger::{receivables, statement};
use dealerdesk_core::scorecard::{self, Quarter};
use dealerdesk_core::{demo, distributor, AppError, DatabaseConnection};
use sea_orm::ConnectionTrait;

const AS_OF: &str = "2026-12-07";

/// What the program shows of the data: every statement, the receivables
/// list, every quarter's review, as JSON.
async fn figures(db: &DatabaseConnection) -> Vec<String> {
    let mut out = Vec::new();
    let list = distributor::list(
        db,
        &dealerdesk_core::actor::Access::Open,
        &Default::default(),
    )
    .await
    .unwrap();
    assert!(list.total > 0);
    for d in list.rows {
        let s = statement::load(
            db,
            &statement::StatementRequest {
                distributor_id: d.id,
                from: "2025-01-01".into(),
                to: AS_OF.into(),
            },
        )
        .await
        .unwrap();
        out.push(serde_json::to_string(&s).unwrap());
    }
    let r = receivables::load(db, &dealerdesk_core::actor::Access::Open, day(AS_OF))
        .await
        .unwrap();
    out.push(serde_json::to_string(&r).unwrap());
    for q in 1..=4 {
        let review = scorecard::review(db, Quarter { year: 2026, q })
            .await
            .unwrap();
        out.push(serde_json::to_string(&review).unwrap());
    }
    out
}

/// Moves `file` to the server database `url`, balances checked on `AS_OF`.
async fn move_file(
    file: &DatabaseConnection,
    url: &ServerUrl,
) -> dealerdesk_core::AppResult<backup::server::Moved> {
    move_to_server(file, url, None, day(AS_OF), chrono::Utc::now(), &|_, _| {}).await
}

async fn sample_file() -> (tempfile::TempDir, DatabaseConnection) {
    let (dir, file) = fresh_file().await;
    demo::load_sample(&file, &actor_on(day(AS_OF)))
        .await
        .unwrap();
    (dir, file)
}

#[tokio::test]
async fn moving_the_sample_to_the_server_copies_every_table_and_figure() {
    let server = Server::get();
    let (_dir, file) = sample_file().await;
    let url = ServerUrl::new(&server.database().await).unwrap();
    let moved = move_file(&file, &url).await.unwrap();
    assert!(moved.matches, "{moved:?}");
    assert!(moved.tables.len() > 30);
    for t in [
        "ledger_entry",
        "audit_entry",
        "complaint_event",
        "scorecard_snapshot",
        "doc_counter",
        "seaql_migrations",
    ] {
        let c = moved.tables.iter().find(|c| c.table == t).unwrap();
        assert!(c.source > 0 && c.source == c.target, "{c:?}");
    }
    assert_eq!(moved.balances.len(), 40);
    assert!(moved
        .balances
        .iter()
        .any(|b| b.source != dealerdesk_core::money::Money::ZERO));

    let on_server = db::server::open(&url, None, chrono::Utc::now())
        .await
        .unwrap();
    assert_eq!(figures(&on_server).await, figures(&file).await);
    // The id sequences were set past the copied ids: the next rows go in.
    let next = distributor::create(
        &on_server,
        &actor(),
        common::input("新华东经销有限公司", &demo::uscc_for(777)),
    )
    .await
    .unwrap();
    assert!(next.id > 40);
    // Document numbers go on from the copied counter.
    let c = dealerdesk_core::complaint::record(
        &on_server,
        &actor_on(day(AS_OF)),
        &common::complaints::intake(
            next.id,
            "2026-12-06 10:00",
            dealerdesk_core::complaint::Priority::P3,
        ),
    )
    .await
    .unwrap();
    assert_eq!(c.number, "TS-2026-0025");

    // A second move into the same database is refused, and changes nothing.
    let before = figures(&on_server).await;
    let e = move_file(&file, &url).await.unwrap_err();
    assert!(
        matches!(&e, AppError::DataFile { problem: dealerdesk_core::error::FileProblem::ServerNotEmpty, path, .. } if !path.is_empty()),
        "{e:?}"
    );
    assert_eq!(figures(&on_server).await, before);
}

#[tokio::test]
async fn a_backup_of_a_server_database_holds_what_the_server_holds() {
    let server = Server::get();
    let url = ServerUrl::new(&server.database().await).unwrap();
    let on_server = db::server::open(&url, None, chrono::Utc::now())
        .await
        .unwrap();
    demo::load_sample(&on_server, &actor_on(day(AS_OF)))
        .await
        .unwrap();
    let dir = tempfile::tempdir().unwrap();
    let at = chrono::DateTime::parse_from_rfc3339("2026-12-07T09:00:00+08:00").unwrap();
    let made = backup::create_in(
        &on_server,
        &dir.path().join("attachments"),
        &dir.path().join("backups"),
        BackupKind::Manual,
        at,
    )
    .await
    .unwrap();
    // Restored into a file, it shows the same figures.
    let restored = dir.path().join("restored.sqlite");
    let verified = backup::verify(std::path::Path::new(&made.path), &restored)
        .await
        .unwrap();
    let copy = db::connect_read_only(verified.database()).await.unwrap();
    assert_eq!(figures(&copy).await, figures(&on_server).await);
    assert_eq!(
        backup::database_id(&copy).await.unwrap(),
        backup::database_id(&on_server).await.unwrap()
    );
}

#[tokio::test]
async fn text_no_server_can_store_is_named_not_copied() {
    let server = Server::get();
    let (_dir, file) = fresh_file().await;
    let d = distributor::create(&file, &actor(), common::input("甲经销", &demo::uscc_for(5)))
        .await
        .unwrap();
    // Written by an older version, before NUL was refused.
    file.execute_unprepared(&format!(
        "UPDATE distributor SET address = 'A' || char(0) || 'B' WHERE id = {}",
        d.id
    ))
    .await
    .unwrap();
    let url = ServerUrl::new(&server.database().await).unwrap();
    let e = move_file(&file, &url).await.unwrap_err();
    match e {
        AppError::Damaged {
            table,
            id,
            column,
            value,
        } => {
            assert_eq!(
                (table.as_str(), column.as_str(), value.as_str()),
                ("distributor", "address", "A\\0B")
            );
            assert_eq!(id, d.id.to_string());
        }
        other => panic!("{other:?}"),
    }
    // Nothing of it reached the server.
    let on_server = db::server::open(&url, None, chrono::Utc::now())
        .await
        .unwrap();
    assert_eq!(
        distributor::list(
            &on_server,
            &dealerdesk_core::actor::Access::Open,
            &Default::default()
        )
        .await
        .unwrap()
        .total,
        0
    );
}
