//! One rule for the names of output files, for every command that writes one (`export -o`,
//! `start`/`hervat --export`, `graaf -o`, `scan rapport -o`, `statistiek -o`): the extension
//! picks the format; an extension the command cannot write (`.pdf`, `.docx`, `.svg`, …) is
//! refused with what to do instead (a command that does write one, such as `graaf` with
//! Graphviz, names it among its own formats); `--formaat` that contradicts the extension is refused; a
//! name without a known extension needs `--formaat`. Decided before any work, so that nothing
//! is written (and no session walked) for a name that cannot be honoured.

use std::path::Path;

use crate::cli::config::check_target;
use crate::error::{Error, Result};

/// What one command writes, and the names it accepts.
pub(crate) struct Names<F: 'static> {
    /// What is written, for messages ("de export").
    pub what: &'static str,
    /// Each extension (lower case, without the dot) and the format it picks.
    pub formats: &'static [(&'static str, F)],
    /// What to do instead of a document or picture zorgpad does not write (PDF, Word, SVG…).
    pub instead: &'static str,
    /// The extensions that can be used, for people (".md (Markdown), .json, …").
    pub choices: &'static str,
    /// Whether the command has `--formaat` (then a name without a known extension may do).
    pub flag: bool,
}

/// Formats zorgpad does not write, by extension, unless a command names one among its own.
const NEVER: &[(&str, &str)] = &[
    ("pdf", "PDF"),
    ("doc", "Word-bestanden"),
    ("docx", "Word-bestanden"),
    ("odt", "OpenDocument-bestanden"),
    ("rtf", "RTF"),
    ("svg", "plaatjes (SVG)"),
    ("png", "plaatjes (PNG)"),
    ("jpg", "plaatjes (JPEG)"),
    ("jpeg", "plaatjes (JPEG)"),
    ("gif", "plaatjes (GIF)"),
    ("xls", "Excel-bestanden"),
    ("xlsx", "Excel-bestanden"),
    ("ods", "OpenDocument-rekenbladen"),
];

/// The file's extension, lower case.
fn extension(path: &Path) -> Option<String> {
    path.extension()
        .and_then(|e| e.to_str())
        .map(str::to_lowercase)
}

/// The format of the output file `path`: the one its extension picks, checked against an
/// explicit `--formaat` (`flag`: the format and how it was written, "--formaat json"). The
/// target itself is checked too ([`check_target`]). Refused, with what to do: an extension the
/// command cannot write, a `--formaat` that contradicts the name, and — without `--formaat` — a
/// name whose extension says nothing.
pub(crate) fn format_of<F: Copy + PartialEq>(
    path: &Path,
    names: &Names<F>,
    flag: Option<(F, &str)>,
) -> Result<F> {
    check_target(path, names.what)?;
    let ext = extension(path);
    let hint = format!("Mogelijk: {}.", names.choices);
    let own = ext
        .as_deref()
        .is_some_and(|e| names.formats.iter().any(|(n, _)| *n == e));
    if let Some((_, kind)) = ext
        .as_deref()
        .filter(|_| !own)
        .and_then(|e| NEVER.iter().find(|(n, _)| *n == e))
    {
        return Err(
            Error::input(format!("zorgpad schrijft geen {kind}; {}", names.instead)).hint(hint),
        );
    }
    let named = ext
        .as_deref()
        .and_then(|e| names.formats.iter().find(|(n, _)| *n == e))
        .map(|(_, f)| *f);
    match (named, flag) {
        (Some(named), Some((f, written))) if named != f => {
            let fitting = names
                .formats
                .iter()
                .find(|(_, g)| *g == f)
                .map(|(n, _)| format!(" (.{n})"))
                .unwrap_or_default();
            Err(Error::input(format!(
                "{written} past niet bij de bestandsnaam '{}' (die wijst op {})",
                path.display(),
                ext.as_deref().unwrap_or_default()
            ))
            .hint(format!(
                "Laat {} weg (dan volgt het formaat de bestandsnaam), of geef het bestand de passende extensie{fitting}.",
                written.split(' ').next().unwrap_or(written)
            )))
        }
        (Some(named), _) => Ok(named),
        (None, Some((f, _))) => Ok(f),
        (None, None) => Err(Error::input(match &ext {
            Some(e) => format!(
                "zorgpad schrijft {} niet als .{e} ('{}')",
                names.what,
                path.display()
            ),
            None => format!(
                "de naam '{}' zegt niet in welk formaat {} moet: hij heeft geen extensie",
                path.display(),
                names.what
            ),
        })
        .hint(if names.flag {
            format!("{hint} Of kies het formaat met --formaat.")
        } else {
            hint
        })),
    }
}
