//! The desktop shell: starts opening the database, registers the commands, starts the window.
//! Business rules live in `dealerdesk-core`; see `commands.rs` for the adapters.
mod agreements;
mod backups;
mod commands;
mod complaints;
mod finance;
mod mail;
mod notify;
mod performance;
mod print;
mod state;
mod training;

use std::path::PathBuf;

use dealerdesk_core::error::ErrorCode;
use dealerdesk_core::{dates, db, AppError, AppResult};

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

pub fn run() {
    let fixed_today = match fixed_today() {
        Ok(d) => d,
        Err(e) => {
            eprintln!("DealerDesk: --today expects a date as YYYY-MM-DD ({e})");
            std::process::exit(2);
        }
    };
    let path = db::resolve_db_path(flag("db").map(PathBuf::from));
    let clock = dates::Clock::office(chrono::Local::now().fixed_offset(), fixed_today);
    let state = state::AppState::new(path, fixed_today, clock.now);
    // The database opens (and migrates) while the window is created; the
    // page's first commands wait for it.
    state.start_opening();
    // Parse the PDF fonts while the window loads, so the first print is fast.
    std::thread::spawn(dealerdesk_core::pdf::warm_up);
    let result = tauri::Builder::default()
        .plugin(tauri_plugin_dialog::init())
        .plugin(tauri_plugin_opener::init())
        .plugin(tauri_plugin_notification::init())
        .setup(|app| {
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
