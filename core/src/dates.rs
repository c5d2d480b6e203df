//! Calendar dates as the user types them (`YYYY-MM-DD`). What "today" is comes
//! from the shell or the CLI, never from here.
use chrono::NaiveDate;

pub fn parse_date(s: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(s.trim(), "%Y-%m-%d").ok()
}
