//! The session store: one JSON file per session in a private data directory.
//!
//! Sessions hold some of the most sensitive data there is (psychological problems, child
//! safety). The directory is created 0700, every file 0600. Every save is atomic (temporary
//! file in the same directory, fsync, rename, fsync of the directory), so a killed process or
//! a full disk leaves the previous complete file, never a half-written one. A file that cannot
//! be read is reported by name and left exactly as it is; the other sessions still work.

pub mod fingerprint;
pub mod private_file;
mod record;

pub use fingerprint::Fingerprint;
pub(crate) use private_file::create_private_dir;
use record::read_record;
pub use record::{Record, Unreadable, SCHEMA};

use std::path::{Path, PathBuf};

use jiff::Timestamp;

use crate::error::{Error, Result};

pub struct Store {
    dir: PathBuf,
}

impl Store {
    /// The data directory: `--data-dir`, else `ZORGPAD_DATA`, else the platform's data
    /// directory (on Linux `~/.local/share/zorgpad`).
    pub fn resolve_dir(flag: Option<PathBuf>) -> Result<PathBuf> {
        if let Some(dir) = flag {
            return Ok(dir);
        }
        if let Some(dir) = std::env::var_os("ZORGPAD_DATA").filter(|v| !v.is_empty()) {
            return Ok(PathBuf::from(dir));
        }
        dirs::data_dir().map(|d| d.join("zorgpad")).ok_or_else(|| {
            Error::input("er is geen map voor gegevens gevonden")
                .hint("Geef er een met --data-dir MAP of de omgevingsvariabele ZORGPAD_DATA.")
        })
    }

    /// Open the store, creating the directory (0700) when needed.
    pub fn open(dir: PathBuf) -> Result<Store> {
        if dir.exists() && !dir.is_dir() {
            return Err(Error::input(format!(
                "'{}' is geen map; de sessies horen in een map",
                dir.display()
            )));
        }
        if !dir.exists() {
            create_private_dir(&dir).map_err(|e| Error::write("de gegevensmap", &dir, &e))?;
        }
        Ok(Store { dir })
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }

    pub fn path_of(&self, id: &str) -> PathBuf {
        self.dir.join(format!("{id}.json"))
    }

    /// Write a session atomically, readable only by its owner.
    pub fn save(&self, record: &Record) -> Result<()> {
        let mut text = serde_json::to_string_pretty(record)
            .map_err(|e| Error::input(format!("de sessie kon niet worden opgeslagen: {e}")))?;
        text.push('\n');
        let path = self.path_of(&record.id);
        crate::store::private_file::write("het sessiebestand", &path, text.as_bytes())?;
        sync_dir(&self.dir);
        Ok(())
    }

    /// Whether a session file with this id exists.
    pub fn exists(&self, id: &str) -> bool {
        self.path_of(id).is_file()
    }

    /// Find a session by its id or a unique beginning of it.
    pub fn find(&self, wanted: &str) -> Result<PathBuf> {
        let wanted = wanted.trim();
        if wanted.is_empty() || wanted.contains(['/', '\\']) {
            return Err(Error::input(format!("'{wanted}' is geen sessie-id"))
                .hint("'zorgpad sessies' toont de sessies met hun id."));
        }
        let exact = self.path_of(wanted);
        if exact.is_file() {
            return Ok(exact);
        }
        let hits: Vec<PathBuf> = self
            .files()
            .into_iter()
            .filter(|p| stem(p).starts_with(wanted))
            .collect();
        match hits.as_slice() {
            [one] => Ok(one.clone()),
            [] => Err(Error::input(format!("er is geen sessie '{wanted}' in {}", self.dir.display()))
                .hint("'zorgpad sessies' toont de sessies met hun id (met --data-dir voor een andere map).")),
            many => Err(Error::input(format!(
                "'{wanted}' past bij {} sessies: {}",
                many.len(),
                many.iter().map(|p| stem(p)).collect::<Vec<_>>().join(", ")
            ))
            .hint("Typ meer tekens van het id.")),
        }
    }

    /// Read one session file. Errors name the file and leave it untouched.
    pub fn load(&self, path: &Path) -> Result<Record> {
        read_record(path).map_err(|u| {
            Error::input(format!("het sessiebestand '{}' is onleesbaar: {}", u.path.display(), u.reason)).hint(
                "Het bestand is niet veranderd. Andere sessies werken gewoon; bewaar dit bestand voor onderzoek of verwijder het met 'zorgpad sessies verwijder ID'.",
            )
        })
    }

    /// Every session, newest change first; unreadable files are returned apart.
    pub fn list(&self) -> (Vec<Record>, Vec<Unreadable>) {
        let mut good = Vec::new();
        let mut bad = Vec::new();
        for path in self.files() {
            match read_record(&path) {
                Ok(r) => good.push(r),
                Err(u) => bad.push(u),
            }
        }
        good.sort_by(|a: &Record, b: &Record| {
            b.bijgewerkt.cmp(&a.bijgewerkt).then(a.id.cmp(&b.id))
        });
        (good, bad)
    }

    pub fn remove(&self, path: &Path) -> Result<()> {
        std::fs::remove_file(path).map_err(|e| Error::write("het sessiebestand", path, &e))?;
        sync_dir(&self.dir);
        Ok(())
    }

    /// The session files (`*.json`), skipping temporary files of interrupted saves.
    fn files(&self) -> Vec<PathBuf> {
        let Ok(entries) = std::fs::read_dir(&self.dir) else {
            return Vec::new();
        };
        let mut files: Vec<PathBuf> = entries
            .filter_map(|e| e.ok())
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|x| x == "json") && p.is_file())
            .filter(|p| !stem(p).starts_with('.'))
            .collect();
        files.sort();
        files
    }
}

fn stem(path: &Path) -> String {
    path.file_stem()
        .and_then(|s| s.to_str())
        .unwrap_or("")
        .to_string()
}

/// Make a rename durable: fsync the directory (best effort; not every platform allows it).
fn sync_dir(dir: &Path) {
    if let Ok(d) = std::fs::File::open(dir) {
        let _ = d.sync_all();
    }
}

/// A new session id: date, time and four random hex digits, e.g. `20261122-0914-3fa2`.
pub fn new_id(at: Timestamp, store: &Store) -> String {
    loop {
        let id = crate::clock::random_stamp(at);
        if !store.exists(&id) {
            return id;
        }
    }
}
