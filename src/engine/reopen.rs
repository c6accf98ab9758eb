//! Taking a session up again after the fact: the actions still open that can be ticked off
//! later ([`open_actions`]), and where a finished walk may go on ([`continuation`]). The
//! session records either as a journal event (`afgevinkt`, or an answer `vervolg` at the end);
//! this file only says what is possible.

use crate::engine::answer::{Answer, Status};
use crate::engine::step::{Role, Step};
use crate::engine::walk::Walk;
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
    /// The follow-up whose answer it is in (`None`: the main path).
    pub follow_up: Option<String>,
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
    let mut out = open_in(walk.steps(), None);
    for f in walk.follow_ups() {
        out.extend(open_in(f.steps(), Some(&f.id)));
    }
    out
}

/// The open actions in the checklists of these steps (of the main path, or of one follow-up).
fn open_in<'f>(steps: &[Step<'f>], follow_up: Option<&str>) -> Vec<OpenAction<'f>> {
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
                    follow_up: follow_up.map(str::to_string),
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

#[cfg(test)]
mod tests {
    use jiff::Timestamp;

    use crate::engine::amend::ticks_in;
    use crate::engine::answer::{Answer, Mark, Status};
    use crate::engine::in_force::in_force;
    use crate::engine::journal::Event;

    fn at(minute: u32) -> Timestamp {
        format!("2026-11-22T10:{minute:02}:00Z")
            .parse()
            .expect("a time")
    }

    fn checklist(minute: u32, key: &str, status: Status) -> Event {
        Event::Antwoord {
            tijd: at(minute),
            vraag: key.to_string(),
            antwoord: Answer::Checklist {
                acties: vec![Mark {
                    id: "a".to_string(),
                    status,
                }],
                notitie: None,
            },
            opvolging: None,
            rol: None,
            door: None,
        }
    }

    fn tick(minute: u32, key: &str) -> Event {
        Event::Afgevinkt {
            tijd: at(minute),
            vraag: key.to_string(),
            actie: "a".to_string(),
            opvolging: None,
            rol: Some("vz".to_string()),
            door: None,
        }
    }

    fn status(answer: &Answer) -> Status {
        match answer {
            Answer::Checklist { acties, .. } => acties[0].status,
            _ => panic!("not a checklist: {answer:?}"),
        }
    }

    #[test]
    fn a_tick_marks_the_last_answer_in_force_done_and_goes_when_that_answer_is_taken_back() {
        let events = vec![
            checklist(1, "B1", Status::NietGedaan),
            checklist(2, "B8", Status::NietGedaan),
            tick(3, "B8"),
        ];
        let (_, answers) = in_force(&events);
        assert_eq!(status(&answers[0].0), Status::NietGedaan);
        assert_eq!(status(&answers[1].0), Status::Gedaan);
        let found = ticks_in(&events, None);
        assert_eq!(found.len(), 1);
        assert_eq!((found[0].answer, found[0].at), (1, at(3)));
        assert_eq!(found[0].by.rol.as_deref(), Some("vz"));

        // B8 taken back and answered again: the tick belonged to the answer taken back.
        let mut again = events.clone();
        again.push(Event::Terug {
            tijd: at(4),
            vraag: "B8".to_string(),
            opvolging: None,
            rol: None,
            door: None,
            reden: None,
        });
        again.push(checklist(5, "B8", Status::NietGedaan));
        let (_, answers) = in_force(&again);
        assert_eq!(status(&answers[1].0), Status::NietGedaan);
        assert!(ticks_in(&again, None).is_empty());
    }

    #[test]
    fn a_tick_of_an_action_not_open_changes_nothing() {
        let events = vec![checklist(1, "B8", Status::Nvt), tick(2, "B8")];
        let (_, answers) = in_force(&events);
        assert_eq!(status(&answers[0].0), Status::Nvt);
        assert!(ticks_in(&events, None).is_empty());
    }
}
