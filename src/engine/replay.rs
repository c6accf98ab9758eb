//! Replaying a journal into a walk: the main path first, then each follow-up with its own
//! answers. The walk is a pure function of the journal, so this is how a session opens, how
//! "back" works (add a `terug`, replay) and how a summary is made.

use jiff::Timestamp;

use crate::engine::journal::{self, Event};
use crate::engine::step::WalkError;
use crate::engine::walk::Walk;
use crate::flow::set::FlowSet;

/// The walk of a journal. Every answer must land on the question it was given to (same key),
/// and a pause on the question it waits at: a flow whose nodes were renamed or removed since
/// is refused, not silently walked along another route. The main path is replayed first, then
/// each follow-up in the order they were put off, with its own answers.
pub(crate) fn rebuild<'f>(set: &'f FlowSet, events: &[Event]) -> Result<Walk<'f>, WalkError> {
    let (start, answers) = crate::engine::in_force::in_force(events);
    let keys = crate::engine::in_force::in_force_keys(events);
    let start = start
        .or_else(|| events.first().map(Event::time))
        .unwrap_or_else(Timestamp::now);
    let mut walk = Walk::start(set, start)?;
    for ((answer, at), key) in answers.iter().zip(keys) {
        // At the end, only a `vervolg` answer, given at that end.
        let here = walk
            .question()
            .map(|q| q.key)
            .or_else(|| walk.outcome().map(|n| n.id.clone()));
        if let Some(here) = here {
            landing(&here, key)?;
        }
        walk.answer(answer.clone(), *at)?;
    }
    if let Some((key, ..)) = journal::pause(events) {
        let here = walk.question().map(|q| q.key);
        if here.as_deref() != Some(key) {
            return Err(WalkError::Mismatch(format!(
                "de sessie wacht bij '{key}', maar die vraag staat niet meer op deze plaats in de flow (nu: '{}')",
                here.as_deref().unwrap_or("het einde")
            )));
        }
    }
    let mut follow_ups = crate::engine::follow_up::follow_up_answers(events);
    let mut done = 0;
    while done < walk.follow_ups().len() {
        let id = walk.follow_ups()[done].id.clone();
        for (key, answer, at) in follow_ups.remove(&id).unwrap_or_default() {
            if let Some(here) = walk.follow_up_question(&id).map(|q| q.key) {
                landing(&here, &key)?;
            }
            walk.answer_follow_up(&id, answer, at)?;
        }
        done += 1;
    }
    Ok(walk)
}

/// An answer given to `key` must land there now.
fn landing(here: &str, key: &str) -> Result<(), WalkError> {
    if here == key {
        return Ok(());
    }
    Err(WalkError::Mismatch(format!(
        "het antwoord op '{key}' komt nu bij '{here}' terecht; '{key}' is hernoemd, verwijderd of ligt niet meer op deze route"
    )))
}
