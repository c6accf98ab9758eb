//! Sessions that last weeks, through the real binary, each command in its own process:
//! pause and resume across processes and roles, `zorgpad sessies`, `export`, removal, the
//! privacy of the files, the BSN refusal, and that a replayed journal gives the same summary.

use crate::common::{SessionTable, Workspace, D4_TO_MDO_PAUSE, MDO_TO_END, TO_D4_PAUSE};
use serde_json::Value;

/// The shortest route: the intake, no PPM.
const SHORT: &str = "- intake\n- alles\n- geen\n- nee\n";

/// The node ids of the route in a JSON export.
fn route(json: &Value) -> Vec<&str> {
    json["route"]
        .as_array()
        .expect("route")
        .iter()
        .map(|r| r["knoop"].as_str().expect("knoop"))
        .collect()
}

/// The route row of a node (the first, when it occurs more than once).
fn row<'a>(json: &'a Value, node: &str) -> &'a Value {
    json["route"]
        .as_array()
        .expect("route")
        .iter()
        .find(|r| r["knoop"] == node)
        .unwrap_or_else(|| panic!("{node} not in the route: {json:#}"))
}

/// `zorgpad sessies`, read back.
fn sessions(ws: &Workspace, now: &str) -> SessionTable {
    let out = ws.cmd("sessies").now(now).run().code(0).no_panic();
    assert_eq!(out.stderr, "", "{out:?}");
    SessionTable::parse(&out.stdout)
}

#[test]
fn a_session_paused_at_the_appointment_and_the_mdo_continues_in_new_processes_and_roles() {
    let ws = Workspace::new();

    // Process 1: the midwife, from the intake to the appointment (D4), expected on 10-12.
    ws.cmd("start --rol verloskundig-zorgverlener --kenmerk P-2026-0042")
        .now("2026-11-22T09:00:00Z")
        .answers(TO_D4_PAUSE)
        .run()
        .code(0)
        .no_panic()
        .stdout_has("Status: wacht op D4 Cliënt verschijnt op afspraak (sinds 22-11-2026 09:25, verwacht 10-12-2026)")
        .stderr_has("wacht bij D4 Cliënt verschijnt op afspraak. Alles is bewaard.");
    let id = ws.only_session();

    let list = sessions(&ws, "2026-11-25T12:00:00Z");
    list.assert_cell(&id, "Kenmerk", "P-2026-0042");
    list.assert_cell(&id, "Status", "wacht");
    list.assert_cell(
        &id,
        "Huidige stap",
        "stap 2, D4: Cliënt verschijnt op afspraak",
    );
    list.assert_cell(
        &id,
        "Wacht op",
        "D4, sinds 22-11-2026 09:25, verwacht 10-12-2026",
    );
    list.assert_cell(&id, "Laatst gewijzigd", "22-11-2026 09:25");

    // Process 2, weeks later: the client came; on to the MDO (B7), where it waits again.
    ws.cmd(&format!("hervat {id}"))
        .now("2026-12-10T14:00:00Z")
        .answers(D4_TO_MDO_PAUSE)
        .run()
        .code(0)
        .no_panic()
        .stderr_has("wacht bij B7 Multidisciplinair overleg (MDO)");
    let list = sessions(&ws, "2026-12-11T08:00:00Z");
    list.assert_cell(&id, "Status", "wacht");
    list.assert_cell(
        &id,
        "Huidige stap",
        "stap 4, B7: Multidisciplinair overleg (MDO)",
    );
    list.assert_cell(&id, "Wacht op", "B7, sinds 10-12-2026 14:07");

    // An export while it waits says so.
    ws.cmd(&format!("export {id} -o wacht.md"))
        .now("2026-12-11T08:30:00Z")
        .run()
        .code(0);
    let md = ws.read("wacht.md");
    assert!(
        md.contains(
            "- Status: wacht op B7 Multidisciplinair overleg (MDO) (sinds 10-12-2026 14:07)\n"
        ),
        "{md}"
    );

    // Process 3, after the MDO: the coordinating care provider finishes the session.
    ws.cmd(&format!("hervat {id} --rol coordinerend-zorgverlener"))
        .now("2027-01-15T16:00:00Z")
        .answers(MDO_TO_END)
        .run()
        .code(0)
        .no_panic()
        .stdout_has("Uitkomst: Complexe problematiek")
        .stderr_has(&format!("Sessie {id} is afgerond"));
    let list = sessions(&ws, "2027-01-16T08:00:00Z");
    list.assert_cell(&id, "Status", "afgerond");
    list.assert_cell(&id, "Huidige stap", "Overdracht na de bevalling");
    list.assert_cell(&id, "Wacht op", "—");
    list.assert_cell(&id, "Laatst gewijzigd", "15-01-2027 16:05");

    // The export holds the whole route, the roles and the times of each process.
    ws.cmd(&format!("export {id} --formaat json -o s.json"))
        .now("2027-01-16T09:00:00Z")
        .run()
        .code(0);
    let json: Value = serde_json::from_str(&ws.read("s.json")).expect("json export");
    assert_eq!(
        route(&json),
        [
            "IN",
            "B1",
            "B1-instrument",
            "D1",
            "B2-meldcode",
            "KC",
            "KC-kinderen",
            "KC-uitkomst",
            "MC1",
            "MC2",
            "MC2-advies",
            "MC3",
            "AK1",
            "AK-afsluiten",
            "B2",
            "B2-toestemming",
            "B2-contact-hulpverlening",
            "B2-toestemming-huisarts",
            "B2-contact-huisarts",
            "B2-voorzorg",
            "D2-criteria",
            "D2",
            "B4",
            "D3",
            "B5",
            "B5-coordinator",
            "D4",
            "B6-meldcode",
            "KC",
            "KC-kinderen",
            "KC-uitkomst",
            "KC-andere-signalen",
            "KC-negatief",
            "B6",
            "B7",
            "B7-coordinator-post-partum",
            "B7-terugkoppeling",
            "W1",
            "B8",
            "E-overdracht"
        ]
    );
    let info = &json["sessie"];
    assert_eq!(info["id"], id.as_str());
    assert_eq!(info["kenmerk"], "P-2026-0042");
    assert_eq!(info["status"], "afgerond");
    assert_eq!(info["wacht_op"], Value::Null);
    assert_eq!(
        info["rollen"],
        serde_json::json!([
            {"rol": "Verloskundig zorgverlener", "vanaf": "2026-11-22T09:00:00Z"},
            {"rol": "Coördinerend zorgverlener", "vanaf": "2027-01-15T16:00:00Z"}
        ])
    );
    assert_eq!(json["afgerond"], true);
    assert_eq!(json["gestart"], "2026-11-22T09:00:00Z");
    for (node, time) in [
        ("IN", "2026-11-22T09:01:00Z"),
        ("B1", "2026-11-22T09:02:00Z"),
        ("B5", "2026-11-22T09:23:00Z"),
        ("B5-coordinator", "2026-11-22T09:24:00Z"),
        ("D4", "2026-12-10T14:01:00Z"),
        ("B6", "2026-12-10T14:06:00Z"),
        ("B7", "2027-01-15T16:01:00Z"),
        ("B8", "2027-01-15T16:05:00Z"),
    ] {
        assert_eq!(row(&json, node)["tijd"], time, "time of {node}");
    }
    assert_eq!(row(&json, "D4")["antwoord"], "Ja, verschenen");
    assert_eq!(row(&json, "B7")["rol"], "MDO");
    assert_eq!(
        row(&json, "B5-coordinator")["antwoord"],
        "Jeugdverpleegkundige van het Centrum Kwetsbare Zwangeren"
    );

    ws.cmd(&format!("export {id}"))
        .now("2027-01-16T09:05:00Z")
        .run()
        .code(0)
        .stdout_has(&format!("- Kenmerk: P-2026-0042 · sessie {id}\n"))
        .stdout_has("- Ingevuld door: Verloskundig zorgverlener (vanaf 22-11-2026 09:00); Coördinerend zorgverlener (vanaf 15-01-2027 16:00)\n")
        .stdout_has("- B5 Maak afspraak voor cliënt (stap 2, Verloskundig zorgverlener) — gedaan: Maak afspraak voor cliënt\n")
        .stdout_has("| B5 | Wie wordt de coördinerend zorgverlener? (naam of functie, en organisatie) | Jeugdverpleegkundige van het Centrum Kwetsbare Zwangeren | 22-11-2026 |\n")
        .stdout_has("| D4 | Is de cliënt op de afspraak verschenen? | Ja, verschenen | 10-12-2026 |\n")
        .stdout_has("- B7 Multidisciplinair overleg (MDO) (stap 4, MDO) — gedaan: ")
        // Each answer's time and who gave it: in the journal, the appendix.
        .stdout_has("### 22-11-2026 · Verloskundig zorgverlener\n")
        .stdout_has("| 09:23 | B5 Maak afspraak voor cliënt → 1 van 1 gedaan |\n")
        .stdout_has("### 15-01-2027 · Coördinerend zorgverlener\n")
        .stdout_has("| 16:01 | B7 Multidisciplinair overleg (MDO) → 2 van 2 gedaan |\n")
        .stdout_has("- Uitkomst: Complexe problematiek: verwezen naar een gespecialiseerde hulpverlener, met een coördinerend zorgverlener. In het MDO is het definitieve behandelplan vastgesteld.");

    // The journal: who took the session up when, and where it waited; the exports (reading)
    // left no trace.
    let journal = ws.session_json(&id)["journaal"].clone();
    let kinds: Vec<(&str, Option<&str>)> = journal
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["gebeurtenis"] != "antwoord")
        .map(|e| {
            (
                e["gebeurtenis"].as_str().unwrap(),
                e["vraag"].as_str().or(e["rol"].as_str()),
            )
        })
        .collect();
    assert_eq!(
        kinds,
        [
            ("start", Some("verloskundig-zorgverlener")),
            ("pauze", Some("D4")),
            ("hervat", Some("verloskundig-zorgverlener")),
            ("pauze", Some("B7")),
            ("hervat", Some("coordinerend-zorgverlener")),
        ]
    );
    let d4_pause = journal
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["gebeurtenis"] == "pauze")
        .unwrap();
    assert_eq!(d4_pause["verwacht"], "2026-12-10");
}

#[test]
fn a_finished_session_resumed_again_shows_its_summary_and_changes_nothing() {
    let ws = Workspace::new();
    ws.cmd("start").answers(SHORT).run().code(0);
    let id = ws.only_session();
    let before = std::fs::read(ws.session_file(&id)).unwrap();
    ws.cmd(&format!("hervat {id}"))
        .answers("[]")
        .run()
        .code(0)
        .stderr_has(&format!("Sessie {id} is al afgerond"))
        .stdout_has("Uitkomst: Geen actie op dit moment");
    assert_eq!(std::fs::read(ws.session_file(&id)).unwrap(), before);
}

#[cfg(unix)]
#[test]
fn the_data_directory_the_session_file_and_every_export_are_private() {
    use std::os::unix::fs::PermissionsExt;
    let mode = |path: &std::path::Path| {
        std::fs::metadata(path)
            .unwrap_or_else(|e| panic!("{}: {e}", path.display()))
            .permissions()
            .mode()
            & 0o777
    };
    let ws = Workspace::new();
    // An export over an existing, world-readable file must not keep its mode.
    let old = ws.write("oud.html", "oud");
    std::fs::set_permissions(&old, std::fs::Permissions::from_mode(0o644)).unwrap();

    ws.cmd("start --export start.md")
        .answers(SHORT)
        .run()
        .code(0);
    let id = ws.only_session();
    assert_eq!(mode(&ws.data()), 0o700, "data directory");
    assert_eq!(mode(&ws.session_file(&id)), 0o600, "session file");
    assert_eq!(mode(&ws.path().join("start.md")), 0o600, "start --export");

    for (args, file) in [
        (format!("export {id} -o e.md"), "e.md"),
        (format!("export {id} --formaat json -o e.json"), "e.json"),
        (format!("export {id} -o e.html"), "e.html"),
        (format!("export {id} -o oud.html"), "oud.html"),
    ] {
        ws.cmd(&args).run().code(0);
        assert_eq!(mode(&ws.path().join(file)), 0o600, "{args}");
    }
    assert!(ws.read("oud.html").starts_with("<!DOCTYPE html>"));
    // Every save (here: the export events) keeps the session file private.
    assert_eq!(
        mode(&ws.session_file(&id)),
        0o600,
        "session file after saves"
    );

    // A data directory several levels down is created private too.
    let ws2 = Workspace::new();
    ws2.cmd("start")
        .env(
            "ZORGPAD_DATA",
            &ws2.path().join("a/b/zorgpad").display().to_string(),
        )
        .answers(SHORT)
        .run()
        .code(0);
    assert_eq!(mode(&ws2.path().join("a/b/zorgpad")), 0o700);
}

#[test]
fn a_bsn_as_kenmerk_is_refused_and_nothing_is_stored() {
    let ws = Workspace::new();
    for bsn in ["111222333", "111.222.333", "123456782"] {
        ws.cmd("start --kenmerk")
            .arg(bsn)
            .answers(SHORT)
            .run()
            .code(2)
            .no_panic()
            .stderr_has(
                "zorgpad: fout: --kenmerk lijkt een burgerservicenummer (BSN) te bevatten; zorgpad bewaart geen BSN",
            )
            .stderr_has("Laat --kenmerk weg of gebruik zo'n eigen kenmerk.");
    }
    assert!(ws.session_ids().is_empty(), "{:?}", ws.data_files());

    // Nine digits that fail the elfproef are an ordinary reference.
    ws.cmd("start --kenmerk 123456789")
        .answers(SHORT)
        .run()
        .code(0)
        .no_panic()
        .stdout_has("Kenmerk: 123456789");
    let id = ws.only_session();
    assert_eq!(ws.session_json(&id)["kenmerk"], "123456789");
    sessions(&ws, "2026-11-22T10:00:00Z").assert_cell(&id, "Kenmerk", "123456789");
}

#[test]
fn removing_a_session_needs_a_terminal_or_ja() {
    let ws = Workspace::new();
    ws.cmd("start").answers(SHORT).run().code(0);
    let id = ws.only_session();
    let file = ws.session_file(&id);
    let before = std::fs::read(&file).unwrap();

    // No terminal (stdin and stderr are pipes) and no --ja: refused, nothing removed.
    ws.cmd(&format!("sessies verwijder {id}"))
        .run()
        .code(2)
        .no_panic()
        .stderr_has(&format!(
            "zorgpad: fout: sessie {id} verwijderen vraagt om bevestiging, en er is geen terminal"
        ))
        .stderr_has(&format!("zorgpad sessies verwijder {id} --ja"));
    assert_eq!(std::fs::read(&file).expect("still there"), before);

    // With --ja (and a unique beginning of the id) it is gone.
    let prefix = &id[..id.len() - 2];
    ws.cmd(&format!("sessies verwijder {prefix} --ja"))
        .run()
        .code(0)
        .stdout_has(&format!("Sessie {id} is verwijderd."));
    assert!(!file.exists());
    ws.cmd("sessies")
        .run()
        .code(0)
        .stdout_has("Geen sessies in");
    ws.cmd(&format!("sessies verwijder {id} --ja"))
        .run()
        .code(2)
        .stderr_has(&format!("er is geen sessie '{id}'"));
}

/// Drop what exporting itself changes (the export event moves `bijgewerkt`).
fn without_export_effects(mut json: Value) -> Value {
    let object = json.as_object_mut().expect("object");
    object.remove("bijgewerkt").expect("bijgewerkt");
    // The journal in words ends with the export that `start` recorded.
    let journal = object["verloop"].as_array_mut().expect("verloop");
    journal.retain(|line| {
        !line["wat"]
            .as_str()
            .is_some_and(|w| w.starts_with("Samenvatting geëxporteerd"))
    });
    json
}

#[test]
fn replaying_the_journal_gives_the_same_summary_every_time() {
    let ws = Workspace::new();
    // Up to D4 (without the pause), back once to answer B5 (its coordinator) differently,
    // then to the end, with actions left open.
    let to_d4: Vec<&str> = TO_D4_PAUSE
        .lines()
        .filter(|l| !l.starts_with("- later"))
        .collect();
    let answers = format!(
        "{}
- terug
- Verloskundige van het Centrum Kwetsbare Zwangeren   # B5: coördinerend zorgverlener
- ja                   # D4
- alles                # Kindcheck (B6)
- ongeboren kind en 2 kinderen van 4 en 7 jaar
- negatief
- nee                  # geen andere signalen
- [behandelplan]       # B6
- alles                # B7
- Wijkverpleegkundige van het CJG
- alles                # terugkoppeling
- bevallen             # W1
- niets                # B8
",
        to_d4.join("\n")
    );
    ws.cmd("start --rol verloskundig-zorgverlener --kenmerk P-7 --export start.json")
        .now("2026-11-22T09:00:00Z")
        .answers(&answers)
        .run()
        .code(0);
    let id = ws.only_session();
    let at_start: Value = serde_json::from_str(&ws.read("start.json")).unwrap();
    assert_eq!(at_start["gewijzigd"].as_array().unwrap().len(), 1);
    assert!(!at_start["open_acties"].as_object().unwrap().is_empty());

    // Two exports, two processes, two moments: the same summary, byte for byte. Reading
    // changes nothing, so `bijgewerkt` is the last change: the export at the end of `start`.
    ws.cmd(&format!("export {id} --formaat json -o een.json"))
        .now("2026-12-01T10:00:00Z")
        .run()
        .code(0);
    let twee = ws
        .cmd(&format!("export {id} --formaat json"))
        .now("2027-02-02T11:00:00Z")
        .run()
        .code(0);
    assert_eq!(ws.read("een.json"), twee.stdout);
    let een: Value = serde_json::from_str(&ws.read("een.json")).unwrap();
    let last = ws.session_json(&id)["journaal"]
        .as_array()
        .unwrap()
        .last()
        .unwrap()
        .clone();
    assert_eq!(last["gebeurtenis"], "export", "{last}");
    assert_eq!(een["bijgewerkt"], last["tijd"]);
    // And the same as the summary written at the end of the session itself, but for the
    // export that `start` recorded after writing it.
    assert_eq!(
        without_export_effects(at_start),
        without_export_effects(een)
    );

    // Markdown and HTML likewise.
    for format in ["md", "html"] {
        let first = ws
            .cmd(&format!("export {id} --formaat {format}"))
            .now("2026-12-01T10:00:00Z")
            .run()
            .code(0);
        let second = ws
            .cmd(&format!("export {id} --formaat {format}"))
            .now("2027-02-02T11:00:00Z")
            .run()
            .code(0);
        assert_eq!(first.stdout, second.stdout, "{format}");
    }
}

/// `zorgpad sessies verwijder ID` in a terminal asks first.
#[cfg(unix)]
mod in_a_terminal {
    use crate::common::Workspace;
    use crate::pty::*;

    /// The end of the confirmation's help line.
    const CONFIRM_READY: &str = "ja of nee \u{b7} Esc = nee]";

    /// `sessies verwijder ID` in a pty, at the confirmation.
    fn remove(ws: &Workspace, id: &str) -> Tty {
        let mut tty = Tty::spawn(ws, &format!("sessies verwijder {id}"));
        tty.prompt(
            &format!("Sessie {id} definitief verwijderen? Dit kan niet ongedaan worden."),
            CONFIRM_READY,
        );
        tty
    }

    #[test]
    fn removing_a_session_in_a_terminal_asks_for_confirmation() {
        let ws = Workspace::new();
        ws.cmd("start").answers(super::SHORT).run().code(0);
        let id = ws.only_session();
        let file = ws.session_file(&id);
        let before = std::fs::read(&file).unwrap();

        // Neither ja nor nee: asked again. Then "n": kept, byte for byte.
        let mut tty = remove(&ws, &id);
        tty.send("misschien");
        tty.send(ENTER);
        tty.expect("Typ ja of nee.");
        tty.send(&BACKSPACE.repeat("misschien".len()));
        tty.send("n");
        tty.send(ENTER);
        tty.expect("Niet verwijderd.");
        assert_eq!(tty.finish(), 0, "exit code\n{}", tty.screen());
        assert!(!tty.screen().contains("is verwijderd"), "{}", tty.screen());
        assert_eq!(std::fs::read(&file).expect("still there"), before);
        tty.assert_dutch();

        // Esc is nee too.
        let mut tty = remove(&ws, &id);
        tty.send(ESC);
        tty.expect("Niet verwijderd.");
        assert_eq!(tty.finish(), 0, "exit code\n{}", tty.screen());
        assert_eq!(std::fs::read(&file).expect("still there"), before);

        // "j": removed, and the list is empty.
        let mut tty = remove(&ws, &id);
        tty.send("j");
        tty.send(ENTER);
        tty.expect(&format!("Sessie {id} is verwijderd."));
        assert_eq!(tty.finish(), 0, "exit code\n{}", tty.screen());
        assert!(!file.exists(), "{} is still there", file.display());
        assert_eq!(ws.session_ids(), Vec::<String>::new());
        ws.cmd("sessies")
            .run()
            .code(0)
            .stdout_has("Geen sessies in");
    }
}
