//! Reviews and receivables from the command line: the quarter's scorecards and
//! their JSON, finalising, the annual tier review, and the receivables list
//! against the statement.
mod common;
use common::{cli, ok};

#[test]
fn scorecards_json_has_the_documented_shape() {
    let dir = tempfile::tempdir().unwrap();
    let db = common::database(&dir, "sc.sqlite");
    ok(
        &db,
        &[
            "--today",
            "2026-12-02",
            "demo-data",
            "--distributors",
            "30",
            "--entries-per-distributor",
            "40",
        ],
    );
    let out = ok(
        &db,
        &[
            "--today",
            "2026-12-02",
            "scorecards",
            "--quarter",
            "2026Q1",
            "--json",
        ],
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["quarter"], "2026Q1");
    assert_eq!(
        (v["from"].as_str(), v["to"].as_str()),
        (Some("2026-01-01"), Some("2026-03-31"))
    );
    // The sample data finalises the four quarters that ended last.
    assert_eq!(v["finalised"], true);
    let rows = v["distributors"].as_array().unwrap();
    assert!(!rows.is_empty());
    let two_decimals = |s: &str| {
        let (int, frac) = s.trim_start_matches('-').split_once('.').unwrap();
        !int.is_empty() && int.chars().all(|c| c.is_ascii_digit()) && frac.len() == 2
    };
    let mut rated = 0;
    for r in rows {
        for k in [
            "sales",
            "target",
            "last_year_sales",
            "closing_balance",
            "not_due",
            "deductions",
        ] {
            let s = r[k]
                .as_str()
                .unwrap_or_else(|| panic!("{k} is a string: {r}"));
            assert!(two_decimals(s), "{k} = {s}");
        }
        for k in [
            "achievement_pct",
            "growth_pct",
            "training_pct",
            "rating",
            "total",
        ] {
            assert!(
                r[k].is_null() || two_decimals(r[k].as_str().unwrap()),
                "{k} = {}",
                r[k]
            );
        }
        for key in ["achievement", "growth", "payment", "training", "rating"] {
            let i = &r["indicators"][key];
            assert!(i["applicable"].is_boolean(), "{key}: {i}");
            assert!(i["weight"].is_u64(), "{key}: {i}");
            assert_eq!(i["score"].is_null(), !i["applicable"].as_bool().unwrap());
        }
        assert_eq!(r["total"].is_null(), r["grade"].is_null());
        if !r["total"].is_null() {
            rated += 1;
            assert!(["A", "B", "C", "D"].contains(&r["grade"].as_str().unwrap()));
        }
    }
    assert!(rated > 0, "the sample data rates somebody");
    let q3 = ok(
        &db,
        &[
            "--today",
            "2026-12-02",
            "scorecards",
            "--quarter",
            "2026Q3",
            "--json",
        ],
    );
    let q3: serde_json::Value = serde_json::from_slice(&q3.stdout).unwrap();
    let levels: Vec<u64> = q3["distributors"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|r| r["warning_level"].as_u64())
        .collect();
    assert!(
        levels.contains(&1) && levels.contains(&2),
        "level-1 and level-2 warnings: {levels:?}"
    );
    let table = ok(&db, &["scorecards", "--quarter", "2026Q1"]);
    assert!(String::from_utf8_lossy(&table.stdout).starts_with("2026Q1 (2026-01-01 – 2026-03-31)"));
    let bad = cli(&db, &["scorecards", "--quarter", "2026Q5"]);
    assert!(!bad.status.success());
}

#[test]
fn a_quarter_is_finalised_once_and_the_tier_review_reads_it() {
    let dir = tempfile::tempdir().unwrap();
    let db = common::database(&dir, "fin.sqlite");
    let at = ["--today", "2026-12-02"];
    let with =
        |args: &[&str]| -> Vec<String> { at.iter().chain(args).map(|s| s.to_string()).collect() };
    let run = |args: &[&str]| {
        let a = with(args);
        cli(&db, &a.iter().map(String::as_str).collect::<Vec<_>>())
    };
    let okay = |args: &[&str]| {
        let out = run(args);
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        out
    };
    okay(&[
        "demo-data",
        "--distributors",
        "20",
        "--entries-per-distributor",
        "30",
    ]);
    let json = |out: std::process::Output| -> serde_json::Value {
        serde_json::from_slice(&out.stdout).unwrap()
    };
    // Not before the quarter ends.
    let early = run(&["scorecards", "--quarter", "2026Q4", "--finalise"]);
    assert!(!early.status.success());
    assert!(String::from_utf8_lossy(&early.stderr).contains("period_not_ended"));

    let live = json(okay(&["scorecards", "--quarter", "2025Q3", "--json"]));
    assert_eq!(live["finalised"], false);
    let done = json(okay(&[
        "scorecards",
        "--quarter",
        "2025Q3",
        "--finalise",
        "--json",
    ]));
    assert_eq!(done["finalised"], true);
    let totals = |v: &serde_json::Value| -> Vec<(String, serde_json::Value)> {
        v["distributors"]
            .as_array()
            .unwrap()
            .iter()
            .map(|r| (r["code"].as_str().unwrap().to_string(), r["total"].clone()))
            .collect()
    };
    assert_eq!(totals(&done), totals(&live), "frozen as it was computed");
    assert_eq!(
        json(okay(&["scorecards", "--quarter", "2025Q3", "--json"])),
        done,
        "the JSON of a finalised quarter is its snapshot"
    );
    let twice = run(&["scorecards", "--quarter", "2025Q3", "--finalise"]);
    assert!(!twice.status.success());
    assert!(String::from_utf8_lossy(&twice.stderr).contains("quarter_finalised"));

    let review = json(okay(&["tier-review", "--year", "2025", "--json"]));
    assert_eq!(review["year"], 2025);
    assert!(review["quarters"]
        .as_array()
        .unwrap()
        .contains(&"2025Q3".into()));
    let rows = review["distributors"].as_array().unwrap();
    assert!(!rows.is_empty());
    let moves = rows
        .iter()
        .filter(|r| ["promote", "demote"].contains(&r["direction"].as_str().unwrap_or("")))
        .count();
    let applied = okay(&["tier-review", "--year", "2025", "--apply", "--json"]);
    assert!(String::from_utf8_lossy(&applied.stderr).contains(&format!("{moves} tier(s) changed")));
    let after = json(applied);
    assert!(after["distributors"]
        .as_array()
        .unwrap()
        .iter()
        .all(|r| !["promote", "demote"].contains(&r["direction"].as_str().unwrap_or(""))));
}

#[test]
fn receivables_json_has_the_documented_shape_and_matches_the_statement() {
    let dir = tempfile::tempdir().unwrap();
    let db = common::database(&dir, "ar.sqlite");
    ok(
        &db,
        &[
            "demo-data",
            "--distributors",
            "12",
            "--entries-per-distributor",
            "30",
            "--no-reviews",
        ],
    );
    let out = ok(&db, &["receivables", "--as-of", "2026-09-30", "--json"]);
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["as_of"], "2026-09-30");
    assert_eq!(v["buckets"].as_array().unwrap().len(), 5);
    let rows = v["distributors"].as_array().unwrap();
    assert!(!rows.is_empty());
    let keys = [
        "closing_balance",
        "not_due",
        "d1_30",
        "d31_60",
        "d61_90",
        "over_90",
        "credit_limit",
        "available_credit",
    ];
    for r in rows {
        for k in keys {
            let s = r[k]
                .as_str()
                .unwrap_or_else(|| panic!("{k} is a string: {r}"));
            assert!(
                s.split_once('.').is_some_and(|(_, f)| f.len() == 2),
                "{k} = {s}"
            );
        }
        assert!(r["over_limit"].is_boolean());
        assert!(r["oldest_overdue_days"].is_null() || r["oldest_overdue_days"].is_i64());
    }
    for k in keys {
        assert!(v["totals"][k].is_string(), "totals.{k}");
    }
    // The same figures as that distributor's statement for a period ending then.
    let first = &rows[0];
    let st = ok(
        &db,
        &[
            "statement",
            "--distributor",
            first["code"].as_str().unwrap(),
            "--from",
            "2025-01-01",
            "--to",
            "2026-09-30",
            "--json",
        ],
    );
    let st: serde_json::Value = serde_json::from_slice(&st.stdout).unwrap();
    assert_eq!(st["closing_balance"], first["closing_balance"]);
    assert_eq!(st["aging"]["over_90"], first["over_90"]);
    let xlsx = dir.path().join("ar.xlsx");
    let wrote = ok(
        &db,
        &[
            "receivables",
            "--as-of",
            "2026-09-30",
            "--out",
            xlsx.to_str().unwrap(),
        ],
    );
    assert!(String::from_utf8_lossy(&wrote.stderr).contains("wrote"));
    assert!(xlsx.exists());
    let bad = cli(&db, &["receivables", "--as-of", "2026-13-01"]);
    assert!(!bad.status.success());
    assert!(String::from_utf8_lossy(&bad.stderr).contains("as_of"));
}
