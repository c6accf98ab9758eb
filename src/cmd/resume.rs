//! `zorgpad hervat`: a stored session taken up again. Open actions can be ticked off as done
//! now (also at a finished session), a session finished at an end with `vervolg:` can go on
//! there, and an unfinished one goes on from the question where it stands, through the same
//! [`Run`] as `zorgpad start`. Open follow-ups are offered first (due ones first); `zorgpad
//! opvolgen` answers one of them and stops.

use crate::cli::config::session::Resume;
use crate::clock::Clock;
use crate::cmd::start::{check_role, holder_role, Run};
use crate::cmd::stored::{kaart_for, refuse_broken_map, EXAMPLE_MAP_WARNING};
use crate::engine::drive::Ending;
use crate::engine::session::Session;
use crate::error::{Error, Exit, Result};
use crate::flow::set::FlowSet;
use crate::flow::validate::refuse_broken;
use crate::kaart::Kaart;
use crate::kaart::Offer;
use crate::out::{errln, out};
use crate::prompt::reopen::Reopener;
use crate::prompt::script::Script;
use crate::prompt::Person;
use crate::report;
use crate::report::summary::Summary;
use crate::store::fingerprint;
use crate::store::{Fingerprint, Record};

pub fn run(config: &Resume) -> Result<Exit> {
    let clock = Clock::from_env()?;
    // Locked before it is read, until the end of the process.
    let crate::cmd::stored::Stored {
        store,
        mut lock,
        mut record,
    } = crate::cmd::stored::open(&config.data_dir, &config.id, "hervat", &clock)?;
    let untouched = "De sessie is niet veranderd.";
    // The session's own (pinned) flows, or with --flow the flow it moves to.
    let loaded = match &config.flow {
        Some(file) => FlowSet::load(Some(file)),
        None => crate::cmd::stored::flows_for(&store, &record),
    };
    let set = loaded.map_err(|e| {
        let hint = e.hint.clone().unwrap_or_default();
        e.hint(format!("{hint}\n{untouched}").trim().to_string())
    })?;
    refuse_broken(&set, "de sessie is niet hervat")?;
    check_role(&set, config.rol.as_deref())?;
    let flow_file = config
        .flow
        .clone()
        .or_else(|| record.flow.bestand.clone().map(std::path::PathBuf::from));
    let now_print = fingerprint::of_flows(&set, flow_file.as_deref());
    let changed = now_print.sha256 != record.flow.sha256;
    let session = Session::from_journal(&set, record.journaal.clone()).map_err(|e| {
        let how = match &config.flow {
            Some(_) => format!(
                "De sessie blijft op haar eigen flow ({}). 'zorgpad controleer --flow BESTAND --sessies' noemt alle sessies die deze flow niet past.",
                record.flow.label()
            ),
            None => format!(
                "De flow is veranderd sinds de sessie begon ({} versie {}; nu versie {}).\nGebruik de oude flow met --flow BESTAND, of exporteer de sessie met 'zorgpad export {}'.",
                record.flow.naam, record.flow.versie, now_print.versie, record.id
            ),
        };
        Error::input(format!("sessie {} kan niet verder met deze flow: {e}", record.id))
            .hint(format!("{untouched} {how}"))
    })?;
    // The map: the session's own (pinned), or with --kaart the map it moves to, which must
    // still have every provider chosen so far.
    let kaart = match &config.kaart {
        Some(file) => {
            let kaart = Kaart::load(Some(file))?;
            refuse_broken_map(&kaart)?;
            let missing = crate::cmd::stored::missing_providers(&kaart, &record);
            if !missing.is_empty() {
                return Err(Error::input(format!(
                    "sessie {} kan niet over op de Sociale Kaart '{}': daarop ontbreken aanbieders die in de sessie zijn gekozen: {}",
                    record.id,
                    file.display(),
                    missing.join(", ")
                ))
                .hint(format!("{untouched} Zet de aanbieders (met hetzelfde id) op de kaart, of ga verder zonder --kaart met de kaart van de sessie.")));
            }
            kaart
        }
        None => kaart_for(&store, &record)?,
    };
    let kaart_print = kaart.fingerprint();
    let kaart_moved = config.kaart.is_some()
        && record.kaart.as_ref().map(|k| &k.sha256) != Some(&kaart_print.sha256);
    if changed && config.flow.is_none() {
        let at = session.question().map(|q| q.key);
        warn_changed_flow(&record, &now_print, at.as_deref());
    }
    // Who left it where, and since when: the context for whoever takes it up.
    errln!("{}", context(&record, clock.zone()));
    let finished = session.walk().is_finished();
    let open_follow_ups = !session.open_follow_ups().is_empty();
    if config.follow_up.is_some() && !open_follow_ups {
        return Err(Error::input(format!(
            "sessie {} heeft geen opvolging die open staat",
            record.id
        ))
        .hint(format!(
            "{untouched} Verder op het pad met: zorgpad hervat {}",
            record.id
        )));
    }
    // A finished session is not moved to another flow or map: it is shown as it is.
    if finished && (changed || kaart_moved) {
        errln!(
            "Sessie {} is al afgerond; hieronder de samenvatting.\nEen afgeronde sessie wordt niet overgezet; zij is niet veranderd.",
            record.id
        );
        return show_as_is(&session, &record, &kaart, &clock, config.layout);
    }
    if finished && open_follow_ups {
        errln!(
            "Het pad van sessie {} is doorlopen; de sessie wacht nog op opvolgingen.",
            record.id
        );
    } else if finished {
        errln!("Sessie {} is al afgerond.", record.id);
    }
    let mut script = config.answers.as_deref().map(Script::load).transpose()?;
    let mut person = match script {
        Some(_) => None,
        None => Some(Person::new(config.plain, config.explain, config.color)),
    };
    let reopener: &mut dyn Reopener = match (&mut script, &mut person) {
        (Some(s), _) => s,
        (None, Some(p)) => p,
        (None, None) => return Err(Error::input("er is geen manier om vragen te beantwoorden")),
    };
    // `zorgpad opvolgen` answers a follow-up, nothing else.
    let reopen = match config.follow_up {
        Some(_) => Reopen {
            ticks: Vec::new(),
            go_on: None,
        },
        None => ask_reopen(&session, reopener)?,
    };
    // A finished session that neither goes on nor has a follow-up to answer asks nothing more:
    // answers left in the file are a mistake, said before anything is saved.
    let asks_nothing = finished && reopen.go_on.is_none() && !open_follow_ups;
    if let Some(s) = script.as_ref().filter(|s| asks_nothing && s.unused() > 0) {
        return Err(s.leftover_error());
    }
    if finished && reopen.is_empty() && !open_follow_ups {
        // Nothing to record: the summary as it stands.
        errln!("Hieronder de samenvatting; de sessie is niet veranderd.");
        return show_as_is(&session, &record, &kaart, &clock, config.layout);
    }
    if let Some(wanted) = &config.follow_up {
        crate::cmd::follow_up::check_wanted(
            &session,
            wanted.as_deref(),
            script.is_some(),
            &record.id,
        )
        .map_err(|e| {
            let hint = e.hint.clone().unwrap_or_default();
            e.hint(format!("{hint}\n{untouched}").trim().to_string())
        })?;
    }
    let mut session = session;
    let now = clock.now();
    let moved_flow = changed && config.flow.is_some();
    session.resume(
        now,
        config.rol.clone(),
        config.door.clone(),
        (changed && !moved_flow)
            .then(|| format!("{} versie {}", record.flow.naam, record.flow.versie)),
    );
    if moved_flow {
        session.moved(now, "flow", record.flow.label(), now_print.label());
        errln!(
            "Sessie {} is overgezet op de flow {} (was {}).",
            record.id,
            now_print.label(),
            record.flow.label()
        );
    }
    if kaart_moved {
        let before = record
            .kaart
            .as_ref()
            .map_or_else(|| "geen kaart".to_string(), Fingerprint::label);
        session.moved(now, "kaart", before.clone(), kaart_print.label());
        errln!(
            "Sessie {} is overgezet op de Sociale Kaart {} (was {before}).",
            record.id,
            kaart_print.label()
        );
    }
    if kaart.is_embedded() {
        errln!("{EXAMPLE_MAP_WARNING}");
    }
    record.flow = now_print;
    record.kaart = Some(kaart_print);
    lock.set_role(holder_role(&set, config.rol.as_deref(), &session));
    let gemeente = record.gemeente.clone();
    let mut run = Run {
        session,
        record,
        lock,
        store: &store,
        clock: &clock,
        kaart: &kaart,
        pinned: false,
        only_follow_up: config.follow_up.is_some(),
    };
    reopen.record(&mut run.session, now)?;
    run.save()?;
    reopen.report(&run.record.id);
    let offer = Offer {
        kaart: &kaart,
        gemeente: gemeente.as_deref(),
    };
    let wanted = config.follow_up.as_ref();
    let end = match (&mut script, &mut person) {
        (Some(s), _) => {
            s.set_offer(offer);
            match run.choose_follow_up(s, wanted, true)? {
                Some(end) => end,
                None => run.drive(s, true)?,
            }
        }
        (None, Some(p)) => {
            p.set_offer(offer);
            match run.choose_follow_up(p, wanted, false)? {
                Some(end) => end,
                None => run.drive(p, false)?,
            }
        }
        (None, None) => return Err(Error::input("er is geen manier om vragen te beantwoorden")),
    };
    if let Some(s) = &script {
        if matches!(end, Ending::Finished) && s.unused() > 0 {
            return Err(s.leftover_error());
        }
    }
    run.finish(end, config.export.as_ref(), config.layout)
}

/// The summary of a session left as it is (nothing to record).
fn show_as_is(
    session: &Session<'_>,
    record: &Record,
    kaart: &Kaart,
    clock: &Clock,
    layout: crate::report::Layout,
) -> Result<Exit> {
    let offer = Offer {
        kaart,
        gemeente: record.gemeente.as_deref(),
    };
    let summary = Summary::of(session, Some(offer)).with_record(session, record);
    out!("{}", report::text(&summary, clock.zone(), layout))?;
    Ok(Exit::Ok)
}

/// The flow changed since the session was saved: say how, and where the session goes on
/// (`at`, a question key; `None` at the end).
fn warn_changed_flow(record: &Record, now: &Fingerprint, at: Option<&str>) {
    let what = if record.flow.versie == now.versie {
        format!(
            "de inhoud is veranderd, het versienummer ({}) niet",
            now.versie
        )
    } else {
        format!("versie {} → versie {}", record.flow.versie, now.versie)
    };
    let file = now
        .bestand
        .clone()
        .unwrap_or_else(|| "de ingebouwde flow".to_string());
    errln!(
        "Let op: de flow '{}' is gewijzigd sinds deze sessie is opgeslagen ({what}; {file}).\nDe sessie gaat verder bij {}; de eerdere antwoorden blijven zoals ze zijn.",
        record.flow.naam,
        at.unwrap_or("het einde")
    );
}

/// "Sessie ID · kenmerk · gemeente · bijgewerkt …", and where it waits since when.
fn context(record: &Record, zone: &jiff::tz::TimeZone) -> String {
    let mut context = format!("Sessie {}", record.id);
    if let Some(k) = &record.kenmerk {
        context.push_str(&format!(" · kenmerk {k}"));
    }
    if let Some(g) = &record.gemeente {
        context.push_str(&format!(" · {g}"));
    }
    context.push_str(&format!(
        " · bijgewerkt {}",
        crate::clock::date_time(record.bijgewerkt, zone)
    ));
    if let Some((key, since, expected)) = crate::engine::journal::pause(&record.journaal) {
        context.push_str(&format!(
            "\nWacht bij {key} sinds {}",
            crate::clock::date_time(since, zone)
        ));
        if let Some(d) = expected {
            context.push_str(&format!(", verwacht {}", d.strftime("%d-%m-%Y")));
        }
    }
    context
}

/// What is decided on taking the session up again: the open actions done now (question key
/// and action id), and the reason to go on after the end, if it goes on.
struct Reopen {
    ticks: Vec<(String, String)>,
    go_on: Option<String>,
}

impl Reopen {
    fn is_empty(&self) -> bool {
        self.ticks.is_empty() && self.go_on.is_none()
    }

    /// Record the ticks and the going on in the session (after its `hervat`).
    fn record(&self, session: &mut Session<'_>, now: jiff::Timestamp) -> Result<()> {
        for (key, action) in &self.ticks {
            session.tick(now, key, action)?;
        }
        if let Some(reason) = &self.go_on {
            session.go_on(now, reason)?;
        }
        Ok(())
    }

    /// Say what was recorded.
    fn report(&self, id: &str) {
        match self.ticks.len() {
            0 => {}
            1 => errln!("1 openstaande actie afgevinkt in sessie {id}."),
            n => errln!("{n} openstaande acties afgevinkt in sessie {id}."),
        }
        if self.go_on.is_some() {
            errln!("Sessie {id} gaat verder na het einde; de reden is vastgelegd.");
        }
    }
}

/// Ask which open actions are done now and, at a finished session, whether it goes on after
/// its end (where the flow allows it; an answers file that asks it elsewhere is refused).
fn ask_reopen(session: &Session<'_>, reopener: &mut dyn Reopener) -> Result<Reopen> {
    let open = session.open_actions();
    let ticks = reopener
        .tick(&open)?
        .into_iter()
        .filter_map(|k| open.get(k))
        .map(|o| (o.key.clone(), o.action.id.clone()))
        .collect();
    let go_on = match (session.walk().outcome(), session.continuation()) {
        (Some(end), Some(continuation)) => reopener.go_on(end, continuation)?,
        (Some(end), None) => {
            reopener.refuse_go_on(end)?;
            None
        }
        (None, _) => None,
    };
    Ok(Reopen { ticks, go_on })
}
