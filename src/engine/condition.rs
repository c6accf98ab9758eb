//! Whether a condition `KNOOP = ID` of a flow holds for the walk so far. Proposals, criteria
//! ticked in advance, the sentences of an outcome and the referrals that need consent all ask
//! it, so it is written once. A condition can look into sub-flows (`B2-meldcode/KC-uitkomst =
//! positief`) and at how a sub-flow call ended (`B2-meldcode = AK-gemeld`).

use crate::engine::answer::{Answer, Status};
use crate::engine::step::Step;
use crate::flow::model::{Body, Condition, Flow, Node};
use crate::flow::set::FlowSet;

/// What the walk says about a condition.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum State {
    /// It holds; the condition in words ("Wat is de uitkomst van de Kindcheck? Positief").
    Holds(String),
    /// The question was answered (or the sub-flow ended) otherwise.
    Fails,
    /// Not answered yet: the walk has not been there.
    Open,
    /// The action named was marked not applicable (n.v.t.): neither done nor still to do.
    NotApplicable,
}

impl State {
    pub(crate) fn words(self) -> Option<String> {
        match self {
            State::Holds(words) => Some(words),
            _ => None,
        }
    }
}

/// The flow a condition's path ends in, starting from `flow`: each part but the last must be a
/// sub-flow call. `None` when the path names something that is not there.
pub(crate) fn leaf_flow<'f>(set: &'f FlowSet, flow: &'f Flow, path: &[&str]) -> Option<&'f Flow> {
    let mut here = flow;
    for id in &path[..path.len().saturating_sub(1)] {
        match &here.node(id)?.body {
            Body::Subflow { flow: callee, .. } => here = set.get(callee)?,
            _ => return None,
        }
    }
    Some(here)
}

/// Whether the ids of a step's calls and node end with `path`.
fn ends_with(step: &Step<'_>, path: &[&str]) -> bool {
    let ids: Vec<&str> = step
        .calls
        .iter()
        .map(|c| c.id.as_str())
        .chain([step.node.id.as_str()])
        .collect();
    ids.len() >= path.len() && ids[ids.len() - path.len()..] == *path
}

/// The state of `condition`, written in `flow`, for the steps of a walk so far (the main
/// path; for a follow-up, the path up to where it was put off and the follow-up's own steps).
pub(crate) fn state(
    set: &FlowSet,
    steps: &[Step<'_>],
    flow: &Flow,
    condition: &Condition,
) -> State {
    state_in(set, steps, flow, condition)
}

/// The state of `condition` as answered after the step at `at` (a referral with
/// `uitgevoerd-als`: "the client consents afterwards"), and before the walk comes back to that
/// node: a referral offered again is decided by its own later answers, not by the answers to
/// an earlier or a later offer.
pub(crate) fn state_after(
    set: &FlowSet,
    steps: &[Step<'_>],
    flow: &Flow,
    condition: &Condition,
    at: usize,
) -> State {
    let Some(here) = steps.get(at) else {
        return State::Open;
    };
    let same_place = |s: &Step<'_>| {
        std::ptr::eq(s.node, here.node)
            && s.calls.len() == here.calls.len()
            && s.calls
                .iter()
                .zip(&here.calls)
                .all(|(a, b)| std::ptr::eq(*a, *b))
    };
    let end = steps[at + 1..]
        .iter()
        .position(same_place)
        .map_or(steps.len(), |i| at + 1 + i);
    state_in(set, &steps[at + 1..end], flow, condition)
}

/// The state of `condition` for the given steps of a walk (the last answer among them counts).
fn state_in(set: &FlowSet, steps: &[Step<'_>], flow: &Flow, condition: &Condition) -> State {
    let path = condition.path();
    let Some(leaf_flow) = leaf_flow(set, flow, &path) else {
        return State::Open;
    };
    let Some(leaf) = leaf_flow.node(path[path.len() - 1]) else {
        return State::Open;
    };
    let value = condition.value.as_str();
    // How a sub-flow call ended: the last end reached inside it.
    if let Body::Subflow { flow: callee, .. } = &leaf.body {
        let end = steps.iter().rev().find(|s| {
            matches!(s.node.body, Body::End { .. }) && s.flow.id == *callee && {
                let ids: Vec<&str> = s.calls.iter().map(|c| c.id.as_str()).collect();
                ids.ends_with(&path)
            }
        });
        return match end {
            Some(s) if s.node.id == value => {
                State::Holds(format!("{}: {}", leaf.title, s.node.title))
            }
            Some(_) => State::Fails,
            None => State::Open,
        };
    }
    let Some(step) = steps
        .iter()
        .rev()
        .find(|s| s.answer.is_some() && s.flow.id == leaf_flow.id && ends_with(s, &path))
    else {
        return State::Open;
    };
    let Some(answer) = &step.answer else {
        return State::Open;
    };
    if let (Body::Action { .. }, Answer::Checklist { acties, .. }) = (&step.node.body, answer) {
        if acties
            .iter()
            .any(|m| m.id == value && m.status == Status::Nvt)
        {
            return State::NotApplicable;
        }
    }
    let words = match (&step.node.body, answer) {
        (Body::Criteria { items, .. }, Answer::Criteria { gelden, .. }) => gelden
            .iter()
            .any(|g| g == value)
            .then(|| items.iter().find(|i| i.id == value).map(|i| i.text.clone()))
            .flatten(),
        (Body::Action { items, .. }, Answer::Checklist { acties, .. }) => acties
            .iter()
            .any(|m| m.id == value && m.status == Status::Gedaan)
            .then(|| {
                items
                    .iter()
                    .find(|i| i.id == value)
                    .map(|i| format!("{}: gedaan", i.text))
            })
            .flatten(),
        (
            Body::Decision {
                question, options, ..
            }
            | Body::Wait {
                question, options, ..
            },
            Answer::Keuze { optie, .. },
        ) if optie == value => {
            let label = options
                .iter()
                .find(|o| &o.id == optie)
                .map_or(optie.as_str(), |o| o.label.as_str());
            Some(format!("{question} {label}"))
        }
        _ => None,
    };
    match words {
        Some(words) => State::Holds(words),
        None => State::Fails,
    }
}

/// Whether a condition holds; if so, the condition in words.
pub(crate) fn holds(
    set: &FlowSet,
    steps: &[Step<'_>],
    flow: &Flow,
    condition: &Condition,
) -> Option<String> {
    state(set, steps, flow, condition).words()
}

/// The outcome of an end node as reached now: its text plus the sentences of `uitkomst-als`
/// whose conditions hold (or their `anders`), so that it never says more than was done. A part
/// that names an action marked n.v.t. says nothing: that action was neither done nor is it
/// still open.
pub(crate) fn outcome_text(
    set: &FlowSet,
    steps: &[Step<'_>],
    flow: &Flow,
    outcome: &str,
    parts: &[crate::flow::model::OutcomePart],
) -> String {
    let mut text = outcome.trim().to_string();
    for part in parts {
        let states: Vec<State> = part
            .conditions
            .iter()
            .map(|c| state(set, steps, flow, c))
            .collect();
        if states.contains(&State::NotApplicable) {
            continue;
        }
        let all = states.iter().all(|s| matches!(s, State::Holds(_)));
        let sentence = if all {
            Some(&part.text)
        } else {
            part.otherwise.as_ref()
        };
        if let Some(sentence) = sentence {
            if !text.is_empty() {
                text.push(' ');
            }
            text.push_str(sentence.trim());
        }
    }
    text
}

/// Evaluate a decision's proposal against the answers of the walk so far: the first rule that
/// fires, else the option it falls back to. `None` for a node without a proposal.
pub(crate) fn propose(
    set: &FlowSet,
    steps: &[Step<'_>],
    flow: &Flow,
    node: &Node,
) -> Option<crate::engine::proposal::Proposal> {
    let Body::Decision {
        proposal: Some(proposal),
        ..
    } = &node.body
    else {
        return None;
    };
    for rule in &proposal.rules {
        let held: Vec<String> = rule
            .conditions
            .iter()
            .filter_map(|c| holds(set, steps, flow, c))
            .collect();
        let fires = if rule.any {
            !held.is_empty()
        } else {
            held.len() == rule.conditions.len()
        };
        if fires {
            return Some(crate::engine::proposal::Proposal {
                option: rule.then.clone(),
                reasons: held,
                binding: rule.binding,
            });
        }
    }
    Some(crate::engine::proposal::Proposal {
        option: proposal.otherwise.clone(),
        reasons: Vec::new(),
        binding: false,
    })
}
