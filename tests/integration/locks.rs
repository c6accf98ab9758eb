//! A record you can trust: one process at a time per session (a second `hervat`, `export` or
//! `verwijder` is refused while the first still runs, and changes nothing), a thousand
//! parallel `start`s give a thousand sessions, a session is its file name (a forged inner id
//! or a copy is refused, nothing is written outside the data directory), and what a killed
//! save leaves behind is cleared at the next access.

use std::time::Instant;

use serde_json::Value;

use crate::common::{SessionTable, Workspace, D4_TO_MDO_PAUSE, TO_D4_PAUSE};
use crate::crash::temp_files;

/// SIGABRT, how `std::process::abort` ends a process.
const SIGABRT: i32 = 6;

/// The shortest route: the intake, B1, no instrument, no PPM.
const SHORT: &str = "- intake\n- alles\n- geen\n- nee\n";

/// The lock files (`.ID.lock`) in the data directory.
fn lock_files(ws: &Workspace) -> Vec<String> {
    ws.data_files()
        .into_iter()
        .filter(|n| n.starts_with('.') && n.ends_with(".lock"))
        .collect()
}

/// `sessies --json`, parsed.
fn sessions_json(ws: &Workspace) -> Value {
    let out = ws.cmd("sessies --json").run().code(0).no_panic();
    serde_json::from_str(&out.stdout).expect("sessies --json is JSON")
}

/// The `in_gebruik` of session `id` in `sessies --json`.
fn in_use(ws: &Workspace, id: &str) -> bool {
    let json = sessions_json(ws);
    let row = json["sessies"]
        .as_array()
        .expect("sessies")
        .iter()
        .find(|s| s["id"] == id)
        .unwrap_or_else(|| panic!("{id} not listed: {json:#}"));
    row["in_gebruik"]
        .as_bool()
        .expect("in_gebruik is a boolean")
}

/// A session paused at D4; its id.
fn paused_session(ws: &Workspace) -> String {
    ws.cmd("start --kenmerk P-1")
        .answers(TO_D4_PAUSE)
        .run()
        .code(0);
    ws.only_session()
}

/// "sinds HH:MM (" follows `in gebruik` in a refusal.
fn assert_since_time(stderr: &str) {
    let at = stderr.find("in gebruik sinds ").expect("in gebruik sinds") + 17;
    let time: Vec<char> = stderr[at..].chars().take(7).collect();
    assert!(
        time[0..2].iter().all(char::is_ascii_digit)
            && time[2] == ':'
            && time[3..5].iter().all(char::is_ascii_digit)
            && time[5..] == [' ', '('],
        "no time after 'sinds': {stderr}"
    );
}

/// Two processes on one session: the second (`hervat`, `export`, `verwijder`) is refused with
/// who holds it and since when, and changes nothing; `sessies` shows the session in use; the
/// first goes on, and what it answered is kept, also when it is killed at the next prompt.
#[cfg(unix)]
#[test]
fn a_second_process_on_an_open_session_is_refused_and_nothing_is_lost() {
    use crate::pty::*;

    let ws = Workspace::new();
    let id = paused_session(&ws);
    let mut tty = Tty::spawn_at(
        &ws,
        &format!("hervat {id} --rol coordinerend-zorgverlener"),
        "2026-12-10T09:00:00Z",
    );
    tty.prompt("Is de cliënt op de afspraak verschenen?", SELECT_READY);

    // The lock file: private, and saying who holds the session.
    let lock = ws.data().join(format!(".{id}.lock"));
    let holder: Value = serde_json::from_str(&std::fs::read_to_string(&lock).unwrap()).unwrap();
    assert_eq!(holder["opdracht"], "hervat");
    assert_eq!(holder["rol"], "coördinerend zorgverlener");
    let pid = holder["proces"].as_u64().expect("proces");
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&lock).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o600);
    }
    let before = std::fs::read(ws.session_file(&id)).unwrap();

    let who = format!("(rol: coördinerend zorgverlener, proces {pid})");
    let second = ws
        .cmd(&format!("hervat {id}"))
        .now("2026-12-10T09:30:00Z")
        .answers(D4_TO_MDO_PAUSE)
        .run()
        .code(2)
        .no_panic()
        .stderr_has(&format!("zorgpad: fout: sessie {id} is in gebruik sinds "))
        .stderr_has(&who)
        .stderr_has("Wacht tot die sessie klaar is, of sluit het andere venster.")
        .stderr_has("Er is niets veranderd.");
    assert_since_time(&second.stderr);
    ws.cmd(&format!("export {id} -o s.md"))
        .run()
        .code(2)
        .stderr_has(&format!("sessie {id} is in gebruik sinds "))
        .stderr_has(&who);
    ws.cmd(&format!("sessies verwijder {id} --ja"))
        .run()
        .code(2)
        .stderr_has(&format!("sessie {id} is in gebruik sinds "));
    assert_eq!(
        std::fs::read(ws.session_file(&id)).unwrap(),
        before,
        "a refused process changed the session"
    );
    assert!(!ws.path().join("s.md").exists(), "exported while in use");

    // The list shows it in use, on the screen and in JSON.
    let list = ws.cmd("sessies").run().code(0).no_panic();
    SessionTable::parse(&list.stdout).assert_cell(&id, "Status", "wacht · in gebruik");
    assert!(in_use(&ws, &id));

    // The first process goes on: D4 answered "ja" (the first line; the cursor starts at "Nog
    // niet — later verder") and saved, then killed at the Kindcheck.
    tty.send(&UP.repeat(3));
    tty.send(ENTER);
    tty.prompt(
        "Zwangerschap vastgelegd: het ongeboren kind telt mee",
        MULTI_READY,
    );
    match tty.signal(Signal::SIGKILL) {
        WaitStatus::Signaled(_, Signal::SIGKILL, _) => {}
        other => panic!("zorgpad was not killed: {other:?}"),
    }
    let stored = ws.session_json(&id);
    let last = stored["journaal"]
        .as_array()
        .unwrap()
        .last()
        .unwrap()
        .clone();
    assert_eq!(last["gebeurtenis"], "antwoord", "{stored:#}");
    assert_eq!(last["vraag"], "D4");

    // The killed process left its lock file, but nobody holds it: the session is free.
    assert_eq!(lock_files(&ws), [format!(".{id}.lock")]);
    assert!(!in_use(&ws, &id));
    ws.cmd(&format!("hervat {id}"))
        .now("2026-12-10T10:00:00Z")
        .answers("- alles\n- ongeboren kind\n- negatief\n- nee\n- alles\n- later\n")
        .run()
        .code(0)
        .no_panic()
        .stderr_has("wacht bij B7");
    assert_eq!(ws.data_files(), [format!("{id}.json")]);
}

/// A thousand `start`s at once, sixteen at a time, all in the same minute (the same fixed
/// clock), so that their ids (minute and four hex digits) collide: each makes its own session.
#[test]
fn a_thousand_parallel_starts_give_a_thousand_sessions() {
    const STARTS: usize = 1_000;
    const AT_ONCE: usize = 16;
    let ws = Workspace::new();
    ws.write("antwoorden.yaml", SHORT);
    let next = std::sync::atomic::AtomicUsize::new(0);
    let began = Instant::now();
    std::thread::scope(|scope| {
        for _ in 0..AT_ONCE {
            scope.spawn(|| {
                while next.fetch_add(1, std::sync::atomic::Ordering::Relaxed) < STARTS {
                    ws.cmd("start --antwoorden antwoorden.yaml")
                        .run()
                        .code(0)
                        .no_panic();
                }
            });
        }
    });
    eprintln!(
        "{STARTS} starts, {AT_ONCE} at a time: {:?}",
        began.elapsed()
    );

    let ids = ws.session_ids();
    assert_eq!(ids.len(), STARTS, "sessions after {STARTS} starts");
    for id in &ids {
        assert_eq!(ws.session_json(id)["id"], id.as_str(), "{id}");
    }
    assert_eq!(
        ws.data_files().len(),
        STARTS,
        "files besides the sessions: {:?}",
        ws.data_files()
            .iter()
            .filter(|n| !n.ends_with(".json"))
            .collect::<Vec<_>>()
    );
    let json = sessions_json(&ws);
    assert_eq!(json["sessies"].as_array().unwrap().len(), STARTS);
    assert_eq!(json["onleesbaar"], serde_json::json!([]));
}

/// A session file whose inner id is a path: refused by `hervat` and `export`, listed as a
/// problem, never written to, and nothing appears where the inner id points.
#[test]
fn a_forged_inner_id_is_refused_and_nothing_is_written_outside_the_data_directory() {
    let ws = Workspace::new();
    let id = paused_session(&ws);
    let file = ws.session_file(&id);
    let forged = std::fs::read_to_string(&file)
        .unwrap()
        .replace(&format!("\"id\": \"{id}\""), "\"id\": \"../buiten\"");
    assert!(forged.contains("../buiten"));
    std::fs::write(&file, &forged).unwrap();
    let outside = ws.path().join("buiten.json");

    let said = format!(
        "zorgpad: fout: het bestand {id}.json zegt sessie '../buiten' te zijn; zorgpad laat het ongemoeid"
    );
    ws.cmd(&format!("hervat {id}"))
        .answers(D4_TO_MDO_PAUSE)
        .run()
        .code(2)
        .no_panic()
        .stderr_has(&said)
        .stderr_has("Het bestand is niet veranderd.");
    ws.cmd(&format!("export {id} -o s.md"))
        .run()
        .code(2)
        .stderr_has(&said);
    assert_eq!(std::fs::read_to_string(&file).unwrap(), forged);
    assert!(!outside.exists(), "written outside the data directory");
    assert!(!ws.path().join("s.md").exists());

    // Listed as a problem, not as a session.
    let list = ws.cmd("sessies").run().code(0).no_panic();
    assert!(
        SessionTable::parse(&list.stdout).ids().is_empty(),
        "{}",
        list.stdout
    );
    assert!(
        list.stderr.contains(&format!(
            "zorgpad: waarschuwing: het bestand {id}.json zegt sessie '../buiten' te zijn"
        )),
        "{}",
        list.stderr
    );
    let json = sessions_json(&ws);
    assert_eq!(json["sessies"], serde_json::json!([]));
    assert!(json["onleesbaar"][0]["reden"]
        .as_str()
        .unwrap()
        .contains("zegt sessie '../buiten' te zijn"));

    // An id typed as a path is no id.
    ws.cmd("hervat ../buiten")
        .answers(D4_TO_MDO_PAUSE)
        .run()
        .code(2)
        .stderr_has("'../buiten' is geen sessie-id");
    assert!(!outside.exists());
    assert_eq!(ws.data_files(), [format!("{id}.json")]);
}

/// A copy `kopie-ID.json` next to the live session: resuming the copy is refused, and neither
/// file changes; the live session goes on as usual.
#[test]
fn a_copy_in_the_data_directory_is_refused_and_the_live_session_stays_as_it_is() {
    let ws = Workspace::new();
    let id = paused_session(&ws);
    let live = ws.session_file(&id);
    let copy = ws.data().join(format!("kopie-{id}.json"));
    std::fs::copy(&live, &copy).unwrap();
    let before = std::fs::read(&live).unwrap();

    ws.cmd(&format!("hervat kopie-{id}"))
        .answers(D4_TO_MDO_PAUSE)
        .run()
        .code(2)
        .no_panic()
        .stderr_has(&format!(
            "het bestand kopie-{id}.json zegt sessie '{id}' te zijn; zorgpad laat het ongemoeid"
        ))
        .stderr_has("Is dit een kopie, bewaar die dan buiten de gegevensmap");
    assert_eq!(std::fs::read(&live).unwrap(), before);
    assert_eq!(std::fs::read(&copy).unwrap(), before);

    let list = ws.cmd("sessies").run().code(0).no_panic();
    assert_eq!(SessionTable::parse(&list.stdout).ids(), [id.as_str()]);
    assert!(
        list.stderr
            .contains(&format!("kopie-{id}.json zegt sessie")),
        "{}",
        list.stderr
    );

    ws.cmd(&format!("hervat {id}"))
        .answers(D4_TO_MDO_PAUSE)
        .run()
        .code(0)
        .stderr_has("wacht bij B7");
    assert_eq!(std::fs::read(&copy).unwrap(), before, "the copy changed");
}

/// Crash the next save of session `id` (between writing the temporary file and renaming it).
fn crash_a_save(ws: &Workspace, id: &str) {
    let out = ws
        .cmd(&format!("hervat {id}"))
        .env("ZORGPAD_TEST_CRASH", "opslaan")
        .answers(D4_TO_MDO_PAUSE)
        .run();
    assert_eq!(out.signal, Some(SIGABRT), "the save did not crash: {out:?}");
    let temps = temp_files(ws);
    assert_eq!(temps.len(), 1, "{:?}", ws.data_files());
    assert!(
        temps[0].starts_with(&format!(".{id}.zorgpad-")),
        "{temps:?}"
    );
}

/// What a save killed half-way leaves (a temporary file with the whole journal, a stale lock
/// file) is gone after the next `hervat`, the next `sessies`, or `verwijder`.
#[test]
fn a_kill_during_a_save_leaves_nothing_behind_after_the_next_access() {
    let ws = Workspace::new();
    let id = paused_session(&ws);

    // The next `hervat` clears it and goes on.
    crash_a_save(&ws, &id);
    ws.cmd(&format!("hervat {id}"))
        .answers(D4_TO_MDO_PAUSE)
        .run()
        .code(0)
        .stderr_has("wacht bij B7");
    assert_eq!(ws.data_files(), [format!("{id}.json")]);

    // So does the next `sessies`.
    crash_a_save(&ws, &id);
    let list = ws.cmd("sessies").run().code(0).no_panic();
    assert_eq!(list.stderr, "");
    assert_eq!(ws.data_files(), [format!("{id}.json")]);

    // And `verwijder` leaves nothing of the session.
    crash_a_save(&ws, &id);
    ws.cmd(&format!("sessies verwijder {id} --ja"))
        .run()
        .code(0);
    assert_eq!(ws.data_files(), Vec::<String>::new());

    // A crash in the very first save of a new session: no session, and after `sessies` no
    // temporary file.
    let out = ws
        .cmd("start")
        .env("ZORGPAD_TEST_CRASH", "opslaan")
        .answers(SHORT)
        .run();
    assert_eq!(out.signal, Some(SIGABRT), "{out:?}");
    assert_eq!(temp_files(&ws).len(), 1, "{:?}", ws.data_files());
    ws.cmd("sessies")
        .run()
        .code(0)
        .stdout_has("Geen sessies in");
    assert_eq!(ws.data_files(), Vec::<String>::new());
}

/// Temporary files from before they carried the session's id (`.zorgpad-*.tmp`) go once they
/// are old; a fresh one may still be a save in progress, and stays.
#[test]
fn old_temporary_files_without_a_session_id_are_cleared() {
    let ws = Workspace::new();
    let id = paused_session(&ws);
    let old = ws.write("data/.zorgpad-AbC123.tmp", "{\"journaal\": []}");
    let fresh = ws.write("data/.zorgpad-DeF456.tmp", "{\"journaal\": []}");
    let an_hour_ago = std::time::SystemTime::now() - std::time::Duration::from_secs(3600);
    std::fs::File::options()
        .write(true)
        .open(&old)
        .unwrap()
        .set_modified(an_hour_ago)
        .unwrap();
    ws.cmd("sessies").run().code(0);
    assert!(!old.exists(), "an old temporary file stayed");
    assert!(fresh.exists(), "a fresh temporary file was removed");
    assert_eq!(
        ws.data_files(),
        [".zorgpad-DeF456.tmp".to_string(), format!("{id}.json")]
    );
}

/// A save that fails (the file-size limit) removes its temporary file at once.
#[cfg(target_os = "linux")]
#[test]
fn a_failed_save_leaves_no_temporary_file() {
    let ws = Workspace::new();
    let id = paused_session(&ws);
    ws.write("verder.yaml", D4_TO_MDO_PAUSE);
    let output = std::process::Command::new("bash")
        .arg("-c")
        .arg("trap '' XFSZ; ulimit -f 1; exec \"$0\" hervat \"$1\" --antwoorden verder.yaml")
        .arg(crate::common::BIN)
        .arg(&id)
        .current_dir(ws.path())
        .env("ZORGPAD_DATA", ws.data())
        .env("ZORGPAD_NU", "2026-12-10T09:00:00Z")
        .env("NO_COLOR", "1")
        .stdin(std::process::Stdio::null())
        .output()
        .expect("run zorgpad");
    assert_eq!(output.status.code(), Some(3), "{output:?}");
    assert_eq!(ws.data_files(), [format!("{id}.json")]);
}
