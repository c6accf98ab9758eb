//! The rules an answer must keep, written once. The walk applies them before it moves on, and
//! the prompters ask them ("would this answer be accepted?") through [`Question::check`] before
//! they hand an answer back, so that a person can be asked again and an answers file can be
//! reported at the right line. A refusal is a [`Mismatch`]: a typed reason with one Dutch text.
//!
//! One rule holds for new answers only: no free text (a reason, a note, the name of a provider
//! typed by hand) may hold a BSN ([`free_text`]). [`Question::check`] and `Session::answer`
//! apply it; a journal replayed from a session file does not, so that a session stored before
//! the rule still opens.
//!
//! [`Question::check`]: crate::engine::question::Question::check

use std::fmt;

use crate::engine::answer::{Answer, Mark, Status};
use crate::engine::proposal::Proposal;
use crate::flow::model::{Body, Node};

/// A criterion ticked in advance, with the earlier answer that ticked it (in words). Unticking
/// it needs a note ([`Mismatch::PresetUnticked`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Preset {
    pub id: String,
    pub because: String,
}

/// Why an answer does not fit its question. The text (`Display`) is Dutch, without the
/// question: the one who shows it says where.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Mismatch {
    /// The rules of the decision leave one option; another was chosen.
    BindingProposal {
        chosen: String,
        proposed: String,
        /// The conditions that decided it, in words.
        reasons: Vec<String>,
    },
    /// Overruling the proposal is allowed, but only with a reason.
    ReasonRequired { chosen: String, proposed: String },
    /// The option is not one of the question's options.
    NotAnOption { chosen: String, valid: Vec<String> },
    /// A checklist marks an action the box does not have.
    NotAnAction { id: String },
    /// A criteria answer names a criterion the question does not have.
    NotACriterion { id: String },
    /// A referral names no provider, nobody typed by hand, and no "geen passend aanbod".
    NothingChosen,
    /// "Geen passend aanbod" together with a provider.
    GapWithProvider,
    /// An answer of another kind than the question asks (a choice at a checklist, say).
    WrongKind {
        answer: &'static str,
        question: &'static str,
    },
    /// A free text of the answer holds a BSN (see [`crate::bsn`]); `field` names it in Dutch
    /// ("toelichting", "notitie", "naam van de andere hulpverlener").
    Bsn { field: &'static str },
    /// Going back to change an answer of the Kindcheck, the Meldcode or D1 without a reason
    /// ([`reason_to_change`]).
    ChangeNeedsReason,
    /// An option that is recorded only with a reason (`toelichting-verplicht`), without one.
    OptionNeedsReason { chosen: String },
    /// A mandatory action (`verplicht`) marked n.v.t.
    MandatoryAction { action: String },
    /// A criterion ticked in advance by earlier answers was unticked without a note saying why.
    PresetUnticked { criteria: Vec<String> },
    /// A text answer that is empty (or only spaces); `pausable`: the question may be answered
    /// later instead.
    EmptyText { pausable: bool },
    /// Going on after an end whose flow gives no `vervolg:` (or not at an end at all).
    NoContinuation { end: String },
    /// Going on after an end without saying why.
    ContinuationNeedsReason,
}

/// The Dutch name of each free text of an answer, as [`Mismatch::Bsn`] gives it.
pub const REASON: &str = "toelichting";
pub const NOTE: &str = "notitie";
pub const OTHER: &str = "naam van de andere hulpverlener";
pub const BACK_REASON: &str = "reden";
/// The text of a text answer: "het antwoord" (see [`the`]).
pub const TEXT: &str = "antwoord";

/// A field's Dutch name with its article: "de notitie", "het antwoord".
pub(crate) fn the(field: &str) -> String {
    let article = if field == TEXT { "het" } else { "de" };
    format!("{article} {field}")
}

impl fmt::Display for Mismatch {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Mismatch::BindingProposal {
                chosen,
                proposed,
                reasons,
            } => write!(
                f,
                "'{chosen}' kan hier niet: op grond van {} volgt altijd '{proposed}'",
                reasons.join("; ")
            ),
            Mismatch::ReasonRequired { chosen, proposed } => write!(
                f,
                "'{chosen}' wijkt af van het voorstel '{proposed}'; afwijken mag, maar alleen met een reden"
            ),
            Mismatch::NotAnOption { chosen, valid } => {
                write!(f, "'{chosen}' is geen optie; kies uit: {}", valid.join(", "))
            }
            Mismatch::NotAnAction { id } => write!(f, "'{id}' is geen actie van deze stap"),
            Mismatch::NotACriterion { id } => {
                write!(f, "'{id}' is geen criterium van deze vraag")
            }
            Mismatch::NothingChosen => {
                f.write_str("er is geen hulpverlener of organisatie gekozen of ingevuld")
            }
            Mismatch::GapWithProvider => f.write_str(
                "'geen passend aanbod' gaat niet samen met een gekozen hulpverlener of organisatie",
            ),
            Mismatch::WrongKind { answer, question } => write!(
                f,
                "een antwoord van soort '{answer}' past niet bij een vraag van soort '{question}'"
            ),
            Mismatch::Bsn { field } => write!(f, "{} {}", the(field), crate::bsn::SEEMS),
            Mismatch::ChangeNeedsReason => f.write_str(
                "een antwoord bij de Kindcheck, de Meldcode, D1 (PPM) of het verdergaan na een einde wijzigt u alleen met een reden",
            ),
            Mismatch::OptionNeedsReason { chosen } => write!(
                f,
                "'{chosen}' wordt alleen vastgelegd met een toelichting die zegt waarom"
            ),
            Mismatch::MandatoryAction { action } => write!(
                f,
                "'{action}' moet in elk geval gebeuren en kan niet n.v.t. zijn; markeer het als gedaan, of laat het open (niet gedaan) zodat het op de actielijst komt"
            ),
            Mismatch::PresetUnticked { criteria } => write!(
                f,
                "{} staat vooraf aangevinkt op grond van eerdere antwoorden; uitvinken mag, maar alleen met een notitie die zegt waarom",
                criteria
                    .iter()
                    .map(|c| format!("'{c}'"))
                    .collect::<Vec<_>>()
                    .join(" en ")
            ),
            Mismatch::EmptyText { pausable: false } => {
                f.write_str("het antwoord is leeg; typ een antwoord")
            }
            Mismatch::EmptyText { pausable: true } => f.write_str(
                "het antwoord is leeg; typ een antwoord, of kies 'later' als het nog niet bekend is",
            ),
            Mismatch::NoContinuation { end } => write!(
                f,
                "na het einde '{end}' gaat de sessie niet verder: de flow geeft daar geen vervolg"
            ),
            Mismatch::ContinuationNeedsReason => f.write_str(
                "verder na een einde kan alleen met een reden: wat is er later gebeurd?",
            ),
        }
    }
}

/// Whether changing the answer to `key` needs a reason: every answer of the Kindcheck and
/// the Meldcode (the sub-flow `meldcode`, wherever it is called), the answer to D1
/// (psychopathologie, psychosociale problemen en/of middelengebruik), and going on after an
/// end (`vervolg`: taking it back closes the session again).
pub fn reason_to_change(set: &crate::flow::set::FlowSet, key: &str) -> bool {
    let mut flow = set.main();
    for id in key.split('/') {
        let Some(node) = flow.node(id) else {
            return false;
        };
        if matches!(node.body, Body::End { .. }) {
            return true;
        }
        let d1 = node.id == "D1" || node.blueprint.as_deref() == Some("D1");
        if d1 && flow.id == set.main().id {
            return true;
        }
        if let Body::Subflow { flow: callee, .. } = &node.body {
            if callee == "meldcode" {
                return true;
            }
            match set.get(callee) {
                Some(f) => flow = f,
                None => return false,
            }
        }
    }
    false
}

/// The reason given on going back: required where [`reason_to_change`] says so, and never a
/// BSN. Returns it trimmed (`None` when empty).
pub fn back_reason(required: bool, reason: Option<&str>) -> Result<Option<String>, Mismatch> {
    let reason = reason.map(str::trim).filter(|r| !r.is_empty());
    if reason.is_some_and(|r| crate::bsn::find(r).is_some()) {
        return Err(Mismatch::Bsn { field: BACK_REASON });
    }
    if required && reason.is_none() {
        return Err(Mismatch::ChangeNeedsReason);
    }
    Ok(reason.map(str::to_string))
}

/// Check an answer against its node and the proposal in force there; return it normalised
/// (texts trimmed, every action marked, items in the node's order, no repeats) with the id of
/// the node it leads to.
pub(crate) fn check(
    node: &Node,
    proposal: Option<&Proposal>,
    preset: &[Preset],
    answer: Answer,
) -> Result<(Answer, String), Mismatch> {
    if let (Some(p), Answer::Keuze { optie, toelichting }) = (proposal, &answer) {
        follows(p, optie.as_str(), toelichting.as_deref())?;
    }
    match (&node.body, answer) {
        (
            Body::Decision { options, .. } | Body::Wait { options, .. },
            Answer::Keuze { optie, toelichting },
        ) => {
            let choice =
                options
                    .iter()
                    .find(|o| o.id == optie)
                    .ok_or_else(|| Mismatch::NotAnOption {
                        chosen: optie.clone(),
                        valid: options.iter().map(|o| o.id.clone()).collect(),
                    })?;
            let target = choice.target.clone();
            let toelichting = clean(toelichting);
            if choice.reason_required && toelichting.is_none() {
                return Err(Mismatch::OptionNeedsReason {
                    chosen: choice.label.clone(),
                });
            }
            Ok((Answer::Keuze { optie, toelichting }, target))
        }
        (Body::Action { items, next }, Answer::Checklist { acties, notitie }) => {
            if let Some(mark) = acties.iter().find(|m| !items.iter().any(|i| i.id == m.id)) {
                return Err(Mismatch::NotAnAction {
                    id: mark.id.clone(),
                });
            }
            // The last mark of an action counts; an action not marked is not done.
            let acties: Vec<Mark> = items
                .iter()
                .map(|item| Mark {
                    id: item.id.clone(),
                    status: acties
                        .iter()
                        .rev()
                        .find(|m| m.id == item.id)
                        .map_or(Status::NietGedaan, |m| m.status),
                })
                .collect();
            if let Some(item) = items.iter().find(|i| {
                i.mandatory
                    && acties
                        .iter()
                        .any(|m| m.id == i.id && m.status == Status::Nvt)
            }) {
                return Err(Mismatch::MandatoryAction {
                    action: item.text.clone(),
                });
            }
            let notitie = clean(notitie);
            Ok((Answer::Checklist { acties, notitie }, next.clone()))
        }
        (Body::Criteria { items, next, .. }, Answer::Criteria { gelden, notitie }) => {
            if let Some(id) = gelden.iter().find(|id| !items.iter().any(|i| &i.id == *id)) {
                return Err(Mismatch::NotACriterion { id: id.clone() });
            }
            // Keep the node's order and drop repeats.
            let gelden: Vec<String> = items
                .iter()
                .filter(|i| gelden.contains(&i.id))
                .map(|i| i.id.clone())
                .collect();
            let notitie = clean(notitie);
            let unticked: Vec<String> = preset
                .iter()
                .filter(|p| !gelden.contains(&p.id))
                .filter_map(|p| items.iter().find(|i| i.id == p.id))
                .map(|i| i.text.clone())
                .collect();
            if !unticked.is_empty() && notitie.is_none() {
                return Err(Mismatch::PresetUnticked { criteria: unticked });
            }
            Ok((Answer::Criteria { gelden, notitie }, next.clone()))
        }
        (
            Body::Referral { next, .. },
            Answer::Verwijzing {
                kaart,
                aanbieders,
                geen_passend_aanbod,
                notitie,
            },
        ) => {
            let (kaart, aanbieders) = (tidy(kaart), tidy(aanbieders));
            referral(
                !(kaart.is_empty() && aanbieders.is_empty()),
                geen_passend_aanbod,
            )?;
            let answer = Answer::Verwijzing {
                kaart,
                aanbieders,
                geen_passend_aanbod,
                notitie: clean(notitie),
            };
            Ok((answer, next.clone()))
        }
        (
            Body::Wait {
                follow_up: Some(rule),
                ..
            },
            Answer::Opvolging { id, verwacht },
        ) => Ok((Answer::Opvolging { id, verwacht }, rule.resume.clone())),
        (Body::Text { next, .. }, Answer::Tekst { tekst }) => {
            let tekst = clean(Some(tekst)).ok_or(Mismatch::EmptyText {
                pausable: node.pausable,
            })?;
            Ok((Answer::Tekst { tekst }, next.clone()))
        }
        (body, answer) => Err(Mismatch::WrongKind {
            answer: kind_of(&answer),
            question: body.kind().dutch(),
        }),
    }
}

/// No free text of a new answer holds a BSN: the reason, the note, the name of a provider
/// typed by hand, or a text answer.
pub(crate) fn free_text(answer: &Answer) -> Result<(), Mismatch> {
    let (field, note) = match answer {
        Answer::Keuze { toelichting, .. } => (REASON, toelichting.as_ref()),
        Answer::Checklist { notitie, .. }
        | Answer::Criteria { notitie, .. }
        | Answer::Verwijzing { notitie, .. } => (NOTE, notitie.as_ref()),
        Answer::Tekst { tekst } => (TEXT, Some(tekst)),
        Answer::Vervolg { reden, .. } => (BACK_REASON, Some(reden)),
        Answer::Opvolging { .. } => return Ok(()),
    };
    let others: &[String] = match answer {
        Answer::Verwijzing { aanbieders, .. } => aanbieders,
        _ => &[],
    };
    let texts = note
        .into_iter()
        .map(|t| (field, t))
        .chain(others.iter().map(|t| (OTHER, t)));
    for (field, text) in texts {
        if crate::bsn::find(text).is_some() {
            return Err(Mismatch::Bsn { field });
        }
    }
    Ok(())
}

/// The proposal rules: a binding proposal leaves one option; overruling another proposal needs
/// a reason.
fn follows(p: &Proposal, chosen: &str, reason: Option<&str>) -> Result<(), Mismatch> {
    if p.option == chosen {
        return Ok(());
    }
    if p.binding {
        return Err(Mismatch::BindingProposal {
            chosen: chosen.to_string(),
            proposed: p.option.clone(),
            reasons: p.reasons.clone(),
        });
    }
    if reason.is_none_or(|t| t.trim().is_empty()) {
        return Err(Mismatch::ReasonRequired {
            chosen: chosen.to_string(),
            proposed: p.option.clone(),
        });
    }
    Ok(())
}

/// The referral rules on their own, for a front end that asks the names of providers off the
/// map only after the ticks: something must be chosen (`chosen`: a provider on the map or one
/// typed by hand), and "geen passend aanbod" (`gap`) stands alone.
pub(crate) fn referral(chosen: bool, gap: bool) -> Result<(), Mismatch> {
    match (chosen, gap) {
        (false, false) => Err(Mismatch::NothingChosen),
        (true, true) => Err(Mismatch::GapWithProvider),
        _ => Ok(()),
    }
}

/// Names trimmed, empty ones and repeats dropped, in the order given.
fn tidy(list: Vec<String>) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for item in list.into_iter().map(|a| a.trim().to_string()) {
        if !item.is_empty() && !out.contains(&item) {
            out.push(item);
        }
    }
    out
}

fn kind_of(answer: &Answer) -> &'static str {
    match answer {
        Answer::Keuze { .. } => "keuze",
        Answer::Checklist { .. } => "checklist",
        Answer::Verwijzing { .. } => "verwijzing",
        Answer::Criteria { .. } => "criteria",
        Answer::Tekst { .. } => "tekst",
        Answer::Opvolging { .. } => "opvolging",
        Answer::Vervolg { .. } => "vervolg",
    }
}

/// Going on after the end `end` (see [`Answer::Vervolg`]): the end must allow it (`vervolg:`
/// in the flow, to the same node) and the answer must say why. Returns the answer as kept and
/// the node to go on at.
pub(crate) fn continuation(end: &Node, answer: Answer) -> Result<(Answer, String), Mismatch> {
    let Body::End {
        continuation: Some(allowed),
        ..
    } = &end.body
    else {
        return Err(Mismatch::NoContinuation {
            end: end.id.clone(),
        });
    };
    let Answer::Vervolg { naar, reden } = answer else {
        return Err(Mismatch::WrongKind {
            answer: kind_of(&answer),
            question: end.body.kind().dutch(),
        });
    };
    if naar != allowed.target {
        return Err(Mismatch::NoContinuation {
            end: end.id.clone(),
        });
    }
    let reden = clean(Some(reden)).ok_or(Mismatch::ContinuationNeedsReason)?;
    Ok((Answer::Vervolg { naar, reden }, allowed.target.clone()))
}

/// The reason to go on after an end, as a front end asks it: not empty, and no BSN.
pub(crate) fn continuation_reason(reason: &str) -> Result<(), Mismatch> {
    if reason.trim().is_empty() {
        return Err(Mismatch::ContinuationNeedsReason);
    }
    free_text(&Answer::Vervolg {
        naar: String::new(),
        reden: reason.to_string(),
    })
}

fn clean(text: Option<String>) -> Option<String> {
    text.map(|t| t.trim().to_string()).filter(|t| !t.is_empty())
}

#[cfg(test)]
mod tests;
