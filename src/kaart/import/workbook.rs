//! Reading a workbook (.xlsx, .ods) into sheets, within the limits of [`super::limits`].
//!
//! Why this exists: calamine reads what a workbook says, however much that is; this decides
//! how to let it. The archive is measured before calamine opens it; an .xlsx sheet is read
//! cell by cell (calamine's `worksheet_range` would fill the whole rectangle between two
//! cells far apart, billions of cells for two); an .ods file is counted before calamine,
//! which reads all of it on opening, expands its repeated cells and rows.

use std::io::Cursor;
use std::path::Path;

use calamine::{Data, DataRef, Ods, Reader, Xlsx, XlsxError};

use crate::error::{Error, Result};

use super::cell::{cell_of, Cell};
use super::limits::{check_archive, check_file_size, Budget, MAX_CELLS, MAX_UNPACKED_BYTES};
use super::ods_size::ods_size;
use super::sheet::Sheet;

/// The sheets of the workbook in `path`, in its order; `ext` is `xlsx`, `xlsm` or `ods`.
pub(super) fn read_workbook(path: &Path, ext: &str) -> Result<Vec<Sheet>> {
    check_file_size(path)?;
    let bytes = std::fs::read(path).map_err(|e| Error::read("de spreadsheet", path, &e))?;
    check_archive(path, &bytes)?;
    let broken = || {
        Error::input(format!(
            "'{}' is geen leesbaar {}-bestand (beschadigd, beveiligd met een wachtwoord, of een ander formaat)",
            path.display(),
            if ext == "ods" { "OpenDocument (.ods)" } else { "Excel (.xlsx)" }
        ))
        .hint("Open het in uw spreadsheetprogramma en sla het opnieuw op als .xlsx of .ods, zonder wachtwoord.")
    };
    if ext == "ods" {
        read_ods(path, bytes, &broken)
    } else {
        read_xlsx(path, bytes, &broken)
    }
}

fn read_xlsx(path: &Path, bytes: Vec<u8>, broken: &dyn Fn() -> Error) -> Result<Vec<Sheet>> {
    let mut book: Xlsx<Cursor<Vec<u8>>> =
        calamine::open_workbook_from_rs(Cursor::new(bytes)).map_err(|_| broken())?;
    let mut budget = Budget::new(path);
    let mut out = Vec::new();
    for name in book.sheet_names() {
        let cells = filled_cells(&mut book, &name, &mut budget, broken)?;
        out.push(sparse_sheet(name, cells, &mut budget)?);
    }
    Ok(out)
}

/// The filled cells of an .xlsx sheet as (row, column, cell), read one by one.
fn filled_cells(
    book: &mut Xlsx<Cursor<Vec<u8>>>,
    name: &str,
    budget: &mut Budget,
    broken: &dyn Fn() -> Error,
) -> Result<Vec<(u32, u32, Cell)>> {
    let mut reader = match book.worksheet_cells_reader(name) {
        Ok(reader) => reader,
        // A chart sheet holds no cells (calamine's worksheet_range says the same).
        Err(XlsxError::NotAWorksheet(_)) => return Ok(Vec::new()),
        Err(_) => return Err(broken()),
    };
    let mut cells = Vec::new();
    while let Some(cell) = reader.next_cell().map_err(|_| broken())? {
        if matches!(cell.get_value(), DataRef::Empty) {
            continue;
        }
        budget.cells(1, Some(name))?;
        let (row, column) = cell.get_position();
        cells.push((row, column, cell_of(&Data::from(cell.get_value().clone()))));
    }
    Ok(cells)
}

/// A sheet of filled cells: each row that has one, from the sheet's leftmost filled column to
/// the row's own last one, as [`sheet_of`] makes of a range (leaving out its empty rows).
fn sparse_sheet(
    name: String,
    mut cells: Vec<(u32, u32, Cell)>,
    budget: &mut Budget,
) -> Result<Sheet> {
    cells.sort_by_key(|(row, column, _)| (*row, *column));
    let left = cells.iter().map(|(_, c, _)| *c).min().unwrap_or(0);
    let mut rows = Vec::new();
    let mut cells = cells.into_iter().peekable();
    while let Some((row, column, cell)) = cells.next() {
        let mut line = vec![(column, cell)];
        while let Some((_, column, cell)) = cells.next_if(|(r, _, _)| *r == row) {
            line.push((column, cell));
        }
        let width = line.last().map_or(0, |(c, _)| (c - left) as usize) + 1;
        budget.rows(1, Some(&name))?;
        budget.cells(width - line.len(), Some(&name))?;
        let mut dense = vec![Cell::Empty; width];
        for (column, cell) in line {
            // Of two cells at one place the last wins, as in calamine's range.
            dense[(column - left) as usize] = cell;
        }
        rows.push((row as usize + 1, left as usize, dense));
    }
    Ok(Sheet { name, rows })
}

fn read_ods(path: &Path, bytes: Vec<u8>, broken: &dyn Fn() -> Error) -> Result<Vec<Sheet>> {
    // calamine reads every sheet of an .ods file when it opens it: count first.
    if let Some(size) = ods_size(&bytes, MAX_CELLS) {
        Budget::new(path).cells(size.cells, None)?;
        if size.spaces as u64 > MAX_UNPACKED_BYTES {
            return Err(Error::input(format!(
                "'{}' is te groot om te importeren: uitgepakt is het meer dan {} MB",
                path.display(),
                MAX_UNPACKED_BYTES >> 20
            ))
            .hint("Open het in uw spreadsheetprogramma, haal weg wat niet bij de kaart hoort en sla het opnieuw op."));
        }
    }
    let mut book: Ods<Cursor<Vec<u8>>> =
        calamine::open_workbook_from_rs(Cursor::new(bytes)).map_err(|_| broken())?;
    let mut budget = Budget::new(path);
    let mut out = Vec::new();
    for name in book.sheet_names() {
        let range = book.worksheet_range(&name).map_err(|_| broken())?;
        let (rows, columns) = range.get_size();
        budget.rows(rows, Some(&name))?;
        budget.cells(rows.saturating_mul(columns), Some(&name))?;
        out.push(sheet_of(name, &range));
    }
    Ok(out)
}

fn sheet_of(name: String, range: &calamine::Range<Data>) -> Sheet {
    let (top, left) = range.start().unwrap_or((0, 0));
    let rows = range
        .rows()
        .enumerate()
        .map(|(i, row)| {
            (
                top as usize + i + 1,
                left as usize,
                row.iter().map(cell_of).collect(),
            )
        })
        .collect();
    Sheet { name, rows }
}
