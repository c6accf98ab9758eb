//! `zorgpad start` and `zorgpad hervat` in a real pseudo-terminal (the harness in `pty.rs`),
//! driven with keystrokes: the inquire prompts, Esc to go back, Ctrl-C to stop, the
//! explanation, the gemeente question, the criteria screen with its proposal, the referral list
//! of the Sociale Kaart, the pause with a date, and that every word on screen is Dutch.
//!
//! The tests of a question deep in the pathway get there as a user would after an interruption:
//! an answers file (without a terminal) answers the questions before it and runs out at it, the
//! session is stored, and `zorgpad hervat` asks that question in the terminal.

use serde_json::Value;

use crate::common::{squash, SessionTable, Workspace, TO_D4_PAUSE};
use crate::pty::*;

pub(crate) const NVT: &str = "Welke van de overige acties zijn niet van toepassing";

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
pub(crate) fn row<'a>(json: &'a Value, node: &str) -> &'a Value {
    json["route"]
        .as_array()
        .expect("route")
        .iter()
        .find(|r| r["knoop"] == node)
        .unwrap_or_else(|| panic!("{node} not in the route: {json:#}"))
}

pub(crate) fn route(json: &Value) -> Vec<&str> {
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
pub(crate) fn choose(tty: &mut Tty, keys: &str) {
    tty.send(keys);
}

/// [`choose`] an option that ends the session: confirmed first.
pub(crate) fn choose_ending(tty: &mut Tty, keys: &str) {
    tty.send(keys);
    confirm_end(tty);
}

#[test]
fn the_shortest_route_with_one_answer_changed_through_esc() {
    let (ws, mut tty) = start("--export s.json");
    at_the_intake(&mut tty);

    // B1: tick both actions, one by one.
    tty.prompt(B1, MULTI_READY);
    tty.send(SPACE);
    tty.send(DOWN);
    tty.send(SPACE);
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

    // D1 is weighty: the cursor starts at "— kies een antwoord —"; Nee is one down.
    tty.prompt(D1, SELECT_READY);
    choose_ending(&mut tty, &format!("{DOWN}{ENTER}"));

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
    assert_eq!(changed[0]["knoop"], "B1-instrument");
    assert_eq!(changed[0]["eerder_antwoord"], "R4U");

    let screen = tty.screen();
    for dutch in [
        "spatie aan/uit",
        "Esc terug",
        "Enter bevestigen",
        "typ om te zoeken",
        "zwaarwegend: kies zelf \u{b7}",
        "Stap 1 van 5 \u{b7} B1",
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
    at_the_intake(&mut tty);
    tty.prompt(B1, MULTI_READY);
    tty.send(ENTER);
    tty.prompt(NVT, MULTI_READY);
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
    at_the_intake(&mut tty);

    // At B1: tick the first action and "? Uitleg bij deze stap" (the fifth line, after the two
    // actions, "✎ Met notitie…" and "⋯ Route tot nu toe").
    tty.prompt(B1, MULTI_READY);
    tty.send(SPACE);
    tty.send(&DOWN.repeat(4));
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

    // At the instrument: the seventh line is "? Uitleg bij deze stap" (after four options,
    // "✎ Met toelichting…" and "⋯ Route tot nu toe").
    tty.prompt(INSTRUMENT, SELECT_READY);
    tty.send(&DOWN.repeat(6));
    tty.send(ENTER);
    tty.expect("Uitleg: Stap 1 van de blauwdruk noemt Mind2Care en R4U als voorbeelden.");
    // Asked again; the explanation is not an answer. "Geen instrument" is the fourth option.
    tty.prompt(INSTRUMENT, SELECT_READY);
    choose(&mut tty, &format!("{}{ENTER}", DOWN.repeat(3)));
    tty.prompt(D1, SELECT_READY);
    choose_ending(&mut tty, &format!("{DOWN}{ENTER}"));

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
    at_the_intake(&mut tty);
    tty.prompt(B1, MULTI_READY);
    tty.send(RIGHT);
    tty.send(ENTER);
    // All actions are done, so the next question is the instrument: no n.v.t., no note and no
    // explanation between.
    let before = tty.expect(INSTRUMENT);
    assert!(
        !before.contains("Uitleg:") && !before.contains(NVT),
        "\"→ alles\" did more than tick every action:\n{before}"
    );
    tty.expect(SELECT_READY);
    choose(&mut tty, ENTER);
    tty.prompt(D1, SELECT_READY);
    choose_ending(&mut tty, &format!("{DOWN}{ENTER}"));

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

// ---------------------------------------------------------------------------------------------
// The gemeente

const GEMEENTE: &str = "In welke gemeente woont de cliënt?";

/// The intake, B1 all done, the first instrument: at D1.
fn to_d1(tty: &mut Tty) {
    at_the_intake(tty);
    tty.prompt(B1, MULTI_READY);
    tty.send(RIGHT);
    tty.send(ENTER);
    tty.prompt(INSTRUMENT, SELECT_READY);
    choose(tty, ENTER);
    tty.prompt(D1, SELECT_READY);
}

/// [`to_d1`], then D1 "Nee" (one down from "— kies een antwoord —"): the shortest route to
/// its end.
fn shortest_route(tty: &mut Tty) {
    to_d1(tty);
    choose_ending(tty, &format!("{DOWN}{ENTER}"));
}

#[test]
fn without_gemeente_start_asks_for_it_and_records_the_choice() {
    let ws = Workspace::new();
    let mut tty = Tty::spawn(&ws, "start --export s.json");
    tty.prompt(GEMEENTE, SELECT_READY);
    let asked = tty.screen_since(GEMEENTE);
    for line in [
        "Voorbeeldstad",
        "Havendorp",
        "Polderwijk",
        "Onbekend, of een gemeente die niet op de kaart staat",
        "? Uitleg bij deze stap",
    ] {
        assert!(asked.contains(line), "{line:?} not offered:\n{asked}");
    }
    assert!(!asked.contains("Terug naar de vorige vraag"), "{asked}");
    // The explanation (the fifth line), then the same question again.
    tty.send(&DOWN.repeat(4));
    tty.send(ENTER);
    tty.expect("Uitleg: de gemeente bepaalt welk aanbod van de Sociale Kaart zorgpad");
    tty.prompt(GEMEENTE, SELECT_READY);
    // Havendorp, the second line.
    tty.send(DOWN);
    tty.send(ENTER);
    shortest_route(&mut tty);
    assert_eq!(tty.finish(), 0, "exit code\n{}", tty.screen());

    let id = ws.only_session();
    assert_eq!(ws.session_json(&id)["gemeente"], "Havendorp");
    assert_eq!(export(&ws)["sessie"]["gemeente"], "Havendorp");
    tty.assert_dutch();
}

#[test]
fn an_unknown_gemeente_records_none() {
    let ws = Workspace::new();
    let mut tty = Tty::spawn(&ws, "start --export s.json");
    tty.prompt(GEMEENTE, SELECT_READY);
    // "Onbekend, ...", the fourth line.
    tty.send(&DOWN.repeat(3));
    tty.send(ENTER);
    shortest_route(&mut tty);
    assert_eq!(tty.finish(), 0, "exit code\n{}", tty.screen());

    let id = ws.only_session();
    let stored = ws.session_json(&id);
    assert!(
        stored.get("gemeente").is_none_or(Value::is_null),
        "gemeente stored: {stored:#}"
    );
    assert_eq!(export(&ws)["sessie"]["gemeente"], Value::Null);
}

// ---------------------------------------------------------------------------------------------
// Questions deep in the pathway, asked by `zorgpad hervat`

/// From the intake to the criteria of D2: negative Kindcheck without other signals, consent
/// for current care and the GP, no VoorZorg. No criterion is ticked in advance.
const TO_D2_CRITERIA: &str = "\
- intake       # IN
- alles        # B1
- geen         # instrument
- ja           # D1
- alles        # Kindcheck
- alleen het ongeboren kind
- negatief
- nee          # geen andere signalen
- alles        # B2
- ja           # toestemming huidige hulpverlening
- alles        # contact
- ja           # toestemming huisarts
- alles        # contact
- nee          # VoorZorg
";

/// Start without a terminal with `answers`, which run out at the question under test; the
/// session is stored. Returns its id.
pub(crate) fn stored_until(ws: &Workspace, args: &str, answers: &str) -> String {
    ws.cmd(&format!("start {args}"))
        .answers(answers)
        .run()
        .code(2)
        .no_panic()
        .stderr_has("de antwoorden zijn op");
    ws.only_session()
}

/// `zorgpad hervat ID --export s.json` in a pty, a day later.
pub(crate) fn resume(ws: &Workspace, id: &str) -> Tty {
    Tty::spawn_at(
        ws,
        &format!("hervat {id} --export s.json"),
        "2026-11-23T10:00:00Z",
    )
}

/// Stop with Ctrl-C at the prompt on screen; every answer before it is kept.
pub(crate) fn stop(tty: &mut Tty) {
    tty.send(CTRL_C);
    tty.expect("zorgpad: gestopt met Ctrl-C.");
    assert_eq!(tty.finish(), 130, "exit code\n{}", tty.screen());
}

/// The JSON export of a stored session (`zorgpad export`, without a terminal).
pub(crate) fn export_of(ws: &Workspace, id: &str) -> Value {
    ws.cmd(&format!("export {id} --formaat json -o e.json"))
        .run()
        .code(0);
    serde_json::from_str(&ws.read("e.json")).expect("the export e.json is JSON")
}

pub(crate) const CRITERIA: &str = "Welke criteria gelden?";
pub(crate) const D2: &str = "Problematiek: enkelvoudig of complex?";
const OVERRULE: &str = "U wijkt af van het voorstel. Reden (verplicht):";
const OVERRULE_READY: &str = "? voor uitleg \u{b7} Esc terug naar de keuze]";
const B3: &str = "Op welk gebied liggen de problemen?";
const B4: &str = "Naar welke gespecialiseerde hulpverlener/organisatie";

#[test]
fn the_criteria_give_a_proposal_that_is_overruled_only_with_a_reason() {
    let ws = Workspace::new();
    let id = stored_until(&ws, "--gemeente Voorbeeldstad", TO_D2_CRITERIA);
    let mut tty = resume(&ws, &id);

    // The seven criteria and the explanation, none ticked in advance; tick the first and the
    // fourth (two complex criteria).
    tty.prompt(CRITERIA, MULTI_READY);
    let criteria = tty.screen_since(CRITERIA);
    for line in [
        "[ ] Complex: PPM met gebrek aan hulpbronnen",
        "[ ] Complex: al aanwezige of ongeboren kind(eren) (mogelijk) in gevaar",
        "[ ] Complex: geen toestemming overleg met huidige hulpverlening",
        "[ ] Complex: actueel misbruik en/of mishandeling",
        "[ ] Enkelvoudig: lichte/enkelvoudige psychosociale problemen/middelengebruik",
        "[ ] Enkelvoudig: voldoende hulpbronnen",
        "[ ] (Geringe) twijfel of persisterende problemen",
        "[ ] ? Uitleg bij deze stap",
    ] {
        assert!(
            criteria.contains(line),
            "{line:?} not on screen:\n{criteria}"
        );
    }
    assert!(!criteria.contains("[x]"), "ticked in advance:\n{criteria}");
    tty.send(SPACE);
    tty.send(&DOWN.repeat(3));
    tty.send(SPACE);
    tty.send(ENTER);

    // D2: the proposal (complex), on the grounds of the two criteria, with the cursor on it.
    tty.prompt(D2, SELECT_READY);
    let d2 = tty.screen_since("Voorstel van zorgpad");
    for text in [
        "Voorstel van zorgpad: Complex, op grond van:",
        "\u{2022} Complex: PPM met gebrek aan hulpbronnen",
        "\u{2022} Complex: actueel misbruik en/of mishandeling",
        "U beslist: bevestig het voorstel, of wijk af met een reden.",
        "Enkelvoudig",
        "> Complex   \u{2190} voorstel",
    ] {
        assert!(d2.contains(text), "{text:?} not on screen:\n{d2}");
    }
    // Overrule: Enkelvoudig, one up. Without a reason it is refused.
    tty.send(UP);
    tty.send(ENTER);
    tty.prompt(OVERRULE, OVERRULE_READY);
    tty.send(ENTER);
    tty.expect("Vul iets in, of typ ? voor uitleg.");
    tty.send("voldoende steun van familie");
    tty.send(ENTER);
    // The single route goes on at B3; stop there.
    tty.prompt(B3, SELECT_READY);
    stop(&mut tty);
    tty.assert_dutch();

    let json = export_of(&ws, &id);
    assert_eq!(
        row(&json, "D2-criteria")["antwoord"],
        "Complex: PPM met gebrek aan hulpbronnen; \
         Complex: actueel misbruik en/of mishandeling"
    );
    let d2 = row(&json, "D2");
    assert_eq!(d2["antwoord"], "Enkelvoudig");
    assert_eq!(d2["toelichting"], "voldoende steun van familie");
    assert_eq!(
        d2["voorstel"],
        serde_json::json!({
            "optie": "Complex",
            "op_grond_van": [
                "Complex: PPM met gebrek aan hulpbronnen",
                "Complex: actueel misbruik en/of mishandeling"
            ],
            "gevolgd": false
        })
    );
    assert_eq!(json["afgerond"], false);
}

#[test]
fn doubt_makes_the_complex_route_the_only_choice() {
    let ws = Workspace::new();
    let id = stored_until(&ws, "--gemeente Voorbeeldstad", TO_D2_CRITERIA);
    let mut tty = resume(&ws, &id);

    // Only "(Geringe) twijfel", the seventh criterion.
    tty.prompt(CRITERIA, MULTI_READY);
    tty.send(&DOWN.repeat(6));
    tty.send(SPACE);
    tty.send(ENTER);

    tty.prompt(D2, SELECT_READY);
    let d2 = tty.screen_since("Voorstel van zorgpad");
    assert!(
        d2.contains("\u{2022} (Geringe) twijfel of persisterende problemen")
            && d2.contains("Volgens de blauwdruk geldt dan altijd deze route.")
            && d2.contains("> Complex"),
        "{d2}"
    );
    // Enkelvoudig is not offered at all.
    let options = &d2[d2.rfind(D2).expect("D2 question")..];
    assert!(!options.contains("Enkelvoudig"), "{options}");
    // Following the proposal needs no reason, and none is asked.
    tty.send(ENTER);
    tty.prompt(B4, MULTI_READY);
    stop(&mut tty);

    let json = export_of(&ws, &id);
    let d2 = row(&json, "D2");
    assert_eq!(d2["antwoord"], "Complex");
    assert_eq!(d2["toelichting"], Value::Null);
    assert_eq!(d2["voorstel"]["gevolgd"], true);
    assert_eq!(
        d2["voorstel"]["op_grond_van"],
        serde_json::json!(["(Geringe) twijfel of persisterende problemen"])
    );
}

// The referral list. In Havendorp the example map offers for 'psychosociaal', from light to
// heavy: Buurtmoeders Voorbeeldregio (region-wide), Sociaal Team Havendorp, Schuldhulp
// Voorbeeldregio (region-wide); then "Andere ..." and "Geen passend aanbod".

pub(crate) const REFERRAL: &str =
    "Naar welke hulpverlener of organisatie voor psychosociale problemen verwijst u?";
const OTHER: &str = "Welke andere hulpverlener of organisatie?";
const OTHER_READY: &str = "meerdere namen scheiden met ; \u{b7} ? voor uitleg \u{b7} Esc terug]";
pub(crate) const B3_FOLLOW_UP: &str = "Is er (geringe) twijfel of blijven de problemen bestaan?";

/// To the referral at B3 for psychosocial problems (single problems: both of its conditions
/// ticked, so enkelvoudig is proposed and followed).
pub(crate) fn to_referral() -> String {
    format!("{TO_D2_CRITERIA}- [licht, voldoende-hulpbronnen]\n- enkelvoudig\n- psychosociaal\n")
}

/// After the referral: "Nee, pad voorlopig afgerond" at B3-vervolg, without a reason; the end.
fn finish_after_referral(tty: &mut Tty) {
    tty.prompt(B3_FOLLOW_UP, SELECT_READY);
    // A wait: the cursor starts at "Nog niet — later verder"; the first option is two up.
    tty.send(&UP.repeat(2));
    choose_ending(tty, ENTER);
    assert_eq!(tty.finish(), 0, "exit code\n{}", tty.screen());
}

/// The referral of the category 'psychosociaal' in the JSON export.
fn psychosocial_referral(json: &Value) -> Value {
    json["verwijzingen"]
        .as_array()
        .expect("verwijzingen")
        .iter()
        .find(|v| v["categorie"] == "psychosociaal")
        .unwrap_or_else(|| panic!("no psychosocial referral: {json:#}"))
        .clone()
}

#[test]
fn a_provider_from_the_sociale_kaart_and_another_one_typed_in() {
    let ws = Workspace::new();
    let id = stored_until(&ws, "--gemeente Havendorp", &to_referral());
    let mut tty = resume(&ws, &id);

    tty.prompt(REFERRAL, MULTI_READY);
    // The offer is wrapped to the terminal's width: compare it without white space.
    let offer = tty.screen_since("Aanbod op de Sociale Kaart");
    assert!(
        squash(&offer).starts_with(&squash(
            "Aanbod op de Sociale Kaart (Sociale Kaart VSV Voorbeeld), categorie 'psychosociaal' \
             in Havendorp, van licht naar zwaar:"
        )),
        "{offer}"
    );
    // Every provider for Havendorp, in the order of the map (light to heavy), as options.
    let options: Vec<&str> = offer
        .lines()
        .filter_map(|l| l.trim_start_matches(['>', ' ']).strip_prefix("[ ] "))
        .collect();
    assert_eq!(
        options,
        [
            "Buurtmoeders Voorbeeldregio \u{b7} informeel \u{b7} niveau 1 \u{b7} 010-0000501",
            "Sociaal Team Havendorp \u{b7} formeel \u{b7} niveau 2 \u{b7} 010-0000503",
            "Schuldhulp Voorbeeldregio \u{b7} formeel \u{b7} niveau 3 \u{b7} 010-0000505",
            "Andere hulpverlener of organisatie (zelf invullen)",
            "Geen passend aanbod (wordt vastgelegd als gat in de Sociale Kaart)",
            "\u{270e} Met notitie\u{2026}",
            "\u{22ef} Route tot nu toe",
            "? Uitleg bij deze stap",
        ],
        "{offer}"
    );
    for elsewhere in ["Wijkteam Voorbeeldstad", "Buurtteam Polderwijk"] {
        assert!(
            !offer.contains(elsewhere),
            "{elsewhere} offered in Havendorp:\n{offer}"
        );
    }
    assert!(tty
        .screen()
        .contains("LET OP: dit is de ingebouwde VOORBEELDKAART"));

    // Sociaal Team Havendorp (second) and "Andere ..." (fourth).
    tty.send(DOWN);
    tty.send(SPACE);
    tty.send(&DOWN.repeat(2));
    tty.send(SPACE);
    tty.send(ENTER);
    tty.prompt(OTHER, OTHER_READY);
    tty.send("Huisarts De Linde; Maatschappelijk werk Havendorp");
    tty.send(ENTER);
    finish_after_referral(&mut tty);
    tty.assert_dutch();

    let json = export(&ws);
    assert_eq!(json["afgerond"], true);
    let referral = psychosocial_referral(&json);
    let names: Vec<&str> = referral["kaart"]
        .as_array()
        .expect("kaart")
        .iter()
        .map(|c| c["naam"].as_str().expect("naam"))
        .collect();
    assert_eq!(names, ["Sociaal Team Havendorp"], "{referral:#}");
    assert!(
        referral["kaart"][0]["telefoon"]
            .as_str()
            .is_some_and(|t| t.starts_with("010-")),
        "{referral:#}"
    );
    assert_eq!(
        referral["andere"],
        serde_json::json!(["Huisarts De Linde", "Maatschappelijk werk Havendorp"])
    );
    assert_eq!(referral["geen_passend_aanbod"], false);
}

#[test]
fn no_fitting_offer_cannot_go_with_a_provider_and_is_recorded_as_a_gap() {
    let ws = Workspace::new();
    let id = stored_until(&ws, "--gemeente Havendorp", &to_referral());
    let mut tty = resume(&ws, &id);

    // Buurtmoeders (first) together with "Geen passend aanbod" (fifth): refused, asked again
    // with the provider still ticked and the gap not.
    tty.prompt(REFERRAL, MULTI_READY);
    tty.send(SPACE);
    tty.send(&DOWN.repeat(4));
    tty.send(SPACE);
    tty.send(ENTER);
    tty.expect("'Geen passend aanbod' gaat niet samen met een gekozen");
    tty.expect("het ander.");
    tty.prompt(REFERRAL, MULTI_READY);
    let again = tty.screen_since(REFERRAL);
    assert!(
        again.contains("[x] Buurtmoeders Voorbeeldregio")
            && again.contains("[ ] Geen passend aanbod"),
        "{again}"
    );
    // Untick Buurtmoeders, tick only the gap.
    tty.send(SPACE);
    tty.send(&DOWN.repeat(4));
    tty.send(SPACE);
    tty.send(ENTER);
    finish_after_referral(&mut tty);
    let screen = tty.screen();
    assert!(screen.contains("GEEN PASSEND AANBOD"), "{screen}");

    let referral = psychosocial_referral(&export(&ws));
    assert_eq!(referral["geen_passend_aanbod"], true, "{referral:#}");
    assert_eq!(referral["kaart"], serde_json::json!([]));
    assert_eq!(referral["andere"], serde_json::json!([]));
}

// ---------------------------------------------------------------------------------------------
// The pause at a wait

const D4: &str = "Is de cliënt op de afspraak verschenen?";
pub(crate) const PAUSE: &str = "\u{23f8} Nog niet \u{2014} later verder (de sessie wordt bewaard)";
pub(crate) const PAUSE_DATE: &str =
    "Wanneer verwacht u verder te gaan? Datum (dd-mm-jjjj, optioneel):";
pub(crate) const PAUSE_DATE_READY: &str = "Esc terug naar de vraag]";
/// The date asked after "later" at a wait put off as a follow-up: when its answer is expected.
pub(crate) const DEFER_DATE: &str =
    "Wanneer verwacht u het antwoord op deze vraag? Datum (dd-mm-jjjj, optioneel):";

#[test]
fn not_yet_at_a_wait_pauses_with_the_date_typed_and_the_list_shows_it() {
    let ws = Workspace::new();
    let to_d4: String = TO_D4_PAUSE
        .lines()
        .filter(|l| !l.starts_with("- later"))
        .map(|l| format!("{l}\n"))
        .collect();
    let id = stored_until(&ws, "--gemeente Voorbeeldstad --kenmerk P-5", &to_d4);
    let mut tty = resume(&ws, &id);

    // At a wait the cursor starts at "Nog niet — later verder" (the fourth line, after "Ja,
    // verschenen", "Nee — nieuwe afspraak gemaakt" and "Nee, niet verschenen"): Enter alone
    // pauses, it never records an appointment that was not kept.
    tty.prompt(D4, SELECT_READY);
    assert!(
        tty.screen_since(D4).contains(&format!("> {PAUSE}")),
        "{}",
        tty.screen()
    );
    tty.send(ENTER);
    // A date that does not exist is refused; the corrected one is taken.
    tty.prompt(PAUSE_DATE, PAUSE_DATE_READY);
    tty.send("31-02-2026");
    tty.send(ENTER);
    tty.expect("Geen geldige datum; typ bijvoorbeeld 20-12-2026.");
    tty.send(&BACKSPACE.repeat(10));
    tty.send("10-12-2026");
    tty.send(ENTER);
    tty.expect("wacht bij D4");
    assert_eq!(tty.finish(), 0, "exit code\n{}", tty.screen());
    tty.assert_dutch();

    let stored = ws.session_json(&id);
    let pauses: Vec<&Value> = stored["journaal"]
        .as_array()
        .expect("journaal")
        .iter()
        .filter(|e| e["gebeurtenis"] == "pauze")
        .collect();
    assert_eq!(pauses.len(), 1, "{stored:#}");
    assert_eq!(pauses[0]["vraag"], "D4");
    assert_eq!(pauses[0]["verwacht"], "2026-12-10");

    let list = ws.cmd("sessies").run().code(0).no_panic();
    let table = SessionTable::parse(&list.stdout);
    table.assert_cell(&id, "Status", "wacht");
    let waiting = squash(&table.cell(&id, "Wacht op"));
    assert!(
        waiting.starts_with("D4,sinds23-11-2026") && waiting.ends_with("verwacht10-12-2026"),
        "{waiting}\n{}",
        list.stdout
    );
}

/// "Nee" at "PPM?" must not end the session unasked: the end is confirmed, and "nee" returns to
/// the question.
#[test]
fn a_choice_that_ends_the_session_is_confirmed_first() {
    let (ws, mut tty) = start("--export s.json");
    to_d1(&mut tty);
    tty.send(DOWN);
    tty.send(ENTER);
    tty.prompt(ENDS_SESSION, CONFIRM_READY);
    assert!(
        tty.screen_since(ENDS_SESSION)
            .contains("Hiermee rondt u de sessie af ('Geen actie op dit moment'). Klopt dat?"),
        "{}",
        tty.screen()
    );
    tty.send("nee");
    tty.send(ENTER);
    // Back at the question (at "— kies een antwoord —" again), nothing recorded; now "Ja".
    tty.prompt(D1, SELECT_READY);
    choose(&mut tty, &format!("{DOWN}{DOWN}{ENTER}"));
    tty.expect("Kindcheck");
    tty.send(CTRL_C);
    assert_eq!(tty.finish(), 130, "exit code\n{}", tty.screen());
    let id = ws.only_session();
    let json = export_of(&ws, &id);
    assert_eq!(json["afgerond"], false);
    assert_eq!(row(&json, "D1")["antwoord"], "Ja");
    assert!(!route(&json).contains(&"E0"), "{json}");
}
