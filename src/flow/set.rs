//! The set of flows one session uses: the main flow and every sub-flow it calls.
//!
//! The shipped flows are embedded in the binary, so `zorgpad start` works from any directory.
//! A VSV's own flow (`--flow FILE`) finds its sub-flows beside it (`<map>/<id>.yaml`) and falls
//! back to the embedded ones, so a VSV can adapt the blueprint without copying the Meldcode.

use std::path::Path;

use crate::error::{read_text, Error, Result};
use crate::finding::Finding;
use crate::flow::model::{Body, Flow};
use crate::flow::raw::RawFlow;
use crate::yaml;

/// The id of the default main flow.
pub(crate) const DEFAULT_FLOW: &str = "blauwdruk-psychosociaal";

/// Flows shipped inside the binary: (id, text).
const EMBEDDED: &[(&str, &str)] = &[
    (
        DEFAULT_FLOW,
        include_str!("../../flows/blauwdruk-psychosociaal.yaml"),
    ),
    ("meldcode", include_str!("../../flows/meldcode.yaml")),
];

/// The main flow and its sub-flows, as loaded. Findings of conversion are kept for the
/// validator, which adds the graph checks.
#[derive(Debug, Clone)]
pub struct FlowSet {
    /// The main flow is always the first.
    pub flows: Vec<Flow>,
    pub findings: Vec<Finding>,
    /// The text of each flow, in the same order, for the fingerprint of a session.
    pub texts: Vec<String>,
}

impl FlowSet {
    pub fn main(&self) -> &Flow {
        &self.flows[0]
    }

    pub fn get(&self, id: &str) -> Option<&Flow> {
        self.flows.iter().find(|f| f.id == id)
    }

    pub fn position(&self, id: &str) -> Option<usize> {
        self.flows.iter().position(|f| f.id == id)
    }

    /// Load the embedded blueprint, or the flow in `path`, with all sub-flows it calls.
    pub fn load(path: Option<&Path>) -> Result<FlowSet> {
        let (id, file, text, dir) = match path {
            Some(path) => {
                let text = read_text("het flowbestand", path)?;
                (
                    stem(path)?,
                    path.display().to_string(),
                    text,
                    path.parent().map(Path::to_path_buf),
                )
            }
            None => {
                let (id, text) = embedded(DEFAULT_FLOW)
                    .ok_or_else(|| Error::input("de ingebouwde flow ontbreekt"))?;
                (id.to_string(), embedded_name(id), text.to_string(), None)
            }
        };
        let mut set = FlowSet {
            flows: Vec::new(),
            findings: Vec::new(),
            texts: Vec::new(),
        };
        set.add(&id, &file, text)?;
        // Resolve sub-flows breadth-first; each is loaded once, however often it is called.
        let mut i = 0;
        while i < set.flows.len() {
            let calls: Vec<String> = set.flows[i]
                .nodes
                .iter()
                .filter_map(|n| match &n.body {
                    Body::Subflow { flow, .. } => Some(flow.clone()),
                    _ => None,
                })
                .collect();
            for call in calls {
                if set.get(&call).is_some() || !is_plain_id(&call) {
                    continue;
                }
                let beside = dir.as_ref().map(|d| d.join(format!("{call}.yaml")));
                match beside.filter(|p| p.is_file()) {
                    Some(p) => {
                        let text = read_text("het flowbestand", &p)?;
                        set.add(&call, &p.display().to_string(), text)?;
                    }
                    None => {
                        if let Some((id, text)) = embedded(&call) {
                            set.add(id, &embedded_name(id), text.to_string())?;
                        }
                    }
                }
            }
            i += 1;
        }
        Ok(set)
    }

    /// A set from stored texts, main flow first: (id, file name for messages, text). For the
    /// copy a session pinned (`store/pinned.rs`); no file is read and no sub-flow looked up.
    pub fn from_texts(flows: Vec<(String, String, String)>) -> Result<FlowSet> {
        let mut set = FlowSet {
            flows: Vec::new(),
            findings: Vec::new(),
            texts: Vec::new(),
        };
        for (id, file, text) in flows {
            set.add(&id, &file, text)?;
        }
        if set.flows.is_empty() {
            return Err(Error::input("de vastgelegde flow is leeg"));
        }
        Ok(set)
    }

    fn add(&mut self, id: &str, file: &str, text: String) -> Result<()> {
        let raw: RawFlow = yaml::parse(&text).map_err(|e| {
            Error::input(format!("{}: {}", e.place(file), e.message))
                .hint("Dit is geen geldig flowbestand. De opbouw staat in flows/README.md; controleer het met 'zorgpad controleer --flow BESTAND'.")
        })?;
        let (flow, mut findings) = crate::flow::convert::convert(id, file, &text, raw);
        self.flows.push(flow);
        self.findings.append(&mut findings);
        self.texts.push(text);
        Ok(())
    }
}

/// The names of the embedded flows.
pub(crate) fn embedded_ids() -> impl Iterator<Item = &'static str> {
    EMBEDDED.iter().map(|(id, _)| *id)
}

fn embedded(id: &str) -> Option<(&'static str, &'static str)> {
    EMBEDDED.iter().find(|(i, _)| *i == id).copied()
}

fn embedded_name(id: &str) -> String {
    format!("flows/{id}.yaml (ingebouwd)")
}

/// A sub-flow id must be a plain file name: no paths, so a flow cannot reach outside its map.
fn is_plain_id(id: &str) -> bool {
    !id.is_empty()
        && id
            .chars()
            .all(|c| c.is_alphanumeric() || c == '-' || c == '_')
}

fn stem(path: &Path) -> Result<String> {
    path.file_stem()
        .and_then(|s| s.to_str())
        .map(str::to_string)
        .ok_or_else(|| {
            Error::input(format!(
                "'{}' is geen bruikbare bestandsnaam",
                path.display()
            ))
        })
}
