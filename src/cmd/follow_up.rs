//! Which follow-up to answer, at `zorgpad hervat` and `zorgpad opvolgen`: the open ones in
//! words, due ones first (the path has reached where they are asked at the latest, or their
//! expected date has passed), and the choice of one by its id.

use crate::clock::Clock;
use crate::engine::drive::Ending;
use crate::engine::prompter::Prompter;
use crate::engine::session::Session;
use crate::error::{Error, Result};
use crate::out::errln;

/// An open follow-up as offered: its id and a line in words.
pub(crate) struct Open {
    pub(crate) id: String,
    pub(crate) line: String,
}

/// The open follow-ups of a session, due ones first, then by expected date.
pub(crate) fn open(session: &Session<'_>, clock: &Clock) -> Vec<Open> {
    if session.open_follow_ups().is_empty() {
        return Vec::new();
    }
    let today = clock.today();
    let due = session.due_follow_up();
    let mut open: Vec<(u8, Option<jiff::civil::Date>, Open)> = session
        .open_follow_ups()
        .into_iter()
        .map(|f| {
            let late = f.expected().is_some_and(|d| d < today);
            let mut line = format!("{} ({})", f.question(), f.id);
            if let Some(d) = f.expected() {
                line.push_str(&format!(" · verwacht {}", d.strftime("%d-%m-%Y")));
            }
            if late {
                line.push_str(" · te laat");
            }
            let now = due.as_deref() == Some(f.id.as_str());
            if now {
                line.push_str(" · moet nu");
            }
            let rank = if now {
                0
            } else if late {
                1
            } else {
                2
            };
            (
                rank,
                f.expected(),
                Open {
                    id: f.id.clone(),
                    line,
                },
            )
        })
        .collect();
    // Without a date after those with one.
    open.sort_by_key(|(rank, date, _)| (*rank, date.is_none(), *date));
    open.into_iter().map(|(_, _, o)| o).collect()
}

/// The follow-up named on the command line: its id exactly, or the one whose id starts with
/// what was typed.
pub(crate) fn named(open: &[Open], wanted: &str, session_id: &str) -> Result<String> {
    let ids: Vec<&str> = open.iter().map(|o| o.id.as_str()).collect();
    named_among(&ids, wanted, session_id)
}

fn named_among(ids: &[&str], wanted: &str, session_id: &str) -> Result<String> {
    if let Some(id) = ids.iter().find(|id| **id == wanted) {
        return Ok(id.to_string());
    }
    let starting: Vec<&&str> = ids.iter().filter(|id| id.starts_with(wanted)).collect();
    match starting.as_slice() {
        [one] => Ok(one.to_string()),
        _ => Err(Error::input(format!(
            "sessie {session_id} heeft geen open opvolging '{wanted}'"
        ))
        .hint(list_hint_of(ids))),
    }
}

/// "Open opvolgingen: B2-meldcode/AK5, VT. Noem er een met --opvolging."
pub(crate) fn list_hint(open: &[Open]) -> String {
    let ids: Vec<&str> = open.iter().map(|o| o.id.as_str()).collect();
    list_hint_of(&ids)
}

fn list_hint_of(ids: &[&str]) -> String {
    if ids.is_empty() {
        return "Er staat geen opvolging open.".to_string();
    }
    format!(
        "Open opvolgingen: {}. Noem er een met --opvolging.",
        ids.join(", ")
    )
}

/// Before anything is recorded (`zorgpad opvolgen`): the follow-up named must be open, and an
/// answers file must name one when several are open. A refusal leaves the session as it was.
pub(crate) fn check_wanted(
    session: &Session<'_>,
    wanted: Option<&str>,
    scripted: bool,
    session_id: &str,
) -> Result<()> {
    let open = session.open_follow_ups();
    let ids: Vec<&str> = open.iter().map(|f| f.id.as_str()).collect();
    match wanted {
        Some(name) => named_among(&ids, name, session_id).map(|_| ()),
        None if scripted && ids.len() > 1 => Err(Error::input(format!(
            "sessie {session_id} heeft {} opvolgingen open; welke bedoelt u?",
            ids.len()
        ))
        .hint(list_hint_of(&ids))),
        None => Ok(()),
    }
}

/// Let the person choose one; `None`: the way out (`other`).
pub(crate) fn choose(
    prompter: &mut dyn Prompter,
    open: &[Open],
    other: &str,
) -> Result<Option<String>> {
    let lines: Vec<String> = open.iter().map(|o| o.line.clone()).collect();
    Ok(prompter
        .choose_follow_up(&lines, other)?
        .and_then(|i| open.get(i))
        .map(|o| o.id.clone()))
}

/// Which follow-up to answer first, if any: the one named (`opvolgen --opvolging`), the
/// only one open, or the person's choice. `Some`: nothing to drive (the person chose to
/// stop), with how the run ends.
pub(crate) fn first(
    session: &mut Session<'_>,
    prompter: &mut dyn Prompter,
    clock: &Clock,
    id: &str,
    wanted: Option<&Option<String>>,
    scripted: bool,
) -> Result<Option<Ending>> {
    let open = open(session, clock);
    if open.is_empty() {
        return Ok(None);
    }
    let finished = session.walk().is_finished();
    let chosen = match wanted {
        Some(Some(name)) => Some(named(&open, name, id)?),
        Some(None) if open.len() == 1 => Some(open[0].id.clone()),
        Some(None) if scripted => {
            return Err(Error::input(format!(
                "sessie {id} heeft {} opvolgingen open; welke bedoelt u?",
                open.len()
            ))
            .hint(list_hint(&open)))
        }
        Some(None) => match choose(prompter, &open, "Stoppen")? {
            Some(chosen) => Some(chosen),
            None => return Ok(Some(Ending::Paused)),
        },
        None => {
            errln!(
                "Er {} {} opvolging{} open:",
                if open.len() == 1 { "staat" } else { "staan" },
                open.len(),
                if open.len() == 1 { "" } else { "en" }
            );
            for o in &open {
                errln!("  • {}", o.line);
            }
            if scripted {
                errln!("Beantwoorden met: zorgpad opvolgen {id} --opvolging OPVOLGING --antwoorden BESTAND");
                None
            } else {
                let other = if finished {
                    "Stoppen"
                } else {
                    "Verder met het pad"
                };
                match choose(prompter, &open, other)? {
                    Some(chosen) => Some(chosen),
                    None if finished => return Ok(Some(Ending::Finished)),
                    None => None,
                }
            }
        }
    };
    session.set_focus(chosen)?;
    Ok(None)
}
