//! `distributors import|list|export|manager`.
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
    /// Sets the responsible manager of a distributor (a user's login), or
    /// clears it with `--none`. Users whose scope is `own` see the ones they manage.
    Manager {
        code: String,
        #[arg(required_unless_present = "none")]
        login: Option<String>,
        #[arg(long, conflicts_with = "login")]
        none: bool,
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
            let rows = distributor::list(&ctx.conn, &ctx.access(), &q).await?.rows;
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
        DistributorCommand::Manager { code, login, .. } => {
            let id = ctx.distributor_id(code).await?;
            let manager_id = match login {
                None => None,
                Some(l) => Some(
                    dealerdesk_core::users::list(&ctx.conn)
                        .await?
                        .into_iter()
                        .find(|u| u.login == l.trim().to_lowercase())
                        .ok_or_else(|| AppError::not_found("user", l))?
                        .id,
                ),
            };
            let req = distributor::ManagerAssign { id, manager_id };
            let d = distributor::assign_manager(&ctx.conn, &ctx.actor().await?, &req).await?;
            match login {
                Some(l) => println!("{}: responsible manager {l}", d.code),
                None => println!("{}: no responsible manager", d.code),
            }
        }
    }
    Ok(())
}
