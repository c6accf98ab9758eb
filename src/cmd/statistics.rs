//! `zorgpad statistiek`: anonymous figures over the stored sessions.

use crate::cli::config::statistics::{StatsCmd, StatsFormat};

use crate::clock::Clock;
use crate::error::{Exit, Result};
use crate::out::{errln, out};
use crate::report::statistics::*;
use crate::report::write;

pub fn run(config: &StatsCmd) -> Result<Exit> {
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
    let facts: Vec<Facts> = records
        .iter()
        .filter(|r| {
            let day = r.aangemaakt.to_zoned(zone.clone()).date();
            config.from.is_none_or(|f| day >= f) && config.to.is_none_or(|t| day <= t)
        })
        .map(|r| facts(r, &mut cache))
        .collect();
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
    let figures = figures(&facts);
    let doc = document(&figures, &period);
    let out = match config.format {
        StatsFormat::Text => write::text(&doc, config.layout),
        StatsFormat::Markdown => write::markdown(&doc),
        StatsFormat::Csv => csv(&doc, &figures, config.csv),
        StatsFormat::Json => {
            crate::report::json::tables(&doc, crate::report::json::STATISTICS) + "\n"
        }
    };
    match &config.output {
        Some(path) => {
            crate::store::private_file::write("de statistiek", path, out.as_bytes())?;
            errln!("Statistiek geschreven naar {}.", path.display());
        }
        None => out!("{out}")?,
    }
    Ok(Exit::Ok)
}
