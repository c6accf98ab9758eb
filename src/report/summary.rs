//! The summary of a session: what was decided, what was done, what is still open.
//!
//! It is derived from the journal (through the walk it replays), never stored beside it, so
//! the same journal always gives the same summary. Rendering lives elsewhere
//! ([`crate::report`]); this module only collects the facts.

use std::collections::BTreeMap;

use jiff::Timestamp;
use serde::Serialize;

use crate::engine::answer::{Answer, Status};
use crate::engine::journal;
use crate::engine::session::Session;
use crate::engine::walk::Step;
use crate::flow::model::{Body, Node};
use crate::kaart::Kaart;

/// The version of the JSON export's schema; documented in README.md.
pub const SCHEMA: &str = "zorgpad.samenvatting/1";

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
    /// Where the session stands when it is not done.
    pub huidige_vraag: Option<String>,
    /// What must not be missed: a positive Kindcheck, a report to Veilig Thuis (flagged in
    /// the flow with `letop`), with where and when.
    pub let_op: Vec<String>,
    pub route: Vec<RouteRow>,
    /// Each run of a sub-flow (the Meldcode), with its steps and outcome.
    pub subflows: Vec<SubflowRun>,
    pub checklists: Vec<Checklist>,
    pub verwijzingen: Vec<Referral>,
    /// Per role label: actions not done, in route order.
    pub open_acties: BTreeMap<String, Vec<String>>,
    pub gewijzigd: Vec<Change>,
    pub disclaimer: &'static str,
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
    pub vraag: String,
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
    pub rol: Option<String>,
    /// The sub-flow this step sits in (its call's title), if any.
    pub binnen: Option<String>,
    pub soort: &'static str,
    /// For a decision with a proposal: what was proposed, why, and whether it was followed.
    pub voorstel: Option<Voorstel>,
    pub vraag: String,
    pub antwoord: String,
    pub toelichting: Option<String>,
    pub tijd: Timestamp,
}

#[derive(Debug, Clone, Serialize)]
pub struct SubflowRun {
    pub naam: String,
    /// The box that called it (e.g. "B2: Volg stappen Kindcheck/Meldcode").
    pub vanuit: String,
    pub stappen: Vec<RouteRow>,
    pub uitkomst: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Voorstel {
    pub optie: String,
    pub op_grond_van: Vec<String>,
    /// False: the professional overruled the proposal (the reason is the toelichting).
    pub gevolgd: bool,
}

#[derive(Debug, Clone, Serialize)]
pub struct Checklist {
    pub knoop: String,
    pub titel: String,
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
}

#[derive(Debug, Clone, Serialize)]
pub struct Referral {
    pub knoop: String,
    pub titel: String,
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
}

/// A provider of the Sociale Kaart as the client's file needs it.
#[derive(Debug, Clone, Serialize)]
pub struct Contact {
    pub id: String,
    pub naam: String,
    pub domein: Option<String>,
    pub niveau: Option<u8>,
    pub telefoon: Option<String>,
    pub email: Option<String>,
    pub website: Option<String>,
    pub adres: Option<String>,
    pub aanmelden: Option<String>,
}

impl Contact {
    fn of(id: &str, kaart: Option<&Kaart>) -> Contact {
        match kaart.and_then(|k| k.provider(id)) {
            Some(a) => Contact {
                id: a.id.clone(),
                naam: a.name.clone(),
                domein: a.domain.map(|d| d.label().to_string()),
                niveau: a.level,
                telefoon: a.phone.clone(),
                email: a.email.clone(),
                website: a.website.clone(),
                adres: a.address.clone(),
                aanmelden: a.how_to_refer.clone(),
            },
            None => Contact {
                id: id.to_string(),
                naam: format!("{id} (staat niet meer op de Sociale Kaart)"),
                domein: None,
                niveau: None,
                telefoon: None,
                email: None,
                website: None,
                adres: None,
                aanmelden: None,
            },
        }
    }

    /// Phone, e-mail and website, as one line.
    pub fn line(&self) -> String {
        [&self.telefoon, &self.email, &self.website]
            .iter()
            .filter_map(|c| c.as_deref())
            .collect::<Vec<_>>()
            .join(" · ")
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct Change {
    /// The question's key (its node id, inside a sub-flow prefixed with the call's id).
    pub vraag: String,
    /// The question as the route shows it.
    pub label: String,
    pub eerder_antwoord: String,
    pub gegeven: Timestamp,
    pub teruggenomen: Timestamp,
}

pub const DISCLAIMER: &str =
    "zorgpad ondersteunt de professional en vervangt het professionele oordeel niet: de zorgverlener beslist en is verantwoordelijk.";

impl Summary {
    /// The summary of a session; `kaart` resolves the providers chosen from the Sociale Kaart.
    pub fn of(session: &Session<'_>, kaart: Option<&Kaart>) -> Summary {
        let walk = session.walk();
        let main = walk.main();
        let steps = walk.steps();
        let mut route = Vec::new();
        let mut checklists = Vec::new();
        let mut verwijzingen = Vec::new();
        let mut open_acties: BTreeMap<String, Vec<String>> = BTreeMap::new();
        let mut let_op = Vec::new();
        let mut subflows: Vec<SubflowRun> = Vec::new();
        for step in steps {
            route.push(row(step, kaart));
            let flagged = match (&step.node.body, &step.answer) {
                (
                    Body::Decision { options, .. } | Body::Wait { options, .. },
                    Some(Answer::Keuze { optie, .. }),
                ) => options
                    .iter()
                    .find(|o| &o.id == optie)
                    .and_then(|o| o.letop.clone()),
                _ => step.node.letop.clone(),
            };
            if let Some(text) = flagged {
                let place = match step.calls.last() {
                    Some(call) => call.blauwdruk.clone().unwrap_or_else(|| call.titel.clone()),
                    None => step
                        .node
                        .blauwdruk
                        .clone()
                        .unwrap_or_else(|| step.node.id.clone()),
                };
                let who = step
                    .role
                    .as_ref()
                    .map(|r| format!(", {}", r.label))
                    .unwrap_or_default();
                let_op.push(format!("{} (vanuit {place}{who})", text.trim()));
            }
            // Group the steps of each sub-flow run under the call that started it.
            if let Body::Subflow { .. } = &step.node.body {
                subflows.push(SubflowRun {
                    naam: session
                        .flows()
                        .get(match &step.node.body {
                            Body::Subflow { flow, .. } => flow,
                            _ => "",
                        })
                        .map(|f| f.naam.clone())
                        .unwrap_or_default(),
                    vanuit: match &step.node.blauwdruk {
                        Some(b) => format!("{b}: {}", step.node.titel),
                        None => step.node.titel.clone(),
                    },
                    stappen: Vec::new(),
                    uitkomst: None,
                });
            } else if step.calls.len() == 1 {
                if let Some(run) = subflows.last_mut() {
                    match &step.node.body {
                        Body::End { outcome } => run.uitkomst = Some(outcome.trim().to_string()),
                        _ => run.stappen.push(row(step, kaart)),
                    }
                }
            }
            match (&step.node.body, &step.answer) {
                (Body::Action { items, .. }, Some(Answer::Checklist { acties, notitie })) => {
                    let role = step.role.as_ref().map(|r| r.label.clone());
                    let list: Vec<ChecklistItem> = items
                        .iter()
                        .map(|item| ChecklistItem {
                            id: item.id.clone(),
                            tekst: item.tekst.clone(),
                            rol: item
                                .rol
                                .as_ref()
                                .map(|r| step.flow.role_label(r).to_string()),
                            status: acties
                                .iter()
                                .find(|m| m.id == item.id)
                                .map_or(Status::NietGedaan, |m| m.status),
                        })
                        .collect();
                    for item in &list {
                        if item.status == Status::NietGedaan {
                            let who = item
                                .rol
                                .clone()
                                .or_else(|| role.clone())
                                .unwrap_or_else(|| "Zonder rol".to_string());
                            open_acties.entry(who).or_default().push(format!(
                                "{} ({})",
                                item.tekst,
                                where_(step)
                            ));
                        }
                    }
                    checklists.push(Checklist {
                        knoop: step.node.id.clone(),
                        titel: step.node.titel.clone(),
                        stap: step.stap,
                        rol: role,
                        acties: list,
                        notitie: notitie.clone(),
                    });
                }
                (
                    Body::Referral { category, .. },
                    Some(Answer::Verwijzing {
                        kaart: chosen,
                        aanbieders,
                        geen_passend_aanbod,
                        notitie,
                    }),
                ) => {
                    let contacts: Vec<Contact> =
                        chosen.iter().map(|id| Contact::of(id, kaart)).collect();
                    let role = step.role.as_ref().map(|r| r.label.clone());
                    // A report to Veilig Thuis: who reported, to whom, and the phone number,
                    // on the to-do list of the reporter.
                    if category == "veilig-thuis" {
                        let who = role.clone().unwrap_or_else(|| "Zonder rol".to_string());
                        for c in &contacts {
                            let phone = c
                                .telefoon
                                .clone()
                                .unwrap_or_else(|| "0800-2000".to_string());
                            open_acties.entry(who.clone()).or_default().push(format!(
                                "Melding bij {} ({phone}): volg de terugkoppeling; Veilig Thuis beoordeelt de veiligheid binnen vijf werkdagen ({})",
                                c.naam,
                                where_(step)
                            ));
                        }
                    }
                    if *geen_passend_aanbod {
                        let who = role.clone().unwrap_or_else(|| "Zonder rol".to_string());
                        open_acties.entry(who).or_default().push(format!(
                            "Geen passend aanbod in de categorie '{category}': zoek een oplossing en meld het gat aan de coördinator van de Sociale Kaart ({})",
                            where_(step)
                        ));
                    }
                    verwijzingen.push(Referral {
                        knoop: step.node.id.clone(),
                        titel: step.node.titel.clone(),
                        categorie: category.clone(),
                        rol: role,
                        aanbieders: contacts
                            .iter()
                            .map(|c| c.naam.clone())
                            .chain(aanbieders.iter().cloned())
                            .collect(),
                        kaart: contacts,
                        andere: aanbieders.clone(),
                        geen_passend_aanbod: *geen_passend_aanbod,
                        notitie: notitie.clone(),
                    });
                }
                _ => {}
            }
        }
        let question = walk.question();
        if let Some(q) = &question {
            // What the session waits for is open for whoever has to answer it.
            let who = q
                .role
                .as_ref()
                .map_or_else(|| "Zonder rol".to_string(), |r| r.label.clone());
            open_acties.entry(who).or_default().push(format!(
                "{} (volgende stap, {})",
                crate::engine::prompter::question_text(q),
                q.key
            ));
        }
        let events = session.events();
        let gewijzigd = journal::withdrawn(events)
            .into_iter()
            .map(|(key, answer, given, taken)| Change {
                eerder_antwoord: describe_for_key(session, &key, &answer, kaart),
                label: label_for_key(session, &key),
                vraag: key,
                gegeven: given,
                teruggenomen: taken,
            })
            .collect();
        Summary {
            schema: SCHEMA,
            sessie: None,
            flow: FlowInfo {
                naam: main.naam.clone(),
                versie: main.versie.clone(),
                bron: main.bron.clone(),
            },
            gestart: events.first().map(journal::Event::time),
            bijgewerkt: events.last().map(journal::Event::time),
            afgerond: walk.is_finished(),
            uitkomst: walk.outcome().and_then(|n| match &n.body {
                Body::End { outcome } => Some(outcome.trim().to_string()),
                _ => None,
            }),
            huidige_vraag: question
                .map(|q| format!("{} — {}", q.key, crate::engine::prompter::question_text(&q))),
            let_op,
            route,
            subflows,
            checklists,
            verwijzingen,
            open_acties,
            gewijzigd,
            disclaimer: DISCLAIMER,
        }
    }
}

/// Where an action stands: its box, and the box that called the sub-flow it is in.
impl Summary {
    /// Add what the stored session knows: id, reference, gemeente, map, roles, pause.
    pub fn with_record(mut self, session: &Session<'_>, record: &crate::store::Record) -> Summary {
        let events = session.events();
        let main = session.walk().main();
        let waiting = journal::pause(events).map(|(key, since, expected)| Waiting {
            vraag: match crate::engine::walk::node_for_key(session.flows(), key) {
                Some(node) => format!("{key} — {}", node.titel),
                None => key.to_string(),
            },
            sinds: since,
            verwacht: expected,
        });
        let status = if session.walk().is_finished() {
            "afgerond"
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

fn where_(step: &Step<'_>) -> String {
    let here = match &step.node.blauwdruk {
        Some(b) => format!("{b}, {}", step.node.titel),
        None => step.node.titel.clone(),
    };
    match step.calls.last() {
        Some(call) => match &call.blauwdruk {
            Some(b) => format!("{here}, vanuit {b}"),
            None => format!("{here}, vanuit {}", call.titel),
        },
        None => here,
    }
}

fn row(step: &Step<'_>, kaart: Option<&Kaart>) -> RouteRow {
    let node = step.node;
    let (vraag, antwoord) = match (&node.body, &step.answer) {
        (Body::Decision { question, .. } | Body::Wait { question, .. }, Some(answer)) => {
            (question.clone(), describe(node, answer, kaart))
        }
        (Body::Action { .. }, Some(answer)) => (node.titel.clone(), describe(node, answer, kaart)),
        (Body::Criteria { question, .. }, Some(answer)) => {
            (question.clone(), describe(node, answer, kaart))
        }
        (Body::Referral { question, .. }, Some(answer)) => {
            (question.clone(), describe(node, answer, kaart))
        }
        (Body::End { outcome }, _) => (node.titel.clone(), outcome.trim().to_string()),
        (Body::Subflow { .. }, _) => (node.titel.clone(), "sub-flow gestart".to_string()),
        _ => (node.titel.clone(), "—".to_string()),
    };
    RouteRow {
        knoop: node.id.clone(),
        blauwdruk: node.blauwdruk.clone(),
        stap: step.stap,
        rol: step.role.as_ref().map(|r| r.label.clone()),
        binnen: step.calls.last().map(|c| c.titel.clone()),
        soort: node.body.kind().dutch(),
        voorstel: step.proposal.as_ref().map(|p| {
            let label = match &node.body {
                Body::Decision { options, .. } => options
                    .iter()
                    .find(|o| o.id == p.option)
                    .map(|o| o.label.clone()),
                _ => None,
            };
            let chosen = match &step.answer {
                Some(Answer::Keuze { optie, .. }) => optie == &p.option,
                _ => false,
            };
            Voorstel {
                optie: label.unwrap_or_else(|| p.option.clone()),
                op_grond_van: p.reasons.clone(),
                gevolgd: chosen,
            }
        }),
        vraag,
        antwoord,
        toelichting: step
            .answer
            .as_ref()
            .and_then(|a| a.note())
            .map(str::to_string),
        tijd: step.at,
    }
}

/// An answer in words: the option's label, the count of actions done, the providers.
pub fn describe(node: &Node, answer: &Answer, kaart: Option<&Kaart>) -> String {
    match (&node.body, answer) {
        (
            Body::Decision { options, .. } | Body::Wait { options, .. },
            Answer::Keuze { optie, .. },
        ) => options
            .iter()
            .find(|o| &o.id == optie)
            .map_or_else(|| optie.clone(), |o| o.label.clone()),
        (_, Answer::Checklist { acties, .. }) => {
            let count = |s: Status| acties.iter().filter(|m| m.status == s).count();
            let mut parts = vec![format!(
                "{} van {} gedaan",
                count(Status::Gedaan),
                acties.len()
            )];
            if count(Status::Nvt) > 0 {
                parts.push(format!("{} n.v.t.", count(Status::Nvt)));
            }
            if count(Status::NietGedaan) > 0 {
                parts.push(format!("{} open", count(Status::NietGedaan)));
            }
            parts.join(", ")
        }
        (
            _,
            Answer::Verwijzing {
                kaart: chosen,
                aanbieders,
                geen_passend_aanbod,
                ..
            },
        ) => {
            let mut names: Vec<String> = chosen
                .iter()
                .map(|id| Contact::of(id, kaart).naam)
                .collect();
            names.extend(aanbieders.iter().cloned());
            if *geen_passend_aanbod {
                names.push("geen passend aanbod".to_string());
            }
            names.join("; ")
        }
        (Body::Criteria { items, .. }, Answer::Criteria { gelden, .. }) => {
            let texts: Vec<&str> = items
                .iter()
                .filter(|i| gelden.contains(&i.id))
                .map(|i| i.tekst.as_str())
                .collect();
            if texts.is_empty() {
                "geen van deze criteria".to_string()
            } else {
                texts.join("; ")
            }
        }
        (_, Answer::Criteria { gelden, .. }) => gelden.join("; "),
        (_, Answer::Keuze { optie, .. }) => optie.clone(),
    }
}

/// "B1: Welk screeningsinstrument is gebruikt?" — a question as the route table names it.
fn label_for_key(session: &Session<'_>, key: &str) -> String {
    match crate::engine::walk::node_for_key(session.flows(), key) {
        Some(node) => {
            let text = match &node.body {
                Body::Decision { question, .. }
                | Body::Wait { question, .. }
                | Body::Referral { question, .. } => question.clone(),
                _ => node.titel.clone(),
            };
            match &node.blauwdruk {
                Some(b) => format!("{b}: {text}"),
                None => text,
            }
        }
        None => key.to_string(),
    }
}

fn describe_for_key(
    session: &Session<'_>,
    key: &str,
    answer: &Answer,
    kaart: Option<&Kaart>,
) -> String {
    match crate::engine::walk::node_for_key(session.flows(), key) {
        Some(node) => describe(node, answer, kaart),
        None => "(antwoord op een vraag die niet meer in de flow staat)".to_string(),
    }
}
