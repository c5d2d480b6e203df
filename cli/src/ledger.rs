//! `ledger import|export|reverse`, `statement` and `statements` (the batch).
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;

use clap::{Args, Subcommand};
use dealerdesk_core::error::{ErrorCode, FieldError};
use dealerdesk_core::lang::Lang;
use dealerdesk_core::ledger::{self, batch, statement};
use dealerdesk_core::{AppError, AppResult};

use crate::context::Ctx;

#[derive(Subcommand)]
pub enum LedgerCommand {
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
    /// Reverses a posted entry with one linked adjustment of the opposite sign
    /// (entries are never edited or deleted).
    Reverse {
        /// The distributor's code.
        #[arg(long)]
        distributor: String,
        /// The entry's kind: invoice, payment, credit_note, rebate, adjustment, opening.
        #[arg(long)]
        kind: String,
        /// The entry's document number.
        #[arg(long)]
        doc_no: String,
        /// The reversal's date (YYYY-MM-DD; default today), not before the entry's.
        #[arg(long)]
        date: Option<String>,
        /// Why (recorded with the reversal).
        #[arg(long)]
        reason: String,
    },
}

pub async fn run(ctx: &Ctx, cmd: &LedgerCommand) -> AppResult<()> {
    match cmd {
        LedgerCommand::Import { file } => {
            let s = ledger::import::import(&ctx.conn, &ctx.actor().await?, file).await?;
            println!(
                "imported {}: {} entries added, {} already posted",
                file.display(),
                s.added,
                s.skipped
            );
            if !s.ignored_columns.is_empty() {
                println!("ignored columns: {}", s.ignored_columns.join(", "));
            }
            // A warning, not a refusal: the books already hold these invoices.
            for w in &s.over_limit {
                eprintln!(
                    "warning: {} {} owes {}, over its credit limit of {} by {}",
                    w.code, w.name, w.balance, w.credit_limit, w.over_by
                );
            }
        }
        LedgerCommand::Export {
            file,
            distributor,
            lang,
        } => {
            let id = match distributor {
                Some(code) => Some(ctx.distributor_id(code).await?),
                None => None,
            };
            let n = ledger::import::export(&ctx.conn, &ctx.access(), file, id, *lang).await?;
            println!("exported {n} entries to {}", file.display());
        }
        LedgerCommand::Reverse {
            distributor,
            kind,
            doc_no,
            date,
            reason,
        } => {
            let id = ctx.distributor_id(distributor).await?;
            let kind = ledger::EntryKind::parse(kind).ok_or_else(|| AppError::Validation {
                fields: vec![FieldError::with_detail(
                    "kind",
                    ErrorCode::InvalidChoice,
                    kind.clone(),
                )],
            })?;
            let entry = ledger::find_by_doc(&ctx.conn, id, kind, doc_no)
                .await?
                .ok_or_else(|| {
                    AppError::not_found(
                        "ledger_entry",
                        format!("{distributor} {} {doc_no}", kind.key()),
                    )
                })?;
            let req = ledger::ReverseRequest {
                entry_id: entry.id,
                date: date.clone().unwrap_or_else(|| ctx.clock.today.to_string()),
                reason: reason.clone(),
            };
            let r = ledger::reverse(&ctx.conn, &ctx.actor().await?, &req).await?;
            println!(
                "reversed {} {doc_no}: {} {} dated {}",
                kind.key(),
                r.doc_no,
                r.amount,
                r.date
            );
        }
    }
    Ok(())
}

#[derive(Args)]
pub struct StatementArgs {
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
}

pub async fn statement(ctx: &Ctx, a: &StatementArgs) -> AppResult<()> {
    let id = ctx.distributor_id(&a.distributor).await?;
    let req = statement::StatementRequest {
        distributor_id: id,
        from: a.from.clone(),
        to: a.to.clone(),
    };
    let s = statement::load(&ctx.conn, &req).await?;
    if let Some(out) = &a.out {
        let pdf_req = statement::StatementPdfRequest {
            distributor_id: id,
            from: a.from.clone(),
            to: a.to.clone(),
            lang: a.lang,
            path: out.to_string_lossy().into_owned(),
        };
        // Recorded as issued when an operator is known; without one the
        // file is written all the same, as before statements were recorded.
        let actor = ctx.actor().await.ok();
        if actor.is_none() {
            eprintln!("not recorded as issued: no operator (--operator or Settings)");
        }
        let written = statement::save_pdf(
            &ctx.conn,
            &pdf_req,
            Path::new("."),
            ctx.clock.today,
            actor
                .as_ref()
                .map(|a| (a, dealerdesk_core::ledger::runs::IssuedVia::File)),
        )
        .await?;
        eprintln!("wrote {}", written.path);
        if !written.substituted.is_empty() {
            eprintln!("printed as □, the font lacks them: {}", written.substituted);
        }
    }
    if a.json {
        println!(
            "{}",
            serde_json::to_string_pretty(&s).map_err(AppError::io)?
        );
    } else if a.out.is_none() {
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
    Ok(())
}

#[derive(Args)]
pub struct BatchArgs {
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
}

/// Every active distributor's statement; a progress bar on stderr, Ctrl-C cancels cleanly.
pub async fn statements(ctx: &Ctx, a: &BatchArgs) -> AppResult<()> {
    let req = batch::BatchRequest {
        from: a.from.clone(),
        to: a.to.clone(),
        out_dir: a.out_dir.to_string_lossy().into_owned(),
        lang: a.lang,
        merged: a.merged,
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
        &ctx.conn,
        &req,
        cancel,
        Arc::new(move |p: batch::BatchProgress| {
            progress_bar.set_length(u64::from(p.total));
            progress_bar.set_position(u64::from(p.done));
        }),
        &ctx.actor().await?,
    )
    .await;
    bar.finish_and_clear();
    let summary = summary?;
    println!(
        "wrote {} statement(s) to {}",
        summary.files, summary.out_dir
    );
    if let Some(m) = &summary.merged_path {
        println!("merged: {m}");
    }
    for s in &summary.substituted {
        eprintln!(
            "printed as □, the font lacks them: {} {}: {}",
            s.code, s.name, s.chars
        );
    }
    for f in &summary.failed {
        eprintln!("not written: {} {}: {}", f.code, f.name, f.error);
    }
    if summary.failed.is_empty() {
        Ok(())
    } else {
        Err(AppError::io(format!(
            "{} statement(s) not written",
            summary.failed.len()
        )))
    }
}
