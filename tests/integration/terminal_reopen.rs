//! `zorgpad hervat` on a finished session in a real pseudo-terminal: the open actions in a
//! multi-select, and the way on after "Geen actie op dit moment" (E0) with its reason.

use crate::common::Workspace;
use crate::pty::*;
use crate::reopen::{finished_with_an_open_action, TO_E0};

const TICK: &str = "Welke openstaande acties zijn inmiddels gedaan?";
const GO_ON: &str = "Verder gaan?";
const WHY: &str = "Wat is er later gebeurd?";
const WHY_READY: &str = "? voor uitleg \u{b7} Esc terug naar de keuze]";

#[test]
fn an_open_action_is_ticked_off_in_the_terminal() {
    let ws = Workspace::new();
    let id = finished_with_an_open_action(&ws);
    let mut tty = Tty::spawn_at(
        &ws,
        &format!("hervat {id} --rol verloskundig-zorgverlener"),
        "2027-01-12T09:30:00Z",
    );
    tty.prompt(TICK, MULTI_READY);
    let offered = tty.screen_since(TICK);
    assert!(
        offered.contains("Overdracht aan alle andere betrokken hulpverleners"),
        "{offered}"
    );
    tty.send(SPACE);
    tty.send(ENTER);
    tty.expect(&format!("1 openstaande actie afgevinkt in sessie {id}."));
    assert_eq!(tty.finish(), 0, "{}", tty.screen());
    tty.assert_dutch();
    ws.cmd(&format!("export {id}"))
        .run()
        .code(0)
        .stdout_has("Ook overgedragen aan de andere betrokken hulpverleners.")
        .stdout_has("later afgevinkt op 12-01-2027 door Verloskundig zorgverlener");
}

#[test]
fn a_session_at_e0_goes_on_in_the_terminal_with_a_reason() {
    let ws = Workspace::new();
    ws.cmd("start").answers(TO_E0).run().code(0);
    let id = ws.only_session();
    let mut tty = Tty::spawn_at(&ws, &format!("hervat {id}"), "2027-01-12T09:30:00Z");
    tty.prompt(GO_ON, SELECT_READY);
    let offered = tty.screen_since(GO_ON);
    assert!(
        offered.contains("Later toch signalen: verder bij B2, Kindcheck/Meldcode (PPM = ja)"),
        "{offered}"
    );
    assert!(
        offered.contains("Nee, de sessie blijft afgerond"),
        "{offered}"
    );
    // The cursor starts at "Nee": going on is a choice made on purpose.
    tty.send(UP);
    tty.send(ENTER);
    tty.prompt(WHY, WHY_READY);
    tty.send("signalen bij 30 weken");
    tty.send(ENTER);
    // The same session goes on at the Kindcheck.
    tty.prompt(B1, MULTI_READY);
    tty.send(CTRL_C);
    tty.expect("zorgpad: gestopt met Ctrl-C.");
    assert_eq!(tty.finish(), 130, "{}", tty.screen());
    tty.assert_dutch();
    let journal = ws.session_json(&id)["journaal"].to_string();
    assert!(journal.contains("\"soort\":\"vervolg\""), "{journal}");
    assert!(journal.contains("signalen bij 30 weken"), "{journal}");
    let list = ws.cmd("sessies").run().code(0);
    assert!(!list.stdout.contains("afgerond"), "{}", list.stdout);
}

#[test]
fn leaving_a_finished_session_as_it_is_changes_nothing() {
    let ws = Workspace::new();
    ws.cmd("start").answers(TO_E0).run().code(0);
    let id = ws.only_session();
    let before = std::fs::read(ws.session_file(&id)).unwrap();
    let mut tty = Tty::spawn_at(&ws, &format!("hervat {id}"), "2027-01-12T09:30:00Z");
    tty.prompt(GO_ON, SELECT_READY);
    tty.send(ENTER);
    tty.expect("de sessie is niet veranderd");
    assert_eq!(tty.finish(), 0, "{}", tty.screen());
    assert_eq!(std::fs::read(ws.session_file(&id)).unwrap(), before);
}
