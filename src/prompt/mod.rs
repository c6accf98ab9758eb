//! The prompters: the ways a question of the engine gets its answer. A person in a terminal
//! ([`terminal`]), a person with a screen reader or any line-based input ([`plain`]), an
//! answers file ([`script`]), and the cooperation scan's own questions ([`scan`]).

pub(crate) mod contact;
pub(crate) mod plain;
pub(crate) mod reopen;
pub(crate) mod scan;
pub(crate) mod scan_plain;
pub mod script;
pub(crate) mod terminal;
pub(crate) mod words;

use crate::engine::prompter::{BackDecision, Prompter, Reply, Withdrawing};
use crate::engine::question::Question;
use crate::error::Result;
use crate::kaart::Offer;

/// A referral asked of a prompter that was given no Sociale Kaart: a mistake in zorgpad, not in
/// what the user did.
pub(crate) fn no_offer() -> crate::error::Error {
    crate::error::Error::input("bij deze verwijzing is geen Sociale Kaart beschikbaar")
}

/// The reply, as one that asks for a note after the answer is saved when the person chose so
/// (`wanted`), unless the answer already has one (a required reason) or cannot have one (a
/// text answer).
pub(crate) fn with_note(reply: Reply, wanted: bool) -> Reply {
    match reply {
        Reply::Answer(answer)
            if wanted
                && answer.note().is_none()
                && !matches!(answer, crate::engine::answer::Answer::Tekst { .. }) =>
        {
            Reply::AnswerWithNote(answer)
        }
        other => other,
    }
}

/// What a run that is no real session shows beside its questions: a line above every question
/// (`DEMONSTRATIE — wordt niet bewaard`), and a text that can be shown again at every prompt
/// (the story of a practice case: [`SHOW_STORY`] in a list, [`STORY_KEY`] typed).
#[derive(Debug, Clone, Default)]
pub(crate) struct Stage {
    pub(crate) banner: Option<String>,
    pub(crate) story: Option<String>,
}

/// The extra line of a list that shows the case again.
pub(crate) const SHOW_STORY: &str = "📄 Casus opnieuw tonen";
/// What to type at a prompt (plain lines, or an open question in the terminal) to show the case
/// again.
pub(crate) const STORY_KEY: &str = "casus";

/// A person answering: in the terminal's prompts, or in plain lines (`--toegankelijk`).
pub(crate) enum Person<'k> {
    Terminal(terminal::Terminal<'k>),
    Plain(plain::Plain<'k>),
}

impl<'k> Person<'k> {
    /// Plain lines when `plain`; else the terminal's prompts (with colour when `color`).
    pub(crate) fn new(plain: bool, explain_always: bool, color: bool) -> Person<'k> {
        if plain {
            Person::Plain(plain::Plain::new(explain_always))
        } else {
            Person::Terminal(terminal::Terminal::new(explain_always, color))
        }
    }

    /// The Sociale Kaart to offer the providers of a referral from.
    pub(crate) fn set_offer(&mut self, offer: Offer<'k>) {
        match self {
            Person::Terminal(t) => t.set_offer(offer),
            Person::Plain(p) => p.set_offer(offer),
        }
    }

    /// The banner above every question, and the text that can be shown again.
    pub(crate) fn set_stage(&mut self, stage: Stage) {
        match self {
            Person::Terminal(t) => t.stage = stage,
            Person::Plain(p) => p.stage = stage,
        }
    }

    /// The client's gemeente, for the offer of the Sociale Kaart.
    pub(crate) fn ask_gemeente(&self, gemeenten: &[String]) -> Result<Option<String>> {
        match self {
            Person::Terminal(t) => t.ask_gemeente(gemeenten),
            Person::Plain(p) => p.ask_gemeente(gemeenten),
        }
    }
}

impl Prompter for Person<'_> {
    fn ask(&mut self, question: &Question<'_>) -> Result<Reply> {
        match self {
            Person::Terminal(t) => t.ask(question),
            Person::Plain(p) => p.ask(question),
        }
    }

    fn confirm_back(&mut self, back: &Withdrawing) -> Result<BackDecision> {
        match self {
            Person::Terminal(t) => t.confirm_back(back),
            Person::Plain(p) => p.confirm_back(back),
        }
    }

    fn note(&mut self, question: &Question<'_>) -> Result<Option<String>> {
        match self {
            Person::Terminal(t) => t.note(question),
            Person::Plain(p) => p.note(question),
        }
    }

    fn choose_follow_up(&mut self, choices: &[String], other: &str) -> Result<Option<usize>> {
        match self {
            Person::Terminal(t) => t.choose_follow_up(choices, other),
            Person::Plain(p) => p.choose_follow_up(choices, other),
        }
    }
}
