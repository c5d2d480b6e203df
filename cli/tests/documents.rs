//! Agreements, rebates and training certificates through the real CLI
//! binary, and the operator and `--today` rules every command follows.
mod common;
use common::{bare, cli, ok, pdf_text, HEADER};

#[test]
fn sample_agreements_print_and_rebates_post_once() {
    let dir = tempfile::tempdir().unwrap();
    let db = common::database(&dir, "ag.sqlite");
    let out = ok(
        &db,
        &[
            "demo-data",
            "--distributors",
            "20",
            "--entries-per-distributor",
            "40",
        ],
    );
    assert!(String::from_utf8_lossy(&out.stdout).contains("agreements"));

    let pdf = dir.path().join("ht.pdf");
    ok(
        &db,
        &[
            "agreement",
            "print",
            "--number",
            "HT-2026-0001",
            "--out",
            pdf.to_str().unwrap(),
        ],
    );
    let text: String = pdf_text(pdf.to_str().unwrap()).split_whitespace().collect();
    assert!(
        text.contains("经销协议") && text.contains("HT-2026-0001"),
        "{text}"
    );
    assert!(
        text.contains("信用额度") && text.contains("人民币"),
        "{text}"
    );
    let missing = cli(
        &db,
        &[
            "agreement",
            "print",
            "--number",
            "HT-1999-0001",
            "--out",
            pdf.to_str().unwrap(),
        ],
    );
    assert!(!missing.status.success());
    assert!(String::from_utf8_lossy(&missing.stderr).contains("HT-1999-0001"));

    let run = |approve: bool| {
        let mut args = vec![
            "rebates",
            "run",
            "--from",
            "2026-01-01",
            "--to",
            "2026-03-31",
            "--json",
        ];
        if approve {
            args.push("--approve");
        }
        let out = cli(&db, &args);
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        serde_json::from_slice::<serde_json::Value>(&out.stdout).unwrap()
    };
    let preview = run(false);
    let lines = preview["lines"].as_array().unwrap();
    assert!(!lines.is_empty());
    let due = preview["to_post"].as_u64().unwrap();
    assert!(due > 0, "the sample reaches the ladder somewhere");
    for l in lines {
        assert!(!l["rebate"].as_str().unwrap().starts_with('-'));
        assert!(l["posted"].is_null(), "a preview posts nothing");
    }
    let first = run(true);
    assert_eq!(first["posted"].as_u64(), Some(due));
    let second = run(true);
    assert_eq!(second["posted"].as_u64(), Some(0));
    assert_eq!(second["already_posted"].as_u64(), Some(due));
}

#[test]
fn training_certificates_and_compliance() {
    let dir = tempfile::tempdir().unwrap();
    let db = common::database(&dir, "px.sqlite");
    let out = ok(&db, &["demo-data", "--distributors", "20"]);
    assert!(String::from_utf8_lossy(&out.stdout).contains("training certificates"));

    let out = ok(&db, &["training", "compliance", "--json"]);
    let rows: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let rows = rows.as_array().unwrap();
    assert!(!rows.is_empty());
    for r in rows {
        for key in ["code", "name", "tier", "compliance_pct", "missing"] {
            assert!(r.get(key).is_some(), "{key} in {r}");
        }
        let pct = r["compliance_pct"].as_u64().unwrap();
        assert!(pct <= 100);
        assert_eq!(
            pct == 100,
            r["missing"].as_array().unwrap().is_empty(),
            "{r}"
        );
    }

    // The first sample session is closed with certificates.
    let certs = dir.path().join("certs");
    ok(
        &db,
        &[
            "training",
            "certificates",
            "--session",
            "1",
            "--out-dir",
            certs.to_str().unwrap(),
        ],
    );
    let written: Vec<_> = std::fs::read_dir(&certs)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    assert!(!written.is_empty());
    let first = written
        .iter()
        .find(|p| p.to_string_lossy().contains("PX-"))
        .unwrap();
    let text = pdf_text(first.to_str().unwrap());
    assert!(
        text.contains("培训合格证书") && text.contains("有效期至"),
        "{text}"
    );
    let planned = cli(
        &db,
        &[
            "training",
            "certificates",
            "--session",
            "6",
            "--out-dir",
            certs.to_str().unwrap(),
        ],
    );
    assert!(
        !planned.status.success(),
        "a planned session has no certificates"
    );
}

#[test]
fn operator_rule_and_today_option() {
    let dir = tempfile::tempdir().unwrap();
    // The operator rule of a file without users (a server always logs in).
    let db = dir.path().join("rule.sqlite");

    let help = bare(&db, &["--help"], &[]);
    let help = String::from_utf8_lossy(&help.stdout);
    assert!(
        help.contains("--today") && help.contains("DEALERDESK_TODAY"),
        "{help}"
    );

    // A write names its operator: no `--operator` and none in Settings is refused, never made up.
    let out = bare(
        &db,
        &["demo-data", "--distributors", "3"],
        &[("USER", "someone")],
    );
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("operator_name: required"), "{err}");
    // A command that only reads needs none.
    let out = bare(&db, &["distributors", "list", "--json"], &[]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(String::from_utf8_lossy(&out.stdout).trim(), "[]");

    // A bad date for --today (or DEALERDESK_TODAY) is refused with the option named.
    for out in [
        bare(&db, &["--today", "2026-02-30", "distributors", "list"], &[]),
        bare(
            &db,
            &["distributors", "list"],
            &[("DEALERDESK_TODAY", "tomorrow")],
        ),
    ] {
        assert!(!out.status.success());
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains("--today"), "{err}");
    }

    // The date given is the office's today: the statement is printed on it.
    let people = dir.path().join("d.csv");
    std::fs::write(&people, format!("{HEADER}\nD1,上海华东经销有限公司,华东,91110000802100433B,,王伟,13812345678,,上海市,上海市,,,core,active,50000.00,30\n")).unwrap();
    let out = bare(
        &db,
        &[
            "--operator",
            "批处理",
            "distributors",
            "import",
            people.to_str().unwrap(),
        ],
        &[],
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    for (args, env) in [
        (vec!["--today", "2031-07-09"], vec![]),
        (vec![], vec![("DEALERDESK_TODAY", "2031-07-09")]),
    ] {
        let pdf = dir.path().join("s.pdf");
        let _ = std::fs::remove_file(&pdf);
        let mut a: Vec<&str> = args.clone();
        a.extend([
            "statement",
            "--distributor",
            "D1",
            "--from",
            "2026-01-01",
            "--to",
            "2026-03-31",
            "--out",
            pdf.to_str().unwrap(),
        ]);
        let out = bare(&db, &a, &env);
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let text = pdf_text(pdf.to_str().unwrap());
        assert!(text.contains("2031-07-09"), "{text}");
    }
}
