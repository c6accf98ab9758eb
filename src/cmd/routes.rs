//! `zorgpad routes`: every route of the (local) pathway, and which practice cases follow which
//! route. The routes come from the flow side ([`crate::flow::routes`]); each embedded case is
//! replayed here with its own answers (as `zorgpad oefen` would walk it, nothing saved) to see
//! the route it takes; the report builds the document.

use crate::cli::config::pathway::{Routes, RoutesFormat};
use crate::clock::Clock;
use crate::engine::drive::{drive, Pausing, Policy, Stop};
use crate::engine::session::Session;
use crate::error::{Error, Exit, Result};
use crate::flow::routes::{routes, MAX_ROUTES};
use crate::flow::set::FlowSet;
use crate::flow::trace::Trace;
use crate::kaart::{Kaart, Offer};
use crate::out::{errln, out};
use crate::prompt::script::Script;
use crate::report::routes::{document, CaseRun};
use crate::report::write;
use crate::training::{cases, check_case, Case};

/// `zorgpad routes`.
pub fn run(config: &Routes) -> Result<Exit> {
    let set = FlowSet::load(config.flow.as_deref())?;
    crate::flow::validate::refuse_broken(&set, "zorgpad zoekt er geen routes in")?;
    let map = routes(&set);
    if map.truncated {
        errln!(
            "Let op: deze flow heeft meer dan {MAX_ROUTES} routes; zorgpad toont de eerste {}. Toets de flow in delen, of voeg takken samen die op hetzelfde uitkomen.",
            map.routes.len()
        );
    }
    let kaart = Kaart::load(None)?;
    let clock = Clock::from_env()?;
    let runs: Vec<CaseRun> = cases()?
        .into_iter()
        .map(|case| CaseRun {
            trace: replay(&set, &case, &kaart, &clock),
            // As `zorgpad oefen` names it: its number (the file's id names the route).
            id: case.number.map_or(case.id, |n| n.to_string()),
            title: case.titel,
        })
        .collect();
    let doc = document(&set, &map, &runs);
    let text = match config.format {
        RoutesFormat::Text => write::text(&doc, config.layout),
        RoutesFormat::Markdown => write::markdown(&doc),
    };
    match &config.output {
        Some(path) => {
            crate::store::private_file::write(
                "het overzicht van de routes",
                path,
                text.as_bytes(),
            )?;
            errln!(
                "{} routes geschreven naar {}.",
                map.routes.len(),
                path.display()
            );
        }
        None => out!("{text}")?,
    }
    Ok(Exit::Ok)
}

/// Walk a case with its own answers and give the main-flow nodes it passed, or why it does
/// not fit this flow (in Dutch, one line).
fn replay(
    set: &FlowSet,
    case: &Case,
    kaart: &Kaart,
    clock: &Clock,
) -> std::result::Result<Trace, String> {
    let problems = check_case(set, case);
    if let Some(first) = problems.first() {
        let short = first.split(" (").next().unwrap_or(first);
        return Err(format!("past niet bij deze flow: {short}"));
    }
    let mut script = Script::from_entries(&case.file, case.antwoorden.clone());
    let gemeente = case
        .gemeente
        .as_deref()
        .and_then(|g| kaart.gemeente(g))
        .map(str::to_string);
    script.set_offer(Offer {
        kaart,
        gemeente: gemeente.as_deref(),
    });
    let mut session = Session::new(set, clock.now(), None, None).map_err(|e| e.to_string())?;
    let policy = Policy {
        pausing: Pausing::Never {
            refusal: "kan een casus niet pauzeren",
        },
        strict_back: true,
        only_follow_up: false,
    };
    match drive(&mut session, &mut script, clock, policy, &mut |_| Ok(())) {
        Ok(_) => {}
        Err(Stop::Cancelled { how }) => return Err(format!("afgebroken ({how})")),
        Err(Stop::Prompter(e) | Stop::Failed(e)) => return Err(first_line(&e)),
    }
    let mut raw: Vec<(String, bool)> = Vec::new();
    for step in session.walk().steps() {
        let (id, call) = match step.calls.first() {
            Some(call) => (call.id.clone(), true),
            None => (step.node.id.clone(), false),
        };
        // A sub-flow call is one node of the main flow, however many steps it took.
        if call && raw.last().is_some_and(|(last, c)| *c && *last == id) {
            continue;
        }
        raw.push((id, call));
    }
    Ok(Trace::new(raw.into_iter().map(|(id, _)| id).collect()))
}

fn first_line(e: &Error) -> String {
    let text = e.render(None);
    let line = text.lines().next().unwrap_or_default();
    format!("past niet bij deze flow: {}", line.trim())
}
