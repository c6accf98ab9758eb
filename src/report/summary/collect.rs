//! Collecting a summary along the walk: the route, what to watch, the sub-flow runs, the
//! checklists and referrals, and the actions still open per role. Apart from [`super`] (the
//! facts and their JSON names) so that each stays short.

use std::collections::BTreeMap;

use crate::engine::answer::{Answer, Mark, Status};
use crate::engine::condition::{self, State};
use crate::engine::session::Session;
use crate::engine::step::Step;
use crate::flow::model::{Action, Body};
use crate::kaart::Offer;
use crate::report::summary::words::{place, row, where_};
use crate::report::summary::{
    Checklist, ChecklistItem, Contact, OpenAction, Referral, RouteRow, SubflowRun, Ticked, Who,
    NOT_CARRIED_OUT, NOT_YET, REFERRED,
};

/// Who an open action is for when no role is known.
pub(super) const NO_ROLE: &str = "Zonder rol";

/// The parts of a summary that are collected step by step along the walk.
#[derive(Default)]
pub(super) struct Parts {
    pub(super) route: Vec<RouteRow>,
    pub(super) let_op: Vec<String>,
    pub(super) subflows: Vec<SubflowRun>,
    pub(super) checklists: Vec<Checklist>,
    pub(super) verwijzingen: Vec<Referral>,
    pub(super) open_acties: BTreeMap<String, Vec<OpenAction>>,
    /// The actions of the step being added that were ticked off later, by action id.
    pub(super) ticked: Vec<(String, Ticked)>,
}

impl Parts {
    /// Add the steps of the main path (`scope` `None`) or of one follow-up, each with who
    /// answered it and the actions of its answer ticked off later (`afgevinkt`).
    pub(super) fn add_steps(
        &mut self,
        session: &Session<'_>,
        steps: &[Step<'_>],
        offer: Option<Offer<'_>>,
        scope: Option<&str>,
    ) {
        let main = session.walk().main();
        let events = session.events();
        let mut actors = crate::engine::in_force::in_force_actors_in(events, scope).into_iter();
        let ticks = crate::engine::amend::ticks_in(events, scope);
        let mut answered = 0;
        for step in steps {
            let who = match step.answer {
                Some(_) => actors.next().and_then(|a| Who::of(main, a)),
                None => None,
            };
            self.ticked = match step.answer {
                Some(_) => {
                    answered += 1;
                    ticks
                        .iter()
                        .filter(|t| t.answer + 1 == answered)
                        .map(|t| {
                            let ticked = Ticked {
                                op: t.at,
                                door: Who::of(main, t.by.clone()),
                            };
                            (t.action.clone(), ticked)
                        })
                        .collect()
                }
                None => Vec::new(),
            };
            self.add(session, step, offer, who);
        }
    }

    /// Add a step; `who` answered it (when it asked something).
    pub(super) fn add(
        &mut self,
        session: &Session<'_>,
        step: &Step<'_>,
        offer: Option<Offer<'_>>,
        who: Option<Who>,
    ) {
        let kaart = offer.map(|o| o.kaart);
        let mut route_row = RouteRow {
            door: who.clone(),
            ..row(step, offer)
        };
        // The route says what was done then; what was ticked off later, it says so.
        if !self.ticked.is_empty() {
            route_row.antwoord = format!(
                "{} (waarvan {} later afgevinkt)",
                route_row.antwoord,
                self.ticked.len()
            );
        }
        self.route.push(route_row);
        if let Some(text) = flagged(step) {
            self.let_op.push(text);
        }
        if let Some(text) = overruled(step) {
            self.let_op.push(text);
        }
        // A session that was finished and went on later: the end was not the end.
        if let (Body::End { .. }, Some(Answer::Vervolg { reden, .. })) =
            (&step.node.body, &step.answer)
        {
            let by = who.as_ref().map(|w| format!(" ({w})")).unwrap_or_default();
            self.let_op.push(format!(
                "Voortgezet na het einde '{}': {}; reden: {reden}{by}",
                step.node.title,
                route_row_answer(&self.route)
            ));
        }
        // Group the steps of each sub-flow run under the call that started it.
        if let Body::Subflow { flow, .. } = &step.node.body {
            self.subflows.push(SubflowRun {
                naam: session
                    .flows()
                    .get(flow)
                    .map(|f| f.name.clone())
                    .unwrap_or_default(),
                vanuit: match &step.node.blueprint {
                    Some(b) => format!("{b}: {}", step.node.title),
                    None => step.node.title.clone(),
                },
                blauwdruk: step.node.blueprint.clone(),
                stappen: Vec::new(),
                uitkomst: None,
                checklists: Vec::new(),
            });
        } else if step.calls.len() == 1 {
            if let Some(run) = self.subflows.last_mut() {
                match &step.node.body {
                    Body::End { .. } => run.uitkomst = step.outcome.clone(),
                    _ => run.stappen.push(RouteRow {
                        door: who,
                        ..row(step, offer)
                    }),
                }
            }
        }
        match (&step.node.body, &step.answer) {
            (Body::Action { items, .. }, Some(Answer::Checklist { acties, notitie })) => {
                self.checklist(step, items, acties, notitie.clone());
            }
            (
                Body::Referral {
                    category,
                    done_when,
                    ..
                },
                Some(Answer::Verwijzing {
                    kaart: chosen,
                    aanbieders,
                    geen_passend_aanbod,
                    notitie,
                }),
            ) => {
                let contacts: Vec<Contact> =
                    chosen.iter().map(|id| Contact::of(id, kaart)).collect();
                let steps = session.walk().steps();
                let here = steps.iter().position(|s| std::ptr::eq(s, step));
                // The conditions are answered after this referral (before it is offered again).
                let states: Vec<State> = done_when
                    .iter()
                    .map(|c| {
                        condition::state_after(
                            session.flows(),
                            steps,
                            step.flow,
                            c,
                            here.unwrap_or(usize::MAX),
                        )
                    })
                    .collect();
                let status = if states
                    .iter()
                    .any(|s| matches!(s, State::Fails | State::NotApplicable))
                {
                    NOT_CARRIED_OUT
                } else if states.contains(&State::Open) {
                    NOT_YET
                } else {
                    REFERRED
                };
                // Veilig Thuis' feedback answered later at a box that shows this category
                // (the VT box): the reporter's to-do to follow it up is done.
                // The feedback may also be answered as a follow-up beside the path.
                let answers_box = |s: &Step<'_>| {
                    s.answer.is_some()
                        && !matches!(s.answer, Some(Answer::Opvolging { .. }))
                        && s.node.contact_category.as_deref() == Some(category.as_str())
                };
                let later = session
                    .walk()
                    .follow_ups()
                    .iter()
                    .flat_map(|f| f.steps())
                    .any(answers_box);
                let followed_up =
                    later || here.is_some_and(|k| steps[k + 1..].iter().any(answers_box));
                self.referral(
                    step,
                    followed_up,
                    Referral {
                        knoop: step.node.id.clone(),
                        titel: step.node.title.clone(),
                        waar: where_(step),
                        categorie: category.to_string(),
                        rol: step.role.as_ref().map(|r| r.label.clone()),
                        aanbieders: contacts
                            .iter()
                            .map(|c| c.naam.clone())
                            .chain(aanbieders.iter().cloned())
                            .collect(),
                        kaart: contacts,
                        andere: aanbieders.clone(),
                        geen_passend_aanbod: *geen_passend_aanbod,
                        notitie: notitie.clone(),
                        status,
                    },
                );
            }
            _ => {}
        }
    }

    /// A checklist answered, with its actions not done on the list of who has to do them.
    fn checklist(
        &mut self,
        step: &Step<'_>,
        items: &[Action],
        marks: &[Mark],
        notitie: Option<String>,
    ) {
        let role = step.role.as_ref().map(|r| r.label.clone());
        let list: Vec<ChecklistItem> = items
            .iter()
            .map(|item| ChecklistItem {
                id: item.id.clone(),
                tekst: item.text.clone(),
                rol: item
                    .role
                    .as_ref()
                    .map(|r| step.flow.role_label(r).to_string()),
                status: marks
                    .iter()
                    .find(|m| m.id == item.id)
                    .map_or(Status::NietGedaan, |m| m.status),
                later_afgevinkt: self
                    .ticked
                    .iter()
                    .find(|(id, _)| *id == item.id)
                    .map(|(_, t)| t.clone()),
            })
            .collect();
        for (item, action) in list.iter().zip(items) {
            if item.status == Status::NietGedaan {
                let who = item
                    .rol
                    .clone()
                    .or_else(|| role.clone())
                    .unwrap_or_else(|| NO_ROLE.to_string());
                // An action that must happen in any case and has not: where it cannot be missed.
                if action.mandatory {
                    self.let_op.push(format!(
                        "Verplichte actie staat nog open: {} ({}, {who})",
                        item.tekst,
                        where_(step)
                    ));
                }
                self.open_acties
                    .entry(who)
                    .or_default()
                    .push(open_action(step, item.tekst.clone()));
            }
        }
        // A checklist in a sub-flow run is shown with the run's steps.
        if step.calls.len() == 1 {
            if let Some(run) = self.subflows.last_mut() {
                run.checklists.push(self.checklists.len());
            }
        }
        self.checklists.push(Checklist {
            knoop: step.node.id.clone(),
            blauwdruk: step.node.blueprint.clone(),
            titel: step.node.title.clone(),
            binnen: step.calls.last().map(|c| place(c)),
            stap: step.step,
            rol: role,
            acties: list,
            notitie,
        });
    }

    /// A referral made, with what follows from it on the list of the one who made it; one
    /// only proposed (no consent yet, or refused) goes under "Let op" instead.
    fn referral(&mut self, step: &Step<'_>, followed_up: bool, referral: Referral) {
        let who = referral.rol.clone().unwrap_or_else(|| NO_ROLE.to_string());
        if referral.status != REFERRED {
            let whom = if referral.aanbieders.is_empty() {
                String::new()
            } else {
                format!(" naar {}", referral.aanbieders.join(", "))
            };
            let why = if referral.status == NOT_CARRIED_OUT {
                "niet uitgevoerd (geen toestemming of niet doorgegaan)"
            } else {
                "nog niet uitgevoerd (toestemming nog niet gevraagd)"
            };
            self.let_op.push(format!(
                "Verwijzing{whom} voorgesteld, {why} ({})",
                where_(step)
            ));
            self.verwijzingen.push(referral);
            return;
        }
        // A report to Veilig Thuis: who reported, to whom, and the phone number, on the to-do
        // list of the reporter.
        if referral.categorie == "veilig-thuis" && !followed_up {
            for c in &referral.kaart {
                let phone = c
                    .telefoon
                    .clone()
                    .unwrap_or_else(|| crate::kaart::VEILIG_THUIS_NATIONAL.to_string());
                self.open_acties.entry(who.clone()).or_default().push(open_action(
                    step,
                    format!(
                        "Melding bij {} ({phone}): volg de terugkoppeling; Veilig Thuis beoordeelt de veiligheid binnen vijf werkdagen",
                        c.naam
                    ),
                ));
            }
        }
        if referral.geen_passend_aanbod {
            self.open_acties.entry(who).or_default().push(open_action(
                step,
                format!(
                    "Geen passend aanbod in de categorie '{}': zoek een oplossing en meld het gat aan de coördinator van de Sociale Kaart",
                    referral.categorie
                ),
            ));
        }
        self.verwijzingen.push(referral);
    }
}

/// An action to do at `step`, with where it comes from.
pub(super) fn open_action(step: &Step<'_>, tekst: String) -> OpenAction {
    OpenAction {
        tekst,
        waar: where_(step),
        blauwdruk: step
            .calls
            .last()
            .map_or(&step.node.blueprint, |c| &c.blueprint)
            .clone(),
    }
}

/// The answer of the last row of the route.
fn route_row_answer(route: &[RouteRow]) -> String {
    route.last().map(|r| r.antwoord.clone()).unwrap_or_default()
}

/// A proposal of zorgpad that the professional did not follow: what was proposed, what was
/// chosen and why, so that a colleague sees the decision was taken on purpose.
fn overruled(step: &Step<'_>) -> Option<String> {
    let proposal = step.proposal.as_ref()?;
    let (Body::Decision { options, .. }, Some(Answer::Keuze { optie, toelichting })) =
        (&step.node.body, &step.answer)
    else {
        return None;
    };
    if *optie == proposal.option {
        return None;
    }
    let label = |id: &str| {
        options
            .iter()
            .find(|o| o.id == id)
            .map_or(id.to_string(), |o| o.label.clone())
    };
    let who = step
        .role
        .as_ref()
        .map(|r| format!(", {}", r.label))
        .unwrap_or_default();
    Some(format!(
        "Afgeweken van het voorstel van zorgpad: gekozen '{}', voorgesteld '{}'; reden: {} ({}{who})",
        label(optie),
        label(&proposal.option),
        toelichting.as_deref().unwrap_or("—"),
        where_(step)
    ))
}

/// What must not be missed at this step (`letop` in the flow, on the node or on the option
/// chosen; at a text question followed by the answer), with where and by whom.
fn flagged(step: &Step<'_>) -> Option<String> {
    let text = match (&step.node.body, &step.answer) {
        (
            Body::Decision { options, .. } | Body::Wait { options, .. },
            Some(Answer::Keuze { optie, .. }),
        ) => options
            .iter()
            .find(|o| &o.id == optie)
            .and_then(|o| o.notice.clone()),
        (Body::Text { .. }, Some(Answer::Tekst { tekst })) => {
            let notice = step.node.notice.as_deref()?;
            Some(format!("{}: {tekst}", notice.trim().trim_end_matches(':')))
        }
        _ => step.node.notice.clone(),
    }?;
    let place = place(step.calls.last().copied().unwrap_or(step.node));
    let who = step
        .role
        .as_ref()
        .map(|r| format!(", {}", r.label))
        .unwrap_or_default();
    Some(format!("{} (vanuit {place}{who})", text.trim()))
}
