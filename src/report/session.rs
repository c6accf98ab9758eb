//! The session summary as a document: the facts of a [`Summary`] composed once — who and
//! what, what must not be missed, the sub-flow runs, the route, the checklists, the referrals,
//! the actions still open per role, the answers taken back — for the terminal at the end of a
//! session and for the client's file (Markdown or HTML). The JSON export is not a document
//! but the facts themselves (schema `zorgpad.samenvatting/1`).

use jiff::tz::TimeZone;

use crate::clock;
use crate::engine::answer::Status;
use crate::report::document::{Block, Column, Document, Item, Mark, Table};
use crate::report::summary::{
    Change, FollowUpRecord, Referral, RouteRow, SubflowRun, Summary, Who,
};
use crate::report::{write, Layout};

/// The summary for the terminal.
pub(crate) fn text(s: &Summary, zone: &TimeZone, layout: Layout) -> String {
    write::text(&document(s, zone), layout)
}

/// The summary as JSON (schema in README.md). Control characters serde leaves raw are
/// escaped the JSON way ([`crate::visible::json`]): the same data, safe on a terminal.
pub(crate) fn json(s: &Summary) -> String {
    let text = serde_json::to_string_pretty(s).unwrap_or_else(|e| format!("{{\"fout\": \"{e}\"}}"));
    format!("{}\n", crate::visible::json(&text))
}

/// The summary as a document; times in `zone`.
pub(crate) fn document(s: &Summary, zone: &TimeZone) -> Document {
    let mut doc = Document::new("Samenvatting zorgpad", Some("SAMENVATTING".to_string()));
    doc.running = running(s);
    doc.push(Block::Facts(facts(s, zone)));
    if !s.let_op.is_empty() {
        doc.push(Block::Notice {
            title: Some("Let op".to_string()),
            items: s.let_op.clone(),
        });
    }
    for run in &s.subflows {
        subflow(&mut doc, run, zone);
    }
    follow_ups(&mut doc, &s.opvolgingen, zone);
    doc.heading("Route");
    doc.push(Block::Table(route(s, zone)));
    checklists(&mut doc, s, zone);
    if !s.verwijzingen.is_empty() {
        doc.heading("Verwijzingen");
        doc.push(Block::List(s.verwijzingen.iter().map(referral).collect()));
    }
    doc.heading("Openstaande acties per rol");
    if s.open_acties.is_empty() {
        doc.paragraph("Geen openstaande acties.");
    }
    for (role, actions) in &s.open_acties {
        doc.subheading(role.clone());
        doc.push(Block::List(
            actions
                .iter()
                .map(|a| Item {
                    mark: Some(Mark::Open),
                    ..Item::new(a.clone())
                })
                .collect(),
        ));
    }
    if !s.gewijzigd.is_empty() {
        doc.heading("Gewijzigde antwoorden");
        doc.push(Block::List(
            s.gewijzigd
                .iter()
                .map(|c| Item::new(change(c, zone)))
                .collect(),
        ));
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
        lines.push(format!("Sessie: {}", info.id));
        if let Some(k) = &info.kenmerk {
            lines.push(format!("Kenmerk: {k}"));
        }
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
    if let Some(c) = &s.huidige_contact {
        let whence = c.whence();
        for line in c.lines() {
            lines.push(format!("Contact bij de volgende vraag ({whence}): {line}"));
        }
    }
    if let Some(bron) = &s.flow.bron {
        lines.push(format!("Bron: {}", bron.trim()));
    }
    lines
}

/// The outcome, or what the session waits for, or the next question.
fn status(s: &Summary, zone: &TimeZone) -> String {
    let open = s.opvolgingen.iter().filter(|f| f.open).count();
    if s.afgerond && open > 0 {
        return format!(
            "Uitkomst: {} — het pad is doorlopen, maar de sessie wacht nog: {} open (zie 'Opvolgingen')",
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

/// The follow-ups: what was put off, when and by whom, and what was answered since.
fn follow_ups(doc: &mut Document, follow_ups: &[FollowUpRecord], zone: &TimeZone) {
    if follow_ups.is_empty() {
        return;
    }
    doc.heading("Opvolgingen");
    for f in follow_ups {
        doc.subheading(f.vraag.clone());
        let mut line = format!(
            "Opvolging {}: later te beantwoorden, vastgelegd {}",
            f.id,
            clock::date_time(f.uitgesteld, zone)
        );
        if let Some(who) = &f.door {
            line.push_str(&format!(" door {who}"));
        }
        if let Some(d) = f.verwacht {
            line.push_str(&format!("; verwacht {}", d.strftime("%d-%m-%Y")));
        }
        if let Some(latest) = &f.uiterlijk {
            line.push_str(&format!("; uiterlijk bij {latest}"));
        }
        line.push_str(if f.open {
            ". Staat nog open."
        } else {
            ". Beantwoord."
        });
        doc.paragraph(line);
        if let Some(c) = &f.contact {
            let whence = c.whence();
            for line in c.lines() {
                doc.paragraph(format!("Contact ({whence}): {line}"));
            }
        }
        if !f.stappen.is_empty() {
            let mut t = Table::of(vec![
                Column::text("Vraag"),
                Column::text("Antwoord"),
                Column::note("Toelichting"),
                Column::text("Door"),
                Column::date("Tijd"),
            ]);
            for r in &f.stappen {
                t.row([
                    r.vraag.clone(),
                    answer(r),
                    r.toelichting.clone().unwrap_or_default(),
                    r.door
                        .as_ref()
                        .map_or_else(|| "—".to_string(), ToString::to_string),
                    clock::date_time(r.tijd, zone),
                ]);
            }
            doc.push(Block::Table(t));
        }
        if let Some(outcome) = &f.uitkomst {
            doc.paragraph(format!("Uitkomst: {outcome}"));
        }
    }
}

/// One run of a sub-flow (the Meldcode): its steps and its outcome.
fn subflow(doc: &mut Document, run: &SubflowRun, zone: &TimeZone) {
    doc.heading(format!("{} (vanuit {})", run.naam, run.vanuit));
    let mut t = Table::of(vec![
        Column::text("Stap"),
        Column::text("Antwoord"),
        Column::note("Toelichting"),
        Column::date("Tijd"),
    ]);
    for r in &run.stappen {
        t.row([
            r.vraag.clone(),
            answer(r),
            r.toelichting.clone().unwrap_or_default(),
            clock::date_time(r.tijd, zone),
        ]);
    }
    doc.push(Block::Table(t));
    doc.paragraph(format!(
        "Uitkomst: {}",
        run.uitkomst.as_deref().unwrap_or("nog niet afgerond")
    ));
}

/// Every box passed, with the answer given there.
fn route(s: &Summary, zone: &TimeZone) -> Table {
    let mut t = Table::of(vec![
        Column::text("Stap"),
        Column::text("Rol"),
        Column::text("Door"),
        Column::text("Vraag"),
        Column::text("Antwoord"),
        Column::note("Toelichting"),
        Column::date("Tijd"),
    ]);
    for r in &s.route {
        let mut vraag = r.vraag.clone();
        if let Some(b) = &r.blauwdruk {
            vraag = format!("{b}: {vraag}");
        }
        if let Some(within) = &r.binnen {
            vraag = format!("{vraag} ({within})");
        }
        t.row([
            r.stap.map_or_else(|| "—".to_string(), |s| s.to_string()),
            r.rol.clone().unwrap_or_else(|| "—".to_string()),
            r.door
                .as_ref()
                .map_or_else(|| "—".to_string(), ToString::to_string),
            vraag,
            answer(r),
            r.toelichting.clone().unwrap_or_default(),
            clock::date_time(r.tijd, zone),
        ]);
    }
    t
}

/// One changed answer: old → new, who and when, and why.
fn change(c: &Change, zone: &TimeZone) -> String {
    let who = |w: &Option<Who>| w.as_ref().map(|w| format!(" door {w}")).unwrap_or_default();
    let new = match (&c.nieuw_antwoord, c.gewijzigd) {
        (Some(new), Some(at)) => format!(
            "'{}' → '{new}', gewijzigd {}{}",
            c.eerder_antwoord,
            clock::date_time(at, zone),
            who(&c.door)
        ),
        _ => format!(
            "'{}' teruggenomen {}{}, niet opnieuw gevraagd (de route ging anders)",
            c.eerder_antwoord,
            clock::date_time(c.teruggenomen, zone),
            who(&c.door)
        ),
    };
    let why = c
        .reden
        .as_ref()
        .map(|r| format!("; reden: {r}"))
        .unwrap_or_default();
    format!(
        "{}: {new}{why} (eerder gegeven {}{})",
        c.label,
        clock::date_time(c.gegeven, zone),
        who(&c.eerder_door)
    )
}

/// The answer of a route row, with the proposal it followed or overruled.
fn answer(r: &RouteRow) -> String {
    let mut text = r.antwoord.clone();
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

/// Each checklist under its box (with step and role), every action ticked, done or n.v.t.
fn checklists(doc: &mut Document, s: &Summary, zone: &TimeZone) {
    if s.checklists.is_empty() {
        return;
    }
    doc.heading("Checklists");
    for c in &s.checklists {
        let mut meta = Vec::new();
        if let Some(st) = c.stap {
            meta.push(format!("stap {st}"));
        }
        if let Some(r) = &c.rol {
            meta.push(r.clone());
        }
        let meta = if meta.is_empty() {
            String::new()
        } else {
            format!(" ({})", meta.join(", "))
        };
        doc.subheading(format!("{}: {}{meta}", c.knoop, c.titel));
        let items = c
            .acties
            .iter()
            .map(|a| {
                let role = a
                    .rol
                    .as_ref()
                    .map(|r| format!(" [{r}]"))
                    .unwrap_or_default();
                Item {
                    mark: Some(match a.status {
                        Status::Gedaan => Mark::Done,
                        Status::NietGedaan => Mark::Open,
                        Status::Nvt => Mark::NotApplicable,
                    }),
                    ..Item::new(format!(
                        "{}{role} — {}{}",
                        a.tekst,
                        a.status.label(),
                        a.later_afgevinkt
                            .as_ref()
                            .map(|t| later_ticked(t, zone))
                            .unwrap_or_default()
                    ))
                }
            })
            .collect();
        doc.push(Block::List(items));
        if let Some(n) = &c.notitie {
            doc.paragraph(format!("Notitie: {n}"));
        }
    }
}

/// " (later afgevinkt op 12-01-2027 door Verloskundig zorgverlener)".
fn later_ticked(t: &crate::report::summary::Ticked, zone: &TimeZone) -> String {
    let day = t.op.to_zoned(zone.clone()).strftime("%d-%m-%Y").to_string();
    match &t.door {
        Some(who) => format!(" (later afgevinkt op {day} door {who})"),
        None => format!(" (later afgevinkt op {day})"),
    }
}

/// A referral: what, from which box, in which category, and to whom — each provider of the
/// map with contact and how to refer, the others as typed, a gap — and the note.
fn referral(v: &Referral) -> Item {
    let mut sub = Vec::new();
    for c in &v.kaart {
        let mut parts = vec![c.naam.clone()];
        let contact = c.line();
        if !contact.is_empty() {
            parts.push(contact);
        }
        if let Some(a) = &c.adres {
            parts.push(a.clone());
        }
        if let Some(how) = &c.aanmelden {
            parts.push(format!("aanmelden: {}", how.trim()));
        }
        sub.push(parts.join("; ").replace('\n', "; "));
    }
    for a in &v.andere {
        sub.push(format!("{a} (niet op de Sociale Kaart)"));
    }
    if v.geen_passend_aanbod {
        sub.push("GEEN PASSEND AANBOD (gat in de Sociale Kaart)".to_string());
    }
    if let Some(n) = &v.notitie {
        sub.push(format!("Notitie: {n}"));
    }
    let status = if v.status == crate::report::summary::REFERRED {
        String::new()
    } else {
        format!(" — {}", v.status.to_uppercase())
    };
    Item {
        sub,
        ..Item::new(format!(
            "{} ({}, categorie {}){status}:",
            v.titel, v.knoop, v.categorie
        ))
    }
}
