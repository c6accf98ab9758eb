//! The flow as a graph: which boxes can be reached from the start, from which an end can be
//! reached, and loops that repeat without asking anything. The validator turns these into
//! findings; keeping the graph walks apart keeps each check short.

use std::collections::{BTreeSet, VecDeque};

use crate::flow::model::{Body, Flow};
use crate::flow::set::FlowSet;

/// Ids reachable from `start` inside one flow. A node that did not convert is passed through
/// by the targets it was written with, so that what lies behind it is not called unreachable.
pub(crate) fn reach<'a>(flow: &'a Flow, start: &'a str) -> BTreeSet<&'a str> {
    let mut seen = BTreeSet::new();
    let mut queue = VecDeque::from([start]);
    while let Some(id) = queue.pop_front() {
        if !seen.insert(id) {
            continue;
        }
        match flow.node(id) {
            Some(node) => queue.extend(node.body.targets().into_iter().map(|(_, t)| t)),
            None => {
                if let Some(targets) = flow.broken.get(id) {
                    queue.extend(targets.iter().map(String::as_str));
                }
            }
        }
    }
    seen
}

/// Ids from which some end can be reached. A target that is no node (unknown, or a node that
/// did not convert) is given the benefit of the doubt: it is reported on its own.
pub(crate) fn can_end(flow: &Flow) -> BTreeSet<&str> {
    let mut good: BTreeSet<&str> = flow
        .nodes
        .iter()
        .filter(|n| matches!(n.body, Body::End { .. }))
        .map(|n| n.id.as_str())
        .collect();
    for node in &flow.nodes {
        for (_, t) in node.body.targets() {
            if flow.node(t).is_none() {
                good.insert(t);
            }
        }
    }
    loop {
        let before = good.len();
        for node in &flow.nodes {
            if node.body.targets().iter().any(|(_, t)| good.contains(t)) {
                good.insert(node.id.as_str());
            }
        }
        if good.len() == before {
            return good;
        }
    }
}

/// Whether walking `flow` from its start can reach an end without asking anything.
pub(crate) fn silent_path(set: &FlowSet, flow: &Flow, depth: usize) -> bool {
    if depth > set.flows.len() {
        return false;
    }
    let mut seen = BTreeSet::new();
    let mut stack = vec![flow.start.as_str()];
    while let Some(id) = stack.pop() {
        if !seen.insert(id) {
            continue;
        }
        let Some(node) = flow.node(id) else { continue };
        match &node.body {
            Body::End { .. } => return true,
            Body::Info { next } => stack.push(next),
            Body::Subflow { flow: callee, next }
                if set
                    .get(callee)
                    .is_some_and(|f| silent_path(set, f, depth + 1)) =>
            {
                stack.push(next)
            }
            _ => {}
        }
    }
    false
}

/// Cycles made only of nodes that ask nothing. Each cycle is reported once.
pub(crate) fn silent_cycles(set: &FlowSet, flow: &Flow) -> Vec<Vec<String>> {
    let silent = |id: &str| -> Option<&str> {
        let node = flow.node(id)?;
        match &node.body {
            Body::Info { next } => Some(next),
            Body::Subflow { flow: callee, next }
                if set.get(callee).is_none_or(|f| silent_path(set, f, 0)) =>
            {
                Some(next)
            }
            _ => None,
        }
    };
    let mut reported: BTreeSet<String> = BTreeSet::new();
    let mut cycles = Vec::new();
    for node in &flow.nodes {
        // Follow the single silent successor chain from each node.
        let mut path: Vec<&str> = vec![node.id.as_str()];
        let mut current = node.id.as_str();
        while let Some(next) = silent(current) {
            if let Some(i) = path.iter().position(|p| *p == next) {
                let cycle: Vec<String> = path[i..].iter().map(|s| s.to_string()).collect();
                let mut key = cycle.clone();
                key.sort();
                if reported.insert(key.join(",")) {
                    let mut shown = cycle.clone();
                    shown.push(cycle[0].clone());
                    cycles.push(shown);
                }
                break;
            }
            path.push(next);
            current = next;
        }
    }
    cycles
}
