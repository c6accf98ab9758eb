//! The store's promises that the integration tests cannot reach through the binary: a first
//! save never replaces a file that appeared under its id (whoever wrote it), and a lock is
//! exclusive, visible while held and gone with its holder.

use jiff::Timestamp;

use super::*;

fn record(lock: &SessionLock, at: Timestamp) -> Record {
    Record {
        schema: SCHEMA.to_string(),
        id: lock.id().to_string(),
        aangemaakt: at,
        bijgewerkt: at,
        flow: fingerprint::of_text("test", "1", "", None),
        kaart: None,
        gemeente: None,
        kenmerk: None,
        journaal: Vec::new(),
    }
}

#[test]
fn a_first_save_never_replaces_a_file_that_took_its_id_and_takes_a_new_one() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path().join("data")).unwrap();
    let at: Timestamp = "2026-11-22T09:00:00Z".parse().unwrap();
    let mut lock = store.create(at, &Holder::now("start")).unwrap();
    let mut rec = record(&lock, at);
    let first = lock.id().to_string();
    // Another writer (one that takes no lock) puts a file under the new session's id.
    std::fs::write(store.path_of(&first), "van een ander").unwrap();

    store.save(&mut lock, &mut rec).unwrap();
    assert_ne!(lock.id(), first);
    assert_eq!(rec.id, lock.id());
    assert_eq!(
        std::fs::read_to_string(store.path_of(&first)).unwrap(),
        "van een ander"
    );
    let saved = read_record(&store.path_of(lock.id())).unwrap();
    assert_eq!(saved.id, lock.id());
    // Later saves replace the session's own file.
    assert!(lock.saved());
    store.save(&mut lock, &mut rec).unwrap();
    assert_eq!(rec.id, lock.id());
}

#[test]
fn a_lock_is_exclusive_visible_while_held_and_gone_with_its_holder() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path().join("data")).unwrap();
    let at: Timestamp = "2026-11-22T09:00:00Z".parse().unwrap();
    let mut lock = store.create(at, &Holder::now("start")).unwrap();
    let mut rec = record(&lock, at);
    store.save(&mut lock, &mut rec).unwrap();
    let id = lock.id().to_string();
    assert!(store.in_use(&id));

    let refused = store
        .lock(&id, &Holder::now("hervat"), &TimeZone::UTC)
        .unwrap_err();
    assert!(
        refused
            .message
            .starts_with(&format!("sessie {id} is in gebruik sinds ")),
        "{refused:?}"
    );
    assert!(
        refused.message.contains("(zorgpad start, proces "),
        "{refused:?}"
    );

    drop(lock);
    assert!(!store.in_use(&id));
    assert!(!lock::lock_path(store.dir(), &id).exists());
    let again = store
        .lock(&id, &Holder::now("hervat"), &TimeZone::UTC)
        .unwrap();
    assert_eq!(store.load(&again).unwrap(), rec);
}

#[test]
fn ids_are_plain_names() {
    for id in ["20261122-0900-3fa2", "kopie-20261122-0900-3fa2"] {
        assert!(valid_id(id), "{id}");
    }
    for id in [
        "",
        "../x",
        "a/b",
        "a\\b",
        "..",
        ".x",
        "ABC",
        "a b",
        &"a".repeat(65),
    ] {
        assert!(!valid_id(id), "{id}");
    }
}
