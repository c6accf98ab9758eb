pub mod script;
pub mod terminal;
