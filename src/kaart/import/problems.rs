//! The problems found while importing, each with its sheet, row and column.
//!
//! Why this exists: an import either writes a map or writes nothing and names every problem
//! at once, in the order of the workbook, so that one round of corrections is enough.
//! Warnings do not stop the import; they are printed with the result.
//!
//! A sheet can hold a million bad cells; a person reads a few dozen. Only the first
//! [`MAX_LISTED`] errors (in the order of the workbook) and warnings are kept and listed, the
//! rest counted ("… en nog 12 meldingen"), so that memory and output stay small.

use std::collections::BinaryHeap;
use std::rc::Rc;

use crate::error::{Error, Result};
use crate::finding::{count, Severity};

use super::limits::MAX_LISTED;
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

/// Where an error stands in the workbook (sheet, row, column), and how many came before it.
type Key = ((usize, usize, usize), usize);

/// Collects problems while reading; errors are reported in the order of the workbook.
pub(super) struct Problems {
    file: String,
    /// The sheets in the workbook's order, for sorting.
    sheets: Vec<String>,
    /// The first errors in the order of the workbook, at most [`MAX_LISTED`]: the last of
    /// them on top, to make room for an earlier one.
    errors: BinaryHeap<(Key, String)>,
    /// All errors, also those not kept.
    error_count: usize,
    /// The first warnings, at most [`MAX_LISTED`].
    warnings: Vec<String>,
    warning_count: usize,
}

impl Problems {
    /// No problems yet in `file`, whose sheets are `sheets` (for the order of the errors).
    pub(super) fn new(file: String, sheets: &[Sheet]) -> Problems {
        Problems {
            file,
            sheets: sheets.iter().map(|s| s.name.clone()).collect(),
            errors: BinaryHeap::new(),
            error_count: 0,
            warnings: Vec::new(),
            warning_count: 0,
        }
    }

    pub(super) fn has_errors(&self) -> bool {
        self.error_count > 0
    }

    /// The warnings when there are no errors; else every error, in the order of the workbook,
    /// as one error that says nothing was written.
    pub(super) fn finish(self, csv: bool) -> Result<Vec<String>> {
        if self.error_count == 0 {
            let mut warnings = self.warnings;
            if self.warning_count > warnings.len() {
                let more = self.warning_count - warnings.len();
                warnings.push(format!(
                    "… en nog {}",
                    count(more, "waarschuwing", "waarschuwingen")
                ));
            }
            return Ok(warnings);
        }
        let n = self.error_count;
        let texts: Vec<String> = self
            .errors
            .into_sorted_vec()
            .into_iter()
            .map(|(_, t)| t)
            .collect();
        let mut hint = texts.join("\n");
        if n > texts.len() {
            hint.push_str(&format!(
                "\n… en nog {}",
                count(n - texts.len(), "melding", "meldingen")
            ));
        }
        hint.push_str(&format!(
            "\nVerbeter {} en importeer opnieuw; er is niets geschreven. De kolommen staan in sociale-kaart/README.md.",
            if csv { "het CSV-bestand" } else { "de spreadsheet" }
        ));
        Err(Error::input(format!(
            "'{}' kan niet worden geïmporteerd: {}",
            self.file,
            count(n, "fout", "fouten")
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
        let key = self.key(place);
        let head = |file: &str| format!("{file}: {}: ", place.describe());
        self.keep(key, head, problem.as_ref(), fix.as_ref());
    }

    /// An error of the file as a whole (reported before the others).
    pub(super) fn whole_file(&mut self, problem: impl AsRef<str>, fix: impl AsRef<str>) {
        let head = |file: &str| format!("{file}: ");
        self.keep((0, 0, 0), head, problem.as_ref(), fix.as_ref());
    }

    /// Count an error at `place`, and keep its text when it is among the first.
    fn keep(
        &mut self,
        place: (usize, usize, usize),
        head: impl FnOnce(&str) -> String,
        problem: &str,
        fix: &str,
    ) {
        let key = (place, self.error_count);
        self.error_count += 1;
        if self.errors.len() >= MAX_LISTED
            && self.errors.peek().is_some_and(|(last, _)| *last < key)
        {
            return;
        }
        let text = format!("{}{problem}\n    oplossing: {fix}", head(&self.file));
        self.errors.push((key, text));
        if self.errors.len() > MAX_LISTED {
            self.errors.pop();
        }
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
        self.warning_count += 1;
        if self.warnings.len() >= MAX_LISTED {
            return;
        }
        self.warnings.push(format!(
            "{}: waarschuwing: {}\n    oplossing: {}",
            self.file,
            problem.as_ref(),
            fix.as_ref()
        ));
    }

    fn warning(&mut self, place: &Place, problem: impl AsRef<str>, fix: impl AsRef<str>) {
        self.warning_count += 1;
        if self.warnings.len() >= MAX_LISTED {
            return;
        }
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
