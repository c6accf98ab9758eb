//! zorgpad: a decision aid that walks the *Blauwdruk Psychosociale zorg en samenwerking met
//! Veilig Thuis* with a professional in maternity care.
//!
//! # Rooms
//! The code is laid out by stage of the data flow, one concept per file; imports point one way
//! (`tests/integration/layout.rs` keeps it so):
//!
//! `cmd` → `cli` → `prompt` / `report` → `training` → `scan` → `kaart` → `store` → `engine` →
//! `flow` → support (`error`, `finding`, `yaml`, `text`, `visible`, `clock`, `suggest`, `bsn`).
//!
//! - `flow` turns flow files into a checked model (the compiler side);
//! - `engine` only walks that model: questions out, answers in, a journal; it never prints;
//! - `store` keeps sessions on disk, privately and atomically;
//! - `kaart`, `scan`, `training` are the domains: the Sociale Kaart, the cooperation
//!   scan, the practice cases;
//! - `report` builds documents from what the domains computed, `prompt` asks a person or
//!   reads an answers file;
//! - `cli` is the command line: syntax, and one `config` that gives it meaning;
//! - `cmd` holds one file per subcommand: the only code that prints.
//!
//! # Naming
//! Files that people write or read (flows, maps, answers, sessions, exports) keep their Dutch
//! keys; in code, serde renames them. Every other identifier is English, except a few domain
//! nouns that have no good English word and that users and the sources use:
//!
//! | word | meaning |
//! | --- | --- |
//! | blauwdruk | the regional flowchart (the Blauwdruk) this tool walks |
//! | Kaart (Sociale Kaart) | the local directory of services a VSV refers to |
//! | gemeente | municipality; providers serve one or more |
//! | VSV | verloskundig samenwerkingsverband: the local maternity-care partnership |
//! | Meldcode | the child-safety and domestic-violence reporting code, with its five steps |
//! | Kindcheck | the check whether children of the client may be unsafe |
//! | MDO | multidisciplinair overleg: the case conference |
//! | Veilig Thuis | the regional advice and reporting centre for domestic violence |
//! | rol / door | in the journal: the role that acted, and the initials given with `--door` (`engine::journal::Actor`) |
//! | reden | the reason given on going back to change a Kindcheck, Meldcode or PPM (D1) answer, or on going on after an end |
//! | afvinken / afgevinkt | in answers files and the journal: an open action ticked off later (`engine::reopen::OpenAction`, `Session::tick`) |
//! | vervolg | on an end in a flow: where a finished session may go on later (`flow::model::Continuation`); in the journal the answer that goes on (`Answer::Vervolg`, `Session::go_on`) |
//! | opvolging / opvolgen | a wait with `opvolging:` in the flow (`flow::model::FollowUpRule`: `verder`, `uiterlijk`) put off "later" while the path goes on; it stays open beside the path (`engine::follow_up::FollowUp`, `Session::open_follow_ups`, `Session::due_follow_up`), recorded as `Answer::Opvolging` and, on its own answers and backs, the journal field `opvolging`; `zorgpad opvolgen` answers one (`cmd::follow_up`) |
//! | toelichting / notitie | the free text with an answer (a choice's toelichting, the notitie of the rest); opt-in in the terminal and asked after the answer is saved, as its own journal event `notitie` |
//! | zwaarwegend | a weighty question in the flow (PPM, Kindcheck, Meldcode, a report): never answered by Enter alone on a pre-selected option (`Node::weighty`) |
//!
//! One concept has one name throughout.

pub(crate) mod bsn;
pub(crate) mod cli;
pub(crate) mod clock;
mod cmd;
pub(crate) mod engine;
pub mod error;
pub(crate) mod finding;
pub mod flow;
mod json_files;
pub mod kaart;
mod out;
pub mod prompt;
pub(crate) mod report;
pub mod scan;
pub(crate) mod store;
pub(crate) mod suggest;
pub(crate) mod text;
pub mod training;
pub(crate) mod visible;
pub mod yaml;

pub use cli::config::error_width;
pub use cli::{Args, Usage};
pub use error::{Error, Exit};

/// Print an error on standard error, wrapped to the terminal when there is one. A closed or
/// full standard error is not a crash: the exit code still says what happened.
pub fn print_error(error: &Error) {
    if !error.is_silent() {
        out::write_err(format_args!("{}\n", error.render(error_width())));
    }
}

/// Run one command.
pub fn run(args: Args) -> Result<Exit, Error> {
    out::set_error_width(error_width());
    match cli::config::Config::resolve(args)? {
        cli::config::Config::Start(c) => cmd::start::start(&c),
        cli::config::Config::Resume(c) => cmd::resume::run(&c),
        cli::config::Config::CheckFlow(c) => cmd::check::run(&c),
        cli::config::Config::Sessions(c) => cmd::sessions::list(&c),
        cli::config::Config::Remove(c) => cmd::remove::remove(&c),
        cli::config::Config::HandOver(c) => cmd::handover::hand_over(&c),
        cli::config::Config::Receive(c) => cmd::handover::receive(&c),
        cli::config::Config::Export(c) => cmd::export::export(&c),
        cli::config::Config::Consent(c) => cmd::consent::record(&c),
        cli::config::Config::Show(c) => cmd::show::show(&c),
        cli::config::Config::Graph(c) => cmd::graph::graph(&c),
        cli::config::Config::Routes(c) => cmd::routes::run(&c),
        cli::config::Config::Practice(c) => cmd::practice::run(&c),
        cli::config::Config::KaartCheck(c) => cmd::kaart::check(&c),
        cli::config::Config::KaartShow(c) => cmd::kaart::show(&c),
        cli::config::Config::KaartImport(c) => cmd::kaart::import(&c),
        cli::config::Config::KaartTemplate(c) => cmd::kaart::template(&c),
        cli::config::Config::Scan(c) => cmd::scan::run(&c),
        cli::config::Config::ScanReport(c) => cmd::scan_report::run(&c),
        cli::config::Config::Statistics(c) => cmd::statistics::run(&c),
        cli::config::Config::Help(path) => cmd::help::run(&path),
        cli::config::Config::Completions(shell) => cmd::completions::run(shell),
        cli::config::Config::Man(output) => cmd::man::run(output.as_ref()),
    }
}
