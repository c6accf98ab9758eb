pub mod answer;
pub mod journal;
pub mod prompter;
pub mod session;
pub mod walk;
