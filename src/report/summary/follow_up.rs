//! The follow-ups in the summary: each wait put off while the path went on, with what was
//! answered since. Apart from [`super`] so that each stays short.

use jiff::Timestamp;
use serde::Serialize;

use crate::engine::session::Session;
use crate::kaart::Offer;
use crate::report::summary::collect::{open_action, Parts, NO_ROLE};
use crate::report::summary::words::{label_for_key, place};
use crate::report::summary::{RouteContact, RouteRow, Who, FOLLOW_UP_OPEN, FOLLOW_UP_TODO};

/// A follow-up: the question put off, when and by whom, by when it is expected, and what was
/// answered since.
#[derive(Debug, Clone, Serialize)]
pub struct FollowUpRecord {
    /// Its id in the session (`zorgpad opvolgen ID --opvolging …`).
    pub id: String,
    /// The question as the route shows it ("Afwegingskader — vraag 5: Leidt de hulp …?").
    pub vraag: String,
    pub uitgesteld: Timestamp,
    pub door: Option<Who>,
    pub verwacht: Option<jiff::civil::Date>,
    /// The box of the main path where it is asked at the latest (`uiterlijk`), as a reader
    /// names it.
    pub uiterlijk: Option<String>,
    /// Still waiting for an answer.
    pub open: bool,
    /// What was answered since, in order.
    pub stappen: Vec<RouteRow>,
    /// How it ended, when it passed an end (a report to Veilig Thuis, say).
    pub uitkomst: Option<String>,
    /// While it is open at a box with `kaart:` in the flow (Veilig Thuis): whom to reach.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub contact: Option<RouteContact>,
}

/// The follow-ups of the session, each with its own steps. What they did also counts where the
/// rest of the summary collects it (checklists, referrals, open actions, "Let op"); an open one
/// is named under "Let op" until it is answered.
pub(super) fn follow_ups(
    session: &Session<'_>,
    offer: Option<Offer<'_>>,
    parts: &mut Parts,
) -> Vec<FollowUpRecord> {
    let main = session.walk().main();
    let mut records = Vec::new();
    for f in session.walk().follow_ups() {
        let mut own = Parts::default();
        own.add_steps(session, f.steps(), offer, Some(f.id.as_str()));
        parts.let_op.append(&mut own.let_op);
        parts.checklists.append(&mut own.checklists);
        parts.verwijzingen.append(&mut own.verwijzingen);
        for (role, mut open) in std::mem::take(&mut own.open_acties) {
            parts.open_acties.entry(role).or_default().append(&mut open);
        }
        let vraag = label_for_key(session, &f.deferred.key());
        let latest = f.latest().map(|id| {
            crate::engine::walk::node_for_key(session.flows(), id)
                .map_or_else(|| id.to_string(), place)
        });
        if f.is_open() {
            let mut line = format!("{FOLLOW_UP_OPEN}{vraag}");
            if let Some(d) = f.expected() {
                line.push_str(&format!(", verwacht {}", d.strftime("%d-%m-%Y")));
            }
            if let Some(latest) = &latest {
                line.push_str(&format!(", uiterlijk bij {latest}"));
            }
            parts.let_op.push(line);
            // Also on the list of what is still to be done, for whoever put it off.
            let who = f
                .deferred
                .role
                .as_ref()
                .map_or_else(|| NO_ROLE.to_string(), |r| r.label.clone());
            let mut todo = format!("{FOLLOW_UP_TODO}{}", f.question());
            if let Some(d) = f.expected() {
                todo.push_str(&format!(", verwacht {}", d.strftime("%d-%m-%Y")));
            }
            parts
                .open_acties
                .entry(who)
                .or_default()
                .push(open_action(&f.deferred, todo));
        }
        // Who put it off: the actor of that answer, on the path or in the follow-up it sits in.
        let (scope, steps) = match f.parent.and_then(|i| session.walk().follow_ups().get(i)) {
            Some(p) => (Some(p.id.as_str()), p.steps()),
            None => (None, session.walk().steps()),
        };
        let deferred_by = crate::engine::in_force::in_force_actors_in(session.events(), scope)
            .into_iter()
            .zip(steps.iter().filter(|s| s.answer.is_some()))
            .find(|(_, s)| s.key() == f.deferred.key() && s.at == f.deferred.at)
            .and_then(|(a, _)| Who::of(main, a));
        records.push(FollowUpRecord {
            id: f.id.clone(),
            vraag,
            uitgesteld: f.deferred.at,
            door: deferred_by,
            verwacht: f.expected(),
            uiterlijk: latest,
            open: f.is_open(),
            stappen: own.route,
            uitkomst: f.outcome_text(),
            contact: session
                .walk()
                .follow_up_question(&f.id)
                .and_then(|q| q.contacts)
                .and_then(|c| RouteContact::of(&c, offer)),
        });
    }
    records
}
