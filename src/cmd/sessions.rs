//! `zorgpad sessies` (list, remove) and `zorgpad export`: working with stored sessions.

use std::collections::BTreeMap;
use std::io::IsTerminal;
use std::path::PathBuf;

use comfy_table::presets::UTF8_FULL_CONDENSED;
use comfy_table::{ContentArrangement, Table};

use crate::cli::config::session::{ExportCmd, Remove, SessionList};
use crate::clock::{self, Clock};
use crate::engine::journal;
use crate::engine::session::Session;
use crate::error::{Error, Exit, Result};
use crate::flow::set::FlowSet;
use crate::report::summary::Summary;
use crate::store::{Record, Store};

/// The flows of a stored session: its own file if it still exists, else the embedded ones.
fn flows_for(
    record: &Record,
    cache: &mut BTreeMap<Option<String>, Option<FlowSet>>,
) -> Option<FlowSet> {
    let key = record.flow.bestand.clone();
    cache
        .entry(key.clone())
        .or_insert_with(|| FlowSet::load(key.as_deref().map(std::path::Path::new)).ok())
        .clone()
}

pub fn list(config: &SessionList) -> Result<Exit> {
    let store = Store::open(config.data_dir.clone())?;
    let clock = Clock::from_env()?;
    let zone = clock.zone();
    let (records, unreadable) = store.list();
    let mut cache = BTreeMap::new();
    if records.is_empty() && unreadable.is_empty() {
        println!("Geen sessies in {}.", store.dir().display());
        return Ok(Exit::Ok);
    }
    let mut table = Table::new();
    table.load_preset(UTF8_FULL_CONDENSED);
    table.set_content_arrangement(ContentArrangement::Dynamic);
    table.force_no_tty();
    table.set_width(config.layout.width);
    table.set_header(vec![
        "Id",
        "Kenmerk",
        "Gemeente",
        "Status",
        "Huidige stap",
        "Wacht op",
        "Laatst gewijzigd",
    ]);
    // The id is what people type to resume: it never wraps.
    if let Some(column) = table.column_mut(0) {
        column.set_constraint(comfy_table::ColumnConstraint::ContentWidth);
    }
    for record in &records {
        let (status, step) = match flows_for(record, &mut cache) {
            Some(set) => match Session::from_journal(&set, record.journaal.clone()) {
                Ok(session) => {
                    let walk = session.walk();
                    if walk.is_finished() {
                        let outcome = walk.outcome().map(|n| n.titel.clone()).unwrap_or_default();
                        ("afgerond".to_string(), outcome)
                    } else {
                        let q = walk.question();
                        let step = q
                            .map(|q| {
                                // Inside a sub-flow: the calling box (e.g. B6) and the step.
                                let label = q
                                    .node
                                    .blauwdruk
                                    .clone()
                                    .or_else(|| q.calls.last().and_then(|c| c.blauwdruk.clone()))
                                    .unwrap_or_else(|| q.key.clone());
                                match q.stap {
                                    Some(s) => format!("stap {s}, {label}: {}", q.node.titel),
                                    None => format!("{label}: {}", q.node.titel),
                                }
                            })
                            .unwrap_or_default();
                        let status = if journal::pause(&record.journaal).is_some() {
                            "wacht"
                        } else {
                            "lopend"
                        };
                        (status.to_string(), step)
                    }
                }
                Err(_) => (
                    "flow gewijzigd".to_string(),
                    "(kan niet worden nagespeeld)".to_string(),
                ),
            },
            None => (
                "flow ontbreekt".to_string(),
                record.flow.bestand.clone().unwrap_or_default(),
            ),
        };
        let waiting = journal::pause(&record.journaal)
            .map(|(key, since, expected)| {
                let what = key.rsplit('/').next().unwrap_or(key).to_string();
                let mut s = format!("{what}, sinds {}", clock::date_time(since, zone));
                if let Some(d) = expected {
                    s.push_str(&format!(", verwacht {}", d.strftime("%d-%m-%Y")));
                }
                s
            })
            .unwrap_or_else(|| "—".to_string());
        table.add_row(vec![
            record.id.clone(),
            record.kenmerk.clone().unwrap_or_else(|| "—".to_string()),
            record.gemeente.clone().unwrap_or_else(|| "—".to_string()),
            status,
            step,
            waiting,
            clock::date_time(record.bijgewerkt, zone),
        ]);
    }
    if !records.is_empty() {
        println!("{table}");
    }
    for u in &unreadable {
        eprintln!(
            "zorgpad: waarschuwing: sessiebestand '{}' is onleesbaar ({}); het is niet veranderd.",
            u.path.display(),
            u.reason
        );
    }
    Ok(Exit::Ok)
}

pub fn remove(config: &Remove) -> Result<Exit> {
    let store = Store::open(config.data_dir.clone())?;
    let path = store.find(&config.id)?;
    let id = path
        .file_stem()
        .and_then(|s| s.to_str())
        .unwrap_or("")
        .to_string();
    if !config.yes {
        if !(std::io::stdin().is_terminal() && std::io::stderr().is_terminal()) {
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
            eprintln!("Niet verwijderd.");
            return Ok(Exit::Ok);
        }
    }
    store.remove(&path)?;
    println!("Sessie {id} is verwijderd.");
    Ok(Exit::Ok)
}

pub fn export(config: &ExportCmd) -> Result<Exit> {
    let store = Store::open(config.data_dir.clone())?;
    let path = store.find(&config.id)?;
    let mut record = store.load(&path)?;
    let flow_file: Option<PathBuf> = config
        .flow
        .clone()
        .or_else(|| record.flow.bestand.clone().map(PathBuf::from));
    let set = FlowSet::load(flow_file.as_deref())?;
    let clock = Clock::from_env()?;
    let mut session = Session::from_journal(&set, record.journaal.clone()).map_err(|e| {
        Error::input(format!("sessie {} kan met deze flow niet worden nagespeeld: {e}", record.id))
            .hint("De sessie is niet veranderd. Geef met --flow BESTAND de flow waarmee de sessie is doorlopen.")
    })?;
    session.exported(clock.now(), config.format.name());
    record.journaal = session.events().to_vec();
    record.bijgewerkt = session
        .events()
        .last()
        .map_or(record.bijgewerkt, |e| e.time());
    let kaart = crate::cmd::session_map::kaart_for(&record)?;
    let summary = Summary::of(&session, Some(&kaart)).with_record(&session, &record);
    let text = crate::report::export::render(&summary, config.format, &clock);
    match &config.output {
        Some(out) => {
            crate::store::private_file::write("de export", out, text.as_bytes())?;
            eprintln!(
                "Samenvatting van sessie {} geschreven naar {}.",
                record.id,
                out.display()
            );
        }
        None => print!("{text}"),
    }
    store.save(&record)?;
    Ok(Exit::Ok)
}
