//! The session file format (`zorgpad.sessie/1`): what one JSON file in the data directory
//! holds, with Dutch keys, and how a file is read back — a file that cannot be read says why,
//! and is left as it is.
//!
//! A session is its file name: `ID.json` holds session `ID`, and the `id` inside must say the
//! same. A file whose inner id differs (a copy `kopie-ID.json`, or an id such as `../../x`
//! typed into the JSON) is named as a problem and never read as a session, so that nothing is
//! ever saved under the inner id: not over another session, not outside the data directory.

use std::path::{Path, PathBuf};

use jiff::Timestamp;
use serde::{Deserialize, Serialize};

use crate::engine::journal::Event;
use crate::store::Fingerprint;

/// The version of the session file format.
pub const SCHEMA: &str = "zorgpad.sessie/1";

/// One session file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Record {
    pub schema: String,
    pub id: String,
    pub aangemaakt: Timestamp,
    pub bijgewerkt: Timestamp,
    pub flow: Fingerprint,
    #[serde(default)]
    pub kaart: Option<Fingerprint>,
    #[serde(default)]
    pub gemeente: Option<String>,
    /// The optional pseudonymous client reference (never a BSN).
    #[serde(default)]
    pub kenmerk: Option<String>,
    pub journaal: Vec<Event>,
}

/// A session file that could not be read, with why.
#[derive(Debug, Clone)]
pub struct Unreadable {
    pub path: PathBuf,
    pub reason: String,
    /// The file can be read, but its name and the id inside differ (or its name is no id).
    pub misnamed: bool,
}

/// Whether `id` is a plain session id: lower-case letters, digits and '-', so never a path
/// (no '/', '\\' or '..'), and never a hidden file.
pub fn valid_id(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= 64
        && id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

pub(crate) fn read_record(path: &Path) -> std::result::Result<Record, Unreadable> {
    let fail = |reason: String| Unreadable {
        path: path.to_path_buf(),
        reason,
        misnamed: false,
    };
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let stem = name.strip_suffix(".json").unwrap_or(&name);
    let misnamed = |reason: String| Unreadable {
        misnamed: true,
        ..fail(reason)
    };
    if !valid_id(stem) {
        return Err(misnamed(format!(
            "de naam van het bestand {name} is geen sessie-id (alleen kleine letters, cijfers en '-'); zorgpad laat het ongemoeid"
        )));
    }
    let bytes = std::fs::read(path).map_err(|e| {
        fail(format!(
            "kan het niet lezen ({})",
            crate::error::describe_io(&e)
        ))
    })?;
    if bytes.is_empty() {
        return Err(fail("het bestand is leeg".to_string()));
    }
    let record: Record = serde_json::from_slice(&bytes).map_err(|e| {
        let what = if e.is_eof() {
            "het bestand houdt onverwacht op (afgebroken?)".to_string()
        } else if e.is_syntax() {
            "het is geen geldige JSON".to_string()
        } else {
            "het past niet bij de opbouw van een sessiebestand".to_string()
        };
        fail(format!("{what}, regel {} kolom {}", e.line(), e.column()))
    })?;
    if record.schema != SCHEMA {
        return Err(fail(format!(
            "onbekende versie van het sessieformaat '{}' (deze zorgpad leest '{SCHEMA}')",
            record.schema
        )));
    }
    if record.id != stem {
        return Err(misnamed(format!(
            "het bestand {name} zegt sessie '{}' te zijn; zorgpad laat het ongemoeid",
            record.id
        )));
    }
    Ok(record)
}
