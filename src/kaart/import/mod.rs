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
//! own fields from the sheet `kaart`; `providers` reads the rows of a category sheet, and
//! `merge` unites one provider found on several sheets; `problems` collects what is wrong, with
//! its place. The rules themselves are the map's own ([`crate::kaart::check_provider`]), so a
//! spreadsheet is held to exactly what a YAML file is.

mod cell;
mod merge;
mod meta;
mod problems;
mod providers;
mod sheet;

use std::collections::HashMap;
use std::path::Path;

use crate::error::{Error, Result};
use crate::finding::Severity;
use crate::kaart::{self, RawKaart, RawMeta};

use meta::read_meta;
use problems::{Place, Problems};
use providers::{read_providers, Entry};
use sheet::{read_csv, read_workbook, sheet_kind, SheetKind};

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
    let ext = path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_lowercase)
        .unwrap_or_default();
    let file = path.display().to_string();
    let (sheets, csv) = match ext.as_str() {
        "csv" => (vec![read_csv(path)?], true),
        "xlsx" | "xlsm" | "ods" => (read_workbook(path, &ext)?, false),
        _ => {
            return Err(Error::input(format!(
            "'{file}' kan niet worden geïmporteerd: de naam moet eindigen op .xlsx, .ods of .csv"
        )))
        }
    };
    let mut problems = Problems {
        file: file.clone(),
        sheets: sheets.iter().map(|s| s.name.clone()).collect(),
        errors: Vec::new(),
        warnings: Vec::new(),
    };

    // The map's own fields: the sheet 'kaart', then the command line over it.
    let mut meta = RawMeta::default();
    let mut meta_place: HashMap<&'static str, Place> = HashMap::new();
    if let Some(sheet) = sheets
        .iter()
        .find(|s| sheet_kind(&s.name) == SheetKind::Meta)
    {
        read_meta(sheet, &mut meta, &mut meta_place, &mut problems);
    }
    let given =
        |o: &Option<String>, m: &mut Option<String>, f: &'static str, p: &mut HashMap<_, _>| {
            if o.is_some() {
                *m = o.clone();
                p.remove(f);
            }
        };
    given(&overrides.naam, &mut meta.naam, "naam", &mut meta_place);
    given(&overrides.vsv, &mut meta.vsv, "vsv", &mut meta_place);
    given(&overrides.regio, &mut meta.regio, "regio", &mut meta_place);
    given(
        &overrides.versie,
        &mut meta.versie,
        "versie",
        &mut meta_place,
    );
    given(
        &overrides.bijgewerkt,
        &mut meta.bijgewerkt,
        "bijgewerkt",
        &mut meta_place,
    );
    if overrides.gemeenten.is_some() {
        meta.gemeenten = overrides.gemeenten.clone();
        meta_place.remove("gemeenten");
    }

    // The providers.
    let mut providers: Vec<Entry> = Vec::new();
    let mut by_id: HashMap<String, usize> = HashMap::new();
    let mut used_sheets = 0;
    for sheet in &sheets {
        let category = match sheet_kind(&sheet.name) {
            SheetKind::Meta | SheetKind::Ignored => continue,
            SheetKind::Category(c) => (!csv).then_some(c),
        };
        if read_providers(
            sheet,
            category,
            csv,
            &mut providers,
            &mut by_id,
            &mut problems,
        ) {
            used_sheets += 1;
        }
    }

    // Gemeenten: when none are given, those of the providers, with a warning to check them.
    if meta.gemeenten.as_ref().is_none_or(Vec::is_empty) {
        let mut found: Vec<String> = Vec::new();
        for e in &providers {
            for g in e.raw.gemeenten.iter().flatten() {
                if !found.contains(g) {
                    found.push(g.clone());
                }
            }
        }
        if !found.is_empty() {
            problems.warnings.push(format!(
                "{file}: waarschuwing: de gemeenten van de kaart zijn niet gegeven; overgenomen uit de aanbieders: {}\n    oplossing: controleer de lijst, en geef haar met een rij 'gemeenten' in het blad 'kaart' of met --gemeenten",
                found.join(", ")
            ));
            meta.gemeenten = Some(found);
        }
    }

    // The checks of the map format, with the place of each value.
    let meta_default = Place {
        sheet: (!csv).then(|| "kaart".to_string()),
        row: 1,
        column: None,
    };
    for p in kaart::check_meta(&meta) {
        let place = p.field.and_then(|f| meta_place.get(f)).cloned();
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
                Severity::Warning => problems.warnings.push(format!(
                    "{file}: waarschuwing: {}\n    oplossing: {fix}",
                    p.problem
                )),
            },
            None => problems.add(p.severity, &meta_default, &p.problem, &fix),
        }
    }
    let gemeenten: Vec<String> = meta.gemeenten.clone().unwrap_or_default();
    let known = gemeenten.iter().map(String::as_str).collect();
    for e in &providers {
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
    if providers.is_empty() && problems.errors.is_empty() {
        problems.whole_file(
            "er staan geen aanbieders in",
            if csv {
                "zet onder de kopregel (id, naam, categorie, …) één rij per aanbieder"
            } else {
                "zet per categorie een blad (de naam van het blad is de categorie) met een kopregel en één rij per aanbieder; zie sociale-kaart/sjabloon.xlsx"
            },
        );
    }

    if !problems.errors.is_empty() {
        let n = problems.errors.len();
        problems.errors.sort_by_key(|(key, _)| *key);
        let texts: Vec<String> = problems.errors.into_iter().map(|(_, t)| t).collect();
        let mut hint = texts.join("\n");
        hint.push_str(&format!(
            "\nVerbeter {} en importeer opnieuw; er is niets geschreven. De kolommen staan in sociale-kaart/README.md.",
            if csv { "het CSV-bestand" } else { "de spreadsheet" }
        ));
        return Err(Error::input(format!(
            "'{file}' kan niet worden geïmporteerd: {}",
            crate::finding::count(n, "fout", "fouten")
        ))
        .hint(hint));
    }
    Ok(Imported {
        kaart: RawKaart {
            kaart: meta,
            aanbieders: providers.into_iter().map(|e| e.raw).collect(),
        },
        warnings: problems.warnings,
        sheets: used_sheets,
    })
}
