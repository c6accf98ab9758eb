//! `zorgpad start`: a guided session from its first question to its end or its next pause.
//! `zorgpad hervat` ([`super::resume`]) goes on through the same [`Run`].
//!
//! The loop itself is the engine's ([`crate::engine::drive`]): it asks the prompter (terminal
//! or script), gives the reply to the session, and has this command save the session
//! atomically after every reply, before the next question. A killed process loses nothing that
//! was answered. This file sets the session up, words how a stop leaves it, and shows the end.

use crate::cli::config::session::{Export, Start};
use crate::clock::Clock;
use crate::cmd::stored::{known_gemeente, refuse_broken_map, EXAMPLE_MAP_WARNING};
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
use crate::prompt::{Person, Stage};
use crate::report::export::write_export;
use crate::report::summary::Summary;
use crate::report::{self, Layout};
use crate::store::fingerprint;
use crate::store::{self, Holder, Record, SessionLock, Store};

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
    // A demonstration opens no data directory: it leaves nothing behind, not even a lock.
    let store = match config.demo {
        true => None,
        false => Some(crate::cmd::stored::open_store(&config.data_dir)?),
    };
    let mut terminal = match script {
        Some(_) => None,
        None => Some(Person::new(config.plain, config.explain, config.color)),
    };
    if config.demo {
        // Before anything is asked, the gemeente included.
        errln!("{DEMO_BANNER}: een demonstratie; er wordt niets bewaard.");
    }
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
    let Some(store) = store else {
        return demo(config, &set, offer, &clock, script, terminal);
    };
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
        only_follow_up: false,
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

/// The line above every question of a demonstration, and around its summary.
const DEMO_BANNER: &str = "DEMONSTRATIE — wordt niet bewaard";

/// `zorgpad start --demo`: the same questions and summary as a session, marked as a
/// demonstration on every screen, and nothing saved: no session file, no lock, no export, so
/// nothing in `zorgpad sessies` or `zorgpad statistiek`. It cannot pause (there is nothing to
/// go on with later); a wait that may become a follow-up can still be put off.
fn demo(
    config: &Start,
    set: &FlowSet,
    offer: Offer<'_>,
    clock: &Clock,
    mut script: Option<Script>,
    mut terminal: Option<Person<'_>>,
) -> Result<Exit> {
    let mut session = Session::new(set, clock.now(), config.rol.clone(), config.door.clone())?;
    let policy = Policy {
        pausing: Pausing::Never {
            refusal: "kan een demonstratie niet pauzeren: er wordt niets bewaard om later mee verder te gaan",
        },
        strict_back: script.is_some(),
        only_follow_up: false,
    };
    let prompter: &mut dyn Prompter = match (&mut script, &mut terminal) {
        (Some(s), _) => s,
        (None, Some(t)) => {
            t.set_stage(Stage {
                banner: Some(DEMO_BANNER.to_string()),
                story: None,
            });
            t
        }
        (None, None) => return Err(Error::input("er is geen manier om vragen te beantwoorden")),
    };
    match drive(&mut session, prompter, clock, policy, &mut |_| Ok(())) {
        Ok(_) => {}
        Err(Stop::Cancelled { how }) => {
            return Err(Error::cancelled(format!(
                "{how}. Dit was een demonstratie; er is niets bewaard."
            )))
        }
        Err(Stop::Prompter(e) | Stop::Failed(e)) => return Err(e),
    }
    if let Some(s) = &script {
        if s.unused() > 0 {
            return Err(s.leftover_error());
        }
    }
    let summary = Summary::of(&session, Some(offer));
    let text = report::text(&summary, clock.zone(), config.layout);
    out!("{DEMO_BANNER}\n\n{text}\n{DEMO_BANNER}\n")?;
    errln!("De demonstratie is afgelopen; er is niets bewaard.");
    Ok(Exit::Ok)
}

pub(crate) struct Run<'a, 'f> {
    pub(crate) kaart: &'a Kaart,
    pub(crate) session: Session<'f>,
    pub(crate) record: Record,
    /// The session's lock, held until the run (and with it the process's work) ends.
    pub(crate) lock: SessionLock,
    pub(crate) store: &'a Store,
    pub(crate) clock: &'a Clock,
    /// Whether this run has made sure the copies of its flows and map are pinned.
    pub(crate) pinned: bool,
    /// `zorgpad opvolgen`: answer one follow-up and stop.
    pub(crate) only_follow_up: bool,
}

impl Run<'_, '_> {
    pub(crate) fn save(&mut self) -> Result<()> {
        pin(
            self.store,
            &self.record,
            self.kaart,
            &self.session,
            &mut self.pinned,
        )?;
        save(&mut self.record, self.store, &mut self.lock, &self.session)
    }

    /// Which follow-up to answer first, if any (see [`crate::cmd::follow_up::first`]).
    pub(crate) fn choose_follow_up(
        &mut self,
        prompter: &mut dyn Prompter,
        wanted: Option<&Option<String>>,
        scripted: bool,
    ) -> Result<Option<Ending>> {
        crate::cmd::follow_up::first(
            &mut self.session,
            prompter,
            self.clock,
            &self.record.id,
            wanted,
            scripted,
        )
    }

    /// Ask until the flow ends or pauses; save after every reply. A stop of the prompter says
    /// what was kept and how to go on.
    pub(crate) fn drive(&mut self, prompter: &mut dyn Prompter, scripted: bool) -> Result<Ending> {
        let policy = Policy {
            pausing: Pausing::AtWaits,
            strict_back: scripted,
            only_follow_up: self.only_follow_up,
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

    pub(crate) fn finish(
        mut self,
        end: Ending,
        export: Option<&Export>,
        layout: Layout,
    ) -> Result<Exit> {
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
        let open = self.session.open_follow_ups().len();
        let still_open = match open {
            0 => String::new(),
            1 => {
                format!("\nEr staat nog 1 opvolging open. Beantwoorden met: zorgpad opvolgen {id}")
            }
            n => format!(
                "\nEr staan nog {n} opvolgingen open. Beantwoorden met: zorgpad opvolgen {id}"
            ),
        };
        match end {
            Ending::FollowedUp => errln!(
                "De opvolging van sessie {id} is beantwoord en bewaard.{still_open}"
            ),
            Ending::Paused if self.only_follow_up => errln!(
                "De opvolging van sessie {id} staat nog open. Alles is bewaard.\nVerder met: zorgpad opvolgen {id}"
            ),
            Ending::Finished if open > 0 => errln!(
                "Het pad van sessie {id} is doorlopen, maar de sessie wacht nog: zij is bewaard in {}.{still_open}",
                self.store.dir().display()
            ),
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
pub(crate) fn holder_role(
    set: &FlowSet,
    role: Option<&str>,
    session: &Session<'_>,
) -> Option<String> {
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

pub(crate) fn check_role(set: &FlowSet, role: Option<&str>) -> Result<()> {
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
