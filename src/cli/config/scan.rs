//! The meaning of `zorgpad scan` (filling in) and `zorgpad scan rapport`'s arguments: where a
//! scan goes, which files make the group, which format the report takes.

use std::path::PathBuf;

use crate::error::{Error, Result};
use crate::report::Layout;

/// `zorgpad scan` (filling in).
#[derive(Debug)]
pub struct Fill {
    pub questionnaire: Option<PathBuf>,
    pub answers: Option<PathBuf>,
    pub target: Target,
    pub color: bool,
    /// Plain lines for a screen reader (`--toegankelijk`, `ZORGPAD_TOEGANKELIJK`).
    pub plain: bool,
    pub layout: Layout,
}

/// Where the scan file goes.
#[derive(Debug)]
pub enum Target {
    /// Exactly this file.
    File(PathBuf),
    /// A new file `scan-…json` in this directory (created when needed).
    Dir(PathBuf),
}

impl Fill {
    pub fn resolve(a: crate::cli::ScanArgs, env: crate::cli::config::Env) -> Result<Fill> {
        let plain = a.toegankelijk || env.plain;
        // Plain lines need no terminal: they are read from standard input.
        if a.antwoorden.is_none() && !plain {
            use std::io::IsTerminal;
            if !(std::io::stdin().is_terminal() && std::io::stderr().is_terminal()) {
                return Err(Error::input(
                    "er is geen terminal: de scan stelt vragen en heeft een terminal nodig",
                )
                .hint("Start zorgpad in een terminal, of geef de antwoorden in een bestand mee:\n  zorgpad scan --antwoorden scan.yaml --map scans\nDe vorm van dat bestand staat in flows/vragenlijst.md."));
            }
        }
        let target = match (a.uitvoer, a.map) {
            (Some(file), None) => {
                if !file
                    .extension()
                    .is_some_and(|e| e.eq_ignore_ascii_case("json"))
                {
                    return Err(Error::input(format!(
                        "de uitvoer '{}' moet eindigen op .json (een scan wordt als JSON bewaard)",
                        file.display()
                    ))
                    .hint("Bijvoorbeeld: -o mijn-scan.json, of --map MAP voor een nieuwe naam in een map."));
                }
                if file.is_dir() {
                    return Err(Error::input(format!(
                        "'{}' is een map; geef een bestandsnaam, of gebruik --map",
                        file.display()
                    )));
                }
                let dir = match file.parent() {
                    Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
                    _ => PathBuf::from("."),
                };
                if !dir.is_dir() {
                    return Err(Error::input(format!(
                        "de map '{}' voor de scan bestaat niet",
                        dir.display()
                    ))
                    .hint("Maak de map eerst aan, of kies een andere plaats."));
                }
                Target::File(file)
            }
            (None, dir) => {
                let dir = dir.unwrap_or_else(|| PathBuf::from("."));
                if dir.exists() && !dir.is_dir() {
                    return Err(Error::input(format!(
                        "'{}' is geen map; --map noemt de map waarin de scan komt",
                        dir.display()
                    ))
                    .hint("Gebruik -o BESTAND.json voor één bestand."));
                }
                Target::Dir(dir)
            }
            (Some(_), Some(_)) => return Err(Error::input("geef -o of --map, niet allebei").hint(
                "-o BESTAND.json: precies dit bestand; --map MAP: een nieuw bestand in die map.",
            )),
        };
        Ok(Fill {
            questionnaire: a.vragenlijst,
            answers: a.antwoorden,
            target,
            color: env.color,
            plain,
            layout: env.layout,
        })
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReportFormat {
    Text,
    Markdown,
    Html,
}

/// The names of a group report: the extension picks the format.
const REPORT_NAMES: &[(&str, ReportFormat)] = &[
    ("md", ReportFormat::Markdown),
    ("markdown", ReportFormat::Markdown),
    ("html", ReportFormat::Html),
    ("htm", ReportFormat::Html),
    ("txt", ReportFormat::Text),
];

/// `zorgpad scan rapport`.
#[derive(Debug)]
pub struct ReportCmd {
    pub paths: Vec<PathBuf>,
    pub format: ReportFormat,
    pub output: Option<PathBuf>,
    pub questionnaire: Option<PathBuf>,
    pub layout: Layout,
}

impl ReportCmd {
    pub fn resolve(a: crate::cli::ScanReportArgs, layout: Layout) -> Result<ReportCmd> {
        use crate::cli::ScanFormatArg;
        let flag = a.formaat.map(|f| match f {
            ScanFormatArg::Md => (ReportFormat::Markdown, "--formaat md"),
            ScanFormatArg::Html => (ReportFormat::Html, "--formaat html"),
        });
        let format = match (&a.uitvoer, flag) {
            (Some(out), _) => crate::cli::config::file_name::format_of(
                out,
                &crate::cli::config::file_name::Names {
                    what: "het rapport",
                    formats: REPORT_NAMES,
                    instead: "schrijf HTML (-o groepsbeeld.html) en druk die af naar PDF vanuit de browser",
                    choices: ".md (Markdown), .html of .txt (de tabellen van het scherm)",
                    flag: true,
                },
                flag,
            )?,
            (None, Some((f, _))) => f,
            (None, None) => ReportFormat::Text,
        };
        // Tables in a file have the fixed width, wherever they were made.
        let layout = match &a.uitvoer {
            Some(_) => Layout {
                width: crate::report::FIXED_WIDTH,
                wrap: false,
            },
            None => layout,
        };
        Ok(ReportCmd {
            paths: a.paden,
            format,
            output: a.uitvoer,
            questionnaire: a.vragenlijst,
            layout,
        })
    }
}
