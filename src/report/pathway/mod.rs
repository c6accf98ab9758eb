//! The pathway as a whole, for training: `zorgpad toon`, the flow as a readable text for an
//! 80-column projector screen. The same flow as a diagram is [`crate::report::graph`].
//!
//! This is plain text laid out by hand (rules, hanging indents, tree branches), not a report of
//! headings and tables, so it does not go through the document model. Everything here returns
//! text; only the commands print it. All text passes [`wrap_hang`] or [`rule`], which make its
//! control characters visible ([`crate::visible`]) before they count widths.

use crate::error::{Error, Result};
use crate::flow::model::{Body, Flow, Kind, Node};
use crate::flow::set::FlowSet;

mod node;
use node::node_text;

/// The width `zorgpad toon` writes to: a projector screen.
pub const SHOW_WIDTH: usize = 80;

/// Wrap `text` to `width` columns: the first line behind `first`, the rest behind `hang`;
/// control characters made visible.
pub(crate) fn wrap_hang(text: &str, width: usize, first: &str, hang: &str) -> String {
    let text = crate::visible::text(text);
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
        Kind::Tekst => "tekst",
    }
}

/// The heading of a group of boxes: the step and the role.
fn section(flow: &Flow, node: &Node) -> Option<String> {
    if node.step.is_none() && node.role.is_none() {
        return None;
    }
    let step = node
        .step
        .map_or_else(|| "Zonder stap".to_string(), |s| format!("Stap {s}"));
    let role = node
        .role
        .as_deref()
        .map_or("rol van de aanroepende knoop", |r| flow.role_label(r));
    Some(format!("{step} · {role}"))
}

fn rule(title: &str, fill: char) -> String {
    let title = crate::visible::text(title);
    let head = format!("{fill}{fill} {title} ");
    let n = SHOW_WIDTH.saturating_sub(head.chars().count());
    format!("{head}{}\n", fill.to_string().repeat(n))
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
        .flat_map(|n| n.footnotes.iter().copied())
        .collect();
    numbers.sort_unstable();
    numbers.dedup();
    let mut s = String::new();
    for n in numbers {
        if let Some(note) = flow.footnotes.get(&n) {
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
pub(crate) fn callers(set: &FlowSet, id: &str) -> Vec<String> {
    set.flows
        .iter()
        .flat_map(|f| f.nodes.iter())
        .filter(|n| matches!(&n.body, Body::Subflow { flow, .. } if flow == id))
        .map(|n| n.id.clone())
        .collect()
}

/// How to read the pathway; the sign of an open question only where the flows have one.
fn legend(set: &FlowSet) -> String {
    let open = set
        .flows
        .iter()
        .flat_map(|f| f.nodes.iter())
        .any(|n| matches!(n.body, Body::Text { .. }));
    let text = if open {
        " ✎ = vraag met een antwoord in eigen woorden;"
    } else {
        ""
    };
    wrap_hang(
        &format!("Lezen: [ID] titel (soort). [ ] = actie of criterium om af te vinken; ◆ = vraag, met ├─ de opties en → waar elke optie heen leidt;{text} ⇒ = sub-flow; ■ = uitkomst. Eén stap met uitleg en voetnoten: zorgpad toon --stap N (1–5) of --stap ID."),
        SHOW_WIDTH,
        "",
        "",
    )
}

/// The whole pathway.
pub fn overview_text(set: &FlowSet) -> String {
    let main = set.main();
    let mut s = rule(&main.name, '═');
    s.push_str(&wrap_hang(
        &format!(
            "Versie {} · {} knopen · begint bij {}",
            main.version,
            main.nodes.len(),
            main.start
        ),
        SHOW_WIDTH,
        "",
        "",
    ));
    let roles: Vec<&str> = main.roles.values().map(String::as_str).collect();
    s.push_str(&wrap_hang(
        &format!("Rollen: {}", roles.join(", ")),
        SHOW_WIDTH,
        "",
        "  ",
    ));
    s.push_str(&legend(set));
    let nodes: Vec<&Node> = main.nodes.iter().collect();
    s.push_str(&flow_body(main, false, &nodes));
    for sub in &set.flows[1..] {
        s.push('\n');
        s.push_str(&rule(&format!("Sub-flow: {} ({})", sub.name, sub.id), '═'));
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
    if !main.footnotes.is_empty() {
        s.push('\n');
        s.push_str(&rule("Voetnoten", '─'));
        for (n, note) in &main.footnotes {
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
        let nodes: Vec<&Node> = main.nodes.iter().filter(|x| x.step == Some(n)).collect();
        if nodes.is_empty() {
            let mut steps: Vec<u8> = main.nodes.iter().filter_map(|x| x.step).collect();
            steps.sort_unstable();
            steps.dedup();
            return Err(
                Error::input(format!("de flow '{}' heeft geen stap {n}", main.name)).hint(format!(
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
        let mut s = rule(&format!("{} — stap {n}", main.name), '═');
        s.push_str(&flow_body(main, true, &nodes));
        s.push_str(&footnotes(main, &nodes));
        s.push_str(&called(set, &nodes));
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
            main.name
        ))
        .hint(format!(
            "Geef een stapnummer (bijvoorbeeld --stap 2) of een knoop-id: {}.\nHet overzicht van alle knopen: zorgpad toon",
            ids.join(", ")
        )));
    };
    let mut s = String::new();
    if flow.id != main.id {
        s.push_str(&wrap_hang(
            &format!("In de sub-flow '{}' ({}).", flow.name, flow.id),
            SHOW_WIDTH,
            "",
            "",
        ));
    }
    if let Some(head) = section(flow, node) {
        s.push_str(&rule(&head, '─'));
    }
    s.push_str(&node_text(flow, node, true));
    s.push_str(&same_box(flow, node));
    s.push_str(&footnotes(flow, &[node]));
    s.push_str(&called(set, &[node]));
    Ok(s)
}

/// The other nodes of the blueprint box a node belongs to (`blauwdruk:`), when there are any:
/// `--stap B2` shows node B2, and says where the rest of box B2 is (the Meldcode call B2-meldcode).
fn same_box(flow: &Flow, node: &Node) -> String {
    let Some(label) = node.blueprint.as_deref() else {
        return String::new();
    };
    let others: Vec<&str> = flow
        .nodes
        .iter()
        .filter(|n| n.id != node.id && n.blueprint.as_deref() == Some(label))
        .map(|n| n.id.as_str())
        .collect();
    match others.first() {
        None => String::new(),
        Some(first) => wrap_hang(
            &format!(
                "Ook in box {label} van de blauwdruk: {} (elk te tonen met --stap, bijvoorbeeld --stap {first}).",
                others.join(", ")
            ),
            SHOW_WIDTH,
            "     ",
            "     ",
        ),
    }
}

/// The sub-flows the given nodes call, each shown once under its own rule: the whole sub-flow,
/// or the part from the node where the call enters it (`ingang:`, e.g. M1 at MC1).
fn called(set: &FlowSet, nodes: &[&Node]) -> String {
    let mut shown: Vec<(&str, Option<&str>)> = Vec::new();
    let mut s = String::new();
    for node in nodes {
        let Body::Subflow { flow, entry, .. } = &node.body else {
            continue;
        };
        let Some(sub) = set.get(flow) else {
            continue;
        };
        if shown.contains(&(flow.as_str(), entry.as_deref())) {
            continue;
        }
        shown.push((flow.as_str(), entry.as_deref()));
        let from = entry.as_deref().unwrap_or(&sub.start);
        let part = reachable(sub, from);
        s.push('\n');
        s.push_str(&rule(&format!("Sub-flow: {} ({})", sub.name, sub.id), '═'));
        s.push_str(&wrap_hang(
            &if entry.is_some() {
                format!(
                    "Zoals {} haar volgt: vanaf {from}, {} van de {} knopen. Knopen zonder rol of stap nemen die van {} over.",
                    node.id,
                    part.len(),
                    sub.nodes.len(),
                    node.id
                )
            } else {
                format!(
                    "Zoals {} haar volgt: vanaf het begin ({from}). Knopen zonder rol of stap nemen die van {} over.",
                    node.id, node.id
                )
            },
            SHOW_WIDTH,
            "",
            "",
        ));
        s.push_str(&flow_body(sub, false, &part));
    }
    s
}

/// The nodes of `flow` reachable from `from`, in the order of the file.
fn reachable<'f>(flow: &'f Flow, from: &str) -> Vec<&'f Node> {
    let mut seen = vec![false; flow.nodes.len()];
    let mut todo: Vec<usize> = flow.index(from).into_iter().collect();
    while let Some(i) = todo.pop() {
        if std::mem::replace(&mut seen[i], true) {
            continue;
        }
        todo.extend(
            flow.nodes[i]
                .body
                .targets()
                .into_iter()
                .filter_map(|(_, t)| flow.index(t)),
        );
    }
    flow.nodes
        .iter()
        .zip(seen)
        .filter(|(_, seen)| *seen)
        .map(|(n, _)| n)
        .collect()
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
