//! The meaning of the session commands' arguments: `start`, `hervat`, `sessies`, `export`,
//! `controleer`. A wrong export name, a missing terminal or a BSN as reference is refused here,
//! before a session starts, not after it.

use std::io::IsTerminal;
use std::path::PathBuf;

use crate::cli::config::file_name::{self, Names};
use crate::cli::config::{check_target, Config, Env};
use crate::cli::{
    ConsentArgs, ExportArgs, FollowUpArgs, FormatArg, ResumeArgs, SessionsAction, SessionsArgs,
    StartArgs, YesNo,
};
use crate::error::{Error, Result};
use crate::report::export::Format;
use crate::report::sessions::Filter;
use crate::report::Layout;
use crate::store::Store;

#[derive(Debug)]
pub struct Export {
    pub path: PathBuf,
    pub format: Format,
}

/// How a guided session is run.
#[derive(Debug)]
pub struct Start {
    pub flow: Option<PathBuf>,
    /// Where the answers come from: a script, or (when `None`) the person at the terminal.
    pub answers: Option<PathBuf>,
    pub explain: bool,
    /// `--demo`: a demonstration, marked on every screen and never saved.
    pub demo: bool,
    /// Plain lines for a screen reader (`--toegankelijk`), instead of the terminal's prompts.
    pub plain: bool,
    pub export: Option<Export>,
    pub color: bool,
    pub layout: Layout,
    pub data_dir: PathBuf,
    pub kenmerk: Option<String>,
    pub rol: Option<String>,
    /// `--door`: the initials of who answers, checked by [`initials`].
    pub door: Option<String>,
    pub kaart: Option<PathBuf>,
    pub gemeente: Option<String>,
}

#[derive(Debug)]
pub struct Resume {
    pub id: String,
    pub flow: Option<PathBuf>,
    pub kaart: Option<PathBuf>,
    pub answers: Option<PathBuf>,
    pub explain: bool,
    /// Plain lines for a screen reader (`--toegankelijk`), instead of the terminal's prompts.
    pub plain: bool,
    pub export: Option<Export>,
    pub color: bool,
    pub layout: Layout,
    pub data_dir: PathBuf,
    pub rol: Option<String>,
    pub door: Option<String>,
    /// `zorgpad opvolgen`: answer one follow-up (`Some`, naming it or not) and stop.
    pub follow_up: Option<Option<String>>,
}

#[derive(Debug)]
pub struct CheckFlow {
    pub flow: Option<PathBuf>,
    pub json: bool,
    /// `--sessies`: the data directory whose sessions to check against the flow.
    pub sessions: Option<PathBuf>,
}

#[derive(Debug)]
pub struct SessionList {
    pub data_dir: PathBuf,
    pub layout: Layout,
    pub json: bool,
    pub filter: Filter,
}

#[derive(Debug)]
pub struct Remove {
    pub data_dir: PathBuf,
    pub id: String,
    pub yes: bool,
    /// A terminal to ask for confirmation in (standard input and error).
    pub can_ask: bool,
}

/// `sessies overdragen ID -o BESTAND [--wachtwoord]`.
#[derive(Debug)]
pub struct HandOver {
    pub data_dir: PathBuf,
    pub id: String,
    pub output: PathBuf,
    /// With `--wachtwoord`: where the passphrase to encrypt with comes from.
    pub encrypt: Option<Passphrase>,
}

/// `sessies ontvangen BESTAND`.
#[derive(Debug)]
pub struct Receive {
    pub data_dir: PathBuf,
    pub file: PathBuf,
    /// Where the passphrase comes from, should the file be encrypted.
    pub passphrase: Passphrase,
}

/// The environment variable with the passphrase of a handover file, for scripts: never an
/// argument, which other users can see in the process list.
pub const PASSPHRASE_VAR: &str = "ZORGPAD_WACHTWOORD";

/// Where a passphrase comes from: `ZORGPAD_WACHTWOORD`, else the terminal (when there is one).
pub struct Passphrase {
    pub env: Option<String>,
    pub can_ask: bool,
}

impl std::fmt::Debug for Passphrase {
    // The passphrase itself is never printed.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Passphrase")
            .field("env", &self.env.as_ref().map(|_| "…"))
            .field("can_ask", &self.can_ask)
            .finish()
    }
}

fn passphrase() -> Passphrase {
    Passphrase {
        env: std::env::var(PASSPHRASE_VAR).ok().filter(|v| !v.is_empty()),
        can_ask: std::io::stdin().is_terminal() && std::io::stderr().is_terminal(),
    }
}

#[derive(Debug)]
pub struct ExportCmd {
    pub data_dir: PathBuf,
    pub id: String,
    pub format: Format,
    pub output: Option<PathBuf>,
    pub flow: Option<PathBuf>,
    /// `--voor`: a letter for this recipient instead of the summary.
    pub recipient: Option<String>,
}

/// `zorgpad toestemming ID --voor ONTVANGER ja|nee`.
#[derive(Debug)]
pub struct ConsentCmd {
    pub data_dir: PathBuf,
    pub id: String,
    pub recipient: String,
    pub given: bool,
    pub rol: Option<String>,
    pub door: Option<String>,
    pub reden: Option<String>,
}

pub(crate) fn need_terminal(interactive: bool, example: &str) -> Result<()> {
    if interactive && !(std::io::stdin().is_terminal() && std::io::stderr().is_terminal()) {
        return Err(Error::input("er is geen terminal: een begeleide sessie stelt vragen en heeft een terminal nodig").hint(format!(
            "Start zorgpad in een terminal, of geef de antwoorden in een bestand mee:\n  {example}\nDe vorm van dat bestand staat in README.md."
        )));
    }
    Ok(())
}

/// The client reference is optional, pseudonymous, and never a BSN.
fn client_reference(text: String) -> Result<String> {
    let text = text.trim().to_string();
    if text.is_empty() {
        return Err(Error::input("--kenmerk is leeg")
            .hint("Laat --kenmerk weg, of geef het eigen dossiernummer van de praktijk."));
    }
    if crate::bsn::find(&text).is_some() {
        return Err(Error::input(format!("--kenmerk {}", crate::bsn::SEEMS)).hint(
            "Een BSN herleidt direct tot de persoon. zorgpad bewaart gevoelige gegevens over psychische problemen en de\nveiligheid van kinderen, en heeft daarom hooguit een eigen kenmerk nodig, zoals het dossiernummer van de\npraktijk. Laat --kenmerk weg of gebruik zo'n eigen kenmerk.",
        ));
    }
    if text.chars().count() > 64 || text.chars().any(char::is_control) {
        return Err(
            Error::input("--kenmerk mag hooguit 64 tekens zijn, zonder stuurtekens (zoals regeleinden of escapes)")
                .hint("Gebruik een kort kenmerk, zoals het dossiernummer van de praktijk."),
        );
    }
    Ok(text)
}

/// `--door` names who answers by initials or a short name, never more: at most 10 letters
/// (with dots, hyphens, apostrophes and spaces), and never a BSN.
fn initials(text: String) -> Result<String> {
    let text = text.trim().to_string();
    let hint = "Geef alleen uw initialen of een korte naam, bijvoorbeeld --door JdV.";
    if crate::bsn::find(&text).is_some() {
        return Err(Error::input(format!("--door {}", crate::bsn::SEEMS)).hint(hint));
    }
    let allowed = |c: char| c.is_alphabetic() || matches!(c, '.' | '-' | '\'' | ' ');
    if text.is_empty() || text.chars().count() > 10 || !text.chars().all(allowed) {
        return Err(Error::input(
            "--door is voor initialen of een korte naam: 1 tot 10 letters (punten, streepjes en spaties mogen)",
        )
        .hint(hint));
    }
    Ok(text)
}

/// The names of a summary export: the extension picks the format.
const EXPORT_NAMES: &[(&str, Format)] = &[
    ("md", Format::Markdown),
    ("markdown", Format::Markdown),
    ("json", Format::Json),
    ("html", Format::Html),
    ("htm", Format::Html),
    ("txt", Format::Text),
];

/// What `export -o` (with `--formaat`: `flag`) and `--export` accept
/// ([`file_name::format_of`]).
fn export_names(flag: bool) -> Names<Format> {
    Names {
        what: "de export",
        formats: EXPORT_NAMES,
        instead: if flag {
            "exporteer als HTML (-o dossier.html) en druk die af naar PDF vanuit de browser (of open die in een tekstverwerker)"
        } else {
            "exporteer als HTML (--export dossier.html) en druk die af naar PDF vanuit de browser (of open die in een tekstverwerker)"
        },
        choices: ".md (Markdown), .json, .html of .txt (korte tekst voor het EPD)",
        flag,
    }
}

/// Check the export target now, so that a session is not walked only to fail at the end.
fn export(path: PathBuf) -> Result<Export> {
    let format = file_name::format_of(&path, &export_names(false), None)?;
    Ok(Export { path, format })
}

/// `zorgpad start`.
pub(crate) fn start(a: StartArgs, env: Env) -> Result<Config> {
    let plain = a.toegankelijk || env.plain;
    let (color, layout) = (env.color && !plain, env.layout);
    need_terminal(
        a.antwoorden.is_none() && !plain,
        "zorgpad start --antwoorden antwoorden.yaml",
    )?;
    let export = a.export.map(export).transpose()?;
    let kenmerk = a.kenmerk.map(client_reference).transpose()?;
    Ok(Config::Start(Start {
        flow: a.flow,
        answers: a.antwoorden,
        explain: a.uitleg,
        demo: a.demo,
        plain,
        export,
        color,
        layout,
        data_dir: Store::resolve_dir(a.data.data_dir)?,
        kenmerk,
        rol: a.rol,
        door: a.door.map(initials).transpose()?,
        kaart: a.kaart,
        gemeente: a
            .gemeente
            .map(|g| g.trim().to_string())
            .filter(|g| !g.is_empty()),
    }))
}

/// `zorgpad hervat`.
pub(crate) fn resume(a: ResumeArgs, env: Env) -> Result<Config> {
    let plain = a.toegankelijk || env.plain;
    let (color, layout) = (env.color && !plain, env.layout);
    need_terminal(
        a.antwoorden.is_none() && !plain,
        &format!("zorgpad hervat {} --antwoorden antwoorden.yaml", a.id),
    )?;
    Ok(Config::Resume(Resume {
        export: a.export.map(export).transpose()?,
        id: a.id,
        flow: a.flow,
        kaart: a.kaart,
        answers: a.antwoorden,
        explain: a.uitleg,
        plain,
        color,
        layout,
        data_dir: Store::resolve_dir(a.data.data_dir)?,
        rol: a.rol,
        door: a.door.map(initials).transpose()?,
        follow_up: None,
    }))
}

/// `zorgpad opvolgen`: `hervat` for one follow-up.
pub(crate) fn follow_up(a: FollowUpArgs, env: Env) -> Result<Config> {
    need_terminal(
        a.resume.antwoorden.is_none() && !(a.resume.toegankelijk || env.plain),
        &format!(
            "zorgpad opvolgen {} --antwoorden antwoorden.yaml",
            a.resume.id
        ),
    )?;
    let Config::Resume(resume) = resume(a.resume, env)? else {
        return Err(crate::error::Error::input("onverwachte opdracht"));
    };
    Ok(Config::Resume(Resume {
        follow_up: Some(a.opvolging),
        ..resume
    }))
}

/// `zorgpad sessies` and `zorgpad sessies verwijder`.
pub(crate) fn sessions(a: SessionsArgs, env: Env) -> Result<Config> {
    let mut layout = env.layout;
    if let Some(width) = a.breedte {
        layout.width = width;
    }
    match a.action {
        None => Ok(Config::Sessions(SessionList {
            data_dir: Store::resolve_dir(a.data.data_dir)?,
            layout,
            json: a.json,
            filter: Filter {
                waiting: a.wacht,
                overdue: a.te_laat,
                kenmerk: a.kenmerk.map(|k| k.trim().to_string()),
                status: a.status.map(|s| s.name().to_string()),
            },
        })),
        Some(SessionsAction::Verwijder(r)) => Ok(Config::Remove(Remove {
            data_dir: Store::resolve_dir(r.data.data_dir.or(a.data.data_dir))?,
            id: r.id,
            yes: r.ja,
            can_ask: std::io::stdin().is_terminal() && std::io::stderr().is_terminal(),
        })),
        Some(SessionsAction::Overdragen(h)) => {
            check_target(&h.uitvoer, "het overdrachtsbestand")?;
            Ok(Config::HandOver(HandOver {
                data_dir: Store::resolve_dir(h.data.data_dir.or(a.data.data_dir))?,
                id: h.id,
                output: h.uitvoer,
                encrypt: h.wachtwoord.then(passphrase),
            }))
        }
        Some(SessionsAction::Ontvangen(r)) => Ok(Config::Receive(Receive {
            data_dir: Store::resolve_dir(r.data.data_dir.or(a.data.data_dir))?,
            file: r.bestand,
            passphrase: passphrase(),
        })),
    }
}

/// `zorgpad export`: the format from the file name (which `--formaat` must not contradict),
/// else from `--formaat`, else Markdown.
pub(crate) fn export_cmd(a: ExportArgs) -> Result<Config> {
    let flag = a.formaat.map(|f| match f {
        FormatArg::Md => Format::Markdown,
        FormatArg::Json => Format::Json,
        FormatArg::Html => Format::Html,
        FormatArg::Tekst => Format::Text,
    });
    let written = flag.map(|f| format!("--formaat {}", f.name()));
    let format = match (&a.uitvoer, flag) {
        (Some(out), _) => {
            file_name::format_of(out, &export_names(true), flag.zip(written.as_deref()))?
        }
        (None, Some(f)) => f,
        (None, None) => Format::Markdown,
    };
    Ok(Config::Export(ExportCmd {
        data_dir: Store::resolve_dir(a.data.data_dir)?,
        id: a.id,
        format,
        output: a.uitvoer,
        flow: a.flow,
        recipient: a.voor.map(|v| recipient(&v)).transpose()?,
    }))
}

/// `--voor`: a recipient's id as the flow spells it (checked against the flow later).
fn recipient(text: &str) -> Result<String> {
    let text = text.trim().to_lowercase();
    if text.is_empty() {
        return Err(Error::input("--voor is leeg").hint(
            "Noem de ontvanger van de brief, bijvoorbeeld --voor huisarts (de ontvangers staan onder 'brieven' in de flow).",
        ));
    }
    Ok(text)
}

/// `zorgpad toestemming`: initials and reason checked as everywhere (never a BSN).
pub(crate) fn consent(a: ConsentArgs) -> Result<Config> {
    let reden = match a.reden.map(|r| r.trim().to_string()) {
        None => None,
        Some(r) if r.is_empty() => {
            return Err(Error::input("--reden is leeg").hint("Laat --reden weg, of zeg kort waarom."))
        }
        Some(r) if crate::bsn::find(&r).is_some() => {
            return Err(Error::input(format!("--reden {}", crate::bsn::SEEMS))
                .hint("Noem nooit een BSN; zeg kort waarom, zonder gegevens die tot de persoon herleiden."))
        }
        Some(r) if r.chars().count() > 200 || r.chars().any(char::is_control) => {
            return Err(Error::input(
                "--reden mag hooguit 200 tekens zijn, zonder stuurtekens (zoals regeleinden of escapes)",
            )
            .hint("Zeg kort waarom; de toelichting hoort in het eigen dossier."))
        }
        Some(r) => Some(r),
    };
    Ok(Config::Consent(ConsentCmd {
        data_dir: Store::resolve_dir(a.data.data_dir)?,
        id: a.id,
        recipient: recipient(&a.voor)?,
        given: a.antwoord == YesNo::Ja,
        rol: a.rol,
        door: a.door.map(initials).transpose()?,
        reden,
    }))
}
