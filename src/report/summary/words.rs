//! The words of a summary: a step as a row of the route, an answer as text, where a box stands.
//! Apart from [`super`] (which walks the session and collects) so that each stays short.

use crate::engine::answer::{Answer, Status};
use crate::engine::session::Session;
use crate::engine::walk::Step;
use crate::flow::model::{Body, Node};
use crate::kaart::{Kaart, Offer};
use crate::report::summary::{Contact, ProposalRecord, RouteContact, RouteRow};

/// Where an action stands: its box, and the box that called the sub-flow it is in.
pub(super) fn where_(step: &Step<'_>) -> String {
    let here = match &step.node.blueprint {
        Some(b) => format!("{b}, {}", step.node.title),
        None => step.node.title.clone(),
    };
    match step.calls.last() {
        Some(call) => match &call.blueprint {
            Some(b) => format!("{here}, vanuit {b}"),
            None => format!("{here}, vanuit {}", call.title),
        },
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
        (Body::Subflow { .. }, _) => (node.title.clone(), "sub-flow gestart".to_string()),
        _ => (node.title.clone(), "—".to_string()),
    };
    RouteRow {
        knoop: node.id.clone(),
        blauwdruk: node.blueprint.clone(),
        stap: step.step,
        rol: step.role.as_ref().map(|r| r.label.clone()),
        door: None,
        binnen: step.calls.last().map(|c| c.title.clone()),
        soort: node.body.kind().dutch(),
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

/// An answer in words: the option's label, the count of actions done, the providers, the
/// text typed.
fn describe(node: &Node, answer: &Answer, kaart: Option<&Kaart>) -> String {
    match (&node.body, answer) {
        (
            Body::Decision { options, .. } | Body::Wait { options, .. },
            Answer::Keuze { optie, .. },
        ) => options
            .iter()
            .find(|o| &o.id == optie)
            .map_or_else(|| optie.clone(), |o| o.label.clone()),
        (_, Answer::Checklist { acties, .. }) => {
            let count = |s: Status| acties.iter().filter(|m| m.status == s).count();
            let mut parts = vec![format!(
                "{} van {} gedaan",
                count(Status::Gedaan),
                acties.len()
            )];
            if count(Status::Nvt) > 0 {
                parts.push(format!("{} n.v.t.", count(Status::Nvt)));
            }
            if count(Status::NietGedaan) > 0 {
                parts.push(format!("{} open", count(Status::NietGedaan)));
            }
            parts.join(", ")
        }
        (
            _,
            Answer::Verwijzing {
                kaart: chosen,
                aanbieders,
                geen_passend_aanbod,
                ..
            },
        ) => {
            let mut names: Vec<String> = chosen
                .iter()
                .map(|id| Contact::of(id, kaart).naam)
                .collect();
            names.extend(aanbieders.iter().cloned());
            if *geen_passend_aanbod {
                names.push("geen passend aanbod".to_string());
            }
            names.join("; ")
        }
        (Body::Criteria { items, .. }, Answer::Criteria { gelden, .. }) => {
            let texts: Vec<&str> = items
                .iter()
                .filter(|i| gelden.contains(&i.id))
                .map(|i| i.text.as_str())
                .collect();
            if texts.is_empty() {
                "geen van deze criteria".to_string()
            } else {
                texts.join("; ")
            }
        }
        (_, Answer::Criteria { gelden, .. }) => gelden.join("; "),
        (_, Answer::Keuze { optie, .. }) => optie.clone(),
        (_, Answer::Tekst { tekst }) => tekst.clone(),
        (_, Answer::Opvolging { verwacht, .. }) => match verwacht {
            Some(d) => format!(
                "later — als opvolging, verwacht {}; het pad ging verder",
                d.strftime("%d-%m-%Y")
            ),
            None => "later — als opvolging; het pad ging verder".to_string(),
        },
        (
            Body::End {
                continuation: Some(c),
                ..
            },
            Answer::Vervolg { naar, .. },
        ) if c.target == *naar => c.label.clone(),
        (_, Answer::Vervolg { naar, .. }) => format!("verder bij {naar}"),
    }
}

/// "B1: Welk screeningsinstrument is gebruikt?" — a question as the route table names it.
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
                Some(b) => format!("{b}: {text}"),
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
