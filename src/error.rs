//! Errors for people. Every failure zorgpad reports says, in Dutch, what went wrong, where
//! (file, line) and what to do about it, and maps to one of the documented exit codes.

use std::fmt;
use std::io;
use std::path::Path;

/// The documented exit codes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Exit {
    /// 0: all went well.
    Ok,
    /// 1: findings, or validation failed.
    Findings,
    /// 2: usage or input error.
    Input,
    /// 3: a file (or standard output) could not be written: disk full, no permission. What
    /// was saved before stays saved.
    Write,
    /// 130: cancelled by the user.
    Cancelled,
}

impl From<Exit> for std::process::ExitCode {
    fn from(exit: Exit) -> Self {
        std::process::ExitCode::from(match exit {
            Exit::Ok => 0,
            Exit::Findings => 1,
            Exit::Input => 2,
            Exit::Write => 3,
            Exit::Cancelled => 130,
        })
    }
}

/// A failure with a message, an optional hint, and its exit code.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Error {
    pub exit: Exit,
    pub message: String,
    pub hint: Option<String>,
    /// Lines printed above the message: the findings that made it fail, one per line.
    pub details: Vec<String>,
}

pub type Result<T, E = Error> = std::result::Result<T, E>;

impl Error {
    /// A usage or input error (exit 2).
    pub fn input(message: impl Into<String>) -> Self {
        Error {
            exit: Exit::Input,
            message: message.into(),
            hint: None,
            details: Vec::new(),
        }
    }

    /// Findings or a failed validation (exit 1).
    pub fn findings(message: impl Into<String>) -> Self {
        Error {
            exit: Exit::Findings,
            ..Error::input(message)
        }
    }

    /// The user stopped (exit 130).
    pub fn cancelled(message: impl Into<String>) -> Self {
        Error {
            exit: Exit::Cancelled,
            ..Error::input(message)
        }
    }

    /// Standard output was closed by its reader (`zorgpad toon | head`): nothing more to say,
    /// and nothing went wrong (exit 0, no message), as with ripgrep.
    pub fn closed_pipe() -> Self {
        Error {
            exit: Exit::Ok,
            ..Error::input("")
        }
    }

    /// Whether there is nothing to print (a closed pipe).
    pub fn is_silent(&self) -> bool {
        self.message.is_empty() && self.details.is_empty()
    }

    pub fn hint(mut self, hint: impl Into<String>) -> Self {
        self.hint = Some(hint.into());
        self
    }

    /// Lines to print above the message, such as the findings that made it fail.
    pub fn details(mut self, lines: Vec<String>) -> Self {
        self.details = lines;
        self
    }

    /// A file that could not be read.
    pub fn read(what: &str, path: &Path, error: &io::Error) -> Self {
        let (reason, hint) = match error.kind() {
            io::ErrorKind::NotFound => (
                "het bestand bestaat niet".to_string(),
                "Controleer de naam en de map; een pad zonder map geldt vanaf de map waarin u zorgpad start.",
            ),
            io::ErrorKind::PermissionDenied => (
                "geen toestemming om het te lezen".to_string(),
                "Controleer de rechten van het bestand, of kopieer het naar een eigen map.",
            ),
            io::ErrorKind::IsADirectory => (
                "dit is een map, geen bestand".to_string(),
                "Geef het pad naar een bestand in die map, niet naar de map zelf.",
            ),
            io::ErrorKind::InvalidData => (
                "het is geen tekstbestand (UTF-8); is het een binair bestand?".to_string(),
                "Sla het bestand op als UTF-8 tekst.",
            ),
            _ => (
                describe_io(error),
                "Controleer of het bestand bestaat en leesbaar is.",
            ),
        };
        Error::input(format!(
            "kan {what} '{}' niet lezen: {reason}",
            path.display()
        ))
        .hint(hint)
    }

    /// A file that could not be written.
    pub fn write(what: &str, path: &Path, error: &io::Error) -> Self {
        let reason = match error.kind() {
            io::ErrorKind::NotFound => "de map bestaat niet".to_string(),
            io::ErrorKind::PermissionDenied => "geen toestemming om daar te schrijven".to_string(),
            _ => describe_io(error),
        };
        Error {
            exit: Exit::Write,
            ..Error::input(format!(
                "kan {what} '{}' niet schrijven: {reason}",
                path.display()
            ))
        }
        .hint("Kies een andere plaats, of controleer of de map bestaat en schrijfbaar is.")
    }

    /// Standard output could not be written (a full disk behind `> bestand`, say).
    pub fn write_output(error: &io::Error) -> Self {
        Error {
            exit: Exit::Write,
            ..Error::input(format!(
                "kan de uitvoer niet schrijven: {}",
                describe_io(error)
            ))
        }
        .hint("De uitvoer gaat naar een bestand of programma dat niets meer aanneemt. Maak ruimte of kies een andere plaats, en probeer het opnieuw.")
    }

    pub fn exit_code(&self) -> Exit {
        self.exit
    }

    /// The text printed on standard error. With a width (a terminal), lines are wrapped at
    /// word boundaries so that no word is broken; without one (a pipe, a file), lines stay
    /// whole. Whether there is a terminal is decided at the edge, never here. Messages quote
    /// files and arguments, so control characters are made visible (`crate::visible`).
    pub fn render(&self, width: Option<usize>) -> String {
        let mut text: String = self.details.iter().map(|d| format!("{d}\n")).collect();
        text.push_str(&if self.exit == Exit::Cancelled {
            format!("zorgpad: {}", self.message)
        } else {
            format!("zorgpad: fout: {}", self.message)
        });
        if let Some(hint) = &self.hint {
            for line in hint.lines() {
                text.push_str("\n  ");
                text.push_str(line);
            }
        }
        let text = crate::visible::text(&text).into_owned();
        let Some(width) = width else {
            return text;
        };
        text.lines()
            .map(|l| {
                let indent = if l.starts_with("  ") { "  " } else { "" };
                crate::text::wrap(l, width - 1).replace('\n', &format!("\n{indent}"))
            })
            .collect::<Vec<_>>()
            .join("\n")
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.render(None))
    }
}

impl std::error::Error for Error {}

/// Read a text file, telling binary files apart from unreadable ones.
pub fn read_text(what: &str, path: &Path) -> Result<String> {
    let bytes = std::fs::read(path).map_err(|e| Error::read(what, path, &e))?;
    // Notepad's "Unicode" and Excel's "Unicode-tekst" write UTF-16: say so, not "binary".
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        return Err(Error::input(format!(
            "'{}' is opgeslagen als UTF-16 (\"Unicode\"); zorgpad leest UTF-8",
            path.display()
        ))
        .hint("Sla het bestand opnieuw op als UTF-8 (in Excel: \"CSV UTF-8\"; in Kladblok: codering UTF-8)."));
    }
    if bytes.contains(&0) {
        return Err(Error::input(format!(
            "'{}' is geen tekstbestand: het bevat binaire gegevens",
            path.display()
        ))
        .hint(format!("Geef een YAML-bestand als {what}.")));
    }
    String::from_utf8(bytes).map_err(|e| {
        Error::input(format!(
            "'{}' is geen geldig tekstbestand (UTF-8): onleesbaar teken na {} bytes",
            path.display(),
            e.utf8_error().valid_up_to()
        ))
        .hint("Sla het bestand op als UTF-8 tekst.")
    })
}

/// An I/O error in Dutch, never with the operating system's English text.
pub fn describe_io(error: &io::Error) -> String {
    use io::ErrorKind as K;
    let text = match error.kind() {
        K::NotFound => "het bestaat niet",
        K::PermissionDenied => "geen toestemming",
        K::AlreadyExists => "het bestaat al",
        K::StorageFull => "de schijf is vol",
        K::QuotaExceeded => "de schijfruimte (quotum) is op",
        K::ReadOnlyFilesystem => "de schijf is alleen-lezen",
        K::IsADirectory => "dit is een map, geen bestand",
        K::NotADirectory => "een deel van het pad is geen map",
        K::DirectoryNotEmpty => "de map is niet leeg",
        K::FileTooLarge => "het bestand is te groot",
        K::BrokenPipe => "de ontvanger van de uitvoer is gestopt",
        K::Interrupted => "onderbroken",
        K::InvalidData | K::InvalidInput => "ongeldige gegevens",
        K::UnexpectedEof => "het bestand houdt onverwacht op",
        K::OutOfMemory => "onvoldoende geheugen",
        K::TimedOut => "het duurde te lang",
        K::Unsupported => "dit kan hier niet",
        K::ResourceBusy | K::ExecutableFileBusy => "het is in gebruik",
        K::InvalidFilename => "de naam is ongeldig of te lang",
        _ => {
            // Never the operating system's English text; its error number helps support.
            return match error.raw_os_error() {
                Some(code) => format!("systeemfout {code}"),
                None => "onbekende systeemfout".to_string(),
            };
        }
    };
    text.to_string()
}
