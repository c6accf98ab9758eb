//! A box of actions and the criteria of a decision, in plain lines. Actions: which were done
//! (numbers, 'alles' or 'niets'), which of the rest do not apply (a mandatory action is never
//! offered as n.v.t.); a note only when asked for with a `+` after the numbers, after the
//! answer is saved. Criteria: which apply; those ticked in advance because of
//! earlier answers are kept unless the list is typed, and unticking one asks for the reason.
//! `t` steps back one prompt (n.v.t. → done → previous question).

use super::io::{self, Typed};
use super::Plain;
use crate::engine::answer::{Answer, Mark, Status};
use crate::engine::prompter::{question_text, Reply};
use crate::engine::question::Question;
use crate::error::Result;
use crate::flow::model::Action;

/// What was typed for a list of numbers.
enum Picked {
    Numbers(Vec<usize>),
    Back,
}

impl Plain<'_> {
    pub(super) fn ask_checklist(&self, question: &Question<'_>, items: &[Action]) -> Result<Reply> {
        if question.can_pause {
            if let Some(reply) = self.not_yet(question)? {
                return Ok(reply);
            }
        }
        // After "back", Enter alone gives the marks given before.
        let (done_before, nvt_before) = previous_marks(question, items);
        let done_prompt = match &done_before {
            Some(d) => format!(
                "Welke gedaan? (nummers gescheiden door spaties, 'alles' of 'niets'; Enter: zoals eerder, {}; een + erachter voor een notitie):",
                listed_or_none(d)
            ),
            None => "Welke gedaan? (nummers gescheiden door spaties, 'alles' of 'niets'; een + erachter voor een notitie):".to_string(),
        };
        'done: loop {
            for (i, a) in items.iter().enumerate() {
                self.say(&format!(
                    "{}. {}",
                    i + 1,
                    crate::prompt::words::action_label(question, a)
                ));
            }
            let done = match self.numbers(
                question,
                &done_prompt,
                items.len(),
                &["alles"],
                &["niets"],
                done_before.as_deref(),
            )? {
                Picked::Numbers(n) => n,
                Picked::Back => match self.back(question) {
                    Some(reply) => return Ok(reply),
                    None => continue 'done,
                },
            };
            // A mandatory action is done or stays open: it is not offered as n.v.t.
            let rest: Vec<usize> = (0..items.len())
                .filter(|k| !done.contains(k) && !items[*k].mandatory)
                .collect();
            let nvt_before: Vec<usize> = nvt_before
                .iter()
                .copied()
                .filter(|k| rest.contains(k))
                .collect();
            'nvt: loop {
                let mut nvt = Vec::new();
                if !rest.is_empty() {
                    self.say("Van de overige acties:");
                    for k in &rest {
                        self.say(&format!(
                            "{}. {}",
                            k + 1,
                            crate::prompt::words::action_label(question, &items[*k])
                        ));
                    }
                    loop {
                        match self.numbers(
                            question,
                            &match nvt_before.as_slice() {
                                [] => "Welke zijn niet van toepassing (n.v.t.)? (nummers, of Enter voor geen; de rest blijft open):".to_string(),
                                before => format!("Welke zijn niet van toepassing (n.v.t.)? (nummers, 'geen', of Enter: zoals eerder, {}; de rest blijft open):", listed(before)),
                            },
                            items.len(),
                            &["alles"],
                            &["niets", "geen"],
                            Some(&nvt_before),
                        )? {
                            Picked::Back => continue 'done,
                            Picked::Numbers(n) => {
                                // "alles" means all of the rest.
                                let n: Vec<usize> = if n.len() == items.len() {
                                    rest.clone()
                                } else {
                                    n
                                };
                                match n.iter().find(|k| !rest.contains(k) && !items[**k].mandatory) {
                                    Some(k) => self.say(&format!(
                                        "Actie {} is al gedaan. Typ alleen nummers van de overige acties.",
                                        k + 1
                                    )),
                                    None => {
                                        nvt = n;
                                        break;
                                    }
                                }
                            }
                        }
                    }
                }
                // The engine refuses a mandatory action as n.v.t.; a note is opt-in (a `+`
                // after the numbers), asked after the answer is saved.
                let answer = Answer::Checklist {
                    acties: Mark::from_picks(items, &done, &nvt),
                    notitie: None,
                };
                match question.check(&answer) {
                    Ok(()) => return Ok(Reply::Answer(answer)),
                    Err(m) => {
                        self.refused(&m);
                        if rest.is_empty() {
                            continue 'done;
                        }
                        continue 'nvt;
                    }
                }
            }
        }
    }

    pub(super) fn ask_criteria(&self, question: &Question<'_>, items: &[Action]) -> Result<Reply> {
        let preset: Vec<usize> = items
            .iter()
            .enumerate()
            .filter(|(_, a)| question.preset.iter().any(|p| p.id == a.id))
            .map(|(k, _)| k)
            .collect();
        // After "back", Enter alone gives the criteria ticked before.
        let ticked_before: Option<Vec<usize>> = match &question.previous {
            Some(Answer::Criteria { gelden, .. }) => Some(
                items
                    .iter()
                    .enumerate()
                    .filter(|(_, a)| gelden.contains(&a.id))
                    .map(|(k, _)| k)
                    .collect(),
            ),
            _ => None,
        };
        'ticks: loop {
            self.say(&question_text(question));
            for (i, a) in items.iter().enumerate() {
                match question.preset.iter().find(|p| p.id == a.id) {
                    Some(p) => self.say(&format!(
                        "{}. {} (vooraf aangevinkt: {})",
                        i + 1,
                        a.text,
                        p.because
                    )),
                    None => self.say(&format!("{}. {}", i + 1, a.text)),
                }
            }
            let prompt = if let Some(before) = &ticked_before {
                format!(
                    "Welke gelden? (nummers gescheiden door spaties, 'alle' of 'geen'; Enter: zoals eerder, {}; een + erachter voor een notitie):",
                    listed_or_none(before)
                )
            } else if preset.is_empty() {
                "Welke gelden? (nummers gescheiden door spaties, 'alle' of 'geen'; een + erachter voor een notitie):".to_string()
            } else {
                format!(
                    "Welke gelden? (nummers gescheiden door spaties, 'alle' of 'geen'; Enter: de vooraf aangevinkte, {}; een + erachter voor een notitie):",
                    listed(&preset)
                )
            };
            let ticked = match self.numbers(
                question,
                &prompt,
                items.len(),
                &["alle", "alles"],
                &["geen", "niets"],
                match &ticked_before {
                    Some(before) => Some(before.as_slice()),
                    None => (!preset.is_empty()).then_some(preset.as_slice()),
                },
            )? {
                Picked::Numbers(n) => n,
                Picked::Back => match self.back(question) {
                    Some(reply) => return Ok(reply),
                    None => continue 'ticks,
                },
            };
            let gelden: Vec<String> = ticked.iter().map(|k| items[*k].id.clone()).collect();
            let unticked: Vec<&str> = preset
                .iter()
                .filter(|k| !ticked.contains(k))
                .map(|k| items[*k].text.as_str())
                .collect();
            loop {
                let notitie = if unticked.is_empty() {
                    None
                } else {
                    match self.read(&format!(
                        "U vinkte een vooraf aangevinkt criterium uit ({}). Waarom? (verplicht, wordt vastgelegd; t terug naar de criteria):",
                        unticked.join("; ")
                    ))? {
                        Typed::Explain => {
                            self.explain(question);
                            continue;
                        }
                        Typed::Back => continue 'ticks,
                        Typed::Later => Some("later".to_string()),
                        Typed::Text(t) => Some(t).filter(|t| !t.is_empty()),
                    }
                };
                let answer = Answer::Criteria {
                    gelden: gelden.clone(),
                    notitie,
                };
                match question.check(&answer) {
                    Ok(()) => return Ok(Reply::Answer(answer)),
                    Err(m) => {
                        self.refused(&m);
                        if unticked.is_empty() {
                            continue 'ticks;
                        }
                    }
                }
            }
        }
    }

    /// Read a list of numbers (1 to `count`), or a word for all or none. Enter alone gives
    /// `on_enter` (none for n.v.t., the criteria ticked in advance); without it, Enter alone is
    /// refused like any other input that does not fit.
    fn numbers(
        &self,
        question: &Question<'_>,
        prompt: &str,
        count: usize,
        all: &[&str],
        none: &[&str],
        on_enter: Option<&[usize]>,
    ) -> Result<Picked> {
        loop {
            let typed = match self.read_answer(prompt)? {
                Typed::Explain => {
                    self.explain(question);
                    continue;
                }
                Typed::Back => return Ok(Picked::Back),
                Typed::Later => {
                    self.cannot_pause();
                    continue;
                }
                Typed::Text(t) => t,
            };
            let lower = typed.to_lowercase();
            if let (true, Some(given)) = (typed.is_empty(), on_enter) {
                return Ok(Picked::Numbers(given.to_vec()));
            }
            if all.contains(&lower.as_str()) {
                return Ok(Picked::Numbers((0..count).collect()));
            }
            if none.contains(&lower.as_str()) {
                return Ok(Picked::Numbers(Vec::new()));
            }
            match io::numbers(&typed, count) {
                Some(n) if !n.is_empty() => return Ok(Picked::Numbers(n)),
                _ => self.say(&format!(
                    "Typ nummers van {} gescheiden door spaties, '{}' of '{}' ({}).",
                    io::range(count),
                    all[0],
                    none[0],
                    self.keys(question)
                )),
            }
        }
    }

    /// Something that may not have happened yet (the MDO): ask first. `Some` when the answer
    /// is a pause or a step back instead.
    fn not_yet(&self, question: &Question<'_>) -> Result<Option<Reply>> {
        loop {
            match self.read(&format!(
                "Is dit al gebeurd? Typ j (ja, nu vastleggen) of l (nog niet, later verder); {}:",
                self.keys(question)
            ))? {
                Typed::Explain => self.explain(question),
                Typed::Back => {
                    if let Some(reply) = self.back(question) {
                        return Ok(Some(reply));
                    }
                }
                Typed::Later => {
                    if let Some(expected) = self.pause()? {
                        return Ok(Some(Reply::Pause { expected }));
                    }
                }
                Typed::Text(t) if matches!(t.to_lowercase().as_str(), "j" | "ja") => {
                    return Ok(None)
                }
                Typed::Text(_) => {
                    self.say("Typ j om het nu vast te leggen, of l om later verder te gaan.")
                }
            }
        }
    }
}

/// The positions marked done and n.v.t. in the answer given before "back" (`None`: no answer
/// before).
fn previous_marks(question: &Question<'_>, items: &[Action]) -> (Option<Vec<usize>>, Vec<usize>) {
    let Some(Answer::Checklist { acties, .. }) = &question.previous else {
        return (None, Vec::new());
    };
    let with = |status: Status| -> Vec<usize> {
        items
            .iter()
            .enumerate()
            .filter(|(_, a)| acties.iter().any(|m| m.id == a.id && m.status == status))
            .map(|(k, _)| k)
            .collect()
    };
    (Some(with(Status::Gedaan)), with(Status::Nvt))
}

/// "1, 3", or "geen" when empty.
fn listed_or_none(positions: &[usize]) -> String {
    if positions.is_empty() {
        "geen".to_string()
    } else {
        listed(positions)
    }
}

/// "1, 3": 0-based positions as the numbers shown.
fn listed(positions: &[usize]) -> String {
    positions
        .iter()
        .map(|k| (k + 1).to_string())
        .collect::<Vec<_>>()
        .join(", ")
}
