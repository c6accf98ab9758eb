//! A decision or a wait, in plain lines: the proposal and its grounds first (when the earlier
//! answers lead to one), then the options numbered. The engine says which options can be taken
//! (a binding proposal leaves one) and whether one needs a reason (overruling the proposal
//! does); this file asks that reason right after the number. Any other reason is opt-in: a `+`
//! after the number, asked after the answer is saved. At a weighty question (`zwaarwegend`)
//! Enter alone picks nothing, also after `terug`. Also the pause ("later"), with its optional
//! date.

use super::io::{self, Typed};
use super::Plain;
use crate::clock::parse_date;
use crate::engine::answer::Answer;
use crate::engine::prompter::{question_text, Reply};
use crate::engine::question::Question;
use crate::engine::rules::Mismatch;
use crate::error::Result;
use crate::flow::model::Choice;

impl Plain<'_> {
    pub(super) fn ask_choice(&self, question: &Question<'_>, options: &[Choice]) -> Result<Reply> {
        self.show_proposal(question, options);
        // Only the options the engine would take: a binding proposal leaves one way to go.
        let options: Vec<&Choice> = options.iter().filter(|o| question.allows(&o.id)).collect();
        let proposed = question.proposal.as_ref().map(|p| p.option.as_str());
        let (previous, note) = match &question.previous {
            Some(Answer::Keuze { optie, toelichting }) => (
                Some(optie.as_str()),
                toelichting.clone().unwrap_or_default(),
            ),
            _ => (None, String::new()),
        };
        loop {
            self.say(&question_text(question));
            for (i, o) in options.iter().enumerate() {
                let mut line = format!("{}. {}", i + 1, o.label);
                if let Some(t) = &o.explanation {
                    line.push_str(&format!(" — {}", t.trim()));
                }
                if Some(o.id.as_str()) == proposed {
                    line.push_str(" (voorstel)");
                }
                if Some(o.id.as_str()) == previous {
                    line.push_str(" (eerder gekozen)");
                }
                self.say(&line);
            }
            if question.can_pause {
                self.say(if question.deferrable {
                    "l. Later, als opvolging; het pad gaat nu verder"
                } else if question.follow_up.is_some() {
                    "l. Nog niet, de opvolging blijft open"
                } else {
                    "l. Nog niet, later verder (de sessie wordt bewaard)"
                });
            }
            let weighty = crate::prompt::words::weighty(question);
            let prompt = format!(
                "Typ een nummer ({}{}; een + achter het nummer voor een toelichting):",
                if weighty {
                    "zwaarwegend: Enter alleen kiest niets; "
                } else {
                    ""
                },
                self.keys(question)
            );
            let index = loop {
                match self.read_answer(&prompt)? {
                    Typed::Explain => self.explain(question),
                    Typed::Back => {
                        if let Some(reply) = self.back(question) {
                            return Ok(reply);
                        }
                    }
                    Typed::Later if question.can_pause => {
                        if let Some(expected) = self.pause()? {
                            return Ok(Reply::Pause { expected });
                        }
                    }
                    Typed::Later => self.cannot_pause(),
                    Typed::Text(t) if t.is_empty() && weighty => {
                        self.say(crate::prompt::words::PICK_FIRST_SAID)
                    }
                    Typed::Text(t) => match pick(&t, &options) {
                        Some(i) => break i,
                        None => self.say(&format!(
                            "'{t}' is geen keuze. {}, of {}.",
                            io::type_a_number(options.len()),
                            self.keys(question)
                        )),
                    },
                }
            };
            if let Some(end) = crate::prompt::words::ends_the_session(question, options[index]) {
                if !self.confirm_end(end)? {
                    continue;
                }
            }
            if let Some(answer) = self.ask_reason(question, &options[index].id, &note)? {
                return Ok(Reply::Answer(answer));
            }
        }
    }

    /// Ask before a choice that ends the session; false: back to the options.
    fn confirm_end(&self, end: &crate::flow::model::Node) -> Result<bool> {
        let ask = format!(
            "{} (ja of nee):",
            crate::prompt::words::end_confirmation(end)
        );
        loop {
            match self.read_line(&ask)?.to_lowercase().as_str() {
                "j" | "ja" => return Ok(true),
                "n" | "nee" | "t" | "terug" => return Ok(false),
                _ => self.say("Typ ja of nee."),
            }
        }
    }

    /// The proposal, with the conditions it rests on and whether it binds.
    fn show_proposal(&self, question: &Question<'_>, options: &[Choice]) {
        let Some((heading, reasons, closing)) =
            crate::prompt::words::proposal_lines(question, options, "typ ? voor de uitleg")
        else {
            return;
        };
        self.say(&heading);
        for r in &reasons {
            self.say(&format!("- {r}"));
        }
        self.say(closing);
    }

    /// The answer with the chosen option, and its reason when the engine requires one
    /// (overruling the proposal, an option that must say why). `None`: `t`, back to the
    /// options.
    fn ask_reason(
        &self,
        question: &Question<'_>,
        optie: &str,
        note: &str,
    ) -> Result<Option<Answer>> {
        let answer = |toelichting: Option<String>| Answer::Keuze {
            optie: optie.to_string(),
            toelichting,
        };
        let prompt = match question.check(&answer(None)) {
            Err(Mismatch::ReasonRequired { .. }) => {
                "U wijkt af van het voorstel. Reden (verplicht; t: andere keuze):"
            }
            Err(Mismatch::OptionNeedsReason { .. }) => {
                "Waarom? (verplicht, wordt vastgelegd; t: andere keuze):"
            }
            _ => return Ok(Some(answer(None))),
        };
        // After "back": Enter alone keeps the reason given before.
        let earlier = note.to_string();
        if !earlier.is_empty() {
            self.say(&format!("Eerdere toelichting: {earlier} (Enter houdt die)"));
        }
        loop {
            let typed = match self.read(prompt)? {
                Typed::Explain => {
                    self.explain(question);
                    continue;
                }
                Typed::Back => return Ok(None),
                // 'later' here is text: a reason may say it.
                Typed::Later => "later".to_string(),
                Typed::Text(t) if t.is_empty() => earlier.clone(),
                Typed::Text(t) => t,
            };
            if typed.is_empty() {
                self.say("Een reden is hier verplicht. Typ de reden, of t voor een andere keuze.");
                continue;
            }
            let a = answer(Some(typed));
            match question.check(&a) {
                Ok(()) => return Ok(Some(a)),
                Err(m) => self.refused(&m),
            }
        }
    }

    /// "Nog niet — later verder": the expected date (optional). `None`: `t`, back to the
    /// question.
    pub(super) fn pause(&self) -> Result<Option<Option<jiff::civil::Date>>> {
        loop {
            let typed = self.read_line(&format!(
                "{} Datum (dd-mm-jjjj), Enter zonder datum, of t terug naar de vraag:",
                crate::prompt::words::expected_date_question(self.deferring.get())
            ))?;
            match typed.to_lowercase().as_str() {
                "" => return Ok(Some(None)),
                "t" | "terug" => return Ok(None),
                _ => match parse_date(&typed) {
                    Some(d) => return Ok(Some(Some(d))),
                    None => self.say(
                        "Geen geldige datum; typ bijvoorbeeld 20-12-2026, of Enter zonder datum.",
                    ),
                },
            }
        }
    }
}

/// The option typed: its number, or its id or label (case does not matter).
fn pick(typed: &str, options: &[&Choice]) -> Option<usize> {
    if let Some([k]) = io::numbers(typed, options.len()).as_deref() {
        return Some(*k);
    }
    options.iter().position(|o| {
        o.id.eq_ignore_ascii_case(typed) || o.label.to_lowercase() == typed.to_lowercase()
    })
}
