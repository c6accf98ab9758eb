//! A session summary as a file for the client's dossier: one format per writer (Markdown,
//! JSON, HTML, and the short text for the electronic health record), chosen by `--formaat` or
//! by the name of the file.

use crate::clock::Clock;
use crate::error::Result;
use crate::report::summary::Summary;
use crate::report::{session, short, write};

/// The formats the summary can be exported in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Markdown,
    Json,
    Html,
    /// The short plain text for the EHR ([`crate::report::short`]).
    Text,
}

impl Format {
    pub fn name(self) -> &'static str {
        match self {
            Format::Markdown => "md",
            Format::Json => "json",
            Format::Html => "html",
            Format::Text => "tekst",
        }
    }
}

/// Render and write an export file (0600, atomically).
pub fn write_export(
    summary: &Summary,
    path: &std::path::Path,
    format: Format,
    clock: &Clock,
) -> Result<()> {
    let text = render(summary, format, clock);
    crate::store::private_file::write("de export", path, text.as_bytes())
}

/// The summary in one export format.
pub fn render(summary: &Summary, format: Format, clock: &Clock) -> String {
    match format {
        Format::Markdown => write::markdown(&session::document(
            summary,
            clock.zone(),
            session::Detail::File,
        )),
        Format::Json => session::json(summary),
        Format::Html => write::html(&session::document(
            summary,
            clock.zone(),
            session::Detail::File,
        )),
        Format::Text => short::text(summary, clock.zone()),
    }
}
