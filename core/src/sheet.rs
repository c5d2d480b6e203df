//! A sheet as rows of strings, read from CSV (UTF-8 or GBK, as Excel saves it
//! in China) or from the first worksheet of an XLSX file.
use crate::error::ErrorCode;
use std::path::Path;

use calamine::{open_workbook_auto, Data, Reader};

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
    match extension(path).as_str() {
        "csv" => read_csv(path),
        "xlsx" | "xlsm" | "xls" => read_xlsx(path),
        _ => Err(AppError::field("path", ErrorCode::FileType)),
    }
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
        all.push(rec.iter().map(str::to_owned).collect());
    }
    Ok(finish(all, 1))
}

fn cell_text(d: &Data) -> String {
    match d {
        Data::Empty => String::new(),
        // Excel serial days since 1899-12-30; the sheets hold dates, not times.
        Data::DateTime(dt) => chrono::NaiveDate::from_ymd_opt(1899, 12, 30)
            .and_then(|base| base.checked_add_days(chrono::Days::new(dt.as_f64().floor() as u64)))
            .map(|d| d.to_string())
            .unwrap_or_else(|| d.to_string()),
        other => other.to_string(),
    }
}

fn read_xlsx(path: &Path) -> AppResult<Table> {
    let mut wb =
        open_workbook_auto(path).map_err(|e| AppError::io(format!("{}: {e}", path.display())))?;
    let range = wb
        .worksheet_range_at(0)
        .ok_or_else(|| AppError::io(format!("{}: no worksheet", path.display())))?
        .map_err(|e| AppError::io(format!("{}: {e}", path.display())))?;
    let header_row = range.start().map(|(r, _)| r + 1).unwrap_or(1);
    let all = range
        .rows()
        .map(|r| r.iter().map(cell_text).collect())
        .collect();
    Ok(finish(all, header_row))
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
        "csv" => write_csv(path, headers, rows),
        "xlsx" => write_xlsx(path, headers, rows, money_cols, int_cols),
        _ => Err(AppError::field("path", ErrorCode::FileType)),
    }
}

fn write_csv(path: &Path, headers: &[&str], rows: &[Vec<String>]) -> AppResult<()> {
    let mut buf = b"\xEF\xBB\xBF".to_vec(); // so Excel opens UTF-8 Chinese correctly
    {
        let mut w = csv::Writer::from_writer(&mut buf);
        w.write_record(headers).map_err(AppError::io)?;
        for r in rows {
            w.write_record(r).map_err(AppError::io)?;
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
