//! Fingerprints of the definitions a session was walked with (flow, map): name, version and
//! the sha256 of the exact text, so that a resumed session can tell when they changed.

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use crate::flow::set::FlowSet;

/// The fingerprint of a flow set: the main flow's name and version, and one hash over the text
/// of the main flow and every sub-flow (a changed Meldcode changes the session's definition too).
pub fn of_flows(set: &FlowSet, file: Option<&std::path::Path>) -> Fingerprint {
    let pairs = set
        .flows
        .iter()
        .zip(&set.texts)
        .map(|(flow, text)| (flow.id.as_str(), text.as_str()));
    Fingerprint {
        naam: set.main().name.clone(),
        versie: set.main().version.clone(),
        sha256: hash_flows(pairs),
        bestand: file.map(|p| absolute(p).display().to_string()),
    }
}

pub fn of_text(
    naam: &str,
    versie: &str,
    text: &str,
    file: Option<&std::path::Path>,
) -> Fingerprint {
    Fingerprint {
        naam: naam.to_string(),
        versie: versie.to_string(),
        sha256: hash_text(text),
        bestand: file.map(|p| absolute(p).display().to_string()),
    }
}

/// The hash of a flow set: over each flow's id and text, in order.
pub fn hash_flows<'a>(flows: impl IntoIterator<Item = (&'a str, &'a str)>) -> String {
    let mut hasher = Sha256::new();
    for (id, text) in flows {
        hasher.update(id.as_bytes());
        hasher.update([0]);
        hasher.update(text.as_bytes());
        hasher.update([0]);
    }
    hex(&hasher.finalize())
}

/// The hash of one text (a map).
pub fn hash_text(text: &str) -> String {
    hex(&Sha256::digest(text.as_bytes()))
}

impl Fingerprint {
    /// "naam versie V (sha256 1234abcd…)", for the journal and for messages.
    pub fn label(&self) -> String {
        format!(
            "{} versie {} (sha256 {}…)",
            self.naam,
            self.versie,
            self.sha256.get(..12).unwrap_or(&self.sha256)
        )
    }
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

fn absolute(path: &std::path::Path) -> std::path::PathBuf {
    std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf())
}

/// Identifies a flow or a map as it was when the session used it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Fingerprint {
    pub naam: String,
    pub versie: String,
    pub sha256: String,
    /// The file it came from; `None` for the embedded one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub bestand: Option<String>,
}
