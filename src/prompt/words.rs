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

/// The extra line that adds a note to a choice, and to a list of ticks (checklist, criteria,
/// referral): pick it, then give the answer; the note is asked after the answer is saved.
pub(crate) const WITH_REASON: &str = "✎ Met toelichting…";
pub(crate) const WITH_NOTE: &str = "✎ Met notitie…";
/// The extra line that shows the questions answered so far.
pub(crate) const ROUTE: &str = "⋯ Route tot nu toe";
/// The first line of a weighty choice, where the cursor starts: Enter there picks nothing.
pub(crate) const PICK_FIRST: &str = "— kies een antwoord —";
/// What Enter alone on [`PICK_FIRST`] (or no number in plain lines) says.
pub(crate) const PICK_FIRST_SAID: &str =
    "Kies eerst een antwoord: bij deze vraag legt Enter alleen niets vast.";

/// Whether the question is weighty (`zwaarwegend: true` in the flow): its answer is never
/// taken from Enter alone on a pre-selected option. A choice that ends the session is
/// confirmed anyway ([`ends_the_session`]).
pub(crate) fn weighty(question: &Question<'_>) -> bool {
    question.node.weighty
}

/// "Stap 2 van 5 · B4": the blueprint step out of the highest step of the flow, and the
/// blueprint label of the box (or of the call it sits in); `None` without either.
pub(crate) fn progress(question: &Question<'_>) -> Option<String> {
    let mut parts = Vec::new();
    match (question.step, question.last_step) {
        (Some(step), Some(last)) if last >= step => parts.push(format!("Stap {step} van {last}")),
        (Some(step), _) => parts.push(format!("Stap {step}")),
        _ => {}
    }
    let label = question.node.blueprint.as_deref().or_else(|| {
        question
            .calls
            .iter()
            .rev()
            .find_map(|c| c.blueprint.as_deref())
    });
    parts.extend(label.map(str::to_string));
    (!parts.is_empty()).then(|| parts.join(" · "))
}

/// The route so far as short lines, one per question answered: "B1 · Intake en screening:
/// 2 van 2 gedaan". Providers of the Sociale Kaart are named when `offer` knows them.
pub(crate) fn route_lines(
    question: &Question<'_>,
    offer: Option<&crate::kaart::Offer<'_>>,
) -> Vec<String> {
    question
        .answered
        .iter()
        .filter_map(|step| {
            let answer = step.answer.as_ref()?;
            let mut said = answer.in_words(step.node, &|id| {
                offer
                    .and_then(|o| o.kaart.provider(id))
                    .map_or_else(|| id.to_string(), |p| p.name.clone())
            });
            if let Some(note) = answer.note() {
                said.push_str(&format!(" (toelichting: {note})"));
            }
            let label = step
                .node
                .blueprint
                .as_deref()
                .or_else(|| step.calls.iter().rev().find_map(|c| c.blueprint.as_deref()))
                .unwrap_or(step.node.id.as_str());
            Some(format!("{label} · {}: {said}", step.node.title))
        })
        .collect()
}

/// The question after "later": when the session is expected to go on, or — for a wait put off
/// as a follow-up, while the path goes on now — when its answer is expected.
pub(crate) fn expected_date_question(deferring: bool) -> &'static str {
    if deferring {
        "Wanneer verwacht u het antwoord op deze vraag?"
    } else {
        "Wanneer verwacht u verder te gaan?"
    }
}
