//! A questionnaire for `zorgpad scan`: a matrix of items (aspects, domains) each described at a
//! fixed number of levels. The embedded one is the VSV cooperation matrix (seed 003, 9 aspects ×
//! 4 levels, `flows/vsv-samenwerking.yaml`); any other instrument of the same shape (the six
//! domains of the VSV-integratiemeter, say) is a YAML file given with `--vragenlijst`, without a
//! change in code. The format is documented in `flows/vragenlijst.md`.

use std::path::Path;

use serde::Deserialize;
use sha2::{Digest, Sha256};

use crate::error::{Error, Result};

/// The version of the questionnaire format.
pub(crate) const SCHEMA: &str = "zorgpad.vragenlijst/1";
pub(crate) const EMBEDDED_FILE: &str = "flows/vsv-samenwerking.yaml";
pub(crate) const EMBEDDED_TEXT: &str = include_str!("../../flows/vsv-samenwerking.yaml");

/// The most levels a questionnaire may have (an answer is a level number 1..=MAX_LEVELS).
pub(crate) const MAX_LEVELS: usize = 9;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Raw {
    #[serde(default)]
    schema: Option<String>,
    id: String,
    naam: String,
    versie: String,
    #[serde(default)]
    bron: Option<String>,
    #[serde(default)]
    omschrijving: Option<String>,
    #[serde(default)]
    vraag: Option<String>,
    niveaus: Vec<String>,
    onderdelen: Vec<RawItem>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawItem {
    id: String,
    titel: String,
    #[serde(default)]
    toelichting: Option<String>,
    niveaus: Vec<String>,
}

/// One item (aspect): its id, title and one description per level.
#[derive(Debug, Clone)]
pub struct Item {
    pub id: String,
    pub title: String,
    pub explanation: Option<String>,
    /// One description per level, in level order.
    pub levels: Vec<String>,
}

#[derive(Debug, Clone)]
pub struct Questionnaire {
    pub id: String,
    pub name: String,
    pub version: String,
    pub source: Option<String>,
    pub description: Option<String>,
    /// The question asked at every item.
    pub question: String,
    /// The level labels, lowest first.
    pub levels: Vec<String>,
    pub items: Vec<Item>,
    /// How the file is named in messages (`flows/vsv-samenwerking.yaml (ingebouwd)` or a path).
    pub file: String,
    pub sha256: String,
}

impl Questionnaire {
    /// The questionnaire in `path`, or the embedded VSV matrix.
    pub fn load(path: Option<&Path>) -> Result<Questionnaire> {
        match path {
            None => {
                Questionnaire::from_text(&format!("{EMBEDDED_FILE} (ingebouwd)"), EMBEDDED_TEXT)
            }
            Some(p) => {
                let text = crate::error::read_text("de vragenlijst", p)?;
                Questionnaire::from_text(&p.display().to_string(), &text)
            }
        }
    }

    /// Read and check a questionnaire; every problem names the file and the item.
    pub fn from_text(file: &str, text: &str) -> Result<Questionnaire> {
        let raw: Raw = crate::yaml::parse(text).map_err(|e| {
            Error::input(format!(
                "{}: de vragenlijst is onleesbaar: {}",
                e.place(file),
                e.message
            ))
            .hint("De opbouw van een vragenlijst staat in flows/vragenlijst.md.")
        })?;
        let mut problems = Vec::new();
        let line_of = |needle: &str| -> String {
            text.lines()
                .position(|l| l.contains(needle))
                .map_or_else(|| file.to_string(), |i| format!("{file}:{}", i + 1))
        };
        check_header(&raw, &line_of, &mut problems);
        let levels = levels(&raw, &line_of, &mut problems);
        let items = items(&raw, levels.len(), &line_of, &mut problems);
        if !problems.is_empty() {
            return Err(Error::input(format!(
                "de vragenlijst '{file}' is niet bruikbaar:\n  {}",
                problems.join("\n  ")
            ))
            .hint("De opbouw van een vragenlijst staat in flows/vragenlijst.md."));
        }
        Ok(Questionnaire {
            id: raw.id.trim().to_string(),
            name: raw.naam.trim().to_string(),
            version: raw.versie.trim().to_string(),
            source: raw.bron.map(|b| b.trim().to_string()),
            description: raw.omschrijving.map(|b| b.trim().to_string()),
            question: raw
                .vraag
                .map(|v| v.trim().to_string())
                .filter(|v| !v.is_empty())
                .unwrap_or_else(|| "Welke beschrijving past het best?".to_string()),
            levels,
            items,
            file: file.to_string(),
            sha256: Sha256::digest(text.as_bytes())
                .iter()
                .map(|b| format!("{b:02x}"))
                .collect(),
        })
    }

    pub fn item(&self, id: &str) -> Option<&Item> {
        self.items.iter().find(|i| i.id == id)
    }

    /// The label of a level (1-based), e.g. "Niveau 2".
    pub fn level_label(&self, level: u8) -> &str {
        self.levels
            .get(usize::from(level).wrapping_sub(1))
            .map_or("?", String::as_str)
    }
}

/// Where a questionnaire came from, for a file that names its questionnaire.
/// The schema and the fields that name the questionnaire.
fn check_header(raw: &Raw, line_of: &dyn Fn(&str) -> String, problems: &mut Vec<String>) {
    if let Some(s) = &raw.schema {
        if s != SCHEMA {
            problems.push(format!(
                "{}: onbekende versie van het vragenlijstformaat '{s}' (deze zorgpad leest '{SCHEMA}')",
                line_of("schema:")
            ));
        }
    }
    for (field, value) in [
        ("id", &raw.id),
        ("naam", &raw.naam),
        ("versie", &raw.versie),
    ] {
        if value.trim().is_empty() {
            problems.push(format!(
                "{}: het veld '{field}' is leeg",
                line_of(&format!("{field}:"))
            ));
        }
    }
}

/// The level names: 2 to [`MAX_LEVELS`], each named, none twice.
fn levels(raw: &Raw, line_of: &dyn Fn(&str) -> String, problems: &mut Vec<String>) -> Vec<String> {
    let levels: Vec<String> = raw.niveaus.iter().map(|l| l.trim().to_string()).collect();
    if levels.len() < 2 || levels.len() > MAX_LEVELS {
        problems.push(format!(
            "{}: 'niveaus' noemt {} niveau(s); een vragenlijst heeft er 2 tot en met {MAX_LEVELS}",
            line_of("niveaus:"),
            levels.len()
        ));
    }
    if levels.iter().any(String::is_empty) {
        problems.push(format!(
            "{}: een niveau heeft geen naam",
            line_of("niveaus:")
        ));
    }
    for (i, a) in levels.iter().enumerate() {
        if levels[..i]
            .iter()
            .any(|b| b.to_lowercase() == a.to_lowercase())
        {
            problems.push(format!(
                "{}: het niveau '{a}' staat er twee keer",
                line_of("niveaus:")
            ));
        }
    }
    levels
}

/// The items, each with an id, a title and one description per level.
fn items(
    raw: &Raw,
    level_count: usize,
    line_of: &dyn Fn(&str) -> String,
    problems: &mut Vec<String>,
) -> Vec<Item> {
    if raw.onderdelen.is_empty() {
        problems.push(format!(
            "{}: de vragenlijst heeft geen onderdelen",
            line_of("onderdelen:")
        ));
    }
    let mut items: Vec<Item> = Vec::new();
    for (n, item) in raw.onderdelen.iter().enumerate() {
        let id = item.id.trim().to_string();
        let place = line_of(&format!("id: {id}"));
        let name = if id.is_empty() {
            format!("onderdeel {}", n + 1)
        } else {
            format!("onderdeel '{id}'")
        };
        if id.is_empty()
            || !id
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' || c == '_')
        {
            problems.push(format!(
                "{place}: {name}: het id moet bestaan uit kleine letters, cijfers en '-' (bijvoorbeeld 'werkafspraken')"
            ));
        }
        if items.iter().any(|i| i.id == id) {
            problems.push(format!("{place}: {name}: het id staat er twee keer"));
        }
        if item.titel.trim().is_empty() {
            problems.push(format!("{place}: {name}: de titel is leeg"));
        }
        if item.niveaus.len() != level_count {
            problems.push(format!(
                "{place}: {name} heeft {} beschrijving(en); er is er één per niveau nodig ({})",
                item.niveaus.len(),
                level_count
            ));
        }
        if let Some(i) = item.niveaus.iter().position(|d| d.trim().is_empty()) {
            problems.push(format!(
                "{place}: {name}: de beschrijving van niveau {} is leeg",
                i + 1
            ));
        }
        items.push(Item {
            id,
            title: item.titel.trim().to_string(),
            explanation: item.toelichting.as_ref().map(|t| t.trim().to_string()),
            levels: item.niveaus.iter().map(|d| d.trim().to_string()).collect(),
        });
    }
    items
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_embedded_matrix_has_nine_aspects_of_four_levels() {
        let q = Questionnaire::load(None).expect("embedded");
        assert_eq!(q.levels.len(), 4);
        assert_eq!(q.items.len(), 9);
        assert!(q.items.iter().all(|i| i.levels.len() == 4));
    }

    #[test]
    fn a_missing_description_names_the_item_and_line() {
        let text = "id: t\nnaam: T\nversie: '1'\nniveaus: [laag, hoog]\nonderdelen:\n  - id: a\n    titel: A\n    niveaus: [x]\n";
        let e = Questionnaire::from_text("t.yaml", text).unwrap_err();
        assert!(
            e.message
                .contains("t.yaml:6: onderdeel 'a' heeft 1 beschrijving"),
            "{}",
            e.message
        );
    }
}
