//! The problems found while importing, each with its sheet, row and column.
//!
//! Why this exists: an import either writes a map or writes nothing and names every problem
//! at once, in the order of the workbook, so that one round of corrections is enough.
//! Warnings do not stop the import; they are printed with the result.

use std::rc::Rc;

use crate::error::{Error, Result};
use crate::finding::Severity;

use super::sheet::Sheet;

/// Where a value came from, for messages. (A provider keeps one for each of its fields, so
/// the sheet's name is shared, not copied.)
#[derive(Debug, Clone)]
pub(super) struct Place {
    pub(super) sheet: Option<Rc<str>>,
    pub(super) row: usize,
    pub(super) column: Option<(usize, &'static str)>,
}

impl Place {
    pub(super) fn describe(&self) -> String {
        let mut s = match &self.sheet {
            Some(sheet) => format!("blad '{sheet}', rij {}", self.row),
            None => format!("regel {}", self.row),
        };
        if let Some((col, field)) = self.column {
            s.push_str(&format!(", kolom {} ({field})", column_letter(col)));
        }
        s
    }
}

/// A, B, …, Z, AA, AB, …
fn column_letter(mut col: usize) -> String {
    let mut s = Vec::new();
    loop {
        s.push(b'A' + (col % 26) as u8);
        if col < 26 {
            break;
        }
        col = col / 26 - 1;
    }
    s.reverse();
    String::from_utf8(s).unwrap_or_default()
}

/// Collects problems while reading; errors are reported in the order of the workbook.
pub(super) struct Problems {
    file: String,
    /// The sheets in the workbook's order, for sorting.
    sheets: Vec<String>,
    errors: Vec<((usize, usize, usize), String)>,
    warnings: Vec<String>,
}

impl Problems {
    /// No problems yet in `file`, whose sheets are `sheets` (for the order of the errors).
    pub(super) fn new(file: String, sheets: &[Sheet]) -> Problems {
        Problems {
            file,
            sheets: sheets.iter().map(|s| s.name.clone()).collect(),
            errors: Vec::new(),
            warnings: Vec::new(),
        }
    }

    pub(super) fn has_errors(&self) -> bool {
        !self.errors.is_empty()
    }

    /// The warnings when there are no errors; else every error, in the order of the workbook,
    /// as one error that says nothing was written.
    pub(super) fn finish(self, csv: bool) -> Result<Vec<String>> {
        if self.errors.is_empty() {
            return Ok(self.warnings);
        }
        let n = self.errors.len();
        let mut errors = self.errors;
        errors.sort_by_key(|(key, _)| *key);
        let texts: Vec<String> = errors.into_iter().map(|(_, t)| t).collect();
        let mut hint = texts.join("\n");
        hint.push_str(&format!(
            "\nVerbeter {} en importeer opnieuw; er is niets geschreven. De kolommen staan in sociale-kaart/README.md.",
            if csv { "het CSV-bestand" } else { "de spreadsheet" }
        ));
        Err(Error::input(format!(
            "'{}' kan niet worden geïmporteerd: {}",
            self.file,
            crate::finding::count(n, "fout", "fouten")
        ))
        .hint(hint))
    }

    fn key(&self, place: &Place) -> (usize, usize, usize) {
        let sheet = place
            .sheet
            .as_ref()
            .and_then(|s| self.sheets.iter().position(|n| n.as_str() == &**s))
            .unwrap_or(0);
        (sheet, place.row, place.column.map_or(0, |(c, _)| c + 1))
    }

    pub(super) fn error(&mut self, place: &Place, problem: impl AsRef<str>, fix: impl AsRef<str>) {
        let text = format!(
            "{}: {}: {}\n    oplossing: {}",
            self.file,
            place.describe(),
            problem.as_ref(),
            fix.as_ref()
        );
        self.errors.push((self.key(place), text));
    }

    /// An error of the file as a whole (reported before the others).
    pub(super) fn whole_file(&mut self, problem: impl AsRef<str>, fix: impl AsRef<str>) {
        let text = format!(
            "{}: {}\n    oplossing: {}",
            self.file,
            problem.as_ref(),
            fix.as_ref()
        );
        self.errors.push(((0, 0, 0), text));
    }

    /// An error or a warning at `place`.
    pub(super) fn add(&mut self, severity: Severity, place: &Place, problem: &str, fix: &str) {
        match severity {
            Severity::Error => self.error(place, problem, fix),
            Severity::Warning => self.warning(place, problem, fix),
        }
    }

    /// A warning about the file as a whole.
    pub(super) fn file_warning(&mut self, problem: impl AsRef<str>, fix: impl AsRef<str>) {
        self.warnings.push(format!(
            "{}: waarschuwing: {}\n    oplossing: {}",
            self.file,
            problem.as_ref(),
            fix.as_ref()
        ));
    }

    fn warning(&mut self, place: &Place, problem: impl AsRef<str>, fix: impl AsRef<str>) {
        self.warnings.push(format!(
            "{}: {}: waarschuwing: {}\n    oplossing: {}",
            self.file,
            place.describe(),
            problem.as_ref(),
            fix.as_ref()
        ));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn column_letters() {
        assert_eq!(column_letter(0), "A");
        assert_eq!(column_letter(25), "Z");
        assert_eq!(column_letter(26), "AA");
        assert_eq!(column_letter(27), "AB");
        assert_eq!(column_letter(701), "ZZ");
        assert_eq!(column_letter(702), "AAA");
    }
}
