//! Which automatic backups to keep: the newest of each of the last N days,
//! weeks and months that have one (a grandfather-father-son rotation). Manual
//! copies, copies before a restore and copies before a migration are never
//! pruned, and the newest automatic backup is always kept. Only the backups
//! of one database count (the id in their manifests): databases whose
//! backups share a folder neither prune nor skip each other's, and a backup
//! that names no database (written before databases had an id) is left alone.
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use chrono::{Datelike, NaiveDateTime};

use super::{BackupSettings, EXT};

/// An automatic backup's local time, read from its name
/// (`dealerdesk-20261202-081530-123-auto.ddbak`).
pub fn automatic_at(path: &Path) -> Option<NaiveDateTime> {
    let name = path.file_name()?.to_str()?;
    let stamp = name
        .strip_prefix("dealerdesk-")?
        .strip_suffix(&format!("-auto.{EXT}"))?;
    NaiveDateTime::parse_from_str(stamp, "%Y%m%d-%H%M%S-%3f").ok()
}

/// The automatic backups of the database `id` in `folder`, newest first.
pub fn automatic(folder: &Path, id: Option<&str>) -> Vec<(NaiveDateTime, PathBuf)> {
    let mut out: Vec<(NaiveDateTime, PathBuf)> = std::fs::read_dir(folder)
        .map(|rd| {
            rd.filter_map(|e| e.ok())
                .map(|e| e.path())
                .filter_map(|p| automatic_at(&p).map(|at| (at, p)))
                .filter(|(_, p)| {
                    super::read_manifest(p)
                        .is_ok_and(|m| id.is_some() && m.database_id.as_deref() == id)
                })
                .collect()
        })
        .unwrap_or_default();
    out.sort_by_key(|b| std::cmp::Reverse(b.0));
    out
}

/// The files to delete among `backups` (newest first) under `keep`.
pub fn to_prune(backups: &[(NaiveDateTime, PathBuf)], keep: &BackupSettings) -> Vec<PathBuf> {
    let mut kept: BTreeSet<usize> = BTreeSet::new();
    let mut take = |limit: u32, period: &dyn Fn(&NaiveDateTime) -> (i32, u32)| {
        let mut seen = BTreeSet::new();
        for (i, (at, _)) in backups.iter().enumerate() {
            if seen.len() as u32 >= limit {
                break;
            }
            if seen.insert(period(at)) {
                kept.insert(i);
            }
        }
    };
    take(keep.keep_daily, &|at| (at.year(), at.ordinal()));
    take(keep.keep_weekly, &|at| {
        let w = at.iso_week();
        (w.year(), w.week())
    });
    take(keep.keep_monthly, &|at| (at.year(), at.month()));
    if !backups.is_empty() {
        kept.insert(0);
    }
    backups
        .iter()
        .enumerate()
        .filter(|(i, _)| !kept.contains(i))
        .map(|(_, (_, p))| p.clone())
        .collect()
}

/// Deletes the automatic backups of the database `id` that the rotation does
/// not keep; returns them.
pub fn prune(folder: &Path, keep: &BackupSettings, id: Option<&str>) -> Vec<PathBuf> {
    let removed: Vec<PathBuf> = to_prune(&automatic(folder, id), keep)
        .into_iter()
        .filter(|p| std::fs::remove_file(p).is_ok())
        .collect();
    removed
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(s: &str) -> (NaiveDateTime, PathBuf) {
        let t = NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M").unwrap();
        (t, PathBuf::from(s))
    }

    #[test]
    fn keeps_the_newest_of_each_day_week_and_month() {
        // One backup a day for 400 days, newest first, plus a second one today.
        let start = chrono::NaiveDate::from_ymd_opt(2026, 12, 2).unwrap();
        let mut all = vec![at("2026-12-02 18:00")];
        for d in 0..400 {
            let day = start - chrono::Duration::days(d);
            all.push(at(&format!("{day} 09:00")));
        }
        let keep = BackupSettings::default();
        let pruned: BTreeSet<PathBuf> = to_prune(&all, &keep).into_iter().collect();
        let kept: Vec<&PathBuf> = all
            .iter()
            .map(|(_, p)| p)
            .filter(|p| !pruned.contains(*p))
            .collect();
        let names: Vec<String> = kept.iter().map(|p| p.display().to_string()).collect();
        // Today's later copy, then the last 6 other days; Sundays of 4 weeks
        // (the newest of each ISO week); the newest of 12 months.
        assert!(names.contains(&"2026-12-02 18:00".to_string()));
        assert!(
            !names.contains(&"2026-12-02 09:00".to_string()),
            "{names:?}"
        );
        for d in 1..7 {
            let day = start - chrono::Duration::days(d);
            assert!(names.contains(&format!("{day} 09:00")), "{day}: {names:?}");
        }
        assert!(
            names.contains(&"2026-11-29 09:00".to_string()),
            "a week's newest"
        );
        assert!(
            names.contains(&"2026-11-22 09:00".to_string()),
            "a week's newest"
        );
        assert!(
            names.contains(&"2026-11-15 09:00".to_string()),
            "weeks reach back 4"
        );
        assert!(
            !names.contains(&"2026-11-08 09:00".to_string()),
            "{names:?}"
        );
        assert!(
            names.contains(&"2026-10-31 09:00".to_string()),
            "a month's newest"
        );
        assert!(
            names.contains(&"2026-01-31 09:00".to_string()),
            "12 months back"
        );
        assert!(
            !names.contains(&"2025-12-31 09:00".to_string()),
            "{names:?}"
        );
        assert_eq!(kept.len(), 7 + 1 + 11, "{names:?}");
    }

    #[test]
    fn the_newest_is_kept_whatever_the_settings() {
        let all = vec![at("2026-12-02 09:00"), at("2026-12-01 09:00")];
        let none = BackupSettings {
            keep_daily: 0,
            keep_weekly: 0,
            keep_monthly: 0,
            ..Default::default()
        };
        assert_eq!(
            to_prune(&all, &none),
            vec![PathBuf::from("2026-12-01 09:00")]
        );
    }
}
