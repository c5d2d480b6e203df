//! Calendar dates as the user types them (`YYYY-MM-DD`), and the office's
//! clock. Core never reads the clock: the shell and the CLI read it once per
//! command (or take `--today`) and pass a `Clock` in.
use chrono::{DateTime, FixedOffset, NaiveDate, TimeZone, Utc};

/// The years a date may lie in: wider than any agreement, payment term or
/// record a distributor has, narrow enough that every date derived from one
/// (a due date, an expiry) still prints as `YYYY-MM-DD`.
pub const YEARS: std::ops::RangeInclusive<i32> = 1900..=2199;

/// A `YYYY-MM-DD` date in `YEARS`; `None` for anything else.
pub fn parse_date(s: &str) -> Option<NaiveDate> {
    check_date(s).ok()
}

/// As `parse_date`, saying why not: `date_format`, or `date_range` for a
/// real date outside `YEARS` (0000-01-01, 9999-12-31).
pub fn check_date(s: &str) -> Result<NaiveDate, crate::error::ErrorCode> {
    use chrono::Datelike;
    let d = NaiveDate::parse_from_str(s.trim(), "%Y-%m-%d")
        .map_err(|_| crate::error::ErrorCode::DateFormat)?;
    if YEARS.contains(&d.year()) {
        Ok(d)
    } else {
        Err(crate::error::ErrorCode::DateRange)
    }
}

/// The office's calendar day of an instant, at its offset from UTC in
/// minutes: a change recorded at 07:00 in Beijing (23:00 UTC the day
/// before) belongs to the Beijing day. The one place core turns an instant
/// into a date (`core/tests/layers.rs` refuses `date_naive()` elsewhere).
pub fn local_day(t: DateTime<Utc>, offset_minutes: i32) -> NaiveDate {
    let offset = FixedOffset::east_opt(offset_minutes * 60)
        .unwrap_or_else(|| FixedOffset::east_opt(0).expect("zero is a valid offset"));
    t.with_timezone(&offset).date_naive()
}

/// A local time's own calendar day.
pub fn day_of(local: DateTime<FixedOffset>) -> NaiveDate {
    local.date_naive()
}

/// What "today" and "now" are for one command.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Clock {
    /// The office's local date.
    pub today: NaiveDate,
    /// The instant, UTC.
    pub now: DateTime<Utc>,
}

impl Clock {
    /// The clock of an office whose local time is `local`. With `fixed_today`
    /// (the `--today` option) the date is that one and the time of day stays
    /// the current one, so "now" is that date at the current local time.
    pub fn office(local: DateTime<FixedOffset>, fixed_today: Option<NaiveDate>) -> Clock {
        let Some(today) = fixed_today else {
            return Clock {
                today: local.date_naive(),
                now: local.with_timezone(&Utc),
            };
        };
        let at = today.and_time(local.time());
        let now = local
            .offset()
            .from_local_datetime(&at)
            .single()
            .map(|d| d.with_timezone(&Utc))
            .unwrap_or_else(|| at.and_utc());
        Clock { today, now }
    }
}

/// `--today YYYY-MM-DD` / `DEALERDESK_TODAY`: a date, or a message naming the option.
pub fn parse_today_option(s: &str) -> Result<NaiveDate, String> {
    parse_date(s).ok_or_else(|| format!("--today expects a date as YYYY-MM-DD, got '{}'", s.trim()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn beijing(s: &str) -> DateTime<FixedOffset> {
        DateTime::parse_from_rfc3339(s).unwrap()
    }

    #[test]
    fn the_office_date_is_local_not_utc() {
        // 07:30 in Beijing is still the day before in UTC.
        let c = Clock::office(beijing("2026-12-02T07:30:00+08:00"), None);
        assert_eq!(c.today, NaiveDate::from_ymd_opt(2026, 12, 2).unwrap());
        assert_eq!(c.now.to_rfc3339(), "2026-12-01T23:30:00+00:00");
    }

    #[test]
    fn a_fixed_today_keeps_the_time_of_day() {
        let d = NaiveDate::from_ymd_opt(2027, 3, 15).unwrap();
        let c = Clock::office(beijing("2026-12-02T07:30:00+08:00"), Some(d));
        assert_eq!(c.today, d);
        assert_eq!(c.now.to_rfc3339(), "2027-03-14T23:30:00+00:00");
    }

    #[test]
    fn dates_lie_between_1900_and_2199() {
        use crate::error::ErrorCode;
        assert!(parse_date("1900-01-01").is_some());
        assert!(parse_date(" 2199-12-31 ").is_some());
        for s in [
            "0000-01-01",
            "1899-12-31",
            "2200-01-01",
            "9999-12-31",
            "+10000-01-01",
        ] {
            assert_eq!(check_date(s), Err(ErrorCode::DateRange), "{s}");
        }
        assert_eq!(check_date("2026-02-30"), Err(ErrorCode::DateFormat));
        assert_eq!(check_date("20260101"), Err(ErrorCode::DateFormat));
    }

    #[test]
    fn the_today_option_is_a_date() {
        assert!(parse_today_option(" 2026-02-28 ").is_ok());
        assert!(parse_today_option("2026-02-30")
            .unwrap_err()
            .contains("--today"));
        assert!(parse_today_option("tomorrow").is_err());
    }
}
