//! The meaning of `zorgpad statistiek`'s arguments: the period, the format, the target.

use std::path::PathBuf;

use crate::cli::config::file_name::{self, Names};
use crate::error::{Error, Result};
use crate::report::write::csv::Dialect;
use crate::report::Layout;
use crate::store::Store;
use jiff::civil::Date;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StatsFormat {
    Text,
    Csv,
    Markdown,
    Json,
}

/// `zorgpad statistiek`.
#[derive(Debug)]
pub struct StatsCmd {
    pub data_dir: PathBuf,
    pub from: Option<Date>,
    pub to: Option<Date>,
    pub format: StatsFormat,
    /// How `--formaat csv` is written: for Dutch Excel unless `--csv-scheiding komma`.
    pub csv: Dialect,
    pub layout: Layout,
    /// `-o`: the file to write instead of standard output.
    pub output: Option<PathBuf>,
}

/// The names of a statistics file: the extension picks the format.
const STATS_NAMES: &[(&str, StatsFormat)] = &[
    ("csv", StatsFormat::Csv),
    ("md", StatsFormat::Markdown),
    ("markdown", StatsFormat::Markdown),
    ("json", StatsFormat::Json),
    ("txt", StatsFormat::Text),
];

impl StatsCmd {
    pub fn resolve(a: crate::cli::StatsArgs, layout: Layout) -> Result<StatsCmd> {
        let date = |flag: &str, v: Option<String>| -> Result<Option<Date>> {
            match v {
                None => Ok(None),
                Some(text) => crate::clock::parse_date(&text).map(Some).ok_or_else(|| {
                    Error::input(format!("{flag} '{}' is geen geldige datum", text.trim()))
                        .hint("Gebruik dd-mm-jjjj (bijvoorbeeld 01-11-2026) of jjjj-mm-dd.")
                }),
            }
        };
        let from = date("--van", a.van)?;
        let to = date("--tot", a.tot)?;
        if let (Some(f), Some(t)) = (from, to) {
            if f > t {
                return Err(Error::input(format!(
                    "--van ({}) ligt na --tot ({})",
                    f.strftime("%d-%m-%Y"),
                    t.strftime("%d-%m-%Y")
                ))
                .hint("Verwissel de datums; beide datums tellen mee."));
            }
        }
        let flag = match (a.formaat, a.json) {
            (Some(_), true) => {
                return Err(Error::input("geef --formaat of --json, niet allebei")
                    .hint("--json schrijft de cijfers als JSON voor scripts; --formaat csv of md voor een bestand."))
            }
            (None, true) => Some((StatsFormat::Json, "--json")),
            (None, false) => None,
            (Some(crate::cli::StatsFormatArg::Csv), false) => {
                Some((StatsFormat::Csv, "--formaat csv"))
            }
            (Some(crate::cli::StatsFormatArg::Md), false) => {
                Some((StatsFormat::Markdown, "--formaat md"))
            }
        };
        let format = match (&a.uitvoer, flag) {
            (Some(out), _) => file_name::format_of(
                out,
                &Names {
                    what: "de statistiek",
                    formats: STATS_NAMES,
                    instead: "schrijf CSV (-o statistiek.csv), die opent in Excel, of Markdown (-o statistiek.md)",
                    choices: ".csv, .md (Markdown), .json of .txt (de tabellen van het scherm)",
                    flag: true,
                },
                flag,
            )?,
            (None, Some((f, _))) => f,
            (None, None) => StatsFormat::Text,
        };
        // Tables in a file have the fixed width, wherever they were made.
        let layout = match &a.uitvoer {
            Some(_) => Layout {
                width: crate::report::FIXED_WIDTH,
                wrap: false,
            },
            None => layout,
        };
        let csv = match a.csv_scheiding {
            None | Some(crate::cli::CsvSeparatorArg::Puntkomma) => Dialect::Excel,
            Some(crate::cli::CsvSeparatorArg::Komma) => Dialect::Plain,
        };
        if a.csv_scheiding.is_some() && format != StatsFormat::Csv {
            return Err(Error::input("--csv-scheiding hoort bij --formaat csv")
                .hint("Laat --csv-scheiding weg, of vraag met --formaat csv om een CSV-bestand."));
        }
        Ok(StatsCmd {
            data_dir: Store::resolve_dir(a.data.data_dir)?,
            from,
            to,
            format,
            csv,
            layout,
            output: a.uitvoer,
        })
    }
}
