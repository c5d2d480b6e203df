use std::path::PathBuf;
use std::sync::atomic::AtomicBool;
use std::sync::Arc;

use chrono::{DateTime, NaiveDate, Utc};
use dealerdesk_core::actor::Actor;
use dealerdesk_core::dates::Clock;
use dealerdesk_core::db::Opened;
use dealerdesk_core::opening::Written;
use dealerdesk_core::{attachment, db, settings, AppResult, DatabaseConnection};
use tokio::sync::OnceCell;

/// The database as opened (and migrated) once, or why it could not be.
type Opening = Arc<OnceCell<AppResult<Opened>>>;

/// Shared by every command. The connection is a pool: no global lock.
pub struct AppState {
    /// Opened on a task started before the window, so the file is opened and
    /// migrated while WebKit starts; a command waits for it (`db()`).
    opening: Opening,
    /// The instant the database was opened at (dates a pre-migration backup).
    opened_at: DateTime<Utc>,
    pub db_path: PathBuf,
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
    pub fn new(db_path: PathBuf, fixed_today: Option<NaiveDate>, opened_at: DateTime<Utc>) -> Self {
        AppState {
            opening: Arc::new(OnceCell::new()),
            opened_at,
            attachments: attachment::root_for(&db_path),
            prints: db_path
                .parent()
                .map(|p| p.join("prints"))
                .unwrap_or_else(|| PathBuf::from("prints")),
            batch_cancel: Arc::new(AtomicBool::new(false)),
            db_path,
            fixed_today,
            written: Written::default(),
        }
    }

    /// Starts opening the database on the async runtime; returns at once.
    pub fn start_opening(&self) {
        let (cell, path, at) = (self.opening.clone(), self.db_path.clone(), self.opened_at);
        tauri::async_runtime::spawn(async move {
            if let Err(e) = open_once(&cell, &path, at).await {
                eprintln!(
                    "DealerDesk cannot open its database {}: {e}",
                    path.display()
                );
            }
        });
    }

    /// The database, once open: waits while it is being opened; the error
    /// that stopped it otherwise (shown by the page that asked).
    pub async fn opened(&self) -> AppResult<&Opened> {
        open_once(&self.opening, &self.db_path, self.opened_at).await
    }

    pub async fn db(&self) -> AppResult<&DatabaseConnection> {
        Ok(&self.opened().await?.db)
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
        settings::actor(self.db().await?, None, self.clock()).await
    }
}

/// Opens the database the first time it is asked for; every later caller,
/// including those that came while it was opening, gets the same result.
async fn open_once<'a>(
    cell: &'a OnceCell<AppResult<Opened>>,
    path: &std::path::Path,
    at: DateTime<Utc>,
) -> AppResult<&'a Opened> {
    cell.get_or_init(|| db::open(path, at))
        .await
        .as_ref()
        .map_err(Clone::clone)
}
