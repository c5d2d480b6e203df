//! `backup` and `restore`: they work on the file as it is (never migrating
//! it first), so a damaged or newer database can still be backed up,
//! verified against, or replaced.
use std::io::{BufRead, IsTerminal, Write};
use std::path::{Path, PathBuf};

use chrono::{DateTime, FixedOffset};
use clap::Args;
use dealerdesk_core::backup::{self, restore, BackupInfo, BackupKind};
use dealerdesk_core::db::{self, migrate};
use dealerdesk_core::{attachment, AppError, AppResult};

#[derive(Args)]
pub struct BackupArgs {
    /// Write exactly this file (refused if it exists); default: the backup
    /// folder from Settings, named by the time to the millisecond.
    #[arg(long, conflicts_with = "verify")]
    out: Option<PathBuf>,
    /// Check this backup (manifest, checksums, integrity, version) without restoring it.
    #[arg(long, value_name = "FILE")]
    verify: Option<PathBuf>,
    /// Print what the backup holds as JSON.
    #[arg(long)]
    json: bool,
}

#[derive(Args)]
pub struct RestoreArgs {
    /// A backup (.ddbak) or a copy written before a migration (.bak).
    file: PathBuf,
    /// Restore without asking.
    #[arg(long)]
    yes: bool,
}

impl RestoreArgs {
    pub fn file(&self) -> &Path {
        &self.file
    }
}

/// Says which leftover working files were removed (on stderr, so scripts
/// reading stdout see nothing new).
pub fn log_strays(removed: &[PathBuf]) {
    for p in removed {
        eprintln!(
            "removed a working file left by an interrupted run: {}",
            p.display()
        );
    }
}

/// Cleans the leftovers beside the database and in its backup folder.
/// The backup folder from Settings when the file can tell; the default
/// otherwise (a missing, damaged or foreign file).
async fn backup_folder(db_path: &Path) -> PathBuf {
    match db::connect_read_only(db_path).await {
        Ok(conn) if db_path.exists() => {
            let s = backup::settings_or_default(Some(&conn)).await;
            conn.close().await.ok();
            s.folder_for(db_path)
        }
        _ => backup::default_folder(db_path),
    }
}

async fn clean(db_path: &Path) {
    log_strays(&backup::clean_strays(
        db_path,
        &backup_folder(db_path).await,
    ));
}

fn local_now() -> DateTime<FixedOffset> {
    chrono::Local::now().fixed_offset()
}

fn print_info(info: &BackupInfo, json: bool) {
    if json {
        println!("{}", serde_json::to_string_pretty(info).unwrap_or_default());
        return;
    }
    println!("{}", info.path);
    println!("  created:     {}", info.created_at);
    println!("  by:          DealerDesk {}", info.app_version);
    println!("  schema:      {}", info.schema_version);
    println!("  size:        {} bytes", info.size);
    for key in ["distributor", "ledger_entry", "agreement", "complaint"] {
        if let Some(n) = info.counts.get(key) {
            println!("  {key:<12} {n}");
        }
    }
    println!("  attachments: {}", info.attachments);
    if !info.missing.is_empty() {
        println!("  missing when backed up: {}", info.missing.join(", "));
    }
}

pub async fn backup(db_path: &Path, a: &BackupArgs) -> AppResult<()> {
    clean(db_path).await;
    if let Some(file) = &a.verify {
        let info = restore::inspect(file, db_path).await?;
        print_info(&info, a.json);
        if !a.json {
            println!("verified: the backup is whole and can be restored");
        }
        return Ok(());
    }
    if !db_path.exists() {
        return Err(AppError::not_found("database", db_path.display()));
    }
    db::files::check_target(db_path).or_else(|e| match e {
        // A read-only file can still be copied.
        AppError::DataFile {
            problem: dealerdesk_core::error::FileProblem::ReadOnly,
            ..
        } => Ok(()),
        other => Err(other),
    })?;
    // Shared, as every process that has the file open: a restore waits.
    let _lock = db::files::UseLock::shared(db_path)?;
    let conn = db::connect(db_path).await?;
    let result = async {
        match migrate::inspect(&conn).await? {
            migrate::Shape::Foreign | migrate::Shape::Empty => {
                return Err(AppError::file(
                    dealerdesk_core::error::FileProblem::ForeignDatabase,
                    db_path,
                    None,
                ))
            }
            _ => {}
        }
        let root = attachment::root_for(db_path);
        match &a.out {
            Some(out) => backup::create(&conn, &root, out, BackupKind::Manual, local_now()).await,
            None => {
                let folder = backup::settings_or_default(Some(&conn))
                    .await
                    .folder_for(db_path);
                backup::create_in(&conn, &root, &folder, BackupKind::Manual, local_now()).await
            }
        }
    }
    .await;
    db::close(conn).await?;
    let info = result.map_err(|e| db::files::at_path(e, db_path))?;
    print_info(&info, a.json);
    Ok(())
}

/// A backup of a server database: one snapshot of it, written on this PC
/// (`--out`, else the backup folder from Settings, else this PC's folder for
/// that server). `--verify` checks a backup file as for a file database.
pub async fn backup_server(
    conn: &dealerdesk_core::DatabaseConnection,
    anchor: &Path,
    a: &BackupArgs,
) -> AppResult<()> {
    if let Some(file) = &a.verify {
        let info = backup::verify(file, anchor).await?.info.clone();
        print_info(&info, a.json);
        if !a.json {
            println!("verified: the backup is whole and can be restored");
        }
        return Ok(());
    }
    let root = attachment::root_for(anchor);
    let info = match &a.out {
        Some(out) => backup::create(conn, &root, out, BackupKind::Manual, local_now()).await?,
        None => {
            let folder = backup::settings_or_default(Some(conn))
                .await
                .folder_for(anchor);
            backup::create_in(conn, &root, &folder, BackupKind::Manual, local_now()).await?
        }
    };
    print_info(&info, a.json);
    Ok(())
}

pub async fn restore(db_path: &Path, a: &RestoreArgs) -> AppResult<()> {
    clean(db_path).await;
    let info = restore::inspect(&a.file, db_path).await?;
    print_info(&info, false);
    if !a.yes {
        if !std::io::stdin().is_terminal() {
            return Err(AppError::io(
                "restore replaces the database: confirm with --yes (there is no terminal to ask)",
            ));
        }
        print!("Replace {} with this backup? [y/N] ", db_path.display());
        std::io::stdout().flush().ok();
        let mut answer = String::new();
        std::io::stdin().lock().read_line(&mut answer).ok();
        if !matches!(answer.trim(), "y" | "Y" | "yes" | "是") {
            return Err(AppError::Cancelled);
        }
    }
    let folder = backup_folder(db_path).await;
    let root = attachment::root_for(db_path);
    let place = restore::Place {
        db_path,
        attachments_root: &root,
        backups: &folder,
    };
    let done = restore::restore(&place, &a.file, local_now()).await?;
    if let Some(copy) = &done.safety_copy {
        println!("the data it replaced: {copy}");
    }
    // An older backup is migrated now, with its own copy first.
    let opened = db::open(db_path, chrono::Utc::now()).await?;
    if let Some(b) = &opened.backup {
        eprintln!("backup before migration: {}", b.display());
    }
    db::close(opened.db).await?;
    println!("restored: {}", db_path.display());
    Ok(())
}
