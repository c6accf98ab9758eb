//! `zorgpad routes` as a document: every route of the pathway (numbered, in the blueprint's
//! labels, with the decisions that lead there), the loops once, and which practice cases follow
//! which route, with the coverage in per cent. For the coordinators who test a (local) pathway
//! on completeness and feasibility.

use crate::flow::model::{Body, Flow, Node};
use crate::flow::routes::{Passage, Route, RouteMap, Via, MAX_ROUTES};
use crate::flow::set::FlowSet;
use crate::flow::trace::Trace;
use crate::report::document::{Block, Document, Item, Table};
use crate::training::percent;

/// The nodes of the main flow by id (a flow of thousands of nodes is looked up often).
struct Nodes<'f>(std::collections::HashMap<&'f str, &'f Node>);

impl<'f> Nodes<'f> {
    fn of(flow: &'f Flow) -> Nodes<'f> {
        Nodes(flow.nodes.iter().map(|n| (n.id.as_str(), n)).collect())
    }

    fn get(&self, id: &str) -> Option<&'f Node> {
        self.0.get(id).copied()
    }
}

/// One practice case replayed on the flow: the nodes it passed, or why it did not fit.
pub(crate) struct CaseRun {
    /// How the case is named: its number in `zorgpad oefen`.
    pub id: String,
    pub title: String,
    pub trace: Result<Trace, String>,
}

/// The document of `zorgpad routes`.
pub(crate) fn document(set: &FlowSet, map: &RouteMap, runs: &[CaseRun]) -> Document {
    let flow = set.main();
    let nodes = &Nodes::of(flow);
    let mut doc = Document::new(
        format!("Routes van het zorgpad — {}", flow.name),
        Some(format!("ROUTES — {}", flow.name)),
    );
    // Per route, the cases that follow it; per loop, the cases that go round it.
    let followed: Vec<Vec<&str>> = map
        .routes
        .iter()
        .map(|r| {
            runs.iter()
                .filter(|c| c.trace.as_ref().is_ok_and(|t| t.follows(r)))
                .map(|c| c.id.as_str())
                .collect()
        })
        .collect();
    let covered = followed.iter().filter(|c| !c.is_empty()).count();
    let total = map.routes.len();
    let fitting = runs.iter().filter(|c| c.trace.is_ok()).count();
    doc.push(Block::Facts(vec![
        format!("Flow: {} (versie {}), {}", flow.name, flow.version, flow.file),
        format!(
            "Routes: {total} van het begin tot een einde{}",
            match map.loops.len() {
                0 => String::new(),
                1 => ", en 1 lus".to_string(),
                n => format!(", en {n} lussen"),
            }
        ),
        format!(
            "Dekking door de oefencasussen: {covered} van de {total} routes ({}%), met {fitting} van de {} casussen",
            percent(covered, total),
            runs.len()
        ),
    ]));
    if map.truncated {
        doc.push(Block::Notice {
            title: Some("Let op".to_string()),
            items: vec![format!(
                "Deze flow heeft meer dan {MAX_ROUTES} routes; hier staan de eerste {total}, en de dekking geldt alleen voor die. Toets de flow in delen, of voeg takken samen die op hetzelfde uitkomen."
            )],
        });
    }

    doc.heading("Routes");
    let items = map
        .routes
        .iter()
        .zip(&followed)
        .enumerate()
        .map(|(k, (route, cases))| route_item(nodes, map, k + 1, route, cases))
        .collect();
    doc.push(Block::List(items));

    if !map.loops.is_empty() {
        doc.heading("Lussen");
        doc.paragraph("Een tak terug naar een eerdere stap staat één keer, hier; de routes die langs haar begin komen, noemen haar met ↺.");
        let items = map
            .loops
            .iter()
            .enumerate()
            .map(|(k, l)| {
                let routes: Vec<String> = map
                    .routes
                    .iter()
                    .enumerate()
                    .filter(|(_, r)| r.passages.iter().any(|p| p.loops.contains(&k)))
                    .map(|(i, _)| (i + 1).to_string())
                    .collect();
                let cases: Vec<&str> = runs
                    .iter()
                    .filter(|c| c.trace.as_ref().is_ok_and(|t| t.goes_round(l)))
                    .map(|c| c.id.as_str())
                    .collect();
                let mut item = Item::new(format!(
                    "↺ {} → {}: {}",
                    name(nodes, &l.from),
                    label(nodes, &l.to),
                    l.labels.join(" of ")
                ));
                item.sub.push(format!("Bij route {}", routes.join(", ")));
                item.sub.push(match cases.is_empty() {
                    true => "Geen casus gaat deze lus rond".to_string(),
                    false => format!("{}: {}", casus(&cases), cases.join(", ")),
                });
                item
            })
            .collect();
        doc.push(Block::List(items));
    }

    doc.heading("Dekking door de oefencasussen");
    let mut table = Table::new(["Casus", "Titel", "Route"]);
    for (run, _) in runs.iter().zip(0..) {
        let route = match &run.trace {
            Err(why) => why.clone(),
            Ok(_) => {
                let numbers: Vec<String> = followed
                    .iter()
                    .enumerate()
                    .filter(|(_, c)| c.contains(&run.id.as_str()))
                    .map(|(i, _)| (i + 1).to_string())
                    .collect();
                match numbers.is_empty() {
                    true => "geen van de routes hierboven".to_string(),
                    false => format!("route {}", numbers.join(", ")),
                }
            }
        };
        table.row([run.id.clone(), run.title.clone(), route]);
    }
    doc.push(Block::Table(table));
    let uncovered: Vec<String> = followed
        .iter()
        .enumerate()
        .filter(|(_, c)| c.is_empty())
        .map(|(i, _)| (i + 1).to_string())
        .collect();
    doc.paragraph(format!(
        "Gedekt: {covered} van de {total} routes ({}%).{}",
        percent(covered, total),
        match uncovered.is_empty() {
            true => " Elke route heeft een casus.".to_string(),
            false => format!(" Zonder casus: route {}.", uncovered.join(", ")),
        }
    ));
    doc.push(Block::Remarks(vec![
        "Een route loopt van het begin tot een einde; een sub-flow (zoals de Meldcode) splitst naar haar uitkomsten.".to_string(),
        "Een keuze waarvan alle takken weer samenkomen voordat het pad eindigt (zoals het screeningsinstrument of de toestemming voor de huisarts), maakt geen eigen route: de route gaat er met elke keuze langs.".to_string(),
        "Een wachtmoment met opvolging kan ook 'later' worden beantwoord; het pad gaat dan verder waar 'verder:' zegt.".to_string(),
        "De casussen zijn de ingebouwde oefencasussen (flows/casussen/), elk doorlopen met haar eigen antwoorden.".to_string(),
    ]));
    doc
}

/// One route as a list item: number, end, the blueprint labels; under it the decisions, the
/// loops it passes, and the cases that follow it (or that none does).
fn route_item(nodes: &Nodes, map: &RouteMap, number: usize, route: &Route, cases: &[&str]) -> Item {
    let end = nodes.get(route.end());
    let mut item = Item::new(format!(
        "Route {number}{} — einde {}: {}",
        if cases.is_empty() {
            " (geen casus)"
        } else {
            ""
        },
        name(nodes, route.end()),
        labels(nodes, &route.passages)
    ));
    for p in &route.passages {
        match &p.via {
            Via::Choice(l) | Via::Outcome(l) if !l.is_empty() => {
                let what = match p.via {
                    Via::Outcome(_) => "uitkomst ",
                    _ => "",
                };
                item.sub.push(format!(
                    "{}: {what}{}",
                    name(nodes, &p.node),
                    l.join(" of ")
                ));
            }
            _ => {}
        }
        for &k in &p.loops {
            if let Some(l) = map.loops.get(k) {
                item.sub.push(format!(
                    "↺ lus bij {}: {} → terug naar {}",
                    label(nodes, &p.node),
                    l.labels.join(" of "),
                    label(nodes, &l.to)
                ));
            }
        }
    }
    if let Some(Node {
        body: Body::End {
            continuation: Some(c),
            ..
        },
        ..
    }) = end
    {
        item.sub.push(format!("Daarna mogelijk: {}", c.label));
    }
    item.sub.push(match cases.is_empty() {
        true => "Geen casus volgt deze route".to_string(),
        false => format!("{}: {}", casus(cases), cases.join(", ")),
    });
    item
}

/// The blueprint's label of a node (`blauwdruk:`), else its id.
fn label<'a>(nodes: &Nodes<'a>, id: &'a str) -> &'a str {
    nodes
        .get(id)
        .and_then(|n| n.blueprint.as_deref())
        .unwrap_or(id)
}

/// A node for people: "D1 Is er sprake van PPM?" (its id when the blueprint's label is the same,
/// both when they differ: "B2-meldcode (B2) Volg stappen Kindcheck/Meldcode").
fn name(nodes: &Nodes, id: &str) -> String {
    match nodes.get(id) {
        Some(n) => match n.blueprint.as_deref() {
            Some(b) if b != n.id => format!("{} ({b}) {}", n.id, n.title),
            _ => format!("{} {}", n.id, n.title),
        },
        None => id.to_string(),
    }
}

/// The route in the blueprint's labels, a label once however many nodes carry it in a row:
/// "IN › B1 › D1 › E0".
fn labels<'a>(nodes: &Nodes<'a>, passages: &'a [Passage]) -> String {
    let mut out: Vec<&str> = Vec::new();
    for p in passages {
        let l = label(nodes, &p.node);
        if out.last() != Some(&l) {
            out.push(l);
        }
    }
    out.join(" › ")
}

/// "Casus" or "Casussen", for the cases named after it.
fn casus(cases: &[&str]) -> &'static str {
    if cases.len() == 1 {
        "Casus"
    } else {
        "Casussen"
    }
}
