//! The second stage of the arguments: what they mean. [`crate::cli`] only describes syntax;
//! here paths, the environment (`NO_COLOR`, a terminal or not) and combinations are resolved
//! and checked before any work starts, so that a mistake is reported before a session, not
//! after it.

pub mod pathway;
pub mod practice;
pub mod scan;
pub mod statistics;

use std::io::IsTerminal;
use std::path::PathBuf;

use crate::cli::{Args, Command, FormatArg, KaartAction, SessionsAction};
use crate::error::{Error, Result};
use crate::report::export::Format;
use crate::report::{Layout, FIXED_WIDTH};
use crate::store::Store;

#[derive(Debug)]
pub struct Export {
    pub path: PathBuf,
    pub format: Format,
}

#[derive(Debug)]
pub enum Config {
    Start(Start),
    Resume(Resume),
    Check(Check),
    Sessions(SessionList),
    Remove(Remove),
    Export(ExportCmd),
    Show(pathway::Show),
    Graph(pathway::Graph),
    Practice(practice::Practice),
    KaartCheck(KaartCheck),
    KaartShow(KaartShow),
    KaartImport(KaartImport),
    Scan(scan::Fill),
    ScanReport(scan::ReportCmd),
    Statistics(statistics::StatsCmd),
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
    pub data_dir: PathBuf,
    pub kenmerk: Option<String>,
    pub rol: Option<String>,
    pub kaart: Option<PathBuf>,
    pub gemeente: Option<String>,
}

#[derive(Debug)]
pub struct Resume {
    pub id: String,
    pub flow: Option<PathBuf>,
    pub answers: Option<PathBuf>,
    pub explain: bool,
    pub export: Option<Export>,
    pub color: bool,
    pub layout: Layout,
    pub data_dir: PathBuf,
    pub rol: Option<String>,
}

#[derive(Debug)]
pub struct Check {
    pub flow: Option<PathBuf>,
}

#[derive(Debug)]
pub struct SessionList {
    pub data_dir: PathBuf,
    pub layout: Layout,
}

#[derive(Debug)]
pub struct Remove {
    pub data_dir: PathBuf,
    pub id: String,
    pub yes: bool,
}

#[derive(Debug)]
pub struct ExportCmd {
    pub data_dir: PathBuf,
    pub id: String,
    pub format: Format,
    pub output: Option<PathBuf>,
    pub flow: Option<PathBuf>,
}

/// `zorgpad kaart controleer`.
#[derive(Debug)]
pub struct KaartCheck {
    pub kaart: Option<PathBuf>,
    pub flow: Option<PathBuf>,
    pub layout: Layout,
}

/// `zorgpad kaart toon`.
#[derive(Debug)]
pub struct KaartShow {
    pub kaart: Option<PathBuf>,
    pub categorie: Option<String>,
    pub gemeente: Option<String>,
    pub layout: Layout,
}

/// `zorgpad kaart importeer`.
#[derive(Debug)]
pub struct KaartImport {
    pub input: PathBuf,
    pub output: Option<PathBuf>,
    /// The `kaart:` fields given on the command line; they go before the sheet `kaart`.
    pub meta: crate::kaart::RawMeta,
}

impl Config {
    pub fn resolve(args: Args) -> Result<Config> {
        let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
        let color = !no_color && std::io::stderr().is_terminal();
        let layout = layout(no_color);
        match args.command {
            Command::Start(a) => {
                need_terminal(
                    a.antwoorden.is_none(),
                    "zorgpad start --antwoorden antwoorden.yaml",
                )?;
                let export = a.export.map(export).transpose()?;
                let kenmerk = a.kenmerk.map(kenmerk).transpose()?;
                Ok(Config::Start(Start {
                    flow: a.flow,
                    answers: a.antwoorden,
                    explain: a.uitleg,
                    export,
                    color,
                    layout,
                    data_dir: Store::resolve_dir(a.data.data_dir)?,
                    kenmerk,
                    rol: a.rol,
                    kaart: a.kaart,
                    gemeente: a.gemeente.map(|g| g.trim().to_string()).filter(|g| !g.is_empty()),
                }))
            }
            Command::Hervat(a) => {
                need_terminal(
                    a.antwoorden.is_none(),
                    &format!("zorgpad hervat {} --antwoorden antwoorden.yaml", a.id),
                )?;
                Ok(Config::Resume(Resume {
                    export: a.export.map(export).transpose()?,
                    id: a.id,
                    flow: a.flow,
                    answers: a.antwoorden,
                    explain: a.uitleg,
                    color,
                    layout,
                    data_dir: Store::resolve_dir(a.data.data_dir)?,
                    rol: a.rol,
                }))
            }
            Command::Controleer(a) => Ok(Config::Check(Check { flow: a.flow })),
            Command::Scan(mut a) => match a.action.take() {
                None => Ok(Config::Scan(scan::Fill::resolve(a, color, layout)?)),
                Some(crate::cli::ScanAction::Rapport(r)) => Ok(Config::ScanReport(
                    scan::ReportCmd::resolve(r, layout)?,
                )),
            },
            Command::Statistiek(a) => Ok(Config::Statistics(
                statistics::StatsCmd::resolve(a, layout)?,
            )),
            Command::Sessies(a) => match a.action {
                None => Ok(Config::Sessions(SessionList {
                    data_dir: Store::resolve_dir(a.data.data_dir)?,
                    layout,
                })),
                Some(SessionsAction::Verwijder(r)) => Ok(Config::Remove(Remove {
                    data_dir: Store::resolve_dir(r.data.data_dir.or(a.data.data_dir))?,
                    id: r.id,
                    yes: r.ja,
                })),
            },
            Command::Kaart(k) => match k.action {
                None => Err(Error::input("geef een opdracht voor de kaart: controleer, toon of importeer")
                    .hint("Bijvoorbeeld: zorgpad kaart controleer --kaart kaart.yaml\nAlle opties: zorgpad kaart --help")),
                Some(KaartAction::Controleer(a)) => Ok(Config::KaartCheck(KaartCheck {
                    kaart: a.kaart,
                    flow: a.flow,
                    layout,
                })),
                Some(KaartAction::Toon(a)) => Ok(Config::KaartShow(KaartShow {
                    kaart: a.kaart,
                    categorie: a.categorie.map(|c| c.trim().to_string()),
                    gemeente: a.gemeente.map(|g| g.trim().to_string()),
                    layout,
                })),
                Some(KaartAction::Importeer(a)) => kaart_import(a),
            },
            Command::Toon(a) => Ok(Config::Show(pathway::show_config(a))),
            Command::Graaf(a) => Ok(Config::Graph(pathway::graph_config(a)?)),
            Command::Oefen(a) => Ok(Config::Practice(practice::config(a, layout, color)?)),
            Command::Export(a) => {
                let format = match (a.formaat, &a.uitvoer) {
                    (Some(f), _) => match f {
                        FormatArg::Md => Format::Markdown,
                        FormatArg::Json => Format::Json,
                        FormatArg::Html => Format::Html,
                    },
                    (None, Some(path)) => format_of(path).unwrap_or(Format::Markdown),
                    (None, None) => Format::Markdown,
                };
                if let Some(out) = &a.uitvoer {
                    check_target(out, "de export")?;
                    // HTML in a file called .md would open as something else than it is.
                    if let Some(named) = format_of(out).filter(|f| *f != format) {
                        return Err(Error::input(format!(
                            "--formaat {} past niet bij de bestandsnaam '{}' (die wijst op {})",
                            format.name(),
                            out.display(),
                            named.name()
                        ))
                        .hint("Laat --formaat weg (dan volgt het formaat de bestandsnaam), of geef het bestand de passende extensie."));
                    }
                }
                Ok(Config::Export(ExportCmd {
                    data_dir: Store::resolve_dir(a.data.data_dir)?,
                    id: a.id,
                    format,
                    output: a.uitvoer,
                    flow: a.flow,
                }))
            }
        }
    }
}

/// Check the import's input and output before reading anything.
fn kaart_import(a: crate::cli::KaartImportArgs) -> Result<Config> {
    let ext = a
        .bestand
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_lowercase)
        .unwrap_or_default();
    if !["xlsx", "xlsm", "ods", "csv"].contains(&ext.as_str()) {
        return Err(Error::input(format!(
            "'{}' kan niet worden geïmporteerd: de naam moet eindigen op .xlsx, .ods of .csv",
            a.bestand.display()
        ))
        .hint("Sla de spreadsheet op als Excel-werkmap (.xlsx), OpenDocument (.ods) of CSV (.csv).\nHet sjabloon staat in sociale-kaart/sjabloon.xlsx."));
    }
    if let Some(out) = &a.uitvoer {
        let ext = out
            .extension()
            .and_then(|e| e.to_str())
            .map(str::to_lowercase)
            .unwrap_or_default();
        if ext != "yaml" && ext != "yml" {
            return Err(Error::input(format!(
                "de uitvoer '{}' moet eindigen op .yaml (de kaart wordt als YAML geschreven)",
                out.display()
            ))
            .hint("Bijvoorbeeld: -o kaart.yaml"));
        }
        let dir = match out.parent() {
            Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
            _ => PathBuf::from("."),
        };
        if !dir.is_dir() {
            return Err(Error::input(format!(
                "de map '{}' voor de kaart bestaat niet",
                dir.display()
            ))
            .hint("Maak de map eerst aan, of kies een andere plaats."));
        }
        if out.is_dir() {
            return Err(Error::input(format!(
                "'{}' is een map; geef een bestandsnaam",
                out.display()
            )));
        }
    }
    let gemeenten = a.gemeenten.map(|g| {
        g.split(',')
            .map(|s| s.trim().to_string())
            .filter(|s| !s.is_empty())
            .collect::<Vec<_>>()
    });
    let text = |v: Option<String>| v.map(|v| v.trim().to_string()).filter(|v| !v.is_empty());
    Ok(Config::KaartImport(KaartImport {
        input: a.bestand,
        output: a.uitvoer,
        meta: crate::kaart::RawMeta {
            naam: text(a.naam),
            vsv: text(a.vsv),
            regio: text(a.regio),
            versie: text(a.versie),
            bijgewerkt: text(a.bijgewerkt),
            gemeenten,
        },
    }))
}

fn need_terminal(interactive: bool, example: &str) -> Result<()> {
    if interactive && !(std::io::stdin().is_terminal() && std::io::stderr().is_terminal()) {
        return Err(Error::input("er is geen terminal: een begeleide sessie stelt vragen en heeft een terminal nodig").hint(format!(
            "Start zorgpad in een terminal, of geef de antwoorden in een bestand mee:\n  {example}\nDe vorm van dat bestand staat in README.md."
        )));
    }
    Ok(())
}

/// The client reference is optional, pseudonymous, and never a BSN.
fn kenmerk(text: String) -> Result<String> {
    let text = text.trim().to_string();
    if text.is_empty() {
        return Err(Error::input("--kenmerk is leeg")
            .hint("Laat --kenmerk weg, of geef het eigen dossiernummer van de praktijk."));
    }
    if crate::bsn::is_bsn(&text) {
        return Err(Error::input(format!("'{text}' lijkt een burgerservicenummer (BSN); dat wordt niet opgeslagen")).hint(
            "Een BSN herleidt direct tot de persoon. zorgpad bewaart gevoelige gegevens over psychische problemen en de\nveiligheid van kinderen, en heeft daarom hooguit een eigen kenmerk nodig, zoals het dossiernummer van de\npraktijk. Laat --kenmerk weg of gebruik zo'n eigen kenmerk.",
        ));
    }
    if text.chars().count() > 64 || text.chars().any(char::is_control) {
        return Err(
            Error::input("--kenmerk mag hooguit 64 tekens zijn, zonder regeleinden")
                .hint("Gebruik een kort kenmerk, zoals het dossiernummer van de praktijk."),
        );
    }
    Ok(text)
}

fn format_of(path: &std::path::Path) -> Option<Format> {
    match path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_lowercase)
        .as_deref()
    {
        Some("md") | Some("markdown") => Some(Format::Markdown),
        Some("json") => Some(Format::Json),
        Some("html") | Some("htm") => Some(Format::Html),
        _ => None,
    }
}

/// Check the export target now, so that a session is not walked only to fail at the end.
fn export(path: PathBuf) -> Result<Export> {
    let Some(format) = format_of(&path) else {
        return Err(Error::input(format!(
            "onbekend exportformaat voor '{}': de naam moet eindigen op .md, .json of .html",
            path.display()
        ))
        .hint("Bijvoorbeeld: --export samenvatting.md"));
    };
    check_target(&path, "de export")?;
    Ok(Export { path, format })
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
/// text; in a pipe or a file (or with `NO_COLOR`), the fixed width, so output is reproducible.
fn layout(no_color: bool) -> Layout {
    let on_terminal = std::io::stdout().is_terminal();
    let width = if on_terminal && !no_color {
        crossterm::terminal::size().map_or(FIXED_WIDTH, |(w, _)| w.clamp(40, 200))
    } else {
        FIXED_WIDTH
    };
    Layout {
        width,
        wrap: on_terminal,
    }
}
