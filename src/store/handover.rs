//! The handover file (`zorgpad.overdracht/1`): one session passed to the next care provider on
//! another machine, with everything needed to go on there — the session file, and the exact
//! texts of the pinned flow set and map it is walked with — so the receiver does not depend on
//! having the same flow or map files.
//!
//! Each text carries its sha256, and `controle` is the sha256 over the whole content (the
//! compact JSON of `inhoud`), so a file changed on the way is refused before anything is
//! written. The file is not encrypted: it is written 0600 and must be sent the way the
//! organisations send client data anyway (see README).
//!
//! Receiving takes a session whose journal extends the local one (the local events are the
//! first events of the incoming journal); a journal that is already contained in the local one
//! changes nothing; journals that grew apart are refused, naming the first event where they
//! differ.

use jiff::tz::TimeZone;
use serde::{Deserialize, Serialize};

use crate::engine::journal::Event;
use crate::error::{Error, Result};
use crate::store::fingerprint::hash_text;
use crate::store::{lock, tidy, valid_id, Holder, Record, SessionLock, Store, SCHEMA as SESSION};

/// The version of the handover file format.
pub const SCHEMA: &str = "zorgpad.overdracht/1";

/// One text in the file, with the sha256 of its exact bytes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Part {
    pub sha256: String,
    pub tekst: String,
}

/// What a handover file holds.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Contents {
    pub sessie: Record,
    /// The pinned copy of the flow set (`definities/<sha>.flow.json`), as it is there.
    pub flow: Part,
    /// The pinned copy of the map; `None` for a session walked with the built-in example map.
    pub kaart: Option<Part>,
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct HandoverFile {
    schema: String,
    inhoud: Contents,
    controle: String,
}

fn part(tekst: String) -> Part {
    Part {
        sha256: hash_text(&tekst),
        tekst,
    }
}

fn checksum(contents: &Contents) -> Result<String> {
    let compact = serde_json::to_string(contents).map_err(|e| {
        Error::input(format!(
            "het overdrachtsbestand kon niet worden gemaakt: {e}"
        ))
    })?;
    Ok(hash_text(&compact))
}

impl Store {
    /// The handover file of `record`, as bytes, with the pinned copies of its flow and map. A
    /// session without pinned copies (saved by an older zorgpad) is refused.
    pub fn handover_of(&self, record: &Record) -> Result<Vec<u8>> {
        let no_copy = |what: &str| {
            Error::input(format!(
                "van sessie {} is geen vastgelegde kopie van de {what} (opgeslagen door een oudere zorgpad)",
                record.id
            ))
            .hint(format!("Hervat de sessie eerst (zorgpad hervat {}): bij het bewaren legt zorgpad de kopie vast. Er is niets geschreven.", record.id))
        };
        let flow = self
            .pinned_text(&record.flow, "flow.json")?
            .ok_or_else(|| no_copy("flow"))?;
        let kaart = match &record.kaart {
            Some(print) => Some(part(
                self.pinned_text(print, "kaart.yaml")?
                    .ok_or_else(|| no_copy("Sociale Kaart"))?,
            )),
            None => None,
        };
        let inhoud = Contents {
            sessie: record.clone(),
            flow: part(flow),
            kaart,
        };
        let file = HandoverFile {
            schema: SCHEMA.to_string(),
            controle: checksum(&inhoud)?,
            inhoud,
        };
        let mut text = serde_json::to_string_pretty(&file).map_err(|e| {
            Error::input(format!(
                "het overdrachtsbestand kon niet worden gemaakt: {e}"
            ))
        })?;
        text.push('\n');
        Ok(text.into_bytes())
    }

    /// The lock of session `id` for a session arriving in a handover: an existing session is
    /// locked as always (refused while in use elsewhere); for a new one the lock is taken
    /// before its file is created, and its first save creates it only if no file has the name.
    pub fn lock_arrival(&self, id: &str, holder: &Holder, zone: &TimeZone) -> Result<SessionLock> {
        if !valid_id(id) {
            return Err(refused(format!("het sessie-id '{id}' is geen geldig id")));
        }
        let mut lock = lock::acquire(self.dir(), id, holder, zone)?;
        tidy::remove_temps(self.dir(), &lock);
        lock.fresh = !self.path_of(id).is_file();
        Ok(lock)
    }
}

/// A handover file refused on reading: nothing has been written.
fn refused(why: String) -> Error {
    Error::input(format!("het overdrachtsbestand is geweigerd: {why}")).hint(
        "Er is niets veranderd in de gegevensmap. Vraag de afzender het bestand opnieuw te maken ('zorgpad sessies overdragen ID -o BESTAND') en opnieuw te sturen.",
    )
}

/// Read a handover file and check it: the format, the checksum over the whole, the checksum of
/// each text, the session's format and id. The flow and the replay are checked by the caller.
pub fn read(bytes: &[u8]) -> Result<Contents> {
    let file: HandoverFile = serde_json::from_slice(bytes).map_err(|e| {
        refused(format!(
            "het is geen overdrachtsbestand van zorgpad ({SCHEMA}), of het is beschadigd (regel {} kolom {})",
            e.line(),
            e.column()
        ))
    })?;
    if file.schema != SCHEMA {
        return Err(refused(format!(
            "onbekende versie '{}' (deze zorgpad leest '{SCHEMA}')",
            file.schema
        )));
    }
    if checksum(&file.inhoud)? != file.controle {
        return Err(refused(
            "de controlesom klopt niet: het bestand is onderweg veranderd of beschadigd"
                .to_string(),
        ));
    }
    let contents = file.inhoud;
    let parts = std::iter::once(("de flow", &contents.flow))
        .chain(contents.kaart.iter().map(|k| ("de Sociale Kaart", k)));
    for (what, p) in parts {
        if hash_text(&p.tekst) != p.sha256 {
            return Err(refused(format!(
                "de controlesom van {what} klopt niet: het bestand is onderweg veranderd of beschadigd"
            )));
        }
    }
    if contents.sessie.schema != SESSION {
        return Err(refused(format!(
            "onbekende versie van het sessieformaat '{}' (deze zorgpad leest '{SESSION}')",
            contents.sessie.schema
        )));
    }
    if !valid_id(&contents.sessie.id) {
        return Err(refused(format!(
            "'{}' is geen geldig sessie-id (alleen kleine letters, cijfers en '-')",
            contents.sessie.id
        )));
    }
    if let (Some(print), Some(k)) = (&contents.sessie.kaart, &contents.kaart) {
        if print.sha256 != k.sha256 {
            return Err(refused(
                "de Sociale Kaart past niet bij de vingerafdruk in de sessie".to_string(),
            ));
        }
    }
    if contents.sessie.kaart.is_some() != contents.kaart.is_some() {
        return Err(refused(
            "de Sociale Kaart van de sessie ontbreekt, of er is een kaart bij een sessie zonder kaart"
                .to_string(),
        ));
    }
    Ok(contents)
}

/// How an incoming journal relates to the local one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Relation {
    /// The incoming journal holds nothing the local one lacks.
    UpToDate,
    /// The incoming journal is the local one with more events after it.
    Extends,
    /// They differ at this event (0-based): the local one and the incoming one there, if any.
    Diverged {
        at: usize,
        local: Option<Box<Event>>,
        incoming: Option<Box<Event>>,
    },
}

pub fn relation(local: &[Event], incoming: &[Event]) -> Relation {
    // This side's own receipts of earlier files are bookkeeping, not work on the session: a
    // later file from the same sender still extends what was received.
    let receipts = local
        .iter()
        .rev()
        .take_while(|e| matches!(e, Event::Ontvangen { .. }))
        .count();
    let local = &local[..local.len() - receipts];
    let common = local
        .iter()
        .zip(incoming)
        .take_while(|(a, b)| a == b)
        .count();
    if common == incoming.len() {
        Relation::UpToDate
    } else if common == local.len() {
        Relation::Extends
    } else {
        Relation::Diverged {
            at: common,
            local: local.get(common).cloned().map(Box::new),
            incoming: incoming.get(common).cloned().map(Box::new),
        }
    }
}
