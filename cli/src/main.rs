//! dealerdesk-cli: the same core as the desktop app, headless, for batch work.
use std::process::ExitCode;

mod agreements;
mod backup;
mod complaints;
mod context;
mod demo;
mod distributors;
mod ledger;
mod mail;
mod receivables;
mod scorecards;
mod server;
mod training;
mod users;

use clap::{Parser, Subcommand};
use dealerdesk_core::actor::{Access, Right};
use dealerdesk_core::dates::{self, Clock};
use dealerdesk_core::{db, AppError, AppResult};

use context::Ctx;

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
    /// Database file, or an office server's postgres://user@host:port/database (password:
    /// DEALERDESK_DB_PASSWORD). Default: $DEALERDESK_DB, else the app's file in the user
    /// data folder.
    #[arg(long, global = true)]
    db: Option<std::ffi::OsString>,
    /// Name recorded in history and audit entries (default: the app's operator setting;
    /// a command that writes is refused when neither is set).
    #[arg(long, global = true)]
    operator: Option<String>,
    /// Log in as this user (password: DEALERDESK_PASSWORD). Needed once the database has
    /// users, and always on an office server.
    #[arg(long, global = true, env = "DEALERDESK_USER")]
    user: Option<String>,
    /// Work as if today were this date (YYYY-MM-DD): reminders, agreement status,
    /// statement and certificate dates; "now" is that date at the current time of day.
    #[arg(long, global = true, env = "DEALERDESK_TODAY", value_parser = dates::parse_today_option)]
    today: Option<chrono::NaiveDate>,
    #[command(subcommand)]
    command: Command,
}

/// One module per command group; each takes the same context and calls core.
#[derive(Subcommand)]
enum Command {
    /// Distributor records.
    Distributors {
        #[command(subcommand)]
        command: distributors::DistributorCommand,
    },
    /// Adds sample distributors and their ledgers (for trying the app and for benchmarks).
    DemoData(demo::DemoArgs),
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
        command: complaints::ComplaintCommand,
    },
    /// The ledger (往来账).
    Ledger {
        #[command(subcommand)]
        command: ledger::LedgerCommand,
    },
    /// One statement of account: JSON, PDF, or a summary.
    Statement(ledger::StatementArgs),
    /// Statements of every active distributor, one PDF each, named by code.
    Statements(ledger::BatchArgs),
    /// Quarterly scorecards (季度考核): frozen once finalised, else live; --finalise.
    Scorecards(scorecards::ScorecardArgs),
    /// Receivables (应收账款): every distributor's aging on a date.
    Receivables(receivables::ReceivablesArgs),
    /// The outgoing mail server statements are e-mailed through.
    MailSettings(mail::MailSettingsArgs),
    /// E-mails a period's statements (password: DEALERDESK_SMTP_PASSWORD).
    SendStatements(mail::SendArgs),
    /// The annual tier review (年度定级): scores, recommendations; --apply.
    TierReview(scorecards::TierReviewArgs),
    /// Backs up the database and its attachments into one file, or checks a backup (--verify).
    Backup(backup::BackupArgs),
    /// Replaces the database with a backup (the current data is backed up first); on a
    /// server, restores into an empty database.
    Restore(backup::RestoreArgs),
    /// Users, their roles and passwords: add, list, disable, reset-password, passwd.
    Users {
        #[command(subcommand)]
        command: users::UsersCommand,
    },
    /// Moves a DealerDesk file to an empty office server database: every table copied,
    /// then row counts and every distributor's balance compared and printed.
    Migrate(server::MigrateArgs),
}

async fn run(cli: Cli) -> AppResult<()> {
    db::on_waiting(|| eprintln!("waiting for another DealerDesk to finish writing…"));
    let clock = Clock::office(chrono::Local::now().fixed_offset(), cli.today);
    let location = db::resolve_location(cli.db.as_deref());
    if let Command::Migrate(a) = &cli.command {
        return server::migrate(a, clock).await;
    }
    let (conn, db_path, _lock) = match &location {
        db::Location::Server(url) => {
            let password = server::password();
            if let Command::Restore(a) = &cli.command {
                return server::restore(url, password.as_deref(), a, clock).await;
            }
            let opened = db::open_location(&location, password.as_deref(), clock.now).await?;
            let (conn, anchor) = (opened.db, location.local_anchor());
            if let Command::Backup(a) = &cli.command {
                let done = match users::log_in(&conn, cli.user.as_deref(), clock.now, false).await {
                    // A backup holds every record: an owner's work.
                    Ok(user) => match user
                        .map(|u| Access::User(u.signed()))
                        .unwrap_or(Access::Open)
                        .require(Right::Backup)
                    {
                        Ok(()) => backup::backup_server(&conn, &anchor, a).await,
                        Err(e) => Err(e),
                    },
                    Err(e) => Err(e),
                };
                conn.close().await.ok();
                return done;
            }
            (conn, anchor, Some(opened.lock))
        }
        db::Location::File(db_path) => {
            let db_path = db_path.clone();
            // These work on the file as it is: a damaged or newer one included.
            match &cli.command {
                Command::Backup(a) => return backup::backup(&db_path, a).await,
                Command::Restore(a) => return backup::restore(&db_path, a).await,
                _ => {}
            }
            let opened = db::open(&db_path, clock.now).await?;
            if let Some(b) = &opened.backup {
                eprintln!("backup before migration: {}", b.display());
            }
            backup::log_strays(&opened.strays);
            let folder = dealerdesk_core::backup::settings_or_default(Some(&opened.db))
                .await
                .folder_for(&db_path);
            backup::log_strays(&dealerdesk_core::backup::clean_strays(&db_path, &folder));
            // The lock is held while the command runs: a restore waits.
            (opened.db, db_path, Some(opened.lock))
        }
    };
    let adding = matches!(
        &cli.command,
        Command::Users {
            command: users::UsersCommand::Add { .. }
        }
    );
    let user = match users::log_in(&conn, cli.user.as_deref(), clock.now, adding).await {
        Ok(u) => u,
        Err(e) => {
            db::close(conn).await.ok();
            return Err(e);
        }
    };
    let ctx = Ctx {
        conn,
        clock,
        db_path,
        shown: location.shown(),
        operator: cli.operator.clone(),
        user,
    };
    let result = match &cli.command {
        Command::Distributors { command } => distributors::run(&ctx, command).await,
        Command::DemoData(a) => demo::run(&ctx, a).await,
        Command::Agreement { command } => agreements::agreement(&ctx, command).await,
        Command::Training { command } => training::run(&ctx, command).await,
        Command::Rebates { command } => agreements::rebates(&ctx, command).await,
        Command::Complaints { command } => complaints::run(&ctx, command).await,
        Command::Ledger { command } => ledger::run(&ctx, command).await,
        Command::Statement(a) => ledger::statement(&ctx, a).await,
        Command::Statements(a) => ledger::statements(&ctx, a).await,
        Command::Scorecards(a) => scorecards::run(&ctx, a).await,
        Command::TierReview(a) => scorecards::tier_review(&ctx, a).await,
        Command::Receivables(a) => receivables::run(&ctx, a).await,
        Command::MailSettings(a) => mail::settings(&ctx, a).await,
        Command::SendStatements(a) => mail::send_statements(&ctx, a).await,
        Command::Users { command } => users::run(&ctx, command).await,
        Command::Backup(_) | Command::Restore(_) | Command::Migrate(_) => Ok(()),
    };
    // Checkpoint and close whatever happened: committed data belongs in the
    // main file, not only in the -wal beside it.
    let closed = db::close(ctx.conn).await;
    result.and(closed)
}

/// `dealerdesk-cli … | head` closes the pipe early: stop quietly, as other
/// command-line tools do, instead of reporting a panic.
fn quiet_on_closed_pipe() {
    let default = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let text = info
            .payload()
            .downcast_ref::<String>()
            .map(String::as_str)
            .or_else(|| info.payload().downcast_ref::<&str>().copied())
            .unwrap_or("");
        if text.contains("failed printing to stdout") && text.contains("Broken pipe") {
            std::process::exit(141);
        }
        default(info);
    }));
}

#[tokio::main]
async fn main() -> ExitCode {
    quiet_on_closed_pipe();
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
