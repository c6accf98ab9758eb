//! The engine: the flow walked as a state machine, questions out and answers in, nothing
//! printed. From the bottom up: [`step`] is what a walk is made of, [`rules`] says whether an
//! answer fits, [`cursor`] moves one way through the flows, and [`walk`] holds the main path
//! with its [`follow_up`]s beside it (waits put off while the path goes on). [`journal`] keeps
//! every event; [`in_force`] and [`amend`] read the answers in force from it (notes and ticks
//! added later folded in), and [`replay`] rebuilds the walk from them. [`session`] keeps journal
//! and walk in step, [`prompter`] is the seam to whoever answers, and [`drive`] is the one loop
//! that asks, answers and saves; [`reopen`] says what can still be done to a session taken up
//! again (open actions to tick off, a way on after its end). The engine knows nothing of
//! terminals, files or the Sociale Kaart: callers hand those in ([`contact`] only names the ids
//! of the providers a box shows).

pub(crate) mod amend;
pub mod answer;
pub(crate) mod condition;
pub mod contact;
pub(crate) mod cursor;
pub mod drive;
pub mod follow_up;
pub mod in_force;
pub mod journal;
pub mod prompter;
pub mod proposal;
pub mod question;
pub mod reopen;
pub(crate) mod replay;
pub mod rules;
pub mod session;
pub mod step;
pub mod walk;

#[cfg(test)]
mod note_tests;
