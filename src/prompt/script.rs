//! Scripted answers (`zorgpad start --antwoorden FILE`): the same engine, no terminal.
//!
//! The file is a YAML list, one entry per question, in order. Entries are forgiving in the way
//! people type (an option by id or label, any case, a unique prefix is enough) and strict in
//! what they accept: an entry that does not fit stops the run and names the question, the
//! entry and the valid choices, because a replay that silently guesses is worse than none.

use std::path::Path;

use crate::engine::answer::{Answer, Mark};
use crate::engine::prompter::{question_ref, question_text, Prompter, Reply};
use crate::engine::question::Question;
use crate::engine::rules::Mismatch;
use crate::error::{read_text, Error, Result};
use crate::flow::model::{Action, Body, Choice};
use crate::offer::Offer;
use crate::yaml::{self, Value};

/// The reserved entry that means "go back one question".
pub const BACK: &str = "terug";

/// The reserved entry that means "not yet — continue later" (pause the session here).
pub const LATER: &str = "later";

pub struct Script<'k> {
    file: String,
    entries: Vec<Value>,
    lines: Vec<Option<usize>>,
    next: usize,
    /// The Sociale Kaart of the session, for the providers at a referral.
    offer: Option<Offer<'k>>,
}

impl<'k> Script<'k> {
    pub fn load(path: &Path) -> Result<Script<'k>> {
        let file = path.display().to_string();
        let text = read_text("het antwoordenbestand", path)?;
        let value: Value = yaml::parse(&text).map_err(|e| {
            Error::input(format!("{}: {}", e.place(&file), e.message)).hint(FORMAT_HINT)
        })?;
        let Value::Sequence(entries) = value else {
            return Err(Error::input(format!(
                "{file}: het antwoordenbestand moet een lijst zijn, met één antwoord per vraag"
            ))
            .hint(FORMAT_HINT));
        };
        let lines = entry_lines(&text, entries.len());
        Ok(Script {
            file,
            entries,
            lines,
            next: 0,
            offer: None,
        })
    }

    /// The Sociale Kaart to take the providers of a referral from.
    pub fn set_offer(&mut self, offer: Offer<'k>) {
        self.offer = Some(offer);
    }

    /// Entries not used by the walk (after its end).
    pub fn unused(&self) -> usize {
        self.entries.len().saturating_sub(self.next)
    }

    /// The error for entries left over after the end.
    pub fn leftover_error(&self) -> Error {
        Error::input(format!(
            "{}: de flow is afgerond na {} antwoorden, maar het bestand bevat er {} ({} niet gebruikt, vanaf {})",
            self.file,
            self.next,
            self.entries.len(),
            self.unused(),
            self.place(self.next)
        ))
        .hint("Haal de overtollige antwoorden weg; misschien leidde een eerder antwoord naar een korter pad dan bedoeld.")
    }

    fn place(&self, i: usize) -> String {
        match self.lines.get(i).copied().flatten() {
            Some(line) => format!("antwoord {} (regel {line})", i + 1),
            None => format!("antwoord {}", i + 1),
        }
    }

    /// An entry the engine refuses: its reason, with how to write the entry instead.
    fn refused(&self, i: usize, question: &Question<'_>, mismatch: &Mismatch) -> Error {
        let hint = match (mismatch, &question.node.body, &self.offer) {
            (Mismatch::BindingProposal { proposed, .. }, ..) => format!("Kies '{proposed}'."),
            (Mismatch::ReasonRequired { chosen, .. }, ..) => {
                format!("Schrijf het antwoord als {{keuze: {chosen}, toelichting: \"waarom\"}}.")
            }
            (
                Mismatch::NothingChosen | Mismatch::GapWithProvider,
                Body::Referral { category, .. },
                Some(offer),
            ) => offered_hint(category, offer),
            _ => valid_for(question),
        };
        self.mismatch(i, question, &mismatch.to_string(), hint)
    }

    fn mismatch(&self, i: usize, question: &Question<'_>, problem: &str, valid: String) -> Error {
        Error::input(format!(
            "{}: {} past niet bij {}: {}\n  vraag: {}\n  antwoord: {}",
            self.file,
            self.place(i),
            question_ref(question),
            problem,
            question_text(question),
            inline(&self.entries[i])
        ))
        .hint(valid)
    }
}

const FORMAT_HINT: &str =
    "De vorm van een antwoordenbestand staat in README.md (onder 'Antwoordenbestand').";

impl Prompter for Script<'_> {
    fn ask(&mut self, question: &Question<'_>) -> Result<Reply> {
        let i = self.next;
        let Some(entry) = self.entries.get(i) else {
            return Err(Error::input(format!(
                "{}: de antwoorden zijn op na {} antwoorden; de flow is nog niet afgerond",
                self.file,
                self.entries.len()
            ))
            .hint(format!(
                "De volgende vraag is {}: {}\n{}",
                question_ref(question),
                question_text(question),
                valid_for(question)
            )));
        };
        self.next += 1;
        if entry
            .as_str()
            .is_some_and(|s| s.trim().eq_ignore_ascii_case(BACK))
        {
            if !question.can_go_back {
                return Err(Error::input(format!(
                    "{}: {} is '{BACK}', maar bij {} is er geen vorige vraag om naar terug te gaan",
                    self.file,
                    self.place(i),
                    question_ref(question)
                ))
                .hint(format!(
                    "Haal dit '{BACK}' weg, of zet er eerst een antwoord op deze vraag voor.\n{}",
                    valid_for(question)
                )));
            }
            return Ok(Reply::Back);
        }
        if let Some(expected) = self.pause_entry(i, question, entry)? {
            return Ok(Reply::Pause { expected });
        }
        let answer = match &question.node.body {
            Body::Decision { options, .. } | Body::Wait { options, .. } => {
                self.choice(i, question, options, entry)
            }
            Body::Action { items, .. } => self.checklist(i, question, items, entry),
            Body::Criteria { items, .. } => self.criteria(i, question, items, entry),
            Body::Referral { category, .. } => {
                let offer = self.offer.ok_or_else(crate::prompt::no_offer)?;
                self.referral(i, question, category, &offer, entry)
            }
            _ => Err(Error::input(format!(
                "{}: vraag zonder antwoordvorm",
                question.key
            ))),
        }?;
        question
            .check(&answer)
            .map_err(|m| self.refused(i, question, &m))?;
        Ok(Reply::Answer(answer))
    }
}

impl Script<'_> {
    /// `later` or `{later: 2026-12-20}`: pause here. `Ok(None)` when the entry is no pause.
    fn pause_entry(
        &self,
        i: usize,
        question: &Question<'_>,
        entry: &Value,
    ) -> Result<Option<Option<jiff::civil::Date>>> {
        let date = match entry {
            Value::String(s) if s.trim().eq_ignore_ascii_case(LATER) => None,
            Value::Mapping(map) if map.len() == 1 && map.get(LATER).is_some() => {
                match map.get(LATER).and_then(scalar) {
                    None => None,
                    Some(text) => Some(crate::clock::parse_date(&text).ok_or_else(|| {
                        self.mismatch(
                            i,
                            question,
                            &format!("'{text}' is geen geldige datum"),
                            "Schrijf de datum als 20-12-2026 of 2026-12-20, of laat hem weg: '- later'.".to_string(),
                        )
                    })?),
                }
            }
            _ => return Ok(None),
        };
        if !question.can_pause {
            return Err(self.mismatch(
                i,
                question,
                "hier kan de sessie niet pauzeren: alleen bij een wachtmoment (afspraak, bevalling) of het MDO",
                valid_for(question),
            ));
        }
        Ok(Some(date))
    }

    fn choice(
        &self,
        i: usize,
        question: &Question<'_>,
        options: &[Choice],
        entry: &Value,
    ) -> Result<Answer> {
        let (choice, toelichting) = match entry {
            Value::Mapping(map) => {
                check_keys(map, &["keuze", "toelichting"])
                    .map_err(|p| self.mismatch(i, question, &p, valid_for(question)))?;
                let choice = map.get("keuze").and_then(scalar).ok_or_else(|| {
                    self.mismatch(
                        i,
                        question,
                        "'keuze:' ontbreekt of is geen tekst",
                        valid_for(question),
                    )
                })?;
                (choice, map.get("toelichting").and_then(scalar))
            }
            other => (
                scalar(other).ok_or_else(|| {
                    self.mismatch(i, question, "een keuze is één tekst", valid_for(question))
                })?,
                None,
            ),
        };
        let pairs: Vec<(&str, &str)> = options
            .iter()
            .map(|o| (o.id.as_str(), o.label.as_str()))
            .collect();
        let index = resolve(&choice, &pairs)
            .map_err(|p| self.mismatch(i, question, &p, valid_for(question)))?;
        Ok(Answer::Keuze {
            optie: options[index].id.clone(),
            toelichting,
        })
    }

    fn checklist(
        &self,
        i: usize,
        question: &Question<'_>,
        items: &[Action],
        entry: &Value,
    ) -> Result<Answer> {
        let pairs: Vec<(&str, &str)> = items
            .iter()
            .map(|a| (a.id.as_str(), a.tekst.as_str()))
            .collect();
        let fail = |p: &str| self.mismatch(i, question, p, valid_for(question));
        let pick = |v: &Value| {
            pick_items(
                v,
                &pairs,
                "actie",
                "'alles', 'niets' of een lijst van acties",
            )
        };
        let (done, nvt, notitie) = match entry {
            Value::Mapping(map) => {
                check_keys(map, &["gedaan", "nvt", "notitie"]).map_err(|p| fail(&p))?;
                let done = map
                    .get("gedaan")
                    .map(pick)
                    .transpose()
                    .map_err(|p| fail(&p))?
                    .unwrap_or_default();
                let nvt = map
                    .get("nvt")
                    .map(pick)
                    .transpose()
                    .map_err(|p| fail(&p))?
                    .unwrap_or_default();
                (done, nvt, map.get("notitie").and_then(scalar))
            }
            other => (pick(other).map_err(|p| fail(&p))?, Vec::new(), None),
        };
        if let Some(both) = done.iter().find(|k| nvt.contains(k)) {
            return Err(fail(&format!(
                "de actie '{}' staat zowel bij 'gedaan' als bij 'nvt'",
                items[*both].id
            )));
        }
        let acties = Mark::from_picks(items, &done, &nvt);
        Ok(Answer::Checklist { acties, notitie })
    }

    fn criteria(
        &self,
        i: usize,
        question: &Question<'_>,
        items: &[Action],
        entry: &Value,
    ) -> Result<Answer> {
        let pairs: Vec<(&str, &str)> = items
            .iter()
            .map(|a| (a.id.as_str(), a.tekst.as_str()))
            .collect();
        let fail = |p: &str| self.mismatch(i, question, p, valid_for(question));
        let pick = |v: &Value| {
            pick_items(
                v,
                &pairs,
                "criterium",
                "'geen', 'alle' of een lijst van criteria",
            )
        };
        let (picked, notitie) = match entry {
            Value::Mapping(map) => {
                check_keys(map, &["gelden", "notitie"]).map_err(|p| fail(&p))?;
                let picked = map
                    .get("gelden")
                    .map(pick)
                    .transpose()
                    .map_err(|p| fail(&p))?
                    .unwrap_or_default();
                (picked, map.get("notitie").and_then(scalar))
            }
            other => (pick(other).map_err(|p| fail(&p))?, None),
        };
        Ok(Answer::Criteria {
            gelden: picked.into_iter().map(|k| items[k].id.clone()).collect(),
            notitie,
        })
    }

    /// A referral: providers of the Sociale Kaart by id or name (a unique beginning is enough),
    /// `geen passend aanbod`, or `{kaart: [...], andere: [...], geen-passend-aanbod: true,
    /// notitie: ...}` for providers that are not on the map.
    fn referral(
        &self,
        i: usize,
        question: &Question<'_>,
        category: &str,
        offer: &Offer<'_>,
        entry: &Value,
    ) -> Result<Answer> {
        let offered = offer.providers(category);
        let pairs: Vec<(&str, &str)> = offered
            .iter()
            .map(|a| (a.id.as_str(), a.naam.as_str()))
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
fn offered_hint(category: &str, offer: &Offer<'_>) -> String {
    let offered = offer.providers(category);
    let mut h = match offer.gemeente {
        Some(g) => format!("Op de Sociale Kaart staan voor '{category}' in {g}:"),
        None => format!("Op de Sociale Kaart staan voor '{category}':"),
    };
    if offered.is_empty() {
        h.push_str(" geen aanbieders.");
    }
    for a in &offered {
        h.push_str(&format!("\n  - {}  ({})", a.id, a.naam));
    }
    h.push_str("\nVoor een hulpverlener die niet op de kaart staat: {andere: naam}. Geen passend aanbod: 'geen passend aanbod'.");
    h
}

/// What the file may say for this question.
pub fn valid_for(question: &Question<'_>) -> String {
    let list = |pairs: Vec<(&str, &str)>| {
        pairs
            .iter()
            .map(|(id, label)| format!("  - {id}  ({label})"))
            .collect::<Vec<_>>()
            .join("\n")
    };
    match &question.node.body {
        Body::Decision { options, .. } | Body::Wait { options, .. } => format!(
            "Geldige keuzes (id of label; een uniek begin is genoeg), of '{BACK}':\n{}",
            list(options.iter().map(|o| (o.id.as_str(), o.label.as_str())).collect())
        ),
        Body::Action { items, .. } => format!(
            "Geldig: 'alles', 'niets', of een lijst van gedane acties (of {{gedaan: [...], nvt: [...], notitie: ...}}):\n{}",
            list(items.iter().map(|a| (a.id.as_str(), a.tekst.as_str())).collect())
        ),
        Body::Referral { category, .. } => format!(
            "Geldig: de naam van een hulpverlener of organisatie (categorie '{category}'), of een lijst van namen."
        ),
        Body::Criteria { items, .. } => format!(
            "Geldig: 'geen', 'alle', of een lijst van criteria die gelden (of {{gelden: [...], notitie: ...}}):\n{}",
            list(items.iter().map(|a| (a.id.as_str(), a.tekst.as_str())).collect())
        ),
        _ => String::new(),
    }
}

/// Items of a checklist or criteria list: `alles`/`alle`, `niets`/`geen`, one item, or a list
/// of items (each by id or text; a unique beginning is enough).
fn pick_items(
    v: &Value,
    pairs: &[(&str, &str)],
    one: &str,
    expected: &str,
) -> std::result::Result<Vec<usize>, String> {
    match v {
        Value::Null => Ok(Vec::new()),
        Value::Sequence(list) => list
            .iter()
            .map(|item| {
                let text = scalar(item)
                    .ok_or_else(|| format!("elk onderdeel van de lijst is één {one} (tekst)"))?;
                resolve(&text, pairs)
            })
            .collect(),
        other => {
            let text = scalar(other).ok_or_else(|| format!("verwacht {expected}"))?;
            match text.trim().to_lowercase().as_str() {
                "alles" | "alle" => Ok((0..pairs.len()).collect()),
                "niets" | "geen" => Ok(Vec::new()),
                _ => resolve(&text, pairs).map(|k| vec![k]),
            }
        }
    }
}

/// Find an option by id or label: exact (any case) first, then a unique prefix.
fn resolve(text: &str, pairs: &[(&str, &str)]) -> std::result::Result<usize, String> {
    let wanted = text.trim().to_lowercase();
    if wanted.is_empty() {
        return Err("het antwoord is leeg".to_string());
    }
    if let Some(k) = pairs
        .iter()
        .position(|(id, label)| id.to_lowercase() == wanted || label.to_lowercase() == wanted)
    {
        return Ok(k);
    }
    let hits: Vec<usize> = pairs
        .iter()
        .enumerate()
        .filter(|(_, (id, label))| {
            id.to_lowercase().starts_with(&wanted) || label.to_lowercase().starts_with(&wanted)
        })
        .map(|(k, _)| k)
        .collect();
    match hits.as_slice() {
        [k] => Ok(*k),
        [] => Err(format!("'{}' is geen van de mogelijkheden", text.trim())),
        many => Err(format!(
            "'{}' is niet eenduidig: het past bij {}",
            text.trim(),
            many.iter()
                .map(|k| format!("'{}'", pairs[*k].0))
                .collect::<Vec<_>>()
                .join(" en ")
        )),
    }
}

/// An entry on one line, as it could be written in the file: `{gedaan: [a, b], nvt: [c]}`.
fn inline(v: &Value) -> String {
    match v {
        Value::Sequence(list) => format!(
            "[{}]",
            list.iter().map(inline).collect::<Vec<_>>().join(", ")
        ),
        Value::Mapping(map) => format!(
            "{{{}}}",
            map.iter()
                .map(|(k, v)| format!("{}: {}", inline(k), inline(v)))
                .collect::<Vec<_>>()
                .join(", ")
        ),
        Value::Null => "(leeg)".to_string(),
        other => scalar(other).unwrap_or_else(|| yaml::to_text(other).replace('\n', " ")),
    }
}

fn scalar(v: &Value) -> Option<String> {
    match v {
        Value::String(s) => Some(s.clone()),
        Value::Bool(true) => Some("ja".to_string()),
        Value::Bool(false) => Some("nee".to_string()),
        Value::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

fn check_keys(map: &yaml::Mapping, allowed: &[&str]) -> std::result::Result<(), String> {
    for key in map.keys() {
        let name = scalar(key).unwrap_or_default();
        if !allowed.contains(&name.as_str()) {
            return Err(format!(
                "onbekend veld '{name}'; toegestaan zijn: {}",
                allowed
                    .iter()
                    .map(|a| format!("'{a}'"))
                    .collect::<Vec<_>>()
                    .join(", ")
            ));
        }
    }
    Ok(())
}

/// The line of each top-level list entry (`- ` at the start of a line), when the file is
/// written in the usual block style; otherwise no lines are given.
fn entry_lines(text: &str, count: usize) -> Vec<Option<usize>> {
    let lines: Vec<usize> = text
        .lines()
        .enumerate()
        .filter(|(_, l)| l.starts_with("- ") || *l == "-")
        .map(|(i, _)| i + 1)
        .collect();
    if lines.len() == count {
        lines.into_iter().map(Some).collect()
    } else {
        vec![None; count]
    }
}
