//! The JSON files a command reads in bulk — the members' scans for the group report, the
//! practices' counts for the region: files as given, folders as every visible `*.json` in
//! them (sorted, so that the output does not depend on the order of the directory). A file
//! named twice, or named and also in a folder given, is refused: it would count twice. Where
//! the files of different sources always differ ([`Copies::Refuse`]: a practice's counts carry
//! its months and gemeenten), so is a copy under another name. Scans may not refuse copies: two
//! members who give the same answers on the same day write the same bytes, since a scan holds
//! nothing that tells members apart.

use std::path::PathBuf;

use sha2::{Digest, Sha256};

use crate::error::{Error, Result};

/// Whether a file with the same bytes as another is refused as a copy.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Copies {
    Refuse,
    Allow,
}

/// The files named in `paths`. `what` names the files in messages ("scanbestanden"); `make`
/// says how such a file is made, for a folder without any.
pub(crate) fn json_files(
    paths: &[PathBuf],
    what: &str,
    make: &str,
    copies: Copies,
) -> Result<Vec<PathBuf>> {
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
    let mut contents: Vec<([u8; 32], &PathBuf)> = Vec::new();
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
        if copies == Copies::Allow {
            continue;
        }
        // A file that cannot be read is reported by whoever reads it, with its own words.
        let Ok(bytes) = std::fs::read(f) else {
            continue;
        };
        let hash: [u8; 32] = Sha256::digest(&bytes).into();
        if let Some((_, first)) = contents.iter().find(|(h, _)| *h == hash) {
            return Err(Error::input(format!(
                "'{}' is een kopie van '{}' (dezelfde inhoud); het zou dubbel tellen",
                f.display(),
                first.display()
            ))
            .hint("Haal de kopie weg; elk bestand telt één keer."));
        }
        contents.push((hash, f));
    }
    Ok(out)
}
