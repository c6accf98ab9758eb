//! A box of actions in the terminal: which were done, and which of the rest do not apply
//! (n.v.t.). A note is opt-in: tick "✎ Met notitie…" with the actions, and it is asked after
//! the answer is saved. Esc steps back one screen (n.v.t. → done → previous question). A box that
//! may not have happened yet (the MDO) first asks whether it has; there the session can pause.

use super::widgets::{Extra, Got};
use super::Terminal;
use crate::engine::answer::{Answer, Mark, Status};
use crate::engine::prompter::Reply;
use crate::engine::question::Question;
use crate::error::Result;
use crate::flow::model::Action;
use crate::prompt::words;

impl Terminal<'_> {
    pub(super) fn ask_checklist(&self, question: &Question<'_>, items: &[Action]) -> Result<Reply> {
        let labels = labels(question, items);
        // After "back", start from the marks given before.
        let (mut done, mut nvt) = previous_marks(question, items);
        if question.can_pause {
            if let Some(reply) = self.not_yet(question)? {
                return Ok(reply);
            }
        }
        let extra = Extra {
            note: Some(words::WITH_NOTE),
            route: true,
            ..Extra::default()
        };
        loop {
            match self.multi("Welke acties zijn gedaan?", &labels, &done, extra)? {
                Got::Value((picked, explain)) => {
                    done = picked;
                    if explain {
                        self.explain(question);
                        continue;
                    }
                }
                Got::Explain | Got::Pause => continue,
                Got::Escape if question.can_go_back => return Ok(Reply::Back),
                Got::Escape => {
                    self.first_question();
                    continue;
                }
            }
            // A mandatory action is done or stays open: it is not offered as n.v.t.
            let rest: Vec<usize> = (0..items.len())
                .filter(|k| !done.contains(k) && !items[*k].mandatory)
                .collect();
            nvt.retain(|k| rest.contains(k));
            if !rest.is_empty() && !self.ask_nvt(question, &labels, &rest, &mut nvt)? {
                continue;
            }
            // A note is opt-in ("✎ Met notitie…"): asked after the answer is saved.
            let answer = Answer::Checklist {
                acties: Mark::from_picks(items, &done, &nvt),
                notitie: None,
            };
            match question.check(&answer) {
                Ok(()) => return Ok(Reply::Answer(answer)),
                Err(m) => self.refused(&m),
            }
        }
    }

    /// Which of the actions not done (`rest`, positions in `labels`) do not apply, into `nvt`.
    /// False: Esc, back to the actions done.
    fn ask_nvt(
        &self,
        question: &Question<'_>,
        labels: &[String],
        rest: &[usize],
        nvt: &mut Vec<usize>,
    ) -> Result<bool> {
        let rest_labels: Vec<String> = rest.iter().map(|k| labels[*k].clone()).collect();
        loop {
            let defaults: Vec<usize> = rest
                .iter()
                .enumerate()
                .filter(|(_, k)| nvt.contains(k))
                .map(|(i, _)| i)
                .collect();
            match self.multi(
                "Welke van de overige acties zijn niet van toepassing (n.v.t.)? De rest blijft open.",
                &rest_labels,
                &defaults,
                Extra::default(),
            )? {
                Got::Value((picked, explain)) => {
                    *nvt = picked.iter().map(|i| rest[*i]).collect();
                    if !explain {
                        return Ok(true);
                    }
                    self.explain(question);
                }
                Got::Explain | Got::Pause => {}
                Got::Escape => return Ok(false),
            }
        }
    }
}

/// The actions as listed.
fn labels(question: &Question<'_>, items: &[Action]) -> Vec<String> {
    items
        .iter()
        .map(|a| crate::prompt::words::action_label(question, a))
        .collect()
}

/// The positions marked done and n.v.t. in the answer given before "back".
fn previous_marks(question: &Question<'_>, items: &[Action]) -> (Vec<usize>, Vec<usize>) {
    match &question.previous {
        Some(Answer::Checklist { acties, .. }) => {
            let with = |status: Status| {
                items
                    .iter()
                    .enumerate()
                    .filter(|(_, a)| acties.iter().any(|m| m.id == a.id && m.status == status))
                    .map(|(k, _)| k)
                    .collect()
            };
            (with(Status::Gedaan), with(Status::Nvt))
        }
        _ => (Vec::new(), Vec::new()),
    }
}
