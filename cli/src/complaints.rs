//! `complaints report`.
use std::path::PathBuf;

use clap::Subcommand;
use dealerdesk_core::complaint::report;
use dealerdesk_core::lang::Lang;
use dealerdesk_core::{AppError, AppResult};

use crate::context::Ctx;

#[derive(Subcommand)]
pub enum ComplaintCommand {
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

pub async fn run(ctx: &Ctx, cmd: &ComplaintCommand) -> AppResult<()> {
    let ComplaintCommand::Report {
        from,
        to,
        distributor,
        json,
        out,
        lang,
    } = cmd;
    let distributor_id = match distributor {
        Some(code) => Some(ctx.distributor_id(code).await?),
        None => None,
    };
    let req = report::ReportRequest {
        from: from.clone(),
        to: to.clone(),
        distributor_id,
    };
    let r = report::build(&ctx.conn, &ctx.access(), &req, ctx.clock.now).await?;
    if let Some(out) = out {
        let file = report::ReportFileRequest {
            report: req.clone(),
            lang: *lang,
            path: out.to_string_lossy().into_owned(),
        };
        let written = report::write_file(&ctx.conn, &ctx.access(), &file, ctx.clock).await?;
        eprintln!("wrote {written}");
    }
    if *json {
        println!(
            "{}",
            serde_json::to_string_pretty(&r).map_err(AppError::io)?
        );
    } else if out.is_none() {
        println!("{} complaint(s) received {} .. {}", r.total, r.from, r.to);
        for c in r.by_status.iter() {
            println!("  {:<24} {}", c.key, c.count);
        }
    }
    Ok(())
}
