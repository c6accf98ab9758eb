//! The figures made from counts (of one practice, or merged for the region): tables in a
//! document, with every small group hidden.

use std::collections::BTreeMap;

use crate::report::document::{Block, Document, Table};
use crate::report::statistics::counts::{Counts, Version, STRETCHES};
use crate::report::statistics::facts::NOT_REPLAYABLE;
use crate::report::statistics::{protect, protect_one, protect_under, Cell, MIN_GROUP};

/// The figures as a document: `intro` (the period, or the files merged), the sessions per
/// gemeente and per version, then per version of the flow and map the route, referrals,
/// gaps, proposals, appointments, Meldcode and times, and the notes on how to read them.
/// `decimal` writes a median (`14,0`).
pub(crate) fn document(c: &Counts, intro: &[String], decimal: &dyn Fn(f64) -> String) -> Document {
    let mut doc = Document::new(
        "Statistiek zorgpad (anoniem)",
        Some("STATISTIEK (anoniem)".to_string()),
    );
    for line in intro {
        doc.paragraph(line.clone());
    }
    let mut tables: Vec<(String, Table)> = Vec::new();
    let mut t = Table::new(["Gemeente", "Sessies"]);
    partition(
        &mut t,
        c.gemeenten
            .iter()
            .map(|(g, n)| (vec![g.clone()], *n))
            .collect(),
        Some((vec!["Regio (totaal)".to_string()], protect_one(c.total()))),
    );
    tables.push(("Sessies per gemeente".to_string(), t));
    let mut versions: Vec<&Version> = c.versies.iter().collect();
    versions.sort_by(|a, b| (&a.flow, &a.kaart).cmp(&(&b.flow, &b.kaart)));
    let several = versions.len() > 1;
    let version_cells: Vec<Cell> = if several {
        let mut t = Table::new(["Flow", "Sociale Kaart", "Sessies"]);
        let cells = partition(
            &mut t,
            versions
                .iter()
                .map(|v| (vec![v.flow.text(), kaart(v)], v.sessies))
                .collect(),
            Some((
                vec!["Totaal".to_string(), String::new()],
                protect_one(c.total()),
            )),
        );
        tables.push((
            "Sessies per versie van de flow en de Sociale Kaart".to_string(),
            t,
        ));
        cells
    } else {
        versions.iter().map(|v| protect_one(v.sessies)).collect()
    };
    for (title, table) in tables {
        doc.heading(title);
        doc.push(Block::Table(table));
    }
    for (v, cell) in versions.iter().zip(version_cells) {
        let suffix = if several {
            format!(" — {}; kaart: {}", v.flow.text(), kaart(v))
        } else {
            doc.paragraph(format!(
                "Flow: {}. Sociale Kaart: {}.",
                v.flow.text(),
                kaart(v)
            ));
            String::new()
        };
        let gemeenten: Vec<&str> = c.gemeenten.keys().map(String::as_str).collect();
        for (title, table) in version(v, cell, &gemeenten, decimal) {
            doc.heading(format!("{title}{suffix}"));
            if table.rows.is_empty() {
                doc.paragraph("Geen.");
            } else {
                doc.push(Block::Table(table));
            }
        }
    }
    let mut notes = vec![format!(
        "Groepen van 1 tot en met {} staan er als <{MIN_GROUP}; x is verborgen, zodat zo'n groep niet uit een totaal is af te leiden.",
        MIN_GROUP - 1
    )];
    if several {
        notes.push("Sessies op verschillende versies van de flow of de Sociale Kaart worden niet bij elkaar opgeteld: de cijfers staan per versie.".to_string());
    }
    if c.versies
        .iter()
        .any(|v| v.uitkomsten.contains_key(NOT_REPLAYABLE))
    {
        notes.push("Sessies die niet na te spelen zijn, tellen mee per gemeente en uitkomst, maar niet bij de andere cijfers.".to_string());
    }
    notes.push(format!("Doorlooptijden in hele dagen, van de start van de sessie (de intake) tot het eerste antwoord bij die stap; een mediaan over minder dan {MIN_GROUP} sessies wordt niet getoond (—)."));
    doc.push(Block::Remarks(notes));
    doc
}

fn kaart(v: &Version) -> String {
    v.kaart
        .as_ref()
        .map_or_else(|| "geen".to_string(), |k| k.text())
}

/// Rows that add up to a total: each with its label cells and its protected count, then the
/// total row when given. Returns the cells of the rows.
fn partition(
    t: &mut Table,
    rows: Vec<(Vec<String>, u64)>,
    total: Option<(Vec<String>, Cell)>,
) -> Vec<Cell> {
    let counts: Vec<u64> = rows.iter().map(|(_, n)| *n).collect();
    let cells = match &total {
        Some((_, total)) => protect_under(&counts, *total),
        None => protect(&counts),
    };
    for ((mut label, _), cell) in rows.into_iter().zip(&cells) {
        label.push(cell.text());
        t.row(label);
    }
    if let Some((mut label, cell)) = total {
        label.push(cell.text());
        t.row(label);
    }
    cells
}

/// The tables of one version; `sessions`: its number of sessions as it may be shown.
fn version(
    v: &Version,
    sessions: Cell,
    gemeenten: &[&str],
    decimal: &dyn Fn(f64) -> String,
) -> Vec<(String, Table)> {
    let mut out = Vec::new();
    let mut t = Table::new(["Uitkomst", "Sessies"]);
    partition(
        &mut t,
        v.uitkomsten
            .iter()
            .map(|(k, n)| (vec![k.clone()], *n))
            .collect(),
        Some((vec!["Totaal".to_string()], sessions)),
    );
    out.push(("Route en uitkomst (het bereikte einde)".to_string(), t));

    let gaps = |c: &str| -> u64 {
        v.geen_passend_aanbod
            .get(c)
            .map_or(0, |per| per.values().sum())
    };
    let mut t = Table::new([
        "Categorie",
        "Sessies met verwijzing",
        "Waarvan geen passend aanbod",
    ]);
    // The gaps of a category as they may be shown, here and as the region in the next table.
    let mut gap_cells: BTreeMap<&str, Cell> = BTreeMap::new();
    for (c, with) in &v.verwijzingen {
        let gap = gaps(c);
        // The gaps and the others add up to the sessions with a referral, which is shown.
        let cells = protect(&[gap, with.saturating_sub(gap)]);
        gap_cells.insert(c, cells[0]);
        t.row([c.clone(), protect_one(*with).text(), cells[0].text()]);
    }
    out.push((
        "Verwijzingen per categorie van de Sociale Kaart".to_string(),
        t,
    ));

    let mut header = vec!["Categorie".to_string()];
    header.extend(gemeenten.iter().map(|g| (*g).to_string()));
    header.push("Regio".to_string());
    let mut t = Table::new(header);
    for (c, per) in v.geen_passend_aanbod.iter().filter(|(c, _)| gaps(c) > 0) {
        let counts: Vec<u64> = gemeenten
            .iter()
            .map(|g| per.get(*g).copied().unwrap_or(0))
            .collect();
        let region = gap_cells
            .get(c.as_str())
            .copied()
            .unwrap_or_else(|| protect_one(counts.iter().sum()));
        let mut row = vec![c.clone()];
        row.extend(protect_under(&counts, region).into_iter().map(Cell::text));
        row.push(region.text());
        t.row(row);
    }
    out.push((
        "Geen passend aanbod per categorie en gemeente (sessies)".to_string(),
        t,
    ));

    let mut t = Table::new([
        "Beslissing",
        "Voorstel van zorgpad",
        "Gekozen",
        "Gevolgd",
        "Aantal",
    ]);
    let mut per_decision: BTreeMap<&str, Vec<(Vec<String>, u64)>> = BTreeMap::new();
    for p in &v.voorstellen {
        let followed = if p.voorstel == p.gekozen { "ja" } else { "nee" };
        per_decision.entry(&p.beslissing).or_default().push((
            vec![
                p.beslissing.clone(),
                p.voorstel.clone(),
                p.gekozen.clone(),
                followed.to_string(),
            ],
            p.aantal,
        ));
    }
    for (decision, rows) in per_decision {
        let total: u64 = rows.iter().map(|(_, n)| n).sum();
        partition(
            &mut t,
            rows,
            Some((
                vec![
                    decision.to_string(),
                    "Totaal".to_string(),
                    String::new(),
                    String::new(),
                ],
                protect_one(total),
            )),
        );
    }
    out.push((
        "Voorstel van zorgpad: gevolgd of niet (beslissingen)".to_string(),
        t,
    ));

    let mut t = Table::new(["Verschijnen", "Sessies"]);
    let d4: u64 = v.verschijnen.values().sum();
    if d4 > 0 {
        partition(
            &mut t,
            v.verschijnen
                .iter()
                .map(|(k, n)| (vec![format!("Laatste antwoord: {k}")], *n))
                .collect(),
            Some((vec!["Sessies bij D4 (totaal)".to_string()], protect_one(d4))),
        );
        partition(
            &mut t,
            vec![
                (
                    vec!["Met een nieuwe afspraak".to_string()],
                    v.nieuwe_afspraak,
                ),
                (
                    vec!["Zonder nieuwe afspraak".to_string()],
                    d4.saturating_sub(v.nieuwe_afspraak),
                ),
            ],
            None,
        );
    }
    out.push((
        "Verschijnen op de afspraak (D4), niet verschenen en nieuwe afspraken".to_string(),
        t,
    ));

    let mut t = Table::new(["Einde", "Keren"]);
    let runs: u64 = v.meldcode.values().sum();
    partition(
        &mut t,
        v.meldcode
            .iter()
            .map(|(k, n)| (vec![k.clone()], *n))
            .collect(),
        (runs > 0).then(|| (vec!["Totaal".to_string()], protect_one(runs))),
    );
    out.push((
        "Kindcheck en Meldcode: het bereikte einde (doorlopen keren)".to_string(),
        t,
    ));

    let mut t = Table::new(["Melding bij Veilig Thuis", "Sessies"]);
    let yes_no = v.melding_veilig_thuis;
    if yes_no.ja + yes_no.nee > 0 {
        partition(
            &mut t,
            vec![
                (vec!["Ja".to_string()], yes_no.ja),
                (vec!["Nee".to_string()], yes_no.nee),
            ],
            Some((
                vec!["Totaal".to_string()],
                protect_one(yes_no.ja + yes_no.nee),
            )),
        );
    }
    out.push((
        "Melding bij Veilig Thuis (sessies met een Kindcheck of Meldcode)".to_string(),
        t,
    ));

    let mut t = Table::new(["Traject", "Sessies", "Mediaan (dagen)"]);
    for (key, name) in STRETCHES {
        let days = v.doorlooptijden.get(key).map_or(&[][..], Vec::as_slice);
        let median = median(days)
            .filter(|_| days.len() >= MIN_GROUP as usize)
            .map_or_else(|| "—".to_string(), decimal);
        t.row([
            name.to_string(),
            protect_one(days.len() as u64).text(),
            median,
        ]);
    }
    out.push(("Doorlooptijden in dagen".to_string(), t));
    out
}

/// The median of sorted numbers.
fn median(sorted: &[u64]) -> Option<f64> {
    let n = sorted.len();
    match n {
        0 => None,
        _ if n % 2 == 1 => Some(sorted[n / 2] as f64),
        _ => Some((sorted[n / 2 - 1] + sorted[n / 2]) as f64 / 2.0),
    }
}
