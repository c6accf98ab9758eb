//! Taking a session up again after the fact: the actions still open that can be ticked off
//! later ([`open_actions`]), and where a finished walk may go on ([`continuation`]). The
//! session records either as a journal event (`afgevinkt`, or an answer `vervolg` at the end);
//! this file only says what is possible.

use crate::engine::answer::{Answer, Status};
use crate::engine::walk::{Role, Step, Walk};
use crate::flow::model::{Action, Body, Continuation, Flow, Node};

/// An action marked "niet gedaan" in a checklist answer in force: it can be ticked off later.
#[derive(Debug, Clone)]
pub struct OpenAction<'f> {
    /// The key of the question whose answer marks it (as in the journal: `B8`,
    /// `B2-meldcode/M1`).
    pub key: String,
    pub action: &'f Action,
    /// The box it belongs to, and its flow.
    pub node: &'f Node,
    pub flow: &'f Flow,
    /// The box's role (whose list it is on when the action names none).
    pub role: Option<Role>,
}

impl OpenAction<'_> {
    /// `KEY/ACTION`: how an answers file names it (`afvinken: B8/overdracht-betrokkenen`).
    pub fn name(&self) -> String {
        format!("{}/{}", self.key, self.action.id)
    }
}

/// The key of the question a step answered: the ids of its calls and its node, joined by '/'.
pub(crate) fn step_key(step: &Step<'_>) -> String {
    step.calls
        .iter()
        .map(|n| n.id.as_str())
        .chain([step.node.id.as_str()])
        .collect::<Vec<_>>()
        .join("/")
}

/// The actions still open in the checklists answered, in route order. A box answered more than
/// once counts by its last answer, which is the one a tick applies to.
pub fn open_actions<'f>(walk: &Walk<'f>) -> Vec<OpenAction<'f>> {
    let steps = walk.steps();
    let mut out = Vec::new();
    for (k, step) in steps.iter().enumerate() {
        let (Body::Action { items, .. }, Some(Answer::Checklist { acties, .. })) =
            (&step.node.body, &step.answer)
        else {
            continue;
        };
        let key = step_key(step);
        let later = steps[k + 1..]
            .iter()
            .any(|s| s.answer.is_some() && step_key(s) == key);
        if later {
            continue;
        }
        for item in items {
            let open = acties
                .iter()
                .find(|m| m.id == item.id)
                .is_none_or(|m| m.status == Status::NietGedaan);
            if open {
                out.push(OpenAction {
                    key: key.clone(),
                    action: item,
                    node: step.node,
                    flow: step.flow,
                    role: step.role.clone(),
                });
            }
        }
    }
    out
}

/// Where a finished walk may go on: the `vervolg:` of the end it reached, if any.
pub fn continuation<'f>(walk: &Walk<'f>) -> Option<&'f Continuation> {
    match &walk.outcome()?.body {
        Body::End { continuation, .. } => continuation.as_ref(),
        _ => None,
    }
}
