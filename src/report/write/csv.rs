//! The CSV writer: the figures of a document's tables in long form, one line per figure
//! (tabel, rij, kolom, waarde), for a spreadsheet or another program. Only tables carry
//! figures; the text around them stays out.

use crate::error::{Error, Result};
use crate::report::document::{Block, Document};

/// One figure: the table (the heading above it), the row (its first cell), the column, the
/// value.
pub(crate) type Record = [String; 4];

/// Every figure in the document's tables, in order.
pub(crate) fn records(doc: &Document) -> Vec<Record> {
    let mut out = Vec::new();
    let mut title = String::new();
    for block in &doc.blocks {
        match block {
            Block::Heading { text, .. } => title.clone_from(text),
            Block::Table(t) => {
                for row in &t.rows {
                    let Some(first) = row.first() else {
                        continue;
                    };
                    for (column, cell) in t.columns.iter().zip(row).skip(1) {
                        out.push([
                            title.clone(),
                            first.text.clone(),
                            column.title.clone(),
                            cell.text.clone(),
                        ]);
                    }
                }
            }
            _ => {}
        }
    }
    out
}

/// Records as CSV, under the header `tabel,rij,kolom,waarde`.
pub(crate) fn write(records: &[Record]) -> Result<String> {
    let fail =
        |e: &dyn std::fmt::Display| Error::input(format!("de CSV kon niet worden gemaakt: {e}"));
    let mut w = ::csv::Writer::from_writer(Vec::new());
    w.write_record(["tabel", "rij", "kolom", "waarde"])
        .map_err(|e| fail(&e))?;
    for r in records {
        w.write_record(r).map_err(|e| fail(&e))?;
    }
    let bytes = w.into_inner().map_err(|e| fail(&e))?;
    String::from_utf8(bytes).map_err(|e| fail(&e))
}
