//! A flow: one flowchart (the blueprint, or a sub-flow such as the Meldcode) as a state machine.
//!
//! This is the typed form ([`Flow`], [`Node`]) that the engine walks; it only exists for nodes
//! that converted cleanly from the file form (`flow::raw`, by `flow::convert`).

use std::collections::BTreeMap;

use serde::Deserialize;

/// The kinds of node a flow can hold.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    /// A box that is shown and passed: nothing to answer (e.g. the entry "Signalen van PPM").
    Info,
    /// A box with a checklist of actions for one role.
    Actie,
    /// A question with options, each leading to a node.
    Beslissing,
    /// A referral to a category of the Sociale Kaart.
    Verwijzing,
    /// Something that happens later (appointment, birth); its options say how it turned out.
    Wachten,
    /// A call into another flow that returns here.
    Subflow,
    /// An end, with an outcome.
    Einde,
    /// A list of criteria; the professional ticks those that apply (e.g. footnote 1 at D2).
    Criteria,
    /// A question answered in free text (e.g. who becomes coördinerend zorgverlener).
    Tekst,
}

impl Kind {
    pub fn dutch(self) -> &'static str {
        match self {
            Kind::Info => "info",
            Kind::Actie => "actie",
            Kind::Beslissing => "beslissing",
            Kind::Verwijzing => "verwijzing",
            Kind::Wachten => "wachten",
            Kind::Subflow => "subflow",
            Kind::Einde => "einde",
            Kind::Criteria => "criteria",
            Kind::Tekst => "tekst",
        }
    }
}

/// A flow ready to walk.
#[derive(Debug, Clone)]
pub struct Flow {
    /// The flow's id: its file name without `.yaml`; sub-flow calls use it.
    pub id: String,
    /// Where it came from, for messages ("flows/meldcode.yaml", or "(ingebouwd) …").
    pub file: String,
    pub name: String,
    pub version: String,
    pub source: Option<String>,
    pub date: Option<String>,
    pub description: Option<String>,
    pub start: String,
    pub roles: BTreeMap<String, String>,
    pub footnotes: BTreeMap<u32, String>,
    pub nodes: Vec<Node>,
    /// Every id the file declares, also of nodes that did not convert, so that a reference
    /// to a broken node is not reported a second time as a reference to an unknown one.
    pub declared: Vec<String>,
    /// The targets ('volgende', each option's 'naar') of the nodes that did not convert, so
    /// that the nodes behind a broken node are not also reported as unreachable.
    pub broken: BTreeMap<String, Vec<String>>,
    /// `brieven:`: the letters per recipient, when the flow declares them.
    pub letters: Option<crate::flow::letters::Letters>,
}

#[derive(Debug, Clone)]
pub struct Node {
    pub id: String,
    pub step: Option<u8>,
    pub role: Option<String>,
    pub title: String,
    pub explanation: Option<String>,
    pub blueprint: Option<String>,
    pub footnotes: Vec<u32>,
    /// Extra text shown with the box (its content as the blueprint words it).
    pub text: Option<String>,
    /// Whether the session can pause here ("nog niet — later verder"); always so for waits.
    pub pausable: bool,
    /// A weighty question (`zwaarwegend: true`): the prompters never take its answer from Enter
    /// alone on a pre-selected option.
    pub weighty: bool,
    /// Shown prominently in the summary when the walk passes this node.
    pub notice: Option<String>,
    /// `kaart:` in the file: a category of the Sociale Kaart whose providers the box shows,
    /// with how to reach them (those chosen at an earlier referral of that category, if any).
    pub contact_category: Option<String>,
    pub line: Option<usize>,
    pub body: Body,
}

/// The "option" that leads to a follow-up's `verder` in [`Body::targets`]: no option id can
/// hold a space, so it never clashes with one.
pub const FOLLOW_UP: &str = "opvolging: verder";

/// A wait that may become a follow-up: answered "later", the path goes on at `resume` while
/// the wait stays open beside it, to be answered on its own (at the latest at the node
/// `latest` of the main flow, when given).
#[derive(Debug, Clone)]
pub struct FollowUpRule {
    pub resume: String,
    pub latest: Option<String>,
}

/// What a node does, with exactly the fields its kind needs.
#[derive(Debug, Clone)]
pub enum Body {
    Info {
        next: String,
    },
    Action {
        items: Vec<Action>,
        next: String,
    },
    Decision {
        question: String,
        options: Vec<Choice>,
        proposal: Option<ProposalRules>,
    },
    Criteria {
        question: String,
        items: Vec<Action>,
        next: String,
    },
    Referral {
        category: String,
        question: String,
        next: String,
        /// The referral is carried out only when all of these hold (`uitgevoerd-als`), e.g.
        /// the client's consent asked after it; otherwise it was only proposed.
        done_when: Vec<Condition>,
    },
    Wait {
        question: String,
        options: Vec<Choice>,
        /// `opvolging:`: the wait may be answered later, beside the path.
        follow_up: Option<FollowUpRule>,
    },
    /// A question answered in free text.
    Text {
        question: String,
        next: String,
    },
    Subflow {
        flow: String,
        next: String,
        /// Where the call enters the sub-flow (`ingang`); its start when `None`.
        entry: Option<String>,
        /// Per end of the sub-flow, where the path goes on (`uitgangen`); `next` for the rest.
        exits: Vec<Exit>,
    },
    End {
        outcome: String,
        /// Sentences added to the outcome by what was actually done (`uitkomst-als`).
        parts: Vec<OutcomePart>,
        /// `vervolg:` — the session may go on after this end, at another node of its flow
        /// (later signals after "Geen actie op dit moment"); `None` for a final end.
        continuation: Option<Continuation>,
    },
}

/// `vervolg:` of an end: where the path may go on later (`naar`), in the words offered to the
/// person (`label`).
#[derive(Debug, Clone)]
pub struct Continuation {
    pub target: String,
    pub label: String,
}

/// `uitgangen:` of a sub-flow call: when the sub-flow ends at `end`, go on at `target`.
#[derive(Debug, Clone)]
pub struct Exit {
    pub end: String,
    pub target: String,
}

/// One sentence of an end's outcome that depends on what was done: `tekst` when all
/// conditions hold, `anders` (if given) when not.
#[derive(Debug, Clone)]
pub struct OutcomePart {
    pub conditions: Vec<Condition>,
    pub text: String,
    pub otherwise: Option<String>,
}

/// A proposal rule form, validated: see `flow::raw::RawProposal`.
#[derive(Debug, Clone)]
pub struct ProposalRules {
    pub rules: Vec<Rule>,
    pub otherwise: String,
}

#[derive(Debug, Clone)]
pub struct Rule {
    pub then: String,
    /// True: any condition suffices; false: all must hold.
    pub any: bool,
    /// The proposal of this rule cannot be overruled.
    pub binding: bool,
    pub conditions: Vec<Condition>,
}

/// `NODE = ID`, where NODE may be a path into sub-flows (`B2-meldcode/KC-uitkomst`). What ID
/// means depends on the kind of NODE: the option chosen (decision, wait), a criterion ticked
/// (criteria), an action done (actie), or the end a sub-flow call ended at (subflow).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Condition {
    pub node: String,
    pub value: String,
}

impl Condition {
    /// The node ids of the path, outermost first.
    pub fn path(&self) -> Vec<&str> {
        self.node.split('/').map(str::trim).collect()
    }
}

impl std::fmt::Display for Condition {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} = {}", self.node, self.value)
    }
}

/// An action of a box, or a criterion of a criteria node.
#[derive(Debug, Clone)]
pub struct Action {
    pub id: String,
    pub text: String,
    pub role: Option<String>,
    /// The action cannot be marked n.v.t. (`verplicht: true`): it is done, or it stays open.
    pub mandatory: bool,
    /// A criterion ticked in advance when any of these hold (`voorgevinkt-als`).
    pub preset: Vec<Condition>,
}

#[derive(Debug, Clone)]
pub struct Choice {
    pub id: String,
    pub label: String,
    pub target: String,
    pub explanation: Option<String>,
    pub notice: Option<String>,
    /// Chosen only with a reason (`toelichting-verplicht`).
    pub reason_required: bool,
}

impl Body {
    pub fn kind(&self) -> Kind {
        match self {
            Body::Info { .. } => Kind::Info,
            Body::Action { .. } => Kind::Actie,
            Body::Decision { .. } => Kind::Beslissing,
            Body::Criteria { .. } => Kind::Criteria,
            Body::Referral { .. } => Kind::Verwijzing,
            Body::Wait { .. } => Kind::Wachten,
            Body::Text { .. } => Kind::Tekst,
            Body::Subflow { .. } => Kind::Subflow,
            Body::End { .. } => Kind::Einde,
        }
    }

    /// The ids this node can lead to, with the option id that leads there (if any).
    pub fn targets(&self) -> Vec<(Option<&str>, &str)> {
        match self {
            Body::Info { next }
            | Body::Action { next, .. }
            | Body::Referral { next, .. }
            | Body::Criteria { next, .. }
            | Body::Text { next, .. } => {
                vec![(None, next.as_str())]
            }
            Body::Subflow { next, exits, .. } => exits
                .iter()
                .map(|e| (Some(e.end.as_str()), e.target.as_str()))
                .chain([(None, next.as_str())])
                .collect(),
            Body::Decision { options, .. } => options
                .iter()
                .map(|o| (Some(o.id.as_str()), o.target.as_str()))
                .collect(),
            Body::Wait {
                options, follow_up, ..
            } => options
                .iter()
                .map(|o| (Some(o.id.as_str()), o.target.as_str()))
                .chain(
                    follow_up
                        .iter()
                        .map(|f| (Some(FOLLOW_UP), f.resume.as_str())),
                )
                .collect(),
            Body::End { .. } => Vec::new(),
        }
    }

    /// Whether reaching this node always asks the user something.
    pub fn asks(&self) -> bool {
        matches!(
            self,
            Body::Action { .. }
                | Body::Decision { .. }
                | Body::Referral { .. }
                | Body::Wait { .. }
                | Body::Criteria { .. }
                | Body::Text { .. }
        )
    }
}

impl Flow {
    pub fn node(&self, id: &str) -> Option<&Node> {
        self.nodes.iter().find(|n| n.id == id)
    }

    pub fn index(&self, id: &str) -> Option<usize> {
        self.nodes.iter().position(|n| n.id == id)
    }

    /// The label of a role id; unknown ids are shown as written.
    pub fn role_label<'a>(&'a self, id: &'a str) -> &'a str {
        self.roles.get(id).map(String::as_str).unwrap_or(id)
    }
}
