//! Taking a session up again in the terminal: the open actions done now (a multi-select), and
//! whether a finished session goes on after its end (a choice, then the reason).

use super::widgets::{Extra, Got, HELP_REQUIRED_REASON};
use super::Terminal;
use crate::engine::reopen::OpenAction;
use crate::engine::rules::continuation_reason;
use crate::error::Result;
use crate::flow::model::{Continuation, Node};
use crate::prompt::reopen::{
    open_label, REASON_QUESTION, STAY_FINISHED, TICK_MEANS, TICK_QUESTION,
};

impl Terminal<'_> {
    pub(crate) fn ask_ticks(&self, open: &[OpenAction<'_>]) -> Result<Vec<usize>> {
        let labels: Vec<String> = open.iter().map(open_label).collect();
        self.say(TICK_MEANS);
        loop {
            match self.multi(TICK_QUESTION, &labels, &[], Extra::default())? {
                Got::Value((picked, false)) => return Ok(picked),
                Got::Value((_, true)) | Got::Explain | Got::Pause => self.say(
                    "Uitleg: vink aan wat sinds de sessie alsnog is gedaan. Het oorspronkelijke antwoord blijft bewaard; de samenvatting zegt wanneer en door wie het later is afgevinkt. Niets aanvinken verandert niets."
                ),
                Got::Escape => return Ok(Vec::new()),
            }
        }
    }

    pub(crate) fn ask_go_on(
        &self,
        end: &Node,
        continuation: &Continuation,
    ) -> Result<Option<String>> {
        let labels = vec![continuation.label.clone(), STAY_FINISHED.to_string()];
        let message = format!("De sessie is afgerond bij '{}'. Verder gaan?", end.title);
        loop {
            match self.select(&message, &labels, Some(1), Extra::default())? {
                Got::Value(0) => {}
                Got::Value(_) | Got::Escape => return Ok(None),
                Got::Explain | Got::Pause => {
                    self.say(&format!("Uitleg: {}", end_text(end)));
                    continue;
                }
            }
            match self.text(REASON_QUESTION, HELP_REQUIRED_REASON, true, "")? {
                Got::Value(reason) => match continuation_reason(&reason) {
                    Ok(()) => return Ok(Some(reason)),
                    Err(mismatch) => self.refused(&mismatch),
                },
                Got::Explain => self.say(&format!("Uitleg: {}", end_text(end))),
                Got::Pause | Got::Escape => {}
            }
        }
    }
}

/// The end's outcome as the flow words it.
fn end_text(end: &Node) -> String {
    match &end.body {
        crate::flow::model::Body::End { outcome, .. } => outcome.trim().to_string(),
        _ => end.title.clone(),
    }
}
