//! Adapters for performance reviews: the quarter's scorecards and their settings.
use dealerdesk_core::api::cmd;
use dealerdesk_core::{scorecard, violation};
use tauri::State;

use crate::commands::{Req, Res};
use crate::state::AppState;

type S<'a> = State<'a, AppState>;

#[tauri::command]
pub async fn scorecard_review(
    s: S<'_>,
    req: Req<cmd::scorecard_review>,
) -> Res<cmd::scorecard_review> {
    let quarter = scorecard::parse_quarter("quarter", &req)?;
    scorecard::review(&s.db().await?, quarter).await
}

#[tauri::command]
pub async fn scorecard_settings_get(s: S<'_>) -> Res<cmd::scorecard_settings_get> {
    scorecard::load_settings(&s.db().await?).await
}

#[tauri::command]
pub async fn scorecard_settings_save(
    s: S<'_>,
    req: Req<cmd::scorecard_settings_save>,
) -> Res<cmd::scorecard_settings_save> {
    scorecard::save_settings(&s.db().await?, &s.actor().await?, req).await
}

#[tauri::command]
pub async fn scorecard_rate(s: S<'_>, req: Req<cmd::scorecard_rate>) -> Res<cmd::scorecard_rate> {
    scorecard::rate(&s.db().await?, &s.actor().await?, &req).await
}

#[tauri::command]
pub async fn violation_list(s: S<'_>, req: Req<cmd::violation_list>) -> Res<cmd::violation_list> {
    violation::list(&s.db().await?, req.distributor_id).await
}

#[tauri::command]
pub async fn violation_record(
    s: S<'_>,
    req: Req<cmd::violation_record>,
) -> Res<cmd::violation_record> {
    violation::record(&s.db().await?, &s.actor().await?, &req).await
}

#[tauri::command]
pub async fn violation_cancel(
    s: S<'_>,
    req: Req<cmd::violation_cancel>,
) -> Res<cmd::violation_cancel> {
    violation::cancel(&s.db().await?, &s.actor().await?, &req).await
}

#[tauri::command]
pub async fn violation_settings_get(s: S<'_>) -> Res<cmd::violation_settings_get> {
    violation::load_settings(&s.db().await?).await
}

#[tauri::command]
pub async fn violation_settings_save(
    s: S<'_>,
    req: Req<cmd::violation_settings_save>,
) -> Res<cmd::violation_settings_save> {
    violation::save_settings(&s.db().await?, &s.actor().await?, req).await
}
