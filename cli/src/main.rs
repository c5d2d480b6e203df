//! dealerdesk-cli: the same core as the desktop app, headless, for batch work.
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use dealerdesk_core::distributor::{self, DistributorQuery};
use dealerdesk_core::transfer::distributors as transfer;
use dealerdesk_core::{db, demo, settings, AppError, AppResult};

#[derive(Parser)]
#[command(
    name = "dealerdesk-cli",
    version,
    about = "DealerDesk without the window"
)]
struct Cli {
    /// Database file (default: $DEALERDESK_DB, else the app's file in the user data folder).
    #[arg(long, global = true)]
    db: Option<PathBuf>,
    /// Name recorded in history and audit entries (default: the app's operator setting).
    #[arg(long, global = true)]
    operator: Option<String>,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Distributor records.
    Distributors {
        #[command(subcommand)]
        command: DistributorCommand,
    },
    /// Adds sample distributors (for trying the app and for benchmarks).
    DemoData {
        #[arg(long, default_value_t = 40)]
        distributors: u64,
    },
}

#[derive(Subcommand)]
enum DistributorCommand {
    /// Imports a .csv or .xlsx sheet: every row valid or nothing written.
    Import { file: PathBuf },
    /// Lists distributors.
    List {
        /// JSON array instead of a table.
        #[arg(long)]
        json: bool,
        #[arg(long, default_value = "")]
        search: String,
    },
    /// Exports every distributor to .csv or .xlsx.
    Export {
        file: PathBuf,
        /// zh-CN writes Chinese headers; en writes the column keys.
        #[arg(long, default_value = "en")]
        lang: String,
    },
}

async fn operator(cli: &Cli, conn: &dealerdesk_core::DatabaseConnection) -> AppResult<String> {
    if let Some(op) = &cli.operator {
        return Ok(op.clone());
    }
    let saved = settings::load(conn).await?.operator_name;
    if !saved.trim().is_empty() {
        return Ok(saved);
    }
    Ok(std::env::var("USER").unwrap_or_else(|_| "dealerdesk-cli".into()))
}

async fn run(cli: Cli) -> AppResult<()> {
    let path = db::resolve_db_path(cli.db.clone());
    let opened = db::open(&path).await?;
    if let Some(b) = &opened.backup {
        eprintln!("backup before migration: {}", b.display());
    }
    let conn = opened.db;
    match &cli.command {
        Command::Distributors { command } => match command {
            DistributorCommand::Import { file } => {
                let op = operator(&cli, &conn).await?;
                let s = transfer::import(&conn, &op, file).await?;
                println!(
                    "imported {}: {} created, {} updated, {} unchanged",
                    file.display(),
                    s.created,
                    s.updated,
                    s.unchanged
                );
            }
            DistributorCommand::List { json, search } => {
                let q = DistributorQuery {
                    search: search.clone(),
                    ..Default::default()
                };
                let rows = distributor::list(&conn, &q).await?.rows;
                if *json {
                    println!(
                        "{}",
                        serde_json::to_string_pretty(&rows).map_err(AppError::io)?
                    );
                } else {
                    for d in &rows {
                        println!(
                            "{:<10} {:<12} {:<12} {:>16} {}",
                            d.code, d.tier, d.status, d.credit_limit, d.name
                        );
                    }
                    println!("{} distributor(s)", rows.len());
                }
            }
            DistributorCommand::Export { file, lang } => {
                let req = transfer::ExportRequest {
                    path: file.to_string_lossy().into_owned(),
                    query: DistributorQuery::default(),
                    language: lang.clone(),
                };
                let n = transfer::export(&conn, &req).await?;
                println!("exported {n} distributor(s) to {}", file.display());
            }
        },
        Command::DemoData { distributors } => {
            let op = operator(&cli, &conn).await?;
            let n = demo::generate(&conn, &op, *distributors).await?;
            println!("added {n} sample distributor(s) to {}", path.display());
        }
    }
    Ok(())
}

#[tokio::main]
async fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli).await {
        Ok(()) => ExitCode::SUCCESS,
        Err(AppError::ImportRejected { errors }) => {
            eprintln!(
                "import rejected; nothing was written. {} error(s):",
                errors.len()
            );
            for e in errors {
                let detail = e.detail.map(|d| format!(" ({d})")).unwrap_or_default();
                eprintln!("row {}, field {}: {}{}", e.row, e.field, e.code, detail);
            }
            ExitCode::from(2)
        }
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::FAILURE
        }
    }
}
