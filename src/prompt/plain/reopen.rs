//! Taking a session up again in plain lines: the open actions done now (numbers), and whether
//! a finished session goes on after its end (a number, then the reason).

use super::io::{self, Typed};
use super::Plain;
use crate::engine::reopen::OpenAction;
use crate::engine::rules::continuation_reason;
use crate::error::Result;
use crate::flow::model::{Continuation, Node};
use crate::prompt::reopen::{
    open_label, REASON_QUESTION, STAY_FINISHED, TICK_MEANS, TICK_QUESTION,
};

impl Plain<'_> {
    pub(crate) fn ask_ticks(&self, open: &[OpenAction<'_>]) -> Result<Vec<usize>> {
        self.say("");
        self.say(TICK_QUESTION);
        self.say(TICK_MEANS);
        for (i, o) in open.iter().enumerate() {
            self.say(&format!("{}. {}", i + 1, open_label(o)));
        }
        loop {
            match self.read("Typ de nummers van wat nu gedaan is, gescheiden door spaties, of Enter voor geen:")? {
                Typed::Text(t) if t.is_empty() || t.eq_ignore_ascii_case("geen") => {
                    return Ok(Vec::new())
                }
                Typed::Text(t) => match io::numbers(&t, open.len()) {
                    Some(picked) => return Ok(picked),
                    None => self.say(&format!(
                        "Typ nummers van {}, of Enter voor geen.",
                        io::range(open.len())
                    )),
                },
                Typed::Explain | Typed::Back | Typed::Later => self.say(
                    "Uitleg: typ de nummers van wat sinds de sessie alsnog is gedaan. Het oorspronkelijke antwoord blijft bewaard; de samenvatting zegt wanneer en door wie het later is afgevinkt.",
                ),
            }
        }
    }

    pub(crate) fn ask_go_on(
        &self,
        end: &Node,
        continuation: &Continuation,
    ) -> Result<Option<String>> {
        self.say("");
        self.say(&format!(
            "De sessie is afgerond bij '{}'. Verder gaan?",
            end.title
        ));
        self.say(&format!("1. {}", continuation.label));
        self.say(&format!("2. {STAY_FINISHED}"));
        loop {
            match self.read("Typ 1 of 2:")? {
                Typed::Text(t) if t == "1" => break,
                Typed::Text(t) if t == "2" || t.is_empty() => return Ok(None),
                _ => self.say("Typ 1 (verder) of 2 (afgerond laten)."),
            }
        }
        loop {
            let reason = self.read_line(&format!("{REASON_QUESTION}:"))?;
            match continuation_reason(&reason) {
                Ok(()) => return Ok(Some(reason.trim().to_string())),
                Err(mismatch) => self.refused(&mismatch),
            }
        }
    }
}
