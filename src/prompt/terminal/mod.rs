//! The guided session in a terminal, with inquire. The only module that talks to a person.
//!
//! Every word on screen is Dutch, including the help lines and the markers that inquire would
//! print in English. At every prompt the user can ask for the explanation of the step (the
//! "? Uitleg" choice, or typing `?` in a text field) and go back one question (Esc, or the
//! "← Terug" choice). Ctrl-C stops the session with exit code 130. At a wait (appointment,
//! birth) and at the MDO the user can answer "nog niet — later verder": the session pauses.
//!
//! This file holds the terminal itself and sends each question to the file for its kind:
//! [`choice`], [`checklist`], [`criteria`], [`referral`], [`text`]. What is printed around the
//! prompts is in [`style`] (and, for a box with `kaart:`, whom to reach, in [`contact`]), the
//! inquire prompts themselves in [`widgets`], the pause in [`pause`]. Whether an answer fits is
//! the engine's to say ([`Question::check`]); this front end only shows why not and asks again.

mod back;
mod checklist;
mod choice;
mod contact;
mod criteria;
mod pause;
mod referral;
mod reopen;
mod style;
mod text;
mod widgets;

use inquire::ui::{ErrorMessageRenderConfig, RenderConfig, Styled};

use crate::engine::prompter::{BackDecision, Prompter, Reply, Withdrawing};
use crate::engine::question::Question;
use crate::error::{Error, Result};
use crate::flow::model::{Body, Kind};
use crate::kaart::Offer;
use widgets::Got;

pub(crate) use widgets::{confirm, passphrase};

pub(crate) struct Terminal<'k> {
    /// Show every step's explanation without being asked (`--uitleg`).
    explain_always: bool,
    color: bool,
    /// The Sociale Kaart of the session, for the providers at a referral.
    offer: Option<Offer<'k>>,
    /// What "later" means at the question being asked.
    later: std::cell::Cell<&'static str>,
    /// Whether the person chose to add a note to the answer of the current question: it is
    /// asked after the answer is saved ([`Prompter::note`]).
    with_note: std::cell::Cell<bool>,
    /// "Later" at the current question puts a wait off as a follow-up (the date asked is
    /// when its answer is expected), rather than pausing the session.
    deferring: std::cell::Cell<bool>,
    /// The route so far, as "⋯ Route tot nu toe" shows it, for the current question.
    route: Vec<String>,
    /// A demonstration's or exercise's banner, and the case to show again.
    pub(super) stage: crate::prompt::Stage,
}

impl<'k> Terminal<'k> {
    pub(crate) fn new(explain_always: bool, color: bool) -> Terminal<'k> {
        let mut config = if color {
            RenderConfig::default_colored()
        } else {
            RenderConfig::empty()
        };
        config.canceled_prompt_indicator = Styled::new("<terug>");
        if !color {
            // Without colour, answered and open questions must still look different.
            config.answered_prompt_prefix = Styled::new(">");
        }
        config.error_message = ErrorMessageRenderConfig {
            default_message: "Ongeldige invoer.",
            prefix: Styled::new("!"),
            ..config.error_message
        };
        inquire::set_global_render_config(config);
        exit_on_hangup();
        Terminal {
            explain_always,
            color,
            offer: None,
            later: std::cell::Cell::new(""),
            with_note: std::cell::Cell::new(false),
            deferring: std::cell::Cell::new(false),
            route: Vec::new(),
            stage: crate::prompt::Stage::default(),
        }
    }

    /// The Sociale Kaart to offer the providers of a referral from.
    pub(crate) fn set_offer(&mut self, offer: Offer<'k>) {
        self.offer = Some(offer);
    }
}

impl Terminal<'_> {
    /// The client's gemeente, for the offer of the Sociale Kaart. `None`: unknown or not on the
    /// map (then every provider of a category is offered).
    pub(crate) fn ask_gemeente(&self, gemeenten: &[String]) -> Result<Option<String>> {
        if gemeenten.is_empty() {
            return Ok(None);
        }
        let mut labels = gemeenten.to_vec();
        labels.push("Onbekend, of een gemeente die niet op de kaart staat".to_string());
        self.say("");
        loop {
            match self.select(
                "In welke gemeente woont de cliënt?",
                &labels,
                Some(0),
                widgets::Extra::default(),
            )? {
                Got::Value(i) => return Ok(gemeenten.get(i).cloned()),
                Got::Explain => self.say(
                    "\nUitleg: de gemeente bepaalt welk aanbod van de Sociale Kaart zorgpad bij een verwijzing toont (aanbod voor de hele regio staat er altijd bij). De naam van de cliënt is nooit nodig.\n",
                ),
                Got::Pause | Got::Escape => self.first_question(),
            }
        }
    }
}

/// A closed terminal (SIGHUP) ends the session with exit code 130. Every answer is saved
/// before the next question, so leaving at once loses nothing; `_exit` is the only safe thing
/// to do inside a signal handler.
fn exit_on_hangup() {
    #[cfg(unix)]
    // SAFETY: the handler only calls `signal_hook::low_level::exit`, which is async-signal-safe.
    unsafe {
        let _ = signal_hook::low_level::register(signal_hook::consts::SIGHUP, || {
            signal_hook::low_level::exit(130)
        });
    }
}

impl Prompter for Terminal<'_> {
    fn confirm_back(&mut self, back: &Withdrawing) -> Result<BackDecision> {
        self.ask_back(back)
    }

    fn choose_follow_up(&mut self, choices: &[String], other: &str) -> Result<Option<usize>> {
        let mut labels = choices.to_vec();
        labels.push(other.to_string());
        loop {
            match self.select("Welke opvolging beantwoordt u nu?", &labels, Some(0), widgets::Extra::default())? {
                Got::Value(i) => return Ok((i < choices.len()).then_some(i)),
                Got::Explain => self.say(
                    "\nUitleg: een opvolging is een vraag die later beantwoord wordt terwijl het pad doorgaat, zoals vraag 5 van het afwegingskader of de terugkoppeling van Veilig Thuis.\n",
                ),
                Got::Pause | Got::Escape => return Ok(None),
            }
        }
    }

    fn note(&mut self, question: &Question<'_>) -> Result<Option<String>> {
        self.ask_note(question)
    }

    fn ask(&mut self, question: &Question<'_>) -> Result<Reply> {
        self.route = crate::prompt::words::route_lines(question, self.offer.as_ref());
        self.deferring.set(question.deferrable);
        // After "back", a note given before is offered again to edit.
        self.with_note
            .set(question.previous.as_ref().and_then(|a| a.note()).is_some());
        self.later.set(crate::prompt::words::later_label(question));
        if let Some(line) = crate::prompt::words::follow_up_line(question) {
            self.say(&format!("\n{line}"));
        }
        self.header(question);
        if let Some(contacts) = &question.contacts {
            self.show_contacts(contacts);
        }
        let reply = self.ask_kind(question)?;
        Ok(crate::prompt::with_note(reply, self.with_note.get()))
    }
}

impl Terminal<'_> {
    fn ask_kind(&mut self, question: &Question<'_>) -> Result<Reply> {
        match &question.node.body {
            Body::Decision { options, .. } | Body::Wait { options, .. } => {
                self.ask_choice(question, options)
            }
            Body::Action { items, .. } => self.ask_checklist(question, items),
            Body::Criteria { items, .. } => self.ask_criteria(question, items),
            Body::Text { .. } => self.ask_text(question),
            Body::Referral { category, .. } => {
                let offer = self.offer.ok_or_else(crate::prompt::no_offer)?;
                self.ask_referral(question, category, &offer)
            }
            other => Err(Error::input(format!(
                "knoop '{}' van soort '{}' stelt geen vraag",
                question.node.id,
                Kind::dutch(other.kind())
            ))),
        }
    }
}
