//! Scripted answers (`zorgpad start --antwoorden FILE`): the same engine, no terminal.
//!
//! The file is a YAML list, one entry per question, in order. Entries are forgiving in the way
//! people type (an option by id or label, any case, a unique prefix is enough) and strict in
//! what they accept: an entry that does not fit stops the run and names the question, the
//! entry and the valid choices, because a replay that silently guesses is worse than none.
//!
//! This file holds the script: where each entry is in the file, the reserved entries ('terug',
//! 'later'), and how a refusal is reported. Reading an entry as an answer is in [`choice`],
//! [`checklist`], [`referral`] and [`text`], with the shared readers in [`entry`]. Whether the
//! answer fits is the engine's to say ([`Question::check`]); this file reports it with the
//! place in the file and what may be written instead.

mod checklist;
mod choice;
mod entry;
mod referral;
mod reopen;
mod text;

use std::path::Path;

use crate::engine::prompter::{
    question_ref, question_text, BackDecision, Prompter, Reply, Withdrawing,
};
use crate::engine::question::Question;
use crate::engine::rules::{self, Mismatch};
use crate::error::{read_text, Error, Result};
use crate::flow::model::Body;
use crate::kaart::Offer;
use crate::yaml::{self, Value};
use entry::{inline, scalar};
use referral::offered_hint;

/// The reserved entry that means "go back one question".
pub(crate) const BACK: &str = "terug";

/// The reserved entry that means "not yet — continue later" (pause the session here).
pub(crate) const LATER: &str = "later";

pub struct Script<'k> {
    file: String,
    entries: Vec<Value>,
    lines: Vec<Option<usize>>,
    /// Each entry as written on its line (`3` for `- 3  # kinderen`), when lines are known.
    written: Vec<Option<String>>,
    next: usize,
    /// The Sociale Kaart of the session, for the providers at a referral.
    offer: Option<Offer<'k>>,
    /// The reason of the last `terug` entry (`{terug: {reden: …}}`), for [`Prompter::confirm_back`].
    back_reason: Option<String>,
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
        let written = lines.iter().map(|line| entry_text(&text, *line)).collect();
        Ok(Script {
            file,
            entries,
            lines,
            written,
            next: 0,
            offer: None,
            back_reason: None,
        })
    }

    /// A script of entries already read (the `antwoorden:` of a practice case); `file` names
    /// them in messages. No lines are known.
    pub(crate) fn from_entries(file: &str, entries: Vec<Value>) -> Script<'k> {
        let count = entries.len();
        Script {
            file: file.to_string(),
            entries,
            lines: vec![None; count],
            written: vec![None; count],
            next: 0,
            offer: None,
            back_reason: None,
        }
    }

    /// The Sociale Kaart to take the providers of a referral from.
    pub(crate) fn set_offer(&mut self, offer: Offer<'k>) {
        self.offer = Some(offer);
    }

    /// Entries not used by the walk (after its end).
    pub(crate) fn unused(&self) -> usize {
        self.entries.len().saturating_sub(self.next)
    }

    /// The error for entries left over after the end.
    pub(crate) fn leftover_error(&self) -> Error {
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
            (Mismatch::Bsn { field }, ..) if *field == rules::TEXT => format!(
                "Haal het BSN uit dit antwoord: {}",
                lower_first(crate::bsn::INSTEAD)
            ),
            (Mismatch::Bsn { field }, ..) => format!(
                "Haal het BSN uit {} van dit antwoord: {}",
                rules::the(field),
                lower_first(crate::bsn::INSTEAD)
            ),
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
            // A BSN is not repeated, not even on the screen.
            crate::bsn::redact(&inline(&self.entries[i]))
        ))
        .hint(valid)
    }
}

fn lower_first(text: &str) -> String {
    let mut chars = text.chars();
    chars
        .next()
        .map(|c| c.to_lowercase().chain(chars).collect())
        .unwrap_or_default()
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
        if let Some(reason) = self.back_entry(i, question, entry)? {
            self.back_reason = reason;
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
            Body::Text { .. } => self.text(i, question, entry),
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

    /// The file's `terug` is deliberate: going back into another role's answer needs no more.
    /// A Kindcheck, Meldcode or PPM answer needs the reason: `{terug: {reden: …}}`.
    fn confirm_back(&mut self, back: &Withdrawing) -> Result<BackDecision> {
        let i = self.next.saturating_sub(1);
        let reason = self.back_reason.take();
        match crate::engine::rules::back_reason(back.reason_required, reason.as_deref()) {
            Ok(reason) => Ok(BackDecision::Go { reason }),
            Err(mismatch) => Err(Error::input(format!(
                "{}: {} is '{BACK}' naar {} ({}): {mismatch}",
                self.file,
                self.place(i),
                back.key,
                back.question
            ))
            .hint(format!(
                "Schrijf het als: - {BACK}: {{reden: \"waarom het antwoord verandert\"}} (zonder BSN)."
            ))),
        }
    }
}

impl Script<'_> {
    /// `terug`, or `{terug: {reden: …}}`: go back. `Ok(None)` when the entry is no "back";
    /// `Ok(Some(reason))` when it is.
    fn back_entry(
        &self,
        i: usize,
        question: &Question<'_>,
        entry: &Value,
    ) -> Result<Option<Option<String>>> {
        let reason = match entry {
            Value::String(s) if s.trim().eq_ignore_ascii_case(BACK) => None,
            Value::Mapping(map) if map.len() == 1 && map.get(BACK).is_some() => {
                let reason = match map.get(BACK) {
                    Some(Value::Mapping(inner)) if inner.len() == 1 => {
                        inner.get("reden").and_then(scalar)
                    }
                    _ => None,
                };
                if reason.is_none() {
                    return Err(self.mismatch(
                        i,
                        question,
                        &format!("'{BACK}' met een reden schrijft u als {{{BACK}: {{reden: \"waarom\"}}}}"),
                        format!("Bijvoorbeeld: - {BACK}: {{reden: \"uitkomst Kindcheck verkeerd ingevoerd\"}}"),
                    ));
                }
                reason
            }
            _ => return Ok(None),
        };
        Ok(Some(reason))
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
}

/// What the file may say for this question.
pub(crate) fn valid_for(question: &Question<'_>) -> String {
    let list = |pairs: Vec<(&str, &str)>| {
        pairs
            .iter()
            .map(|(id, label)| format!("  - {id}  ({label})"))
            .collect::<Vec<_>>()
            .join("\n")
    };
    match &question.node.body {
        Body::Decision { options, .. } | Body::Wait { options, .. } => {
            // Where a question can wait, "later" (optionally with a date) is a valid answer too.
            let or = if question.can_pause {
                format!("'{BACK}', of '{LATER}' (eventueel met een datum: '{LATER}: 20-12-2026')")
            } else {
                format!("'{BACK}'")
            };
            format!(
                "Geldige keuzes (id of label; een uniek begin is genoeg), of {or}:\n{}",
                list(options.iter().map(|o| (o.id.as_str(), o.label.as_str())).collect())
            )
        }
        Body::Action { items, .. } => format!(
            "Geldig: 'alles', 'niets', of een lijst van gedane acties (of {{gedaan: [...], nvt: [...], notitie: ...}}):\n{}",
            list(items.iter().map(|a| (a.id.as_str(), a.text.as_str())).collect())
        ),
        Body::Referral { category, .. } => format!(
            "Geldig: de naam van een hulpverlener of organisatie (categorie '{category}'), of een lijst van namen."
        ),
        Body::Criteria { items, .. } => format!(
            "Geldig: 'geen', 'alle', of een lijst van criteria die gelden (of {{gelden: [...], notitie: ...}}):\n{}",
            list(items.iter().map(|a| (a.id.as_str(), a.text.as_str())).collect())
        ),
        Body::Text { .. } => {
            let or = if question.can_pause {
                format!("'{BACK}', of '{LATER}' (eventueel met een datum: '{LATER}: 20-12-2026')")
            } else {
                format!("'{BACK}'")
            };
            format!(
                "Geldig: de tekst van het antwoord, bijvoorbeeld - \"wijkteam, tot 1 maart\" (een tekst met een dubbele punt tussen aanhalingstekens), of {or}. Een tekst die zelf '{BACK}' of '{LATER}' luidt, schrijft u als {{tekst: \"{LATER}\"}}."
            )
        }
        _ => String::new(),
    }
}

/// The entry on a line as written: behind `- `, without a comment.
fn entry_text(text: &str, line: Option<usize>) -> Option<String> {
    let l = text.lines().nth(line? - 1)?;
    let rest = l.strip_prefix('-')?;
    let rest = rest.split(" #").next().unwrap_or(rest).trim();
    (!rest.is_empty()).then(|| rest.to_string())
}

/// The line of each top-level list entry (`- ` at the start of a line), when the file is
/// written in the usual block style; otherwise no lines are given.
fn entry_lines(text: &str, count: usize) -> Vec<Option<usize>> {
    let lines = crate::yaml::entry_lines(text);
    if lines.len() == count {
        lines.into_iter().map(Some).collect()
    } else {
        vec![None; count]
    }
}
