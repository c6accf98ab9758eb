//! The criteria of a decision in the terminal: tick the ones that apply. What is ticked feeds
//! the proposal at the decision that follows. Criteria that earlier answers point to (a positive
//! Kindcheck, refused consent) are ticked in advance and say why; unticking one asks for a
//! reason, which is recorded as the note.

use super::widgets::{Extra, Got};
use super::Terminal;
use crate::engine::answer::Answer;
use crate::engine::prompter::{question_text, Reply};
use crate::engine::question::Question;
use crate::error::Result;
use crate::flow::model::Action;
use crate::prompt::words;

/// The help line of the reason for unticking a criterion ticked in advance: the reason is
/// required, so Enter does not skip it.
const HELP_UNTICK_REASON: &str =
    "typ de reden en Enter · ? voor uitleg · Esc terug naar de criteria";

impl Terminal<'_> {
    pub(super) fn ask_criteria(&self, question: &Question<'_>, items: &[Action]) -> Result<Reply> {
        let labels: Vec<String> = items
            .iter()
            .map(|a| match question.preset.iter().any(|p| p.id == a.id) {
                true => format!("{} *", a.text),
                false => a.text.clone(),
            })
            .collect();
        // Why a criterion is ticked in advance, once, above the list.
        if !question.preset.is_empty() {
            self.say(
                "* Vooraf aangevinkt op grond van eerdere antwoorden (uitvinken mag, met een reden):",
            );
            for p in &question.preset {
                if let Some(item) = items.iter().find(|a| a.id == p.id) {
                    self.say(&format!("  • {}: {}", item.text, p.because));
                }
            }
        }
        let (mut ticked, mut note): (Vec<usize>, String) = match &question.previous {
            Some(Answer::Criteria { gelden, notitie }) => (
                items
                    .iter()
                    .enumerate()
                    .filter(|(_, a)| gelden.contains(&a.id))
                    .map(|(k, _)| k)
                    .collect(),
                notitie.clone().unwrap_or_default(),
            ),
            _ => (
                items
                    .iter()
                    .enumerate()
                    .filter(|(_, a)| question.preset.iter().any(|p| p.id == a.id))
                    .map(|(k, _)| k)
                    .collect(),
                String::new(),
            ),
        };
        let message = question_text(question);
        'ticks: loop {
            let extra = Extra {
                note: Some(words::WITH_NOTE),
                route: true,
                ..Extra::default()
            };
            match self.multi(&message, &labels, &ticked, extra)? {
                Got::Value((picked, explain)) => {
                    ticked = picked;
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
            let gelden: Vec<String> = ticked.iter().map(|k| items[*k].id.clone()).collect();
            let unticked = question.preset.iter().any(|p| !gelden.contains(&p.id));
            // A criterion ticked in advance and unticked needs a reason: ask for it (Esc: back
            // to the ticks). Otherwise a note is opt-in ("✎ Met notitie…"), asked after the
            // answer is saved.
            loop {
                let notitie = if unticked {
                    match self.text(
                        "U vinkte een vooraf aangevinkt criterium uit. Waarom? (wordt vastgelegd)",
                        HELP_UNTICK_REASON,
                        true,
                        &note,
                    )? {
                        Got::Value(typed) => Some(typed),
                        Got::Explain => {
                            self.explain(question);
                            continue;
                        }
                        Got::Pause | Got::Escape => continue 'ticks,
                    }
                } else {
                    None
                };
                let answer = Answer::Criteria {
                    gelden: gelden.clone(),
                    notitie: notitie.clone(),
                };
                match question.check(&answer) {
                    Ok(()) => return Ok(Reply::Answer(answer)),
                    Err(m) => {
                        self.refused(&m);
                        note = notitie.unwrap_or_default();
                        if !unticked {
                            continue 'ticks;
                        }
                    }
                }
            }
        }
    }
}
