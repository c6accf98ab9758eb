//! Taking a session up again (`zorgpad hervat`): which open actions are done now, and whether
//! a finished session goes on after its end. A person answers in the terminal or in plain lines,
//! an answers file with `afvinken:` and `vervolg:` entries before its answers ([`Script`]).
//! What may be ticked and where a session may go on is the engine's to say
//! ([`crate::engine::reopen`]); this file only asks.
//!
//! [`Script`]: crate::prompt::script::Script

use crate::engine::reopen::OpenAction;
use crate::error::Result;
use crate::flow::model::{Continuation, Node};
use crate::prompt::Person;

/// Asks what is decided on taking a session up again.
pub(crate) trait Reopener {
    /// Which of the open actions are done now: positions in `open` (none: nothing changes).
    /// Asked also when nothing is open, so that an answers file that ticks is told so.
    fn tick(&mut self, open: &[OpenAction<'_>]) -> Result<Vec<usize>>;

    /// Whether the session, finished at `end`, goes on as `continuation` offers: the reason
    /// (what happened later), or `None` to leave it finished.
    fn go_on(&mut self, end: &Node, continuation: &Continuation) -> Result<Option<String>>;

    /// At a session finished at `end`, where the flow gives no way on: an error when the
    /// answers still ask to go on (a person is simply not offered it).
    fn refuse_go_on(&self, _end: &Node) -> Result<()> {
        Ok(())
    }
}

/// An open action as listed: "B8: Overdracht aan alle andere betrokken hulpverleners
/// [Coördinerend zorgverlener] (verplicht)"; a box without a blueprint label (a step of the
/// Meldcode) by its title after the action, never by its id.
pub(crate) fn open_label(open: &OpenAction<'_>) -> String {
    // Whose it is: the action's own role, else the box's.
    let role = open
        .action
        .role
        .as_ref()
        .map(|r| open.flow.role_label(r).to_string())
        .or_else(|| open.role.as_ref().map(|r| r.label.clone()))
        .map(|r| format!(" [{r}]"))
        .unwrap_or_default();
    let mandatory = if open.action.mandatory {
        " (verplicht)"
    } else {
        ""
    };
    match &open.node.blueprint {
        Some(b) => format!("{b}: {}{role}{mandatory}", open.action.text),
        None => format!(
            "{} ({}){role}{mandatory}",
            open.action.text, open.node.title
        ),
    }
}

/// The question before the open actions, and what it means.
pub(crate) const TICK_QUESTION: &str = "Welke openstaande acties zijn inmiddels gedaan?";
pub(crate) const TICK_MEANS: &str =
    "Wat u aanvinkt, wordt vastgelegd als later afgevinkt, met datum en rol; het antwoord van toen blijft bewaard.";

/// The question why a finished session goes on.
pub(crate) const REASON_QUESTION: &str =
    "Wat is er later gebeurd? (de reden wordt vastgelegd; geen BSN)";

/// The choice that leaves a finished session as it is.
pub(crate) const STAY_FINISHED: &str = "Nee, de sessie blijft afgerond";

impl Reopener for Person<'_> {
    fn tick(&mut self, open: &[OpenAction<'_>]) -> Result<Vec<usize>> {
        // Nothing open: nothing to ask.
        if open.is_empty() {
            return Ok(Vec::new());
        }
        match self {
            Person::Terminal(t) => t.ask_ticks(open),
            Person::Plain(p) => p.ask_ticks(open),
        }
    }

    fn go_on(&mut self, end: &Node, continuation: &Continuation) -> Result<Option<String>> {
        match self {
            Person::Terminal(t) => t.ask_go_on(end, continuation),
            Person::Plain(p) => p.ask_go_on(end, continuation),
        }
    }
}
