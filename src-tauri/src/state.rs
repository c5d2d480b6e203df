use std::path::PathBuf;

use dealerdesk_core::db::Opened;
use dealerdesk_core::{attachment, settings, AppResult, DatabaseConnection};

/// Shared by every command. The connection is a pool: no global lock.
pub struct AppState {
    pub db: DatabaseConnection,
    pub db_path: PathBuf,
    pub backup: Option<PathBuf>,
    /// Copies of attached files live beside the database.
    pub attachments: PathBuf,
}

impl AppState {
    pub fn new(opened: Opened, db_path: PathBuf) -> Self {
        AppState {
            db: opened.db,
            attachments: attachment::root_for(&db_path),
            db_path,
            backup: opened.backup,
        }
    }

    /// The operator's name from Settings; writes are refused until it is set.
    pub async fn operator(&self) -> AppResult<String> {
        settings::operator(&self.db).await
    }
}
