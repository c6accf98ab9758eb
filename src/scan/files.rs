//! Reading the members' scan files for the group report: which files, and each one checked
//! against the questionnaire it claims to answer.

use std::path::{Path, PathBuf};

use crate::error::{Error, Result};
use crate::scan::questionnaire::Questionnaire;
use crate::scan::*;

/// The scan files named: files as given, folders as every `*.json` in them; a file named
/// twice is refused, as it would count twice.
pub(crate) fn files(paths: &[PathBuf]) -> Result<Vec<PathBuf>> {
    crate::json_files::json_files(
        paths,
        "scanbestanden",
        "Een scan maakt u met 'zorgpad scan --map MAP'.",
        crate::json_files::Copies::Allow,
    )
}

/// Read one scan file and check it against the questionnaire.
pub(crate) fn load(path: &Path, q: &Questionnaire) -> Result<ScanFile> {
    let text = crate::error::read_text("het scanbestand", path)?;
    let scan: ScanFile = serde_json::from_str(&text).map_err(|e| {
        let what = if e.is_eof() {
            "het bestand houdt onverwacht op"
        } else if e.is_syntax() {
            "het is geen geldige JSON"
        } else {
            "het past niet bij de opbouw van een scanbestand"
        };
        Error::input(format!(
            "{}:{}:{}: het scanbestand is onleesbaar: {what}",
            path.display(),
            e.line(),
            e.column()
        ))
        .hint("Een scanbestand wordt gemaakt met 'zorgpad scan'; neem het bestand niet mee, of vraag het opnieuw op.")
    })?;
    if scan.schema != SCHEMA {
        return Err(Error::input(format!(
            "{}: onbekende versie van het scanformaat '{}' (deze zorgpad leest '{SCHEMA}')",
            path.display(),
            scan.schema
        )));
    }
    if scan.vragenlijst.id != q.id || scan.vragenlijst.versie != q.version {
        return Err(Error::input(format!(
            "{}: deze scan is ingevuld met de vragenlijst '{}' (versie {}), niet met '{}' (versie {})",
            path.display(),
            scan.vragenlijst.naam,
            scan.vragenlijst.versie,
            q.name,
            q.version
        ))
        .hint("Geef de vragenlijst van deze scans met --vragenlijst BESTAND, of maak het rapport per vragenlijst."));
    }
    let mut seen: Vec<&str> = Vec::new();
    for a in &scan.antwoorden {
        if q.item(&a.onderdeel).is_none() {
            return Err(Error::input(format!(
                "{}: het aspect '{}' staat niet in de vragenlijst '{}'",
                path.display(),
                a.onderdeel,
                q.name
            )));
        }
        if seen.contains(&a.onderdeel.as_str()) {
            return Err(Error::input(format!(
                "{}: het aspect '{}' is twee keer beantwoord",
                path.display(),
                a.onderdeel
            )));
        }
        seen.push(&a.onderdeel);
        if let Some(n) = a.niveau {
            if n == 0 || usize::from(n) > q.levels.len() {
                return Err(Error::input(format!(
                    "{}: aspect '{}' heeft niveau {n}; de vragenlijst kent 1 t/m {}",
                    path.display(),
                    a.onderdeel,
                    q.levels.len()
                )));
            }
        }
    }
    Ok(scan)
}
