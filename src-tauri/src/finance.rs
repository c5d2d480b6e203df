//! Adapters for the owner's dashboard and the finance clerk's work across
//! distributors: the collections log, statement runs and their
//! confirmations, and the reminders' days.
use dealerdesk_core::api::cmd;
use dealerdesk_core::ledger::{collections, runs};
use dealerdesk_core::{dashboard, settings};
use tauri::State;

use crate::commands::{Req, Res};
use crate::state::AppState;

type S<'a> = State<'a, AppState>;

#[tauri::command]
pub async fn dashboard_get(s: S<'_>, req: Req<cmd::dashboard_get>) -> Res<cmd::dashboard_get> {
    dashboard::load(&s.db().await?, &s.access().await?, &req, &s.clock()).await
}

#[tauri::command]
pub async fn collection_list(
    s: S<'_>,
    req: Req<cmd::collection_list>,
) -> Res<cmd::collection_list> {
    collections::list(&s.db().await?, &req, s.today()).await
}

#[tauri::command]
pub async fn collection_add(s: S<'_>, req: Req<cmd::collection_add>) -> Res<cmd::collection_add> {
    collections::add(&s.db().await?, &s.actor().await?, &req).await
}

#[tauri::command]
pub async fn statement_runs(s: S<'_>, req: Req<cmd::statement_runs>) -> Res<cmd::statement_runs> {
    runs::list(&s.db().await?, &req, s.today()).await
}

#[tauri::command]
pub async fn statement_confirm(
    s: S<'_>,
    req: Req<cmd::statement_confirm>,
) -> Res<cmd::statement_confirm> {
    runs::confirm(&s.db().await?, &s.actor().await?, &req).await
}

#[tauri::command]
pub async fn confirmation_report(
    s: S<'_>,
    req: Req<cmd::confirmation_report>,
) -> Res<cmd::confirmation_report> {
    runs::report(&s.db().await?, &req.from, &req.to, s.today()).await
}

#[tauri::command]
pub async fn reminder_settings_get(s: S<'_>) -> Res<cmd::reminder_settings_get> {
    settings::load_reminder_settings(&s.db().await?).await
}

#[tauri::command]
pub async fn reminder_settings_save(
    s: S<'_>,
    req: Req<cmd::reminder_settings_save>,
) -> Res<cmd::reminder_settings_save> {
    settings::save_reminder_settings(&s.db().await?, &s.actor().await?, req).await
}
