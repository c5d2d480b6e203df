//! `scorecards --quarter 2026Q1`: the quarter's scorecards (frozen once it is
//! finalised, else live from the records), as a table or `--json`;
//! `--finalise` freezes a quarter that has ended. `tier-review --year 2026`:
//! the annual tier review, `--apply` applies every recommended change.
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
    /// Finalise the quarter (it must have ended): the scores are frozen.
    #[arg(long)]
    finalise: bool,
    /// Write the review as PDF (one page per distributor) or XLSX, by extension.
    #[arg(long)]
    out: Option<std::path::PathBuf>,
    #[arg(long, default_value = "zh-CN")]
    lang: dealerdesk_core::lang::Lang,
}

#[derive(Args)]
pub struct TierReviewArgs {
    /// The year, e.g. 2026.
    #[arg(long)]
    year: i32,
    /// Print the review as JSON.
    #[arg(long)]
    json: bool,
    /// Apply every recommended promotion and demotion (through the tier history).
    #[arg(long)]
    apply: bool,
}

pub async fn tier_review(ctx: &Ctx, a: &TierReviewArgs) -> AppResult<()> {
    use dealerdesk_core::scorecard::tiers;
    if a.apply {
        let applied = tiers::apply(
            &ctx.conn,
            &ctx.actor().await?,
            &tiers::ApplyTiers {
                year: a.year,
                distributor_ids: vec![],
            },
        )
        .await?;
        for r in &applied {
            eprintln!(
                "{}: {} → {} ({})",
                r.code,
                r.current.key(),
                r.recommended.map(|t| t.key()).unwrap_or("-"),
                r.annual_score.as_deref().unwrap_or("-")
            );
        }
        eprintln!("{} tier(s) changed", applied.len());
    }
    let review = tiers::review_for(&ctx.conn, &ctx.access(), a.year).await?;
    if a.json {
        println!(
            "{}",
            serde_json::to_string_pretty(&review).unwrap_or_default()
        );
        return Ok(());
    }
    println!(
        "{}: finalised quarters {}",
        review.year,
        if review.quarters.is_empty() {
            "none".to_string()
        } else {
            review.quarters.join(", ")
        }
    );
    for r in &review.distributors {
        let direction = match r.direction {
            Some(tiers::Direction::Promote) => "promote",
            Some(tiers::Direction::Demote) => "demote",
            Some(tiers::Direction::Keep) => "keep",
            None => "not rated",
        };
        println!(
            "{:<10} {:>7} {:<9} → {:<9} {:<9} {}",
            r.code,
            r.annual_score.as_deref().unwrap_or("-"),
            r.current.key(),
            r.recommended.map(|t| t.key()).unwrap_or("-"),
            direction,
            r.name
        );
    }
    Ok(())
}

pub async fn run(ctx: &Ctx, a: &ScorecardArgs) -> AppResult<()> {
    let quarter = scorecard::parse_quarter("quarter", &a.quarter)?;
    let review = if a.finalise {
        scorecard::finalise::finalise(&ctx.conn, &ctx.actor().await?, &a.quarter).await?
    } else {
        scorecard::review_for(&ctx.conn, &ctx.access(), quarter).await?
    };
    if let Some(out) = &a.out {
        let written = scorecard::export::write_file(
            &ctx.conn,
            &ctx.access(),
            &scorecard::export::ReviewFileRequest {
                quarter: a.quarter.clone(),
                lang: a.lang,
                path: out.to_string_lossy().into_owned(),
                distributor_ids: vec![],
            },
            ctx.clock.today,
        )
        .await?;
        eprintln!("wrote {written}");
        if !a.json {
            return Ok(());
        }
    }
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
            "{:<10} {:>7} {} {:<9} sales {:>14}  target {:>14}  {}{}",
            s.code,
            s.total.as_deref().unwrap_or("not rated"),
            grade,
            s.tier.key(),
            s.sales.to_string(),
            s.target.to_string(),
            s.name,
            match s.warning_level {
                Some(level) => format!("  [warning level {level}]"),
                None => String::new(),
            }
        );
    }
    Ok(())
}
