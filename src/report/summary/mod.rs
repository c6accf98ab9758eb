//! The summary of a session: what was decided, what was done, what is still open.
//!
//! It is derived from the journal (through the walk it replays), never stored beside it, so
//! the same journal always gives the same summary. Rendering lives elsewhere
//! ([`crate::report`]); this module only collects the facts.

use std::collections::BTreeMap;

use jiff::Timestamp;
use serde::Serialize;

use crate::engine::answer::Status;
use crate::engine::journal;
use crate::engine::session::Session;
use crate::flow::model::Body;
use crate::kaart::Offer;

mod collect;
mod consent;
mod contact;
mod follow_up;
mod verloop;
pub(crate) mod words;

use collect::{Parts, NO_ROLE};
pub use contact::{Contact, RouteContact};
use follow_up::follow_ups;
pub use follow_up::FollowUpRecord;
use words::{describe_for_key, label_for_key};

/// The version of the JSON export's schema; documented in README.md.
pub const SCHEMA: &str = "zorgpad.samenvatting/2";

#[derive(Debug, Clone, Serialize)]
pub struct Summary {
    pub schema: &'static str,
    /// The stored session this summary is of, when there is one.
    pub sessie: Option<SessionInfo>,
    pub flow: FlowInfo,
    pub gestart: Option<Timestamp>,
    pub bijgewerkt: Option<Timestamp>,
    pub afgerond: bool,
    /// The outcome of the end reached, once the flow is done.
    pub uitkomst: Option<String>,
    /// Where the session stands when it is not done: the next question, as a reader names it
    /// ("D4 Is de cliënt op de afspraak verschenen?").
    pub huidige_vraag: Option<String>,
    /// The key of that question (its node id; inside a sub-flow prefixed with the call's id).
    pub huidige_knoop: Option<String>,
    /// When the next question is a box with `kaart:` in the flow: whom to reach there (added
    /// later to `zorgpad.samenvatting/1`; left out when there is none).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub huidige_contact: Option<RouteContact>,
    /// What must not be missed: a positive Kindcheck, a report to Veilig Thuis (flagged in
    /// the flow with `letop`), with where and when.
    pub let_op: Vec<String>,
    pub route: Vec<RouteRow>,
    /// Each run of a sub-flow (the Meldcode), with its steps and outcome.
    pub subflows: Vec<SubflowRun>,
    pub checklists: Vec<Checklist>,
    pub verwijzingen: Vec<Referral>,
    /// Per role label: actions not done, in route order.
    pub open_acties: BTreeMap<String, Vec<OpenAction>>,
    /// Follow-ups: waits put off while the path went on, open or answered since (added later
    /// to `zorgpad.samenvatting/1`).
    pub opvolgingen: Vec<FollowUpRecord>,
    pub gewijzigd: Vec<Change>,
    /// The journal in words: every event of the session in order, with who and when.
    pub verloop: Vec<JournalLine>,
    pub disclaimer: &'static str,
}

/// An action still to be done: what, and where it comes from.
#[derive(Debug, Clone, Serialize)]
pub struct OpenAction {
    pub tekst: String,
    /// The box it comes from, as a reader names it ("B6 Behandelplan en MDO").
    pub waar: String,
    /// The blueprint label of that box (of the box that called its sub-flow), if any.
    pub blauwdruk: Option<String>,
}

impl OpenAction {
    /// "Plan multidisciplinair overleg (MDO) (B6 Behandelplan en MDO)".
    pub fn line(&self) -> String {
        if self.waar.is_empty() {
            self.tekst.clone()
        } else {
            format!("{} ({})", self.tekst, self.waar)
        }
    }
}

/// One event of the journal, in words.
#[derive(Debug, Clone, Serialize)]
pub struct JournalLine {
    pub tijd: Timestamp,
    pub door: Option<Who>,
    pub wat: String,
}

/// Who and what a stored session is about (never the client's name).
#[derive(Debug, Clone, Serialize)]
pub struct SessionInfo {
    pub id: String,
    pub kenmerk: Option<String>,
    pub gemeente: Option<String>,
    pub kaart: Option<FlowInfo>,
    /// The roles that answered, with when each took over.
    pub rollen: Vec<RoleTurn>,
    pub status: String,
    pub wacht_op: Option<Waiting>,
}

#[derive(Debug, Clone, Serialize)]
pub struct RoleTurn {
    pub rol: String,
    pub vanaf: Timestamp,
}

#[derive(Debug, Clone, Serialize)]
pub struct Waiting {
    /// The question waited at, as a reader names it.
    pub vraag: String,
    /// Its key (node id).
    pub knoop: String,
    pub sinds: Timestamp,
    pub verwacht: Option<jiff::civil::Date>,
}

#[derive(Debug, Clone, Serialize)]
pub struct FlowInfo {
    pub naam: String,
    pub versie: String,
    pub bron: Option<String>,
}

/// One line of the route: a node passed, with the answer given there.
#[derive(Debug, Clone, Serialize)]
pub struct RouteRow {
    pub knoop: String,
    pub blauwdruk: Option<String>,
    pub stap: Option<u8>,
    /// The box's role (who the flow says does it).
    pub rol: Option<String>,
    /// Who answered here, as the journal records it (added later to `zorgpad.samenvatting/1`).
    pub door: Option<Who>,
    /// The sub-flow this step sits in (its call's title), if any.
    pub binnen: Option<String>,
    /// The kind of box (`beslissing`, `actie`, …, as in the flow), or `vervolg` for going on
    /// after an end was reached.
    pub soort: &'static str,
    /// For a decision with a proposal: what was proposed, why, and whether it was followed.
    pub voorstel: Option<ProposalRecord>,
    pub vraag: String,
    pub antwoord: String,
    pub toelichting: Option<String>,
    pub tijd: Timestamp,
    /// For a box with `kaart:` in the flow: whom to reach (added later to
    /// `zorgpad.samenvatting/1`; left out for every other box).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub contact: Option<RouteContact>,
}

/// Who did something: the label of the role that acted, and the initials given with `--door`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Who {
    pub rol: Option<String>,
    pub initialen: Option<String>,
}

impl Who {
    pub(crate) fn of(main: &crate::flow::model::Flow, actor: journal::Actor) -> Option<Who> {
        let who = Who {
            rol: actor.rol.map(|id| main.role_label(&id).to_string()),
            initialen: actor.door,
        };
        (who.rol.is_some() || who.initialen.is_some()).then_some(who)
    }
}

impl std::fmt::Display for Who {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match (&self.rol, &self.initialen) {
            (Some(r), Some(i)) => write!(f, "{r} ({i})"),
            (Some(x), None) | (None, Some(x)) => write!(f, "{x}"),
            (None, None) => write!(f, "—"),
        }
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct SubflowRun {
    pub naam: String,
    /// The blueprint label of the box that called it.
    pub blauwdruk: Option<String>,
    /// The box that called it (e.g. "B2: Volg stappen Kindcheck/Meldcode").
    pub vanuit: String,
    pub stappen: Vec<RouteRow>,
    pub uitkomst: Option<String>,
    /// Which of the summary's checklists were answered in this run, in order (for the
    /// document, which shows them with the run's steps).
    #[serde(skip)]
    pub checklists: Vec<usize>,
}

#[derive(Debug, Clone, Serialize)]
pub struct ProposalRecord {
    pub optie: String,
    pub op_grond_van: Vec<String>,
    /// False: the professional overruled the proposal (the reason is the toelichting).
    pub gevolgd: bool,
}

#[derive(Debug, Clone, Serialize)]
pub struct Checklist {
    pub knoop: String,
    pub blauwdruk: Option<String>,
    pub titel: String,
    /// The sub-flow it was answered in (the title of its call), if any.
    pub binnen: Option<String>,
    pub stap: Option<u8>,
    pub rol: Option<String>,
    pub acties: Vec<ChecklistItem>,
    pub notitie: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct ChecklistItem {
    pub id: String,
    pub tekst: String,
    pub rol: Option<String>,
    pub status: Status,
    /// When the action was marked "niet gedaan" at first and ticked off later (`hervat`):
    /// when and by whom (added later to `zorgpad.samenvatting/1`; left out otherwise).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub later_afgevinkt: Option<Ticked>,
}

/// An action ticked off later: when, and who did it.
#[derive(Debug, Clone, Serialize)]
pub struct Ticked {
    pub op: Timestamp,
    pub door: Option<Who>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Referral {
    pub knoop: String,
    pub titel: String,
    /// Where it was made, as a reader names it ("B4 Verwijs door …", or a step of the
    /// Meldcode "vanuit B2 …").
    pub waar: String,
    pub categorie: String,
    pub rol: Option<String>,
    /// Every provider referred to, by name: those from the map, then the others.
    pub aanbieders: Vec<String>,
    /// The providers from the Sociale Kaart, with their contact details.
    pub kaart: Vec<Contact>,
    /// Providers typed by hand ("andere").
    pub andere: Vec<String>,
    /// No fitting offer: a gap in the map for this category (and gemeente).
    pub geen_passend_aanbod: bool,
    pub notitie: Option<String>,
    /// Whether the referral was carried out: "verwezen", or — for a referral that needs the
    /// client's consent afterwards (`uitgevoerd-als`) — "voorgesteld, niet uitgevoerd" or
    /// "voorgesteld, nog niet uitgevoerd" (added later to `zorgpad.samenvatting/1`).
    pub status: &'static str,
}

/// [`Referral::status`] values.
pub const REFERRED: &str = "verwezen";
pub const NOT_CARRIED_OUT: &str = "voorgesteld, niet uitgevoerd";
pub const NOT_YET: &str = "voorgesteld, nog niet uitgevoerd";

/// An answer that was changed (taken back with "terug" and answered differently, or not asked
/// again). The fields after `teruggenomen` were added later to `zorgpad.samenvatting/1`.
#[derive(Debug, Clone, Serialize)]
pub struct Change {
    /// The question's key (its node id, inside a sub-flow prefixed with the call's id).
    pub knoop: String,
    /// The question as the route shows it.
    pub label: String,
    pub eerder_antwoord: String,
    pub gegeven: Timestamp,
    pub teruggenomen: Timestamp,
    /// The answer given in its place; `None` when the question was not asked again.
    pub nieuw_antwoord: Option<String>,
    /// When the new answer was given.
    pub gewijzigd: Option<Timestamp>,
    /// Who gave the earlier answer.
    pub eerder_door: Option<Who>,
    /// Who took it back (and answered again).
    pub door: Option<Who>,
    /// Why, when a reason was given on going back.
    pub reden: Option<String>,
}

/// How the summary's own lines begin where a shorter report leaves them out because it says
/// the same in its own words: the wait at the next question ("Let op"), an open follow-up
/// ("Let op" and the open actions), and the next question on the open actions (its `waar`).
pub const STILL_OPEN: &str = "Staat nog open: ";
pub const FOLLOW_UP_OPEN: &str = "Opvolging staat open: ";
pub const FOLLOW_UP_TODO: &str = "Opvolging: ";
pub const NEXT_STEP: &str = "volgende stap";

pub const DISCLAIMER: &str =
    "zorgpad ondersteunt de professional en vervangt het professionele oordeel niet: de zorgverlener beslist en is verantwoordelijk.";

impl Summary {
    /// The summary of a session; `offer` (the session's Sociale Kaart and the client's
    /// gemeente) resolves the providers chosen from the map, and those a box with `kaart:`
    /// shows.
    pub fn of(session: &Session<'_>, offer: Option<Offer<'_>>) -> Summary {
        let kaart = offer.map(|o| o.kaart);
        let walk = session.walk();
        let main = walk.main();
        let mut parts = Parts::default();
        parts.add_steps(session, walk.steps(), offer, None);
        let question = walk.question();
        if let Some(q) = &question {
            // What the session waits for is open for whoever has to answer it.
            let who = q
                .role
                .as_ref()
                .map_or_else(|| NO_ROLE.to_string(), |r| r.label.clone());
            parts.open_acties.entry(who).or_default().push(OpenAction {
                tekst: crate::engine::prompter::question_text(q),
                waar: NEXT_STEP.to_string(),
                blauwdruk: q.node.blueprint.clone(),
            });
            // Something to wait for (an appointment, a birth, the feedback of Veilig Thuis)
            // is still open: say so where it cannot be missed.
            if matches!(q.node.body, Body::Wait { .. }) {
                parts.let_op.push(format!(
                    "{STILL_OPEN}{} — {}",
                    words::place(q.node),
                    crate::engine::prompter::question_text(q),
                ));
            }
        }
        let opvolgingen = follow_ups(session, offer, &mut parts);
        parts.let_op.extend(consent::recorded_later(session));
        // The end reached reads as it stands now: what a follow-up did since (the feedback of
        // Veilig Thuis received) is no longer "still open" there.
        if let (Some(end), Some(outcome)) = (walk.outcome(), walk.outcome_text()) {
            if let Some(row) = parts.route.iter_mut().rev().find(|r| r.knoop == end.id) {
                row.antwoord = outcome;
            }
        }
        let events = session.events();
        let gewijzigd = crate::engine::in_force::withdrawn(events)
            .into_iter()
            .map(|w| Change {
                eerder_antwoord: describe_for_key(session, &w.key, &w.old, kaart),
                label: label_for_key(session, &w.key),
                nieuw_antwoord: w
                    .new
                    .as_ref()
                    .map(|(a, ..)| describe_for_key(session, &w.key, a, kaart)),
                gewijzigd: w.new.as_ref().map(|(_, at, _)| *at),
                eerder_door: Who::of(main, w.given_by),
                door: Who::of(main, w.taken_by),
                reden: w.reason,
                knoop: w.key,
                gegeven: w.given,
                teruggenomen: w.taken,
            })
            .collect();
        Summary {
            schema: SCHEMA,
            sessie: None,
            flow: FlowInfo {
                naam: main.name.clone(),
                versie: main.version.clone(),
                bron: main.source.clone(),
            },
            gestart: events.first().map(journal::Event::time),
            bijgewerkt: events.last().map(journal::Event::time),
            afgerond: walk.is_finished(),
            uitkomst: walk.outcome_text(),
            huidige_contact: question
                .as_ref()
                .and_then(|q| q.contacts.as_ref())
                .and_then(|c| RouteContact::of(c, offer)),
            huidige_knoop: question.as_ref().map(|q| q.key.clone()),
            huidige_vraag: question.map(|q| {
                let text = crate::engine::prompter::question_text(&q);
                match &q.node.blueprint {
                    Some(b) => format!("{b} {text}"),
                    None => text,
                }
            }),
            let_op: parts.let_op,
            route: parts.route,
            subflows: parts.subflows,
            checklists: parts.checklists,
            verwijzingen: parts.verwijzingen,
            open_acties: parts.open_acties,
            opvolgingen,
            gewijzigd,
            verloop: verloop::lines(session, kaart),
            disclaimer: DISCLAIMER,
        }
    }
}

impl Summary {
    /// Add what the stored session knows: id, reference, gemeente, map, roles, pause.
    pub fn with_record(mut self, session: &Session<'_>, record: &crate::store::Record) -> Summary {
        let events = session.events();
        let main = session.walk().main();
        let waiting = journal::pause(events).map(|(key, since, expected)| Waiting {
            vraag: match crate::engine::walk::node_for_key(session.flows(), key) {
                Some(node) => words::place(node),
                None => key.to_string(),
            },
            knoop: key.to_string(),
            sinds: since,
            verwacht: expected,
        });
        let follow_up_open = !session.open_follow_ups().is_empty();
        let status = if session.walk().is_finished() && !follow_up_open {
            "afgerond"
        } else if session.walk().is_finished() {
            "wacht op opvolging"
        } else if waiting.is_some() {
            "wacht"
        } else {
            "lopend"
        };
        self.sessie = Some(SessionInfo {
            id: record.id.clone(),
            kenmerk: record.kenmerk.clone(),
            gemeente: record.gemeente.clone(),
            kaart: record.kaart.as_ref().map(|k| FlowInfo {
                naam: k.naam.clone(),
                versie: k.versie.clone(),
                // The embedded example has no file: say, in every export, that it is made up.
                bron: k
                    .bestand
                    .is_none()
                    .then(|| "ingebouwde voorbeeldkaart: verzonnen aanbieders, niet voor echte verwijzingen".to_string()),
            }),
            rollen: journal::roles(events)
                .into_iter()
                .map(|(id, vanaf)| RoleTurn {
                    rol: main.role_label(&id).to_string(),
                    vanaf,
                })
                .collect(),
            status: status.to_string(),
            wacht_op: waiting,
        });
        self
    }
}
