//! A referral in the terminal: the providers of the Sociale Kaart for the category and the
//! client's gemeente (light to heavy), plus "andere" (names typed by hand) and "geen passend
//! aanbod" (recorded as a gap in the map). The engine's referral rules decide which ticks can
//! stand; this file shows why not and asks again.

use super::widgets::{Extra, Got, HELP_REQUIRED};
use super::Terminal;
use crate::engine::answer::Answer;
use crate::engine::prompter::{question_text, Reply};
use crate::engine::question::Question;
use crate::engine::rules::{self, Mismatch};
use crate::error::Result;
use crate::kaart::Offer;
use crate::prompt::words;

impl Terminal<'_> {
    pub(super) fn ask_referral(
        &self,
        question: &Question<'_>,
        category: &str,
        offer: &Offer<'_>,
    ) -> Result<Reply> {
        self.show_offer(category, offer);
        let offered = offer.providers_for(category);
        let mut labels: Vec<String> = offered.iter().map(|a| Offer::line(a)).collect();
        let other = labels.len();
        labels.push("Andere hulpverlener of organisatie (zelf invullen)".to_string());
        let gap = labels.len();
        labels
            .push("Geen passend aanbod (wordt vastgelegd als gat in de Sociale Kaart)".to_string());
        let ids: Vec<&str> = offered.iter().map(|a| a.id.as_str()).collect();
        let (mut ticked, typed) = previous_ticks(question, &ids);
        // A weighty referral (a report) is never recorded by Enter alone on ticks given before
        // "back": they are named, not ticked.
        if crate::prompt::words::weighty(question) && !ticked.is_empty() {
            let before: Vec<&str> = ticked
                .iter()
                .filter_map(|k| labels.get(*k).map(String::as_str))
                .collect();
            self.say(&format!("Eerder gekozen: {}", before.join("; ")));
            ticked.clear();
        }
        let message = question_text(question);
        loop {
            let extra = Extra {
                note: Some(words::WITH_NOTE),
                route: true,
                ..Extra::default()
            };
            match self.multi(&message, &labels, &ticked, extra)? {
                Got::Value((picked, explain)) => {
                    ticked = picked;
                    if explain {
                        self.explain(question);
                        continue;
                    }
                }
                Got::Explain | Got::Pause => continue,
                Got::Escape if question.can_go_back => return Ok(Reply::Back),
                Got::Escape => {
                    self.first_question();
                    continue;
                }
            }
            // The names of others are asked after the ticks, so the ticks are checked first.
            let chosen = ticked.iter().any(|k| *k != gap);
            if let Err(m) = rules::referral(chosen, ticked.contains(&gap)) {
                self.refused(&m);
                if m == Mismatch::GapWithProvider {
                    ticked.retain(|k| *k != gap);
                }
                continue;
            }
            let kaart: Vec<String> = ticked
                .iter()
                .filter(|k| **k < other)
                .map(|k| ids[*k].to_string())
                .collect();
            let answer_with = |aanbieders: Vec<String>| Answer::Verwijzing {
                kaart: kaart.clone(),
                aanbieders,
                geen_passend_aanbod: ticked.contains(&gap),
                notitie: None,
            };
            let andere = if ticked.contains(&other) {
                match self.ask_others(question, &typed, &answer_with)? {
                    Some(names) => names,
                    None => continue,
                }
            } else {
                Vec::new()
            };
            let answer = answer_with(andere);
            match question.check(&answer) {
                Ok(()) => return Ok(Reply::Answer(answer)),
                Err(m) => self.refused(&m),
            }
        }
    }

    /// What the Sociale Kaart offers here, with how to refer; a warning on the example map.
    fn show_offer(&self, category: &str, offer: &Offer<'_>) {
        let offered = offer.providers_for(category);
        if offer.kaart.is_embedded() {
            self.say("\nLET OP: dit is de ingebouwde VOORBEELDKAART met verzonnen aanbieders; gebruik --kaart met de Sociale Kaart van uw VSV.");
        }
        let place = offer
            .gemeente
            .map(|g| format!(" in {g}"))
            .unwrap_or_default();
        if offered.is_empty() {
            self.say(&format!(
                "\nDe Sociale Kaart ({}) heeft geen aanbod in de categorie '{category}'{place}.",
                offer.kaart.name
            ));
        } else {
            let mut text = format!("\nAanbod op de Sociale Kaart ({}), categorie '{category}'{place}, van licht naar zwaar:", offer.kaart.name);
            for a in &offered {
                text.push_str(&format!("\n  • {}", Offer::line(a)));
                if let Some(how) = &a.how_to_refer {
                    text.push_str(&format!("\n      aanmelden: {}", how.trim()));
                }
            }
            self.say(&text);
        }
    }

    /// The names of providers not on the map, separated by ';'; asked again while the engine
    /// refuses them (a BSN in a name) in the answer `answer_with` makes of them. `None`: Esc,
    /// back to the ticks.
    fn ask_others(
        &self,
        question: &Question<'_>,
        typed: &str,
        answer_with: &dyn Fn(Vec<String>) -> Answer,
    ) -> Result<Option<Vec<String>>> {
        let mut typed = typed.to_string();
        loop {
            match self.text(
                "Welke andere hulpverlener of organisatie?",
                HELP_REQUIRED,
                true,
                &typed,
            )? {
                Got::Value(names) => {
                    let andere: Vec<String> = names
                        .split(';')
                        .map(|s| s.trim().to_string())
                        .filter(|s| !s.is_empty())
                        .collect();
                    if andere.is_empty() {
                        self.say("Vul de naam van de hulpverlener of organisatie in.");
                        continue;
                    }
                    match question.check(&answer_with(andere.clone())) {
                        Err(m @ Mismatch::Bsn { .. }) => {
                            self.refused(&m);
                            typed = names;
                        }
                        _ => return Ok(Some(andere)),
                    }
                }
                Got::Explain | Got::Pause => self.explain(question),
                Got::Escape => return Ok(None),
            }
        }
    }
}

/// The ticks and the typed names of the answer given before "back". The lines are the offered
/// providers (`ids`), then "andere", then "geen passend aanbod".
fn previous_ticks(question: &Question<'_>, ids: &[&str]) -> (Vec<usize>, String) {
    let Some(Answer::Verwijzing {
        kaart,
        aanbieders,
        geen_passend_aanbod,
        ..
    }) = &question.previous
    else {
        return (Vec::new(), String::new());
    };
    let (other, gap) = (ids.len(), ids.len() + 1);
    let mut ticked: Vec<usize> = ids
        .iter()
        .enumerate()
        .filter(|(_, id)| kaart.iter().any(|k| k == *id))
        .map(|(k, _)| k)
        .collect();
    if !aanbieders.is_empty() {
        ticked.push(other);
    }
    if *geen_passend_aanbod {
        ticked.push(gap);
    }
    (ticked, aanbieders.join("; "))
}
