use std::path::PathBuf;
use std::sync::atomic::AtomicBool;
use std::sync::Arc;

use dealerdesk_core::db::Opened;
use dealerdesk_core::{attachment, settings, AppResult, DatabaseConnection};

/// Shared by every command. The connection is a pool: no global lock.
pub struct AppState {
    pub db: DatabaseConnection,
    pub db_path: PathBuf,
    pub backup: Option<PathBuf>,
    /// Copies of attached files live beside the database.
    pub attachments: PathBuf,
    /// PDFs made for "Open" and "Print" live beside the database too.
    pub prints: PathBuf,
    /// Set by `statement_batch_cancel`; the running batch stops at the next file.
    pub batch_cancel: Arc<AtomicBool>,
}

impl AppState {
    pub fn new(opened: Opened, db_path: PathBuf) -> Self {
        AppState {
            db: opened.db,
            attachments: attachment::root_for(&db_path),
            prints: db_path
                .parent()
                .map(|p| p.join("prints"))
                .unwrap_or_else(|| PathBuf::from("prints")),
            batch_cancel: Arc::new(AtomicBool::new(false)),
            db_path,
            backup: opened.backup,
        }
    }

    /// The operator's name from Settings; writes are refused until it is set.
    pub async fn operator(&self) -> AppResult<String> {
        settings::operator(&self.db).await
    }
}
