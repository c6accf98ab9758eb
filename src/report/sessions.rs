//! The caseload: every stored session in one row — who, where it stands, what it waits for,
//! and whether that wait is overdue. Rows are facts replayed from each session's journal, never
//! stored beside it; the filters and the order ([`Filter`], [`sort`]) and then the table for the
//! screen and the JSON for scripts are made from the same rows. The table never breaks a word:
//! where the full table does not fit, it drops its less useful columns, and at last becomes a
//! list.

use jiff::civil::Date;
use jiff::tz::TimeZone;
use jiff::Timestamp;
use serde::Serialize;

use crate::clock;
use crate::engine::journal;
use crate::engine::session::Session;
use crate::report::document::{Block, Column, Document, Table};
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
    /// It waits, and the expected date is before today (of the pause or of a follow-up).
    pub te_laat: bool,
    /// The follow-ups still open beside the path (added later to `zorgpad.sessies/1`).
    pub opvolgingen: Vec<FollowUpRow>,
}

/// An open follow-up of a session: a question answered later while the path goes on.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct FollowUpRow {
    /// Its id in the session (`zorgpad opvolgen ID --opvolging …`).
    pub id: String,
    pub vraag: String,
    pub sinds: Timestamp,
    pub verwacht: Option<Date>,
    pub te_laat: bool,
}

/// Which sessions `zorgpad sessies` lists; every filter given must hold.
#[derive(Debug, Clone, Default)]
pub(crate) struct Filter {
    /// `--wacht`: waiting at a wait or pause.
    pub waiting: bool,
    /// `--te-laat`: waiting, with the expected date before today.
    pub overdue: bool,
    /// `--kenmerk`: the client's reference, exact, ignoring case.
    pub kenmerk: Option<String>,
    /// `--status`: `lopend`, `wacht` or `afgerond`.
    pub status: Option<String>,
}

impl Filter {
    pub(crate) fn keeps(&self, row: &SessionRow) -> bool {
        let reference = |k: &str| k.trim().to_lowercase();
        (!self.waiting || row.wacht_op.is_some() || !row.opvolgingen.is_empty())
            && (!self.overdue || row.te_laat)
            && self.kenmerk.as_deref().is_none_or(|want| {
                row.kenmerk
                    .as_deref()
                    .is_some_and(|k| reference(k) == reference(want))
            })
            && self.status.as_deref().is_none_or(|s| row.status == s)
    }

    pub(crate) fn is_empty(&self) -> bool {
        !self.waiting && !self.overdue && self.kenmerk.is_none() && self.status.is_none()
    }
}

/// The order of the caseload: sessions with an expected date first, the earliest first; then
/// the others. Otherwise the order given stays (the store's: the latest change first).
pub(crate) fn sort(rows: &mut [SessionRow]) {
    rows.sort_by_key(|row| {
        let expected = row
            .wacht_op
            .as_ref()
            .and_then(|w| w.verwacht)
            .into_iter()
            .chain(row.opvolgingen.iter().filter_map(|f| f.verwacht))
            .min();
        (expected.is_none(), expected)
    });
}

/// What a paused session waits for.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct Waiting {
    /// The question's key (e.g. `D4`).
    pub vraag: String,
    pub sinds: Timestamp,
    pub verwacht: Option<Date>,
}

/// The rows of the stored sessions, in the store's order, with whether a session is open in
/// another process and whether its wait is overdue on `today`. Each session is replayed with
/// its pinned flows (loaded once).
pub(crate) fn rows(store: &Store, records: &[Record], today: Date) -> Vec<SessionRow> {
    let in_use = |id: &str| store.in_use(id);
    let mut cache = FlowCache::new(store);
    records
        .iter()
        .map(|record| {
            let (status, stap, opvolgingen) = status_of(record, &mut cache, today);
            let wacht_op = journal::pause(&record.journaal).map(|(key, since, expected)| Waiting {
                vraag: key.rsplit('/').next().unwrap_or(key).to_string(),
                sinds: since,
                verwacht: expected,
            });
            let te_laat = wacht_op
                .as_ref()
                .and_then(|w| w.verwacht)
                .is_some_and(|d| d < today)
                || opvolgingen.iter().any(|f| f.te_laat);
            SessionRow {
                id: record.id.clone(),
                kenmerk: record.kenmerk.clone(),
                gemeente: record.gemeente.clone(),
                status,
                stap,
                wacht_op,
                aangemaakt: record.aangemaakt,
                bijgewerkt: record.bijgewerkt,
                in_gebruik: in_use(&record.id),
                te_laat,
                opvolgingen,
            }
        })
        .collect()
}

/// The columns of the table, from the most to the least useful at a glance.
const TITLES: [&str; 7] = [
    "Id",
    "Kenmerk",
    "Status",
    "Wacht op",
    "Huidige stap",
    "Gemeente",
    "Laatst gewijzigd",
];

/// The columns shown, in this order: all of them, and then fewer, until one fits the width
/// without breaking a word. The id (to resume with), the kenmerk (who), the status (with "te
/// laat") and what it waits for (with the expected date) always stay.
const LAYOUTS: [&[usize]; 4] = [
    &[0, 1, 5, 2, 4, 3, 6],
    &[0, 1, 5, 2, 4, 3],
    &[0, 1, 2, 4, 3],
    &[0, 1, 2, 3],
];

/// The rows as text for the screen: a table `layout.width` wide in which no word is broken. The
/// first of [`LAYOUTS`] that fits is used; when even the narrowest does not (a very long kenmerk
/// or gemeente), each session becomes a few lines of "Kolom: waarde".
pub(crate) fn table(rows: &[SessionRow], layout: Layout, zone: &TimeZone) -> String {
    // From the session files: made visible before any width is counted.
    let cells: Vec<[String; 7]> = rows
        .iter()
        .map(|row| cells(row, zone).map(|c| crate::visible::text(&c).into_owned()))
        .collect();
    let table_of = |columns: &[usize]| {
        let mut t = Table::of(columns.iter().map(|&c| Column::text(TITLES[c])).collect());
        for row in &cells {
            t.row(columns.iter().map(|&c| row[c].clone()));
        }
        t
    };
    // As the text writer counts: each column as wide as its longest word, plus padding and
    // borders (three characters a column, and one).
    let longest = |c: usize| {
        std::iter::once(TITLES[c])
            .chain(cells.iter().map(|row| row[c].as_str()))
            .flat_map(str::split_whitespace)
            .map(|w| w.chars().count())
            .max()
            .unwrap_or(0)
    };
    let needed = |columns: &[usize]| columns.iter().map(|&c| longest(c) + 3).sum::<usize>() + 1;
    let chosen = LAYOUTS
        .iter()
        .find(|columns| needed(columns) <= usize::from(layout.width))
        .unwrap_or(&LAYOUTS[LAYOUTS.len() - 1]);
    let mut doc = Document::new("", None);
    doc.push(Block::Table(table_of(chosen)));
    // The text writer keeps every word whole, and lists a table that still does not fit.
    crate::report::write::text::write(&doc, layout)
        .trim_end_matches('\n')
        .to_string()
}

/// A row's cells, in the order of [`TITLES`].
fn cells(row: &SessionRow, zone: &TimeZone) -> [String; 7] {
    let dash = || "—".to_string();
    let mut waits: Vec<String> = row
        .wacht_op
        .iter()
        .map(|w| {
            let mut s = format!("{}, sinds {}", w.vraag, clock::date_time(w.sinds, zone));
            if let Some(d) = w.verwacht {
                s.push_str(&format!(", verwacht {}", d.strftime("%d-%m-%Y")));
            }
            s
        })
        .collect();
    waits.extend(row.opvolgingen.iter().map(|f| {
        let mut s = format!("opvolging {}", f.id.rsplit('/').next().unwrap_or(&f.id));
        if let Some(d) = f.verwacht {
            s.push_str(&format!(", verwacht {}", d.strftime("%d-%m-%Y")));
        }
        s
    }));
    let waiting = if waits.is_empty() {
        dash()
    } else {
        waits.join("; ")
    };
    let mut status = row.status.clone();
    if row.te_laat {
        status.push_str(" · te laat");
    }
    if row.in_gebruik {
        status.push_str(" · in gebruik");
    }
    [
        row.id.clone(),
        row.kenmerk.clone().unwrap_or_else(dash),
        status,
        waiting,
        row.stap.clone(),
        row.gemeente.clone().unwrap_or_else(dash),
        clock::date_time(row.bijgewerkt, zone),
    ]
}

/// A session's status, where it stands and its open follow-ups, replayed from its journal.
/// A session whose path is done but that waits for a follow-up (the feedback of Veilig Thuis)
/// is not "afgerond": it waits.
fn status_of(
    record: &Record,
    cache: &mut FlowCache<'_>,
    today: Date,
) -> (String, String, Vec<FollowUpRow>) {
    let Some(set) = cache.get(record) else {
        return (
            "flow ontbreekt".to_string(),
            record.flow.bestand.clone().unwrap_or_default(),
            Vec::new(),
        );
    };
    let Ok(session) = Session::from_journal(set, record.journaal.clone()) else {
        return (
            "flow gewijzigd".to_string(),
            "(kan niet worden nagespeeld)".to_string(),
            Vec::new(),
        );
    };
    let follow_ups: Vec<FollowUpRow> = session
        .open_follow_ups()
        .iter()
        .map(|f| FollowUpRow {
            id: f.id.clone(),
            vraag: f.question().to_string(),
            sinds: f.deferred.at,
            verwacht: f.expected(),
            te_laat: f.expected().is_some_and(|d| d < today),
        })
        .collect();
    let walk = session.walk();
    if walk.is_finished() {
        let outcome = walk.outcome().map(|n| n.title.clone()).unwrap_or_default();
        let status = if follow_ups.is_empty() {
            "afgerond"
        } else {
            "wacht"
        };
        return (status.to_string(), outcome, follow_ups);
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
    (status.to_string(), step, follow_ups)
}
