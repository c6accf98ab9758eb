//! The one loop that drives a session: ask the prompter, give its reply to the session, save,
//! and ask again, until the flow ends or pauses. `zorgpad start`, `zorgpad hervat` and
//! `zorgpad oefen` all walk through it; what differs between them is a [`Policy`] (may the
//! session pause, is a "back" at the first question an error) and what saving means, which the
//! caller supplies: the engine knows nothing of where sessions are kept.

use crate::clock::Clock;
use crate::engine::prompter::{question_text, Prompter, Reply};
use crate::engine::question::Question;
use crate::engine::session::Session;
use crate::error::{Error, Exit};

/// How the loop treats the replies that depend on the kind of run.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Policy {
    pub(crate) pausing: Pausing,
    /// A "back" at the first question is an error (an answers file out of step with the flow)
    /// rather than nothing to do (a person who pressed Esc).
    pub(crate) strict_back: bool,
}

/// Where the session may pause ("nog niet — later verder").
#[derive(Debug, Clone, Copy)]
pub(crate) enum Pausing {
    /// Where the flow allows it: at a wait (appointment, birth) or the MDO.
    AtWaits,
    /// Nowhere; a pause is refused with "bij KEY " and this text.
    Never { refusal: &'static str },
}

/// How a drive ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Ending {
    /// The flow reached its end.
    Finished,
    /// The session pauses at a wait; it has been saved.
    Paused,
}

/// Why a drive stopped before its end. Everything saved before stays saved.
#[derive(Debug)]
pub(crate) enum Stop {
    /// The person stopped (Ctrl-C); the caller says what that leaves.
    Cancelled,
    /// The prompter could not go on: an answers file that does not fit, no terminal.
    Prompter(Error),
    /// The engine refused a reply, or saving failed.
    Failed(Error),
}

impl From<Error> for Stop {
    fn from(error: Error) -> Self {
        Stop::Failed(error)
    }
}

impl From<crate::engine::walk::WalkError> for Stop {
    fn from(error: crate::engine::walk::WalkError) -> Self {
        Stop::Failed(error.into())
    }
}

/// Ask, answer and save until the flow ends or pauses. `save` is called after every reply
/// that changed the session (and before the next question), with the session as it stands.
pub(crate) fn drive<'f>(
    session: &mut Session<'f>,
    prompter: &mut dyn Prompter,
    clock: &Clock,
    policy: Policy,
    save: &mut dyn FnMut(&Session<'f>) -> crate::error::Result<()>,
) -> Result<Ending, Stop> {
    while let Some(mut question) = session.question() {
        if let Pausing::Never { .. } = policy.pausing {
            question.can_pause = false;
        }
        let reply = prompter.ask(&question).map_err(|e| {
            if e.exit == Exit::Cancelled {
                Stop::Cancelled
            } else {
                Stop::Prompter(e)
            }
        })?;
        match reply {
            Reply::Answer(answer) => session.answer(answer, clock.now())?,
            Reply::Back => {
                if !session.back(clock.now())? && policy.strict_back {
                    return Err(Stop::Failed(Error::input(format!(
                        "'terug' bij de eerste vraag ({}): er is geen vorige vraag",
                        question.key
                    ))));
                }
            }
            Reply::Pause { expected } => {
                if !question.can_pause {
                    return Err(Stop::Failed(pause_refused(&question, policy.pausing)));
                }
                session.pause(clock.now(), expected);
                save(session)?;
                return Ok(Ending::Paused);
            }
        }
        save(session)?;
    }
    Ok(Ending::Finished)
}

fn pause_refused(question: &Question<'_>, pausing: Pausing) -> Error {
    match pausing {
        Pausing::AtWaits => Error::input(format!(
            "bij {} ({}) kan de sessie niet pauzeren: alleen bij een wachtmoment of het MDO",
            question.key,
            question_text(question)
        )),
        Pausing::Never { refusal } => Error::input(format!("bij {} {refusal}", question.key)),
    }
}
