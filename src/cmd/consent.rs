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
    // A refusal is the client's word: only her later consent, with why, replaces it.
    let refused = refusal(&set, &record, recipient, &clock)?;
    if let (true, Some(before), None) = (config.given, &refused, &config.reden) {
        return Err(Error::input(format!(
            "de cliënt gaf eerder geen toestemming om te delen met {} ({before})",
            recipient.name
        ))
        .hint(format!(
            "Geeft zij die nu alsnog, leg dan vast waarom: zorgpad toestemming {} --voor {} ja --reden '…' (bijvoorbeeld: 'alsnog gegeven bij het huisbezoek'). Er is niets veranderd.",
            record.id, recipient.id
        )));
    }
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
    if let (true, Some(before)) = (config.given, &refused) {
        outln!(
            "Dit vervangt de eerdere weigering ({before}); beide staan in het dossier, met uw reden."
        )?;
    }
    outln!(
        "De brief: zorgpad export {} --voor {}",
        record.id,
        recipient.id
    )?;
    drop(lock);
    Ok(Exit::Ok)
}

/// When the consent in force for `recipient` is a refusal: where and when it was given.
fn refusal(
    set: &FlowSet,
    record: &crate::store::Record,
    recipient: &crate::flow::letters::Recipient,
    clock: &Clock,
) -> Result<Option<String>> {
    let session = crate::engine::session::Session::from_journal(set, record.journaal.clone())
        .map_err(|e| {
            Error::input(format!(
                "sessie {} kan met haar flow niet worden nagespeeld: {e}",
                record.id
            ))
            .hint("Er is niets veranderd.")
        })?;
    let consent = crate::report::letter::consent_in_force(&session, recipient, clock.zone());
    Ok((consent.status == crate::report::letter::REFUSED).then(|| {
        let mut whence: Vec<String> = consent.bron.iter().cloned().collect();
        whence.extend(consent.datum.map(|d| d.strftime("%d-%m-%Y").to_string()));
        whence.join(", ")
    }))
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
