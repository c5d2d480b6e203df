//! Statements for every active distributor in one go: a folder of PDFs named
//! by distributor code (and optionally one merged PDF), rendered on all cores,
//! with progress and cancel. Each file is written to a temporary name and
//! renamed when complete, so a cancelled run leaves no half-written file.
use crate::error::ErrorCode;
use crate::lang::Lang;
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};

use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::statement::{build, parse_period, Statement, Substituted};
use super::statement_layout;
use crate::distributor::Status;
use crate::entity::distributor;
use crate::error::{AppError, AppResult};
use crate::pdf;
use crate::settings;

#[derive(Debug, Clone, Deserialize, TS)]
#[ts(export)]
pub struct BatchRequest {
    pub from: String,
    pub to: String,
    pub out_dir: String,
    /// `zh-CN` or `en`.
    pub lang: Lang,
    /// Also write every statement into one `statements-<from>-<to>.pdf`.
    pub merged: bool,
}

#[derive(Debug, Clone, Copy, Serialize, TS)]
#[ts(export)]
pub struct BatchProgress {
    pub done: u32,
    pub total: u32,
}

#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct BatchSummary {
    pub files: u32,
    pub out_dir: String,
    pub merged_path: Option<String>,
    /// Statements that could not be written; the batch went on past them.
    pub failed: Vec<BatchFailure>,
    /// Statements written with characters the font lacks printed as `□`.
    pub substituted: Vec<Substituted>,
}

/// One distributor's statement the batch could not write, and why.
#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct BatchFailure {
    pub code: String,
    pub name: String,
    pub error: AppError,
}

/// Loads the statements of every active distributor, in code order.
pub async fn load_all<C: ConnectionTrait>(
    db: &C,
    from: &str,
    to: &str,
) -> AppResult<Vec<Statement>> {
    let (from, to) = parse_period(from, to)?;
    let settings = settings::load_statement_settings(db).await?;
    let dists = distributor::Entity::find()
        .filter(distributor::Column::Status.eq(Status::Active.key()))
        .order_by_asc(distributor::Column::Code)
        .all(db)
        .await?;
    let mut out = Vec::with_capacity(dists.len());
    for d in dists {
        out.push(build(db, d, from, to, &settings).await?);
    }
    Ok(out)
}

/// A file name from a distributor code: letters, digits, `-` and `_` only.
fn file_stem(code: &str) -> String {
    let s: String = code
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '-' || c == '_' {
                c
            } else {
                '_'
            }
        })
        .collect();
    if s.is_empty() {
        "statement".into()
    } else {
        s
    }
}

/// Renders and writes the statements on `threads` worker threads. Blocking:
/// call it off the async executor. A statement that cannot be written is
/// listed in `failed` and the others are written all the same; the paths
/// written are returned beside the summary, in no particular order.
pub fn render_all(
    statements: &[Statement],
    company: &settings::CompanyProfile,
    req: &BatchRequest,
    printed: &str,
    threads: usize,
    cancel: &AtomicBool,
    progress: &(dyn Fn(BatchProgress) + Sync),
) -> AppResult<(BatchSummary, Vec<PathBuf>)> {
    let lang = req.lang;
    let dir = PathBuf::from(&req.out_dir);
    if req.out_dir.trim().is_empty() {
        return Err(AppError::field("out_dir", ErrorCode::Required));
    }
    crate::outputs::check_folder("out_dir", &dir)?;
    std::fs::create_dir_all(&dir).map_err(|e| AppError::io(format!("{}: {e}", dir.display())))?;
    pdf::remove_leftover_parts(&dir);
    let total = statements.len() as u32;
    let next = AtomicUsize::new(0);
    let done = AtomicUsize::new(0);
    let failed: Mutex<Vec<(usize, BatchFailure)>> = Mutex::new(vec![]);
    let substituted: Mutex<Vec<(usize, Substituted)>> = Mutex::new(vec![]);
    let written: Mutex<Vec<PathBuf>> = Mutex::new(vec![]);
    progress(BatchProgress { done: 0, total });
    std::thread::scope(|scope| {
        for _ in 0..threads.max(1) {
            scope.spawn(|| loop {
                if cancel.load(Ordering::Relaxed) {
                    return;
                }
                let i = next.fetch_add(1, Ordering::Relaxed);
                let Some(s) = statements.get(i) else { return };
                let path = dir.join(format!("{}.pdf", file_stem(&s.distributor.code)));
                let result = statement_layout::render(s, company, lang, printed).and_then(|p| {
                    pdf::write_atomically(&path, &p.bytes)?;
                    Ok(p.substituted)
                });
                let (code, name) = (s.distributor.code.clone(), s.distributor.name.clone());
                match result {
                    Ok(chars) => {
                        if let Ok(mut w) = written.lock() {
                            w.push(path);
                        }
                        if !chars.is_empty() {
                            if let Ok(mut l) = substituted.lock() {
                                l.push((i, Substituted { code, name, chars }));
                            }
                        }
                    }
                    Err(error) => {
                        if let Ok(mut l) = failed.lock() {
                            l.push((i, BatchFailure { code, name, error }));
                        }
                    }
                }
                let n = done.fetch_add(1, Ordering::Relaxed) + 1;
                progress(BatchProgress {
                    done: n as u32,
                    total,
                });
            });
        }
    });
    if cancel.load(Ordering::Relaxed) {
        return Err(AppError::Cancelled);
    }
    let merged_path = if req.merged && !statements.is_empty() {
        let path = dir.join(format!("statements-{}-{}.pdf", req.from, req.to));
        let mut doc = pdf::Doc::new(&format!(
            "{} {}–{}",
            if lang.is_en() {
                "Statements"
            } else {
                "对账单"
            },
            req.from,
            req.to
        ));
        for s in statements {
            if cancel.load(Ordering::Relaxed) {
                return Err(AppError::Cancelled);
            }
            statement_layout::draw(&mut doc, s, company, lang, printed);
        }
        pdf::write_atomically(&path, &doc.finish()?.bytes)?;
        Some(path.display().to_string())
    } else {
        None
    };
    let written = written.into_inner().unwrap_or_default();
    Ok((
        BatchSummary {
            files: written.len() as u32,
            out_dir: dir.display().to_string(),
            merged_path,
            failed: in_order(failed),
            substituted: in_order(substituted),
        },
        written,
    ))
}

/// What the workers collected, in the order of the statements.
fn in_order<T>(m: Mutex<Vec<(usize, T)>>) -> Vec<T> {
    let mut v = m.into_inner().unwrap_or_default();
    v.sort_by_key(|(i, _)| *i);
    v.into_iter().map(|(_, x)| x).collect()
}

/// The whole batch: load, render on every core (off the async executor), write.
pub async fn run<C: ConnectionTrait + sea_orm::TransactionTrait>(
    db: &C,
    req: &BatchRequest,
    cancel: Arc<AtomicBool>,
    progress: Arc<dyn Fn(BatchProgress) + Send + Sync>,
    actor: &crate::actor::Actor,
) -> AppResult<BatchSummary> {
    actor.require(crate::actor::Right::Finance)?;
    let today = actor.today();
    let statements = load_all(db, &req.from, &req.to).await?;
    let (from, to) = super::statement::parse_period(&req.from, &req.to)?;
    let issued: Vec<(i64, i64, PathBuf)> = statements
        .iter()
        .map(|s| {
            (
                s.distributor.id,
                s.closing_balance.fen(),
                PathBuf::from(&req.out_dir).join(format!("{}.pdf", file_stem(&s.distributor.code))),
            )
        })
        .collect();
    let company = settings::load_company(db).await?;
    let printed = today.to_string();
    let threads = std::thread::available_parallelism()
        .map(|n| n.get())
        .unwrap_or(2);
    let lang = req.lang;
    let req = req.clone();
    let (summary, written) = tokio::task::spawn_blocking(move || {
        render_all(
            &statements,
            &company,
            &req,
            &printed,
            threads,
            &cancel,
            progress.as_ref(),
        )
    })
    .await
    .map_err(AppError::io)??;
    // Only the statements written are issued.
    let written: std::collections::HashSet<PathBuf> = written.into_iter().collect();
    let issued: Vec<_> = issued
        .into_iter()
        .filter(|(_, _, path)| written.contains(path))
        .collect();
    let files: Vec<String> = issued.iter().map(|i| i.2.display().to_string()).collect();
    let runs: Vec<super::runs::NewRun> = issued
        .iter()
        .zip(&files)
        .map(|((id, fen, _), file)| super::runs::NewRun {
            distributor_id: *id,
            from,
            to,
            closing_fen: *fen,
            lang,
            file,
            via: super::runs::IssuedVia::Batch,
        })
        .collect();
    super::runs::record(db, actor, &runs).await?;
    Ok(summary)
}
