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
    // Who answered is said once over the decisions, and per answer in the appendix, where
    // the journal is grouped by day and by who acted.
    assert!(
        md.contains("Beantwoord door Verloskundig zorgverlener (JdV) (")
            && md.contains(" en Coördinerend zorgverlener (AB) (10-12-2026)."),
        "{md}"
    );
    let midwife = md
        .find(" · Verloskundig zorgverlener (JdV)\n")
        .expect("the midwife's part of the journal");
    let coordinator = md
        .find("### 10-12-2026 · Coördinerend zorgverlener (AB)\n")
        .expect("the coordinator's part of the journal");
    let b5 = md
        .find("| B5 Wie wordt de coördinerend zorgverlener?")
        .expect("B5");
    let d4 = md
        .find("| D4 Is de cliënt op de afspraak verschenen? →")
        .expect("D4");
    assert!(midwife < b5 && b5 < coordinator && coordinator < d4, "{md}");
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
    // Another day, another person: back from D4 past B5's coordinator and B5 to D3; D3 and the
    // coordinator answered as before, B5 not (the appointment is not made after all).
    ws.cmd(&format!("hervat {id} --door AB"))
        .now("2026-11-23T10:00:00Z")
        .answers(
            "\
- terug
- terug
- terug
- ja                # D3, as before
- niets             # B5, changed
- Jeugdverpleegkundige van het Centrum Kwetsbare Zwangeren   # as before
- later
",
        )
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
        changed.contains("'1 van 1 gedaan' → '0 van 1 gedaan, 1 open', gewijzigd 23-11-2026 10:05 door Verloskundig zorgverlener (AB)"),
        "{changed}"
    );
    assert!(
        changed.contains("(eerder gegeven 22-11-2026 09:23 door Verloskundig zorgverlener (JdV))"),
        "{changed}"
    );
    let out = ws.cmd(&format!("export {id} --formaat json")).run().code(0);
    let json: serde_json::Value = serde_json::from_str(&out.stdout).unwrap();
    let changes = json["gewijzigd"].as_array().unwrap();
    assert_eq!(changes.len(), 1, "{changes:#?}");
    assert_eq!(changes[0]["eerder_antwoord"], "1 van 1 gedaan");
    assert_eq!(changes[0]["nieuw_antwoord"], "0 van 1 gedaan, 1 open");
    assert_eq!(changes[0]["gewijzigd"], "2026-11-23T10:05:00Z");
    assert_eq!(changes[0]["door"]["initialen"], "AB");
    assert_eq!(changes[0]["eerder_door"]["initialen"], "JdV");
}

/// Up to the outcome of the Kindcheck ("positief"); what follows `- terug…` in
/// [`AFTER_NEGATIVE_KC`].
const TO_KC_OUTCOME: &str = "\
- intake   # IN
- alles    # B1
- r4u
- ja       # D1
- alles    # Kindcheck
- ongeboren kind en een kind van 2 jaar
- positief
";

/// After the outcome of the Kindcheck is changed to "negatief": on to the pause at D4.
const AFTER_NEGATIVE_KC: &str = "\
- negatief
- nee      # geen andere signalen
- alles    # B2
- ja       # toestemming huidige hulpverlening
- alles
- ja       # toestemming huisarts
- alles
- nee      # VoorZorg
- [hulpbronnen]
- complex
- Centrum Kwetsbare Zwangeren
- ja
- alles    # B5
- Jeugdverpleegkundige van het Centrum Kwetsbare Zwangeren
- later: 10-12-2026
";

#[test]
fn changing_a_kindcheck_answer_in_an_answers_file_needs_a_reason() {
    let ws = Workspace::new();
    ws.cmd("start")
        .answers(&format!("{TO_KC_OUTCOME}- terug\n{AFTER_NEGATIVE_KC}"))
        .run()
        .code(2)
        .stderr_has("antwoord 8 (regel 8) is 'terug' naar B2-meldcode/KC-uitkomst")
        .stderr_has("wijzigt u alleen met een reden")
        .stderr_has("- terug: {reden: ");
    // Never a BSN in the reason.
    let ws = Workspace::new();
    ws.cmd("start")
        .answers(&format!(
            "{TO_KC_OUTCOME}- terug: {{reden: \"zie 111222333\"}}\n{AFTER_NEGATIVE_KC}"
        ))
        .run()
        .code(2)
        .stderr_has("reden lijkt een burgerservicenummer");

    let ws = Workspace::new();
    ws.cmd("start --door JdV")
        .answers(&format!(
            "{TO_KC_OUTCOME}- terug: {{reden: \"uitkomst verkeerd aangeklikt\"}}\n{AFTER_NEGATIVE_KC}"
        ))
        .run()
        .code(0);
    let id = ws.only_session();
    let back = journal(&ws, &id)
        .into_iter()
        .find(|e| e["gebeurtenis"] == "terug")
        .unwrap();
    assert_eq!(back["reden"], "uitkomst verkeerd aangeklikt");
    assert_eq!(back["door"], "JdV");
    let out = ws.cmd(&format!("export {id} --formaat md")).run().code(0);
    assert!(
        out.stdout
            .contains("'Positief — volg de stappen van de Meldcode' → 'Negatief"),
        "{}",
        out.stdout
    );
    assert!(
        out.stdout.contains("door Verloskundig zorgverlener (JdV); reden: uitkomst verkeerd aangeklikt (eerder gegeven"),
        "{}",
        out.stdout
    );
}

#[cfg(unix)]
mod in_a_terminal {
    use super::journal;
    use crate::common::{Workspace, TO_D4_PAUSE};
    use crate::pty::*;

    const D4: &str = "Is de cliënt op de afspraak verschenen?";
    const CONFIRM: &str = "Wilt u teruggaan naar dat antwoord van een andere rol?";
    const CONFIRM_READY: &str = "ja of nee \u{b7} Esc = nee]";
    const WHY: &str = "Waarom wijzigt u dit antwoord?";
    const WHY_READY: &str = "? uitleg]";
    const B5_COORDINATOR: &str = "Wie wordt de coördinerend zorgverlener?";
    const TEXT_LATER_READY: &str =
        "leeg laten: later verder \u{b7} ? voor uitleg \u{b7} Esc terug]";
    const OTHER_SIGNALS: &str = "Andere signalen van huiselijk geweld";

    fn stop(tty: &mut Tty) {
        tty.send(CTRL_C);
        tty.expect("zorgpad: gestopt met Ctrl-C.");
        assert_eq!(tty.finish(), 130, "exit code\n{}", tty.screen());
    }

    fn backs(ws: &Workspace, id: &str) -> Vec<serde_json::Value> {
        journal(ws, id)
            .into_iter()
            .filter(|e| e["gebeurtenis"] == "terug")
            .collect()
    }

    #[test]
    fn esc_into_another_roles_answer_asks_first() {
        let ws = Workspace::new();
        ws.cmd("start").answers(TO_D4_PAUSE).run().code(0);
        let id = ws.only_session();
        let mut tty = Tty::spawn_at(
            &ws,
            &format!("hervat {id} --rol coordinerend-zorgverlener --door AB"),
            "2026-11-23T10:00:00Z",
        );
        tty.prompt(D4, SELECT_READY);
        tty.send(ESC);
        tty.expect("(B5-coordinator) is gegeven door");
        tty.prompt(CONFIRM, CONFIRM_READY);
        tty.send("nee");
        tty.send(ENTER);
        tty.expect("U blijft bij deze vraag.");
        tty.prompt(D4, SELECT_READY);
        stop(&mut tty);
        assert!(backs(&ws, &id).is_empty());

        let mut tty = Tty::spawn_at(
            &ws,
            &format!("hervat {id} --rol coordinerend-zorgverlener --door AB"),
            "2026-11-24T10:00:00Z",
        );
        tty.prompt(D4, SELECT_READY);
        tty.send(ESC);
        tty.prompt(CONFIRM, CONFIRM_READY);
        tty.send("ja");
        tty.send(ENTER);
        tty.prompt(B5_COORDINATOR, TEXT_LATER_READY);
        stop(&mut tty);
        let backs = backs(&ws, &id);
        assert_eq!(backs.len(), 1, "{backs:?}");
        assert_eq!(backs[0]["rol"], "coordinerend-zorgverlener");
        assert_eq!(backs[0]["door"], "AB");
        assert!(backs[0].get("reden").is_none());
    }

    #[test]
    fn esc_into_a_kindcheck_answer_asks_why() {
        let ws = Workspace::new();
        ws.cmd("start")
            .answers(
                super::TO_KC_OUTCOME
                    .replace("positief", "negatief")
                    .as_str(),
            )
            .run()
            .code(2)
            .stderr_has("de antwoorden zijn op");
        let id = ws.only_session();
        // After the negative Kindcheck: are there other signals? Esc goes back to its outcome.
        let mut tty = Tty::spawn_at(&ws, &format!("hervat {id}"), "2026-11-23T10:00:00Z");
        tty.prompt(OTHER_SIGNALS, SELECT_READY);
        tty.send(ESC);
        tty.expect("wijzigt u alleen met een reden");
        tty.prompt(WHY, WHY_READY);
        tty.send(ESC);
        tty.expect("U blijft bij deze vraag.");
        tty.prompt(OTHER_SIGNALS, SELECT_READY);
        tty.send(ESC);
        tty.prompt(WHY, WHY_READY);
        tty.send("verkeerd aangeklikt");
        tty.send(ENTER);
        tty.prompt("Wat is de uitkomst van de Kindcheck?", SELECT_READY);
        stop(&mut tty);
        let backs = backs(&ws, &id);
        assert_eq!(backs.len(), 1, "{backs:?}");
        assert_eq!(backs[0]["reden"], "verkeerd aangeklikt");
        assert_eq!(backs[0]["vraag"], "B2-meldcode/KC-uitkomst");
    }
}

#[test]
fn a_session_file_from_before_rol_and_door_on_every_event_still_reads() {
    let ws = Workspace::new();
    ws.cmd("start --rol verloskundig-zorgverlener")
        .answers(TO_D4_PAUSE)
        .run()
        .code(0);
    let id = ws.only_session();
    // As an older zorgpad wrote it: a role on `start` only.
    let mut old = ws.session_json(&id);
    for event in old["journaal"].as_array_mut().unwrap() {
        let event = event.as_object_mut().unwrap();
        event.remove("door");
        if event["gebeurtenis"] != "start" {
            event.remove("rol");
        }
    }
    std::fs::write(
        ws.session_file(&id),
        serde_json::to_vec_pretty(&old).unwrap(),
    )
    .unwrap();
    let out = ws.cmd(&format!("export {id} --formaat md")).run().code(0);
    // Each answer still has who gave it: the role in force.
    let journal = out
        .stdout
        .split("## Bijlage: verloop van de sessie")
        .nth(1)
        .expect("the journal");
    let midwife = journal
        .find(" · Verloskundig zorgverlener\n")
        .expect("the midwife's part");
    let b5 = journal
        .find("| B5 Wie wordt de coördinerend zorgverlener?")
        .expect("B5");
    assert!(midwife < b5, "{journal}");
    assert!(!journal.contains("· —"), "{journal}");
}
