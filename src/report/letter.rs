//! A letter for one recipient (`zorgpad export ID --voor ONTVANGER`): what of a session concerns
//! the huisarts, the kraamzorg, the JGZ, … — and only what the client consented to share with
//! them. The recipients, their consent question and the parts each may receive are declared in
//! the flow (`brieven:`, [`crate::flow::letters`]); consent recorded later with `zorgpad
//! toestemming` wins over that question.
//!
//! The letter is composed from the facts of the [`Summary`] and the session, never from the
//! summary's document: it is a selection, not a copy. What is left out is named as left out
//! ("niet gedeeld: geen toestemming"), so that a reader never mistakes silence for "nothing".
//! The Kindcheck and the Meldcode (every sub-flow, and the nodes the flow keeps in the own file)
//! never appear: that weighing stays in the own file. No internal node id appears either; a
//! blueprint label (B2, D3) only beside a readable title. The writers are in `letter_write.rs`.

use jiff::civil::Date;
use jiff::tz::TimeZone;
use serde::Serialize;

use crate::engine::answer::{Answer, Status};
use crate::engine::journal;
use crate::engine::session::Session;
use crate::flow::letters::{Letters, Part, Recipient, CONSENT_YES};
use crate::flow::model::{Body, Flow, Node};
use crate::report::summary::{Summary, Who, REFERRED};

/// The version of the letter's JSON; documented in README.md.
pub const SCHEMA: &str = "zorgpad.brief/1";

/// What a letter never shares, named in every letter.
pub const OWN_FILE: &str =
    "Kindcheck en Meldcode — niet gedeeld: blijft in het eigen dossier (afweging van de Meldcode)";

/// A letter's facts (also its JSON, schema [`SCHEMA`]).
#[derive(Debug, Clone, Serialize)]
pub struct Letter {
    pub schema: &'static str,
    pub ontvanger: To,
    /// The client's own reference (never a name, never a BSN).
    pub kenmerk: Option<String>,
    pub sessie: Option<String>,
    pub datum: Date,
    /// Who filled in the session: role, with initials when given.
    pub van: Vec<String>,
    pub flow: FlowVersion,
    /// When the session was walked with the embedded example map: that its providers are made
    /// up (said wherever they appear).
    pub kaart_let_op: Option<String>,
    pub toestemming: ConsentLine,
    /// The parts this recipient may receive, shared or named as not shared.
    pub delen: Vec<Section>,
    /// How to record consent, when it is not given.
    pub vastleggen: Option<String>,
    pub eigen_dossier: &'static str,
    pub disclaimer: &'static str,
}

#[derive(Debug, Clone, Serialize)]
pub struct To {
    pub id: String,
    pub naam: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct FlowVersion {
    pub naam: String,
    pub versie: String,
}

/// The client's consent to share with this recipient.
#[derive(Debug, Clone, Serialize)]
pub struct ConsentLine {
    /// `gegeven`, `geweigerd` or `niet vastgelegd`.
    pub status: &'static str,
    /// Where it was given or refused, in words ("gevraagd bij B2 — …", "vastgelegd door …").
    pub bron: Option<String>,
    pub datum: Option<Date>,
}

/// One part of the letter.
#[derive(Debug, Clone, Serialize)]
pub struct Section {
    /// The part's name in the flow (`uitkomst`, `verwijzingen`, …).
    pub deel: &'static str,
    pub titel: &'static str,
    pub gedeeld: bool,
    /// Why not shared: `geen toestemming` or `geen toestemming vastgelegd`.
    pub reden: Option<&'static str>,
    pub regels: Vec<String>,
}

pub const GIVEN: &str = "gegeven";
pub const REFUSED: &str = "geweigerd";
pub const NOT_RECORDED: &str = "niet vastgelegd";

impl Part {
    /// The heading of the part in a letter.
    pub fn title(self) -> &'static str {
        match self {
            Part::Outcome => "Uitkomst",
            Part::Referrals => "Verwijzingen",
            Part::Coordination => "Coördinatie",
            Part::OpenActions => "Openstaande acties",
            Part::Waits => "Waar het pad op wacht",
        }
    }
}

/// What a letter is made from.
pub struct Sources<'a, 'f> {
    pub summary: &'a Summary,
    pub session: &'a Session<'f>,
    pub letters: &'a Letters,
    pub recipient: &'a Recipient,
    pub today: Date,
    pub zone: &'a TimeZone,
}

impl Letter {
    pub fn of(src: &Sources<'_, '_>) -> Letter {
        let s = src.summary;
        let main = src.session.walk().main();
        let r = src.recipient;
        let consent = consent_in_force(src.session, src.recipient, src.zone);
        let reason = match consent.status {
            GIVEN => None,
            REFUSED => Some("geen toestemming"),
            _ => Some("geen toestemming vastgelegd"),
        };
        let delen = r
            .parts()
            .into_iter()
            .map(|part| Section {
                deel: part.name(),
                titel: part.title(),
                gedeeld: reason.is_none(),
                reden: reason,
                regels: if reason.is_none() {
                    lines(src, main, part)
                } else {
                    Vec::new()
                },
            })
            .collect();
        let id = s.sessie.as_ref().map(|i| i.id.clone());
        Letter {
            schema: SCHEMA,
            ontvanger: To {
                id: r.id.clone(),
                naam: r.name.clone(),
            },
            kenmerk: s.sessie.as_ref().and_then(|i| i.kenmerk.clone()),
            sessie: id.clone(),
            datum: src.today,
            van: filled_in_by(src.session, main),
            flow: FlowVersion {
                naam: s.flow.naam.clone(),
                versie: s.flow.versie.clone(),
            },
            kaart_let_op: s
                .sessie
                .as_ref()
                .and_then(|i| i.kaart.as_ref())
                .and_then(|k| k.bron.clone()),
            // How to record a consent not asked; a refusal is the client's word, and only
            // her later consent, with its reason, changes it.
            vastleggen: reason.map(|_| {
                let id = id.as_deref().unwrap_or("ID");
                if consent.status == REFUSED {
                    format!(
                        "Geeft de cliënt later alsnog toestemming, leg dat dan vast met de reden: zorgpad toestemming {id} --voor {} ja --reden '…'",
                        r.id
                    )
                } else {
                    format!(
                        "Toestemming vastleggen: zorgpad toestemming {id} --voor {} ja",
                        r.id
                    )
                }
            }),
            toestemming: consent,
            delen,
            eigen_dossier: OWN_FILE,
            disclaimer: s.disclaimer,
        }
    }

    /// "Toestemming van de cliënt om te delen met de huisarts: ja (…)".
    pub fn consent_sentence(&self) -> String {
        let c = &self.toestemming;
        let word = match c.status {
            GIVEN => "ja",
            REFUSED => "nee",
            _ => NOT_RECORDED,
        };
        let mut whence: Vec<String> = c.bron.iter().cloned().collect();
        whence.extend(c.datum.map(|d| d.strftime("%d-%m-%Y").to_string()));
        let whence = if whence.is_empty() {
            String::new()
        } else {
            format!(" ({})", whence.join(", "))
        };
        format!(
            "Toestemming van de cliënt om te delen met {}: {word}{whence}",
            self.ontvanger.naam
        )
    }
}

/// The consent in force for `recipient`: the latest recorded with `zorgpad toestemming`, else
/// the answer in force to the flow's consent question, else none.
pub(crate) fn consent_in_force(
    session: &Session<'_>,
    recipient: &Recipient,
    zone: &TimeZone,
) -> ConsentLine {
    let main = session.walk().main();
    let day = |at: jiff::Timestamp| at.to_zoned(zone.clone()).date();
    if let Some(c) = journal::consent(session.events(), &recipient.id) {
        let by = Who::of(main, c.by)
            .map(|w| format!(" door {w}"))
            .unwrap_or_default();
        return ConsentLine {
            status: if c.given { GIVEN } else { REFUSED },
            bron: Some(format!("vastgelegd{by}")),
            datum: Some(day(c.at)),
        };
    }
    let asked = recipient.consent.as_deref().and_then(|q| {
        session
            .walk()
            .steps()
            .iter()
            .rev()
            .find(|st| st.calls.is_empty() && st.node.id == q)
    });
    match asked {
        Some(step) => {
            let given =
                matches!(&step.answer, Some(Answer::Keuze { optie, .. }) if optie == CONSENT_YES);
            ConsentLine {
                status: if given { GIVEN } else { REFUSED },
                bron: Some(format!("gevraagd bij {}", titled(step.node))),
                datum: Some(day(step.at)),
            }
        }
        None => ConsentLine {
            status: NOT_RECORDED,
            bron: None,
            datum: None,
        },
    }
}

/// "B2 — Toestemming voor gegevensuitwisseling met de huisarts": the blueprint label only
/// beside the title, never the node id.
fn titled(node: &Node) -> String {
    match &node.blueprint {
        Some(b) => format!("{b} — {}", node.title),
        None => node.title.clone(),
    }
}

/// Whether a node of the main flow stays out of every letter: a sub-flow call (the Meldcode),
/// or a node the flow keeps in the own file.
fn private(letters: &Letters, node: &Node) -> bool {
    matches!(node.body, Body::Subflow { .. }) || letters.is_own_file(&node.id)
}

/// The lines of one shared part.
fn lines(src: &Sources<'_, '_>, main: &Flow, part: Part) -> Vec<String> {
    match part {
        Part::Outcome => outcome(src),
        Part::Referrals => referrals(src, main),
        Part::Coordination => {
            let l = answers(src, &src.letters.coordination);
            if l.is_empty() {
                vec!["Nog niet vastgelegd.".to_string()]
            } else {
                l
            }
        }
        Part::OpenActions => open_actions(src, main),
        Part::Waits => waits(src, main),
    }
}

/// "Problematiek — enkelvoudig of complex (D2): Complex" for each node listed, as answered last
/// on the main path.
fn answers(src: &Sources<'_, '_>, ids: &[String]) -> Vec<String> {
    let main = src.session.walk().main();
    ids.iter()
        .filter_map(|id| {
            let node = main.node(id).filter(|n| !private(src.letters, n))?;
            let row = src
                .summary
                .route
                .iter()
                .rev()
                .find(|r| r.binnen.is_none() && &r.knoop == id)?;
            let label = node
                .blueprint
                .as_ref()
                .map(|b| format!(" ({b})"))
                .unwrap_or_default();
            Some(format!("{}{label}: {}", node.title, row.antwoord))
        })
        .collect()
}

/// The problem as decided, and where the path stands (an end kept in the own file is only
/// "afgerond").
fn outcome(src: &Sources<'_, '_>) -> Vec<String> {
    let mut out = answers(src, &src.letters.outcome);
    let walk = src.session.walk();
    let stand = match walk.outcome() {
        Some(end) if private(src.letters, end) => "Het pad is afgerond.".to_string(),
        Some(end) => match &end.body {
            Body::End { outcome, .. } => format!("Het pad is afgerond: {}", outcome.trim()),
            _ => "Het pad is afgerond.".to_string(),
        },
        None => match walk.question() {
            Some(q) if q.calls.is_empty() && !private(src.letters, q.node) => {
                format!("Het pad loopt nog; volgende stap: {}.", titled(q.node))
            }
            _ => "Het pad loopt nog.".to_string(),
        },
    };
    out.push(stand);
    out
}

/// The referrals carried out on the main path (never one of the Meldcode), with whom to reach.
fn referrals(src: &Sources<'_, '_>, main: &Flow) -> Vec<String> {
    let mut out = Vec::new();
    for v in &src.summary.verwijzingen {
        let Some(node) = main
            .node(&v.knoop)
            .filter(|n| matches!(n.body, Body::Referral { .. }) && !private(src.letters, n))
        else {
            continue;
        };
        if v.status != REFERRED {
            continue;
        }
        let mut whom: Vec<String> = v
            .kaart
            .iter()
            .map(|c| {
                let mut p = c.naam.clone();
                let reach = c.line();
                if !reach.is_empty() {
                    p.push_str(&format!(" ({reach})"));
                }
                if let Some(how) = &c.aanmelden {
                    p.push_str(&format!("; aanmelden: {}", how.trim().replace('\n', " ")));
                }
                p
            })
            .collect();
        whom.extend(
            v.andere
                .iter()
                .map(|a| format!("{a} (niet op de Sociale Kaart)")),
        );
        if v.geen_passend_aanbod {
            whom.push("geen passend aanbod".to_string());
        }
        out.push(format!("{}: {}", titled(node), whom.join(" · ")));
    }
    if out.is_empty() {
        out.push("Geen verwijzingen uitgevoerd.".to_string());
    }
    out
}

/// The actions of this recipient's list that are still open.
fn open_actions(src: &Sources<'_, '_>, main: &Flow) -> Vec<String> {
    let mut out = Vec::new();
    for (node_id, action) in src.recipient.action_pairs() {
        let Some(node) = main.node(node_id).filter(|n| !private(src.letters, n)) else {
            continue;
        };
        let open = src
            .summary
            .checklists
            .iter()
            .rev()
            .find(|c| c.knoop == node_id)
            .and_then(|c| c.acties.iter().find(|a| a.id == action))
            .filter(|a| a.status == Status::NietGedaan);
        if let Some(a) = open {
            out.push(format!("{} ({})", a.tekst, titled(node)));
        }
    }
    if out.is_empty() {
        out.push(format!(
            "Geen openstaande acties voor {}.",
            src.recipient.name
        ));
    }
    out
}

/// What the main path waits for, unless that stays in the own file.
fn waits(src: &Sources<'_, '_>, main: &Flow) -> Vec<String> {
    let paused = journal::pause(src.session.events()).and_then(|(key, since, expected)| {
        let node = main.node(key).filter(|n| !private(src.letters, n))?;
        let mut l = format!(
            "Wacht op: {} (sinds {}",
            titled(node),
            since.to_zoned(src.zone.clone()).strftime("%d-%m-%Y")
        );
        if let Some(d) = expected {
            l.push_str(&format!(", verwacht {}", d.strftime("%d-%m-%Y")));
        }
        l.push_str(").");
        Some(l)
    });
    vec![paused.unwrap_or_else(|| "Het pad wacht nu nergens op.".to_string())]
}

/// Who answered, in the order they first did: role, with initials when given.
fn filled_in_by(session: &Session<'_>, main: &Flow) -> Vec<String> {
    let events = session.events();
    let mut out: Vec<String> = Vec::new();
    for (event, actor) in events.iter().zip(journal::acted_by(events)) {
        if !matches!(event, journal::Event::Antwoord { .. }) {
            continue;
        }
        if let Some(who) = Who::of(main, actor).map(|w| w.to_string()) {
            if !out.contains(&who) {
                out.push(who);
            }
        }
    }
    out
}
