//! The caseload: every stored session in one row — who, where it stands, what it waits for.
//! Rows are facts replayed from each session's journal, never stored beside it; the table for
//! the screen and the JSON for scripts are made from the same rows.

use jiff::civil::Date;
use jiff::tz::TimeZone;
use jiff::Timestamp;
use serde::Serialize;

use crate::clock;
use crate::engine::journal;
use crate::engine::session::Session;
use crate::report::Layout;
use crate::store::pinned::FlowCache;
use crate::store::{Record, Store};

/// One stored session, as `zorgpad sessies` shows it. The keys are the JSON schema's.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct SessionRow {
    pub id: String,
    pub kenmerk: Option<String>,
    pub gemeente: Option<String>,
    /// "lopend", "wacht", "afgerond", "flow gewijzigd" or "flow ontbreekt".
    pub status: String,
    /// Where it stands: the next question, or the end reached.
    pub stap: String,
    pub wacht_op: Option<Waiting>,
    pub aangemaakt: Timestamp,
    pub bijgewerkt: Timestamp,
    /// Another zorgpad process has the session open (`start`, `hervat`, `export`) right now.
    pub in_gebruik: bool,
}

/// What a paused session waits for.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct Waiting {
    /// The question's key (e.g. `D4`).
    pub vraag: String,
    pub sinds: Timestamp,
    pub verwacht: Option<Date>,
}

/// The rows of the stored sessions, in the store's order, with whether a session is open in another process. Each session is replayed with its pinned flows (loaded once).
pub(crate) fn rows(store: &Store, records: &[Record]) -> Vec<SessionRow> {
    let in_use = |id: &str| store.in_use(id);
    let mut cache = FlowCache::new(store);
    records
        .iter()
        .map(|record| {
            let (status, stap) = status_of(record, &mut cache);
            SessionRow {
                id: record.id.clone(),
                kenmerk: record.kenmerk.clone(),
                gemeente: record.gemeente.clone(),
                status,
                stap,
                wacht_op: journal::pause(&record.journaal).map(|(key, since, expected)| Waiting {
                    vraag: key.rsplit('/').next().unwrap_or(key).to_string(),
                    sinds: since,
                    verwacht: expected,
                }),
                aangemaakt: record.aangemaakt,
                bijgewerkt: record.bijgewerkt,
                in_gebruik: in_use(&record.id),
            }
        })
        .collect()
}

/// The rows as a table for the screen.
pub(crate) fn table(rows: &[SessionRow], layout: Layout, zone: &TimeZone) -> comfy_table::Table {
    let mut table = crate::report::table(
        layout,
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
    for row in rows {
        let waiting = row.wacht_op.as_ref().map_or_else(
            || "—".to_string(),
            |w| {
                let mut s = format!("{}, sinds {}", w.vraag, clock::date_time(w.sinds, zone));
                if let Some(d) = w.verwacht {
                    s.push_str(&format!(", verwacht {}", d.strftime("%d-%m-%Y")));
                }
                s
            },
        );
        let cells = [
            row.id.clone(),
            row.kenmerk.clone().unwrap_or_else(|| "—".to_string()),
            row.gemeente.clone().unwrap_or_else(|| "—".to_string()),
            if row.in_gebruik {
                format!("{} · in gebruik", row.status)
            } else {
                row.status.clone()
            },
            row.stap.clone(),
            waiting,
            clock::date_time(row.bijgewerkt, zone),
        ];
        // From the session file: made visible before the table counts widths.
        table.add_row(cells.map(|c| crate::visible::text(&c).into_owned()));
    }
    table
}

/// A session's status and where it stands, replayed from its journal.
fn status_of(record: &Record, cache: &mut FlowCache<'_>) -> (String, String) {
    let Some(set) = cache.get(record) else {
        return (
            "flow ontbreekt".to_string(),
            record.flow.bestand.clone().unwrap_or_default(),
        );
    };
    let Ok(session) = Session::from_journal(set, record.journaal.clone()) else {
        return (
            "flow gewijzigd".to_string(),
            "(kan niet worden nagespeeld)".to_string(),
        );
    };
    let walk = session.walk();
    if walk.is_finished() {
        let outcome = walk.outcome().map(|n| n.title.clone()).unwrap_or_default();
        return ("afgerond".to_string(), outcome);
    }
    let step = walk
        .question()
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
