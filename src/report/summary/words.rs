//! The words of a summary: a step as a row of the route, an answer as text, where a box stands.
//! Apart from [`super`] (which walks the session and collects) so that each stays short.

use crate::engine::answer::Answer;
use crate::engine::session::Session;
use crate::engine::step::Step;
use crate::flow::model::{Body, Node};
use crate::kaart::{Kaart, Offer};
use crate::report::summary::{Contact, ProposalRecord, RouteContact, RouteRow};

/// A box as a reader names it: its blueprint label next to its title ("B6 Behandelplan en
/// MDO"), or its title alone. Never the node id: the record is read by people.
pub(crate) fn place(node: &Node) -> String {
    match &node.blueprint {
        Some(b) => format!("{b} {}", node.title),
        None => node.title.clone(),
    }
}

/// Where an action stands: its box, and the box that called the sub-flow it is in
/// ("Meldcode stap 1: breng signalen in kaart, vanuit B2 Volg stappen Kindcheck/Meldcode").
pub(super) fn where_(step: &Step<'_>) -> String {
    let here = place(step.node);
    match step.calls.last() {
        Some(call) => format!("{here}, vanuit {}", place(call)),
        None => here,
    }
}

pub(super) fn row(step: &Step<'_>, offer: Option<Offer<'_>>) -> RouteRow {
    let kaart = offer.map(|o| o.kaart);
    let node = step.node;
    let (vraag, antwoord) = match (&node.body, &step.answer) {
        (Body::Decision { question, .. } | Body::Wait { question, .. }, Some(answer)) => {
            (question.clone(), describe(node, answer, kaart))
        }
        (Body::Action { .. }, Some(answer)) => (node.title.clone(), describe(node, answer, kaart)),
        (Body::Criteria { question, .. }, Some(answer)) => {
            (question.clone(), describe(node, answer, kaart))
        }
        (Body::Referral { question, .. } | Body::Text { question, .. }, Some(answer)) => {
            (question.clone(), describe(node, answer, kaart))
        }
        // A finished session that went on later: its own row, after the end reached.
        (Body::End { .. }, Some(answer @ Answer::Vervolg { .. })) => (
            format!("Later verder na '{}'", node.title),
            describe(node, answer, kaart),
        ),
        (Body::End { outcome, .. }, _) => (
            node.title.clone(),
            step.outcome
                .clone()
                .unwrap_or_else(|| outcome.trim().to_string()),
        ),
        // The steps of the run are told in a section of their own.
        (Body::Subflow { .. }, _) => (
            node.title.clone(),
            "gevolgd: zie de eigen paragraaf".to_string(),
        ),
        _ => (node.title.clone(), "—".to_string()),
    };
    RouteRow {
        knoop: node.id.clone(),
        blauwdruk: node.blueprint.clone(),
        stap: step.step,
        rol: step.role.as_ref().map(|r| r.label.clone()),
        door: None,
        binnen: step.calls.last().map(|c| c.title.clone()),
        // Going on after an end is a decision of its own, not the end reached.
        soort: match &step.answer {
            Some(Answer::Vervolg { .. }) => "vervolg",
            _ => node.body.kind().dutch(),
        },
        voorstel: step.proposal.as_ref().map(|p| {
            let label = match &node.body {
                Body::Decision { options, .. } => options
                    .iter()
                    .find(|o| o.id == p.option)
                    .map(|o| o.label.clone()),
                _ => None,
            };
            let chosen = match &step.answer {
                Some(Answer::Keuze { optie, .. }) => optie == &p.option,
                _ => false,
            };
            ProposalRecord {
                optie: label.unwrap_or_else(|| p.option.clone()),
                op_grond_van: p.reasons.clone(),
                gevolgd: chosen,
            }
        }),
        vraag,
        antwoord,
        toelichting: step
            .answer
            .as_ref()
            .and_then(|a| a.note())
            .map(str::to_string),
        tijd: step.at,
        contact: step
            .contacts
            .as_ref()
            .and_then(|c| RouteContact::of(c, offer)),
    }
}

/// An answer in words ([`Answer::in_words`]), with the providers named from the map.
fn describe(node: &Node, answer: &Answer, kaart: Option<&Kaart>) -> String {
    answer.in_words(node, &|id| Contact::of(id, kaart).naam)
}

/// "B1 Welk screeningsinstrument is gebruikt?" — a question as a reader names it.
pub(super) fn label_for_key(session: &Session<'_>, key: &str) -> String {
    match crate::engine::walk::node_for_key(session.flows(), key) {
        Some(node) => {
            let text = match &node.body {
                Body::Decision { question, .. }
                | Body::Wait { question, .. }
                | Body::Referral { question, .. }
                | Body::Text { question, .. } => question.clone(),
                _ => node.title.clone(),
            };
            match &node.blueprint {
                Some(b) => format!("{b} {text}"),
                None => text,
            }
        }
        None => key.to_string(),
    }
}

pub(super) fn describe_for_key(
    session: &Session<'_>,
    key: &str,
    answer: &Answer,
    kaart: Option<&Kaart>,
) -> String {
    match crate::engine::walk::node_for_key(session.flows(), key) {
        Some(node) => describe(node, answer, kaart),
        None => "(antwoord op een vraag die niet meer in de flow staat)".to_string(),
    }
}
