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
/// part of a name, a number or a note, and neither is an invisible character
/// or one no document could print (`glyphs::refusal`): the file is refused,
/// naming the cell (and the character), before anything is stored.
fn refuse_control_characters(t: &Table) -> AppResult<()> {
    let control = |s: &str| {
        s.chars()
            .any(|c| c.is_control() && !matches!(c, '\t' | '\n' | '\r'))
    };
    let cells = std::iter::once((1u32, &t.headers)).chain(t.rows.iter().map(|(r, c)| (*r, c)));
    for (row, cells) in cells {
        for (col, cell) in cells.iter().enumerate() {
            let at = format!("{}{row}", column_name(col as u32));
            let refusal = if control(cell) {
                Some((ErrorCode::ControlCharacter, at))
            } else {
                crate::glyphs::refusal(cell).map(|(code, what)| (code, format!("{at} {what}")))
            };
            if let Some((code, detail)) = refusal {
                return Err(sheet_error(code, detail));
            }
        }
    }
    Ok(())
}

fn sheet_error(code: ErrorCode, detail: String) -> AppError {
    AppError::Validation {
        fields: vec![crate::error::FieldError::with_detail("path", code, detail)],
    }
}

/// UTF-8 (with or without its BOM), else GBK (GB 18030, as Excel saves CSV in
/// China), decided line by line: a line of non-ASCII text is UTF-8 when it
/// decodes so, else GBK. A file whose lines disagree, or with a line that is
/// neither, is refused naming the first such line: one stray byte or one
/// pasted cell never turns a file into mojibake or replacement characters.
fn decode(bytes: &[u8]) -> AppResult<String> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    if let Ok(s) = std::str::from_utf8(bytes) {
        return Ok(s.to_owned());
    }
    let gbk = |line: &[u8]| {
        encoding_rs::GB18030
            .decode_without_bom_handling_and_without_replacement(line)
            .map(|c| c.into_owned())
    };
    let mut file_is_utf8 = None;
    for (i, line) in bytes.split(|&b| b == b'\n').enumerate() {
        if line.is_ascii() {
            continue;
        }
        let utf8 = std::str::from_utf8(line).is_ok();
        if !utf8 && gbk(line).is_none() {
            return Err(sheet_error(ErrorCode::EncodingMixed, (i + 1).to_string()));
        }
        match file_is_utf8 {
            None => file_is_utf8 = Some(utf8),
            Some(u) if u != utf8 => {
                return Err(sheet_error(ErrorCode::EncodingMixed, (i + 1).to_string()))
            }
            Some(_) => {}
        }
    }
    // Not UTF-8 as a whole, every non-ASCII line GBK.
    gbk(bytes).ok_or_else(|| sheet_error(ErrorCode::EncodingMixed, "1".into()))
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
    let text = decode(&bytes)?;
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

/// A cell as text, or `Err` with the number as stored when it holds more
/// digits than Excel shows (15): such a number is refused, never rounded.
fn cell_text(d: &Data) -> Result<String, String> {
    Ok(match d {
        Data::Empty => String::new(),
        // Excel serial days since 1899-12-30; the sheets hold dates, not times.
        Data::DateTime(dt) => chrono::NaiveDate::from_ymd_opt(1899, 12, 30)
            .and_then(|base| base.checked_add_days(chrono::Days::new(dt.as_f64().floor() as u64)))
            .map(|d| d.to_string())
            .unwrap_or_else(|| d.to_string()),
        // A number as Excel shows it: 15 significant digits, so the float
        // noise of 1234.56 (stored as 1234.5600000000001) does not reach the
        // money parser as "too precise". Noise is a few units in the last
        // place; a number further from its 15 digits (1000000000000.004) has
        // digits of its own, and is refused.
        Data::Float(f) => {
            let shown = format!("{f:.14e}").parse::<f64>().unwrap_or(*f);
            if (shown - f).abs() > f.abs() * 8.0 * f64::EPSILON {
                return Err(f.to_string());
            }
            shown.to_string()
        }
        other => other.to_string(),
    })
}

fn not_exact(row: u32, col: u32, stored: String) -> AppError {
    sheet_error(
        ErrorCode::NumberNotExact,
        format!("{}{}: {stored}", column_name(col), row + 1),
    )
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

/// The most values one sheet may hold (a 500,000-row ledger of eight columns).
pub const MAX_CELLS: usize = 4_000_000;
/// The most any part of a workbook may unpack to, and all of them together.
pub const MAX_PART_BYTES: u64 = 512 << 20;
pub const MAX_UNPACKED_BYTES: u64 = 1 << 30;
/// The most the shared strings may unpack to: calamine reads them whole.
pub const MAX_SHARED_STRINGS_BYTES: u64 = 128 << 20;

/// Unpacks every part of the workbook into nothing, counting, and refuses
/// the file at the first bound passed (the sizes the zip declares are not
/// trusted: each part is read, and never past its bound).
fn check_unpacked_sizes(path: &Path, b: &Bounds) -> AppResult<()> {
    use std::io::Read;
    let fail = |e: &dyn std::fmt::Display| AppError::io(format!("{}: {e}", path.display()));
    let file = std::fs::File::open(path).map_err(|e| fail(&e))?;
    let mut zip = zip::ZipArchive::new(file).map_err(|e| fail(&e))?;
    let mut total = 0u64;
    for i in 0..zip.len() {
        let entry = zip.by_index(i).map_err(|e| fail(&e))?;
        let shared = entry.name().is_ok_and(|n| n.ends_with("sharedStrings.xml"));
        let bound = if shared { b.shared_strings } else { b.part };
        let size = std::io::copy(&mut entry.take(bound + 1), &mut std::io::sink())
            .map_err(|e| fail(&e))?;
        total += size;
        if size > bound || total > b.unpacked {
            let limit = if total > b.unpacked {
                b.unpacked
            } else {
                bound
            };
            return Err(sheet_error(
                ErrorCode::SheetTooLarge,
                format!("> {} MB unpacked", limit >> 20),
            ));
        }
    }
    Ok(())
}

/// The bounds an XLSX is read within.
#[derive(Debug, Clone, Copy)]
struct Bounds {
    cells: usize,
    part: u64,
    unpacked: u64,
    shared_strings: u64,
}

const BOUNDS: Bounds = Bounds {
    cells: MAX_CELLS,
    part: MAX_PART_BYTES,
    unpacked: MAX_UNPACKED_BYTES,
    shared_strings: MAX_SHARED_STRINGS_BYTES,
};

fn read_xlsx(path: &Path) -> AppResult<Table> {
    read_xlsx_within(path, &BOUNDS)
}

fn read_xlsx_within(path: &Path, bounds: &Bounds) -> AppResult<Table> {
    let fail = |e: &dyn std::fmt::Display| AppError::io(format!("{}: {e}", path.display()));
    if extension(path) == "xls" {
        // The old format holds at most 65,536 × 256 cells: its range is bounded.
        let mut wb = open_workbook_auto(path).map_err(|e| fail(&e))?;
        let range = wb
            .worksheet_range_at(0)
            .ok_or_else(|| fail(&"no worksheet"))?
            .map_err(|e| fail(&e))?;
        let (top, left) = range.start().unwrap_or((0, 0));
        let mut all = vec![];
        for (r, row) in range.rows().enumerate() {
            let mut cells = vec![];
            for (c, d) in row.iter().enumerate() {
                let (r, c) = (top + r as u32, left + c as u32);
                cells.push(cell_text(d).map_err(|stored| not_exact(r, c, stored))?);
            }
            all.push(cells);
        }
        return Ok(finish(all, top + 1));
    }
    // An XLSX is read cell by cell: calamine's range would allocate rows ×
    // columns of the used area, and one value in XFD1048576 asks for 549 GB.
    // What it unpacks is bounded first: a zip bomb stops at the bound.
    check_unpacked_sizes(path, bounds)?;
    let mut wb: Xlsx<_> = open_workbook(path).map_err(|e: XlsxError| fail(&e))?;
    let first = wb
        .sheet_names()
        .first()
        .cloned()
        .ok_or_else(|| fail(&"no worksheet"))?;
    let mut cells = wb.worksheet_cells_reader(&first).map_err(|e| fail(&e))?;
    let mut rows: std::collections::BTreeMap<u32, Vec<(u32, String)>> = Default::default();
    let mut first_col = u32::MAX;
    let mut kept = 0usize;
    while let Some(cell) = cells.next_cell().map_err(|e| fail(&e))? {
        let (row, col) = cell.get_position();
        let text = cell_text(&Data::from(cell.get_value().clone()))
            .map_err(|stored| not_exact(row, col, stored))?;
        // Blank and whitespace-only cells are no values (as in CSV, a row of
        // them is skipped).
        if text.trim().is_empty() {
            continue;
        }
        if col >= MAX_COLUMNS {
            return Err(too_wide(row, col));
        }
        kept += 1;
        if kept > bounds.cells {
            return Err(sheet_error(
                ErrorCode::SheetTooLarge,
                format!("> {} cells", bounds.cells),
            ));
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
    crate::outputs::check_file("path", path, &["csv", "xlsx"])?;
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

#[cfg(test)]
mod bounds_tests {
    use super::*;
    use std::io::Write;

    const SMALL: Bounds = Bounds {
        cells: 1_000,
        part: 1 << 20,
        unpacked: 3 << 20,
        shared_strings: 1 << 20,
    };

    fn code(e: &AppError) -> (ErrorCode, Option<String>) {
        match e {
            AppError::Validation { fields } => (fields[0].code, fields[0].detail.clone()),
            other => panic!("{other:?}"),
        }
    }

    fn sheet(path: &Path, rows: u32, cols: u16) {
        let mut wb = rust_xlsxwriter::Workbook::new();
        let ws = wb.add_worksheet();
        for r in 0..rows {
            for c in 0..cols {
                ws.write_string(r, c, format!("v{r}-{c}")).unwrap();
            }
        }
        wb.save(path).unwrap();
    }

    /// The same workbook with one part replaced by `bytes` (deflated).
    fn with_part(from: &Path, to: &Path, part: &str, bytes: &[u8]) {
        let mut src = zip::ZipArchive::new(std::fs::File::open(from).unwrap()).unwrap();
        let mut w = zip::ZipWriter::new(std::fs::File::create(to).unwrap());
        let opts = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Deflated)
            .large_file(true);
        for i in 0..src.len() {
            let mut e = src.by_index(i).unwrap();
            let name = e.name().unwrap().to_string();
            w.start_file(name.as_str(), opts).unwrap();
            if name == part {
                w.write_all(bytes).unwrap();
            } else {
                std::io::copy(&mut e, &mut w).unwrap();
            }
        }
        w.finish().unwrap();
    }

    #[test]
    fn more_cells_than_the_bound_are_refused_not_read() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("wide.xlsx");
        sheet(&path, 200, 6);
        let e = read_xlsx_within(&path, &SMALL).unwrap_err();
        assert_eq!(
            code(&e),
            (ErrorCode::SheetTooLarge, Some("> 1000 cells".into()))
        );
        let ok = read_xlsx_within(
            &path,
            &Bounds {
                cells: 1_200,
                ..SMALL
            },
        )
        .unwrap();
        assert_eq!(ok.rows.len(), 199);
    }

    #[test]
    fn a_part_that_unpacks_past_its_bound_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let plain = dir.path().join("plain.xlsx");
        sheet(&plain, 3, 2);
        // A worksheet padded with 4 MB of blanks: a few KB packed.
        let mut xml = Vec::new();
        let mut src = zip::ZipArchive::new(std::fs::File::open(&plain).unwrap()).unwrap();
        std::io::copy(
            &mut src.by_name("xl/worksheets/sheet1.xml").unwrap(),
            &mut xml,
        )
        .unwrap();
        let mut padded = xml.clone();
        let at = padded.len() - "</worksheet>".len();
        padded.splice(at..at, std::iter::repeat_n(b' ', 4 << 20));
        let bomb = dir.path().join("bomb.xlsx");
        with_part(&plain, &bomb, "xl/worksheets/sheet1.xml", &padded);
        assert!(std::fs::metadata(&bomb).unwrap().len() < 64 << 10);
        let e = read_xlsx_within(&bomb, &SMALL).unwrap_err();
        assert_eq!(
            code(&e),
            (ErrorCode::SheetTooLarge, Some("> 1 MB unpacked".into()))
        );
        // Within larger bounds the same file reads (the blanks are nothing).
        let t = read_xlsx_within(
            &bomb,
            &Bounds {
                part: 8 << 20,
                unpacked: 16 << 20,
                ..SMALL
            },
        )
        .unwrap();
        assert_eq!(t.rows.len(), 2);
    }

    #[test]
    fn whitespace_only_rows_are_skipped_as_in_csv() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("blank.xlsx");
        let mut wb = rust_xlsxwriter::Workbook::new();
        let ws = wb.add_worksheet();
        ws.write_string(0, 0, "code").unwrap();
        ws.write_string(1, 0, "D1").unwrap();
        ws.write_string(2, 0, "   ").unwrap();
        ws.write_string(2, 1, "\t").unwrap();
        ws.write_string(3, 0, "D2").unwrap();
        wb.save(&path).unwrap();
        let t = read_xlsx_within(&path, &SMALL).unwrap();
        let rows: Vec<u32> = t.rows.iter().map(|(r, _)| *r).collect();
        assert_eq!(rows, vec![2, 4]);
    }
}
