//! The engine: walks a validated [`FlowSet`] as a state machine.
//!
//! A walk is a pure function of the answers given so far: [`Walk::replay`] rebuilds it from a
//! list of answers, which is how "back" works (drop the last answer, replay) and how a summary
//! is derived from a journal. Sub-flows are calls with a return address, so the Meldcode can be
//! used from several boxes. The engine never prints and never talks to a terminal; it hands out
//! [`Question`]s and takes [`Answer`]s.

use jiff::Timestamp;

use crate::engine::answer::Answer;
use crate::engine::contact::{contacts, Contacts};
use crate::engine::proposal::{propose, Proposal};
use crate::engine::question::{Preset, Question};
use crate::engine::rules::{self, Mismatch};
use crate::flow::model::{Body, Flow, Node};
use crate::flow::set::FlowSet;

/// How many nodes the engine may pass without asking anything before it calls it a loop.
/// The validator rules such loops out; this is the belt to its braces.
const SILENT_LIMIT: usize = 10_000;

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

#[derive(Debug, Clone, Copy)]
struct Frame {
    flow: usize,
    node: usize,
}

#[derive(Debug, Clone)]
pub struct Walk<'f> {
    set: &'f FlowSet,
    stack: Vec<Frame>,
    steps: Vec<Step<'f>>,
    outcome: Option<&'f Node>,
    answered: usize,
    /// Index in `steps` of the first step after the last answer.
    since: usize,
}

impl<'f> Walk<'f> {
    /// A walk at the first question of the main flow.
    pub fn start(set: &'f FlowSet, at: Timestamp) -> Result<Walk<'f>, WalkError> {
        let main = set.main();
        let node = main
            .index(&main.start)
            .ok_or_else(|| WalkError::Broken(format!("de start '{}' bestaat niet", main.start)))?;
        let mut walk = Walk {
            set,
            stack: vec![Frame { flow: 0, node }],
            steps: Vec::new(),
            outcome: None,
            answered: 0,
            since: 0,
        };
        walk.settle(at)?;
        Ok(walk)
    }

    /// The walk after the given answers, each with its time.
    pub fn replay(
        set: &'f FlowSet,
        start: Timestamp,
        answers: &[(Answer, Timestamp)],
    ) -> Result<Walk<'f>, WalkError> {
        let mut walk = Walk::start(set, start)?;
        for (answer, at) in answers {
            walk.answer(answer.clone(), *at)?;
        }
        Ok(walk)
    }

    pub fn steps(&self) -> &[Step<'f>] {
        &self.steps
    }

    /// The end reached, once the main flow has ended.
    pub fn outcome(&self) -> Option<&'f Node> {
        self.outcome
    }

    pub fn is_finished(&self) -> bool {
        self.outcome.is_some()
    }

    pub fn main(&self) -> &'f Flow {
        self.set.main()
    }

    pub fn set(&self) -> &'f FlowSet {
        self.set
    }

    /// The outcome of the main flow's end as reached, once the walk is finished.
    pub fn outcome_text(&self) -> Option<String> {
        self.outcome?;
        self.steps.last().and_then(|s| s.outcome.clone())
    }

    /// The question the walk waits for, or `None` at the end.
    pub fn question(&self) -> Option<Question<'f>> {
        if self.outcome.is_some() {
            return None;
        }
        let (flow, node) = self.position()?;
        let calls = self.calls();
        let (role, stap) = self.context(flow, node);
        let mut key: Vec<&str> = calls.iter().map(|n| n.id.as_str()).collect();
        key.push(&node.id);
        Some(Question {
            number: self.answered + 1,
            key: key.join("/"),
            flow,
            node,
            calls,
            role,
            step: stap,
            passed: self.steps[self.since..].to_vec(),
            can_go_back: self.answered > 0,
            can_pause: node.pausable,
            previous: None,
            proposal: propose(self, flow, node),
            preset: self.preset(flow, node),
            contacts: contacts(&self.steps, node),
            last_step: self.set.main().nodes.iter().filter_map(|n| n.step).max(),
            answered: self
                .steps
                .iter()
                .filter(|s| s.answer.is_some())
                .cloned()
                .collect(),
        })
    }

    /// Record an answer to the current question and move on to the next question.
    pub fn answer(&mut self, answer: Answer, at: Timestamp) -> Result<(), WalkError> {
        let question = self.question().ok_or(WalkError::Finished)?;
        let (answer, target) = rules::check(
            question.node,
            question.proposal.as_ref(),
            &question.preset,
            answer,
        )
        .map_err(|mismatch| WalkError::Refused {
            key: question.key.clone(),
            mismatch,
        })?;
        self.steps.push(Step {
            flow: question.flow,
            node: question.node,
            calls: question.calls,
            role: question.role,
            step: question.step,
            answer: Some(answer),
            at,
            proposal: question.proposal,
            outcome: None,
            contacts: question.contacts,
        });
        self.answered += 1;
        self.since = self.steps.len();
        self.goto(&target)?;
        self.settle(at)
    }

    /// The criteria of a criteria node that earlier answers tick in advance.
    fn preset(&self, flow: &Flow, node: &Node) -> Vec<Preset> {
        let Body::Criteria { items, .. } = &node.body else {
            return Vec::new();
        };
        items
            .iter()
            .filter_map(|item| {
                item.preset
                    .iter()
                    .find_map(|c| crate::engine::condition::holds(self, flow, c))
                    .map(|because| Preset {
                        id: item.id.clone(),
                        because,
                    })
            })
            .collect()
    }

    fn position(&self) -> Option<(&'f Flow, &'f Node)> {
        let frame = self.stack.last()?;
        let flow = self.set.flows.get(frame.flow)?;
        Some((flow, flow.nodes.get(frame.node)?))
    }

    fn calls(&self) -> Vec<&'f Node> {
        self.stack[..self.stack.len().saturating_sub(1)]
            .iter()
            .map(|f| &self.set.flows[f.flow].nodes[f.node])
            .collect()
    }

    /// The role and step of a node: its own, or inherited from the call that brought us here.
    fn context(&self, flow: &'f Flow, node: &'f Node) -> (Option<Role>, Option<u8>) {
        let mut role = node.role.as_ref().map(|id| Role {
            id: id.clone(),
            label: flow.role_label(id).to_string(),
        });
        let mut stap = node.step;
        for frame in self.stack[..self.stack.len().saturating_sub(1)]
            .iter()
            .rev()
        {
            let caller_flow = &self.set.flows[frame.flow];
            let caller = &caller_flow.nodes[frame.node];
            if role.is_none() {
                role = caller.role.as_ref().map(|id| Role {
                    id: id.clone(),
                    label: caller_flow.role_label(id).to_string(),
                });
            }
            if stap.is_none() {
                stap = caller.step;
            }
        }
        (role, stap)
    }

    fn goto(&mut self, target: &str) -> Result<(), WalkError> {
        let frame = self.stack.last_mut().ok_or(WalkError::Finished)?;
        let flow = &self.set.flows[frame.flow];
        frame.node = flow.index(target).ok_or_else(|| {
            WalkError::Broken(format!("knoop '{target}' bestaat niet in {}", flow.file))
        })?;
        Ok(())
    }

    fn record(&mut self, at: Timestamp) {
        if let Some((flow, node)) = self.position() {
            let (role, stap) = self.context(flow, node);
            let outcome = match &node.body {
                Body::End { outcome, parts } => Some(crate::engine::condition::outcome_text(
                    self, flow, outcome, parts,
                )),
                _ => None,
            };
            self.steps.push(Step {
                flow,
                node,
                calls: self.calls(),
                role,
                step: stap,
                answer: None,
                at,
                proposal: None,
                outcome,
                contacts: None,
            });
        }
    }

    /// Pass nodes that ask nothing until a question or the end.
    fn settle(&mut self, at: Timestamp) -> Result<(), WalkError> {
        for _ in 0..SILENT_LIMIT {
            let (_, node) = self.position().ok_or(WalkError::Finished)?;
            match &node.body {
                Body::Info { next } => {
                    self.record(at);
                    self.goto(next)?;
                }
                Body::Subflow { flow, entry, .. } => {
                    self.record(at);
                    let callee = self
                        .set
                        .position(flow)
                        .ok_or_else(|| WalkError::Broken(format!("sub-flow '{flow}' ontbreekt")))?;
                    let start = entry.as_ref().unwrap_or(&self.set.flows[callee].start);
                    let node = self.set.flows[callee].index(start).ok_or_else(|| {
                        WalkError::Broken(format!("de start '{start}' van '{flow}' bestaat niet"))
                    })?;
                    self.stack.push(Frame { flow: callee, node });
                }
                Body::End { .. } => {
                    self.record(at);
                    if self.stack.len() == 1 {
                        self.outcome = Some(node);
                        return Ok(());
                    }
                    self.stack.pop();
                    let (_, caller) = self.position().ok_or(WalkError::Finished)?;
                    let Body::Subflow { next, exits, .. } = &caller.body else {
                        return Err(WalkError::Broken(
                            "terugkeer uit een sub-flow zonder aanroep".to_string(),
                        ));
                    };
                    let target = exits
                        .iter()
                        .find(|e| e.end == node.id)
                        .map_or(next, |e| &e.target);
                    self.goto(target)?;
                }
                _ => return Ok(()),
            }
        }
        Err(WalkError::Broken(format!(
            "meer dan {SILENT_LIMIT} stappen zonder vraag: de flow bevat een lus (zie 'zorgpad controleer')"
        )))
    }
}

/// The node a question key points at: the call nodes lead into their sub-flows.
pub fn node_for_key<'f>(set: &'f FlowSet, key: &str) -> Option<&'f Node> {
    let mut flow = set.main();
    let mut parts = key.split('/').peekable();
    while let Some(id) = parts.next() {
        let node = flow.node(id)?;
        if parts.peek().is_none() {
            return Some(node);
        }
        match &node.body {
            Body::Subflow { flow: callee, .. } => flow = set.get(callee)?,
            _ => return None,
        }
    }
    None
}

/// A walk that cannot go on is an input error: the flow or the journal does not fit.
impl From<WalkError> for crate::error::Error {
    fn from(error: WalkError) -> Self {
        crate::error::Error::input(format!("de sessie kan niet verder: {error}"))
    }
}
