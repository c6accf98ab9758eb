//! The map's own fields (`kaart:`) from the sheet `kaart`.
//!
//! Why this exists: a workbook carries the map's name, version and gemeenten in a sheet of
//! its own, as rows `veld | waarde`; the command line can give them too (and wins). Each value
//! keeps its place so that a problem with it names the cell.

use std::collections::HashMap;

use crate::kaart::{self, RawMeta};

use super::cell::{excel_date, number_text, split_list, Cell};
use super::problems::{Place, Problems};
use super::sheet::{field_name, Sheet};

pub(super) fn read_meta(
    sheet: &Sheet,
    meta: &mut RawMeta,
    places: &mut HashMap<&'static str, Place>,
    problems: &mut Problems,
) {
    for (row, first, cells) in &sheet.rows {
        let key_cell = cells.first().cloned().unwrap_or(Cell::Empty);
        if key_cell.is_empty() {
            continue;
        }
        let key = field_name(&key_cell.text());
        if key == "veld" {
            continue; // the header row of the template
        }
        let value = cells.get(1).cloned().unwrap_or(Cell::Empty);
        let Some(field) = kaart::META_FIELDS.iter().find(|f| **f == key).copied() else {
            problems.error(
                &Place {
                    sheet: Some(sheet.name.clone()),
                    row: *row,
                    column: None,
                },
                format!("onbekend veld '{}' in het blad 'kaart'", key_cell.text()),
                crate::suggest::suggest(
                    &key,
                    &kaart::META_FIELDS.map(str::to_string),
                    &format!(
                        "gebruik in kolom A een van: {}",
                        kaart::META_FIELDS.join(", ")
                    ),
                ),
            );
            continue;
        };
        let place = Place {
            sheet: Some(sheet.name.clone()),
            row: *row,
            column: Some((first + 1, field)),
        };
        if value.is_empty() {
            continue;
        }
        let text = match (&value, field) {
            (Cell::Number(n), "bijgewerkt") => excel_date(*n).unwrap_or_else(|| number_text(*n)),
            _ => value.text(),
        };
        match field {
            "naam" => meta.naam = Some(text),
            "vsv" => meta.vsv = Some(text),
            "regio" => meta.regio = Some(text),
            "versie" => meta.versie = Some(text),
            "bijgewerkt" => meta.bijgewerkt = Some(text),
            _ => meta.gemeenten = Some(split_list(&text)),
        }
        places.insert(field, place);
    }
}
