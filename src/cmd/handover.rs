//! `zorgpad sessies overdragen` and `sessies ontvangen`: pass a session to the next care
//! provider on another machine. The sender writes one handover file (`store/handover.rs`) with
//! the session and its pinned flow and map; the receiver checks it (checksums, id, replay
//! against the included flow) before anything is written, and adds it to the local data
//! directory — or takes it over a local copy that it extends. Both sides record it in the
//! journal (`overgedragen`, `ontvangen`).

use crate::cli::config::session::{HandOver, Passphrase, Receive, PASSPHRASE_VAR};
use crate::clock::Clock;
use crate::engine::journal::Event;
use crate::engine::session::Session;
use crate::error::{Error, Exit, Result};
use crate::kaart::Kaart;
use crate::out::outln;
use crate::store::handover::{self, Relation};
use crate::store::{sealed, Holder};

fn file_name(path: &std::path::Path) -> String {
    path.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| path.display().to_string())
}

/// The passphrase: from the environment, else asked in the terminal (twice when encrypting).
fn passphrase_of(source: &Passphrase, twice: bool) -> Result<String> {
    if let Some(text) = &source.env {
        return Ok(text.clone());
    }
    if source.can_ask {
        return crate::prompt::terminal::passphrase(twice);
    }
    Err(Error::input("er is geen terminal om het wachtwoord te vragen").hint(format!(
        "Zet het wachtwoord in de omgevingsvariabele {PASSPHRASE_VAR} (nooit op de opdrachtregel: daar is het voor andere gebruikers te zien). Er is niets veranderd."
    )))
}

/// `sessies overdragen ID -o BESTAND`: the journal records the handover, then the file is
/// written (0600, atomically) with that journal in it; the local session keeps going as well.
pub fn hand_over(config: &HandOver) -> Result<Exit> {
    let clock = Clock::from_env()?;
    let crate::cmd::stored::Stored {
        store,
        mut lock,
        mut record,
    } = crate::cmd::stored::open(&config.data_dir, &config.id, "overdragen", &clock)?;
    // The data directory holds sessions, not handover files: writing one there could replace
    // a session file (or be taken for one).
    let parent = match config.output.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => std::path::PathBuf::from("."),
    };
    if let (Ok(a), Ok(b)) = (parent.canonicalize(), store.dir().canonicalize()) {
        if a.starts_with(&b) {
            return Err(Error::input(format!(
                "'{}' ligt in de gegevensmap; daar horen alleen sessies",
                config.output.display()
            ))
            .hint("Schrijf het overdrachtsbestand naar een andere map, bijvoorbeeld: -o ~/overdracht.json"));
        }
    }
    let passphrase = match &config.encrypt {
        Some(source) => Some(passphrase_of(source, true)?),
        None => None,
    };
    let now = clock.now();
    record.journaal.push(Event::Overgedragen {
        tijd: now,
        bestand: file_name(&config.output),
    });
    record.bijgewerkt = now;
    // Checked (pinned copies present) before anything is written.
    let mut bytes = store.handover_of(&record)?;
    if let Some(passphrase) = &passphrase {
        bytes = sealed::seal(&bytes, passphrase)?;
    }
    crate::store::private_file::write("het overdrachtsbestand", &config.output, &bytes)?;
    if let Err(e) = store.save(&mut lock, &mut record) {
        // The file is written; the local journal lacks the event. Say so: the file is good.
        return Err(e.hint(format!(
            "Het overdrachtsbestand {} is wel geschreven en bruikbaar; alleen het journaal van de sessie hier vermeldt de overdracht niet.",
            config.output.display()
        )));
    }
    outln!(
        "Sessie {} is overgedragen in {} (rechten 0600).",
        record.id,
        config.output.display()
    )?;
    if passphrase.is_some() {
        outln!("Het bestand is versleuteld met het wachtwoord. Geef de ontvanger het wachtwoord via een andere weg dan het bestand (bijvoorbeeld telefonisch). De ontvanger leest het in met: zorgpad sessies ontvangen BESTAND")?;
    } else {
        outln!("Het bestand bevat gezondheidsgegevens en is niet versleuteld: stuur het alleen via een beveiligde weg, of versleutel het met --wachtwoord. De ontvanger leest het in met: zorgpad sessies ontvangen BESTAND")?;
    }
    Ok(Exit::Ok)
}

/// `sessies ontvangen BESTAND`: check the file and the replay, then add the session, take the
/// extended journal, say it is up to date, or refuse a journal that grew apart.
pub fn receive(config: &Receive) -> Result<Exit> {
    let clock = Clock::from_env()?;
    let mut bytes = std::fs::read(&config.file)
        .map_err(|e| Error::read("het overdrachtsbestand", &config.file, &e))?;
    if sealed::is_sealed(&bytes) {
        let passphrase = passphrase_of(&config.passphrase, false)?;
        bytes = sealed::open(&bytes, &passphrase)?;
    }
    let contents = handover::read(&bytes)?;
    let incoming = &contents.sessie;
    let id = incoming.id.clone();
    let refused = |why: String| {
        Error::input(format!("het overdrachtsbestand is geweigerd: {why}"))
            .hint("Er is niets veranderd in de gegevensmap.")
    };
    let set =
        crate::store::pinned::flows_from_pinned(contents.flow.tekst.as_bytes(), &incoming.flow)
            .ok_or_else(|| {
                refused("de flow erin past niet bij de vingerafdruk van de sessie".to_string())
            })?;
    Session::from_journal(&set, incoming.journaal.clone()).map_err(|e| {
        refused(format!(
            "het journaal van sessie {id} is niet na te spelen met de flow erin: {e}"
        ))
    })?;
    if let Some(field) = bsn_in(incoming) {
        return Err(refused(format!(
            "{field} lijkt een burgerservicenummer (BSN) te bevatten; zorgpad bewaart geen BSN"
        ))
        .hint("Er is niets veranderd in de gegevensmap. Vraag de afzender het BSN uit de sessie te halen (zorgpad weigert het daar ook bij nieuwe antwoorden) en het bestand opnieuw te maken."));
    }
    if let (Some(print), Some(k)) = (&incoming.kaart, &contents.kaart) {
        Kaart::from_pinned(print, k.tekst.clone()).map_err(|e| {
            refused(format!(
                "de Sociale Kaart erin is niet te lezen: {}",
                e.message
            ))
        })?;
    }
    let store = crate::cmd::stored::open_store(&config.data_dir)?;
    let mut lock = store.lock_arrival(&id, &Holder::now("ontvangen"), clock.zone())?;
    let exists = !lock.fresh;
    if exists {
        let local = store.load(&lock)?;
        match handover::relation(&local.journaal, &incoming.journaal) {
            Relation::UpToDate => {
                outln!("Sessie {id} is hier al bijgewerkt: het bestand bevat niets nieuws. Er is niets veranderd.")?;
                return Ok(Exit::Ok);
            }
            Relation::Extends => {}
            Relation::Diverged {
                at,
                local: here,
                incoming: there,
            } => {
                let show = |e: &Option<Box<Event>>| match e {
                    Some(e) => format!(
                        "'{}' van {}",
                        e.name(),
                        e.time()
                            .to_zoned(clock.zone().clone())
                            .strftime("%d-%m-%Y %H:%M")
                    ),
                    None => "geen".to_string(),
                };
                return Err(Error::input(format!(
                    "sessie {id} hier en die in het overdrachtsbestand zijn uit elkaar gegroeid: ze verschillen vanaf gebeurtenis {} van het journaal (hier: {}; in het bestand: {})",
                    at + 1,
                    show(&here),
                    show(&there)
                ))
                .hint("Beide kanten hebben aan de sessie gewerkt na de laatste overdracht. Er is niets veranderd. Overleg met de afzender welke versie geldt. Om het bestand te bekijken: ontvang het in een lege map (zorgpad sessies ontvangen BESTAND --data-dir MAP) en exporteer het daar."));
            }
        }
    }
    store.pin_flow_text(&contents.flow.tekst, &incoming.flow)?;
    if let (Some(print), Some(k)) = (&incoming.kaart, &contents.kaart) {
        store.pin_kaart(&k.tekst, print)?;
    }
    let mut record = incoming.clone();
    let now = clock.now();
    record.journaal.push(Event::Ontvangen {
        tijd: now,
        bestand: file_name(&config.file),
    });
    record.bijgewerkt = now;
    store.save(&mut lock, &mut record)?;
    if exists {
        outln!("Sessie {id} is bijgewerkt met het overdrachtsbestand (het journaal ging verder dan hier).")?;
    } else {
        outln!(
            "Sessie {id} is ontvangen en toegevoegd aan {}.",
            store.dir().display()
        )?;
    }
    outln!("Verder met: zorgpad hervat {id}")?;
    Ok(Exit::Ok)
}

/// Where a received session holds a BSN, if anywhere: the same rule as for new answers, applied
/// to a file made elsewhere (perhaps by an older zorgpad, perhaps edited by hand).
fn bsn_in(record: &crate::store::Record) -> Option<String> {
    if record
        .kenmerk
        .as_deref()
        .is_some_and(|k| crate::bsn::find(k).is_some())
    {
        return Some("het kenmerk".to_string());
    }
    for (n, event) in record.journaal.iter().enumerate() {
        let at = n + 1;
        if let Event::Antwoord { antwoord, .. } = event {
            if crate::engine::rules::free_text(antwoord).is_err() {
                return Some(format!("het antwoord bij gebeurtenis {at}"));
            }
        }
        if let Event::Terug {
            reden: Some(reden), ..
        }
        | Event::Toestemming {
            reden: Some(reden), ..
        } = event
        {
            if crate::bsn::find(reden).is_some() {
                return Some(format!("de reden bij gebeurtenis {at}"));
            }
        }
        if let Event::Notitie { tekst, .. } = event {
            if crate::bsn::find(tekst).is_some() {
                return Some(format!("de notitie bij gebeurtenis {at}"));
            }
        }
        if event
            .actor()
            .door
            .as_deref()
            .is_some_and(|d| crate::bsn::find(d).is_some())
        {
            return Some(format!("de initialen bij gebeurtenis {at}"));
        }
    }
    None
}
