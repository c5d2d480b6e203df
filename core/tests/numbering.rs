//! Document numbers under concurrent creation: several separate connections
//! (programs on one file, PCs on one server) record complaints at once; every
//! number is given once and none is skipped.
mod common;

use common::complaints::{intake, local, one_distributor};
use common::{actor, at_instant, fresh};
use dealerdesk_core::complaint::{self, Priority};
use sea_orm::ConnectionTrait;

const CLIENTS: usize = 4;
const EACH: usize = 8;

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn numbers_from_several_connections_at_once_are_unique_and_without_gaps() {
    let (dir, db) = fresh().await;
    let d = one_distributor(&db).await;
    let mut clients = Vec::new();
    for _ in 0..CLIENTS {
        clients.push(common::another_connection(&dir).await);
    }
    let mut tasks = Vec::new();
    for (c, conn) in clients.into_iter().enumerate() {
        tasks.push(tokio::spawn(async move {
            let mut got = Vec::new();
            for i in 0..EACH {
                let when = local(&format!("2026-04-20 {:02}:{:02}", 9 + c, i));
                let made = complaint::record(
                    &conn,
                    &at_instant(&actor(), when),
                    &intake(
                        d,
                        &format!("2026-04-20 {:02}:{:02}", 9 + c, i),
                        Priority::P3,
                    ),
                )
                .await
                .unwrap();
                got.push(made.number);
            }
            got
        }));
    }
    let mut numbers = Vec::new();
    for t in tasks {
        numbers.extend(t.await.unwrap());
    }
    numbers.sort();
    let want: Vec<String> = (1..=CLIENTS * EACH)
        .map(|n| format!("TS-2026-{n:04}"))
        .collect();
    assert_eq!(numbers, want);
}

#[tokio::test]
async fn numbers_given_before_the_counter_existed_are_counted() {
    let (_dir, db) = fresh().await;
    let d = one_distributor(&db).await;
    let (who, what) = (
        at_instant(&actor(), local("2026-04-20 10:30")),
        intake(d, "2026-04-20 10:30", Priority::P3),
    );
    let rec = || complaint::record(&db, &who, &what);
    assert_eq!(rec().await.unwrap().number, "TS-2026-0001");
    assert_eq!(rec().await.unwrap().number, "TS-2026-0002");
    // A database whose documents were numbered by an earlier version: no counter row.
    db.execute_unprepared("DELETE FROM doc_counter")
        .await
        .unwrap();
    assert_eq!(rec().await.unwrap().number, "TS-2026-0003");
    assert_eq!(rec().await.unwrap().number, "TS-2026-0004");
}
