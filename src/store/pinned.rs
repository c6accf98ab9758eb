//! Pinned definitions: exact copies of the flow set and the map a session is walked with, kept
//! in the data directory, so that a session does not depend on files that move or change.
//!
//! The copies live in `definities/` (0700), one file per definition, named by the sha256 of the
//! session's fingerprint (`store/fingerprint.rs`): `<sha>.flow.json` holds every text of the
//! flow set with its id and file name, `<sha>.kaart.yaml` the map's text. Same content, same
//! name: sessions walked with the same definitions share one copy, and a copy is written only
//! when none exists (create-new, 0600). On reading, the content is hashed again; a copy whose
//! content does not match its name is refused, never used. A session keeps only the
//! fingerprints, so the session format is unchanged.

use std::collections::BTreeMap;
use std::path::PathBuf;

use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};
use crate::flow::set::FlowSet;
use crate::store::fingerprint::{self, Fingerprint};
use crate::store::private_file::{create_private_dir, write_new_copy};
use crate::store::{Record, Store};

/// The folder in the data directory.
pub const DIR: &str = "definities";

/// The format of a pinned flow set.
const FLOW_SCHEMA: &str = "zorgpad.definitie/1";

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct PinnedFlows {
    schema: String,
    naam: String,
    versie: String,
    flows: Vec<PinnedFlow>,
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct PinnedFlow {
    id: String,
    bestand: String,
    tekst: String,
}

/// A sha256 as hex: the only thing that may name a pinned file (a fingerprint comes from a
/// session file, which could have been edited).
fn plain_sha(sha: &str) -> bool {
    sha.len() == 64 && sha.bytes().all(|b| b.is_ascii_hexdigit())
}

impl Store {
    pub fn pinned_dir(&self) -> PathBuf {
        self.dir().join(DIR)
    }

    fn pinned_path(&self, sha: &str, suffix: &str) -> Result<PathBuf> {
        if !plain_sha(sha) {
            return Err(Error::input(format!(
                "de vingerafdruk '{sha}' in het sessiebestand is geen sha256"
            ))
            .hint(
                "Het sessiebestand is met de hand veranderd; het is niet veranderd door zorgpad.",
            ));
        }
        Ok(self.pinned_dir().join(format!("{sha}.{suffix}")))
    }

    /// Keep a copy of `set` (whose fingerprint is `print`), unless there is one.
    pub fn pin_flows(&self, set: &FlowSet, print: &Fingerprint) -> Result<()> {
        let pinned = PinnedFlows {
            schema: FLOW_SCHEMA.to_string(),
            naam: print.naam.clone(),
            versie: print.versie.clone(),
            flows: set
                .flows
                .iter()
                .zip(&set.texts)
                .map(|(f, t)| PinnedFlow {
                    id: f.id.clone(),
                    bestand: f.file.clone(),
                    tekst: t.clone(),
                })
                .collect(),
        };
        let mut text = serde_json::to_string_pretty(&pinned)
            .map_err(|e| Error::input(format!("de flow kon niet worden vastgelegd: {e}")))?;
        text.push('\n');
        self.pin(&print.sha256, "flow.json", text.as_bytes())
    }

    /// Keep a copy of a map's text (whose fingerprint is `print`), unless there is one.
    pub fn pin_kaart(&self, text: &str, print: &Fingerprint) -> Result<()> {
        self.pin(&print.sha256, "kaart.yaml", text.as_bytes())
    }

    fn pin(&self, sha: &str, suffix: &str, bytes: &[u8]) -> Result<()> {
        let path = self.pinned_path(sha, suffix)?;
        if path.is_file() {
            return Ok(());
        }
        let dir = self.pinned_dir();
        create_private_dir(&dir).map_err(|e| Error::write("de map met definities", &dir, &e))?;
        match write_new_copy(&path, bytes) {
            Ok(()) => Ok(()),
            // Written by another process meanwhile: the same content, by its name.
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => Ok(()),
            Err(e) => Err(Error::write("de vastgelegde kopie", &path, &e)),
        }
    }

    /// The pinned flow set with fingerprint `print`; `None` when there is no copy (a session
    /// saved by an older zorgpad). A copy whose content does not match its name is refused.
    pub fn pinned_flows(&self, print: &Fingerprint) -> Result<Option<FlowSet>> {
        let path = self.pinned_path(&print.sha256, "flow.json")?;
        let Some(bytes) = read_if_there(&path)? else {
            return Ok(None);
        };
        flows_from_pinned(&bytes, print)
            .map(Some)
            .ok_or_else(|| tampered(&path, "flow"))
    }

    /// The exact text of a pinned copy (`flow.json` or `kaart.yaml`), checked as on reading;
    /// `None` when there is no copy. For a handover file (`store/handover.rs`).
    pub fn pinned_text(&self, print: &Fingerprint, suffix: &str) -> Result<Option<String>> {
        let path = self.pinned_path(&print.sha256, suffix)?;
        let Some(bytes) = read_if_there(&path)? else {
            return Ok(None);
        };
        let fits = match suffix {
            "flow.json" => flows_from_pinned(&bytes, print).is_some(),
            _ => {
                std::str::from_utf8(&bytes).is_ok_and(|t| fingerprint::hash_text(t) == print.sha256)
            }
        };
        if !fits {
            return Err(tampered(
                &path,
                if suffix == "flow.json" {
                    "flow"
                } else {
                    "Sociale Kaart"
                },
            ));
        }
        Ok(String::from_utf8(bytes).ok())
    }

    /// Keep a copy of a pinned flow set's text as it came in (a handover file), after checking
    /// that it holds the flow set with fingerprint `print`; gives that flow set.
    pub fn pin_flow_text(&self, text: &str, print: &Fingerprint) -> Result<FlowSet> {
        let set = flows_from_pinned(text.as_bytes(), print).ok_or_else(|| {
            Error::input(
                "de flow in het overdrachtsbestand past niet bij de vingerafdruk van de sessie",
            )
        })?;
        self.pin(&print.sha256, "flow.json", text.as_bytes())?;
        Ok(set)
    }

    /// The pinned text of the map with fingerprint `print`; `None` when there is no copy.
    pub fn pinned_kaart(&self, print: &Fingerprint) -> Result<Option<String>> {
        let path = self.pinned_path(&print.sha256, "kaart.yaml")?;
        let Some(bytes) = read_if_there(&path)? else {
            return Ok(None);
        };
        let text = String::from_utf8(bytes).map_err(|_| tampered(&path, "Sociale Kaart"))?;
        if fingerprint::hash_text(&text) != print.sha256 {
            return Err(tampered(&path, "Sociale Kaart"));
        }
        Ok(Some(text))
    }
}

impl Store {
    /// The flows a stored session is replayed with: its pinned copy, else (a session saved
    /// before zorgpad kept copies) the file it recorded, or the embedded flows; with whether it
    /// was the pinned copy.
    pub fn flows_of(&self, record: &Record) -> Result<(FlowSet, bool)> {
        if let Some(set) = self.pinned_flows(&record.flow)? {
            return Ok((set, true));
        }
        let path = record.flow.bestand.as_deref().map(std::path::Path::new);
        Ok((FlowSet::load(path)?, false))
    }
}

/// The flows of many sessions (for `sessies` and `statistiek`), each loaded once; `None` for
/// a session whose flows cannot be loaded.
pub struct FlowCache<'s> {
    store: &'s Store,
    sets: BTreeMap<(String, Option<String>), Option<FlowSet>>,
}

impl<'s> FlowCache<'s> {
    pub fn new(store: &'s Store) -> FlowCache<'s> {
        FlowCache {
            store,
            sets: BTreeMap::new(),
        }
    }

    pub fn get(&mut self, record: &Record) -> Option<&FlowSet> {
        let key = (record.flow.sha256.clone(), record.flow.bestand.clone());
        let store = self.store;
        self.sets
            .entry(key)
            .or_insert_with(|| store.flows_of(record).ok().map(|(set, _)| set))
            .as_ref()
    }
}

/// The flow set in a pinned copy's bytes, if they hold the flow set with fingerprint `print`.
pub fn flows_from_pinned(bytes: &[u8], print: &Fingerprint) -> Option<FlowSet> {
    let pinned: PinnedFlows = serde_json::from_slice(bytes)
        .ok()
        .filter(|p: &PinnedFlows| p.schema == FLOW_SCHEMA)?;
    let flows: Vec<(String, String, String)> = pinned
        .flows
        .into_iter()
        .map(|f| (f.id, f.bestand, f.tekst))
        .collect();
    let pairs: Vec<(&str, &str)> = flows
        .iter()
        .map(|(id, _, t)| (id.as_str(), t.as_str()))
        .collect();
    if fingerprint::hash_flows(pairs) != print.sha256 {
        return None;
    }
    FlowSet::from_texts(flows).ok()
}

fn read_if_there(path: &std::path::Path) -> Result<Option<Vec<u8>>> {
    match std::fs::read(path) {
        Ok(bytes) => Ok(Some(bytes)),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(e) => Err(Error::read("de vastgelegde kopie", path, &e)),
    }
}

fn tampered(path: &std::path::Path, what: &str) -> Error {
    Error::input(format!(
        "de vastgelegde kopie van de {what} van deze sessie ({}) is veranderd: de inhoud past niet bij de vingerafdruk in de naam",
        path.display()
    ))
    .hint("zorgpad gebruikt een veranderde kopie niet; de sessie is niet veranderd. Zet de kopie terug (bijvoorbeeld uit een back-up), of zet de sessie bewust over met 'zorgpad hervat ID --flow BESTAND' of '--kaart BESTAND'.")
}
