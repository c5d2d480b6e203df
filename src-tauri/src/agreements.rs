//! Adapters for agreements, rebate runs, onboarding and reminders (one core
//! call each). "Today" is the office's date: `--today` when given, else the
//! computer's local date.
use std::path::Path;

use dealerdesk_core::agreement::export::{self};
use dealerdesk_core::agreement::print::{self, AgreementPdfRequest};
use dealerdesk_core::agreement::rebate::{self};
use dealerdesk_core::agreement::template::{self};
use dealerdesk_core::agreement::{self};
use dealerdesk_core::onboarding::{self};
use dealerdesk_core::reminders::{self};
use dealerdesk_core::AppError;
use tauri::{AppHandle, State};
use tauri_plugin_opener::OpenerExt;

use crate::commands::{Req, Res};
use crate::state::AppState;
use dealerdesk_core::api::cmd;

type S<'a> = State<'a, AppState>;

#[tauri::command]
pub async fn agreement_list(s: S<'_>, req: Req<cmd::agreement_list>) -> Res<cmd::agreement_list> {
    agreement::list(&s.db().await?, &s.access().await?, &req, s.today()).await
}

#[tauri::command]
pub async fn agreement_get(s: S<'_>, req: Req<cmd::agreement_get>) -> Res<cmd::agreement_get> {
    agreement::get(&s.db().await?, &s.access().await?, req, s.today()).await
}

#[tauri::command]
pub async fn agreement_create(
    s: S<'_>,
    req: Req<cmd::agreement_create>,
) -> Res<cmd::agreement_create> {
    agreement::create(&s.db().await?, &s.actor().await?, &req).await
}

#[tauri::command]
pub async fn agreement_update(
    s: S<'_>,
    req: Req<cmd::agreement_update>,
) -> Res<cmd::agreement_update> {
    agreement::update(&s.db().await?, &s.actor().await?, &req).await
}

#[tauri::command]
pub async fn agreement_submit(
    s: S<'_>,
    req: Req<cmd::agreement_submit>,
) -> Res<cmd::agreement_submit> {
    agreement::submit(&s.db().await?, &s.actor().await?, req).await
}

#[tauri::command]
pub async fn agreement_withdraw(
    s: S<'_>,
    req: Req<cmd::agreement_withdraw>,
) -> Res<cmd::agreement_withdraw> {
    agreement::withdraw(&s.db().await?, &s.actor().await?, req).await
}

#[tauri::command]
pub async fn agreement_sign(s: S<'_>, req: Req<cmd::agreement_sign>) -> Res<cmd::agreement_sign> {
    agreement::sign(&s.db().await?, &s.attachments, &s.actor().await?, &req).await
}

#[tauri::command]
pub async fn agreement_terminate(
    s: S<'_>,
    req: Req<cmd::agreement_terminate>,
) -> Res<cmd::agreement_terminate> {
    agreement::terminate(&s.db().await?, &s.actor().await?, &req).await
}

#[tauri::command]
pub async fn agreement_new_version(
    s: S<'_>,
    req: Req<cmd::agreement_new_version>,
) -> Res<cmd::agreement_new_version> {
    agreement::new_version(&s.db().await?, &s.actor().await?, &req).await
}

#[tauri::command]
pub async fn agreement_attach_scan(
    s: S<'_>,
    req: Req<cmd::agreement_attach_scan>,
) -> Res<cmd::agreement_attach_scan> {
    agreement::attach_scan(&s.db().await?, &s.attachments, &s.actor().await?, &req).await
}

#[tauri::command]
pub async fn agreement_scan_open(
    app: AppHandle,
    s: S<'_>,
    req: Req<cmd::agreement_scan_open>,
) -> Res<cmd::agreement_scan_open> {
    let path = dealerdesk_core::opening::stored_attachment(
        agreement::scan_path(&s.db().await?, &s.attachments, req).await?,
    )?;
    app.opener()
        .open_path(path.to_string_lossy(), None::<&str>)
        .map_err(AppError::io)
}

#[tauri::command]
pub async fn agreement_save_pdf(
    s: S<'_>,
    req: Req<cmd::agreement_save_pdf>,
) -> Res<cmd::agreement_save_pdf> {
    let path = print::save_pdf(&s.db().await?, &req, &s.prints, s.today()).await?;
    s.written.add(std::path::Path::new(&path));
    Ok(path)
}

/// Writes the PDF into the print folder and opens it in the system viewer.
#[tauri::command]
pub async fn agreement_open(
    app: AppHandle,
    s: S<'_>,
    req: Req<cmd::agreement_open>,
) -> Res<cmd::agreement_open> {
    let req = AgreementPdfRequest {
        path: String::new(),
        ..req
    };
    let path = print::save_pdf(&s.db().await?, &req, &s.prints, s.today()).await?;
    app.opener()
        .open_path(path.clone(), None::<&str>)
        .map_err(AppError::io)?;
    Ok(path)
}

/// Sends the PDF to the default printer through the system's print spooler.
#[tauri::command]
pub async fn agreement_print(
    s: S<'_>,
    req: Req<cmd::agreement_print>,
) -> Res<cmd::agreement_print> {
    let req = AgreementPdfRequest {
        path: String::new(),
        ..req
    };
    let path = print::save_pdf(&s.db().await?, &req, &s.prints, s.today()).await?;
    crate::print::print_pdf(Path::new(&path))?;
    Ok(path)
}

#[tauri::command]
pub async fn agreement_templates_get(s: S<'_>) -> Res<cmd::agreement_templates_get> {
    template::load(&s.db().await?).await
}

#[tauri::command]
pub async fn agreement_templates_save(
    s: S<'_>,
    req: Req<cmd::agreement_templates_save>,
) -> Res<cmd::agreement_templates_save> {
    template::save(&s.db().await?, &s.actor().await?, req).await
}

#[tauri::command]
pub async fn rebate_preview(s: S<'_>, req: Req<cmd::rebate_preview>) -> Res<cmd::rebate_preview> {
    rebate::preview(&s.db().await?, &req).await
}

#[tauri::command]
pub async fn rebate_approve(s: S<'_>, req: Req<cmd::rebate_approve>) -> Res<cmd::rebate_approve> {
    rebate::approve(&s.db().await?, &s.actor().await?, &req).await
}

#[tauri::command]
pub async fn agreement_export(
    s: S<'_>,
    req: Req<cmd::agreement_export>,
) -> Res<cmd::agreement_export> {
    export::export_agreements(&s.db().await?, &s.access().await?, &req, s.today()).await
}

#[tauri::command]
pub async fn rebate_export(s: S<'_>, req: Req<cmd::rebate_export>) -> Res<cmd::rebate_export> {
    export::export_rebates(&s.db().await?, &s.access().await?, &req).await
}

#[tauri::command]
pub async fn onboarding_get(s: S<'_>, req: Req<cmd::onboarding_get>) -> Res<cmd::onboarding_get> {
    onboarding::checklist(&s.db().await?, req, s.today()).await
}

#[tauri::command]
pub async fn onboarding_start(
    s: S<'_>,
    req: Req<cmd::onboarding_start>,
) -> Res<cmd::onboarding_start> {
    onboarding::start(&s.db().await?, &s.actor().await?, &req).await
}

#[tauri::command]
pub async fn onboarding_step_update(
    s: S<'_>,
    req: Req<cmd::onboarding_step_update>,
) -> Res<cmd::onboarding_step_update> {
    onboarding::update_step(&s.db().await?, &s.actor().await?, &req).await
}

#[tauri::command]
pub async fn onboarding_pipeline(s: S<'_>) -> Res<cmd::onboarding_pipeline> {
    onboarding::pipeline(&s.db().await?, s.today()).await
}

#[tauri::command]
pub async fn onboarding_settings_get(s: S<'_>) -> Res<cmd::onboarding_settings_get> {
    onboarding::load_settings(&s.db().await?).await
}

#[tauri::command]
pub async fn onboarding_settings_save(
    s: S<'_>,
    req: Req<cmd::onboarding_settings_save>,
) -> Res<cmd::onboarding_settings_save> {
    onboarding::save_settings(&s.db().await?, &s.actor().await?, req).await
}

#[tauri::command]
pub async fn reminders_list(s: S<'_>) -> Res<cmd::reminders_list> {
    reminders::centre::centre(&s.db().await?, &s.access().await?, &s.clock()).await
}

#[tauri::command]
pub async fn reminder_decide(
    s: S<'_>,
    req: Req<cmd::reminder_decide>,
) -> Res<cmd::reminder_decide> {
    reminders::centre::decide(&s.db().await?, &s.actor().await?, &req).await
}
