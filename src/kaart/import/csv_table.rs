//! Reading a CSV file into one sheet, within the limits of [`super::limits`].
//!
//! Why this exists: a CSV file is one table, read with the csv crate; it has its own format
//! questions (the separator, a byte-order mark) that the rest of the importer need not know.

use std::path::Path;

use crate::error::{read_text, Error, Result};

use super::cell::Cell;
use super::limits::{check_file_size, Budget};
use super::sheet::Sheet;

pub(super) fn read_csv(path: &Path) -> Result<Sheet> {
    check_file_size(path)?;
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
    let mut budget = Budget::new(path);
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
        budget.rows(1, None)?;
        budget.cells(record.len(), None)?;
        let line = record.position().map_or(0, |p| p.line() as usize);
        let cells = record
            .iter()
            .map(|f| {
                if f.trim().is_empty() {
                    Cell::Empty
                } else {
                    Cell::Text(f.to_string())
                }
            })
            .collect();
        rows.push((line, 0, cells));
    }
    Ok(Sheet {
        name: path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default(),
        rows,
    })
}
