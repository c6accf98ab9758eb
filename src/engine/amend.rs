//! Amendments to answers in force, replayed from the journal: a note added after the answer
//! was saved (`notitie`) and an open action ticked off later (`afgevinkt`). The answers
//! themselves stay in the journal as they were given; these functions say how they read now.

use jiff::Timestamp;

use crate::engine::answer::Answer;
use crate::engine::journal::{acted_by, in_scope, Actor, Event};

/// Mark the action `id` of a checklist answer done, when it was not done; whether it was.
pub(crate) fn tick_off(answer: &mut Answer, id: &str) -> bool {
    let Answer::Checklist { acties, .. } = answer else {
        return false;
    };
    let mut ticked = false;
    for mark in acties.iter_mut().filter(|m| m.id == id) {
        if mark.status == crate::engine::answer::Status::NietGedaan {
            mark.status = crate::engine::answer::Status::Gedaan;
            ticked = true;
        }
    }
    ticked
}

/// An action ticked off later (`afgevinkt`) in an answer still in force: the answer's place in
/// [`in_force`]'s answers, the action's id, when and by whom.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Tick {
    pub answer: usize,
    pub action: String,
    pub at: Timestamp,
    pub by: Actor,
}

/// Every action ticked off later whose answer is still in force, in the order ticked: only
/// ticks that changed something (an action open until then), on the main path (`scope` `None`)
/// or in one follow-up: `Tick::answer` is the place among the answers in force of that scope.
pub fn ticks_in(events: &[Event], scope: Option<&str>) -> Vec<Tick> {
    // Per answer in force: its key, the answer as ticked so far, and the ticks in it.
    let mut stack: Vec<(&str, Answer, Vec<Tick>)> = Vec::new();
    for (event, actor) in events
        .iter()
        .zip(acted_by(events))
        .filter(|(e, _)| in_scope(e, scope))
    {
        match event {
            Event::Antwoord {
                vraag, antwoord, ..
            } => stack.push((vraag, antwoord.clone(), Vec::new())),
            Event::Terug { .. } => {
                stack.pop();
            }
            Event::Afgevinkt {
                tijd, vraag, actie, ..
            } => {
                if let Some(k) = stack.iter().rposition(|(key, ..)| key == vraag) {
                    let (_, answer, ticks) = &mut stack[k];
                    if tick_off(answer, actie) {
                        ticks.push(Tick {
                            answer: k,
                            action: actie.clone(),
                            at: *tijd,
                            by: actor,
                        });
                    }
                }
            }
            _ => {}
        }
    }
    let mut out: Vec<Tick> = stack.into_iter().flat_map(|(.., ticks)| ticks).collect();
    out.sort_by_key(|t| t.at);
    out
}

/// The journal with every `notitie` folded into the answer it belongs to: the last `antwoord`
/// before it with the same key that is still in force (not taken back by a `terug` between
/// them), which then reads as given with the note ([`Answer::with_note`]). A note that finds no
/// such answer changes nothing. The `notitie` events themselves stay, in their place, so that
/// every position and every actor still lines up with the journal as stored.
pub fn fold_notes(events: &[Event]) -> std::borrow::Cow<'_, [Event]> {
    if !events.iter().any(|e| matches!(e, Event::Notitie { .. })) {
        return std::borrow::Cow::Borrowed(events);
    }
    let mut out = events.to_vec();
    // Positions of the answers in force, as a stack like `in_force` keeps it, per scope (the
    // main path, or a follow-up); a note belongs to the answer given just before it.
    let mut stacks: std::collections::HashMap<Option<String>, Vec<usize>> = Default::default();
    let mut last_scope: Option<String> = None;
    for i in 0..out.len() {
        match &out[i] {
            Event::Antwoord { opvolging, .. } => {
                last_scope = opvolging.clone();
                stacks.entry(opvolging.clone()).or_default().push(i);
            }
            Event::Terug { opvolging, .. } => {
                stacks.entry(opvolging.clone()).or_default().pop();
            }
            Event::Notitie { vraag, tekst, .. } => {
                let (vraag, tekst) = (vraag.clone(), tekst.clone());
                if let Some(&at) = stacks.get(&last_scope).and_then(|s| s.last()) {
                    if let Event::Antwoord {
                        vraag: key,
                        antwoord,
                        ..
                    } = &mut out[at]
                    {
                        if *key == vraag {
                            *antwoord = antwoord.clone().with_note(&tekst);
                        }
                    }
                }
            }
            _ => {}
        }
    }
    std::borrow::Cow::Owned(out)
}
