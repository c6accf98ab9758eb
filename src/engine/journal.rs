//! The journal: every answer and every change of an answer, in order, with its time.
//!
//! Nothing is ever erased: going back adds a `terug` event, ticking off an open action later
//! adds an `afgevinkt` event (the answer it was open in stays as given), and the walk is the
//! replay of the answers that are still in force, with their later ticks. The summary is derived from the journal, so replaying a
//! journal always yields the same summary.
//!
//! Every event records who acted: the role (`rol`, a role id of the flow) and, when given with
//! `--door`, initials (`door`). Both were added later to format `zorgpad.sessie/1` and are
//! optional: an event of an older file without them was done by the role of the `start` or
//! `hervat` before it ([`acted_by`]).

use jiff::Timestamp;
use serde::{Deserialize, Serialize};

use crate::engine::answer::Answer;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "gebeurtenis", rename_all = "kebab-case", deny_unknown_fields)]
pub enum Event {
    /// The walk started, answered by this role (`--rol`, else the role of the first question).
    Start {
        tijd: Timestamp,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        rol: Option<String>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        door: Option<String>,
    },
    /// An answer to the question with this key; `opvolging`: the id of the follow-up it
    /// answers (added later to format `zorgpad.sessie/1`; without it, the main path).
    Antwoord {
        tijd: Timestamp,
        vraag: String,
        antwoord: Answer,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        opvolging: Option<String>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        rol: Option<String>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        door: Option<String>,
    },
    /// The last answer in force (to the question with this key) was taken back to change it.
    /// `reden`: why, when given (required to change a Kindcheck, Meldcode or PPM answer).
    /// `opvolging`: within that follow-up (without it, on the main path).
    Terug {
        tijd: Timestamp,
        vraag: String,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        opvolging: Option<String>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        rol: Option<String>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        door: Option<String>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        reden: Option<String>,
    },
    /// The session waits at this question ("nog niet — later verder"), maybe until a date.
    Pauze {
        tijd: Timestamp,
        vraag: String,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        verwacht: Option<jiff::civil::Date>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        rol: Option<String>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        door: Option<String>,
    },
    /// The session was taken up again, by this role (`--rol`, else the role in force); with the
    /// flow it had before, when the flow changed in between.
    Hervat {
        tijd: Timestamp,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        rol: Option<String>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        door: Option<String>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        vorige_flow: Option<String>,
    },
    /// The summary was exported in this format.
    /// Only `start --export` and `hervat --export` record one: `zorgpad export` only reads.
    Export {
        tijd: Timestamp,
        formaat: String,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        rol: Option<String>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        door: Option<String>,
    },
    /// The session was moved on purpose to another flow or map (`hervat --flow` or
    /// `--kaart`): which (`flow` or `kaart`), from what and to what ("naam versie V, sha256 …").
    /// Added later to format `zorgpad.sessie/1`; older files simply have none.
    Overgezet {
        tijd: Timestamp,
        soort: String,
        van: String,
        naar: String,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        rol: Option<String>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        door: Option<String>,
    },
    /// An action marked "niet gedaan" in the last answer in force to the question with this
    /// key (`vraag`) was done later and ticked off (`hervat`): replaying the journal marks it
    /// `gedaan` in that answer, which itself stays as it was given. Added later to format
    /// `zorgpad.sessie/1`; older files simply have none. `opvolging`: the answer is one of that
    /// follow-up's (without it, of the main path).
    Afgevinkt {
        tijd: Timestamp,
        vraag: String,
        actie: String,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        opvolging: Option<String>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        rol: Option<String>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        door: Option<String>,
    },
    /// A note (toelichting or notitie) to the answer just given to the question with this key,
    /// asked after that answer was saved, so that dying at the note prompt keeps the answer.
    /// It applies to the last answer in force with that key ([`fold_notes`]): the answer reads
    /// as if given with the note. Added later to format `zorgpad.sessie/1`; older files simply
    /// have none.
    Notitie {
        tijd: Timestamp,
        vraag: String,
        tekst: String,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        rol: Option<String>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        door: Option<String>,
    },
    /// The session was handed over in a file (`sessies overdragen`): the file's name. Added
    /// later to format `zorgpad.sessie/1`; older files simply have none.
    Overgedragen { tijd: Timestamp, bestand: String },
    /// The session arrived from a handover file (`sessies ontvangen`): the file's name.
    Ontvangen { tijd: Timestamp, bestand: String },
    /// The client's consent to share with a recipient of letters (`zorgpad toestemming`):
    /// the recipient's id (`ontvangers` in the flow), given (`true`) or refused or withdrawn
    /// (`false`), who recorded it and why. The latest for a recipient wins over the flow's
    /// consent question. It does not touch the walk. Added later to format
    /// `zorgpad.sessie/1`; older files simply have none.
    Toestemming {
        tijd: Timestamp,
        ontvanger: String,
        gegeven: bool,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        rol: Option<String>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        door: Option<String>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        reden: Option<String>,
    },
}

impl Event {
    pub fn time(&self) -> Timestamp {
        match self {
            Event::Start { tijd, .. }
            | Event::Antwoord { tijd, .. }
            | Event::Terug { tijd, .. }
            | Event::Pauze { tijd, .. }
            | Event::Hervat { tijd, .. }
            | Event::Export { tijd, .. }
            | Event::Overgezet { tijd, .. }
            | Event::Afgevinkt { tijd, .. }
            | Event::Notitie { tijd, .. }
            | Event::Overgedragen { tijd, .. }
            | Event::Ontvangen { tijd, .. }
            | Event::Toestemming { tijd, .. } => *tijd,
        }
    }

    /// The name of the event as in the file (`antwoord`, `terug`, …), for messages.
    pub fn name(&self) -> &'static str {
        match self {
            Event::Start { .. } => "start",
            Event::Antwoord { .. } => "antwoord",
            Event::Terug { .. } => "terug",
            Event::Pauze { .. } => "pauze",
            Event::Hervat { .. } => "hervat",
            Event::Export { .. } => "export",
            Event::Overgezet { .. } => "overgezet",
            Event::Afgevinkt { .. } => "afgevinkt",
            Event::Notitie { .. } => "notitie",
            Event::Overgedragen { .. } => "overgedragen",
            Event::Ontvangen { .. } => "ontvangen",
            Event::Toestemming { .. } => "toestemming",
        }
    }

    /// Who this event records as acting, if it records anyone.
    pub fn actor(&self) -> Actor {
        match self {
            Event::Start { rol, door, .. }
            | Event::Antwoord { rol, door, .. }
            | Event::Terug { rol, door, .. }
            | Event::Pauze { rol, door, .. }
            | Event::Hervat { rol, door, .. }
            | Event::Export { rol, door, .. }
            | Event::Overgezet { rol, door, .. }
            | Event::Afgevinkt { rol, door, .. }
            | Event::Notitie { rol, door, .. }
            | Event::Toestemming { rol, door, .. } => Actor {
                rol: rol.clone(),
                door: door.clone(),
            },
            // A handover is done by whoever holds the file; it records no role of the flow.
            Event::Overgedragen { .. } | Event::Ontvangen { .. } => Actor::default(),
        }
    }
}

/// A consent recorded with `zorgpad toestemming`: when, given or not, by whom, why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Consent {
    pub at: Timestamp,
    pub given: bool,
    pub by: Actor,
    pub reason: Option<String>,
}

/// The latest consent recorded for the recipient `id`, if any: it wins over every earlier one
/// (a `nee` after a `ja` withdraws it).
pub fn consent(events: &[Event], id: &str) -> Option<Consent> {
    let by = acted_by(events);
    events
        .iter()
        .zip(by)
        .rev()
        .find_map(|(event, by)| match event {
            Event::Toestemming {
                tijd,
                ontvanger,
                gegeven,
                reden,
                ..
            } if ontvanger == id => Some(Consent {
                at: *tijd,
                given: *gegeven,
                by,
                reason: reden.clone(),
            }),
            _ => None,
        })
}

/// Who acted: a role id of the flow, and initials when given (`--door`).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Actor {
    pub rol: Option<String>,
    pub door: Option<String>,
}

/// Who did each event, in the order of `events`: what the event records, else (an event of an
/// older file) the role of the `start` or `hervat` in force. A `hervat` without a role keeps the
/// role before it; initials hold until the next `start` or `hervat`.
pub fn acted_by(events: &[Event]) -> Vec<Actor> {
    let mut current = Actor::default();
    events
        .iter()
        .map(|event| {
            let recorded = event.actor();
            if let Event::Start { .. } | Event::Hervat { .. } = event {
                current = Actor {
                    rol: recorded.rol.clone().or(current.rol.take()),
                    door: recorded.door.clone(),
                };
            }
            Actor {
                rol: recorded.rol.or_else(|| current.rol.clone()),
                door: recorded.door.or_else(|| current.door.clone()),
            }
        })
        .collect()
}

/// The pause in force: the last `pauze` with no answer or back after it. Taking the session up
/// again (`hervat`) does not end the pause; answering does, so a resume that is left without
/// an answer still waits where it waited.
pub fn pause(events: &[Event]) -> Option<(&str, Timestamp, Option<jiff::civil::Date>)> {
    for event in events.iter().rev() {
        match event {
            Event::Pauze {
                tijd,
                vraag,
                verwacht,
                ..
            } => return Some((vraag.as_str(), *tijd, *verwacht)),
            Event::Antwoord {
                opvolging: None, ..
            }
            | Event::Terug {
                opvolging: None, ..
            } => return None,
            Event::Antwoord { .. } | Event::Terug { .. } => {}
            Event::Start { .. }
            | Event::Hervat { .. }
            | Event::Export { .. }
            | Event::Overgezet { .. }
            | Event::Afgevinkt { .. }
            | Event::Notitie { .. }
            | Event::Overgedragen { .. }
            | Event::Ontvangen { .. }
            | Event::Toestemming { .. } => {}
        }
    }
    None
}

/// The roles that answered, in order, each with when it took over.
pub fn roles(events: &[Event]) -> Vec<(String, Timestamp)> {
    let mut out: Vec<(String, Timestamp)> = Vec::new();
    for event in events {
        if let Event::Start {
            rol: Some(r), tijd, ..
        }
        | Event::Hervat {
            rol: Some(r), tijd, ..
        } = event
        {
            if out.last().map(|(l, _)| l) != Some(r) {
                out.push((r.clone(), *tijd));
            }
        }
    }
    out
}

/// Whether an event belongs to the main path (`scope` `None`) or to the follow-up `scope`:
/// answers and backs carry their follow-up; the other events belong to the main path.
pub(crate) fn in_scope(event: &Event, scope: Option<&str>) -> bool {
    match event {
        Event::Antwoord { opvolging, .. }
        | Event::Terug { opvolging, .. }
        | Event::Afgevinkt { opvolging, .. } => opvolging.as_deref() == scope,
        _ => scope.is_none(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn event(json: &str) -> Event {
        serde_json::from_str(json).expect("event")
    }

    #[test]
    fn a_consent_event_reads_without_its_optional_fields_and_the_latest_wins() {
        let events = vec![
            event(
                r#"{"gebeurtenis": "start", "tijd": "2026-11-22T09:00:00Z", "rol": "verloskundig-zorgverlener"}"#,
            ),
            event(
                r#"{"gebeurtenis": "toestemming", "tijd": "2026-11-23T09:00:00Z", "ontvanger": "kraamzorg", "gegeven": true}"#,
            ),
            event(
                r#"{"gebeurtenis": "toestemming", "tijd": "2026-11-24T09:00:00Z", "ontvanger": "jgz", "gegeven": true, "door": "JdV"}"#,
            ),
            event(
                r#"{"gebeurtenis": "toestemming", "tijd": "2026-11-25T09:00:00Z", "ontvanger": "kraamzorg", "gegeven": false, "reden": "ingetrokken"}"#,
            ),
        ];
        let kraamzorg = consent(&events, "kraamzorg").expect("recorded");
        assert!(!kraamzorg.given);
        assert_eq!(kraamzorg.reason.as_deref(), Some("ingetrokken"));
        // Without a role of its own, the role of the start.
        assert_eq!(
            kraamzorg.by.rol.as_deref(),
            Some("verloskundig-zorgverlener")
        );
        assert!(consent(&events, "jgz").is_some_and(|c| c.given));
        assert!(consent(&events, "huisarts").is_none());
        // Not a pause, not an answer: the pause in force is untouched.
        assert!(pause(&events).is_none());
        // Written back as read, without empty fields.
        let text = serde_json::to_string(&events[1]).expect("json");
        assert!(!text.contains("rol") && !text.contains("reden"), "{text}");
    }
}
