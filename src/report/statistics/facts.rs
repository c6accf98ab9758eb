//! What one stored session adds to the practice's counts.

use jiff::Timestamp;

use crate::engine::answer::Answer;
use crate::engine::session::Session;
use crate::engine::step::Step;
use crate::flow::model::Body;
use crate::report::statistics::counts::{Counts, Named, Version};
use crate::report::summary::Summary;
use crate::store::pinned::FlowCache;
use crate::store::Record;

pub(crate) const UNKNOWN_GEMEENTE: &str = "Onbekend";
pub(crate) const NOT_DONE: &str = "Nog niet afgerond";
pub(crate) const NOT_REPLAYABLE: &str = "Niet na te spelen (flow gewijzigd of ontbreekt)";

/// The end of the Meldcode that is a report to Veilig Thuis.
const REPORT_END: &str = "AK-gemeld";

/// Count one session: its gemeente and month, and under its flow and map version the rest.
pub(crate) fn add(record: &Record, month: String, cache: &mut FlowCache<'_>, counts: &mut Counts) {
    let gemeente = record
        .gemeente
        .clone()
        .unwrap_or_else(|| UNKNOWN_GEMEENTE.to_string());
    counts.month(month);
    *counts.gemeenten.entry(gemeente.clone()).or_default() += 1;
    let named = |f: &crate::store::fingerprint::Fingerprint| Named {
        naam: f.naam.clone(),
        versie: f.versie.clone(),
    };
    let version = counts.version(named(&record.flow), record.kaart.as_ref().map(named));
    version.sessies += 1;
    let set = cache.get(record);
    let session = set.and_then(|set| Session::from_journal(set, record.journaal.clone()).ok());
    let Some(session) = session else {
        *version
            .uitkomsten
            .entry(NOT_REPLAYABLE.to_string())
            .or_default() += 1;
        return;
    };
    let walk = session.walk();
    let outcome = match walk.outcome() {
        Some(node) => match &node.blueprint {
            Some(b) => format!("{b}: {}", node.title),
            None => node.title.clone(),
        },
        None => NOT_DONE.to_string(),
    };
    *version.uitkomsten.entry(outcome).or_default() += 1;
    referrals(&session, &gemeente, version);
    let steps = walk.steps();
    proposals(steps, version);
    appointment(steps, version);
    meldcode(steps, version);
    let (start, _) = crate::engine::in_force::in_force(&record.journaal);
    if let Some(start) = start {
        times(start, steps, version);
    }
}

/// Referral categories (a referral carried out, or a gap in the map), once per session.
fn referrals(session: &Session<'_>, gemeente: &str, version: &mut Version) {
    let summary = Summary::of(session, None);
    let mut seen: Vec<(&str, bool)> = Vec::new();
    // A referral only proposed (no consent) is no referral; a gap in the map still counts.
    for v in summary
        .verwijzingen
        .iter()
        .filter(|v| v.status == crate::report::summary::REFERRED || v.geen_passend_aanbod)
    {
        match seen.iter_mut().find(|(c, _)| *c == v.categorie) {
            Some((_, gap)) => *gap |= v.geen_passend_aanbod,
            None => seen.push((&v.categorie, v.geen_passend_aanbod)),
        }
    }
    for (category, gap) in seen {
        *version
            .verwijzingen
            .entry(category.to_string())
            .or_default() += 1;
        if gap {
            *version
                .geen_passend_aanbod
                .entry(category.to_string())
                .or_default()
                .entry(gemeente.to_string())
                .or_default() += 1;
        }
    }
}

/// The label of an option of a decision or a wait.
fn label(step: &Step<'_>, id: &str) -> String {
    match &step.node.body {
        Body::Decision { options, .. } | Body::Wait { options, .. } => options
            .iter()
            .find(|o| o.id == id)
            .map_or_else(|| id.to_string(), |o| o.label.clone()),
        _ => id.to_string(),
    }
}

fn place(step: &Step<'_>) -> String {
    match &step.node.blueprint {
        Some(b) => format!("{b} {}", step.node.title),
        None => step.node.title.clone(),
    }
}

/// Every decision answered with a proposal: the option proposed and the option chosen.
fn proposals(steps: &[Step<'_>], version: &mut Version) {
    for step in steps {
        let (Some(p), Some(Answer::Keuze { optie, .. })) = (&step.proposal, &step.answer) else {
            continue;
        };
        version.proposal(place(step), label(step, &p.option), label(step, optie), 1);
    }
}

/// The answers at D4 on the main path: the last one in force, and whether one of them was an
/// option that asks D4 again (a new appointment).
fn appointment(steps: &[Step<'_>], version: &mut Version) {
    let mut last = None;
    let mut again = false;
    for s in steps
        .iter()
        .filter(|s| s.calls.is_empty() && s.node.blueprint.as_deref() == Some("D4"))
    {
        let (Body::Wait { options, .. }, Some(Answer::Keuze { optie, .. })) =
            (&s.node.body, &s.answer)
        else {
            continue;
        };
        again |= options
            .iter()
            .any(|o| o.id == *optie && o.target == s.node.id);
        last = Some(label(s, optie));
    }
    if let Some(last) = last {
        *version.verschijnen.entry(last).or_default() += 1;
        if again {
            version.nieuwe_afspraak += 1;
        }
    }
}

/// Each run of a sub-flow by the end reached in it, and whether the session reported to
/// Veilig Thuis.
fn meldcode(steps: &[Step<'_>], version: &mut Version) {
    if !steps.iter().any(|s| !s.calls.is_empty()) {
        return;
    }
    let mut reported = false;
    for step in steps
        .iter()
        .filter(|s| !s.calls.is_empty() && matches!(s.node.body, Body::End { .. }))
    {
        reported |= step.node.id == REPORT_END;
        *version.meldcode.entry(step.node.title.clone()).or_default() += 1;
    }
    if reported {
        version.melding_veilig_thuis.ja += 1;
    } else {
        version.melding_veilig_thuis.nee += 1;
    }
}

/// When the session first answered on the main path at a box of these blueprint labels.
fn first(steps: &[Step<'_>], labels: &[&str], kind: fn(&Body) -> bool) -> Option<Timestamp> {
    steps
        .iter()
        .find(|s| {
            s.calls.is_empty()
                && s.answer.is_some()
                && s.node
                    .blueprint
                    .as_deref()
                    .is_some_and(|b| labels.contains(&b))
                && kind(&s.node.body)
        })
        .map(|s| s.at)
}

/// The whole days between the intake (the start), the referral, the MDO and the handover.
fn times(start: Timestamp, steps: &[Step<'_>], version: &mut Version) {
    let referral = first(steps, &["B3", "B4"], |b| matches!(b, Body::Referral { .. }));
    let mdo = first(steps, &["B7"], |b| {
        matches!(
            b,
            Body::Action { .. } | Body::Decision { .. } | Body::Wait { .. }
        )
    });
    let handover = first(steps, &["B8"], |b| matches!(b, Body::Action { .. }));
    for (key, from, to) in [
        ("intake-verwijzing", Some(start), referral),
        ("verwijzing-mdo", referral, mdo),
        ("mdo-overdracht", mdo, handover),
        ("intake-mdo", Some(start), mdo),
        ("intake-overdracht", Some(start), handover),
    ] {
        if let (Some(from), Some(to)) = (from, to) {
            let days = (to.duration_since(from).as_secs_f64() / 86_400.0).round();
            let list = version.doorlooptijden.entry(key.to_string()).or_default();
            list.push(days.max(0.0) as u64);
            list.sort_unstable();
        }
    }
}
