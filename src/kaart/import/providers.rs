//! The providers of one sheet (or of the CSV file), row by row.
//!
//! Why this exists: the header row names the columns, which are the YAML field names; every
//! row below it is one provider. A cell that cannot be a value of its field (a phone number
//! stored as a number, a formula error) is reported at its place, and the same id on another
//! sheet is merged into one provider.

use std::collections::HashMap;

use crate::kaart::{RawProvider, PROVIDER_FIELDS};

use super::cell::{number_text, split_list, Cell};
use super::merge::merge;
use super::problems::{Place, Problems};
use super::sheet::{field_name, header_first, Sheet};

/// One provider being assembled, with where each field came from.
pub(super) struct Entry {
    pub(super) raw: RawProvider,
    pub(super) place: Place,
    /// Where each field's value came from.
    pub(super) fields: HashMap<&'static str, Place>,
    /// The columns of the sheet the entry came from.
    pub(super) columns: HashMap<&'static str, usize>,
    /// Fields whose cell was already reported.
    pub(super) bad: Vec<&'static str>,
}

/// Read the providers of one sheet (or the CSV). Returns whether it held any.
pub(super) fn read_providers(
    sheet: &Sheet,
    category: Option<String>,
    csv: bool,
    providers: &mut Vec<Entry>,
    by_id: &mut HashMap<String, usize>,
    problems: &mut Problems,
) -> bool {
    let sheet_name = (!csv).then(|| sheet.name.clone());
    let mut rows = sheet
        .rows
        .iter()
        .filter(|(_, _, c)| c.iter().any(|c| !c.is_empty()));
    let Some((header_row, first, header)) = rows.next() else {
        return false;
    };
    // The columns.
    let mut columns: Vec<Option<&'static str>> = Vec::new();
    let mut bad_header = false;
    for (j, cell) in header.iter().enumerate() {
        if cell.is_empty() {
            columns.push(None);
            continue;
        }
        let name = field_name(&cell.text());
        let name = if csv && name == "categorie" {
            "categorieen".to_string()
        } else {
            name
        };
        let place = Place {
            sheet: sheet_name.clone(),
            row: *header_row,
            column: None,
        };
        let place = Place {
            column: Some((first + j, "kopregel")),
            ..place
        };
        match PROVIDER_FIELDS.iter().find(|f| **f == name) {
            Some(f) if columns.contains(&Some(*f)) => {
                problems.error(
                    &place,
                    format!("de kolom '{f}' staat er twee keer"),
                    "houd één kolom per veld",
                );
                bad_header = true;
                columns.push(None);
            }
            Some(f) => columns.push(Some(*f)),
            None => {
                let allowed: Vec<String> = PROVIDER_FIELDS
                    .iter()
                    .map(|f| {
                        if csv && *f == "categorieen" {
                            "categorie".to_string()
                        } else {
                            f.to_string()
                        }
                    })
                    .collect();
                problems.error(
                    &place,
                    format!("onbekende kolom '{}'", cell.text()),
                    crate::suggest::suggest(
                        &name,
                        &allowed,
                        &format!("gebruik als kolomnamen: {}", allowed.join(", ")),
                    ),
                );
                bad_header = true;
                columns.push(None);
            }
        }
    }
    let head = Place {
        sheet: sheet_name.clone(),
        row: *header_row,
        column: None,
    };
    let mut required = vec!["id", "naam"];
    if csv {
        required.push("categorieen");
    }
    for field in required {
        if !columns.contains(&Some(field)) {
            let shown = if field == "categorieen" {
                "categorie"
            } else {
                field
            };
            problems.error(
                &head,
                format!("de kolom '{shown}' ontbreekt in de kopregel"),
                format!("zet in de eerste rij een kolom '{shown}'; de kopregel noemt de velden (id, naam, {}gemeenten, domein, niveau, telefoon, email, website, adres, aanmelden, toelichting)", if csv { "categorie, " } else { "" }),
            );
            bad_header = true;
        }
    }
    if bad_header {
        return false;
    }
    let positions: HashMap<&'static str, usize> = columns
        .iter()
        .enumerate()
        .filter_map(|(j, f)| f.map(|f| (f, first + j)))
        .collect();

    let mut any = false;
    for (row, first, cells) in rows {
        any = true;
        let row_place = Place {
            sheet: sheet_name.clone(),
            row: *row,
            column: None,
        };
        let mut raw = RawProvider::default();
        let mut fields: HashMap<&'static str, Place> = HashMap::new();
        let mut bad: Vec<&'static str> = Vec::new();
        let mut categories: Vec<String> = category.iter().cloned().collect();
        // A row may start further left or right than the header.
        let offset = *first as isize - header_first(sheet, *header_row) as isize;
        for (j, cell) in cells.iter().enumerate() {
            let col = j as isize + offset;
            let Some(Some(field)) =
                (col >= 0).then(|| columns.get(col as usize).copied().flatten())
            else {
                if !cell.is_empty()
                    && (col < 0 || col as usize >= columns.len() || columns[col as usize].is_none())
                {
                    problems.error(
                        &Place {
                            column: Some((first + j, "zonder kop")),
                            ..row_place.clone()
                        },
                        format!("de cel '{}' staat in een kolom zonder naam in de kopregel", cell.text()),
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
                ..row_place.clone()
            };
            if *cell == Cell::Invalid {
                problems.error(
                    &place,
                    "de cel bevat een formulefout (zoals #N/B of #WAARDE!)",
                    "vervang de formule door de waarde zelf",
                );
                bad.push(field);
                continue;
            }
            fields.insert(field, place.clone());
            match field {
                "niveau" => match cell {
                    Cell::Number(n) if n.fract() == 0.0 => raw.niveau = Some(*n as i64),
                    Cell::Text(t) if t.trim().parse::<i64>().is_ok() => {
                        raw.niveau = t.trim().parse().ok()
                    }
                    _ => {
                        problems.error(
                            &place,
                            format!("'{}' is geen niveau", cell.text()),
                            "gebruik een heel getal van 1 (lichte zorg) tot en met 5 (zware zorg)",
                        );
                        bad.push(field);
                    }
                },
                "telefoon" => match cell {
                    Cell::Number(n) => {
                        problems.error(
                            &place,
                            format!("het telefoonnummer staat als getal in de cel ({}); de 0 vooraan is dan verloren", number_text(*n)),
                            "maak de kolom 'telefoon' van het type tekst en typ het nummer opnieuw, met streepje (bijvoorbeeld 010-1234567)",
                        );
                        // It is there, though malformed: no second error for "no contact".
                        raw.telefoon = Some(number_text(*n));
                        bad.push(field);
                    }
                    _ => raw.telefoon = Some(cell.text()),
                },
                "categorieen" => {
                    for c in split_list(&cell.text()) {
                        let c = c.to_lowercase();
                        if !categories.contains(&c) {
                            categories.push(c);
                        }
                    }
                }
                "gemeenten" => raw.gemeenten = Some(split_list(&cell.text())),
                "id" => raw.id = Some(cell.text()),
                "naam" => raw.naam = Some(cell.text()),
                "domein" => raw.domein = Some(cell.text()),
                "email" => raw.email = Some(cell.text()),
                "website" => raw.website = Some(cell.text()),
                "adres" => raw.adres = Some(cell.text()),
                "aanmelden" => raw.aanmelden = Some(cell.text()),
                _ => raw.toelichting = Some(cell.text()),
            }
        }
        if !categories.is_empty() {
            raw.categorieen = Some(categories);
        }
        let Some(id) = raw.id.clone() else {
            problems.error(
                &row_place,
                format!(
                    "deze rij heeft geen id{}",
                    raw.naam.as_deref().map(|n| format!(" ('{n}')")).unwrap_or_default()
                ),
                "geef elke aanbieder een eigen, korte id in de kolom 'id', bijvoorbeeld wijkteam-voorbeeldstad; dezelfde aanbieder op een ander blad krijgt dezelfde id",
            );
            continue;
        };
        match by_id.get(&id) {
            None => {
                by_id.insert(id, providers.len());
                providers.push(Entry {
                    raw,
                    place: row_place,
                    fields,
                    columns: positions.clone(),
                    bad,
                });
            }
            Some(&i) => {
                providers[i].bad.extend(bad);
                merge(&mut providers[i], raw, row_place, fields, csv, problems)
            }
        }
    }
    any
}
