//! `zorgpad sessies`: the stored sessions as a table — where each stands, what it waits for.

use std::collections::BTreeMap;

use crate::cli::config::session::SessionList;
use crate::clock::{self, Clock};
use crate::engine::journal;
use crate::engine::session::Session;
use crate::error::{Exit, Result};
use crate::flow::set::FlowSet;
use crate::out::{errln, outln};
use crate::store::{Record, Store};

/// The flows of a stored session: its own file if it still exists, else the embedded ones.
fn flows_for(
    record: &Record,
    cache: &mut BTreeMap<Option<String>, Option<FlowSet>>,
) -> Option<FlowSet> {
    let key = record.flow.bestand.clone();
    cache
        .entry(key.clone())
        .or_insert_with(|| FlowSet::load(key.as_deref().map(std::path::Path::new)).ok())
        .clone()
}

pub fn list(config: &SessionList) -> Result<Exit> {
    let store = Store::open(config.data_dir.clone())?;
    let clock = Clock::from_env()?;
    let zone = clock.zone();
    let (records, unreadable) = store.list();
    let mut cache = BTreeMap::new();
    if records.is_empty() && unreadable.is_empty() {
        outln!("Geen sessies in {}.", store.dir().display())?;
        return Ok(Exit::Ok);
    }
    let mut table = crate::report::table(
        config.layout,
        &[
            "Id",
            "Kenmerk",
            "Gemeente",
            "Status",
            "Huidige stap",
            "Wacht op",
            "Laatst gewijzigd",
        ],
    );
    // The id is what people type to resume: it never wraps.
    if let Some(column) = table.column_mut(0) {
        column.set_constraint(comfy_table::ColumnConstraint::ContentWidth);
    }
    for record in &records {
        let (status, step) = status_of(record, &mut cache);
        let waiting = waiting_of(record, zone);
        let cells = [
            record.id.clone(),
            record.kenmerk.clone().unwrap_or_else(|| "—".to_string()),
            record.gemeente.clone().unwrap_or_else(|| "—".to_string()),
            status,
            step,
            waiting,
            clock::date_time(record.bijgewerkt, zone),
        ];
        // From the session file: shown before the table counts widths.
        table.add_row(cells.map(|c| crate::visible::text(&c).into_owned()));
    }
    if !records.is_empty() {
        outln!("{table}")?;
    }
    for u in &unreadable {
        errln!(
            "zorgpad: waarschuwing: sessiebestand '{}' is onleesbaar ({}); het is niet veranderd.",
            u.path.display(),
            u.reason
        );
    }
    Ok(Exit::Ok)
}

/// A session's status and where it stands, replayed from its journal.
fn status_of(
    record: &Record,
    cache: &mut BTreeMap<Option<String>, Option<FlowSet>>,
) -> (String, String) {
    match flows_for(record, cache) {
        Some(set) => match Session::from_journal(&set, record.journaal.clone()) {
            Ok(session) => {
                let walk = session.walk();
                if walk.is_finished() {
                    let outcome = walk.outcome().map(|n| n.title.clone()).unwrap_or_default();
                    ("afgerond".to_string(), outcome)
                } else {
                    let q = walk.question();
                    let step = q
                        .map(|q| {
                            // Inside a sub-flow: the calling box (e.g. B6) and the step.
                            let label = q
                                .node
                                .blueprint
                                .clone()
                                .or_else(|| q.calls.last().and_then(|c| c.blueprint.clone()))
                                .unwrap_or_else(|| q.key.clone());
                            match q.step {
                                Some(s) => format!("stap {s}, {label}: {}", q.node.title),
                                None => format!("{label}: {}", q.node.title),
                            }
                        })
                        .unwrap_or_default();
                    let status = if journal::pause(&record.journaal).is_some() {
                        "wacht"
                    } else {
                        "lopend"
                    };
                    (status.to_string(), step)
                }
            }
            Err(_) => (
                "flow gewijzigd".to_string(),
                "(kan niet worden nagespeeld)".to_string(),
            ),
        },
        None => (
            "flow ontbreekt".to_string(),
            record.flow.bestand.clone().unwrap_or_default(),
        ),
    }
}

/// What a paused session waits for, since when, and until when it is expected.
fn waiting_of(record: &Record, zone: &jiff::tz::TimeZone) -> String {
    journal::pause(&record.journaal)
        .map(|(key, since, expected)| {
            let what = key.rsplit('/').next().unwrap_or(key).to_string();
            let mut s = format!("{what}, sinds {}", clock::date_time(since, zone));
            if let Some(d) = expected {
                s.push_str(&format!(", verwacht {}", d.strftime("%d-%m-%Y")));
            }
            s
        })
        .unwrap_or_else(|| "—".to_string())
}
