//! `zorgpad graaf`: the pathway as a Mermaid flowchart or a Graphviz digraph, for slides and
//! hand-outs. Kept apart from [`crate::report::pathway`] (the pathway as text) because a
//! diagram is another language with its own quoting, identifiers and colours; both only
//! return text, [`crate::cmd`] prints or writes it.
//!
//! Text from the flow file only enters a diagram through [`mermaid_text`], [`dot_text`] or
//! [`comment`]: control characters made visible ([`crate::visible`]), then quoted for the
//! language, and never a raw line break, so that a title cannot end its string or its line
//! and add statements of its own.

use std::collections::BTreeMap;

use crate::flow::model::{Body, Flow, Kind, Node};
use crate::flow::set::FlowSet;
use crate::report::pathway::{callers, wrap_hang};

/// Fill colours per role (in the order of the main flow's roles), for both formats.
const PALETTE: &[&str] = &[
    "#dbeafe", "#dcfce7", "#fef3c7", "#fce7f3", "#ede9fe", "#e0f2fe", "#fee2e2", "#f5f5f4",
];

/// Identifiers for the diagram: readable, unique, only letters, digits and '_'.
struct Ids {
    map: BTreeMap<(usize, String), String>,
}

impl Ids {
    fn new(set: &FlowSet) -> Ids {
        let mut map = BTreeMap::new();
        let mut taken = std::collections::BTreeSet::new();
        for (fi, flow) in set.flows.iter().enumerate() {
            for node in &flow.nodes {
                let base = if fi == 0 {
                    format!("n_{}", plain(&node.id))
                } else {
                    format!("{}__{}", plain(&flow.id), plain(&node.id))
                };
                let mut name = base.clone();
                let mut k = 2;
                while !taken.insert(name.clone()) {
                    name = format!("{base}_{k}");
                    k += 1;
                }
                map.insert((fi, node.id.clone()), name);
            }
        }
        Ids { map }
    }

    fn of(&self, flow: usize, node: &str) -> Option<&str> {
        self.map.get(&(flow, node.to_string())).map(String::as_str)
    }
}

fn plain(id: &str) -> String {
    id.chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '_' })
        .collect()
}

/// Split a title into lines of about `width` characters.
fn lines(text: &str, width: usize) -> Vec<String> {
    wrap_hang(text, width, "", "")
        .lines()
        .map(str::to_string)
        .collect()
}

fn roles(set: &FlowSet) -> Vec<(String, String, &'static str)> {
    set.main()
        .roles
        .iter()
        .enumerate()
        .map(|(k, (id, label))| (id.clone(), label.clone(), PALETTE[k % PALETTE.len()]))
        .collect()
}

/// The lines of a node's label: "ID · title" wrapped, then the role.
fn label_lines(flow: &Flow, node: &Node) -> Vec<String> {
    let mut l = lines(&format!("{} · {}", node.id, node.title), 30);
    if let Some(r) = &node.role {
        l.push(format!("({})", flow.role_label(r)));
    }
    l
}

/// An arrow of the diagram, between two identifiers.
struct Link<'a> {
    from: &'a str,
    to: &'a str,
    kind: Arrow<'a>,
}

enum Arrow<'a> {
    /// To the next box.
    Next,
    /// An option of a decision, with its label.
    Choice(&'a str),
    /// A sub-flow call, to the start of the sub-flow (or the call's `ingang`).
    Call,
}

/// Every arrow, flow by flow: the boxes' own (in the order of the boxes), then the calls.
fn links<'a>(set: &'a FlowSet, ids: &'a Ids) -> Vec<Link<'a>> {
    let mut out = Vec::new();
    for (fi, flow) in set.flows.iter().enumerate() {
        for node in &flow.nodes {
            let targets: Vec<(&str, Arrow)> = match &node.body {
                Body::Decision { options, .. } => options
                    .iter()
                    .map(|o| (o.target.as_str(), Arrow::Choice(o.label.as_str())))
                    .collect(),
                // A wait that can be a follow-up: the path goes on at `verder` meanwhile.
                Body::Wait {
                    options, follow_up, ..
                } => options
                    .iter()
                    .map(|o| (o.target.as_str(), Arrow::Choice(o.label.as_str())))
                    .chain(
                        follow_up
                            .iter()
                            .map(|f| (f.resume.as_str(), Arrow::Choice("later (opvolging)"))),
                    )
                    .collect(),
                // A call that goes on by the end its sub-flow reached: each such arrow is
                // labelled with that end, the usual way on with "anders".
                Body::Subflow {
                    flow: callee,
                    next,
                    exits,
                    ..
                } if !exits.is_empty() => exits
                    .iter()
                    .map(|e| {
                        let end = set
                            .get(callee)
                            .and_then(|f| f.node(&e.end))
                            .map_or(e.end.as_str(), |n| n.title.as_str());
                        (e.target.as_str(), Arrow::Choice(end))
                    })
                    .chain([(next.as_str(), Arrow::Choice("anders"))])
                    .collect(),
                other => other
                    .targets()
                    .into_iter()
                    .map(|(_, t)| (t, Arrow::Next))
                    .collect(),
            };
            for (to, kind) in targets {
                if let (Some(from), Some(to)) = (ids.of(fi, &node.id), ids.of(fi, to)) {
                    out.push(Link { from, to, kind });
                }
            }
        }
        for node in &flow.nodes {
            if let Body::Subflow {
                flow: callee,
                entry,
                ..
            } = &node.body
            {
                if let (Some(ci), Some(from)) = (set.position(callee), ids.of(fi, &node.id)) {
                    let first = entry.as_ref().unwrap_or(&set.flows[ci].start);
                    if let Some(to) = ids.of(ci, first) {
                        out.push(Link {
                            from,
                            to,
                            kind: Arrow::Call,
                        });
                    }
                }
            }
        }
    }
    out
}

/// Text inside a quoted Mermaid label.
fn mermaid_text(text: &str) -> String {
    crate::visible::text(text)
        .replace('"', "#quot;")
        .replace('\n', "<br/>")
}

/// Text in a comment line (`%%`, `//`): on that one line.
fn comment(text: &str) -> String {
    crate::visible::text(text).replace('\n', " ")
}

/// The flow as a Mermaid flowchart.
pub fn mermaid(set: &FlowSet) -> String {
    let ids = Ids::new(set);
    let main = set.main();
    let mut s = format!(
        "%% {} (versie {}) — gemaakt met: zorgpad graaf --formaat mermaid\n",
        comment(&main.name),
        comment(&main.version)
    );
    s.push_str("%% Ruit = beslissing, zeshoek = wachten, dubbele rand = sub-flow, rond = einde; kleur = rol.\n");
    s.push_str("flowchart TD\n");
    let role_list = roles(set);
    let mut classes: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for (fi, flow) in set.flows.iter().enumerate() {
        let indent = if fi == 0 { "  " } else { "    " };
        if fi > 0 {
            s.push_str(&format!(
                "  subgraph sf_{}[\"Sub-flow: {} (aangeroepen vanuit {})\"]\n    direction TB\n",
                plain(&flow.id),
                mermaid_text(&flow.name),
                mermaid_text(&callers(set, &flow.id).join(", "))
            ));
        }
        for node in &flow.nodes {
            let id = ids.of(fi, &node.id).unwrap_or_default();
            let label = mermaid_text(&label_lines(flow, node).join("<br/>"));
            let shape = match node.body.kind() {
                Kind::Info => format!("{id}>\"{label}\"]"),
                Kind::Actie => format!("{id}[\"{label}\"]"),
                Kind::Beslissing => format!("{id}{{\"{label}\"}}"),
                Kind::Criteria => format!("{id}[/\"{label}\"\\]"),
                Kind::Verwijzing => format!("{id}[/\"{label}\"/]"),
                Kind::Wachten => format!("{id}{{{{\"{label}\"}}}}"),
                Kind::Subflow => format!("{id}[[\"{label}\"]]"),
                Kind::Einde => format!("{id}([\"{label}\"])"),
                Kind::Tekst => format!("{id}(\"{label}\")"),
            };
            s.push_str(&format!("{indent}{shape}\n"));
            if let Some(r) = &node.role {
                classes
                    .entry(format!("rol_{}", plain(r)))
                    .or_default()
                    .push(id.to_string());
            }
        }
        if fi > 0 {
            s.push_str("  end\n");
        }
    }
    for l in links(set, &ids) {
        let (a, b) = (l.from, l.to);
        s.push_str(&match l.kind {
            Arrow::Next => format!("  {a} --> {b}\n"),
            Arrow::Choice(label) => format!("  {a} -->|\"{}\"| {b}\n", mermaid_text(label)),
            Arrow::Call => format!("  {a} -.->|\"roept aan\"| {b}\n"),
        });
    }
    s.push_str("  subgraph legenda[\"Rollen\"]\n    direction LR\n");
    for (id, label, _) in &role_list {
        s.push_str(&format!(
            "    legenda_{}[\"{}\"]\n",
            plain(id),
            mermaid_text(label)
        ));
        classes
            .entry(format!("rol_{}", plain(id)))
            .or_default()
            .push(format!("legenda_{}", plain(id)));
    }
    s.push_str("  end\n");
    for (id, _, colour) in &role_list {
        s.push_str(&format!(
            "  classDef rol_{} fill:{colour},stroke:#333,color:#000\n",
            plain(id)
        ));
    }
    for (class, members) in &classes {
        if role_list
            .iter()
            .any(|(id, ..)| format!("rol_{}", plain(id)) == *class)
        {
            s.push_str(&format!("  class {} {class}\n", members.join(",")));
        }
    }
    s
}

/// Text inside a quoted DOT string.
fn dot_text(text: &str) -> String {
    crate::visible::text(text)
        .replace('\\', "\\\\")
        .replace('"', "\\\"")
        .replace('\n', "\\n")
}

/// The flow as a Graphviz digraph (`dot -Tsvg`).
pub fn dot(set: &FlowSet) -> String {
    let ids = Ids::new(set);
    let main = set.main();
    let role_list = roles(set);
    let colour = |_flow: &Flow, node: &Node| -> &'static str {
        node.role
            .as_deref()
            .and_then(|r| role_list.iter().find(|(id, ..)| id == r))
            .map_or("#ffffff", |(_, _, c)| c)
    };
    let mut s = format!(
        "// {} (versie {}) — gemaakt met: zorgpad graaf --formaat dot\n// Maak er een plaatje van met: dot -Tsvg zorgpad.dot -o zorgpad.svg\n",
        comment(&main.name),
        comment(&main.version)
    );
    s.push_str("digraph zorgpad {\n");
    s.push_str(&format!(
        "  graph [charset=\"UTF-8\", rankdir=TB, fontname=\"Helvetica\", labelloc=t, label=\"{} (versie {})\"];\n",
        dot_text(&main.name),
        dot_text(&main.version)
    ));
    s.push_str(
        "  node [fontname=\"Helvetica\", fontsize=10, style=filled, fillcolor=\"#ffffff\"];\n",
    );
    s.push_str("  edge [fontname=\"Helvetica\", fontsize=9];\n");
    for (fi, flow) in set.flows.iter().enumerate() {
        let indent = if fi == 0 { "  " } else { "    " };
        if fi > 0 {
            s.push_str(&format!(
                "  subgraph cluster_{} {{\n    label=\"Sub-flow: {} (aangeroepen vanuit {})\";\n    style=dashed;\n",
                plain(&flow.id),
                dot_text(&flow.name),
                dot_text(&callers(set, &flow.id).join(", "))
            ));
        }
        for node in &flow.nodes {
            let id = ids.of(fi, &node.id).unwrap_or_default();
            let label = label_lines(flow, node)
                .iter()
                .map(|l| dot_text(l))
                .collect::<Vec<_>>()
                .join("\\n");
            let shape = match node.body.kind() {
                Kind::Info => "shape=note",
                Kind::Actie => "shape=box",
                Kind::Beslissing => "shape=diamond",
                Kind::Criteria => "shape=trapezium",
                Kind::Verwijzing => "shape=parallelogram",
                Kind::Wachten => "shape=hexagon",
                Kind::Subflow => "shape=box, peripheries=2",
                Kind::Einde => "shape=oval, peripheries=2",
                Kind::Tekst => "shape=box, style=\"filled,rounded\"",
            };
            s.push_str(&format!(
                "{indent}{id} [{shape}, label=\"{label}\", fillcolor=\"{}\"];\n",
                colour(flow, node)
            ));
        }
        if fi > 0 {
            s.push_str("  }\n");
        }
    }
    s.push_str("  subgraph cluster_legenda {\n    label=\"Rollen\";\n    style=solid;\n");
    for (id, label, c) in &role_list {
        s.push_str(&format!(
            "    legenda_{} [shape=box, label=\"{}\", fillcolor=\"{c}\"];\n",
            plain(id),
            dot_text(label)
        ));
    }
    s.push_str("  }\n");
    for l in links(set, &ids) {
        let (a, b) = (l.from, l.to);
        s.push_str(&match l.kind {
            Arrow::Next => format!("  {a} -> {b};\n"),
            Arrow::Choice(label) => format!(
                "  {a} -> {b} [label=\"{}\"];\n",
                lines(label, 24)
                    .iter()
                    .map(|l| dot_text(l))
                    .collect::<Vec<_>>()
                    .join("\\n")
            ),
            Arrow::Call => format!("  {a} -> {b} [style=dashed, label=\"roept aan\"];\n"),
        });
    }
    s.push_str("}\n");
    s
}
