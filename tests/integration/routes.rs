//! A scripted session for every route of the blueprint, through the real binary. Each asserts
//! the outcome and the steps in the summary (table and JSON export).

use crate::common::{Output, Test};
use serde_json::Value;

/// Answers up to and including D1 = ja, the Meldcode at B2 (positive Kindcheck), B2 with
/// consent and contact, no VoorZorg.
const TO_D2: &str = "
- alles          # B1 intake en screening
- r4u            # instrument
- ja             # D1: PPM
- alles          # Kindcheck
- positief       # uitkomst Kindcheck
- alles          # Meldcode stap 1
- Aandachtsfunctionaris VSV   # stap 2
- nee            # advies Veilig Thuis
- gevoerd        # stap 3
- nee            # afwegingskader 1: geen vermoeden
- alles          # B2 inventariseer + toestemming vragen
- ja             # toestemming gegevensuitwisseling
- alles          # contact gelegd
- nee            # VoorZorg
";

/// The Meldcode at M1 up to a report to Veilig Thuis (acute or structural unsafety).
const MELDCODE_REPORT: &str = "
- alles          # Kindcheck
- positief
- alles          # stap 1
- Aandachtsfunctionaris VSV
- ja             # advies Veilig Thuis gevraagd
- gevoerd
- ja             # afweging 1: vermoeden
- ja             # afweging 2: acute of structurele onveiligheid
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
    let (out, json) = run("- alles\n- geen\n- nee\n");
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
        "{TO_D2}- geen\n- enkelvoudig\n- psychosociaal\n- {{andere: Buurtteam Voorbeeldstad}}\n- nee\n"
    );
    let (out, json) = run(&answers);
    has_in_order(
        &route(&json),
        &[
            "D1",
            "B2-meldcode",
            "KC",
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
    assert!(json["uitkomst"]
        .as_str()
        .unwrap()
        .contains("enkelvoudige problematiek"));
    out.stdout_has("Buurtteam Voorbeeldstad")
        .stdout_has("psychosociaal");
}

/// The shared tail of the specialised route once the client shows up.
const SHOWS_UP: &str = "
- ja             # D3 toestemming
- alles          # B5 afspraak + coördinator
- ja             # D4 verschenen
- alles          # Kindcheck (B6)
- negatief       # uitkomst
- alles          # B6
- alles          # B7 MDO
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
            "D4",
            "B6",
            "B7",
            "W1",
            "B8",
            "E-overdracht",
        ],
    );
    assert!(!route(&json).iter().any(|r| r.starts_with("B3")));
}

#[test]
fn persisting_problems_after_a_single_referral_take_the_specialised_route() {
    let answers = format!("{TO_D2}- geen\n- enkelvoudig\n- middelengebruik\n- Verslavingszorg Voorbeeld\n- twijfel\n- Centrum Kwetsbare Zwangeren\n{SHOWS_UP}");
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
    let answers = format!("{TO_D2}- [kind-in-gevaar]\n- complex\n- Centrum Kwetsbare Zwangeren\n- nee\n{MELDCODE_REPORT}- terugkoppeling-verloskundige\n");
    let (out, json) = run(&answers);
    let r = route(&json);
    has_in_order(
        &r,
        &[
            "D2",
            "B4",
            "D3",
            "M1",
            "KC",
            "MC1",
            "AK2",
            "AK-melden",
            "AK-gemeld",
            "VT",
            "E-veilig-thuis",
        ],
    );
    assert!(!r.contains(&"B5".to_string()));
    assert_eq!(answer_at(&json, "D3"), "Nee");
    assert!(json["uitkomst"]
        .as_str()
        .unwrap()
        .starts_with("Meldcode gevolgd"));
    // The feedback to the GP is still open, for Veilig Thuis.
    let open = json["open_acties"]["Veilig Thuis"]
        .as_array()
        .expect("open actions for Veilig Thuis");
    assert!(open.iter().any(|a| a
        .as_str()
        .unwrap()
        .starts_with("Terugkoppeling aan huisarts")));
    out.stdout_has("Meldcode gevolgd");
}

#[test]
fn complex_with_consent_but_no_show_follows_the_meldcode_to_veilig_thuis() {
    let answers = format!("{TO_D2}- [misbruik]\n- complex\n- Centrum Kwetsbare Zwangeren\n- ja\n- alles\n- nee\n{MELDCODE_REPORT}- alles\n");
    let (_, json) = run(&answers);
    has_in_order(
        &route(&json),
        &["D3", "B5", "D4", "M1", "KC", "VT", "E-veilig-thuis"],
    );
    assert_eq!(answer_at(&json, "D4"), "Nee, niet verschenen");
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
    assert!(json["uitkomst"].as_str().unwrap().contains("overgedragen"));
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
    out.stdout_has("Uitkomst: Complexe problematiek: verwezen, MDO gehouden")
        .stdout_has("Coördinerend");
}

#[test]
fn every_route_shows_flow_name_version_and_disclaimer() {
    Test::new()
        .args("start")
        .answers("- alles\n- geen\n- nee\n")
        .run()
        .code(0)
        .stdout_has("Blauwdruk Psychosociale zorg en samenwerking met Veilig Thuis (versie 2.0)")
        .stdout_has("vervangt het professionele oordeel niet");
}
