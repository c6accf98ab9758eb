//! `zorgpad controleer`: everything that can be wrong with a flow before anyone walks it.
//!
//! A flow file is maintained by hand by a VSV coordinator. A mistake in it (a typo in a target,
//! a forgotten branch, a loop) would surface in the middle of an intake, with a client in the
//! room. The validator finds those mistakes first; every session runs it before the first
//! question, and a flow with errors is not walked.

use crate::error::Result;
use std::cell::OnceCell;
use std::collections::{BTreeMap, BTreeSet, HashSet};

use crate::finding::Finding;
use crate::flow::graph::{silent_flows, Graph};
use crate::flow::lines::{line_of, NodeLines};
use crate::flow::model::{Body, Flow, Node, FOLLOW_UP};
use crate::flow::set::FlowSet;
use crate::suggest::{suggest, Suggester};

mod condition;
mod continuation;
mod follow_up;
mod letters;
use condition::{check_condition, Order};
use continuation::check_continuation;

/// All findings for the set: those of loading plus the graph checks, sorted by file and line.
pub fn validate(set: &FlowSet) -> Vec<Finding> {
    let mut findings = set.findings.clone();
    let graphs: Vec<Graph> = set.flows.iter().map(Graph::new).collect();
    let silent = silent_flows(set, &graphs);
    for ((flow, graph), text) in set.flows.iter().zip(&graphs).zip(&set.texts) {
        let checked = Checked {
            set,
            flow,
            graph,
            text,
            silent: &silent,
            declared: flow.declared.iter().map(String::as_str).collect(),
            suggester: OnceCell::new(),
            dangling: false,
        };
        // Looked up in the set of declared ids: a flow can have ten thousand nodes.
        let dangling = flow.nodes.iter().any(|n| {
            n.body
                .targets()
                .iter()
                .any(|(_, t)| !checked.declared.contains(t))
        });
        let checked = Checked {
            dangling,
            ..checked
        };
        check_flow(&checked, &mut findings);
    }
    check_recursion(set, &mut findings);
    findings.sort_by(|a, b| (&a.file, a.line, a.severity).cmp(&(&b.file, b.line, b.severity)));
    findings.dedup();
    findings
}

/// One flow being checked, with what its checks look up: built once, so that no check has
/// to search the list of nodes (a flow can have ten thousand).
struct Checked<'a> {
    set: &'a FlowSet,
    flow: &'a Flow,
    graph: &'a Graph<'a>,
    /// The text of the flow file, for the lines of findings.
    text: &'a str,
    /// For each flow of the set, whether it can end without asking anything.
    silent: &'a [bool],
    /// Every id the file declares.
    declared: HashSet<&'a str>,
    /// Suggestions for unknown node ids, indexed when the first one is met.
    suggester: OnceCell<Suggester<'a>>,
    /// Whether a target ('naar', 'volgende', an exit) names no node of the flow.
    dangling: bool,
}

impl Checked<'_> {
    /// "bedoelt u …?" for a name that is no node of this flow.
    fn suggest_node(&self, wrong: &str, otherwise: &str) -> String {
        self.suggester
            .get_or_init(|| Suggester::new(&self.flow.declared))
            .suggest(wrong, otherwise)
    }
}

fn check_flow(c: &Checked, findings: &mut Vec<Finding>) {
    check_ids(c, findings);
    for node in &c.flow.nodes {
        check_targets_and_ids(c, node, findings);
        check_roles_steps_footnotes(c.flow, node, findings);
        check_explanation_proposal_call(c, node, findings);
        follow_up::check_follow_up(c, node, findings);
        check_continuation(c, node, findings);
    }
    letters::check_letters(c, findings);
    check_graph(c, findings);
}

/// Duplicate node ids, and a start that names no node.
fn check_ids(c: &Checked, findings: &mut Vec<Finding>) {
    let flow = c.flow;
    let file = flow.file.as_str();
    let mut lines = None;
    // Duplicate ids.
    let mut seen: BTreeMap<&str, usize> = BTreeMap::new();
    for id in &flow.declared {
        *seen.entry(id.as_str()).or_default() += 1;
    }
    for (id, n) in &seen {
        if *n > 1 {
            findings.push(Finding::error(
                file,
                lines.get_or_insert_with(|| NodeLines::new(c.text)).nth(id, 1),
                Some(id),
                format!("de id '{id}' komt {n} keer voor"),
                "geef elke knoop een eigen id; pas de verwijzingen ('naar', 'volgende', 'start') daarop aan".to_string(),
            ));
        }
    }

    // The start.
    if !c.declared.contains(flow.start.as_str()) {
        findings.push(Finding::error(
            file,
            line_of(c.text, "start", &flow.start),
            None,
            format!(
                "'start: {}' verwijst naar een knoop die niet bestaat",
                flow.start
            ),
            c.suggest_node(
                &flow.start,
                "laat 'start' naar de eerste knoop van de flow wijzen",
            ),
        ));
    }
}

/// Targets that name no node, and option or action ids used twice within the node.
fn check_targets_and_ids(c: &Checked, node: &Node, findings: &mut Vec<Finding>) {
    let flow = c.flow;
    let file = flow.file.as_str();
    let here = Some(node.id.as_str());
    // Targets.
    for (option, target) in node.body.targets() {
        if !c.declared.contains(target) {
            let via = match (option, &node.body) {
                (Some(end), Body::Subflow { .. }) => format!("de uitgang '{end}' verwijst"),
                (Some(FOLLOW_UP), Body::Wait { .. }) => format!("'{FOLLOW_UP}' verwijst"),
                (Some(o), _) => format!("optie '{o}' verwijst"),
                (None, _) => "'volgende' verwijst".to_string(),
            };
            findings.push(Finding::error(
                file,
                node.line,
                here,
                format!("{via} naar de onbekende knoop '{target}'"),
                c.suggest_node(
                    target,
                    "gebruik de id van een bestaande knoop, of voeg de knoop toe",
                ),
            ));
        }
    }
    // Duplicate option and action ids within the node.
    let ids: Vec<&str> = match &node.body {
        Body::Decision { options, .. } | Body::Wait { options, .. } => {
            options.iter().map(|o| o.id.as_str()).collect()
        }
        Body::Action { items, .. } => items.iter().map(|a| a.id.as_str()).collect(),
        _ => Vec::new(),
    };
    let mut once = BTreeSet::new();
    for id in ids {
        if !once.insert(id) {
            findings.push(Finding::error(
                file,
                node.line,
                here,
                format!("de id '{id}' staat twee keer in deze knoop"),
                "geef elke optie en elke actie binnen een knoop een eigen id".to_string(),
            ));
        }
    }
}

/// Roles that are not declared, steps outside 1–5, footnotes that do not exist.
fn check_roles_steps_footnotes(flow: &Flow, node: &Node, findings: &mut Vec<Finding>) {
    let file = flow.file.as_str();
    let here = Some(node.id.as_str());
    // Roles.
    let mut roles: Vec<&str> = node.role.iter().map(String::as_str).collect();
    if let Body::Action { items, .. } = &node.body {
        roles.extend(items.iter().filter_map(|a| a.role.as_deref()));
    }
    for role in roles {
        if !flow.roles.contains_key(role) {
            let known: Vec<String> = flow.roles.keys().cloned().collect();
            findings.push(Finding::error(
                file,
                node.line,
                here,
                format!("de rol '{role}' staat niet in 'rollen:'"),
                suggest(role, &known, "voeg de rol toe aan 'rollen:' bovenaan het bestand, of gebruik een rol die er staat"),
            ));
        }
    }
    // Step.
    if let Some(stap) = node.step {
        if !(1..=5).contains(&stap) {
            findings.push(Finding::error(
                file,
                node.line,
                here,
                format!(
                    "'stap: {stap}' bestaat niet: de blauwdruk heeft de stappen 1 tot en met 5"
                ),
                "gebruik een stap van 1 tot en met 5, of laat 'stap' weg".to_string(),
            ));
        }
    }
    // Weighty: only where an answer is picked (criteria start from ticks the rules give).
    let asks = matches!(
        node.body,
        Body::Decision { .. } | Body::Wait { .. } | Body::Referral { .. }
    );
    if node.weighty && !asks {
        findings.push(Finding::error(
            file,
            node.line,
            here,
            format!(
                "'zwaarwegend' hoort niet bij een knoop van soort '{}'",
                node.body.kind().dutch()
            ),
            "haal 'zwaarwegend' weg: het hoort bij een beslissing, wachtmoment of verwijzing"
                .to_string(),
        ));
    }
    // Footnotes.
    for n in &node.footnotes {
        if !flow.footnotes.contains_key(n) {
            findings.push(Finding::error(
                file,
                node.line,
                here,
                format!("voetnoot {n} bestaat niet"),
                format!("voeg voetnoot {n} toe onder 'voetnoten:', of haal hem weg bij deze knoop"),
            ));
        }
    }
}

/// A missing explanation (a warning), proposal conditions, and calls of unknown sub-flows.
fn check_explanation_proposal_call(c: &Checked, node: &Node, findings: &mut Vec<Finding>) {
    let (set, flow) = (c.set, c.flow);
    let file = flow.file.as_str();
    let here = Some(node.id.as_str());
    // Explanation.
    if node
        .explanation
        .as_deref()
        .map(str::trim)
        .unwrap_or("")
        .is_empty()
        && !matches!(node.body, Body::End { .. })
    {
        findings.push(Finding::warning(
            file,
            node.line,
            here,
            "deze knoop heeft geen 'uitleg'".to_string(),
            "schrijf in 'uitleg:' in eigen woorden wat deze stap inhoudt en uit welke stap van de blauwdruk hij komt".to_string(),
        ));
    }
    // Proposals: every condition must name an earlier question of this flow and one of its
    // options or criteria.
    match &node.body {
        Body::Decision {
            proposal: Some(proposal),
            ..
        } => {
            for condition in proposal.rules.iter().flat_map(|r| &r.conditions) {
                check_condition(c, node, condition, Order::Before, findings);
            }
        }
        Body::Criteria { items, .. } => {
            for condition in items.iter().flat_map(|i| &i.preset) {
                check_condition(c, node, condition, Order::Before, findings);
            }
        }
        Body::End { parts, .. } => {
            for condition in parts.iter().flat_map(|p| &p.conditions) {
                check_condition(c, node, condition, Order::Before, findings);
            }
        }
        Body::Referral { done_when, .. } => {
            for condition in done_when {
                check_condition(c, node, condition, Order::After, findings);
            }
        }
        _ => {}
    }
    // Sub-flow calls.
    if let Body::Subflow {
        flow: callee,
        entry,
        exits,
        ..
    } = &node.body
    {
        if let Some(called) = set.get(callee) {
            if let Some(entry) = entry {
                if called.node(entry).is_none() {
                    findings.push(Finding::error(
                        file,
                        node.line,
                        here,
                        format!("'ingang: {entry}' is geen knoop van de sub-flow '{callee}'"),
                        suggest(
                            entry,
                            &called.declared,
                            &format!("gebruik de id van een knoop in {}", called.file),
                        ),
                    ));
                }
            }
            for exit in exits {
                if !matches!(
                    called.node(&exit.end).map(|n| &n.body),
                    Some(Body::End { .. })
                ) {
                    let ends: Vec<String> = called
                        .nodes
                        .iter()
                        .filter(|n| matches!(n.body, Body::End { .. }))
                        .map(|n| n.id.clone())
                        .collect();
                    findings.push(Finding::error(
                        file,
                        node.line,
                        here,
                        format!(
                            "'uitgangen:' noemt '{}', maar dat is geen einde van de sub-flow '{callee}'",
                            exit.end
                        ),
                        format!("gebruik de id van een einde van '{callee}': {}", ends.join(", ")),
                    ));
                }
            }
        }
        if set.get(callee).is_none() {
            findings.push(Finding::error(
                file,
                node.line,
                here,
                format!("de sub-flow '{callee}' bestaat niet"),
                format!(
                    "zet een bestand '{callee}.yaml' naast dit flowbestand, of gebruik een ingebouwde sub-flow ({})",
                    crate::flow::set::embedded_ids().filter(|i| *i != crate::flow::set::DEFAULT_FLOW).collect::<Vec<_>>().join(", ")
                ),
            ));
        }
    }
}

/// The graph as a whole: reachability from the start, a way to an end from every node, and
/// loops that repeat without asking anything.
fn check_graph(c: &Checked, findings: &mut Vec<Finding>) {
    let (flow, graph) = (c.flow, c.graph);
    let file = flow.file.as_str();
    // Reachability from the start. With an unknown start nothing can be judged; that is
    // reported above, and every node would otherwise be reported a second time.
    let start_known = c.declared.contains(flow.start.as_str());
    let mut reachable = graph.reach(&flow.start);
    // A sub-flow can also be entered elsewhere than its start ('ingang' of a call).
    for entry in entries(c.set, &flow.id) {
        if c.declared.contains(entry) {
            for (r, e) in reachable.iter_mut().zip(graph.reach(entry)) {
                *r |= e;
            }
        }
    }
    if start_known {
        for node in &flow.nodes {
            if !reachable[graph.vertex(&node.id)] {
                findings.push(Finding::error(
                    file,
                    node.line,
                    Some(&node.id),
                    "deze knoop is vanaf de start niet bereikbaar".to_string(),
                    "laat een optie of 'volgende' van een andere knoop ernaar wijzen, of haal de knoop weg".to_string(),
                ));
            }
        }
    }

    // Loops that repeat without asking anything.
    let cycles = graph.silent_cycles(c.set, c.silent);
    let in_cycle: BTreeSet<&str> = cycles.iter().flatten().map(String::as_str).collect();

    // Every node must be able to reach an end (otherwise the user is trapped). The nodes of a
    // silent loop are trapped too; the loop's own finding says why.
    let ends = graph.can_end();
    for node in &flow.nodes {
        let v = graph.vertex(&node.id);
        if reachable[v] && !ends[v] && !in_cycle.contains(node.id.as_str()) {
            findings.push(Finding::error(
                file,
                node.line,
                Some(&node.id),
                "vanaf deze knoop is geen einde bereikbaar: wie hier komt, kan de flow nooit afronden".to_string(),
                "laat minstens één optie of 'volgende' uiteindelijk naar een knoop van soort 'einde' leiden".to_string(),
            ));
        }
    }

    for cycle in &cycles {
        let first = cycle[0].clone();
        findings.push(Finding::error(
            file,
            graph.node(&first).and_then(|n| n.line),
            Some(&first),
            format!("deze knopen vormen een lus die zich eindeloos herhaalt zonder iets te vragen: {}", cycle.join(" → ")),
            "laat de lus langs een beslissing, actie, verwijzing of wachtmoment lopen, of verbreek hem".to_string(),
        ));
    }
}

/// The entries ('ingang') by which the calls of the set enter the flow `id`.
fn entries<'a>(set: &'a FlowSet, id: &str) -> Vec<&'a str> {
    set.flows
        .iter()
        .flat_map(|f| &f.nodes)
        .filter_map(|n| match &n.body {
            Body::Subflow {
                flow,
                entry: Some(entry),
                ..
            } if flow == id => Some(entry.as_str()),
            _ => None,
        })
        .collect()
}

/// Sub-flows that call themselves, directly or through others, would never return.
fn check_recursion(set: &FlowSet, findings: &mut Vec<Finding>) {
    for flow in &set.flows {
        let mut stack: Vec<(&str, Vec<&str>)> = vec![(flow.id.as_str(), vec![flow.id.as_str()])];
        let mut done = BTreeSet::new();
        while let Some((id, chain)) = stack.pop() {
            let Some(f) = set.get(id) else { continue };
            for node in &f.nodes {
                if let Body::Subflow { flow: callee, .. } = &node.body {
                    if callee == &flow.id {
                        if f.id == flow.id || chain.len() > 1 {
                            let mut shown = chain.clone();
                            shown.push(callee);
                            findings.push(Finding::error(
                                &f.file,
                                node.line,
                                Some(&node.id),
                                format!("de sub-flows roepen elkaar eindeloos aan: {}", shown.join(" → ")),
                                "een sub-flow mag zichzelf niet (via andere) aanroepen; verbreek de kring".to_string(),
                            ));
                        }
                    } else if done.insert((id, callee.as_str())) {
                        let mut next = chain.clone();
                        next.push(callee);
                        stack.push((callee, next));
                    }
                }
            }
        }
    }
}

/// Every session validates its flow first; a flow with errors is not walked. The error carries
/// the findings, printed above its message.
pub fn refuse_broken(set: &FlowSet, refused: &str) -> Result<()> {
    crate::finding::refuse_errors(
        &validate(set),
        &format!("de flow '{}'", set.main().file),
        refused,
        "Los de fouten hierboven op; 'zorgpad controleer --flow BESTAND' toont ze opnieuw.",
    )
}
