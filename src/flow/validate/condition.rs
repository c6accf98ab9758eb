//! The conditions `KNOOP = ID` of a flow (proposals, criteria ticked in advance, outcome
//! sentences, referrals that need consent): each must name a node that exists — also along a
//! path into sub-flows — one of its options, criteria, actions or ends, and lie on the right
//! side of the node that holds it, so that the answer is there when it is looked at.

use super::Checked;
use crate::finding::Finding;
use crate::flow::model::{Body, Node};
use crate::suggest::suggest;

/// Where the node a condition names must lie, seen from the node that holds the condition.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Order {
    /// Before it: the answer must be there when the condition is looked at (a proposal, a
    /// criterion ticked in advance, a sentence of an outcome).
    Before,
    /// After it: a referral that counts only once the client consents afterwards.
    After,
}

/// A condition `NODE = ID` (NODE maybe a path into sub-flows) must name an existing node, one
/// of its options, criteria, actions or (for a sub-flow call) ends, and lie on the right side
/// of the node that holds it.
pub(super) fn check_condition(
    c: &Checked,
    holder: &Node,
    condition: &crate::flow::model::Condition,
    order: Order,
    findings: &mut Vec<Finding>,
) {
    let flow = c.flow;
    let here = Some(holder.id.as_str());
    let written = condition.to_string();
    let mut error = |problem: String, fix: String| {
        findings.push(Finding::error(&flow.file, holder.line, here, problem, fix));
    };
    let path = condition.path();
    let first = path[0];
    // A node that is declared but did not convert is reported on its own; saying here that it
    // is unknown would only add noise.
    if c.graph.node(first).is_none() && c.declared.contains(first) {
        return;
    }
    if c.graph.node(first).is_none() {
        error(
            format!("de voorwaarde '{written}' verwijst naar de onbekende knoop '{first}'"),
            c.suggest_node(
                first,
                "gebruik de id van een beslissing, wachtmoment, criteria-, actie- of subflow-knoop in deze flow",
            ),
        );
        return;
    }
    // Follow the path into the sub-flows.
    let mut here_flow = flow;
    for (k, id) in path.iter().enumerate() {
        let Some(node) = here_flow.node(id) else {
            if here_flow.declared.iter().any(|d| d == id) {
                return;
            }
            error(
                format!(
                    "de voorwaarde '{written}' verwijst naar '{id}', dat geen knoop is van {}",
                    here_flow.file
                ),
                suggest(
                    id,
                    &here_flow.declared,
                    "controleer het pad: KNOOP/KNOOP-IN-DE-SUB-FLOW",
                ),
            );
            return;
        };
        if k + 1 == path.len() {
            check_value(c, &written, node, &condition.value, &mut error);
            break;
        }
        match &node.body {
            Body::Subflow { flow: callee, .. } => match c.set.get(callee) {
                Some(next) => here_flow = next,
                None => return,
            },
            _ => {
                error(
                    format!(
                        "de voorwaarde '{written}': '{id}' is geen aanroep van een sub-flow, dus er kan geen '/' achter"
                    ),
                    "gebruik 'AANROEP/KNOOP' alleen met een knoop van soort subflow vooraan".to_string(),
                );
                return;
            }
        }
    }
    let (from, to) = match order {
        Order::Before => (first, holder.id.as_str()),
        Order::After => (holder.id.as_str(), first),
    };
    // With a target that names no node the graph is incomplete, and "comes before" cannot be
    // judged; that target is reported on its own.
    if c.dangling {
        return;
    }
    if first == holder.id || !c.graph.reaches(from, to) {
        let (problem, fix) = match order {
            Order::Before => (
                format!("de voorwaarde '{written}' verwijst naar '{first}', dat niet vóór '{}' komt: het antwoord is er nog niet als de voorwaarde wordt bekeken", holder.id),
                "verwijs alleen naar vragen die op de weg naar deze knoop liggen",
            ),
            Order::After => (
                format!("de voorwaarde '{written}' verwijst naar '{first}', dat niet ná '{}' komt", holder.id),
                "verwijs naar een vraag die na deze verwijzing komt, zoals de toestemming van de cliënt",
            ),
        };
        error(problem, fix.to_string());
    }
}

/// The value of a condition must be an option, criterion, action or end of the node it names.
fn check_value(
    c: &Checked,
    written: &str,
    node: &Node,
    value: &str,
    error: &mut impl FnMut(String, String),
) {
    let values: Vec<String> = match &node.body {
        Body::Decision { options, .. } | Body::Wait { options, .. } => {
            options.iter().map(|o| o.id.clone()).collect()
        }
        Body::Criteria { items, .. } | Body::Action { items, .. } => {
            items.iter().map(|i| i.id.clone()).collect()
        }
        Body::Subflow { flow: callee, .. } => match c.set.get(callee) {
            Some(called) => called
                .nodes
                .iter()
                .filter(|n| matches!(n.body, Body::End { .. }))
                .map(|n| n.id.clone())
                .collect(),
            None => return,
        },
        _ => {
            error(
                format!(
                    "de voorwaarde '{written}' verwijst naar '{}', een knoop van soort '{}' zonder opties, criteria, acties of einden",
                    node.id,
                    node.body.kind().dutch()
                ),
                "verwijs naar een knoop van soort beslissing, wachten, criteria, actie of subflow".to_string(),
            );
            return;
        }
    };
    if !values.iter().any(|v| v == value) {
        error(
            format!(
                "de voorwaarde '{written}': '{value}' is geen optie, criterium, actie of einde van '{}'",
                node.id
            ),
            format!("kies uit: {}", values.join(", ")),
        );
    }
}
