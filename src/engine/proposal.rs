//! A decision's proposal: the option its rules point to, given the answers so far, with the
//! conditions that decided it in words. The walk attaches it to the question; the rules in
//! [`crate::engine::rules`] hold an answer to it (binding, or overruled only with a reason).

use crate::engine::answer::Answer;
use crate::engine::walk::Walk;
use crate::flow::model::{Body, Condition, Flow, Node};

/// What a decision's rules propose, with the conditions that decided it (in words).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Proposal {
    pub option: String,
    pub reasons: Vec<String>,
    /// The flow does not allow overruling this proposal.
    pub binding: bool,
}

/// Evaluate a decision's proposal against the answers of the walk so far: the first rule that
/// fires, else the option it falls back to. `None` for a node without a proposal.
pub(crate) fn propose(walk: &Walk<'_>, flow: &Flow, node: &Node) -> Option<Proposal> {
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
            .filter_map(|c| holds(walk, flow, c))
            .collect();
        let fires = if rule.any {
            !held.is_empty()
        } else {
            held.len() == rule.conditions.len()
        };
        if fires {
            return Some(Proposal {
                option: rule.then.clone(),
                reasons: held,
                binding: rule.binding,
            });
        }
    }
    Some(Proposal {
        option: proposal.otherwise.clone(),
        reasons: Vec::new(),
        binding: false,
    })
}

/// Whether a condition holds; if so, the condition in words.
fn holds(walk: &Walk<'_>, flow: &Flow, condition: &Condition) -> Option<String> {
    let (node, answer) = walk.answer_at(flow, &condition.node)?;
    match (&node.body, answer) {
        (Body::Criteria { items, .. }, Answer::Criteria { gelden, .. })
            if gelden.contains(&condition.value) =>
        {
            items
                .iter()
                .find(|i| i.id == condition.value)
                .map(|i| i.text.clone())
        }
        (
            Body::Decision {
                question, options, ..
            }
            | Body::Wait { question, options },
            Answer::Keuze { optie, .. },
        ) if *optie == condition.value => {
            let label = options
                .iter()
                .find(|o| &o.id == optie)
                .map_or(optie.as_str(), |o| o.label.as_str());
            Some(format!("{question} {label}"))
        }
        _ => None,
    }
}
