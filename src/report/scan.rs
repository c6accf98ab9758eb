//! `zorgpad scan rapport`: the group picture of the members' scans — per aspect the
//! distribution over the levels, the median, the spread (aspects where the group is split are
//! worth discussing, see `ItemStats::split`), the picture per discipline, and the description
//! of the next level above the median as a possible next step. Built once as a document; the
//! command writes it for the terminal (tables and bars), as Markdown or as one HTML file.
//!
//! The answers are anonymous, so no group smaller than `statistiek`'s smallest group shows its
//! answers: fewer than 5 scans in all give no group picture, and a discipline with fewer than 5
//! scans is shown as "<5" without medians.

use crate::report::document::{Bar, Block, Cell, Chart, Column, Document, Item, Table};
use crate::report::statistics::{protect_one, MIN_GROUP};
use crate::report::Layout;
use crate::scan::group::{Group, ItemStats, SPLIT_MIN};
use crate::scan::questionnaire::Questionnaire;
use crate::scan::{discipline_label, ScanFile};

/// "2" or "2,5".
fn number(x: f64) -> String {
    if (x - x.round()).abs() < 1e-9 {
        format!("{}", x.round() as i64)
    } else {
        format!("{x:.1}").replace('.', ",")
    }
}

fn opt_number(x: Option<f64>) -> String {
    x.map_or_else(|| "—".to_string(), number)
}

fn spread_text(i: &ItemStats) -> String {
    match (i.min, i.max) {
        (Some(a), Some(b)) if a == b => "0".to_string(),
        (Some(a), Some(b)) => format!("{} ({a}–{b})", b - a),
        _ => "—".to_string(),
    }
}

const INTRO: &str = "De groep is verdeeld: een deel van de leden ziet de samenwerking twee niveaus of meer hoger dan een ander deel — een goed begin voor het gesprek.";

/// How "Te bespreken" is decided, for the remarks under the report.
fn split_rule() -> String {
    format!(
        "Te bespreken: minstens een kwart van de leden die een niveau kozen (en minstens {SPLIT_MIN}) kiest een niveau dat twee niveaus of meer lager ligt dan dat van een ander kwart (ook minstens {SPLIT_MIN}). Eén of twee uitschieters in een kleine groep maken een aspect dus niet 'te bespreken'; de spreiding staat wel in de tabel."
    )
}

/// The small-group rule, in `statistiek`'s words.
fn small_rule() -> String {
    format!(
        "Groepen van 1 tot en met {} scans staan er als <{MIN_GROUP}, zonder hun antwoorden (geen verdeling, mediaan of notities): de antwoorden zijn anoniem.",
        MIN_GROUP - 1
    )
}
const CLOSING: &str = "Het groepsbeeld is een spiegel voor het gesprek in het VSV, geen oordeel: de groep bepaalt zelf waar zij staat en welke stap zij zet.";

/// The layout of the group picture on the screen: wrapped at the width of the tables even in a
/// pipe, because its paragraphs (the level descriptions) cannot be read as one long line.
pub(crate) fn layout(layout: Layout) -> Layout {
    Layout {
        wrap: true,
        ..layout
    }
}

/// The group picture.
pub(crate) fn document(q: &Questionnaire, g: &Group) -> Document {
    let mut doc = Document::new("Groepsbeeld VSV-scan", Some("GROEPSBEELD".to_string()));
    doc.push(Block::Facts(facts(q, g)));
    if !shown(g.members) {
        doc.heading("Te weinig scans voor een groepsbeeld");
        doc.paragraph(format!(
            "Er zijn minder dan {MIN_GROUP} scans. Om niemands antwoorden te laten zien, toont het groepsbeeld de verdeling, de mediaan, de spreiding en de notities pas vanaf {MIN_GROUP} scans. Verzamel meer scans in de map en maak het rapport opnieuw."
        ));
        doc.push(Block::Remarks(vec![small_rule()]));
        return doc;
    }
    doc.heading("Verdeling per aspect (aantal leden per niveau)");
    doc.push(Block::Table(distribution(q, g)));
    doc.paragraph("? = weet ik niet of niet ingevuld.");
    doc.heading("Staafdiagram");
    doc.push(Block::Charts(charts(q, g)));
    doc.heading("Te bespreken");
    let flagged = flagged_lines(g);
    if flagged.is_empty() {
        doc.paragraph("Geen aspect waarover de groep verdeeld is.");
    } else {
        doc.paragraph(INTRO);
        doc.push(Block::Notice {
            title: None,
            items: flagged,
        });
    }
    next_steps(&mut doc, q, g);
    if !g.disciplines.is_empty() {
        doc.heading("Beeld per discipline (mediaan)");
        if g.disciplines.iter().any(|d| shown(d.members)) {
            doc.push(Block::Table(per_discipline(g)));
        } else {
            doc.paragraph(format!(
                "Geen discipline heeft {MIN_GROUP} scans of meer; per discipline staat er daarom niets."
            ));
        }
    }
    if g.items.iter().any(|i| !i.notes.is_empty()) {
        doc.heading("Notities (zonder naam, op alfabet)");
        for i in g.items.iter().filter(|i| !i.notes.is_empty()) {
            doc.paragraph(format!("{}:", i.title));
            doc.push(Block::List(i.notes.iter().map(Item::new).collect()));
        }
    }
    doc.push(Block::Remarks(vec![small_rule(), split_rule()]));
    doc.push(Block::Closing(CLOSING.to_string()));
    doc
}

/// A group's size as it may be shown: 1–4 is "<5".
fn size(n: usize) -> String {
    protect_one(u64::try_from(n).unwrap_or(u64::MAX)).text()
}

/// Whether a group is big enough to show its answers.
fn shown(n: usize) -> bool {
    u64::try_from(n).is_ok_and(|n| n >= MIN_GROUP)
}

fn facts(q: &Questionnaire, g: &Group) -> Vec<String> {
    let mut lines = vec![format!("Vragenlijst: {} (versie {})", q.name, q.version)];
    lines.push(format!("Ingevulde scans: {}", size(g.members)));
    if shown(g.members) && !g.disciplines.is_empty() {
        lines.push(format!(
            "Per discipline: {}",
            g.disciplines
                .iter()
                .map(|d| format!("{} {}", d.label, size(d.members)))
                .collect::<Vec<_>>()
                .join(", ")
        ));
    }
    lines.push(format!(
        "Niveaus: {}",
        q.levels
            .iter()
            .enumerate()
            .map(|(i, l)| format!("{} = {l}", i + 1))
            .collect::<Vec<_>>()
            .join("; ")
    ));
    if let Some(b) = &q.source {
        lines.push(format!("Bron: {b}"));
    }
    lines
}

/// Per aspect the number of members per level, the unknown, the median and the spread.
fn distribution(q: &Questionnaire, g: &Group) -> Table {
    let mut columns = vec![Column::text("Aspect")];
    columns.extend((1..=q.levels.len()).map(|i| Column::numeric(i.to_string())));
    columns.extend([
        Column::numeric("?"),
        Column::numeric("Mediaan"),
        Column::text("Spreiding"),
        Column::text("Bespreken"),
    ]);
    let mut t = Table::of(columns);
    for i in &g.items {
        let mut row = vec![Cell::from(&i.title)];
        row.extend(i.counts.iter().map(|c| Cell::from(c.to_string())));
        row.push(Cell::from(i.unknown.to_string()));
        row.push(Cell::from(opt_number(i.median)));
        row.push(Cell::from(spread_text(i)));
        row.push(if i.flagged() {
            Cell::strong("ja")
        } else {
            Cell::default()
        });
        t.rows.push(row);
    }
    t
}

/// A chart per aspect: the members per level, the median's level marked.
fn charts(q: &Questionnaire, g: &Group) -> Vec<Chart> {
    g.items
        .iter()
        .map(|i| Chart {
            title: format!("{} (mediaan {})", i.title, opt_number(i.median)),
            total: g.members,
            bars: i
                .counts
                .iter()
                .enumerate()
                .map(|(n, c)| Bar {
                    label: (n + 1).to_string(),
                    meaning: q.level_label(n as u8 + 1).to_string(),
                    count: *c,
                    marked: i.median.is_some_and(|m| m.floor() as usize == n + 1),
                })
                .collect(),
        })
        .collect()
}

fn flagged_lines(g: &Group) -> Vec<String> {
    g.items
        .iter()
        .filter_map(|i| {
            let s = i.split()?;
            Some(format!(
                "{}: {} leden kiezen niveau {} of lager, {} leden niveau {} of hoger",
                i.title, s.at_or_below, s.low, s.at_or_above, s.high
            ))
        })
        .collect()
}

/// Per aspect the description of the level above the median, in full.
fn next_steps(doc: &mut Document, q: &Questionnaire, g: &Group) {
    doc.heading("Mogelijke volgende stap per aspect");
    doc.paragraph("Per aspect de beschrijving van het niveau boven de mediaan.");
    for i in &g.items {
        doc.subheading(format!("{} (mediaan {})", i.title, opt_number(i.median)));
        match (&i.next, i.median) {
            (Some((level, d)), _) => {
                doc.paragraph(format!("{}:", q.level_label(*level)));
                doc.push(Block::Quote(d.lines().map(str::to_string).collect()));
            }
            (None, Some(_)) => doc.paragraph("Het hoogste niveau: houd het vast."),
            (None, None) => doc.paragraph("Geen antwoorden."),
        }
    }
}

/// Per aspect the median of each discipline; a discipline under 5 as "<5", without medians.
fn per_discipline(g: &Group) -> Table {
    let mut columns = vec![Column::text("Aspect")];
    columns.extend(g.disciplines.iter().map(|d| {
        Column::numeric(if shown(d.members) {
            format!("{} (n={})", d.label, d.members)
        } else {
            format!("{} ({})", d.label, size(d.members))
        })
    }));
    let mut t = Table::of(columns);
    for (n, i) in g.items.iter().enumerate() {
        let mut row = vec![i.title.clone()];
        row.extend(g.disciplines.iter().map(|d| {
            if shown(d.members) {
                opt_number(d.medians[n])
            } else {
                "—".to_string()
            }
        }));
        t.row(row);
    }
    t
}

/// The member's own answers, as a table under the questionnaire and the discipline.
pub(crate) fn overview(q: &Questionnaire, scan: &ScanFile) -> Document {
    let title = format!("SCAN: {} (versie {})", q.name, q.version);
    let mut doc = Document::new(title.clone(), Some(title));
    let who = scan.discipline.as_deref().map_or_else(
        || "niet opgegeven".to_string(),
        |d| discipline_label(d).to_string(),
    );
    doc.push(Block::Facts(vec![format!("Discipline: {who}")]));
    let mut t = Table::new(["Aspect", "Niveau", "Notitie"]);
    for a in &scan.antwoorden {
        let title = q
            .item(&a.onderdeel)
            .map_or(a.onderdeel.as_str(), |i| &i.title);
        t.row([
            title.to_string(),
            a.niveau.map_or_else(
                || "weet ik niet".to_string(),
                |n| q.level_label(n).to_string(),
            ),
            a.notitie.clone().unwrap_or_default(),
        ]);
    }
    doc.push(Block::Table(t));
    doc
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scan::group::median;

    #[test]
    fn medians_of_odd_and_even_groups() {
        assert_eq!(median(&mut [3, 1, 2]), Some(2.0));
        assert_eq!(median(&mut [1, 2, 3, 4]), Some(2.5));
        assert_eq!(median(&mut []), None);
        assert_eq!(number(2.5), "2,5");
        assert_eq!(number(3.0), "3");
    }
}
