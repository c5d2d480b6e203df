//! One short adapter per command: typed request in, one core call, typed
//! response or `AppError` out. The table of commands is `handler()`.
use std::path::Path;
use std::sync::atomic::Ordering;
use std::sync::Arc;

use dealerdesk_core::api::{cmd, Command, Progress, COMMANDS};
use dealerdesk_core::assessment::{self};
use dealerdesk_core::attachment::{self};
use dealerdesk_core::audit::{self};
use dealerdesk_core::db::AppInfo;
use dealerdesk_core::demo;
use dealerdesk_core::distributor::contacts::{self};
use dealerdesk_core::distributor::transfer::{self as transfer};
use dealerdesk_core::distributor::{self};
use dealerdesk_core::ledger::batch::{self};
use dealerdesk_core::ledger::import::{self as ledger_import};
use dealerdesk_core::ledger::runs::IssuedVia;
use dealerdesk_core::ledger::statement::{self, StatementPdfRequest};
use dealerdesk_core::ledger::{self};
use dealerdesk_core::opening;
use dealerdesk_core::settings::{self};
use dealerdesk_core::{AppError, AppResult};
use tauri::ipc::Channel;
use tauri::{AppHandle, State};
use tauri_plugin_opener::OpenerExt;

use crate::state::AppState;

type S<'a> = State<'a, AppState>;

/// The request, response and progress types of a declared command
/// (`dealerdesk_core::api`): an adapter whose types differ does not compile.
pub(crate) type Req<C> = <C as Command>::Req;
pub(crate) type Res<C> = AppResult<<C as Command>::Resp>;
pub(crate) type Msg<C> = <C as Progress>::Msg;

#[tauri::command]
async fn app_info(s: S<'_>) -> Res<cmd::app_info> {
    // Answered even when the database failed to open, so the window can say
    // which file it is and why, and offer the way back.
    let (backup, problem) = s.open_state().await;
    Ok(AppInfo {
        db_path: s.location.shown(),
        version: env!("CARGO_PKG_VERSION").into(),
        backup: backup.map(|b| b.display().to_string()),
        today: s.today().to_string(),
        fixed_today: s.fixed_today.map(|d| d.to_string()),
        problem,
    })
}

#[tauri::command]
async fn settings_get(s: S<'_>) -> Res<cmd::settings_get> {
    settings::load(&s.db().await?).await
}

#[tauri::command]
async fn settings_save(s: S<'_>, req: Req<cmd::settings_save>) -> Res<cmd::settings_save> {
    let by = match crate::login::signed_in(&s).await? {
        Some(_) => Some(s.actor().await?),
        None => None,
    };
    settings::save(&s.db().await?, req, s.clock(), by.as_ref()).await
}

#[tauri::command]
async fn settings_set_language(
    s: S<'_>,
    req: Req<cmd::settings_set_language>,
) -> Res<cmd::settings_set_language> {
    settings::set_language(&s.db().await?, req).await
}

#[tauri::command]
async fn distributor_list(s: S<'_>, req: Req<cmd::distributor_list>) -> Res<cmd::distributor_list> {
    distributor::list(&s.db().await?, &s.access().await?, &req).await
}

#[tauri::command]
async fn distributor_territories(s: S<'_>) -> Res<cmd::distributor_territories> {
    distributor::territories(&s.db().await?).await
}

#[tauri::command]
async fn distributor_get(s: S<'_>, req: Req<cmd::distributor_get>) -> Res<cmd::distributor_get> {
    distributor::get(&s.db().await?, &s.access().await?, req).await
}

#[tauri::command]
async fn distributor_next_code(s: S<'_>) -> Res<cmd::distributor_next_code> {
    distributor::next_code(&s.db().await?).await
}

#[tauri::command]
async fn distributor_create(
    s: S<'_>,
    req: Req<cmd::distributor_create>,
) -> Res<cmd::distributor_create> {
    distributor::create(&s.db().await?, &s.actor().await?, req).await
}

#[tauri::command]
async fn distributor_manager_set(
    s: S<'_>,
    req: Req<cmd::distributor_manager_set>,
) -> Res<cmd::distributor_manager_set> {
    distributor::assign_manager(&s.db().await?, &s.actor().await?, &req).await
}

#[tauri::command]
async fn distributor_update(
    s: S<'_>,
    req: Req<cmd::distributor_update>,
) -> Res<cmd::distributor_update> {
    let actor = s.actor().await?;
    distributor::update_from(
        &s.db().await?,
        &actor,
        req.id,
        req.input,
        req.base.as_deref(),
    )
    .await
}

#[tauri::command]
async fn distributor_transition(
    s: S<'_>,
    req: Req<cmd::distributor_transition>,
) -> Res<cmd::distributor_transition> {
    distributor::transition(&s.db().await?, &s.actor().await?, req).await
}

#[tauri::command]
async fn distributor_change_tier(
    s: S<'_>,
    req: Req<cmd::distributor_change_tier>,
) -> Res<cmd::distributor_change_tier> {
    distributor::change_tier(&s.db().await?, &s.actor().await?, req).await
}

#[tauri::command]
async fn assessment_record(
    s: S<'_>,
    req: Req<cmd::assessment_record>,
) -> Res<cmd::assessment_record> {
    assessment::record(&s.db().await?, &s.actor().await?, req).await
}

#[tauri::command]
async fn audit_list(s: S<'_>, req: Req<cmd::audit_list>) -> Res<cmd::audit_list> {
    audit::list(&s.db().await?, &req.entity, req.entity_id, req.paging).await
}

#[tauri::command]
async fn distributor_import_preview(
    s: S<'_>,
    req: Req<cmd::distributor_import_preview>,
) -> Res<cmd::distributor_import_preview> {
    transfer::preview(&s.db().await?, Path::new(&req)).await
}

#[tauri::command]
async fn distributor_import_commit(
    s: S<'_>,
    req: Req<cmd::distributor_import_commit>,
    on_progress: Channel<Msg<cmd::distributor_import_commit>>,
) -> Res<cmd::distributor_import_commit> {
    let actor = s.actor().await?;
    transfer::import_with_progress(&s.db().await?, &actor, Path::new(&req), |p| {
        // A closed window simply stops listening; the import goes on.
        let _ = on_progress.send(p);
    })
    .await
}

#[tauri::command]
async fn distributor_export(
    s: S<'_>,
    req: Req<cmd::distributor_export>,
) -> Res<cmd::distributor_export> {
    transfer::export(&s.db().await?, &s.access().await?, &req).await
}

#[tauri::command]
async fn attachment_list(s: S<'_>, req: Req<cmd::attachment_list>) -> Res<cmd::attachment_list> {
    attachment::list(&s.db().await?, req).await
}

#[tauri::command]
async fn attachment_add(s: S<'_>, req: Req<cmd::attachment_add>) -> Res<cmd::attachment_add> {
    attachment::add(&s.db().await?, &s.attachments, &s.actor().await?, req).await
}

#[tauri::command]
async fn attachment_remove(
    s: S<'_>,
    req: Req<cmd::attachment_remove>,
) -> Res<cmd::attachment_remove> {
    attachment::remove(&s.db().await?, &s.attachments, &s.actor().await?, req).await
}

/// Opens the stored copy in the system viewer.
#[tauri::command]
async fn attachment_open(
    app: AppHandle,
    s: S<'_>,
    req: Req<cmd::attachment_open>,
) -> Res<cmd::attachment_open> {
    let path = dealerdesk_core::opening::stored_attachment(
        attachment::file_path(&s.db().await?, &s.attachments, req).await?,
    )?;
    app.opener()
        .open_path(path.to_string_lossy(), None::<&str>)
        .map_err(AppError::io)
}

#[tauri::command]
async fn contact_save(s: S<'_>, req: Req<cmd::contact_save>) -> Res<cmd::contact_save> {
    contacts::save(&s.db().await?, &s.actor().await?, req).await
}

#[tauri::command]
async fn contact_remove(s: S<'_>, req: Req<cmd::contact_remove>) -> Res<cmd::contact_remove> {
    contacts::remove(&s.db().await?, &s.actor().await?, req).await
}

#[tauri::command]
async fn ledger_list(s: S<'_>, req: Req<cmd::ledger_list>) -> Res<cmd::ledger_list> {
    ledger::list(&s.db().await?, &s.access().await?, &req).await
}

#[tauri::command]
async fn ledger_post(s: S<'_>, req: Req<cmd::ledger_post>) -> Res<cmd::ledger_post> {
    ledger::post(&s.db().await?, &s.actor().await?, &req).await
}

#[tauri::command]
async fn ledger_reverse(s: S<'_>, req: Req<cmd::ledger_reverse>) -> Res<cmd::ledger_reverse> {
    ledger::reverse(&s.db().await?, &s.actor().await?, &req).await
}

#[tauri::command]
async fn ledger_import(s: S<'_>, req: Req<cmd::ledger_import>) -> Res<cmd::ledger_import> {
    ledger_import::import(&s.db().await?, &s.actor().await?, Path::new(&req)).await
}

#[tauri::command]
async fn ledger_export(s: S<'_>, req: Req<cmd::ledger_export>) -> Res<cmd::ledger_export> {
    ledger_import::export(
        &s.db().await?,
        &s.access().await?,
        Path::new(&req.path),
        req.distributor_id,
        req.lang,
    )
    .await
}

#[tauri::command]
async fn statement_get(s: S<'_>, req: Req<cmd::statement_get>) -> Res<cmd::statement_get> {
    statement::load(&s.db().await?, &req).await
}

#[tauri::command]
async fn statement_save_pdf(
    s: S<'_>,
    req: Req<cmd::statement_save_pdf>,
) -> Res<cmd::statement_save_pdf> {
    let actor = s.actor().await?;
    let path = statement::save_pdf(
        &s.db().await?,
        &req,
        &s.prints,
        actor.today(),
        Some((&actor, IssuedVia::File)),
    )
    .await?;
    s.written.add(Path::new(&path.path));
    Ok(path)
}

/// Writes the PDF into the app's print folder and opens it in the system viewer.
#[tauri::command]
async fn statement_open(
    app: AppHandle,
    s: S<'_>,
    req: Req<cmd::statement_open>,
) -> Res<cmd::statement_open> {
    let req = StatementPdfRequest {
        path: String::new(),
        ..req
    };
    let path = statement::save_pdf(&s.db().await?, &req, &s.prints, s.today(), None).await?;
    app.opener()
        .open_path(path.path.clone(), None::<&str>)
        .map_err(AppError::io)?;
    Ok(path)
}

/// Sends the PDF to the default printer through the system's print spooler (`lp`).
#[tauri::command]
async fn statement_print(s: S<'_>, req: Req<cmd::statement_print>) -> Res<cmd::statement_print> {
    let req = StatementPdfRequest {
        path: String::new(),
        ..req
    };
    let actor = s.actor().await?;
    let path = statement::save_pdf(
        &s.db().await?,
        &req,
        &s.prints,
        actor.today(),
        Some((&actor, IssuedVia::Print)),
    )
    .await?;
    crate::print::print_pdf(Path::new(&path.path))?;
    Ok(path)
}

#[tauri::command]
async fn statement_batch(
    s: S<'_>,
    req: Req<cmd::statement_batch>,
    on_progress: Channel<Msg<cmd::statement_batch>>,
) -> Res<cmd::statement_batch> {
    s.batch_cancel.store(false, Ordering::Relaxed);
    let summary = batch::run(
        &s.db().await?,
        &req,
        s.batch_cancel.clone(),
        Arc::new(move |p| {
            let _ = on_progress.send(p);
        }),
        &s.actor().await?,
    )
    .await?;
    s.written.add(Path::new(&summary.out_dir));
    if let Some(m) = &summary.merged_path {
        s.written.add(Path::new(m));
    }
    Ok(summary)
}

#[tauri::command]
async fn statement_batch_cancel(s: S<'_>) -> Res<cmd::statement_batch_cancel> {
    s.batch_cancel.store(true, Ordering::Relaxed);
    Ok(())
}

/// Opens a folder or file the app wrote (a batch folder, a saved PDF).
#[tauri::command]
async fn path_open(app: AppHandle, s: S<'_>, req: Req<cmd::path_open>) -> Res<cmd::path_open> {
    let path = opening::check(&req, &s.open_roots(), &s.written)?;
    app.opener()
        .open_path(path.to_string_lossy(), None::<&str>)
        .map_err(AppError::io)
}

#[tauri::command]
async fn statement_settings_get(s: S<'_>) -> Res<cmd::statement_settings_get> {
    settings::load_statement_settings(&s.db().await?).await
}

#[tauri::command]
async fn statement_settings_save(
    s: S<'_>,
    req: Req<cmd::statement_settings_save>,
) -> Res<cmd::statement_settings_save> {
    settings::save_statement_settings(&s.db().await?, &s.actor().await?, req).await
}

#[tauri::command]
async fn demo_load_sample(s: S<'_>) -> Res<cmd::demo_load_sample> {
    demo::load_sample(&s.db().await?, &s.actor().await?).await
}

/// Registers the adapters: each must be a declared command (`cmd::<name>`
/// exists), each declared command must be registered (the counts agree), and
/// none twice.
macro_rules! handlers {
    ($($module:ident :: $name:ident),* $(,)?) => {{
        $( let _ = <cmd::$name as Command>::NAME; )*
        const NAMES: &[&str] = &[$(stringify!($name)),*];
        const _: () = assert!(NAMES.len() == COMMANDS.len(), "a declared command is not registered");
        const _: () = assert!(distinct(NAMES), "a command is registered twice");
        tauri::generate_handler![$(crate::$module::$name),*]
    }};
}

const fn same(a: &str, b: &str) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    if a.len() != b.len() {
        return false;
    }
    let mut i = 0;
    while i < a.len() {
        if a[i] != b[i] {
            return false;
        }
        i += 1;
    }
    true
}

const fn distinct(names: &[&str]) -> bool {
    let mut i = 0;
    while i < names.len() {
        let mut j = i + 1;
        while j < names.len() {
            if same(names[i], names[j]) {
                return false;
            }
            j += 1;
        }
        i += 1;
    }
    true
}

pub fn handler() -> impl Fn(tauri::ipc::Invoke) -> bool + Send + Sync + 'static {
    handlers![
        commands::app_info,
        commands::settings_get,
        commands::settings_save,
        commands::settings_set_language,
        commands::distributor_list,
        commands::distributor_territories,
        commands::distributor_get,
        commands::distributor_next_code,
        commands::distributor_create,
        commands::distributor_update,
        commands::distributor_manager_set,
        commands::distributor_transition,
        commands::distributor_change_tier,
        commands::assessment_record,
        commands::audit_list,
        commands::distributor_import_preview,
        commands::distributor_import_commit,
        commands::distributor_export,
        commands::attachment_list,
        commands::attachment_add,
        commands::attachment_remove,
        commands::attachment_open,
        commands::contact_save,
        commands::contact_remove,
        commands::ledger_list,
        commands::ledger_post,
        commands::ledger_reverse,
        commands::ledger_import,
        commands::ledger_export,
        commands::statement_get,
        commands::statement_save_pdf,
        commands::statement_open,
        commands::statement_print,
        commands::statement_batch,
        commands::statement_batch_cancel,
        commands::path_open,
        backups::backup_overview,
        backups::backup_now,
        backups::backup_settings_save,
        backups::backup_inspect,
        backups::backup_restore,
        performance::scorecard_review,
        performance::scorecard_settings_get,
        performance::scorecard_settings_save,
        performance::scorecard_rate,
        performance::scorecard_file,
        performance::visit_list,
        performance::receivables_list,
        performance::receivables_export,
        performance::credit_check,
        finance::dashboard_get,
        finance::collection_list,
        finance::collection_add,
        finance::statement_runs,
        finance::statement_confirm,
        finance::confirmation_report,
        finance::reminder_settings_get,
        finance::reminder_settings_save,
        mail::mail_settings_get,
        mail::mail_settings_save,
        mail::mail_test,
        mail::statement_send,
        mail::statement_send_cancel,
        performance::visit_save,
        performance::visit_export,
        performance::scorecard_finalise,
        performance::scorecard_revise,
        performance::scorecard_history,
        performance::scorecard_warnings,
        performance::plan_list,
        performance::plan_save,
        performance::tier_review,
        performance::tier_apply,
        performance::violation_list,
        performance::violation_record,
        performance::violation_cancel,
        performance::violation_settings_get,
        performance::violation_settings_save,
        commands::statement_settings_get,
        commands::statement_settings_save,
        commands::demo_load_sample,
        setup::first_start_get,
        setup::first_start_finish,
        setup::company_logo_get,
        setup::company_logo_set,
        setup::company_logo_remove,
        setup::about_get,
        setup::data_version,
        database::database_get,
        database::database_test,
        database::database_save,
        database::app_restart,
        login::login_state,
        login::login,
        login::logout,
        login::first_owner_add,
        login::password_change,
        login::user_list,
        login::user_add,
        login::user_update,
        login::user_password_reset,
        complaints::complaint_list,
        complaints::complaint_get,
        complaints::complaint_record,
        complaints::complaint_transition,
        complaints::complaint_note,
        complaints::complaint_attach,
        complaints::complaint_attachment_open,
        complaints::complaint_report,
        complaints::complaint_report_file,
        complaints::complaint_settings_get,
        complaints::complaint_settings_save,
        complaints::calendar_days_get,
        complaints::calendar_days_save,
        complaints::calendar_import,
        complaints::calendar_export,
        agreements::agreement_list,
        agreements::agreement_get,
        agreements::agreement_create,
        agreements::agreement_update,
        agreements::agreement_submit,
        agreements::agreement_withdraw,
        agreements::agreement_sign,
        agreements::agreement_terminate,
        agreements::agreement_new_version,
        agreements::agreement_attach_scan,
        agreements::agreement_scan_open,
        agreements::agreement_save_pdf,
        agreements::agreement_open,
        agreements::agreement_print,
        agreements::agreement_templates_get,
        agreements::agreement_templates_save,
        agreements::rebate_preview,
        agreements::rebate_approve,
        agreements::agreement_export,
        agreements::rebate_export,
        agreements::onboarding_get,
        agreements::onboarding_start,
        agreements::onboarding_step_update,
        agreements::onboarding_pipeline,
        agreements::onboarding_settings_get,
        agreements::onboarding_settings_save,
        agreements::reminders_list,
        agreements::reminder_decide,
        training::course_list,
        training::course_save,
        training::training_settings_get,
        training::training_settings_save,
        training::session_list,
        training::session_get,
        training::session_save,
        training::session_enrol,
        training::session_unenrol,
        training::session_results,
        training::session_move,
        training::certificate_list,
        training::certificate_revoke,
        training::certificate_print,
        training::training_compliance,
        training::training_export,
    ]
}
