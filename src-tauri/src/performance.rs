//! Adapters for performance reviews: the quarter's scorecards and their settings.
use dealerdesk_core::api::cmd;
use dealerdesk_core::scorecard;
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
