//! The CSV writer: the figures of a document's tables in long form, one line per figure
//! (tabel, rij, kolom, waarde), for a spreadsheet or another program. Only tables carry
//! figures; the text around them stays out.
//!
//! Written by hand rather than with the `csv` crate, for three things a spreadsheet needs:
//! - **Dutch Excel** ([`Dialect::Excel`], the default) splits on `;`, reads `14,0` as a
//!   number and recognises UTF-8 only with a BOM; [`Dialect::Plain`] is RFC 4180 (`,`, `14.0`,
//!   no BOM) for R, Python or a database.
//! - **No formulas** (OWASP, CSV injection): a cell that starts with `=`, `+`, `-`, `@`, a tab
//!   or a carriage return would be run as a formula (`=HYPERLINK(…)` in a gemeente's name), so
//!   it gets a `'` in front, which shows it as text; leading spaces do not hide the start. A
//!   cell that is a number (`-3`, `14,0`) stays a number.
//! - **One cell is one cell** whichever separator the reader assumes: a text with a `;`, a `,`,
//!   a quote or a line break is quoted, so that a file opened with the other separator cannot
//!   start a new cell in the middle of it. A number is quoted only when it holds the separator.
//!
//! Control characters are made visible first ([`crate::visible`]), as in every output: a tab
//! becomes a space and a carriage return `\u{d}`, so neither can start a cell.

use crate::report::document::{Block, Document};

/// One figure: the table (the heading above it), the row (its first cell), the column, the
/// value.
pub(crate) type Record = [String; 4];

/// How the CSV is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Dialect {
    /// For Excel with Dutch settings, which opens it directly: `;` between cells, a decimal
    /// comma, and a UTF-8 BOM.
    Excel,
    /// RFC 4180, for other programs: `,` between cells, a decimal point, no BOM.
    Plain,
}

impl Dialect {
    fn separator(self) -> char {
        match self {
            Dialect::Excel => ';',
            Dialect::Plain => ',',
        }
    }

    /// A number with one decimal, as this dialect writes it (`14,0` or `14.0`).
    pub(crate) fn one_decimal(self, x: f64) -> String {
        let text = format!("{x:.1}");
        match self {
            Dialect::Excel => text.replace('.', ","),
            Dialect::Plain => text,
        }
    }
}

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

/// Records as CSV in `dialect`, under the header `tabel`, `rij`, `kolom`, `waarde`.
pub(crate) fn write(records: &[Record], dialect: Dialect) -> String {
    let mut out = String::new();
    if dialect == Dialect::Excel {
        out.push('\u{feff}');
    }
    let header = ["tabel", "rij", "kolom", "waarde"].map(String::from);
    for record in std::iter::once(&header).chain(records) {
        let cells: Vec<String> = record.iter().map(|c| cell(c, dialect)).collect();
        out.push_str(&cells.join(&dialect.separator().to_string()));
        out.push('\n');
    }
    out
}

/// One cell: visible, never a formula, quoted when it holds a separator, a quote or a line.
fn cell(text: &str, dialect: Dialect) -> String {
    let text = crate::visible::text(text);
    let number = is_number(&text);
    let formula = text
        .trim_start()
        .starts_with(['=', '+', '-', '@', '\t', '\r']);
    let text = if formula && !number {
        format!("'{text}")
    } else {
        text.into_owned()
    };
    let split = if number {
        text.contains(dialect.separator())
    } else {
        text.contains([';', ',', '"', '\n', '\r'])
    };
    if split {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text
    }
}

/// A plain number: a sign, digits, perhaps a decimal point or comma and more digits.
fn is_number(text: &str) -> bool {
    let digits = text.strip_prefix(['-', '+']).unwrap_or(text);
    let mut parts = digits.splitn(2, ['.', ',']);
    let whole = parts.next().unwrap_or("");
    let all_digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    all_digits(whole) && parts.next().is_none_or(all_digits)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formulas_become_text_numbers_stay_numbers() {
        let cell = |t: &str| cell(t, Dialect::Excel);
        assert_eq!(
            cell("=HYPERLINK(\"http://x\",\"klik\")"),
            "\"'=HYPERLINK(\"\"http://x\"\",\"\"klik\"\")\""
        );
        assert_eq!(cell("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(cell("+31 10 000"), "'+31 10 000");
        assert_eq!(cell("-2+3"), "'-2+3");
        assert_eq!(cell("-"), "'-");
        assert_eq!(cell("  =1"), "'  =1");
        assert_eq!(cell("\t=1"), "' =1");
        assert_eq!(cell("\tx"), " x");
        assert_eq!(cell("\r=1"), "\\u{d}=1");
        assert_eq!(cell("-3"), "-3");
        assert_eq!(cell("-14,0"), "-14,0");
        assert_eq!(cell("+5.5"), "+5.5");
        assert_eq!(cell("<5"), "<5");
        assert_eq!(cell("Wijk = zorg"), "Wijk = zorg");
    }

    #[test]
    fn a_text_with_either_separator_is_quoted() {
        for dialect in [Dialect::Excel, Dialect::Plain] {
            assert_eq!(cell("a;b", dialect), "\"a;b\"");
            assert_eq!(cell("a,=b", dialect), "\"a,=b\"");
            assert_eq!(cell("regel\nregel", dialect), "\"regel\nregel\"");
            assert_eq!(cell("B8: Overgedragen", dialect), "B8: Overgedragen");
        }
        // A number only when it holds the separator.
        assert_eq!(cell("14,0", Dialect::Excel), "14,0");
        assert_eq!(cell("14,0", Dialect::Plain), "\"14,0\"");
    }

    #[test]
    fn dialects() {
        let records = [[
            "T".to_string(),
            "r".to_string(),
            "k".to_string(),
            Dialect::Excel.one_decimal(14.0),
        ]];
        assert_eq!(
            write(&records, Dialect::Excel),
            "\u{feff}tabel;rij;kolom;waarde\nT;r;k;14,0\n"
        );
        let records = [[
            "T".to_string(),
            "r".to_string(),
            "k".to_string(),
            Dialect::Plain.one_decimal(14.0),
        ]];
        assert_eq!(
            write(&records, Dialect::Plain),
            "tabel,rij,kolom,waarde\nT,r,k,14.0\n"
        );
    }
}
