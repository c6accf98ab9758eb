//! `zorgpad export`: a stored session's summary as a file for the client's dossier (or on
//! standard output). Reading never changes a session: the session file is not written, not
//! even its "bijgewerkt" time (only `start`/`hervat --export`, which save anyway, journal their
//! export). The session is still locked while it is read, as for `hervat`: a session open in
//! another process is refused, not exported. With `--voor ONTVANGER` it writes a letter for
//! that recipient instead ([`crate::report::letter`]), in the same formats and by the same
//! file-name rule.

use crate::cli::config::session::ExportCmd;
use crate::clock::Clock;
use crate::engine::session::Session;
use crate::error::{Error, Exit, Result};
use crate::flow::set::FlowSet;
use crate::out::{errln, out};
use crate::report::letter::{Letter, Sources};
use crate::report::summary::Summary;

pub fn export(config: &ExportCmd) -> Result<Exit> {
    let clock = Clock::from_env()?;
    let crate::cmd::stored::Stored {
        store,
        lock,
        record,
    } = crate::cmd::stored::open(&config.data_dir, &config.id, "export", &clock)?;
    // The session's pinned flows, unless --flow names a file to replay it with.
    let set = match &config.flow {
        Some(file) => FlowSet::load(Some(file))?,
        None => crate::cmd::stored::flows_for(&store, &record)?,
    };
    let session = Session::from_journal(&set, record.journaal.clone()).map_err(|e| {
        Error::input(format!("sessie {} kan met deze flow niet worden nagespeeld: {e}", record.id))
            .hint("De sessie is niet veranderd. Geef met --flow BESTAND de flow waarmee de sessie is doorlopen.")
    })?;
    // A map that cannot be read does not stop an export: the chosen providers are then named
    // by their id only.
    let kaart = crate::cmd::stored::kaart_for(&store, &record)
        .map_err(|e| {
            errln!(
                "Let op: {}; de export noemt de gekozen aanbieders alleen met hun id.",
                e.message
            )
        })
        .ok();
    let offer = kaart.as_ref().map(|kaart| crate::kaart::Offer {
        kaart,
        gemeente: record.gemeente.as_deref(),
    });
    let summary = Summary::of(&session, offer).with_record(&session, &record);
    let (text, what) = match &config.recipient {
        Some(wanted) => {
            let recipient = crate::cmd::consent::recipient_of(&set, wanted, &record.id)?;
            let letters = crate::cmd::consent::letters_of(&set, &record.id)?;
            let letter = Letter::of(&Sources {
                summary: &summary,
                session: &session,
                letters,
                recipient,
                today: clock.today(),
                zone: clock.zone(),
            });
            (
                crate::report::letter_write::render(&letter, config.format),
                format!("Brief aan {}", recipient.name),
            )
        }
        None => (
            crate::report::export::render(&summary, config.format, &clock),
            "Samenvatting".to_string(),
        ),
    };
    match &config.output {
        Some(out) => {
            crate::store::private_file::write("de export", out, text.as_bytes())?;
            errln!(
                "{what} van sessie {} geschreven naar {}.",
                record.id,
                out.display()
            );
        }
        None => out!("{text}")?,
    }
    // Held until here: no other process changed the session while it was read.
    drop(lock);
    Ok(Exit::Ok)
}
