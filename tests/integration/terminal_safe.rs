//! Safe defaults and fewer keystrokes in the terminal (a pty, as in `terminal.rs`): a note is
//! opt-in ("✎ Met toelichting…", "✎ Met notitie…") and asked only after the answer is saved,
//! so that a process killed at the note keeps the answer; a weighty question starts at "— kies
//! een antwoord —", where Enter alone records nothing; every question says where it is ("Stap
//! 1 van 5 · B1"), and "⋯ Route tot nu toe" shows what was answered so far.

use serde_json::Value;

use crate::common::{squash, Workspace};
use crate::pty::*;
use crate::terminal::{export_of, row};

/// The journal of the only session, as stored.
fn journal(ws: &Workspace) -> Vec<Value> {
    let id = ws.only_session();
    ws.session_json(&id)["journaal"]
        .as_array()
        .expect("journaal")
        .clone()
}

/// The question keys of the answers in the journal, in order.
fn answered(journal: &[Value]) -> Vec<String> {
    journal
        .iter()
        .filter(|e| e["gebeurtenis"] == "antwoord")
        .map(|e| e["vraag"].as_str().expect("vraag").to_string())
        .collect()
}

/// IN, then B1 with both actions done and no note, and the first instrument: at D1.
fn to_d1(tty: &mut Tty) {
    at_the_intake(tty);
    tty.prompt(B1, MULTI_READY);
    tty.send(RIGHT);
    tty.send(ENTER);
    tty.prompt(INSTRUMENT, SELECT_READY);
    tty.send(ENTER);
    tty.prompt(D1, SELECT_READY);
}

#[test]
fn enter_alone_does_not_record_a_weighty_answer() {
    let ws = Workspace::new();
    let mut tty = Tty::spawn(&ws, "start --gemeente Voorbeeldstad");
    to_d1(&mut tty);
    // D1 (PPM) is weighty: the cursor starts at "— kies een antwoord —", and the help says so.
    let d1 = tty.screen_since(D1);
    assert!(d1.contains(&format!("> {PICK_FIRST}")), "{d1}");
    assert!(d1.contains("[zwaarwegend: kies zelf \u{b7} "), "{d1}");
    // Enter alone: nothing recorded, the question again.
    tty.send(ENTER);
    tty.expect("Kies eerst een antwoord: bij deze vraag legt Enter alleen niets vast.");
    tty.prompt(D1, SELECT_READY);
    assert!(
        tty.screen_since(D1).contains(&format!("> {PICK_FIRST}")),
        "{}",
        tty.screen()
    );
    // Twice more, to be sure it never falls through to an option.
    tty.send(ENTER);
    tty.prompt(D1, SELECT_READY);
    tty.send(CTRL_C);
    tty.expect("gestopt met Ctrl-C");
    assert_eq!(tty.finish(), 130, "exit code\n{}", tty.screen());
    let journal = journal(&ws);
    assert_eq!(answered(&journal), ["IN", "B1", "B1-instrument"]);
    assert!(journal.iter().all(|e| e["vraag"] != "D1"), "{journal:#?}");
    tty.assert_dutch();
}

#[test]
fn the_note_is_opt_in_saved_as_its_own_event_and_a_kill_at_the_note_keeps_the_choice() {
    let ws = Workspace::new();
    let mut tty = Tty::spawn(&ws, "start --gemeente Voorbeeldstad");
    at_the_intake(&mut tty);
    // B1: both actions and "✎ Met notitie…": the answer first, then the note.
    b1_done_with_note(&mut tty);
    tty.prompt(NOTE, TEXT_READY);
    assert!(tty.screen().contains(WITH_NOTE), "{}", tty.screen());
    // The answer is in the journal before the note is typed.
    assert_eq!(answered(&journal(&ws)), ["IN", "B1"]);
    tty.send("besproken met collega");
    tty.send(ENTER);

    // The instrument: "✎ Met toelichting…", then R4U; killed at the reason.
    instrument_with_reason(&mut tty, 1);
    tty.prompt(REASON, TEXT_READY);
    match tty.signal(Signal::SIGKILL) {
        WaitStatus::Signaled(_, Signal::SIGKILL, _) => {}
        other => panic!("zorgpad was not killed: {other:?}"),
    }
    let journal = journal(&ws);
    assert_eq!(answered(&journal), ["IN", "B1", "B1-instrument"]);
    let notes: Vec<(&str, &str)> = journal
        .iter()
        .filter(|e| e["gebeurtenis"] == "notitie")
        .map(|e| (e["vraag"].as_str().unwrap(), e["tekst"].as_str().unwrap()))
        .collect();
    assert_eq!(notes, [("B1", "besproken met collega")]);
    let choice = journal
        .iter()
        .rfind(|e| e["gebeurtenis"] == "antwoord")
        .expect("an answer");
    assert_eq!(choice["antwoord"]["optie"], "r4u", "{choice:#}");

    // The export reads the note with its answer; the choice killed at its note is in force.
    let id = ws.only_session();
    let json = export_of(&ws, &id);
    assert_eq!(row(&json, "B1")["toelichting"], "besproken met collega");
    assert_eq!(row(&json, "B1-instrument")["antwoord"], "R4U");
    assert_eq!(row(&json, "B1-instrument")["toelichting"], Value::Null);
    assert!(
        json["huidige_vraag"]
            .as_str()
            .is_some_and(|q| q.starts_with("D1 ")),
        "{json:#}"
    );
}

#[test]
fn after_back_the_note_given_before_is_offered_to_edit() {
    let ws = Workspace::new();
    let mut tty = Tty::spawn(&ws, "start --gemeente Voorbeeldstad");
    at_the_intake(&mut tty);
    tty.prompt(B1, MULTI_READY);
    tty.send(RIGHT);
    tty.send(ENTER);
    instrument_with_reason(&mut tty, 1);
    tty.prompt(REASON, TEXT_READY);
    tty.send("alert op stress");
    tty.send(ENTER);
    // At D1, Esc: back at the instrument, with the note line on and the cursor at R4U.
    tty.prompt(D1, SELECT_READY);
    tty.send(ESC);
    tty.prompt(INSTRUMENT, SELECT_READY);
    let again = tty.screen_since(INSTRUMENT);
    assert!(
        again.contains("> R4U") && again.contains("Met toelichting aan (kies om uit te zetten)"),
        "{again}"
    );
    tty.send(ENTER);
    // The reason starts from the one given before.
    tty.prompt(REASON, TEXT_READY);
    tty.send(" en slaapt slecht");
    tty.send(ENTER);
    tty.prompt(D1, SELECT_READY);
    tty.send(CTRL_C);
    assert_eq!(tty.finish(), 130, "exit code\n{}", tty.screen());
    let id = ws.only_session();
    let json = export_of(&ws, &id);
    assert_eq!(
        row(&json, "B1-instrument")["toelichting"],
        "alert op stress en slaapt slecht"
    );
}

#[test]
fn every_question_says_where_it_is_and_the_route_so_far_can_be_shown() {
    let ws = Workspace::new();
    let mut tty = Tty::spawn(&ws, "start --gemeente Voorbeeldstad");
    at_the_intake(&mut tty);
    tty.prompt(B1, MULTI_READY);
    assert!(
        tty.screen_since("\u{2500}\u{2500} Stap")
            .starts_with("\u{2500}\u{2500} Stap 1 van 5 \u{b7} B1 \u{2014} Verloskundig zorgverlener \u{2500}\u{2500}"),
        "{}",
        tty.screen()
    );
    tty.send(RIGHT);
    tty.send(ENTER);
    tty.prompt(INSTRUMENT, SELECT_READY);
    tty.send(ENTER);
    // At D1: "⋯ Route tot nu toe", the fifth line (after "— kies een antwoord —", two options
    // and "✎ Met toelichting…").
    tty.prompt(D1, SELECT_READY);
    tty.send(&DOWN.repeat(4));
    tty.send(ENTER);
    tty.expect("Route tot nu toe:");
    let route = format!("Route tot nu toe:{}", tty.expect(D1));
    for line in [
        "Route tot nu toe:",
        "\u{2022} IN \u{b7} ",
        ": Bij de intake \u{2014} screening op PPM",
        "\u{2022} B1 \u{b7} ",
        ": 2 van 2 gedaan",
        ": Mind2Care",
    ] {
        // The lines are wrapped to the terminal: compare without white space.
        assert!(
            squash(&route).contains(&squash(line)),
            "{line:?} not in the route:\n{route}"
        );
    }
    // Asked again; the route is not an answer.
    tty.expect(SELECT_READY);
    tty.send(CTRL_C);
    assert_eq!(tty.finish(), 130, "exit code\n{}", tty.screen());
    assert_eq!(answered(&journal(&ws)), ["IN", "B1", "B1-instrument"]);
    tty.assert_dutch();
}

/// A referral is weighty too: after "back" the providers chosen before are named, not ticked,
/// so that Enter alone does not record them again.
#[test]
fn after_back_a_weighty_referral_names_what_was_chosen_and_ticks_nothing() {
    use crate::terminal::{resume, stored_until, to_referral, B3_FOLLOW_UP, REFERRAL};
    let ws = Workspace::new();
    let id = stored_until(&ws, "--gemeente Havendorp", &to_referral());
    let mut tty = resume(&ws, &id);
    // Buurtmoeders Voorbeeldregio, the first provider.
    tty.prompt(REFERRAL, MULTI_READY);
    tty.send(SPACE);
    tty.send(ENTER);
    tty.prompt(B3_FOLLOW_UP, SELECT_READY);
    tty.send(ESC);
    tty.prompt(REFERRAL, MULTI_READY);
    let again = tty.screen_since("Eerder gekozen: ");
    assert!(
        again.starts_with("Eerder gekozen: Buurtmoeders Voorbeeldregio") && !again.contains("[x]"),
        "{again}"
    );
    // Enter alone: nothing chosen, refused, asked again.
    tty.send(ENTER);
    tty.expect("Er is geen hulpverlener of organisatie gekozen of ingevuld");
    tty.prompt(REFERRAL, MULTI_READY);
    tty.send(CTRL_C);
    assert_eq!(tty.finish(), 130, "exit code\n{}", tty.screen());
}
