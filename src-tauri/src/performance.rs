//! Adapters for performance reviews: the quarter's scorecards and their settings,
//! finalising, warnings, improvement plans, the annual tier review, violations,
//! visits; and the receivables list across distributors.
use dealerdesk_core::api::cmd;
use dealerdesk_core::ledger::receivables;
use dealerdesk_core::{scorecard, violation, visit};
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
    scorecard::review_for(&s.db().await?, &s.access().await?, quarter).await
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
pub async fn scorecard_file(s: S<'_>, req: Req<cmd::scorecard_file>) -> Res<cmd::scorecard_file> {
    scorecard::export::write_file(&s.db().await?, &s.access().await?, &req, s.today()).await
}

#[tauri::command]
pub async fn scorecard_finalise(
    s: S<'_>,
    req: Req<cmd::scorecard_finalise>,
) -> Res<cmd::scorecard_finalise> {
    scorecard::finalise::finalise(&s.db().await?, &s.actor().await?, &req).await
}

#[tauri::command]
pub async fn scorecard_revise(
    s: S<'_>,
    req: Req<cmd::scorecard_revise>,
) -> Res<cmd::scorecard_revise> {
    scorecard::finalise::revise(&s.db().await?, &s.actor().await?, &req).await
}

#[tauri::command]
pub async fn scorecard_history(
    s: S<'_>,
    req: Req<cmd::scorecard_history>,
) -> Res<cmd::scorecard_history> {
    scorecard::finalise::history(&s.db().await?, req).await
}

#[tauri::command]
pub async fn scorecard_warnings(s: S<'_>) -> Res<cmd::scorecard_warnings> {
    scorecard::finalise::warnings(&s.db().await?, None, s.today()).await
}

#[tauri::command]
pub async fn plan_list(s: S<'_>, req: Req<cmd::plan_list>) -> Res<cmd::plan_list> {
    scorecard::plan::list(&s.db().await?, req.distributor_id, req.open_only, s.today()).await
}

#[tauri::command]
pub async fn plan_save(s: S<'_>, req: Req<cmd::plan_save>) -> Res<cmd::plan_save> {
    scorecard::plan::save(&s.db().await?, &s.actor().await?, &req).await
}

#[tauri::command]
pub async fn tier_review(s: S<'_>, req: Req<cmd::tier_review>) -> Res<cmd::tier_review> {
    scorecard::tiers::review_for(&s.db().await?, &s.access().await?, req).await
}

#[tauri::command]
pub async fn tier_apply(s: S<'_>, req: Req<cmd::tier_apply>) -> Res<cmd::tier_apply> {
    scorecard::tiers::apply(&s.db().await?, &s.actor().await?, &req).await
}

#[tauri::command]
pub async fn violation_list(s: S<'_>, req: Req<cmd::violation_list>) -> Res<cmd::violation_list> {
    violation::list(&s.db().await?, &s.access().await?, req.distributor_id).await
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

#[tauri::command]
pub async fn visit_list(s: S<'_>, req: Req<cmd::visit_list>) -> Res<cmd::visit_list> {
    visit::list(&s.db().await?, &s.access().await?, &req, s.today()).await
}

#[tauri::command]
pub async fn visit_save(s: S<'_>, req: Req<cmd::visit_save>) -> Res<cmd::visit_save> {
    visit::save(&s.db().await?, &s.actor().await?, &req).await
}

#[tauri::command]
pub async fn visit_export(s: S<'_>, req: Req<cmd::visit_export>) -> Res<cmd::visit_export> {
    visit::export(&s.db().await?, &s.access().await?, &req, s.today()).await
}

#[tauri::command]
pub async fn receivables_list(
    s: S<'_>,
    req: Req<cmd::receivables_list>,
) -> Res<cmd::receivables_list> {
    let as_of = receivables::parse_as_of(&req.as_of, s.today())?;
    receivables::load(&s.db().await?, &s.access().await?, as_of).await
}

#[tauri::command]
pub async fn receivables_export(
    s: S<'_>,
    req: Req<cmd::receivables_export>,
) -> Res<cmd::receivables_export> {
    receivables::export(&s.db().await?, &s.access().await?, &req, s.today()).await
}

#[tauri::command]
pub async fn credit_check(s: S<'_>, req: Req<cmd::credit_check>) -> Res<cmd::credit_check> {
    receivables::over_limit(&s.db().await?, &s.access().await?, &req).await
}
