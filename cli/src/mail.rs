//! `mail-settings`: the outgoing mail server; `send-statements`: a period's
//! statements by e-mail. The SMTP password, for a server that needs a login,
//! comes from `DEALERDESK_SMTP_PASSWORD` (the CLI keeps no secret).
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::Duration;

use clap::Args;
use dealerdesk_core::lang::Lang;
use dealerdesk_core::ledger::send::{self, SendRequest};
use dealerdesk_core::mail::Security;
use dealerdesk_core::settings::{self, MailSettings};
use dealerdesk_core::{AppError, AppResult};

use crate::context::Ctx;

#[derive(Args)]
pub struct MailSettingsArgs {
    #[arg(long)]
    host: String,
    #[arg(long, default_value_t = 587)]
    port: u16,
    /// none, starttls or tls.
    #[arg(long, default_value = "starttls")]
    security: String,
    /// The login; empty: none.
    #[arg(long, default_value = "")]
    user: String,
    /// The From address.
    #[arg(long)]
    sender: String,
    #[arg(long, default_value = "")]
    sender_name: String,
}

pub async fn settings(ctx: &Ctx, a: &MailSettingsArgs) -> AppResult<()> {
    let security = match a.security.as_str() {
        "none" => Security::None,
        "starttls" => Security::Starttls,
        "tls" => Security::Tls,
        _ => {
            return Err(AppError::field(
                "security",
                dealerdesk_core::error::ErrorCode::InvalidChoice,
            ))
        }
    };
    let current = settings::load_mail_settings(&ctx.conn).await?;
    let saved = settings::save_mail_settings(
        &ctx.conn,
        &ctx.actor().await?,
        MailSettings {
            host: a.host.clone(),
            port: a.port,
            security,
            user: a.user.clone(),
            sender: a.sender.clone(),
            sender_name: a.sender_name.clone(),
            ..current
        },
    )
    .await?;
    println!(
        "mail: {}:{} ({:?}) from {}",
        saved.host, saved.port, saved.security, saved.sender
    );
    Ok(())
}

#[derive(Args)]
pub struct SendArgs {
    /// First day, YYYY-MM-DD.
    #[arg(long)]
    from: String,
    /// Last day, YYYY-MM-DD.
    #[arg(long)]
    to: String,
    /// Only these distributors (codes); default: every active one.
    #[arg(long = "distributor")]
    distributors: Vec<String>,
    #[arg(long, default_value = "zh-CN")]
    lang: Lang,
    /// Send again what was already e-mailed for the period.
    #[arg(long)]
    resend: bool,
    /// Print the summary as JSON.
    #[arg(long)]
    json: bool,
}

/// Exits non-zero when any address failed (each listed on stderr).
pub async fn send_statements(ctx: &Ctx, a: &SendArgs) -> AppResult<()> {
    let mut ids = vec![];
    for code in &a.distributors {
        ids.push(ctx.distributor_id(code).await?);
    }
    let password = std::env::var("DEALERDESK_SMTP_PASSWORD").ok();
    let cancel = Arc::new(AtomicBool::new(false));
    let on_ctrl_c = cancel.clone();
    tokio::spawn(async move {
        if tokio::signal::ctrl_c().await.is_ok() {
            on_ctrl_c.store(true, Ordering::Relaxed);
        }
    });
    let summary = send::send(
        &ctx.conn,
        &ctx.actor().await?,
        &SendRequest {
            from: a.from.clone(),
            to: a.to.clone(),
            lang: a.lang,
            distributor_ids: ids,
            resend: a.resend,
        },
        password.as_deref(),
        &ctx.db_path
            .parent()
            .map(|p| p.join("prints"))
            .unwrap_or_else(|| "prints".into()),
        Duration::from_secs(2),
        cancel,
        Arc::new(|p: send::SendProgress| {
            if !p.current.is_empty() {
                eprintln!("[{}/{}] {}", p.done + 1, p.total, p.current);
            }
        }),
    )
    .await?;
    if a.json {
        println!(
            "{}",
            serde_json::to_string_pretty(&summary).map_err(AppError::io)?
        );
    } else {
        println!(
            "sent {} statement(s) in {} message(s); {} already sent; {} failure(s)",
            summary.sent,
            summary.messages,
            summary.skipped.len(),
            summary.failures.len()
        );
    }
    for f in &summary.failures {
        eprintln!(
            "failed: {} {} <{}>: {}",
            f.code, f.name, f.address, f.reason
        );
    }
    for s in &summary.substituted {
        eprintln!(
            "printed as □, the font lacks them: {} {}: {}",
            s.code, s.name, s.chars
        );
    }
    if summary.failures.is_empty() {
        Ok(())
    } else {
        Err(AppError::field_detail(
            "distributor_ids",
            dealerdesk_core::error::ErrorCode::MailFailed,
            format!("{} failure(s)", summary.failures.len()),
        ))
    }
}
