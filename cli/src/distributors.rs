//! `distributors import|list|export`.
use std::path::PathBuf;

use clap::Subcommand;
use dealerdesk_core::distributor::{self, transfer, DistributorQuery};
use dealerdesk_core::lang::Lang;
use dealerdesk_core::{AppError, AppResult};

use crate::context::Ctx;

#[derive(Subcommand)]
pub enum DistributorCommand {
    /// Imports a .csv or .xlsx sheet: every row valid or nothing written.
    Import { file: PathBuf },
    /// Lists distributors.
    List {
        /// JSON array of every match instead of a table.
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

pub async fn run(ctx: &Ctx, cmd: &DistributorCommand) -> AppResult<()> {
    match cmd {
        DistributorCommand::Import { file } => {
            let s = transfer::import(&ctx.conn, &ctx.actor().await?, file).await?;
            println!(
                "imported {}: {} created, {} updated, {} unchanged",
                file.display(),
                s.created,
                s.updated,
                s.unchanged
            );
            if !s.ignored_columns.is_empty() {
                println!("ignored columns: {}", s.ignored_columns.join(", "));
            }
        }
        DistributorCommand::List { json, search } => {
            // Limit 0: every match, not a page.
            let q = DistributorQuery {
                search: search.clone(),
                ..Default::default()
            };
            let rows = distributor::list(&ctx.conn, &q).await?.rows;
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
            let n = transfer::export(&ctx.conn, &ctx.access(), &req).await?;
            println!("exported {n} distributor(s) to {}", file.display());
        }
    }
    Ok(())
}
