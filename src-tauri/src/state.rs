use std::path::PathBuf;
use std::sync::atomic::AtomicBool;
use std::sync::Arc;

use chrono::NaiveDate;
use dealerdesk_core::actor::Actor;
use dealerdesk_core::dates::Clock;
use dealerdesk_core::db::Opened;
use dealerdesk_core::opening::Written;
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
    /// `--today` / `DEALERDESK_TODAY`: the date the office works on instead of the computer's.
    pub fixed_today: Option<NaiveDate>,
    /// Files and folders written in this session: `path_open` may open them.
    pub written: Written,
}

impl AppState {
    pub fn new(opened: Opened, db_path: PathBuf, fixed_today: Option<NaiveDate>) -> Self {
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
            fixed_today,
            written: Written::default(),
        }
    }

    /// The program's own folders, whose documents `path_open` may open: the
    /// attachments, the print folder and the backups beside the database.
    pub fn open_roots(&self) -> Vec<PathBuf> {
        let beside = self.db_path.parent().map(PathBuf::from).unwrap_or_default();
        vec![
            self.attachments.clone(),
            self.prints.clone(),
            beside.join("backups"),
        ]
    }

    /// The office's today and now, read once for the command that asks.
    pub fn clock(&self) -> Clock {
        Clock::office(chrono::Local::now().fixed_offset(), self.fixed_today)
    }

    pub fn today(&self) -> NaiveDate {
        self.clock().today
    }

    /// Who writes: the operator from Settings (writes are refused until it is
    /// set) at the office's clock.
    pub async fn actor(&self) -> AppResult<Actor> {
        settings::actor(&self.db, None, self.clock()).await
    }
}
