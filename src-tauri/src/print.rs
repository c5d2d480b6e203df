//! Printing a PDF through the operating system.
use dealerdesk_core::error::ErrorCode;
use std::path::Path;

use dealerdesk_core::{AppError, AppResult};

/// Linux and macOS: CUPS `lp` to the default printer. Windows: the shell's
/// "print" verb for the file's associated viewer.
pub fn print_pdf(path: &Path) -> AppResult<()> {
    #[cfg(windows)]
    let mut cmd = {
        let mut c = std::process::Command::new("powershell");
        c.args(["-NoProfile", "-Command", "Start-Process", "-FilePath"])
            .arg(path)
            .args(["-Verb", "Print"]);
        c
    };
    #[cfg(not(windows))]
    let mut cmd = {
        let mut c = std::process::Command::new("lp");
        c.arg(path);
        c
    };
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
