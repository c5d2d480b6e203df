//! Adapters for e-mail: the mail settings (their password in the system's
//! keyring, asked for only when there is a user name), the test message and
//! sending statements with progress and cancel.
use std::sync::atomic::Ordering;
use std::sync::Arc;
use std::time::Duration;

use dealerdesk_core::api::cmd;
use dealerdesk_core::ledger::send;
use dealerdesk_core::settings::{self, MailSettings, MailSettingsView};
use dealerdesk_core::{AppError, AppResult};
use tauri::ipc::Channel;
use tauri::State;

use crate::commands::{Msg, Req, Res};
use crate::state::AppState;

type S<'a> = State<'a, AppState>;

const SERVICE: &str = "DealerDesk SMTP";

/// The keyring entry of a login: one per user and server.
fn entry(s: &MailSettings) -> AppResult<keyring::Entry> {
    keyring::Entry::new(SERVICE, &format!("{}@{}", s.user.trim(), s.host.trim()))
        .map_err(|e| AppError::io(format!("keyring: {e}")))
}

/// The kept password; `None` without a user name (the keyring is not touched).
fn password(s: &MailSettings) -> AppResult<Option<String>> {
    if s.user.trim().is_empty() {
        return Ok(None);
    }
    match entry(s)?.get_password() {
        Ok(p) => Ok(Some(p)),
        Err(keyring::Error::NoEntry) => Ok(None),
        Err(e) => Err(AppError::io(format!("keyring: {e}"))),
    }
}

fn view(settings: MailSettings) -> AppResult<MailSettingsView> {
    let password_saved = password(&settings)?.is_some();
    Ok(MailSettingsView {
        settings,
        password_saved,
    })
}

#[tauri::command]
pub async fn mail_settings_get(s: S<'_>) -> Res<cmd::mail_settings_get> {
    let settings = settings::load_mail_settings(&s.db().await?).await?;
    // A keyring that cannot be reached shows as "no password kept".
    let saved = password(&settings).ok().flatten().is_some();
    Ok(MailSettingsView {
        settings,
        password_saved: saved,
    })
}

#[tauri::command]
pub async fn mail_settings_save(
    s: S<'_>,
    req: Req<cmd::mail_settings_save>,
) -> Res<cmd::mail_settings_save> {
    let saved =
        settings::save_mail_settings(&s.db().await?, &s.actor().await?, req.settings).await?;
    if let Some(p) = req.password.filter(|p| !p.is_empty()) {
        if saved.user.trim().is_empty() {
            return Err(AppError::field(
                "user",
                dealerdesk_core::error::ErrorCode::Required,
            ));
        }
        entry(&saved)?
            .set_password(&p)
            .map_err(|e| AppError::io(format!("keyring: {e}")))?;
    }
    view(saved)
}

#[tauri::command]
pub async fn mail_test(s: S<'_>, req: Req<cmd::mail_test>) -> Res<cmd::mail_test> {
    let settings = settings::load_mail_settings(&s.db().await?).await?;
    send::test(&settings, password(&settings)?.as_deref(), &req).await
}

#[tauri::command]
pub async fn statement_send(
    s: S<'_>,
    req: Req<cmd::statement_send>,
    on_progress: Channel<Msg<cmd::statement_send>>,
) -> Res<cmd::statement_send> {
    s.send_cancel.store(false, Ordering::Relaxed);
    let db = s.db().await?;
    let settings = settings::load_mail_settings(&db).await?;
    let pass = password(&settings)?;
    let summary = send::send(
        &db,
        &s.actor().await?,
        &req,
        pass.as_deref(),
        &s.prints,
        Duration::from_secs(2),
        s.send_cancel.clone(),
        Arc::new(move |p| {
            let _ = on_progress.send(p);
        }),
    )
    .await?;
    s.written.add(&s.prints);
    Ok(summary)
}

#[tauri::command]
pub async fn statement_send_cancel(s: S<'_>) -> Res<cmd::statement_send_cancel> {
    s.send_cancel.store(true, Ordering::Relaxed);
    Ok(())
}
