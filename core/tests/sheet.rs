//! Reading sheets the user picks: an XLSX is read cell by cell, so a stray
//! value far out (XFD1048576) is refused by name instead of asking for a
//! 549 GB block of memory, and a far row costs one row. CSV text a
//! spreadsheet would run as a formula is written as text and read back as it was.
mod common;

use common::codes;
use dealerdesk_core::sheet::{read_table, write_table, MAX_COLUMNS};
use rust_xlsxwriter::Workbook;

fn workbook(path: &std::path::Path, cells: &[(u32, u16, &str)]) {
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    for &(r, c, v) in cells {
        ws.write_string(r, c, v).unwrap();
    }
    wb.save(path).unwrap();
}

#[test]
fn a_value_in_the_last_cell_is_refused_by_name() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("far.xlsx");
    workbook(
        &path,
        &[
            (0, 0, "code"),
            (0, 1, "name"),
            (1, 0, "D1"),
            (1, 1, "华东经销"),
            (1_048_575, 16_383, "x"),
        ],
    );
    let err = read_table(&path).unwrap_err();
    assert_eq!(
        codes(&err),
        vec![("path".to_owned(), "sheet_too_wide".to_owned())]
    );
    assert!(format!("{err:?}").contains("XFD1048576"), "{err:?}");
    // One column past the limit is refused too; the last one read is not.
    let edge = dir.path().join("edge.xlsx");
    workbook(
        &edge,
        &[(0, 0, "code"), (0, (MAX_COLUMNS - 1) as u16, "last")],
    );
    assert_eq!(
        read_table(&edge).unwrap().headers.len(),
        MAX_COLUMNS as usize
    );
    workbook(&edge, &[(0, 0, "code"), (0, MAX_COLUMNS as u16, "past")]);
    assert!(read_table(&edge).is_err());
}

#[test]
fn rows_keep_their_sheet_numbers_and_a_far_row_is_one_row() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("offset.xlsx");
    // The table starts at B3; row 5 is empty; one value sits in the last row.
    workbook(
        &path,
        &[
            (2, 1, "code"),
            (2, 2, "name"),
            (3, 1, "D1"),
            (3, 2, "甲"),
            (5, 1, "D2"),
            (1_048_575, 2, "末行"),
        ],
    );
    let t = read_table(&path).unwrap();
    assert_eq!(t.headers, vec!["code", "name"]);
    assert_eq!(
        t.rows,
        vec![
            (4, vec!["D1".to_owned(), "甲".to_owned()]),
            (6, vec!["D2".to_owned(), String::new()]),
            (1_048_576, vec![String::new(), "末行".to_owned()]),
        ]
    );
}

#[test]
fn csv_text_that_looks_like_a_formula_is_written_as_text_and_read_back() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("out.csv");
    let texts = [
        "=HYPERLINK(\"http://x.example\",\"点我\")",
        "+86 138 0000 0000",
        "-5% 折扣",
        "@SUM(A1:A2)",
        "'引号开头",
        "普通文本",
    ];
    let rows: Vec<Vec<String>> = texts
        .iter()
        .map(|t| vec![(*t).to_owned(), "-1234.56".to_owned()])
        .collect();
    write_table(&path, &["text", "amount"], &rows, &[1], &[]).unwrap();
    let raw = String::from_utf8(std::fs::read(&path).unwrap()).unwrap();
    let lines: Vec<&str> = raw.trim_start_matches('\u{feff}').lines().collect();
    // A spreadsheet opens these as text: each formula-like cell starts with '.
    assert_eq!(
        lines[1],
        "\"'=HYPERLINK(\"\"http://x.example\"\",\"\"点我\"\")\",-1234.56"
    );
    assert_eq!(lines[2], "'+86 138 0000 0000,-1234.56");
    assert_eq!(lines[3], "'-5% 折扣,-1234.56");
    assert_eq!(lines[4], "'@SUM(A1:A2),-1234.56");
    assert_eq!(lines[5], "'引号开头,-1234.56");
    assert_eq!(lines[6], "普通文本,-1234.56");
    // Read back, every cell is what was written, the amount a plain number.
    let t = read_table(&path).unwrap();
    let back: Vec<(String, String)> = t
        .rows
        .into_iter()
        .map(|(_, r)| (r[0].clone(), r[1].clone()))
        .collect();
    let want: Vec<(String, String)> = texts
        .iter()
        .map(|t| ((*t).to_owned(), "-1234.56".to_owned()))
        .collect();
    assert_eq!(back, want);
}

#[test]
fn numbers_are_read_as_excel_shows_them() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("noise.xlsx");
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    ws.write_string(0, 0, "amount").unwrap();
    for (i, v) in [
        1234.5600000000001f64,
        0.1 + 0.2,
        16409.02,
        -1234.56,
        100.0,
        3.0e-7,
    ]
    .iter()
    .enumerate()
    {
        ws.write_number(i as u32 + 1, 0, *v).unwrap();
    }
    wb.save(&path).unwrap();
    let t = read_table(&path).unwrap();
    let read: Vec<&str> = t.rows.iter().map(|(_, cells)| cells[0].as_str()).collect();
    assert_eq!(
        read,
        vec!["1234.56", "0.3", "16409.02", "-1234.56", "100", "0.0000003"]
    );
}

#[test]
fn a_nul_byte_in_a_cell_is_refused_by_its_cell() {
    let dir = tempfile::tempdir().unwrap();
    let csv = dir.path().join("nul.csv");
    std::fs::write(&csv, "code,name\nD1,甲\nD2,乙\0公司\n").unwrap();
    let err = read_table(&csv).unwrap_err();
    assert_eq!(
        codes(&err),
        vec![("path".to_string(), "control_character".to_string())]
    );
    assert!(err.to_string().contains("B3"), "{err}");
    // Tabs and line breaks inside a quoted cell are text.
    std::fs::write(&csv, "code,name\nD1,\"甲\t有限\n公司\"\n").unwrap();
    assert_eq!(read_table(&csv).unwrap().rows.len(), 1);
}

/// What no document could print or no reader could see is refused by cell
/// and character: a twin of a document number with a zero-width space, a
/// bidi override, an emoji, a character of CJK Extension B.
#[test]
fn invisible_and_unprintable_characters_are_refused_by_cell() {
    let dir = tempfile::tempdir().unwrap();
    let csv = dir.path().join("c.csv");
    for (cell, want) in [
        ("INV-1\u{200B}", ("invisible_character", "B3 U+200B")),
        ("\u{202E}甲公司", ("invisible_character", "B3 U+202E")),
        ("好😀", ("unprintable", "B3 😀 U+1F600")),
        ("𠀀记", ("unprintable", "B3 𠀀 U+20000")),
    ] {
        std::fs::write(&csv, format!("code,doc_no\nD1,INV-1\nD2,{cell}\n")).unwrap();
        let err = read_table(&csv).unwrap_err();
        assert_eq!(
            refused_code(&err),
            (want.0.to_string(), Some(want.1.to_string())),
            "{cell:?}"
        );
    }
}

/// A number with more digits than Excel keeps is refused, naming its cell,
/// never rounded; float noise on a two-decimal amount is still read as shown.
#[test]
fn a_number_past_fifteen_digits_is_refused_not_rounded() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("n.xlsx");
    let mut wb = rust_xlsxwriter::Workbook::new();
    let ws = wb.add_worksheet();
    ws.write_string(0, 0, "amount").unwrap();
    ws.write_number(1, 0, 1234.5600000000001).unwrap();
    ws.write_number(2, 0, 1_000_000_000_000.004).unwrap();
    wb.save(&path).unwrap();
    let err = read_table(&path).unwrap_err();
    assert_eq!(
        refused_code(&err),
        (
            "number_not_exact".to_string(),
            Some("A3: 1000000000000.004".to_string())
        )
    );
}

fn refused_code(e: &dealerdesk_core::AppError) -> (String, Option<String>) {
    match e {
        dealerdesk_core::AppError::Validation { fields } => {
            (fields[0].code.key().to_owned(), fields[0].detail.clone())
        }
        other => panic!("{other:?}"),
    }
}

/// CSV in UTF-8 or GBK reads as written; one stray byte of another encoding
/// refuses the file, naming the row, instead of keeping replacement characters.
#[test]
fn mixed_encodings_are_refused_by_row_and_clean_ones_read() {
    let dir = tempfile::tempdir().unwrap();
    let rows = ["code,name", "D1,华东经销", "D2,华南商贸", "D3,西北供应"];
    let utf8 = dir.path().join("utf8.csv");
    std::fs::write(&utf8, rows.join("\n")).unwrap();
    assert_eq!(read_table(&utf8).unwrap().rows[1].1[1], "华南商贸");
    let gbk_bytes = |s: &str| encoding_rs::GBK.encode(s).0.into_owned();
    let gbk = dir.path().join("gbk.csv");
    std::fs::write(&gbk, gbk_bytes(&rows.join("\n"))).unwrap();
    assert_eq!(read_table(&gbk).unwrap().rows[2].1[1], "西北供应");

    // UTF-8 with one GBK cell in row 3.
    let mut mixed = format!("{}\n{}\n", rows[0], rows[1]).into_bytes();
    mixed.extend(gbk_bytes("D2,华南商贸\n"));
    mixed.extend(rows[3].as_bytes());
    let path = dir.path().join("mixed.csv");
    std::fs::write(&path, &mixed).unwrap();
    let e = read_table(&path).unwrap_err();
    assert_eq!(
        refused_code(&e),
        ("encoding_mixed".into(), Some("3".into()))
    );

    // GBK with one byte no encoding has, in row 4.
    let mut stray = gbk_bytes(&format!("{}\n{}\n{}\n", rows[0], rows[1], rows[2]));
    stray.extend(b"D3,\x80\xff\n");
    let path = dir.path().join("stray.csv");
    std::fs::write(&path, &stray).unwrap();
    let e = read_table(&path).unwrap_err();
    assert_eq!(
        refused_code(&e),
        ("encoding_mixed".into(), Some("4".into()))
    );
}
