//! One process at a time per session: an exclusive lock, held from before the first read of
//! the session file until the process ends (the last save and the export included).
//!
//! Why a separate lock file (`.ID.lock` in the data directory, 0600) and not the session file
//! itself: every save replaces the session file by renaming a new file over it. A lock on the
//! session file is a lock on one inode; after the first save the name points to a new inode
//! that nobody has locked, and a second process would lock that one undisturbed. The lock file
//! is never replaced while it is held, so its lock covers every version of the session file,
//! the temporary files of its saves (`.ID.zorgpad-….tmp`) and the moment before the first
//! save of a new session.
//!
//! The lock is the operating system's (`File::try_lock`: `flock` on Unix, `LockFileEx` on
//! Windows). The operating system releases it when the process ends, however it ends, so a
//! killed process never leaves a session locked. The file's content only describes the holder
//! (what command, which role, since when, which process) for the message to whoever comes
//! second; a lock file that nobody holds is stale, whatever it says.
//!
//! The holder removes the lock file just before it lets go (on Unix). Someone who opened the
//! file a moment earlier may then lock the removed file; so whoever gets a lock checks that the
//! name still leads to the file it locked, and starts again when it does not.

use std::fs::{File, OpenOptions, TryLockError};
use std::io::{Read, Seek, Write};
use std::path::{Path, PathBuf};
use std::time::Duration;

use jiff::tz::TimeZone;
use jiff::Timestamp;
use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};

/// How long a session that is busy for a moment is waited for before it counts as in use:
/// `zorgpad sessies` looks at each lock, and clearing up takes the lock of a session with
/// leftovers, each for a few microseconds.
const PATIENCE: Duration = Duration::from_millis(600);
const STEP: Duration = Duration::from_millis(20);

/// Who holds a session: what the lock file says.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Holder {
    /// The command: `start`, `hervat`, `export`, `verwijder`, `opruimen`.
    pub opdracht: String,
    /// The role that answers (its label, e.g. "verloskundig zorgverlener"), once known.
    #[serde(default)]
    pub rol: Option<String>,
    /// When the process took the session (the wall clock, also when `ZORGPAD_NU` is set).
    pub sinds: Timestamp,
    pub proces: u32,
}

impl Holder {
    /// This process, now, for `command`.
    pub fn now(command: &str) -> Holder {
        Holder {
            opdracht: command.to_string(),
            rol: None,
            sinds: Timestamp::now(),
            proces: std::process::id(),
        }
    }

    /// "in gebruik sinds 10:42 (rol: verloskundig zorgverlener, proces 1234)"; the date is
    /// added when it is not today.
    pub fn describe(&self, zone: &TimeZone) -> String {
        let since = self.sinds.to_zoned(zone.clone());
        let today = Timestamp::now().to_zoned(zone.clone()).date();
        let when = if since.date() == today {
            since.strftime("%H:%M").to_string()
        } else {
            since.strftime("%d-%m-%Y %H:%M").to_string()
        };
        let who = match &self.rol {
            Some(rol) => format!("rol: {rol}"),
            None => format!("zorgpad {}", self.opdracht),
        };
        format!("in gebruik sinds {when} ({who}, proces {})", self.proces)
    }
}

/// The lock on one session, held until it is dropped.
#[derive(Debug)]
pub struct SessionLock {
    id: String,
    path: PathBuf,
    file: File,
    holder: Holder,
    /// No session file with this id has been written yet: the first save creates it, and
    /// refuses to replace one (see [`crate::store::Store::save`]).
    pub(crate) fresh: bool,
}

impl SessionLock {
    /// The session's id: the name of its file.
    pub fn id(&self) -> &str {
        &self.id
    }

    /// Whether the session file has been written (by this process or before it).
    pub fn saved(&self) -> bool {
        !self.fresh
    }

    pub fn holder(&self) -> &Holder {
        &self.holder
    }

    /// Name the role that answers, for the message to whoever comes second (best effort: the
    /// description is not what protects the session).
    pub fn set_role(&mut self, role: Option<String>) {
        self.holder.rol = role;
        let _ = write_holder(&mut self.file, &self.holder);
    }
}

impl Drop for SessionLock {
    fn drop(&mut self) {
        // Removed while still held, so that nobody else can be holding it; the file handle
        // (and with it the lock) goes right after.
        if cfg!(unix) {
            let _ = std::fs::remove_file(&self.path);
        }
    }
}

/// The lock file of session `id`.
pub(crate) fn lock_path(dir: &Path, id: &str) -> PathBuf {
    dir.join(format!(".{id}.lock"))
}

/// The session whose lock file this is (`.ID.lock`).
pub(crate) fn lock_owner(name: &str) -> Option<&str> {
    name.strip_prefix('.')?.strip_suffix(".lock")
}

/// Take the lock of session `id` if nobody holds it. `Ok(None)`: somebody does.
pub(crate) fn try_acquire(
    dir: &Path,
    id: &str,
    holder: &Holder,
) -> std::io::Result<Option<SessionLock>> {
    let path = lock_path(dir, id);
    // A lock file removed between our opening and our locking is opened again; a few rounds
    // at most, each after another process let go.
    for _ in 0..64 {
        let mut file = open_private(&path)?;
        match file.try_lock() {
            Ok(()) => {}
            Err(TryLockError::WouldBlock) => return Ok(None),
            Err(TryLockError::Error(e)) => return Err(e),
        }
        if !same_file(&file, &path) {
            continue;
        }
        write_holder(&mut file, holder)?;
        return Ok(Some(SessionLock {
            id: id.to_string(),
            path,
            file,
            holder: holder.clone(),
            fresh: false,
        }));
    }
    Ok(None)
}

/// Take the lock of an existing session, waiting a moment when it is busy; a session that
/// stays in use is refused with who holds it, and nothing is changed.
pub(crate) fn acquire(
    dir: &Path,
    id: &str,
    holder: &Holder,
    zone: &TimeZone,
) -> Result<SessionLock> {
    let started = std::time::Instant::now();
    loop {
        let failed = |e: std::io::Error| Error::write("het slotbestand", &lock_path(dir, id), &e);
        if let Some(lock) = try_acquire(dir, id, holder).map_err(failed)? {
            return Ok(lock);
        }
        if started.elapsed() >= PATIENCE {
            return Err(refusal(id, current_holder(dir, id).as_ref(), zone));
        }
        std::thread::sleep(STEP);
    }
}

/// The refusal of a session that another process holds.
fn refusal(id: &str, holder: Option<&Holder>, zone: &TimeZone) -> Error {
    let what = match holder {
        Some(h) => h.describe(zone),
        None => "in gebruik door een ander zorgpad-proces".to_string(),
    };
    Error::input(format!("sessie {id} is {what}"))
        .hint("Wacht tot die sessie klaar is, of sluit het andere venster. Er is niets veranderd.")
}

/// Whether a process holds session `id`; a stale lock file that nobody holds does not count.
/// Looks without disturbing: a shared lock, released at once.
pub(crate) fn in_use(dir: &Path, id: &str) -> bool {
    File::open(lock_path(dir, id))
        .is_ok_and(|file| matches!(file.try_lock_shared(), Err(TryLockError::WouldBlock)))
}

/// What the lock file of `id` says (it may be half written, or gone).
fn current_holder(dir: &Path, id: &str) -> Option<Holder> {
    let mut text = String::new();
    File::open(lock_path(dir, id))
        .ok()?
        .read_to_string(&mut text)
        .ok()?;
    serde_json::from_str(&text).ok()
}

fn write_holder(file: &mut File, holder: &Holder) -> std::io::Result<()> {
    let text = serde_json::to_string(holder).unwrap_or_default();
    file.set_len(0)?;
    file.rewind()?;
    file.write_all(format!("{text}\n").as_bytes())
}

/// Open (or create) a lock file, readable only by its owner.
fn open_private(path: &Path) -> std::io::Result<File> {
    let mut options = OpenOptions::new();
    options.read(true).write(true).create(true).truncate(false);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    options.open(path)
}

/// Whether `path` still names the file that is open as `file`.
#[cfg(unix)]
fn same_file(file: &File, path: &Path) -> bool {
    use std::os::unix::fs::MetadataExt;
    match (file.metadata(), std::fs::metadata(path)) {
        (Ok(a), Ok(b)) => a.dev() == b.dev() && a.ino() == b.ino(),
        _ => false,
    }
}

#[cfg(not(unix))]
fn same_file(_file: &File, _path: &Path) -> bool {
    // The lock file is never removed while another process may have it open.
    true
}
