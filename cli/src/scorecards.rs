//! `scorecards --quarter 2026Q1`: the quarter's scorecards, live from the
//! records (a table, or `--json`).
use clap::Args;
use dealerdesk_core::scorecard::{self, Grade};
use dealerdesk_core::AppResult;

use crate::context::Ctx;

#[derive(Args)]
pub struct ScorecardArgs {
    /// The quarter, e.g. 2026Q1.
    #[arg(long)]
    quarter: String,
    /// Print the review as JSON.
    #[arg(long)]
    json: bool,
}

pub async fn run(ctx: &Ctx, a: &ScorecardArgs) -> AppResult<()> {
    let quarter = scorecard::parse_quarter("quarter", &a.quarter)?;
    let review = scorecard::review(&ctx.conn, quarter).await?;
    if a.json {
        println!(
            "{}",
            serde_json::to_string_pretty(&review).unwrap_or_default()
        );
        return Ok(());
    }
    println!(
        "{} ({} – {}), {} distributor(s){}",
        review.quarter,
        review.from,
        review.to,
        review.distributors.len(),
        if review.finalised { ", finalised" } else { "" }
    );
    for s in &review.distributors {
        let grade = match s.grade {
            Some(Grade::A) => "A",
            Some(Grade::B) => "B",
            Some(Grade::C) => "C",
            Some(Grade::D) => "D",
            None => "-",
        };
        println!(
            "{:<10} {:>7} {} {:<9} sales {:>14}  target {:>14}  {}",
            s.code,
            s.total.as_deref().unwrap_or("not rated"),
            grade,
            s.tier.key(),
            s.sales.to_string(),
            s.target.to_string(),
            s.name
        );
    }
    Ok(())
}
