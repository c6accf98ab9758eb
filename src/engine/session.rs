//! A session: a walk plus its journal. This is the object the front ends drive: ask it for the
//! question, give it an answer or a "back", and it keeps the journal and the walk in step.

use jiff::Timestamp;

use crate::engine::answer::Answer;
use crate::engine::journal::{self, Actor, Event};
use crate::engine::prompter::Withdrawing;
use crate::engine::question::Question;
use crate::engine::walk::{Walk, WalkError};
use crate::flow::set::FlowSet;

#[derive(Debug, Clone)]
pub struct Session<'f> {
    set: &'f FlowSet,
    events: Vec<Event>,
    walk: Walk<'f>,
    /// Who acts now: recorded on every event this session adds.
    actor: Actor,
}

impl<'f> Session<'f> {
    /// A new session; `role` is the role id of who answers (`--rol`; else the role of the first
    /// question, see [`first_role`]), `initials` who that is (`--door`, when given).
    pub fn new(
        set: &'f FlowSet,
        at: Timestamp,
        role: Option<String>,
        initials: Option<String>,
    ) -> Result<Session<'f>, WalkError> {
        let walk = Walk::start(set, at)?;
        let role = role.or_else(|| first_role(&walk));
        let actor = Actor {
            rol: role,
            door: initials,
        };
        Ok(Session {
            set,
            events: vec![Event::Start {
                tijd: at,
                rol: actor.rol.clone(),
                door: actor.door.clone(),
            }],
            walk,
            actor,
        })
    }

    /// A session rebuilt from its journal. Every answer must land on the question it was given
    /// to (same key), and a pause on the question it waits at: a flow whose nodes were renamed
    /// or removed since is refused, not silently walked along another route.
    pub fn from_journal(set: &'f FlowSet, events: Vec<Event>) -> Result<Session<'f>, WalkError> {
        let (start, answers) = journal::in_force(&events);
        let keys = journal::in_force_keys(&events);
        let start = start
            .or_else(|| events.first().map(Event::time))
            .unwrap_or_else(Timestamp::now);
        let mut walk = Walk::start(set, start)?;
        for ((answer, at), key) in answers.iter().zip(keys) {
            if let Some(here) = walk.question().map(|q| q.key) {
                if here != key {
                    return Err(WalkError::Mismatch(format!(
                        "het antwoord op '{key}' komt nu bij '{here}' terecht; '{key}' is hernoemd, verwijderd of ligt niet meer op deze route"
                    )));
                }
            }
            walk.answer(answer.clone(), *at)?;
        }
        if let Some((key, ..)) = journal::pause(&events) {
            let here = walk.question().map(|q| q.key);
            if here.as_deref() != Some(key) {
                return Err(WalkError::Mismatch(format!(
                    "de sessie wacht bij '{key}', maar die vraag staat niet meer op deze plaats in de flow (nu: '{}')",
                    here.as_deref().unwrap_or("het einde")
                )));
            }
        }
        let actor = journal::acted_by(&events).pop().unwrap_or_default();
        Ok(Session {
            set,
            events,
            walk,
            actor,
        })
    }

    /// The current question. Right after a "back", it carries the answer that was taken back,
    /// so that a front end can start from it.
    pub fn question(&self) -> Option<Question<'f>> {
        let mut question = self.walk.question()?;
        question.previous = journal::pending_withdrawn(&self.events).remove(&question.key);
        Some(question)
    }

    /// Pause at the current question ("nog niet — later verder").
    pub fn pause(&mut self, at: Timestamp, expected: Option<jiff::civil::Date>) {
        if let Some(q) = self.walk.question() {
            self.events.push(Event::Pauze {
                tijd: at,
                vraag: q.key,
                verwacht: expected,
                rol: self.actor.rol.clone(),
                door: self.actor.door.clone(),
            });
        }
    }

    /// Take the session up again, by `role` (a role id; without one the role in force goes on)
    /// and `initials` (when given), noting a changed flow.
    pub fn resume(
        &mut self,
        at: Timestamp,
        role: Option<String>,
        initials: Option<String>,
        previous_flow: Option<String>,
    ) {
        self.actor = Actor {
            rol: role.or(self.actor.rol.take()),
            door: initials,
        };
        self.events.push(Event::Hervat {
            tijd: at,
            rol: self.actor.rol.clone(),
            door: self.actor.door.clone(),
            vorige_flow: previous_flow,
        });
    }

    /// Record that the session was moved on purpose to another flow or map (`what`: "flow" or
    /// "kaart"), from `from` to `to`.
    pub fn moved(&mut self, at: Timestamp, what: &str, from: String, to: String) {
        self.events.push(Event::Overgezet {
            tijd: at,
            soort: what.to_string(),
            van: from,
            naar: to,
            rol: self.actor.rol.clone(),
            door: self.actor.door.clone(),
        });
    }

    /// Record that the summary was exported.
    pub fn exported(&mut self, at: Timestamp, format: &str) {
        self.events.push(Event::Export {
            tijd: at,
            formaat: format.to_string(),
            rol: self.actor.rol.clone(),
            door: self.actor.door.clone(),
        });
    }

    pub fn walk(&self) -> &Walk<'f> {
        &self.walk
    }

    pub fn events(&self) -> &[Event] {
        &self.events
    }

    pub fn flows(&self) -> &'f FlowSet {
        self.set
    }

    /// Answer the current question. On a mismatch nothing changes. A new answer also keeps
    /// the rule for new answers: no BSN in its free text.
    pub fn answer(&mut self, answer: Answer, at: Timestamp) -> Result<(), WalkError> {
        let key = self.walk.question().ok_or(WalkError::Finished)?.key;
        crate::engine::rules::free_text(&answer).map_err(|mismatch| WalkError::Refused {
            key: key.clone(),
            mismatch,
        })?;
        let mut walk = self.walk.clone();
        walk.answer(answer, at)?;
        // Keep the normalised answer (every action marked) in the journal.
        let recorded = walk
            .steps()
            .iter()
            .rev()
            .find_map(|s| s.answer.clone())
            .ok_or_else(|| WalkError::Broken("antwoord niet vastgelegd".to_string()))?;
        self.events.push(Event::Antwoord {
            tijd: at,
            vraag: key,
            antwoord: recorded,
            rol: self.actor.rol.clone(),
            door: self.actor.door.clone(),
        });
        self.walk = walk;
        Ok(())
    }

    /// Add a note to the answer just given (the last answer in force), as its own journal
    /// event: the answer was saved before the note was asked. The note keeps the rule for new
    /// answers (no BSN); an empty note records nothing (false).
    pub fn note(&mut self, at: Timestamp, text: &str) -> Result<bool, WalkError> {
        let text = text.trim();
        let key = journal::in_force_keys(&self.events)
            .pop()
            .ok_or(WalkError::Finished)?
            .to_string();
        let (start, mut answers) = journal::in_force(&self.events);
        let Some((answer, _)) = answers.last_mut() else {
            return Err(WalkError::Finished);
        };
        if text.is_empty() || matches!(answer, Answer::Tekst { .. }) {
            return Ok(false);
        }
        *answer = answer.clone().with_note(text);
        crate::engine::rules::free_text(answer).map_err(|mismatch| WalkError::Refused {
            key: key.clone(),
            mismatch,
        })?;
        let walk = Walk::replay(self.set, start.unwrap_or(at), &answers)?;
        self.events.push(Event::Notitie {
            tijd: at,
            vraag: key,
            tekst: text.to_string(),
            rol: self.actor.rol.clone(),
            door: self.actor.door.clone(),
        });
        self.walk = walk;
        Ok(true)
    }

    /// What a "back" would take back, when that needs a confirmation (the answer was given by
    /// another role) or a reason (see [`crate::engine::rules::reason_to_change`]); `None` when
    /// it needs neither, or there is nothing to go back to.
    pub(crate) fn withdrawing(&self) -> Option<Withdrawing> {
        let key = journal::in_force_keys(&self.events).pop()?.to_string();
        let given_by = journal::in_force_actors(&self.events).pop()?;
        let main = self.set.main();
        let other_role = match (&given_by.rol, &self.actor.rol) {
            (Some(then), Some(now)) if then != now => {
                let who = main.role_label(then).to_string();
                Some(match &given_by.door {
                    Some(initials) => format!("{who} ({initials})"),
                    None => who,
                })
            }
            _ => None,
        };
        let reason_required = crate::engine::rules::reason_to_change(self.set, &key);
        if other_role.is_none() && !reason_required {
            return None;
        }
        let question = crate::engine::walk::node_for_key(self.set, &key).map_or_else(
            || key.clone(),
            |node| match &node.body {
                crate::flow::model::Body::Decision { question, .. }
                | crate::flow::model::Body::Wait { question, .. }
                | crate::flow::model::Body::Referral { question, .. }
                | crate::flow::model::Body::Criteria { question, .. }
                | crate::flow::model::Body::Text { question, .. } => question.clone(),
                _ => node.title.clone(),
            },
        );
        Some(Withdrawing {
            key,
            question,
            other_role,
            reason_required,
        })
    }

    /// Take back the last answer in force, so that its question is asked again, with the
    /// reason given for it (required where [`crate::engine::rules::reason_to_change`] says so;
    /// never a BSN). Returns false at the first question (there is nothing to go back to).
    pub fn back(&mut self, at: Timestamp, reason: Option<&str>) -> Result<bool, WalkError> {
        let (start, mut answers) = journal::in_force(&self.events);
        if answers.is_empty() {
            return Ok(false);
        }
        let taken = journal::in_force_keys(&self.events)
            .pop()
            .unwrap_or_default()
            .to_string();
        let required = crate::engine::rules::reason_to_change(self.set, &taken);
        let reason = crate::engine::rules::back_reason(required, reason).map_err(|mismatch| {
            WalkError::Refused {
                key: taken,
                mismatch,
            }
        })?;
        answers.pop();
        let start = start.unwrap_or(at);
        let walk = Walk::replay(self.set, start, &answers)?;
        let key = walk.question().map(|q| q.key).unwrap_or_default();
        self.events.push(Event::Terug {
            tijd: at,
            vraag: key,
            rol: self.actor.rol.clone(),
            door: self.actor.door.clone(),
            reden: reason,
        });
        self.walk = walk;
        Ok(true)
    }
}

/// The role of the first question; when it has none (like the entry IN of the built-in flow,
/// which belongs to no box), the role of the first node after it that has one, breadth first in
/// the order of its options: whoever starts the walk answers the entry too.
fn first_role(walk: &Walk<'_>) -> Option<String> {
    let question = walk.question()?;
    if let Some(role) = question.role {
        return Some(role.id);
    }
    let flow = question.flow;
    let mut seen = vec![question.node.id.as_str()];
    let mut queue = std::collections::VecDeque::from([question.node]);
    while let Some(node) = queue.pop_front() {
        if let Some(role) = &node.role {
            return Some(role.clone());
        }
        for (_, target) in node.body.targets() {
            if let Some(next) = flow.node(target).filter(|_| !seen.contains(&target)) {
                seen.push(target);
                queue.push_back(next);
            }
        }
    }
    None
}
