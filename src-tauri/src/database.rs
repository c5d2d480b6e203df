//! Where the data is: `--db`, else `DEALERDESK_DB`, else the choice saved in
//! Settings → Database (`connection.json` in this user's config folder),
//! else this PC's file. A server's password lives in the system keyring
//! (`DEALERDESK_DB_PASSWORD` for `--db` and the environment), never in a file.
use dealerdesk_core::api::cmd;
use dealerdesk_core::db::server::{self, Connection, DatabaseView};
use dealerdesk_core::db::{self, Location};
use dealerdesk_core::{AppError, AppResult};
use tauri::State;

use crate::commands::{Req, Res};
use crate::state::AppState;

type S<'a> = State<'a, AppState>;

const SERVICE: &str = "DealerDesk database";

/// The database this start uses, and what chose it when a flag or the
/// environment did.
pub fn choose(flag: Option<String>) -> (Location, Option<&'static str>) {
    if let Some(v) = flag.filter(|v| !v.trim().is_empty()) {
        return (Location::parse(v.as_ref()), Some("--db"));
    }
    if let Some(v) = std::env::var_os(db::DB_ENV).filter(|v| !v.is_empty()) {
        return (Location::parse(&v), Some(db::DB_ENV));
    }
    let file = Location::File(db::default_db_path());
    match server::load_connection(&server::connection_file()) {
        Ok(Connection::Server(s)) => match s.url() {
            Ok(url) => (Location::Server(url), None),
            Err(e) => {
                eprintln!("DealerDesk: the saved office server cannot be used ({e}); using this PC's file");
                (file, None)
            }
        },
        Ok(Connection::File) => (file, None),
        Err(e) => {
            eprintln!("DealerDesk: {e}; using this PC's file");
            (file, None)
        }
    }
}

fn entry(login: &str) -> AppResult<keyring::Entry> {
    keyring::Entry::new(SERVICE, login).map_err(|e| AppError::io(format!("keyring: {e}")))
}

fn kept(login: &str) -> Option<String> {
    entry(login).ok()?.get_password().ok()
}

/// The server's password: `DEALERDESK_DB_PASSWORD`, else the keyring's for
/// this login; none for a file (or a server that asks for none).
pub fn password_for(location: &Location) -> Option<String> {
    let Location::Server(url) = location else {
        return None;
    };
    std::env::var(db::DB_PASSWORD_ENV)
        .ok()
        .filter(|p| !p.is_empty())
        .or_else(|| kept(&url.login_name()))
}

fn view(s: &AppState) -> AppResult<DatabaseView> {
    let saved = server::load_connection(&server::connection_file())?;
    let password_saved = match &saved {
        Connection::Server(settings) => kept(&settings.login_name()).is_some(),
        Connection::File => false,
    };
    Ok(DatabaseView {
        current: s.location.shown(),
        on_server: matches!(s.location, Location::Server(_)),
        fixed_by: s.fixed_by.map(str::to_owned),
        saved,
        password_saved,
        file: db::default_db_path().display().to_string(),
    })
}

#[tauri::command]
pub async fn database_get(s: S<'_>) -> Res<cmd::database_get> {
    view(&s)
}

fn given(p: &Option<String>) -> Option<String> {
    p.clone().filter(|p| !p.is_empty())
}

#[tauri::command]
pub async fn database_test(req: Req<cmd::database_test>) -> Res<cmd::database_test> {
    let url = req.server.url()?;
    let password = given(&req.password).or_else(|| kept(&req.server.login_name()));
    server::probe(&url, password.as_deref()).await
}

#[tauri::command]
pub async fn database_save(s: S<'_>, req: Req<cmd::database_save>) -> Res<cmd::database_save> {
    if let Connection::Server(settings) = &req.connection {
        settings.validate()?;
        if let Some(p) = given(&req.password) {
            entry(&settings.login_name())?
                .set_password(&p)
                .map_err(|e| AppError::io(format!("keyring: {e}")))?;
        }
    }
    server::save_connection(&server::connection_file(), &req.connection)?;
    view(&s)
}

#[tauri::command]
pub async fn app_restart(app: tauri::AppHandle) -> Res<cmd::app_restart> {
    app.restart()
}
