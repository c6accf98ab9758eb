//! "Nog niet — later verder": at a wait (appointment, birth) and at the MDO the session can
//! pause. The terminal asks for the date it expects to go on (optional); at a box of actions
//! that may not have happened yet it first asks whether it has.

use inquire::Text;

use super::widgets::{escape_or, Got};
use super::Terminal;
use crate::clock::parse_date;
use crate::engine::prompter::Reply;
use crate::engine::question::Question;
use crate::error::Result;

impl Terminal<'_> {
    /// "Nog niet — later verder": ask for the expected date (optional). Esc returns to the
    /// question.
    pub(super) fn pause(&self) -> Result<Got<Option<jiff::civil::Date>>> {
        let message = format!(
            "{} Datum (dd-mm-jjjj, optioneel):",
            crate::prompt::words::expected_date_question(self.deferring.get())
        );
        let got = Text::new(&message)
            .with_help_message("Enter zonder datum om over te slaan · Esc terug naar de vraag")
            .with_validator(|s: &str| {
                Ok(if s.trim().is_empty() || parse_date(s).is_some() {
                    inquire::validator::Validation::Valid
                } else {
                    inquire::validator::Validation::Invalid(
                        "Geen geldige datum; typ bijvoorbeeld 20-12-2026.".into(),
                    )
                })
            })
            .prompt();
        match got {
            Ok(s) => Ok(Got::Value(parse_date(&s))),
            Err(e) => escape_or(e),
        }
    }

    /// Something that may not have happened yet (the MDO): ask first. `Some` when the answer is
    /// a pause or a step back instead.
    pub(super) fn not_yet(&self, question: &Question<'_>) -> Result<Option<Reply>> {
        self.now_or_later(question, "Is dit al gebeurd?", "Ja, nu vastleggen")
    }

    /// Answer now (`None`), or pause ("nog niet — later verder") or step back (`Some`).
    pub(super) fn now_or_later(
        &self,
        question: &Question<'_>,
        message: &str,
        now: &str,
    ) -> Result<Option<Reply>> {
        let labels = [now.to_string()];
        loop {
            let extra = super::widgets::Extra {
                pause: true,
                back: question.can_go_back,
                ..Default::default()
            };
            match self.select(message, &labels, Some(0), extra)? {
                Got::Value(_) => return Ok(None),
                Got::Explain => self.explain(question),
                Got::Pause => match self.pause()? {
                    Got::Value(expected) => return Ok(Some(Reply::Pause { expected })),
                    _ => continue,
                },
                Got::Escape if question.can_go_back => return Ok(Some(Reply::Back)),
                Got::Escape => self.first_question(),
            }
        }
    }
}
