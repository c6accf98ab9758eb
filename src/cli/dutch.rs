//! Clap in Dutch: clap's own errors (unknown option, missing value, a typo in a command) are
//! caught and said again in Dutch, with a suggestion of the closest command.

use std::process::ExitCode;

use clap::error::{ContextKind, ContextValue, ErrorKind};
use clap::Parser;

use crate::cli::Args;

/// What happened when the arguments did not parse: help, the version, or a usage error.
pub struct Usage {
    text: String,
    code: u8,
}

impl Usage {
    /// Print the text where it belongs and give the exit code.
    pub fn exit(self) -> ExitCode {
        if self.code == 0 {
            // Help piped into `head` ends quietly, like every other output.
            return match crate::out::write(format_args!("{}", self.text)) {
                Ok(()) => ExitCode::SUCCESS,
                Err(e) => e.exit_code().into(),
            };
        } else {
            crate::out::write_err(format_args!("{}", self.text));
        }
        ExitCode::from(self.code)
    }
}

impl Args {
    /// Parse `std::env::args`, with every message in Dutch.
    pub fn parse_dutch() -> Result<Args, Usage> {
        Args::try_parse().map_err(translate)
    }

    /// Parse the given arguments (for tests).
    pub fn parse_from_dutch<I, T>(args: I) -> Result<Args, Usage>
    where
        I: IntoIterator<Item = T>,
        T: Into<std::ffi::OsString> + Clone,
    {
        Args::try_parse_from(args).map_err(translate)
    }
}

fn context(error: &clap::Error, kind: ContextKind) -> Option<String> {
    match error.get(kind)? {
        ContextValue::String(s) => Some(s.clone()),
        ContextValue::Strings(v) => Some(v.join(", ")),
        ContextValue::StyledStr(s) => Some(s.to_string()),
        ContextValue::StyledStrs(v) => Some(
            v.iter()
                .map(|s| s.to_string())
                .collect::<Vec<_>>()
                .join(", "),
        ),
        _ => None,
    }
}

fn translate(error: clap::Error) -> Usage {
    let invalid = context(&error, ContextKind::InvalidArg);
    let value = context(&error, ContextKind::InvalidValue);
    let message = match error.kind() {
        ErrorKind::DisplayVersion => {
            return Usage {
                text: crate::cli::version::text(),
                code: 0,
            }
        }
        ErrorKind::DisplayHelp => {
            return Usage {
                text: error.render().to_string(),
                code: 0,
            }
        }
        ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand | ErrorKind::MissingSubcommand => {
            return Usage {
                text: "zorgpad: fout: geef een opdracht, bijvoorbeeld 'zorgpad start'.\n  Alle opdrachten en opties: 'zorgpad --help'.\n".to_string(),
                code: 2,
            }
        }
        ErrorKind::InvalidSubcommand => {
            let mut m = format!(
                "onbekende opdracht '{}'",
                context(&error, ContextKind::InvalidSubcommand).unwrap_or_default()
            );
            let wrong = context(&error, ContextKind::InvalidSubcommand).unwrap_or_default();
            if let Some(best) = closest_command(&wrong) {
                m.push_str(&format!("; bedoelt u '{best}'?"));
            }
            m
        }
        ErrorKind::UnknownArgument => {
            let invalid = invalid.unwrap_or_default();
            let mut m = if invalid.starts_with('-') {
                format!("onbekende optie '{invalid}'")
            } else {
                format!("onverwacht argument '{invalid}'")
            };
            if let Some(s) = context(&error, ContextKind::SuggestedArg) {
                m.push_str(&format!("; bedoelt u '{s}'?"));
            }
            m
        }
        ErrorKind::MissingRequiredArgument => format!("er ontbreekt een verplicht argument: {}", invalid.unwrap_or_default()),
        ErrorKind::InvalidValue if value.as_deref() == Some("") => {
            format!("de optie '{}' heeft een waarde nodig", invalid.unwrap_or_default())
        }
        ErrorKind::InvalidValue | ErrorKind::ValueValidation => {
            let mut m = format!(
                "ongeldige waarde '{}' voor '{}'",
                value.unwrap_or_default(),
                invalid.unwrap_or_default()
            );
            if let Some(valid) = context(&error, ContextKind::ValidValue) {
                m.push_str(&format!("; kies uit: {valid}"));
            }
            m
        }
        ErrorKind::ArgumentConflict
            if invalid.is_some() && invalid == context(&error, ContextKind::PriorArg) =>
        {
            format!(
                "de optie '{}' is meer dan eens gegeven; geef haar één keer",
                invalid.unwrap_or_default()
            )
        }
        ErrorKind::ArgumentConflict => format!("'{}' gaat niet samen met een andere gegeven optie", invalid.unwrap_or_default()),
        ErrorKind::TooManyValues if value.is_some() => format!(
            "onverwachte waarde '{}' bij '{}'; deze optie neemt geen (extra) waarde",
            value.unwrap_or_default(),
            invalid.unwrap_or_default()
        ),
        ErrorKind::TooManyValues | ErrorKind::WrongNumberOfValues | ErrorKind::TooFewValues => {
            format!("verkeerd aantal waarden voor '{}'", invalid.unwrap_or_default())
        }
        ErrorKind::InvalidUtf8 => "een argument is geen geldige tekst (UTF-8)".to_string(),
        _ => "de opdracht is niet goed gegeven".to_string(),
    };
    let end = if message.ends_with('?') { "" } else { "." };
    Usage {
        text: format!(
            "zorgpad: fout: {message}{end}\n  Zie 'zorgpad --help' voor de opdrachten en hun opties.\n"
        ),
        code: 2,
    }
}

/// The Dutch name of the command closest to a mistyped one, at any level (`scan raport` →
/// `rapport`). Aliases (`report`, `check`, …) count as their command, so the suggestion is
/// always the Dutch name.
fn closest_command(wrong: &str) -> Option<String> {
    let mut names: Vec<(String, String)> = Vec::new();
    fn collect(command: &clap::Command, names: &mut Vec<(String, String)>) {
        for sub in command.get_subcommands().filter(|c| !c.is_hide_set()) {
            let dutch = sub.get_name().to_string();
            names.push((dutch.clone(), dutch.clone()));
            for alias in sub.get_all_aliases() {
                names.push((alias.to_string(), dutch.clone()));
            }
            collect(sub, names);
        }
    }
    collect(&<Args as clap::CommandFactory>::command(), &mut names);
    let wrong = wrong.to_lowercase();
    names
        .iter()
        .map(|(name, dutch)| (crate::suggest::distance(&wrong, name), dutch))
        .filter(|(d, _)| *d <= 2)
        .min_by_key(|(d, _)| *d)
        .map(|(_, dutch)| dutch.clone())
}
