//! A box of actions in the terminal: which were done, which of the rest do not apply (n.v.t.),
//! and a note. Esc steps back one screen (note → n.v.t. → done → previous question). A box that
//! may not have happened yet (the MDO) first asks whether it has; there the session can pause.

use super::widgets::{Got, HELP_TEXT};
use super::Terminal;
use crate::engine::answer::{Answer, Mark, Status};
use crate::engine::prompter::Reply;
use crate::engine::question::Question;
use crate::error::Result;
use crate::flow::model::Action;

impl Terminal<'_> {
    pub(super) fn ask_checklist(&self, question: &Question<'_>, items: &[Action]) -> Result<Reply> {
        let labels = labels(question, items);
        // After "back", start from the marks given before.
        let (mut done, mut nvt, mut note) = previous_marks(question, items);
        if question.can_pause {
            if let Some(reply) = self.not_yet(question)? {
                return Ok(reply);
            }
        }
        'done: loop {
            match self.multi("Welke acties zijn gedaan?", &labels, &done)? {
                Got::Value((picked, explain)) => {
                    done = picked;
                    if explain {
                        self.explain(question);
                        continue 'done;
                    }
                }
                Got::Explain | Got::Pause => continue 'done,
                Got::Escape if question.can_go_back => return Ok(Reply::Back),
                Got::Escape => {
                    self.first_question();
                    continue 'done;
                }
            }
            // A mandatory action is done or stays open: it is not offered as n.v.t.
            let rest: Vec<usize> = (0..items.len())
                .filter(|k| !done.contains(k) && !items[*k].mandatory)
                .collect();
            nvt.retain(|k| rest.contains(k));
            'nvt: loop {
                if !rest.is_empty() && !self.ask_nvt(question, &labels, &rest, &mut nvt)? {
                    continue 'done;
                }
                // The note is asked again while the engine refuses it (a BSN in it).
                loop {
                    match self.ask_note(question, &note)? {
                        Some(typed) => {
                            let answer = Answer::Checklist {
                                acties: Mark::from_picks(items, &done, &nvt),
                                notitie: Some(typed.clone()).filter(|n| !n.is_empty()),
                            };
                            match question.check(&answer) {
                                Ok(()) => return Ok(Reply::Answer(answer)),
                                Err(m) => {
                                    self.refused(&m);
                                    note = typed;
                                }
                            }
                        }
                        None if rest.is_empty() => continue 'done,
                        None => continue 'nvt,
                    }
                }
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

    /// The note with the box. `None`: Esc, back one screen.
    fn ask_note(&self, question: &Question<'_>, note: &str) -> Result<Option<String>> {
        loop {
            match self.text("Notitie bij deze stap (optioneel):", HELP_TEXT, false, note)? {
                Got::Value(note) => return Ok(Some(note)),
                Got::Explain => self.explain(question),
                Got::Pause | Got::Escape => return Ok(None),
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

/// The positions marked done and n.v.t. and the note of the answer given before "back".
fn previous_marks(question: &Question<'_>, items: &[Action]) -> (Vec<usize>, Vec<usize>, String) {
    match &question.previous {
        Some(Answer::Checklist { acties, notitie }) => {
            let with = |status: Status| {
                items
                    .iter()
                    .enumerate()
                    .filter(|(_, a)| acties.iter().any(|m| m.id == a.id && m.status == status))
                    .map(|(k, _)| k)
                    .collect()
            };
            (
                with(Status::Gedaan),
                with(Status::Nvt),
                notitie.clone().unwrap_or_default(),
            )
        }
        _ => (Vec::new(), Vec::new(), String::new()),
    }
}
