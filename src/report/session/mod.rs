//! The session summary as a document: the facts of a [`Summary`] composed once, in the order
//! a colleague reads them ([`document`]), for the terminal at the end of a session and for the
//! client's file (Markdown or HTML). No node id and no word of the engine reaches it: a box
//! is named by its title, with the blueprint's label (B2, D2, …) beside it. The JSON export
//! is not a document but the facts themselves (schema `zorgpad.samenvatting/2`).
//!
//! The sections that list (open actions, waits, referrals, checklists, changes) are in
//! [`sections`]; those that tell the steps (decisions, Meldcode runs, the journal) in
//! [`steps`].

use jiff::tz::TimeZone;

use crate::clock;
use crate::report::document::{Block, Document};
use crate::report::summary::Summary;
use crate::report::{write, Layout};

mod sections;
mod steps;

/// The summary for the terminal.
pub(crate) fn text(s: &Summary, zone: &TimeZone, layout: Layout) -> String {
    write::text(&document(s, zone, Detail::Screen), layout)
}

/// The summary as JSON (schema in README.md). Control characters serde leaves raw are
/// escaped the JSON way ([`crate::visible::json`]): the same data, safe on a terminal.
pub(crate) fn json(s: &Summary) -> String {
    let text = serde_json::to_string_pretty(s).unwrap_or_else(|e| format!("{{\"fout\": \"{e}\"}}"));
    format!("{}\n", crate::visible::json(&text))
}

/// How much of the summary a document holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Detail {
    /// Everything, the journal as an appendix: the document for the client's file.
    File,
    /// Without the appendix: the screen at the end of a session, which the professional just
    /// walked.
    Screen,
}

/// The summary as a document, in the order a colleague reads it: who and what (the header),
/// what must not be missed, what is still to be done and by whom, what the session waits
/// for, the referrals, then the decisions (each once; a run of the Meldcode as a section of
/// its own), the checklists in short, the answers that were changed, and — in the file — the
/// journal as an appendix. Times in `zone`.
pub(crate) fn document(s: &Summary, zone: &TimeZone, detail: Detail) -> Document {
    let mut doc = Document::new("Samenvatting zorgpad", Some("SAMENVATTING".to_string()));
    doc.running = running(s);
    doc.push(Block::Facts(facts(s, zone)));
    if !s.let_op.is_empty() {
        doc.push(Block::Notice {
            title: Some("Let op".to_string()),
            items: s.let_op.clone(),
        });
    }
    sections::open_actions(&mut doc, s);
    sections::waiting(&mut doc, s, zone);
    sections::referrals(&mut doc, s);
    steps::decisions(&mut doc, s, zone);
    for run in &s.subflows {
        steps::subflow(&mut doc, s, run, zone);
    }
    steps::answered_later(&mut doc, s, zone);
    sections::checklists(&mut doc, s, zone);
    sections::changes(&mut doc, s, zone);
    if detail == Detail::File {
        steps::journal(&mut doc, s, zone);
    }
    if let Some(bron) = &s.flow.bron {
        doc.push(Block::Remarks(vec![format!(
            "Bron van de flow: {}",
            bron.trim()
        )]));
    }
    doc.push(Block::Closing(s.disclaimer.to_string()));
    doc
}

/// The client's reference and the session id, for the margin of every printed page.
fn running(s: &Summary) -> Option<String> {
    let info = s.sessie.as_ref()?;
    Some(match &info.kenmerk {
        Some(k) => format!("Kenmerk {k} · sessie {}", info.id),
        None => format!("Sessie {} (geen kenmerk)", info.id),
    })
}

/// Who and what the session is about, where it stands, and the source of the flow.
fn facts(s: &Summary, zone: &TimeZone) -> Vec<String> {
    let mut lines = Vec::new();
    if let Some(info) = &s.sessie {
        lines.push(match &info.kenmerk {
            Some(k) => format!("Kenmerk: {k} · sessie {}", info.id),
            None => format!("Sessie: {} (geen kenmerk)", info.id),
        });
        if let Some(g) = &info.gemeente {
            lines.push(format!("Gemeente: {g}"));
        }
    }
    lines.push(format!("Flow: {} (versie {})", s.flow.naam, s.flow.versie));
    if let Some(kaart) = s.sessie.as_ref().and_then(|i| i.kaart.as_ref()) {
        let mut line = format!("Sociale Kaart: {} (versie {})", kaart.naam, kaart.versie);
        if let Some(note) = &kaart.bron {
            line.push_str(&format!(" — LET OP: {note}"));
        }
        lines.push(line);
    }
    if let Some(at) = s.gestart {
        let mut l = format!("Gestart: {}", clock::date_time(at, zone));
        if let Some(up) = s.bijgewerkt {
            l.push_str(&format!(" · bijgewerkt: {}", clock::date_time(up, zone)));
        }
        lines.push(l);
    }
    if let Some(info) = &s.sessie {
        if !info.rollen.is_empty() {
            let roles: Vec<String> = info
                .rollen
                .iter()
                .map(|r| format!("{} (vanaf {})", r.rol, clock::date_time(r.vanaf, zone)))
                .collect();
            lines.push(format!("Ingevuld door: {}", roles.join("; ")));
        }
    }
    lines.push(status(s, zone));
    // While the session is paused, whom to reach stands under "Wacht op".
    let paused = s.sessie.as_ref().is_some_and(|i| i.wacht_op.is_some());
    if let Some(c) = s.huidige_contact.as_ref().filter(|_| !paused) {
        let whence = c.whence();
        for line in c.lines() {
            lines.push(format!("Contact bij de volgende vraag ({whence}): {line}"));
        }
    }
    lines
}

/// The outcome, or what the session waits for, or the next question.
fn status(s: &Summary, zone: &TimeZone) -> String {
    let open = s.opvolgingen.iter().filter(|f| f.open).count();
    if s.afgerond && open > 0 {
        return format!(
            "Uitkomst: {} — het pad is doorlopen, maar de sessie wacht nog: {} open (zie 'Wacht op')",
            s.uitkomst.as_deref().unwrap_or("—"),
            if open == 1 {
                "er staat nog 1 opvolging".to_string()
            } else {
                format!("er staan nog {open} opvolgingen")
            }
        );
    }
    if s.afgerond {
        return format!("Uitkomst: {}", s.uitkomst.as_deref().unwrap_or("—"));
    }
    match s.sessie.as_ref().and_then(|i| i.wacht_op.as_ref()) {
        Some(w) => {
            let mut l = format!(
                "Status: wacht op {} (sinds {}",
                w.vraag,
                clock::date_time(w.sinds, zone)
            );
            if let Some(d) = w.verwacht {
                l.push_str(&format!(", verwacht {}", d.strftime("%d-%m-%Y")));
            }
            l.push(')');
            l
        }
        None => format!(
            "Status: nog niet afgerond — volgende vraag: {}",
            s.huidige_vraag.as_deref().unwrap_or("—")
        ),
    }
}
