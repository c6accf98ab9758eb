//! The map's own fields (`kaart:`) from the sheet `kaart`.
//!
//! Why this exists: a workbook carries the map's name, version and gemeenten in a sheet of
//! its own, as rows `veld | waarde`; the command line can give them too (and wins). Each value
//! keeps its place so that a problem with it names the cell.

use std::collections::{HashMap, HashSet};

use crate::finding::Severity;
use crate::kaart::{self, RawMeta};

use super::cell::{excel_date, number_text, split_list, Cell};
use super::problems::{Place, Problems};
use super::providers::Entry;
use super::sheet::{field_name, sheet_kind, Sheet, SheetKind};

/// Where each of the map's own fields was given in the sheet `kaart` (absent when it came
/// from the command line, or was not given).
pub(super) type Places = HashMap<&'static str, Place>;

/// The map's own fields: the sheet `kaart`, then `overrides` (the command line) over it.
pub(super) fn read_meta(
    sheets: &[Sheet],
    overrides: &RawMeta,
    problems: &mut Problems,
) -> (RawMeta, Places) {
    let mut meta = RawMeta::default();
    let mut places = Places::new();
    if let Some(sheet) = sheets
        .iter()
        .find(|s| sheet_kind(&s.name) == SheetKind::Meta)
    {
        read_sheet(sheet, &mut meta, &mut places, problems);
    }
    for (field, given, value) in [
        ("naam", &overrides.naam, &mut meta.naam),
        ("vsv", &overrides.vsv, &mut meta.vsv),
        ("regio", &overrides.regio, &mut meta.regio),
        ("versie", &overrides.versie, &mut meta.versie),
        ("bijgewerkt", &overrides.bijgewerkt, &mut meta.bijgewerkt),
    ] {
        if given.is_some() {
            value.clone_from(given);
            places.remove(field);
        }
    }
    if overrides.gemeenten.is_some() {
        meta.gemeenten.clone_from(&overrides.gemeenten);
        places.remove("gemeenten");
    }
    (meta, places)
}

/// When no gemeenten are given, those of the providers, with a warning to check them.
pub(super) fn gemeenten_from_providers(
    meta: &mut RawMeta,
    providers: &[Entry],
    problems: &mut Problems,
) {
    if meta.gemeenten.as_ref().is_some_and(|g| !g.is_empty()) {
        return;
    }
    // In the order first met; the set keeps this linear for tens of thousands of providers.
    let mut found: Vec<String> = Vec::new();
    let mut seen: HashSet<&str> = HashSet::new();
    for e in providers {
        for g in e.raw.gemeenten.iter().flatten() {
            if seen.insert(g) {
                found.push(g.clone());
            }
        }
    }
    if !found.is_empty() {
        problems.file_warning(
            format!(
                "de gemeenten van de kaart zijn niet gegeven; overgenomen uit de aanbieders: {}",
                found.join(", ")
            ),
            "controleer de lijst, en geef haar met een rij 'gemeenten' in het blad 'kaart' of met --gemeenten",
        );
        meta.gemeenten = Some(found);
    }
}

/// The checks of the `kaart:` block, each problem at the cell of its value. A value that was
/// not given is reported at the sheet `kaart` (for CSV: the file), with a fix that says where
/// to give it.
pub(super) fn check_meta(meta: &RawMeta, places: &Places, csv: bool, problems: &mut Problems) {
    let meta_default = Place {
        sheet: (!csv).then(|| "kaart".into()),
        row: 1,
        column: None,
    };
    for p in kaart::check_meta(meta) {
        let place = p.field.and_then(|f| places.get(f)).cloned();
        let missing_fix = |field: &str| {
            if csv {
                format!("geef --{field} bij het importeren")
            } else {
                format!(
                    "zet in het blad 'kaart' een rij '{field}' met de waarde, of geef --{field}"
                )
            }
        };
        let fix = match p.field {
            Some(f @ ("naam" | "versie" | "gemeenten")) if place.is_none() => missing_fix(f),
            _ => p.fix.clone(),
        };
        match place {
            Some(place) => problems.add(p.severity, &place, &p.problem, &fix),
            None if csv => match p.severity {
                Severity::Error => problems.whole_file(&p.problem, &fix),
                Severity::Warning => problems.file_warning(&p.problem, &fix),
            },
            None => problems.add(p.severity, &meta_default, &p.problem, &fix),
        }
    }
}

/// The rows `veld | waarde` of the sheet `kaart`.
fn read_sheet(
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
                    sheet: Some(sheet.name.as_str().into()),
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
            sheet: Some(sheet.name.as_str().into()),
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
