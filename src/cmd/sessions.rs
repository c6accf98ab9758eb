//! `zorgpad sessies`: the caseload — the stored sessions, filtered (`--wacht`, `--te-laat`,
//! `--kenmerk`, `--status`) and in the order of their next expected date, as a table that never
//! breaks a word, or, with `--json`, as a document for scripts (schema `zorgpad.sessies/1`).

use crate::cli::config::session::SessionList;
use crate::clock::Clock;
use crate::error::{Exit, Result};
use crate::out::{errln, outln};
use crate::report::json;
use crate::report::sessions::{rows, sort, table};
use crate::store::Unreadable;

pub fn list(config: &SessionList) -> Result<Exit> {
    let store = crate::cmd::stored::open_store(&config.data_dir)?;
    let clock = Clock::from_env()?;
    let (records, unreadable) = store.list();
    let mut rows = rows(&store, &records, clock.today());
    rows.retain(|row| config.filter.keeps(row));
    sort(&mut rows);
    if config.json {
        outln!("{}", json::sessions(store.dir(), &rows, &unreadable))?;
        return Ok(Exit::Ok);
    }
    if records.is_empty() && unreadable.is_empty() {
        outln!("Geen sessies in {}.", store.dir().display())?;
        return Ok(Exit::Ok);
    }
    if !rows.is_empty() {
        outln!("{}", table(&rows, config.layout, clock.zone()))?;
    } else if !config.filter.is_empty() {
        outln!(
            "Geen sessies die aan de filters voldoen ({} sessies in {}).",
            records.len(),
            store.dir().display()
        )?;
    }
    for u in &unreadable {
        errln!("zorgpad: waarschuwing: {}", problem(u));
    }
    Ok(Exit::Ok)
}

/// A file in the data directory that is not read as a session, and why.
fn problem(u: &Unreadable) -> String {
    if u.misnamed {
        format!("{} ({})", u.reason, u.path.display())
    } else {
        format!(
            "sessiebestand '{}' is onleesbaar ({}); het is niet veranderd.",
            u.path.display(),
            u.reason
        )
    }
}
