//! A text question in the terminal: the answer is typed in the person's own words (who
//! becomes coördinerend zorgverlener, the ages of the children). `?` shows the explanation,
//! Esc goes back. Where the question may wait, an empty answer offers "nog niet — later
//! verder"; elsewhere the engine refuses it, and this file shows why and asks again.

use super::widgets::Got;
use super::Terminal;
use crate::engine::answer::Answer;
use crate::engine::prompter::{question_text, Reply};
use crate::engine::question::Question;
use crate::error::Result;

const HELP_ANSWER: &str = "typ het antwoord en Enter · ? voor uitleg · Esc terug · Ctrl-C stoppen";
const HELP_ANSWER_LATER: &str =
    "typ het antwoord en Enter · leeg laten: later verder · ? voor uitleg · Esc terug";

impl Terminal<'_> {
    pub(super) fn ask_text(&self, question: &Question<'_>) -> Result<Reply> {
        let message = question_text(question);
        let help = if question.can_pause {
            HELP_ANSWER_LATER
        } else {
            HELP_ANSWER
        };
        let mut typed = match &question.previous {
            Some(Answer::Tekst { tekst }) => tekst.clone(),
            _ => String::new(),
        };
        loop {
            match self.text(&message, help, false, &typed)? {
                Got::Value(tekst) if tekst.is_empty() && question.can_pause => {
                    if let Some(reply) = self.not_answered(question)? {
                        return Ok(reply);
                    }
                }
                Got::Value(tekst) => {
                    let answer = Answer::Tekst { tekst };
                    match question.check(&answer) {
                        Ok(()) => return Ok(Reply::Answer(answer)),
                        Err(m) => {
                            // Asked again from what was typed, to take the refused part out.
                            self.refused(&m);
                            if let Answer::Tekst { tekst } = answer {
                                typed = tekst;
                            }
                        }
                    }
                }
                Got::Explain => self.explain(question),
                Got::Escape if question.can_go_back => return Ok(Reply::Back),
                Got::Escape => self.first_question(),
                Got::Pause => {}
            }
        }
    }

    /// An empty answer where the question may wait: pause ("nog niet — later verder"), or type
    /// an answer after all (`None`). Esc goes back when it can.
    fn not_answered(&self, question: &Question<'_>) -> Result<Option<Reply>> {
        self.now_or_later(
            question,
            "Er is nog geen antwoord. Later verder?",
            "Toch nu een antwoord typen",
        )
    }
}
