//! The session store: one JSON file per session in a private data directory.
//!
//! Sessions hold some of the most sensitive data there is (psychological problems, child
//! safety). The directory is created 0700, every file 0600. Every save is atomic (temporary
//! file in the same directory, fsync, rename, fsync of the directory), so a killed process or
//! a full disk leaves the previous complete file, never a half-written one. A file that cannot
//! be read is reported by name and left exactly as it is; the other sessions still work.
//!
//! One process at a time works on a session: it holds the session's lock ([`lock`]) from
//! before it reads the file until it ends, and every save needs that lock. A session is the
//! file `ID.json`; the id inside must match (`record.rs`), and saving always goes to the name
//! the lock was taken for, so never outside the data directory. A new session's file is
//! created only if no file has its name (otherwise it takes a new id). Temporary files left by
//! a killed save are cleared at the next access (`tidy.rs`).

pub mod fingerprint;
pub mod handover;
pub mod lock;
pub mod pinned;
pub mod private_file;
mod record;
pub mod sealed;
mod tidy;

pub use fingerprint::Fingerprint;
pub use lock::{Holder, SessionLock};
pub(crate) use private_file::create_private_dir;
use private_file::Landing;
use record::read_record;
pub use record::{valid_id, Record, Unreadable, SCHEMA};

use std::path::{Path, PathBuf};

use jiff::tz::TimeZone;
use jiff::Timestamp;

use crate::error::{Error, Result};

/// What a typed session reference ([`Store::find`]) matches: one session, or several (their
/// ids), which the command lists so that the user can choose.
#[derive(Debug)]
pub enum Found {
    One(String),
    Many(Vec<String>),
}

pub struct Store {
    dir: PathBuf,
    /// The permissions the directory had when zorgpad found it open to others and closed it
    /// (to 0700), so that the command can say so.
    tightened: Option<u32>,
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
        let tightened = if dir.exists() {
            tighten(&dir)?
        } else {
            create_private_dir(&dir).map_err(|e| Error::write("de gegevensmap", &dir, &e))?;
            None
        };
        tidy::tidy(&dir);
        Ok(Store { dir, tightened })
    }

    /// The directory's old permissions, when it was open to others and has been closed.
    pub fn tightened(&self) -> Option<u32> {
        self.tightened
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }

    pub fn path_of(&self, id: &str) -> PathBuf {
        self.dir.join(format!("{id}.json"))
    }

    /// A new session, locked, with an id that no session file and no other process has. Its
    /// file is written by the first [`Store::save`].
    pub fn create(&self, at: Timestamp, holder: &Holder) -> Result<SessionLock> {
        loop {
            let id = crate::clock::random_stamp(at);
            if self.path_of(&id).exists() {
                continue;
            }
            let locked = lock::try_acquire(&self.dir, &id, holder).map_err(|e| {
                Error::write("het slotbestand", &lock::lock_path(&self.dir, &id), &e)
            })?;
            // Taken by a process that has not saved yet, or saved just now: another id.
            let Some(mut lock) = locked else { continue };
            if self.path_of(&id).exists() {
                continue;
            }
            lock.fresh = true;
            return Ok(lock);
        }
    }

    /// The lock of an existing session (its id as [`Store::find`] gives it), taken before its
    /// file is read and held until the lock is dropped. A session that another process holds
    /// is refused, saying since when and by whom; nothing is changed. Temporary files of an
    /// earlier, interrupted save of this session are removed.
    pub fn lock(&self, id: &str, holder: &Holder, zone: &TimeZone) -> Result<SessionLock> {
        if !valid_id(id) {
            return Err(not_an_id(id));
        }
        let lock = lock::acquire(&self.dir, id, holder, zone)?;
        tidy::remove_temps(&self.dir, &lock);
        // Removed by the process that held it before us.
        if !self.path_of(id).is_file() {
            return Err(Error::input(format!(
                "sessie {id} bestaat niet meer in {}",
                self.dir.display()
            ))
            .hint("'zorgpad sessies' toont de sessies met hun id."));
        }
        Ok(lock)
    }

    /// Whether another process holds session `id` right now.
    pub fn in_use(&self, id: &str) -> bool {
        lock::in_use(&self.dir, id)
    }

    /// Write a session atomically, readable only by its owner, under the name of its lock —
    /// never the id inside the record, which is set to it. The first save of a new session
    /// creates its file only if no file has that name; on a clash the session takes a new id
    /// (and a new lock) and tries again.
    pub fn save(&self, lock: &mut SessionLock, record: &mut Record) -> Result<()> {
        loop {
            record.id = lock.id().to_string();
            let mut text = serde_json::to_string_pretty(record)
                .map_err(|e| Error::input(format!("de sessie kon niet worden opgeslagen: {e}")))?;
            text.push('\n');
            let path = self.path_of(lock.id());
            let landing = if lock.fresh {
                Landing::CreateNew
            } else {
                Landing::Replace
            };
            let prefix = tidy::temp_prefix(lock.id());
            match private_file::write_atomic(&path, text.as_bytes(), 0o600, &prefix, landing) {
                Ok(()) => {
                    lock.fresh = false;
                    sync_dir(&self.dir);
                    return Ok(());
                }
                Err(e) if lock.fresh && e.kind() == std::io::ErrorKind::AlreadyExists => {
                    *lock = self.create(record.aangemaakt, &lock.holder().clone())?;
                }
                Err(e) => return Err(Error::write("het sessiebestand", &path, &e)),
            }
        }
    }

    /// Find a session by what was typed: its id, a unique beginning of its id, or the client's
    /// kenmerk (exact, ignoring case). A full id always wins; otherwise every session whose id
    /// begins with the text or whose kenmerk is the text is a candidate, so that a text that
    /// fits both never silently picks one. Only plain ids are looked for as files: a file named
    /// otherwise is no session.
    pub fn find(&self, wanted: &str) -> Result<Found> {
        let typed = wanted.trim();
        // Ids are lower case; "3FA2" copied from somewhere else is the same session.
        let as_id = typed.to_ascii_lowercase();
        let is_id = valid_id(&as_id);
        if is_id && self.path_of(&as_id).is_file() {
            return Ok(Found::One(as_id));
        }
        let mut hits: Vec<String> = Vec::new();
        if is_id {
            hits.extend(
                self.files()
                    .iter()
                    .map(|p| stem(p))
                    .filter(|s| s.starts_with(&as_id) && valid_id(s)),
            );
        }
        let reference = typed.to_lowercase();
        if !reference.is_empty() {
            let (records, _) = self.list();
            for record in records {
                let same = record
                    .kenmerk
                    .as_deref()
                    .is_some_and(|k| k.trim().to_lowercase() == reference);
                if same && !hits.contains(&record.id) {
                    hits.push(record.id);
                }
            }
        }
        match hits.len() {
            1 => Ok(Found::One(hits.remove(0))),
            0 if is_id => Err(Error::input(format!(
                "er is geen sessie '{typed}' in {} (geen id en geen kenmerk)",
                self.dir.display()
            ))
            .hint("'zorgpad sessies' toont de sessies met hun id en kenmerk (met --data-dir voor een andere map).")),
            0 => Err(Error::input(format!(
                "'{typed}' is geen sessie-id en geen kenmerk van een sessie in {}",
                self.dir.display()
            ))
            .hint("'zorgpad sessies' toont de sessies met hun id en kenmerk.")),
            _ => Ok(Found::Many(hits)),
        }
    }

    /// Read the locked session's file. Errors name the file and leave it untouched.
    pub fn load(&self, lock: &SessionLock) -> Result<Record> {
        read_record(&self.path_of(lock.id())).map_err(|u| {
            if u.misnamed {
                return Error::input(u.reason).hint(format!(
                    "Een sessie heet naar haar bestand (ID.json) en het id erin moet hetzelfde zijn. Is dit een kopie, bewaar die dan buiten de gegevensmap {}. Het bestand is niet veranderd.",
                    self.dir.display()
                ));
            }
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

    /// Remove the locked session: its file, the temporary files of interrupted saves, and
    /// (when the lock is let go) its lock file.
    pub fn remove(&self, lock: SessionLock) -> Result<()> {
        let path = self.path_of(lock.id());
        std::fs::remove_file(&path).map_err(|e| Error::write("het sessiebestand", &path, &e))?;
        tidy::remove_temps(&self.dir, &lock);
        drop(lock);
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

fn not_an_id(text: &str) -> Error {
    Error::input(format!("'{text}' is geen sessie-id"))
        .hint("'zorgpad sessies' toont de sessies met hun id.")
}

/// A data directory that others can read or enter is closed to its owner (0700): sessions hold
/// health data. Gives the old permissions when it changed them; refuses when it cannot.
#[cfg(unix)]
fn tighten(dir: &Path) -> Result<Option<u32>> {
    use std::os::unix::fs::PermissionsExt;
    let mode = std::fs::metadata(dir)
        .map_err(|e| Error::read("de gegevensmap", dir, &e))?
        .permissions()
        .mode()
        & 0o777;
    if mode & 0o077 == 0 {
        return Ok(None);
    }
    std::fs::set_permissions(dir, std::fs::Permissions::from_mode(0o700)).map_err(|_| {
        Error::input(format!(
            "de gegevensmap '{}' is toegankelijk voor anderen (rechten {mode:04o}) en zorgpad kan dat niet veranderen",
            dir.display()
        ))
        .hint(format!(
            "Sessies bevatten gezondheidsgegevens. Maak de map privé met: chmod 700 '{}', of kies een eigen map met --data-dir.",
            dir.display()
        ))
    })?;
    Ok(Some(mode))
}

#[cfg(not(unix))]
fn tighten(_dir: &Path) -> Result<Option<u32>> {
    Ok(None)
}

#[cfg(test)]
mod tests;
