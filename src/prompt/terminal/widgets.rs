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

/// What one inquire prompt gave: a value, a request for the explanation, a pause, or Esc.
pub(super) enum Got<T> {
    Value(T),
    Explain,
    Pause,
    Escape,
}

#[derive(Clone)]
enum Item {
    Option(usize, String),
    Explain,
    /// "Later", in the words of the question at hand ([`crate::prompt::words::later_label`]).
    Pause(&'static str),
    Back,
}

impl fmt::Display for Item {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Item::Option(_, label) => f.write_str(label),
            Item::Explain => f.write_str("? Uitleg bij deze stap"),
            Item::Pause(label) => f.write_str(label),
            Item::Back => f.write_str("← Terug naar de vorige vraag"),
        }
    }
}

const HELP_SELECT: &str =
    "↑↓ kiezen · Enter bevestigen · typ om te zoeken · Esc terug · Ctrl-C stoppen";
const HELP_MULTI: &str =
    "↑↓ bewegen · spatie aan/uit · → alles · ← niets · Enter bevestigen · Esc terug";
pub(super) const HELP_TEXT: &str =
    "Enter om over te slaan · ? voor uitleg · Esc terug · Ctrl-C stoppen";
pub(super) const HELP_REQUIRED_REASON: &str =
    "typ de reden en Enter · ? voor uitleg · Esc terug naar de keuze";
pub(super) const HELP_REQUIRED: &str =
    "typ de naam en Enter · meerdere namen scheiden met ; · ? voor uitleg · Esc terug";

impl Terminal<'_> {
    /// A select over `labels`, starting at `start`, with the explanation, an optional pause and
    /// (when possible) "back" as extra lines.
    pub(super) fn select(
        &self,
        message: &str,
        labels: &[String],
        start: usize,
        can_pause: bool,
        can_go_back: bool,
    ) -> Result<Got<usize>> {
        let mut items = options(labels);
        if can_pause {
            items.push(Item::Pause(self.later.get()));
        }
        items.push(Item::Explain);
        if can_go_back {
            items.push(Item::Back);
        }
        let message = shown(message);
        let last = items.len();
        let got = Select::new(&message, items)
            .with_help_message(HELP_SELECT)
            .with_page_size(12)
            // `start` may point just past the options: at "Nog niet — later verder".
            .with_starting_cursor(start.min(last.saturating_sub(1)))
            .prompt();
        match got {
            Ok(Item::Option(i, _)) => Ok(Got::Value(i)),
            Ok(Item::Explain) => Ok(Got::Explain),
            Ok(Item::Pause(_)) => Ok(Got::Pause),
            Ok(Item::Back) => Ok(Got::Escape),
            Err(e) => escape_or(e),
        }
    }

    /// A multi-select. The value is the ticked options and whether "? Uitleg" was ticked too,
    /// so that the caller can show the explanation and ask again with the ticks kept.
    pub(super) fn multi(
        &self,
        message: &str,
        labels: &[String],
        defaults: &[usize],
    ) -> Result<Got<(Vec<usize>, bool)>> {
        let mut items = options(labels);
        items.push(Item::Explain);
        let message = shown(message);
        let got = MultiSelect::new(&message, items)
            .with_help_message(HELP_MULTI)
            .with_default(defaults)
            .with_page_size(12)
            .with_formatter(&|chosen| {
                let n = chosen
                    .iter()
                    .filter(|o| matches!(o.value, Item::Option(..)))
                    .count();
                format!("{n} aangevinkt")
            })
            .prompt();
        match got {
            Ok(chosen) => {
                let picked = chosen
                    .iter()
                    .filter_map(|i| match i {
                        Item::Option(k, _) => Some(*k),
                        _ => None,
                    })
                    .collect();
                // "→ alles" ticks every line, "? Uitleg" included: that means all actions, not
                // a request for the explanation.
                let all = chosen.len() == labels.len() + 1;
                let explain = !all && chosen.iter().any(|i| matches!(i, Item::Explain));
                Ok(Got::Value((picked, explain)))
            }
            Err(e) => escape_or(e),
        }
    }

    pub(super) fn text(
        &self,
        message: &str,
        help: &str,
        required: bool,
        initial: &str,
    ) -> Result<Got<String>> {
        let (message, initial) = (shown(message), shown(initial));
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
        match prompt.prompt() {
            Ok(s) if s.trim() == "?" => Ok(Got::Explain),
            Ok(s) => Ok(Got::Value(s.trim().to_string())),
            Err(e) => escape_or(e),
        }
    }
}

/// Ask a yes/no question in Dutch ("ja"/"nee", "j"/"n"). Esc counts as "nee".
pub(crate) fn confirm(message: &str) -> Result<bool> {
    let message = shown(message);
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

/// The options of a prompt, numbered, as they may be shown.
fn options(labels: &[String]) -> Vec<Item> {
    labels
        .iter()
        .enumerate()
        .map(|(i, l)| Item::Option(i, shown(l)))
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
