//! A session: a walk plus its journal. This is the object the front ends drive: ask it for the
//! question, give it an answer or a "back", and it keeps the journal and the walk in step.

use jiff::Timestamp;

use crate::engine::answer::Answer;
use crate::engine::follow_up::FollowUp;
use crate::engine::journal::{self, Actor, Event};
use crate::engine::prompter::Withdrawing;
use crate::engine::question::Question;
use crate::engine::reopen::{self, OpenAction};
use crate::engine::replay::rebuild;
use crate::engine::step::WalkError;
use crate::engine::walk::Walk;
use crate::flow::model::Continuation;
use crate::flow::set::FlowSet;

#[derive(Debug, Clone)]
pub struct Session<'f> {
    set: &'f FlowSet,
    events: Vec<Event>,
    walk: Walk<'f>,
    /// Who acts now: recorded on every event this session adds.
    actor: Actor,
    /// The follow-up being answered now, if any; else the main path.
    focus: Option<String>,
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
            focus: None,
        })
    }

    /// A session rebuilt from its journal. Every answer must land on the question it was given
    /// to (same key), and a pause on the question it waits at: a flow whose nodes were renamed
    /// or removed since is refused, not silently walked along another route.
    pub fn from_journal(set: &'f FlowSet, events: Vec<Event>) -> Result<Session<'f>, WalkError> {
        let walk = rebuild(set, &events)?;
        let actor = journal::acted_by(&events).pop().unwrap_or_default();
        Ok(Session {
            set,
            events,
            walk,
            actor,
            focus: None,
        })
    }

    /// The current question. Right after a "back", it carries the answer that was taken back,
    /// so that a front end can start from it.
    pub fn question(&self) -> Option<Question<'f>> {
        let mut question = match &self.focus {
            Some(id) => self.walk.follow_up_question(id)?,
            None => self.walk.question()?,
        };
        question.previous =
            crate::engine::in_force::pending_withdrawn(&self.events, self.focus.as_deref())
                .remove(&question.key);
        Some(question)
    }

    /// The follow-up being answered now (`None`: the main path).
    pub fn focus(&self) -> Option<&str> {
        self.focus.as_deref()
    }

    /// Answer follow-up `id` from now on (`None`: the main path again). An id that names no
    /// open follow-up is refused.
    pub fn set_focus(&mut self, id: Option<String>) -> Result<(), WalkError> {
        if let Some(id) = &id {
            if !self.open_follow_ups().iter().any(|f| &f.id == id) {
                return Err(WalkError::Mismatch(format!(
                    "de opvolging '{id}' staat niet (meer) open"
                )));
            }
        }
        self.focus = id;
        Ok(())
    }

    /// The follow-ups still open, in the order they were put off.
    pub fn open_follow_ups(&self) -> Vec<&FollowUp<'f>> {
        self.walk
            .follow_ups()
            .iter()
            .filter(|f| f.is_open())
            .collect()
    }

    /// An open follow-up that must be answered now: the path has reached the node where it is
    /// asked at the latest (`uiterlijk`).
    pub fn due_follow_up(&self) -> Option<String> {
        self.walk
            .follow_ups()
            .iter()
            .find(|f| f.is_due(self.walk.steps(), self.walk.main_key().as_deref()))
            .map(|f| f.id.clone())
    }

    /// Pause at the current question of the main path ("nog niet — later verder"). While a
    /// follow-up is answered, nothing is recorded: it simply stays open.
    pub fn pause(&mut self, at: Timestamp, expected: Option<jiff::civil::Date>) {
        if self.focus.is_some() {
            return;
        }
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

    /// Answer the current question (of the follow-up in focus, or of the main path). On a
    /// mismatch nothing changes. A new answer also keeps the rule for new answers: no BSN in
    /// its free text.
    pub fn answer(&mut self, answer: Answer, at: Timestamp) -> Result<(), WalkError> {
        let key = self.question().ok_or(WalkError::Finished)?.key;
        crate::engine::rules::free_text(&answer).map_err(|mismatch| WalkError::Refused {
            key: key.clone(),
            mismatch,
        })?;
        let mut walk = self.walk.clone();
        let steps = match &self.focus {
            Some(id) => {
                walk.answer_follow_up(id, answer, at)?;
                walk.follow_ups()
                    .iter()
                    .find(|f| &f.id == id)
                    .map_or(&[][..], |f| f.steps())
            }
            None => {
                walk.answer(answer, at)?;
                walk.steps()
            }
        };
        // Keep the normalised answer (every action marked, a follow-up named) in the journal.
        let recorded = last_answer(steps)?;
        self.events.push(Event::Antwoord {
            tijd: at,
            vraag: key,
            antwoord: recorded,
            opvolging: self.focus.clone(),
            rol: self.actor.rol.clone(),
            door: self.actor.door.clone(),
        });
        self.walk = walk;
        Ok(())
    }

    /// The actions still open that can be ticked off later (see [`reopen::open_actions`]).
    pub fn open_actions(&self) -> Vec<OpenAction<'f>> {
        reopen::open_actions(&self.walk)
    }

    /// Tick off an open action (the action `action` in the answer in force to `key`) as done
    /// now: recorded as an `afgevinkt` event, by whoever acts now; the answer itself stays as
    /// it was given, the replay marks the action done.
    pub fn tick(&mut self, at: Timestamp, key: &str, action: &str) -> Result<(), WalkError> {
        let Some(open) = self
            .open_actions()
            .into_iter()
            .find(|o| o.key == key && o.action.id == action)
        else {
            return Err(WalkError::Mismatch(format!(
                "'{key}/{action}' is geen openstaande actie van deze sessie"
            )));
        };
        let mut events = self.events.clone();
        events.push(Event::Afgevinkt {
            tijd: at,
            vraag: key.to_string(),
            actie: action.to_string(),
            opvolging: open.follow_up,
            rol: self.actor.rol.clone(),
            door: self.actor.door.clone(),
        });
        self.walk = rebuild(self.set, &events)?;
        self.events = events;
        Ok(())
    }

    /// Where the finished walk may go on (`vervolg:` of the end it reached), if anywhere.
    pub fn continuation(&self) -> Option<&'f Continuation> {
        reopen::continuation(&self.walk)
    }

    /// Go on after the end reached, where the flow allows it, because of `reason` (required;
    /// never a BSN): an answer `vervolg` at the end, so that "back" can take it back too.
    pub fn go_on(&mut self, at: Timestamp, reason: &str) -> Result<(), WalkError> {
        let end = self.walk.outcome().ok_or_else(|| {
            WalkError::Mismatch(
                "de sessie is niet afgerond; er is geen einde om na verder te gaan".to_string(),
            )
        })?;
        let answer = Answer::Vervolg {
            naar: self
                .continuation()
                .map(|c| c.target.clone())
                .unwrap_or_default(),
            reden: reason.to_string(),
        };
        let refused = |mismatch| WalkError::Refused {
            key: end.id.clone(),
            mismatch,
        };
        crate::engine::rules::free_text(&answer).map_err(refused)?;
        let mut walk = self.walk.clone();
        walk.answer(answer, at)?;
        let recorded = last_answer(walk.steps())?;
        self.events.push(Event::Antwoord {
            tijd: at,
            vraag: end.id.clone(),
            antwoord: recorded,
            opvolging: None,
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
        let scope = self.focus.clone();
        let key = crate::engine::in_force::in_force_keys_in(&self.events, scope.as_deref())
            .pop()
            .ok_or(WalkError::Finished)?
            .to_string();
        let answer = match &scope {
            Some(id) => crate::engine::follow_up::follow_up_answers(&self.events)
                .remove(id)
                .and_then(|mut a| a.pop())
                .map(|(_, answer, _)| answer),
            None => crate::engine::in_force::in_force(&self.events)
                .1
                .pop()
                .map(|(a, _)| a),
        }
        .ok_or(WalkError::Finished)?;
        if text.is_empty() || matches!(answer, Answer::Tekst { .. }) {
            return Ok(false);
        }
        crate::engine::rules::free_text(&answer.with_note(text)).map_err(|mismatch| {
            WalkError::Refused {
                key: key.clone(),
                mismatch,
            }
        })?;
        let mut events = self.events.clone();
        events.push(Event::Notitie {
            tijd: at,
            vraag: key,
            tekst: text.to_string(),
            rol: self.actor.rol.clone(),
            door: self.actor.door.clone(),
        });
        self.walk = rebuild(self.set, &events)?;
        self.events = events;
        Ok(true)
    }

    /// What a "back" would take back, when that needs a confirmation (the answer was given by
    /// another role) or a reason (see [`crate::engine::rules::reason_to_change`]); `None` when
    /// it needs neither, or there is nothing to go back to.
    pub(crate) fn withdrawing(&self) -> Option<Withdrawing> {
        let scope = self.focus.as_deref();
        let key = crate::engine::in_force::in_force_keys_in(&self.events, scope)
            .pop()?
            .to_string();
        let given_by = crate::engine::in_force::in_force_actors_in(&self.events, scope).pop()?;
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

    /// Take back the last answer in force (of the follow-up in focus, or of the main path), so
    /// that its question is asked again, with the reason given for it (required where
    /// [`crate::engine::rules::reason_to_change`] says so; never a BSN). Returns false at the
    /// first question (there is nothing to go back to). Taking back the answer that put a wait
    /// off takes its follow-up back with it.
    pub fn back(&mut self, at: Timestamp, reason: Option<&str>) -> Result<bool, WalkError> {
        let scope = self.focus.clone();
        let Some(taken) = crate::engine::in_force::in_force_keys_in(&self.events, scope.as_deref())
            .pop()
            .map(str::to_string)
        else {
            return Ok(false);
        };
        let required = crate::engine::rules::reason_to_change(self.set, &taken);
        let reason = crate::engine::rules::back_reason(required, reason).map_err(|mismatch| {
            WalkError::Refused {
                key: taken,
                mismatch,
            }
        })?;
        let mut events = self.events.clone();
        events.push(Event::Terug {
            tijd: at,
            vraag: String::new(),
            opvolging: scope.clone(),
            rol: self.actor.rol.clone(),
            door: self.actor.door.clone(),
            reden: reason,
        });
        let walk = rebuild(self.set, &events)?;
        let key = match &scope {
            Some(id) => walk.follow_up_question(id).map(|q| q.key),
            None => walk.question().map(|q| q.key),
        }
        .unwrap_or_default();
        if let Some(Event::Terug { vraag, .. }) = events.last_mut() {
            *vraag = key;
        }
        self.events = events;
        self.walk = walk;
        Ok(true)
    }
}

/// The last answer among `steps`, as the walk recorded it (normalised: every action marked, a
/// follow-up named).
fn last_answer(steps: &[crate::engine::step::Step<'_>]) -> Result<Answer, WalkError> {
    steps
        .iter()
        .rev()
        .find_map(|s| s.answer.clone())
        .ok_or_else(|| WalkError::Broken("antwoord niet vastgelegd".to_string()))
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
