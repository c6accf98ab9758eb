//! The flow as a graph: which boxes can be reached from the start, from which an end can be
//! reached, and loops that repeat without asking anything. The validator turns these into
//! findings; keeping the graph walks apart keeps each check short.
//!
//! Why a [`Graph`] and not walks over the [`Flow`] itself: a flow of ten thousand nodes is
//! checked before every session, and finding a node by its id in the list of nodes made each
//! walk quadratic. The graph numbers the ids once and keeps the edges as lists, so that every
//! walk below visits each node and edge a bounded number of times.

use std::collections::{HashMap, HashSet};

use crate::flow::model::{Body, Flow, Node};
use crate::flow::set::FlowSet;

/// One flow as numbered vertices (one per id: a node, a node that did not convert, or a
/// target that names no node) with their edges, built once per check.
pub(crate) struct Graph<'a> {
    flow: &'a Flow,
    ids: Vec<&'a str>,
    index: HashMap<&'a str, usize>,
    /// The node of each vertex, as [`Flow::node`] finds it (the first with that id).
    nodes: Vec<Option<&'a Node>>,
    /// Where a walk goes from each vertex: the targets of its node, or, for a node that did
    /// not convert, the targets it was written with (so that what lies behind it is not
    /// called unreachable).
    next: Vec<Vec<usize>>,
    /// The strongly connected component of each vertex, numbered so that no edge leads to a
    /// higher number (Tarjan's order), to cut short a search for one node.
    component: Vec<usize>,
}

impl<'a> Graph<'a> {
    pub(crate) fn new(flow: &'a Flow) -> Graph<'a> {
        let mut g = Graph {
            flow,
            ids: Vec::new(),
            index: HashMap::new(),
            nodes: Vec::new(),
            next: Vec::new(),
            component: Vec::new(),
        };
        g.add(&flow.start);
        for id in &flow.declared {
            g.add(id);
        }
        for node in &flow.nodes {
            let v = g.add(&node.id);
            // A second node with the same id adds its targets as vertices (for `can_end`),
            // but no edges: a walk goes where the first one leads.
            let first = g.nodes[v].is_none();
            if first {
                g.nodes[v] = Some(node);
            }
            for (_, t) in node.body.targets() {
                let w = g.add(t);
                if first {
                    g.next[v].push(w);
                }
            }
        }
        for (id, targets) in &flow.broken {
            let v = g.add(id);
            if g.nodes[v].is_none() {
                for t in targets {
                    let w = g.add(t);
                    g.next[v].push(w);
                }
            }
        }
        g.component = components(&g.next);
        g
    }

    fn add(&mut self, id: &'a str) -> usize {
        if let Some(&v) = self.index.get(id) {
            return v;
        }
        let v = self.ids.len();
        self.ids.push(id);
        self.index.insert(id, v);
        self.nodes.push(None);
        self.next.push(Vec::new());
        v
    }

    /// The vertex of an id of this flow (a node, a declared id, a target or the start).
    pub(crate) fn vertex(&self, id: &str) -> usize {
        self.index[id]
    }

    /// The node with this id, as [`Flow::node`] finds it.
    pub(crate) fn node(&self, id: &str) -> Option<&'a Node> {
        self.index.get(id).and_then(|&v| self.nodes[v])
    }

    /// Which vertices can be reached from `start` (itself included).
    pub(crate) fn reach(&self, start: &str) -> Vec<bool> {
        let mut seen = vec![false; self.ids.len()];
        let Some(&start) = self.index.get(start) else {
            return seen;
        };
        seen[start] = true;
        let mut stack = vec![start];
        while let Some(v) = stack.pop() {
            for &w in &self.next[v] {
                if !seen[w] {
                    seen[w] = true;
                    stack.push(w);
                }
            }
        }
        seen
    }

    /// Whether `to` can be reached from `from` (itself included). The search skips every
    /// vertex that comes after `to` in the order of the components, from which `to` cannot be
    /// reached, so that a question close before a decision is found in a few steps.
    pub(crate) fn reaches(&self, from: &str, to: &str) -> bool {
        let (Some(&from), Some(&to)) = (self.index.get(from), self.index.get(to)) else {
            return false;
        };
        let floor = self.component[to];
        let mut seen = HashSet::from([from]);
        let mut stack = vec![from];
        while let Some(v) = stack.pop() {
            if v == to {
                return true;
            }
            for &w in &self.next[v] {
                if self.component[w] >= floor && seen.insert(w) {
                    stack.push(w);
                }
            }
        }
        false
    }

    /// Which vertices some end can be reached from. A target that is no node (unknown, or a
    /// node that did not convert) is given the benefit of the doubt: it is reported on its own.
    pub(crate) fn can_end(&self) -> Vec<bool> {
        let mut good = vec![false; self.ids.len()];
        let mut before: Vec<Vec<usize>> = vec![Vec::new(); self.ids.len()];
        let mut stack = Vec::new();
        let mut mark = |v: usize, good: &mut Vec<bool>| {
            if !good[v] {
                good[v] = true;
                stack.push(v);
            }
        };
        for node in &self.flow.nodes {
            let v = self.vertex(&node.id);
            if matches!(node.body, Body::End { .. }) {
                mark(v, &mut good);
            }
            for (_, t) in node.body.targets() {
                let w = self.vertex(t);
                before[w].push(v);
                if self.nodes[w].is_none() {
                    mark(w, &mut good);
                }
            }
        }
        while let Some(w) = stack.pop() {
            for &v in &before[w] {
                if !good[v] {
                    good[v] = true;
                    stack.push(v);
                }
            }
        }
        good
    }

    /// Where a walk goes from `v` without asking anything, if it does: an info passes on, and
    /// so does a call of a sub-flow that can end silently (or is unknown, which is reported
    /// on its own). `silent` says for each flow of the set whether it can end silently.
    fn silent_next(&self, set: &FlowSet, silent: &[bool], v: usize) -> Option<usize> {
        match &self.nodes[v]?.body {
            Body::Info { next } => Some(self.vertex(next)),
            Body::Subflow {
                flow: callee, next, ..
            } if set.position(callee).is_none_or(|p| silent[p]) => Some(self.vertex(next)),
            _ => None,
        }
    }

    /// Whether walking this flow from its start can reach an end without asking anything,
    /// given for each flow of the set whether it can (`silent`; an unknown sub-flow cannot).
    fn silent_path(&self, set: &FlowSet, silent: &[bool]) -> bool {
        let mut seen = vec![false; self.ids.len()];
        let mut stack = vec![self.vertex(&self.flow.start)];
        while let Some(v) = stack.pop() {
            if std::mem::replace(&mut seen[v], true) {
                continue;
            }
            let Some(node) = self.nodes[v] else { continue };
            match &node.body {
                Body::End { .. } => return true,
                Body::Info { next } => stack.push(self.vertex(next)),
                Body::Subflow {
                    flow: callee, next, ..
                } if set.position(callee).is_some_and(|p| silent[p]) => {
                    stack.push(self.vertex(next))
                }
                _ => {}
            }
        }
        false
    }

    /// Cycles made only of nodes that ask nothing, each reported once: as met first when
    /// following the silent way on from each node in the order of the file.
    pub(crate) fn silent_cycles(&self, set: &FlowSet, silent: &[bool]) -> Vec<Vec<String>> {
        // Each vertex has at most one silent successor, so the silent ways form chains that
        // may end in a cycle; each vertex is followed once (0 new, 1 on this way, 2 done).
        let mut state = vec![0u8; self.ids.len()];
        let mut cycles = Vec::new();
        for node in &self.flow.nodes {
            let mut path: Vec<usize> = Vec::new();
            let mut v = self.vertex(&node.id);
            loop {
                match state[v] {
                    2 => break,
                    1 => {
                        let i = path.iter().position(|&p| p == v).unwrap_or(0);
                        let mut shown: Vec<String> =
                            path[i..].iter().map(|&p| self.ids[p].to_string()).collect();
                        shown.push(self.ids[v].to_string());
                        cycles.push(shown);
                        break;
                    }
                    _ => {}
                }
                state[v] = 1;
                path.push(v);
                match self.silent_next(set, silent, v) {
                    Some(w) => v = w,
                    None => break,
                }
            }
            for p in path {
                state[p] = 2;
            }
        }
        cycles
    }
}

/// For each flow of the set, whether walking it from its start can reach an end without
/// asking anything. A sub-flow call passes silently when its flow can; flows that call each
/// other in a ring cannot (that ring is reported on its own).
pub(crate) fn silent_flows(set: &FlowSet, graphs: &[Graph]) -> Vec<bool> {
    // Rounds from "none can" up, as deep as there are flows: each round lets one more level
    // of sub-flow calls pass, and after that nothing changes.
    let mut silent = vec![false; set.flows.len()];
    for _ in 0..=set.flows.len() {
        let round: Vec<bool> = graphs.iter().map(|g| g.silent_path(set, &silent)).collect();
        if round == silent {
            break;
        }
        silent = round;
    }
    silent
}

/// The strongly connected components of a graph given by its edge lists (Tarjan's algorithm,
/// without recursion so that a long chain cannot overflow the stack). A component is numbered
/// after every component it leads to.
fn components(next: &[Vec<usize>]) -> Vec<usize> {
    const NEW: usize = usize::MAX;
    let n = next.len();
    let (mut order, mut low, mut component) = (vec![NEW; n], vec![0; n], vec![NEW; n]);
    let mut on_stack = vec![false; n];
    let (mut stack, mut counter, mut count) = (Vec::new(), 0, 0);
    for root in 0..n {
        if order[root] != NEW {
            continue;
        }
        let mut calls = vec![(root, 0)];
        order[root] = counter;
        low[root] = counter;
        counter += 1;
        stack.push(root);
        on_stack[root] = true;
        while let Some(&(v, i)) = calls.last() {
            if let Some(&w) = next[v].get(i) {
                if let Some(top) = calls.last_mut() {
                    top.1 += 1;
                }
                if order[w] == NEW {
                    order[w] = counter;
                    low[w] = counter;
                    counter += 1;
                    stack.push(w);
                    on_stack[w] = true;
                    calls.push((w, 0));
                } else if on_stack[w] {
                    low[v] = low[v].min(order[w]);
                }
                continue;
            }
            calls.pop();
            if let Some(&(u, _)) = calls.last() {
                low[u] = low[u].min(low[v]);
            }
            if low[v] == order[v] {
                while let Some(w) = stack.pop() {
                    on_stack[w] = false;
                    component[w] = count;
                    if w == v {
                        break;
                    }
                }
                count += 1;
            }
        }
    }
    component
}

#[cfg(test)]
mod tests {
    use super::components;

    #[test]
    fn components_come_after_those_they_lead_to() {
        // 0 → 1 ⇄ 2 → 3, and 4 → 0.
        let next = vec![vec![1], vec![2], vec![1, 3], vec![], vec![0]];
        let c = components(&next);
        assert_eq!(c[1], c[2]);
        assert!(c[0] > c[1] && c[1] > c[3] && c[4] > c[0]);
        assert_eq!(c.iter().collect::<std::collections::BTreeSet<_>>().len(), 4);
    }
}
