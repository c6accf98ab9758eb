//! `zorgpad statistiek`: anonymous figures over the stored sessions, or the practice's counts
//! to merge; `zorgpad statistiek samenvoegen`: the figures of several practices together.

use crate::cli::config::statistics::{CountCmd, MergeCmd, StatsCmd, StatsFormat};

use crate::clock::Clock;
use crate::error::{Error, Exit, Result};
use crate::out::{errln, out};
use crate::report::statistics::{add, counts, document, Counts};
use crate::report::write;

pub fn run(config: &StatsCmd) -> Result<Exit> {
    match config {
        StatsCmd::Count(c) => count(c),
        StatsCmd::Merge(m) => merge(m),
    }
}

fn count(config: &CountCmd) -> Result<Exit> {
    let store = crate::cmd::stored::open_store(&config.data_dir)?;
    let clock = Clock::from_env()?;
    let zone = clock.zone().clone();
    let (records, unreadable) = store.list();
    for u in &unreadable {
        errln!(
            "zorgpad: waarschuwing: sessiebestand '{}' is onleesbaar ({}); het telt niet mee en is niet veranderd.",
            u.path.display(),
            u.reason
        );
    }
    let mut cache = crate::store::pinned::FlowCache::new(&store);
    let mut counts = Counts::new();
    for r in &records {
        let day = r.aangemaakt.to_zoned(zone.clone()).date();
        if config.from.is_some_and(|f| day < f) || config.to.is_some_and(|t| day > t) {
            continue;
        }
        add(
            r,
            day.strftime("%Y-%m").to_string(),
            &mut cache,
            &mut counts,
        );
    }
    let period = match (config.from, config.to) {
        (None, None) => "alle sessies".to_string(),
        (Some(f), None) => format!("gestart vanaf {}", f.strftime("%d-%m-%Y")),
        (None, Some(t)) => format!("gestart tot en met {}", t.strftime("%d-%m-%Y")),
        (Some(f), Some(t)) => format!(
            "gestart van {} tot en met {}",
            f.strftime("%d-%m-%Y"),
            t.strftime("%d-%m-%Y")
        ),
    };
    let out = match config.format {
        // The practice's exact counts, to be merged by the regional coordinator.
        StatsFormat::Json => pretty(&counts)?,
        format => render(
            &counts,
            &[format!("Periode: {period}")],
            format,
            config.csv,
            config.layout,
        ),
    };
    let what = match config.format {
        StatsFormat::Json => {
            "De praktijkcijfers (exacte aantallen, alleen voor de regiocoördinator) zijn"
        }
        _ => "De statistiek is",
    };
    emit(&out, config.output.as_deref(), what)
}

fn merge(config: &MergeCmd) -> Result<Exit> {
    let files = counts::files(&config.paths)?;
    let mut total = Counts::new();
    for f in &files {
        total.merge(counts::load(f)?);
    }
    let mut intro = vec![format!(
        "Samengevoegd uit {} {} met praktijkcijfers.",
        files.len(),
        if files.len() == 1 {
            "bestand"
        } else {
            "bestanden"
        }
    )];
    if let Some(m) = &total.maanden {
        let month = |ym: &str| match ym.split_once('-') {
            Some((y, m)) => format!("{m}-{y}"),
            None => ym.to_string(),
        };
        intro.push(format!(
            "Periode: sessies gestart van {} tot en met {}.",
            month(&m.van),
            month(&m.tot)
        ));
    }
    let out = render(&total, &intro, config.format, config.csv, config.layout);
    emit(
        &out,
        config.output.as_deref(),
        "De samengevoegde statistiek is",
    )
}

/// The figures made from `counts`, in `format` (JSON: the tables, small groups hidden).
fn render(
    counts: &Counts,
    intro: &[String],
    format: StatsFormat,
    dialect: write::csv::Dialect,
    layout: crate::report::Layout,
) -> String {
    let comma = |m: f64| write::csv::Dialect::Excel.one_decimal(m);
    match format {
        StatsFormat::Text => write::text(&document(counts, intro, &comma), layout),
        StatsFormat::Markdown => write::markdown(&document(counts, intro, &comma)),
        StatsFormat::Csv => {
            let decimal = |m: f64| dialect.one_decimal(m);
            let doc = document(counts, intro, &decimal);
            write::csv::write(&write::csv::records(&doc), dialect)
        }
        StatsFormat::Json => {
            crate::report::json::tables(
                &document(counts, intro, &comma),
                crate::report::json::STATISTICS,
            ) + "\n"
        }
    }
}

fn pretty(counts: &Counts) -> Result<String> {
    serde_json::to_string_pretty(counts)
        .map(|s| s + "\n")
        .map_err(|_| Error::input("de praktijkcijfers zijn niet als JSON te schrijven"))
}

fn emit(out: &str, path: Option<&std::path::Path>, what: &str) -> Result<Exit> {
    match path {
        Some(path) => {
            crate::store::private_file::write("de statistiek", path, out.as_bytes())?;
            errln!("{what} geschreven naar {}.", path.display());
        }
        None => out!("{out}")?,
    }
    Ok(Exit::Ok)
}
