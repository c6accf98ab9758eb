//! The commands: one file per subcommand. The only code that prints; everything it shows is
//! made in the rooms below (reports, prompters) from what the domains computed.

pub mod check;
pub mod completions;
pub mod consent;
pub mod export;
pub mod follow_up;
pub mod graph;
pub mod handover;
pub mod help;
pub mod kaart;
pub mod man;
pub mod practice;
pub mod remove;
pub mod resume;
pub mod routes;
pub mod scan;
pub mod scan_report;
pub mod sessions;
pub mod show;
pub mod start;
pub mod statistics;
pub mod stored;
