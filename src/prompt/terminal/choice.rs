//! A decision or a wait in the terminal: pick an option, then give a reason. When the earlier
//! answers lead to a proposal, it is shown with its grounds and marked in the list; the engine
//! says which options can be taken at all (a binding proposal leaves one) and whether one needs
//! a reason (overruling the proposal does), and this file asks accordingly.

use super::widgets::{Got, HELP_REQUIRED_REASON, HELP_TEXT};
use super::Terminal;
use crate::engine::answer::Answer;
use crate::engine::prompter::{question_text, Reply};
use crate::engine::question::Question;
use crate::engine::rules::Mismatch;
use crate::error::Result;
use crate::flow::model::Choice;

/// The extra line at a decision in demonstration mode (`--uitleg`).
const WHAT_IF: &str = "⤷ Wat als…? (toon waar elke optie heen leidt)";

impl Terminal<'_> {
    pub(super) fn ask_choice(&self, question: &Question<'_>, options: &[Choice]) -> Result<Reply> {
        let labels = labels(question, options);
        self.show_proposal(question, options);
        // Only the options the engine would take: a binding proposal leaves one way to go.
        let (options, mut labels): (Vec<Choice>, Vec<String>) = options
            .iter()
            .zip(labels)
            .filter(|(o, _)| question.allows(&o.id))
            .map(|(o, l)| (o.clone(), l))
            .unzip();
        let options = options.as_slice();
        // Demonstration (--uitleg): one more line previews where each option leads, without
        // choosing; the preview comes from the flow graph (crate::flow::preview), not from the walk.
        let what_if = self.explain_always;
        if what_if {
            labels.push(WHAT_IF.to_string());
        }
        let (mut start, note) = starting_point(question, options);
        // At a wait, Enter alone must not record an event that has not happened (an
        // appointment kept, feedback received): the cursor starts at "Nog niet — later verder".
        if question.can_pause
            && question.previous.is_none()
            && matches!(question.node.body, crate::flow::model::Body::Wait { .. })
        {
            start = labels.len();
        }
        let message = question_text(question);
        loop {
            let index = match self.select(
                &message,
                &labels,
                start,
                question.can_pause,
                question.can_go_back,
            )? {
                Got::Value(i) if what_if && i == options.len() => {
                    self.say(&format!(
                        "\n{}\n",
                        crate::flow::preview::what_if_text(question.flow, &question.calls, options)
                    ));
                    continue;
                }
                Got::Value(i) => i,
                Got::Explain => {
                    self.explain(question);
                    continue;
                }
                Got::Pause => match self.pause()? {
                    Got::Value(expected) => return Ok(Reply::Pause { expected }),
                    _ => continue,
                },
                Got::Escape if question.can_go_back => return Ok(Reply::Back),
                Got::Escape => {
                    self.first_question();
                    continue;
                }
            };
            // A choice that ends the session is confirmed first: one Enter too many must not
            // close the path ("Geen actie op dit moment" after PPM = nee).
            if let Some(end) = crate::prompt::words::ends_the_session(question, &options[index]) {
                let ask = format!("Hiermee rondt u de sessie af ('{}'). Klopt dat?", end.title);
                if !super::widgets::confirm(&ask)? {
                    continue;
                }
            }
            if let Some(answer) = self.ask_reason(question, &options[index].id, &note)? {
                return Ok(Reply::Answer(answer));
            }
        }
    }

    /// The proposal, with the conditions it rests on and whether it binds.
    fn show_proposal(&self, question: &Question<'_>, options: &[Choice]) {
        let Some((heading, reasons, closing)) =
            crate::prompt::words::proposal_lines(question, options, "zie de uitleg: ?")
        else {
            return;
        };
        let mut text = format!("\n{heading}");
        for r in &reasons {
            text.push_str(&format!("\n  • {r}"));
        }
        text.push_str(&format!("\n{closing}"));
        self.say(&text);
    }

    /// The reason with the chosen option: required when the engine asks for one (overruling
    /// the proposal), else optional. `None`: Esc, back to the options.
    fn ask_reason(
        &self,
        question: &Question<'_>,
        optie: &str,
        note: &str,
    ) -> Result<Option<Answer>> {
        let without = Answer::Keuze {
            optie: optie.to_string(),
            toelichting: None,
        };
        let (prompt, help, required) = match question.check(&without) {
            Err(Mismatch::ReasonRequired { .. }) => (
                "U wijkt af van het voorstel. Reden (verplicht):",
                HELP_REQUIRED_REASON,
                true,
            ),
            Err(Mismatch::OptionNeedsReason { .. }) => (
                "Waarom? (verplicht; wordt vastgelegd)",
                HELP_REQUIRED_REASON,
                true,
            ),
            _ => ("Toelichting bij deze keuze (optioneel):", HELP_TEXT, false),
        };
        let mut note = note.to_string();
        loop {
            match self.text(prompt, help, required, &note)? {
                Got::Value(t) => {
                    let answer = Answer::Keuze {
                        optie: optie.to_string(),
                        toelichting: Some(t.clone()).filter(|t| !t.is_empty()),
                    };
                    match question.check(&answer) {
                        Ok(()) => return Ok(Some(answer)),
                        Err(m) => {
                            // Asked again from what was typed, to take the refused part out.
                            self.refused(&m);
                            note = t;
                        }
                    }
                }
                Got::Explain => self.explain(question),
                Got::Pause | Got::Escape => return Ok(None),
            }
        }
    }
}

/// The options as listed: label, the option's own explanation, and the proposal marked.
fn labels(question: &Question<'_>, options: &[Choice]) -> Vec<String> {
    let proposed = question.proposal.as_ref().map(|p| p.option.as_str());
    options
        .iter()
        .map(|o| {
            let label = match &o.explanation {
                Some(t) => format!("{} — {}", o.label, t.trim()),
                None => o.label.clone(),
            };
            if Some(o.id.as_str()) == proposed {
                format!("{label}   ← voorstel")
            } else {
                label
            }
        })
        .collect()
}

/// Where the cursor starts and the reason to start from: after "back", the answer given
/// before; else the proposal.
fn starting_point(question: &Question<'_>, options: &[Choice]) -> (usize, String) {
    match &question.previous {
        Some(Answer::Keuze { optie, toelichting }) => (
            options.iter().position(|o| &o.id == optie).unwrap_or(0),
            toelichting.clone().unwrap_or_default(),
        ),
        _ => (
            question
                .proposal
                .as_ref()
                .and_then(|p| options.iter().position(|o| o.id == p.option))
                .unwrap_or(0),
            String::new(),
        ),
    }
}
