//! `zorgpad toon`: the flow as a readable text for an 80-column projector screen.

use crate::cli::config::pathway::Show;
use crate::error::{Exit, Result};
use crate::flow::set::FlowSet;
use crate::out::out;
use crate::report::pathway::{overview_text, step_text};

/// `zorgpad toon`.
pub fn show(config: &Show) -> Result<Exit> {
    let set = FlowSet::load(config.flow.as_deref())?;
    crate::flow::validate::refuse_broken(&set, "zorgpad toont hem niet")?;
    let text = match &config.stap {
        None => overview_text(&set),
        Some(stap) => step_text(&set, stap)?,
    };
    out!("{text}")?;
    Ok(Exit::Ok)
}
