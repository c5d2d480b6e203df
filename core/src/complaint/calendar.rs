//! The business calendar: working periods of a day, working weekdays, and
//! dated exceptions (public holidays, make-up working days 调休). Deadlines
//! count only working time, to the second, in the office's local time.
use std::collections::BTreeSet;

use chrono::{Datelike, Duration, NaiveDate, NaiveDateTime, NaiveTime};

/// How far `add_working` looks ahead before giving up (a calendar with no
/// working time at all is refused when saved; this only bounds the loop).
const MAX_DAYS: i64 = 3660;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Calendar {
    /// Working periods as (start, end) seconds after midnight, sorted, not overlapping.
    pub periods: Vec<(u32, u32)>,
    /// Monday first.
    pub weekdays: [bool; 7],
    pub holidays: BTreeSet<NaiveDate>,
    /// Make-up working days: worked although their weekday is not.
    pub workdays: BTreeSet<NaiveDate>,
}

impl Default for Calendar {
    /// 09:00–12:00 and 13:00–18:00, Monday to Friday, no dated exceptions.
    fn default() -> Self {
        Calendar {
            periods: vec![(9 * 3600, 12 * 3600), (13 * 3600, 18 * 3600)],
            weekdays: [true, true, true, true, true, false, false],
            holidays: BTreeSet::new(),
            workdays: BTreeSet::new(),
        }
    }
}

fn at(day: NaiveDate, secs: u32) -> NaiveDateTime {
    day.and_time(NaiveTime::MIN) + Duration::seconds(i64::from(secs))
}

fn secs_of(t: NaiveDateTime) -> u32 {
    (t - t.date().and_time(NaiveTime::MIN)).num_seconds() as u32
}

impl Calendar {
    pub fn is_working_day(&self, d: NaiveDate) -> bool {
        if self.holidays.contains(&d) {
            return false;
        }
        if self.workdays.contains(&d) {
            return true;
        }
        self.weekdays[d.weekday().num_days_from_monday() as usize]
    }

    /// Seconds of working time in one working day.
    pub fn day_length(&self) -> i64 {
        self.periods.iter().map(|(a, b)| i64::from(b - a)).sum()
    }

    /// Working seconds in [a, b); 0 when b ≤ a. Whole days between the two
    /// ends are counted by weeks plus the dated exceptions in the range, so a
    /// complaint open for a year costs no more than one open for a day.
    pub fn working_between(&self, a: NaiveDateTime, b: NaiveDateTime) -> i64 {
        if b <= a {
            return 0;
        }
        let (first, last) = (a.date(), b.date());
        if first == last {
            return self.within_day(first, secs_of(a), secs_of(b));
        }
        let ends =
            self.within_day(first, secs_of(a), 86_400) + self.within_day(last, 0, secs_of(b));
        let whole = match (first.succ_opt(), last.pred_opt()) {
            (Some(from), Some(to)) if from <= to => self.working_days(from, to),
            _ => 0,
        };
        ends + whole * self.day_length()
    }

    /// Working seconds of `day` between `lo` and `hi` seconds after midnight.
    fn within_day(&self, day: NaiveDate, lo: u32, hi: u32) -> i64 {
        if !self.is_working_day(day) {
            return 0;
        }
        self.periods
            .iter()
            .map(|&(s, e)| (s.max(lo), e.min(hi)))
            .filter(|(s, e)| e > s)
            .map(|(s, e)| i64::from(e - s))
            .sum()
    }

    /// Working days in `from..=to`: whole weeks by the weekday pattern, the
    /// days left over one by one, then the holidays inside that the pattern
    /// counted taken off and the make-up days it did not count added (a day
    /// both holiday and make-up day is a holiday, as in `is_working_day`).
    fn working_days(&self, from: NaiveDate, to: NaiveDate) -> i64 {
        let weekday = |d: NaiveDate| self.weekdays[d.weekday().num_days_from_monday() as usize];
        let days = (to - from).num_days() + 1;
        let per_week = self.weekdays.iter().filter(|w| **w).count() as i64;
        let first = from.weekday().num_days_from_monday() as usize;
        let rest = (0..(days % 7) as usize)
            .filter(|i| self.weekdays[(first + i) % 7])
            .count() as i64;
        let off = self
            .holidays
            .range(from..=to)
            .filter(|h| weekday(**h))
            .count() as i64;
        let on = self
            .workdays
            .range(from..=to)
            .filter(|w| !weekday(**w) && !self.holidays.contains(w))
            .count() as i64;
        days / 7 * per_week + rest - off + on
    }

    /// The instant at which `secs` seconds of working time have passed after
    /// `start`. With `secs` > 0 the result always lies inside a working
    /// period (its end included). `None` if the calendar has no working time.
    pub fn add_working(&self, start: NaiveDateTime, secs: i64) -> Option<NaiveDateTime> {
        if secs <= 0 {
            return Some(start);
        }
        let mut left = secs;
        let mut day = start.date();
        for _ in 0..MAX_DAYS {
            if self.is_working_day(day) {
                let from = if day == start.date() {
                    secs_of(start)
                } else {
                    0
                };
                for &(s, e) in &self.periods {
                    let s = s.max(from);
                    if e <= s {
                        continue;
                    }
                    let len = i64::from(e - s);
                    if left <= len {
                        return Some(at(day, s) + Duration::seconds(left));
                    }
                    left -= len;
                }
            }
            day = day.succ_opt()?;
        }
        None
    }

    /// Whether `t` lies in a working period of a working day (both ends included).
    pub fn is_working_instant(&self, t: NaiveDateTime) -> bool {
        let s = secs_of(t);
        self.is_working_day(t.date()) && self.periods.iter().any(|&(a, b)| a <= s && s <= b)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn dt(s: &str) -> NaiveDateTime {
        NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M").unwrap()
    }

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    /// 2026: Labour Day holiday 05-01..05-05, make-up working days 04-26 (Sun) and 05-09 (Sat).
    fn may_day() -> Calendar {
        let mut c = Calendar::default();
        for day in [
            "2026-05-01",
            "2026-05-02",
            "2026-05-03",
            "2026-05-04",
            "2026-05-05",
        ] {
            c.holidays.insert(d(day));
        }
        c.workdays.insert(d("2026-04-26"));
        c.workdays.insert(d("2026-05-09"));
        c
    }

    #[test]
    fn received_at_17_30_before_a_holiday_is_answered_after_it() {
        let c = may_day();
        // Thursday 2026-04-30 17:30; P1 first response within 2 working hours.
        let due = c.add_working(dt("2026-04-30 17:30"), 2 * 3600).unwrap();
        // 30 minutes on the 30th, then the holiday, then Wednesday 05-06 from 09:00.
        assert_eq!(due, dt("2026-05-06 10:30"));
        assert_eq!(c.working_between(dt("2026-04-30 17:30"), due), 7200);
    }

    #[test]
    fn lunch_breaks_weekends_and_make_up_days() {
        let c = may_day();
        assert_eq!(
            c.add_working(dt("2026-04-20 11:00"), 2 * 3600),
            Some(dt("2026-04-20 14:00"))
        );
        // Friday 17:00 + 2 h → Monday 10:00.
        assert_eq!(
            c.add_working(dt("2026-04-17 17:00"), 2 * 3600),
            Some(dt("2026-04-20 10:00"))
        );
        // Saturday 05-09 is a make-up working day.
        assert_eq!(
            c.add_working(dt("2026-05-08 17:00"), 2 * 3600),
            Some(dt("2026-05-09 10:00"))
        );
        // Sunday 04-26 too.
        assert!(c.is_working_day(d("2026-04-26")) && !c.is_working_day(d("2026-04-25")));
        // Before opening: the clock starts at 09:00.
        assert_eq!(
            c.add_working(dt("2026-04-20 07:00"), 60 * 60),
            Some(dt("2026-04-20 10:00"))
        );
        assert_eq!(
            c.working_between(dt("2026-04-20 00:00"), dt("2026-04-21 00:00")),
            8 * 3600
        );
        // Mon 04-27 .. Sun 05-10: Mon–Thu, then the holiday, Wed–Fri and the make-up Saturday: 8 days.
        assert_eq!(
            c.working_between(dt("2026-04-27 00:00"), dt("2026-05-11 00:00")),
            8 * 8 * 3600
        );
    }

    #[test]
    fn no_working_time_gives_no_deadline() {
        let c = Calendar {
            weekdays: [false; 7],
            ..Calendar::default()
        };
        assert_eq!(c.add_working(dt("2026-04-20 09:00"), 60), None);
    }

    fn arb_calendar() -> impl Strategy<Value = Calendar> {
        (
            prop::collection::vec(any::<bool>(), 7),
            prop::collection::btree_set(0i64..120, 0..20),
            prop::collection::btree_set(0i64..120, 0..10),
            prop::sample::select(vec![
                vec![(9 * 3600, 12 * 3600), (13 * 3600, 18 * 3600)],
                vec![(8 * 3600 + 1800, 17 * 3600 + 1800)],
                vec![(0, 86_400)],
                vec![
                    (7 * 3600, 11 * 3600),
                    (12 * 3600, 15 * 3600),
                    (19 * 3600, 23 * 3600),
                ],
            ]),
        )
            .prop_map(|(w, hol, work, periods)| {
                let base = d("2026-01-01");
                let mut weekdays = [false; 7];
                for (i, b) in w.into_iter().enumerate() {
                    weekdays[i] = b;
                }
                weekdays[2] = true; // at least one working weekday
                Calendar {
                    periods,
                    weekdays,
                    holidays: hol.into_iter().map(|n| base + Duration::days(n)).collect(),
                    workdays: work.into_iter().map(|n| base + Duration::days(n)).collect(),
                }
            })
    }

    fn arb_instant() -> impl Strategy<Value = NaiveDateTime> {
        (0i64..100, 0i64..86_400).prop_map(|(day, sec)| {
            dt("2026-01-01 00:00") + Duration::days(day) + Duration::seconds(sec)
        })
    }

    /// The working time counted day by day: what `working_between` must equal.
    fn by_day(c: &Calendar, a: NaiveDateTime, b: NaiveDateTime) -> i64 {
        let mut total = 0;
        let mut day = a.date();
        while b > a && day <= b.date() {
            let lo = if day == a.date() { secs_of(a) } else { 0 };
            let hi = if day == b.date() { secs_of(b) } else { 86_400 };
            total += c.within_day(day, lo, hi);
            day = day.succ_opt().unwrap();
        }
        total
    }

    proptest! {
        #[test]
        fn whole_weeks_count_like_day_by_day(c in arb_calendar(), a in arb_instant(), x in 0i64..(400 * 86_400)) {
            let b = a + Duration::seconds(x);
            prop_assert_eq!(c.working_between(a, b), by_day(&c, a, b));
        }

        #[test]
        fn adding_then_measuring_gives_back_the_amount(c in arb_calendar(), t in arb_instant(), secs in 0i64..(200 * 3600)) {
            let due = c.add_working(t, secs).unwrap();
            prop_assert!(due >= t);
            prop_assert_eq!(c.working_between(t, due), secs);
        }

        #[test]
        fn deadlines_fall_inside_working_time(c in arb_calendar(), t in arb_instant(), secs in 1i64..(200 * 3600)) {
            let due = c.add_working(t, secs).unwrap();
            prop_assert!(c.is_working_instant(due), "{} is outside working time", due);
            // And not one working second earlier would do.
            prop_assert!(c.working_between(t, due - Duration::seconds(1)) < secs);
        }

        #[test]
        fn measuring_is_additive(c in arb_calendar(), a in arb_instant(), x in 0i64..(30 * 86_400), y in 0i64..(30 * 86_400)) {
            let b = a + Duration::seconds(x);
            let e = b + Duration::seconds(y);
            prop_assert_eq!(c.working_between(a, e), c.working_between(a, b) + c.working_between(b, e));
        }

        #[test]
        fn holidays_have_no_working_time_and_make_up_days_do(c in arb_calendar()) {
            for h in &c.holidays {
                let start = h.and_time(NaiveTime::MIN);
                prop_assert_eq!(c.working_between(start, start + Duration::days(1)), 0);
            }
            for w in c.workdays.iter().filter(|w| !c.holidays.contains(w)) {
                let start = w.and_time(NaiveTime::MIN);
                prop_assert_eq!(c.working_between(start, start + Duration::days(1)), c.day_length());
            }
        }
    }
}
