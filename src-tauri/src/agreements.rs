//! Adapters for agreements, rebate runs, onboarding and reminders (one core
//! call each). Dates that depend on "today" use the computer's local date.
use std::path::Path;

use dealerdesk_core::agreement::export::{self, AgreementExportRequest, RebateExportRequest};
use dealerdesk_core::agreement::print::{self, AgreementPdfRequest};
use dealerdesk_core::agreement::rebate::{self, RebateApproval, RebateRun, RebateRunRequest};
use dealerdesk_core::agreement::template::{self, AgreementTemplates};
use dealerdesk_core::agreement::{
    self, Agreement, AgreementDetail, AgreementInput, AgreementListQuery, AgreementUpdate,
    ScanRequest, SignRequest, TerminateRequest, VersionRequest,
};
use dealerdesk_core::onboarding::{
    self, Checklist, OnboardingSettings, OnboardingStart, Pipeline, StepUpdate,
};
use dealerdesk_core::reminders::{self, Reminder};
use dealerdesk_core::{AppError, AppResult};
use tauri::{AppHandle, State};
use tauri_plugin_opener::OpenerExt;

use crate::state::AppState;

type S<'a> = State<'a, AppState>;

#[tauri::command]
pub async fn agreement_list(s: S<'_>, req: AgreementListQuery) -> AppResult<Vec<Agreement>> {
    agreement::list(&s.db, &req, s.today()).await
}

#[tauri::command]
pub async fn agreement_get(s: S<'_>, req: i64) -> AppResult<AgreementDetail> {
    agreement::get(&s.db, req, s.today()).await
}

#[tauri::command]
pub async fn agreement_create(s: S<'_>, req: AgreementInput) -> AppResult<AgreementDetail> {
    agreement::create(&s.db, &s.actor().await?, &req, s.clock().now).await
}

#[tauri::command]
pub async fn agreement_update(s: S<'_>, req: AgreementUpdate) -> AppResult<AgreementDetail> {
    agreement::update(&s.db, &s.actor().await?, &req, s.today()).await
}

#[tauri::command]
pub async fn agreement_submit(s: S<'_>, req: i64) -> AppResult<AgreementDetail> {
    agreement::submit(&s.db, &s.actor().await?, req, s.today()).await
}

#[tauri::command]
pub async fn agreement_withdraw(s: S<'_>, req: i64) -> AppResult<AgreementDetail> {
    agreement::withdraw(&s.db, &s.actor().await?, req, s.today()).await
}

#[tauri::command]
pub async fn agreement_sign(s: S<'_>, req: SignRequest) -> AppResult<AgreementDetail> {
    agreement::sign(&s.db, &s.attachments, &s.actor().await?, &req, s.today()).await
}

#[tauri::command]
pub async fn agreement_terminate(s: S<'_>, req: TerminateRequest) -> AppResult<AgreementDetail> {
    agreement::terminate(&s.db, &s.actor().await?, &req, s.today()).await
}

#[tauri::command]
pub async fn agreement_new_version(s: S<'_>, req: VersionRequest) -> AppResult<AgreementDetail> {
    agreement::new_version(&s.db, &s.actor().await?, &req, s.clock().now).await
}

#[tauri::command]
pub async fn agreement_attach_scan(s: S<'_>, req: ScanRequest) -> AppResult<AgreementDetail> {
    agreement::attach_scan(&s.db, &s.attachments, &s.actor().await?, &req, s.today()).await
}

#[tauri::command]
pub async fn agreement_scan_open(app: AppHandle, s: S<'_>, req: i64) -> AppResult<()> {
    let path = agreement::scan_path(&s.db, &s.attachments, req).await?;
    app.opener()
        .open_path(path.to_string_lossy(), None::<&str>)
        .map_err(AppError::io)
}

#[tauri::command]
pub async fn agreement_save_pdf(s: S<'_>, req: AgreementPdfRequest) -> AppResult<String> {
    print::save_pdf(&s.db, &req, &s.prints, s.today()).await
}

/// Writes the PDF into the print folder and opens it in the system viewer.
#[tauri::command]
pub async fn agreement_open(
    app: AppHandle,
    s: S<'_>,
    req: AgreementPdfRequest,
) -> AppResult<String> {
    let req = AgreementPdfRequest {
        path: String::new(),
        ..req
    };
    let path = print::save_pdf(&s.db, &req, &s.prints, s.today()).await?;
    app.opener()
        .open_path(path.clone(), None::<&str>)
        .map_err(AppError::io)?;
    Ok(path)
}

/// Sends the PDF to the default printer through the system's print spooler.
#[tauri::command]
pub async fn agreement_print(s: S<'_>, req: AgreementPdfRequest) -> AppResult<String> {
    let req = AgreementPdfRequest {
        path: String::new(),
        ..req
    };
    let path = print::save_pdf(&s.db, &req, &s.prints, s.today()).await?;
    crate::print::print_pdf(Path::new(&path))?;
    Ok(path)
}

#[tauri::command]
pub async fn agreement_templates_get(s: S<'_>) -> AppResult<AgreementTemplates> {
    template::load(&s.db).await
}

#[tauri::command]
pub async fn agreement_templates_save(
    s: S<'_>,
    req: AgreementTemplates,
) -> AppResult<AgreementTemplates> {
    template::save(&s.db, &s.actor().await?, req).await
}

#[tauri::command]
pub async fn rebate_preview(s: S<'_>, req: RebateRunRequest) -> AppResult<RebateRun> {
    rebate::preview(&s.db, &req).await
}

#[tauri::command]
pub async fn rebate_approve(s: S<'_>, req: RebateRunRequest) -> AppResult<RebateApproval> {
    rebate::approve(&s.db, &s.actor().await?, &req, s.today()).await
}

#[tauri::command]
pub async fn agreement_export(s: S<'_>, req: AgreementExportRequest) -> AppResult<usize> {
    export::export_agreements(&s.db, &req, s.today()).await
}

#[tauri::command]
pub async fn rebate_export(s: S<'_>, req: RebateExportRequest) -> AppResult<usize> {
    export::export_rebates(&s.db, &req).await
}

#[tauri::command]
pub async fn onboarding_get(s: S<'_>, req: i64) -> AppResult<Checklist> {
    onboarding::checklist(&s.db, req, s.today()).await
}

#[tauri::command]
pub async fn onboarding_start(s: S<'_>, req: OnboardingStart) -> AppResult<Checklist> {
    onboarding::start(&s.db, &s.actor().await?, &req, s.today()).await
}

#[tauri::command]
pub async fn onboarding_step_update(s: S<'_>, req: StepUpdate) -> AppResult<Checklist> {
    onboarding::update_step(&s.db, &s.actor().await?, &req, s.today()).await
}

#[tauri::command]
pub async fn onboarding_pipeline(s: S<'_>) -> AppResult<Pipeline> {
    onboarding::pipeline(&s.db, s.today()).await
}

#[tauri::command]
pub async fn onboarding_settings_get(s: S<'_>) -> AppResult<OnboardingSettings> {
    onboarding::load_settings(&s.db).await
}

#[tauri::command]
pub async fn onboarding_settings_save(
    s: S<'_>,
    req: OnboardingSettings,
) -> AppResult<OnboardingSettings> {
    onboarding::save_settings(&s.db, &s.actor().await?, req).await
}

#[tauri::command]
pub async fn reminders_list(s: S<'_>) -> AppResult<Vec<Reminder>> {
    reminders::list(&s.db, s.today()).await
}
