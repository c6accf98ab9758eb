//! `zorgpad controleer`: validate a flow (and its sub-flows) and report every finding; with
//! `--sessies`, also the stored sessions of that flow it would break.

use crate::cli::config::session::CheckFlow;
use crate::engine::session::Session;
use crate::error::{Error, Exit, Result};
use crate::finding::count;
use crate::flow::set::FlowSet;
use crate::flow::validate::validate;
use crate::out::outln;
use crate::store::fingerprint;

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
    match &config.sessions {
        Some(dir) => check_sessions(&set, dir),
        None => Ok(Exit::Ok),
    }
}

/// `--sessies`: replay every stored session walked with a flow of this name against this flow,
/// and name the ones it would break, with why (exit 1 when any breaks).
fn check_sessions(set: &FlowSet, dir: &std::path::Path) -> Result<Exit> {
    let store = crate::cmd::stored::open_store(dir)?;
    let (records, _) = store.list();
    let print = fingerprint::of_flows(set, None);
    let name = &set.main().name;
    let mine: Vec<_> = records.iter().filter(|r| &r.flow.naam == name).collect();
    let mut broken = Vec::new();
    for record in &mine {
        if record.flow.sha256 == print.sha256 {
            continue;
        }
        if let Err(e) = Session::from_journal(set, record.journaal.clone()) {
            broken.push((record, e.to_string()));
        }
    }
    outln!()?;
    outln!(
        "Sessies met de flow '{name}' in {}: {}.",
        store.dir().display(),
        mine.len()
    )?;
    if broken.is_empty() {
        outln!("Ze passen allemaal in deze flow.")?;
        return Ok(Exit::Ok);
    }
    for (record, why) in &broken {
        let kenmerk = record
            .kenmerk
            .as_ref()
            .map(|k| format!(", kenmerk {k}"))
            .unwrap_or_default();
        outln!(
            "  sessie {} (versie {}{kenmerk}): {why}",
            record.id,
            record.flow.versie
        )?;
    }
    Err(Error::findings(format!(
        "{} niet verder met deze flow.",
        count(broken.len(), "sessie kan", "sessies kunnen")
    ))
    .hint("Die sessies blijven werken met hun eigen, vastgelegde flow. Zet een sessie pas over ('zorgpad hervat ID --flow BESTAND') als de flow haar antwoorden weer past."))
}
