//! A sheet as rows of strings, read from CSV (UTF-8 or GBK, as Excel saves it
//! in China) or from the first worksheet of an XLSX file.
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

pub fn read_table(path: &Path) -> AppResult<Table> {
    match extension(path).as_str() {
        "csv" => read_csv(path),
        "xlsx" | "xlsm" | "xls" => read_xlsx(path),
        _ => Err(AppError::field("path", "file_type")),
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
