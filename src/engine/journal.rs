//! The journal: every answer and every change of an answer, in order, with its time.
//!
//! Nothing is ever erased: going back adds a `terug` event, and the walk is the replay of the
//! answers that are still in force. The summary is derived from the journal, so replaying a
//! journal always yields the same summary.

use jiff::Timestamp;
use serde::{Deserialize, Serialize};

use crate::engine::answer::Answer;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "gebeurtenis", rename_all = "kebab-case", deny_unknown_fields)]
pub enum Event {
    /// The walk started, answered by this role (a role id of the flow, when given).
    Start {
        tijd: Timestamp,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        rol: Option<String>,
    },
    /// An answer to the question with this key.
    Antwoord {
        tijd: Timestamp,
        vraag: String,
        antwoord: Answer,
    },
    /// The last answer in force (to the question with this key) was taken back to change it.
    Terug { tijd: Timestamp, vraag: String },
    /// The session waits at this question ("nog niet — later verder"), maybe until a date.
    Pauze {
        tijd: Timestamp,
        vraag: String,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        verwacht: Option<jiff::civil::Date>,
    },
    /// The session was taken up again, by this role; with the flow it had before, when the
    /// flow changed in between.
    Hervat {
        tijd: Timestamp,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        rol: Option<String>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        vorige_flow: Option<String>,
    },
    /// The summary was exported in this format.
    Export { tijd: Timestamp, formaat: String },
    /// The session was moved on purpose to another flow or map (`hervat --flow` or
    /// `--kaart`): which (`flow` or `kaart`), from what and to what ("naam versie V, sha256 …").
    /// Added later to format `zorgpad.sessie/1`; older files simply have none.
    Overgezet {
        tijd: Timestamp,
        soort: String,
        van: String,
        naar: String,
    },
    /// The session was handed over in a file (`sessies overdragen`): the file's name. Added
    /// later to format `zorgpad.sessie/1`; older files simply have none.
    Overgedragen { tijd: Timestamp, bestand: String },
    /// The session arrived from a handover file (`sessies ontvangen`): the file's name.
    Ontvangen { tijd: Timestamp, bestand: String },
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
            | Event::Overgedragen { tijd, .. }
            | Event::Ontvangen { tijd, .. } => *tijd,
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
            Event::Overgedragen { .. } => "overgedragen",
            Event::Ontvangen { .. } => "ontvangen",
        }
    }
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
            } => return Some((vraag.as_str(), *tijd, *verwacht)),
            Event::Antwoord { .. } | Event::Terug { .. } => return None,
            Event::Start { .. }
            | Event::Hervat { .. }
            | Event::Export { .. }
            | Event::Overgezet { .. }
            | Event::Overgedragen { .. }
            | Event::Ontvangen { .. } => {}
        }
    }
    None
}

/// The roles that answered, in order, each with when it took over.
pub fn roles(events: &[Event]) -> Vec<(String, Timestamp)> {
    let mut out: Vec<(String, Timestamp)> = Vec::new();
    for event in events {
        if let Event::Start { rol: Some(r), tijd }
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

/// The start time and the answers in force, after applying every `terug`.
pub fn in_force(events: &[Event]) -> (Option<Timestamp>, Vec<(Answer, Timestamp)>) {
    let mut start = None;
    let mut answers = Vec::new();
    for event in events {
        match event {
            Event::Start { tijd, .. } => start = start.or(Some(*tijd)),
            Event::Antwoord { tijd, antwoord, .. } => answers.push((antwoord.clone(), *tijd)),
            Event::Terug { .. } => {
                answers.pop();
            }
            Event::Pauze { .. }
            | Event::Hervat { .. }
            | Event::Export { .. }
            | Event::Overgezet { .. }
            | Event::Overgedragen { .. }
            | Event::Ontvangen { .. } => {}
        }
    }
    (start, answers)
}

/// The question key of each answer in force, in the order of [`in_force`]'s answers.
pub fn in_force_keys(events: &[Event]) -> Vec<&str> {
    let mut keys = Vec::new();
    for event in events {
        match event {
            Event::Antwoord { vraag, .. } => keys.push(vraag.as_str()),
            Event::Terug { .. } => {
                keys.pop();
            }
            _ => {}
        }
    }
    keys
}

/// Per question key, the answer last taken back there and not answered again since: what a
/// front end starts from when the question comes back.
pub fn pending_withdrawn(events: &[Event]) -> std::collections::BTreeMap<String, Answer> {
    let mut stack: Vec<(String, Answer)> = Vec::new();
    let mut pending = std::collections::BTreeMap::new();
    for event in events {
        match event {
            Event::Antwoord {
                vraag, antwoord, ..
            } => {
                pending.remove(vraag);
                stack.push((vraag.clone(), antwoord.clone()));
            }
            Event::Terug { .. } => {
                if let Some((key, answer)) = stack.pop() {
                    pending.insert(key, answer);
                }
            }
            _ => {}
        }
    }
    pending
}

/// Each answer that was taken back: (its question key, the answer, when it was given, when it
/// was taken back).
pub fn withdrawn(events: &[Event]) -> Vec<(String, Answer, Timestamp, Timestamp)> {
    let mut stack: Vec<(String, Answer, Timestamp)> = Vec::new();
    let mut out = Vec::new();
    for event in events {
        match event {
            Event::Antwoord {
                tijd,
                vraag,
                antwoord,
            } => stack.push((vraag.clone(), antwoord.clone(), *tijd)),
            Event::Terug { tijd, .. } => {
                if let Some((key, answer, given)) = stack.pop() {
                    out.push((key, answer, given, *tijd));
                }
            }
            _ => {}
        }
    }
    out
}
