//! The sections of the summary that tell the steps: the decisions and answers of the path
//! (each once), each run of a sub-flow (the Kindcheck and Meldcode) as a section of its own
//! with its checklists in short, the follow-ups answered later, and the journal as an
//! appendix.

use jiff::tz::TimeZone;

use crate::clock;
use crate::report::document::{Block, Column, Document, Table};
use crate::report::session::sections::in_short;
use crate::report::summary::{Checklist, FollowUpRecord, RouteRow, SubflowRun, Summary};

/// The kinds of row that are told elsewhere: a checklist (under "Checklists"), a referral
/// (under "Verwijzingen"), the call of a sub-flow (its own section) and an end (the outcome,
/// in the header).
const TOLD_ELSEWHERE: [&str; 4] = ["actie", "verwijzing", "subflow", "einde"];

/// The questions answered on the path, in order, each once.
pub(super) fn decisions(doc: &mut Document, s: &Summary, zone: &TimeZone) {
    let rows: Vec<&RouteRow> = s
        .route
        .iter()
        .filter(|r| r.binnen.is_none() && !TOLD_ELSEWHERE.contains(&r.soort))
        .collect();
    if rows.is_empty() {
        return;
    }
    doc.heading("Beslissingen en antwoorden");
    steps(doc, &rows, Label::Blueprint, zone);
}

/// One run of a sub-flow (the Kindcheck and Meldcode): its steps — a checklist as what was
/// done, not done and not applicable — and its outcome.
pub(super) fn subflow(doc: &mut Document, s: &Summary, run: &SubflowRun, zone: &TimeZone) {
    let whence = match &run.blauwdruk {
        Some(b) => format!(
            "{b} {}",
            run.vanuit
                .strip_prefix(&format!("{b}: "))
                .unwrap_or(&run.vanuit)
        ),
        None => run.vanuit.clone(),
    };
    doc.heading(format!("{} — vanuit {whence}", run.naam));
    let rows: Vec<&RouteRow> = run.stappen.iter().collect();
    let lists: Vec<&Checklist> = run
        .checklists
        .iter()
        .filter_map(|i| s.checklists.get(*i))
        .collect();
    steps(doc, &rows, Label::Checklists(&lists), zone);
    doc.paragraph(format!(
        "Uitkomst: {}",
        run.uitkomst.as_deref().unwrap_or("nog niet afgerond")
    ));
}

/// The follow-ups with answers given since they were put off: each with its steps and how it
/// ended. (What still waits is under "Wacht op".)
pub(super) fn answered_later(doc: &mut Document, s: &Summary, zone: &TimeZone) {
    let answered: Vec<&FollowUpRecord> = s
        .opvolgingen
        .iter()
        .filter(|f| !f.stappen.is_empty())
        .collect();
    if answered.is_empty() {
        return;
    }
    doc.heading("Later beantwoord");
    for f in answered {
        doc.subheading(f.vraag.clone());
        let mut line = format!("Uitgesteld {}", clock::date_time(f.uitgesteld, zone));
        if let Some(who) = &f.door {
            line.push_str(&format!(" door {who}"));
        }
        line.push_str(if f.open {
            "; staat nog open (zie 'Wacht op')."
        } else {
            "; beantwoord."
        });
        doc.paragraph(line);
        let rows: Vec<&RouteRow> = f.stappen.iter().collect();
        steps(doc, &rows, Label::None, zone);
        if let Some(outcome) = &f.uitkomst {
            doc.paragraph(format!("Uitkomst: {outcome}"));
        }
    }
}

/// What a table of steps shows besides question, answer and date.
enum Label<'a> {
    /// The blueprint's label in a column of its own (the path).
    Blueprint,
    /// The checklists of these steps, in order, written out in short (a run of the Meldcode).
    Checklists(&'a [&'a Checklist]),
    None,
}

/// Steps as a table — question, answer (with its note and proposal), date — under a line
/// saying who answered them; each step's exact time and actor are in the appendix.
fn steps(doc: &mut Document, rows: &[&RouteRow], label: Label<'_>, zone: &TimeZone) {
    if let Some(line) = actors(rows, zone) {
        doc.paragraph(line);
    }
    let blueprint = matches!(label, Label::Blueprint);
    let mut columns = Vec::new();
    if blueprint {
        columns.push(Column::kept("Blauwdruk"));
    }
    columns.extend([
        Column::text("Vraag"),
        Column::text("Antwoord"),
        Column::kept("Datum"),
    ]);
    let mut t = Table::of(columns);
    let mut lists = match label {
        Label::Checklists(lists) => lists.iter(),
        _ => [].iter(),
    };
    for r in rows {
        let list = if r.soort == "actie" {
            lists.next()
        } else {
            None
        };
        let text = match list {
            Some(c) => match &r.toelichting {
                Some(note) => format!("{}\nNotitie: {note}", in_short(c, zone)),
                None => in_short(c, zone),
            },
            None => answer(r),
        };
        let mut cells = Vec::new();
        if blueprint {
            cells.push(r.blauwdruk.clone().unwrap_or_else(|| "—".to_string()));
        }
        cells.extend([r.vraag.clone(), text, day(r.tijd, zone)]);
        t.row(cells);
    }
    doc.push(Block::Table(t));
}

/// "Beantwoord door Verloskundig zorgverlener (22-11-2026) en Coördinerend zorgverlener
/// (10-12-2026)." — who answered these steps, in the order they first did, with the days.
fn actors(rows: &[&RouteRow], zone: &TimeZone) -> Option<String> {
    let mut seen: Vec<(String, Vec<String>)> = Vec::new();
    for r in rows {
        let Some(who) = &r.door else { continue };
        let who = who.to_string();
        let d = day(r.tijd, zone);
        match seen.iter_mut().find(|(w, _)| *w == who) {
            Some((_, days)) if !days.contains(&d) => days.push(d),
            Some(_) => {}
            None => seen.push((who, vec![d])),
        }
    }
    let parts: Vec<String> = seen
        .into_iter()
        .map(|(who, days)| format!("{who} ({})", days.join(", ")))
        .collect();
    let list = match parts.split_last() {
        None => return None,
        Some((last, rest)) if !rest.is_empty() => format!("{} en {last}", rest.join(", ")),
        Some((last, _)) => last.clone(),
    };
    Some(format!("Beantwoord door {list}."))
}

/// A day as people write it: 22-11-2026.
fn day(at: jiff::Timestamp, zone: &TimeZone) -> String {
    at.to_zoned(zone.clone()).strftime("%d-%m-%Y").to_string()
}

/// The journal in words, as an appendix: how the record came about. Grouped by day and by
/// who acted, so that each line only needs its time.
pub(super) fn journal(doc: &mut Document, s: &Summary, zone: &TimeZone) {
    if s.verloop.is_empty() {
        return;
    }
    doc.heading("Bijlage: verloop van de sessie");
    let day = |at: jiff::Timestamp| at.to_zoned(zone.clone()).strftime("%d-%m-%Y").to_string();
    let hour = |at: jiff::Timestamp| at.to_zoned(zone.clone()).strftime("%H:%M").to_string();
    let mut group: Option<(String, String)> = None;
    let table = || Table {
        small: true,
        ..Table::of(vec![Column::kept("Tijd"), Column::text("Wat")])
    };
    let mut t = table();
    for line in &s.verloop {
        let who = line
            .door
            .as_ref()
            .map_or_else(|| "—".to_string(), ToString::to_string);
        let here = (day(line.tijd), who);
        if group.as_ref() != Some(&here) {
            if !t.rows.is_empty() {
                doc.push(Block::Table(std::mem::replace(&mut t, table())));
            }
            doc.subheading(format!("{} · {}", here.0, here.1));
            group = Some(here);
        }
        t.row([hour(line.tijd), line.wat.clone()]);
    }
    doc.push(Block::Table(t));
}

/// The answer of a row, with its note, the proposal it followed or overruled, and whom to
/// reach.
fn answer(r: &RouteRow) -> String {
    let mut text = r.antwoord.clone();
    if let Some(note) = &r.toelichting {
        text.push_str(&format!("\nToelichting: {note}"));
    }
    if let Some(v) = &r.voorstel {
        let why = if v.op_grond_van.is_empty() {
            String::new()
        } else {
            format!(", op grond van: {}", v.op_grond_van.join("; "))
        };
        let how = if v.gevolgd {
            "voorstel van zorgpad gevolgd"
        } else {
            "AFGEWEKEN van het voorstel van zorgpad"
        };
        text.push_str(&format!("\n({how}: {}{why})", v.optie));
    }
    if let Some(c) = &r.contact {
        let whence = c.whence();
        for line in c.lines() {
            text.push_str(&format!("\nContact ({whence}): {line}"));
        }
    }
    text
}
