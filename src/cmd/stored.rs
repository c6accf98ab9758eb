//! A stored session and what it is walked with: the session file found by its id, the flow
//! file it was walked with (unless `--flow` names another), and the Sociale Kaart — the one
//! named on the command line, the one the session used, or the built-in example (announced as
//! fictitious wherever used). Shared by `start`, `hervat` and `export`.

use std::path::{Path, PathBuf};

use crate::clock::Clock;
use crate::error::{Error, Result};
use crate::kaart::Kaart;
use crate::out::errln;
use crate::store::{Holder, Record, SessionLock, Store};

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

/// The map a stored session was walked with: its own file if it can still be read, else the
/// embedded example; with a warning when it changed.
pub fn kaart_for(record: &Record) -> Result<Kaart> {
    let file = record
        .kaart
        .as_ref()
        .and_then(|k| k.bestand.clone())
        .map(PathBuf::from);
    let kaart = match &file {
        Some(path) => match Kaart::load(Some(path)) {
            Ok(k) => k,
            Err(e) => {
                errln!("Let op: de Sociale Kaart van deze sessie is niet te lezen ({}); de ingebouwde voorbeeldkaart wordt gebruikt.", e.message);
                Kaart::load(None)?
            }
        },
        None => Kaart::load(None)?,
    };
    if let Some(before) = &record.kaart {
        if before.sha256 != kaart.fingerprint().sha256 {
            errln!(
                "Let op: de Sociale Kaart is gewijzigd sinds deze sessie is opgeslagen ({} versie {} → versie {}).",
                before.naam, before.versie, kaart.version
            );
        }
    }
    Ok(kaart)
}

/// A stored session, opened by its id (or a unique start of it), and locked for this process.
pub(crate) struct Stored {
    pub(crate) store: Store,
    /// Held until this is dropped: no other process can open the session meanwhile.
    pub(crate) lock: SessionLock,
    pub(crate) record: Record,
    /// The flow file to walk it with: `--flow`, else the one it was walked with (`None`: the
    /// built-in flow).
    pub(crate) flow_file: Option<PathBuf>,
}

/// Open a stored session for `command` (`hervat`, `export`): find it, lock it (a session in use
/// elsewhere is refused, naming since when and by whom), and only then read it.
pub(crate) fn open(
    data_dir: &Path,
    id: &str,
    flow: Option<&PathBuf>,
    command: &str,
    clock: &Clock,
) -> Result<Stored> {
    let store = open_store(data_dir)?;
    let id = store.find(id)?;
    let lock = store.lock(&id, &Holder::now(command), clock.zone())?;
    let record = store.load(&lock)?;
    let flow_file = flow
        .cloned()
        .or_else(|| record.flow.bestand.clone().map(PathBuf::from));
    Ok(Stored {
        store,
        lock,
        record,
        flow_file,
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
