//! zorgpad's integration tests: one test binary (as in `just` and ripgrep), so that the shared
//! helpers in [`common`] are compiled once. The tests run the real `zorgpad` binary; a few
//! also check the library directly (`use zorgpad::...`).
//!
//! Run one module with a filter, e.g. `cargo test --test integration scan::`.

mod common;
mod golden_file;
#[cfg(unix)]
mod pty;

mod answers_file;
mod big_flow;
mod bsn;
mod caseload;
mod changed_flow;
mod cli;
mod crash;
mod demo;
mod dossier;
mod fidelity;
mod file_names;
mod follow_up;
mod follow_up_edges;
mod golden;
mod handover;
mod hygiene;
mod import_bounds;
mod input_files;
mod kaart;
mod kaart_box;
mod kaart_import;
mod kaart_upkeep;
mod layout;
mod letters;
mod locks;
mod meldcode;
mod output;
mod pictures;
mod pinned;
mod plain;
mod print;
mod referral;
mod reopen;
mod resume;
mod route_list;
mod routes;
mod scan;
mod sessions;
mod short_text;
mod statistics;
mod statistics_merge;
#[cfg(unix)]
mod terminal;
#[cfg(unix)]
mod terminal_dossier;
#[cfg(unix)]
mod terminal_follow_up;
#[cfg(unix)]
mod terminal_kaart;
#[cfg(unix)]
mod terminal_meldcode;
#[cfg(unix)]
mod terminal_reopen;
mod terminal_safe;
#[cfg(unix)]
mod terminal_scan;
mod text_answer;
mod training;
mod usage;
mod validation;
mod who;
mod yaml_input;
