//! The providers of one sheet (or of the CSV file), row by row.
//!
//! Why this exists: the header row names the columns, which are the YAML field names; every
//! row below it is one provider. A cell that cannot be a value of its field (a phone number
//! stored as a number, a formula error) is reported at its place, and the same id on another
//! sheet is merged into one provider.

use std::collections::HashMap;
use std::rc::Rc;

use crate::kaart::{self, RawMeta, RawProvider};

use super::cell::{number_text, split_list, Cell};
use super::header::Header;
use super::merge::merge;
use super::problems::{Place, Problems};
use super::sheet::{sheet_kind, Sheet, SheetKind};

/// One provider being assembled, with where each field came from.
pub(super) struct Entry {
    pub(super) raw: RawProvider,
    pub(super) place: Place,
    /// Where each field's value came from.
    pub(super) fields: Fields,
    /// The columns of the sheet the entry came from (shared by its rows).
    pub(super) columns: Rc<HashMap<&'static str, usize>>,
    /// Fields whose cell was already reported.
    pub(super) bad: Vec<&'static str>,
}

/// Where each field of a provider came from: a dozen at most, so a list (a map per provider
/// took most of the memory of a large import).
#[derive(Default)]
pub(super) struct Fields(Vec<(&'static str, Place)>);

impl Fields {
    pub(super) fn get(&self, field: &str) -> Option<&Place> {
        self.0.iter().find(|(f, _)| *f == field).map(|(_, p)| p)
    }

    pub(super) fn insert(&mut self, field: &'static str, place: Place) {
        match self.0.iter_mut().find(|(f, _)| *f == field) {
            Some((_, p)) => *p = place,
            None => self.0.push((field, place)),
        }
    }
}

/// The providers of every category sheet (or of the CSV file), one entry per id, and the
/// number of sheets that held any.
pub(super) fn read_providers(
    sheets: &[Sheet],
    csv: bool,
    problems: &mut Problems,
) -> (Vec<Entry>, usize) {
    let mut providers: Vec<Entry> = Vec::new();
    let mut by_id: HashMap<String, usize> = HashMap::new();
    let mut used_sheets = 0;
    for sheet in sheets {
        let category = match sheet_kind(&sheet.name) {
            SheetKind::Meta | SheetKind::Ignored => continue,
            SheetKind::Category(c) => (!csv).then_some(c),
        };
        if read_sheet(sheet, category, csv, &mut providers, &mut by_id, problems) {
            used_sheets += 1;
        }
    }
    (providers, used_sheets)
}

/// The rules of the map for every provider, each problem at the cell of its field (or, for a
/// field without a cell, at its column in the provider's row).
pub(super) fn check_providers(meta: &RawMeta, providers: &[Entry], problems: &mut Problems) {
    let gemeenten: Vec<String> = meta.gemeenten.clone().unwrap_or_default();
    let known = gemeenten.iter().map(String::as_str).collect();
    for e in providers {
        for p in kaart::check_provider(&e.raw, &known, &gemeenten) {
            // A cell already reported (a phone number stored as a number) is not reported
            // again as missing or malformed.
            if p.field.is_some_and(|f| e.bad.contains(&f)) {
                continue;
            }
            let place = match p.field {
                Some(field) => e.fields.get(field).cloned().unwrap_or_else(|| Place {
                    column: e.columns.get(field).map(|&c| (c, field)),
                    ..e.place.clone()
                }),
                None => e.place.clone(),
            };
            problems.add(p.severity, &place, &p.problem, &p.fix);
        }
    }
}

/// Read the providers of one sheet (or the CSV). Returns whether it held any.
fn read_sheet(
    sheet: &Sheet,
    category: Option<String>,
    csv: bool,
    providers: &mut Vec<Entry>,
    by_id: &mut HashMap<String, usize>,
    problems: &mut Problems,
) -> bool {
    let sheet_name: Option<Rc<str>> = (!csv).then(|| sheet.name.as_str().into());
    let mut rows = sheet
        .rows
        .iter()
        .filter(|(_, _, c)| c.iter().any(|c| !c.is_empty()));
    let Some((header_row, first, header)) = rows.next() else {
        return false;
    };
    let head = Place {
        sheet: sheet_name.clone(),
        row: *header_row,
        column: None,
    };
    let Some(header) = Header::read(head, *first, header, csv, problems) else {
        return false;
    };
    let columns = Rc::new(header.positions());
    let mut any = false;
    for (row, first, cells) in rows {
        any = true;
        let place = Place {
            sheet: sheet_name.clone(),
            row: *row,
            column: None,
        };
        let entry = read_row(&header, &columns, place, *first, cells, &category, problems);
        let Some(id) = entry.raw.id.clone() else {
            problems.error(
                &entry.place,
                format!(
                    "deze rij heeft geen id{}",
                    entry.raw.naam.as_deref().map(|n| format!(" ('{n}')")).unwrap_or_default()
                ),
                "geef elke aanbieder een eigen, korte id in de kolom 'id', bijvoorbeeld wijkteam-voorbeeldstad; dezelfde aanbieder op een ander blad krijgt dezelfde id",
            );
            continue;
        };
        match by_id.get(&id) {
            None => {
                by_id.insert(id, providers.len());
                providers.push(entry);
            }
            Some(&i) => merge(&mut providers[i], entry, csv, problems),
        }
    }
    any
}

/// One row as an entry: each cell under its column's field. `category` is the sheet's.
fn read_row(
    header: &Header,
    columns: &Rc<HashMap<&'static str, usize>>,
    place: Place,
    first: usize,
    cells: &[Cell],
    category: &Option<String>,
    problems: &mut Problems,
) -> Entry {
    let mut entry = Entry {
        raw: RawProvider::default(),
        place,
        fields: Fields::default(),
        columns: Rc::clone(columns),
        bad: Vec::new(),
    };
    let mut categories: Vec<String> = category.iter().cloned().collect();
    for (j, cell) in cells.iter().enumerate() {
        let Some(field) = header.field_at(first, j) else {
            if !cell.is_empty() {
                problems.error(
                    &Place {
                        column: Some((first + j, "zonder kop")),
                        ..entry.place.clone()
                    },
                    format!(
                        "de cel '{}' staat in een kolom zonder naam in de kopregel",
                        cell.text()
                    ),
                    "zet de waarde in de juiste kolom, of geef de kolom een naam in de kopregel",
                );
            }
            continue;
        };
        if cell.is_empty() {
            continue;
        }
        let place = Place {
            column: Some((first + j, field)),
            ..entry.place.clone()
        };
        if *cell == Cell::Invalid {
            problems.error(
                &place,
                "de cel bevat een formulefout (zoals #N/B of #WAARDE!)",
                "vervang de formule door de waarde zelf",
            );
            entry.bad.push(field);
            continue;
        }
        entry.fields.insert(field, place.clone());
        if field == "categorieen" {
            for c in split_list(&cell.text()) {
                let c = c.to_lowercase();
                if !categories.contains(&c) {
                    categories.push(c);
                }
            }
        } else if !set_field(&mut entry.raw, field, cell, &place, problems) {
            entry.bad.push(field);
        }
    }
    if !categories.is_empty() {
        entry.raw.categorieen = Some(categories);
    }
    entry
}

/// Put a cell's value in its field; `false` (reported) when the cell cannot be that value.
fn set_field(
    raw: &mut RawProvider,
    field: &'static str,
    cell: &Cell,
    place: &Place,
    problems: &mut Problems,
) -> bool {
    match field {
        "niveau" => match cell {
            Cell::Number(n) if n.fract() == 0.0 => raw.niveau = Some(*n as i64),
            Cell::Text(t) if t.trim().parse::<i64>().is_ok() => raw.niveau = t.trim().parse().ok(),
            _ => {
                problems.error(
                    place,
                    format!("'{}' is geen niveau", cell.text()),
                    "gebruik een heel getal van 1 (lichte zorg) tot en met 5 (zware zorg)",
                );
                return false;
            }
        },
        "telefoon" => match cell {
            Cell::Number(n) => {
                problems.error(
                    place,
                    format!("het telefoonnummer staat als getal in de cel ({}); de 0 vooraan is dan verloren", number_text(*n)),
                    "maak de kolom 'telefoon' van het type tekst en typ het nummer opnieuw, met streepje (bijvoorbeeld 010-1234567)",
                );
                // It is there, though malformed: no second error for "no contact".
                raw.telefoon = Some(number_text(*n));
                return false;
            }
            _ => raw.telefoon = Some(cell.text()),
        },
        "gemeenten" => raw.gemeenten = Some(split_list(&cell.text())),
        "id" => raw.id = Some(cell.text()),
        "naam" => raw.naam = Some(cell.text()),
        "domein" => raw.domein = Some(cell.text()),
        "email" => raw.email = Some(cell.text()),
        "website" => raw.website = Some(cell.text()),
        "adres" => raw.adres = Some(cell.text()),
        "aanmelden" => raw.aanmelden = Some(cell.text()),
        // A date cell reads as jjjj-mm-dd; text is checked by the map's rules.
        "gecontroleerd" => raw.gecontroleerd = Some(cell.text()),
        "beheerder" => raw.beheerder = Some(cell.text()),
        _ => raw.toelichting = Some(cell.text()),
    }
    true
}
