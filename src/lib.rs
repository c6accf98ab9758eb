//! zorgpad: a decision aid that walks the *Blauwdruk Psychosociale zorg en samenwerking met
//! Veilig Thuis* with a professional in maternity care.
//!
//! The pieces, from the file to the screen:
//! - [`yaml`] reads every YAML file (one module, so the deprecated serde_yaml is a one-line swap);
//! - [`flow`] and [`flow_set`] hold the flowchart as a state machine; [`validator`] checks it;
//! - [`walk`], [`session`] and [`journal`] are the engine: questions out, answers in, nothing printed;
//! - [`prompter`] is the seam to whoever answers: [`terminal`] (inquire) or [`script`] (a file);
//! - [`summary`] derives what was decided from the journal; [`report`] renders it;
//! - [`kaart`] is the Sociale Kaart (who to refer to, per category and gemeente): it also turns
//!   a spreadsheet into one, and offers a session the providers for a referral.

pub mod answer;
pub mod bsn;
mod check;
pub mod cli;
pub mod clock;
pub mod config;
pub mod error;
pub mod finding;
pub mod fingerprint;
pub mod flow;
pub mod flow_set;
pub mod journal;
pub mod kaart;
mod kaart_cmd;
pub mod pathway;
pub mod private_file;
pub mod prompter;
pub mod questionnaire;
pub mod report;
pub mod scan;
pub mod scan_report;
pub mod script;
pub mod session;
mod sessions;
mod start;
pub mod statistics;
pub mod store;
pub mod suggest;
pub mod summary;
pub mod terminal;
pub mod training;
pub mod validator;
pub mod walk;
pub mod yaml;

pub use cli::Args;
pub use error::{Error, Exit};

/// Run one command.
pub fn run(args: Args) -> Result<Exit, Error> {
    match config::Config::resolve(args)? {
        config::Config::Start(c) => start::start(&c),
        config::Config::Resume(c) => start::resume(&c),
        config::Config::Check(c) => check::run(&c),
        config::Config::Sessions(c) => sessions::list(&c),
        config::Config::Remove(c) => sessions::remove(&c),
        config::Config::Export(c) => sessions::export(&c),
        config::Config::Show(c) => pathway::show(&c),
        config::Config::Graph(c) => pathway::graph(&c),
        config::Config::Practice(c) => training::run(&c),
        config::Config::KaartCheck(c) => kaart_cmd::check(&c),
        config::Config::KaartShow(c) => kaart_cmd::show(&c),
        config::Config::KaartImport(c) => kaart_cmd::import(&c),
        config::Config::Scan(c) => scan::run(&c),
        config::Config::ScanReport(c) => scan_report::run(&c),
        config::Config::Statistics(c) => statistics::run(&c),
    }
}
