//! The inquire prompts in Dutch: a choice, a multiple choice and a text field, each with the
//! extra lines this front end adds (the explanation, a pause, "back"), and a yes/no question.
//! Every prompt gives a [`Got`], so the question files read alike: a value, a request for the
//! explanation, a pause, or Esc. Ctrl-C and a missing terminal become errors here. The
//! questions and options come from the flow file and the Sociale Kaart: every text handed to
//! inquire has its control characters made visible ([`crate::visible`]).

use std::fmt;
use std::io::Write;

use inquire::{CustomType, InquireError, MultiSelect, Select, Text};

use super::Terminal;
use crate::error::{Error, Result};
use crate::prompt::words;

/// What one inquire prompt gave: a value, a request for the explanation, a pause, or Esc.
pub(super) enum Got<T> {
    Value(T),
    Explain,
    Pause,
    Escape,
}

/// The lines a list adds to its options, besides the explanation.
#[derive(Debug, Clone, Copy, Default)]
pub(super) struct Extra {
    /// "Nog niet — later verder".
    pub(super) pause: bool,
    /// "← Terug naar de vorige vraag".
    pub(super) back: bool,
    /// The line that adds a note after the answer ("✎ Met toelichting…").
    pub(super) note: Option<&'static str>,
    /// "⋯ Route tot nu toe".
    pub(super) route: bool,
    /// A weighty question: the first line is "— kies een antwoord —", where the cursor starts
    /// (unless the caller starts elsewhere) and where Enter picks nothing.
    pub(super) neutral: bool,
}

/// An option's text: as the list shows it (wrapped at word boundaries to the terminal, each
/// further line indented under the first), and as one line (for the answered line).
#[derive(Clone)]
struct Label {
    shown: String,
    line: String,
}

#[derive(Clone)]
enum Item {
    Option(usize, Label),
    Neutral,
    Note(&'static str, bool),
    Route,
    /// "📄 Casus opnieuw tonen", in an exercise.
    Story,
    Explain,
    /// "Later", in the words of the question at hand ([`crate::prompt::words::later_label`]).
    Pause(&'static str),
    Back,
}

impl fmt::Display for Item {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Item::Option(_, label) => f.write_str(&label.shown),
            Item::Neutral => f.write_str(words::PICK_FIRST),
            Item::Note(label, false) => f.write_str(label),
            Item::Note(label, true) => write!(
                f,
                "{} aan (kies om uit te zetten)",
                label.trim_end_matches('…')
            ),
            Item::Route => f.write_str(words::ROUTE),
            Item::Story => f.write_str(crate::prompt::SHOW_STORY),
            Item::Explain => f.write_str("? Uitleg bij deze stap"),
            Item::Pause(label) => f.write_str(label),
            Item::Back => f.write_str("← Terug naar de vorige vraag"),
        }
    }
}

const HELP_SELECT: &str =
    "↑↓ kiezen · Enter bevestigen · typ om te zoeken · Esc terug · Ctrl-C stoppen";
/// At a weighty question: the answer is picked on purpose, never taken from the cursor.
const HELP_WEIGHTY: &str =
    "zwaarwegend: kies zelf · ↑↓ · Enter bevestigen · Esc terug · Ctrl-C stoppen";
/// The note after an answer that was saved already: nothing to go back to.
pub(super) const HELP_NOTE: &str =
    "typ en Enter · leeg laten of Esc: geen · ? voor uitleg · Ctrl-C stoppen";
const HELP_MULTI: &str =
    "↑↓ bewegen · spatie aan/uit · → alles · ← niets · Enter bevestigen · Esc terug";
pub(super) const HELP_REQUIRED_REASON: &str =
    "typ de reden en Enter · ? voor uitleg · Esc terug naar de keuze";
pub(super) const HELP_REQUIRED: &str =
    "typ de naam · meerdere namen scheiden met ; · ? voor uitleg · Esc terug";

impl Terminal<'_> {
    /// A select over `labels` with the explanation and the `extra` lines. The cursor starts
    /// at option `start` (`labels.len()`: "Nog niet — later verder"), or with `None` at the
    /// first line. "— kies een antwoord —", "⋯ Route tot nu toe" and the note line are handled
    /// here, and the list comes again.
    pub(super) fn select(
        &self,
        message: &str,
        labels: &[String],
        start: Option<usize>,
        extra: Extra,
    ) -> Result<Got<usize>> {
        let message = prompt_text(message);
        let shift = usize::from(extra.neutral);
        let mut cursor = start.map_or(0, |s| s + shift);
        loop {
            let mut items = Vec::new();
            if extra.neutral {
                items.push(Item::Neutral);
            }
            items.extend(options(labels, 2));
            if extra.pause {
                items.push(Item::Pause(self.later.get()));
            }
            if let Some(label) = extra.note {
                items.push(Item::Note(label, self.with_note.get()));
            }
            if extra.route {
                items.push(Item::Route);
            }
            if self.stage.story.is_some() {
                items.push(Item::Story);
            }
            items.push(Item::Explain);
            if extra.back {
                items.push(Item::Back);
            }
            let last = items.len();
            let help = if extra.neutral {
                HELP_WEIGHTY
            } else {
                HELP_SELECT
            };
            let got = Select::new(&message, items)
                // The lines that are no answer leave the answered line as the bare question, so
                // that it does not read as an answer (nor runs past 80 columns).
                .with_formatter(&|chosen| match chosen.value {
                    Item::Neutral | Item::Note(..) | Item::Route | Item::Story => String::new(),
                    Item::Option(_, label) => answered(&message, &label.line),
                    other => answered(&message, &other.to_string()),
                })
                .with_help_message(help)
                .with_page_size(12)
                .with_starting_cursor(cursor.min(last.saturating_sub(1)))
                .prompt();
            return match got {
                Ok(Item::Option(i, _)) => Ok(Got::Value(i)),
                Ok(Item::Neutral) => {
                    self.say(words::PICK_FIRST_SAID);
                    continue;
                }
                Ok(Item::Note(..)) => {
                    self.toggle_note();
                    cursor = start.map_or(0, |s| s + shift);
                    continue;
                }
                Ok(Item::Route) => {
                    self.show_route();
                    continue;
                }
                Ok(Item::Story) => {
                    self.show_story();
                    continue;
                }
                Ok(Item::Explain) => Ok(Got::Explain),
                Ok(Item::Pause(_)) => Ok(Got::Pause),
                Ok(Item::Back) => Ok(Got::Escape),
                Err(e) => escape_or(e),
            };
        }
    }

    /// Switch the note after the answer on or off, and say so.
    fn toggle_note(&self) {
        let on = !self.with_note.get();
        self.with_note.set(on);
        self.say(if on {
            "Kies nu het antwoord. Het wordt eerst bewaard; daarna vraagt zorgpad de toelichting."
        } else {
            "Zonder toelichting."
        });
    }

    /// A multi-select. The value is the ticked options and whether "? Uitleg" was ticked too,
    /// so that the caller can show the explanation and ask again with the ticks kept. With
    /// `extra`, also the note line (ticked: a note after the answer) and "⋯ Route tot nu toe"
    /// (ticked: the route is shown here and the list comes again, ticks kept).
    pub(super) fn multi(
        &self,
        message: &str,
        labels: &[String],
        defaults: &[usize],
        extra: Extra,
    ) -> Result<Got<(Vec<usize>, bool)>> {
        let message = prompt_text(message);
        let mut defaults = defaults.to_vec();
        loop {
            let mut items = options(labels, 6);
            if let Some(label) = extra.note {
                if self.with_note.get() {
                    defaults.push(items.len());
                }
                items.push(Item::Note(label, false));
            }
            if extra.route {
                items.push(Item::Route);
            }
            if self.stage.story.is_some() {
                items.push(Item::Story);
            }
            items.push(Item::Explain);
            let count = items.len();
            let got = MultiSelect::new(&message, items)
                .with_help_message(HELP_MULTI)
                .with_default(&defaults)
                .with_page_size(12)
                .with_formatter(&|chosen| {
                    let n = chosen
                        .iter()
                        .filter(|o| matches!(o.value, Item::Option(..)))
                        .count();
                    answered(&message, &format!("{n} aangevinkt"))
                })
                .prompt();
            let chosen = match got {
                Ok(chosen) => chosen,
                Err(e) => return escape_or(e),
            };
            let picked: Vec<usize> = chosen
                .iter()
                .filter_map(|i| match i {
                    Item::Option(k, _) => Some(*k),
                    _ => None,
                })
                .collect();
            // "→ alles" ticks every line, the extra lines included: that means all actions,
            // not a request for the explanation, the route or a note.
            if chosen.len() == count {
                self.with_note.set(false);
                return Ok(Got::Value((picked, false)));
            }
            if extra.note.is_some() {
                self.with_note
                    .set(chosen.iter().any(|i| matches!(i, Item::Note(..))));
            }
            let explain = chosen.iter().any(|i| matches!(i, Item::Explain));
            let story = chosen.iter().any(|i| matches!(i, Item::Story));
            let route = chosen.iter().any(|i| matches!(i, Item::Route));
            if !explain && (route || story) {
                if route {
                    self.show_route();
                }
                if story {
                    self.show_story();
                }
                defaults = picked;
                continue;
            }
            return Ok(Got::Value((picked, explain)));
        }
    }

    /// A text field. `?` asks for the explanation; in an exercise, `casus` shows the case
    /// again and asks again.
    pub(super) fn text(
        &self,
        message: &str,
        help: &str,
        required: bool,
        initial: &str,
    ) -> Result<Got<String>> {
        let (message, initial) = (prompt_text(message), shown(initial));
        loop {
            let mut prompt = Text::new(&message)
                .with_help_message(help)
                .with_initial_value(&initial);
            if required {
                prompt = prompt.with_validator(|s: &str| {
                    Ok(if s.trim().is_empty() {
                        inquire::validator::Validation::Invalid(
                            "Vul iets in, of typ ? voor uitleg.".into(),
                        )
                    } else {
                        inquire::validator::Validation::Valid
                    })
                });
            }
            return match prompt.prompt() {
                Ok(s) if s.trim() == "?" => Ok(Got::Explain),
                Ok(s) if s.trim() == crate::prompt::STORY_KEY && self.stage.story.is_some() => {
                    self.show_story();
                    continue;
                }
                Ok(s) => Ok(Got::Value(s.trim().to_string())),
                Err(e) => escape_or(e),
            };
        }
    }
}

/// Ask a yes/no question in Dutch ("ja"/"nee", "j"/"n"). Esc counts as "nee".
pub(crate) fn confirm(message: &str) -> Result<bool> {
    let message = prompt_text(message);
    let got = CustomType::<bool>::new(&message)
        .with_parser(&|s: &str| match s.trim().to_lowercase().as_str() {
            "j" | "ja" => Ok(true),
            "n" | "nee" => Ok(false),
            _ => Err(()),
        })
        .with_formatter(&|b: bool| {
            if b {
                "ja".to_string()
            } else {
                "nee".to_string()
            }
        })
        .with_error_message("Typ ja of nee.")
        .with_help_message("ja of nee · Esc = nee")
        .with_placeholder("ja/nee")
        .prompt();
    match got {
        Ok(answer) => Ok(answer),
        Err(InquireError::OperationCanceled) => Ok(false),
        Err(e) => match escape_or::<bool>(e) {
            Err(error) => Err(error),
            Ok(_) => Ok(false),
        },
    }
}

/// Text as inquire may show it: control characters made visible.
fn shown(text: &str) -> String {
    crate::visible::text(text).into_owned()
}

/// A prompt's question as inquire shows it after "? ": made safe to show, and wrapped at word
/// boundaries to the terminal (inquire itself would break a word at the edge).
fn prompt_text(text: &str) -> String {
    fit(&shown(text), Terminal::width().saturating_sub(3))
}

/// `text` as it is when every line fits in `width` (spacing kept), else wrapped at word
/// boundaries.
fn fit(text: &str, width: usize) -> String {
    if text.lines().all(|l| l.chars().count() <= width) {
        text.to_string()
    } else {
        crate::text::wrap(text, width)
    }
}

/// The answer as the answered line shows it after the question: on the question's last line
/// when it fits, else on a line of its own (indented), wrapped at word boundaries.
fn answered(message: &str, answer: &str) -> String {
    let width = Terminal::width().saturating_sub(1);
    let last = message.lines().last().map_or(0, |l| l.chars().count());
    // "? " before the question, a space between question and answer.
    if last + 3 + answer.chars().count() <= width {
        return answer.to_string();
    }
    let wrapped = crate::text::wrap(answer, width.saturating_sub(2));
    format!("\n  {}", wrapped.replace('\n', "\n  "))
}

/// The options of a prompt, numbered, as they may be shown: each wrapped to the terminal, its
/// further lines under its first (after the "> " or "> [ ] " of the list).
fn options(labels: &[String], indent: usize) -> Vec<Item> {
    let width = Terminal::width().saturating_sub(indent + 1);
    let pad = format!("\n{}", " ".repeat(indent));
    labels
        .iter()
        .enumerate()
        .map(|(i, l)| {
            let line = shown(l);
            let shown = fit(&line, width).replace('\n', &pad);
            Item::Option(i, Label { shown, line })
        })
        .collect()
}

pub(super) fn escape_or<T>(error: InquireError) -> Result<Got<T>> {
    match error {
        InquireError::OperationCanceled => Ok(Got::Escape),
        InquireError::OperationInterrupted => {
            // inquire leaves the cursor in the abandoned prompt, on its help line when the prompt
            // is at the bottom of the screen; clear from there so that the message that follows
            // does not run into that line.
            let _ = write!(std::io::stderr(), "\r\x1b[J");
            Err(Error::cancelled("gestopt met Ctrl-C."))
        }
        InquireError::NotTTY => Err(Error::input("er is geen terminal om vragen in te stellen")
            .hint("Gebruik 'zorgpad start --antwoorden BESTAND' om een sessie zonder terminal te doorlopen.")),
        InquireError::IO(e) => Err(Error::input(format!("de terminal gaf een fout: {}", crate::error::describe_io(&e)))),
        other => Err(Error::input(format!("de vraag kon niet worden getoond: {other}"))),
    }
}

/// Ask for a passphrase without showing it; with `twice`, a second time to rule out a typo
/// (for encrypting). Esc stops.
pub(crate) fn passphrase(twice: bool) -> Result<String> {
    let mut prompt = inquire::Password::new("Wachtwoord voor het overdrachtsbestand:")
        .with_display_mode(inquire::PasswordDisplayMode::Masked)
        .with_help_message("wordt niet getoond · Esc = stoppen")
        .with_custom_confirmation_message("Hetzelfde wachtwoord nogmaals:")
        .with_custom_confirmation_error_message(
            "De twee wachtwoorden verschillen; probeer het opnieuw.",
        );
    if !twice {
        prompt = prompt.without_confirmation();
    }
    match prompt.prompt() {
        Ok(text) => Ok(text),
        Err(e) => match escape_or::<String>(e) {
            Err(error) => Err(error),
            Ok(_) => Err(Error::cancelled("gestopt: er is geen wachtwoord gegeven.")),
        },
    }
}

#[cfg(test)]
mod tests {
    /// inquire prints a help line as it is, between brackets: on a terminal of 80 columns it
    /// must fit on one line, or the terminal breaks it inside a word.
    #[test]
    fn every_help_line_fits_in_80_columns() {
        for help in [
            super::HELP_SELECT,
            super::HELP_WEIGHTY,
            super::HELP_MULTI,
            super::HELP_NOTE,
            super::HELP_REQUIRED_REASON,
            super::HELP_REQUIRED,
        ] {
            assert!(help.chars().count() + 2 <= 80, "{help}");
        }
    }
}
