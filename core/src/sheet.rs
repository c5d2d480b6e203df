//! A sheet as rows of strings, read from CSV (UTF-8 or GBK, as Excel saves it
//! in China) or from the first worksheet of an XLSX file.
use crate::error::ErrorCode;
use std::path::Path;

use calamine::{open_workbook, open_workbook_auto, Data, Reader, Xlsx, XlsxError};

use crate::error::{AppError, AppResult};

#[derive(Debug, Clone, Default)]
pub struct Table {
    pub headers: Vec<String>,
    /// (sheet row number, 1-based with the header as row 1; cells)
    pub rows: Vec<(u32, Vec<String>)>,
}

fn extension(path: &Path) -> String {
    path.extension()
        .map(|e| e.to_string_lossy().to_ascii_lowercase())
        .unwrap_or_default()
}

/// `read_table` on a blocking thread: parsing a large workbook is CPU work,
/// kept off the async executor.
pub async fn read_table_off_executor(path: &Path) -> AppResult<Table> {
    let owned = path.to_path_buf();
    tokio::task::spawn_blocking(move || read_table(&owned))
        .await
        .map_err(AppError::io)?
}

pub fn read_table(path: &Path) -> AppResult<Table> {
    let table = match extension(path).as_str() {
        "csv" => read_csv(path),
        "xlsx" | "xlsm" | "xls" => read_xlsx(path),
        _ => Err(AppError::field("path", ErrorCode::FileType)),
    }?;
    refuse_control_characters(&table)?;
    Ok(table)
}

/// A NUL or another control character (tabs and line breaks aside) is no
/// part of a name, a number or a note: the file is refused, naming the cell,
/// before anything is stored.
fn refuse_control_characters(t: &Table) -> AppResult<()> {
    let bad = |s: &str| {
        s.chars()
            .any(|c| c.is_control() && !matches!(c, '\t' | '\n' | '\r'))
    };
    let cells = std::iter::once((1u32, &t.headers)).chain(t.rows.iter().map(|(r, c)| (*r, c)));
    for (row, cells) in cells {
        if let Some(col) = cells.iter().position(|c| bad(c)) {
            return Err(AppError::Validation {
                fields: vec![crate::error::FieldError::with_detail(
                    "path",
                    ErrorCode::ControlCharacter,
                    format!("{}{row}", column_name(col as u32)),
                )],
            });
        }
    }
    Ok(())
}

fn decode(bytes: &[u8]) -> String {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    match std::str::from_utf8(bytes) {
        Ok(s) => s.to_owned(),
        Err(_) => encoding_rs::GBK.decode(bytes).0.into_owned(),
    }
}

fn finish(mut all: Vec<Vec<String>>, header_row: u32) -> Table {
    if all.is_empty() {
        return Table::default();
    }
    let headers = all
        .remove(0)
        .into_iter()
        .map(|h| h.trim().to_owned())
        .collect();
    let rows = all
        .into_iter()
        .enumerate()
        .map(|(i, r)| (header_row + 1 + i as u32, r))
        .filter(|(_, r)| r.iter().any(|c| !c.trim().is_empty()))
        .collect();
    Table { headers, rows }
}

fn read_csv(path: &Path) -> AppResult<Table> {
    let bytes =
        std::fs::read(path).map_err(|e| AppError::io(format!("{}: {e}", path.display())))?;
    let text = decode(&bytes);
    let mut rdr = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    let mut all = vec![];
    for rec in rdr.records() {
        let rec = rec.map_err(|e| AppError::io(format!("{}: {e}", path.display())))?;
        all.push(rec.iter().map(|c| unguarded(c).to_owned()).collect());
    }
    Ok(finish(all, 1))
}

/// Whether a spreadsheet would take a cell beginning so for a formula.
fn formula_like(cell: &str) -> bool {
    cell.starts_with(['=', '+', '-', '@'])
}

/// A text cell as written to CSV: one a spreadsheet would run as a formula
/// gets a leading `'`, which Excel and WPS show as text.
fn guarded(cell: &str) -> String {
    if formula_like(cell) {
        format!("'{cell}")
    } else {
        cell.to_owned()
    }
}

/// A CSV cell as read: the `'` that `guarded` put before `=`, `+`, `-` or
/// `@` is taken off; any other `'` is part of the text.
fn unguarded(cell: &str) -> &str {
    match cell.strip_prefix('\'') {
        Some(rest) if formula_like(rest) => rest,
        _ => cell,
    }
}

/// The headers of a sheet that name none of `columns` (key, Chinese
/// header): an import ignores those columns and says which they were.
pub fn unknown_headers(headers: &[String], columns: &[(&str, &str)]) -> Vec<String> {
    headers
        .iter()
        .map(|h| h.trim().trim_start_matches('\u{feff}'))
        .filter(|h| !h.is_empty())
        .filter(|h| {
            !columns
                .iter()
                .any(|(k, zh)| k.eq_ignore_ascii_case(h) || zh == h)
        })
        .map(str::to_owned)
        .collect()
}

fn cell_text(d: &Data) -> String {
    match d {
        Data::Empty => String::new(),
        // Excel serial days since 1899-12-30; the sheets hold dates, not times.
        Data::DateTime(dt) => chrono::NaiveDate::from_ymd_opt(1899, 12, 30)
            .and_then(|base| base.checked_add_days(chrono::Days::new(dt.as_f64().floor() as u64)))
            .map(|d| d.to_string())
            .unwrap_or_else(|| d.to_string()),
        // A number as Excel shows it: 15 significant digits, so the float
        // noise of 1234.56 (stored as 1234.5600000000001) does not reach the
        // money parser as "too precise".
        Data::Float(f) => format!("{f:.14e}")
            .parse::<f64>()
            .map(|r| r.to_string())
            .unwrap_or_else(|_| f.to_string()),
        other => other.to_string(),
    }
}

/// The widest sheet read: far more columns than any DealerDesk sheet has. A
/// value beyond it is refused, naming its cell, before anything is allocated
/// for the columns up to it.
pub const MAX_COLUMNS: u32 = 256;

/// `A`, `B`, …, `Z`, `AA`, … for a 0-based column.
fn column_name(mut col: u32) -> String {
    let mut name = Vec::new();
    loop {
        name.push(b'A' + (col % 26) as u8);
        if col < 26 {
            break;
        }
        col = col / 26 - 1;
    }
    name.reverse();
    String::from_utf8(name).unwrap_or_default()
}

fn too_wide(row: u32, col: u32) -> AppError {
    AppError::Validation {
        fields: vec![crate::error::FieldError::with_detail(
            "path",
            ErrorCode::SheetTooWide,
            format!("{}{}", column_name(col), row + 1),
        )],
    }
}

fn read_xlsx(path: &Path) -> AppResult<Table> {
    let fail = |e: &dyn std::fmt::Display| AppError::io(format!("{}: {e}", path.display()));
    if extension(path) == "xls" {
        // The old format holds at most 65,536 × 256 cells: its range is bounded.
        let mut wb = open_workbook_auto(path).map_err(|e| fail(&e))?;
        let range = wb
            .worksheet_range_at(0)
            .ok_or_else(|| fail(&"no worksheet"))?
            .map_err(|e| fail(&e))?;
        let header_row = range.start().map(|(r, _)| r + 1).unwrap_or(1);
        let all = range
            .rows()
            .map(|r| r.iter().map(cell_text).collect())
            .collect();
        return Ok(finish(all, header_row));
    }
    // An XLSX is read cell by cell: calamine's range would allocate rows ×
    // columns of the used area, and one value in XFD1048576 asks for 549 GB.
    let mut wb: Xlsx<_> = open_workbook(path).map_err(|e: XlsxError| fail(&e))?;
    let first = wb
        .sheet_names()
        .first()
        .cloned()
        .ok_or_else(|| fail(&"no worksheet"))?;
    let mut cells = wb.worksheet_cells_reader(&first).map_err(|e| fail(&e))?;
    let mut rows: std::collections::BTreeMap<u32, Vec<(u32, String)>> = Default::default();
    let mut first_col = u32::MAX;
    while let Some(cell) = cells.next_cell().map_err(|e| fail(&e))? {
        let (row, col) = cell.get_position();
        let text = cell_text(&Data::from(cell.get_value().clone()));
        if text.is_empty() {
            continue;
        }
        if col >= MAX_COLUMNS {
            return Err(too_wide(row, col));
        }
        first_col = first_col.min(col);
        rows.entry(row).or_default().push((col, text));
    }
    if rows.is_empty() {
        return Ok(Table::default());
    }
    // Dense from the first used column to the last, rows in sheet order; rows
    // with no value are left out (their numbers stay the sheet's).
    let width = rows
        .values()
        .flat_map(|r| r.iter().map(|(c, _)| c + 1))
        .max()
        .unwrap_or(0)
        .saturating_sub(first_col) as usize;
    let dense = |cells: Vec<(u32, String)>| {
        let mut line = vec![String::new(); width];
        for (c, t) in cells {
            line[(c - first_col) as usize] = t;
        }
        line
    };
    let mut rows = rows.into_iter();
    let headers = rows
        .next()
        .map(|(_, h)| dense(h).into_iter().map(|h| h.trim().to_owned()).collect())
        .unwrap_or_default();
    let rows = rows.map(|(r, cells)| (r + 1, dense(cells))).collect();
    Ok(Table { headers, rows })
}

/// Writes a sheet as CSV (UTF-8 with BOM, so Excel shows Chinese) or XLSX, by
/// extension. In XLSX, `money_cols` become numbers formatted `#,##0.00` and
/// `int_cols` plain numbers, so the sheet can sum them.
pub fn write_table(
    path: &Path,
    headers: &[&str],
    rows: &[Vec<String>],
    money_cols: &[usize],
    int_cols: &[usize],
) -> AppResult<()> {
    match extension(path).as_str() {
        "csv" => write_csv(path, headers, rows, &[money_cols, int_cols].concat()),
        "xlsx" => write_xlsx(path, headers, rows, money_cols, int_cols),
        _ => Err(AppError::field("path", ErrorCode::FileType)),
    }
}

/// Text cells go through `guarded`; `number_cols` (amounts, days) are written
/// as the plain numbers they are, so `-1234.56` stays a number.
fn write_csv(
    path: &Path,
    headers: &[&str],
    rows: &[Vec<String>],
    number_cols: &[usize],
) -> AppResult<()> {
    let mut buf = b"\xEF\xBB\xBF".to_vec(); // so Excel opens UTF-8 Chinese correctly
    {
        let mut w = csv::Writer::from_writer(&mut buf);
        w.write_record(headers.iter().map(|h| guarded(h)))
            .map_err(AppError::io)?;
        for r in rows {
            w.write_record(r.iter().enumerate().map(|(i, c)| {
                if number_cols.contains(&i) {
                    c.clone()
                } else {
                    guarded(c)
                }
            }))
            .map_err(AppError::io)?;
        }
        w.flush()?;
    }
    std::fs::write(path, buf).map_err(|e| AppError::io(format!("{}: {e}", path.display())))
}

fn write_xlsx(
    path: &Path,
    headers: &[&str],
    rows: &[Vec<String>],
    money_cols: &[usize],
    int_cols: &[usize],
) -> AppResult<()> {
    use rust_xlsxwriter::{Format, Workbook};
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    let bold = Format::new().set_bold();
    let money = Format::new().set_num_format("#,##0.00");
    let x = |e: rust_xlsxwriter::XlsxError| AppError::io(e);
    for (c, h) in headers.iter().enumerate() {
        ws.write_string_with_format(0, c as u16, *h, &bold)
            .map_err(x)?;
    }
    for (r, row) in rows.iter().enumerate() {
        let r = r as u32 + 1;
        for (c, v) in row.iter().enumerate() {
            // Amounts are numbers so the sheet can sum them; the text has at most
            // two decimals, which a double shows exactly at Excel's 15 digits.
            match v.parse::<f64>() {
                Ok(n) if money_cols.contains(&c) => ws
                    .write_number_with_format(r, c as u16, n, &money)
                    .map_err(x)?,
                Ok(n) if int_cols.contains(&c) => ws.write_number(r, c as u16, n).map_err(x)?,
                _ => ws.write_string(r, c as u16, v).map_err(x)?,
            };
        }
    }
    ws.autofit();
    wb.save(path)
        .map_err(|e| AppError::io(format!("{}: {e}", path.display())))
}
