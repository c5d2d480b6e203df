//! The office server from the command line: `migrate --from FILE --to URL`
//! moves a file's data to an empty server database, and `restore` on a server
//! fills an empty one from a backup. Both copy every table and then print the
//! row counts and every distributor's balance on both sides.
use std::path::PathBuf;

use clap::Args;
use dealerdesk_core::backup::{self, server::Moved};
use dealerdesk_core::dates::Clock;
use dealerdesk_core::db::{self, ServerUrl};
use dealerdesk_core::{AppError, AppResult};

#[derive(Args)]
pub struct MigrateArgs {
    /// The DealerDesk file to copy (it is opened, and upgraded if older, as the app would).
    #[arg(long, value_name = "FILE")]
    from: PathBuf,
    /// The empty server database: postgres://user@host:port/database (password:
    /// DEALERDESK_DB_PASSWORD).
    #[arg(long, value_name = "URL")]
    to: String,
    /// Print the checks as JSON.
    #[arg(long)]
    json: bool,
}

/// The server's password from `DEALERDESK_DB_PASSWORD`, if set.
pub fn password() -> Option<String> {
    std::env::var(db::DB_PASSWORD_ENV)
        .ok()
        .filter(|p| !p.is_empty())
}

fn progress(table: &str, rows: u64) {
    if rows > 0 && rows.is_multiple_of(100_000) {
        eprintln!("{table}: {rows} rows");
    }
}

pub async fn migrate(a: &MigrateArgs, clock: Clock) -> AppResult<()> {
    let to = ServerUrl::new(&a.to)?;
    if !a.from.exists() {
        return Err(AppError::not_found("database", a.from.display()));
    }
    let opened = db::open(&a.from, clock.now).await?;
    if let Some(b) = &opened.backup {
        eprintln!("backup before migration: {}", b.display());
    }
    let moved = backup::server::move_to_server(
        &opened.db,
        &to,
        password().as_deref(),
        clock.today,
        clock.now,
        &progress,
    )
    .await;
    db::close(opened.db).await.ok();
    report(&moved?, a.json)
}

pub async fn restore(
    url: &ServerUrl,
    password: Option<&str>,
    a: &crate::backup::RestoreArgs,
    clock: Clock,
) -> AppResult<()> {
    let anchor = db::Location::Server(url.clone()).local_anchor();
    if let Some(folder) = anchor.parent() {
        std::fs::create_dir_all(folder)
            .map_err(|e| AppError::io(format!("{}: {e}", folder.display())))?;
    }
    let verified = backup::verify(a.file(), &anchor).await?;
    let copy = db::connect_read_only(verified.database()).await?;
    let moved =
        backup::server::move_to_server(&copy, url, password, clock.today, clock.now, &progress)
            .await;
    copy.close().await.ok();
    let moved = moved?;
    report(&moved, false)?;
    println!("restored {} into {}", a.file().display(), moved.target);
    Ok(())
}

fn report(moved: &Moved, json: bool) -> AppResult<()> {
    if json {
        println!(
            "{}",
            serde_json::to_string_pretty(moved).unwrap_or_default()
        );
    } else {
        println!("copied into {}", moved.target);
        println!("{:<28} {:>10} {:>10}", "table", "file", "server");
        for t in &moved.tables {
            let mark = if t.source == t.target {
                ""
            } else {
                "  DIFFERS"
            };
            println!("{:<28} {:>10} {:>10}{mark}", t.table, t.source, t.target);
        }
        println!("balances on {}:", moved.as_of);
        println!("{:<10} {:>16} {:>16}", "code", "file", "server");
        for b in &moved.balances {
            let mark = if b.source == b.target {
                ""
            } else {
                "  DIFFERS"
            };
            println!("{:<10} {:>16} {:>16}{mark}", b.code, b.source, b.target);
        }
    }
    if moved.matches {
        if !json {
            println!(
                "verified: {} tables and {} balances are the same on both",
                moved.tables.len(),
                moved.balances.len()
            );
        }
        Ok(())
    } else {
        Err(AppError::Database {
            message: "the copy differs from its source (see above); do not use the server database"
                .into(),
        })
    }
}
