//! How many cells calamine would make of an OpenDocument spreadsheet, before it makes them.
//!
//! Why this exists: an .ods file says "this cell, 16,384 times" and "this row, a million
//! times" in a few bytes, and calamine reads every sheet in full when the file is opened,
//! expanding those repeats up to 100 million cells (gigabytes). This reads the sheets'
//! XML once, keeping nothing but counts, so that such a file is refused before calamine
//! opens it. The count follows calamine's own reading (ods.rs): the cells of a row up to its
//! last filled one, and the rectangle from the first to the last filled row of each sheet.
//! It may count too many (every typed cell is taken as filled), never too few.

use std::io::{BufReader, Cursor};

use quick_xml::events::{BytesStart, Event};
use quick_xml::Reader;

/// calamine's limits for one sheet.
const MAX_COLUMNS: usize = 16_384;
const MAX_ROWS: usize = 1_048_576;

/// What reading an .ods file would make.
#[derive(Debug, Default, PartialEq, Eq)]
pub(super) struct OdsSize {
    /// Cells: those of each row as written, and those of each sheet's filled rectangle.
    pub(super) cells: usize,
    /// Spaces written as `<text:s text:c="n"/>`, which become n characters each.
    pub(super) spaces: usize,
}

/// One sheet being counted.
#[derive(Default)]
struct Table {
    /// Rows so far, repeats included.
    rows: usize,
    /// The first filled row, and the row after the last filled one.
    first: Option<usize>,
    end: usize,
    /// The widest filled row.
    width: usize,
}

/// The size of the workbook in `bytes` (an .ods archive), or `None` when its content cannot
/// be read (calamine will then say the file is unreadable). Stops counting past `limit` cells.
pub(super) fn ods_size(bytes: &[u8], limit: usize) -> Option<OdsSize> {
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes)).ok()?;
    let content = archive.by_name("content.xml").ok()?;
    let mut reader = Reader::from_reader(BufReader::new(content));
    reader.config_mut().expand_empty_elements = true;
    let mut buf = Vec::new();
    let mut size = OdsSize::default();
    let mut table = Table::default();
    // The current row: its repeats, the column after the last cell, and the filled width.
    let (mut repeats, mut column, mut width): (usize, usize, usize) = (1, 0, 0);
    while size.cells <= limit {
        match reader.read_event_into(&mut buf).ok()? {
            Event::Start(e) => match e.name().as_ref() {
                b"table:table" => table = Table::default(),
                b"table:table-row" => {
                    repeats = number(&e, b"table:number-rows-repeated");
                    (column, width) = (0, 0);
                }
                b"table:table-cell" | b"table:covered-table-cell" => {
                    column = column.saturating_add(number(&e, b"table:number-columns-repeated"));
                    if filled(&e) {
                        width = column.min(MAX_COLUMNS);
                    }
                }
                b"text:s" => size.spaces = size.spaces.saturating_add(number(&e, b"text:c")),
                _ => {}
            },
            Event::End(e) => match e.name().as_ref() {
                b"table:table-row" => {
                    size.cells = size.cells.saturating_add(width);
                    let repeats = repeats.min(MAX_ROWS.saturating_sub(table.rows));
                    if width > 0 {
                        table.first.get_or_insert(table.rows);
                        table.end = table.rows + repeats;
                        table.width = table.width.max(width);
                    }
                    table.rows += repeats;
                }
                b"table:table" => {
                    let rows = table.end - table.first.unwrap_or(table.end);
                    size.cells = size.cells.saturating_add(rows.saturating_mul(table.width));
                }
                _ => {}
            },
            Event::Eof => break,
            _ => {}
        }
        buf.clear();
    }
    Some(size)
}

/// A number attribute (a repeat count), 1 when absent or unreadable.
fn number(e: &BytesStart, name: &[u8]) -> usize {
    e.try_get_attribute(name)
        .ok()
        .flatten()
        .and_then(|a| std::str::from_utf8(&a.value).ok()?.trim().parse().ok())
        .unwrap_or(1)
}

/// Whether calamine would take the cell as filled: it has a value, a type or a formula.
fn filled(e: &BytesStart) -> bool {
    e.attributes().flatten().any(|a| {
        matches!(
            a.key.as_ref(),
            b"office:value-type"
                | b"office:value"
                | b"office:string-value"
                | b"office:date-value"
                | b"office:time-value"
                | b"office:boolean-value"
                | b"table:formula"
        )
    })
}
