//! A box that shows an organisation of the Sociale Kaart (`kaart: CATEGORIE` in the flow), as
//! "Veilig Thuis koppelt terug" does with footnote 3: the organisation chosen at the earlier
//! referral of that category, else every provider of it for the client's gemeente, else that
//! the map has none (with the national number for Veilig Thuis). In the summary (Markdown and
//! JSON), in the terminal before the prompt, and in what `controleer` accepts.

use serde_json::Value;

use crate::common::{Test, Workspace};

/// A report to Veilig Thuis (or not), then a wait for its feedback that shows the Veilig Thuis.
const FLOW: &str = "\
naam: Melding en terugkoppeling
versie: \"1\"
start: M
rollen:
  vz: Verloskundig zorgverlener
voetnoten:
  3: De Veilig Thuis van de gemeente staat op de Sociale Kaart.
knopen:
  - id: M
    soort: beslissing
    rol: vz
    titel: Melden bij Veilig Thuis
    uitleg: Besluit of u meldt.
    vraag: Meldt u bij Veilig Thuis?
    opties:
      - id: ja
        label: Ja
        naar: MELD
      - id: nee
        label: Nee
        naar: TK
  - id: MELD
    soort: verwijzing
    rol: vz
    titel: Melding bij Veilig Thuis
    categorie: veilig-thuis
    uitleg: Kies de Veilig Thuis waar u meldt.
    vraag: Bij welke Veilig Thuis meldt u?
    volgende: TK
  - id: TK
    soort: wachten
    rol: vz
    titel: Veilig Thuis koppelt terug aan verloskundig zorgverlener en huisarts
    kaart: veilig-thuis
    voetnoten: [3]
    uitleg: Wacht op de terugkoppeling.
    vraag: Heeft Veilig Thuis teruggekoppeld?
    opties:
      - id: ja
        label: Ja, teruggekoppeld
        naar: E
  - id: E
    soort: einde
    titel: Klaar
    uitkomst: Terugkoppeling ontvangen.
";

/// Two Veilig Thuis organisations for Havendorp (one for the whole region), one for
/// Voorbeeldstad only.
const MAP: &str = "\
kaart:
  naam: Kaart Test
  versie: \"1\"
  gemeenten: [Havendorp, Voorbeeldstad]
aanbieders:
  - id: vt-regio
    naam: Veilig Thuis Regio
    categorieen: [veilig-thuis]
    niveau: 3
    telefoon: \"010-0000001\"
  - id: vt-noord
    naam: Veilig Thuis Noord
    categorieen: [veilig-thuis]
    gemeenten: [Havendorp]
    niveau: 3
    telefoon: \"010-0000002\"
    email: noord@example.org
    adres: Noordstraat 1, Havendorp
    aanmelden: Bel op werkdagen tussen 9 en 17 uur.
  - id: vt-zuid
    naam: Veilig Thuis Zuid
    categorieen: [veilig-thuis]
    gemeenten: [Voorbeeldstad]
    niveau: 3
    telefoon: \"010-0000003\"
  - id: af
    naam: Aandachtsfunctionaris Test
    categorieen: [aandachtsfunctionaris]
    niveau: 1
    telefoon: \"010-0000004\"
";

/// The same map without any Veilig Thuis.
fn map_without_veilig_thuis() -> String {
    let start = MAP.find("  - id: af").expect("af");
    format!(
        "{}{}",
        &MAP[..MAP.find("  - id: vt-regio").unwrap()],
        &MAP[start..]
    )
}

/// A workspace with the flow and a map, and a session started in Havendorp with `answers`,
/// exported as JSON (`s.json`) by `start` and as Markdown (`s.md`) by `export`.
fn session(map: &str, answers: &str) -> (Workspace, Value, String) {
    let ws = Workspace::new();
    ws.write("flow.yaml", FLOW);
    ws.write("kaart.yaml", map);
    ws.cmd("start --flow flow.yaml --kaart kaart.yaml --gemeente Havendorp --export s.json")
        .answers(answers)
        .run()
        .code(0)
        .no_panic();
    let id = ws.only_session();
    ws.cmd(&format!("export {id} --formaat md -o s.md"))
        .run()
        .code(0)
        .no_panic();
    let json: Value = serde_json::from_str(&ws.read("s.json")).expect("json");
    let md = ws.read("s.md");
    (ws, json, md)
}

fn row<'a>(json: &'a Value, node: &str) -> &'a Value {
    json["route"]
        .as_array()
        .expect("route")
        .iter()
        .find(|r| r["knoop"] == node)
        .unwrap_or_else(|| panic!("{node} not in the route: {json:#}"))
}

fn ids(contact: &Value) -> Vec<&str> {
    contact["aanbieders"]
        .as_array()
        .expect("aanbieders")
        .iter()
        .map(|a| a["id"].as_str().unwrap())
        .collect()
}

#[test]
fn the_box_shows_the_organisation_chosen_at_the_report_with_its_phone() {
    let (_ws, json, md) = session(MAP, "- ja\n- Veilig Thuis Noord\n- ja\n");
    let contact = &row(&json, "TK")["contact"];
    assert_eq!(contact["categorie"], "veilig-thuis");
    assert_eq!(contact["gekozen_bij"], "MELD");
    assert_eq!(ids(contact), ["vt-noord"]);
    assert_eq!(contact["aanbieders"][0]["telefoon"], "010-0000002");
    assert_eq!(contact["aanbieders"][0]["email"], "noord@example.org");
    // Additive: every other row of the route has no `contact` at all.
    for node in ["M", "MELD", "E"] {
        assert!(
            row(&json, node).get("contact").is_none(),
            "{node}: {json:#}"
        );
    }
    assert!(json.get("huidige_contact").is_none(), "{json:#}");
    assert!(
        md.contains(
            "Ja, teruggekoppeld<br>Contact (gekozen bij 'Melding bij Veilig Thuis'): \
             Veilig Thuis Noord · tel. 010-0000002 · noord@example.org |"
        ),
        "{md}"
    );
    assert!(!md.contains("Veilig Thuis Regio"), "{md}");
}

#[test]
fn without_an_earlier_referral_the_box_shows_the_providers_of_the_gemeente() {
    let (_ws, json, md) = session(MAP, "- nee\n- ja\n");
    let contact = &row(&json, "TK")["contact"];
    assert_eq!(contact["gekozen_bij"], Value::Null);
    // Light to heavy, then by name; Voorbeeldstad's own Veilig Thuis is not for Havendorp.
    assert_eq!(ids(contact), ["vt-noord", "vt-regio"]);
    assert!(
        md.contains(
            "Contact (Sociale Kaart): Veilig Thuis Noord · tel. 010-0000002 · noord@example.org\
             <br>Contact (Sociale Kaart): Veilig Thuis Regio · tel. 010-0000001 |"
        ),
        "{md}"
    );
    assert!(!md.contains("Veilig Thuis Zuid"), "{md}");
}

#[test]
fn a_map_without_veilig_thuis_says_so_with_the_national_number() {
    let (_ws, json, md) = session(&map_without_veilig_thuis(), "- nee\n- ja\n");
    let contact = &row(&json, "TK")["contact"];
    assert_eq!(contact["aanbieders"], serde_json::json!([]));
    assert!(
        md.contains(
            "Contact (Sociale Kaart): Geen organisatie in de categorie 'veilig-thuis' voor \
             Havendorp op de Sociale Kaart; landelijk: 0800-2000."
        ),
        "{md}"
    );
}

#[test]
fn a_session_waiting_at_the_box_names_whom_to_reach() {
    let (_ws, json, md) = session(MAP, "- ja\n- Veilig Thuis Noord\n- later\n");
    assert_eq!(json["huidige_contact"]["gekozen_bij"], "MELD");
    assert_eq!(ids(&json["huidige_contact"]), ["vt-noord"]);
    assert!(
        md.contains(
            "  - Contact (gekozen bij 'Melding bij Veilig Thuis'): \
             Veilig Thuis Noord · tel. 010-0000002 · noord@example.org\n"
        ),
        "{md}"
    );
}

/// In plain lines (`--toegankelijk`): the block is printed as lines before the options, and
/// the options are numbered.
#[test]
fn in_plain_lines_the_box_names_the_organisation_chosen_at_the_report() {
    let ws = Workspace::new();
    ws.write("flow.yaml", FLOW);
    ws.write("kaart.yaml", MAP);
    let out = ws
        .cmd("start --flow flow.yaml --kaart kaart.yaml --gemeente Havendorp --toegankelijk")
        .stdin("1\n\n1\n1\nja\n\n")
        .run()
        .code(0)
        .no_panic()
        .stderr_has("1. Veilig Thuis Noord")
        .stderr_has("2. Veilig Thuis Regio");
    let shown = out
        .stderr
        .split("Veilig Thuis koppelt terug aan verloskundig zorgverlener en huisarts")
        .nth(1)
        .expect("the box");
    assert!(
        shown.contains(
            "Contact (Sociale Kaart, categorie 'veilig-thuis', gekozen bij 'Melding bij Veilig Thuis'):\n\
             - Veilig Thuis Noord · tel. 010-0000002 · noord@example.org\n\
             adres: Noordstraat 1, Havendorp\n\
             aanmelden: Bel op werkdagen tussen 9 en 17 uur.\n"
        ),
        "{shown}"
    );
    assert!(!shown.contains('\u{2022}'), "{shown}");
}

#[test]
fn controleer_accepts_kaart_on_a_wait_and_refuses_it_on_an_end() {
    Test::new()
        .file("flow.yaml", FLOW)
        .args("controleer --flow flow.yaml")
        .run()
        .code(0)
        .no_panic()
        .stdout_has("In orde: flow.yaml");
    let on_end = FLOW.replace(
        "    titel: Klaar\n",
        "    titel: Klaar\n    kaart: veilig-thuis\n",
    );
    let end_line = on_end
        .lines()
        .position(|l| l == "  - id: E")
        .expect("node E")
        + 1;
    Test::new()
        .file("flow.yaml", on_end)
        .args("controleer --flow flow.yaml")
        .run()
        .code(1)
        .no_panic()
        .stdout_has(&format!(
            "flow.yaml:{end_line}: fout: knoop 'E': het veld 'kaart' hoort niet bij een knoop van soort 'einde'"
        ))
        .stdout_has("haal 'kaart' weg, of kies de soort die erbij past (velden van 'einde': uitkomst, uitkomst-als, vervolg)");
}

#[test]
fn a_referral_keeps_its_categorie_and_refuses_kaart() {
    let on_referral = FLOW.replace(
        "    categorie: veilig-thuis\n",
        "    categorie: veilig-thuis\n    kaart: veilig-thuis\n",
    );
    Test::new()
        .file("flow.yaml", on_referral)
        .args("controleer --flow flow.yaml")
        .run()
        .code(1)
        .no_panic()
        .stdout_has(
            "knoop 'MELD': het veld 'kaart' hoort niet bij een knoop van soort 'verwijzing'",
        );
}

#[test]
fn kaart_controleer_requires_the_category_a_box_shows() {
    // A category of the VSV's own, used only by a box: a gap in every gemeente, and known.
    let flow = FLOW.replace("    kaart: veilig-thuis\n", "    kaart: eigen-nazorg\n");
    let out = Test::new()
        .file("flow.yaml", flow)
        .file("kaart.yaml", MAP)
        .args("kaart controleer --kaart kaart.yaml --flow flow.yaml --json")
        .run()
        .code(1)
        .no_panic();
    let json: Value = serde_json::from_str(&out.stdout).expect("json");
    assert!(
        json["nodige_categorieen"]
            .as_array()
            .unwrap()
            .iter()
            .any(|c| c == "eigen-nazorg"),
        "{json:#}"
    );
    assert!(
        json["gaten"]
            .as_array()
            .unwrap()
            .iter()
            .any(|g| g["categorie"] == "eigen-nazorg" && g["gemeente"] == "Havendorp"),
        "{json:#}"
    );
}

#[test]
fn toon_says_which_category_a_box_shows() {
    Test::new()
        .file("flow.yaml", FLOW)
        .args("toon --flow flow.yaml")
        .run()
        .code(0)
        .stdout_has("Toont wie te bereiken is: Sociale Kaart, categorie 'veilig-thuis'");
}

#[cfg(unix)]
mod terminal {
    use super::{map_without_veilig_thuis, FLOW, MAP};
    use crate::common::{squash, Workspace};
    use crate::pty::*;

    const REPORT: &str = "Meldt u bij Veilig Thuis?";
    const WHICH: &str = "Bij welke Veilig Thuis meldt u?";
    const FEEDBACK: &str = "Heeft Veilig Thuis teruggekoppeld?";
    const TITLE: &str = "Veilig Thuis koppelt terug aan verloskundig zorgverlener en huisarts";

    fn start(map: &str) -> (Workspace, Tty) {
        let ws = Workspace::new();
        ws.write("flow.yaml", FLOW);
        ws.write("kaart.yaml", map);
        let tty = Tty::spawn(
            &ws,
            "start --flow flow.yaml --kaart kaart.yaml --gemeente Havendorp",
        );
        (ws, tty)
    }

    /// Answer a decision or a wait with the option under the cursor, without a reason.
    fn choose(tty: &mut Tty, keys: &str) {
        tty.send(keys);
    }

    /// The screen of the box, from its title to its prompt.
    fn box_screen(tty: &Tty) -> String {
        let screen = tty.screen_since(TITLE);
        let end = screen.find(FEEDBACK).expect("the prompt");
        screen[..end].to_string()
    }

    #[test]
    fn the_organisation_chosen_at_the_report_is_shown_before_the_prompt() {
        let (_ws, mut tty) = start(MAP);
        tty.prompt(REPORT, SELECT_READY);
        choose(&mut tty, ENTER);
        // The referral offers Havendorp's Veilig Thuis: Noord, then Regio; Noord is ticked.
        tty.prompt(WHICH, MULTI_READY);
        tty.send(SPACE);
        tty.send(ENTER);
        tty.prompt(FEEDBACK, SELECT_READY);
        let shown = box_screen(&tty);
        assert!(
            squash(&shown).contains(&squash(
                "Contact (Sociale Kaart, categorie 'veilig-thuis', gekozen bij 'Melding bij \
                 Veilig Thuis'):\n  • Veilig Thuis Noord · tel. 010-0000002 · noord@example.org\n\
                 adres: Noordstraat 1, Havendorp\n aanmelden: Bel op werkdagen tussen 9 en 17 uur."
            )),
            "{shown}"
        );
        assert!(!shown.contains("Veilig Thuis Regio"), "{shown}");
        // After the title and its footnote, before the prompt.
        assert!(
            shown.find("[3]").unwrap() < shown.find("Contact (Sociale Kaart").unwrap(),
            "{shown}"
        );
        // At a wait the cursor starts at "Nog niet — later verder": up to the feedback, which
        // ends the session (confirmed).
        tty.send(&format!("{UP}{ENTER}"));
        confirm_end(&mut tty);
        assert_eq!(tty.finish(), 0, "exit code\n{}", tty.screen());
        tty.assert_dutch();
    }

    #[test]
    fn without_a_veilig_thuis_on_the_map_the_national_number_is_shown() {
        let (_ws, mut tty) = start(&map_without_veilig_thuis());
        tty.prompt(REPORT, SELECT_READY);
        // "Nee": straight to the wait, without a referral.
        choose(&mut tty, &format!("{DOWN}{ENTER}"));
        tty.prompt(FEEDBACK, SELECT_READY);
        let shown = box_screen(&tty);
        assert!(
            squash(&shown).contains(&squash(
                "Geen organisatie in de categorie 'veilig-thuis' voor Havendorp op de Sociale \
                 Kaart; landelijk: 0800-2000."
            )),
            "{shown}"
        );
        // At a wait the cursor starts at "Nog niet — later verder": up to the feedback, which
        // ends the session (confirmed).
        tty.send(&format!("{UP}{ENTER}"));
        confirm_end(&mut tty);
        assert_eq!(tty.finish(), 0, "exit code\n{}", tty.screen());
    }
}
