//! Writing files that hold client data: created with mode 0600, written to a temporary file in
//! the same directory, flushed to disk and renamed into place, so that a crash or a full disk
//! never leaves a half-written file under the real name.

use std::io::Write;
use std::path::Path;

use crate::error::{Error, Result};

pub fn write(what: &str, path: &Path, contents: &[u8]) -> Result<()> {
    write_with_mode(what, path, contents, 0o600)
}

/// The same atomic write, ending with the given permissions (0644 for files without client
/// data, such as an imported map).
pub fn write_with_mode(what: &str, path: &Path, contents: &[u8], mode: u32) -> Result<()> {
    write_atomic(path, contents, mode, ".zorgpad-", Landing::Replace)
        .map_err(|e| Error::write(what, path, &e))
}

/// How the finished file takes its name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Landing {
    /// Replace whatever file has the name (an ordinary save).
    Replace,
    /// Only if no file has the name yet: a new session never overwrites another. A clash is
    /// an error of kind `AlreadyExists`, and nothing was written under the name.
    CreateNew,
}

/// Write `contents` to a temporary file `PREFIX…tmp` next to `path`, flush it to disk and
/// give it the name `path`. When anything fails, the temporary file is removed again (only a
/// killed process leaves one behind; the store clears those up).
pub(crate) fn write_atomic(
    path: &Path,
    contents: &[u8],
    mode: u32,
    prefix: &str,
    landing: Landing,
) -> std::io::Result<()> {
    land(path, contents, mode, prefix, landing, true)
}

/// The same, for a pinned copy (`pinned.rs`): created only if no file has the name, and
/// without the test's crash point, which stands for the crash of a session's save.
pub(crate) fn write_new_copy(path: &Path, contents: &[u8]) -> std::io::Result<()> {
    land(
        path,
        contents,
        0o600,
        ".zorgpad-",
        Landing::CreateNew,
        false,
    )
}

fn land(
    path: &Path,
    contents: &[u8],
    mode: u32,
    prefix: &str,
    landing: Landing,
    crash: bool,
) -> std::io::Result<()> {
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    // tempfile creates the file with mode 0600 and a name that cannot collide, and removes it
    // when it is dropped without having been persisted.
    let mut tmp = tempfile::Builder::new()
        .prefix(prefix)
        .suffix(".tmp")
        .tempfile_in(dir)?;
    tmp.write_all(contents)?;
    tmp.as_file().sync_all()?;
    if crash {
        crash_point();
    }
    match landing {
        Landing::Replace => tmp.persist(path).map_err(|e| e.error)?,
        Landing::CreateNew => tmp.persist_noclobber(path).map_err(|e| e.error)?,
    };
    restrict(path, mode)
}

#[cfg(unix)]
fn restrict(path: &Path, mode: u32) -> std::io::Result<()> {
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode))
}

#[cfg(not(unix))]
fn restrict(_path: &Path, _mode: u32) -> std::io::Result<()> {
    Ok(())
}

/// For the crash-safety test only: with `ZORGPAD_TEST_CRASH=opslaan` the process dies (abort,
/// no clean-up) after the temporary file is written and before it is renamed into place —
/// the worst moment for a crash. The test then checks that the previous file is intact.
fn crash_point() {
    if std::env::var_os("ZORGPAD_TEST_CRASH").is_some_and(|v| v == "opslaan") {
        std::process::abort();
    }
}

/// Create a directory (and its parents) readable only by its owner.
#[cfg(unix)]
pub(crate) fn create_private_dir(dir: &Path) -> std::io::Result<()> {
    use std::os::unix::fs::DirBuilderExt;
    std::fs::DirBuilder::new()
        .recursive(true)
        .mode(0o700)
        .create(dir)
}

#[cfg(not(unix))]
pub(crate) fn create_private_dir(dir: &Path) -> std::io::Result<()> {
    std::fs::create_dir_all(dir)
}
