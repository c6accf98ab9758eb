//! The meaning of `zorgpad statistiek`'s arguments (the period, the format, the target) and
//! of `zorgpad statistiek samenvoegen`'s (the files, the format, the target).

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

/// `zorgpad statistiek` or `zorgpad statistiek samenvoegen`.
#[derive(Debug)]
pub enum StatsCmd {
    Count(CountCmd),
    Merge(MergeCmd),
}

/// `zorgpad statistiek`: `Json` is the practice's counts (`zorgpad.praktijkcijfers/1`).
#[derive(Debug)]
pub struct CountCmd {
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

/// `zorgpad statistiek samenvoegen`: `Json` is the figures' tables (`zorgpad.statistiek/1`).
#[derive(Debug)]
pub struct MergeCmd {
    pub paths: Vec<PathBuf>,
    pub format: StatsFormat,
    pub csv: Dialect,
    pub layout: Layout,
    pub output: Option<PathBuf>,
}

impl StatsCmd {
    pub fn resolve(mut a: crate::cli::StatsArgs, layout: Layout) -> Result<StatsCmd> {
        match a.action.take() {
            Some(crate::cli::StatsAction::Samenvoegen(m)) => {
                // The options of counting the practice's own sessions mean nothing here.
                let given = [
                    ("--van", a.van.is_some()),
                    ("--tot", a.tot.is_some()),
                    ("--formaat", a.formaat.is_some()),
                    ("--csv-scheiding", a.csv_scheiding.is_some()),
                    ("--json", a.json),
                    ("--data-dir", a.data.data_dir.is_some()),
                    ("-o", a.uitvoer.is_some()),
                ];
                if let Some((flag, _)) = given.iter().find(|(_, given)| *given) {
                    return Err(Error::input(format!(
                        "{flag} vóór 'samenvoegen' hoort bij het tellen van de eigen sessies, niet bij het samenvoegen"
                    ))
                    .hint("Samenvoegen telt wat in de bestanden staat: kies de periode bij het maken ervan (zorgpad statistiek --van … -o praktijk.json). --formaat, --csv-scheiding en -o komen na 'samenvoegen'."));
                }
                Ok(StatsCmd::Merge(MergeCmd::resolve(m, layout)?))
            }
            None => Ok(StatsCmd::Count(CountCmd::resolve(a, layout)?)),
        }
    }
}

/// The format from `--formaat` (with the flag's words) and `-o`, the layout of the tables and
/// the CSV dialect.
fn output(
    flag: Option<(StatsFormat, &'static str)>,
    uitvoer: Option<&PathBuf>,
    separator: Option<crate::cli::CsvSeparatorArg>,
    layout: Layout,
    json: &'static str,
) -> Result<(StatsFormat, Layout, Dialect)> {
    let format = match (uitvoer, flag) {
        (Some(out), _) => file_name::format_of(
            out,
            &Names {
                what: "de statistiek",
                formats: STATS_NAMES,
                instead: "schrijf CSV (-o statistiek.csv), die opent in Excel, of Markdown (-o statistiek.md)",
                choices: json,
                flag: true,
            },
            flag,
        )?,
        (None, Some((f, _))) => f,
        (None, None) => StatsFormat::Text,
    };
    // Tables in a file have the fixed width, wherever they were made.
    let layout = match uitvoer {
        Some(_) => Layout {
            width: crate::report::FIXED_WIDTH,
            wrap: false,
        },
        None => layout,
    };
    let csv = match separator {
        None | Some(crate::cli::CsvSeparatorArg::Puntkomma) => Dialect::Excel,
        Some(crate::cli::CsvSeparatorArg::Komma) => Dialect::Plain,
    };
    if separator.is_some() && format != StatsFormat::Csv {
        return Err(Error::input("--csv-scheiding hoort bij --formaat csv")
            .hint("Laat --csv-scheiding weg, of vraag met --formaat csv om een CSV-bestand."));
    }
    Ok((format, layout, csv))
}

impl MergeCmd {
    fn resolve(a: crate::cli::StatsMergeArgs, layout: Layout) -> Result<MergeCmd> {
        use crate::cli::StatsMergeFormatArg as F;
        let flag = a.formaat.map(|f| match f {
            F::Md => (StatsFormat::Markdown, "--formaat md"),
            F::Csv => (StatsFormat::Csv, "--formaat csv"),
            F::Json => (StatsFormat::Json, "--formaat json"),
            F::Tekst => (StatsFormat::Text, "--formaat tekst"),
        });
        let (format, layout, csv) = output(
            flag,
            a.uitvoer.as_ref(),
            a.csv_scheiding,
            layout,
            ".csv, .md (Markdown), .json (de tabellen) of .txt (de tabellen van het scherm)",
        )?;
        Ok(MergeCmd {
            paths: a.paden,
            format,
            csv,
            layout,
            output: a.uitvoer,
        })
    }
}

impl CountCmd {
    fn resolve(a: crate::cli::StatsArgs, layout: Layout) -> Result<CountCmd> {
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
            (Some(crate::cli::StatsFormatArg::Json), false) => {
                Some((StatsFormat::Json, "--formaat json"))
            }
            (Some(crate::cli::StatsFormatArg::Csv), false) => {
                Some((StatsFormat::Csv, "--formaat csv"))
            }
            (Some(crate::cli::StatsFormatArg::Md), false) => {
                Some((StatsFormat::Markdown, "--formaat md"))
            }
        };
        let (format, layout, csv) = output(
            flag,
            a.uitvoer.as_ref(),
            a.csv_scheiding,
            layout,
            ".csv, .md (Markdown), .json (de praktijkcijfers) of .txt (de tabellen van het scherm)",
        )?;
        Ok(CountCmd {
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
