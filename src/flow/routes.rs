//! Every route of a flow: each way from the start to an end, for the coordinator who tests a
//! (local) pathway on completeness (`zorgpad routes`). A pure function over the checked model;
//! nothing here prints.
//!
//! What counts as a route:
//! - a sub-flow call branches by its outcome: each end of the sub-flow reachable from its entry
//!   (`ingang`), leading where `uitgangen` (or `volgende`) says;
//! - options (and outcomes) that lead to the same node are one branch, with all their labels;
//! - a wait with `opvolging:` also branches to `verder` ("later, als opvolging");
//! - a choice whose branches all come together again before any end (its immediate
//!   post-dominator), without coming back to the choice itself, is not a route of its own: the
//!   route passes it as "elke keuze" and goes on where the branches meet (the screening
//!   instrument, the consent for the GP, a melding at B2 that always continues with B2);
//! - a branch back to a node already on the route (a loop: a new appointment at D4, the referral
//!   offered again after M1) is not followed: it is a [`Loop`], listed once and marked on the
//!   routes that pass its start.
//!
//! The number of routes can grow exponentially with the branches of a flow; the enumeration
//! stops at [`MAX_ROUTES`] routes (or [`MAX_WORK`] steps of work) and says so
//! ([`RouteMap::truncated`]).

use std::collections::BTreeMap;

use crate::flow::model::{Body, Flow, Node};
use crate::flow::set::FlowSet;

/// At most this many routes are listed.
pub const MAX_ROUTES: usize = 250;

/// At most this many branches are followed while enumerating (a flow whose branches mostly
/// loop back could otherwise take long without finding routes).
pub const MAX_WORK: usize = 2_000_000;

/// A node on the path of the enumeration: the node, its ways on, and how many were tried.
type Frame = (usize, Vec<(usize, Via)>, usize);

/// Not on the path (see `Graph::enumerate`).
const OFF: usize = usize::MAX;

/// The label of the branch to `verder` of a wait with `opvolging:`.
pub const LATER: &str = "Later (opvolging naast het pad)";

/// The routes of the main flow of a set.
#[derive(Debug, Clone)]
pub struct RouteMap {
    pub routes: Vec<Route>,
    pub loops: Vec<Loop>,
    /// The enumeration stopped at [`MAX_ROUTES`] or [`MAX_WORK`]: there are more routes.
    pub truncated: bool,
}

/// One route: the nodes it passes, from the start to an end.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Route {
    pub passages: Vec<Passage>,
}

impl Route {
    /// The end the route reaches.
    pub fn end(&self) -> &str {
        self.passages.last().map_or("", |p| p.node.as_str())
    }
}

/// A node on a route, and how the route goes on from it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Passage {
    pub node: String,
    pub via: Via,
    /// The node the route goes on at; `None` at the end.
    pub next: Option<String>,
    /// Indices into [`RouteMap::loops`] of the loops that start here.
    pub loops: Vec<usize>,
}

/// How a route leaves a node.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Via {
    /// The only way on.
    Next,
    /// The options (of a decision or wait) that lead to the next node.
    Choice(Vec<String>),
    /// The outcomes (ends of the sub-flow: "title (id)") that lead to the next node.
    Outcome(Vec<String>),
    /// A choice whose branches all meet again at the next node: any choice.
    Any,
    /// The end of the route.
    End,
}

/// A branch back to a node earlier on the route.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Loop {
    pub from: String,
    pub to: String,
    pub labels: Vec<String>,
}

/// One way out of a node: where to, the labels that lead there, and what kind they are.
#[derive(Debug, Clone)]
struct Branch {
    target: usize,
    labels: Vec<String>,
    outcome: bool,
}

/// The main flow as a graph of branches, with the post-dominators that merge choices.
struct Graph<'f> {
    flow: &'f Flow,
    branches: Vec<Vec<Branch>>,
    /// Per node: the node where all its branches meet again, when it is merged ("elke keuze").
    merge: Vec<Option<usize>>,
}

/// Every route of the main flow of `set` (which should have passed validation).
pub fn routes(set: &FlowSet) -> RouteMap {
    let flow = set.main();
    let graph = Graph::new(set, flow);
    graph.enumerate()
}

impl<'f> Graph<'f> {
    fn new(set: &FlowSet, flow: &'f Flow) -> Graph<'f> {
        let index: BTreeMap<&str, usize> = flow
            .nodes
            .iter()
            .enumerate()
            .map(|(i, n)| (n.id.as_str(), i))
            .collect();
        let branches: Vec<Vec<Branch>> = flow
            .nodes
            .iter()
            .map(|n| group(raw_branches(set, n), &index))
            .collect();
        let mut graph = Graph {
            flow,
            branches,
            merge: Vec::new(),
        };
        let ipdom = graph.post_dominators();
        graph.merge = (0..flow.nodes.len())
            .map(|p| {
                let q = ipdom[p]?;
                (graph.branches[p].len() > 1 && q < flow.nodes.len() && !graph.returns(p, q))
                    .then_some(q)
            })
            .collect();
        graph
    }

    /// The immediate post-dominator of each node (a virtual exit, index `n`, after every end),
    /// by the algorithm of Cooper, Harvey and Kennedy on the reversed graph. `None` for nodes
    /// that reach no end.
    fn post_dominators(&self) -> Vec<Option<usize>> {
        let n = self.flow.nodes.len();
        let exit = n;
        // Reversed edges: from a node to those that lead to it; the exit to every end.
        let mut preds: Vec<Vec<usize>> = vec![Vec::new(); n + 1];
        for (i, bs) in self.branches.iter().enumerate() {
            if matches!(self.flow.nodes[i].body, Body::End { .. }) {
                preds[exit].push(i);
            }
            for b in bs {
                preds[b.target].push(i);
            }
        }
        let succs = |i: usize| -> Vec<usize> {
            if i == exit {
                return Vec::new();
            }
            let mut s: Vec<usize> = self.branches[i].iter().map(|b| b.target).collect();
            if matches!(self.flow.nodes[i].body, Body::End { .. }) {
                s.push(exit);
            }
            s
        };
        // Post-order of a depth-first walk of the reversed graph from the exit (no recursion).
        let mut order = vec![usize::MAX; n + 1];
        let mut post = Vec::with_capacity(n + 1);
        let mut seen = vec![false; n + 1];
        let mut stack = vec![(exit, 0usize)];
        seen[exit] = true;
        while let Some((node, k)) = stack.last_mut() {
            if let Some(&p) = preds[*node].get(*k) {
                *k += 1;
                if !seen[p] {
                    seen[p] = true;
                    stack.push((p, 0));
                }
            } else {
                order[*node] = post.len();
                post.push(*node);
                stack.pop();
            }
        }
        let mut idom: Vec<Option<usize>> = vec![None; n + 1];
        idom[exit] = Some(exit);
        let intersect = |idom: &[Option<usize>], mut a: usize, mut b: usize| -> usize {
            while a != b {
                while order[a] < order[b] {
                    a = idom[a].unwrap_or(exit);
                }
                while order[b] < order[a] {
                    b = idom[b].unwrap_or(exit);
                }
            }
            a
        };
        let mut changed = true;
        while changed {
            changed = false;
            for &b in post.iter().rev().filter(|&&b| b != exit) {
                let mut new: Option<usize> = None;
                for s in succs(b) {
                    if idom[s].is_none() || order[s] == usize::MAX {
                        continue;
                    }
                    new = Some(match new {
                        None => s,
                        Some(cur) => intersect(&idom, s, cur),
                    });
                }
                if new.is_some() && idom[b] != new {
                    idom[b] = new;
                    changed = true;
                }
            }
        }
        idom.truncate(n);
        idom
    }

    /// Whether `p` can be reached again from its branches without passing `q` (a loop inside
    /// the choice: then it is not merged).
    fn returns(&self, p: usize, q: usize) -> bool {
        let mut seen = vec![false; self.flow.nodes.len()];
        let mut todo: Vec<usize> = self.branches[p].iter().map(|b| b.target).collect();
        while let Some(x) = todo.pop() {
            if x == p {
                return true;
            }
            if x == q || std::mem::replace(&mut seen[x], true) {
                continue;
            }
            todo.extend(self.branches[x].iter().map(|b| b.target));
        }
        false
    }

    /// Depth-first over the branches from the start, without recursion.
    fn enumerate(&self) -> RouteMap {
        let mut map = RouteMap {
            routes: Vec::new(),
            loops: Vec::new(),
            truncated: false,
        };
        let Some(start) = self.flow.index(&self.flow.start) else {
            return map;
        };
        // Per node: its place on the path, or `OFF`.
        let mut on_path = vec![OFF; self.flow.nodes.len()];
        // The path: per node, the ways on still to try.
        let mut path: Vec<Frame> = Vec::new();
        let mut work = 0usize;
        self.enter(start, &mut path, &mut on_path, &mut map);
        while let Some((node, ways, k)) = path.last_mut() {
            let node = *node;
            let Some(&(target, _)) = ways.get(*k) else {
                on_path[node] = OFF;
                path.pop();
                continue;
            };
            *k += 1;
            work += 1;
            if work > MAX_WORK || map.routes.len() >= MAX_ROUTES {
                map.truncated = true;
                break;
            }
            if on_path[target] != OFF {
                continue; // a loop, recorded with the routes that pass its start
            }
            self.enter(target, &mut path, &mut on_path, &mut map);
        }
        map
    }

    /// Put `node` on the path with its ways on; an end completes a route.
    fn enter(&self, node: usize, path: &mut Vec<Frame>, on_path: &mut [usize], map: &mut RouteMap) {
        on_path[node] = path.len();
        if matches!(self.flow.nodes[node].body, Body::End { .. }) {
            let mut passages: Vec<Passage> = Vec::with_capacity(path.len() + 1);
            for (n, ways, k) in path.iter() {
                let (target, via) = ways[k.saturating_sub(1)].clone();
                passages.push(Passage {
                    node: self.id(*n),
                    via,
                    next: Some(self.id(target)),
                    loops: self.loops_at(*n, on_path, map),
                });
            }
            passages.push(Passage {
                node: self.id(node),
                via: Via::End,
                next: None,
                loops: Vec::new(),
            });
            map.routes.push(Route { passages });
            on_path[node] = OFF;
            return;
        }
        let ways: Vec<(usize, Via)> = match self.merge[node] {
            Some(q) => vec![(q, Via::Any)],
            None => {
                let single = self.branches[node].len() == 1;
                self.branches[node]
                    .iter()
                    .map(|b| {
                        let via = if single {
                            Via::Next
                        } else if b.outcome {
                            Via::Outcome(b.labels.clone())
                        } else {
                            Via::Choice(b.labels.clone())
                        };
                        (b.target, via)
                    })
                    .collect()
            }
        };
        path.push((node, ways, 0));
    }

    /// The loops that start at `node` for the nodes now on the path (recorded once).
    fn loops_at(&self, node: usize, on_path: &[usize], map: &mut RouteMap) -> Vec<usize> {
        if self.merge[node].is_some() {
            return Vec::new();
        }
        let mut found = Vec::new();
        for b in &self.branches[node] {
            if on_path[b.target] > on_path[node] {
                continue; // not on the path, or further on: not back
            }
            let (from, to) = (self.id(node), self.id(b.target));
            let k = match map.loops.iter().position(|l| l.from == from && l.to == to) {
                Some(k) => k,
                None => {
                    map.loops.push(Loop {
                        from,
                        to,
                        labels: b.labels.clone(),
                    });
                    map.loops.len() - 1
                }
            };
            found.push(k);
        }
        found
    }

    fn id(&self, i: usize) -> String {
        self.flow.nodes[i].id.clone()
    }
}

/// The ways out of a node as (target id, label, is an outcome), before grouping.
fn raw_branches(set: &FlowSet, node: &Node) -> Vec<(String, String, bool)> {
    match &node.body {
        Body::Decision { options, .. } => options
            .iter()
            .map(|o| (o.target.clone(), o.label.clone(), false))
            .collect(),
        Body::Wait {
            options, follow_up, ..
        } => options
            .iter()
            .map(|o| (o.target.clone(), o.label.clone(), false))
            .chain(
                follow_up
                    .iter()
                    .map(|f| (f.resume.clone(), LATER.to_string(), false)),
            )
            .collect(),
        Body::Subflow {
            flow,
            next,
            entry,
            exits,
        } => match set.get(flow) {
            Some(sub) => outcomes(sub, entry.as_deref())
                .into_iter()
                .map(|end| {
                    let target = exits
                        .iter()
                        .find(|e| e.end == end.id)
                        .map_or(next.clone(), |e| e.target.clone());
                    (target, format!("{} ({})", end.title, end.id), true)
                })
                .collect(),
            None => vec![(next.clone(), String::new(), false)],
        },
        Body::End { .. } => Vec::new(),
        Body::Info { next }
        | Body::Action { next, .. }
        | Body::Referral { next, .. }
        | Body::Criteria { next, .. }
        | Body::Text { next, .. } => vec![(next.clone(), String::new(), false)],
    }
}

/// The ends of a sub-flow reachable from its entry (its start when `None`), in file order.
pub fn outcomes<'f>(sub: &'f Flow, entry: Option<&str>) -> Vec<&'f Node> {
    let mut seen = vec![false; sub.nodes.len()];
    let mut todo: Vec<usize> = sub.index(entry.unwrap_or(&sub.start)).into_iter().collect();
    while let Some(i) = todo.pop() {
        if std::mem::replace(&mut seen[i], true) {
            continue;
        }
        todo.extend(
            sub.nodes[i]
                .body
                .targets()
                .into_iter()
                .filter_map(|(_, t)| sub.index(t)),
        );
    }
    sub.nodes
        .iter()
        .enumerate()
        .filter(|(i, n)| seen[*i] && matches!(n.body, Body::End { .. }))
        .map(|(_, n)| n)
        .collect()
}

/// Ways to the same node as one branch (first-seen order); unknown targets left out.
fn group(raw: Vec<(String, String, bool)>, index: &BTreeMap<&str, usize>) -> Vec<Branch> {
    let mut out: Vec<Branch> = Vec::new();
    for (target, label, outcome) in raw {
        let Some(&t) = index.get(target.as_str()) else {
            continue;
        };
        match out.iter_mut().find(|b| b.target == t) {
            Some(b) => {
                if !label.is_empty() {
                    b.labels.push(label);
                }
            }
            None => out.push(Branch {
                target: t,
                labels: if label.is_empty() {
                    Vec::new()
                } else {
                    vec![label]
                },
                outcome,
            }),
        }
    }
    out
}
