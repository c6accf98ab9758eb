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

use std::collections::HashMap;
use std::io::Cursor;
use std::path::Path;

use calamine::{Data, Ods, Reader, Xlsx};

use crate::error::{read_text, Error, Result};
use crate::finding::Severity;
use crate::kaart::{self, RawAanbieder, RawKaart, RawMeta, PROVIDER_FIELDS};

/// A cell as the importer sees it.
#[derive(Debug, Clone, PartialEq)]
enum Cell {
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
    fn is_empty(&self) -> bool {
        match self {
            Cell::Empty => true,
            Cell::Text(t) => t.trim().is_empty(),
            _ => false,
        }
    }

    /// The cell as text, for the header and for text fields.
    fn text(&self) -> String {
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

fn number_text(n: f64) -> String {
    if n.fract() == 0.0 && n.abs() < 1e15 {
        format!("{}", n as i64)
    } else {
        format!("{n}")
    }
}

/// One table: a sheet of a workbook, or the CSV file.
struct Sheet {
    name: String,
    /// (1-based row number, 0-based column of the first cell, cells).
    rows: Vec<(usize, usize, Vec<Cell>)>,
}

/// Where a value came from, for messages.
#[derive(Debug, Clone)]
struct Place {
    sheet: Option<String>,
    row: usize,
    column: Option<(usize, &'static str)>,
}

impl Place {
    fn describe(&self) -> String {
        let mut s = match &self.sheet {
            Some(sheet) => format!("blad '{sheet}', rij {}", self.row),
            None => format!("regel {}", self.row),
        };
        if let Some((col, field)) = self.column {
            s.push_str(&format!(", kolom {} ({field})", column_letter(col)));
        }
        s
    }
}

/// A, B, …, Z, AA, AB, …
fn column_letter(mut col: usize) -> String {
    let mut s = Vec::new();
    loop {
        s.push(b'A' + (col % 26) as u8);
        if col < 26 {
            break;
        }
        col = col / 26 - 1;
    }
    s.reverse();
    String::from_utf8(s).unwrap_or_default()
}

/// The result of an import: the map, and warnings that did not stop it.
#[derive(Debug, Clone)]
pub struct Imported {
    pub kaart: RawKaart,
    pub warnings: Vec<String>,
    /// Number of sheets (or 1 for CSV) that held providers.
    pub sheets: usize,
}

/// Collects problems while reading; errors are reported in the order of the workbook.
struct Report {
    file: String,
    /// The sheets in the workbook's order, for sorting.
    sheets: Vec<String>,
    errors: Vec<((usize, usize, usize), String)>,
    warnings: Vec<String>,
}

impl Report {
    fn key(&self, place: &Place) -> (usize, usize, usize) {
        let sheet = place
            .sheet
            .as_ref()
            .and_then(|s| self.sheets.iter().position(|n| n == s))
            .unwrap_or(0);
        (sheet, place.row, place.column.map_or(0, |(c, _)| c + 1))
    }

    fn error(&mut self, place: &Place, problem: impl AsRef<str>, fix: impl AsRef<str>) {
        let text = format!(
            "{}: {}: {}\n    oplossing: {}",
            self.file,
            place.describe(),
            problem.as_ref(),
            fix.as_ref()
        );
        self.errors.push((self.key(place), text));
    }

    /// An error of the file as a whole (reported before the others).
    fn general(&mut self, problem: impl AsRef<str>, fix: impl AsRef<str>) {
        let text = format!(
            "{}: {}\n    oplossing: {}",
            self.file,
            problem.as_ref(),
            fix.as_ref()
        );
        self.errors.push(((0, 0, 0), text));
    }

    fn warning(&mut self, place: &Place, problem: impl AsRef<str>, fix: impl AsRef<str>) {
        self.warnings.push(format!(
            "{}: {}: waarschuwing: {}\n    oplossing: {}",
            self.file,
            place.describe(),
            problem.as_ref(),
            fix.as_ref()
        ));
    }
}

/// Read `path` (.xlsx, .xlsm, .ods or .csv) into a map. `overrides` are the `kaart:` fields
/// from the command line; they go before those of the sheet `kaart`.
pub fn import(path: &Path, overrides: &RawMeta) -> Result<Imported> {
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
    let mut report = Report {
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
        read_meta(sheet, &mut meta, &mut meta_place, &mut report);
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
            &mut report,
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
            report.warnings.push(format!(
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
            Some(place) => push(&mut report, p.severity, &place, &p.problem, &fix),
            None if csv => match p.severity {
                Severity::Error => report.general(&p.problem, &fix),
                Severity::Warning => report.warnings.push(format!(
                    "{file}: waarschuwing: {}\n    oplossing: {fix}",
                    p.problem
                )),
            },
            None => push(&mut report, p.severity, &meta_default, &p.problem, &fix),
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
            push(&mut report, p.severity, &place, &p.problem, &p.fix);
        }
    }
    if providers.is_empty() && report.errors.is_empty() {
        report.general(
            "er staan geen aanbieders in",
            if csv {
                "zet onder de kopregel (id, naam, categorie, …) één rij per aanbieder"
            } else {
                "zet per categorie een blad (de naam van het blad is de categorie) met een kopregel en één rij per aanbieder; zie sociale-kaart/sjabloon.xlsx"
            },
        );
    }

    if !report.errors.is_empty() {
        let n = report.errors.len();
        report.errors.sort_by_key(|(key, _)| *key);
        let texts: Vec<String> = report.errors.into_iter().map(|(_, t)| t).collect();
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
        warnings: report.warnings,
        sheets: used_sheets,
    })
}

fn push(report: &mut Report, severity: Severity, place: &Place, problem: &str, fix: &str) {
    match severity {
        Severity::Error => report.error(place, problem, fix),
        Severity::Warning => report.warning(place, problem, fix),
    }
}

#[derive(Debug, PartialEq, Eq)]
enum SheetKind {
    Meta,
    Ignored,
    Category(String),
}

/// What a sheet holds, by its name: `kaart`, ignored (`uitleg`, `_…`), or a category (the
/// name lower-cased, spaces as dashes: "Veilig Thuis" is `veilig-thuis`).
fn sheet_kind(name: &str) -> SheetKind {
    let n = name.trim().to_lowercase();
    if n == "kaart" {
        SheetKind::Meta
    } else if n.starts_with('_') || n == "uitleg" || n == "toelichting" || n.is_empty() {
        SheetKind::Ignored
    } else {
        SheetKind::Category(n.split_whitespace().collect::<Vec<_>>().join("-"))
    }
}

/// A header or key as a field name: lower case, no accents, 'e-mail' as 'email'.
fn field_name(text: &str) -> String {
    let t: String = text
        .trim()
        .to_lowercase()
        .chars()
        .map(|c| match c {
            'ë' | 'é' | 'è' => 'e',
            'ï' => 'i',
            c => c,
        })
        .collect();
    match t.as_str() {
        "e-mail" | "e-mailadres" | "emailadres" => "email".to_string(),
        "telefoonnummer" => "telefoon".to_string(),
        _ => t,
    }
}

fn read_meta(
    sheet: &Sheet,
    meta: &mut RawMeta,
    places: &mut HashMap<&'static str, Place>,
    report: &mut Report,
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
            report.error(
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

/// One provider being assembled, with where each field came from.
struct Entry {
    raw: RawAanbieder,
    place: Place,
    /// Where each field's value came from.
    fields: HashMap<&'static str, Place>,
    /// The columns of the sheet the entry came from.
    columns: HashMap<&'static str, usize>,
    /// Fields whose cell was already reported.
    bad: Vec<&'static str>,
}

/// Read the providers of one sheet (or the CSV). Returns whether it held any.
fn read_providers(
    sheet: &Sheet,
    category: Option<String>,
    csv: bool,
    providers: &mut Vec<Entry>,
    by_id: &mut HashMap<String, usize>,
    report: &mut Report,
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
                report.error(
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
                report.error(
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
            report.error(
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
        let mut raw = RawAanbieder::default();
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
                    report.error(
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
                report.error(
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
                        report.error(
                            &place,
                            format!("'{}' is geen niveau", cell.text()),
                            "gebruik een heel getal van 1 (lichte zorg) tot en met 5 (zware zorg)",
                        );
                        bad.push(field);
                    }
                },
                "telefoon" => match cell {
                    Cell::Number(n) => {
                        report.error(
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
            report.error(
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
                merge(&mut providers[i], raw, row_place, fields, csv, report)
            }
        }
    }
    any
}

/// The 0-based column of the header row's first cell.
fn header_first(sheet: &Sheet, header_row: usize) -> usize {
    sheet
        .rows
        .iter()
        .find(|(r, _, _)| *r == header_row)
        .map_or(0, |(_, f, _)| *f)
}

/// The same provider on another sheet (or another row of the CSV): unite the categories, fill
/// what was empty, and report values that differ.
fn merge(
    entry: &mut Entry,
    raw: RawAanbieder,
    place: Place,
    fields: HashMap<&'static str, Place>,
    csv: bool,
    report: &mut Report,
) {
    let id = raw.id.clone().unwrap_or_default();
    // In a CSV file one row per category is the way to give several; on a sheet it is a
    // mistake (the sheet is the category).
    if !csv && entry.place.sheet == place.sheet {
        report.error(
            &place,
            format!(
                "de id '{id}' staat al op rij {} van dit blad",
                entry.place.row
            ),
            "geef elke aanbieder een eigen id, of haal de dubbele rij weg",
        );
        return;
    }
    let categories = entry.raw.categorieen.get_or_insert_with(Vec::new);
    for c in raw.categorieen.clone().unwrap_or_default() {
        if !categories.contains(&c) {
            categories.push(c);
        }
    }
    let mut incoming = raw;
    let ours = comparable(&mut entry.raw);
    let theirs = comparable(&mut incoming);
    for ((field, mut mine), (_, new)) in ours.into_iter().zip(theirs) {
        match (mine.get(), new.get()) {
            (None, Some(v)) => {
                mine.set(v);
                if let Some(p) = fields.get(field) {
                    entry.fields.insert(field, p.clone());
                }
            }
            (Some(a), Some(b)) if a.shown() != b.shown() => {
                let earlier = entry.fields.get(field).unwrap_or(&entry.place).describe();
                let here = fields.get(field).unwrap_or(&place);
                report.error(
                    here,
                    format!(
                        "aanbieder '{id}' heeft hier een andere waarde voor '{field}' ('{}') dan op {earlier} ('{}')",
                        b.shown(),
                        a.shown()
                    ),
                    "een aanbieder op meer bladen moet overal dezelfde gegevens hebben; maak ze gelijk, of laat de cel op de andere bladen leeg",
                );
            }
            _ => {}
        }
    }
}

/// A field value that can be compared and shown.
enum Value<'a> {
    Text(&'a mut Option<String>),
    Number(&'a mut Option<i64>),
    List(&'a mut Option<Vec<String>>),
}

/// One value taken out of a [`Value`].
enum Taken {
    Text(String),
    Number(i64),
    List(Vec<String>),
}

impl Taken {
    fn shown(&self) -> String {
        match self {
            Taken::Text(t) => t.clone(),
            Taken::Number(n) => n.to_string(),
            Taken::List(l) => l.join(", "),
        }
    }
}

impl Value<'_> {
    fn get(&self) -> Option<Taken> {
        match self {
            Value::Text(v) => (**v).clone().map(Taken::Text),
            Value::Number(v) => v.map(Taken::Number),
            Value::List(v) => (**v).clone().map(Taken::List),
        }
    }

    fn set(&mut self, value: Taken) {
        match (self, value) {
            (Value::Text(v), Taken::Text(t)) => **v = Some(t),
            (Value::Number(v), Taken::Number(n)) => **v = Some(n),
            (Value::List(v), Taken::List(l)) => **v = Some(l),
            _ => {}
        }
    }
}

/// The fields of a provider that must agree between sheets, as (name, value).
fn comparable(r: &mut RawAanbieder) -> [(&'static str, Value<'_>); 10] {
    [
        ("naam", Value::Text(&mut r.naam)),
        ("gemeenten", Value::List(&mut r.gemeenten)),
        ("domein", Value::Text(&mut r.domein)),
        ("niveau", Value::Number(&mut r.niveau)),
        ("telefoon", Value::Text(&mut r.telefoon)),
        ("email", Value::Text(&mut r.email)),
        ("website", Value::Text(&mut r.website)),
        ("adres", Value::Text(&mut r.adres)),
        ("aanmelden", Value::Text(&mut r.aanmelden)),
        ("toelichting", Value::Text(&mut r.toelichting)),
    ]
}

/// "a, b; c" as [a, b, c].
fn split_list(text: &str) -> Vec<String> {
    text.split([',', ';', '\n'])
        .map(|s| s.trim().to_string())
        .filter(|s| !s.is_empty())
        .collect()
}

/// An Excel date serial (days since 1899-12-30) as JJJJ-MM-DD.
fn excel_date(serial: f64) -> Option<String> {
    if !(1.0..2_958_466.0).contains(&serial) {
        return None;
    }
    let date = jiff::civil::date(1899, 12, 30)
        .checked_add(jiff::Span::new().days(serial.floor() as i64))
        .ok()?;
    Some(date.to_string())
}

fn read_workbook(path: &Path, ext: &str) -> Result<Vec<Sheet>> {
    let bytes = std::fs::read(path).map_err(|e| Error::read("de spreadsheet", path, &e))?;
    let broken = |_detail: String| {
        Error::input(format!(
            "'{}' is geen leesbaar {}-bestand (beschadigd, beveiligd met een wachtwoord, of een ander formaat)",
            path.display(),
            if ext == "ods" { "OpenDocument (.ods)" } else { "Excel (.xlsx)" }
        ))
        .hint("Open het in uw spreadsheetprogramma en sla het opnieuw op als .xlsx of .ods, zonder wachtwoord.")
    };
    let mut out = Vec::new();
    if ext == "ods" {
        let mut book: Ods<Cursor<Vec<u8>>> = calamine::open_workbook_from_rs(Cursor::new(bytes))
            .map_err(|e: calamine::OdsError| broken(e.to_string()))?;
        for name in book.sheet_names() {
            let range = book
                .worksheet_range(&name)
                .map_err(|e| broken(e.to_string()))?;
            out.push(sheet_of(name, &range));
        }
    } else {
        let mut book: Xlsx<Cursor<Vec<u8>>> =
            calamine::open_workbook_from_rs(Cursor::new(bytes))
                .map_err(|e: calamine::XlsxError| broken(e.to_string()))?;
        for name in book.sheet_names() {
            let range = book
                .worksheet_range(&name)
                .map_err(|e| broken(e.to_string()))?;
            out.push(sheet_of(name, &range));
        }
    }
    Ok(out)
}

fn sheet_of(name: String, range: &calamine::Range<Data>) -> Sheet {
    let (top, left) = range.start().unwrap_or((0, 0));
    let rows = range
        .rows()
        .enumerate()
        .map(|(i, row)| {
            (
                top as usize + i + 1,
                left as usize,
                row.iter().map(cell_of).collect(),
            )
        })
        .collect();
    Sheet { name, rows }
}

fn cell_of(data: &Data) -> Cell {
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

fn read_csv(path: &Path) -> Result<Sheet> {
    let text = read_text("het CSV-bestand", path)?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
    // Dutch spreadsheet programs write ';' between fields; others ','. The header tells.
    let first = text.lines().next().unwrap_or("");
    let delimiter = [b';', b',', b'\t']
        .into_iter()
        .max_by_key(|d| first.matches(*d as char).count())
        .unwrap_or(b',');
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    let mut rows = Vec::new();
    for record in reader.records() {
        let record = record.map_err(|e| {
            let line = e.position().map(|p| p.line()).unwrap_or(0);
            Error::input(format!(
                "{}:{line}: deze regel van het CSV-bestand is niet te lezen",
                path.display()
            ))
            .hint("Controleer de aanhalingstekens op die regel, en sla het bestand op als 'CSV UTF-8'.")
        })?;
        let line = record.position().map_or(0, |p| p.line() as usize);
        rows.push((
            line,
            0,
            record
                .iter()
                .map(|f| {
                    if f.trim().is_empty() {
                        Cell::Empty
                    } else {
                        Cell::Text(f.to_string())
                    }
                })
                .collect(),
        ));
    }
    Ok(Sheet {
        name: path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default(),
        rows,
    })
}

/// The YAML text of an imported map, with a comment saying where it came from.
pub fn to_text(imported: &Imported, source: &Path) -> String {
    let name = source
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    format!(
        "# Sociale Kaart, gemaakt met 'zorgpad kaart importeer' uit {name}.\n# De opbouw staat in sociale-kaart/README.md; controleer met 'zorgpad kaart controleer --kaart BESTAND'.\n\n{}",
        imported.kaart.to_yaml()
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn column_letters() {
        assert_eq!(column_letter(0), "A");
        assert_eq!(column_letter(25), "Z");
        assert_eq!(column_letter(26), "AA");
        assert_eq!(column_letter(27), "AB");
        assert_eq!(column_letter(701), "ZZ");
        assert_eq!(column_letter(702), "AAA");
    }

    #[test]
    fn sheet_names_are_categories() {
        assert_eq!(
            sheet_kind("Veilig Thuis"),
            SheetKind::Category("veilig-thuis".into())
        );
        assert_eq!(sheet_kind(" Kaart "), SheetKind::Meta);
        assert_eq!(sheet_kind("_notities"), SheetKind::Ignored);
        assert_eq!(sheet_kind("Uitleg"), SheetKind::Ignored);
    }

    #[test]
    fn excel_dates() {
        assert_eq!(excel_date(46_327.0).as_deref(), Some("2026-11-01"));
    }
}
