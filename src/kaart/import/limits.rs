//! How much of a spreadsheet the importer is willing to read.
//!
//! Why this exists: a workbook is a compressed archive, and an archive of 1 MB can unpack to
//! hundreds of megabytes (a "zip bomb"); a few cells far apart make calamine fill the whole
//! rectangle between them; a million short rows are a million providers. Unchecked, such a
//! file took gigabytes of memory and printed millions of problems. The limits here are
//! almost four times a Sociale Kaart of the whole country (13,200 providers in 12 sheets:
//! 160,000 cells, 8.4 MB unpacked) and keep reading and checking a spreadsheet under 200 MB
//! of memory; a file beyond them is refused at once with a Dutch message.

use std::io::{Cursor, Read};
use std::path::Path;

use crate::error::{Error, Result};

/// The largest file read: .xlsx, .ods or .csv as it is on disk.
pub(super) const MAX_FILE_BYTES: u64 = 32 << 20;
/// The most a workbook may unpack to, all its parts together.
pub(super) const MAX_UNPACKED_BYTES: u64 = 32 << 20;
/// The most rows (with a filled cell) kept of a workbook or CSV file, all sheets together.
pub(super) const MAX_ROWS: usize = 50_000;
/// The most cells kept of a workbook or CSV file (empty cells between filled ones count).
pub(super) const MAX_CELLS: usize = 600_000;
/// The most problems listed; the rest are counted.
pub(super) const MAX_LISTED: usize = 50;

/// The hint of every refusal for size.
const TOO_BIG_HINT: &str = "Een Sociale Kaart van heel Nederland past hier ruim in; dit bestand is beschadigd of bevat veel meer dan de kaart. Open het in uw spreadsheetprogramma, haal weg wat niet bij de kaart hoort (andere bladen, afbeeldingen, cellen ver buiten de tabel) en sla het opnieuw op.";

fn too_big(path: &Path, why: String) -> Error {
    Error::input(format!(
        "'{}' is te groot om te importeren: {why}",
        path.display()
    ))
    .hint(TOO_BIG_HINT)
}

/// Megabytes, for messages.
fn mb(bytes: u64) -> u64 {
    bytes >> 20
}

/// Refuse a file larger than [`MAX_FILE_BYTES`] before reading it.
pub(super) fn check_file_size(path: &Path) -> Result<()> {
    let Ok(meta) = std::fs::metadata(path) else {
        return Ok(()); // reading it will say what is wrong
    };
    if meta.len() > MAX_FILE_BYTES {
        return Err(too_big(
            path,
            format!(
                "het is {} MB, en zorgpad leest hooguit {} MB",
                mb(meta.len()),
                mb(MAX_FILE_BYTES)
            ),
        ));
    }
    Ok(())
}

/// Refuse a workbook whose archive unpacks to more than [`MAX_UNPACKED_BYTES`]: first by the
/// sizes the archive states, then by unpacking it (without keeping anything), because those
/// sizes can lie. A file that is no archive at all is left to calamine to report.
pub(super) fn check_archive(path: &Path, bytes: &[u8]) -> Result<()> {
    let Ok(mut archive) = zip::ZipArchive::new(Cursor::new(bytes)) else {
        return Ok(());
    };
    let unpacked_too_big = || {
        too_big(
            path,
            format!(
                "uitgepakt is het meer dan {} MB (het bestand zelf is {} kB)",
                mb(MAX_UNPACKED_BYTES),
                bytes.len() >> 10
            ),
        )
    };
    let mut stated: u64 = 0;
    for i in 0..archive.len() {
        let Ok(part) = archive.by_index_raw(i) else {
            return Ok(());
        };
        stated = stated.saturating_add(part.size());
    }
    if stated > MAX_UNPACKED_BYTES {
        return Err(unpacked_too_big());
    }
    let mut left = MAX_UNPACKED_BYTES;
    for i in 0..archive.len() {
        let Ok(part) = archive.by_index(i) else {
            return Ok(());
        };
        let mut sink = std::io::sink();
        let Ok(n) = std::io::copy(&mut part.take(left + 1), &mut sink) else {
            return Ok(()); // a damaged part: calamine will say the file is unreadable
        };
        if n > left {
            return Err(unpacked_too_big());
        }
        left -= n;
    }
    Ok(())
}

/// Counts the rows and cells kept of a file, and refuses it beyond [`MAX_ROWS`] or
/// [`MAX_CELLS`].
pub(super) struct Budget<'p> {
    path: &'p Path,
    rows: usize,
    cells: usize,
}

impl<'p> Budget<'p> {
    pub(super) fn new(path: &'p Path) -> Budget<'p> {
        Budget {
            path,
            rows: MAX_ROWS,
            cells: MAX_CELLS,
        }
    }

    /// Take `n` cells of the sheet `sheet` (or of the CSV file when `None`).
    pub(super) fn cells(&mut self, n: usize, sheet: Option<&str>) -> Result<()> {
        take(&mut self.cells, n).ok_or_else(|| {
            self.refuse(
                sheet,
                MAX_CELLS,
                "cellen (lege cellen tussen gevulde tellen mee)",
            )
        })
    }

    /// Take `n` rows of the sheet `sheet` (or of the CSV file when `None`).
    pub(super) fn rows(&mut self, n: usize, sheet: Option<&str>) -> Result<()> {
        take(&mut self.rows, n).ok_or_else(|| self.refuse(sheet, MAX_ROWS, "rijen"))
    }

    fn refuse(&self, sheet: Option<&str>, max: usize, what: &str) -> Error {
        let whose = match sheet {
            Some(name) => format!("met het blad '{name}' erbij zijn het"),
            None => "het zijn".to_string(),
        };
        too_big(
            self.path,
            format!("{whose} meer dan {} {what}", thousands(max)),
        )
    }
}

fn take(left: &mut usize, n: usize) -> Option<()> {
    *left = left.checked_sub(n)?;
    Some(())
}

/// 1000000 as "1.000.000".
pub(super) fn thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push('.');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn thousands_are_separated_with_dots() {
        assert_eq!(thousands(0), "0");
        assert_eq!(thousands(999), "999");
        assert_eq!(thousands(1000), "1.000");
        assert_eq!(thousands(1_000_000), "1.000.000");
    }

    #[test]
    fn the_budget_refuses_one_cell_or_row_too_many() {
        let mut budget = Budget::new(Path::new("k.xlsx"));
        assert!(budget.cells(MAX_CELLS - 1, Some("ggz")).is_ok());
        assert!(budget.cells(1, Some("ggz")).is_ok());
        let e = budget.cells(1, Some("ggz")).unwrap_err();
        assert!(e.message.contains("het blad 'ggz'"), "{}", e.message);
        assert!(e.message.contains("600.000 cellen"), "{}", e.message);
        assert!(budget.rows(MAX_ROWS, None).is_ok());
        let e = budget.rows(1, None).unwrap_err();
        assert!(
            e.message.ends_with("het zijn meer dan 50.000 rijen"),
            "{}",
            e.message
        );
    }
}
