//! Printing a PDF through the operating system.
use dealerdesk_core::error::ErrorCode;
use std::path::Path;

use dealerdesk_core::{AppError, AppResult};

/// Prints through the system (`opening::print_command` builds the program
/// and its arguments; the path is never parsed by a shell).
pub fn print_pdf(path: &Path) -> AppResult<()> {
    let spec = dealerdesk_core::opening::print_command(cfg!(windows), path);
    let mut cmd = std::process::Command::new(&spec.program);
    cmd.args(&spec.args);
    for (k, v) in &spec.env {
        cmd.env(k, v);
    }
    let out = cmd.output().map_err(|e| {
        if e.kind() == std::io::ErrorKind::NotFound {
            AppError::field("printer", ErrorCode::NoPrintSystem)
        } else {
            AppError::io(e)
        }
    })?;
    if !out.status.success() {
        return Err(AppError::Validation {
            fields: vec![dealerdesk_core::error::FieldError::with_detail(
                "printer",
                ErrorCode::PrintFailed,
                String::from_utf8_lossy(&out.stderr).trim().to_string(),
            )],
        });
    }
    Ok(())
}
