//! The header row of a sheet: which field each column holds.
//!
//! Why this exists: the columns are named by people, in any order, with accents or as
//! 'e-mail'; an unknown, doubled or missing column is reported at once (and the sheet's rows
//! are not read), and a row that starts in another column than the header still lines up.

use std::collections::HashMap;

use crate::kaart::PROVIDER_FIELDS;

use super::cell::Cell;
use super::problems::{Place, Problems};
use super::sheet::field_name;

/// The columns of a sheet, as its header row names them.
pub(super) struct Header {
    /// The 0-based column of the header row's first cell.
    first: usize,
    /// The field of each column from `first` on; `None` for a column without a usable name.
    fields: Vec<Option<&'static str>>,
}

impl Header {
    /// The header row at `head`, starting at column `first`; `None` (with the problems
    /// reported) when a column is unknown or doubled, or a required one is missing.
    pub(super) fn read(
        head: Place,
        first: usize,
        cells: &[Cell],
        csv: bool,
        problems: &mut Problems,
    ) -> Option<Header> {
        let mut fields: Vec<Option<&'static str>> = Vec::new();
        let mut bad = false;
        for (j, cell) in cells.iter().enumerate() {
            if cell.is_empty() {
                fields.push(None);
                continue;
            }
            let place = Place {
                column: Some((first + j, "kopregel")),
                ..head.clone()
            };
            let mut field = column_field(cell, &place, csv, problems);
            if let Some(f) = field.filter(|f| fields.contains(&Some(*f))) {
                problems.error(
                    &place,
                    format!("de kolom '{f}' staat er twee keer"),
                    "houd één kolom per veld",
                );
                field = None;
            }
            bad |= field.is_none();
            fields.push(field);
        }
        let mut required = vec!["id", "naam"];
        if csv {
            required.push("categorieen");
        }
        for field in required {
            if !fields.contains(&Some(field)) {
                let shown = if field == "categorieen" {
                    "categorie"
                } else {
                    field
                };
                problems.error(
                    &head,
                    format!("de kolom '{shown}' ontbreekt in de kopregel"),
                    format!("zet in de eerste rij een kolom '{shown}'; de kopregel noemt de velden (id, naam, {}gemeenten, domein, niveau, telefoon, email, website, adres, aanmelden, toelichting, gecontroleerd, beheerder)", if csv { "categorie, " } else { "" }),
                );
                bad = true;
            }
        }
        (!bad).then_some(Header { first, fields })
    }

    /// The field of the cell `j` of a row whose first cell is in the 0-based column `first`
    /// (a row may start further left or right than the header).
    pub(super) fn field_at(&self, first: usize, j: usize) -> Option<&'static str> {
        let col = (first + j).checked_sub(self.first)?;
        self.fields.get(col).copied().flatten()
    }

    /// The 0-based column of each field.
    pub(super) fn positions(&self) -> HashMap<&'static str, usize> {
        self.fields
            .iter()
            .enumerate()
            .filter_map(|(j, f)| f.map(|f| (f, self.first + j)))
            .collect()
    }
}

/// The field a header cell names, or `None` (reported) when it names none. In a CSV file the
/// column is `categorie`, one per row.
fn column_field(
    cell: &Cell,
    place: &Place,
    csv: bool,
    problems: &mut Problems,
) -> Option<&'static str> {
    let name = field_name(&cell.text());
    let name = if csv && name == "categorie" {
        "categorieen".to_string()
    } else {
        name
    };
    let field = PROVIDER_FIELDS.iter().find(|f| **f == name).copied();
    if field.is_none() {
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
            place,
            format!("onbekende kolom '{}'", cell.text()),
            crate::suggest::suggest(
                &name,
                &allowed,
                &format!("gebruik als kolomnamen: {}", allowed.join(", ")),
            ),
        );
    }
    field
}
