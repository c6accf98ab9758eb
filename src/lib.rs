//! zorgpad: a decision aid that walks the *Blauwdruk Psychosociale zorg en samenwerking met
//! Veilig Thuis* with a professional in maternity care.
//!
//! The pieces, from the file to the screen:
//! - [`yaml`] reads every YAML file (one module, so the deprecated serde_yaml is a one-line swap);
//! - [`flow`] and [`flow_set`] hold the flowchart as a state machine; [`validator`] checks it;
//! - [`walk`], [`session`] and [`journal`] are the engine: questions out, answers in, nothing printed;
//! - [`prompter`] is the seam to whoever answers: [`terminal`] (inquire) or [`script`] (a file);
//! - [`summary`] derives what was decided from the journal; [`report`] renders it;
//! - [`kaart`] is the Sociale Kaart (who to refer to, per category and gemeente);
//!   [`kaart_import`] turns a spreadsheet into one.

pub mod bsn;
pub mod cli;
pub mod clock;
mod cmd;
pub mod engine;
pub mod error;
pub mod finding;
pub mod flow;
pub mod kaart;
pub mod kaart_import;
pub mod offer;
pub mod prompt;
pub mod report;
pub mod scan;
pub mod store;
pub mod suggest;
pub mod text;
pub mod training;
pub mod yaml;

pub use cli::Args;
pub use error::{Error, Exit};

/// Run one command.
pub fn run(args: Args) -> Result<Exit, Error> {
    match cli::config::Config::resolve(args)? {
        cli::config::Config::Start(c) => cmd::start::start(&c),
        cli::config::Config::Resume(c) => cmd::start::resume(&c),
        cli::config::Config::CheckFlow(c) => cmd::check::run(&c),
        cli::config::Config::Sessions(c) => cmd::sessions::list(&c),
        cli::config::Config::Remove(c) => cmd::remove::remove(&c),
        cli::config::Config::Export(c) => cmd::export::export(&c),
        cli::config::Config::Show(c) => cmd::show::show(&c),
        cli::config::Config::Graph(c) => cmd::graph::graph(&c),
        cli::config::Config::Practice(c) => cmd::practice::run(&c),
        cli::config::Config::KaartCheck(c) => cmd::kaart::check(&c),
        cli::config::Config::KaartShow(c) => cmd::kaart::show(&c),
        cli::config::Config::KaartImport(c) => cmd::kaart::import(&c),
        cli::config::Config::Scan(c) => cmd::scan::run(&c),
        cli::config::Config::ScanReport(c) => cmd::scan_report::run(&c),
        cli::config::Config::Statistics(c) => cmd::statistics::run(&c),
    }
}
