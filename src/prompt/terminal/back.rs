//! Going back (Esc) when the engine asks more than the key press: into an answer another role
//! gave, the person confirms; to change a Kindcheck, Meldcode or PPM answer, they give the
//! reason. Esc at either leaves them at the question they were at.

use super::widgets::{confirm, Got};
use super::Terminal;
use crate::engine::prompter::{BackDecision, Withdrawing};
use crate::error::Result;

impl Terminal<'_> {
    pub(super) fn ask_back(&mut self, back: &Withdrawing) -> Result<BackDecision> {
        if let Some(who) = &back.other_role {
            self.say(&format!(
                "\nHet antwoord op '{}' ({}) is gegeven door {who}.",
                back.question, back.key
            ));
            if !confirm("Wilt u teruggaan naar dat antwoord van een andere rol?")? {
                self.say("U blijft bij deze vraag.\n");
                return Ok(BackDecision::Stay);
            }
        }
        if !back.reason_required {
            return Ok(BackDecision::Go { reason: None });
        }
        self.say(&format!(
            "\nDit antwoord wijzigt u alleen met een reden (Kindcheck, Meldcode, D1 of verder na een einde): '{}' ({}).",
            back.question, back.key
        ));
        loop {
            match self.text(
                "Waarom wijzigt u dit antwoord?",
                "Enter bevestigen · Esc niet terug, blijf bij deze vraag · ? uitleg",
                true,
                "",
            )? {
                Got::Value(reason) => {
                    match crate::engine::rules::back_reason(true, Some(&reason)) {
                        Ok(reason) => return Ok(BackDecision::Go { reason }),
                        Err(mismatch) => self.say(&format!("! {mismatch}. Probeer het opnieuw.")),
                    }
                }
                Got::Explain => self.say(
                    "\nUitleg: de reden komt in het journaal en in de samenvatting onder \"Gewijzigde antwoorden\", met het oude en het nieuwe antwoord. Noem nooit een BSN.\n",
                ),
                Got::Escape | Got::Pause => {
                    self.say("U blijft bij deze vraag.\n");
                    return Ok(BackDecision::Stay);
                }
            }
        }
    }
}
