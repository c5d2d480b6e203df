//! Adapters for training: courses, sessions, results, certificates, compliance.
use dealerdesk_core::training::certificate::{
    self, Certificate, CertificatePrintRequest, CertificateQuery, RevokeRequest,
};
use dealerdesk_core::training::compliance::{self, ComplianceRow};
use dealerdesk_core::training::export::{self, TrainingExportRequest};
use dealerdesk_core::training::session::{
    self, EnrolRequest, ResultsRequest, SessionDetail, SessionMove, SessionQuery, SessionSave,
    TrainingSession,
};
use dealerdesk_core::training::{self, Course, CourseSave, TrainingSettings};
use dealerdesk_core::AppResult;
use tauri::State;

use crate::state::AppState;

type S<'a> = State<'a, AppState>;

#[tauri::command]
pub async fn course_list(s: S<'_>) -> AppResult<Vec<Course>> {
    training::list_courses(&s.db).await
}

#[tauri::command]
pub async fn course_save(s: S<'_>, req: CourseSave) -> AppResult<Course> {
    training::save_course(&s.db, &s.actor().await?, &req).await
}

#[tauri::command]
pub async fn training_settings_get(s: S<'_>) -> AppResult<TrainingSettings> {
    training::load_settings(&s.db).await
}

#[tauri::command]
pub async fn training_settings_save(
    s: S<'_>,
    req: TrainingSettings,
) -> AppResult<TrainingSettings> {
    training::save_settings(&s.db, &s.actor().await?, req).await
}

#[tauri::command]
pub async fn session_list(s: S<'_>, req: SessionQuery) -> AppResult<Vec<TrainingSession>> {
    session::list(&s.db, &req).await
}

#[tauri::command]
pub async fn session_get(s: S<'_>, req: i64) -> AppResult<SessionDetail> {
    session::get(&s.db, req).await
}

#[tauri::command]
pub async fn session_save(s: S<'_>, req: SessionSave) -> AppResult<SessionDetail> {
    session::save(&s.db, &s.actor().await?, &req).await
}

#[tauri::command]
pub async fn session_enrol(s: S<'_>, req: EnrolRequest) -> AppResult<SessionDetail> {
    session::enrol(&s.db, &s.actor().await?, &req).await
}

#[tauri::command]
pub async fn session_unenrol(s: S<'_>, req: i64) -> AppResult<SessionDetail> {
    session::unenrol(&s.db, &s.actor().await?, req).await
}

#[tauri::command]
pub async fn session_results(s: S<'_>, req: ResultsRequest) -> AppResult<SessionDetail> {
    session::record_results(&s.db, &s.actor().await?, &req).await
}

#[tauri::command]
pub async fn session_move(s: S<'_>, req: SessionMove) -> AppResult<SessionDetail> {
    session::move_to(&s.db, &s.actor().await?, &req).await
}

#[tauri::command]
pub async fn certificate_list(s: S<'_>, req: CertificateQuery) -> AppResult<Vec<Certificate>> {
    certificate::list(&s.db, &req, s.today()).await
}

#[tauri::command]
pub async fn certificate_revoke(s: S<'_>, req: RevokeRequest) -> AppResult<Certificate> {
    certificate::revoke(&s.db, &s.actor().await?, &req, s.today()).await
}

#[tauri::command]
pub async fn certificate_print(s: S<'_>, req: CertificatePrintRequest) -> AppResult<Vec<String>> {
    certificate::print(&s.db, &req, s.today()).await
}

#[tauri::command]
pub async fn training_compliance(s: S<'_>, req: Option<i64>) -> AppResult<Vec<ComplianceRow>> {
    compliance::compliance(&s.db, s.today(), req).await
}

#[tauri::command]
pub async fn training_export(s: S<'_>, req: TrainingExportRequest) -> AppResult<usize> {
    export::export(&s.db, &req, s.today()).await
}
