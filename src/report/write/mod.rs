//! The writers: one per format, each turning any [`Document`] into text. What a report says is
//! decided where it builds its document; how a block looks in a format is decided here, once.
//!
//! [`Document`]: crate::report::document::Document

pub(crate) mod csv;
pub(crate) mod html;
pub(crate) mod lines;
pub(crate) mod markdown;
pub(crate) mod text;

pub(crate) use html::write as html;
pub(crate) use markdown::write as markdown;
pub(crate) use text::write as text;
