//! `zorgpad statistiek`: anonymous figures over the stored sessions, for the region and per
//! gemeente — sessions, the end reached, referrals per category, the "geen passend aanbod" gaps
//! per category and gemeente, and the median time from intake to the MDO (B7).
//!
//! No client may be recognisable: a group of 1 to 4 sessions is shown as "<5". Where such a
//! group could be worked out from a total shown beside it (one small group in a row that adds
//! up to the total), the smallest other group is hidden as well ("x").

use std::collections::BTreeMap;

use jiff::Timestamp;

use crate::engine::session::Session;
use crate::flow::model::Body;
use crate::report::document::{Block, Document, Table};
use crate::report::summary::Summary;
use crate::report::write;
use crate::store::pinned::FlowCache;
use crate::store::Record;

/// The smallest group shown as a number.
pub const MIN_GROUP: usize = 5;

/// What one session contributes.
pub(crate) struct Facts {
    gemeente: String,
    outcome: String,
    /// Referral categories, and whether each had no fitting offer.
    referrals: Vec<(String, bool)>,
    /// Time from the start to the answer at the MDO (B7), when reached.
    to_mdo: Option<jiff::SignedDuration>,
}

pub(crate) const UNKNOWN_GEMEENTE: &str = "Onbekend";
pub(crate) const NOT_DONE: &str = "Nog niet afgerond";
pub(crate) const NOT_REPLAYABLE: &str = "Niet na te spelen (flow gewijzigd of ontbreekt)";

pub(crate) fn facts(record: &Record, cache: &mut FlowCache<'_>) -> Facts {
    let gemeente = record
        .gemeente
        .clone()
        .unwrap_or_else(|| UNKNOWN_GEMEENTE.to_string());
    let set = cache.get(record);
    let session = set.and_then(|set| Session::from_journal(set, record.journaal.clone()).ok());
    let (Some(set), Some(session)) = (set, session) else {
        return Facts {
            gemeente,
            outcome: NOT_REPLAYABLE.to_string(),
            referrals: Vec::new(),
            to_mdo: None,
        };
    };
    let outcome = match session.walk().outcome() {
        Some(node) => match &node.blueprint {
            Some(b) => format!("{b}: {}", node.title),
            None => node.title.clone(),
        },
        None => NOT_DONE.to_string(),
    };
    let summary = Summary::of(&session, None);
    let mut referrals: Vec<(String, bool)> = Vec::new();
    // A referral only proposed (no consent) is no referral; a gap in the map still counts.
    for v in summary
        .verwijzingen
        .iter()
        .filter(|v| v.status == crate::report::summary::REFERRED || v.geen_passend_aanbod)
    {
        match referrals.iter_mut().find(|(c, _)| *c == v.categorie) {
            Some((_, gap)) => *gap |= v.geen_passend_aanbod,
            None => referrals.push((v.categorie.clone(), v.geen_passend_aanbod)),
        }
    }
    let (start, answers) = crate::engine::in_force::in_force(&record.journaal);
    let keys = crate::engine::in_force::in_force_keys(&record.journaal);
    let mdo: Option<Timestamp> = answers.iter().zip(keys).find_map(|((_, at), key)| {
        let node = crate::engine::walk::node_for_key(set, key)?;
        (!key.contains('/')
            && node.blueprint.as_deref() == Some("B7")
            && matches!(
                node.body,
                Body::Action { .. } | Body::Decision { .. } | Body::Wait { .. }
            ))
        .then_some(*at)
    });
    let to_mdo = match (start, mdo) {
        (Some(s), Some(m)) => Some(m.duration_since(s)),
        _ => None,
    };
    Facts {
        gemeente,
        outcome,
        referrals,
        to_mdo,
    }
}

/// A count as it may be shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cell {
    Shown(usize),
    /// 1 to 4: "<5".
    Small,
    /// Hidden so that a small group cannot be worked out from the total: "x".
    Hidden,
}

impl Cell {
    pub fn text(self) -> String {
        match self {
            Cell::Shown(n) => n.to_string(),
            Cell::Small => format!("<{MIN_GROUP}"),
            Cell::Hidden => "x".to_string(),
        }
    }
}

/// Primary suppression only: 1–4 is "<5".
pub fn protect_one(n: usize) -> Cell {
    if n > 0 && n < MIN_GROUP {
        Cell::Small
    } else {
        Cell::Shown(n)
    }
}

/// Counts that add up to a total that is shown: 1–4 is "<5"; when exactly one group is small
/// and the total is shown, the smallest other non-empty group is hidden too, so that the small
/// one cannot be derived by subtraction.
pub fn protect(counts: &[usize]) -> Vec<Cell> {
    let total: usize = counts.iter().sum();
    let mut cells: Vec<Cell> = counts.iter().map(|&n| protect_one(n)).collect();
    let small = cells.iter().filter(|c| **c == Cell::Small).count();
    if small == 1 && protect_one(total) != Cell::Small {
        if let Some((i, _)) = counts
            .iter()
            .enumerate()
            .filter(|(i, &n)| n > 0 && cells[*i] != Cell::Small)
            .min_by_key(|(i, &n)| (n, *i))
        {
            cells[i] = Cell::Hidden;
        }
    }
    cells
}

/// The figures: each table with its title, the time to the MDO in words and as numbers, and
/// the notes on how to read them.
pub(crate) struct Figures {
    tables: Vec<(String, Table)>,
    mdo: Mdo,
    notes: Vec<String>,
}

/// The median time from the intake to the MDO: a sentence, and for the CSV the number of
/// sessions and the median in days (none when it may not be shown).
struct Mdo {
    text: String,
    sessions: String,
    median: Option<f64>,
}

pub(crate) fn figures(facts: &[Facts]) -> Figures {
    let mut per_gemeente: BTreeMap<&str, usize> = BTreeMap::new();
    for f in facts {
        *per_gemeente.entry(f.gemeente.as_str()).or_default() += 1;
    }
    let gemeenten: Vec<&str> = per_gemeente.keys().copied().collect();
    let mut categories: Vec<String> = facts
        .iter()
        .flat_map(|f| f.referrals.iter().map(|(c, _)| c.clone()))
        .collect();
    categories.sort();
    categories.dedup();
    let mut notes = vec![format!(
        "Groepen van 1 tot en met {} sessies staan er als <{MIN_GROUP}; x is verborgen, zodat zo'n groep niet uit het totaal is af te leiden.",
        MIN_GROUP - 1
    )];
    if facts.iter().any(|f| f.outcome == NOT_REPLAYABLE) {
        notes.push("Sessies die niet na te spelen zijn, tellen mee per gemeente maar niet bij verwijzingen en het MDO.".to_string());
    }
    Figures {
        tables: vec![
            (
                "Sessies per gemeente".to_string(),
                counted(&per_gemeente, "Gemeente", "Regio (totaal)", facts.len()),
            ),
            (
                "Route en uitkomst (het bereikte einde)".to_string(),
                per_outcome(facts),
            ),
            (
                "Verwijzingen per categorie van de Sociale Kaart".to_string(),
                referrals(facts, &categories),
            ),
            (
                "Geen passend aanbod per categorie en gemeente (sessies)".to_string(),
                gaps(facts, &categories, &gemeenten),
            ),
        ],
        mdo: mdo(facts),
        notes,
    }
}

/// Sessions per key (gemeente, outcome), protected, with the total.
fn counted(per: &BTreeMap<&str, usize>, what: &str, total: &str, sessions: usize) -> Table {
    let counts: Vec<usize> = per.values().copied().collect();
    let mut t = Table::new([what, "Sessies"]);
    for (key, cell) in per.keys().zip(protect(&counts)) {
        t.row([(*key).to_string(), cell.text()]);
    }
    t.row([total.to_string(), protect_one(sessions).text()]);
    t
}

/// The end reached.
fn per_outcome(facts: &[Facts]) -> Table {
    let mut per_outcome: BTreeMap<&str, usize> = BTreeMap::new();
    for f in facts {
        *per_outcome.entry(f.outcome.as_str()).or_default() += 1;
    }
    counted(&per_outcome, "Uitkomst", "Totaal", facts.len())
}

/// Referrals per category (sessions with at least one), and the gaps among them.
fn referrals(facts: &[Facts], categories: &[String]) -> Table {
    let mut t = Table::new([
        "Categorie",
        "Sessies met verwijzing",
        "Waarvan geen passend aanbod",
    ]);
    for c in categories {
        let with = facts
            .iter()
            .filter(|f| f.referrals.iter().any(|(k, _)| k == c))
            .count();
        let gaps = facts
            .iter()
            .filter(|f| f.referrals.iter().any(|(k, g)| k == c && *g))
            .count();
        t.row([
            c.clone(),
            protect_one(with).text(),
            protect_one(gaps).text(),
        ]);
    }
    t
}

/// Gaps per category and gemeente; each row adds up to its region column.
fn gaps(facts: &[Facts], categories: &[String], gemeenten: &[&str]) -> Table {
    let gap = |f: &Facts, c: &str| f.referrals.iter().any(|(k, g)| k == c && *g);
    let mut header = vec!["Categorie".to_string()];
    header.extend(gemeenten.iter().map(|g| (*g).to_string()));
    header.push("Regio".to_string());
    let mut t = Table::new(header);
    for c in categories
        .iter()
        .filter(|c| facts.iter().any(|f| gap(f, c)))
    {
        let counts: Vec<usize> = gemeenten
            .iter()
            .map(|g| {
                facts
                    .iter()
                    .filter(|f| f.gemeente == *g && gap(f, c))
                    .count()
            })
            .collect();
        let mut row = vec![c.clone()];
        row.extend(protect(&counts).into_iter().map(Cell::text));
        row.push(protect_one(counts.iter().sum()).text());
        t.row(row);
    }
    t
}

/// The median time from the intake to the MDO (B7), when enough sessions reached it.
fn mdo(facts: &[Facts]) -> Mdo {
    let mut days: Vec<f64> = facts
        .iter()
        .filter_map(|f| f.to_mdo)
        .map(|d| d.as_secs_f64() / 86_400.0)
        .collect();
    days.sort_by(f64::total_cmp);
    let n = days.len();
    if n == 0 {
        return Mdo {
            text: "Geen sessie heeft het MDO (B7) bereikt.".to_string(),
            sessions: "0".to_string(),
            median: None,
        };
    }
    if n < MIN_GROUP {
        return Mdo {
            text: format!(
                "Minder dan {MIN_GROUP} sessies met een MDO (B7): de mediaan wordt niet getoond."
            ),
            sessions: format!("<{MIN_GROUP}"),
            median: None,
        };
    }
    let m = if n % 2 == 1 {
        days[n / 2]
    } else {
        (days[n / 2 - 1] + days[n / 2]) / 2.0
    };
    let text = format!("{m:.1}").replace('.', ",");
    Mdo {
        text: format!(
            "Mediaan van de intake (start) tot het MDO (B7): {text} dagen, over {n} sessies."
        ),
        sessions: n.to_string(),
        median: Some(m),
    }
}

/// The figures as a document: a table per subject ("Geen." when it has no rows), the time to
/// the MDO, and the notes.
pub(crate) fn document(f: &Figures, period: &str) -> Document {
    let mut doc = Document::new(
        "Statistiek zorgpad (anoniem)",
        Some("STATISTIEK (anoniem)".to_string()),
    );
    doc.paragraph(format!("Periode: {period}"));
    for (title, table) in &f.tables {
        doc.heading(title.clone());
        if table.rows.is_empty() {
            doc.paragraph("Geen.");
        } else {
            doc.push(Block::Table(table.clone()));
        }
    }
    doc.heading(MDO_TITLE);
    doc.paragraph(f.mdo.text.clone());
    doc.push(Block::Remarks(f.notes.clone()));
    doc
}

const MDO_TITLE: &str = "Tijd van intake tot MDO";

/// One line per figure: the tables of the document, then the time to the MDO as numbers
/// (the median with the decimal sign of `dialect`).
pub(crate) fn csv(doc: &Document, f: &Figures, dialect: write::csv::Dialect) -> String {
    let mut records = write::csv::records(doc);
    let median = f
        .mdo
        .median
        .map(|m| dialect.one_decimal(m))
        .unwrap_or_default();
    for (column, value) in [
        ("sessies", f.mdo.sessions.clone()),
        ("mediaan dagen", median),
    ] {
        records.push([
            MDO_TITLE.to_string(),
            "MDO (B7)".to_string(),
            column.to_string(),
            value,
        ]);
    }
    write::csv::write(&records, dialect)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_small_group_hides_the_next_smallest() {
        assert_eq!(
            protect(&[10, 3, 7]),
            vec![Cell::Shown(10), Cell::Small, Cell::Hidden]
        );
        assert_eq!(
            protect(&[10, 3, 2]),
            vec![Cell::Shown(10), Cell::Small, Cell::Small]
        );
        assert_eq!(
            protect(&[6, 0, 5]),
            vec![Cell::Shown(6), Cell::Shown(0), Cell::Shown(5)]
        );
        // The total is itself small: nothing to derive it from.
        assert_eq!(protect(&[3]), vec![Cell::Small]);
    }
}
