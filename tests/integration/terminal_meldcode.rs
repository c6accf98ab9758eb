//! The routes of issue 13 in a real pseudo-terminal (the harness in `pty.rs`), as a midwife
//! walks them: the Meldcode at M1 from step 1 and, without a report, no Veilig Thuis box; with
//! a report, the Veilig Thuis box with whom to reach from the Sociale Kaart, where the session
//! waits; the criterion ticked in advance after a positive Kindcheck; the mandatory handover at
//! B8. As in `terminal.rs`, an answers file answers the questions before the point under test
//! and `zorgpad hervat` goes on in the terminal.

use serde_json::Value;

use crate::common::{squash, SessionTable, Workspace, D4_TO_MDO_PAUSE, MDO_TO_END, TO_D4_PAUSE};
use crate::pty::*;
use crate::terminal::{
    choose, export_of, resume, route, row, stop, stored_until, CRITERIA, D2, DEFER_DATE, NVT,
    PAUSE_DATE_READY,
};

/// The lines of `script` before the first one that contains `marker`.
fn before(script: &str, marker: &str) -> String {
    let lines: Vec<&str> = script.lines().collect();
    let at = lines
        .iter()
        .position(|l| l.contains(marker))
        .unwrap_or_else(|| panic!("{marker:?} not in the script"));
    lines[..at].iter().map(|l| format!("{l}\n")).collect()
}

/// From the intake to the consent for the referral (D3): a positive Kindcheck, the Meldcode at
/// B2 closed without suspicion, complex, referred to the Centrum Kwetsbare Zwangeren.
fn to_d3() -> String {
    before(TO_D4_PAUSE, "# D3")
}

const D3: &str = "Geeft de cliënt toestemming voor de verwijzing?";
const CHECKLIST: &str = "Welke acties zijn gedaan?";
const MC1: &str = "Meldcode stap 1: breng signalen in kaart";
const MC2: &str = "Met wie heeft u overlegd (collega of aandachtsfunctionaris)?";
const MC2_ADVICE: &str = "Heeft u advies gevraagd aan Veilig Thuis (0800-2000)?";
const MC3: &str = "Heeft u het gesprek met de cliënt gevoerd?";
const AK1: &str = "Is er, na stap 1 tot en met 3, een vermoeden";
const AK2: &str = "Is er sprake van acute onveiligheid of structurele onveiligheid?";
const TOLD: &str = "Heeft u de cliënt vooraf verteld dat u gaat melden bij Veilig Thuis?";
const REPORT: &str = "Bij welke Veilig Thuis-organisatie is de melding gedaan?";
const M1_NEXT: &str = "Hoe gaat het verder zonder melding bij Veilig Thuis?";
const M1_FOLLOW: &str = "Wie volgt de cliënt, en tot wanneer?";
const VT_TITLE: &str = "Veilig Thuis koppelt terug aan verloskundig zorgverlener en huisarts";
const VT: &str = "Heeft Veilig Thuis teruggekoppeld?";
/// The end of the help line of a text question that cannot wait.
const ANSWER_READY: &str =
    "typ het antwoord en Enter \u{b7} ? voor uitleg \u{b7} Esc terug \u{b7} Ctrl-C stoppen]";

/// What only the Kindcheck shows: its first action, the children, its outcome.
const KINDCHECK: [&str; 3] = [
    "Zwangerschap vastgelegd: het ongeboren kind telt mee",
    "Hoeveel kinderen, en hoe oud?",
    "Wat is de uitkomst van de Kindcheck?",
];

/// D3 "Nee" (the second option, under "— kies een antwoord —": consent is weighty): the Meldcode at M1, which starts at step 1, never with the
/// Kindcheck. Steps 1 and 2 of the Meldcode: every signal recorded, the first colleague on the
/// Sociale Kaart consulted.
fn refuse_and_meldcode_steps_1_and_2(tty: &mut Tty) {
    tty.prompt(D3, SELECT_READY);
    choose(tty, &format!("{DOWN}{DOWN}{ENTER}"));
    tty.prompt(CHECKLIST, MULTI_READY);
    let next = tty.screen_since(D3);
    for shown in [
        "\u{25b8} Volg Meldcode",
        "\u{2500}\u{2500} Stap 2 van 5 \u{b7} M1 \u{2014} Verloskundig zorgverlener \u{b7} Volg Meldcode \u{2500}\u{2500}",
        MC1,
        "[ ] Signalen feitelijk vastgelegd in het dossier",
    ] {
        assert!(next.contains(shown), "{shown:?} not on screen after D3:\n{next}");
    }
    for kindcheck in KINDCHECK {
        assert!(!next.contains(kindcheck), "the Kindcheck at M1:\n{next}");
    }
    tty.send(RIGHT);
    tty.send(ENTER);
    tty.prompt(MC2, MULTI_READY);
    tty.send(SPACE);
    tty.send(ENTER);
}

/// The nodes of the sub-flow run from M1 in the JSON export, in order.
fn m1_nodes(json: &Value) -> Vec<String> {
    json["subflows"]
        .as_array()
        .expect("subflows")
        .iter()
        .find(|r| r["vanuit"].as_str().is_some_and(|v| v.starts_with("M1")))
        .unwrap_or_else(|| panic!("no sub-flow from M1: {json:#}"))["stappen"]
        .as_array()
        .expect("stappen")
        .iter()
        .map(|r| r["knoop"].as_str().expect("knoop").to_string())
        .collect()
}

fn let_op(json: &Value) -> String {
    json["let_op"]
        .as_array()
        .expect("let_op")
        .iter()
        .map(|l| l.as_str().expect("a line"))
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn m1_starts_at_meldcode_step_1_and_without_a_report_asks_how_it_goes_on() {
    let ws = Workspace::new();
    let id = stored_until(&ws, "--gemeente Voorbeeldstad", &to_d3());
    let mut tty = resume(&ws, &id);
    refuse_and_meldcode_steps_1_and_2(&mut tty);
    // Advice not asked, the conversation held, no suspicion (the first option). These are
    // weighty: each list starts at "— kies een antwoord —", one above the first option.
    tty.prompt(MC2_ADVICE, SELECT_READY);
    choose(&mut tty, &format!("{DOWN}{DOWN}{ENTER}"));
    tty.prompt(MC3, SELECT_READY);
    choose(&mut tty, &format!("{DOWN}{ENTER}"));
    tty.prompt(AK1, SELECT_READY);
    choose(&mut tty, &format!("{DOWN}{ENTER}"));

    // The Meldcode closed without a report: the next question is how it goes on, not the
    // Veilig Thuis box.
    tty.prompt(M1_NEXT, SELECT_READY);
    let next = tty.screen_since("Nee, geen vermoeden");
    for shown in [
        "Meldcode: afsluiten en vastleggen in het dossier",
        "Meldcode afgesloten zonder melding",
        "Verwijzing opnieuw aanbieden",
        "De cliënt in de eigen zorg blijven volgen",
    ] {
        assert!(next.contains(shown), "{shown:?} not on screen:\n{next}");
    }
    for vt in [VT_TITLE, VT, "VT \u{2014} Veilig Thuis"] {
        assert!(!next.contains(vt), "{vt:?} without a report:\n{next}");
    }
    // Keep following the client (the second option), and say who and until when.
    choose(&mut tty, &format!("{DOWN}{ENTER}"));
    tty.prompt(M1_FOLLOW, ANSWER_READY);
    tty.send("verloskundige, bij elk consult tot de bevalling");
    tty.send(ENTER);
    assert_eq!(tty.finish(), 0, "exit code\n{}", tty.screen());

    let screen = tty.screen();
    assert!(
        squash(&screen).contains(&squash(
            "Uitkomst: De Meldcode is gevolgd (M1) zonder melding bij Veilig Thuis. De cliënt gaf \
             geen toestemming voor de verwijzing"
        )),
        "{screen}"
    );
    // Nowhere in the walk (the summary after it shows the Kindcheck of B2).
    let walk = &screen[..screen.find("SAMENVATTING").expect("the summary")];
    for never in KINDCHECK.iter().chain(&[VT, VT_TITLE]) {
        assert!(!walk.contains(never), "{never:?} on screen:\n{walk}");
    }
    tty.assert_dutch();

    let json = export_of(&ws, &id);
    assert_eq!(json["afgerond"], true);
    let nodes = m1_nodes(&json);
    assert_eq!(nodes.first().map(String::as_str), Some("MC1"), "{nodes:?}");
    assert!(!nodes.iter().any(|n| n.starts_with("KC")), "{nodes:?}");
    let route = route(&json);
    assert!(!route.iter().any(|n| n.starts_with("VT")), "{route:?}");
    assert_eq!(route.last(), Some(&"E-meldcode"), "{route:?}");
    assert_eq!(
        row(&json, "M1-volgen")["antwoord"],
        "verloskundige, bij elk consult tot de bevalling"
    );
}

#[test]
fn m1_with_a_report_shows_veilig_thuis_from_the_map_and_waits_for_its_feedback() {
    let ws = Workspace::new();
    let id = stored_until(&ws, "--gemeente Voorbeeldstad", &to_d3());
    let mut tty = resume(&ws, &id);
    refuse_and_meldcode_steps_1_and_2(&mut tty);
    // Advice asked, the conversation held, a suspicion (the second option), acute or
    // structural unsafety, the report told to the client first.
    tty.prompt(MC2_ADVICE, SELECT_READY);
    choose(&mut tty, &format!("{DOWN}{ENTER}"));
    tty.prompt(MC3, SELECT_READY);
    choose(&mut tty, &format!("{DOWN}{ENTER}"));
    tty.prompt(AK1, SELECT_READY);
    choose(&mut tty, &format!("{DOWN}{DOWN}{ENTER}"));
    tty.prompt(AK2, SELECT_READY);
    choose(&mut tty, &format!("{DOWN}{ENTER}"));
    tty.prompt(TOLD, SELECT_READY);
    choose(&mut tty, &format!("{DOWN}{ENTER}"));
    // The report, to Veilig Thuis Voorbeeldregio (the first on the map).
    tty.prompt(REPORT, MULTI_READY);
    tty.send(SPACE);
    tty.send(ENTER);

    // The Veilig Thuis box: whom to reach, from the Sociale Kaart, before its question.
    tty.prompt(VT, SELECT_READY);
    let vt = tty.screen_since(
        "\u{2500}\u{2500} Stap 2 van 5 \u{b7} VT \u{2014} Veilig Thuis \u{2500}\u{2500}\n",
    );
    assert!(vt.contains(VT_TITLE), "{vt}");
    let contact = squash(&vt);
    let question = contact.find(&squash(VT)).expect("the question");
    for shown in [
        "Contact (Sociale Kaart, categorie 'veilig-thuis', gekozen bij 'Meldcode stap 5: melden \
         bij Veilig Thuis'):",
        "\u{2022} Veilig Thuis Voorbeeldregio \u{b7} tel. 0800-2000",
        "aanmelden: Bel 0800-2000 (gratis, dag en nacht)",
    ] {
        let at = contact
            .find(&squash(shown))
            .unwrap_or_else(|| panic!("{shown:?} not in the Veilig Thuis box:\n{vt}"));
        assert!(at < question, "{shown:?} after the question:\n{vt}");
    }
    // Not yet: the feedback becomes a follow-up beside the path. The cursor starts at
    // "Later — als opvolging" (after the one option); Enter alone puts it off, without a date.
    assert!(vt.contains(&format!("> {DEFER}")), "{vt}");
    tty.send(ENTER);
    tty.prompt(DEFER_DATE, PAUSE_DATE_READY);
    tty.send(ENTER);
    tty.expect("Er staat nog 1 opvolging open");
    assert_eq!(tty.finish(), 0, "exit code\n{}", tty.screen());
    tty.assert_dutch();

    // The path is done, but the session waits for the feedback: it says what is open.
    let list = ws.cmd("sessies").run().code(0).no_panic();
    let table = SessionTable::parse(&list.stdout);
    table.assert_cell(&id, "Status", "wacht");
    assert!(
        squash(&table.cell(&id, "Wacht op")).starts_with("opvolgingVT"),
        "{}",
        list.stdout
    );
    let json = export_of(&ws, &id);
    assert_eq!(json["sessie"]["status"], "wacht op opvolging");
    assert_eq!(json["opvolgingen"][0]["id"], "VT");
    assert_eq!(json["opvolgingen"][0]["open"], true);
    assert!(
        let_op(&json).contains("Opvolging staat open: VT Heeft Veilig Thuis teruggekoppeld?"),
        "{}",
        let_op(&json)
    );
    // The outcome does not claim the feedback: it says it is still open.
    assert!(
        json["uitkomst"]
            .as_str()
            .unwrap()
            .contains("De terugkoppeling aan de verloskundig zorgverlener staat nog open."),
        "{}",
        json["uitkomst"]
    );
    let nodes = m1_nodes(&json);
    assert_eq!(nodes.first().map(String::as_str), Some("MC1"), "{nodes:?}");
    assert!(nodes.iter().any(|n| n == "AK-melden"), "{nodes:?}");
    assert!(!route(&json).contains(&"VT-terugkoppeling"));
}

/// "Later" at a wait that can be a follow-up.
const DEFER: &str = "\u{23ed} Later \u{2014} als opvolging; het pad gaat nu verder";

const UNTICK_REASON: &str =
    "U vinkte een vooraf aangevinkt criterium uit. Waarom? (wordt vastgelegd)";
const UNTICK_READY: &str = "Esc terug naar de criteria]";
const IN_DANGER: &str = "Complex: al aanwezige of ongeboren kind(eren) (mogelijk) in gevaar";

#[test]
fn after_a_positive_kindcheck_child_in_danger_is_ticked_in_advance_and_unticking_needs_a_reason() {
    let ws = Workspace::new();
    let id = stored_until(
        &ws,
        "--gemeente Voorbeeldstad",
        &before(TO_D4_PAUSE, "# D2-criteria"),
    );
    let mut tty = resume(&ws, &id);

    // Ticked in advance, and why: the positive Kindcheck. Nothing else is ticked.
    tty.prompt(CRITERIA, MULTI_READY);
    let criteria = tty.screen_since(CRITERIA);
    assert!(
        squash(&criteria).contains(&squash(&format!("[x] {IN_DANGER} *"))),
        "{criteria}"
    );
    assert_eq!(criteria.matches("[x]").count(), 1, "{criteria}");

    // Untick it (the second line): a reason is asked before going on; empty is refused.
    tty.send(DOWN);
    tty.send(SPACE);
    tty.send(ENTER);
    tty.prompt(UNTICK_REASON, UNTICK_READY);
    let asked = tty.screen_since(UNTICK_REASON);
    assert!(!asked.contains("Enter om over te slaan"), "{asked}");
    tty.send(ENTER);
    tty.expect("Vul iets in, of typ ? voor uitleg.");
    // Esc goes back to the criteria, as left: unticked.
    tty.send(ESC);
    tty.prompt(CRITERIA, MULTI_READY);
    let again = tty.screen_since(CRITERIA);
    assert!(again.contains(&format!("[ ] {IN_DANGER}")), "{again}");
    assert!(!again.contains("[x]"), "{again}");
    // Confirmed unticked: the reason again, now given; on to D2.
    tty.send(ENTER);
    tty.prompt(UNTICK_REASON, UNTICK_READY);
    tty.send("zorgen betroffen een eerdere situatie");
    tty.send(ENTER);
    tty.prompt(D2, SELECT_READY);
    let d2 = tty.screen_since("Voorstel van zorgpad");
    assert!(d2.contains("> Complex   \u{2190} voorstel"), "{d2}");
    stop(&mut tty);
    tty.assert_dutch();

    let json = export_of(&ws, &id);
    let criteria = row(&json, "D2-criteria");
    assert_eq!(
        criteria["toelichting"],
        "zorgen betroffen een eerdere situatie"
    );
    assert!(
        !criteria["antwoord"]
            .as_str()
            .is_some_and(|a| a.contains("in gevaar")),
        "{criteria}"
    );
}

const B8_MANDATORY: &str = "Overdracht aan de coördinerend zorgverlener post partum";
const B8_OTHERS: &str = "Overdracht aan alle andere betrokken hulpverleners";

#[test]
fn the_handover_post_partum_is_mandatory_and_never_offered_as_not_applicable() {
    let ws = Workspace::new();
    let to_b8 = format!(
        "{}{}{}",
        before(TO_D4_PAUSE, "- later"),
        before(D4_TO_MDO_PAUSE, "- later"),
        before(MDO_TO_END, "# B8")
    );
    let id = stored_until(&ws, "--gemeente Voorbeeldstad", &to_b8);
    let mut tty = resume(&ws, &id);

    // B8: the handover post partum is marked as mandatory.
    tty.prompt(CHECKLIST, MULTI_READY);
    let b8 = tty.screen_since(CHECKLIST);
    assert!(
        b8.contains(&format!("[ ] {B8_MANDATORY} (verplicht)")),
        "{b8}"
    );
    assert!(b8.contains(&format!("[ ] {B8_OTHERS}")), "{b8}");
    // Nothing done: of the rest, only the other handover can be n.v.t.
    tty.send(ENTER);
    tty.prompt(NVT, MULTI_READY);
    let nvt = tty.screen_since(NVT);
    assert!(nvt.contains(&format!("[ ] {B8_OTHERS}")), "{nvt}");
    assert!(
        !nvt.contains(B8_MANDATORY),
        "mandatory offered as n.v.t.:\n{nvt}"
    );
    tty.send(ENTER);
    assert_eq!(tty.finish(), 0, "exit code\n{}", tty.screen());
    tty.assert_dutch();

    // The session ends, and says the handover is still open.
    let json = export_of(&ws, &id);
    assert_eq!(json["afgerond"], true);
    let outcome = json["uitkomst"].as_str().expect("uitkomst");
    assert!(
        outcome
            .contains("De overdracht aan de coördinerend zorgverlener post partum staat nog open."),
        "{outcome}"
    );
    assert!(
        json["open_acties"].to_string().contains(B8_MANDATORY),
        "{}",
        json["open_acties"]
    );
}
