//! What a walk is made of and how it fails: the [`Step`]s it passed (with the answer given
//! there), the [`Role`] of a box, and the [`WalkError`]. The bottom of the engine: every other
//! file of it may use these, and these use none of them.

use jiff::Timestamp;

use crate::engine::answer::Answer;
use crate::engine::contact::Contacts;
use crate::engine::proposal::Proposal;
use crate::engine::rules::Mismatch;
use crate::flow::model::{Flow, Node};

/// A role as shown: its id (for grouping) and its label.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Role {
    pub id: String,
    pub label: String,
}

/// A node the walk passed, with the answer given there (if it asked something).
#[derive(Debug, Clone)]
pub struct Step<'f> {
    pub flow: &'f Flow,
    pub node: &'f Node,
    /// The sub-flow call nodes this step sits in, outermost first.
    pub calls: Vec<&'f Node>,
    pub role: Option<Role>,
    pub step: Option<u8>,
    pub answer: Option<Answer>,
    pub at: Timestamp,
    /// What the decision's rules proposed when it was answered.
    pub proposal: Option<Proposal>,
    /// At an end: the outcome as reached, with the sentences that depend on what was done.
    pub outcome: Option<String>,
    /// For a box with `kaart:` in the flow: the providers of the Sociale Kaart it showed.
    pub contacts: Option<Contacts<'f>>,
}

impl<'f> Step<'f> {
    /// The step's key: the ids of its calls and its node, joined by '/'.
    pub fn key(&self) -> String {
        let mut ids: Vec<&str> = self.calls.iter().map(|n| n.id.as_str()).collect();
        ids.push(&self.node.id);
        ids.join("/")
    }
}

/// Why an answer or a walk failed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum WalkError {
    /// A journal out of step with the flow: an answer or a pause lands on another question.
    Mismatch(String),
    /// The engine's rules refuse the answer to the question with this key.
    Refused { key: String, mismatch: Mismatch },
    /// The walk is already at its end.
    Finished,
    /// The flow is broken in a way validation should have caught.
    Broken(String),
}

impl std::fmt::Display for WalkError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            WalkError::Mismatch(m) => write!(f, "{m}"),
            WalkError::Refused { key, mismatch } => write!(f, "bij '{key}': {mismatch}"),
            WalkError::Finished => write!(f, "de flow is al afgerond; er is geen vraag meer"),
            WalkError::Broken(m) => write!(f, "de flow is onvolledig: {m}"),
        }
    }
}

/// A walk that cannot go on is an input error: the flow or the journal does not fit.
impl From<WalkError> for crate::error::Error {
    fn from(error: WalkError) -> Self {
        crate::error::Error::input(format!("de sessie kan niet verder: {error}"))
    }
}
