//! A decision or a wait in the terminal: pick an option. When the earlier answers lead to a
//! proposal, it is shown with its grounds and marked in the list; the engine says which options
//! can be taken at all (a binding proposal leaves one) and whether one needs a reason
//! (overruling the proposal does), and this file asks that reason right after the choice. A
//! note that is not required is opt-in: "✎ Met toelichting…" in the list, asked after the
//! answer is saved. At a weighty question (`zwaarwegend`) the cursor starts at "— kies een
//! antwoord —", where Enter picks nothing.

use super::widgets::{Extra, Got, HELP_REQUIRED_REASON};
use super::Terminal;
use crate::engine::answer::Answer;
use crate::engine::prompter::{question_text, Reply};
use crate::engine::question::Question;
use crate::engine::rules::Mismatch;
use crate::error::Result;
use crate::flow::model::Choice;
use crate::prompt::words;

/// The extra line at a decision in demonstration mode (`--uitleg`).
const WHAT_IF: &str = "⤷ Wat als…? (toon waar elke optie heen leidt)";

impl Terminal<'_> {
    pub(super) fn ask_choice(&self, question: &Question<'_>, options: &[Choice]) -> Result<Reply> {
        let weighty = words::weighty(question);
        let labels = labels(question, options, weighty);
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
        // A weighty question starts at "— kies een antwoord —": Enter alone records nothing.
        if weighty {
            start = None;
        }
        // At a wait, Enter alone must not record an event that has not happened (an
        // appointment kept, feedback received): the cursor starts at "Nog niet — later verder".
        if question.can_pause
            && question.previous.is_none()
            && matches!(question.node.body, crate::flow::model::Body::Wait { .. })
        {
            start = Some(labels.len());
        }
        let extra = Extra {
            pause: question.can_pause,
            back: question.can_go_back,
            note: Some(words::WITH_REASON),
            route: true,
            neutral: weighty,
        };
        let message = question_text(question);
        loop {
            let index = match self.select(&message, &labels, start, extra)? {
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
            if let Some(end) = words::ends_the_session(question, &options[index]) {
                if !super::widgets::confirm(&words::end_confirmation(end))? {
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
            words::proposal_lines(question, options, "zie de uitleg: ?")
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

    /// The answer with the chosen option, and its reason when the engine requires one
    /// (overruling the proposal, an option that must say why). `None`: Esc, back to the options.
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
        let prompt = match question.check(&without) {
            Err(Mismatch::ReasonRequired { .. }) => {
                "U wijkt af van het voorstel. Reden (verplicht):"
            }
            Err(Mismatch::OptionNeedsReason { .. }) => "Waarom? (verplicht; wordt vastgelegd)",
            _ => return Ok(Some(without)),
        };
        let mut note = note.to_string();
        loop {
            match self.text(prompt, HELP_REQUIRED_REASON, true, &note)? {
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

/// The options as listed: label, the option's own explanation, the proposal marked, and at a
/// weighty question the answer given before "back" (the cursor does not start there).
fn labels(question: &Question<'_>, options: &[Choice], weighty: bool) -> Vec<String> {
    let proposed = question.proposal.as_ref().map(|p| p.option.as_str());
    let before = match &question.previous {
        Some(Answer::Keuze { optie, .. }) if weighty => Some(optie.as_str()),
        _ => None,
    };
    options
        .iter()
        .map(|o| {
            let mut label = match &o.explanation {
                Some(t) => format!("{} — {}", o.label, t.trim()),
                None => o.label.clone(),
            };
            if Some(o.id.as_str()) == proposed {
                label.push_str("   ← voorstel");
            }
            if Some(o.id.as_str()) == before {
                label.push_str("   ← eerder gekozen");
            }
            label
        })
        .collect()
}

/// Where the cursor starts and the reason to start from: after "back", the answer given
/// before; else the proposal.
fn starting_point(question: &Question<'_>, options: &[Choice]) -> (Option<usize>, String) {
    match &question.previous {
        Some(Answer::Keuze { optie, toelichting }) => (
            Some(options.iter().position(|o| &o.id == optie).unwrap_or(0)),
            toelichting.clone().unwrap_or_default(),
        ),
        _ => (
            Some(
                question
                    .proposal
                    .as_ref()
                    .and_then(|p| options.iter().position(|o| o.id == p.option))
                    .unwrap_or(0),
            ),
            String::new(),
        ),
    }
}
