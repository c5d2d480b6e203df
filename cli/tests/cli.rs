use std::process::Command;

fn cli(db: &std::path::Path, args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_dealerdesk-cli"))
        .arg("--db")
        .arg(db)
        .args(["--operator", "批处理"])
        .args(args)
        .env_remove("DEALERDESK_DB")
        .output()
        .unwrap()
}

const HEADER: &str = "code,name,short_name,uscc,legal_representative,contact_name,contact_phone,contact_email,province,city,county,address,tier,status,credit_limit,payment_terms_days";

#[test]
fn import_list_export() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("cli.sqlite");
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
    let out = Command::new(env!("CARGO_BIN_EXE_dealerdesk-cli"))
        .args(["distributors", "list"])
        .env("DEALERDESK_DB", &db)
        .output()
        .unwrap();
    assert!(String::from_utf8_lossy(&out.stdout).contains("1 distributor(s)"));
}
