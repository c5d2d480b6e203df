//! Statements by e-mail: each distributor's statement PDF goes to its
//! contacts marked "receives statements", else to the main contact's e-mail,
//! with the subject and body of the template in the statement's language.
//! One message per address; an address that fails is tried once more, and
//! every failure is listed with the server's reason. A distributor with no
//! address is a failure too. A statement already e-mailed for the same
//! period is not sent again unless asked. Each sent statement is a run
//! (issued by e-mail, to whom, when) awaiting the distributor's answer.
use std::collections::HashMap;
use std::path::Path;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::Duration;

use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, TransactionTrait};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::runs::{IssuedVia, NewRun};
use super::statement::{self, parse_period, Statement};
use crate::actor::Actor;
use crate::actor::Right;
use crate::entity::{distributor_contact, statement_run};
use crate::error::{AppError, AppResult, ErrorCode};
use crate::lang::Lang;
use crate::mail::{Outgoing, Smtp};
use crate::settings::{self, MailSettings};

#[derive(Debug, Clone, Deserialize, TS)]
#[ts(export)]
pub struct SendRequest {
    pub from: String,
    pub to: String,
    pub lang: Lang,
    /// The distributors to send to; empty: every active one.
    #[ts(type = "number[]")]
    #[serde(default)]
    pub distributor_ids: Vec<i64>,
    /// Send again a statement already e-mailed for the same period.
    #[serde(default)]
    pub resend: bool,
}

#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct SendProgress {
    pub done: u32,
    pub total: u32,
    /// The distributor being sent now.
    pub current: String,
}

#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct SendFailure {
    #[ts(type = "number")]
    pub distributor_id: i64,
    pub code: String,
    pub name: String,
    /// Empty: the distributor has no address.
    pub address: String,
    /// The server's reason, or `no_address`.
    pub reason: String,
}

#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct SendSummary {
    /// Statements sent (to at least one address).
    pub sent: u32,
    /// Messages sent (one per address).
    pub messages: u32,
    /// Codes of those already e-mailed for the period, left alone.
    pub skipped: Vec<String>,
    pub failures: Vec<SendFailure>,
    /// Statements sent with characters the font lacks printed as `□`.
    pub substituted: Vec<super::statement::Substituted>,
    /// The runs recorded, one per statement sent.
    #[ts(type = "number[]")]
    pub runs: Vec<i64>,
    pub cancelled: bool,
}

/// `{name}` placeholders filled from the statement.
pub fn fill(template: &str, s: &Statement, company: &str) -> String {
    template
        .replace("{company}", company)
        .replace("{distributor}", &s.distributor.name)
        .replace("{code}", &s.distributor.code)
        .replace("{from}", &s.from)
        .replace("{to}", &s.to)
        .replace("{balance}", &s.closing_balance.grouped())
}

/// Who gets a distributor's statement: the contacts marked for it, else the
/// main contact's e-mail; addresses that are not well formed are left out.
async fn recipients<C: ConnectionTrait>(
    db: &C,
    ids: &[i64],
) -> AppResult<HashMap<i64, Vec<String>>> {
    let mut out: HashMap<i64, Vec<String>> = HashMap::new();
    for c in crate::db::find_in(
        db,
        distributor_contact::Entity::find()
            .filter(distributor_contact::Column::ReceivesStatements.eq(true)),
        distributor_contact::Column::DistributorId,
        ids.iter().copied(),
    )
    .await?
    {
        let e = c.email.trim().to_string();
        if crate::mail::is_address(&e) {
            let list = out.entry(c.distributor_id).or_default();
            if !list.contains(&e) {
                list.push(e);
            }
        }
    }
    for (id, d) in crate::distributor::models_by_id(db, ids.iter().copied()).await? {
        let e = d.contact_email.trim().to_string();
        if !out.contains_key(&id) && crate::mail::is_address(&e) {
            out.insert(id, vec![e]);
        }
    }
    Ok(out)
}

/// Sends the statements. `password` is the SMTP login's (with a user name
/// only); `out_dir` keeps a copy of each PDF sent; `pause` is the wait before
/// an address is tried again.
#[allow(clippy::too_many_arguments)]
pub async fn send<C: ConnectionTrait + TransactionTrait>(
    db: &C,
    actor: &Actor,
    req: &SendRequest,
    password: Option<&str>,
    out_dir: &Path,
    pause: Duration,
    cancel: Arc<AtomicBool>,
    progress: Arc<dyn Fn(SendProgress) + Send + Sync>,
) -> AppResult<SendSummary> {
    actor.require(Right::Finance)?;
    let (from, to) = parse_period(&req.from, &req.to)?;
    let mail: MailSettings = settings::load_mail_settings(db).await?;
    let smtp = Smtp::new(&mail.smtp(), password)?;
    let company = settings::load_company(db).await?;
    let mut statements: Vec<Statement> = super::batch::load_all(db, &req.from, &req.to).await?;
    if !req.distributor_ids.is_empty() {
        let missing: Vec<&i64> = req
            .distributor_ids
            .iter()
            .filter(|id| !statements.iter().any(|s| s.distributor.id == **id))
            .collect();
        for id in missing {
            // Not active: still sent when named.
            statements.push(
                statement::load(
                    db,
                    &statement::StatementRequest {
                        distributor_id: *id,
                        from: req.from.clone(),
                        to: req.to.clone(),
                    },
                )
                .await?,
            );
        }
        statements.retain(|s| req.distributor_ids.contains(&s.distributor.id));
    }
    let ids: Vec<i64> = statements.iter().map(|s| s.distributor.id).collect();
    let already: Vec<i64> = statement_run::Entity::find()
        .filter(statement_run::Column::PeriodFrom.eq(from))
        .filter(statement_run::Column::PeriodTo.eq(to))
        .filter(statement_run::Column::SentAt.is_not_null())
        .all(db)
        .await?
        .into_iter()
        .map(|r| r.distributor_id)
        .collect();
    let addresses = recipients(db, &ids).await?;
    std::fs::create_dir_all(out_dir)
        .map_err(|e| AppError::io(format!("{}: {e}", out_dir.display())))?;
    let total = statements.len() as u32;
    let mut summary = SendSummary {
        sent: 0,
        messages: 0,
        skipped: vec![],
        failures: vec![],
        substituted: vec![],
        runs: vec![],
        cancelled: false,
    };
    let printed = actor.today().to_string();
    let (subject_t, body_t) = if req.lang.is_en() {
        (&mail.subject_en, &mail.body_en)
    } else {
        (&mail.subject_zh, &mail.body_zh)
    };
    for (i, s) in statements.into_iter().enumerate() {
        if cancel.load(Ordering::Relaxed) {
            summary.cancelled = true;
            break;
        }
        progress(SendProgress {
            done: i as u32,
            total,
            current: format!("{} {}", s.distributor.code, s.distributor.name),
        });
        let fail = |address: &str, reason: String| SendFailure {
            distributor_id: s.distributor.id,
            code: s.distributor.code.clone(),
            name: s.distributor.name.clone(),
            address: address.to_string(),
            reason,
        };
        if already.contains(&s.distributor.id) && !req.resend {
            summary.skipped.push(s.distributor.code.clone());
            continue;
        }
        let Some(to_list) = addresses.get(&s.distributor.id).filter(|l| !l.is_empty()) else {
            summary.failures.push(fail("", "no_address".into()));
            continue;
        };
        let file_name = format!("{}-{}-{}.pdf", s.distributor.code, s.from, s.to);
        let (subject, body) = (
            fill(subject_t, &s, &company.name),
            fill(body_t, &s, &company.name),
        );
        let (lang, c2, p2) = (req.lang, company.clone(), printed.clone());
        let s2 = s.clone();
        let printed = tokio::task::spawn_blocking(move || {
            super::statement_layout::render(&s2, &c2, lang, &p2)
        })
        .await
        .map_err(AppError::io)??;
        let pdf = printed.bytes;
        let mut delivered = vec![];
        for address in to_list {
            let one = [address.clone()];
            let m = Outgoing {
                to: &one,
                subject: &subject,
                body: &body,
                pdf: Some((&file_name, &pdf)),
            };
            let mut result = smtp.send(&m).await;
            if result.is_err() && !cancel.load(Ordering::Relaxed) {
                tokio::time::sleep(pause).await;
                result = smtp.send(&m).await;
            }
            match result {
                Ok(()) => {
                    summary.messages += 1;
                    delivered.push(address.clone());
                }
                Err(reason) => summary.failures.push(fail(address, reason)),
            }
        }
        if delivered.is_empty() {
            continue;
        }
        if !printed.substituted.is_empty() {
            summary.substituted.push(super::statement::Substituted {
                code: s.distributor.code.clone(),
                name: s.distributor.name.clone(),
                chars: printed.substituted,
            });
        }
        let path = out_dir.join(&file_name);
        crate::pdf::write_atomically(&path, &pdf)?;
        let file = path.display().to_string();
        let ids = super::runs::record(
            db,
            actor,
            &[NewRun {
                distributor_id: s.distributor.id,
                from,
                to,
                closing_fen: s.closing_balance.fen(),
                lang: req.lang,
                file: &file,
                via: IssuedVia::Email,
            }],
        )
        .await?;
        for id in &ids {
            super::runs::mark_sent(db, actor, *id, &delivered.join(", ")).await?;
        }
        summary.runs.extend(ids);
        summary.sent += 1;
    }
    progress(SendProgress {
        done: total,
        total,
        current: String::new(),
    });
    Ok(summary)
}

/// Sends a short test message to `to`, to check the settings.
pub async fn test(mail: &MailSettings, password: Option<&str>, to: &str) -> AppResult<()> {
    if !crate::mail::is_address(to.trim()) {
        return Err(AppError::field("test_to", ErrorCode::EmailFormat));
    }
    let smtp = Smtp::new(&mail.smtp(), password)?;
    let one = [to.trim().to_string()];
    smtp.send(&Outgoing {
        to: &one,
        subject: "DealerDesk 测试邮件 / test message",
        body:
            "这是一封测试邮件：邮件设置可以使用。\nThis is a test message: the mail settings work.",
        pdf: None,
    })
    .await
    .map_err(|reason| AppError::field_detail("host", ErrorCode::MailFailed, reason))
}
