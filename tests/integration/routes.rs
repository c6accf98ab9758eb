//! A scripted session for every route of the blueprint, through the real binary. Each asserts
//! the outcome and the steps in the summary (table and JSON export).

use crate::common::{Output, Test, Workspace};
use serde_json::Value;

/// From the Meldcode at B2 (negative Kindcheck, but other signals: Meldcode steps 1–3, no
/// suspicion) through B2 with consent and contact for current care and the GP, no VoorZorg,
/// up to D2. A macro, so that both entries can put it behind their own answers.
macro_rules! from_b2 {
    () => {
        "
- alles          # Kindcheck
- ongeboren kind en een kind van 5 jaar   # Kindcheck: kinderen
- negatief       # uitkomst Kindcheck
- ja             # andere signalen: volg de Meldcode
- alles          # Meldcode stap 1
- Aandachtsfunctionaris VSV   # stap 2
- nee            # advies Veilig Thuis
- gevoerd        # stap 3
- nee            # afwegingskader 1: geen vermoeden
- alles          # B2 inventariseer + toestemming vragen
- ja             # toestemming huidige hulpverlening
- alles          # contact gelegd
- ja             # toestemming huisarts
- alles          # contact gelegd
- nee            # VoorZorg
"
    };
}

/// From the entry at the intake (B1, instrument, D1 = ja) up to D2.
const TO_D2: &str = concat!(
    "
- intake         # IN: bij de intake
- alles          # B1 intake en screening
- r4u            # instrument
- ja             # D1: PPM",
    from_b2!()
);

/// From the entry "later in de zorg" (no intake, no D1) up to D2.
const LATER_TO_D2: &str = concat!(
    "
- signalen-later # IN: later in de zorg",
    from_b2!()
);

/// The Meldcode at M1 (from step 1, no Kindcheck) up to a report to Veilig Thuis (acute or
/// structural unsafety), told to the client first.
const MELDCODE_REPORT: &str = "
- alles          # stap 1
- Aandachtsfunctionaris VSV
- ja             # advies Veilig Thuis gevraagd
- gevoerd
- ja             # afweging 1: vermoeden
- ja             # afweging 2: acute of structurele onveiligheid
- ja             # melding vooraf met de cliënt besproken
- Veilig Thuis Voorbeeldregio   # melding
";

fn run(answers: &str) -> (Output, Value) {
    let out = Test::new()
        .args("start --export s.json")
        .answers(answers)
        .run()
        .code(0)
        .no_panic();
    let json: Value = serde_json::from_str(&out.read("s.json")).expect("json export");
    (out, json)
}

/// The node ids of the route, in order.
fn route(json: &Value) -> Vec<String> {
    json["route"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["knoop"].as_str().unwrap().to_string())
        .collect()
}

fn answer_at(json: &Value, node: &str) -> String {
    json["route"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["knoop"] == node)
        .map(|r| r["antwoord"].as_str().unwrap().to_string())
        .unwrap_or_else(|| panic!("{node} not in route"))
}

fn has_in_order(route: &[String], wanted: &[&str]) {
    let mut at = 0;
    for w in wanted {
        match route[at..].iter().position(|r| r == w) {
            Some(i) => at += i + 1,
            None => panic!("{w} missing (in order) from route {route:?}"),
        }
    }
}

#[test]
fn no_ppm_means_no_action() {
    let (out, json) = run("- intake\n- alles\n- geen\n- nee\n");
    assert_eq!(json["afgerond"], true);
    assert!(json["uitkomst"]
        .as_str()
        .unwrap()
        .starts_with("Geen actie op dit moment"));
    assert_eq!(route(&json), ["IN", "B1", "B1-instrument", "D1", "E0"]);
    assert_eq!(answer_at(&json, "D1"), "Nee");
    out.stdout_has("Uitkomst: Geen actie op dit moment")
        .stdout_has("Geen openstaande acties.");
}

#[test]
fn single_problems_lead_to_a_referral() {
    let answers = format!(
        "{TO_D2}- [licht, voldoende-hulpbronnen]\n- enkelvoudig\n- psychosociaal\n- {{andere: Buurtteam Voorbeeldstad}}\n- nee\n"
    );
    let (out, json) = run(&answers);
    has_in_order(
        &route(&json),
        &[
            "D1",
            "B2-meldcode",
            "KC",
            "KC-andere-signalen",
            "MC1",
            "AK-afsluiten",
            "B2",
            "D2",
            "B3-gebied",
            "B3-psychosociaal",
            "B3-vervolg",
            "E-enkelvoudig",
        ],
    );
    assert!(!route(&json).contains(&"B4".to_string()));
    assert_eq!(answer_at(&json, "D2"), "Enkelvoudig");
    assert_eq!(
        json["verwijzingen"][0]["categorie"],
        "aandachtsfunctionaris"
    );
    let referral = &json["verwijzingen"][1];
    assert_eq!(referral["categorie"], "psychosociaal");
    assert_eq!(referral["aanbieders"][0], "Buurtteam Voorbeeldstad");
    assert_eq!(referral["andere"][0], "Buurtteam Voorbeeldstad");
    assert_eq!(referral["status"], "verwezen");
    assert!(json["uitkomst"]
        .as_str()
        .unwrap()
        .contains("enkelvoudige problematiek"));
    out.stdout_has("Buurtteam Voorbeeldstad")
        .stdout_has("psychosociaal");
}

/// The shared tail of the specialised route once the client consents and shows up: the
/// appointment and coordinator (B5), the second Kindcheck (B6), the MDO with its coordinator
/// post partum and feedback (B7), the birth (W1) and the handover (B8).
const SHOWS_UP: &str = "
- ja             # D3 toestemming
- alles          # B5 afspraak
- jeugdverpleegkundige van het Centrum Kwetsbare Zwangeren   # B5 coördinerend zorgverlener
- ja             # D4 verschenen
- alles          # Kindcheck (B6)
- ongeboren kind en een kind van 5 jaar
- negatief       # uitkomst
- nee            # geen andere signalen
- alles          # B6
- alles          # B7 MDO
- wijkverpleegkundige van het CJG   # B7 coördinerend zorgverlener post partum
- alles          # B7 terugkoppeling aan de betrokkenen
- bevallen       # W1
- alles          # B8
";

#[test]
fn doubt_at_the_complexity_decision_takes_the_specialised_route() {
    let answers =
        format!("{TO_D2}- [twijfel]\n- complex\n- Centrum Kwetsbare Zwangeren\n{SHOWS_UP}");
    let (_, json) = run(&answers);
    assert_eq!(answer_at(&json, "D2"), "Complex");
    assert_eq!(
        answer_at(&json, "D2-criteria"),
        "(Geringe) twijfel of persisterende problemen"
    );
    has_in_order(
        &route(&json),
        &[
            "D2",
            "B4",
            "D3",
            "B5",
            "B5-coordinator",
            "D4",
            "B6",
            "B7",
            "B7-coordinator-post-partum",
            "B7-terugkoppeling",
            "W1",
            "B8",
            "E-overdracht",
        ],
    );
    assert!(!route(&json).iter().any(|r| r.starts_with("B3")));
}

#[test]
fn persisting_problems_after_a_single_referral_take_the_specialised_route() {
    let answers = format!("{TO_D2}- [licht, voldoende-hulpbronnen]\n- enkelvoudig\n- middelengebruik\n- Verslavingszorg Voorbeeld\n- twijfel\n- Centrum Kwetsbare Zwangeren\n{SHOWS_UP}");
    let (_, json) = run(&answers);
    has_in_order(
        &route(&json),
        &[
            "D2",
            "B3-verslavingszorg",
            "B3-vervolg",
            "B4",
            "D3",
            "B6",
            "B8",
            "E-overdracht",
        ],
    );
    let categories: Vec<&str> = json["verwijzingen"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v["categorie"].as_str().unwrap())
        .collect();
    // The consultation in Meldcode step 2 is a referral to the aandachtsfunctionaris.
    assert_eq!(
        categories,
        [
            "aandachtsfunctionaris",
            "verslavingszorg",
            "kwetsbare-zwangeren"
        ]
    );
}

#[test]
fn complex_without_consent_follows_the_meldcode_to_veilig_thuis() {
    let answers = format!("{TO_D2}- [kind-in-gevaar]\n- complex\n- Centrum Kwetsbare Zwangeren\n- nee\n{MELDCODE_REPORT}- ja             # VT: teruggekoppeld\n- terugkoppeling-verloskundige\n");
    let (out, json) = run(&answers);
    let r = route(&json);
    has_in_order(
        &r,
        &[
            "D2",
            "B4",
            "D3",
            "M1",
            "MC1",
            "AK2",
            "AK-melden-besproken",
            "AK-melden",
            "AK-gemeld",
            "VT",
            "VT-terugkoppeling",
            "E-veilig-thuis",
        ],
    );
    assert!(!r.contains(&"B5".to_string()));
    assert!(!r.contains(&"M1-vervolg".to_string()));
    assert_eq!(answer_at(&json, "D3"), "Nee");
    let outcome = json["uitkomst"].as_str().unwrap();
    assert!(
        outcome.contains("De Meldcode is gevolgd (M1) en er is gemeld bij Veilig Thuis"),
        "{outcome}"
    );
    assert!(
        outcome.contains("geen toestemming voor de verwijzing"),
        "{outcome}"
    );
    // The feedback to the GP is still open, for Veilig Thuis.
    let open = json["open_acties"]["Veilig Thuis"]
        .as_array()
        .expect("open actions for Veilig Thuis");
    assert!(open.iter().any(|a| a["tekst"]
        .as_str()
        .unwrap()
        .starts_with("Terugkoppeling aan huisarts")));
    out.stdout_has("De Meldcode is gevolgd (M1) en er is gemeld bij Veilig Thuis");
}

#[test]
fn complex_with_consent_but_no_show_follows_the_meldcode_to_veilig_thuis() {
    let answers = format!("{TO_D2}- [misbruik]\n- complex\n- Centrum Kwetsbare Zwangeren\n- ja\n- alles\n- jeugdverpleegkundige\n- nee\n{MELDCODE_REPORT}- ja\n- alles\n");
    let (_, json) = run(&answers);
    has_in_order(
        &route(&json),
        &["D3", "B5", "D4", "M1", "MC1", "VT", "E-veilig-thuis"],
    );
    assert_eq!(
        answer_at(&json, "D4"),
        "Nee, niet verschenen — volg de Meldcode"
    );
    assert!(!route(&json).contains(&"B6".to_string()));
}

#[test]
fn complex_with_consent_and_attendance_goes_through_mdo_birth_and_handover() {
    let answers = format!("{TO_D2}- [hulpbronnen]\n- {{keuze: complex, toelichting: gebrek aan hulpbronnen}}\n- Centrum Kwetsbare Zwangeren\n{SHOWS_UP}");
    let (out, json) = run(&answers);
    has_in_order(
        &route(&json),
        &[
            "IN",
            "B1",
            "D1",
            "B2-meldcode",
            "B2",
            "D2",
            "B4",
            "D3",
            "B5",
            "D4",
            "B6-meldcode",
            "KC-negatief",
            "B6",
            "B7",
            "W1",
            "B8",
            "E-overdracht",
        ],
    );
    assert!(json["uitkomst"]
        .as_str()
        .unwrap()
        .contains("Na de bevalling overgedragen aan de coördinerend zorgverlener post partum"));
    // Roles change from the midwife to the coordinating care provider and the MDO.
    let role_of = |node: &str| {
        json["route"]
            .as_array()
            .unwrap()
            .iter()
            .find(|r| r["knoop"] == node)
            .unwrap()["rol"]
            .as_str()
            .unwrap()
            .to_string()
    };
    assert_eq!(role_of("B5"), "Verloskundig zorgverlener");
    assert_eq!(role_of("B6"), "Coördinerend zorgverlener");
    assert_eq!(role_of("B7"), "MDO");
    assert_eq!(role_of("B7-coordinator-post-partum"), "MDO");
    assert_eq!(role_of("B7-terugkoppeling"), "Coördinerend zorgverlener");
    assert_eq!(role_of("B8"), "Coördinerend zorgverlener");
    // The Kindcheck inside the sub-flow takes the role of the box that called it.
    let kc_roles: Vec<&str> = json["route"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|r| r["knoop"] == "KC")
        .map(|r| r["rol"].as_str().unwrap())
        .collect();
    assert_eq!(
        kc_roles,
        ["Verloskundig zorgverlener", "Coördinerend zorgverlener"]
    );
    let d2 = json["route"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["knoop"] == "D2")
        .unwrap();
    assert_eq!(d2["toelichting"], "gebrek aan hulpbronnen");
    assert_eq!(json["open_acties"], serde_json::json!({}));
    out.stdout_has("Uitkomst: Complexe problematiek: verwezen naar een gespecialiseerde hulpverlener, met een coördinerend zorgverlener. In het MDO is het definitieve behandelplan vastgesteld.")
        .stdout_has("Coördinerend");
}

#[test]
fn signals_later_in_care_go_through_the_specialised_route_to_the_handover() {
    // The entry "later in de zorg": no intake, straight to the Kindcheck/Meldcode at B2.
    let answers = format!(
        "{LATER_TO_D2}- [hulpbronnen]\n- complex\n- Centrum Kwetsbare Zwangeren\n{SHOWS_UP}"
    );
    let (out, json) = run(&answers);
    let r = route(&json);
    has_in_order(
        &r,
        &[
            "IN",
            "B2-meldcode",
            "KC",
            "AK-afsluiten",
            "B2",
            "D2",
            "B4",
            "D3",
            "B5",
            "D4",
            "B6-meldcode",
            "B6",
            "B7",
            "W1",
            "B8",
            "E-overdracht",
        ],
    );
    assert!(!r.iter().any(|n| n == "B1" || n == "D1"), "{r:?}");
    assert_eq!(
        answer_at(&json, "IN"),
        "Later in de zorg — nu signalen van PPM"
    );
    assert!(json["uitkomst"]
        .as_str()
        .unwrap()
        .contains("Na de bevalling overgedragen"));
    assert_eq!(json["open_acties"], serde_json::json!({}));
    out.stdout_has("Later in de zorg")
        .stdout_lacks("Intakegesprek");
}

/// From D3 = nee into the Meldcode at M1 (step 1), closed without a report: no suspicion.
const M1_NO_SUSPICION: &str = "
- nee            # D3: geen toestemming
- alles          # M1: Meldcode stap 1
- Aandachtsfunctionaris VSV
- nee            # advies
- gevoerd
- nee            # afweging 1: geen vermoeden
";

#[test]
fn the_meldcode_without_a_report_can_offer_the_referral_again() {
    let answers = format!(
        "{TO_D2}- [kind-in-gevaar]\n- complex\n- Centrum Kwetsbare Zwangeren\n{M1_NO_SUSPICION}- opnieuw-verwijzen   # M1-vervolg\n- Centrum Kwetsbare Zwangeren\n{SHOWS_UP}"
    );
    let (out, json) = run(&answers);
    let r = route(&json);
    has_in_order(
        &r,
        &[
            "B4",
            "D3",
            "M1",
            "MC1",
            "AK-afsluiten",
            "M1-vervolg",
            "B4",
            "D3",
            "B5",
            "D4",
            "B6",
            "B7",
            "W1",
            "B8",
            "E-overdracht",
        ],
    );
    assert!(!r.iter().any(|n| n.starts_with("VT")), "{r:?}");
    assert_eq!(
        answer_at(&json, "M1-vervolg"),
        "Verwijzing opnieuw aanbieden"
    );
    // The first offer was refused, the second accepted: the record says so, in that order.
    let offers: Vec<&str> = json["verwijzingen"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|v| v["knoop"] == "B4")
        .map(|v| v["status"].as_str().unwrap())
        .collect();
    assert_eq!(offers, ["voorgesteld, niet uitgevoerd", "verwezen"]);
    let not_carried_out: Vec<&str> = json["let_op"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| l.as_str().unwrap())
        .filter(|l| l.contains("voorgesteld, niet uitgevoerd"))
        .collect();
    assert_eq!(not_carried_out.len(), 1, "{not_carried_out:?}");
    assert!(json["uitkomst"]
        .as_str()
        .unwrap()
        .contains("Na de bevalling overgedragen"));
    out.stdout_has("B4 Verwijs door naar gespecialiseerde hulpverlener/organisatie (categorie kwetsbare-zwangeren) — VOORGESTELD, NIET UITGEVOERD");
}

#[test]
fn a_referral_offered_again_is_not_yet_carried_out_before_the_client_answers() {
    // Stopped after the second offer (the answers run out before D3): the first offer stays
    // refused, the second waits for consent; an earlier refusal does not decide it.
    let ws = Workspace::new();
    ws.write(
        "a.yaml",
        format!(
            "{TO_D2}- [kind-in-gevaar]\n- complex\n- Centrum Kwetsbare Zwangeren\n{M1_NO_SUSPICION}- opnieuw-verwijzen\n- Centrum Kwetsbare Zwangeren\n"
        ),
    );
    ws.cmd("start --antwoorden a.yaml")
        .run()
        .code(2)
        .no_panic()
        .stderr_has("D3");
    let id = ws.only_session();
    ws.cmd(&format!("export {id} -o s.json")).run().code(0);
    let json: Value = serde_json::from_str(&ws.read("s.json")).expect("json export");
    let offers: Vec<&str> = json["verwijzingen"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|v| v["knoop"] == "B4")
        .map(|v| v["status"].as_str().unwrap())
        .collect();
    assert_eq!(
        offers,
        [
            "voorgesteld, niet uitgevoerd",
            "voorgesteld, nog niet uitgevoerd"
        ]
    );
}

#[test]
fn a_no_show_and_help_at_the_meldcode_end_with_following_the_client() {
    let answers = format!(
        "{TO_D2}- [misbruik]\n- complex\n- Centrum Kwetsbare Zwangeren\n- ja\n- alles\n- jeugdverpleegkundige\n- nee           # D4: niet verschenen
- alles          # M1: Meldcode stap 1
- Aandachtsfunctionaris VSV
- ja             # advies
- gevoerd
- ja             # afweging 1: vermoeden
- nee            # 2: geen acute of structurele onveiligheid
- ja             # 3: hulp mogelijk
- ja             # 4: hulp aanvaard
- alles          # hulp georganiseerd
- wijkteam en verloskundige, tot 6 weken na de bevalling   # wie volgt de veiligheid
- ja             # 5: duurzame veiligheid
- volgen         # M1-vervolg
- verloskundige, bij elk consult tot de bevalling
"
    );
    let (out, json) = run(&answers);
    let r = route(&json);
    has_in_order(
        &r,
        &[
            "D4",
            "M1",
            "MC1",
            "AK4",
            "AK-hulp",
            "AK-hulp-volgen",
            "AK5",
            "AK-volgen",
            "M1-vervolg",
            "M1-volgen",
            "E-meldcode",
        ],
    );
    assert!(!r.iter().any(|n| n.starts_with("VT")), "{r:?}");
    assert!(!r.contains(&"B6".to_string()));
    assert_eq!(json["afgerond"], true);
    let outcome = json["uitkomst"].as_str().unwrap();
    assert!(
        outcome.contains("De Meldcode is gevolgd (M1) zonder melding bij Veilig Thuis"),
        "{outcome}"
    );
    assert!(
        outcome.contains("verwezen, maar niet op de afspraak verschenen"),
        "{outcome}"
    );
    assert!(!outcome.contains("geen toestemming"), "{outcome}");
    assert!(
        outcome.contains(
            "Meldcode afgesloten met hulp en afspraken over het volgen van de veiligheid"
        ),
        "{outcome}"
    );
    assert!(
        outcome.contains("De cliënt wordt gevolgd in de eigen zorg"),
        "{outcome}"
    );
    assert!(!outcome.contains("geen vermoeden"), "{outcome}");
    out.stdout_has("Meldcode afgesloten met hulp");
}

#[test]
fn every_route_shows_flow_name_version_and_disclaimer() {
    Test::new()
        .args("start")
        .answers("- intake\n- alles\n- geen\n- nee\n")
        .run()
        .code(0)
        .stdout_has("Blauwdruk Psychosociale zorg en samenwerking met Veilig Thuis (versie 3.1)")
        .stdout_has("vervangt het professionele oordeel niet");
}
