//! `zorgpad sessies verwijder`: remove a stored session, after confirmation.

use crate::cli::config::session::Remove;
use crate::error::{Error, Exit, Result};
use crate::out::{errln, outln};

pub fn remove(config: &Remove) -> Result<Exit> {
    let store = crate::cmd::stored::open_store(&config.data_dir)?;
    let path = store.find(&config.id)?;
    let id = path
        .file_stem()
        .and_then(|s| s.to_str())
        .unwrap_or("")
        .to_string();
    if !config.yes {
        if !config.can_ask {
            return Err(Error::input(format!(
                "sessie {id} verwijderen vraagt om bevestiging, en er is geen terminal"
            ))
            .hint(format!(
                "Bevestig op de opdrachtregel: zorgpad sessies verwijder {id} --ja"
            )));
        }
        if !crate::prompt::terminal::confirm(&format!(
            "Sessie {id} definitief verwijderen? Dit kan niet ongedaan worden."
        ))? {
            errln!("Niet verwijderd.");
            return Ok(Exit::Ok);
        }
    }
    store.remove(&path)?;
    outln!("Sessie {id} is verwijderd.")?;
    Ok(Exit::Ok)
}
