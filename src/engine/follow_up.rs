//! Follow-ups (opvolging): a wait that is settled weeks later *while the rest of the path goes
//! on*, such as question 5 of the afwegingskader or the feedback of Veilig Thuis.
//!
//! A wait with `opvolging:` in the flow can be answered "later": that answer
//! ([`Answer::Opvolging`]) is part of the path like any other, and the path goes on at the
//! node the flow names (`verder`). The wait itself stays open beside the path as a
//! [`FollowUp`]: a short walk of its own that starts at the wait, is answered on its own
//! (with its own journal entries, marked with the follow-up's id), and ends where it comes
//! back to the path (a node the path went on at after putting it off), or at an end of the
//! main flow. Its answer can lead somewhere the path did not go: question 5 = nee leads to a
//! report to Veilig Thuis, and from there to the wait for Veilig Thuis' feedback, which can be
//! put off in turn.
//!
//! Conditions (proposals, outcomes) in a follow-up see the path up to where it was put off
//! and the follow-up's own answers; the main path's conditions see the main path only.
//!
//! [`Answer::Opvolging`]: crate::engine::answer::Answer::Opvolging

use jiff::Timestamp;

use crate::engine::answer::Answer;
use crate::engine::cursor::Cursor;
use crate::engine::journal::Event;
use crate::engine::step::Step;
use crate::flow::model::Body;

/// A follow-up: where it was put off, and its own walk since.
#[derive(Debug, Clone)]
pub struct FollowUp<'f> {
    /// Its id in the session: the key of the wait (with `#2`, … when put off again).
    pub id: String,
    /// The step where it was put off; its answer holds the expected date.
    pub deferred: Step<'f>,
    /// `None`: put off on the main path; `Some(i)`: inside follow-up `i`.
    pub parent: Option<usize>,
    /// The steps its conditions see before its own: the path up to where it was put off.
    pub(crate) prefix: Vec<Step<'f>>,
    /// The keys of the nodes where the path went on after putting it off: reaching one of
    /// them, the follow-up has come back to the path and ends.
    pub(crate) joins: Vec<String>,
    /// `uiterlijk` in the flow: a node of the main flow where it is asked at the latest.
    pub(crate) latest: Option<String>,
    /// The number of main-path steps there were when it (or the follow-up it sits in) was put
    /// off: the main path from there on is where `latest` is looked for.
    pub(crate) main_index: usize,
    pub(crate) cursor: Cursor<'f>,
}

impl<'f> FollowUp<'f> {
    /// The steps of its own walk, from the answer to the wait on.
    pub fn steps(&self) -> &[Step<'f>] {
        self.cursor.steps()
    }

    /// Still waiting for an answer.
    pub fn is_open(&self) -> bool {
        !self.cursor.is_ended()
    }

    /// The date it is expected by, as given when it was put off.
    pub fn expected(&self) -> Option<jiff::civil::Date> {
        match &self.deferred.answer {
            Some(Answer::Opvolging { verwacht, .. }) => *verwacht,
            _ => None,
        }
    }

    /// The question of the wait, as the flow words it.
    pub fn question(&self) -> &'f str {
        match &self.deferred.node.body {
            Body::Wait { question, .. } => question,
            _ => &self.deferred.node.title,
        }
    }

    /// `uiterlijk` of the flow: the node where it is asked at the latest.
    pub fn latest(&self) -> Option<&str> {
        self.latest.as_deref()
    }

    /// How its own walk ended: the outcome of the last end it passed, if any.
    pub fn outcome_text(&self) -> Option<String> {
        self.steps().iter().rev().find_map(|s| s.outcome.clone())
    }

    /// Whether the main path has reached (or passed, after it was put off) the node where it
    /// must be answered at the latest.
    /// `main`: the steps of the main path; `here`: the key of its question (`None` at the end).
    pub(crate) fn is_due(&self, main: &[Step<'f>], here: Option<&str>) -> bool {
        let Some(latest) = &self.latest else {
            return false;
        };
        if !self.is_open() {
            return false;
        }
        let on_path = |key: &str| key.split('/').any(|id| id == latest);
        // Put off inside that node itself (question 5 of the Meldcode at B6): no later node.
        if on_path(&self.deferred.key()) {
            return false;
        }
        main.get(self.main_index..)
            .unwrap_or_default()
            .iter()
            .any(|s| on_path(&s.key()))
            || here.is_some_and(on_path)
    }
}

/// An answer in force in a follow-up: its question's key, the answer and its time.
pub type FollowUpAnswer = (String, Answer, Timestamp);

/// Per follow-up id, its answers in force, in order. A `terug` takes back the last answer of
/// its own scope; when that answer had put a wait off (a follow-up), that follow-up's answers
/// are taken back with it: the follow-up no longer exists.
pub fn follow_up_answers(
    events: &[Event],
) -> std::collections::BTreeMap<String, Vec<FollowUpAnswer>> {
    use std::collections::BTreeMap;
    let mut main: Vec<Option<String>> = Vec::new();
    let mut answers: BTreeMap<String, Vec<FollowUpAnswer>> = BTreeMap::new();
    let folded = crate::engine::amend::fold_notes(events);
    let events: &[Event] = &folded;
    fn drop_follow_up(answers: &mut BTreeMap<String, Vec<FollowUpAnswer>>, id: &str) {
        for (_, answer, _) in answers.remove(id).unwrap_or_default() {
            if let Answer::Opvolging { id: inner, .. } = answer {
                drop_follow_up(answers, &inner);
            }
        }
    }
    for event in events {
        match event {
            Event::Antwoord {
                tijd,
                vraag,
                antwoord,
                opvolging,
                ..
            } => {
                let deferral = match antwoord {
                    Answer::Opvolging { id, .. } => Some(id.clone()),
                    _ => None,
                };
                match opvolging {
                    None => main.push(deferral),
                    Some(scope) => answers.entry(scope.clone()).or_default().push((
                        vraag.clone(),
                        antwoord.clone(),
                        *tijd,
                    )),
                }
            }
            Event::Afgevinkt {
                vraag,
                actie,
                opvolging: Some(scope),
                ..
            } => {
                // Ticked off later: the action is done in that follow-up's last answer there.
                if let Some((_, answer, _)) = answers
                    .get_mut(scope)
                    .and_then(|a| a.iter_mut().rev().find(|(key, ..)| key == vraag))
                {
                    crate::engine::amend::tick_off(answer, actie);
                }
            }
            Event::Terug { opvolging, .. } => {
                let popped = match opvolging {
                    None => main.pop().flatten(),
                    Some(scope) => {
                        answers
                            .get_mut(scope)
                            .and_then(Vec::pop)
                            .and_then(|(_, answer, _)| match answer {
                                Answer::Opvolging { id, .. } => Some(id),
                                _ => None,
                            })
                    }
                };
                if let Some(id) = popped {
                    drop_follow_up(&mut answers, &id);
                }
            }
            _ => {}
        }
    }
    answers
}

#[cfg(test)]
#[path = "follow_up_tests.rs"]
mod tests;
