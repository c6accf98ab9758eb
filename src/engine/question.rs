//! What the walk asks next, as the prompters see it: the node, where it sits, what was passed
//! on the way, and whether the session may go back or pause here. A question can also say
//! whether it would accept an answer ([`Question::check`]), so that the prompters present the
//! engine's rules instead of writing them again.

use crate::engine::answer::Answer;
use crate::engine::contact::Contacts;
use crate::engine::proposal::Proposal;
pub use crate::engine::rules::Preset;
use crate::engine::rules::{self, Mismatch};
use crate::engine::step::{Role, Step};
use crate::flow::model::{Flow, Node};

/// What the walk asks next.
#[derive(Debug, Clone)]
pub struct Question<'f> {
    /// 1-based number of this question in the walk.
    pub number: usize,
    /// A stable key: the ids of the call nodes and the node, joined by '/'.
    pub key: String,
    pub flow: &'f Flow,
    pub node: &'f Node,
    pub calls: Vec<&'f Node>,
    pub role: Option<Role>,
    pub step: Option<u8>,
    /// Nodes passed without a question since the previous question (to be shown first).
    pub passed: Vec<Step<'f>>,
    pub can_go_back: bool,
    /// Whether the session may pause here ("nog niet — later verder").
    pub can_pause: bool,
    /// The answer given here before the user went back, to start from when asking again.
    pub previous: Option<Answer>,
    /// For a decision with a proposal: the option the earlier answers point to, and why.
    pub proposal: Option<Proposal>,
    /// For criteria: those ticked in advance because earlier answers say so
    /// (`voorgevinkt-als`). Unticking one needs a note.
    pub preset: Vec<Preset>,
    /// For a box with `kaart:` in the flow: the providers of the Sociale Kaart to show with it.
    pub contacts: Option<Contacts<'f>>,
    /// A wait with `opvolging:` in the flow: "later" puts it off as a follow-up and the path
    /// goes on (rather than pausing the session).
    pub deferrable: bool,
    /// Asked as part of a follow-up, not of the main path.
    pub follow_up: Option<FollowUpRef>,
    /// The highest step of the main flow (5 in the blauwdruk), for "Stap 2 van 5".
    pub last_step: Option<u8>,
    /// The questions answered so far on the route in force, each with its answer, in order:
    /// for "Route tot nu toe".
    pub answered: Vec<Step<'f>>,
}

impl Question<'_> {
    /// Whether the session would accept this answer here; if not, why not.
    pub(crate) fn check(&self, answer: &Answer) -> Result<(), Mismatch> {
        rules::free_text(answer)?;
        rules::check(
            self.node,
            self.proposal.as_ref(),
            &self.preset,
            answer.clone(),
        )
        .map(|_| ())
    }

    /// Whether a note added after the answer would be accepted (no BSN in it), named as the
    /// answer names it: the toelichting of a choice, else the notitie.
    pub(crate) fn check_note(&self, text: &str) -> Result<(), Mismatch> {
        let noted = match self.node.body {
            crate::flow::model::Body::Decision { .. } | crate::flow::model::Body::Wait { .. } => {
                Answer::Keuze {
                    optie: String::new(),
                    toelichting: Some(text.to_string()),
                }
            }
            _ => Answer::Checklist {
                acties: Vec::new(),
                notitie: Some(text.to_string()),
            },
        };
        rules::free_text(&noted)
    }

    /// Whether this option can be taken at all (with a reason, should that be needed): a
    /// binding proposal leaves one.
    pub(crate) fn allows(&self, option: &str) -> bool {
        let with_reason = Answer::Keuze {
            optie: option.to_string(),
            toelichting: Some("reden".to_string()),
        };
        !matches!(
            self.check(&with_reason),
            Err(Mismatch::BindingProposal { .. })
        )
    }
}

/// Which follow-up a question belongs to, and whether it must be answered now (the path has
/// reached the node where it is asked at the latest).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FollowUpRef {
    pub id: String,
    pub due: bool,
}
