//! `zorgpad scan`: one member of the VSV fills in the cooperation scan — per aspect the level
//! whose description fits best, with an optional note, and optionally their discipline; never a
//! name. The answers are saved as one small JSON file (0600, atomic), for the group report of
//! `report::scan`.
//!
//! Answers come from the terminal (inquire) or from an answers file (`--antwoorden`, a YAML list
//! with one entry per aspect, in order; see `flows/vragenlijst.md`).

pub(crate) mod files;
pub(crate) mod group;
pub mod questionnaire;

use std::path::{Path, PathBuf};

use jiff::civil::Date;
use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};
use crate::scan::questionnaire::Questionnaire;
use crate::yaml::Value;

/// The version of the scan file format.
pub(crate) const SCHEMA: &str = "zorgpad.scan/1";

/// The disciplines a member may give (id, label). No names, no organisations.
pub(crate) const DISCIPLINES: [(&str, &str); 5] = [
    ("verloskundige", "Verloskundige"),
    ("gynaecoloog", "Gynaecoloog"),
    ("kraamzorg", "Kraamzorg"),
    ("og-verpleegkundige", "O&G-verpleegkundige"),
    ("anders", "Anders"),
];

/// The label of a discipline id.
pub(crate) fn discipline_label(id: &str) -> &str {
    DISCIPLINES
        .iter()
        .find(|(i, _)| *i == id)
        .map_or(id, |(_, l)| l)
}

/// The questionnaire a scan file was filled in with.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct QuestionnaireRef {
    pub id: String,
    pub naam: String,
    pub versie: String,
    pub sha256: String,
}

/// One aspect's answer: the level (1-based; `None`: "weet ik niet"), and a note.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct ScanAnswer {
    pub onderdeel: String,
    pub niveau: Option<u8>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub notitie: Option<String>,
}

/// One member's scan file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct ScanFile {
    pub schema: String,
    pub vragenlijst: QuestionnaireRef,
    /// The day it was filled in (no time: nothing that tells members apart).
    pub datum: Date,
    #[serde(default)]
    pub discipline: Option<String>,
    pub antwoorden: Vec<ScanAnswer>,
}

/// `scan-20261122-0900-3fa2.json`, a name not yet taken in `dir`.
pub(crate) fn new_name(dir: &Path, at: jiff::Timestamp) -> PathBuf {
    loop {
        let path = dir.join(format!("scan-{}.json", crate::clock::random_stamp(at)));
        if !path.exists() {
            return path;
        }
    }
}

/// Words that mean "I don't know" in an answers file.
pub(crate) const DONT_KNOW: [&str; 4] = ["weet niet", "weet ik niet", "onbekend", "?"];

/// Read the answers file: one entry per aspect, in order, and `discipline: …` anywhere.
pub(crate) fn from_script(
    q: &Questionnaire,
    path: &Path,
) -> Result<(Option<String>, Vec<ScanAnswer>)> {
    let file = path.display().to_string();
    let text = crate::error::read_text("het antwoordenbestand", path)?;
    let entries: Vec<Value> = crate::yaml::parse(&text).map_err(|e| {
        Error::input(format!(
            "{}: het antwoordenbestand is onleesbaar: {}",
            e.place(&file),
            e.message
        ))
        .hint("Het bestand is een YAML-lijst met één regel per aspect; zie flows/vragenlijst.md.")
    })?;
    // The line of each top-level entry, for messages.
    let lines = crate::yaml::entry_lines(&text);
    let place = |n: usize| match lines.get(n) {
        Some(l) => format!("{file}:{l}"),
        None => file.clone(),
    };
    let mut discipline: Option<String> = None;
    let mut answers: Vec<ScanAnswer> = Vec::new();
    for (n, entry) in entries.iter().enumerate() {
        if let Some(d) = discipline_entry(entry) {
            let d = d.map_err(|m| Error::input(format!("{}: {m}", place(n))))?;
            if discipline.is_some() {
                return Err(Error::input(format!(
                    "{}: de discipline staat er twee keer",
                    place(n)
                )));
            }
            discipline = Some(d);
            continue;
        }
        let Some(item) = q.items.get(answers.len()) else {
            return Err(Error::input(format!(
                "{}: er zijn meer antwoorden dan aspecten ({}); dit antwoord hoort bij geen aspect",
                place(n),
                q.items.len()
            ))
            .hint("Geef één antwoord per aspect, in de volgorde van de vragenlijst."));
        };
        let (niveau, notitie) = level_entry(q, entry).map_err(|m| {
            Error::input(format!(
                "{}: antwoord {} (aspect '{}'): {m}",
                place(n),
                answers.len() + 1,
                item.title
            ))
            .hint(format!(
                "Geef een niveau 1 t/m {}, het begin van een niveau ({}), 'weet niet', of {{niveau: 2, notitie: ...}}.",
                q.levels.len(),
                q.levels
                    .iter()
                    .map(|l| format!("'{l}'"))
                    .collect::<Vec<_>>()
                    .join(", ")
            ))
        })?;
        if notitie
            .as_deref()
            .is_some_and(|n| crate::bsn::find(n).is_some())
        {
            return Err(Error::input(format!(
                "{}: antwoord {} (aspect '{}'): de notitie {}",
                place(n),
                answers.len() + 1,
                item.title,
                crate::bsn::SEEMS
            ))
            .hint(format!(
                "Haal het BSN uit de notitie: {}",
                crate::bsn::INSTEAD.to_lowercase()
            )));
        }
        answers.push(ScanAnswer {
            onderdeel: item.id.clone(),
            niveau,
            notitie,
        });
    }
    if let Some(item) = q.items.get(answers.len()) {
        return Err(Error::input(format!(
            "{file}: de antwoorden zijn op na {} van de {} aspecten; het volgende aspect is '{}'",
            answers.len(),
            q.items.len(),
            item.title
        ))
        .hint("Geef één antwoord per aspect, in de volgorde van de vragenlijst."));
    }
    Ok((discipline, answers))
}

/// `discipline: X` as an entry: `None` when the entry is something else.
pub(crate) fn discipline_entry(entry: &Value) -> Option<std::result::Result<String, String>> {
    let map = entry.as_mapping()?;
    let value = map.get("discipline")?;
    if map.len() != 1 {
        return Some(Err(
            "'discipline' staat op een eigen regel: - discipline: verloskundige".to_string(),
        ));
    }
    let Some(text) = value.as_str() else {
        return Some(Err("de discipline is geen tekst".to_string()));
    };
    Some(discipline(text))
}

/// A discipline by id or label, or a unique beginning of one (case does not matter).
pub(crate) fn discipline(text: &str) -> std::result::Result<String, String> {
    let wanted = text.trim().to_lowercase();
    let hits: Vec<&str> = DISCIPLINES
        .iter()
        .filter(|(id, label)| {
            !wanted.is_empty()
                && (id.starts_with(&wanted) || label.to_lowercase().starts_with(&wanted))
        })
        .map(|(id, _)| *id)
        .collect();
    let exact = DISCIPLINES
        .iter()
        .find(|(id, label)| *id == wanted || label.to_lowercase() == wanted);
    match (exact, hits.as_slice()) {
        (Some((id, _)), _) | (None, [id]) => Ok((*id).to_string()),
        _ => Err(format!(
            "onbekende discipline '{}'; kies uit: {}",
            text.trim(),
            DISCIPLINES
                .iter()
                .map(|(_, l)| *l)
                .collect::<Vec<_>>()
                .join(", ")
        )),
    }
}

type LevelAndNote = (Option<u8>, Option<String>);

pub(crate) fn level_entry(
    q: &Questionnaire,
    entry: &Value,
) -> std::result::Result<LevelAndNote, String> {
    match entry {
        Value::Mapping(map) => {
            let mut niveau = None;
            let mut notitie = None;
            for (k, v) in map {
                match k.as_str() {
                    Some("niveau") => niveau = Some(level_value(q, v)?),
                    Some("notitie") => {
                        notitie = match v {
                            Value::Null => None,
                            Value::String(s) => {
                                Some(s.trim().to_string()).filter(|s| !s.is_empty())
                            }
                            _ => return Err("de notitie is geen tekst".to_string()),
                        }
                    }
                    _ => {
                        return Err(format!(
                            "onbekend veld '{}'; toegestaan: 'niveau', 'notitie'",
                            k.as_str().unwrap_or("?")
                        ))
                    }
                }
            }
            match niveau {
                Some(n) => Ok((n, notitie)),
                None => Err("het veld 'niveau' ontbreekt".to_string()),
            }
        }
        other => Ok((level_value(q, other)?, None)),
    }
}

pub(crate) fn level_value(q: &Questionnaire, v: &Value) -> std::result::Result<Option<u8>, String> {
    let max = q.levels.len();
    let number = |n: u64| -> std::result::Result<Option<u8>, String> {
        if (1..=max as u64).contains(&n) {
            Ok(Some(n as u8))
        } else {
            Err(format!("{n} is geen niveau; kies 1 t/m {max}"))
        }
    };
    match v {
        Value::Number(n) => match n.as_u64() {
            Some(n) => number(n),
            None => Err(format!("{n} is geen niveau; kies 1 t/m {max}")),
        },
        Value::String(s) => {
            let wanted = s.trim().to_lowercase();
            if DONT_KNOW.contains(&wanted.as_str()) {
                return Ok(None);
            }
            if let Ok(n) = wanted.parse::<u64>() {
                return number(n);
            }
            let hits: Vec<usize> = q
                .levels
                .iter()
                .enumerate()
                .filter(|(_, l)| !wanted.is_empty() && l.to_lowercase().starts_with(&wanted))
                .map(|(i, _)| i)
                .collect();
            match hits.as_slice() {
                [i] => Ok(Some(*i as u8 + 1)),
                [] => Err(format!("'{}' past bij geen niveau", s.trim())),
                many => Err(format!(
                    "'{}' past bij {} niveaus; typ meer tekens",
                    s.trim(),
                    many.len()
                )),
            }
        }
        Value::Null => Err("het antwoord is leeg".to_string()),
        _ => Err("het antwoord is geen niveau".to_string()),
    }
}
