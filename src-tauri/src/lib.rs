//! The desktop shell: opens the database, registers the commands, starts the window.
//! Business rules live in `dealerdesk-core`; see `commands.rs` for the adapters.
mod agreements;
mod commands;
mod print;
mod state;
mod training;

use std::path::PathBuf;

use dealerdesk_core::db;

/// `--db PATH` / `--db=PATH` on the command line (tauri-driver passes it in tests).
fn db_flag() -> Option<PathBuf> {
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        if a == "--db" {
            return args.next().map(PathBuf::from);
        }
        if let Some(p) = a.strip_prefix("--db=") {
            return Some(PathBuf::from(p));
        }
    }
    None
}

pub fn run() {
    let path = db::resolve_db_path(db_flag());
    let opened = match tauri::async_runtime::block_on(db::open(&path)) {
        Ok(o) => o,
        Err(e) => {
            eprintln!(
                "DealerDesk cannot open its database {}: {e}",
                path.display()
            );
            std::process::exit(1);
        }
    };
    let state = state::AppState::new(opened, path);
    // Parse the PDF fonts while the window loads, so the first print is fast.
    std::thread::spawn(dealerdesk_core::pdf::warm_up);
    let result = tauri::Builder::default()
        .plugin(tauri_plugin_dialog::init())
        .plugin(tauri_plugin_opener::init())
        .manage(state)
        .invoke_handler(commands::handler())
        .run(tauri::generate_context!());
    if let Err(e) = result {
        eprintln!("DealerDesk stopped: {e}");
        std::process::exit(1);
    }
}
