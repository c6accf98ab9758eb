//! `zorgpad hervat` on a finished session: open actions ticked off later, and a session that
//! ended at "Geen actie op dit moment" (E0) going on when signals come later.

use crate::common::{Workspace, D4_TO_MDO_PAUSE, MDO_TO_END, TO_D4_PAUSE};

/// Intake, B1, no instrument, PPM = nee: the session ends at E0.
pub(crate) const TO_E0: &str = "- intake\n- alles\n- geen\n- nee\n";

/// A session that ends at the handover (B8) with the handover to the others not done.
pub(crate) fn finished_with_an_open_action(ws: &Workspace) -> String {
    ws.cmd("start")
        .answers(TO_D4_PAUSE)
        .now("2026-11-20T10:00:00Z")
        .run()
        .code(0);
    let id = ws.only_session();
    ws.cmd(&format!("hervat {id}"))
        .answers(D4_TO_MDO_PAUSE)
        .now("2026-12-10T10:00:00Z")
        .run()
        .code(0);
    let end = MDO_TO_END.replace(
        "- alles        # B8",
        "- [overdracht-coordinator-post-partum]   # B8",
    );
    ws.cmd(&format!("hervat {id} --rol coordinerend-zorgverlener"))
        .answers(&end)
        .now("2026-12-20T10:00:00Z")
        .run()
        .code(0)
        .stdout_has("De overdracht aan de andere betrokken hulpverleners staat nog open.");
    id
}

#[test]
fn an_open_action_of_a_finished_session_is_ticked_off_weeks_later() {
    let ws = Workspace::new();
    let id = finished_with_an_open_action(&ws);
    let before = ws.session_json(&id)["journaal"].as_array().unwrap().len();
    let out = ws
        .cmd(&format!(
            "hervat {id} --rol verloskundig-zorgverlener --door JdV"
        ))
        .answers("- afvinken: B8/overdracht-betrokkenen\n")
        .now("2027-01-12T09:30:00Z")
        .run()
        .code(0)
        .stderr_has(&format!("Sessie {id} is al afgerond."))
        .stderr_has(&format!("1 openstaande actie afgevinkt in sessie {id}."))
        .stdout_has("Ook overgedragen aan de andere betrokken hulpverleners.")
        .stdout_has("later afgevinkt op 12-01-2027 door Verloskundig zorgverlener (JdV)");
    assert!(
        !out.stdout.contains("staat nog open"),
        "the outcome no longer says it is open:\n{}",
        out.stdout
    );
    // Nothing is erased: the answer at B8 stays as given, the tick is an event of its own.
    let journal = ws.session_json(&id)["journaal"].clone();
    let events = journal.as_array().unwrap();
    assert_eq!(events.len(), before + 2, "hervat and afgevinkt");
    let tick = events.last().unwrap();
    assert_eq!(tick["gebeurtenis"], "afgevinkt");
    assert_eq!(tick["vraag"], "B8");
    assert_eq!(tick["actie"], "overdracht-betrokkenen");
    assert_eq!(tick["tijd"], "2027-01-12T09:30:00Z");
    assert_eq!(tick["rol"], "verloskundig-zorgverlener");
    assert_eq!(tick["door"], "JdV");
    let b8 = events
        .iter()
        .find(|e| e["vraag"] == "B8" && e["gebeurtenis"] == "antwoord")
        .unwrap();
    assert!(b8.to_string().contains("niet-gedaan"), "{b8}");
    // The summary read again says the same: still finished, nothing open any more.
    let export = ws.cmd(&format!("export {id}")).run().code(0);
    assert!(
        !export.stdout.contains("staat nog open"),
        "{}",
        export.stdout
    );
    assert!(
        export
            .stdout
            .contains("later afgevinkt op 12-01-2027 door Verloskundig zorgverlener (JdV)"),
        "{}",
        export.stdout
    );
    let json = ws.cmd(&format!("export {id} --formaat json")).run().code(0);
    assert!(
        json.stdout.contains("\"later_afgevinkt\""),
        "{}",
        json.stdout
    );
    let list = ws.cmd("sessies").run().code(0);
    assert!(list.stdout.contains("afgerond"), "{}", list.stdout);
}

#[test]
fn a_mandatory_action_can_be_ticked_off_later_too_and_the_warning_goes() {
    let ws = Workspace::new();
    ws.cmd("start").answers(TO_D4_PAUSE).run().code(0);
    let id = ws.only_session();
    ws.cmd(&format!("hervat {id}"))
        .answers(D4_TO_MDO_PAUSE)
        .run()
        .code(0);
    let end = MDO_TO_END.replace("- alles        # B8", "- niets        # B8");
    ws.cmd(&format!("hervat {id}"))
        .answers(&end)
        .run()
        .code(0)
        .stdout_has("Verplichte actie staat nog open");
    let out = ws
        .cmd(&format!("hervat {id}"))
        .answers("- afvinken: [B8/overdracht-coordinator-post-partum]\n")
        .now("2027-01-12T09:30:00Z")
        .run()
        .code(0)
        .stdout_has("Na de bevalling overgedragen aan de coördinerend zorgverlener post partum.")
        .stdout_has("De overdracht aan de andere betrokken hulpverleners staat nog open.");
    assert!(
        !out.stdout.contains("Verplichte actie staat nog open"),
        "{}",
        out.stdout
    );
}

#[test]
fn an_action_that_is_not_open_is_refused_and_nothing_changes() {
    let ws = Workspace::new();
    let id = finished_with_an_open_action(&ws);
    let before = std::fs::read(ws.session_file(&id)).unwrap();
    ws.cmd(&format!("hervat {id}"))
        .answers("- afvinken: B8/overdracht-coordinator-post-partum\n")
        .run()
        .code(2)
        .stderr_has("is geen openstaande actie van deze sessie")
        .stderr_has("B8/overdracht-betrokkenen");
    assert_eq!(std::fs::read(ws.session_file(&id)).unwrap(), before);
}

#[test]
fn a_session_that_ended_at_e0_goes_on_to_the_meldcode_when_signals_come_later() {
    let ws = Workspace::new();
    ws.cmd("start")
        .answers(TO_E0)
        .now("2026-11-20T10:00:00Z")
        .run()
        .code(0)
        .stdout_has("Uitkomst: Geen actie op dit moment");
    let id = ws.only_session();
    let list = ws.cmd("sessies").run().code(0);
    assert!(list.stdout.contains("afgerond"), "{}", list.stdout);
    // Weeks later: signals after all. The same session goes on at the Kindcheck (B2).
    ws.cmd(&format!("hervat {id} --door JdV"))
        .answers("- vervolg: \"signalen bij 30 weken: somberheid\"\n- alles\n- ongeboren kind\n- later\n")
        .now("2027-01-12T09:30:00Z")
        .run()
        .code(2)
        .stderr_has(&format!("Sessie {id} is al afgerond."));
    // The Kindcheck's third question cannot pause: the run stopped, but what was answered
    // before (the continuation, B2's two answers) is kept.
    let journal = ws.session_json(&id)["journaal"].clone();
    let events = journal.as_array().unwrap();
    let go_on = events
        .iter()
        .find(|e| e["antwoord"]["soort"] == "vervolg")
        .expect("vervolg answer");
    assert_eq!(go_on["vraag"], "E0");
    assert_eq!(go_on["tijd"], "2027-01-12T09:30:00Z");
    assert_eq!(go_on["door"], "JdV");
    assert_eq!(go_on["antwoord"]["naar"], "B2-meldcode");
    assert_eq!(
        go_on["antwoord"]["reden"],
        "signalen bij 30 weken: somberheid"
    );
    let list = ws.cmd("sessies").run().code(0);
    assert!(!list.stdout.contains("afgerond"), "{}", list.stdout);
    let export = ws.cmd(&format!("export {id}")).run().code(0);
    let out = &export.stdout;
    assert!(out.contains("Geen actie op dit moment"), "{out}");
    assert!(
        out.contains("Later verder na 'Geen actie op dit moment'"),
        "{out}"
    );
    assert!(out.contains("signalen bij 30 weken: somberheid"), "{out}");
    assert!(out.contains("20-11-2026"), "{out}");
    assert!(out.contains("12-01-2027"), "{out}");
    assert!(
        !out.contains("Uitkomst: Geen actie"),
        "not finished any more: {out}"
    );
    // The intake recorded before stays: D1 is still answered 'nee' on the route.
    assert!(out.contains("| D1 | Psychopathologie"), "{out}");
}

#[test]
fn an_e0_session_goes_on_to_its_end_and_back_takes_the_continuation_back() {
    let ws = Workspace::new();
    ws.cmd("start").answers(TO_E0).run().code(0);
    let id = ws.only_session();
    // Going on, then straight back (with a reason: taking it back closes the session again):
    // the continuation is taken back, the session is finished at E0 again, and the journal
    // keeps both.
    ws.cmd(&format!("hervat {id}"))
        .answers("- vervolg: \"signalen\"\n- terug: {reden: per ongeluk gekozen}\n")
        .run()
        .code(0)
        .stdout_has("Uitkomst: Geen actie op dit moment");
    let journal = ws.session_json(&id)["journaal"].to_string();
    assert!(journal.contains("\"vervolg\""), "{journal}");
    assert!(journal.contains("\"terug\""), "{journal}");
    let list = ws.cmd("sessies").run().code(0);
    assert!(list.stdout.contains("afgerond"), "{}", list.stdout);
}

#[test]
fn a_session_is_not_continued_after_an_end_without_vervolg() {
    let ws = Workspace::new();
    let id = finished_with_an_open_action(&ws);
    let before = std::fs::read(ws.session_file(&id)).unwrap();
    ws.cmd(&format!("hervat {id}"))
        .answers("- vervolg: \"toch nog iets\"\n")
        .run()
        .code(2)
        .stderr_has("gaat de sessie niet verder: de flow geeft daar geen vervolg");
    assert_eq!(std::fs::read(ws.session_file(&id)).unwrap(), before);
}

#[test]
fn a_continuation_needs_a_reason() {
    let ws = Workspace::new();
    ws.cmd("start").answers(TO_E0).run().code(0);
    let id = ws.only_session();
    let before = std::fs::read(ws.session_file(&id)).unwrap();
    ws.cmd(&format!("hervat {id}"))
        .answers("- vervolg: \"\"\n")
        .run()
        .code(2)
        .stderr_has("zonder reden");
    assert_eq!(std::fs::read(ws.session_file(&id)).unwrap(), before);
}

#[test]
fn in_plain_lines_an_open_action_is_ticked_by_its_number_and_e0_goes_on() {
    let ws = Workspace::new();
    let id = finished_with_an_open_action(&ws);
    ws.cmd(&format!("hervat {id} --toegankelijk"))
        .stdin("1\n")
        .now("2027-01-12T09:30:00Z")
        .run()
        .code(0)
        .no_panic()
        .stderr_has(
            "1. B8: Overdracht aan alle andere betrokken hulpverleners [Coördinerend zorgverlener]",
        )
        .stdout_has("Ook overgedragen aan de andere betrokken hulpverleners.");

    let ws = Workspace::new();
    ws.cmd("start").answers(TO_E0).run().code(0);
    let id = ws.only_session();
    ws.cmd(&format!("hervat {id} --toegankelijk"))
        .stdin("1\nbelde, BSN 111222333\nsignalen bij 30 weken\n")
        .run()
        .code(130)
        .no_panic()
        .stderr_has("De reden lijkt een burgerservicenummer (BSN) te bevatten")
        .stderr_has("1. Later toch signalen: verder bij B2, Kindcheck/Meldcode (PPM = ja)");
    let journal = ws.session_json(&id)["journaal"].to_string();
    assert!(journal.contains("signalen bij 30 weken"), "{journal}");
    assert!(!journal.contains("111222333"), "{journal}");
}

#[test]
fn a_waiting_session_ticks_off_first_and_then_goes_on_where_it_waits() {
    let ws = Workspace::new();
    let answers = TO_D4_PAUSE.replace(
        "- alles                        # B1",
        "- [intakegesprek]              # B1",
    );
    ws.cmd("start").answers(&answers).run().code(0);
    let id = ws.only_session();
    let tick_then_go_on = format!("- afvinken: B1/screening\n{D4_TO_MDO_PAUSE}");
    ws.cmd(&format!("hervat {id}"))
        .answers(&tick_then_go_on)
        .now("2026-12-10T10:00:00Z")
        .run()
        .code(0)
        .stderr_has(&format!("1 openstaande actie afgevinkt in sessie {id}."))
        .stderr_has("wacht bij B7")
        .stdout_has("Screening kwetsbaarheid uitgevoerd (later afgevinkt op 10-12-2026")
        .stdout_lacks("Screening kwetsbaarheid uitgevoerd (B1");
    // Nothing open any more: a tick is refused, and says so.
    ws.cmd(&format!("hervat {id}"))
        .answers("- afvinken: B1/screening\n")
        .run()
        .code(2)
        .stderr_has("Deze sessie heeft geen openstaande acties.");
}

#[test]
fn going_back_over_the_continuation_needs_a_reason() {
    let ws = Workspace::new();
    ws.cmd("start").answers(TO_E0).run().code(0);
    let id = ws.only_session();
    let before = ws.cmd(&format!("export {id}")).run().code(0).stdout.clone();
    ws.cmd(&format!("hervat {id}"))
        .answers("- vervolg: \"signalen\"\n- terug\n")
        .run()
        .code(2)
        .no_panic()
        .stderr_has("wijzigt u alleen met een reden");
    // The continuation itself was saved before the refused step back; the reopened session
    // is not closed again by a bare "terug".
    let list = ws.cmd("sessies").run().code(0);
    assert!(!list.stdout.contains("afgerond"), "{}", list.stdout);
    let after = ws.cmd(&format!("export {id}")).run().code(0).stdout.clone();
    assert_ne!(after, before);
}
