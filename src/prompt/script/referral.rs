//! A referral in an answers file: providers of the Sociale Kaart by id or name, `geen passend
//! aanbod`, or a mapping with providers on the map (`kaart:`), others by name (`andere:`), the
//! gap and a note. A name that is not on the map for this category and gemeente is refused
//! with the list of what is.

use super::entry::{check_keys, resolve, scalar};
use super::Script;
use crate::engine::answer::Answer;
use crate::engine::question::Question;
use crate::error::Result;
use crate::kaart::Offer;
use crate::yaml::Value;

impl Script<'_> {
    /// A referral: providers of the Sociale Kaart by id or name (a unique beginning is enough),
    /// `geen passend aanbod`, or `{kaart: [...], andere: [...], geen-passend-aanbod: true,
    /// notitie: ...}` for providers that are not on the map.
    pub(super) fn referral(
        &self,
        i: usize,
        question: &Question<'_>,
        category: &str,
        offer: &Offer<'_>,
        entry: &Value,
    ) -> Result<Answer> {
        let offered = offer.providers_for(category);
        let pairs: Vec<(&str, &str)> = offered
            .iter()
            .map(|a| (a.id.as_str(), a.name.as_str()))
            .collect();
        let fail = |p: &str| self.mismatch(i, question, p, offered_hint(category, offer));
        let texts = |v: &Value| -> std::result::Result<Vec<String>, String> {
            match v {
                Value::Sequence(list) => list
                    .iter()
                    .map(|x| scalar(x).ok_or_else(|| "elke naam is één tekst".to_string()))
                    .collect(),
                other => scalar(other)
                    .map(|s| vec![s])
                    .ok_or_else(|| "verwacht een naam of een lijst van namen".to_string()),
            }
        };
        let on_map = |text: &str| -> std::result::Result<String, String> {
            resolve(text, &pairs)
                .map(|k| offered[k].id.clone())
                .map_err(|_| {
                    format!(
                        "'{}' staat niet op de Sociale Kaart bij deze verwijzing",
                        text.trim()
                    )
                })
        };
        let is_gap = |t: &str| {
            matches!(
                t.trim().to_lowercase().as_str(),
                "geen passend aanbod" | "geen"
            )
        };
        let mut kaart = Vec::new();
        let mut andere = Vec::new();
        let mut gap = false;
        let mut notitie = None;
        match entry {
            Value::Mapping(map) => {
                check_keys(
                    map,
                    &[
                        "kaart",
                        "andere",
                        "aanbieders",
                        "geen-passend-aanbod",
                        "notitie",
                    ],
                )
                .map_err(|p| fail(&p))?;
                if let Some(v) = map.get("kaart") {
                    for t in texts(v).map_err(|p| fail(&p))? {
                        kaart.push(on_map(&t).map_err(|p| fail(&p))?);
                    }
                }
                for key in ["andere", "aanbieders"] {
                    if let Some(v) = map.get(key) {
                        andere.extend(texts(v).map_err(|p| fail(&p))?);
                    }
                }
                gap = match map.get("geen-passend-aanbod") {
                    None => false,
                    Some(Value::Bool(b)) => *b,
                    Some(_) => return Err(fail("'geen-passend-aanbod:' is true of false")),
                };
                notitie = map.get("notitie").and_then(scalar);
            }
            other => {
                for t in texts(other).map_err(|p| fail(&p))? {
                    if is_gap(&t) {
                        gap = true;
                    } else {
                        kaart.push(on_map(&t).map_err(|p| fail(&p))?);
                    }
                }
            }
        }
        Ok(Answer::Verwijzing {
            kaart,
            aanbieders: andere,
            geen_passend_aanbod: gap,
            notitie,
        })
    }
}

/// The providers of the Sociale Kaart that a referral may name, and how to name others.
pub(super) fn offered_hint(category: &str, offer: &Offer<'_>) -> String {
    let offered = offer.providers_for(category);
    let mut h = match offer.gemeente {
        Some(g) => format!("Op de Sociale Kaart staan voor '{category}' in {g}:"),
        None => format!("Op de Sociale Kaart staan voor '{category}':"),
    };
    if offered.is_empty() {
        h.push_str(" geen aanbieders.");
    }
    for a in &offered {
        h.push_str(&format!("\n  - {}  ({})", a.id, a.name));
    }
    h.push_str("\nVoor een hulpverlener die niet op de kaart staat: {andere: naam}. Geen passend aanbod: 'geen passend aanbod'.");
    h
}
