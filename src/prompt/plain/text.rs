//! An open question in plain lines (the answer in the person's own words), and going back
//! when the engine asks more than `t`: into an answer another role gave, the person confirms;
//! to change a Kindcheck, Meldcode or PPM answer, they give the reason.

use super::io::Typed;
use super::Plain;
use crate::engine::answer::Answer;
use crate::engine::prompter::{question_text, BackDecision, Reply, Withdrawing};
use crate::engine::question::Question;
use crate::error::Result;

impl Plain<'_> {
    pub(super) fn ask_text(&self, question: &Question<'_>) -> Result<Reply> {
        self.say(&question_text(question));
        if let Some(Answer::Tekst { tekst }) = &question.previous {
            self.say(&format!("Eerder antwoord: {tekst}"));
        }
        let prompt = format!("Typ het antwoord ({}):", self.keys(question));
        loop {
            match self.read(&prompt)? {
                Typed::Explain => self.explain(question),
                Typed::Back => {
                    if let Some(reply) = self.back(question) {
                        return Ok(reply);
                    }
                }
                Typed::Later if question.can_pause => {
                    if let Some(expected) = self.pause()? {
                        return Ok(Reply::Pause { expected });
                    }
                }
                Typed::Later => self.cannot_pause(),
                Typed::Text(tekst) => {
                    let answer = Answer::Tekst { tekst };
                    match question.check(&answer) {
                        Ok(()) => return Ok(Reply::Answer(answer)),
                        Err(m) => self.refused(&m),
                    }
                }
            }
        }
    }

    pub(super) fn ask_back(&self, back: &Withdrawing) -> Result<BackDecision> {
        if let Some(who) = &back.other_role {
            self.say(&format!(
                "Het antwoord op '{}' ({}) is gegeven door {who}.",
                back.question, back.key
            ));
            loop {
                let typed = self.read_line(
                    "Wilt u teruggaan naar dat antwoord van een andere rol? (ja of nee):",
                )?;
                match typed.to_lowercase().as_str() {
                    "j" | "ja" => break,
                    "n" | "nee" | "t" | "terug" => {
                        self.say("U blijft bij deze vraag.");
                        return Ok(BackDecision::Stay);
                    }
                    _ => self.say("Typ ja of nee."),
                }
            }
        }
        if !back.reason_required {
            return Ok(BackDecision::Go { reason: None });
        }
        self.say(&format!(
            "Dit antwoord wijzigt u alleen met een reden (Kindcheck, Meldcode, D1 of verder na een einde): '{}' ({}).",
            back.question, back.key
        ));
        loop {
            match self.read("Waarom wijzigt u dit antwoord? (t: niet terug, blijf bij deze vraag):")? {
                Typed::Text(reason) => {
                    match crate::engine::rules::back_reason(true, Some(&reason)) {
                        Ok(reason) => return Ok(BackDecision::Go { reason }),
                        Err(mismatch) => self.refused(&mismatch),
                    }
                }
                Typed::Later => {
                    return Ok(BackDecision::Go {
                        reason: Some("later".to_string()),
                    })
                }
                Typed::Explain => self.say(
                    "Uitleg: de reden komt in het journaal en in de samenvatting onder \"Gewijzigde antwoorden\", met het oude en het nieuwe antwoord. Noem nooit een BSN.",
                ),
                Typed::Back => {
                    self.say("U blijft bij deze vraag.");
                    return Ok(BackDecision::Stay);
                }
            }
        }
    }
}
