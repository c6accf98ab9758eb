//! A referral in plain lines: the providers of the Sociale Kaart for the category and the
//! client's gemeente (light to heavy) numbered, then "andere" (names typed by hand) and "geen
//! passend aanbod" (recorded as a gap in the map). The engine's referral rules decide which
//! choices can stand; this file shows why not and asks again. Also the contact block of a box
//! with `kaart:`, as lines.

use super::io::{self, Typed};
use super::Plain;
use crate::engine::answer::Answer;
use crate::engine::contact::Contacts;
use crate::engine::prompter::{question_text, Reply};
use crate::engine::question::Question;
use crate::engine::rules::{self, Mismatch};
use crate::error::Result;
use crate::kaart::Offer;
use crate::prompt::contact::contacts_text;

impl Plain<'_> {
    /// The block above the prompt; nothing without a Sociale Kaart.
    pub(super) fn show_contacts(&self, contacts: &Contacts<'_>) {
        let Some(offer) = self.offer else {
            return;
        };
        for line in contacts_text(contacts, &offer, "-").lines() {
            self.say(line.trim_start());
        }
    }

    pub(super) fn ask_referral(
        &self,
        question: &Question<'_>,
        category: &str,
        offer: &Offer<'_>,
    ) -> Result<Reply> {
        let offered = offer.providers_for(category);
        let other = offered.len();
        let gap = other + 1;
        let count = gap + 1;
        let ids: Vec<&str> = offered.iter().map(|a| a.id.as_str()).collect();
        let prompt = format!(
            "Welke? (nummers gescheiden door spaties, 'andere' of 'geen passend aanbod'; {}; een + erachter voor een notitie):",
            self.keys(question)
        );
        'list: loop {
            self.say(&question_text(question));
            self.show_offer(category, offer, offered.is_empty());
            for (i, a) in offered.iter().enumerate() {
                self.say(&format!("{}. {}", i + 1, Offer::line(a)));
                if let Some(how) = &a.how_to_refer {
                    self.say(&format!("   aanmelden: {}", how.trim()));
                }
            }
            self.say(&format!(
                "{}. Andere hulpverlener of organisatie (zelf invullen)",
                other + 1
            ));
            self.say(&format!(
                "{}. Geen passend aanbod (wordt vastgelegd als gat in de Sociale Kaart)",
                gap + 1
            ));
            loop {
                let typed = match self.read_answer(&prompt)? {
                    Typed::Explain => {
                        self.explain(question);
                        continue;
                    }
                    Typed::Back => match self.back(question) {
                        Some(reply) => return Ok(reply),
                        None => continue,
                    },
                    Typed::Later => {
                        self.cannot_pause();
                        continue;
                    }
                    Typed::Text(t) => t,
                };
                let ticked = match typed.to_lowercase().as_str() {
                    "andere" => vec![other],
                    "geen passend aanbod" | "geen" => vec![gap],
                    _ => match io::numbers(&typed, count) {
                        Some(n) if !n.is_empty() => n,
                        _ => {
                            self.say(&format!(
                                "Typ nummers van {} gescheiden door spaties ({}).",
                                io::range(count),
                                self.keys(question)
                            ));
                            continue;
                        }
                    },
                };
                let chosen = ticked.iter().any(|k| *k != gap);
                if let Err(m) = rules::referral(chosen, ticked.contains(&gap)) {
                    self.refused(&m);
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
                    match self.ask_others(question, &answer_with)? {
                        Some(names) => names,
                        None => continue 'list,
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
    }

    /// What the Sociale Kaart offers here; a warning on the example map.
    fn show_offer(&self, category: &str, offer: &Offer<'_>, none: bool) {
        if offer.kaart.is_embedded() {
            self.say("LET OP: dit is de ingebouwde VOORBEELDKAART met verzonnen aanbieders; gebruik --kaart met de Sociale Kaart van uw VSV.");
        }
        let place = offer
            .gemeente
            .map(|g| format!(" in {g}"))
            .unwrap_or_default();
        if none {
            self.say(&format!(
                "De Sociale Kaart ({}) heeft geen aanbod in de categorie '{category}'{place}.",
                offer.kaart.name
            ));
        } else {
            self.say(&format!(
                "Aanbod op de Sociale Kaart ({}), categorie '{category}'{place}, van licht naar zwaar:",
                offer.kaart.name
            ));
        }
    }

    /// The names of providers not on the map, separated by ';'; asked again while the engine
    /// refuses them (a BSN in a name). `None`: `t`, back to the list.
    fn ask_others(
        &self,
        question: &Question<'_>,
        answer_with: &dyn Fn(Vec<String>) -> Answer,
    ) -> Result<Option<Vec<String>>> {
        loop {
            let names = match self.read(
                "Welke andere hulpverlener of organisatie? (meerdere namen scheiden met ;, t terug):",
            )? {
                Typed::Explain => {
                    self.explain(question);
                    continue;
                }
                Typed::Back => return Ok(None),
                Typed::Later => "later".to_string(),
                Typed::Text(t) => t,
            };
            let andere: Vec<String> = names
                .split(';')
                .map(|s| s.trim().to_string())
                .filter(|s| !s.is_empty())
                .collect();
            if andere.is_empty() {
                self.say("Typ de naam van de hulpverlener of organisatie, of t terug.");
                continue;
            }
            match question.check(&answer_with(andere.clone())) {
                Err(m @ Mismatch::Bsn { .. }) => self.refused(&m),
                _ => return Ok(Some(andere)),
            }
        }
    }
}
