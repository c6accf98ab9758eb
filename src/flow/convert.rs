//! From the file form to the typed model, one node at a time. A node that lacks what its kind
//! needs (or has a field its kind does not use) is left out of the flow and reported; every
//! finding of a file comes out of one run, so a coordinator fixes them all at once.

use std::collections::BTreeMap;

use crate::finding::Finding;
use crate::flow::fields::{allowed_fields, misplaced_fields};
use crate::flow::lines::NodeLines;
use crate::flow::model::{
    Action, Body, Choice, Condition, Exit, Flow, FollowUpRule, Kind, Node, ProposalRules, Rule,
};
use crate::flow::raw::{RawAction, RawFlow, RawNode, RawProposal};

mod end;
use end::end;

/// Convert the file form into a flow. Nodes that lack what their kind needs are left out of
/// the flow and reported; everything the graph checks need is kept.
pub fn convert(id: &str, file: &str, text: &str, raw: RawFlow) -> (Flow, Vec<Finding>) {
    let mut findings = Vec::new();
    let mut nodes = Vec::new();
    let mut broken = BTreeMap::new();
    let declared = raw.knopen.iter().map(|n| n.id.clone()).collect();
    let lines = NodeLines::new(text);
    for raw_node in raw.knopen {
        let line = lines.first(&raw_node.id);
        let id = raw_node.id.clone();
        let targets: Vec<String> = raw_node
            .volgende
            .iter()
            .cloned()
            .chain(raw_node.opties.iter().flatten().map(|o| o.naar.clone()))
            .chain(raw_node.uitgangen.values().cloned())
            .collect();
        match convert_node(file, line, raw_node) {
            Ok(node) => nodes.push(node),
            Err(mut f) => {
                findings.append(&mut f);
                broken.entry(id).or_insert(targets);
            }
        }
    }
    let flow = Flow {
        id: id.to_string(),
        file: file.to_string(),
        name: raw.naam,
        version: raw.versie,
        source: raw.bron,
        date: raw.datum,
        description: raw.omschrijving,
        start: raw.start,
        roles: raw.rollen,
        footnotes: raw.voetnoten,
        nodes,
        declared,
        broken,
        letters: raw.brieven.map(letters),
    };
    (flow, findings)
}

/// `brieven:` as the model holds it; checked by `flow/validate/letters.rs`.
fn letters(raw: crate::flow::raw::RawLetters) -> crate::flow::letters::Letters {
    crate::flow::letters::Letters {
        outcome: raw.uitkomst,
        coordination: raw.coordinatie,
        own_file: raw.eigen_dossier,
        recipients: raw
            .ontvangers
            .into_iter()
            .map(|r| crate::flow::letters::Recipient {
                id: r.id.trim().to_string(),
                name: r.naam,
                consent: r.toestemming,
                share: r.delen,
                actions: r.acties,
            })
            .collect(),
    }
}

/// One node being converted: where it stands, for the findings about it.
struct At<'a> {
    file: &'a str,
    line: Option<usize>,
    id: String,
    kind: Kind,
    findings: Vec<Finding>,
}

impl At<'_> {
    fn error(&mut self, problem: String, fix: String) {
        self.findings.push(Finding::error(
            self.file,
            self.line,
            Some(&self.id),
            problem,
            fix,
        ));
    }

    fn missing(&mut self, field: &str, what: &str) {
        let problem = format!(
            "een knoop van soort '{}' heeft '{field}' nodig, maar die ontbreekt",
            self.kind.dutch()
        );
        self.error(problem, format!("voeg '{field}:' toe met {what}"));
    }

    fn no_way_out(&mut self) {
        let problem = format!(
            "deze knoop (soort '{}') heeft geen uitweg: 'volgende' ontbreekt",
            self.kind.dutch()
        );
        self.error(problem, "geef met 'volgende: <id>' aan waar het pad verdergaat, of maak er een knoop van soort 'einde' van".to_string());
    }

    /// `volgende`, reported when it is missing.
    fn next(&mut self, next: Option<String>) -> Option<String> {
        if next.is_none() {
            self.no_way_out();
        }
        next
    }
}

fn convert_node(file: &str, line: Option<usize>, mut raw: RawNode) -> Result<Node, Vec<Finding>> {
    let kind = raw.soort;
    let mut at = At {
        file,
        line,
        id: raw.id.clone(),
        kind,
        findings: Vec::new(),
    };
    let allowed = allowed_fields(kind);
    let misplaced = misplaced_fields(&raw, allowed);
    let body = match kind {
        Kind::Info => at.next(raw.volgende.take()).map(|next| Body::Info { next }),
        Kind::Actie => action(&mut at, &mut raw),
        Kind::Beslissing | Kind::Wachten => decision(&mut at, &mut raw),
        Kind::Criteria => criteria(&mut at, &mut raw),
        Kind::Verwijzing => referral(&mut at, &mut raw),
        Kind::Subflow => subflow(&mut at, &mut raw),
        Kind::Tekst => text(&mut at, &mut raw),
        Kind::Einde => end(&mut at, &mut raw),
    };
    if allowed.contains(&"kaart") && raw.kaart.as_deref().is_some_and(|c| c.trim().is_empty()) {
        at.error(
            "het veld 'kaart' is leeg".to_string(),
            "noem de categorie van de Sociale Kaart waarvan de box de organisatie toont, bijvoorbeeld 'kaart: veilig-thuis', of haal 'kaart' weg".to_string(),
        );
    }
    for field in misplaced {
        let problem = format!(
            "het veld '{field}' hoort niet bij een knoop van soort '{}'",
            kind.dutch()
        );
        let fix = format!(
            "haal '{field}' weg, of kies de soort die erbij past (velden van '{}': {})",
            kind.dutch(),
            allowed.join(", ")
        );
        at.error(problem, fix);
    }
    match body {
        Some(body) if at.findings.is_empty() => Ok(Node {
            id: raw.id,
            step: raw.stap,
            role: raw.rol,
            title: raw.titel,
            explanation: raw.uitleg,
            blueprint: raw.blauwdruk,
            footnotes: raw.voetnoten,
            text: raw.tekst,
            pausable: raw.pauzeerbaar || kind == Kind::Wachten,
            weighty: raw.zwaarwegend,
            notice: raw.letop,
            contact_category: raw.kaart,
            line,
            body,
        }),
        _ => Err(at.findings),
    }
}

fn actions(at: &mut At<'_>, items: Vec<RawAction>) -> Vec<Action> {
    let criteria = at.kind == Kind::Criteria;
    items
        .into_iter()
        .map(|a| {
            if a.verplicht && criteria {
                at.error(
                    format!(
                        "'verplicht' hoort bij een actie, niet bij criterium '{}'",
                        a.id
                    ),
                    "haal 'verplicht: true' weg bij dit criterium".to_string(),
                );
            }
            if a.voorgevinkt_als.is_some() && !criteria {
                at.error(
                    format!(
                        "'voorgevinkt-als' hoort bij een criterium, niet bij actie '{}'",
                        a.id
                    ),
                    "haal 'voorgevinkt-als' weg, of maak van de knoop een criteria-knoop"
                        .to_string(),
                );
            }
            let preset = conditions(at, a.voorgevinkt_als.unwrap_or_default());
            Action {
                id: a.id,
                text: a.tekst,
                role: a.rol,
                mandatory: a.verplicht,
                preset,
            }
        })
        .collect()
}

/// Conditions `KNOOP = ID` as written; a malformed one is a finding.
fn conditions(at: &mut At<'_>, list: Vec<String>) -> Vec<Condition> {
    let mut conditions = Vec::new();
    for text in list {
        match text.split_once('=') {
            Some((node, value)) if !node.trim().is_empty() && !value.trim().is_empty() => {
                conditions.push(Condition {
                    node: node.trim().to_string(),
                    value: value.trim().to_string(),
                })
            }
            _ => at.error(
                format!("de voorwaarde '{text}' heeft niet de vorm 'KNOOP = ID'"),
                "schrijf bijvoorbeeld 'B2-toestemming = nee' (de gekozen optie), 'D2-criteria = gevaar' (een aangevinkt criterium) of 'B2-meldcode/KC-uitkomst = positief' (een antwoord in een sub-flow)".to_string(),
            ),
        }
    }
    conditions
}

fn action(at: &mut At<'_>, raw: &mut RawNode) -> Option<Body> {
    let items = raw.acties.take().unwrap_or_default();
    if items.is_empty() {
        at.missing("acties", "een lijst van acties (id en tekst)");
    }
    match at.next(raw.volgende.take()) {
        Some(next) if !items.is_empty() => Some(Body::Action {
            items: actions(at, items),
            next,
        }),
        _ => None,
    }
}

fn decision(at: &mut At<'_>, raw: &mut RawNode) -> Option<Body> {
    let kind = at.kind;
    let question = raw.vraag.take();
    if question.is_none() {
        at.missing("vraag", "de vraag die de gebruiker beantwoordt");
    }
    let options: Vec<Choice> = raw
        .opties
        .take()
        .unwrap_or_default()
        .into_iter()
        .map(|o| Choice {
            id: o.id,
            label: o.label,
            target: o.naar,
            explanation: o.toelichting,
            notice: o.letop,
            reason_required: o.toelichting_verplicht,
        })
        .collect();
    let minimum = if kind == Kind::Beslissing { 2 } else { 1 };
    if options.is_empty() {
        let problem = format!(
            "deze knoop (soort '{}') heeft geen opties en dus geen uitweg",
            kind.dutch()
        );
        at.error(
            problem,
            "voeg 'opties:' toe, elk met id, label en naar".to_string(),
        );
    } else if options.len() < minimum {
        at.error(
            format!("een beslissing heeft minstens twee opties nodig, deze heeft er {}", options.len()),
            "voeg een tweede optie toe, of maak er een knoop van soort 'actie' of 'info' met 'volgende' van".to_string(),
        );
    }
    let proposal = raw.voorstel.take().and_then(|p| proposal(at, p, &options));
    match question {
        Some(question) if options.len() >= minimum => Some(if kind == Kind::Beslissing {
            Body::Decision {
                question,
                options,
                proposal,
            }
        } else {
            Body::Wait {
                question,
                options,
                follow_up: raw.opvolging.take().map(|f| FollowUpRule {
                    resume: f.verder.trim().to_string(),
                    latest: f.uiterlijk.map(|l| l.trim().to_string()),
                }),
            }
        }),
        _ => None,
    }
}

fn criteria(at: &mut At<'_>, raw: &mut RawNode) -> Option<Body> {
    let items = raw.criteria.take().unwrap_or_default();
    if items.is_empty() {
        at.missing("criteria", "een lijst van criteria (id en tekst)");
    }
    match at.next(raw.volgende.take()) {
        Some(next) if !items.is_empty() => Some(Body::Criteria {
            question: raw
                .vraag
                .take()
                .unwrap_or_else(|| "Welke van deze criteria gelden?".to_string()),
            items: actions(at, items),
            next,
        }),
        _ => None,
    }
}

fn text(at: &mut At<'_>, raw: &mut RawNode) -> Option<Body> {
    if raw.vraag.is_none() {
        at.missing(
            "vraag",
            "de vraag die de gebruiker in eigen woorden beantwoordt",
        );
    }
    let next = at.next(raw.volgende.take());
    match (raw.vraag.take(), next) {
        (Some(question), Some(next)) => Some(Body::Text { question, next }),
        _ => None,
    }
}

fn referral(at: &mut At<'_>, raw: &mut RawNode) -> Option<Body> {
    if raw.categorie.is_none() {
        at.missing(
            "categorie",
            "de categorie van de Sociale Kaart, bijvoorbeeld 'kwetsbare-zwangeren'",
        );
    }
    let next = at.next(raw.volgende.take());
    let done_when = conditions(at, raw.uitgevoerd_als.take().unwrap_or_default());
    match (raw.categorie.take(), next) {
        (Some(category), Some(next)) => Some(Body::Referral {
            category,
            question: raw.vraag.take().unwrap_or_else(|| {
                "Naar welke hulpverlener of organisatie verwijst u?".to_string()
            }),
            next,
            done_when,
        }),
        _ => None,
    }
}

fn subflow(at: &mut At<'_>, raw: &mut RawNode) -> Option<Body> {
    if raw.flow.is_none() {
        at.missing(
            "flow",
            "de naam van de sub-flow (de bestandsnaam zonder .yaml), bijvoorbeeld 'meldcode'",
        );
    }
    let next = at.next(raw.volgende.take());
    let exits = std::mem::take(&mut raw.uitgangen)
        .into_iter()
        .map(|(end, target)| Exit { end, target })
        .collect();
    match (raw.flow.take(), next) {
        (Some(flow), Some(next)) => Some(Body::Subflow {
            flow,
            next,
            entry: raw.ingang.take(),
            exits,
        }),
        _ => None,
    }
}

/// Check and convert a proposal. Options named by `dan`/`anders` must exist here; whether the
/// conditions refer to earlier questions is checked by the validator, which sees the graph.
fn proposal(at: &mut At<'_>, raw: RawProposal, options: &[Choice]) -> Option<ProposalRules> {
    let before = at.findings.len();
    let known = |o: &str| options.iter().any(|c| c.id == o);
    let ids = || {
        options
            .iter()
            .map(|c| c.id.as_str())
            .collect::<Vec<_>>()
            .join(", ")
    };
    let mut rules = Vec::new();
    for rule in raw.regels {
        if !known(&rule.dan) {
            at.error(
                format!(
                    "de regel 'dan: {}' noemt geen optie van deze beslissing",
                    rule.dan
                ),
                format!("gebruik een van de opties: {}", ids()),
            );
        }
        let (any, list) = match (rule.een_van, rule.alle) {
            (Some(list), None) => (true, list),
            (None, Some(list)) => (false, list),
            _ => {
                at.error(format!("de regel voor '{}' moet precies één van 'een-van:' of 'alle:' hebben", rule.dan),
                    "schrijf 'een-van: [KNOOP = ID, ...]' (één voorwaarde is genoeg) of 'alle: [...]' (alle voorwaarden)".to_string(),
                );
                continue;
            }
        };
        let conditions = conditions(at, list);
        if conditions.is_empty() {
            at.error(
                format!("de regel voor '{}' heeft geen voorwaarden", rule.dan),
                "geef minstens één voorwaarde 'KNOOP = ID'".to_string(),
            );
        }
        rules.push(Rule {
            then: rule.dan,
            binding: rule.dwingend,
            any,
            conditions,
        });
    }
    if !known(&raw.anders) {
        at.error(
            format!(
                "'anders: {}' noemt geen optie van deze beslissing",
                raw.anders
            ),
            format!("gebruik een van de opties: {}", ids()),
        );
    }
    (at.findings.len() == before).then_some(ProposalRules {
        rules,
        otherwise: raw.anders,
    })
}
