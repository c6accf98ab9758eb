//! Consent recorded after the fact (`zorgpad toestemming`), under "Let op": a letter's
//! recipient may get what the pathway's own answer did not allow, or no longer what it did, so
//! the record says so beside that answer instead of contradicting it silently. Each event in
//! order, with who recorded it and why; the time is in the journal appendix.

use crate::engine::journal::{acted_by, Event};
use crate::engine::session::Session;
use crate::report::summary::Who;

/// A "Let op" line per consent recorded later.
pub(super) fn recorded_later(session: &Session<'_>) -> Vec<String> {
    let main = session.walk().main();
    let events = session.events();
    events
        .iter()
        .zip(acted_by(events))
        .filter_map(|(event, actor)| {
            let Event::Toestemming {
                ontvanger,
                gegeven,
                reden,
                ..
            } = event
            else {
                return None;
            };
            let whom = main
                .letters
                .as_ref()
                .and_then(|l| l.recipient(ontvanger))
                .map_or_else(|| ontvanger.clone(), |r| r.name.clone());
            let mut line = format!(
                "Toestemming om te delen met {whom} later vastgelegd: {}",
                if *gegeven {
                    "ja"
                } else {
                    "nee, er wordt niets (meer) gedeeld"
                }
            );
            if let Some(who) = Who::of(main, actor) {
                line.push_str(&format!(", door {who}"));
            }
            if let Some(r) = reden {
                line.push_str(&format!("; reden: {r}"));
            }
            Some(line)
        })
        .collect()
}
