//! Clearing up after processes that were killed while saving: their temporary files
//! (`.ID.zorgpad-….tmp`, each holding a full journal) and lock files that nobody holds.
//!
//! A temporary file can also belong to a save in progress in another process. It is only
//! removed under the lock of the session it belongs to — its name says which — so never from
//! under a live save: a process that saves holds that lock for as long as it runs.

use std::path::Path;
use std::time::Duration;

use crate::store::lock::{self, Holder, SessionLock};
use crate::store::record::valid_id;

/// Temporary files from before they carried the session's id (`.zorgpad-….tmp`) cannot be
/// matched to a lock; they go once they are this old, long after any save could still be busy.
const LEGACY_AGE: Duration = Duration::from_secs(10 * 60);

/// How the temporary files of session `id` begin.
pub(crate) fn temp_prefix(id: &str) -> String {
    format!(".{id}.zorgpad-")
}

/// The session a temporary file belongs to (`.ID.zorgpad-….tmp`).
pub(crate) fn temp_owner(name: &str) -> Option<&str> {
    let (id, rest) = name.strip_prefix('.')?.split_once('.')?;
    (rest.starts_with("zorgpad-") && rest.ends_with(".tmp") && valid_id(id)).then_some(id)
}

/// Remove the temporary files of the locked session. Gives how many went.
pub(crate) fn remove_temps(dir: &Path, lock: &SessionLock) -> usize {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return 0;
    };
    entries
        .filter_map(|e| e.ok())
        .filter(|e| temp_owner(&e.file_name().to_string_lossy()) == Some(lock.id()))
        .filter(|e| std::fs::remove_file(e.path()).is_ok())
        .count()
}

/// Clear up every session that has leftovers and that nobody holds: its temporary files go,
/// and its lock file (removed when the lock is let go). Sessions in use are left alone.
pub(crate) fn tidy(dir: &Path) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    let mut ids = std::collections::BTreeSet::new();
    for entry in entries.filter_map(|e| e.ok()) {
        let name = entry.file_name().to_string_lossy().into_owned();
        if let Some(id) = temp_owner(&name) {
            ids.insert(id.to_string());
        } else if let Some(id) = lock::lock_owner(&name).filter(|id| valid_id(id)) {
            ids.insert(id.to_string());
        } else if name.starts_with(".zorgpad-") && name.ends_with(".tmp") && old(&entry) {
            let _ = std::fs::remove_file(entry.path());
        }
    }
    let holder = Holder::now("opruimen");
    for id in ids {
        if let Ok(Some(lock)) = lock::try_acquire(dir, &id, &holder) {
            remove_temps(dir, &lock);
        }
    }
}

fn old(entry: &std::fs::DirEntry) -> bool {
    entry
        .metadata()
        .and_then(|m| m.modified())
        .ok()
        .and_then(|t| t.elapsed().ok())
        .is_some_and(|age| age >= LEGACY_AGE)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_temporary_file_names_its_session() {
        assert_eq!(
            temp_owner(".20261122-0900-3fa2.zorgpad-Ab12Cd.tmp"),
            Some("20261122-0900-3fa2")
        );
        for name in [
            ".zorgpad-Ab12Cd.tmp",
            "20261122-0900-3fa2.json",
            ".20261122-0900-3fa2.lock",
            ".a/b.zorgpad-x.tmp",
            ".20261122.zorgpad-x.json",
        ] {
            assert_eq!(temp_owner(name), None, "{name}");
        }
        assert_eq!(
            temp_owner(&format!("{}x.tmp", temp_prefix("20261122-0900-3fa2"))),
            Some("20261122-0900-3fa2")
        );
    }
}
