//! A cursor: one way through the flows, with the steps it passed. The main path is one; each
//! follow-up walks its own (see [`crate::engine::follow_up`]). A cursor moves on from one
//! question to the next, passing the nodes that ask nothing, entering and leaving sub-flows;
//! [`crate::engine::walk::Walk`] holds the cursors and says which answer goes where.

use jiff::Timestamp;

use crate::engine::answer::Answer;
use crate::engine::condition::propose;
use crate::engine::contact::contacts;
use crate::engine::question::{Preset, Question};
use crate::engine::rules;
use crate::engine::step::{Role, Step, WalkError};
use crate::flow::model::{Body, Flow, Node};
use crate::flow::set::FlowSet;

/// How many nodes the engine may pass without asking anything before it calls it a loop.
/// The validator rules such loops out; this is the belt to its braces.
const SILENT_LIMIT: usize = 10_000;

#[derive(Debug, Clone, Copy)]
pub(crate) struct Frame {
    pub(crate) flow: usize,
    pub(crate) node: usize,
}

/// One way through the flows: the main path, or a follow-up's own short walk.
#[derive(Debug, Clone)]
pub(crate) struct Cursor<'f> {
    pub(crate) stack: Vec<Frame>,
    pub(crate) steps: Vec<Step<'f>>,
    /// The main path: the end of the main flow reached. A follow-up: also when it came back
    /// to the path (see [`crate::engine::follow_up`]).
    pub(crate) ended: bool,
    /// The end of the main flow reached, if any.
    pub(crate) outcome: Option<&'f Node>,
    pub(crate) answered: usize,
    /// Index in `steps` of the first step after the last answer.
    pub(crate) since: usize,
}

impl<'f> Cursor<'f> {
    pub(crate) fn at(stack: Vec<Frame>) -> Cursor<'f> {
        Cursor {
            stack,
            steps: Vec::new(),
            ended: false,
            outcome: None,
            answered: 0,
            since: 0,
        }
    }

    pub(crate) fn steps(&self) -> &[Step<'f>] {
        &self.steps
    }

    pub(crate) fn is_ended(&self) -> bool {
        self.ended
    }

    /// The steps the conditions of this cursor see: `prefix` (for a follow-up, the path up
    /// to where it was put off), then its own.
    fn trail(&self, prefix: &[Step<'f>]) -> std::borrow::Cow<'_, [Step<'f>]> {
        if prefix.is_empty() {
            return std::borrow::Cow::Borrowed(&self.steps);
        }
        std::borrow::Cow::Owned(prefix.iter().chain(&self.steps).cloned().collect())
    }

    pub(crate) fn question(&self, set: &'f FlowSet, prefix: &[Step<'f>]) -> Option<Question<'f>> {
        if self.ended {
            return None;
        }
        let (flow, node) = self.position(set)?;
        let calls = self.calls(set);
        let (role, stap) = self.context(set, flow, node);
        let trail = self.trail(prefix);
        Some(Question {
            number: self.answered + 1,
            key: self.key(set)?,
            flow,
            node,
            calls,
            role,
            step: stap,
            passed: self.steps[self.since..].to_vec(),
            can_go_back: self.answered > 0,
            can_pause: node.pausable,
            previous: None,
            proposal: propose(set, &trail, flow, node),
            preset: preset(set, &trail, flow, node),
            contacts: contacts(
                trail
                    .iter()
                    .filter_map(|s| s.answer.as_ref().map(|a| (s.node, a))),
                node,
            ),
            deferrable: false,
            follow_up: None,
            last_step: set.main().nodes.iter().filter_map(|n| n.step).max(),
            answered: trail
                .iter()
                .filter(|s| s.answer.is_some())
                .cloned()
                .collect(),
        })
    }

    pub(crate) fn answer(
        &mut self,
        set: &'f FlowSet,
        prefix: &[Step<'f>],
        joins: Option<&[String]>,
        answer: Answer,
        at: Timestamp,
    ) -> Result<(), WalkError> {
        let question = self.question(set, prefix).ok_or(WalkError::Finished)?;
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
        self.goto(set, &target)?;
        self.settle(set, prefix, joins, at)
    }

    /// Go on after the end reached, where the flow allows it (`vervolg:` on the end): the end
    /// stays on the route as reached, the answer is a step of its own at the end (with when,
    /// by whom and why), and the walk goes on at the node `vervolg:` names.
    pub(crate) fn go_on(
        &mut self,
        set: &'f FlowSet,
        end: &'f Node,
        answer: Answer,
        at: Timestamp,
    ) -> Result<(), WalkError> {
        let (answer, target) =
            rules::continuation(end, answer).map_err(|mismatch| WalkError::Refused {
                key: end.id.clone(),
                mismatch,
            })?;
        let (flow, node) = self.position(set).ok_or(WalkError::Finished)?;
        let (role, step) = self.context(set, flow, node);
        self.steps.push(Step {
            flow,
            node,
            calls: Vec::new(),
            role,
            step,
            answer: Some(answer),
            at,
            proposal: None,
            outcome: None,
            contacts: None,
        });
        self.outcome = None;
        self.ended = false;
        self.answered += 1;
        self.since = self.steps.len();
        self.goto(set, &target)?;
        self.settle(set, &[], None, at)
    }

    fn position(&self, set: &'f FlowSet) -> Option<(&'f Flow, &'f Node)> {
        let frame = self.stack.last()?;
        let flow = set.flows.get(frame.flow)?;
        Some((flow, flow.nodes.get(frame.node)?))
    }

    fn calls(&self, set: &'f FlowSet) -> Vec<&'f Node> {
        self.stack[..self.stack.len().saturating_sub(1)]
            .iter()
            .map(|f| &set.flows[f.flow].nodes[f.node])
            .collect()
    }

    /// The key of the node the cursor is at.
    pub(crate) fn key(&self, set: &'f FlowSet) -> Option<String> {
        let (_, node) = self.position(set)?;
        let mut key: Vec<&str> = self.calls(set).iter().map(|n| n.id.as_str()).collect();
        key.push(&node.id);
        Some(key.join("/"))
    }

    /// The role and step of a node: its own, or inherited from the call that brought us here.
    fn context(
        &self,
        set: &'f FlowSet,
        flow: &'f Flow,
        node: &'f Node,
    ) -> (Option<Role>, Option<u8>) {
        let mut role = node.role.as_ref().map(|id| Role {
            id: id.clone(),
            label: flow.role_label(id).to_string(),
        });
        let mut stap = node.step;
        for frame in self.stack[..self.stack.len().saturating_sub(1)]
            .iter()
            .rev()
        {
            let caller_flow = &set.flows[frame.flow];
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

    fn goto(&mut self, set: &'f FlowSet, target: &str) -> Result<(), WalkError> {
        let frame = self.stack.last_mut().ok_or(WalkError::Finished)?;
        let flow = &set.flows[frame.flow];
        frame.node = flow.index(target).ok_or_else(|| {
            WalkError::Broken(format!("knoop '{target}' bestaat niet in {}", flow.file))
        })?;
        Ok(())
    }

    fn record(&mut self, set: &'f FlowSet, prefix: &[Step<'f>], at: Timestamp) {
        if let Some((flow, node)) = self.position(set) {
            let (role, stap) = self.context(set, flow, node);
            let outcome = match &node.body {
                Body::End { outcome, parts, .. } => Some(crate::engine::condition::outcome_text(
                    set,
                    &self.trail(prefix),
                    flow,
                    outcome,
                    parts,
                )),
                _ => None,
            };
            self.steps.push(Step {
                flow,
                node,
                calls: self.calls(set),
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

    /// Pass nodes that ask nothing until a question or the end. A follow-up (`joins` given)
    /// also ends where it comes back to the path: at a node the path went on at.
    pub(crate) fn settle(
        &mut self,
        set: &'f FlowSet,
        prefix: &[Step<'f>],
        joins: Option<&[String]>,
        at: Timestamp,
    ) -> Result<(), WalkError> {
        for _ in 0..SILENT_LIMIT {
            if let (Some(joins), Some(key)) = (joins, self.key(set)) {
                if joins.contains(&key) {
                    self.ended = true;
                    return Ok(());
                }
            }
            let (_, node) = self.position(set).ok_or(WalkError::Finished)?;
            match &node.body {
                Body::Info { next } => {
                    self.record(set, prefix, at);
                    self.goto(set, next)?;
                }
                Body::Subflow { flow, entry, .. } => {
                    self.record(set, prefix, at);
                    let callee = set
                        .position(flow)
                        .ok_or_else(|| WalkError::Broken(format!("sub-flow '{flow}' ontbreekt")))?;
                    let start = entry.as_ref().unwrap_or(&set.flows[callee].start);
                    let node = set.flows[callee].index(start).ok_or_else(|| {
                        WalkError::Broken(format!("de start '{start}' van '{flow}' bestaat niet"))
                    })?;
                    self.stack.push(Frame { flow: callee, node });
                }
                Body::End { .. } => {
                    self.record(set, prefix, at);
                    if self.stack.len() == 1 {
                        self.outcome = Some(node);
                        self.ended = true;
                        return Ok(());
                    }
                    self.stack.pop();
                    let (_, caller) = self.position(set).ok_or(WalkError::Finished)?;
                    let Body::Subflow { next, exits, .. } = &caller.body else {
                        return Err(WalkError::Broken(
                            "terugkeer uit een sub-flow zonder aanroep".to_string(),
                        ));
                    };
                    let target = exits
                        .iter()
                        .find(|e| e.end == node.id)
                        .map_or(next, |e| &e.target);
                    self.goto(set, target)?;
                }
                _ => return Ok(()),
            }
        }
        Err(WalkError::Broken(format!(
            "meer dan {SILENT_LIMIT} stappen zonder vraag: de flow bevat een lus (zie 'zorgpad controleer')"
        )))
    }
}

/// The criteria of a criteria node that earlier answers tick in advance.
fn preset(set: &FlowSet, steps: &[Step<'_>], flow: &Flow, node: &Node) -> Vec<Preset> {
    let Body::Criteria { items, .. } = &node.body else {
        return Vec::new();
    };
    items
        .iter()
        .filter_map(|item| {
            item.preset
                .iter()
                .find_map(|c| crate::engine::condition::holds(set, steps, flow, c))
                .map(|because| Preset {
                    id: item.id.clone(),
                    because,
                })
        })
        .collect()
}
