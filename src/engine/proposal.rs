//! A decision's proposal: the option its rules point to, given the answers so far, with the
//! conditions that decided it in words. The walk attaches it to the question (made by
//! [`crate::engine::condition::propose`]); the rules in [`crate::engine::rules`] hold an answer
//! to it (binding, or overruled only with a reason).

/// What a decision's rules propose, with the conditions that decided it (in words).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Proposal {
    pub option: String,
    pub reasons: Vec<String>,
    /// The flow does not allow overruling this proposal.
    pub binding: bool,
}
