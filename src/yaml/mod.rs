//! The one place where YAML is read.
//!
//! Every YAML file zorgpad reads (flows, the Sociale Kaart, answers files, practice cases,
//! questionnaires and their answers files) goes through [`parse`]. It refuses what a person
//! cannot see in the file, and says so in Dutch with the file's line and column:
//!
//! - **a duplicated key.** serde_yaml (and the libyaml-based forks after it) kept the last
//!   value of a key written twice in a typed map: a second footnote `1:` silently replaced the
//!   first one's clinical text. Here a duplicated key (text or number, and `1` next to `'1'`)
//!   is an error at the second occurrence, which names the line of the first.
//! - **hostile or broken input** takes bounded work and ends in a Dutch message (see
//!   [Budgets](#budgets)), never a hang, a crash or English parser text.
//!
//! # Why serde-saphyr
//! serde_yaml is deprecated upstream. serde_yaml_ng continues it on unsafe-libyaml (C
//! translated to unsafe Rust) with the same English, text-only errors; serde_yml is deprecated
//! in turn (a shim over noyalib, which is at 0.0.x). yaml-rust2 and saphyr are maintained
//! pure-Rust parsers without serde: every raw type would need a hand-written conversion.
//! serde-saphyr (serde on saphyr's parser, granit-parser) is pure Rust with
//! `forbid(unsafe_code)`, deserializes straight into the serde types zorgpad has, refuses
//! duplicated keys with a location ([`DuplicateKeyPolicy::Error`]), has budgets for depth,
//! nodes, aliases and anchors, and reports errors as enums (its own and the parser's
//! `ErrorKind`), so that `dutch.rs` translates them by kind instead of by matching English
//! text.
//!
//! It has no dynamic tree; [`Value`] and [`Mapping`] (`value.rs`) are zorgpad's own, with
//! serde_yaml's names, so that the callers did not change.
//!
//! # Budgets
//! Chosen generously for real files (a national Sociale Kaart of ~14,000 providers is ~7 MB
//! and ~0.5 million nodes; the deepest shipped file nests 7 levels) and tight enough that any
//! input is answered within a second:
//!
//! | limit | value |
//! | --- | --- |
//! | file size | [`MAX_BYTES`] (32 MiB) |
//! | nesting depth (lists and fields in each other) | [`MAX_DEPTH`] (64) |
//! | nodes (values, lists, fields) | [`MAX_NODES`] (4 million) |
//! | parser events | [`MAX_EVENTS`] (8 million) |
//! | anchors (`&naam`) and aliases (`*naam`) | [`MAX_ALIASES`] (10,000) each |
//! | events replayed for aliases, and recorded for anchors, in total | [`MAX_REPLAYED`] (30,000) |
//! | aliases inside aliases | [`MAX_ALIAS_NESTING`] (8) |

mod duplicate;
mod dutch;
mod names;
mod places;
mod value;
mod value_serde;

use serde::de::DeserializeOwned;
use serde_saphyr::options::AliasLimits;
use serde_saphyr::{Budget, DuplicateKeyPolicy, MergeKeyPolicy, Options};

pub use duplicate::unique_keys;
pub(crate) use places::entry_lines;
pub use value::{Index, Mapping, Number, Sequence, Value};

/// The largest file read, in bytes.
pub const MAX_BYTES: usize = 32 * 1024 * 1024;
/// The deepest nesting of lists and fields.
pub const MAX_DEPTH: usize = 64;
/// The most nodes (scalars, lists, mappings) in one file.
pub const MAX_NODES: usize = 4_000_000;
/// The most parser events in one file.
pub const MAX_EVENTS: usize = 8_000_000;
/// The most anchors, and the most aliases, in one file.
pub const MAX_ALIASES: usize = 10_000;
/// The most events replayed for aliases in one file, and recorded for anchors (the "billion
/// laughs" bound).
pub const MAX_REPLAYED: usize = 30_000;
/// The deepest nesting of aliases in the values of anchors.
pub const MAX_ALIAS_NESTING: usize = 8;

/// A YAML document that could not be read, in words for a person.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct YamlError {
    /// 1-based line, when the parser knows it.
    pub line: Option<usize>,
    /// 1-based column, when the parser knows it.
    pub column: Option<usize>,
    /// What is wrong, in Dutch.
    pub message: String,
}

impl YamlError {
    /// `file:line:column` (or less, when the place is unknown).
    pub fn place(&self, file: &str) -> String {
        match (self.line, self.column) {
            (Some(l), Some(c)) => format!("{file}:{l}:{c}"),
            (Some(l), None) => format!("{file}:{l}"),
            _ => file.to_string(),
        }
    }

    fn unplaced(message: String) -> YamlError {
        YamlError {
            line: None,
            column: None,
            message,
        }
    }
}

/// How zorgpad reads YAML: duplicated keys refused, the budgets above, no snippets (the
/// message names the place; the text stays in the file).
fn options() -> Options {
    let mut budget = Budget::default();
    budget.max_depth = MAX_DEPTH;
    budget.max_nodes = MAX_NODES;
    budget.max_events = MAX_EVENTS;
    budget.max_aliases = MAX_ALIASES;
    budget.max_anchors = MAX_ALIASES;
    budget.max_recorded_anchor_events = MAX_REPLAYED;
    // The replay bound above is the real one; the default ratio check (at most ten aliases per
    // anchor) would refuse a map where many providers share one `*regio` list.
    budget.enforce_alias_anchor_ratio = false;
    budget.max_documents = 1;
    budget.max_total_scalar_bytes = MAX_BYTES;
    let mut aliases = AliasLimits::default();
    aliases.max_total_replayed_events = MAX_REPLAYED;
    aliases.max_replay_stack_depth = MAX_ALIAS_NESTING;
    let mut options = Options::default();
    options.budget = Some(budget);
    options.alias_limits = aliases;
    options.duplicate_keys = DuplicateKeyPolicy::Error;
    // `<<:` is an ordinary key, as it was with serde_yaml: a merge would let a key of the
    // merged mapping disappear silently behind one written in the file.
    options.merge_keys = MergeKeyPolicy::AsOrdinary;
    options.with_snippet = false;
    options
}

/// Parse `text` as a `T`. An empty document is reported as such instead of as a type error.
pub fn parse<T: DeserializeOwned>(text: &str) -> Result<T, YamlError> {
    if text.trim().is_empty()
        || text
            .lines()
            .all(|l| l.trim().is_empty() || l.trim_start().starts_with('#'))
    {
        return Err(YamlError::unplaced("het bestand is leeg".to_string()));
    }
    if text.len() > MAX_BYTES {
        return Err(YamlError::unplaced(format!(
            "het bestand is te groot: {} MB, zorgpad leest bestanden tot {} MB",
            text.len().div_ceil(1024 * 1024),
            MAX_BYTES / (1024 * 1024)
        )));
    }
    serde_saphyr::from_str_with_options(text, options()).map_err(|e| {
        if dutch::is_about_the_text(&e) {
            // The reading is in file order: nothing before this place was wrong.
            located(text, &e, None)
        } else {
            explain::<T>(text, e)
        }
    })
}

/// The error to report for a file that did not read as a `T`. Syntax first: the typed reading
/// stops at its first complaint, so an unclosed '[' further on would be reported as "a list
/// where text was expected"; reading the file as a plain tree finds syntax errors, duplicated
/// keys and budget breaches anywhere. Only when the tree is fine is the typed error reported,
/// with the path to the field (read again with `serde_path_to_error`: a valid file is read once).
fn explain<T: DeserializeOwned>(text: &str, typed: serde_saphyr::Error) -> YamlError {
    if let Err(syntax) = serde_saphyr::from_str_with_options::<Value>(text, options()) {
        return located(text, &syntax, None);
    }
    let mut path = None;
    let again = serde_saphyr::with_deserializer_from_str_with_options(text, options(), |de| {
        serde_path_to_error::deserialize::<_, T>(de).map_err(|e| {
            path = Some(e.path().to_string());
            e.into_inner()
        })
    });
    match again {
        Err(e) => {
            let path = path.map(|p| field_path(&p, &e));
            located(text, &e, path.filter(|p| p != "." && !p.is_empty()))
        }
        Ok(_) => located(text, &typed, None),
    }
}

/// The path of the fields around the error, as serde_yaml gave it: `knopen[1]` for an unknown
/// field in the second node (serde_path_to_error names the unknown field too), and without the
/// `?` it writes for a key that did not read.
fn field_path(path: &str, e: &serde_saphyr::Error) -> String {
    let mut path = path
        .trim_end_matches(".?")
        .trim_end_matches('?')
        .to_string();
    if let serde_saphyr::Error::SerdeUnknownField { field, .. } = dutch::inner(e) {
        if path == *field {
            path.clear();
        } else if let Some(parent) = path.strip_suffix(&format!(".{field}")) {
            path = parent.to_string();
        }
    }
    path
}

fn located(text: &str, e: &serde_saphyr::Error, path: Option<String>) -> YamlError {
    let (place, message) = dutch::describe(e, text);
    YamlError {
        line: place.map(|p| p.line),
        column: place.map(|p| p.column),
        message: match path {
            Some(p) => format!("bij '{p}': {message}"),
            None => message,
        },
    }
}

/// A 1-based line and column in the file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Place {
    line: usize,
    column: usize,
}

impl Place {
    /// The reader's location, when it is known.
    fn of(location: &serde_saphyr::Location) -> Option<Place> {
        let line = usize::try_from(location.line()).ok()?;
        let column = usize::try_from(location.column()).ok()?;
        (line > 0 && column > 0).then_some(Place { line, column })
    }
}

/// Turn a value back into YAML text, for error messages that quote an entry.
pub fn to_text(value: &Value) -> String {
    serde_saphyr::to_string(value)
        .map(|s| s.trim_end().to_string())
        .unwrap_or_else(|_| "?".to_string())
}

#[cfg(test)]
mod tests;
