//! The sections of the summary that list: what is still to be done per role, what the
//! session waits for, the referrals, the checklists in short, and the answers that were
//! changed. Each names a box as a reader does, never by its node id.

use jiff::tz::TimeZone;

use crate::clock;
use crate::engine::answer::Status;
use crate::report::document::{Document, Item};
use crate::report::summary::{
    Change, Checklist, Referral, RouteContact, Summary, Ticked, Who, REFERRED,
};

/// Per role, what is still to be done, with where it comes from.
pub(super) fn open_actions(doc: &mut Document, s: &Summary) {
    doc.heading("Openstaande acties per rol");
    if s.open_acties.is_empty() {
        doc.paragraph("Geen openstaande acties.");
    }
    for (role, actions) in &s.open_acties {
        doc.subheading(role.clone());
        doc.push(crate::report::document::Block::List(
            actions
                .iter()
                .map(|a| Item {
                    open: true,
                    ..Item::new(a.line())
                })
                .collect(),
        ));
    }
}

/// What the session waits for: the pause at a question (an appointment, a birth), and each
/// follow-up still open, with the dates and whom to reach. Left out when nothing waits.
pub(super) fn waiting(doc: &mut Document, s: &Summary, zone: &TimeZone) {
    let day = |d: jiff::civil::Date| d.strftime("%d-%m-%Y").to_string();
    let mut items = Vec::new();
    if let Some(w) = s.sessie.as_ref().and_then(|i| i.wacht_op.as_ref()) {
        let mut text = format!("{}: sinds {}", w.vraag, clock::date_time(w.sinds, zone));
        if let Some(d) = w.verwacht {
            text.push_str(&format!(", verwacht {}", day(d)));
        }
        items.push(Item {
            sub: contact_lines(s.huidige_contact.as_ref()),
            ..Item::new(text)
        });
    }
    for f in s.opvolgingen.iter().filter(|f| f.open) {
        let mut text = format!(
            "{} — later te beantwoorden (opvolging), vastgelegd {}",
            f.vraag,
            clock::date_time(f.uitgesteld, zone)
        );
        if let Some(who) = &f.door {
            text.push_str(&format!(" door {who}"));
        }
        if let Some(d) = f.verwacht {
            text.push_str(&format!("; verwacht {}", day(d)));
        }
        if let Some(latest) = &f.uiterlijk {
            text.push_str(&format!("; uiterlijk bij {latest}"));
        }
        items.push(Item {
            sub: contact_lines(f.contact.as_ref()),
            ..Item::new(text)
        });
    }
    if items.is_empty() {
        return;
    }
    doc.heading("Wacht op");
    doc.push(crate::report::document::Block::List(items));
}

/// Whom to reach, a line per organisation: "Contact (gekozen bij '…'): Naam · tel. …".
fn contact_lines(contact: Option<&RouteContact>) -> Vec<String> {
    let Some(c) = contact else {
        return Vec::new();
    };
    let whence = c.whence();
    c.lines()
        .into_iter()
        .map(|l| format!("Contact ({whence}): {l}"))
        .collect()
}

/// The referrals, each with its providers: contact and how to refer, the others as typed, a
/// gap in the map, the note.
pub(super) fn referrals(doc: &mut Document, s: &Summary) {
    if s.verwijzingen.is_empty() {
        return;
    }
    doc.heading("Verwijzingen");
    doc.push(crate::report::document::Block::List(
        s.verwijzingen.iter().map(referral).collect(),
    ));
}

/// A referral: what and where, in which category, and to whom.
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
    let status = if v.status == REFERRED {
        String::new()
    } else {
        format!(" — {}", v.status.to_uppercase())
    };
    Item {
        sub,
        ..Item::new(format!("{} (categorie {}){status}:", v.waar, v.categorie))
    }
}

/// The checklists of the path in short, one item each: what was done, what not, what did
/// not apply. Those of a Meldcode run stand with its steps.
pub(super) fn checklists(doc: &mut Document, s: &Summary, zone: &TimeZone) {
    let lists: Vec<&Checklist> = s.checklists.iter().filter(|c| c.binnen.is_none()).collect();
    if lists.is_empty() {
        return;
    }
    doc.heading("Checklists");
    let items = lists
        .into_iter()
        .map(|c| {
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
            let title = match &c.blauwdruk {
                Some(b) => format!("{b} {}", c.titel),
                None => c.titel.clone(),
            };
            Item {
                sub: c.notitie.iter().map(|n| format!("Notitie: {n}")).collect(),
                ..Item::new(format!("{title}{meta} — {}", in_short(c, zone)))
            }
        })
        .collect();
    doc.push(crate::report::document::Block::List(items));
}

/// A checklist's actions in one line: "gedaan: A; B · niet gedaan: C · n.v.t.: D", an action
/// ticked off later with when and by whom.
pub(super) fn in_short(c: &Checklist, zone: &TimeZone) -> String {
    let mut groups = Vec::new();
    for status in [Status::Gedaan, Status::NietGedaan, Status::Nvt] {
        let texts: Vec<String> = c
            .acties
            .iter()
            .filter(|a| a.status == status)
            .map(|a| {
                let role = a
                    .rol
                    .as_ref()
                    .map(|r| format!(" [{r}]"))
                    .unwrap_or_default();
                let later = a
                    .later_afgevinkt
                    .as_ref()
                    .map(|t| later_ticked(t, zone))
                    .unwrap_or_default();
                format!("{}{role}{later}", a.tekst)
            })
            .collect();
        if !texts.is_empty() {
            groups.push(format!("{}: {}", status.label(), texts.join("; ")));
        }
    }
    groups.join(" · ")
}

/// " (later afgevinkt op 12-01-2027 door Verloskundig zorgverlener)".
fn later_ticked(t: &Ticked, zone: &TimeZone) -> String {
    let day = t.op.to_zoned(zone.clone()).strftime("%d-%m-%Y").to_string();
    match &t.door {
        Some(who) => format!(" (later afgevinkt op {day} door {who})"),
        None => format!(" (later afgevinkt op {day})"),
    }
}

/// The answers taken back, each with old and new, who and when, and why.
pub(super) fn changes(doc: &mut Document, s: &Summary, zone: &TimeZone) {
    if s.gewijzigd.is_empty() {
        return;
    }
    doc.heading("Gewijzigde antwoorden");
    doc.push(crate::report::document::Block::List(
        s.gewijzigd
            .iter()
            .map(|c| Item::new(change(c, zone)))
            .collect(),
    ));
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
