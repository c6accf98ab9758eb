//! The journal in words, for the appendix of the summary ("Bijlage: verloop"): every event of
//! the session in the order it happened — answers, answers taken back, pauses, resumptions,
//! notes, actions ticked off later, exports, handovers — each with who and when. The rest of
//! the summary says what holds now; this says how it came about, so that a colleague can check
//! the record against it. Questions are named as a reader names them, never by node id.

use crate::engine::journal::Event;
use crate::engine::session::Session;
use crate::flow::model::Body;
use crate::kaart::Kaart;
use crate::report::summary::words::{describe_for_key, label_for_key, place};
use crate::report::summary::{JournalLine, Who};

/// Every event of the session, in words.
pub(super) fn lines(session: &Session<'_>, kaart: Option<&Kaart>) -> Vec<JournalLine> {
    let main = session.walk().main();
    let events = session.events();
    // Who acted as the rest of the summary says it: an event of an older file, without a
    // role of its own, by the role in force.
    events
        .iter()
        .zip(crate::engine::journal::acted_by(events))
        .map(|(event, actor)| JournalLine {
            tijd: event.time(),
            door: Who::of(main, actor),
            wat: words(session, event, kaart),
        })
        .collect()
}

/// What one event did.
fn words(session: &Session<'_>, event: &Event, kaart: Option<&Kaart>) -> String {
    let later = |opvolging: &Option<String>| {
        if opvolging.is_some() {
            " (opvolging)"
        } else {
            ""
        }
    };
    match event {
        Event::Start { .. } => "Sessie gestart".to_string(),
        Event::Antwoord {
            vraag,
            antwoord,
            opvolging,
            ..
        } => {
            let mut line = format!(
                "{}{} → {}",
                label_for_key(session, vraag),
                later(opvolging),
                describe_for_key(session, vraag, antwoord, kaart)
            );
            if let Some(note) = antwoord.note() {
                line.push_str(&format!(" ({note})"));
            }
            line
        }
        Event::Terug {
            vraag,
            opvolging,
            reden,
            ..
        } => {
            let mut line = format!(
                "Antwoord teruggenomen{}: {}",
                later(opvolging),
                label_for_key(session, vraag)
            );
            if let Some(r) = reden {
                line.push_str(&format!("; reden: {r}"));
            }
            line
        }
        Event::Pauze {
            vraag, verwacht, ..
        } => {
            let at = match crate::engine::walk::node_for_key(session.flows(), vraag) {
                Some(node) => place(node),
                None => label_for_key(session, vraag),
            };
            match verwacht {
                Some(d) => format!("Gepauzeerd bij {at}, verwacht {}", d.strftime("%d-%m-%Y")),
                None => format!("Gepauzeerd bij {at}"),
            }
        }
        Event::Hervat { vorige_flow, .. } => match vorige_flow {
            Some(before) => format!("Hervat (de flow was intussen gewijzigd; eerder: {before})"),
            None => "Hervat".to_string(),
        },
        Event::Export { formaat, .. } => format!("Samenvatting geëxporteerd ({formaat})"),
        Event::Overgezet {
            soort, van, naar, ..
        } => format!("Overgezet naar een andere {soort}: van {van} naar {naar}"),
        Event::Afgevinkt {
            vraag,
            actie,
            opvolging,
            ..
        } => {
            let text = crate::engine::walk::node_for_key(session.flows(), vraag)
                .and_then(|node| match &node.body {
                    Body::Action { items, .. } => items.iter().find(|a| &a.id == actie),
                    _ => None,
                })
                .map_or_else(|| actie.clone(), |a| a.text.clone());
            format!(
                "Later afgevinkt{}: {text} ({})",
                later(opvolging),
                label_for_key(session, vraag)
            )
        }
        Event::Notitie { vraag, tekst, .. } => {
            format!("Notitie bij {}: {tekst}", label_for_key(session, vraag))
        }
        Event::Overgedragen { bestand, .. } => format!("Overgedragen in het bestand {bestand}"),
        Event::Ontvangen { bestand, .. } => format!("Ontvangen uit het bestand {bestand}"),
        Event::Toestemming {
            ontvanger,
            gegeven,
            reden,
            ..
        } => {
            let whom = session
                .walk()
                .main()
                .letters
                .as_ref()
                .and_then(|l| l.recipient(ontvanger))
                .map_or_else(|| ontvanger.clone(), |r| r.name.clone());
            let mut line = if *gegeven {
                format!("Toestemming van de cliënt om te delen met {whom}: ja")
            } else {
                format!("Toestemming van de cliënt om te delen met {whom}: nee")
            };
            if let Some(r) = reden {
                line.push_str(&format!("; reden: {r}"));
            }
            line
        }
    }
}
