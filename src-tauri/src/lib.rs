//! The desktop shell: starts opening the database, registers the commands, starts the window.
//! Business rules live in `dealerdesk-core`; see `commands.rs` for the adapters.
mod agreements;
mod backups;
mod commands;
mod complaints;
mod database;
mod finance;
mod login;
mod mail;
mod notify;
mod performance;
mod print;
mod setup;
mod state;
mod training;

use dealerdesk_core::error::ErrorCode;
use dealerdesk_core::{dates, AppError, AppResult};
use tauri::Manager;

/// `--NAME VALUE` / `--NAME=VALUE` on the command line (tauri-driver passes them in tests).
fn flag(name: &str) -> Option<String> {
    let long = format!("--{name}");
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        if a == long {
            return args.next();
        }
        if let Some(v) = a.strip_prefix(&format!("{long}=")) {
            return Some(v.to_owned());
        }
    }
    None
}

/// `--today YYYY-MM-DD` or `DEALERDESK_TODAY`: the office works on that date.
fn fixed_today() -> AppResult<Option<chrono::NaiveDate>> {
    match flag("today").or_else(|| std::env::var("DEALERDESK_TODAY").ok()) {
        Some(v) if !v.trim().is_empty() => dates::parse_date(&v)
            .map(Some)
            .ok_or_else(|| AppError::field("today", ErrorCode::DateFormat)),
        _ => Ok(None),
    }
}

/// The name one running DealerDesk holds on the session bus (Linux), per
/// database file: starting it again on the same file finds the open window;
/// another `--db` opens a window of its own. Windows and macOS keep one
/// instance per user.
fn single_instance_id(db: &std::path::Path) -> String {
    use std::hash::{Hash, Hasher};
    let canonical = db
        .parent()
        .and_then(|p| p.canonicalize().ok())
        .map(|p| p.join(db.file_name().unwrap_or_default()))
        .unwrap_or_else(|| db.to_path_buf());
    // FNV-1a: stable across builds and runs, unlike the standard hasher's seed.
    let mut h = Fnv(0xcbf2_9ce4_8422_2325);
    canonical.hash(&mut h);
    format!("com.dealerdesk.desktop.db_{:016x}", h.finish())
}

struct Fnv(u64);

impl std::hash::Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for b in bytes {
            self.0 = (self.0 ^ u64::from(*b)).wrapping_mul(0x0100_0000_01b3);
        }
    }
}

fn bring_to_front(app: &tauri::AppHandle) {
    if let Some(w) = app.get_webview_window("main") {
        let _ = w.unminimize();
        let _ = w.show();
        let _ = w.set_focus();
    }
}

pub fn run() {
    let fixed_today = match fixed_today() {
        Ok(d) => d,
        Err(e) => {
            eprintln!("DealerDesk: --today expects a date as YYYY-MM-DD ({e})");
            std::process::exit(2);
        }
    };
    let (location, fixed_by) = database::choose(flag("db"));
    let password = database::password_for(&location);
    let clock = dates::Clock::office(chrono::Local::now().fixed_offset(), fixed_today);
    let instance = single_instance_id(&location.local_anchor());
    let state = state::AppState::new(location, fixed_by, password, fixed_today, clock.now);
    let result = tauri::Builder::default()
        // First: a second start on the same database brings the open window
        // to the front and exits before it opens anything.
        .plugin(
            tauri_plugin_single_instance::Builder::new()
                .dbus_id(instance)
                .callback(|app, _argv, _cwd| bring_to_front(app))
                .build(),
        )
        .plugin(tauri_plugin_dialog::init())
        .plugin(tauri_plugin_opener::init())
        .plugin(tauri_plugin_notification::init())
        .setup(|app| {
            // The database opens (and migrates) while the window is created;
            // the page's first commands wait for it.
            app.state::<state::AppState>().start_opening();
            // Parse the PDF fonts while the window loads, so the first print is fast.
            std::thread::spawn(dealerdesk_core::pdf::warm_up);
            // What became due since the last start, in one notification; a
            // notification that cannot be shown never holds the start up.
            let handle = app.handle().clone();
            tauri::async_runtime::spawn(async move { notify::due_since_last_start(handle).await });
            Ok(())
        })
        .manage(state)
        .invoke_handler(commands::handler())
        .run(tauri::generate_context!());
    if let Err(e) = result {
        eprintln!("DealerDesk stopped: {e}");
        std::process::exit(1);
    }
}
