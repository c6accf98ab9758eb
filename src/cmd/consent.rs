//! `zorgpad toestemming ID --voor ONTVANGER ja|nee`: the client's consent to share with a
//! recipient of letters, recorded later — for the kraamzorg, the JGZ or the CJG the blueprint
//! asks none, and a consent given at B2 can be withdrawn. It is one event `toestemming` in the
//! journal (recipient, given or not, who, why), saved atomically under the session's lock; the
//! latest for a recipient wins over the flow's consent question. The walk does not change.

use crate::cli::config::session::ConsentCmd;
use crate::clock::Clock;
use crate::engine::journal::{acted_by, Event};
use crate::error::{Error, Exit, Result};
use crate::flow::letters::Letters;
use crate::flow::set::FlowSet;
use crate::out::outln;

pub fn record(config: &ConsentCmd) -> Result<Exit> {
    let clock = Clock::from_env()?;
    let crate::cmd::stored::Stored {
        store,
        mut lock,
        mut record,
    } = crate::cmd::stored::open(&config.data_dir, &config.id, "toestemming", &clock)?;
    let set = crate::cmd::stored::flows_for(&store, &record)?;
    let recipient = recipient_of(&set, &config.recipient, &record.id)?;
    crate::cmd::start::check_role(&set, config.rol.as_deref())?;
    // Without --rol: the role in force, as for `hervat`.
    let rol = config.rol.clone().or_else(|| {
        acted_by(&record.journaal)
            .into_iter()
            .rev()
            .find_map(|a| a.rol)
    });
    let now = clock.now();
    record.journaal.push(Event::Toestemming {
        tijd: now,
        ontvanger: recipient.id.clone(),
        gegeven: config.given,
        rol,
        door: config.door.clone(),
        reden: config.reden.clone(),
    });
    record.bijgewerkt = now;
    store.save(&mut lock, &mut record)?;
    let word = if config.given {
        "ja"
    } else {
        "nee (er wordt niets gedeeld)"
    };
    outln!(
        "Vastgelegd in sessie {}: toestemming van de cliënt om te delen met {}: {word}.",
        record.id,
        recipient.name
    )?;
    outln!(
        "De brief: zorgpad export {} --voor {}",
        record.id,
        recipient.id
    )?;
    drop(lock);
    Ok(Exit::Ok)
}

/// The letters of the session's flow, or why there are none.
pub(crate) fn letters_of<'s>(set: &'s FlowSet, session_id: &str) -> Result<&'s Letters> {
    set.main().letters.as_ref().ok_or_else(|| {
        Error::input(format!(
            "de flow van sessie {session_id} ('{}' versie {}) noemt geen ontvangers van brieven",
            set.main().name,
            set.main().version
        ))
        .hint("Een brief per ontvanger vraagt 'brieven:' in de flow (zie flows/README.md). Geef met --flow BESTAND een flow die ze noemt en waarmee de sessie is doorlopen. Er is niets veranderd.")
    })
}

/// The recipient named after `--voor`; an unknown one is refused with the valid ones.
pub(crate) fn recipient_of<'s>(
    set: &'s FlowSet,
    wanted: &str,
    session_id: &str,
) -> Result<&'s crate::flow::letters::Recipient> {
    let letters = letters_of(set, session_id)?;
    letters.recipient(wanted).ok_or_else(|| {
        Error::input(format!("onbekende ontvanger '{wanted}'")).hint(format!(
            "Kies een van de ontvangers van de flow: {}. Er is niets veranderd.",
            letters.ids()
        ))
    })
}
