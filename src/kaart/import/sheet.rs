//! Reading a workbook (.xlsx, .ods) or a CSV file into sheets of rows of cells.
//!
//! Why this exists: what a sheet means depends on its name (the map's own fields, a category,
//! or notes to ignore), and rows can start in any column; reading the file once into
//! [`Sheet`]s lets the rest of the importer forget which format it came from.

use std::io::Cursor;
use std::path::Path;

use calamine::{Data, Ods, Reader, Xlsx};

use crate::error::{read_text, Error, Result};

use super::cell::{cell_of, Cell};

/// One table: a sheet of a workbook, or the CSV file.
pub(super) struct Sheet {
    pub(super) name: String,
    /// (1-based row number, 0-based column of the first cell, cells).
    pub(super) rows: Vec<(usize, usize, Vec<Cell>)>,
}

#[derive(Debug, PartialEq, Eq)]
pub(super) enum SheetKind {
    Meta,
    Ignored,
    Category(String),
}

/// What a sheet holds, by its name: `kaart`, ignored (`uitleg`, `_…`), or a category (the
/// name lower-cased, spaces as dashes: "Veilig Thuis" is `veilig-thuis`).
pub(super) fn sheet_kind(name: &str) -> SheetKind {
    let n = name.trim().to_lowercase();
    if n == "kaart" {
        SheetKind::Meta
    } else if n.starts_with('_') || n == "uitleg" || n == "toelichting" || n.is_empty() {
        SheetKind::Ignored
    } else {
        SheetKind::Category(n.split_whitespace().collect::<Vec<_>>().join("-"))
    }
}

/// A header or key as a field name: lower case, no accents, 'e-mail' as 'email'.
pub(super) fn field_name(text: &str) -> String {
    let t: String = text
        .trim()
        .to_lowercase()
        .chars()
        .map(|c| match c {
            'ë' | 'é' | 'è' => 'e',
            'ï' => 'i',
            c => c,
        })
        .collect();
    match t.as_str() {
        "e-mail" | "e-mailadres" | "emailadres" => "email".to_string(),
        "telefoonnummer" => "telefoon".to_string(),
        _ => t,
    }
}

/// The sheets of `path` (.xlsx, .xlsm, .ods or .csv), and whether it is a CSV file.
pub(super) fn read_sheets(path: &Path) -> Result<(Vec<Sheet>, bool)> {
    let ext = path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_lowercase)
        .unwrap_or_default();
    match ext.as_str() {
        "csv" => Ok((vec![read_csv(path)?], true)),
        "xlsx" | "xlsm" | "ods" => Ok((read_workbook(path, &ext)?, false)),
        _ => Err(Error::input(format!(
            "'{}' kan niet worden geïmporteerd: de naam moet eindigen op .xlsx, .ods of .csv",
            path.display()
        ))),
    }
}

fn read_workbook(path: &Path, ext: &str) -> Result<Vec<Sheet>> {
    let bytes = std::fs::read(path).map_err(|e| Error::read("de spreadsheet", path, &e))?;
    let broken = || {
        Error::input(format!(
            "'{}' is geen leesbaar {}-bestand (beschadigd, beveiligd met een wachtwoord, of een ander formaat)",
            path.display(),
            if ext == "ods" { "OpenDocument (.ods)" } else { "Excel (.xlsx)" }
        ))
        .hint("Open het in uw spreadsheetprogramma en sla het opnieuw op als .xlsx of .ods, zonder wachtwoord.")
    };
    if ext == "ods" {
        let book: Ods<Cursor<Vec<u8>>> =
            calamine::open_workbook_from_rs(Cursor::new(bytes)).map_err(|_| broken())?;
        sheets_of(book).ok_or_else(broken)
    } else {
        let book: Xlsx<Cursor<Vec<u8>>> =
            calamine::open_workbook_from_rs(Cursor::new(bytes)).map_err(|_| broken())?;
        sheets_of(book).ok_or_else(broken)
    }
}

/// Every sheet of a workbook, in its order; `None` when one cannot be read.
fn sheets_of<R: Reader<Cursor<Vec<u8>>>>(mut book: R) -> Option<Vec<Sheet>> {
    let mut out = Vec::new();
    for name in book.sheet_names() {
        let range = book.worksheet_range(&name).ok()?;
        out.push(sheet_of(name, &range));
    }
    Some(out)
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

fn read_csv(path: &Path) -> Result<Sheet> {
    let text = read_text("het CSV-bestand", path)?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
    // Dutch spreadsheet programs write ';' between fields; others ','. The header tells.
    let first = text.lines().next().unwrap_or("");
    let delimiter = [b';', b',', b'\t']
        .into_iter()
        .max_by_key(|d| first.matches(*d as char).count())
        .unwrap_or(b',');
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    let mut rows = Vec::new();
    for record in reader.records() {
        let record = record.map_err(|e| {
            let line = e.position().map(|p| p.line()).unwrap_or(0);
            Error::input(format!(
                "{}:{line}: deze regel van het CSV-bestand is niet te lezen",
                path.display()
            ))
            .hint("Controleer de aanhalingstekens op die regel, en sla het bestand op als 'CSV UTF-8'.")
        })?;
        let line = record.position().map_or(0, |p| p.line() as usize);
        rows.push((
            line,
            0,
            record
                .iter()
                .map(|f| {
                    if f.trim().is_empty() {
                        Cell::Empty
                    } else {
                        Cell::Text(f.to_string())
                    }
                })
                .collect(),
        ));
    }
    Ok(Sheet {
        name: path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default(),
        rows,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sheet_names_are_categories() {
        assert_eq!(
            sheet_kind("Veilig Thuis"),
            SheetKind::Category("veilig-thuis".into())
        );
        assert_eq!(sheet_kind(" Kaart "), SheetKind::Meta);
        assert_eq!(sheet_kind("_notities"), SheetKind::Ignored);
        assert_eq!(sheet_kind("Uitleg"), SheetKind::Ignored);
    }
}
