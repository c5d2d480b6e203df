//! Adapters for the service desk: complaints, their timeline, attachments and
//! report, the escalation settings, and the working calendar the clocks run on.
use std::path::Path;

use dealerdesk_core::api::cmd;
use dealerdesk_core::complaint::days::{self};
use dealerdesk_core::complaint::report::{self};
use dealerdesk_core::complaint::{self};
use dealerdesk_core::AppError;
use tauri::{AppHandle, State};
use tauri_plugin_opener::OpenerExt;

use crate::commands::{Req, Res};
use crate::state::AppState;

type S<'a> = State<'a, AppState>;

#[tauri::command]
pub async fn complaint_list(s: S<'_>, req: Req<cmd::complaint_list>) -> Res<cmd::complaint_list> {
    complaint::list(&s.db().await?, &s.access().await?, &req, s.clock().now).await
}

#[tauri::command]
pub async fn complaint_get(s: S<'_>, req: Req<cmd::complaint_get>) -> Res<cmd::complaint_get> {
    complaint::get(&s.db().await?, &s.access().await?, req, s.clock().now).await
}

#[tauri::command]
pub async fn complaint_record(
    s: S<'_>,
    req: Req<cmd::complaint_record>,
) -> Res<cmd::complaint_record> {
    complaint::record(&s.db().await?, &s.actor().await?, &req).await
}

#[tauri::command]
pub async fn complaint_transition(
    s: S<'_>,
    req: Req<cmd::complaint_transition>,
) -> Res<cmd::complaint_transition> {
    complaint::transition(&s.db().await?, &s.actor().await?, &req).await
}

#[tauri::command]
pub async fn complaint_note(s: S<'_>, req: Req<cmd::complaint_note>) -> Res<cmd::complaint_note> {
    complaint::add_note(&s.db().await?, &s.actor().await?, &req).await
}

#[tauri::command]
pub async fn complaint_attach(
    s: S<'_>,
    req: Req<cmd::complaint_attach>,
) -> Res<cmd::complaint_attach> {
    complaint::attach(&s.db().await?, &s.attachments, &s.actor().await?, &req).await
}

/// Opens a complaint's attached file in the system viewer.
#[tauri::command]
pub async fn complaint_attachment_open(
    app: AppHandle,
    s: S<'_>,
    req: Req<cmd::complaint_attachment_open>,
) -> Res<cmd::complaint_attachment_open> {
    let path = dealerdesk_core::opening::stored_attachment(
        complaint::attachment_path(&s.db().await?, &s.attachments, &req).await?,
    )?;
    app.opener()
        .open_path(path.to_string_lossy(), None::<&str>)
        .map_err(AppError::io)
}

#[tauri::command]
pub async fn complaint_report(
    s: S<'_>,
    req: Req<cmd::complaint_report>,
) -> Res<cmd::complaint_report> {
    report::build(&s.db().await?, &s.access().await?, &req, s.clock().now).await
}

#[tauri::command]
pub async fn complaint_report_file(
    s: S<'_>,
    req: Req<cmd::complaint_report_file>,
) -> Res<cmd::complaint_report_file> {
    let path = report::write_file(&s.db().await?, &s.access().await?, &req, s.clock()).await?;
    s.written.add(Path::new(&path));
    Ok(path)
}

#[tauri::command]
pub async fn complaint_settings_get(s: S<'_>) -> Res<cmd::complaint_settings_get> {
    complaint::load_settings(&s.db().await?).await
}

#[tauri::command]
pub async fn complaint_settings_save(
    s: S<'_>,
    req: Req<cmd::complaint_settings_save>,
) -> Res<cmd::complaint_settings_save> {
    complaint::save_settings(&s.db().await?, &s.actor().await?, req).await
}

#[tauri::command]
pub async fn calendar_days_get(s: S<'_>) -> Res<cmd::calendar_days_get> {
    days::list(&s.db().await?).await
}

#[tauri::command]
pub async fn calendar_days_save(
    s: S<'_>,
    req: Req<cmd::calendar_days_save>,
) -> Res<cmd::calendar_days_save> {
    days::replace(&s.db().await?, &s.actor().await?, &req).await
}

/// Replaces the dated exceptions with those of a `date,kind,name` CSV/XLSX file.
#[tauri::command]
pub async fn calendar_import(
    s: S<'_>,
    req: Req<cmd::calendar_import>,
) -> Res<cmd::calendar_import> {
    let list = days::read_csv(Path::new(&req))?;
    days::replace(&s.db().await?, &s.actor().await?, &list).await
}

#[tauri::command]
pub async fn calendar_export(
    s: S<'_>,
    req: Req<cmd::calendar_export>,
) -> Res<cmd::calendar_export> {
    let list = days::list(&s.db().await?).await?;
    days::write_csv(Path::new(&req), &list)?;
    Ok(list.len() as u32)
}
