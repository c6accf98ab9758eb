//! The second stage of the arguments: what they mean. [`crate::cli`] only describes syntax;
//! here paths, the environment (`NO_COLOR`, a terminal or not) and combinations are resolved
//! and checked before any work starts, so that a mistake is reported before a session, not
//! after it.

pub(crate) mod file_name;
pub mod kaart;
pub mod pathway;
pub mod practice;
pub mod scan;
pub mod session;
pub mod statistics;

use std::io::IsTerminal;
use std::path::PathBuf;

use crate::cli::{Args, Command};
use crate::error::{Error, Result};

use crate::report::{Layout, FIXED_WIDTH};

/// What the environment says about output, decided once for every command.
#[derive(Debug, Clone, Copy)]
pub struct Env {
    /// Colour on standard error (a terminal, and no `NO_COLOR`).
    pub color: bool,
    pub layout: Layout,
    /// `ZORGPAD_TOEGANKELIJK` set (not empty, not `0`): plain lines for a screen reader.
    pub plain: bool,
}

/// The environment variable that asks for plain lines, as `--toegankelijk` does.
pub const PLAIN_VAR: &str = "ZORGPAD_TOEGANKELIJK";

/// A command with the meaning of its arguments resolved.
#[derive(Debug)]
pub enum Config {
    Start(session::Start),
    Resume(session::Resume),
    CheckFlow(session::CheckFlow),
    Sessions(session::SessionList),
    Remove(session::Remove),
    HandOver(session::HandOver),
    Receive(session::Receive),
    Export(session::ExportCmd),
    Consent(session::ConsentCmd),
    Show(pathway::Show),
    Graph(pathway::Graph),
    Routes(pathway::Routes),
    Practice(practice::Practice),
    KaartCheck(kaart::KaartCheck),
    KaartShow(kaart::KaartShow),
    KaartImport(kaart::KaartImport),
    KaartTemplate(kaart::KaartTemplate),
    Scan(scan::Fill),
    ScanReport(scan::ReportCmd),
    Statistics(statistics::StatsCmd),
    /// `zorgpad help`: the path of (sub)command names to show the help of.
    Help(Vec<String>),
    Completions(crate::cli::ShellArg),
    Man(Option<PathBuf>),
}

impl Config {
    pub fn resolve(args: Args) -> Result<Config> {
        let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
        let color = !no_color && std::io::stderr().is_terminal();
        let layout = layout();
        let plain = std::env::var(PLAIN_VAR).is_ok_and(|v| !v.trim().is_empty() && v.trim() != "0");
        let env = Env {
            color,
            layout,
            plain,
        };
        match args.command {
            Command::Start(a) => session::start(a, env),
            Command::Hervat(a) => session::resume(a, env),
            Command::Opvolgen(a) => session::follow_up(a, env),
            Command::Controleer(a) => Ok(Config::CheckFlow(session::CheckFlow {
                sessions: if a.sessies {
                    Some(crate::store::Store::resolve_dir(a.data.data_dir)?)
                } else {
                    None
                },
                flow: a.flow,
                json: a.json,
            })),
            Command::Scan(mut a) => match a.action.take() {
                None => Ok(Config::Scan(scan::Fill::resolve(a, env)?)),
                Some(crate::cli::ScanAction::Rapport(r)) => {
                    Ok(Config::ScanReport(scan::ReportCmd::resolve(r, layout)?))
                }
            },
            Command::Statistiek(a) => Ok(Config::Statistics(statistics::StatsCmd::resolve(
                a, layout,
            )?)),
            Command::Sessies(a) => session::sessions(a, env),
            Command::Kaart(k) => kaart::resolve(k, env),
            Command::Toon(a) => Ok(Config::Show(pathway::show_config(a))),
            Command::Graaf(a) => Ok(Config::Graph(pathway::graph_config(a)?)),
            Command::Routes(a) => Ok(Config::Routes(pathway::routes_config(a, layout)?)),
            Command::Oefen(a) => Ok(Config::Practice(practice::config(a, env)?)),
            Command::Export(a) => session::export_cmd(a),
            Command::Toestemming(a) => session::consent(a),
            Command::Help(a) => Ok(Config::Help(a.opdracht)),
            Command::Aanvulling(a) => Ok(Config::Completions(a.shell)),
            Command::Man(a) => {
                if let Some(out) = &a.uitvoer {
                    check_target(out, "de man-pagina")?;
                }
                Ok(Config::Man(a.uitvoer))
            }
        }
    }
}

/// Check an output file before any work is done: its directory must exist and it must not
/// be a directory itself.
pub(crate) fn check_target(path: &std::path::Path, what: &str) -> Result<()> {
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    if !dir.is_dir() {
        return Err(Error::input(format!(
            "de map '{}' voor {what} bestaat niet",
            dir.display()
        ))
        .hint("Maak de map eerst aan, of kies een andere plaats."));
    }
    if path.is_dir() {
        return Err(Error::input(format!(
            "'{}' is een map; geef een bestandsnaam",
            path.display()
        )));
    }
    if path.as_os_str() == "-" {
        return Err(Error::input(format!("'-' is geen bestandsnaam voor {what}"))
            .hint("Laat -o weg om op het scherm (de standaarduitvoer) te schrijven, en stuur die door met > BESTAND of | als u wilt."));
    }
    // The file is replaced by a new one (written beside it, then renamed into place): that is
    // right for a file, but would replace a device, a pipe, or a link with a copy.
    if let Ok(meta) = std::fs::symlink_metadata(path) {
        if !meta.file_type().is_file() {
            let kind = if meta.file_type().is_symlink() {
                "een verwijzing (symbolische link)"
            } else {
                "geen gewoon bestand (een apparaat of pijp)"
            };
            return Err(Error::input(format!("'{}' is {kind}; zorgpad schrijft daar niet overheen", path.display()))
                .hint("Geef de naam van een gewoon bestand (dat wordt vervangen), of laat -o weg om op het scherm te schrijven."));
        }
    }
    Ok(())
}

/// The width to wrap an error message at: the terminal's when standard error is one, else none
/// (a pipe or a file keeps whole lines). Decided here, at the edge, so that [`Error::render`]
/// never asks.
pub fn error_width() -> Option<usize> {
    if !std::io::stderr().is_terminal() {
        return None;
    }
    Some(crossterm::terminal::size().map_or(100, |(w, _)| usize::from(w).clamp(40, 200)))
}

/// The layout of everything printed on standard output: on a terminal, its width and wrapped
/// text (also under `NO_COLOR`, which is about colour only); in a pipe or a file, the fixed
/// width and whole lines, so that output is reproducible.
fn layout() -> Layout {
    if !std::io::stdout().is_terminal() {
        return Layout {
            width: FIXED_WIDTH,
            wrap: false,
        };
    }
    Layout {
        width: crossterm::terminal::size().map_or(FIXED_WIDTH, |(w, _)| w.clamp(40, 200)),
        wrap: true,
    }
}
