//! `training certificates` and `training compliance`.
use std::path::PathBuf;

use clap::Subcommand;
use dealerdesk_core::lang::Lang;
use dealerdesk_core::training::certificate::{self, CertificatePrintRequest, CertificateQuery};
use dealerdesk_core::training::compliance;
use dealerdesk_core::{AppError, AppResult};

use crate::context::Ctx;

#[derive(Subcommand)]
pub enum TrainingCommand {
    /// Prints the certificates of a session, one PDF each, named by number.
    Certificates {
        #[arg(long)]
        session: i64,
        #[arg(long)]
        out_dir: PathBuf,
        #[arg(long, default_value = "zh-CN")]
        lang: Lang,
    },
    /// Compliance by tier: required courses covered by valid certificates.
    Compliance {
        #[arg(long)]
        json: bool,
    },
}

pub async fn run(ctx: &Ctx, cmd: &TrainingCommand) -> AppResult<()> {
    let (conn, clock) = (&ctx.conn, ctx.clock);
    match cmd {
        TrainingCommand::Certificates {
            session,
            out_dir,
            lang,
        } => {
            let certs = certificate::list(
                conn,
                &CertificateQuery {
                    session_id: Some(*session),
                    ..Default::default()
                },
                clock.today,
            )
            .await?
            .rows;
            if certs.is_empty() {
                return Err(AppError::not_found("certificates of session", session));
            }
            let written = certificate::print(
                conn,
                &CertificatePrintRequest {
                    ids: certs.iter().map(|c| c.id).collect(),
                    lang: *lang,
                    out_dir: out_dir.to_string_lossy().into_owned(),
                },
                clock.today,
            )
            .await?;
            for p in &written {
                println!("{p}");
            }
        }
        TrainingCommand::Compliance { json } => {
            let rows = compliance::compliance(conn, clock.today, None).await?;
            if *json {
                let v: Vec<serde_json::Value> = rows
                    .iter()
                    .map(|r| {
                        serde_json::json!({
                            "code": r.code,
                            "name": r.name,
                            "tier": r.tier,
                            "compliance_pct": r.compliance_pct,
                            "missing": r.missing,
                        })
                    })
                    .collect();
                println!(
                    "{}",
                    serde_json::to_string_pretty(&v).map_err(AppError::io)?
                );
            } else {
                for r in &rows {
                    println!(
                        "{:<10} {:<24} {:<10} {:>3}%  missing: {}",
                        r.code,
                        r.name,
                        r.tier.key(),
                        r.compliance_pct,
                        r.missing.join(", ")
                    );
                }
            }
        }
    }
    Ok(())
}
