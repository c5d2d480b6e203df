//! `receivables --as-of 2026-12-31`: every distributor's aging on a date, as
//! a table or `--json`, or written with `--out FILE.xlsx|.pdf`.
use clap::Args;
use dealerdesk_core::lang::Lang;
use dealerdesk_core::ledger::receivables;
use dealerdesk_core::AppResult;

use crate::context::Ctx;

#[derive(Args)]
pub struct ReceivablesArgs {
    /// The date, YYYY-MM-DD (default: today).
    #[arg(long, default_value = "")]
    as_of: String,
    /// Print the list as JSON.
    #[arg(long)]
    json: bool,
    /// Write the list as XLSX or PDF (by the extension).
    #[arg(long)]
    out: Option<std::path::PathBuf>,
    #[arg(long, default_value = "zh-CN")]
    lang: Lang,
}

pub async fn run(ctx: &Ctx, a: &ReceivablesArgs) -> AppResult<()> {
    let as_of = receivables::parse_as_of(&a.as_of, ctx.clock.today)?;
    let r = receivables::load(&ctx.conn, &ctx.access(), as_of).await?;
    if let Some(out) = &a.out {
        let req = receivables::ReceivablesFileRequest {
            as_of: as_of.to_string(),
            path: out.to_string_lossy().into_owned(),
            lang: a.lang,
        };
        let n = receivables::export(&ctx.conn, &ctx.access(), &req, ctx.clock.today).await?;
        eprintln!("wrote {n} row(s) to {}", out.display());
    }
    if a.json {
        println!("{}", serde_json::to_string_pretty(&r).unwrap_or_default());
    } else if a.out.is_none() {
        println!(
            "receivables on {}: {} distributor(s), {} owed, {} overdue",
            r.as_of,
            r.distributors.len(),
            r.totals.closing_balance,
            r.totals.overdue
        );
        for d in &r.distributors {
            println!(
                "{:<10} {:>14} {:>14} {:>5} {}{}",
                d.code,
                d.closing_balance.to_string(),
                d.credit_limit.to_string(),
                d.oldest_overdue_days
                    .map(|n| n.to_string())
                    .unwrap_or_default(),
                d.name,
                if d.over_limit { "  [over limit]" } else { "" }
            );
        }
    }
    Ok(())
}
