//! The one loop that drives a session: ask the prompter, give its reply to the session, save,
//! and ask again, until the flow ends or pauses. `zorgpad start`, `zorgpad hervat` and
//! `zorgpad oefen` all walk through it; what differs between them is a [`Policy`] (may the
//! session pause, is a "back" at the first question an error) and what saving means, which the
//! caller supplies: the engine knows nothing of where sessions are kept.

use crate::clock::Clock;
use crate::engine::answer::Answer;
use crate::engine::prompter::{question_text, BackDecision, Prompter, Reply};
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
    /// Answer the follow-up in the session's focus, and stop when it is answered or left open
    /// (`zorgpad opvolgen`), rather than go on along the path.
    pub(crate) only_follow_up: bool,
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
    /// With [`Policy::only_follow_up`]: the follow-up is answered (or was left open: then
    /// [`Ending::Paused`]).
    FollowedUp,
}

/// Why a drive stopped before its end. Everything saved before stays saved.
#[derive(Debug)]
pub(crate) enum Stop {
    /// The person stopped (Ctrl-C, or the end of the input), in the prompter's words ("gestopt
    /// met Ctrl-C"); the caller says what that leaves.
    Cancelled { how: String },
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

impl From<crate::engine::step::WalkError> for Stop {
    fn from(error: crate::engine::step::WalkError) -> Self {
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
    loop {
        // A follow-up that must be answered before the path goes on (its `uiterlijk`).
        if session.focus().is_none() && !policy.only_follow_up {
            if let Some(id) = session.due_follow_up() {
                session.set_focus(Some(id))?;
            }
        }
        let Some(mut question) = session.question() else {
            if session.focus().is_some() {
                // The follow-up came back to the path: on along the path, or done.
                session.set_focus(None)?;
                if policy.only_follow_up {
                    return Ok(Ending::FollowedUp);
                }
                continue;
            }
            return Ok(Ending::Finished);
        };
        if let Some(f) = &question.follow_up {
            // A follow-up's wait can be left open, unless the path has reached where it is
            // due; a wait inside it that can be put off in turn can always be (a report made
            // in the follow-up, whose feedback comes later).
            question.can_pause = (question.can_pause && !f.due) || question.deferrable;
        }
        if let Pausing::Never { .. } = policy.pausing {
            question.can_pause = question.deferrable;
        }
        let reply = prompter.ask(&question).map_err(stopped)?;
        match reply {
            Reply::Answer(answer) => session.answer(answer, clock.now())?,
            Reply::AnswerWithNote(answer) => {
                // The answer is saved before the note is asked: dying at the note keeps it.
                session.answer(answer, clock.now())?;
                save(session)?;
                if let Some(text) = prompter.note(&question).map_err(stopped)? {
                    if session.note(clock.now(), &text)? {
                        save(session)?;
                    }
                }
                continue;
            }
            Reply::Back => {
                // Into another role's answer: confirm; a Kindcheck, Meldcode or PPM answer: why.
                let reason = match session.withdrawing() {
                    Some(back) => match prompter.confirm_back(&back).map_err(stopped)? {
                        BackDecision::Stay => continue,
                        BackDecision::Go { reason } => reason,
                    },
                    None => None,
                };
                if !session.back(clock.now(), reason.as_deref())? && policy.strict_back {
                    return Err(Stop::Failed(Error::input(format!(
                        "'terug' bij de eerste vraag ({}): er is geen vorige vraag",
                        question.key
                    ))));
                }
            }
            Reply::Pause { expected } if question.deferrable => {
                // "Later" at a wait that can be a follow-up: put it off, and go on.
                let later = Answer::Opvolging {
                    id: String::new(),
                    verwacht: expected,
                };
                session.answer(later, clock.now())?;
            }
            Reply::Pause { expected } => {
                if !question.can_pause {
                    return Err(Stop::Failed(pause_refused(&question, policy.pausing)));
                }
                if session.focus().is_some() {
                    // The follow-up stays open; nothing to record.
                    return Ok(Ending::Paused);
                }
                session.pause(clock.now(), expected);
                save(session)?;
                return Ok(Ending::Paused);
            }
        }
        save(session)?;
    }
}

fn stopped(e: Error) -> Stop {
    if e.exit == Exit::Cancelled {
        Stop::Cancelled {
            how: e.message.trim_end_matches('.').to_string(),
        }
    } else {
        Stop::Prompter(e)
    }
}

fn pause_refused(question: &Question<'_>, pausing: Pausing) -> Error {
    if question.follow_up.as_ref().is_some_and(|f| f.due) {
        return Error::input(format!(
            "bij {} ({}): deze opvolging moet nu beantwoord worden; het pad is aangekomen waar zij uiterlijk aan de orde komt",
            question.key,
            question_text(question)
        ));
    }
    match pausing {
        Pausing::AtWaits => Error::input(format!(
            "bij {} ({}) kan de sessie niet pauzeren: alleen bij een wachtmoment of het MDO",
            question.key,
            question_text(question)
        )),
        Pausing::Never { refusal } => Error::input(format!("bij {} {refusal}", question.key)),
    }
}

#[cfg(test)]
mod tests {
    use std::collections::VecDeque;

    use super::*;
    use crate::engine::answer::Answer;
    use crate::flow::set::FlowSet;

    /// A prompter that gives the replies it was handed, in order, and then gives up.
    struct Replies {
        replies: VecDeque<crate::error::Result<Reply>>,
        /// The key of each question asked, and whether it could pause there.
        asked: Vec<(String, bool)>,
        /// The notes to give when asked, in order.
        notes: VecDeque<crate::error::Result<Option<String>>>,
    }

    impl Prompter for Replies {
        fn ask(&mut self, question: &Question<'_>) -> crate::error::Result<Reply> {
            self.asked.push((question.key.clone(), question.can_pause));
            self.replies
                .pop_front()
                .unwrap_or_else(|| Err(Error::input("de antwoorden zijn op")))
        }

        fn confirm_back(
            &mut self,
            _: &crate::engine::prompter::Withdrawing,
        ) -> crate::error::Result<BackDecision> {
            Ok(BackDecision::Go {
                reason: Some("test".to_string()),
            })
        }

        fn note(&mut self, question: &Question<'_>) -> crate::error::Result<Option<String>> {
            self.asked.push((format!("note {}", question.key), false));
            self.notes.pop_front().unwrap_or(Ok(None))
        }
    }

    fn run(
        replies: Vec<crate::error::Result<Reply>>,
        policy: Policy,
    ) -> (Result<Ending, Stop>, Replies, usize) {
        let (ended, prompter, saves, _) = run_with_notes(replies, Vec::new(), policy);
        (ended, prompter, saves)
    }

    /// [`run`], with the notes to give; also the journal as last saved.
    fn run_with_notes(
        replies: Vec<crate::error::Result<Reply>>,
        notes: Vec<crate::error::Result<Option<String>>>,
        policy: Policy,
    ) -> (
        Result<Ending, Stop>,
        Replies,
        usize,
        Vec<crate::engine::journal::Event>,
    ) {
        let set = FlowSet::load(None).expect("flows");
        let clock = Clock::from_env().expect("clock");
        let mut session = Session::new(&set, clock.now(), None, None).expect("session");
        let mut prompter = Replies {
            replies: replies.into(),
            asked: Vec::new(),
            notes: notes.into(),
        };
        let mut saves = 0;
        let mut saved = Vec::new();
        let ended = drive(&mut session, &mut prompter, &clock, policy, &mut |s| {
            saves += 1;
            saved = s.events().to_vec();
            Ok(())
        });
        (ended, prompter, saves, saved)
    }

    const SESSION: Policy = Policy {
        pausing: Pausing::AtWaits,
        strict_back: true,
        only_follow_up: false,
    };

    /// The first question (IN): the path starts at the intake.
    fn intake() -> Reply {
        Reply::Answer(Answer::Keuze {
            optie: "intake".to_string(),
            toelichting: None,
        })
    }

    #[test]
    fn every_answer_is_saved_before_the_next_question() {
        let (ended, prompter, saves) = run(vec![Ok(intake())], SESSION);
        assert!(matches!(ended, Err(Stop::Prompter(_))), "{ended:?}");
        assert_eq!(saves, 1);
        let keys: Vec<&str> = prompter.asked.iter().map(|(k, _)| k.as_str()).collect();
        assert_eq!(keys, ["IN", "B1"]);
    }

    #[test]
    fn back_at_the_first_question_is_an_error_only_when_scripted() {
        let (ended, _, saves) = run(vec![Ok(Reply::Back)], SESSION);
        let Err(Stop::Failed(e)) = ended else {
            panic!("{ended:?}");
        };
        assert!(
            e.message.contains("'terug' bij de eerste vraag (IN)"),
            "{e:?}"
        );
        assert_eq!(saves, 0);

        let interactive = Policy {
            strict_back: false,
            ..SESSION
        };
        let (ended, prompter, _) = run(vec![Ok(Reply::Back)], interactive);
        assert!(matches!(ended, Err(Stop::Prompter(_))), "{ended:?}");
        assert_eq!(prompter.asked.len(), 2, "asked again after the back");
    }

    #[test]
    fn a_pause_where_none_is_allowed_is_refused_in_the_words_of_the_policy() {
        let pause = || Ok(Reply::Pause { expected: None });
        let (ended, _, _) = run(vec![pause()], SESSION);
        let Err(Stop::Failed(e)) = ended else {
            panic!("{ended:?}");
        };
        assert!(e.message.contains("kan de sessie niet pauzeren"), "{e:?}");

        let practice = Policy {
            pausing: Pausing::Never {
                refusal: "kan een oefening niet pauzeren",
            },
            strict_back: true,
            only_follow_up: false,
        };
        let (ended, prompter, _) = run(vec![pause()], practice);
        let Err(Stop::Failed(e)) = ended else {
            panic!("{ended:?}");
        };
        assert_eq!(e.message, "bij IN kan een oefening niet pauzeren");
        assert!(prompter.asked.iter().all(|(_, can_pause)| !can_pause));
    }

    #[test]
    fn ctrl_c_is_a_cancel_and_an_answer_out_of_step_a_failure() {
        let (ended, _, _) = run(vec![Err(Error::cancelled("gestopt"))], SESSION);
        assert!(matches!(ended, Err(Stop::Cancelled { .. })), "{ended:?}");
        let wrong = Reply::Answer(Answer::Checklist {
            acties: Vec::new(),
            notitie: None,
        });
        let (ended, _, saves) = run(vec![Ok(wrong)], SESSION);
        let Err(Stop::Failed(e)) = ended else {
            panic!("{ended:?}");
        };
        assert!(
            e.message
                .contains("bij 'IN': een antwoord van soort 'checklist'"),
            "{e:?}"
        );
        assert_eq!(saves, 0);
    }

    fn intake_with_note() -> Reply {
        Reply::AnswerWithNote(Answer::Keuze {
            optie: "intake".to_string(),
            toelichting: None,
        })
    }

    #[test]
    fn an_answer_with_a_note_is_saved_before_the_note_is_asked() {
        // Ctrl-C at the note: the answer was saved already.
        let (ended, prompter, saves, saved) = run_with_notes(
            vec![Ok(intake_with_note())],
            vec![Err(Error::cancelled("gestopt"))],
            SESSION,
        );
        assert!(matches!(ended, Err(Stop::Cancelled { .. })), "{ended:?}");
        assert_eq!(saves, 1);
        let keys: Vec<&str> = prompter.asked.iter().map(|(k, _)| k.as_str()).collect();
        assert_eq!(keys, ["IN", "note IN"]);
        assert!(
            matches!(saved.last(), Some(crate::engine::journal::Event::Antwoord { vraag, .. }) if vraag == "IN"),
            "{saved:?}"
        );

        // A note given: its own event, saved, and the answer in force reads with it.
        let (_, _, saves, saved) = run_with_notes(
            vec![Ok(intake_with_note())],
            vec![Ok(Some("  verwezen door huisarts ".to_string()))],
            SESSION,
        );
        assert_eq!(saves, 2);
        assert!(
            matches!(saved.last(), Some(crate::engine::journal::Event::Notitie { vraag, tekst, .. }) if vraag == "IN" && tekst == "verwezen door huisarts"),
            "{saved:?}"
        );
        let (_, answers) = crate::engine::in_force::in_force(&saved);
        assert_eq!(answers[0].0.note(), Some("verwezen door huisarts"));

        // No note after all: nothing more is recorded.
        let (_, _, saves, saved) =
            run_with_notes(vec![Ok(intake_with_note())], vec![Ok(None)], SESSION);
        assert_eq!(saves, 1);
        assert!(!saved
            .iter()
            .any(|e| matches!(e, crate::engine::journal::Event::Notitie { .. })));

        // A BSN in the note is refused by the engine, whoever asked.
        let (ended, _, saves, _) = run_with_notes(
            vec![Ok(intake_with_note())],
            vec![Ok(Some("BSN 111222333".to_string()))],
            SESSION,
        );
        let Err(Stop::Failed(e)) = ended else {
            panic!("{ended:?}");
        };
        assert!(e.message.contains("toelichting"), "{e:?}");
        assert_eq!(saves, 1);
    }
}
