//! `zorgpad start` and `zorgpad hervat`: a guided session from the question where it stands
//! to its end or its next pause.
//!
//! The loop itself is the engine's ([`crate::engine::drive`]): it asks the prompter (terminal
//! or script), gives the reply to the session, and has this command save the session
//! atomically after every reply, before the next question. A killed process loses nothing that
//! was answered. This file sets the session up, words how a stop leaves it, and shows the end.

use crate::cli::config::session::{Export, Resume, Start};
use crate::clock::Clock;
use crate::cmd::stored::{kaart_for, known_gemeente, refuse_broken_map, EXAMPLE_MAP_WARNING};
use crate::engine::drive::{drive, Ending, Pausing, Policy, Stop};
use crate::engine::prompter::Prompter;
use crate::engine::session::Session;
use crate::error::{Error, Exit, Result};
use crate::flow::set::FlowSet;
use crate::flow::validate::refuse_broken;
use crate::kaart::Kaart;
use crate::kaart::Offer;
use crate::out::{errln, out};
use crate::prompt::script::Script;
use crate::prompt::Person;
use crate::report::export::write_export;
use crate::report::summary::Summary;
use crate::report::{self, Layout};
use crate::store::fingerprint;
use crate::store::{self, Fingerprint, Holder, Record, SessionLock, Store};

pub fn start(config: &Start) -> Result<Exit> {
    let set = FlowSet::load(config.flow.as_deref())?;
    refuse_broken(&set, "er is geen sessie gestart")?;
    check_role(&set, config.rol.as_deref())?;
    let kaart = Kaart::load(config.kaart.as_deref())?;
    refuse_broken_map(&kaart)?;
    if kaart.is_embedded() {
        errln!("{EXAMPLE_MAP_WARNING}");
    }
    let gemeente = match &config.gemeente {
        Some(g) => Some(known_gemeente(&kaart, g)?),
        None => None,
    };
    let clock = Clock::from_env()?;
    let mut script = config.answers.as_deref().map(Script::load).transpose()?;
    let store = crate::cmd::stored::open_store(&config.data_dir)?;
    let mut terminal = match script {
        Some(_) => None,
        None => Some(Person::new(config.plain, config.explain, config.color)),
    };
    let gemeente = match (gemeente, &terminal) {
        (Some(g), _) => Some(g),
        (None, Some(t)) => t.ask_gemeente(&kaart.gemeenten)?,
        (None, None) => None,
    };
    let offer = Offer {
        kaart: &kaart,
        gemeente: gemeente.as_deref(),
    };
    if let Some(s) = &mut script {
        s.set_offer(offer);
    }
    if let Some(t) = &mut terminal {
        t.set_offer(offer);
    }
    let now = clock.now();
    let session = Session::new(&set, now, config.rol.clone(), config.door.clone())?;
    // The new session is locked from here to the end of the process; its file is created (and
    // may not exist yet) at the first save.
    let holder = Holder {
        rol: holder_role(&set, config.rol.as_deref(), &session),
        ..Holder::now("start")
    };
    let lock = store.create(now, &holder)?;
    let record = Record {
        schema: store::SCHEMA.to_string(),
        id: lock.id().to_string(),
        aangemaakt: now,
        bijgewerkt: now,
        flow: fingerprint::of_flows(&set, config.flow.as_deref()),
        kaart: Some(kaart.fingerprint()),
        gemeente: gemeente.clone(),
        kenmerk: config.kenmerk.clone(),
        journaal: session.events().to_vec(),
    };
    // The session file is written with the first answer (or pause): a session abandoned at
    // its first question leaves no empty session behind.
    let mut run = Run {
        session,
        record,
        lock,
        store: &store,
        clock: &clock,
        kaart: &kaart,
        pinned: false,
    };
    let end = match (&mut script, &mut terminal) {
        (Some(s), _) => run.drive(s, true)?,
        (None, Some(t)) => run.drive(t, false)?,
        (None, None) => return Err(Error::input("er is geen manier om vragen te beantwoorden")),
    };
    if let Some(s) = &script {
        if matches!(end, Ending::Finished) && s.unused() > 0 {
            return Err(s.leftover_error());
        }
    }
    run.finish(end, config.export.as_ref(), config.layout)
}

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
    if session.walk().is_finished() {
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
    };
    run.save()?;
    let offer = Offer {
        kaart: &kaart,
        gemeente: gemeente.as_deref(),
    };
    let end = match &mut script {
        Some(s) => {
            s.set_offer(offer);
            run.drive(s, true)?
        }
        None => {
            let mut terminal = Person::new(config.plain, config.explain, config.color);
            terminal.set_offer(offer);
            run.drive(&mut terminal, false)?
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

struct Run<'a, 'f> {
    kaart: &'a Kaart,
    session: Session<'f>,
    record: Record,
    /// The session's lock, held until the run (and with it the process's work) ends.
    lock: SessionLock,
    store: &'a Store,
    clock: &'a Clock,
    /// Whether this run has made sure the copies of its flows and map are pinned.
    pinned: bool,
}

impl Run<'_, '_> {
    fn save(&mut self) -> Result<()> {
        pin(
            self.store,
            &self.record,
            self.kaart,
            &self.session,
            &mut self.pinned,
        )?;
        save(&mut self.record, self.store, &mut self.lock, &self.session)
    }

    /// Ask until the flow ends or pauses; save after every reply. A stop of the prompter says
    /// what was kept and how to go on.
    fn drive(&mut self, prompter: &mut dyn Prompter, scripted: bool) -> Result<Ending> {
        let policy = Policy {
            pausing: Pausing::AtWaits,
            strict_back: scripted,
        };
        let (record, store, lock) = (&mut self.record, self.store, &mut self.lock);
        let (kaart, pinned) = (self.kaart, &mut self.pinned);
        let mut save = |session: &Session<'_>| {
            pin(store, record, kaart, session, pinned)?;
            save(record, store, lock, session)
        };
        let stop = match drive(&mut self.session, prompter, self.clock, policy, &mut save) {
            Ok(ending) => return Ok(ending),
            Err(stop) => stop,
        };
        let id = &self.record.id;
        let saved = self.lock.saved();
        Err(match stop {
            Stop::Cancelled { how } if !saved => Error::cancelled(format!(
                "{how}. Er was nog niets beantwoord; er is geen sessie bewaard."
            )),
            Stop::Cancelled { how } => Error::cancelled(format!(
                "{how}. Alle gegeven antwoorden zijn bewaard in sessie {id}."
            ))
            .hint(format!("Verder met: zorgpad hervat {id}")),
            Stop::Prompter(e) if saved => {
                let hint = e.hint.clone().unwrap_or_default();
                e.hint(
                    format!(
                        "{hint}\nDe antwoorden tot dan toe staan in sessie {id} (verder met 'zorgpad hervat {id}', weg met 'zorgpad sessies verwijder {id}')."
                    )
                    .trim()
                    .to_string(),
                )
            }
            Stop::Prompter(e) | Stop::Failed(e) => e,
        })
    }

    fn finish(mut self, end: Ending, export: Option<&Export>, layout: Layout) -> Result<Exit> {
        let offer = Offer {
            kaart: self.kaart,
            gemeente: self.record.gemeente.as_deref(),
        };
        let summary =
            Summary::of(&self.session, Some(offer)).with_record(&self.session, &self.record);
        // A closed pipe ends the command quietly, but only after the export is written.
        let printed = out!("{}", report::text(&summary, self.clock.zone(), layout));
        if let Some(export) = export {
            write_export(&summary, &export.path, export.format, self.clock)?;
            self.session
                .exported(self.clock.now(), export.format.name());
            self.save()?;
            errln!("Samenvatting geschreven naar {}.", export.path.display());
        }
        printed?;
        let id = &self.record.id;
        match end {
            Ending::Finished => errln!(
                "Sessie {id} is afgerond en bewaard in {}.",
                self.store.dir().display()
            ),
            Ending::Paused => {
                let waiting = summary
                    .sessie
                    .as_ref()
                    .and_then(|s| s.wacht_op.as_ref())
                    .map(|w| w.vraag.clone())
                    .unwrap_or_default();
                errln!("Sessie {id} wacht bij {waiting}. Alles is bewaard.\nVerder met: zorgpad hervat {id}   (met --rol ROL als iemand anders verdergaat)");
            }
        }
        Ok(Exit::Ok)
    }
}

/// Before a session's first save in this run: exact copies of its flows and its map in the
/// data directory, under their fingerprints, so that it never depends on files that move.
fn pin(
    store: &Store,
    record: &Record,
    kaart: &Kaart,
    session: &Session<'_>,
    pinned: &mut bool,
) -> Result<()> {
    if *pinned {
        return Ok(());
    }
    store.pin_flows(session.flows(), &record.flow)?;
    if let Some(print) = &record.kaart {
        store.pin_kaart(&kaart.text, print)?;
    }
    *pinned = true;
    Ok(())
}

/// Write the session's journal into its record and save it (atomically, under its lock).
fn save(
    record: &mut Record,
    store: &Store,
    lock: &mut SessionLock,
    session: &Session<'_>,
) -> Result<()> {
    record.journaal = session.events().to_vec();
    record.bijgewerkt = session
        .events()
        .last()
        .map_or(record.bijgewerkt, |e| e.time());
    let saved_before = lock.saved();
    store.save(lock, record).map_err(|e| {
        // Say what is still safe, and how to go on once there is room again.
        let id = &record.id;
        let hint = if saved_before {
            format!("De sessie is bewaard tot en met het vorige antwoord; het laatste antwoord niet. Maak ruimte (of geef schrijfrechten) en ga verder met: zorgpad hervat {id}")
        } else {
            "Er is nog niets van deze sessie bewaard. Maak ruimte (of geef schrijfrechten), of kies een andere map met --data-dir, en begin opnieuw.".to_string()
        };
        e.hint(hint)
    })
}

/// The role the lock file names: `--rol`, else the role in force in the session (the last one
/// that acted), else the role of the question the session is at.
fn holder_role(set: &FlowSet, role: Option<&str>, session: &Session<'_>) -> Option<String> {
    let in_force = crate::engine::journal::acted_by(session.events())
        .pop()
        .and_then(|actor| actor.rol);
    let label = match role.map(str::to_string).or(in_force) {
        Some(role) => set.main().role_label(&role).to_string(),
        None => session.question()?.role?.label,
    };
    // In a sentence a label starts in lower case, unless it is an abbreviation ("MDO").
    let mut chars = label.chars();
    let first = chars.next()?;
    Some(match chars.next() {
        Some(second) if second.is_lowercase() => {
            first.to_lowercase().chain([second]).chain(chars).collect()
        }
        _ => label,
    })
}

fn check_role(set: &FlowSet, role: Option<&str>) -> Result<()> {
    let Some(role) = role else { return Ok(()) };
    let roles = &set.main().roles;
    if roles.contains_key(role) {
        return Ok(());
    }
    Err(
        Error::input(format!("onbekende rol '{role}'")).hint(format!(
            "Kies een van de rollen van de flow: {}",
            roles
                .keys()
                .map(String::as_str)
                .collect::<Vec<_>>()
                .join(", ")
        )),
    )
}
