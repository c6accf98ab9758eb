//! Follow-ups in a real pseudo-terminal: "later" at question 5 of the afwegingskader (AK5) puts
//! it off as a follow-up with a date while the path goes on, and `zorgpad hervat` on a session
//! with an open follow-up offers it beside the way on along the path.

use crate::common::Workspace;
use crate::follow_up::{ak5_later, start, TO_AK5};
use crate::pty::*;
use crate::terminal::{resume, stop, stored_until, DEFER_DATE, PAUSE_DATE_READY};

const AK5: &str = "Leidt de hulp binnen de gewenste tijd tot duurzame veiligheid en welzijn?";
const LATER: &str = "\u{23ed} Later \u{2014} als opvolging; het pad gaat nu verder";
const B2: &str = "Huidige hulpverlening en toestemming";
const D4: &str = "Is de cliënt op de afspraak verschenen?";

#[test]
fn later_at_ak5_asks_a_date_and_the_path_goes_on_to_b2() {
    let ws = Workspace::new();
    let id = stored_until(&ws, "", TO_AK5);
    let mut tty = resume(&ws, &id);
    tty.prompt(AK5, SELECT_READY);
    // At this wait the cursor starts at "Later": the follow-up, not a pause of the session.
    let offered = tty.screen_since(AK5);
    assert!(offered.contains(&format!("> {LATER}")), "{offered}");
    assert!(!offered.contains("Nog niet"), "{offered}");
    tty.send(ENTER);
    tty.prompt(DEFER_DATE, PAUSE_DATE_READY);
    tty.send("15-01-2027");
    tty.send(ENTER);
    // The path goes on: the next question is box B2, not a pause.
    tty.prompt(B1, MULTI_READY);
    let next = tty.screen_since(DEFER_DATE);
    assert!(next.contains(B2), "{next}");
    assert!(!next.contains("Alles is bewaard"), "{next}");
    stop(&mut tty);
    tty.assert_dutch();
    let answer = ws.session_json(&id)["journaal"]
        .as_array()
        .unwrap()
        .iter()
        .rfind(|e| e["vraag"] == "B2-meldcode/AK5")
        .cloned()
        .expect("AK5 in the journal");
    assert_eq!(answer["antwoord"]["soort"], "opvolging");
    assert_eq!(answer["antwoord"]["id"], "B2-meldcode/AK5");
    assert_eq!(answer["antwoord"]["verwacht"], "2027-01-15");
}

#[test]
fn hervat_offers_the_open_follow_up_beside_the_way_on_along_the_path() {
    let ws = Workspace::new();
    let id = start(&ws, &ak5_later());
    let mut tty = Tty::spawn_at(&ws, &format!("hervat {id}"), "2027-01-20T09:00:00Z");
    tty.prompt(CHOOSE, SELECT_READY);
    let offered = tty.screen_since(CHOOSE);
    assert!(
        offered.contains("> Leidt de hulp binnen de gewenste tijd tot duurzame veiligheid en welzijn? (B2-meldcode/AK5)"),
        "{offered}"
    );
    assert!(
        offered.contains("te laat"),
        "expected 15-01-2027, today 20-01-2027: {offered}"
    );
    assert!(offered.contains("Verder met het pad"), "{offered}");
    // On along the path: the appointment (D4) is asked, the follow-up stays open.
    tty.send(DOWN);
    tty.send(ENTER);
    tty.prompt(D4, SELECT_READY);
    stop(&mut tty);
    tty.assert_dutch();
    let open = ws.cmd("sessies --json").run().code(0);
    assert!(
        open.stdout.contains("\"id\": \"B2-meldcode/AK5\""),
        "{}",
        open.stdout
    );

    // Chosen: its question comes first, then the path goes on at D4.
    let mut tty = Tty::spawn_at(&ws, &format!("hervat {id}"), "2027-01-21T09:00:00Z");
    tty.prompt(CHOOSE, SELECT_READY);
    tty.send(ENTER);
    tty.prompt(AK5, SELECT_READY);
    let screen = tty.screen_since(CHOOSE);
    assert!(screen.contains("Opvolging (B2-meldcode/AK5)"), "{screen}");
    stop(&mut tty);
}

const CHOOSE: &str = "Welke opvolging beantwoordt u nu?";

#[test]
fn opvolgen_in_the_terminal_asks_the_one_open_follow_up_as_such() {
    let ws = Workspace::new();
    let id = start(&ws, &ak5_later());
    let mut tty = Tty::spawn_at(&ws, &format!("opvolgen {id}"), "2027-01-20T09:00:00Z");
    tty.prompt(AK5, SELECT_READY);
    let screen = tty.screen();
    assert!(
        screen.contains("Opvolging (B2-meldcode/AK5): een vraag die naast het pad open stond."),
        "{screen}"
    );
    // Here it can only stay open, not be put off again as a new follow-up.
    let offered = tty.screen_since(AK5);
    assert!(
        offered.contains("\u{23f8} Nog niet \u{2014} de opvolging blijft open"),
        "{offered}"
    );
    assert!(!offered.contains(LATER), "{offered}");
    assert!(!screen.contains(D4), "the path is not asked: {screen}");
    // The cursor starts at "Nog niet": two up is "Ja, duurzame veiligheid".
    assert!(offered.contains("> \u{23f8} Nog niet"), "{offered}");
    tty.send(UP);
    tty.send(UP);
    tty.send(ENTER);
    tty.expect(&format!(
        "De opvolging van sessie {id} is beantwoord en bewaard."
    ));
    assert_eq!(tty.finish(), 0, "{}", tty.screen());
    tty.assert_dutch();
    let answer = ws.session_json(&id)["journaal"]
        .as_array()
        .unwrap()
        .iter()
        .rfind(|e| e["vraag"] == "B2-meldcode/AK5")
        .cloned()
        .unwrap();
    assert_eq!(answer["opvolging"], "B2-meldcode/AK5");
    assert_eq!(answer["antwoord"]["optie"], "ja");
}

/// The question of afwegingskader question 3 is longer than the terminal is wide (100 columns
/// here); inquire would break it at the edge, mid-word.
const AK3: &str = "Ben ik in staat effectieve hulp te bieden of te organiseren om dreiging van (toekomstig) huiselijk geweld en/of kindermishandeling af te wenden?";

#[test]
fn a_question_wider_than_the_terminal_is_wrapped_at_word_boundaries_also_when_answered() {
    let ws = Workspace::new();
    let to_ak3: String = TO_AK5
        .lines()
        .take_while(|l| !l.contains("AK3"))
        .map(|l| format!("{l}\n"))
        .collect();
    let id = stored_until(&ws, "", &to_ak3);
    let mut tty = resume(&ws, &id);
    tty.expect("Afwegingskader \u{2014} vraag 3");
    tty.prompt("kindermishandeling af te wenden?", SELECT_READY);
    // "Nee — melden bij Veilig Thuis": two down from "— kies een antwoord —".
    tty.send(DOWN);
    tty.send(DOWN);
    tty.send(ENTER);
    tty.prompt("Heeft u de cli\u{eb}nt vooraf verteld", SELECT_READY);
    stop(&mut tty);
    let screen = tty.screen_since("Afwegingskader \u{2014} vraag 3");
    let lines: Vec<&str> = screen.lines().collect();
    // Every word of the question stands whole on a line (the stream of the terminal, not a
    // screen: redraws follow each other, so only whole words can be checked here).
    for word in AK3.split_whitespace() {
        assert!(
            lines
                .iter()
                .any(|l| l.split_whitespace().any(|w| w == word)),
            "{word:?} broken:\n{screen}"
        );
    }
    // The question was wrapped by zorgpad, before the terminal's edge.
    assert!(
        screen.contains("dreiging van (toekomstig)\nhuiselijk geweld"),
        "{screen}"
    );
    // The answered line keeps the answer whole too.
    assert!(
        screen.contains("Nee \u{2014} melden bij Veilig Thuis"),
        "{screen}"
    );
}
