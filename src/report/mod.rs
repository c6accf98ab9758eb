//! The report room: what zorgpad writes for people to read — the session summary, the scan's
//! group picture, the statistics, the Sociale Kaart's gaps and providers, the pathway.
//!
//! Each report collects its facts (e.g. [`summary`]), builds one [`document::Document`] from
//! them, and one writer per format in [`write`] turns it into terminal text, Markdown, HTML or
//! CSV. Output is deterministic: a fixed width when it does not go to a terminal, so that tests
//! and exports can be compared line by line.

pub(crate) mod document;
pub mod export;
pub mod graph;
pub mod json;
pub(crate) mod kaart;
pub mod letter;
pub mod letter_write;
pub mod pathway;
pub(crate) mod routes;
pub mod scan;
pub(crate) mod session;
pub mod sessions;
pub mod short;
pub mod statistics;
pub mod summary;
pub(crate) mod write;

pub(crate) use session::text;

/// The table width used whenever output must be reproducible.
pub const FIXED_WIDTH: u16 = 100;

/// How text and tables for the terminal are laid out. Decided once, in
/// [`crate::cli::config`], from the environment; renderers never ask the terminal themselves,
/// so the same report is the same text wherever it is rendered.
#[derive(Debug, Clone, Copy)]
pub struct Layout {
    /// The width of tables (and of wrapped text).
    pub width: u16,
    /// Whether free text is wrapped at word boundaries (on a terminal, which would otherwise
    /// break words); in a pipe or a file, lines stay whole and output stays comparable.
    pub wrap: bool,
}
