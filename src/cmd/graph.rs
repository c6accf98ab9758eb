//! `zorgpad graaf`: the flow as a Mermaid or Graphviz diagram, printed or written to a file.

use crate::cli::config::pathway::{Graph, GraphFormat};
use crate::error::{Exit, Result};
use crate::flow::set::FlowSet;
use crate::out::{errln, out};
use crate::report::graph::{dot, mermaid};

/// `zorgpad graaf`.
pub fn graph(config: &Graph) -> Result<Exit> {
    let set = FlowSet::load(config.flow.as_deref())?;
    crate::flow::validate::refuse_broken(&set, "er is geen diagram gemaakt")?;
    let text = match config.format {
        GraphFormat::Mermaid => mermaid(&set),
        GraphFormat::Dot => dot(&set),
    };
    match &config.output {
        None => out!("{text}")?,
        Some(path) => {
            crate::store::private_file::write_with_mode(
                "het diagram",
                path,
                text.as_bytes(),
                0o644,
            )?;
            errln!(
                "Diagram ({}) geschreven naar {}.",
                match config.format {
                    GraphFormat::Mermaid => "Mermaid",
                    GraphFormat::Dot => "Graphviz DOT; maak er een plaatje van met: dot -Tsvg BESTAND -o zorgpad.svg",
                },
                path.display()
            );
        }
    }
    Ok(Exit::Ok)
}
