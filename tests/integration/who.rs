//! Who and why: reading a session never changes it.

use crate::common::{Workspace, D4_TO_MDO_PAUSE, MDO_TO_END, TO_D4_PAUSE};

#[test]
fn export_leaves_the_session_file_byte_identical() {
    let ws = Workspace::new();
    ws.cmd("start").answers(TO_D4_PAUSE).run().code(0);
    let id = ws.only_session();
    let before = std::fs::read(ws.session_file(&id)).unwrap();
    for (format, at) in [
        ("md", "2026-12-01T08:00:00Z"),
        ("json", "2026-12-02T08:00:00Z"),
    ] {
        ws.cmd(&format!("export {id} --formaat {format}"))
            .now(at)
            .run()
            .code(0);
        assert_eq!(
            std::fs::read(ws.session_file(&id)).unwrap(),
            before,
            "export --formaat {format} changed the session file"
        );
    }
    ws.cmd("sessies").run().code(0);
    assert_eq!(std::fs::read(ws.session_file(&id)).unwrap(), before);
}

fn journal(ws: &Workspace, id: &str) -> Vec<serde_json::Value> {
    ws.session_json(id)["journaal"].as_array().unwrap().clone()
}

#[test]
fn every_event_records_the_role_that_acted_the_first_one_too() {
    let ws = Workspace::new();
    // No --rol: the first role is the role of the flow's first question.
    ws.cmd("start").answers(TO_D4_PAUSE).run().code(0);
    let id = ws.only_session();
    for event in journal(&ws, &id) {
        assert_eq!(event["rol"], "verloskundig-zorgverlener", "{event}");
        assert!(event.get("door").is_none(), "{event}");
    }
    ws.cmd(&format!(
        "hervat {id} --rol coordinerend-zorgverlener --door AB"
    ))
    .now("2026-12-10T14:00:00Z")
    .answers(D4_TO_MDO_PAUSE)
    .run()
    .code(0);
    let events = journal(&ws, &id);
    let resumed = events
        .iter()
        .position(|e| e["gebeurtenis"] == "hervat")
        .unwrap();
    assert!(events[..resumed]
        .iter()
        .all(|e| e["rol"] == "verloskundig-zorgverlener" && e.get("door").is_none()));
    for event in &events[resumed..] {
        assert_eq!(event["rol"], "coordinerend-zorgverlener", "{event}");
        assert_eq!(event["door"], "AB", "{event}");
    }
    // A later resume without --rol goes on with the role in force, without the initials.
    ws.cmd(&format!("hervat {id}"))
        .now("2027-01-15T16:00:00Z")
        .answers(MDO_TO_END)
        .run()
        .code(0);
    let last = journal(&ws, &id).pop().unwrap();
    assert_eq!(last["rol"], "coordinerend-zorgverlener", "{last}");
    assert!(last.get("door").is_none(), "{last}");
}

#[test]
fn the_summary_shows_who_answered() {
    let ws = Workspace::new();
    ws.cmd("start --door JdV")
        .answers(TO_D4_PAUSE)
        .run()
        .code(0);
    let id = ws.only_session();
    ws.cmd(&format!(
        "hervat {id} --rol coordinerend-zorgverlener --door AB"
    ))
    .now("2026-12-10T14:00:00Z")
    .answers(D4_TO_MDO_PAUSE)
    .run()
    .code(0);
    let md = ws
        .cmd(&format!("export {id} --formaat md"))
        .run()
        .code(0)
        .stdout
        .clone();
    assert!(
        md.contains("| Stap | Rol | Door | Vraag | Antwoord | Toelichting | Tijd |"),
        "{md}"
    );
    // The box is the midwife's; who answered it is named beside it.
    assert!(
        md.contains("| 2 | Verloskundig zorgverlener | Verloskundig zorgverlener (JdV) | B5:"),
        "{md}"
    );
    assert!(
        md.contains("| 2 | Verloskundig zorgverlener | Coördinerend zorgverlener (AB) | D4:"),
        "{md}"
    );
    let out = ws.cmd(&format!("export {id} --formaat json")).run().code(0);
    let json: serde_json::Value = serde_json::from_str(&out.stdout).unwrap();
    let d4 = json["route"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["knoop"] == "D4")
        .unwrap();
    assert_eq!(d4["rol"], "Verloskundig zorgverlener");
    assert_eq!(
        d4["door"],
        serde_json::json!({"rol": "Coördinerend zorgverlener", "initialen": "AB"})
    );
}

#[test]
fn door_takes_initials_or_a_short_name_only() {
    for door in [
        "Johanna de Vries-Bakker",
        "AB12",
        "111222333",
        "J\u{1b}dV",
        " ",
    ] {
        crate::common::Test::new()
            .arg("start")
            .arg("--door")
            .arg(door)
            .answers(TO_D4_PAUSE)
            .run()
            .code(2)
            .stderr_has("--door");
    }
    let ws = Workspace::new();
    ws.cmd("start --door J.d.V.")
        .answers(TO_D4_PAUSE)
        .run()
        .code(0);
}

#[test]
fn a_changed_answer_shows_old_new_who_and_when_and_an_unchanged_one_is_left_out() {
    let ws = Workspace::new();
    ws.cmd("start --door JdV")
        .answers(TO_D4_PAUSE)
        .run()
        .code(0);
    let id = ws.only_session();
    // Another day, another person: back from D4 past D3 to B5; D3 answered as before, B5 not.
    ws.cmd(&format!("hervat {id} --door AB"))
        .now("2026-11-23T10:00:00Z")
        .answers("- terug\n- terug\n- ja\n- [afspraak]\n- later\n")
        .run()
        .code(0);
    let out = ws.cmd(&format!("export {id} --formaat md")).run().code(0);
    let md = out.stdout.clone();
    let changed = md
        .split("## Gewijzigde antwoorden\n\n")
        .nth(1)
        .expect("a section of changed answers")
        .split("\n\n")
        .next()
        .unwrap();
    assert_eq!(changed.lines().count(), 1, "{changed}");
    assert!(changed.contains("B5"), "{changed}");
    assert!(
        changed.contains("'2 van 2 gedaan' → '1 van 2 gedaan, 1 open', gewijzigd 23-11-2026 10:04 door Verloskundig zorgverlener (AB)"),
        "{changed}"
    );
    assert!(
        changed.contains("(eerder gegeven 22-11-2026 09:19 door Verloskundig zorgverlener (JdV))"),
        "{changed}"
    );
    let out = ws.cmd(&format!("export {id} --formaat json")).run().code(0);
    let json: serde_json::Value = serde_json::from_str(&out.stdout).unwrap();
    let changes = json["gewijzigd"].as_array().unwrap();
    assert_eq!(changes.len(), 1, "{changes:#?}");
    assert_eq!(changes[0]["eerder_antwoord"], "2 van 2 gedaan");
    assert_eq!(changes[0]["nieuw_antwoord"], "1 van 2 gedaan, 1 open");
    assert_eq!(changes[0]["gewijzigd"], "2026-11-23T10:04:00Z");
    assert_eq!(changes[0]["door"]["initialen"], "AB");
    assert_eq!(changes[0]["eerder_door"]["initialen"], "JdV");
}
