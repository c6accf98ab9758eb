//! The sections of the summary that tell the steps: the decisions and answers of the path
//! (each once), each run of a sub-flow (the Kindcheck and Meldcode) as a section of its own
//! with its checklists in short, the follow-ups answered later, and the journal as an
//! appendix.

use jiff::tz::TimeZone;

use crate::clock;
use crate::report::document::{Block, Column, Document, Table};
use crate::report::session::sections::in_short;
use crate::report::summary::{FollowUpRecord, RouteRow, SubflowRun, Summary};

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
    let mut t = Table::of(vec![
        Column::text("Blauwdruk"),
        Column::text("Vraag"),
        Column::text("Antwoord"),
        Column::note("Door"),
        Column::date("Tijd"),
    ]);
    for r in rows {
        t.row([
            r.blauwdruk.clone().unwrap_or_else(|| "—".to_string()),
            r.vraag.clone(),
            answer(r),
            who(r),
            clock::date_time(r.tijd, zone),
        ]);
    }
    doc.push(Block::Table(t));
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
    // One who did it all is said once, above the steps; several, per step.
    let single = one_actor(&run.stappen);
    if let (Some(who), Some(first)) = (&single, run.stappen.first()) {
        doc.paragraph(format!(
            "Doorlopen door {who}, {}.",
            clock::date_time(first.tijd, zone)
        ));
    }
    let mut columns = vec![
        Column::text("Stap"),
        Column::text("Antwoord"),
        Column::note("Door"),
        Column::date("Tijd"),
    ];
    if single.is_some() {
        columns.remove(2);
    }
    let mut t = Table::of(columns);
    let mut lists = run.checklists.iter().filter_map(|i| s.checklists.get(*i));
    for r in &run.stappen {
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
        let mut cells = vec![
            r.vraag.clone(),
            text,
            who(r),
            clock::date_time(r.tijd, zone),
        ];
        if single.is_some() {
            cells.remove(2);
        }
        t.row(cells);
    }
    doc.push(Block::Table(t));
    doc.paragraph(format!(
        "Uitkomst: {}",
        run.uitkomst.as_deref().unwrap_or("nog niet afgerond")
    ));
}

/// The follow-ups with answers given since they were put off: each with its steps and how it
/// ended. (What still waits is under "Wacht op".)
pub(super) fn answered_later(doc: &mut Document, follow_ups: &[FollowUpRecord], zone: &TimeZone) {
    let answered: Vec<&FollowUpRecord> = follow_ups
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
        let mut t = Table::of(vec![
            Column::text("Vraag"),
            Column::text("Antwoord"),
            Column::note("Door"),
            Column::date("Tijd"),
        ]);
        for r in &f.stappen {
            t.row([
                r.vraag.clone(),
                answer(r),
                who(r),
                clock::date_time(r.tijd, zone),
            ]);
        }
        doc.push(Block::Table(t));
        if let Some(outcome) = &f.uitkomst {
            doc.paragraph(format!("Uitkomst: {outcome}"));
        }
    }
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
    let mut t = Table::of(vec![Column::date("Tijd"), Column::text("Wat")]);
    for line in &s.verloop {
        let who = line
            .door
            .as_ref()
            .map_or_else(|| "—".to_string(), ToString::to_string);
        let here = (day(line.tijd), who);
        if group.as_ref() != Some(&here) {
            if !t.rows.is_empty() {
                doc.push(Block::Table(std::mem::replace(
                    &mut t,
                    Table::of(vec![Column::date("Tijd"), Column::text("Wat")]),
                )));
            }
            doc.subheading(format!("{} · {}", here.0, here.1));
            group = Some(here);
        }
        t.row([hour(line.tijd), line.wat.clone()]);
    }
    doc.push(Block::Table(t));
}

/// Who answered all these rows, when it was one and the same.
fn one_actor(rows: &[RouteRow]) -> Option<String> {
    let mut who = rows.iter().filter(|r| r.soort != "einde").map(|r| &r.door);
    let first = who.next()?.as_ref()?;
    who.all(|w| w.as_ref() == Some(first))
        .then(|| first.to_string())
}

/// Who answered a row, or "—".
fn who(r: &RouteRow) -> String {
    r.door
        .as_ref()
        .map_or_else(|| "—".to_string(), ToString::to_string)
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
