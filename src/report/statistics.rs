//! `zorgpad statistiek`: anonymous figures over the stored sessions, for the region and per
//! gemeente — sessions, the end reached, referrals per category, the "geen passend aanbod" gaps
//! per category and gemeente, and the median time from intake to the MDO (B7).
//!
//! No client may be recognisable: a group of 1 to 4 sessions is shown as "<5". Where such a
//! group could be worked out from a total shown beside it (one small group in a row that adds
//! up to the total), the smallest other group is hidden as well ("x").

use std::collections::BTreeMap;

use jiff::Timestamp;

use crate::engine::journal;
use crate::engine::session::Session;
use crate::error::{Error, Result};
use crate::flow::model::Body;
use crate::flow::set::FlowSet;
use crate::report::summary::Summary;
use crate::report::Layout;
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

pub(crate) fn facts(
    record: &Record,
    cache: &mut BTreeMap<Option<String>, Option<FlowSet>>,
) -> Facts {
    let gemeente = record
        .gemeente
        .clone()
        .unwrap_or_else(|| UNKNOWN_GEMEENTE.to_string());
    let key = record.flow.bestand.clone();
    let set = cache
        .entry(key.clone())
        .or_insert_with(|| FlowSet::load(key.as_deref().map(std::path::Path::new)).ok());
    let Some(set) = set.as_ref() else {
        return Facts {
            gemeente,
            outcome: NOT_REPLAYABLE.to_string(),
            referrals: Vec::new(),
            to_mdo: None,
        };
    };
    let Ok(session) = Session::from_journal(set, record.journaal.clone()) else {
        return Facts {
            gemeente,
            outcome: NOT_REPLAYABLE.to_string(),
            referrals: Vec::new(),
            to_mdo: None,
        };
    };
    let outcome = match session.walk().outcome() {
        Some(node) => match &node.blauwdruk {
            Some(b) => format!("{b}: {}", node.titel),
            None => node.titel.clone(),
        },
        None => NOT_DONE.to_string(),
    };
    let summary = Summary::of(&session, None);
    let mut referrals: Vec<(String, bool)> = Vec::new();
    for v in &summary.verwijzingen {
        match referrals.iter_mut().find(|(c, _)| *c == v.categorie) {
            Some((_, gap)) => *gap |= v.geen_passend_aanbod,
            None => referrals.push((v.categorie.clone(), v.geen_passend_aanbod)),
        }
    }
    let (start, answers) = journal::in_force(&record.journaal);
    let keys = journal::in_force_keys(&record.journaal);
    let mdo: Option<Timestamp> = answers.iter().zip(keys).find_map(|((_, at), key)| {
        let node = crate::engine::walk::node_for_key(set, key)?;
        (!key.contains('/')
            && node.blauwdruk.as_deref() == Some("B7")
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

/// The figures, ready to render: each table a title, a header and rows of text.
pub(crate) struct Tables {
    tables: Vec<(String, Vec<String>, Vec<Vec<String>>)>,
    mdo: String,
    mdo_csv: (String, String),
    notes: Vec<String>,
}

pub(crate) fn build(facts: &[Facts]) -> Tables {
    let mut tables = Vec::new();
    // Sessions per gemeente, with the region.
    let mut per_gemeente: BTreeMap<&str, usize> = BTreeMap::new();
    for f in facts {
        *per_gemeente.entry(f.gemeente.as_str()).or_default() += 1;
    }
    let gemeenten: Vec<&str> = per_gemeente.keys().copied().collect();
    let counts: Vec<usize> = per_gemeente.values().copied().collect();
    let cells = protect(&counts);
    let mut rows: Vec<Vec<String>> = gemeenten
        .iter()
        .zip(&cells)
        .map(|(g, c)| vec![(*g).to_string(), c.text()])
        .collect();
    rows.push(vec![
        "Regio (totaal)".to_string(),
        protect_one(facts.len()).text(),
    ]);
    tables.push((
        "Sessies per gemeente".to_string(),
        vec!["Gemeente".to_string(), "Sessies".to_string()],
        rows,
    ));

    // The end reached.
    let mut per_outcome: BTreeMap<&str, usize> = BTreeMap::new();
    for f in facts {
        *per_outcome.entry(f.outcome.as_str()).or_default() += 1;
    }
    let counts: Vec<usize> = per_outcome.values().copied().collect();
    let cells = protect(&counts);
    let mut rows: Vec<Vec<String>> = per_outcome
        .keys()
        .zip(&cells)
        .map(|(o, c)| vec![(*o).to_string(), c.text()])
        .collect();
    rows.push(vec!["Totaal".to_string(), protect_one(facts.len()).text()]);
    tables.push((
        "Route en uitkomst (het bereikte einde)".to_string(),
        vec!["Uitkomst".to_string(), "Sessies".to_string()],
        rows,
    ));

    // Referrals per category (sessions with at least one), and the gaps among them.
    let mut categories: Vec<String> = facts
        .iter()
        .flat_map(|f| f.referrals.iter().map(|(c, _)| c.clone()))
        .collect();
    categories.sort();
    categories.dedup();
    let rows: Vec<Vec<String>> = categories
        .iter()
        .map(|c| {
            let with = facts
                .iter()
                .filter(|f| f.referrals.iter().any(|(k, _)| k == c))
                .count();
            let gaps = facts
                .iter()
                .filter(|f| f.referrals.iter().any(|(k, g)| k == c && *g))
                .count();
            vec![
                c.clone(),
                protect_one(with).text(),
                protect_one(gaps).text(),
            ]
        })
        .collect();
    tables.push((
        "Verwijzingen per categorie van de Sociale Kaart".to_string(),
        vec![
            "Categorie".to_string(),
            "Sessies met verwijzing".to_string(),
            "Waarvan geen passend aanbod".to_string(),
        ],
        rows,
    ));

    // Gaps per category and gemeente; each row adds up to its region column.
    let gap_categories: Vec<&String> = categories
        .iter()
        .filter(|c| {
            facts
                .iter()
                .any(|f| f.referrals.iter().any(|(k, g)| k == *c && *g))
        })
        .collect();
    let mut header = vec!["Categorie".to_string()];
    header.extend(gemeenten.iter().map(|g| (*g).to_string()));
    header.push("Regio".to_string());
    let rows: Vec<Vec<String>> = gap_categories
        .iter()
        .map(|c| {
            let counts: Vec<usize> = gemeenten
                .iter()
                .map(|g| {
                    facts
                        .iter()
                        .filter(|f| {
                            f.gemeente == *g && f.referrals.iter().any(|(k, gap)| k == *c && *gap)
                        })
                        .count()
                })
                .collect();
            let mut row = vec![(*c).clone()];
            row.extend(protect(&counts).into_iter().map(Cell::text));
            row.push(protect_one(counts.iter().sum()).text());
            row
        })
        .collect();
    tables.push((
        "Geen passend aanbod per categorie en gemeente (sessies)".to_string(),
        header,
        rows,
    ));

    // Intake to MDO.
    let mut days: Vec<f64> = facts
        .iter()
        .filter_map(|f| f.to_mdo)
        .map(|d| d.as_secs_f64() / 86_400.0)
        .collect();
    days.sort_by(f64::total_cmp);
    let (mdo, mdo_csv) = if days.is_empty() {
        (
            "Geen sessie heeft het MDO (B7) bereikt.".to_string(),
            ("0".to_string(), String::new()),
        )
    } else if days.len() < MIN_GROUP {
        (
            format!(
                "Minder dan {MIN_GROUP} sessies met een MDO (B7): de mediaan wordt niet getoond."
            ),
            (format!("<{MIN_GROUP}"), String::new()),
        )
    } else {
        let n = days.len();
        let m = if n % 2 == 1 {
            days[n / 2]
        } else {
            (days[n / 2 - 1] + days[n / 2]) / 2.0
        };
        let text = format!("{m:.1}").replace('.', ",");
        (
            format!(
                "Mediaan van de intake (start) tot het MDO (B7): {text} dagen, over {n} sessies."
            ),
            (n.to_string(), format!("{m:.1}")),
        )
    };
    let mut notes = vec![format!(
        "Groepen van 1 tot en met {} sessies staan er als <{MIN_GROUP}; x is verborgen, zodat zo'n groep niet uit het totaal is af te leiden.",
        MIN_GROUP - 1
    )];
    if facts.iter().any(|f| f.outcome == NOT_REPLAYABLE) {
        notes.push("Sessies die niet na te spelen zijn, tellen mee per gemeente maar niet bij verwijzingen en het MDO.".to_string());
    }
    Tables {
        tables,
        mdo,
        mdo_csv,
        notes,
    }
}

pub(crate) fn text(t: &Tables, period: &str, layout: Layout) -> String {
    let mut out = format!("STATISTIEK (anoniem)\nPeriode: {period}\n");
    for (title, header, rows) in &t.tables {
        out.push_str(&format!("\n{title}\n"));
        if rows.is_empty() {
            out.push_str("Geen.\n");
            continue;
        }
        let head: Vec<&str> = header.iter().map(String::as_str).collect();
        let mut table = crate::report::table(layout, &head);
        for r in rows {
            table.add_row(r.clone());
        }
        out.push_str(&table.to_string());
        out.push('\n');
    }
    out.push_str(&format!("\nTijd van intake tot MDO\n{}\n\n", t.mdo));
    for n in &t.notes {
        out.push_str(n);
        out.push('\n');
    }
    out
}

pub(crate) fn markdown(t: &Tables, period: &str) -> String {
    let cell = |s: &str| s.replace('|', "\\|").replace('<', "\\<");
    let mut out = format!("# Statistiek zorgpad (anoniem)\n\nPeriode: {period}\n");
    for (title, header, rows) in &t.tables {
        out.push_str(&format!("\n## {title}\n\n"));
        if rows.is_empty() {
            out.push_str("Geen.\n");
            continue;
        }
        out.push_str(&format!(
            "| {} |\n|{}\n",
            header
                .iter()
                .map(|h| cell(h))
                .collect::<Vec<_>>()
                .join(" | "),
            "---|".repeat(header.len())
        ));
        for r in rows {
            out.push_str(&format!(
                "| {} |\n",
                r.iter().map(|c| cell(c)).collect::<Vec<_>>().join(" | ")
            ));
        }
    }
    out.push_str(&format!("\n## Tijd van intake tot MDO\n\n{}\n\n", t.mdo));
    for n in &t.notes {
        out.push_str(&format!("_{}_\n", cell(n)));
    }
    out
}

/// One line per figure: tabel, rij, kolom, waarde.
pub(crate) fn csv(t: &Tables) -> Result<String> {
    let fail =
        |e: &dyn std::fmt::Display| Error::input(format!("de CSV kon niet worden gemaakt: {e}"));
    let mut w = csv::Writer::from_writer(Vec::new());
    w.write_record(["tabel", "rij", "kolom", "waarde"])
        .map_err(|e| fail(&e))?;
    for (title, header, rows) in &t.tables {
        for r in rows {
            for (h, v) in header.iter().zip(r).skip(1) {
                w.write_record([title.as_str(), r[0].as_str(), h.as_str(), v.as_str()])
                    .map_err(|e| fail(&e))?;
            }
        }
    }
    w.write_record([
        "Tijd van intake tot MDO",
        "MDO (B7)",
        "sessies",
        &t.mdo_csv.0,
    ])
    .map_err(|e| fail(&e))?;
    w.write_record([
        "Tijd van intake tot MDO",
        "MDO (B7)",
        "mediaan dagen",
        &t.mdo_csv.1,
    ])
    .map_err(|e| fail(&e))?;
    let bytes = w.into_inner().map_err(|e| fail(&e))?;
    String::from_utf8(bytes).map_err(|e| fail(&e))
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
