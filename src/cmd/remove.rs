//! `zorgpad sessies verwijder`: remove a stored session, after confirmation: its file, the
//! temporary files of interrupted saves and its lock file. A session in use elsewhere is
//! refused.

use crate::cli::config::session::Remove;
use crate::clock::Clock;
use crate::error::{Error, Exit, Result};
use crate::out::{errln, outln};
use crate::store::Holder;

pub fn remove(config: &Remove) -> Result<Exit> {
    let store = crate::cmd::stored::open_store(&config.data_dir)?;
    let clock = Clock::from_env()?;
    let id = crate::cmd::stored::find(&store, &config.id)?;
    // A session open in another process is refused before anything is asked.
    let lock = store.lock(&id, &Holder::now("verwijder"), clock.zone())?;
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
    store.remove(lock)?;
    outln!("Sessie {id} is verwijderd.")?;
    Ok(Exit::Ok)
}
