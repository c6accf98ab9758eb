pub mod answer;
pub mod journal;
pub mod prompter;
pub mod proposal;
pub mod question;
pub mod rules;
pub mod session;
pub mod walk;
