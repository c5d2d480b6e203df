//! `agreement print` and `rebates run`.
use std::path::PathBuf;

use clap::Subcommand;
use dealerdesk_core::agreement::print::{self, AgreementPdfRequest};
use dealerdesk_core::agreement::rebate::{self, RebateRun, RebateRunRequest};
use dealerdesk_core::lang::Lang;
use dealerdesk_core::{AppError, AppResult};

use crate::context::Ctx;

#[derive(Subcommand)]
pub enum AgreementCommand {
    /// Prints an agreement (its newest version unless --version) to PDF.
    Print {
        /// Agreement number, e.g. HT-2026-0001.
        #[arg(long)]
        number: String,
        #[arg(long)]
        version: Option<i32>,
        #[arg(long, default_value = "zh-CN")]
        lang: Lang,
        #[arg(long)]
        out: PathBuf,
    },
}

#[derive(Subcommand)]
pub enum RebateCommand {
    /// Computes the rebates of a period from targets, ladders and the ledger;
    /// with --approve posts them (once: a second run posts nothing).
    Run {
        #[arg(long)]
        from: String,
        #[arg(long)]
        to: String,
        #[arg(long)]
        approve: bool,
        #[arg(long)]
        json: bool,
    },
}

pub async fn agreement(ctx: &Ctx, cmd: &AgreementCommand) -> AppResult<()> {
    let (conn, clock) = (&ctx.conn, ctx.clock);
    match cmd {
        AgreementCommand::Print {
            number,
            version,
            lang,
            out,
        } => {
            let id = print::find_number(conn, number, *version).await?;
            let req = AgreementPdfRequest {
                id,
                lang: *lang,
                path: out.to_string_lossy().into_owned(),
            };
            let written =
                print::save_pdf(conn, &req, out.parent().unwrap_or(out), clock.today).await?;
            println!("wrote {written}");
        }
    }
    Ok(())
}

fn print_run(run: &RebateRun) {
    println!("rebates {} .. {} ({})", run.from, run.to, run.doc_no);
    for l in &run.lines {
        let posted = match &l.posted {
            Some(p) => format!("posted {}", p.grouped()),
            None => String::new(),
        };
        println!(
            "  {:<10} {:<16} target {:>16} sales {:>16} {:>8}% → {:>5}% = {:>14} {}",
            l.distributor_code,
            format!("{} v{}", l.number, l.version),
            l.target.grouped(),
            l.sales.grouped(),
            l.achievement_pct,
            l.rebate_pct,
            l.rebate.grouped(),
            posted
        );
    }
    println!("  total {}", run.total.grouped());
}

pub async fn rebates(ctx: &Ctx, cmd: &RebateCommand) -> AppResult<()> {
    let conn = &ctx.conn;
    let RebateCommand::Run {
        from,
        to,
        approve,
        json,
    } = cmd;
    let req = RebateRunRequest {
        from: from.clone(),
        to: to.clone(),
    };
    let (run, posted) = if *approve {
        let actor = ctx.actor().await?;
        let a = rebate::approve(conn, &actor, &req).await?;
        (a.run, Some(a.posted))
    } else {
        (rebate::preview(conn, &req).await?, None)
    };
    if *json {
        let mut v = serde_json::to_value(&run).map_err(AppError::io)?;
        if let Some(n) = posted {
            v["posted"] = serde_json::json!(n);
        }
        println!(
            "{}",
            serde_json::to_string_pretty(&v).map_err(AppError::io)?
        );
    } else {
        print_run(&run);
        if let Some(n) = posted {
            println!(
                "posted {n} rebate entr{} ({})",
                if n == 1 { "y" } else { "ies" },
                run.doc_no
            );
        }
    }
    Ok(())
}
