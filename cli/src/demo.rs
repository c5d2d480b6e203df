//! `demo-data`: sample records for trying the app and for benchmarks.
use clap::Args;
use dealerdesk_core::{demo, AppResult};

use crate::context::Ctx;

#[derive(Args)]
pub struct DemoArgs {
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
    /// With a ledger, leave out the sample reviews (the year before, ratings,
    /// violations and the last four ended quarters finalised).
    #[arg(long)]
    no_reviews: bool,
}

pub async fn run(ctx: &Ctx, a: &DemoArgs) -> AppResult<()> {
    let conn = &ctx.conn;
    let op = ctx.actor().await?;
    let n = demo::generate(conn, &op, a.distributors).await?;
    let e = demo::generate_ledger(conn, &op, a.entries_per_distributor, a.seed).await?;
    let c = demo::generate_complaints(conn, &op, a.complaints, a.seed).await?;
    let (o, g) = demo::generate_agreements(conn, &op, a.seed).await?;
    let t = demo::generate_training(conn, &op, a.seed).await?;
    if e > 0 && !a.no_reviews {
        let r = demo::generate_reviews(conn, &op, a.seed).await?;
        println!(
            "added {} ledger entries for the year before, {} violations and {} finalised quarter(s)",
            r.entries, r.violations, r.quarters
        );
    }
    println!(
        "added {n} sample distributor(s), {e} ledger entries, {c} complaints, {o} onboarding checklists, {g} agreements and {t} training certificates to {}",
        ctx.shown
    );
    Ok(())
}
