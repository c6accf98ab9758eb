//! The answers in force, read from the journal: after every `terug` (per scope: the main
//! path, or one follow-up), with the notes and ticks added later folded in
//! ([`crate::engine::amend`]), with who gave each, and what was taken back. The walk is
//! replayed from these ([`crate::engine::replay`]); the summary reads them too.

use jiff::Timestamp;

use crate::engine::amend::{fold_notes, tick_off};
use crate::engine::answer::Answer;
use crate::engine::journal::{acted_by, in_scope, Actor, Event};

/// The start time and the answers in force on the main path, after applying every `terug`
/// and every `afgevinkt` (the action ticked off is `gedaan` in the answer it was ticked in).
pub fn in_force(events: &[Event]) -> (Option<Timestamp>, Vec<(Answer, Timestamp)>) {
    let folded = fold_notes(events);
    let events: &[Event] = &folded;
    let mut start = None;
    let mut answers: Vec<(Answer, Timestamp)> = Vec::new();
    let mut keys: Vec<&str> = Vec::new();
    for event in events.iter().filter(|e| in_scope(e, None)) {
        match event {
            Event::Start { tijd, .. } => start = start.or(Some(*tijd)),
            Event::Antwoord {
                tijd,
                antwoord,
                vraag,
                ..
            } => {
                answers.push((antwoord.clone(), *tijd));
                keys.push(vraag);
            }
            Event::Terug { .. } => {
                answers.pop();
                keys.pop();
            }
            Event::Afgevinkt { vraag, actie, .. } => {
                if let Some(k) = keys.iter().rposition(|k| k == vraag) {
                    tick_off(&mut answers[k].0, actie);
                }
            }
            Event::Pauze { .. }
            | Event::Hervat { .. }
            | Event::Export { .. }
            | Event::Overgezet { .. }
            | Event::Notitie { .. }
            | Event::Overgedragen { .. }
            | Event::Ontvangen { .. }
            | Event::Toestemming { .. } => {}
        }
    }
    (start, answers)
}

/// Who gave each answer in force on the main path or in one follow-up (`scope`).
pub fn in_force_actors_in(events: &[Event], scope: Option<&str>) -> Vec<Actor> {
    let mut out = Vec::new();
    for (event, actor) in events
        .iter()
        .zip(acted_by(events))
        .filter(|(e, _)| in_scope(e, scope))
    {
        match event {
            Event::Antwoord { .. } => out.push(actor),
            Event::Terug { .. } => {
                out.pop();
            }
            _ => {}
        }
    }
    out
}

/// The question key of each answer in force on the main path, in the order of
/// [`in_force`]'s answers.
pub fn in_force_keys(events: &[Event]) -> Vec<&str> {
    in_force_keys_in(events, None)
}

/// The question key of each answer in force on the main path or in one follow-up (`scope`).
pub fn in_force_keys_in<'e>(events: &'e [Event], scope: Option<&str>) -> Vec<&'e str> {
    let mut keys = Vec::new();
    for event in events.iter().filter(|e| in_scope(e, scope)) {
        match event {
            Event::Antwoord { vraag, .. } => keys.push(vraag.as_str()),
            Event::Terug { .. } => {
                keys.pop();
            }
            _ => {}
        }
    }
    keys
}

/// Per question key, the answer last taken back there and not answered again since: what a
/// front end starts from when the question comes back.
pub fn pending_withdrawn(
    events: &[Event],
    scope: Option<&str>,
) -> std::collections::BTreeMap<String, Answer> {
    let folded = fold_notes(events);
    let events: &[Event] = &folded;
    let mut stack: Vec<(String, Answer)> = Vec::new();
    let mut pending = std::collections::BTreeMap::new();
    for event in events.iter().filter(|e| in_scope(e, scope)) {
        match event {
            Event::Antwoord {
                vraag, antwoord, ..
            } => {
                pending.remove(vraag);
                stack.push((vraag.clone(), antwoord.clone()));
            }
            Event::Terug { .. } => {
                if let Some((key, answer)) = stack.pop() {
                    pending.insert(key, answer);
                }
            }
            _ => {}
        }
    }
    pending
}

/// An answer taken back ("terug"): what it was, when and by whom it was given, when, by whom
/// and why it was taken back, and what was answered in its place (none when the route went
/// elsewhere and the question was not asked again).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Withdrawal {
    pub key: String,
    pub old: Answer,
    pub given: Timestamp,
    pub given_by: Actor,
    pub taken: Timestamp,
    pub taken_by: Actor,
    pub reason: Option<String>,
    pub new: Option<(Answer, Timestamp, Actor)>,
}

/// Every answer taken back, in the order taken back, with the answer given in its place (the
/// next answer to the same question). Going back several questions to change one takes the
/// others back too; each one answered again exactly as before changed nothing and is left out.
pub fn withdrawn(events: &[Event]) -> Vec<Withdrawal> {
    let folded = fold_notes(events);
    let events: &[Event] = &folded;
    let mut stack: Vec<(String, Answer, Timestamp, Actor)> = Vec::new();
    let mut out: Vec<Withdrawal> = Vec::new();
    // Per question key: the withdrawal still waiting for its new answer.
    let mut open = std::collections::BTreeMap::new();
    for (event, actor) in events
        .iter()
        .zip(acted_by(events))
        .filter(|(e, _)| in_scope(e, None))
    {
        match event {
            Event::Antwoord {
                tijd,
                vraag,
                antwoord,
                ..
            } => {
                if let Some(i) = open.remove(vraag) {
                    let w: &mut Withdrawal = &mut out[i];
                    w.new = Some((antwoord.clone(), *tijd, actor.clone()));
                }
                stack.push((vraag.clone(), antwoord.clone(), *tijd, actor));
            }
            Event::Terug { tijd, reden, .. } => {
                if let Some((key, old, given, given_by)) = stack.pop() {
                    open.insert(key.clone(), out.len());
                    out.push(Withdrawal {
                        key,
                        old,
                        given,
                        given_by,
                        taken: *tijd,
                        taken_by: actor,
                        reason: reden.clone(),
                        new: None,
                    });
                }
            }
            _ => {}
        }
    }
    out.retain(|w| w.new.as_ref().map(|(a, ..)| a) != Some(&w.old));
    out
}
