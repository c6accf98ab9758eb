//! Handing a session to the next care provider on another machine: `sessies overdragen`
//! writes one file (0600) with the session and its pinned flow and map, `sessies ontvangen`
//! checks it and adds it to another data directory, where `hervat` goes on. A journal that
//! extends the local one is taken, one that is already contained changes nothing, one that
//! grew apart is refused with the local file byte for byte as it was. A changed file is refused
//! before anything is written.

use std::path::PathBuf;

use crate::common::{Workspace, D4_TO_MDO_PAUSE, TO_D4_PAUSE};
use serde_json::Value;
use sha2::{Digest, Sha256};

/// A session started in `ws` (paused at D4), with its id.
fn started() -> (Workspace, String) {
    let ws = Workspace::new();
    ws.cmd("start")
        .answers(TO_D4_PAUSE)
        .run()
        .code(0)
        .no_panic();
    let id = ws.only_session();
    (ws, id)
}

/// Hand session `id` over from `ws` into `name` in its workspace; gives the file's path.
fn hand_over(ws: &Workspace, id: &str, name: &str, at: &str) -> PathBuf {
    ws.cmd(&format!("sessies overdragen {id} -o {name}"))
        .now(at)
        .run()
        .code(0)
        .no_panic()
        .stdout_has("is overgedragen");
    ws.path().join(name)
}

fn receive(ws: &Workspace, file: &std::path::Path, at: &str) -> crate::common::Output {
    ws.cmd(&format!("sessies ontvangen {}", file.display()))
        .now(at)
        .run()
}

fn last_event(ws: &Workspace, id: &str) -> Value {
    let json = ws.session_json(id);
    json["journaal"].as_array().unwrap().last().unwrap().clone()
}

/// A handover file changed by `edit` with its checksum made over again (as a sender with
/// another program could), written as `name` in `ws`.
fn forge(
    ws: &Workspace,
    file: &std::path::Path,
    name: &str,
    edit: impl FnOnce(&mut Value),
) -> PathBuf {
    let mut json: Value = serde_json::from_str(&std::fs::read_to_string(file).unwrap()).unwrap();
    edit(&mut json);
    let compact = serde_json::to_string(&json["inhoud"]).unwrap();
    let sum: String = Sha256::digest(compact.as_bytes())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect();
    json["controle"] = Value::from(sum);
    ws.write(name, serde_json::to_string_pretty(&json).unwrap())
}

fn export(ws: &Workspace, id: &str) -> Value {
    let out = ws
        .cmd(&format!("export {id} --formaat json"))
        .now("2026-12-12T08:00:00Z")
        .run()
        .code(0);
    serde_json::from_str(&out.stdout).expect("export is JSON")
}

#[test]
fn a_session_goes_to_another_machine_and_back() {
    let (a, id) = started();
    let file = hand_over(&a, &id, "overdracht.json", "2026-11-23T09:00:00Z");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&file).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o600, "the handover file is private");
    }
    assert_eq!(last_event(&a, &id)["gebeurtenis"], "overgedragen");
    assert_eq!(last_event(&a, &id)["bestand"], "overdracht.json");

    // Another organisation, an empty data directory.
    let b = Workspace::new();
    receive(&b, &file, "2026-11-24T09:00:00Z")
        .code(0)
        .no_panic()
        .stdout_has("is ontvangen");
    assert_eq!(b.only_session(), id);
    assert_eq!(last_event(&b, &id)["gebeurtenis"], "ontvangen");
    // The flow and map came with it: pinned there too.
    assert!(b.data().join("definities").read_dir().unwrap().count() >= 2);

    // The same file again: nothing new.
    let before = std::fs::read(b.session_file(&id)).unwrap();
    receive(&b, &file, "2026-11-24T10:00:00Z")
        .code(0)
        .stdout_has("niets nieuws");
    assert_eq!(std::fs::read(b.session_file(&id)).unwrap(), before);

    // B goes on with the session, and hands it back.
    b.cmd(&format!("hervat {id}"))
        .answers(D4_TO_MDO_PAUSE)
        .now("2026-12-10T09:00:00Z")
        .run()
        .code(0)
        .no_panic();
    let back = hand_over(&b, &id, "terug.json", "2026-12-10T10:00:00Z");

    // A takes it: B's journal extends A's.
    receive(&a, &back, "2026-12-11T09:00:00Z")
        .code(0)
        .no_panic()
        .stdout_has("is bijgewerkt");
    assert_eq!(last_event(&a, &id)["gebeurtenis"], "ontvangen");

    // Both sides now say the same: route, decisions, referrals, open actions.
    let (ea, eb) = (export(&a, &id), export(&b, &id));
    for key in [
        "sessie",
        "flow",
        "afgerond",
        "uitkomst",
        "huidige_vraag",
        "route",
        "subflows",
        "checklists",
        "verwijzingen",
        "open_acties",
        "gewijzigd",
    ] {
        assert_eq!(ea[key], eb[key], "the exports differ in {key}");
    }
    assert!(ea["route"].as_array().unwrap().len() > 10);
    // And A goes on from there (at B7, waiting for the MDO).
    assert_eq!(ea["huidige_vraag"], eb["huidige_vraag"]);
    assert!(!ea["huidige_vraag"].is_null());
}

#[test]
fn journals_that_grew_apart_are_refused() {
    let (a, id) = started();
    let file = hand_over(&a, &id, "overdracht.json", "2026-11-23T09:00:00Z");
    let b = Workspace::new();
    receive(&b, &file, "2026-11-24T09:00:00Z").code(0);
    b.cmd(&format!("hervat {id}"))
        .answers(D4_TO_MDO_PAUSE)
        .now("2026-12-10T09:00:00Z")
        .run()
        .code(0);
    let back = hand_over(&b, &id, "terug.json", "2026-12-10T10:00:00Z");
    // Meanwhile A went on as well.
    a.cmd(&format!("hervat {id}"))
        .answers(D4_TO_MDO_PAUSE)
        .now("2026-12-09T09:00:00Z")
        .run()
        .code(0);
    let before = std::fs::read(a.session_file(&id)).unwrap();
    let out = receive(&a, &back, "2026-12-11T09:00:00Z")
        .code(2)
        .no_panic()
        .stderr_has("uit elkaar gegroeid")
        .stderr_has("niets veranderd");
    assert!(
        out.stderr.contains("'hervat' van 09-12-2026") && out.stderr.contains("'ontvangen'"),
        "names where they differ: {}",
        out.stderr
    );
    assert_eq!(std::fs::read(a.session_file(&id)).unwrap(), before);
}

#[test]
fn a_changed_file_is_refused_and_nothing_is_written() {
    let (a, id) = started();
    let file = hand_over(&a, &id, "overdracht.json", "2026-11-23T09:00:00Z");
    let text = std::fs::read_to_string(&file).unwrap();
    assert!(text.contains("\"r4u\""));
    let changed = a.write("veranderd.json", text.replacen("\"r4u\"", "\"epds\"", 1));
    let b = Workspace::new();
    receive(&b, &changed, "2026-11-24T09:00:00Z")
        .code(2)
        .no_panic()
        .stderr_has("controlesom klopt niet");
    assert!(b.session_ids().is_empty());
    assert!(!b.data().join("definities").exists());

    // Not a handover file at all.
    let junk = a.write("rommel.json", "{\"schema\": \"iets\"}");
    receive(&b, &junk, "2026-11-24T09:00:00Z")
        .code(2)
        .stderr_has("geen overdrachtsbestand");
    assert!(b.session_ids().is_empty());
}

/// The checksum made over again (as a sender with another program could): the journal must
/// still replay with the flow in the file.
#[test]
fn a_journal_that_does_not_replay_is_refused() {
    let (a, id) = started();
    let file = hand_over(&a, &id, "overdracht.json", "2026-11-23T09:00:00Z");
    let forged = forge(&a, &file, "anders.json", |json| {
        let journal = json["inhoud"]["sessie"]["journaal"].as_array_mut().unwrap();
        let answer = journal
            .iter_mut()
            .find(|e| e["gebeurtenis"] == "antwoord")
            .unwrap();
        answer["vraag"] = Value::from("bestaat-niet");
    });
    let b = Workspace::new();
    receive(&b, &forged, "2026-11-24T09:00:00Z")
        .code(2)
        .no_panic()
        .stderr_has("niet na te spelen");
    assert!(b.session_ids().is_empty());
}

/// With `--wachtwoord` the file is encrypted (age, scrypt passphrase); the passphrase comes from
/// `ZORGPAD_WACHTWOORD` here (a script), never from an argument. A wrong one is refused.
#[test]
fn an_encrypted_handover_needs_the_passphrase() {
    const WORD: &str = "blauwe vogels boven de haven";
    let (a, id) = started();
    a.cmd(&format!(
        "sessies overdragen {id} -o dicht.age --wachtwoord"
    ))
    .env("ZORGPAD_WACHTWOORD", WORD)
    .run()
    .code(0)
    .no_panic()
    .stdout_has("versleuteld");
    let file = a.path().join("dicht.age");
    let bytes = std::fs::read(&file).unwrap();
    assert!(bytes.starts_with(b"age-encryption.org/v1"));
    assert!(!String::from_utf8_lossy(&bytes).contains("journaal"));
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&file).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o600);
    }

    let b = Workspace::new();
    // No passphrase and no terminal: refused, nothing written.
    receive(&b, &file, "2026-11-24T09:00:00Z")
        .code(2)
        .stderr_has("ZORGPAD_WACHTWOORD");
    b.cmd(&format!("sessies ontvangen {}", file.display()))
        .env("ZORGPAD_WACHTWOORD", "verkeerd wachtwoord")
        .run()
        .code(2)
        .no_panic()
        .stderr_has("het wachtwoord klopt niet");
    assert!(b.session_ids().is_empty());
    b.cmd(&format!("sessies ontvangen {}", file.display()))
        .env("ZORGPAD_WACHTWOORD", WORD)
        .run()
        .code(0)
        .stdout_has("is ontvangen");
    assert_eq!(b.only_session(), id);
    b.cmd(&format!("hervat {id}"))
        .answers(D4_TO_MDO_PAUSE)
        .run()
        .code(0);

    // A passphrase that is too short is refused before anything is written.
    let before = std::fs::read(a.session_file(&id)).unwrap();
    a.cmd(&format!("sessies overdragen {id} -o kort.age --wachtwoord"))
        .env("ZORGPAD_WACHTWOORD", "kort")
        .run()
        .code(2)
        .stderr_has("te kort");
    assert!(!a.path().join("kort.age").exists());
    assert_eq!(std::fs::read(a.session_file(&id)).unwrap(), before);
}

/// In a terminal the passphrase is asked twice (hidden); two different ones are asked again.
/// Receiving asks it once; a wrong one is refused.
#[cfg(unix)]
#[test]
fn in_a_terminal_the_passphrase_is_asked_twice_and_never_shown() {
    use crate::pty::Tty;
    const WORD: &str = "zeven zeeen en een haven";
    let (a, id) = started();
    let mut tty = Tty::spawn(
        &a,
        &format!("sessies overdragen {id} -o dicht.age --wachtwoord"),
    );
    tty.prompt("Wachtwoord voor het overdrachtsbestand", "Esc = stoppen");
    tty.send(&format!("{WORD}\r"));
    tty.expect("nogmaals");
    tty.send("iets anders helemaal\r");
    tty.expect("verschillen");
    tty.expect("Wachtwoord voor het overdrachtsbestand");
    tty.send(&format!("{WORD}\r"));
    tty.expect("nogmaals");
    tty.send(&format!("{WORD}\r"));
    assert_eq!(tty.finish(), 0, "{}", tty.screen());
    assert!(
        !tty.screen().contains(WORD),
        "the passphrase is never shown"
    );
    assert!(tty.screen().contains("is overgedragen"));

    let file = a.path().join("dicht.age");
    let b = Workspace::new();
    let mut tty = Tty::spawn(&b, &format!("sessies ontvangen {}", file.display()));
    tty.prompt("Wachtwoord voor het overdrachtsbestand", "Esc = stoppen");
    tty.send("niet het goede wachtwoord\r");
    assert_eq!(tty.finish(), 2);
    assert!(tty.screen().contains("het wachtwoord klopt niet"));
    assert!(b.session_ids().is_empty());
    let mut tty = Tty::spawn(&b, &format!("sessies ontvangen {}", file.display()));
    tty.prompt("Wachtwoord voor het overdrachtsbestand", "Esc = stoppen");
    tty.send(&format!("{WORD}\r"));
    assert_eq!(tty.finish(), 0, "{}", tty.screen());
    assert_eq!(b.only_session(), id);
}

/// A later file from the same sender extends what was received: this side's own receipt of
/// the first file is bookkeeping, not work on the session.
#[test]
fn a_second_handover_from_the_same_sender_is_taken() {
    let (a, id) = started();
    let first = hand_over(&a, &id, "eerste.json", "2026-11-23T09:00:00Z");
    let b = Workspace::new();
    receive(&b, &first, "2026-11-24T09:00:00Z").code(0);
    a.cmd(&format!("hervat {id}"))
        .answers(D4_TO_MDO_PAUSE)
        .now("2026-12-10T09:00:00Z")
        .run()
        .code(0);
    let second = hand_over(&a, &id, "tweede.json", "2026-12-10T10:00:00Z");
    receive(&b, &second, "2026-12-10T11:00:00Z")
        .code(0)
        .stdout_has("is bijgewerkt met het overdrachtsbestand");
    assert_eq!(last_event(&b, &id)["gebeurtenis"], "ontvangen");
    assert_eq!(export(&b, &id)["route"], export(&a, &id)["route"]);
}

/// A file made elsewhere (by hand, or by an older zorgpad) with a BSN in it is refused like a
/// new answer would be; and a handover file is never written into the data directory.
#[test]
fn a_received_bsn_and_a_handover_into_the_data_directory_are_refused() {
    let (a, id) = started();
    let file = hand_over(&a, &id, "overdracht.json", "2026-11-23T09:00:00Z");
    let forged = forge(&a, &file, "bsn.json", |json| {
        json["inhoud"]["sessie"]["kenmerk"] = Value::from("BSN 111222333");
    });
    let b = Workspace::new();
    receive(&b, &forged, "2026-11-24T09:00:00Z")
        .code(2)
        .no_panic()
        .stderr_has("het kenmerk lijkt een burgerservicenummer (BSN) te bevatten");
    assert!(b.session_ids().is_empty());

    let before = std::fs::read(a.session_file(&id)).unwrap();
    let inside = a.data().join("x.json");
    a.cmd(&format!("sessies overdragen {id} -o {}", inside.display()))
        .run()
        .code(2)
        .stderr_has("ligt in de gegevensmap");
    assert!(!inside.exists());
    assert_eq!(std::fs::read(a.session_file(&id)).unwrap(), before);
}
