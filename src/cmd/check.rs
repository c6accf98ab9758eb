//! `zorgpad controleer`: validate a flow (and its sub-flows) and report every finding.

use crate::cli::config::session::CheckFlow;
use crate::error::{Error, Exit, Result};
use crate::finding::count;
use crate::flow::set::FlowSet;
use crate::flow::validate::validate;
use crate::out::outln;

pub fn run(config: &CheckFlow) -> Result<Exit> {
    let set = FlowSet::load(config.flow.as_deref())?;
    let findings = validate(&set);
    if config.json {
        outln!("{}", crate::report::json::check(&set, &findings))?;
        let errors = findings.iter().any(|f| f.is_error());
        return Ok(if errors { Exit::Findings } else { Exit::Ok });
    }
    for f in &findings {
        outln!("{f}")?;
    }
    let errors = findings.iter().filter(|f| f.is_error()).count();
    let warnings = findings.len() - errors;
    let files: Vec<&str> = set.flows.iter().map(|f| f.file.as_str()).collect();
    if errors > 0 {
        if !findings.is_empty() {
            outln!()?;
        }
        return Err(Error::findings(format!(
            "{} en {} in {}.",
            count(errors, "fout", "fouten"),
            count(warnings, "waarschuwing", "waarschuwingen"),
            files.join(", ")
        ))
        .hint("Los de fouten op en controleer opnieuw. De opbouw van een flowbestand staat in flows/README.md."));
    }
    for flow in &set.flows {
        outln!(
            "In orde: {} — {} (versie {}), {} knopen.",
            flow.file,
            flow.name,
            flow.version,
            flow.nodes.len()
        )?;
    }
    if warnings > 0 {
        outln!(
            "{} (geen fouten).",
            count(warnings, "waarschuwing", "waarschuwingen")
        )?;
    }
    Ok(Exit::Ok)
}
