//! The pathway as a whole, for training: `zorgpad toon` (the flow as a readable text for an
//! 80-column projector screen), `zorgpad graaf` (the flow as a Mermaid or Graphviz diagram) and
//! the "wat als…?" preview of where each option of a decision leads.
//!
//! Everything here returns text; only the commands `toon` and `graaf` (in `cmd`) print or write it.

use std::collections::BTreeMap;

use crate::error::{Error, Result};
use crate::flow::model::{Body, Choice, Flow, Kind, Node};
use crate::flow::set::FlowSet;

/// The width `zorgpad toon` writes to: a projector screen.
pub const SHOW_WIDTH: usize = 80;

// ---------------------------------------------------------------------------------------------
// zorgpad toon

/// Wrap `text` to `width` columns: the first line behind `first`, the rest behind `hang`.
fn wrap_hang(text: &str, width: usize, first: &str, hang: &str) -> String {
    let mut out = Vec::new();
    for (k, paragraph) in text.split('\n').enumerate() {
        let lead = if k == 0 { first } else { hang };
        // Keep a paragraph's own indentation (a bullet list in a footnote) behind the hang.
        let own: String = paragraph
            .chars()
            .take_while(|c| c.is_whitespace())
            .collect();
        let bullet = paragraph.trim_start().starts_with('•');
        let mut current = format!("{lead}{own}");
        let cont = format!("{hang}{own}{}", if bullet { "  " } else { "" });
        let mut has_word = false;
        for word in paragraph.split_whitespace() {
            let len = current.chars().count() + usize::from(has_word) + word.chars().count();
            if has_word && len > width {
                out.push(std::mem::replace(&mut current, cont.clone()));
                has_word = false;
            }
            if has_word {
                current.push(' ');
            }
            current.push_str(word);
            has_word = true;
        }
        out.push(current.trim_end().to_string());
    }
    out.join("\n") + "\n"
}

fn kind_word(kind: Kind) -> &'static str {
    match kind {
        Kind::Info => "info",
        Kind::Actie => "actie",
        Kind::Beslissing => "beslissing",
        Kind::Verwijzing => "verwijzing",
        Kind::Wachten => "wachten",
        Kind::Subflow => "sub-flow",
        Kind::Einde => "einde",
        Kind::Criteria => "criteria",
    }
}

/// The heading of a group of boxes: the step and the role.
fn section(flow: &Flow, node: &Node) -> Option<String> {
    if node.stap.is_none() && node.rol.is_none() {
        return None;
    }
    let stap = node
        .stap
        .map_or_else(|| "Zonder stap".to_string(), |s| format!("Stap {s}"));
    let rol = node
        .rol
        .as_deref()
        .map_or("rol van de aanroepende knoop", |r| flow.role_label(r));
    Some(format!("{stap} · {rol}"))
}

fn rule(title: &str, fill: char) -> String {
    let head = format!("{fill}{fill} {title} ");
    let n = SHOW_WIDTH.saturating_sub(head.chars().count());
    format!("{head}{}\n", fill.to_string().repeat(n))
}

/// "→ B1: Intakegesprek en screening kwetsbaarheid".
fn target(flow: &Flow, id: &str) -> String {
    match flow.node(id) {
        Some(n) => format!("{id}: {}", n.titel),
        None => id.to_string(),
    }
}

fn proposal_text(node: &Node) -> Option<String> {
    let Body::Decision {
        proposal: Some(p), ..
    } = &node.body
    else {
        return None;
    };
    let mut parts = Vec::new();
    for r in &p.rules {
        let conds: Vec<String> = r
            .conditions
            .iter()
            .map(|c| format!("{} = {}", c.node, c.value))
            .collect();
        let how = if r.any || conds.len() == 1 {
            conds.join(" of ")
        } else {
            conds.join(" en ")
        };
        parts.push(format!(
            "'{}' als {how}{}",
            r.then,
            if r.binding { " (altijd)" } else { "" }
        ));
    }
    parts.push(format!("anders '{}'", p.otherwise));
    Some(format!("Voorstel: {}.", parts.join("; ")))
}

/// One box as text; with its explanation and footnotes when `detail`.
fn node_text(flow: &Flow, node: &Node, detail: bool) -> String {
    const IND: &str = "     ";
    let w = SHOW_WIDTH;
    let mut s = wrap_hang(
        &format!(
            "[{}] {}  ({})",
            node.id,
            node.titel,
            kind_word(node.body.kind())
        ),
        w,
        "",
        IND,
    );
    if let Some(t) = &node.tekst {
        s.push_str(&wrap_hang(t.trim_end(), w, IND, IND));
    }
    match &node.body {
        Body::Info { next } => s.push_str(&wrap_hang(
            &format!("→ {}", target(flow, next)),
            w,
            IND,
            IND,
        )),
        Body::Action { items, next } => {
            for a in items {
                let who = a
                    .rol
                    .as_deref()
                    .map(|r| format!(" ({})", flow.role_label(r)))
                    .unwrap_or_default();
                s.push_str(&wrap_hang(
                    &format!("[ ] {}{who}", a.tekst),
                    w,
                    IND,
                    &format!("{IND}    "),
                ));
            }
            s.push_str(&wrap_hang(
                &format!("→ {}", target(flow, next)),
                w,
                IND,
                IND,
            ));
        }
        Body::Criteria {
            question,
            items,
            next,
        } => {
            s.push_str(&wrap_hang(question, w, IND, IND));
            for a in items {
                s.push_str(&wrap_hang(
                    &format!("[ ] {}", a.tekst),
                    w,
                    IND,
                    &format!("{IND}    "),
                ));
            }
            s.push_str(&wrap_hang(
                &format!("→ {}", target(flow, next)),
                w,
                IND,
                IND,
            ));
        }
        Body::Decision {
            question, options, ..
        }
        | Body::Wait { question, options } => {
            s.push_str(&wrap_hang(
                &format!("◆ {question}"),
                w,
                IND,
                &format!("{IND}  "),
            ));
            if let Some(p) = proposal_text(node) {
                s.push_str(&wrap_hang(&p, w, IND, &format!("{IND}  ")));
            }
            for (k, o) in options.iter().enumerate() {
                let branch = if k + 1 == options.len() {
                    "└─"
                } else {
                    "├─"
                };
                let cont = if k + 1 == options.len() {
                    "   "
                } else {
                    "│  "
                };
                let hint = o
                    .toelichting
                    .as_deref()
                    .map(|t| format!(" ({})", t.trim()))
                    .unwrap_or_default();
                s.push_str(&wrap_hang(
                    &format!("{branch} {}{hint} → {}", o.label, target(flow, &o.target)),
                    w,
                    IND,
                    &format!("{IND}{cont}"),
                ));
            }
        }
        Body::Referral { category, next, .. } => {
            s.push_str(&wrap_hang(
                &format!("Verwijzing naar de categorie '{category}' van de Sociale Kaart."),
                w,
                IND,
                IND,
            ));
            s.push_str(&wrap_hang(
                &format!("→ {}", target(flow, next)),
                w,
                IND,
                IND,
            ));
        }
        Body::Subflow { flow: callee, next } => {
            s.push_str(&wrap_hang(
                &format!(
                    "⇒ volgt de sub-flow '{callee}' (zie onder), daarna → {}",
                    target(flow, next)
                ),
                w,
                IND,
                IND,
            ));
        }
        Body::End { outcome } => {
            s.push_str(&wrap_hang(
                &format!("■ {}", outcome.trim()),
                w,
                IND,
                &format!("{IND}  "),
            ));
        }
    }
    if detail {
        match &node.uitleg {
            Some(u) => s.push_str(&wrap_hang(&format!("Uitleg: {}", u.trim()), w, IND, IND)),
            None => s.push_str(&wrap_hang(
                "(Bij deze stap staat geen uitleg in de flow.)",
                w,
                IND,
                IND,
            )),
        }
    }
    if !node.voetnoten.is_empty() {
        let refs: Vec<String> = node.voetnoten.iter().map(|n| format!("[{n}]")).collect();
        s.push_str(&wrap_hang(
            &format!("voetnoot {}", refs.join(" ")),
            w,
            IND,
            IND,
        ));
    }
    s
}

/// The boxes of one flow, grouped under a heading whenever the step or role changes.
fn flow_body(flow: &Flow, detail: bool, nodes: &[&Node]) -> String {
    let mut s = String::new();
    let mut current: Option<String> = None;
    for node in nodes {
        if let Some(head) = section(flow, node) {
            if current.as_deref() != Some(head.as_str()) {
                s.push('\n');
                s.push_str(&rule(&head, '─'));
                current = Some(head);
            }
        }
        s.push('\n');
        s.push_str(&node_text(flow, node, detail));
    }
    s
}

/// The footnotes the given boxes refer to, each once.
fn footnotes(flow: &Flow, nodes: &[&Node]) -> String {
    let mut numbers: Vec<u32> = nodes
        .iter()
        .flat_map(|n| n.voetnoten.iter().copied())
        .collect();
    numbers.sort_unstable();
    numbers.dedup();
    let mut s = String::new();
    for n in numbers {
        if let Some(note) = flow.voetnoten.get(&n) {
            if s.is_empty() {
                s.push('\n');
                s.push_str(&rule("Voetnoten", '─'));
            }
            s.push_str(&wrap_hang(
                &format!("[{n}] {}", note.trim_end()),
                SHOW_WIDTH,
                "",
                "    ",
            ));
        }
    }
    s
}

/// The node at a question key (`B2-meldcode/AK2`), ignoring case.
fn node_for_key_any_case<'f>(set: &'f FlowSet, key: &str) -> Option<(&'f Flow, &'f Node)> {
    let mut flow = set.main();
    let mut parts = key.split('/').peekable();
    while let Some(id) = parts.next() {
        let node = flow
            .nodes
            .iter()
            .find(|n| n.id.eq_ignore_ascii_case(id.trim()))?;
        if parts.peek().is_none() {
            return Some((flow, node));
        }
        match &node.body {
            Body::Subflow { flow: callee, .. } => flow = set.get(callee)?,
            _ => return None,
        }
    }
    None
}

/// Who calls a sub-flow: "B2-meldcode, M1, B6-meldcode".
fn callers(set: &FlowSet, id: &str) -> Vec<String> {
    set.flows
        .iter()
        .flat_map(|f| f.nodes.iter())
        .filter(|n| matches!(&n.body, Body::Subflow { flow, .. } if flow == id))
        .map(|n| n.id.clone())
        .collect()
}

fn legend() -> String {
    wrap_hang(
        "Lezen: [ID] titel (soort). [ ] = actie of criterium om af te vinken; ◆ = vraag, met ├─ de opties en → waar elke optie heen leidt; ⇒ = sub-flow; ■ = uitkomst. Eén stap met uitleg en voetnoten: zorgpad toon --stap N (1–5) of --stap ID.",
        SHOW_WIDTH,
        "",
        "",
    )
}

/// The whole pathway.
pub fn overview_text(set: &FlowSet) -> String {
    let main = set.main();
    let mut s = rule(&main.naam, '═');
    s.push_str(&wrap_hang(
        &format!(
            "Versie {} · {} knopen · begint bij {}",
            main.versie,
            main.nodes.len(),
            main.start
        ),
        SHOW_WIDTH,
        "",
        "",
    ));
    let roles: Vec<&str> = main.rollen.values().map(String::as_str).collect();
    s.push_str(&wrap_hang(
        &format!("Rollen: {}", roles.join(", ")),
        SHOW_WIDTH,
        "",
        "  ",
    ));
    s.push_str(&legend());
    let nodes: Vec<&Node> = main.nodes.iter().collect();
    s.push_str(&flow_body(main, false, &nodes));
    for sub in &set.flows[1..] {
        s.push('\n');
        s.push_str(&rule(&format!("Sub-flow: {} ({})", sub.naam, sub.id), '═'));
        s.push_str(&wrap_hang(
            &format!(
                "Aangeroepen vanuit {}. Knopen zonder rol of stap nemen die van de aanroepende knoop over. Begint bij {}.",
                callers(set, &sub.id).join(", "),
                sub.start
            ),
            SHOW_WIDTH,
            "",
            "",
        ));
        let nodes: Vec<&Node> = sub.nodes.iter().collect();
        s.push_str(&flow_body(sub, false, &nodes));
    }
    if !main.voetnoten.is_empty() {
        s.push('\n');
        s.push_str(&rule("Voetnoten", '─'));
        for (n, note) in &main.voetnoten {
            s.push_str(&wrap_hang(
                &format!("[{n}] {}", note.trim_end()),
                SHOW_WIDTH,
                "",
                "    ",
            ));
        }
    }
    s
}

/// `--stap N`: every box of blueprint step N with explanation and footnotes; `--stap ID`: one
/// box (of the main flow or a sub-flow; `B2-meldcode/AK2` as in the journal also works).
pub fn step_text(set: &FlowSet, wanted: &str) -> Result<String> {
    let main = set.main();
    if let Ok(n) = wanted.parse::<u8>() {
        let nodes: Vec<&Node> = main.nodes.iter().filter(|x| x.stap == Some(n)).collect();
        if nodes.is_empty() {
            let mut steps: Vec<u8> = main.nodes.iter().filter_map(|x| x.stap).collect();
            steps.sort_unstable();
            steps.dedup();
            return Err(
                Error::input(format!("de flow '{}' heeft geen stap {n}", main.naam)).hint(format!(
                    "Kies een stap: {} (of een knoop-id, bijvoorbeeld --stap {}).",
                    steps
                        .iter()
                        .map(u8::to_string)
                        .collect::<Vec<_>>()
                        .join(", "),
                    main.start
                )),
            );
        }
        let mut s = rule(&format!("{} — stap {n}", main.naam), '═');
        s.push_str(&flow_body(main, true, &nodes));
        s.push_str(&footnotes(main, &nodes));
        return Ok(s);
    }
    let found = node_for_key_any_case(set, wanted).or_else(|| {
        // A node of a sub-flow by its own id, when that id is unique.
        let hits: Vec<(&Flow, &Node)> = set
            .flows
            .iter()
            .flat_map(|f| f.nodes.iter().map(move |n| (f, n)))
            .filter(|(_, n)| n.id.eq_ignore_ascii_case(wanted))
            .collect();
        (hits.len() == 1).then(|| hits[0])
    });
    let Some((flow, node)) = found else {
        let ids: Vec<&str> = main.nodes.iter().map(|n| n.id.as_str()).collect();
        return Err(Error::input(format!(
            "'{wanted}' is geen stap (1–5) en geen knoop van '{}'",
            main.naam
        ))
        .hint(format!(
            "Geef een stapnummer (bijvoorbeeld --stap 2) of een knoop-id: {}.\nHet overzicht van alle knopen: zorgpad toon",
            ids.join(", ")
        )));
    };
    let mut s = String::new();
    if flow.id != main.id {
        s.push_str(&wrap_hang(
            &format!("In de sub-flow '{}' ({}).", flow.naam, flow.id),
            SHOW_WIDTH,
            "",
            "",
        ));
    }
    if let Some(head) = section(flow, node) {
        s.push_str(&rule(&head, '─'));
    }
    s.push_str(&node_text(flow, node, true));
    s.push_str(&footnotes(flow, &[node]));
    Ok(s)
}

// ---------------------------------------------------------------------------------------------
// wat als…?

// ---------------------------------------------------------------------------------------------
// zorgpad graaf

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
        .rollen
        .iter()
        .enumerate()
        .map(|(k, (id, label))| (id.clone(), label.clone(), PALETTE[k % PALETTE.len()]))
        .collect()
}

/// The lines of a node's label: "ID · title" wrapped, then the role.
fn label_lines(flow: &Flow, node: &Node) -> Vec<String> {
    let mut l = lines(&format!("{} · {}", node.id, node.titel), 30);
    if let Some(r) = &node.rol {
        l.push(format!("({})", flow.role_label(r)));
    }
    l
}

fn edges(flow: &Flow) -> Vec<(&Node, Option<&Choice>, &str)> {
    let mut out = Vec::new();
    for node in &flow.nodes {
        match &node.body {
            Body::Decision { options, .. } | Body::Wait { options, .. } => {
                for o in options {
                    out.push((node, Some(o), o.target.as_str()));
                }
            }
            other => {
                for (_, t) in other.targets() {
                    out.push((node, None, t));
                }
            }
        }
    }
    out
}

fn mermaid_text(text: &str) -> String {
    text.replace('"', "#quot;")
}

/// The flow as a Mermaid flowchart.
pub fn mermaid(set: &FlowSet) -> String {
    let ids = Ids::new(set);
    let main = set.main();
    let mut s = format!(
        "%% {} (versie {}) — gemaakt met: zorgpad graaf --formaat mermaid\n",
        main.naam, main.versie
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
                mermaid_text(&flow.naam),
                callers(set, &flow.id).join(", ")
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
            };
            s.push_str(&format!("{indent}{shape}\n"));
            if let Some(r) = &node.rol {
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
    for (fi, flow) in set.flows.iter().enumerate() {
        for (from, choice, to) in edges(flow) {
            let (Some(a), Some(b)) = (ids.of(fi, &from.id), ids.of(fi, to)) else {
                continue;
            };
            match choice {
                Some(o) => s.push_str(&format!("  {a} -->|\"{}\"| {b}\n", mermaid_text(&o.label))),
                None => s.push_str(&format!("  {a} --> {b}\n")),
            }
        }
        for node in &flow.nodes {
            if let Body::Subflow { flow: callee, .. } = &node.body {
                if let (Some(ci), Some(a)) = (set.position(callee), ids.of(fi, &node.id)) {
                    if let Some(b) = ids.of(ci, &set.flows[ci].start) {
                        s.push_str(&format!("  {a} -.->|\"roept aan\"| {b}\n"));
                    }
                }
            }
        }
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

fn dot_text(text: &str) -> String {
    text.replace('\\', "\\\\").replace('"', "\\\"")
}

/// The flow as a Graphviz digraph (`dot -Tsvg`).
pub fn dot(set: &FlowSet) -> String {
    let ids = Ids::new(set);
    let main = set.main();
    let role_list = roles(set);
    let colour = |_flow: &Flow, node: &Node| -> &'static str {
        node.rol
            .as_deref()
            .and_then(|r| role_list.iter().find(|(id, ..)| id == r))
            .map_or("#ffffff", |(_, _, c)| c)
    };
    let mut s = format!(
        "// {} (versie {}) — gemaakt met: zorgpad graaf --formaat dot\n// Maak er een plaatje van met: dot -Tsvg zorgpad.dot -o zorgpad.svg\n",
        main.naam, main.versie
    );
    s.push_str("digraph zorgpad {\n");
    s.push_str(&format!(
        "  graph [charset=\"UTF-8\", rankdir=TB, fontname=\"Helvetica\", labelloc=t, label=\"{} (versie {})\"];\n",
        dot_text(&main.naam),
        dot_text(&main.versie)
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
                dot_text(&flow.naam),
                callers(set, &flow.id).join(", ")
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
    for (fi, flow) in set.flows.iter().enumerate() {
        for (from, choice, to) in edges(flow) {
            let (Some(a), Some(b)) = (ids.of(fi, &from.id), ids.of(fi, to)) else {
                continue;
            };
            match choice {
                Some(o) => s.push_str(&format!(
                    "  {a} -> {b} [label=\"{}\"];\n",
                    dot_text(&lines(&o.label, 24).join("\\n"))
                )),
                None => s.push_str(&format!("  {a} -> {b};\n")),
            }
        }
        for node in &flow.nodes {
            if let Body::Subflow { flow: callee, .. } = &node.body {
                if let (Some(ci), Some(a)) = (set.position(callee), ids.of(fi, &node.id)) {
                    if let Some(b) = ids.of(ci, &set.flows[ci].start) {
                        s.push_str(&format!(
                            "  {a} -> {b} [style=dashed, label=\"roept aan\"];\n"
                        ));
                    }
                }
            }
        }
    }
    s.push_str("}\n");
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    fn set() -> FlowSet {
        FlowSet::load(None).expect("embedded flows")
    }

    #[test]
    fn the_overview_fits_eighty_columns() {
        let text = overview_text(&set());
        for line in text.lines() {
            assert!(line.chars().count() <= SHOW_WIDTH, "too wide: {line:?}");
        }
    }
}
