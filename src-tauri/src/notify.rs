//! The start-up notification: one desktop notification for the reminders
//! that became due since the last start. Whatever fails here (no database
//! yet, no notification service) is logged and forgotten: it never blocks
//! or stops the start.
use dealerdesk_core::reminders::centre;
use dealerdesk_core::settings;
use dealerdesk_core::{AppError, AppResult};
use tauri::{AppHandle, Manager};
use tauri_plugin_notification::NotificationExt;

use crate::state::AppState;

pub async fn due_since_last_start(app: AppHandle) {
    if let Err(e) = notify(&app).await {
        eprintln!("DealerDesk: no start-up notification ({e})");
    }
}

async fn notify(app: &AppHandle) -> AppResult<()> {
    let state = app.state::<AppState>();
    let db = state.db().await?;
    let due = centre::since_last_start(&db, &state.clock()).await?;
    if due.is_empty() {
        return Ok(());
    }
    let en = settings::load(&db)
        .await
        .map(|s| s.language.is_en())
        .unwrap_or(false);
    let title = if en {
        format!("DealerDesk: {} reminder(s) became due", due.len())
    } else {
        format!("DealerDesk：{} 项提醒到期", due.len())
    };
    let mut lines: Vec<String> = due
        .iter()
        .take(3)
        .map(|r| {
            let label = if en { &r.label_en } else { &r.label_zh };
            format!("{} {}", r.distributor_name, label)
                .trim()
                .to_string()
        })
        .collect();
    if due.len() > 3 {
        lines.push(if en { "…".into() } else { "……".into() });
    }
    app.notification()
        .builder()
        .title(title)
        .body(lines.join("\n"))
        .show()
        .map_err(AppError::io)
}
