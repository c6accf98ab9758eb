//! A practice run next to the model: one point per decision, and one per criterion of the
//! criteria question (D2-criteria), ticked or not as the model has it. And how a point is named
//! for people: by the blueprint label and the question, never by its key.

use serde::{Deserialize, Serialize};

use super::Case;
use crate::engine::answer::Answer;
use crate::engine::session::Session;
use crate::engine::walk::node_for_key;
use crate::flow::model::Body;
use crate::flow::set::FlowSet;

/// In a saved result: a criterion that was (or should have been) ticked, or not.
pub(crate) const TICKED: &str = "aangevinkt";
pub(crate) const UNTICKED: &str = "niet-aangevinkt";

/// One point of a practice run, compared with the model: a decision, or one criterion.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
pub(crate) struct Compared {
    pub vraag: String,
    /// At the criteria question: the criterion this point is about.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub criterium: Option<String>,
    /// The option id; for a criterion [`TICKED`] or [`UNTICKED`].
    pub model: String,
    /// What the trainee answered, in the same words; `None` when the route did not reach it.
    pub antwoord: Option<String>,
    pub zoals_model: bool,
}

/// A saved practice result. No names: the case, the time and the points.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub(crate) struct PracticeResult {
    pub schema: String,
    pub casus: String,
    pub tijd: jiff::Timestamp,
    pub zoals_model: usize,
    pub totaal: usize,
    pub procent: usize,
    pub beslissingen: Vec<Compared>,
}

/// Compare the answers in force with the model: a decision is one point, and each criterion of
/// a criteria question is one point (ticked when the model ticks it, unticked when it does not).
pub(crate) fn compare(set: &FlowSet, session: &Session<'_>, case: &Case) -> Vec<Compared> {
    let steps = session.walk().steps();
    let mut compared = Vec::new();
    for m in &case.model {
        let given = steps
            .iter()
            .rev()
            .find(|s| s.answer.is_some() && key_of(s) == m.vraag)
            .and_then(|s| s.answer.clone());
        match (&m.gelden, node_for_key(set, &m.vraag).map(|n| &n.body)) {
            (Some(model), Some(Body::Criteria { items, .. })) => {
                let ticked = match &given {
                    Some(Answer::Criteria { gelden, .. }) => Some(gelden.clone()),
                    _ => None,
                };
                for item in items {
                    let word = |on: bool| if on { TICKED } else { UNTICKED }.to_string();
                    let model = word(model.contains(&item.id));
                    let antwoord = ticked.as_ref().map(|t| word(t.contains(&item.id)));
                    compared.push(Compared {
                        vraag: m.vraag.clone(),
                        criterium: Some(item.id.clone()),
                        zoals_model: antwoord.as_deref() == Some(model.as_str()),
                        model,
                        antwoord,
                    });
                }
            }
            _ => {
                let chosen = match given {
                    Some(Answer::Keuze { optie, .. }) => Some(optie),
                    _ => None,
                };
                compared.push(Compared {
                    vraag: m.vraag.clone(),
                    criterium: None,
                    model: m.antwoord.clone(),
                    zoals_model: chosen.as_deref() == Some(m.antwoord.as_str()),
                    antwoord: chosen,
                });
            }
        }
    }
    compared
}

pub(crate) fn key_of(step: &crate::engine::step::Step<'_>) -> String {
    let mut key: Vec<&str> = step.calls.iter().map(|n| n.id.as_str()).collect();
    key.push(&step.node.id);
    key.join("/")
}

/// How many points matched the model, of how many: in all, of the decisions, of the criteria.
pub(crate) struct Score {
    pub(crate) matched: usize,
    pub(crate) total: usize,
    pub(crate) decisions: (usize, usize),
    pub(crate) criteria: (usize, usize),
}

pub(crate) fn score(compared: &[Compared]) -> Score {
    let count = |criteria: bool| {
        let of: Vec<&Compared> = compared
            .iter()
            .filter(|c| c.criterium.is_some() == criteria)
            .collect();
        (of.iter().filter(|c| c.zoals_model).count(), of.len())
    };
    let (decisions, criteria) = (count(false), count(true));
    Score {
        matched: decisions.0 + criteria.0,
        total: decisions.1 + criteria.1,
        decisions,
        criteria,
    }
}

/// "D2 Problematiek: enkelvoudig of complex?", "B2 Kindcheck en Meldcode — Wat is de uitkomst
/// van de Kindcheck?": the blueprint label of the question (or of the box that calls its
/// sub-flow), the sub-flow's name, and the question. The key itself only when the flow does not
/// know it (a result of another flow).
pub(crate) fn question_label(set: &FlowSet, key: &str) -> String {
    let mut flow = set.main();
    let mut label: Option<&str> = None;
    let mut sub: Option<&str> = None;
    let parts: Vec<&str> = key.split('/').collect();
    for (i, id) in parts.iter().enumerate() {
        let Some(node) = flow.node(id) else {
            return key.to_string();
        };
        if let Some(b) = node.blueprint.as_deref() {
            label = Some(b);
        }
        if i + 1 < parts.len() {
            let Body::Subflow { flow: callee, .. } = &node.body else {
                return key.to_string();
            };
            let Some(next) = set.get(callee) else {
                return key.to_string();
            };
            flow = next;
            sub = Some(flow.name.as_str());
            continue;
        }
        let question = match &node.body {
            Body::Decision { question, .. }
            | Body::Wait { question, .. }
            | Body::Criteria { question, .. } => question.as_str(),
            _ => node.title.as_str(),
        };
        return match (label, sub) {
            (Some(label), Some(sub)) => format!("{label} {sub} — {question}"),
            (None, Some(sub)) => format!("{sub} — {question}"),
            (Some(label), None) => format!("{label} {question}"),
            (None, None) => question.to_string(),
        };
    }
    key.to_string()
}

/// The text of a criterion at a criteria question, or its id when the flow does not know it.
pub(crate) fn criterion_text(set: &FlowSet, key: &str, criterion: &str) -> String {
    match node_for_key(set, key).map(|n| &n.body) {
        Some(Body::Criteria { items, .. }) => items
            .iter()
            .find(|i| i.id == criterion)
            .map_or(criterion.to_string(), |i| i.text.clone()),
        _ => criterion.to_string(),
    }
}

/// A point as people read it: the question, or for a criterion "D2 Criterium: …".
pub(crate) fn point_label(set: &FlowSet, vraag: &str, criterium: Option<&str>) -> String {
    match criterium {
        None => question_label(set, vraag),
        Some(c) => {
            let label = node_for_key(set, vraag)
                .and_then(|n| n.blueprint.as_deref())
                .map_or(String::new(), |b| format!("{b} "));
            format!("{label}Criterium: {}", criterion_text(set, vraag, c))
        }
    }
}

/// An answer or model at a point, for people: the option's label, or "aangevinkt".
pub(crate) fn answer_label(set: &FlowSet, c: &Compared, value: Option<&str>) -> String {
    match (value, &c.criterium) {
        (None, _) => "(niet bereikt)".to_string(),
        (Some(v), Some(_)) => v.replace('-', " "),
        (Some(v), None) => super::option_label(set, &c.vraag, v),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn questions_are_named_by_label_and_text() {
        let set = FlowSet::load(None).expect("flows");
        assert_eq!(
            question_label(&set, "D2"),
            "D2 Problematiek: enkelvoudig of complex?"
        );
        assert_eq!(
            question_label(&set, "B2-meldcode/KC-uitkomst"),
            "B2 Kindcheck en Meldcode — Wat is de uitkomst van de Kindcheck?"
        );
        assert_eq!(question_label(&set, "X9/Y"), "X9/Y");
    }
}
