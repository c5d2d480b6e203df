//! Deadline clocks computed from a complaint's timeline — never stored, so
//! never stale. The first-response clock runs while the complaint is received
//! or classified; the resolution clock runs until it is resolved, pauses while
//! waiting on the distributor, and runs again after a reopen. Only working
//! time counts (see `calendar`).
use chrono::{Duration, NaiveDateTime};
use serde::Serialize;
use ts_rs::TS;

use super::calendar::Calendar;
use super::ComplaintStatus;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum ClockState {
    OnTrack,
    /// 75 % or more of the allowance used.
    AtRisk,
    Breached,
    /// Stopped within the allowance.
    Met,
    /// Stopped after the allowance.
    Missed,
}

#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct Clock {
    #[ts(type = "number")]
    pub allowance_secs: i64,
    #[ts(type = "number")]
    pub elapsed_secs: i64,
    /// Allowance minus elapsed; negative when overdue.
    #[ts(type = "number")]
    pub remaining_secs: i64,
    /// Local `YYYY-MM-DD HH:MM:SS` when the allowance runs out (or ran out);
    /// null while paused or when it was stopped in time.
    pub due_at: Option<String>,
    pub state: ClockState,
    pub running: bool,
    pub paused: bool,
}

#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct Sla {
    pub first_response: Clock,
    pub resolution: Clock,
    /// 0 none, 1 at risk, 2 breached, 3 breached by more than half the allowance.
    pub escalation_level: u8,
}

/// One status the complaint was in, from `since` (local time).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Span {
    pub status: ComplaintStatus,
    pub since: NaiveDateTime,
}

fn fmt(t: NaiveDateTime) -> String {
    t.format("%Y-%m-%d %H:%M:%S").to_string()
}

/// One clock over the status history. `runs` says in which statuses it runs,
/// `stops` in which it is finished for good (first response) or for now.
fn clock(
    cal: &Calendar,
    spans: &[Span],
    now: NaiveDateTime,
    allowance: i64,
    runs: impl Fn(ComplaintStatus) -> bool,
    finished: bool,
) -> Clock {
    let mut elapsed = 0i64;
    let mut due: Option<NaiveDateTime> = None;
    for (i, s) in spans.iter().enumerate() {
        let end = spans
            .get(i + 1)
            .map(|n| n.since)
            .unwrap_or(now)
            .max(s.since);
        if !runs(s.status) {
            continue;
        }
        let here = cal.working_between(s.since, end);
        if due.is_none() && elapsed + here >= allowance {
            due = cal.add_working(s.since, allowance - elapsed);
        }
        elapsed += here;
    }
    let last = spans.last().map(|s| s.status);
    let running = !finished && last.is_some_and(&runs);
    let paused = !finished && last == Some(ComplaintStatus::WaitingOnDistributor);
    if running && due.is_none() {
        due = cal.add_working(now, allowance - elapsed);
    }
    let state = if finished {
        if elapsed <= allowance {
            ClockState::Met
        } else {
            ClockState::Missed
        }
    } else if elapsed > allowance {
        ClockState::Breached
    } else if elapsed * 4 >= allowance * 3 {
        ClockState::AtRisk
    } else {
        ClockState::OnTrack
    };
    if finished && elapsed <= allowance {
        due = None;
    }
    Clock {
        allowance_secs: allowance,
        elapsed_secs: elapsed,
        remaining_secs: allowance - elapsed,
        due_at: due.map(fmt),
        state,
        running,
        paused,
    }
}

fn level(c: &Clock) -> u8 {
    if matches!(c.state, ClockState::Met | ClockState::Missed) {
        return 0;
    }
    if c.elapsed_secs * 2 > c.allowance_secs * 3 {
        3
    } else if c.elapsed_secs > c.allowance_secs {
        2
    } else if c.state == ClockState::AtRisk {
        1
    } else {
        0
    }
}

/// Both clocks for a status history (oldest first, the first span is `received`).
pub fn compute(
    cal: &Calendar,
    spans: &[Span],
    now: NaiveDateTime,
    first_response_hours: u32,
    resolution_hours: u32,
) -> Sla {
    use ComplaintStatus::*;
    let responded = spans
        .iter()
        .any(|s| !matches!(s.status, Received | Classified));
    let first_response = clock(
        cal,
        spans,
        now,
        i64::from(first_response_hours) * 3600,
        |s| matches!(s, Received | Classified),
        responded,
    );
    let last = spans.last().map(|s| s.status);
    let resolved = matches!(last, Some(Resolved | Verified | Closed));
    let resolution = clock(
        cal,
        spans,
        now,
        i64::from(resolution_hours) * 3600,
        |s| matches!(s, Received | Classified | Responded | InProgress),
        resolved,
    );
    let escalation_level = level(&first_response).max(level(&resolution));
    Sla {
        first_response,
        resolution,
        escalation_level,
    }
}

/// Working seconds spent waiting on the distributor up to `until`.
pub fn paused_secs(cal: &Calendar, spans: &[Span], until: NaiveDateTime) -> i64 {
    spans
        .iter()
        .enumerate()
        .filter(|(_, s)| s.status == ComplaintStatus::WaitingOnDistributor)
        .map(|(i, s)| {
            let end = spans
                .get(i + 1)
                .map(|n| n.since)
                .unwrap_or(until)
                .min(until);
            cal.working_between(s.since, end)
        })
        .sum()
}

pub fn hours(secs: i64) -> f64 {
    (secs as f64 / 3600.0 * 100.0).round() / 100.0
}

pub fn shift(t: NaiveDateTime, minutes: i64) -> NaiveDateTime {
    t + Duration::minutes(minutes)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use ComplaintStatus::*;

    fn dt(s: &str) -> NaiveDateTime {
        NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M").unwrap()
    }

    fn span(status: ComplaintStatus, at: &str) -> Span {
        Span {
            status,
            since: dt(at),
        }
    }

    #[test]
    fn a_journey_through_every_clock_state() {
        let cal = Calendar::default();
        // P2: 4 h to respond, 24 h to resolve. Received Monday 2026-04-20 10:00.
        let mut spans = vec![span(Received, "2026-04-20 10:00")];
        let s = compute(&cal, &spans, dt("2026-04-20 11:00"), 4, 24);
        assert_eq!(s.first_response.state, ClockState::OnTrack);
        assert_eq!(
            s.first_response.due_at.as_deref(),
            Some("2026-04-20 15:00:00"),
            "lunch does not count"
        );
        let s = compute(&cal, &spans, dt("2026-04-20 14:00"), 4, 24);
        assert_eq!(s.first_response.state, ClockState::AtRisk);
        assert_eq!(s.escalation_level, 1);
        let s = compute(&cal, &spans, dt("2026-04-20 15:30"), 4, 24);
        assert_eq!(s.first_response.state, ClockState::Breached);
        assert_eq!(s.escalation_level, 2);
        let s = compute(&cal, &spans, dt("2026-04-20 17:30"), 4, 24);
        assert_eq!(s.escalation_level, 3, "6.5 h used of 4 h");
        spans.push(span(Classified, "2026-04-20 10:30"));
        spans.push(span(Responded, "2026-04-20 13:30"));
        let s = compute(&cal, &spans, dt("2026-04-20 17:30"), 4, 24);
        assert_eq!(s.first_response.state, ClockState::Met);
        assert_eq!(s.first_response.elapsed_secs, 2 * 3600 + 1800);
        assert_eq!(s.resolution.state, ClockState::OnTrack);
        // Waiting on the distributor for two working days: the resolution clock stands still.
        spans.push(span(WaitingOnDistributor, "2026-04-21 09:00"));
        let waiting = compute(&cal, &spans, dt("2026-04-23 09:00"), 4, 24);
        assert!(waiting.resolution.paused && !waiting.resolution.running);
        // Monday 10:00–18:00 less lunch.
        assert_eq!(waiting.resolution.elapsed_secs, 7 * 3600);
        assert_eq!(waiting.resolution.due_at, None);
        spans.push(span(Responded, "2026-04-23 09:00"));
        spans.push(span(InProgress, "2026-04-23 10:00"));
        let s = compute(&cal, &spans, dt("2026-04-23 10:00"), 4, 24);
        // 7 h used before the pause, 1 h after: 16 h left from Thursday 10:00 (7 + 8 + 1).
        assert_eq!(s.resolution.elapsed_secs, 8 * 3600);
        assert_eq!(s.resolution.due_at.as_deref(), Some("2026-04-27 10:00:00"));
        spans.push(span(Resolved, "2026-04-24 10:00"));
        spans.push(span(Verified, "2026-04-24 11:00"));
        let s = compute(&cal, &spans, dt("2026-04-30 10:00"), 4, 24);
        assert_eq!(s.resolution.state, ClockState::Met);
        assert_eq!(s.escalation_level, 0);
        // Reopened: the resolution clock continues from where it stopped.
        spans.push(span(InProgress, "2026-04-27 09:00"));
        let s = compute(&cal, &spans, dt("2026-04-27 10:00"), 4, 24);
        assert!(s.resolution.running);
        assert_eq!(s.resolution.elapsed_secs, 16 * 3600 + 3600);
    }

    fn arb_history() -> impl Strategy<Value = (Vec<(i64, bool)>, i64)> {
        // Gaps in minutes between events; `true` = enter waiting, `false` = resume working.
        (
            prop::collection::vec((1i64..3000, any::<bool>()), 0..8),
            0i64..5000,
        )
    }

    proptest! {
        #[test]
        fn pauses_shift_the_deadline_by_exactly_the_paused_working_time(
            (gaps, tail) in arb_history(), start in 0i64..(14 * 24 * 60), hours in 1u32..60
        ) {
            let cal = Calendar::default();
            let t0 = dt("2026-04-20 00:00") + Duration::minutes(start);
            let mut spans = vec![Span { status: Received, since: t0 }, Span { status: Responded, since: t0 }];
            let mut t = t0;
            let mut waiting = false;
            for (gap, wait) in gaps {
                t += Duration::minutes(gap);
                if wait != waiting {
                    waiting = wait;
                    spans.push(Span { status: if wait { WaitingOnDistributor } else { InProgress }, since: t });
                }
            }
            let now = t + Duration::minutes(tail);
            let s = compute(&cal, &spans, now, 1, hours);
            let allowance = i64::from(hours) * 3600;
            let paused = paused_secs(&cal, &spans, now);
            // The elapsed time is the working time since receipt minus the paused working time.
            prop_assert_eq!(s.resolution.elapsed_secs, cal.working_between(t0, now) - paused);
            if let Some(due) = s.resolution.due_at.as_deref() {
                let due = NaiveDateTime::parse_from_str(due, "%Y-%m-%d %H:%M:%S").unwrap();
                // Paused working time before the deadline moves it by exactly that much.
                let paused_before = paused_secs(&cal, &spans, due.min(now));
                let expected = cal.add_working(t0, allowance + paused_before).unwrap();
                if !waiting || due <= now {
                    prop_assert_eq!(due, expected);
                }
                prop_assert!(cal.is_working_instant(due));
            } else {
                prop_assert!(waiting, "only a paused clock has no deadline");
            }
        }
    }
}
