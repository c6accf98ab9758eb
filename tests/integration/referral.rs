//! Referrals resolved against the Sociale Kaart in a session: the providers of the client's
//! gemeente (and region-wide ones) are offered and recorded with their contact details; those
//! of another gemeente are not; "geen passend aanbod" is recorded as a gap.

use crate::common::{Output, Test};
use serde_json::Value;

/// From the intake to the choice of problem area at B3 (negative Kindcheck and no other
/// signals, consent for current care and the GP, light problems with enough resources,
/// single problems).
const TO_B3: &str = "
- intake
- alles
- geen
- ja
- alles
- alleen het ongeboren kind
- negatief
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
";

fn session(args: &str, referral: &str) -> Output {
    Test::new()
        .args(&format!("start --export s.json {args}"))
        .answers(&format!("{TO_B3}- {referral}\n- nee\n"))
        .run()
}

fn referral(out: &Output) -> Value {
    let json: Value = serde_json::from_str(&out.read("s.json")).expect("json");
    json["verwijzingen"]
        .as_array()
        .unwrap()
        .iter()
        .find(|v| v["categorie"] == "psychosociaal")
        .expect("psychosociaal referral")
        .clone()
}

#[test]
fn a_provider_of_the_clients_gemeente_is_recorded_with_contact_details() {
    let out = session("--gemeente havendorp", "Sociaal Team")
        .code(0)
        .no_panic();
    let v = referral(&out);
    assert_eq!(v["kaart"][0]["naam"], "Sociaal Team Havendorp");
    assert!(v["kaart"][0]["telefoon"]
        .as_str()
        .unwrap()
        .starts_with("010-"));
    assert!(v["kaart"][0]["aanmelden"].is_string());
    let json: Value = serde_json::from_str(&out.read("s.json")).unwrap();
    let out = out.stdout_has("Sociaal Team Havendorp");
    // The session records the gemeente (in the map's spelling) and the map it used.
    let data = out.dir.join("data");
    let file = std::fs::read_dir(&data)
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.extension().is_some_and(|x| x == "json"))
        .unwrap();
    let record: Value = serde_json::from_str(&std::fs::read_to_string(file).unwrap()).unwrap();
    assert_eq!(record["gemeente"], "Havendorp");
    assert_eq!(record["kaart"]["naam"], "Sociale Kaart VSV Voorbeeld");
    assert_eq!(record["kaart"]["sha256"].as_str().unwrap().len(), 64);
    assert_eq!(json["sessie"]["gemeente"], "Havendorp");
}

#[test]
fn a_provider_of_another_gemeente_is_not_offered() {
    let out = session("--gemeente Voorbeeldstad", "Sociaal Team Havendorp")
        .code(2)
        .no_panic();
    out.stderr_has("'Sociaal Team Havendorp' staat niet op de Sociale Kaart bij deze verwijzing")
        .stderr_has("Op de Sociale Kaart staan voor 'psychosociaal' in Voorbeeldstad:");
}

#[test]
fn the_offer_lists_the_gemeente_and_the_region_from_light_to_heavy() {
    let out = session("--gemeente Voorbeeldstad", "niet-bestaand").code(2);
    let offer: Vec<&str> = out
        .stderr
        .lines()
        .skip_while(|l| !l.contains("Op de Sociale Kaart staan"))
        .skip(1)
        .take_while(|l| l.trim_start().starts_with("- "))
        .collect();
    let names: Vec<&str> = offer
        .iter()
        .map(|l| l.split('(').nth(1).unwrap().trim_end_matches(')'))
        .collect();
    assert!(names.contains(&"Wijkteam Voorbeeldstad"), "{names:?}");
    assert!(
        names.contains(&"Buurtmoeders Voorbeeldregio"),
        "region-wide: {names:?}"
    );
    assert!(
        !names
            .iter()
            .any(|n| n.contains("Havendorp") || n.contains("Polderwijk")),
        "{names:?}"
    );
}

#[test]
fn no_fitting_offer_is_recorded_as_a_gap_and_shown() {
    let out = session("--gemeente Polderwijk", "geen passend aanbod")
        .code(0)
        .no_panic();
    let v = referral(&out);
    assert_eq!(v["geen_passend_aanbod"], true);
    assert_eq!(v["kaart"], serde_json::json!([]));
    let out = out.stdout_has("GEEN PASSEND AANBOD");
    let json: Value = serde_json::from_str(&out.read("s.json")).unwrap();
    let open = json["open_acties"]["Verloskundig zorgverlener"]
        .as_array()
        .unwrap();
    assert!(
        open.iter().any(|a| a["tekst"]
            .as_str()
            .unwrap()
            .starts_with("Geen passend aanbod in de categorie 'psychosociaal'")),
        "{open:?}"
    );
}

#[test]
fn others_not_on_the_map_are_recorded_as_typed() {
    let out = session(
        "--gemeente Polderwijk",
        "{kaart: [Buurtteam Polderwijk], andere: [Kerkelijk steunpunt]}",
    )
    .code(0);
    let v = referral(&out);
    assert_eq!(
        v["aanbieders"],
        serde_json::json!(["Buurtteam Polderwijk", "Kerkelijk steunpunt"])
    );
    assert_eq!(v["andere"], serde_json::json!(["Kerkelijk steunpunt"]));
}

#[test]
fn an_unknown_gemeente_is_refused_with_the_known_ones() {
    Test::new()
        .args("start --gemeente Atlantis")
        .answers("- alles\n")
        .run()
        .code(2)
        .no_panic()
        .stderr_has(
            "de gemeente 'Atlantis' staat niet op de Sociale Kaart 'Sociale Kaart VSV Voorbeeld'",
        )
        .stderr_has("Voorbeeldstad, Havendorp, Polderwijk");
}

#[test]
fn a_map_with_errors_is_not_used() {
    Test::new()
        .file(
            "kapot.yaml",
            "kaart:\n  naam: K\n  versie: \"1\"\n  gemeenten: [A]\naanbieders:\n  - id: x\n    naam: X\n    categorieen: [ggz]\n    telefoon: \"abc\"\n",
        )
        .args("start --kaart kapot.yaml")
        .answers("- alles\n")
        .run()
        .code(1)
        .no_panic()
        .stderr_has("kapot.yaml")
        .stderr_has("er is geen sessie gestart");
}

#[test]
fn the_veilig_thuis_report_names_who_to_whom_and_the_phone_number() {
    // A report at B2 (acute or structural unsafety), then complex problems up to the
    // appointment.
    let answers = "
- intake
- alles
- geen
- ja
- alles
- ongeboren kind en een kind van 2 jaar
- positief
- alles
- Aandachtsfunctionaris
- nee
- gevoerd
- ja
- ja
- ja
- vt-voorbeeldregio
- later          # B2-vt: terugkoppeling Veilig Thuis, als opvolging
- alles
- ja
- alles
- ja
- alles
- nee
- [kind-in-gevaar, misbruik]
- complex
- Centrum Kwetsbare Zwangeren
- ja
- alles
- jeugdverpleegkundige
- later
";
    let out = Test::new()
        .args("start --export s.json --gemeente Voorbeeldstad")
        .answers(answers)
        .run()
        .code(0);
    let json: Value = serde_json::from_str(&out.read("s.json")).unwrap();
    let open = json["open_acties"]["Verloskundig zorgverlener"]
        .as_array()
        .unwrap();
    assert!(
        open.iter().any(|a| a["tekst"]
            .as_str()
            .unwrap()
            .starts_with("Melding bij Veilig Thuis Voorbeeldregio (0800-2000)")),
        "{open:?}"
    );
}

#[test]
fn no_fitting_offer_together_with_a_provider_is_refused() {
    session(
        "--gemeente Havendorp",
        "{kaart: [Sociaal Team], geen-passend-aanbod: true}",
    )
    .code(2)
    .no_panic()
    .stderr_has(
        "'geen passend aanbod' gaat niet samen met een gekozen hulpverlener of organisatie",
    );
}

#[test]
fn the_embedded_example_map_is_announced_as_made_up() {
    let out = session("--gemeente Havendorp", "Sociaal Team").code(0);
    let out = out.stderr_has("Let op: zorgpad gebruikt de ingebouwde VOORBEELDKAART");
    let json: Value = serde_json::from_str(&out.read("s.json")).unwrap();
    assert!(json["sessie"]["kaart"]["bron"]
        .as_str()
        .unwrap()
        .contains("verzonnen"));
    out.stdout_has("LET OP: ingebouwde voorbeeldkaart");
}

#[test]
fn a_vsvs_own_map_is_not_announced_as_an_example() {
    let map = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/sociale-kaart/voorbeeld.yaml"
    ))
    .unwrap();
    let out = Test::new()
        .file("eigen.yaml", map)
        .args("start --export s.json --kaart eigen.yaml --gemeente Havendorp")
        .answers(&format!("{TO_B3}- Sociaal Team\n- nee\n"))
        .run()
        .code(0);
    assert!(!out.stderr.contains("VOORBEELDKAART"), "{}", out.stderr);
    let json: Value = serde_json::from_str(&out.read("s.json")).unwrap();
    assert!(json["sessie"]["kaart"]["bron"].is_null());
}
