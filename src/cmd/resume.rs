//! `zorgpad hervat` and `zorgpad opvolgen`: take a stored session up again where it stands —
//! on its own (pinned) flow and map, or moved on purpose to others — offer its open
//! follow-ups, and drive it on with the run `zorgpad start` uses ([`crate::cmd::start`]).

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
use crate::prompt::script::Script;
use crate::prompt::Person;
use crate::report;
use crate::report::summary::Summary;
use crate::store::fingerprint;
use crate::store::{Fingerprint, Record};

pub fn resume(config: &Resume) -> Result<Exit> {
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
    if session.walk().is_finished() && !open_follow_ups {
        errln!(
            "Sessie {} is al afgerond; hieronder de samenvatting.",
            record.id
        );
        if changed || kaart_moved {
            errln!("Een afgeronde sessie wordt niet overgezet; zij is niet veranderd.");
        }
        let offer = Offer {
            kaart: &kaart,
            gemeente: record.gemeente.as_deref(),
        };
        let summary = Summary::of(&session, Some(offer)).with_record(&session, &record);
        out!("{}", report::text(&summary, clock.zone(), config.layout))?;
        return Ok(Exit::Ok);
    }
    let mut script = config.answers.as_deref().map(Script::load).transpose()?;
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
    run.save()?;
    let offer = Offer {
        kaart: &kaart,
        gemeente: gemeente.as_deref(),
    };
    let end = match &mut script {
        Some(s) => {
            s.set_offer(offer);
            match run.choose_follow_up(s, config.follow_up.as_ref(), true)? {
                Some(end) => end,
                None => run.drive(s, true)?,
            }
        }
        None => {
            let mut terminal = Person::new(config.plain, config.explain, config.color);
            terminal.set_offer(offer);
            match run.choose_follow_up(&mut terminal, config.follow_up.as_ref(), false)? {
                Some(end) => end,
                None => run.drive(&mut terminal, false)?,
            }
        }
    };
    if let Some(s) = &script {
        if matches!(end, Ending::Finished) && s.unused() > 0 {
            return Err(s.leftover_error());
        }
    }
    run.finish(end, config.export.as_ref(), config.layout)
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
