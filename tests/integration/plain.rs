//! `--toegankelijk`: the guided session in plain lines for a screen reader, driven through the
//! real binary with piped standard input (no terminal). Numbers walk a whole route to the same
//! export and the same journal as an answers file; `?`, `terug` and `later` work; a wrong
//! number is refused in Dutch and asked again; the end of the input stops like Ctrl-C.

use crate::common::{Test, Workspace};
use serde_json::Value;

/// From the intake to the question after the referral (D2 = enkelvoudig, a referral to the
/// Wijkteam and a provider typed by hand), with mistakes on the way: a wrong number, a gap with
/// a provider, and an overruled proposal without a reason, taken back.
const TO_AFTER_REFERRAL: &str = "\
1\n\
alles\n\
2\n\
2\n\
alles\n\
ongeboren kind en een kind van 5 jaar\n\
2\n\
1\n\
alles\n\
1\n\
2\n\
1\n\
1\n\
alles\n\
1\n\
alles\n\
1\n\
alles\n\
2\n\
5 6\n\
2\n\n\
t\n\
1\n\
2\n\
2 5\n\
9\n\
2 4\n\
Kerkelijk steunpunt\n";

/// The same answers as an answers file.
const SAME_ANSWERS: &str = "
- intake
- alles
- r4u
- ja
- alles
- ongeboren kind en een kind van 5 jaar
- negatief
- ja
- alles
- Aandachtsfunctionaris VSV
- nee
- gevoerd
- nee
- alles
- ja
- alles
- ja
- alles
- nee
- [licht, voldoende-hulpbronnen]
- enkelvoudig
- psychosociaal
- kaart: [wijkteam-voorbeeldstad]
  andere: [Kerkelijk steunpunt]
- nee
";

fn without_id(mut json: Value) -> Value {
    json["sessie"]["id"] = Value::Null;
    json
}

#[test]
fn numbers_walk_a_whole_route_to_the_same_export_and_journal_as_an_answers_file() {
    let ws = Workspace::new();
    let plain = ws
        .cmd("start --toegankelijk --gemeente Voorbeeldstad --export plain.json")
        .stdin(&format!("{TO_AFTER_REFERRAL}1\nja\n"))
        .run()
        .code(0)
        .no_panic()
        .stderr_has("1. Bij de intake")
        .stderr_has("Voorstel van zorgpad: Enkelvoudig, op grond van:")
        .stderr_has("U wijkt af van het voorstel. Reden (verplicht")
        .stderr_has("Een reden is hier verplicht.")
        .stderr_has(
            "Niet vastgelegd: 'Geen passend aanbod' gaat niet samen met een gekozen hulpverlener",
        )
        .stderr_has("Typ nummers van 1 tot en met 5 gescheiden door spaties")
        .stderr_has("Sessie ")
        .stderr_has("is afgerond");
    for text in [&plain.stderr, &plain.stdout] {
        assert!(!text.contains('\x1b'), "an escape code in:\n{text}");
    }
    let id = ws.only_session();
    let plain_journal = ws.session_json(&id)["journaal"].clone();
    std::fs::remove_dir_all(ws.data()).expect("clear data");
    ws.write("antwoorden.yaml", SAME_ANSWERS);
    ws.cmd("start --antwoorden antwoorden.yaml --gemeente Voorbeeldstad --export script.json")
        .run()
        .code(0);
    let script_journal = ws.session_json(&ws.only_session())["journaal"].clone();
    assert_eq!(plain_journal, script_journal);
    let read = |name: &str| -> Value { serde_json::from_str(&ws.read(name)).expect("json") };
    let (plain_export, script_export) = (read("plain.json"), read("script.json"));
    assert_eq!(plain_export["afgerond"], true);
    assert_eq!(without_id(plain_export), without_id(script_export));
}

#[test]
fn explain_back_and_later_work_and_hervat_goes_on_in_plain_lines() {
    let ws = Workspace::new();
    // `t` at the first question; `?`; `terug` from B1 to the first question and on again;
    // `l` at a question that cannot wait; at the question after the referral `later`, a date
    // that does not exist, then one that does.
    let input = format!(
        "t\n?\n1\nterug\n1\nl\nalles\n{}?\nlater\n31-02-2027\n20-12-2026\n",
        TO_AFTER_REFERRAL
            .strip_prefix("1\nalles\n")
            .expect("starts at the intake")
    );
    ws.cmd("start --toegankelijk --gemeente Voorbeeldstad")
        .stdin(&input)
        .run()
        .code(0)
        .no_panic()
        .stderr_has("Dit is de eerste vraag; er is geen vorige vraag om naar terug te gaan.")
        .stderr_has("Uitleg: ")
        .stderr_has("Hier kan de sessie niet pauzeren")
        .stderr_has("l. Nog niet, later verder")
        .stderr_has("Geen geldige datum; typ bijvoorbeeld 20-12-2026")
        .stderr_has("wacht bij");
    let id = ws.only_session();
    let journal = ws.session_json(&id)["journaal"].clone();
    let events: Vec<&str> = journal
        .as_array()
        .expect("journal")
        .iter()
        .map(|e| e["gebeurtenis"].as_str().expect("kind"))
        .collect();
    assert!(events.contains(&"terug"), "{events:?}");
    let pause = journal
        .as_array()
        .expect("journal")
        .iter()
        .find(|e| e["gebeurtenis"] == "pauze")
        .expect("a pause");
    assert_eq!(pause["verwacht"], "2026-12-20");
    // Going on, also chosen by the environment variable.
    ws.cmd(&format!("hervat {id} --export s.json"))
        .env("ZORGPAD_TOEGANKELIJK", "1")
        .stdin("1\nja\n")
        .run()
        .code(0)
        .no_panic()
        .stderr_has("Na de verwijzing")
        .stderr_has("is afgerond");
    let export: Value = serde_json::from_str(&ws.read("s.json")).expect("json");
    assert_eq!(export["afgerond"], true);
}

#[test]
fn a_wrong_answer_is_refused_in_dutch_and_asked_again() {
    Test::new()
        .args("start --toegankelijk --gemeente Voorbeeldstad")
        .stdin("9\nja\n1\n1 2 3\n")
        .run()
        .code(130)
        .no_panic()
        .stderr_has("'9' is geen keuze. Typ een nummer van 1 tot en met 2, of ? uitleg, r route tot nu toe.")
        .stderr_has("'ja' is geen keuze.")
        .stderr_has("Typ nummers van 1 tot en met 2 gescheiden door spaties, 'alles' of 'niets'");
}

#[test]
fn the_end_of_the_input_stops_like_ctrl_c_and_keeps_the_answers() {
    let ws = Workspace::new();
    let out = ws
        .cmd("start --toegankelijk --gemeente Voorbeeldstad")
        .stdin("1\nalles\n")
        .run()
        .code(130)
        .no_panic();
    let id = ws.only_session();
    assert!(
        out.stderr.contains(&format!("zorgpad hervat {id}")),
        "{}",
        out.stderr
    );
    // Said as what happened: the input ended, not Ctrl-C.
    assert!(
        out.stderr.contains(&format!(
            "gestopt: de invoer is gesloten (einde van de invoer). Alle gegeven antwoorden zijn bewaard in sessie {id}."
        )),
        "{}",
        out.stderr
    );
    assert!(!out.stderr.contains("Ctrl-C"), "{}", out.stderr);
    let journal = ws.session_json(&id)["journaal"].clone();
    let answered: Vec<&str> = journal
        .as_array()
        .expect("journal")
        .iter()
        .filter(|e| e["gebeurtenis"] == "antwoord")
        .map(|e| e["vraag"].as_str().expect("key"))
        .collect();
    assert_eq!(answered, ["IN", "B1"]);
    // Nothing typed at all: no session is kept, and still exit 130.
    Test::new()
        .args("start --toegankelijk --gemeente Voorbeeldstad")
        .run()
        .code(130)
        .stderr_has("er is geen sessie bewaard");
}

/// The answers of `TO_D4_PAUSE` up to and including VoorZorg: the session stops at the
/// criteria of D2 (the answers file runs out), after a positive Kindcheck.
fn to_d2_criteria() -> String {
    let end = crate::common::TO_D4_PAUSE
        .find("- [kind-in-gevaar")
        .expect("the criteria in TO_D4_PAUSE");
    crate::common::TO_D4_PAUSE[..end].to_string()
}

fn last_answer(ws: &Workspace, id: &str) -> Value {
    let journal = ws.session_json(id)["journaal"].clone();
    journal
        .as_array()
        .expect("journal")
        .iter()
        .rev()
        .find(|e| e["gebeurtenis"] == "antwoord")
        .expect("an answer")
        .clone()
}

#[test]
fn criteria_ticked_in_advance_are_kept_unless_the_list_is_typed_and_unticking_needs_a_reason() {
    let ws = Workspace::new();
    ws.write("antwoorden.yaml", to_d2_criteria());
    ws.cmd("start --antwoorden antwoorden.yaml --gemeente Voorbeeldstad")
        .run()
        .code(2);
    let id = ws.only_session();
    // "6" unticks the criterion ticked in advance: an empty reason is refused by the engine,
    // `t` goes back to the list, and Enter keeps what was ticked in advance.
    ws.cmd(&format!("hervat {id} --toegankelijk"))
        .stdin("6\n\nt\n\n")
        .run()
        .code(130)
        .no_panic()
        .stderr_has("2. Complex: al aanwezige of ongeboren kind(eren) (mogelijk) in gevaar (vooraf aangevinkt: ")
        .stderr_has("Enter: de vooraf aangevinkte, 2;")
        .stderr_has("U vinkte een vooraf aangevinkt criterium uit (")
        .stderr_has("Niet vastgelegd: ")
        .stderr_has("uitvinken mag, maar alleen met een notitie die zegt waarom");
    let answer = last_answer(&ws, &id);
    assert_eq!(answer["vraag"], "D2-criteria");
    assert_eq!(
        answer["antwoord"]["gelden"],
        serde_json::json!(["kind-in-gevaar"])
    );
    assert!(answer["antwoord"].get("notitie").is_none(), "{answer}");
}

#[test]
fn a_mandatory_action_is_never_offered_as_not_applicable() {
    let ws = Workspace::new();
    ws.write("antwoorden.yaml", crate::common::TO_D4_PAUSE);
    ws.cmd("start --antwoorden antwoorden.yaml --gemeente Voorbeeldstad")
        .run()
        .code(0);
    let id = ws.only_session();
    ws.write("verder.yaml", crate::common::D4_TO_MDO_PAUSE);
    ws.cmd(&format!("hervat {id} --antwoorden verder.yaml"))
        .run()
        .code(0);
    let before_b8 = crate::common::MDO_TO_END
        .find("- alles        # B8")
        .expect("B8 in MDO_TO_END");
    ws.write("mdo.yaml", &crate::common::MDO_TO_END[..before_b8]);
    ws.cmd(&format!("hervat {id} --antwoorden mdo.yaml"))
        .run()
        .code(2);
    // Nothing done; "1" (the mandatory handover) as n.v.t. is refused by the engine, "2" taken.
    let out = ws
        .cmd(&format!(
            "hervat {id} --toegankelijk --rol coordinerend-zorgverlener"
        ))
        .stdin("niets\n1\n2\n")
        .run()
        .code(0)
        .no_panic()
        .stderr_has("1. Overdracht aan de coördinerend zorgverlener post partum (verplicht)")
        .stderr_has("kan niet n.v.t. zijn");
    let offered = out
        .stderr
        .split("Van de overige acties:")
        .nth(1)
        .expect("the n.v.t. question");
    let offered = offered
        .split("Welke zijn niet van toepassing")
        .next()
        .unwrap_or("");
    assert!(!offered.contains("post partum"), "{offered}");
    let answer = last_answer(&ws, &id);
    assert_eq!(answer["vraag"], "B8");
    assert_eq!(
        answer["antwoord"]["acties"],
        serde_json::json!([
            {"id": "overdracht-coordinator-post-partum", "status": "niet-gedaan"},
            {"id": "overdracht-betrokkenen", "status": "nvt"}
        ])
    );
}

#[test]
fn a_practice_case_runs_in_plain_lines() {
    Test::new()
        .args("oefen geen-toestemming --toegankelijk")
        .stdin("?\n")
        .run()
        .code(130)
        .no_panic()
        .stderr_has("1. ")
        .stderr_has("Typ een nummer");
}

/// In a real terminal (a pty): a whole route typed as numbers, with no escape code written.
#[cfg(unix)]
#[test]
fn in_a_terminal_a_whole_route_is_typed_as_numbers_without_escape_codes() {
    use crate::pty::{Tty, ENTER};
    let ws = Workspace::new();
    let mut tty = Tty::spawn(&ws, "start --toegankelijk --gemeente Voorbeeldstad");
    let choice = "Typ een nummer (";
    // Each prompt, and what to type there (`None`: only wait for the text).
    for (prompt, keys) in [
        ("Waar begint het pad voor deze cliënt?", None),
        (choice, Some("1")),
        (
            "Welke gedaan? (nummers gescheiden door spaties, 'alles' of 'niets'; een + erachter voor een notitie):",
            Some("1 2"),
        ),
        ("Welk screeningsinstrument is gebruikt?", None),
        (choice, Some("2")),
        (
            "Psychopathologie, psychosociale problemen en/of middelengebruik?",
            None,
        ),
        (choice, Some("1")),
        // "Nee" ends the session: confirmed first.
        ("Hiermee rondt u de sessie af", None),
        ("(ja of nee):", Some("ja")),
    ] {
        tty.expect(prompt);
        if let Some(keys) = keys {
            tty.send(&format!("{keys}{ENTER}"));
        }
    }
    tty.expect("is afgerond");
    assert_eq!(tty.finish(), 0, "{}", tty.screen());
    assert!(
        !tty.bytes().contains(&0x1b),
        "an escape code reached the terminal:\n{}",
        tty.screen()
    );
    let id = ws.only_session();
    let export = ws.cmd(&format!("export {id} --formaat json")).run().code(0);
    let json: Value = serde_json::from_str(&export.stdout).expect("json");
    assert_eq!(json["afgerond"], true);
    assert!(json["uitkomst"]
        .as_str()
        .expect("outcome")
        .starts_with("Geen actie op dit moment"));
}

/// After `terug`, Enter alone keeps the answer given before: a note, the actions done.
#[test]
fn after_going_back_enter_keeps_what_was_answered_before() {
    let ws = Workspace::new();
    // IN with a note ("1+"); back from B1; IN again, Enter keeps the note; B1 "1", none
    // n.v.t.; back from the instrument; Enter keeps B1's actions, and none n.v.t.
    ws.cmd("start --toegankelijk --gemeente Voorbeeldstad")
        .stdin("1+\nbij de intake\nt\n1\n\n1\n\nt\n\n\n")
        .run()
        .code(130)
        .no_panic()
        .stderr_has("Eerdere tekst: bij de intake (Enter houdt die; typ - voor geen)")
        .stderr_has("'alles' of 'niets'; Enter: zoals eerder, 1;");
    let journal = ws.session_json(&ws.only_session())["journaal"].clone();
    let answers: Vec<(String, Value)> = journal
        .as_array()
        .expect("journal")
        .iter()
        .filter(|e| e["gebeurtenis"] == "antwoord")
        .map(|e| {
            (
                e["vraag"].as_str().expect("key").to_string(),
                e["antwoord"].clone(),
            )
        })
        .collect();
    let keys: Vec<&str> = answers.iter().map(|(k, _)| k.as_str()).collect();
    assert_eq!(keys, ["IN", "IN", "B1", "B1"]);
    let notes: Vec<(&str, &str)> = journal
        .as_array()
        .expect("journal")
        .iter()
        .filter(|e| e["gebeurtenis"] == "notitie")
        .map(|e| (e["vraag"].as_str().unwrap(), e["tekst"].as_str().unwrap()))
        .collect();
    assert_eq!(notes, [("IN", "bij de intake"), ("IN", "bij de intake")]);
    assert_eq!(answers[2].1, answers[3].1);
    assert_eq!(answers[3].1["acties"][0]["status"], "gedaan");
    assert_eq!(answers[3].1["acties"][1]["status"], "niet-gedaan");
}

/// Ctrl-C in a terminal stops like the end of the input: exit 130, the answers kept.
#[cfg(unix)]
#[test]
fn in_a_terminal_ctrl_c_stops_with_130_and_keeps_the_answers() {
    use crate::pty::{Tty, CTRL_C, ENTER};
    let ws = Workspace::new();
    let mut tty = Tty::spawn(&ws, "start --toegankelijk --gemeente Voorbeeldstad");
    tty.expect("Typ een nummer (");
    tty.send(&format!("1{ENTER}"));
    tty.expect("Welke gedaan?");
    tty.send(CTRL_C);
    assert_eq!(tty.finish(), 130, "{}", tty.screen());
    let journal = ws.session_json(&ws.only_session())["journaal"].clone();
    assert!(
        journal
            .as_array()
            .expect("journal")
            .iter()
            .any(|e| e["gebeurtenis"] == "antwoord" && e["vraag"] == "IN"),
        "{journal}"
    );
}

/// A choice that ends the session is confirmed first; "nee" asks the question again and
/// records nothing.
#[test]
fn a_choice_that_ends_the_session_is_confirmed_first() {
    let ws = Workspace::new();
    let out = ws
        .cmd("start --toegankelijk --gemeente Voorbeeldstad")
        .stdin("1\nalles\n1\n1\nnee\n")
        .run()
        .code(130)
        .no_panic()
        .stderr_has(
            "Hiermee rondt u de sessie af ('Geen actie op dit moment'). Klopt dat? (ja of nee):",
        );
    // Asked again after "nee".
    assert_eq!(
        out.stderr
            .matches("Psychopathologie, psychosociale problemen en/of middelengebruik?")
            .count(),
        2,
        "{}",
        out.stderr
    );
    let journal = ws.session_json(&ws.only_session())["journaal"].clone();
    assert!(
        !journal
            .as_array()
            .expect("journal")
            .iter()
            .any(|e| e["vraag"] == "D1"),
        "{journal}"
    );
}

/// The notitie events of a session's journal: (question key, text), in order.
fn notes(ws: &Workspace, id: &str) -> Vec<(String, String)> {
    ws.session_json(id)["journaal"]
        .as_array()
        .expect("journal")
        .iter()
        .filter(|e| e["gebeurtenis"] == "notitie")
        .map(|e| {
            (
                e["vraag"].as_str().expect("key").to_string(),
                e["tekst"].as_str().expect("text").to_string(),
            )
        })
        .collect()
}

/// The question keys of the answers in a session's journal, in order.
fn answered(ws: &Workspace, id: &str) -> Vec<String> {
    ws.session_json(id)["journaal"]
        .as_array()
        .expect("journal")
        .iter()
        .filter(|e| e["gebeurtenis"] == "antwoord")
        .map(|e| e["vraag"].as_str().expect("key").to_string())
        .collect()
}

/// D1 (PPM) is weighty: Enter alone picks nothing, not even after `terug` with an answer given
/// before.
#[test]
fn enter_alone_picks_nothing_at_a_weighty_question() {
    let ws = Workspace::new();
    ws.cmd("start --toegankelijk --gemeente Voorbeeldstad")
        .stdin("1\nalles\n1\n\n\n")
        .run()
        .code(130)
        .no_panic()
        .stderr_has("Typ een nummer (zwaarwegend: Enter alleen kiest niets; ")
        .stderr_has("Kies eerst een antwoord: bij deze vraag legt Enter alleen niets vast.");
    let id = ws.only_session();
    assert_eq!(answered(&ws, &id), ["IN", "B1", "B1-instrument"]);

    // D1 "Ja" (2), then back from the Kindcheck (with a reason: a PPM answer): Enter alone at
    // D1 still picks nothing.
    ws.cmd(&format!("hervat {id} --toegankelijk"))
        .stdin("2\nt\nverkeerd gekozen\n\n")
        .run()
        .code(130)
        .no_panic()
        .stderr_has("2. Ja (eerder gekozen)")
        .stderr_has("Kies eerst een antwoord");
    assert_eq!(answered(&ws, &id), ["IN", "B1", "B1-instrument", "D1"]);
    let terug = ws.session_json(&id)["journaal"]
        .as_array()
        .expect("journal")
        .iter()
        .filter(|e| e["gebeurtenis"] == "terug")
        .count();
    assert_eq!(terug, 1);
}

/// A `+` after the numbers asks for a note, after the answer is saved; the end of the input at
/// the note keeps the answer. Each question says where it is, and `r` shows the route so far.
#[test]
fn a_note_is_asked_for_with_a_plus_after_the_answer_is_saved_and_r_shows_the_route() {
    let ws = Workspace::new();
    let out = ws
        .cmd("start --toegankelijk --gemeente Voorbeeldstad")
        .stdin("1\nalles +\nbesproken met collega\nr\n2+\n")
        .run()
        .code(130)
        .no_panic()
        .stderr_has("Stap 1 van 5 \u{b7} B1, Verloskundig zorgverlener.")
        .stderr_has("Notitie bij deze stap (het antwoord is bewaard; Enter zonder tekst: geen):")
        .stderr_has("Route tot nu toe:")
        .stderr_has("- B1 \u{b7} Intakegesprek en screening kwetsbaarheid: 2 van 2 gedaan (toelichting: besproken met collega)")
        .stderr_has("Toelichting bij deze keuze (het antwoord is bewaard; Enter zonder tekst: geen):");
    assert!(
        out.stderr
            .contains("- IN \u{b7} Signalen van psychopathologie"),
        "{}",
        out.stderr
    );
    let id = ws.only_session();
    // The instrument was saved before its reason was asked; the input ended at the reason.
    assert_eq!(answered(&ws, &id), ["IN", "B1", "B1-instrument"]);
    assert_eq!(
        notes(&ws, &id),
        [("B1".to_string(), "besproken met collega".to_string())]
    );
    let export = ws.cmd(&format!("export {id} --formaat json")).run().code(0);
    let json: Value = serde_json::from_str(&export.stdout).expect("json");
    assert_eq!(json["checklists"][0]["notitie"], "besproken met collega");
}
