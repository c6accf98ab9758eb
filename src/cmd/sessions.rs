//! `zorgpad sessies`: the stored sessions as a table — where each stands, what it waits for —
//! or, with `--json`, as a document for scripts (schema `zorgpad.sessies/1`).

use crate::cli::config::session::SessionList;
use crate::clock::Clock;
use crate::error::{Exit, Result};
use crate::out::{errln, outln};
use crate::report::json;
use crate::report::sessions::{rows, table};
use crate::store::Unreadable;

pub fn list(config: &SessionList) -> Result<Exit> {
    let store = crate::cmd::stored::open_store(&config.data_dir)?;
    let clock = Clock::from_env()?;
    let (records, unreadable) = store.list();
    let rows = rows(&store, &records);
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
