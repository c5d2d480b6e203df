//! One short adapter per command: typed request in, one core call, typed
//! response or `AppError` out. The table of commands is `handler()`.
use std::path::Path;
use std::sync::atomic::Ordering;
use std::sync::Arc;

use dealerdesk_core::assessment::{self, Assessment, AssessmentInput};
use dealerdesk_core::attachment::{self, Attachment, AttachmentAdd};
use dealerdesk_core::audit::{self, AuditEntry, AuditQuery};
use dealerdesk_core::complaint::days::{self, CalendarDay};
use dealerdesk_core::complaint::report::{self, ComplaintReport, ReportFileRequest, ReportRequest};
use dealerdesk_core::complaint::settings::ComplaintSettings;
use dealerdesk_core::complaint::{
    self, Complaint, ComplaintAttach, ComplaintAttachmentRef, ComplaintDetail, ComplaintInput,
    ComplaintNote, ComplaintQuery, ComplaintTransition,
};
use dealerdesk_core::db::AppInfo;
use dealerdesk_core::demo;
use dealerdesk_core::distributor::contacts::{self, Contact, ContactSave};
use dealerdesk_core::distributor::transfer::{
    self as transfer, ExportRequest, ImportPreview, ImportProgress, ImportSummary,
};
use dealerdesk_core::distributor::{
    self, Distributor, DistributorDetail, DistributorInput, DistributorPage, DistributorQuery,
    DistributorUpdate, TierChangeRequest, TransitionRequest,
};
use dealerdesk_core::ledger::batch::{self, BatchProgress, BatchRequest, BatchSummary};
use dealerdesk_core::ledger::import::{
    self as ledger_import, LedgerExportRequest, LedgerImportSummary,
};
use dealerdesk_core::ledger::statement::{self, Statement, StatementPdfRequest, StatementRequest};
use dealerdesk_core::ledger::{self, EntryInput, LedgerEntry, LedgerQuery, ReverseRequest};
use dealerdesk_core::settings::{self, Settings, StatementSettings};
use dealerdesk_core::{AppError, AppResult};
use tauri::ipc::Channel;
use tauri::{AppHandle, State};
use tauri_plugin_opener::OpenerExt;

use crate::state::AppState;

type S<'a> = State<'a, AppState>;

#[tauri::command]
async fn app_info(s: S<'_>) -> AppResult<AppInfo> {
    Ok(AppInfo {
        db_path: s.db_path.display().to_string(),
        version: env!("CARGO_PKG_VERSION").into(),
        backup: s.backup.as_ref().map(|b| b.display().to_string()),
        today: s.today().to_string(),
        fixed_today: s.fixed_today.map(|d| d.to_string()),
    })
}

#[tauri::command]
async fn settings_get(s: S<'_>) -> AppResult<Settings> {
    settings::load(&s.db).await
}

#[tauri::command]
async fn settings_save(s: S<'_>, req: Settings) -> AppResult<Settings> {
    settings::save(&s.db, req, s.clock()).await
}

#[tauri::command]
async fn settings_set_language(s: S<'_>, req: String) -> AppResult<()> {
    settings::set_language(&s.db, &req).await
}

#[tauri::command]
async fn distributor_list(s: S<'_>, req: DistributorQuery) -> AppResult<DistributorPage> {
    distributor::list(&s.db, &req).await
}

#[tauri::command]
async fn distributor_territories(s: S<'_>) -> AppResult<Vec<String>> {
    distributor::territories(&s.db).await
}

#[tauri::command]
async fn distributor_get(s: S<'_>, req: i64) -> AppResult<DistributorDetail> {
    distributor::get(&s.db, req).await
}

#[tauri::command]
async fn distributor_next_code(s: S<'_>) -> AppResult<String> {
    distributor::next_code(&s.db).await
}

#[tauri::command]
async fn distributor_create(s: S<'_>, req: DistributorInput) -> AppResult<Distributor> {
    distributor::create(&s.db, &s.actor().await?, req).await
}

#[tauri::command]
async fn distributor_update(s: S<'_>, req: DistributorUpdate) -> AppResult<Distributor> {
    distributor::update(&s.db, &s.actor().await?, req.id, req.input).await
}

#[tauri::command]
async fn distributor_transition(s: S<'_>, req: TransitionRequest) -> AppResult<Distributor> {
    distributor::transition(&s.db, &s.actor().await?, req).await
}

#[tauri::command]
async fn distributor_change_tier(s: S<'_>, req: TierChangeRequest) -> AppResult<Distributor> {
    distributor::change_tier(&s.db, &s.actor().await?, req).await
}

#[tauri::command]
async fn assessment_record(s: S<'_>, req: AssessmentInput) -> AppResult<Assessment> {
    assessment::record(&s.db, &s.actor().await?, req).await
}

#[tauri::command]
async fn audit_list(s: S<'_>, req: AuditQuery) -> AppResult<Vec<AuditEntry>> {
    audit::list(&s.db, &req.entity, req.entity_id).await
}

#[tauri::command]
async fn distributor_import_preview(s: S<'_>, req: String) -> AppResult<ImportPreview> {
    transfer::preview(&s.db, Path::new(&req)).await
}

#[tauri::command]
async fn distributor_import_commit(
    s: S<'_>,
    req: String,
    on_progress: Channel<ImportProgress>,
) -> AppResult<ImportSummary> {
    let actor = s.actor().await?;
    transfer::import_with_progress(&s.db, &actor, Path::new(&req), |p| {
        // A closed window simply stops listening; the import goes on.
        let _ = on_progress.send(p);
    })
    .await
}

#[tauri::command]
async fn distributor_export(s: S<'_>, req: ExportRequest) -> AppResult<u64> {
    transfer::export(&s.db, &req).await
}

#[tauri::command]
async fn attachment_list(s: S<'_>, req: i64) -> AppResult<Vec<Attachment>> {
    attachment::list(&s.db, req).await
}

#[tauri::command]
async fn attachment_add(s: S<'_>, req: AttachmentAdd) -> AppResult<Attachment> {
    attachment::add(&s.db, &s.attachments, &s.actor().await?, req).await
}

#[tauri::command]
async fn attachment_remove(s: S<'_>, req: i64) -> AppResult<()> {
    attachment::remove(&s.db, &s.attachments, &s.actor().await?, req).await
}

/// Opens the stored copy in the system viewer.
#[tauri::command]
async fn attachment_open(app: AppHandle, s: S<'_>, req: i64) -> AppResult<()> {
    let path = attachment::file_path(&s.db, &s.attachments, req).await?;
    app.opener()
        .open_path(path.to_string_lossy(), None::<&str>)
        .map_err(AppError::io)
}

#[tauri::command]
async fn contact_save(s: S<'_>, req: ContactSave) -> AppResult<Contact> {
    contacts::save(&s.db, &s.actor().await?, req).await
}

#[tauri::command]
async fn contact_remove(s: S<'_>, req: i64) -> AppResult<()> {
    contacts::remove(&s.db, &s.actor().await?, req).await
}

#[tauri::command]
async fn ledger_list(s: S<'_>, req: LedgerQuery) -> AppResult<Vec<LedgerEntry>> {
    ledger::list(&s.db, &req).await
}

#[tauri::command]
async fn ledger_post(s: S<'_>, req: EntryInput) -> AppResult<LedgerEntry> {
    ledger::post(&s.db, &s.actor().await?, &req).await
}

#[tauri::command]
async fn ledger_reverse(s: S<'_>, req: ReverseRequest) -> AppResult<LedgerEntry> {
    ledger::reverse(&s.db, &s.actor().await?, &req).await
}

#[tauri::command]
async fn ledger_import(s: S<'_>, req: String) -> AppResult<LedgerImportSummary> {
    ledger_import::import(&s.db, &s.actor().await?, Path::new(&req)).await
}

#[tauri::command]
async fn ledger_export(s: S<'_>, req: LedgerExportRequest) -> AppResult<u32> {
    ledger_import::export(&s.db, Path::new(&req.path), req.distributor_id, &req.lang).await
}

#[tauri::command]
async fn statement_get(s: S<'_>, req: StatementRequest) -> AppResult<Statement> {
    statement::load(&s.db, &req).await
}

#[tauri::command]
async fn statement_save_pdf(s: S<'_>, req: StatementPdfRequest) -> AppResult<String> {
    statement::save_pdf(&s.db, &req, &s.prints, s.today()).await
}

/// Writes the PDF into the app's print folder and opens it in the system viewer.
#[tauri::command]
async fn statement_open(app: AppHandle, s: S<'_>, req: StatementPdfRequest) -> AppResult<String> {
    let req = StatementPdfRequest {
        path: String::new(),
        ..req
    };
    let path = statement::save_pdf(&s.db, &req, &s.prints, s.today()).await?;
    app.opener()
        .open_path(path.clone(), None::<&str>)
        .map_err(AppError::io)?;
    Ok(path)
}

/// Sends the PDF to the default printer through the system's print spooler (`lp`).
#[tauri::command]
async fn statement_print(s: S<'_>, req: StatementPdfRequest) -> AppResult<String> {
    let req = StatementPdfRequest {
        path: String::new(),
        ..req
    };
    let path = statement::save_pdf(&s.db, &req, &s.prints, s.today()).await?;
    crate::print::print_pdf(Path::new(&path))?;
    Ok(path)
}

#[tauri::command]
async fn statement_batch(
    s: S<'_>,
    req: BatchRequest,
    on_progress: Channel<BatchProgress>,
) -> AppResult<BatchSummary> {
    s.batch_cancel.store(false, Ordering::Relaxed);
    batch::run(
        &s.db,
        &req,
        s.batch_cancel.clone(),
        Arc::new(move |p| {
            let _ = on_progress.send(p);
        }),
        s.today(),
    )
    .await
}

#[tauri::command]
async fn statement_batch_cancel(s: S<'_>) -> AppResult<()> {
    s.batch_cancel.store(true, Ordering::Relaxed);
    Ok(())
}

/// Opens a folder or file the app wrote (a batch folder, a saved PDF).
#[tauri::command]
async fn path_open(app: AppHandle, req: String) -> AppResult<()> {
    app.opener()
        .open_path(req, None::<&str>)
        .map_err(AppError::io)
}

#[tauri::command]
async fn statement_settings_get(s: S<'_>) -> AppResult<StatementSettings> {
    settings::load_statement_settings(&s.db).await
}

#[tauri::command]
async fn statement_settings_save(s: S<'_>, req: StatementSettings) -> AppResult<StatementSettings> {
    settings::save_statement_settings(&s.db, &s.actor().await?, req).await
}

#[tauri::command]
async fn demo_load_sample(s: S<'_>) -> AppResult<u64> {
    demo::load_sample(&s.db, &s.actor().await?).await
}

#[tauri::command]
async fn complaint_list(s: S<'_>, req: ComplaintQuery) -> AppResult<Vec<Complaint>> {
    complaint::list(&s.db, &req, s.clock().now).await
}

#[tauri::command]
async fn complaint_get(s: S<'_>, req: i64) -> AppResult<ComplaintDetail> {
    complaint::get(&s.db, req, s.clock().now).await
}

#[tauri::command]
async fn complaint_record(s: S<'_>, req: ComplaintInput) -> AppResult<Complaint> {
    complaint::record(&s.db, &s.actor().await?, &req, s.clock().now).await
}

#[tauri::command]
async fn complaint_transition(s: S<'_>, req: ComplaintTransition) -> AppResult<ComplaintDetail> {
    complaint::transition(&s.db, &s.actor().await?, &req, s.clock().now).await
}

#[tauri::command]
async fn complaint_note(s: S<'_>, req: ComplaintNote) -> AppResult<ComplaintDetail> {
    complaint::add_note(&s.db, &s.actor().await?, &req, s.clock().now).await
}

#[tauri::command]
async fn complaint_attach(s: S<'_>, req: ComplaintAttach) -> AppResult<ComplaintDetail> {
    complaint::attach(
        &s.db,
        &s.attachments,
        &s.actor().await?,
        &req,
        s.clock().now,
    )
    .await
}

/// Opens a complaint's attached file in the system viewer.
#[tauri::command]
async fn complaint_attachment_open(
    app: AppHandle,
    s: S<'_>,
    req: ComplaintAttachmentRef,
) -> AppResult<()> {
    let path = complaint::attachment_path(&s.db, &s.attachments, &req).await?;
    app.opener()
        .open_path(path.to_string_lossy(), None::<&str>)
        .map_err(AppError::io)
}

#[tauri::command]
async fn complaint_report(s: S<'_>, req: ReportRequest) -> AppResult<ComplaintReport> {
    report::build(&s.db, &req, s.clock().now).await
}

#[tauri::command]
async fn complaint_report_file(s: S<'_>, req: ReportFileRequest) -> AppResult<String> {
    report::write_file(&s.db, &req, s.clock()).await
}

#[tauri::command]
async fn complaint_settings_get(s: S<'_>) -> AppResult<ComplaintSettings> {
    complaint::load_settings(&s.db).await
}

#[tauri::command]
async fn complaint_settings_save(s: S<'_>, req: ComplaintSettings) -> AppResult<ComplaintSettings> {
    complaint::save_settings(&s.db, &s.actor().await?, req).await
}

#[tauri::command]
async fn calendar_days_get(s: S<'_>) -> AppResult<Vec<CalendarDay>> {
    days::list(&s.db).await
}

#[tauri::command]
async fn calendar_days_save(s: S<'_>, req: Vec<CalendarDay>) -> AppResult<Vec<CalendarDay>> {
    days::replace(&s.db, &s.actor().await?, &req).await
}

/// Replaces the dated exceptions with those of a `date,kind,name` CSV/XLSX file.
#[tauri::command]
async fn calendar_import(s: S<'_>, req: String) -> AppResult<Vec<CalendarDay>> {
    let list = days::read_csv(Path::new(&req))?;
    days::replace(&s.db, &s.actor().await?, &list).await
}

#[tauri::command]
async fn calendar_export(s: S<'_>, req: String) -> AppResult<u32> {
    let list = days::list(&s.db).await?;
    days::write_csv(Path::new(&req), &list)?;
    Ok(list.len() as u32)
}

pub fn handler() -> impl Fn(tauri::ipc::Invoke) -> bool + Send + Sync + 'static {
    tauri::generate_handler![
        app_info,
        settings_get,
        settings_save,
        settings_set_language,
        distributor_list,
        distributor_territories,
        distributor_get,
        distributor_next_code,
        distributor_create,
        distributor_update,
        distributor_transition,
        distributor_change_tier,
        assessment_record,
        audit_list,
        distributor_import_preview,
        distributor_import_commit,
        distributor_export,
        attachment_list,
        attachment_add,
        attachment_remove,
        attachment_open,
        contact_save,
        contact_remove,
        ledger_list,
        ledger_post,
        ledger_reverse,
        ledger_import,
        ledger_export,
        statement_get,
        statement_save_pdf,
        statement_open,
        statement_print,
        statement_batch,
        statement_batch_cancel,
        path_open,
        statement_settings_get,
        statement_settings_save,
        demo_load_sample,
        complaint_list,
        complaint_get,
        complaint_record,
        complaint_transition,
        complaint_note,
        complaint_attach,
        complaint_attachment_open,
        complaint_report,
        complaint_report_file,
        complaint_settings_get,
        complaint_settings_save,
        calendar_days_get,
        calendar_days_save,
        calendar_import,
        calendar_export,
        crate::agreements::agreement_list,
        crate::agreements::agreement_get,
        crate::agreements::agreement_create,
        crate::agreements::agreement_update,
        crate::agreements::agreement_submit,
        crate::agreements::agreement_withdraw,
        crate::agreements::agreement_sign,
        crate::agreements::agreement_terminate,
        crate::agreements::agreement_new_version,
        crate::agreements::agreement_attach_scan,
        crate::agreements::agreement_scan_open,
        crate::agreements::agreement_save_pdf,
        crate::agreements::agreement_open,
        crate::agreements::agreement_print,
        crate::agreements::agreement_templates_get,
        crate::agreements::agreement_templates_save,
        crate::agreements::rebate_preview,
        crate::agreements::rebate_approve,
        crate::agreements::agreement_export,
        crate::agreements::rebate_export,
        crate::agreements::onboarding_get,
        crate::agreements::onboarding_start,
        crate::agreements::onboarding_step_update,
        crate::agreements::onboarding_pipeline,
        crate::agreements::onboarding_settings_get,
        crate::agreements::onboarding_settings_save,
        crate::agreements::reminders_list,
        crate::training::course_list,
        crate::training::course_save,
        crate::training::training_settings_get,
        crate::training::training_settings_save,
        crate::training::session_list,
        crate::training::session_get,
        crate::training::session_save,
        crate::training::session_enrol,
        crate::training::session_unenrol,
        crate::training::session_results,
        crate::training::session_move,
        crate::training::certificate_list,
        crate::training::certificate_revoke,
        crate::training::certificate_print,
        crate::training::training_compliance,
        crate::training::training_export,
    ]
}
