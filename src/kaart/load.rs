//! Loading a map: from a file, from text, or the example built into the binary.
//!
//! Why this exists: only two things make loading fail (the file cannot be read, or it is not a
//! map at all); those name file, line and column and explain the format. Everything else is a
//! finding collected by [`super::convert`], so that one run names every mistake.

use std::path::{Path, PathBuf};

use crate::error::{read_text, Error, Result};

use super::convert::convert;
use super::parse::parse;
use super::{Kaart, RawKaart};

/// The example map shipped in the binary; used when no `--kaart` is given.
pub(super) const EMBEDDED_TEXT: &str = include_str!("../../sociale-kaart/voorbeeld.yaml");

/// How the embedded map is named in messages.
const EMBEDDED_FILE: &str = "sociale-kaart/voorbeeld.yaml (ingebouwd)";

impl Kaart {
    /// The example map: the embedded one, or a file with exactly its text (such as
    /// `--kaart sociale-kaart/voorbeeld.yaml`). Its data are made up on purpose.
    pub fn is_example(&self) -> bool {
        self.is_embedded() || self.text == EMBEDDED_TEXT
    }

    /// Load the map in `path`, or the embedded example when `None`. Fails (exit 2) only when
    /// the file cannot be read or is not a map at all (YAML errors, wrong types, unknown keys),
    /// naming file, line and column; everything else is a finding (see [`Kaart::findings`]).
    pub fn load(path: Option<&Path>) -> Result<Kaart> {
        match path {
            None => Kaart::from_text(EMBEDDED_FILE, EMBEDDED_TEXT.to_string(), None),
            Some(path) => {
                if let Some(ext) = spreadsheet_extension(path) {
                    return Err(Error::input(format!(
                        "'{}' is een spreadsheet ({ext}), geen Sociale Kaart in YAML",
                        path.display()
                    ))
                    .hint(format!(
                        "Zet het eerst om: zorgpad kaart importeer {} -o kaart.yaml\nen gebruik daarna --kaart kaart.yaml.",
                        path.display()
                    )));
                }
                let text = read_text("de sociale kaart", path)?;
                Kaart::from_text(&path.display().to_string(), text, Some(path.to_path_buf()))
            }
        }
    }

    /// The copy of a map a session pinned (`store/pinned.rs`), named as the map it was made
    /// from (its file, or the embedded example when the fingerprint names no file).
    pub fn from_pinned(print: &crate::store::Fingerprint, text: String) -> Result<Kaart> {
        let file = print.bestand.clone();
        let name = file.clone().unwrap_or_else(|| EMBEDDED_FILE.to_string());
        Kaart::from_text(&name, text, file.map(PathBuf::from))
    }

    /// Read a map from text; `file` names it in messages.
    pub fn from_text(file: &str, text: String, path: Option<PathBuf>) -> Result<Kaart> {
        let raw: RawKaart = parse(&text).map_err(|e| {
            let mut hint = String::new();
            if e.message.contains("een lijst verwacht") {
                hint.push_str(
                    "Een lijst schrijft u als [a, b], bijvoorbeeld 'categorieen: [ggz]'.\n",
                );
            }
            hint.push_str(
                "Dit is geen geldige Sociale Kaart; de opbouw staat in sociale-kaart/README.md.",
            );
            Error::input(format!("{}: {}", e.place(file), e.message)).hint(hint)
        })?;
        Ok(convert(file, path, text, raw))
    }
}

fn spreadsheet_extension(path: &Path) -> Option<String> {
    let ext = path.extension()?.to_str()?.to_lowercase();
    ["xlsx", "xlsm", "xls", "ods", "csv"]
        .contains(&ext.as_str())
        .then(|| format!(".{ext}"))
}
