//! Reading a CSV file into one sheet, with the line number of each row as an editor shows it.
//!
//! Why this exists: the csv crate gives each record the line where its reader stood, which is
//! before the end of the previous line in a file from Excel on Windows (CRLF) and before any
//! empty lines, so that problems were reported a line or more too early. The line is counted
//! here from the record's first byte instead, once through the file.

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
    let mut lines = Lines::new(text.as_bytes());
    let mut rows = Vec::new();
    for record in reader.records() {
        let record = record.map_err(|e| {
            let line = e.position().map_or(0, |p| lines.line_at(p.byte()));
            Error::input(format!(
                "{}:{line}: deze regel van het CSV-bestand is niet te lezen",
                path.display()
            ))
            .hint("Controleer de aanhalingstekens op die regel, en sla het bestand op als 'CSV UTF-8'.")
        })?;
        budget.rows(1, None)?;
        budget.cells(record.len(), None)?;
        let line = record.position().map_or(0, |p| lines.line_at(p.byte()));
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

/// Line numbers of positions in a text, asked for in increasing order: counted once.
struct Lines<'t> {
    text: &'t [u8],
    /// A position already counted, and the (1-based) line it is on.
    at: usize,
    line: usize,
}

impl<'t> Lines<'t> {
    fn new(text: &'t [u8]) -> Lines<'t> {
        Lines {
            text,
            at: 0,
            line: 1,
        }
    }

    /// The line of what starts at byte `pos`: line ends and empty lines there are passed
    /// first, since a record never starts with one.
    fn line_at(&mut self, pos: u64) -> usize {
        let mut pos = usize::try_from(pos)
            .unwrap_or(usize::MAX)
            .min(self.text.len());
        while pos < self.text.len() && matches!(self.text[pos], b'\r' | b'\n') {
            pos += 1;
        }
        if pos >= self.at {
            self.line += self.text[self.at..pos]
                .iter()
                .filter(|&&b| b == b'\n')
                .count();
            self.at = pos;
        }
        self.line
    }
}

#[cfg(test)]
mod tests {
    use super::Lines;

    #[test]
    fn lines_count_from_the_first_byte_of_a_record() {
        let text = b"a;b\r\nc;d\r\n\r\n\r\ne;f\r\n";
        let mut lines = Lines::new(text);
        assert_eq!(lines.line_at(0), 1);
        // The csv crate puts the next record at the '\n' of the line before.
        assert_eq!(lines.line_at(4), 2);
        assert_eq!(lines.line_at(9), 5);
    }
}
