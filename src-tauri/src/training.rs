//! Adapters for training: courses, sessions, results, certificates, compliance.
use dealerdesk_core::training::certificate::{self};
use dealerdesk_core::training::compliance::{self};
use dealerdesk_core::training::export::{self};
use dealerdesk_core::training::session::{self};
use dealerdesk_core::training::{self};
use tauri::State;

use crate::commands::{Req, Res};
use crate::state::AppState;
use dealerdesk_core::api::cmd;

type S<'a> = State<'a, AppState>;

#[tauri::command]
pub async fn course_list(s: S<'_>) -> Res<cmd::course_list> {
    training::list_courses(&s.db().await?).await
}

#[tauri::command]
pub async fn course_save(s: S<'_>, req: Req<cmd::course_save>) -> Res<cmd::course_save> {
    training::save_course(&s.db().await?, &s.actor().await?, &req).await
}

#[tauri::command]
pub async fn training_settings_get(s: S<'_>) -> Res<cmd::training_settings_get> {
    training::load_settings(&s.db().await?).await
}

#[tauri::command]
pub async fn training_settings_save(
    s: S<'_>,
    req: Req<cmd::training_settings_save>,
) -> Res<cmd::training_settings_save> {
    training::save_settings(&s.db().await?, &s.actor().await?, req).await
}

#[tauri::command]
pub async fn session_list(s: S<'_>, req: Req<cmd::session_list>) -> Res<cmd::session_list> {
    session::list(&s.db().await?, &req).await
}

#[tauri::command]
pub async fn session_get(s: S<'_>, req: Req<cmd::session_get>) -> Res<cmd::session_get> {
    session::get(&s.db().await?, req).await
}

#[tauri::command]
pub async fn session_save(s: S<'_>, req: Req<cmd::session_save>) -> Res<cmd::session_save> {
    session::save(&s.db().await?, &s.actor().await?, &req).await
}

#[tauri::command]
pub async fn session_enrol(s: S<'_>, req: Req<cmd::session_enrol>) -> Res<cmd::session_enrol> {
    session::enrol(&s.db().await?, &s.actor().await?, &req).await
}

#[tauri::command]
pub async fn session_unenrol(
    s: S<'_>,
    req: Req<cmd::session_unenrol>,
) -> Res<cmd::session_unenrol> {
    session::unenrol(&s.db().await?, &s.actor().await?, req).await
}

#[tauri::command]
pub async fn session_results(
    s: S<'_>,
    req: Req<cmd::session_results>,
) -> Res<cmd::session_results> {
    session::record_results(&s.db().await?, &s.actor().await?, &req).await
}

#[tauri::command]
pub async fn session_move(s: S<'_>, req: Req<cmd::session_move>) -> Res<cmd::session_move> {
    session::move_to(&s.db().await?, &s.actor().await?, &req).await
}

#[tauri::command]
pub async fn certificate_list(
    s: S<'_>,
    req: Req<cmd::certificate_list>,
) -> Res<cmd::certificate_list> {
    certificate::list(&s.db().await?, &req, s.today()).await
}

#[tauri::command]
pub async fn certificate_revoke(
    s: S<'_>,
    req: Req<cmd::certificate_revoke>,
) -> Res<cmd::certificate_revoke> {
    certificate::revoke(&s.db().await?, &s.actor().await?, &req).await
}

#[tauri::command]
pub async fn certificate_print(
    s: S<'_>,
    req: Req<cmd::certificate_print>,
) -> Res<cmd::certificate_print> {
    let paths = certificate::print(&s.db().await?, &req, s.today()).await?;
    s.written.add(std::path::Path::new(&req.out_dir));
    Ok(paths)
}

#[tauri::command]
pub async fn training_compliance(
    s: S<'_>,
    req: Req<cmd::training_compliance>,
) -> Res<cmd::training_compliance> {
    compliance::compliance(&s.db().await?, s.today(), req).await
}

#[tauri::command]
pub async fn training_export(
    s: S<'_>,
    req: Req<cmd::training_export>,
) -> Res<cmd::training_export> {
    export::export(&s.db().await?, &s.access().await?, &req, s.today()).await
}
