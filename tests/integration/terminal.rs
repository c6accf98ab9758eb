//! `zorgpad start` in a real pseudo-terminal (the harness in `pty.rs`), driven with keystrokes:
//! the inquire prompts, Esc to go back, Ctrl-C to stop, the explanation, and that every word on
//! screen is Dutch.

use serde_json::Value;

use crate::common::Workspace;
use crate::pty::*;

const NVT: &str = "Welke van de overige acties zijn niet van toepassing";

/// `zorgpad start` in a pty, in a new workspace, for a client in Voorbeeldstad.
fn start(args: &str) -> (Workspace, Tty) {
    let ws = Workspace::new();
    let tty = Tty::spawn(&ws, &format!("start --gemeente Voorbeeldstad {args}"));
    (ws, tty)
}

/// The JSON export `s.json` in the workspace.
fn export(ws: &Workspace) -> Value {
    serde_json::from_str(&ws.read("s.json")).expect("the export s.json is JSON")
}

/// The route row of a node in the JSON export.
fn row<'a>(json: &'a Value, node: &str) -> &'a Value {
    json["route"]
        .as_array()
        .expect("route")
        .iter()
        .find(|r| r["knoop"] == node)
        .unwrap_or_else(|| panic!("{node} not in the route: {json:#}"))
}

fn route(json: &Value) -> Vec<&str> {
    json["route"]
        .as_array()
        .expect("route")
        .iter()
        .map(|r| r["knoop"].as_str().unwrap())
        .collect()
}

/// The status of each action of a node's checklist in the JSON export.
fn checklist(json: &Value, node: &str) -> Vec<(String, String)> {
    json["checklists"]
        .as_array()
        .expect("checklists")
        .iter()
        .find(|c| c["knoop"] == node)
        .unwrap_or_else(|| panic!("no checklist for {node}: {json:#}"))["acties"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| {
            (
                a["id"].as_str().unwrap().to_string(),
                a["status"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

/// Answer a decision with the option under the cursor and skip the reason.
fn choose(tty: &mut Tty, keys: &str) {
    tty.send(keys);
    tty.prompt(REASON, TEXT_READY);
    tty.send(ENTER);
}

#[test]
fn the_shortest_route_with_one_answer_changed_through_esc() {
    let (ws, mut tty) = start("--export s.json");

    // B1: tick both actions, one by one.
    tty.prompt(B1, MULTI_READY);
    tty.send(SPACE);
    tty.send(DOWN);
    tty.send(SPACE);
    tty.send(ENTER);
    tty.prompt(NOTE, TEXT_READY);
    tty.send(ENTER);

    // The instrument: R4U, the second option.
    tty.prompt(INSTRUMENT, SELECT_READY);
    choose(&mut tty, &format!("{DOWN}{ENTER}"));

    // At D1, Esc goes back to the instrument question...
    tty.prompt(D1, SELECT_READY);
    tty.send(ESC);
    tty.expect("<terug>");
    tty.prompt(INSTRUMENT, SELECT_READY);
    // ...which starts at the answer given before (R4U); Mind2Care, one up, replaces it.
    let screen = tty.screen();
    let again = &screen[screen.rfind(INSTRUMENT).expect("instrument question")..];
    assert!(
        again.contains("> R4U") && !again.contains("> Mind2Care"),
        "cursor not on R4U:\n{again}"
    );
    choose(&mut tty, &format!("{UP}{ENTER}"));

    // D1: Nee, the first option.
    tty.prompt(D1, SELECT_READY);
    choose(&mut tty, ENTER);

    let code = tty.finish();
    assert_eq!(code, 0, "exit code\n{}", tty.screen());

    let json = export(&ws);
    assert_eq!(json["afgerond"], true);
    assert_eq!(route(&json), ["IN", "B1", "B1-instrument", "D1", "E0"]);
    assert_eq!(row(&json, "B1-instrument")["antwoord"], "Mind2Care");
    assert_eq!(row(&json, "D1")["antwoord"], "Nee");
    assert_eq!(
        checklist(&json, "B1"),
        [
            ("intakegesprek".to_string(), "gedaan".to_string()),
            ("screening".to_string(), "gedaan".to_string()),
        ]
    );
    let changed = json["gewijzigd"].as_array().expect("gewijzigd");
    assert_eq!(changed.len(), 1, "gewijzigd: {changed:#?}");
    assert_eq!(changed[0]["vraag"], "B1-instrument");
    assert_eq!(changed[0]["eerder_antwoord"], "R4U");

    let screen = tty.screen();
    for dutch in [
        "spatie aan/uit",
        "Esc terug",
        "Enter bevestigen",
        "typ om te zoeken",
        "Enter om over te slaan",
        "? Uitleg bij deze stap",
        "Terug naar de vorige vraag",
        "2 aangevinkt",
        "Uitkomst: Geen actie op dit moment",
        "Gewijzigde antwoorden",
        "Samenvatting geschreven naar s.json.",
    ] {
        assert!(screen.contains(dutch), "{dutch:?} not on screen:\n{screen}");
    }
    tty.assert_dutch();
}

#[test]
fn ctrl_c_at_a_prompt_stops_with_code_130_and_writes_nothing() {
    let (ws, mut tty) = start("--export s.json");
    tty.prompt(B1, MULTI_READY);
    tty.send(ENTER);
    tty.prompt(NVT, MULTI_READY);
    tty.send(ENTER);
    tty.prompt(NOTE, TEXT_READY);
    tty.send(ENTER);
    tty.prompt(INSTRUMENT, SELECT_READY);
    tty.send(CTRL_C);
    tty.expect("zorgpad: gestopt met Ctrl-C.");

    let code = tty.finish();
    assert_eq!(code, 130, "exit code\n{}", tty.screen());
    let screen = tty.screen();
    assert!(
        !screen.contains("SAMENVATTING"),
        "summary after Ctrl-C:\n{screen}"
    );
    assert!(
        !ws.path().join("s.json").exists(),
        "an export was written after Ctrl-C"
    );
    tty.assert_dutch();
}

#[test]
fn the_explanation_can_be_asked_for_at_a_checklist_and_at_a_choice() {
    let (ws, mut tty) = start("--export s.json");

    // At B1: tick the first action and "? Uitleg bij deze stap" (the third line).
    tty.prompt(B1, MULTI_READY);
    tty.send(SPACE);
    tty.send(DOWN);
    tty.send(DOWN);
    tty.send(SPACE);
    tty.send(ENTER);
    tty.expect("Uitleg: Stap 1 van de blauwdruk: bij de intake kijkt");
    // The same question again, with the tick kept.
    tty.expect(B1);
    tty.expect("[x] Intakegesprek gevoerd");
    tty.expect("[ ] Screening kwetsbaarheid uitgevoerd");
    tty.expect(MULTI_READY);
    tty.send(ENTER);
    tty.prompt(NVT, MULTI_READY);
    tty.send(ENTER);
    tty.prompt(NOTE, TEXT_READY);
    tty.send(ENTER);

    // At the instrument: the fifth option is "? Uitleg bij deze stap".
    tty.prompt(INSTRUMENT, SELECT_READY);
    tty.send(&DOWN.repeat(4));
    tty.send(ENTER);
    tty.expect("Uitleg: Stap 1 van de blauwdruk noemt Mind2Care en R4U als voorbeelden.");
    // Asked again; the explanation is not an answer. "Geen instrument" is the fourth option.
    tty.prompt(INSTRUMENT, SELECT_READY);
    choose(&mut tty, &format!("{}{ENTER}", DOWN.repeat(3)));
    tty.prompt(D1, SELECT_READY);
    choose(&mut tty, ENTER);

    assert_eq!(tty.finish(), 0, "exit code\n{}", tty.screen());
    let json = export(&ws);
    assert_eq!(row(&json, "B1-instrument")["antwoord"], "Geen instrument");
    assert_eq!(
        checklist(&json, "B1"),
        [
            ("intakegesprek".to_string(), "gedaan".to_string()),
            ("screening".to_string(), "niet-gedaan".to_string()),
        ]
    );
    assert_eq!(json["gewijzigd"], serde_json::json!([]));
    tty.assert_dutch();
}

#[test]
fn right_arrow_ticks_every_action_without_asking_for_the_explanation() {
    let (ws, mut tty) = start("--export s.json");
    tty.prompt(B1, MULTI_READY);
    tty.send(RIGHT);
    tty.send(ENTER);
    // All actions are done, so the next question is the note, without an explanation between.
    let before = tty.expect(NOTE);
    assert!(
        !before.contains("Uitleg:") && !before.contains(NVT),
        "\"→ alles\" did more than tick every action:\n{before}"
    );
    tty.expect(TEXT_READY);
    tty.send(ENTER);
    tty.prompt(INSTRUMENT, SELECT_READY);
    choose(&mut tty, ENTER);
    tty.prompt(D1, SELECT_READY);
    choose(&mut tty, ENTER);

    assert_eq!(tty.finish(), 0, "exit code\n{}", tty.screen());
    assert_eq!(
        checklist(&export(&ws), "B1"),
        [
            ("intakegesprek".to_string(), "gedaan".to_string()),
            ("screening".to_string(), "gedaan".to_string()),
        ]
    );
    tty.assert_dutch();
}
