//! Reading a workbook (.xlsx, .ods) or a CSV file into sheets of rows of cells.
//!
//! Why this exists: what a sheet means depends on its name (the map's own fields, a category,
//! or notes to ignore), and rows can start in any column; reading the file once into
//! [`Sheet`]s lets the rest of the importer forget which format it came from.

use std::path::Path;

use crate::error::{Error, Result};

use super::cell::Cell;
use super::csv_table::read_csv;
use super::workbook::read_workbook;

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
