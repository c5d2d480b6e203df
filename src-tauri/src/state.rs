use std::path::PathBuf;
use std::sync::atomic::AtomicBool;
use std::sync::{Arc, Mutex};

use chrono::{DateTime, NaiveDate, Utc};
use dealerdesk_core::actor::Actor;
use dealerdesk_core::backup::{self, BackupAttempt};
use dealerdesk_core::dates::Clock;
use dealerdesk_core::db::Opened;
use dealerdesk_core::error::FileProblem;
use dealerdesk_core::opening::Written;
use dealerdesk_core::{attachment, db, settings, AppError, AppResult, DatabaseConnection};
use tokio::sync::{OnceCell, RwLock};

/// The database as opened (and migrated) once, or why it could not be.
pub type Opening = Arc<OnceCell<AppResult<Opened>>>;

/// Shared by every command. The connection is a pool: no global lock.
pub struct AppState {
    /// Opened on a task started before the window, so the file is opened and
    /// migrated while WebKit starts; a command waits for it (`db()`). A
    /// restore replaces it with the restored file's.
    pub session: Arc<RwLock<Opening>>,
    /// The instant the database was opened at (dates a pre-migration backup).
    opened_at: DateTime<Utc>,
    /// This PC's file, or the office server.
    pub location: db::Location,
    /// `--db` or `DEALERDESK_DB` when one of them chose the database.
    pub fixed_by: Option<&'static str>,
    /// The server's password (from the keyring or `DEALERDESK_DB_PASSWORD`).
    password: Option<String>,
    /// The database file, or for a server its name in this PC's folder for
    /// it (`Location::local_anchor`): prints, backups and working files go beside.
    pub db_path: PathBuf,
    /// Copies of attached files live beside the database.
    pub attachments: PathBuf,
    /// PDFs made for "Open" and "Print" live beside the database too.
    pub prints: PathBuf,
    /// Set by `statement_batch_cancel`; the running batch stops at the next file.
    pub batch_cancel: Arc<AtomicBool>,
    /// Set by `statement_send_cancel`; the sending stops after the distributor being sent.
    pub send_cancel: Arc<AtomicBool>,
    /// `--today` / `DEALERDESK_TODAY`: the date the office works on instead of the computer's.
    pub fixed_today: Option<NaiveDate>,
    /// Files and folders written in this session: `path_open` may open them.
    pub written: Written,
    /// This run's automatic backup, once tried.
    pub last_backup: Arc<Mutex<Option<BackupAttempt>>>,
    /// True once the start-up check of the file is done (or could not run):
    /// `app_info` waits for it, so a damaged file is reported, not missed.
    checked: tokio::sync::watch::Sender<bool>,
    /// Who logged in to this window (`login`), for this run only.
    pub signed_in: Mutex<Option<dealerdesk_core::users::User>>,
}

impl AppState {
    pub fn new(
        location: db::Location,
        fixed_by: Option<&'static str>,
        password: Option<String>,
        fixed_today: Option<NaiveDate>,
        opened_at: DateTime<Utc>,
    ) -> Self {
        let db_path = location.local_anchor();
        AppState {
            location,
            fixed_by,
            password,
            session: Arc::new(RwLock::new(Arc::new(OnceCell::new()))),
            opened_at,
            attachments: attachment::root_for(&db_path),
            prints: db_path
                .parent()
                .map(|p| p.join("prints"))
                .unwrap_or_else(|| PathBuf::from("prints")),
            batch_cancel: Arc::new(AtomicBool::new(false)),
            send_cancel: Arc::new(AtomicBool::new(false)),
            db_path,
            fixed_today,
            written: Written::default(),
            last_backup: Arc::new(Mutex::new(None)),
            checked: tokio::sync::watch::channel(false).0,
            signed_in: Mutex::new(None),
        }
    }

    /// Starts opening the database on the async runtime; returns at once.
    /// Once open, the file is checked (`quick_check`, holding writes back
    /// until it passes) and the day's first automatic backup is made.
    pub fn start_opening(&self) {
        let session = self.session.clone();
        let (path, at) = (self.db_path.clone(), self.opened_at);
        let (location, password) = (self.location.clone(), self.password.clone());
        let (root, last) = (self.attachments.clone(), self.last_backup.clone());
        let checked = self.checked.clone();
        tauri::async_runtime::spawn(async move {
            let cell = session.read().await.clone();
            match open_once(&cell, &location, password.as_deref(), at).await {
                Err(e) => {
                    checked.send_replace(true);
                    eprintln!(
                        "DealerDesk cannot open its database {}: {e}",
                        location.shown()
                    )
                }
                Ok(opened) => {
                    let conn = opened.db.clone();
                    let folder = backup::settings_or_default(Some(&conn))
                        .await
                        .folder_for(&path);
                    // `db::open` cleaned the database's own folder.
                    let mut strays = opened.strays.clone();
                    strays.extend(dealerdesk_core::db::files::clean_strays(&folder));
                    for p in strays {
                        eprintln!(
                            "DealerDesk removed a working file left by an interrupted run: {}",
                            p.display()
                        );
                    }
                    let on_server = db::server::is_server(&conn);
                    if let Err(e) = match on_server {
                        // The server keeps its own data sound.
                        true => Ok(()),
                        false => db::quick_check_before_writes(&conn, &path).await,
                    } {
                        // Nothing more is written to a damaged file: every
                        // command answers why, and the latest good backup is named.
                        let damaged = damaged(e, &path, &conn).await;
                        db::close(conn).await.ok();
                        let failed = Arc::new(OnceCell::new());
                        failed.set(Err(damaged)).ok();
                        *session.write().await = failed;
                        checked.send_replace(true);
                        return;
                    }
                    checked.send_replace(true);
                    let now = chrono::Local::now().fixed_offset();
                    let tried = backup::automatic(&conn, &path, &root, now).await;
                    let attempt = match tried {
                        Ok(None) => None,
                        Ok(Some(info)) => Some(BackupAttempt {
                            at: now.to_rfc3339(),
                            backup: Some(info),
                            error: None,
                        }),
                        Err(e) => Some(BackupAttempt {
                            at: now.to_rfc3339(),
                            backup: None,
                            error: Some(e),
                        }),
                    };
                    if let Ok(mut slot) = last.lock() {
                        *slot = attempt;
                    }
                }
            }
        });
    }

    /// The database, once open: waits while it is being opened; the error
    /// that stopped it otherwise (shown by the page that asked).
    pub async fn db(&self) -> AppResult<DatabaseConnection> {
        let cell = self.session.read().await.clone();
        Ok(open_once(
            &cell,
            &self.location,
            self.password.as_deref(),
            self.opened_at,
        )
        .await?
        .db
        .clone())
    }

    /// The copy written before this start's migration, and why the database
    /// cannot be used, if it cannot.
    pub async fn open_state(&self) -> (Option<PathBuf>, Option<AppError>) {
        let mut done = self.checked.subscribe();
        let _ = done.wait_for(|c| *c).await;
        let cell = self.session.read().await.clone();
        match open_once(
            &cell,
            &self.location,
            self.password.as_deref(),
            self.opened_at,
        )
        .await
        {
            Ok(o) => (o.backup.clone(), None),
            Err(e) => (None, Some(e)),
        }
    }

    /// Where backups go, from Settings when the database can say.
    pub async fn backup_settings(&self) -> backup::BackupSettings {
        let db = self.db().await.ok();
        backup::settings_or_default(db.as_ref()).await
    }

    /// The program's own folders, whose documents `path_open` may open: the
    /// attachments, the print folder and the backups beside the database.
    pub fn open_roots(&self) -> Vec<PathBuf> {
        let beside = self.db_path.parent().map(PathBuf::from).unwrap_or_default();
        vec![
            self.attachments.clone(),
            self.prints.clone(),
            beside.join("backups"),
            backup::default_folder(&self.db_path),
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
        if let Some(u) = crate::login::signed_in(self).await? {
            return Actor::signed_in(&u.display_name, u.signed(), self.clock());
        }
        settings::actor(&self.db().await?, None, self.clock()).await
    }

    /// Who reads and exports: whoever is at the PC of an office without
    /// users; once users exist, nobody before logging in.
    pub async fn access(&self) -> AppResult<dealerdesk_core::actor::Access> {
        if let Some(u) = crate::login::signed_in(self).await? {
            return Ok(dealerdesk_core::actor::Access::User(u.signed()));
        }
        if dealerdesk_core::users::login_required(&self.db().await?).await? {
            return Err(AppError::field(
                "user",
                dealerdesk_core::error::ErrorCode::LoginRequired,
            ));
        }
        Ok(dealerdesk_core::actor::Access::Open)
    }
}

/// Opens the database the first time it is asked for; every later caller,
/// including those that came while it was opening, gets the same result.
async fn open_once<'a>(
    cell: &'a OnceCell<AppResult<Opened>>,
    location: &db::Location,
    password: Option<&str>,
    at: DateTime<Utc>,
) -> AppResult<&'a Opened> {
    cell.get_or_init(|| db::open_location(location, password, at))
        .await
        .as_ref()
        .map_err(Clone::clone)
}

/// The damage found, with the newest backup that verifies as the way back.
async fn damaged(e: AppError, path: &std::path::Path, conn: &DatabaseConnection) -> AppError {
    let folder = backup::settings_or_default(Some(conn))
        .await
        .folder_for(path);
    let mut recovery = None;
    // Copies kept before a restore hold data the user chose to replace:
    // the way back is the newest backup of the data in use.
    // Only this database's backups (their manifests name its id); when the
    // damage hides the id, only backups that name no database (written before
    // databases had one) — never another database's.
    let id = backup::database_id(conn).await.ok().flatten();
    let candidates = backup::list(&folder).into_iter().filter(|l| {
        l.problem.is_none()
            && l.info.kind != backup::BackupKind::BeforeRestore
            && match &id {
                Some(_) => l.info.of_database(id.as_deref()),
                None => l.info.database_id.is_none(),
            }
    });
    for listed in candidates {
        let file = PathBuf::from(&listed.info.path);
        if backup::restore::inspect(&file, path).await.is_ok() {
            recovery = Some(listed.info.path.clone());
            break;
        }
    }
    match e {
        AppError::DataFile {
            problem: FileProblem::Damaged,
            path: p,
            detail,
            version,
            ..
        } => AppError::DataFile {
            problem: FileProblem::Damaged,
            path: p,
            detail,
            version,
            recovery,
        },
        other => other,
    }
}
