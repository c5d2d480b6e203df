//! Who makes a write, and when. Every write takes an `Actor`: the operator's
//! name (never made up — not `$USER`, not "system") and the office's clock as
//! the shell or the CLI read it. Core itself never reads the clock.
use chrono::{DateTime, NaiveDate, Utc};

use crate::dates::Clock;
use crate::error::{AppError, AppResult, ErrorCode};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Actor {
    operator: String,
    clock: Clock,
}

impl Actor {
    /// An empty name is refused: every write names who made it.
    pub fn new(operator: &str, clock: Clock) -> AppResult<Actor> {
        Ok(Actor {
            operator: require_operator(operator)?,
            clock,
        })
    }

    pub fn operator(&self) -> &str {
        &self.operator
    }

    /// The instant of the write (UTC), for `created_at`/`updated_at` and the audit trail.
    pub fn now(&self) -> DateTime<Utc> {
        self.clock.now
    }

    /// The office's date of the write: what a status change or an assessment
    /// without a date of its own is dated.
    pub fn today(&self) -> NaiveDate {
        self.clock.today
    }

    pub fn clock(&self) -> Clock {
        self.clock
    }
}

/// Every write names who made it; an empty name is refused.
pub fn require_operator(name: &str) -> AppResult<String> {
    let name = name.trim();
    if name.is_empty() {
        return Err(AppError::field("operator_name", ErrorCode::Required));
    }
    Ok(name.to_owned())
}
