//! One cell of a spreadsheet, as the importer sees it.
//!
//! Why this exists: calamine and the csv crate each have their own idea of a value; the
//! importer needs one: text, a number, a date (a serial number in Excel), or a formula error,
//! with the same text for a header, a key or a field.

use calamine::Data;

/// A cell as the importer sees it.
#[derive(Debug, Clone, PartialEq)]
pub(super) enum Cell {
    Empty,
    Text(String),
    Number(f64),
    Bool(bool),
    /// A date as JJJJ-MM-DD.
    Date(String),
    /// A formula error such as `#N/A`.
    Invalid,
}

impl Cell {
    pub(super) fn is_empty(&self) -> bool {
        match self {
            Cell::Empty => true,
            Cell::Text(t) => t.trim().is_empty(),
            _ => false,
        }
    }

    /// The cell as text, for the header and for text fields.
    pub(super) fn text(&self) -> String {
        match self {
            Cell::Empty | Cell::Invalid => String::new(),
            Cell::Text(t) => t.trim().to_string(),
            Cell::Number(n) => number_text(*n),
            Cell::Bool(true) => "ja".to_string(),
            Cell::Bool(false) => "nee".to_string(),
            Cell::Date(d) => d.clone(),
        }
    }
}

pub(super) fn number_text(n: f64) -> String {
    if n.fract() == 0.0 && n.abs() < 1e15 {
        format!("{}", n as i64)
    } else {
        format!("{n}")
    }
}

/// "a, b; c" as [a, b, c].
pub(super) fn split_list(text: &str) -> Vec<String> {
    text.split([',', ';', '\n'])
        .map(|s| s.trim().to_string())
        .filter(|s| !s.is_empty())
        .collect()
}

/// An Excel date serial (days since 1899-12-30) as JJJJ-MM-DD.
pub(super) fn excel_date(serial: f64) -> Option<String> {
    if !(1.0..2_958_466.0).contains(&serial) {
        return None;
    }
    let date = jiff::civil::date(1899, 12, 30)
        .checked_add(jiff::Span::new().days(serial.floor() as i64))
        .ok()?;
    Some(date.to_string())
}

pub(super) fn cell_of(data: &Data) -> Cell {
    match data {
        Data::Empty => Cell::Empty,
        Data::String(s) => Cell::Text(s.clone()),
        Data::Int(i) => Cell::Number(*i as f64),
        Data::Float(f) => Cell::Number(*f),
        Data::Bool(b) => Cell::Bool(*b),
        Data::DateTime(d) => excel_date(d.as_f64()).map_or(Cell::Number(d.as_f64()), Cell::Date),
        Data::DateTimeIso(s) => Cell::Date(s.chars().take(10).collect()),
        Data::DurationIso(s) => Cell::Text(s.clone()),
        Data::Error(_) => Cell::Invalid,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn excel_dates() {
        assert_eq!(excel_date(46_327.0).as_deref(), Some("2026-11-01"));
    }
}
