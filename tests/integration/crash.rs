//! What survives when things go wrong: a session killed with SIGKILL at a prompt, a process
//! that dies in the middle of a save (`ZORGPAD_TEST_CRASH=opslaan`: after the temporary file
//! is written, before it is renamed), and session files that are truncated or empty.

use std::path::PathBuf;

use crate::common::{SessionTable, Workspace, D4_TO_MDO_PAUSE, TO_D4_PAUSE};
use serde_json::Value;

/// SIGABRT, how `std::process::abort` ends a process.
const SIGABRT: i32 = 6;

/// The temporary files (`.ID.zorgpad-*.tmp`) an interrupted save leaves in the data directory.
pub fn temp_files(ws: &Workspace) -> Vec<String> {
    ws.data_files()
        .into_iter()
        .filter(|n| n.starts_with('.') && n.contains(".zorgpad-") && n.ends_with(".tmp"))
        .collect()
}

#[test]
fn a_crash_during_the_first_save_leaves_no_session_file_and_the_list_still_works() {
    let ws = Workspace::new();
    let out = ws
        .cmd("start --kenmerk P-1")
        .env("ZORGPAD_TEST_CRASH", "opslaan")
        .answers(TO_D4_PAUSE)
        .run();
    assert_eq!(out.signal, Some(SIGABRT), "the save did not crash: {out:?}");
    // The crash came after the temporary file was written: it is there, the session is not.
    let files = ws.data_files();
    assert_eq!(temp_files(&ws).len(), 1, "{files:?}");
    assert!(
        !files.iter().any(|f| f.ends_with(".json")),
        "a session file after a crash in its first save: {files:?}"
    );

    ws.cmd("sessies")
        .run()
        .code(0)
        .no_panic()
        .stdout_has("Geen sessies in");
    // The stray temporary file is not reported as an unreadable session either.
    let out = ws.cmd("sessies").run().code(0);
    assert_eq!(out.stderr, "", "{out:?}");

    // A new session next to the stray file works as usual.
    ws.cmd("start").answers(TO_D4_PAUSE).run().code(0);
    let id = ws.only_session();
    let list = SessionTable::parse(&ws.cmd("sessies").run().code(0).stdout);
    assert_eq!(list.ids(), [id]);
}

#[test]
fn a_crash_while_saving_a_resumed_session_keeps_the_previous_file_intact() {
    let ws = Workspace::new();
    ws.cmd("start --kenmerk P-2")
        .answers(TO_D4_PAUSE)
        .run()
        .code(0);
    let id = ws.only_session();
    let file = ws.session_file(&id);
    let before = std::fs::read(&file).unwrap();

    // The first save of `hervat` (the resume event) dies between writing and renaming.
    let out = ws
        .cmd(&format!("hervat {id}"))
        .now("2026-12-10T14:00:00Z")
        .env("ZORGPAD_TEST_CRASH", "opslaan")
        .answers(D4_TO_MDO_PAUSE)
        .run();
    assert_eq!(out.signal, Some(SIGABRT), "the save did not crash: {out:?}");

    // The previous file, byte for byte, still a complete session; no other *.json.
    assert_eq!(
        std::fs::read(&file).unwrap(),
        before,
        "session file changed"
    );
    let json: Value = serde_json::from_slice(&before).expect("still JSON");
    assert_eq!(json["schema"], "zorgpad.sessie/1");
    assert_eq!(ws.session_ids(), vec![id.to_string()]);
    // What the crashed save wrote stays in its temporary file, never under the real name.
    let temps = temp_files(&ws);
    assert_eq!(temps.len(), 1, "{:?}", ws.data_files());
    let temp: Value =
        serde_json::from_str(&std::fs::read_to_string(ws.data().join(&temps[0])).unwrap())
            .expect("the temporary file holds the newer session");
    assert_eq!(
        temp["journaal"].as_array().unwrap().last().unwrap()["gebeurtenis"],
        "hervat"
    );
    #[cfg(unix)]
    assert_private(&ws.data().join(&temps[0]));

    // The list ignores the stray file and still shows the session waiting at D4.
    let list = ws.cmd("sessies").run().code(0).no_panic();
    assert_eq!(list.stderr, "", "{list:?}");
    let table = SessionTable::parse(&list.stdout);
    assert_eq!(table.ids(), [id.as_str()]);
    table.assert_cell(&id, "Status", "wacht");
    table.assert_cell(
        &id,
        "Huidige stap",
        "stap 2, D4: Cliënt verschijnt op afspraak",
    );

    // And the session goes on from where it was saved last.
    ws.cmd(&format!("hervat {id}"))
        .now("2026-12-10T15:00:00Z")
        .answers(D4_TO_MDO_PAUSE)
        .run()
        .code(0)
        .stderr_has("wacht bij B7");
    let json = ws.session_json(&id);
    let hervat: Vec<&Value> = json["journaal"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["gebeurtenis"] == "hervat")
        .collect();
    assert_eq!(hervat.len(), 1, "the crashed resume left a trace");
    assert_eq!(hervat[0]["tijd"], "2026-12-10T15:00:00Z");
}

#[test]
fn a_crash_while_writing_an_export_keeps_the_previous_export_and_the_session() {
    let ws = Workspace::new();
    ws.cmd("start").answers(TO_D4_PAUSE).run().code(0);
    let id = ws.only_session();
    ws.cmd(&format!("export {id} -o s.md"))
        .now("2026-11-23T08:00:00Z")
        .run()
        .code(0);
    let export = std::fs::read(ws.path().join("s.md")).unwrap();
    let session = std::fs::read(ws.session_file(&id)).unwrap();

    let out = ws
        .cmd(&format!("export {id} -o s.md"))
        .now("2026-11-24T08:00:00Z")
        .env("ZORGPAD_TEST_CRASH", "opslaan")
        .run();
    assert_eq!(
        out.signal,
        Some(SIGABRT),
        "the write did not crash: {out:?}"
    );
    assert_eq!(std::fs::read(ws.path().join("s.md")).unwrap(), export);
    assert_eq!(std::fs::read(ws.session_file(&id)).unwrap(), session);
    // The unfinished export waits in a private temporary file next to it.
    let temps: Vec<PathBuf> = std::fs::read_dir(ws.path())
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| {
            let name = p.file_name().unwrap().to_string_lossy();
            name.starts_with(".zorgpad-") && name.ends_with(".tmp")
        })
        .collect();
    assert_eq!(temps.len(), 1, "{temps:?}");
    #[cfg(unix)]
    assert_private(&temps[0]);
}

#[cfg(unix)]
fn assert_private(path: &std::path::Path) {
    use std::os::unix::fs::PermissionsExt;
    let mode = std::fs::metadata(path).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o600, "{}", path.display());
}

#[test]
fn truncated_and_empty_session_files_are_named_left_alone_and_do_not_stop_the_others() {
    let ws = Workspace::new();
    ws.cmd("start --kenmerk GOED")
        .answers(TO_D4_PAUSE)
        .run()
        .code(0);
    let good = ws.only_session();
    let text = std::fs::read(ws.session_file(&good)).unwrap();
    let truncated = ws.write("data/20261101-0800-dead.json", &text[..text.len() / 2]);
    let empty = ws.write("data/20261101-0800-beef.json", "");

    for (id, path, reason) in [
        (
            "20261101-0800-dead",
            &truncated,
            "het bestand houdt onverwacht op (afgebroken?)",
        ),
        ("20261101-0800-beef", &empty, "het bestand is leeg"),
    ] {
        let bytes = std::fs::read(path).unwrap();
        let named = format!(
            "zorgpad: fout: het sessiebestand '{}' is onleesbaar: {reason}",
            path.display()
        );
        ws.cmd(&format!("hervat {id}"))
            .answers(D4_TO_MDO_PAUSE)
            .run()
            .code(2)
            .no_panic()
            .stderr_has(&named)
            .stderr_has("Het bestand is niet veranderd.");
        ws.cmd(&format!("export {id}"))
            .run()
            .code(2)
            .no_panic()
            .stderr_has(&named);
        assert_eq!(std::fs::read(path).unwrap(), bytes, "{id} was changed");
    }

    // The list shows the good session and names the two bad files.
    let list = ws.cmd("sessies").run().code(0).no_panic();
    assert_eq!(SessionTable::parse(&list.stdout).ids(), [good.as_str()]);
    for path in [&truncated, &empty] {
        assert!(
            list.stderr.contains(&format!(
                "zorgpad: waarschuwing: sessiebestand '{}' is onleesbaar",
                path.display()
            )),
            "{}",
            list.stderr
        );
    }

    // The good session resumes and exports as if nothing happened.
    ws.cmd(&format!("hervat {good}"))
        .answers(D4_TO_MDO_PAUSE)
        .run()
        .code(0)
        .stderr_has("wacht bij B7");
    ws.cmd(&format!("export {good}"))
        .run()
        .code(0)
        .stdout_has("Kenmerk: GOED");
    assert_eq!(std::fs::read(&truncated).unwrap(), &text[..text.len() / 2]);
    assert_eq!(std::fs::read(&empty).unwrap(), b"");
}

/// A guided session in a pseudo-terminal, killed with SIGKILL at a prompt.
#[cfg(unix)]
mod killed {
    use serde_json::Value;

    use crate::common::Workspace;
    use crate::pty::*;

    const KINDCHECK: &str = "Zwangerschap vastgelegd: het ongeboren kind telt mee";

    #[test]
    fn a_session_killed_at_a_prompt_resumes_with_every_answer_given() {
        let ws = Workspace::new();
        let mut tty = Tty::spawn(
            &ws,
            "start --gemeente Voorbeeldstad --rol verloskundig-zorgverlener --kenmerk P-9",
        );

        // IN: the intake; B1: everything done, with a note.
        at_the_intake(&mut tty);
        b1_done_with_note(&mut tty);
        tty.prompt(NOTE, TEXT_READY);
        tty.send("screening met R4U");
        tty.send(ENTER);
        // The instrument: R4U (the second option), with a reason.
        instrument_with_reason(&mut tty, 1);
        tty.prompt(REASON, TEXT_READY);
        tty.send("alert op stress");
        tty.send(ENTER);
        // D1: Ja (two down from "— kies een antwoord —").
        tty.prompt(D1, SELECT_READY);
        tty.send(&DOWN.repeat(2));
        tty.send(ENTER);

        // At the Kindcheck, the process is killed: no clean-up, no last save.
        tty.prompt(KINDCHECK, MULTI_READY);
        match tty.signal(Signal::SIGKILL) {
            WaitStatus::Signaled(_, Signal::SIGKILL, _) => {}
            other => panic!("zorgpad was not killed: {other:?}"),
        }

        // The session file is complete and holds the four answers.
        let id = ws.only_session();
        let stored = ws.session_json(&id);
        let answered: Vec<&str> = stored["journaal"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|e| e["gebeurtenis"] == "antwoord")
            .map(|e| e["vraag"].as_str().unwrap())
            .collect();
        assert_eq!(answered, ["IN", "B1", "B1-instrument", "D1"]);
        assert_eq!(temp_files(&ws), Vec::<String>::new());

        // Resumed without a terminal, the session goes on at the Kindcheck and ends: no
        // consent for current care (ticked in advance at the criteria, so complex is
        // proposed), enkelvoudig with a reason.
        ws.cmd(&format!("hervat {id}"))
            .now("2026-11-22T10:00:00Z")
            .answers(
                "\
- alles                        # Kindcheck
- alleen het ongeboren kind
- negatief
- nee                          # geen andere signalen
- alles                        # B2
- nee                          # toestemming huidige hulpverlening
- nee                          # toestemming huisarts
- nee                          # VoorZorg
- [geen-toestemming]
- {keuze: enkelvoudig, toelichting: lichte problemen en voldoende hulpbronnen}
- psychosociaal
- Wijkteam Voorbeeldstad
- nee
",
            )
            .run()
            .code(0)
            .no_panic();
        ws.cmd(&format!("export {id} --formaat json -o s.json"))
            .run()
            .code(0);
        let json: Value = serde_json::from_str(&ws.read("s.json")).unwrap();
        let row = |node: &str| -> Value {
            json["route"]
                .as_array()
                .unwrap()
                .iter()
                .find(|r| r["knoop"] == node)
                .unwrap_or_else(|| panic!("{node} not in the route: {json:#}"))
                .clone()
        };
        assert_eq!(row("B1")["antwoord"], "2 van 2 gedaan");
        assert_eq!(row("B1")["toelichting"], "screening met R4U");
        assert_eq!(row("B1-instrument")["antwoord"], "R4U");
        assert_eq!(row("B1-instrument")["toelichting"], "alert op stress");
        assert_eq!(row("D1")["antwoord"], "Ja");
        // Answered before the kill, in the first process; the rest after the resume.
        // (The clock moves a minute per reading; the two notes were read from it too.)
        assert_eq!(row("D1")["tijd"], "2026-11-22T09:06:00Z");
        assert_eq!(row("KC")["tijd"], "2026-11-22T10:01:00Z");
        assert_eq!(row("B3-vervolg")["antwoord"], "Nee, pad voorlopig afgerond");
        assert_eq!(json["afgerond"], true);
        assert_eq!(json["sessie"]["kenmerk"], "P-9");
        assert_eq!(
            json["sessie"]["rollen"][0]["rol"],
            "Verloskundig zorgverlener"
        );
        assert_eq!(json["checklists"][0]["notitie"], "screening met R4U");
    }

    fn temp_files(ws: &Workspace) -> Vec<String> {
        super::temp_files(ws)
    }

    #[test]
    fn a_closed_terminal_ends_with_130_and_keeps_every_answer() {
        let ws = Workspace::new();
        let mut tty = Tty::spawn(&ws, "start --gemeente Voorbeeldstad");
        at_the_intake(&mut tty);
        tty.prompt(B1, MULTI_READY);
        tty.send(RIGHT);
        tty.send(ENTER);
        // The terminal goes away (SIGHUP) while the instrument question waits.
        tty.prompt(INSTRUMENT, SELECT_READY);
        match tty.signal(Signal::SIGHUP) {
            WaitStatus::Exited(_, 130) => {}
            other => panic!("expected exit code 130 after SIGHUP, got {other:?}"),
        }
        let id = ws.only_session();
        let stored = ws.session_json(&id);
        let answered: Vec<&str> = stored["journaal"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|e| e["gebeurtenis"] == "antwoord")
            .map(|e| e["vraag"].as_str().unwrap())
            .collect();
        assert_eq!(answered, ["IN", "B1"]);
    }
}
