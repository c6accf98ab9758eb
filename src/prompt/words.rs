//! What the person-facing prompters (terminal and plain lines) say in the same words: a
//! decision's proposal (what zorgpad proposes, on which grounds or that no rule for another
//! proposal held, and whether it may be overruled) and an action of a checklist (with the role
//! that does it and whether it is mandatory). The prompters only lay the lines out their own
//! way.

use crate::engine::question::Question;
use crate::flow::model::{Action, Choice};

/// An action as listed: with the role when another role than the question's does it, and
/// "(verplicht)" when it cannot be n.v.t.
pub(crate) fn action_label(question: &Question<'_>, a: &Action) -> String {
    let label = match &a.role {
        Some(r) if Some(r) != question.role.as_ref().map(|x| &x.id) => {
            format!("{} [{}]", a.text, question.flow.role_label(r))
        }
        _ => a.text.clone(),
    };
    if a.mandatory {
        format!("{label} (verplicht)")
    } else {
        label
    }
}

/// The proposal as a heading, its grounds (one per line) and the closing line; `None` for a
/// question without a proposal. `help` says how to get the explanation ("zie de uitleg: ?").
pub(crate) fn proposal_lines(
    question: &Question<'_>,
    options: &[Choice],
    help: &str,
) -> Option<(String, Vec<String>, &'static str)> {
    let p = question.proposal.as_ref()?;
    let label = options
        .iter()
        .find(|o| o.id == p.option)
        .map_or(p.option.as_str(), |o| o.label.as_str());
    let heading = if p.reasons.is_empty() {
        // The rules' fallback ('anders'): no rule held. Say so, not "nothing ticked": at D2
        // the fallback is complex exactly because the conditions for enkelvoudig were not both
        // ticked.
        format!(
            "Voorstel van zorgpad: {label}. Geen van de regels voor een ander voorstel geldt ({help}); dit is wat de flow dan voorstelt."
        )
    } else {
        format!("Voorstel van zorgpad: {label}, op grond van:")
    };
    let closing = if p.binding {
        "Volgens de blauwdruk geldt dan altijd deze route."
    } else {
        "U beslist: bevestig het voorstel, of wijk af met een reden."
    };
    Some((heading, p.reasons.clone(), closing))
}

/// The end an option leads to when choosing it ends the whole session (an end of the main
/// flow, not of a sub-flow, which returns to its caller). Such a choice is confirmed first: one
/// Enter or number too many must not close the path.
pub(crate) fn ends_the_session<'f>(
    question: &Question<'f>,
    option: &Choice,
) -> Option<&'f crate::flow::model::Node> {
    if !question.calls.is_empty() {
        return None;
    }
    let target = question.flow.node(&option.target)?;
    matches!(target.body, crate::flow::model::Body::End { .. }).then_some(target)
}

/// "Hiermee rondt u de sessie af ('Geen actie op dit moment'). Klopt dat?"
pub(crate) fn end_confirmation(end: &crate::flow::model::Node) -> String {
    format!("Hiermee rondt u de sessie af ('{}'). Klopt dat?", end.title)
}

/// What "later" means at this question, as the extra line of a list says it: put a wait off
/// as a follow-up while the path goes on; leave a follow-up open; or pause the session.
pub(crate) fn later_label(question: &Question<'_>) -> &'static str {
    if question.deferrable {
        "⏭ Later — als opvolging; het pad gaat nu verder"
    } else if question.follow_up.is_some() {
        "⏸ Nog niet — de opvolging blijft open"
    } else {
        "⏸ Nog niet — later verder (de sessie wordt bewaard)"
    }
}

/// The line above a question that belongs to a follow-up, not to the main path.
pub(crate) fn follow_up_line(question: &Question<'_>) -> Option<String> {
    let f = question.follow_up.as_ref()?;
    Some(if f.due {
        format!(
            "Opvolging ({}): deze vraag stond open en moet nu beantwoord worden, voordat het pad verder gaat.",
            f.id
        )
    } else {
        format!(
            "Opvolging ({}): een vraag die naast het pad open stond.",
            f.id
        )
    })
}
