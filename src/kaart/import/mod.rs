//! `zorgpad kaart importeer`: a Sociale Kaart from a spreadsheet.
//!
//! VSV coordinators collect the regional offer in a spreadsheet, one sheet per care path (the
//! implementation guide suggests exactly that). This module turns such a spreadsheet into the
//! YAML map, so nobody has to retype it:
//!
//! - `.xlsx` / `.ods` (read with calamine): every sheet is a category (the sheet name, e.g.
//!   `ggz`); the first non-empty row names the columns, which are the YAML field names (`id`,
//!   `naam`, `gemeenten`, `domein`, `niveau`, `telefoon`, …). A sheet named `kaart` holds the
//!   map's own fields as rows `veld | waarde`; sheets named `uitleg` or starting with `_` are
//!   ignored.
//! - `.csv` (read with the csv crate): one table with a column `categorie`; the map's fields come
//!   from the command line (`--naam`, `--versie`, …).
//!
//! A provider on several category sheets with the same id is one provider with all those
//! categories. Every problem names the sheet, the row and the column; all of them are reported
//! at once, and nothing is written while there is one.
//!
//! The files: `sheet` reads the workbook or CSV into rows of `cell`s; `meta` takes the map's
//! own fields from the sheet `kaart`; `providers` reads the rows of a category sheet under its
//! `header`, and `merge` unites one provider found on several sheets; `problems` collects what
//! is wrong, with its place. The rules themselves are the map's own (`kaart::check_provider`),
//! so a spreadsheet is held to exactly what a YAML file is.

mod cell;
mod csv_table;
mod header;
mod limits;
mod merge;
mod meta;
mod ods_size;
mod problems;
mod providers;
mod sheet;
mod workbook;

use std::path::Path;

use crate::error::Result;
use crate::kaart::{RawKaart, RawMeta};

use meta::{check_meta, gemeenten_from_providers, read_meta};
use problems::Problems;
use providers::{check_providers, read_providers};
use sheet::read_sheets;

/// The result of an import: the map, and warnings that did not stop it.
#[derive(Debug, Clone)]
pub(crate) struct Imported {
    pub(crate) kaart: RawKaart,
    pub(crate) warnings: Vec<String>,
    /// Number of sheets (or 1 for CSV) that held providers.
    pub(crate) sheets: usize,
}

impl Imported {
    /// The YAML text of an imported map, with a comment saying where it came from.
    pub(crate) fn to_text(&self, source: &Path) -> String {
        let name = source
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        format!(
            "# Sociale Kaart, gemaakt met 'zorgpad kaart importeer' uit {name}.\n# De opbouw staat in sociale-kaart/README.md; controleer met 'zorgpad kaart controleer --kaart BESTAND'.\n\n{}",
            self.kaart.to_yaml()
        )
    }
}

/// Read `path` (.xlsx, .xlsm, .ods or .csv) into a map. `overrides` are the `kaart:` fields
/// from the command line; they go before those of the sheet `kaart`.
pub(crate) fn read(path: &Path, overrides: &RawMeta) -> Result<Imported> {
    let (sheets, csv) = read_sheets(path)?;
    let mut problems = Problems::new(path.display().to_string(), &sheets);
    let (mut meta, places) = read_meta(&sheets, overrides, &mut problems);
    let (providers, used_sheets) = read_providers(&sheets, csv, &mut problems);
    drop(sheets); // the cells are in the providers now: do not hold them twice
    gemeenten_from_providers(&mut meta, &providers, &mut problems);
    check_meta(&meta, &places, csv, &mut problems);
    check_providers(&meta, &providers, &mut problems);
    if providers.is_empty() && !problems.has_errors() {
        problems.whole_file(
            "er staan geen aanbieders in",
            if csv {
                "zet onder de kopregel (id, naam, categorie, …) één rij per aanbieder"
            } else {
                "zet per categorie een blad (de naam van het blad is de categorie) met een kopregel en één rij per aanbieder; een sjabloon maakt u met 'zorgpad kaart sjabloon -o sjabloon.xlsx'"
            },
        );
    }
    let warnings = problems.finish(csv)?;
    Ok(Imported {
        kaart: RawKaart {
            kaart: meta,
            aanbieders: providers.into_iter().map(|e| e.raw).collect(),
        },
        warnings,
        sheets: used_sheets,
    })
}
