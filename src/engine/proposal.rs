//! A decision's proposal: the option its rules point to, given the answers so far, with the
//! conditions that decided it in words. The walk attaches it to the question; the rules in
//! [`crate::engine::rules`] hold an answer to it (binding, or overruled only with a reason).

use crate::engine::condition::holds;
use crate::engine::walk::Step;
use crate::flow::model::{Body, Flow, Node};
use crate::flow::set::FlowSet;

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
pub(crate) fn propose(
    set: &FlowSet,
    steps: &[Step<'_>],
    flow: &Flow,
    node: &Node,
) -> Option<Proposal> {
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
