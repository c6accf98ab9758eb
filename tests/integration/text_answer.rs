//! The open question (`soort: tekst`): the answer is typed text. Through the real binary with
//! a small flow written here: an answers file gives the text and the summary and every export
//! show it (with the 'Let op' line of a `letop`); an empty text, a BSN, a mapping that is no
//! text are refused at their line; `terug` and `later` keep their meaning and the session
//! resumes at a pausable text question; `controleer` names a text question without `vraag`;
//! `toon` and `graaf` show the kind; and in a terminal the text is typed.

use serde_json::Value;

use crate::common::{Output, Test, Workspace};

/// Three open questions (coördinerend zorgverlener, the children, who follows safety) and an
/// end. Only the last may wait; it has a `letop`.
const FLOW: &str = "\
naam: Open vragen
versie: \"1\"
start: CZ
rollen:
  verloskundige: Verloskundig zorgverlener
knopen:
  - id: CZ
    soort: tekst
    stap: 3
    rol: verloskundige
    blauwdruk: B5
    titel: Coördinerend zorgverlener
    uitleg: Stap 3 van de blauwdruk; leg vast wie de zorg coördineert.
    vraag: Wie wordt coördinerend zorgverlener (naam, organisatie)?
    volgende: KC
  - id: KC
    soort: tekst
    titel: Kinderen
    uitleg: De Kindcheck vraagt naar alle kinderen in het gezin.
    vraag: Hoeveel kinderen zijn er, en hoe oud?
    volgende: VG
  - id: VG
    soort: tekst
    titel: Veiligheid volgen
    uitleg: Wie volgt de veiligheid van moeder en kind?
    vraag: Wie volgt de veiligheid, en tot wanneer?
    pauzeerbaar: true
    letop: Veiligheid gevolgd door
    volgende: EINDE
  - id: EINDE
    soort: einde
    titel: Afgerond
    uitleg: Het einde.
    uitkomst: Open vragen beantwoord
";

const ALL: &str = "\
- Jansen, Kraamzorg Noord
- 2        # kinderen
- \"wijkteam, tot 1 maart\"
";

/// `zorgpad start --flow open.yaml` with these answers, exporting to `s.json`.
fn start(answers: &str) -> Test {
    Test::new()
        .file("open.yaml", FLOW)
        .args("start --flow open.yaml --export s.json")
        .answers(answers)
}

/// A run that must be refused: exit 2, nothing exported.
fn refused(answers: &str) -> Output {
    let out = start(answers).run().code(2).no_panic();
    assert!(!out.dir.join("s.json").exists(), "export written");
    out
}

fn json(out: &Output) -> Value {
    serde_json::from_str(&out.read("s.json")).expect("the export s.json is JSON")
}

fn answer_at(json: &Value, node: &str) -> String {
    json["route"]
        .as_array()
        .expect("route")
        .iter()
        .find(|r| r["knoop"] == node)
        .and_then(|r| r["antwoord"].as_str())
        .unwrap_or_else(|| panic!("{node} not in route: {json:#}"))
        .to_string()
}

#[test]
fn the_text_is_the_answer_in_the_summary_and_the_json_export() {
    let out = start(ALL).run().code(0).no_panic();
    let json = json(&out);
    assert_eq!(answer_at(&json, "CZ"), "Jansen, Kraamzorg Noord");
    assert_eq!(answer_at(&json, "KC"), "2");
    assert_eq!(answer_at(&json, "VG"), "wijkteam, tot 1 maart");
    let row = &json["route"][0];
    assert_eq!(row["soort"], "tekst");
    assert_eq!(
        row["vraag"],
        "Wie wordt coördinerend zorgverlener (naam, organisatie)?"
    );
    assert_eq!(row["toelichting"], Value::Null);
    assert_eq!(
        json["let_op"],
        serde_json::json!([
            "Veiligheid gevolgd door: wijkteam, tot 1 maart (vanuit Veiligheid volgen)"
        ])
    );
    out.stdout_has("!! Veiligheid gevolgd door: wijkteam, tot 1 maart (vanuit Veiligheid volgen)")
        .stdout_has("Jansen, Kraamzorg")
        .stdout_has("wijkteam, tot 1");
}

#[test]
fn the_text_is_in_the_markdown_and_html_exports() {
    let ws = Workspace::new();
    ws.write("open.yaml", FLOW);
    ws.cmd("start --flow open.yaml").answers(ALL).run().code(0);
    let id = ws.only_session();
    let md = ws.cmd(&format!("export {id} --formaat md")).run().code(0);
    md.stdout_has("Jansen, Kraamzorg Noord")
        .stdout_has("Veiligheid gevolgd door: wijkteam, tot 1 maart (vanuit Veiligheid volgen)");
    let html = ws.cmd(&format!("export {id} --formaat html")).run().code(0);
    html.stdout_has("Jansen, Kraamzorg Noord")
        .stdout_has("Veiligheid gevolgd door: wijkteam, tot 1 maart");
    // The session file keeps the answer with Dutch keys.
    let journal = ws.session_json(&id)["journaal"].to_string();
    assert!(
        journal.contains(r#"{"soort":"tekst","tekst":"Jansen, Kraamzorg Noord"}"#),
        "{journal}"
    );
}

#[test]
fn a_number_keeps_its_form_and_a_reserved_word_can_be_the_text() {
    let out = start("- 0612345678  # telefoon\n- 3.50\n- {tekst: later}\n")
        .run()
        .code(0)
        .no_panic();
    let json = json(&out);
    assert_eq!(answer_at(&json, "CZ"), "0612345678");
    assert_eq!(answer_at(&json, "KC"), "3.50");
    assert_eq!(answer_at(&json, "VG"), "later");
    assert_eq!(json["afgerond"], true);
}

#[test]
fn an_empty_text_is_refused_at_its_line() {
    refused("- \"  \"\n- 2\n- x\n").stderr_has(
        "zorgpad: fout: antwoorden.yaml: antwoord 1 (regel 1) past niet bij vraag 1 (CZ, stap 3): het antwoord is leeg; typ een antwoord\n",
    );
    // Where the question may wait, the message says so.
    refused("- Jansen\n- 2\n-\n").stderr_has(
        "antwoorden.yaml: antwoord 3 (regel 3) past niet bij vraag 3 (VG): het antwoord is leeg; typ een antwoord, of kies 'later' als het nog niet bekend is",
    );
}

#[test]
fn a_bsn_in_the_text_is_refused_and_not_repeated() {
    let out = refused("- Jansen\n- \"2 kinderen, BSN 111222333\"\n- x\n");
    let out = out.stderr_has("antwoorden.yaml: antwoord 2 (regel 2) past niet bij vraag 2 (KC): het antwoord lijkt een burgerservicenummer (BSN) te bevatten; zorgpad bewaart geen BSN")
        .stderr_has("Haal het BSN uit dit antwoord: laat het weg");
    assert!(!out.stderr.contains("111222333"), "{}", out.stderr);
}

#[test]
fn text_with_a_colon_must_be_quoted() {
    refused("- Wijkteam: mevrouw De Vries\n")
        .stderr_has("antwoord 1 (regel 1) past niet bij vraag 1 (CZ, stap 3): 'Wijkteam: mevrouw De Vries' leest als een veld, niet als tekst; zet een tekst met een dubbele punt tussen aanhalingstekens")
        .stderr_has("Een tekst die zelf 'terug' of 'later' luidt, schrijft u als {tekst: \"later\"}.");
    refused("- [Jansen, De Vries]\n")
        .stderr_has("het antwoord op deze vraag is één tekst, geen lijst");
}

#[test]
fn later_pauses_only_where_the_question_may_wait() {
    refused("- later\n").stderr_has(
        "antwoord 1 (regel 1) past niet bij vraag 1 (CZ, stap 3): hier kan de sessie niet pauzeren",
    );
}

#[test]
fn back_and_later_at_text_questions_then_resume() {
    let ws = Workspace::new();
    ws.write("open.yaml", FLOW);
    // 'terug' at KC goes back to CZ, whose new answer replaces the old one; 'later' at VG
    // pauses the session.
    ws.cmd("start --flow open.yaml --export s.json")
        .answers("- Jansen\n- terug\n- De Vries, wijkteam\n- 2\n- later: 20-12-2026\n")
        .run()
        .code(0)
        .no_panic()
        .stderr_has("wacht bij Veiligheid volgen.");
    let paused: Value = serde_json::from_str(&ws.read("s.json")).expect("json");
    assert_eq!(answer_at(&paused, "CZ"), "De Vries, wijkteam");
    assert_eq!(paused["sessie"]["status"], "wacht");
    let change = &paused["gewijzigd"][0];
    assert_eq!(change["eerder_antwoord"], "Jansen");
    assert_eq!(change["nieuw_antwoord"], "De Vries, wijkteam");

    let id = ws.only_session();
    ws.cmd(&format!("hervat {id} --export s.json"))
        .answers("- wijkteam, tot 1 maart\n")
        .run()
        .code(0)
        .no_panic();
    let done: Value = serde_json::from_str(&ws.read("s.json")).expect("json");
    assert_eq!(done["afgerond"], true);
    assert_eq!(answer_at(&done, "VG"), "wijkteam, tot 1 maart");
    assert_eq!(
        done["let_op"][0],
        "Veiligheid gevolgd door: wijkteam, tot 1 maart (vanuit Veiligheid volgen)"
    );
}

#[test]
fn a_text_question_without_its_question_is_a_finding_with_its_line() {
    let broken = FLOW.replace(
        "    vraag: Hoeveel kinderen zijn er, en hoe oud?\n",
        "    opties: []\n",
    );
    let out = Test::new()
        .file("kapot.yaml", broken)
        .args("controleer --flow kapot.yaml")
        .run()
        .code(1)
        .no_panic();
    // The line where KC starts.
    let kc = 1 + FLOW
        .lines()
        .position(|l| l == "  - id: KC")
        .expect("KC in the flow");
    let out = out.stdout_has(&format!("kapot.yaml:{kc}: fout: knoop 'KC': een knoop van soort 'tekst' heeft 'vraag' nodig, maar die ontbreekt"))
        .stdout_has("oplossing: voeg 'vraag:' toe met de vraag die de gebruiker in eigen woorden beantwoordt")
        .stdout_has(&format!("kapot.yaml:{kc}: fout: knoop 'KC': het veld 'opties' hoort niet bij een knoop van soort 'tekst'"))
        .stdout_has("velden van 'tekst': vraag, volgende, pauzeerbaar");
    // The question after it is not reported as unreachable.
    assert_eq!(out.stdout.matches(": fout: ").count(), 2, "{}", out.stdout);

    let no_next = FLOW.replace("    volgende: VG\n", "");
    Test::new()
        .file("kapot.yaml", no_next)
        .args("controleer --flow kapot.yaml")
        .run()
        .code(1)
        .stdout_has(&format!("kapot.yaml:{kc}: fout: knoop 'KC': deze knoop (soort 'tekst') heeft geen uitweg: 'volgende' ontbreekt"));
}

#[test]
fn show_and_graph_know_the_text_question() {
    Test::new()
        .file("open.yaml", FLOW)
        .args("toon --flow open.yaml")
        .run()
        .code(0)
        .stdout_has("(tekst)")
        .stdout_has("✎ Wie wordt coördinerend zorgverlener (naam, organisatie)?")
        .stdout_has("✎ = vraag met een antwoord in");
    Test::new()
        .file("open.yaml", FLOW)
        .args("graaf --flow open.yaml --formaat mermaid")
        .run()
        .code(0)
        .stdout_has("n_CZ(\"");
    Test::new()
        .file("open.yaml", FLOW)
        .args("graaf --flow open.yaml --formaat dot")
        .run()
        .code(0)
        .stdout_has("n_CZ [shape=box, style=\"filled,rounded\"");
}

/// In a terminal: an empty answer is refused and asked again, Esc goes back to the answer
/// given, `?` shows the explanation, and an empty answer where the question may wait offers
/// "later verder", which pauses.
#[cfg(unix)]
#[test]
fn typed_in_a_terminal() {
    use crate::pty::*;

    const ANSWER_READY: &str = "? voor uitleg \u{b7} Esc terug \u{b7} Ctrl-C stoppen]";
    const LATER_READY: &str = "leeg laten: later verder \u{b7} ? voor uitleg \u{b7} Esc terug]";
    let ws = Workspace::new();
    ws.write("open.yaml", FLOW);
    let mut tty = Tty::spawn(
        &ws,
        "start --gemeente Voorbeeldstad --flow open.yaml --export s.json",
    );

    tty.prompt("Wie wordt coördinerend zorgverlener", ANSWER_READY);
    tty.send(ENTER);
    tty.expect("Het antwoord is leeg; typ een antwoord.");
    tty.prompt("Wie wordt coördinerend zorgverlener", ANSWER_READY);
    tty.send("Jansen, Kraamzorg Noord");
    tty.send(ENTER);

    // Esc goes back; the answer given there is typed in already, and Enter keeps it.
    tty.prompt("Hoeveel kinderen zijn er, en hoe oud?", ANSWER_READY);
    tty.send(ESC);
    tty.expect("<terug>");
    tty.prompt("Wie wordt coördinerend zorgverlener", ANSWER_READY);
    let again = tty.screen_since("Wie wordt coördinerend zorgverlener");
    assert!(
        again.contains("Jansen, Kraamzorg Noord"),
        "not pre-filled:\n{again}"
    );
    tty.send(ENTER);

    tty.prompt("Hoeveel kinderen zijn er, en hoe oud?", ANSWER_READY);
    tty.send("?");
    tty.send(ENTER);
    tty.expect("Uitleg: De Kindcheck vraagt naar alle kinderen in het gezin.");
    tty.prompt("Hoeveel kinderen zijn er, en hoe oud?", ANSWER_READY);
    tty.send("2 kinderen, 3 en 5 jaar");
    tty.send(ENTER);

    // Empty where the question may wait: "later verder" is offered, below "type an answer".
    tty.prompt("Wie volgt de veiligheid, en tot wanneer?", LATER_READY);
    tty.send(ENTER);
    tty.prompt("Er is nog geen antwoord. Later verder?", SELECT_READY);
    tty.send(DOWN);
    tty.send(ENTER);
    tty.prompt(
        "Wanneer verwacht u verder te gaan?",
        "Esc terug naar de vraag]",
    );
    tty.send("20-12-2026");
    tty.send(ENTER);

    let code = tty.finish();
    assert_eq!(code, 0, "exit code\n{}", tty.screen());
    tty.assert_dutch();
    let json: Value = serde_json::from_str(&ws.read("s.json")).expect("json");
    assert_eq!(answer_at(&json, "CZ"), "Jansen, Kraamzorg Noord");
    assert_eq!(answer_at(&json, "KC"), "2 kinderen, 3 en 5 jaar");
    assert_eq!(json["sessie"]["status"], "wacht");
    assert_eq!(json["sessie"]["wacht_op"]["verwacht"], "2026-12-20");
}
