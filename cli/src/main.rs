//! dealerdesk-cli: the same core as the desktop app, headless, for batch work.
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;

mod agreements;
mod training;

use clap::{Parser, Subcommand};
use dealerdesk_core::actor::Actor;
use dealerdesk_core::complaint::report;
use dealerdesk_core::dates::{self, Clock};
use dealerdesk_core::distributor::transfer;
use dealerdesk_core::distributor::{self, DistributorQuery};
use dealerdesk_core::lang::Lang;
use dealerdesk_core::ledger::{self, batch, statement};
use dealerdesk_core::{db, demo, settings, AppError, AppResult};

/// PDF rendering allocates many small objects; mimalloc handles that faster than the system allocator.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

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
    /// Name recorded in history and audit entries (default: the app's operator setting;
    /// a command that writes is refused when neither is set).
    #[arg(long, global = true)]
    operator: Option<String>,
    /// Work as if today were this date (YYYY-MM-DD): reminders, agreement status,
    /// statement and certificate dates; "now" is that date at the current time of day.
    #[arg(long, global = true, env = "DEALERDESK_TODAY", value_parser = dates::parse_today_option)]
    today: Option<chrono::NaiveDate>,
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
    /// Adds sample distributors and their ledgers (for trying the app and for benchmarks).
    DemoData {
        #[arg(long, default_value_t = 40)]
        distributors: u64,
        /// Ledger entries for each active or suspended distributor (0: none).
        #[arg(long, default_value_t = 0)]
        entries_per_distributor: u32,
        /// The same seed gives the same ledger.
        #[arg(long, default_value_t = 2026)]
        seed: u64,
        /// Sample complaints in every state, received over the last 30 days.
        #[arg(long, default_value_t = 0)]
        complaints: u32,
    },
    /// Distribution agreements (经销协议).
    Agreement {
        #[command(subcommand)]
        command: agreements::AgreementCommand,
    },
    /// Training: certificates of a session, compliance by tier.
    Training {
        #[command(subcommand)]
        command: training::TrainingCommand,
    },
    /// Rebate runs over agreement targets and the ledger.
    Rebates {
        #[command(subcommand)]
        command: agreements::RebateCommand,
    },
    /// Complaints (客诉).
    Complaints {
        #[command(subcommand)]
        command: ComplaintCommand,
    },
    /// The ledger (往来账).
    Ledger {
        #[command(subcommand)]
        command: LedgerCommand,
    },
    /// One statement of account: JSON, PDF, or a summary.
    Statement {
        /// Distributor code.
        #[arg(long)]
        distributor: String,
        /// First day, YYYY-MM-DD (inclusive).
        #[arg(long)]
        from: String,
        /// Last day, YYYY-MM-DD (inclusive).
        #[arg(long)]
        to: String,
        #[arg(long, default_value = "zh-CN")]
        lang: Lang,
        /// Write the PDF here.
        #[arg(long)]
        out: Option<PathBuf>,
        /// Print the statement as JSON on stdout.
        #[arg(long)]
        json: bool,
    },
    /// Statements of every active distributor, one PDF each, named by code.
    Statements {
        #[arg(long)]
        from: String,
        #[arg(long)]
        to: String,
        #[arg(long)]
        out_dir: PathBuf,
        #[arg(long, default_value = "zh-CN")]
        lang: Lang,
        /// Also write one merged PDF.
        #[arg(long)]
        merged: bool,
    },
}

#[derive(Subcommand)]
enum ComplaintCommand {
    /// The report for complaints received in a period: counts, SLA compliance, hours, Pareto.
    Report {
        #[arg(long)]
        from: String,
        #[arg(long)]
        to: String,
        /// Only this distributor (code).
        #[arg(long)]
        distributor: Option<String>,
        /// Print the figures as JSON.
        #[arg(long)]
        json: bool,
        /// Write the report as PDF (or XLSX, by extension).
        #[arg(long)]
        out: Option<PathBuf>,
        #[arg(long, default_value = "zh-CN")]
        lang: Lang,
    },
}

#[derive(Subcommand)]
enum LedgerCommand {
    /// Imports a .csv or .xlsx sheet: every row valid or nothing written;
    /// entries already posted (same distributor, kind, doc_no) are skipped.
    Import { file: PathBuf },
    /// Exports the ledger in the import format (.csv or .xlsx).
    Export {
        file: PathBuf,
        /// Only this distributor's entries.
        #[arg(long)]
        distributor: Option<String>,
        #[arg(long, default_value = "en")]
        lang: Lang,
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
        lang: Lang,
    },
}

/// Who writes: `--operator`, else the app's operator setting, else the write is refused.
async fn actor(
    cli: &Cli,
    conn: &dealerdesk_core::DatabaseConnection,
    clock: Clock,
) -> AppResult<Actor> {
    settings::actor(conn, cli.operator.as_deref(), clock).await
}

/// The report as the CLI prints it: breakdowns as `{key: count}` objects.
fn report_json(r: &report::ComplaintReport) -> serde_json::Value {
    let map = |v: &[report::Count]| {
        serde_json::Value::Object(
            v.iter()
                .map(|c| (c.key.clone(), serde_json::json!(c.count)))
                .collect(),
        )
    };
    serde_json::json!({
        "from": r.from,
        "to": r.to,
        "total": r.total,
        "by_status": map(&r.by_status),
        "by_category": map(&r.by_category),
        "by_priority": map(&r.by_priority),
        "by_distributor": map(&r.by_distributor),
        "sla": {
            "first_response_met_pct": r.sla.first_response_met_pct,
            "resolution_met_pct": r.sla.resolution_met_pct,
        },
        "first_response_hours": { "avg": r.first_response_hours.avg, "p90": r.first_response_hours.p90 },
        "resolution_hours": { "avg": r.resolution_hours.avg, "p90": r.resolution_hours.p90 },
        "pareto": r.pareto.iter().map(|p| serde_json::json!({
            "category": p.category, "product": p.product, "count": p.count, "cumulative_pct": p.cumulative_pct,
        })).collect::<Vec<_>>(),
        "satisfaction_avg": r.satisfaction_avg,
    })
}

async fn distributor_id(conn: &dealerdesk_core::DatabaseConnection, code: &str) -> AppResult<i64> {
    distributor::get_by_code(conn, code)
        .await?
        .map(|d| d.id)
        .ok_or_else(|| AppError::not_found("distributor", code))
}

async fn run(cli: Cli) -> AppResult<()> {
    let clock = Clock::office(chrono::Local::now().fixed_offset(), cli.today);
    let path = db::resolve_db_path(cli.db.clone());
    let opened = db::open(&path, clock.now).await?;
    if let Some(b) = &opened.backup {
        eprintln!("backup before migration: {}", b.display());
    }
    let conn = opened.db;
    match &cli.command {
        Command::Distributors { command } => match command {
            DistributorCommand::Import { file } => {
                let op = actor(&cli, &conn, clock).await?;
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
                    language: *lang,
                };
                let n = transfer::export(&conn, &req).await?;
                println!("exported {n} distributor(s) to {}", file.display());
            }
        },
        Command::DemoData {
            distributors,
            entries_per_distributor,
            seed,
            complaints,
        } => {
            let op = actor(&cli, &conn, clock).await?;
            let n = demo::generate(&conn, &op, *distributors).await?;
            let e = demo::generate_ledger(&conn, &op, *entries_per_distributor, *seed).await?;
            let c = demo::generate_complaints(&conn, &op, *complaints, *seed, clock.now).await?;
            let (o, a) = demo::generate_agreements(&conn, &op, *seed, clock.now).await?;
            let t = demo::generate_training(&conn, &op, *seed, clock.now).await?;
            println!(
                "added {n} sample distributor(s), {e} ledger entries, {c} complaints, {o} onboarding checklists, {a} agreements and {t} training certificates to {}",
                path.display()
            );
        }
        Command::Agreement { command } => agreements::agreement(&conn, command, clock).await?,
        Command::Training { command } => training::run(&conn, command, clock).await?,
        Command::Rebates { command } => {
            let op = actor(&cli, &conn, clock).await?;
            agreements::rebates(&conn, &op, command).await?
        }
        Command::Complaints {
            command:
                ComplaintCommand::Report {
                    from,
                    to,
                    distributor,
                    json,
                    out,
                    lang,
                },
        } => {
            let distributor_id = match distributor {
                Some(code) => Some(distributor_id(&conn, code).await?),
                None => None,
            };
            let req = report::ReportRequest {
                from: from.clone(),
                to: to.clone(),
                distributor_id,
            };
            let r = report::build(&conn, &req, clock.now).await?;
            if let Some(out) = out {
                let file = report::ReportFileRequest {
                    report: req.clone(),
                    lang: *lang,
                    path: out.to_string_lossy().into_owned(),
                };
                let written = report::write_file(&conn, &file, clock).await?;
                eprintln!("wrote {written}");
            }
            if *json {
                println!(
                    "{}",
                    serde_json::to_string_pretty(&report_json(&r)).map_err(AppError::io)?
                );
            } else if out.is_none() {
                println!("{} complaint(s) received {} .. {}", r.total, r.from, r.to);
                for c in &r.by_status {
                    println!("  {:<24} {}", c.key, c.count);
                }
            }
        }
        Command::Ledger { command } => match command {
            LedgerCommand::Import { file } => {
                let op = actor(&cli, &conn, clock).await?;
                let s = ledger::import::import(&conn, &op, file).await?;
                println!(
                    "imported {}: {} entries added, {} already posted",
                    file.display(),
                    s.added,
                    s.skipped
                );
            }
            LedgerCommand::Export {
                file,
                distributor,
                lang,
            } => {
                let id = match distributor {
                    Some(code) => Some(distributor_id(&conn, code).await?),
                    None => None,
                };
                let n = ledger::import::export(&conn, file, id, *lang).await?;
                println!("exported {n} entries to {}", file.display());
            }
        },
        Command::Statement {
            distributor,
            from,
            to,
            lang,
            out,
            json,
        } => {
            let id = distributor_id(&conn, distributor).await?;
            let req = statement::StatementRequest {
                distributor_id: id,
                from: from.clone(),
                to: to.clone(),
            };
            let s = statement::load(&conn, &req).await?;
            if let Some(out) = out {
                let pdf_req = statement::StatementPdfRequest {
                    distributor_id: id,
                    from: from.clone(),
                    to: to.clone(),
                    lang: *lang,
                    path: out.to_string_lossy().into_owned(),
                };
                let written =
                    statement::save_pdf(&conn, &pdf_req, Path::new("."), clock.today).await?;
                eprintln!("wrote {written}");
            }
            if *json {
                println!(
                    "{}",
                    serde_json::to_string_pretty(&s).map_err(AppError::io)?
                );
            } else if out.is_none() {
                println!(
                    "{} {}  {} .. {}\nopening {:>16}\ndebit   {:>16}\ncredit  {:>16}\nclosing {:>16}  {}",
                    s.distributor.code,
                    s.distributor.name,
                    s.from,
                    s.to,
                    s.opening_balance.grouped(),
                    s.total_debit.grouped(),
                    s.total_credit.grouped(),
                    s.closing_balance.grouped(),
                    s.closing_balance_in_words
                );
            }
        }
        Command::Statements {
            from,
            to,
            out_dir,
            lang,
            merged,
        } => {
            let req = batch::BatchRequest {
                from: from.clone(),
                to: to.clone(),
                out_dir: out_dir.to_string_lossy().into_owned(),
                lang: *lang,
                merged: *merged,
            };
            let bar = indicatif::ProgressBar::new(0);
            bar.set_style(
                indicatif::ProgressStyle::with_template(
                    "{bar:40} {pos}/{len} statements  {elapsed_precise}",
                )
                .map_err(AppError::io)?,
            );
            let cancel = Arc::new(AtomicBool::new(false));
            let on_ctrl_c = cancel.clone();
            tokio::spawn(async move {
                if tokio::signal::ctrl_c().await.is_ok() {
                    on_ctrl_c.store(true, Ordering::Relaxed);
                }
            });
            let progress_bar = bar.clone();
            let summary = batch::run(
                &conn,
                &req,
                cancel,
                Arc::new(move |p: batch::BatchProgress| {
                    progress_bar.set_length(u64::from(p.total));
                    progress_bar.set_position(u64::from(p.done));
                }),
                clock.today,
            )
            .await;
            bar.finish_and_clear();
            let summary = summary?;
            println!(
                "wrote {} statement(s) to {}",
                summary.files, summary.out_dir
            );
            if let Some(m) = summary.merged_path {
                println!("merged: {m}");
            }
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
