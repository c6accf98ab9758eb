//! The guided session for a screen reader (`--toegankelijk`, or `ZORGPAD_TOEGANKELIJK=1`):
//! plain lines, no redraw, no colour, no cursor movement. Every prompt prints the box and its
//! question as lines, lists the options numbered ("1. …"), and reads one line from standard
//! input: a number (or an option's id), `?` for the explanation, `t`/`terug` for one step back,
//! `l`/`later` to pause where the question may wait. It works without a terminal too (input
//! piped). Input that does not fit gets a Dutch line saying what to type, and the prompt comes
//! again. The end of the input stops the session like Ctrl-C (exit 130; everything answered is
//! saved).
//!
//! As in the terminal, whether an answer fits is the engine's to say ([`Question::check`]):
//! this prompter only presents, so the answers and the journal are the same as with the
//! terminal or an answers file. One file per kind of question: [`choice`], [`lists`]
//! (checklists and criteria), [`referral`] (with the contact block of a box with `kaart:`),
//! [`text`] (open questions, and the reason to go back); lines in and out in [`io`].

mod choice;
mod io;
mod lists;
mod referral;
mod reopen;
mod text;

use crate::engine::prompter::{BackDecision, Prompter, Reply, Withdrawing};
use crate::engine::question::Question;
use crate::engine::rules::Mismatch;
use crate::engine::step::Step;
use crate::error::{Error, Result};
use crate::flow::model::{Body, Kind};
use crate::kaart::Offer;
use io::Typed;

pub(crate) struct Plain<'k> {
    /// Show every step's explanation without being asked (`--uitleg`).
    explain_always: bool,
    /// The Sociale Kaart of the session, for the providers at a referral.
    offer: Option<Offer<'k>>,
    /// Whether the person asked for a note with the answer (a `+` after the numbers): it is
    /// asked after the answer is saved ([`Prompter::note`]).
    with_note: std::cell::Cell<bool>,
    /// "Later" at the current question puts a wait off as a follow-up (the date asked is
    /// when its answer is expected), rather than pausing the session.
    deferring: std::cell::Cell<bool>,
    /// The route so far, as `r` shows it, for the current question.
    route: Vec<String>,
    /// A demonstration's or exercise's banner, and the case to show again (`casus`).
    pub(super) stage: crate::prompt::Stage,
}

impl<'k> Plain<'k> {
    pub(crate) fn new(explain_always: bool) -> Plain<'k> {
        stop_on_signals();
        Plain {
            explain_always,
            offer: None,
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

/// Ctrl-C (SIGINT) and a closed terminal (SIGHUP) end the session with exit code 130. Every
/// answer is saved before the next question, so leaving at once loses nothing; `_exit` is the
/// only safe thing to do inside a signal handler.
fn stop_on_signals() {
    #[cfg(unix)]
    // SAFETY: the handlers only call `signal_hook::low_level::exit`, which is async-signal-safe.
    unsafe {
        for signal in [signal_hook::consts::SIGINT, signal_hook::consts::SIGHUP] {
            let _ = signal_hook::low_level::register(signal, || signal_hook::low_level::exit(130));
        }
    }
}

impl Plain<'_> {
    /// The client's gemeente, for the offer of the Sociale Kaart. `None`: unknown or not on the
    /// map (then every provider of a category is offered).
    pub(crate) fn ask_gemeente(&self, gemeenten: &[String]) -> Result<Option<String>> {
        if gemeenten.is_empty() {
            return Ok(None);
        }
        self.say("");
        self.say("In welke gemeente woont de cliënt?");
        for (i, g) in gemeenten.iter().enumerate() {
            self.say(&format!("{}. {g}", i + 1));
        }
        let unknown = gemeenten.len() + 1;
        self.say(&format!(
            "{unknown}. Onbekend, of een gemeente die niet op de kaart staat"
        ));
        loop {
            match self.read("Typ een nummer (? voor uitleg):")? {
                Typed::Explain => self.say(
                    "Uitleg: de gemeente bepaalt welk aanbod van de Sociale Kaart zorgpad bij een verwijzing toont (aanbod voor de hele regio staat er altijd bij). De naam van de cliënt is nooit nodig.",
                ),
                Typed::Text(t) => {
                    if let Some(g) = gemeenten.iter().find(|g| g.eq_ignore_ascii_case(&t)) {
                        return Ok(Some(g.clone()));
                    }
                    match io::numbers(&t, unknown).as_deref() {
                        Some([k]) => return Ok(gemeenten.get(*k).cloned()),
                        _ => self.say(&format!(
                            "Typ één nummer van {}, of ? voor uitleg.",
                            io::range(unknown)
                        )),
                    }
                }
                Typed::Back | Typed::Later => self.first_question(),
            }
        }
    }

    /// The head of a question: the boxes passed on the way, the step and role, the box and
    /// its text and footnotes.
    fn header(&self, question: &Question<'_>) {
        for step in &question.passed {
            self.passed(step);
        }
        // "Stap 2 van 5 · B4": where on the path this question is.
        let mut head = crate::prompt::words::progress(question).unwrap_or_default();
        if let Some(role) = &question.role {
            if !head.is_empty() {
                head.push_str(", ");
            }
            head.push_str(&role.label);
        }
        if let Some(call) = question.calls.last() {
            head.push_str(&format!(", {}", call.title));
        }
        self.say("");
        if let Some(banner) = &self.stage.banner {
            self.say(banner);
        }
        if !head.is_empty() {
            self.say(&format!("{head}."));
        }
        self.say(&format!(
            "Vraag {}: {}",
            question.number, question.node.title
        ));
        if let Some(tekst) = &question.node.text {
            self.say(tekst.trim_end());
        }
        for n in &question.node.footnotes {
            if let Some(note) = question.flow.footnotes.get(n) {
                self.say(&format!("Voetnoot {n}: {}", note.trim_end()));
            }
        }
        if self.explain_always {
            self.explain(question);
        }
    }

    fn passed(&self, step: &Step<'_>) {
        match &step.node.body {
            Body::End { .. } if !step.calls.is_empty() => self.say(&format!(
                "Klaar: {}",
                step.outcome.as_deref().unwrap_or_default()
            )),
            Body::End { .. } => {}
            _ => {
                self.say("");
                self.say(&format!("Voorbij: {}", step.node.title));
                if let Some(tekst) = &step.node.text {
                    self.say(tekst.trim_end());
                }
                if self.explain_always {
                    if let Some(uitleg) = &step.node.explanation {
                        self.say(&format!("Uitleg: {}", uitleg.trim_end()));
                    }
                }
            }
        }
    }

    fn explain(&self, question: &Question<'_>) {
        match &question.node.explanation {
            Some(uitleg) => self.say(&format!("Uitleg: {}", uitleg.trim_end())),
            None => self.say("Bij deze stap staat geen uitleg in de flow."),
        }
    }

    /// An answer the engine refuses: its reason as a sentence.
    fn refused(&self, mismatch: &Mismatch) {
        let text = mismatch.to_string();
        let quote = text.starts_with('\'');
        let rest = text.trim_start_matches('\'');
        let mut chars = rest.chars();
        let mut sentence = String::from(if quote { "'" } else { "" });
        sentence.extend(chars.next().map(|c| c.to_uppercase().collect::<String>()));
        sentence.push_str(chars.as_str());
        match mismatch {
            Mismatch::Bsn { .. } => {
                sentence.push_str(". ");
                sentence.push_str(crate::bsn::INSTEAD);
            }
            _ => sentence.push('.'),
        }
        self.say(&format!("Niet vastgelegd: {sentence}"));
    }

    fn first_question(&self) {
        self.say("Dit is de eerste vraag; er is geen vorige vraag om naar terug te gaan.");
    }

    /// `l`/`later` where the question cannot wait.
    fn cannot_pause(&self) {
        self.say("Hier kan de sessie niet pauzeren; alleen bij een wachtmoment of het MDO.");
    }

    /// `t`/`terug` at a question: a step back, or a line at the first question.
    fn back(&self, question: &Question<'_>) -> Option<Reply> {
        if question.can_go_back {
            Some(Reply::Back)
        } else {
            self.first_question();
            None
        }
    }

    /// The words that work at this prompt, for the line after a list.
    fn keys(&self, question: &Question<'_>) -> String {
        let mut keys = vec!["? uitleg"];
        if question.can_go_back {
            keys.push("t terug");
        }
        if question.can_pause {
            keys.push(if question.deferrable {
                "l later (als opvolging)"
            } else {
                "l later verder"
            });
        }
        keys.push("r route tot nu toe");
        if self.stage.story.is_some() {
            keys.push("casus: de casus opnieuw");
        }
        keys.join(", ")
    }

    /// `casus`: the case of the exercise again.
    fn show_story(&self) {
        if let Some(story) = &self.stage.story {
            self.say("De casus:");
            for line in story.lines() {
                self.say(line);
            }
        }
    }

    /// `r`: the questions answered so far, one short line each.
    fn show_route(&self) {
        if self.route.is_empty() {
            self.say("Route tot nu toe: nog geen vragen beantwoord.");
            return;
        }
        self.say("Route tot nu toe:");
        for line in &self.route {
            self.say(&format!("- {line}"));
        }
    }

    /// The note to the answer just saved (asked for with a `+` after the number). After
    /// `terug`, Enter keeps the note given before and `-` drops it. `None`: no note.
    fn ask_note(&self, question: &Question<'_>) -> Result<Option<String>> {
        let field = match question.node.body {
            Body::Decision { .. } | Body::Wait { .. } => "Toelichting bij deze keuze",
            _ => "Notitie bij deze stap",
        };
        let earlier = question
            .previous
            .as_ref()
            .and_then(|a| a.note())
            .unwrap_or_default()
            .to_string();
        if !earlier.is_empty() {
            self.say(&format!(
                "Eerdere tekst: {earlier} (Enter houdt die; typ - voor geen)"
            ));
        }
        let prompt = format!("{field} (het antwoord is bewaard; Enter zonder tekst: geen):");
        loop {
            let typed = self.read_line(&prompt)?;
            let typed = match typed.as_str() {
                "" => earlier.clone(),
                "-" => String::new(),
                "?" => {
                    self.explain(question);
                    continue;
                }
                _ => typed,
            };
            if typed.is_empty() {
                return Ok(None);
            }
            match question.check_note(&typed) {
                Ok(()) => return Ok(Some(typed)),
                Err(m) => self.refused(&m),
            }
        }
    }
}

impl Prompter for Plain<'_> {
    fn confirm_back(&mut self, back: &Withdrawing) -> Result<BackDecision> {
        self.ask_back(back)
    }

    fn choose_follow_up(&mut self, choices: &[String], other: &str) -> Result<Option<usize>> {
        self.say("");
        self.say("Welke opvolging beantwoordt u nu?");
        for (i, c) in choices.iter().enumerate() {
            self.say(&format!("{}. {c}", i + 1));
        }
        self.say(&format!("{}. {other}", choices.len() + 1));
        loop {
            match self.read("Typ een nummer:")? {
                Typed::Text(t) => match t.trim().parse::<usize>() {
                    Ok(n) if (1..=choices.len()).contains(&n) => return Ok(Some(n - 1)),
                    Ok(n) if n == choices.len() + 1 => return Ok(None),
                    _ => self.say(&format!(
                        "'{t}' is geen keuze. Typ een nummer van 1 tot en met {}.",
                        choices.len() + 1
                    )),
                },
                Typed::Back | Typed::Later => return Ok(None),
                Typed::Explain => self.say("Een opvolging is een vraag die later beantwoord wordt terwijl het pad doorgaat."),
            }
        }
    }

    fn note(&mut self, question: &Question<'_>) -> Result<Option<String>> {
        self.ask_note(question)
    }

    fn ask(&mut self, question: &Question<'_>) -> Result<Reply> {
        self.route = crate::prompt::words::route_lines(question, self.offer.as_ref());
        self.deferring.set(question.deferrable);
        // After `terug`, a note given before is offered again to edit.
        self.with_note
            .set(question.previous.as_ref().and_then(|a| a.note()).is_some());
        if let Some(line) = crate::prompt::words::follow_up_line(question) {
            self.say("");
            self.say(&line);
        }
        self.header(question);
        if let Some(contacts) = &question.contacts {
            self.show_contacts(contacts);
        }
        let reply = self.ask_kind(question)?;
        Ok(crate::prompt::with_note(reply, self.with_note.get()))
    }
}

impl Plain<'_> {
    fn ask_kind(&self, question: &Question<'_>) -> Result<Reply> {
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
