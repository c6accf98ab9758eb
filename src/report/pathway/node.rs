//! One box of the pathway as text: its kind, its question or actions, where it leads, and
//! (for a decision) the proposal rules in words. Apart from [`super`], which lays out whole
//! flows, so that each file stays short.

use super::{kind_word, wrap_hang, SHOW_WIDTH};
use crate::flow::model::{Body, Flow, Node};

/// "→ B1: Intakegesprek en screening kwetsbaarheid".
fn target(flow: &Flow, id: &str) -> String {
    match flow.node(id) {
        Some(n) => format!("{id}: {}", n.title),
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

/// The indentation of everything under a box's title line.
const IND: &str = "     ";

/// A line under a box's title, wrapped to the screen; continuation lines indented by `more`.
fn under(text: &str, more: &str) -> String {
    wrap_hang(text, SHOW_WIDTH, IND, &format!("{IND}{more}"))
}

/// "→ B1: …": where a box leads.
fn next_line(flow: &Flow, next: &str) -> String {
    under(&format!("→ {}", target(flow, next)), "")
}

/// One box as text; with its explanation and footnotes when `detail`.
pub(super) fn node_text(flow: &Flow, node: &Node, detail: bool) -> String {
    let mut s = wrap_hang(
        &format!(
            "[{}] {}  ({})",
            node.id,
            node.title,
            kind_word(node.body.kind())
        ),
        SHOW_WIDTH,
        "",
        IND,
    );
    if let Some(t) = &node.text {
        s.push_str(&under(t.trim_end(), ""));
    }
    if let Some(c) = &node.contact_category {
        s.push_str(&under(
            &format!("Toont wie te bereiken is: Sociale Kaart, categorie '{c}'"),
            "",
        ));
    }
    s.push_str(&body_text(flow, node));
    if detail {
        match &node.explanation {
            Some(u) => s.push_str(&under(&format!("Uitleg: {}", u.trim()), "")),
            None => s.push_str(&under("(Bij deze stap staat geen uitleg in de flow.)", "")),
        }
    }
    if !node.footnotes.is_empty() {
        let refs: Vec<String> = node.footnotes.iter().map(|n| format!("[{n}]")).collect();
        s.push_str(&under(&format!("voetnoot {}", refs.join(" ")), ""));
    }
    s
}

/// What a box asks or does, and where it leads.
fn body_text(flow: &Flow, node: &Node) -> String {
    let mut s = String::new();
    match &node.body {
        Body::Info { next } => s.push_str(&next_line(flow, next)),
        Body::Action { items, next } => {
            for a in items {
                let who = a
                    .role
                    .as_deref()
                    .map(|r| format!(" ({})", flow.role_label(r)))
                    .unwrap_or_default();
                let must = if a.mandatory { " — verplicht" } else { "" };
                s.push_str(&under(&format!("[ ] {}{who}{must}", a.text), "    "));
            }
            s.push_str(&next_line(flow, next));
        }
        Body::Criteria {
            question,
            items,
            next,
        } => {
            s.push_str(&under(question, ""));
            for a in items {
                s.push_str(&under(&format!("[ ] {}", a.text), "    "));
                if !a.preset.is_empty() {
                    let when: Vec<String> = a.preset.iter().map(|c| c.to_string()).collect();
                    s.push_str(&under(
                        &format!("    vooraf aangevinkt als {}", when.join(" of ")),
                        "      ",
                    ));
                }
            }
            s.push_str(&next_line(flow, next));
        }
        Body::Decision {
            question, options, ..
        }
        | Body::Wait {
            question, options, ..
        } => {
            s.push_str(&under(&format!("◆ {question}"), "  "));
            if let Some(p) = proposal_text(node) {
                s.push_str(&under(&p, "  "));
            }
            for (k, o) in options.iter().enumerate() {
                let last = k + 1 == options.len();
                let (branch, cont) = if last {
                    ("└─", "   ")
                } else {
                    ("├─", "│  ")
                };
                let hint = o
                    .explanation
                    .as_deref()
                    .map(|t| format!(" ({})", t.trim()))
                    .unwrap_or_default();
                s.push_str(&under(
                    &format!("{branch} {}{hint} → {}", o.label, target(flow, &o.target)),
                    cont,
                ));
            }
            if let Body::Wait {
                follow_up: Some(rule),
                ..
            } = &node.body
            {
                let latest = rule
                    .latest
                    .as_deref()
                    .map(|l| format!("; uiterlijk gevraagd bij {l}"))
                    .unwrap_or_default();
                s.push_str(&under(
                    &format!(
                        "⏭ Later, als opvolging: het pad gaat verder → {}{latest}",
                        target(flow, &rule.resume)
                    ),
                    "   ",
                ));
            }
        }
        Body::Referral {
            category,
            next,
            done_when,
            ..
        } => {
            s.push_str(&under(
                &format!("Verwijzing naar de categorie '{category}' van de Sociale Kaart."),
                "",
            ));
            if !done_when.is_empty() {
                let when: Vec<String> = done_when.iter().map(|c| c.to_string()).collect();
                s.push_str(&under(
                    &format!("Gaat pas door als {}.", when.join(" en ")),
                    "",
                ));
            }
            s.push_str(&next_line(flow, next));
        }
        Body::Text { question, next } => {
            s.push_str(&under(&format!("✎ {question}"), "  "));
            s.push_str(&next_line(flow, next));
        }
        Body::Subflow {
            flow: callee,
            next,
            entry,
            exits,
        } => {
            let entry = entry
                .as_ref()
                .map(|e| format!(" vanaf '{e}'"))
                .unwrap_or_default();
            let mut then: Vec<String> = exits
                .iter()
                .map(|e| format!("bij einde '{}' → {}", e.end, target(flow, &e.target)))
                .collect();
            then.push(if exits.is_empty() {
                target(flow, next)
            } else {
                format!("anders → {}", target(flow, next))
            });
            s.push_str(&under(
                &format!(
                    "⇒ volgt de sub-flow '{callee}'{entry} (zie onder), daarna {}",
                    if exits.is_empty() {
                        format!("→ {}", then.join(""))
                    } else {
                        then.join("; ")
                    }
                ),
                "",
            ))
        }
        Body::End {
            outcome,
            parts,
            continuation,
        } => {
            s.push_str(&under(&format!("■ {}", outcome.trim()), "  "));
            for part in parts {
                let when: Vec<String> = part.conditions.iter().map(|c| c.to_string()).collect();
                s.push_str(&under(
                    &format!("+ als {}: {}", when.join(" en "), part.text.trim()),
                    "    ",
                ));
                if let Some(otherwise) = &part.otherwise {
                    s.push_str(&under(&format!("  anders: {}", otherwise.trim()), "    "));
                }
            }
            // A session finished here may go on later (`vervolg`).
            if let Some(c) = continuation {
                s.push_str(&under(
                    &format!("↪ {} → {}", c.label, target(flow, &c.target)),
                    "  ",
                ));
            }
        }
    }
    s
}
