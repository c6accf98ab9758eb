pub mod scan;
pub mod script;
pub mod terminal;
