//! The JSON files a command reads in bulk — the members' scans for the group report, the
//! practices' counts for the region: files as given, folders as every visible `*.json` in
//! them (sorted, so that the output does not depend on the order of the directory). A file
//! named twice, or named and also in a folder given, is refused: it would count twice.

use std::path::PathBuf;

use crate::error::{Error, Result};

/// The files named in `paths`. `what` names the files in messages ("scanbestanden"); `make`
/// says how such a file is made, for a folder without any.
pub(crate) fn json_files(paths: &[PathBuf], what: &str, make: &str) -> Result<Vec<PathBuf>> {
    let mut out = Vec::new();
    for p in paths {
        if !p.is_dir() {
            out.push(p.clone());
            continue;
        }
        let entries = std::fs::read_dir(p).map_err(|e| Error::read("de map", p, &e))?;
        let mut found: Vec<PathBuf> = entries
            .filter_map(|e| e.ok())
            .map(|e| e.path())
            .filter(|f| {
                f.is_file()
                    && f.extension()
                        .is_some_and(|x| x.eq_ignore_ascii_case("json"))
                    && !f
                        .file_name()
                        .and_then(|n| n.to_str())
                        .is_some_and(|n| n.starts_with('.'))
            })
            .collect();
        if found.is_empty() {
            return Err(Error::input(format!(
                "in de map '{}' staan geen {what} (.json)",
                p.display()
            ))
            .hint(make.to_string()));
        }
        found.sort();
        out.extend(found);
    }
    let mut seen: Vec<PathBuf> = Vec::new();
    for f in &out {
        let key = std::fs::canonicalize(f).unwrap_or_else(|_| f.clone());
        if seen.contains(&key) {
            return Err(Error::input(format!(
                "'{}' is twee keer gegeven; het zou dubbel tellen",
                f.display()
            ))
            .hint("Geef elk bestand één keer; een map telt alle .json-bestanden erin."));
        }
        seen.push(key);
    }
    Ok(out)
}
