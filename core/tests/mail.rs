//! Statements by e-mail, sent to a real SMTP server on 127.0.0.1 (aiosmtpd,
//! from Debian's python3-aiosmtpd) and read back: the message, its subject
//! and body from the template, and its PDF attachment through pdftotext. An
//! address the server refuses is tried once more and listed with the
//! server's reason; a distributor with no address is listed; a statement
//! already e-mailed for the period is not sent again unless asked.
mod common;

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::atomic::AtomicBool;
use std::sync::Arc;
use std::time::Duration;

use common::ledger::entry;
use common::{actor, actor_on, codes, day, fresh, tool};
use dealerdesk_core::distributor::contacts::{self, ContactInput, ContactSave};
use dealerdesk_core::lang::Lang;
use dealerdesk_core::ledger::runs::{self, IssuedVia, RunQuery};
use dealerdesk_core::ledger::send::{self, SendRequest, SendSummary};
use dealerdesk_core::ledger::{self, EntryKind};
use dealerdesk_core::mail::Security;
use dealerdesk_core::settings::{self, MailSettings};
use dealerdesk_core::{distributor, DatabaseConnection};

/// The test's SMTP server; stopped (its standard input closed) when dropped.
struct Server {
    child: Child,
    port: u16,
    dir: PathBuf,
}

impl Server {
    fn start(dir: &Path) -> Server {
        let port = std::net::TcpListener::bind("127.0.0.1:0")
            .unwrap()
            .local_addr()
            .unwrap()
            .port();
        let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/support/smtp_server.py");
        // Debian's own Python carries python3-aiosmtpd.
        let mut child = Command::new("/usr/bin/python3")
            .arg(&script)
            .arg(port.to_string())
            .arg(dir)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .spawn()
            .expect("python3 with aiosmtpd (scripts/setup.sh --test installs python3-aiosmtpd)");
        let mut line = String::new();
        BufReader::new(child.stdout.take().unwrap())
            .read_line(&mut line)
            .unwrap();
        assert_eq!(line.trim(), "ready", "the SMTP server did not start");
        Server {
            child,
            port,
            dir: dir.to_path_buf(),
        }
    }

    /// The messages accepted, in order.
    fn messages(&self) -> Vec<serde_json::Value> {
        let mut out = vec![];
        for n in 1.. {
            let p = self.dir.join(format!("{n}.json"));
            if !p.exists() {
                break;
            }
            out.push(serde_json::from_slice(&std::fs::read(p).unwrap()).unwrap());
        }
        out
    }

    fn attempts(&self, address: &str) -> u64 {
        let p = self.dir.join("attempts.json");
        let v: serde_json::Value = serde_json::from_slice(&std::fs::read(p).unwrap()).unwrap();
        v[address].as_u64().unwrap_or(0)
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        drop(self.child.stdin.take());
        let _ = self.child.wait();
    }
}

const HEADER: &str = "code,name,uscc,contact_name,contact_phone,contact_email,province,city,address,status,credit_limit,payment_terms_days";

/// D1 (contacts marked for statements), D2 (the main contact's e-mail only), D3 (no address).
async fn three(db: &DatabaseConnection, dir: &Path) -> Vec<i64> {
    let rows = [
        ("D1", "甲经销", ""),
        ("D2", "乙经销", "boss@yi.example.com"),
        ("D3", "丙经销", ""),
    ];
    let csv: Vec<String> = rows
        .iter()
        .enumerate()
        .map(|(i, (code, name, email))| {
            format!(
                "{code},{name},{},王伟,13812345678,{email},上海市,上海市,浦东新区张江路 88 号,active,100000.00,30",
                dealerdesk_core::demo::uscc_for(i as u64 + 1)
            )
        })
        .collect();
    let file = dir.join("d.csv");
    std::fs::write(&file, format!("{HEADER}\n{}", csv.join("\n"))).unwrap();
    distributor::transfer::import(db, &actor(), &file)
        .await
        .unwrap();
    let mut ids = vec![];
    for (code, _, _) in rows {
        ids.push(
            distributor::get_by_code(db, code)
                .await
                .unwrap()
                .unwrap()
                .id,
        );
    }
    ids
}

async fn contact(db: &DatabaseConnection, id: i64, name: &str, email: &str, receives: bool) {
    contacts::save(
        db,
        &actor(),
        ContactSave {
            distributor_id: id,
            id: None,
            input: ContactInput {
                name: name.into(),
                email: email.into(),
                receives_statements: receives,
                ..Default::default()
            },
            base: None,
        },
    )
    .await
    .unwrap();
}

async fn send_now(
    db: &DatabaseConnection,
    dir: &Path,
    ids: Vec<i64>,
    resend: bool,
    cancel: bool,
) -> SendSummary {
    send::send(
        db,
        &actor_on(day("2026-12-01")),
        &SendRequest {
            from: "2026-11-01".into(),
            to: "2026-11-30".into(),
            lang: Lang::ZhCn,
            distributor_ids: ids,
            resend,
        },
        None,
        &dir.join("sent"),
        Duration::from_millis(50),
        Arc::new(AtomicBool::new(cancel)),
        Arc::new(|_| {}),
    )
    .await
    .unwrap()
}

#[tokio::test]
async fn statements_go_to_the_right_addresses_and_come_back_with_their_pdf() {
    let (dir, db) = fresh().await;
    let server = Server::start(&dir.path().join("mailbox"));
    let ids = three(&db, dir.path()).await;
    contact(&db, ids[0], "赵敏", "zhao@jia.example.com", true).await;
    contact(&db, ids[0], "退信", "reject@jia.example.com", true).await;
    contact(&db, ids[0], "钱七", "qian@jia.example.com", false).await;
    let a = actor_on(day("2026-12-01"));
    for (i, id) in ids.iter().enumerate() {
        ledger::post(
            &db,
            &a,
            &entry(
                *id,
                "2026-11-05",
                &format!("F{i}"),
                EntryKind::Invoice,
                "12345.60",
            ),
        )
        .await
        .unwrap();
    }
    let mut company = settings::load_statement_settings(&db).await.unwrap();
    company.company.name = "华东制造有限公司".into();
    settings::save_statement_settings(&db, &a, company)
        .await
        .unwrap();
    let mail = MailSettings {
        host: "127.0.0.1".into(),
        port: server.port,
        security: Security::None,
        sender: "finance@maker.example.com".into(),
        sender_name: "华东制造 财务部".into(),
        ..MailSettings::default()
    };
    settings::save_mail_settings(&db, &a, mail.clone())
        .await
        .unwrap();

    let s = send_now(&db, dir.path(), vec![], false, false).await;
    assert_eq!((s.sent, s.messages), (2, 2), "{s:?}");
    let failures: Vec<(String, String)> = s
        .failures
        .iter()
        .map(|f| (f.code.clone(), f.address.clone()))
        .collect();
    assert_eq!(
        failures,
        vec![
            ("D1".to_string(), "reject@jia.example.com".to_string()),
            ("D3".to_string(), String::new()),
        ]
    );
    assert!(
        s.failures[0].reason.contains("550")
            && s.failures[0].reason.contains("mailbox unavailable"),
        "{}",
        s.failures[0].reason
    );
    assert_eq!(s.failures[1].reason, "no_address");
    assert_eq!(server.attempts("reject@jia.example.com"), 2, "retried once");
    assert_eq!(server.attempts("zhao@jia.example.com"), 1);

    let got = server.messages();
    assert_eq!(got.len(), 2);
    let to: Vec<&str> = got
        .iter()
        .map(|m| m["rcpt_tos"][0].as_str().unwrap())
        .collect();
    assert_eq!(to, ["zhao@jia.example.com", "boss@yi.example.com"]);
    let m = &got[0];
    assert_eq!(m["mail_from"], "finance@maker.example.com");
    assert_eq!(
        m["subject"],
        "华东制造有限公司 对账单（2026-11-01 至 2026-11-30）"
    );
    let body = m["body"].as_str().unwrap();
    assert!(body.starts_with("甲经销："), "{body}");
    assert!(body.contains("期末余额 12,345.60 元"), "{body}");
    let att = &m["attachments"][0];
    assert_eq!(att["filename"], "D1-2026-11-01-2026-11-30.pdf");
    assert_eq!(att["content_type"], "application/pdf");
    let pdf = server.dir.join(att["stored"].as_str().unwrap());
    let text = tool("pdftotext", &[pdf.to_str().unwrap(), "-"]);
    assert!(
        text.contains("甲经销") && text.contains("12,345.60"),
        "{text}"
    );

    // Two runs, e-mailed, awaiting an answer; a copy of each PDF kept.
    let listed = runs::list(&db, &RunQuery::default(), day("2026-12-01"))
        .await
        .unwrap();
    assert_eq!(listed.len(), 2);
    for r in &listed {
        assert_eq!(r.issued_via, IssuedVia::Email);
        assert!(r.sent_at.is_some());
        assert!(Path::new(&r.file).is_file());
    }
    let d1 = listed.iter().find(|r| r.distributor_id == ids[0]).unwrap();
    assert_eq!(d1.sent_to, "zhao@jia.example.com");

    // Nothing twice: both are skipped, D3 still has no address.
    let again = send_now(&db, dir.path(), vec![], false, false).await;
    assert_eq!((again.sent, again.messages), (0, 0));
    assert_eq!(again.skipped, ["D1", "D2"]);
    assert_eq!(server.messages().len(), 2);
    // Unless asked, for the one named.
    let resent = send_now(&db, dir.path(), vec![ids[1]], true, false).await;
    assert_eq!((resent.sent, resent.messages), (1, 1));
    assert!(resent.failures.is_empty());
    assert_eq!(server.messages().len(), 3);
    // Cancelled before the first: nothing is sent.
    let cancelled = send_now(&db, dir.path(), vec![ids[1]], true, true).await;
    assert!(cancelled.cancelled);
    assert_eq!(server.messages().len(), 3);

    // The settings' test message; a refused address gives the server's reason.
    send::test(&mail, None, "zhao@jia.example.com")
        .await
        .unwrap();
    assert_eq!(server.messages().len(), 4);
    let err = send::test(&mail, None, "reject@jia.example.com")
        .await
        .unwrap_err();
    assert_eq!(codes(&err), vec![("host".into(), "mail_failed".into())]);
}

#[tokio::test]
async fn a_server_that_is_not_there_fails_every_address_and_bad_settings_name_their_fields() {
    let (dir, db) = fresh().await;
    let ids = three(&db, dir.path()).await;
    let a = actor_on(day("2026-12-01"));
    ledger::post(
        &db,
        &a,
        &entry(ids[1], "2026-11-05", "F1", EntryKind::Invoice, "100"),
    )
    .await
    .unwrap();
    // A port nobody listens on.
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    settings::save_mail_settings(
        &db,
        &a,
        MailSettings {
            host: "127.0.0.1".into(),
            port,
            security: Security::None,
            sender: "finance@maker.example.com".into(),
            ..MailSettings::default()
        },
    )
    .await
    .unwrap();
    let s = send_now(&db, dir.path(), vec![ids[1]], false, false).await;
    assert_eq!(s.sent, 0);
    assert_eq!(s.failures.len(), 1);
    assert_eq!(s.failures[0].address, "boss@yi.example.com");
    assert!(!s.failures[0].reason.is_empty());
    assert!(runs::list(&db, &RunQuery::default(), day("2026-12-01"))
        .await
        .unwrap()
        .is_empty());

    let err = settings::save_mail_settings(
        &db,
        &a,
        MailSettings {
            host: "smtp example".into(),
            port: 0,
            sender: "finance".into(),
            subject_zh: "对账单\n".into(),
            ..MailSettings::default()
        },
    )
    .await
    .unwrap_err();
    assert_eq!(
        codes(&err),
        vec![
            ("host".into(), "code_chars".into()),
            ("port".into(), "out_of_range".into()),
            ("sender".into(), "email_format".into()),
        ]
    );
}
