//! "Wat als…?": where each option of a decision leads, read from the flow graph without
//! choosing. Trainers use it with `--uitleg` to show the consequences of an answer before it is
//! given; it belongs to the flow side because it only reads the checked model (the walk is not
//! involved, and nothing is recorded).

use crate::flow::model::{Body, Choice, Flow, Node};

/// How many boxes the "wat als…?" preview looks ahead per option.
pub const PREVIEW_DEPTH: usize = 4;

/// What lies ahead behind an option, box by box.
#[derive(Debug, Clone)]
pub enum Ahead<'f> {
    /// A box the walk would reach.
    Node(&'f Node),
    /// The end of a sub-flow: the walk returns to the caller and goes on at its `volgende`.
    Return { caller: &'f Node, next: String },
    /// A target that does not exist (only in a broken flow).
    Missing(String),
}

/// Follow `target` through the flow graph, at most `depth` boxes: through boxes that ask
/// nothing or whose answer does not branch, up to the next decision or end. `calls` are the
/// sub-flow call nodes the question sits in (as in [`crate::engine::question::Question`]).
pub fn preview<'f>(
    flow: &'f Flow,
    calls: &[&'f Node],
    target: &str,
    depth: usize,
) -> Vec<Ahead<'f>> {
    let mut out = Vec::new();
    let mut id = target.to_string();
    while out.len() < depth {
        let Some(node) = flow.node(&id) else {
            out.push(Ahead::Missing(id));
            break;
        };
        out.push(Ahead::Node(node));
        match &node.body {
            Body::Info { next }
            | Body::Action { next, .. }
            | Body::Criteria { next, .. }
            | Body::Referral { next, .. }
            | Body::Text { next, .. }
            | Body::Subflow { next, .. } => id = next.clone(),
            Body::Decision { .. } | Body::Wait { .. } => break,
            Body::End { .. } => {
                if let Some(caller) = calls.last() {
                    if let Body::Subflow { next, exits, .. } = &caller.body {
                        // The path goes on where the call says for this end.
                        let next = exits
                            .iter()
                            .find(|e| e.end == node.id)
                            .map_or(next, |e| &e.target);
                        if out.len() < depth {
                            out.push(Ahead::Return {
                                caller,
                                next: next.clone(),
                            });
                        }
                    }
                }
                break;
            }
        }
    }
    out
}

fn ahead_line(flow: &Flow, ahead: &Ahead<'_>) -> String {
    match ahead {
        Ahead::Missing(id) => format!("knoop '{id}' ontbreekt in de flow"),
        Ahead::Return { caller, next } => format!(
            "terug uit de sub-flow: na '{}' verder bij {next}",
            caller.title
        ),
        Ahead::Node(node) => {
            let rol = node
                .role
                .as_deref()
                .map(|r| format!(" — {}", flow.role_label(r)))
                .unwrap_or_default();
            match &node.body {
                Body::Info { .. } => format!("▸ {}", node.title),
                Body::Action { items, .. } => format!(
                    "[ ] {}{rol} ({})",
                    node.title,
                    crate::finding::count(items.len(), "actie", "acties")
                ),
                Body::Criteria { items, .. } => format!(
                    "[ ] {}{rol} ({})",
                    node.title,
                    crate::finding::count(items.len(), "criterium", "criteria")
                ),
                Body::Referral { category, .. } => {
                    format!("⇢ {}{rol} (Sociale Kaart: {category})", node.title)
                }
                Body::Text { question, .. } => format!("✎ {question}{rol}"),
                Body::Subflow { flow: callee, .. } => {
                    format!("⇒ {}{rol} (sub-flow '{callee}')", node.title)
                }
                Body::Decision {
                    question, options, ..
                }
                | Body::Wait {
                    question, options, ..
                } => format!(
                    "◆ {question}{rol} ({})",
                    options
                        .iter()
                        .map(|o| o.label.as_str())
                        .collect::<Vec<_>>()
                        .join(" / ")
                ),
                Body::End { outcome, .. } => format!("■ {}", outcome.trim()),
            }
        }
    }
}

/// The "wat als…?" text for a decision: per option the next boxes, without choosing.
pub fn what_if_text(flow: &Flow, calls: &[&Node], options: &[Choice]) -> String {
    let mut s = String::from("Wat als…? Waar elke optie heen leidt (er is nog niets gekozen):");
    for o in options {
        s.push_str(&format!("\n  • {} →", o.label));
        for (k, a) in preview(flow, calls, &o.target, PREVIEW_DEPTH)
            .iter()
            .enumerate()
        {
            s.push_str(&format!("\n      {}. {}", k + 1, ahead_line(flow, a)));
        }
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::flow::set::FlowSet;

    fn set() -> FlowSet {
        FlowSet::load(None).expect("embedded flows")
    }

    #[test]
    fn a_preview_stops_at_the_next_decision() {
        let set = set();
        let main = set.main();
        let ahead = preview(main, &[], "B2-meldcode", 10);
        let ids: Vec<&str> = ahead
            .iter()
            .filter_map(|a| match a {
                Ahead::Node(n) => Some(n.id.as_str()),
                _ => None,
            })
            .collect();
        assert_eq!(ids, ["B2-meldcode", "B2", "B2-toestemming"]);
    }

    #[test]
    fn what_if_names_each_option_and_what_follows() {
        let set = set();
        let main = set.main();
        let Some(Body::Decision { options, .. }) = main.node("D3").map(|n| &n.body) else {
            panic!("D3 is a decision");
        };
        let text = what_if_text(main, &[], options);
        assert!(text.starts_with("Wat als…?"), "{text}");
        assert!(
            text.contains("• Ja →\n      1. [ ] Maak afspraak voor cliënt"),
            "{text}"
        );
        assert!(
            text.contains("3. ◆ Is de cliënt op de afspraak verschenen?"),
            "{text}"
        );
        assert!(text.contains("• Nee →\n      1. ⇒ Volg Meldcode"), "{text}");
    }

    #[test]
    fn a_preview_is_cut_at_its_depth() {
        let set = set();
        assert_eq!(preview(set.main(), &[], "B2-meldcode", 2).len(), 2);
    }

    #[test]
    fn a_preview_at_a_sub_flow_end_returns_to_the_caller() {
        let set = set();
        let meldcode = set.get("meldcode").expect("meldcode");
        let caller = set.main().node("M1").expect("M1");
        let ahead = preview(meldcode, &[caller], "AK-melden", 5);
        assert_eq!(ahead.len(), 3);
        assert!(
            matches!(&ahead[2], Ahead::Return { caller: c, next } if c.id == "M1" && next == "VT"),
            "{ahead:?}"
        );
        let _ = caller;
    }
}
