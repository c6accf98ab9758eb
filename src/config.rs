//! The second stage of the arguments: what they mean. [`crate::cli`] only describes syntax;
//! here paths, the environment (`NO_COLOR`, a terminal or not) and combinations are resolved
//! and checked before any work starts, so that a mistake is reported before a session, not
//! after it.

use std::io::IsTerminal;
use std::path::PathBuf;

use crate::cli::{Args, Command};
use crate::error::{Error, Result};
use crate::report::{Layout, FIXED_WIDTH};

/// The formats the summary can be exported in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Markdown,
    Json,
}

#[derive(Debug)]
pub struct Export {
    pub path: PathBuf,
    pub format: Format,
}

#[derive(Debug)]
pub enum Config {
    Start(Start),
    Check(Check),
}

/// How a guided session is run.
#[derive(Debug)]
pub struct Start {
    pub flow: Option<PathBuf>,
    /// Where the answers come from: a script, or (when `None`) the person at the terminal.
    pub answers: Option<PathBuf>,
    pub explain: bool,
    pub export: Option<Export>,
    pub color: bool,
    pub layout: Layout,
}

#[derive(Debug)]
pub struct Check {
    pub flow: Option<PathBuf>,
}

impl Config {
    pub fn resolve(args: Args) -> Result<Config> {
        let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
        let stdout_tty = std::io::stdout().is_terminal();
        match args.command {
            Command::Start(a) => {
                if a.antwoorden.is_none()
                    && !(std::io::stdin().is_terminal() && std::io::stderr().is_terminal())
                {
                    return Err(Error::input("er is geen terminal: een begeleide sessie stelt vragen en heeft een terminal nodig").hint(
                        "Start zorgpad in een terminal, of geef de antwoorden in een bestand mee:\n  zorgpad start --antwoorden antwoorden.yaml\nDe vorm van dat bestand staat in README.md.",
                    ));
                }
                let export = a.export.map(export).transpose()?;
                Ok(Config::Start(Start {
                    flow: a.flow,
                    answers: a.antwoorden,
                    explain: a.uitleg,
                    export,
                    color: !no_color && std::io::stderr().is_terminal(),
                    layout: Layout {
                        width: if stdout_tty && !no_color {
                            None
                        } else {
                            Some(FIXED_WIDTH)
                        },
                    },
                }))
            }
            Command::Controleer(a) => Ok(Config::Check(Check { flow: a.flow })),
        }
    }
}

/// Check the export target now, so that a session is not walked only to fail at the end.
fn export(path: PathBuf) -> Result<Export> {
    let ext = path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_lowercase);
    let format = match ext.as_deref() {
        Some("md") | Some("markdown") => Format::Markdown,
        Some("json") => Format::Json,
        _ => {
            return Err(Error::input(format!(
                "onbekend exportformaat voor '{}': de naam moet eindigen op .md of .json",
                path.display()
            ))
            .hint("Bijvoorbeeld: --export samenvatting.md"))
        }
    };
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    if !dir.is_dir() {
        return Err(Error::input(format!(
            "de map '{}' voor de export bestaat niet",
            dir.display()
        ))
        .hint("Maak de map eerst aan, of kies een andere plaats voor --export."));
    }
    if path.is_dir() {
        return Err(Error::input(format!(
            "'{}' is een map; --export wil een bestandsnaam",
            path.display()
        )));
    }
    Ok(Export { path, format })
}
