//! `zorgpad start`: a guided session from the first question to the summary.
//!
//! This is the front end's loop: it asks the engine for the question, hands it to a prompter
//! (terminal or script), gives the reply back to the engine, and at the end prints the summary
//! and writes the export.

use crate::clock::Clock;
use crate::config::{Format, Start};
use crate::error::{Error, Exit, Result};
use crate::flow_set::FlowSet;
use crate::prompter::{Prompter, Reply};
use crate::report;
use crate::script::Script;
use crate::session::Session;
use crate::summary::Summary;
use crate::terminal::Terminal;
use crate::validator::validate;
use crate::walk::WalkError;

pub fn run(config: &Start) -> Result<Exit> {
    let set = FlowSet::load(config.flow.as_deref())?;
    refuse_broken(&set)?;
    let clock = Clock::from_env()?;
    let mut script = config.answers.as_deref().map(Script::load).transpose()?;
    let mut session = Session::new(&set, clock.now()).map_err(engine)?;
    match &mut script {
        Some(script) => {
            walk(&mut session, script, &clock, true)?;
            if script.unused() > 0 {
                return Err(script.leftover_error());
            }
        }
        None => walk(
            &mut session,
            &mut Terminal::new(config.explain, config.color),
            &clock,
            false,
        )?,
    }

    let summary = Summary::of(&session);
    print!("{}", report::text(&summary, clock.zone(), config.layout));
    if let Some(export) = &config.export {
        let text = match export.format {
            Format::Markdown => report::markdown(&summary, clock.zone()),
            Format::Json => report::json(&summary),
        };
        crate::private_file::write("de export", &export.path, text.as_bytes())?;
        eprintln!("Samenvatting geschreven naar {}.", export.path.display());
    }
    Ok(Exit::Ok)
}

/// Ask until the flow ends.
fn walk(
    session: &mut Session<'_>,
    prompter: &mut dyn Prompter,
    clock: &Clock,
    scripted: bool,
) -> Result<()> {
    while let Some(question) = session.question() {
        match prompter.ask(&question)? {
            Reply::Answer(answer) => session.answer(answer, clock.now()).map_err(engine)?,
            Reply::Pause { .. } => return Err(Error::input("pauzeren kan hier niet")),
            Reply::Back => {
                if !session.back(clock.now()).map_err(engine)? && scripted {
                    return Err(Error::input(format!(
                        "'terug' bij de eerste vraag ({}): er is geen vorige vraag",
                        question.key
                    )));
                }
            }
        }
    }
    Ok(())
}

/// Every session validates its flow first; a flow with errors is not walked.
fn refuse_broken(set: &FlowSet) -> Result<()> {
    let findings = validate(set);
    let errors: Vec<_> = findings.iter().filter(|f| f.is_error()).collect();
    if errors.is_empty() {
        return Ok(());
    }
    for f in &errors {
        eprintln!("{f}");
    }
    Err(Error::findings(format!(
        "de flow '{}' bevat {}; er is geen sessie gestart",
        set.main().file,
        crate::finding::count(errors.len(), "fout", "fouten")
    ))
    .hint("Los de fouten hierboven op; 'zorgpad controleer --flow BESTAND' toont ze opnieuw."))
}

fn engine(error: WalkError) -> Error {
    Error::input(format!("de sessie kan niet verder: {error}"))
}
