//! Adapters for the first start, the company's logo and the About box.
use std::path::Path;

use dealerdesk_core::api::cmd;
use dealerdesk_core::{logo, setup};
use tauri::State;

use crate::commands::{Req, Res};
use crate::state::AppState;

type S<'a> = State<'a, AppState>;

#[tauri::command]
pub async fn first_start_get(s: S<'_>) -> Res<cmd::first_start_get> {
    setup::first_start(&s.db().await?).await
}

#[tauri::command]
pub async fn first_start_finish(s: S<'_>) -> Res<cmd::first_start_finish> {
    setup::finish_first_start(&s.db().await?, s.clock().now).await
}

#[tauri::command]
pub async fn company_logo_get(s: S<'_>) -> Res<cmd::company_logo_get> {
    logo::get(&s.db().await?).await
}

#[tauri::command]
pub async fn company_logo_set(
    s: S<'_>,
    req: Req<cmd::company_logo_set>,
) -> Res<cmd::company_logo_set> {
    logo::set(&s.db().await?, &s.actor().await?, Path::new(&req)).await
}

#[tauri::command]
pub async fn company_logo_remove(s: S<'_>) -> Res<cmd::company_logo_remove> {
    logo::remove(&s.db().await?, &s.actor().await?).await
}

#[tauri::command]
pub async fn data_version(s: S<'_>) -> Res<cmd::data_version> {
    dealerdesk_core::audit::last_id(&s.db().await?).await
}

#[tauri::command]
pub async fn about_get(s: S<'_>) -> Res<cmd::about_get> {
    let folder = s.backup_settings().await.folder_for(&s.db_path);
    let mut about = setup::about(&s.db().await?, &s.db_path, &folder).await?;
    if let dealerdesk_core::db::Location::Server(url) = &s.location {
        about.db_path = url.shown();
    }
    // The About box opens these two folders in the file manager.
    s.written.add(Path::new(&about.data_folder));
    s.written.add(&folder);
    Ok(about)
}
