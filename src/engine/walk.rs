//! The engine: walks a validated [`FlowSet`] as a state machine.
//!
//! A walk is a pure function of the answers given so far: [`Walk::replay`] rebuilds it from a
//! list of answers, which is how "back" works (drop the last answer, replay) and how a summary
//! is derived from a journal. Sub-flows are calls with a return address, so the Meldcode can be
//! used from several boxes. The engine never prints and never talks to a terminal; it hands out
//! [`Question`]s and takes [`Answer`]s.

use jiff::Timestamp;

use crate::engine::answer::Answer;
use crate::engine::cursor::{Cursor, Frame};
use crate::engine::follow_up::FollowUp;
use crate::engine::question::FollowUpRef;
use crate::engine::question::Question;
use crate::engine::step::{Step, WalkError};
use crate::flow::model::{Body, Flow, Node};
use crate::flow::set::FlowSet;

#[derive(Debug, Clone)]
pub struct Walk<'f> {
    set: &'f FlowSet,
    main: Cursor<'f>,
    follow_ups: Vec<FollowUp<'f>>,
}

impl<'f> Walk<'f> {
    /// A walk at the first question of the main flow.
    pub fn start(set: &'f FlowSet, at: Timestamp) -> Result<Walk<'f>, WalkError> {
        let main = set.main();
        let node = main
            .index(&main.start)
            .ok_or_else(|| WalkError::Broken(format!("de start '{}' bestaat niet", main.start)))?;
        let mut cursor = Cursor::at(vec![Frame { flow: 0, node }]);
        cursor.settle(set, &[], None, at)?;
        Ok(Walk {
            set,
            main: cursor,
            follow_ups: Vec::new(),
        })
    }

    /// The steps of the main path.
    pub fn steps(&self) -> &[Step<'f>] {
        &self.main.steps
    }

    /// The end reached, once the main flow has ended.
    pub fn outcome(&self) -> Option<&'f Node> {
        self.main.outcome
    }

    pub fn is_finished(&self) -> bool {
        self.main.ended
    }

    pub fn main(&self) -> &'f Flow {
        self.set.main()
    }

    /// The outcome of the main flow's end as reached, once the walk is finished. Its
    /// sentences that depend on what was done also see what the follow-ups did since (the
    /// feedback of Veilig Thuis received later, say), so that it never says "still open" of
    /// what has been done.
    pub fn outcome_text(&self) -> Option<String> {
        let end = self.main.outcome?;
        let last = self.main.steps.last()?;
        let Body::End { outcome, parts, .. } = &end.body else {
            return last.outcome.clone();
        };
        if self.follow_ups.is_empty() {
            return last.outcome.clone();
        }
        let trail: Vec<Step<'f>> = self
            .main
            .steps
            .iter()
            .chain(self.follow_ups.iter().flat_map(|f| f.steps()))
            .cloned()
            .collect();
        Some(crate::engine::condition::outcome_text(
            self.set, &trail, last.flow, outcome, parts,
        ))
    }

    /// Every follow-up put off in this walk, open or answered, in the order they were made.
    pub fn follow_ups(&self) -> &[FollowUp<'f>] {
        &self.follow_ups
    }

    /// The key of the question the main path waits at (`None` at the end), without making the
    /// whole question.
    pub fn main_key(&self) -> Option<String> {
        if self.main.ended {
            return None;
        }
        self.main.key(self.set)
    }

    /// The question the main path waits for, or `None` at the end.
    pub fn question(&self) -> Option<Question<'f>> {
        let mut question = self.main.question(self.set, &[])?;
        question.deferrable = is_follow_up_wait(question.node);
        Some(question)
    }

    /// The question a follow-up waits for, or `None` once it is answered (or unknown).
    pub fn follow_up_question(&self, id: &str) -> Option<Question<'f>> {
        let f = self.follow_ups.iter().find(|f| f.id == id)?;
        let mut question = f.cursor.question(self.set, &f.prefix)?;
        question.number += self.main.answered;
        question.deferrable = f.cursor.answered > 0 && is_follow_up_wait(question.node);
        question.follow_up = Some(FollowUpRef {
            id: f.id.clone(),
            due: f.is_due(self.steps(), self.main_key().as_deref()),
        });
        Some(question)
    }

    /// Record an answer to the current question of the main path and move on. At the end,
    /// only an [`Answer::Vervolg`] is taken (see [`Cursor::go_on`]).
    pub fn answer(&mut self, answer: Answer, at: Timestamp) -> Result<(), WalkError> {
        if let (Some(end), Answer::Vervolg { .. }) = (self.main.outcome, &answer) {
            return self.main.go_on(self.set, end, answer, at);
        }
        let answer = self.name_follow_up(self.main_key(), answer);
        let stack = self.main.stack.clone();
        self.main.answer(self.set, &[], None, answer, at)?;
        self.open_follow_up(None, stack);
        Ok(())
    }

    /// Record an answer to the question of follow-up `id` and move its own walk on.
    pub fn answer_follow_up(
        &mut self,
        id: &str,
        answer: Answer,
        at: Timestamp,
    ) -> Result<(), WalkError> {
        let index = self
            .follow_ups
            .iter()
            .position(|f| f.id == id && f.is_open())
            .ok_or_else(|| {
                WalkError::Mismatch(format!("de opvolging '{id}' staat niet (meer) open"))
            })?;
        let key = self.follow_ups[index].cursor.key(self.set);
        let answer = self.name_follow_up(key, answer);
        let f = &mut self.follow_ups[index];
        let stack = f.cursor.stack.clone();
        f.cursor
            .answer(self.set, &f.prefix, Some(&f.joins), answer, at)?;
        self.open_follow_up(Some(index), stack);
        Ok(())
    }

    /// A wait put off as a follow-up gets its id in the session (the key of the question it
    /// answers, `key`), unless it has one (replay).
    fn name_follow_up(&self, key: Option<String>, answer: Answer) -> Answer {
        match (answer, key) {
            (Answer::Opvolging { id, verwacht }, Some(key)) if id.is_empty() => {
                let taken = |candidate: &str| self.follow_ups.iter().any(|f| f.id == candidate);
                let mut id = key.clone();
                let mut n = 1;
                while taken(&id) {
                    n += 1;
                    id = format!("{key}#{n}");
                }
                Answer::Opvolging { id, verwacht }
            }
            (other, _) => other,
        }
    }

    /// After an answer on the main path (`parent` `None`) or in follow-up `parent`: when it
    /// put a wait off, the follow-up it opens, at that wait (`stack`, as it was).
    fn open_follow_up(&mut self, parent: Option<usize>, stack: Vec<Frame>) {
        let cursor = match parent {
            None => &self.main,
            Some(i) => &self.follow_ups[i].cursor,
        };
        // The answer just given is the step before those passed since.
        let Some(origin) = cursor.since.checked_sub(1) else {
            return;
        };
        let deferred = cursor.steps[origin].clone();
        let Some(Answer::Opvolging { id, .. }) = &deferred.answer else {
            return;
        };
        let (parent_prefix, parent_joins, main_index) = match parent {
            None => (Vec::new(), Vec::new(), origin + 1),
            Some(i) => {
                let p = &self.follow_ups[i];
                (p.prefix.clone(), p.joins.clone(), p.main_index)
            }
        };
        let mut prefix = parent_prefix;
        prefix.extend(cursor.steps[..=origin].iter().cloned());
        // Where the path went on after putting it off: the follow-up rejoins it there.
        let mut joins: Vec<String> = cursor.steps[origin + 1..].iter().map(Step::key).collect();
        joins.extend(cursor.key(self.set));
        joins.extend(parent_joins);
        let latest = match &deferred.node.body {
            Body::Wait {
                follow_up: Some(rule),
                ..
            } => rule.latest.clone(),
            _ => None,
        };
        self.follow_ups.push(FollowUp {
            id: id.clone(),
            deferred: deferred.clone(),
            parent,
            prefix,
            joins,
            latest,
            main_index,
            cursor: Cursor::at(stack),
        });
    }
}

/// A wait with `opvolging:`: it can be put off while the path goes on.
fn is_follow_up_wait(node: &Node) -> bool {
    matches!(
        node.body,
        Body::Wait {
            follow_up: Some(_),
            ..
        }
    )
}

/// The node a question key points at: the call nodes lead into their sub-flows.
pub fn node_for_key<'f>(set: &'f FlowSet, key: &str) -> Option<&'f Node> {
    let mut flow = set.main();
    let mut parts = key.split('/').peekable();
    while let Some(id) = parts.next() {
        let node = flow.node(id)?;
        if parts.peek().is_none() {
            return Some(node);
        }
        match &node.body {
            Body::Subflow { flow: callee, .. } => flow = set.get(callee)?,
            _ => return None,
        }
    }
    None
}
