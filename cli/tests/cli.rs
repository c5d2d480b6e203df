//! Distributors, the ledger and statements, sample data and the complaint
//! report through the real CLI binary.
mod common;
use common::{cli, ok, HEADER};
use std::process::Command;

#[test]
fn import_list_export() {
    let dir = tempfile::tempdir().unwrap();
    let db = common::database(&dir, "cli.sqlite");
    let bad = dir.path().join("bad.csv");
    std::fs::write(
        &bad,
        format!("{HEADER}\nD1,甲公司,,91110000802100433B,,王伟,13812345678,,北京市,北京市,,,core,active,100.00,30\nD2,乙公司,,91110000802100433C,,李娜,13812345679,,北京市,北京市,,,basic,active,1,30\n"),
    )
    .unwrap();
    let out = cli(&db, &["distributors", "import", bad.to_str().unwrap()]);
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("row 3, field uscc: uscc_check_char (B)"),
        "{err}"
    );

    let list = cli(&db, &["distributors", "list", "--json"]);
    assert!(list.status.success());
    let rows: serde_json::Value = serde_json::from_slice(&list.stdout).unwrap();
    assert_eq!(
        rows.as_array().unwrap().len(),
        0,
        "nothing written after a bad file"
    );

    let good = dir.path().join("good.csv");
    std::fs::write(&good, format!("{HEADER}\nD1,甲公司,甲,91110000802100433B,,王伟,13812345678,,北京市,北京市,,,core,active,1234567.89,30\n")).unwrap();
    let out = cli(&db, &["distributors", "import", good.to_str().unwrap()]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );

    let list = cli(&db, &["distributors", "list", "--json"]);
    let rows: serde_json::Value = serde_json::from_slice(&list.stdout).unwrap();
    let d = &rows[0];
    for key in [
        "code",
        "name",
        "short_name",
        "uscc",
        "tier",
        "status",
        "credit_limit",
        "payment_terms_days",
        "province",
        "city",
    ] {
        assert!(d.get(key).is_some(), "{key}");
    }
    assert_eq!(d["credit_limit"], "1234567.89");
    assert_eq!(d["tier"], "core");

    let xlsx = dir.path().join("out.xlsx");
    let out = cli(&db, &["distributors", "export", xlsx.to_str().unwrap()]);
    assert!(out.status.success());
    assert!(std::fs::metadata(&xlsx).unwrap().len() > 1000);

    // The environment variable names the database too.
    let mut c = Command::new(env!("CARGO_BIN_EXE_dealerdesk-cli"));
    c.args(["distributors", "list"])
        .env("DEALERDESK_DB", common::db_arg(&db));
    if common::on_server(&db) {
        c.env("DEALERDESK_USER", common::TESTER)
            .env("DEALERDESK_PASSWORD", common::TESTER_PASSWORD);
    }
    let out = c.output().unwrap();
    assert!(String::from_utf8_lossy(&out.stdout).contains("1 distributor(s)"));
}

#[test]
fn ledger_import_statement_json_pdf_and_batch() {
    let dir = tempfile::tempdir().unwrap();
    let db = common::database(&dir, "ledger.sqlite");
    let people = dir.path().join("d.csv");
    std::fs::write(&people, format!("{HEADER}\nD1,上海华东经销有限公司,华东,91110000802100433B,,王伟,13812345678,,上海市,上海市,,浦东新区张江路 88 号,core,active,50000.00,30\n")).unwrap();
    assert!(
        cli(&db, &["distributors", "import", people.to_str().unwrap()])
            .status
            .success()
    );

    let bad = dir.path().join("bad.csv");
    std::fs::write(&bad, "distributor_code,date,doc_no,kind,amount\nD1,2026-01-05,INV-1,invoice,100.00\nD1,2026-01-06,PAY-1,payment,-1\n").unwrap();
    let out = cli(&db, &["ledger", "import", bad.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("row 3, field amount: amount_negative"),
        "{err}"
    );

    let good = dir.path().join("good.csv");
    std::fs::write(
        &good,
        "distributor_code,date,doc_no,kind,amount,description,fapiao_no,due_date\n\
         D1,2025-12-31,OB,opening,1000.00,期初,,\n\
         D1,2026-01-05,INV-1,invoice,16409.02,一月发货,04451234,\n\
         D1,2026-01-20,PAY-1,payment,1000.00,回款,,\n",
    )
    .unwrap();
    for expected in [
        "3 entries added, 0 already posted",
        "0 entries added, 3 already posted",
    ] {
        let out = cli(&db, &["ledger", "import", good.to_str().unwrap()]);
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        assert!(String::from_utf8_lossy(&out.stdout).contains(expected));
    }

    let pdf = dir.path().join("s.pdf");
    let out = cli(
        &db,
        &[
            "statement",
            "--distributor",
            "D1",
            "--from",
            "2026-01-01",
            "--to",
            "2026-03-31",
            "--json",
            "--out",
            pdf.to_str().unwrap(),
        ],
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let s: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(s["distributor"]["code"], "D1");
    assert_eq!(s["distributor"]["name"], "上海华东经销有限公司");
    assert_eq!(s["opening_balance"], "1000.00");
    assert_eq!(s["closing_balance"], "16409.02");
    assert_eq!(
        s["closing_balance_in_words"],
        "人民币壹万陆仟肆佰零玖元零贰分"
    );
    assert_eq!(s["total_debit"], "16409.02");
    assert_eq!(s["total_credit"], "1000.00");
    assert_eq!(s["credit_limit"], "50000.00");
    assert_eq!(s["available_credit"], "33590.98");
    assert_eq!(s["currency"], "CNY");
    assert_eq!(s["lines"].as_array().unwrap().len(), 2);
    let line = &s["lines"][0];
    for key in [
        "date",
        "doc_no",
        "kind",
        "description",
        "debit",
        "credit",
        "balance",
    ] {
        assert!(!line[key].is_null(), "{key}");
    }
    assert_eq!(line["credit"], "0.00");
    // As of 2026-03-31 the opening balance (due 2025-12-31) is paid by the payment;
    // the invoice was due 2026-02-04: 55 days late.
    assert_eq!(s["aging"]["d31_60"], "16409.02");
    for key in ["not_due", "d1_30", "d61_90", "over_90"] {
        assert_eq!(s["aging"][key], "0.00", "{key}");
    }
    let text = Command::new("pdftotext")
        .arg(&pdf)
        .arg("-")
        .output()
        .expect("pdftotext (poppler-utils)");
    let text = String::from_utf8_lossy(&text.stdout);
    assert!(
        text.contains("上海华东经销有限公司")
            && text.contains("16,409.02")
            && text.contains("人民币壹万陆仟肆佰零玖元零贰分")
    );

    let out_dir = dir.path().join("batch");
    let out = cli(
        &db,
        &[
            "statements",
            "--from",
            "2026-01-01",
            "--to",
            "2026-03-31",
            "--out-dir",
            out_dir.to_str().unwrap(),
            "--lang",
            "en",
        ],
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(out_dir.join("D1.pdf").is_file());
}

#[test]
fn demo_data_is_the_same_for_the_same_seed() {
    let dir = tempfile::tempdir().unwrap();
    let mut dumps = vec![];
    for name in ["a.sqlite", "b.sqlite"] {
        let db = common::database(&dir, name);
        let out = cli(
            &db,
            &[
                "demo-data",
                "--distributors",
                "6",
                "--entries-per-distributor",
                "12",
                "--seed",
                "9",
            ],
        );
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let csv = dir.path().join(format!("{name}.csv"));
        assert!(cli(&db, &["ledger", "export", csv.to_str().unwrap()])
            .status
            .success());
        dumps.push(std::fs::read_to_string(&csv).unwrap());
    }
    assert_eq!(dumps[0], dumps[1]);
    assert!(dumps[0].lines().count() > 12, "{}", dumps[0]);
    let other = common::database(&dir, "c.sqlite");
    assert!(cli(
        &other,
        &[
            "demo-data",
            "--distributors",
            "6",
            "--entries-per-distributor",
            "12",
            "--seed",
            "10"
        ]
    )
    .status
    .success());
    let csv = dir.path().join("c.csv");
    assert!(cli(&other, &["ledger", "export", csv.to_str().unwrap()])
        .status
        .success());
    assert_ne!(
        std::fs::read_to_string(&csv).unwrap(),
        dumps[0],
        "another seed, another ledger"
    );
}

#[test]
fn complaints_report_json_and_pdf() {
    let dir = tempfile::tempdir().unwrap();
    let db = common::database(&dir, "c.sqlite");
    let out = cli(
        &db,
        &[
            "demo-data",
            "--distributors",
            "12",
            "--complaints",
            "16",
            "--seed",
            "3",
        ],
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let today = chrono::Utc::now().date_naive();
    let from = (today - chrono::Days::new(40)).to_string();
    let to = today.to_string();
    let pdf = dir.path().join("report.pdf");
    let out = cli(
        &db,
        &[
            "complaints",
            "report",
            "--from",
            &from,
            "--to",
            &to,
            "--json",
            "--out",
            pdf.to_str().unwrap(),
        ],
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let r: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(r["total"], 16);
    let by_status: u64 = r["by_status"]
        .as_object()
        .unwrap()
        .values()
        .map(|v| v.as_u64().unwrap())
        .sum();
    assert_eq!(by_status, 16);
    assert_eq!(
        r["by_status"].as_object().unwrap().len(),
        8,
        "every state has sample complaints"
    );
    for key in ["first_response_met_pct", "resolution_met_pct"] {
        let pct = r["sla"][key].as_f64().unwrap();
        assert!((0.0..=100.0).contains(&pct), "{key} {pct}");
    }
    for key in ["first_response_hours", "resolution_hours"] {
        for stat in ["avg", "p90"] {
            let h = r[key][stat]
                .as_f64()
                .unwrap_or_else(|| panic!("{key}.{stat}"));
            assert!(h >= 0.0, "{key}.{stat} {h}");
        }
    }
    let pareto = r["pareto"].as_array().unwrap();
    assert!(!pareto.is_empty());
    let counted: u64 = pareto.iter().map(|p| p["count"].as_u64().unwrap()).sum();
    assert_eq!(counted, 16);
    assert!(pareto[0]["category"].is_string() && pareto[0]["product"].is_string());
    let text = Command::new("pdftotext")
        .arg(&pdf)
        .arg("-")
        .output()
        .expect("pdftotext (poppler-utils)");
    let text = String::from_utf8_lossy(&text.stdout);
    assert!(
        text.contains("客诉分析报告") && text.contains("帕累托"),
        "{text}"
    );
}

#[test]
fn a_reversal_from_the_command_line_exports_and_imports_again() {
    let dir = tempfile::tempdir().unwrap();
    let db = common::database(&dir, "rev.sqlite");
    let people = dir.path().join("d.csv");
    std::fs::write(&people, format!("{HEADER}\nD1,上海华东经销有限公司,华东,91110000802100433B,,王伟,13812345678,,上海市,上海市,,浦东新区张江路 88 号,core,active,50000.00,30\n")).unwrap();
    ok(&db, &["distributors", "import", people.to_str().unwrap()]);
    // The longest document number an import takes.
    let long_doc = "INV-".to_string() + &"9".repeat(36);
    let sheet = dir.path().join("l.csv");
    std::fs::write(
        &sheet,
        format!(
            "distributor_code,date,doc_no,kind,amount\nD1,2026-01-05,{long_doc},invoice,100.00\n"
        ),
    )
    .unwrap();
    ok(&db, &["ledger", "import", sheet.to_str().unwrap()]);

    let out = ok(
        &db,
        &[
            "ledger",
            "reverse",
            "--distributor",
            "D1",
            "--kind",
            "invoice",
            "--doc-no",
            &long_doc,
            "--date",
            "2026-01-06",
            "--reason",
            "开错单",
        ],
    );
    let said = String::from_utf8_lossy(&out.stdout);
    assert!(said.contains(&format!("R-INV-{long_doc}")), "{said}");
    assert!(said.contains("-100.00"), "{said}");
    // Twice is refused.
    let again = cli(
        &db,
        &[
            "ledger",
            "reverse",
            "--distributor",
            "D1",
            "--kind",
            "invoice",
            "--doc-no",
            &long_doc,
            "--reason",
            "再来",
        ],
    );
    assert!(!again.status.success());
    // An unknown entry is named.
    let none = cli(
        &db,
        &[
            "ledger",
            "reverse",
            "--distributor",
            "D1",
            "--kind",
            "payment",
            "--doc-no",
            "X",
            "--reason",
            "r",
        ],
    );
    assert!(String::from_utf8_lossy(&none.stderr).contains("not found"));

    // The exported ledger, reversal included, imports into another file.
    let csv = dir.path().join("out.csv");
    ok(&db, &["ledger", "export", csv.to_str().unwrap()]);
    let other = common::database(&dir, "other.sqlite");
    ok(
        &other,
        &["distributors", "import", people.to_str().unwrap()],
    );
    let out = ok(&other, &["ledger", "import", csv.to_str().unwrap()]);
    assert!(
        String::from_utf8_lossy(&out.stdout).contains("2 entries added"),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
}
