//! A stored session and what it is walked with: the session file found by its id, and the
//! copies of its flows and its Sociale Kaart that it pinned in the data directory
//! (`store/pinned.rs`), so that files that move or change do not change the session. The
//! built-in example map is used only for a session walked with it (announced as fictitious
//! wherever used). Shared by `start`, `hervat` and `export`; [`find`] also by `sessies
//! verwijder`.

use std::path::Path;

use crate::clock::Clock;
use crate::error::{Error, Result};
use crate::flow::set::FlowSet;
use crate::kaart::Kaart;
use crate::out::errln;
use crate::store::{Found, Holder, Record, SessionLock, Store};

/// Said wherever the embedded example map is used: its providers are made up.
pub const EXAMPLE_MAP_WARNING: &str = "Let op: zorgpad gebruikt de ingebouwde VOORBEELDKAART; de aanbieders daarop zijn verzonnen.\nGebruik voor echte verwijzingen de Sociale Kaart van uw VSV: zorgpad start --kaart BESTAND.";

/// A map with errors is not used in a session (gaps are fine: they are what "geen passend
/// aanbod" is for).
pub(crate) fn refuse_broken_map(kaart: &Kaart) -> Result<()> {
    crate::finding::refuse_errors(
        kaart.findings(),
        &format!("de Sociale Kaart '{}'", kaart.file),
        "er is geen sessie gestart",
        "Los de fouten hierboven op; 'zorgpad kaart controleer --kaart BESTAND' toont ze opnieuw.",
    )
}

/// The map's spelling of a gemeente given on the command line.
pub(crate) fn known_gemeente(kaart: &Kaart, name: &str) -> Result<String> {
    kaart.gemeente(name).map(str::to_string).ok_or_else(|| {
        Error::input(format!("de gemeente '{name}' staat niet op de Sociale Kaart '{}'", kaart.name)).hint(format!(
            "Gemeenten op deze kaart: {}. Laat --gemeente weg als de gemeente er niet bij staat: dan wordt alle aanbod getoond.",
            kaart.gemeenten.join(", ")
        ))
    })
}

/// The map a stored session was walked with: its pinned copy; for a session saved before
/// zorgpad kept copies, the file it recorded (with a warning), and the embedded example only
/// when the session was walked with it. A map file that is gone is an error, never a silent
/// switch to the example's made-up providers.
pub fn kaart_for(store: &Store, record: &Record) -> Result<Kaart> {
    let Some(print) = &record.kaart else {
        // A session from before zorgpad recorded its map: it was walked with the example.
        errln!("{EXAMPLE_MAP_WARNING}");
        return Kaart::load(None);
    };
    if let Some(text) = store.pinned_kaart(print)? {
        return Kaart::from_pinned(print, text);
    }
    let kaart = match &print.bestand {
        Some(file) => {
            errln!(
                "Let op: van sessie {} is geen vastgelegde kopie van de Sociale Kaart (opgeslagen door een oudere zorgpad); zorgpad leest het bestand {file}.",
                record.id
            );
            Kaart::load(Some(Path::new(file))).map_err(|e| {
                Error::input(format!(
                    "de Sociale Kaart van sessie {} is niet te lezen: {}",
                    record.id, e.message
                ))
                .hint(format!(
                    "zorgpad gebruikt dan niet de voorbeeldkaart: de aanbieders daarop zijn verzonnen. De sessie is niet veranderd.\nZet het bestand terug, of zet de sessie bewust over op een kaart: zorgpad hervat {} --kaart BESTAND",
                    record.id
                ))
            })?
        }
        None => Kaart::load(None)?,
    };
    if print.sha256 != kaart.fingerprint().sha256 {
        errln!(
            "Let op: de Sociale Kaart is gewijzigd sinds deze sessie is opgeslagen ({} versie {} → versie {}).",
            print.naam,
            print.versie,
            kaart.version
        );
    }
    Ok(kaart)
}

/// The flows a stored session is replayed with (see [`Store::flows_of`]); warns when it had no
/// pinned copy.
pub(crate) fn flows_for(store: &Store, record: &Record) -> Result<FlowSet> {
    let (set, pinned) = store.flows_of(record)?;
    if !pinned {
        let file = record
            .flow
            .bestand
            .clone()
            .unwrap_or_else(|| "de ingebouwde flow".to_string());
        errln!(
            "Let op: van sessie {} is geen vastgelegde kopie van de flow (opgeslagen door een oudere zorgpad); zorgpad gebruikt {file}.",
            record.id
        );
    }
    Ok(set)
}

/// The providers chosen from the map in the answers in force that `kaart` does not have: a
/// session cannot move to a map that lost them.
pub(crate) fn missing_providers(kaart: &Kaart, record: &Record) -> Vec<String> {
    let (_, answers) = crate::engine::in_force::in_force(&record.journaal);
    let mut missing = Vec::new();
    for (answer, _) in answers {
        if let crate::engine::answer::Answer::Verwijzing { kaart: ids, .. } = answer {
            for id in ids {
                if kaart.provider(&id).is_none() && !missing.contains(&id) {
                    missing.push(id);
                }
            }
        }
    }
    missing
}

/// How many sessions an ambiguous reference lists before it only counts.
const MAX_LISTED: usize = 10;

/// The id of the session that `wanted` names: its id, a unique beginning of it, or the client's
/// kenmerk ([`Store::find`]). When it names several, they are listed (id, kenmerk, status) and
/// nothing is done.
pub(crate) fn find(store: &Store, wanted: &str) -> Result<String> {
    let ids = match store.find(wanted)? {
        Found::One(id) => return Ok(id),
        Found::Many(ids) => ids,
    };
    let (records, _) = store.list();
    let records: Vec<Record> = records
        .into_iter()
        .filter(|r| ids.contains(&r.id))
        .collect();
    let today = Clock::from_env()?.today();
    let rows = crate::report::sessions::rows(store, &records, today);
    let id_width = ids.iter().map(|id| id.chars().count()).max().unwrap_or(0);
    // A short beginning can match hundreds: the first few, one per line, and a count.
    let mut lines: Vec<String> = rows
        .iter()
        .map(|r| {
            let kenmerk = r.kenmerk.as_deref().unwrap_or("—");
            format!("  {:id_width$}  {kenmerk}  {}", r.id, r.status)
        })
        .chain(
            // Files that match an id but cannot be read.
            ids.iter()
                .filter(|id| !rows.iter().any(|r| &r.id == *id))
                .map(|id| format!("  {id:id_width$}  (onleesbaar)")),
        )
        .take(MAX_LISTED)
        .collect();
    if let Some(n) = ids.len().checked_sub(MAX_LISTED).filter(|n| *n > 0) {
        lines.push(format!("  … en nog {n}"));
    }
    Err(Error::input(format!(
        "'{}' past bij {} sessies (id, kenmerk, status):\n{}",
        wanted.trim(),
        ids.len(),
        lines.join("\n")
    ))
    .hint("Geef het hele id, of zoveel tekens van het id dat er één sessie bij past. Er is niets veranderd."))
}

/// A stored session, opened by its id (or a unique start of it, or the client's kenmerk), and
/// locked for this process.
pub(crate) struct Stored {
    pub(crate) store: Store,
    /// Held until this is dropped: no other process can open the session meanwhile.
    pub(crate) lock: SessionLock,
    pub(crate) record: Record,
}

/// Open a stored session for `command` (`hervat`, `export`): find it, lock it (a session in use
/// elsewhere is refused, naming since when and by whom), and only then read it.
pub(crate) fn open(data_dir: &Path, id: &str, command: &str, clock: &Clock) -> Result<Stored> {
    let store = open_store(data_dir)?;
    let id = find(&store, id)?;
    let lock = store.lock(&id, &Holder::now(command), clock.zone())?;
    let record = store.load(&lock)?;
    Ok(Stored {
        store,
        lock,
        record,
    })
}

/// Open the data directory; say so when it was open to others and has been closed.
pub(crate) fn open_store(data_dir: &Path) -> Result<Store> {
    let store = Store::open(data_dir.to_path_buf())?;
    if let Some(mode) = store.tightened() {
        errln!(
            "Let op: de gegevensmap {} was toegankelijk voor anderen (rechten {mode:04o}); zorgpad heeft de rechten beperkt tot 0700 (alleen u).",
            store.dir().display()
        );
    }
    Ok(store)
}
