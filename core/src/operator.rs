//! Who makes a write. Every write names its operator; the name is never made
//! up (not `$USER`, not "system"): the shell passes the one from Settings, the
//! CLI the one from `--operator` or Settings.
use crate::error::ErrorCode;
use crate::error::{AppError, AppResult};

/// Every write names who made it; an empty name is refused.
pub fn require_operator(name: &str) -> AppResult<String> {
    let name = name.trim();
    if name.is_empty() {
        return Err(AppError::field("operator_name", ErrorCode::Required));
    }
    Ok(name.to_owned())
}
