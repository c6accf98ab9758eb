//! The seam between the engine and whoever answers: a person at a terminal
//! ([`crate::prompt::terminal::Terminal`]) or an answers file ([`crate::prompt::script::Script`]).
//! The engine hands out questions; a prompter turns each into an answer or a step back.
//! Whatever a prompter needs besides the question (the Sociale Kaart for a referral, say) it
//! holds itself, so the engine names nothing of it.

use crate::engine::answer::Answer;
use crate::engine::question::Question;
use crate::error::Result;
use crate::flow::model::Body;

/// What a prompter gives back for one question.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Reply {
    Answer(Answer),
    /// This answer, and then a note to go with it: the answer is recorded and saved first,
    /// and only then is the prompter asked for the note ([`Prompter::note`]), so that a
    /// process that dies at the note prompt keeps the answer.
    AnswerWithNote(Answer),
    /// Return to the previous question to change its answer.
    Back,
    /// "Nog niet — later verder": pause the session here, maybe until a date.
    Pause {
        expected: Option<jiff::civil::Date>,
    },
}

pub(crate) trait Prompter {
    /// Ask one question. Errors end the session (cancelled, or a script that does not fit).
    fn ask(&mut self, question: &Question<'_>) -> Result<Reply>;

    /// After a [`Reply::Back`] that would take back an answer of another role, or one that
    /// may only be changed with a reason: go back (with the reason), or stay at the question.
    fn confirm_back(&mut self, back: &Withdrawing) -> Result<BackDecision>;

    /// Which open follow-up to answer now: `choices` in words (due ones first), `other` the
    /// way out ("Verder met het pad", "Stoppen"). `None`: the way out. An answers file never
    /// chooses: it goes on along the path (`zorgpad opvolgen --opvolging` names one).
    fn choose_follow_up(&mut self, _choices: &[String], _other: &str) -> Result<Option<usize>> {
        Ok(None)
    }

    /// After a [`Reply::AnswerWithNote`] to `question`, recorded and saved: the note to add to
    /// that answer, or `None` for none after all. A prompter that never gives such a reply
    /// (an answers file holds its notes inline) need not ask.
    fn note(&mut self, _question: &Question<'_>) -> Result<Option<String>> {
        Ok(None)
    }
}

/// The answer a "back" would take back, when going back needs more than the key press: it
/// was given by another role than the one acting now, or changing it needs a reason
/// ([`crate::engine::rules::reason_to_change`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Withdrawing {
    /// The question's key and its text.
    pub(crate) key: String,
    pub(crate) question: String,
    /// Who gave the answer ("Verloskundig zorgverlener (JdV)"), when another role did.
    pub(crate) other_role: Option<String>,
    pub(crate) reason_required: bool,
}

/// What the prompter decided about a guarded "back".
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum BackDecision {
    /// Do not go back; ask the current question again.
    Stay,
    /// Go back, with this reason (required when [`Withdrawing::reason_required`]).
    Go { reason: Option<String> },
}

/// The question as a person reads it: the decision's question, or the box title.
pub(crate) fn question_text(question: &Question<'_>) -> String {
    match &question.node.body {
        Body::Decision { question: q, .. }
        | Body::Wait { question: q, .. }
        | Body::Referral { question: q, .. }
        | Body::Criteria { question: q, .. }
        | Body::Text { question: q, .. } => q.clone(),
        _ => question.node.title.clone(),
    }
}

/// "vraag 4 (D2, stap 2)" — how messages refer to a question.
pub(crate) fn question_ref(question: &Question<'_>) -> String {
    let mut s = format!("vraag {} ({}", question.number, question.key);
    if let Some(stap) = question.step {
        s.push_str(&format!(", stap {stap}"));
    }
    s.push(')');
    s
}
